/**
 * References to a module's exports by origin: ESM imports (default, namespace, named, renamed),
 * `require()` (namespace or destructured), static `await import()` results, and globals.
 * A local variable or method that merely shares a name never matches.
 */
import { isBuiltin } from 'node:module';

import {
  CALL,
  CONSTRUCT,
  getStringIfConstant,
  READ,
  ReferenceTracker,
  type TraceMap,
} from '@eslint-community/eslint-utils';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { Scope } from 'eslint';
import type * as ESTree from 'estree';

import { getCalleeName, getStaticPropertyName, skipChainExpression, skipTypeWrappers, walkAst } from '../ast.js';
import { type AnyContext, DefinitionType, findVariableAt, isReassigned } from '../scope.js';

/** One row of an API catalogue: where the API comes from and how it is used. */
export interface ApiRow {
  /** Module specifier (`'fs'`, `'effect/Effect'`); Node built-ins match with and without `node:`. Omit for globals. */
  readonly module?: string;
  /** Property path from the module (or, for globals, from the global name): `['readFileSync']`, `['promises', 'readFile']`. */
  readonly path: readonly string[];
  /** `call` matches `f()`, `construct` matches `new F()`, `read` matches any reference to the value. */
  readonly kind: 'call' | 'construct' | 'read';
}

export interface ModuleReference<Row extends ApiRow> {
  /** The CallExpression, NewExpression, or the referencing expression for `read`. */
  readonly node: TSESTree.Node;
  readonly row: Row;
}

export type ModuleReferenceIndex<Row extends ApiRow> = ReadonlyMap<TSESTree.Node, ModuleReference<Row>>;

const KIND_SYMBOL = { call: CALL, construct: CONSTRUCT, read: READ } as const;

/** The module names a row is known by (`fs` and `node:fs` for built-ins). */
export function moduleAliases(specifier: string): string[] {
  // `node:test`, `node:sqlite`, `node:sea` exist only with the prefix: bare `test` is some npm package.
  if (specifier.startsWith('node:'))
    return isBuiltin(specifier.slice(5)) ? [specifier, specifier.slice(5)] : [specifier];
  return isBuiltin(specifier) && !specifier.startsWith('node:') ? [specifier, `node:${specifier}`] : [specifier];
}

interface TraceMaps<Row> {
  modules: TraceMap<Row>;
  globals: TraceMap<Row>;
  /** The catalogue's module specifiers (with their `node:` aliases) and global roots: what a file must mention. */
  moduleNames: ReadonlySet<string>;
  globalNames: readonly string[];
}

const traceMapCache = new WeakMap<readonly ApiRow[], TraceMaps<ApiRow>>();

function buildTraceMaps<Row extends ApiRow>(catalog: readonly Row[]): TraceMaps<Row> {
  const cached = traceMapCache.get(catalog);
  if (cached) return cached as TraceMaps<Row>;
  const modules: TraceMap<Row> = {};
  const globals: TraceMap<Row> = {};
  for (const row of catalog) {
    const roots = row.module === undefined ? [globals] : moduleAliases(row.module).map(() => modules);
    const names = row.module === undefined ? [undefined] : moduleAliases(row.module);
    roots.forEach((root, index) => {
      const name = names[index];
      let node = root as Record<string | symbol, unknown>;
      const path = name === undefined ? row.path : [name, ...row.path];
      for (const key of path) {
        node[key] ??= {};
        node = node[key] as Record<string | symbol, unknown>;
      }
      node[KIND_SYMBOL[row.kind]] = row;
    });
  }
  const maps: TraceMaps<Row> = {
    modules,
    globals,
    moduleNames: new Set(Object.keys(modules)),
    globalNames: Object.keys(globals),
  };
  traceMapCache.set(catalog, maps);
  return maps;
}

const indexCache = new WeakMap<TSESTree.Program, WeakMap<readonly ApiRow[], ModuleReferenceIndex<ApiRow>>>();

const NO_REFERENCES: ModuleReferenceIndex<never> = new Map();

/**
 * Every reference in the file to an API of the catalogue, keyed by the node that uses it.
 * Computed once per file and catalogue; a catalogue none of whose modules and globals the file
 * mentions (most catalogues in most files) costs two set lookups per name, not a tracker pass.
 */
export function trackModuleReferences<Row extends ApiRow>(
  context: AnyContext,
  catalog: readonly Row[],
): ModuleReferenceIndex<Row> {
  const program = context.sourceCode.ast;
  let perProgram = indexCache.get(program);
  if (!perProgram) {
    perProgram = new WeakMap();
    indexCache.set(program, perProgram);
  }
  const cached = perProgram.get(catalog);
  if (cached) return cached as ModuleReferenceIndex<Row>;

  const { modules, globals, moduleNames, globalNames } = buildTraceMaps(catalog);
  const globalScope = context.sourceCode.getScope(program) as unknown as Scope.Scope;
  const mentions = fileMentions(context, globalScope);
  // Each pass below finds nothing unless the file names one of the catalogue's globals (or the global
  // object) or imports, requires or dynamically imports one of its modules: skipping it changes no answer.
  const checkGlobals =
    globalNames.length > 0 && (globalNames.some(mentions.global) || GLOBAL_OBJECT_NAMES_LIST.some(mentions.global));
  const checkModules = moduleNames.size > 0 && mentionsAny(mentions.specifiers, moduleNames);
  if (!checkGlobals && !checkModules) {
    perProgram.set(catalog, NO_REFERENCES);
    return NO_REFERENCES;
  }
  const tracker = new ReferenceTracker(globalScope, { mode: 'legacy' });
  const index = new Map<TSESTree.Node, ModuleReference<Row>>();
  const add = (found: { node: unknown; info: Row }): void => {
    const node = found.node as TSESTree.Node;
    if (!index.has(node)) index.set(node, { node, row: found.info });
  };
  const undeclared = undeclaredGlobalReferences(globalScope);
  if (checkGlobals) {
    for (const found of tracker.iterateGlobalReferences(globals)) add(found);
    for (const identifier of undeclared) {
      if (GLOBAL_OBJECT_NAMES.has(identifier.name)) {
        for (const found of tracker.iteratePropertyReferences(identifier, globals)) add(found);
      } else {
        const traceMap = globals[identifier.name];
        if (!traceMap) continue;
        // The tracker's own global walk only sees configured globals; this one sees `fetch` in any file.
        for (const found of tracker.iteratePropertyReferences(identifier, traceMap)) add(found);
        addRootReference(identifier, traceMap, add);
      }
    }
  }
  if (checkModules) {
    for (const found of tracker.iterateEsmReferences(modules)) add(found);
    // The tracker's CommonJS pass, on the `require()` calls found once for the file (it evaluated every specifier per catalogue).
    for (const { call, specifier } of mentions.requireCalls) {
      if (!Object.hasOwn(modules, specifier)) continue;
      const traceMap = modules[specifier]!;
      addRootReference(call, traceMap, add);
      for (const found of tracker.iteratePropertyReferences(call as unknown as ESTree.Expression, traceMap)) add(found);
      addInteropReferences(context, tracker, call, traceMap, add);
    }
    for (const { call, specifier } of mentions.undeclaredRequireCalls) {
      const traceMap = modules[specifier];
      if (!traceMap) continue;
      addRootReference(call, { [READ]: (traceMap as Record<symbol, unknown>)[READ] }, add);
      for (const found of tracker.iteratePropertyReferences(call as unknown as ESTree.Expression, traceMap)) add(found);
      addInteropReferences(context, tracker, call, traceMap, add);
    }
    for (const { expression, specifier } of staticDynamicImports(context)) {
      const traceMap = modules[specifier];
      if (!traceMap) continue;
      for (const found of tracker.iteratePropertyReferences(expression as unknown as ESTree.Expression, traceMap))
        add(found);
    }
  }
  perProgram.set(catalog, index);
  return index;
}

/**
 * The helpers compilers wrap a `require()` in to give CommonJS an ES module's shape (TypeScript's
 * `__importDefault`/`__importStar`, also from tslib; Babel's `_interopRequireDefault`/`_interopRequireWildcard`;
 * Rollup's `_interopDefault`/`_interopNamespace`; esbuild's `__toESM`). The module still comes from the
 * `require()` inside: the helper's name only says that its result holds the module as `default` and, for
 * the namespace helpers, its exports as its own properties.
 */
const INTEROP_HELPERS: ReadonlySet<string> = new Set([
  '__importDefault',
  '__importStar',
  '__toESM',
  '_interopDefault',
  '_interopDefaultCompat',
  '_interopDefaultLegacy',
  '_interopNamespace',
  '_interopNamespaceDefault',
  '_interopRequireDefault',
  '_interopRequireWildcard',
  '_interop_require_default',
  '_interop_require_wildcard',
]);

/** How a helper written into the file looks: a function, or TypeScript's `(this && this.__importDefault) || function …`. */
const WRITTEN_HELPER_SHAPES: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.FunctionExpression,
  AST_NODE_TYPES.LogicalExpression,
  AST_NODE_TYPES.ConditionalExpression,
]);

/** The interop helper's call that `node` is the first argument of. */
function interopCallOf(context: AnyContext, node: TSESTree.Node): TSESTree.CallExpression | undefined {
  const parent = node.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.arguments[0] !== node) return undefined;
  const name = getCalleeName(parent);
  if (name === undefined || !INTEROP_HELPERS.has(name)) return undefined;
  return isInteropHelperCallee(context, parent.callee) ? parent : undefined;
}

/**
 * The helper a compiler emits into the file (or imports from tslib or @babel/runtime) tests the module's
 * `__esModule` flag; a function of the file's own that shares the name but not that test is not one.
 */
function isInteropHelperCallee(context: AnyContext, callee: TSESTree.Node): boolean {
  if (callee.type !== AST_NODE_TYPES.Identifier) return true;
  const variable = findVariableAt(context.sourceCode, callee, callee);
  const definition = variable?.defs[0];
  if (!definition) return true;
  const written =
    definition.type === DefinitionType.FunctionName ||
    (definition.type === DefinitionType.Variable &&
      definition.node.init !== null &&
      WRITTEN_HELPER_SHAPES.has(definition.node.init.type));
  // Otherwise imported, required or read from a helpers object: the helper of tslib or @babel/runtime.
  return !written || context.sourceCode.getText(definition.node).includes('__esModule');
}

/**
 * The helper calls a `require()` goes through: `__importDefault(require('fs'))`, or Rollup's
 * `var fs = require('fs'); var fs__default = _interopDefault(fs);` (a name bound once to the call).
 */
function interopWrappers(context: AnyContext, call: TSESTree.CallExpression): TSESTree.CallExpression[] {
  const direct = interopCallOf(context, call);
  if (direct) return [direct];
  const declarator = call.parent;
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.init !== call ||
    declarator.id.type !== AST_NODE_TYPES.Identifier
  )
    return [];
  const variable = findVariableAt(context.sourceCode, declarator.id, declarator.id);
  if (!variable || isReassigned(variable)) return [];
  return variable.references.flatMap((reference) => {
    const wrapper = reference.isRead() ? interopCallOf(context, reference.identifier) : undefined;
    return wrapper ? [wrapper] : [];
  });
}

/** References through an interop helper's result: `x.default.readFileSync()` and `(0, x.readFileSync)()`. */
function addInteropReferences<Row>(
  context: AnyContext,
  tracker: ReferenceTracker,
  call: TSESTree.CallExpression,
  traceMap: TraceMap<Row>,
  add: (found: { node: unknown; info: Row }) => void,
): void {
  const wrappers = interopWrappers(context, call);
  if (wrappers.length === 0) return;
  const wrapped: TraceMap<Row> = { ...traceMap, default: traceMap };
  for (const wrapper of wrappers)
    for (const found of tracker.iteratePropertyReferences(wrapper as unknown as ESTree.Expression, wrapped)) add(found);
}

export interface ValueRoot<Row extends ApiRow> {
  readonly reference: ModuleReference<Row>;
  /** The methods and functions called on the way from the root to the value, last call first. */
  readonly calls: readonly string[];
}

/** How far a value is followed back: longer builder chains than this are not worth the walk. */
const MAX_ROOT_STEPS = 40;

/**
 * The module a value is built from, for a catalogue of modules (`path: []` read rows): followed back
 * through method calls, member reads, calls of the value and bindings written once, to an import or a
 * `require()` of the module. `Port.catch(x)` after `const Port = z.number().int()` and `import { z } from
 * 'zod'` (or `const zod_1 = require('zod')` and `zod_1.z.number()`) is rooted at `zod`.
 */
export function findValueRoot<Row extends ApiRow>(
  context: AnyContext,
  node: TSESTree.Node,
  catalog: readonly Row[],
): ValueRoot<Row> | undefined {
  const index = trackModuleReferences(context, catalog);
  if (index.size === 0) return undefined;
  const calls: string[] = [];
  let current = node;
  for (let step = 0; step < MAX_ROOT_STEPS; step++) {
    const value = skipTypeWrappers(skipChainExpression(current));
    const reference = index.get(value);
    if (reference) return { reference, calls };
    if (value.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipTypeWrappers(skipChainExpression(value.callee));
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        calls.push(getStaticPropertyName(callee) ?? '');
        current = callee.object;
      } else {
        calls.push(callee.type === AST_NODE_TYPES.Identifier ? callee.name : '');
        current = callee;
      }
    } else if (value.type === AST_NODE_TYPES.MemberExpression) {
      current = value.object;
    } else if (value.type === AST_NODE_TYPES.Identifier) {
      const variable = findVariableAt(context.sourceCode, value, value);
      const def = variable?.defs.length === 1 ? variable.defs[0]! : undefined;
      if (!variable || !def || isReassigned(variable)) return undefined;
      if (def.type === DefinitionType.ImportBinding) {
        const declaration = index.get(def.parent);
        return declaration && { reference: declaration, calls };
      }
      // `const x = …` and `const { z } = require('zod')` alike: the value comes from the initialiser.
      if (def.type !== DefinitionType.Variable || !def.node.init) return undefined;
      current = def.node.init;
    } else {
      return undefined;
    }
  }
  return undefined;
}

const GLOBAL_OBJECT_NAMES_LIST = ['global', 'globalThis', 'self', 'window'];
const GLOBAL_OBJECT_NAMES: ReadonlySet<string> = new Set(GLOBAL_OBJECT_NAMES_LIST);

interface RequireCall {
  readonly call: TSESTree.CallExpression;
  readonly specifier: string;
}

interface FileMentions {
  /** Every module specifier the file imports, re-exports, requires or `await import()`s, as the tracker reads it. */
  readonly specifiers: ReadonlySet<string>;
  /** `require()` calls of a configured `require` (or `globalThis.require`), in the tracker's order, with its reading of the specifier. */
  readonly requireCalls: readonly RequireCall[];
  /** `require('x')` calls of an undeclared `require`. */
  readonly undeclaredRequireCalls: readonly RequireCall[];
  /** Does the file read or write a global of this name (configured, built-in or undeclared)? */
  readonly global: (name: string) => boolean;
}

const mentionsCache = new WeakMap<TSESTree.Program, FileMentions>();
const REQUIRE_CALL: TraceMap<true> = { require: { [CALL]: true } };

function mentionsAny(specifiers: ReadonlySet<string>, moduleNames: ReadonlySet<string>): boolean {
  for (const specifier of specifiers) if (moduleNames.has(specifier)) return true;
  return false;
}

/** What the file names that a catalogue could match: found once per file, asked by every catalogue. */
function fileMentions(context: AnyContext, globalScope: Scope.Scope): FileMentions {
  const program = context.sourceCode.ast;
  const cached = mentionsCache.get(program);
  if (cached) return cached;
  const undeclared = undeclaredGlobalReferences(globalScope);
  const undeclaredNames = new Set(undeclared.map((identifier) => identifier.name));
  const specifiers = new Set<string>();
  for (const statement of program.body) {
    if (
      (statement.type === AST_NODE_TYPES.ImportDeclaration ||
        statement.type === AST_NODE_TYPES.ExportAllDeclaration ||
        statement.type === AST_NODE_TYPES.ExportNamedDeclaration) &&
      statement.source
    )
      specifiers.add(statement.source.value);
  }
  const requireCalls: RequireCall[] = [];
  if (globalScope.set.has('require') || GLOBAL_OBJECT_NAMES_LIST.some((name) => globalScope.set.has(name))) {
    const tracker = new ReferenceTracker(globalScope, { mode: 'legacy' });
    for (const { node } of tracker.iterateGlobalReferences(REQUIRE_CALL)) {
      const call = node as unknown as TSESTree.CallExpression;
      const specifier = getStringIfConstant(call.arguments[0] as ESTree.Node);
      if (specifier === null) continue;
      requireCalls.push({ call, specifier });
      specifiers.add(specifier);
    }
  }
  const undeclaredRequireCalls: RequireCall[] = [];
  for (const identifier of undeclared) {
    if (identifier.name !== 'require') continue;
    const call = identifier.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier) continue;
    const source = call.arguments[0];
    if (source?.type !== AST_NODE_TYPES.Literal || typeof source.value !== 'string') continue;
    undeclaredRequireCalls.push({ call, specifier: source.value });
    specifiers.add(source.value);
  }
  for (const { specifier } of staticDynamicImports(context)) specifiers.add(specifier);
  const global = (name: string): boolean =>
    undeclaredNames.has(name) || (globalScope.set.get(name)?.references.length ?? 0) > 0;
  const mentions = { specifiers, requireCalls, undeclaredRequireCalls, global };
  mentionsCache.set(program, mentions);
  return mentions;
}

/**
 * References to globals that no configuration declared (`fetch`, `require`, `setTimeout` in a
 * project without a `globals` setting). ESLint leaves them unresolved in the global scope's
 * `through` list; a local declaration of the same name resolves them and so excludes them.
 */
function undeclaredGlobalReferences(globalScope: Scope.Scope): readonly TSESTree.Identifier[] {
  // Asked once per catalogue; cached per file, keyed by the Program.
  const program = globalScope.block as unknown as TSESTree.Program;
  const cached = undeclaredCache.get(program);
  if (cached) return cached;
  const found = globalScope.through
    .filter((reference) => reference.resolved === null && !globalScope.set.has(reference.identifier.name))
    .map((reference) => reference.identifier as unknown as TSESTree.Identifier);
  undeclaredCache.set(program, found);
  return found;
}

const undeclaredCache = new WeakMap<TSESTree.Program, readonly TSESTree.Identifier[]>();

/** The tracker reports members and calls of a root; a `read` row on the root itself is added here. */
function addRootReference<Row>(
  node: TSESTree.Node,
  traceMap: Record<string | symbol, unknown>,
  add: (found: { node: unknown; info: Row }) => void,
): void {
  const row = traceMap[READ] as Row | undefined;
  if (row !== undefined) add({ node, info: row });
}

const dynamicImportsCache = new WeakMap<TSESTree.Program, { expression: TSESTree.Node; specifier: string }[]>();

/**
 * `await import('fs')` expressions with a literal specifier: the awaited value is the namespace.
 * One walk per file, shared by every catalogue (each catalogue's index asked for it again).
 */
function staticDynamicImports(context: AnyContext): { expression: TSESTree.Node; specifier: string }[] {
  const program = context.sourceCode.ast;
  const cached = dynamicImportsCache.get(program);
  if (cached) return cached;
  const found: { expression: TSESTree.Node; specifier: string }[] = [];
  dynamicImportsCache.set(program, found);
  // Cheap checks first: most files never use import(); JSDoc's `import('x')` types are in comments, not tokens.
  if (!context.sourceCode.text.includes('import(') || !hasImportCallToken(context.sourceCode.ast.tokens)) return found;
  walkAst(context.sourceCode.ast, context.sourceCode.visitorKeys, (node) => {
    if (
      node.type === AST_NODE_TYPES.ImportExpression &&
      node.source.type === AST_NODE_TYPES.Literal &&
      typeof node.source.value === 'string' &&
      node.parent.type === AST_NODE_TYPES.AwaitExpression
    ) {
      found.push({ expression: node.parent, specifier: node.source.value });
    }
  });
  return found;
}

/** Is there an `import` token followed by `(` (every `import(…)` starts so)? Without tokens (another host's tree), maybe. */
function hasImportCallToken(tokens: readonly TSESTree.Token[] | undefined): boolean {
  if (!tokens) return true;
  for (let i = 0; i < tokens.length - 1; i++) {
    if (tokens[i]!.value === 'import' && tokens[i + 1]!.value === '(') return true;
  }
  return false;
}
