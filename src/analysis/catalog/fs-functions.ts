/**
 * The functions of `node:fs/promises` (also `fs.promises`): one list for the catalogue of promise
 * returning APIs and for the blocking `fs.xSync` calls whose twin they are.
 */

/** Every `fs.promises.x` function, each also in `fs` as `xSync`. */
export const FS_PROMISE_FUNCTIONS: readonly string[] = [
  'access',
  'appendFile',
  'chmod',
  'chown',
  'copyFile',
  'cp',
  'lchown',
  'link',
  'lstat',
  'lutimes',
  'mkdir',
  'mkdtemp',
  'open',
  'opendir',
  'readdir',
  'readFile',
  'readlink',
  'realpath',
  'rename',
  'rm',
  'rmdir',
  'stat',
  'statfs',
  'symlink',
  'truncate',
  'unlink',
  'utimes',
  'writeFile',
];

/** `fs.promises.open` resolves to a `FileHandle` where `openSync` returns a descriptor: not a drop-in twin. */
const NOT_A_SYNC_TWIN: ReadonlySet<string> = new Set(['open']);

/** `fs.xSync` whose `fs.promises.x` twin takes the same arguments and returns the same value. */
export const FS_SYNC_TWINS: readonly string[] = FS_PROMISE_FUNCTIONS.filter((name) => !NOT_A_SYNC_TWIN.has(name));
