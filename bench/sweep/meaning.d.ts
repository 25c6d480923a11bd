/** Types of bench/sweep/meaning.js for the test suite (tests/bench/fix-checks.test.ts). */
import type { Linter } from 'eslint';

import type { Fix, LintMessage } from './fix-checks.js';

export interface Finding {
  check: 'structure' | 'reapplied';
  where: string;
  rule: string;
  kind: string;
  detail: string;
  diff: string;
}

export function createMeaningCheck(
  linter: Linter,
  configs: { parseConfig: (file: string) => Linter.Config[]; ruleConfig: (ruleId: string) => Linter.Config[] },
): (input: {
  file: string;
  where: string;
  text: string;
  output: string;
  fix: Fix;
  kind: string;
  messageId?: string;
  ruleId: string;
  messages?: (LintMessage & { ruleId: string | null })[];
}) => Finding[];
