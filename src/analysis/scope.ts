/**
 * The context and scope types every analysis module shares, typed wrappers over the scope helpers of
 * `@eslint-community/eslint-utils` (`findVariable`, `getStaticValue`, `isParenthesized`), so no caller needs
 * a cast, and the questions only scope answers: is a variable reassigned, what is it declared as, does a
 * name stand for a namespace rather than a value.
 *
 * The helpers come from the community package itself, as modules.ts's `ReferenceTracker` does, not through
 * `@typescript-eslint/utils/ast-utils`: that wrapper `require`s the package's CommonJS build, so the process
 * would hold two copies of it (its ES build for the tracker, its CommonJS build for these).
 */
import * as eslintUtils from '@eslint-community/eslint-utils';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import type { Rule, Scope } from 'eslint';
import type * as ESTree from 'estree';

/** A rule context of any rule: analysis never depends on a rule's message ids or options. */
export type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
export type SourceCode = Readonly<TSESLint.SourceCode>;
export type ScopeVariable = TSESLint.Scope.Variable;

type ScopeEnums = typeof TSESLint.Scope;
type Spelled<E extends Record<string, string>> = { readonly [K in keyof E]: `${E[K]}` };

/*
 * scope-manager's `DefinitionType` and `ScopeType`, spelled out (tsc checks every member against the real enums):
 * reading them from `TSESLint.Scope` would load all of `@typescript-eslint/utils` at plugin load, that is ESLint's
 * API and the whole scope manager (~1 s, half the load time), even in JavaScript projects that never use it.
 */
const definitionTypes = {
  CatchClause: 'CatchClause',
  ClassName: 'ClassName',
  FunctionName: 'FunctionName',
  ImplicitGlobalVariable: 'ImplicitGlobalVariable',
  ImportBinding: 'ImportBinding',
  Parameter: 'Parameter',
  TSEnumName: 'TSEnumName',
  TSEnumMember: 'TSEnumMemberName',
  TSModuleName: 'TSModuleName',
  Type: 'Type',
  Variable: 'Variable',
} as const satisfies Spelled<ScopeEnums['DefinitionType']>;
const scopeTypes = {
  block: 'block',
  catch: 'catch',
  class: 'class',
  classFieldInitializer: 'class-field-initializer',
  classStaticBlock: 'class-static-block',
  conditionalType: 'conditionalType',
  for: 'for',
  function: 'function',
  functionExpressionName: 'function-expression-name',
  functionType: 'functionType',
  global: 'global',
  mappedType: 'mappedType',
  module: 'module',
  switch: 'switch',
  tsEnum: 'tsEnum',
  tsModule: 'tsModule',
  type: 'type',
  with: 'with',
} as const satisfies Spelled<ScopeEnums['ScopeType']>;
export const DefinitionType = definitionTypes as unknown as ScopeEnums['DefinitionType'];
export const ScopeType = scopeTypes as unknown as ScopeEnums['ScopeType'];

/** The variable a name (or an identifier) refers to, looked up from the scope at `site`. */
export function findVariableAt(
  sourceCode: SourceCode,
  site: TSESTree.Node,
  nameOrIdentifier: string | TSESTree.Identifier,
): ScopeVariable | null {
  const scope = sourceCode.getScope(site) as unknown as Scope.Scope;
  return eslintUtils.findVariable(scope, nameOrIdentifier) as unknown as ScopeVariable | null;
}

/** The value of an expression when it can be computed before the code runs, `null` otherwise. */
export function getStaticValueAt(sourceCode: SourceCode, node: TSESTree.Node): { value: unknown } | null {
  return eslintUtils.getStaticValue(node as ESTree.Node, sourceCode.getScope(node) as unknown as Scope.Scope);
}

/** Is the node wrapped in (at least one pair of) parentheses of its own? */
export function isParenthesized(node: TSESTree.Node, sourceCode: SourceCode): boolean {
  return eslintUtils.isParenthesized(node as ESTree.Node, sourceCode as unknown as Rule.RuleContext['sourceCode']);
}

/** Is the variable written anywhere but in its declaration (`x = …`, `x++`, `for (x of …)`)? */
export function isReassigned(variable: ScopeVariable): boolean {
  return variable.references.some((reference) => reference.isWrite() && !reference.init);
}

const writtenOnlyByInit = new WeakMap<ScopeVariable, boolean>();

/**
 * Is the variable written exactly once, by its declaration's initialiser (`const x = …`, never assigned
 * again)? Cached per variable: it is asked at each of its uses, and each answer reads all its references.
 */
export function isWrittenOnlyByInit(variable: ScopeVariable): boolean {
  let answer = writtenOnlyByInit.get(variable);
  if (answer === undefined) {
    const writes = variable.references.filter((reference) => reference.isWrite());
    answer = writes.length === 1 && writes[0]!.init === true;
    writtenOnlyByInit.set(variable, answer);
  }
  return answer;
}

/** The initialiser of a variable declared once as a plain name (`const x = init`), or undefined. */
export function getDeclaredInit(variable: ScopeVariable): TSESTree.Expression | undefined {
  const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== DefinitionType.Variable) return undefined;
  const declarator = def.node;
  return declarator.id.type === AST_NODE_TYPES.Identifier ? (declarator.init ?? undefined) : undefined;
}

/** Scope definitions whose binding is a class, function, enum or namespace, never a value a promise is stored in. */
const NAMESPACE_LIKE_DEFINITIONS: ReadonlySet<string> = new Set([
  'ClassName',
  'FunctionName',
  'TSEnumName',
  'TSModuleName',
]);

/** Undeclared globals whose built-in type has no `then`. */
const BUILT_IN_NAMESPACES: ReadonlySet<string> = new Set([
  'Array',
  'Atomics',
  'BigInt',
  'Buffer',
  'Date',
  'Error',
  'Intl',
  'JSON',
  'Math',
  'Number',
  'Object',
  'Promise',
  'Reflect',
  'String',
  'Symbol',
  'console',
  'process',
]);

/**
 * Does the name at `node` refer to a namespace rather than to a value: a namespace import, a class,
 * a function, an enum or a TS namespace declared in the file, or a built-in global (`Object`, `Math`,
 * `console`)? Decided by scope alone, so a caller can rule such receivers out before asking the
 * type checker (they are most member accesses in namespace-heavy code such as `Effect.map(…)`).
 */
export function isNamespaceLikeName(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariableAt(sourceCode, node, node);
  if (!variable || variable.defs.length === 0) return BUILT_IN_NAMESPACES.has(node.name);
  return variable.defs.every(
    (def) =>
      NAMESPACE_LIKE_DEFINITIONS.has(def.type) ||
      (def.type === DefinitionType.ImportBinding && def.node.type === AST_NODE_TYPES.ImportNamespaceSpecifier),
  );
}
