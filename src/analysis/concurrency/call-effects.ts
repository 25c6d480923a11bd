/**
 * Is the work an await waits for known to only read shared state (a database, a file, a remote
 * service)? From the SQL text it sends (`concurrency/sql-kind.ts`), an HTTP client's method by origin,
 * file-system and DNS reads by origin, the body of a same-file function (all the work it waits for
 * reads), and last the callee's name (`getUser`, `findAll`). Reads can run together in any order;
 * a write, or work we know nothing about, keeps its place.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import {
  type FunctionNode,
  getCalleeName,
  getStaticPropertyName,
  isFunctionNode,
  skipChainExpression,
  skipTypeWrappers,
  walkAst,
} from '../ast.js';
import { PROMISE_CALLBACK_METHODS } from '../catalog/promise-apis.js';
import { HTTP_CLIENT_APIS, type HttpClientRow, READ_APIS } from '../catalog/read-calls.js';
import { resolveFunction } from '../origin/function-resolution.js';
import { trackModuleReferences } from '../origin/modules.js';
import { getProjectKnowledge } from '../project/project.js';
import { type AnyContext } from '../scope.js';
import { effectOfName, type WorkEffect } from './effect-names.js';
import { isDataMethod, isMutatingCall, isPacingExpression } from './ordering.js';
import { sqlKindOf } from './sql-kind.js';

/** Inside a function body, `none` is work that touches no state at all (a sleep). */
type BodyEffect = WorkEffect | 'none';

const STRENGTH: readonly BodyEffect[] = ['none', 'read', 'unknown', 'write'];

function strongest(a: BodyEffect, b: BodyEffect): BodyEffect {
  return STRENGTH.indexOf(a) >= STRENGTH.indexOf(b) ? a : b;
}

/** How many same-file functions deep a call is followed. */
const MAX_DEPTH = 3;

const PROMISE_COMBINATORS = new Set(['all', 'allSettled', 'race', 'any']);

const caches = new WeakMap<TSESTree.Program, Map<FunctionNode, BodyEffect>>();

/** What the work awaited in `await expression` does: `read` only when every call it starts is known to read. */
export function judgeAwaitedWork(context: AnyContext, expression: TSESTree.Node): WorkEffect {
  const effect = judgeExpression(context, expression, MAX_DEPTH, new Set());
  return effect === 'none' ? 'read' : effect;
}

function judgeExpression(
  context: AnyContext,
  expression: TSESTree.Node,
  depth: number,
  inProgress: Set<FunctionNode>,
): BodyEffect {
  const value = skipTypeWrappers(skipChainExpression(expression));
  if (value.type === AST_NODE_TYPES.TaggedTemplateExpression) return fromSql(sqlKindOf(value)) ?? 'unknown';
  if (value.type !== AST_NODE_TYPES.CallExpression) return 'unknown';
  const callee = skipTypeWrappers(skipChainExpression(value.callee));
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = getStaticPropertyName(callee);
    // `load().then(parse)`: the callbacks work on the result; the call before them is the work.
    if (method !== undefined && PROMISE_CALLBACK_METHODS.has(method))
      return judgeExpression(context, callee.object, depth, inProgress);
    const list = value.arguments[0];
    if (
      callee.object.type === AST_NODE_TYPES.Identifier &&
      callee.object.name === 'Promise' &&
      method !== undefined &&
      PROMISE_COMBINATORS.has(method) &&
      list?.type === AST_NODE_TYPES.ArrayExpression
    ) {
      let effect: BodyEffect = 'none';
      for (const element of list.elements) {
        if (element === null || element.type === AST_NODE_TYPES.SpreadElement) return 'unknown';
        effect = strongest(effect, judgeExpression(context, element, depth, inProgress));
      }
      return effect;
    }
  }
  return judgeChain(context, value, depth, inProgress);
}

/**
 * A chain of calls (`db.collection('users').find(q).toArray()`) reads when one of its calls is known
 * to read and none writes: the other links build the request or shape its result.
 */
function judgeChain(
  context: AnyContext,
  call: TSESTree.CallExpression,
  depth: number,
  inProgress: Set<FunctionNode>,
): BodyEffect {
  let effect: BodyEffect = 'unknown';
  let sawRead = false;
  for (let current: TSESTree.Node | undefined = call; current;) {
    current = skipTypeWrappers(skipChainExpression(current));
    if (current.type !== AST_NODE_TYPES.CallExpression) break;
    const link = judgeCall(context, current, depth, inProgress);
    if (link === 'write') return 'write';
    if (link === 'read') sawRead = true;
    if (link === 'none' && current === call) effect = 'none';
    const callee = skipTypeWrappers(skipChainExpression(current.callee));
    current = callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : undefined;
  }
  return sawRead ? 'read' : effect;
}

function fromSql(kind: ReturnType<typeof sqlKindOf>): BodyEffect | undefined {
  if (kind === undefined) return undefined;
  return kind === 'read' ? 'read' : kind === 'unknown' ? 'unknown' : 'write';
}

function judgeCall(
  context: AnyContext,
  call: TSESTree.CallExpression,
  depth: number,
  inProgress: Set<FunctionNode>,
): BodyEffect {
  const sql = fromSql(sqlKindOf(call));
  if (sql) return sql;
  const http = trackModuleReferences(context, HTTP_CLIENT_APIS).get(call);
  if (http) return httpEffect(call, http.row);
  if (trackModuleReferences(context, READ_APIS).has(call)) return 'read';
  if (isPacingExpression(context, call)) return 'none';
  const fn = resolveFunction(context, call.callee);
  if (fn && depth > 0) {
    // What the body does decides; a body we cannot read leaves the decision to the name.
    const body = judgeFunctionBody(context, fn, depth - 1, inProgress);
    if (body !== 'unknown') return body;
  } else if (!fn) {
    // A function of another project file: the summary of its body, as for a same-file one.
    const imported = getProjectKnowledge(context).resolveImportedFunction(call.callee)?.effect;
    if (imported !== undefined && imported !== 'unknown') return imported;
  }
  const name = getCalleeName(call);
  return name === undefined ? 'unknown' : effectOfName(name);
}

/** The HTTP method of a call through a client of the catalogue: `GET` and `HEAD` read. */
function httpEffect(call: TSESTree.CallExpression, row: HttpClientRow): WorkEffect {
  const method = row.method;
  if (typeof method === 'string') return 'read';
  const first = call.arguments[0];
  // `axios({ method, url })` and `got({ url })`: the first argument is the options.
  const options =
    method.config && first?.type === AST_NODE_TYPES.ObjectExpression ? first : call.arguments[method.optionsArgument];
  if (options === undefined) return 'read';
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return 'unknown';
  let verb: string | undefined = 'GET';
  for (const property of options.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) return 'unknown';
    const key = property.computed
      ? undefined
      : property.key.type === AST_NODE_TYPES.Identifier
        ? property.key.name
        : property.key.type === AST_NODE_TYPES.Literal
          ? String(property.key.value)
          : undefined;
    if (key !== 'method') continue;
    const value = property.value;
    verb = value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string' ? value.value : undefined;
  }
  if (verb === undefined) return 'unknown';
  return ['GET', 'HEAD'].includes(verb.toUpperCase()) ? 'read' : 'write';
}

/**
 * What the work a same-file function waits for does: every await and every returned call in its body
 * (nested callbacks included), and the calls it starts without waiting. `none` for a body that only
 * sleeps (the stand-in for latency in examples), `unknown` when any of it is unknown.
 */
function judgeFunctionBody(
  context: AnyContext,
  fn: FunctionNode,
  depth: number,
  inProgress: Set<FunctionNode>,
): BodyEffect {
  const program = context.sourceCode.ast;
  let cache = caches.get(program);
  if (!cache) {
    cache = new Map();
    caches.set(program, cache);
  }
  const cached = cache.get(fn);
  if (cached) return cached;
  if (inProgress.has(fn)) return 'unknown';
  inProgress.add(fn);
  let effect: BodyEffect = 'none';
  const roots = new Set<TSESTree.Node>();
  const judgeRoot = (node: TSESTree.Node): void => {
    const value = skipTypeWrappers(skipChainExpression(node));
    roots.add(value);
    effect = strongest(effect, judgeExpression(context, value, depth, inProgress));
  };
  const isWork = (node: TSESTree.Node): boolean => {
    const value = skipTypeWrappers(skipChainExpression(node));
    return value.type === AST_NODE_TYPES.CallExpression || value.type === AST_NODE_TYPES.TaggedTemplateExpression;
  };
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    if (isWork(fn.body)) judgeRoot(fn.body);
  }
  walkAst(fn.body, context.sourceCode.visitorKeys, (node) => {
    if (effect === 'write') return false;
    if (node.type === AST_NODE_TYPES.AwaitExpression) judgeRoot(node.argument);
    else if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument && isWork(node.argument))
      judgeRoot(node.argument);
    else if (isFunctionNode(node) && node.body.type !== AST_NODE_TYPES.BlockStatement && isWork(node.body))
      judgeRoot(node.body);
    else if (node.type === AST_NODE_TYPES.CallExpression && !roots.has(node))
      effect = strongest(effect, unawaited(node));
    return true;
  });
  inProgress.delete(fn);
  cache.set(fn, effect);
  return effect;

  /** A call started without waiting: only SQL and HTTP writes and state-changing names count. */
  function unawaited(call: TSESTree.CallExpression): BodyEffect {
    const sql = fromSql(sqlKindOf(call));
    if (sql === 'write') return 'write';
    const http = trackModuleReferences(context, HTTP_CLIENT_APIS).get(call);
    if (http && httpEffect(call, http.row) !== 'read') return 'unknown';
    if (isDataMethod(call)) return 'none';
    return isMutatingCall(call) ? 'unknown' : 'none';
  }
}
