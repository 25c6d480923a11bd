/**
 * Questions about callbacks and the values they are called on: does this callback return a promise,
 * does the API it is given to ignore what it returns, is the receiver an array, has a value a member.
 * With type information the checker answers; without it, what the file shows (or `unknown`).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type * as ts from 'typescript';

import { getStaticPropertyName, isFunctionNode, skipChainExpression, skipTypeWrappers } from '../ast.js';
import { resolveFunction } from '../origin/function-resolution.js';
import { getProjectKnowledge } from '../project/project.js';
import { type AnyContext } from '../scope.js';
import { getTypeInfo, isAnyOrUnknownType, isThenableType, typeAtLocation, type TypeInfo } from '../type-info.js';
import { getPromiseKnowledge, type Tristate } from './promises.js';

/** Does calling the callback `node` (an inline function or a reference to one) return a promise? */
export function callbackReturnsPromise(context: AnyContext, node: TSESTree.Node): Tristate {
  const knowledge = getPromiseKnowledge(context);
  const value = skipTypeWrappers(node);
  if (isFunctionNode(value)) {
    if (value.async) return value.generator ? 'no' : 'yes';
    if (value.body.type !== AST_NODE_TYPES.BlockStatement) return knowledge.isPromise(value.body);
    const syntactic = knowledge.functionReturnsPromise(value);
    if (syntactic !== 'unknown') return syntactic;
  } else {
    const fn = resolveFunction(context, value);
    if (fn) return callbackReturnsPromise(context, fn);
  }
  const info = getTypeInfo(context);
  // Without types, a function of another project file answers from its export summary.
  if (!info) return getProjectKnowledge(context).resolveImportedFunction(value)?.returnsPromise ?? 'unknown';
  return signaturesReturnPromise(info, value);
}

function signaturesReturnPromise(info: TypeInfo, node: TSESTree.Node): Tristate {
  const isAnyOrUnknown = (type: ts.Type): boolean => isAnyOrUnknownType(info.checker, type);
  const tsNode = info.services.esTreeNodeToTSNodeMap.get(node);
  const type = typeAtLocation(info.checker, tsNode);
  if (isAnyOrUnknown(type)) return 'unknown';
  const signatures = type.getCallSignatures();
  if (signatures.length === 0) return 'unknown';
  const thenable = signatures.map((signature) => isThenableType(info.checker, tsNode, signature.getReturnType()));
  if (thenable.every(Boolean)) return 'yes';
  return thenable.some(Boolean) ? 'unknown' : 'no';
}

/**
 * Does `call` ignore what its callback argument `index` returns? With types: the parameter's
 * signature returns `void` (or anything but a promise, `any` or `unknown`). Without: `unknown`.
 */
export function apiIgnoresCallbackResult(context: AnyContext, call: TSESTree.CallExpression, index: number): Tristate {
  const info = getTypeInfo(context);
  if (!info) return 'unknown';
  const isAnyOrUnknown = (type: ts.Type): boolean => isAnyOrUnknownType(info.checker, type);
  const tsCall = info.services.esTreeNodeToTSNodeMap.get(call);
  const signature = info.checker.getResolvedSignature(tsCall);
  if (!signature) return 'unknown';
  const parameters = signature.getParameters();
  const parameter = parameters[index];
  if (!parameter) return 'unknown';
  const declaration = parameter.valueDeclaration as ts.ParameterDeclaration | undefined;
  if (declaration?.dotDotDotToken) return 'unknown';
  const parameterType = info.checker.getTypeOfSymbolAtLocation(parameter, tsCall);
  const parts = parameterType.isUnion() ? parameterType.types : [parameterType];
  const signatures = parts.flatMap((part) => part.getCallSignatures());
  if (signatures.length === 0) return 'unknown';
  for (const callback of signatures) {
    const returnType = callback.getReturnType();
    if (isAnyOrUnknown(returnType) || isThenableType(info.checker, tsCall, returnType)) return 'no';
    const returnParts = returnType.isUnion() ? returnType.types : [returnType];
    if (returnParts.some((part) => isAnyOrUnknown(part) || isThenableType(info.checker, tsCall, part))) return 'no';
  }
  return 'yes';
}

/** Static methods of `Object` and `Array` that return a new array. */
const ARRAY_FACTORIES: Readonly<Record<string, ReadonlySet<string>>> = {
  Object: new Set(['keys', 'values', 'entries']),
  Array: new Set(['from', 'of']),
};
/** Methods whose result is an array when called on an array (or, for `split`, a string). */
const ARRAY_RETURNING_METHODS: ReadonlySet<string> = new Set([
  'map',
  'filter',
  'slice',
  'concat',
  'flat',
  'flatMap',
  'split',
  'toSorted',
  'toReversed',
]);

/** `Object.keys(o)`, `Array.from(x)`, `ids.map(f)`, `line.split(',')`: calls that return an array in all but contrived code. */
function isArrayReturningCall(value: TSESTree.Node): boolean {
  if (value.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTypeWrappers(skipChainExpression(value.callee));
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getStaticPropertyName(callee);
  if (method === undefined) return false;
  const object = skipTypeWrappers(callee.object);
  const factories = object.type === AST_NODE_TYPES.Identifier ? ARRAY_FACTORIES[object.name] : undefined;
  return factories ? factories.has(method) : ARRAY_RETURNING_METHODS.has(method);
}

/**
 * Is `node` an array or tuple (readonly or not)? An array literal is; with type information the
 * checker decides (every member of a union must be one); without it, or for `any`, an array-returning
 * call says yes and anything else is unknown.
 */
export function isArrayValue(context: AnyContext, node: TSESTree.Node): Tristate {
  const value = skipTypeWrappers(skipChainExpression(node));
  if (value.type === AST_NODE_TYPES.ArrayExpression) return 'yes';
  const info = getTypeInfo(context);
  if (info) {
    const type = info.checker.getNonNullableType(info.typeOf(value));
    if (!isAnyOrUnknownType(info.checker, type)) {
      const parts = type.isUnion() ? type.types : [type];
      return parts.every((part) => info.checker.isArrayType(part) || info.checker.isTupleType(part)) ? 'yes' : 'no';
    }
  }
  return isArrayReturningCall(value) ? 'yes' : 'unknown';
}

/** Has the value of `node` a member called `name`? Only known with type information. */
export function hasMember(context: AnyContext, node: TSESTree.Node, name: string): Tristate {
  const info = getTypeInfo(context);
  if (!info) return 'unknown';
  const type = info.checker.getNonNullableType(info.typeOf(skipTypeWrappers(skipChainExpression(node))));
  if (isAnyOrUnknownType(info.checker, type)) return 'unknown';
  const parts = type.isUnion() ? type.types : [type];
  return parts.every((part) => info.checker.getPropertyOfType(info.checker.getApparentType(part), name) !== undefined)
    ? 'yes'
    : 'no';
}
