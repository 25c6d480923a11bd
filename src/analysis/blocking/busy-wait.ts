/**
 * Busy-wait loops: a loop that polls a clock until it passes a bound and does nothing else,
 * `while (Date.now() < deadline) {}` or `do { now = Date.now(); } while (now - start < ms)`. A loop whose
 * body calls anything but the clock is doing work (a time-sliced batch), not waiting, and is left out.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { isFunctionNode, type LoopNode, skipChainExpression, skipTypeWrappers, walkAst } from '../ast.js';
import { CLOCK_APIS, type ClockRow } from '../catalog/clocks.js';
import { type ModuleReference, trackModuleReferences } from '../origin/modules.js';
import { type AnyContext } from '../scope.js';

/** The loops with a test a clock can be compared in. */
type TestedLoop = Extract<LoopNode, { test: unknown }>;

export interface BusyWait {
  readonly loop: TestedLoop;
  /** The clock read the loop polls (`Date.now()`), in the test or in the body. */
  readonly clock: TSESTree.CallExpression | TSESTree.NewExpression;
  /**
   * When the loop only waits (no body, no init or update) on a millisecond clock: it waits until
   * `reading` reaches `bound`, so the remaining delay is `bound - reading` milliseconds.
   */
  readonly delay: { readonly bound: TSESTree.Expression; readonly reading: TSESTree.Expression } | undefined;
}

const COMPARISONS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=']);

/** Is `loop` a busy-wait, and on which clock? */
export function findBusyWait(context: AnyContext, loop: LoopNode): BusyWait | undefined {
  if (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) return undefined;
  // Cheap filter first: most loops compare no clock at all.
  const comparisons = loop.test ? comparisonsOf(loop.test) : [];
  if (comparisons.length === 0) return undefined;
  const clocks = trackModuleReferences(context, CLOCK_APIS);
  const clockOf = (node: TSESTree.Node): ModuleReference<ClockRow> | undefined => {
    const reference = clocks.get(node);
    // `new Date(value)` is a date, not the current time.
    if (!reference || (node.type === AST_NODE_TYPES.NewExpression && node.arguments.length > 0)) return undefined;
    return reference;
  };
  const visitorKeys = context.sourceCode.visitorKeys;

  // Variables the loop sets from a clock: `now = Date.now()` in the body or the update.
  const clockVariables = new Map<string, TSESTree.CallExpression | TSESTree.NewExpression>();
  const loopParts: TSESTree.Node[] = [loop.body];
  if (loop.type === AST_NODE_TYPES.ForStatement && loop.update) loopParts.push(loop.update);
  let doesWork = false;
  for (const part of loopParts) {
    walkAst(part, visitorKeys, (node) => {
      if (isFunctionNode(node)) return false;
      if (node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.YieldExpression) doesWork = true;
      if (node.type === AST_NODE_TYPES.ForOfStatement && node.await) doesWork = true;
      if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) doesWork = true;
      if ((node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) && !clockOf(node))
        doesWork = true;
      if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.Identifier) {
        const clock = findClock(node.right, visitorKeys, clockOf, new Map());
        if (clock) clockVariables.set(node.left.name, clock);
      }
      return !doesWork;
    });
    if (doesWork) return undefined;
  }

  for (const comparison of comparisons) {
    const leftClock = findClock(comparison.left, visitorKeys, clockOf, clockVariables);
    const rightClock = findClock(comparison.right, visitorKeys, clockOf, clockVariables);
    if (!leftClock === !rightClock) continue;
    const clock = (leftClock ?? rightClock)!;
    const readingOnLeft = leftClock !== undefined;
    return {
      loop,
      clock,
      delay: waitsOnly(loop, comparison) ? delayOf(comparison, readingOnLeft, clockOf) : undefined,
    };
  }
  return undefined;
}

/** The comparisons a loop test is made of: `a < b`, or each side of `&&` / `||`. */
function comparisonsOf(test: TSESTree.Expression): TSESTree.BinaryExpression[] {
  const node = skipTypeWrappers(test);
  if (node.type === AST_NODE_TYPES.BinaryExpression && COMPARISONS.has(node.operator)) return [node];
  if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator !== '??') {
    return [...comparisonsOf(node.left), ...comparisonsOf(node.right)];
  }
  return [];
}

function findClock(
  expression: TSESTree.Node,
  visitorKeys: TSESLint.SourceCode['visitorKeys'],
  clockOf: (node: TSESTree.Node) => unknown,
  clockVariables: ReadonlyMap<string, TSESTree.CallExpression | TSESTree.NewExpression>,
): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
  let found: TSESTree.CallExpression | TSESTree.NewExpression | undefined;
  walkAst(expression, visitorKeys, (node) => {
    if (found || isFunctionNode(node)) return false;
    if ((node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) && clockOf(node))
      found = node;
    else if (node.type === AST_NODE_TYPES.Identifier && clockVariables.has(node.name))
      found = clockVariables.get(node.name);
    return !found;
  });
  return found;
}

/** A loop with nothing in it but its test: replacing it by a sleep loses nothing. */
function waitsOnly(loop: TestedLoop, comparison: TSESTree.BinaryExpression): boolean {
  if (skipTypeWrappers(loop.test!) !== comparison) return false;
  if (loop.type === AST_NODE_TYPES.ForStatement && (loop.init || loop.update)) return false;
  return (
    loop.body.type === AST_NODE_TYPES.EmptyStatement ||
    (loop.body.type === AST_NODE_TYPES.BlockStatement && loop.body.body.length === 0)
  );
}

/**
 * `reading < bound` (or `bound > reading`) where `reading` is a millisecond clock, optionally plus or
 * minus an offset: the loop ends after `bound - reading` milliseconds.
 */
function delayOf(
  comparison: TSESTree.BinaryExpression,
  readingOnLeft: boolean,
  clockOf: (node: TSESTree.Node) => ModuleReference<ClockRow> | undefined,
): BusyWait['delay'] {
  const waitsForGrowth = readingOnLeft
    ? comparison.operator === '<' || comparison.operator === '<='
    : comparison.operator === '>' || comparison.operator === '>=';
  if (!waitsForGrowth || comparison.left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
  const reading = readingOnLeft ? comparison.left : comparison.right;
  const bound = readingOnLeft ? comparison.right : comparison.left;
  const isMillisecondClock = (node: TSESTree.Node): boolean => clockOf(skipChainExpression(node))?.row.unit === 'ms';
  const direct = isMillisecondClock(reading);
  const offset =
    reading.type === AST_NODE_TYPES.BinaryExpression &&
    (reading.operator === '-' || reading.operator === '+') &&
    isMillisecondClock(reading.left) &&
    isConstantOffset(reading.right);
  return direct || offset ? { bound, reading } : undefined;
}

/** Conservative: only a name, a literal or a property counts as an offset that stays put while the loop spins. */
function isConstantOffset(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.Identifier ||
    node.type === AST_NODE_TYPES.Literal ||
    node.type === AST_NODE_TYPES.MemberExpression
  );
}
