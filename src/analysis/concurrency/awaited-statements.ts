/**
 * Statements that wait on one thing and keep its result: `await E;`, `const x = await E;` and
 * `x = await E;`. The shapes `prefer-promise-all` groups, and the units the independence analysis
 * compares.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

interface AwaitedBase {
  readonly awaited: TSESTree.AwaitExpression;
  /** The awaited expression `E` of `await E`. */
  readonly argument: TSESTree.Expression;
}

/** One statement of the shapes a `Promise.all` can absorb. */
export type AwaitedStatement =
  | (AwaitedBase & { readonly kind: 'expression'; readonly statement: TSESTree.ExpressionStatement })
  | (AwaitedBase & {
      readonly kind: 'declaration';
      readonly statement: TSESTree.VariableDeclaration;
      readonly declarationKind: 'const' | 'let' | 'var';
      readonly id: TSESTree.Identifier | TSESTree.ArrayPattern | TSESTree.ObjectPattern;
    })
  | (AwaitedBase & {
      readonly kind: 'assignment';
      readonly statement: TSESTree.ExpressionStatement;
      readonly target: TSESTree.Identifier | TSESTree.ArrayPattern | TSESTree.ObjectPattern | TSESTree.MemberExpression;
    });

/** `await E;`, `const|let|var x = await E;` (one declarator) or `x = await E;`, else undefined. */
export function classifyAwaitStatement(statement: TSESTree.Node): AwaitedStatement | undefined {
  if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
    const expression = statement.expression;
    if (expression.type === AST_NODE_TYPES.AwaitExpression) {
      return { kind: 'expression', statement, awaited: expression, argument: expression.argument };
    }
    if (
      expression.type === AST_NODE_TYPES.AssignmentExpression &&
      expression.operator === '=' &&
      expression.right.type === AST_NODE_TYPES.AwaitExpression
    ) {
      const target = expression.left;
      if (
        target.type === AST_NODE_TYPES.Identifier ||
        target.type === AST_NODE_TYPES.ArrayPattern ||
        target.type === AST_NODE_TYPES.ObjectPattern ||
        (target.type === AST_NODE_TYPES.MemberExpression && !target.optional)
      ) {
        return {
          kind: 'assignment',
          statement,
          target,
          awaited: expression.right,
          argument: expression.right.argument,
        };
      }
    }
    return undefined;
  }
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.declare || statement.declarations.length !== 1)
    return undefined;
  const kind = statement.kind;
  if (kind !== 'const' && kind !== 'let' && kind !== 'var') return undefined;
  const declarator = statement.declarations[0]!;
  const init = declarator.init;
  if (init?.type !== AST_NODE_TYPES.AwaitExpression || declarator.definite) return undefined;
  const id = declarator.id;
  if (
    id.type !== AST_NODE_TYPES.Identifier &&
    id.type !== AST_NODE_TYPES.ArrayPattern &&
    id.type !== AST_NODE_TYPES.ObjectPattern
  ) {
    return undefined;
  }
  return { kind: 'declaration', statement, declarationKind: kind, id, awaited: init, argument: init.argument };
}
