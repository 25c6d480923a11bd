/**
 * Language options per file extension, as a user's project would set them: one answer for the rule tests
 * (tests/rule-tester.ts), the analysis harness (tests/analysis/harness.ts) and the docs examples
 * (tests/helpers/lint-example.ts). Untyped: JS through ESLint's own parser (espree), TS through
 * `@typescript-eslint/parser` without a program. Typed: `@typescript-eslint/parser` with `projectService`
 * over tests/fixtures/tsconfig.json (which includes one stand-in file per extension).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';
import * as espree from 'espree';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = path.join(repoRoot, 'tests/fixtures');

const jsExtension = /\.[cm]?jsx?$/u;
const commonjsExtension = /\.c[jt]s$/u;

/** `.cjs` and `.cts` are CommonJS (ESLint's own default for them): `require`, `module` and `exports` in scope. */
function sourceTypeOf(filename: string): 'commonjs' | 'module' {
  return commonjsExtension.test(filename) ? 'commonjs' : 'module';
}

export function isJavaScript(filename: string): boolean {
  return jsExtension.test(filename);
}

export function languageOptionsFor(filename: string, { typed }: { typed: boolean }): Linter.LanguageOptions {
  const sourceType = sourceTypeOf(filename);
  const ecmaFeatures = { jsx: filename.endsWith('x') };
  if (typed) {
    return {
      parser: tsParser,
      sourceType,
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', '*.cjs'], defaultProject: 'tsconfig.json' },
        tsconfigRootDir: fixturesDir,
        ecmaFeatures,
      },
    };
  }
  if (isJavaScript(filename))
    return { parser: espree, ecmaVersion: 'latest', sourceType, parserOptions: { ecmaFeatures } };
  return { parser: tsParser, sourceType, parserOptions: { ecmaFeatures } };
}
