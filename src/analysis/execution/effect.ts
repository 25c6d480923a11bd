/**
 * Effect programs in a file: the calls that run an effect on a runtime, and the functions that run
 * as part of an effect (generator bodies, `Effect.promise` thunks, …), by origin.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { type FunctionNode, getCallOfArgument, isFunctionNode } from '../ast.js';
import { EFFECT_BODY_APIS, EFFECT_RUN_APIS, type EffectBodyRow, type EffectRunRow } from '../catalog/effect.js';
import { trackFactoryResults } from '../origin/factory-results.js';
import { trackModuleReferences } from '../origin/modules.js';
import { type AnyContext } from '../scope.js';

export interface EffectRun {
  /** The call that runs the effect. */
  readonly call: TSESTree.CallExpression;
  readonly row: EffectRunRow;
  /** The effect being run, when it is an argument of `call`. */
  readonly effect: TSESTree.CallExpressionArgument | undefined;
}

const runCache = new WeakMap<TSESTree.Program, ReadonlyMap<TSESTree.Node, EffectRun>>();

/** Every call in the file that runs an effect on a runtime, keyed by the call. */
export function trackEffectRuns(context: AnyContext): ReadonlyMap<TSESTree.Node, EffectRun> {
  const program = context.sourceCode.ast;
  const cached = runCache.get(program);
  if (cached) return cached;
  const runs = new Map<TSESTree.Node, EffectRun>();
  for (const { node, row } of trackModuleReferences(context, EFFECT_RUN_APIS).values()) {
    if (node.type !== AST_NODE_TYPES.CallExpression) continue;
    if (row.run === 'direct') runs.set(node, { call: node, row, effect: node.arguments[0] });
    // Runtime.runPromise(runtime, effect); with one argument it only makes a runner.
    else if (row.run === 'curried' && node.arguments.length >= 2)
      runs.set(node, { call: node, row, effect: node.arguments[1] });
  }
  for (const { node, factory } of trackFactoryResults(context, EFFECT_RUN_APIS).values()) {
    if (node.type !== AST_NODE_TYPES.CallExpression || runs.has(node)) continue;
    runs.set(node, { call: node, row: factory.row, effect: node.arguments[0] });
  }
  runCache.set(program, runs);
  return runs;
}

export interface EffectBody {
  /** The API call whose argument `fn` is (`Effect.gen(…)`, `Effect.promise(…)`, or the call of `Effect.fn('name')`). */
  readonly call: TSESTree.CallExpression;
  readonly row: EffectBodyRow;
}

/** Does `fn` run as part of an effect, as the body given to `Effect.gen`, `Effect.fn`, `Effect.sync`, …? */
export function findEffectBody(context: AnyContext, fn: FunctionNode): EffectBody | undefined {
  const argument = getCallOfArgument(fn);
  if (!argument) return findTryPropertyBody(context, fn);
  const { call, index } = argument;
  if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const reference = trackModuleReferences(context, EFFECT_BODY_APIS).get(call);
  if (reference) {
    const { row } = reference;
    if (row.body === 'generator' && fn.generator) return { call, row };
    if (row.body === 'first-function' && firstFunctionArgument(call) === fn) return { call, row };
    if (row.body === 'thunk' && index === 0) return { call, row };
    return undefined;
  }
  // Effect.fn('name')(function* () {…}): the body is given to the function Effect.fn returned.
  const curried = trackFactoryResults(context, EFFECT_BODY_APIS).get(call);
  if (
    curried &&
    curried.factory.node.type === AST_NODE_TYPES.CallExpression &&
    !firstFunctionArgument(curried.factory.node) &&
    firstFunctionArgument(call) === fn
  ) {
    return { call, row: curried.factory.row };
  }
  return undefined;
}

function firstFunctionArgument(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  return call.arguments.find((argument) => isFunctionNode(argument));
}

/** `Effect.tryPromise({ try: () => …, catch })`: the `try` function is the body. */
function findTryPropertyBody(context: AnyContext, fn: FunctionNode): EffectBody | undefined {
  const property = fn.parent;
  if (property.type !== AST_NODE_TYPES.Property || property.value !== fn || property.computed) return undefined;
  if (property.key.type !== AST_NODE_TYPES.Identifier || property.key.name !== 'try') return undefined;
  const argument = getCallOfArgument(property.parent);
  if (!argument || argument.index !== 0 || argument.call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const reference = trackModuleReferences(context, EFFECT_BODY_APIS).get(argument.call);
  return reference?.row.body === 'thunk' ? { call: argument.call, row: reference.row } : undefined;
}
