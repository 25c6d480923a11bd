#!/usr/bin/env node
/**
 * The benchmark: lints each corpus with configurations A–E (and B0, B without cross-file analysis), each run in a fresh `node` process
 * (lint-worker.js), several runs each, and reports medians of wall time, parse and per-rule time
 * (ESLint's `stats`), peak RSS and reports per rule; then the overlap between the typed anchors'
 * promise reports (E) and our no-floating-promise (B, C), and the targets as ratios.
 * Measuring is in measure.js, aggregating in aggregate.js, the Markdown in report.js.
 *
 *   node bench/run.js [--runs 3] [--corpus mongodb[,effect]] [--configs A,B] [--quick] [--limit N] [--plugin dist/index.js]
 *
 * A full run (all corpora, all configurations, no limit) writes bench/RESULTS.md and
 * bench/DIFFERENCES.md; a partial one writes them under bench/.work/ so the committed files only
 * ever hold full runs. Raw numbers go to bench/.work/results.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { aggregate } from './aggregate.js';
import { configurations, loadPlugin, ourRules } from './configs.js';
import { benchCorpora, benchDir, corpusByName, workDir } from './corpora.js';
import { measure, nodeFlags, prepareCorpora } from './measure.js';
import { renderDifferences, renderResults } from './report.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string' },
    corpus: { type: 'string', multiple: true },
    configs: { type: 'string' },
    quick: { type: 'boolean', default: false },
    limit: { type: 'string' },
    plugin: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(
    'usage: node bench/run.js [--runs N] [--corpus name[,name]] [--configs A,B,B0,C,D,E] [--quick] [--limit N] [--plugin path]',
  );
  process.exit(0);
}

const runs = Number(values.runs ?? (values.quick ? 1 : 3));
const limit = values.limit ? Number(values.limit) : values.quick ? 200 : undefined;
const selectedCorpora = values.corpus ? values.corpus.flatMap((c) => c.split(',')).map(corpusByName) : benchCorpora;
const selectedConfigs = values.configs
  ? values.configs.split(',').map((c) => c.trim().toUpperCase())
  : Object.keys(configurations);
for (const config of selectedConfigs)
  if (!(config in configurations)) throw new Error(`unknown configuration ${config}`);
const full =
  !limit &&
  selectedCorpora.length === benchCorpora.length &&
  selectedConfigs.length === Object.keys(configurations).length;
const outputDir = full ? benchDir : workDir;

const plugin = await loadPlugin(values.plugin);
const ours = Object.keys(ourRules(plugin));

const prepared = prepareCorpora(selectedCorpora, { limit });
const loadBefore = os.loadavg();
const { samples, failures } = measure({
  corpora: selectedCorpora,
  configs: selectedConfigs,
  runs,
  prepared,
  pluginPath: values.plugin,
});
const loadAfter = os.loadavg();
const results = aggregate({
  samples,
  failures,
  prepared,
  corpora: selectedCorpora,
  configs: selectedConfigs,
  plugin,
  ours,
});

const command = `node bench/run.js ${process.argv.slice(2).join(' ')}`.trim();
const text = renderResults({
  ...results,
  full,
  command,
  runs,
  limit,
  nodeFlags,
  corpora: selectedCorpora,
  configs: selectedConfigs,
  prepared,
  plugin,
  ours,
  load: { loadBefore, loadAfter },
});
const differences = renderDifferences({ ...results, full, command, corpora: selectedCorpora });

console.log(`\n${text}`);
fs.mkdirSync(outputDir, { recursive: true });
const resultsPath = path.join(outputDir, full ? 'RESULTS.md' : 'RESULTS.partial.md');
const differencesPath = path.join(outputDir, full ? 'DIFFERENCES.md' : 'DIFFERENCES.partial.md');
fs.writeFileSync(resultsPath, text);
fs.writeFileSync(differencesPath, differences);
const { table, overlaps, targets } = results;
fs.writeFileSync(path.join(workDir, 'results.json'), JSON.stringify({ table, overlaps, targets, failures }, null, 1));
console.log(`wrote ${path.relative(process.cwd(), resultsPath)} and ${path.relative(process.cwd(), differencesPath)}`);
if (failures.length) process.exitCode = 1;
