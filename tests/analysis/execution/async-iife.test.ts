import { describe, expect, it } from 'vitest';

import { asyncIifeFunction, isAsyncIifeInAsyncFunction } from '../../../src/analysis/execution/async-iife.js';
import { probe } from '../harness.js';

describe('async IIFEs', () => {
  const code = [
    '(async () => { await a(); })();',
    '(async function () { await b(); })();',
    '(() => c())();',
    '(async function* () {})();',
    'async function outer() { (async () => { await d(); })(); items.map(() => (async () => {})()); }',
    'function sync() { (async () => { await e(); })(); }',
  ].join('\n');

  it('asyncIifeFunction finds async arrow and function IIFEs only', () => {
    expect(
      probe(
        { code },
        'ExpressionStatement > CallExpression',
        (_context, node) => asyncIifeFunction(node) !== undefined,
      ),
    ).toEqual([true, true, false, false, true, false, true]);
  });

  it('isAsyncIifeInAsyncFunction: inside an async function (through sync callbacks), not at top level or in sync code', () => {
    expect(
      probe({ code }, 'CallExpression[callee.async=true]', (context, node) =>
        isAsyncIifeInAsyncFunction(context, node),
      ),
    ).toEqual([false, false, false, true, true, false]);
  });
});
