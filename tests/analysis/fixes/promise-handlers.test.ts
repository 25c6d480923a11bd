import { describe, expect, it } from 'vitest';

import { appendCatch, wrapInPromiseAll } from '../../../src/analysis/fixes/promise-handlers.js';
import { applyFixes } from '../harness.js';

const HANDLER = '(error) => console.error(error)';

describe('appendCatch', () => {
  it.each([
    ['a call', 'load();', 'load().catch((error) => console.error(error));'],
    [
      'a member chain',
      'api.users.load(1).then(use);',
      'api.users.load(1).then(use).catch((error) => console.error(error));',
    ],
    ['new with arguments', 'new Promise(run);', 'new Promise(run).catch((error) => console.error(error));'],
    [
      'an async IIFE',
      '(async () => { await a(); })();',
      '(async () => { await a(); })().catch((error) => console.error(error));',
    ],
    [
      'a conditional needs parentheses',
      'x ? load() : save();',
      '(x ? load() : save()).catch((error) => console.error(error));',
    ],
    ['already parenthesised', '(x || load());', '(x || load()).catch((error) => console.error(error));'],
  ])('%s', (_title, code, expected) => {
    expect(
      applyFixes({ code }, 'Program > ExpressionStatement > *', (fixer, context, node) =>
        appendCatch(fixer, context.sourceCode, node, HANDLER),
      ),
    ).toBe(expected);
  });
});

describe('wrapInPromiseAll', () => {
  it.each([
    ['await', 'async function f() { ids.map(save); }', 'async function f() { await Promise.all(ids.map(save)); }'],
    ['void', 'function f() { ids.map(save); }', 'function f() { void Promise.all(ids.map(save)); }'],
    ['none', 'function f() { [a(), b()]; }', 'function f() { Promise.all([a(), b()]); }'],
  ] as const)('%s', (keyword, code, expected) => {
    expect(
      applyFixes({ code }, 'ExpressionStatement > *', (fixer, context, node) =>
        wrapInPromiseAll(fixer, context.sourceCode, node, keyword === 'none' ? undefined : keyword),
      ),
    ).toBe(expected);
  });
});
