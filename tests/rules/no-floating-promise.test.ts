import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/no-floating-promise.js';
import { runRuleTests } from '../rule-tester.js';

// Same-file async functions that can reject: the rule knows them in both modes.
const LOAD = "async function load() { return (await fetch('/api')).json(); }\n";
const SAVE = 'async function save(id: string) { await fetch(`/save/${id}`); }\n';

// typescript-eslint's no-floating-promises case where TypeScript's checker itself overflows the stack
// (microsoft/TypeScript#63441): the type is read as unknown and the syntactic answer stands.
const RECURSIVE_GENERIC =
  'interface CustomNode<P> {\n  getNextNode: () => CustomNode<P>;\n}\n' +
  'declare const createNode: () => {\n  getNextNode: <T>() => CustomNode<T>;\n};\n' +
  'function wrapNode<T>(getNode: () => CustomNode<T>) {\n  return getNode;\n}\n';
const RECURSIVE_IIFE =
  '(async () => {\n  wrapNode(() => {\n    const node = createNode();\n' +
  '    return wrapNode<typeof node.getNextNode<any>>(node.getNextNode);\n  });\n})()';

/** The rejection source of a listener that awaits `load()` on `line`. */
const AWAIT_LOAD = (line: number) => ({ source: '`await load()`', line: String(line) });

/** A lazy query builder: thenable, but nothing runs until it is awaited; its chainable methods return `this`. */
const QUERY_BUILDER = `declare function run<T>(filters: string[]): Promise<T[]>;
class QueryBuilder<T> implements PromiseLike<T[]> {
  private filters: string[] = [];
  where(filter: string): this { this.filters.push(filter); return this; }
  active(): this { this.where('active'); return this; }
  then<A = T[], B = never>(onFulfilled?: ((value: T[]) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): PromiseLike<A | B> { return run<T>(this.filters).then(onFulfilled, onRejected); }
}
declare function users(): QueryBuilder<string>;
`;

/**
 * `before` then the statement `call;`, dropped at a CommonJS top level on `line`: nothing can await there, so
 * the suggestions are `.catch(…)` (Node code: a failed entry point also sets the exit code, so a crashing script
 * does not exit 0) and `void`.
 */
function droppedAtCommonJsTop(before: string, call: string, line: number) {
  const handled = '.catch((error) => {\n  console.error(error);\n  process.exitCode = 1;\n})';
  return {
    filename: 'file.cjs',
    code: `${before}${call};`,
    errors: [
      {
        messageId: 'dropped' as const,
        line,
        suggestions: [
          { messageId: 'addCatch' as const, output: `${before}${call}${handled};` },
          { messageId: 'addVoid' as const, output: `${before}void ${call};` },
        ],
      },
    ],
  };
}

runRuleTests('no-floating-promise', rule, {
  valid: [
    // Awaited, returned, stored and awaited later, passed on.
    `${LOAD}async function main() { await load(); }`,
    `${LOAD}function main() { return load(); }`,
    `${LOAD}const main = () => load();`,
    `${LOAD}async function main() { const pending = load(); other(); await pending; }`,
    `${LOAD}function main() { register(load()); const all = [load()]; this.pending = load(); }`,
    `${LOAD}async function main() { for await (const item of load()) {} yield_(await Promise.all([load()])); }`,
    // Deliberately detached or handled.
    `${LOAD}function main() { void load(); }`,
    `${LOAD}load().catch((error) => console.error(error));`,
    `${LOAD}load().then((value) => use(value), (error) => report(error));`,
    `${LOAD}load().catch(report).finally(() => done());`,
    // Not promises: plain calls, a user's own non-thenable `then`, a local class.
    "console.log('x');\n[1, 2].push(3);\ndoSomething();",
    'const chain = { then(value: number) { return value; } };\nchain.then(1);',
    {
      // Untyped only: with types a class with a callable `then` is a thenable (as `await` treats it), possibly lazy.
      mode: 'untyped',
      code: 'class Builder { then(cb: () => void) { cb(); return this; } }\nnew Builder().then(() => {});',
    },
    'function sync() { return 1; }\nsync();\nif (sync()) {}\nconsole.log(`${sync()}`);',
    // Callbacks that run in a browser page: by default not reported, a page only logs an unhandled rejection.
    `${LOAD}window.requestAnimationFrame(async () => { await load(); });\nrequestIdleCallback(async () => { await load(); });\ndocument.addEventListener('visibilitychange', async () => { await load(); });`,
    {
      code: `${LOAD}setTimeout(async () => { await load(); }, 10);\nsocket.on('message', async () => { await load(); });`,
      languageOptions: { globals: { window: 'readonly', document: 'readonly', fetch: 'readonly' } },
    },
    {
      code: `${LOAD}emitter.on('change', async () => { await load(); });`,
      settings: { 'event-loop': { environment: 'browser' } },
    },
    // A file whose own code uses browser-only globals and nothing of Node's is page code (a script injected into one).
    `${LOAD}export class Watcher {\n  #timer: ReturnType<typeof setInterval> | undefined;\n  start(root: Node) {\n    new MutationObserver(() => this.stop()).observe(root, { childList: true });\n    this.#timer = setInterval(async () => { await load(); }, 100);\n  }\n  stop() { clearInterval(this.#timer); }\n}`,
    // `.catch(value)` is no promise chain: a zod schema's fallback (by origin), or an argument known not to be a handler.
    {
      filename: 'file.cjs',
      code: "const zod_1 = require('zod');\nconst Retries = zod_1.z.number().int().min(0);\nconst shipped = Retries.parse(defaults.retries);\nconst Resolved = Retries.catch(shipped);\nfunction retries(value) {\n  return Resolved.parse(value);\n}\nRetries.catch(3);",
    },
    "import { z } from 'zod';\nconst Mode = z.enum(['fast', 'safe']).catch(fallbackMode);\nexport const mode = (value: unknown) => Mode.parse(value);",
    'const DEFAULT_LIMIT = 20;\nconst limit = options.limit.catch(DEFAULT_LIMIT);\nif (limit.isValid) use(limit.value);',
    // Taking a stored promise out of a queue starts nothing: it is owned where it was made.
    // Typed only: untyped, the parameter's elements are not known to be promises.
    { code: 'function next(queue: Promise<void>[]) { queue.shift(); queue.pop(); }', mode: 'typed' },
    // Test-framework registrations: by origin where imported, by the usual globals otherwise.
    "import test, { describe, it, before } from 'node:test';\ntest('a', async () => {});\ndescribe('b', () => { before(async () => {}); it('c', async () => {}); });\ntest.describe('d', () => {});",
    "import { it, describe } from 'vitest';\nit.each([1, 2])('n %i', async (n) => {});\ndescribe.concurrent('c', () => { it.skipIf(true)('x', async () => {}); });",
    // node:test and vitest await an async suite callback before collecting it: nothing is lost.
    "import { describe, it } from 'node:test';\ndescribe('users', async () => {\n  const db = await connect();\n  it('finds', () => {});\n});",
    "import { describe, it } from 'vitest';\ndescribe.skip('users', async () => {\n  await setup();\n  it('finds', () => {});\n});",
    "it('a', async () => {});\ntest.only('b', async () => {});\nbeforeEach(async () => {});\ndescribe('c', () => { it.skip('d', async () => {}); });",
    // An async suite that registers everything before its first `await` loses nothing (mocha, jest and the globals).
    "import { describe, it, before } from 'mocha';\ndescribe('orders', async () => {\n  before(async () => { await seed(); });\n  it('lists', async () => { await list(); });\n});",
    "describe('cart', async function () {\n  const add = async (item) => { await api.add(item); it('later', () => {}); };\n  it('adds', () => add(1));\n  await flushLogs();\n});",
    "describe.each([1, 2])('size %i', async (size) => { await prepare(size); check(size); });",
    // An async Promise executor whose body cannot reject, a shadowed Promise, a synchronous executor.
    'const rows = new Promise(async (resolve, reject) => {\n  try {\n    resolve(await query(sql));\n  } catch (error) {\n    reject(error);\n  }\n});',
    'class Promise { constructor(run: unknown) {} }\nconst task = new Promise(async () => { await step(); });',
    'const later = new Promise((resolve) => setTimeout(resolve, 10));',
    // Option checkTestSuites off.
    {
      code: "describe('suite', async () => { await setup(); it('a', () => {}); });",
      options: [{ checkTestSuites: false }],
    },
    // Existence checks on a promise-or-nothing value.
    'class Client { connecting?: Promise<void>; connect() { if (this.connecting) return this.connecting; } }',
    `${LOAD}async function main(cached: boolean) { const pending = cached ? load() : undefined; if (pending) await pending; }`,
    `${LOAD}function main() { const pending = load(); if (pending === undefined || pending !== null) {} return pending; }`,
    `${LOAD}function main(other: unknown) { const pending = load(); if (pending === other || pending instanceof Promise) {} return pending; }`,
    // A consumed promise: its existence check, and a variable written again (the template may read the result), stay quiet.
    `${LOAD}async function main() { const pending = load(); if (!pending) return; return pending; }`,
    `${LOAD}async function main() { let value = load(); log(\`\${value}\`); value = await value; return value; }`,
    // A TypeScript file, with or without types: a member, `for…of` or destructuring on a promise is a type
    // error ("Did you forget to use 'await'?") that the editor and `tsc` report; the rule does not repeat it,
    // and spends neither a checker call nor another file's summary on it.
    `${LOAD}async function main() { const { name } = load(); for (const x of load()) {} return load().name; }`,
    `${LOAD}async function main() { let count = load(); count -= 1; return load() > 3 || load() === 1; }`,
    // Also a type error: spreading a promise into an array or arguments (TS2488), `p + 1` (TS2365).
    `${LOAD}async function main(f: (...a: unknown[]) => void) { f(...load()); return [...load(), load() + 1, 2n + load(), load() + -(2 * 3)]; }`,
    // With types under `strict`: a call's promise tested by `if` or `?:`, through `&&`/`||`, or left of
    // any `&&` (TS2801 "This condition will always return true since this 'Promise<…>' is always defined").
    {
      mode: 'typed',
      code: `${LOAD}async function main(x: number) { if (load()) x++; if (x > 1 && (load() || x)) x++; const a = load() ? 1 : 2; return [a, load() && x, new Promise(() => {}) ? 1 : 2]; }`,
    },
    // The same for a name or member the branch does not use (the compiler lets `if (p) await p` through).
    {
      mode: 'typed',
      code: "class Job {\n  done: Promise<void> = Promise.resolve();\n  run() {\n    if (this.done) console.log('finished');\n  }\n}",
    },
    // A chainable builder call hands back its own (lazy) receiver: dropping the returned reference drops no work.
    {
      mode: 'typed',
      code: `${QUERY_BUILDER}function scope(query: QueryBuilder<string>) { query.where('x'); query.active(); }`,
    },
    // The same, borrowed through Function.prototype's call/apply (`this.append.apply(this, stages)`).
    {
      mode: 'typed',
      code: `${QUERY_BUILDER}function scope(query: QueryBuilder<string>, filters: [string]) { query.where.call(query, 'x'); query.where.apply(query, filters); }`,
    },
    // Decorating the promise object on purpose.
    `${LOAD}function main() { const pending = load(); pending.label = 'load'; return pending; }`,
    // Same-file async functions that cannot reject: dropping them loses only ordering (checkNeverRejecting is off).
    "async function safe() { try { await fetch('/x'); } catch (error) { console.error(error); } }\nsafe();",
    "async function safe() { await fetch('/x').catch(() => undefined); }\nfunction main() { safe(); }",
    "const safe = async () => fetch('/x').then(() => true, () => false);\nsafe();",
    'class Worker { busy = false; async run() { this.busy = true; for (;;) { try { await step(); return; } catch { this.busy = false; } } } start() { this.run(); } }',
    '(async () => { try { await main(); } catch (error) { console.error(error); process.exitCode = 1; } })();',
    // The call that ends an entry script (run as a program: a shebang, a main-module check, a `bin` entry, …; and
    // exporting nothing): a rejection ends the process with its stack and exit code 1, as a top-level `await` would,
    // and nothing after it waits (checkEntryScriptCalls is off).
    `#!/usr/bin/env node\n${LOAD}load();\nfunction helper() {}\nexport {};`,
    '#!/usr/bin/env node\n(async () => {\n  await start();\n})();',
    "#!/usr/bin/env node\nimport('./app.js');",
    {
      filename: 'file.cjs',
      code: "const fs = require('node:fs/promises');\nasync function main() { await fs.writeFile('a.txt', 'x'); }\nif (require.main === module) {\n  main();\n}",
    },
    {
      filename: 'file.cjs',
      code: "const fs = require('node:fs/promises');\nif (process.argv[2] === 'write') fs.writeFile('a.txt', 'x');\nelse console.log('nothing to do');",
    },
    // A process container: it names its process, loads the application, then only assigns (nothing it calls can wait).
    {
      filename: 'file.cjs',
      code: "process.title = 'app worker';\nif (process.env.APP_PATH) {\n  import(process.env.APP_PATH);\n}\nrequire.main = process.mainModule;",
    },
    // An async IIFE dropped inside an async function belongs to no-nested-event-loop.
    'async function main() { (async () => { await step(); })(); }',
    // allowList: the user's own fire-and-forget helpers.
    {
      code: "async function track(event: string) { await fetch(`/t/${event}`); }\ntrack('x');",
      options: [{ allowList: ['track'] }],
    },
    {
      code: "const analytics = { async track(event: string) { await fetch(`/t/${event}`); } };\nanalytics.track('x');",
      options: [{ allowList: ['analytics.track'] }],
    },
    {
      // Typed only: untyped, an import from another file is not known to be a promise anyway.
      mode: 'typed',
      code: "import { track } from './floating-lib.js';\ntrack('x');",
      options: [{ allowList: [{ name: 'track', module: './floating-lib.js' }] }],
    },
    // Synchronous callbacks, and async listeners/timers with nothing that can reject (without checkEventCallbacks):
    // a try/catch around the body, `.catch` on what they await, a same-file helper that cannot reject, no awaited call.
    `${SAVE}function main(ids: string[]) { ids.forEach((id) => console.log(id)); ids.filter((id) => id.length > 1); }`,
    `${LOAD}emitter.on('data', async () => { try { await load(); } catch (error) { console.error(error); } });`,
    `${LOAD}setInterval(async () => { await load().catch(() => undefined); redraw(); }, 1000);`,
    'async function ping() { try { await fetch("/ping"); } catch { offline = true; } }\n' +
      'async function tick() { if (busy) return; busy = true; try { await ping(); } finally { busy = false; } }\n' +
      "socket.on('open', async () => { await tick(); });",
    "queue.once('drain', async (count: number) => { stats.drained += count; });",
    'setTimeout(async () => { await new Promise((resolve) => setImmediate(resolve)); flush(); }, 5);',
    // The cross-file layer knows whether an imported function can reject, not where: such a listener needs checkEventCallbacks.
    {
      code: `${LOAD}emitter.on('data', async () => { try { await load(); } catch (error) { console.error(error); } });`,
      options: [{ checkEventCallbacks: true }],
    },
    // A tagged template receives the promise itself: the tag decides.
    `${LOAD}sql\`select \${load()}\`.catch(report);`,
    // Typed only: the thenable has these members; the field may be undefined.
    {
      mode: 'typed',
      code: "import { select, Connection } from './floating-lib.js';\nasync function main(c: Connection) { const rows = await select('t').where('a'); const n = select('t').limit; if (c.connecting) {} return [rows, n]; }",
    },
    // Typed only: a parameter typed `Promise | undefined` is checked for existence.
    { mode: 'typed', code: 'function main(pending: Promise<void> | undefined) { if (pending) return pending; }' },
    { mode: 'typed', code: `${RECURSIVE_GENERIC}${RECURSIVE_IIFE}.catch(() => {});` },
    // Its body only calls: it cannot reject (see the checkNeverRejecting case below).
    { mode: 'typed', code: `${RECURSIVE_GENERIC}${RECURSIVE_IIFE};` },
  ],
  invalid: [
    // Its body only calls (no await, no throw): it cannot reject, so only `checkNeverRejecting` reports it.
    {
      mode: 'typed',
      code: `${RECURSIVE_GENERIC}${RECURSIVE_IIFE};`,
      options: [{ checkNeverRejecting: true, checkEntryScriptCalls: true }],
      errors: [
        {
          messageId: 'droppedNeverRejecting',
          line: 10,
          column: 1,
          endLine: 15,
          endColumn: 5,
          suggestions: [
            { messageId: 'addAwait', output: `${RECURSIVE_GENERIC}await ${RECURSIVE_IIFE};` },
            { messageId: 'addVoid', output: `${RECURSIVE_GENERIC}void ${RECURSIVE_IIFE};` },
          ],
        },
      ],
    },
    // ---- dropped promises ----
    // A new builder from a factory is dropped work: the query never runs. (A native promise's own methods, such as
    // `then`, stay promises: see the `.then` cases.)
    {
      mode: 'typed',
      code: `${QUERY_BUILDER}function main() { users(); }`,
      errors: [
        {
          messageId: 'dropped',
          line: 9,
          column: 19,
          // No `.catch(…)`: the builder implements `PromiseLike`, which has none.
          suggestions: [{ messageId: 'addVoid', output: `${QUERY_BUILDER}function main() { void users(); }` }],
        },
      ],
    },
    {
      code: `${LOAD}async function main() { load(); }`,
      errors: [
        {
          messageId: 'dropped',
          line: 2,
          column: 25,
          suggestions: [
            { messageId: 'addAwait', output: `${LOAD}async function main() { await load(); }` },
            { messageId: 'addVoid', output: `${LOAD}async function main() { void load(); }` },
          ],
        },
      ],
    },
    {
      code: `${LOAD}function main() { load(); }`,
      errors: [
        {
          messageId: 'dropped',
          suggestions: [
            {
              messageId: 'addCatch',
              output: `${LOAD}function main() { load().catch((error) => console.error(error)); }`,
            },
            { messageId: 'addVoid', output: `${LOAD}function main() { void load(); }` },
          ],
        },
      ],
    },
    {
      // Class members through `this.`, in a plain JS file (espree).
      filename: 'file.js',
      code: "class Repo {\n  async save(user) { await fetch('/u', { body: user }); }\n  async create(user) { this.save(user); }\n}",
      errors: [
        {
          messageId: 'dropped',
          line: 3,
          column: 24,
          suggestions: [
            {
              messageId: 'addAwait',
              output:
                "class Repo {\n  async save(user) { await fetch('/u', { body: user }); }\n  async create(user) { await this.save(user); }\n}",
            },
            {
              messageId: 'addVoid',
              output:
                "class Repo {\n  async save(user) { await fetch('/u', { body: user }); }\n  async create(user) { void this.save(user); }\n}",
            },
          ],
        },
      ],
    },
    {
      // `this.` inside an object literal's methods (seen in @apollo/server), without types too.
      code: "const job = {\n  async stop() { await fetch('/stop'); },\n  async run() { try { await step(); } catch { this.stop(); } },\n};",
      errors: [
        {
          messageId: 'dropped',
          line: 3,
          column: 47,
          suggestions: [
            {
              messageId: 'addAwait',
              output:
                "const job = {\n  async stop() { await fetch('/stop'); },\n  async run() { try { await step(); } catch { await this.stop(); } },\n};",
            },
            {
              messageId: 'addVoid',
              output:
                "const job = {\n  async stop() { await fetch('/stop'); },\n  async run() { try { await step(); } catch { void this.stop(); } },\n};",
            },
          ],
        },
      ],
    },
    // CommonJS top level: no await there. (The last call of an entry script is reported with checkEntryScriptCalls.)
    {
      ...droppedAtCommonJsTop("const fs = require('node:fs/promises');\n", "fs.writeFile('a.txt', 'x')", 2),
      options: [{ checkEntryScriptCalls: true }],
    },
    // A `.js` file written as CommonJS (require, no import or export) is CommonJS to Node whatever ESLint's
    // sourceType says: no top-level `await` is offered there either.
    {
      ...droppedAtCommonJsTop("const fs = require('node:fs/promises');\n", "fs.writeFile('a.txt', 'x')", 2),
      filename: 'file.js',
      options: [{ checkEntryScriptCalls: true }],
    },
    {
      code: "async function main() { fetch('/a').then((response) => response.json()); }",
      errors: [
        {
          messageId: 'droppedThen',
          suggestions: [
            {
              messageId: 'addAwait',
              output: "async function main() { await fetch('/a').then((response) => response.json()); }",
            },
            {
              messageId: 'addVoid',
              output: "async function main() { void fetch('/a').then((response) => response.json()); }",
            },
          ],
        },
      ],
    },
    {
      // A rejection handler that rethrows handles nothing; `.catch` then `.then` leaves the callback's errors unhandled.
      code: "function main() { fetch('/a').catch((error) => { throw error; }); fetch('/b').catch(report).then(use); }",
      errors: [
        {
          messageId: 'droppedRejectingHandler',
          column: 19,
          suggestions: [
            {
              messageId: 'addCatch',
              output:
                "function main() { fetch('/a').catch((error) => { throw error; }).catch((error) => console.error(error)); fetch('/b').catch(report).then(use); }",
            },
            {
              messageId: 'addVoid',
              output:
                "function main() { void fetch('/a').catch((error) => { throw error; }); fetch('/b').catch(report).then(use); }",
            },
          ],
        },
        {
          messageId: 'droppedRejectingHandler',
          column: 67,
          suggestions: [
            {
              messageId: 'addCatch',
              output:
                "function main() { fetch('/a').catch((error) => { throw error; }); fetch('/b').catch(report).then(use).catch((error) => console.error(error)); }",
            },
            {
              messageId: 'addVoid',
              output:
                "function main() { fetch('/a').catch((error) => { throw error; }); void fetch('/b').catch(report).then(use); }",
            },
          ],
        },
      ],
    },
    {
      code: "async function main() { new Promise((resolve) => setTimeout(resolve, 10)); Promise.all([fetch('/a')]); }",
      errors: [
        {
          messageId: 'dropped',
          column: 25,
          suggestions: [
            {
              messageId: 'addAwait',
              output:
                "async function main() { await new Promise((resolve) => setTimeout(resolve, 10)); Promise.all([fetch('/a')]); }",
            },
            {
              messageId: 'addVoid',
              output:
                "async function main() { void new Promise((resolve) => setTimeout(resolve, 10)); Promise.all([fetch('/a')]); }",
            },
          ],
        },
        {
          messageId: 'dropped',
          column: 76,
          suggestions: [
            {
              messageId: 'addAwait',
              output:
                "async function main() { new Promise((resolve) => setTimeout(resolve, 10)); await Promise.all([fetch('/a')]); }",
            },
            {
              messageId: 'addVoid',
              output:
                "async function main() { new Promise((resolve) => setTimeout(resolve, 10)); void Promise.all([fetch('/a')]); }",
            },
          ],
        },
      ],
    },
    {
      code: "async function main() { import('./plugin.js'); }",
      errors: [
        {
          messageId: 'dropped',
          suggestions: [
            { messageId: 'addAwait', output: "async function main() { await import('./plugin.js'); }" },
            { messageId: 'addVoid', output: "async function main() { void import('./plugin.js'); }" },
          ],
        },
      ],
    },
    {
      // Comma, conditional and logical expressions drop their promises too.
      code: `${LOAD}async function main(cond: boolean) {\n  cond ? load() : null;\n  cond && load();\n  (other(), load());\n  cached ?? load();\n}`,
      errors: [
        {
          messageId: 'dropped',
          line: 3,
          column: 10,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${LOAD}async function main(cond: boolean) {\n  cond ? await load() : null;\n  cond && load();\n  (other(), load());\n  cached ?? load();\n}`,
            },
            {
              messageId: 'addVoid',
              output: `${LOAD}async function main(cond: boolean) {\n  cond ? void load() : null;\n  cond && load();\n  (other(), load());\n  cached ?? load();\n}`,
            },
          ],
        },
        {
          messageId: 'dropped',
          line: 4,
          column: 11,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${LOAD}async function main(cond: boolean) {\n  cond ? load() : null;\n  cond && await load();\n  (other(), load());\n  cached ?? load();\n}`,
            },
            {
              messageId: 'addVoid',
              output: `${LOAD}async function main(cond: boolean) {\n  cond ? load() : null;\n  cond && void load();\n  (other(), load());\n  cached ?? load();\n}`,
            },
          ],
        },
        {
          messageId: 'dropped',
          line: 5,
          column: 13,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${LOAD}async function main(cond: boolean) {\n  cond ? load() : null;\n  cond && load();\n  (other(), await load());\n  cached ?? load();\n}`,
            },
            {
              messageId: 'addVoid',
              output: `${LOAD}async function main(cond: boolean) {\n  cond ? load() : null;\n  cond && load();\n  (other(), void load());\n  cached ?? load();\n}`,
            },
          ],
        },
        {
          messageId: 'dropped',
          line: 6,
          column: 13,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${LOAD}async function main(cond: boolean) {\n  cond ? load() : null;\n  cond && load();\n  (other(), load());\n  cached ?? await load();\n}`,
            },
            {
              messageId: 'addVoid',
              output: `${LOAD}async function main(cond: boolean) {\n  cond ? load() : null;\n  cond && load();\n  (other(), load());\n  cached ?? void load();\n}`,
            },
          ],
        },
      ],
    },
    {
      code: `${SAVE}async function main(ids: string[]) { ids.map(async (id) => save(id)); }`,
      errors: [
        {
          messageId: 'droppedArray',
          suggestions: [
            {
              messageId: 'awaitAll',
              output: `${SAVE}async function main(ids: string[]) { await Promise.all(ids.map(async (id) => save(id))); }`,
            },
            {
              messageId: 'voidAll',
              output: `${SAVE}async function main(ids: string[]) { void Promise.all(ids.map(async (id) => save(id))); }`,
            },
          ],
        },
      ],
    },
    {
      // Typed only: the function comes from another file.
      mode: 'typed',
      code: "import { loadUser, Connection } from './floating-lib.js';\nasync function main(c: Connection) { loadUser(); c.query('select 1'); }",
      errors: [
        {
          messageId: 'dropped',
          column: 38,
          suggestions: [
            {
              messageId: 'addAwait',
              output:
                "import { loadUser, Connection } from './floating-lib.js';\nasync function main(c: Connection) { await loadUser(); c.query('select 1'); }",
            },
            {
              messageId: 'addVoid',
              output:
                "import { loadUser, Connection } from './floating-lib.js';\nasync function main(c: Connection) { void loadUser(); c.query('select 1'); }",
            },
          ],
        },
        {
          messageId: 'dropped',
          column: 50,
          suggestions: [
            {
              messageId: 'addAwait',
              output:
                "import { loadUser, Connection } from './floating-lib.js';\nasync function main(c: Connection) { loadUser(); await c.query('select 1'); }",
            },
            {
              messageId: 'addVoid',
              output:
                "import { loadUser, Connection } from './floating-lib.js';\nasync function main(c: Connection) { loadUser(); void c.query('select 1'); }",
            },
          ],
        },
      ],
    },
    {
      // An un-awaited entry point at the top of an ES module: await is valid there.
      code: '(async () => {\n  await start();\n})();',
      options: [{ checkEntryScriptCalls: true }],
      errors: [
        {
          messageId: 'dropped',
          suggestions: [
            { messageId: 'addAwait', output: 'await (async () => {\n  await start();\n})();' },
            { messageId: 'addVoid', output: 'void (async () => {\n  await start();\n})();' },
          ],
        },
      ],
    },
    {
      filename: 'file.cjs',
      code: '(async function main() {\n  await start();\n})();',
      options: [{ checkEntryScriptCalls: true }],
      errors: [
        {
          messageId: 'dropped',
          suggestions: [
            {
              messageId: 'addCatch',
              output: '(async function main() {\n  await start();\n})().catch((error) => console.error(error));',
            },
            { messageId: 'addVoid', output: 'void (async function main() {\n  await start();\n})();' },
          ],
        },
      ],
    },
    // Not the end of an entry script: work follows the call, the module exports, or the call sits in a function.
    // Nor when the script takes over uncaught errors itself: a listener that only logs keeps the process up.
    droppedAtCommonJsTop(
      "#!/usr/bin/env node\nprocess.on('unhandledRejection', (reason) => console.error(reason));\n",
      "import('./app.mjs')",
      3,
    ),
    {
      code: `#!/usr/bin/env node\nprocess.on(\`uncaughtException\`, (error) => console.error(error));\n${LOAD}load();`,
      errors: [
        {
          messageId: 'dropped',
          line: 4,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `#!/usr/bin/env node\nprocess.on(\`uncaughtException\`, (error) => console.error(error));\n${LOAD}await load();`,
            },
            {
              messageId: 'addVoid',
              output: `#!/usr/bin/env node\nprocess.on(\`uncaughtException\`, (error) => console.error(error));\n${LOAD}void load();`,
            },
          ],
        },
      ],
    },
    // A chain's callback may end the process or swallow the error: `.finally(() => process.exit())` exits 0.
    {
      code: `#!/usr/bin/env node\n${LOAD}load().finally(() => process.exit());`,
      errors: [
        {
          messageId: 'droppedThen',
          line: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `#!/usr/bin/env node\n${LOAD}await load().finally(() => process.exit());`,
            },
            { messageId: 'addVoid', output: `#!/usr/bin/env node\n${LOAD}void load().finally(() => process.exit());` },
          ],
        },
      ],
    },
    // Nothing shows the module runs as a program: it may be imported for its side effects (a preload, a test
    // setup file), and its importers go on before the work is done.
    {
      code: `${LOAD}load();`,
      errors: [
        {
          messageId: 'dropped',
          line: 2,
          suggestions: [
            { messageId: 'addAwait', output: `${LOAD}await load();` },
            { messageId: 'addVoid', output: `${LOAD}void load();` },
          ],
        },
      ],
    },
    {
      code: `${LOAD}load();\nconsole.log('loaded');`,
      errors: [
        {
          messageId: 'dropped',
          line: 2,
          suggestions: [
            { messageId: 'addAwait', output: `${LOAD}await load();\nconsole.log('loaded');` },
            { messageId: 'addVoid', output: `${LOAD}void load();\nconsole.log('loaded');` },
          ],
        },
      ],
    },
    {
      code: `${LOAD}export const ready = true;\nload();`,
      errors: [
        {
          messageId: 'dropped',
          line: 3,
          suggestions: [
            { messageId: 'addAwait', output: `${LOAD}export const ready = true;\nawait load();` },
            { messageId: 'addVoid', output: `${LOAD}export const ready = true;\nvoid load();` },
          ],
        },
      ],
    },
    droppedAtCommonJsTop(
      "const fs = require('node:fs/promises');\nmodule.exports = { ready: true };\n",
      "fs.writeFile('a.txt', 'x')",
      3,
    ),
    // An assignment that calls something after the call is work that runs before the promise settles.
    {
      filename: 'file.cjs',
      code: "process.title = 'app worker';\nimport('./app.mjs');\nglobal.startedAt = Date.now();",
      errors: [
        {
          messageId: 'dropped',
          line: 2,
          suggestions: [
            {
              messageId: 'addCatch',
              output:
                "process.title = 'app worker';\nimport('./app.mjs').catch((error) => {\n  console.error(error);\n  process.exitCode = 1;\n});\nglobal.startedAt = Date.now();",
            },
            {
              messageId: 'addVoid',
              output: "process.title = 'app worker';\nvoid import('./app.mjs');\nglobal.startedAt = Date.now();",
            },
          ],
        },
      ],
    },
    {
      filename: 'file.cjs',
      code: "const fs = require('node:fs/promises');\nif (require.main === module) {\n  fs.writeFile('a.txt', 'x');\n  console.log('written');\n}",
      errors: [
        {
          messageId: 'dropped',
          line: 3,
          suggestions: [
            {
              messageId: 'addCatch',
              output:
                "const fs = require('node:fs/promises');\nif (require.main === module) {\n  fs.writeFile('a.txt', 'x').catch((error) => {\n    console.error(error);\n    process.exitCode = 1;\n  });\n  console.log('written');\n}",
            },
            {
              messageId: 'addVoid',
              output:
                "const fs = require('node:fs/promises');\nif (require.main === module) {\n  void fs.writeFile('a.txt', 'x');\n  console.log('written');\n}",
            },
          ],
        },
      ],
    },
    {
      // checkNeverRejecting: the guarded function is reported, for ordering only.
      code: "async function safe() { try { await fetch('/x'); } catch (error) { console.error(error); } }\nasync function main() { safe(); }",
      options: [{ checkNeverRejecting: true }],
      errors: [
        {
          messageId: 'droppedNeverRejecting',
          data: { name: 'safe' },
          line: 2,
          suggestions: [
            {
              messageId: 'addAwait',
              output:
                "async function safe() { try { await fetch('/x'); } catch (error) { console.error(error); } }\nasync function main() { await safe(); }",
            },
            {
              messageId: 'addVoid',
              output:
                "async function safe() { try { await fetch('/x'); } catch (error) { console.error(error); } }\nasync function main() { void safe(); }",
            },
          ],
        },
      ],
    },
    {
      // A try that returns the promise un-awaited does not guard it; a catch that rethrows does not either.
      code: "async function a() { try { return fetch('/x'); } catch { return null; } }\nasync function b() { try { await fetch('/x'); } catch (error) { throw error; } }\nfunction main() { a(); b(); }",
      errors: [
        {
          messageId: 'dropped',
          line: 3,
          column: 19,
          suggestions: [
            {
              messageId: 'addCatch',
              output:
                "async function a() { try { return fetch('/x'); } catch { return null; } }\nasync function b() { try { await fetch('/x'); } catch (error) { throw error; } }\nfunction main() { a().catch((error) => console.error(error)); b(); }",
            },
            {
              messageId: 'addVoid',
              output:
                "async function a() { try { return fetch('/x'); } catch { return null; } }\nasync function b() { try { await fetch('/x'); } catch (error) { throw error; } }\nfunction main() { void a(); b(); }",
            },
          ],
        },
        {
          messageId: 'dropped',
          line: 3,
          column: 24,
          suggestions: [
            {
              messageId: 'addCatch',
              output:
                "async function a() { try { return fetch('/x'); } catch { return null; } }\nasync function b() { try { await fetch('/x'); } catch (error) { throw error; } }\nfunction main() { a(); b().catch((error) => console.error(error)); }",
            },
            {
              messageId: 'addVoid',
              output:
                "async function a() { try { return fetch('/x'); } catch { return null; } }\nasync function b() { try { await fetch('/x'); } catch (error) { throw error; } }\nfunction main() { a(); void b(); }",
            },
          ],
        },
      ],
    },
    {
      // allowVoid off: `void` is reported; inside async code the fix turns it into `await`.
      code: `${LOAD}async function main() { void load(); }\nfunction sync() { void load(); }`,
      options: [{ allowVoid: false }],
      errors: [
        {
          messageId: 'droppedVoid',
          line: 2,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${LOAD}async function main() { await load(); }\nfunction sync() { void load(); }`,
            },
          ],
        },
        {
          messageId: 'droppedVoid',
          line: 3,
          suggestions: [
            {
              messageId: 'addCatch',
              output: `${LOAD}async function main() { void load(); }\nfunction sync() { void load().catch((error) => console.error(error)); }`,
            },
          ],
        },
      ],
    },
    {
      // autofix: await is applied where it is valid; elsewhere the suggestions stay.
      code: `${LOAD}async function main() { load(); }\nfunction sync() { load(); }`,
      options: [{ autofix: true }],
      output: `${LOAD}async function main() { await load(); }\nfunction sync() { load(); }`,
      errors: [
        {
          messageId: 'dropped',
          line: 2,
          suggestions: [
            {
              messageId: 'addVoid',
              output: `${LOAD}async function main() { void load(); }\nfunction sync() { load(); }`,
            },
          ],
        },
        {
          messageId: 'dropped',
          line: 3,
          suggestions: [
            {
              messageId: 'addCatch',
              output: `${LOAD}async function main() { load(); }\nfunction sync() { load().catch((error) => console.error(error)); }`,
            },
            {
              messageId: 'addVoid',
              output: `${LOAD}async function main() { load(); }\nfunction sync() { void load(); }`,
            },
          ],
        },
      ],
    },

    // ---- promises used as values ----
    // A TypeScript file under `// @ts-nocheck`: the compiler reports nothing there, so the rule does.
    {
      code: `// @ts-nocheck\n${LOAD}async function main() { return load().name; }`,
      errors: [
        {
          messageId: 'misusedMember',
          data: { subject: '`load()`', member: 'name' },
          line: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `// @ts-nocheck\n${LOAD}async function main() { return (await load()).name; }`,
            },
          ],
        },
      ],
    },
    {
      // JavaScript: no compiler reports it (in a strict TypeScript file, TS2801 does; see the valid cases).
      filename: 'file.js',
      code: "async function isAdmin() { return (await fetch('/me')).ok; }\nasync function main() { if (isAdmin()) grant(); }",
      errors: [
        {
          messageId: 'misusedCondition',
          data: { subject: '`isAdmin()`' },
          line: 2,
          column: 29,
          suggestions: [
            {
              messageId: 'addAwait',
              output:
                "async function isAdmin() { return (await fetch('/me')).ok; }\nasync function main() { if (await isAdmin()) grant(); }",
            },
          ],
        },
      ],
    },
    {
      // JavaScript (no checkJs): with or without types, nothing else reports the missing member.
      filename: 'file.js',
      code: `${LOAD}async function main() { return load().name; }`,
      errors: [
        {
          messageId: 'misusedMember',
          data: { subject: '`load()`', member: 'name' },
          suggestions: [
            { messageId: 'addAwait', output: `${LOAD}async function main() { return (await load()).name; }` },
          ],
        },
      ],
    },
    {
      code: `${LOAD}async function main() {\n  const a = \`user: \${load()}\`;\n  const b = 'n=' + load();\n  const c = String(load());\n  const d = load().toString();\n}`,
      errors: [
        {
          messageId: 'misusedString',
          line: 3,
          column: 22,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${LOAD}async function main() {\n  const a = \`user: \${await load()}\`;\n  const b = 'n=' + load();\n  const c = String(load());\n  const d = load().toString();\n}`,
            },
          ],
        },
        {
          messageId: 'misusedString',
          line: 4,
          column: 20,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${LOAD}async function main() {\n  const a = \`user: \${load()}\`;\n  const b = 'n=' + await load();\n  const c = String(load());\n  const d = load().toString();\n}`,
            },
          ],
        },
        {
          messageId: 'misusedString',
          line: 5,
          column: 20,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${LOAD}async function main() {\n  const a = \`user: \${load()}\`;\n  const b = 'n=' + load();\n  const c = String(await load());\n  const d = load().toString();\n}`,
            },
          ],
        },
        {
          messageId: 'misusedString',
          line: 6,
          column: 13,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${LOAD}async function main() {\n  const a = \`user: \${load()}\`;\n  const b = 'n=' + load();\n  const c = String(load());\n  const d = (await load()).toString();\n}`,
            },
          ],
        },
      ],
    },
    {
      // JavaScript: in a TypeScript file with types, `>` and `===` on a promise are type errors (TS2365, TS2367).
      filename: 'file.js',
      code: `${LOAD}async function main() {\n  const a = load() > 3;\n  const b = load() === 1;\n  const c = -load();\n}`,
      errors: [
        {
          messageId: 'misusedArithmetic',
          line: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${LOAD}async function main() {\n  const a = await load() > 3;\n  const b = load() === 1;\n  const c = -load();\n}`,
            },
          ],
        },
        {
          messageId: 'misusedArithmetic',
          line: 4,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${LOAD}async function main() {\n  const a = load() > 3;\n  const b = await load() === 1;\n  const c = -load();\n}`,
            },
          ],
        },
        {
          messageId: 'misusedArithmetic',
          line: 5,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${LOAD}async function main() {\n  const a = load() > 3;\n  const b = load() === 1;\n  const c = -await load();\n}`,
            },
          ],
        },
      ],
    },
    {
      // One report per problem: logging a dropped promise is reported as the misuse only.
      code: `${LOAD}async function main() {\n  console.log(load());\n  JSON.stringify(load());\n}`,
      errors: [
        {
          messageId: 'misusedLogged',
          data: { subject: '`load()`', api: 'console.log', shows: '`Promise { <pending> }`' },
          line: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${LOAD}async function main() {\n  console.log(await load());\n  JSON.stringify(load());\n}`,
            },
          ],
        },
        {
          messageId: 'misusedLogged',
          data: { subject: '`load()`', api: 'JSON.stringify', shows: '`{}`' },
          line: 4,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${LOAD}async function main() {\n  console.log(load());\n  JSON.stringify(await load());\n}`,
            },
          ],
        },
      ],
    },
    {
      filename: 'file.js',
      code: `${LOAD}async function main() {\n  const { name } = load();\n  const [first] = load();\n  const all = [...load()];\n  for (const item of load()) {}\n}`,
      errors: [
        {
          messageId: 'misusedDestructuring',
          line: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${LOAD}async function main() {\n  const { name } = await load();\n  const [first] = load();\n  const all = [...load()];\n  for (const item of load()) {}\n}`,
            },
          ],
        },
        {
          messageId: 'misusedDestructuring',
          line: 4,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${LOAD}async function main() {\n  const { name } = load();\n  const [first] = await load();\n  const all = [...load()];\n  for (const item of load()) {}\n}`,
            },
          ],
        },
        {
          messageId: 'misusedSpread',
          line: 5,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${LOAD}async function main() {\n  const { name } = load();\n  const [first] = load();\n  const all = [...await load()];\n  for (const item of load()) {}\n}`,
            },
          ],
        },
        {
          messageId: 'misusedIteration',
          line: 6,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${LOAD}async function main() {\n  const { name } = load();\n  const [first] = load();\n  const all = [...load()];\n  for (const item of await load()) {}\n}`,
            },
          ],
        },
      ],
    },
    {
      code: `${LOAD}async function main() {\n  while (!load()) {}\n  const value = load() || fallback;\n}`,
      errors: [
        {
          messageId: 'misusedCondition',
          line: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${LOAD}async function main() {\n  while (!await load()) {}\n  const value = load() || fallback;\n}`,
            },
          ],
        },
        {
          messageId: 'misusedCondition',
          line: 4,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${LOAD}async function main() {\n  while (!load()) {}\n  const value = await load() || fallback;\n}`,
            },
          ],
        },
      ],
    },
    {
      // Through a local variable never awaited: one report, fixed where the promise is made.
      code: "async function getData() { return (await fetch('/d')).json(); }\nasync function main() {\n  const data = getData();\n  console.log(data);\n  if (data) show(data.items);\n}",
      errors: [
        {
          messageId: 'misusedLogged',
          data: { subject: '`data`', api: 'console.log', shows: '`Promise { <pending> }`' },
          line: 4,
          column: 15,
          suggestions: [
            {
              messageId: 'awaitDeclaration',
              output:
                "async function getData() { return (await fetch('/d')).json(); }\nasync function main() {\n  const data = await getData();\n  console.log(data);\n  if (data) show(data.items);\n}",
            },
          ],
        },
      ],
    },
    {
      // Also returned (consumed), but a template shows `[object Promise]` whatever else happens to it:
      // reported, with `await` at the misuse so the return keeps its promise.
      code: `${LOAD}async function main() {\n  const pending = load();\n  log(\`loading \${pending}\`);\n  return pending;\n}`,
      errors: [
        {
          messageId: 'misusedString',
          line: 4,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${LOAD}async function main() {\n  const pending = load();\n  log(\`loading \${await pending}\`);\n  return pending;\n}`,
            },
          ],
        },
      ],
    },
    {
      // In synchronous code there is nothing to rewrite locally: the function would have to become async.
      code: `${LOAD}function main() { return \`\${load()}\`; }`,
      errors: [{ messageId: 'misusedString', suggestions: [] }],
    },
    {
      // A handler on an unknown receiver is still a promise chain: reading a member of it stays reported.
      filename: 'file.js',
      code: 'async function count(sql) {\n  const rows = db.query(sql).catch(report);\n  return rows.length;\n}',
      errors: [
        {
          messageId: 'misusedMember',
          data: { subject: '`rows`', member: 'length' },
          line: 3,
          suggestions: [
            {
              messageId: 'awaitDeclaration',
              data: { name: 'rows' },
              output:
                'async function count(sql) {\n  const rows = await db.query(sql).catch(report);\n  return rows.length;\n}',
            },
          ],
        },
      ],
    },
    {
      // zod's own promise method makes a promise chain again.
      filename: 'file.js',
      code: "import { z } from 'zod';\nconst Port = z.number();\nfunction check(input) {\n  Port.parseAsync(input).catch(report).then(use);\n}",
      errors: [
        {
          messageId: 'droppedRejectingHandler',
          line: 4,
          suggestions: [
            {
              messageId: 'addCatch',
              output:
                "import { z } from 'zod';\nconst Port = z.number();\nfunction check(input) {\n  Port.parseAsync(input).catch(report).then(use).catch((error) => console.error(error));\n}",
            },
            {
              messageId: 'addVoid',
              output:
                "import { z } from 'zod';\nconst Port = z.number();\nfunction check(input) {\n  void Port.parseAsync(input).catch(report).then(use);\n}",
            },
          ],
        },
      ],
    },
    {
      // One report per problem: `.map` on a promise, not also a dropped array.
      filename: 'file.js',
      code: "async function getIds() { return (await fetch('/ids')).json(); }\nasync function main() { getIds().map(async (id) => id); }",
      errors: [
        {
          messageId: 'misusedMember',
          data: { subject: '`getIds()`', member: 'map' },
          suggestions: [
            {
              messageId: 'addAwait',
              output:
                "async function getIds() { return (await fetch('/ids')).json(); }\nasync function main() { (await getIds()).map(async (id) => id); }",
            },
          ],
        },
      ],
    },
    {
      // Typed only: the checker knows the imported function, the parameter and the field. `if (isAdmin())`
      // is left to the compiler (TS2801 under `strict`); `while` is not one of its checks.
      mode: 'typed',
      code: "import { isAdmin, Connection } from './floating-lib.js';\nfunction main(c: Connection, pending: Promise<string>) {\n  if (isAdmin()) {}\n  while (isAdmin()) {}\n  if (!c.ready) {}\n  return pending + '!';\n}",
      errors: [
        { messageId: 'misusedCondition', line: 4, suggestions: [] },
        { messageId: 'misusedCondition', line: 5, suggestions: [] },
        { messageId: 'misusedString', line: 6, suggestions: [] },
      ],
    },
    {
      filename: 'file.js',
      code: "async function isAdmin() { return (await fetch('/me')).ok; }\nasync function main() { if (isAdmin()) grant(); }",
      options: [{ autofix: true }],
      output:
        "async function isAdmin() { return (await fetch('/me')).ok; }\nasync function main() { if (await isAdmin()) grant(); }",
      errors: [{ messageId: 'misusedCondition', suggestions: [] }],
    },

    // ---- callbacks whose promise the API ignores ----
    {
      code: `${SAVE}async function main(ids: string[]) {\n  ids.forEach(async (id: string) => {\n    await save(id);\n  });\n}`,
      errors: [
        {
          messageId: 'asyncForEach',
          line: 3,
          column: 15,
          suggestions: [
            {
              messageId: 'runSequentially',
              output: `${SAVE}async function main(ids: string[]) {\n  for (const id of ids) {\n    await save(id);\n  }\n}`,
            },
            {
              messageId: 'runConcurrently',
              output: `${SAVE}async function main(ids: string[]) {\n  await Promise.all(ids.map(async (id: string) => {\n    await save(id);\n  }));\n}`,
            },
          ],
        },
      ],
    },
    {
      // Expression body and a destructured parameter.
      code: `${SAVE}async function main(users: { id: string }[]) { users.forEach(async ({ id }) => save(id)); }`,
      errors: [
        {
          messageId: 'asyncForEach',
          suggestions: [
            {
              messageId: 'runSequentially',
              output: `${SAVE}async function main(users: { id: string }[]) { for (const { id } of users) { await save(id); } }`,
            },
            {
              messageId: 'runConcurrently',
              output: `${SAVE}async function main(users: { id: string }[]) { await Promise.all(users.map(async ({ id }) => save(id))); }`,
            },
          ],
        },
      ],
    },
    {
      // Index parameter, `return`, or a receiver shadowed by the parameter: only the concurrent rewrite keeps the meaning.
      code: `${SAVE}async function main(ids: string[]) {\n  ids.forEach(async (id, index) => { await save(id + index); });\n  ids.forEach(async (id) => { if (!id) return; await save(id); });\n}`,
      errors: [
        {
          messageId: 'asyncForEach',
          line: 3,
          suggestions: [
            {
              messageId: 'runConcurrently',
              output: `${SAVE}async function main(ids: string[]) {\n  await Promise.all(ids.map(async (id, index) => { await save(id + index); }));\n  ids.forEach(async (id) => { if (!id) return; await save(id); });\n}`,
            },
          ],
        },
        {
          messageId: 'asyncForEach',
          line: 4,
          suggestions: [
            {
              messageId: 'runConcurrently',
              output: `${SAVE}async function main(ids: string[]) {\n  ids.forEach(async (id, index) => { await save(id + index); });\n  await Promise.all(ids.map(async (id) => { if (!id) return; await save(id); }));\n}`,
            },
          ],
        },
      ],
    },
    {
      // Plain JS (espree nodes carry no TypeScript-only fields).
      filename: 'file.js',
      code: 'async function save(id) { await fetch(`/save/${id}`); }\nexport async function main(ids) { ids.forEach(async (id) => { await save(id); }); }',
      errors: [
        {
          messageId: 'asyncForEach',
          suggestions: [
            {
              messageId: 'runSequentially',
              output:
                'async function save(id) { await fetch(`/save/${id}`); }\nexport async function main(ids) { for (const id of ids) { await save(id); } }',
            },
            {
              messageId: 'runConcurrently',
              output:
                'async function save(id) { await fetch(`/save/${id}`); }\nexport async function main(ids) { await Promise.all(ids.map(async (id) => { await save(id); })); }',
            },
          ],
        },
      ],
    },
    {
      // In a sync function the awaits cannot move out of the callback: reported without a rewrite.
      code: `${SAVE}export function schedule(ids: string[]) { ids.forEach(async (id) => { await save(id); }); }`,
      errors: [{ messageId: 'asyncForEach', suggestions: [] }],
    },
    {
      // A reference to an async function.
      code: `${SAVE}async function main(ids: string[]) { ids.forEach(save); }`,
      errors: [
        {
          messageId: 'asyncForEach',
          suggestions: [
            {
              messageId: 'runConcurrently',
              output: `${SAVE}async function main(ids: string[]) { await Promise.all(ids.map(save)); }`,
            },
          ],
        },
      ],
    },
    {
      code: `${SAVE}async function main(ids: string[]) {\n  ids.filter(async (id) => (await fetch(id)).ok);\n  ids.some(async (id) => id === 'x');\n  ids.find(async function (id) { return id; });\n}`,
      errors: [
        {
          messageId: 'asyncPredicate',
          data: { method: 'filter', outcome: 'every element passes' },
          line: 3,
          column: 14,
          suggestions: [],
        },
        {
          messageId: 'asyncPredicate',
          data: { method: 'some', outcome: 'it is always true' },
          line: 4,
          suggestions: [],
        },
        {
          messageId: 'asyncPredicate',
          data: { method: 'find', outcome: 'it always returns the first element' },
          line: 5,
          suggestions: [],
        },
      ],
    },
    {
      // Test suites: by origin (mocha) and by the usual globals, reported when a registration follows an `await`.
      code: "import { describe, it, beforeEach } from 'mocha';\ndescribe('accounts', async function () {\n  it('opens', () => {});\n  const fixtures = await loadFixtures();\n  beforeEach(() => reset(fixtures));\n  it('closes', () => {});\n});",
      errors: [
        {
          messageId: 'asyncSuite',
          data: {
            name: 'describe',
            registration: '`beforeEach(…)`',
            line: '5',
            awaitLine: '4',
            more: ' (with 1 more registration)',
          },
          line: 2,
          column: 22,
          suggestions: [],
        },
      ],
    },
    {
      // In a loop that awaits (the next pass), in a `for await` body, in a synchronous callback, through a named function.
      code: "context('pages', async () => {\n  for (const page of pages) {\n    it(page, () => {});\n    await warm(page);\n  }\n});\ndescribe.skip('rows', async () => {\n  for await (const row of readRows()) test(`row ${row.id}`, () => {});\n});\nsuite('cases', async () => {\n  const cases = await loadCases();\n  cases.forEach((c) => specify(c.name, () => {}));\n  specify('count', () => {});\n  specify('sum', () => {});\n});\nasync function sharedExamples() {\n  await setup();\n  it('behaves', () => {});\n}\ndescribe('named', sharedExamples);",
      errors: [
        {
          messageId: 'asyncSuite',
          data: { name: 'context', registration: '`it(…)`', line: '3', awaitLine: '4', more: '' },
          line: 1,
        },
        {
          messageId: 'asyncSuite',
          data: { name: 'describe.skip', registration: '`test(…)`', line: '8', awaitLine: '8', more: '' },
          line: 7,
        },
        {
          messageId: 'asyncSuite',
          data: {
            name: 'suite',
            registration: '`specify(…)`',
            line: '12',
            awaitLine: '11',
            more: ' (with 2 more registrations)',
          },
          line: 10,
        },
        {
          messageId: 'asyncSuite',
          data: { name: 'describe', registration: "`it('behaves', …)`", line: '18', awaitLine: '17', more: '' },
          line: 20,
          column: 19,
        },
      ],
    },
    {
      // `new Promise(async …)`: the constructor ignores the executor's promise, so a rejection in it is lost.
      code: "function connect(url) {\n  return new Promise(async (resolve, reject) => {\n    const socket = await open(url);\n    socket.on('ready', resolve);\n    socket.on('error', reject);\n  });\n}",
      errors: [
        {
          messageId: 'asyncExecutorRejects',
          data: { source: '`await open(url)`', line: '3' },
          line: 2,
          column: 22,
          suggestions: [
            {
              messageId: 'wrapExecutor',
              output:
                "function connect(url) {\n  return new Promise((resolve, reject) => {\n    (async () => {\n      const socket = await open(url);\n      socket.on('ready', resolve);\n      socket.on('error', reject);\n    })().catch(reject);\n  });\n}",
            },
          ],
        },
      ],
    },
    {
      // A `throw` in an async executor rejects its ignored promise, not this one; a reassigned `reject` has no rewrite.
      code: "const value = new Promise(async (resolve) => {\n  if (!ready) throw new Error('not ready');\n  resolve(1);\n});\nconst other = new Promise(async (resolve, reject) => { reject = log; resolve(await step()); });",
      errors: [
        {
          messageId: 'asyncExecutorRejects',
          data: { source: 'the `throw`', line: '2' },
          line: 1,
          column: 27,
          suggestions: [
            {
              messageId: 'wrapExecutor',
              output:
                "const value = new Promise((resolve, reject) => {\n  (async () => {\n    if (!ready) throw new Error('not ready');\n    resolve(1);\n  })().catch(reject);\n});\nconst other = new Promise(async (resolve, reject) => { reject = log; resolve(await step()); });",
            },
          ],
        },
        {
          messageId: 'asyncExecutorRejects',
          data: { source: '`await step()`', line: '5' },
          line: 5,
          column: 27,
          suggestions: [],
        },
      ],
    },
    {
      // checkEventCallbacks: every async executor, a guarded one too (it gains nothing from `async`).
      code: 'const rows = new Promise(async (resolve, reject) => {\n  try {\n    resolve(await query(sql));\n  } catch (error) {\n    reject(error);\n  }\n});',
      options: [{ checkEventCallbacks: true }],
      errors: [
        {
          messageId: 'asyncExecutor',
          line: 1,
          column: 26,
          suggestions: [
            {
              messageId: 'wrapExecutor',
              output:
                'const rows = new Promise((resolve, reject) => {\n  (async () => {\n    try {\n      resolve(await query(sql));\n    } catch (error) {\n      reject(error);\n    }\n  })().catch(reject);\n});',
            },
          ],
        },
      ],
    },
    {
      // A nested async suite is reported on its own; the outer one registers it before any await.
      code: "describe('outer', async () => {\n  describe('inner', async () => {\n    await connect();\n    it('queries', () => {});\n  });\n});",
      errors: [
        {
          messageId: 'asyncSuite',
          data: { name: 'describe', registration: "`it('queries', …)`", line: '4', awaitLine: '3', more: '' },
          line: 2,
          column: 21,
        },
      ],
    },
    {
      // In a browser page (an API only browsers have, by origin), a rejection is logged, not fatal: strict only.
      code: `${LOAD}window.requestAnimationFrame(async () => { await load(); });\nrequestIdleCallback(async () => { paint(); });`,
      options: [{ checkEventCallbacks: true }],
      errors: [
        {
          messageId: 'asyncBrowserCallbackRejects',
          data: { name: 'window.requestAnimationFrame', ...AWAIT_LOAD(2) },
          line: 2,
          column: 30,
        },
        { messageId: 'asyncBrowserCallback', data: { name: 'requestIdleCallback' }, line: 3, column: 21 },
      ],
    },
    {
      // Browser globals configured without Node's: every callback of the file runs in the page.
      code: `${LOAD}setTimeout(async () => { await load(); }, 10);`,
      languageOptions: { globals: { window: 'readonly', document: 'readonly' } },
      options: [{ checkEventCallbacks: true }],
      errors: [{ messageId: 'asyncBrowserCallbackRejects', data: { name: 'setTimeout', ...AWAIT_LOAD(2) }, line: 2 }],
    },
    {
      // Globals of both (server-side rendering, Electron) do not say browser: a Node process may run it.
      code: `${LOAD}setTimeout(async () => { await load(); }, 10);`,
      languageOptions: { globals: { window: 'readonly', process: 'readonly' } },
      errors: [{ messageId: 'asyncEventCallbackRejects', data: { name: 'setTimeout', ...AWAIT_LOAD(2) }, line: 2 }],
    },
    {
      // The same file with `checkEventCallbacks`: reported, with what a rejection costs in a page.
      code: `${LOAD}const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);\nsetInterval(async () => { await load(); }, 100);`,
      options: [{ checkEventCallbacks: true }],
      errors: [
        {
          messageId: 'asyncBrowserCallbackRejects',
          data: { name: 'setInterval', ...AWAIT_LOAD(3) },
          line: 3,
          column: 13,
        },
      ],
    },
    {
      // A Node file that hands a function to the page (`page.evaluate(() => document.title)`) stays a Node file.
      code: `${LOAD}export async function watch(page: { evaluate<T>(fn: () => T): Promise<T> }) {\n  const title = await page.evaluate(() => document.title);\n  setInterval(async () => { await load(); }, 100);\n  return title;\n}`,
      errors: [
        {
          messageId: 'asyncEventCallbackRejects',
          data: { name: 'setInterval', ...AWAIT_LOAD(4) },
          line: 4,
          column: 15,
        },
      ],
    },
    {
      // Browser globals next to Node's (`process`), or behind a `typeof window` test: code for both, a Node file.
      code: `${LOAD}document.title = process.title;\nif (typeof window !== 'undefined') window.focus();\nsetTimeout(async () => { await load(); }, 10);`,
      errors: [{ messageId: 'asyncEventCallbackRejects', data: { name: 'setTimeout', ...AWAIT_LOAD(4) }, line: 4 }],
    },
    {
      // A file that brings its own DOM (a DOM emulation package) runs in Node: its listener can stop the process.
      code: `import 'global-jsdom/register';\nimport { render } from './render.js';\n${LOAD}export function mirror(db: { on(event: string, listener: (row: unknown) => void): void }) {\n  render(document.body);\n  db.on('change', async (row) => { await load(); });\n}`,
      errors: [{ messageId: 'asyncEventCallbackRejects', data: { name: 'db.on', ...AWAIT_LOAD(6) }, line: 6 }],
    },
    {
      // The same with the package's own API: `new JSDOM(…)` from 'jsdom'.
      code: `import { JSDOM } from 'jsdom';\n${LOAD}const dom = new JSDOM('<p></p>');\nexport function start() {\n  const p = document.querySelector('p');\n  setInterval(async () => { await load(); }, 1000);\n  return [dom, p];\n}`,
      errors: [{ messageId: 'asyncEventCallbackRejects', data: { name: 'setInterval', ...AWAIT_LOAD(6) }, line: 6 }],
    },
    {
      // Node shown without a static import or a bare global: `import('node:fs/promises')`.
      code: `${LOAD}export async function watch() {\n  const fs = await import('node:fs/promises');\n  const el = document.body;\n  setInterval(async () => { await load(); }, 1000);\n  return [fs, el];\n}`,
      errors: [{ messageId: 'asyncEventCallbackRejects', data: { name: 'setInterval', ...AWAIT_LOAD(5) }, line: 5 }],
    },
    {
      // `globalThis.process` is Node's `process`.
      code: `${LOAD}export function watch() {\n  const env = globalThis.process.env;\n  document.title = String(env.TITLE);\n  setInterval(async () => { await load(); }, 1000);\n}`,
      errors: [{ messageId: 'asyncEventCallbackRejects', data: { name: 'setInterval', ...AWAIT_LOAD(5) }, line: 5 }],
    },
    {
      // `import.meta.dirname` is set by Node only.
      code: `${LOAD}export function watch() {\n  document.title = String(import.meta.dirname);\n  setInterval(async () => { await load(); }, 1000);\n}`,
      errors: [{ messageId: 'asyncEventCallbackRejects', data: { name: 'setInterval', ...AWAIT_LOAD(4) }, line: 4 }],
    },
    {
      // `setImmediate` is a timer only Node has.
      code: `${LOAD}function flush() {}\nexport function watch() {\n  const body = document.body;\n  setImmediate(flush);\n  setInterval(async () => { await load(); }, 1000);\n  return body;\n}`,
      errors: [{ messageId: 'asyncEventCallbackRejects', data: { name: 'setInterval', ...AWAIT_LOAD(6) }, line: 6 }],
    },
    {
      // `environment: 'node'` wins over the API: jsdom gives a Node process a `requestAnimationFrame`.
      code: `${LOAD}requestAnimationFrame(async () => { await load(); });`,
      settings: { 'event-loop': { environment: 'node' } },
      errors: [
        {
          messageId: 'asyncEventCallbackRejects',
          data: { name: 'requestAnimationFrame', ...AWAIT_LOAD(2) },
          line: 2,
        },
      ],
    },
    {
      // checkEventCallbacks (strict): listeners, timers and server handlers ignore the callback's promise.
      code: `${LOAD}import http from 'node:http';\nemitter.on('data', async (chunk) => { await load(); });\nsetTimeout(async () => { await load(); }, 10);\nhttp.createServer(async (req, res) => { res.end(await load()); });\nbutton.addEventListener('click', async () => { await load(); });`,
      options: [{ checkEventCallbacks: true }],
      errors: [
        { messageId: 'asyncEventCallbackRejects', data: { name: 'emitter.on', ...AWAIT_LOAD(3) }, line: 3, column: 20 },
        { messageId: 'asyncEventCallbackRejects', data: { name: 'setTimeout', ...AWAIT_LOAD(4) }, line: 4, column: 12 },
        {
          messageId: 'asyncEventCallbackRejects',
          data: { name: 'http.createServer', ...AWAIT_LOAD(5) },
          line: 5,
          column: 19,
        },
        {
          messageId: 'asyncEventCallbackRejects',
          data: { name: 'button.addEventListener', ...AWAIT_LOAD(6) },
          line: 6,
          column: 34,
        },
      ],
    },
    {
      // By default: async listeners, timers and server handlers with an awaited call or a `throw` that can reject.
      code:
        "import { EventEmitter } from 'node:events';\nconst bus = new EventEmitter();\nbus.on('order', async (order) => {\n  await saveOrder(order);\n});\n" +
        "socket.once('message', async (raw) => {\n  const message = parse(raw);\n  if (!message.id) throw new Error('no id');\n  inbox.push(message);\n});\n" +
        'setInterval(async () => {\n  try {\n    await poll();\n  } catch (error) {\n    log(error);\n    throw error;\n  }\n}, 1000);\n' +
        "server.on('upgrade', async (req, socket) => {\n  const user = await authenticate(req);\n  proxy.ws(req, socket, user);\n});",
      errors: [
        {
          messageId: 'asyncEventCallbackRejects',
          data: { name: 'bus.on', source: '`await saveOrder(order)`', line: '4' },
          line: 3,
          column: 17,
        },
        {
          messageId: 'asyncEventCallbackRejects',
          data: { name: 'socket.once', source: 'the `throw`', line: '8' },
          line: 6,
          column: 24,
        },
        {
          messageId: 'asyncEventCallbackRejects',
          data: { name: 'setInterval', source: 'the `throw`', line: '16' },
          line: 11,
          column: 13,
        },
        {
          messageId: 'asyncEventCallbackRejects',
          data: { name: 'server.on', source: '`await authenticate(req)`', line: '20' },
          line: 19,
          column: 22,
        },
      ],
    },
    {
      // A same-file listener that can reject, a returned promise, an await inside an expression body.
      code: `${LOAD}async function flush() { await db.write(batch); }\nprocess.on('beforeExit', flush);\nemitter.on('tick', async () => load());\nsetImmediate(async () => render(await load()));`,
      errors: [
        {
          messageId: 'asyncEventCallbackRejects',
          data: { name: 'process.on', source: '`await db.write(batch)`', line: '2' },
          line: 3,
          column: 26,
        },
        {
          messageId: 'asyncEventCallbackRejects',
          data: { name: 'emitter.on', source: 'the returned `load()`', line: '4' },
          line: 4,
          column: 20,
        },
        {
          messageId: 'asyncEventCallbackRejects',
          data: { name: 'setImmediate', ...AWAIT_LOAD(5) },
          line: 5,
          column: 14,
        },
      ],
    },
    {
      // checkEventCallbacks also reports async callbacks with nothing known to reject (guarded ones need checkNeverRejecting too).
      code: "queue.once('drain', async (count: number) => { stats.drained += count; });\nemitter.on('data', async () => { try { await step(); } catch { retry(); } });",
      options: [{ checkEventCallbacks: true, checkNeverRejecting: true }],
      errors: [
        { messageId: 'asyncEventCallback', data: { name: 'queue.once' }, line: 1, column: 21 },
        { messageId: 'asyncEventCallback', data: { name: 'emitter.on' }, line: 2, column: 20 },
      ],
    },
  ],
});

// ---- Issue 12: callback-style calls, lazy initialisation, promises a listener is handed ----

// A promise without its callback, undefined with it: `Promise<string> | undefined` to the checker.
const READ_CONFIG =
  'function readConfig(path: string, done?: (err: Error | null, text?: string) => void) {\n' +
  '  if (!done) return new Promise<string>((resolve, reject) => { readConfig(path, (err, text) => (err ? reject(err) : resolve(text!))); });\n' +
  '  setImmediate(() => done(null, path));\n}\n';
const SYNC_WITH_CALLBACK =
  'async function sync(id: string, done: (err: unknown) => void) { await fetch(`/sync/${id}`); done(null); }\n';
const syncDropped = `${SYNC_WITH_CALLBACK}export async function main() {\n  sync('a', (err) => console.error(err));\n}`;
const saveWithCallback =
  "function save(id: string) { return fetch(`/save/${id}`); }\nexport async function main() {\n  save('a', (err: unknown) => console.error(err));\n}";
const flushDropped =
  'declare function flush(cb: (err: Error | null) => void): Promise<void>;\nexport async function main() {\n  flush((err) => console.error(err));\n}';
const shadowedProcess =
  "const process = { on(event: string, listener: (p: Promise<void>) => void) {} };\nprocess.on('unhandledRejection', (p) => console.error(`lost: ${p}`));";

runRuleTests('no-floating-promise', rule, {
  valid: [
    // Callback style: given its callback, the function returns no promise (same file, by `this`, through `.call`).
    `${READ_CONFIG}export async function main(callback: (err: Error | null, text?: string) => void) {\n  readConfig('a.json', (err, text) => console.log(err, text));\n  readConfig('b.json', callback);\n}`,
    'class Pool {\n  close(callback?: (err: Error | null) => void): Promise<void> | undefined {\n    if (!callback) return new Promise<void>((resolve, reject) => { this.close((err) => (err ? reject(err) : resolve())); });\n    queueMicrotask(() => callback(null));\n  }\n  async shutdown() {\n    this.close((err) => console.error(err));\n  }\n}',
    'function connect(opts: object, callback?: (err: Error | null) => void) {\n  if (callback === undefined) return new Promise<void>((resolve, reject) => { connect.call(null, opts, (err: Error | null) => (err ? reject(err) : resolve())); });\n  callback(null);\n}',
    // Declared promise-or-callback signatures (typed: from the signature; untyped: not known to be promises).
    "declare function lookup(key: string, cb?: (err: Error | null, value?: string) => void): Promise<string> | undefined;\nexport function main() {\n  lookup('k', (err, value) => console.log(err, value));\n}",
    "export function main(store: { get(key: string, cb?: (err: Error | null) => void): Promise<void> | undefined }) {\n  store.get('k', (err) => console.error(err));\n}",
    // Lazy initialisation: the field is declared a promise, and the check asks whether it is set yet.
    'class Db {\n  private connection: Promise<number>;\n  connect(): Promise<number> {\n    if (this.connection) return this.connection;\n    this.connection = Promise.resolve(1);\n    return this.connection;\n  }\n}',
    "class Cache {\n  #value: Promise<string>;\n  get(): Promise<string> {\n    return this.#value ? this.#value : (this.#value = fetch('/v').then((r) => r.text()));\n  }\n  async warm() {\n    if (!this.#value) this.#value = this.get();\n    await this.#value;\n  }\n}",
    // A listener printing the promise its event hands over: Node's `unhandledRejection` idiom, any emitter's listener.
    "process.on('unhandledRejection', (reason, promise) => {\n  console.error('Unhandled rejection at', promise, 'reason:', reason);\n});",
    "import proc from 'node:process';\nproc.once('rejectionHandled', (late) => console.warn(`handled late: ${late}`));",
    "declare const jobs: { on(event: 'queued', listener: (job: Promise<void>) => void): void };\njobs.on('queued', (job) => console.log('queued', job));",
  ],
  invalid: [
    // An async function returns its promise whatever it is given, callback included.
    { code: syncDropped, errors: [droppedCall(syncDropped, "sync('a', (err) => console.error(err))", 3)] },
    // A function with no parameter there ignores the callback and returns its promise.
    {
      code: saveWithCallback,
      errors: [droppedCall(saveWithCallback, "save('a', (err: unknown) => console.error(err))", 3)],
    },
    // Typed only: a signature whose return is always a promise (untyped, a declared function is not known).
    { mode: 'typed', code: flushDropped, errors: [droppedCall(flushDropped, 'flush((err) => console.error(err))', 3)] },
    // Where TypeScript lets a tested promise through (`while`, `!`, `||` in a value), or without types (no
    // `strict` to read), the rule reports the condition in a TypeScript file too.
    {
      mode: 'typed',
      code: `${LOAD}async function main() { while (load()) {} const z = !load() || (load() || 1); return z; }`,
      errors: [
        {
          messageId: 'misusedCondition',
          line: 2,
          column: 32,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${LOAD}async function main() { while (await load()) {} const z = !load() || (load() || 1); return z; }`,
            },
          ],
        },
        {
          messageId: 'misusedCondition',
          line: 2,
          column: 54,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${LOAD}async function main() { while (load()) {} const z = !await load() || (load() || 1); return z; }`,
            },
          ],
        },
        {
          messageId: 'misusedCondition',
          line: 2,
          column: 65,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${LOAD}async function main() { while (load()) {} const z = !load() || (await load() || 1); return z; }`,
            },
          ],
        },
      ],
    },
    {
      mode: 'untyped',
      code: `${LOAD}export async function main() {\n  if (load()) return 1;\n}`,
      errors: [
        {
          messageId: 'misusedCondition',
          line: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${LOAD}export async function main() {\n  if (await load()) return 1;\n}`,
            },
          ],
        },
      ],
    },
    // JavaScript: spreading a promise, `p + 1`.
    {
      filename: 'file.js',
      code: `${LOAD}export async function main() {\n  return [...load(), load() + 1];\n}`,
      errors: [
        {
          messageId: 'misusedSpread',
          line: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${LOAD}export async function main() {\n  return [...await load(), load() + 1];\n}`,
            },
          ],
        },
        {
          messageId: 'misusedArithmetic',
          line: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${LOAD}export async function main() {\n  return [...load(), await load() + 1];\n}`,
            },
          ],
        },
      ],
    },
    // A condition on a call is no existence check.
    {
      filename: 'file.js',
      code: `${LOAD}export async function main() {\n  if (load()) return load();\n}`,
      errors: [
        {
          messageId: 'misusedCondition',
          data: { subject: '`load()`' },
          line: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `${LOAD}export async function main() {\n  if (await load()) return load();\n}`,
            },
          ],
        },
      ],
    },
    // Typed only: a check whose branch does nothing with the promise tests a value that is always truthy.
    // (`if (this.done)` itself is TS2801 under `strict`, left to the compiler; `!` is not.)
    {
      mode: 'typed',
      code: "class Job {\n  done: Promise<void> = Promise.resolve();\n  run() {\n    if (!this.done) console.log('running');\n  }\n}",
      errors: [{ messageId: 'misusedCondition', data: { subject: '`this.done`' }, line: 4, suggestions: [] }],
    },
    // Typed only: not Node's `process`, and not a log call; a `forEach` callback logs the caller's own promises.
    {
      mode: 'typed',
      code: shadowedProcess,
      errors: [{ messageId: 'misusedString', data: { subject: '`p`' }, line: 2, column: 64, suggestions: [] }],
    },
    {
      mode: 'typed',
      code: 'export function main(jobs: Promise<void>[]) {\n  jobs.forEach((job) => console.log(job));\n}',
      errors: [
        {
          messageId: 'misusedLogged',
          data: { subject: '`job`', api: 'console.log', shows: '`Promise { <pending> }`' },
          line: 2,
          suggestions: [],
        },
      ],
    },
  ],
});

// ---- Cross-file: functions of other project files (src/analysis/project), on the fixture projects ----
// The linted code replaces the content of the named file; the files it imports are read from disk.

/** One dropped call with its await and void suggestions, the call being `call` in `code`. */
function droppedCall(
  code: string,
  call: string,
  line: number,
  messageId: 'dropped' | 'droppedNeverRejecting' = 'dropped',
) {
  return {
    messageId,
    line,
    suggestions: [
      { messageId: 'addAwait' as const, output: code.replace(`${call};`, `await ${call};`) },
      { messageId: 'addVoid' as const, output: code.replace(`${call};`, `void ${call};`) },
    ],
  };
}

const ESM = 'projects/esm/src/handler.js';
const CJS = 'projects/cjs/src/consumer.js';
const TS = 'projects/ts-paths/src/app.ts';

const esmDropped =
  "import { recordAudit } from './audit.js';\nexport async function handle(req) {\n  recordAudit(req.body);\n}";
const barrelDropped =
  "import { audit } from './barrel/index.js';\nexport async function handle(req) {\n  audit(req.body);\n}";
const inheritedDropped =
  "import { UserRepository } from './users.js';\nexport class Admins extends UserRepository {\n  async promote(user) {\n    this.save(user);\n  }\n}";
const newInstanceDropped =
  "import { Repository } from './base.js';\nexport async function handle(user) {\n  new Repository().save(user);\n}";
const localFactoryDropped =
  "import { UserRepository } from './users.js';\nfunction createRepository() {\n  return new UserRepository();\n}\nexport async function handle(user) {\n  const users = createRepository();\n  users.save(user);\n}";
const forwardDropped =
  "import { auditLater } from './forward.js';\nexport async function handle(req) {\n  auditLater(req.body);\n}";
const factoryDropped =
  "import { createClient } from './factory.js';\nconst api = createClient('/api');\nexport async function handle(id) {\n  api.get(`/users/${id}`);\n}";
const cjsFactoryDropped =
  "const createDb = require('./factory');\nconst db = createDb(process.env.DB_URL);\nasync function handle(sql) {\n  db.query(sql);\n}";
/** A factory of another file whose one return makes an instance of a class it requires (or imports). */
const cjsInstanceFactory =
  "const createMailer = require('./mailer-factory');\nconst mailer = createMailer('smtp://mail');\nasync function handle(message) {\n  mailer.deliver(message);\n  mailer.format(message);\n}";
const esmInstanceFactory =
  "import { createRepository } from './repository-factory.js';\nexport async function handle(user) {\n  createRepository().findUser(user.id);\n}";
/** `this.mailer` in a method of an object literal that says `mailer: new Mailer(…)` of a required class. */
const cjsObjectLiteralMember =
  "const { Mailer } = require('./mailer');\nmodule.exports = {\n  mailer: new Mailer('smtp://mail'),\n  async notify(message) {\n    this.mailer.deliver(message);\n    this.mailer.format(message);\n  },\n};";
/** A private field and an object literal's property typed by JSDoc with a module of the project. */
const cjsJsdocField =
  "class Enabler {\n  /** @type {import('./settings-store')} */\n  #settings;\n  constructor(deps) {\n    this.#settings = deps.settings;\n  }\n  async enable() {\n    this.#settings.edit('enabled', true);\n    this.#settings.read('enabled');\n  }\n}\nmodule.exports = Enabler;";
const cjsJsdocProperty =
  "module.exports = {\n  /** @type {import('./mailer').Mailer} */\n  mailer: null,\n  async init(deps) {\n    this.mailer = deps.mailer;\n    this.mailer.deliver('up');\n  },\n};";
/** A module-level `let` assigned by the statement just before the call. */
const cjsAssignedJustBefore =
  "const { Mailer } = require('./mailer');\nlet mailer = null;\nasync function start(transport) {\n  mailer = new Mailer(transport);\n  mailer.deliver('up');\n}";
const cjsCallback =
  "const settings = require('./settings');\nasync function handle(key) {\n  settings.saveSetting(key, (err) => console.error(err));\n}";
const cjsObject = "const items = require('./object.js');\nasync function handle(id) {\n  items.load(id);\n}";
const cjsFunction = "const send = require('./function');\nasync function handle(message) {\n  send(message);\n}";
const cjsAlias = "const { notify } = require('./alias');\nasync function handle(user) {\n  notify(user);\n}";
const cjsExports = "const users = require('./exports-dot');\nasync function handle(id) {\n  users.fetchUser(id);\n}";
const cjsAssign = "const { archive } = require('./assign.js');\nasync function handle(id) {\n  archive(id);\n}";
const cjsSingleton =
  "const mailer = require('./singleton');\nasync function handle(message) {\n  mailer.deliver(message);\n}";
const cjsModuleExportsDot =
  "const { remove } = require('./module-exports-dot');\nasync function handle(id) {\n  remove(id);\n}";
/** Through a getter that requires the module, whose export a factory made of functions it declares. */
const cjsGetterFactory =
  "const services = require('./services');\nasync function handle(req) {\n  services.session.createSession(req);\n  services.session.sessionId(req);\n}";
const tsPaths =
  "import { query } from '@lib/db';\nexport async function handle(): Promise<void> {\n  query('select 1');\n}";
const tsJsSpecifier =
  "import { Clock } from './util.js';\nexport async function handle(): Promise<void> {\n  Clock.tick();\n}";
const tsNeverRejecting =
  "import { tryQuery } from '@lib/db';\nexport async function handle(): Promise<void> {\n  tryQuery('select 1');\n}";
/** An inherited method keyed by a symbol of another file, a promise only while closing (undici's pools drain so). */
const cjsInheritedSometimesPromise =
  "const { QueueBase } = require('./queue-base');\nconst { kSettle } = require('./symbols');\nclass Queue extends QueueBase {\n  async onDisconnect(closing) {\n    this[kSettle](closing);\n  }\n}";
const tsInheritedSometimesPromise =
  "import { PoolBase, kDrainQueue } from './lib/pool-base.js';\nexport class Pool extends PoolBase {\n  async onDisconnect() {\n    this[kDrainQueue]();\n  }\n}";

runRuleTests(
  'no-floating-promise',
  rule,
  {
    valid: [
      {
        filename: ESM,
        code: "import { recordAudit } from './audit.js';\nexport async function handle(req) { await recordAudit(req.body); }",
      },
      // Not a promise, or a promise that never rejects (reported only with checkNeverRejecting).
      {
        filename: ESM,
        code: "import { formatEntry, logSafely } from './audit.js';\nexport async function handle(req) { formatEntry(req); logSafely(req); }",
      },
      // A name neither file of an `export *` cycle defines.
      { filename: ESM, code: "import { nowhere } from './cycle/a.js';\nexport async function handle() { nowhere(); }" },
      // The off switch.
      { filename: ESM, code: esmDropped, settings: { 'event-loop': { crossFile: false } } },
      {
        filename: CJS,
        code: cjsInheritedSometimesPromise,
        settings: { 'event-loop': { crossFile: false } },
      },
      // A function that only returns a never-rejecting call of another module, one that calls its parameter,
      // and a factory's method that returns no promise.
      {
        filename: ESM,
        code: "import { auditQuietly, callGiven } from './forward.js';\nimport { createClient } from './factory.js';\nexport async function handle(req) { auditQuietly(req); callGiven(() => req); createClient('/').url('/x'); }",
      },
      // A promise-or-callback function of another file, given its callback.
      {
        filename: CJS,
        code: "const settings = require('./settings');\nasync function handle(key) { settings.getSetting(key, (err, value) => console.log(err, value)); }",
      },
      {
        filename: CJS,
        code: "const { fetchUser, userName } = require('./exports-dot');\nasync function handle(u) { userName(u); await fetchUser(u.id); }",
      },
      // The member is assigned again (here from outside the literal), or a spread may bring another one.
      { filename: CJS, code: `${cjsObjectLiteralMember}\nmodule.exports.mailer = { deliver() {} };` },
      {
        filename: CJS,
        code: cjsObjectLiteralMember.replace('module.exports = {', 'module.exports = {\n  ...defaults,'),
      },
      // A JSDoc comment that is not the declaration's own (a blank line between), or no import type.
      { filename: CJS, code: cjsJsdocField.replace('*/\n  #settings;', '*/\n\n  #settings;') },
      { filename: CJS, code: cjsJsdocProperty.replace("{import('./mailer').Mailer}", '{Mailer}') },
      // Something runs, or may write the variable, between the assignment and the call.
      {
        filename: CJS,
        code: cjsAssignedJustBefore.replace('\n  mailer.deliver', '\n  await ready();\n  mailer.deliver'),
      },
      {
        filename: CJS,
        code: cjsAssignedJustBefore.replace(
          "mailer.deliver('up');",
          "switch (transport) {\n    case 'fake':\n      mailer = fake;\n      mailer.deliver('up');\n  }",
        ),
      },
      // A factory whose parameter hides the required class: what it makes is unknown.
      {
        filename: CJS,
        code: "const { createFake } = require('./mailer-factory');\nconst mailer = createFake(Object);\nasync function handle(message) {\n  mailer.deliver(message);\n}",
      },
    ],
    invalid: [
      { filename: ESM, code: esmDropped, errors: [droppedCall(esmDropped, 'recordAudit(req.body)', 3)] },
      { filename: ESM, code: barrelDropped, errors: [droppedCall(barrelDropped, 'audit(req.body)', 3)] },
      { filename: ESM, code: inheritedDropped, errors: [droppedCall(inheritedDropped, 'this.save(user)', 4)] },
      {
        filename: ESM,
        code: newInstanceDropped,
        errors: [droppedCall(newInstanceDropped, 'new Repository().save(user)', 3)],
      },
      {
        // checkNeverRejecting: an imported never-rejecting function, named in the message.
        filename: ESM,
        code: "import { logSafely } from './audit.js';\nexport async function handle(req) {\n  logSafely(req);\n}",
        options: [{ checkNeverRejecting: true }],
        errors: [
          {
            ...droppedCall(
              "import { logSafely } from './audit.js';\nexport async function handle(req) {\n  logSafely(req);\n}",
              'logSafely(req)',
              3,
              'droppedNeverRejecting',
            ),
            data: { name: 'logSafely' },
          },
        ],
      },
      {
        // checkEventCallbacks: an imported async function given to a listener.
        filename: ESM,
        code: "import { recordAudit } from './audit.js';\nemitter.on('entry', recordAudit);",
        options: [{ checkEventCallbacks: true }],
        errors: [{ messageId: 'asyncEventCallback', data: { name: 'emitter.on' }, line: 2, column: 21 }],
      },
      {
        filename: CJS,
        code: cjsCallback,
        errors: [droppedCall(cjsCallback, 'settings.saveSetting(key, (err) => console.error(err))', 3)],
      },
      { filename: ESM, code: forwardDropped, errors: [droppedCall(forwardDropped, 'auditLater(req.body)', 3)] },
      { filename: ESM, code: factoryDropped, errors: [droppedCall(factoryDropped, 'api.get(`/users/${id}`)', 4)] },
      { filename: CJS, code: cjsFactoryDropped, errors: [droppedCall(cjsFactoryDropped, 'db.query(sql)', 4)] },
      {
        filename: CJS,
        code: cjsAssignedJustBefore,
        errors: [droppedCall(cjsAssignedJustBefore, "mailer.deliver('up')", 5)],
      },
      {
        filename: CJS,
        code: cjsJsdocField,
        errors: [droppedCall(cjsJsdocField, "this.#settings.edit('enabled', true)", 8)],
      },
      {
        filename: CJS,
        code: cjsJsdocProperty,
        errors: [droppedCall(cjsJsdocProperty, "this.mailer.deliver('up')", 6)],
      },
      {
        filename: CJS,
        code: cjsObjectLiteralMember,
        errors: [droppedCall(cjsObjectLiteralMember, 'this.mailer.deliver(message)', 5)],
      },
      {
        filename: CJS,
        code: cjsInstanceFactory,
        errors: [droppedCall(cjsInstanceFactory, 'mailer.deliver(message)', 4)],
      },
      {
        filename: ESM,
        code: esmInstanceFactory,
        errors: [droppedCall(esmInstanceFactory, 'createRepository().findUser(user.id)', 3)],
      },
      { filename: CJS, code: cjsObject, errors: [droppedCall(cjsObject, 'items.load(id)', 3)] },
      { filename: CJS, code: cjsFunction, errors: [droppedCall(cjsFunction, 'send(message)', 3)] },
      {
        filename: ESM,
        code: localFactoryDropped,
        errors: [droppedCall(localFactoryDropped, 'users.save(user)', 7)],
      },
      { filename: CJS, code: cjsAlias, errors: [droppedCall(cjsAlias, 'notify(user)', 3)] },
      { filename: CJS, code: cjsExports, errors: [droppedCall(cjsExports, 'users.fetchUser(id)', 3)] },
      { filename: CJS, code: cjsAssign, errors: [droppedCall(cjsAssign, 'archive(id)', 3)] },
      { filename: CJS, code: cjsSingleton, errors: [droppedCall(cjsSingleton, 'mailer.deliver(message)', 3)] },
      { filename: CJS, code: cjsModuleExportsDot, errors: [droppedCall(cjsModuleExportsDot, 'remove(id)', 3)] },
      {
        filename: CJS,
        code: cjsGetterFactory,
        errors: [droppedCall(cjsGetterFactory, 'services.session.createSession(req)', 3)],
      },
      { filename: TS, code: tsPaths, errors: [droppedCall(tsPaths, "query('select 1')", 3)] },
      { filename: TS, code: tsJsSpecifier, errors: [droppedCall(tsJsSpecifier, 'Clock.tick()', 3)] },
      {
        filename: CJS,
        code: cjsInheritedSometimesPromise,
        errors: [droppedCall(cjsInheritedSometimesPromise, 'this[kSettle](closing)', 5)],
      },
      {
        filename: TS,
        code: tsInheritedSometimesPromise,
        errors: [droppedCall(tsInheritedSometimesPromise, 'this[kDrainQueue]()', 4)],
      },
    ],
  },
  ['untyped'],
);

// Typed: the checker says "is it a promise"; the summary of the other file says "can it reject".
runRuleTests(
  'no-floating-promise',
  rule,
  {
    valid: [{ filename: TS, code: tsNeverRejecting }],
    invalid: [
      { filename: TS, code: tsPaths, errors: [droppedCall(tsPaths, "query('select 1')", 3)] },
      {
        // Typed, the checker's `Promise<undefined> | undefined`; untyped, the summary's promise beside nothing.
        filename: TS,
        code: tsInheritedSometimesPromise,
        errors: [droppedCall(tsInheritedSometimesPromise, 'this[kDrainQueue]()', 4)],
      },
      {
        filename: TS,
        code: tsNeverRejecting,
        options: [{ checkNeverRejecting: true }],
        errors: [
          {
            ...droppedCall(tsNeverRejecting, "tryQuery('select 1')", 3, 'droppedNeverRejecting'),
            data: { name: 'tryQuery' },
          },
        ],
      },
    ],
  },
  ['typed'],
);

// ---- Issue 12/13: typed mode reads the body of the declaration the checker resolves a call to ----
// Untyped, these callees are parameters (nothing is known, nothing is reported); typed, the checker finds the
// declaration and its body decides "can it reject" and, in JavaScript, "does it return a promise" over JSDoc.

const guardedMiddleware =
  "import type { Middleware } from './guarded-lib.js';\nexport async function handle(mw: Middleware, next: (error?: unknown) => void) {\n  mw.login(next);\n}";
const unguardedMiddleware =
  "import type { Middleware } from './guarded-lib.js';\nexport async function handle(mw: Middleware) {\n  mw.logout();\n}";
const controllerInit =
  "import type { Controller, Store } from './guarded-lib.js';\nexport async function start(controller: Controller, store: Store) {\n  controller.init(store);\n}";
const controllerFlush =
  "import type { Controller } from './guarded-lib.js';\nexport async function stop(controller: Controller) {\n  controller.flush();\n}";
const jsdocCheck =
  "import type { checkOrigin } from './jsdoc-lib.js';\nexport async function guard(check: typeof checkOrigin, origin: string) {\n  check(origin);\n}";
const jsdocRead =
  "import type { readSetting } from './jsdoc-lib.js';\nexport async function load(read: typeof readSetting) {\n  read('title');\n}";
const JSDOC_SYNC_CHECK =
  '/**\n * @param {string} origin\n * @returns {Promise<void>}\n */\nfunction checkOrigin(origin) {\n  if (origin !== "https://admin.example") throw new Error("bad origin");\n}\n';
const ASSERTED_WRITER =
  "import assert from 'node:assert';\nasync function writeAll(body, socket) {\n  assert(body !== null, 'body required');\n  function onDrain() {}\n  socket.on('drain', onDrain).on('close', onDrain);\n  try {\n    for await (const chunk of body) socket.write(chunk);\n  } catch (error) {\n    socket.destroy(error);\n  }\n}\n";
const selfAsserted = ASSERTED_WRITER.replace(
  "import assert from 'node:assert';\n",
  'function assert(ok, message) {\n  if (!ok) throw new Error(message);\n}\n',
);
const selfAssertedDropped = `${selfAsserted}export async function send(body, socket) {\n  writeAll(body, socket);\n}`;
const STALE_JSDOC_IMPORT =
  "import { drainQueue } from './jsdoc-lib.js';\nexport async function stop() {\n  drainQueue();\n}";
/** An async method whose JSDoc, out of date, says it returns `undefined`: the checker believes it where checkJs is off. */
const STALE_JSDOC_QUEUE =
  "export class Queue {\n  /**\n   * Runs the next job.\n   * @returns {undefined}\n   */\n  async next() {\n    const job = await this.store.take();\n    if (!job) throw new Error('queue drained');\n  }\n  async notify() {\n    this.next();\n  }\n}";

runRuleTests('no-floating-promise', rule, {
  valid: [
    // A middleware in another file whose whole body is in try/catch handing errors to `next`.
    guardedMiddleware,
    // An async method in another file whose body only assigns.
    controllerInit,
    // JavaScript: the body of a non-async function returns no promise, whatever its JSDoc says (another file).
    jsdocCheck,
    // The same in the linted JavaScript file.
    {
      filename: 'file.js',
      code: `${JSDOC_SYNC_CHECK}export async function login(origin) {\n  checkOrigin(origin);\n}`,
    },
    // An invariant asserted with node:assert, a function declaration and listener registrations before the try.
    {
      filename: 'file.js',
      code: `${ASSERTED_WRITER}export function send(body, socket) {\n  writeAll(body, socket);\n}`,
    },
  ],
  invalid: [
    // Typed only: an await outside any try in the other file's body: its rejection is lost.
    { mode: 'typed', code: unguardedMiddleware, errors: [droppedCall(unguardedMiddleware, 'mw.logout()', 3)] },
    { mode: 'typed', code: controllerFlush, errors: [droppedCall(controllerFlush, 'controller.flush()', 3)] },
    // Typed only: a JavaScript function that really returns a promise, as its JSDoc says.
    { mode: 'typed', code: jsdocRead, errors: [droppedCall(jsdocRead, "read('title')", 3)] },
    // checkNeverRejecting: the method that cannot reject is still reported, for ordering only.
    {
      mode: 'typed',
      code: controllerInit,
      options: [{ checkNeverRejecting: true }],
      errors: [
        {
          ...droppedCall(controllerInit, 'controller.init(store)', 3, 'droppedNeverRejecting'),
          data: { name: 'init' },
        },
      ],
    },
    // JavaScript: an async method returns a promise whatever its JSDoc says, in both modes.
    {
      filename: 'file.js',
      code: STALE_JSDOC_QUEUE,
      errors: [droppedCall(STALE_JSDOC_QUEUE, 'this.next()', 11)],
    },
    // The same for an async function of another JavaScript file (tests/fixtures/jsdoc-lib.js), by its summary.
    {
      filename: 'file.js',
      code: STALE_JSDOC_IMPORT,
      errors: [droppedCall(STALE_JSDOC_IMPORT, 'drainQueue()', 3)],
    },
    // An `assert` of the file's own is no invariant assertion by origin: its throw rejects the promise.
    {
      filename: 'file.js',
      code: selfAssertedDropped,
      errors: [droppedCall(selfAssertedDropped, 'writeAll(body, socket)', 15)],
    },
  ],
});

// ---- Declared types without the checker (src/analysis/origin/declared-types.ts) ----
// Untyped only: with types the checker answers. The annotations name interfaces, type aliases and classes of
// this file or of tests/fixtures/projects/declared, imported with `import type`, `import { type X }` or `import { X }`.

const DECLARED = 'projects/declared/src/service.ts';

const declaredParameter =
  "import type { Repo, User } from './types/index.js';\nexport async function handle(repo: Repo, user: User) {\n  repo.save(user);\n}";
const declaredField =
  "import { Db } from './types/index.js';\nexport class Reports {\n  constructor(private readonly db: Db) {}\n  async refresh() {\n    this.db.query('refresh materialized view totals');\n  }\n}";
const declaredClassField =
  "import { type Db } from './types/db.js';\nexport class Reports {\n  #db?: Db;\n  async refresh() {\n    this.#db?.query('vacuum');\n  }\n}";
const declaredInherited =
  "import { type AuditLog, type User } from './types/index.js';\nexport async function prune(log: AuditLog, user: User) {\n  log.remove(user);\n}";
const declaredOptional =
  "import type { Repo } from './types/index.js';\nexport async function warm(repo: Repo) {\n  repo.find?.('1');\n}";
const declaredProperty =
  "import type { Repo } from './types/index.js';\nexport async function warm(repo: Repo) {\n  repo.load('1');\n}";
const declaredSameFile =
  "interface Mailer {\n  send(to: string): Promise<void>;\n}\ninterface AuditMailer extends Mailer {\n  audit(): void;\n}\nexport async function notify(mailer: AuditMailer) {\n  mailer.send('ops@example.com');\n}";
const declaredTypeAlias =
  "type Queue = { add(job: string): Promise<number> } & { size(): number };\nexport async function enqueue(queue: Queue) {\n  queue.add('mail');\n}";
const declaredFunctionType = 'export async function retry(task: () => Promise<void>) {\n  task();\n}';
const declaredNamespace =
  "import type * as types from './types/index.js';\nexport async function handle(repo: types.Repo, user: types.User) {\n  repo.save(user);\n}";

runRuleTests(
  'no-floating-promise',
  rule,
  {
    valid: [
      {
        filename: DECLARED,
        code: "import type { Repo, User } from './types/index.js';\nexport async function handle(repo: Repo, user: User) {\n  await repo.save(user);\n}",
      },
      // Declared `number` and `void`: not promises.
      {
        filename: DECLARED,
        code: "import type { Repo } from './types/index.js';\nexport async function handle(repo: Repo) {\n  repo.count();\n  repo.touch();\n}",
      },
      {
        filename: DECLARED,
        code: "import { Db } from './types/index.js';\nexport class Reports {\n  constructor(private readonly db: Db) {}\n  async stop() {\n    this.db.close();\n  }\n}",
      },
      // Overloads that do not all return a promise, a method no type declares, a cycle of `extends`: unknown.
      {
        filename: DECLARED,
        code: "import type { Repo, Ping } from './types/index.js';\nexport async function handle(repo: Repo, ping: Ping) {\n  repo.pick('1');\n  repo.reset();\n  ping.send();\n}",
      },
      // A type of a package (not a project file), a type parameter, an unannotated parameter: unknown.
      {
        filename: DECLARED,
        code: "import type { Redis } from 'ioredis';\nexport async function handle<T extends object>(redis: Redis, store: T, repo) {\n  redis.set('k', 'v');\n  store.save();\n  repo.save();\n}",
      },
      // The off switch turns off the other files, not this file's own declarations.
      {
        filename: DECLARED,
        code: declaredParameter,
        settings: { 'event-loop': { crossFile: false } },
      },
    ],
    invalid: [
      { filename: DECLARED, code: declaredParameter, errors: [droppedCall(declaredParameter, 'repo.save(user)', 3)] },
      {
        filename: DECLARED,
        code: declaredField,
        errors: [droppedCall(declaredField, "this.db.query('refresh materialized view totals')", 5)],
      },
      {
        filename: DECLARED,
        code: declaredClassField,
        errors: [droppedCall(declaredClassField, "this.#db?.query('vacuum')", 5)],
      },
      { filename: DECLARED, code: declaredInherited, errors: [droppedCall(declaredInherited, 'log.remove(user)', 3)] },
      { filename: DECLARED, code: declaredOptional, errors: [droppedCall(declaredOptional, "repo.find?.('1')", 3)] },
      { filename: DECLARED, code: declaredProperty, errors: [droppedCall(declaredProperty, "repo.load('1')", 3)] },
      {
        filename: DECLARED,
        code: declaredSameFile,
        errors: [droppedCall(declaredSameFile, "mailer.send('ops@example.com')", 8)],
      },
      { filename: DECLARED, code: declaredTypeAlias, errors: [droppedCall(declaredTypeAlias, "queue.add('mail')", 3)] },
      { filename: DECLARED, code: declaredFunctionType, errors: [droppedCall(declaredFunctionType, 'task()', 2)] },
      { filename: DECLARED, code: declaredNamespace, errors: [droppedCall(declaredNamespace, 'repo.save(user)', 3)] },
    ],
  },
  ['untyped'],
);
// ---- deferreds that only ever resolve ------------------------------------------------------------

/** A deferred class: `resolve`/`reject`, a timeout option that rejects, `fail()` that reaches the rejected state. */
const DEFERRED = `class Deferred<T> {
  static create<R>(opts?: { timeout: number }): Deferred<R> { return new Deferred<R>(opts); }
  #rejected = false;
  #value?: T | Error;
  #done!: () => void;
  #settled = new Promise<void>((resolve) => { this.#done = resolve; });
  constructor(opts?: { timeout: number }) {
    if (opts && opts.timeout > 0) setTimeout(() => this.reject(new Error('timeout')), opts.timeout);
  }
  resolve(value: T): void { this.#value = value; this.#done(); }
  reject(error: Error): void { this.#rejected = true; this.#value = error; this.#done(); }
  fail(): void { this.#rejected = true; this.#done(); }
  async valueOrThrow(): Promise<T> { await this.#settled; if (this.#rejected) throw this.#value; return this.#value as T; }
}
import { EventEmitter } from 'node:events';
const session = new EventEmitter();
`;

/** A frame tracker whose listeners wait for `#ready`; `extra` adds members, `create` builds the deferred. */
const frames = (extra = '', create = 'Deferred.create()') =>
  `${DEFERRED}class Frames {
  #ready?: Deferred<void>;
  constructor() {
    session.on('attached', async (id: string) => {
      await this.#ready?.valueOrThrow();
      this.attach(id);
    });
  }
  attach(id: string) { console.log(id); }
  start() { this.#ready?.resolve(); this.#ready = ${create}; }${extra}
}`;

/** The report on the listener of \`frames(…)\`: its await can reject. */
const READY_REJECTS = {
  messageId: 'asyncEventCallbackRejects' as const,
  data: { name: 'session.on', source: '`await this.#ready?.valueOrThrow()`', line: '21' },
  line: 20,
  column: 28,
};

const SOMETIMES_PROMISE =
  "class Pool {\n  queue: string[] = [];\n  closing = false;\n  async close() { await fetch('/close'); }\n  drain() {\n    while (this.queue.length) console.log(this.queue.shift());\n    if (this.closing) return this.close();\n  }\n  async push(item: string) {\n    this.queue.push(item);\n    this.drain();\n  }\n}";

/** Like SOMETIMES_PROMISE, but the closing branch's promise only resolves: the call cannot reject. */
const SOMETIMES_RESOLVED =
  'class Pool {\n  queue: string[] = [];\n  closing = false;\n  #closed: (() => void)[] = [];\n  drain() {\n    while (this.queue.length) console.log(this.queue.shift());\n    if (this.closing) return new Promise<void>((resolve) => this.#closed.push(resolve));\n  }\n  async push(item: string) {\n    this.queue.push(item);\n    this.drain();\n  }\n}';

/** The same, in another file of the project (tests/fixtures/projects/ts-paths/src/lib/db.ts), read from its summary. */
const IMPORTED_DRAIN =
  "import { drainQueue } from './lib/db.js';\nexport async function flush(queue: (() => void)[]) {\n  drainQueue(queue, true);\n}";

/**
 * An audit-log insert dropped on purpose: the helper returns nothing, or the call of a local function whose
 * chain ends in a handler that logs. A plain function's promise is what it returns; this one cannot reject.
 */
const AUDIT_INSERT =
  "function insertAction(row: string, tx?: { once(event: string, listener: () => void): void }) {\n  const insert = (data: string) => save(data).catch((error: unknown) => console.error(error));\n  if (tx) {\n    tx.once('committed', () => insert(row));\n    return;\n  }\n  return insert(row);\n}\nasync function save(data: string) { await Promise.resolve(data); }\nexport async function addActions(row: string) {\n  insertAction(row);\n}";

/** The same helper whose handler rethrows: the returned chain can reject. */
const AUDIT_RETHROWS = AUDIT_INSERT.replace('console.error(error)', '{ throw error; }');

/** The same shape in another file of the project (tests/fixtures/projects/ts-paths/src/lib/db.ts), read from its summary. */
const IMPORTED_AUDIT =
  "import { recordAction } from './lib/db.js';\nexport async function addActions(row: string) {\n  recordAction(row);\n}";

const DROPPED_WAIT = `${DEFERRED}const loaded = new Deferred<string>();\nexport async function wait() {\n  loaded.valueOrThrow();\n}`;

runRuleTests('no-floating-promise', rule, {
  valid: [
    // Only ever resolved: awaiting the deferred cannot reject, so the listener loses nothing.
    frames(),
    frames('\n  stop() { if (this.#ready && !this.#ready.valueOrThrow) this.#ready = undefined; }'),
    // A TypeScript `private` field and a local variable, built with `new`.
    `${DEFERRED}class Browser {\n  private attached = new Deferred<number>();\n  listen() {\n    session.on('target', async () => {\n      const status = await this.attached.valueOrThrow();\n      console.log(status);\n    });\n  }\n  ready() { this.attached.resolve(1); }\n}`,
    `${DEFERRED}const loaded = new Deferred<string>();\nsession.on('page', async () => {\n  console.log(await loaded.valueOrThrow());\n});\nsession.once('load', (url: string) => loaded.resolve(url));`,
    // A public field: no file of the project does more than resolve it and read it.
    `${DEFERRED}class Browser {\n  attached = new Deferred<number>();\n  listen() {\n    session.on('target', async () => {\n      console.log(await this.attached.valueOrThrow());\n    });\n  }\n}\nexport function attach(browser: Browser) {\n  if (browser.attached) browser.attached.resolve(1);\n}`,
    // Dropped: a promise that cannot reject is reported only with checkNeverRejecting.
    DROPPED_WAIT,
    // A plain method whose only promise only resolves cannot reject, here or in another file (typed: `Promise<void> | undefined`).
    SOMETIMES_RESOLVED,
    { filename: TS, code: IMPORTED_DRAIN },
    // A plain function returning the call of a function that cannot reject, here or in another file.
    AUDIT_INSERT,
    { filename: TS, code: IMPORTED_AUDIT },
  ],
  invalid: [
    // The deferred is rejected somewhere: directly, through a method that reaches the rejected state, or by its timeout.
    { code: frames('\n  abort(error: Error) { this.#ready?.reject(error); }'), errors: [READY_REJECTS] },
    { code: frames('\n  abort() { this.#ready?.fail(); }'), errors: [READY_REJECTS] },
    { code: frames('', 'Deferred.create({ timeout: 1000 })'), errors: [READY_REJECTS] },
    // Handed to other code, or written from a parameter: what happens to it is unknown.
    { code: frames('\n  track(all: unknown[]) { all.push(this.#ready); }'), errors: [READY_REJECTS] },
    { code: frames('\n  adopt(ready: Deferred<void>) { this.#ready = ready; }'), errors: [READY_REJECTS] },
    {
      // A public field that code outside its class rejects.
      code: `${DEFERRED}class Browser {\n  attached = new Deferred<number>();\n  listen() {\n    session.on('target', async () => {\n      console.log(await this.attached.valueOrThrow());\n    });\n  }\n}\nexport function detach(browser: Browser) {\n  browser.attached.reject(new Error('detached'));\n}`,
      errors: [
        {
          messageId: 'asyncEventCallbackRejects',
          data: { name: 'session.on', source: '`await this.attached.valueOrThrow()`', line: '21' },
          line: 20,
          column: 26,
        },
      ],
    },
    {
      code: DROPPED_WAIT,
      options: [{ checkNeverRejecting: true }],
      errors: [
        {
          ...droppedCall(DROPPED_WAIT, 'loaded.valueOrThrow()', 19, 'droppedNeverRejecting'),
          data: { name: 'valueOrThrow' },
        },
      ],
    },
    {
      // A promise on the closing branch, nothing otherwise: typed, the checker's `Promise<void> | undefined`
      // (typescript-eslint reports it too); untyped, a promise beside nothing is a promise.
      code: SOMETIMES_PROMISE,
      errors: [droppedCall(SOMETIMES_PROMISE, 'this.drain()', 11)],
    },
    {
      code: SOMETIMES_RESOLVED,
      options: [{ checkNeverRejecting: true }],
      errors: [
        { ...droppedCall(SOMETIMES_RESOLVED, 'this.drain()', 11, 'droppedNeverRejecting'), data: { name: 'drain' } },
      ],
    },
    {
      filename: TS,
      code: IMPORTED_DRAIN,
      options: [{ checkNeverRejecting: true }],
      errors: [
        {
          ...droppedCall(IMPORTED_DRAIN, 'drainQueue(queue, true)', 3, 'droppedNeverRejecting'),
          data: { name: 'drainQueue' },
        },
      ],
    },
    {
      code: AUDIT_INSERT,
      options: [{ checkNeverRejecting: true }],
      errors: [
        {
          ...droppedCall(AUDIT_INSERT, 'insertAction(row)', 11, 'droppedNeverRejecting'),
          data: { name: 'insertAction' },
        },
      ],
    },
    { code: AUDIT_RETHROWS, errors: [droppedCall(AUDIT_RETHROWS, 'insertAction(row)', 11)] },
    {
      filename: TS,
      code: IMPORTED_AUDIT,
      options: [{ checkNeverRejecting: true }],
      errors: [
        {
          ...droppedCall(IMPORTED_AUDIT, 'recordAction(row)', 3, 'droppedNeverRejecting'),
          data: { name: 'recordAction' },
        },
      ],
    },
  ],
});

/** A deferred of another project file (tests/fixtures/projects/ts-paths/src/lib/deferred.ts), read from its summary. */
const importedDeferred = (create: string) =>
  `import { EventEmitter } from 'node:events';\nimport { Deferred } from './lib/deferred.js';\nexport class Frames {\n  #ready = ${create};\n  constructor(session: EventEmitter) {\n    session.on('attached', async () => {\n      await this.#ready.valueOrThrow();\n      console.log('attached');\n    });\n  }\n  start() { this.#ready.resolve(); }\n}`;

/**
 * A listener that waits for a deferred in a field of a class of another file
 * (tests/fixtures/projects/ts-paths/src/lib/target.ts), the receiver typed by an annotation.
 */
const targetListener = (field: string, extra = '') =>
  `import { EventEmitter } from 'node:events';\nimport type { Target } from './lib/target.js';\nexport function watch(targets: EventEmitter) {\n  targets.on('attached', async (target: Target) => {\n    if (await target.${field}.valueOrThrow()) console.log('ready');\n  });${extra}\n}`;

/** The report on the listener of \`targetListener(field)\`. */
const targetRejects = (field: string) => ({
  messageId: 'asyncEventCallbackRejects' as const,
  data: { name: 'targets.on', source: `\`await target.${field}.valueOrThrow()\``, line: '5' },
  line: 4,
  column: 26,
});

/** The receiver has no annotation: only the checker knows it is a `Target`. */
const TARGET_BY_INFERENCE = `import { EventEmitter } from 'node:events';\nimport type { Target } from './lib/target.js';\nexport function watch(targets: EventEmitter, all: Map<string, Target>) {\n  targets.on('attached', async (id: string) => {\n    const target = all.get(id)!;\n    if (await target.initialized.valueOrThrow()) console.log('ready');\n  });\n}`;

runRuleTests('no-floating-promise', rule, {
  valid: [
    // \`initialized\` is public, but no file of the project does more than resolve it: the await cannot reject.
    { filename: TS, code: targetListener('initialized') },
    { filename: TS, mode: 'typed', code: TARGET_BY_INFERENCE },
  ],
  invalid: [
    // \`closed\` is rejected by another file of the project; \`timed\` by its own timeout.
    { filename: TS, code: targetListener('closed'), errors: [targetRejects('closed')] },
    { filename: TS, code: targetListener('timed'), errors: [targetRejects('timed')] },
    {
      // This file rejects it.
      filename: TS,
      code: targetListener(
        'initialized',
        "\n  targets.on('gone', (target: Target) => target.initialized.reject(new Error('gone')));",
      ),
      errors: [targetRejects('initialized')],
    },
    {
      // Without types the receiver's class is unknown.
      filename: TS,
      mode: 'untyped',
      code: TARGET_BY_INFERENCE,
      errors: [
        {
          messageId: 'asyncEventCallbackRejects',
          data: { name: 'targets.on', source: '`await target.initialized.valueOrThrow()`', line: '6' },
          line: 4,
          column: 26,
        },
      ],
    },
  ],
});

runRuleTests('no-floating-promise', rule, {
  valid: [{ filename: TS, code: importedDeferred('Deferred.create<void>()') }],
  invalid: [
    {
      // Its timeout rejects it.
      filename: TS,
      code: importedDeferred('Deferred.create<void>({ timeout: 500 })'),
      errors: [
        {
          messageId: 'asyncEventCallbackRejects',
          data: { name: 'session.on', source: '`await this.#ready.valueOrThrow()`', line: '7' },
          line: 6,
          column: 28,
        },
      ],
    },
  ],
});

// ---- Issue 12: chains whose end is deliberate ----------------------------------------------------

const UNLINK = "import { unlink } from 'node:fs/promises';\n";

/** A dropped chain starting with `start` (unique in `code`), reported with `await` and `void` suggestions. */
function droppedChain(
  code: string,
  start: string,
  line: number,
  messageId: 'dropped' | 'droppedThen' | 'droppedRejectingHandler' | 'droppedNeverRejecting' = 'droppedThen',
) {
  return {
    messageId,
    line,
    suggestions: [
      { messageId: 'addAwait' as const, output: code.replace(start, `await ${start}`) },
      { messageId: 'addVoid' as const, output: code.replace(start, `void ${start}`) },
    ],
  };
}

// A handler that rethrows only what it does not expect, and only by a throw written in it.
const filteredCatch = `${UNLINK}export async function cleanUp(tmp: string) {\n  unlink(tmp).catch((error) => {\n    if (error.code === 'ENOENT') return;\n    throw error;\n  });\n}`;
// A handler that rethrows on every path handles nothing, logged or wrapped.
const loggedRethrow = `${UNLINK}export async function cleanUp(tmp: string) {\n  unlink(tmp).catch((error) => {\n    console.error(error);\n    throw error;\n  });\n}`;
const wrappedRethrow = `${UNLINK}export async function cleanUp(tmp: string) {\n  unlink(tmp).then(\n    () => {},\n    (error) => {\n      if (error.code === 'EPERM') throw new Error('no permission', { cause: error });\n      else return Promise.reject(error);\n    },\n  );\n}`;
// A handler that awaits a call that can reject by accident before it rethrows.
const awaitingFilter = `${LOAD}${UNLINK}export async function cleanUp(tmp: string) {\n  unlink(tmp).catch(async (error) => {\n    if (error.code === 'ENOENT') return;\n    await load();\n    throw error;\n  });\n}`;
// A microtask on a settled promise, like queueMicrotask: the chain cannot reject.
const microtask =
  'export function schedule(task: () => void) {\n  let cancelled = false;\n  Promise.resolve().then(() => {\n    if (!cancelled) task();\n  });\n  return () => {\n    cancelled = true;\n  };\n}';
// Not a settled receiver, or a callback that can reject.
const rejectedReceiver = "export async function main() {\n  Promise.reject(new Error('x')).then(() => {});\n}";
const promiseReceiver = `${LOAD}export async function main() {\n  Promise.resolve(load()).then(() => {});\n}`;
const awaitingMicrotask = `${LOAD}export async function main() {\n  Promise.resolve().then(async () => {\n    await load();\n  });\n}`;
const returningMicrotask = `${LOAD}export async function main() {\n  Promise.resolve(0).then(() => load());\n}`;
const throwingMicrotask =
  "export async function main(ready: boolean) {\n  Promise.resolve().then(() => {\n    if (!ready) throw new Error('not ready');\n  });\n}";

// Round 2: a handler is deliberate only when it provably has a way to end without rejecting.
const FS = "import { readFile, unlink } from 'node:fs/promises';\n";
const everyCaseThrows = `${FS}export async function purge(tmp: string) {\n  unlink(tmp).catch((error) => {\n    switch (error.code) {\n      case 'EPERM':\n        throw new Error('no permission', { cause: error });\n      default:\n        throw error;\n    }\n  });\n}`;
const rejectOrThrow = `${FS}export async function purge(tmp: string, strict: boolean) {\n  unlink(tmp).catch((error) => {\n    if (strict) return Promise.reject(error);\n    throw error;\n  });\n}`;
const throwInTry = `${FS}export async function purge(tmp: string) {\n  unlink(tmp).catch((error) => {\n    try {\n      throw error;\n    } finally {\n      console.log('purged');\n    }\n  });\n}`;
const throwInDo = `${FS}export async function purge(tmp: string, again: boolean) {\n  unlink(tmp).catch((error) => {\n    do {\n      throw error;\n    } while (again);\n  });\n}`;
const returnsRead = `${FS}export async function purge(tmp: string) {\n  unlink(tmp).catch((error) => {\n    if (error.code === 'ENOENT') return readFile(\`\${tmp}.bak\`);\n    throw error;\n  });\n}`;
const readingFinally = `${FS}export async function purge(tmp: string) {\n  unlink(tmp)\n    .catch((error) => {\n      if (error.code === 'ENOENT') return;\n      throw error;\n    })\n    .finally(() => readFile(tmp));\n}`;
const readingFulfilment = `${FS}export async function purge(tmp: string) {\n  unlink(tmp).then(\n    () => readFile(tmp),\n    (error) => {\n      if (error.code === 'ENOENT') return;\n      throw error;\n    },\n  );\n}`;

runRuleTests('no-floating-promise', rule, {
  valid: [
    filteredCatch,
    // The expected errors end the handler: a guard that falls through, a `case` that returns, a plain value.
    `${FS}export async function purge(tmp: string) {\n  unlink(tmp).catch((error) => {\n    if (error.code !== 'ENOENT') throw error;\n  });\n  unlink(\`\${tmp}.lock\`).catch((error) => {\n    switch (error.code) {\n      case 'ENOENT':\n        return;\n      default:\n        throw error;\n    }\n  });\n  unlink(\`\${tmp}.pid\`)\n    .catch((error) => {\n      if (error.code === 'ENOENT') return 'missing';\n      throw error;\n    })\n    .finally(() => {\n      console.log('purged');\n    });\n}`,
    // The same through `.then(ok, handler)`, `Promise.reject` and `.finally`, and under `void` with `allowVoid` off.
    {
      code: `${UNLINK}export async function cleanUp(tmp: string, done: () => void) {\n  void unlink(tmp)\n    .then(undefined, (error) => {\n      if (error.code !== 'ENOENT') return Promise.reject(error);\n    })\n    .finally(done);\n}`,
      options: [{ allowVoid: false }],
    },
    microtask,
    // Chained microtasks; an async callback with nothing that can reject; a literal value.
    'function step(n: number) { console.log(n); }\nexport function run() {\n  Promise.resolve().then(() => step(1)).then(() => step(2));\n  Promise.resolve(null).then(async () => {\n    try {\n      step(await Promise.resolve(3));\n    } catch {}\n  });\n}',
  ],
  invalid: [
    { code: loggedRethrow, errors: [droppedChain(loggedRethrow, 'unlink(tmp)', 3, 'droppedRejectingHandler')] },
    { code: everyCaseThrows, errors: [droppedChain(everyCaseThrows, 'unlink(tmp)', 3, 'droppedRejectingHandler')] },
    { code: rejectOrThrow, errors: [droppedChain(rejectOrThrow, 'unlink(tmp)', 3, 'droppedRejectingHandler')] },
    { code: throwInTry, errors: [droppedChain(throwInTry, 'unlink(tmp)', 3, 'droppedRejectingHandler')] },
    { code: throwInDo, errors: [droppedChain(throwInDo, 'unlink(tmp)', 3, 'droppedRejectingHandler')] },
    { code: returnsRead, errors: [droppedChain(returnsRead, 'unlink(tmp)', 3, 'droppedRejectingHandler')] },
    { code: readingFinally, errors: [droppedChain(readingFinally, 'unlink(tmp)', 3, 'droppedRejectingHandler')] },
    { code: readingFulfilment, errors: [droppedChain(readingFulfilment, 'unlink(tmp)', 3, 'droppedRejectingHandler')] },
    { code: wrappedRethrow, errors: [droppedChain(wrappedRethrow, 'unlink(tmp)', 3, 'droppedRejectingHandler')] },
    { code: awaitingFilter, errors: [droppedChain(awaitingFilter, 'unlink(tmp)', 4, 'droppedRejectingHandler')] },
    { code: rejectedReceiver, errors: [droppedChain(rejectedReceiver, 'Promise.reject', 2)] },
    { code: promiseReceiver, errors: [droppedChain(promiseReceiver, 'Promise.resolve(load())', 3)] },
    { code: awaitingMicrotask, errors: [droppedChain(awaitingMicrotask, 'Promise.resolve()', 3)] },
    { code: returningMicrotask, errors: [droppedChain(returningMicrotask, 'Promise.resolve(0)', 3)] },
    { code: throwingMicrotask, errors: [droppedChain(throwingMicrotask, 'Promise.resolve()', 2)] },
    {
      // checkNeverRejecting: only the order is lost.
      code: microtask,
      options: [{ checkNeverRejecting: true }],
      errors: [
        {
          messageId: 'droppedNeverRejecting',
          line: 3,
          data: { name: 'Promise.resolve().then' },
          suggestions: [
            { messageId: 'addVoid', output: microtask.replace('Promise.resolve()', 'void Promise.resolve()') },
          ],
        },
      ],
    },
  ],
});

// ---- chains and combinations that cannot reject ---------------------------------------------------

/** A guarded refresh whose chain only announces: it cannot reject, like the bare call. */
const GUARDED_REFRESH =
  "import { readFile } from 'node:fs/promises';\nasync function refresh(path: string) {\n  try {\n    await readFile(path);\n  } catch (error) {\n    console.error(error);\n  }\n}\n";
const announcedRefresh = `${GUARDED_REFRESH}export function boot(announce: (event: string) => void) {\n  refresh('settings.json').then(() => {\n    announce('ready');\n  });\n}`;
/** A list filled only with caught promises, read only by `Promise.all` and for its length. */
const caughtList =
  "import { unlink } from 'node:fs/promises';\nexport async function purge(paths: string[], retry: (path: string) => void) {\n  const pending: Promise<void>[] = [];\n  for (const path of paths) pending.push(unlink(path).catch(() => retry(path)));\n  Promise.all(pending).then(() => {\n    console.log(`${pending.length} purged`);\n  });\n}";
/** A plain function that returns such a combination; the caller drops it behind `finally`. */
const stopAll =
  "import { unlink } from 'node:fs/promises';\nfunction stopAll(paths: string[]) {\n  return Promise.all(paths.map((path) => unlink(path).catch(() => {})));\n}\nfunction stopBoth(a: string, b: string) {\n  return Promise.race([unlink(a).catch(() => {}), unlink(b).catch(() => {})]);\n}\nexport function close(paths: string[], done: () => void) {\n  stopAll(paths).finally(done);\n  stopBoth(paths[0]!, paths[1]!).finally(done);\n  Promise.allSettled(paths.map((path) => unlink(path)));\n}";
/** A list of its own, or nothing to wait for: both returns cannot reject. */
const stopEach =
  "import { unlink } from 'node:fs/promises';\nfunction stopEach(paths: string[]) {\n  const pending: Promise<void>[] = [];\n  for (const path of paths) pending.push(unlink(path).catch(() => {}));\n  if (pending.length === 0) return Promise.resolve();\n  return Promise.all(pending);\n}\nexport function close(paths: string[]) {\n  stopEach(paths);\n}";
/** A chain whose callback hands on the value it was given: a promise is never fulfilled with a thenable. */
const handedOn =
  "import { unlink } from 'node:fs/promises';\nfunction stopEach(paths: string[]) {\n  return Promise.all(paths.map((path) => unlink(path).catch(() => {}))).then((results) => {\n    console.log('stopped', results.length);\n    return results;\n  });\n}\nexport async function close(paths: string[]) {\n  stopEach(paths);\n}";
/** The same name, assigned a promise that can reject before it is returned. */
const reassignedValue = handedOn.replace(
  '    return results;',
  "    // @ts-expect-error: a promise in place of the results\n    results = unlink('last');\n    return results;",
);
/** `const self = this;` then `self.stop()` in a listener: the class's own method, which cannot reject. */
const selfAlias =
  "import { unlink } from 'node:fs/promises';\nexport class Flow {\n  constructor(emitter: { on(event: string, listener: (done: () => void) => void): void }) {\n    const self = this;\n    emitter.on('close', function (done) {\n      self.stop().finally(done);\n    });\n  }\n  stop() {\n    return unlink('flow.lock').catch(() => {});\n  }\n}";
/** The same alias, to a method that can reject: now known as a dropped promise. */
const selfAliasRejects = selfAlias
  .replace('.catch(() => {});', ';')
  .replace('self.stop().finally(done);', 'self.stop();\n      done();');
/** The list escapes to a function that could put anything in it. */
const escapingList = caughtList
  .replace('  Promise.all(pending)', '  register(pending);\n  Promise.all(pending)')
  .replace('export function purge(', 'declare function register(list: Promise<void>[]): void;\nexport function purge(');
/** One element is not caught. */
const uncaughtElement = caughtList.replace('unlink(path).catch(() => retry(path))', 'unlink(path)');
/** A callback that parses: a throw on bad input rejects the chain. */
const parsingCallback = `${GUARDED_REFRESH}export async function boot(text: string) {\n  refresh('settings.json').then(() => JSON.parse(text));\n}`;
/** `Promise.any` rejects when no element fulfils: not judged by its elements. */
const anyOf =
  "import { unlink } from 'node:fs/promises';\nexport async function purge(a: string) {\n  Promise.any([unlink(a).catch(() => {})]);\n}";
/** From another file of the project (tests/fixtures/projects/ts-paths/src/lib/db.ts), read from its summary. */
const IMPORTED_ANNOUNCE =
  "import { reloadAndAnnounce, reloadAndParse } from './lib/db.js';\nexport async function reload(text: string) {\n  reloadAndAnnounce(console.log);\n  reloadAndParse(text);\n}";

/** A chain whose handler and `finally` callback only await functions of the file that guard their bodies. */
const guardedHandlers =
  "import { unlink, writeFile } from 'node:fs/promises';\nexport class Importer {\n  async release() {\n    try {\n      await unlink('slot');\n    } catch (error) {\n      console.error(error);\n    }\n  }\n  async run(job: Promise<void>) {\n    const notify = async (subject: string) => {\n      try {\n        await writeFile('notice', subject);\n      } catch (error) {\n        console.error(error);\n      }\n    };\n    job\n      .then(async () => {\n        await notify('done');\n      })\n      .catch(async (error) => {\n        console.error(error);\n        await notify('failed');\n      })\n      .finally(async () => await this.release());\n  }\n}";
/** The handler writes the notice itself: its own rejection goes unhandled. */
const rejectingHandler = guardedHandlers.replace("await notify('failed')", "await writeFile('notice', 'failed')");

/** A list another module can fill: exported, it may hold anything. */
const exportedList = `${GUARDED_REFRESH}export const pending: Promise<void>[] = [];\nexport async function boot() {\n  pending.push(refresh('a.json'));\n  Promise.all(pending);\n}`;
/** A list whose element leads back to the list itself: judged without end before, now one that can reject. */
const selfReferentialList = `${GUARDED_REFRESH}export async function boot() {\n  const pending: Promise<unknown>[] = [];\n  pending.push(Promise.all(pending));\n  Promise.all(pending);\n}`;
/** A handler that awaits a plain helper with a `throw` of its own: the throw rejects the handler's promise. */
const throwingHelper = `${GUARDED_REFRESH}function notify(error: unknown) {\n  if (!(error instanceof Error)) throw new TypeError('not an error');\n  return refresh('notice.json');\n}\nexport async function boot() {\n  refresh('a.json')\n    .then(() => JSON.parse('{}'))\n    .catch(async (error) => {\n      await notify(error);\n    });\n}`;
/** A guarded function declaration assigned again: the call no longer runs the guarded body. */
const reassignedDeclaration = announcedRefresh.replace(
  'export function boot(',
  'export function swap() {\n  // @ts-expect-error: assigned on purpose\n  refresh = (path: string) => readFile(path);\n}\nexport function boot(',
);

/** Functions of another file that combine a list of their own: every element caught, or not. */
const IMPORTED_RUN_ALL =
  "import { runAll, runAllRaw } from './lib/db.js';\nexport async function migrate(statements: string[]) {\n  runAll(statements);\n  runAllRaw(statements);\n}";

/** A function of another file that only sleeps on a timer promise and calls a guarded function. */
const IMPORTED_PAUSE =
  "import { pausedQuery } from './lib/db.js';\nexport async function report() {\n  pausedQuery('select 1');\n}";

runRuleTests('no-floating-promise', rule, {
  valid: [
    announcedRefresh,
    caughtList,
    stopAll,
    stopEach,
    handedOn,
    selfAlias,
    guardedHandlers,
    { filename: TS, code: IMPORTED_PAUSE },
  ],
  invalid: [
    { code: exportedList, errors: [droppedChain(exportedList, 'Promise.all(pending)', 12, 'dropped')] },
    {
      code: selfAliasRejects,
      errors: [
        {
          messageId: 'dropped',
          line: 6,
          suggestions: [
            {
              messageId: 'addCatch',
              output: selfAliasRejects.replace(
                '      self.stop();',
                '      self.stop().catch((error) => {\n        console.error(error);\n        process.exitCode = 1;\n      });',
              ),
            },
            { messageId: 'addVoid', output: selfAliasRejects.replace('      self.stop();', '      void self.stop();') },
          ],
        },
      ],
    },
    {
      // Untyped only: with types, the checker's `void[]` for `results` says it is no promise.
      mode: 'untyped',
      code: reassignedValue,
      errors: [droppedChain(reassignedValue, 'stopEach(paths);', 11, 'dropped')],
    },
    {
      code: selfReferentialList,
      errors: [droppedChain(selfReferentialList, 'Promise.all(pending);', 12, 'dropped')],
    },
    {
      code: throwingHelper,
      errors: [droppedChain(throwingHelper, "refresh('a.json')", 14, 'droppedRejectingHandler')],
    },
    {
      // Untyped only: TypeScript forbids assigning to a function declaration, and typed mode trusts the declaration.
      mode: 'untyped',
      code: reassignedDeclaration,
      errors: [
        {
          messageId: 'droppedThen',
          line: 14,
          suggestions: [
            {
              messageId: 'addCatch',
              output: reassignedDeclaration.replace(
                "    announce('ready');\n  });",
                "    announce('ready');\n  }).catch((error) => {\n    console.error(error);\n    process.exitCode = 1;\n  });",
              ),
            },
            {
              messageId: 'addVoid',
              output: reassignedDeclaration.replace("  refresh('settings.json')", "  void refresh('settings.json')"),
            },
          ],
        },
      ],
    },
    {
      code: rejectingHandler,
      errors: [droppedChain(rejectingHandler, 'job\n      .then', 18, 'droppedRejectingHandler')],
    },
    { code: escapingList, errors: [droppedChain(escapingList, 'Promise.all(pending)', 6)] },
    { code: uncaughtElement, errors: [droppedChain(uncaughtElement, 'Promise.all(pending)', 5)] },
    { code: parsingCallback, errors: [droppedChain(parsingCallback, "refresh('settings.json')", 10)] },
    {
      code: anyOf,
      errors: [
        {
          messageId: 'dropped',
          line: 3,
          suggestions: [
            { messageId: 'addAwait', output: anyOf.replace('  Promise.any', '  await Promise.any') },
            { messageId: 'addVoid', output: anyOf.replace('  Promise.any', '  void Promise.any') },
          ],
        },
      ],
    },
    {
      // The chain cannot reject: only its order is lost, reported with checkNeverRejecting.
      code: announcedRefresh,
      options: [{ checkNeverRejecting: true }],
      errors: [
        {
          messageId: 'droppedNeverRejecting',
          line: 10,
          data: { name: 'refresh().then' },
          suggestions: [
            {
              messageId: 'addVoid',
              output: announcedRefresh.replace("  refresh('settings.json')", "  void refresh('settings.json')"),
            },
          ],
        },
      ],
    },
    {
      // The summary of another file judges a combination of a list it fills as this file's are judged.
      filename: TS,
      code: IMPORTED_RUN_ALL,
      errors: [droppedChain(IMPORTED_RUN_ALL, 'runAllRaw(statements)', 4, 'dropped')],
    },
    {
      // The summary of another file judges the chain a function returns as this file's are judged.
      filename: TS,
      code: IMPORTED_ANNOUNCE,
      errors: [
        {
          messageId: 'dropped',
          line: 4,
          suggestions: [
            { messageId: 'addAwait', output: IMPORTED_ANNOUNCE.replace('  reloadAndParse', '  await reloadAndParse') },
            { messageId: 'addVoid', output: IMPORTED_ANNOUNCE.replace('  reloadAndParse', '  void reloadAndParse') },
          ],
        },
      ],
    },
  ],
});

// ---- APIs whose promise never rejects (catalog/never-rejecting-apis.ts) --------------------------

/** A thread pool that stores its `node:worker_threads` Worker in a field and stops it without waiting. */
const THREAD_POOL =
  "import { Worker } from 'node:worker_threads';\nexport class ThreadPool {\n  thread?: Worker;\n  start(file: string) {\n    let current;\n    this.thread = current = new Worker(file);\n    current.unref();\n  }\n  async stop() {\n    this.thread?.terminate();\n  }\n}";
/** A Worker handed in as a parameter: only its type says where it comes from. */
const TYPED_WORKER =
  "import type { Worker } from 'node:worker_threads';\nexport async function stop(thread: Worker) {\n  thread.terminate();\n}";
/** A timer promise with a `signal`: aborting it rejects with an AbortError. */
const ABORTABLE_SLEEP =
  "import { setTimeout as sleep } from 'node:timers/promises';\nexport async function tick(controller: AbortController) {\n  sleep(100, undefined, { signal: controller.signal });\n}";
/** Not `node:worker_threads`: a local class that happens to be called Worker, whose `terminate` can reject. */
const LOCAL_WORKER =
  "class Worker {\n  async terminate() { await fetch('/stop'); }\n}\nexport async function stop() {\n  new Worker().terminate();\n}";

/** A listener that stops the stored Worker and waits for it. */
const THREAD_LISTENER =
  "import { Worker } from 'node:worker_threads';\nexport class Supervisor {\n  #thread = new Worker('./job.js');\n  watch() {\n    process.on('SIGTERM', async () => {\n      await this.#thread.terminate();\n      console.log('stopped');\n    });\n  }\n}";
/** A listener that waits on an abortable timer: aborting rejects it, and nothing catches that. */
const ABORTABLE_LISTENER =
  "import { setTimeout as sleep } from 'node:timers/promises';\nconst { signal } = new AbortController();\nprocess.on('SIGTERM', async () => {\n  await sleep(10, undefined, { signal });\n  console.log('stopped');\n});";

runRuleTests('no-floating-promise', rule, {
  valid: [
    // `terminate()` fulfils with the exit code: dropping it loses no error (reported with checkNeverRejecting).
    THREAD_POOL,
    "const { Worker } = require('worker_threads');\nconst thread = new Worker('./job.js');\nprocess.on('SIGTERM', () => {\n  thread.terminate();\n});",
    // A timer promise without a signal cannot reject; awaiting one is no rejection source of an async listener.
    "import { setTimeout as sleep, setImmediate } from 'node:timers/promises';\nexport async function pace() {\n  sleep(10);\n  setImmediate('tick', { ref: false });\n}",
    "import { scheduler } from 'node:timers/promises';\nimport { EventEmitter } from 'node:events';\nconst jobs = new EventEmitter();\njobs.on('job', async (id: string) => {\n  await scheduler.wait(5);\n  console.log(id);\n});",
    // Awaited in an async listener: not a rejection source, in both modes (untyped by origin, through the field).
    THREAD_LISTENER,
    // Typed: a Worker parameter is recognised by its declared type (untyped, it is not known to be a promise).
    TYPED_WORKER,
  ],
  invalid: [
    {
      // Untyped, by origin: the Worker of `node:worker_threads` stored in the field (through `current = …`).
      code: THREAD_POOL,
      options: [{ checkNeverRejecting: true }],
      errors: [
        {
          ...droppedCall(THREAD_POOL, 'this.thread?.terminate()', 10, 'droppedNeverRejecting'),
          data: { name: 'terminate' },
        },
      ],
    },
    {
      mode: 'typed',
      code: TYPED_WORKER,
      options: [{ checkNeverRejecting: true }],
      errors: [
        { ...droppedCall(TYPED_WORKER, 'thread.terminate()', 3, 'droppedNeverRejecting'), data: { name: 'terminate' } },
      ],
    },
    {
      code: ABORTABLE_SLEEP,
      errors: [droppedCall(ABORTABLE_SLEEP, 'sleep(100, undefined, { signal: controller.signal })', 3)],
    },
    {
      code: ABORTABLE_LISTENER,
      errors: [
        {
          messageId: 'asyncEventCallbackRejects',
          data: { name: 'process.on', source: '`await sleep(10, undefined, { signal })`', line: '4' },
          line: 3,
          column: 23,
        },
      ],
    },
    { code: LOCAL_WORKER, errors: [droppedCall(LOCAL_WORKER, 'new Worker().terminate()', 5)] },
  ],
});

// ---- Symbol-keyed methods: `this[kFlush]()` runs the member written `[kFlush]` ----------------------

/** A queue whose flush, keyed by a module symbol, writes over the network and can reject. */
const SYMBOL_FLUSH =
  "const kFlush = Symbol('flush');\nexport class Queue {\n  items: string[] = [];\n  async [kFlush]() {\n    await fetch('/flush', { method: 'POST', body: this.items.join() });\n  }\n  async push(item: string) {\n    this.items.push(item);\n    this[kFlush]();\n  }\n}";
/** The same flush, guarded: dropping it loses no error. */
const SYMBOL_FLUSH_GUARDED = SYMBOL_FLUSH.replace(
  "    await fetch('/flush', { method: 'POST', body: this.items.join() });\n",
  "    try {\n      await fetch('/flush', { method: 'POST', body: this.items.join() });\n    } catch (error) {\n      console.error(error);\n    }\n",
);

runRuleTests('no-floating-promise', rule, {
  valid: [SYMBOL_FLUSH_GUARDED],
  invalid: [{ code: SYMBOL_FLUSH, errors: [droppedCall(SYMBOL_FLUSH, 'this[kFlush]()', 9)] }],
});

// ---- Issue 12: async functions whose only rejection sources are guarded, followed into what they await ----
// A plain call is not a rejection source (a synchronous throw would throw just the same without `async`),
// unless it calls a helper of the file that throws on purpose; an await is, unless what it awaits cannot
// reject: a guarded function (of this file, another file, or found by the checker), a timer promise.

const REFRESH_CACHE =
  "import { setImmediate } from 'node:timers/promises';\n" +
  'async function refreshCache(cache, source) {\n' +
  '  const startedAt = Date.now();\n' +
  '  if (cache.isFresh(startedAt)) {\n' +
  '    await setImmediate();\n' +
  '    cache.touch();\n' +
  '    return;\n' +
  '  }\n' +
  '  try {\n' +
  '    cache.fill(await source.load());\n' +
  '  } catch (error) {\n' +
  "    console.warn('refresh failed', error);\n" +
  '  }\n' +
  '}\n';
const refreshDropped = `${REFRESH_CACHE}export async function onTick(cache, source) {\n  refreshCache(cache, source);\n}`;
// Awaits the guarded function, then reports: cannot reject either.
const warmDropped = `${REFRESH_CACHE}async function warm(cache, source) {\n  await refreshCache(cache, source);\n  cache.report();\n}\nexport async function boot(cache, source) {\n  warm(cache, source);\n}`;
// A rethrow in the catch: can reject.
const rethrowDropped = `${REFRESH_CACHE.replace('error);\n  }', 'error);\n    throw error;\n  }')}export async function onTick(cache, source) {\n  refreshCache(cache, source);\n}`;
// The timer is given options that can carry an abort signal: it can reject.
const abortableDropped = `${REFRESH_CACHE.replace('await setImmediate();', 'await setImmediate(undefined, { signal: cache.signal });')}export async function onTick(cache, source) {\n  refreshCache(cache, source);\n}`;
// Awaits a function whose await is unguarded: can reject, one level down.
const unguardedInner =
  'async function load(source) {\n  const rows = await source.rows();\n  return rows.length;\n}\n' +
  'async function count(source) {\n  console.info(await load(source));\n}\n' +
  'export async function onTick(source) {\n  count(source);\n}';
// Returns a call that may be a promise: its rejection goes to the caller.
const returnedWrite =
  'async function save(db, row) {\n  console.info(row.id);\n  return db.insert(row);\n}\n' +
  'export async function onSubmit(db, row) {\n  save(db, row);\n}';
// A helper of the file that throws on purpose, called outside the try.
const checkedDropped =
  "function check(row) {\n  if (!row.id) throw new Error('id required');\n}\n" +
  "async function store(db, row) {\n  check(row);\n  try {\n    await db.insert(row);\n  } catch (error) {\n    console.warn('insert failed', error);\n  }\n}\n" +
  'export async function onSubmit(db, row) {\n  store(db, row);\n}';
// `this.` methods of the class: `start` awaits only the guarded `refresh`.
const POLLER =
  'class Poller {\n  constructor(source) {\n    this.source = source;\n  }\n' +
  '  async refresh() {\n    try {\n      this.value = await this.source.load();\n    } catch (error) {\n      console.warn(error);\n    }\n  }\n' +
  '  async start() {\n    this.started = true;\n    await this.refresh();\n    this.schedule();\n  }\n' +
  '  async restart() {\n    await this.source.reset();\n    await this.refresh();\n  }\n' +
  '  schedule() {\n    setTimeout(() => void this.start(), 1000);\n  }\n}\n';
const pollerStart = `${POLLER}export async function boot(source) {\n  const poller = new Poller(source);\n  poller.start();\n}`;
const pollerRestart = `${POLLER}export async function boot(source) {\n  const poller = new Poller(source);\n  poller.restart();\n}`;

runRuleTests('no-floating-promise', rule, {
  valid: [
    { filename: 'file.js', code: refreshDropped },
    { filename: 'file.js', code: warmDropped },
    { filename: 'file.js', code: pollerStart },
  ],
  invalid: [
    {
      filename: 'file.js',
      code: refreshDropped,
      options: [{ checkNeverRejecting: true }],
      errors: [
        {
          ...droppedCall(refreshDropped, 'refreshCache(cache, source)', 16, 'droppedNeverRejecting'),
          data: { name: 'refreshCache' },
        },
      ],
    },
    {
      filename: 'file.js',
      code: rethrowDropped,
      errors: [droppedCall(rethrowDropped, 'refreshCache(cache, source)', 17)],
    },
    {
      filename: 'file.js',
      code: abortableDropped,
      errors: [droppedCall(abortableDropped, 'refreshCache(cache, source)', 16)],
    },
    { filename: 'file.js', code: unguardedInner, errors: [droppedCall(unguardedInner, 'count(source)', 9)] },
    { filename: 'file.js', code: returnedWrite, errors: [droppedCall(returnedWrite, 'save(db, row)', 6)] },
    { filename: 'file.js', code: checkedDropped, errors: [droppedCall(checkedDropped, 'store(db, row)', 13)] },
    { filename: 'file.js', code: pollerRestart, errors: [droppedCall(pollerRestart, 'poller.restart()', 27)] },
  ],
});

// The same across files: the summary of tests/fixtures/projects/ts-paths/src/lib/poller.ts follows what each
// function awaits in its own file (top-level functions, `this.` methods of its class).
const pingDropped =
  "import { ping, type Source } from './lib/poller.js';\nexport async function boot(source: Source) {\n  ping(source);\n}";
const pingTwiceDropped =
  "import { pingTwice, type Source } from './lib/poller.js';\nexport async function boot(source: Source) {\n  pingTwice(source);\n}";
const pollerLibStart =
  "import { Poller, type Source } from './lib/poller.js';\nexport async function boot(source: Source) {\n  new Poller(source).start();\n}";
const pollerLibRestart =
  "import { Poller, type Source } from './lib/poller.js';\nexport async function boot(source: Source) {\n  new Poller(source).restart();\n}";

runRuleTests('no-floating-promise', rule, {
  valid: [
    { filename: TS, code: pingDropped },
    { filename: TS, code: pollerLibStart },
  ],
  invalid: [
    { filename: TS, code: pingTwiceDropped, errors: [droppedCall(pingTwiceDropped, 'pingTwice(source)', 3)] },
    {
      mode: 'typed',
      filename: TS,
      code: pollerLibRestart,
      errors: [droppedCall(pollerLibRestart, 'new Poller(source).restart()', 3)],
    },
  ],
});

// ---- Issue 12, round 2: no silence when unsure -------------------------------------------------------
// A dropped call's function rejects through an awaited value of unknown origin, or a built-in that throws on
// bad input; a microtask chain adopts what its callback returns; an executor or a timer promise adopts the
// promise it is given.

const READ = "import { readFile } from 'node:fs/promises';\n";
const SLEEP = "import { setTimeout as sleep } from 'node:timers/promises';\n";
const awaitedName = `${READ}async function pending(path: string) {\n  const p = readFile(path);\n  await p;\n}\nexport async function go(path: string) {\n  pending(path);\n}`;
const awaitedParam =
  'async function relay(p: Promise<void>) {\n  await p;\n}\nexport async function go(p: Promise<void>) {\n  relay(p);\n}';
const awaitedImport =
  'async function plugin(name: string) {\n  await import(name);\n}\nexport async function go(name: string) {\n  plugin(name);\n}';
const parsedBody =
  'async function save(body: string, store: Map<string, unknown>) {\n  const value = JSON.parse(body);\n  store.set(body, value);\n}\nexport async function go(body: string, store: Map<string, unknown>) {\n  save(body, store);\n}';
const guardedParse =
  'async function save(body: string, store: Map<string, unknown>) {\n  try {\n    store.set(body, JSON.parse(body));\n  } catch {\n    store.delete(body);\n  }\n}\nexport async function go(body: string, store: Map<string, unknown>) {\n  save(body, store);\n}';
const returnedTask =
  'export async function schedule(task: () => Promise<void>) {\n  Promise.resolve().then(() => task());\n}';
const parsedInMicrotask =
  'export async function schedule(text: string, use: (value: unknown) => void) {\n  Promise.resolve().then(() => {\n    use(JSON.parse(text));\n  });\n}';
const resolvedWithRead = `${READ}function load(path: string) {\n  return new Promise((resolve) => resolve(readFile(path)));\n}\nexport async function go(path: string) {\n  load(path);\n}`;
const resolvedWithValue =
  "import { EventEmitter } from 'node:events';\nfunction total(events: EventEmitter) {\n  return new Promise((resolve) => {\n    let sum = 0;\n    events.on('add', (n: number) => (sum += n));\n    events.once('end', () => resolve(sum));\n  });\n}\nexport async function go(events: EventEmitter) {\n  total(events);\n}";
const sleepWithPromise = `${SLEEP}async function fail() {\n  throw new Error('x');\n}\nexport async function go() {\n  sleep(10, fail());\n}`;

runRuleTests('no-floating-promise', rule, {
  valid: [guardedParse, resolvedWithValue, `${SLEEP}export async function go() {\n  sleep(10, 'done');\n}`],
  invalid: [
    { code: awaitedName, errors: [droppedCall(awaitedName, 'pending(path)', 7)] },
    { code: awaitedParam, errors: [droppedCall(awaitedParam, 'relay(p)', 5)] },
    { code: awaitedImport, errors: [droppedCall(awaitedImport, 'plugin(name)', 5)] },
    { code: parsedBody, errors: [droppedCall(parsedBody, 'save(body, store)', 6)] },
    { code: returnedTask, errors: [droppedChain(returnedTask, 'Promise.resolve()', 2)] },
    { code: parsedInMicrotask, errors: [droppedChain(parsedInMicrotask, 'Promise.resolve()', 2)] },
    { code: resolvedWithRead, errors: [droppedCall(resolvedWithRead, 'load(path)', 6)] },
    { code: sleepWithPromise, errors: [droppedCall(sleepWithPromise, 'sleep(10, fail())', 6)] },
  ],
});

// ---- The author's word: a comment that says the dropped promise cannot fail (`neverRejectingComment`) ----
const FLUSH = 'async function flush(pool) {\n  await pool.drain();\n}\n';
const commented = (comment: string, trailing = '') =>
  `${FLUSH}export async function close(pool) {\n${comment}  flush(pool);${trailing}\n}`;
const saysAbove = commented('  // Should not error.\n');
const saysAfter = commented('', ' // never rejects: drain() only resolves');
const saysInBlock = commented('  /*\n   * flush() cannot fail:\n   * drain() only resolves.\n   */\n');

runRuleTests('no-floating-promise', rule, {
  valid: [saysAbove, saysAfter, saysInBlock],
  invalid: [
    // Reported as a promise that cannot reject (only ordering is lost), with checkNeverRejecting.
    {
      code: saysAbove,
      options: [{ checkNeverRejecting: true }],
      errors: [
        {
          messageId: 'droppedDocumentedNeverRejecting',
          line: 6,
          suggestions: [
            { messageId: 'addAwait', output: saysAbove.replace('  flush(pool);', '  await flush(pool);') },
            { messageId: 'addVoid', output: saysAbove.replace('  flush(pool);', '  void flush(pool);') },
          ],
        },
      ],
    },
    // Comments that do not say it cannot fail: nothing waits on purpose, what a failure must not do, a hedge,
    // a comment a blank line away, and one that trails the statement above (it speaks for that one).
    ...[
      '  // fire and forget\n',
      '  // should not fail the request\n',
      '  // never fails unless the pool is closed\n',
      '  // Should not error.\n\n',
      '  pool.size; // never rejects\n',
    ].map((comment) => {
      const code = commented(comment);
      return { code, errors: [droppedCall(code, 'flush(pool)', code.split('\n').indexOf('  flush(pool);') + 1)] };
    }),
    // The callee throws on purpose: the comment is not taken over the code.
    {
      code: saysAbove.replace('await pool.drain();', "if (!pool) throw new Error('no pool');\n  await pool.drain();"),
      errors: [
        droppedCall(
          saysAbove.replace('await pool.drain();', "if (!pool) throw new Error('no pool');\n  await pool.drain();"),
          'flush(pool)',
          7,
        ),
      ],
    },
    // A pattern of your own: a plain regular expression (no Unicode mode, so `\-` is fine), case-insensitive.
    {
      code: commented('  // NEVER-FAILS\n'),
      options: [{ neverRejectingComment: String.raw`never\-fails`, checkNeverRejecting: true }],
      errors: [
        {
          messageId: 'droppedDocumentedNeverRejecting',
          line: 6,
          suggestions: [
            {
              messageId: 'addAwait',
              output: commented('  // NEVER-FAILS\n').replace('  flush(pool);', '  await flush(pool);'),
            },
            {
              messageId: 'addVoid',
              output: commented('  // NEVER-FAILS\n').replace('  flush(pool);', '  void flush(pool);'),
            },
          ],
        },
      ],
    },
    // Turned off.
    {
      code: saysAbove,
      options: [{ neverRejectingComment: '' }],
      errors: [droppedCall(saysAbove, 'flush(pool)', 6)],
    },
  ],
});

describe('neverRejectingComment', () => {
  it('names the option when its pattern is not a regular expression', () => {
    const linter = new Linter();
    const config = {
      plugins: { 'event-loop': { rules: { 'no-floating-promise': rule } } },
      rules: { 'event-loop/no-floating-promise': ['error', { neverRejectingComment: '(' }] },
    } as unknown as Linter.Config;
    expect(() => linter.verify(saysAbove, config)).toThrow(
      /no-floating-promise: neverRejectingComment is not a valid regular expression/u,
    );
  });
});

// ---- Promise-or-callback APIs by origin: fs-extra returns a promise unless given its callback ----

const FSE_DROPPED = "import fse from 'fs-extra';\nexport async function clean(dir) {\n  fse.remove(dir);\n}";
const FSE_OPTIONS_DROPPED =
  "const fs = require('fs-extra');\nasync function publish(from, to) {\n  fs.copy(from, to, { overwrite: true });\n}\nmodule.exports = { publish };";

runRuleTests('no-floating-promise', rule, {
  valid: [
    // Given its callback (a function, a name that says so, a function of the file), it returns undefined.
    "import fse from 'fs-extra';\nexport async function clean(dir, done) {\n  fse.remove(dir, done);\n  fse.copy(dir, `${dir}.bak`, (err) => console.error(err));\n}",
    "const fs = require('fs-extra');\nfunction onRemoved(err) { if (err) console.error(err); }\nasync function clean(dir) {\n  fs.remove(dir, onRemoved);\n}\nmodule.exports = { clean };",
    // A last argument the file cannot tell (a parameter): options or a callback, it is not reported on a guess.
    "import { copy } from 'fs-extra';\nexport async function publish(from, to, optionsOrCallback) {\n  copy(from, to, optionsOrCallback);\n}",
    // Awaited, or a user's own `remove`.
    "import fse from 'fs-extra';\nexport async function clean(dir) {\n  await fse.remove(dir);\n}",
    'const fse = { remove(dir) { return dir; } };\nexport async function clean(dir) {\n  fse.remove(dir);\n}',
  ],
  invalid: [
    { code: FSE_DROPPED, errors: [droppedCall(FSE_DROPPED, 'fse.remove(dir)', 3)] },
    {
      filename: 'file.cjs',
      code: FSE_OPTIONS_DROPPED,
      errors: [droppedCall(FSE_OPTIONS_DROPPED, 'fs.copy(from, to, { overwrite: true })', 3)],
    },
  ],
});
