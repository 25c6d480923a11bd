/**
 * Replace a sync-over-async bridge call by awaiting what it waits for, as its catalogue row's
 * `asyncForm` says: `deasync(readFile)(p)` → `await promisify(readFile)(p)`, `deasync.await(p)` →
 * `await p`, `synchronize(fetchUser)(id)` → `await fetchUser(id)`, `sleep(ms)` → `await sleep(ms)`
 * from `node:timers/promises`. Plan first (is there a rewrite, what does it call?), then apply.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { isFunctionNode, skipTypeWrappers } from '../ast.js';
import type { SyncBridgeRow } from '../catalog/sync-bridges.js';
import { findAwaitableFunction } from '../execution/await-position.js';
import type { FactoryResultUse } from '../origin/factory-results.js';
import { resolveFunction } from '../origin/function-resolution.js';
import { getPromiseKnowledge } from '../promises/promises.js';
import { type AnyContext, findVariableAt } from '../scope.js';
import { planImport } from './imports.js';
import { makeFunctionAsync, prefixWithKeyword } from './prefix.js';
import { Precedence, textWithPrecedence } from './syntax.js';

type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/** What the rewrite does, for the suggestion's message. */
type SyncBridgeFixKind = 'promisify' | 'await-promise' | 'await-original' | 'timers-sleep';

export interface SyncBridgeFixPlan {
  readonly kind: SyncBridgeFixKind;
  /** The callback-style or asynchronous original the bridge wraps (`promisify`, `await-original`). */
  readonly original?: TSESTree.Node;
  /** How the file names the import the fix uses: `promisify`, `sleep`. */
  readonly reference?: string;
  /** The rewrite, or undefined where the call's shape or position has none. */
  readonly apply?: (fixer: Fixer) => Fix[];
}

/** Can `await` be added at `node`? The fixes that make it possible (none, or making a promise callback async). */
function planAwait(context: AnyContext, node: TSESTree.Node): ((fixer: Fixer) => Fix[]) | undefined {
  const fn = findAwaitableFunction(context, node);
  if (!fn) return undefined;
  if (fn.async) return () => [];
  return (fixer) => {
    const fix = makeFunctionAsync(fixer, context.sourceCode, fn);
    return fix ? [fix] : [];
  };
}

/** Is `expression` (a name or a member chain on a name) the same value at `site` as where it is written? */
function isVisibleAt(context: AnyContext, expression: TSESTree.Node, site: TSESTree.Node): boolean {
  let root = skipTypeWrappers(expression);
  while (root.type === AST_NODE_TYPES.MemberExpression && !root.computed) root = skipTypeWrappers(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  return (
    findVariableAt(context.sourceCode, expression, root.name) === findVariableAt(context.sourceCode, site, root.name)
  );
}

/** `readSync(p)` → `await promisify(readFile)(p)`: replace the callee, then await the call. */
function awaitWithCallee(
  context: AnyContext,
  call: TSESTree.CallExpression,
  callee: (fixer: Fixer) => { text: string; fixes: Fix[] },
): ((fixer: Fixer) => Fix[]) | undefined {
  const prepare = planAwait(context, call);
  if (!prepare || call.callee.type === AST_NODE_TYPES.ChainExpression || call.optional) return undefined;
  return (fixer) => {
    const replacement = callee(fixer);
    return [
      ...prepare(fixer),
      ...replacement.fixes,
      fixer.replaceText(call.callee, replacement.text),
      ...prefixWithKeyword(fixer, context.sourceCode, call, 'await'),
    ];
  };
}

/**
 * The plan for a bridge call `call` of `row`; `factoryUse` is the factory call in this file that made
 * the callee (`deasync(fn)`), when there is one. Undefined for rows without an awaitable form.
 */
export function planSyncBridgeFix(
  context: AnyContext,
  call: TSESTree.CallExpression,
  row: SyncBridgeRow,
  factoryUse: FactoryResultUse<SyncBridgeRow> | undefined,
): SyncBridgeFixPlan | undefined {
  const sourceCode = context.sourceCode;
  const factoryCall =
    factoryUse?.factory.node.type === AST_NODE_TYPES.CallExpression ? factoryUse.factory.node : undefined;
  // Only a direct call of the factory's result (`readSync(p)`, `deasync(fn)(p)`) has the original's arguments.
  const callsResult =
    factoryCall !== undefined &&
    factoryUse!.steps.length === 1 &&
    (skipTypeWrappers(call.callee) === factoryCall || skipTypeWrappers(call.callee).type === AST_NODE_TYPES.Identifier);
  switch (row.asyncForm) {
    case 'promisify-argument': {
      const original = factoryCall?.arguments[0];
      if (!callsResult || !original || !isVisibleAt(context, original, call)) return { kind: 'promisify' };
      const plan = planImport(sourceCode, context.filename, { module: 'node:util', name: 'promisify' }, call);
      const originalText = sourceCode.getText(original);
      const apply = awaitWithCallee(context, call, (fixer) => ({
        text: `${plan.reference}(${originalText})`,
        fixes: plan.fix(fixer),
      }));
      return { kind: 'promisify', original, reference: plan.reference, ...(apply ? { apply } : {}) };
    }
    case 'await-argument': {
      const promise = call.arguments[0];
      const prepare = planAwait(context, call);
      if (call.arguments.length !== 1 || !promise || promise.type === AST_NODE_TYPES.SpreadElement || !prepare)
        return { kind: 'await-promise' };
      return {
        kind: 'await-promise',
        apply: (fixer) => [
          ...prepare(fixer),
          fixer.replaceText(call, textWithPrecedence(sourceCode, promise, Precedence.Unary)),
          ...prefixWithKeyword(fixer, sourceCode, call, 'await'),
        ],
      };
    }
    case 'await-original': {
      const original = factoryCall?.arguments[factoryCall.arguments.length - 1];
      if (!original || original.type === AST_NODE_TYPES.SpreadElement) return { kind: 'await-original' };
      const promises = getPromiseKnowledge(context);
      const fn = resolveFunction(context, original);
      if (
        !callsResult ||
        isFunctionNode(original) ||
        !fn ||
        promises.functionReturnsPromise(fn) !== 'yes' ||
        !isVisibleAt(context, original, call)
      ) {
        return { kind: 'await-original', original };
      }
      const originalText = sourceCode.getText(original);
      const apply = awaitWithCallee(context, call, () => ({ text: originalText, fixes: [] }));
      return { kind: 'await-original', original, ...(apply ? { apply } : {}) };
    }
    case 'timers-sleep': {
      if (call.arguments.length !== 1 || call.arguments[0]!.type === AST_NODE_TYPES.SpreadElement)
        return { kind: 'timers-sleep' };
      const plan = planImport(
        sourceCode,
        context.filename,
        { module: 'node:timers/promises', name: 'setTimeout', alias: 'sleep', preferAlias: true },
        call,
      );
      const apply = awaitWithCallee(context, call, (fixer) => ({ text: plan.reference, fixes: plan.fix(fixer) }));
      return { kind: 'timers-sleep', reference: plan.reference, ...(apply ? { apply } : {}) };
    }
    default:
      return undefined;
  }
}
