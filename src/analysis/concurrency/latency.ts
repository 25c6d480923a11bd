/**
 * Is there any waiting to overlap in an awaited call? Running awaits together only saves time when
 * each of them waits for something (I/O, a timer, another process). Two kinds of `async` function of
 * the same file wait for nothing worth overlapping:
 * - one whose body awaits nothing and calls nothing (`async requiresVerification({ email }) { return
 *   !!email; }`): its promise is settled when the call returns;
 * - one whose only awaits are dynamic `import()`s and that calls nothing else: it loads modules, which
 *   Node.js caches after the first call.
 * And some awaited calls are known to wait long: a request to a remote service (`waitsRemotely`).
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
import { PROMISE_CALLBACK_METHODS } from '../catalog/promise-apis.js';
import { HTTP_CLIENT_APIS } from '../catalog/read-calls.js';
import { resolveFunction } from '../origin/function-resolution.js';
import { trackModuleReferences } from '../origin/modules.js';
import type { AnyContext } from '../scope.js';
import { isPacingExpression } from './ordering.js';

/** `none`: settled at once; `module-load`: only dynamic imports; `unknown`: anything else. */
export type AwaitedLatency = 'none' | 'module-load' | 'unknown';

const cache = new WeakMap<TSESTree.Node, AwaitedLatency>();

/** What the `async` function `fn` waits for, from its own body (nested functions left out). */
function latencyOfBody(context: AnyContext, fn: FunctionNode): AwaitedLatency {
  if (!fn.async || fn.generator) return 'unknown';
  let imports = 0;
  let waits = false;
  walkAst(fn.body, context.sourceCode.visitorKeys, (current) => {
    if (waits) return false;
    if (current !== fn.body && isFunctionNode(current)) return false;
    switch (current.type) {
      case AST_NODE_TYPES.AwaitExpression:
        if (skipTypeWrappers(current.argument).type === AST_NODE_TYPES.ImportExpression) imports += 1;
        else waits = true;
        return true;
      case AST_NODE_TYPES.ImportExpression:
        // An import that is not awaited right away is handed on: whoever gets it waits for it.
        if (current.parent.type !== AST_NODE_TYPES.AwaitExpression) waits = true;
        return true;
      case AST_NODE_TYPES.NewExpression:
        // `throw new ValidationError(…)` rejects at once; any other object built may start work.
        if (current.parent.type !== AST_NODE_TYPES.ThrowStatement) waits = true;
        return true;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.TaggedTemplateExpression:
      case AST_NODE_TYPES.YieldExpression:
      case AST_NODE_TYPES.ForOfStatement:
        waits = true;
        return false;
      default:
        return true;
    }
  });
  if (waits) return 'unknown';
  return imports > 0 ? 'module-load' : 'none';
}

/**
 * The latency of `await expression` when it calls an `async` function of this file (`await
 * this.isEnabled()`, `await loadTransport()`); `unknown` for anything else.
 */
export function awaitedLatency(context: AnyContext, expression: TSESTree.Node): AwaitedLatency {
  const value = skipTypeWrappers(skipChainExpression(expression));
  if (value.type !== AST_NODE_TYPES.CallExpression) return 'unknown';
  const fn = resolveFunction(context, value.callee);
  if (!fn) return 'unknown';
  let latency = cache.get(fn);
  if (latency === undefined) {
    latency = latencyOfBody(context, fn);
    cache.set(fn, latency);
  }
  return latency;
}

/** How many same-file functions deep `waitsRemotely` follows a call. */
const REMOTE_DEPTH = 3;

const remoteCache = new WeakMap<FunctionNode, boolean>();

/**
 * Does `await expression` wait for a remote service: an HTTP request through a client of the catalogue
 * (`fetch`, `undici`, `axios`, `got`, by origin), or a call of a same-file function (followed three
 * calls deep) that awaits or returns one, or whose own latency a sleep stands for (the asyncio guides'
 * `fetch_data`; a helper whose sleep paces its callers is told apart by `pacesInCallee`)? Two such
 * waits overlap to save a network round trip; two reads of a database or of files save about a
 * millisecond.
 */
export function waitsRemotely(context: AnyContext, expression: TSESTree.Node): boolean {
  return remoteWork(context, expression, REMOTE_DEPTH, new Set());
}

function remoteWork(
  context: AnyContext,
  expression: TSESTree.Node,
  depth: number,
  inProgress: Set<FunctionNode>,
): boolean {
  const value = skipTypeWrappers(skipChainExpression(expression));
  if (value.type !== AST_NODE_TYPES.CallExpression) return false;
  if (trackModuleReferences(context, HTTP_CLIENT_APIS).has(value)) return true;
  const callee = skipTypeWrappers(skipChainExpression(value.callee));
  // `fetch(url).then((res) => res.json())`: the call before the callbacks is the work.
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    PROMISE_CALLBACK_METHODS.has(getStaticPropertyName(callee) ?? '')
  )
    return remoteWork(context, callee.object, depth, inProgress);
  if (depth === 0) return false;
  const fn = resolveFunction(context, value.callee);
  if (!fn || inProgress.has(fn)) return false;
  const cached = remoteCache.get(fn);
  if (cached !== undefined) return cached;
  inProgress.add(fn);
  let remote = false;
  const judge = (work: TSESTree.Node): void => {
    if (!remote) remote = isPacingExpression(context, work) || remoteWork(context, work, depth - 1, inProgress);
  };
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) judge(fn.body);
  walkAst(fn.body, context.sourceCode.visitorKeys, (current) => {
    if (remote) return false;
    if (current !== fn.body && isFunctionNode(current)) return false;
    if (current.type === AST_NODE_TYPES.AwaitExpression) judge(current.argument);
    else if (current.type === AST_NODE_TYPES.ReturnStatement && current.argument) judge(current.argument);
    return true;
  });
  inProgress.delete(fn);
  // A shallower search may miss what a deeper one finds: only a full-depth answer is kept.
  if (remote || depth === REMOTE_DEPTH) remoteCache.set(fn, remote);
  return remote;
}
