/**
 * APIs whose promise never rejects, by origin, with the condition under which that holds (from Node's
 * documentation and source): `worker.terminate()` of `node:worker_threads` fulfils with the exit code
 * when the `'exit'` event is emitted; the timer promises of `node:timers/promises` reject only with an
 * `AbortError` when their options carry a `signal` (or on invalid arguments, a bug like a sync throw),
 * and adopt the value they fulfil with when it is a promise (`setTimeout(10, load())` rejects as `load()`).
 * Dropping such a promise loses ordering, never an error.
 */
import type { ApiRow } from '../origin/modules.js';

export interface NeverRejectingApiRow extends ApiRow {
  /**
   * `call`: the promise of the call itself; `read`: the same function read to be called the way TypeScript's
   * CommonJS output calls an import, `(0, promises_1.setImmediate)()`; `construct`: the promises of `methods`
   * of the object it makes.
   */
  readonly kind: 'call' | 'read' | 'construct';
  /** For `construct`: the instance methods whose promise never rejects. */
  readonly methods?: readonly string[];
  /** Where an options object goes whose `signal` makes the promise reject on abort: it never rejects without one. */
  readonly signalOptionsAt?: number;
  /** Where the value goes that the promise fulfils with: a promise there is adopted, and may reject. */
  readonly valueAt?: number;
}

const timer = (
  path: string[],
  signalOptionsAt: number | undefined,
  valueAt: number | undefined,
  module = 'timers/promises',
): NeverRejectingApiRow[] =>
  (['call', 'read'] as const).map((kind) => ({
    module,
    path,
    kind,
    ...(signalOptionsAt === undefined ? {} : { signalOptionsAt }),
    ...(valueAt === undefined ? {} : { valueAt }),
  }));

export const NEVER_REJECTING_APIS: readonly NeverRejectingApiRow[] = [
  // setTimeout(delay, value, { signal, ref }), setImmediate(value, { signal, ref }), scheduler.wait(delay, { signal }).
  ...timer(['setTimeout'], 2, 1),
  ...timer(['setImmediate'], 1, 0),
  ...timer(['promises', 'setTimeout'], 2, 1, 'timers'),
  ...timer(['promises', 'setImmediate'], 1, 0, 'timers'),
  ...timer(['scheduler', 'wait'], 1, undefined),
  ...timer(['scheduler', 'yield'], undefined, undefined),
  { module: 'worker_threads', path: ['Worker'], kind: 'construct', methods: ['terminate'] },
];
