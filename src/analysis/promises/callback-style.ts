/**
 * Callback-style calls: `settings.get(key, (err, value) => …)`, `batch.process(set, fn, opts, done)`.
 * Many APIs answer either with a promise or through a Node-style callback, and return `undefined`
 * when given one: such a call drops no promise, whatever the declared return type says.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

/** Names that say "this argument is the completion callback". */
const CALLBACK_NAMES: ReadonlySet<string> = new Set(['callback', 'cb', 'next', 'done', 'callbackFn', 'onDone']);

/** First-parameter names of an error-first callback. */
const ERROR_PARAMETER_NAMES: ReadonlySet<string> = new Set(['err', 'error', 'e', 'er', 'ex', '_err', '_error', '_e']);

/**
 * The call passes a completion callback last: a function whose first parameter is an error
 * (`(err, value) => …`), or a value named like one (`callback`, `cb`, `next`, `done`).
 */
export function hasTrailingCompletionCallback(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const last = call.arguments.at(-1);
  if (!last || call.arguments.length < 2) return false;
  if (last.type === AST_NODE_TYPES.Identifier) return CALLBACK_NAMES.has(last.name);
  if (last.type === AST_NODE_TYPES.MemberExpression && !last.computed) return CALLBACK_NAMES.has(last.property.name);
  if (last.type !== AST_NODE_TYPES.ArrowFunctionExpression && last.type !== AST_NODE_TYPES.FunctionExpression)
    return false;
  // An async callback returns a promise of its own: that is a continuation, not a Node-style callback.
  if (last.async || last.params.length === 0) return false;
  const first = last.params[0]!;
  return first.type === AST_NODE_TYPES.Identifier && ERROR_PARAMETER_NAMES.has(first.name);
}
