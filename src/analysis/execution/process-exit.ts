/** Listeners the process runs while it exits or crashes, when the event loop no longer runs anything after them. */
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import { type FunctionNode, getCallOfArgument, skipChainExpression } from '../ast.js';

/** Process events whose listeners must finish synchronously: the loop is gone or in an undefined state. */
const SYNC_ONLY_PROCESS_EVENTS: ReadonlySet<string> = new Set([
  'exit',
  'uncaughtException',
  'uncaughtExceptionMonitor',
]);

/** `process.on('exit', fn)`: a synchronous write there is the only one that is sure to happen. */
export function isProcessExitListener(fn: FunctionNode): boolean {
  const argument = getCallOfArgument(fn);
  if (!argument || argument.index !== 1 || argument.call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipChainExpression(argument.call.callee);
  const event = argument.call.arguments[0];
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'process' &&
    event?.type === AST_NODE_TYPES.Literal &&
    typeof event.value === 'string' &&
    SYNC_ONLY_PROCESS_EVENTS.has(event.value)
  );
}
