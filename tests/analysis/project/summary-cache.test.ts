import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { parseProjectFileWithoutNative } from '../../../src/analysis/project/parse.js';
import {
  clearSummaryCache,
  getModuleSummary,
  getSummaryCacheSize,
  getSummaryCacheStatistics,
  recordLintedModule,
  setSummaryCacheLimit,
} from '../../../src/analysis/project/summary-cache.js';

const directory = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'event-loop-summaries-')));

afterEach(() => {
  setSummaryCacheLimit();
  clearSummaryCache();
});
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

function write(name: string, code: string): string {
  const file = path.join(directory, name);
  fs.writeFileSync(file, code);
  return file;
}

function returnsPromise(file: string, name: string): unknown {
  const value = getModuleSummary(file)?.exports[name];
  return value?.kind === 'function' ? value.returnsPromise : undefined;
}

describe('getModuleSummary', () => {
  it('keeps the same answers after copying the strings it holds, and the catalogue rows it points to', async () => {
    const { BLOCKING_APIS } = await import('../../../src/analysis/catalog/blocking-apis.js');
    const file = write(
      'strings.js',
      "import { appendFileSync } from 'node:fs';\nexport function writeAuditEntryToDisk(entry) { appendFileSync('audit.log', entry); }\n",
    );
    const value = getModuleSummary(file)?.exports.writeAuditEntryToDisk;
    expect(value).toMatchObject({
      kind: 'function',
      name: 'writeAuditEntryToDisk',
      blocks: { text: 'appendFileSync', line: 2 },
    });
    const row = value?.kind === 'function' ? value.blocks?.row : undefined;
    expect(BLOCKING_APIS).toContain(row);
  });

  it('reads a file again when its size changes', () => {
    const file = write('size.js', 'export async function load() { await io(); }\n');
    expect(returnsPromise(file, 'load')).toBe('yes');
    fs.writeFileSync(file, 'export function load() { return 1; }\n');
    expect(returnsPromise(file, 'load')).toBe('no');
  });

  it('reads a file again when only its mtime changes (same size)', () => {
    const file = write('mtime.js', 'export async function a() { await io(); }\n');
    expect(returnsPromise(file, 'a')).toBe('yes');
    fs.writeFileSync(file, 'export function a() { return io(1); }\n'.padEnd(44, ' '));
    expect(fs.statSync(file).size).toBe(44);
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(file, later, later);
    expect(returnsPromise(file, 'a')).toBe('unknown');
  });

  it('keeps the summary while the file is unchanged', () => {
    const file = write('same.js', 'export async function a() { await io(); }\n');
    expect(getModuleSummary(file)).toBe(getModuleSummary(file));
  });

  it('forgets a deleted file and remembers a file that does not parse', () => {
    const gone = write('gone.js', 'export async function a() { await io(); }\n');
    expect(getModuleSummary(gone)).toBeDefined();
    fs.rmSync(gone);
    expect(getModuleSummary(gone)).toBeUndefined();
    const broken = write('broken.js', 'export async function (');
    expect(getModuleSummary(broken)).toBeUndefined();
    expect(getSummaryCacheSize()).toBe(1);
  });

  it('holds at most the size cap, dropping the least recently used summary', () => {
    setSummaryCacheLimit(2);
    const files = ['a', 'b', 'c'].map((name) =>
      write(`${name}-lru.js`, `export async function ${name}() { await io(); }\n`),
    );
    getModuleSummary(files[0]!);
    getModuleSummary(files[1]!);
    const first = getModuleSummary(files[0]!);
    getModuleSummary(files[2]!);
    expect(getSummaryCacheSize()).toBe(2);
    // `a` was used last before `c`, so `b` went and `a` is still the same object.
    expect(getModuleSummary(files[0]!)).toBe(first);
    expect(getSummaryCacheSize()).toBe(2);
  });
});

describe('recordLintedModule', () => {
  /** What a rule does for the file ESLint lints: its summary from ESLint's tree (espree here) of `text`. */
  function recordLinted(file: string, text: string): void {
    recordLintedModule(file, parseProjectFileWithoutNative(file, text)!, text);
  }

  it('serves a linted file to other files without parsing it again', () => {
    const code = 'export async function load() { await io(); }\n';
    const file = write('linted.js', code);
    recordLinted(file, code);
    expect(returnsPromise(file, 'load')).toBe('yes');
    expect(returnsPromise(file, 'load')).toBe('yes');
    expect(getSummaryCacheStatistics()).toEqual({ hits: 1, verified: 1, parsed: 0, fromLint: 1, deferred: 0 });
  });

  it('takes a byte order mark on disk for the text ESLint saw without it', () => {
    const code = 'export async function load() { await io(); }\n';
    const file = write('bom.js', `\uFEFF${code}`);
    recordLinted(file, code);
    expect(returnsPromise(file, 'load')).toBe('yes');
    expect(getSummaryCacheStatistics()).toMatchObject({ verified: 1, parsed: 0 });
  });

  it('never takes an unsaved editor buffer for the file: the text on disk answers', () => {
    const file = write('unsaved.js', 'export function load() { return 1; }\n');
    recordLinted(file, 'export async function load() { await io(); }\n');
    expect(returnsPromise(file, 'load')).toBe('no');
    expect(getSummaryCacheStatistics()).toMatchObject({ verified: 0, parsed: 1 });
  });

  it('reads the file again when it changes on disk after it was linted', () => {
    const code = 'export async function load() { await io(); }\n';
    const file = write('edited.js', code);
    recordLinted(file, code);
    expect(returnsPromise(file, 'load')).toBe('yes');
    fs.writeFileSync(file, 'export function load() { return 1; }\n');
    expect(returnsPromise(file, 'load')).toBe('no');
    expect(getSummaryCacheStatistics()).toMatchObject({ verified: 1, parsed: 1 });
  });

  it('does not summarise a text again that the cache already holds', () => {
    const code = 'export async function load() { await io(); }\n';
    const file = write('twice.js', code);
    expect(returnsPromise(file, 'load')).toBe('yes');
    const summary = getModuleSummary(file);
    recordLinted(file, code);
    expect(getModuleSummary(file)).toBe(summary);
    expect(getSummaryCacheStatistics()).toMatchObject({ parsed: 1, fromLint: 0 });
  });

  it('stops summarising linted files up front when other files read few of them, and parses the few needed', () => {
    const code = (index: number) => `export async function load${index}() { await io(); }\n`;
    const files = Array.from({ length: 260 }, (_, index) => write(`many-${index}.js`, code(index)));
    // 200 summarised up front, 10 of them read (5 %): the rest are left to be parsed if ever needed.
    files.forEach((file, index) => {
      recordLinted(file, code(index));
      if (index < 200 && index % 20 === 0) expect(returnsPromise(file, `load${index}`)).toBe('yes');
    });
    expect(getSummaryCacheStatistics()).toMatchObject({ fromLint: 200, verified: 10, deferred: 60, parsed: 0 });
    // The answers are the same: a file not summarised up front is parsed when asked about.
    expect(returnsPromise(files[250]!, 'load250')).toBe('yes');
    expect(getSummaryCacheStatistics()).toMatchObject({ parsed: 1 });
  });

  it('keeps summarising linted files up front while other files read enough of them', () => {
    const code = (index: number) => `export async function load${index}() { await io(); }\n`;
    const files = Array.from({ length: 260 }, (_, index) => write(`read-${index}.js`, code(index)));
    files.forEach((file, index) => {
      recordLinted(file, code(index));
      if (index % 4 === 0) expect(returnsPromise(file, `load${index}`)).toBe('yes');
    });
    expect(getSummaryCacheStatistics()).toMatchObject({ fromLint: 260, verified: 65, deferred: 0, parsed: 0 });
  });
});
