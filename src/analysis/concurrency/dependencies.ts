/**
 * Which names a statement or expression reads and writes, from ESLint scope analysis: variables
 * (by their scope `Variable`, so shadowing never confuses two names), `this.x` members (as the
 * string `this.x`), undeclared globals (as `global:name`), objects mutated through a member
 * (`a.b = 1` writes `a`), objects collected into (`results.push(x)`), and objects a method of
 * unknown effect was called on (`user.load()` may change `user`). A call to a function of the same
 * file reads and writes what that function reads and writes, followed a few calls deep.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import {
  type FunctionNode,
  getPatternTargets,
  getStaticPropertyName,
  skipChainExpression,
  skipTypeWrappers,
  walkAst,
} from '../ast.js';
import { COLLECTING_METHODS, MUTATING_METHODS, READING_METHODS } from '../catalog/mutating-methods.js';
import { resolveFunction } from '../origin/function-resolution.js';
import { type AnyContext, DefinitionType, ScopeType } from '../scope.js';

type Variable = TSESLint.Scope.Variable;
type Scope = TSESLint.Scope.Scope;
type Reference = TSESLint.Scope.Reference;

/** A variable, `this.<name>` (`this.*` when the member is computed), or `global:<name>` for an undeclared global. */
export type DependencyKey = Variable | string;

export type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

export interface CallSite {
  readonly node: CallNode;
  /** 0 for calls written in the analysed node; n for calls inside a same-file function reached through n calls. */
  readonly depth: number;
  /** The same-file function the call sits in, when it was reached by following a call. */
  readonly via: FunctionNode | undefined;
}

export interface Effects {
  /** Names whose value is read. */
  readonly reads: ReadonlySet<DependencyKey>;
  /** Names bound or assigned, and objects changed in place (`a.b = 1`, `queue.shift()`). */
  readonly writes: ReadonlySet<DependencyKey>;
  /** Objects only added to: `results.push(x)`, `seen.add(x)`, `byId.set(k, v)`, `byId[k] = v`. Not counted in `reads`. */
  readonly collects: ReadonlySet<DependencyKey>;
  /** Objects a method of unknown effect was called on (`user.load()`, `this.cache.refresh()`). */
  readonly mayMutate: ReadonlySet<DependencyKey>;
  /** Every call evaluated, including those inside same-file functions it calls. */
  readonly calls: readonly CallSite[];
  /** Every tagged template evaluated (`` sql`…` `` is a call too), likewise. */
  readonly templates: readonly TSESTree.TaggedTemplateExpression[];
}

/** How many calls deep a same-file function is followed. */
const CALL_DEPTH = 3;

const THIS_ANY = 'this.*';

interface MutableEffects {
  reads: Set<DependencyKey>;
  writes: Set<DependencyKey>;
  collects: Set<DependencyKey>;
  mayMutate: Set<DependencyKey>;
  calls: CallSite[];
  templates: TSESTree.TaggedTemplateExpression[];
}

const emptyEffects = (): MutableEffects => ({
  reads: new Set(),
  writes: new Set(),
  collects: new Set(),
  mayMutate: new Set(),
  calls: [],
  templates: [],
});

const caches = new WeakMap<TSESTree.Program, WeakMap<TSESTree.Node, Map<number, Effects>>>();

/** What `node` (a statement, expression or function) reads and writes, following same-file calls `depth` deep. */
export function getEffects(context: AnyContext, node: TSESTree.Node, depth: number = CALL_DEPTH): Effects {
  const program = context.sourceCode.ast;
  let perProgram = caches.get(program);
  if (!perProgram) {
    perProgram = new WeakMap();
    caches.set(program, perProgram);
  }
  return computeEffects(context, perProgram, node, depth, new Set());
}

function computeEffects(
  context: AnyContext,
  cache: WeakMap<TSESTree.Node, Map<number, Effects>>,
  node: TSESTree.Node,
  depth: number,
  inProgress: Set<TSESTree.Node>,
): Effects {
  const cached = cache.get(node)?.get(depth);
  if (cached) return cached;
  if (inProgress.has(node)) return emptyEffects();
  inProgress.add(node);
  const sourceCode = context.sourceCode;
  const effects = emptyEffects();
  // Identifiers whose scope-analysis read is really a collect (`results` in `results.push(x)`).
  const collectReceivers = new Set<TSESTree.Node>();

  const followFunction = (fn: FunctionNode, args: readonly TSESTree.Node[] = []): void => {
    // A function written inside `node` was already walked as part of it.
    if (depth <= 0 || (fn.range[0] >= node.range[0] && fn.range[1] <= node.range[1])) return;
    const inner = computeEffects(context, cache, fn, depth - 1, inProgress);
    const outer = (key: DependencyKey): boolean => !isDeclaredInside(key, fn);
    // A change to a parameter (`frame.user = …` in `addUser(frame)`) is a change to the argument's object.
    const argumentOf = (key: DependencyKey): DependencyKey | undefined => {
      if (typeof key === 'string') return undefined;
      const def = key.defs.find((candidate) => candidate.type === DefinitionType.Parameter && candidate.node === fn);
      if (!def) return undefined;
      const index = fn.params.findIndex(
        (param) => param.range[0] <= def.name.range[0] && def.name.range[1] <= param.range[1],
      );
      const argument = index >= 0 ? args[index] : undefined;
      return argument && argument.type !== AST_NODE_TYPES.SpreadElement ? objectKey(argument) : undefined;
    };
    for (const key of inner.reads) if (outer(key)) effects.reads.add(key);
    for (const set of [inner.writes, inner.collects, inner.mayMutate]) {
      for (const key of set) {
        const aliased = argumentOf(key);
        if (aliased !== undefined && set !== inner.mayMutate) effects.writes.add(aliased);
      }
    }
    for (const key of inner.writes) if (outer(key)) effects.writes.add(key);
    for (const key of inner.collects) if (outer(key)) effects.collects.add(key);
    for (const key of inner.mayMutate) if (outer(key)) effects.mayMutate.add(key);
    for (const site of inner.calls) effects.calls.push({ node: site.node, depth: site.depth + 1, via: site.via ?? fn });
    effects.templates.push(...inner.templates);
  };

  const visit = (current: TSESTree.Node): void => {
    switch (current.type) {
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        effects.calls.push({ node: current, depth: 0, via: undefined });
        visitCall(current);
        break;
      case AST_NODE_TYPES.TaggedTemplateExpression:
        effects.templates.push(current);
        break;
      case AST_NODE_TYPES.AssignmentExpression:
        writePattern(current.left, current.operator === '=' && isComputedOnPlainObject(current.left));
        break;
      case AST_NODE_TYPES.UpdateExpression:
        writePattern(current.argument, false);
        break;
      case AST_NODE_TYPES.UnaryExpression:
        if (current.operator === 'delete') writePattern(current.argument, false);
        break;
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
        if (current.left.type !== AST_NODE_TYPES.VariableDeclaration) writePattern(current.left, false);
        break;
      case AST_NODE_TYPES.MemberExpression: {
        const key = thisMemberKey(current);
        if (key && !isWriteTarget(current) && !collectReceivers.has(current)) effects.reads.add(key);
        break;
      }
      default:
        break;
    }
  };

  const visitCall = (call: CallNode): void => {
    const callee = skipTypeWrappers(skipChainExpression(call.callee));
    const resolved = resolveFunction(context, callee);
    if (resolved) followFunction(resolved, call.arguments);
    // Same-file functions handed over as callbacks (`items.forEach(handle)`) run too.
    for (const argument of call.arguments) {
      if (argument.type !== AST_NODE_TYPES.Identifier && argument.type !== AST_NODE_TYPES.MemberExpression) continue;
      const fn = resolveFunction(context, argument);
      if (fn) followFunction(fn);
    }
    if (call.type !== AST_NODE_TYPES.CallExpression || callee.type !== AST_NODE_TYPES.MemberExpression) return;
    const method = getStaticPropertyName(callee);
    const receiver = skipTypeWrappers(skipChainExpression(callee.object));
    const key = objectKey(receiver);
    if (!key || method === undefined) return;
    // An awaited call is an operation whatever its name: `await cache.get(k)` is not `Map#get`.
    const dataMethod = call.parent.type !== AST_NODE_TYPES.AwaitExpression;
    if (!dataMethod) {
      if (!resolved && !isModuleBinding(key)) effects.mayMutate.add(key);
    } else if (COLLECTING_METHODS.has(method)) {
      effects.collects.add(key);
      collectReceivers.add(receiver);
    } else if (MUTATING_METHODS.has(method)) {
      effects.writes.add(key);
    } else if (!READING_METHODS.has(method) && !resolved && !isModuleBinding(key)) {
      effects.mayMutate.add(key);
    }
  };

  /**
   * Records writes to the objects behind member targets; plain identifiers come from scope analysis.
   * `collect` applies to a whole member target, never to one inside a pattern.
   */
  const writePattern = (target: TSESTree.Node, collect: boolean): void => {
    for (const leaf of getPatternTargets(target)) {
      const value = skipTypeWrappers(leaf);
      if (value.type !== AST_NODE_TYPES.MemberExpression) continue;
      const object = skipTypeWrappers(skipChainExpression(value.object));
      const key = thisMemberKey(value) ?? objectKey(object);
      if (!key) continue;
      if (collect && leaf === target) {
        effects.collects.add(key);
        collectReceivers.add(object);
      } else effects.writes.add(key);
    }
  };

  /** `results[key] = value` on a plain name: collecting by key, as into a map. */
  function isComputedOnPlainObject(target: TSESTree.Node): boolean {
    const value = skipTypeWrappers(target);
    if (value.type !== AST_NODE_TYPES.MemberExpression || !value.computed) return false;
    if (getStaticPropertyName(value) !== undefined) return false;
    const object = skipTypeWrappers(value.object);
    return object.type === AST_NODE_TYPES.Identifier || thisMemberKey(object) !== undefined;
  }

  /** The key of an object expression: its root variable, or `this.x` for `this.x.y…`. */
  function objectKey(object: TSESTree.Node): DependencyKey | undefined {
    let current = skipTypeWrappers(skipChainExpression(object));
    while (current.type === AST_NODE_TYPES.MemberExpression) {
      const key = thisMemberKey(current);
      if (key) return key;
      current = skipTypeWrappers(skipChainExpression(current.object));
    }
    if (current.type === AST_NODE_TYPES.ThisExpression) return THIS_ANY;
    if (current.type === AST_NODE_TYPES.Identifier) return variableKey(sourceCode.getScope(current), current);
    return undefined;
  }

  walkAst(node, sourceCode.visitorKeys, visit);
  for (const reference of referencesWithin(sourceCode, node)) {
    if ((reference as { isValueReference?: boolean }).isValueReference === false) continue;
    const key = reference.resolved ?? `global:${reference.identifier.name}`;
    if (reference.isRead() && !collectReceivers.has(reference.identifier)) effects.reads.add(key);
    if (reference.isWrite()) effects.writes.add(key);
  }
  const result: Effects = effects;
  let perNode = cache.get(node);
  if (!perNode) {
    perNode = new Map();
    cache.set(node, perNode);
  }
  perNode.set(depth, result);
  inProgress.delete(node);
  return result;
}

/** `this.x` (or `this.*` for a computed member) for a member expression on `this`, else undefined. */
function thisMemberKey(node: TSESTree.Node): string | undefined {
  const value = skipTypeWrappers(skipChainExpression(node));
  if (value.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (skipTypeWrappers(value.object).type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const name = getStaticPropertyName(value);
  return name === undefined ? THIS_ANY : `this.${name}`;
}

function isWriteTarget(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.AssignmentExpression) return parent.left === node && parent.operator === '=';
  return false;
}

function variableKey(scope: Scope, identifier: TSESTree.Identifier): DependencyKey {
  for (let current: Scope | null = scope; current; current = current.upper) {
    const variable = current.set.get(identifier.name);
    if (variable) return variable;
  }
  return `global:${identifier.name}`;
}

/** Every reference whose identifier lies in `node`, including those in nested functions and blocks. */
function referencesWithin(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): Reference[] {
  const [start, end] = node.range;
  const inside = (range: TSESTree.Range): boolean => range[0] >= start && range[1] <= end;
  const found: Reference[] = [];
  const scope = sourceCode.getScope(node);
  const roots: Scope[] = [scope];
  // A node that opens its own scope (a function, a `for (let …)`) may have references in the scope around it.
  if (scope.block === node && scope.upper) roots.push(scope.upper);
  // A function's name and parameter defaults live in scopes of their own around the body.
  for (const root of roots) {
    for (const reference of root.references) if (inside(reference.identifier.range)) found.push(reference);
  }
  const walk = (current: Scope): void => {
    for (const child of current.childScopes) {
      if (!inside(child.block.range)) continue;
      for (const reference of child.references) found.push(reference);
      walk(child);
    }
  };
  walk(scope);
  return found;
}

/** Is `key` a variable declared inside `node` (a local of that function, block or loop)? */
export function isDeclaredInside(key: DependencyKey, node: TSESTree.Node): boolean {
  if (typeof key === 'string') return false;
  const block = key.scope.block;
  return block.range[0] >= node.range[0] && block.range[1] <= node.range[1] && isDefinedInside(key, node);
}

function isDefinedInside(variable: Variable, node: TSESTree.Node): boolean {
  // A `var` or function name hoists to the function scope: its definition still sits inside `node`.
  return (
    variable.defs.length === 0 ||
    variable.defs.some((def) => def.name.range[0] >= node.range[0] && def.name.range[1] <= node.range[1])
  );
}

/** Is `key` bound by an import or a `require()` (a module namespace or one of its exports)? */
export function isModuleBinding(key: DependencyKey): boolean {
  if (typeof key === 'string') return key.startsWith('global:');
  return key.defs.some((def) => {
    if (def.type === DefinitionType.ImportBinding) return true;
    if (def.type !== DefinitionType.Variable || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init)
      return false;
    return isRequireLike(def.node.init);
  });
}

/**
 * Is `key` shared by the whole program: an import, a `require()`, a global, or a variable of the
 * module scope (a client created once)? Method calls on such objects are treated as calls on a
 * service, not as changes a later statement could observe.
 */
export function isModuleLevel(key: DependencyKey): boolean {
  if (isModuleBinding(key)) return true;
  return typeof key !== 'string' && (key.scope.type === ScopeType.module || key.scope.type === ScopeType.global);
}

/** `require('x')`, `require('x').y`, `require('x')(config)`, `await import('x')`. */
function isRequireLike(init: TSESTree.Expression): boolean {
  let current: TSESTree.Node = skipTypeWrappers(init);
  for (;;) {
    if (current.type === AST_NODE_TYPES.AwaitExpression) current = skipTypeWrappers(current.argument);
    else if (current.type === AST_NODE_TYPES.MemberExpression) current = skipTypeWrappers(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipTypeWrappers(current.callee);
      if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'require') return true;
      current = callee;
    } else return current.type === AST_NODE_TYPES.ImportExpression;
  }
}

/** Same name, where `this.*` (a computed member of `this`) stands for every `this.x`. */
function sameKey(a: DependencyKey, b: DependencyKey): boolean {
  if (a === b) return true;
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  return (a === THIS_ANY && b.startsWith('this.')) || (b === THIS_ANY && a.startsWith('this.'));
}

function inSet(set: ReadonlySet<DependencyKey>, key: DependencyKey): boolean {
  if (set.has(key)) return true;
  if (typeof key !== 'string' || !key.startsWith('this.')) return false;
  for (const other of set) if (sameKey(other, key)) return true;
  return false;
}

function touches(effects: Effects, key: DependencyKey): boolean {
  return (
    inSet(effects.reads, key) ||
    inSet(effects.writes, key) ||
    inSet(effects.collects, key) ||
    inSet(effects.mayMutate, key)
  );
}

export interface DependencyOptions {
  /** Whether a `mayMutate` entry counts as a write (default: always). */
  readonly countMayMutate?: (key: DependencyKey) => boolean;
}

/**
 * Must `later` run after `earlier`? True when `later` reads or writes what `earlier` writes
 * (a value it needs, or an order of writes), or writes what `earlier` reads.
 */
export function dependsOn(earlier: Effects, later: Effects, options: DependencyOptions = {}): boolean {
  const counts = options.countMayMutate ?? (() => true);
  const changedBy = (effects: Effects): DependencyKey[] => [
    ...effects.writes,
    ...effects.collects,
    ...[...effects.mayMutate].filter((key) => counts(key)),
  ];
  for (const key of changedBy(earlier)) if (touches(later, key)) return true;
  for (const key of changedBy(later)) if (inSet(earlier.reads, key)) return true;
  return false;
}

/** A readable name for a key: the variable name, `this.x`, or `global:x`. */
export function describeKey(key: DependencyKey): string {
  return typeof key === 'string' ? key : key.name;
}
