import type { RuleModule } from '@typescript-eslint/utils/ts-eslint';

import rule from '../../src/rules/prefer-promise-all.js';
import { type Cases, runRuleTests } from '../rule-tester.js';

type Options = typeof rule extends RuleModule<string, infer O> ? O : never;
type MessageIds = typeof rule extends RuleModule<infer M, Options> ? M : never;

const cases: Cases<MessageIds, Options> = {
  valid: [
    // A single await, or awaits separated by other work.
    'async function f() { const user = await fetchUser(1); return user; }',
    'async function f() { const a = await fetchA(); log(a); const b = await fetchB(); return [a, b]; }',
    // Data dependency: the second call needs the first result.
    'async function f(id) { const user = await fetchUser(id); const orders = await fetchOrders(user.id); return orders; }',
    // Destructured binding read later.
    'async function f() { const { id } = await fetchUser(); await fetchOrders(id); }',
    // Assignment read by the next call, and a write-after-read of the same name.
    'async function f() { let token; token = await getToken(); await callApi(token); }',
    'async function f() { let cursor = start(); await logCursor(cursor); cursor = await nextCursor(); }',
    // Through a closure: refresh() writes `token`, which the next call reads.
    `let token;
     async function refresh() { token = await getToken(); }
     async function main() { await refresh(); await callApi(token); }`,
    // `this` state: load() writes this.config, render() reads it (both resolved in the class).
    `class Page {
       async load() { this.config = await readConfig(); }
       async render() { return format(this.config); }
       async show() { await this.load(); await this.render(); }
     }`,
    // Already-started promises are concurrent already.
    'async function f() { const a = fetchA(); const b = fetchB(); const x = await a; const y = await b; return [x, y]; }',
    'async function f(p, q) { await p.then(log); await q.catch(report); }',
    'async function f(a, b) { await Promise.all([a, b]); await Promise.resolve(); await fetchC(); }',
    // Same local receiver: a stateful object (a page, a client handed in) keeps its calls in order.
    'async function f(api) { const a = await api.get("/a"); const b = await api.get("/b"); return [a, b]; }',
    `class Repo {
       async counts() { const a = await this.store.count("a"); const b = await this.store.count("b"); return a + b; }
     }`,
    // Ordered names: transactions, locks, lifecycle, writes, sends, guards, UI steps.
    'async function f(tx, a) { await tx.insert(a); await tx.commit(); }',
    'async function f(mutex) { await mutex.acquire(); await doWork(); }',
    'async function f(db) { await db.connect(); await loadFixtures(); }',
    'async function f(socket) { await socket.send("a"); await notify(); }',
    'async function f(user, id) { await assertCanEdit(user); await deletePost(id); }',
    'async function f(user, screen, button) { await user.click(button); await screen.findByText("Saved"); }',
    'async function f(a, b) { await a.save(); await b.save(); }',
    // Ordered receivers: one connection or transaction, named as receiver or argument.
    'async function f(queryRunner) { await queryRunner.query("A"); await queryRunner.query("B"); }',
    'async function f() { await this.connection.query("A"); await loadOther(); }',
    // `this` of a query runner class is one connection.
    'class PostgresQueryRunner { async up(queries) { for (const q of queries) { await this.query(q); } } }',
    'async function f(conn, u, o) { await insertUser(conn, u); await insertOrder(conn, o); }',
    'async function f(User, Order, t, u, o) { await User.create(u, { transaction: t }); await Order.create(o, { transaction: t }); }',
    'async function f(client) { await client.query("BEGIN"); await audit(client); }',
    // State-changing calls sharing an argument, or on one module.
    "import fs from 'node:fs/promises'; import path from 'node:path'; async function f(dir) { await fs.mkdir(dir); await fs.writeFile(path.join(dir, 'a.txt'), 'a'); }",
    "import db from './db.js'; async function f(a, b) { await db.insert(a); await db.insert(b); }",
    // Pacing between two awaits.
    'async function f() { await fetchA(); await sleep(100); await fetchB(); }',
    // Awaits in different blocks.
    'async function f(c) { if (c) { await fetchA(); } await fetchB(); }',
    // A user-declared `Promise` does not change what is reported, only the fix (see invalid); nothing here.
    // Writes stay in order, in a row (a failed write must stop the next) and in loops (chunks, transactions).
    'async function f(a, b) { await users.updateOne(a); await audit.insert(b); }',
    'async function f(member, data, req) { await members.update(member, data); const fresh = await loadMember(req); return fresh; }',
    'async function f(files) { for (const file of files) { await upload(file); } }',
    "async function f(rows, knex) { for (const row of rows) { await knex('products').update(row).where('id', row.id); } }",
    // One handle through a chain of calls: a migration's `knex` (a transaction) runs its queries in order.
    "async function up(knex) { const a = await knex('settings').where('key', 'a').first(); const b = await knex('settings').where('key', 'b').first(); return [a, b]; }",
    // A same-file function that changes its argument: the next call reads the changed object.
    'async function addContext(frame) { frame.user = await current(); } async function f(frame) { await addContext(frame); await render(frame.data); }',
    // Loops: polling (await in the test).
    'async function f() { while (!(await isReady())) { await tick(); } }',
    'async function f() { for (let i = 0; await more(i); i++) { await handle(i); } }',
    // Retry: try with a return inside.
    'async function f() { for (let attempt = 0; attempt < 3; attempt++) { try { return await fetchIt(attempt); } catch (error) { log(error); } } }',
    // Same work repeated: the body never reads the loop variable.
    'async function f() { for (let i = 0; i < 3; i++) { await ping(); } }',
    // Pagination cursor: loop-carried.
    'async function f() { let cursor; const items = []; do { const page = await list(cursor); items.push(...page.items); cursor = page.next; } while (cursor); return items; }',
    'async function f() { let page = 1; while (page) { const r = await list(page); page = r.next; } }',
    // Queue draining.
    'async function f(queue) { while (queue.length > 0) { await handle(queue.shift()); } }',
    // Pacing in the body.
    'async function f(ids) { for (const id of ids) { await load(id); await sleep(1000); } }',
    "import { setTimeout as wait } from 'node:timers/promises'; async function f(ids) { for (const id of ids) { await load(id); await wait(500); } }",
    'async function f(ids) { for (const id of ids) { await load(id); await new Promise((resolve) => setTimeout(resolve, 100)); } }',
    "import { promisify } from 'node:util'; const pause = promisify(setTimeout); async function f(ids) { for (const id of ids) { await load(id); await pause(10); } }",
    // Early exit on an awaited result: first match.
    'async function f(hosts) { for (const host of hosts) { const ok = await ping(host); if (ok) return host; } }',
    'async function f(ids) { for (const id of ids) { if (await exists(id)) break; } }',
    'async function f(ids) { for (const id of ids) { const r = await load(id); if (!r) continue; use(r); } }',
    // Loop-carried accumulator and reads of the collection being filled.
    'async function f(items) { let total = 0; for (const item of items) { total += await price(item); } return total; }',
    'async function f(ids) { const out = []; for (const id of ids) { if (out.length > 9) break; out.push(await load(id)); } }',
    'async function f(ids) { const seen = new Set(); for (const id of ids) { if (seen.has(id)) continue; seen.add(await load(id)); } }',
    // Stateful local receiver: a parser fed in order.
    'async function f(chunks) { const parser = createParser(); for (const chunk of chunks) { await parser.feed(chunk); } return parser.result(); }',
    // Ordered calls in the loop body.
    'async function f(rows, writer) { for (const row of rows) { await writer.write(row); } }',
    'async function f(migrations, queryInterface) { for (const migration of migrations) { await migration.up(queryInterface); } }',
    'async function f(lines, res) { for (const line of lines) { res.write(await render(line)); } }',
    // Already-started promises in a loop, for await, and a generator that streams.
    'async function f(promises) { for (const p of promises) { await p; } }',
    'async function f(stream) { for await (const chunk of stream) { await handle(chunk); } }',
    'async function* f(ids) { for (const id of ids) { yield await load(id); } }',
    // Options: extra ordered names and receivers.
    {
      code: 'async function f(a, b) { await notifyUser(a); await notifyAdmin(b); }',
      options: [{ orderedCallPatterns: ['^notify'] }],
    },
    {
      code: "import redis from './redis.js'; async function f() { const a = await redis.get('a'); const b = await fetchUser(1); return [a, b]; }",
      options: [{ orderedReceiverPatterns: ['^redis$'] }],
    },
    // Awaiting something that is not a promise: the checker knows, and without types the summary of the imported file.
    "import { cachedUser } from './promise-all-lib.js'; async function f() { const a = await cachedUser(1); const b = await cachedUser(2); return [a, b]; }",
    // A local function that is not async and returns no promise (known in both modes).
    'function one() { return 1; } async function f() { const a = await one(); const b = await one(); return a + b; }',
    // Each await in its own try … catch: every call has its own handling, and the statements are not a run.
    'async function f() { let a; let b; try { a = await fetchA(); } catch (error) { log(error); } try { b = await fetchB(); } catch (error) { log(error); } return [a, b]; }',
  ],
  invalid: [
    // The guides' example: two independent fetches, 4 s → 2 s.
    {
      code: 'async function main() {\n  const user = await fetchUser(1);\n  const order = await fetchOrder(101);\n  return [user, order];\n}',
      errors: [
        {
          messageId: 'sequentialAwaits',
          data: { count: 2 },
          line: 2,
          column: 3,
          endLine: 3,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output:
                'async function main() {\n  const [user, order] = await Promise.all([fetchUser(1), fetchOrder(101)]);\n  return [user, order];\n}',
            },
          ],
        },
      ],
    },
    // `let` stays `let`, `var` stays `var`.
    {
      code: 'async function f() { let a = await fetchA(); let b = await fetchB(); a = a + b; }',
      errors: [
        {
          messageId: 'sequentialAwaits',
          line: 1,
          column: 22,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output: 'async function f() { let [a, b] = await Promise.all([fetchA(), fetchB()]); a = a + b; }',
            },
          ],
        },
      ],
    },
    {
      code: 'async function f() { var a = await fetchA(); var b = await fetchB(); return a + b; }',
      errors: [
        {
          messageId: 'sequentialAwaits',
          line: 1,
          column: 22,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output: 'async function f() { var [a, b] = await Promise.all([fetchA(), fetchB()]); return a + b; }',
            },
          ],
        },
      ],
    },
    // Statements without bindings: results ignored.
    {
      code: 'async function f(a, b) { await notifyUser(a); await notifyAdmin(b); }',
      options: [{ checkUnknownEffects: true }],
      errors: [
        {
          messageId: 'sequentialAwaits',
          line: 1,
          column: 26,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output: 'async function f(a, b) { await Promise.all([notifyUser(a), notifyAdmin(b)]); }',
            },
          ],
        },
      ],
    },
    {
      code: 'async function f() { const a = await fetchA(); await warmCache(); return a; }',
      options: [{ checkUnknownEffects: true }],
      errors: [
        {
          messageId: 'sequentialAwaits',
          line: 1,
          column: 22,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output: 'async function f() { const [a] = await Promise.all([fetchA(), warmCache()]); return a; }',
            },
          ],
        },
      ],
    },
    {
      code: 'async function f() { await warmCache(); const b = await fetchB(); await fetchC(); return b; }',
      options: [{ checkUnknownEffects: true }],
      errors: [
        {
          messageId: 'sequentialAwaits',
          line: 1,
          column: 22,
          data: { count: 3 },
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output:
                'async function f() { const [, b] = await Promise.all([warmCache(), fetchB(), fetchC()]); return b; }',
            },
          ],
        },
      ],
    },
    // Destructuring patterns.
    {
      code: 'async function f() { const { data } = await fetchA(); const [first] = await fetchB(); return [data, first]; }',
      errors: [
        {
          messageId: 'sequentialAwaits',
          line: 1,
          column: 22,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output:
                'async function f() { const [{ data }, [first]] = await Promise.all([fetchA(), fetchB()]); return [data, first]; }',
            },
          ],
        },
      ],
    },
    // Assignments, with a leading semicolon where ASI needs one.
    {
      code: 'async function f() { let a, b; a = await fetchA(); b = await fetchB(); return a + b; }',
      errors: [
        {
          messageId: 'sequentialAwaits',
          line: 1,
          column: 32,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output:
                'async function f() { let a, b; [a, b] = await Promise.all([fetchA(), fetchB()]); return a + b; }',
            },
          ],
        },
      ],
    },
    {
      code: 'async function f() {\n  let a, b\n  a = await fetchA()\n  b = await fetchB()\n  return a + b\n}',
      errors: [
        {
          messageId: 'sequentialAwaits',
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output:
                'async function f() {\n  let a, b\n  ;[a, b] = await Promise.all([fetchA(), fetchB()]);\n  return a + b\n}',
            },
          ],
        },
      ],
    },
    {
      code: 'class View {\n  async load() {\n    this.user = await loadUser();\n    this.orders = await loadOrders();\n  }\n}',
      errors: [
        {
          messageId: 'sequentialAwaits',
          line: 3,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output:
                'class View {\n  async load() {\n    [this.user, this.orders] = await Promise.all([loadUser(), loadOrders()]);\n  }\n}',
            },
          ],
        },
      ],
    },
    // Type annotations move into a tuple; partial annotations or mixed kinds withhold the fix.
    {
      code: 'async function f() { const a: User = await fetchA(); await warmCache(); const c: Order = await fetchC(); return [a, c]; }',
      options: [{ checkUnknownEffects: true }],
      errors: [
        {
          messageId: 'sequentialAwaits',
          line: 1,
          column: 22,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output:
                'async function f() { const [a, , c]: [User, unknown, Order] = await Promise.all([fetchA(), warmCache(), fetchC()]); return [a, c]; }',
            },
          ],
        },
      ],
    },
    {
      code: 'async function f() { const a: User = await fetchA(); const b = await fetchB(); return [a, b]; }',
      errors: [{ messageId: 'sequentialAwaits', line: 1, column: 22, suggestions: [] }],
    },
    {
      code: 'async function f() { const a = await fetchA(); let b = await fetchB(); return [a, b]; }',
      errors: [{ messageId: 'sequentialAwaits', line: 1, column: 22, suggestions: [] }],
    },
    {
      code: 'async function f() { let b; const a = await fetchA(); b = await fetchB(); return [a, b]; }',
      errors: [{ messageId: 'sequentialAwaits', line: 1, column: 29, suggestions: [] }],
    },
    // Comments between statements are kept beside their call; inside a statement they withhold the fix.
    {
      code: 'async function f() {\n  // who\n  const user = await fetchUser(1); // by id\n  // what they bought\n  const order = await fetchOrder(101);\n  return [user, order];\n}',
      errors: [
        {
          messageId: 'sequentialAwaits',
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output:
                'async function f() {\n  // who\n  const [user, order] = await Promise.all([\n    fetchUser(1), // by id\n    // what they bought\n    fetchOrder(101),\n  ]);\n  return [user, order];\n}',
            },
          ],
        },
      ],
    },
    {
      code: 'async function f() { const a = await fetchA(/* first */ 1); const b = await fetchB(); return [a, b]; }',
      errors: [
        {
          messageId: 'sequentialAwaits',
          line: 1,
          column: 22,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output:
                'async function f() { const [a, b] = await Promise.all([fetchA(/* first */ 1), fetchB()]); return [a, b]; }',
            },
          ],
        },
      ],
    },
    {
      code: 'async function f() { const a = /* slow */ await fetchA(); const b = await fetchB(); return [a, b]; }',
      errors: [{ messageId: 'sequentialAwaits', line: 1, column: 22, suggestions: [] }],
    },
    // A dependency splits the run: the second and third can still go together.
    {
      code: 'async function f() { const a = await fetchA(); const b = await fetchB(a); const c = await fetchC(); return [b, c]; }',
      errors: [
        {
          messageId: 'sequentialAwaits',
          line: 1,
          column: 48,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output:
                'async function f() { const a = await fetchA(); const [b, c] = await Promise.all([fetchB(a), fetchC()]); return [b, c]; }',
            },
          ],
        },
      ],
    },
    // `new` starts work too; a module facade (`db` imported) is pooled, so two reads through it run together.
    {
      code: "import db from './db.js'; async function f(uid) { const user = await db.getObject('user:' + uid); const posts = await db.getSortedSetRange('posts:' + uid); return [user, posts]; }",
      errors: [
        {
          messageId: 'sequentialAwaits',
          line: 1,
          column: 51,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output:
                "import db from './db.js'; async function f(uid) { const [user, posts] = await Promise.all([\n  db.getObject('user:' + uid),\n  db.getSortedSetRange('posts:' + uid),\n]); return [user, posts]; }",
            },
          ],
        },
      ],
    },
    {
      code: "const db = require('./db');\nasync function f(uid) {\n  const user = await db.getObject('user:' + uid);\n  const count = await new Counter(uid).total();\n  return [user, count];\n}",
      options: [{ checkUnknownEffects: true }],
      filename: 'file.cjs',
      errors: [
        {
          messageId: 'sequentialAwaits',
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output:
                "const db = require('./db');\nasync function f(uid) {\n  const [user, count] = await Promise.all([db.getObject('user:' + uid), new Counter(uid).total()]);\n  return [user, count];\n}",
            },
          ],
        },
      ],
    },
    // Methods of the same class that touch different state run together.
    {
      code: 'class Page {\n  async loadUser() { this.user = await fetchUser(); }\n  async loadOrders() { this.orders = await fetchOrders(); }\n  async show() {\n    await this.loadUser();\n    await this.loadOrders();\n  }\n}',
      errors: [
        {
          messageId: 'sequentialAwaits',
          column: 5,
          line: 5,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output:
                'class Page {\n  async loadUser() { this.user = await fetchUser(); }\n  async loadOrders() { this.orders = await fetchOrders(); }\n  async show() {\n    await Promise.all([this.loadUser(), this.loadOrders()]);\n  }\n}',
            },
          ],
        },
      ],
    },
    // Top level of a module and a switch case.
    {
      code: 'const config = await loadConfig();\nconst secrets = await loadSecrets();\nexport { config, secrets };',
      errors: [
        {
          messageId: 'sequentialAwaits',
          line: 1,
          column: 1,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output:
                'const [config, secrets] = await Promise.all([loadConfig(), loadSecrets()]);\nexport { config, secrets };',
            },
          ],
        },
      ],
    },
    {
      code: 'async function f(kind) { switch (kind) { case 1: await fetchA(); await fetchB(); break; } }',
      errors: [
        {
          messageId: 'sequentialAwaits',
          line: 1,
          column: 50,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output:
                'async function f(kind) { switch (kind) { case 1: await Promise.all([fetchA(), fetchB()]); break; } }',
            },
          ],
        },
      ],
    },
    // A local `Promise` withholds the fix.
    {
      code: 'import Promise from "bluebird"; async function f() { await fetchA(); await fetchB(); }',
      errors: [{ messageId: 'sequentialAwaits', line: 1, column: 54, suggestions: [] }],
    },
    {
      code: "import { fetchUser, fetchOrder } from './promise-all-lib.js'; async function f() { const a = await fetchUser(1); const b = await fetchOrder(2); return [a, b]; }",
      errors: [
        {
          messageId: 'sequentialAwaits',
          line: 1,
          column: 84,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output:
                "import { fetchUser, fetchOrder } from './promise-all-lib.js'; async function f() { const [a, b] = await Promise.all([fetchUser(1), fetchOrder(2)]); return [a, b]; }",
            },
          ],
        },
      ],
    },

    // Loops whose body is only `await f(x);`.
    {
      code: "async function f() { for (const id of ['a', 'b', 'c']) await load(id); }",
      errors: [
        {
          messageId: 'independentLoop',
          line: 1,
          column: 56,
          suggestions: [
            {
              messageId: 'suggestPromiseAllLoop',
              output: "async function f() { await Promise.all(['a', 'b', 'c'].map((id) => load(id))); }",
            },
          ],
        },
      ],
    },
    {
      code: 'async function f(ids) { for (const id of ids) { await load(id); } }',
      filename: 'file.js',
      errors: [
        {
          messageId: 'independentLoopUnbounded',
          line: 1,
          column: 49,
          suggestions: [
            {
              messageId: 'suggestPromiseAllLoop',
              output: 'async function f(ids) { await Promise.all(Array.from(ids, (id) => load(id))); }',
            },
          ],
        },
      ],
    },
    // With types, an array is mapped directly; without, `ids` could be any iterable.
    {
      code: 'async function f(ids: string[]) { for (const id of ids) { await load(id); } }',
      mode: 'typed',
      errors: [
        {
          messageId: 'independentLoopUnbounded',
          line: 1,
          column: 59,
          suggestions: [
            {
              messageId: 'suggestPromiseAllLoop',
              output: 'async function f(ids: string[]) { await Promise.all(ids.map((id) => load(id))); }',
            },
          ],
        },
      ],
    },
    {
      code: 'async function f(ids: string[]) { for (const id of ids) { await load(id); } }',
      mode: 'untyped',
      errors: [
        {
          messageId: 'independentLoopUnbounded',
          line: 1,
          column: 59,
          suggestions: [
            {
              messageId: 'suggestPromiseAllLoop',
              output: 'async function f(ids: string[]) { await Promise.all(Array.from(ids, (id) => load(id))); }',
            },
          ],
        },
      ],
    },
    {
      code: 'async function f(map) { for (const [key, value] of Object.entries(map)) await lookup(key, value); }',
      errors: [
        {
          messageId: 'independentLoopUnbounded',
          line: 1,
          column: 73,
          suggestions: [
            {
              messageId: 'suggestPromiseAllLoop',
              output:
                'async function f(map) { await Promise.all(Object.entries(map).map(([key, value]) => lookup(key, value))); }',
            },
          ],
        },
      ],
    },
    // Only `results.push(await f(x));`: results keep their order.
    {
      code: 'async function f(urls) { const pages = []; for (const url of urls.filter(Boolean)) { pages.push(await fetchPage(url)); } return pages; }',
      errors: [
        {
          messageId: 'independentLoopUnbounded',
          line: 1,
          column: 97,
          suggestions: [
            {
              messageId: 'suggestPromiseAllLoop',
              output:
                'async function f(urls) { const pages = []; pages.push(...(await Promise.all(urls.filter(Boolean).map((url) => fetchPage(url))))); return pages; }',
            },
          ],
        },
      ],
    },
    {
      code: 'async function f() { for (const id of await listIds()) await load(id); }',
      errors: [
        {
          messageId: 'independentLoopUnbounded',
          line: 1,
          column: 56,
          suggestions: [
            {
              messageId: 'suggestPromiseAllLoop',
              output: 'async function f() { await Promise.all(Array.from(await listIds(), (id) => load(id))); }',
            },
          ],
        },
      ],
    },
    // Other independent loops: reported without a rewrite.
    {
      code: 'async function f(items) { for (let i = 0; i < items.length; i++) { await process(items[i]); } }',
      options: [{ checkUnknownEffects: true }],
      errors: [{ messageId: 'independentLoopUnbounded', line: 1, column: 68, suggestions: [] }],
    },
    {
      code: 'async function f() { for (let i = 0; i < 3; i++) { await warm(i); } }',
      options: [{ checkUnknownEffects: true }],
      errors: [{ messageId: 'independentLoop', line: 1, column: 52, suggestions: [] }],
    },
    {
      code: 'async function f(obj) { for (const key in obj) { await translate(key, obj[key]); } }',
      options: [{ checkUnknownEffects: true }],
      errors: [{ messageId: 'independentLoopUnbounded', line: 1, column: 50, suggestions: [] }],
    },
    {
      code: 'async function f(ids) { const byId = new Map(); for (const id of ids) { byId.set(id, await load(id)); } return byId; }',
      errors: [{ messageId: 'independentLoopUnbounded', line: 1, column: 86, suggestions: [] }],
    },
    {
      code: 'async function f(ids) { const byId = {}; for (const id of ids) { byId[id] = await load(id); } return byId; }',
      errors: [{ messageId: 'independentLoopUnbounded', line: 1, column: 77, suggestions: [] }],
    },
    {
      code: 'async function f(files) { for (const file of files) { if (!file.endsWith(".md")) continue; const html = await render(file); console.log(await lint(file + ".html", html)); } }',
      options: [{ checkUnknownEffects: true }],
      errors: [{ messageId: 'independentLoopUnbounded', line: 1, column: 105, suggestions: [] }],
    },
    {
      code: 'class Sync { async run(ids) { for (const id of ids) { const user = await this.users.get(id); this.log.push(user); } } }',
      errors: [{ messageId: 'independentLoopUnbounded', line: 1, column: 68, suggestions: [] }],
    },
    // Nested loops: the innermost loop is reported.
    {
      code: 'async function f(groups) { for (const group of groups) { const ids = group.ids; for (const id of ids) await load(group.name, id); } }',
      errors: [
        {
          messageId: 'independentLoopUnbounded',
          line: 1,
          column: 103,
          suggestions: [
            {
              messageId: 'suggestPromiseAllLoop',
              output:
                'async function f(groups) { for (const group of groups) { const ids = group.ids; await Promise.all(Array.from(ids, (id) => load(group.name, id))); } }',
            },
          ],
        },
      ],
    },
    // Comments inside the loop withhold the rewrite.
    {
      code: 'async function f(ids) { for (const id of ids) { /* one by one */ await load(id); } }',
      errors: [{ messageId: 'independentLoopUnbounded', line: 1, column: 66, suggestions: [] }],
    },

    // The guides' gather example, ported: fetchData's sleep stands for its latency (TypeScript and JavaScript).
    {
      code: "import { setTimeout as sleep } from 'node:timers/promises';\n\nasync function fetchData(id: number): Promise<string> {\n  await sleep(1000);\n  return `data ${id}`;\n}\n\nasync function main() {\n  const a = await fetchData(1);\n  const b = await fetchData(2);\n  const c = await fetchData(3);\n  return [a, b, c];\n}",
      errors: [
        {
          messageId: 'sequentialAwaits',
          data: { count: 3 },
          line: 9,
          column: 3,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output:
                "import { setTimeout as sleep } from 'node:timers/promises';\n\nasync function fetchData(id: number): Promise<string> {\n  await sleep(1000);\n  return `data ${id}`;\n}\n\nasync function main() {\n  const [a, b, c] = await Promise.all([fetchData(1), fetchData(2), fetchData(3)]);\n  return [a, b, c];\n}",
            },
          ],
        },
      ],
    },
    {
      code: "import { setTimeout as sleep } from 'node:timers/promises';\n\nasync function fetchData(id) {\n  await sleep(1000);\n  return `data ${id}`;\n}\n\nasync function main() {\n  const a = await fetchData(1);\n  const b = await fetchData(2);\n  const c = await fetchData(3);\n  return [a, b, c];\n}",
      filename: 'file.js',
      errors: [
        {
          messageId: 'sequentialAwaits',
          data: { count: 3 },
          line: 9,
          column: 3,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output:
                "import { setTimeout as sleep } from 'node:timers/promises';\n\nasync function fetchData(id) {\n  await sleep(1000);\n  return `data ${id}`;\n}\n\nasync function main() {\n  const [a, b, c] = await Promise.all([fetchData(1), fetchData(2), fetchData(3)]);\n  return [a, b, c];\n}",
            },
          ],
        },
      ],
    },
    // Bounded concurrency: a limiter imported in the file (ESM), first among the suggestions.
    {
      code: "import pLimit from 'p-limit';\nasync function f(ids) {\n  for (const id of ids) await load(id);\n}",
      filename: 'file.mjs',
      errors: [
        {
          messageId: 'independentLoopUnbounded',
          data: { limiter: '`p-limit`, which the project already depends on' },
          line: 3,
          column: 25,
          suggestions: [
            {
              messageId: 'suggestBoundedLoop',
              data: { limit: 10, module: 'p-limit' },
              output:
                "import pLimit from 'p-limit';\nasync function f(ids) {\n  const limit = pLimit(10);\n  await Promise.all(Array.from(ids, (id) => limit(() => load(id))));\n}",
            },
            {
              messageId: 'suggestPromiseAllLoop',
              output:
                "import pLimit from 'p-limit';\nasync function f(ids) {\n  await Promise.all(Array.from(ids, (id) => load(id)));\n}",
            },
          ],
        },
      ],
    },
    // async's mapLimit required in the file (CommonJS): results in order.
    {
      code: "const { mapLimit } = require('async');\nasync function f(ids) {\n  const users = [];\n  for (const id of ids) users.push(await load(id));\n  return users;\n}",
      filename: 'file.cjs',
      errors: [
        {
          messageId: 'independentLoopUnbounded',
          line: 4,
          column: 36,
          suggestions: [
            {
              messageId: 'suggestBoundedLoop',
              data: { limit: 10, module: 'async' },
              output:
                "const { mapLimit } = require('async');\nasync function f(ids) {\n  const users = [];\n  users.push(...(await mapLimit(ids, 10, async (id) => load(id))));\n  return users;\n}",
            },
            {
              messageId: 'suggestPromiseAllLoop',
              output:
                "const { mapLimit } = require('async');\nasync function f(ids) {\n  const users = [];\n  users.push(...(await Promise.all(Array.from(ids, (id) => load(id)))));\n  return users;\n}",
            },
          ],
        },
      ],
    },
    // Declared in package.json (tests/fixtures/projects/limiter-esm): the fix adds the import. The fixture
    // projects have no tsconfig, so these run untyped; the manifest is read the same way in both modes.
    {
      mode: 'untyped',
      code: 'export async function warm(ids) {\n  for (const id of ids) {\n    await load(id);\n  }\n}',
      filename: 'projects/limiter-esm/src/jobs.js',
      errors: [
        {
          messageId: 'independentLoopUnbounded',
          line: 3,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestBoundedLoop',
              output:
                "import pLimit from 'p-limit';\nexport async function warm(ids) {\n  const limit = pLimit(10);\n  await Promise.all(Array.from(ids, (id) => limit(() => load(id))));\n}",
            },
            {
              messageId: 'suggestPromiseAllLoop',
              output: 'export async function warm(ids) {\n  await Promise.all(Array.from(ids, (id) => load(id)));\n}',
            },
          ],
        },
      ],
    },
    // CommonJS (tests/fixtures/projects/limiter-cjs): p-limit 6 cannot be required, p-map 4 can.
    {
      mode: 'untyped',
      code: "const db = require('./db');\n\nasync function warm(ids) {\n  for (const id of ids) await db.load(id);\n}\n\nmodule.exports = { warm };",
      filename: 'projects/limiter-cjs/src/jobs.js',
      errors: [
        {
          messageId: 'independentLoopUnbounded',
          line: 4,
          column: 25,
          suggestions: [
            {
              messageId: 'suggestBoundedLoop',
              data: { limit: 10, module: 'p-map' },
              output:
                "const db = require('./db');\nconst pMap = require('p-map');\n\nasync function warm(ids) {\n  await pMap(ids, (id) => db.load(id), { concurrency: 10 });\n}\n\nmodule.exports = { warm };",
            },
            {
              messageId: 'suggestPromiseAllLoop',
              output:
                "const db = require('./db');\n\nasync function warm(ids) {\n  await Promise.all(Array.from(ids, (id) => db.load(id)));\n}\n\nmodule.exports = { warm };",
            },
          ],
        },
      ],
    },
    // A short literal list needs no limiter, even where one is imported.
    {
      code: "import pLimit from 'p-limit';\nasync function f() {\n  for (const id of ['a', 'b']) await load(id);\n}",
      filename: 'file.mjs',
      errors: [
        {
          messageId: 'independentLoop',
          line: 3,
          column: 32,
          suggestions: [
            {
              messageId: 'suggestPromiseAllLoop',
              output:
                "import pLimit from 'p-limit';\nasync function f() {\n  await Promise.all(['a', 'b'].map((id) => load(id)));\n}",
            },
          ],
        },
      ],
    },
    // try: a group in a try … catch keeps its catch (which sees the first rejection) …
    {
      code: 'async function f() {\n  try {\n    const a = await fetchA();\n    const b = await fetchB();\n    return [a, b];\n  } catch (error) {\n    log(error);\n  }\n}',
      errors: [
        {
          messageId: 'sequentialAwaits',
          line: 3,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output:
                'async function f() {\n  try {\n    const [a, b] = await Promise.all([fetchA(), fetchB()]);\n    return [a, b];\n  } catch (error) {\n    log(error);\n  }\n}',
            },
          ],
        },
      ],
    },
    // … but in a try … finally the cleanup would run on the first failure while the other call still runs.
    {
      code: 'async function f() {\n  try {\n    const a = await fetchA();\n    const b = await fetchB();\n    return [a, b];\n  } finally {\n    release();\n  }\n}',
      errors: [{ messageId: 'sequentialAwaits', line: 3, column: 5, suggestions: [] }],
    },
    // A loop body that is one try … catch: each element keeps its own handling in an async callback.
    {
      code: 'async function f(ids) {\n  for (const id of ids) {\n    try {\n      await load(id);\n    } catch (error) {\n      log(error);\n    }\n  }\n}',
      filename: 'file.js',
      errors: [
        {
          messageId: 'independentLoopUnbounded',
          line: 4,
          column: 7,
          suggestions: [
            {
              messageId: 'suggestPromiseAllLoop',
              output:
                'async function f(ids) {\n  await Promise.all(Array.from(ids, async (id) => {\n    try {\n      await load(id);\n    } catch (error) {\n      log(error);\n    }\n  }));\n}',
            },
          ],
        },
      ],
    },
  ],
};

/**
 * This file's cases are about grouping, dependencies, loops and fixes, so every group they make is
 * reported whatever its calls wait for (`checkUnknownLatency`, merged into each case's options); which
 * groups the default leaves out as saving too little is in prefer-promise-all-effects.test.ts.
 */
const everyRun = (given: Readonly<Options> | undefined): Options => [{ checkUnknownLatency: true, ...given?.[0] }];

runRuleTests('prefer-promise-all', rule, {
  valid: cases.valid
    .map((c) => (typeof c === 'string' ? { code: c } : c))
    .map((c) => ({ ...c, options: everyRun(c.options) })),
  invalid: cases.invalid.map((c) => ({ ...c, options: everyRun(c.options) })),
});

// Pacing in a callee of another project file (tests/fixtures/projects/esm/src/pacing.js), by its export summary.
const ESM = 'projects/esm/src/handler.js';
/** The rewrite the rule suggests for the loop of `pacedLoop(callee)`. */
const allAtOnce = (callee: string) => [
  {
    messageId: 'suggestPromiseAllLoop' as const,
    output: `import { ${callee} } from './pacing.js';\nexport async function warmAll(urls) {\n  await Promise.all(Array.from(urls, (url) => ${callee}(url)));\n}`,
  },
];
const pacedLoop = (callee: string) =>
  `import { ${callee} } from './pacing.js';\nexport async function warmAll(urls) {\n  for (const url of urls) {\n    await ${callee}(url);\n  }\n}`;

runRuleTests(
  'prefer-promise-all',
  rule,
  {
    valid: [
      { filename: ESM, code: pacedLoop('fetchPaced') },
      { filename: ESM, code: pacedLoop('pausedFetch') },
    ],
    invalid: [
      {
        filename: ESM,
        code: pacedLoop('fetchWithRetry'),
        errors: [{ messageId: 'independentLoopUnbounded', line: 4, suggestions: allAtOnce('fetchWithRetry') }],
      },
      {
        // The off switch: the callee is unknown, and the loop reads as unpaced.
        filename: ESM,
        code: pacedLoop('fetchPaced'),
        settings: { 'event-loop': { crossFile: false } },
        errors: [{ messageId: 'independentLoopUnbounded', line: 4, suggestions: allAtOnce('fetchPaced') }],
      },
    ],
  },
  // The fixture projects are not in the typed tests' program.
  ['untyped'],
);
