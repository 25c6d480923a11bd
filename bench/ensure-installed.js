#!/usr/bin/env node
/**
 * Installs the bench's pinned dependencies unless `bench/node_modules` already holds exactly what
 * `bench/package-lock.json` pins, so repeated `npm run bench` / `npm run sweep` are fast. The lock
 * file's hash is written to `node_modules/.bench-lock-sha256` after a successful install.
 * `--force` reinstalls anyway.
 *
 * Why `npm install` and not `npm ci`: the lock holds only the platform packages the registry served
 * when it was written (oxlint's and msgpackr's native bindings); where the registry has no other
 * platforms, `npm ci` rejects such a lock as out of sync. `npm install` installs the locked versions
 * all the same, and says so if it had to change the lock.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const lockFile = path.join(benchDir, 'package-lock.json');
const stampFile = path.join(benchDir, 'node_modules', '.bench-lock-sha256');

export function lockHash() {
  return createHash('sha256').update(fs.readFileSync(lockFile)).digest('hex');
}

export function isInstalled() {
  return fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8').trim() === lockHash();
}

export function ensureInstalled({ force = false } = {}) {
  if (!force && isInstalled()) return false;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const before = lockHash();
  // Install scripts are not needed to lint the corpora (msgpackr-extract only builds an optional addon).
  const args = ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];
  const result = spawnSync(npm, args, { cwd: benchDir, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error(`npm install in ${benchDir} failed with exit code ${result.status}`);
  const after = lockHash();
  if (after !== before)
    console.warn('bench: npm changed bench/package-lock.json (commit it if the change is intended)');
  fs.writeFileSync(stampFile, `${after}\n`);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const installed = ensureInstalled({ force: process.argv.includes('--force') });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    installed
      ? `bench: dependencies installed in ${seconds}s`
      : 'bench: dependencies already installed (lock hash matches)',
  );
}
