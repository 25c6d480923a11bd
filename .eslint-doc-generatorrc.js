// eslint-doc-generator reads the built plugin (package.json `exports` -> dist/), so run `npm run build` first.
// `npm run docs` writes rule-doc headers and the README rules table; `npm run docs:check` fails on drift.

/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  pathRuleDoc: 'rules-docs/{name}.md',
  pathRuleList: 'README.md',
  ruleDocTitleFormat: 'desc-parens-prefix-name',
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['all', '🌐'],
  ],
  // Columns with no checked cell are hidden by the generator (e.g. type checking: no rule requires it).
  ruleListColumns: [
    'name',
    'description',
    'configsError',
    'fixable',
    'hasSuggestions',
    'options',
    'requiresTypeChecking',
    'deprecated',
  ],
  ruleDocNotices: ['deprecated', 'configs', 'fixableAndHasSuggestions', 'options', 'requiresTypeChecking'],
  // The same sections tests/docs.test.ts requires; `npm run docs -- --init-rule-docs` stubs them for a new rule.
  ruleDocSectionInclude: ['Examples', 'Options', 'When Not To Use It', 'Python asyncio equivalent', 'Related Rules'],
  // `## Options` is required even for rules without options (house style), which this check forbids;
  // tests/docs.test.ts checks instead that the section names every option.
  ruleDocSectionOptions: false,
};

export default config;
