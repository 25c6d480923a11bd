/** Is this call a test-framework registration (`describe(…)`, `it.only(…)`, `test.each(table)(…)`)? */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { type FunctionNode, isFunctionNode, isLoopNode, skipChainExpression, walkAst } from '../ast.js';
import { TEST_REGISTRATION_APIS, type TestRegistrationRow } from '../catalog/test-frameworks.js';
import { trackModuleReferences } from '../origin/modules.js';
import { type AnyContext } from '../scope.js';
import { isTransparentCallback } from './execution-context.js';

/** The catalogue row of a registration call, following curried forms (`describe.each(table)(name, fn)`). */
export function findTestRegistration(
  context: AnyContext,
  call: TSESTree.CallExpression,
): TestRegistrationRow | undefined {
  const index = trackModuleReferences(context, TEST_REGISTRATION_APIS);
  // Most files register no tests: no lookup, no walk down curried callees.
  if (index.size === 0) return undefined;
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

/** A registration an async suite callback makes after it has awaited, when a runner that ignores the promise is done collecting. */
export interface LateRegistration {
  readonly call: TSESTree.CallExpression;
  readonly row: TestRegistrationRow;
  /** The first `await` (or `for await` loop) the registration runs after. */
  readonly after: TSESTree.Node;
}

/**
 * The registrations (tests, hooks, nested suites) in the suite callback `fn` that run after one of
 * its `await`s: after the `await` in source order, inside its arguments, or earlier in a loop that
 * awaits (the next pass). Registrations in synchronous callbacks (`cases.forEach((c) => it(…))`) count
 * where the callback is called; those in other functions are not followed.
 */
export function findLateRegistrations(context: AnyContext, fn: FunctionNode): readonly LateRegistration[] {
  const awaits: TSESTree.Node[] = [];
  const registrations: { call: TSESTree.CallExpression; row: TestRegistrationRow }[] = [];
  walkAst(fn.body, context.sourceCode.visitorKeys, (node) => {
    if (isFunctionNode(node)) return isTransparentCallback(context, node);
    if (node.type === AST_NODE_TYPES.AwaitExpression || (node.type === AST_NODE_TYPES.ForOfStatement && node.await)) {
      awaits.push(node);
    } else if (node.type === AST_NODE_TYPES.CallExpression) {
      const row = findTestRegistration(context, node);
      // A registration's own callback runs when the framework calls it, not now.
      if (row) {
        registrations.push({ call: node, row });
        return false;
      }
    }
    return true;
  });
  if (awaits.length === 0) return [];
  const late: LateRegistration[] = [];
  for (const registration of registrations) {
    const after = awaits.find((node) => awaitPrecedes(node, registration.call, fn));
    if (after) late.push({ ...registration, after });
  }
  return late;
}

/** Has the `await` (or `for await`) `node` waited at least once when `call` runs? */
function awaitPrecedes(node: TSESTree.Node, call: TSESTree.CallExpression, fn: FunctionNode): boolean {
  // A `for await` waits before its body first runs; an `await` once its operand has settled.
  const resumesAt = node.type === AST_NODE_TYPES.ForOfStatement ? node.body.range[0] : node.range[1];
  if (resumesAt <= call.range[1]) return true;
  // `for (…) { it(…); await step(); }`: the next pass registers after the await.
  for (let parent: TSESTree.Node | undefined = call.parent; parent && parent !== fn; parent = parent.parent) {
    if (isLoopNode(parent) && parent.range[0] <= node.range[0] && node.range[1] <= parent.range[1]) return true;
  }
  return false;
}
