/**
 * Insert `await` or `void` before an expression, keeping precedence and the file's statements
 * intact: `loadUser().name` → `(await loadUser()).name`, `a || b` → `await (a || b)`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import type { FunctionNode } from '../ast.js';
import { isParenthesized, type SourceCode } from '../scope.js';
import { needsPrecedingSemicolon, Precedence, precedenceOf, precedenceRequiredAt } from './syntax.js';

/**
 * Fixes that put `keyword` (`await` or `void`) before `node`, adding parentheses inside when the
 * node binds looser than a unary operator and outside when its parent binds tighter.
 */
export function prefixWithKeyword(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  node: TSESTree.Node,
  keyword: 'await' | 'void',
): TSESLint.RuleFix[] {
  const parenthesized = isParenthesized(node, sourceCode);
  const first = parenthesized ? sourceCode.getTokenBefore(node)! : sourceCode.getFirstToken(node)!;
  const last = parenthesized ? sourceCode.getTokenAfter(node)! : sourceCode.getLastToken(node)!;
  const wrapInner = !parenthesized && precedenceOf(node) < Precedence.Unary;
  // Parentheses of the node itself do not help: `await (x).y` awaits `(x).y`.
  const wrapOuter = precedenceRequiredAt(node) > Precedence.Unary;
  let before = `${keyword} ${wrapInner ? '(' : ''}`;
  let after = wrapInner ? ')' : '';
  if (wrapOuter) {
    before = `(${before}`;
    after = `${after})`;
  }
  if (before.startsWith('(') && needsPrecedingSemicolon(sourceCode, node, first.range[0])) before = `;${before}`;
  // `return(x)` → `return await (x)`, not the identifier `returnawait`.
  else if (/[\p{ID_Continue}$\u200c\u200d]/u.test(sourceCode.text[first.range[0] - 1] ?? '')) before = ` ${before}`;
  const fixes = [fixer.insertTextBefore(first, before)];
  if (after) fixes.push(fixer.insertTextAfter(last, after));
  return fixes;
}

/** The method or accessor definition `fn` is the value of, where `async` goes before the key. */
function methodOf(fn: FunctionNode): TSESTree.MethodDefinition | TSESTree.Property | undefined {
  const parent = fn.parent;
  return (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.Property) &&
    parent.value === fn &&
    // Accessors of object literals are not `method`s but must not get `async` before their parameters.
    (parent.type === AST_NODE_TYPES.MethodDefinition || parent.method || parent.kind !== 'init')
    ? parent
    : undefined;
}

/** Can {@link makeFunctionAsync} make `fn` async? Not when it already is, nor for getters, setters and constructors. */
export function canMakeFunctionAsync(fn: FunctionNode): boolean {
  const method = methodOf(fn);
  return !fn.async && (!method || method.kind === 'method' || method.kind === 'init');
}

/** The fix that makes a function `async`, or undefined where it cannot be (getters, setters, constructors). */
export function makeFunctionAsync(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  fn: FunctionNode,
): TSESLint.RuleFix | undefined {
  if (!canMakeFunctionAsync(fn)) return undefined;
  const parent = methodOf(fn);
  if (parent) {
    const keyStart = parent.computed ? sourceCode.getTokenBefore(parent.key)! : sourceCode.getFirstToken(parent.key)!;
    const star = sourceCode.getTokenBefore(keyStart);
    const target = fn.generator && star?.value === '*' ? star : keyStart;
    return insertKeyword(fixer, sourceCode, target, 'async ');
  }
  return insertKeyword(fixer, sourceCode, sourceCode.getFirstToken(fn)!, 'async ');
}

/** Inserts `text` before `token`, with a space when the token touches a word (`static*gen` → `static async *gen`). */
function insertKeyword(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  token: TSESTree.Token,
  text: string,
): TSESLint.RuleFix {
  const touchesWord = /[\p{ID_Continue}$\u200c\u200d]/u.test(sourceCode.text[token.range[0] - 1] ?? '');
  return fixer.insertTextBefore(token, touchesWord ? ` ${text}` : text);
}
