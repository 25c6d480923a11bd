/**
 * What calling a function of this file runs before it returns: its body, the callbacks it runs in
 * place (`items.map(fn)`, an IIFE), and, transitively, the same-file functions and `this.method`s it
 * calls. Answers "does calling this helper reach a node of interest?" and names the first one, so a
 * rule can report `logger.write()` at its call site because `write` calls `appendFileSync`.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, isFunctionNode, walkAst } from '../ast.js';
import { isTransparentCallback } from '../execution/execution-context.js';
import { type AnyContext } from '../scope.js';
import { resolveFunction } from './function-resolution.js';

interface ReachedNode {
  /** The first node of interest, in source order, that a call runs. */
  readonly node: TSESTree.Node;
  /** The functions the call goes through to get there: the called function first, the one holding `node` last. */
  readonly via: readonly FunctionNode[];
}

export interface SyncReachSearch {
  /** The first node of interest that calling `fn` runs synchronously, if any. Async functions and generators run nothing of their body synchronously to their caller's eyes and are not followed. */
  find(fn: FunctionNode): ReachedNode | undefined;
  /** The same-file function a call runs, when it can be followed (`helper()`, `this.write()`, `obj.method()`). */
  resolveCallee(call: TSESTree.CallExpression): FunctionNode | undefined;
}

/** A search over the file of `context` for the nodes `isTarget` accepts; results are memoised per function. */
export function createSyncReachSearch(
  context: AnyContext,
  isTarget: (node: TSESTree.Node) => boolean,
): SyncReachSearch {
  const visitorKeys = context.sourceCode.visitorKeys;
  const memo = new Map<FunctionNode, ReachedNode | null>();
  const inProgress = new Set<FunctionNode>();

  function resolveCallee(call: TSESTree.CallExpression): FunctionNode | undefined {
    const callee = call.callee;
    // Cheap filter before resolving: only names and member accesses can lead to a function of this file.
    if (
      callee.type !== AST_NODE_TYPES.Identifier &&
      callee.type !== AST_NODE_TYPES.MemberExpression &&
      callee.type !== AST_NODE_TYPES.ChainExpression
    ) {
      return undefined;
    }
    return resolveFunction(context, callee);
  }

  function find(fn: FunctionNode): ReachedNode | undefined {
    if (fn.async || fn.generator) return undefined;
    const cached = memo.get(fn);
    if (cached !== undefined) return cached ?? undefined;
    if (inProgress.has(fn)) return undefined;
    inProgress.add(fn);
    let found: ReachedNode | undefined;
    // The body only: default values of the parameters run too, but as part of the call's arguments.
    walkAst(fn.body, visitorKeys, (node) => {
      if (found) return false;
      if (isFunctionNode(node) && !isTransparentCallback(context, node)) return false;
      if (isTarget(node)) {
        found = { node, via: [fn] };
        return false;
      }
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const callee = resolveCallee(node);
        if (callee && callee !== fn && !isFunctionNode(node.callee)) {
          const inner = find(callee);
          if (inner) {
            found = { node: inner.node, via: [fn, ...inner.via] };
            return false;
          }
        }
      }
      return true;
    });
    inProgress.delete(fn);
    memo.set(fn, found ?? null);
    return found;
  }

  return { find, resolveCallee };
}
