/**
 * "Where can this async function's promise really reject?" The places in its body that make it
 * reject with nothing in the function to catch them: a `throw`, an awaited call that can reject, a
 * `for await`, a returned call's promise. A call counts unless it is known not to reject: a handled
 * chain, a function of the file with no such place itself (followed), a function of another project
 * file (or, with types, the checker's declaration anywhere in the program) whose body cannot reject,
 * a `new Promise` whose executor takes no `reject` and throws nothing of its own, a method of a deferred
 * that only ever resolves (`await this.#ready.valueOrThrow()`, see deferred.ts), a catalogued API that
 * never rejects (`await worker.terminate()`, see never-rejecting.ts). A sync throw from a
 * plain call does not count: it would throw just the same without `async`. This is the evidence
 * behind "an async callback whose promise nobody handles loses an error".
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import {
  type FunctionNode,
  getStaticPropertyName,
  isFunctionNode,
  skipChainExpression,
  skipTypeWrappers,
  walkAst,
} from '../ast.js';
import { PROMISE_CONSTRUCTOR, PROMISE_RESOLVE } from '../catalog/promise-apis.js';
import { trackModuleReferences } from '../origin/modules.js';
import { type AnyContext } from '../scope.js';
import { calledFunctionCannotReject, resolveCalledFunction } from './called-function.js';
import { callSettlesOnlyByResolving } from './deferred.js';
import { isNeverRejectingApiCall } from './never-rejecting.js';
import { getPromiseKnowledge } from './promises.js';
import { cannotReject, executorOnlyResolves, isHandledPromiseChain, isInsideTryBlock } from './rejection.js';

export interface RejectionSource {
  /** The `throw` statement, the `await` expression, the `for await` loop or the returned call. */
  readonly node: TSESTree.Node;
  readonly kind: 'throw' | 'await' | 'for-await' | 'return';
}

const cache = new WeakMap<FunctionNode, readonly RejectionSource[]>();

/** The unguarded places where the promise of the async function `fn` can reject, in source order. */
export function findRejectionSources(context: AnyContext, fn: FunctionNode): readonly RejectionSource[] {
  let sources = cache.get(fn);
  if (!sources) {
    sources = computeRejectionSources(context, fn);
    cache.set(fn, sources);
  }
  return sources;
}

function computeRejectionSources(context: AnyContext, fn: FunctionNode): readonly RejectionSource[] {
  if (!fn.async || fn.generator || cannotReject(context, fn)) return [];
  return bodyRejectionSources(context, fn);
}

/** The rejection sources in the body of `fn`, async or not (a promise callback's `throw` rejects the chain). */
function bodyRejectionSources(context: AnyContext, fn: FunctionNode): readonly RejectionSource[] {
  const sourceCode = context.sourceCode;
  const sources: RejectionSource[] = [];
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement && returnedPromiseCanReject(context, fn.body)) {
    sources.push({ node: fn.body, kind: 'return' });
  }
  walkAst(fn.body, sourceCode.visitorKeys, (node) => {
    if (isFunctionNode(node)) return false;
    const source = rejectionSourceAt(context, node);
    // A `return` hands its promise out of any `try`; the others are caught by an enclosing `try … catch`.
    if (source && (source.kind === 'return' || !isInsideTryBlock(source.node, fn))) sources.push(source);
    return true;
  });
  return sources;
}

/**
 * `Promise.resolve().then(() => { if (!cancelled) run(); })`: a microtask scheduled on a promise already
 * fulfilled (the global `Promise.resolve` given nothing or a literal, or another such chain) whose
 * callback has no rejection source (a `throw` of its own, an awaited or returned promise that can
 * reject). Such a chain cannot reject: a throw from a plain call in the callback is a bug, which ends
 * as an unhandled rejection as a `queueMicrotask` callback's ends as an uncaught exception.
 */
export function isMicrotaskChain(context: AnyContext, call: TSESTree.CallExpression): boolean {
  const callee = skipTypeWrappers(skipChainExpression(call.callee));
  if (callee.type !== AST_NODE_TYPES.MemberExpression || getStaticPropertyName(callee) !== 'then') return false;
  const callback = call.arguments[0];
  if (call.arguments.length !== 1 || !isFunctionNode(callback) || callback.generator) return false;
  const receiver = skipTypeWrappers(skipChainExpression(callee.object));
  if (receiver.type !== AST_NODE_TYPES.CallExpression) return false;
  const fulfilled =
    receiver.arguments.length === 0 ||
    (receiver.arguments.length === 1 && receiver.arguments[0]!.type === AST_NODE_TYPES.Literal);
  if (fulfilled ? !trackModuleReferences(context, PROMISE_RESOLVE).has(receiver) : !isMicrotaskChain(context, receiver))
    return false;
  const sources = callback.async ? findRejectionSources(context, callback) : bodyRejectionSources(context, callback);
  return sources.length === 0;
}

function rejectionSourceAt(context: AnyContext, node: TSESTree.Node): RejectionSource | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.ThrowStatement:
      return { node, kind: 'throw' };
    case AST_NODE_TYPES.AwaitExpression:
      return callCanReject(context, node.argument) ? { node, kind: 'await' } : undefined;
    case AST_NODE_TYPES.ForOfStatement:
      return node.await ? { node, kind: 'for-await' } : undefined;
    case AST_NODE_TYPES.ReturnStatement:
      return node.argument && returnedPromiseCanReject(context, node.argument)
        ? { node: node.argument, kind: 'return' }
        : undefined;
    default:
      return undefined;
  }
}

/** A returned call known to give a promise that can reject (an unknown call may return a plain value). */
function returnedPromiseCanReject(context: AnyContext, node: TSESTree.Node): boolean {
  return getPromiseKnowledge(context).isPromise(node) === 'yes' && callCanReject(context, node);
}

/** Is `node` a call (or `new`) whose promise can reject? Values that are not calls are left out: their origin is unknown. */
function callCanReject(context: AnyContext, input: TSESTree.Node): boolean {
  const node = skipTypeWrappers(skipChainExpression(input));
  if (node.type === AST_NODE_TYPES.NewExpression) {
    if (!trackModuleReferences(context, PROMISE_CONSTRUCTOR).has(node)) return true;
    return !executorOnlyResolves(context.sourceCode, node.arguments[0]);
  }
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  if (isHandledPromiseChain(context.sourceCode, node) || isMicrotaskChain(context, node)) return false;
  if (isNeverRejectingApiCall(context, node)) return false;
  const called = resolveCalledFunction(context, node);
  const bodyCanReject =
    !called ||
    (called.kind === 'local' ? functionCanReject(context, called.fn) : !calledFunctionCannotReject(context, called));
  // A deferred's method can reject by its body, yet settles by rejecting only when something calls `reject`
  // (asked last: with types, finding the receiver's class asks the checker).
  return bodyCanReject && !callSettlesOnlyByResolving(context, node);
}

/** Functions whose sources are being computed: a recursive call counts as one that can reject. */
const inProgress = new WeakSet<FunctionNode>();

/** Can calling the same-file function `fn` give a promise that rejects? Async functions answer from their own sources. */
function functionCanReject(context: AnyContext, fn: FunctionNode): boolean {
  if (cannotReject(context, fn)) return false;
  if (!fn.async || fn.generator) return getPromiseKnowledge(context).functionReturnsPromise(fn) !== 'no';
  if (inProgress.has(fn)) return true;
  inProgress.add(fn);
  try {
    return findRejectionSources(context, fn).length > 0;
  } finally {
    inProgress.delete(fn);
  }
}
