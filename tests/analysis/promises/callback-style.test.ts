import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { hasTrailingCompletionCallback, isCallbackStyleCall } from '../../../src/analysis/promises/callback-style.js';
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

/** `isCallbackStyleCall` for every top-level call statement, in source order. */
function callbackStyle(code: string, typed = false): boolean[] {
  return probe(
    { code, filename: 'file.ts', typed },
    'Program > ExpressionStatement > CallExpression',
    (context, node) => isCallbackStyleCall(context, node as TSESTree.CallExpression),
  );
}

describe('isCallbackStyleCall', () => {
  const functions = [
    'function getSetting(key: string, callback?: (err: Error | null) => void) {',
    '  if (!callback) return new Promise<void>((resolve) => resolve());',
    '  callback(null);',
    '}',
    'async function saveSetting(key: string, callback: (err: Error | null) => void) { callback(null); }',
    'function count(key: string) { return Promise.resolve(key.length); }',
  ].join('\n');

  it.each([false, true])('follows the callee of this file (typed: %s)', (typed) => {
    const calls = [
      // Accepts a callback there, and is not async.
      "getSetting('a', (err) => {});",
      "getSetting.call(null, 'a', done);",
      // Async: its promise exists whatever it is given.
      "saveSetting('a', (err) => {});",
      // No parameter at the callback's position.
      "count('a', (err: unknown) => {});",
      // Continuations, not completion callbacks.
      "getSetting('a').then((e) => {}, done);",
    ].join('\n');
    expect(callbackStyle(`${functions}\n${calls}`, typed)).toEqual([true, true, false, false, false]);
  });

  it('takes an unresolved callee at its word only when the callback is not its only argument', () => {
    const code = [
      "external.get('a', (err) => {});",
      'external.close(done);',
      "import { readFile } from 'node:fs/promises';\nreadFile('a', callback);",
    ].join('\n');
    expect(callbackStyle(code)).toEqual([true, false, false]);
  });

  it('typed: reads the signature the call resolves to', () => {
    const code = [
      'declare function dual(key: string, cb?: (err: Error | null) => void): Promise<void> | undefined;',
      'declare function always(key: string, cb: (err: Error | null) => void): Promise<void>;',
      'declare function noCallback(key: string): Promise<void> | undefined;',
      'declare const api: { get(...args: unknown[]): Promise<void> | undefined };',
      "dual('a', (err) => {});",
      "always('a', (err) => {});",
      "noCallback('a', (err: unknown) => {});",
      "api.get('a', (err: unknown) => {});",
    ].join('\n');
    expect(callbackStyle(code, true)).toEqual([true, false, false, true]);
  });
});
