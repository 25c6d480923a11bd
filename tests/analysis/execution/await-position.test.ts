import { describe, expect, it } from 'vitest';

import { canAwaitAt, findAwaitableFunction } from '../../../src/analysis/execution/await-position.js';
import { probe, type Snippet } from '../harness.js';

function answers(snippet: Snippet): boolean[] {
  return probe(snippet, 'CallExpression[callee.name="here"]', (context, node) => canAwaitAt(context, node));
}

describe('canAwaitAt', () => {
  it('is true in async bodies and false in sync callbacks nested in them', () => {
    const code = [
      'async function a() { here(); items.map(() => here()); }',
      'const b = async () => here();',
      'class C { async m() { here(); } n() { here(); } }',
      'function* g() { here(); }',
      'async function d(x = here()) {}',
    ].join('\n');
    expect(answers({ code, filename: 'file.cjs' })).toEqual([true, false, true, true, false, false, false]);
  });

  it('allows top-level await in ES modules only', () => {
    expect(answers({ code: 'here();', filename: 'file.mjs' })).toEqual([true]);
    expect(answers({ code: 'here();', filename: 'file.cjs' })).toEqual([false]);
    expect(answers({ code: 'here();', filename: 'file.cts', typed: true })).toEqual([false]);
  });

  it('is false in class fields and static blocks, even inside async functions', () => {
    const code = 'async function f() { class A { x = here(); static { here(); } y = async () => here(); } }';
    expect(answers({ code })).toEqual([false, false, true]);
  });
});

describe('findAwaitableFunction', () => {
  it('async bodies, and promise callbacks that can be made async; not listeners, generators or nested callbacks', () => {
    const code = [
      'async function a() { here(); items.map(() => here()); }',
      'load().then((value) => here());',
      "emitter.on('data', () => here());",
      'load().then(function* () { here(); });',
      'async function d(x = here()) {}',
      'function plain() { here(); }',
    ].join('\n');
    const found = probe({ code }, 'CallExpression[callee.name="here"]', (context, node) => {
      const fn = findAwaitableFunction(context, node);
      return fn ? `${fn.async ? 'async' : 'sync'} ${fn.type}` : undefined;
    });
    expect(found).toEqual([
      'async FunctionDeclaration',
      undefined,
      'sync ArrowFunctionExpression',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
