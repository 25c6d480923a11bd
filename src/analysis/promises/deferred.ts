/**
 * "Does this deferred only ever resolve?" A deferred (an instance of a class with `resolve` and `reject`
 * methods, built with `new Deferred()` or its factory `Deferred.create()`) held in a field or a local
 * variable can reject only through its reject side. When every use in reach is a member use other than a
 * rejecting one, a write of another such deferred (or `null`/`undefined`), or a test, nothing can reject
 * it: awaiting its promise (`await this.#ready.valueOrThrow()`) cannot reject. In reach: a variable's
 * references; for a private field (`#ready`, TS `private`), its class body; for a field other code can
 * name (public, protected), its class body and every mention of its name in the project outside it
 * (project/field-mentions.ts). The field's class is `this`'s, or the one the receiver's annotation names
 * (`target: Target`, in this file or another project file), or with types the checker's class of it.
 * Anything else is unknown: the deferred (or its reject) handed to other code, an option given at
 * creation (`Deferred.create({ timeout })` rejects on expiry), a class this cannot read.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import {
  type ClassNode,
  getStaticPropertyName,
  getThisClass,
  keyName,
  skipChainExpression,
  skipTypeWrappers,
} from '../ast.js';
import { constantInit } from '../origin/function-resolution.js';
import { fieldMentionsAreSafe } from '../project/field-mentions.js';
import { getProjectKnowledge, type ProjectKnowledge } from '../project/project.js';
import { type AnyContext, DefinitionType, findVariableAt, type ScopeVariable } from '../scope.js';
import { getTypeInfo } from '../type-info.js';
import {
  creationRejectingMembers as membersOfCreation,
  type DeferredClassFacts,
  deferredClassFacts,
  deferredCreationParts,
} from './deferred-class.js';
import { classFieldUses, deferredUseOf } from './deferred-field.js';

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
  if (receiver.type !== AST_NODE_TYPES.MemberExpression || receiver.computed) return undefined;
  const name = keyName(receiver.property);
  if (name === undefined) return undefined;
  const owner = fieldOwner(context, skipTypeWrappers(skipChainExpression(receiver.object)));
  if (!owner) return undefined;
  if (owner.kind === 'other-file') {
    const field = getProjectKnowledge(context).resolveDeferredField(owner.at, name);
    return field &&
      field.className !== undefined &&
      mentionsAreSafe(context, name, field.rejecting, field.file, field.className)
      ? field.rejecting
      : undefined;
  }
  let byName = fieldCache.get(owner.classNode);
  if (!byName) {
    byName = new Map();
    fieldCache.set(owner.classNode, byName);
  }
  let answer = byName.get(name);
  if (answer === undefined) {
    answer = fieldDeferred(context, owner.classNode, name) ?? null;
    byName.set(name, answer);
  }
  return answer ?? undefined;
}

/** The class that declares a field of `object`: `this`'s class, or the class its annotation or (with types) its type names. */
type FieldOwner =
  | { readonly kind: 'local'; readonly classNode: ClassNode }
  | { readonly kind: 'other-file'; readonly at: Parameters<ProjectKnowledge['resolveDeferredField']>[0] };

function fieldOwner(context: AnyContext, object: TSESTree.Node): FieldOwner | undefined {
  if (object.type === AST_NODE_TYPES.ThisExpression) {
    const classNode = getThisClass(object);
    return classNode && { kind: 'local', classNode };
  }
  if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const typeName = annotatedClassName(context, object);
  if (typeName) {
    const variable = findVariableAt(context.sourceCode, typeName, typeName);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === DefinitionType.ClassName) return { kind: 'local', classNode: def.node };
    if (def?.type === DefinitionType.ImportBinding) return { kind: 'other-file', at: typeName };
  }
  return checkerClassOf(context, object);
}

/** `target: Target`, `target?: Target | undefined`, `const target = make() as Target`: the class name written. */
function annotatedClassName(context: AnyContext, identifier: TSESTree.Identifier): TSESTree.Identifier | undefined {
  const variable = findVariableAt(context.sourceCode, identifier, identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== DefinitionType.Parameter && def?.type !== DefinitionType.Variable) return undefined;
  const name = def.name as TSESTree.Identifier;
  let type: TSESTree.TypeNode | undefined = name.typeAnnotation?.typeAnnotation;
  if (!type && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id === name) {
    const init = def.node.init;
    if (init?.type === AST_NODE_TYPES.TSAsExpression) type = init.typeAnnotation;
  }
  if (type?.type === AST_NODE_TYPES.TSUnionType) {
    const parts = type.types.filter(
      (part) => part.type !== AST_NODE_TYPES.TSNullKeyword && part.type !== AST_NODE_TYPES.TSUndefinedKeyword,
    );
    type = parts.length === 1 ? parts[0] : undefined;
  }
  return type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier
    ? type.typeName
    : undefined;
}

/** With types: the class the checker gives `object`'s type, declared in this file or another source file of the program. */
function checkerClassOf(context: AnyContext, object: TSESTree.Identifier): FieldOwner | undefined {
  const info = getTypeInfo(context);
  if (!info) return undefined;
  const type = info.checker.getNonNullableType(info.typeOf(object));
  const declarations = type.isClass() ? (type.getSymbol()?.getDeclarations() ?? []) : [];
  if (declarations.length !== 1) return undefined;
  const declaration = declarations[0]!;
  const sourceFile = declaration.getSourceFile();
  if (sourceFile.isDeclarationFile || info.services.program.isSourceFileFromExternalLibrary(sourceFile))
    return undefined;
  if (sourceFile === info.services.esTreeNodeToTSNodeMap.get(object).getSourceFile()) {
    const classNode = info.services.tsNodeToESTreeNodeMap.get(declaration) as TSESTree.Node | undefined;
    return classNode?.type === AST_NODE_TYPES.ClassDeclaration ? { kind: 'local', classNode } : undefined;
  }
  const className = (declaration as { name?: { text?: string } }).name?.text;
  return className === undefined
    ? undefined
    : { kind: 'other-file', at: { classFile: sourceFile.fileName, className } };
}

/**
 * The field `name` of `classNode` (`#x` for a private one), by every use of it in the class; a field other
 * code can name (public, or protected) also by every mention of it in the project outside the class.
 */
function fieldDeferred(context: AnyContext, classNode: ClassNode, name: string): RejectingMembers | undefined {
  const uses = classFieldUses(context.sourceCode, classNode, name);
  if (!uses) return undefined;
  const rejecting = creationsRejectingMembers(context, uses.writes);
  if (!rejecting || [...uses.members].some((member) => rejecting.has(member))) return undefined;
  if (uses.access === 'private') return rejecting;
  const className = classNode.id?.name;
  const file = context.physicalFilename || context.filename;
  return className !== undefined && mentionsAreSafe(context, name, rejecting, file, className) ? rejecting : undefined;
}

function mentionsAreSafe(
  context: AnyContext,
  name: string,
  rejecting: RejectingMembers,
  file: string,
  className: string,
): boolean {
  return fieldMentionsAreSafe(context, { name, rejecting, file, className });
}

function variableDeferred(context: AnyContext, variable: ScopeVariable): RejectingMembers | undefined {
  const declarator = variable.defs[0]!.node as TSESTree.VariableDeclarator;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const writes: TSESTree.Node[] = declarator.init ? [declarator.init] : [];
  const members = new Set<string>();
  for (const reference of variable.references) {
    if (reference.init) continue;
    const use = deferredUseOf(reference.identifier, reference.identifier.parent);
    if (use.kind === 'unknown') return undefined;
    if (use.kind === 'write') writes.push(use.value);
    if (use.kind === 'member') members.add(use.name);
  }
  const rejecting = creationsRejectingMembers(context, writes);
  return rejecting && ![...members].some((member) => rejecting.has(member)) ? rejecting : undefined;
}

/** Every write a resolve-only deferred creation (or `null`/`undefined`), at least one: their rejecting members, else undefined. */
function creationsRejectingMembers(
  context: AnyContext,
  writes: readonly TSESTree.Node[],
): RejectingMembers | undefined {
  const rejecting = new Set<string>();
  let created = false;
  for (const value of writes) {
    const node = skipTypeWrappers(value);
    if (isNullish(node)) continue;
    const members = creationRejectingMembers(context, node);
    if (!members) return undefined;
    for (const member of members) rejecting.add(member);
    created = true;
  }
  return created ? rejecting : undefined;
}

function isNullish(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && node.value === null) ||
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined')
  );
}

/**
 * `new Deferred()`, `Deferred.create()` of a deferred class (this file's or another project file's) built
 * so that it cannot reject by itself: its rejecting members. (`Promise.withResolvers()` needs nothing here:
 * its promise is a property, and awaiting a value that is not a call is no rejection source.)
 */
function creationRejectingMembers(context: AnyContext, node: TSESTree.Node): RejectingMembers | undefined {
  const parts = deferredCreationParts(node);
  const facts = parts && classFacts(context, parts.classRef);
  return facts && membersOfCreation(facts, parts.factory, (node as TSESTree.CallExpression).arguments.length);
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
