/**
 * Which concurrency limiter (see `catalog/limiters.ts`) a file can use, by origin: one the file
 * already imports or requires, or one the nearest package.json lists in its `dependencies`.
 * Computed once per file.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { type LimiterRow, LIMITERS } from '../catalog/limiters.js';
import { findDeclaredDependency } from '../project/package-manifest.js';
import type { AnyContext } from '../scope.js';

export interface AvailableLimiter {
  readonly row: LimiterRow;
  /** Imported or required at the top of the file: the fix reuses that binding. */
  readonly inFile: boolean;
  /** The lowest major version the declared range allows, when the range says. */
  readonly declaredMajor: number | undefined;
}

/** `^3.1.0`, `~2`, `>=3 <5`, `v4` → the first major; `latest`, `*`, tags and URLs → undefined. */
export function lowestMajor(range: string): number | undefined {
  const match = /^(?:npm:[^@]+@)?[\s^~>=v]*(\d+)/u.exec(range.trim());
  return match ? Number(match[1]) : undefined;
}

/** The module a top-level `import … from 'm'` or `… = require('m')` loads. */
function loadedModule(statement: TSESTree.ProgramStatement): string | undefined {
  if (statement.type === AST_NODE_TYPES.ImportDeclaration)
    return statement.importKind === 'type' ? undefined : statement.source.value;
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.declarations.length !== 1) return undefined;
  const init = statement.declarations[0].init;
  const call = init?.type === AST_NODE_TYPES.MemberExpression ? init.object : init;
  if (
    call?.type === AST_NODE_TYPES.CallExpression &&
    call.callee.type === AST_NODE_TYPES.Identifier &&
    call.callee.name === 'require' &&
    call.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof call.arguments[0].value === 'string'
  ) {
    return call.arguments[0].value;
  }
  return undefined;
}

const cache = new WeakMap<TSESTree.Program, readonly AvailableLimiter[]>();

/** The limiters the file imports, then those its package declares, each in catalogue order. */
export function findAvailableLimiters(context: AnyContext): readonly AvailableLimiter[] {
  const program = context.sourceCode.ast;
  const cached = cache.get(program);
  if (cached) return cached;
  const loaded = new Set(program.body.map(loadedModule).filter((module) => module !== undefined));
  const inFile: AvailableLimiter[] = [];
  const declared: AvailableLimiter[] = [];
  for (const row of LIMITERS) {
    const range = findDeclaredDependency(context.filename, row.module);
    const declaredMajor = range === undefined ? undefined : lowestMajor(range);
    if (row.minMajor !== undefined && declaredMajor !== undefined && declaredMajor < row.minMajor) continue;
    if (loaded.has(row.module)) inFile.push({ row, inFile: true, declaredMajor });
    else if (range !== undefined) declared.push({ row, inFile: false, declaredMajor });
  }
  const result = [...inFile, ...declared];
  cache.set(program, result);
  return result;
}
