/**
 * Async IIFEs: `(async () => { … })()` and `(async function () { … })()`. Dropped inside an async
 * function, one is a new async program started inside a running one (owned by `no-nested-event-loop`);
 * elsewhere it is an entry point whose rejection must be handled (owned by `no-floating-promise`).
 * Both rules ask this module, so no code gets two reports.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { type FunctionNode, skipChainExpression, skipTypeWrappers } from '../ast.js';
import { type AnyContext } from '../scope.js';
import { findExecutionContext } from './execution-context.js';

/** The async function an async IIFE calls, or undefined when `node` is not one. */
export function asyncIifeFunction(node: TSESTree.Node): FunctionNode | undefined {
  const call = skipTypeWrappers(skipChainExpression(node));
  if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = skipTypeWrappers(skipChainExpression(call.callee));
  if (
    (callee.type === AST_NODE_TYPES.ArrowFunctionExpression || callee.type === AST_NODE_TYPES.FunctionExpression) &&
    callee.async &&
    !callee.generator
  ) {
    return callee;
  }
  return undefined;
}

/** An async IIFE that runs inside an async function or async generator (looking through sync callbacks like `map`). */
export function isAsyncIifeInAsyncFunction(context: AnyContext, node: TSESTree.Node): boolean {
  if (!asyncIifeFunction(node)) return false;
  const kind = findExecutionContext(context, node).kind;
  return kind === 'async-function' || kind === 'async-generator';
}
