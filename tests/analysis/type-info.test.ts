import { AST_NODE_TYPES } from '@typescript-eslint/types';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { callReturnsNoThenable, getTypeFlags, getTypeInfo } from '../../src/analysis/type-info.js';
import { probeAsked, probeOne } from './harness.js';

describe('getTypeInfo', () => {
  it.each([
    ['espree', 'file.js'],
    ['typescript-eslint without a program', 'file.ts'],
  ])('is undefined without type information (%s)', (_title, filename) => {
    expect(probeOne({ code: 'x;', filename }, 'Program', (context) => getTypeInfo(context))).toBeUndefined();
  });

  it('gives the checker and the type of a node with type information, once per file', () => {
    const code = "const n = 1;\nask(n);\nask(Promise.resolve('x'));\nask(undefinedThing);";
    const infos: unknown[] = [];
    const types = probeAsked({ code, typed: true }, (context, expression) => {
      const info = getTypeInfo(context)!;
      infos.push(info);
      return info.checker.typeToString(info.typeOf(expression));
    });
    expect(types).toEqual(['1', 'Promise<string>', 'any']);
    expect(new Set(infos).size).toBe(1);
  });

  it('does not leak between files', () => {
    expect(probeOne({ code: 'x;', typed: true }, 'Program', (context) => getTypeInfo(context) !== undefined)).toBe(
      true,
    );
    expect(probeOne({ code: 'x;', filename: 'file.ts' }, 'Program', (context) => getTypeInfo(context))).toBeUndefined();
  });
});

describe('callReturnsNoThenable', () => {
  it('answers from the declared return types of every signature of the callee, whatever the type arguments', () => {
    const code = [
      'declare function isSome<A>(option: { value?: A }): option is { value: A };',
      'declare function lookup<K, V>(key: K): Map<K, V>;',
      'declare function count(items: string): number;',
      'declare function count(items: string[]): void;',
      'declare function identity<T>(value: T): T;',
      'declare function load(): Promise<string>;',
      'declare function list<T>(value: T): T[];',
      'declare function loose(): any;',
      'declare const maybe: (() => number) | undefined;',
      "ask(isSome({ value: 1 }));\nask(lookup('k'));\nask(count('a'));\nask(identity(1));",
      'ask(load());\nask(list(1));\nask(loose());\nask(maybe?.());',
    ].join('\n');
    const answers = probeAsked({ code, typed: true }, (context, expression) => {
      const info = getTypeInfo(context)!;
      const call = expression.type === AST_NODE_TYPES.ChainExpression ? expression.expression : expression;
      if (call.type !== AST_NODE_TYPES.CallExpression) throw new Error('a call expected');
      return callReturnsNoThenable(info.checker, info.services.esTreeNodeToTSNodeMap.get(call), call);
    });
    // Booleans, a Map, numbers or void: never a promise. A type parameter, a promise, an array, `any`, or a
    // callee that may be undefined: the call's own type must tell.
    expect(answers).toEqual([true, true, true, false, false, false, false, false]);
  });
});

describe('getTypeFlags', () => {
  it('equals ts.TypeFlags of the installed TypeScript', () => {
    const flags = probeOne({ code: 'x;', typed: true }, 'Program', (context) =>
      getTypeFlags(getTypeInfo(context)!.checker),
    );
    expect(flags).toEqual({
      Any: ts.TypeFlags.Any,
      Unknown: ts.TypeFlags.Unknown,
      Undefined: ts.TypeFlags.Undefined,
      Null: ts.TypeFlags.Null,
      Void: ts.TypeFlags.Void,
    });
  });
});
