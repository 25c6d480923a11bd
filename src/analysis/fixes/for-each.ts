/**
 * Rewrites of `xs.forEach(async (x) => { … })`, whose promises nobody waits for:
 * one after another (`for (const x of xs) { … }`) or concurrently
 * (`await Promise.all(xs.map(async (x) => { … }))`). Each builder returns undefined where the
 * rewrite would change more than the timing.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { type FunctionNode, getPatternTargets, getStaticPropertyName, isFunctionNode, walkAst } from '../ast.js';
import { type SourceCode } from '../scope.js';
import { Precedence, textWithPrecedence } from './syntax.js';

interface ForEachCall {
  readonly call: TSESTree.CallExpression;
  readonly callee: TSESTree.MemberExpression;
  readonly statement: TSESTree.ExpressionStatement;
}

/** `receiver.forEach(callback)` as a whole statement (its `undefined` result unused), no optional chaining. */
function asForEachStatement(call: TSESTree.CallExpression): ForEachCall | undefined {
  const statement = call.parent;
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression !== call) return undefined;
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.optional || call.optional || callee.computed)
    return undefined;
  if (getStaticPropertyName(callee) !== 'forEach') return undefined;
  return { call, callee, statement };
}

/** Does a node under `root` match `test`? Nested functions are searched only when `intoArrows` and they are arrows. */
function findInside(
  sourceCode: SourceCode,
  root: TSESTree.Node,
  test: (node: TSESTree.Node) => boolean,
  intoArrows: boolean,
): boolean {
  let found = false;
  walkAst(root, sourceCode.visitorKeys, (node) => {
    if (found) return false;
    if (test(node)) {
      found = true;
      return false;
    }
    return (
      node === root || !isFunctionNode(node) || (intoArrows && node.type === AST_NODE_TYPES.ArrowFunctionExpression)
    );
  });
  return found;
}

/** Names bound by a parameter pattern. */
function boundNames(pattern: TSESTree.Node): string[] {
  return getPatternTargets(pattern).flatMap((target) =>
    target.type === AST_NODE_TYPES.Identifier ? [target.name] : [],
  );
}

export interface ForOfOptions {
  /** `await` is valid where the statement is (the callback's awaits move into the enclosing function). */
  readonly canAwait: boolean;
}

/** A planned rewrite of a `forEach` statement; `apply` makes the edit. */
export interface ForEachFixPlan {
  readonly apply: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix | TSESLint.RuleFix[];
}

/**
 * `xs.forEach(async (x) => { body })` → `for (const x of xs) { body }`, when the callback is inline,
 * uses only its first parameter, has no `return` (which would leave the enclosing function), no
 * `this`/`arguments` of its own, and every comment of the call lives in the parts that are kept.
 */
export function planForEachToForOf(
  sourceCode: SourceCode,
  call: TSESTree.CallExpression,
  options: ForOfOptions,
): ForEachFixPlan | undefined {
  const rewrite = planForOfText(sourceCode, call, options);
  return rewrite ? { apply: (fixer) => fixer.replaceText(rewrite.statement, rewrite.text) } : undefined;
}

function planForOfText(
  sourceCode: SourceCode,
  call: TSESTree.CallExpression,
  options: ForOfOptions,
): { statement: TSESTree.ExpressionStatement; text: string } | undefined {
  const forEach = asForEachStatement(call);
  if (!forEach || call.arguments.length !== 1) return undefined;
  const callback = call.arguments[0]!;
  if (!isFunctionNode(callback) || callback.generator || callback.params.length !== 1) return undefined;
  const param = callback.params[0]!;
  if (
    param.type !== AST_NODE_TYPES.Identifier &&
    param.type !== AST_NODE_TYPES.ObjectPattern &&
    param.type !== AST_NODE_TYPES.ArrayPattern
  ) {
    return undefined;
  }
  // espree nodes have neither `optional` nor `decorators`.
  if (param.optional || (param.decorators?.length ?? 0) > 0) return undefined;
  const fn: FunctionNode = callback;
  const body = fn.body;
  if (findInside(sourceCode, body, (node) => node.type === AST_NODE_TYPES.ReturnStatement, false)) return undefined;
  if (fn.type === AST_NODE_TYPES.FunctionExpression) {
    const ownThis = (node: TSESTree.Node): boolean =>
      node.type === AST_NODE_TYPES.ThisExpression ||
      (node.type === AST_NODE_TYPES.Identifier && node.name === 'arguments');
    if (findInside(sourceCode, body, ownThis, true)) return undefined;
  }
  const awaits = (node: TSESTree.Node): boolean =>
    node.type === AST_NODE_TYPES.AwaitExpression || (node.type === AST_NODE_TYPES.ForOfStatement && node.await);
  const expressionBody = body.type !== AST_NODE_TYPES.BlockStatement;
  if ((expressionBody || findInside(sourceCode, body, awaits, false)) && !options.canAwait) return undefined;
  // `x.forEach(async (x) => …)` would read `x` in its own temporal dead zone.
  const names = boundNames(param);
  if (
    findInside(
      sourceCode,
      forEach.callee.object,
      (node) => node.type === AST_NODE_TYPES.Identifier && names.includes(node.name),
      true,
    )
  )
    return undefined;
  const kept: TSESTree.Node[] = [forEach.callee.object, param, body];
  const comments = sourceCode.getCommentsInside(forEach.statement);
  if (
    comments.some(
      (comment) => !kept.some((node) => node.range[0] <= comment.range[0] && comment.range[1] <= node.range[1]),
    )
  ) {
    return undefined;
  }
  const paramEnd = param.typeAnnotation ? param.typeAnnotation.range[0] : param.range[1];
  const paramText = sourceCode.text.slice(param.range[0], paramEnd).trimEnd();
  const reassigned = findInside(
    sourceCode,
    body,
    (node) =>
      (node.type === AST_NODE_TYPES.AssignmentExpression &&
        boundNames(node.left).some((name) => names.includes(name))) ||
      (node.type === AST_NODE_TYPES.UpdateExpression &&
        node.argument.type === AST_NODE_TYPES.Identifier &&
        names.includes(node.argument.name)),
    true,
  );
  const receiver = forEach.callee.object;
  const receiverText =
    receiver.type === AST_NODE_TYPES.SequenceExpression
      ? `(${sourceCode.getText(receiver)})`
      : sourceCode.getText(receiver);
  let bodyText: string;
  if (body.type === AST_NODE_TYPES.BlockStatement) bodyText = sourceCode.getText(body);
  else {
    bodyText = `{ await ${textWithPrecedence(sourceCode, body, Precedence.Unary)}; }`;
  }
  return {
    statement: forEach.statement,
    text: `for (${reassigned ? 'let' : 'const'} ${paramText} of ${receiverText}) ${bodyText}`,
  };
}

/**
 * `xs.forEach(cb)` → `await Promise.all(xs.map(cb))`: the same callbacks, all started at once, awaited
 * together. Undefined unless the call is a whole `forEach` statement.
 */
export function planForEachToPromiseAll(call: TSESTree.CallExpression): ForEachFixPlan | undefined {
  const forEach = asForEachStatement(call);
  if (!forEach) return undefined;
  return {
    apply: (fixer) => [
      fixer.insertTextBefore(call, 'await Promise.all('),
      fixer.replaceText(forEach.callee.property, 'map'),
      fixer.insertTextAfter(call, ')'),
    ],
  };
}
