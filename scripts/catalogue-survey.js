// The survey behind the npm rows of the blocking catalogue: popular packages that export synchronous
// I/O or CPU-heavy synchronous functions, what the catalogue took from each and why not the rest.
// Downloads are a month's, from the npm package list of November 2026, rounded to millions. A package
// marked `added` must have rows in src/analysis/catalog/blocking-apis.ts (scripts/generate-catalogue.js
// lists them and fails when they are missing).

/** @typedef {{ name: string, monthlyMillions: number, verdict: 'added' } | { name: string, monthlyMillions: number, verdict: 'skipped', reason: string }} SurveyEntry */

/** @type {SurveyEntry[]} */
export const NPM_SURVEY = [
  { name: 'glob', monthlyMillions: 1163, verdict: 'added' },
  { name: 'find-up', monthlyMillions: 811, verdict: 'added' },
  {
    name: 'js-yaml',
    monthlyMillions: 714,
    verdict: 'skipped',
    reason: '`load()` parses a string it is given: no I/O, and fast on config-sized input.',
  },
  { name: 'cross-spawn', monthlyMillions: 625, verdict: 'added' },
  { name: 'fs-extra', monthlyMillions: 607, verdict: 'added' },
  { name: 'execa', monthlyMillions: 537, verdict: 'added' },
  { name: 'rimraf', monthlyMillions: 522, verdict: 'added' },
  { name: 'graceful-fs', monthlyMillions: 474, verdict: 'added' },
  { name: 'mkdirp', monthlyMillions: 443, verdict: 'added' },
  { name: 'make-dir', monthlyMillions: 433, verdict: 'added' },
  { name: 'fast-glob', monthlyMillions: 401, verdict: 'added' },
  {
    name: 'dotenv',
    monthlyMillions: 400,
    verdict: 'skipped',
    reason: '`config()` reads `.env` once at startup, where blocking is the point; the rule leaves startup code alone.',
  },
  { name: 'cosmiconfig', monthlyMillions: 377, verdict: 'added' },
  { name: 'jsonfile', monthlyMillions: 374, verdict: 'added' },
  { name: 'write-file-atomic', monthlyMillions: 332, verdict: 'added' },
  { name: 'globby', monthlyMillions: 326, verdict: 'added' },
  { name: 'tinyglobby', monthlyMillions: 274, verdict: 'added' },
  {
    name: 'tar',
    monthlyMillions: 249,
    verdict: 'skipped',
    reason: 'synchronous only with the `sync: true` option, which a row by origin cannot tell from the async call.',
  },
  { name: 'lilconfig', monthlyMillions: 211, verdict: 'added' },
  { name: 'read-pkg', monthlyMillions: 190, verdict: 'added' },
  {
    name: 'jsonwebtoken',
    monthlyMillions: 139,
    verdict: 'skipped',
    reason:
      '`sign()`/`verify()` are synchronous without a callback, but take well under a millisecond for HMAC keys; a row cannot tell key types apart.',
  },
  {
    name: 'node-forge',
    monthlyMillions: 124,
    verdict: 'skipped',
    reason:
      '`pki.rsa.generateKeyPair()` blocks for seconds without a callback, but the same call with one is asynchronous, and rows cannot test for a callback argument yet.',
  },
  { name: 'load-json-file', monthlyMillions: 94, verdict: 'added' },
  { name: 'del', monthlyMillions: 58, verdict: 'added' },
  {
    name: 'adm-zip',
    monthlyMillions: 45,
    verdict: 'skipped',
    reason:
      '`new AdmZip(path)` reads the whole archive synchronously but `new AdmZip()` does not, and its async methods cover only part of the API: needs an argument-aware row.',
  },
  {
    name: 'shelljs',
    monthlyMillions: 43,
    verdict: 'skipped',
    reason:
      'every command is synchronous and there is no promise API to point to; `exec()` is async only with `{ async: true }` or a callback. A candidate for a hint-only row set.',
  },
  { name: 'xlsx', monthlyMillions: 27, verdict: 'added' },
  { name: 'bcryptjs', monthlyMillions: 26, verdict: 'added' },
  { name: 'klaw-sync', monthlyMillions: 21, verdict: 'added' },
  { name: 'bcrypt', monthlyMillions: 16, verdict: 'added' },
  {
    name: 'exceljs',
    monthlyMillions: 19,
    verdict: 'skipped',
    reason: 'file access is already promise-based (`workbook.xlsx.readFile()` returns a promise).',
  },
  { name: 'argon2', monthlyMillions: 3, verdict: 'skipped', reason: 'async only: every export returns a promise.' },
];
