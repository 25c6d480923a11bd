import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import {
  classifyMisuse,
  isExcusedMisuse,
  isLazyInitialisationCheck,
  isMisuseCandidate,
  isPromiseVariableHandedOn,
  type Misuse,
} from '../../../src/analysis/promises/misuse.js';
import { findVariableAt } from '../../../src/analysis/scope.js';
import { probe, probeAsked } from '../harness.js';

/** `classifyMisuse` of every identifier `p` in the code. */
function misuses(code: string, filename = 'file.js'): (Misuse | undefined)[] {
  return probe({ code, filename }, 'Identifier[name="p"]', (context, node) => classifyMisuse(context, node));
}

describe('classifyMisuse', () => {
  it.each([
    [
      'conditions (without types, none is marked as a strictNullChecks error: nothing shows the option on)',
      'if (p) {}\nwhile (p) {}\np ? a : b;\n!p;\nfor (; p; ) {}',
      Array(5).fill({ kind: 'condition' }),
    ],
    [
      'the left of && and ||, and the right where the whole is a condition',
      'p && a;\nif (a || p) {}\na ?? p;\nx = a && p;',
      [{ kind: 'condition' }, { kind: 'condition' }, undefined, undefined],
    ],
    [
      'strings',
      '`${p}`;\n"id: " + p;\np.toString();\ntag`${p}`;',
      [{ kind: 'string' }, { kind: 'string' }, { kind: 'string' }, undefined],
    ],
    [
      'arithmetic the compiler accepts',
      'p + x;\n-p;\nx += p;',
      [{ kind: 'arithmetic' }, { kind: 'arithmetic' }, { kind: 'arithmetic' }],
    ],
    [
      'arithmetic and comparisons the compiler rejects',
      'p * 2;\np < 3;\np === 1;\nx *= p;\np + 1;\n2n + p;\np + -(2 * 3);',
      Array(7).fill({ kind: 'arithmetic', typeError: true }),
    ],
    [
      'comparisons with null or a name are fine',
      'p === null;\np !== undefined;\np === q;',
      [undefined, undefined, undefined],
    ],
    [
      'members a promise lacks, and not those it has',
      'p.name;\np.then(f);\np.constructor;\np.label = 1;\np[k];',
      [{ kind: 'member', member: 'name', typeError: true }, undefined, undefined, undefined, undefined],
    ],
    [
      'destructuring, spread and iteration',
      'const { id } = p;\nconst [a] = p;\nconst { then } = p;\n({ id } = p);\nf(...p);\n[...p];\n({ ...p });\nfor (const x of p) {}',
      [
        { kind: 'destructuring', typeError: true },
        { kind: 'destructuring', typeError: true },
        undefined,
        { kind: 'destructuring', typeError: true },
        { kind: 'spread', typeError: true },
        { kind: 'spread', typeError: true },
        { kind: 'spread' },
        { kind: 'iteration', typeError: true },
      ],
    ],
    [
      'value sinks by origin, naming the API',
      'console.log(p);\nJSON.stringify(p);\nNumber(p);\nlog(p);\np();',
      [
        { kind: 'logged', api: 'console.log' },
        { kind: 'logged', api: 'JSON.stringify' },
        { kind: 'arithmetic', api: 'Number' },
        undefined,
        undefined,
      ],
    ],
    [
      'fine where it is handed on',
      'await p;\nreturn p;\nconst q = p;\nf(p);\nPromise.all([p]);',
      [undefined, undefined, undefined, undefined, undefined],
    ],
  ])('%s', (_title, code, expected) => {
    const wrapped = `async function outer() {\n${code}\n}`;
    expect(misuses(wrapped)).toEqual(expected);
    expect(misuses(wrapped, 'file.ts')).toEqual(expected);
  });

  it('marks a tested call the compiler rejects under strictNullChecks (TS2801), and no other condition (typed)', () => {
    const code = [
      'if (load()) {}',
      'x = load() ? 1 : 2;',
      'if (a && (load() || b)) {}',
      'x = (a || load()) ? 1 : 2;',
      'x = load() && a;',
      'while (load()) {}',
      'x = !load();',
      'x = load() || a;',
      'x = a && load();',
      'if (load() as any) {}',
    ].join('\n');
    const strict = { kind: 'condition', typeError: 'strictNullChecks' };
    const answers = probe(
      { code: `async function outer() {\n${code}\n}`, filename: 'file.ts', typed: true },
      'CallExpression',
      (context, node) => classifyMisuse(context, node),
    );
    expect(answers).toEqual([
      strict,
      strict,
      strict,
      strict,
      strict,
      { kind: 'condition' },
      { kind: 'condition' },
      { kind: 'condition' },
      undefined,
      { kind: 'condition' },
    ]);
  });

  it('marks a tested name or member only when nothing else in the chain or the branch mentions it (typed)', () => {
    const code = [
      'if (p) {}',
      'if (p) { use(p); }',
      'x = p && p.then(f);',
      'x = p && 1;',
      'if (a.p) {} else { use(a.p); }',
      'if (a.p) { use(a.q); }',
      'if (a.p) { use(b.p); }',
      'while (p) {}',
    ].join('\n');
    const strict = { kind: 'condition', typeError: 'strictNullChecks' };
    const answers = probe(
      { code: `async function outer() {\n${code}\n}`, filename: 'file.ts', typed: true },
      ':matches(IfStatement, WhileStatement) > .test, LogicalExpression > .left',
      (context, node) => classifyMisuse(context, node),
    );
    expect(answers).toEqual([
      strict,
      { kind: 'condition' },
      { kind: 'condition' },
      strict,
      strict,
      strict,
      { kind: 'condition' },
      { kind: 'condition' },
    ]);
  });

  it('looks through TypeScript wrappers', () => {
    expect(misuses('if (p as any) {}\n(p!).name;', 'file.ts')).toEqual([
      { kind: 'condition' },
      { kind: 'member', member: 'name', typeError: true },
    ]);
  });
});

describe('isMisuseCandidate', () => {
  it('is the expressions that can hold a promise', () => {
    const code =
      'ask(p);\nask(a.b);\nask(f());\nask(new C());\nask(import("x"));\nask(tag``);\nask(1);\nask([p]);\nask(() => p);';
    expect(probeAsked({ code }, (_context, node) => isMisuseCandidate(node))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('isExcusedMisuse', () => {
  it('excuses an existence check on a promise-or-nothing, and a member a thenable has (typed)', () => {
    const code = [
      "import { select } from './floating-lib.js';",
      'declare const cached: Promise<number> | undefined;',
      'declare const pending: Promise<number>;',
      'ask(cached);',
      'ask(pending);',
      "ask(select('t'));",
    ].join('\n');
    const answers = probeAsked({ code, typed: true }, (context, node) => [
      isExcusedMisuse(context, node, { kind: 'condition' }),
      isExcusedMisuse(context, node, { kind: 'member', member: 'where' }),
      isExcusedMisuse(context, node, { kind: 'string' }),
    ]);
    expect(answers).toEqual([
      [true, false, false],
      [false, false, false],
      [false, true, false],
    ]);
  });
});

describe('isPromiseVariableHandedOn', () => {
  it('is true when some read awaits, returns or passes the promise on', () => {
    const code = [
      'async function a() { const p = load(); if (p) {} await p; }',
      'async function b() { const p = load(); console.log(`${p}`); }',
      'function c() { const p = load(); p.name; return p; }',
      'function d() { const p = load(); p * 2; }',
    ].join('\n');
    const answers = probe({ code }, 'VariableDeclarator', (context, node) => {
      const id = (node as TSESTree.VariableDeclarator).id as TSESTree.Identifier;
      return isPromiseVariableHandedOn(context, findVariableAt(context.sourceCode, id, id)!);
    });
    expect(answers).toEqual([true, false, true, false]);
  });
});

/** `isLazyInitialisationCheck` for the subject of every `if`, `?:` and statement-level `&&`/`||`, inside `!`. */
function lazyChecks(code: string): boolean[] {
  return probe(
    { code: `class Store {\n  #conn: unknown;\n  async m() {\n${code}\n  }\n}`, filename: 'file.ts' },
    'IfStatement, ConditionalExpression, ExpressionStatement > LogicalExpression',
    (context, node) => {
      let subject: TSESTree.Node =
        node.type === AST_NODE_TYPES.LogicalExpression
          ? node.left
          : (node as TSESTree.IfStatement | TSESTree.ConditionalExpression).test;
      while (subject.type === AST_NODE_TYPES.UnaryExpression || subject.type === AST_NODE_TYPES.LogicalExpression)
        subject = subject.type === AST_NODE_TYPES.UnaryExpression ? subject.argument : subject.left;
      return isLazyInitialisationCheck(context, subject);
    },
  );
}

describe('isLazyInitialisationCheck', () => {
  it('is a test of a variable or member that the branch returns, awaits or assigns', () => {
    const code = [
      'if (this.pending) return this.pending;',
      'if (!cache) cache = load();',
      'const value = cached ? cached : load();',
      'this.ready || (this.ready = init());',
      'if (this.#conn && !closed) { await this.#conn; }',
    ].join('\n');
    expect(lazyChecks(code)).toEqual([true, true, true, true, true]);
  });

  it('is not a call, a branch that does nothing with it, a later callback, or another reference', () => {
    const code = [
      'if (isAdmin()) return isAdmin();',
      'if (this.pending) start();',
      'if (this.pending) setTimeout(() => { this.pending = null; });',
      'if (a.p) return b.p;',
    ].join('\n');
    expect(lazyChecks(code)).toEqual([false, false, false, false]);
  });

  it('excuses the condition on a field declared a promise (typed)', () => {
    const code =
      'class Db {\n  connection: Promise<number> = Promise.resolve(0);\n  connect() {\n    if (this.connection) return this.connection;\n    if (this.connection) console.log(1);\n  }\n}';
    const answers = probe({ code, typed: true }, 'IfStatement > MemberExpression.test', (context, node) =>
      isExcusedMisuse(context, node, { kind: 'condition' }),
    );
    expect(answers).toEqual([true, false]);
  });
});

describe('isExcusedMisuse: a promise a listener is handed', () => {
  it('excuses logging it in a listener, and printing it in a process rejection listener (process by origin)', () => {
    const code = [
      "import proc from 'node:process';",
      "process.on('unhandledRejection', (reason, promise) => console.error(promise));",
      "proc.once('rejectionHandled', (late) => console.warn(late));",
      "emitter.on('settled', (job) => console.log(job));",
      "const local = { on(event, listener) {} };\nlocal.on('unhandledRejection', (r, p) => console.error(p));",
      'jobs.forEach((job) => console.log(job));',
      'function report(job) { console.log(job); }',
    ].join('\n');
    const answers = probe({ code }, 'CallExpression[callee.object.name="console"] > Identifier', (context, node) => [
      isExcusedMisuse(context, node, { kind: 'logged', api: 'console.log' }),
      isExcusedMisuse(context, node, { kind: 'string' }),
    ]);
    expect(answers).toEqual([
      [true, true],
      [true, true],
      [true, false],
      [true, false],
      [false, false],
      [false, false],
    ]);
  });
});
