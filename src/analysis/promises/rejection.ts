/**
 * "Can the promise of this function reject?" A function whose whole body is guarded (statements
 * inside a `try` whose `catch` and `finally` do not rethrow, promise chains that end in a rejection
 * handler, bookkeeping that cannot throw: declarations, assignments of plain values, listener
 * registrations, assertions of internal invariants) cannot: dropping its promise loses ordering,
 * never an error. The answer is syntactic and conservative: anything not recognised as guarded can
 * reject. The same analysis answers for a function of the linted file (`cannotReject(context, fn)`)
 * and for one of another file read by the project layer (with a `BodyReader` of that tree).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import {
  type ClassNode,
  type FunctionNode,
  getStaticPropertyName,
  isFunctionNode,
  skipChainExpression,
  skipTypeWrappers,
  walkAst,
} from '../ast.js';
import { INVARIANT_ASSERTIONS } from '../catalog/assertions.js';
import { LISTENER_METHODS } from '../catalog/event-loop-callbacks.js';
import { THROWING_BUILTINS } from '../catalog/throwing-builtins.js';
import { canCompleteNormally, constantInit, resolveFunction } from '../origin/function-resolution.js';
import { trackModuleReferences } from '../origin/modules.js';
import { type AnyContext, findVariableAt, type SourceCode } from '../scope.js';
import { getPromiseKnowledge, type Tristate } from './promises.js';

/** What walking a body needs: the tree's visitor keys. */
type Walker = Pick<SourceCode, 'visitorKeys'>;

/** What the body analysis needs besides the tree: its visitor keys, and which calls assert an invariant. */
export interface BodyReader extends Walker {
  /** Is `call` an assertion of an internal invariant (`assert(x)` from `node:assert`, by origin)? */
  isInvariantAssertion(call: TSESTree.CallExpression): boolean;
  /** The class `new C(…)` constructs, when `C` names a class of this tree. */
  constructedClass(node: TSESTree.NewExpression): ClassNode | undefined;
  /** Is `identifier` the global `Promise` (not a binding of this tree)? */
  isGlobalPromise(identifier: TSESTree.Identifier): boolean;
  /** Is `node` a call of a built-in that throws on bad input (`JSON.parse(s)`, `new URL(s)`, see catalog/throwing-builtins.ts)? */
  throwsOnBadInput(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean;
  /** Is `node` known to be a promise (`readFile(x)`, `Promise.reject(e)`)? */
  isKnownPromise(node: TSESTree.Node): boolean;
  /**
   * The function of this tree that `call`, written in the body of `within` (undefined: somewhere not known,
   * so no `this.` method), runs, when it can be followed.
   */
  calledFunction(call: TSESTree.CallExpression, within: FunctionNode | undefined): FunctionNode | undefined;
}

const readers = new WeakMap<TSESTree.Program, BodyReader>();

/** The body reader of the linted file: assertions known by origin. */
function bodyReaderOf(context: AnyContext): BodyReader {
  const program = context.sourceCode.ast;
  let reader = readers.get(program);
  if (!reader) {
    reader = {
      visitorKeys: context.sourceCode.visitorKeys,
      isInvariantAssertion: (call) => trackModuleReferences(context, INVARIANT_ASSERTIONS).has(call),
      constructedClass(node) {
        if (node.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
        const init = constantInit(context, node.callee);
        return init?.type === AST_NODE_TYPES.ClassDeclaration || init?.type === AST_NODE_TYPES.ClassExpression
          ? init
          : undefined;
      },
      isGlobalPromise(identifier) {
        if (identifier.name !== 'Promise') return false;
        const variable = findVariableAt(context.sourceCode, identifier, identifier);
        return !variable || variable.defs.length === 0;
      },
      throwsOnBadInput: (node) => trackModuleReferences(context, THROWING_BUILTINS).has(node),
      isKnownPromise: (node) => getPromiseKnowledge(context).isPromise(node) === 'yes',
      calledFunction: (call) => resolveFunction(context, call.callee),
    };
    readers.set(program, reader);
  }
  return reader;
}

const cache = new WeakMap<FunctionNode, boolean>();

/**
 * True when calling `fn` returns a promise that never rejects (see the module comment): `fn` of the
 * linted file (pass its context), or of another file's tree (pass a reader of that tree).
 */
export function cannotReject(source: AnyContext | BodyReader, fn: FunctionNode): boolean {
  let answer = cache.get(fn);
  if (answer === undefined) {
    // A function reached again while judged (through a promise its executor resolves with) counts as able to reject.
    cache.set(fn, false);
    answer = computeCannotReject('sourceCode' in source ? bodyReaderOf(source) : source, fn);
    cache.set(fn, answer);
  }
  return answer;
}

function computeCannotReject(sourceCode: BodyReader, fn: FunctionNode): boolean {
  if (fn.generator) return false;
  if (!fn.async) {
    // A plain function's result rejects only through the promises it returns (sync throws are not rejections):
    // `if (closing) return new Promise((resolve) => …);` beside a branch that returns nothing cannot reject.
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return isNonRejectingValue(sourceCode, fn.body, fn);
    const returns = collect(
      sourceCode,
      fn.body,
      (node) => node.type === AST_NODE_TYPES.ReturnStatement,
    ) as TSESTree.ReturnStatement[];
    return returns.every(
      (statement) => statement.argument === null || isNonRejectingValue(sourceCode, statement.argument, fn),
    );
  }
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return isHandledPromiseChain(sourceCode, fn.body);
  return fn.body.body.every((statement) => isGuardedStatement(sourceCode, statement));
}

/**
 * A value the plain function `within` returns that is no promise that can reject: a handled chain, a
 * primitive made by an operator or written as a literal (`count > 0`, `typeof x`, `'ok'`, `undefined`),
 * `Promise.resolve()` of such a value, a `new Promise` whose executor only resolves, a call of a function
 * of the same tree that cannot reject itself (`return insert(row)` where `insert` returns
 * `db.add(row).catch(log)`), or a choice between such values. Names and member reads are unknown: they
 * may hold any promise.
 */
function isNonRejectingValue(reader: BodyReader, node: TSESTree.Node, within: FunctionNode | undefined): boolean {
  const value = skipTypeWrappers(node);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.UpdateExpression:
      return true;
    case AST_NODE_TYPES.Identifier:
      return value.name === 'undefined';
    case AST_NODE_TYPES.ConditionalExpression:
      return (
        isNonRejectingValue(reader, value.consequent, within) && isNonRejectingValue(reader, value.alternate, within)
      );
    case AST_NODE_TYPES.NewExpression:
      return (
        value.callee.type === AST_NODE_TYPES.Identifier &&
        reader.isGlobalPromise(value.callee) &&
        executorOnlyResolves(reader, value.arguments[0])
      );
    case AST_NODE_TYPES.CallExpression: {
      if (isHandledPromiseChain(reader, value)) return true;
      const resolved = promiseResolveFulfils(reader, value, within);
      if (resolved !== undefined) return resolved;
      // A sync throw of the called function is no rejection; its promise, if any, is what it returns.
      const called = reader.calledFunction(value, within);
      return called !== undefined && cannotReject(reader, called);
    }
    default:
      return false;
  }
}

/**
 * `Promise.resolve(…)` (the global): true when it fulfils, given nothing or values that are no promise that
 * can reject (`Promise.resolve()`, `Promise.resolve(1)`); undefined when `call` is no such call.
 */
function promiseResolveFulfils(
  reader: BodyReader,
  call: TSESTree.CallExpression,
  within: FunctionNode | undefined,
): boolean | undefined {
  const callee = skipChainExpression(call.callee);
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.object.type !== AST_NODE_TYPES.Identifier ||
    !reader.isGlobalPromise(callee.object) ||
    getStaticPropertyName(callee) !== 'resolve'
  )
    return undefined;
  return call.arguments.every(
    (argument) => argument.type !== AST_NODE_TYPES.SpreadElement && isNonRejectingValue(reader, argument, within),
  );
}

/**
 * Does `call` fulfil for sure: `Promise.resolve()` of nothing or of values that cannot reject? The same
 * answer for an awaited or returned call of the linted file (pass its context) and of another file's tree
 * (pass a reader of that tree, and the function the call is written in).
 */
export function resolvesWithoutRejecting(
  source: AnyContext | BodyReader,
  call: TSESTree.CallExpression,
  within?: FunctionNode,
): boolean {
  return promiseResolveFulfils('sourceCode' in source ? bodyReaderOf(source) : source, call, within) === true;
}

/**
 * `new Promise((resolve) => setTimeout(resolve, ms))`: an executor that never takes `reject` settles
 * only by resolving, unless it throws synchronously, which rejects the promise: a `throw` of its own or
 * a call of a built-in that throws on bad input (`JSON.parse(s)`) outside a `try … catch`; or unless
 * it resolves with a promise, whose rejection the promise adopts: `resolve(readFile(x))`,
 * `resolve(Promise.reject(e))`. (Its plain calls are not counted, as for an async body's rejection
 * sources: their throws are bugs, not failures a caller guards against. A value of unknown origin,
 * `resolve(result)`, is taken for a plain value: callback wrappers resolve with what the callback got.)
 */
export function executorOnlyResolves(source: AnyContext | BodyReader, executor: TSESTree.Node | undefined): boolean {
  if (!executor || !isFunctionNode(executor) || executor.async || executor.generator) return false;
  if (executor.params.length >= 2 || executor.params.some((param) => param.type === AST_NODE_TYPES.RestElement))
    return false;
  const reader = 'sourceCode' in source ? bodyReaderOf(source) : source;
  const resolve = executor.params[0];
  const resolveName = resolve?.type === AST_NODE_TYPES.Identifier ? resolve.name : undefined;
  const throws = collect(reader, executor.body, (node) => {
    if (node.type === AST_NODE_TYPES.ThrowStatement) return !isInsideTryBlock(node, executor);
    if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return false;
    return reader.throwsOnBadInput(node) && !isInsideTryBlock(node, executor);
  });
  if (throws.length > 0 || resolveName === undefined) return throws.length === 0;
  // `resolve(x)` anywhere in the executor, in its callbacks too (`stream.on('end', () => resolve(load()))`).
  let adopts = false;
  walkAst(executor.body, reader.visitorKeys, (node) => {
    if (adopts) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return true;
    const callee = skipTypeWrappers(skipChainExpression(node.callee));
    const argument = node.arguments[0];
    adopts =
      callee.type === AST_NODE_TYPES.Identifier &&
      callee.name === resolveName &&
      argument !== undefined &&
      (argument.type === AST_NODE_TYPES.SpreadElement || isRejectCall(argument) || reader.isKnownPromise(argument));
    return true;
  });
  return !adopts;
}

/** Is `node` inside the block of a `try` that has a `catch`, within `fn`? (The `catch` may rethrow: that `throw` is a source of its own.) */
function isInsideTryBlock(node: TSESTree.Node, fn: FunctionNode): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child && parent.handler) return true;
  }
  return false;
}

/**
 * Is this value a promise? The rule's knowledge (origin, types), or, for the syntactic questions, no
 * knowledge at all (`unknown`). In the linted file it may also say whether an awaited (or returned)
 * value can reject, by scope: a guarded function of the file, a handled chain (see rejection-sources.ts).
 * Without it, only a handled chain is known not to.
 */
export type PromiseJudge = ((node: TSESTree.Node) => Tristate) & {
  readonly awaitedCanReject?: (value: TSESTree.Node) => boolean;
};

/** Can an awaited value of a chain's callback reject? The judge's word, else anything but a handled chain can. */
function awaitedMayReject(sourceCode: Walker, value: TSESTree.Node, isPromise: PromiseJudge): boolean {
  return isPromise.awaitedCanReject?.(value) ?? !isHandledPromiseChain(sourceCode, value, isPromise);
}

const noPromiseKnowledge: PromiseJudge = () => 'unknown';

/**
 * `p.catch(handler)`, `p.then(onFulfilled, onRejected)`, `p.catch(h).finally(f)`, with `await`/`void`
 * in front: a chain whose last rejection handler does not rethrow (nor returns a promise known to be
 * one), and whose callbacks after it (and `onFulfilled` beside it) have no rejection source.
 */
export function isHandledPromiseChain(
  sourceCode: Walker,
  input: TSESTree.Node,
  isPromise: PromiseJudge = noPromiseKnowledge,
): boolean {
  const handler = lastRejectionHandler(sourceCode, input, isPromise);
  return handler !== undefined && isNonThrowingHandler(sourceCode, handler, isPromise);
}

/** `receiver.then(callback)`: a call as the receiver, one function written here as the only argument. */
export function fulfilmentChain(
  call: TSESTree.CallExpression,
): { receiver: TSESTree.CallExpression; callback: FunctionNode } | undefined {
  const callee = skipTypeWrappers(skipChainExpression(call.callee));
  if (callee.type !== AST_NODE_TYPES.MemberExpression || getStaticPropertyName(callee) !== 'then') return undefined;
  const callback = call.arguments[0];
  if (call.arguments.length !== 1 || !isFunctionNode(callback) || callback.generator) return undefined;
  const receiver = skipTypeWrappers(skipChainExpression(callee.object));
  return receiver.type === AST_NODE_TYPES.CallExpression ? { receiver, callback } : undefined;
}

/**
 * A chain a statement may drop on purpose: a handled chain, or one whose last rejection handler handles
 * the errors it expects and rethrows the others on purpose (`.catch((error) => { if (error.code ===
 * 'ABORT_ERR') return; throw error; })`). The handler must be a function written here whose every way
 * to reject is a `throw` or a returned `Promise.reject` of its own (no `await` of something that can
 * reject, no returned value that may be a promise: those reject by accident), and that provably has a
 * way to end without rejecting: a reachable `return;` (or `return` of a value known to be no promise),
 * or an end of its body it can reach (see `canCompleteNormally`). When unsure (a `switch`, a loop, a
 * `try` in the way), it is not deliberate. What it rethrows surfaces as an unhandled rejection, as a
 * rethrow in a callback surfaces as an uncaught exception. The chain can still reject, so this is not
 * an answer for `cannotReject`; and a handler that rethrows on every path handles nothing.
 */
export function isDeliberatelyEndedChain(sourceCode: Walker, input: TSESTree.Node, isPromise: PromiseJudge): boolean {
  const handler = lastRejectionHandler(sourceCode, input, isPromise);
  if (handler === undefined) return false;
  if (isNonThrowingHandler(sourceCode, handler, isPromise)) return true;
  if (!isFunctionNode(handler) || handler.generator || handler.body.type !== AST_NODE_TYPES.BlockStatement)
    return false;
  const body = handler.body;
  const accidental = collect(sourceCode, body, (node) => {
    if (node.type === AST_NODE_TYPES.AwaitExpression) return awaitedMayReject(sourceCode, node.argument, isPromise);
    return (
      node.type === AST_NODE_TYPES.ReturnStatement &&
      node.argument !== null &&
      !isRejectCall(node.argument) &&
      returnedMayReject(sourceCode, node.argument, isPromise, 'unless-known-not')
    );
  });
  if (accidental.length > 0) return false;
  if (canCompleteNormally(body) === 'yes') return true;
  return collect(sourceCode, body, (node) => node.type === AST_NODE_TYPES.ReturnStatement).some(
    (node) =>
      isNonRejectingReturn(node as TSESTree.ReturnStatement, isPromise) &&
      isReachableIn(node as TSESTree.Statement, body),
  );
}

/** `return;`, or a `return` of a value known to be no promise. */
function isNonRejectingReturn(statement: TSESTree.ReturnStatement, isPromise: PromiseJudge): boolean {
  return statement.argument === null || isPromise(statement.argument) === 'no';
}

/**
 * Is `statement` reached on some path through `body` (with parent links)? Provably only: through blocks
 * whose earlier statements reach their ends, either branch of an `if`, a `case` of a `switch`, the block or
 * `finally` of a `try`, a label. Not inside a loop (which may never run its body) or a `catch`.
 */
function isReachableIn(statement: TSESTree.Statement, body: TSESTree.BlockStatement): boolean {
  let child: TSESTree.Node = statement;
  for (let parent = statement.parent; child !== body; child = parent, parent = parent.parent) {
    if (!parent) return false;
    switch (parent.type) {
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.SwitchCase: {
        const statements = parent.type === AST_NODE_TYPES.BlockStatement ? parent.body : parent.consequent;
        const index = statements.indexOf(child as TSESTree.Statement);
        if (index < 0 || statements.slice(0, index).some((before) => canCompleteNormally(before) !== 'yes'))
          return false;
        break;
      }
      case AST_NODE_TYPES.IfStatement:
        if (child === (parent.test as TSESTree.Node)) return false;
        break;
      case AST_NODE_TYPES.TryStatement:
        if (child !== parent.block && child !== parent.finalizer) return false;
        break;
      case AST_NODE_TYPES.SwitchStatement:
      case AST_NODE_TYPES.LabeledStatement:
        break;
      default:
        return false;
    }
  }
  return true;
}

/**
 * Does the chain have a rejection handler anywhere (`.catch(h)`, `.then(ok, h)`), whether or not it can
 * itself reject? Followed back through `then`, `catch` and `finally`.
 */
export function chainHasRejectionHandler(input: TSESTree.Node): boolean {
  let node = skipTypeWrappers(skipChainExpression(input));
  while (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTypeWrappers(skipChainExpression(node.callee));
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = getStaticPropertyName(callee);
    if (method === 'catch' || (method === 'then' && node.arguments.length >= 2)) return true;
    if (method !== 'then' && method !== 'finally') return false;
    node = skipTypeWrappers(skipChainExpression(callee.object));
  }
  return false;
}

/**
 * The last rejection handler of a chain (through `finally`, `await` and `void`), if it has one and nothing
 * after it (a `finally` callback) or beside it (the `onFulfilled` of `.then(onFulfilled, onRejected)`,
 * which that `onRejected` does not handle) can reject.
 */
function lastRejectionHandler(
  sourceCode: Walker,
  input: TSESTree.Node,
  isPromise: PromiseJudge,
): TSESTree.CallExpressionArgument | undefined {
  let node = skipTypeWrappers(skipChainExpression(input));
  while (
    node.type === AST_NODE_TYPES.AwaitExpression ||
    (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void')
  ) {
    node = skipTypeWrappers(skipChainExpression(node.argument));
  }
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = skipChainExpression(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = getStaticPropertyName(callee);
  if (method === 'catch') return node.arguments[0];
  if (method === 'then') {
    const [onFulfilled, onRejected] = node.arguments;
    if (onRejected === undefined || callbackCanReject(sourceCode, onFulfilled, isPromise)) return undefined;
    return onRejected;
  }
  // `finally` passes the settlement through (unless its callback rejects): the chain before it decides.
  if (method === 'finally') {
    if (callbackCanReject(sourceCode, node.arguments[0], isPromise)) return undefined;
    return lastRejectionHandler(sourceCode, callee.object, isPromise);
  }
  return undefined;
}

/**
 * Can a chain's callback written here reject: a `throw` of its own, an `await` of what is not a handled
 * chain, a returned promise (known to be one: the callback question leaves an unknown value out)? A
 * callback passed by name is not followed (its sync throws are a plain call's).
 */
function callbackCanReject(
  sourceCode: Walker,
  callback: TSESTree.CallExpressionArgument | undefined,
  isPromise: PromiseJudge,
): boolean {
  if (callback === undefined) return false;
  if (callback.type === AST_NODE_TYPES.SpreadElement) return true;
  if (!isFunctionNode(callback)) return false;
  if (callback.generator) return false;
  return hasRejectionSource(sourceCode, callback, {
    awaited: (value) => awaitedMayReject(sourceCode, value, isPromise),
    returned: (value) => returnedMayReject(sourceCode, value, isPromise, 'if-known'),
  });
}

/**
 * May a returned value be a promise that rejects? Not a handled chain, and a promise as far as `isPromise`
 * knows (`if-known`) or not known to be none (`unless-known-not`).
 */
function returnedMayReject(
  sourceCode: Walker,
  value: TSESTree.Node,
  isPromise: PromiseJudge,
  standard: 'if-known' | 'unless-known-not',
): boolean {
  if (isRejectCall(value)) return true;
  const answer = isPromise(value);
  if (standard === 'if-known' ? answer !== 'yes' : answer === 'no') return false;
  return awaitedMayReject(sourceCode, value, isPromise);
}

/**
 * A rejection handler that does not hand the error on: not `undefined`, no `throw`, no `Promise.reject`,
 * no returned promise known to be one.
 */
function isNonThrowingHandler(sourceCode: Walker, handler: TSESTree.Node, isPromise: PromiseJudge): boolean {
  if (handler.type === AST_NODE_TYPES.Identifier && handler.name === 'undefined') return false;
  if (handler.type === AST_NODE_TYPES.Literal && handler.value === null) return false;
  if (handler.type === AST_NODE_TYPES.SpreadElement) return false;
  if (!isFunctionNode(handler)) return true;
  if (handler.body.type !== AST_NODE_TYPES.BlockStatement)
    return !returnedMayReject(sourceCode, handler.body, isPromise, 'if-known');
  return (
    isNonThrowingBlock(sourceCode, handler.body, isPromise) &&
    collect(
      sourceCode,
      handler.body,
      (node) =>
        node.type === AST_NODE_TYPES.ReturnStatement &&
        node.argument !== null &&
        returnedMayReject(sourceCode, node.argument, isPromise, 'if-known'),
    ).length === 0
  );
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
function isNonThrowingBlock(
  sourceCode: Walker,
  block: TSESTree.BlockStatement,
  isPromise: PromiseJudge = noPromiseKnowledge,
): boolean {
  return riskyNodes(sourceCode, block, isPromise).length === 0;
}

/** Where a block can hand an error on: a `throw`, a returned `Promise.reject(…)`, an `await` of an unhandled promise. */
function riskyNodes(sourceCode: Walker, block: TSESTree.BlockStatement, isPromise: PromiseJudge): TSESTree.Node[] {
  return collect(sourceCode, block, (node) => {
    if (node.type === AST_NODE_TYPES.ThrowStatement) return true;
    if (node.type === AST_NODE_TYPES.ReturnStatement) return node.argument !== null && isRejectCall(node.argument);
    if (node.type === AST_NODE_TYPES.AwaitExpression) return awaitedMayReject(sourceCode, node.argument, isPromise);
    return false;
  });
}

/** A statement of an async function's body that cannot make its promise reject. */
function isGuardedStatement(sourceCode: BodyReader, statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.TryStatement:
      return isGuardedTry(sourceCode, statement);
    case AST_NODE_TYPES.EmptyStatement:
      return true;
    case AST_NODE_TYPES.FunctionDeclaration:
      // A hoisted declaration runs nothing where it stands.
      return true;
    case AST_NODE_TYPES.ExpressionStatement:
      return (
        isHandledPromiseChain(sourceCode, statement.expression) ||
        isInertUpdate(statement.expression) ||
        isListenerRegistration(statement.expression) ||
        isInvariantAssertion(sourceCode, statement.expression)
      );
    case AST_NODE_TYPES.ReturnStatement:
      return (
        statement.argument === null ||
        isHandledPromiseChain(sourceCode, statement.argument) ||
        isInertExpression(statement.argument)
      );
    case AST_NODE_TYPES.VariableDeclaration:
      return statement.declarations.every(
        (declarator) =>
          declarator.init === null ||
          isInertExpression(declarator.init) ||
          (declarator.init.type === AST_NODE_TYPES.NewExpression && isInertConstruction(sourceCode, declarator.init)),
      );
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.every((inner) => isGuardedStatement(sourceCode, inner));
    case AST_NODE_TYPES.IfStatement:
      return (
        isInertExpression(statement.test) &&
        isGuardedStatement(sourceCode, statement.consequent) &&
        (statement.alternate === null || isGuardedStatement(sourceCode, statement.alternate))
      );
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      // `for (;;) { try { … } catch { … } }`: a retry loop around a guarded body.
      return (
        (statement.test === null || isInertExpression(statement.test)) && isGuardedStatement(sourceCode, statement.body)
      );
    default:
      return false;
  }
}

/** `try { … } catch { … }` whose handler and finalizer do not rethrow, and whose `try` returns no un-awaited promise. */
function isGuardedTry(sourceCode: BodyReader, statement: TSESTree.TryStatement): boolean {
  if (!statement.handler) return false;
  if (!isNonThrowingBlock(sourceCode, statement.handler.body)) return false;
  if (statement.finalizer && !isNonThrowingBlock(sourceCode, statement.finalizer)) return false;
  // `return load()` inside `try` hands the promise out before the `catch` can see its rejection.
  const unguardedReturns = collect(
    sourceCode,
    statement.block,
    (node) =>
      node.type === AST_NODE_TYPES.ReturnStatement &&
      node.argument !== null &&
      !isHandledPromiseChain(sourceCode, node.argument) &&
      !isInertExpression(node.argument) &&
      skipTypeWrappers(node.argument).type !== AST_NODE_TYPES.AwaitExpression,
  );
  return unguardedReturns.length === 0;
}

/**
 * `assert(size >= 0)`: a failed invariant is a bug in the function itself, not a failure its callers
 * guard against, so it is not counted as a way for the promise to reject.
 */
function isInvariantAssertion(reader: BodyReader, node: TSESTree.Expression): boolean {
  const value = skipChainExpression(node);
  return (
    value.type === AST_NODE_TYPES.CallExpression &&
    value.arguments.every((argument) => argument.type !== AST_NODE_TYPES.SpreadElement) &&
    reader.isInvariantAssertion(value)
  );
}

/**
 * `new Writer({ socket, request })` of a class of this tree that only stores what it is given: no
 * superclass, plain field values, a constructor of assignments whose parameters are names or an
 * object pattern matched by an object literal. Such a construction cannot throw.
 */
function isInertConstruction(reader: BodyReader, node: TSESTree.NewExpression): boolean {
  if (!node.arguments.every((argument) => isInertExpression(argument))) return false;
  const classNode = reader.constructedClass(node);
  if (!classNode || classNode.superClass) return false;
  for (const member of classNode.body.body) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition) {
      if (!member.static && member.value !== null && !isInertExpression(member.value)) return false;
      continue;
    }
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== 'constructor') continue;
    const constructor = member.value;
    const paramsTakeArguments = constructor.params.every(
      (param, index) =>
        param.type === AST_NODE_TYPES.Identifier ||
        (param.type === AST_NODE_TYPES.ObjectPattern &&
          node.arguments[index]?.type === AST_NODE_TYPES.ObjectExpression &&
          param.properties.every(
            (property) =>
              property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier,
          )),
    );
    const onlyAssigns = constructor.body?.body.every(
      (statement) => statement.type === AST_NODE_TYPES.ExpressionStatement && isInertUpdate(statement.expression),
    );
    if (!paramsTakeArguments || !onlyAssigns) return false;
  }
  return true;
}

/**
 * `socket.on('close', onDrain).on('drain', onDrain)`: registering a listener is bookkeeping, like an
 * assignment (its arguments are plain values, its receiver a name or another registration).
 */
function isListenerRegistration(node: TSESTree.Node): boolean {
  const value = skipChainExpression(node);
  if (value.type !== AST_NODE_TYPES.CallExpression || value.arguments.length < 2) return false;
  const callee = skipChainExpression(value.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getStaticPropertyName(callee);
  if (method === undefined || !LISTENER_METHODS.has(method)) return false;
  if (!value.arguments.every((argument) => isInertExpression(argument))) return false;
  return isInertExpression(callee.object) || isListenerRegistration(callee.object);
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

/** A place in an async function's body that can make its promise reject with nothing in the function to catch it. */
export interface RejectionSource {
  /** The `throw` statement, the `await` expression, the `for await` loop or the returned value. */
  readonly node: TSESTree.Node;
  readonly kind: 'throw' | 'await' | 'for-await' | 'return';
}

/** Which awaited and returned values can reject: the caller's knowledge of calls (this file with scope, or another file's tree). */
export interface RejectionJudge {
  awaited(value: TSESTree.Expression): boolean;
  returned(value: TSESTree.Expression): boolean;
  /** Does this call, outside a `try`, throw on purpose (a helper of the file with a `throw` of its own, `JSON.parse`)? */
  throws?(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean;
}

/**
 * The rejection sources of the async function `fn`, in source order: a `throw`, an `await` the judge says
 * can reject and a `for await` outside the block of a `try` that has a `catch` (a `catch` that rethrows
 * is a source of its own), and a returned value the judge says can reject, inside a `try` or not (it
 * leaves before the `catch` can see it). Plain calls are not sources: a synchronous throw would throw
 * just the same without `async`. Reads no parent links, so trees of other files are read alike.
 */
export function collectRejectionSources(walker: Walker, fn: FunctionNode, judge: RejectionJudge): RejectionSource[] {
  return findSources(walker, fn, judge, false);
}

/** Has the async function `fn` a rejection source (see `collectRejectionSources`)? Stops at the first one. */
export function hasRejectionSource(walker: Walker, fn: FunctionNode, judge: RejectionJudge): boolean {
  return findSources(walker, fn, judge, true).length > 0;
}

function findSources(walker: Walker, fn: FunctionNode, judge: RejectionJudge, first: boolean): RejectionSource[] {
  const sources: RejectionSource[] = [];
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    if (judge.returned(fn.body)) sources.push({ node: fn.body, kind: 'return' });
  }
  const visit = (root: TSESTree.Node, guarded: boolean): void =>
    walkAst(root, walker.visitorKeys, (node) => {
      if (first && sources.length > 0) return false;
      switch (node.type) {
        case AST_NODE_TYPES.ThrowStatement:
          if (!guarded) sources.push({ node, kind: 'throw' });
          return true;
        case AST_NODE_TYPES.AwaitExpression:
          if (!guarded && judge.awaited(node.argument)) sources.push({ node, kind: 'await' });
          return true;
        case AST_NODE_TYPES.ForOfStatement:
          if (node.await && !guarded) sources.push({ node, kind: 'for-await' });
          return true;
        case AST_NODE_TYPES.CallExpression:
        case AST_NODE_TYPES.NewExpression:
          if (!guarded && judge.throws?.(node)) sources.push({ node, kind: 'throw' });
          return true;
        case AST_NODE_TYPES.ReturnStatement:
          if (node.argument && judge.returned(node.argument)) sources.push({ node: node.argument, kind: 'return' });
          return true;
        case AST_NODE_TYPES.TryStatement:
          visit(node.block, guarded || node.handler !== null);
          if (node.handler) visit(node.handler, guarded);
          if (node.finalizer) visit(node.finalizer, guarded);
          return false;
        default:
          return !isFunctionNode(node);
      }
    });
  visit(fn.body, false);
  return sources;
}

/**
 * Does the plain (not async) function `fn` throw on purpose: a `throw` of its own outside a `try … catch`
 * (`function check(ok) { if (!ok) throw new Error('bad'); }`)? A call of it throws, where a call of an
 * unknown function is only assumed not to.
 */
export function throwsOnPurpose(walker: Walker, fn: FunctionNode): boolean {
  if (fn.async || fn.generator) return false;
  let answer = throwsAnswers.get(fn);
  if (answer === undefined) {
    const never = (): boolean => false;
    answer = hasRejectionSource(walker, fn, { awaited: never, returned: never });
    throwsAnswers.set(fn, answer);
  }
  return answer;
}

/** `throwsOnPurpose` by function: a helper is called from many places. */
const throwsAnswers = new WeakMap<FunctionNode, boolean>();

/** Nodes under `root` (not inside nested functions) that match `test`. */
function collect(sourceCode: Walker, root: TSESTree.Node, test: (node: TSESTree.Node) => boolean): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  walkAst(root, sourceCode.visitorKeys, (node) => {
    if (node !== root && isFunctionNode(node)) return false;
    if (test(node)) found.push(node);
    return true;
  });
  return found;
}
