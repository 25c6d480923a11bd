/**
 * APIs that block the thread they run on until the work is done: synchronous file system and
 * subprocess calls, CPU-heavy synchronous compression and key derivation, synchronous database
 * drivers, synchronous HTTP and prompts, and sleeps. Each row says where the API comes from, what
 * to use instead and, where a mechanical rewrite exists, how to fix it.
 */
import type { InstanceShape } from '../origin/instance-calls.js';
import type { ApiRow } from '../origin/modules.js';
import { FS_SYNC_TWINS } from './fs-functions.js';

export type BlockingCategory =
  | 'fs'
  | 'child_process'
  | 'zlib'
  | 'crypto'
  | 'sqlite'
  | 'electron'
  | 'sync-http'
  | 'prompt'
  | 'sleep'
  | 'deno'
  | 'bun'
  /** Rows a user adds through options. */
  | 'custom';

/** A module export the fix imports, written as a new import would write it. */
interface TwinImport {
  readonly module: string;
  readonly name: string;
}

export type AsyncTwinFix =
  /**
   * Call the twin instead and await it. A member callee gets its last property replaced by `member`
   * (`fs.readFileSync` → `fs.promises.readFile`, `Deno.statSync` → `Deno.stat`); a named import
   * calls `import` instead (omitted for globals, which are only reached through members).
   */
  | { readonly kind: 'rename'; readonly member: readonly string[]; readonly import?: TwinImport }
  /** `existsSync(p)` → `await access(p).then(() => true, () => false)` (`member`/`import` as for `rename`). */
  | { readonly kind: 'exists'; readonly member: readonly string[]; readonly import: TwinImport }
  /**
   * `gzipSync(x)` → `await promisify(gzip)(x)`: the callback export `name` of the same module, promisified.
   * `resultProperty` is read from the result where the sync call's value is used (`exec` → `.stdout`).
   * `untypedResult`: `@types/node` gives the export overloads and no `__promisify__`, so `promisify`
   * types the result `unknown` and a use of the value no longer compiles (TS2322).
   */
  | {
      readonly kind: 'promisify';
      readonly name: string;
      readonly resultProperty?: string;
      readonly untypedResult?: boolean;
    }
  /** A sleep: `await setTimeout(ms)` from `node:timers/promises`, the delay read from argument `argument` in `unit`. */
  | { readonly kind: 'sleep'; readonly argument: number; readonly unit: 'ms' | 's' | 'us' };

interface AsyncTwin {
  /** What to call instead, for messages, in Markdown: ``fs.promises.readFile()``. */
  readonly description: string;
  /** How to rewrite the call, when the rewrite is mechanical. */
  readonly fix?: AsyncTwinFix;
}

/** Objects made by a row's call whose own calls block: a database handle, a prompt function. */
type BlockingInstance = InstanceShape;

export interface BlockingApiRow extends ApiRow {
  readonly kind: 'call' | 'construct';
  readonly category: BlockingCategory;
  /** What to do instead, for the message: `Use \`fs.promises.readFile()\`.` */
  readonly hint: string;
  readonly twin?: AsyncTwin;
  /**
   * Synchronous by design and often a deliberate trade-off (`better-sqlite3`): reported only when the
   * rule's `checkSyncByDesignApis` option is on (the `strict` config).
   */
  readonly syncByDesign?: boolean;
  /**
   * Blocks only when the requested size is large: `randomBytes(size)` without a callback, or
   * `randomFillSync(buffer, offset, size)`. Argument `sizeArgument` (or the buffer's length), with
   * `callbackArgument` marking the asynchronous form.
   */
  readonly sizeCondition?: {
    readonly sizeArgument: number;
    readonly bufferArgument?: number;
    readonly callbackArgument?: number;
  };
  /** The call itself only makes an object (`require('prompt-sync')()`); the object's calls block. */
  readonly blocksWhenCalled?: false;
  readonly instance?: BlockingInstance;
  /**
   * `metadata`: one metadata system call (a stat, an access check, an unlink, a rename): microseconds on a
   * local disk, so a single one on a one-off path is not worth a change. Reported only where it repeats
   * (in a loop over data, per element) or serves requests (a route handler), unless the rule's
   * `checkMetadataCalls` option is on (the `strict` config).
   */
  readonly cost?: 'metadata';
  /**
   * Only reads the file or folder its first argument names (`readFileSync`, `readdirSync`, `statSync`):
   * a read of a kernel status file (`KERNEL_PSEUDO_FILES`) is answered from memory, with no disk to
   * wait for, so it is not reported.
   */
  readonly readsPath?: true;
  /**
   * The namespace name `hint` and `twin.description` use (`fs`, `fse`); messages put the file's own
   * name for it in its place (`fsExtra.stat()` for `fsExtra.statSync()`).
   */
  readonly namespace?: string;
}

/** Why blocking in each category hurts, completing "`x()` blocks the event loop …: <effect>". */
export const BLOCKING_EFFECTS: Readonly<Record<BlockingCategory, string>> = {
  fs: 'nothing else runs until the disk answers',
  child_process: 'nothing else runs until the command exits',
  zlib: 'the compression runs on the main thread while every other task waits',
  crypto: 'the computation runs on the main thread while every other task waits',
  sqlite: 'every query runs on the main thread while every other task waits',
  electron: 'the renderer freezes until the main process answers',
  'sync-http': 'nothing else runs until the server answers',
  prompt: 'nothing else runs until someone types an answer',
  sleep: 'it stops the whole thread, not just this task',
  deno: 'nothing else runs until it returns',
  bun: 'nothing else runs until the process exits',
  custom: 'nothing else runs until it returns',
};

/** Large enough for a synchronous random fill to stall the loop noticeably (64 KiB). */
export const LARGE_RANDOM_SIZE = 64 * 1024;

// --- node:fs ----------------------------------------------------------------------------------

/** `fs.xSync` (and `fs-extra`, Deno) calls that only read metadata: `existsSync`, `statSync`, `accessSync`, … */
const FS_METADATA: ReadonlySet<string> = new Set([
  'access',
  'exists',
  'lstat',
  'pathExists',
  'readlink',
  'realpath',
  'stat',
]);
/**
 * `fs.xSync` (and `fs-extra`) calls that change one directory entry or one inode's attributes and move no
 * file content: one system call (a few for `mkdir -p`) that a local disk answers in microseconds, priced
 * as a metadata read. `rm`, `rmdir` and fs-extra's `remove` are left out: they may walk a tree.
 */
const FS_ENTRY_CHANGES: ReadonlySet<string> = new Set([
  'chmod',
  'chown',
  'ensureDir',
  'lchown',
  'link',
  'lutimes',
  'mkdir',
  'mkdirp',
  'mkdirs',
  'mkdtemp',
  'rename',
  'symlink',
  'unlink',
  'utimes',
]);
/** Priced as one metadata system call (`cost: 'metadata'`). */
const FS_METADATA_COST: ReadonlySet<string> = new Set([...FS_METADATA, ...FS_ENTRY_CHANGES]);
/** `fs.xSync` (and `fs-extra`) calls that read what their first argument names and change nothing. */
const FS_READS: ReadonlySet<string> = new Set([
  ...FS_METADATA,
  'opendir',
  'readdir',
  'readFile',
  'statfs',
  'readJson',
  'readJSON',
]);
const READS_PATH = { readsPath: true } as const;

/** Status and statistics files of kernel pseudo-file systems, which the kernel fills from memory on each read. */
export interface KernelPseudoFiles {
  /** The fixed start of the path. */
  readonly prefix: string;
  /** The last segment (the file's name) the folder answers cheaply. */
  readonly files: (name: string) => boolean;
  /** Segments that lead out of the kernel's answers to real files (`/proc/self/cwd/…`) or to a stream (`fd/0`). */
  readonly leavesTheKernel: ReadonlySet<string>;
}

/** Small per-process and system-wide status files of `/proc` (not `kcore`, `kmsg`, `mem`, `net/*` or `cmdline`). */
const PROC_STATUS_FILES: ReadonlySet<string> = new Set([
  'cgroup',
  'comm',
  'cpu',
  'cpuinfo',
  'io',
  'limits',
  'loadavg',
  'meminfo',
  'memory',
  'oom_score',
  'oom_score_adj',
  'sched',
  'schedstat',
  'stat',
  'statm',
  'status',
  'uptime',
  'version',
]);
/** A sysfs attribute file (`memory.max`, `cpu.stat`, `speed`, `online`). */
const SYSFS_ATTRIBUTE = /^[\w.-]+$/u;
const NO_SEGMENTS: ReadonlySet<string> = new Set();

/**
 * Reads there never wait on a disk or a device (writes are left out: writing to `/sys` can start driver
 * work). A read of `/proc/meminfo` or `/proc/<pid>/stat` is how process managers sample memory and CPU.
 */
export const KERNEL_PSEUDO_FILES: readonly KernelPseudoFiles[] = [
  {
    prefix: '/proc/',
    files: (name) => PROC_STATUS_FILES.has(name),
    leavesTheKernel: new Set(['cwd', 'root', 'fd', 'map_files']),
  },
  ...['/sys/fs/cgroup/', '/sys/class/net/', '/sys/devices/system/cpu/'].map((prefix): KernelPseudoFiles => ({
    prefix,
    files: (name) => SYSFS_ATTRIBUTE.test(name),
    leavesTheKernel: NO_SEGMENTS,
  })),
];

/** Deno's metadata reads and single entry or attribute changes (its `remove` may walk a tree). */
const DENO_METADATA: ReadonlySet<string> = new Set([
  'chmod',
  'chown',
  'link',
  'lstat',
  'makeTempDir',
  'mkdir',
  'readLink',
  'realPath',
  'rename',
  'stat',
  'symlink',
  'utime',
]);
const METADATA = { cost: 'metadata' } as const;

/** File-descriptor APIs: the promise API works on a `FileHandle`, so there is no one-to-one twin. */
const FS_DESCRIPTOR = [
  'close',
  'fchmod',
  'fchown',
  'fdatasync',
  'fstat',
  'fsync',
  'ftruncate',
  'futimes',
  'open',
  'read',
  'readv',
  'write',
  'writev',
];

const fsRenamed = (module: string, name: string): BlockingApiRow => ({
  module,
  path: [`${name}Sync`],
  kind: 'call',
  category: 'fs',
  ...(FS_METADATA_COST.has(name) ? METADATA : {}),
  ...(FS_READS.has(name) ? READS_PATH : {}),
  namespace: 'fs',
  hint: `Use \`fs.promises.${name}()\`.`,
  twin: {
    description: `\`fs.promises.${name}()\``,
    fix: { kind: 'rename', member: ['promises', name], import: { module: 'node:fs/promises', name } },
  },
});

const fsRows = (module: string): BlockingApiRow[] => [
  ...FS_SYNC_TWINS.map((name) => fsRenamed(module, name)),
  {
    module,
    path: ['existsSync'],
    kind: 'call',
    category: 'fs',
    ...METADATA,
    ...READS_PATH,
    namespace: 'fs',
    hint: 'Use `fs.promises.access()` (it rejects when the path is missing).',
    twin: {
      description: '`access(path).then(() => true, () => false)`',
      fix: { kind: 'exists', member: ['promises', 'access'], import: { module: 'node:fs/promises', name: 'access' } },
    },
  },
  ...FS_DESCRIPTOR.map((name): BlockingApiRow => ({
    module,
    path: [`${name}Sync`],
    kind: 'call',
    category: 'fs',
    hint: 'Use a `FileHandle` from `fs.promises.open()` and its methods.',
  })),
  {
    module,
    path: ['realpathSync', 'native'],
    kind: 'call',
    category: 'fs',
    ...METADATA,
    ...READS_PATH,
    hint: 'Use `fs.promises.realpath()`.',
  },
  { module, path: ['lchmodSync'], kind: 'call', category: 'fs', hint: 'Use `fs.promises.lchmod()`.' },
  { module, path: ['globSync'], kind: 'call', category: 'fs', hint: 'Use `fs.promises.glob()` (an async iterator).' },
];

// --- fs-extra: the fs API plus its own helpers; every async form returns a promise without a callback.

const FS_EXTRA_RENAMED = [
  ...FS_SYNC_TWINS,
  'copy',
  'createFile',
  'emptyDir',
  'emptydir',
  'ensureDir',
  'ensureFile',
  'ensureLink',
  'ensureSymlink',
  'mkdirp',
  'mkdirs',
  'move',
  'outputFile',
  'outputJson',
  'outputJSON',
  'pathExists',
  'readJson',
  'readJSON',
  'remove',
  'writeJson',
  'writeJSON',
];

const fsExtraRenamed = (name: string, twin = name): BlockingApiRow => ({
  module: 'fs-extra',
  path: [`${name}Sync`],
  kind: 'call',
  category: 'fs',
  ...(FS_METADATA_COST.has(name) ? METADATA : {}),
  ...(FS_READS.has(name) ? READS_PATH : {}),
  namespace: 'fse',
  hint: `Use \`fse.${twin}()\`, which returns a promise.`,
  twin: {
    description: `\`fse.${twin}()\``,
    fix: { kind: 'rename', member: [twin], import: { module: 'fs-extra', name: twin } },
  },
});

// --- node:child_process ------------------------------------------------------------------------

const childProcessRows: BlockingApiRow[] = [
  {
    module: 'child_process',
    path: ['execSync'],
    kind: 'call',
    category: 'child_process',
    hint: 'Use `promisify(exec)` from `node:util`.',
    twin: { description: '`promisify(exec)`', fix: { kind: 'promisify', name: 'exec', resultProperty: 'stdout' } },
  },
  {
    module: 'child_process',
    path: ['execFileSync'],
    kind: 'call',
    category: 'child_process',
    hint: 'Use `promisify(execFile)` from `node:util`.',
    twin: {
      description: '`promisify(execFile)`',
      fix: { kind: 'promisify', name: 'execFile', resultProperty: 'stdout' },
    },
  },
  {
    module: 'child_process',
    path: ['spawnSync'],
    kind: 'call',
    category: 'child_process',
    hint: "Use `spawn()` and wait for its `'close'` event (`await once(child, 'close')`).",
  },
];

// --- node:zlib and node:crypto: CPU-heavy work with a callback twin ------------------------------

const ZLIB = [
  'brotliCompress',
  'brotliDecompress',
  'deflate',
  'deflateRaw',
  'gunzip',
  'gzip',
  'inflate',
  'inflateRaw',
  'unzip',
  'zstdCompress',
  'zstdDecompress',
];

const CRYPTO = ['checkPrime', 'generateKey', 'generateKeyPair', 'generatePrime', 'hkdf', 'pbkdf2', 'scrypt'];

/** Crypto exports whose promisified result `@types/node` types as `unknown`. */
const UNTYPED_PROMISIFY: ReadonlySet<string> = new Set(['checkPrime', 'generatePrime', 'randomFill', 'scrypt']);

const promisified = (
  module: string,
  category: 'zlib' | 'crypto',
  name: string,
  path = [`${name}Sync`],
): BlockingApiRow => ({
  module,
  path,
  kind: 'call',
  category,
  hint: `Use \`promisify(${name})\` from \`node:util\` (it runs on the thread pool).`,
  twin: {
    description: `\`promisify(${name})\``,
    fix: { kind: 'promisify', name, ...(UNTYPED_PROMISIFY.has(name) ? { untypedResult: true } : {}) },
  },
});

const cryptoRows: BlockingApiRow[] = [
  ...CRYPTO.map((name) => promisified('crypto', 'crypto', name)),
  {
    ...promisified('crypto', 'crypto', 'randomBytes', ['randomBytes']),
    sizeCondition: { sizeArgument: 0, callbackArgument: 1 },
  },
  {
    ...promisified('crypto', 'crypto', 'randomFill', ['randomFillSync']),
    sizeCondition: { sizeArgument: 2, bufferArgument: 0 },
  },
];

// --- databases and IPC that are synchronous by design ---------------------------------------------

const STATEMENT: BlockingInstance = { methods: { all: true, get: true, iterate: true, run: true } };

const sqliteRows: BlockingApiRow[] = [
  {
    module: 'node:sqlite',
    path: ['DatabaseSync'],
    kind: 'construct',
    category: 'sqlite',
    syncByDesign: true,
    hint: 'Keep queries short, or run them in a worker thread.',
    instance: { methods: { exec: true, prepare: STATEMENT } },
  },
  ...(['construct', 'call'] as const).map((kind): BlockingApiRow => ({
    module: 'better-sqlite3',
    path: [],
    kind,
    category: 'sqlite',
    syncByDesign: true,
    hint: 'Keep queries short, or run them in a worker thread.',
    instance: { methods: { exec: true, pragma: true, prepare: STATEMENT, transaction: { call: true } } },
  })),
  {
    module: 'electron',
    path: ['ipcRenderer', 'sendSync'],
    kind: 'call',
    category: 'electron',
    syncByDesign: true,
    hint: 'Use `ipcRenderer.invoke()` with `ipcMain.handle()`.',
  },
];

// --- npm packages that block on purpose -----------------------------------------------------------

const READLINE_SYNC = [
  'keyIn',
  'keyInPause',
  'keyInSelect',
  'keyInYN',
  'keyInYNStrict',
  'prompt',
  'promptCL',
  'promptCLLoop',
  'promptLoop',
  'promptSimShell',
  'question',
  'questionEMail',
  'questionFloat',
  'questionInt',
  'questionNewPassword',
  'questionPath',
];

const npmRows: BlockingApiRow[] = [
  { module: 'sync-request', path: [], kind: 'call', category: 'sync-http', hint: 'Use `fetch()`.' },
  { module: 'sync-fetch', path: [], kind: 'call', category: 'sync-http', hint: 'Use `fetch()`.' },
  ...READLINE_SYNC.map((name): BlockingApiRow => ({
    module: 'readline-sync',
    path: [name],
    kind: 'call',
    category: 'prompt',
    hint: 'Use `rl.question()` from `node:readline/promises`.',
  })),
  {
    module: 'prompt-sync',
    path: [],
    kind: 'call',
    category: 'prompt',
    hint: 'Use `rl.question()` from `node:readline/promises`.',
    blocksWhenCalled: false,
    instance: { call: true, methods: { hide: true } },
  },
];

// --- sleeps -------------------------------------------------------------------------------------

const sleepRow = (
  module: string | undefined,
  path: string[],
  argument: number,
  unit: 'ms' | 's' | 'us',
): BlockingApiRow => ({
  ...(module === undefined ? {} : { module }),
  path,
  kind: 'call',
  category: 'sleep',
  hint: 'Use `await setTimeout(ms)` from `node:timers/promises`.',
  twin: { description: '`setTimeout()` from `node:timers/promises`', fix: { kind: 'sleep', argument, unit } },
});

const sleepRows: BlockingApiRow[] = [
  sleepRow(undefined, ['Atomics', 'wait'], 3, 'ms'),
  sleepRow('sleep', ['sleep'], 0, 's'),
  sleepRow('sleep', ['msleep'], 0, 'ms'),
  sleepRow('sleep', ['usleep'], 0, 'us'),
  sleepRow('system-sleep', [], 0, 'ms'),
  {
    path: ['Bun', 'sleepSync'],
    kind: 'call',
    category: 'sleep',
    hint: 'Use `await Bun.sleep(ms)`.',
    twin: { description: '`Bun.sleep()`', fix: { kind: 'rename', member: ['sleep'] } },
  },
];

// --- Deno and Bun -------------------------------------------------------------------------------

const DENO_RENAMED = [
  'chmod',
  'chown',
  'copyFile',
  'create',
  'link',
  'lstat',
  'makeTempDir',
  'makeTempFile',
  'mkdir',
  'open',
  'readFile',
  'readLink',
  'readTextFile',
  'realPath',
  'remove',
  'rename',
  'stat',
  'symlink',
  'truncate',
  'utime',
  'writeFile',
  'writeTextFile',
];

const runtimeRows: BlockingApiRow[] = [
  ...DENO_RENAMED.map((name): BlockingApiRow => ({
    path: ['Deno', `${name}Sync`],
    kind: 'call',
    category: 'deno',
    ...(DENO_METADATA.has(name) ? METADATA : {}),
    hint: `Use \`await Deno.${name}()\`.`,
    twin: { description: `\`Deno.${name}()\``, fix: { kind: 'rename', member: [name] } },
  })),
  {
    path: ['Deno', 'readDirSync'],
    kind: 'call',
    category: 'deno',
    hint: 'Use `for await (const entry of Deno.readDir(path))`.',
  },
  { path: ['Bun', 'spawnSync'], kind: 'call', category: 'bun', hint: 'Use `Bun.spawn()` and `await proc.exited`.' },
];

// --- popular npm packages with sync I/O or CPU-heavy sync exports (survey: rules-docs/catalogue.md) ----

/**
 * `name` → `twin` of the same package, which returns a promise when called without a callback. `namespace`
 * is the usual name of a default import (`bcrypt`); omit it for packages used through named imports.
 */
const packageRenamed = (
  module: string,
  category: BlockingCategory,
  namespace: string | undefined,
  name: string,
  twin: string,
): BlockingApiRow => {
  const shown = namespace === undefined ? `\`${twin}()\`` : `\`${namespace}.${twin}()\``;
  return {
    module,
    path: [name],
    kind: 'call',
    category,
    ...(namespace === undefined ? {} : { namespace }),
    hint: `Use ${shown}, which returns a promise.`,
    twin: { description: shown, fix: { kind: 'rename', member: [twin], import: { module, name: twin } } },
  };
};

/** A sync export whose async form is not a drop-in rename (another major version, another call shape). */
const packageHinted = (module: string, category: BlockingCategory, path: string[], hint: string): BlockingApiRow => ({
  module,
  path,
  kind: 'call',
  category,
  hint,
});

const GLOB_HINT = 'Use `await glob()` (glob 9 and later return a promise) or `fs.promises.glob()`.';
const RIMRAF_HINT = 'Use `await fs.promises.rm(path, { recursive: true, force: true })`.';
const MKDIR_HINT = 'Use `await fs.promises.mkdir(path, { recursive: true })`.';
const SPAWN_HINT = "Use `spawn()` and wait for its `'close'` event (`await once(child, 'close')`).";

const packageRows: BlockingApiRow[] = [
  // Password hashing: bcrypt runs the async form on the thread pool; bcryptjs yields between rounds.
  ...['bcrypt', 'bcryptjs'].flatMap((module) =>
    [
      ['hashSync', 'hash'],
      ['compareSync', 'compare'],
      ['genSaltSync', 'genSalt'],
    ].map(([name, twin]) => packageRenamed(module, 'crypto', 'bcrypt', name!, twin!)),
  ),
  // Globbing and directory walks.
  packageRenamed('glob', 'fs', undefined, 'globSync', 'glob'),
  packageHinted('glob', 'fs', ['sync'], GLOB_HINT),
  packageHinted('glob', 'fs', ['glob', 'sync'], GLOB_HINT),
  packageHinted('glob', 'fs', ['glob', 'globSync'], GLOB_HINT),
  packageRenamed('fast-glob', 'fs', 'fg', 'sync', 'async'),
  packageRenamed('fast-glob', 'fs', 'fg', 'globSync', 'glob'),
  packageRenamed('tinyglobby', 'fs', undefined, 'globSync', 'glob'),
  packageRenamed('globby', 'fs', undefined, 'globbySync', 'globby'),
  packageHinted('globby', 'fs', ['sync'], 'Use `await globby()`.'),
  packageHinted(
    'klaw-sync',
    'fs',
    [],
    'Use `await fs.promises.readdir(dir, { recursive: true, withFileTypes: true })`.',
  ),
  // Files and directories.
  ...fsRows('graceful-fs'),
  packageRenamed('jsonfile', 'fs', 'jsonfile', 'readFileSync', 'readFile'),
  packageRenamed('jsonfile', 'fs', 'jsonfile', 'writeFileSync', 'writeFile'),
  packageRenamed('load-json-file', 'fs', undefined, 'loadJsonFileSync', 'loadJsonFile'),
  packageHinted('load-json-file', 'fs', ['sync'], 'Use `await loadJsonFile()`.'),
  packageRenamed('read-pkg', 'fs', undefined, 'readPackageSync', 'readPackage'),
  packageHinted('read-pkg', 'fs', ['sync'], 'Use `await readPackage()`.'),
  packageRenamed('find-up', 'fs', undefined, 'findUpSync', 'findUp'),
  packageRenamed('find-up', 'fs', undefined, 'findUpMultipleSync', 'findUpMultiple'),
  packageHinted('find-up', 'fs', ['sync'], 'Use `await findUp()`.'),
  packageHinted('write-file-atomic', 'fs', ['sync'], 'Use `await writeFileAtomic()`, which returns a promise.'),
  packageRenamed('rimraf', 'fs', undefined, 'rimrafSync', 'rimraf'),
  packageHinted('rimraf', 'fs', ['sync'], RIMRAF_HINT),
  packageHinted('rimraf', 'fs', ['rimraf', 'sync'], RIMRAF_HINT),
  // `mkdir -p`: a few metadata system calls, priced as `fs.mkdirSync`.
  ...[
    packageRenamed('mkdirp', 'fs', undefined, 'mkdirpSync', 'mkdirp'),
    packageHinted('mkdirp', 'fs', ['sync'], MKDIR_HINT),
    packageHinted('mkdirp', 'fs', ['mkdirp', 'sync'], MKDIR_HINT),
    packageRenamed('make-dir', 'fs', undefined, 'makeDirectorySync', 'makeDirectory'),
    packageHinted('make-dir', 'fs', ['sync'], MKDIR_HINT),
  ].map((row): BlockingApiRow => ({ ...row, ...METADATA })),
  packageRenamed('del', 'fs', undefined, 'deleteSync', 'deleteAsync'),
  packageHinted('del', 'fs', ['sync'], 'Use `await deleteAsync()` (del 7 and later) or `fs.promises.rm()`.'),
  // Config loaders: the sync explorer's search() and load() read files.
  ...(
    [
      ['cosmiconfig', 'cosmiconfigSync', 'cosmiconfig'],
      ['lilconfig', 'lilconfigSync', 'lilconfig'],
    ] as const
  ).map(([module, name, twin]): BlockingApiRow => ({
    module,
    path: [name],
    kind: 'call',
    category: 'fs',
    hint: `Use \`${twin}()\`, whose \`search()\` and \`load()\` return promises.`,
    blocksWhenCalled: false,
    instance: { methods: { search: true, load: true } },
  })),
  // Spreadsheets: readFile/writeFile do the file I/O synchronously.
  packageHinted(
    'xlsx',
    'fs',
    ['readFile'],
    'Read the file with `fs.promises.readFile()` and parse the buffer with `XLSX.read()`.',
  ),
  ...['writeFile', 'writeFileXLSX'].map((name) =>
    packageHinted(
      'xlsx',
      'fs',
      [name],
      'Build the buffer with `XLSX.write()` and save it with `fs.promises.writeFile()`.',
    ),
  ),
  // Subprocesses.
  packageHinted('cross-spawn', 'child_process', ['sync'], SPAWN_HINT),
  packageRenamed('execa', 'child_process', undefined, 'execaSync', 'execa'),
  packageRenamed('execa', 'child_process', undefined, 'execaCommandSync', 'execaCommand'),
  packageHinted('execa', 'child_process', ['sync'], 'Use `await execa()`.'),
  packageHinted('execa', 'child_process', ['commandSync'], 'Use `await execa.command()`.'),
];

/** Every blocking API the rule knows, by origin. */
export const BLOCKING_APIS: readonly BlockingApiRow[] = [
  ...fsRows('fs'),
  ...FS_EXTRA_RENAMED.map((name) => fsExtraRenamed(name)),
  fsExtraRenamed('exists', 'pathExists'),
  ...FS_DESCRIPTOR.map((name): BlockingApiRow => ({
    module: 'fs-extra',
    path: [`${name}Sync`],
    kind: 'call',
    category: 'fs',
    hint: 'Use a `FileHandle` from `fs.promises.open()` and its methods.',
  })),
  ...childProcessRows,
  ...ZLIB.map((name) => promisified('zlib', 'zlib', name)),
  ...cryptoRows,
  ...sqliteRows,
  ...npmRows,
  ...sleepRows,
  ...runtimeRows,
  ...packageRows,
];

/** Methods that block on an object of a row's module, wherever the object came from: for typed files. */
function blockingMethods(shape: InstanceShape, into = new Set<string>()): Set<string> {
  for (const [name, entry] of Object.entries(shape.methods ?? {})) {
    if (entry === true) into.add(name);
    else blockingMethods(entry, into);
  }
  return into;
}

/** Rows by the name of a method that blocks on their objects: how a typed file finds them wherever the object was made. */
export const BLOCKING_ROWS_BY_METHOD: ReadonlyMap<string, readonly BlockingApiRow[]> = (() => {
  const byMethod = new Map<string, BlockingApiRow[]>();
  const seenModules = new Set<string>();
  for (const row of BLOCKING_APIS) {
    if (!row.instance || row.module === undefined || seenModules.has(row.module)) continue;
    seenModules.add(row.module);
    for (const method of blockingMethods(row.instance)) byMethod.set(method, [...(byMethod.get(method) ?? []), row]);
  }
  return byMethod;
})();
