/**
 * APIs known, by origin, to return a promise. Without type information this table is how the
 * analysis knows that `readFile(p)` from `node:fs/promises` is a promise and a user's own
 * `readFile` is not.
 */
import type { ApiRow } from '../origin/modules.js';
import { FS_PROMISE_FUNCTIONS } from './fs-functions.js';

/** Promise methods whose callbacks run later, as a microtask of the promise's settlement. */
export const PROMISE_CALLBACK_METHODS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);

export interface PromiseApiRow extends ApiRow {
  readonly kind: 'call';
}

export const DNS_PROMISES: readonly string[] = [
  'lookup',
  'lookupService',
  'resolve',
  'resolve4',
  'resolve6',
  'resolveAny',
  'resolveCaa',
  'resolveCname',
  'resolveMx',
  'resolveNaptr',
  'resolveNs',
  'resolvePtr',
  'resolveSoa',
  'resolveSrv',
  'resolveTxt',
  'reverse',
];

const SUBTLE = [
  'decrypt',
  'deriveBits',
  'deriveKey',
  'digest',
  'encrypt',
  'exportKey',
  'generateKey',
  'importKey',
  'sign',
  'unwrapKey',
  'verify',
  'wrapKey',
];

const DENO_ASYNC = [
  'readTextFile',
  'writeTextFile',
  'readFile',
  'writeFile',
  'stat',
  'lstat',
  'mkdir',
  'remove',
  'rename',
  'copyFile',
  'open',
  'realPath',
  'readLink',
  'makeTempDir',
  'makeTempFile',
  'truncate',
  'chmod',
];

const call = (path: string[], module?: string): PromiseApiRow => ({
  ...(module ? { module } : {}),
  path,
  kind: 'call',
});

export const PROMISE_RETURNING_APIS: readonly PromiseApiRow[] = [
  ...FS_PROMISE_FUNCTIONS.map((name) => call([name], 'fs/promises')),
  ...FS_PROMISE_FUNCTIONS.map((name) => call(['promises', name], 'fs')),
  ...['setTimeout', 'setImmediate', 'scheduler.wait'].map((name) => call(name.split('.'), 'timers/promises')),
  ...['pipeline', 'finished'].map((name) => call([name], 'stream/promises')),
  ...DNS_PROMISES.map((name) => call([name], 'dns/promises')),
  ...DNS_PROMISES.map((name) => call(['promises', name], 'dns')),
  call(['once'], 'events'),
  call(['EventEmitter', 'once'], 'events'),
  call(['fetch']),
  ...['all', 'allSettled', 'any', 'race', 'resolve', 'reject', 'try'].map((name) => call(['Promise', name])),
  ...SUBTLE.map((name) => call(['crypto', 'subtle', name])),
  ...SUBTLE.map((name) => call(['subtle', name], 'crypto')),
  ...SUBTLE.map((name) => call(['webcrypto', 'subtle', name], 'crypto')),
  ...DENO_ASYNC.map((name) => call(['Deno', name])),
  call(['Bun', 'sleep']),
  call(['Bun', 'write']),
];

export interface PromiseOrCallbackRow extends ApiRow {
  readonly kind: 'call';
  /** How many arguments come before the optional completion callback: with no more than these, the call returns a promise. */
  readonly leadingArguments: number;
}

/**
 * fs-extra's functions (its own and Node's `fs` functions it wraps) and their fewest arguments: each
 * returns a promise when no completion callback is passed, and `undefined` when one is.
 */
const FS_EXTRA_OWN: Readonly<Record<string, number>> = {
  copy: 2,
  createFile: 1,
  createLink: 2,
  createSymlink: 2,
  emptyDir: 1,
  emptydir: 1,
  ensureDir: 1,
  ensureFile: 1,
  ensureLink: 2,
  ensureSymlink: 2,
  mkdirp: 1,
  mkdirs: 1,
  move: 2,
  outputFile: 2,
  outputJSON: 2,
  outputJson: 2,
  readJSON: 1,
  readJson: 1,
  remove: 1,
  writeJSON: 2,
  writeJson: 2,
};
const FS_EXTRA_WRAPPED: Readonly<Record<string, number>> = {
  access: 1,
  appendFile: 2,
  chmod: 2,
  chown: 3,
  copyFile: 2,
  cp: 2,
  lchown: 3,
  link: 2,
  lstat: 1,
  lutimes: 3,
  mkdir: 1,
  mkdtemp: 1,
  opendir: 1,
  readdir: 1,
  readFile: 1,
  readlink: 1,
  realpath: 1,
  rename: 2,
  rm: 1,
  rmdir: 1,
  stat: 1,
  symlink: 2,
  truncate: 1,
  unlink: 1,
  utimes: 3,
  writeFile: 2,
};

const orCallback = (module: string, functions: Readonly<Record<string, number>>): PromiseOrCallbackRow[] =>
  Object.entries(functions).map(([name, leadingArguments]) => ({
    module,
    path: [name],
    kind: 'call',
    leadingArguments,
  }));

/** APIs that return a promise unless given a completion callback, by origin. */
export const PROMISE_OR_CALLBACK_APIS: readonly PromiseOrCallbackRow[] = [
  ...orCallback('fs-extra', FS_EXTRA_OWN),
  ...orCallback('fs-extra', FS_EXTRA_WRAPPED),
  // The ES module entry exports fs-extra's own functions only.
  ...orCallback('fs-extra/esm', FS_EXTRA_OWN),
];

/** `util.promisify(fn)`: calling its result returns a promise. */
export const PROMISIFY_APIS: readonly PromiseApiRow[] = [call(['promisify'], 'util')];

/** The global `fetch`: its awaited result is a `Response`. */
export const FETCH_APIS: readonly PromiseApiRow[] = [call(['fetch'])];

/** Methods of a `Response` (and `Request`, `Blob`) that read the body and return a promise. */
export const BODY_METHODS: ReadonlySet<string> = new Set(['arrayBuffer', 'blob', 'bytes', 'formData', 'json', 'text']);

/** zod's methods (and `zod/v4/core` functions) that return a promise: a chain through one may be a promise. */
const ZOD_PROMISE_METHODS: ReadonlySet<string> = new Set([
  'decodeAsync',
  'encodeAsync',
  'parseAsync',
  'safeDecodeAsync',
  'safeEncodeAsync',
  'safeParseAsync',
  'spa',
]);

export interface NonPromiseLibraryRow extends ApiRow {
  readonly kind: 'read';
  /** Methods or functions of the library that do return a promise. */
  readonly promiseMethods: ReadonlySet<string>;
}

/**
 * Libraries whose values have a `catch` or `then` that is not a promise's: zod's `schema.catch(value)`
 * makes a schema with a fallback value. A value built from one of them (`z.number().catch(0)`) is not a
 * promise unless a promise method of the library made it (`schema.parseAsync(input)`).
 */
export const NON_PROMISE_LIBRARIES: readonly NonPromiseLibraryRow[] = [
  'zod',
  'zod/mini',
  'zod/v3',
  'zod/v4',
  'zod/v4-mini',
  'zod/v4/mini',
  'zod/v4/core',
].map((module) => ({ module, path: [], kind: 'read' as const, promiseMethods: ZOD_PROMISE_METHODS }));

/** The global `Promise` constructor. */
export const PROMISE_CONSTRUCTOR: readonly ApiRow[] = [{ path: ['Promise'], kind: 'construct' }];

/** The global `Promise.resolve`: given no thenable, a promise already fulfilled. */
export const PROMISE_RESOLVE: readonly ApiRow[] = [{ path: ['Promise', 'resolve'], kind: 'call' }];

export interface PromiseCombinatorRow extends ApiRow {
  /** `Promise.allSettled(xs)` fulfils once every element settles, whatever they do: given a list, it never rejects. */
  readonly neverRejects: boolean;
}

/**
 * The combinators of a list of promises that reject only when an element does (`Promise.all`,
 * `Promise.race`) or never (`Promise.allSettled`). Not `Promise.any`, which rejects when no element fulfils
 * (an empty list included).
 */
export const PROMISE_LIST_COMBINATORS: readonly PromiseCombinatorRow[] = [
  { path: ['Promise', 'all'], kind: 'call', neverRejects: false },
  { path: ['Promise', 'race'], kind: 'call', neverRejects: false },
  { path: ['Promise', 'allSettled'], kind: 'call', neverRejects: true },
];
