/**
 * "Which function of this file does this callee run?" Followed through never-reassigned bindings
 * (`const load = async () => …`, `function load() {}`), object literals (`repo.load`), classes
 * (`Repo.make`, `new Repo().save`, a `const` holding `new Repo()`), and `this.` inside a class or an
 * object literal's methods (`this.#load()`, static members from static code; `this[kLoad]()` for a
 * class member written `[kLoad]` with the same never-reassigned binding). Syntactic: never
 * into other files, never through fields, parameters or reassigned variables. Also what a function
 * returns (`functionReturnsPromise`), for this file's functions and for other files' summaries alike.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

import {
  type ClassNode,
  type FunctionNode,
  getStaticPropertyName,
  getThisClass,
  isFunctionNode,
  keyName,
  skipChainExpression,
  skipTypeWrappers,
  walkAst,
} from '../ast.js';
import type { Tristate } from '../promises/promises.js';
import {
  type AnyContext,
  DefinitionType,
  findVariableAt,
  isWrittenOnlyByInit,
  type ScopeVariable,
  type SourceCode,
} from '../scope.js';

/** The only value of an identifier's binding, when the binding is written once (by its declaration). */
export function constantInit(
  context: AnyContext,
  identifier: TSESTree.Identifier,
): TSESTree.Expression | FunctionNode | TSESTree.ClassDeclaration | undefined {
  const variable = findVariableAt(context.sourceCode, identifier, identifier);
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  // A declaration assigned again later (`function load() {}` … `load = other`) is not known to be that function.
  const declared = (): boolean => variable.references.every((reference) => !reference.isWrite());
  if (def.type === DefinitionType.FunctionName && isFunctionNode(def.node)) return declared() ? def.node : undefined;
  if (def.type === DefinitionType.ClassName && def.node.type === AST_NODE_TYPES.ClassDeclaration)
    return declared() ? def.node : undefined;
  if (def.type !== DefinitionType.Variable || def.node.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
  const declarator = def.node;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
  return isWrittenOnlyByInit(variable) ? declarator.init : undefined;
}

/** The method (or function-valued field) `name` of a class, static or not; `#name` for a private one. */
export function classMember(classNode: ClassNode, name: string, isStatic: boolean): FunctionNode | undefined {
  for (const member of classNode.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) continue;
    if (member.static !== isStatic || member.computed) continue;
    if (keyName(member.key) !== name) continue;
    if (member.type === AST_NODE_TYPES.MethodDefinition) {
      return member.kind === 'method' && isFunctionNode(member.value) ? member.value : undefined;
    }
    return member.value && isFunctionNode(member.value) ? member.value : undefined;
  }
  return undefined;
}

/**
 * The binding a computed key names (`kDrain` in `this[kDrain]()`, `[kDrain]() {}`), when it always holds the
 * same value (written once by its declaration, or imported): every use of it is then the same key, a symbol
 * or a string alike.
 */
function keyVariable(context: AnyContext, key: TSESTree.Node): ScopeVariable | undefined {
  if (key.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = findVariableAt(context.sourceCode, key, key);
  if (!variable || variable.defs.length !== 1) return undefined;
  return variable.defs[0]!.type === DefinitionType.ImportBinding || isWrittenOnlyByInit(variable)
    ? variable
    : undefined;
}

/** The method (or function-valued field) of a class written with the computed key `[key]`. */
function classMemberByKey(
  context: AnyContext,
  classNode: ClassNode,
  key: ScopeVariable,
  isStatic: boolean,
): FunctionNode | undefined {
  for (const member of classNode.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) continue;
    if (member.static !== isStatic || !member.computed || keyVariable(context, member.key) !== key) continue;
    if (member.type === AST_NODE_TYPES.MethodDefinition) {
      return member.kind === 'method' && isFunctionNode(member.value) ? member.value : undefined;
    }
    return member.value && isFunctionNode(member.value) ? member.value : undefined;
  }
  return undefined;
}

/** The name a value property of an object literal is read by (`load: …`, `'load': …`, `load() {}`); not computed keys, getters or setters. */
export function objectPropertyName(property: TSESTree.ObjectLiteralElement): string | undefined {
  if (property.type !== AST_NODE_TYPES.Property || property.computed || property.kind !== 'init') return undefined;
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : undefined;
}

/** The function-valued property `name` of an object literal (`{ load() {} }`, `{ load: async () => … }`). */
export function objectMember(object: TSESTree.ObjectExpression, name: string): FunctionNode | undefined {
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || objectPropertyName(property) !== name) continue;
    if (isFunctionNode(property.value)) return property.value;
  }
  return undefined;
}

/**
 * Does calling `fn` return a promise, given what each returned expression is? Async functions do
 * (async generators return an iterator), generators do not, a function with no `return` value does
 * not; otherwise every returned value must agree. A promise beside nothing (`return;`, or an end of the
 * body the function can reach) is a promise: the checker's `Promise<T> | undefined`, which a caller that
 * drops the call drops whenever there is one (`if (!queue.length) return; return flush()`). A promise
 * beside another value (`return false`) is unknown. The one answer for a function of the linted file and
 * for a function of another file's summary, which differ only in `returned`.
 */
export function functionReturnsPromise(fn: FunctionNode, returned: (value: TSESTree.Node) => Tristate): Tristate {
  if (fn.generator) return 'no';
  if (fn.async) return 'yes';
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return returned(fn.body);
  let answer: Tristate | undefined;
  for (const statement of returnStatementsOf(fn.body)) {
    // `return;` returns nothing: it neither adds a promise nor contradicts one.
    if (!statement.argument) continue;
    const value = returned(statement.argument);
    if (answer !== undefined && answer !== value) return 'unknown';
    answer = value;
  }
  return answer ?? 'no';
}

/**
 * The values `fn` returns: the body of an arrow with an expression body, or the argument of each `return`
 * that has one. A plain function's promise, if it returns one, rejects only as such a value does: a throw
 * in its body throws at the call, before there is a promise.
 */
export function returnedValuesOf(fn: FunctionNode): TSESTree.Expression[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  return returnStatementsOf(fn.body).flatMap((statement) => (statement.argument ? [statement.argument] : []));
}

/**
 * The one value a plain function returns, when it has a single `return` with a value and no other
 * (`function createService() { return new Service(deps); }`, `() => new Service()`): what calling it gives.
 */
export function onlyReturnedValue(fn: FunctionNode): TSESTree.Expression | undefined {
  if (fn.async || fn.generator) return undefined;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
  const returns = returnStatementsOf(fn.body);
  return returns.length === 1 ? (returns[0]!.argument ?? undefined) : undefined;
}

/**
 * Can running `statement` reach its end (and the next statement)? 'no' when every way out is a
 * `return`, `throw`, `break` or `continue`: blocks, `if`/`else`, `try` and `switch` whose every way out
 * is one of those, `for (;;)`/`while (true)` loops without `break`, a `do … while` whose body never
 * reaches its test. 'yes' only when a path provably reaches the end: plain statements, an `if` without
 * `else`, a `switch` without `default`. Otherwise (other loops, labels that are broken out of) 'unknown':
 * one caller counts it as reaching the end, another as not.
 */
export function canCompleteNormally(statement: TSESTree.Statement): Tristate {
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
      return 'no';
    case AST_NODE_TYPES.ExpressionStatement:
    case AST_NODE_TYPES.VariableDeclaration:
    case AST_NODE_TYPES.EmptyStatement:
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.ClassDeclaration:
      return 'yes';
    case AST_NODE_TYPES.BlockStatement:
      return sequenceCompletes(statement.body);
    case AST_NODE_TYPES.IfStatement: {
      const consequent = canCompleteNormally(statement.consequent);
      const alternate = statement.alternate === null ? 'yes' : canCompleteNormally(statement.alternate);
      if (consequent === 'yes' || alternate === 'yes') return 'yes';
      return consequent === 'no' && alternate === 'no' ? 'no' : 'unknown';
    }
    case AST_NODE_TYPES.TryStatement: {
      const block = canCompleteNormally(statement.block);
      // The `catch` runs only when the block throws: a block that leaves by `return` never reaches it.
      const handler = statement.handler === null ? 'no' : canCompleteNormally(statement.handler.body);
      const body = block === 'yes' ? 'yes' : block === 'no' && handler === 'no' ? 'no' : 'unknown';
      const finalizer = statement.finalizer === null ? 'yes' : canCompleteNormally(statement.finalizer);
      if (finalizer === 'no') return 'no';
      return finalizer === 'unknown' && body === 'yes' ? 'unknown' : body;
    }
    case AST_NODE_TYPES.SwitchStatement: {
      if (!statement.cases.some((switchCase) => switchCase.test === null)) return 'yes';
      // Every case falls through to the last one: only its end or a `break` leaves the switch normally.
      if (containsJump(statement, AST_NODE_TYPES.BreakStatement)) return 'unknown';
      return sequenceCompletes(statement.cases.at(-1)!.consequent) === 'no' ? 'no' : 'unknown';
    }
    case AST_NODE_TYPES.LabeledStatement:
      return containsJump(statement.body, AST_NODE_TYPES.BreakStatement)
        ? 'unknown'
        : canCompleteNormally(statement.body);
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.ForStatement:
      return isEndless(statement.test) && !containsJump(statement.body, AST_NODE_TYPES.BreakStatement)
        ? 'no'
        : 'unknown';
    case AST_NODE_TYPES.DoWhileStatement: {
      if (containsJump(statement.body, AST_NODE_TYPES.BreakStatement)) return 'unknown';
      const bodyEnds = canCompleteNormally(statement.body) === 'no';
      return isEndless(statement.test) || (bodyEnds && !containsJump(statement.body, AST_NODE_TYPES.ContinueStatement))
        ? 'no'
        : 'unknown';
    }
    default:
      return 'unknown';
  }
}

/** Statements run in order: 'no' when one of them cannot reach its end, 'yes' when each provably does. */
function sequenceCompletes(statements: readonly TSESTree.Statement[]): Tristate {
  let answer: Tristate = 'yes';
  for (const inner of statements) {
    const completes = canCompleteNormally(inner);
    if (completes === 'no') return 'no';
    if (completes === 'unknown') answer = 'unknown';
  }
  return answer;
}

/** `for (;;)`, `while (true)`. */
function isEndless(test: TSESTree.Expression | null): boolean {
  return test === null || (test.type === AST_NODE_TYPES.Literal && test.value === true);
}

/** A `break` (or `continue`) under `body` (not one of a nested function; a nested loop's or switch's own counts too, generously). */
function containsJump(
  body: TSESTree.Node,
  type: AST_NODE_TYPES.BreakStatement | AST_NODE_TYPES.ContinueStatement,
): boolean {
  let found = false;
  walkAst(body, visitorKeys as SourceCode['visitorKeys'], (node) => {
    if (node.type === type) found = true;
    return !found && !isFunctionNode(node);
  });
  return found;
}

/**
 * The `return` statements of a function body, not those of functions or classes inside it. Only
 * statements are walked: an expression can hold a `return` only inside a function of its own.
 */
function returnStatementsOf(body: TSESTree.BlockStatement): TSESTree.ReturnStatement[] {
  const found: TSESTree.ReturnStatement[] = [];
  const visit = (statement: TSESTree.Statement | null | undefined): void => {
    if (!statement) return;
    switch (statement.type) {
      case AST_NODE_TYPES.ReturnStatement:
        found.push(statement);
        return;
      case AST_NODE_TYPES.BlockStatement:
        for (const inner of statement.body) visit(inner);
        return;
      case AST_NODE_TYPES.IfStatement:
        visit(statement.consequent);
        visit(statement.alternate);
        return;
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.LabeledStatement:
      case AST_NODE_TYPES.WithStatement:
        visit(statement.body);
        return;
      case AST_NODE_TYPES.TryStatement:
        visit(statement.block);
        visit(statement.handler?.body);
        visit(statement.finalizer);
        return;
      case AST_NODE_TYPES.SwitchStatement:
        for (const switchCase of statement.cases) for (const inner of switchCase.consequent) visit(inner);
        return;
      default:
        return;
    }
  };
  visit(body);
  return found;
}

/** `this` inside a method of an object literal (`{ async start() { this.stop(); } }`): that literal. */
export function objectLiteralOfThis(node: TSESTree.ThisExpression): TSESTree.ObjectExpression | undefined {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
    if (current.type !== AST_NODE_TYPES.FunctionExpression && current.type !== AST_NODE_TYPES.FunctionDeclaration)
      continue;
    const property = current.parent;
    return property?.type === AST_NODE_TYPES.Property &&
      property.value === current &&
      property.parent.type === AST_NODE_TYPES.ObjectExpression
      ? property.parent
      : undefined;
  }
  return undefined;
}

/** Is `node` in static code of a class (a static method or field, a static block), where `this` is the class? */
export function isInStaticMember(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.MethodDefinition || current.type === AST_NODE_TYPES.PropertyDefinition)
      return current.static;
    if (current.type === AST_NODE_TYPES.StaticBlock) return true;
  }
  return false;
}

function isClassNode(node: TSESTree.Node | undefined): node is ClassNode {
  return node?.type === AST_NODE_TYPES.ClassDeclaration || node?.type === AST_NODE_TYPES.ClassExpression;
}

/** The class `new C()` instantiates, when `C` is a never-reassigned class binding of this file. */
function instantiatedClass(context: AnyContext, node: TSESTree.Node): ClassNode | undefined {
  if (node.type !== AST_NODE_TYPES.NewExpression || node.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const init = constantInit(context, node.callee);
  return isClassNode(init) ? init : undefined;
}

/** The function of this file that a callee expression calls, when it can be followed. */
export function resolveFunction(context: AnyContext, calleeNode: TSESTree.Node): FunctionNode | undefined {
  const callee = skipTypeWrappers(skipChainExpression(calleeNode));
  if (isFunctionNode(callee)) return callee;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const init = constantInit(context, callee);
    return init && isFunctionNode(init) ? init : undefined;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const object = skipTypeWrappers(callee.object);
  if (callee.computed && object.type === AST_NODE_TYPES.ThisExpression) {
    const classNode = getThisClass(object);
    const key = keyVariable(context, callee.property);
    if (classNode && key) return classMemberByKey(context, classNode, key, isInStaticMember(object));
  }
  // `this.#load()` is looked up as the member `#load`.
  const name =
    callee.property.type === AST_NODE_TYPES.PrivateIdentifier
      ? `#${callee.property.name}`
      : getStaticPropertyName(callee);
  if (name === undefined) return undefined;
  if (object.type === AST_NODE_TYPES.ThisExpression) {
    const classNode = getThisClass(object);
    if (!classNode) {
      const literal = objectLiteralOfThis(object);
      return literal ? objectMember(literal, name) : undefined;
    }
    return classMember(classNode, name, isInStaticMember(object));
  }
  const instanceOf = instantiatedClass(context, object);
  if (instanceOf) return classMember(instanceOf, name, false);
  if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const init = constantInit(context, object);
  if (!init) return undefined;
  // `var self = this;`, then `self.stop()` in a callback: a member of the `this` the alias was taken from.
  if (init.type === AST_NODE_TYPES.ThisExpression) {
    const classNode = getThisClass(init);
    if (classNode) return classMember(classNode, name, isInStaticMember(init));
    const literal = objectLiteralOfThis(init);
    return literal ? objectMember(literal, name) : undefined;
  }
  if (isClassNode(init)) return classMember(init, name, true);
  if (init.type === AST_NODE_TYPES.ObjectExpression) return objectMember(init, name);
  const classOfInit = instantiatedClass(context, init);
  return classOfInit ? classMember(classOfInit, name, false) : undefined;
}
