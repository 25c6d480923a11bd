import eventLoop from 'eslint-plugin-event-loop';
import tseslint from 'typescript-eslint';

export default [
  eventLoop.configs.recommended,
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
];
