/**
 * Listeners of Node's `process` events: those it runs while it exits or crashes, when the event loop no
 * longer runs anything after them, and those handed a rejected promise.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import { type FunctionNode, getCallOfArgument } from '../ast.js';
import { PROCESS_LISTENER_APIS, REJECTION_EVENTS } from '../catalog/process-events.js';
import { trackModuleReferences } from '../origin/modules.js';
import { type AnyContext } from '../scope.js';

/** Process events whose listeners must finish synchronously: the loop is gone or in an undefined state. */
const SYNC_ONLY_PROCESS_EVENTS: ReadonlySet<string> = new Set([
  'exit',
  'uncaughtException',
  'uncaughtExceptionMonitor',
]);

/** The event `fn` listens to on Node's `process` (`process.on('exit', fn)`), `process` known by origin. */
function processListenerEvent(context: AnyContext, fn: FunctionNode): string | undefined {
  const argument = getCallOfArgument(fn);
  if (!argument || argument.index !== 1 || argument.call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const event = argument.call.arguments[0];
  if (event?.type !== AST_NODE_TYPES.Literal || typeof event.value !== 'string') return undefined;
  return trackModuleReferences(context, PROCESS_LISTENER_APIS).has(argument.call) ? event.value : undefined;
}

/** `process.on('exit', fn)`: a synchronous write there is the only one that is sure to happen. */
export function isProcessExitListener(context: AnyContext, fn: FunctionNode): boolean {
  const event = processListenerEvent(context, fn);
  return event !== undefined && SYNC_ONLY_PROCESS_EVENTS.has(event);
}

/**
 * `process.on('unhandledRejection', (reason, promise) => …)`: the listener of an event that hands
 * over a promise that has already rejected.
 */
export function isProcessRejectionListener(context: AnyContext, fn: FunctionNode): boolean {
  const event = processListenerEvent(context, fn);
  return event !== undefined && REJECTION_EVENTS.has(event);
}
