/**
 * What `prefer-promise-all` reports by default: only work known to read (by name, SQL text, HTTP
 * method, catalogue, or the body of a same-file helper), outside tests and one-shot scripts; and what
 * `checkUnknownEffects` (on in `strict`) adds. SQL statements are judged by their kind in both readings.
 * The grouping, dependency and fix cases, in the wider reading, are in prefer-promise-all.test.ts.
 */
import rule from '../../src/rules/prefer-promise-all.js';
import { runRuleTests } from '../rule-tester.js';

/** The `strict` reading: work of unknown effect, and runs of unknown latency, are reported too. */
const wide = [{ checkUnknownEffects: true, checkUnknownLatency: true }] as const;
/** Every run reported whatever its calls wait for: for the cases about what counts as a read. */
const everyRun = [{ checkUnknownLatency: true }] as const;

/** One report of a group of awaits starting at `line`:`column`, whose one suggestion gives `output`. */
function sequential(
  code: string,
  line: number,
  column: number,
  output: string,
  options?: typeof wide | typeof everyRun,
) {
  return {
    code,
    ...(options && { options }),
    errors: [
      { messageId: 'sequentialAwaits', line, column, suggestions: [{ messageId: 'suggestPromiseAll', output }] },
    ],
  } as const;
}

/** SQL statements that keep their order against every other statement, in both readings. */
const orderedSql = [
  // Test setup: truncate, then insert.
  "import { query } from './db.js'; async function f() { await query('TRUNCATE orders CASCADE'); await query(\"INSERT INTO orders (id) VALUES (1)\"); }",
  // A write, then a read of what it wrote.
  "import { query } from './db.js'; async function f(id) { await query(\"UPDATE orders SET status = 'cancelled' WHERE id = $1\", [id]); const [row] = await query('SELECT status FROM orders WHERE id = $1', [id]); return row; }",
  // On an imported client.
  "import db from './db.js'; async function f(id) { await db.query('DELETE FROM carts WHERE id = $1', [id]); await db.query('INSERT INTO carts (id) VALUES ($1)', [id]); }",
  // A data-modifying WITH, MERGE, DDL, SELECT … FOR UPDATE, CALL, LOCK: writes.
  "import db from './db.js'; async function f() { await db.query('WITH moved AS (DELETE FROM a RETURNING *) INSERT INTO b SELECT * FROM moved'); await db.query('SELECT count(*) FROM b'); }",
  "import db from './db.js'; async function f() { await db.query('MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE'); await db.query('SELECT 1'); }",
  "import db from './db.js'; async function f() { await db.query('CREATE TABLE t (id int)'); await db.query('SELECT * FROM t'); }",
  "import db from './db.js'; async function f(id) { const row = await db.query('SELECT * FROM jobs WHERE id = $1 FOR UPDATE', [id]); const other = await db.query('SELECT 1'); return [row, other]; }",
  "import db from './db.js'; async function f() { await db.query('CALL refresh_totals()'); await db.query('SELECT * FROM totals'); }",
  "import db from './db.js'; async function f() { await db.query('LOCK TABLE jobs IN EXCLUSIVE MODE'); await db.query('SELECT * FROM jobs'); }",
  // Transaction control orders everything.
  "import db from './db.js'; async function f() { await db.query('BEGIN'); await db.query('SELECT 1'); }",
  // Text we cannot read stays ordered.
  "import db from './db.js'; async function f(verb) { await db.query(`${verb} FROM jobs`); await db.query('SELECT 1'); }",
  // Tagged templates and Prisma's raw calls.
  "import postgres from 'postgres'; const sql = postgres(); async function f(id) { await sql`UPDATE users SET seen = now() WHERE id = ${id}`; const [user] = await sql`SELECT * FROM users WHERE id = ${id}`; return user; }",
  "import { prisma } from './db.js'; async function f() { await prisma.$executeRaw`DELETE FROM sessions`; await prisma.$queryRaw`SELECT 1`; }",
  // Writes in a loop keep their order too.
  "import db from './db.js'; async function f(rows) { for (const row of rows) { await db.query('INSERT INTO t (id) VALUES ($1)', [row.id]); } }",
];

runRuleTests('prefer-promise-all', rule, {
  valid: [
    ...orderedSql,
    ...orderedSql.map((code) => ({ code, options: wide })),
    // Unknown effects keep their order by default: a write through shared state, then a read.
    'async function f(uid, url) { await give(uid, "admin"); const page = await request.get(url); return page; }',
    'async function f(a, b) { await warmCache(a); await rebuildIndex(b); }',
    // A generic `query()` with text we cannot see.
    "import db from './db.js'; async function f(a, b) { const x = await db.query(a); const y = await db.query(b); return [x, y]; }",
    // An HTTP write by origin, and a read beside it.
    "async function f(url, body) { await fetch(url, { method: 'POST', body }); const page = await fetch(url); return page; }",
    "import axios from 'axios'; async function f(url) { await axios({ url, method: 'delete' }); const page = await axios.get(url); return page; }",
    // A helper whose body writes, whatever its name says.
    "import db from './db.js'; async function loadUser(id) { await db.query('UPDATE users SET seen = now() WHERE id = $1', [id]); return db.query('SELECT * FROM users WHERE id = $1', [id]); } async function f() { const a = await loadUser(1); const b = await loadUser(2); return [a, b]; }",
    // Create-if-missing helpers race when run together, in both readings.
    'async function f(uid) { const a = await getOrCreateGroup("a"); const b = await getOrCreateGroup("b"); return [a, b]; }',
    {
      code: 'async function f(uid) { const a = await getOrCreateGroup("a"); const b = await getOrCreateGroup("b"); return [a, b]; }',
      options: wide,
    },
    // A loop of unknown work.
    'async function f(files) { for (const file of files) { await convert(file); } }',
    // Pacing: a helper that does its work and then sleeps paces its callers, in both readings.
    "import { setTimeout as sleep } from 'node:timers/promises'; async function politeFetch(url) { const res = await fetch(url); await sleep(1000); return res; } async function f(urls) { for (const url of urls) { await politeFetch(url); } }",
    {
      code: "import { setTimeout as sleep } from 'node:timers/promises'; async function politeFetch(url) { const res = await fetch(url); await sleep(1000); return res; } async function f(urls) { for (const url of urls) { await politeFetch(url); } }",
      options: wide,
    },
    // Nothing to overlap: an async helper of this file that awaits and calls nothing settles at once,
    // and one that only loads modules with `import()` waits for Node's module cache after the first call.
    ...[
      'async function requiresVerification({ email, hasChanged }) { if (!email || !hasChanged) return false; return true; }\nasync function f(settings) { const kept = []; for (const s of settings) { if (await requiresVerification(s)) kept.push(s); } return kept; }',
      'class Settings { async isPrivate(s) { return s.private === true; } async f(a, b) { const x = await this.isPrivate(a); const y = await this.isPrivate(b); return [x, y]; } }',
      "const loadTransport = async () => (await import('./ws.js')).Transport;\nasync function f(url) { const endpoint = await fetch(url); const Transport = await loadTransport(); return [endpoint, Transport]; }",
      "const loadTransport = async (node) => node ? (await import('./node-ws.js')).Transport : (await import('./browser-ws.js')).Transport;\nasync function f(flags) { for (const flag of flags) { await loadTransport(flag); } }",
    ].flatMap((code) => [code, { code, options: wide }]),
    // One connection: a handle the code sends `BEGIN` through runs its queries in order (pg queues
    // them), and the helpers given it work inside the transaction; in both readings.
    ...[
      "async function readVersion(client) { const r = await client.query('SELECT version FROM ledger'); return r.rows[0]; }\nasync function readMinimum(client) { const r = await client.query('SELECT minimum FROM ledger'); return r.rows[0]; }\nasync function migrate(client) { await client.query('BEGIN'); const version = await readVersion(client); const minimum = await readMinimum(client); await client.query('COMMIT'); return [version, minimum]; }",
      "async function migrate(client) { await client.query('BEGIN'); const a = await client.query('SELECT 1'); const b = await client.query('SELECT 2'); await client.query('COMMIT'); return [a, b]; }",
    ].flatMap((code) => [code, { code, options: wide }]),
    // Pacing at the caller's level, between the awaits and in a loop body.
    "import { setTimeout as sleep } from 'node:timers/promises'; async function f() { const a = await getUser(1); await sleep(100); const b = await getUser(2); return [a, b]; }",
    "import { setTimeout as sleep } from 'node:timers/promises'; async function f(ids) { for (const id of ids) { await getUser(id); await sleep(100); } }",
    // A helper of another file whose body writes, whatever its name says.
    "import { touchUser } from './promise-all-reads.js'; async function f() { await touchUser(1); await touchUser(2); }",
    // Reads through one transaction carried in an options object keep their order: the object holds it,
    // was picked with it, or the function reads it from the object.
    'async function f(options) { const shared = { transacting: options.transacting }; const a = await getProduct(1, shared); const b = await getTier(2, shared); return [a, b]; }',
    "async function f(options) { const shared = pick(options, ['transacting']); const a = await getProduct(1, shared); const b = await getTier(2, shared); return [a, b]; }",
    'async function f(options) { if (!options.session) throw new Error(); const a = await findProduct(1, options); const b = await findTier(2, options); return [a, b]; }',
    // Runs that save one short round trip, once per call, are left to `checkUnknownLatency` (Ghost's reports:
    // two settings rows at boot, a settings row beside an admin browse, one more query beside a Promise.all).
    ...[
      "const models = require('./models');\nasync function f() { const isPrivate = await models.Settings.findOne({ key: 'is_private' }); const password = await models.Settings.findOne({ key: 'password' }); return [isPrivate, password]; }",
      "import { pool } from './db.js'; async function f(id) { const user = await pool.query('SELECT * FROM users WHERE id = $1', [id]); const orders = await pool.query('SELECT * FROM orders WHERE user_id = $1', [id]); return [user, orders]; }",
      'async function f(page) { const [offers, gifts] = await Promise.all([fetchOffers(page), fetchGifts(page)]); const suppressed = await getSuppressionData(page); return [offers, gifts, suppressed]; }',
      "import { readFile } from 'node:fs/promises'; async function f() { const a = await readFile('a.json', 'utf8'); const b = await readFile('b.json', 'utf8'); return [a, b]; }",
      // One HTTP request beside a database read saves the read's millisecond, not a network round trip.
      "import { pool } from './db.js'; async function f(id) { const page = await fetch(`/pages/${id}`); const row = await pool.query('SELECT 1'); return [page, row]; }",
    ],
    // A loop that calls each function of a list runs a sequence built to run in order (Ghost's importer
    // steps and post-author ops, a pool's worker, Sequelize's hooks), in both readings.
    ...[
      'async function importAll(ops) {\n  for (const op of ops) {\n    await op();\n  }\n}',
      'async function attach(ops) { const results = []; for (const op of ops) { results.push(await op()); } return results; }',
      'const pool = async (tasks, n) => { const it = tasks.values(); await Promise.all(Array(n).fill(it).map(async (worker) => { for (const task of worker) { await task(); } })); };',
      'async function runHooks(hooks, args) { for (let hook of hooks) { if (typeof hook === "object") hook = hook.fn; await hook.apply(this, args); } }',
    ].flatMap((code) => [code, { code, options: wide }]),
    // Tests and one-shot scripts stay quiet by default.
    "import { it } from 'vitest';\nit('loads', async () => {\n  const a = await getUser(1);\n  const b = await getUser(2);\n  show(a, b);\n});",
    'async function main() {\n  const a = await getUser(1);\n  const b = await getUser(2);\n  show(a, b);\n}\nawait main();',
    {
      code: "import { program } from 'commander';\nprogram.action(async () => {\n  const a = await getUser(1);\n  const b = await getUser(2);\n  show(a, b);\n});",
      options: wide,
    },
  ],
  invalid: [
    // An options object that carries nothing ordered does not order the reads it is passed to.
    sequential(
      'async function f(options) {\n  const limit = options.limit;\n  const a = await getProduct(1, options);\n  const b = await getTier(2, options);\n  return [a, b, limit];\n}',
      3,
      3,
      'async function f(options) {\n  const limit = options.limit;\n  const [a, b] = await Promise.all([getProduct(1, options), getTier(2, options)]);\n  return [a, b, limit];\n}',
      everyRun,
    ),
    // A helper of another file whose body only reads, whatever its name.
    sequential(
      "import { userRow } from './promise-all-reads.js';\nasync function f() {\n  const a = await userRow(1);\n  const b = await userRow(2);\n  return [a, b];\n}",
      3,
      3,
      "import { userRow } from './promise-all-reads.js';\nasync function f() {\n  const [a, b] = await Promise.all([userRow(1), userRow(2)]);\n  return [a, b];\n}",
      everyRun,
    ),
    // Known reads by name: `get…`, `find…`.
    sequential(
      'async function f(id) { const user = await getUser(id); const orders = await findOrders({ id }); return [user, orders]; }',
      1,
      24,
      'async function f(id) { const [user, orders] = await Promise.all([getUser(id), findOrders({ id })]); return [user, orders]; }',
      everyRun,
    ),
    // Unknown effects are reported only with `checkUnknownEffects` (the case: a write through shared state, then a read).
    sequential(
      'async function f(uid, url) { await give(uid, "admin"); const page = await request.get(url); return page; }',
      1,
      30,
      'async function f(uid, url) { const [, page] = await Promise.all([give(uid, "admin"), request.get(url)]); return page; }',
      wide,
    ),
    sequential(
      'async function f(a, b) { await warmCache(a); await rebuildIndex(b); }',
      1,
      26,
      'async function f(a, b) { await Promise.all([warmCache(a), rebuildIndex(b)]); }',
      wide,
    ),
    // SQL reads run together, in both readings: SELECT, WITH … SELECT, SHOW, EXPLAIN.
    sequential(
      "import { pool } from './db.js';\nasync function f(id) {\n  const user = await pool.query('SELECT * FROM users WHERE id = $1', [id]);\n  const orders = await pool.query(`WITH o AS (SELECT * FROM orders) SELECT * FROM o WHERE user_id = ${id}`);\n  return [user, orders];\n}",
      3,
      3,
      "import { pool } from './db.js';\nasync function f(id) {\n  const [user, orders] = await Promise.all([\n    pool.query('SELECT * FROM users WHERE id = $1', [id]),\n    pool.query(`WITH o AS (SELECT * FROM orders) SELECT * FROM o WHERE user_id = ${id}`),\n  ]);\n  return [user, orders];\n}",
      everyRun,
    ),
    sequential(
      "import { pool } from './db.js';\nasync function f(id) {\n  const user = await pool.query('SELECT * FROM users WHERE id = $1', [id]);\n  const orders = await pool.query(`WITH o AS (SELECT * FROM orders) SELECT * FROM o WHERE user_id = ${id}`);\n  return [user, orders];\n}",
      3,
      3,
      "import { pool } from './db.js';\nasync function f(id) {\n  const [user, orders] = await Promise.all([\n    pool.query('SELECT * FROM users WHERE id = $1', [id]),\n    pool.query(`WITH o AS (SELECT * FROM orders) SELECT * FROM o WHERE user_id = ${id}`),\n  ]);\n  return [user, orders];\n}",
      wide,
    ),
    sequential(
      "import { pool } from './db.js';\nasync function f() {\n  const tables = await pool.query('SHOW TABLES');\n  const plan = await pool.query('EXPLAIN SELECT 1');\n  return [tables, plan];\n}",
      3,
      3,
      "import { pool } from './db.js';\nasync function f() {\n  const [tables, plan] = await Promise.all([\n    pool.query('SHOW TABLES'),\n    pool.query('EXPLAIN SELECT 1'),\n  ]);\n  return [tables, plan];\n}",
      everyRun,
    ),
    sequential(
      "import { pool } from './db.js';\nasync function f() {\n  const tables = await pool.query('SHOW TABLES');\n  const plan = await pool.query('EXPLAIN SELECT 1');\n  return [tables, plan];\n}",
      3,
      3,
      "import { pool } from './db.js';\nasync function f() {\n  const [tables, plan] = await Promise.all([\n    pool.query('SHOW TABLES'),\n    pool.query('EXPLAIN SELECT 1'),\n  ]);\n  return [tables, plan];\n}",
      wide,
    ),
    // A SQL read is judged by its text, not by the name `execute`.
    sequential(
      "import db from './db.js';\nasync function f() {\n  const a = await db.execute('SELECT 1');\n  const b = await db.execute('SELECT 2');\n  return [a, b];\n}",
      3,
      3,
      "import db from './db.js';\nasync function f() {\n  const [a, b] = await Promise.all([db.execute('SELECT 1'), db.execute('SELECT 2')]);\n  return [a, b];\n}",
      everyRun,
    ),
    // Tagged templates: postgres.js `sql`, Prisma `$queryRaw`.
    sequential(
      "import postgres from 'postgres';\nconst sql = postgres();\nasync function f(id) {\n  const [user] = await sql`SELECT * FROM users WHERE id = ${id}`;\n  const orders = await sql`SELECT * FROM orders WHERE user_id = ${id}`;\n  return [user, orders];\n}",
      4,
      3,
      "import postgres from 'postgres';\nconst sql = postgres();\nasync function f(id) {\n  const [[user], orders] = await Promise.all([\n    sql`SELECT * FROM users WHERE id = ${id}`,\n    sql`SELECT * FROM orders WHERE user_id = ${id}`,\n  ]);\n  return [user, orders];\n}",
      everyRun,
    ),
    sequential(
      "import { prisma } from './db.js';\nasync function f() {\n  const a = await prisma.$queryRaw`SELECT 1`;\n  const b = await prisma.$queryRaw`SELECT 2`;\n  return [a, b];\n}",
      3,
      3,
      "import { prisma } from './db.js';\nasync function f() {\n  const [a, b] = await Promise.all([prisma.$queryRaw`SELECT 1`, prisma.$queryRaw`SELECT 2`]);\n  return [a, b];\n}",
      wide,
    ),
    // A loop of SQL reads.
    {
      code: "import { pool } from './db.js';\nasync function f(ids) {\n  for (const id of ids) {\n    await pool.query('SELECT * FROM users WHERE id = $1', [id]);\n  }\n}",
      errors: [
        {
          messageId: 'independentLoopUnbounded',
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestPromiseAllLoop',
              output:
                "import { pool } from './db.js';\nasync function f(ids) {\n  await Promise.all(Array.from(ids, (id) => pool.query('SELECT * FROM users WHERE id = $1', [id])));\n}",
            },
          ],
        },
      ],
    },
    // A same-file helper whose body only reads, whatever its name.
    sequential(
      "import { pool } from './db.js';\nasync function userRow(id) { const { rows } = await pool.query('SELECT * FROM users WHERE id = $1', [id]); return rows[0]; }\nasync function f() {\n  const a = await userRow(1);\n  const b = await userRow(2);\n  return [a, b];\n}",
      4,
      3,
      "import { pool } from './db.js';\nasync function userRow(id) { const { rows } = await pool.query('SELECT * FROM users WHERE id = $1', [id]); return rows[0]; }\nasync function f() {\n  const [a, b] = await Promise.all([userRow(1), userRow(2)]);\n  return [a, b];\n}",
      everyRun,
    ),
    // HTTP GET and HEAD by origin.
    sequential(
      "import axios from 'axios';\nasync function f() {\n  const a = await fetch('/a');\n  const b = await fetch('/b', { method: 'HEAD' });\n  const c = await axios.get('/c');\n  return [a, b, c];\n}",
      3,
      3,
      "import axios from 'axios';\nasync function f() {\n  const [a, b, c] = await Promise.all([\n    fetch('/a'),\n    fetch('/b', { method: 'HEAD' }),\n    axios.get('/c'),\n  ]);\n  return [a, b, c];\n}",
    ),
    // File-system and DNS reads by origin.
    sequential(
      "import { access, realpath } from 'node:fs/promises';\nimport dns from 'node:dns/promises';\nasync function f(file, host) {\n  await access(file);\n  const real = await realpath(file);\n  const addresses = await dns.resolve4(host);\n  return [real, addresses];\n}",
      4,
      3,
      "import { access, realpath } from 'node:fs/promises';\nimport dns from 'node:dns/promises';\nasync function f(file, host) {\n  const [, real, addresses] = await Promise.all([access(file), realpath(file), dns.resolve4(host)]);\n  return [real, addresses];\n}",
      everyRun,
    ),
    // Latency is not pacing: the guides' `fetch_data`, whose sleep stands for the network.
    sequential(
      'const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\nasync function fetchData(id) { await sleep(1000); return { id }; }\nasync function main() {\n  const a = await fetchData(1);\n  const b = await fetchData(2);\n  return [a, b];\n}',
      4,
      3,
      'const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\nasync function fetchData(id) { await sleep(1000); return { id }; }\nasync function main() {\n  const [a, b] = await Promise.all([fetchData(1), fetchData(2)]);\n  return [a, b];\n}',
    ),
    {
      code: "import { setTimeout as sleep } from 'node:timers/promises';\nasync function fetchData(id) { console.log('start', id); await sleep(1000); return { id }; }\nasync function main(ids) {\n  for (const id of ids) console.log(await fetchData(id));\n}",
      errors: [
        {
          messageId: 'independentLoopUnbounded',
          line: 4,
          column: 37,
          suggestions: [],
        },
      ],
    },
    // An async helper that does wait (it calls something) is still latency to overlap.
    sequential(
      'async function isPrivate(id) { return (await fetch(`/private/${id}`)).ok; }\nasync function f(a, b) {\n  const x = await isPrivate(a);\n  const y = await isPrivate(b);\n  return [x, y];\n}',
      3,
      3,
      'async function isPrivate(id) { return (await fetch(`/private/${id}`)).ok; }\nasync function f(a, b) {\n  const [x, y] = await Promise.all([isPrivate(a), isPrivate(b)]);\n  return [x, y];\n}',
      wide,
    ),
    // Without transaction control the same readers may run together: the client may be a pool.
    sequential(
      "async function readVersion(client) { const r = await client.query('SELECT version FROM ledger'); return r.rows[0]; }\nasync function readMinimum(client) { const r = await client.query('SELECT minimum FROM ledger'); return r.rows[0]; }\nasync function check(client) {\n  const version = await readVersion(client);\n  const minimum = await readMinimum(client);\n  return [version, minimum];\n}",
      4,
      3,
      "async function readVersion(client) { const r = await client.query('SELECT version FROM ledger'); return r.rows[0]; }\nasync function readMinimum(client) { const r = await client.query('SELECT minimum FROM ledger'); return r.rows[0]; }\nasync function check(client) {\n  const [version, minimum] = await Promise.all([readVersion(client), readMinimum(client)]);\n  return [version, minimum];\n}",
      everyRun,
    ),
    // A backoff in a retry helper's `catch` does not pace its callers either.
    sequential(
      "import { setTimeout as sleep } from 'node:timers/promises';\nasync function getWithRetry(url) {\n  for (let attempt = 0; ; attempt++) {\n    try { return await fetch(url); } catch (error) { if (attempt > 2) throw error; await sleep(100 * 2 ** attempt); }\n  }\n}\nasync function f(a, b) {\n  const x = await getWithRetry(a);\n  const y = await getWithRetry(b);\n  return [x, y];\n}",
      8,
      3,
      "import { setTimeout as sleep } from 'node:timers/promises';\nasync function getWithRetry(url) {\n  for (let attempt = 0; ; attempt++) {\n    try { return await fetch(url); } catch (error) { if (attempt > 2) throw error; await sleep(100 * 2 ** attempt); }\n  }\n}\nasync function f(a, b) {\n  const [x, y] = await Promise.all([getWithRetry(a), getWithRetry(b)]);\n  return [x, y];\n}",
    ),
    // One report per problem: the loop, not also the two awaits inside it.
    {
      code: 'async function f(ids) {\n  for (const id of ids) {\n    const user = await getUser(id);\n    const posts = await getPosts(id);\n    show(user, posts);\n  }\n}',
      errors: [
        {
          messageId: 'independentLoopUnbounded',
          line: 3,
          column: 18,
          suggestions: [],
        },
      ],
    },
    // By default, a run is reported when at least two of its calls wait for a remote service: HTTP requests by
    // origin, directly or through same-file helpers (followed into their bodies, `.then` callbacks included)…
    sequential(
      "import got from 'got';\nasync function getUser(id) { const res = await fetch(`/users/${id}`); return res.json(); }\nconst getRates = (currency) => got(`/rates/${currency}`).then((res) => JSON.parse(res.body));\nasync function f(id) {\n  const user = await getUser(id);\n  const rates = await getRates('EUR');\n  return [user, rates];\n}",
      5,
      3,
      "import got from 'got';\nasync function getUser(id) { const res = await fetch(`/users/${id}`); return res.json(); }\nconst getRates = (currency) => got(`/rates/${currency}`).then((res) => JSON.parse(res.body));\nasync function f(id) {\n  const [user, rates] = await Promise.all([getUser(id), getRates('EUR')]);\n  return [user, rates];\n}",
    ),
    sequential(
      "import { request } from 'undici';\nasync function f(a, b) {\n  const x = await request(a);\n  const y = await request(b, { method: 'GET' });\n  return [x, y];\n}",
      3,
      3,
      "import { request } from 'undici';\nasync function f(a, b) {\n  const [x, y] = await Promise.all([request(a), request(b, { method: 'GET' })]);\n  return [x, y];\n}",
    ),
    // … or when the run repeats per element of a list: in a loop that must stay serial, or a per-element callback.
    {
      code: 'async function f(ids) {\n  for (const id of ids) {\n    const user = await getUser(id);\n    const posts = await getPosts(id);\n    if (user.banned) break;\n    show(user, posts);\n  }\n}',
      errors: [
        {
          messageId: 'sequentialAwaits',
          line: 3,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output:
                'async function f(ids) {\n  for (const id of ids) {\n    const [user, posts] = await Promise.all([getUser(id), getPosts(id)]);\n    if (user.banned) break;\n    show(user, posts);\n  }\n}',
            },
          ],
        },
      ],
    },
    sequential(
      "import { pool } from './db.js';\nasync function f(ids) {\n  return Promise.all(ids.map(async (id) => {\n    const user = await pool.query('SELECT * FROM users WHERE id = $1', [id]);\n    const orders = await pool.query('SELECT * FROM orders WHERE user_id = $1', [id]);\n    return [user, orders];\n  }));\n}",
      4,
      5,
      "import { pool } from './db.js';\nasync function f(ids) {\n  return Promise.all(ids.map(async (id) => {\n    const [user, orders] = await Promise.all([\n      pool.query('SELECT * FROM users WHERE id = $1', [id]),\n      pool.query('SELECT * FROM orders WHERE user_id = $1', [id]),\n    ]);\n    return [user, orders];\n  }));\n}",
    ),
    // Tests and scripts are reported with `checkTests` and `checkScripts`.
    {
      code: "import { it } from 'vitest';\nit('loads', async () => {\n  const a = await getUser(1);\n  const b = await getUser(2);\n  show(a, b);\n});",
      options: [{ checkTests: true, checkUnknownLatency: true }],
      errors: [
        {
          messageId: 'sequentialAwaits',
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output:
                "import { it } from 'vitest';\nit('loads', async () => {\n  const [a, b] = await Promise.all([getUser(1), getUser(2)]);\n  show(a, b);\n});",
            },
          ],
        },
      ],
    },
    {
      code: 'async function main() {\n  const a = await getUser(1);\n  const b = await getUser(2);\n  show(a, b);\n}\nawait main();',
      options: [{ checkScripts: true, checkUnknownLatency: true }],
      errors: [
        {
          messageId: 'sequentialAwaits',
          line: 2,
          column: 3,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output:
                'async function main() {\n  const [a, b] = await Promise.all([getUser(1), getUser(2)]);\n  show(a, b);\n}\nawait main();',
            },
          ],
        },
      ],
    },
  ],
});
