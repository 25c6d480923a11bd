/**
 * Insert `await` or `void` before an expression, keeping precedence and the file's statements
 * intact: `loadUser().name` → `(await loadUser()).name`, `a || b` → `await (a || b)`.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { FunctionNode } from '../ast.js';
import { isParenthesized, type SourceCode } from '../scope.js';

/** Expressions that bind less tightly than a unary operator and so need parentheses after `await`. */
export function bindsLooserThanUnary(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.SequenceExpression:
    case AST_NODE_TYPES.YieldExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
      return true;
    default:
      return false;
  }
}

/** Does the parent need `(await x)` rather than `await x` at this position? */
function parentBindsTighterThanUnary(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === node;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee === node;
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return parent.tag === node;
    case AST_NODE_TYPES.BinaryExpression:
      return parent.operator === '**' && parent.left === node;
    case AST_NODE_TYPES.TSNonNullExpression:
      return true;
    case AST_NODE_TYPES.ClassDeclaration:
    case AST_NODE_TYPES.ClassExpression:
      return parent.superClass === node;
    default:
      return false;
  }
}

function isParenthesizedNode(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  return isParenthesized(node, sourceCode);
}

/** Would text inserted at `node`'s start begin a new statement right after one without a semicolon? */
function needsLeadingSemicolon(sourceCode: SourceCode, node: TSESTree.Node, start: number): boolean {
  let statement: TSESTree.Node | undefined = node;
  while (statement && statement.type !== AST_NODE_TYPES.ExpressionStatement) {
    if (statement.range[0] !== start) return false;
    statement = statement.parent;
  }
  if (!statement || statement.range[0] !== start) return false;
  // Only a previous statement of the same list can swallow the `(`; a statement that is the body of
  // `if`/`for`/a label must not get one (the `;` would become the body).
  const previous = previousStatement(statement);
  return previous !== undefined && endsWithOpenExpression(sourceCode, previous);
}

function previousStatement(statement: TSESTree.Node): TSESTree.Node | undefined {
  const parent = statement.parent;
  let list: readonly TSESTree.Node[] | undefined;
  if (
    parent?.type === AST_NODE_TYPES.Program ||
    parent?.type === AST_NODE_TYPES.BlockStatement ||
    parent?.type === AST_NODE_TYPES.StaticBlock ||
    parent?.type === AST_NODE_TYPES.TSModuleBlock
  ) {
    list = parent.body;
  } else if (parent?.type === AST_NODE_TYPES.SwitchCase) list = parent.consequent;
  const index = list ? list.indexOf(statement) : -1;
  return index > 0 ? list![index - 1] : undefined;
}

/** Does `statement` end in an expression with no `;`, so that a `(` on the next line would continue it? */
function endsWithOpenExpression(sourceCode: SourceCode, statement: TSESTree.Node): boolean {
  const last = sourceCode.getLastToken(statement);
  if (last?.value === ';') return false;
  switch (statement.type) {
    case AST_NODE_TYPES.ExpressionStatement:
    case AST_NODE_TYPES.VariableDeclaration:
      return true;
    case AST_NODE_TYPES.ExportNamedDeclaration:
      return statement.declaration?.type === AST_NODE_TYPES.VariableDeclaration;
    case AST_NODE_TYPES.ExportDefaultDeclaration:
      return (
        statement.declaration.type !== AST_NODE_TYPES.FunctionDeclaration &&
        statement.declaration.type !== AST_NODE_TYPES.ClassDeclaration &&
        statement.declaration.type !== AST_NODE_TYPES.TSInterfaceDeclaration &&
        statement.declaration.type !== AST_NODE_TYPES.TSDeclareFunction
      );
    case AST_NODE_TYPES.IfStatement:
      return endsWithOpenExpression(sourceCode, statement.alternate ?? statement.consequent);
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.WithStatement:
    case AST_NODE_TYPES.LabeledStatement:
      return endsWithOpenExpression(sourceCode, statement.body);
    default:
      return false;
  }
}

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
  const parenthesized = isParenthesizedNode(sourceCode, node);
  const first = parenthesized ? sourceCode.getTokenBefore(node)! : sourceCode.getFirstToken(node)!;
  const last = parenthesized ? sourceCode.getTokenAfter(node)! : sourceCode.getLastToken(node)!;
  const wrapInner = !parenthesized && bindsLooserThanUnary(node);
  // Parentheses of the node itself do not help: `await (x).y` awaits `(x).y`.
  const wrapOuter = parentBindsTighterThanUnary(node);
  let before = `${keyword} ${wrapInner ? '(' : ''}`;
  let after = wrapInner ? ')' : '';
  if (wrapOuter) {
    before = `(${before}`;
    after = `${after})`;
  }
  if (before.startsWith('(') && needsLeadingSemicolon(sourceCode, node, first.range[0])) before = `;${before}`;
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
