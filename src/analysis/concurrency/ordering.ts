/**
 * Does the order of two calls matter, as far as names can tell? The data-dependency analysis
 * (`dependencies.ts`) sees variables; this module sees what variables cannot show: calls named
 * like ordered operations (`commit`, `lock`, `write`), calls through one connection or stateful
 * handle (`tx.insert()`, `queryRunner.query()`), two calls on one local object, state-changing
 * calls that share an argument (`mkdir(dir)` then `writeFile(join(dir, f))`), and deliberate pacing
 * (`await sleep(100)`).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import {
  getCalleeName,
  getStaticPropertyName,
  getThisClass,
  isFunctionNode,
  skipChainExpression,
  skipTypeWrappers,
  walkAst,
} from '../ast.js';
import { COLLECTING_METHODS, MUTATING_METHODS, READING_METHODS } from '../catalog/mutating-methods.js';
import {
  DEFAULT_LOOP_ORDERED_CALL_PATTERNS,
  DEFAULT_ORDERED_CALL_PATTERNS,
  DEFAULT_ORDERED_RECEIVER_PATTERNS,
  MUTATING_CALL_PATTERN,
  POOLED_RECEIVER_PATTERN,
} from '../catalog/ordered-calls.js';
import { PACING_APIS, PACING_NAME_PATTERN, TIMER_CALLBACK_NAMES } from '../catalog/pacing.js';
import { PROMISE_CALLBACK_METHODS, PROMISIFY_APIS } from '../catalog/promise-apis.js';
import { resolveFunction } from '../origin/function-resolution.js';
import { trackModuleReferences } from '../origin/modules.js';
import { getProjectKnowledge } from '../project/project.js';
import { type AnyContext, findVariableAt } from '../scope.js';
import {
  type CallNode,
  type CallSite,
  type DependencyKey,
  isDeclaredInside,
  isModuleBinding,
  isModuleLevel,
} from './dependencies.js';
import { pacesItsOwnWork } from './paced-work.js';
import { sqlKindOf } from './sql-kind.js';

export interface OrderingPatternOptions {
  /** Extra callee-name patterns (regular-expression sources) on top of the defaults. */
  readonly orderedCallPatterns?: readonly string[];
  /** Extra receiver/argument-name patterns on top of the defaults. */
  readonly orderedReceiverPatterns?: readonly string[];
}

export interface OrderingPatterns {
  /** Callee names that keep two statements in order. */
  readonly calls: readonly RegExp[];
  /** Callee names that keep the iterations of a loop in order (the guards are left out). */
  readonly loopCalls: readonly RegExp[];
  readonly receivers: readonly RegExp[];
}

// Keyed by the patterns, not the options object: the rule creator hands every file a fresh copy of the options.
const compiled = new Map<string, OrderingPatterns>();

/** The default patterns plus the user's, compiled once per list of patterns. */
export function getOrderingPatterns(options: OrderingPatternOptions): OrderingPatterns {
  const extraCalls = options.orderedCallPatterns ?? [];
  const extraReceivers = options.orderedReceiverPatterns ?? [];
  const key = JSON.stringify([extraCalls, extraReceivers]);
  const cached = compiled.get(key);
  if (cached) return cached;
  const compile = (source: string): RegExp => new RegExp(source, 'u');
  const patterns: OrderingPatterns = {
    calls: [...DEFAULT_ORDERED_CALL_PATTERNS, ...extraCalls].map(compile),
    loopCalls: [...DEFAULT_LOOP_ORDERED_CALL_PATTERNS, ...extraCalls].map(compile),
    receivers: [...DEFAULT_ORDERED_RECEIVER_PATTERNS, ...extraReceivers].map(compile),
  };
  compiled.set(key, patterns);
  return patterns;
}

/**
 * Where a method call's receiver comes from:
 * - `module`: an import, a `require()`, a global, or a variable of the module scope (a client made
 *   once for the whole program), or a name that says pool: shared, typically pooled and stateless;
 * - `member`: a field of `this` (an injected service or repository);
 * - `local`: a variable or parameter of the function (a page, a parser, a checked-out connection);
 * - `fresh`: the result of a call or `new` (`db.collection('x')`, `expect(x)`): a new object each time.
 */
type ReceiverKind = 'module' | 'member' | 'local' | 'fresh';

interface Receiver {
  readonly kind: ReceiverKind;
  /** The variable at the root, `this`, or undefined for `fresh`. */
  readonly root: DependencyKey | undefined;
  /** The receiver's text without blanks, to tell `this.users` from `this.orders`. */
  readonly path: string;
  /** Every name along the receiver chain: `this.queryRunner.manager` → `queryRunner`, `manager`. */
  readonly names: readonly string[];
}

/**
 * The receiver of `a.b.method()`, or undefined for a plain call. Through a chain of calls, the
 * receiver is the handle the chain starts from: `knex('users').where(…)` and
 * `this.repo.createQueryBuilder().getMany()` go through `knex` and `this.repo`.
 */
export function describeReceiver(context: AnyContext, call: CallNode): Receiver | undefined {
  const callee = skipTypeWrappers(skipChainExpression(call.callee));
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const names: string[] = [];
  // The part of the chain before its first call, from the root: what every call of the chain goes through.
  let stable: TSESTree.Node = skipTypeWrappers(skipChainExpression(callee.object));
  let current: TSESTree.Node = stable;
  for (;;) {
    current = skipTypeWrappers(skipChainExpression(current));
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      const name = getStaticPropertyName(current);
      if (name !== undefined) names.unshift(name);
      current = current.object;
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      current = current.callee;
      stable = skipTypeWrappers(skipChainExpression(current));
    } else break;
  }
  const path = context.sourceCode.getText(stable).replace(/\s+/gu, '');
  if (current.type === AST_NODE_TYPES.ThisExpression) {
    // Inside `class PostgresQueryRunner`, `this.query()` goes through a query runner.
    const className = getThisClass(current)?.id?.name;
    return { kind: 'member', root: 'this', path, names: className ? [className, ...names] : names };
  }
  if (current.type !== AST_NODE_TYPES.Identifier) return { kind: 'fresh', root: undefined, path, names };
  names.unshift(current.name);
  const variable = findVariableAt(context.sourceCode, current, current);
  const root: DependencyKey = variable ?? `global:${current.name}`;
  const pooled = names.some((name) => POOLED_RECEIVER_PATTERN.test(name)) || isModuleLevel(root);
  return { kind: pooled ? 'module' : 'local', root, path, names };
}

/** The name a call is known by; `fn.call(…)` and `fn.apply(…)` are calls of `fn`. */
function callName(call: CallNode): string | undefined {
  const name = getCalleeName(call);
  const callee = skipTypeWrappers(skipChainExpression(call.callee));
  if ((name === 'call' || name === 'apply') && callee.type === AST_NODE_TYPES.MemberExpression) {
    const target = skipTypeWrappers(skipChainExpression(callee.object));
    if (target.type === AST_NODE_TYPES.Identifier) return target.name;
    if (target.type === AST_NODE_TYPES.MemberExpression) return getStaticPropertyName(target);
  }
  return name;
}

/**
 * Is this a built-in data-structure method (`ids.map`, `results.push`), tracked as data, not as an
 * operation? An awaited call is an operation whatever its name (`await api.get(url)`).
 */
export function isDataMethod(call: CallNode): boolean {
  if (call.parent.type === AST_NODE_TYPES.AwaitExpression) return false;
  const callee = skipTypeWrappers(skipChainExpression(call.callee));
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = getStaticPropertyName(callee);
  return (
    name !== undefined && (READING_METHODS.has(name) || COLLECTING_METHODS.has(name) || MUTATING_METHODS.has(name))
  );
}

export type OrderedReason = 'name' | 'receiver' | 'argument' | 'sql';

/**
 * Why the call must keep its place, or undefined: it sends SQL that writes, controls a transaction or
 * cannot be read (`client.query('BEGIN')`, `` sql`DELETE …` ``), its name says order matters
 * (`commit`), its receiver is one connection (`tx.insert()`), or an argument names one
 * (`save(x, { transaction })`). A call that sends a SQL read is judged by its text, not its name
 * (`conn.execute('SELECT …')`), but still by its receiver.
 */
export function orderedCallReason(
  context: AnyContext,
  call: CallNode | TSESTree.TaggedTemplateExpression,
  patterns: OrderingPatterns,
  where: 'sequence' | 'loop' = 'sequence',
): OrderedReason | undefined {
  const sql = sqlKindOf(call);
  if (sql !== undefined && sql !== 'read') return 'sql';
  if (call.type === AST_NODE_TYPES.TaggedTemplateExpression) return undefined;
  const name = callName(call);
  const names = where === 'loop' ? patterns.loopCalls : patterns.calls;
  if (sql === undefined && name !== undefined && names.some((pattern) => pattern.test(name))) return 'name';
  const receiver = describeReceiver(context, call);
  const matchesReceiver = (candidate: string): boolean => patterns.receivers.some((pattern) => pattern.test(candidate));
  if (receiver?.names.some(matchesReceiver)) return 'receiver';
  if (receiver && typeof receiver.root === 'object' && controlsTransaction(receiver.root)) return 'receiver';
  if (argumentNames(context, call.arguments).some(matchesReceiver)) return 'argument';
  if (call.arguments.some((argument) => isTransactionHandle(context, argument))) return 'argument';
  return undefined;
}

const transactionHandles = new WeakMap<TSESLint.Scope.Variable, boolean>();

/**
 * Does the code send transaction control through this variable (`await client.query('BEGIN')`)?
 * Then it is one connection: what goes through it runs in its order (a pg `Client` queues its
 * queries, and warns when a second one is sent before the first is done), and a function given it
 * works inside the transaction.
 */
function controlsTransaction(variable: TSESLint.Scope.Variable): boolean {
  let answer = transactionHandles.get(variable);
  if (answer === undefined) {
    answer = variable.references.some(({ identifier }) => {
      const member = identifier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) return false;
      const call = member.parent;
      return call.type === AST_NODE_TYPES.CallExpression && call.callee === member && sqlKindOf(call) === 'transaction';
    });
    transactionHandles.set(variable, answer);
  }
  return answer;
}

function isTransactionHandle(context: AnyContext, argument: TSESTree.Node): boolean {
  const value = skipTypeWrappers(argument);
  if (value.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariableAt(context.sourceCode, value, value);
  return variable != null && controlsTransaction(variable);
}

/**
 * Names an argument list mentions: identifiers, member chains and object-literal keys, one object
 * deep. A variable passed along also brings what it is known to carry: the keys of the object
 * literal it holds (`const shared = { transacting: options.transacting }`), the strings of a key
 * list it was picked with (`_.pick(options, ['transacting'])`), and the members the code reads
 * from it (`options.transacting` read elsewhere says `options` carries a transaction).
 */
function argumentNames(context: AnyContext, args: readonly TSESTree.Node[]): string[] {
  const names: string[] = [];
  const visit = (node: TSESTree.Node, objectDepth: number): void => {
    const value = skipTypeWrappers(skipChainExpression(node));
    switch (value.type) {
      case AST_NODE_TYPES.Identifier:
        names.push(value.name);
        if (objectDepth === 0) names.push(...carriedNames(context, value));
        return;
      case AST_NODE_TYPES.MemberExpression: {
        const name = getStaticPropertyName(value);
        if (name !== undefined) names.push(name);
        visit(value.object, objectDepth);
        return;
      }
      case AST_NODE_TYPES.ObjectExpression:
        if (objectDepth > 1) return;
        for (const property of value.properties) {
          if (property.type !== AST_NODE_TYPES.Property) continue;
          if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier) names.push(property.key.name);
          visit(property.value, objectDepth + 1);
        }
        return;
      default:
        return;
    }
  };
  for (const argument of args) visit(argument, 0);
  return names;
}

/** How many references of a passed variable are read for the members it carries. */
const CARRIED_REFERENCE_LIMIT = 64;

/** What a variable passed as an argument is known to carry (see `argumentNames`). */
function carriedNames(context: AnyContext, identifier: TSESTree.Identifier): string[] {
  const variable = findVariableAt(context.sourceCode, identifier, identifier);
  if (!variable) return [];
  const names: string[] = [];
  for (const definition of variable.defs) {
    const declarator = definition.node;
    if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || !declarator.init) continue;
    const init = skipTypeWrappers(declarator.init);
    if (init.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of init.properties) {
        if (
          property.type === AST_NODE_TYPES.Property &&
          !property.computed &&
          property.key.type === AST_NODE_TYPES.Identifier
        )
          names.push(property.key.name);
      }
    } else if (init.type === AST_NODE_TYPES.CallExpression) {
      for (const argument of init.arguments) {
        if (argument.type !== AST_NODE_TYPES.ArrayExpression) continue;
        for (const element of argument.elements)
          if (element?.type === AST_NODE_TYPES.Literal && typeof element.value === 'string') names.push(element.value);
      }
    }
  }
  for (const reference of variable.references.slice(0, CARRIED_REFERENCE_LIMIT)) {
    const parent = reference.identifier.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== reference.identifier) continue;
    const name = getStaticPropertyName(parent);
    if (name !== undefined) names.push(name);
  }
  return names;
}

/**
 * Does the callee name say the call changes shared state (`insert`, `setObject`, `mkdir`)? Timers
 * (`setTimeout`) change nothing another statement could see: a sleep in a callee is its latency.
 */
export function isMutatingCall(call: CallNode): boolean {
  const name = callName(call);
  return name !== undefined && !TIMER_CALLBACK_NAMES.has(name) && MUTATING_CALL_PATTERN.test(name);
}

/**
 * The roots of what a call is given: variables and `this.x` members named in its arguments (also
 * inside `join(dir, f)`, `'user:' + uid`, object and array literals), and a leading string literal
 * (a key or a path). Module bindings are left out: every call shares `path` or `JSON`.
 */
function argumentRoots(context: AnyContext, site: CallSite): Set<DependencyKey> {
  const roots = new Set<DependencyKey>();
  const add = (key: DependencyKey): void => {
    if (isModuleBinding(key)) return;
    if (site.via && isDeclaredInside(key, site.via)) return;
    roots.add(key);
  };
  const visit = (node: TSESTree.Node, depth: number): void => {
    const value = skipTypeWrappers(skipChainExpression(node));
    switch (value.type) {
      case AST_NODE_TYPES.Identifier: {
        const variable = findVariableAt(context.sourceCode, value, value);
        if (variable) add(variable);
        return;
      }
      case AST_NODE_TYPES.MemberExpression: {
        let object: TSESTree.Node = value;
        while (object.type === AST_NODE_TYPES.MemberExpression) {
          if (skipTypeWrappers(object.object).type === AST_NODE_TYPES.ThisExpression) {
            const name = getStaticPropertyName(object);
            if (name !== undefined) add(`this.${name}`);
            return;
          }
          object = skipTypeWrappers(skipChainExpression(object.object));
        }
        visit(object, depth);
        return;
      }
      case AST_NODE_TYPES.BinaryExpression:
        visit(value.left, depth);
        visit(value.right, depth);
        return;
      case AST_NODE_TYPES.TemplateLiteral:
        for (const expression of value.expressions) visit(expression, depth);
        return;
      case AST_NODE_TYPES.CallExpression:
        if (depth < 1) for (const argument of value.arguments) visit(argument, depth + 1);
        return;
      case AST_NODE_TYPES.ArrayExpression:
        if (depth < 1) for (const element of value.elements) if (element) visit(element, depth + 1);
        return;
      case AST_NODE_TYPES.ObjectExpression:
        if (depth < 1) {
          for (const property of value.properties) {
            visit(property.type === AST_NODE_TYPES.Property ? property.value : property.argument, depth + 1);
          }
        }
        return;
      case AST_NODE_TYPES.SpreadElement:
        visit(value.argument, depth);
        return;
      default:
        return;
    }
  };
  site.node.arguments.forEach((argument, index) => {
    if (
      index === 0 &&
      argument.type === AST_NODE_TYPES.Literal &&
      typeof argument.value === 'string' &&
      argument.value.length > 0
    ) {
      roots.add(`literal:${argument.value}`);
    }
    visit(argument, 0);
  });
  return roots;
}

/**
 * Must two calls, from two statements, keep their order? When they go through the same local
 * object or the same `this` field (`page.click()` then `page.fill()`; `this.repo.save()` then
 * `this.repo.find()`), when both change state through the same module (`db.insert(a)` then
 * `db.insert(b)`), or when one changes state and they share an argument (`mkdir(dir)` then
 * `writeFile(join(dir, f))`). Built-in data methods (`ids.map`) are left to the data analysis.
 */
export function callsAreOrdered(context: AnyContext, a: CallSite, b: CallSite): boolean {
  if (isDataMethod(a.node) || isDataMethod(b.node)) return false;
  const mutatingA = isMutatingCall(a.node);
  const mutatingB = isMutatingCall(b.node);
  const receiverA = describeReceiver(context, a.node);
  const receiverB = describeReceiver(context, b.node);
  // A call into a same-file function is judged by the calls in its body, not by its receiver.
  const followed = (site: CallSite): boolean => resolveFunction(context, site.node.callee) !== undefined;
  if (
    receiverA &&
    receiverB &&
    receiverA.root !== undefined &&
    receiverA.root === receiverB.root &&
    receiverA.path === receiverB.path &&
    !followed(a) &&
    !followed(b)
  ) {
    const localToCallee = (site: CallSite, receiver: Receiver): boolean =>
      site.via !== undefined && receiver.root !== undefined && isDeclaredInside(receiver.root, site.via);
    if (!localToCallee(a, receiverA) && !localToCallee(b, receiverB)) {
      if (receiverA.kind === 'local' || receiverA.kind === 'member') return true;
      if (receiverA.kind === 'module' && mutatingA && mutatingB) return true;
    }
  }
  if (mutatingA || mutatingB) {
    const rootsA = argumentRoots(context, a);
    if (rootsA.size > 0) for (const key of argumentRoots(context, b)) if (rootsA.has(key)) return true;
  }
  return false;
}

/**
 * Is the awaited expression a deliberate pause: a timer promise (`setTimeout` from
 * `timers/promises`, `scheduler.wait`, `Bun.sleep`), `new Promise((r) => setTimeout(r, ms))`, a
 * `promisify(setTimeout)` result, or a helper named like one (`sleep`, `delay`, `wait`, `backoff`)?
 */
export function isPacingExpression(context: AnyContext, expression: TSESTree.Node): boolean {
  const value = skipTypeWrappers(skipChainExpression(expression));
  if (value.type === AST_NODE_TYPES.NewExpression) return isTimerPromise(context, value);
  if (value.type !== AST_NODE_TYPES.CallExpression) return false;
  if (trackModuleReferences(context, PACING_APIS).has(value)) return true;
  const callee = skipTypeWrappers(skipChainExpression(value.callee));
  const name = getCalleeName(value);
  if (name !== undefined && PACING_NAME_PATTERN.test(name)) return true;
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    PROMISE_CALLBACK_METHODS.has(getStaticPropertyName(callee) ?? '')
  ) {
    return isPacingExpression(context, callee.object);
  }
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariableAt(context.sourceCode, callee, callee);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init?.type === AST_NODE_TYPES.CallExpression) {
      const init = def.node.init;
      const promisified = init.arguments[0];
      return (
        trackModuleReferences(context, PROMISIFY_APIS).has(init) &&
        promisified !== undefined &&
        promisified.type !== AST_NODE_TYPES.SpreadElement &&
        isTimerName(promisified)
      );
    }
  }
  return false;
}

/**
 * Does the awaited call run a function (of this file or, by its summary, of another) that paces its own work: it waits for real work
 * and sleeps besides (`await send(x); await sleep(1000)`)? A callee whose only wait is the sleep
 * stands for latency (the guides' `fetchData`), and a sleep in a `catch` is a backoff before a
 * retry: neither paces the caller.
 */
export function pacesInCallee(context: AnyContext, expression: TSESTree.Node): boolean {
  const value = skipTypeWrappers(skipChainExpression(expression));
  if (value.type !== AST_NODE_TYPES.CallExpression) return false;
  const fn = resolveFunction(context, value.callee);
  // A function of another project file: the same reading, from its export summary.
  if (!fn) return getProjectKnowledge(context).resolveImportedFunction(value.callee)?.paces === true;
  return pacesItsOwnWork(fn, context.sourceCode.visitorKeys, (awaited) => isPacingExpression(context, awaited));
}

function isTimerName(node: TSESTree.Node): boolean {
  const value = skipTypeWrappers(skipChainExpression(node));
  if (value.type === AST_NODE_TYPES.Identifier) return TIMER_CALLBACK_NAMES.has(value.name);
  if (value.type === AST_NODE_TYPES.MemberExpression)
    return TIMER_CALLBACK_NAMES.has(getStaticPropertyName(value) ?? '');
  return false;
}

/** `new Promise((resolve) => setTimeout(resolve, ms))`, `new Promise(setImmediate)`. */
function isTimerPromise(context: AnyContext, node: TSESTree.NewExpression): boolean {
  if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'Promise') return false;
  const executor = node.arguments[0];
  if (!executor) return false;
  if (isTimerName(executor)) return true;
  if (!isFunctionNode(executor)) return false;
  let found = false;
  walkAst(executor.body, context.sourceCode.visitorKeys, (current) => {
    if (found) return false;
    if (current.type === AST_NODE_TYPES.CallExpression && isTimerName(current.callee)) found = true;
    return !found;
  });
  return found;
}
