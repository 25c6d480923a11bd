/**
 * Files of a package that only its command-line tool runs: reached by the static imports from its `bin`
 * entries and not from the entry points an importer can load (`main`, `module`, `exports`). A library
 * with a CLI (a process manager's `login` command, a framework's `db:generate`) keeps the CLI's files
 * beside the ones servers import; blocking in the former delays one command, in the latter every request.
 *
 * The package's files are read as text for their relative import, `export … from`, `require` and
 * `import()` specifiers (no parse), each resolved as the project layer resolves them. The answer is
 * kept per package, with the real path, mtime and size of every file it read and of the manifest: after a
 * pause (`freshness.ts`) they are checked again and, if any changed, the walk runs again. A package
 * whose `exports` maps patterns, or that has more files than the walk reads, gets no answer.
 */
import fs from 'node:fs';

import { createFreshness } from './freshness.js';
import { packageEntryPointsOf } from './package-manifest.js';
import { resolveModule } from './resolve.js';

/** `require('./x')`, `import('./x')`, `import … from './x'`, `export … from './x'`, `import './x'`. */
const RELATIVE_SPECIFIER = /(?:\brequire\s*\(\s*|\bimport\s*\(\s*|\bfrom\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"\n]*)\1/gu;

/** Files one walk reads at most; larger packages get no answer. */
const MAX_FILES = 5000;
const MAX_PACKAGES = 50;

interface FileStamp {
  readonly file: string;
  readonly mtimeMs: number;
  readonly size: number;
}

interface Reach {
  /** The manifest's entry the walk started from: a new object when the manifest changed. */
  readonly manifest: object;
  /** Real paths reached from `bin` entries only. */
  readonly cliOnly: ReadonlySet<string>;
  readonly stamps: readonly FileStamp[];
}

const reaches = new Map<string, Reach>();
const freshness = createFreshness();

/** Is `filename` (a real path) reached only from the `bin` entries of its package? */
export function isReachedOnlyFromBin(filename: string): boolean {
  const info = packageEntryPointsOf(filename);
  if (!info || info.bins.size === 0 || !info.entries) return false;
  let reach = reaches.get(info.root);
  if (reach && (reach.manifest !== info || (freshness.expired() && !unchanged(reach.stamps)))) reach = undefined;
  if (!reach) {
    reach = walkPackage(info, info.bins, info.entries);
    reaches.delete(info.root);
    reaches.set(info.root, reach);
    if (reaches.size > MAX_PACKAGES) reaches.delete(reaches.keys().next().value!);
  }
  return reach.cliOnly.has(realPath(filename));
}

function walkPackage(manifest: object, bins: ReadonlySet<string>, entries: ReadonlySet<string>): Reach {
  const stamps: FileStamp[] = [];
  const imports = new Map<string, readonly string[]>();
  const importsOf = (file: string): readonly string[] => {
    let found = imports.get(file);
    if (!found) {
      found = readImports(file, stamps);
      imports.set(file, found);
    }
    return found;
  };
  const reached = (starts: ReadonlySet<string>): Set<string> | undefined => {
    const seen = new Set<string>();
    const queue = [...starts].map(existingFile).filter((file): file is string => file !== undefined);
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      if (seen.has(file)) continue;
      seen.add(file);
      if (imports.size > MAX_FILES) return undefined;
      queue.push(...importsOf(file));
    }
    return seen;
  };
  const fromBins = reached(bins);
  const fromEntries = fromBins && reached(entries);
  const cliOnly = new Set<string>();
  if (fromBins && fromEntries) for (const file of fromBins) if (!fromEntries.has(file)) cliOnly.add(file);
  return { manifest, cliOnly, stamps };
}

/** The resolved relative imports of `file`, its stamp added to `stamps`. */
function readImports(file: string, stamps: FileStamp[]): readonly string[] {
  let text: string;
  try {
    const stat = fs.statSync(file);
    text = fs.readFileSync(file, 'utf8');
    stamps.push({ file, mtimeMs: stat.mtimeMs, size: stat.size });
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const match of text.matchAll(RELATIVE_SPECIFIER)) {
    const kind = match[0].startsWith('require') ? 'require' : 'import';
    const target = resolveModule(file, match[2]!, kind);
    if (target) found.push(target);
  }
  return found;
}

/** A start that exists, as a real path (`index.js` or a `main` without its extension is tried as written). */
function existingFile(file: string): string | undefined {
  for (const candidate of [file, `${file}.js`, `${file}.cjs`, `${file}.mjs`]) {
    const stat = fs.statSync(candidate, { throwIfNoEntry: false });
    if (stat?.isFile()) return realPath(candidate);
  }
  return undefined;
}

function unchanged(stamps: readonly FileStamp[]): boolean {
  return stamps.every(({ file, mtimeMs, size }) => {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    return stat !== undefined && stat.mtimeMs === mtimeMs && stat.size === size;
  });
}

function realPath(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return file;
  }
}
