// The plugin lints its own code base: typed typescript-eslint rules everywhere, and the
// eslint-plugin-eslint-plugin checks on rule files (it understands `createRule({ meta, create })`).
import eslintJs from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    'dist/',
    'coverage/',
    'bench/node_modules/',
    'bench/.work/',
    'bench/.corpora/',
    'bench/.tools/',
    'examples/',
    'tests/fixtures/',
  ]),
  {
    name: 'event-loop/self-lint',
    files: ['**/*.{js,ts}'],
    extends: [eslintJs.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      // Formatting is Prettier's (`npm run format:check`); import order is checked here because Prettier leaves it.
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
      // tsc checks every file (checkJs), including undefined names, with the right Node globals.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    name: 'event-loop/rules',
    files: ['src/rules/**/*.ts'],
    extends: [eslintPlugin.configs['rules-recommended']],
    rules: {
      'eslint-plugin/require-meta-docs-description': [
        'error',
        { pattern: '^([Dd]isallow|[Ee]nforce|[Rr]equire|[Pp]refer) ' },
      ],
      'eslint-plugin/require-meta-schema-description': 'error',
      'eslint-plugin/require-meta-default-options': 'error',
      'eslint-plugin/no-property-in-node': 'error',
    },
  },
  {
    // The bench's scripts are JavaScript checked by tsc with noImplicitAny off (bench/tsconfig.json): they type
    // what they export and share, and unannotated callback parameters are `any`, which these rules would flag.
    name: 'event-loop/bench',
    files: ['bench/**/*.js'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
