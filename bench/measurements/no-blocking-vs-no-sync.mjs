// Lints the copied sources with event-loop/no-blocking-in-async (recommended, then strict options) and
// n/no-sync, and classifies every n/no-sync report by why no-blocking-in-async does or does not report it.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const require = createRequire(path.join(repo, 'package.json'));
const { ESLint } = require('eslint');
const plugin = (await import(path.join(repo, 'dist/index.js'))).default;
const nPlugin = (await import(require.resolve('eslint-plugin-n'))).default;
const { trackModuleReferences } = await import(path.join(repo, 'dist/analysis/origin/modules.js'));
const { findExecutionContext } = await import(path.join(repo, 'dist/analysis/execution/execution-context.js'));
const { BLOCKING_APIS } = await import(path.join(repo, 'dist/analysis/catalog/blocking-apis.js'));

const probes = [];
const probeRule = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const record = (identifier) => {
      let call = identifier.parent;
      while (call && call.type !== 'CallExpression') call = call.parent;
      const index = trackModuleReferences(context, BLOCKING_APIS);
      const where = findExecutionContext(context, call);
      probes.push({
        file: path.relative(root, context.filename),
        line: identifier.loc.start.line,
        column: identifier.loc.start.column + 1,
        name: identifier.name,
        callee: context.sourceCode.getText(call.callee).slice(0, 60),
        catalogued: index.has(call),
        kind: where.kind,
        onEventLoop: where.onEventLoop,
      });
    };
    return {
      'CallExpression > MemberExpression.callee Identifier[name=/Sync$/]': record,
      'CallExpression > Identifier[name=/Sync$/]': record,
    };
  },
};

const root = process.argv[2];
const base = {
  files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
  languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' },
  linterOptions: { reportUnusedDisableDirectives: 'off' },
};
async function lint(rules, plugins) {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      { ...base, plugins, rules },
      {
        files: ['eleventy/**/*.js', '**/*.mjs', 'eleventy-dev-server/client/**'],
        languageOptions: { sourceType: 'module' },
      },
    ],
    allowInlineConfig: false,
  });
  const results = await eslint.lintFiles(['.']);
  return results.flatMap((r) =>
    r.messages.map((m) => ({
      file: path.relative(root, r.filePath),
      line: m.line,
      column: m.column,
      ruleId: m.ruleId,
      message: m.message,
      fatal: m.fatal,
    })),
  );
}

const started = Date.now();
const mine = await lint({ 'event-loop/no-blocking-in-async': 'error' }, { 'event-loop': plugin });
const mineStrict = await lint(
  { 'event-loop/no-blocking-in-async': ['error', { checkLocalHelpers: true, checkSyncByDesignApis: true }] },
  { 'event-loop': plugin },
);
const mineAll = await lint(
  { 'event-loop/no-blocking-in-async': ['error', { checkAllFunctions: true }] },
  { 'event-loop': plugin },
);
const nsync = await lint(
  { 'n/no-sync': 'error', 'probe/probe': 'error' },
  { n: nPlugin, probe: { rules: { probe: probeRule } } },
);
const nsyncRoot = await lint({ 'n/no-sync': ['error', { allowAtRootLevel: true }] }, { n: nPlugin });
const seconds = ((Date.now() - started) / 1000).toFixed(1);

const only = (list, id) => list.filter((m) => m.ruleId === id);
const fatal = [...mine, ...nsync].filter((m) => m.fatal);
const nReports = only(nsync, 'n/no-sync');
const key = (m) => `${m.file}:${m.line}`;
const mineLines = new Set(only(mine, 'event-loop/no-blocking-in-async').map(key));
const groups = {};
const add = (group, probe) => (groups[group] ??= []).push(`${probe.file}:${probe.line} ${probe.callee}()`);
for (const report of nReports) {
  const name = /'([^']+)'/u.exec(report.message)?.[1];
  const probe = probes.find((p) => !p.used && p.file === report.file && p.line === report.line && p.name === name);
  if (probe) probe.used = true;
  if (!probe) {
    add('no probe (unmatched)', { ...report, callee: report.message });
    continue;
  }
  if (!probe.catalogued) add(`not a blocking API by origin`, { ...probe, callee: `${probe.callee} [${probe.kind}]` });
  else if (probe.kind === 'module') add('blocking API at module top level', probe);
  else if (!probe.onEventLoop) add(`blocking API in a plain ${probe.kind}`, probe);
  else if (mineLines.has(key(report))) add('reported by both', probe);
  else add('on the event loop but not reported (!)', probe);
}
const nLines = new Set(nReports.map(key));
const mineOnly = only(mine, 'event-loop/no-blocking-in-async').filter((m) => !nLines.has(key(m)));
const strictOnly = only(mineStrict, 'event-loop/no-blocking-in-async').filter((m) => !mineLines.has(key(m)));
const summary = {
  files: new Set([...nsync, ...mine].map((m) => m.file)).size,
  seconds,
  fatal: fatal.map((m) => `${m.file}:${m.line} ${m.message}`),
  'n/no-sync': nReports.length,
  'n/no-sync allowAtRootLevel': only(nsyncRoot, 'n/no-sync').length,
  'no-blocking-in-async (recommended)': only(mine, 'event-loop/no-blocking-in-async').length,
  'no-blocking-in-async (strict options)': only(mineStrict, 'event-loop/no-blocking-in-async').length,
  'no-blocking-in-async (checkAllFunctions)': only(mineAll, 'event-loop/no-blocking-in-async').length,
  groups: Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, v.length])),
  notABlockingApiNames: Object.entries(
    (groups['not a blocking API by origin'] ?? []).reduce((acc, s) => {
      const name = s.split(' ')[1];
      acc[name] = (acc[name] ?? 0) + 1;
      return acc;
    }, {}),
  ).sort((a, b) => b[1] - a[1]),
};
fs.writeFileSync(
  `${root}.details.json`,
  JSON.stringify(
    { summary, groups, mine: only(mine, 'event-loop/no-blocking-in-async'), mineOnly, strictOnly },
    null,
    2,
  ),
);
console.log(JSON.stringify(summary, null, 2));
