import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { type FunctionNode, getValueParent, skipChainExpression, skipTypeWrappers } from '../analysis/ast.js';
import { SYNC_BRIDGES, type SyncBridgeRow } from '../analysis/catalog/sync-bridges.js';
import { asyncIifeFunction, isAsyncIifeInAsyncFunction } from '../analysis/execution/async-iife.js';
import { findDirectFunction } from '../analysis/execution/await-position.js';
import { type EffectRun, findEffectBody, trackEffectRuns } from '../analysis/execution/effect.js';
import { findExecutionContext } from '../analysis/execution/execution-context.js';
import { planEffectFix } from '../analysis/fixes/effect.js';
import { prefixWithKeyword } from '../analysis/fixes/prefix.js';
import { planSyncBridgeFix } from '../analysis/fixes/sync-bridge.js';
import { type FactoryResultUse, type ResultStep, trackFactoryResults } from '../analysis/origin/factory-results.js';
import { findImportedFactoryRow } from '../analysis/origin/imported-factories.js';
import { trackModuleReferences } from '../analysis/origin/modules.js';
import { getProjectKnowledge } from '../analysis/project/project.js';
import { getTypeInfo } from '../analysis/type-info.js';
import { createRule } from '../create-rule.js';

type Options = [{ checkAllFunctions?: boolean }];

type MessageIds =
  | 'eventLoopBridge'
  | 'blockingBridge'
  | 'fiberBridge'
  | 'effectRunInsideEffect'
  | 'asyncIifeInAsyncFunction'
  | 'suggestPromisify'
  | 'suggestAwaitPromise'
  | 'suggestAwaitOriginal'
  | 'suggestTimersSleep'
  | 'suggestYieldEffect'
  | 'suggestUnwrapEffect'
  | 'suggestAwaitIife'
  | 'suggestVoidIife';

type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

/** Module names a file must mention before the bridge and Effect indexes are worth building. */
const MODULE_HINT = /deasync|synckit|sync-rpc|make-synchron|fibers|effect/u;

const CALL_RESULT: readonly ResultStep[] = ['call'];

const HELPER_NAME = { 'worker-thread': 'worker thread', 'child-process': 'child process' } as const;

export default createRule<Options, MessageIds>({
  name: 'no-nested-event-loop',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow re-entering or blocking the event loop, or an Effect runtime, from code that already runs on it',
      recommended: true,
      strict: true,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      eventLoopBridge:
        '`{{callee}}` ({{origin}}) runs the event loop inside this call, but this code already runs on the event loop: other callbacks run in the middle of it, and a nested wait can deadlock. {{advice}}',
      blockingBridge:
        '`{{callee}}` ({{origin}}) blocks the thread until a {{helper}} finishes async work, but this code runs on the event loop: every other task freezes meanwhile, and it deadlocks if the {{helper}} needs this thread. {{advice}}',
      fiberBridge:
        '`{{callee}}` ({{origin}}) suspends a fiber, but this code runs on the event loop outside any fiber: it throws, or stalls everything else. Use promises and `await` instead.',
      effectRunInsideEffect:
        "`{{callee}}` starts a new Effect runtime inside a running effect: the inner program loses the fiber's services, interruption and typed errors. Compose the effect with `yield*` instead.",
      asyncIifeInAsyncFunction:
        'This async IIFE starts a second async program inside a running async function and nothing awaits it: its errors become unhandled rejections and it races the rest of the function. Await it, or mark it detached with `void`.',
      suggestPromisify: 'Await the callback-style original: `await {{promisify}}({{original}})(…)`.',
      suggestAwaitPromise: 'Await the promise instead of blocking on it.',
      suggestAwaitOriginal: 'Await the asynchronous function `{{original}}` instead.',
      suggestTimersSleep: "Await `setTimeout` from 'node:timers/promises' instead of blocking.",
      suggestYieldEffect: 'Compose the effect: `yield* {{effect}}`.',
      suggestUnwrapEffect: 'Use the effect `{{effect}}` itself instead of running it on a new runtime.',
      suggestAwaitIife: 'Await the async IIFE.',
      suggestVoidIife: 'Detach it on purpose with `void`.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          checkAllFunctions: {
            type: 'boolean',
            description:
              'Also report sync-over-async bridges in plain synchronous functions (a function may be called from async code); module top level is never reported.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkAllFunctions: false }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const checkAllFunctions = options.checkAllFunctions === true;
    const mentionsModules = MODULE_HINT.test(sourceCode.text);
    const typed = getTypeInfo(context) !== undefined;

    function shortText(node: TSESTree.Node): string {
      const text = sourceCode.getText(node).split('\n')[0]!;
      return text.length > 40 ? `${text.slice(0, 39)}…` : text;
    }

    function originOf(row: SyncBridgeRow): string {
      return row.path.length > 0 ? `${row.path.join('.')} from '${row.module}'` : `'${row.module}'`;
    }

    /** The message's advice for a bridge, and the suggestion that follows it where the rewrite applies. */
    function bridgeAdvice(
      call: TSESTree.CallExpression,
      row: SyncBridgeRow,
      factoryUse: FactoryResultUse<SyncBridgeRow> | undefined,
    ): { advice: string; suggest: Suggestion[] } {
      if (row.asyncForm === 'worker-path') {
        const factoryCall =
          factoryUse?.factory.node.type === AST_NODE_TYPES.CallExpression ? factoryUse.factory.node : undefined;
        const worker = factoryCall?.arguments[0];
        const target =
          worker && worker.type !== AST_NODE_TYPES.SpreadElement ? `the worker \`${shortText(worker)}\`` : 'the worker';
        const how =
          row.mechanism === 'child-process'
            ? 'in an async child process (or a `Worker` from node:worker_threads)'
            : 'in a `Worker` from node:worker_threads (or a worker pool)';
        return { advice: `Run ${target} asynchronously instead, ${how}, and await its reply.`, suggest: [] };
      }
      const plan = planSyncBridgeFix(context, call, row, factoryUse);
      if (!plan) return { advice: 'Await the asynchronous operation instead.', suggest: [] };
      const suggest: Suggestion[] = [];
      switch (plan.kind) {
        case 'promisify': {
          if (!plan.original || plan.reference === undefined)
            return { advice: 'Await the callback-style original through `promisify` instead.', suggest };
          const data = { promisify: plan.reference, original: sourceCode.getText(plan.original) };
          if (plan.apply) suggest.push({ messageId: 'suggestPromisify', data, fix: plan.apply });
          return {
            advice: `Await the callback-style original instead: \`await ${plan.reference}(${shortText(plan.original)})(…)\`.`,
            suggest,
          };
        }
        case 'await-promise':
          if (plan.apply) suggest.push({ messageId: 'suggestAwaitPromise', fix: plan.apply });
          return { advice: 'Await the promise instead.', suggest };
        case 'await-original':
          if (plan.apply && plan.original) {
            const data = { original: sourceCode.getText(plan.original) };
            suggest.push({ messageId: 'suggestAwaitOriginal', data, fix: plan.apply });
          }
          return { advice: 'Call the asynchronous function it wraps and await it instead.', suggest };
        case 'timers-sleep':
          if (plan.apply) suggest.push({ messageId: 'suggestTimersSleep', data: {}, fix: plan.apply });
          return { advice: "Await `setTimeout(ms)` from 'node:timers/promises' instead.", suggest };
      }
    }

    /** A name, a member of one, or a call of one: the callees the project layer can follow. */
    function isImportedCallee(callee: TSESTree.Node): boolean {
      const node = skipChainExpression(callee);
      return (
        node.type === AST_NODE_TYPES.Identifier ||
        (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.Identifier) ||
        // `makeSync(worker)(input)`
        (node.type === AST_NODE_TYPES.CallExpression && isImportedCallee(node.callee))
      );
    }

    function isReportedContext(call: TSESTree.CallExpression): boolean {
      const where = findExecutionContext(context, call);
      return where.onEventLoop || (checkAllFunctions && where.kind !== 'module');
    }

    /** `factoryUse` is the factory call in this file; `madeElsewhere` says the factory call is in the imported file. */
    function checkBridge(
      call: TSESTree.CallExpression,
      row: SyncBridgeRow,
      factoryUse: FactoryResultUse<SyncBridgeRow> | undefined,
      madeElsewhere = false,
    ): void {
      if (!madeElsewhere && !isReportedContext(call)) return;
      const calleeNode = skipTypeWrappers(skipChainExpression(call.callee));
      // createSyncFn(path)(input) reads as `createSyncFn(…)(…)`.
      const callee =
        calleeNode.type === AST_NODE_TYPES.CallExpression
          ? `${shortText(calleeNode.callee)}(…)(…)`
          : `${shortText(calleeNode)}(…)`;
      const origin = factoryUse || madeElsewhere ? `made by ${originOf(row)}` : originOf(row);
      if (row.mechanism === 'fiber') {
        context.report({ node: call, messageId: 'fiberBridge', data: { callee, origin } });
        return;
      }
      const { advice, suggest } = bridgeAdvice(call, row, factoryUse);
      if (row.mechanism === 'event-loop') {
        context.report({ node: call, messageId: 'eventLoopBridge', data: { callee, origin, advice }, suggest });
      } else {
        context.report({
          node: call,
          messageId: 'blockingBridge',
          data: { callee, origin, advice, helper: HELPER_NAME[row.mechanism] },
          suggest,
        });
      }
    }

    function effectSuggestions(run: EffectRun, fn: FunctionNode, wrapper: TSESTree.CallExpression): Suggestion[] {
      const plan = planEffectFix(context, run, fn, wrapper);
      if (!plan) return [];
      return [
        {
          messageId: plan.kind === 'unwrap' ? 'suggestUnwrapEffect' : 'suggestYieldEffect',
          data: { effect: shortText(plan.effect) },
          fix: plan.apply,
        },
      ];
    }

    function checkEffectRun(run: EffectRun): void {
      const where = findExecutionContext(context, run.call);
      if (!where.fn) return;
      const body = findEffectBody(context, where.fn);
      if (!body) return;
      context.report({
        node: run.call,
        messageId: 'effectRunInsideEffect',
        data: { callee: shortText(skipChainExpression(run.call.callee)) },
        suggest: effectSuggestions(run, where.fn, body.call),
      });
    }

    function checkAsyncIife(call: TSESTree.CallExpression): void {
      const fn = asyncIifeFunction(call);
      if (!fn) return;
      const { parent } = getValueParent(call);
      if (parent?.type !== AST_NODE_TYPES.ExpressionStatement || !isAsyncIifeInAsyncFunction(context, call)) return;
      const suggest: Suggestion[] = [];
      const where = findExecutionContext(context, call);
      if (where.fn && findDirectFunction(call) === where.fn) {
        suggest.push({
          messageId: 'suggestAwaitIife',
          fix: (fixer) => prefixWithKeyword(fixer, sourceCode, call, 'await'),
        });
      }
      suggest.push({
        messageId: 'suggestVoidIife',
        fix: (fixer) => prefixWithKeyword(fixer, sourceCode, call, 'void'),
      });
      context.report({
        loc: { start: call.loc.start, end: sourceCode.getTokenBefore(fn.body)!.loc.end },
        messageId: 'asyncIifeInAsyncFunction',
        suggest,
      });
    }

    return {
      CallExpression(call) {
        checkAsyncIife(call);
        const factoryUse = mentionsModules ? trackFactoryResults(context, SYNC_BRIDGES).get(call) : undefined;
        if (mentionsModules) {
          const direct = trackModuleReferences(context, SYNC_BRIDGES).get(call);
          if (direct && !direct.row.results) checkBridge(call, direct.row, undefined);
          if (factoryUse) checkBridge(call, factoryUse.factory.row, factoryUse);
          const run = trackEffectRuns(context).get(call);
          if (run) checkEffectRun(run);
        }
        // With types: `formatSync(code)` where `formatSync = createSyncFn(…)` is exported by another file.
        if (!factoryUse && typed && call.callee.type === AST_NODE_TYPES.Identifier && isReportedContext(call)) {
          const row = findImportedFactoryRow(context, call.callee, SYNC_BRIDGES, CALL_RESULT);
          if (row) checkBridge(call, row, undefined, true);
        }
        // Without: the same by the other file's export summary, and a bridge an imported factory makes
        // (`const formatSync = makeSync(worker)` with `makeSync` returning `createSyncFn(worker)`).
        if (
          !factoryUse &&
          !typed &&
          isImportedCallee(call.callee) &&
          getProjectKnowledge(context).enabled &&
          isReportedContext(call)
        ) {
          const row = getProjectKnowledge(context).resolveImportedFunction(call.callee)?.bridge;
          if (row) checkBridge(call, row, undefined, true);
        }
      },
    };
  },
});
