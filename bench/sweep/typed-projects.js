/**
 * What the typed sweep (bench/sweep-typed.js) lints: the TypeScript bench corpora and the
 * TypeScript sources that packages of bench/node_modules ship, each prepared as a corpus
 * (corpora.js `prepareCorpus`: copied to bench/.work/<name>/ beside a generated tsconfig.json
 * that lists its files, so typescript-eslint's projectService gives each its own program).
 */
import fs from 'node:fs';
import path from 'node:path';

import { corpora, nodeModulesDir } from './../corpora.js';

const typescriptExtensions = ['.ts', '.mts', '.cts', '.tsx'];

/** Every top-level folder and TypeScript file of a package that ships its sources at its root. */
function rootSources(name, skip) {
  const dir = path.join(nodeModulesDir, name);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) =>
      entry.isDirectory()
        ? entry.name !== 'node_modules' && !skip.includes(entry.name)
        : typescriptExtensions.includes(path.extname(entry.name)),
    )
    .map((entry) => entry.name)
    .sort();
}

/**
 * @param {string} name
 * @param {string[]} sources
 * @param {{ package?: string }} [extra]
 * @returns {import('../corpora.js').Corpus}
 */
const shipped = (name, sources, extra = {}) => ({
  name,
  language: 'ts',
  sources,
  sourceType: 'module',
  extensions: typescriptExtensions,
  ...extra,
});

export const typedProjects = [
  ...corpora.filter((c) => c.language === 'ts').map((c) => ({ ...c, extensions: typescriptExtensions })),
  shipped('rxjs', ['src']),
  shipped('zod', ['src']),
  shipped('bson', ['src']),
  shipped('ajv-formats', ['src']),
  // ajv 8 ships its TypeScript sources in lib/ (nested: the top-level ajv is 6).
  shipped('ajv', ['lib'], { package: 'ajv-formats/node_modules/ajv' }),
  shipped('@puppeteer/browsers', ['src']),
  // viem and ox publish their sources at the package root beside the _cjs/_esm/_types builds.
  shipped('viem', rootSources('viem', ['_cjs', '_esm', '_types'])),
  shipped('ox', rootSources('ox', ['_cjs', '_esm', '_types', 'dist'])),
  shipped('abitype', ['src']),
].filter(
  (project) => project.sources.length > 0 && fs.existsSync(path.join(nodeModulesDir, project.package ?? project.name)),
);
