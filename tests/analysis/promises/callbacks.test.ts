import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import {
  apiIgnoresCallbackResult,
  callbackReturnsPromise,
  hasMember,
  isArrayValue,
} from '../../../src/analysis/promises/callbacks.js';
import { probeAsked } from '../harness.js';

describe('callbackReturnsPromise', () => {
  const code = [
    'async function named() { await x(); }',
    'function plain() { return 1; }',
    'ask(async () => {});',
    'ask(() => fetch("/x"));',
    'ask(named);',
    'ask(plain);',
    'ask(function () { return Promise.resolve(1); });',
    'ask(async function* () {});',
    'ask(imported);',
  ].join('\n');

  it('untyped: what the file shows', () => {
    expect(probeAsked({ code }, callbackReturnsPromise)).toEqual(['yes', 'yes', 'yes', 'no', 'yes', 'no', 'unknown']);
  });

  it('typed: also signatures the checker knows', () => {
    const typed =
      "import { loadUser, formatName } from './floating-lib.js';\nask(loadUser);\nask(formatName);\nask((u: unknown) => loadUser());";
    expect(probeAsked({ code: typed, typed: true }, callbackReturnsPromise)).toEqual(['yes', 'no', 'yes']);
  });
});

describe('apiIgnoresCallbackResult (typed)', () => {
  it('is yes for void callbacks, no where the API takes a promise or unknown', () => {
    const code = [
      'declare const items: string[];',
      'declare function onVoid(cb: () => void): void;',
      'declare function onAsync(cb: () => Promise<void> | void): void;',
      'declare function onUnknown(cb: () => unknown): void;',
      'ask(items.forEach((x) => x));',
      'ask(onVoid(() => {}));',
      'ask(onAsync(async () => {}));',
      'ask(onUnknown(() => 1));',
      'ask(new Map<string, number>().forEach(() => {}));',
    ].join('\n');
    expect(
      probeAsked({ code, typed: true }, (context, node) =>
        apiIgnoresCallbackResult(context, node as TSESTree.CallExpression, 0),
      ),
    ).toEqual(['yes', 'yes', 'no', 'no', 'yes']);
  });

  it('is unknown without types', () => {
    expect(
      probeAsked({ code: 'ask(items.forEach((x) => x));' }, (context, node) =>
        apiIgnoresCallbackResult(context, node as TSESTree.CallExpression, 0),
      ),
    ).toEqual(['unknown']);
  });
});

describe('isArrayValue and hasMember', () => {
  it('typed: arrays, tuples, sets; members of thenables', () => {
    const code = [
      "import { select } from './floating-lib.js';",
      'declare const list: readonly string[];',
      'declare const pair: [number, string];',
      'declare const set: Set<string>;',
      'declare const maybe: string[] | undefined;',
      'declare const anything: any;',
      'declare const custom: { map(f: unknown): Set<string> };',
      'ask(list);',
      'ask(pair);',
      'ask(set);',
      'ask(maybe);',
      'ask(anything.map(f));',
      'ask(custom.map(f));',
    ].join('\n');
    // The checker decides where it knows the type; the syntax only where it does not.
    expect(probeAsked({ code, typed: true }, isArrayValue)).toEqual(['yes', 'yes', 'no', 'yes', 'yes', 'no']);
    const members = "import { select } from './floating-lib.js';\nask(select('t'));\nask(Promise.resolve(1));";
    expect(
      probeAsked({ code: members, typed: true }, (context, node) => [
        hasMember(context, node, 'where'),
        hasMember(context, node, 'then'),
      ]),
    ).toEqual([
      ['yes', 'yes'],
      ['no', 'yes'],
    ]);
  });

  it('untyped: array literals and array-returning calls are known', () => {
    const code =
      'ask([1]);\nask(list);\nask(Object.keys(o));\nask(Array.from(s));\nask(ids.map(f));\nask(line.split(","));\nask(Object.assign(a, b));\nask(Array.isArray(x));';
    expect(probeAsked({ code }, isArrayValue)).toEqual([
      'yes',
      'unknown',
      'yes',
      'yes',
      'yes',
      'yes',
      'unknown',
      'unknown',
    ]);
    expect(probeAsked({ code: 'ask(p);' }, (context, node) => hasMember(context, node, 'then'))).toEqual(['unknown']);
  });
});
