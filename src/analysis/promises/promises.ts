/**
 * "Is this expression a promise?", answered yes / no / unknown. With type information the checker
 * decides (thenable types, unions containing one), but only for nodes that a cheap syntactic test
 * left open; without it, from what the file itself shows: async functions and methods followed
 * through variables, object literals, classes and `this.`, functions whose every return is a
 * promise, `new Promise`, `Promise.*`, `.then` chains, `import()`, `promisify` results, and the
 * catalogue of promise-returning APIs by origin.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type * as ts from 'typescript';

import {
  type FunctionNode,
  getStaticPropertyName,
  isFunctionNode,
  skipChainExpression,
  skipTypeWrappers,
} from '../ast.js';
import {
  BODY_METHODS,
  FETCH_APIS,
  NON_PROMISE_LIBRARIES,
  PROMISE_CALLBACK_METHODS,
  PROMISE_CONSTRUCTOR,
  PROMISE_OR_CALLBACK_APIS,
  PROMISE_RETURNING_APIS,
  PROMISIFY_APIS,
} from '../catalog/promise-apis.js';
import { getDeclaredTypes } from '../origin/declared-types.js';
import {
  constantInit,
  functionReturnsPromise as sharedFunctionReturnsPromise,
  resolveFunction,
} from '../origin/function-resolution.js';
import { findValueRoot, trackModuleReferences } from '../origin/modules.js';
import type { DeclaredKind } from '../origin/type-annotations.js';
import { getProjectKnowledge } from '../project/project.js';
import { type AnyContext, getStaticValueAt } from '../scope.js';
import {
  getTypeFlags,
  getTypeInfo,
  isAnyOrUnknownType,
  isThenableType,
  isTypeScriptFile,
  typeAtLocation,
  type TypeInfo,
  unionParts,
} from '../type-info.js';
import { calledFunctionReturnsPromise, isDeclaredInJavaScript, resolveCalledFunction } from './called-function.js';
import { isNeverRejectingMethodCall } from './never-rejecting.js';
import { promiseOrCallbackResult } from './promise-or-callback.js';

export type Tristate = 'yes' | 'no' | 'unknown';

export interface PromiseKnowledge {
  /** Whether the file is linted with type information. */
  readonly typed: boolean;
  /** Is the value of `node` a promise (or a union containing one)? */
  isPromise(node: TSESTree.Node): Tristate;
  /** Is `node` an array of promises (`ids.map(async (id) => …)`)? */
  isPromiseArray(node: TSESTree.Node): Tristate;
  /** Can the value of `node` also be null or undefined (`cached ?? undefined`, `Promise<T> | undefined`)? */
  mayBeNullish(node: TSESTree.Node): boolean;
  /** Does calling `fn` return a promise? */
  functionReturnsPromise(fn: FunctionNode): Tristate;
  /**
   * Has the value of `node` a `catch` method to call? False only when types show a thenable without
   * one (a query builder that implements `PromiseLike`): a `.catch(…)` fix would not compile there.
   */
  hasCatchMethod(node: TSESTree.Node): boolean;
}

const cache = new WeakMap<TSESTree.Program, PromiseKnowledge>();

/** Promise knowledge for the file of `context`, built once per file. */
export function getPromiseKnowledge(context: AnyContext): PromiseKnowledge {
  const program = context.sourceCode.ast;
  let knowledge = cache.get(program);
  if (!knowledge) {
    knowledge = createPromiseKnowledge(context, getTypeInfo(context));
    cache.set(program, knowledge);
  }
  return knowledge;
}

function createPromiseKnowledge(context: AnyContext, typeInfo: TypeInfo | undefined): PromiseKnowledge {
  const expressionCache = new WeakMap<TSESTree.Node, Tristate>();
  const returnsCache = new WeakMap<FunctionNode, Tristate>();
  const inProgress = new WeakSet<TSESTree.Node>();

  const promiseApis = () => trackModuleReferences(context, PROMISE_RETURNING_APIS);
  const promiseOrCallbackApis = () => trackModuleReferences(context, PROMISE_OR_CALLBACK_APIS);
  const promisifyApis = () => trackModuleReferences(context, PROMISIFY_APIS);
  const fetchApis = () => trackModuleReferences(context, FETCH_APIS);
  const promiseConstructor = () => trackModuleReferences(context, PROMISE_CONSTRUCTOR);

  function functionReturnsPromise(fn: FunctionNode): Tristate {
    const cached = returnsCache.get(fn);
    if (cached) return cached;
    if (inProgress.has(fn)) return 'unknown';
    inProgress.add(fn);
    const result = sharedFunctionReturnsPromise(fn, syntacticIsPromise);
    inProgress.delete(fn);
    returnsCache.set(fn, result);
    return result;
  }

  /** Shapes whose value can never be a promise, decided without the checker. */
  function isNeverPromiseShape(node: TSESTree.Node): boolean {
    switch (node.type) {
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.UnaryExpression:
      case AST_NODE_TYPES.UpdateExpression:
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ClassExpression:
      case AST_NODE_TYPES.JSXElement:
      case AST_NODE_TYPES.JSXFragment:
      case AST_NODE_TYPES.YieldExpression:
        return true;
      default:
        return false;
    }
  }

  function isFetchResponse(node: TSESTree.Node): boolean {
    const value = skipTypeWrappers(node);
    if (value.type === AST_NODE_TYPES.AwaitExpression) {
      const awaited = skipTypeWrappers(value.argument);
      return awaited.type === AST_NODE_TYPES.CallExpression && fetchApis().has(awaited);
    }
    if (value.type === AST_NODE_TYPES.Identifier) {
      const init = constantInit(context, value);
      return (
        init !== undefined &&
        !isFunctionNode(init) &&
        init.type !== AST_NODE_TYPES.ClassDeclaration &&
        isFetchResponse(init)
      );
    }
    return false;
  }

  function isPromisified(callee: TSESTree.Node): boolean {
    const value = skipTypeWrappers(callee);
    if (value.type === AST_NODE_TYPES.CallExpression) return promisifyApis().has(value);
    if (value.type === AST_NODE_TYPES.Identifier) {
      const init = constantInit(context, value);
      return init?.type === AST_NODE_TYPES.CallExpression && promisifyApis().has(init);
    }
    return false;
  }

  function syntacticIsPromise(input: TSESTree.Node): Tristate {
    const node = skipTypeWrappers(skipChainExpression(input));
    if (isNeverPromiseShape(node)) return 'no';
    switch (node.type) {
      case AST_NODE_TYPES.ImportExpression:
        return 'yes';
      case AST_NODE_TYPES.NewExpression:
        if (promiseConstructor().has(node)) return 'yes';
        return resolvesToLocalClass(node.callee) ? 'no' : 'unknown';
      case AST_NODE_TYPES.CallExpression:
        return callIsPromise(node);
      case AST_NODE_TYPES.Identifier: {
        if (node.name === 'undefined') return 'no';
        if (inProgress.has(node)) return 'unknown';
        const init = constantInit(context, node);
        if (init && (isFunctionNode(init) || init.type === AST_NODE_TYPES.ClassDeclaration)) return 'no';
        inProgress.add(node);
        const answer = init ? syntacticIsPromise(init) : 'unknown';
        inProgress.delete(node);
        // Untyped, its own annotation may still tell (`pending: Promise<void>`).
        return answer === 'unknown' && !typeInfo ? fromDeclaredKind(getDeclaredTypes(context).valueKind(node)) : answer;
      }
      case AST_NODE_TYPES.ConditionalExpression:
        return either(syntacticIsPromise(node.consequent), syntacticIsPromise(node.alternate));
      case AST_NODE_TYPES.LogicalExpression:
        return either(syntacticIsPromise(node.left), syntacticIsPromise(node.right));
      case AST_NODE_TYPES.SequenceExpression:
        return syntacticIsPromise(node.expressions[node.expressions.length - 1]!);
      case AST_NODE_TYPES.AssignmentExpression:
        return node.operator === '=' ? syntacticIsPromise(node.right) : 'unknown';
      case AST_NODE_TYPES.ObjectExpression:
        return 'no';
      default:
        return 'unknown';
    }
  }

  function resolvesToLocalClass(callee: TSESTree.Node): boolean {
    if (callee.type !== AST_NODE_TYPES.Identifier) return false;
    const init = constantInit(context, callee);
    return init?.type === AST_NODE_TYPES.ClassDeclaration || init?.type === AST_NODE_TYPES.ClassExpression;
  }

  function callIsPromise(call: TSESTree.CallExpression): Tristate {
    // A method whose promise never rejects is a promise all the same: `worker.terminate()` of `node:worker_threads`.
    if (promiseApis().has(call) || isNeverRejectingMethodCall(context, call)) return 'yes';
    const orCallback = promiseOrCallbackApis().get(call);
    if (orCallback)
      return promiseOrCallbackResult(call, orCallback.row.leadingArguments, (name) => constantInit(context, name));
    const callee = skipTypeWrappers(skipChainExpression(call.callee));
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = getStaticPropertyName(callee);
      if (method !== undefined && PROMISE_CALLBACK_METHODS.has(method)) {
        const receiver = syntacticIsPromise(callee.object);
        if (receiver === 'yes') return 'yes';
        // zod's `schema.catch(fallback)` is no promise chain: its schemas have a `catch` of their own.
        if (receiver === 'unknown' && isNonPromiseLibraryValue(callee.object)) return 'no';
        // An unknown receiver chained with a callback is a promise chain in all but contrived code.
        if (
          receiver === 'unknown' &&
          call.arguments.length >= 1 &&
          call.arguments.length <= 2 &&
          call.arguments.every(canBeHandler)
        ) {
          const fn = resolveFunction(context, callee);
          return fn ? functionReturnsPromise(fn) : 'yes';
        }
      }
      if (method !== undefined && BODY_METHODS.has(method) && isFetchResponse(callee.object)) return 'yes';
    }
    if (isPromisified(callee)) return 'yes';
    const fn = resolveFunction(context, callee);
    if (fn) return functionReturnsPromise(fn);
    // Not a function of this file: a function of another project file, from its export summary.
    const imported = getProjectKnowledge(context).resolveImportedFunction(callee)?.returnsPromise ?? 'unknown';
    if (imported !== 'unknown' || typeInfo) return imported;
    // Untyped, a TypeScript file still declares types: `repo.save(x)` with `repo: Repo`.
    return fromDeclaredKind(getDeclaredTypes(context).callKind(callee));
  }

  /**
   * Can `argument` be a promise handler? A function, or a name or member that may hold one; not a
   * literal, and not a name or member known before the code runs to hold a value other than a function
   * (`const fallback = 5`). `undefined` stays possible: `then(undefined, onError)` skips a handler.
   */
  function canBeHandler(argument: TSESTree.Node): boolean {
    if (isFunctionNode(argument)) return true;
    if (argument.type !== AST_NODE_TYPES.Identifier && argument.type !== AST_NODE_TYPES.MemberExpression) return false;
    const known = getStaticValueAt(context.sourceCode, argument);
    return known === null || known.value === undefined || typeof known.value === 'function';
  }

  /** A value built from a library whose `catch`/`then` are not a promise's, by no promise method of it. */
  function isNonPromiseLibraryValue(node: TSESTree.Node): boolean {
    const root = findValueRoot(context, node, NON_PROMISE_LIBRARIES);
    return root !== undefined && !root.calls.some((name) => root.reference.row.promiseMethods.has(name));
  }

  function typedIsPromise(node: TSESTree.Node, info: TypeInfo): Tristate {
    const tsNode = info.services.esTreeNodeToTSNodeMap.get(node);
    const type = typeAtLocation(info.checker, tsNode);
    if (isAnyOrUnknownType(info.checker, type)) return 'unknown';
    if (!isThenableType(info.checker, tsNode, type)) return 'no';
    return returnsOwnLazyReceiver(node, type, info) ? 'no' : 'yes';
  }

  /**
   * A chainable builder call that hands back its own receiver (`this.sort(x)` inside a query
   * builder, `query.where(…)`): every thenable part of its type is the receiver's own class, and
   * that class's `then` is not a native promise's. Such thenables (query builders) start nothing
   * until awaited, and the receiver still holds the value: dropping the returned reference drops no
   * work. A native promise or a subclass of one (`p.finally(f)`) is never excused.
   */
  function returnsOwnLazyReceiver(node: TSESTree.Node, type: ts.Type, info: TypeInfo): boolean {
    if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression)
      return false;
    const program = info.services.program;
    const receiverNode = info.services.esTreeNodeToTSNodeMap.get(borrowedReceiver(node, info) ?? node.callee.object);
    const receiver = typeAtLocation(info.checker, receiverNode);
    const own = receiver.getSymbol() ?? info.checker.getApparentType(receiver).getSymbol();
    if (!own) return false;
    const isNativePromise = (part: ts.Type): boolean =>
      ['Promise', 'PromiseLike'].includes(part.getSymbol()?.getName() ?? '') ||
      (part
        .getProperty('then')
        ?.declarations?.some((declaration) => program.isSourceFileDefaultLibrary(declaration.getSourceFile())) ??
        false);
    return unionParts(type)
      .filter((part) => isThenableType(info.checker, receiverNode, part))
      .every(
        (part) =>
          (part.getSymbol() ?? info.checker.getApparentType(part).getSymbol()) === own && !isNativePromise(part),
      );
  }

  /**
   * `this.append.apply(this, args)`, `query.where.call(query, f)`: the method runs on the first argument,
   * so that is the receiver a chainable method hands back (Function.prototype's `call`/`apply` only).
   */
  function borrowedReceiver(node: TSESTree.CallExpression, info: TypeInfo): TSESTree.Node | undefined {
    const callee = node.callee as TSESTree.MemberExpression;
    const method = getStaticPropertyName(callee);
    if ((method !== 'call' && method !== 'apply') || callee.object.type !== AST_NODE_TYPES.MemberExpression)
      return undefined;
    const thisArgument = node.arguments[0];
    if (!thisArgument || thisArgument.type === AST_NODE_TYPES.SpreadElement) return undefined;
    const symbol = info.checker.getSymbolAtLocation(info.services.esTreeNodeToTSNodeMap.get(callee.property));
    const program = info.services.program;
    const isFunctionMethod =
      symbol?.declarations?.some((declaration) => program.isSourceFileDefaultLibrary(declaration.getSourceFile())) ??
      false;
    return isFunctionMethod ? thisArgument : undefined;
  }

  function hasCatchMethod(node: TSESTree.Node): boolean {
    if (!typeInfo) return true;
    const tsNode = typeInfo.services.esTreeNodeToTSNodeMap.get(skipChainExpression(node));
    const type = typeAtLocation(typeInfo.checker, tsNode);
    if (isAnyOrUnknownType(typeInfo.checker, type)) return true;
    return unionParts(type)
      .filter((part) => isThenableType(typeInfo.checker, tsNode, part))
      .every((part) => part.getProperty('catch') !== undefined);
  }

  function isPromise(input: TSESTree.Node): Tristate {
    const cached = expressionCache.get(input);
    if (cached) return cached;
    const node = skipChainExpression(input);
    let answer: Tristate;
    if (isNeverPromiseShape(skipTypeWrappers(node))) answer = 'no';
    // A name its declaration settles (`name: string`, `const count = 0`) costs no checker call.
    else if (typeInfo && node.type === AST_NODE_TYPES.Identifier && isDeclaredNeverPromise(node)) answer = 'no';
    else if (typeInfo) {
      const typed = typedIsPromise(node, typeInfo);
      if (typed === 'unknown') answer = syntacticIsPromise(node);
      else if (typed === 'yes') answer = bodyDeniesDeclaredPromise(node) ? 'no' : 'yes';
      else answer = bodyOverrulesDeclaredNonPromise(node) ? 'yes' : 'no';
    } else answer = syntacticIsPromise(node);
    expressionCache.set(input, answer);
    return answer;
  }

  /**
   * A name declared with a type that is never thenable (`string`, `number[]`, a function type), or a
   * constant whose value is a literal, a template, arithmetic, an array, a function, a class or an awaited
   * value: what the checker would answer, read from the declaration.
   */
  function isDeclaredNeverPromise(identifier: TSESTree.Identifier): boolean {
    if (getDeclaredTypes(context).valueKind(identifier) === 'other') return true;
    const init = constantInit(context, identifier);
    return (
      init !== undefined &&
      (isFunctionNode(init) || init.type === AST_NODE_TYPES.ClassDeclaration || isNeverPromiseShape(init))
    );
  }

  /**
   * A call of a JavaScript function whose JSDoc says `@returns {Promise<…>}` but whose body returns
   * no promise (a synchronous check that throws): in a JS file the body is what runs, so it wins.
   */
  function bodyDeniesDeclaredPromise(node: TSESTree.Node): boolean {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const called = resolveCalledFunction(context, node, { javaScriptOnly: true });
    return (
      called !== undefined &&
      isDeclaredInJavaScript(context, called) &&
      calledFunctionReturnsPromise(context, called) === 'no'
    );
  }

  /**
   * The other way round, in a JavaScript file: a call of a JavaScript function whose JSDoc says
   * `@returns {boolean}` (or `{undefined}`) but which is `async`, or whose body returns a promise. The
   * checker takes JSDoc at its word where `checkJs` is off; the body is what runs. Files the compiler
   * checks (TypeScript, or JavaScript with `checkJs`) are left to the checker: there an async function
   * declared to return anything but a promise does not compile. That also keeps the cost to unchecked files.
   */
  function bodyOverrulesDeclaredNonPromise(node: TSESTree.Node): boolean {
    if (node.type !== AST_NODE_TYPES.CallExpression || typeInfo?.compilerChecksFile !== false) return false;
    // Followed without the checker (this file, then another file's summary): asking it for the signature of every
    // call it types as no promise cost a third more rule time on undici.
    const fn = resolveFunction(context, node.callee);
    if (fn) return functionReturnsPromise(fn) === 'yes';
    const imported = getProjectKnowledge(context).resolveImportedFunction(node.callee);
    return imported !== undefined && !isTypeScriptFile(imported.file) && imported.returnsPromise === 'yes';
  }

  function isPromiseArray(input: TSESTree.Node): Tristate {
    const node = skipTypeWrappers(skipChainExpression(input));
    if (typeInfo && node.type !== AST_NODE_TYPES.Literal) {
      const tsNode = typeInfo.services.esTreeNodeToTSNodeMap.get(node);
      // `Promise<T>[] | undefined` is still an array of promises where it is one.
      const type = typeInfo.checker.getNonNullableType(typeAtLocation(typeInfo.checker, tsNode));
      if (!isAnyOrUnknownType(typeInfo.checker, type)) {
        if (!typeInfo.checker.isArrayType(type) && !typeInfo.checker.isTupleType(type)) return 'no';
        const elements = typeInfo.checker.getTypeArguments(type as ts.TypeReference);
        return elements.some((element) => isThenableType(typeInfo.checker, tsNode, element)) ? 'yes' : 'no';
      }
    }
    if (node.type === AST_NODE_TYPES.ArrayExpression) {
      return node.elements.some(
        (element) => element && element.type !== AST_NODE_TYPES.SpreadElement && isPromise(element) === 'yes',
      )
        ? 'yes'
        : 'unknown';
    }
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipChainExpression(node.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && getStaticPropertyName(callee) === 'map') {
        const mapper = node.arguments[0];
        if (mapper && isFunctionNode(mapper)) return functionReturnsPromise(mapper);
        if (mapper) {
          const fn = resolveFunction(context, mapper);
          if (fn) return functionReturnsPromise(fn);
        }
      }
    }
    return 'unknown';
  }

  function mayBeNullish(input: TSESTree.Node): boolean {
    const node = skipTypeWrappers(skipChainExpression(input));
    if (typeInfo) {
      const type = typeInfo.typeOf(node);
      const flags = getTypeFlags(typeInfo.checker);
      return unionParts(type).some((part) => (part.flags & (flags.Undefined | flags.Null | flags.Void)) !== 0);
    }
    return syntacticMayBeNullish(node);
  }

  function syntacticMayBeNullish(node: TSESTree.Node): boolean {
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
        return node.value === null;
      case AST_NODE_TYPES.Identifier: {
        if (node.name === 'undefined') return true;
        const init = constantInit(context, node);
        return (
          init !== undefined &&
          !isFunctionNode(init) &&
          init.type !== AST_NODE_TYPES.ClassDeclaration &&
          syntacticMayBeNullish(init)
        );
      }
      case AST_NODE_TYPES.ConditionalExpression:
        return syntacticMayBeNullish(node.consequent) || syntacticMayBeNullish(node.alternate);
      case AST_NODE_TYPES.LogicalExpression:
        return node.operator !== '??' ? true : syntacticMayBeNullish(node.right);
      case AST_NODE_TYPES.UnaryExpression:
        return node.operator === 'void';
      case AST_NODE_TYPES.MemberExpression:
        // A field or property may hold a promise only while work is pending.
        return true;
      default:
        return false;
    }
  }

  return {
    typed: typeInfo !== undefined,
    isPromise,
    isPromiseArray,
    mayBeNullish,
    functionReturnsPromise,
    hasCatchMethod,
  };
}

/** A declared type's answer to "is this a promise?". */
function fromDeclaredKind(kind: DeclaredKind): Tristate {
  return kind === 'promise' ? 'yes' : kind === 'other' ? 'no' : 'unknown';
}

function either(a: Tristate, b: Tristate): Tristate {
  if (a === 'yes' || b === 'yes') return 'yes';
  if (a === 'no' && b === 'no') return 'no';
  return 'unknown';
}
