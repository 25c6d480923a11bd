/**
 * "Which function of this file does this callee run?" Followed through never-reassigned bindings
 * (`const load = async () => …`, `function load() {}`), object literals (`repo.load`), classes
 * (`Repo.make`, `new Repo().save`, a `const` holding `new Repo()`), and `this.` inside a class or an
 * object literal's methods (`this.#load()`, static members from static code). Syntactic: never
 * into other files, never through fields, parameters or reassigned variables.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import {
  type ClassNode,
  type FunctionNode,
  getStaticPropertyName,
  getThisClass,
  isFunctionNode,
  skipChainExpression,
  skipTypeWrappers,
} from '../ast.js';
import { type AnyContext, DefinitionType, findVariableAt } from '../scope.js';

/** The only value of an identifier's binding, when the binding is written once (by its declaration). */
export function constantInit(
  context: AnyContext,
  identifier: TSESTree.Identifier,
): TSESTree.Expression | FunctionNode | TSESTree.ClassDeclaration | undefined {
  const variable = findVariableAt(context.sourceCode, identifier, identifier);
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  if (def.type === DefinitionType.FunctionName && isFunctionNode(def.node)) return def.node;
  if (def.type === DefinitionType.ClassName && def.node.type === AST_NODE_TYPES.ClassDeclaration) return def.node;
  if (def.type !== DefinitionType.Variable || def.node.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
  const declarator = def.node;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
  const writes = variable.references.filter((reference) => reference.isWrite());
  if (writes.length !== 1 || !writes[0]!.init) return undefined;
  return declarator.init;
}

/** The method (or function-valued field) `name` of a class, static or not; `#name` for a private one. */
export function classMember(classNode: ClassNode, name: string, isStatic: boolean): FunctionNode | undefined {
  for (const member of classNode.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) continue;
    if (member.static !== isStatic || member.computed) continue;
    const key =
      member.key.type === AST_NODE_TYPES.Identifier
        ? member.key.name
        : member.key.type === AST_NODE_TYPES.PrivateIdentifier
          ? `#${member.key.name}`
          : undefined;
    if (key !== name) continue;
    if (member.type === AST_NODE_TYPES.MethodDefinition) {
      return member.kind === 'method' && isFunctionNode(member.value) ? member.value : undefined;
    }
    return member.value && isFunctionNode(member.value) ? member.value : undefined;
  }
  return undefined;
}

/** The function-valued property `name` of an object literal (`{ load() {} }`, `{ load: async () => … }`). */
export function objectMember(object: TSESTree.ObjectExpression, name: string): FunctionNode | undefined {
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed || property.kind !== 'init') continue;
    const key =
      property.key.type === AST_NODE_TYPES.Identifier
        ? property.key.name
        : property.key.type === AST_NODE_TYPES.Literal
          ? String(property.key.value)
          : undefined;
    if (key === name && isFunctionNode(property.value)) return property.value;
  }
  return undefined;
}

/** `this` inside a method of an object literal (`{ async start() { this.stop(); } }`): that literal. */
function objectLiteralOfThis(node: TSESTree.ThisExpression): TSESTree.ObjectExpression | undefined {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
    if (current.type !== AST_NODE_TYPES.FunctionExpression && current.type !== AST_NODE_TYPES.FunctionDeclaration)
      continue;
    const property = current.parent;
    return property?.type === AST_NODE_TYPES.Property &&
      property.value === current &&
      property.parent.type === AST_NODE_TYPES.ObjectExpression
      ? property.parent
      : undefined;
  }
  return undefined;
}

function isInStaticMember(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.MethodDefinition || current.type === AST_NODE_TYPES.PropertyDefinition)
      return current.static;
    if (current.type === AST_NODE_TYPES.StaticBlock) return true;
  }
  return false;
}

function isClassNode(node: TSESTree.Node | undefined): node is ClassNode {
  return node?.type === AST_NODE_TYPES.ClassDeclaration || node?.type === AST_NODE_TYPES.ClassExpression;
}

/** The class `new C()` instantiates, when `C` is a never-reassigned class binding of this file. */
function instantiatedClass(context: AnyContext, node: TSESTree.Node): ClassNode | undefined {
  if (node.type !== AST_NODE_TYPES.NewExpression || node.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const init = constantInit(context, node.callee);
  return isClassNode(init) ? init : undefined;
}

/** The function of this file that a callee expression calls, when it can be followed. */
export function resolveFunction(context: AnyContext, calleeNode: TSESTree.Node): FunctionNode | undefined {
  const callee = skipTypeWrappers(skipChainExpression(calleeNode));
  if (isFunctionNode(callee)) return callee;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const init = constantInit(context, callee);
    return init && isFunctionNode(init) ? init : undefined;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  // `this.#load()` is looked up as the member `#load`.
  const name =
    callee.property.type === AST_NODE_TYPES.PrivateIdentifier
      ? `#${callee.property.name}`
      : getStaticPropertyName(callee);
  if (name === undefined) return undefined;
  const object = skipTypeWrappers(callee.object);
  if (object.type === AST_NODE_TYPES.ThisExpression) {
    const classNode = getThisClass(object);
    if (!classNode) {
      const literal = objectLiteralOfThis(object);
      return literal ? objectMember(literal, name) : undefined;
    }
    return classMember(classNode, name, isInStaticMember(object));
  }
  const instanceOf = instantiatedClass(context, object);
  if (instanceOf) return classMember(instanceOf, name, false);
  if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const init = constantInit(context, object);
  if (!init) return undefined;
  if (isClassNode(init)) return classMember(init, name, true);
  if (init.type === AST_NODE_TYPES.ObjectExpression) return objectMember(init, name);
  const classOfInit = instantiatedClass(context, init);
  return classOfInit ? classMember(classOfInit, name, false) : undefined;
}
