/**
 * "Can the promise of this function reject?" A function of the file whose whole body is guarded
 * (statements inside a `try` whose `catch` and `finally` do not rethrow, or promise chains that end
 * in a rejection handler) cannot: dropping its promise loses ordering, never an error.
 * The answer is syntactic and conservative: anything not recognised as guarded can reject.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import {
  type FunctionNode,
  getStaticPropertyName,
  isFunctionNode,
  skipChainExpression,
  skipTypeWrappers,
} from '../ast.js';

const cache = new WeakMap<FunctionNode, boolean>();

/** True when calling `fn` returns a promise that never rejects (see the module comment). */
export function cannotReject(fn: FunctionNode): boolean {
  let answer = cache.get(fn);
  if (answer === undefined) {
    answer = computeCannotReject(fn);
    cache.set(fn, answer);
  }
  return answer;
}

function computeCannotReject(fn: FunctionNode): boolean {
  if (fn.generator) return false;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return isHandledPromiseChain(fn.body);
  if (!fn.async) {
    // A plain function returning a promise: every return must be a handled chain (sync throws are not rejections).
    const returns = collect(
      fn.body,
      (node) => node.type === AST_NODE_TYPES.ReturnStatement,
    ) as TSESTree.ReturnStatement[];
    return (
      returns.length > 0 &&
      returns.every((statement) => statement.argument !== null && isHandledPromiseChain(statement.argument))
    );
  }
  return fn.body.body.every((statement) => isGuardedStatement(statement));
}

/**
 * `p.catch(handler)`, `p.then(onFulfilled, onRejected)`, `p.catch(h).finally(f)`, with `await`/`void`
 * in front: a chain whose last rejection handler does not rethrow.
 */
export function isHandledPromiseChain(input: TSESTree.Node): boolean {
  let node = skipTypeWrappers(skipChainExpression(input));
  while (
    node.type === AST_NODE_TYPES.AwaitExpression ||
    (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void')
  ) {
    node = skipTypeWrappers(skipChainExpression(node.argument));
  }
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipChainExpression(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getStaticPropertyName(callee);
  if (method === 'catch') return node.arguments.length >= 1 && isNonThrowingHandler(node.arguments[0]!);
  if (method === 'then') return node.arguments.length >= 2 && isNonThrowingHandler(node.arguments[1]!);
  // `finally` passes the settlement through (a throwing callback aside): the chain before it decides.
  if (method === 'finally') return isHandledPromiseChain(callee.object);
  return false;
}

/** A rejection handler that does not hand the error on: not `undefined`, no `throw`, no `Promise.reject`. */
function isNonThrowingHandler(handler: TSESTree.Node): boolean {
  if (handler.type === AST_NODE_TYPES.Identifier && handler.name === 'undefined') return false;
  if (handler.type === AST_NODE_TYPES.Literal && handler.value === null) return false;
  if (handler.type === AST_NODE_TYPES.SpreadElement) return false;
  if (!isFunctionNode(handler)) return true;
  if (handler.body.type !== AST_NODE_TYPES.BlockStatement) return !isRejectCall(handler.body);
  return isNonThrowingBlock(handler.body);
}

function isRejectCall(node: TSESTree.Node): boolean {
  const value = skipTypeWrappers(node);
  if (value.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipChainExpression(value.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Promise' &&
    getStaticPropertyName(callee) === 'reject'
  );
}

/** A `catch`/`finally` block that neither throws, returns a rejection, nor awaits something unhandled. */
function isNonThrowingBlock(block: TSESTree.BlockStatement): boolean {
  const risky = collect(block, (node) => {
    if (node.type === AST_NODE_TYPES.ThrowStatement) return true;
    if (node.type === AST_NODE_TYPES.ReturnStatement) return node.argument !== null && isRejectCall(node.argument);
    if (node.type === AST_NODE_TYPES.AwaitExpression) return !isHandledPromiseChain(node.argument);
    return false;
  });
  return risky.length === 0;
}

/** A statement of an async function's body that cannot make its promise reject. */
function isGuardedStatement(statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.TryStatement:
      return isGuardedTry(statement);
    case AST_NODE_TYPES.EmptyStatement:
      return true;
    case AST_NODE_TYPES.ExpressionStatement:
      return isHandledPromiseChain(statement.expression) || isInertUpdate(statement.expression);
    case AST_NODE_TYPES.ReturnStatement:
      return (
        statement.argument === null ||
        isHandledPromiseChain(statement.argument) ||
        isInertExpression(statement.argument)
      );
    case AST_NODE_TYPES.VariableDeclaration:
      return statement.declarations.every(
        (declarator) => declarator.init === null || isInertExpression(declarator.init),
      );
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.every((inner) => isGuardedStatement(inner));
    case AST_NODE_TYPES.IfStatement:
      return (
        isInertExpression(statement.test) &&
        isGuardedStatement(statement.consequent) &&
        (statement.alternate === null || isGuardedStatement(statement.alternate))
      );
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      // `for (;;) { try { … } catch { … } }`: a retry loop around a guarded body.
      return (statement.test === null || isInertExpression(statement.test)) && isGuardedStatement(statement.body);
    default:
      return false;
  }
}

/** `try { … } catch { … }` whose handler and finalizer do not rethrow, and whose `try` returns no un-awaited promise. */
function isGuardedTry(statement: TSESTree.TryStatement): boolean {
  if (!statement.handler) return false;
  if (!isNonThrowingBlock(statement.handler.body)) return false;
  if (statement.finalizer && !isNonThrowingBlock(statement.finalizer)) return false;
  // `return load()` inside `try` hands the promise out before the `catch` can see its rejection.
  const unguardedReturns = collect(
    statement.block,
    (node) =>
      node.type === AST_NODE_TYPES.ReturnStatement &&
      node.argument !== null &&
      !isHandledPromiseChain(node.argument) &&
      !isInertExpression(node.argument) &&
      skipTypeWrappers(node.argument).type !== AST_NODE_TYPES.AwaitExpression,
  );
  return unguardedReturns.length === 0;
}

/** `this.busy = true`, `count += 1`, `attempts++`: bookkeeping around the guarded work. */
function isInertUpdate(node: TSESTree.Expression): boolean {
  if (node.type === AST_NODE_TYPES.UpdateExpression) return isInertExpression(node.argument);
  if (node.type !== AST_NODE_TYPES.AssignmentExpression) return false;
  return isInertExpression(node.left) && isInertExpression(node.right);
}

/** An expression that cannot throw or produce a rejected promise: literals, names, member reads of them, simple operators. */
function isInertExpression(node: TSESTree.Node): boolean {
  const value = skipTypeWrappers(node);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.ThisExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return value.expressions.every((expression) => isInertExpression(expression));
    case AST_NODE_TYPES.MemberExpression:
      return isInertExpression(value.object) && (!value.computed || isInertExpression(value.property));
    case AST_NODE_TYPES.ChainExpression:
      return isInertExpression(value.expression);
    case AST_NODE_TYPES.UnaryExpression:
      return value.operator !== 'delete' && isInertExpression(value.argument);
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return (
        value.left.type !== AST_NODE_TYPES.PrivateIdentifier &&
        isInertExpression(value.left) &&
        isInertExpression(value.right)
      );
    case AST_NODE_TYPES.ConditionalExpression:
      return isInertExpression(value.test) && isInertExpression(value.consequent) && isInertExpression(value.alternate);
    case AST_NODE_TYPES.ArrayExpression:
      return value.elements.every(
        (element) => element === null || (element.type !== AST_NODE_TYPES.SpreadElement && isInertExpression(element)),
      );
    case AST_NODE_TYPES.ObjectExpression:
      return value.properties.every(
        (property) =>
          property.type === AST_NODE_TYPES.Property && !property.computed && isInertExpression(property.value),
      );
    default:
      return false;
  }
}

/** Nodes under `root` (not inside nested functions) that match `test`. */
function collect(root: TSESTree.Node, test: (node: TSESTree.Node) => boolean): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (test(node)) found.push(node);
    for (const [key, child] of Object.entries(node)) {
      if (key === 'parent') continue;
      if (Array.isArray(child)) {
        for (const item of child as unknown[]) if (isNode(item) && !isFunctionNode(item)) visit(item);
      } else if (isNode(child) && !isFunctionNode(child)) visit(child);
    }
  };
  visit(root);
  return found;
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
