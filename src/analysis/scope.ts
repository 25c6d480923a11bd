/**
 * The context and scope types every analysis module shares, and typed wrappers over the scope helpers of
 * `@typescript-eslint/utils` (`findVariable`, `getStaticValue`, `isParenthesized`), so no caller needs a cast.
 */
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/** A rule context of any rule: analysis never depends on a rule's message ids or options. */
export type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
export type SourceCode = Readonly<TSESLint.SourceCode>;
export type ScopeVariable = TSESLint.Scope.Variable;

/** The variable a name (or an identifier) refers to, looked up from the scope at `site`. */
export function findVariableAt(
  sourceCode: SourceCode,
  site: TSESTree.Node,
  nameOrIdentifier: string | TSESTree.Identifier,
): ScopeVariable | null {
  return ASTUtils.findVariable(sourceCode.getScope(site), nameOrIdentifier);
}

/** The value of an expression when it can be computed before the code runs, `null` otherwise. */
export function getStaticValueAt(sourceCode: SourceCode, node: TSESTree.Node): { value: unknown } | null {
  return ASTUtils.getStaticValue(node, sourceCode.getScope(node));
}

/** Is the node wrapped in (at least one pair of) parentheses of its own? */
export function isParenthesized(node: TSESTree.Node, sourceCode: SourceCode): boolean {
  return ASTUtils.isParenthesized(node, sourceCode);
}
