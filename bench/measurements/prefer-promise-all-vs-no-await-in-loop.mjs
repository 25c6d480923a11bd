// Measures prefer-promise-all against core no-await-in-loop on a corpus (untyped mode).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
const require = createRequire(new URL('../../package.json', import.meta.url));
const { Linter } = require('eslint');
const tsParser = require('@typescript-eslint/parser');
const rule = (await import(new URL('../../dist/rules/prefer-promise-all.js', import.meta.url))).default;
const { judgeLoop, isLoopNode } = await import(
  new URL('../../dist/analysis/concurrency/independence.js', import.meta.url)
);
const { getOrderingPatterns } = await import(new URL('../../dist/analysis/concurrency/ordering.js', import.meta.url));
const { isFunctionNode } = await import(new URL('../../dist/analysis/ast.js', import.meta.url));

const [root, sourceType, outFile, ...excludes] = process.argv.slice(2);
const files = [];
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (excludes.some((e) => full.includes(e))) continue;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') walk(full);
    } else if (/\.(c|m)?(j|t)s$/.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name) && !/\.min\./.test(entry.name))
      files.push(full);
  }
};
walk(root);

// A probe rule: for each loop with awaits, its verdict; for each await, its innermost loop.
const loopInfo = new Map(); // key file:loopStart -> {verdict, line, text}
let currentFile = '';
const probe = {
  meta: { schema: [] },
  create(context) {
    const loops = new Map();
    const awaitLoop = [];
    const patterns = getOrderingPatterns({});
    return {
      AwaitExpression(node) {
        let child = node;
        for (let p = node.parent; p; child = p, p = p.parent) {
          if (isFunctionNode(p)) return;
          if (!isLoopNode(p)) continue;
          const e = loops.get(p) ?? { direct: [], inHead: false };
          loops.set(p, e);
          if (child === p.body) {
            e.direct.push(node);
            return;
          }
          const inHead =
            p.type === 'ForStatement'
              ? child === p.test || child === p.update
              : p.type === 'WhileStatement' || p.type === 'DoWhileStatement'
                ? child === p.test
                : false;
          if (inHead) {
            e.inHead = true;
            (e.head ??= []).push(node);
            return;
          }
        }
      },
      'Program:exit'() {
        for (const [loop, { direct, inHead }] of loops) {
          const v = judgeLoop(context, loop, direct, inHead, patterns);
          loopInfo.set(`${currentFile}:${loop.range[0]}`, {
            verdict: v.independent ? 'independent' : v.reason,
            line: loop.loc.start.line,
            awaits: [...direct, ...(loops.get(loop).head ?? [])].map(
              (a) => `${a.loc.start.line}:${a.loc.start.column + 1}`,
            ),
            text: context.sourceCode.getText(loop).split('\n').slice(0, 14).join('\n'),
          });
        }
      },
    };
  },
};

const linter = new Linter({ configType: 'flat' });
const results = { files: files.length, noAwaitInLoop: [], loopReports: [], sequential: [], errors: 0 };
for (const file of files) {
  currentFile = file;
  const code = fs.readFileSync(file, 'utf8');
  if (code.split('\n').some((l) => l.length > 5000)) continue;
  const isTs = /\.[cm]?ts$/.test(file);
  const languageOptions = isTs
    ? { parser: tsParser, sourceType: 'module' }
    : { ecmaVersion: 'latest', sourceType: file.endsWith('.mjs') ? 'module' : sourceType };
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.js', '**/*.ts', '**/*.mjs', '**/*.cjs', '**/*.mts', '**/*.cts'],
        plugins: { x: { rules: { r: rule, probe } } },
        languageOptions,
        rules: { 'x/r': 'error', 'x/probe': 'error', 'no-await-in-loop': 'error' },
      },
    ],
    { filename: file },
  );
  for (const m of messages) {
    if (m.fatal) {
      results.errors++;
      continue;
    }
    const where = { file: path.relative(root, file), line: m.line, column: m.column };
    if (m.ruleId === 'no-await-in-loop') results.noAwaitInLoop.push(where);
    else if (m.ruleId === 'x/r' && m.messageId.startsWith('independentLoop'))
      results.loopReports.push({ ...where, messageId: m.messageId, fix: (m.suggestions ?? []).length > 0 });
    else if (m.ruleId === 'x/r')
      results.sequential.push({
        ...where,
        endLine: m.endLine,
        fix: (m.suggestions ?? []).length > 0,
        text: code
          .split('\n')
          .slice(m.line - 1, m.endLine)
          .join('\n'),
      });
  }
}
results.loops = [...loopInfo.entries()].map(([k, v]) => ({
  key: path.relative(root, k.slice(0, k.lastIndexOf(':'))),
  ...v,
}));
fs.writeFileSync(outFile, JSON.stringify(results, null, 1));
const loopByAwait = new Map();
for (const l of results.loops) for (const a of l.awaits) loopByAwait.set(`${l.key}:${a}`, l);
const kept = { kept: 0, dropped: 0, unmapped: 0 };
const dropReasons = {};
for (const r of results.noAwaitInLoop) {
  const l = loopByAwait.get(`${r.file}:${r.line}:${r.column}`);
  r.verdict = l ? l.verdict : 'unmapped';
  if (!l) kept.unmapped++;
  else if (l.verdict === 'independent') kept.kept++;
  else {
    kept.dropped++;
    dropReasons[l.verdict] = (dropReasons[l.verdict] ?? 0) + 1;
  }
}
fs.writeFileSync(outFile, JSON.stringify(results, null, 1));
console.log(JSON.stringify({ awaitsReportedByNoAwaitInLoop: kept, dropReasons }));
const byVerdict = {};
for (const l of results.loops) byVerdict[l.verdict] = (byVerdict[l.verdict] ?? 0) + 1;
console.log(
  JSON.stringify(
    {
      files: results.files,
      parseErrors: results.errors,
      noAwaitInLoop: results.noAwaitInLoop.length,
      loopsWithAwait: results.loops.length,
      loopReports: results.loopReports.length,
      sequential: results.sequential.length,
      byVerdict,
    },
    null,
    1,
  ),
);
