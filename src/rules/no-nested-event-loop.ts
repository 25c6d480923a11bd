import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  type FunctionNode,
  getValueParent,
  isFunctionNode,
  skipChainExpression,
  skipTypeWrappers,
} from '../analysis/ast.js';
import { SYNC_BRIDGES, type SyncBridgeRow } from '../analysis/catalog/sync-bridges.js';
import { asyncIifeFunction, isAsyncIifeInAsyncFunction } from '../analysis/execution/async-iife.js';
import { findDirectFunction } from '../analysis/execution/await-position.js';
import { type EffectRun, findEffectBody, trackEffectRuns } from '../analysis/execution/effect.js';
import { findExecutionContext } from '../analysis/execution/execution-context.js';
import { planImport } from '../analysis/fixes/imports.js';
import { makeFunctionAsync, prefixWithKeyword } from '../analysis/fixes/prefix.js';
import { type FactoryResultUse, type ResultStep, trackFactoryResults } from '../analysis/origin/factory-results.js';
import { resolveFunction } from '../analysis/origin/function-resolution.js';
import { findImportedFactoryRow } from '../analysis/origin/imported-factories.js';
import { trackModuleReferences } from '../analysis/origin/modules.js';
import { getPromiseKnowledge } from '../analysis/promises/promises.js';
import { findVariableAt } from '../analysis/scope.js';
import { getTypeInfo } from '../analysis/type-info.js';
import { createRule } from './create-rule.js';

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

type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

/** Module names a file must mention before the bridge and Effect indexes are worth building. */
const MODULE_HINT = /deasync|synckit|sync-rpc|make-synchron|fibers|effect/u;

/** Expressions that can take a prefix operator or a member access without parentheses. */
const TIGHT_EXPRESSIONS: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.ThisExpression,
  AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.ObjectExpression,
]);

/** Parents in which `yield* x` needs no parentheses. */
const YIELD_SAFE_PARENTS: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.ExpressionStatement,
  AST_NODE_TYPES.VariableDeclarator,
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.AssignmentExpression,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.Property,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.YieldExpression,
  AST_NODE_TYPES.SpreadElement,
  AST_NODE_TYPES.TemplateLiteral,
]);

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
  defaultOptions: [{ checkAllFunctions: false }],
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

    /** Can `await` be added at `node`? Returns the fixes that make that possible (none, or making a promise callback async). */
    function planAwait(node: TSESTree.Node): ((fixer: Fixer) => Fix[]) | undefined {
      const where = findExecutionContext(context, node);
      if (!where.fn || findDirectFunction(node) !== where.fn) return undefined;
      if (where.fn.async) return () => [];
      const fn = where.fn;
      if (where.kind === 'promise-callback') {
        return (fixer) => {
          const fix = makeFunctionAsync(fixer, sourceCode, fn);
          return fix ? [fix] : [];
        };
      }
      return undefined;
    }

    /** Is `expression` (a name or a member chain on a name) the same value at `site` as where it is written? */
    function isVisibleAt(expression: TSESTree.Node, site: TSESTree.Node): boolean {
      let root = skipTypeWrappers(expression);
      while (root.type === AST_NODE_TYPES.MemberExpression && !root.computed) root = skipTypeWrappers(root.object);
      if (root.type !== AST_NODE_TYPES.Identifier) return false;
      const declared = findVariableAt(sourceCode, expression, root.name);
      const seen = findVariableAt(sourceCode, site, root.name);
      return declared === seen;
    }

    function parenthesizedText(node: TSESTree.Node): string {
      const text = sourceCode.getText(node);
      return TIGHT_EXPRESSIONS.has(node.type) ? text : `(${text})`;
    }

    /** `readSync(p)` → `await promisify(readFile)(p)`: replace the callee, then await the call. */
    function awaitWithCallee(
      call: TSESTree.CallExpression,
      messageId: MessageIds,
      data: Record<string, string>,
      callee: (fixer: Fixer) => { text: string; fixes: Fix[] },
    ): Suggestion | undefined {
      const prepare = planAwait(call);
      if (!prepare || call.callee.type === AST_NODE_TYPES.ChainExpression || call.optional) return undefined;
      return {
        messageId,
        data,
        fix: (fixer) => {
          const replacement = callee(fixer);
          return [
            ...prepare(fixer),
            ...replacement.fixes,
            fixer.replaceText(call.callee, replacement.text),
            ...prefixWithKeyword(fixer, sourceCode, call, 'await'),
          ];
        },
      };
    }

    function bridgeSuggestions(
      call: TSESTree.CallExpression,
      row: SyncBridgeRow,
      factoryUse: FactoryResultUse<SyncBridgeRow> | undefined,
    ): { advice: string; suggest: Suggestion[] } {
      const factoryCall =
        factoryUse?.factory.node.type === AST_NODE_TYPES.CallExpression ? factoryUse.factory.node : undefined;
      // Only a direct call of the factory's result (`readSync(p)`, `deasync(fn)(p)`) has the original's arguments.
      const callsResult =
        factoryCall !== undefined &&
        factoryUse!.steps.length === 1 &&
        (skipTypeWrappers(call.callee) === factoryCall ||
          skipTypeWrappers(call.callee).type === AST_NODE_TYPES.Identifier);
      const suggest: Suggestion[] = [];
      switch (row.asyncForm) {
        case 'promisify-argument': {
          const original = factoryCall?.arguments[0];
          if (!callsResult || !original || !isVisibleAt(original, call)) {
            return { advice: 'Await the callback-style original through `promisify` instead.', suggest };
          }
          const plan = planImport(sourceCode, context.filename, { module: 'node:util', name: 'promisify' }, call);
          const originalText = sourceCode.getText(original);
          const suggestion = awaitWithCallee(
            call,
            'suggestPromisify',
            { promisify: plan.reference, original: originalText },
            (fixer) => ({
              text: `${plan.reference}(${originalText})`,
              fixes: plan.fix(fixer),
            }),
          );
          if (suggestion) suggest.push(suggestion);
          return {
            advice: `Await the callback-style original instead: \`await ${plan.reference}(${shortText(original)})(…)\`.`,
            suggest,
          };
        }
        case 'await-argument': {
          const promise = call.arguments[0];
          const prepare = planAwait(call);
          if (call.arguments.length === 1 && promise && promise.type !== AST_NODE_TYPES.SpreadElement && prepare) {
            suggest.push({
              messageId: 'suggestAwaitPromise',
              fix: (fixer) => [
                ...prepare(fixer),
                fixer.replaceText(call, parenthesizedText(promise)),
                ...prefixWithKeyword(fixer, sourceCode, call, 'await'),
              ],
            });
          }
          return { advice: 'Await the promise instead.', suggest };
        }
        case 'await-original': {
          const original = factoryCall?.arguments[factoryCall.arguments.length - 1];
          const fn =
            original && original.type !== AST_NODE_TYPES.SpreadElement ? resolveFunction(context, original) : undefined;
          if (
            callsResult &&
            original &&
            !isFunctionNode(original) &&
            fn &&
            getPromiseKnowledge(context).functionReturnsPromise(fn) === 'yes' &&
            isVisibleAt(original, call)
          ) {
            const originalText = sourceCode.getText(original);
            const suggestion = awaitWithCallee(call, 'suggestAwaitOriginal', { original: originalText }, () => ({
              text: originalText,
              fixes: [],
            }));
            if (suggestion) suggest.push(suggestion);
          }
          return { advice: 'Call the asynchronous function it wraps and await it instead.', suggest };
        }
        case 'timers-sleep': {
          if (call.arguments.length === 1 && call.arguments[0]!.type !== AST_NODE_TYPES.SpreadElement) {
            const plan = planImport(
              sourceCode,
              context.filename,
              { module: 'node:timers/promises', name: 'setTimeout', alias: 'sleep', preferAlias: true },
              call,
            );
            const suggestion = awaitWithCallee(call, 'suggestTimersSleep', {}, (fixer) => ({
              text: plan.reference,
              fixes: plan.fix(fixer),
            }));
            if (suggestion) suggest.push(suggestion);
          }
          return { advice: "Await `setTimeout(ms)` from 'node:timers/promises' instead.", suggest };
        }
        case 'worker-path': {
          const worker = factoryCall?.arguments[0];
          const target =
            worker && worker.type !== AST_NODE_TYPES.SpreadElement
              ? `the worker \`${shortText(worker)}\``
              : 'the worker';
          const how =
            row.mechanism === 'child-process'
              ? 'in an async child process (or a `Worker` from node:worker_threads)'
              : 'in a `Worker` from node:worker_threads (or a worker pool)';
          return { advice: `Run ${target} asynchronously instead, ${how}, and await its reply.`, suggest };
        }
        default:
          return { advice: 'Await the asynchronous operation instead.', suggest };
      }
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
      const { advice, suggest } = bridgeSuggestions(call, row, factoryUse);
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
      const effect = run.effect;
      const runName = run.row.path[run.row.path.length - 1];
      if (
        !run.row.defaultRuntime ||
        run.call.arguments.length !== 1 ||
        !effect ||
        effect.type === AST_NODE_TYPES.SpreadElement
      )
        return [];
      const effectText = shortText(effect);
      const body = findEffectBody(context, fn);
      // Effect.promise(() => Effect.runPromise(eff)) is eff; Effect.sync(() => Effect.runSync(eff)) too.
      if (
        body?.row.body === 'thunk' &&
        wrapper.arguments[0] === fn &&
        fn.params.length === 0 &&
        isOnlyResult(fn, run.call)
      ) {
        const wrapperName = body.row.path[body.row.path.length - 1];
        const pairs: Record<string, string> = {
          promise: 'runPromise',
          tryPromise: 'runPromise',
          sync: 'runSync',
          try: 'runSync',
        };
        if (wrapperName && pairs[wrapperName] === runName) {
          return [
            {
              messageId: 'suggestUnwrapEffect',
              data: { effect: effectText },
              fix: (fixer) => fixer.replaceText(wrapper, parenthesizedText(effect)),
            },
          ];
        }
      }
      // Effect.runSync(eff) directly in the generator body is `yield* eff`.
      if (fn.generator && runName === 'runSync' && findDirectFunction(run.call) === fn) {
        const text = `yield* ${effect.type === AST_NODE_TYPES.SequenceExpression ? `(${sourceCode.getText(effect)})` : sourceCode.getText(effect)}`;
        const parent = run.call.parent;
        // `x as T`, `f(x)!`, `x.y` and a callee position all bind tighter than `yield*`.
        const safe =
          YIELD_SAFE_PARENTS.has(parent.type) &&
          !(parent.type === AST_NODE_TYPES.CallExpression && parent.callee === run.call);
        return [
          {
            messageId: 'suggestYieldEffect',
            data: { effect: effectText },
            fix: (fixer) => fixer.replaceText(run.call, safe ? text : `(${text})`),
          },
        ];
      }
      return [];
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
      },
    };
  },
});

/** Is `call` all that `fn` does: its expression body, or the only `return` of its block? */
function isOnlyResult(fn: FunctionNode, call: TSESTree.Node): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return skipTypeWrappers(fn.body) === call;
  const [statement, ...rest] = fn.body.body;
  return (
    rest.length === 0 &&
    statement?.type === AST_NODE_TYPES.ReturnStatement &&
    statement.argument !== null &&
    skipTypeWrappers(statement.argument) === call
  );
}
