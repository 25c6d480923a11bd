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
import { applyFix, regionDiff } from './sweep/fix-checks.js';
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
const baseConfig = (languageOptions, rules) => [
  {
    files: tsPatterns,
    plugins: { [namespace]: plugin },
    languageOptions: { sourceType: 'module', globals: { ...globals.node }, ...languageOptions },
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
    rules,
  },
];
const configCache = new Map();
/** The typed config of a project dir for `'all'`, `'none'` or one rule id; built once. */
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

const linter = new Linter({ cwd: '/' });
const display = (file) => path.relative(repoDir, file);
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

const fatalOf = (messages) => messages.find((m) => m.fatal);

function recordCrash(file, ruleId, error) {
  stats.crashes.push({ file: display(file), rule: ruleId, stack: String(error?.stack ?? error) });
}

function sweepFile(file, dir) {
  const text = fs.readFileSync(file, 'utf8');
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

  const check = createMeaningCheck(linter, {
    parseConfig: () => parseConfig,
    ruleConfig: (ruleId) => typedConfig(dir, ruleId),
  });
  const fixedRules = new Set();
  let touched = false;
  for (const message of messages) {
    if (!message.ruleId || !(message.ruleId in stats.reportsPerRule)) continue;
    stats.reportsPerRule[message.ruleId]++;
    const where = `${display(file)}:${message.line}:${message.column}`;
    const candidates = [];
    if (message.fix) {
      candidates.push({ kind: 'fix', fix: message.fix, messageId: message.messageId });
      fixedRules.add(message.ruleId);
    }
    for (const [index, suggestion] of (message.suggestions ?? []).entries())
      candidates.push({
        kind: `suggestion ${index + 1} (${suggestion.messageId ?? suggestion.desc})`,
        fix: suggestion.fix,
        messageId: suggestion.messageId,
      });
    for (const { kind, fix, messageId } of candidates) {
      if (kind === 'fix') stats.fixes++;
      else stats.suggestions++;
      const output = applyFix(text, fix);
      const parseFatal = fatalOf(linter.verify(output, parseConfig, { filename: file }));
      if (parseFatal) {
        stats.unparseable.push({
          where,
          rule: message.ruleId,
          kind,
          error: `${parseFatal.line}:${parseFatal.column} ${parseFatal.message}`,
          diff: regionDiff(text, output),
        });
        continue;
      }
      touched = true;
      try {
        const findings = check({ file, where, text, output, fix, kind, messageId, ruleId: message.ruleId, messages });
        for (const finding of findings)
          (finding.check === 'structure' ? stats.structureChanges : stats.reapplied).push(finding);
      } catch (error) {
        recordCrash(file, message.ruleId, error);
      }
    }
  }

  for (const ruleId of fixedRules) {
    stats.fixLoops++;
    touched = true;
    try {
      const config = typedConfig(dir, ruleId);
      const first = linter.verifyAndFix(text, config, { filename: file });
      const loopFatal = fatalOf(first.messages);
      if (loopFatal) {
        stats.unparseable.push({
          where: display(file),
          rule: ruleId,
          kind: 'fix loop',
          error: `${loopFatal.line}:${loopFatal.column} ${loopFatal.message}`,
          diff: regionDiff(text, first.output),
        });
        continue;
      }
      const second = linter.verifyAndFix(first.output, config, { filename: file });
      if (second.fixed)
        stats.nonIdempotent.push({ where: display(file), rule: ruleId, diff: regionDiff(first.output, second.output) });
    } catch (error) {
      recordCrash(file, ruleId, error);
    }
  }
  // The project service keeps the last text it was given for a file: give it the file's own text
  // back, so that the files linted next see their neighbour as it is on disk.
  if (touched) linter.verify(text, typedConfig(dir, 'none'), { filename: file });
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
const listFindings = (title, findings) => {
  console.log(`${title}: ${findings.length}`);
  for (const f of findings)
    console.log(
      `  ${f.where} [${f.rule}] ${f.kind ?? ''}${f.kind ? ': ' : ''}${f.detail ?? f.error ?? ''}\n    ${f.diff.split('\n').join('\n    ')}`,
    );
};
console.log('');
console.log(
  `files: ${stats.linted - stats.withoutTypes.length} linted with types of ${stats.files}; ` +
    `rejected by the parser: ${stats.parserRejected.length}; without a program: ${stats.withoutTypes.length}`,
);
for (const file of stats.withoutTypes.slice(0, 20)) console.log(`  no program: ${file}`);
for (const line of stats.parserRejected.slice(0, 20)) console.log(`  ${line}`);
console.log('reports per rule:');
for (const id of ruleIds) console.log(`  ${id}: ${stats.reportsPerRule[id]}`);
console.log(
  `fixes applied: ${stats.fixes}, suggestions applied: ${stats.suggestions}, fix loops run twice: ${stats.fixLoops}`,
);
console.log(`crashes: ${stats.crashes.length}`);
for (const crash of stats.crashes)
  console.log(`  ${crash.file} [${crash.rule}]\n    ${crash.stack.split('\n').slice(0, 12).join('\n    ')}`);
listFindings('unparseable outputs', stats.unparseable);
listFindings('structure changes outside the edit', stats.structureChanges);
listFindings('fixes that apply again', stats.reapplied);
listFindings('non-idempotent fixes', stats.nonIdempotent);
console.log(`time: ${seconds}s`);

const failures = [];
if (stats.crashes.length) failures.push(`${stats.crashes.length} crash(es)`);
if (stats.withoutTypes.length) failures.push(`${stats.withoutTypes.length} file(s) linted without a program`);
if (stats.parserRejected.length) failures.push(`${stats.parserRejected.length} file(s) the typed parser rejected`);
if (stats.unparseable.length) failures.push(`${stats.unparseable.length} unparseable output(s)`);
if (stats.structureChanges.length)
  failures.push(`${stats.structureChanges.length} structure change(s) outside the edit`);
if (stats.reapplied.length) failures.push(`${stats.reapplied.length} fix(es) that apply again`);
if (stats.nonIdempotent.length) failures.push(`${stats.nonIdempotent.length} non-idempotent fix(es)`);

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
