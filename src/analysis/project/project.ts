/**
 * "What does this imported function do?" for the file being linted: a callee that names an import, a
 * `require` of a project file, a member of one (`db.save()`, `Repo.find()`, `new Client().send()`), or an
 * inherited method (`this.flush()` in a class that extends an imported one) is followed to the function
 * that defines it in another file, and its summary answers (returns a promise, can reject). Rules ask
 * this only after the same-file analysis found no function, so it is a fallback, never a second opinion.
 *
 * Settings: `settings['event-loop'] = { crossFile: false }` turns it off; `tsconfig: 'path'` names the
 * tsconfig whose `paths`/`baseUrl` resolve imports (otherwise the nearest one).
 */
import fs from 'node:fs';
import path from 'node:path';

import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import {
  getStaticPropertyName,
  importedName,
  isFunctionNode,
  keyName,
  moduleSpecifier,
  skipChainExpression,
  skipTypeWrappers,
} from '../ast.js';
import { jsdocImportType } from '../comments.js';
import {
  isInStaticMember,
  objectLiteralOfThis,
  objectPropertyName,
  onlyReturnedValue,
  resolveFunction,
} from '../origin/function-resolution.js';
import type { DeclaredKind } from '../origin/type-annotations.js';
import { creationRejectingMembers } from '../promises/deferred-class.js';
import type { FieldAccess } from '../promises/deferred-field.js';
import { type AnyContext, findVariableAt, isWrittenOnlyByInit, type ScopeVariable } from '../scope.js';
import { getPluginSettings } from '../settings.js';
import { createFreshness } from './freshness.js';
import { type LocatedValue, type MemberKey, ModuleGraph, symbolKey } from './module-graph.js';
import { clearResolverCaches, isSourceFile } from './resolve.js';
import type { ClassSummary, FunctionSummary, ModuleReference } from './summaries.js';
import { recordLintedModule } from './summary-cache.js';

interface ImportedFunction extends FunctionSummary {
  /** Real path of the file that defines the function. */
  readonly file: string;
}

export interface ProjectKnowledge {
  /** False when the layer is off (`crossFile: false`, or no file on disk): every answer is then unknown. */
  readonly enabled: boolean;
  /** The function of another project file that `callee` calls, when it can be followed. */
  resolveImportedFunction(callee: TSESTree.Node): ImportedFunction | undefined;
  /**
   * What calling the method `method` of a value declared with the type `reference` names (an import of the
   * linted file) returns, by that type's declarations in another project file; unknown when not declared.
   */
  declaredMethodKind(reference: ModuleReference, method: string): DeclaredKind;
  /** The class of another project file that `node` names (`Deferred` in `Deferred.create()`), when it can be followed. */
  resolveImportedClass(node: TSESTree.Node): ClassSummary | undefined;
  /**
   * The field `field` of the class of another project file that a type annotation names (`target: Target`,
   * through `import type` too), or the class `className` of `classFile` (the checker's declaration), when it
   * holds a deferred that its class only ever builds without a timeout and never rejects.
   */
  resolveDeferredField(
    at: TSESTree.Identifier | { readonly classFile: string; readonly className: string },
    field: string,
  ): ImportedDeferredField | undefined;
}

interface ImportedDeferredField {
  /** The members of the deferred that can make it reject: every use outside its class must avoid them. */
  readonly rejecting: ReadonlySet<string>;
  readonly access: FieldAccess;
  /** Real path of the file that declares the class, and the class's name there. */
  readonly file: string;
  readonly className: string | undefined;
}

const DISABLED: ProjectKnowledge = {
  enabled: false,
  resolveImportedFunction: () => undefined,
  declaredMethodKind: () => 'unknown',
  resolveImportedClass: () => undefined,
  resolveDeferredField: () => undefined,
};

const cache = new WeakMap<TSESTree.Program, ProjectKnowledge>();

/** Resolver caches (directory listings, package.json, tsconfig, answers by directory) follow the layer's freshness. */
const resolverFreshness = createFreshness();

function refreshResolverCaches(): void {
  if (resolverFreshness.expired()) clearResolverCaches();
}

/** Project knowledge for the file of `context`, built once per file. */
export function getProjectKnowledge(context: AnyContext): ProjectKnowledge {
  const program = context.sourceCode.ast;
  let knowledge = cache.get(program);
  if (!knowledge) {
    knowledge = createProjectKnowledge(context);
    cache.set(program, knowledge);
  }
  return knowledge;
}

/** The linted file's real path, and whether a file of that name is on disk (not stdin, not a block of a Markdown file). */
function lintedFile(context: AnyContext): { path: string; onDisk: boolean } | undefined {
  const filename = context.physicalFilename || context.filename;
  if (!filename || !path.isAbsolute(filename)) return undefined;
  try {
    return { path: fs.realpathSync.native(filename), onDisk: filename === context.filename };
  } catch {
    // Linted from stdin or an editor buffer with no file behind it: imports resolve from its directory.
    return { path: filename, onDisk: false };
  }
}

function createProjectKnowledge(context: AnyContext): ProjectKnowledge {
  const settings = getPluginSettings(context);
  if (settings.crossFile === false) return DISABLED;
  const linted = lintedFile(context);
  if (!linted) return DISABLED;
  const file = linted.path;
  // Other files that need this one later read it from ESLint's tree instead of parsing it again.
  if (linted.onDisk && isSourceFile(file)) recordLintedModule(file, context.sourceCode.ast, context.sourceCode.text);
  refreshResolverCaches();
  const tsconfig = settings.tsconfig ? path.resolve(context.cwd, settings.tsconfig) : undefined;
  const graph = new ModuleGraph({ tsconfig });
  const sourceCode = context.sourceCode;
  const answers = new WeakMap<TSESTree.Node, ImportedFunction | null>();

  function referenceOf(
    specifier: string,
    via: ModuleReference['via'],
    name: string,
    members: string[] = [],
  ): ModuleReference {
    return { kind: 'reference', specifier, via, name, members };
  }

  /** What a value of the linted file is, when it comes from another project file. */
  function valueOf(input: TSESTree.Node, depth: number): LocatedValue | undefined {
    if (depth > 6) return undefined;
    const node = skipTypeWrappers(skipChainExpression(input));
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        return identifierValue(node, depth);
      case AST_NODE_TYPES.CallExpression: {
        const specifier = moduleSpecifier(node);
        if (specifier !== undefined) return graph.resolveReference(file, referenceOf(specifier, 'require', '*'));
        // `createClient(url).get()`: the object of methods a factory of another file returns.
        const factory = valueOf(node.callee, depth + 1);
        if (factory) return graph.productOf(factory);
        // `createService().ping()`: what a plain function of this file returns, when it returns one value.
        const local = resolveFunction(context, node.callee);
        const returned = local && onlyReturnedValue(local);
        return returned ? valueOf(returned, depth + 1) : undefined;
      }
      case AST_NODE_TYPES.MemberExpression: {
        const name = memberKeyOf(node, depth);
        if (name === undefined) return undefined;
        if (node.object.type === AST_NODE_TYPES.ThisExpression)
          return (
            declaredThisMember(node.object, name) ??
            inheritedMember(node.object, name, depth) ??
            objectLiteralMember(node.object, name, depth)
          );
        if (node.object.type === AST_NODE_TYPES.Super) return superMember(node.object, name, depth);
        const object = valueOf(node.object, depth + 1);
        return object && graph.memberOf(object, name);
      }
      case AST_NODE_TYPES.NewExpression: {
        const classValue = valueOf(node.callee, depth + 1);
        if (classValue?.value.kind !== 'class') return undefined;
        return { value: { kind: 'instance', of: classValue.value }, file: classValue.file };
      }
      default:
        return undefined;
    }
  }

  /** `a.b` → `b`; `this.#b` → `#b`; `a[kDrain]` → the symbol `kDrain` holds, when it is a symbol of a project file. */
  function memberKeyOf(node: TSESTree.MemberExpression, depth: number): MemberKey | undefined {
    if (node.property.type === AST_NODE_TYPES.PrivateIdentifier) return `#${node.property.name}`;
    const name = getStaticPropertyName(node);
    if (name !== undefined || !node.computed || node.property.type !== AST_NODE_TYPES.Identifier) return name;
    return symbolKey(identifierValue(node.property, depth + 1));
  }

  function identifierValue(identifier: TSESTree.Identifier, depth: number): LocatedValue | undefined {
    const variable = findVariableAt(sourceCode, identifier, identifier);
    if (!variable || variable.defs.length !== 1) return undefined;
    const def = variable.defs[0]!;
    const kind = String(def.type);
    if (kind === 'ImportBinding') {
      const declaration = def.parent as TSESTree.ImportDeclaration;
      if (declaration.importKind === 'type') return undefined;
      const specifierNode = def.node;
      if (specifierNode.type === AST_NODE_TYPES.ImportSpecifier && specifierNode.importKind === 'type')
        return undefined;
      const name = importedName(specifierNode);
      if (name === undefined) return undefined;
      return graph.resolveReference(file, referenceOf(String(declaration.source.value), 'import', name));
    }
    if (kind !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
    // Written again: `instance = new Service(deps);` as the statement just before this one stands for it.
    if (!def.node.init || !isWrittenOnlyByInit(variable)) {
      const assigned = assignedJustBefore(identifier, variable);
      return assigned && valueOf(assigned, depth + 1);
    }
    const declarator = def.node;
    const init = declarator.init!;
    if (declarator.id.type === AST_NODE_TYPES.Identifier) return valueOf(init, depth + 1);
    if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
      // `const { save } = require('./db')`: the member the name was destructured from.
      for (const property of declarator.id.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
        if (property.value !== identifier && property.value !== def.name) continue;
        const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
        const object = key === undefined ? undefined : valueOf(init, depth + 1);
        return object && graph.memberOf(object, key!);
      }
    }
    return undefined;
  }

  /**
   * `instance = new Service(deps); instance.start();`: the value the statement just before the one that
   * reads `identifier` assigns to its variable (`=`, a plain name), when the read is in that statement's
   * own expression, outside any function, so nothing can run between the write and the read.
   */
  function assignedJustBefore(
    identifier: TSESTree.Identifier,
    variable: ScopeVariable,
  ): TSESTree.Expression | undefined {
    let statement: TSESTree.Node = identifier;
    while (
      statement.parent &&
      statement.parent.type !== AST_NODE_TYPES.BlockStatement &&
      statement.parent.type !== AST_NODE_TYPES.Program
    ) {
      if (isFunctionNode(statement.parent)) return undefined;
      statement = statement.parent;
    }
    // Nor written again in the statement before the read (`switch (k) { case 1: instance = other; … }`).
    const [start] = statement.range;
    if (
      variable.references.some(
        (reference) =>
          reference.isWrite() &&
          reference.identifier.range[0] >= start &&
          reference.identifier.range[0] < identifier.range[0],
      )
    )
      return undefined;
    const body = statement.parent?.body;
    const index = body ? body.indexOf(statement as TSESTree.Statement) : -1;
    const previous = body && index > 0 ? body[index - 1] : undefined;
    if (previous?.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
    const write = previous.expression;
    if (
      write.type !== AST_NODE_TYPES.AssignmentExpression ||
      write.operator !== '=' ||
      write.left.type !== AST_NODE_TYPES.Identifier ||
      !variable.references.some((reference) => reference.identifier === write.left)
    )
      return undefined;
    return write.right;
  }

  /** The class whose method (or field initialiser) holds `node`, looking through arrow functions. */
  function enclosingClass(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
    for (let current = node.parent; current; current = current.parent) {
      if (current.type === AST_NODE_TYPES.ClassBody) return current.parent;
      if (
        (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) &&
        current.parent?.type !== AST_NODE_TYPES.MethodDefinition &&
        current.parent?.type !== AST_NODE_TYPES.PropertyDefinition
      ) {
        return undefined;
      }
    }
    return undefined;
  }

  /** `this.name` where the enclosing class does not define `name` but extends an imported class that does. */
  function inheritedMember(node: TSESTree.ThisExpression, name: MemberKey, depth: number): LocatedValue | undefined {
    const classNode = enclosingClass(node);
    if (!classNode?.superClass) return undefined;
    const defined = classNode.body.body.some((member) => {
      if (
        member.type !== AST_NODE_TYPES.MethodDefinition &&
        member.type !== AST_NODE_TYPES.PropertyDefinition &&
        member.type !== AST_NODE_TYPES.TSAbstractMethodDefinition
      ) {
        return false;
      }
      if (typeof name === 'string')
        return !member.computed && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === name;
      // A computed key of this class that holds the same symbol overrides the inherited method.
      if (!member.computed || member.key.type !== AST_NODE_TYPES.Identifier) return false;
      const key = symbolKey(identifierValue(member.key, depth + 1));
      return typeof key === 'object' && key.file === name.file && key.symbol === name.symbol;
    });
    if (defined) return undefined;
    return memberOfSuper(classNode, name, isInStaticMember(node), depth);
  }

  /**
   * `this.controller` in a method of an object literal that says `controller: new MentionController()`
   * (a service index's `init()`): the value written there, when nothing else can change it: no spread or
   * accessor in the literal, and no assignment to a member of that name anywhere in the file.
   */
  function objectLiteralMember(
    node: TSESTree.ThisExpression,
    name: MemberKey,
    depth: number,
  ): LocatedValue | undefined {
    if (typeof name !== 'string') return undefined;
    const literal = objectLiteralOfThis(node);
    if (!literal) return undefined;
    let value: TSESTree.Node | undefined;
    for (const property of literal.properties) {
      if (property.type !== AST_NODE_TYPES.Property) return undefined;
      if (property.kind !== 'init' && !property.computed && keyName(property.key) === name) return undefined;
      if (objectPropertyName(property) === name) value = property.value;
    }
    if (!value || assignsMemberNamed(name)) return undefined;
    return valueOf(value, depth + 1);
  }

  /**
   * `this.#settings` of a class field, or `this.api` of an object literal's property, that JSDoc types with
   * a module of the project (`/** @type {import(SPEC)} *\/`, SPEC a quoted specifier): what that module
   * exports, or an instance when it is a class, whatever the code assigns; the checker reads it the same way.
   */
  function declaredThisMember(node: TSESTree.ThisExpression, name: MemberKey): LocatedValue | undefined {
    if (typeof name !== 'string') return undefined;
    const classNode = enclosingClass(node);
    const literal = classNode ? undefined : objectLiteralOfThis(node);
    const members = classNode?.body.body ?? literal?.properties ?? [];
    const declaration = members.find(
      (member) =>
        (member.type === AST_NODE_TYPES.PropertyDefinition || member.type === AST_NODE_TYPES.Property) &&
        !member.computed &&
        (member.key.type === AST_NODE_TYPES.Literal ? String(member.key.value) : keyName(member.key)) === name &&
        !(member.type === AST_NODE_TYPES.PropertyDefinition && member.static),
    );
    const declared = declaration && jsdocImportType(sourceCode, declaration);
    if (!declared) return undefined;
    const via = sourceCode.ast.sourceType === 'module' ? 'import' : 'require';
    const located = graph.resolveReference(file, referenceOf(declared.specifier, via, '*', declared.members));
    if (located?.value.kind !== 'class') return located;
    return { value: { kind: 'instance', of: located.value }, file: located.file };
  }

  const assignedMembers = new Map<string, boolean>();

  /** Does the file's text assign a member of that name anywhere (`x.controller = …`, `this.controller ??= …`)? */
  function assignsMemberNamed(name: string): boolean {
    let answer = assignedMembers.get(name);
    if (answer === undefined) {
      const escaped = name.replace(/[$]/gu, '\\$');
      answer = new RegExp(`\\.\\s*${escaped}\\s*(?:[-+*/%&|^?]{0,3}=(?!=)|\\+\\+|--)`, 'u').test(sourceCode.text);
      assignedMembers.set(name, answer);
    }
    return answer;
  }

  /** `super.name(…)`: the method of the class this one extends. */
  function superMember(node: TSESTree.Super, name: MemberKey, depth: number): LocatedValue | undefined {
    const classNode = enclosingClass(node);
    return classNode?.superClass ? memberOfSuper(classNode, name, isInStaticMember(node), depth) : undefined;
  }

  function memberOfSuper(
    classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
    name: MemberKey,
    isStatic: boolean,
    depth: number,
  ): LocatedValue | undefined {
    const parent = valueOf(classNode.superClass!, depth + 1);
    if (parent?.value.kind !== 'class') return undefined;
    return isStatic ? graph.memberOf(parent, name) : graph.instanceMemberOf(parent, name);
  }

  function resolveImportedFunction(callee: TSESTree.Node): ImportedFunction | undefined {
    const cached = answers.get(callee);
    if (cached !== undefined) return cached ?? undefined;
    graph.reset();
    const located = valueOf(callee, 0);
    const facts = located && graph.functionAnswers(located);
    const answer = facts ? { ...facts, file: located.file } : undefined;
    answers.set(callee, answer ?? null);
    return answer;
  }

  const declaredKinds = new Map<string, DeclaredKind>();

  function declaredMethodKind(reference: ModuleReference, method: string): DeclaredKind {
    const key = `${reference.specifier}\0${reference.name}\0${method}`;
    let kind = declaredKinds.get(key);
    if (kind === undefined) {
      graph.reset();
      kind = graph.declaredMethodKind(file, reference, method);
      declaredKinds.set(key, kind);
    }
    return kind;
  }

  function resolveImportedClass(node: TSESTree.Node): ClassSummary | undefined {
    graph.reset();
    const located = valueOf(node, 0);
    return located?.value.kind === 'class' ? located.value : undefined;
  }

  /** The class a type name of the linted file imports (a value or a type import). */
  function importedClassOfType(typeName: TSESTree.Identifier): LocatedValue | undefined {
    const variable = findVariableAt(sourceCode, typeName, typeName);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (String(def?.type) !== 'ImportBinding') return undefined;
    const name = importedName(def!.node);
    if (name === undefined || name === '*') return undefined;
    const source = String((def!.parent as TSESTree.ImportDeclaration).source.value);
    return graph.resolveReference(file, referenceOf(source, 'import', name));
  }

  function resolveDeferredField(
    at: TSESTree.Identifier | { readonly classFile: string; readonly className: string },
    field: string,
  ): ImportedDeferredField | undefined {
    graph.reset();
    const located =
      'type' in at ? importedClassOfType(at) : graph.exportOf(realPathOf(at.classFile), at.className, new Set());
    if (located?.value.kind !== 'class' || !Object.hasOwn(located.value.deferredFields, field)) return undefined;
    const summary = located.value.deferredFields[field]!;
    const rejecting = new Set<string>();
    for (const creation of summary.creations) {
      const built = graph.settle(creation.of, located.file);
      const facts = built?.value.kind === 'class' ? built.value.deferred : undefined;
      const members = facts && creationRejectingMembers(facts, creation.factory, creation.argumentCount);
      if (!members) return undefined;
      for (const member of members) rejecting.add(member);
    }
    if (summary.members.some((member) => rejecting.has(member))) return undefined;
    return { rejecting, access: summary.access, file: located.file, className: located.value.name };
  }

  return { enabled: true, resolveImportedFunction, declaredMethodKind, resolveImportedClass, resolveDeferredField };
}

function realPathOf(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return file;
  }
}
