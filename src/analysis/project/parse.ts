/**
 * Parses a file of the project that ESLint is not linting right now, for its export summary. oxc-parser
 * (native, an ESTree / TS-ESTree tree, about ten times espree's speed) where its binding loads; otherwise
 * the pure-JavaScript parsers ESLint projects already have: espree for JavaScript, typescript-estree for
 * TypeScript. The tree is only read while the summary is built, then dropped.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

import type { TSESTree } from '@typescript-eslint/utils';
import type * as OxcParser from 'oxc-parser';

const require = createRequire(import.meta.url);

type Parser = (file: string, text: string) => TSESTree.Program | undefined;

const TYPESCRIPT = /\.[cm]?tsx?$/u;

let oxc: typeof OxcParser | null | undefined;

function loadModule<T>(name: string): T | null {
  try {
    return require(name) as T;
  } catch {
    return null;
  }
}

const parseWithOxc: Parser = (file, text) => {
  oxc ??= loadModule<typeof OxcParser>('oxc-parser');
  if (!oxc) return parseWithFallback(file, text);
  const result = oxc.parseSync(file, text, {
    astType: TYPESCRIPT.test(file) ? 'ts' : 'js',
    sourceType: sourceTypeOf(file),
    // Nodes carry `start`/`end` offsets anyway; `range` would only make the tree a fifth dearer to build.
    range: false,
    // ESTree has no ParenthesizedExpression: `(a, b)` is the sequence itself.
    preserveParens: false,
  });
  // A file with syntax errors gets no summary rather than a half-read one.
  if (result.errors.some((error) => String(error.severity) === 'Error')) return undefined;
  return result.program as unknown as TSESTree.Program;
};

interface Espree {
  parse(text: string, options: Record<string, unknown>): unknown;
}
interface TypescriptEstree {
  parse(text: string, options: Record<string, unknown>): unknown;
}

function parseWithFallback(file: string, text: string): TSESTree.Program | undefined {
  const jsx = file.endsWith('x');
  try {
    if (TYPESCRIPT.test(file)) {
      const estree = loadModule<TypescriptEstree>('@typescript-eslint/typescript-estree');
      return estree ? (estree.parse(text, { jsx, range: true }) as TSESTree.Program) : undefined;
    }
    const espree = loadModule<Espree>('espree');
    if (!espree) return undefined;
    const sourceType = sourceTypeOf(file);
    return espree.parse(text, {
      ecmaVersion: 'latest',
      sourceType: sourceType === 'unambiguous' ? 'module' : sourceType,
      ecmaFeatures: { jsx },
      range: true,
    }) as TSESTree.Program;
  } catch {
    return undefined;
  }
}

function sourceTypeOf(file: string): 'module' | 'commonjs' | 'unambiguous' {
  const extension = path.extname(file);
  if (extension === '.cjs' || extension === '.cts') return 'commonjs';
  if (extension === '.mjs' || extension === '.mts') return 'module';
  return 'unambiguous';
}

/** The ESTree program of `text` (the content of `file`), or undefined when it does not parse. */
export function parseProjectFile(file: string, text: string): TSESTree.Program | undefined {
  try {
    return parseWithOxc(file, text);
  } catch {
    return parseWithFallback(file, text);
  }
}

/** The pure-JavaScript path alone, for tests and for hosts where the native binding misbehaves. */
export function parseProjectFileWithoutNative(file: string, text: string): TSESTree.Program | undefined {
  return parseWithFallback(file, text);
}
