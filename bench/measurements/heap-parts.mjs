/**
 * Where the heap our plugin keeps goes, in two parts:
 * - the plugin's code: the heap held after importing dist/index.js into a process that has loaded ESLint and
 *   @typescript-eslint/parser (what configuration A loads), after full GCs (steady to about 0.2 MB);
 * - the summaries of other files: every source file of one corpus summarised into the summary cache, as a
 *   lint that reads them all would leave it, measured by heap snapshots before and after (a snapshot counts
 *   reachable objects only, so the figure does not move between runs).
 *
 *   node --expose-gc bench/measurements/heap-parts.mjs effect [--plugin <dist>/index.js]   (from the repository root)
 *
 * Prepares the corpus copy in bench/.work/<name> itself (tarball corpora such as ghost are fetched once).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { plugin: { type: 'string' } } });
if (!globalThis.gc) throw new Error('run with node --expose-gc');
const gc = /** @type {() => void} */ (globalThis.gc);

/** Heap used after full GCs, in MB. */
function settledMb() {
  for (let round = 0; round < 6; round++) gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** The summed size of every reachable object, from a heap snapshot, in KB. */
function reachableKb() {
  const file = v8.writeHeapSnapshot(
    path.join(fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'heap-')), 'h.heapsnapshot'),
  );
  const snapshot = JSON.parse(fs.readFileSync(file, 'utf8'));
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  const fields = snapshot.snapshot.meta.node_fields;
  const selfSize = fields.indexOf('self_size');
  let total = 0;
  for (let index = selfSize; index < snapshot.nodes.length; index += fields.length) total += snapshot.nodes[index];
  return total / 1024;
}

await import('eslint');
await import('@typescript-eslint/parser');
const before = settledMb();
const pluginPath = path.resolve(values.plugin ?? 'dist/index.js');
await import(pathToFileURL(pluginPath).href);
console.log(`plugin code: ${(settledMb() - before).toFixed(2)} MB after import`);

const { corpusByName, prepareCorpus } = await import('../corpora.js');
const corpus = corpusByName(positionals[0] ?? 'undici');
const { dir, files } = prepareCorpus(corpus);
const summaryCache = await import(
  pathToFileURL(path.join(path.dirname(pluginPath), 'analysis', 'project', 'summary-cache.js')).href
);
const realPaths = files.map((file) => fs.realpathSync(path.resolve(dir, file)));
// One summary first, so the parser's own code (loaded on first use) is in both snapshots.
if (realPaths[0]) summaryCache.getModuleSummary(realPaths[0]);
summaryCache.clearSummaryCache();
const empty = reachableKb();
for (const file of realPaths) summaryCache.getModuleSummary(file);
const held = summaryCache.getSummaryCacheSize();
const full = reachableKb();
console.log(
  `${corpus.name}: ${held} summaries hold ${(full - empty).toFixed(0)} KB (${((full - empty) / Math.max(held, 1)).toFixed(1)} KB each)`,
);
