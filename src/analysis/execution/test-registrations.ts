/** Is this call a test-framework registration (`describe(…)`, `it.only(…)`, `test.each(table)(…)`)? */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { skipChainExpression } from '../ast.js';
import { TEST_REGISTRATION_APIS, type TestRegistrationRow } from '../catalog/test-frameworks.js';
import { trackModuleReferences } from '../origin/modules.js';
import { type AnyContext } from '../scope.js';

/** The catalogue row of a registration call, following curried forms (`describe.each(table)(name, fn)`). */
export function findTestRegistration(
  context: AnyContext,
  call: TSESTree.CallExpression,
): TestRegistrationRow | undefined {
  const index = trackModuleReferences(context, TEST_REGISTRATION_APIS);
  const direct = index.get(call);
  if (direct) return direct.row;
  const callee = skipChainExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const inner = findTestRegistration(context, callee);
  return inner?.curried ? inner : undefined;
}

/** The function a registration call registers: its last function argument. */
export function registeredCallback(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  for (let i = call.arguments.length - 1; i >= 0; i -= 1) {
    const argument = call.arguments[i]!;
    if (argument.type === AST_NODE_TYPES.ArrowFunctionExpression || argument.type === AST_NODE_TYPES.FunctionExpression)
      return argument;
    if (argument.type === AST_NODE_TYPES.Identifier || argument.type === AST_NODE_TYPES.MemberExpression)
      return argument;
    if (argument.type !== AST_NODE_TYPES.ObjectExpression && argument.type !== AST_NODE_TYPES.Literal) return undefined;
  }
  return undefined;
}
