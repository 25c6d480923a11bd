/**
 * Does a function pace its own work? The one reading for a function of the linted file
 * (`pacesInCallee` in ordering.ts) and for a function summarised from another project file
 * (summaries.ts), which differ only in how they tell a sleep from work.
 */
import type { TSESTree } from '@typescript-eslint/types';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { type FunctionNode, isFunctionNode, walkAst } from '../ast.js';

/**
 * Does `fn` wait for real work and sleep besides (`await send(x); await sleep(1000)`)? A function whose
 * only wait is the sleep stands for latency (the guides' `fetchData`), and a sleep in a `catch` is a
 * backoff before a retry: neither paces its caller. Nested functions are left out.
 */
export function pacesItsOwnWork(
  fn: FunctionNode,
  visitorKeys: TSESLint.SourceCode['visitorKeys'],
  isPacing: (awaited: TSESTree.Expression) => boolean,
): boolean {
  let sleeps = false;
  let works = false;
  const visit = (node: TSESTree.Node, inCatch: boolean): void => {
    walkAst(node, visitorKeys, (current) => {
      if (current !== node && isFunctionNode(current)) return false;
      if (current.type === AST_NODE_TYPES.CatchClause) {
        visit(current.body, true);
        return false;
      }
      if (current.type === AST_NODE_TYPES.AwaitExpression) {
        if (!isPacing(current.argument)) works = true;
        else if (!inCatch) sleeps = true;
      }
      return true;
    });
  };
  visit(fn.body, false);
  return sleeps && works;
}
