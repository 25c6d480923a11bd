#!/usr/bin/env node
// `npm run demo`: runs the real ESLint CLI with examples/eslint.config.js (the plugin's recommended config,
// typed for .ts files) on the example service and prints what it finds. Findings are the point of the
// demo, so they do not fail it; a crash does.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { examplesDir, linkPluginIntoExamples, repoRoot, resolveEslintBin } from './check-examples.js';

function main() {
  if (!fs.existsSync(path.join(repoRoot, 'dist/index.js'))) {
    console.error('dist/ is missing: run `npm run build` first (`npm run demo` does).');
    return 2;
  }
  linkPluginIntoExamples();
  const eslintBin = resolveEslintBin(repoRoot);
  console.log(`$ cd examples && eslint .   # ${path.relative(repoRoot, eslintBin)}, examples/eslint.config.js\n`);
  const result = spawnSync(process.execPath, [eslintBin, '--format', 'stylish', '.'], {
    cwd: examplesDir,
    stdio: 'inherit',
  });
  if (result.error) throw result.error;
  if (result.status === 0) {
    console.log('No findings in examples/.');
    return 0;
  }
  // 1: problems found, which is what the demo shows; 2 or a signal: ESLint itself failed.
  if (result.status === 1) return 0;
  console.error(`ESLint failed (exit ${result.status ?? result.signal ?? 'unknown'}).`);
  return result.status ?? 1;
}

process.exitCode = main();
