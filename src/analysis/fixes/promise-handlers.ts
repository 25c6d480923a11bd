/**
 * Fix builders that handle a dropped promise without awaiting it one by one: wrap an array of
 * promises in `Promise.all(…)` (optionally awaited) and append a `.catch(…)` rejection handler.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { isParenthesized, type SourceCode } from '../scope.js';

/** Can `node` be followed by `.member` without parentheses (`f()`, `a.b`, `new X()`, `(x)`)? */
function isMemberAccessible(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.ImportExpression:
    case AST_NODE_TYPES.ThisExpression:
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return true;
    case AST_NODE_TYPES.NewExpression:
      // `new X` without arguments would become `new X.catch(…)`.
      return sourceCode.getLastToken(node)?.value === ')';
    default:
      return false;
  }
}

/**
 * `expr` → `expr.catch(handlerText)`, with parentheses where `expr` binds looser than a member access.
 * A multi-line handler is indented like the line the expression starts on.
 */
export function appendCatch(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  node: TSESTree.Node,
  handlerTextAtColumn0: string,
): TSESLint.RuleFix[] {
  const indentation = /^[ \t]*/u.exec(sourceCode.lines[node.loc.start.line - 1] ?? '')![0];
  const handlerText = handlerTextAtColumn0.replaceAll('\n', `\n${indentation}`);
  if (isParenthesized(node, sourceCode)) {
    return [fixer.insertTextAfter(sourceCode.getTokenAfter(node)!, `.catch(${handlerText})`)];
  }
  if (isMemberAccessible(sourceCode, node)) return [fixer.insertTextAfter(node, `.catch(${handlerText})`)];
  return [fixer.insertTextBefore(node, '('), fixer.insertTextAfter(node, `).catch(${handlerText})`)];
}

/**
 * `ids.map(async …)` → `await Promise.all(ids.map(async …))` (or `void Promise.all(…)`), for an
 * array of promises in a position where a unary expression is allowed without parentheses.
 */
export function wrapInPromiseAll(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  node: TSESTree.Node,
  keyword: 'await' | 'void' | undefined,
): TSESLint.RuleFix[] {
  const parenthesized = isParenthesized(node, sourceCode);
  const first = parenthesized ? sourceCode.getTokenBefore(node)! : sourceCode.getFirstToken(node)!;
  const last = parenthesized ? sourceCode.getTokenAfter(node)! : sourceCode.getLastToken(node)!;
  const inner = node.type === AST_NODE_TYPES.SequenceExpression && !parenthesized;
  const prefix = `${keyword ? `${keyword} ` : ''}Promise.all(${inner ? '(' : ''}`;
  return [fixer.insertTextBefore(first, prefix), fixer.insertTextAfter(last, `${inner ? ')' : ''})`)];
}
