/**
 * Unit-test harness for `src/analysis`: lints a snippet with ESLint's `Linter` (flat config) and a
 * throwaway rule that asks an analysis function about selected nodes, or applies the fixes a fix
 * builder returns. Untyped: espree for `.js/.mjs/.cjs`, `@typescript-eslint/parser` without a
 * program for `.ts`. Typed: `@typescript-eslint/parser` with `projectService` over tests/fixtures.
 */
import path from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type ESLint, Linter } from 'eslint';

import { fixturesDir, languageOptionsFor, repoRoot } from '../helpers/language-options.js';

export type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface Snippet {
  code: string;
  /** A file name under tests/fixtures; its extension picks the parser. Default `file.js`, or `file.ts` when typed. */
  filename?: string;
  /** Lint with type information (projectService over tests/fixtures/tsconfig.json). */
  typed?: boolean;
  /** Default: `commonjs` for `.cjs/.cts` (ESLint's own default), `module` otherwise. */
  sourceType?: 'module' | 'script' | 'commonjs';
  /** `languageOptions.globals`, as a user's config would declare them. */
  globals?: Linter.Globals;
  /** Shared `settings`, as a user's config would set them (`{ 'event-loop': { … } }`). */
  settings?: Record<string, unknown>;
}

// One Linter for every case; typescript-eslint keeps one project service per parser options.
const linter = new Linter({ cwd: repoRoot });
function filenameOf(snippet: Snippet): string {
  return snippet.filename ?? (snippet.typed ? 'file.ts' : 'file.js');
}

function languageOptionsOf(snippet: Snippet): Linter.LanguageOptions {
  const options = languageOptionsFor(filenameOf(snippet), { typed: snippet.typed ?? false });
  return { ...options, sourceType: snippet.sourceType ?? options.sourceType, globals: snippet.globals ?? {} };
}

type Visitors = (context: Context) => Record<string, (node: TSESTree.Node) => void>;

function lint(
  snippet: Snippet,
  visitors: Visitors,
  languageOptions = languageOptionsOf(snippet),
): Linter.LintMessage[] {
  const rule = { meta: { type: 'problem', fixable: 'code', schema: [] }, create: visitors };
  const config: Linter.Config[] = [
    {
      files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
      plugins: { analysis: { rules: { probe: rule } } as unknown as ESLint.Plugin },
      languageOptions,
      ...(snippet.settings ? { settings: snippet.settings } : {}),
      rules: { 'analysis/probe': 'error' },
    },
  ];
  const messages = linter.verify(snippet.code, config, { filename: path.join(fixturesDir, filenameOf(snippet)) });
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${filenameOf(snippet)}:${fatal.line}:${fatal.column}: ${fatal.message}`);
  return messages;
}

/** What `answer` says about every node matching the esquery `selector`, in source order. */
export function probe<T>(
  snippet: Snippet,
  selector: string,
  answer: (context: Context, node: TSESTree.Node) => T,
): T[] {
  const results: T[] = [];
  lint(snippet, (context) => ({ [selector]: (node) => results.push(answer(context, node)) }));
  return results;
}

/** Like `probe`, for exactly one matching node. */
export function probeOne<T>(
  snippet: Snippet,
  selector: string,
  answer: (context: Context, node: TSESTree.Node) => T,
): T {
  const results = probe(snippet, selector, answer);
  if (results.length !== 1) throw new Error(`${results.length} nodes match ${selector} in:\n${snippet.code}`);
  return results[0]!;
}

/** What `answer` says about the argument of every marker call `ask(…)`, in source order. */
export function probeAsked<T>(snippet: Snippet, answer: (context: Context, expression: TSESTree.Node) => T): T[] {
  return probe(snippet, 'CallExpression[callee.name="ask"]', (context, node) =>
    answer(context, (node as TSESTree.CallExpression).arguments[0]!),
  );
}

/** The marker call `here()`: the place an execution-context test asks about. */
export const HERE = 'CallExpression[callee.name="here"]';

type FixBuilder = (
  fixer: TSESLint.RuleFixer,
  context: Context,
  node: TSESTree.Node,
) => TSESLint.RuleFix | readonly TSESLint.RuleFix[] | undefined;

/**
 * The code after applying the fixes `build` returns for every node matching `selector`
 * (non-overlapping, in order, as ESLint does in one pass). Throws if the output no longer parses.
 */
export function applyFixes(snippet: Snippet, selector: string, build: FixBuilder): string {
  const messages = lint(snippet, (context) => ({
    [selector]: (node) => {
      context.report({
        node,
        message: 'probe',
        fix: (fixer: TSESLint.RuleFixer) => build(fixer, context, node) ?? null,
      } as never);
    },
  }));
  let output = '';
  let cursor = 0;
  const fixes = messages
    .flatMap((message) => (message.fix ? [message.fix] : []))
    .sort((a, b) => a.range[0] - b.range[0]);
  for (const fix of fixes) {
    if (fix.range[0] < cursor) continue;
    output += snippet.code.slice(cursor, fix.range[0]) + fix.text;
    cursor = fix.range[1];
  }
  output += snippet.code.slice(cursor);
  // Parsing is enough to check the output; no need for a typed program.
  lint({ ...snippet, filename: filenameOf(snippet), typed: false, code: output }, () => ({}));
  return output;
}

export function textOf(context: Context, node: TSESTree.Node): string {
  return context.sourceCode.getText(node);
}

/** Catalogue rows of a Node built-in module whose export path is not a function in the running Node, as `module:path`. */
export async function missingNodeFunctions(
  rows: readonly { module?: string; path: readonly string[] }[],
): Promise<string[]> {
  const missing: string[] = [];
  for (const row of rows) {
    if (row.module === undefined) continue;
    let value: unknown = await import(`node:${row.module}`);
    for (const key of row.path) value = (value as Record<string, unknown> | undefined)?.[key];
    if (typeof value !== 'function') missing.push(`${row.module}:${row.path.join('.')}`);
  }
  return missing;
}
