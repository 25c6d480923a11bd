/**
 * Merge awaits into one `Promise.all`: consecutive statements
 * (`const a = await f(); const b = await g();` → `const [a, b] = await Promise.all([f(), g()]);`)
 * and a loop whose body only awaits one call per element
 * (`for (const x of xs) await f(x);` → `await Promise.all(xs.map((x) => f(x)));`).
 * The builders return undefined (no fix) when the rewrite could not keep the code's meaning,
 * its comments or its types.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { getStaticPropertyName, isFunctionNode, walkAst } from '../ast.js';
import type { AwaitedStatement } from '../concurrency/awaited-statements.js';
import { findVariableAt, type SourceCode } from '../scope.js';
import { guardStatementStart, Precedence, textWithPrecedence } from './syntax.js';

type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;

/** Is the global `Promise` what the name means at `node` (no local class or import called `Promise`)? */
function isGlobalPromise(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const variable = findVariableAt(sourceCode, node, 'Promise') as { defs: unknown[] } | null;
  return variable === null || variable.defs.length === 0;
}

const inside = (inner: TSESTree.Range, outer: TSESTree.Range): boolean => inner[0] >= outer[0] && inner[1] <= outer[1];

/** Text of a binding without its type annotation: `a` for `a: User`, `{ x }` for `{ x }: Row`. */
function bindingText(
  sourceCode: SourceCode,
  id: TSESTree.Node & { typeAnnotation?: TSESTree.TSTypeAnnotation },
): string {
  if (!id.typeAnnotation) return sourceCode.getText(id);
  return sourceCode.text.slice(id.range[0], id.typeAnnotation.range[0]).trimEnd();
}

function indentOf(sourceCode: SourceCode, node: TSESTree.Node): string {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return /^\s*/u.exec(line)![0];
}

interface Element {
  readonly text: string;
  readonly leading: readonly string[];
  readonly trailing: readonly string[];
}

/**
 * The suggestion for a run of independent awaited statements, or undefined when it would lose
 * something: mixed `const`/`let`, declarations mixed with assignments, some bindings typed and
 * others not, a comment inside a statement, or a local `Promise`.
 */
export function buildSequentialPromiseAllFix(
  sourceCode: SourceCode,
  items: readonly AwaitedStatement[],
): Fix | undefined {
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last || items.length < 2 || !isGlobalPromise(sourceCode, first.statement)) return undefined;
  const declarations = items.filter((item) => item.kind === 'declaration');
  const assignments = items.filter((item) => item.kind === 'assignment');
  if (declarations.length > 0 && assignments.length > 0) return undefined;
  const declarationKinds = new Set(declarations.map((item) => item.declarationKind));
  if (declarationKinds.size > 1) return undefined;
  const annotated = declarations.filter((item) => item.id.typeAnnotation != null);
  if (annotated.length > 0 && annotated.length !== declarations.length) return undefined;

  // Comments: inside an awaited expression or binding they travel with it; between statements they
  // are kept next to their element; anywhere else in a statement the fix is withheld.
  const comments = commentsBetween(sourceCode, first.statement, last.statement);
  const leading: string[][] = items.map(() => []);
  const trailing: string[][] = items.map(() => []);
  for (const comment of comments) {
    const owner = items.findIndex((item) => inside(comment.range, item.statement.range));
    if (owner >= 0) {
      const item = items[owner]!;
      const keptWith = [item.argument.range, bindingRange(item)].some((range) => range && inside(comment.range, range));
      if (!keptWith) return undefined;
      continue;
    }
    const next = items.findIndex((item) => item.statement.range[0] >= comment.range[1]);
    const previous = items[next - 1]!;
    const text = sourceCode.getText(comment);
    if (comment.loc.start.line === previous.statement.loc.end.line) trailing[next - 1]!.push(text);
    else leading[next]!.push(text);
  }

  const elements: Element[] = items.map((item, index) => ({
    text: sourceCode.getText(item.argument),
    leading: leading[index]!,
    trailing: trailing[index]!,
  }));
  const bindings = items.map((item) => {
    if (item.kind === 'declaration') return bindingText(sourceCode, item.id);
    if (item.kind === 'assignment') return sourceCode.getText(item.target);
    return '';
  });
  let lastBinding = bindings.length - 1;
  while (lastBinding >= 0 && bindings[lastBinding] === '') lastBinding -= 1;
  // Ignored results become holes (`[, b]`); trailing ones are left out (`[a]`).
  const pattern = `[${bindings.slice(0, lastBinding + 1).join(', ')}]`;
  let head: string;
  if (declarations.length > 0) {
    const tuple =
      annotated.length > 0
        ? `: [${items.map((item) => (item.kind === 'declaration' ? sourceCode.getText(item.id.typeAnnotation!.typeAnnotation) : 'unknown')).join(', ')}]`
        : '';
    head = `${declarations[0]!.declarationKind} ${pattern}${tuple} = `;
  } else if (assignments.length > 0) {
    head = `${pattern} = `;
  } else {
    head = '';
  }
  const statementStart = indentOf(sourceCode, first.statement).length + `${head}await Promise.all(`.length;
  const text = guardStatementStart(
    sourceCode,
    first.statement,
    `${head}await Promise.all(${formatList(sourceCode, first.statement, elements, statementStart)});`,
  );
  return (fixer) => fixer.replaceTextRange([first.statement.range[0], last.statement.range[1]], text);
}

function bindingRange(item: AwaitedStatement): TSESTree.Range | undefined {
  if (item.kind === 'declaration') return item.id.range;
  if (item.kind === 'assignment') return item.target.range;
  return undefined;
}

function commentsBetween(sourceCode: SourceCode, first: TSESTree.Node, last: TSESTree.Node): TSESTree.Comment[] {
  return sourceCode
    .getAllComments()
    .filter((comment) => comment.range[0] >= first.range[0] && comment.range[1] <= last.range[1]);
}

/** Longer than this, counted from the statement's indentation, the array gets one element a line. */
const MAX_INLINE_WIDTH = 100;

/**
 * `[a, b]` on one line, or one element per line when comments have to be kept beside them, when an
 * element spans lines, or when the statement would be longer than `MAX_INLINE_WIDTH` (`before` is the
 * width of what precedes the list on its line).
 */
function formatList(
  sourceCode: SourceCode,
  anchor: TSESTree.Node,
  elements: readonly Element[],
  before: number,
): string {
  const inline = `[${elements.map((element) => element.text).join(', ')}]`;
  if (
    elements.every((element) => element.leading.length === 0 && element.trailing.length === 0) &&
    (!inline.includes('\n') || elements.length === 1) &&
    (before + inline.length + ');'.length <= MAX_INLINE_WIDTH || elements.length === 1)
  ) {
    return inline;
  }
  const indent = indentOf(sourceCode, anchor);
  const inner = indent + (indent.includes('\t') ? '\t' : '  ');
  const lines: string[] = [];
  for (const element of elements) {
    for (const comment of element.leading) lines.push(`${inner}${comment}`);
    lines.push(`${inner}${element.text},${element.trailing.map((comment) => ` ${comment}`).join('')}`);
  }
  return `[\n${lines.join('\n')}\n${indent}]`;
}

/** The loop shapes with a rewrite: the body is only `await f(x);` or `results.push(await f(x));`. */
export interface LoopRewrite {
  readonly loop: TSESTree.ForOfStatement;
  readonly awaited: TSESTree.AwaitExpression;
  /** `results` in `results.push(await f(x))`, or undefined for a bare `await f(x);`. */
  readonly collector: TSESTree.Expression | undefined;
}

/** Recognises the two loop bodies that have a rewrite. */
export function classifyLoopRewrite(loop: TSESTree.Node): LoopRewrite | undefined {
  if (loop.type !== AST_NODE_TYPES.ForOfStatement || loop.await) return undefined;
  if (loop.left.type !== AST_NODE_TYPES.VariableDeclaration || loop.left.declarations.length !== 1) return undefined;
  if (loop.parent.type === AST_NODE_TYPES.LabeledStatement) return undefined;
  let statement: TSESTree.Statement = loop.body;
  if (statement.type === AST_NODE_TYPES.BlockStatement) {
    if (statement.body.length !== 1) return undefined;
    statement = statement.body[0]!;
  }
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  const expression = statement.expression;
  if (expression.type === AST_NODE_TYPES.AwaitExpression) return { loop, awaited: expression, collector: undefined };
  if (
    expression.type !== AST_NODE_TYPES.CallExpression ||
    expression.optional ||
    expression.callee.type !== AST_NODE_TYPES.MemberExpression ||
    expression.callee.optional ||
    expression.callee.computed ||
    getStaticPropertyName(expression.callee) !== 'push' ||
    expression.arguments.length !== 1
  ) {
    return undefined;
  }
  const pushed = expression.arguments[0];
  if (pushed?.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
  return { loop, awaited: pushed, collector: expression.callee.object };
}

/** Does `node` contain an `await` or `yield` outside nested functions? */
function containsAwaitOrYield(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  let found = false;
  walkAst(node, sourceCode.visitorKeys, (current) => {
    if (found) return false;
    if (current.type === AST_NODE_TYPES.AwaitExpression || current.type === AST_NODE_TYPES.YieldExpression) {
      found = true;
      return false;
    }
    return current === node || !isFunctionNode(current);
  });
  return found;
}

/**
 * The suggestion for a loop that only awaits one call per element:
 * `await Promise.all(xs.map((x) => f(x)));` when `xs` is known to be an array, otherwise
 * `await Promise.all(Array.from(xs, (x) => f(x)));` (any iterable); results pushed in the loop are
 * pushed in the same order. Undefined when comments outside the call would be lost.
 */
export function buildLoopPromiseAllFix(
  sourceCode: SourceCode,
  rewrite: LoopRewrite,
  iterableIsArray: boolean,
): Fix | undefined {
  const { loop, awaited, collector } = rewrite;
  if (!isGlobalPromise(sourceCode, loop)) return undefined;
  const argument = awaited.argument;
  if (containsAwaitOrYield(sourceCode, argument)) return undefined;
  const iterable = loop.right;
  const comments = sourceCode
    .getCommentsInside(loop)
    .filter((comment) => !inside(comment.range, argument.range) && !inside(comment.range, iterable.range));
  if (comments.length > 0) return undefined;
  const declarator = (loop.left as TSESTree.VariableDeclaration).declarations[0];
  const parameter = `(${sourceCode.getText(declarator.id)})`;
  // An object literal body would read as a block: `(x) => ({ … })`.
  const arrowBody =
    argument.type === AST_NODE_TYPES.ObjectExpression
      ? `(${sourceCode.getText(argument)})`
      : textWithPrecedence(sourceCode, argument, Precedence.Assignment);
  const arrow = `${parameter} => ${arrowBody}`;
  const mapped = iterableIsArray
    ? `${textWithPrecedence(sourceCode, iterable, Precedence.Member)}.map(${arrow})`
    : `Array.from(${textWithPrecedence(sourceCode, iterable, Precedence.Assignment)}, ${arrow})`;
  const all = `await Promise.all(${mapped})`;
  const text = collector ? `${sourceCode.getText(collector)}.push(...(${all}));` : `${all};`;
  return (fixer) => fixer.replaceText(loop, text);
}
