/**
 * Sync-over-async bridges: APIs that make asynchronous work look synchronous by re-entering the
 * event loop (deasync), blocking the thread on a worker or child process (synckit, sync-rpc,
 * make-synchronous, make-synchronized), or suspending a fiber (fibers). A row without `results`
 * blocks when it is called; a row with `results` is a factory whose result blocks when used that way.
 *
 * To cover another package, add rows here: its module, the export path, how it blocks, and
 * (optionally) which asynchronous form a suggestion can rewrite the call to.
 */
import type { FactoryRow, ResultStep } from '../origin/factory-results.js';

/** How the bridge waits: by running the event loop re-entrantly, by blocking on a helper thread or process, or by suspending a fiber. */
type BridgeMechanism = 'event-loop' | 'worker-thread' | 'child-process' | 'fiber';

/**
 * Where the asynchronous original is, for a suggestion or a message:
 * - `promisify-argument`: the factory's argument is a callback-style function (`deasync(fn)` → `await promisify(fn)(…)`);
 * - `await-argument`: the call's argument is the promise (`awaitSync(p)` → `await p`);
 * - `await-original`: the factory's last argument is the async function (`makeSynchronous(fn)` → `await fn(…)`);
 * - `timers-sleep`: a blocking sleep (`deasync.sleep(ms)` → `await setTimeout(ms)` from `node:timers/promises`);
 * - `worker-path`: the factory's first argument names the worker that does the async work.
 */
type AsyncForm = 'promisify-argument' | 'await-argument' | 'await-original' | 'timers-sleep' | 'worker-path';

export interface SyncBridgeRow extends FactoryRow {
  readonly kind: 'call' | 'construct';
  readonly mechanism: BridgeMechanism;
  readonly asyncForm?: AsyncForm;
}

const CALL_RESULT: readonly (readonly ResultStep[])[] = [['call']];
const CALL_RESULT_OR_MEMBERS: readonly (readonly ResultStep[])[] = [['call'], [{ member: undefined }, 'call']];
const CALL_MEMBERS: readonly (readonly ResultStep[])[] = [[{ member: undefined }, 'call']];
const FUTURE_WAIT: readonly ResultStep[] = [{ member: ['wait'] }, 'call'];

const direct = (module: string, path: string[], mechanism: BridgeMechanism, asyncForm?: AsyncForm): SyncBridgeRow => ({
  module,
  path,
  kind: 'call',
  mechanism,
  ...(asyncForm ? { asyncForm } : {}),
});

const factory = (
  module: string,
  path: string[],
  mechanism: BridgeMechanism,
  results: readonly (readonly ResultStep[])[],
  asyncForm?: AsyncForm,
): SyncBridgeRow => ({ module, path, kind: 'call', mechanism, results, ...(asyncForm ? { asyncForm } : {}) });

export const SYNC_BRIDGES: readonly SyncBridgeRow[] = [
  // deasync: `deasync(fn)` wraps a callback-style function; the others spin the loop directly.
  factory('deasync', [], 'event-loop', CALL_RESULT, 'promisify-argument'),
  direct('deasync', ['sleep'], 'event-loop', 'timers-sleep'),
  direct('deasync', ['loopWhile'], 'event-loop'),
  direct('deasync', ['runLoopOnce'], 'event-loop'),
  factory('@kaciras/deasync', ['deasync'], 'event-loop', CALL_RESULT, 'promisify-argument'),
  direct('@kaciras/deasync', ['awaitSync'], 'event-loop', 'await-argument'),
  direct('@kaciras/deasync', ['loopWhile'], 'event-loop'),
  direct('@kaciras/deasync', ['runLoopOnce'], 'event-loop'),
  direct('deasync-promise', [], 'event-loop', 'await-argument'),
  // Worker-thread and child-process bridges: the factory's result blocks on Atomics.wait or spawnSync.
  factory('synckit', ['createSyncFn'], 'worker-thread', CALL_RESULT, 'worker-path'),
  factory('sync-rpc', [], 'child-process', CALL_RESULT, 'worker-path'),
  factory('make-synchronous', [], 'child-process', CALL_RESULT, 'await-original'),
  factory('make-synchronized', [], 'worker-thread', CALL_RESULT_OR_MEMBERS, 'await-original'),
  factory('make-synchronized', ['makeSynchronized'], 'worker-thread', CALL_RESULT_OR_MEMBERS, 'await-original'),
  factory('make-synchronized', ['makeDefaultExportSynchronized'], 'worker-thread', CALL_RESULT),
  factory('make-synchronized', ['makeSynchronizedFunction'], 'worker-thread', CALL_RESULT),
  factory('make-synchronized', ['makeInlineFunctionSynchronized'], 'worker-thread', CALL_RESULT, 'await-original'),
  factory('make-synchronized', ['makeModuleSynchronized'], 'worker-thread', CALL_MEMBERS),
  factory('make-synchronized', ['makeSynchronizedFunctions'], 'worker-thread', CALL_MEMBERS),
  // fibers: `Fiber.yield`, `Future.wait(…)` and `future.wait()` suspend the current fiber.
  direct('fibers', ['yield'], 'fiber'),
  direct('fibers/future', ['wait'], 'fiber'),
  { module: 'fibers/future', path: [], kind: 'construct', mechanism: 'fiber', results: [FUTURE_WAIT] },
  factory('fibers/future', ['fromPromise'], 'fiber', [FUTURE_WAIT]),
  factory('fibers/future', ['task'], 'fiber', [FUTURE_WAIT]),
  factory('fibers/future', ['wrap'], 'fiber', [
    ['call', ...FUTURE_WAIT],
    [{ member: undefined }, 'call', ...FUTURE_WAIT],
  ]),
];
