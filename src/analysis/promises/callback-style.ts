/**
 * Callback-style calls: `settings.get(key, (err, value) => …)`, `batch.process(set, fn, opts, done)`.
 * Many APIs answer either with a promise or through a Node-style callback, and return `undefined`
 * when given one: such a call drops no promise, whatever the declared return type says.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getStaticPropertyName, skipChainExpression, skipTypeWrappers } from '../ast.js';
import { PROMISE_CALLBACK_METHODS, PROMISE_RETURNING_APIS } from '../catalog/promise-apis.js';
import { resolveFunction } from '../origin/function-resolution.js';
import { trackModuleReferences } from '../origin/modules.js';
import { getProjectKnowledge } from '../project/project.js';
import { type AnyContext } from '../scope.js';
import { getTypeInfo, isThenableType, unionParts } from '../type-info.js';
import { CALLBACK_NAMES } from './promise-or-callback.js';

/** First-parameter names of an error-first callback. */
const ERROR_PARAMETER_NAMES: ReadonlySet<string> = new Set(['err', 'error', 'e', 'er', 'ex', '_err', '_error', '_e']);

/** A function whose first parameter is an error (`(err, value) => …`), or a value named like a completion callback. */
function isCompletionCallback(argument: TSESTree.Node): boolean {
  if (argument.type === AST_NODE_TYPES.Identifier) return CALLBACK_NAMES.has(argument.name);
  if (argument.type === AST_NODE_TYPES.MemberExpression && !argument.computed)
    return argument.property.type === AST_NODE_TYPES.Identifier && CALLBACK_NAMES.has(argument.property.name);
  if (argument.type !== AST_NODE_TYPES.ArrowFunctionExpression && argument.type !== AST_NODE_TYPES.FunctionExpression)
    return false;
  // An async callback returns a promise of its own: that is a continuation, not a Node-style callback.
  if (argument.async || argument.params.length === 0) return false;
  const first = argument.params[0]!;
  return first.type === AST_NODE_TYPES.Identifier && ERROR_PARAMETER_NAMES.has(first.name);
}

/**
 * The call passes a completion callback last: a function whose first parameter is an error
 * (`(err, value) => …`), or a value named like one (`callback`, `cb`, `next`, `done`).
 */
export function hasTrailingCompletionCallback(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const last = call.arguments.at(-1);
  return last !== undefined && call.arguments.length >= 2 && isCompletionCallback(last);
}

/**
 * Is `call` a callback-style call of a promise-or-callback API, which returns no promise when given
 * its callback? The last argument is a completion callback and the callee accepts an argument there:
 * - a function of this file or of another project file: it has a parameter at that position (or a
 *   rest parameter) and is not `async` (an async function returns its promise whatever it is given);
 * - with types, the signature the call resolves to: a parameter there, and a return type that may be
 *   no promise (`Promise<T> | undefined`, as inferred for `if (!cb) return new Promise(…)`);
 * - a callee nothing resolves: the callback is taken at its word when the call passes something
 *   before it (a lone `f(cb)` is a scheduler's shape as often as an API's), except for a catalogued
 *   promise API, which returns its promise whatever it is passed.
 * `.then`, `.catch` and `.finally` take continuations, never a completion callback.
 */
export function isCallbackStyleCall(context: AnyContext, call: TSESTree.CallExpression): boolean {
  const last = call.arguments.at(-1);
  if (!last || !isCompletionCallback(last)) return false;
  let callee = skipTypeWrappers(skipChainExpression(call.callee));
  let index = call.arguments.length - 1;
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = getStaticPropertyName(callee);
    if (method !== undefined && PROMISE_CALLBACK_METHODS.has(method)) return false;
    // `connect.call(this, opts, cb)`: the function is `connect`, and `this` takes the first argument.
    if (method === 'call' && index >= 1) {
      callee = skipTypeWrappers(skipChainExpression(callee.object));
      index -= 1;
    }
  }
  const fn = resolveFunction(context, callee);
  if (fn) return !fn.async && acceptsArgumentAt(fn.params, index);
  const imported = getProjectKnowledge(context).resolveImportedFunction(callee);
  if (imported) return !imported.isAsync && index < imported.acceptedArguments;
  const typed = typedCallbackStyle(context, call);
  if (typed !== undefined) return typed;
  return hasTrailingCompletionCallback(call) && !trackModuleReferences(context, PROMISE_RETURNING_APIS).has(call);
}

function acceptsArgumentAt(params: readonly TSESTree.Parameter[], index: number): boolean {
  return index < params.length || params.some((param) => param.type === AST_NODE_TYPES.RestElement);
}

/** The signature's answer, or undefined without types or when the checker resolves no signature. */
function typedCallbackStyle(context: AnyContext, call: TSESTree.CallExpression): boolean | undefined {
  const info = getTypeInfo(context);
  if (!info) return undefined;
  const tsNode = info.services.esTreeNodeToTSNodeMap.get(call);
  const signature = info.checker.getResolvedSignature(tsNode);
  if (!signature?.declaration) return undefined;
  const index = call.arguments.length - 1;
  const { parameters } = signature;
  const lastDeclaration = parameters.at(-1)?.valueDeclaration as { dotDotDotToken?: unknown } | undefined;
  if (index >= parameters.length && lastDeclaration?.dotDotDotToken === undefined) return false;
  return unionParts(signature.getReturnType()).some((part) => !isThenableType(info.checker, tsNode, part));
}
