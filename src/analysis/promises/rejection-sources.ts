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
  getCallOfArgument,
  getMethodName,
  getStaticPropertyName,
  isCallOrNew,
  isFunctionNode,
  skipChainExpression,
  skipTypeWrappers,
} from '../ast.js';
import { PROMISE_CONSTRUCTOR, PROMISE_LIST_COMBINATORS, PROMISE_RESOLVE } from '../catalog/promise-apis.js';
import { THROWING_BUILTINS } from '../catalog/throwing-builtins.js';
import { constantInit, resolveFunction, returnedValuesOf } from '../origin/function-resolution.js';
import { trackModuleReferences } from '../origin/modules.js';
import { type AnyContext, DefinitionType, findVariableAt, type ScopeVariable } from '../scope.js';
import { type CalledFunction, resolveCalledFunction } from './called-function.js';
import { callSettlesOnlyByResolving } from './deferred.js';
import { isNeverRejectingApiCall } from './never-rejecting.js';
import { getPromiseKnowledge, type Tristate } from './promises.js';
import {
  cannotReject,
  collectRejectionSources,
  executorOnlyResolves,
  fulfilmentChain,
  hasRejectionSource,
  isHandledPromiseChain,
  type PromiseJudge,
  type RejectionJudge,
  type RejectionSource,
  resolvesWithoutRejecting,
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
  const chain = fulfilmentChain(call);
  if (!chain) return false;
  const { receiver } = chain;
  const fulfilled =
    receiver.arguments.length === 0 ||
    (receiver.arguments.length === 1 && receiver.arguments[0]!.type === AST_NODE_TYPES.Literal);
  if (fulfilled ? !trackModuleReferences(context, PROMISE_RESOLVE).has(receiver) : !isMicrotaskChain(context, receiver))
    return false;
  return !fulfilmentCallbackCanReject(context, chain.callback);
}

/**
 * `start().then(() => { emit('started'); })`: a chain with a fulfilment callback alone, on a call whose
 * promise cannot reject (`callCanReject`: a function whose body cannot reject, a handled chain, a
 * combination of promises that cannot reject), whose callback has no rejection source. It rejects only
 * through its receiver or its callback, so it cannot: the same answer the bare `start()` gets.
 */
export function isNonRejectingThenChain(context: AnyContext, call: TSESTree.CallExpression): boolean {
  const chain = fulfilmentChain(call);
  return (
    chain !== undefined &&
    !fulfilmentCallbackCanReject(context, chain.callback) &&
    !callCanReject(context, chain.receiver)
  );
}

/** The chain adopts what a fulfilment callback returns and rejects with what it throws: judged as a dropped call's function. */
function fulfilmentCallbackCanReject(context: AnyContext, callback: FunctionNode): boolean {
  if (callback.async) return functionCanReject(context, callback);
  return hasRejectionSource(context.sourceCode, callback, droppedCallJudge(context, true));
}

/**
 * `Promise.allSettled(xs)`, which never rejects given a list; `Promise.all(xs)` or `Promise.race(xs)` over
 * promises none of which can reject. The list is one written here, the `map` of a list by a callback written
 * here whose results cannot reject, or a local list of its own that nothing but `push` of such promises fills
 * (`promises.push(install(m).catch(() => retry.push(m)))`) and that is read only as the combinator's argument
 * or for its `length`. A list that escapes (passed to a function, returned, stored, exported) can take
 * anything, so it can reject.
 */
export function isNonRejectingCombination(context: AnyContext, call: TSESTree.CallExpression): boolean {
  const row = trackModuleReferences(context, PROMISE_LIST_COMBINATORS).get(call)?.row;
  if (!row) return false;
  return row.neverRejects || (call.arguments.length === 1 && listCannotReject(context, call.arguments[0]!));
}

/** Lists being judged: a list whose elements lead back to it (`xs.push(Promise.all(xs))`) can reject. */
const listsInProgress = new WeakSet<TSESTree.Node>();

function listCannotReject(context: AnyContext, input: TSESTree.Node): boolean {
  const node = skipTypeWrappers(skipChainExpression(input));
  if (listsInProgress.has(node)) return false;
  listsInProgress.add(node);
  try {
    return listNodeCannotReject(context, node);
  } finally {
    listsInProgress.delete(node);
  }
}

function listNodeCannotReject(context: AnyContext, node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.ArrayExpression) return elementsCannotReject(context, node.elements);
  if (node.type === AST_NODE_TYPES.CallExpression) return mappedValuesCannotReject(context, node);
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariableAt(context.sourceCode, node, node);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  // `const list = […]` of its own: not destructured, not exported (another module could fill it).
  if (
    !variable ||
    def?.node.type !== AST_NODE_TYPES.VariableDeclarator ||
    def.node.id.type !== AST_NODE_TYPES.Identifier
  )
    return false;
  if (def.node.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return false;
  if (listsInProgress.has(def.node)) return false;
  listsInProgress.add(def.node);
  try {
    return localListCannotReject(context, variable, def.node);
  } finally {
    listsInProgress.delete(def.node);
  }
}

function localListCannotReject(
  context: AnyContext,
  variable: ScopeVariable,
  declarator: TSESTree.VariableDeclarator,
): boolean {
  const init = declarator.init && skipTypeWrappers(declarator.init);
  if (init?.type !== AST_NODE_TYPES.ArrayExpression || !elementsCannotReject(context, init.elements)) return false;
  return variable.references.every((reference) => {
    if (reference.init) return true;
    if (reference.isWrite()) return false;
    const use = reference.identifier as TSESTree.Node;
    const parent = use.parent!;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === use) {
      const name = getStaticPropertyName(parent);
      const outer = parent.parent;
      if (name === 'length') return !(outer.type === AST_NODE_TYPES.AssignmentExpression && outer.left === parent);
      return (
        name === 'push' &&
        outer.type === AST_NODE_TYPES.CallExpression &&
        outer.callee === parent &&
        elementsCannotReject(context, outer.arguments)
      );
    }
    return (
      parent.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments.length === 1 &&
      parent.arguments[0] === use &&
      trackModuleReferences(context, PROMISE_LIST_COMBINATORS).has(parent)
    );
  });
}

/** `items.map((item) => save(item).catch(log))`: a list of what a callback written here returns, none of which can reject. */
function mappedValuesCannotReject(context: AnyContext, call: TSESTree.CallExpression): boolean {
  const callee = skipTypeWrappers(skipChainExpression(call.callee));
  const callback = call.arguments[0];
  if (callee.type !== AST_NODE_TYPES.MemberExpression || getStaticPropertyName(callee) !== 'map') return false;
  if (!isFunctionNode(callback) || callback.generator) return false;
  return callback.async
    ? !functionCanReject(context, callback)
    : returnedValuesOf(callback).every(
        (value) => getPromiseKnowledge(context).isPromise(value) === 'no' || !valueCanReject(context, value),
      );
}

/** No spread, no hole, and each element known not to be a promise or a promise that cannot reject. */
function elementsCannotReject(
  context: AnyContext,
  elements: readonly (TSESTree.Expression | TSESTree.SpreadElement | null)[],
): boolean {
  return elements.every(
    (element) =>
      element !== null &&
      element.type !== AST_NODE_TYPES.SpreadElement &&
      (getPromiseKnowledge(context).isPromise(element) === 'no' || !valueCanReject(context, element)),
  );
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
  if (node.type === AST_NODE_TYPES.Identifier && isFulfilmentValue(context, node)) return false;
  if (node.type === AST_NODE_TYPES.Identifier && !seen.has(node)) {
    seen.add(node);
    const init = constantInit(context, node);
    if (init && !isFunctionNode(init) && init.type !== AST_NODE_TYPES.ClassDeclaration)
      return getPromiseKnowledge(context).isPromise(init) !== 'no' && valueCanReject(context, init, seen);
  }
  return true;
}

/**
 * `value` in `.then((value) => … return value; …)`: the first parameter of a fulfilment callback, never
 * assigned again. A promise is never fulfilled with a thenable (resolving with one adopts it), so returning
 * or awaiting that value cannot reject.
 */
function isFulfilmentValue(context: AnyContext, node: TSESTree.Identifier): boolean {
  const variable = findVariableAt(context.sourceCode, node, node);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== DefinitionType.Parameter || !isFunctionNode(def.node) || def.node.params[0] !== def.name)
    return false;
  if (variable!.references.some((reference) => reference.isWrite())) return false;
  const argument = getCallOfArgument(def.node);
  return (
    argument?.index === 0 &&
    argument.call.type === AST_NODE_TYPES.CallExpression &&
    getMethodName(argument.call) === 'then'
  );
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
  if (isHandledPromiseChain(context.sourceCode, node, scopedChainJudge(context)) || isMicrotaskChain(context, node))
    return false;
  if (isNeverRejectingApiCall(context, node) || isNonRejectingCombination(context, node)) return false;
  // `Promise.resolve()`, `Promise.resolve(1)`: as `cannotReject` reads a returned value.
  if (resolvesWithoutRejecting(context, node)) return false;
  if (isNonRejectingThenChain(context, node)) return false;
  const called = resolveCalledFunction(context, node);
  const bodyCanReject = !called || calledFunctionCanReject(context, called);
  // A deferred's method can reject by its body, yet settles by rejecting only when something calls `reject`
  // (asked last: with types, finding the receiver's class asks the checker).
  return bodyCanReject && !callSettlesOnlyByResolving(context, node);
}

const chainJudges = new WeakMap<TSESTree.Program, PromiseJudge>();

/**
 * The chain questions' judge in the linted file: no knowledge of what is a promise (as the syntactic
 * questions ask), and an awaited value judged by scope, as `withScopedRejection` does.
 */
function scopedChainJudge(context: AnyContext): PromiseJudge {
  const program = context.sourceCode.ast;
  let judge = chainJudges.get(program);
  if (!judge) {
    judge = withScopedRejection(context, () => 'unknown');
    chainJudges.set(program, judge);
  }
  return judge;
}

/**
 * `isPromise`, which also says whether a value a chain's callback awaits or returns can reject, by scope:
 * `.catch(async (error) => { await notify(error); })` handles the chain when `notify` is a function of the
 * file whose body cannot reject, or `.finally(() => this.release())` when `release` guards its body.
 */
export function withScopedRejection(context: AnyContext, isPromise: (node: TSESTree.Node) => Tristate): PromiseJudge {
  const judge = droppedCallJudge(context);
  return Object.assign((node: TSESTree.Node) => isPromise(node), {
    awaitedCanReject: (value: TSESTree.Node) => {
      // A call that throws on purpose rejects the callback that awaits or returns it, promise or not.
      const node = skipTypeWrappers(skipChainExpression(value));
      if (
        (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) &&
        judge.throws!(node)
      )
        return true;
      return getPromiseKnowledge(context).isPromise(value) !== 'no' && valueCanReject(context, value);
    },
  });
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
  if (fn.generator) return false;
  if (!fn.async && getPromiseKnowledge(context).functionReturnsPromise(fn) === 'no') return false;
  const cached = canRejectCache.get(fn);
  if (cached !== undefined) return cached;
  if (inProgress.has(fn) || depth >= MAX_DEPTH) return true;
  inProgress.add(fn);
  depth += 1;
  try {
    const answer = fn.async
      ? findRejectionSources(context, fn).length > 0 ||
        hasRejectionSource(context.sourceCode, fn, droppedCallJudge(context))
      : returnedValuesOf(fn).some(
          (value) => getPromiseKnowledge(context).isPromise(value) !== 'no' && valueCanReject(context, value),
        );
    canRejectCache.set(fn, answer);
    return answer;
  } finally {
    inProgress.delete(fn);
    depth -= 1;
  }
}
