/**
 * Awaited timers that pace work on purpose: a loop that sleeps between requests is rate-limited,
 * and two awaits separated by a sleep are meant to be apart. Recognised by origin (timer promises
 * from `timers/promises`, `Bun.sleep`), by shape (`new Promise((r) => setTimeout(r, ms))`,
 * `promisify(setTimeout)`) and by name (`sleep`, `delay`, `wait`, …) since every code base has its own.
 */
import type { ApiRow } from '../origin/modules.js';

export interface PacingRow extends ApiRow {
  readonly kind: 'call';
}

const call = (path: string[], module?: string): PacingRow => ({ ...(module ? { module } : {}), path, kind: 'call' });

/** Timer promises by origin. */
export const PACING_APIS: readonly PacingRow[] = [
  ...['setTimeout', 'setImmediate', 'setInterval'].map((name) => call([name], 'timers/promises')),
  call(['promises', 'setTimeout'], 'timers'),
  call(['promises', 'setImmediate'], 'timers'),
  call(['scheduler', 'wait'], 'timers/promises'),
  call(['scheduler', 'yield'], 'timers/promises'),
  call(['scheduler', 'yield']),
  call(['Bun', 'sleep']),
  call(['Atomics', 'waitAsync']),
];

/** Timer callbacks whose use inside a promise executor makes that promise a sleep or a yield. */
export const TIMER_CALLBACK_NAMES: ReadonlySet<string> = new Set([
  'setTimeout',
  'setImmediate',
  'setInterval',
  'queueMicrotask',
  'nextTick',
  'requestAnimationFrame',
  'requestIdleCallback',
]);

/**
 * Names of sleep and back-off helpers: at the start of the name (`sleep`, `delayMs`, `waitFor…`)
 * or as its last word (`randomDelay`, `politeSleep`).
 */
export const PACING_NAME_PATTERN =
  /^(?:sleep|delay|wait|pause|timeout|throttle|backoff|backOff|rateLimit|setTimeout|setImmediate)(?![a-z])|[a-z0-9_](?:Sleep|Delay|Wait|Pause|Timeout|Throttle|Backoff|BackOff|RateLimit)$/u;
