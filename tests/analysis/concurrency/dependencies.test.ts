import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import {
  dependsOn,
  describeKey,
  type Effects,
  getEffects,
  isModuleLevel,
} from '../../../src/analysis/concurrency/dependencies.js';
import { probe, type Snippet } from '../harness.js';

interface Described {
  reads: string[];
  writes: string[];
  collects: string[];
  mayMutate: string[];
  calls: string[];
}

function describe_(effects: Effects, text: (node: TSESTree.Node) => string): Described {
  const names = (set: ReadonlySet<Parameters<typeof describeKey>[0]>) => [...set].map(describeKey).sort();
  return {
    reads: names(effects.reads),
    writes: names(effects.writes),
    collects: names(effects.collects),
    mayMutate: names(effects.mayMutate),
    calls: effects.calls.map((site) => `${text(site.node.callee)}@${site.depth}`),
  };
}

/** Effects of every statement of the body of the function `f`. */
function statementEffects(
  snippet: Snippet,
  selector = 'FunctionDeclaration[id.name="f"] > BlockStatement > *',
): Described[] {
  return probe(snippet, selector, (context, node) =>
    describe_(getEffects(context, node), (n) => context.sourceCode.getText(n)),
  );
}

/** Does statement `later` of `f` depend on statement `earlier`? */
function dependencies(snippet: Snippet, earlier: number, later: number): boolean {
  const effects = probe(snippet, 'FunctionDeclaration[id.name="f"] > BlockStatement > *', (context, node) =>
    getEffects(context, node),
  );
  return dependsOn(effects[earlier]!, effects[later]!);
}

const both = (code: string): Snippet[] => [
  { code, filename: 'file.js' },
  { code, filename: 'file.ts' },
];

describe('getEffects', () => {
  it.each(both('async function f(id) { const user = await fetchUser(id); user.name = "x"; }'))(
    'variables by scope ($filename)',
    (snippet) => {
      expect(statementEffects(snippet)).toEqual([
        { reads: ['global:fetchUser', 'id'], writes: ['user'], collects: [], mayMutate: [], calls: ['fetchUser@0'] },
        { reads: ['user'], writes: ['user'], collects: [], mayMutate: [], calls: [] },
      ]);
    },
  );

  it('tells shadowed names apart', () => {
    const [outer, inner] = probe(
      { code: 'function f() { let a = 1; { let a = 2; } }' },
      'VariableDeclarator',
      (context, node) => [...getEffects(context, node).writes][0],
    );
    expect(outer).not.toBe(inner);
  });

  it('tracks this.x members and computed this[k]', () => {
    expect(
      statementEffects({ code: 'class C { m() { function f() { this.a = this.b; this[k] = 1; } } }' }).map((e) => [
        e.reads,
        e.writes,
      ]),
    ).toEqual([
      [['this.b'], ['this.a']],
      [['global:k'], ['this.*']],
    ]);
  });

  it('collects into arrays, sets, maps and objects by key, without counting a read', () => {
    expect(
      statementEffects({
        code: 'function f(x) { out.push(x); seen.add(x); byId.set(x, 1); index[x] = 1; this.list.push(x); }',
      }).map((e) => [e.collects, e.reads]),
    ).toEqual([
      [['global:out'], ['x']],
      [['global:seen'], ['x']],
      [['global:byId'], ['x']],
      [['global:index'], ['x']],
      [['this.list'], ['x']],
    ]);
  });

  it('mutating and reading methods, and unknown methods of local objects', () => {
    const code =
      "import db from './db.js'; async function f(queue, ids, user, cache) { queue.shift(); ids.includes(1); user.load(); db.getObject(1); await cache.get(1); }";
    expect(statementEffects({ code }).map((e) => [e.writes, e.mayMutate])).toEqual([
      [['queue'], []],
      [[], []],
      [[], ['user']],
      [[], []],
      // An awaited call is an operation, whatever its name.
      [[], ['cache']],
    ]);
  });

  it('follows same-file functions, keeping only what they touch outside themselves', () => {
    const code = `
      let token;
      async function refresh() { const fresh = await getToken(); token = fresh; }
      async function f() { await refresh(); }`;
    const [effects] = statementEffects({ code });
    expect(effects!.writes).toEqual(['token']);
    expect(effects!.calls).toEqual(['refresh@0', 'getToken@1']);
  });

  it('follows methods through this and maps parameter changes to the argument', () => {
    const code = `
      class C {
        async load() { this.config = await read(); }
        decorate(frame) { frame.user = 1; }
        m(frame) { this.load(); this.decorate(frame); }
      }`;
    const [load, decorate] = statementEffects(
      { code },
      'MethodDefinition[key.name="m"] > FunctionExpression > BlockStatement > *',
    );
    expect(load!.writes).toEqual(['this.config']);
    expect(decorate!.writes).toEqual(['frame']);
  });

  it('stops following recursion and at the depth limit', () => {
    const code =
      'function a() { b(); } function b() { c(); } function c() { d(); } function d() { x = 1; } function r() { r(); } function f() { a(); r(); }';
    const [chain, recursion] = statementEffects({ code });
    expect(chain!.writes).toEqual([]);
    expect(chain!.calls).toEqual(['a@0', 'b@1', 'c@2', 'd@3']);
    expect(recursion!.calls).toEqual(['r@0', 'r@1']);
    const deeper = probe({ code }, 'FunctionDeclaration[id.name="f"] > BlockStatement > *', (context, node) =>
      [...getEffects(context, node, 4).writes].map(describeKey),
    );
    expect(deeper[0]).toEqual(['global:x']);
  });

  it('ignores type-only references', () => {
    const [effects] = statementEffects({
      code: 'type T = { a: 1 }; function f() { const v: T = make(); }',
      filename: 'file.ts',
    });
    expect(effects!.reads).toEqual(['global:make']);
  });

  it('module bindings and module-level variables', () => {
    const answers = probe(
      {
        code: "import db from './db.js'; const api = require('./api'); const client = make(); function f(local) { db; api; client; local; }",
        filename: 'file.js',
      },
      'FunctionDeclaration[id.name="f"] ExpressionStatement',
      (context, node) => [...getEffects(context, node).reads].map(isModuleLevel),
    );
    expect(answers).toEqual([[true], [true], [true], [false]]);
  });
});

describe('dependsOn', () => {
  const cases: [string, number, number, boolean][] = [
    ['async function f() { const a = await x(); const b = await y(a); }', 0, 1, true],
    ['async function f() { const a = await x(); const b = await y(); }', 0, 1, false],
    ['async function f(c) { await x(c); c = await y(); }', 0, 1, true],
    ['async function f() { let a; a = await x(); a = await y(); }', 1, 2, true],
    ['async function f(u) { await u.load(); await render(u); }', 0, 1, true],
    ['class C { m() { function f() { this.a = 1; use(this.a); } } }', 0, 1, true],
    ['class C { m() { function f() { this[k] = 1; use(this.a); } } }', 0, 1, true],
    ['class C { m() { function f() { this.a = 1; use(this.b); } } }', 0, 1, false],
    ['function f(out, x) { out.push(x); use(out); }', 0, 1, true],
  ];
  it.each(cases)('%s: statement %i → %i is %s', (code, earlier, later, expected) => {
    expect(dependencies({ code }, earlier, later)).toBe(expected);
  });
});
