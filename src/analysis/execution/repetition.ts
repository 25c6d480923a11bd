/**
 * Does code run once per element of some data, so that its cost grows with the input? Inside a loop
 * statement, or in a per-element callback (`items.map(fn)`, `forEach`, `filter`), within its own function
 * and the per-element callbacks around it. A loop over a short list written in the code (`for (const f of
 * ['a', 'b'])`) or a counter up to 10 does not grow.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import {
  getCallOfArgument,
  getMethodName,
  isFunctionNode,
  isLoopNode,
  type LoopNode,
  skipChainExpression,
  skipTypeWrappers,
} from '../ast.js';
import { SYNC_CALLBACK_METHODS } from '../catalog/event-loop-callbacks.js';
import { constantInit } from '../origin/function-resolution.js';
import { type AnyContext } from '../scope.js';

/** The most elements (or counter bound) of a list that does not grow with the input. */
const SMALL_LOOP_SIZE = 10;

/** A list literal of at most 10 elements and no spread: in place, or, with `context`, held by a `const`. */
function isShortList(list: TSESTree.Node, context: AnyContext | undefined): boolean {
  let value = skipTypeWrappers(list);
  if (context && value.type === AST_NODE_TYPES.Identifier) {
    const init = constantInit(context, value);
    if (init) value = skipTypeWrappers(init);
  }
  return (
    value.type === AST_NODE_TYPES.ArrayExpression &&
    value.elements.length <= SMALL_LOOP_SIZE &&
    value.elements.every((element) => element?.type !== AST_NODE_TYPES.SpreadElement)
  );
}

/**
 * A loop over a literal list of at most 10 elements, or a counter up to at most 10. With `context`, a
 * `const` holding the list counts too.
 */
export function isSmallLoop(loop: LoopNode, context?: AnyContext): boolean {
  if (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement)
    return isShortList(loop.right, context);
  if (loop.type !== AST_NODE_TYPES.ForStatement) return false;
  const test = loop.test;
  if (test?.type !== AST_NODE_TYPES.BinaryExpression || (test.operator !== '<' && test.operator !== '<=')) return false;
  return (
    test.right.type === AST_NODE_TYPES.Literal &&
    typeof test.right.value === 'number' &&
    test.right.value <= SMALL_LOOP_SIZE
  );
}

/** The list a per-element callback walks: `items` of `items.map(fn)`; undefined for any other function. */
function iteratedList(fn: TSESTree.Node): TSESTree.Node | undefined {
  const argument = getCallOfArgument(fn);
  if (argument?.call.type !== AST_NODE_TYPES.CallExpression || argument.index !== 0) return undefined;
  const method = getMethodName(argument.call);
  const callee = skipChainExpression(argument.call.callee);
  return method !== undefined && SYNC_CALLBACK_METHODS.has(method) && callee.type === AST_NODE_TYPES.MemberExpression
    ? callee.object
    : undefined;
}

/** Parts of a loop's head that run once, before the first pass: `for (init; …)`, `for (… of right)`. */
function runsOnceInLoop(loop: LoopNode, child: TSESTree.Node): boolean {
  if (loop.type === AST_NODE_TYPES.ForStatement) return child === loop.init;
  if (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement)
    return child === loop.right;
  return false;
}

/** Does `node` run once per element of a list or pass of a loop that may grow with the input? */
export function runsPerElement(context: AnyContext, node: TSESTree.Node): boolean {
  let child = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (isLoopNode(current)) {
      if (!runsOnceInLoop(current, child) && !isSmallLoop(current, context)) return true;
    } else if (isFunctionNode(current)) {
      const list = iteratedList(current);
      // Any other function runs when something calls it: what repeats it is not known here.
      if (list === undefined) return false;
      if (!isShortList(list, context)) return true;
    }
  }
  return false;
}
