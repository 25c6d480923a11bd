/**
 * "Does this deferred only ever resolve?" A deferred (an instance of a class with `resolve` and `reject`
 * methods, built with `new Deferred()` or its factory `Deferred.create()`) held in a private field (`#ready`, or a TypeScript `private` one) or a local
 * variable can reject only through its reject side. When every use in reach (the class body for a
 * private field, the variable's references otherwise) is a member use other than a rejecting one, a
 * write of another such deferred (or `null`/`undefined`), or a test, nothing can reject it: awaiting
 * its promise (`await this.#ready.valueOrThrow()`) cannot reject. Anything else is unknown: the deferred
 * (or its reject) handed to other code, a field other files can write, an option given at creation
 * (`Deferred.create({ timeout })` rejects on expiry), a class this cannot read.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import {
  type ClassNode,
  getStaticPropertyName,
  getThisClass,
  keyName,
  skipChainExpression,
  skipTypeWrappers,
  walkAst,
} from '../ast.js';
import { constantInit } from '../origin/function-resolution.js';
import { getProjectKnowledge } from '../project/project.js';
import { type AnyContext, findVariableAt, type ScopeVariable } from '../scope.js';
import { type DeferredClassFacts, deferredClassFacts } from './deferred-class.js';

/** What can make a deferred reject, by member: `reject` and whatever reaches it. */
type RejectingMembers = ReadonlySet<string>;

const fieldCache = new WeakMap<ClassNode, Map<string, RejectingMembers | null>>();
const variableCache = new WeakMap<ScopeVariable, RejectingMembers | null>();

/**
 * True when `call` is `deferred.method(…)` on a deferred that only ever resolves and `method` is not
 * one that rejects it (`this.#ready.valueOrThrow()`, `this.#ready?.wait()`).
 */
export function callSettlesOnlyByResolving(context: AnyContext, call: TSESTree.CallExpression): boolean {
  const callee = skipTypeWrappers(skipChainExpression(call.callee));
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return false;
  const method = getStaticPropertyName(callee);
  if (method === undefined) return false;
  const rejecting = resolveOnlyDeferred(context, skipTypeWrappers(skipChainExpression(callee.object)));
  return rejecting !== undefined && !rejecting.has(method);
}

/** The rejecting members of the deferred `receiver` holds, when nothing in reach can reject it. */
function resolveOnlyDeferred(context: AnyContext, receiver: TSESTree.Node): RejectingMembers | undefined {
  if (receiver.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariableAt(context.sourceCode, receiver, receiver);
    if (!variable || variable.defs.length !== 1 || variable.defs[0]!.node.type !== AST_NODE_TYPES.VariableDeclarator)
      return undefined;
    let answer = variableCache.get(variable);
    if (answer === undefined) {
      answer = variableDeferred(context, variable) ?? null;
      variableCache.set(variable, answer);
    }
    return answer ?? undefined;
  }
  const field = privateFieldOf(receiver);
  if (!field) return undefined;
  let byName = fieldCache.get(field.classNode);
  if (!byName) {
    byName = new Map();
    fieldCache.set(field.classNode, byName);
  }
  let answer = byName.get(field.name);
  if (answer === undefined) {
    answer = fieldDeferred(context, field.classNode, field.name) ?? null;
    byName.set(field.name, answer);
  }
  return answer ?? undefined;
}

/** `this.#x`, or `this.x` for a TypeScript `private x` of the enclosing class: only that class can touch it. */
function privateFieldOf(node: TSESTree.Node): { classNode: ClassNode; name: string } | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed) return undefined;
  if (node.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const classNode = getThisClass(node);
  if (!classNode) return undefined;
  if (node.property.type === AST_NODE_TYPES.PrivateIdentifier) return { classNode, name: `#${node.property.name}` };
  const name = node.property.name;
  const isPrivate = classNode.body.body.some(
    (member) =>
      member.type === AST_NODE_TYPES.PropertyDefinition &&
      !member.computed &&
      member.key.type === AST_NODE_TYPES.Identifier &&
      member.key.name === name &&
      member.accessibility === 'private',
  );
  return isPrivate ? { classNode, name } : undefined;
}

/** The field `name` of `classNode` (`#x` for a private one) as `obj.x`/`obj.#x` anywhere in the class, and its declaration. */
function fieldDeferred(context: AnyContext, classNode: ClassNode, name: string): RejectingMembers | undefined {
  const writes: TSESTree.Node[] = [];
  const accesses: TSESTree.Node[] = [];
  for (const member of classNode.body.body) {
    if (
      member.type === AST_NODE_TYPES.PropertyDefinition &&
      !member.computed &&
      !member.static &&
      keyName(member.key) === name &&
      member.value
    ) {
      writes.push(member.value);
    }
  }
  walkAst(classNode.body, context.sourceCode.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && keyName(node.property) === name)
      accesses.push(node);
    return true;
  });
  return judgeUses(context, writes, accesses);
}

function variableDeferred(context: AnyContext, variable: ScopeVariable): RejectingMembers | undefined {
  const declarator = variable.defs[0]!.node as TSESTree.VariableDeclarator;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const writes: TSESTree.Node[] = declarator.init ? [declarator.init] : [];
  const accesses = variable.references.filter((reference) => !reference.init).map((reference) => reference.identifier);
  return judgeUses(context, writes, accesses);
}

/** Every write a resolve-only deferred creation, every access a safe use: the rejecting members, else undefined. */
function judgeUses(
  context: AnyContext,
  writes: TSESTree.Node[],
  accesses: readonly TSESTree.Node[],
): RejectingMembers | undefined {
  const assigned = [...writes];
  const uses: TSESTree.Node[] = [];
  for (const access of accesses) {
    const parent = access.parent;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === access) {
      if (parent.operator !== '=' && parent.operator !== '??=' && parent.operator !== '||=') return undefined;
      assigned.push(parent.right);
    } else uses.push(access);
  }
  const rejecting = new Set<string>();
  let created = false;
  for (const value of assigned) {
    const node = skipTypeWrappers(value);
    if (isNullish(node)) continue;
    const members = creationRejectingMembers(context, node);
    if (!members) return undefined;
    for (const member of members) rejecting.add(member);
    created = true;
  }
  if (!created) return undefined;
  return uses.every((use) => isSafeUse(use, rejecting)) ? rejecting : undefined;
}

function isNullish(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && node.value === null) ||
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined')
  );
}

/** A use that neither rejects the deferred nor hands it (or its reject side) to other code. */
function isSafeUse(access: TSESTree.Node, rejecting: RejectingMembers): boolean {
  const parent = access.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression: {
      if (parent.object !== access) return false;
      const member = parent.computed ? undefined : keyName(parent.property);
      return member !== undefined && !rejecting.has(member);
    }
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === '!' || parent.operator === 'typeof' || parent.operator === 'void';
    case AST_NODE_TYPES.BinaryExpression:
      return ['===', '!==', '==', '!='].includes(parent.operator);
    case AST_NODE_TYPES.LogicalExpression:
      return parent.operator === '&&' && parent.left === access;
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.WhileStatement:
      return parent.test === access;
    default:
      return false;
  }
}

/**
 * `new Deferred()`, `Deferred.create()` of a deferred class (this file's or another project file's) built
 * so that it cannot reject by itself: its rejecting members. (`Promise.withResolvers()` needs nothing here:
 * its promise is a property, and awaiting a value that is not a call is no rejection source.)
 */
function creationRejectingMembers(context: AnyContext, node: TSESTree.Node): RejectingMembers | undefined {
  let classRef: TSESTree.Node;
  let factory: string | undefined;
  if (node.type === AST_NODE_TYPES.NewExpression) classRef = node.callee;
  else if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
    factory = getStaticPropertyName(node.callee);
    if (factory === undefined) return undefined;
    classRef = node.callee.object;
  } else return undefined;
  const facts = classFacts(context, classRef);
  if (!facts) return undefined;
  if (factory !== undefined && !facts.factories.includes(factory)) return undefined;
  if (facts.constructorRejects === 'always') return undefined;
  if (facts.constructorRejects === 'given-arguments' && node.arguments.length > 0) return undefined;
  return new Set(facts.rejectingMembers);
}

/** The deferred facts of the class `node` names: a class of this file, else one another project file exports. */
function classFacts(context: AnyContext, node: TSESTree.Node): DeferredClassFacts | undefined {
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const init = constantInit(context, node);
  if (init?.type === AST_NODE_TYPES.ClassDeclaration || init?.type === AST_NODE_TYPES.ClassExpression)
    return deferredClassFacts(context.sourceCode, init);
  if (init) return undefined;
  return getProjectKnowledge(context).resolveImportedClass(node)?.deferred;
}
