/**
 * APIs whose promise never rejects, by origin, with the condition under which that holds (from Node's
 * documentation and source): `worker.terminate()` of `node:worker_threads` fulfils with the exit code
 * when the `'exit'` event is emitted; the timer promises of `node:timers/promises` reject only with an
 * `AbortError` when their options carry a `signal` (or on invalid arguments, a bug like a sync throw).
 * Dropping such a promise loses ordering, never an error.
 */
import type { ApiRow } from '../origin/modules.js';

export interface NeverRejectingApiRow extends ApiRow {
  /** `call`: the promise of the call itself; `construct`: the promises of `methods` of the object it makes. */
  readonly kind: 'call' | 'construct';
  /** For `construct`: the instance methods whose promise never rejects. */
  readonly methods?: readonly string[];
  /** Where an options object goes whose `signal` makes the promise reject on abort: it never rejects without one. */
  readonly signalOptionsAt?: number;
}

const timer = (
  path: string[],
  signalOptionsAt: number | undefined,
  module = 'timers/promises',
): NeverRejectingApiRow => ({
  module,
  path,
  kind: 'call',
  ...(signalOptionsAt === undefined ? {} : { signalOptionsAt }),
});

export const NEVER_REJECTING_APIS: readonly NeverRejectingApiRow[] = [
  // setTimeout(delay, value, { signal, ref }), setImmediate(value, { signal, ref }), scheduler.wait(delay, { signal }).
  timer(['setTimeout'], 2),
  timer(['setImmediate'], 1),
  timer(['promises', 'setTimeout'], 2, 'timers'),
  timer(['promises', 'setImmediate'], 1, 'timers'),
  timer(['scheduler', 'wait'], 1),
  timer(['scheduler', 'yield'], undefined),
  { module: 'worker_threads', path: ['Worker'], kind: 'construct', methods: ['terminate'] },
];
