/**
 * Export summaries of project files, kept between lints in one process (the CLI, an editor's ESLint
 * server, `--concurrency` workers) and never stale: each entry is keyed by the file's real path and
 * checked against its mtime and size before use, so a saved change is read again. The cache holds at
 * most `limit` summaries and drops the least recently used one first, so a sweep over a large tree
 * does not grow it without bound.
 */
import fs from 'node:fs';

import { parseProjectFile } from './parse.js';
import { type ModuleSummary, summarizeModule } from './summaries.js';

interface Entry {
  readonly mtimeMs: number;
  readonly size: number;
  /** Null when the file does not parse: remembered too, so it is not parsed again until it changes. */
  readonly summary: ModuleSummary | null;
}

const DEFAULT_LIMIT = 5000;

let limit = DEFAULT_LIMIT;
/** A Map iterates in insertion order: re-inserting on use keeps the least recently used entry first. */
const entries = new Map<string, Entry>();

/** The summary of the file at `realPath` as it is on disk now, or undefined when it is missing or does not parse. */
export function getModuleSummary(realPath: string): ModuleSummary | undefined {
  const stat = fs.statSync(realPath, { throwIfNoEntry: false });
  if (!stat?.isFile()) {
    entries.delete(realPath);
    return undefined;
  }
  const cached = entries.get(realPath);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
    entries.delete(realPath);
    entries.set(realPath, cached);
    return cached.summary ?? undefined;
  }
  const text = fs.readFileSync(realPath, 'utf8');
  const program = parseProjectFile(realPath, text);
  const summary = program ? summarizeModule(program, text) : null;
  entries.delete(realPath);
  entries.set(realPath, { mtimeMs: stat.mtimeMs, size: stat.size, summary });
  while (entries.size > limit) entries.delete(entries.keys().next().value!);
  return summary ?? undefined;
}

/** How many summaries the cache holds now. */
export function getSummaryCacheSize(): number {
  return entries.size;
}

/** Sets the most summaries kept (tests use a small one); also drops what is over it. */
export function setSummaryCacheLimit(value: number = DEFAULT_LIMIT): void {
  limit = Math.max(1, value);
  while (entries.size > limit) entries.delete(entries.keys().next().value!);
}

/** Empties the cache. */
export function clearSummaryCache(): void {
  entries.clear();
}
