import rule from '../../src/rules/no-nested-event-loop.js';
import { runRuleTests } from '../rule-tester.js';

runRuleTests('no-nested-event-loop', rule, {
  valid: [
    // Bridges at module top level and in plain sync functions are what they were made for.
    `
import deasync from 'deasync';
import fs from 'node:fs';
const readSync = deasync(fs.readFile);
const config = readSync('config.json', 'utf8');
deasync.sleep(10);
export function loadConfig(path: string) {
  return readSync(path, 'utf8');
}
`,
    {
      filename: 'file.cjs',
      code: `
const { createSyncFn } = require('synckit');
const formatSync = createSyncFn(require.resolve('./format-worker.js'));
module.exports = { format: (code) => formatSync(code) };
`,
    },
    `
import makeSynchronous from 'make-synchronous';
const hash = makeSynchronous(async (input: string) => input);
export const hashAll = (items: string[]) => items.map((item) => hash(item));
`,
    // checkAllFunctions still leaves module top level alone.
    {
      code: "import { awaitSync } from '@kaciras/deasync';\nconst value = awaitSync(load());",
      options: [{ checkAllFunctions: true }],
    },
    // Making the bridge is harmless; only calling its result blocks.
    "import { createSyncFn } from 'synckit';\nexport async function makeFormatter(path: string) { return createSyncFn(path); }",
    // The callback of new Promise runs synchronously where it is constructed: here, at top level.
    "import deasync from 'deasync';\nnew Promise((resolve) => { deasync.sleep(5); resolve(1); });",
    // Lookalikes: same names from other modules, or local functions.
    "import { createSyncFn } from './my-sync.js';\nasync function run(path: string) { return createSyncFn(path)(1); }",
    'function deasync(fn: () => number) { return fn; }\nasync function run() { return deasync(() => 1)(); }',
    "import { sleep } from './time.js';\nasync function run() { sleep(100); }",
    'const Fiber = { yield() {} };\nasync function run() { Fiber.yield(); }',
    // A reassigned binding is not followed: it may no longer hold the bridge.
    `
import deasync from 'deasync';
let read = deasync(readFileCallback);
read = (path: string) => path;
async function run() { return read('a'); }
`,
    // Results of local factories and plain functions of another file are not bridges.
    {
      code: "import { lintSync, plainHelper } from './sync-bridges-lib.js';\nexport async function run() { lintSync('x'); plainHelper('y'); }",
    },
    // Effect: run* at the program's edge.
    "import { Effect } from 'effect';\nconst main = Effect.succeed(1);\nEffect.runPromise(main);",
    "import { Effect } from 'effect';\nexport function main() { return Effect.runSync(Effect.succeed(1)); }",
    "import { Effect } from 'effect';\nexport async function handler(req: Request) { return Effect.runPromise(handle(req)); }",
    // A listener, timer or returned callback inside a generator is a boundary back into the runtime.
    `
import { Effect, Runtime } from 'effect';
const program = Effect.gen(function* () {
  const runtime = yield* Effect.runtime<never>();
  emitter.on('message', (message: string) => Runtime.runFork(runtime)(handle(message)));
  setTimeout(() => Effect.runFork(tick), 1000);
  return () => Effect.runSync(cleanup);
});
`,
    // Effect.runPromise from another module is not Effect's.
    "import { Effect } from './effect-lookalike.js';\nconst p = Effect.gen(function* () { Effect.runPromise(x); });",
    "import * as Effect from 'effect/Effect';\nconst runner = Effect.gen(function* () { return 1; });\nEffect.runPromise(runner);",
    // Async IIFEs: entry points at top level, awaited, detached on purpose, or kept.
    '(async () => { await main(); })();',
    'async function run() { await (async () => { await step(); })(); }',
    'async function run() { void (async () => { await step(); })(); }',
    'async function run() { const pending = (async () => step())(); await pending; }',
    // In sync code and event-loop callbacks the dropped promise is no-floating-promise's business.
    'function start() { (async () => { await step(); })(); }',
    'setTimeout(() => { (async () => { await step(); })(); }, 10);',
  ],
  invalid: [
    // deasync(fn): the wrapped function, called in an async function, with the promisified original.
    {
      code: `
import deasync from 'deasync';
import fs from 'node:fs';
const readSync = deasync(fs.readFile);
export async function handler(path: string) {
  const text = readSync(path, 'utf8');
  return text;
}
`,
      errors: [
        {
          messageId: 'eventLoopBridge',
          line: 6,
          column: 16,
          suggestions: [
            {
              messageId: 'suggestPromisify',
              output: `
import deasync from 'deasync';
import fs from 'node:fs';
import { promisify } from 'node:util';
const readSync = deasync(fs.readFile);
export async function handler(path: string) {
  const text = await promisify(fs.readFile)(path, 'utf8');
  return text;
}
`,
            },
          ],
        },
      ],
    },
    // CommonJS, an existing util import reused, and a member access after the call.
    {
      filename: 'file.cjs',
      code: `
const deasync = require('deasync');
const util = require('util');
const { execFile } = require('child_process');
const run = deasync(execFile);
async function version() {
  return run('node', ['--version']).trim();
}
`,
      errors: [
        {
          messageId: 'eventLoopBridge',
          line: 7,
          suggestions: [
            {
              messageId: 'suggestPromisify',
              output: `
const deasync = require('deasync');
const util = require('util');
const { execFile } = require('child_process');
const run = deasync(execFile);
async function version() {
  return (await util.promisify(execFile)('node', ['--version'])).trim();
}
`,
            },
          ],
        },
      ],
    },
    {
      filename: 'file.cjs',
      code: `
const deasync = require('deasync');
async function load(path) {
  return deasync(readConfig)(path);
}
`,
      errors: [
        {
          messageId: 'eventLoopBridge',
          suggestions: [
            {
              messageId: 'suggestPromisify',
              output: `
const deasync = require('deasync');
const { promisify } = require('node:util');
async function load(path) {
  return await promisify(readConfig)(path);
}
`,
            },
          ],
        },
      ],
    },
    // The original is shadowed where the wrapper is called: no suggestion, the message still says what to do.
    {
      code: `
import { deasync } from '@kaciras/deasync';
const lookup = deasync(resolver.lookup);
async function check(resolver: Resolver) {
  return lookup('example.com');
}
`,
      errors: [{ messageId: 'eventLoopBridge', line: 5, suggestions: [] }],
    },
    // deasync.sleep in an async function: the promise-based timer.
    {
      code: `
import deasync from 'deasync';
async function retry() {
  deasync.sleep(250);
}
`,
      errors: [
        {
          messageId: 'eventLoopBridge',
          suggestions: [
            {
              messageId: 'suggestTimersSleep',
              output: `
import deasync from 'deasync';
import { setTimeout as sleep } from 'node:timers/promises';
async function retry() {
  await sleep(250);
}
`,
            },
          ],
        },
      ],
    },
    // The timer is always imported under another name, so the global setTimeout keeps working.
    {
      code: `
import { sleep as spin } from 'deasync';
async function poll() {
  setTimeout(poll, 1000);
  spin(250);
}
`,
      errors: [
        {
          messageId: 'eventLoopBridge',
          line: 5,
          suggestions: [
            {
              messageId: 'suggestTimersSleep',
              output: `
import { sleep as spin } from 'deasync';
import { setTimeout as sleep } from 'node:timers/promises';
async function poll() {
  setTimeout(poll, 1000);
  await sleep(250);
}
`,
            },
          ],
        },
      ],
    },
    // Event-loop callbacks (timers, listeners) run on the loop too; no await can go there.
    {
      code: "import deasync from 'deasync';\nsetTimeout(() => { deasync.sleep(10); }, 0);",
      errors: [{ messageId: 'eventLoopBridge', line: 2, column: 20, suggestions: [] }],
    },
    {
      filename: 'file.cjs',
      code: "const { loopWhile } = require('deasync');\nserver.on('request', () => { loopWhile(() => !ready); });",
      errors: [{ messageId: 'eventLoopBridge', suggestions: [] }],
    },
    {
      filename: 'file.js',
      code: "async function tick() { require('deasync').runLoopOnce(); }",
      errors: [{ messageId: 'eventLoopBridge', suggestions: [] }],
    },
    // awaitSync / deasync-promise: await the promise itself.
    {
      code: "import { awaitSync } from '@kaciras/deasync';\nasync function get() { return awaitSync(cache.get(key) || fetchValue(key)); }",
      errors: [
        {
          messageId: 'eventLoopBridge',
          suggestions: [
            {
              messageId: 'suggestAwaitPromise',
              output:
                "import { awaitSync } from '@kaciras/deasync';\nasync function get() { return await (cache.get(key) || fetchValue(key)); }",
            },
          ],
        },
      ],
    },
    // A promise callback can become async to hold the await.
    {
      filename: 'file.js',
      code: "import deasyncPromise from 'deasync-promise';\nstart().then(() => deasyncPromise(loadUser(1)));",
      errors: [
        {
          messageId: 'eventLoopBridge',
          suggestions: [
            {
              messageId: 'suggestAwaitPromise',
              output: "import deasyncPromise from 'deasync-promise';\nstart().then(async () => await loadUser(1));",
            },
          ],
        },
      ],
    },
    // synckit: renamed import, direct call of the factory's result; the message names the worker.
    {
      code: `
import { createSyncFn as makeSync } from 'synckit';
export async function lint(code: string) {
  return makeSync(require.resolve('./lint-worker.js'))(code);
}
`,
      errors: [
        {
          messageId: 'blockingBridge',
          line: 4,
          column: 10,
          data: {
            callee: 'makeSync(…)(…)',
            origin: "made by createSyncFn from 'synckit'",
            helper: 'worker thread',
            advice:
              "Run the worker `require.resolve('./lint-worker.js')` asynchronously instead, in a `Worker` from node:worker_threads (or a worker pool), and await its reply.",
          },
          suggestions: [],
        },
      ],
    },
    // sync-rpc through CommonJS, called from a promise callback.
    {
      filename: 'file.cjs',
      code: `
const rpc = require('sync-rpc');
const client = rpc(__dirname + '/db-worker.js', 'postgres://db');
function refresh() {
  return fetchIds().then((ids) => client(ids));
}
`,
      errors: [{ messageId: 'blockingBridge', line: 5, suggestions: [] }],
    },
    // make-synchronous with the async original visible in the file.
    {
      code: `
import makeSynchronous from 'make-synchronous';
async function fetchJson(url: string) {
  const response = await fetch(url);
  return response.json();
}
const fetchJsonSync = makeSynchronous(fetchJson);
export async function load(url: string) {
  return fetchJsonSync(url);
}
`,
      errors: [
        {
          messageId: 'blockingBridge',
          line: 9,
          suggestions: [
            {
              messageId: 'suggestAwaitOriginal',
              output: `
import makeSynchronous from 'make-synchronous';
async function fetchJson(url: string) {
  const response = await fetch(url);
  return response.json();
}
const fetchJsonSync = makeSynchronous(fetchJson);
export async function load(url: string) {
  return await fetchJson(url);
}
`,
            },
          ],
        },
      ],
    },
    // Inline original: nothing to call instead, the message says what to do.
    {
      code: "import makeSynchronous from 'make-synchronous';\nconst sum = makeSynchronous(async (a: number) => a);\nconst handler = async () => sum(1);",
      errors: [{ messageId: 'blockingBridge', suggestions: [] }],
    },
    // make-synchronized: a module proxy's methods, also destructured.
    {
      code: `
import makeSynchronized, { makeModuleSynchronized } from 'make-synchronized';
const prettier = makeSynchronized(new URL('./prettier.js', import.meta.url));
const { check } = makeModuleSynchronized('./checker.js');
export async function save(code: string) {
  check(code);
  return prettier.format(code);
}
`,
      errors: [
        { messageId: 'blockingBridge', line: 6, suggestions: [] },
        { messageId: 'blockingBridge', line: 7, suggestions: [] },
      ],
    },
    // An alias of an alias, and fn.call(…), still call the bridge.
    {
      code: `
import deasync from 'deasync';
const query = deasync(db.query);
const run = query;
export async function count() {
  return run.call(db, 'select 1');
}
`,
      errors: [{ messageId: 'eventLoopBridge', line: 6, suggestions: [] }],
    },
    // fibers: Fiber.yield, Future.wait, and future.wait() on futures made in the file.
    {
      filename: 'file.cjs',
      code: `
const Fiber = require('fibers');
const Future = require('fibers/future');
async function work(promise) {
  Fiber.yield();
  Future.wait([a, b]);
  const future = new Future();
  future.wait();
  Future.fromPromise(promise).wait();
  Future.wrap(readFile)('a.txt').wait();
}
`,
      errors: [
        { messageId: 'fiberBridge', line: 5 },
        { messageId: 'fiberBridge', line: 6 },
        { messageId: 'fiberBridge', line: 8 },
        { messageId: 'fiberBridge', line: 9 },
        { messageId: 'fiberBridge', line: 10 },
      ],
    },
    // checkAllFunctions: every function may be called from async code.
    {
      code: `
import deasync from 'deasync';
const readSync = deasync(readFileCallback);
export function loadConfig(path: string) {
  return readSync(path);
}
`,
      options: [{ checkAllFunctions: true }],
      errors: [{ messageId: 'eventLoopBridge', line: 5, suggestions: [] }],
    },
    // Bridges exported by another file (named and default exports), resolved by the type checker, or without
    // types by the other file's export summary.
    {
      code: `
import doubleSync from './sync-default-lib.js';
import { formatSync, readSync } from './sync-bridges-lib.js';
export async function run(code: string) {
  formatSync(code);
  readSync('a.txt');
  return doubleSync(2);
}
`,
      errors: [
        {
          messageId: 'blockingBridge',
          line: 5,
          data: {
            callee: 'formatSync(…)',
            origin: "made by createSyncFn from 'synckit'",
            helper: 'worker thread',
            advice:
              'Run the worker asynchronously instead, in a `Worker` from node:worker_threads (or a worker pool), and await its reply.',
          },
          suggestions: [],
        },
        { messageId: 'eventLoopBridge', line: 6, suggestions: [] },
        { messageId: 'blockingBridge', line: 7, suggestions: [] },
      ],
    },
    // Effect: runSync inside a generator becomes yield*.
    {
      code: `
import { Effect } from 'effect';
const program = Effect.gen(function* () {
  const user = Effect.runSync(loadUser(1));
  return Effect.runSync(loadProfile(user)).name;
});
`,
      errors: [
        {
          messageId: 'effectRunInsideEffect',
          line: 4,
          column: 16,
          data: { callee: 'Effect.runSync' },
          suggestions: [
            {
              messageId: 'suggestYieldEffect',
              output: `
import { Effect } from 'effect';
const program = Effect.gen(function* () {
  const user = yield* loadUser(1);
  return Effect.runSync(loadProfile(user)).name;
});
`,
            },
          ],
        },
        {
          messageId: 'effectRunInsideEffect',
          line: 5,
          suggestions: [
            {
              messageId: 'suggestYieldEffect',
              output: `
import { Effect } from 'effect';
const program = Effect.gen(function* () {
  const user = Effect.runSync(loadUser(1));
  return (yield* loadProfile(user)).name;
});
`,
            },
          ],
        },
      ],
    },
    // A TypeScript cast stays; the yield* goes in parentheses under it.
    {
      code: "import { Effect } from 'effect';\nconst p = Effect.gen(function* () {\n  const id = Effect.runSync(nextId) as number;\n  return id;\n});",
      errors: [
        {
          messageId: 'effectRunInsideEffect',
          line: 3,
          suggestions: [
            {
              messageId: 'suggestYieldEffect',
              output:
                "import { Effect } from 'effect';\nconst p = Effect.gen(function* () {\n  const id = (yield* nextId) as number;\n  return id;\n});",
            },
          ],
        },
      ],
    },
    // The classic: yield* Effect.promise(() => Effect.runPromise(eff)) is yield* eff.
    {
      code: `
import * as Effect from 'effect/Effect';
export const getUser = (id: string) =>
  Effect.gen(function* () {
    const user = yield* Effect.promise(() => Effect.runPromise(fetchUser(id)));
    return user;
  });
`,
      errors: [
        {
          messageId: 'effectRunInsideEffect',
          line: 5,
          column: 46,
          suggestions: [
            {
              messageId: 'suggestUnwrapEffect',
              output: `
import * as Effect from 'effect/Effect';
export const getUser = (id: string) =>
  Effect.gen(function* () {
    const user = yield* fetchUser(id);
    return user;
  });
`,
            },
          ],
        },
      ],
    },
    // Effect.sync(() => Effect.runSync(eff)) outside a generator, with a block body.
    {
      code: "import { Effect } from 'effect';\nconst total = Effect.sync(() => { return Effect.runSync(sum); }).pipe(Effect.map(double));",
      errors: [
        {
          messageId: 'effectRunInsideEffect',
          suggestions: [
            {
              messageId: 'suggestUnwrapEffect',
              output: "import { Effect } from 'effect';\nconst total = sum.pipe(Effect.map(double));",
            },
          ],
        },
      ],
    },
    // Effect.fn('name')(function* …) and Effect.fnUntraced bodies; runPromise has no drop-in replacement there.
    {
      code: `
import { Effect } from 'effect';
const save = Effect.fn('save')(function* (user: User) {
  Effect.runPromise(audit(user));
});
const load = Effect.fnUntraced(function* () {
  Effect.runFork(warmCache);
});
`,
      errors: [
        { messageId: 'effectRunInsideEffect', line: 4, suggestions: [] },
        { messageId: 'effectRunInsideEffect', line: 7, suggestions: [] },
      ],
    },
    // Thunks of Effect.tryPromise({ try }), Effect.suspend; a sync callback like map is looked through.
    {
      code: `
import { Effect } from 'effect';
const a = Effect.tryPromise({ try: () => Effect.runPromise(load), catch: (e) => new LoadError(e) });
const b = Effect.suspend(() => Effect.runSync(make));
const c = Effect.gen(function* () {
  return items.map((item) => Effect.runSync(parse(item)));
});
`,
      errors: [
        { messageId: 'effectRunInsideEffect', line: 3, suggestions: [] },
        { messageId: 'effectRunInsideEffect', line: 4, suggestions: [] },
        { messageId: 'effectRunInsideEffect', line: 6, suggestions: [] },
      ],
    },
    // Runtime.run* (curried and not) and a ManagedRuntime's methods, in CommonJS too.
    {
      filename: 'file.cjs',
      code: `
const { Effect, Runtime, ManagedRuntime } = require('effect');
const runtime = ManagedRuntime.make(AppLayer);
const program = Effect.gen(function* () {
  const rt = yield* Effect.runtime();
  Runtime.runSync(rt)(log('start'));
  Runtime.runPromise(rt, log('again'));
  yield* Effect.promise(() => runtime.runPromise(log('done')));
});
`,
      errors: [
        { messageId: 'effectRunInsideEffect', line: 6, data: { callee: 'Runtime.runSync(rt)' }, suggestions: [] },
        { messageId: 'effectRunInsideEffect', line: 7, suggestions: [] },
        { messageId: 'effectRunInsideEffect', line: 8, suggestions: [] },
      ],
    },
    // Async IIFE dropped inside an async function: await it or detach it.
    {
      code: `
async function handle(request: Request) {
  (async () => {
    await audit(request);
  })();
  return respond(request);
}
`,
      errors: [
        {
          messageId: 'asyncIifeInAsyncFunction',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'suggestAwaitIife',
              output: `
async function handle(request: Request) {
  await (async () => {
    await audit(request);
  })();
  return respond(request);
}
`,
            },
            {
              messageId: 'suggestVoidIife',
              output: `
async function handle(request: Request) {
  void (async () => {
    await audit(request);
  })();
  return respond(request);
}
`,
            },
          ],
        },
      ],
    },
    // The function form in an async method; ASI-safe after a line without a semicolon.
    {
      code: `
class Importer {
  async run() {
    const rows = await this.read()
    ;(async function flush() { await this.write(rows); })()
  }
}
`,
      errors: [
        {
          messageId: 'asyncIifeInAsyncFunction',
          line: 5,
          suggestions: [
            {
              messageId: 'suggestAwaitIife',
              output: `
class Importer {
  async run() {
    const rows = await this.read()
    ;await (async function flush() { await this.write(rows); })()
  }
}
`,
            },
            {
              messageId: 'suggestVoidIife',
              output: `
class Importer {
  async run() {
    const rows = await this.read()
    ;void (async function flush() { await this.write(rows); })()
  }
}
`,
            },
          ],
        },
      ],
    },
    // Inside a sync callback of an async function only `void` fits.
    {
      code: 'async function sync(items: Item[]) {\n  items.forEach((item) => { (async () => { await save(item); })(); });\n}',
      errors: [
        {
          messageId: 'asyncIifeInAsyncFunction',
          suggestions: [
            {
              messageId: 'suggestVoidIife',
              output:
                'async function sync(items: Item[]) {\n  items.forEach((item) => { void (async () => { await save(item); })(); });\n}',
            },
          ],
        },
      ],
    },
    {
      code: 'async function* stream() {\n  (async () => { await warmUp(); })();\n  yield 1;\n}',
      errors: [
        {
          messageId: 'asyncIifeInAsyncFunction',
          suggestions: [
            {
              messageId: 'suggestAwaitIife',
              output: 'async function* stream() {\n  await (async () => { await warmUp(); })();\n  yield 1;\n}',
            },
            {
              messageId: 'suggestVoidIife',
              output: 'async function* stream() {\n  void (async () => { await warmUp(); })();\n  yield 1;\n}',
            },
          ],
        },
      ],
    },
  ],
});

// Without types, bridges made in another project file (tests/fixtures/projects/esm/src/bridge.js), by its export summary.
const ESM = 'projects/esm/src/handler.js';
const bridgeCalls = `import { formatSync, makeSync } from './bridge.js';
import * as bridges from './bridge.js';
const lintSync = makeSync('./lint-worker.js');
export async function check(code) {
  formatSync(code);
  bridges.formatSync(code);
  lintSync(code);
  makeSync('./other-worker.js')(code);
}`;
const createSyncFnBridge = (callee: string, line: number) => ({
  messageId: 'blockingBridge' as const,
  line,
  data: {
    callee,
    origin: "made by createSyncFn from 'synckit'",
    helper: 'worker thread',
    advice:
      'Run the worker asynchronously instead, in a `Worker` from node:worker_threads (or a worker pool), and await its reply.',
  },
  suggestions: [],
});

runRuleTests(
  'no-nested-event-loop',
  rule,
  {
    valid: [
      // At startup, in a plain function: what a bridge is for; a plain function of the file; the off switch.
      {
        filename: ESM,
        code: "import { formatSync, describeWorker } from './bridge.js';\nexport function main(code) { formatSync(code); }\nexport async function run() { describeWorker('w'); }",
      },
      {
        filename: ESM,
        code: bridgeCalls,
        settings: { 'event-loop': { crossFile: false } },
      },
    ],
    invalid: [
      {
        filename: ESM,
        code: bridgeCalls,
        errors: [
          createSyncFnBridge('formatSync(…)', 5),
          createSyncFnBridge('bridges.formatSync(…)', 6),
          createSyncFnBridge('lintSync(…)', 7),
          createSyncFnBridge('makeSync(…)(…)', 8),
        ],
      },
    ],
  },
  // The fixture projects are not in the typed tests' program (typed mode follows the checker instead).
  ['untyped'],
);
