/**
 * Is `await` valid syntax at a node? Not the same question as "does this run in async context":
 * a non-async arrow inside an async function (`items.map((x) => …)`) runs there but cannot `await`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { type FunctionNode, isFunctionNode } from '../ast.js';
import { type AnyContext } from '../scope.js';
import { findExecutionContext } from './execution-context.js';

const COMMONJS_FILE = /\.c[jt]s$/u;

/**
 * Where an `await` (or `yield`) written at `node` would belong: the function whose body holds it with
 * no function in between, `'top-level'`, or undefined where none can go (a parameter, a class field
 * initialiser, a static block).
 */
function findAwaitScope(node: TSESTree.Node): FunctionNode | 'top-level' | undefined {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    // Parameters (defaults) of an async function cannot await either.
    if (isFunctionNode(current)) return current.body === child ? current : undefined;
    if (
      current.type === AST_NODE_TYPES.PropertyDefinition ||
      current.type === AST_NODE_TYPES.AccessorProperty ||
      current.type === AST_NODE_TYPES.StaticBlock
    ) {
      return undefined;
    }
  }
  return 'top-level';
}

/** True when `await` may be written at `node`: in an async function's body, or at the top level of an ES module. */
export function canAwaitAt(context: AnyContext, node: TSESTree.Node): boolean {
  const scope = findAwaitScope(node);
  // Top-level await: ES modules only (not CommonJS, not `.cjs`/`.cts`, not a `.js` file written as CommonJS).
  if (scope === 'top-level')
    return (
      context.sourceCode.ast.sourceType === 'module' &&
      !COMMONJS_FILE.test(context.filename) &&
      !isWrittenAsCommonJs(context)
    );
  return scope !== undefined && scope.async;
}

const COMMONJS_GLOBALS = ['require', 'module', 'exports'];
const writtenAsCommonJs = new WeakMap<TSESTree.Program, boolean>();

/**
 * A file with no `import` or `export` that uses `require`, `module` or `exports`: Node runs it as CommonJS
 * (an ES module has none of them), whatever `sourceType` ESLint was told, and there `await` at the top
 * level is a syntax error.
 */
function isWrittenAsCommonJs(context: AnyContext): boolean {
  const program = context.sourceCode.ast;
  let answer = writtenAsCommonJs.get(program);
  if (answer === undefined) {
    const globalScope = context.sourceCode.scopeManager?.globalScope;
    answer =
      !program.body.some((statement) => MODULE_SYNTAX.has(statement.type)) &&
      globalScope !== null &&
      globalScope !== undefined &&
      COMMONJS_GLOBALS.some(
        (name) =>
          globalScope.through.some((reference) => reference.identifier.name === name) ||
          (globalScope.set.get(name)?.references.length ?? 0) > 0,
      );
    writtenAsCommonJs.set(program, answer);
  }
  return answer;
}

const MODULE_SYNTAX: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.ImportDeclaration,
  AST_NODE_TYPES.ExportAllDeclaration,
  AST_NODE_TYPES.ExportDefaultDeclaration,
  AST_NODE_TYPES.ExportNamedDeclaration,
]);

/** The function whose body `node` is directly in, where `await` (if it were async) or `yield` (if a generator) could go. */
export function findDirectFunction(node: TSESTree.Node): FunctionNode | undefined {
  const scope = findAwaitScope(node);
  return scope === 'top-level' ? undefined : scope;
}

/**
 * The function a fix may put `await` in for `node`: the function `node` runs in, when `node` sits
 * directly in its body (not in a parameter default, a nested function or a class field), and the
 * function is async or a promise callback that can be made async. A listener's or timer's caller
 * drops the promise of a callback made async, trading blocking for unhandled rejections, so those
 * are not offered; nor are generators, which cannot become promise callbacks.
 */
export function findAwaitableFunction(context: AnyContext, node: TSESTree.Node): FunctionNode | undefined {
  const where = findExecutionContext(context, node);
  const fn = where.fn;
  if (!fn || findDirectFunction(node) !== fn) return undefined;
  if (fn.async) return fn;
  return where.kind === 'promise-callback' && !fn.generator ? fn : undefined;
}
