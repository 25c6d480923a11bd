import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import {
  containsAwait,
  getCalleeName,
  getCalleePath,
  getCallOfArgument,
  getMethodName,
  getPatternTargets,
  getShortText,
  getStaticPropertyName,
  getThisClass,
  getValueParent,
  isCallee,
  isFunctionNode,
  isLoopNode,
  skipTypeWrappers,
  skipValueWrappers,
} from '../../src/analysis/ast.js';
import { probe, probeAsked, textOf } from './harness.js';

const ts = (code: string) => ({ code, filename: 'file.ts' });

describe('getStaticPropertyName', () => {
  it('names static accesses and leaves computed ones undefined', () => {
    const code = 'a.b;\na["c"];\na[`d`];\na?.e;\na.#f;\na[g];\na[`h${i}`];\na[1];';
    const names = probe({ code: `class K { #f; m(a) { ${code} } }` }, 'MemberExpression', (_context, node) =>
      getStaticPropertyName(node as TSESTree.MemberExpression),
    );
    expect(names).toEqual(['b', 'c', 'd', 'e', undefined, undefined, undefined, undefined]);
  });
});

describe('getCalleeName and getMethodName', () => {
  it.each([
    ['f()', 'f', undefined],
    ['a.b.f()', 'f', 'f'],
    ['a?.f()', 'f', 'f'],
    ['a["f"]()', 'f', 'f'],
    ['a[f]()', undefined, undefined],
    ['(() => 1)()', undefined, undefined],
    ['new Client()', 'Client', undefined],
  ])('%s', (code, callee, method) => {
    const [answer] = probe({ code }, 'CallExpression, NewExpression', (_context, node) => {
      const call = node as TSESTree.CallExpression;
      return [getCalleeName(call), node.type === AST_NODE_TYPES.CallExpression ? getMethodName(call) : undefined];
    });
    expect(answer).toEqual([callee, method]);
  });
});

describe('getPatternTargets', () => {
  it('lists what a pattern writes, through nesting, defaults and rests', () => {
    const code = '[a, { b: this.c, d = 1, ...e } = {}, ...[f]] = g;\nh.i = 1;';
    const targets = probe({ code: `function m() { ${code} }` }, 'AssignmentExpression', (context, node) =>
      getPatternTargets((node as TSESTree.AssignmentExpression).left).map((target) => textOf(context, target)),
    );
    expect(targets).toEqual([['a', 'this.c', 'd', 'e', 'f'], ['h.i']]);
  });
});

describe('containsAwait', () => {
  it('finds await and for await outside nested functions', () => {
    const code =
      'async function a() { await x; }\nasync function b() { for await (const y of ys) {} }\nasync function c() { return async () => { await x; }; }\nasync function d() { x; }';
    const answers = probe({ code }, 'FunctionDeclaration', (context, node) =>
      containsAwait(context.sourceCode, (node as TSESTree.FunctionDeclaration).body),
    );
    expect(answers).toEqual([true, true, false, false]);
  });
});

describe('skipTypeWrappers and getValueParent', () => {
  it('strips as, !, <T>, satisfies and instantiation expressions', () => {
    const code =
      'ask(p as Promise<void>);\nask(p!);\nask(<Promise<void>>p);\nask(p satisfies unknown);\nask((p as any)!);\nask(f<string>);';
    const stripped = probeAsked(ts(code), (context, node) => textOf(context, skipTypeWrappers(node)));
    expect(stripped).toEqual(['p', 'p', 'p', 'p', 'p', 'f']);
  });

  it('finds the parent through wrappers and chains', () => {
    const code = 'use((p as Promise<void>)!);\nuse(a?.b);';
    const parents = probe(ts(code), 'Identifier[name="p"], Identifier[name="a"]', (context, node) => {
      const target = node.parent?.type === AST_NODE_TYPES.MemberExpression ? node.parent : node;
      const { parent, child } = getValueParent(target);
      return [parent?.type, textOf(context, child)];
    });
    expect(parents).toEqual([
      ['CallExpression', '(p as Promise<void>)!'],
      ['CallExpression', 'a?.b'],
    ]);
  });

  it('skipValueWrappers goes down through what getValueParent goes up through', () => {
    const code = 'ask((p as Promise<void>)!);\nask(a?.b);\nask(<Promise<void>>(q satisfies unknown));\nask(f<string>);';
    const inner = probeAsked(ts(code), (context, node) => {
      const value = skipValueWrappers(node);
      return [value.type, textOf(context, value), getValueParent(value).child === node];
    });
    expect(inner).toEqual([
      ['Identifier', 'p', true],
      ['MemberExpression', 'a?.b', true],
      ['Identifier', 'q', true],
      // An instantiation expression is a new function value, not a wrapper of the same value: left as is.
      ['TSInstantiationExpression', 'f<string>', true],
    ]);
  });
});

describe('isCallee and getCallOfArgument', () => {
  it('tells callees from arguments, through wrappers', () => {
    const code = 'f(x);\n(f as Fn)(y);\nf!(z);\nnew F(w);\ng(1, f, 2);\ng(...f);\nconst h = f;';
    const answers = probe(ts(code), 'Identifier[name=/^[fF]$/]', (context, node) => {
      const argument = getCallOfArgument(node);
      return [isCallee(node), argument ? `${textOf(context, argument.call.callee)}#${argument.index}` : undefined];
    });
    expect(answers).toEqual([
      [true, undefined],
      [true, undefined],
      [true, undefined],
      [true, undefined],
      [false, 'g#1'],
      [false, undefined],
      [false, undefined],
    ]);
  });
});

describe('isFunctionNode', () => {
  it('is true for the three function node types only', () => {
    const code = 'function a() {}\nconst b = () => 1;\nconst c = function () {};\nclass D { m() {} }\nconst e = {};';
    const found = probe({ code }, 'Program > *', (_context, node) => {
      const value = node.type === AST_NODE_TYPES.VariableDeclaration ? node.declarations[0]?.init : node;
      return isFunctionNode(value);
    });
    expect(found).toEqual([true, true, true, false, false]);
    expect(isFunctionNode(undefined)).toBe(false);
  });
});

describe('getCalleePath and getShortText', () => {
  it('getCalleePath spells a static member chain, or its static end', () => {
    const code = 'ask(a);\nask(a.b.c);\nask(this.db.query);\nask(a?.b);\nask(a[k].c);\nask(f().c);\nask((a as any).b);';
    expect(probeAsked(ts(code), (_context, node) => getCalleePath(node))).toEqual([
      'a',
      'a.b.c',
      'this.db.query',
      'a.b',
      'c',
      'c',
      'a.b',
    ]);
  });

  it('getShortText quotes short one-line values only', () => {
    const code =
      "ask(user.name);\nask(load(\n  id,\n));\nask('x'.repeat(50) + 'a very long expression that goes on');\nask(p!);";
    expect(probeAsked(ts(code), (context, node) => getShortText(context.sourceCode, node))).toEqual([
      'user.name',
      undefined,
      undefined,
      'p',
    ]);
  });
});

describe('getThisClass', () => {
  it('is the class of the method, field or static block, through arrows, and nothing inside other functions', () => {
    const code = [
      'class A {',
      '  m() { ask(this); return () => ask(this); }',
      '  f = ask(this);',
      '  static { ask(this); }',
      '  g() { return function () { ask(this); }; }',
      '}',
      'const B = class { m() { ask(this); } };',
      'function plain() { ask(this); }',
      'ask(this);',
    ].join('\n');
    expect(
      probeAsked({ code }, (context, node) => {
        const found = getThisClass(node);
        return found && (found.id?.name ?? context.sourceCode.getText(found.parent).slice(0, 7));
      }),
    ).toEqual(['A', 'A', 'A', 'A', undefined, 'B = cla', undefined, undefined]);
  });
});

describe('isLoopNode', () => {
  it('is every loop statement', () => {
    const code =
      'for (;;) {}\nfor (k in o) {}\nfor (v of l) {}\nwhile (x) {}\ndo {} while (x);\nif (x) {}\nswitch (x) {}';
    expect(probe({ code }, 'Program > *', (_context, node) => isLoopNode(node))).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
