import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

import { isReachedOnlyFromBin } from '../../../src/analysis/project/cli-reach.js';

const fixture = path.resolve(import.meta.dirname, '../../fixtures/projects/cli-only');
const directory = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'event-loop-cli-reach-')));

afterEach(() => vi.useRealTimers());
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

/** Writes `files` (path → text) under a fresh folder and returns its path. */
function project(name: string, files: Record<string, string>): string {
  const root = path.join(directory, name);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

/** Lints again after a pause, as an editor does between edits. */
function pause(): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + 5000);
}

describe('isReachedOnlyFromBin', () => {
  it('finds the files only the `bin` entries import, through require, import() and extensionless specifiers', () => {
    const onlyFromBin = (file: string) => isReachedOnlyFromBin(path.join(fixture, file));
    expect(onlyFromBin('lib/cli.js')).toBe(true);
    expect(onlyFromBin('lib/login.js')).toBe(true);
    expect(onlyFromBin('lib/commands/logout.mjs')).toBe(true);
    // Also reached from `main`; reached by nothing; not in the package's graph at all.
    expect(onlyFromBin('lib/shared.js')).toBe(false);
    expect(onlyFromBin('lib/api.js')).toBe(false);
    expect(onlyFromBin('lib/orphan.js')).toBe(false);
  });

  it('gives no answer without a `bin`, or when `exports` maps patterns (any file may be an entry)', () => {
    const files = { 'cli.js': "require('./login.js');", 'login.js': '', 'index.js': '' };
    const noBin = project('no-bin', { 'package.json': '{ "main": "index.js" }', ...files });
    expect(isReachedOnlyFromBin(path.join(noBin, 'login.js'))).toBe(false);
    const patterns = project('patterns', {
      'package.json': '{ "bin": "cli.js", "exports": { ".": "./index.js", "./*": "./*.js" } }',
      ...files,
    });
    expect(isReachedOnlyFromBin(path.join(patterns, 'login.js'))).toBe(false);
    const exact = project('exact', {
      'package.json': '{ "bin": "cli.js", "exports": { ".": { "require": "./index.js" } } }',
      ...files,
    });
    expect(isReachedOnlyFromBin(path.join(exact, 'login.js'))).toBe(true);
  });

  it('walks again after a pause when a file it read has changed', () => {
    const root = project('edited', {
      'package.json': '{ "bin": "cli.js", "main": "index.js" }',
      'cli.js': "require('./login.js');",
      'login.js': '',
      'index.js': "require('./api.js');",
      'api.js': '',
    });
    const login = path.join(root, 'login.js');
    expect(isReachedOnlyFromBin(login)).toBe(true);
    fs.writeFileSync(path.join(root, 'api.js'), "require('./login.js');");
    pause();
    expect(isReachedOnlyFromBin(login)).toBe(false);
  });

  it('walks again when the manifest changes', () => {
    const root = project('manifest', {
      'package.json': '{ "bin": "cli.js", "main": "index.js" }',
      'cli.js': "require('./login.js');",
      'login.js': '',
      'index.js': '',
    });
    const login = path.join(root, 'login.js');
    expect(isReachedOnlyFromBin(login)).toBe(true);
    fs.writeFileSync(path.join(root, 'package.json'), '{ "bin": "cli.js", "main": "login.js" }');
    expect(isReachedOnlyFromBin(login)).toBe(false);
  });
});
