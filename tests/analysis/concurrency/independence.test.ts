import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { containsAwait, isFunctionNode, isLoopNode, walkAst } from '../../../src/analysis/ast.js';
import { type AwaitedStatement, classifyAwaitStatement } from '../../../src/analysis/concurrency/awaited-statements.js';
import {
  awaitsPromise,
  findIndependentGroups,
  judgeLoop,
  type LoopVerdict,
  startsNewWork,
} from '../../../src/analysis/concurrency/independence.js';
import { getOrderingPatterns } from '../../../src/analysis/concurrency/ordering.js';
import { probe, probeAsked, type Snippet } from '../harness.js';

const patterns = getOrderingPatterns({});

const both = (code: string): Snippet[] => [
  { code, filename: 'file.js' },
  { code, filename: 'file.ts' },
];

describe('startsNewWork', () => {
  it.each([
    ['a call', 'ask(load(id));', true],
    ['new', 'ask(new Worker(url));', true],
    ['a promise started earlier', 'ask(pending);', false],
    ['a chain on a call starts what the call starts', 'ask(load(id).then(parse));', true],
    ['a chain on a started promise', 'ask(pending.catch(log).finally(done));', false],
    ['Promise.resolve() starts nothing', 'ask(Promise.resolve(1));', false],
    ['Promise.all over started promises', 'ask(Promise.all([a, b]));\nask(Promise.all(list));', false],
    ['Promise.all over new calls', 'ask(Promise.all([load(a), b]));\nask(Promise.all(ids.map(load)));', true],
  ])('%s', (_title, code, expected) => {
    const answers = probeAsked({ code }, (_context, expression) => startsNewWork(expression));
    expect(new Set(answers)).toEqual(new Set([expected]));
  });
});

describe('awaitsPromise', () => {
  it('is false only where the awaited value is known not to be a promise', () => {
    const code =
      'function cached() { return 1; }\nasync function load() {}\nask(cached());\nask(load());\nask(unknown());';
    expect(probeAsked({ code }, awaitsPromise)).toEqual([false, true, true]);
  });

  it('with types, a plain return type says no and `any` stays possible', () => {
    const code =
      'declare function cached(): { id: number };\ndeclare function load(): Promise<number>;\ndeclare const anything: any;\nask(cached());\nask(load());\nask(anything());';
    expect(probeAsked({ code, typed: true }, awaitsPromise)).toEqual([false, true, true]);
  });
});

/** The groups of the awaited statements of `f`'s body, as statement indexes. */
function groups(snippet: Snippet): number[][] {
  const [found] = probe(snippet, 'FunctionDeclaration[id.name="f"] > BlockStatement', (context, body) => {
    const statements = (body as TSESTree.BlockStatement).body;
    const items = statements
      .map((statement) => classifyAwaitStatement(statement))
      .filter((item): item is AwaitedStatement => item !== undefined);
    return findIndependentGroups(context, items, patterns).map((group) =>
      group.map((item) => statements.indexOf(item.statement as TSESTree.Statement)),
    );
  });
  return found!;
}

describe('findIndependentGroups', () => {
  it.each(
    both('async function f(a, b) { const user = await getUser(a); const order = await getOrder(b); await save(x); }'),
  )('independent reads group; a named ordered call stands alone ($filename)', (snippet) => {
    expect(groups(snippet)).toEqual([[0, 1]]);
  });

  it.each([
    [
      'a statement needing the result before it',
      'async function f(id) { const user = await getUser(id); const orders = await getOrders(user.id); }',
      [],
    ],
    ['pacing between them splits the run', 'async function f() { await getA(); await sleep(10); await getB(); }', []],
    ['a promise started earlier', 'async function f(p) { await getA(); await p; }', []],
    ['two calls on one page', 'async function f(page) { await page.click(a); await page.fill(b); }', []],
    [
      'a dependent statement starts a new group',
      'async function f() { const a = await getA(); const b = await getB(); const c = await getC(a); const d = await getD(); }',
      [
        [0, 1],
        [2, 3],
      ],
    ],
  ])('%s', (_title, code, expected) => {
    expect(groups({ code })).toEqual(expected);
  });
});

/** The verdict on the only loop of `f`, with its direct awaits and whether an await sits in its head. */
function verdict(snippet: Snippet): LoopVerdict {
  const [found] = probe(
    snippet,
    'FunctionDeclaration[id.name="f"] > BlockStatement > :matches(ForStatement, ForOfStatement, ForInStatement, WhileStatement, DoWhileStatement)',
    (context, node) => {
      if (!isLoopNode(node)) throw new Error('not a loop');
      const direct: TSESTree.AwaitExpression[] = [];
      walkAst(node.body, context.sourceCode.visitorKeys, (current) => {
        if (isFunctionNode(current) || (current !== node.body && isLoopNode(current))) return false;
        if (current.type === AST_NODE_TYPES.AwaitExpression) direct.push(current);
        return true;
      });
      const head =
        node.type === AST_NODE_TYPES.ForStatement
          ? [node.test, node.update]
          : node.type === AST_NODE_TYPES.WhileStatement || node.type === AST_NODE_TYPES.DoWhileStatement
            ? [node.test]
            : [];
      const inHead = head.some((part) => part !== null && containsAwait(context.sourceCode, part));
      return judgeLoop(context, node, direct, inHead, patterns);
    },
  );
  return found!;
}

describe('judgeLoop', () => {
  it.each(both('async function f(ids) { for (const id of ids) { await load(id); } }'))(
    'independent iterations over a collection ($filename)',
    (snippet) => {
      expect(verdict(snippet)).toEqual({ independent: true, small: false });
    },
  );

  it.each([
    [
      'a short literal list is small',
      "async function f() { for (const id of ['a', 'b']) await load(id); }",
      { independent: true, small: true },
    ],
    [
      'a counter up to 10 is small',
      'async function f() { for (let i = 0; i < 10; i++) await load(i); }',
      { independent: true, small: true },
    ],
    [
      'for await',
      'async function f(stream) { for await (const chunk of stream) await save(chunk); }',
      { independent: false, reason: 'for-await' },
    ],
    [
      'an await in the test',
      'async function f() { while (await hasMore()) await next(); }',
      { independent: false, reason: 'await-in-test' },
    ],
    [
      'pacing',
      'async function f(ids) { for (const id of ids) { await load(id); await sleep(100); } }',
      { independent: false, reason: 'pacing' },
    ],
    [
      'nothing new awaited',
      'async function f(ps) { for (const p of ps) await p; }',
      { independent: false, reason: 'no-new-work' },
    ],
    [
      'the same work each time',
      'async function f(ids) { for (const id of ids) await poll(); }',
      { independent: false, reason: 'same-work' },
    ],
    [
      'each function of a list called in turn',
      'async function f(ops) { const results = []; for (const op of ops) results.push(await op()); return results; }',
      { independent: false, reason: 'calls-each-function' },
    ],
    [
      'each hook applied in turn',
      'async function f(hooks, args) { for (let hook of hooks) { if (typeof hook === "object") hook = hook.fn; await hook.apply(this, args); } }',
      { independent: false, reason: 'calls-each-function' },
    ],
    [
      'a method of each element is not the element called',
      'async function f(users) { for (const user of users) await user.load(); }',
      { independent: true, small: false },
    ],
    [
      'a retry',
      'async function f(ids) { for (const id of ids) { try { await load(id); break; } catch {} } }',
      { independent: false, reason: 'retry' },
    ],
    [
      'an exit on an awaited result',
      'async function f(ids) { for (const id of ids) { const user = await load(id); if (user.admin) break; } }',
      { independent: false, reason: 'early-exit' },
    ],
    [
      'a loop-carried value',
      'async function f(ids) { let cursor; for (const id of ids) { cursor = await load(id, cursor); } }',
      { independent: false, reason: 'loop-carried' },
    ],
    [
      'a stateful local receiver',
      'async function f(ids, parser) { for (const id of ids) await parser.feed(id); }',
      { independent: false, reason: 'stateful-receiver' },
    ],
    [
      'an ordered call',
      'async function f(urls) { for (const url of urls) await browser.goto(url); }',
      { independent: false, reason: 'ordered-call' },
    ],
    [
      'writes',
      'async function f(rows) { for (const row of rows) await db.insertRow(row); }',
      { independent: false, reason: 'writes' },
    ],
    [
      'collecting results is not a dependency',
      'async function f(ids) { const users = []; for (const id of ids) users.push(await load(id)); return users; }',
      { independent: true, small: false },
    ],
  ])('%s', (_title, code, expected) => {
    expect(verdict({ code })).toEqual(expected);
  });
});
