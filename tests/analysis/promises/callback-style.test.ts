import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { hasTrailingCompletionCallback } from '../../../src/analysis/promises/callback-style.js';
import { probe } from '../harness.js';

/** The answer for every `ask…(…)` call statement, in source order. */
function answers(code: string): boolean[] {
  return probe({ code }, 'ExpressionStatement > CallExpression[callee.name=/^ask/]', (_context, node) =>
    hasTrailingCompletionCallback(node as TSESTree.CallExpression),
  );
}

describe('hasTrailingCompletionCallback', () => {
  it('accepts error-first functions and values named like a completion callback', () => {
    const code = [
      'askA(key, (err, value) => {});',
      'askB(key, function (error) {});',
      'askC(set, fn, opts, callback);',
      'askD(key, done);',
      'askE(key, this.next);',
    ].join('\n');
    expect(answers(code)).toEqual([true, true, true, true, true]);
  });

  it('rejects continuations, mappers and single-argument calls', () => {
    const code = [
      // A callback that is the work itself, not the completion.
      'askA(items, (item) => item.id);',
      // An async callback is a continuation with a promise of its own.
      'askB(key, async (err) => {});',
      // Nothing but the callback: `setImmediate(cb)`-like scheduling.
      'askC(callback);',
      'askD(key, handler);',
      'askE(key, () => {});',
    ].join('\n');
    expect(answers(code)).toEqual([false, false, false, false, false]);
  });
});
