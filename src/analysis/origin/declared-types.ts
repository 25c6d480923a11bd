/**
 * "What does this call return, by the declared types?" in TypeScript files without the checker:
 * `repo.save(x)` with `repo: Repo`, `this.db.query(…)` with `private db: Db` (a field or a constructor
 * parameter property), `run()` with `run: () => Promise<void>`, where the interface, object type alias
 * or class that declares the method is in this file or in another project file (through `import type`,
 * `import { type X }` or `import { X }`, read from its export summary). `extends` is followed a few
 * levels deep, cycles end the search; a promise is `Promise<…>` or `PromiseLike<…>` by name. Anything
 * else is unknown, never "not a promise". Read only for calls a rule already asks about; the file's
 * table of types is built once per Program, each declaration's shape once.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { type ClassNode, getThisClass, importedName, keyName, skipChainExpression, skipTypeWrappers } from '../ast.js';
import { getProjectKnowledge } from '../project/project.js';
import { collectDeclaredTypes, type DeclaredTypes, type ModuleReference } from '../project/summaries.js';
import { cannotReject } from '../promises/rejection.js';
import { type AnyContext, DefinitionType, findVariableAt } from '../scope.js';
import { isInStaticMember } from './function-resolution.js';
import {
  declaredCallKindOf,
  type DeclaredKind,
  declaredKindOf,
  type DeclaredShape,
  mergeDeclaredShapes,
  readDeclaredShape,
} from './type-annotations.js';

export interface DeclaredTypeKnowledge {
  /** What calling `callee` returns, by the declared type of the value it calls. */
  callKind(callee: TSESTree.Node): DeclaredKind;
  /** What the value of `identifier` is, by its own annotation (`pending: Promise<void>`). */
  valueKind(identifier: TSESTree.Identifier): DeclaredKind;
}

/** How many types (`extends`, superclasses) a lookup passes through before the answer is unknown. */
const MAX_DEPTH = 8;

const cache = new WeakMap<TSESTree.Program, DeclaredTypeKnowledge>();

/** A file with no type annotations (JavaScript) declares nothing: every answer is unknown, at no cost. */
const UNDECLARED: DeclaredTypeKnowledge = { callKind: () => 'unknown', valueKind: () => 'unknown' };

const TYPESCRIPT_FILE = /\.[cm]?tsx?$/u;

/** Declared-type knowledge for the file of `context`, built once per file. */
export function getDeclaredTypes(context: AnyContext): DeclaredTypeKnowledge {
  const program = context.sourceCode.ast;
  let knowledge = cache.get(program);
  if (!knowledge) {
    knowledge = TYPESCRIPT_FILE.test(context.filename) ? createDeclaredTypes(context) : UNDECLARED;
    cache.set(program, knowledge);
  }
  return knowledge;
}

function createDeclaredTypes(context: AnyContext): DeclaredTypeKnowledge {
  const sourceCode = context.sourceCode;
  const neverRejects = (fn: TSESTree.FunctionExpression): boolean => cannotReject(context, fn);
  let table: DeclaredTypes | null | undefined;
  const shapes = new WeakMap<TSESTree.Node, DeclaredShape | null>();
  const answers = new WeakMap<TSESTree.Node, DeclaredKind>();

  /** Top-level types of this file by name, built on first use. */
  function localTypes(): DeclaredTypes | undefined {
    if (table === undefined) table = collectDeclaredTypes(sourceCode.ast, neverRejects) ?? null;
    return table ?? undefined;
  }

  function shapeOf(node: TSESTree.Node): DeclaredShape | undefined {
    let shape = shapes.get(node);
    if (shape === undefined) {
      shape = readDeclaredShape(node, neverRejects) ?? null;
      shapes.set(node, shape);
    }
    return shape ?? undefined;
  }

  function callKind(callee: TSESTree.Node): DeclaredKind {
    let answer = answers.get(callee);
    if (answer === undefined) {
      answer = computeCallKind(callee);
      answers.set(callee, answer);
    }
    return answer;
  }

  function computeCallKind(callee: TSESTree.Node): DeclaredKind {
    const node = skipTypeWrappers(skipChainExpression(callee));
    if (node.type === AST_NODE_TYPES.Identifier) return declaredCallKindOf(annotationOf(node));
    if (node.type !== AST_NODE_TYPES.MemberExpression) return 'unknown';
    const method = memberName(node);
    if (method === undefined) return 'unknown';
    const receiver = skipTypeWrappers(skipChainExpression(node.object));
    if (receiver.type === AST_NODE_TYPES.ThisExpression) {
      // `this.handler()`: a field declared with a function type, or a method the class (or its bases) declares.
      const classNode = isInStaticMember(receiver) ? undefined : getThisClass(receiver);
      if (!classNode) return 'unknown';
      const field = fieldAnnotation(classNode, method, 0);
      if (field) return declaredCallKindOf(field);
      const shape = shapeOf(classNode);
      return shape ? shapeMethodKind(shape, method, new Set(), 0) : 'unknown';
    }
    return typeMethodKind(annotationOf(receiver), method, new Set(), 0);
  }

  function valueKind(identifier: TSESTree.Identifier): DeclaredKind {
    return declaredKindOf(annotationOf(identifier));
  }

  /** The type a variable, parameter or `this.` field is declared with. */
  function annotationOf(node: TSESTree.Node): TSESTree.TypeNode | undefined {
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(node);
      const object = skipTypeWrappers(skipChainExpression(node.object));
      if (name === undefined || object.type !== AST_NODE_TYPES.ThisExpression || isInStaticMember(object))
        return undefined;
      const classNode = getThisClass(object);
      return classNode && fieldAnnotation(classNode, name, 0);
    }
    if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = findVariableAt(sourceCode, node, node);
    if (!variable || variable.defs.length !== 1) return undefined;
    const def = variable.defs[0]!;
    if (def.type !== DefinitionType.Parameter && def.type !== DefinitionType.Variable) return undefined;
    const name = def.name as TSESTree.Identifier;
    if (name.typeAnnotation) return name.typeAnnotation.typeAnnotation;
    // `const repo = make() as Repo`
    if (def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id !== name) return undefined;
    const init = def.node.init;
    return init?.type === AST_NODE_TYPES.TSAsExpression ? init.typeAnnotation : undefined;
  }

  /** The declared type of the field `name` of a class (or a constructor parameter property), or of a class of this file it extends. */
  function fieldAnnotation(classNode: ClassNode, name: string, depth: number): TSESTree.TypeNode | undefined {
    for (const member of classNode.body.body) {
      if (
        (member.type === AST_NODE_TYPES.PropertyDefinition ||
          member.type === AST_NODE_TYPES.TSAbstractPropertyDefinition) &&
        !member.static &&
        memberName(member) === name
      ) {
        return member.typeAnnotation?.typeAnnotation;
      }
      if (
        member.type === AST_NODE_TYPES.MethodDefinition &&
        member.kind === 'constructor' &&
        member.value.type === AST_NODE_TYPES.FunctionExpression
      ) {
        for (const param of member.value.params) {
          if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
          const binding =
            param.parameter.type === AST_NODE_TYPES.AssignmentPattern ? param.parameter.left : param.parameter;
          if (binding.type === AST_NODE_TYPES.Identifier && binding.name === name)
            return binding.typeAnnotation?.typeAnnotation;
        }
      }
    }
    const superClass = classNode.superClass;
    if (superClass?.type !== AST_NODE_TYPES.Identifier || depth >= MAX_DEPTH) return undefined;
    const variable = findVariableAt(sourceCode, superClass, superClass);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    return def?.type === DefinitionType.ClassName && def.node.type === AST_NODE_TYPES.ClassDeclaration
      ? fieldAnnotation(def.node, name, depth + 1)
      : undefined;
  }

  /** What the method `method` of a value of the declared type `type` returns. */
  function typeMethodKind(
    type: TSESTree.TypeNode | undefined,
    method: string,
    seen: Set<string>,
    depth: number,
  ): DeclaredKind {
    if (!type) return 'unknown';
    if (type.type === AST_NODE_TYPES.TSUnionType) {
      // `repo?: Repo`, `Repo | null`: the one type that is not nullish.
      const parts = type.types.filter(
        (part) => part.type !== AST_NODE_TYPES.TSNullKeyword && part.type !== AST_NODE_TYPES.TSUndefinedKeyword,
      );
      return parts.length === 1 ? typeMethodKind(parts[0], method, seen, depth) : 'unknown';
    }
    if (type.type === AST_NODE_TYPES.TSTypeLiteral || type.type === AST_NODE_TYPES.TSIntersectionType) {
      const shape = shapeOf(type);
      return shape ? shapeMethodKind(shape, method, seen, depth) : 'unknown';
    }
    if (type.type !== AST_NODE_TYPES.TSTypeReference) return 'unknown';
    const typeName = type.typeName;
    if (typeName.type === AST_NODE_TYPES.ThisExpression) return 'unknown';
    if (typeName.type === AST_NODE_TYPES.TSQualifiedName) {
      // `db: models.Db` with `import * as models from './models.js'` (or `import type * as models`).
      if (typeName.left.type !== AST_NODE_TYPES.Identifier) return 'unknown';
      const namespace = importOf(typeName.left);
      return namespace?.name === '*'
        ? getProjectKnowledge(context).declaredMethodKind({ ...namespace, name: typeName.right.name }, method)
        : 'unknown';
    }
    const variable = findVariableAt(sourceCode, typeName, typeName);
    if (!variable) return namedTypeMethodKind(typeName.name, method, seen, depth);
    const imported = importOf(typeName);
    if (imported) return getProjectKnowledge(context).declaredMethodKind(imported, method);
    let shape: DeclaredShape | undefined;
    for (const def of variable.defs) {
      const own = shapeOf(def.node);
      // A type parameter, an enum, a namespace: no declared methods.
      if (!own) return 'unknown';
      shape = shape ? mergeDeclaredShapes(shape, own) : own;
    }
    if (!shape || seen.has(typeName.name)) return 'unknown';
    seen.add(typeName.name);
    return shapeMethodKind(shape, method, seen, depth);
  }

  /** The import a name of this file is bound to, as a reference to follow. */
  function importOf(identifier: TSESTree.Identifier): ModuleReference | undefined {
    const variable = findVariableAt(sourceCode, identifier, identifier);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== DefinitionType.ImportBinding) return undefined;
    const declaration = def.parent as TSESTree.ImportDeclaration;
    const specifier = def.node;
    const name = importedName(specifier);
    if (name === undefined) return undefined;
    return { kind: 'reference', specifier: String(declaration.source.value), via: 'import', name, members: [] };
  }

  /** The method of a shape, else of the types it builds on (names of this file's top level), in order. */
  function shapeMethodKind(shape: DeclaredShape, method: string, seen: Set<string>, depth: number): DeclaredKind {
    const own = Object.hasOwn(shape.methods, method) ? shape.methods[method] : undefined;
    if (own !== undefined) return own;
    if (depth >= MAX_DEPTH) return 'unknown';
    for (const base of shape.bases) {
      const kind = namedTypeMethodKind(base, method, seen, depth + 1);
      if (kind !== 'unknown') return kind;
    }
    return 'unknown';
  }

  /** The method of the top-level type `name` of this file (a declaration, or an import of one). */
  function namedTypeMethodKind(name: string, method: string, seen: Set<string>, depth: number): DeclaredKind {
    if (seen.has(name)) return 'unknown';
    seen.add(name);
    const value = localTypes()?.local[name];
    if (!value) return 'unknown';
    if (value.kind === 'reference') return getProjectKnowledge(context).declaredMethodKind(value, method);
    return shapeMethodKind(value, method, seen, depth);
  }

  return { callKind, valueKind };
}

/** `a.b`, `a['b']`, `this.#b` as a name (`#b` for a private one). */
function memberName(
  node: TSESTree.MemberExpression | TSESTree.PropertyDefinition | TSESTree.TSAbstractPropertyDefinition,
): string | undefined {
  if (node.computed) {
    const key = node.type === AST_NODE_TYPES.MemberExpression ? node.property : node.key;
    return key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string' ? key.value : undefined;
  }
  return keyName(node.type === AST_NODE_TYPES.MemberExpression ? node.property : node.key);
}
