/**
 * Every rule page in rules-docs/ keeps the house-style sections, and its examples cannot drift from the
 * rule: each ❌ block must be reported by the rule and each ✅ block must not (see CONTRIBUTING.md).
 */
import fs from 'node:fs';
import path from 'node:path';

import type { ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../src/index.js';
import { rules } from '../src/rules/index.js';
import { lintExample, lintExampleWithRules, NAMESPACE, repoRoot } from './helpers/lint-example.js';
import {
  type CodeExample,
  extractCodeExamples,
  LINTED_LANGUAGES,
  sectionText,
  sectionTitles,
} from './helpers/markdown-examples.js';
import { optionNames } from './helpers/rule-schema.js';

const docsDir = path.join(repoRoot, 'rules-docs');
const REQUIRED_SECTIONS = ['Examples', 'Options', 'When Not To Use It', 'Python asyncio equivalent', 'Related Rules'];

// A fresh clone has no rules-docs/ until the first rule lands (git keeps no empty folders).
const docNames = (fs.existsSync(docsDir) ? fs.readdirSync(docsDir) : [])
  .filter((file) => file.endsWith('.md'))
  .map((file) => file.slice(0, -'.md'.length))
  .sort();
const ruleNames = Object.keys(rules).sort();

function extensionOf(example: CodeExample): string | undefined {
  if (example.filename) return path.extname(example.filename).slice(1);
  return LINTED_LANGUAGES[example.lang];
}

function isLinted(example: CodeExample): boolean {
  return extensionOf(example) !== undefined && !example.skip;
}

describe('rules-docs/', () => {
  it('has a page for every rule', () => {
    expect(ruleNames.filter((name) => !docNames.includes(name))).toEqual([]);
  });

  it('has no page without a rule', () => {
    expect(docNames.filter((name) => !ruleNames.includes(name))).toEqual([]);
  });
});

for (const name of ruleNames.filter((ruleName) => docNames.includes(ruleName))) {
  const rule = rules[name]!;
  const file = `rules-docs/${name}.md`;
  const markdown = fs.readFileSync(path.join(repoRoot, file), 'utf8');

  describe(file, () => {
    it('has the house-style sections, in order', () => {
      const titles = sectionTitles(markdown);
      expect(
        REQUIRED_SECTIONS.filter((title) => !titles.includes(title)),
        'missing sections',
      ).toEqual([]);
      const positions = REQUIRED_SECTIONS.map((title) => titles.indexOf(title));
      expect(positions, `sections out of order: ${titles.join(' / ')}`).toEqual([...positions].sort((a, b) => a - b));
    });

    it('names every option in ## Options', () => {
      const options = sectionText(markdown, 'Options');
      expect(optionNames(rule.meta.schema).filter((option) => !options.includes(`\`${option}\``))).toEqual([]);
    });

    let examples: CodeExample[];
    try {
      examples = extractCodeExamples(markdown);
    } catch (error) {
      it('follows the example-marking convention', () => {
        throw new Error(`${file}: ${(error as Error).message}`);
      });
      return;
    }

    it('marks every JS/TS block in ## Examples ❌ or ✅ (or skips it), with at least one of each', () => {
      const inExamples = examples.filter((example) => example.section === 'Examples' && isLinted(example));
      expect(
        inExamples.filter((example) => !example.mark).map((example) => `line ${example.line}`),
        'unmarked blocks',
      ).toEqual([]);
      expect(
        inExamples.some((example) => example.mark === 'incorrect'),
        'no ❌ block',
      ).toBe(true);
      expect(
        inExamples.some((example) => example.mark === 'correct'),
        'no ✅ block',
      ).toBe(true);
    });

    for (const example of examples.filter((candidate) => candidate.mark && isLinted(candidate))) {
      const incorrect = example.mark === 'incorrect';
      const extension = extensionOf(example)!;
      it(`${incorrect ? '❌ reports' : '✅ does not report'} the block at line ${example.line} (${extension})`, () => {
        const messages = lintExample({ ruleName: name, rule, code: example.code, extension, options: example.options });
        const where = `${file}:${example.line}`;
        const fatal = messages.filter((message) => message.fatal || message.ruleId === null);
        expect(
          fatal.map((message) => `${where}: ${message.message}`),
          'the block does not parse',
        ).toEqual([]);
        const reports = messages.filter((message) => message.ruleId === `${NAMESPACE}/${name}`);
        if (incorrect) {
          expect(reports.length, `${where}: a ❌ block must be reported by ${name}`).toBeGreaterThan(0);
        } else {
          expect(
            reports.map((report) => `${where} (block line ${report.line}): ${report.message}`),
            `a ✅ block must not be reported by ${name}`,
          ).toEqual([]);
        }
      });

      // A ✅ block is advice to copy: no other rule of `recommended` may report it either.
      if (!incorrect) {
        it(`✅ is not reported by any recommended rule: the block at line ${example.line} (${extension})`, () => {
          const ruleId = `${NAMESPACE}/${name}`;
          const recommended = plugin.configs.recommended.rules;
          const withOptions = example.options
            ? { ...recommended, [ruleId]: ['error', ...example.options] }
            : recommended;
          const messages = lintExampleWithRules({
            plugin: plugin as ESLint.Plugin,
            code: example.code,
            extension,
            rules: withOptions as Linter.RulesRecord,
          });
          expect(
            messages.map(
              (message) => `${file}:${example.line} (block line ${message.line}) ${message.ruleId}: ${message.message}`,
            ),
            'a ✅ block must not be reported by the recommended config',
          ).toEqual([]);
        });
      }
    }
  });
}
