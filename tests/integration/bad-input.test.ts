/**
 * Input a linter meets in the wild: files the parser rejects, huge generated files, minified bundles,
 * expressions nested 10,000 levels deep, and invalid options. Each must give ESLint's normal answer
 * (a parsing error, a configuration error, reports) and never a stack trace from this plugin's code.
 */
import path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { repoRoot } from '../helpers/language-options.js';

const linter = new Linter({ cwd: repoRoot });
const ALL_RULES: Linter.RulesRecord = Object.fromEntries(
  Object.keys(plugin.rules).map((name) => [`event-loop/${name}`, 'error']),
);
/** A stack frame in this plugin's source or build (not in a dependency's `dist/`). */
const isOurFrame = (line: string): boolean =>
  [path.join(repoRoot, 'src'), path.join(repoRoot, 'dist')].some((folder) => line.includes(`${folder}${path.sep}`));

type Parser = 'espree' | 'typescript';

function lint(code: string, parser: Parser, rules: Linter.RulesRecord = ALL_RULES): Linter.LintMessage[] {
  const filename = parser === 'typescript' ? 'input.ts' : 'input.js';
  return linter.verify(
    code,
    [
      {
        files: ['**/*.js', '**/*.ts'],
        plugins: { 'event-loop': plugin as never },
        ...(parser === 'typescript' ? { languageOptions: { parser: tsParser } } : {}),
        rules,
      },
    ],
    filename,
  );
}

/** The outcome of linting, where a throw is acceptable only from ESLint or the parser, never from src/. */
function outcome(code: string, parser: Parser): 'parse error' | 'crash outside the plugin' | 'linted' {
  try {
    const messages = lint(code, parser);
    const fatal = messages.find((message) => message.fatal);
    if (fatal) {
      expect(fatal.message).toMatch(/^Parsing error: /u);
      return 'parse error';
    }
    return 'linted';
  } catch (error) {
    const stack = (error as Error).stack ?? '';
    // The frames that ran last: a stack overflow in the parser or in ESLint's scope analysis is theirs.
    const frames = stack.split('\n').filter((line) => line.trim().startsWith('at '));
    expect(frames.slice(0, 50).filter(isOurFrame)).toEqual([]);
    return 'crash outside the plugin';
  }
}

describe('files the parser rejects', () => {
  it.each<[Parser, string]>([
    ['espree', 'async function (\n'],
    ['espree', 'const x = await;\nfs.readFileSync('],
    ['typescript', 'async function f(): Promise<void {\n'],
    ['typescript', 'let x: = 1;'],
  ])('%s: %s', (parser, code) => {
    const messages = lint(code, parser);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ fatal: true, severity: 2 });
    expect(messages[0]!.message).toMatch(/^Parsing error: /u);
  });
});

describe('huge generated files', () => {
  it('lints 2,000 generated functions (about 200 KB) with every rule', { timeout: 120_000 }, () => {
    const functions = Array.from(
      { length: 2000 },
      (_, index) =>
        `export async function handler${index}(input) {\n  const value = await load${index}(input);\n  fs.readFileSync(value);\n  save${index}(value);\n  return value;\n}`,
    );
    const code = `import fs from 'node:fs';\n${functions.join('\n')}\n`;
    const messages = lint(code, 'espree');
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    expect(messages.filter((message) => message.ruleId === 'event-loop/no-blocking-in-async')).toHaveLength(2000);
  });
});

describe('minified bundles', () => {
  it('lints a one-line bundle of 1,000 functions with every rule', { timeout: 120_000 }, () => {
    const body = Array.from(
      { length: 1000 },
      (_, index) =>
        `var a${index}=async function(b){return await c${index}(b).then(function(d){return d+${index}})};a${index}(1);`,
    ).join('');
    const messages = lint(`!function(){${body}}();`, 'espree');
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    // Each `a<i>(1)` drops the promise of a local async function.
    const dropped = messages.filter((message) => message.ruleId === 'event-loop/no-floating-promise');
    expect(dropped).toHaveLength(1000);
    expect(new Set(dropped.map((message) => message.line))).toEqual(new Set([1]));
  });
});

describe('deeply nested expressions', () => {
  const DEPTH = 10_000;
  const shapes: Record<string, (depth: number) => string> = {
    parentheses: (depth) => `async function f() { x = ${'a + ('.repeat(depth)}g()${')'.repeat(depth)}; }`,
    calls: (depth) => `async function f() { ${'h('.repeat(depth)}fs.readFileSync(p)${')'.repeat(depth)}; }`,
    awaits: (depth) => `async function f() { ${'await ('.repeat(depth)}g()${')'.repeat(depth)}; }`,
    arrays: (depth) => `async function f() { ${'['.repeat(depth)}g()${']'.repeat(depth)}; }`,
    arrows: (depth) => `const f = ${'async () => '.repeat(depth)}g();`,
    blocks: (depth) => `async function f() { ${'if (a) {'.repeat(depth)}g();${'}'.repeat(depth)} }`,
    'a promise chain': (depth) => `async function f() { g()${'.then((x) => x)'.repeat(depth)}; }`,
    'a member chain': (depth) => `async function f() { fs${'.a'.repeat(depth)}.readFileSync(p); }`,
    'a chain of +': (depth) => `async function f() { x = g()${' + g()'.repeat(depth)}; }`,
    'a chain of ||': (depth) => `async function f() { x = g()${' || g()'.repeat(depth)}; }`,
    'a chain of awaits': (depth) => `async function f() { x = 1${' + await g()'.repeat(depth)}; }`,
  };

  for (const parser of ['espree', 'typescript'] as const) {
    it.each(Object.keys(shapes))(`${parser}: %s, ${DEPTH} levels`, { timeout: 60_000 }, (shape) => {
      expect(['parse error', 'crash outside the plugin', 'linted']).toContain(outcome(shapes[shape]!(DEPTH), parser));
    });
  }

  it.each<[string, number]>([
    ['a member chain', 1500],
    ['a chain of +', 2000],
    ['a chain of ||', 2000],
    ['a chain of awaits', 2000],
  ])('espree: %s of %i levels, as deep as ESLint itself goes, is linted', { timeout: 60_000 }, (shape, depth) => {
    expect(outcome(shapes[shape]!(depth), 'espree')).toBe('linted');
  });
});

describe('invalid or unknown options', () => {
  const invalid: [string, unknown][] = [
    ['an unknown option', { notAnOption: true }],
    ["a string where a boolean goes (or another rule's option)", { checkAllFunctions: 'yes' }],
    ['a second options object', 'extra'],
  ];
  for (const name of Object.keys(plugin.rules)) {
    it.each(invalid)(`${name}: %s is ESLint's configuration error`, (_kind, option) => {
      const options = option === 'extra' ? [{}, {}] : [option];
      expect(() =>
        lint('f();', 'espree', { [`event-loop/${name}`]: ['error', ...options] as Linter.RuleEntry }),
      ).toThrow(/Key "rules": Key "event-loop\/[\w-]+":\s/u);
    });
  }
});
