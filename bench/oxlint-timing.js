#!/usr/bin/env node
/**
 * Whole-process wall time of the ways to lint a corpus for promise mistakes, on the same files:
 *
 * - `oxlint`: oxlint with no rule at all (what parsing and walking the files costs it);
 * - `oxlint-ours`: oxlint with the built plugin's rules through `jsPlugins` (the options of its `strict`
 *   config, as in run.js; configured as bench/oxlint.js does);
 * - `eslint-ours`: the ESLint CLI with the same rules, no type information (typescript-eslint's parser for
 *   TS, espree for JS);
 * - `oxlint-type-aware`: oxlint's own type-aware rules `typescript/no-floating-promises` and
 *   `typescript/no-misused-promises` (`oxlint --type-aware`, run by `oxlint-tsgolint` on typescript-go),
 *   on the generated `tsconfig.json` of each corpus copy.
 *
 * Each corpus is prepared as run.js prepares it (`bench/.work/<name>/`); every tool gets the same file list
 * on its command line. Runs are interleaved (run 1 of everything, then run 2, …) and tables show medians.
 *
 *   node bench/oxlint-timing.js [--runs 3] [--corpus mongodb] [--tools oxlint-ours,oxlint-type-aware]
 *     [--plugin dist/index.js] [--out bench/OXLINT-TIMING.md | --print-only]
 *
 * Default corpora: every corpus of corpora.js; tarball corpora (`ghost`, `typeorm`, `mongoose`) by name,
 * or all of them with `--corpus all`. oxlint-tsgolint is resolved from `bench/node_modules`;
 * `BENCH_TSGOLINT` names another `tsgolint` executable (the native binary or its `bin/tsgolint.js`).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { defaultPluginPath, loadPlugin, ourRules } from './configs.js';
import {
  benchDir,
  corpora,
  corpusByName,
  nodeModulesDir,
  packageVersion,
  prepareCorpus,
  tarballCorpora,
  workDir,
} from './corpora.js';
import { environmentRows, packageVersionOf } from './environment.js';

/** @typedef {'oxlint' | 'oxlint-ours' | 'eslint-ours' | 'oxlint-type-aware'} Tool */
/**
 * @typedef {object} Sample
 * @property {number} ms wall time, spawn to exit
 * @property {number | undefined} reports diagnostics the tool printed (undefined if its output did not parse)
 * @property {string | undefined} error why the run does not count
 */

/** @type {Record<Tool, string>} */
export const toolTitles = {
  oxlint: 'oxlint, no rules',
  'oxlint-ours': 'oxlint, our rules (jsPlugins)',
  'eslint-ours': 'ESLint, our rules, no types',
  'oxlint-type-aware': 'oxlint --type-aware: no-floating-promises, no-misused-promises',
};
const allTools = /** @type {Tool[]} */ (Object.keys(toolTitles));

const oxlintBin = path.join(nodeModulesDir, 'oxlint', 'bin', 'oxlint');
const eslintBin = path.join(nodeModulesDir, 'eslint', 'bin', 'eslint.js');

/**
 * The tsgolint executable oxlint's `--type-aware` runs: `BENCH_TSGOLINT`, else the native binary of
 * `oxlint-tsgolint` for this platform in bench/node_modules. Undefined when neither is there.
 */
export function findTsgolint() {
  if (process.env.BENCH_TSGOLINT) return path.resolve(process.env.BENCH_TSGOLINT);
  const packageJson = path.join(nodeModulesDir, 'oxlint-tsgolint', 'package.json');
  if (!fs.existsSync(packageJson)) return undefined;
  try {
    const require = createRequire(packageJson);
    const native = path.join(
      path.dirname(require.resolve(`@oxlint-tsgolint/${process.platform}-${process.arch}/package.json`)),
      process.platform === 'win32' ? 'tsgolint.exe' : 'tsgolint',
    );
    if (fs.existsSync(native)) return native;
  } catch {
    // No native package for this platform: let the package's launcher say so.
  }
  return path.join(nodeModulesDir, 'oxlint-tsgolint', 'bin', 'tsgolint.js');
}

/**
 * oxlint's config for one tool: only the rules that tool measures (no built-in plugin or category unless
 * named), as bench/oxlint.js configures the JS-plugin comparison.
 * @param {Tool} tool
 * @param {string} pluginPath
 * @param {object} rules
 */
function oxlintConfig(tool, pluginPath, rules) {
  const base = { categories: { correctness: 'off' }, env: { builtin: true, node: true, es2024: true } };
  if (tool === 'oxlint-ours') return { ...base, jsPlugins: [pluginPath], plugins: [], rules };
  if (tool === 'oxlint-type-aware')
    return {
      ...base,
      plugins: ['typescript'],
      rules: { 'typescript/no-floating-promises': 'error', 'typescript/no-misused-promises': 'error' },
    };
  return { ...base, plugins: [], rules: {} };
}

/**
 * ESLint's flat config for `eslint-ours`: the same parsers and inline-comment handling as bench/oxlint.js's
 * comparison (the corpora's `eslint-disable` comments apply, as they do in oxlint).
 * @param {string} pluginPath
 * @param {object} rules
 * @param {string} jsSourceType
 */
function eslintConfigModule(pluginPath, rules, jsSourceType) {
  const url = (/** @type {string} */ file) => JSON.stringify(pathToFileURL(file).href);
  return `// Generated by bench/oxlint-timing.js.
import globals from ${url(path.join(nodeModulesDir, 'globals', 'index.js'))};
import tseslint from ${JSON.stringify(import.meta.resolve('typescript-eslint'))};
import plugin from ${url(pluginPath)};

const languageOptions = { ecmaVersion: 'latest', globals: globals.node };
export default [
  {
    plugins: { [plugin.meta?.namespace ?? 'event-loop']: plugin },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
  { files: ['**/*.js', '**/*.jsx'], languageOptions: { ...languageOptions, sourceType: ${JSON.stringify(jsSourceType)} } },
  { files: ['**/*.mjs'], languageOptions: { ...languageOptions, sourceType: 'module' } },
  { files: ['**/*.cjs'], languageOptions: { ...languageOptions, sourceType: 'commonjs' } },
  { files: ['**/*.ts', '**/*.mts', '**/*.tsx'], languageOptions: { ...languageOptions, parser: tseslint.parser, sourceType: 'module' } },
  { files: ['**/*.cts'], languageOptions: { ...languageOptions, parser: tseslint.parser, sourceType: 'commonjs' } },
  { files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'], rules: ${JSON.stringify(rules)} },
];
`;
}

/**
 * Runs a command to its exit and times it.
 * @param {string[]} args arguments to node
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv }} options
 * @returns {Promise<{ ms: number, code: number | null, stdout: string, stderr: string }>}
 */
function timeProcess(args, { cwd, env }) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env } });
    /** @type {Buffer[]} */
    const out = [];
    let stderr = '';
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ ms: performance.now() - started, code, stdout: Buffer.concat(out).toString('utf8'), stderr }),
    );
  });
}

/**
 * One run of one tool on one prepared corpus.
 * @param {Tool} tool
 * @param {{ dir: string, files: string[], configDir: string, tsgolint: string | undefined }} target
 * @param {Set<string>} ruleIds our rules, as ESLint names them
 * @returns {Promise<Sample>}
 */
async function runTool(tool, { dir, files, configDir, tsgolint }, ruleIds) {
  if (tool === 'oxlint-type-aware' && !tsgolint)
    return { ms: Number.NaN, reports: undefined, error: 'oxlint-tsgolint is not installed' };
  const args =
    tool === 'eslint-ours'
      ? [eslintBin, '--config', path.join(dir, 'eslint.config.mjs'), '--format', 'json', '--no-warn-ignored', ...files]
      : [
          oxlintBin,
          '-c',
          path.join(configDir, `${tool}.oxlintrc.json`),
          '--format',
          'json',
          '--no-ignore',
          ...(tool === 'oxlint-type-aware' ? ['--type-aware'] : []),
          ...files,
        ];
  const env = tool === 'oxlint-type-aware' && tsgolint ? { OXLINT_TSGOLINT_PATH: tsgolint } : {};
  const { ms, code, stdout, stderr } = await timeProcess(args, { cwd: dir, env });
  let reports;
  try {
    const output = JSON.parse(stdout);
    // ESLint also reports `eslint-disable` comments naming rules it does not know (the corpora's own
    // lint setups): count only the measured rules' reports and parse errors, as oxlint prints them.
    reports = Array.isArray(output)
      ? output.reduce(
          (
            /** @type {number} */ sum,
            /** @type {{ messages: { ruleId: string | null, fatal?: boolean }[] }} */ result,
          ) => sum + result.messages.filter((m) => m.fatal || (m.ruleId && ruleIds.has(m.ruleId))).length,
          0,
        )
      : (output.diagnostics ?? []).length;
  } catch {
    reports = undefined;
  }
  // Exit code 1 means "reports found" for both tools; anything else is a failure.
  const error =
    reports === undefined || (code !== 0 && code !== 1)
      ? `exited with ${code}: ${(stderr || stdout).trim().split('\n').slice(0, 8).join('\n    ')}`
      : undefined;
  return { ms, reports, error };
}

const median = (/** @type {number[]} */ values) => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Times every tool on every corpus, `runs` times, interleaved.
 * @param {{ corpusNames: string[], tools: Tool[], runs: number, pluginPath: string }} options
 */
export async function measureOxlintTiming({ corpusNames, tools, runs, pluginPath }) {
  const plugin = await loadPlugin(pluginPath);
  const rules = ourRules(plugin);
  const ruleIds = new Set(Object.keys(rules));
  const absolutePlugin = path.resolve(pluginPath);
  const tsgolint = findTsgolint();
  const targets = corpusNames.map((name) => {
    const corpus = corpusByName(name);
    const { dir, files } = prepareCorpus(corpus);
    const configDir = path.join(workDir, 'oxlint-timing', name);
    fs.mkdirSync(configDir, { recursive: true });
    for (const tool of tools.filter((t) => t !== 'eslint-ours'))
      fs.writeFileSync(
        path.join(configDir, `${tool}.oxlintrc.json`),
        `${JSON.stringify(oxlintConfig(tool, absolutePlugin, rules), null, 2)}\n`,
      );
    // In the corpus copy, which prepareCorpus rewrites: nothing else there reads an eslint.config file.
    fs.writeFileSync(path.join(dir, 'eslint.config.mjs'), eslintConfigModule(absolutePlugin, rules, corpus.sourceType));
    const lines = files.reduce(
      (sum, file) => sum + fs.readFileSync(path.join(dir, file), 'utf8').split('\n').length,
      0,
    );
    return { name, version: packageVersion(corpus), dir, files, lines, configDir, tsgolint };
  });
  /** @type {Map<string, Sample[]>} */
  const samples = new Map();
  for (let run = 0; run < runs; run++) {
    for (const target of targets) {
      for (const tool of tools) {
        process.stderr.write(`run ${run + 1}/${runs}: ${target.name}, ${tool}\n`);
        const key = `${target.name}\0${tool}`;
        samples.set(key, [...(samples.get(key) ?? []), await runTool(tool, target, ruleIds)]);
      }
    }
  }
  return {
    tsgolint,
    results: targets.map(({ name, version, files, lines }) => ({
      name,
      version,
      files: files.length,
      lines,
      tools: Object.fromEntries(tools.map((tool) => [tool, samples.get(`${name}\0${tool}`) ?? []])),
    })),
  };
}

const seconds = (/** @type {number} */ ms) => (Number.isNaN(ms) ? 'n/a' : (ms / 1000).toFixed(2));

/**
 * @param {Awaited<ReturnType<typeof measureOxlintTiming>>['results']} results
 * @param {Tool[]} tools
 */
export function formatTables(results, tools) {
  const ok = (/** @type {Sample[]} */ list) => list.filter((s) => !s.error);
  const wall = (/** @type {Sample[]} */ list) => median(ok(list).map((s) => s.ms));
  const header = `| corpus | files | lines | ${tools.map((t) => toolTitles[t]).join(' | ')} |`;
  const rule = `| --- | ---: | ---: | ${tools.map(() => '---:').join(' | ')} |`;
  const timeRows = results.map((r) => {
    const cells = tools.map((tool) => {
      const list = r.tools[tool] ?? [];
      const good = ok(list).map((s) => s.ms);
      if (good.length === 0) return 'failed';
      const range = good.length > 1 ? ` (${seconds(Math.min(...good))}–${seconds(Math.max(...good))})` : '';
      return `${seconds(median(good))}${range}`;
    });
    return `| ${r.name} ${r.version} | ${r.files} | ${r.lines} | ${cells.join(' | ')} |`;
  });
  const reportRows = results.map((r) => {
    const cells = tools.map((tool) => {
      const first = ok(r.tools[tool] ?? [])[0];
      return first?.reports === undefined ? '–' : String(first.reports);
    });
    return `| ${r.name} | | | ${cells.join(' | ')} |`;
  });
  const ratios = [];
  if (tools.includes('oxlint-ours') && tools.includes('oxlint-type-aware')) {
    for (const r of results) {
      const ours = wall(r.tools['oxlint-ours'] ?? []);
      const typed = wall(r.tools['oxlint-type-aware'] ?? []);
      if (!Number.isNaN(ours) && !Number.isNaN(typed))
        ratios.push(
          `- ${r.name}: oxlint with our rules ${seconds(ours)} s against ${seconds(typed)} s for oxlint's type-aware rules (${(ours / typed).toFixed(2)}×) ${ours <= typed ? '✅' : '❌'}`,
        );
    }
  }
  const failures = results.flatMap((r) =>
    tools.flatMap((tool) =>
      [...new Set((r.tools[tool] ?? []).map((s) => s.error).filter(Boolean))].map(
        (error) => `- ${r.name}, ${toolTitles[tool]}: ${error}`,
      ),
    ),
  );
  return [
    '### Wall time (s), process start to exit: median (range)',
    '',
    header,
    rule,
    ...timeRows,
    '',
    '### Reports (first run)',
    '',
    header.replace('| files | lines |', '| | |'),
    rule,
    ...reportRows,
    ...(ratios.length
      ? ['', '### Target: our rules through jsPlugins take no longer than the type-aware promise rules', '', ...ratios]
      : []),
    ...(failures.length ? ['', '### Problems', '', ...failures] : []),
  ].join('\n');
}

/** The version in the package.json nearest above a file (a package's bin or native binary). */
function owningPackageVersion(/** @type {string} */ file) {
  for (let dir = path.dirname(fs.realpathSync(file)); dir !== path.dirname(dir); dir = path.dirname(dir))
    if (fs.existsSync(path.join(dir, 'package.json'))) return packageVersionOf(dir);
  return '?';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      corpus: { type: 'string', multiple: true },
      tools: { type: 'string' },
      plugin: { type: 'string' },
      out: { type: 'string', default: path.join(benchDir, 'OXLINT-TIMING.md') },
      'print-only': { type: 'boolean', default: false },
    },
  });
  const named = (values.corpus ?? []).flatMap((c) => c.split(',')).filter(Boolean);
  const corpusNames = named.includes('all')
    ? [...corpora, ...tarballCorpora].map((c) => c.name)
    : named.length
      ? named
      : corpora.map((c) => c.name);
  const tools = /** @type {Tool[]} */ (values.tools ? values.tools.split(',') : allTools);
  for (const tool of tools)
    if (!allTools.includes(tool)) throw new Error(`unknown tool "${tool}"; known: ${allTools.join(', ')}`);
  const pluginPath = values.plugin || process.env.BENCH_PLUGIN || defaultPluginPath;
  const loadBefore = os.loadavg();
  const { results, tsgolint } = await measureOxlintTiming({
    corpusNames,
    tools,
    runs: Number(values.runs),
    pluginPath,
  });
  const loadAfter = os.loadavg();
  const tables = formatTables(results, tools);
  console.log(tables);
  if (!values['print-only']) {
    const tsgolintVersion = tsgolint ? owningPackageVersion(tsgolint) : 'not installed';
    const markdown = `# oxlint timing

Generated by \`node bench/oxlint-timing.js ${process.argv.slice(2).join(' ')}\`; do not edit by hand. How to read it: [README.md](README.md#oxlint-timingjs-whole-process-times-beside-oxlints-type-aware-mode).

| | |
|---|---|
${environmentRows({ loadBefore, loadAfter }).join('\n')}
| oxlint | ${packageVersionOf(path.join(nodeModulesDir, 'oxlint'))}; oxlint-tsgolint ${tsgolintVersion} |
| ESLint | ${packageVersionOf(path.join(nodeModulesDir, 'eslint'))}; typescript-eslint ${packageVersionOf(path.join(nodeModulesDir, 'typescript-eslint'))} |
| method | ${values.runs} run(s) of each tool on each corpus, interleaved, each a fresh process given the same file list; medians. |

${tables}
`;
    fs.writeFileSync(values.out, markdown);
    console.log(`\nwrote ${path.relative(process.cwd(), values.out)}`);
  }
}
