/**
 * Point one use of an imported or required binding at another export: `readFileSync(p)` →
 * `readFile(p)` with `readFile` from `node:fs/promises`. When that use was the binding's only one,
 * the old binding goes in the same edit: renamed in place when the new export comes from the same
 * module (`{ gzipSync }` → `{ gzip }`), the whole declaration rewritten when it held nothing else
 * (so the new import import takes its place instead of colliding with its removal), or the one specifier
 * removed.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { findVariableAt, type SourceCode } from '../scope.js';
import {
  findRequireDeclaration,
  type ImportPlan,
  type ImportRequest,
  planImport,
  removeBindingIfUnused,
  sameModule,
} from './imports.js';

interface OnlyUseBinding {
  readonly system: 'esm' | 'cjs';
  /** The `import` statement or `const … = require(…)` declaration. */
  readonly declaration: TSESTree.ImportDeclaration | TSESTree.VariableDeclaration;
  /** The specifier or destructured property that declares the binding. */
  readonly item: TSESTree.ImportSpecifier | TSESTree.Property;
  readonly itemCount: number;
  readonly module: string;
}

/** The import specifier or `require` property behind `use`, when `use` is the binding's only use. */
function findOnlyUseBinding(sourceCode: SourceCode, use: TSESTree.Identifier): OnlyUseBinding | undefined {
  const variable = findVariableAt(sourceCode, use, use) as {
    defs: { type: string; node: TSESTree.Node; name: TSESTree.Identifier }[];
    references: { identifier: TSESTree.Node; init?: boolean }[];
  } | null;
  if (!variable || variable.defs.length !== 1) return undefined;
  const uses = variable.references.filter((reference) => !reference.init);
  if (uses.length !== 1 || uses[0]!.identifier !== use) return undefined;
  const def = variable.defs[0]!;
  if (def.type === 'ImportBinding' && def.node.type === AST_NODE_TYPES.ImportSpecifier) {
    const declaration = def.node.parent as TSESTree.ImportDeclaration;
    return {
      system: 'esm',
      declaration,
      item: def.node,
      itemCount: declaration.specifiers.length,
      module: declaration.source.value,
    };
  }
  if (
    def.type === 'Variable' &&
    def.node.type === AST_NODE_TYPES.VariableDeclarator &&
    def.node.id.type === AST_NODE_TYPES.ObjectPattern
  ) {
    const required = findRequireDeclaration(def.node.parent);
    if (!required) return undefined;
    const item = def.node.id.properties.find(
      (property): property is TSESTree.Property =>
        property.type === AST_NODE_TYPES.Property && property.value === def.name,
    );
    if (!item) return undefined;
    return {
      system: 'cjs',
      declaration: required.declaration,
      item,
      itemCount: def.node.id.properties.length,
      module: required.module,
    };
  }
  return undefined;
}

function importsModule(sourceCode: SourceCode, module: string): boolean {
  return sourceCode.ast.body.some((statement) => {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration)
      return statement.importKind !== 'type' && sameModule(module, statement.source.value);
    const required = findRequireDeclaration(statement);
    return required !== undefined && sameModule(module, required.module);
  });
}

/**
 * How `use` (an identifier bound by an import or `require`) refers to `request` instead, and the
 * import edits: the new import added, merged or reused, and the old binding removed or renamed when
 * nothing else uses it. The caller replaces `use` itself with `reference`.
 */
export function planBindingReplacement(
  sourceCode: SourceCode,
  filename: string,
  use: TSESTree.Identifier,
  request: ImportRequest,
): ImportPlan {
  const plan = planImport(sourceCode, filename, request, use);
  const binding = findOnlyUseBinding(sourceCode, use);
  if (!binding) return plan;
  const { reference } = plan;
  return {
    reference,
    fix(fixer) {
      const importFixes = plan.fix(fixer);
      // An existing import is reused: only the old binding has to go.
      if (importFixes.length === 0) return removeBindingIfUnused(fixer, sourceCode, use);
      const local = reference === request.name ? request.name : reference;
      const itemText =
        binding.system === 'esm'
          ? local === request.name
            ? request.name
            : `${request.name} as ${local}`
          : local === request.name
            ? request.name
            : `${request.name}: ${local}`;
      if (sameModule(request.module, binding.module)) return [fixer.replaceText(binding.item, itemText)];
      if (binding.itemCount === 1 && !importsModule(sourceCode, request.module)) {
        const statement =
          binding.system === 'esm'
            ? `import { ${itemText} } from '${request.module}';`
            : `${binding.declaration.type === AST_NODE_TYPES.VariableDeclaration ? binding.declaration.kind : 'const'} { ${itemText} } = require('${request.module}');`;
        return [fixer.replaceText(binding.declaration, statement)];
      }
      return [...importFixes, ...removeBindingIfUnused(fixer, sourceCode, use)];
    },
  };
}
