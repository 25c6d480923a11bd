import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

import { findDeclaredDependency, locateInPackage } from '../../../src/analysis/project/package-manifest.js';

const directory = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'event-loop-manifests-')));

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

describe('locateInPackage', () => {
  it('reads the manifest again when its size changes', () => {
    const root = project('size', { 'package.json': '{ "bin": "cli.js" }', 'cli.js': '' });
    expect(locateInPackage(path.join(root, 'cli.js'))).toEqual({ path: 'cli.js', isBin: true });
    fs.writeFileSync(path.join(root, 'package.json'), '{}');
    expect(locateInPackage(path.join(root, 'cli.js'))).toEqual({ path: 'cli.js', isBin: false });
  });

  it('reads the manifest again when only its mtime changes (same size)', () => {
    const root = project('mtime', { 'package.json': '{ "bin": "cli.js" }', 'cli.js': '' });
    expect(locateInPackage(path.join(root, 'cli.js')).isBin).toBe(true);
    fs.writeFileSync(path.join(root, 'package.json'), '{ "bin": "run.js" }');
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(root, 'package.json'), later, later);
    expect(locateInPackage(path.join(root, 'cli.js')).isBin).toBe(false);
    expect(locateInPackage(path.join(root, 'run.js')).isBin).toBe(true);
  });

  it('sees a manifest created in a nearer folder after a pause', () => {
    const root = project('nested', { 'package.json': '{}', 'packages/a/src/index.js': '' });
    const file = path.join(root, 'packages/a/src/index.js');
    expect(locateInPackage(file).path).toBe('packages/a/src/index.js');
    fs.writeFileSync(path.join(root, 'packages/a/package.json'), '{}');
    pause();
    expect(locateInPackage(file).path).toBe('src/index.js');
  });

  it('falls back to the package above when the nearest manifest is deleted', () => {
    const root = project('deleted', { 'package.json': '{}', 'packages/a/package.json': '{}', 'packages/a/x.js': '' });
    const file = path.join(root, 'packages/a/x.js');
    expect(locateInPackage(file).path).toBe('x.js');
    fs.rmSync(path.join(root, 'packages/a/package.json'));
    expect(locateInPackage(file).path).toBe('packages/a/x.js');
  });
});

describe('findDeclaredDependency', () => {
  it('answers from the manifest as it is on disk now', () => {
    const root = project('dependencies', { 'package.json': '{ "dependencies": { "p-limit": "^5.0.0" } }' });
    const file = path.join(root, 'index.js');
    expect(findDeclaredDependency(file, 'p-limit')).toBe('^5.0.0');
    fs.writeFileSync(path.join(root, 'package.json'), '{ "dependencies": { "p-map": "^7.0.0" } }');
    expect(findDeclaredDependency(file, 'p-limit')).toBeUndefined();
    expect(findDeclaredDependency(file, 'p-map')).toBe('^7.0.0');
  });
});
