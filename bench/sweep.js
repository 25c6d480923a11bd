#!/usr/bin/env node
/**
 * Reliability sweep: lints every .js/.mjs/.cjs/.jsx/.ts/.mts/.cts/.tsx file under the bench's
 * node_modules with every rule of the plugin at its most inclusive options, without type
 * information, in this one process (ESLint's `Linter`, flat config). For every report it applies
 * the autofix alone and then each suggestion alone to the original text and parses the result with
 * the same parser, checks the syntax tree outside the edit is unchanged and the rule does not offer
 * the same fix again there (sweep/fix-checks.js); for every rule that fixed something it runs ESLint's
 * fix loop, then the loop again on its output, which must change nothing more. RSS is sampled as it
 * goes and must stay flat.
 *
 *   node --expose-gc bench/sweep.js [--sample N --seed S] [--dir other/node_modules] [--rss-every N] [--plugin dist/index.js]
 *
 * Exit code 1 on any crash, unparseable fix or suggestion output, structure change outside the edit,
 * fix that applies again, non-idempotent fix, or memory growth past the bound (the heap retained after a
 * full GC at each checkpoint, and the RSS at the end, ≤ 2 × the first checkpoint's + 200 MB). A JSON
 * report goes to bench/.work/sweep-report.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { Linter } from 'eslint';
import globals from 'globals';
import tseslint from 'typescript-eslint';

import { loadPlugin, pluginNamespace } from './configs.js';
import {
  bundleLineLength,
  lintedExtensions,
  longestLine,
  maxFileBytes,
  nodeModulesDir,
  repoDir,
  workDir,
} from './corpora.js';
import { checkFixLoops, checkReportedFixes, fatalOf, findingFailures, printFindings } from './sweep/check-fixes.js';
import { regionDiff } from './sweep/fix-checks.js';
import { createMeaningCheck } from './sweep/meaning.js';
import { inclusiveOptions, inclusiveRuleEntries, seededSample } from './sweep/options.js';

// --- the rules at their most inclusive options -------------------------------------------------

export { inclusiveOptions };

export { regionDiff };

/**
 * What the sweep counts and collects (written to bench/.work/sweep-report.json).
 * @typedef {{
 *   candidates: number, files: number, linted: number, byMode: Record<string, number>,
 *   skipped: { large: number, bundle: number, unparseable: number }, reportsPerRule: Record<string, number>,
 *   fixes: number, suggestions: number, fixLoops: number,
 *   crashes: { file: string, rule: string, stack: string }[],
 *   unparseable: { where: string, rule: string, kind: string, error: string, diff: string }[],
 *   nonIdempotent: { where: string, rule: string, diff: string }[],
 *   structureChanges: { where: string, rule: string, kind: string, detail: string, diff: string }[],
 *   reapplied: { where: string, rule: string, kind: string, detail: string, diff: string }[],
 *   parserRejected: string[], rss: { files: number, rssMb: number, heapMb: number }[],
 * }} SweepStats
 */

/** Lints the sample or every file, checks every fix and suggestion, prints the summary and sets the exit code. */
async function main() {
  const { values } = parseArgs({
    options: {
      sample: { type: 'string' },
      seed: { type: 'string', default: '1' },
      dir: { type: 'string', multiple: true },
      'rss-every': { type: 'string' },
      plugin: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(
      'usage: node --expose-gc bench/sweep.js [--sample N --seed S] [--dir path]... [--rss-every N] [--plugin path] [--verbose]',
    );
    process.exit(0);
  }

  const started = performance.now();
  const plugin = await loadPlugin(values.plugin);
  const namespace = pluginNamespace(plugin);

  const ruleEntries = inclusiveRuleEntries(plugin, namespace);
  const ruleIds = Object.keys(ruleEntries);

  // --- parsing modes and configs -----------------------------------------------------------------

  const jsPatterns = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx'];
  const tsPatterns = ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];

  /** The ways to parse a file, tried in order until one parses: the first one that does is the file's mode. */
  function parseModes(extension) {
    const espree = (sourceType, jsx = false) => ({
      name: `espree ${sourceType}${jsx ? '+jsx' : ''}`,
      languageOptions: { ecmaVersion: 'latest', sourceType, parserOptions: { ecmaFeatures: { jsx } } },
    });
    const typescript = (sourceType) => ({
      name: 'typescript-eslint',
      languageOptions: { parser: tseslint.parser, sourceType },
    });
    switch (extension) {
      case '.ts':
      case '.mts':
      case '.tsx':
        return [typescript('module')];
      case '.cts':
        return [typescript('commonjs')];
      case '.mjs':
        return [espree('module')];
      case '.cjs':
        return [espree('commonjs')];
      case '.jsx':
        return [espree('module', true), espree('commonjs', true)];
      default:
        return [espree('module'), espree('commonjs'), espree('module', true)];
    }
  }

  const configCache = new Map();
  /** Flat config for a parse mode and a set of rules (`'all'`, `'none'` or one rule id); built once. */
  const meaningChecks = new Map();
  /** One meaning check per parse mode, reusing the sweep's Linter and configs. */
  function meaningCheck(mode) {
    let check = meaningChecks.get(mode.name);
    if (!check) {
      check = createMeaningCheck(linter, {
        parseConfig: () => configFor(mode, 'none'),
        ruleConfig: (ruleId) => configFor(mode, ruleId),
      });
      meaningChecks.set(mode.name, check);
    }
    return check;
  }

  function configFor(mode, rules) {
    const key = `${mode.name}\0${rules}`;
    let config = configCache.get(key);
    if (!config) {
      const selected = rules === 'all' ? ruleEntries : rules === 'none' ? {} : { [rules]: ruleEntries[rules] };
      config = [
        { ignores: ['!**/node_modules/'] },
        {
          files: mode.name === 'typescript-eslint' ? tsPatterns : jsPatterns,
          plugins: { [namespace]: plugin },
          languageOptions: { ...mode.languageOptions, globals: { ...globals.node } },
          linterOptions: {
            noInlineConfig: true,
            reportUnusedDisableDirectives: 'off',
            reportUnusedInlineConfigs: 'off',
          },
          rules: selected,
        },
      ];
      configCache.set(key, config);
    }
    return config;
  }

  // --- files -------------------------------------------------------------------------------------

  function walk(dir, out) {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isSymbolicLink()) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.bin' && entry.name !== '.cache') walk(full, out);
      } else if (entry.isFile() && lintedExtensions.includes(path.extname(entry.name))) {
        out.push(full);
      }
    }
  }

  const roots = (values.dir?.length ? values.dir : [nodeModulesDir]).map((d) => path.resolve(d));
  for (const root of roots)
    if (!fs.existsSync(root)) throw new Error(`${root} does not exist (run \`node bench/ensure-installed.js\`)`);
  let allFiles = [];
  for (const root of roots) walk(root, allFiles);
  const display = (file) => path.relative(repoDir, file);
  allFiles = allFiles
    .map((file) => ({ file, key: display(file) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const sampleSize = values.sample ? Number(values.sample) : undefined;
  const seed = Number(values.seed);
  const files = seededSample(
    allFiles.map((f) => f.file),
    sampleSize,
    seed,
  );
  const rssEvery = values['rss-every']
    ? Number(values['rss-every'])
    : files.length >= 10_000
      ? 5000
      : Math.max(100, Math.ceil(files.length / 5));

  // --- checks ------------------------------------------------------------------------------------

  const linter = new Linter({ cwd: '/' });
  /** @type {SweepStats} */
  const stats = {
    candidates: allFiles.length,
    files: files.length,
    linted: 0,
    byMode: {},
    skipped: { large: 0, bundle: 0, unparseable: 0 },
    reportsPerRule: Object.fromEntries(ruleIds.map((id) => [id, 0])),
    fixes: 0,
    suggestions: 0,
    fixLoops: 0,
    crashes: [],
    unparseable: [],
    nonIdempotent: [],
    // Meaning checks (bench/sweep/fix-checks.js): tree changed outside the edit, or the same fix applies again.
    structureChanges: [],
    reapplied: [],
    parserRejected: [],
    rss: [],
  };

  function parseError(text, mode, filename) {
    const fatal = fatalOf(linter.verify(text, configFor(mode, 'none'), { filename }));
    return fatal ? `${fatal.line}:${fatal.column} ${fatal.message}` : undefined;
  }

  function recordCrash(file, ruleId, error) {
    stats.crashes.push({ file: display(file), rule: ruleId, stack: String(error?.stack ?? error) });
  }

  /** Lints one file; returns nothing, everything it learns goes into `stats`. */
  function sweepFile(file) {
    const size = fs.statSync(file).size;
    if (size > maxFileBytes) {
      stats.skipped.large++;
      return;
    }
    const text = fs.readFileSync(file, 'utf8');
    if (longestLine(text) > bundleLineLength) {
      stats.skipped.bundle++;
      return;
    }
    let mode;
    /** @type {import('eslint').Linter.LintMessage[]} */
    let messages = [];
    let lastFatal;
    for (const candidate of parseModes(path.extname(file))) {
      try {
        messages = linter.verify(text, configFor(candidate, 'all'), { filename: file });
      } catch {
        // A rule crashed; which one is found below, rule by rule, once the parse mode is known.
        if (parseError(text, candidate, file)) continue;
        mode = candidate;
        messages = [];
        for (const ruleId of ruleIds) {
          try {
            messages.push(...linter.verify(text, configFor(candidate, ruleId), { filename: file }));
          } catch (error) {
            recordCrash(file, ruleId, error);
          }
        }
        break;
      }
      lastFatal = fatalOf(messages);
      if (!lastFatal) {
        mode = candidate;
        break;
      }
    }
    if (!mode) {
      stats.skipped.unparseable++;
      if (stats.parserRejected.length < 20) stats.parserRejected.push(`${display(file)}: ${lastFatal?.message}`);
      return;
    }
    stats.linted++;
    stats.byMode[mode.name] = (stats.byMode[mode.name] ?? 0) + 1;

    const sweep = { linter, stats, display, ruleConfig: (ruleId) => configFor(mode, ruleId), recordCrash };
    const { fixedRules } = checkReportedFixes({
      ...sweep,
      file,
      text,
      messages,
      parseError: (output) => parseError(output, mode, file),
      meaningCheck: () => meaningCheck(mode),
    });
    checkFixLoops({ ...sweep, file, text, ruleIds: fixedRules });
  }

  function checkpoint(done) {
    globalThis.gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    stats.rss.push({ files: done, rssMb: Math.round(rss / 2 ** 20), heapMb: Math.round(heapUsed / 2 ** 20) });
    const elapsed = ((performance.now() - started) / 1000).toFixed(0);
    const reports = Object.values(stats.reportsPerRule).reduce((a, b) => a + b, 0);
    console.log(
      `  [${String(done).padStart(String(files.length).length)}/${files.length}] ${elapsed}s  rss ${Math.round(rss / 2 ** 20)} MB  heap ${Math.round(heapUsed / 2 ** 20)} MB  ` +
        `${reports} reports  ${stats.crashes.length} crashes  ${stats.unparseable.length} unparseable`,
    );
  }

  // --- run ---------------------------------------------------------------------------------------

  console.log(
    `sweep: ${files.length} of ${allFiles.length} files under ${roots.map(display).join(', ')}` +
      `${sampleSize !== undefined ? ` (seeded sample: --sample ${sampleSize} --seed ${seed})` : ''}`,
  );
  console.log(
    `rules: ${ruleIds.length ? ruleIds.map((id) => `${id} ${JSON.stringify(ruleEntries[id])}`).join(', ') : 'none (the plugin has no rules yet)'}`,
  );
  console.log(
    `RSS every ${rssEvery} files${globalThis.gc ? ' (after a full GC)' : ' (run with --expose-gc for steadier numbers)'}:`,
  );
  for (const [index, file] of files.entries()) {
    if (values.verbose) console.log(`    ${display(file)}`);
    try {
      sweepFile(file);
    } catch (error) {
      // Reading or the harness itself failed, not a rule: still a crash to look at.
      recordCrash(file, '(sweep)', error);
    }
    if ((index + 1) % rssEvery === 0 && index + 1 !== files.length) checkpoint(index + 1);
  }
  checkpoint(files.length);

  // --- report ------------------------------------------------------------------------------------

  // Growth, not a transient peak: the JS heap retained after a full GC at every checkpoint, and the RSS at
  // the end (native memory freed in between, such as a parser's buffers, need not be returned at once).
  const baseline = stats.rss[0];
  const boundMb = baseline ? 2 * baseline.rssMb + 200 : undefined;
  const heapBoundMb = baseline ? 2 * baseline.heapMb + 200 : undefined;
  const last = stats.rss.at(-1);
  const memoryExceeded =
    boundMb !== undefined && heapBoundMb !== undefined && stats.rss.length > 1
      ? stats.rss.filter((c) => c.heapMb > heapBoundMb || (c === last && c.rssMb > boundMb))
      : [];
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const failures = [];

  console.log('');
  console.log(
    `files: ${stats.linted} linted of ${stats.files} (${
      Object.entries(stats.byMode)
        .map(([m, n]) => `${m}: ${n}`)
        .join(', ') || 'none'
    })`,
  );
  console.log(
    `skipped: ${stats.skipped.large} over ${maxFileBytes / 2 ** 20} MB, ${stats.skipped.bundle} bundles or minified (a line over ${bundleLineLength} characters), ` +
      `${stats.skipped.unparseable} rejected by the parser`,
  );
  if (values.verbose) for (const line of stats.parserRejected) console.log(`  parser rejected ${line}`);
  console.log('reports per rule:');
  if (ruleIds.length === 0) console.log('  (no rules)');
  for (const id of ruleIds) console.log(`  ${id}: ${stats.reportsPerRule[id]}`);
  printFindings(stats);
  console.log(
    `memory: RSS ${stats.rss.map((c) => `${c.rssMb}`).join(' → ')} MB, heap ${stats.rss.map((c) => `${c.heapMb}`).join(' → ')} MB; ` +
      `bound: heap at every checkpoint and RSS at the end ≤ 2 × first + 200 MB` +
      (boundMb !== undefined && heapBoundMb !== undefined && stats.rss.length > 1
        ? ` = ${heapBoundMb} MB heap, ${boundMb} MB RSS`
        : ' (one checkpoint only: nothing to compare)'),
  );
  console.log(`time: ${seconds}s`);

  failures.push(...findingFailures(stats));
  if (memoryExceeded.length)
    failures.push(
      `memory over the bound at ${memoryExceeded.map((c) => `${c.files} files (heap ${c.heapMb} MB, RSS ${c.rssMb} MB)`).join(', ')}`,
    );

  fs.mkdirSync(workDir, { recursive: true });
  fs.writeFileSync(
    path.join(workDir, 'sweep-report.json'),
    JSON.stringify({ options: values, rules: ruleEntries, seconds: Number(seconds), ...stats }, null, 1),
  );

  if (failures.length) {
    console.log(`sweep FAILED: ${failures.join(', ')}`);
    process.exitCode = 1;
  } else {
    console.log('sweep passed: no crash, every fix and suggestion output parses, fixes are idempotent, memory flat');
  }
}

// Importing this module (for `inclusiveOptions` or `regionDiff`) must not start a sweep.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
