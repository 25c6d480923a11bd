import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { type AwaitedStatement, classifyAwaitStatement } from '../../../src/analysis/concurrency/awaited-statements.js';
import {
  planLoopPromiseAll,
  planSequentialPromiseAll,
  classifyLoopRewrite,
} from '../../../src/analysis/fixes/promise-all.js';
import { applyFixes } from '../harness.js';

/** Merges every awaited statement of the body of `f` into one `Promise.all`. */
function mergeBody(code: string, filename = 'file.js'): string {
  return applyFixes({ code, filename }, 'FunctionDeclaration[id.name="f"] > BlockStatement', (fixer, context, node) => {
    const items = (node as TSESTree.BlockStatement).body
      .map((statement) => classifyAwaitStatement(statement))
      .filter((item): item is AwaitedStatement => item !== undefined);
    return planSequentialPromiseAll(context.sourceCode, items)?.apply(fixer);
  });
}

function rewriteLoop(code: string, iterableIsArray: boolean): string {
  return applyFixes({ code }, 'ForOfStatement', (fixer, context, node) => {
    const rewrite = classifyLoopRewrite(node);
    return rewrite ? planLoopPromiseAll(context.sourceCode, rewrite, iterableIsArray)?.apply(fixer) : undefined;
  });
}

describe('planSequentialPromiseAll', () => {
  it('declarations, holes for ignored results, trailing ones left out', () => {
    expect(mergeBody('async function f() { await a(); const b = await g(); await h(); }')).toBe(
      'async function f() { const [, b] = await Promise.all([a(), g(), h()]); }',
    );
  });

  it('type annotations become a tuple, with unknown for ignored results', () => {
    expect(mergeBody('async function f() { const a: A = await g(); await h(); }', 'file.ts')).toBe(
      'async function f() { const [a]: [A, unknown] = await Promise.all([g(), h()]); }',
    );
  });

  it('assignments after a line without a semicolon get one', () => {
    expect(mergeBody('async function f() {\n  use()\n  x = await g()\n  y = await h()\n}')).toBe(
      'async function f() {\n  use()\n  ;[x, y] = await Promise.all([g(), h()]);\n}',
    );
  });

  it('no semicolon after a block or an opening brace', () => {
    expect(mergeBody('async function f() {\n  if (c) {}\n  x = await g()\n  y = await h()\n}')).toBe(
      'async function f() {\n  if (c) {}\n  [x, y] = await Promise.all([g(), h()]);\n}',
    );
  });

  it('keeps comments between statements, tabs for tab-indented code', () => {
    expect(mergeBody('async function f() {\n\tawait g(); /* g */\n\t// h\n\tawait h();\n}')).toBe(
      'async function f() {\n\tawait Promise.all([\n\t\tg(), /* g */\n\t\t// h\n\t\th(),\n\t]);\n}',
    );
  });

  it('withholds the fix for mixed declarations, comments inside statements, and a local Promise', () => {
    for (const code of [
      'async function f() { const a = await g(); let b = await h(); }',
      'async function f() { const a = await g(); x = await h(); }',
      'async function f() { const a: A = await g(); const b = await h(); }',
      'async function f() { const a /* ! */ = await g(); const b = await h(); }',
      'class Promise {} async function f() { await g(); await h(); }',
    ]) {
      const filename = code.includes(': A') ? 'file.ts' : 'file.js';
      expect(mergeBody(code, filename)).toBe(code);
    }
  });
});

describe('planLoopPromiseAll', () => {
  it('maps an array, or any iterable through Array.from', () => {
    expect(rewriteLoop('async function f() { for (const x of xs) await g(x); }', true)).toBe(
      'async function f() { await Promise.all(xs.map((x) => g(x))); }',
    );
    expect(rewriteLoop('async function f() { for (const x of a || b) await g(x); }', true)).toBe(
      'async function f() { await Promise.all((a || b).map((x) => g(x))); }',
    );
    expect(rewriteLoop('async function f() { for (const x of set) { await g(x); } }', false)).toBe(
      'async function f() { await Promise.all(Array.from(set, (x) => g(x))); }',
    );
  });

  it('pushes results in order', () => {
    expect(rewriteLoop('async function f() { for (const { id } of xs) this.out.push(await g(id)); }', true)).toBe(
      'async function f() { this.out.push(...(await Promise.all(xs.map(({ id }) => g(id))))); }',
    );
  });

  it('leaves other bodies, labelled loops, nested awaits and comments alone', () => {
    for (const code of [
      'async function f() { for (const x of xs) { await g(x); await h(x); } }',
      'async function f() { outer: for (const x of xs) await g(x); }',
      'async function f() { for (const x of xs) await g(await h(x)); }',
      'async function f() { for (const x of xs) { /* slow */ await g(x); } }',
      'async function f() { for await (const x of xs) await g(x); }',
    ]) {
      expect(rewriteLoop(code, true)).toBe(code);
    }
  });
});
