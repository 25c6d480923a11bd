import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import type { FunctionNode } from '../../../src/analysis/ast.js';
import {
  findLateRegistrations,
  findTestRegistration,
  registeredCallback,
} from '../../../src/analysis/execution/test-registrations.js';
import { probe, type Snippet } from '../harness.js';

/** `role` (or `-`) of every call marked with a trailing `// ?` comment, in source order. */
function roles(snippet: Snippet): string[] {
  const marked = new Set(
    snippet.code
      .split('\n')
      .map((line, index) => (line.endsWith('// ?') ? index + 1 : 0))
      .filter(Boolean),
  );
  return probe(snippet, 'ExpressionStatement > CallExpression', (context, node): string | undefined =>
    marked.has(node.loc.start.line)
      ? (findTestRegistration(context, node as TSESTree.CallExpression)?.role ?? '-')
      : undefined,
  ).filter((role): role is string => role !== undefined);
}

describe('findTestRegistration', () => {
  it('finds node:test registrations by origin, including the default export and modifiers', () => {
    const code = [
      "import test, { describe as suite, it, before } from 'node:test';",
      "test('a', async () => {}); // ?",
      "test.describe('b', () => {}); // ?",
      "suite.only('c', () => {}); // ?",
      "it.todo('d'); // ?",
      'before(async () => {}); // ?',
    ].join('\n');
    expect(roles({ code })).toEqual(['test', 'suite', 'suite', 'test', 'hook']);
  });

  it('follows curried forms: each, skipIf, and a second modifier', () => {
    const code = [
      "import { describe, it, test } from 'vitest';",
      "describe.each([1])('a %i', () => {}); // ?",
      "it.skipIf(process.env.CI)('b', async () => {}); // ?",
      "test.concurrent.only('c', async () => {}); // ?",
      "describe.skip.each([1])('d', () => {}); // ?",
    ].join('\n');
    expect(roles({ code })).toEqual(['suite', 'test', 'test', 'suite']);
  });

  it('finds require() forms and jest/mocha globals', () => {
    const code = [
      "const { describe, it } = require('mocha');",
      "describe('a', function () {}); // ?",
      "it.only('b', async function () {}); // ?",
      "context('c', () => {}); // ?",
      "fit('d', async () => {}); // ?",
      'afterAll(async () => {}); // ?',
    ].join('\n');
    expect(roles({ code, filename: 'file.cjs' })).toEqual(['suite', 'test', 'suite', 'test', 'hook']);
  });

  it('ignores lookalikes: local functions, other modules, unknown modifiers', () => {
    const code = [
      "import { test } from './my-test.js';",
      'function describe(name, fn) { return fn(); }',
      "test('a', async () => {}); // ?",
      "describe('b', async () => {}); // ?",
      "it.whatever('c', async () => {}); // ?",
      "queue.it('d'); // ?",
    ].join('\n');
    expect(roles({ code })).toEqual(['-', '-', '-', '-']);
  });
});

describe('registeredCallback', () => {
  it('is the last function argument, after options or a timeout', () => {
    const code = [
      "it('a', async () => {}, 5000);",
      "describe('b', { timeout: 10 }, function suite() {});",
      "test('c', handler);",
      "it('d', 'not a callback', 1);",
    ].join('\n');
    const found = probe({ code }, 'ExpressionStatement > CallExpression', (context, node) => {
      const callback = registeredCallback(node as TSESTree.CallExpression);
      return callback ? context.sourceCode.getText(callback) : undefined;
    });
    expect(found).toEqual(['async () => {}', 'function suite() {}', 'handler', undefined]);
  });
});

/** `registration line after await line` for each late registration of the suite callback passed to `describe('s', …)`. */
function late(code: string): string[] {
  return probe({ code }, 'CallExpression[arguments.0.value="s"] > :function', (context, node) =>
    findLateRegistrations(context, node as FunctionNode).map(
      (entry) =>
        `${context.sourceCode.getText(entry.call.callee)}:${entry.call.loc.start.line} after ${entry.after.loc.start.line}`,
    ),
  ).flat();
}

describe('findLateRegistrations', () => {
  it('finds tests, hooks and suites registered after an await, in its arguments, or in a loop that awaits', () => {
    const code = [
      "import { describe, it, before } from 'mocha';",
      "describe('s', async () => {",
      "  it('early', () => {});",
      '  const rows = await load();',
      '  before(() => seed(rows));',
      '  it(await title(), () => {});',
      '  for (const row of rows) {',
      '    it.skip(row.name, () => {});',
      '    await warm(row);',
      '  }',
      "  describe('nested', () => { it('inner', () => {}); });",
      '});',
    ].join('\n');
    expect(late(code)).toEqual(['before:5 after 4', 'it:6 after 4', 'it.skip:8 after 4', 'describe:11 after 4']);
  });

  it('counts a for await loop before its body, and registrations in synchronous callbacks where they are called', () => {
    const code = [
      "describe('s', async function () {",
      '  for await (const page of pages()) test(page.url, () => {});',
      '});',
      "describe('s', async () => {",
      '  const cases = await loadCases();',
      '  cases.forEach((c) => specify(c.name, () => {}));',
      '});',
    ].join('\n');
    expect(late(code)).toEqual(['test:2 after 2', 'specify:6 after 5']);
  });

  it('is empty when every registration comes before the first await, or the awaits are in other functions', () => {
    const code = [
      "describe('s', async () => {",
      "  it('a', () => {});",
      '  beforeEach(async () => { await reset(); });',
      '  const helper = async () => { await step(); it("never called here", () => {}); };',
      "  it('b', async () => { await helper(); });",
      '  await flushLogs();',
      '  report(results);',
      '});',
    ].join('\n');
    expect(late(code)).toEqual([]);
  });
});
