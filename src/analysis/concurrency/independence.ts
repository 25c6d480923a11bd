/**
 * Could these awaits run together? For a run of consecutive awaited statements, the groups whose
 * statements neither need each other's results nor touch the same state in an order that
 * matters; for a loop, whether its iterations are independent (no loop-carried dependency, no
 * early exit on an awaited result, no polling, retry or pacing). Built on the data dependencies of
 * `dependencies.ts`, the call-order heuristics of `ordering.ts`, and, when only known reads may run
 * together, the effects of `call-effects.ts`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import {
  containsAwait,
  getStaticPropertyName,
  isFunctionNode,
  isLoopNode,
  type LoopNode,
  skipChainExpression,
  skipTypeWrappers,
  walkAst,
} from '../ast.js';
import { PROMISE_CALLBACK_METHODS } from '../catalog/promise-apis.js';
import { isSmallLoop } from '../execution/repetition.js';
import { getPromiseKnowledge } from '../promises/promises.js';
import { type AnyContext, findVariableAt } from '../scope.js';
import type { AwaitedStatement } from './awaited-statements.js';
import { judgeAwaitedWork } from './call-effects.js';
import {
  type DependencyKey,
  dependsOn,
  type Effects,
  getEffects,
  isDeclaredInside,
  isModuleLevel,
} from './dependencies.js';
import { awaitedLatency } from './latency.js';
import {
  callsAreOrdered,
  isDataMethod,
  isMutatingCall,
  isPacingExpression,
  orderedCallReason,
  type OrderingPatterns,
  pacesInCallee,
} from './ordering.js';
import { isSqlTag } from './sql-kind.js';

const PROMISE_COMBINATORS = new Set(['all', 'allSettled', 'race', 'any']);

/**
 * Does awaiting `expression` wait for work that starts right here (a call or `new`), rather than
 * for a promise started earlier (`await p`, `await p.then(…)`, `Promise.all([a, b])`) or for nothing
 * (`Promise.resolve()`)?
 */
export function startsNewWork(expression: TSESTree.Node): boolean {
  const value = skipTypeWrappers(skipChainExpression(expression));
  if (value.type === AST_NODE_TYPES.NewExpression) return true;
  // `` sql`SELECT …` `` sends a query (postgres.js, Prisma's `$queryRaw`).
  if (value.type === AST_NODE_TYPES.TaggedTemplateExpression) return isSqlTag(value.tag);
  if (value.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTypeWrappers(skipChainExpression(value.callee));
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return true;
  const name = getStaticPropertyName(callee);
  if (name !== undefined && PROMISE_CALLBACK_METHODS.has(name)) return startsNewWork(callee.object);
  if (callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Promise') {
    // `Promise.resolve()` starts nothing; `Promise.all([a, b])` waits for promises started earlier.
    if (name === undefined || !PROMISE_COMBINATORS.has(name)) return false;
    const list = value.arguments[0];
    if (!list || list.type === AST_NODE_TYPES.Identifier) return false;
    if (list.type !== AST_NODE_TYPES.ArrayExpression) return true;
    return list.elements.some(
      (element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && startsNewWork(element),
    );
  }
  return true;
}

/**
 * Could the awaited value be a promise? With type information a non-thenable type says no
 * (`await cachedUser()` returning a plain object); `any` and unresolved types stay possible, as
 * they are without types, where only a same-file function that returns no promise says no.
 */
export function awaitsPromise(context: AnyContext, expression: TSESTree.Node): boolean {
  return getPromiseKnowledge(context).isPromise(expression) !== 'no';
}

/** `await` and `yield` expressions in `node`, outside nested functions. */
function awaitsIn(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
): { awaits: TSESTree.AwaitExpression[]; yields: number } {
  const awaits: TSESTree.AwaitExpression[] = [];
  let yields = 0;
  walkAst(node, sourceCode.visitorKeys, (current) => {
    if (current !== node && isFunctionNode(current)) return false;
    if (current.type === AST_NODE_TYPES.AwaitExpression) awaits.push(current);
    if (current.type === AST_NODE_TYPES.YieldExpression) yields += 1;
    return true;
  });
  return { awaits, yields };
}

/** Mutations through objects of the whole program are calls on services; local objects are stateful. */
const countLocalMutations = { countMayMutate: (key: DependencyKey) => !isModuleLevel(key) };

interface Candidate {
  readonly item: AwaitedStatement;
  readonly effects: Effects;
}

export interface IndependenceOptions {
  /**
   * Only work known to read may run together (`call-effects.ts`): a call of unknown effect keeps its
   * place. False (the default here) is the wider reading, where any call not known to be ordered may move.
   */
  readonly requireKnownReads?: boolean;
}

/** Does any call or SQL template in `effects` keep its place? */
function hasOrderedCall(
  context: AnyContext,
  effects: Effects,
  patterns: OrderingPatterns,
  where: 'sequence' | 'loop',
): boolean {
  return (
    effects.calls.some((site) => orderedCallReason(context, site.node, patterns, where) !== undefined) ||
    effects.templates.some((template) => orderedCallReason(context, template, patterns, where) !== undefined)
  );
}

/**
 * Can this statement join a `Promise.all` at all, whatever its neighbours, as far as the file itself
 * tells? The answers that may read other files (`awaitsJoinableWork`) are asked apart, and only
 * where they can change a report.
 */
function asLocalCandidate(
  context: AnyContext,
  item: AwaitedStatement,
  patterns: OrderingPatterns,
): Candidate | undefined {
  const argument = item.argument;
  if (!startsNewWork(argument)) return undefined;
  if (containsAwait(context.sourceCode, argument)) return undefined;
  if (isPacingExpression(context, argument) || pacesInCallee(context, argument)) return undefined;
  // An async helper of this file that waits for nothing (`latency.ts`): nothing to overlap.
  if (awaitedLatency(context, argument) !== 'unknown') return undefined;
  const effects = getEffects(context, item.statement);
  if (hasOrderedCall(context, effects, patterns, 'sequence')) return undefined;
  // Writes stay where they are: with `Promise.all` a write would start even when the call before it
  // failed, and a read beside it could see the state before or after it.
  if (effects.calls.some((site) => !isDataMethod(site.node) && isMutatingCall(site.node))) return undefined;
  return { item, effects };
}

/**
 * The rest of a candidate's conditions: known to only read (when asked) and a promise. Both may follow
 * a call into another project file (`project/`), the dearest questions, so they come last.
 */
function awaitsJoinableWork(context: AnyContext, argument: TSESTree.Node, options: IndependenceOptions): boolean {
  if (options.requireKnownReads && judgeAwaitedWork(context, argument) !== 'read') return false;
  return awaitsPromise(context, argument);
}

function conflict(context: AnyContext, earlier: Candidate, later: Candidate): boolean {
  if (dependsOn(earlier.effects, later.effects, countLocalMutations)) return true;
  for (const a of earlier.effects.calls) {
    for (const b of later.effects.calls) if (callsAreOrdered(context, a, b)) return true;
  }
  return false;
}

/**
 * Splits consecutive awaited statements (in source order, with nothing between them) into groups
 * of two or more that can run together. A statement that cannot join any group (pacing, an ordered
 * call, an already-started promise) separates the groups around it; one that depends on the group
 * before it starts a new one.
 */
export function findIndependentGroups(
  context: AnyContext,
  items: readonly AwaitedStatement[],
  patterns: OrderingPatterns,
  options: IndependenceOptions = {},
): AwaitedStatement[][] {
  const groups: AwaitedStatement[][] = [];
  let group: Candidate[] = [];
  const flush = (): void => {
    if (group.length >= 2) groups.push(group.map((candidate) => candidate.item));
    group = [];
  };
  const local = items.map((item) => asLocalCandidate(context, item, patterns));
  local.forEach((found, index) => {
    // A statement whose neighbours cannot join forms no group of two whatever it awaits: its dearer
    // questions are not asked.
    const alone = !local[index - 1] && !local[index + 1];
    const candidate = found && !alone && awaitsJoinableWork(context, found.item.argument, options) ? found : undefined;
    if (!candidate) {
      flush();
      return;
    }
    if (group.some((earlier) => conflict(context, earlier, candidate))) flush();
    group.push(candidate);
  });
  flush();
  return groups;
}

type LoopDependency =
  /** `for await`: asynchronous iteration on purpose. */
  | 'for-await'
  /** An await in the loop test or update: polling. */
  | 'await-in-test'
  /** The body yields: a generator streams one result at a time. */
  | 'yield'
  /** An awaited sleep or timer paces the loop, in the body or in a same-file function it calls. */
  | 'pacing'
  /** Some awaited work is not known to only read (when only known reads may run together). */
  | 'unknown-effects'
  /** Nothing awaited starts new work, or nothing awaited is a promise. */
  | 'no-new-work'
  /** Every awaited call settles at once or only loads modules (`latency.ts`): nothing to overlap. */
  | 'no-latency'
  /** The body never reads a loop variable: the same work repeated (polling, retry, draining). */
  | 'same-work'
  /**
   * The loop calls each function of a list (`for (const op of ops) await op()`, `await hook.apply(…)`): a
   * sequence built to run in order (importer steps, hooks, a pool's worker taking tasks one at a time).
   */
  | 'calls-each-function'
  /** `try` with a `return`/`break` inside: a retry. */
  | 'retry'
  /** `break`/`return`/`continue` that depends on an awaited result: stops at the first match. */
  | 'early-exit'
  /** Something an iteration writes is read or written by the next (other than collecting results). */
  | 'loop-carried'
  /** A method is called on a stateful local object (a page, a parser, a checked-out connection). */
  | 'stateful-receiver'
  /** A call whose name, receiver or arguments say order matters. */
  | 'ordered-call'
  /**
   * A call that changes shared state (`update`, `insert`, `addUnique`, `writeFile`): writes in a loop
   * are kept one at a time (chunked batches, rows of one transaction, parents before children).
   */
  | 'writes';

export type LoopVerdict =
  | {
      readonly independent: true;
      /** The loop runs over a short literal list: no need to bound concurrency. */ readonly small: boolean;
    }
  | { readonly independent: false; readonly reason: LoopDependency };

/** Variables that differ per iteration: the `for…of`/`for…in` binding, or the counter of a `for`. */
function loopVariables(context: AnyContext, loop: LoopNode): Set<DependencyKey> {
  const variables = new Set<DependencyKey>();
  const sourceCode = context.sourceCode;
  if (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) {
    if (loop.left.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const variable of sourceCode.getDeclaredVariables(loop.left)) variables.add(variable);
    } else for (const key of getEffects(context, loop.left, 0).writes) variables.add(key);
  } else if (loop.type === AST_NODE_TYPES.ForStatement) {
    if (loop.init?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const variable of sourceCode.getDeclaredVariables(loop.init)) variables.add(variable);
    }
    if (loop.update) for (const key of getEffects(context, loop.update, 0).writes) variables.add(key);
  }
  return variables;
}

/** `op()`, `op.call(…)`, `op.apply(…)` where `op` is a loop variable: the element itself is the function called. */
function callsLoopVariable(context: AnyContext, expression: TSESTree.Node, perIteration: Set<DependencyKey>): boolean {
  const value = skipTypeWrappers(skipChainExpression(expression));
  if (value.type !== AST_NODE_TYPES.CallExpression) return false;
  let callee = skipTypeWrappers(skipChainExpression(value.callee));
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    ['call', 'apply'].includes(getStaticPropertyName(callee) ?? '')
  )
    callee = skipTypeWrappers(callee.object);
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariableAt(context.sourceCode, callee, callee);
  return variable !== null && perIteration.has(variable);
}

/** The parts of the loop evaluated outside the body: test, update, iterated collection. */
function headParts(loop: LoopNode): TSESTree.Node[] {
  switch (loop.type) {
    case AST_NODE_TYPES.ForStatement:
      return [loop.init, loop.test, loop.update].filter((part): part is NonNullable<typeof part> => part !== null);
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
      return [loop.right];
    default:
      return [loop.test];
  }
}

type ExitKind = 'leaves' | 'continues';

/** Does this `break`/`continue`/`return` leave the loop or skip to its next iteration? */
function exitKind(statement: TSESTree.Node, loop: LoopNode): ExitKind | undefined {
  if (statement.type === AST_NODE_TYPES.ReturnStatement) return 'leaves';
  if (statement.type !== AST_NODE_TYPES.BreakStatement && statement.type !== AST_NODE_TYPES.ContinueStatement)
    return undefined;
  const label = statement.label?.name;
  for (
    let current: TSESTree.Node | undefined = statement.parent;
    current && current !== loop;
    current = current.parent
  ) {
    if (label !== undefined) {
      if (current.type === AST_NODE_TYPES.LabeledStatement && current.label.name === label) return undefined;
      continue;
    }
    if (isLoopNode(current)) return undefined;
    if (statement.type === AST_NODE_TYPES.BreakStatement && current.type === AST_NODE_TYPES.SwitchStatement)
      return undefined;
  }
  const continuesThis =
    statement.type === AST_NODE_TYPES.ContinueStatement &&
    (label === undefined || (loop.parent.type === AST_NODE_TYPES.LabeledStatement && loop.parent.label.name === label));
  return continuesThis ? 'continues' : 'leaves';
}

/** Variables whose value comes from an await in this body, directly or through other such variables. */
function awaitedVariables(context: AnyContext, body: TSESTree.Node): Set<DependencyKey> {
  const sourceCode = context.sourceCode;
  const tainted = new Set<DependencyKey>();
  const isTainted = (expression: TSESTree.Node): boolean =>
    containsAwait(sourceCode, expression) ||
    [...getEffects(context, expression, 0).reads].some((key) => tainted.has(key));
  for (let pass = 0; pass < 2; pass++) {
    walkAst(body, sourceCode.visitorKeys, (current) => {
      if (current !== body && isFunctionNode(current)) return false;
      if (current.type === AST_NODE_TYPES.VariableDeclarator && current.init && isTainted(current.init)) {
        for (const variable of sourceCode.getDeclaredVariables(current)) tainted.add(variable);
      }
      if (current.type === AST_NODE_TYPES.AssignmentExpression && isTainted(current.right)) {
        for (const key of getEffects(context, current.left, 0).writes) tainted.add(key);
        if (current.left.type === AST_NODE_TYPES.Identifier) {
          const variable = findVariableAt(sourceCode, current.left, current.left);
          if (variable) tainted.add(variable);
        }
      }
      return true;
    });
  }
  return tainted;
}

/** Early exits and retries: `break`/`return`/`continue` decided by an awaited result, `try` with an exit inside. */
function exitDependency(context: AnyContext, loop: LoopNode): LoopDependency | undefined {
  const sourceCode = context.sourceCode;
  const body = loop.body;
  let tainted: Set<DependencyKey> | undefined;
  const dependsOnAwait = (expression: TSESTree.Node): boolean => {
    if (containsAwait(sourceCode, expression)) return true;
    tainted ??= awaitedVariables(context, body);
    const reads = getEffects(context, expression, 0).reads;
    return [...reads].some((key) => tainted!.has(key));
  };
  let verdict: LoopDependency | undefined;
  walkAst(body, sourceCode.visitorKeys, (current) => {
    if (verdict) return false;
    if (isFunctionNode(current)) return false;
    const kind = exitKind(current, loop);
    if (!kind) return true;
    if (current.type === AST_NODE_TYPES.ReturnStatement && current.argument && dependsOnAwait(current.argument)) {
      verdict = 'early-exit';
      return false;
    }
    let guarded = false;
    for (
      let child: TSESTree.Node = current, parent = current.parent;
      parent && child !== body;
      child = parent, parent = parent.parent
    ) {
      if (
        parent.type === AST_NODE_TYPES.TryStatement &&
        child === parent.block &&
        containsAwait(sourceCode, parent.block) &&
        kind === 'leaves'
      ) {
        verdict = 'retry';
        return false;
      }
      if (parent.type === AST_NODE_TYPES.CatchClause) {
        const tryStatement = parent.parent;
        if (containsAwait(sourceCode, tryStatement.block)) {
          verdict = kind === 'leaves' ? 'retry' : 'early-exit';
          return false;
        }
      }
      const guard =
        parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression
          ? parent.test
          : parent.type === AST_NODE_TYPES.SwitchStatement
            ? parent.discriminant
            : parent.type === AST_NODE_TYPES.SwitchCase
              ? parent.test
              : undefined;
      if (guard && child !== guard) {
        guarded = true;
        if (dependsOnAwait(guard)) {
          verdict = 'early-exit';
          return false;
        }
      }
    }
    // An exit that nothing guards ends the loop in its first iteration: not a loop over independent work.
    if (!guarded && kind === 'leaves') verdict = 'early-exit';
    return false;
  });
  return verdict;
}

/**
 * Are the iterations of `loop` independent, so that they could run together? `directAwaits` are
 * the awaits whose innermost loop is this one; `awaitInHead` says an await sits in its test or update.
 */
export function judgeLoop(
  context: AnyContext,
  loop: LoopNode,
  directAwaits: readonly TSESTree.AwaitExpression[],
  awaitInHead: boolean,
  patterns: OrderingPatterns,
  options: IndependenceOptions = {},
): LoopVerdict {
  const no = (reason: LoopDependency): LoopVerdict => ({ independent: false, reason });
  const sourceCode = context.sourceCode;
  if (loop.type === AST_NODE_TYPES.ForOfStatement && loop.await) return no('for-await');
  if (awaitInHead) return no('await-in-test');
  const inBody = awaitsIn(sourceCode, loop.body);
  if (inBody.yields > 0) return no('yield');
  if (
    inBody.awaits.some(
      (awaited) => isPacingExpression(context, awaited.argument) || pacesInCallee(context, awaited.argument),
    )
  )
    return no('pacing');
  if (!directAwaits.some((awaited) => startsNewWork(awaited.argument))) return no('no-new-work');
  const effects = getEffects(context, loop.body);
  const perIteration = loopVariables(context, loop);
  if (![...effects.reads].some((key) => perIteration.has(key))) return no('same-work');
  if (directAwaits.some((awaited) => callsLoopVariable(context, awaited.argument, perIteration)))
    return no('calls-each-function');
  const exit = exitDependency(context, loop);
  if (exit) return no(exit);

  const counters = loop.type === AST_NODE_TYPES.ForStatement && loop.init ? loop.init : undefined;
  const isOuter = (key: DependencyKey): boolean =>
    !isDeclaredInside(key, loop) ||
    (counters !== undefined && typeof key !== 'string' && isDeclaredInside(key, counters));
  for (const key of effects.writes) if (isOuter(key)) return no('loop-carried');
  const headReads = new Set(headParts(loop).flatMap((part) => [...getEffects(context, part, 0).reads]));
  for (const key of effects.collects) {
    if (!isOuter(key)) continue;
    if (effects.reads.has(key) || effects.mayMutate.has(key) || headReads.has(key)) return no('loop-carried');
  }
  for (const key of effects.mayMutate) {
    if (typeof key !== 'string' && isOuter(key) && !isModuleLevel(key)) return no('stateful-receiver');
  }
  if (hasOrderedCall(context, effects, patterns, 'loop')) return no('ordered-call');
  if (effects.calls.some((site) => !isDataMethod(site.node) && isMutatingCall(site.node))) return no('writes');
  // Last, as only they may read other files: whether the new work is a promise, and known to only read.
  const newWork = directAwaits.filter(
    (awaited) => startsNewWork(awaited.argument) && awaitsPromise(context, awaited.argument),
  );
  if (newWork.length === 0) return no('no-new-work');
  if (newWork.every((awaited) => awaitedLatency(context, awaited.argument) !== 'unknown')) return no('no-latency');
  if (
    options.requireKnownReads &&
    inBody.awaits.some(
      (awaited) => startsNewWork(awaited.argument) && judgeAwaitedWork(context, awaited.argument) !== 'read',
    )
  )
    return no('unknown-effects');
  return { independent: true, small: isSmallLoop(loop) };
}
