import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import {
  type FunctionNode,
  getCalleeName,
  getCalleePath,
  getMethodName,
  getShortText,
  getStaticPropertyName,
  isFunctionNode,
  skipChainExpression,
  skipTypeWrappers,
  skipValueWrappers,
} from '../analysis/ast.js';
import { LISTENER_METHODS } from '../analysis/catalog/event-loop-callbacks.js';
import { PROMISE_CALLBACK_METHODS, PROMISE_CONSTRUCTOR } from '../analysis/catalog/promise-apis.js';
import { CALLBACK_RESULT_IGNORING_METHODS, ELEMENT_REMOVAL_METHODS } from '../analysis/catalog/promise-misuse.js';
import { NEVER_REJECTS_COMMENT, statementCommentSays } from '../analysis/comments.js';
import { asyncIifeFunction, isAsyncIifeInAsyncFunction } from '../analysis/execution/async-iife.js';
import { canAwaitAt } from '../analysis/execution/await-position.js';
import { isEntryScriptFinalCall } from '../analysis/execution/entry-script.js';
import { runsCallbackInBrowser } from '../analysis/execution/environment.js';
import { isEventLoopCallbackArgument } from '../analysis/execution/execution-context.js';
import {
  findLateRegistrations,
  findTestRegistration,
  type LateRegistration,
  registeredCallback,
} from '../analysis/execution/test-registrations.js';
import { planAsyncExecutorFix } from '../analysis/fixes/async-executor.js';
import { planForEachToForOf, planForEachToPromiseAll } from '../analysis/fixes/for-each.js';
import { prefixWithKeyword } from '../analysis/fixes/prefix.js';
import { appendCatch, wrapInPromiseAll } from '../analysis/fixes/promise-handlers.js';
import { resolveFunction } from '../analysis/origin/function-resolution.js';
import { type ApiRow, trackModuleReferences } from '../analysis/origin/modules.js';
import { getProjectKnowledge } from '../analysis/project/project.js';
import { isCallbackStyleCall } from '../analysis/promises/callback-style.js';
import { apiIgnoresCallbackResult, callbackReturnsPromise, isArrayValue } from '../analysis/promises/callbacks.js';
import { resolveCalledFunction } from '../analysis/promises/called-function.js';
import { callSettlesOnlyByResolving } from '../analysis/promises/deferred.js';
import {
  classifyMisuse,
  isExcusedMisuse,
  isMisuseCandidate,
  isPromiseVariableHandedOn,
  isReportedByCompiler,
  type Misuse,
} from '../analysis/promises/misuse.js';
import { isNeverRejectingApiCall } from '../analysis/promises/never-rejecting.js';
import { getPromiseKnowledge } from '../analysis/promises/promises.js';
import { cannotReject, chainHasRejectionHandler, isDeliberatelyEndedChain } from '../analysis/promises/rejection.js';
import {
  calledFunctionCanReject,
  findRejectionSources,
  isMicrotaskChain,
  isNonRejectingCombination,
  isNonRejectingThenChain,
  type RejectionSource,
  withScopedRejection,
} from '../analysis/promises/rejection-sources.js';
import { findVariableAt, getDeclaredInit, isNamespaceLikeName, isReassigned } from '../analysis/scope.js';
import { createRule } from '../create-rule.js';

type AllowListEntry = string | { name: string; module?: string };

type Options = [
  {
    allowList?: AllowListEntry[];
    allowVoid?: boolean;
    autofix?: boolean;
    checkEventCallbacks?: boolean;
    checkNeverRejecting?: boolean;
    checkTestSuites?: boolean;
    checkEntryScriptCalls?: boolean;
    neverRejectingComment?: string;
  },
];

type MessageIds =
  | 'dropped'
  | 'droppedArray'
  | 'droppedThen'
  | 'droppedRejectingHandler'
  | 'droppedVoid'
  | 'droppedNeverRejecting'
  | 'droppedDocumentedNeverRejecting'
  | 'misusedCondition'
  | 'misusedString'
  | 'misusedArithmetic'
  | 'misusedLogged'
  | 'misusedMember'
  | 'misusedDestructuring'
  | 'misusedSpread'
  | 'misusedIteration'
  | 'asyncForEach'
  | 'asyncPredicate'
  | 'asyncSuite'
  | 'asyncEventCallback'
  | 'asyncEventCallbackRejects'
  | 'asyncBrowserCallback'
  | 'asyncBrowserCallbackRejects'
  | 'asyncExecutor'
  | 'asyncExecutorRejects'
  | 'addAwait'
  | 'addVoid'
  | 'addCatch'
  | 'awaitAll'
  | 'voidAll'
  | 'awaitDeclaration'
  | 'runSequentially'
  | 'runConcurrently'
  | 'wrapExecutor';

type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

interface PendingReport {
  readonly node: TSESTree.Node;
  readonly category: 'dropped' | 'misuse' | 'callback';
  readonly descriptor: TSESLint.ReportDescriptor<MessageIds>;
}

const MISUSE_MESSAGES = {
  condition: 'misusedCondition',
  string: 'misusedString',
  arithmetic: 'misusedArithmetic',
  logged: 'misusedLogged',
  member: 'misusedMember',
  destructuring: 'misusedDestructuring',
  spread: 'misusedSpread',
  iteration: 'misusedIteration',
} as const satisfies Record<Misuse['kind'], MessageIds>;

/** What an always-true predicate does to each array method, for the message. */
const PREDICATE_OUTCOMES: Readonly<Record<string, string>> = {
  filter: 'every element passes',
  some: 'it is always true',
  every: 'it is always true',
  find: 'it always returns the first element',
  findIndex: 'it always returns 0',
  findLast: 'it always returns the last element',
  findLastIndex: 'it always returns the last index',
};

const CATCH_HANDLER = '(error) => console.error(error)';
/** In Node code a failed entry point must also fail the process, or a crashing script exits 0 and CI stays green. */
const NODE_CATCH_HANDLER = '(error) => {\n  console.error(error);\n  process.exitCode = 1;\n}';
const NODE_CODE = /\bprocess\.|\brequire\(|['"]node:/u;

const commentPatterns = new Map<string, RegExp>();

/**
 * `neverRejectingComment` compiled once per pattern (case-insensitive, matched against a whole comment);
 * undefined when it is empty. A pattern that is not a regular expression is a configuration error.
 */
function commentPattern(source: string | undefined): RegExp | undefined {
  if (!source) return undefined;
  let pattern = commentPatterns.get(source);
  if (!pattern) {
    try {
      pattern = new RegExp(source, 'i');
    } catch (error) {
      throw new Error(
        `event-loop/no-floating-promise: neverRejectingComment is not a valid regular expression: ${(error as Error).message}`,
        { cause: error },
      );
    }
    commentPatterns.set(source, pattern);
  }
  return pattern;
}

/** The user's allow-list entries with a module, as a catalogue built once per options array. */
const allowListCatalogs = new WeakMap<readonly AllowListEntry[], readonly ApiRow[]>();

function allowListCatalog(allowList: readonly AllowListEntry[]): readonly ApiRow[] {
  let catalog = allowListCatalogs.get(allowList);
  if (!catalog) {
    catalog = allowList.flatMap((entry): ApiRow[] =>
      typeof entry === 'object' && entry.module
        ? [{ module: entry.module, path: entry.name.split('.'), kind: 'call' }]
        : [],
    );
    allowListCatalogs.set(allowList, catalog);
  }
  return catalog;
}

export default createRule<Options, MessageIds>({
  name: 'no-floating-promise',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow promises that are dropped, used as plain values, or returned to callbacks whose caller ignores them',
      recommended: true,
      strict: { options: [{ checkEntryScriptCalls: true, checkEventCallbacks: true, checkNeverRejecting: true }] },
      requiresTypeChecking: false,
    },
    fixable: 'code',
    hasSuggestions: true,
    defaultOptions: [
      {
        allowList: [],
        allowVoid: true,
        autofix: false,
        checkEntryScriptCalls: false,
        checkEventCallbacks: false,
        checkNeverRejecting: false,
        checkTestSuites: true,
        neverRejectingComment: NEVER_REJECTS_COMMENT,
      },
    ],
    schema: [
      {
        type: 'object',
        properties: {
          allowList: {
            type: 'array',
            description:
              'Fire-and-forget functions of your own whose dropped promise is fine: a name (`track`, `analytics.track`) or `{ name, module }` to match by origin.',
            items: {
              anyOf: [
                { type: 'string', description: 'Function name, or a dotted path ending in it.' },
                {
                  type: 'object',
                  properties: {
                    name: {
                      type: 'string',
                      description: 'Exported name, or a dotted path from the module (`default.track`).',
                    },
                    module: { type: 'string', description: 'Module the function is imported from.' },
                  },
                  required: ['name'],
                  additionalProperties: false,
                },
              ],
            },
          },
          allowVoid: { type: 'boolean', description: 'Accept `void promise` as a deliberate fire-and-forget.' },
          autofix: {
            type: 'boolean',
            description:
              'Apply the `await` fix automatically (where `await` is valid) instead of offering it as a suggestion.',
          },
          checkEntryScriptCalls: {
            type: 'boolean',
            description:
              'Also report the dropped promise of the bare call that ends an entry script (a program that exports nothing and takes over no uncaught errors), such as a last `main();`: Node ends the process with its stack and exit code 1 when it rejects, as for a top-level `await`.',
          },
          checkEventCallbacks: {
            type: 'boolean',
            description:
              'Also report async listeners, timer callbacks and Promise executors (`on`, `addEventListener`, `setTimeout`, server handlers, `new Promise(async …)`) with no awaited call or `throw` that can reject (those with one are always reported), and async callbacks that run in a browser page, where an unhandled rejection is only logged.',
          },
          checkNeverRejecting: {
            type: 'boolean',
            description:
              "Also report dropped promises of this file's functions that cannot reject (only ordering is lost).",
          },
          checkTestSuites: {
            type: 'boolean',
            description:
              'Report async callbacks of test suites (`describe`) that register tests or hooks after an `await`: those are lost.',
          },
          neverRejectingComment: {
            type: 'string',
            description:
              'A regular expression (case-insensitive, matched against each whole comment) for comments that say a dropped promise cannot fail (`// Should not error.`), in the block of comments just above the statement or after it on its last line: such a statement is treated as a promise that cannot reject, unless the called function of this file has a `throw` of its own. An empty string turns this off.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      dropped:
        'This promise is dropped: nothing awaits it, so its result is lost and a rejection goes unhandled. Await it, return it, handle it with `.catch(…)`, or detach it on purpose with `void`.',
      droppedArray:
        'These promises are dropped: nothing waits for this array of promises, so the work may not be done when the next line runs and rejections go unhandled. Use `await Promise.all(…)`.',
      droppedThen:
        'This promise chain has no rejection handler and is dropped: a rejection (or an error thrown in a callback) goes unhandled. Add `.catch(…)` or await it.',
      droppedRejectingHandler:
        'This promise chain is dropped, and its rejection handler (or a callback after it) can itself reject: that rejection goes unhandled. Catch the errors inside the handler, end the chain with `.catch(…)`, or await it.',
      droppedVoid:
        '`void` discards this promise and `allowVoid` is off: await it or handle its rejection with `.catch(…)`.',
      droppedNeverRejecting:
        'This promise is dropped. `{{name}}` cannot reject, but nothing waits for it: code after this line runs before it is done.',
      droppedDocumentedNeverRejecting:
        'This promise is dropped. Its comment says it cannot fail, but nothing waits for it: code after this line runs before it is done.',
      misusedCondition:
        '{{subject}} is a promise used as a condition: a promise is always truthy, so this test never sees its result. Await it.',
      misusedString:
        '{{subject}} is a promise turned into a string: it reads "[object Promise]", not the value. Await it first.',
      misusedArithmetic:
        '{{subject}} is a promise used in arithmetic, concatenation or a comparison: the result is NaN, "[object Promise]" or false. Await it first.',
      misusedLogged: '{{subject}} is a promise passed to `{{api}}`: it shows {{shows}}, not the value. Await it first.',
      misusedMember:
        '{{subject}} is a promise, which has no `{{member}}`: reading it gives undefined (calling it throws). Await the promise first.',
      misusedDestructuring:
        '{{subject}} is a promise being destructured: the names get undefined (an array pattern throws). Await it first.',
      misusedSpread:
        '{{subject}} is a promise being spread: it is not iterable and has no own properties. Await it first.',
      misusedIteration: '{{subject}} is a promise iterated with `for…of`: it throws "is not iterable". Await it first.',
      asyncForEach:
        '`forEach` ignores the promise this callback returns: the loop ends before the work does, and rejections go unhandled. Use `for…of` with `await`, or `await Promise.all(….map(…))`.',
      asyncPredicate:
        '`{{method}}` treats the promise this callback returns as true: {{outcome}}. Compute the results first (`await Promise.all(….map(…))`), then test them synchronously.',
      asyncSuite:
        '`{{name}}` does not wait for an async suite callback: {{registration}} on line {{line}} runs after the `await` on line {{awaitLine}}, once the suite is collected, so it is silently lost{{more}}. Register tests synchronously and do async setup in a hook.',
      asyncEventCallback:
        '`{{name}}` ignores the promise this callback returns: a rejection inside it goes unhandled (and stops a Node process). Handle errors inside the callback.',
      asyncEventCallbackRejects:
        '`{{name}}` ignores the promise this callback returns: {{source}} on line {{line}} can reject, and the rejection goes unhandled (it stops a Node process). Catch errors inside the callback.',
      asyncBrowserCallback:
        '`{{name}}` ignores the promise this callback returns: a rejection inside it goes unhandled, and the page only logs it to the console. Handle errors inside the callback.',
      asyncBrowserCallbackRejects:
        '`{{name}}` ignores the promise this callback returns: {{source}} on line {{line}} can reject, and the page only logs the unhandled rejection, so no code sees the error. Catch errors inside the callback.',
      asyncExecutor:
        'The Promise constructor ignores the promise an async executor returns: an error thrown after its first `await` is lost instead of rejecting this promise. Keep the executor synchronous.',
      asyncExecutorRejects:
        'The Promise constructor ignores the promise an async executor returns: {{source}} on line {{line}} can reject, and that rejection goes unhandled while this promise never settles. Keep the executor synchronous and reject on failure.',
      addAwait: 'Add `await`.',
      addVoid: 'Mark as deliberately not awaited with `void`.',
      addCatch: 'Handle the rejection with `.catch(…)`.',
      awaitAll: 'Await all of them with `await Promise.all(…)`.',
      voidAll: 'Detach them on purpose with `void Promise.all(…)`.',
      awaitDeclaration: 'Await the promise where `{{name}}` is declared.',
      runSequentially: 'Run one after another with `for…of`.',
      runConcurrently: 'Run concurrently and wait for all with `await Promise.all(….map(…))`.',
      wrapExecutor: 'Run the async body in an async function whose rejection rejects this promise.',
    },
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const knowledge = getPromiseKnowledge(context);
    const isPromiseValue = withScopedRejection(context, (node) => knowledge.isPromise(node));
    const allowList = options.allowList ?? [];
    const pending: PendingReport[] = [];
    const reportedVariables = new Set<unknown>();

    // ---- shared pieces --------------------------------------------------------------------------

    function subjectOf(node: TSESTree.Node): string {
      const value = skipTypeWrappers(skipChainExpression(node));
      const text = value.type === AST_NODE_TYPES.Identifier ? value.name : getShortText(sourceCode, value);
      return text === undefined ? 'This value' : `\`${text}\``;
    }

    /** The fix that awaits `node`, if `await` is valid there. */
    function awaitFix(node: TSESTree.Node): TSESLint.ReportFixFunction | undefined {
      if (!canAwaitAt(context, node)) return undefined;
      return (fixer) => prefixWithKeyword(fixer, sourceCode, node, 'await');
    }

    /** Reports with `await` as a suggestion, or as the autofix when the `autofix` option is on. */
    function withAwait(
      descriptor: { node: TSESTree.Node; messageId: MessageIds; data?: Record<string, string> },
      awaitSuggestion:
        { messageId: MessageIds; data?: Record<string, string>; fix: TSESLint.ReportFixFunction } | undefined,
      others: Suggestion[],
    ): TSESLint.ReportDescriptor<MessageIds> {
      if (awaitSuggestion && options.autofix) return { ...descriptor, fix: awaitSuggestion.fix, suggest: others };
      const suggest = awaitSuggestion
        ? [{ messageId: awaitSuggestion.messageId, data: awaitSuggestion.data, fix: awaitSuggestion.fix }, ...others]
        : others;
      return { ...descriptor, suggest };
    }

    function isAllowListed(call: TSESTree.CallExpression): boolean {
      if (allowList.length === 0) return false;
      if (trackModuleReferences(context, allowListCatalog(allowList)).has(call)) return true;
      const path = getCalleePath(call.callee);
      if (path === undefined) return false;
      return allowList.some((entry) => typeof entry === 'string' && (path === entry || path.endsWith(`.${entry}`)));
    }

    // ---- 1. dropped promises --------------------------------------------------------------------

    /** Splits a statement's expression into the values it drops. */
    function checkStatementValue(input: TSESTree.Expression): void {
      const node = skipTypeWrappers(skipChainExpression(input)) as TSESTree.Expression;
      switch (node.type) {
        case AST_NODE_TYPES.SequenceExpression:
          for (const expression of node.expressions) checkStatementValue(expression);
          return;
        case AST_NODE_TYPES.ConditionalExpression:
          checkStatementValue(node.consequent);
          checkStatementValue(node.alternate);
          return;
        case AST_NODE_TYPES.LogicalExpression:
          // The left side of `&&`/`||` is a condition (checked as a misused value); `??` drops both.
          if (node.operator === '??') checkStatementValue(node.left);
          checkStatementValue(node.right);
          return;
        case AST_NODE_TYPES.UnaryExpression:
          if (node.operator === 'void' && !options.allowVoid) checkVoided(node);
          return;
        case AST_NODE_TYPES.CallExpression:
        case AST_NODE_TYPES.NewExpression:
        case AST_NODE_TYPES.ImportExpression:
        case AST_NODE_TYPES.Identifier:
        case AST_NODE_TYPES.MemberExpression:
        case AST_NODE_TYPES.TaggedTemplateExpression:
        case AST_NODE_TYPES.ArrayExpression:
          checkDropped(input);
          return;
        default:
          return;
      }
    }

    /** The call a dropped expression runs (through `.finally(…)`), for the "cannot reject" question. */
    function calledCall(node: TSESTree.Node): TSESTree.CallExpression | undefined {
      const value = skipTypeWrappers(skipChainExpression(node));
      if (value.type !== AST_NODE_TYPES.CallExpression) return undefined;
      const callee = skipTypeWrappers(skipChainExpression(value.callee));
      if (callee.type === AST_NODE_TYPES.MemberExpression && getStaticPropertyName(callee) === 'finally') {
        return calledCall(callee.object);
      }
      return value;
    }

    /** Can the promise of the dropped call reject? Judged on the body of the function it runs, wherever that is. */
    const neverRejectingComment = commentPattern(options.neverRejectingComment);

    function calleeCannotReject(node: TSESTree.Node): {
      fn: FunctionNode | undefined;
      neverRejects: boolean;
      name?: string;
      documented?: boolean;
    } {
      const call = calledCall(node);
      if (call && isMicrotaskChain(context, call))
        return { fn: undefined, neverRejects: true, name: 'Promise.resolve().then' };
      if (
        call?.type === AST_NODE_TYPES.CallExpression &&
        (callSettlesOnlyByResolving(context, call) ||
          isNeverRejectingApiCall(context, call) ||
          isNonRejectingCombination(context, call))
      ) {
        const local = resolveCalledFunction(context, call);
        return { fn: local?.kind === 'local' ? local.fn : undefined, neverRejects: true };
      }
      if (call?.type === AST_NODE_TYPES.CallExpression && isNonRejectingThenChain(context, call))
        return { fn: undefined, neverRejects: true, name: `${chainReceiverName(call)}.then` };
      const called = call && resolveCalledFunction(context, call);
      const fn = called?.kind === 'local' ? called.fn : undefined;
      if (called && !calledFunctionCanReject(context, called)) return { fn, neverRejects: true };
      // The author's word, `// Should not error.` above the statement, unless the callee has a `throw` of its own.
      const documented =
        neverRejectingComment !== undefined &&
        statementCommentSays(sourceCode, node, neverRejectingComment) &&
        !(fn && findRejectionSources(context, fn).some((source) => source.kind === 'throw'));
      return { fn, neverRejects: Boolean(documented), documented: Boolean(documented) };
    }

    function checkDropped(node: TSESTree.Node): void {
      const value = skipTypeWrappers(skipChainExpression(node));
      if (value.type === AST_NODE_TYPES.CallExpression) {
        if (findTestRegistration(context, value) || isAllowListed(value)) return;
        const method = getMethodName(value);
        if (method !== undefined && ELEMENT_REMOVAL_METHODS.has(method)) return;
        // Owned by no-nested-event-loop: a new async program started inside a running one.
        if (isAsyncIifeInAsyncFunction(context, value)) return;
      }
      const isPromise = knowledge.isPromise(node) === 'yes';
      const isArray = !isPromise && knowledge.isPromiseArray(node) === 'yes';
      if (!isPromise && !isArray) return;
      if (isPromise && isDeliberatelyEndedChain(sourceCode, value, isPromiseValue)) return;
      // Given its callback, a promise-or-callback API returns no promise.
      if (isPromise && value.type === AST_NODE_TYPES.CallExpression && isCallbackStyleCall(context, value)) return;
      // The last call of an entry script: its rejection ends the process with the stack, nothing after it waits.
      if (isPromise && !options.checkEntryScriptCalls && isEntryScriptFinalCall(context, node)) return;
      const canAwait = canAwaitAt(context, node);
      if (isArray) {
        const others: Suggestion[] = options.allowVoid
          ? [{ messageId: 'voidAll', fix: (fixer) => wrapInPromiseAll(fixer, sourceCode, node, 'void') }]
          : [];
        const awaitAll = canAwait
          ? {
              messageId: 'awaitAll' as const,
              fix: (fixer: TSESLint.RuleFixer) => wrapInPromiseAll(fixer, sourceCode, node, 'await'),
            }
          : undefined;
        pending.push({
          node,
          category: 'dropped',
          descriptor: withAwait({ node, messageId: 'droppedArray' }, awaitAll, others),
        });
        return;
      }
      const { fn, neverRejects, name: calledName, documented } = calleeCannotReject(node);
      if (neverRejects && !options.checkNeverRejecting) return;
      const method = value.type === AST_NODE_TYPES.CallExpression ? getMethodName(value) : undefined;
      const messageId: MessageIds = documented
        ? 'droppedDocumentedNeverRejecting'
        : neverRejects
          ? 'droppedNeverRejecting'
          : method !== undefined && PROMISE_CALLBACK_METHODS.has(method)
            ? chainHasRejectionHandler(value)
              ? 'droppedRejectingHandler'
              : 'droppedThen'
            : 'dropped';
      const others: Suggestion[] = [];
      // Where nothing can await, handling the rejection is the fix the message asks for; `void` only silences.
      if (!canAwait && !neverRejects && knowledge.hasCatchMethod(node)) {
        others.push({ messageId: 'addCatch', fix: (fixer) => appendCatch(fixer, sourceCode, node, catchHandler()) });
      }
      if (options.allowVoid)
        others.push({ messageId: 'addVoid', fix: (fixer) => prefixWithKeyword(fixer, sourceCode, node, 'void') });
      const fix = awaitFix(node);
      const name = calledName ?? (fn ? functionName(fn, node) : neverRejects ? calleeName(node) : '');
      pending.push({
        node,
        category: 'dropped',
        descriptor: withAwait({ node, messageId, data: { name } }, fix && { messageId: 'addAwait', fix }, others),
      });
    }

    /** `refresh()` for `refresh(path).then(…)`: the receiver of a chain, its arguments left out. */
    function chainReceiverName(call: TSESTree.CallExpression): string {
      const callee = skipTypeWrappers(skipChainExpression(call.callee));
      const receiver = callee.type === AST_NODE_TYPES.MemberExpression ? skipTypeWrappers(callee.object) : callee;
      return receiver.type === AST_NODE_TYPES.CallExpression
        ? `${getCalleeName(receiver) ?? 'this call'}()`
        : 'this call';
    }

    function catchHandler(): string {
      return NODE_CODE.test(sourceCode.text) ? NODE_CATCH_HANDLER : CATCH_HANDLER;
    }

    function functionName(fn: FunctionNode, call: TSESTree.Node): string {
      if (asyncIifeFunction(call)) return 'this async function';
      if (fn.id) return fn.id.name;
      return calleeName(call);
    }

    function calleeName(call: TSESTree.Node): string {
      const value = skipTypeWrappers(skipChainExpression(call));
      return value.type === AST_NODE_TYPES.CallExpression ? (getCalleeName(value) ?? 'this function') : 'this function';
    }

    function checkVoided(node: TSESTree.UnaryExpression): void {
      const argument = node.argument;
      if (knowledge.isPromise(argument) !== 'yes' || isDeliberatelyEndedChain(sourceCode, argument, isPromiseValue))
        return;
      const voidToken = sourceCode.getFirstToken(node)!;
      const replace: TSESLint.ReportFixFunction | undefined = canAwaitAt(context, node)
        ? (fixer) => fixer.replaceText(voidToken, 'await')
        : undefined;
      const others: Suggestion[] =
        replace || !knowledge.hasCatchMethod(argument)
          ? []
          : [{ messageId: 'addCatch', fix: (fixer) => appendCatch(fixer, sourceCode, argument, catchHandler()) }];
      pending.push({
        node,
        category: 'dropped',
        descriptor: withAwait(
          { node, messageId: 'droppedVoid' },
          replace && { messageId: 'addAwait', fix: replace },
          others,
        ),
      });
    }

    // ---- 2. promises used as values -------------------------------------------------------------

    function checkMisuse(node: TSESTree.Node): void {
      const misuse = classifyMisuse(context, node);
      if (!misuse) return;
      if (isReportedByCompiler(context, misuse)) return;
      // Untyped, such a receiver is never a promise anyway (the scope lookup would only cost time).
      if (misuse.kind === 'member' && knowledge.typed && isNamespaceLikeName(sourceCode, node)) return;
      if (knowledge.isPromise(node) !== 'yes') return;
      if (isExcusedMisuse(context, node, misuse)) return;
      const value = skipTypeWrappers(skipChainExpression(node));
      if (value.type === AST_NODE_TYPES.Identifier) {
        checkMisusedVariable(value, misuse);
        return;
      }
      reportMisuseAwaitingAt(node, misuse);
    }

    /**
     * A promise held in a variable: reported once, at its first misuse. When something else awaits,
     * returns or passes it on, an existence check (`if (p) … return p`) is left alone, but a use that
     * is wrong whatever else happens to the promise (`${p}`, `p + 1`, `p.name`, `[...p]`) is still
     * reported when the variable is never written again, with `await` at the misuse, which keeps the
     * other uses as they are.
     */
    function checkMisusedVariable(identifier: TSESTree.Identifier, misuse: Misuse): void {
      const variable = findVariableAt(sourceCode, identifier, identifier);
      // Awaited, returned or passed on elsewhere: its declaration must stay a promise.
      let consumed = false;
      if (variable) {
        if (reportedVariables.has(variable)) return;
        consumed = isPromiseVariableHandedOn(context, variable);
        if (consumed && (misuse.kind === 'condition' || isReassigned(variable) || variable.defs.length !== 1)) return;
        reportedVariables.add(variable);
      }
      const init = !consumed && variable ? getDeclaredInit(variable) : undefined;
      if (init) {
        const fix = awaitFix(init);
        reportMisuse(
          identifier,
          misuse,
          fix && { messageId: 'awaitDeclaration', data: { name: identifier.name }, fix },
        );
        return;
      }
      reportMisuseAwaitingAt(identifier, misuse);
    }

    /** The misuse, with `await` offered at the use itself. */
    function reportMisuseAwaitingAt(node: TSESTree.Node, misuse: Misuse): void {
      const fix = awaitFix(node);
      reportMisuse(node, misuse, fix && { messageId: 'addAwait', fix });
    }

    function reportMisuse(
      node: TSESTree.Node,
      misuse: Misuse,
      awaitSuggestion:
        { messageId: MessageIds; data?: Record<string, string>; fix: TSESLint.ReportFixFunction } | undefined,
    ): void {
      const data: Record<string, string> = { subject: subjectOf(node) };
      if ('api' in misuse && misuse.api) data.api = misuse.api;
      if (misuse.kind === 'logged') data.shows = misuse.api?.startsWith('JSON.') ? '`{}`' : '`Promise { <pending> }`';
      if (misuse.kind === 'member') data.member = misuse.member;
      pending.push({
        node,
        category: 'misuse',
        descriptor: withAwait({ node, messageId: MISUSE_MESSAGES[misuse.kind], data }, awaitSuggestion, []),
      });
    }

    // ---- 3. callbacks whose promise the API ignores ---------------------------------------------

    function checkCallbacks(call: TSESTree.CallExpression): void {
      const method = getMethodName(call);
      const ignoring = method === undefined ? undefined : CALLBACK_RESULT_IGNORING_METHODS.get(method);
      if (ignoring && call.arguments[0] && call.callee.type !== AST_NODE_TYPES.Identifier) {
        checkArrayCallback(call, ignoring, method!);
        return;
      }
      const registration = findTestRegistration(context, call);
      if (registration) {
        if (registration.role === 'suite' && !registration.awaitsAsyncSuites && options.checkTestSuites)
          checkSuiteCallback(call);
        return;
      }
      const callbackIndex =
        method !== undefined && LISTENER_METHODS.has(method)
          ? call.arguments.findIndex(
              (argument, index) =>
                index >= 1 && argument.type !== AST_NODE_TYPES.SpreadElement && isCallbackCandidate(argument),
            )
          : call.arguments.findIndex((_, index) => isEventLoopCallbackArgument(context, call, index));
      if (callbackIndex < 0) return;
      const callback = call.arguments[callbackIndex]!;
      if (!isCallbackCandidate(callback) || callbackReturnsPromise(context, callback) !== 'yes') return;
      if (apiIgnoresCallbackResult(context, call, callbackIndex) === 'no') return;
      const fn = isFunctionNode(callback) ? callback : resolveFunction(context, callback);
      const name = getCalleePath(call.callee) ?? method ?? 'This API';
      // In a page an unhandled rejection is logged and the page goes on: reported with `checkEventCallbacks` only.
      const inBrowser = runsCallbackInBrowser(context, call);
      if (inBrowser && !options.checkEventCallbacks) return;
      // By default only a callback with an awaited call or a `throw` that can reject: that rejection is really lost.
      const source = fn && findRejectionSources(context, fn)[0];
      if (source) {
        const data = { name, ...describeRejectionSource(source) };
        const messageId = inBrowser ? 'asyncBrowserCallbackRejects' : 'asyncEventCallbackRejects';
        pending.push({ node: callback, category: 'callback', descriptor: { node: callback, messageId, data } });
        return;
      }
      if (!options.checkEventCallbacks) return;
      const neverRejects = fn
        ? cannotReject(context, fn)
        : getProjectKnowledge(context).resolveImportedFunction(callback)?.cannotReject === true;
      if (neverRejects && !options.checkNeverRejecting) return;
      pending.push({
        node: callback,
        category: 'callback',
        descriptor: {
          node: callback,
          messageId: inBrowser ? 'asyncBrowserCallback' : 'asyncEventCallback',
          data: { name },
        },
      });
    }

    /** `await load()` / the `throw` / …, and its line, for a message about where a callback can reject. */
    function describeRejectionSource(source: RejectionSource): { source: string; line: string } {
      const line = String(source.node.loc.start.line);
      switch (source.kind) {
        case 'throw':
          return { source: 'the `throw`', line };
        case 'for-await':
          return { source: 'the `for await` loop', line };
        case 'await': {
          const text = getShortText(sourceCode, source.node);
          return { source: text === undefined ? 'an `await`' : `\`${text}\``, line };
        }
        case 'return': {
          const text = getShortText(sourceCode, source.node);
          return { source: text === undefined ? 'the returned promise' : `the returned \`${text}\``, line };
        }
      }
    }

    /** `new Promise(async (resolve, reject) => …)`: the constructor ignores the executor's promise. */
    function checkPromiseExecutor(node: TSESTree.NewExpression): void {
      const executor = node.arguments[0];
      if (!isFunctionNode(executor) || !executor.async || executor.generator) return;
      if (!trackModuleReferences(context, PROMISE_CONSTRUCTOR).has(node)) return;
      const source = findRejectionSources(context, executor)[0];
      if (!source && !options.checkEventCallbacks) return;
      const fix = planAsyncExecutorFix(sourceCode, executor);
      const suggest: Suggestion[] = fix ? [{ messageId: 'wrapExecutor', fix }] : [];
      pending.push({
        node: executor,
        category: 'callback',
        descriptor: source
          ? { node: executor, messageId: 'asyncExecutorRejects', data: describeRejectionSource(source), suggest }
          : { node: executor, messageId: 'asyncExecutor', suggest },
      });
    }

    function isCallbackCandidate(node: TSESTree.Node): boolean {
      return (
        isFunctionNode(node) ||
        node.type === AST_NODE_TYPES.Identifier ||
        (node.type === AST_NODE_TYPES.MemberExpression && !node.computed)
      );
    }

    function checkArrayCallback(call: TSESTree.CallExpression, kind: 'forEach' | 'predicate', method: string): void {
      const callback = call.arguments[0]!;
      if (!isCallbackCandidate(callback)) return;
      // The receiver before the callback: its type is cheaper (a function's type is inferred from its body,
      // and `Option.filter(self, f)` passes the data first).
      const callee = skipChainExpression(call.callee) as TSESTree.MemberExpression;
      const isArray = isArrayValue(context, callee.object);
      if (knowledge.typed && isArray === 'no' && kind === 'predicate') return;
      if (callbackReturnsPromise(context, callback) !== 'yes') return;
      // A collection's own forEach (Map, Set, a cursor) counts when its callback type returns void.
      if (knowledge.typed && isArray === 'no' && apiIgnoresCallbackResult(context, call, 0) !== 'yes') return;
      if (kind === 'predicate') {
        pending.push({
          node: callback,
          category: 'callback',
          descriptor: {
            node: callback,
            messageId: 'asyncPredicate',
            data: { method, outcome: PREDICATE_OUTCOMES[method] ?? 'every test passes' },
          },
        });
        return;
      }
      const suggest: Suggestion[] = [];
      const statement = call.parent;
      const canAwait = canAwaitAt(context, statement);
      const sequential = planForEachToForOf(sourceCode, call, { canAwait });
      if (sequential) suggest.push({ messageId: 'runSequentially', fix: sequential.apply });
      const concurrent = canAwait && isArray !== 'no' ? planForEachToPromiseAll(call) : undefined;
      if (concurrent) suggest.push({ messageId: 'runConcurrently', fix: concurrent.apply });
      pending.push({
        node: callback,
        category: 'callback',
        descriptor: { node: callback, messageId: 'asyncForEach', suggest },
      });
    }

    function checkSuiteCallback(call: TSESTree.CallExpression): void {
      const callback = registeredCallback(call);
      if (!callback || callbackReturnsPromise(context, callback) !== 'yes') return;
      const fn = isFunctionNode(callback) ? callback : resolveFunction(context, callback);
      // Only registrations made after an `await` are lost; an async suite that registers first loses nothing.
      const late = fn?.async ? findLateRegistrations(context, fn) : [];
      if (late.length === 0) return;
      const name =
        getCalleePath(
          skipChainExpression(call.callee).type === AST_NODE_TYPES.CallExpression
            ? (call.callee as TSESTree.CallExpression).callee
            : call.callee,
        ) ?? 'describe';
      const first = late[0]!;
      const data = {
        name,
        registration: registrationText(first),
        line: String(first.call.loc.start.line),
        awaitLine: String(first.after.loc.start.line),
        more: late.length === 1 ? '' : ` (with ${late.length - 1} more registration${late.length === 2 ? '' : 's'})`,
      };
      // No rewrite keeps behaviour: what the registrations need may come from the awaits.
      pending.push({
        node: callback,
        category: 'callback',
        descriptor: { node: callback, messageId: 'asyncSuite', data, suggest: [] },
      });
    }

    /** `` `it('finds', …)` `` or `` `beforeEach(…)` ``: the late registration as the message quotes it. */
    function registrationText({ call }: LateRegistration): string {
      const callee = getShortText(sourceCode, call.callee) ?? 'this registration';
      const title = call.arguments[0];
      const quoted =
        title?.type === AST_NODE_TYPES.Literal && typeof title.value === 'string'
          ? getShortText(sourceCode, title, 30)
          : undefined;
      return `\`${callee}(${quoted === undefined ? '…' : `${quoted}, …`})\``;
    }

    // ---- visitors -------------------------------------------------------------------------------

    /**
     * A value in a position where a promise would be misused (a condition, an operand, a template
     * slot, a member's object…): checked from that position, so the rule is not called for every
     * Identifier of the file (the most frequent node by far), only for the few in such a position.
     */
    function checkPosition(slot: TSESTree.Node | null | undefined): void {
      if (!slot) return;
      const value = skipValueWrappers(slot);
      if (isMisuseCandidate(value)) checkMisuse(value);
    }

    return {
      ExpressionStatement(node) {
        // oxlint's AST has `directive: null` on every other statement, so test for a string.
        if (typeof node.directive === 'string') return;
        checkStatementValue(node.expression);
      },
      CallExpression(node) {
        for (const argument of node.arguments) checkPosition(argument);
        checkCallbacks(node);
      },
      NewExpression(node) {
        for (const argument of node.arguments) checkPosition(argument);
        checkPromiseExecutor(node);
      },
      MemberExpression(node) {
        checkPosition(node.object);
      },
      'IfStatement, WhileStatement, DoWhileStatement, ForStatement, ConditionalExpression'(
        node:
          | TSESTree.IfStatement
          | TSESTree.WhileStatement
          | TSESTree.DoWhileStatement
          | TSESTree.ForStatement
          | TSESTree.ConditionalExpression,
      ) {
        checkPosition(node.test);
      },
      UnaryExpression(node) {
        checkPosition(node.argument);
      },
      'BinaryExpression, LogicalExpression'(node: TSESTree.BinaryExpression | TSESTree.LogicalExpression) {
        checkPosition(node.left);
        checkPosition(node.right);
      },
      AssignmentExpression(node) {
        checkPosition(node.right);
      },
      TemplateLiteral(node) {
        for (const expression of node.expressions) checkPosition(expression);
      },
      VariableDeclarator(node) {
        checkPosition(node.init);
      },
      SpreadElement(node) {
        checkPosition(node.argument);
      },
      ForOfStatement(node) {
        checkPosition(node.right);
      },
      'Program:exit'() {
        const misuses = pending.filter((report) => report.category === 'misuse');
        for (const report of pending) {
          // One report per problem: a dropped statement whose promise is also misused inside is reported as the misuse.
          if (
            report.category === 'dropped' &&
            misuses.some(
              (misuse) => report.node.range[0] <= misuse.node.range[0] && misuse.node.range[1] <= report.node.range[1],
            )
          ) {
            continue;
          }
          context.report(report.descriptor);
        }
      },
    };
  },
});
