/**
 * "Was this promise-or-callback API given its callback?" fs-extra's `remove(path)` returns a promise, and
 * `remove(path, done)` returns `undefined`: the answer is read from the call's arguments, with the number
 * of arguments that come before the optional callback (`leadingArguments` of the catalogue row).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { isFunctionNode } from '../ast.js';
import type { Tristate } from './promises.js';

/** Names that say "this argument is the completion callback". */
export const CALLBACK_NAMES: ReadonlySet<string> = new Set(['callback', 'cb', 'next', 'done', 'callbackFn', 'onDone']);

/** Argument shapes that are never a function. */
const NEVER_FUNCTION: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.ObjectExpression,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.BinaryExpression,
  AST_NODE_TYPES.UnaryExpression,
]);

/**
 * Does the call return a promise? `yes` with no more than `leadingArguments` arguments, or when the last
 * is never a function (an options object, a string); `no` when the last is a function or a value named
 * like a completion callback; otherwise the value a name is bound to (`boundValue`: the file's own
 * knowledge, undefined when it has none) decides the same way, and without an answer the call stays
 * `unknown`: a dropped promise is not reported on a guess.
 */
export function promiseOrCallbackResult(
  call: TSESTree.CallExpression,
  leadingArguments: number,
  boundValue: (identifier: TSESTree.Identifier) => TSESTree.Node | undefined = () => undefined,
): Tristate {
  const args = call.arguments;
  if (args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return 'unknown';
  if (args.length <= leadingArguments) return 'yes';
  const last = args.at(-1)!;
  const name =
    last.type === AST_NODE_TYPES.Identifier
      ? last.name
      : last.type === AST_NODE_TYPES.MemberExpression && last.property.type === AST_NODE_TYPES.Identifier
        ? last.property.name
        : undefined;
  if (name !== undefined && CALLBACK_NAMES.has(name)) return 'no';
  const value = last.type === AST_NODE_TYPES.Identifier ? boundValue(last) : last;
  if (!value) return 'unknown';
  if (isFunctionNode(value)) return 'no';
  return NEVER_FUNCTION.has(value.type) ? 'yes' : 'unknown';
}
