import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { computeConfigRules } from '../src/configs.js';
import type { EventLoopRuleDocs } from '../src/create-rule.js';

type FakeRule = TSESLint.RuleModule<string, readonly unknown[], EventLoopRuleDocs>;

function fakeRule(
  docs: Omit<EventLoopRuleDocs, 'description' | 'requiresTypeChecking'> | undefined,
  deprecated = false,
): FakeRule {
  return {
    defaultOptions: [],
    meta: {
      type: 'problem',
      messages: {},
      schema: [],
      deprecated,
      docs: docs && { description: 'Fake rule.', requiresTypeChecking: false, ...docs },
    },
    create: () => ({}),
  };
}

const strictOptions = [{ checkAllFunctions: true }];

const rules: Record<string, FakeRule> = {
  'recommended-rule': fakeRule({ recommended: true }),
  'recommended-with-strict-options': fakeRule({ recommended: true, strict: { options: strictOptions } }),
  'strict-rule': fakeRule({ recommended: false, strict: true }),
  'strict-with-options': fakeRule({ recommended: false, strict: { options: strictOptions } }),
  'opt-in-rule': fakeRule({ recommended: false }),
  'deprecated-rule': fakeRule({ recommended: true }, true),
  'rule-without-docs': fakeRule(undefined),
};

describe('computeConfigRules', () => {
  it('recommended: only rules with docs.recommended, as plain errors', () => {
    expect(computeConfigRules(rules, 'event-loop', 'recommended')).toEqual({
      'event-loop/recommended-rule': 'error',
      'event-loop/recommended-with-strict-options': 'error',
    });
  });

  it('strict: recommended and strict rules, with the strict options', () => {
    expect(computeConfigRules(rules, 'event-loop', 'strict')).toEqual({
      'event-loop/recommended-rule': 'error',
      'event-loop/recommended-with-strict-options': ['error', ...strictOptions],
      'event-loop/strict-rule': 'error',
      'event-loop/strict-with-options': ['error', ...strictOptions],
    });
  });

  it('all: every rule with docs that is not deprecated, with the strict options', () => {
    expect(computeConfigRules(rules, 'event-loop', 'all')).toEqual({
      'event-loop/recommended-rule': 'error',
      'event-loop/recommended-with-strict-options': ['error', ...strictOptions],
      'event-loop/strict-rule': 'error',
      'event-loop/strict-with-options': ['error', ...strictOptions],
      'event-loop/opt-in-rule': 'error',
    });
  });

  it('prefixes rule names with the namespace it is given', () => {
    expect(
      Object.keys(computeConfigRules({ 'recommended-rule': rules['recommended-rule']! }, 'other', 'recommended')),
    ).toEqual(['other/recommended-rule']);
  });

  it('returns empty configs when there are no rules', () => {
    for (const config of ['recommended', 'strict', 'all'] as const)
      expect(computeConfigRules({}, 'event-loop', config)).toEqual({});
  });

  it('nests the configs: recommended ⊆ strict ⊆ all', () => {
    const recommended = Object.keys(computeConfigRules(rules, 'event-loop', 'recommended'));
    const strict = Object.keys(computeConfigRules(rules, 'event-loop', 'strict'));
    const all = Object.keys(computeConfigRules(rules, 'event-loop', 'all'));
    expect(strict).toEqual(expect.arrayContaining(recommended));
    expect(all).toEqual(expect.arrayContaining(strict));
  });
});
