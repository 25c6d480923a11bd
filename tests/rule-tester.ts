/**
 * Runs every rule case twice: without type information (the editor/oxlint mode) and with a typed
 * fixture project (typescript-eslint `projectService`). A case that only holds in one mode says so
 * with `mode: 'untyped'` or `mode: 'typed'`.
 */
import path from 'node:path';

import { type InvalidTestCase, RuleTester, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { RuleModule } from '@typescript-eslint/utils/ts-eslint';
import { afterAll, describe, it } from 'vitest';

import { fixturesDir, languageOptionsFor } from './helpers/language-options.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export type Mode = 'untyped' | 'typed';
type ModeOption = { mode?: Mode };

type ValidCase<Options extends readonly unknown[]> = (ValidTestCase<Options> & ModeOption) | string;
type InvalidCase<MessageIds extends string, Options extends readonly unknown[]> = InvalidTestCase<MessageIds, Options> &
  ModeOption;

export interface Cases<MessageIds extends string, Options extends readonly unknown[]> {
  valid: ValidCase<Options>[];
  invalid: InvalidCase<MessageIds, Options>[];
}

function forMode<T extends ValidTestCase<readonly unknown[]> & ModeOption>(testCase: T, mode: Mode): T | undefined {
  if (testCase.mode && testCase.mode !== mode) return undefined;
  const { mode: _mode, ...rest } = testCase;
  const filename = rest.filename ?? 'file.ts';
  const languageOptions = languageOptionsFor(filename, { typed: mode === 'typed' });
  return {
    ...rest,
    filename: path.join(fixturesDir, filename),
    languageOptions: { ...languageOptions, ...rest.languageOptions },
  } as T;
}

export function runRuleTests<MessageIds extends string, Options extends readonly unknown[]>(
  name: string,
  rule: RuleModule<MessageIds, Options>,
  cases: Cases<MessageIds, Options>,
  modes: readonly Mode[] = ['untyped', 'typed'],
): void {
  for (const mode of modes) {
    const tester = new RuleTester();
    const valid = cases.valid
      .map((c) => forMode(typeof c === 'string' ? { code: c } : c, mode))
      .filter((c): c is ValidTestCase<Options> => c !== undefined);
    const invalid = cases.invalid
      .map((c) => forMode(c, mode))
      .filter((c): c is InvalidTestCase<MessageIds, Options> => c !== undefined);
    describe(mode, () => {
      tester.run(name, rule, { valid, invalid });
    });
  }
}
