/**
 * Lints one code snippet with one rule through ESLint's `Linter` (flat config), the way a user's
 * project would: JS with ESLint's own parser (espree, no type information), TS with
 * `@typescript-eslint/parser` and a typed fixture project (`projectService`).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as tsParser from '@typescript-eslint/parser';
import { type ESLint, Linter } from 'eslint';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = path.join(repoRoot, 'tests/fixtures');

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

const typescriptExtension = /^[cm]?tsx?$/u;

function languageOptionsFor(extension: string): Linter.LanguageOptions {
  const jsx = extension.endsWith('x');
  const commonjs = extension === 'cjs' || extension === 'cts';
  if (typescriptExtension.test(extension)) {
    return {
      parser: tsParser,
      sourceType: commonjs ? 'commonjs' : 'module',
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', '*.cjs'], defaultProject: 'tsconfig.json' },
        tsconfigRootDir: fixturesDir,
        ecmaFeatures: { jsx },
      },
    };
  }
  return {
    ecmaVersion: 'latest',
    sourceType: commonjs ? 'commonjs' : 'module',
    parserOptions: { ecmaFeatures: { jsx } },
  };
}

/** All messages ESLint reports for the snippet (including fatal parse errors, which have no `ruleId`). */
export function lintExample({ ruleName, rule, code, extension, options = [] }: LintExampleInput): Linter.LintMessage[] {
  const plugin = { rules: { [ruleName]: rule } } as ESLint.Plugin;
  return lintExampleWithRules({
    plugin,
    code,
    extension,
    rules: { [`${NAMESPACE}/${ruleName}`]: ['error', ...options] },
  });
}

export interface LintExampleWithRulesInput {
  /** Registered under the `event-loop` namespace. */
  plugin: ESLint.Plugin;
  code: string;
  extension: string;
  rules: Linter.RulesRecord;
}

/** Like `lintExample`, with a whole rule set (a config's rules, say) instead of one rule. */
export function lintExampleWithRules({
  plugin,
  code,
  extension,
  rules,
}: LintExampleWithRulesInput): Linter.LintMessage[] {
  const linter = new Linter({ cwd: repoRoot });
  // The fixture folder holds one stand-in file per extension, which the typed project includes.
  const filename = path.join(fixturesDir, `file.${extension}`);
  const config: Linter.Config[] = [
    {
      files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
      plugins: { [NAMESPACE]: plugin },
      languageOptions: languageOptionsFor(extension),
      rules,
    },
  ];
  return linter.verify(code, config, { filename });
}
