import type { Rule } from 'eslint';
import { describe, expect, it } from 'vitest';

import { lintExample } from './lint-example.js';

/** Reports calls to `bad()`; with `{ alsoWorse: true }` also `worse()`; reports `typed` when type information is present. */
const fakeRule: Rule.RuleModule = {
  meta: {
    type: 'problem',
    messages: { bad: 'Bad call.', typed: 'Has type information.' },
    schema: [
      {
        type: 'object',
        properties: { alsoWorse: { type: 'boolean', description: 'Report `worse()` too.' } },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const options = (context.options[0] ?? {}) as { alsoWorse?: boolean };
    const services = context.sourceCode.parserServices as { program?: unknown } | undefined;
    return {
      Program(node) {
        if (services?.program) context.report({ node, messageId: 'typed' });
      },
      CallExpression(node) {
        if (node.callee.type !== 'Identifier') return;
        if (node.callee.name === 'bad' || (options.alsoWorse && node.callee.name === 'worse'))
          context.report({ node, messageId: 'bad' });
      },
    };
  },
};

function ruleIds(code: string, extension: string, options?: unknown[]): string[] {
  return lintExample({ ruleName: 'fake', rule: fakeRule, code, extension, options }).map(
    (message) => `${message.ruleId ?? 'fatal'}:${message.messageId ?? message.message}`,
  );
}

describe('lintExample', () => {
  it('lints JS with espree and no type information', () => {
    expect(ruleIds('bad(); good();\n', 'js')).toEqual(['event-loop/fake:bad']);
    expect(ruleIds('const x = require("x"); bad();\n', 'cjs')).toEqual(['event-loop/fake:bad']);
  });

  it('lints TS with @typescript-eslint/parser and a typed project', () => {
    expect(ruleIds('const n: number = 1;\nbad();\n', 'ts')).toEqual(['event-loop/fake:typed', 'event-loop/fake:bad']);
    expect(ruleIds('export const n = 1;\n', 'cts')).toEqual(['event-loop/fake:typed']);
  });

  it('passes rule options', () => {
    expect(ruleIds('worse();\n', 'js')).toEqual([]);
    expect(ruleIds('worse();\n', 'js', [{ alsoWorse: true }])).toEqual(['event-loop/fake:bad']);
  });

  it('reports parse errors as fatal messages', () => {
    expect(ruleIds('const n: number = 1;\n', 'js')).toEqual([expect.stringMatching(/^fatal:Parsing error/u)]);
  });
});
