/**
 * APIs that call a function later, from the event loop, and ignore what it returns:
 * timers, microtasks, servers' request handlers. Listener registration (`.on`, `.addEventListener`)
 * is recognised by method name, since emitters come from everywhere.
 */
import type { ApiRow } from '../modules.js';

export interface EventLoopCallbackRow extends ApiRow {
  readonly kind: 'call';
  /** Which argument is the callback: an index, or `'last'`. */
  readonly callbackArgument: number | 'last';
  readonly category: 'timer' | 'microtask' | 'server';
}

const timer = (path: string[], module?: string): EventLoopCallbackRow => ({
  ...(module ? { module } : {}),
  path,
  kind: 'call',
  callbackArgument: 0,
  category: path[path.length - 1] === 'queueMicrotask' || path[path.length - 1] === 'nextTick' ? 'microtask' : 'timer',
});

export const EVENT_LOOP_CALLBACK_APIS: readonly EventLoopCallbackRow[] = [
  ...['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'requestAnimationFrame', 'requestIdleCallback'].map(
    (name) => timer([name]),
  ),
  ...['setTimeout', 'setInterval', 'setImmediate'].map((name) => timer([name], 'timers')),
  timer(['process', 'nextTick']),
  timer(['nextTick'], 'process'),
  ...['http', 'https', 'http2', 'net', 'tls'].flatMap((module) =>
    ['createServer', 'createSecureServer'].map(
      (name): EventLoopCallbackRow => ({ module, path: [name], kind: 'call', callbackArgument: 'last', category: 'server' }),
    ),
  ),
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

/** Promise methods whose callbacks run later, as a microtask of the promise's settlement. */
export const PROMISE_CALLBACK_METHODS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);
