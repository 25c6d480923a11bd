import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { type AwaitedStatement, classifyAwaitStatement } from '../../../src/analysis/concurrency/awaited-statements.js';
import { planSequentialPromiseAll } from '../../../src/analysis/fixes/promise-all.js';
import { applyFixes } from '../harness.js';

/** Merges every awaited statement of the body of `f` into one `Promise.all`. */
function mergeBody(code: string): string {
  return applyFixes({ code }, 'FunctionDeclaration[id.name="f"] > BlockStatement', (fixer, context, node) => {
    const items = (node as TSESTree.BlockStatement).body
      .map((statement) => classifyAwaitStatement(statement))
      .filter((item): item is AwaitedStatement => item !== undefined);
    return planSequentialPromiseAll(context.sourceCode, items)?.apply(fixer);
  });
}

describe('planSequentialPromiseAll: line width', () => {
  it('keeps a short array on one line', () => {
    expect(mergeBody('async function f() {\n  const a = await getA();\n  const b = await getB();\n}')).toBe(
      'async function f() {\n  const [a, b] = await Promise.all([getA(), getB()]);\n}',
    );
  });

  it('puts one element a line, indented one level past the statement, when the line would pass 100 columns', () => {
    expect(
      mergeBody(
        [
          'class Service {',
          '  async load(id) {',
          '    async function f() {',
          '      const account = await accounts.findById(id, { include: ["owner"] });',
          '      const invoices = await billing.listInvoices({ accountId: id, status: "open" });',
          '      const usage = await metering.usageSince(id, startOfMonth());',
          '    }',
          '  }',
          '}',
        ].join('\n'),
      ),
    ).toBe(
      [
        'class Service {',
        '  async load(id) {',
        '    async function f() {',
        '      const [account, invoices, usage] = await Promise.all([',
        '        accounts.findById(id, { include: ["owner"] }),',
        '        billing.listInvoices({ accountId: id, status: "open" }),',
        '        metering.usageSince(id, startOfMonth()),',
        '      ]);',
        '    }',
        '  }',
        '}',
      ].join('\n'),
    );
  });
});
