/**
 * Corpora fetched as bare package tarballs (`npm pack name@version`, which checks the registry's
 * integrity hash), without installing their dependencies: large applications such as Ghost pull in
 * hundreds of packages and native binaries the bench never needs, since it only lints their sources.
 * Each is unpacked once to `bench/.corpora/<name>@<version>/`; nothing of it is committed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const tarballCorporaDir = path.join(benchDir, '.corpora');

/**
 * Where a tarball corpus is unpacked.
 * @param {import('./corpora.js').Corpus} corpus
 */
export function tarballCorpusDir({ name, package: pkg, version }) {
  return path.join(tarballCorporaDir, `${(pkg ?? name).replace('/', '+')}@${version}`);
}

/**
 * Fetches and unpacks one package tarball unless it is already there; returns true when it fetched.
 * @param {import('./corpora.js').Corpus} corpus
 */
export function ensureTarballCorpus(corpus) {
  const dir = tarballCorpusDir(corpus);
  if (fs.existsSync(path.join(dir, 'package.json'))) return false;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'event-loop-corpus-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const pack = spawnSync(
      npm,
      ['pack', `${corpus.package ?? corpus.name}@${corpus.version}`, '--silent', '--pack-destination', scratch],
      {
        encoding: 'utf8',
        shell: process.platform === 'win32',
      },
    );
    if (pack.status !== 0)
      throw new Error(`npm pack ${corpus.package ?? corpus.name}@${corpus.version} failed:\n${pack.stderr}`);
    const tarball = path.join(scratch, pack.stdout.trim().split('\n').at(-1) ?? '');
    const unpacked = `${dir}.partial`;
    fs.rmSync(unpacked, { recursive: true, force: true });
    fs.mkdirSync(unpacked, { recursive: true });
    const tar = spawnSync('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1'], { encoding: 'utf8' });
    if (tar.status !== 0) throw new Error(`unpacking ${tarball} failed:\n${tar.stderr}`);
    // Rename last, so an interrupted fetch never looks complete.
    fs.renameSync(unpacked, dir);
    return true;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
