/**
 * What a module exports, as small plain data (no AST kept): functions with the facts other files ask
 * about (does calling it return a promise, can that promise reject), classes with their static and
 * instance methods and the class they extend, objects of functions, singletons (`new Service()`), and
 * references to other modules (`export … from`, `export *`, `require`) that the project layer follows
 * later. ESM and CommonJS export styles are both read; names are looked up among top-level bindings
 * only, so a summary needs no scope analysis and costs one pass over the top-level statements.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

import {
  type ClassNode,
  type FunctionNode,
  getStaticPropertyName,
  importedName,
  isCallOrNew,
  isFunctionNode,
  moduleSpecifier,
  skipChainExpression,
  skipTypeWrappers,
  walkAst,
} from '../ast.js';
import { ASSERTION_METHODS, ASSERTION_MODULES } from '../catalog/assertions.js';
import { BLOCKING_APIS, type BlockingApiRow } from '../catalog/blocking-apis.js';
import { NEVER_REJECTING_APIS } from '../catalog/never-rejecting-apis.js';
import { PACING_APIS, PACING_NAME_PATTERN, TIMER_CALLBACK_NAMES } from '../catalog/pacing.js';
import {
  PROMISE_CALLBACK_METHODS,
  PROMISE_LIST_COMBINATORS,
  PROMISE_OR_CALLBACK_APIS,
  PROMISE_RETURNING_APIS,
} from '../catalog/promise-apis.js';
import { SYNC_BRIDGES, type SyncBridgeRow } from '../catalog/sync-bridges.js';
import { THROWING_BUILTINS } from '../catalog/throwing-builtins.js';
import { effectOfName, type WorkEffect } from '../concurrency/effect-names.js';
import { pacesItsOwnWork } from '../concurrency/paced-work.js';
import { sqlKindOf } from '../concurrency/sql-kind.js';
import {
  classMember,
  functionReturnsPromise,
  objectPropertyName,
  returnedValuesOf,
} from '../origin/function-resolution.js';
import type { ApiRow } from '../origin/modules.js';
import {
  type DeclaredShape,
  mergeDeclaredShapes,
  type NeverRejects,
  readDeclaredShape,
} from '../origin/type-annotations.js';
import { type DeferredClassFacts, deferredClassFacts, deferredCreationParts } from '../promises/deferred-class.js';
import { classFieldUses, type FieldAccess } from '../promises/deferred-field.js';
import { argumentsKeepItResolving } from '../promises/never-rejecting.js';
import { promiseOrCallbackResult } from '../promises/promise-or-callback.js';
import type { Tristate } from '../promises/promises.js';
import {
  type BodyReader,
  cannotReject,
  executorOnlyResolves,
  fulfilmentChain,
  hasRejectionSource,
  isHandledPromiseChain,
  type RejectionJudge,
  resolvesWithoutRejecting,
  throwsOnPurpose,
} from '../promises/rejection.js';
import type { SourceCode } from '../scope.js';

export interface FunctionSummary {
  readonly kind: 'function';
  /** Does calling it return a promise? */
  readonly returnsPromise: Tristate;
  /** True when its promise never rejects (the same-file answer of `cannotReject`). */
  readonly cannotReject: boolean;
  /**
   * True when its promise can reject only by a bug, a synchronous throw of a plain call: `cannotReject`, or
   * an async body with no rejection source, what it awaits of this file followed (see rejection-sources.ts).
   */
  readonly noRejectionSource: boolean;
  /** Declared `async`: it returns a promise whatever it is given. */
  readonly isAsync: boolean;
  /** How many arguments its parameters take (Infinity with a rest parameter), for callback-style calls. */
  readonly acceptedArguments: number;
  /** What the work it waits for does to shared state, from SQL text and callee names (`unknown` unless it returns a promise). */
  readonly effect: WorkEffect;
  /** The function's own name, for messages. */
  readonly name: string | undefined;
  /** 1-based line of the function in its file. */
  readonly line: number;
  /**
   * The functions of other modules whose calls it returns, when every `return` is one (`return save(x)`
   * with `save` imported or required): its answers are theirs, settled by the module graph.
   */
  readonly forwards?: readonly ModuleReference[];
  /**
   * A factory's product: the object of methods every `return` builds (`return { async get() {…} }`), the
   * function of a sync bridge it makes (`return createSyncFn(worker)`), or an instance of a class it
   * imports or requires (`return new Mailer(transport)`).
   */
  readonly product?: ObjectSummary | FunctionSummary | InstanceSummary;
  /** The first blocking call a plain (not async) function runs before it returns, in its body or a helper of its file it calls. */
  readonly blocks?: BlockingCall;
  /** A function a sync bridge made (`export const formatSync = createSyncFn(worker)`): calling it blocks or re-enters the event loop. */
  readonly bridge?: SyncBridgeRow;
  /** An async function that paces its own work: it waits for real work and sleeps besides (`await send(x); await sleep(1000)`). */
  readonly paces?: true;
}

/** A catalogued blocking call (`fs.appendFileSync(…)`) in a function of another file. */
export interface BlockingCall {
  readonly row: BlockingApiRow;
  /** The callee as written (`fs.appendFileSync`). */
  readonly text: string;
  /** 1-based line of the call in its file. */
  readonly line: number;
}

export interface ClassSummary {
  readonly kind: 'class';
  readonly name: string | undefined;
  readonly staticMembers: Readonly<Record<string, ExportValue>>;
  readonly instanceMembers: Readonly<Record<string, ExportValue>>;
  /** Methods named by a symbol (`[kDrain]() {}`): the key is the symbol's value (a symbol of this file or an import). */
  readonly symbolMembers: readonly SymbolMember[];
  /** The class it extends, when that is known (a class of this file or an import). */
  readonly superClass: ExportValue | undefined;
  /** For a deferred class (own `resolve` and `reject`): what can make an instance reject. */
  readonly deferred: DeferredClassFacts | undefined;
  /** Fields other code can name (not `#x`, not `private`) that hold a deferred built in the class, by name. */
  readonly deferredFields: Readonly<Record<string, DeferredFieldSummary>>;
}

/** A field holding a deferred, as its class uses it (promises/deferred-field.ts): judged once its deferred class is followed. */
interface DeferredFieldSummary {
  readonly access: FieldAccess;
  /** Each deferred written to it in the class: the class built (`new C()`, or `C.factory()`), with how many arguments. */
  readonly creations: readonly DeferredCreation[];
  /** The members of the deferred the class uses. */
  readonly members: readonly string[];
}

interface DeferredCreation {
  readonly of: ExportValue;
  readonly factory: string | undefined;
  readonly argumentCount: number;
}

interface SymbolMember {
  readonly key: ExportValue;
  readonly isStatic: boolean;
  readonly value: ExportValue;
}

/** `const kDrain = Symbol('drain')`: a symbol, known by the top-level name that holds it in its file. */
export interface SymbolSummary {
  readonly kind: 'symbol';
  readonly name: string;
}

export interface ObjectSummary {
  readonly kind: 'object';
  readonly members: Readonly<Record<string, ExportValue>>;
}

/** `new Service()`: an instance, whose members are the class's instance members. */
export interface InstanceSummary {
  readonly kind: 'instance';
  readonly of: ExportValue;
}

/** `createService(deps)` of a function of this file or another: what that factory makes (its `product`). */
interface ProductSummary {
  readonly kind: 'product';
  readonly of: ExportValue;
}

/**
 * A value that lives in another module: `specifier` as written, `name` the export read (`default`, a
 * name, or `*` for the whole module: a namespace import or what `require` returns), then member accesses.
 */
export interface ModuleReference {
  readonly kind: 'reference';
  readonly specifier: string;
  readonly via: 'import' | 'require';
  readonly name: string;
  readonly members: readonly string[];
}

export type ExportValue =
  FunctionSummary | ClassSummary | ObjectSummary | InstanceSummary | ProductSummary | SymbolSummary | ModuleReference;

export interface ModuleSummary {
  /** ESM exports by exported name (`default` included), and CommonJS `exports.x = …` members. */
  readonly exports: Readonly<Record<string, ExportValue>>;
  /** `export * from '…'` specifiers, searched in order for names not exported here. */
  readonly starExports: readonly string[];
  /** What `module.exports = …` (or `export =`) assigns, when the file replaces its exports object. */
  readonly moduleExports: ExportValue | undefined;
  /** True when the file uses CommonJS exports (so `import x from` reads `module.exports`). */
  readonly commonJs: boolean;
  /** Declared types (interfaces, object type aliases, classes), for annotated values in other files; absent when the file has none. */
  readonly types?: DeclaredTypes;
}

/** A type of a file by its local name: the shape it declares, or an import (`import type { Repo } from './repo.js'`). */
export type TypeValue = DeclaredShape | ModuleReference;

export interface DeclaredTypes {
  /** Top-level interfaces, object type aliases and classes by local name, and imported names as references. */
  readonly local: Readonly<Record<string, TypeValue>>;
  /** Exported type names: the local name each exports, or a reference (`export type { Repo } from './repo.js'`). */
  readonly exported: Readonly<Record<string, string | ModuleReference>>;
}

type Binding = TSESTree.Node;

/** Nesting limit for values built from other values (`const a = { b }`, `const b = { c }`, …). */
const MAX_DEPTH = 8;

interface SummaryContext {
  readonly bindings: ReadonlyMap<string, Binding>;
  /** The body analysis's view of this tree (no scope: assertions known by their top-level import or `require`). */
  readonly reader: BodyReader;
  /** 1-based line of a node (oxc trees carry offsets only). */
  readonly lineOf: (node: TSESTree.Node) => number;
  /** False when nothing at the top level names a blocking module or global: no body is searched for one. */
  readonly mayBlock: boolean;
  /** False when the text names no timer or sleep helper: no async body is searched for pacing. */
  readonly mayPace: boolean;
}

/** The export summary of a parsed module (`text` is its source, for line numbers). The tree is only read here, never kept. */
export function summarizeModule(program: TSESTree.Program, text: string): ModuleSummary {
  const context = createSummaryContext(program, text);
  const bindings = context.bindings;
  const exportObjects = new Set<string>();
  const exportsByName: Record<string, ExportValue> = Object.create(null) as Record<string, ExportValue>;
  const starExports: string[] = [];
  let moduleExports: ExportValue | undefined;
  let commonJs = false;

  const valueOf = (node: TSESTree.Node | null | undefined, depth = 0): ExportValue | undefined =>
    node ? summarizeValue(node, context, depth) : undefined;
  // `export const kDrain = Symbol('drain')`, `export { kDrain }`: the symbol is known by the top-level name that holds it.
  const bindingValueOf = (name: string, node: Binding | undefined): ExportValue | undefined =>
    node && isSymbolCall(node) ? { kind: 'symbol', name } : valueOf(node);

  // `const helpers = module.exports;` / `var self = exports`: names that stand for the exports object.
  for (const [name, init] of bindings) {
    if (isExportsObject(init, exportObjects)) exportObjects.add(name);
  }

  for (const statement of program.body) {
    switch (statement.type) {
      case AST_NODE_TYPES.ExportNamedDeclaration: {
        if (statement.exportKind === 'type') break;
        if (statement.declaration) {
          for (const [name, node] of declaredBindings(statement.declaration)) {
            const value = bindingValueOf(name, node);
            if (value) exportsByName[name] = value;
          }
        }
        for (const specifier of statement.specifiers) {
          if (specifier.exportKind === 'type') continue;
          const exported = moduleExportName(specifier.exported);
          const local = moduleExportName(specifier.local);
          const value = statement.source
            ? reference(String(statement.source.value), 'import', local)
            : bindingValueOf(local, bindings.get(local));
          if (value) exportsByName[exported] = value;
        }
        break;
      }
      case AST_NODE_TYPES.ExportAllDeclaration:
        if (statement.exportKind === 'type') break;
        if (statement.exported) {
          exportsByName[moduleExportName(statement.exported)] = reference(
            String(statement.source.value),
            'import',
            '*',
          );
        } else starExports.push(String(statement.source.value));
        break;
      case AST_NODE_TYPES.ExportDefaultDeclaration: {
        const value = valueOf(statement.declaration);
        if (value) exportsByName.default = value;
        break;
      }
      case AST_NODE_TYPES.TSExportAssignment:
        commonJs = true;
        moduleExports = valueOf(statement.expression);
        break;
      case AST_NODE_TYPES.ExpressionStatement:
        readCommonJsStatement(statement.expression);
        break;
      default:
        break;
    }
  }

  function readCommonJsStatement(expression: TSESTree.Expression): void {
    if (expression.type === AST_NODE_TYPES.SequenceExpression) {
      for (const inner of expression.expressions) readCommonJsStatement(inner);
      return;
    }
    if (expression.type === AST_NODE_TYPES.AssignmentExpression && expression.operator === '=') {
      // `module.exports = exports = { … }`: every target gets the rightmost value.
      let right: TSESTree.Expression = expression.right;
      const targets: TSESTree.Node[] = [expression.left];
      while (right.type === AST_NODE_TYPES.AssignmentExpression && right.operator === '=') {
        targets.push(right.left);
        right = right.right;
      }
      for (const target of targets) assignExport(target, right);
      return;
    }
    // `Object.assign(module.exports, { a, b })`
    if (expression.type === AST_NODE_TYPES.CallExpression && isObjectAssign(expression.callee)) {
      const [target, ...sources] = expression.arguments;
      if (!target || !isExportsObject(target, exportObjects)) return;
      commonJs = true;
      for (const source of sources) {
        const value = valueOf(source);
        if (value?.kind === 'object') Object.assign(exportsByName, value.members);
      }
    }
  }

  function assignExport(target: TSESTree.Node, right: TSESTree.Expression): void {
    if (isModuleExports(target)) {
      commonJs = true;
      moduleExports = valueOf(right);
      return;
    }
    if (target.type !== AST_NODE_TYPES.MemberExpression || !isExportsObject(target.object, exportObjects)) return;
    const name = getStaticPropertyName(target);
    if (name === undefined) return;
    commonJs = true;
    const value = valueOf(right);
    if (value) exportsByName[name] = value;
  }

  const types = collectDeclaredTypes(program, (fn) => cannotReject(context.reader, fn));
  return {
    exports: exportsByName,
    starExports,
    moduleExports,
    commonJs,
    ...(types && { types }),
  };
}

/**
 * The declared types of a module: one pass over its top-level statements, reading only signatures (no
 * function body); undefined when it declares and imports none. Names of one file share one table, as
 * TypeScript's do (a class is a type and a value; an interface may merge with its second declaration).
 */
export function collectDeclaredTypes(
  program: TSESTree.Program,
  neverRejects?: NeverRejects,
): DeclaredTypes | undefined {
  const local: Record<string, TypeValue> = Object.create(null) as Record<string, TypeValue>;
  const exported: Record<string, string | ModuleReference> = Object.create(null) as Record<
    string,
    string | ModuleReference
  >;
  let found = false;
  const declare = (node: TSESTree.Node, name: string): void => {
    const shape = readDeclaredShape(node, neverRejects);
    if (!shape) return;
    const previous = local[name];
    local[name] = previous?.kind === 'shape' ? mergeDeclaredShapes(previous, shape) : shape;
    found = true;
  };
  for (const statement of program.body) {
    switch (statement.type) {
      case AST_NODE_TYPES.ImportDeclaration:
        for (const imported of statement.specifiers) {
          local[imported.local.name] = reference(String(statement.source.value), 'import', importedName(imported)!);
        }
        break;
      case AST_NODE_TYPES.ExportNamedDeclaration:
        for (const specifier of statement.specifiers) {
          const name = moduleExportName(specifier.local);
          exported[moduleExportName(specifier.exported)] = statement.source
            ? reference(String(statement.source.value), 'import', name)
            : name;
          found = true;
        }
        if (statement.declaration) {
          const name = declaredTypeName(statement.declaration);
          if (name !== undefined) {
            declare(statement.declaration, name);
            exported[name] = name;
          }
        }
        break;
      case AST_NODE_TYPES.ExportDefaultDeclaration: {
        const name = declaredTypeName(statement.declaration);
        if (name !== undefined) {
          declare(statement.declaration, name);
          exported.default = name;
        }
        break;
      }
      default: {
        const name = declaredTypeName(statement);
        if (name !== undefined) declare(statement, name);
      }
    }
  }
  return found ? { local, exported } : undefined;
}

/** The name an interface, type alias or class declaration gives its type. */
function declaredTypeName(node: TSESTree.Node): string | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.TSInterfaceDeclaration:
    case AST_NODE_TYPES.TSTypeAliasDeclaration:
      return node.id.name;
    case AST_NODE_TYPES.ClassDeclaration:
      return node.id?.name;
    default:
      return undefined;
  }
}

function reference(specifier: string, via: 'import' | 'require', name: string): ModuleReference {
  return { kind: 'reference', specifier, via, name, members: [] };
}

function moduleExportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}

function isModuleExports(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    node.object.name === 'module' &&
    getStaticPropertyName(node) === 'exports'
  );
}

/** `module.exports`, `exports`, or a top-level name bound to one of them. */
function isExportsObject(node: TSESTree.Node, aliases: ReadonlySet<string>): boolean {
  const value = skipTypeWrappers(node);
  if (isModuleExports(value)) return true;
  return value.type === AST_NODE_TYPES.Identifier && (value.name === 'exports' || aliases.has(value.name));
}

function isObjectAssign(callee: TSESTree.Node): boolean {
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Object' &&
    getStaticPropertyName(callee) === 'assign'
  );
}

/** Top-level names and the node that gives each its value; names declared more than once are left out. */
function collectTopLevelBindings(program: TSESTree.Program): Map<string, Binding> {
  const bindings = new Map<string, Binding>();
  const repeated = new Set<string>();
  const add = (name: string, node: Binding): void => {
    if (bindings.has(name)) repeated.add(name);
    bindings.set(name, node);
  };
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      if (statement.importKind === 'type') continue;
      const specifier = String(statement.source.value);
      for (const imported of statement.specifiers) {
        if (imported.type === AST_NODE_TYPES.ImportSpecifier && imported.importKind === 'type') continue;
        add(imported.local.name, reference(specifier, 'import', importedName(imported)!) as unknown as Binding);
      }
      continue;
    }
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
        ? statement.declaration
        : statement;
    if (!declaration) continue;
    for (const [name, node] of declaredBindings(declaration)) add(name, node);
  }
  for (const name of repeated) bindings.delete(name);
  return bindings;
}

/** The names a declaration introduces, each with the node that gives its value. */
function declaredBindings(declaration: TSESTree.Node): [string, Binding][] {
  switch (declaration.type) {
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.ClassDeclaration:
      return declaration.id ? [[declaration.id.name, declaration]] : [];
    case AST_NODE_TYPES.VariableDeclaration: {
      const found: [string, Binding][] = [];
      for (const declarator of declaration.declarations) {
        if (!declarator.init) continue;
        if (declarator.id.type === AST_NODE_TYPES.Identifier) found.push([declarator.id.name, declarator.init]);
        else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
          // `const { a, b: c } = require('./m')`: each name is a member of the required value.
          for (const property of declarator.id.properties) {
            if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
            const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
            if (key === undefined || property.value.type !== AST_NODE_TYPES.Identifier) continue;
            found.push([property.value.name, memberBinding(declarator.init, key)]);
          }
        }
      }
      return found;
    }
    default:
      return [];
  }
}

/** A synthetic `init.key` member read, so a destructured name is summarised like `init.key`. */
function memberBinding(object: TSESTree.Expression, key: string): Binding {
  return {
    type: AST_NODE_TYPES.MemberExpression,
    object,
    property: { type: AST_NODE_TYPES.Identifier, name: key },
    computed: false,
    optional: false,
  } as unknown as Binding;
}

function isReferenceBinding(node: Binding): node is Binding & ModuleReference {
  return (node as { kind?: unknown }).kind === 'reference';
}

function summarizeValue(input: Binding, context: SummaryContext, depth: number): ExportValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (isReferenceBinding(input)) return input;
  const node = skipTypeWrappers(skipChainExpression(input));
  if (isFunctionNode(node)) return summarizeFunction(node, context);
  switch (node.type) {
    case AST_NODE_TYPES.ClassDeclaration:
    case AST_NODE_TYPES.ClassExpression:
      return summarizeClass(node, context, depth);
    case AST_NODE_TYPES.ObjectExpression: {
      const members: Record<string, ExportValue> = Object.create(null) as Record<string, ExportValue>;
      for (const property of node.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const getter = property.kind === 'get';
        const key = objectPropertyName(getter ? { ...property, kind: 'init' } : property);
        if (key === undefined) continue;
        const value = getter
          ? getterValue(property.value, context, depth + 1)
          : summarizeValue(property.value, context, depth + 1);
        if (value) members[key] = value;
      }
      return { kind: 'object', members };
    }
    case AST_NODE_TYPES.Identifier: {
      const binding = context.bindings.get(node.name);
      if (binding && isSymbolCall(binding)) return { kind: 'symbol', name: node.name };
      return binding && binding !== input ? summarizeValue(binding, context, depth + 1) : undefined;
    }
    case AST_NODE_TYPES.CallExpression: {
      const specifier = moduleSpecifier(node);
      if (specifier !== undefined) return reference(specifier, 'require', '*');
      const bridge = bridgeFunctionOf(node, context);
      if (bridge) return bridge;
      // `module.exports = createService(deps)`: what a factory of this file, or a required one, makes
      // (of a function of this file only its product: the rest of its summary is not needed here).
      const local = node.callee.type === AST_NODE_TYPES.Identifier ? context.bindings.get(node.callee.name) : undefined;
      if (local && isFunctionNode(local))
        return local.async || local.generator ? undefined : factoryProduct(local, context);
      const callee = summarizeValue(node.callee, context, depth + 1);
      return callee?.kind === 'reference' ? { kind: 'product', of: callee } : undefined;
    }
    case AST_NODE_TYPES.NewExpression: {
      const of = summarizeValue(node.callee, context, depth + 1);
      return of && (of.kind === 'class' || of.kind === 'reference') ? { kind: 'instance', of } : undefined;
    }
    case AST_NODE_TYPES.MemberExpression: {
      const name = getStaticPropertyName(node);
      if (name === undefined) return undefined;
      const object = summarizeValue(node.object, context, depth + 1);
      if (!object) return undefined;
      if (object.kind === 'reference') return { ...object, members: [...object.members, name] };
      if (object.kind === 'object') return object.members[name];
      if (object.kind === 'class') return object.staticMembers[name];
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * `get session() { return require('./session'); }`: a member loaded on first read, as Ghost's service
 * indexes do. A getter whose body is one `return` stands for the value it returns; any other getter is unknown.
 */
function getterValue(getter: TSESTree.Node, context: SummaryContext, depth: number): ExportValue | undefined {
  if (!isFunctionNode(getter) || getter.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const [statement, ...rest] = getter.body.body;
  if (rest.length > 0 || statement?.type !== AST_NODE_TYPES.ReturnStatement || !statement.argument) return undefined;
  return summarizeValue(statement.argument, context, depth);
}

/** `Symbol('name')` or `Symbol.for('name')`. */
function isSymbolCall(node: Binding): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = node.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'Symbol';
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Symbol' &&
    getStaticPropertyName(callee) === 'for'
  );
}

function summarizeClass(
  node: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  context: SummaryContext,
  depth: number,
): ClassSummary {
  const staticMembers: Record<string, ExportValue> = Object.create(null) as Record<string, ExportValue>;
  const instanceMembers: Record<string, ExportValue> = Object.create(null) as Record<string, ExportValue>;
  const symbolMembers: SymbolMember[] = [];
  registerMethods(node);
  for (const member of node.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) continue;
    if (member.key.type !== AST_NODE_TYPES.Identifier) continue;
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind !== 'method') continue;
    const value = member.value;
    if (!value || !isFunctionNode(value)) continue;
    if (!member.computed) {
      (member.static ? staticMembers : instanceMembers)[member.key.name] = summarizeFunction(value, context);
      continue;
    }
    // `[kDrainQueue]() {}`, undici's style: the key is kept as a value, compared by the symbol it settles to.
    const key = summarizeValue(member.key, context, depth + 1);
    if (key?.kind === 'symbol' || key?.kind === 'reference')
      symbolMembers.push({ key, isStatic: member.static, value: summarizeFunction(value, context) });
  }
  const superClass = node.superClass ? summarizeValue(node.superClass, context, depth + 1) : undefined;
  const deferred = deferredClassFacts({ visitorKeys: TREE_VISITOR_KEYS } as unknown as SourceCode, node);
  const deferredFields = summarizeDeferredFields(node, context, depth);
  return {
    kind: 'class',
    name: node.id?.name,
    staticMembers,
    instanceMembers,
    symbolMembers,
    superClass,
    deferred,
    deferredFields,
  };
}

/** `ready = Deferred.create()`, `done = new Latch()`: fields other files can name whose class only builds deferreds into them. */
function summarizeDeferredFields(
  node: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  context: SummaryContext,
  depth: number,
): Record<string, DeferredFieldSummary> {
  const fields: Record<string, DeferredFieldSummary> = Object.create(null) as Record<string, DeferredFieldSummary>;
  for (const member of node.body.body) {
    if (member.type !== AST_NODE_TYPES.PropertyDefinition || member.static || member.computed) continue;
    if (member.key.type !== AST_NODE_TYPES.Identifier || member.accessibility === 'private') continue;
    const value = member.value && skipTypeWrappers(member.value);
    if (value?.type !== AST_NODE_TYPES.NewExpression && value?.type !== AST_NODE_TYPES.CallExpression) continue;
    const uses = classFieldUses({ visitorKeys: TREE_VISITOR_KEYS }, node, member.key.name);
    if (!uses) continue;
    const creations: DeferredCreation[] = [];
    for (const write of uses.writes) {
      const creation = summarizeCreation(skipTypeWrappers(write), context, depth);
      if (creation === null) continue;
      if (!creation) {
        creations.length = 0;
        break;
      }
      creations.push(creation);
    }
    if (creations.length > 0) fields[member.key.name] = { access: uses.access, creations, members: [...uses.members] };
  }
  return fields;
}

/** `new C(…)` or `C.factory(…)` as the class it names; null for `null`/`undefined`; undefined for anything else. */
function summarizeCreation(
  node: TSESTree.Node,
  context: SummaryContext,
  depth: number,
): DeferredCreation | null | undefined {
  if (
    (node.type === AST_NODE_TYPES.Literal && node.value === null) ||
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined')
  )
    return null;
  const parts = deferredCreationParts(node);
  if (parts?.classRef.type !== AST_NODE_TYPES.Identifier) return undefined;
  const { classRef, factory } = parts;
  const of = summarizeValue(classRef, context, depth + 1);
  return of && (of.kind === 'class' || of.kind === 'reference')
    ? { of, factory, argumentCount: (node as TSESTree.CallExpression | TSESTree.NewExpression).arguments.length }
    : undefined;
}

/**
 * The summary of every function of a parsed module, keyed by the offset where its body starts: for a
 * caller that knows a function by position (the checker's declaration of a called signature) rather
 * than by export name. The tree is only read here, never kept.
 */
export function summarizeFunctionsByBody(
  program: TSESTree.Program,
  text: string,
): ReadonlyMap<number, FunctionSummary> {
  const context = createSummaryContext(program, text);
  const found = new Map<number, FunctionSummary>();
  walkAst(program, TREE_VISITOR_KEYS, (node) => {
    if (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression)
      registerMethods(node);
    if (isFunctionNode(node)) found.set(startOffset(node.body), summarizeFunction(node, context));
  });
  return found;
}

/** Where a node starts: `range` in ESLint's and espree's trees, `start` in oxc's. */
function startOffset(node: TSESTree.Node): number {
  return node.range?.[0] ?? (node as { start?: number }).start ?? -1;
}

function createSummaryContext(program: TSESTree.Program, text: string): SummaryContext {
  const bindings = collectTopLevelBindings(program);
  // Both read the whole text: asked only when a function could use them (a plain one, an async one).
  let blocks: boolean | undefined;
  let paces: boolean | undefined;
  return {
    bindings,
    reader: bodyReaderOf(bindings),
    lineOf: createLineOf(text),
    get mayBlock() {
      return (blocks ??= mayBlock(bindings, text));
    },
    get mayPace() {
      return (paces ??= PACING_HINT.test(text));
    },
  };
}

/** Words every pacing expression `isPacing` accepts contains (a timer, `scheduler`, or a sleep helper's name), case-blind. */
const PACING_HINT =
  /sleep|delay|wait|pause|timeout|throttle|backoff|ratelimit|setimmediate|setinterval|scheduler|queuemicrotask|nexttick|requestanimationframe|requestidlecallback/iu;

/** Does the module import or require a module with blocking calls, or name a global one (`Atomics.wait`)? */
function mayBlock(bindings: ReadonlyMap<string, Binding>, text: string): boolean {
  if (/\b(?:Atomics|Bun|Deno)\./u.test(text)) return true;
  for (const binding of bindings.values()) {
    const specifier = isReferenceBinding(binding)
      ? binding.specifier
      : binding.type === AST_NODE_TYPES.CallExpression
        ? moduleSpecifier(binding)
        : binding.type === AST_NODE_TYPES.MemberExpression && binding.object.type === AST_NODE_TYPES.CallExpression
          ? moduleSpecifier(binding.object)
          : undefined;
    if (specifier !== undefined && CROSS_FILE_BLOCKING_MODULES.has(specifier.replace(/^node:/u, ''))) return true;
  }
  return false;
}

function summarizeFunction(fn: FunctionNode, context: SummaryContext): FunctionSummary {
  const promise = returnsPromise(fn, context.bindings, 0);
  const neverRejects = promise !== 'no' && cannotReject(context.reader, fn);
  const forwards = promise === 'unknown' ? forwardedCalls(fn, context) : undefined;
  const product = promise !== 'yes' ? factoryProduct(fn, context) : undefined;
  const blocks = firstBlockingCall(fn, context, 0);
  const paces = fn.async && !fn.generator && context.mayPace && pacesItsWork(fn, context);
  return {
    ...(paces && { paces }),
    ...(forwards && { forwards }),
    ...(product && { product }),
    ...(blocks && { blocks }),
    kind: 'function',
    returnsPromise: promise,
    // `'unknown'` too: a plain function that returns a promise on some branches may still never reject.
    cannotReject: neverRejects,
    noRejectionSource: neverRejects || (promise === 'yes' && !asyncFunctionCanReject(fn, context, 0)),
    isAsync: fn.async,
    acceptedArguments: fn.params.some((param) => param.type === AST_NODE_TYPES.RestElement)
      ? Number.POSITIVE_INFINITY
      : fn.params.length,
    effect: promise === 'yes' ? summarizeEffect(fn) : 'unknown',
    name: fn.id?.name,
    line: context.lineOf(fn),
  };
}

/**
 * Does an async function of a read tree pace its own work: it awaits real work and a sleep besides, the sleep
 * not in a `catch` (a back-off before a retry)? A function whose only wait is the sleep stands for latency.
 * The same reading as `pacesInCallee` (concurrency/ordering.ts) gives a function of the linted file.
 */
function pacesItsWork(fn: FunctionNode, context: SummaryContext): true | undefined {
  return pacesItsOwnWork(fn, TREE_VISITOR_KEYS, (awaited) => isPacing(awaited, context)) || undefined;
}

/** A timer promise by origin (`timers/promises`), by shape (`new Promise((r) => setTimeout(r, ms))`) or a sleep helper by name. */
function isPacing(input: TSESTree.Node, context: SummaryContext): boolean {
  const node = skipTypeWrappers(skipChainExpression(input));
  if (node.type === AST_NODE_TYPES.NewExpression) {
    const executor = node.arguments[0];
    if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'Promise' || !executor) return false;
    if (executor.type === AST_NODE_TYPES.Identifier) return TIMER_CALLBACK_NAMES.has(executor.name);
    if (!isFunctionNode(executor)) return false;
    let timer = false;
    walkAst(executor.body, TREE_VISITOR_KEYS, (current) => {
      if (current.type === AST_NODE_TYPES.CallExpression) {
        const name = calleeName(current);
        if (name !== undefined && TIMER_CALLBACK_NAMES.has(name)) timer = true;
      }
      return !timer;
    });
    return timer;
  }
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const name = calleeName(node);
  if (name !== undefined && PACING_NAME_PATTERN.test(name)) return true;
  return catalogRowOfCall(node, PACING_APIS, context.bindings) !== undefined;
}

/** `sleep` in `sleep(ms)` and `utils.sleep(ms)`. */
function calleeName(call: TSESTree.CallExpression): string | undefined {
  const callee = skipTypeWrappers(skipChainExpression(call.callee));
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  return callee.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(callee) : undefined;
}

/**
 * Rows a blocking call of another file is reported by from async code that calls it: a call that always
 * blocks, whatever its arguments (not one blocking only for large sizes, not a metadata call, not an API
 * synchronous by design, not a factory whose objects block), by module or global.
 */
const CROSS_FILE_BLOCKING_ROWS = BLOCKING_APIS.filter(
  (row) =>
    row.kind === 'call' &&
    row.blocksWhenCalled !== false &&
    !row.syncByDesign &&
    row.cost !== 'metadata' &&
    !row.sizeCondition,
);
const CROSS_FILE_BLOCKING_MODULES = new Set(
  CROSS_FILE_BLOCKING_ROWS.flatMap((row) => (row.module === undefined ? [] : [row.module.replace(/^node:/u, '')])),
);

/** The module and path a call's callee names through a top-level import or `require` of the tree: `fs.readFileSync` → `fs`, `readFileSync`. */
function importedCalleePath(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  bindings: ReadonlyMap<string, Binding>,
): { module: string; path: string[] } | undefined {
  const named = calleePath(node);
  const binding = named && bindings.get(named.root.name);
  if (!binding) return undefined;
  if (isReferenceBinding(binding)) {
    const head = binding.name === '*' || binding.name === 'default' ? [] : [binding.name];
    return { module: binding.specifier, path: [...head, ...binding.members, ...named.path] };
  }
  // `const fs = require('fs')`, `const { readFileSync } = require('fs')`.
  if (binding.type === AST_NODE_TYPES.CallExpression) {
    const specifier = moduleSpecifier(binding);
    return specifier === undefined ? undefined : { module: specifier, path: named.path };
  }
  if (binding.type === AST_NODE_TYPES.MemberExpression && binding.object.type === AST_NODE_TYPES.CallExpression) {
    const specifier = moduleSpecifier(binding.object);
    const name = getStaticPropertyName(binding);
    return specifier === undefined || name === undefined
      ? undefined
      : { module: specifier, path: [name, ...named.path] };
  }
  return undefined;
}

/** The catalogued blocking call `node` is, by the module its callee comes from or by a global's name. */
function blockingRowOf(node: TSESTree.CallExpression, context: SummaryContext): BlockingApiRow | undefined {
  return catalogRowOfCall(node, CROSS_FILE_BLOCKING_ROWS, context.bindings);
}

/** Functions being searched for a blocking call, for cycles between helpers. */
const searchingBlocking = new WeakSet<FunctionNode>();

/**
 * The first blocking call a plain function runs before it returns: in its body (not in the functions it
 * defines: callbacks run later or elsewhere), or in a plain top-level function or `this.` method of its
 * class that it calls, followed `MAX_DEPTH` deep. An async function or a generator runs its body for its
 * caller later: the blocking call is reported in it, in its own file.
 */
function firstBlockingCall(fn: FunctionNode, context: SummaryContext, depth: number): BlockingCall | undefined {
  if (fn.async || fn.generator || depth > MAX_DEPTH || searchingBlocking.has(fn) || !context.mayBlock) return undefined;
  searchingBlocking.add(fn);
  let found: BlockingCall | undefined;
  try {
    walkAst(fn.body, TREE_VISITOR_KEYS, (node) => {
      if (found) return false;
      if (isFunctionNode(node) && node !== fn) return false;
      if (node.type !== AST_NODE_TYPES.CallExpression) return true;
      const row = blockingRowOf(node, context);
      if (row) {
        const named = calleePath(node)!;
        found = { row, text: [named.root.name, ...named.path].join('.'), line: context.lineOf(node) };
        return false;
      }
      const helper = treeFunctionOf(node.callee, fn, context.bindings);
      if (helper && helper !== fn) found = firstBlockingCall(helper, context, depth + 1);
      return !found;
    });
  } finally {
    searchingBlocking.delete(fn);
  }
  return found;
}

/**
 * The calls of other modules' functions a plain function returns, when every `return` is one and its end
 * is never reached: `return save(x)`, `return db.users.find(id)` with `save`/`db` imported or required at
 * the top level (and not declared again inside the function).
 */
function forwardedCalls(fn: FunctionNode, context: SummaryContext): ModuleReference[] | undefined {
  const found: ModuleReference[] = [];
  let other = false;
  const answer = functionReturnsPromise(fn, (value) => {
    const reference = forwardedReference(value, fn, context);
    if (reference) found.push(reference);
    else other = true;
    return reference ? 'yes' : 'unknown';
  });
  return answer === 'yes' && !other && found.length > 0 ? found : undefined;
}

function forwardedReference(
  input: TSESTree.Node,
  fn: FunctionNode,
  context: SummaryContext,
): ModuleReference | undefined {
  const node = skipTypeWrappers(skipChainExpression(input));
  return node.type === AST_NODE_TYPES.CallExpression ? importedCallee(node, fn, context) : undefined;
}

/**
 * What the callee of `node` names when its root is an import or a `require` of the file, not declared
 * again in `fn`: `save`, `db.users.find`, `Mailer` in `new Mailer()`.
 */
function importedCallee(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  fn: FunctionNode,
  context: SummaryContext,
): ModuleReference | undefined {
  const named = calleePath(node);
  const binding = named && context.bindings.get(named.root.name);
  // Only an import or a `require` (read without summarising a function, which could lead back here).
  if (
    !binding ||
    (!isReferenceBinding(binding) &&
      binding.type !== AST_NODE_TYPES.CallExpression &&
      binding.type !== AST_NODE_TYPES.MemberExpression) ||
    declaresName(fn, named.root.name)
  )
    return undefined;
  const root = summarizeValue(binding, context, MAX_DEPTH - 2);
  return root?.kind === 'reference' ? { ...root, members: [...root.members, ...named.path] } : undefined;
}

/** Does `fn` declare `name` itself (a parameter, a variable, a function or class, a caught error), hiding the top-level one? */
function declaresName(fn: FunctionNode, name: string): boolean {
  let found = false;
  const visitPattern = (pattern: TSESTree.Node | null | undefined): void => {
    if (!pattern || found) return;
    switch (pattern.type) {
      case AST_NODE_TYPES.Identifier:
        found = pattern.name === name;
        return;
      case AST_NODE_TYPES.AssignmentPattern:
        visitPattern(pattern.left);
        return;
      case AST_NODE_TYPES.RestElement:
        visitPattern(pattern.argument);
        return;
      case AST_NODE_TYPES.TSParameterProperty:
        visitPattern(pattern.parameter);
        return;
      case AST_NODE_TYPES.ArrayPattern:
        for (const element of pattern.elements) visitPattern(element);
        return;
      case AST_NODE_TYPES.ObjectPattern:
        for (const property of pattern.properties)
          visitPattern(property.type === AST_NODE_TYPES.Property ? property.value : property);
        return;
      default:
        return;
    }
  };
  for (const param of fn.params) visitPattern(param);
  walkAst(fn.body, TREE_VISITOR_KEYS, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.VariableDeclarator) visitPattern(node.id);
    else if (node.type === AST_NODE_TYPES.CatchClause) visitPattern(node.param);
    else if (
      (node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.ClassDeclaration) &&
      node.id?.name === name
    )
      found = true;
    return true;
  });
  return found;
}

/**
 * What a plain function builds and returns, when every `return` is an object literal of methods (a factory:
 * `return { async get(p) {…}, close() {…} }`): the members that are functions written in place, or named
 * functions the factory declares in its own body (`async function get(p) {…} return { get }`), summarised
 * as methods are. Members named by any other value are left out. Or, when its one `return` makes a sync
 * bridge (`return createSyncFn(worker)`), the bridge function; when it makes an instance of a class the
 * file imports or requires (`return new Mailer(transport)`), that instance.
 */
function factoryProduct(
  fn: FunctionNode,
  context: SummaryContext,
): ObjectSummary | FunctionSummary | InstanceSummary | undefined {
  let product: Record<string, ExportValue> | undefined;
  let bridge: FunctionSummary | undefined;
  let instance: InstanceSummary | undefined;
  let other = false;
  let inner: ReadonlyMap<string, FunctionNode> | undefined;
  functionReturnsPromise(fn, (value) => {
    const node = skipTypeWrappers(value);
    const first = !product && !bridge && !instance;
    // `return createSyncFn(worker)`: a factory of sync bridges.
    const made = node.type === AST_NODE_TYPES.CallExpression && first && bridgeFunctionOf(node, context);
    if (made) {
      bridge = made;
      return 'unknown';
    }
    const built = node.type === AST_NODE_TYPES.NewExpression && first && importedInstance(node, fn, context);
    if (built) {
      instance = built;
      return 'no';
    }
    if (node.type !== AST_NODE_TYPES.ObjectExpression || product) {
      other = true;
      return 'unknown';
    }
    product = Object.create(null) as Record<string, ExportValue>;
    for (const property of node.properties) {
      const key = objectPropertyName(property);
      if (key === undefined || property.type !== AST_NODE_TYPES.Property) continue;
      const method = isFunctionNode(property.value)
        ? property.value
        : property.value.type === AST_NODE_TYPES.Identifier
          ? (inner ??= innerFunctions(fn)).get(property.value.name)
          : undefined;
      if (method) product[key] = summarizeFunction(method, context);
    }
    return 'no';
  });
  if (other) return undefined;
  return bridge ?? instance ?? (product && { kind: 'object', members: product });
}

/**
 * `new Mailer(transport)` in `fn`, of a class the file imports or requires (`Mailer` not declared again in
 * `fn`, or `new mail.Mailer()`): an instance of it, followed by the module graph. A class of this file is left out: its summary
 * would be made again inside the summary of its own factory methods.
 */
function importedInstance(
  node: TSESTree.NewExpression,
  fn: FunctionNode,
  context: SummaryContext,
): InstanceSummary | undefined {
  const of = importedCallee(node, fn, context);
  return of && { kind: 'instance', of };
}

/**
 * Functions a factory declares at the top of its body and never assigns again: `function get() {…}`,
 * `const get = async () => {…}`, by name. (A tree of another file has no scope: the body is searched.)
 */
function innerFunctions(fn: FunctionNode): ReadonlyMap<string, FunctionNode> {
  const found = new Map<string, FunctionNode>();
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return found;
  for (const statement of fn.body.body) {
    if (statement.type === AST_NODE_TYPES.FunctionDeclaration && statement.id) found.set(statement.id.name, statement);
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.kind !== 'const') continue;
    for (const declarator of statement.declarations) {
      if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init && isFunctionNode(declarator.init))
        found.set(declarator.id.name, declarator.init);
    }
  }
  if (found.size === 0) return found;
  walkAst(fn.body, TREE_VISITOR_KEYS, (node) => {
    const written = writtenName(node);
    if (written !== undefined) found.delete(written);
    return true;
  });
  return found;
}

/** The name an assignment or an update writes (`x = …`, `x++`), read without scope. */
function writtenName(node: TSESTree.Node): string | undefined {
  const target =
    node.type === AST_NODE_TYPES.AssignmentExpression
      ? node.left
      : node.type === AST_NODE_TYPES.UpdateExpression
        ? node.argument
        : undefined;
  return target?.type === AST_NODE_TYPES.Identifier ? target.name : undefined;
}

/**
 * `createSyncFn(worker)`, `deasync(fn)`: the function a sync bridge factory makes, by the factory's import
 * or `require` in the tree; calling it blocks the thread (or re-enters the event loop) until async work ends.
 */
function bridgeFunctionOf(node: TSESTree.CallExpression, context: SummaryContext): FunctionSummary | undefined {
  const imported = importedCalleePath(node, context.bindings);
  if (!imported) return undefined;
  const path = imported.path.join('.');
  const row = SYNC_BRIDGES.find(
    (candidate) =>
      candidate.module === imported.module &&
      candidate.path.join('.') === path &&
      candidate.results?.some((steps) => steps.length === 1 && steps[0] === 'call'),
  );
  if (!row) return undefined;
  return {
    kind: 'function',
    returnsPromise: 'no',
    cannotReject: false,
    noRejectionSource: false,
    isAsync: false,
    acceptedArguments: Number.POSITIVE_INFINITY,
    effect: 'unknown',
    name: undefined,
    line: context.lineOf(node),
    bridge: row,
  };
}

/** The class whose member a function of a read tree is, for `this.name()` in its body (the tree has no parent links). */
const methodClasses = new WeakMap<FunctionNode, { readonly classNode: ClassNode; readonly isStatic: boolean }>();

function registerMethods(classNode: ClassNode): void {
  for (const member of classNode.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) continue;
    if (member.value && isFunctionNode(member.value))
      methodClasses.set(member.value, { classNode, isStatic: member.static });
  }
}

/** Answers of `asyncFunctionCanReject` per function of a read tree; functions being judged, for cycles. */
const canRejectAnswers = new WeakMap<FunctionNode, boolean>();
const judging = new WeakSet<FunctionNode>();

/**
 * Can the promise of calling `fn` of a read tree reject? The answer of rejection-sources.ts for a function
 * of the linted file, read without scope: an awaited or returned call can reject unless it is a handled
 * chain, a `new Promise` whose executor only resolves, or a call of a function of this tree (a top-level
 * function, a method of the same class through `this.`) that cannot reject itself, followed `MAX_DEPTH`
 * deep. An awaited value counts unless it is known not to be a promise: one that is not a call (`await p`,
 * `await import(s)`) is a promise of unknown origin; a returned one counts only when it is a call. A built-in that throws on bad input
 * (`JSON.parse(s)`) outside a `try` counts as a `throw`.
 */
function asyncFunctionCanReject(fn: FunctionNode, context: SummaryContext, depth: number): boolean {
  if (cannotReject(context.reader, fn)) return false;
  if (fn.generator) return false;
  if (!fn.async && returnsPromise(fn, context.bindings, 0) === 'no') return false;
  const cached = canRejectAnswers.get(fn);
  if (cached !== undefined) return cached;
  if (judging.has(fn) || depth > MAX_DEPTH) return true;
  judging.add(fn);
  try {
    const callCanReject = (input: TSESTree.Node): boolean => {
      const node = skipTypeWrappers(skipChainExpression(input));
      if (node.type === AST_NODE_TYPES.NewExpression)
        return !(
          node.callee.type === AST_NODE_TYPES.Identifier &&
          node.callee.name === 'Promise' &&
          !context.bindings.has('Promise') &&
          executorOnlyResolves(context.reader, node.arguments[0])
        );
      // `await import(s)`, `await p`: a promise of unknown origin can reject.
      if (node.type === AST_NODE_TYPES.ImportExpression) return true;
      if (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') return false;
      if (node.type !== AST_NODE_TYPES.CallExpression) return true;
      // `Promise.resolve()`, `Promise.resolve(1)`: as rejection-sources.ts judges one of the linted file.
      if (resolvesWithoutRejecting(context.reader, node, fn)) return false;
      if (isHandledPromiseChain(context.reader, node)) return false;
      // `await setTimeout(ms)` of `node:timers/promises`, given no `signal`: by origin, as never-rejecting.ts judges it.
      const neverRejecting = catalogRowOfCall(node, NEVER_REJECTING_APIS, context.bindings);
      if (
        neverRejecting &&
        argumentsKeepItResolving(node, neverRejecting, (value) => expressionIsPromise(value, context.bindings, 0))
      )
        return false;
      // `Promise.all(promises)` of promises that cannot reject: as rejection-sources.ts judges a combination.
      const combination = combinationCanReject(node, fn, context, depth, callCanReject);
      if (combination !== undefined) return combination;
      // `start().then(() => { emit('started'); })`: as rejection-sources.ts judges a chain of the linted file.
      const chain = fulfilmentChain(node);
      if (chain)
        return (
          (chain.callback.async
            ? asyncFunctionCanReject(chain.callback, context, depth + 1)
            : hasRejectionSource(context.reader, chain.callback, {
                ...rejectionJudge(fn, context, callCanReject),
                returned: (value) =>
                  !isFulfilmentValue(chain.callback, value) &&
                  expressionIsPromise(value, context.bindings, 0) !== 'no' &&
                  callCanReject(value),
              })) || callCanReject(chain.receiver)
        );
      const callee = treeFunctionOf(node.callee, fn, context.bindings);
      return !callee || asyncFunctionCanReject(callee, context, depth + 1);
    };
    // A plain function's promise rejects only as what it returns does.
    const answer = fn.async
      ? asyncBodyCanReject(fn, context, callCanReject)
      : returnedValuesOf(fn).some(
          (value) => expressionIsPromise(value, context.bindings, 0) !== 'no' && callCanReject(value),
        );
    canRejectAnswers.set(fn, answer);
    return answer;
  } finally {
    judging.delete(fn);
  }
}

/**
 * Can a combination of promises reject: `Promise.allSettled(…)` never does; `Promise.all`/`Promise.race` do
 * when one of their promises can (the catalogue's rows, `Promise` not rebound in the module). Undefined when
 * `node` is no such call. The list, as rejection-sources.ts reads it for the linted file but without scope:
 * written in the call, the `map` of a list by a callback written there, or a list of `fn`'s own.
 */
function combinationCanReject(
  node: TSESTree.CallExpression,
  fn: FunctionNode,
  context: SummaryContext,
  depth: number,
  callCanReject: (node: TSESTree.Node) => boolean,
): boolean | undefined {
  const row = catalogRowOfCall(node, PROMISE_LIST_COMBINATORS, context.bindings);
  if (!row) return undefined;
  if (row.neverRejects) return false;
  const list = node.arguments.length === 1 ? skipTypeWrappers(skipChainExpression(node.arguments[0]!)) : undefined;
  if (!list) return true;
  const elementCanReject = (value: TSESTree.Node | null): boolean =>
    !value ||
    value.type === AST_NODE_TYPES.SpreadElement ||
    (expressionIsPromise(value, context.bindings, 0) !== 'no' && callCanReject(value));
  if (list.type === AST_NODE_TYPES.ArrayExpression) return list.elements.some(elementCanReject);
  if (list.type === AST_NODE_TYPES.CallExpression) {
    // `items.map((item) => save(item).catch(log))`
    const callee = skipTypeWrappers(skipChainExpression(list.callee));
    const callback = list.arguments[0];
    if (
      callee.type !== AST_NODE_TYPES.MemberExpression ||
      getStaticPropertyName(callee) !== 'map' ||
      !callback ||
      !isFunctionNode(callback)
    )
      return true;
    return callback.async
      ? asyncFunctionCanReject(callback, context, depth + 1)
      : returnedValuesOf(callback).some(elementCanReject);
  }
  if (list.type !== AST_NODE_TYPES.Identifier) return true;
  const pushed = ownListPushes(fn, list.name, context.bindings);
  if (!pushed || listsJudged.has(pushed.declarator)) return true;
  listsJudged.add(pushed.declarator);
  try {
    return pushed.values.some(elementCanReject);
  } finally {
    listsJudged.delete(pushed.declarator);
  }
}

/**
 * `value` in `.then((value) => … return value; …)`: the callback's first parameter, never assigned or
 * declared again in it (read without scope: any such name gives up). A promise is never fulfilled with a
 * thenable, so handing that value on cannot reject: as rejection-sources.ts judges it in the linted file.
 */
function isFulfilmentValue(callback: FunctionNode, input: TSESTree.Node): boolean {
  const value = skipTypeWrappers(skipChainExpression(input));
  const param = callback.params[0];
  if (
    value.type !== AST_NODE_TYPES.Identifier ||
    param?.type !== AST_NODE_TYPES.Identifier ||
    param.name !== value.name
  )
    return false;
  let rebound = false;
  walkAst(callback.body, TREE_VISITOR_KEYS, (node) => {
    if (rebound) return false;
    const declared =
      node.type === AST_NODE_TYPES.VariableDeclarator
        ? node.id
        : isFunctionNode(node)
          ? node.params.find((p) => p.type === AST_NODE_TYPES.Identifier && p.name === value.name)
          : undefined;
    if (
      writtenName(node) === value.name ||
      (declared?.type === AST_NODE_TYPES.Identifier && declared.name === value.name)
    )
      rebound = true;
    // `[value] = next`: a pattern may assign it; not read further.
    if (
      node.type === AST_NODE_TYPES.AssignmentExpression &&
      (node.left.type === AST_NODE_TYPES.ArrayPattern || node.left.type === AST_NODE_TYPES.ObjectPattern)
    )
      rebound = true;
    return true;
  });
  return !rebound;
}

/** Lists being judged: a list whose elements lead back to it (`xs.push(Promise.all(xs))`) can reject. */
const listsJudged = new WeakSet<TSESTree.Node>();

/**
 * The values that fill the list `name` of `fn`'s own: declared once in `fn` as a list literal, then only
 * `push`ed to, read for its `length` or handed to a promise combinator (every use of the name is checked, so
 * one that shadows it can only make the answer stricter). Its literal's elements and every pushed value, or undefined when it is anything else:
 * a list that escapes (passed on, returned, stored, reassigned) can hold any promise.
 */
function ownListPushes(
  fn: FunctionNode,
  name: string,
  bindings: ReadonlyMap<string, Binding>,
): { declarator: TSESTree.VariableDeclarator; values: (TSESTree.Node | null)[] } | undefined {
  let declarator: TSESTree.VariableDeclarator | undefined;
  let escapes = false;
  const values: (TSESTree.Node | null)[] = [];
  const visit = (node: TSESTree.Node, parent: TSESTree.Node | undefined, grandparent: TSESTree.Node | undefined) => {
    if (escapes) return;
    if (node.type === AST_NODE_TYPES.Identifier && node.name === name) {
      if (!isListUse(node, parent, grandparent, values, bindings)) escapes = true;
      return;
    }
    if (
      node.type === AST_NODE_TYPES.VariableDeclarator &&
      node.id.type === AST_NODE_TYPES.Identifier &&
      node.id.name === name
    ) {
      // Declared once, as a list literal (a second declaration, even one that shadows it, gives up).
      const init = node.init && skipTypeWrappers(node.init);
      if (declarator || init?.type !== AST_NODE_TYPES.ArrayExpression) escapes = true;
      else {
        declarator = node;
        values.push(...init.elements);
        visit(init, node, parent);
      }
      return;
    }
    for (const key of TREE_VISITOR_KEYS[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child])
        if (item && typeof (item as TSESTree.Node).type === 'string') visit(item as TSESTree.Node, node, parent);
    }
  };
  visit(fn.body, fn, undefined);
  return declarator && !escapes ? { declarator, values } : undefined;
}

/** A use of the list's name that keeps it its own: `list.push(x)` (adding `x` to `values`), `list.length`, a combinator's argument, or a name that is not the list's (a property key). */
function isListUse(
  use: TSESTree.Identifier,
  parent: TSESTree.Node | undefined,
  grandparent: TSESTree.Node | undefined,
  values: (TSESTree.Node | null)[],
  bindings: ReadonlyMap<string, Binding>,
): boolean {
  if (!parent) return false;
  // `other.list`, `{ list: 1 }`: a property's name, not the variable.
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.property === use && !parent.computed) return true;
  if (parent.type === AST_NODE_TYPES.Property && parent.key === use && !parent.computed && !parent.shorthand)
    return true;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === use) {
    const member = getStaticPropertyName(parent);
    if (member === 'length')
      return !(grandparent?.type === AST_NODE_TYPES.AssignmentExpression && grandparent.left === parent);
    if (member === 'push' && grandparent?.type === AST_NODE_TYPES.CallExpression && grandparent.callee === parent) {
      values.push(...grandparent.arguments);
      return true;
    }
    return false;
  }
  // The combinator's own argument: `Promise.all(list)` (what it can reject with is judged by the caller).
  return (
    parent.type === AST_NODE_TYPES.CallExpression &&
    parent.arguments.length === 1 &&
    parent.arguments[0] === use &&
    catalogRowOfCall(parent, PROMISE_LIST_COMBINATORS, bindings) !== undefined
  );
}

/** The rejection sources of an async body of a read tree, with `callCanReject` judging awaited and returned calls. */
function asyncBodyCanReject(
  fn: FunctionNode,
  context: SummaryContext,
  callCanReject: (node: TSESTree.Node) => boolean,
): boolean {
  return hasRejectionSource(context.reader, fn, rejectionJudge(fn, context, callCanReject));
}

/** What makes the body of `fn` of a read tree reject, with `callCanReject` judging awaited and returned calls. */
function rejectionJudge(
  fn: FunctionNode,
  context: SummaryContext,
  callCanReject: (node: TSESTree.Node) => boolean,
): RejectionJudge {
  return {
    awaited: (value) => expressionIsPromise(value, context.bindings, 0) !== 'no' && callCanReject(value),
    // A returned value that is not a call (`return payload`) is left out: no scope here to tell a promise from a plain object.
    returned: (value) =>
      isCallOrNew(value) && expressionIsPromise(value, context.bindings, 0) !== 'no' && callCanReject(value),
    throws: (call) => {
      if (context.reader.throwsOnBadInput(call)) return true;
      const callee = treeFunctionOf(call.callee, fn, context.bindings);
      return callee !== undefined && throwsOnPurpose(context.reader, callee);
    },
  };
}

/** The function of the tree a callee in the body of `within` runs: a top-level function, or `this.name` of its class. */
function treeFunctionOf(
  input: TSESTree.Node,
  within: FunctionNode | undefined,
  bindings: ReadonlyMap<string, Binding>,
): FunctionNode | undefined {
  const callee = skipTypeWrappers(skipChainExpression(input));
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const binding = bindings.get(callee.name);
    return binding && isFunctionNode(binding) ? binding : undefined;
  }
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    skipTypeWrappers(callee.object).type !== AST_NODE_TYPES.ThisExpression
  )
    return undefined;
  // Only a class's own methods and fields: an arrow's `this` elsewhere is its surroundings', unknown here.
  const method = within && methodClasses.get(within);
  if (!method) return undefined;
  const name =
    callee.property.type === AST_NODE_TYPES.PrivateIdentifier
      ? `#${callee.property.name}`
      : getStaticPropertyName(callee);
  return name === undefined ? undefined : classMember(method.classNode, name, method.isStatic);
}

const EFFECT_ORDER: readonly WorkEffect[] = ['read', 'unknown', 'write'];

/**
 * What the work a function waits for does, read from its text alone (no scope, no origins): every
 * awaited or returned call must send SQL that reads or be named like a read (`getUser`, `findAll`,
 * a sleep), and nothing it starts may write (`UPDATE …`, `insertRow()`, `{ method: 'POST' }`).
 */
function summarizeEffect(fn: FunctionNode): WorkEffect {
  let effect: WorkEffect = 'read';
  const raise = (to: WorkEffect): void => {
    if (EFFECT_ORDER.indexOf(to) > EFFECT_ORDER.indexOf(effect)) effect = to;
  };
  // Trees read by the project layer have no parent links: the work a function waits for is marked from above.
  const awaited = new Set<TSESTree.Node>();
  const markWork = (node: TSESTree.Node | null | undefined): void => {
    if (node) awaited.add(skipTypeWrappers(skipChainExpression(node)));
  };
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) markWork(fn.body);
  walkAst(fn.body, TREE_VISITOR_KEYS, (node) => {
    if (effect === 'write') return false;
    if (node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.ReturnStatement)
      markWork(node.argument);
    if (node.type === AST_NODE_TYPES.ArrowFunctionExpression && node.body.type !== AST_NODE_TYPES.BlockStatement)
      markWork(node.body);
    if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) {
      const kind = sqlKindOf(node);
      if (kind !== undefined && kind !== 'read') raise(kind === 'unknown' ? 'unknown' : 'write');
      return true;
    }
    if (node.type === AST_NODE_TYPES.Property && isHttpWriteMethod(node)) raise('write');
    if (node.type !== AST_NODE_TYPES.CallExpression) return true;
    const kind = sqlKindOf(node);
    if (kind !== undefined) {
      if (kind !== 'read') raise(kind === 'unknown' ? 'unknown' : 'write');
      return true;
    }
    const callee = skipTypeWrappers(skipChainExpression(node.callee));
    if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      PROMISE_CALLBACK_METHODS.has(getStaticPropertyName(callee) ?? '')
    )
      markWork(callee.object);
    const name =
      callee.type === AST_NODE_TYPES.Identifier
        ? callee.name
        : callee.type === AST_NODE_TYPES.MemberExpression
          ? getStaticPropertyName(callee)
          : undefined;
    const byName = name === undefined ? 'unknown' : effectOfName(name);
    if (byName === 'write') raise('write');
    else if (byName === 'unknown' && awaited.has(node) && !(name !== undefined && PACING_NAME_PATTERN.test(name)))
      raise('unknown');
    return true;
  });
  return effect;
}

/** `method: 'POST'` (or another verb than GET and HEAD) in an options object. */
function isHttpWriteMethod(property: TSESTree.Property): boolean {
  const key = property.key;
  const named =
    key.type === AST_NODE_TYPES.Identifier ? key.name : key.type === AST_NODE_TYPES.Literal ? key.value : '';
  const value = property.value;
  return (
    !property.computed &&
    named === 'method' &&
    value.type === AST_NODE_TYPES.Literal &&
    typeof value.value === 'string' &&
    !['GET', 'HEAD'].includes(value.value.toUpperCase())
  );
}

/** Visitor keys of a tree the project layer read (it has no SourceCode). */
export const TREE_VISITOR_KEYS = visitorKeys as BodyReader['visitorKeys'];

/** The name a callee starts from and the static member names after it (`fsp.promises.readFile` → `fsp`, `promises.readFile`). */
function calleePath(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
): { root: TSESTree.Identifier; path: string[] } | undefined {
  const path: string[] = [];
  let callee: TSESTree.Node = skipTypeWrappers(skipChainExpression(node.callee));
  while (callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = getStaticPropertyName(callee);
    if (name === undefined) return undefined;
    path.unshift(name);
    callee = skipTypeWrappers(callee.object);
  }
  return callee.type === AST_NODE_TYPES.Identifier ? { root: callee, path } : undefined;
}

/**
 * `readFile(x)` of `node:fs/promises`, `fsp.readFile(x)`, fs-extra's `remove(dir)` without its callback:
 * a call of a catalogued promise API by its import or `require`.
 */
function isImportedPromiseCall(input: TSESTree.Node, bindings: ReadonlyMap<string, Binding>): boolean {
  const node = skipTypeWrappers(skipChainExpression(input));
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  if (catalogRowOfCall(node, PROMISE_RETURNING_APIS, bindings)?.module !== undefined) return true;
  const orCallback = catalogRowOfCall(node, PROMISE_OR_CALLBACK_APIS, bindings);
  if (!orCallback) return false;
  // A top-level name of the tree says whether the last argument is a callback (`const OPTIONS = {…}`).
  const boundValue = (name: TSESTree.Identifier): TSESTree.Node | undefined => {
    const bound = bindings.get(name.name);
    return bound && !isReferenceBinding(bound) ? bound : undefined;
  };
  return promiseOrCallbackResult(node, orCallback.leadingArguments, boundValue) === 'yes';
}

/** `JSON.parse(s)`, `new URL(s)`: a call (or `new`) of a global of `rows` by its path, its first name not bound in the tree. */
/**
 * The catalogue row a call of a summarised tree makes: by the import or `require` its callee is bound to
 * (`fs.readFileSync()`, `setTimeout()` of `timers/promises`), or, for a name the module binds to nothing,
 * as a global (`Atomics.wait()`, `new URL(x)`). What `trackModuleReferences` answers for the linted file,
 * for a tree read without a scope manager.
 */
function catalogRowOfCall<Row extends ApiRow>(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  rows: readonly Row[],
  bindings: ReadonlyMap<string, Binding>,
): Row | undefined {
  const kind = node.type === AST_NODE_TYPES.NewExpression ? 'construct' : 'call';
  const imported = importedCalleePath(node, bindings);
  if (imported) {
    const module = imported.module.replace(/^node:/u, '');
    const path = imported.path.join('.');
    return rows.find(
      (row) =>
        row.kind === kind &&
        row.module !== undefined &&
        row.module.replace(/^node:/u, '') === module &&
        row.path.join('.') === path,
    );
  }
  const named = calleePath(node);
  if (!named || bindings.has(named.root.name)) return undefined;
  const path = [named.root.name, ...named.path].join('.');
  return rows.find((row) => row.kind === kind && row.module === undefined && row.path.join('.') === path);
}

/**
 * `cannotReject` for a tree the project layer read: no SourceCode and no scope, so an assertion is a
 * call of a top-level name bound to `node:assert` (or one of its checks) by `import` or `require`.
 */
function bodyReaderOf(bindings: ReadonlyMap<string, Binding>): BodyReader {
  const isAssertModule = (node: Binding | undefined): boolean =>
    node?.type === AST_NODE_TYPES.CallExpression && ASSERTION_MODULES.has(moduleSpecifier(node) ?? '');
  const isAssertion = (binding: Binding | undefined): boolean => {
    if (!binding) return false;
    if (isReferenceBinding(binding))
      return (
        ASSERTION_MODULES.has(binding.specifier) &&
        (binding.name === 'default' || binding.name === '*' || ASSERTION_METHODS.has(binding.name))
      );
    if (isAssertModule(binding)) return true;
    if (binding.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = getStaticPropertyName(binding);
    return method !== undefined && ASSERTION_METHODS.has(method) && isAssertModule(binding.object);
  };
  return {
    visitorKeys: TREE_VISITOR_KEYS,
    isGlobalPromise: (identifier) => identifier.name === 'Promise' && !bindings.has('Promise'),
    throwsOnBadInput: (node) => catalogRowOfCall(node, THROWING_BUILTINS, bindings) !== undefined,
    isKnownPromise: (node) => expressionIsPromise(node, bindings, 0) === 'yes' || isImportedPromiseCall(node, bindings),
    calledFunction: (call, within) => treeFunctionOf(call.callee, within, bindings),
    constructedClass(node) {
      const binding = node.callee.type === AST_NODE_TYPES.Identifier ? bindings.get(node.callee.name) : undefined;
      return binding?.type === AST_NODE_TYPES.ClassDeclaration || binding?.type === AST_NODE_TYPES.ClassExpression
        ? binding
        : undefined;
    },
    isInvariantAssertion(call) {
      const callee = skipChainExpression(call.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) return isAssertion(bindings.get(callee.name));
      if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier)
        return false;
      const method = getStaticPropertyName(callee);
      return method !== undefined && ASSERTION_METHODS.has(method) && isAssertion(bindings.get(callee.object.name));
    },
  };
}

function createLineOf(text: string): (node: TSESTree.Node) => number {
  let lineStarts: number[] | undefined;
  return (node) => {
    if (node.loc) return node.loc.start.line;
    if (!lineStarts) {
      lineStarts = [0];
      for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1))
        lineStarts.push(index + 1);
    }
    const offset = Math.max(0, startOffset(node));
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

/**
 * Does calling `fn` return a promise? Every `return` must be a promise shape (`new Promise`, `Promise.*`,
 * a `.then` chain, `import()`, a call of a top-level function that returns one).
 */
function returnsPromise(fn: FunctionNode, bindings: ReadonlyMap<string, Binding>, depth: number): Tristate {
  if (depth > MAX_DEPTH && !fn.async && !fn.generator) return 'unknown';
  return functionReturnsPromise(fn, (value) => expressionIsPromise(value, bindings, depth));
}

const PROMISE_STATICS = new Set(['resolve', 'reject', 'all', 'allSettled', 'race', 'any', 'try', 'withResolvers']);

function expressionIsPromise(input: TSESTree.Node, bindings: ReadonlyMap<string, Binding>, depth: number): Tristate {
  const node = skipTypeWrappers(skipChainExpression(input));
  switch (node.type) {
    case AST_NODE_TYPES.ImportExpression:
      return 'yes';
    case AST_NODE_TYPES.NewExpression:
      return node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Promise' ? 'yes' : 'unknown';
    case AST_NODE_TYPES.CallExpression: {
      // A promise API by its import or `require` (`fsp.readFile(p)`, fs-extra's `remove(dir)`), as in the linted file.
      if (isImportedPromiseCall(node, bindings)) return 'yes';
      const callee = skipTypeWrappers(skipChainExpression(node.callee));
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const method = getStaticPropertyName(callee);
        if (
          callee.object.type === AST_NODE_TYPES.Identifier &&
          callee.object.name === 'Promise' &&
          method !== undefined &&
          PROMISE_STATICS.has(method)
        ) {
          return 'yes';
        }
        if ((method === 'then' || method === 'catch' || method === 'finally') && node.arguments.length > 0)
          return 'yes';
        return 'unknown';
      }
      if (callee.type === AST_NODE_TYPES.Identifier) {
        const binding = bindings.get(callee.name);
        if (binding && isFunctionNode(binding)) return returnsPromise(binding, bindings, depth + 1);
        if (binding?.type === AST_NODE_TYPES.VariableDeclarator) return 'unknown';
      }
      return 'unknown';
    }
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
      return 'no';
    case AST_NODE_TYPES.ConditionalExpression: {
      const a = expressionIsPromise(node.consequent, bindings, depth);
      const b = expressionIsPromise(node.alternate, bindings, depth);
      return a === b ? a : 'unknown';
    }
    default:
      return 'unknown';
  }
}
