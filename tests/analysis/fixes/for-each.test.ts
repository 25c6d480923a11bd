import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { canAwaitAt } from '../../../src/analysis/execution/await-position.js';
import { planForEachToForOf, planForEachToPromiseAll } from '../../../src/analysis/fixes/for-each.js';
import { applyFixes, probe, type Snippet } from '../harness.js';

const FOR_EACH = 'CallExpression[callee.property.name="forEach"]';

function forOf(snippet: Snippet): string {
  return applyFixes(snippet, FOR_EACH, (fixer, context, node) =>
    planForEachToForOf(context.sourceCode, node as TSESTree.CallExpression, {
      canAwait: canAwaitAt(context, node),
    })?.apply(fixer),
  );
}

function convertible(snippet: Snippet): boolean[] {
  return probe(
    snippet,
    FOR_EACH,
    (context, node) =>
      planForEachToForOf(context.sourceCode, node as TSESTree.CallExpression, {
        canAwait: canAwaitAt(context, node),
      }) !== undefined,
  );
}

describe('planForEachToForOf', () => {
  it.each([
    [
      'block body',
      'async function f() { ids.forEach(async (id) => { await save(id); }); }',
      'async function f() { for (const id of ids) { await save(id); } }',
    ],
    [
      'expression body gets awaited',
      'async function f() { ids.forEach(async (id) => save(id)); }',
      'async function f() { for (const id of ids) { await save(id); } }',
    ],
    [
      'expression body that binds looser than await',
      'async function f() { ids.forEach(async (id) => id && save(id)); }',
      'async function f() { for (const id of ids) { await (id && save(id)); } }',
    ],
    [
      'a type annotation is dropped',
      'async function f(ids: string[]) { ids.forEach(async (id: string) => { await save(id); }); }',
      'async function f(ids: string[]) { for (const id of ids) { await save(id); } }',
    ],
    [
      'destructuring',
      'async function f() { users.forEach(async ({ id, name }) => { await save(id, name); }); }',
      'async function f() { for (const { id, name } of users) { await save(id, name); } }',
    ],
    [
      'a reassigned parameter becomes let',
      'async function f() { ids.forEach(async (id) => { id = id.trim(); await save(id); }); }',
      'async function f() { for (let id of ids) { id = id.trim(); await save(id); } }',
    ],
    [
      'comments inside the body stay',
      'async function f() { ids.forEach(async (id) => {\n  // one at a time\n  await save(id);\n}); }',
      'async function f() { for (const id of ids) {\n  // one at a time\n  await save(id);\n} }',
    ],
    [
      'a sequence receiver is parenthesised',
      'async function f() { (a, ids).forEach(async (id) => { await save(id); }); }',
      'async function f() { for (const id of (a, ids)) { await save(id); } }',
    ],
    [
      'a callback without awaits works in sync code',
      'function f() { ids.forEach(async (id) => { log(id); }); }',
      'function f() { for (const id of ids) { log(id); } }',
    ],
  ])('%s', (_title, code, expected) => {
    expect(forOf({ code, filename: 'file.ts' })).toBe(expected);
  });

  it('declines where the meaning would change', () => {
    const code = [
      'async function a() { ids.forEach(async (id, index) => { await save(id, index); }); }',
      'async function b() { ids.forEach(async (id) => { if (!id) return; await save(id); }); }',
      'async function c() { ids.forEach(async function (id) { await this.save(id); }); }',
      'async function d() { id.forEach(async (id) => { await save(id); }); }',
      'function e() { ids.forEach(async (id) => { await save(id); }); }',
      'async function g() { ids.forEach(save); }',
      'async function h() { ids.forEach(async (id) => { await save(id); }, thisArg); }',
      'async function i() { const r = ids.forEach(async (id) => { await save(id); }); }',
      'async function j() { ids?.forEach(async (id) => { await save(id); }); }',
      'async function k() { ids.forEach(/* why */ async (id) => { await save(id); }); }',
      'async function l() { ids.forEach(async (id = "x") => { await save(id); }); }',
    ].join('\n');
    expect(convertible({ code })).toEqual(Array.from({ length: 11 }, () => false));
  });
});

describe('planForEachToPromiseAll', () => {
  it('maps and awaits all, keeping the callback and thisArg', () => {
    const code =
      'async function f() {\n  ids.forEach(async (id, i) => { await save(id, i); });\n  ids.forEach(save, repo);\n}';
    const output = applyFixes({ code }, FOR_EACH, (fixer, context, node) =>
      planForEachToPromiseAll(node as TSESTree.CallExpression)?.apply(fixer),
    );
    expect(output).toBe(
      'async function f() {\n  await Promise.all(ids.map(async (id, i) => { await save(id, i); }));\n  await Promise.all(ids.map(save, repo));\n}',
    );
  });

  it('only rewrites whole forEach statements', () => {
    const code = 'async function f() { const r = ids.forEach(save); return ids.forEach(save); }';
    const output = applyFixes({ code }, FOR_EACH, (fixer, context, node) =>
      planForEachToPromiseAll(node as TSESTree.CallExpression)?.apply(fixer),
    );
    expect(output).toBe(code);
  });
});
