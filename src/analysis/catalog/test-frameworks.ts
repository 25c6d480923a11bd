/**
 * Test-framework registrations: `describe`, `it`, `test`, hooks and their modifier forms
 * (`.only`, `.skip`, `.each(table)(…)`) in node:test, vitest, jest, mocha and bun:test, imported or
 * used as the frameworks' usual globals. Their return values (node:test's `test()` returns a
 * promise) are the framework's business, never a dropped promise.
 */
import type { ApiRow } from '../origin/modules.js';

type TestRegistrationRole = 'suite' | 'test' | 'hook';

export interface TestRegistrationRow extends ApiRow {
  readonly kind: 'call';
  readonly role: TestRegistrationRole;
  /** The call returns the registration function: `describe.each(table)(name, fn)`, `it.skipIf(cond)(name, fn)`. */
  readonly curried: boolean;
  /** Module the row comes from, or `'globals'`. */
  readonly framework: string;
  /** The runner awaits a suite callback's promise before collecting the suite (node:test, vitest). */
  readonly awaitsAsyncSuites: boolean;
}

interface FrameworkSpec {
  /** Modules the API is imported from; undefined for the usual globals. */
  readonly modules: readonly (string | undefined)[];
  readonly suites: readonly string[];
  readonly tests: readonly string[];
  readonly hooks: readonly string[];
  /** Modifiers that register directly: `it.only(name, fn)`. */
  readonly modifiers: readonly string[];
  /** Modifiers that return a registration function: `it.each(table)(name, fn)`. */
  readonly curriedModifiers: readonly string[];
  /** The module's default export is the `test` function (`import test from 'node:test'`). */
  readonly defaultIsTest?: boolean;
  /** node:test and vitest await an async suite callback; jest rejects it and mocha loses what it registers late. */
  readonly awaitsAsyncSuites?: boolean;
}

const FRAMEWORKS: readonly FrameworkSpec[] = [
  {
    modules: ['node:test'],
    suites: ['describe', 'suite'],
    tests: ['test', 'it'],
    hooks: ['before', 'after', 'beforeEach', 'afterEach'],
    modifiers: ['only', 'skip', 'todo'],
    curriedModifiers: [],
    defaultIsTest: true,
    awaitsAsyncSuites: true,
  },
  {
    modules: ['vitest'],
    suites: ['describe', 'suite'],
    tests: ['test', 'it', 'bench'],
    hooks: ['beforeAll', 'afterAll', 'beforeEach', 'afterEach', 'onTestFailed', 'onTestFinished'],
    modifiers: ['only', 'skip', 'todo', 'concurrent', 'sequential', 'shuffle', 'fails'],
    curriedModifiers: ['each', 'for', 'skipIf', 'runIf'],
    awaitsAsyncSuites: true,
  },
  {
    modules: ['@jest/globals', 'bun:test'],
    suites: ['describe', 'fdescribe', 'xdescribe'],
    tests: ['test', 'it', 'fit', 'xit', 'xtest'],
    hooks: ['beforeAll', 'afterAll', 'beforeEach', 'afterEach'],
    modifiers: ['only', 'skip', 'todo', 'concurrent', 'failing'],
    curriedModifiers: ['each', 'if', 'skipIf', 'todoIf'],
  },
  {
    modules: ['mocha'],
    suites: ['describe', 'context', 'suite', 'xdescribe', 'xcontext'],
    tests: ['it', 'specify', 'test', 'xit', 'xspecify'],
    hooks: ['before', 'after', 'beforeEach', 'afterEach', 'suiteSetup', 'suiteTeardown', 'setup', 'teardown'],
    modifiers: ['only', 'skip'],
    curriedModifiers: [],
  },
  {
    // The usual globals (jest, mocha, vitest with `globals: true`), used only where no local or import shadows them.
    modules: [undefined],
    suites: ['describe', 'fdescribe', 'xdescribe', 'context', 'xcontext', 'suite'],
    tests: ['test', 'it', 'fit', 'xit', 'xtest', 'specify', 'xspecify'],
    hooks: ['before', 'after', 'beforeAll', 'afterAll', 'beforeEach', 'afterEach', 'suiteSetup', 'suiteTeardown'],
    modifiers: ['only', 'skip', 'todo', 'concurrent', 'failing', 'sequential'],
    curriedModifiers: ['each', 'for', 'skipIf', 'runIf'],
  },
];

/** Modifiers that may follow a first one: `describe.skip.each`, `test.concurrent.only`. */
const SECOND_MODIFIERS: readonly string[] = ['only', 'skip', 'todo', 'each', 'for', 'fails'];

function rowsOf(spec: FrameworkSpec): TestRegistrationRow[] {
  const rows: TestRegistrationRow[] = [];
  const bases: [string[], TestRegistrationRole][] = [
    ...spec.suites.map((name): [string[], TestRegistrationRole] => [[name], 'suite']),
    ...spec.tests.map((name): [string[], TestRegistrationRole] => [[name], 'test']),
    ...spec.hooks.map((name): [string[], TestRegistrationRole] => [[name], 'hook']),
  ];
  // The tracker's legacy mode maps a default import to the module itself, so `[]` covers `import test from 'node:test'`.
  if (spec.defaultIsTest) bases.push([[], 'test']);
  const curried = new Set(spec.curriedModifiers);
  for (const module of spec.modules) {
    const add = (path: string[], role: TestRegistrationRole, isCurried: boolean): void => {
      rows.push({
        ...(module ? { module } : {}),
        path,
        kind: 'call',
        role,
        curried: isCurried,
        framework: module ?? 'globals',
        awaitsAsyncSuites: spec.awaitsAsyncSuites === true,
      });
    };
    for (const [path, role] of bases) {
      add(path, role, false);
      if (role === 'hook') continue;
      for (const first of [...spec.modifiers, ...spec.curriedModifiers]) {
        add([...path, first], role, curried.has(first));
        if (curried.has(first)) continue;
        for (const second of SECOND_MODIFIERS) {
          if (second !== first && (spec.modifiers.includes(second) || curried.has(second))) {
            add([...path, first, second], role, curried.has(second));
          }
        }
      }
    }
  }
  return rows;
}

export const TEST_REGISTRATION_APIS: readonly TestRegistrationRow[] = FRAMEWORKS.flatMap(rowsOf);
