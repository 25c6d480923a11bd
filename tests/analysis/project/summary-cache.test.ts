import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, afterEach, describe, expect, it } from 'vitest';

import {
  clearSummaryCache,
  getModuleSummary,
  getSummaryCacheSize,
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
