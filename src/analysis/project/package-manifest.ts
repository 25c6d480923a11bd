/**
 * The package a file belongs to: the folder of the nearest `package.json` above it, whether the
 * manifest names the file as an executable (`bin`), and the version ranges of its `dependencies`. Manifests are keyed by real path plus mtime and
 * size, so an edited manifest is read again and a long-lived process (an editor's ESLint server)
 * answers as a fresh run would; the cache is bounded.
 */
import fs from 'node:fs';
import path from 'node:path';

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

/** The nearest package above `filename` (not looking past a `node_modules` folder), if any. */
function findPackage(filename: string): PackageInfo | undefined {
  if (!path.isAbsolute(filename)) return undefined;
  for (let dir = path.dirname(filename); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'package.json');
    const stat = statFile(candidate);
    if (stat) return readManifest(candidate, stat);
    if (path.dirname(dir) === dir || path.basename(dir) === 'node_modules') return undefined;
  }
}

/** Does the nearest package.json name this file (with or without its extension) as an executable? */
export function isPackageBin(filename: string): boolean {
  const info = findPackage(filename);
  if (!info || info.bins.size === 0) return false;
  const real = realPath(filename);
  return info.bins.has(real) || info.bins.has(real.replace(/\.[cm]?[jt]s$/u, ''));
}

/** The file's path inside its package, with `/` separators (the path as given when there is no package). */
export function pathInPackage(filename: string): string {
  const info = findPackage(filename);
  const relative = info ? path.relative(info.root, realPath(filename)) : filename;
  return relative.split(path.sep).join('/');
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
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? stat : undefined;
  } catch {
    return undefined;
  }
}

function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}
