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
import { CONCURRENCY_LIMIT } from '../catalog/limiters.js';
import type { AwaitedStatement } from '../concurrency/awaited-statements.js';
import type { AvailableLimiter } from '../concurrency/limiters.js';
import { findVariableAt, type SourceCode } from '../scope.js';
import { getModuleSystem, isNameFree, type ModuleSystem, planImport } from './imports.js';
import { guardStatementStart, Precedence, textWithPrecedence } from './syntax.js';

/** A planned `Promise.all` rewrite; `apply` makes the edit. */
export interface PromiseAllFixPlan {
  readonly apply: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;
}

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
 * Is `node` in the `try` block of a `try … finally` of its own function? With `Promise.all` the
 * `finally` (a release, a cleanup) would run on the first failure while the other calls still run.
 */
function isInTryWithFinally(node: TSESTree.Node): boolean {
  let child = node;
  for (let parent = node.parent; parent && !isFunctionNode(parent); child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.finalizer && parent.block === child) return true;
  }
  return false;
}

/**
 * The suggestion for a run of independent awaited statements, or undefined when it would lose
 * something: mixed `const`/`let`, declarations mixed with assignments, some bindings typed and
 * others not, a comment inside a statement, a local `Promise`, or a `finally` that would run while
 * calls are still running. In a `try … catch` the catch still sees the first rejection.
 */
export function planSequentialPromiseAll(
  sourceCode: SourceCode,
  items: readonly AwaitedStatement[],
): PromiseAllFixPlan | undefined {
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last || items.length < 2 || !isGlobalPromise(sourceCode, first.statement)) return undefined;
  if (isInTryWithFinally(first.statement)) return undefined;
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
  return { apply: (fixer) => fixer.replaceTextRange([first.statement.range[0], last.statement.range[1]], text) };
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

/**
 * The loop shapes with a rewrite: the body is only `await f(x);`, `results.push(await f(x));`, or one
 * `try` statement with a `catch` (each element keeps its own handling inside an async callback).
 */
export interface LoopRewrite {
  readonly loop: TSESTree.ForOfStatement;
  /** The await of `await f(x);` or `results.push(await f(x));`; undefined for a guarded body. */
  readonly awaited: TSESTree.AwaitExpression | undefined;
  /** `results` in `results.push(await f(x))`, or undefined for a bare `await f(x);`. */
  readonly collector: TSESTree.Expression | undefined;
  /** The body's only statement, a `try` with a `catch`, that becomes the body of an async callback. */
  readonly guarded: TSESTree.TryStatement | undefined;
}

/** Recognises the loop bodies that have a rewrite. */
export function classifyLoopRewrite(loop: TSESTree.Node): LoopRewrite | undefined {
  if (loop.type !== AST_NODE_TYPES.ForOfStatement || loop.await) return undefined;
  if (loop.left.type !== AST_NODE_TYPES.VariableDeclaration || loop.left.declarations.length !== 1) return undefined;
  if (loop.parent.type === AST_NODE_TYPES.LabeledStatement) return undefined;
  let statement: TSESTree.Statement = loop.body;
  if (statement.type === AST_NODE_TYPES.BlockStatement) {
    if (statement.body.length !== 1) return undefined;
    statement = statement.body[0]!;
  }
  if (statement.type === AST_NODE_TYPES.TryStatement && statement.handler) {
    return { loop, awaited: undefined, collector: undefined, guarded: statement };
  }
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  const expression = statement.expression;
  if (expression.type === AST_NODE_TYPES.AwaitExpression)
    return { loop, awaited: expression, collector: undefined, guarded: undefined };
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
  return { loop, awaited: pushed, collector: expression.callee.object, guarded: undefined };
}

/** Does `node` contain a node that passes `test`, outside nested functions? */
function containsOutsideFunctions(
  sourceCode: SourceCode,
  node: TSESTree.Node,
  test: (node: TSESTree.Node) => boolean,
): boolean {
  let found = false;
  walkAst(node, sourceCode.visitorKeys, (current) => {
    if (found) return false;
    if (test(current)) {
      found = true;
      return false;
    }
    return current === node || !isFunctionNode(current);
  });
  return found;
}

const isAwaitOrYield = (node: TSESTree.Node): boolean =>
  node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.YieldExpression;

/** Array methods whose effect depends on the order the calls finish in. */
const ORDERED_COLLECTING = new Set(['push', 'unshift', 'splice']);

/**
 * What a `try` body cannot take into a callback: statements that leave the loop or the function
 * (`break`, `continue`, `return`, `yield`), a `var` (it would no longer be visible after the loop),
 * and an array filled in order (it would be filled in the order the calls finish).
 */
function cannotMoveIntoCallback(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.BreakStatement ||
    node.type === AST_NODE_TYPES.ContinueStatement ||
    node.type === AST_NODE_TYPES.ReturnStatement ||
    node.type === AST_NODE_TYPES.YieldExpression ||
    (node.type === AST_NODE_TYPES.VariableDeclaration && node.kind === 'var') ||
    (node.type === AST_NODE_TYPES.CallExpression &&
      node.callee.type === AST_NODE_TYPES.MemberExpression &&
      ORDERED_COLLECTING.has(getStaticPropertyName(node.callee) ?? ''))
  );
}

/** One element's work as a callback: `(x) => f(x)`, or `async (x) => { try … }` for a guarded body. */
interface LoopCallback {
  /** `(x)`. */
  readonly parameter: string;
  /** `f(x)`, or the `{ try … }` block. */
  readonly body: string;
  /** The body is a block with awaits: the callback must be `async`. */
  readonly block: boolean;
}

interface LoopParts {
  readonly callback: LoopCallback;
  readonly iterable: TSESTree.Expression;
  readonly collector: string | undefined;
}

/** The pieces every loop rewrite reuses, or undefined when the loop's comments or control flow would be lost. */
function loopParts(sourceCode: SourceCode, rewrite: LoopRewrite): LoopParts | undefined {
  const { loop, awaited, collector, guarded } = rewrite;
  const iterable = loop.right;
  const kept = guarded ?? awaited?.argument;
  if (!kept || isInTryWithFinally(loop)) return undefined;
  const comments = sourceCode
    .getCommentsInside(loop)
    .filter((comment) => !inside(comment.range, kept.range) && !inside(comment.range, iterable.range));
  if (comments.length > 0) return undefined;
  const declarator = (loop.left as TSESTree.VariableDeclaration).declarations[0];
  const parameter = `(${sourceCode.getText(declarator.id)})`;
  let callback: LoopCallback;
  if (guarded) {
    if (containsOutsideFunctions(sourceCode, guarded, cannotMoveIntoCallback)) return undefined;
    const indent = indentOf(sourceCode, loop);
    const body =
      loop.loc.start.line === loop.loc.end.line
        ? `{ ${sourceCode.getText(guarded)} }`
        : `{\n${indent}  ${reindent(sourceCode, guarded, indent)}\n${indent}}`;
    callback = { parameter, body, block: true };
  } else {
    const argument = awaited!.argument;
    if (containsOutsideFunctions(sourceCode, argument, isAwaitOrYield)) return undefined;
    // An object literal body would read as a block: `(x) => ({ … })`.
    const body =
      argument.type === AST_NODE_TYPES.ObjectExpression
        ? `(${sourceCode.getText(argument)})`
        : textWithPrecedence(sourceCode, argument, Precedence.Assignment);
    callback = { parameter, body, block: false };
  }
  return { callback, iterable, collector: collector ? sourceCode.getText(collector) : undefined };
}

/** The text of `node` with its continuation lines moved from the loop body's depth to the callback's. */
function reindent(sourceCode: SourceCode, node: TSESTree.Node, loopIndent: string): string {
  const own = indentOf(sourceCode, node);
  const target = `${loopIndent}  `;
  return sourceCode
    .getText(node)
    .split('\n')
    .map((line, index) => (index > 0 && line.startsWith(own) ? target + line.slice(own.length) : line))
    .join('\n');
}

const arrowText = ({ parameter, body, block }: LoopCallback, forceAsync = false): string =>
  `${block || forceAsync ? 'async ' : ''}${parameter} => ${body}`;

function mappedText(sourceCode: SourceCode, iterable: TSESTree.Expression, arrow: string, isArray: boolean): string {
  return isArray
    ? `${textWithPrecedence(sourceCode, iterable, Precedence.Member)}.map(${arrow})`
    : `Array.from(${textWithPrecedence(sourceCode, iterable, Precedence.Assignment)}, ${arrow})`;
}

/** `await …;`, or `results.push(...(await …));` when the loop collected its results. */
function statementText(awaited: string, collector: string | undefined): string {
  return collector ? `${collector}.push(...(${awaited}));` : `${awaited};`;
}

/**
 * The suggestion for a loop that only awaits one call per element:
 * `await Promise.all(xs.map((x) => f(x)));` when `xs` is known to be an array, otherwise
 * `await Promise.all(Array.from(xs, (x) => f(x)));` (any iterable); results pushed in the loop are
 * pushed in the same order; a body that is one `try … catch` becomes `async (x) => { try … }`.
 * Undefined when comments outside the call would be lost.
 */
export function planLoopPromiseAll(
  sourceCode: SourceCode,
  rewrite: LoopRewrite,
  iterableIsArray: boolean,
): PromiseAllFixPlan | undefined {
  if (!isGlobalPromise(sourceCode, rewrite.loop)) return undefined;
  const parts = loopParts(sourceCode, rewrite);
  if (!parts) return undefined;
  const mapped = mappedText(sourceCode, parts.iterable, arrowText(parts.callback), iterableIsArray);
  const text = statementText(`await Promise.all(${mapped})`, parts.collector);
  return { apply: (fixer) => fixer.replaceText(rewrite.loop, text) };
}

/** A planned bounded rewrite; `module` names the limiter it uses. */
export interface BoundedLoopFixPlan {
  readonly module: string;
  readonly apply: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];
}

/** Can a file of this module system load the limiter (an ESM-only version cannot be `require`d)? */
function canLoad(limiter: AvailableLimiter, system: ModuleSystem): boolean {
  const { row, inFile, declaredMajor } = limiter;
  if (inFile || system === 'esm' || row.esmOnlyFrom === undefined) return true;
  return declaredMajor !== undefined && declaredMajor < row.esmOnlyFrom;
}

function freeLocalName(sourceCode: SourceCode, base: string, useSite: TSESTree.Node): string {
  for (let index = 1; ; index++) {
    const candidate = index === 1 ? base : `${base}${index}`;
    if (isNameFree(sourceCode, candidate, useSite)) return candidate;
  }
}

/**
 * The loop rewrite with at most `CONCURRENCY_LIMIT` calls at a time, through the first of `limiters`
 * the file can load (reusing its import, or adding one after the existing imports):
 * `const limit = pLimit(10); await Promise.all(xs.map((x) => limit(() => f(x))));`,
 * `await pMap(xs, (x) => f(x), { concurrency: 10 });`, `await mapLimit(xs, 10, async (x) => f(x));`.
 */
export function planBoundedLoop(
  sourceCode: SourceCode,
  filename: string,
  rewrite: LoopRewrite,
  iterableIsArray: boolean,
  limiters: readonly AvailableLimiter[],
): BoundedLoopFixPlan | undefined {
  const { loop } = rewrite;
  const system = getModuleSystem(sourceCode, filename);
  const limiter = limiters.find(
    (candidate) =>
      canLoad(candidate, system) && (candidate.row.shape !== 'each-limit' || rewrite.collector === undefined),
  );
  const parts = limiter && loopParts(sourceCode, rewrite);
  if (!limiter || !parts) return undefined;
  const { row } = limiter;
  const { callback, iterable, collector } = parts;
  const imported = planImport(
    sourceCode,
    filename,
    { module: row.module, name: row.export, alias: row.localName },
    loop,
  );
  const ref = imported.reference;
  let text: string;
  switch (row.shape) {
    case 'limit': {
      if (!isGlobalPromise(sourceCode, loop) || !STATEMENT_LISTS.has(loop.parent.type)) return undefined;
      const limit = freeLocalName(sourceCode, 'limit', loop);
      const thunk = `${callback.parameter} => ${limit}(${callback.block ? 'async ' : ''}() => ${callback.body})`;
      const all = `await Promise.all(${mappedText(sourceCode, iterable, thunk, iterableIsArray)})`;
      // On its own line the limiter gets a line of its own too; beside other code, a space.
      const indent = indentOf(sourceCode, loop);
      const startsLine = sourceCode.lines[loop.loc.start.line - 1]!.slice(0, loop.loc.start.column) === indent;
      text = `const ${limit} = ${ref}(${CONCURRENCY_LIMIT});${startsLine ? `\n${indent}` : ' '}${statementText(all, collector)}`;
      break;
    }
    case 'map': {
      const source = textWithPrecedence(sourceCode, iterable, Precedence.Assignment);
      const call = `await ${ref}(${source}, ${arrowText(callback)}, { concurrency: ${CONCURRENCY_LIMIT} })`;
      text = statementText(call, collector);
      break;
    }
    case 'map-limit':
    case 'each-limit': {
      // async runs an iteratee as a promise only when it is an `async` function.
      const source = textWithPrecedence(sourceCode, iterable, Precedence.Assignment);
      text = statementText(`await ${ref}(${source}, ${CONCURRENCY_LIMIT}, ${arrowText(callback, true)})`, collector);
      break;
    }
  }
  return { module: row.module, apply: (fixer) => [fixer.replaceText(loop, text), ...imported.fix(fixer)] };
}

const STATEMENT_LISTS: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.Program,
  AST_NODE_TYPES.BlockStatement,
  AST_NODE_TYPES.StaticBlock,
  AST_NODE_TYPES.SwitchCase,
]);
