/**
 * "Is this a call of an API whose promise never rejects?" By the catalogue of never-rejecting APIs
 * (catalog/never-rejecting-apis.ts): the call itself by origin (`setTimeout(ms)` of `node:timers/promises`
 * without a `signal`, and with no value or one known not to be a promise), or a method of an object the API constructs, followed by origin through variables
 * and `this.<field>` of the class that stores it (`this.worker = new Worker(file)`, then
 * `this.worker.terminate()`); with types, a method of any value whose type the module declares under the
 * constructed class's name, wherever it was made.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getStaticPropertyName, keyName, skipChainExpression, skipTypeWrappers } from '../ast.js';
import { NEVER_REJECTING_APIS, type NeverRejectingApiRow } from '../catalog/never-rejecting-apis.js';
import { findInstanceCalls } from '../origin/instance-calls.js';
import { trackModuleReferences } from '../origin/modules.js';
import { isTypeDeclaredBy, programDeclaresModule } from '../origin/type-origin.js';
import { type AnyContext } from '../scope.js';
import { getTypeInfo } from '../type-info.js';
import { getPromiseKnowledge, type Tristate } from './promises.js';

/** Rows that construct an object, by the name of a method whose promise never rejects: for typed files. */
const CONSTRUCT_ROWS_BY_METHOD: ReadonlyMap<string, readonly NeverRejectingApiRow[]> = (() => {
  const byMethod = new Map<string, NeverRejectingApiRow[]>();
  for (const row of NEVER_REJECTING_APIS) {
    for (const method of row.kind === 'construct' ? (row.methods ?? []) : []) {
      byMethod.set(method, [...(byMethod.get(method) ?? []), row]);
    }
  }
  return byMethod;
})();

const callsByProgram = new WeakMap<TSESTree.Program, ReadonlySet<TSESTree.Node>>();
const methodCallsByProgram = new WeakMap<TSESTree.Program, ReadonlySet<TSESTree.Node>>();

/** True when `call` runs a catalogued API whose promise cannot reject with these arguments. */
export function isNeverRejectingApiCall(context: AnyContext, call: TSESTree.CallExpression): boolean {
  if (isNeverRejectingMethodCall(context, call) || neverRejectingCallsByOrigin(context).has(call)) return true;
  const callee = skipTypeWrappers(skipChainExpression(call.callee));
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getStaticPropertyName(callee);
  const rows = method === undefined ? undefined : CONSTRUCT_ROWS_BY_METHOD.get(method);
  if (!rows) return false;
  const typeInfo = getTypeInfo(context);
  if (!typeInfo) return false;
  return rows.some(
    (row) =>
      programDeclaresModule(typeInfo, row.module!) &&
      isTypeDeclaredBy(typeInfo, callee.object, [row.module!], row.path.at(-1)),
  );
}

/**
 * True when `call` runs a catalogued method of an object a catalogued API constructs, followed by origin
 * (`this.worker.terminate()` after `this.worker = new Worker(file)`): a promise whatever its arguments, so
 * the promise analysis asks it too, without types. Decided without asking whether any value is a promise.
 */
export function isNeverRejectingMethodCall(context: AnyContext, call: TSESTree.CallExpression): boolean {
  const program = context.sourceCode.ast;
  let calls = methodCallsByProgram.get(program);
  if (!calls) {
    const found = new Set<TSESTree.Node>();
    for (const { node, row } of trackModuleReferences(context, NEVER_REJECTING_APIS).values()) {
      if (row.kind !== 'construct') continue;
      const methods = Object.fromEntries((row.methods ?? []).map((method) => [method, true as const]));
      for (const use of findInstanceCalls(context, node, { methods })) found.add(use.call);
    }
    calls = found;
    methodCallsByProgram.set(program, calls);
  }
  return calls.has(call);
}

/** The file's calls of catalogued APIs (not of the objects they construct) that cannot reject. */
function neverRejectingCallsByOrigin(context: AnyContext): ReadonlySet<TSESTree.Node> {
  const program = context.sourceCode.ast;
  let calls = callsByProgram.get(program);
  if (!calls) {
    const found = new Set<TSESTree.Node>();
    for (const { node, row } of trackModuleReferences(context, NEVER_REJECTING_APIS).values()) {
      if (row.kind === 'construct') continue;
      const call = row.kind === 'read' ? compiledImportCall(node) : node;
      if (
        call?.type === AST_NODE_TYPES.CallExpression &&
        argumentsKeepItResolving(call, row, (value) => getPromiseKnowledge(context).isPromise(value))
      )
        found.add(call);
    }
    calls = found;
    callsByProgram.set(program, calls);
  }
  return calls;
}

/** The call of `read` in TypeScript's CommonJS output for a call of an import: `(0, promises_1.setImmediate)()`. */
function compiledImportCall(read: TSESTree.Node): TSESTree.CallExpression | undefined {
  const sequence = read.parent;
  if (
    sequence?.type !== AST_NODE_TYPES.SequenceExpression ||
    sequence.expressions.length !== 2 ||
    sequence.expressions[0]!.type !== AST_NODE_TYPES.Literal ||
    sequence.expressions[1] !== read
  ) {
    return undefined;
  }
  const call = sequence.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee === sequence ? call : undefined;
}

/**
 * Do the arguments of a call of the catalogued `row` keep its promise from rejecting: no options with a
 * `signal`, and no promise as the value it fulfils with? `isPromise` says what a value is, in the linted
 * file or in a tree the project layer read.
 */
export function argumentsKeepItResolving(
  call: TSESTree.CallExpression,
  row: NeverRejectingApiRow,
  isPromise: (value: TSESTree.Node) => Tristate,
): boolean {
  return withoutSignal(call, row.signalOptionsAt) && plainValue(call, row.valueAt, isPromise);
}

/**
 * No value at `index`, or one known not to be a promise: the timer fulfils with it, so a promise there
 * (`setTimeout(10, load())`) is adopted and rejects the timer's promise when it rejects.
 */
function plainValue(
  call: TSESTree.CallExpression,
  index: number | undefined,
  isPromise: (value: TSESTree.Node) => Tristate,
): boolean {
  if (index === undefined) return true;
  if (call.arguments.slice(0, index + 1).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement))
    return false;
  const value = call.arguments[index];
  return value === undefined || isPromise(value) === 'no';
}

/** No options at `index`, or an object literal there without a `signal` (and no spread that could bring one). */
function withoutSignal(call: TSESTree.CallExpression, index: number | undefined): boolean {
  if (index === undefined) return true;
  const before = call.arguments.slice(0, index + 1);
  if (before.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return false;
  const options = call.arguments[index];
  if (options === undefined) return true;
  const value = skipTypeWrappers(options);
  return (
    value.type === AST_NODE_TYPES.ObjectExpression &&
    value.properties.every((property) => {
      if (property.type !== AST_NODE_TYPES.Property || property.computed) return false;
      const name = property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : keyName(property.key);
      return name !== undefined && name !== 'signal';
    })
  );
}
