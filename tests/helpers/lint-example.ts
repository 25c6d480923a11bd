/**
 * Lints one code snippet with one rule through ESLint's `Linter` (flat config), the way a user's
 * project would: JS with ESLint's own parser (espree, no type information), TS with
 * `@typescript-eslint/parser` and a typed fixture project (`projectService`).
 */
import path from 'node:path';

import { type ESLint, Linter } from 'eslint';

import { fixturesDir, isJavaScript, languageOptionsFor, repoRoot } from './language-options.js';

export { repoRoot };

export const NAMESPACE = 'event-loop';

export interface LintExampleInput {
  ruleName: string;
  /** A rule module (typescript-eslint's `RuleModule` and ESLint's are the same object at run time). */
  rule: object;
  code: string;
  /** `js`, `mjs`, `cjs`, `jsx`, `ts`, `mts`, `cts` or `tsx`: picks the parser and the module type. */
  extension: string;
  options?: readonly unknown[];
}

/** All messages ESLint reports for the snippet (including fatal parse errors, which have no `ruleId`). */
export function lintExample({ ruleName, rule, code, extension, options = [] }: LintExampleInput): Linter.LintMessage[] {
  const linter = new Linter({ cwd: repoRoot });
  // The fixture folder holds one stand-in file per extension, which the typed project includes.
  const filename = path.join(fixturesDir, `file.${extension}`);
  const plugin = { rules: { [ruleName]: rule } } as ESLint.Plugin;
  const config: Linter.Config[] = [
    {
      files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
      plugins: { [NAMESPACE]: plugin },
      // TypeScript examples are linted typed, as the docs show them; JavaScript ones as a project without TypeScript.
      languageOptions: languageOptionsFor(filename, { typed: !isJavaScript(filename) }),
      rules: { [`${NAMESPACE}/${ruleName}`]: ['error', ...options] },
    },
  ];
  return linter.verify(code, config, { filename });
}
