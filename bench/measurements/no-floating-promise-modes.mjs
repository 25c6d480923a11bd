// Lints a folder of TypeScript sources (SRC=<dir> with a tsconfig.json) with no-floating-promise untyped and typed, and with typescript-eslint's promise rules (--tseslint).
import { createRequire } from 'node:module';
import path from 'node:path';
const require = createRequire(new URL('../../package.json', import.meta.url));
const { ESLint } = require('eslint');
const tsParser = require('@typescript-eslint/parser');
const tseslint = require('typescript-eslint');
const plugin = (await import(new URL('../../dist/index.js', import.meta.url))).default;
const cwd = path.resolve(process.env.SRC);
const ruleOptions = process.argv[2] === 'strict' ? [{ checkEventCallbacks: true, checkNeverRejecting: true }] : [];

async function run(typed, extraRules = {}) {
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        plugins: { 'event-loop': plugin, '@typescript-eslint': tseslint.plugin },
        languageOptions: {
          parser: tsParser,
          parserOptions: typed ? { projectService: { defaultProject: 'tsconfig.json' }, tsconfigRootDir: cwd } : {},
        },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        rules: { 'event-loop/no-floating-promise': ['error', ...ruleOptions], ...extraRules },
      },
    ],
  });
  const started = Date.now();
  const results = await eslint.lintFiles(['**/*.ts']);
  const reports = [];
  for (const result of results) {
    for (const m of result.messages) {
      if (m.fatal) {
        console.error('FATAL', result.filePath, m.message);
        continue;
      }
      reports.push({
        file: path.relative(cwd, result.filePath),
        line: m.line,
        column: m.column,
        ruleId: m.ruleId,
        messageId: m.messageId,
        message: m.message,
      });
    }
  }
  return { reports, ms: Date.now() - started, files: results.length };
}

const key = (r) => `${r.file}:${r.line}:${r.column}:${r.messageId}`;
const byId = (list) =>
  Object.entries(list.reduce((acc, r) => ((acc[r.messageId] = (acc[r.messageId] ?? 0) + 1), acc), {})).sort();

const untyped = await run(false);
const typed = await run(true);
const ours = (x) => x.reports.filter((r) => r.ruleId === 'event-loop/no-floating-promise');
const u = ours(untyped),
  t = ours(typed);
console.log(
  `files: ${untyped.files}; untyped ${u.length} reports in ${untyped.ms} ms; typed ${t.length} reports in ${typed.ms} ms`,
);
console.log('untyped by messageId', byId(u));
console.log('typed by messageId', byId(t));
const uKeys = new Set(u.map(key)),
  tKeys = new Set(t.map(key));
const missed = t.filter((r) => !uKeys.has(key(r)));
const extra = u.filter((r) => !tKeys.has(key(r)));
console.log(`typed reports the untyped run misses: ${missed.length}`);
for (const r of missed)
  console.log(`  MISSED ${r.file}:${r.line}:${r.column} ${r.messageId} :: ${r.message.slice(0, 90)}`);
for (const r of u) console.log(`  UNTYPED ${r.file}:${r.line}:${r.column} ${r.messageId}`);
console.log(`untyped reports absent when typed: ${extra.length}`);
for (const r of extra)
  console.log(`  EXTRA ${r.file}:${r.line}:${r.column} ${r.messageId} :: ${r.message.slice(0, 90)}`);
if (process.argv.includes('--tseslint')) {
  const ts = await run(true, {
    '@typescript-eslint/no-floating-promises': 'error',
    '@typescript-eslint/no-misused-promises': 'error',
  });
  const anchor = ts.reports.filter((r) => r.ruleId?.startsWith('@typescript-eslint'));
  const byRule = anchor.reduce((acc, r) => ((acc[r.ruleId] = (acc[r.ruleId] ?? 0) + 1), acc), {});
  console.log('typescript-eslint anchors (typed):', byRule);
  for (const r of anchor)
    console.log(
      `  TSE ${r.file}:${r.line}:${r.column} ${r.ruleId.replace('@typescript-eslint/', '')} :: ${r.message.slice(0, 80)}`,
    );
}
