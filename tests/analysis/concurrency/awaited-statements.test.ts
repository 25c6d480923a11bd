import { describe, expect, it } from 'vitest';

import { classifyAwaitStatement } from '../../../src/analysis/concurrency/awaited-statements.js';
import { probe } from '../harness.js';

describe('classifyAwaitStatement', () => {
  it('recognises the three shapes and nothing else', () => {
    const kinds = [
      'await f();',
      'const a = await f();',
      'x = await f();',
      'let a = await f(), b = 1;',
      'x += await f();',
      'f(await g());',
    ].map((code) => {
      const [kind] = probe(
        { code: `async function f() { ${code} }` },
        'FunctionDeclaration > BlockStatement > *',
        (_context, node) => classifyAwaitStatement(node)?.kind,
      );
      return kind;
    });
    expect(kinds).toEqual(['expression', 'declaration', 'assignment', undefined, undefined, undefined]);
  });

  it('what each shape keeps: the statement, the await, its argument and the binding', () => {
    const [declaration, assignment] = probe(
      { code: 'async function f() { let { a }: T = await load(); this.b = await save(); }', filename: 'file.ts' },
      'FunctionDeclaration > BlockStatement > *',
      (context, node) => {
        const item = classifyAwaitStatement(node)!;
        const binding =
          item.kind === 'declaration'
            ? `${item.declarationKind} ${context.sourceCode.getText(item.id)}`
            : item.kind === 'assignment'
              ? context.sourceCode.getText(item.target)
              : '';
        return [item.kind, context.sourceCode.getText(item.argument), binding, item.awaited.argument === item.argument];
      },
    );
    expect(declaration).toEqual(['declaration', 'load()', 'let { a }: T', true]);
    expect(assignment).toEqual(['assignment', 'save()', 'this.b', true]);
  });

  it('not `using`, a logical assignment or an await inside a larger expression', () => {
    const kinds = probe(
      {
        code: 'async function f() { using r = await g(); x ||= await h(); const y = (await h()).z; }',
        filename: 'file.ts',
      },
      'FunctionDeclaration > BlockStatement > *',
      (_context, node) => classifyAwaitStatement(node)?.kind,
    );
    expect(kinds).toEqual([undefined, undefined, undefined]);
  });
});
