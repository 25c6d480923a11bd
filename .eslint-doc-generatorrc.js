// eslint-doc-generator reads the built plugin (package.json `exports` -> dist/), so run `npm run build` first.
// `npm run docs` writes rule-doc headers and the README rules table; `npm run docs:check` fails on drift.

import path from 'node:path';

import plugin from './dist/index.js';

/** Rules whose fixes `--fix` applies only with their `autofix` option on (they are suggestions otherwise). */
const autofixOptIn = new Set(
  Object.entries(/** @type {Record<string, { meta?: { schema?: unknown } }>} */ (plugin.rules))
    .filter(([, rule]) => {
      const schema = /** @type {{ properties?: Record<string, unknown> }[] | undefined} */ (rule.meta?.schema);
      return Array.isArray(schema) && schema[0]?.properties?.autofix !== undefined;
    })
    .map(([name]) => name),
);

const FIXABLE_NOTICE = /^(🔧💡? This rule is automatically fixable by the \[`--fix` CLI option\]\([^)]*\))/mu;
const OPT_IN = ' with its `autofix: true` option,';

/**
 * The generator has no notice for fixes behind an option, so say it after generation: the rule header's
 * fixable notice, and the 🔧 cell of the README table (its legend too).
 * @param {string} content
 * @param {string} file
 */
function markAutofixOptIn(content, file) {
  const rule = path.basename(file, '.md');
  if (autofixOptIn.has(rule)) return content.replace(FIXABLE_NOTICE, `$1${OPT_IN}`);
  if (path.basename(file) !== 'README.md') return content;
  return content
    .replace(
      /^(🔧 Automatically fixable by the \[`--fix` CLI option\]\([^)]*\))\./mu,
      '$1 (🔧 with `autofix: true`: only with that rule option on; editor suggestions otherwise).',
    )
    .replace(/^\| \[([a-z-]+)\]\(rules-docs\/.*$/gmu, (/** @type {string} */ row, /** @type {string} */ name) =>
      autofixOptIn.has(name) ? row.replace(' | 🔧 | ', ' | 🔧 with `autofix: true` | ') : row,
    );
}

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
  postprocess: markAutofixOptIn,
};

export default config;
