import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { type CallNode, type CallSite, getEffects } from '../../../src/analysis/concurrency/dependencies.js';
import {
  callsAreOrdered,
  describeReceiver,
  getOrderingPatterns,
  isDataMethod,
  isMutatingCall,
  isPacingExpression,
  orderedCallReason,
  pacesInCallee,
} from '../../../src/analysis/concurrency/ordering.js';
import { type Context, probe, probeAsked } from '../harness.js';

const defaults = getOrderingPatterns({});

/** Every call passed to `ask(…)`, as the call node. */
function askedCalls<T>(code: string, answer: (context: Context, call: CallNode) => T, filename = 'file.js'): T[] {
  return probeAsked({ code, filename }, (context, expression) => answer(context, expression as CallNode));
}

describe('getOrderingPatterns', () => {
  it('compiles the defaults plus the user patterns, once per options object', () => {
    const options = { orderedCallPatterns: ['^charge$'], orderedReceiverPatterns: ['^ledger$'] };
    const patterns = getOrderingPatterns(options);
    expect(getOrderingPatterns(options)).toBe(patterns);
    expect(patterns.calls.some((pattern) => pattern.test('charge'))).toBe(true);
    expect(patterns.loopCalls.some((pattern) => pattern.test('charge'))).toBe(true);
    expect(patterns.receivers.some((pattern) => pattern.test('ledger'))).toBe(true);
    expect(defaults.calls.some((pattern) => pattern.test('charge'))).toBe(false);
  });

  it('compiles them once per list of patterns: each file gets a fresh copy of the same options', () => {
    const patterns = getOrderingPatterns({ orderedCallPatterns: ['^settle$'], orderedReceiverPatterns: [] });
    expect(getOrderingPatterns({ orderedCallPatterns: ['^settle$'], orderedReceiverPatterns: [] })).toBe(patterns);
    expect(getOrderingPatterns({ orderedCallPatterns: [], orderedReceiverPatterns: [] })).toBe(defaults);
    expect(getOrderingPatterns({ orderedCallPatterns: [], orderedReceiverPatterns: ['^settle$'] })).not.toBe(patterns);
  });

  it('leaves the guards out of the loop patterns: each iteration guards its own work', () => {
    expect(defaults.calls.some((pattern) => pattern.test('assertOwner'))).toBe(true);
    expect(defaults.loopCalls.some((pattern) => pattern.test('assertOwner'))).toBe(false);
  });
});

describe('describeReceiver', () => {
  it('says where a method call goes through', () => {
    const code = [
      "import db from 'db';",
      'const client = makeClient();',
      'class PostgresQueryRunner {',
      '  run(page) {',
      '    ask(db.users.find());',
      '    ask(client.get());',
      '    ask(this.repo.save());',
      '    ask(page.click());',
      "    ask(knex('users').where(x).first());",
      '    ask(this.query());',
      '    ask(plain());',
      '    ask(pool.query());',
      '  }',
      '}',
    ].join('\n');
    const receivers = askedCalls(code, (context, call) => {
      const receiver = describeReceiver(context, call);
      return receiver && `${receiver.kind} ${receiver.path} [${receiver.names.join(', ')}]`;
    });
    expect(receivers).toEqual([
      'module db.users [db, users]',
      'module client [client]',
      // Inside a class, its name says what `this` is.
      'member this.repo [PostgresQueryRunner, repo]',
      'local page [page]',
      // Undeclared: a global, shared by the whole program; every name along the chain counts.
      'module knex [knex, where]',
      'member this [PostgresQueryRunner]',
      undefined,
      'module pool [pool]',
    ]);
  });
});

describe('orderedCallReason', () => {
  it.each([
    ['a name that says order matters', 'ask(tx.commit());', 'name'],
    ['a receiver that is one connection', 'ask(queryRunner.manager.insert(row));', 'receiver'],
    ['an argument that names one', 'ask(repo.find(x, { transaction }));', 'argument'],
    ['SQL that controls a session', "ask(client.query('BEGIN'));", 'sql'],
    ['SQL that writes', "ask(pool.query('DELETE FROM carts WHERE id = $1', [id]));", 'sql'],
    ['SQL we cannot read', 'ask(pool.query(`${verb} FROM carts`));', 'sql'],
    ['SQL that reads, whatever the method name says', "ask(db.execute('SELECT 1'));", undefined],
    ['SQL that reads through one connection', "ask(conn.query('SELECT 1'));", 'receiver'],
    ['a plain data call', 'ask(api.getUser(id));', undefined],
    ['`fn.call(…)` is a call of fn', 'ask(commit.call(null, tx2));', 'name'],
    [
      'SQL that reads through a handle the code sends BEGIN through',
      "async function f(client) { await client.query('BEGIN'); ask(client.query('SELECT 1')); }",
      'receiver',
    ],
    [
      'a call given a handle the code sends BEGIN through',
      "async function f(client) { await client.query('BEGIN'); ask(readVersion(client)); }",
      'argument',
    ],
    [
      'a call given a handle with no transaction control',
      "async function f(client) { await client.query('SELECT 0'); ask(readVersion(client)); }",
      undefined,
    ],
  ])('%s', (_title, code, reason) => {
    expect(askedCalls(code, (context, call) => orderedCallReason(context, call, defaults))).toEqual([reason]);
  });

  it('uses the loop patterns in loops', () => {
    const code = 'ask(assertOwner(id));';
    expect(askedCalls(code, (context, call) => orderedCallReason(context, call, defaults))).toEqual(['name']);
    expect(askedCalls(code, (context, call) => orderedCallReason(context, call, defaults, 'loop'))).toEqual([
      undefined,
    ]);
  });
});

describe('isDataMethod and isMutatingCall', () => {
  it('tells data-structure methods and state-changing verbs by name', () => {
    const code =
      'async function f() {\n  ask(ids.map(g));\n  ask(results.push(x));\n  ask(await api.get(url));\n  ask(db.insert(row));\n  ask(fs.mkdir(dir));\n  ask(load(id));\n  ask(setTimeout(done, 10));\n  ask(getOrCreateGroup(name));\n}';
    const answers = probeAsked({ code }, (_context, expression) => {
      const call = (expression.type === AST_NODE_TYPES.AwaitExpression ? expression.argument : expression) as CallNode;
      return [isDataMethod(call), isMutatingCall(call)];
    });
    expect(answers).toEqual([
      [true, false],
      [true, true],
      [false, false],
      [false, true],
      [false, true],
      [false, false],
      // A timer changes nothing another statement sees; a create-if-missing helper writes.
      [false, false],
      [false, true],
    ]);
  });
});

describe('orderedCallReason on a SQL template', () => {
  it('orders a tagged template that writes, not one that reads', () => {
    const code = 'ask(sql`UPDATE users SET seen = now()`);\nask(sql`SELECT * FROM users`);\nask(html`<p>`);';
    const answers = probeAsked({ code }, (context, node) =>
      orderedCallReason(context, node as TSESTree.TaggedTemplateExpression, defaults),
    );
    expect(answers).toEqual(['sql', undefined, undefined]);
  });
});

/** The calls of the statements of `f`'s body, one list per statement, as `getEffects` sees them. */
function statementCalls(context: Context, body: TSESTree.Node): CallSite[][] {
  return (body as TSESTree.BlockStatement).body.map((statement) => [...getEffects(context, statement).calls]);
}

describe('callsAreOrdered', () => {
  function ordered(code: string): boolean {
    const [answer] = probe({ code }, 'FunctionDeclaration[id.name="f"] > BlockStatement', (context, body) => {
      const [first, second] = statementCalls(context, body);
      return callsAreOrdered(context, first![0]!, second![0]!);
    });
    return answer!;
  }

  it.each([
    ['two calls on one local object', 'async function f(page) { await page.click(a); await page.fill(b); }', true],
    [
      'two calls on one `this` field',
      'class C { async m() { f(); } }\nasync function f() { await this.repo.save(a); await this.repo.find(b); }',
      true,
    ],
    [
      'two writes through one module',
      "import db from 'db';\nasync function f() { await db.insert(a); await db.insert(b); }",
      true,
    ],
    [
      'two reads through one module',
      "import db from 'db';\nasync function f() { await db.find(a); await db.find(b); }",
      false,
    ],
    [
      'a write and a call sharing an argument',
      'async function f(dir, name) { await mkdir(dir); await writeFile(join(dir, name)); }',
      true,
    ],
    ['unrelated calls', 'async function f(a, b) { await getUser(a); await getOrder(b); }', false],
    ['data methods', 'async function f(ids) { ids.map(g); ids.filter(h); }', false],
  ])('%s: %s', (_title, code, expected) => {
    expect(ordered(code)).toBe(expected);
  });
});

describe('isPacingExpression', () => {
  it.each([
    ['a timer promise by origin', "import { setTimeout } from 'node:timers/promises';\nask(setTimeout(100));", true],
    ['a helper named like a pause', 'ask(sleep(100));\nask(this.backoff(attempt));', true],
    ['new Promise around a timer', 'ask(new Promise((resolve) => setTimeout(resolve, 10)));', true],
    ['new Promise(setImmediate)', 'ask(new Promise(setImmediate));', true],
    [
      'a promisified timer',
      "import { promisify } from 'node:util';\nconst wait = promisify(setTimeout);\nask(wait(10));",
      true,
    ],
    ['a chain on a pause', 'ask(sleep(10).then(next));', true],
    ['ordinary work', 'ask(fetchUser(id));\nask(new Promise((resolve) => load(resolve)));', false],
  ])('%s', (_title, code, expected) => {
    const answers = probeAsked({ code }, isPacingExpression);
    expect(answers.length).toBeGreaterThan(0);
    expect(new Set(answers)).toEqual(new Set([expected]));
  });
});

describe('pacesInCallee', () => {
  const sleep = "import { setTimeout as sleep } from 'node:timers/promises';\n";
  it.each([
    [
      'a helper that works and then sleeps paces',
      'async function polite(u) { const r = await get(u); await sleep(1000); return r; }',
      true,
    ],
    [
      "a helper whose only wait is the sleep stands for latency (the guides' fetch_data)",
      'async function fetchData(u) { await sleep(1000); return u; }',
      false,
    ],
    [
      'a backoff in a catch is not pacing',
      'async function retry(u) { for (;;) { try { return await get(u); } catch { await sleep(100); } } }',
      false,
    ],
    ['a helper that never sleeps', 'async function plain(u) { return get(u); }', false],
  ])('%s', (_title, helper, expected) => {
    const code = `${sleep}${helper}\nask(${/function (\w+)/u.exec(helper)![1]}(url));`;
    expect(probeAsked({ code }, pacesInCallee)).toEqual([expected]);
  });
});
