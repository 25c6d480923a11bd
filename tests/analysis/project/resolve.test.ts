import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { clearResolverCaches, resolveModule } from '../../../src/analysis/project/resolve.js';
import { fixturesDir } from '../../helpers/language-options.js';

const projects = fs.realpathSync(path.join(fixturesDir, 'projects'));
const esmHandler = path.join(projects, 'esm/src/handler.js');
const tsApp = path.join(projects, 'ts-paths/src/app.ts');
const pkgMain = path.join(projects, 'pkg-imports/src/main.js');

/** Path of a resolved file relative to the fixture projects, for readable expectations. */
function resolved(fromFile: string, specifier: string, kind: 'import' | 'require' = 'import'): string | undefined {
  const file = resolveModule(fromFile, specifier, kind);
  return file && path.relative(projects, file);
}

describe('resolveModule', () => {
  it.each([
    ['a relative file', esmHandler, './audit.js', 'esm/src/audit.js'],
    ['a directory index file', esmHandler, './lib', 'esm/src/lib/index.js'],
    ['a parent directory', path.join(projects, 'esm/src/barrel/level2.js'), '../audit.js', 'esm/src/audit.js'],
    ['an extensionless require', path.join(projects, 'cjs/src/consumer.js'), './exports-dot', 'cjs/src/exports-dot.js'],
    ['`.js` written for a `.ts` source', tsApp, './util.js', 'ts-paths/src/util.ts'],
    ['`.mjs` written for a `.mts` source', tsApp, './services/cache.mjs', 'ts-paths/src/services/cache.mts'],
    ['a tsconfig `paths` alias', tsApp, '@lib/db', 'ts-paths/src/lib/db.ts'],
    ['a tsconfig `paths` alias with `.js`', tsApp, '@lib/db.js', 'ts-paths/src/lib/db.ts'],
    ['package.json `imports`', pkgMain, '#internal/jobs', 'pkg-imports/src/internal/jobs.js'],
    [
      'package.json `exports` (self-reference)',
      pkgMain,
      'fixture-pkg-imports/jobs',
      'pkg-imports/src/internal/jobs.js',
    ],
  ])('resolves %s', (_name, fromFile, specifier, expected) => {
    expect(resolved(fromFile, specifier)).toBe(expected);
  });

  it.each([
    ['a Node built-in', 'node:fs'],
    ['a bare Node built-in', 'fs'],
    ['a third-party package in node_modules', 'vitest'],
    ['a file that does not exist', './missing.js'],
    ['a non-source file', '../package.json'],
  ])('leaves out %s', (_name, specifier) => {
    expect(resolved(esmHandler, specifier)).toBeUndefined();
  });
});

describe('resolveModule: workspace packages linked into node_modules', () => {
  it('follows the link to the sources, by `types` when the runtime entry is not built, and by `main`', () => {
    // A copy of tests/fixtures/projects/workspace with the links `npm install` makes in a workspace.
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'event-loop-workspace-')));
    try {
      fs.cpSync(path.join(projects, 'workspace'), root, { recursive: true });
      fs.mkdirSync(path.join(root, 'node_modules/@fixture'), { recursive: true });
      for (const name of ['shared', 'built'])
        fs.symlinkSync(path.join(root, 'packages', name), path.join(root, 'node_modules/@fixture', name), 'dir');
      clearResolverCaches();
      const main = path.join(root, 'app/src/main.ts');
      const relative = (file: string | undefined) => file && path.relative(root, file);
      expect(relative(resolveModule(main, '@fixture/shared'))).toBe('packages/shared/src/index.ts');
      expect(relative(resolveModule(main, '@fixture/built', 'require'))).toBe('packages/built/src/index.js');
      expect(resolveModule(main, '@fixture/missing')).toBeUndefined();
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
      clearResolverCaches();
    }
  });
});
