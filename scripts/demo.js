#!/usr/bin/env node
// `npm run demo`: runs the real ESLint CLI with examples/eslint.config.js (the plugin's recommended config,
// typed for .ts files) on the example service, prints what it finds, and ends with a summary: findings per
// rule, checked against the `// expect:` comments that mark each planted pitfall. Findings are the point of
// the demo, so they do not fail it; a crash, or a finding the comments do not expect, does.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { ESLint } from 'eslint';

import {
  compareFindings,
  examplesDir,
  formatMismatch,
  linkPluginIntoExamples,
  readExpectations,
  repoRoot,
  resolveEslintBin,
} from './check-examples.js';

async function main() {
  if (!fs.existsSync(path.join(repoRoot, 'dist/index.js'))) {
    console.error('dist/ is missing: run `npm run build` first (`npm run demo` does).');
    return 2;
  }
  linkPluginIntoExamples();
  const eslintBin = resolveEslintBin(repoRoot);
  console.log(`$ cd examples && eslint .   # ${path.relative(repoRoot, eslintBin)}, examples/eslint.config.js\n`);
  // One CLI run in JSON, printed with the stylish formatter, so the summary counts what was printed.
  const result = spawnSync(process.execPath, [eslintBin, '--format', 'json', '.'], {
    cwd: examplesDir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  // 1: problems found, which is what the demo shows; 2 or a signal: ESLint itself failed.
  if (result.status !== 0 && result.status !== 1) {
    console.error(result.stderr);
    console.error(`ESLint failed (exit ${result.status ?? result.signal ?? 'unknown'}).`);
    return result.status ?? 1;
  }
  const parsed = /** @type {unknown} */ (JSON.parse(result.stdout));
  const results = /** @type {ESLint.LintResult[]} */ (parsed);
  const formatter = await new ESLint({ cwd: examplesDir }).loadFormatter('stylish');
  console.log(await formatter.format(results));

  const relative = (/** @type {string} */ file) => path.relative(examplesDir, file).split(path.sep).join('/');
  const findings = results.flatMap((fileResult) =>
    fileResult.messages.map((message) => ({
      file: relative(fileResult.filePath),
      line: message.line,
      ruleId: message.ruleId ?? `fatal: ${message.message}`,
    })),
  );
  /** @type {Map<string, number>} */
  const perRule = new Map();
  for (const finding of findings) perRule.set(finding.ruleId, (perRule.get(finding.ruleId) ?? 0) + 1);
  const expected = readExpectations(
    examplesDir,
    results.map((fileResult) => relative(fileResult.filePath)),
  );
  const mismatch = compareFindings(expected, findings);

  console.log(`Summary: ${findings.length} findings in ${results.length} files of examples/, planted on purpose.`);
  for (const [ruleId, count] of [...perRule].sort(([a], [b]) => a.localeCompare(b)))
    console.log(`  ${String(count).padStart(3)}  ${ruleId}`);
  const report = formatMismatch(mismatch);
  if (report) {
    console.log(`\nNot as expected: the findings differ from the // expect: comments:\n${report}`);
    return 1;
  }
  console.log('As expected: every finding is on a line marked // expect: <rule>, and every marked line is reported.');
  console.log('What each pitfall is and why: examples/README.md.');
  return 0;
}

process.exitCode = await main();
