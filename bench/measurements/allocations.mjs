/**
 * What a configuration allocates while linting one corpus, collected objects included: the total, and
 * the plugin's functions that allocate most (inclusive). Peak RSS says little at a 5 % scale, since
 * it follows when V8 grows the heap; the allocation volume is what our rules add to it.
 *
 *   node bench/run.js --runs 1 --corpus undici --configs A    # once: copies the corpus to bench/.work
 *   node bench/measurements/allocations.mjs undici A
 *   node bench/measurements/allocations.mjs undici B [--plugin dist/index.js]
 */
import fs from 'node:fs';
import inspector from 'node:inspector/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ESLint } from 'eslint';
import { buildConfig, loadPlugin } from '../configs.js';
import { corpusByName, workDir } from '../corpora.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { plugin: { type: 'string' } } });
const [corpusName = 'undici', config = 'B'] = positionals;
const corpus = corpusByName(corpusName);
const dir = path.join(workDir, corpus.name);
const filesList = path.join(workDir, `${corpus.name}.files.json`);
if (!fs.existsSync(filesList)) {
  console.error(
    `no ${path.relative(process.cwd(), filesList)}: run \`node bench/run.js --runs 1 --corpus ${corpus.name} --configs A\` first`,
  );
  process.exit(1);
}

const plugin = await loadPlugin(values.plugin);
const eslint = new ESLint({
  cwd: dir,
  overrideConfigFile: true,
  overrideConfig: buildConfig(config, { plugin, dir, sourceType: corpus.sourceType }),
  cache: false,
});
const files = JSON.parse(fs.readFileSync(filesList, 'utf8'));

const session = new inspector.Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 16384,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
await eslint.lintFiles(files);
const { profile } = await session.post('HeapProfiler.stopSampling');

const pluginDir = path.dirname(path.resolve(values.plugin ?? path.join(import.meta.dirname, '../../dist/index.js')));
const inclusive = new Map();
/** Sum of a node's subtree; each function counted once per stack. */
function walk(node, stack) {
  const frame = node.callFrame;
  const key = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^file:\/\//u, '').replace(`${pluginDir}/`, '')}:${frame.lineNumber + 1}`;
  let size = node.selfSize;
  for (const child of node.children) size += walk(child, [...stack, key]);
  if (!stack.includes(key) && frame.url.includes(pluginDir)) inclusive.set(key, (inclusive.get(key) ?? 0) + size);
  return size;
}
const total = walk(profile.head, []);
const megabytes = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
console.log(
  `${corpus.name} ${config}: ${files.length} files, ${megabytes(total)} allocated while linting (sampled every 16 KiB, collected objects included)`,
);
const top = [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 15);
if (top.length)
  console.log(
    `plugin functions, inclusive:\n${top.map(([key, size]) => `  ${megabytes(size).padStart(9)}  ${key}`).join('\n')}`,
  );
