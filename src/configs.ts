import type { TSESLint } from '@typescript-eslint/utils';

import type { EventLoopRuleDocs } from './create-rule.js';

type RuleWithDocs = TSESLint.RuleModule<string, readonly unknown[], EventLoopRuleDocs>;
type RuleEntry = 'error' | ['error', ...unknown[]];

export type ConfigName = 'recommended' | 'strict' | 'all';

/** Which rules (and with which options) a config turns on, read from each rule's `meta.docs`. */
export function computeConfigRules(
  rules: Record<string, RuleWithDocs>,
  namespace: string,
  config: ConfigName,
): Record<string, RuleEntry> {
  const result: Record<string, RuleEntry> = {};
  for (const [name, rule] of Object.entries(rules)) {
    const docs = rule.meta.docs;
    if (!docs || rule.meta.deprecated) continue;
    const strict = docs.strict;
    const strictOptions = typeof strict === 'object' ? strict.options : undefined;
    const key = `${namespace}/${name}`;
    if (config === 'recommended') {
      if (docs.recommended) result[key] = 'error';
    } else if (config === 'strict') {
      if (docs.recommended || strict) result[key] = strictOptions ? ['error', ...strictOptions] : 'error';
    } else {
      result[key] = strictOptions ? ['error', ...strictOptions] : 'error';
    }
  }
  return result;
}
