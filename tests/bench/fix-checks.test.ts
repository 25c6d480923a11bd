/**
 * The sweep's meaning checks (bench/sweep/fix-checks.js) on known outputs: the checker must flag a
 * fix that parses but changes the code around it, and must not flag the usual correct edits.
 */
import * as tsParser from '@typescript-eslint/parser';
import { Linter, type Rule as EslintRule } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';

import {
  applyFix,
  editsOf,
  type Fix,
  keptReports,
  minimalEdits,
  type Node,
  offsetFinder,
  reappliedFix,
  structureChange,
} from '../../bench/sweep/fix-checks.js';
import { createMeaningCheck } from '../../bench/sweep/meaning.js';

const parseJs = (text: string) =>
  espree.parse(text, { ecmaVersion: 'latest', sourceType: 'module', range: true }) as unknown as Node;
const parseTs = (text: string) => tsParser.parse(text, { range: true, sourceType: 'module' }) as unknown as Node;

function check(text: string, fix: Fix, parse: (text: string) => Node = parseJs) {
  return structureChange(text, fix, parse(text), parse(applyFix(text, fix)));
}

/** One fix from `before` to `after`: the range the two differ in, as a rule's fixer would write it. */
function fixBetween(before: string, after: string): Fix {
  let start = 0;
  while (before[start] === after[start] && start < before.length) start++;
  let end = 0;
  while (end < before.length - start && before.at(-1 - end) === after.at(-1 - end)) end++;
  return { range: [start, before.length - end], text: after.slice(start, after.length - end) };
}

// The ASI case of issue 15: the async-twin suggestion of no-blocking-in-async as it was written
// (one merged fix from the import to the call), after a declaration without a semicolon.
const asiCode =
  "import { execSync } from 'node:child_process';\nasync function main() {\n  const o = {}\n  execSync('ls').toString();\n}\n";
const asiBadFix: Fix = {
  range: [9, 102],
  text: "exec } from 'node:child_process';\nimport { promisify } from 'node:util';\nasync function main() {\n  const o = {}\n  (await promisify(exec)('ls')).stdout",
};

describe('structureChange', () => {
  it('flags the async-twin suggestion that makes `const o = {}` call `{}` (ASI)', () => {
    expect(applyFix(asiCode, asiBadFix)).toBe(
      "import { exec } from 'node:child_process';\nimport { promisify } from 'node:util';\nasync function main() {\n  const o = {}\n  (await promisify(exec)('ls')).stdout.toString();\n}\n",
    );
    const change = check(asiCode, asiBadFix);
    expect(change?.lost).toEqual(['VariableDeclaration 73-85', 'VariableDeclarator 79-85']);
    // The declaration that now swallows the call runs around the edit: reported as what went, not as news.
    expect(change?.gained).toEqual([]);
  });

  it('accepts the same suggestion with a leading semicolon', () => {
    const fix = { ...asiBadFix, text: asiBadFix.text.replace('\n  (await', '\n  ;(await') };
    expect(check(asiCode, fix)).toBeUndefined();
  });

  it('also flags it in TypeScript', () => {
    expect(check(asiCode, asiBadFix, parseTs)?.lost).toEqual(['VariableDeclaration 73-85', 'VariableDeclarator 79-85']);
  });

  it.each([
    ['`void` before a statement', 'async function f() {\n  p()\n}', 'async function f() {\n  void p()\n}'],
    ['`await` before a statement', 'async function f() {\n  p()\n}', 'async function f() {\n  await p()\n}'],
    ['a wrapped operand', 'async function f() { return a + b.c; }', 'async function f() { return a + (await b).c; }'],
    [
      'serial awaits made concurrent',
      'async function f() {\n  const a = await x();\n  const b = await y();\n  return a + b;\n}',
      'async function f() {\n  const [a, b] = await Promise.all([x(), y()]);\n  return a + b;\n}',
    ],
  ])('accepts %s', (_name, before, after) => {
    expect(check(before, fixBetween(before, after))).toBeUndefined();
  });

  it.each([
    ['a leading `(` joins the line above', 'a = b\nc()', 'a = b\n(await c)()'],
    ['a leading `[` joins the line above', 'let a = b\nc', 'let a = b\n[c][0]'],
    ['a leading template joins the line above', 'let a = b\nc', 'let a = b\n`${c}`'],
    ['a removed semicolon joins the lines', 'a = b;\n(c)', 'a = b\n(c)'],
  ])('flags %s', (_name, before, after) => {
    expect(check(before, fixBetween(before, after))).toBeDefined();
  });
});

describe('minimalEdits', () => {
  it('keeps changes on one line together, as whole lines', () => {
    expect(minimalEdits("execSync('ls')", "(await promisify(exec)('ls')).stdout")).toEqual([
      { start: 0, end: 14, text: "(await promisify(exec)('ls')).stdout" },
    ]);
  });

  it('splits a merged fix at whole unchanged lines', () => {
    const { edits, outputRanges } = editsOf(asiCode, asiBadFix);
    expect(edits.map((e) => [asiCode.slice(e.start, e.end), e.text])).toEqual([
      [
        "execSync } from 'node:child_process';\nasync function main() {",
        "exec } from 'node:child_process';\nimport { promisify } from 'node:util';\nasync function main() {",
      ],
      ["  execSync('ls')", "  (await promisify(exec)('ls')).stdout"],
    ]);
    // `  const o = {}` lies between the two edits, so the check sees it.
    expect(outputRanges).toEqual([
      [9, 105],
      [121, 159],
    ]);
  });
});

describe('reappliedFix', () => {
  const output = 'async function f() {\n  await p();\n}';
  const outputRanges: [number, number][] = [[23, 29]];

  it('finds a suggestion that applies again where it edited (`await await`)', () => {
    const relinted = [
      {
        message: 'again',
        line: 2,
        column: 3,
        endLine: 2,
        endColumn: 12,
        suggestions: [{ messageId: 'addAwait', fix: { range: [23, 23] as const, text: 'await ' } }],
      },
    ];
    const again = reappliedFix(
      output,
      relinted,
      { outputRanges, kind: 'suggestion', messageId: 'addAwait' },
      offsetFinder(output),
    );
    expect(again?.second).toBe('async function f() {\n  await await p();\n}');
  });

  it('ignores reports elsewhere and other suggestions', () => {
    const elsewhere = {
      message: 'elsewhere',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 5,
      suggestions: [{ messageId: 'addAwait', fix: { range: [0, 0] as const, text: 'x' } }],
    };
    const other = {
      message: 'other',
      line: 2,
      column: 3,
      endLine: 2,
      endColumn: 12,
      suggestions: [{ messageId: 'addVoid', fix: { range: [23, 23] as const, text: 'void ' } }],
    };
    expect(
      reappliedFix(
        output,
        [elsewhere, other],
        { outputRanges, kind: 'suggestion', messageId: 'addAwait' },
        offsetFinder(output),
      ),
    ).toBeUndefined();
  });

  // Found by the typed sweep in puppeteer-core (src/bidi/Realm.ts): `.catch()` added to the inner
  // `void handle.dispose()`; the enclosing `void p.then(…)` was reported before the fix too.
  it('does not take a report the original already had around the edit for the fix again', () => {
    const text = 'async function f(p) {\n  void p.then((h) => {\n    void h.dispose();\n  });\n}';
    const fix: Fix = { range: [65, 65], text: '.catch((error) => console.error(error))' };
    const fixed = applyFix(text, fix);
    const outer = {
      messageId: 'voidDiscards',
      message: 'outer',
      line: 2,
      column: 3,
      endLine: 4,
      endColumn: 5,
      suggestions: [{ messageId: 'addCatch', fix: { range: [74, 74] as const, text: '.catch(() => {})' } }],
    };
    const kept = keptReports(text, fix, [outer]);
    expect(kept).toEqual(new Set(['voidDiscards 24']));
    const { outputRanges } = editsOf(text, fix);
    const options = { outputRanges, kind: 'suggestion' as const, messageId: 'addCatch' };
    expect(reappliedFix(fixed, [outer], options, offsetFinder(fixed))).toBeDefined();
    expect(reappliedFix(fixed, [outer], { ...options, kept }, offsetFinder(fixed))).toBeUndefined();
  });
});

describe('createMeaningCheck', () => {
  // A rule that offers `await ` before every call to `load`, awaited or not: its suggestion applies again.
  const rule: EslintRule.RuleModule = {
    meta: { hasSuggestions: true, messages: { call: 'call', addAwait: 'add await' }, schema: [] },
    create: (context) => ({
      'CallExpression[callee.name="load"]'(node: EslintRule.Node) {
        context.report({
          node,
          messageId: 'call',
          suggest: [{ messageId: 'addAwait', fix: (fixer) => fixer.insertTextBefore(node, 'await ') }],
        });
      },
    }),
  };
  const linter = new Linter({ configType: 'flat' });
  const config = (rules: Linter.RulesRecord): Linter.Config[] => [
    {
      plugins: { t: { rules: { again: rule } } },
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
      rules,
    },
  ];
  const check = createMeaningCheck(linter, {
    parseConfig: () => config({}),
    ruleConfig: (ruleId) => config({ [ruleId]: 'error' }),
  });

  it('reports a structure change (ASI) and a suggestion that applies again', () => {
    const text = 'async function f() {\n  const o = {}\n  load()\n}';
    const messages = linter.verify(text, config({ 't/again': 'error' }));
    const suggestion = messages[0]?.suggestions?.[0];
    if (!suggestion) throw new Error('the test rule offers no suggestion');
    const input = { file: 'file.js', where: 'file.js:3:3', text, kind: 'suggestion 1', messageId: 'addAwait' };
    const start = text.indexOf('load()');
    const parenthesized: Fix = { range: [start, start + 'load()'.length], text: '(await load())' };
    const asi = check({
      ...input,
      output: applyFix(text, parenthesized),
      fix: parenthesized,
      ruleId: 't/again',
      messages,
    });
    expect(asi.map((f) => f.check)).toEqual(['structure', 'reapplied']);
    const again = check({
      ...input,
      output: applyFix(text, suggestion.fix),
      fix: suggestion.fix,
      ruleId: 't/again',
      messages,
    });
    expect(again.map((f) => f.check)).toEqual(['reapplied']);
  });
});
