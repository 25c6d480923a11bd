/**
 * Add or reuse an import import for a fix, in ESM (`import { x } from 'm'`) or CommonJS
 * (`const { x } = require('m')`), merging into an existing import of the same module and aliasing
 * when the name is taken; and remove an import binding that a fix left unused.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { moduleAliases } from '../origin/modules.js';
import { findVariableAt, ScopeType, type SourceCode } from '../scope.js';

export interface ImportRequest {
  /** Module to import from, as it should be written in a new import (`'node:fs/promises'`). */
  readonly module: string;
  /** The export to import; `default` for a default export (or a CommonJS module's `module.exports`). */
  readonly name: string;
  /** Local name to use when `name` is taken (default `${name}Async`). */
  readonly alias?: string;
  /** Use `alias` even when `name` is free: `setTimeout` from `timers/promises` would shadow the global timer for the whole module. */
  readonly preferAlias?: boolean;
}

export interface ImportPlan {
  /** Text to use at the fix site to refer to the export: a local name or `ns.name`. */
  readonly reference: string;
  /** Fixes that add the import; empty when an existing import is reused. */
  readonly fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];
}

export type ModuleSystem = 'esm' | 'cjs';

/** Does the file use `import` or `require`? Decided by what it already does, then by its name and source type. */
export function getModuleSystem(sourceCode: SourceCode, filename: string): ModuleSystem {
  const body = sourceCode.ast.body;
  if (
    body.some(
      (s) =>
        s.type === AST_NODE_TYPES.ImportDeclaration ||
        s.type === AST_NODE_TYPES.ExportNamedDeclaration ||
        s.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
        s.type === AST_NODE_TYPES.ExportAllDeclaration,
    )
  ) {
    return 'esm';
  }
  if (/\.c[jt]s$/u.test(filename)) return 'cjs';
  if (body.some((s) => findRequireDeclaration(s) !== undefined)) return 'cjs';
  if (/\.m[jt]s$/u.test(filename)) return 'esm';
  return sourceCode.ast.sourceType === 'module' ? 'esm' : 'cjs';
}

/** `const <pattern> = require('<module>')` at top level. */
export function findRequireDeclaration(
  statement: TSESTree.ProgramStatement,
): { declaration: TSESTree.VariableDeclaration; declarator: TSESTree.VariableDeclarator; module: string } | undefined {
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.declarations.length !== 1) return undefined;
  const declarator = statement.declarations[0];
  const init = declarator.init;
  if (
    init?.type === AST_NODE_TYPES.CallExpression &&
    init.callee.type === AST_NODE_TYPES.Identifier &&
    init.callee.name === 'require' &&
    init.arguments.length === 1 &&
    init.arguments[0]!.type === AST_NODE_TYPES.Literal &&
    typeof init.arguments[0]!.value === 'string'
  ) {
    return { declaration: statement, declarator, module: init.arguments[0]!.value };
  }
  return undefined;
}

/** Do two specifiers name the same module (`fs` and `node:fs`)? */
export function sameModule(a: string, b: string): boolean {
  return moduleAliases(a).includes(b);
}

/** Is `name` free to declare at top level without shadowing or colliding where it is used? */
export function isNameFree(sourceCode: SourceCode, name: string, useSite: TSESTree.Node): boolean {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return false;
  const scopes = [globalScope, ...globalScope.childScopes.filter((s) => s.type === ScopeType.module)];
  for (const scope of scopes) {
    if (scope.set.has(name)) return false;
    if (scope.through.some((reference) => reference.identifier.name === name)) return false;
  }
  return findVariableAt(sourceCode, useSite, name) === null;
}

function chooseLocalName(sourceCode: SourceCode, request: ImportRequest, useSite: TSESTree.Node): string {
  if (!(request.preferAlias && request.alias) && isNameFree(sourceCode, request.name, useSite)) return request.name;
  const base = request.alias ?? `${request.name}Async`;
  for (let index = 1; ; index++) {
    const candidate = index === 1 ? base : `${base}${index}`;
    if (isNameFree(sourceCode, candidate, useSite)) return candidate;
  }
}

/** Where new top-level import or require lines go: after the last one, or after directives. */
function insertionPoint(sourceCode: SourceCode, system: ModuleSystem): TSESTree.Node | undefined {
  const body = sourceCode.ast.body;
  let last: TSESTree.Node | undefined;
  for (const statement of body) {
    const isImport =
      system === 'esm'
        ? statement.type === AST_NODE_TYPES.ImportDeclaration
        : findRequireDeclaration(statement) !== undefined;
    const isDirective =
      statement.type === AST_NODE_TYPES.ExpressionStatement && typeof statement.directive === 'string';
    if (isImport || (isDirective && last === undefined)) last = statement;
    else if (!isDirective && last === undefined) break;
  }
  return last;
}

function insertStatement(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  system: ModuleSystem,
  text: string,
): TSESLint.RuleFix {
  const after = insertionPoint(sourceCode, system);
  if (after) return fixer.insertTextAfter(after, `\n${text}`);
  const first = sourceCode.ast.body[0];
  if (first) {
    const leading = sourceCode.getCommentsBefore(first);
    // Comments right above the first statement document it: the import goes above them, but below a
    // header separated by a blank line and below a shebang.
    let anchor: TSESTree.Node | TSESTree.Comment = first;
    for (let index = leading.length - 1; index >= 0; index--) {
      const comment = leading[index]!;
      if ((comment.type as string) === 'Shebang' || anchor.loc.start.line - comment.loc.end.line > 1) break;
      anchor = comment;
    }
    return fixer.insertTextBeforeRange(anchor.range, `${text}\n`);
  }
  return fixer.insertTextAfterRange([sourceCode.text.length, sourceCode.text.length], `${text}\n`);
}

/** Does `name` at `useSite` still mean the binding `declaration` made (no local shadows it)? */
function refersTo(sourceCode: SourceCode, useSite: TSESTree.Node, name: string, declaration: TSESTree.Node): boolean {
  const variable = findVariableAt(sourceCode, useSite, name) as { defs: { node: unknown }[] } | null;
  return variable?.defs.some((def) => def.node === declaration) ?? false;
}

/**
 * How to refer to `request.name` from `request.module` at `useSite`, and the fixes that make the
 * reference valid: reuse an existing import, merge into one, or add a new statement.
 */
export function planImport(
  sourceCode: SourceCode,
  filename: string,
  request: ImportRequest,
  useSite: TSESTree.Node,
): ImportPlan {
  const system = getModuleSystem(sourceCode, filename);
  const none = () => [];
  for (const statement of sourceCode.ast.body) {
    if (
      system === 'esm' &&
      statement.type === AST_NODE_TYPES.ImportDeclaration &&
      sameModule(request.module, statement.source.value)
    ) {
      if (statement.importKind === 'type') continue;
      for (const specifier of statement.specifiers) {
        if (
          specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier &&
          request.name === 'default' &&
          refersTo(sourceCode, useSite, specifier.local.name, specifier)
        ) {
          return { reference: specifier.local.name, fix: none };
        }
        if (
          specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier &&
          refersTo(sourceCode, useSite, specifier.local.name, specifier)
        ) {
          return { reference: `${specifier.local.name}.${request.name}`, fix: none };
        }
        if (
          specifier.type === AST_NODE_TYPES.ImportSpecifier &&
          specifier.importKind !== 'type' &&
          (specifier.imported.type === AST_NODE_TYPES.Identifier
            ? specifier.imported.name
            : specifier.imported.value) === request.name &&
          refersTo(sourceCode, useSite, specifier.local.name, specifier)
        ) {
          return { reference: specifier.local.name, fix: none };
        }
      }
    }
    const required = system === 'cjs' ? findRequireDeclaration(statement) : undefined;
    if (required && sameModule(request.module, required.module)) {
      const id = required.declarator.id;
      if (id.type === AST_NODE_TYPES.Identifier) {
        // A CommonJS package's default export is its `module.exports`.
        if (refersTo(sourceCode, useSite, id.name, required.declarator))
          return { reference: request.name === 'default' ? id.name : `${id.name}.${request.name}`, fix: none };
        continue;
      }
      if (id.type === AST_NODE_TYPES.ObjectPattern) {
        for (const property of id.properties) {
          if (
            property.type === AST_NODE_TYPES.Property &&
            !property.computed &&
            property.key.type === AST_NODE_TYPES.Identifier &&
            property.key.name === request.name &&
            property.value.type === AST_NODE_TYPES.Identifier &&
            refersTo(sourceCode, useSite, property.value.name, required.declarator)
          ) {
            return { reference: property.value.name, fix: none };
          }
        }
      }
    }
  }

  if (request.name === 'default') {
    const local = chooseLocalName(sourceCode, { ...request, preferAlias: true }, useSite);
    const statement =
      system === 'esm' ? `import ${local} from '${request.module}';` : `const ${local} = require('${request.module}');`;
    return { reference: local, fix: (fixer) => [insertStatement(fixer, sourceCode, system, statement)] };
  }
  const local = chooseLocalName(sourceCode, request, useSite);
  if (system === 'esm') {
    const target = sourceCode.ast.body.find(
      (s): s is TSESTree.ImportDeclaration =>
        s.type === AST_NODE_TYPES.ImportDeclaration &&
        s.importKind !== 'type' &&
        sameModule(request.module, s.source.value) &&
        !s.specifiers.some((spec) => spec.type === AST_NODE_TYPES.ImportNamespaceSpecifier),
    );
    const specifierText = local === request.name ? request.name : `${request.name} as ${local}`;
    if (target) {
      const named = target.specifiers.filter(
        (s): s is TSESTree.ImportSpecifier => s.type === AST_NODE_TYPES.ImportSpecifier,
      );
      const lastNamed = named[named.length - 1];
      if (lastNamed)
        return { reference: local, fix: (fixer) => [fixer.insertTextAfter(lastNamed, `, ${specifierText}`)] };
      const defaultSpecifier = target.specifiers[0];
      if (defaultSpecifier)
        return {
          reference: local,
          fix: (fixer) => [fixer.insertTextAfter(defaultSpecifier, `, { ${specifierText} }`)],
        };
    }
    return {
      reference: local,
      fix: (fixer) => [
        insertStatement(fixer, sourceCode, system, `import { ${specifierText} } from '${request.module}';`),
      ],
    };
  }
  const propertyText = local === request.name ? request.name : `${request.name}: ${local}`;
  for (const statement of sourceCode.ast.body) {
    const required = findRequireDeclaration(statement);
    if (
      !required ||
      !sameModule(request.module, required.module) ||
      required.declarator.id.type !== AST_NODE_TYPES.ObjectPattern
    )
      continue;
    const properties = required.declarator.id.properties;
    const lastProperty = properties[properties.length - 1];
    if (lastProperty && lastProperty.type !== AST_NODE_TYPES.RestElement) {
      return { reference: local, fix: (fixer) => [fixer.insertTextAfter(lastProperty, `, ${propertyText}`)] };
    }
  }
  return {
    reference: local,
    fix: (fixer) => [
      insertStatement(fixer, sourceCode, system, `const { ${propertyText} } = require('${request.module}');`),
    ],
  };
}

/**
 * When the fix replaces the only use of an imported or required binding, the fix that removes that
 * binding (the specifier, the property, or the whole statement); otherwise none.
 */
export function removeBindingIfUnused(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  identifier: TSESTree.Identifier,
): TSESLint.RuleFix[] {
  const variable = findVariableAt(sourceCode, identifier, identifier) as {
    defs: { type: string; node: TSESTree.Node; name: TSESTree.Identifier }[];
    references: { identifier: TSESTree.Node; init?: boolean }[];
  } | null;
  if (!variable || variable.defs.length !== 1) return [];
  const uses = variable.references.filter((reference) => !reference.init);
  if (uses.length !== 1 || uses[0]!.identifier !== identifier) return [];
  const def = variable.defs[0]!;
  if (def.type === 'ImportBinding' && def.node.parent?.type === AST_NODE_TYPES.ImportDeclaration) {
    const specifier = def.node;
    const declaration = def.node.parent;
    if (declaration.specifiers.length === 1) return [removeStatement(fixer, sourceCode, declaration)];
    const named = declaration.specifiers.filter((s) => s.type === AST_NODE_TYPES.ImportSpecifier);
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier && named.length === 1) {
      // `import fs, { x } from 'm'`: drop `, { x }`.
      const comma = sourceCode.getTokenBefore(sourceCode.getTokenBefore(specifier)!)!;
      const close = sourceCode.getTokenAfter(specifier, { filter: (token) => token.value === '}' })!;
      return [fixer.removeRange([comma.range[0], close.range[1]])];
    }
    return [removeListItem(fixer, sourceCode, specifier)];
  }
  if (
    def.type === 'Variable' &&
    def.node.type === AST_NODE_TYPES.VariableDeclarator &&
    def.node.id.type === AST_NODE_TYPES.Identifier
  ) {
    const required = findRequireDeclaration(def.node.parent);
    return required ? [removeStatement(fixer, sourceCode, required.declaration)] : [];
  }
  if (
    def.type === 'Variable' &&
    def.node.type === AST_NODE_TYPES.VariableDeclarator &&
    def.node.id.type === AST_NODE_TYPES.ObjectPattern
  ) {
    const required = findRequireDeclaration(def.node.parent);
    if (!required) return [];
    const property = def.node.id.properties.find((p) => p.type === AST_NODE_TYPES.Property && p.value === def.name);
    if (!property) return [];
    if (def.node.id.properties.length === 1) return [removeStatement(fixer, sourceCode, required.declaration)];
    return [removeListItem(fixer, sourceCode, property)];
  }
  return [];
}

function removeStatement(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  statement: TSESTree.Node,
): TSESLint.RuleFix {
  const text = sourceCode.text;
  let end = statement.range[1];
  if (text[end] === '\n') end += 1;
  else if (text.startsWith('\r\n', end)) end += 2;
  return fixer.removeRange([statement.range[0], end]);
}

/** Removes one element of a comma-separated list together with one adjacent comma. */
function removeListItem(fixer: TSESLint.RuleFixer, sourceCode: SourceCode, item: TSESTree.Node): TSESLint.RuleFix {
  const after = sourceCode.getTokenAfter(item);
  if (after?.value === ',') {
    const next = sourceCode.getTokenAfter(after)!;
    const before = sourceCode.getTokenBefore(item);
    // Last item before a trailing comma: the previous item's comma becomes the trailing one.
    if (next.value === '}' && before?.value === ',') return fixer.removeRange([before.range[1], after.range[1]]);
    return fixer.removeRange([item.range[0], next.value === '}' ? after.range[1] : next.range[0]]);
  }
  const before = sourceCode.getTokenBefore(item)!;
  return fixer.removeRange([before.range[0], item.range[1]]);
}
