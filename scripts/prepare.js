#!/usr/bin/env node
// npm's `prepare` hook: runs on `npm install` from git, `npm ci` and `npm pack`. Installs from git or from
// a tarball need dist/, which git does not keep, so build it. Skip when dist/ is newer than every source
// (src/ and the tsconfig files; dist/ reads package.json at run time), so `npm pack` in a built checkout
// (the pack integration test) does not rewrite dist/ under tests that are reading it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The newest modification time of the files under `dir` (0 when it does not exist). */
/** @param {string} dir */
function newestMtime(dir) {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

const sources = Math.max(
  newestMtime(path.join(repoRoot, 'src')),
  ...['tsconfig.json', 'tsconfig.build.json'].map((file) => fs.statSync(path.join(repoRoot, file)).mtimeMs),
);
const built = fs.existsSync(path.join(repoRoot, 'dist/index.js')) ? newestMtime(path.join(repoRoot, 'dist')) : 0;

if (built > sources) {
  // stderr: `npm pack --json` prints lifecycle scripts' stdout into its JSON.
  console.error('prepare: dist/ is newer than src/, not rebuilding');
} else {
  const tsc = path.join(repoRoot, 'node_modules/typescript/bin/tsc');
  // The same two steps as `npm run build`.
  for (const command of [[tsc, '-p', 'tsconfig.build.json'], ['scripts/compact-dist.js']]) {
    const result = spawnSync(process.execPath, command, { cwd: repoRoot, stdio: [0, 2, 2] });
    if (result.error) throw result.error;
    process.exitCode = result.status ?? 1;
    if (process.exitCode !== 0) break;
  }
}
