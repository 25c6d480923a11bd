/**
 * The package a file belongs to: the folder of the nearest `package.json` above it, whether the
 * manifest names the file as an executable (`bin`), and the version ranges of its `dependencies`.
 * Manifests are keyed by real path plus mtime and size, so an edited manifest is read again and a
 * long-lived process (an editor's ESLint server) answers as a fresh run would; the cache is bounded.
 * Which folder holds the nearest manifest is looked up once per folder and kept as long as the
 * resolver's caches are (`freshness.ts`), so a manifest created or deleted is seen after a pause.
 */
import fs from 'node:fs';
import path from 'node:path';

import { createFreshness } from './freshness.js';

interface PackageInfo {
  /** The folder that holds the manifest (its real path). */
  readonly root: string;
  /** Absolute real paths of the package's executables. */
  readonly bins: ReadonlySet<string>;
  /** Package name → version range, from `dependencies` (what the code may import when it runs). */
  readonly dependencies: ReadonlyMap<string, string>;
}

interface ManifestEntry extends PackageInfo {
  readonly mtimeMs: number;
  readonly size: number;
}

const MAX_MANIFESTS = 1000;
const manifests = new Map<string, ManifestEntry>();

/** Folder → the manifest that governs it (null when none does), as long as the layer's freshness allows. */
const nearestManifests = new Map<string, string | null>();
const directoryFreshness = createFreshness();

/** The nearest package above `filename` (not looking past a `node_modules` folder), if any. */
function findPackage(filename: string): PackageInfo | undefined {
  if (!path.isAbsolute(filename)) return undefined;
  if (directoryFreshness.expired()) nearestManifests.clear();
  const found = nearestManifestOf(path.dirname(filename));
  if (!found) return undefined;
  if (found.stat) return readManifest(found.path, found.stat);
  const stat = statFile(found.path);
  if (stat) return readManifest(found.path, stat);
  // Deleted since it was found: look again from scratch.
  nearestManifests.clear();
  const again = nearestManifestOf(path.dirname(filename));
  return again?.stat ? readManifest(again.path, again.stat) : undefined;
}

/**
 * The package.json that governs `start`: the answer of every folder on the way up is remembered, since
 * it depends on that folder and the ones above it only. `stat` is set when the file was stat'ed just now.
 */
function nearestManifestOf(start: string): { path: string; stat?: fs.Stats } | undefined {
  const visited: string[] = [];
  let found: { path: string; stat?: fs.Stats } | undefined;
  for (let dir = start; ; dir = path.dirname(dir)) {
    const known = nearestManifests.get(dir);
    if (known !== undefined) {
      found = known === null ? undefined : { path: known };
      break;
    }
    visited.push(dir);
    const candidate = path.join(dir, 'package.json');
    const stat = statFile(candidate);
    if (stat) {
      found = { path: candidate, stat };
      break;
    }
    if (path.dirname(dir) === dir || path.basename(dir) === 'node_modules') break;
  }
  for (const dir of visited) nearestManifests.set(dir, found?.path ?? null);
  return found;
}

interface PackageLocation {
  /** The file's path inside its package, with `/` separators (the path as given when there is no package). */
  readonly path: string;
  /** Does the package.json name this file (with or without its extension) as an executable? */
  readonly isBin: boolean;
}

/** Where `filename` sits in the nearest package above it. */
export function locateInPackage(filename: string): PackageLocation {
  const info = findPackage(filename);
  if (!info) return { path: filename.split(path.sep).join('/'), isBin: false };
  const real = realPath(filename);
  const isBin = info.bins.has(real) || info.bins.has(real.replace(/\.[cm]?[jt]s$/u, ''));
  return { path: path.relative(info.root, real).split(path.sep).join('/'), isBin };
}

/** The folder of the nearest package.json above `filename` (real path), if there is one. */
export function packageRootOf(filename: string): string | undefined {
  return findPackage(filename)?.root;
}

/** The version range the nearest package.json gives `name` in its `dependencies`, if it declares it. */
export function findDeclaredDependency(filename: string, name: string): string | undefined {
  return findPackage(filename)?.dependencies.get(name);
}

function readManifest(manifestPath: string, stat: fs.Stats): ManifestEntry {
  const cached = manifests.get(manifestPath);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
  const root = realPath(path.dirname(manifestPath));
  const bins = new Set<string>();
  const dependencies = new Map<string, string>();
  try {
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { bin?: unknown; dependencies?: unknown };
    const entries =
      typeof manifest.bin === 'string'
        ? [manifest.bin]
        : manifest.bin && typeof manifest.bin === 'object'
          ? Object.values(manifest.bin as Record<string, unknown>)
          : [];
    for (const entry of entries) if (typeof entry === 'string') bins.add(path.resolve(root, entry));
    if (manifest.dependencies && typeof manifest.dependencies === 'object') {
      for (const [name, range] of Object.entries(manifest.dependencies as Record<string, unknown>))
        if (typeof range === 'string') dependencies.set(name, range);
    }
  } catch {
    // An unreadable or invalid manifest declares no executables and no dependencies.
  }
  const entry: ManifestEntry = { root, bins, dependencies, mtimeMs: stat.mtimeMs, size: stat.size };
  // Re-inserting keeps the Map in least-recently-read order, so the oldest entry goes first.
  manifests.delete(manifestPath);
  manifests.set(manifestPath, entry);
  if (manifests.size > MAX_MANIFESTS) manifests.delete(manifests.keys().next().value!);
  return entry;
}

function statFile(file: string): fs.Stats | undefined {
  // Without `throwIfNoEntry` every folder without a manifest costs a thrown error (most of the lookup's time).
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat?.isFile() ? stat : undefined;
}

function realPath(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return file;
  }
}
