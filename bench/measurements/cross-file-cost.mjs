/**
 * What the project layer (cross-file knowledge, src/analysis/project) costs without types: lints one
 * corpus copied by run.js with configuration B, cross-file analysis on or off, in this process, and
 * prints ESLint's parse time, the rule times and what the layer read. Run it twice (on, then off),
 * each in a fresh process, after `npm run build` and one `node bench/run.js --runs 1 --corpus <name> --configs A`:
 *
 *   node bench/measurements/cross-file-cost.mjs undici on
 *   node bench/measurements/cross-file-cost.mjs undici off
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { ESLint } from 'eslint';

import { buildConfig, defaultPluginPath, loadPlugin } from '../configs.js';
import { repoDir } from '../corpora.js';

const [corpus = 'undici', mode = 'on'] = process.argv.slice(2);
const dir = path.join(repoDir, 'bench', '.work', corpus);
const files = JSON.parse(fs.readFileSync(path.join(repoDir, 'bench', '.work', `${corpus}.files.json`), 'utf8'));
const plugin = await loadPlugin();
const summaryCache = await import(
  pathToFileURL(path.join(path.dirname(defaultPluginPath), 'analysis', 'project', 'summary-cache.js')).href
);
const sourceType = corpus === 'undici' ? 'commonjs' : 'module';
const eslint = new ESLint({
  cwd: dir,
  overrideConfigFile: true,
  overrideConfig: [
    ...buildConfig('B', { plugin, dir, sourceType }),
    { settings: { 'event-loop': { crossFile: mode !== 'off' } } },
  ],
  stats: true,
  cache: false,
});
const started = performance.now();
const results = await eslint.lintFiles(files);
const wall = performance.now() - started;
let parseMs = 0;
const ruleMs = {};
let reports = 0;
for (const result of results) {
  reports += result.messages.filter((message) => message.ruleId === 'event-loop/no-floating-promise').length;
  for (const pass of result.stats?.times.passes ?? []) {
    parseMs += pass.parse.total;
    for (const [rule, time] of Object.entries(pass.rules ?? {})) ruleMs[rule] = (ruleMs[rule] ?? 0) + time.total;
  }
}
const allRules = Object.values(ruleMs).reduce((sum, time) => sum + time, 0);
console.log(`${corpus}, cross-file ${mode}: ${results.length} files, lint ${(wall / 1000).toFixed(2)} s`);
console.log(
  `  parse ${parseMs.toFixed(0)} ms, all rules ${allRules.toFixed(0)} ms (${((allRules / parseMs) * 100).toFixed(1)} % of parse)`,
);
for (const [rule, time] of Object.entries(ruleMs).sort()) console.log(`  ${rule}: ${time.toFixed(0)} ms`);
console.log(`  no-floating-promise reports: ${reports}; summaries held: ${summaryCache.getSummaryCacheSize()}`);
