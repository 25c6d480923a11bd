import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { isFunctionNode, isLoopNode, type LoopNode } from '../analysis/ast.js';
import { CONCURRENCY_LIMIT } from '../analysis/catalog/limiters.js';
import { type AwaitedStatement, classifyAwaitStatement } from '../analysis/concurrency/awaited-statements.js';
import { findIndependentGroups, judgeLoop } from '../analysis/concurrency/independence.js';
import { waitsRemotely } from '../analysis/concurrency/latency.js';
import { findAvailableLimiters } from '../analysis/concurrency/limiters.js';
import { getOrderingPatterns } from '../analysis/concurrency/ordering.js';
import { findCodeSetting } from '../analysis/execution/code-setting.js';
import { runsPerElement } from '../analysis/execution/repetition.js';
import {
  classifyLoopRewrite,
  planBoundedLoop,
  planLoopPromiseAll,
  planSequentialPromiseAll,
} from '../analysis/fixes/promise-all.js';
import { isArrayValue } from '../analysis/promises/callbacks.js';
import { createRule } from '../create-rule.js';

interface PreferPromiseAllOptions {
  checkScripts?: boolean;
  checkTests?: boolean;
  checkUnknownEffects?: boolean;
  checkUnknownLatency?: boolean;
  orderedCallPatterns?: string[];
  orderedReceiverPatterns?: string[];
}

type Options = [PreferPromiseAllOptions];
type MessageIds =
  | 'sequentialAwaits'
  | 'independentLoop'
  | 'independentLoopUnbounded'
  | 'suggestPromiseAll'
  | 'suggestPromiseAllLoop'
  | 'suggestBoundedLoop';

/** Statement lists a run of awaits can sit in. */
type StatementList =
  TSESTree.Program | TSESTree.BlockStatement | TSESTree.StaticBlock | TSESTree.SwitchCase | TSESTree.TSModuleBlock;

function statementsOf(list: StatementList): readonly TSESTree.Node[] {
  return list.type === AST_NODE_TYPES.SwitchCase ? list.consequent : list.body;
}

function isStatementList(node: TSESTree.Node | undefined): node is StatementList {
  return (
    node?.type === AST_NODE_TYPES.Program ||
    node?.type === AST_NODE_TYPES.BlockStatement ||
    node?.type === AST_NODE_TYPES.StaticBlock ||
    node?.type === AST_NODE_TYPES.SwitchCase ||
    node?.type === AST_NODE_TYPES.TSModuleBlock
  );
}

/** The statement `await E` is the whole of: `await E;`, `const x = await E;`, `x = await E;`. */
function awaitedStatementOf(node: TSESTree.AwaitExpression): AwaitedStatement | undefined {
  const parent = node.parent;
  let statement: TSESTree.Node | undefined;
  if (parent.type === AST_NODE_TYPES.ExpressionStatement) statement = parent;
  else if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node) statement = parent.parent;
  else if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node) statement = parent.parent;
  const item = statement ? classifyAwaitStatement(statement) : undefined;
  return item?.awaited === node ? item : undefined;
}

export default createRule<Options, MessageIds>({
  name: 'prefer-promise-all',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Prefer `Promise.all` for independent awaits that run one after another, in a row or in a loop',
      // Strict only: on Ghost's core, the one real code base where it reports, no report read by hand is
      // worth fixing (bench/PRECISION.md); the other corpora give it nothing to report.
      recommended: false,
      strict: { options: [{ checkUnknownEffects: true, checkUnknownLatency: true }] },
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      sequentialAwaits:
        'These {{count}} awaits do not depend on each other, yet each waits for the one before: together they take the sum of their times. Start them together with `Promise.all`.',
      independentLoop:
        'The iterations of this loop do not depend on each other, yet each waits for the one before. Start them together: `await Promise.all(items.map(async (item) => { … }))`.',
      independentLoopUnbounded:
        'The iterations of this loop do not depend on each other, yet each waits for the one before. Run them concurrently with a bound on how many run at once ({{limiter}}): the size of the collection is unknown, and unbounded concurrency over it (thousands of simultaneous requests) can exhaust connections or get a client rate-limited.',
      suggestPromiseAll:
        'Run them together with `Promise.all`: every call starts even if an earlier one fails, and the result rejects with the first error while the other calls keep running.',
      suggestPromiseAllLoop:
        'Start every iteration at once with `Promise.all`{{bound}}: results keep their order; every call starts even if an earlier one fails, and the result rejects with the first error while the other calls keep running.',
      suggestBoundedLoop:
        'Run at most {{limit}} iterations at a time with `{{module}}`, which the project already depends on: results keep their order, and the result rejects with the first error.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          checkScripts: {
            type: 'boolean',
            description:
              'Also report in one-shot scripts (a `scripts/`, `bin/` or `migrations/` folder, a `bin` entry, a command-line program): each runs once, and its steps are often ordered on purpose.',
          },
          checkTests: {
            type: 'boolean',
            description:
              'Also report in test files: test steps are ordered on purpose, and a test gains little from saving a few milliseconds.',
          },
          checkUnknownEffects: {
            type: 'boolean',
            description:
              'Also report awaits whose effects are unknown, as long as nothing says they are ordered; by default only work known to read (by name, SQL text, HTTP method, catalogue or the body of a same-file function) is grouped.',
          },
          checkUnknownLatency: {
            type: 'boolean',
            description:
              'Also report a run of awaits outside a loop whose calls are not known to wait for a remote service (two database or file reads): it saves one short round trip per call. By default a run is reported when it repeats per element of a list, or when at least two of its calls are HTTP requests (by origin) or same-file helpers that make one or whose latency a sleep stands for.',
          },
          orderedCallPatterns: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Regular expressions (sources) for callee names whose calls must keep their order, added to the defaults (begin, commit, lock, release, connect, close, write, send, save, migrate, …).',
          },
          orderedReceiverPatterns: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Regular expressions (sources) for receiver or argument names that stand for one connection or stateful handle, added to the defaults (connection, conn, tx, trx, transaction, queryRunner, session, cursor, manager, …).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [
      {
        checkScripts: false,
        checkTests: false,
        checkUnknownEffects: false,
        checkUnknownLatency: false,
        orderedCallPatterns: [],
        orderedReceiverPatterns: [],
      },
    ],
  },
  create(context, [options]) {
    /** Tests and one-shot scripts are left alone unless asked for; decided only for a file with awaits to judge. */
    function checksThisFile(): boolean {
      const { setting } = findCodeSetting(context);
      return !((setting === 'test' && !options.checkTests) || (setting === 'script' && !options.checkScripts));
    }
    const sourceCode = context.sourceCode;
    const patterns = getOrderingPatterns(options);
    const independence = { requireKnownReads: !options.checkUnknownEffects };
    const awaitedStatements = new Map<StatementList, AwaitedStatement[]>();
    const loops = new Map<LoopNode, { direct: TSESTree.AwaitExpression[]; inHead: boolean }>();

    function loopEntry(loop: LoopNode): { direct: TSESTree.AwaitExpression[]; inHead: boolean } {
      let entry = loops.get(loop);
      if (!entry) {
        entry = { direct: [], inHead: false };
        loops.set(loop, entry);
      }
      return entry;
    }

    /** Files the await under its innermost loop of the same function: in the body, or in the test/update. */
    function recordLoopAwait(node: TSESTree.AwaitExpression): void {
      let child: TSESTree.Node = node;
      for (let parent = node.parent as TSESTree.Node | undefined; parent; child = parent, parent = parent.parent) {
        if (isFunctionNode(parent)) return;
        if (!isLoopNode(parent)) continue;
        if (child === parent.body) {
          loopEntry(parent).direct.push(node);
          return;
        }
        const inHead =
          parent.type === AST_NODE_TYPES.ForStatement
            ? child === parent.test || child === parent.update
            : parent.type === AST_NODE_TYPES.WhileStatement || parent.type === AST_NODE_TYPES.DoWhileStatement
              ? child === parent.test
              : false;
        if (inHead) {
          loopEntry(parent).inHead = true;
          return;
        }
        // The collection of a for…of and the init of a for run once, as part of the code around the loop.
      }
    }

    /** Loops already reported: the awaits inside them are part of that report (one report per problem). */
    const reportedLoops: LoopNode[] = [];
    const insideReportedLoop = (node: TSESTree.Node): boolean =>
      reportedLoops.some((loop) => loop.body.range[0] <= node.range[0] && node.range[1] <= loop.body.range[1]);

    function reportRuns(): void {
      for (const [list, items] of awaitedStatements) {
        if (insideReportedLoop(list)) continue;
        const statements = statementsOf(list);
        let run: AwaitedStatement[] = [];
        let previousIndex = -2;
        const flush = (): void => {
          if (run.length >= 2) reportGroups(run);
          run = [];
        };
        for (const item of items) {
          const index = statements.indexOf(item.statement);
          if (index !== previousIndex + 1) flush();
          run.push(item);
          previousIndex = index;
        }
        flush();
      }
    }

    /**
     * Is the time a group saves worth a rewrite? Once per call, two short round trips (database or file
     * reads) save about a millisecond; it adds up where the group repeats per element of a list, or
     * where at least two of its calls wait for a remote service.
     */
    function savesEnough(group: readonly AwaitedStatement[]): boolean {
      if (options.checkUnknownLatency || runsPerElement(context, group[0]!.statement)) return true;
      return group.filter((item) => waitsRemotely(context, item.argument)).length >= 2;
    }

    function reportGroups(run: readonly AwaitedStatement[]): void {
      for (const group of findIndependentGroups(context, run, patterns, independence)) {
        if (!savesEnough(group)) continue;
        const first = group[0]!;
        const last = group[group.length - 1]!;
        const plan = planSequentialPromiseAll(sourceCode, group);
        context.report({
          loc: { start: first.statement.loc.start, end: last.statement.loc.end },
          messageId: 'sequentialAwaits',
          data: { count: group.length },
          suggest: plan ? [{ messageId: 'suggestPromiseAll', fix: plan.apply }] : [],
        });
      }
    }

    function reportLoops(): void {
      for (const [loop, { direct, inHead }] of loops) {
        const first = direct[0];
        if (!first) continue;
        const verdict = judgeLoop(context, loop, direct, inHead, patterns, independence);
        if (!verdict.independent) continue;
        reportedLoops.push(loop);
        const rewrite = classifyLoopRewrite(loop);
        const isArray = rewrite !== undefined && isArrayValue(context, rewrite.loop.right) === 'yes';
        const plan = rewrite ? planLoopPromiseAll(sourceCode, rewrite, isArray) : undefined;
        // A short literal list needs no bound; anything else gets a limiter the project already has.
        const bounded =
          rewrite && !verdict.small
            ? planBoundedLoop(sourceCode, context.filename, rewrite, isArray, findAvailableLimiters(context))
            : undefined;
        const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
        if (bounded) {
          suggest.push({
            messageId: 'suggestBoundedLoop',
            data: { limit: CONCURRENCY_LIMIT, module: bounded.module },
            fix: bounded.apply,
          });
        }
        if (plan) {
          suggest.push({
            messageId: 'suggestPromiseAllLoop',
            data: { bound: verdict.small ? '' : ' (no bound on how many run at once)' },
            fix: plan.apply,
          });
        }
        context.report({
          node: first,
          messageId: verdict.small ? 'independentLoop' : 'independentLoopUnbounded',
          data: {
            limiter: bounded
              ? `\`${bounded.module}\`, which the project already depends on`
              : "a limiter such as `p-limit`, or the ten-line one in this rule's docs",
          },
          suggest,
        });
      }
    }

    return {
      AwaitExpression(node) {
        const item = awaitedStatementOf(node);
        const list = item?.statement.parent;
        if (item && isStatementList(list)) {
          const items = awaitedStatements.get(list) ?? [];
          items.push(item);
          awaitedStatements.set(list, items);
        }
        recordLoopAwait(node);
      },
      'Program:exit'() {
        // Two awaited statements in one list, or an await in a loop's body: otherwise nothing can be reported.
        const judged =
          [...awaitedStatements.values()].some((items) => items.length >= 2) ||
          [...loops.values()].some((entry) => entry.direct.length > 0);
        if (!judged || !checksThisFile()) return;
        reportLoops();
        reportRuns();
      },
    };
  },
});
