import eventLoop from 'eslint-plugin-event-loop';
import tseslint from 'typescript-eslint';

export default [
  eventLoop.configs.recommended,
  // prefer-promise-all is in `strict`; the example service turns it on to show it.
  { rules: { 'event-loop/prefer-promise-all': 'error' } },
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
];
