/** The rule creator: defaults merged into the user's options, once per options object rather than per file. */
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { createRule } from '../src/create-rule.js';

type Options = [{ limit?: number; names?: string[] }];

function probeRule(seen: Options[0][]) {
  return createRule<Options, 'found'>({
    name: 'probe',
    meta: {
      type: 'problem',
      docs: { description: 'Records its options.', recommended: false, requiresTypeChecking: false },
      messages: { found: 'found' },
      schema: [
        {
          type: 'object',
          properties: {
            limit: { type: 'number', description: 'A number.' },
            names: { type: 'array', items: { type: 'string' }, description: 'Some names.' },
          },
          additionalProperties: false,
        },
      ],
      defaultOptions: [{ limit: 3, names: [] }],
    },
    create(_context, [options]) {
      seen.push(options);
      return {};
    },
  });
}

/** Two files through one ESLint instance, as the CLI and the editor lint them. */
async function lintTwice(ruleConfig: Linter.RuleEntry): Promise<Options[0][]> {
  const seen: Options[0][] = [];
  const eslint = new ESLint({
    overrideConfigFile: true,
    overrideConfig: {
      plugins: { probe: { rules: { probe: probeRule(seen) as never } } },
      rules: { 'probe/probe': ruleConfig },
    },
  });
  await eslint.lintText('a();', { filePath: 'a.js' });
  await eslint.lintText('b();', { filePath: 'b.js' });
  return seen;
}

describe('createRule', () => {
  it('gives every file of one configuration the same merged options', async () => {
    const [first, second] = await lintTwice(['error', { names: ['x'] }]);
    expect(first).toEqual({ limit: 3, names: ['x'] });
    expect(second).toBe(first);
  });

  it('merges the defaults when the configuration gives no options', async () => {
    const [first, second] = await lintTwice('error');
    expect(first).toEqual({ limit: 3, names: [] });
    expect(second).toBe(first);
  });

  it('keeps the options of different configurations apart', async () => {
    const [one] = await lintTwice(['error', { limit: 1 }]);
    const [two] = await lintTwice(['error', { limit: 2 }]);
    expect(one).toEqual({ limit: 1, names: [] });
    expect(two).toEqual({ limit: 2, names: [] });
  });
});
