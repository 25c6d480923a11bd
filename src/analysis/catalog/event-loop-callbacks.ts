/**
 * APIs that call a function later, from the event loop, and ignore what it returns:
 * timers, microtasks, servers' request handlers, Node's error-first I/O callbacks. Listener registration (`.on`, `.addEventListener`)
 * is recognised by method name, since emitters come from everywhere.
 */
import type { ApiRow } from '../origin/modules.js';

export interface EventLoopCallbackRow extends ApiRow {
  readonly kind: 'call';
  /** Which argument is the callback: an index, or `'last'`. */
  readonly callbackArgument: number | 'last';
  readonly category: 'timer' | 'microtask' | 'server' | 'io';
}

/** Error-first callback APIs of Node's built-ins, by module. */
const NODE_CALLBACK_APIS: Readonly<Record<string, readonly string[]>> = {
  fs: [
    'access',
    'appendFile',
    'chmod',
    'chown',
    'close',
    'copyFile',
    'cp',
    'exists',
    'fchmod',
    'fchown',
    'fdatasync',
    'fstat',
    'fsync',
    'ftruncate',
    'futimes',
    'lchown',
    'link',
    'lstat',
    'lutimes',
    'mkdir',
    'mkdtemp',
    'open',
    'opendir',
    'read',
    'readdir',
    'readFile',
    'readlink',
    'readv',
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
    'watch',
    'watchFile',
    'write',
    'writeFile',
    'writev',
  ],
  child_process: ['exec', 'execFile'],
  dns: [
    'lookup',
    'lookupService',
    'resolve',
    'resolve4',
    'resolve6',
    'resolveCname',
    'resolveMx',
    'resolveNs',
    'resolveSrv',
    'resolveTxt',
    'reverse',
  ],
  zlib: [
    'brotliCompress',
    'brotliDecompress',
    'deflate',
    'deflateRaw',
    'gunzip',
    'gzip',
    'inflate',
    'inflateRaw',
    'unzip',
  ],
  crypto: [
    'checkPrime',
    'generateKey',
    'generateKeyPair',
    'generatePrime',
    'hkdf',
    'pbkdf2',
    'randomBytes',
    'randomFill',
    'randomInt',
    'scrypt',
  ],
};

const timer = (path: string[], module?: string): EventLoopCallbackRow => ({
  ...(module ? { module } : {}),
  path,
  kind: 'call',
  callbackArgument: 0,
  category: path[path.length - 1] === 'queueMicrotask' || path[path.length - 1] === 'nextTick' ? 'microtask' : 'timer',
});

export const EVENT_LOOP_CALLBACK_APIS: readonly EventLoopCallbackRow[] = [
  ...[
    'setTimeout',
    'setInterval',
    'setImmediate',
    'queueMicrotask',
    'requestAnimationFrame',
    'requestIdleCallback',
  ].map((name) => timer([name])),
  ...['setTimeout', 'setInterval', 'setImmediate'].map((name) => timer([name], 'timers')),
  timer(['process', 'nextTick']),
  timer(['nextTick'], 'process'),
  ...['http', 'https', 'http2', 'net', 'tls'].flatMap((module) =>
    // Only http2 has createSecureServer.
    (module === 'http2' ? ['createServer', 'createSecureServer'] : ['createServer']).map(
      (name): EventLoopCallbackRow => ({
        module,
        path: [name],
        kind: 'call',
        callbackArgument: 'last',
        category: 'server',
      }),
    ),
  ),
  // Node's callback APIs call their last argument from the event loop once the I/O or thread-pool work is done.
  ...Object.entries(NODE_CALLBACK_APIS).flatMap(([module, names]) =>
    names.map((name): EventLoopCallbackRow => ({
      module,
      path: [name],
      kind: 'call',
      callbackArgument: 'last',
      category: 'io',
    })),
  ),
];

/**
 * Callback APIs that only a browser page (or a worker) has: a callback handed to one runs there, where an
 * unhandled rejection is logged to the console and the page goes on, not in a Node process that it
 * stops. Node has no `requestAnimationFrame`, `requestIdleCallback`, global `addEventListener` or `document`.
 */
export const BROWSER_CALLBACK_APIS: readonly ApiRow[] = [
  ...['requestAnimationFrame', 'requestIdleCallback', 'addEventListener'].map((name): ApiRow => ({
    path: [name],
    kind: 'call',
  })),
  { path: ['document', 'addEventListener'], kind: 'call' },
];

/**
 * Globals a browser page (or a worker) has and a Node process lacks (Node 20 to 25: not `navigator` or
 * `localStorage`, which newer Node versions have too), and the reverse: declared in a config's `globals`, or used
 * by a file's own code, they tell where code runs.
 */
export const BROWSER_GLOBALS: ReadonlySet<string> = new Set([
  'window',
  'document',
  'location',
  'history',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'getComputedStyle',
  'customElements',
  'MutationObserver',
  'IntersectionObserver',
  'ResizeObserver',
  'XMLHttpRequest',
  'Node',
  'NodeFilter',
  'Element',
  'HTMLElement',
  'SVGElement',
  'Document',
  'DocumentFragment',
  'ShadowRoot',
  'XPathResult',
]);
export const NODE_GLOBALS: ReadonlySet<string> = new Set([
  'process',
  'require',
  'Buffer',
  '__dirname',
  '__filename',
  'global',
  'module',
  'exports',
  // Node's timers of the check phase: no browser has them.
  'setImmediate',
  'clearImmediate',
]);

/** `import.meta` properties only Node sets (`import.meta.dirname`, `import.meta.filename`); `url` and `resolve` browsers have too. */
export const NODE_IMPORT_META_PROPERTIES: ReadonlySet<string> = new Set(['dirname', 'filename']);

/**
 * Packages that give a Node process a DOM (`document`, `window`, `Node`): a file that imports or requires one
 * brings its own DOM, so it runs in Node, whatever browser globals it then uses. By package name (a subpath such
 * as `global-jsdom/register` counts), and every package of a scope ending in `/*`.
 */
export const DOM_EMULATION_PACKAGES: readonly string[] = [
  'jsdom',
  'global-jsdom',
  'jsdom-global',
  'happy-dom',
  '@happy-dom/*',
  'linkedom',
  'domino',
];

/** Methods that register a listener: the callback is the argument after the event name. */
export const LISTENER_METHODS: ReadonlySet<string> = new Set([
  'on',
  'once',
  'addListener',
  'prependListener',
  'prependOnceListener',
  'addEventListener',
]);

/** Array and iteration methods that call their callback synchronously, before returning. */
export const SYNC_CALLBACK_METHODS: ReadonlySet<string> = new Set([
  'map',
  'forEach',
  'filter',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'reduce',
  'reduceRight',
  'flatMap',
  'sort',
  'toSorted',
]);
