/**
 * With type information: is an imported binding the result of a catalogued factory call made in
 * another file? `export const formatSync = createSyncFn(worker)` in `./format.ts`, then
 * `formatSync(code)` here. The checker resolves the import import to its declaration; the declaration's
 * initialiser is matched against the catalogue by the module and export path its callee was
 * imported from. Without type information the answer is always undefined.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type * as ts from 'typescript';

import { type AnyContext } from '../scope.js';
import { getTypeInfo, type TypeInfo } from '../type-info.js';
import type { FactoryRow, ResultStep } from './factory-results.js';
import { moduleAliases } from './modules.js';

interface ScopeVariable {
  defs: { type: string; node: TSESTree.Node; parent?: TSESTree.Node | null }[];
}

/** Per catalogue and result path: the row each declaration matched (null: none). */
const cache = new WeakMap<readonly FactoryRow[], Map<string, WeakMap<ts.Declaration, FactoryRow | null>>>();

function cacheFor(
  catalog: readonly FactoryRow[],
  steps: readonly ResultStep[],
): WeakMap<ts.Declaration, FactoryRow | null> {
  let perCatalog = cache.get(catalog);
  if (!perCatalog) {
    perCatalog = new Map();
    cache.set(catalog, perCatalog);
  }
  const key = JSON.stringify(steps);
  let perSteps = perCatalog.get(key);
  if (!perSteps) {
    perSteps = new WeakMap();
    perCatalog.set(key, perSteps);
  }
  return perSteps;
}

/**
 * The catalogue row of the factory whose result `callee` (an identifier imported from a relative
 * module) is, when the result is used as `steps` says (e.g. `['call']`); undefined otherwise.
 */
export function findImportedFactoryRow<Row extends FactoryRow>(
  context: AnyContext,
  callee: TSESTree.Identifier,
  catalog: readonly Row[],
  steps: readonly ResultStep[],
): Row | undefined {
  if (!isRelativeImportBinding(context, callee)) return undefined;
  const info = getTypeInfo(context);
  if (!info) return undefined;
  const { checker } = info;
  const local = checker.getSymbolAtLocation(info.services.esTreeNodeToTSNodeMap.get(callee));
  if (!local) return undefined;
  // The binding is an import (checked above), so the symbol is an alias.
  const target = checker.getAliasedSymbol(local);
  const declaration = target.valueDeclaration ?? target.declarations?.[0];
  if (!declaration) return undefined;
  const matched = cacheFor(catalog, steps);
  let row = matched.get(declaration);
  if (row === undefined) {
    row = matchFactoryDeclaration(info, declaration, catalog, steps) ?? null;
    matched.set(declaration, row);
  }
  return (row ?? undefined) as Row | undefined;
}

/** Cheap test before any checker call: `callee` is bound by `import … from './…'`. */
function isRelativeImportBinding(context: AnyContext, callee: TSESTree.Identifier): boolean {
  let scope: ReturnType<typeof context.sourceCode.getScope> | null = context.sourceCode.getScope(callee);
  while (scope) {
    const variable = scope.set.get(callee.name) as ScopeVariable | undefined;
    if (variable) {
      const def = variable.defs[0];
      if (variable.defs.length !== 1 || def?.type !== 'ImportBinding') return false;
      const declaration = def.parent;
      return (
        declaration?.type === AST_NODE_TYPES.ImportDeclaration &&
        declaration.importKind !== 'type' &&
        declaration.source.value.startsWith('.')
      );
    }
    scope = scope.upper;
  }
  return false;
}

/** `const x = factory(…)` or `export default factory(…)`, with `factory` imported from a catalogued module. */
function matchFactoryDeclaration<Row extends FactoryRow>(
  info: TypeInfo,
  declaration: ts.Declaration,
  catalog: readonly Row[],
  steps: readonly ResultStep[],
): Row | undefined {
  const initializer = initializerOf(declaration);
  if (!initializer || !isCallLike(initializer)) return undefined;
  const origin = importOrigin(info, initializer.expression);
  if (!origin) return undefined;
  const wanted = JSON.stringify(steps);
  return catalog.find(
    (row) =>
      row.kind === 'call' &&
      row.module !== undefined &&
      moduleAliases(row.module).includes(origin.module) &&
      row.path.join('.') === origin.path.join('.') &&
      (row.results ?? []).some((path) => JSON.stringify(path) === wanted),
  );
}

// Declarations are told apart by their fields rather than `ts.SyntaxKind`, so `typescript` is never loaded here.
type LooseNode = ts.Node & Readonly<Record<string, unknown>>;

function field<T>(node: ts.Node, key: string): T | undefined {
  return (node as LooseNode)[key] as T | undefined;
}

function has(node: ts.Node, key: string): boolean {
  return key in node;
}

function identifierText(node: ts.Node | undefined): string | undefined {
  const text = node && field<ts.__String>(node, 'escapedText');
  return text === undefined ? undefined : String(text);
}

/** `const x = <initializer>` (VariableDeclaration) or `export default <expression>` (ExportAssignment). */
function initializerOf(declaration: ts.Declaration): ts.Expression | undefined {
  if (has(declaration, 'initializer') && identifierText(field<ts.Node>(declaration, 'name')) !== undefined) {
    return field<ts.Expression>(declaration, 'initializer');
  }
  if (has(declaration, 'isExportEquals') && field<boolean>(declaration, 'isExportEquals') !== true) {
    return field<ts.Expression>(declaration, 'expression');
  }
  return undefined;
}

function isCallLike(node: ts.Expression): node is ts.CallExpression {
  return Array.isArray(field(node, 'arguments')) && field(node, 'expression') !== undefined && !has(node, 'template');
}

/** Where `callee` (`name` or `namespace.name`) was imported from, as a module and an export path. */
function importOrigin(info: TypeInfo, callee: ts.Expression): { module: string; path: string[] } | undefined {
  const member = identifierText(field<ts.Node>(callee, 'name'));
  const object = field<ts.Expression>(callee, 'expression');
  if (member !== undefined && object !== undefined) {
    const root = importOrigin(info, object);
    return root ? { module: root.module, path: [...root.path, member] } : undefined;
  }
  if (identifierText(callee) === undefined) return undefined;
  const declaration = info.checker.getSymbolAtLocation(callee)?.declarations?.[0];
  if (!declaration) return undefined;
  // ImportSpecifier (`{ imported as local }`), ImportClause (a default import) or NamespaceImport (`* as ns`).
  let importDeclaration: ts.Node | undefined = declaration;
  for (let depth = 0; depth < 4 && importDeclaration && !has(importDeclaration, 'moduleSpecifier'); depth++) {
    importDeclaration = importDeclaration.parent;
  }
  const specifier = importDeclaration && field<ts.Node>(importDeclaration, 'moduleSpecifier');
  const module = specifier && field<string>(specifier, 'text');
  if (typeof module !== 'string') return undefined;
  if (has(declaration, 'propertyName') && !has(declaration, 'namedBindings')) {
    const imported = identifierText(field<ts.Node>(declaration, 'propertyName') ?? field<ts.Node>(declaration, 'name'));
    if (imported === undefined) return undefined;
    return { module, path: imported === 'default' ? [] : [imported] };
  }
  // A default import or a namespace import: the module itself.
  return { module, path: [] };
}
