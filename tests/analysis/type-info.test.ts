import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { getTypeFlags, getTypeInfo } from '../../src/analysis/type-info.js';
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
