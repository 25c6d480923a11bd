/**
 * Effect (https://effect.website): the APIs that start a runtime (`Effect.runPromise`, `Runtime.runSync`,
 * a `ManagedRuntime`'s `run*` methods) and the APIs whose function argument runs as part of an
 * effect (`Effect.gen`, `Effect.fn`, `Effect.promise`, …). Both are imported from `effect` (as
 * `Effect`, `Runtime`, `ManagedRuntime` namespaces) or from the `effect/<Module>` entry points.
 */
import type { FactoryRow, ResultStep } from '../origin/factory-results.js';

const EFFECT_RUN_NAMES: readonly string[] = [
  'runSync',
  'runPromise',
  'runFork',
  'runCallback',
  'runSyncExit',
  'runPromiseExit',
];

export interface EffectRunRow extends FactoryRow {
  readonly kind: 'call';
  /**
   * `direct`: the call runs its argument (`Effect.runPromise(eff)`);
   * `curried`: `Runtime.runPromise(runtime, eff)` runs, `Runtime.runPromise(runtime)` returns a runner (see `results`);
   * `factory`: the call makes a runtime whose `run*` methods run (`ManagedRuntime.make(layer)`).
   */
  readonly run: 'direct' | 'curried' | 'factory';
  /** Runs on the default runtime, so `yield* eff` inside an effect needs no other services. */
  readonly defaultRuntime: boolean;
}

/** Where an `effect` namespace is: `import { Effect } from 'effect'` or `import * as Effect from 'effect/Effect'`. */
const entryPoints = (namespace: string): { module: string; prefix: string[] }[] => [
  { module: 'effect', prefix: [namespace] },
  { module: `effect/${namespace}`, prefix: [] },
];

const RUNNER_RESULT: readonly (readonly ResultStep[])[] = [['call']];
const RUNTIME_METHODS: readonly (readonly ResultStep[])[] = [[{ member: EFFECT_RUN_NAMES }, 'call']];

export const EFFECT_RUN_APIS: readonly EffectRunRow[] = [
  ...entryPoints('Effect').flatMap(({ module, prefix }) =>
    EFFECT_RUN_NAMES.map((name): EffectRunRow => ({
      module,
      path: [...prefix, name],
      kind: 'call',
      run: 'direct',
      defaultRuntime: true,
    })),
  ),
  // Effect 4: Effect.runPromiseWith(services)(effect) runs on the given services.
  ...entryPoints('Effect').flatMap(({ module, prefix }) =>
    EFFECT_RUN_NAMES.map((name): EffectRunRow => ({
      module,
      path: [...prefix, `${name}With`],
      kind: 'call',
      run: 'curried',
      defaultRuntime: false,
      results: RUNNER_RESULT,
    })),
  ),
  // Effect 3: Runtime.runPromise(runtime)(effect), or Runtime.runPromise(runtime, effect).
  ...entryPoints('Runtime').flatMap(({ module, prefix }) =>
    EFFECT_RUN_NAMES.map((name): EffectRunRow => ({
      module,
      path: [...prefix, name],
      kind: 'call',
      run: 'curried',
      defaultRuntime: false,
      results: RUNNER_RESULT,
    })),
  ),
  ...entryPoints('ManagedRuntime').map(({ module, prefix }): EffectRunRow => ({
    module,
    path: [...prefix, 'make'],
    kind: 'call',
    run: 'factory',
    defaultRuntime: false,
    results: RUNTIME_METHODS,
  })),
];

export interface EffectBodyRow extends FactoryRow {
  readonly kind: 'call';
  /**
   * Which function argument runs inside the effect:
   * `generator`: every generator argument (`Effect.gen(function* () {…})`, `Effect.gen(this, function* …)`);
   * `first-function`: the first function argument, here or, when there is none, in the call of this call's
   * result (`Effect.fn(function* …)`, `Effect.fn('name')(function* …)`);
   * `thunk`: argument 0, or its `try` property (`Effect.promise(() => …)`, `Effect.tryPromise({ try: () => …, catch })`).
   */
  readonly body: 'generator' | 'first-function' | 'thunk';
}

const bodyRows = (names: readonly string[], body: EffectBodyRow['body']): EffectBodyRow[] =>
  entryPoints('Effect').flatMap(({ module, prefix }) =>
    names.map((name): EffectBodyRow => ({
      module,
      path: [...prefix, name],
      kind: 'call',
      body,
      ...(body === 'first-function' ? { results: RUNNER_RESULT } : {}),
    })),
  );

export const EFFECT_BODY_APIS: readonly EffectBodyRow[] = [
  ...bodyRows(['gen'], 'generator'),
  ...bodyRows(['fn', 'fnUntraced'], 'first-function'),
  ...bodyRows(['sync', 'promise', 'try', 'tryPromise', 'suspend'], 'thunk'),
];
