/**
 * Where our rules spend their time without types: lints one corpus with configuration B (or one rule of it),
 * `--runs` times in this process, and prints each rule's time over ESLint's parse time (median of the runs,
 * a ratio that stays put when the machine is busy), then, with `--profile`, the plugin's functions by self
 * time from a CPU profile of the last run (the hot spots to cut).
 *
 *   node bench/measurements/rule-profile.mjs ghost [--rule no-floating-promise] [--runs 3] [--profile] [--inclusive] [--no-cross-file] [--plugin dist/index.js]
 *
 * `--inclusive` adds the plugin's functions by total time (their own and their callees', each sample counted
 * once per function however deep the recursion): which analysis a cut should start from.
 *
 * Prepares the corpus copy in bench/.work/<name> itself (tarball corpora such as ghost are fetched once).
 */
import inspector from 'node:inspector/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { ESLint } from 'eslint';

import { buildConfig, loadPlugin, pluginNamespace } from '../configs.js';
import { corpusByName, prepareCorpus } from '../corpora.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rule: { type: 'string', multiple: true },
    runs: { type: 'string', default: '3' },
    profile: { type: 'boolean', default: false },
    inclusive: { type: 'boolean', default: false },
    'no-cross-file': { type: 'boolean', default: false },
    top: { type: 'string', default: '25' },
    plugin: { type: 'string' },
  },
});
const corpus = corpusByName(positionals[0] ?? 'undici');
const plugin = await loadPlugin(values.plugin);
const namespace = pluginNamespace(plugin);
const { dir, files } = prepareCorpus(corpus);
const [config] = buildConfig('B', { plugin, dir, sourceType: corpus.sourceType });
if (!config?.rules) throw new Error('configuration B has no rules');
// The project layer's setting (src/analysis/project/project.ts), to tell its cost from the rules' own.
if (values['no-cross-file']) config.settings = { [namespace]: { crossFile: false } };
if (values.rule?.length) {
  const keep = new Set(values.rule.map((name) => `${namespace}/${name}`));
  config.rules = Object.fromEntries(Object.entries(config.rules).filter(([id]) => keep.has(id)));
}

/** @param {number[]} list */
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;
const session = new inspector.Session();
session.connect();
const runs = Number(values.runs);
/** @type {{ parse: number, rules: Record<string, number> }[]} */
const samples = [];
let profile;
for (let run = 1; run <= runs; run++) {
  const profiled = (values.profile || values.inclusive) && run === runs;
  if (profiled) {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
  }
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [config],
    stats: true,
    cache: false,
  });
  const results = await eslint.lintFiles(files);
  if (profiled) profile = (await session.post('Profiler.stop')).profile;
  const sample = { parse: 0, rules: /** @type {Record<string, number>} */ ({}) };
  for (const result of results)
    for (const pass of result.stats?.times?.passes ?? []) {
      sample.parse += pass.parse?.total ?? 0;
      for (const [id, time] of Object.entries(pass.rules ?? {}))
        sample.rules[id] = (sample.rules[id] ?? 0) + time.total;
    }
  samples.push(sample);
}

const parseMs = median(samples.map((s) => s.parse));
console.log(`${corpus.name}: ${files.length} files, ${runs} run(s), median parse ${parseMs.toFixed(0)} ms`);
const ids = Object.keys(config.rules);
let total = 0;
for (const id of ids) {
  const ratios = samples.map((s) => (s.rules[id] ?? 0) / s.parse);
  total += median(ratios);
  console.log(
    `  ${id.padEnd(36)} ${(100 * median(ratios)).toFixed(2).padStart(6)} % of parse  (runs: ${ratios.map((r) => (100 * r).toFixed(2)).join(', ')})`,
  );
}
console.log(`  ${'sum of the medians'.padEnd(36)} ${(100 * total).toFixed(2).padStart(6)} % of parse`);

if (profile) {
  // Self time by function, for the plugin's own code (dist/) and, grouped by package, the libraries it calls.
  const distDir = path.dirname(fileURLToPath(new URL(import.meta.resolve(values.plugin ?? '../../dist/index.js'))));
  /** @type {Map<number, number>} */
  const hits = new Map();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, index) => hits.set(id, (hits.get(id) ?? 0) + (deltas[index] ?? 0)));
  /** @type {Map<string, number>} */
  const self = new Map();
  let all = 0;
  for (const node of profile.nodes) {
    const time = hits.get(node.id) ?? 0;
    all += time;
    const { url, functionName, lineNumber } = node.callFrame;
    const file = url.startsWith('file://') ? fileURLToPath(url) : url;
    const key = file.startsWith(distDir)
      ? `${functionName || '(anonymous)'} ${path.relative(distDir, file)}:${lineNumber + 1}`
      : `[${/node_modules\/((?:@[^/]+\/)?[^/]+)/u.exec(file)?.[1] ?? (file || functionName)}]`;
    self.set(key, (self.get(key) ?? 0) + time);
  }
  const print = (/** @type {string} */ title, /** @type {Map<string, number>} */ times) => {
    console.log(`\n${title}, last run (${(all / 1000).toFixed(0)} ms sampled):`);
    for (const [key, time] of [...times].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)))
      console.log(
        `  ${(time / 1000).toFixed(0).padStart(6)} ms  ${((100 * time) / all).toFixed(1).padStart(5)} %  ${key}`,
      );
  };
  print('self time', self);
  if (values.inclusive) {
    // Walk the call tree from the root, carrying the plugin functions on the stack; a node's samples count
    // once for each distinct plugin function above it (or itself).
    /** @type {Map<number, any>} */
    const byId = new Map(profile.nodes.map((/** @type {any} */ node) => [node.id, node]));
    const keyOf = (/** @type {any} */ node) => {
      const { url, functionName, lineNumber } = node.callFrame;
      const file = url.startsWith('file://') ? fileURLToPath(url) : url;
      return file.startsWith(distDir)
        ? `${functionName || '(anonymous)'} ${path.relative(distDir, file)}:${lineNumber + 1}`
        : undefined;
    };
    /** @type {Map<string, number>} */
    const inclusive = new Map();
    /** @type {[any, Set<string>][]} */
    const stack = [[profile.nodes[0], new Set()]];
    while (stack.length) {
      const [node, above] = /** @type {[any, Set<string>]} */ (stack.pop());
      const key = keyOf(node);
      const on = key && !above.has(key) ? new Set([...above, key]) : above;
      const time = hits.get(node.id) ?? 0;
      if (time) for (const name of on) inclusive.set(name, (inclusive.get(name) ?? 0) + time);
      for (const child of node.children ?? []) stack.push([byId.get(child), on]);
    }
    print('total time (self and callees)', inclusive);
  }
}
