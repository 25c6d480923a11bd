/**
 * The corpora: real code installed from npm as pinned dev dependencies of `bench/`, and the
 * sources of each that the bench lints. Each corpus is copied to `bench/.work/<name>/` next to a
 * generated `tsconfig.json`, so that typescript-eslint's `projectService` finds that tsconfig for
 * every file, and every configuration lints exactly the same files at the same paths.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ensureTarballCorpus, tarballCorpusDir } from './tarball-corpora.js';

export const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const repoDir = path.dirname(benchDir);
export const nodeModulesDir = path.join(benchDir, 'node_modules');
export const workDir = path.join(benchDir, '.work');

/**
 * `sources`: folders or files inside the package to lint. `support`: folders copied next to them
 * (package path → path in the copy) so that their imports resolve. `sourceType` is ESLint's for
 * the `.js` files (TypeScript files are always modules). Optional: `package`, the folder under
 * bench/node_modules when it is not `name` (a nested copy); `extensions`, to lint only those.
 */
/**
 * @typedef {{
 *   name: string, language: 'ts' | 'js', sources: string[], support?: Record<string, string>,
 *   sourceType: 'module' | 'commonjs', version?: string, package?: string, extensions?: string[],
 * }} Corpus `version`: only for tarball corpora, which are fetched at that version; `package`: the
 *   package, when the corpus's name differs (installed, or fetched as a tarball); `extensions`: the linted extensions, when not all
 */

/** @type {Corpus[]} */
export const corpora = [
  { name: 'mongodb', language: 'ts', sources: ['src'], sourceType: 'module' },
  // The sources import '../../third_party/*' (a sibling folder in puppeteer's repository), shipped built in lib/.
  {
    name: 'puppeteer-core',
    language: 'ts',
    sources: ['src'],
    support: { 'lib/third_party': 'third_party' },
    sourceType: 'module',
  },
  { name: 'effect', language: 'ts', sources: ['src'], sourceType: 'module' },
  // Hand-written CommonJS, the sources as published.
  { name: 'undici', language: 'js', sources: ['index.js', 'index-fetch.js', 'lib'], sourceType: 'commonjs' },
  // Only compiled output is published; `tsc` keeps async/await and the code's shape (no bundling).
  { name: 'bullmq', language: 'js', sources: ['dist/esm'], sourceType: 'module' },
];

/**
 * Applications fetched as bare tarballs (bench/tarball-corpora.js): too large, or with too many native
 * dependencies, to install. Ghost is in the default bench run (`benchCorpora`); the others are named
 * with `--corpus` by the precision and ordering work.
 * @type {Corpus[]}
 */
export const tarballCorpora = [
  // A large CommonJS server: Ghost's core, hand-written async code over knex and bookshelf.
  { name: 'ghost', version: '6.65.0', language: 'js', sources: ['core/server'], sourceType: 'commonjs' },
  // An ORM, compiled to CommonJS by tsc (async/await kept): query runners, migrations, the entity manager.
  {
    name: 'typeorm',
    version: '1.1.1',
    language: 'js',
    sources: [
      'index.js',
      'data-source',
      'driver',
      'entity-manager',
      'migration',
      'persistence',
      'query-builder',
      'query-runner',
      'repository',
      'schema-builder',
      'cache',
      'commands',
    ],
    sourceType: 'commonjs',
  },
  // Hand-written CommonJS library.
  { name: 'mongoose', version: '9.12.1', language: 'js', sources: ['lib'], sourceType: 'commonjs' },
  // A hand-written CommonJS server: Node-RED's runtime (flows, storage, the admin API, the library).
  {
    name: 'node-red',
    package: '@node-red/runtime',
    version: '5.0.7',
    language: 'js',
    sources: ['lib'],
    sourceType: 'commonjs',
  },
  // A TypeScript server as published: Directus's API, compiled one module per source file (async/await kept):
  // services over knex, controllers, flows, schedules, websockets.
  {
    name: 'directus',
    package: '@directus/api',
    version: '39.2.1',
    language: 'js',
    sources: ['dist'],
    sourceType: 'module',
  },
  // n8n's workflow engine as published: TypeScript compiled to CommonJS one module per file (async/await kept):
  // node execution, binary data stores, credentials, the task runner bridge.
  {
    name: 'n8n-core',
    version: '2.41.1',
    language: 'js',
    sources: ['dist'],
    sourceType: 'commonjs',
  },
  // Medusa's commerce server as published: TypeScript compiled to CommonJS one module per file (async/await kept):
  // API routes, subscribers, jobs, loaders and the CLI commands.
  {
    name: 'medusa',
    package: '@medusajs/medusa',
    version: '2.21.2',
    language: 'js',
    sources: ['dist'],
    sourceType: 'commonjs',
  },
  // A hand-written CommonJS process manager: the daemon (God), its API client, the CLI and its modules.
  { name: 'pm2', version: '7.0.4', language: 'js', sources: ['lib'], sourceType: 'commonjs' },
  // Strapi's server core as published (TypeScript bundled one module per source file, async/await kept): the
  // document service, the content API, lifecycles, cron, providers, migrations. The CommonJS build only (the
  // `.mjs` twins are the same code).
  {
    name: 'strapi-core',
    package: '@strapi/core',
    version: '5.54.0',
    language: 'js',
    sources: ['dist'],
    extensions: ['.js'],
    sourceType: 'commonjs',
  },
  // A job scheduler over MongoDB, TypeScript compiled to ES modules: job processing, locking, notifications.
  { name: 'agenda', version: '6.2.6', language: 'js', sources: ['dist'], sourceType: 'module' },
  // A hand-written CommonJS queue over Redis (bullmq's predecessor): queue, job, worker processes, scripts.
  { name: 'bull', version: '4.16.5', language: 'js', sources: ['lib'], sourceType: 'commonjs' },
];

export const lintedExtensions = ['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs', '.jsx'];

/** A line this long means a bundle, a minified file or an embedded blob (wasm, OpenAPI UI), not source. */
export const bundleLineLength = 5000;
export const maxFileBytes = 1024 * 1024;

const testPath = /(^|\/)(tests?|__tests__|__mocks__|fixtures?)\//u;
const testFile = /\.(test|spec)\.[cm]?[jt]sx?$/u;
const declarationFile = /\.d\.[cm]?ts$/u;

/**
 * The default bench run: the installed corpora, and Ghost's core, the large hand-written CommonJS server
 * (1,440 files) where the untyped cost per line is highest: small files, `require` everywhere.
 * @type {Corpus[]}
 */
export const benchCorpora = [...corpora, ...tarballCorpora.filter((corpus) => corpus.name === 'ghost')];

/** @param {string} name */
export function corpusByName(name) {
  const corpus = [...corpora, ...tarballCorpora].find((c) => c.name === name);
  if (!corpus)
    throw new Error(
      `unknown corpus "${name}"; known: ${[...corpora, ...tarballCorpora].map((c) => c.name).join(', ')}`,
    );
  return corpus;
}

/** @param {Corpus} corpus */
export function packageDir(corpus) {
  if (!tarballCorpora.includes(corpus)) return path.join(nodeModulesDir, corpus.package ?? corpus.name);
  ensureTarballCorpus(corpus);
  return tarballCorpusDir(corpus);
}

/**
 * @param {Corpus} corpus
 * @returns {string}
 */
export function packageVersion(corpus) {
  return JSON.parse(fs.readFileSync(path.join(packageDir(corpus), 'package.json'), 'utf8')).version;
}

/**
 * Longest line of a text, without splitting it into an array.
 * @param {string} text
 */
export function longestLine(text) {
  let longest = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start > longest) longest = end - start;
    start = end + 1;
  }
  return longest;
}

/**
 * @param {string} dir
 * @param {string[]} out
 */
function walk(dir, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') walk(full, out);
    } else if (entry.isFile()) {
      out.push(full);
    }
  }
}

/**
 * The corpus's source files, relative to the package folder, sorted: linted extensions only,
 * without declaration files, tests and bundles. Also returns the declaration files (for the
 * tsconfig) and how many files were left out, by reason.
 */
/** @param {Corpus} corpus */
export function listCorpusFiles(corpus) {
  const root = packageDir(corpus);
  if (!fs.existsSync(root))
    throw new Error(`${root} is missing: run \`npm --prefix bench ci\` (or node bench/ensure-installed.js)`);
  const candidates = [];
  for (const source of corpus.sources) {
    const full = path.join(root, source);
    if (fs.statSync(full).isDirectory()) walk(full, candidates);
    else candidates.push(full);
  }
  const files = [];
  const declarations = [];
  const excluded = { declarations: 0, tests: 0, bundles: 0 };
  for (const full of candidates) {
    const relative = path.relative(root, full).split(path.sep).join('/');
    if (!(corpus.extensions ?? lintedExtensions).includes(path.extname(relative))) continue;
    if (declarationFile.test(relative)) {
      excluded.declarations++;
      declarations.push(relative);
    } else if (testPath.test(relative) || testFile.test(relative)) excluded.tests++;
    else if (fs.statSync(full).size > maxFileBytes || longestLine(fs.readFileSync(full, 'utf8')) > bundleLineLength)
      excluded.bundles++;
    else files.push(relative);
  }
  files.sort();
  declarations.sort();
  return { files, declarations, excluded };
}

/**
 * Compiler options under which the corpora type-check reasonably without their own build setup.
 * @param {Corpus} corpus
 */
function compilerOptions(corpus) {
  return {
    target: 'ES2022',
    module: 'preserve',
    moduleResolution: 'bundler',
    lib: ['ESNext', 'DOM', 'DOM.Iterable'],
    types: ['node'],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    esModuleInterop: true,
    resolveJsonModule: true,
    // effect imports its own modules as './Foo.ts'.
    allowImportingTsExtensions: true,
    allowJs: corpus.language === 'js',
    checkJs: false,
    jsx: 'preserve',
  };
}

/**
 * Copies the corpus's source folders (every file, so that imports of left-out files still
 * resolve) and its package.json to `bench/.work/<name>/`, and writes the generated tsconfig.json
 * there, listing the linted files and the package's own declaration files. A nested
 * `node_modules` of the package is linked so its imports resolve as they do in place; everything
 * else resolves from `bench/node_modules`. `limit` keeps the first N files (for --quick).
 * Returns `{ dir, files, excluded, totalFiles }` with `files` relative to `dir`.
 * @param {Corpus} corpus
 * @param {{ limit?: number }} [options]
 */
export function prepareCorpus(corpus, options = {}) {
  const { limit } = options;
  const { files: allFiles, declarations, excluded } = listCorpusFiles(corpus);
  const files = limit ? allFiles.slice(0, limit) : allFiles;
  const root = packageDir(corpus);
  const dir = path.join(workDir, corpus.name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const source of corpus.sources) {
    fs.cpSync(path.join(root, source), path.join(dir, source), {
      recursive: true,
      filter: (from) => path.basename(from) !== 'node_modules',
    });
  }
  for (const [from, to] of Object.entries(corpus.support ?? {}))
    fs.cpSync(path.join(root, from), path.join(dir, to), { recursive: true });
  fs.copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  const nested = path.join(root, 'node_modules');
  if (fs.existsSync(nested)) fs.symlinkSync(nested, path.join(dir, 'node_modules'), 'dir');
  const tsconfig = { compilerOptions: compilerOptions(corpus), files: [...declarations, ...files] };
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  return { dir, files, excluded, totalFiles: allFiles.length };
}
