/**
 * Where does a node run? The nearest function that is really a separate piece of code (callbacks
 * that run synchronously inside their caller, like `arr.map(fn)` or an IIFE, are looked through),
 * classified by how the event loop runs it.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import {
  type FunctionNode,
  getCallOfArgument,
  getMethodName,
  isCallee,
  isFunctionNode,
  skipChainExpression,
} from '../ast.js';
import { EVENT_LOOP_CALLBACK_APIS, LISTENER_METHODS, SYNC_CALLBACK_METHODS } from '../catalog/event-loop-callbacks.js';
import { PROMISE_CALLBACK_METHODS, PROMISE_CONSTRUCTOR } from '../catalog/promise-apis.js';
import { trackModuleReferences } from '../origin/modules.js';
import { type AnyContext } from '../scope.js';
import { isRouteHandlerArgument } from './route-handlers.js';

export type ExecutionKind =
  /** An `async` function, arrow or method (not a generator). */
  | 'async-function'
  /** An `async function*`. */
  | 'async-generator'
  /** A plain `function*`. */
  | 'generator'
  /** A non-async callback of `.then/.catch/.finally`. */
  | 'promise-callback'
  /** A non-async callback handed to the event loop: timers, microtasks, listeners, request handlers. */
  | 'event-loop-callback'
  /** Any other function: runs when some code calls it. */
  | 'sync-function'
  /** Module or script top level. */
  | 'module';

export interface ExecutionContext {
  readonly kind: ExecutionKind;
  /** The function, or undefined at top level. */
  readonly fn: FunctionNode | undefined;
  /**
   * True when the code runs as a turn of an already running event loop: async functions,
   * promise callbacks and event-loop callbacks. Blocking here stalls every other task.
   */
  readonly onEventLoop: boolean;
}

const MODULE_CONTEXT: ExecutionContext = { kind: 'module', fn: undefined, onEventLoop: false };

/** The context of the code directly inside each function, transparent callbacks answered by their outer function. */
const insideCache = new WeakMap<FunctionNode, ExecutionContext>();

/** The execution context of the code at `node`. */
export function findExecutionContext(context: AnyContext, node: TSESTree.Node): ExecutionContext {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return contextInside(context, current);
  }
  return MODULE_CONTEXT;
}

/** Asked for every call the rules judge: one lookup per call, not a transparency test per enclosing callback. */
function contextInside(context: AnyContext, fn: FunctionNode): ExecutionContext {
  let result = insideCache.get(fn);
  if (!result) {
    result = isTransparentCallback(context, fn) ? findExecutionContext(context, fn) : classifyFunction(context, fn);
    insideCache.set(fn, result);
  }
  return result;
}

/** How the event loop runs this function, ignoring where it is nested. */
function classifyFunction(context: AnyContext, fn: FunctionNode): ExecutionContext {
  const kind = classifyKind(context, fn);
  return {
    kind,
    fn,
    onEventLoop:
      kind === 'async-function' ||
      kind === 'async-generator' ||
      kind === 'promise-callback' ||
      kind === 'event-loop-callback',
  };
}

function classifyKind(context: AnyContext, fn: FunctionNode): ExecutionKind {
  if (fn.async) return fn.generator ? 'async-generator' : 'async-function';
  if (fn.generator) return 'generator';
  const argument = getCallOfArgument(fn);
  if (argument && argument.call.type === AST_NODE_TYPES.CallExpression) {
    const { call, index } = argument;
    const method = getMethodName(call);
    if (method && PROMISE_CALLBACK_METHODS.has(method)) return 'promise-callback';
    if (method && LISTENER_METHODS.has(method) && index >= 1) return 'event-loop-callback';
    if (isEventLoopCallbackArgument(context, call, index)) return 'event-loop-callback';
    if (isRouteHandlerArgument(context, call, index)) return 'event-loop-callback';
  }
  return 'sync-function';
}

/** Is argument `index` of `call` a callback the event loop runs later (timers, servers)? */
export function isEventLoopCallbackArgument(
  context: AnyContext,
  call: TSESTree.CallExpression,
  index: number,
): boolean {
  const reference = trackModuleReferences(context, EVENT_LOOP_CALLBACK_APIS).get(call);
  if (!reference) return false;
  const wanted = reference.row.callbackArgument === 'last' ? call.arguments.length - 1 : reference.row.callbackArgument;
  return wanted === index;
}

/**
 * A callback that runs synchronously inside its caller and so shares the caller's context:
 * `items.map(fn)`, `new Promise(executor)`, an immediately invoked function.
 */
export function isTransparentCallback(context: AnyContext, fn: FunctionNode): boolean {
  if (fn.async || fn.generator) return false;
  if (isCallee(fn)) return true;
  const argument = getCallOfArgument(fn);
  if (!argument) return false;
  const { call, index } = argument;
  if (call.type === AST_NODE_TYPES.NewExpression) {
    return index === 0 && trackModuleReferences(context, PROMISE_CONSTRUCTOR).has(call);
  }
  const method = getMethodName(call);
  if (method && SYNC_CALLBACK_METHODS.has(method) && index === 0) return true;
  // Array.from(items, fn)
  const callee = skipChainExpression(call.callee);
  return (
    index === 1 &&
    method === 'from' &&
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Array'
  );
}
