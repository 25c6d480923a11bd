#!/usr/bin/env node
/**
 * The benchmark: lints each corpus with configurations A–E, each run in a fresh `node` process
 * (lint-worker.js), several runs each, and reports medians of wall time, parse and per-rule time
 * (ESLint's `stats`), peak RSS and reports per rule; then the overlap between the typed anchors'
 * promise reports (E) and our no-floating-promise (B, C), and the targets as ratios.
 *
 *   node bench/run.js [--runs 3] [--corpus mongodb[,effect]] [--configs A,B] [--quick] [--limit N] [--plugin dist/index.js]
 *
 * A full run (all corpora, all configurations, no limit) writes bench/RESULTS.md and
 * bench/DIFFERENCES.md; a partial one writes them under bench/.work/ so the committed files only
 * ever hold full runs. Raw numbers go to bench/.work/results.json.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchDir, corpora, corpusByName, nodeModulesDir, packageVersion, prepareCorpus, workDir } from './corpora.js';
import { anchorRules, configurations, loadPlugin, ourRules, pluginNamespace } from './configs.js';
import { verdicts } from './triage.js';

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
    'usage: node bench/run.js [--runs N] [--corpus name[,name]] [--configs A,B,C,D,E] [--quick] [--limit N] [--plugin path]',
  );
  process.exit(0);
}

const runs = Number(values.runs ?? (values.quick ? 1 : 3));
const limit = values.limit ? Number(values.limit) : values.quick ? 200 : undefined;
const selectedCorpora = values.corpus ? values.corpus.flatMap((c) => c.split(',')).map(corpusByName) : corpora;
const selectedConfigs = values.configs
  ? values.configs.split(',').map((c) => c.trim().toUpperCase())
  : Object.keys(configurations);
for (const config of selectedConfigs) if (!configurations[config]) throw new Error(`unknown configuration ${config}`);
const full = !limit && selectedCorpora.length === corpora.length && selectedConfigs.length === 5;
const outputDir = full ? benchDir : workDir;

const plugin = await loadPlugin(values.plugin);
const namespace = pluginNamespace(plugin);
const ours = Object.keys(ourRules(plugin));
const ourFloating = `${namespace}/no-floating-promise`;
const typedAnchors = Object.keys(anchorRules.E);

// --- run ---------------------------------------------------------------------------------------

fs.mkdirSync(workDir, { recursive: true });
const prepared = new Map();
for (const corpus of selectedCorpora) {
  const info = prepareCorpus(corpus, { limit });
  const filesList = path.join(workDir, `${corpus.name}.files.json`);
  fs.writeFileSync(filesList, JSON.stringify(info.files));
  prepared.set(corpus.name, { ...info, filesList, version: packageVersion(corpus) });
}

const workerPath = path.join(benchDir, 'lint-worker.js');
// Same for every configuration: fresh process, same flags, same environment.
const childEnv = { ...process.env };
delete childEnv.NODE_OPTIONS;
delete childEnv.TIMING;
const nodeFlags = ['--max-old-space-size=8192'];

/** samples[corpus][config] = array of worker results (plus wallMs measured here). */
const samples = {};
const failures = [];
for (let run = 1; run <= runs; run++) {
  for (const corpus of selectedCorpora) {
    const info = prepared.get(corpus.name);
    for (const config of selectedConfigs) {
      const out = path.join(workDir, `result-${corpus.name}-${config}.json`);
      fs.rmSync(out, { force: true });
      const args = [...nodeFlags, workerPath, '--config', config, '--dir', info.dir, '--files', info.filesList];
      args.push('--source-type', corpus.sourceType, '--out', out);
      if (values.plugin) args.push('--plugin', path.resolve(values.plugin));
      const started = performance.now();
      const child = spawnSync(process.execPath, args, { env: childEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const wallMs = performance.now() - started;
      if (child.status !== 0 || !fs.existsSync(out)) {
        const detail = (child.stderr || child.error?.message || '').trim().split('\n').slice(-15).join('\n');
        failures.push({ corpus: corpus.name, config, run, detail });
        console.log(`[run ${run}/${runs}] ${corpus.name} ${config}: FAILED (exit ${child.status})\n${detail}`);
        continue;
      }
      const result = { ...JSON.parse(fs.readFileSync(out, 'utf8')), wallMs };
      ((samples[corpus.name] ??= {})[config] ??= []).push(result);
      const reports = Object.values(result.reportsPerRule).reduce((a, b) => a + b, 0);
      console.log(
        `[run ${run}/${runs}] ${corpus.name.padEnd(14)} ${config}: ${seconds(wallMs)} s wall, ${seconds(result.parseMs)} s parse, ` +
          `${seconds(result.rulesMs)} s rules, ${mb(result.maxRssKb)} MB peak RSS, ${reports} reports` +
          (result.fatal.length ? `, ${result.fatal.length} files failed to parse` : ''),
      );
    }
  }
}

// --- aggregate ---------------------------------------------------------------------------------

function median(numbers) {
  if (numbers.length === 0) return undefined;
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Medians of one corpus × configuration, or undefined if every run failed. */
function summary(corpusName, config) {
  const list = samples[corpusName]?.[config];
  if (!list?.length) return undefined;
  const ruleIds = new Set(list.flatMap((r) => Object.keys(r.ruleTimes)));
  const first = list[0];
  return {
    runs: list.length,
    files: first.files,
    wallMs: median(list.map((r) => r.wallMs)),
    parseMs: median(list.map((r) => r.parseMs)),
    rulesMs: median(list.map((r) => r.rulesMs)),
    rssKb: median(list.map((r) => r.maxRssKb)),
    // Spread between runs, to judge the noise in the medians.
    wallRange: [Math.min(...list.map((r) => r.wallMs)), Math.max(...list.map((r) => r.wallMs))],
    rssRange: [Math.min(...list.map((r) => r.maxRssKb)), Math.max(...list.map((r) => r.maxRssKb))],
    ruleTimes: Object.fromEntries([...ruleIds].map((id) => [id, median(list.map((r) => r.ruleTimes[id] ?? 0))])),
    reportsPerRule: first.reportsPerRule,
    reports: first.reports,
    fatal: first.fatal,
    // Reports are deterministic; a run that disagrees points at state kept between files or runs.
    stable: list.every((r) => JSON.stringify(r.reportsPerRule) === JSON.stringify(first.reportsPerRule)),
  };
}

const table = {};
for (const corpus of selectedCorpora) {
  table[corpus.name] = {};
  for (const config of selectedConfigs) table[corpus.name][config] = summary(corpus.name, config);
}

function sumOver(config, pick) {
  let total = 0;
  for (const corpus of selectedCorpora) {
    const s = table[corpus.name][config];
    if (!s) return undefined;
    total += pick(s);
  }
  return total;
}

const locationKey = (report) => `${report.file}:${report.line}`;

/** Hand-read verdicts (triage.js) that apply to the installed corpus versions, by corpus and location. */
const triage = new Map();
const staleVerdicts = [];
for (const verdict of verdicts) {
  const info = prepared.get(verdict.corpus);
  if (!info) continue;
  if (verdict.version !== info.version) {
    staleVerdicts.push(
      `- triage.js: ${verdict.corpus} ${verdict.version} \`${verdict.file}:${verdict.line}\` was read on another version (installed: ${info.version}); read the reports again`,
    );
    continue;
  }
  triage.set(`${verdict.corpus}:${locationKey(verdict)}`, verdict);
}
const isFalsePositive = (corpusName, report) =>
  report.ruleId === '@typescript-eslint/no-floating-promises' &&
  triage.get(`${corpusName}:${locationKey(report)}`)?.verdict === 'false positive';

/** Overlap of E's promise reports with our no-floating-promise in B or C, for one corpus. */
function overlap(corpusName, ourConfig) {
  const anchors = table[corpusName].E;
  const mine = table[corpusName][ourConfig];
  if (!anchors || !mine) return undefined;
  const ourReports = mine.reports.filter((r) => r.ruleId === ourFloating);
  const ourLocations = new Set(ourReports.map(locationKey));
  const anchorReports = anchors.reports.filter((r) => typedAnchors.includes(r.ruleId));
  const anchorLocations = new Set(anchorReports.map(locationKey));
  const byRule = {};
  for (const id of typedAnchors) {
    const list = anchorReports.filter((r) => r.ruleId === id);
    const genuine = list.filter((r) => !isFalsePositive(corpusName, r));
    byRule[id] = {
      total: list.length,
      found: list.filter((r) => ourLocations.has(locationKey(r))).length,
      // Reports read by hand (triage.js) as false positives are left out of the recall target.
      trueTotal: genuine.length,
      trueFound: genuine.filter((r) => ourLocations.has(locationKey(r))).length,
    };
  }
  return {
    byRule,
    missed: anchorReports.filter((r) => !ourLocations.has(locationKey(r))),
    extra: ourReports.filter((r) => !anchorLocations.has(locationKey(r))),
    ours: ourReports.length,
  };
}

const overlaps = {};
for (const corpus of selectedCorpora)
  overlaps[corpus.name] = { B: overlap(corpus.name, 'B'), C: overlap(corpus.name, 'C') };

// --- targets -----------------------------------------------------------------------------------

const pass = (ok) => (ok === undefined ? '—' : ok ? '✅' : '❌');
const percent = (value) =>
  value === undefined || !Number.isFinite(value) ? 'n/a' : `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)} %`;
const times = (value) => (value === undefined || !Number.isFinite(value) ? 'n/a' : `${value.toFixed(2)}×`);

function relativeIncrease(b, a) {
  return a === undefined || b === undefined || a === 0 ? undefined : (b - a) / a;
}

const targets = [];
{
  const perCorpus = (pick) =>
    selectedCorpora.map((c) => relativeIncrease(pick(table[c.name].B), pick(table[c.name].A)));
  const wall = perCorpus((s) => s?.wallMs);
  const wallAll = relativeIncrease(
    sumOver('B', (s) => s.wallMs),
    sumOver('A', (s) => s.wallMs),
  );
  targets.push({
    name: '(B − A) / A wall time',
    cells: wall.map(percent),
    all: percent(wallAll),
    limit: '≤ +10 %',
    ok: wallAll === undefined ? undefined : wallAll <= 0.1,
  });
  const rss = perCorpus((s) => s?.rssKb);
  const rssWorst = rss.some((r) => r === undefined) ? undefined : Math.max(...rss);
  targets.push({
    name: '(B − A) / A peak RSS',
    cells: rss.map(percent),
    all: `${percent(rssWorst)} (worst)`,
    limit: '≤ +5 %',
    ok: rssWorst === undefined ? undefined : rssWorst <= 0.05,
  });
  const ourTyped = (s) => (s ? ours.reduce((sum, id) => sum + (s.ruleTimes[id] ?? 0), 0) : undefined);
  const anchorTyped = (s) => (s ? typedAnchors.reduce((sum, id) => sum + (s.ruleTimes[id] ?? 0), 0) : undefined);
  const ratio = (a, b) => (a === undefined || !b || ours.length === 0 ? undefined : a / b);
  const ruleRatio = selectedCorpora.map((c) => ratio(ourTyped(table[c.name].C), anchorTyped(table[c.name].E)));
  const ruleAll = ratio(sumOver('C', ourTyped), sumOver('E', anchorTyped));
  targets.push({
    name: 'our rule time with types (C) / anchors’ rule time with types (E)',
    cells: ruleRatio.map(times),
    all: times(ruleAll),
    limit: '≤ 0.50×',
    ok: ruleAll === undefined ? undefined : ruleAll <= 0.5,
  });
  const recallCell = (o) => {
    const r = o?.byRule['@typescript-eslint/no-floating-promises'];
    if (!r || r.trueTotal === 0 || !plugin.rules['no-floating-promise']) return 'n/a';
    return `${((r.trueFound / r.trueTotal) * 100).toFixed(0)} % (${r.trueFound}/${r.trueTotal})`;
  };
  let found = 0;
  let total = 0;
  for (const c of selectedCorpora) {
    const r = overlaps[c.name].B?.byRule['@typescript-eslint/no-floating-promises'];
    if (r) {
      found += r.trueFound;
      total += r.trueTotal;
    }
  }
  const recallAll = total && plugin.rules['no-floating-promise'] ? found / total : undefined;
  targets.push({
    name: 'no-floating-promise (B) finds the true no-floating-promises (E) reports (false positives read by hand in triage.js left out)',
    cells: selectedCorpora.map((c) => recallCell(overlaps[c.name].B)),
    all: recallAll === undefined ? 'n/a' : `${(recallAll * 100).toFixed(0)} % (${found}/${total})`,
    limit: '≥ 60 %',
    ok: recallAll === undefined ? undefined : recallAll >= 0.6,
  });
}

// --- report ------------------------------------------------------------------------------------

function seconds(ms) {
  return ms === undefined ? 'n/a' : (ms / 1000).toFixed(2);
}
function mb(kb) {
  return kb === undefined ? 'n/a' : (kb / 1024).toFixed(0);
}
function versionOf(name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(nodeModulesDir, name, 'package.json'), 'utf8')).version;
  } catch {
    return 'not installed';
  }
}
const row = (cells) => `| ${cells.join(' | ')} |`;
const corpusNames = selectedCorpora.map((c) => c.name);

function metricTable(title, format, pick, total = true) {
  const lines = [
    `### ${title}`,
    '',
    row(['corpus', ...selectedConfigs]),
    row(['---', ...selectedConfigs.map(() => '---:')]),
  ];
  for (const name of corpusNames)
    lines.push(row([name, ...selectedConfigs.map((c) => (table[name][c] ? format(pick(table[name][c])) : 'failed'))]));
  if (total) lines.push(row(['**all**', ...selectedConfigs.map((c) => format(sumOver(c, pick)))]));
  return [...lines, ''];
}

/** How much of (B − A) our rules' own code accounts for: B's rule time against A's wall time. */
function ownShare() {
  const ruleTime = sumOver('B', (s) => s.rulesMs);
  const wallA = sumOver('A', (s) => s.wallMs);
  if (ruleTime === undefined || !wallA) return [];
  return [
    `Our rules' own time without types (B's rule time, ESLint's \`stats\`) is ${((ruleTime / wallA) * 100).toFixed(1)} % of A's wall time; ` +
      'the rest of (B − A) is ESLint dispatching nodes to our listeners, garbage collection, and the run-to-run spread above.',
    '',
  ];
}

function perRuleTable(title, format, pick) {
  const ruleRows = [];
  for (const config of selectedConfigs) {
    const ids = new Set();
    for (const name of corpusNames) {
      const s = table[name][config];
      if (s) for (const id of [...Object.keys(s.ruleTimes), ...Object.keys(s.reportsPerRule)]) ids.add(id);
    }
    if (config === 'B' || config === 'C') for (const id of ours) ids.add(id);
    for (const id of [...ids].sort()) {
      const values = corpusNames.map((name) => (table[name][config] ? pick(table[name][config], id) : undefined));
      const total = values.every((v) => v !== undefined) ? values.reduce((a, b) => a + b, 0) : undefined;
      ruleRows.push(row([`${config}`, `\`${id}\``, ...values.map(format), format(total)]));
    }
  }
  const lines = [
    `### ${title}`,
    '',
    row(['config', 'rule', ...corpusNames, 'all']),
    row(['---', '---', ...corpusNames.map(() => '---:'), '---:']),
  ];
  if (ruleRows.length === 0) lines.push(row(['—', 'no rules ran', ...corpusNames.map(() => 'n/a'), 'n/a']));
  return [...lines, ...ruleRows, ''];
}

const cpus = os.cpus();
const command = `node bench/run.js ${process.argv.slice(2).join(' ')}`.trim();
const md = [
  full ? '# Benchmark results' : '# Benchmark results (partial run: not the committed numbers)',
  '',
  `Generated by \`${command}\` — do not edit by hand; \`npm run bench\` regenerates this file. How to read it: [README.md](README.md).`,
  '',
  '| | |',
  '|---|---|',
  `| date | ${new Date().toISOString().replace(/\.\d+Z$/u, 'Z')} |`,
  `| machine | ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()} ${os.arch()} |`,
  `| Node.js | ${process.version} |`,
  `| ESLint | ${versionOf('eslint')} |`,
  `| TypeScript | ${versionOf('typescript')} |`,
  `| typescript-eslint | ${versionOf('typescript-eslint')} |`,
  `| eslint-plugin-n | ${versionOf('eslint-plugin-n')} |`,
  `| plugin | ${plugin.meta?.name ?? '?'} ${plugin.meta?.version ?? '?'}; rules: ${ours.length ? ours.map((id) => `\`${id}\``).join(', ') : 'none yet'} |`,
  `| method | ${runs} run(s) of each configuration, each in a fresh \`node ${nodeFlags.join(' ')}\` process; medians. ${limit ? `First ${limit} files of each corpus only.` : 'All source files.'} |`,
  '',
  '## Configurations',
  '',
  'Same files, same process setup; `@typescript-eslint/parser` for every file; inline `eslint` comments in the corpora are ignored (`noInlineConfig`).',
  '',
  ...Object.entries(configurations)
    .filter(([c]) => selectedConfigs.includes(c))
    .map(([c, { title, typed }]) => `- **${c}**: ${title}${typed ? ' (generated `tsconfig.json` per corpus)' : ''}`),
  '',
  '## Corpora',
  '',
  row(['corpus', 'version', 'files linted', 'left out: .d.ts / tests / bundles']),
  row(['---', '---', '---:', '---']),
  ...selectedCorpora.map((c) => {
    const info = prepared.get(c.name);
    const { declarations, tests, bundles } = info.excluded;
    return row([
      c.name,
      info.version,
      `${info.files.length}${limit ? ` of ${info.totalFiles}` : ''}`,
      `${declarations} / ${tests} / ${bundles}`,
    ]);
  }),
  '',
  '## Targets',
  '',
  'Judged on the **all** column (sums over the corpora; peak RSS: the worst corpus). Per-corpus ratios of small corpora are noisy.',
  '',
  row(['target', ...corpusNames, 'all', 'limit', 'met']),
  row(['---', ...corpusNames.map(() => '---:'), '---:', '---', '---']),
  ...targets.map((t) => row([t.name, ...t.cells, t.all, t.limit, pass(t.ok)])),
  '',
  '## Medians',
  '',
  ...metricTable('Wall time (s), process start to exit', seconds, (s) => s.wallMs),
  ...metricTable('Peak RSS (MB)', mb, (s) => s.rssKb, false),
  ...metricTable(
    'Spread of wall time between runs (s, min–max)',
    (r) => `${seconds(r[0])}–${seconds(r[1])}`,
    (s) => s.wallRange,
    false,
  ),
  ...metricTable(
    'Spread of peak RSS between runs (MB, min–max)',
    (r) => `${mb(r[0])}–${mb(r[1])}`,
    (s) => s.rssRange,
    false,
  ),
  ...ownShare(),
  ...metricTable('Parse time (s; with types this includes building the program)', seconds, (s) => s.parseMs),
  ...metricTable('Rule time (s), all rules', seconds, (s) => s.rulesMs),
  ...perRuleTable(
    'Time per rule (ms, summed over files)',
    (v) => (v === undefined ? 'n/a' : v.toFixed(0)),
    (s, id) => s.ruleTimes[id] ?? 0,
  ),
  ...perRuleTable(
    'Reports per rule',
    (v) => (v === undefined ? 'n/a' : String(v)),
    (s, id) => s.reportsPerRule[id] ?? 0,
  ),
  '## Overlap with the typed anchors',
  '',
  `Reports of \`no-floating-promises\` and \`no-misused-promises\` in (E) at the same file and line as a report of \`${ourFloating}\`${plugin.rules['no-floating-promise'] ? '' : ' (not in the plugin yet)'} in (B) and in (C). The reports on either side only are listed in [DIFFERENCES.md](DIFFERENCES.md). Every \`no-floating-promises\` report was read by hand; the verdicts, with reasons, are in [triage.js](triage.js), and the recall target leaves out those read as false positives (no promise exists at run time).`,
  '',
  row([
    'corpus',
    'E: no-floating-promises',
    'read as false positives',
    'found in B',
    'found in C',
    'E: no-misused-promises',
    'found in B',
    'found in C',
    'ours only, B',
    'ours only, C',
  ]),
  row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
  ...corpusNames.map((name) => {
    const { B, C } = overlaps[name];
    const cell = (o, id, key) => (o ? String(o.byRule[id][key]) : 'n/a');
    const [nfp, nmp] = typedAnchors;
    return row([
      name,
      cell(B ?? C, nfp, 'total'),
      (B ?? C) ? String((B ?? C).byRule[nfp].total - (B ?? C).byRule[nfp].trueTotal) : 'n/a',
      cell(B, nfp, 'found'),
      cell(C, nfp, 'found'),
      cell(B ?? C, nmp, 'total'),
      cell(B, nmp, 'found'),
      cell(C, nmp, 'found'),
      B ? String(B.extra.length) : 'n/a',
      C ? String(C.extra.length) : 'n/a',
    ]);
  }),
  '',
];

const problems = [...staleVerdicts];
// Verdicts must keep matching reports, and every report should have been read.
for (const name of corpusNames) {
  const anchors = table[name].E;
  if (!anchors) continue;
  const floating = anchors.reports.filter((r) => r.ruleId === '@typescript-eslint/no-floating-promises');
  const reported = new Set(floating.map(locationKey));
  for (const [key, verdict] of triage) {
    if (verdict.corpus === name && !reported.has(locationKey(verdict)))
      problems.push(`- triage.js: ${key} matches no report of (E) any more; remove or update it`);
  }
  const unread = floating.filter((r) => !triage.has(`${name}:${locationKey(r)}`));
  for (const r of unread)
    problems.push(
      `- triage.js: ${name} \`${r.file}:${r.line}\` (no-floating-promises) has not been read; it counts as a true report until it is`,
    );
}
for (const name of corpusNames) {
  for (const config of selectedConfigs) {
    const s = table[name][config];
    if (!s) continue;
    for (const f of s.fatal) problems.push(`- ${name} ${config}: \`${f.file}:${f.line}\` did not parse: ${f.message}`);
    if (!s.stable) problems.push(`- ${name} ${config}: report counts differ between runs`);
  }
}
for (const f of failures)
  problems.push(
    `- ${f.corpus} ${f.config} run ${f.run}: the worker failed:\n\n  \`\`\`\n  ${f.detail.split('\n').join('\n  ')}\n  \`\`\``,
  );
md.push('## Problems', '', ...(problems.length ? problems : ['None: every run finished and every file parsed.']), '');

const differences = [
  full ? '# Differences from the typed anchors' : '# Differences from the typed anchors (partial run)',
  '',
  `Generated by \`${command}\` — do not edit by hand. Left: \`@typescript-eslint/no-floating-promises\` / \`no-misused-promises\` with types (E); right: \`${ourFloating}\` without types (B) and with types (C). Matching is by file and line.`,
  '',
];
const cap = 300;
const listReports = (list) => {
  const lines = list
    .slice(0, cap)
    .map(
      (r) =>
        `- \`${r.file}:${r.line}:${r.column}\` ${r.ruleId.replace('@typescript-eslint/', '')}: ${r.message.replace(/\s+/gu, ' ')}`,
    );
  if (list.length > cap) lines.push(`- … and ${list.length - cap} more`);
  return lines.length ? lines : ['- none'];
};
for (const name of corpusNames) {
  differences.push(`## ${name}`, '');
  for (const config of ['B', 'C']) {
    const o = overlaps[name][config];
    if (!o) continue;
    differences.push(`### Found by the anchors (E), not by ${config}`, '', ...listReports(o.missed), '');
    differences.push(`### Found by ${config}, not by the anchors (E)`, '', ...listReports(o.extra), '');
  }
}

const text = md.join('\n');
console.log(`\n${text}`);
fs.mkdirSync(outputDir, { recursive: true });
const resultsPath = path.join(outputDir, full ? 'RESULTS.md' : 'RESULTS.partial.md');
const differencesPath = path.join(outputDir, full ? 'DIFFERENCES.md' : 'DIFFERENCES.partial.md');
fs.writeFileSync(resultsPath, text);
fs.writeFileSync(differencesPath, `${differences.join('\n')}\n`);
fs.writeFileSync(path.join(workDir, 'results.json'), JSON.stringify({ table, overlaps, targets, failures }, null, 1));
console.log(`wrote ${path.relative(process.cwd(), resultsPath)} and ${path.relative(process.cwd(), differencesPath)}`);
if (failures.length) process.exitCode = 1;
