/**
 * "Would a promise be misused here?" Where a value stands, not what it is: as a condition (always
 * truthy), in a string or template (`[object Promise]`), in arithmetic or a comparison with a literal,
 * passed to a value sink such as `console.log` or `JSON.stringify`, read for a member a promise lacks,
 * destructured, spread or iterated. Whether the value is a promise is `promises.ts`'s question.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import {
  getCalleePath,
  getCallOfArgument,
  getMethodName,
  getStaticPropertyName,
  getValueParent,
  isFunctionNode,
  skipChainExpression,
  skipTypeWrappers,
  walkAst,
} from '../ast.js';
import { LISTENER_METHODS } from '../catalog/event-loop-callbacks.js';
import { PROMISE_MEMBERS, VALUE_SINK_APIS, type ValueMisuse } from '../catalog/promise-misuse.js';
import { isProcessRejectionListener } from '../execution/process-exit.js';
import { trackModuleReferences } from '../origin/modules.js';
import { type AnyContext, DefinitionType, findVariableAt, type ScopeVariable } from '../scope.js';
import { compilerChecksFile, getTypeInfo } from '../type-info.js';
import { hasMember } from './callbacks.js';
import { getPromiseKnowledge } from './promises.js';

/**
 * `typeError`: the compiler rejects this use of a promise (`Property 'name' does not exist on type
 * 'Promise<User>'. Did you forget to use 'await'?`, `p * 2`, `p === 1`, `for…of`, destructuring).
 * Where the compiler checks the file it reports these already, with its own "add await" fix, so a
 * rule need not ask the type checker about them. `'strictNullChecks'`: an error only under that option, a
 * call's promise tested in an `if` or `?:` (TS2801). Other conditions, strings, `p + x` (which may
 * concatenate), `-p`, `console.*` arguments and object spreads type-check.
 */
export type Misuse = { typeError?: boolean | 'strictNullChecks' } & (
  | { kind: ValueMisuse; api?: string }
  | { kind: 'member'; member: string }
  | { kind: 'destructuring' | 'spread' | 'iteration' }
);

/** Expressions whose value can be a promise used wrongly where they stand. */
const MISUSE_CANDIDATES: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.ImportExpression,
  AST_NODE_TYPES.TaggedTemplateExpression,
]);

/** Operators that turn a promise operand into NaN, a wrong bit pattern or a meaningless comparison. */
const ARITHMETIC_OPERATORS: ReadonlySet<string> = new Set([
  '-',
  '*',
  '/',
  '%',
  '**',
  '|',
  '&',
  '^',
  '<<',
  '>>',
  '>>>',
  '<',
  '>',
  '<=',
  '>=',
]);
const EQUALITY_OPERATORS: ReadonlySet<string> = new Set(['==', '===', '!=', '!==']);
const COMPARISON_OPERATORS: ReadonlySet<string> = new Set(['<', '>', '<=', '>=']);

/** Is `node` a kind of expression (a name, a member, a call…) that can hold a promise misused where it stands? */
export function isMisuseCandidate(node: TSESTree.Node): boolean {
  return MISUSE_CANDIDATES.has(node.type);
}

function isStringOperand(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') ||
    node.type === AST_NODE_TYPES.TemplateLiteral
  );
}

/** A number for sure: a numeric or bigint literal, negated or not, or an arithmetic expression. */
function isNumericOperand(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'number' || typeof node.value === 'bigint';
  if (node.type === AST_NODE_TYPES.UnaryExpression) return node.operator === '-' && isNumericOperand(node.argument);
  return (
    node.type === AST_NODE_TYPES.BinaryExpression &&
    node.operator !== '+' &&
    ARITHMETIC_OPERATORS.has(node.operator) &&
    !COMPARISON_OPERATORS.has(node.operator)
  );
}

/**
 * A value tested where TypeScript, under `strictNullChecks`, rejects a promise as "always defined"
 * (TS2801): the test of an `if` or `?:`, any operand of the `&&`/`||` chain that is that test, or the left
 * operand of any `&&`. A call or `new` always; a name or a member (`p`, `c.ready`) only when the name
 * appears nowhere else in the chain nor in the `if`'s branch, for the compiler lets a promise through that
 * the code then uses (`if (p) await p`); any mention counts, which only ever asks more. Not `while`, `for`,
 * `do` or `!`, which the compiler lets through; not through `as` or `?.`.
 */
function isTestedWhereCompilerRejects(
  sourceCode: AnyContext['sourceCode'],
  node: TSESTree.Node,
  child: TSESTree.Node,
  parent: TSESTree.Node,
): boolean {
  if (child !== node) return false;
  const name = testedName(node);
  if (name === undefined) return false;
  let statement: TSESTree.IfStatement | TSESTree.ConditionalExpression | undefined;
  let chain: TSESTree.Node = node;
  if (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) {
    if (parent.test !== child) return false;
    statement = parent;
  } else {
    if (parent.type !== AST_NODE_TYPES.LogicalExpression || parent.operator === '??') return false;
    chain = parent;
    while (chain.parent?.type === AST_NODE_TYPES.LogicalExpression && chain.parent.operator !== '??')
      chain = chain.parent;
    const test = chain.parent;
    if (
      (test?.type === AST_NODE_TYPES.IfStatement || test?.type === AST_NODE_TYPES.ConditionalExpression) &&
      test.test === chain
    )
      statement = test;
    else if (parent.operator !== '&&' || parent.left !== child) return false;
  }
  if (name === '') return true;
  const mentioned = new RegExp(`(?<![\\w$])${name.replace(/\$/gu, '\\$')}(?![\\w$])`, 'u');
  const { text } = sourceCode;
  const rest = `${text.slice(chain.range[0], node.range[0])} ${text.slice(node.range[1], chain.range[1])}`;
  const branch = statement ? text.slice(statement.consequent.range[0], statement.consequent.range[1]) : '';
  return !mentioned.test(rest) && !mentioned.test(branch);
}

/** '' for a call or `new` (TS2801 whatever follows), the tested name of a name or a plain member, else undefined. */
function testedName(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) return '';
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (
    node.type === AST_NODE_TYPES.MemberExpression &&
    !node.computed &&
    node.property.type === AST_NODE_TYPES.Identifier
  )
    return node.property.name;
  return undefined;
}

/** A literal a promise can be compared with by mistake: not `null`, and `undefined` is not a literal. */
function isValueLiteral(node: TSESTree.Node): boolean {
  return (node.type === AST_NODE_TYPES.Literal && node.value !== null) || node.type === AST_NODE_TYPES.TemplateLiteral;
}

/**
 * Does the compiler report this misuse itself, in the linted file, so that a rule need not (nor spend a
 * type-checker call or another file's summary on it)? A type error in a file the compiler checks, with
 * or without types; a TS2801 condition only where types show `strictNullChecks` on.
 */
export function isReportedByCompiler(context: AnyContext, misuse: Misuse): boolean {
  if (!misuse.typeError || !compilerChecksFile(context)) return false;
  return misuse.typeError === true || getTypeInfo(context)?.strictNullChecks === true;
}

/**
 * Can a `'strictNullChecks'` type error count here: a file the compiler checks, with types that show the
 * option on. Elsewhere the TS2801 test (a regular expression over the `if`'s branch) is not worth running.
 */
function underStrictNullChecks(context: AnyContext): boolean {
  return getTypeInfo(context)?.strictNullChecks === true && compilerChecksFile(context);
}

/** How a promise standing at `node` would be misused by its parent, or undefined where a promise is fine. */
export function classifyMisuse(context: AnyContext, node: TSESTree.Node): Misuse | undefined {
  const { parent, child } = getValueParent(node);
  if (!parent) return undefined;
  switch (parent.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      if (parent.test !== child) return undefined;
      return underStrictNullChecks(context) && isTestedWhereCompilerRejects(context.sourceCode, node, child, parent)
        ? { kind: 'condition', typeError: 'strictNullChecks' }
        : { kind: 'condition' };
    case AST_NODE_TYPES.UnaryExpression:
      if (parent.operator === '!') return { kind: 'condition' };
      // The compiler accepts `-p` and `~p` (NaN, -1), so these are not `typeError`s.
      return parent.operator === '+' || parent.operator === '-' || parent.operator === '~'
        ? { kind: 'arithmetic' }
        : undefined;
    case AST_NODE_TYPES.LogicalExpression: {
      if (parent.operator === '??') return undefined;
      const compilerRejects =
        underStrictNullChecks(context) && isTestedWhereCompilerRejects(context.sourceCode, node, child, parent);
      if (parent.left === child)
        return compilerRejects ? { kind: 'condition', typeError: 'strictNullChecks' } : { kind: 'condition' };
      if (classifyMisuse(context, parent)?.kind !== 'condition') return undefined;
      return compilerRejects ? { kind: 'condition', typeError: 'strictNullChecks' } : { kind: 'condition' };
    }
    case AST_NODE_TYPES.BinaryExpression: {
      const other = parent.left === child ? parent.right : parent.left;
      if (parent.operator === '+') {
        if (isStringOperand(other)) return { kind: 'string' };
        // `p + 1` (TS2365); `p + x` may concatenate a string and type-checks.
        return isNumericOperand(other) ? { kind: 'arithmetic', typeError: true } : { kind: 'arithmetic' };
      }
      if (ARITHMETIC_OPERATORS.has(parent.operator)) return { kind: 'arithmetic', typeError: true };
      return EQUALITY_OPERATORS.has(parent.operator) && isValueLiteral(other)
        ? { kind: 'arithmetic', typeError: true }
        : undefined;
    }
    case AST_NODE_TYPES.AssignmentExpression:
      if (parent.right !== child) return undefined;
      if (parent.operator === '=') {
        return parent.left.type === AST_NODE_TYPES.ObjectPattern || parent.left.type === AST_NODE_TYPES.ArrayPattern
          ? destructuringMisuse(parent.left)
          : undefined;
      }
      if (parent.operator === '+=') return { kind: 'arithmetic' };
      return ARITHMETIC_OPERATORS.has(parent.operator.slice(0, -1))
        ? { kind: 'arithmetic', typeError: true }
        : undefined;
    case AST_NODE_TYPES.TemplateLiteral:
      return parent.parent.type === AST_NODE_TYPES.TaggedTemplateExpression ? undefined : { kind: 'string' };
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      if (parent.callee === child) return undefined;
      const sink = trackModuleReferences(context, VALUE_SINK_APIS).get(parent);
      if (!sink) return undefined;
      const index = parent.arguments.indexOf(child as TSESTree.CallExpressionArgument);
      if (sink.row.argument !== 'all' && sink.row.argument !== index) return undefined;
      return { kind: sink.row.misuse, api: getCalleePath(parent.callee) ?? 'this function' };
    }
    case AST_NODE_TYPES.MemberExpression: {
      if (parent.object !== child) return undefined;
      // `p.label = …` decorates the promise object on purpose.
      if (parent.parent.type === AST_NODE_TYPES.AssignmentExpression && parent.parent.left === parent) return undefined;
      const member = getStaticPropertyName(parent);
      if (member === undefined) return undefined;
      if (member === 'toString') return { kind: 'string' };
      if (PROMISE_MEMBERS.has(member)) return undefined;
      return { kind: 'member', member, typeError: true };
    }
    case AST_NODE_TYPES.VariableDeclarator:
      if (parent.init !== child) return undefined;
      return parent.id.type === AST_NODE_TYPES.ObjectPattern || parent.id.type === AST_NODE_TYPES.ArrayPattern
        ? destructuringMisuse(parent.id)
        : undefined;
    case AST_NODE_TYPES.SpreadElement:
      // `[...p]` and `f(...p)` need an iterable (TS2488); `{ ...p }` type-checks and copies nothing.
      return parent.parent.type === AST_NODE_TYPES.ObjectExpression
        ? { kind: 'spread' }
        : { kind: 'spread', typeError: true };
    case AST_NODE_TYPES.ForOfStatement:
      return parent.right === child && !parent.await ? { kind: 'iteration', typeError: true } : undefined;
    default:
      return undefined;
  }
}

function destructuringMisuse(pattern: TSESTree.ObjectPattern | TSESTree.ArrayPattern): Misuse | undefined {
  if (pattern.type === AST_NODE_TYPES.ArrayPattern) return { kind: 'destructuring', typeError: true };
  // `const { then } = p` takes what a promise has.
  const onlyPromiseMembers = pattern.properties.every(
    (property) =>
      property.type === AST_NODE_TYPES.Property &&
      !property.computed &&
      property.key.type === AST_NODE_TYPES.Identifier &&
      PROMISE_MEMBERS.has(property.key.name),
  );
  return onlyPromiseMembers ? undefined : { kind: 'destructuring', typeError: true };
}

/**
 * A misuse that is really fine for the value at `node`: an existence check on a promise-or-nothing
 * (`if (cached)`, or a lazy initialisation whatever the declared type), or a member the thenable has
 * (a query builder's `.where`).
 */
export function isExcusedMisuse(context: AnyContext, node: TSESTree.Node, misuse: Misuse): boolean {
  if (misuse.kind === 'condition')
    return getPromiseKnowledge(context).mayBeNullish(node) || isLazyInitialisationCheck(context, node);
  if (misuse.kind === 'member') return hasMember(context, node, misuse.member) === 'yes';
  if (misuse.kind === 'logged' || misuse.kind === 'string') return isReceivedPromisePrinted(context, node, misuse.kind);
  return false;
}

/**
 * A listener printing the promise an event handed it: `process.on('unhandledRejection', (reason, p) =>
 * console.error('at', p))` (Node's documented idiom; also in a string there, the promise has already
 * rejected and awaiting it would only throw again), and any listener (`emitter.on('settled', (p) =>
 * console.log(p))`) logging a promise parameter: it reports on work someone else started. Callbacks
 * of `forEach`, `map` or `then` are not listeners: there the promises are the caller's own work, and
 * logging them instead of their values is the mistake.
 */
function isReceivedPromisePrinted(context: AnyContext, node: TSESTree.Node, kind: 'logged' | 'string'): boolean {
  const value = skipTypeWrappers(skipChainExpression(node));
  if (value.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariableAt(context.sourceCode, value, value);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== DefinitionType.Parameter || !isFunctionNode(def.node)) return false;
  const listener = def.node;
  if (isProcessRejectionListener(context, listener)) return true;
  if (kind !== 'logged') return false;
  const registration = getCallOfArgument(listener);
  if (!registration || registration.index < 1 || registration.call.type !== AST_NODE_TYPES.CallExpression) return false;
  const method = getMethodName(registration.call);
  return method !== undefined && LISTENER_METHODS.has(method);
}

/**
 * Does some read of a variable holding a promise hand it on (await it, return it, pass it to a
 * function) rather than misuse it? Then its declaration must stay a promise.
 */
export function isPromiseVariableHandedOn(context: AnyContext, variable: ScopeVariable): boolean {
  return variable.references.some((reference) => reference.isRead() && !classifyMisuse(context, reference.identifier));
}

/** `a.b.c`, `this.#p`: a plain variable or static member chain, as a comparable path; undefined otherwise. */
function referencePath(input: TSESTree.Node): string | undefined {
  const node = skipTypeWrappers(skipChainExpression(input));
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const property =
    node.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${node.property.name}` : getStaticPropertyName(node);
  const object = property === undefined ? undefined : referencePath(node.object);
  return object === undefined ? undefined : `${object}.${property}`;
}

/** The statement or expression a condition guards: an `if`'s or `?:`'s branches, the right side of `&&`/`||`. */
function guardedBranches(node: TSESTree.Node): TSESTree.Node[] {
  let { parent, child } = getValueParent(node);
  // Through `!x` and the operands of `&&`/`||` up to the test that holds them.
  while (
    parent &&
    ((parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '!') ||
      (parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator !== '??' && parent.left === child))
  ) {
    if (parent.type === AST_NODE_TYPES.LogicalExpression) {
      const test = getValueParent(parent);
      const isTest =
        (test.parent?.type === AST_NODE_TYPES.IfStatement ||
          test.parent?.type === AST_NODE_TYPES.ConditionalExpression) &&
        test.parent.test === test.child;
      if (!isTest) return [parent.right];
    }
    ({ parent, child } = getValueParent(parent));
  }
  if (parent?.type === AST_NODE_TYPES.IfStatement && parent.test === child)
    return parent.alternate ? [parent.consequent, parent.alternate] : [parent.consequent];
  if (parent?.type === AST_NODE_TYPES.ConditionalExpression && parent.test === child)
    return [parent.consequent, parent.alternate];
  return [];
}

/** Does `node` hand its value on: returned, awaited, the value of a `?:` branch, or written to (`x = load()`)? */
function isHandedOnOrWritten(node: TSESTree.Node): boolean {
  const { parent, child } = getValueParent(node);
  switch (parent?.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.AwaitExpression:
      return true;
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test !== child;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.left === child;
    default:
      return false;
  }
}

/**
 * A lazy-initialisation check: `if (this.pending) return this.pending;`, `if (!cache) cache = load();`,
 * `cached ? cached : load()`, `this.ready || (this.ready = init())`. The condition tests a plain variable
 * or member, and what it guards returns, awaits or assigns that same reference: the test asks whether
 * the promise exists yet, whatever the declared type says (a field declared `Promise<T>` is unset
 * until first assigned). A condition on a call (`if (isAdmin())`) is never one.
 */
export function isLazyInitialisationCheck(context: AnyContext, node: TSESTree.Node): boolean {
  const path = referencePath(node);
  if (path === undefined || path === 'this') return false;
  const target = skipTypeWrappers(skipChainExpression(node));
  let found = false;
  for (const branch of guardedBranches(node)) {
    walkAst(branch, context.sourceCode.visitorKeys, (current) => {
      // What a nested function does with the reference happens later, not in this branch.
      if (found || (current !== branch && isFunctionNode(current))) return false;
      if (current !== target && current.type === target.type && referencePath(current) === path)
        found = isHandedOnOrWritten(current);
      return !found;
    });
    if (found) return true;
  }
  return false;
}
