/**
 * Export summaries of project files, kept between lints in one process (the CLI, an editor's ESLint
 * server, `--concurrency` workers) and never stale: each entry is keyed by the file's real path and
 * checked against its mtime and size before use, so a saved change is read again. A file ESLint lints
 * is summarised from ESLint's own tree (`recordLintedModule`), so a file linted before another file
 * needs it is never parsed a second time; that summary is trusted only once the file on disk is found
 * to hold the same text (a content hash), so an unsaved editor buffer is never taken for the file.
 * That pays only while other files read those summaries: when few are ever read, linted files are no
 * longer summarised up front (`shouldRecord`), and the few that are needed later are parsed instead.
 * The cache holds at most `limit` summaries and drops the least recently used one first, so a sweep
 * over a large tree does not grow it without bound.
 */
import { hash } from 'node:crypto';
import fs from 'node:fs';

import type { TSESTree } from '@typescript-eslint/utils';

import { parseProjectFile } from './parse.js';
import { type ModuleSummary, summarizeModule } from './summaries.js';

interface Entry {
  /** The mtime and size the summary was checked against; NaN until a linted file's text is found on disk. */
  readonly mtimeMs: number;
  readonly size: number;
  /** Hash of the text the summary was made from (without a byte order mark). */
  readonly hash: string;
  /** Null when the file does not parse: remembered too, so it is not parsed again until it changes. */
  readonly summary: ModuleSummary | null;
}

const DEFAULT_LIMIT = 5000;

let limit = DEFAULT_LIMIT;
/** A Map iterates in insertion order: re-inserting on use keeps the least recently used entry first. */
const entries = new Map<string, Entry>();

const statistics = { hits: 0, verified: 0, parsed: 0, fromLint: 0, deferred: 0 };

/**
 * Summarising a linted file from ESLint's tree costs about a third of parsing it again and summarising
 * it when another file asks, so up-front summaries pay while more than about one in seven is ever read.
 * In a code base whose files mostly import packages, far fewer are (Ghost's core: 84 of 1,230 linted
 * files). After the first `RECORD_TRIAL` summaries, a linted file is summarised up front only while at
 * least `RECORD_MIN_SHARE` of those made so far were read by another file. The answers are the same
 * either way: a summary is trusted only for the text on disk.
 */
const RECORD_TRIAL = 200;
const RECORD_MIN_SHARE = 0.15;

function shouldRecord(): boolean {
  return statistics.fromLint < RECORD_TRIAL || statistics.verified >= RECORD_MIN_SHARE * statistics.fromLint;
}

/** One-shot `hash` (Node 20.12+): no Hash object per file, a third cheaper than `createHash` on source-sized text. */
function hashOf(text: string): string {
  return hash('sha1', text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, 'base64');
}

/** Fields that point into the plugin's catalogues (shared rows), not into the summary: left as they are. */
const SHARED_FIELDS = new Set(['row', 'bridge']);

/**
 * A string the cache may keep without keeping the file's text: V8 makes a long substring a view of its
 * parent (a sliced string), so a name or a callee read from a tree (`fs.appendFileSync`, an identifier a
 * parser sliced from the source) kept the whole text of its file alive for as long as the summary lived.
 * Effect's 527 summaries held 22 MB that way, more than the summaries themselves. One copy per distinct
 * string of a summary: a module that re-exports 200 members of `./internal/core.ts` names it 200 times.
 */
function ownCopy(text: string, copies: Map<string, string>): string {
  if (text.length < 13) return text;
  let copy = copies.get(text);
  if (copy === undefined) {
    copy = ` ${text}`.slice(1);
    copies.set(copy, copy);
  }
  return copy;
}

/**
 * Every empty list of every cached summary: most references name no member (`export { x } from`), and
 * Effect's summaries held 10,700 empty arrays of their own. Frozen, so a caller that tried to add to a
 * cached summary would fail at once rather than change other summaries.
 */
const EMPTY_LIST: readonly never[] = Object.freeze([]);

/** Replaces, in place, every string the summary holds by its own copy (catalogue rows aside), and every empty list by the shared one. */
function detachStrings(value: unknown, seen: Set<object>, copies: Map<string, string>): unknown {
  if (typeof value === 'string') return ownCopy(value, copies);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value) && value.length === 0) return EMPTY_LIST;
  if (seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) value[index] = detachStrings(value[index], seen, copies);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!SHARED_FIELDS.has(key)) record[key] = detachStrings(record[key], seen, copies);
  }
  return value;
}

/** A new summary, its strings detached from the text it was read from and its empty lists shared: once, as it enters the cache. */
function ownSummary(summary: ModuleSummary): ModuleSummary {
  detachStrings(summary, new Set(), new Map());
  return summary;
}

function remember(realPath: string, entry: Entry): void {
  entries.delete(realPath);
  entries.set(realPath, entry);
  while (entries.size > limit) entries.delete(entries.keys().next().value!);
}

/** The summary of the file at `realPath` as it is on disk now, or undefined when it is missing or does not parse. */
export function getModuleSummary(realPath: string): ModuleSummary | undefined {
  const stat = fs.statSync(realPath, { throwIfNoEntry: false });
  if (!stat?.isFile()) {
    entries.delete(realPath);
    return undefined;
  }
  const cached = entries.get(realPath);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
    statistics.hits++;
    remember(realPath, cached);
    return cached.summary ?? undefined;
  }
  const text = fs.readFileSync(realPath, 'utf8');
  const hash = hashOf(text);
  if (cached?.hash === hash) {
    // Summarised from ESLint's tree of this very text (or changed and changed back): no parse.
    statistics.verified++;
    remember(realPath, { ...cached, mtimeMs: stat.mtimeMs, size: stat.size });
    return cached.summary ?? undefined;
  }
  statistics.parsed++;
  const program = parseProjectFile(realPath, text);
  const summary = program ? ownSummary(summarizeModule(program, text)) : null;
  remember(realPath, { mtimeMs: stat.mtimeMs, size: stat.size, hash, summary });
  return summary ?? undefined;
}

/**
 * Summarises a file ESLint is linting from ESLint's tree of `text`, for other files that need it
 * later. Not trusted yet: the first `getModuleSummary` checks that the file on disk holds `text`.
 */
export function recordLintedModule(realPath: string, program: TSESTree.Program, text: string): void {
  if (!shouldRecord()) {
    statistics.deferred++;
    return;
  }
  const hash = hashOf(text);
  const cached = entries.get(realPath);
  // The same text summarised already; a text the layer's own parser rejected gets ESLint's reading.
  if (cached?.hash === hash && cached.summary) return;
  statistics.fromLint++;
  remember(realPath, {
    mtimeMs: Number.NaN,
    size: Number.NaN,
    hash,
    summary: ownSummary(summarizeModule(program, text)),
  });
}

/** How many summaries the cache holds now. */
export function getSummaryCacheSize(): number {
  return entries.size;
}

/**
 * What the cache did since it was last cleared: `hits` (unchanged on disk), `verified` (a linted
 * file's summary found to match the disk), `parsed` (files the layer parsed), `fromLint` (summaries
 * made from ESLint's tree), `deferred` (linted files left to be parsed if ever needed, `shouldRecord`).
 * For the cost measurement and tests.
 */
export function getSummaryCacheStatistics(): Readonly<typeof statistics> {
  return { ...statistics };
}

/** Sets the most summaries kept (tests use a small one); also drops what is over it. */
export function setSummaryCacheLimit(value: number = DEFAULT_LIMIT): void {
  limit = Math.max(1, value);
  while (entries.size > limit) entries.delete(entries.keys().next().value!);
}

/** Empties the cache and its statistics. */
export function clearSummaryCache(): void {
  entries.clear();
  statistics.hits = statistics.verified = statistics.parsed = statistics.fromLint = statistics.deferred = 0;
}
