#!/usr/bin/env node
/**
 * The precision triage: are our reports on real code worth fixing? Lints each corpus with every rule of
 * the plugin at its default options (the `recommended` config, plus the rules it leaves out, such as
 * prefer-promise-all, counted apart), without types and, for the corpora named by --typed, with types;
 * takes a seeded, stable sample of up to --size reports per corpus × mode × rule (precision/sample.js),
 * and matches them with the hand-read verdicts of precision/verdicts.js. Prints the share worth fixing per
 * corpus, rule and mode, the totals per rule and mode, the verdicts whose report is gone, and every
 * sampled report not read yet.
 *
 *   node bench/precision.js [--corpus name]... [--typed name,name|none] [--size 10] [--seed 1]
 *                           [--reuse] [--show] [--stubs] [--plugin dist/index.js]
 *
 * A run over every corpus with the default --typed, --size and --seed writes bench/PRECISION.md (the record,
 * committed); any other run writes bench/.work/PRECISION.partial.md.
 * --reuse takes the reports of the last run (bench/.work/precision/) instead of linting again;
 * --show prints each unread report with the code around it; --stubs prints a verdict entry to fill in
 * for each unread report.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { clearCaches } from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import globals from 'globals';
import tseslint from 'typescript-eslint';

import { loadPlugin, pluginNamespace } from './configs.js';
import {
  benchDir,
  corpora,
  corpusByName,
  packageVersion,
  prepareCorpus,
  repoDir,
  tarballCorpora,
  workDir,
} from './corpora.js';
import {
  distinctReports,
  emptyTally,
  fingerprint,
  matchVerdicts,
  sampleReports,
  shareWorthFixing,
  tally,
  verdictKinds,
} from './precision/sample.js';
import { verdicts } from './precision/verdicts.js';

const defaultTyped =
  'mongodb,typeorm,puppeteer-core,undici,bullmq,mongoose,ghost,node-red,directus,n8n-core,medusa,pm2,strapi-core,agenda,bull';
const defaultSize = '10';
const defaultSeed = '1';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', multiple: true },
    typed: { type: 'string', default: defaultTyped },
    size: { type: 'string', default: defaultSize },
    seed: { type: 'string', default: defaultSeed },
    reuse: { type: 'boolean', default: false },
    show: { type: 'boolean', default: false },
    stubs: { type: 'boolean', default: false },
    plugin: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(
    'usage: node bench/precision.js [--corpus name]... [--typed name,name|none] [--size 10] [--seed 1] [--reuse] [--show] [--stubs] [--plugin path]',
  );
  process.exit(0);
}

const allCorpora = [...corpora, ...tarballCorpora];
const selected = values.corpus ? values.corpus.flatMap((c) => c.split(',')).map(corpusByName) : allCorpora;
const typedNames = new Set(values.typed === 'none' ? [] : values.typed.split(',').filter(Boolean));
for (const name of typedNames) corpusByName(name);
const size = Number(values.size);
const seed = Number(values.seed);
const cacheDir = path.join(workDir, 'precision');

const plugin = await loadPlugin(values.plugin);
const namespace = pluginNamespace(plugin);
const pluginVersion = values.plugin
  ? path.relative(process.cwd(), values.plugin)
  : `built from commit ${spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoDir, encoding: 'utf8' }).stdout.trim()}`;
const recommendedConfig = /** @type {import('eslint').Linter.Config | undefined} */ (plugin.configs?.recommended);
const recommended = new Set(
  Object.keys(recommendedConfig?.rules ?? {})
    .filter((id) => id.startsWith(`${namespace}/`))
    .map((id) => id.slice(namespace.length + 1)),
);
const ruleNames = Object.keys(plugin.rules).sort();

// --- lint ----------------------------------------------------------------------------------------

/** @typedef {import('./precision/sample.js').Report} Report */
/** @typedef {import('./precision/sample.js').Mode} Mode */

/**
 * Every report of every rule at its default options on one corpus in one mode.
 * @param {import('./corpora.js').Corpus} corpus
 * @param {Mode} mode
 * @returns {Promise<Report[]>}
 */
async function lintCorpus(corpus, mode) {
  const { dir, files } = prepareCorpus(corpus);
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{ts,mts,cts,tsx,js,mjs,cjs,jsx}'],
        plugins: { [namespace]: plugin },
        languageOptions: {
          parser: tseslint.parser,
          ecmaVersion: 'latest',
          sourceType: corpus.sourceType,
          globals: { ...globals.node },
          parserOptions: mode === 'typed' ? { projectService: true, tsconfigRootDir: dir } : {},
        },
        // The corpora's own eslint comments name rules that are not loaded here.
        linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
        rules: Object.fromEntries(ruleNames.map((name) => [`${namespace}/${name}`, 'error'])),
      },
    ],
    cache: false,
  });
  const results = await eslint.lintFiles(files);
  /** @type {Report[]} */
  const reports = [];
  for (const result of results) {
    const file = path.relative(dir, result.filePath).split(path.sep).join('/');
    const lines = (result.source ?? fs.readFileSync(result.filePath, 'utf8')).split('\n');
    for (const message of result.messages) {
      if (message.fatal) throw new Error(`${corpus.name} ${mode}: ${file}:${message.line}: ${message.message}`);
      if (!message.ruleId?.startsWith(`${namespace}/`)) continue;
      reports.push({
        corpus: corpus.name,
        mode,
        rule: message.ruleId.slice(namespace.length + 1),
        file,
        line: message.line,
        text: fingerprint(lines[message.line - 1] ?? ''),
        message: message.message,
      });
    }
  }
  if (mode === 'typed') clearCaches();
  return reports;
}

/** @type {Report[]} */
const reports = [];
/** @type {Record<string, string>} */
const versions = {};
/** @type {Set<string>} */
const lintedModes = new Set();
fs.mkdirSync(cacheDir, { recursive: true });
for (const corpus of selected) {
  versions[corpus.name] = packageVersion(corpus);
  /** @type {Mode[]} */
  const modes = typedNames.has(corpus.name) ? ['untyped', 'typed'] : ['untyped'];
  for (const mode of modes) {
    lintedModes.add(`${corpus.name}\u0000${mode}`);
    const cache = path.join(cacheDir, `${corpus.name}.${mode}.json`);
    if (values.reuse && fs.existsSync(cache)) {
      reports.push(...JSON.parse(fs.readFileSync(cache, 'utf8')));
      continue;
    }
    const started = performance.now();
    const found = await lintCorpus(corpus, mode);
    fs.writeFileSync(cache, JSON.stringify(found));
    console.error(
      `${corpus.name} ${mode}: ${found.length} reports in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    reports.push(...found);
  }
}

// --- sample, match, count ------------------------------------------------------------------------

const distinct = distinctReports(reports);
const sampled = sampleReports(distinct, { size, seed });
const matching = matchVerdicts({ reports: distinct, sampled, verdicts, versions, modes: lintedModes });

const modes = /** @type {Mode[]} */ (['untyped', 'typed']);
const inRecommended = (/** @type {string} */ rule) => recommended.has(rule);
const header = `| reports | sampled | read | ${verdictKinds.join(' | ')} | unread | worth fixing |`;
const rule = '|---:|---:|---:|---:|---:|---:|---:|---:|';
const cells = (/** @type {import('./precision/sample.js').Tally} */ t) =>
  `${t.reports} | ${t.sampled} | ${t.read} | ${verdictKinds.map((k) => t[k]).join(' | ')} | ${t.unread} | **${shareWorthFixing(t)}** |`;

const out = [];
out.push(
  `# Precision triage`,
  '',
  `Every rule at its default options; \`recommended\`: ${[...recommended].sort().join(', ') || 'none'}. ` +
    `Linted with types: ${[...typedNames].filter((n) => selected.some((c) => c.name === n)).join(', ') || 'none'}. ` +
    `Sample: up to ${size} reports per corpus × mode × rule (seed ${seed}); one report per rule and line. ` +
    `"worth fixing" is the share of the read reports.`,
  '',
);

for (const mode of modes) {
  const byGroup = tally({
    reports: distinct,
    sampled,
    matching,
    keyOf: (r) => (r.mode === mode ? `${r.corpus}\u0000${r.rule}` : undefined),
  });
  if (byGroup.size === 0) continue;
  out.push(`## ${mode}`, '', `| corpus | rule ${header}`, `|---|---${rule}`);
  for (const corpus of selected)
    for (const name of ruleNames) {
      const row = byGroup.get(`${corpus.name}\u0000${name}`);
      if (row) out.push(`| ${corpus.name} | ${name}${inRecommended(name) ? '' : ' (not recommended)'} | ${cells(row)}`);
    }
  out.push('');

  const byRule = tally({ reports: distinct, sampled, matching, keyOf: (r) => (r.mode === mode ? r.rule : undefined) });
  const byCorpus = tally({
    reports: distinct,
    sampled,
    matching,
    keyOf: (r) => (r.mode === mode && inRecommended(r.rule) ? r.corpus : undefined),
  });
  const overall = tally({
    reports: distinct,
    sampled,
    matching,
    keyOf: (r) => (r.mode === mode && inRecommended(r.rule) ? 'recommended' : undefined),
  });
  out.push(`### ${mode}: per rule, all corpora`, '', `| rule ${header}`, `|---${rule}`);
  for (const name of ruleNames) {
    const row = byRule.get(name);
    if (row) out.push(`| ${name}${inRecommended(name) ? '' : ' (not recommended)'} | ${cells(row)}`);
  }
  const all = overall.get('recommended');
  if (all) out.push(`| **recommended rules** | ${cells(all)}`);
  out.push('', `### ${mode}: recommended rules, per corpus`, '', `| corpus ${header}`, `|---${rule}`);
  for (const corpus of selected) {
    if (!lintedModes.has(`${corpus.name}\u0000${mode}`)) continue;
    out.push(`| ${corpus.name} | ${cells(byCorpus.get(corpus.name) ?? emptyTally())}`);
  }
  out.push('');
}

const where = (/** @type {{ corpus: string, mode: Mode, rule: string, file: string, line: number }} */ v) =>
  `${v.corpus} ${v.mode} ${v.rule} \`${v.file}:${v.line}\``;
if (matching.removed.length) {
  out.push(`## Verdicts whose report is gone (${matching.removed.length})`, '');
  for (const kind of verdictKinds) {
    const gone = matching.removed.filter((v) => v.verdict === kind);
    if (gone.length) out.push(`- ${kind}: ${gone.length}${kind === 'worth fixing' ? ' (real finds lost)' : ''}`);
  }
  out.push('', ...matching.removed.map((v) => `- ${where(v)} (${v.verdict}): ${v.why}`), '');
}
if (matching.moved.length) {
  out.push(`## Verdicts whose line moved (re-key them in precision/verdicts.js)`, '');
  for (const { report, verdict } of matching.moved) out.push(`- ${where(verdict)} is now line ${report.line}`);
  out.push('');
}
if (matching.otherVersion.length) {
  out.push(`## Verdicts read on another corpus version (read again)`, '');
  for (const v of matching.otherVersion)
    out.push(`- ${where(v)} read on ${v.version}, installed ${versions[v.corpus]}`);
  out.push('');
}
if (matching.outsideSample.length)
  out.push(`${matching.outsideSample.length} verdicts apply to reports outside the current sample (not counted).`, '');
out.push(`## Unread sampled reports (${matching.unread.length})`, '');
for (const report of matching.unread) out.push(`- ${where(report)}: ${report.message}`);
const text = `${out.join('\n')}\n`;
console.log(text);
// Only a run over every corpus with the default sample is the record (bench/PRECISION.md, committed).
const full =
  selected.length === allCorpora.length &&
  values.typed === defaultTyped &&
  values.size === defaultSize &&
  values.seed === defaultSeed;
const recordPath = full ? path.join(benchDir, 'PRECISION.md') : path.join(workDir, 'PRECISION.partial.md');
fs.writeFileSync(
  recordPath,
  text.replace(
    /^# Precision triage\n/u,
    `# Precision triage\n\n\`node bench/precision.js\` (plugin ${pluginVersion}${values.reuse ? ', reports of an earlier lint where cached' : ''}; verdicts in precision/verdicts.js); written by the script.\n`,
  ),
);
console.error(`wrote ${path.relative(process.cwd(), recordPath)}`);

// --- reading aids --------------------------------------------------------------------------------

if (values.show) {
  for (const report of matching.unread) {
    const source = fs.readFileSync(path.join(workDir, report.corpus, report.file), 'utf8').split('\n');
    const from = Math.max(0, report.line - 16);
    const to = Math.min(source.length, report.line + 6);
    console.log(`\n=== ${where(report)}\n    ${report.message}`);
    for (let i = from; i < to; i++)
      console.log(`${i + 1 === report.line ? '>' : ' '}${String(i + 1).padStart(5)} ${source[i]}`);
  }
}
if (values.stubs) {
  console.log('\n// verdict stubs for precision/verdicts.js');
  for (const r of matching.unread)
    console.log(
      `  ${r.corpus.replace(/-core$/u, '')}(${JSON.stringify([r.mode, r.rule, r.file, r.line, r.text]).slice(1, -1)}, '?', ''),`,
    );
}
