/**
 * "Which file does this import or require name?" Relative specifiers with TypeScript's extension
 * mapping (`./x.js` → `x.ts`), directory index files, `package.json` `exports`/`imports`, tsconfig
 * `paths`/`baseUrl` (the nearest tsconfig, or the one named in settings) and workspace packages linked
 * into `node_modules`, all answered by oxc-resolver (the resolver of oxc, Rolldown and knip: native,
 * TypeScript-aware, follows symlinks to real paths). Files inside `node_modules` are third-party and
 * left to the catalogues. Where the native binding is missing, relative specifiers are still resolved
 * by a small fallback that applies the same extension mapping.
 */
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';

import type * as OxcResolver from 'oxc-resolver';

export type ImportKind = 'import' | 'require';

export interface ResolveOptions {
  /** A tsconfig.json to use instead of the nearest one. */
  readonly tsconfig?: string;
}

/** Extensions a source file can have, in the order TypeScript and Node look for them. */
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

/** TypeScript's mapping from the extension written in a specifier to the sources that produce it. */
const EXTENSION_ALIAS: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.js', '.jsx'],
  '.jsx': ['.tsx', '.jsx'],
  '.mjs': ['.mts', '.mjs'],
  '.cjs': ['.cts', '.cjs'],
};

const require = createRequire(import.meta.url);

let oxc: typeof OxcResolver | null | undefined;

function loadOxcResolver(): typeof OxcResolver | null {
  if (oxc === undefined) {
    try {
      oxc = require('oxc-resolver') as typeof OxcResolver;
    } catch {
      oxc = null;
    }
  }
  return oxc;
}

const resolvers = new Map<string, OxcResolver.ResolverFactory>();

/**
 * Node's view of a package (`node`, `import`/`require` conditions, `module`/`main`), or TypeScript's
 * (`types` first, `types`/`typings` fields): a workspace package often names its sources only there
 * (`"types": "./src/index.ts"` beside a `./dist/index.js` that is not built yet).
 */
type View = 'node' | 'types';

function resolverFor(kind: ImportKind, options: ResolveOptions, view: View): OxcResolver.ResolverFactory | undefined {
  const library = loadOxcResolver();
  if (!library) return undefined;
  const key = `${kind}\0${view}\0${options.tsconfig ?? ''}`;
  let resolver = resolvers.get(key);
  if (!resolver) {
    const conditionNames = view === 'types' ? ['types', kind, 'node', 'default'] : ['node', kind, 'default'];
    resolver = new library.ResolverFactory({
      conditionNames,
      extensions: [...SOURCE_EXTENSIONS, '.json', '.node'],
      extensionAlias: EXTENSION_ALIAS,
      mainFields: view === 'types' ? ['types', 'typings', 'module', 'main'] : ['module', 'main'],
      tsconfig: options.tsconfig ? { configFile: options.tsconfig, references: 'auto' } : 'auto',
    });
    resolvers.set(key, resolver);
  }
  return resolver;
}

/**
 * Answers by importing directory: files of one folder import the same modules (`../core/util`), and the
 * answer depends on the folder only (relative paths, the nearest package.json and tsconfig).
 */
const byDirectory = new Map<string, string | undefined>();

/** Forget resolution caches (directory listings, package.json and tsconfig contents), for a new lint run. */
export function clearResolverCaches(): void {
  for (const resolver of resolvers.values()) resolver.clearCache();
  byDirectory.clear();
}

const BUILTINS = new Set(builtinModules);

/** Is this specifier a built-in module (`fs`, `node:fs`), never a file of the project? */
function isBuiltin(specifier: string): boolean {
  if (specifier.startsWith('.')) return false;
  const slash = specifier.indexOf('/');
  return specifier.startsWith('node:') || BUILTINS.has(slash === -1 ? specifier : specifier.slice(0, slash));
}

/**
 * The real path of the project source file `specifier` names from `fromFile`, or undefined when it names
 * a built-in, a third-party package, a file that is not JavaScript or TypeScript source, or nothing.
 */
export function resolveModule(
  fromFile: string,
  specifier: string,
  kind: ImportKind = 'import',
  options: ResolveOptions = {},
): string | undefined {
  const key = `${kind}\0${options.tsconfig ?? ''}\0${path.dirname(fromFile)}\0${specifier}`;
  if (byDirectory.has(key)) return byDirectory.get(key);
  const resolved = resolveUncached(fromFile, specifier, kind, options);
  byDirectory.set(key, resolved);
  return resolved;
}

function resolveUncached(
  fromFile: string,
  specifier: string,
  kind: ImportKind,
  options: ResolveOptions,
): string | undefined {
  if (isBuiltin(specifier)) return undefined;
  const relative = specifier.startsWith('.') || path.isAbsolute(specifier);
  const resolver = resolverFor(kind, options, 'node');
  if (!resolver)
    return relative ? projectSource(resolveRelative(path.resolve(path.dirname(fromFile), specifier))) : undefined;
  const resolved = resolver.resolveFileSync(fromFile, specifier).path;
  const found = projectSource(resolved);
  if (found || relative || (resolved !== undefined && isThirdParty(resolved))) return found;
  // A workspace package whose runtime entry is missing (not built yet) or not source: its sources, as TypeScript finds them.
  return projectSource(resolverFor(kind, options, 'types')!.resolveFileSync(fromFile, specifier).path);
}

function isThirdParty(file: string): boolean {
  return file.split(path.sep).includes('node_modules');
}

/** `file` when it is a source file of the project: not a declaration file, not third-party code in `node_modules`. */
function projectSource(file: string | undefined): string | undefined {
  if (!file || !isSourceFile(file)) return undefined;
  // Third-party code (no symlink to a workspace source) is the catalogues' business.
  return isThirdParty(file) ? undefined : file;
}

/** A JavaScript or TypeScript source file (not a declaration file), by its extension. */
export function isSourceFile(file: string): boolean {
  if (file.endsWith('.d.ts') || file.endsWith('.d.mts') || file.endsWith('.d.cts')) return false;
  return (SOURCE_EXTENSIONS as readonly string[]).includes(path.extname(file));
}

/** The fallback without the native resolver: the path itself, its TypeScript sources, added extensions, then an index file. */
function resolveRelative(target: string): string | undefined {
  const extension = path.extname(target);
  const candidates = [target];
  for (const alias of EXTENSION_ALIAS[extension] ?? []) candidates.push(target.slice(0, -extension.length) + alias);
  for (const added of SOURCE_EXTENSIONS) candidates.push(target + added);
  for (const added of SOURCE_EXTENSIONS) candidates.push(path.join(target, `index${added}`));
  for (const candidate of candidates) {
    try {
      if (fs.statSync(candidate).isFile()) return fs.realpathSync(candidate);
    } catch {
      // Not there: try the next candidate.
    }
  }
  return undefined;
}
