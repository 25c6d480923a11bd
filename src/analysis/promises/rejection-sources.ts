/**
 * "Where can this async function's promise really reject?" The places in its body that make it
 * reject with nothing in the function to catch them: a `throw`, an awaited call that can reject, a
 * `for await`, a returned call's promise. A call counts unless it is known not to reject: a handled
 * chain, a function of the file with no such place itself (followed), a function of another project
 * file (or, with types, the checker's declaration anywhere in the program) whose body cannot reject,
 * a `new Promise` whose executor takes no `reject` and throws nothing of its own, a method of a deferred
 * that only ever resolves (`await this.#ready.valueOrThrow()`, see deferred.ts), a catalogued API that
 * never rejects (`await worker.terminate()`, a timer promise of `node:timers/promises` given no abort
 * signal, see never-rejecting.ts), a microtask chain on `Promise.resolve()`. A sync throw from a
 * plain call does not count: it would throw just the same without `async`. This is the evidence
 * behind "an async callback whose promise nobody handles loses an error".
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import {
  type FunctionNode,
  getStaticPropertyName,
  isCallOrNew,
  isFunctionNode,
  skipChainExpression,
  skipTypeWrappers,
} from '../ast.js';
import { PROMISE_CONSTRUCTOR, PROMISE_RESOLVE } from '../catalog/promise-apis.js';
import { THROWING_BUILTINS } from '../catalog/throwing-builtins.js';
import { constantInit, resolveFunction } from '../origin/function-resolution.js';
import { trackModuleReferences } from '../origin/modules.js';
import { type AnyContext } from '../scope.js';
import { type CalledFunction, resolveCalledFunction } from './called-function.js';
import { callSettlesOnlyByResolving } from './deferred.js';
import { isNeverRejectingApiCall } from './never-rejecting.js';
import { getPromiseKnowledge } from './promises.js';
import {
  cannotReject,
  collectRejectionSources,
  executorOnlyResolves,
  hasRejectionSource,
  isHandledPromiseChain,
  type RejectionJudge,
  type RejectionSource,
  throwsOnPurpose,
} from './rejection.js';

export type { RejectionSource };

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
  return collectRejectionSources(context.sourceCode, fn, {
    awaited: (value) => callCanReject(context, value),
    returned: (value) => returnedPromiseCanReject(context, value),
  });
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
  // The chain adopts what the callback returns and rejects with what it throws: judged as a dropped call's function.
  if (callback.async) return !functionCanReject(context, callback);
  return !hasRejectionSource(context.sourceCode, callback, droppedCallJudge(context, true));
}

/** A returned call known to give a promise that can reject (an unknown call may return a plain value). */
function returnedPromiseCanReject(context: AnyContext, node: TSESTree.Node): boolean {
  return getPromiseKnowledge(context).isPromise(node) === 'yes' && callCanReject(context, node);
}

/**
 * Can an awaited or returned value that may be a promise reject? A call or `new` as `callCanReject` says;
 * `import(s)` can; a name bound once to a value as that value (`const p = readFile(x); await p;`); any
 * other value is a promise of unknown origin, which can.
 */
function valueCanReject(context: AnyContext, input: TSESTree.Node, seen = new Set<TSESTree.Node>()): boolean {
  const node = skipTypeWrappers(skipChainExpression(input));
  if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression)
    return callCanReject(context, node);
  if (node.type === AST_NODE_TYPES.Identifier && !seen.has(node)) {
    seen.add(node);
    const init = constantInit(context, node);
    if (init && !isFunctionNode(init) && init.type !== AST_NODE_TYPES.ClassDeclaration)
      return getPromiseKnowledge(context).isPromise(init) !== 'no' && valueCanReject(context, init, seen);
  }
  return true;
}

/**
 * What makes a dropped call's promise (or a microtask chain) reject: an awaited value (a returned call; in a
 * microtask callback, any returned value) unless it is known not to be a promise or not to reject (returning
 * or awaiting a promise hands its rejection on; the callback question leaves an unknown one out), a call outside a `try` that throws on purpose (a helper of the
 * file with a `throw` of its own) or a built-in that throws on bad input (`JSON.parse(s)`, `new URL(s)`, see
 * catalog/throwing-builtins.ts). Other plain calls are not counted: any function can throw on a bug.
 */
function droppedCallJudge(context: AnyContext, returnedValues = false): RejectionJudge {
  const mayBePromise = (value: TSESTree.Node): boolean => getPromiseKnowledge(context).isPromise(value) !== 'no';
  return {
    awaited: (value) => mayBePromise(value) && valueCanReject(context, value),
    // A returned value that is not a call (`return payload`) counts in a microtask callback only (`() => p`):
    // an async function's `return` of a name is mostly its result object.
    returned: (value) =>
      (returnedValues || isCallOrNew(value)) && mayBePromise(value) && valueCanReject(context, value),
    throws: (call) => {
      if (trackModuleReferences(context, THROWING_BUILTINS).has(call)) return true;
      if (call.type !== AST_NODE_TYPES.CallExpression) return false;
      const called = resolveFunction(context, call.callee);
      return called !== undefined && throwsOnPurpose(context.sourceCode, called);
    },
  };
}

/** Is `node` a call (or `new`) whose promise can reject? Values that are not calls are left out: their origin is unknown. */
function callCanReject(context: AnyContext, input: TSESTree.Node): boolean {
  const node = skipTypeWrappers(skipChainExpression(input));
  if (node.type === AST_NODE_TYPES.NewExpression) {
    if (!trackModuleReferences(context, PROMISE_CONSTRUCTOR).has(node)) return true;
    return !executorOnlyResolves(context, node.arguments[0]);
  }
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  if (isHandledPromiseChain(context.sourceCode, node) || isMicrotaskChain(context, node)) return false;
  if (isNeverRejectingApiCall(context, node)) return false;
  const called = resolveCalledFunction(context, node);
  const bodyCanReject = !called || calledFunctionCanReject(context, called);
  // A deferred's method can reject by its body, yet settles by rejecting only when something calls `reject`
  // (asked last: with types, finding the receiver's class asks the checker).
  return bodyCanReject && !callSettlesOnlyByResolving(context, node);
}

/**
 * Can the promise of the function a call runs reject? A function of this file answers from its own
 * sources, followed into what it awaits (see `functionCanReject`); a function of another file from its
 * summary, judged the same way on that file's tree.
 */
export function calledFunctionCanReject(context: AnyContext, called: CalledFunction): boolean {
  if (called.kind === 'local') return functionCanReject(context, called.fn);
  return !called.summary.cannotReject && !called.summary.noRejectionSource;
}

/** How deep awaited functions of this file are followed; deeper ones count as able to reject. */
const MAX_DEPTH = 8;
let depth = 0;

/** Functions being judged: a recursive call counts as one that can reject. */
const inProgress = new WeakSet<FunctionNode>();
const canRejectCache = new WeakMap<FunctionNode, boolean>();

/**
 * Can calling the same-file function `fn` give a promise that rejects? Async functions answer from their
 * own sources, with a returned call counted unless it is known not to be a promise or not to reject:
 * returning it hands its rejection to the caller (the callback question leaves an unknown one out).
 */
function functionCanReject(context: AnyContext, fn: FunctionNode): boolean {
  if (cannotReject(context, fn)) return false;
  if (!fn.async || fn.generator) return getPromiseKnowledge(context).functionReturnsPromise(fn) !== 'no';
  const cached = canRejectCache.get(fn);
  if (cached !== undefined) return cached;
  if (inProgress.has(fn) || depth >= MAX_DEPTH) return true;
  inProgress.add(fn);
  depth += 1;
  try {
    const answer =
      findRejectionSources(context, fn).length > 0 ||
      hasRejectionSource(context.sourceCode, fn, droppedCallJudge(context));
    canRejectCache.set(fn, answer);
    return answer;
  } finally {
    inProgress.delete(fn);
    depth -= 1;
  }
}
