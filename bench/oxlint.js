#!/usr/bin/env node
/**
 * Runs oxlint with the built plugin loaded through `jsPlugins` and ESLint without type information
 * on the same files with the same rules and options, and compares what they report (rule, line,
 * column and message; suggestions aside). Targets: the repository's `examples/`, or one corpus.
 *
 *   node bench/oxlint.js [--examples] [--corpus mongodb] [--dir some/folder] [--plugin dist/index.js] [--json]
 *
 * Without --examples or --corpus it compares on both examples/ and mongodb.
 * Exit code 1 if oxlint fails or the two disagree. `compareWithEslint()` is what the test suite
 * (tests/integration/oxlint.test.ts) calls.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { ESLint } from 'eslint';
import globals from 'globals';
import tseslint from 'typescript-eslint';

import { defaultPluginPath, loadPlugin, ourRules } from './configs.js';
import { corpusByName, lintedExtensions, nodeModulesDir, prepareCorpus, repoDir, workDir } from './corpora.js';

/**
 * One report, on either side. Parse errors and crashes are one file-level entry on both sides, with their text in `detail`.
 * @typedef {{ file: string, line: number, column: number, ruleId: string, message: string, detail?: string }} Report
 * @typedef {{
 *   target: string, dir: string, files: number, rules: string[], eslint: Report[], oxlint: Report[],
 *   oxlintError: string | undefined, timings: { eslintMs?: number, oxlintMs?: number },
 *   onlyEslint: Report[], onlyOxlint: Report[], messageDiffers: (Report & { oxlintMessage: string })[],
 * }} Comparison
 */

const oxlintBin = path.join(nodeModulesDir, 'oxlint', 'bin', 'oxlint');

/** @param {string} dir */
function listExamples(dir) {
  /** @type {string[]} */
  const out = [];
  const walk = (/** @type {string} */ current) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(full);
      else if (
        entry.isFile() &&
        lintedExtensions.includes(path.extname(entry.name)) &&
        !/\.d\.[cm]?ts$/u.test(entry.name)
      ) {
        out.push(path.relative(dir, full).split(path.sep).join('/'));
      }
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out.sort();
}

/**
 * ESLint's flat config for the untyped comparison: typescript-eslint's parser for TS, espree for JS.
 * @param {import('eslint').ESLint.Plugin} plugin
 * @param {import('eslint').Linter.RulesRecord} rules
 * @param {'module' | 'commonjs' | 'script'} jsSourceType
 * @returns {import('eslint').Linter.Config[]}
 */
function eslintConfig(plugin, rules, jsSourceType) {
  /** @type {import('eslint').Linter.LanguageOptions} */
  const languageOptions = { ecmaVersion: 'latest', globals: { ...globals.node } };
  return [
    {
      plugins: { [plugin.meta?.namespace ?? 'event-loop']: plugin },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
    { files: ['**/*.js', '**/*.jsx'], languageOptions: { ...languageOptions, sourceType: jsSourceType } },
    { files: ['**/*.mjs'], languageOptions: { ...languageOptions, sourceType: 'module' } },
    { files: ['**/*.cjs'], languageOptions: { ...languageOptions, sourceType: 'commonjs' } },
    {
      files: ['**/*.ts', '**/*.mts', '**/*.tsx'],
      languageOptions: { ...languageOptions, parser: tseslint.parser, sourceType: 'module' },
    },
    { files: ['**/*.cts'], languageOptions: { ...languageOptions, parser: tseslint.parser, sourceType: 'commonjs' } },
    { files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'], rules },
  ];
}

/**
 * @param {string} pluginPath
 * @param {Record<string, unknown>} rules
 */
function oxlintConfig(pluginPath, rules) {
  return {
    jsPlugins: [pluginPath],
    // Only the plugin's rules: no built-in plugin, no default category.
    plugins: [],
    categories: { correctness: 'off' },
    env: { builtin: true, node: true, es2024: true },
    rules,
  };
}

/** @param {Report} r */
const keyOf = (r) => `${r.file}:${r.line}:${r.column} ${r.ruleId}`;

/**
 * Lints `target` ('examples' or a corpus name) with ESLint (no type information) and with oxlint,
 * and returns both report lists and their differences. `pluginPath`: the built plugin (dist/index.js).
 * @param {{ target?: string, pluginPath?: string }} [options]
 * @returns {Promise<Comparison>}
 */
export async function compareWithEslint({
  target = 'examples',
  pluginPath = process.env.BENCH_PLUGIN || defaultPluginPath,
} = {}) {
  // A target is 'examples', a corpus name, or a folder path (containing a slash).
  const absolutePlugin = path.resolve(pluginPath);
  const plugin = await loadPlugin(absolutePlugin);
  const rules = ourRules(plugin);
  /** @type {string} */
  let dir;
  /** @type {string[]} */
  let files;
  /** @type {'module' | 'commonjs' | 'script'} */
  let jsSourceType = 'module';
  if (target === 'examples' || target.includes('/')) {
    dir = target === 'examples' ? path.join(repoDir, 'examples') : path.resolve(target);
    files = listExamples(dir);
  } else {
    const corpus = corpusByName(target);
    ({ dir, files } = prepareCorpus(corpus));
    jsSourceType = /** @type {'module' | 'commonjs'} */ (corpus.sourceType);
  }
  /** @type {Omit<Comparison, 'onlyEslint' | 'onlyOxlint' | 'messageDiffers'>} */
  const result = {
    target,
    dir,
    files: files.length,
    rules: Object.keys(rules),
    eslint: [],
    oxlint: [],
    oxlintError: undefined,
    timings: {},
  };
  if (files.length === 0) return { ...result, onlyEslint: [], onlyOxlint: [], messageDiffers: [] };

  let started = performance.now();
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: eslintConfig(plugin, rules, jsSourceType),
    cache: false,
  });
  let lintResults;
  try {
    lintResults = await eslint.lintFiles(files);
  } catch {
    // A rule crashed: lint file by file so the crash is recorded as a report of its file.
    lintResults = [];
    for (const file of files) {
      try {
        lintResults.push(...(await eslint.lintFiles([file])));
      } catch (caught) {
        const error = /** @type {Error & { ruleId?: string }} */ (caught);
        const ruleId = error.ruleId ?? /Rule: "([^"]+)"/u.exec(error.message)?.[1] ?? '?';
        result.eslint.push({
          file,
          line: 0,
          column: 0,
          ruleId: '(crash)',
          message: 'crash',
          detail: `${ruleId}: ${error.message}`,
        });
      }
    }
  }
  for (const lintResult of lintResults) {
    const file = path.relative(dir, lintResult.filePath).split(path.sep).join('/');
    for (const m of lintResult.messages) {
      if (m.ruleId && m.ruleId in rules)
        result.eslint.push({ file, line: m.line, column: m.column, ruleId: m.ruleId, message: m.message });
      else if (m.fatal)
        result.eslint.push({
          file,
          line: 0,
          column: 0,
          ruleId: '(parse error)',
          message: 'parse error',
          detail: m.message,
        });
    }
  }
  result.timings.eslintMs = performance.now() - started;

  const configDir = path.join(workDir, `oxlint-${target === 'examples' || !target.includes('/') ? target : 'dir'}`);
  fs.mkdirSync(configDir, { recursive: true });
  const configPath = path.join(configDir, '.oxlintrc.json');
  fs.writeFileSync(configPath, `${JSON.stringify(oxlintConfig(absolutePlugin, rules), null, 2)}\n`);
  started = performance.now();
  const child = spawnSync(
    process.execPath,
    [oxlintBin, '-c', configPath, '--format', 'json', '--no-ignore', ...files],
    {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  result.timings.oxlintMs = performance.now() - started;
  /** @type {{ diagnostics?: { code?: string, message: string, filename: string, labels?: { span: { line: number, column: number } }[] }[] } | undefined} */
  let output;
  try {
    output = JSON.parse(child.stdout);
  } catch {
    result.oxlintError = `oxlint exited with ${child.status ?? child.signal}:\n${child.stderr}\n${child.stdout}`.trim();
  }
  if (output) {
    if (child.status !== 0 && child.status !== 1)
      result.oxlintError = `oxlint exited with ${child.status}:\n${child.stderr}`.trim();
    for (const d of output.diagnostics ?? []) {
      const match = /^([^(]+)\((.+)\)$/u.exec(d.code ?? '');
      const span = d.labels?.[0]?.span ?? { line: 0, column: 0 };
      const file = path.relative(dir, path.resolve(dir, d.filename)).split(path.sep).join('/');
      if (match)
        result.oxlint.push({
          file,
          line: span.line,
          column: span.column,
          ruleId: `${match[1]}/${match[2]}`,
          message: d.message,
        });
      // A rule that throws, or a file oxlint cannot parse: one file-level entry, as on the ESLint side.
      else if (/^Error running JS plugin/u.test(d.message))
        result.oxlint.push({ file, line: 0, column: 0, ruleId: '(crash)', message: 'crash', detail: d.message });
      else
        result.oxlint.push({
          file,
          line: 0,
          column: 0,
          ruleId: '(parse error)',
          message: 'parse error',
          detail: d.message,
        });
    }
  }

  const counts = (/** @type {Report[]} */ list) => {
    /** @type {Map<string, Report[]>} */
    const map = new Map();
    for (const r of list) map.set(keyOf(r), [...(map.get(keyOf(r)) ?? []), r]);
    return map;
  };
  const byEslint = counts(result.eslint);
  const byOxlint = counts(result.oxlint);
  /** @type {Report[]} */
  const onlyEslint = [];
  /** @type {Report[]} */
  const onlyOxlint = [];
  /** @type {Comparison['messageDiffers']} */
  const messageDiffers = [];
  for (const [key, list] of byEslint) {
    const other = byOxlint.get(key) ?? [];
    onlyEslint.push(...list.slice(other.length));
    for (const [i, r] of list.slice(0, other.length).entries()) {
      const oxlintMessage = other[i]?.message ?? '';
      if (r.message !== oxlintMessage) messageDiffers.push({ ...r, oxlintMessage });
    }
  }
  for (const [key, list] of byOxlint) onlyOxlint.push(...list.slice((byEslint.get(key) ?? []).length));
  const sort = /** @type {<T extends Report>(list: T[]) => T[]} */ (
    (list) => list.sort((a, b) => keyOf(a).localeCompare(keyOf(b)))
  );
  return {
    ...result,
    onlyEslint: sort(onlyEslint),
    onlyOxlint: sort(onlyOxlint),
    messageDiffers: sort(messageDiffers),
  };
}

/** @param {Comparison} comparison */
export function agrees(comparison) {
  return (
    !comparison.oxlintError &&
    comparison.onlyEslint.length + comparison.onlyOxlint.length + comparison.messageDiffers.length === 0
  );
}

/** @param {Comparison} c */
function printComparison(c) {
  const show = (/** @type {Report} */ r) =>
    `    ${r.file}:${r.line}:${r.column} ${r.ruleId}: ${r.message}${r.detail ? `\n      ${r.detail.split('\n').slice(0, 8).join('\n      ')}` : ''}`;
  console.log(
    `oxlint vs ESLint (no type information) on ${c.target}: ${c.files} files, rules: ${c.rules.join(', ') || 'none yet'}`,
  );
  console.log(
    `  ESLint: ${c.eslint.length} reports in ${((c.timings.eslintMs ?? 0) / 1000).toFixed(2)}s; oxlint: ${c.oxlint.length} reports in ${((c.timings.oxlintMs ?? 0) / 1000).toFixed(2)}s`,
  );
  if (c.oxlintError) console.log(`  oxlint failed:\n    ${c.oxlintError.split('\n').join('\n    ')}`);
  console.log(`  only ESLint: ${c.onlyEslint.length}`);
  for (const r of c.onlyEslint.slice(0, 100)) console.log(show(r));
  console.log(`  only oxlint: ${c.onlyOxlint.length}`);
  for (const r of c.onlyOxlint.slice(0, 100)) console.log(show(r));
  console.log(`  same place, different message: ${c.messageDiffers.length}`);
  for (const r of c.messageDiffers.slice(0, 100)) console.log(`${show(r)}\n      oxlint: ${r.oxlintMessage}`);
  console.log(agrees(c) ? '  agree' : '  DISAGREE');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      examples: { type: 'boolean', default: false },
      corpus: { type: 'string', multiple: true },
      dir: { type: 'string', multiple: true },
      plugin: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  // By default: examples/ and one corpus.
  const chosen = [
    ...(values.examples ? ['examples'] : []),
    ...(values.corpus ?? []),
    ...(values.dir ?? []).map((d) => path.resolve(d)),
  ];
  const targets = chosen.length ? chosen : ['examples', 'mongodb'];
  let ok = true;
  /** @type {Comparison[]} */
  const all = [];
  for (const target of targets) {
    const comparison = await compareWithEslint({ target, pluginPath: values.plugin });
    all.push(comparison);
    if (!values.json) printComparison(comparison);
    ok &&= agrees(comparison);
  }
  if (values.json) console.log(JSON.stringify(all, null, 2));
  process.exitCode = ok ? 0 : 1;
}
