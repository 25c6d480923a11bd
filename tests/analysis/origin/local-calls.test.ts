import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { createSyncReachSearch } from '../../../src/analysis/origin/local-calls.js';
import { type Context, probe } from '../harness.js';

/** Targets are calls to `block()`; for every `ask(<call>)`, what that call reaches: `block(<arg>) via <fn names>`. */
function reached(code: string): (string | null)[] {
  return probe({ code }, 'CallExpression[callee.name="ask"]', (context: Context, node: TSESTree.Node) => {
    const isTarget = (candidate: TSESTree.Node) =>
      candidate.type === AST_NODE_TYPES.CallExpression &&
      candidate.callee.type === AST_NODE_TYPES.Identifier &&
      candidate.callee.name === 'block';
    const search = createSyncReachSearch(context, isTarget);
    const call = (node as TSESTree.CallExpression).arguments[0] as TSESTree.CallExpression;
    const fn = search.resolveCallee(call);
    const found = fn && search.find(fn);
    if (!found) return null;
    const names = found.via.map((f) =>
      f.id
        ? f.id.name
        : f.parent.type === AST_NODE_TYPES.MethodDefinition && f.parent.key.type === AST_NODE_TYPES.Identifier
          ? f.parent.key.name
          : '?',
    );
    return `${context.sourceCode.getText(found.node)} via ${names.join(' > ')}`;
  });
}

describe('createSyncReachSearch', () => {
  it.each([
    ['a function declaration', 'function log() { block(1); }\nask(log());', ['block(1) via log']],
    ['a const arrow', 'const log = () => block(2);\nask(log());', ['block(2) via ?']],
    [
      'transitively, naming the path',
      'function inner() { block(3); }\nfunction outer() { inner(); }\nask(outer());',
      ['block(3) via outer > inner'],
    ],
    [
      'this.method in a class',
      'class Logger { write() { block(4); } async run() { ask(this.write()); } }',
      ['block(4) via write'],
    ],
    [
      'a callback run in place',
      'function all(items) { items.forEach((item) => block(item)); }\nask(all([]));',
      ['block(item) via all'],
    ],
    ['an object literal method', 'const store = { save() { block(5); } };\nask(store.save());', ['block(5) via ?']],
  ])('follows %s', (_name, code, expected) => {
    expect(reached(code)).toEqual(expected);
  });

  it.each([
    ['an async helper (its body is reported where it is)', 'async function log() { block(1); }\nask(log());'],
    ['a generator (nothing runs on the call)', 'function* lines() { block(1); }\nask(lines());'],
    ['a callback handed to a timer', 'function later() { setTimeout(() => block(1), 10); }\nask(later());'],
    ['a returned function', 'function make() { return () => block(1); }\nask(make());'],
    ['recursion without a target', 'function a() { b(); }\nfunction b() { a(); }\nask(a());'],
    ['a function of another file', "import { log } from './log.js';\nask(log());"],
    ['a reassigned binding', 'let log = () => block(1);\nlog = () => 0;\nask(log());'],
  ])('stops at %s', (_name, code) => {
    expect(reached(code)).toEqual([null]);
  });
});
