/**
 * What a TypeScript declaration says, read from its syntax alone (no checker): whether a declared type
 * is a promise (`Promise<T>`, `PromiseLike<T>`, generics by name only), and which methods an interface,
 * an object type alias or a class declares, with what calling each returns. Small plain data, shared by
 * the linted file (origin/declared-types.ts) and the export summaries of other files (project/summaries.ts).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { keyName } from '../ast.js';

/** What a declared type is: a promise, something that is certainly not one, or not known from the text. */
export type DeclaredKind = 'promise' | 'other' | 'unknown';

/** The methods a type declares and the types it builds on, by name; nothing else of the type is kept. */
export interface DeclaredShape {
  readonly kind: 'shape';
  /** Methods and function-typed properties by name: what calling each returns (overloads must all agree). */
  readonly methods: Readonly<Record<string, DeclaredKind>>;
  /** Names of the types it builds on, as written: an interface's `extends`, a class's superclass, the parts of an intersection. */
  readonly bases: readonly string[];
}

/** `Promise<T>`, `PromiseLike<T>`: the names a declared promise is written with. */
const PROMISE_TYPE_NAMES = new Set(['Promise', 'PromiseLike']);

/** Types whose values are never thenable. */
const NEVER_PROMISE_TYPES = new Set<string>([
  AST_NODE_TYPES.TSVoidKeyword,
  AST_NODE_TYPES.TSUndefinedKeyword,
  AST_NODE_TYPES.TSNullKeyword,
  AST_NODE_TYPES.TSNeverKeyword,
  AST_NODE_TYPES.TSNumberKeyword,
  AST_NODE_TYPES.TSStringKeyword,
  AST_NODE_TYPES.TSBooleanKeyword,
  AST_NODE_TYPES.TSBigIntKeyword,
  AST_NODE_TYPES.TSSymbolKeyword,
  AST_NODE_TYPES.TSLiteralType,
  AST_NODE_TYPES.TSTemplateLiteralType,
  AST_NODE_TYPES.TSArrayType,
  AST_NODE_TYPES.TSTupleType,
  AST_NODE_TYPES.TSTypePredicate,
  AST_NODE_TYPES.TSFunctionType,
  AST_NODE_TYPES.TSConstructorType,
]);

/** Is a value of the declared type `type` a promise? A union is one only when every part is. */
export function declaredKindOf(type: TSESTree.TypeNode | TSESTree.TSTypeAnnotation | null | undefined): DeclaredKind {
  if (!type) return 'unknown';
  const node: TSESTree.Node = type.type === AST_NODE_TYPES.TSTypeAnnotation ? type.typeAnnotation : type;
  if (NEVER_PROMISE_TYPES.has(node.type)) return 'other';
  switch (node.type) {
    case AST_NODE_TYPES.TSTypeReference:
      return node.typeName.type === AST_NODE_TYPES.Identifier && PROMISE_TYPE_NAMES.has(node.typeName.name)
        ? 'promise'
        : 'unknown';
    case AST_NODE_TYPES.TSUnionType: {
      const kinds = new Set(node.types.map((part) => declaredKindOf(part)));
      return kinds.size === 1 ? kinds.values().next().value! : 'unknown';
    }
    case AST_NODE_TYPES.TSTypeLiteral:
      // An object type is thenable only with a `then` member.
      return node.members.some((member) => memberName(member) === 'then') ? 'unknown' : 'other';
    default:
      return 'unknown';
  }
}

/** What calling a value of the declared type `type` returns: a function type's return type, `unknown` for anything else. */
export function declaredCallKindOf(
  type: TSESTree.TypeNode | TSESTree.TSTypeAnnotation | null | undefined,
): DeclaredKind {
  const node = type?.type === AST_NODE_TYPES.TSTypeAnnotation ? type.typeAnnotation : type;
  return node?.type === AST_NODE_TYPES.TSFunctionType ? declaredKindOf(node.returnType) : 'unknown';
}

/**
 * The shape an interface, object type alias (literal, intersection, or another named type), class or
 * type literal declares; undefined for any other type.
 */
export function readDeclaredShape(node: TSESTree.Node, neverRejects?: NeverRejects): DeclaredShape | undefined {
  const methods = new Map<string, DeclaredKind[]>();
  const bases: string[] = [];
  if (!collectShape(node, methods, bases, neverRejects)) return undefined;
  return { kind: 'shape', methods: combineOverloads(methods), bases };
}

/** Two declarations of one interface (declaration merging) are one shape: their methods side by side. */
export function mergeDeclaredShapes(a: DeclaredShape, b: DeclaredShape): DeclaredShape {
  const methods = Object.assign(Object.create(null) as Record<string, DeclaredKind>, a.methods);
  for (const [name, kind] of Object.entries(b.methods))
    methods[name] = methods[name] === undefined || methods[name] === kind ? kind : 'unknown';
  return { kind: 'shape', methods, bases: [...a.bases, ...b.bases] };
}

/**
 * Does the body of this class method never reject (`cannotReject`, read by the caller, who has the tree's
 * context)? A declared promise that cannot reject is left `unknown`: a dropped call of it loses nothing, and
 * the body, not the declaration, is what the rule judges by.
 */
export type NeverRejects = (fn: TSESTree.FunctionExpression) => boolean;

function collectShape(
  node: TSESTree.Node,
  methods: Map<string, DeclaredKind[]>,
  bases: string[],
  neverRejects?: NeverRejects,
): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.TSInterfaceDeclaration:
      for (const heritage of node.extends) {
        if (heritage.expression.type === AST_NODE_TYPES.Identifier) bases.push(heritage.expression.name);
      }
      collectMembers(node.body.body, methods);
      return true;
    case AST_NODE_TYPES.TSTypeLiteral:
      collectMembers(node.members, methods);
      return true;
    case AST_NODE_TYPES.TSTypeAliasDeclaration:
      return collectShape(node.typeAnnotation, methods, bases, neverRejects);
    case AST_NODE_TYPES.TSIntersectionType:
      return node.types.every((part) => collectShape(part, methods, bases, neverRejects));
    case AST_NODE_TYPES.TSTypeReference:
      if (node.typeName.type !== AST_NODE_TYPES.Identifier) return false;
      bases.push(node.typeName.name);
      return true;
    case AST_NODE_TYPES.ClassDeclaration:
    case AST_NODE_TYPES.ClassExpression:
      if (node.superClass?.type === AST_NODE_TYPES.Identifier) bases.push(node.superClass.name);
      collectClassMembers(node.body.body, methods, neverRejects);
      return true;
    default:
      return false;
  }
}

function memberName(member: TSESTree.Node): string | undefined {
  if (!('key' in member) || ('computed' in member && member.computed)) return undefined;
  const key = member.key as TSESTree.Node;
  return key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string' ? key.value : keyName(key);
}

function add(methods: Map<string, DeclaredKind[]>, name: string, kind: DeclaredKind): void {
  const kinds = methods.get(name);
  if (kinds) kinds.push(kind);
  else methods.set(name, [kind]);
}

/** Interface and type literal members: method signatures, and properties whose type is a function type. */
function collectMembers(members: readonly TSESTree.TypeElement[], methods: Map<string, DeclaredKind[]>): void {
  for (const member of members) {
    const name = memberName(member);
    if (name === undefined) continue;
    if (member.type === AST_NODE_TYPES.TSMethodSignature) {
      if (member.kind === 'method') add(methods, name, declaredKindOf(member.returnType));
    } else if (member.type === AST_NODE_TYPES.TSPropertySignature) {
      const kind = declaredCallKindOf(member.typeAnnotation);
      if (member.typeAnnotation?.typeAnnotation.type === AST_NODE_TYPES.TSFunctionType) add(methods, name, kind);
    }
  }
}

/**
 * Class members: a method's declared return type, or `async` when it declares none; fields holding a
 * function by their type or their initialiser. Overload signatures, where a method has them, stand
 * for it (its implementation's signature is not callable from outside).
 */
function collectClassMembers(
  members: readonly TSESTree.ClassElement[],
  methods: Map<string, DeclaredKind[]>,
  neverRejects?: NeverRejects,
): void {
  const signatures = new Map<string, DeclaredKind[]>();
  for (const member of members) {
    if ('static' in member && member.static) continue;
    const name = memberName(member);
    if (name === undefined) continue;
    if (member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.TSAbstractMethodDefinition) {
      if (member.kind !== 'method') continue;
      const fn = member.value;
      const isSignature =
        member.type === AST_NODE_TYPES.MethodDefinition && fn.type === AST_NODE_TYPES.TSEmptyBodyFunctionExpression;
      const kind = functionKind(fn);
      const harmless =
        kind === 'promise' && fn.type === AST_NODE_TYPES.FunctionExpression && neverRejects?.(fn) === true;
      add(isSignature ? signatures : methods, name, harmless ? 'unknown' : kind);
    } else if (
      member.type === AST_NODE_TYPES.PropertyDefinition ||
      member.type === AST_NODE_TYPES.TSAbstractPropertyDefinition
    ) {
      if (member.typeAnnotation) {
        if (member.typeAnnotation.typeAnnotation.type === AST_NODE_TYPES.TSFunctionType)
          add(methods, name, declaredCallKindOf(member.typeAnnotation));
      } else if (
        member.value?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
        member.value?.type === AST_NODE_TYPES.FunctionExpression
      ) {
        add(methods, name, functionKind(member.value));
      }
    }
  }
  for (const [name, kinds] of signatures) methods.set(name, kinds);
}

/** What calling a function returns by its declaration: the return type when written, a promise when `async`. */
function functionKind(
  fn: TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression | TSESTree.TSEmptyBodyFunctionExpression,
): DeclaredKind {
  if (fn.returnType) return declaredKindOf(fn.returnType);
  if (fn.async) return fn.generator ? 'other' : 'promise';
  return 'unknown';
}

function combineOverloads(methods: ReadonlyMap<string, readonly DeclaredKind[]>): Record<string, DeclaredKind> {
  const combined: Record<string, DeclaredKind> = Object.create(null) as Record<string, DeclaredKind>;
  for (const [name, kinds] of methods)
    combined[name] = kinds.every((kind) => kind === kinds[0]) ? kinds[0]! : 'unknown';
  return combined;
}
