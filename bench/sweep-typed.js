#!/usr/bin/env node
/**
 * Typed reliability sweep: the checks of bench/sweep.js with type information. Lints the
 * TypeScript sources of the bench corpora and of packages in bench/node_modules that ship them
 * (bench/sweep/typed-projects.js, ~3,100 files), each package copied to bench/.work/<name>/ beside a
 * generated tsconfig.json and linted through typescript-eslint's projectService, one package at a
 * time (caches cleared in between), every rule at its most inclusive options. For every report it
 * applies the autofix alone and each suggestion alone: the output must parse, the syntax tree
 * outside the edit must be unchanged, and the rule run on the output (with types) must not offer
 * the same fix again there. For every rule that fixed something, ESLint's fix loop runs with types,
 * then again on its output, which must change nothing more. A rule that throws is a crash, with
 * its stack (a type recursion without a depth guard shows here as "Maximum call stack size").
 *
 *   node --expose-gc bench/sweep-typed.js [--sample N --seed S] [--project name]... [--plugin dist/index.js]
 *
 * Exit code 1 on any crash, unparseable output, structure change, fix that applies again or
 * non-idempotent fix loop. RSS is printed after each package (not bounded: each package's program
 * is as large as the package). A JSON report goes to bench/.work/sweep-typed-report.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { clearCaches } from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import globals from 'globals';
import tseslint from 'typescript-eslint';

import { loadPlugin, pluginNamespace } from './configs.js';
import { listCorpusFiles, prepareCorpus, repoDir, workDir } from './corpora.js';
import { checkFixLoops, checkReportedFixes, fatalOf, findingFailures, printFindings } from './sweep/check-fixes.js';
import { createMeaningCheck } from './sweep/meaning.js';
import { inclusiveRuleEntries, seededSample } from './sweep/options.js';
import { typedProjects } from './sweep/typed-projects.js';

const { values } = parseArgs({
  options: {
    sample: { type: 'string' },
    seed: { type: 'string', default: '1' },
    project: { type: 'string', multiple: true },
    plugin: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(
    'usage: node --expose-gc bench/sweep-typed.js [--sample N --seed S] [--project name]... [--plugin path] [--verbose]\n' +
      `projects: ${typedProjects.map((p) => p.name).join(', ')}`,
  );
  process.exit(0);
}

const started = performance.now();
const plugin = await loadPlugin(values.plugin);
const namespace = pluginNamespace(plugin);
const ruleEntries = inclusiveRuleEntries(plugin, namespace);
const ruleIds = Object.keys(ruleEntries);

// --- files: every project's TypeScript sources, then the seeded sample -------------------------

const projects = values.project?.length
  ? values.project.map((name) => {
      const project = typedProjects.find((p) => p.name === name);
      if (!project) throw new Error(`unknown project "${name}"; known: ${typedProjects.map((p) => p.name).join(', ')}`);
      return project;
    })
  : typedProjects;
const allFiles = projects.flatMap((project) =>
  listCorpusFiles(project).files.map((relative) => ({ project, relative, key: `${project.name}/${relative}` })),
);
const sampleSize = values.sample ? Number(values.sample) : undefined;
const seed = Number(values.seed);
const sampled = new Set(seededSample(allFiles, sampleSize, seed).map((f) => f.key));

// --- configs -----------------------------------------------------------------------------------

const tsPatterns = ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];
/**
 * @param {import('eslint').Linter.LanguageOptions} languageOptions
 * @param {import('eslint').Linter.RulesRecord} rules
 * @returns {import('eslint').Linter.Config[]}
 */
const baseConfig = (languageOptions, rules) => [
  {
    files: tsPatterns,
    plugins: { [namespace]: plugin },
    languageOptions: { sourceType: 'module', globals: { ...globals.node }, ...languageOptions },
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
    rules,
  },
];
/** @type {Map<string, import('eslint').Linter.Config[]>} */
const configCache = new Map();
/**
 * The typed config of a project dir for `'all'`, `'none'` or one rule id; built once.
 * @param {string} dir
 * @param {string} rules
 */
function typedConfig(dir, rules) {
  const key = `${dir}\0${rules}`;
  let config = configCache.get(key);
  if (!config) {
    const selected = rules === 'all' ? ruleEntries : rules === 'none' ? {} : { [rules]: ruleEntries[rules] };
    config = baseConfig(
      { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: dir } },
      selected,
    );
    configCache.set(key, config);
  }
  return config;
}
// Parsing alone needs no program: outputs are parsed without types, as bench/sweep.js does.
const parseConfig = baseConfig({ parser: tseslint.parser }, {});

// --- checks ------------------------------------------------------------------------------------

/**
 * What the typed sweep counts and collects (written to bench/.work/sweep-typed-report.json).
 * @typedef {import('./sweep/check-fixes.js').FindingStats & {
 *   candidates: number, files: number, linted: number, parserRejected: string[], withoutTypes: string[],
 *   projects: { project: string, files: number, seconds: number, reports: number, crashes: number, rssMb: number }[],
 * }} TypedSweepStats
 */

const linter = new Linter({ cwd: '/' });
/** @param {string} file */
const display = (file) => path.relative(repoDir, file);
/** @type {TypedSweepStats} */
const stats = {
  candidates: allFiles.length,
  files: sampled.size,
  linted: 0,
  parserRejected: [],
  withoutTypes: [],
  reportsPerRule: Object.fromEntries(ruleIds.map((id) => [id, 0])),
  fixes: 0,
  suggestions: 0,
  fixLoops: 0,
  crashes: [],
  unparseable: [],
  structureChanges: [],
  reapplied: [],
  nonIdempotent: [],
  projects: [],
};

/**
 * @param {string} file
 * @param {string} ruleId
 * @param {unknown} error
 */
function recordCrash(file, ruleId, error) {
  stats.crashes.push({ file: display(file), rule: ruleId, stack: String(/** @type {any} */ (error)?.stack ?? error) });
}

/**
 * Lints one file with types and checks every fix and suggestion; everything it learns goes into `stats`.
 * @param {string} file
 * @param {string} dir the project's copy, where its tsconfig.json is
 */
function sweepFile(file, dir) {
  const text = fs.readFileSync(file, 'utf8');
  /** @type {import('eslint').Linter.LintMessage[]} */
  let messages;
  try {
    messages = linter.verify(text, typedConfig(dir, 'all'), { filename: file });
  } catch {
    // A rule crashed (or the parser with the project did): find which, rule by rule.
    messages = [];
    for (const ruleId of ruleIds) {
      try {
        messages.push(...linter.verify(text, typedConfig(dir, ruleId), { filename: file }));
      } catch (error) {
        recordCrash(file, ruleId, error);
      }
    }
  }
  const fatal = fatalOf(messages);
  if (fatal) {
    stats.parserRejected.push(`${display(file)}: ${fatal.line}:${fatal.column} ${fatal.message}`);
    return;
  }
  stats.linted++;
  // A file the project service had no program for would be linted without types, silently.
  if (!linter.getSourceCode()?.parserServices?.program) stats.withoutTypes.push(display(file));

  const sweep = {
    linter,
    stats,
    display,
    ruleConfig: (/** @type {string} */ ruleId) => typedConfig(dir, ruleId),
    recordCrash,
  };
  /** @type {import('./sweep/check-fixes.js').MeaningCheck | undefined} */
  let check;
  const { fixedRules, touched } = checkReportedFixes({
    ...sweep,
    file,
    text,
    messages,
    parseError: (output) => {
      const parseFatal = fatalOf(linter.verify(output, parseConfig, { filename: file }));
      return parseFatal ? `${parseFatal.line}:${parseFatal.column} ${parseFatal.message}` : undefined;
    },
    meaningCheck: () =>
      (check ??= createMeaningCheck(linter, { parseConfig: () => parseConfig, ruleConfig: sweep.ruleConfig })),
  });
  checkFixLoops({ ...sweep, file, text, ruleIds: fixedRules });
  // The project service keeps the last text it was given for a file: give it the file's own text
  // back, so that the files linted next see their neighbour as it is on disk.
  if (touched || fixedRules.size > 0) linter.verify(text, typedConfig(dir, 'none'), { filename: file });
}

// --- run ---------------------------------------------------------------------------------------

const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);
console.log(
  `typed sweep: ${sampled.size} of ${allFiles.length} TypeScript files in ${projects.length} projects` +
    `${sampleSize !== undefined ? ` (seeded sample: --sample ${sampleSize} --seed ${seed})` : ''}`,
);
console.log(`rules: ${ruleIds.map((id) => `${id} ${JSON.stringify(ruleEntries[id])}`).join(', ')}`);
for (const project of projects) {
  const files = allFiles.filter((f) => f.project === project && sampled.has(f.key));
  if (files.length === 0) continue;
  const projectStarted = performance.now();
  const { dir } = prepareCorpus(project);
  const before = {
    crashes: stats.crashes.length,
    reports: Object.values(stats.reportsPerRule).reduce((a, b) => a + b, 0),
  };
  for (const { relative } of files) {
    const file = path.join(dir, relative);
    if (values.verbose) console.log(`    ${display(file)}`);
    try {
      sweepFile(file, dir);
    } catch (error) {
      recordCrash(file, '(sweep)', error);
    }
  }
  // One program per project: drop it (and the project service) before the next one.
  clearCaches();
  configCache.clear();
  globalThis.gc?.();
  const seconds = (performance.now() - projectStarted) / 1000;
  const reports = Object.values(stats.reportsPerRule).reduce((a, b) => a + b, 0) - before.reports;
  const row = {
    project: project.name,
    files: files.length,
    seconds: Number(seconds.toFixed(1)),
    reports,
    crashes: stats.crashes.length - before.crashes,
    rssMb: rssMb(),
  };
  stats.projects.push(row);
  console.log(
    `  ${project.name}: ${row.files} files, ${row.seconds}s, ${row.reports} reports, ${row.crashes} crashes, rss ${row.rssMb} MB`,
  );
}

// --- report ------------------------------------------------------------------------------------

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log('');
console.log(
  `files: ${stats.linted - stats.withoutTypes.length} linted with types of ${stats.files}; ` +
    `rejected by the parser: ${stats.parserRejected.length}; without a program: ${stats.withoutTypes.length}`,
);
for (const file of stats.withoutTypes.slice(0, 20)) console.log(`  no program: ${file}`);
for (const line of stats.parserRejected.slice(0, 20)) console.log(`  ${line}`);
console.log('reports per rule:');
for (const id of ruleIds) console.log(`  ${id}: ${stats.reportsPerRule[id]}`);
printFindings(stats);
console.log(`time: ${seconds}s`);

const failures = findingFailures(stats);
if (stats.withoutTypes.length) failures.push(`${stats.withoutTypes.length} file(s) linted without a program`);
if (stats.parserRejected.length) failures.push(`${stats.parserRejected.length} file(s) the typed parser rejected`);

fs.mkdirSync(workDir, { recursive: true });
fs.writeFileSync(
  path.join(workDir, 'sweep-typed-report.json'),
  JSON.stringify({ options: values, rules: ruleEntries, seconds: Number(seconds), ...stats }, null, 1),
);
if (failures.length) {
  console.log(`typed sweep FAILED: ${failures.join(', ')}`);
  process.exitCode = 1;
} else {
  console.log(
    'typed sweep passed: no crash, every fix and suggestion output parses, keeps the code around it, applies once',
  );
}
