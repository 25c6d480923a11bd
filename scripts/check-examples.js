#!/usr/bin/env node
// Runs the real ESLint CLI on a copy of examples/ and compares its findings with the `// expect:` comments
// (see examples/README.md). Used by the demo, the integration test and `node scripts/check-examples.js`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const examplesDir = path.join(repoRoot, 'examples');
export const NAMESPACE = 'event-loop';

/** Files the examples are written in; ESLint decides which of them a config lints. */
export const EXAMPLE_FILE = /\.(?:[cm]?js|[cm]?ts)$/u;
const EXPECT_COMMENT = /\/\/\s*expect:\s*(.*?)\s*$/u;

/**
 * One report on one line, as `file` (relative to the linted folder, `/`-separated), `line` and `ruleId`
 * (`event-loop/<rule>`, or `fatal: <message>` for a parse error).
 * @typedef {{ file: string; line: number; ruleId: string }} Finding
 */

/**
 * @typedef {object} EslintRun
 * @property {Finding[]} findings
 * @property {string[]} lintedFiles files ESLint linted, relative to `cwd`
 * @property {number} exitCode ESLint's exit code: 0 clean, 1 problems found
 */

/**
 * @param {string} dir
 * @param {string} [prefix]
 * @returns {string[]} files under `dir` (relative, `/`-separated), skipping node_modules
 */
export function listFiles(dir, prefix = '') {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const relative = `${prefix}${entry.name}`;
      if (entry.isDirectory())
        return entry.name === 'node_modules' ? [] : listFiles(path.join(dir, entry.name), `${relative}/`);
      return [relative];
    })
    .sort();
}

/** @param {string} name */
function toRuleId(name) {
  return name.includes('/') ? name : `${NAMESPACE}/${name}`;
}

/**
 * Reads the `// expect: rule-a, rule-b` comments of the given files: each line that carries one must be
 * reported by exactly those rules (once or more each), every other line by none.
 * @param {string} dir
 * @param {readonly string[]} files relative to `dir`
 * @returns {Finding[]}
 */
export function readExpectations(dir, files) {
  /** @type {Finding[]} */
  const expected = [];
  for (const file of files) {
    const lines = fs.readFileSync(path.join(dir, file), 'utf8').split(/\r?\n/u);
    lines.forEach((text, index) => {
      const match = EXPECT_COMMENT.exec(text);
      if (!match) return;
      const names = (match[1] ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean);
      if (names.length === 0) throw new Error(`${file}:${index + 1}: an expect: comment names no rule`);
      for (const name of names) expected.push({ file, line: index + 1, ruleId: toRuleId(name) });
    });
  }
  return dedupe(expected);
}

/**
 * Runs the ESLint CLI (`--format json`) in `cwd` on `.` with the config found there.
 * @param {{ cwd: string; eslintBin?: string; args?: readonly string[] }} options
 * @returns {EslintRun}
 */
export function runEslintCli({ cwd, eslintBin = resolveEslintBin(repoRoot), args = [] }) {
  const result = spawnSync(process.execPath, [eslintBin, '--format', 'json', ...args, '.'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  if (result.error) throw result.error;
  // ESLint exits 1 when it found problems; anything else but 0 means it did not lint at all.
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(
      `ESLint crashed in ${cwd} (exit ${result.status ?? result.signal ?? 'unknown'}):\n${result.stderr}${result.stdout}`,
    );
  }
  /** @type {unknown} */
  const parsed = JSON.parse(result.stdout);
  const results =
    /** @type {{ filePath: string; messages: { ruleId: string | null; line: number; message: string }[] }[]} */ (
      parsed
    );
  /** @type {Finding[]} */
  const findings = [];
  for (const fileResult of results) {
    const file = path.relative(cwd, fileResult.filePath).split(path.sep).join('/');
    for (const message of fileResult.messages) {
      findings.push({ file, line: message.line, ruleId: message.ruleId ?? `fatal: ${message.message}` });
    }
  }
  const lintedFiles = results.map((fileResult) => path.relative(cwd, fileResult.filePath).split(path.sep).join('/'));
  return { findings: dedupe(findings), lintedFiles, exitCode: result.status };
}

/**
 * @param {readonly Finding[]} expected
 * @param {readonly Finding[]} actual
 * @returns {{ missing: Finding[]; unexpected: Finding[] }}
 */
export function compareFindings(expected, actual) {
  const key = (/** @type {Finding} */ finding) => `${finding.file}:${finding.line} ${finding.ruleId}`;
  const expectedKeys = new Set(expected.map(key));
  const actualKeys = new Set(actual.map(key));
  return {
    missing: expected.filter((finding) => !actualKeys.has(key(finding))),
    unexpected: actual.filter((finding) => !expectedKeys.has(key(finding))),
  };
}

/**
 * Lints `dir` with the ESLint CLI and compares with its `expect:` comments, over the files ESLint linted.
 * @param {{ cwd: string; eslintBin?: string }} options
 */
export function checkExamples({ cwd, eslintBin }) {
  const run = runEslintCli({ cwd, eslintBin });
  const expected = readExpectations(cwd, run.lintedFiles);
  return { ...run, expected, ...compareFindings(expected, run.findings) };
}

/**
 * @param {{ missing: readonly Finding[]; unexpected: readonly Finding[] }} mismatch
 * @returns {string} a readable report, empty when findings and expectations agree
 */
export function formatMismatch({ missing, unexpected }) {
  const lines = [
    ...missing.map(
      (finding) =>
        `missing:    ${finding.file}:${finding.line}  ${finding.ruleId} (expected by an expect: comment, not reported)`,
    ),
    ...unexpected.map(
      (finding) =>
        `unexpected: ${finding.file}:${finding.line}  ${finding.ruleId} (reported, but the line has no matching expect: comment)`,
    ),
  ];
  return lines.join('\n');
}

/**
 * The ESLint CLI script of the `eslint` package installed for `projectDir`.
 * @param {string} projectDir
 */
export function resolveEslintBin(projectDir) {
  const require = createRequire(path.join(projectDir, 'package.json'));
  const packageJsonPath = require.resolve('eslint/package.json');
  /** @type {unknown} */
  const parsed = JSON.parse(fs.readFileSync(packageJsonPath, 'utf8'));
  const eslintPackage = /** @type {{ bin: string | Record<string, string> }} */ (parsed);
  const bin = typeof eslintPackage.bin === 'string' ? eslintPackage.bin : eslintPackage.bin.eslint;
  if (!bin) throw new Error(`no eslint bin in ${packageJsonPath}`);
  return path.join(path.dirname(packageJsonPath), bin);
}

/**
 * examples/package.json depends on the plugin as `file:..`; link it the way `npm install` would, so the
 * examples' own eslint.config.js imports this repository's build without a network install.
 */
export function linkPluginIntoExamples() {
  const link = path.join(examplesDir, 'node_modules', 'eslint-plugin-event-loop');
  const current = fs.lstatSync(link, { throwIfNoEntry: false });
  if (current?.isSymbolicLink() && fs.realpathSync(link) === fs.realpathSync(repoRoot)) return;
  if (current) fs.rmSync(link, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.symlinkSync(repoRoot, link, 'junction');
}

/**
 * @template {Finding} T
 * @param {readonly T[]} findings
 * @returns {T[]}
 */
function dedupe(findings) {
  const seen = new Set();
  return findings.filter((finding) => {
    const key = `${finding.file}:${finding.line} ${finding.ruleId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function main() {
  if (!fs.existsSync(path.join(repoRoot, 'dist/index.js'))) {
    console.error('dist/ is missing: run `npm run build` first.');
    return 2;
  }
  linkPluginIntoExamples();
  const result = checkExamples({ cwd: examplesDir });
  const report = formatMismatch(result);
  if (report) {
    console.error(`examples/ findings differ from the expect: comments:\n${report}`);
    return 1;
  }
  console.log(
    `examples/: ${result.findings.length} findings in ${result.lintedFiles.length} files, all matching the expect: comments.`,
  );
  return 0;
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main();
}
