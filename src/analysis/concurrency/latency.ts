/**
 * Is there any waiting to overlap in an awaited call? Running awaits together only saves time when
 * each of them waits for something (I/O, a timer, another process). Two kinds of `async` function of
 * the same file wait for nothing worth overlapping:
 * - one whose body awaits nothing and calls nothing (`async requiresVerification({ email }) { return
 *   !!email; }`): its promise is settled when the call returns;
 * - one whose only awaits are dynamic `import()`s and that calls nothing else: it loads modules, which
 *   Node.js caches after the first call.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { type FunctionNode, isFunctionNode, skipChainExpression, skipTypeWrappers, walkAst } from '../ast.js';
import { resolveFunction } from '../origin/function-resolution.js';
import type { AnyContext } from '../scope.js';

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
