import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { findVariableAt, getDeclaredInit, isNamespaceLikeName, isReassigned } from '../../src/analysis/scope.js';
import { probe, probeAsked } from './harness.js';

describe('isNamespaceLikeName', () => {
  it('is true for namespace imports, classes, functions, enums, TS namespaces and built-in globals', () => {
    const code = [
      "import * as Effect from 'effect';",
      "import { pipe } from 'effect';",
      'class Repo {}',
      'function helper() {}',
      'enum Color { Red }',
      'namespace Utils { export const x = 1; }',
      'const value = load();',
      'ask(Effect);',
      'ask(Repo);',
      'ask(helper);',
      'ask(Color);',
      'ask(Utils);',
      'ask(Math);',
      'ask(console);',
      'ask(pipe);',
      'ask(value);',
      'ask(undeclared);',
      'ask(value.member);',
    ].join('\n');
    const expected = [true, true, true, true, true, true, true, false, false, false, false];
    expect(
      probeAsked({ code, filename: 'file.ts' }, (context, node) => isNamespaceLikeName(context.sourceCode, node)),
    ).toEqual(expected);
  });
});

describe('isReassigned and getDeclaredInit', () => {
  it('tell a variable written once by its declaration, and its initialiser', () => {
    const code = [
      'const a = load();',
      'let b = 1;',
      'b = 2;',
      'let c;',
      'c = 3;',
      'const { d } = obj;',
      'for (let e of list) {}',
      'let f = 0;',
      'f++;',
    ].join('\n');
    const answers = probe({ code }, 'VariableDeclarator', (context, node) => {
      const declarator = node as TSESTree.VariableDeclarator;
      const id = (
        declarator.id.type === AST_NODE_TYPES.ObjectPattern
          ? (declarator.id.properties[0] as TSESTree.Property).value
          : declarator.id
      ) as TSESTree.Identifier;
      const variable = findVariableAt(context.sourceCode, id, id)!;
      const init = getDeclaredInit(variable);
      return [isReassigned(variable), init && context.sourceCode.getText(init)];
    });
    expect(answers).toEqual([
      [false, 'load()'],
      [true, '1'],
      [true, undefined],
      [false, undefined],
      [false, undefined],
      [true, '0'],
    ]);
  });
});
