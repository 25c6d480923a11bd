/**
 * One measured run: lints one corpus with one configuration in this fresh process, then writes
 * a JSON summary to the file given by --out. Started by run.js; every configuration goes through
 * exactly this code, so the process setup is the same for all.
 *
 *   node bench/lint-worker.js --config B --dir bench/.work/mongodb --files <list.json> --source-type module --out <result.json>
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    config: { type: 'string' },
    dir: { type: 'string' },
    files: { type: 'string' },
    'source-type': { type: 'string', default: 'module' },
    plugin: { type: 'string' },
    out: { type: 'string' },
  },
});

if (!values.config || !values.dir || !values.files || !values.out)
  throw new Error('lint-worker: --config, --dir, --files and --out are required (run.js passes them)');

// Everything from here on counts: loading ESLint, the parser, the plugins, and linting.
const started = performance.now();
const { ESLint } = await import('eslint');
const { buildConfig, loadPlugin } = await import('./configs.js');
const plugin = await loadPlugin(values.plugin);
const files = JSON.parse(fs.readFileSync(values.files, 'utf8'));
const eslint = new ESLint({
  cwd: values.dir,
  overrideConfigFile: true,
  overrideConfig: buildConfig(values.config, {
    plugin,
    dir: values.dir,
    sourceType: /** @type {'module' | 'commonjs'} */ (values['source-type']),
  }),
  stats: true,
  cache: false,
  errorOnUnmatchedPattern: true,
});
const lintStarted = performance.now();
// Linted in batches, with full GCs after each (run.js starts the worker with --expose-gc): the heap retained
// after the last batch is what the rules keep between files (their caches, full by then), a steadier measure
// of memory than the peak RSS, which follows when V8 decides to grow the heap. Not the largest over the
// batches: after the first ones, forced GCs leave up to 20 MB that V8 frees only later (a heap snapshot taken
// at that moment, which collects all it can, finds the heap back at the final size), so that figure swung
// by a third from run to run.
const BATCH = 100;

/** The heap after forced GCs, repeated until it stops shrinking (at most 6): one often leaves garbage the next frees. */
function settledHeapUsed() {
  let used = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 6 && globalThis.gc; round++) {
    globalThis.gc();
    const now = process.memoryUsage().heapUsed;
    if (now > used * 0.995) return Math.min(now, used);
    used = now;
  }
  return Math.min(used, process.memoryUsage().heapUsed);
}
/**
 * What this script reads of a lint result, and no more: ESLint's result of a file with reports also holds the
 * file's whole text (`source`), which would count against the configuration that reports, not against its
 * rules' caches.
 * @param {import('eslint').ESLint.LintResult} result
 */
function keptOf(result) {
  return {
    filePath: result.filePath,
    stats: result.stats,
    messages: result.messages.map(({ ruleId, line, column, message, fatal }) => ({
      ruleId,
      line,
      column,
      message,
      fatal,
    })),
  };
}
/** @type {ReturnType<typeof keptOf>[]} */
const results = [];
let retainedHeapBytes = 0;
try {
  for (let start = 0; start < files.length; start += BATCH) {
    results.push(...(await eslint.lintFiles(files.slice(start, start + BATCH))).map(keptOf));
    retainedHeapBytes = settledHeapUsed();
  }
} catch (caught) {
  const error = /** @type {Error} */ (caught);
  // ESLint stops at the first rule that throws; say which, without dumping the AST.
  console.error(
    `lint-worker: configuration ${values.config} crashed: ${error.message}\n${String(error.stack)
      .split('\n')
      .filter((l) => l.startsWith('    at '))
      .slice(0, 6)
      .join('\n')}`,
  );
  process.exit(1);
}
const finished = performance.now();

const ruleTimes = {};
const reportsPerRule = {};
const reports = [];
const fatal = [];
let parseMs = 0;
let rulesMs = 0;
for (const result of results) {
  const relative = result.filePath.slice(values.dir.length + 1);
  for (const pass of result.stats?.times?.passes ?? []) {
    parseMs += pass.parse?.total ?? 0;
    for (const [ruleId, time] of Object.entries(pass.rules ?? {})) {
      ruleTimes[ruleId] = (ruleTimes[ruleId] ?? 0) + time.total;
      rulesMs += time.total;
    }
  }
  for (const message of result.messages) {
    if (message.fatal || !message.ruleId) {
      if (message.fatal) fatal.push({ file: relative, line: message.line, message: message.message });
      continue;
    }
    reportsPerRule[message.ruleId] = (reportsPerRule[message.ruleId] ?? 0) + 1;
    reports.push({
      ruleId: message.ruleId,
      file: relative,
      line: message.line,
      column: message.column,
      message: message.message,
    });
  }
}

fs.writeFileSync(
  values.out,
  JSON.stringify({
    config: values.config,
    files: results.length,
    // Wall time inside the process (load + lint); run.js also measures spawn to exit.
    processMs: finished,
    setupMs: lintStarted - started,
    lintMs: finished - lintStarted,
    parseMs,
    rulesMs,
    maxRssKb: process.resourceUsage().maxRSS,
    retainedHeapKb: Math.round(retainedHeapBytes / 1024),
    ruleTimes,
    reportsPerRule,
    reports,
    fatal,
  }),
);
