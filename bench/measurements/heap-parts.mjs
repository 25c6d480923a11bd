/**
 * Where the heap our plugin keeps goes, in two parts:
 * - the plugin's code: the heap held after importing dist/index.js into a process that has loaded ESLint and
 *   @typescript-eslint/parser (what configuration A loads), after full GCs;
 * - the summaries of other files: after linting one corpus with configuration B in this process, the heap
 *   freed by emptying the summary cache, and that over the number of summaries it held.
 *
 *   node --expose-gc bench/measurements/heap-parts.mjs effect [--plugin <dist>/index.js]   (from the repository root)
 *
 * Prepares the corpus copy in bench/.work/<name> itself (tarball corpora such as ghost are fetched once).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { plugin: { type: 'string' } } });
if (!globalThis.gc) throw new Error('run with node --expose-gc');
const gc = /** @type {() => void} */ (globalThis.gc);

/** Heap used after full GCs, in MB. */
function settledMb() {
  for (let round = 0; round < 6; round++) gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const { ESLint } = await import('eslint');
await import('@typescript-eslint/parser');
const before = settledMb();
const pluginPath = path.resolve(values.plugin ?? 'dist/index.js');
const plugin = (await import(pathToFileURL(pluginPath).href)).default;
console.log(`plugin code: ${(settledMb() - before).toFixed(2)} MB after import`);
const { buildConfig } = await import('../configs.js');
const { corpusByName, prepareCorpus } = await import('../corpora.js');

const corpus = corpusByName(positionals[0] ?? 'undici');
const { dir, files } = prepareCorpus(corpus);
const summaryCache = await import(
  pathToFileURL(path.join(path.dirname(pluginPath), 'analysis', 'project', 'summary-cache.js')).href
);
const eslint = new ESLint({
  cwd: dir,
  overrideConfigFile: true,
  overrideConfig: buildConfig('B', { plugin, dir, sourceType: corpus.sourceType }),
  cache: false,
});
for (let start = 0; start < files.length; start += 100) await eslint.lintFiles(files.slice(start, start + 100));
const held = summaryCache.getSummaryCacheSize();
const full = settledMb();
summaryCache.clearSummaryCache();
const freed = full - settledMb();
console.log(
  `${corpus.name}: ${held} summaries hold ${(freed * 1024).toFixed(0)} KB (${((freed * 1024) / Math.max(held, 1)).toFixed(1)} KB each)`,
);
