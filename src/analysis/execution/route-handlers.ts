/**
 * Request handlers registered on an app or router of a known HTTP framework, made in this file:
 * `const app = express(); app.get('/', (req, res) => …)`, `router.route('/x').post(handler)`. They run
 * from the event loop, once per request, like `http.createServer` handlers.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getCallOfArgument, isFunctionNode } from '../ast.js';
import { EVENT_LOOP_CALLBACK_APIS, LISTENER_METHODS } from '../catalog/event-loop-callbacks.js';
import { ROUTER_FACTORIES } from '../catalog/http-frameworks.js';
import { findInstanceCalls } from '../origin/instance-calls.js';
import { trackModuleReferences } from '../origin/modules.js';
import { type AnyContext } from '../scope.js';

const cache = new WeakMap<TSESTree.Program, ReadonlySet<TSESTree.Node>>();

/** The calls in the file that register handlers (`app.get(…)`, `router.use(…)`), computed once per file. */
export function findRouteRegistrations(context: AnyContext): ReadonlySet<TSESTree.Node> {
  const program = context.sourceCode.ast;
  let registrations = cache.get(program);
  if (!registrations) {
    const found = new Set<TSESTree.Node>();
    // Cheap filters: the index is free for a file that imports no framework, and one that names none registers no handler of one.
    const factories = trackModuleReferences(context, ROUTER_FACTORIES);
    if (factories.size > 0 && /express|fastify|koa/u.test(context.sourceCode.text)) {
      for (const { node, row } of factories.values()) {
        for (const use of findInstanceCalls(context, node, row.registrars)) found.add(use.call);
      }
    }
    registrations = found;
    cache.set(program, registrations);
  }
  return registrations;
}

/** Is argument `index` of `call` a handler the framework calls per request? (Any function argument of a registration is one.) */
export function isRouteHandlerArgument(context: AnyContext, call: TSESTree.CallExpression, index: number): boolean {
  return index >= 0 && findRouteRegistrations(context).has(call);
}

/** Server events emitted once per request or connection upgrade: `server.on('request', handler)`. */
const REQUEST_EVENTS: ReadonlySet<string> = new Set(['request', 'stream', 'upgrade']);
const LISTENERS = { methods: Object.fromEntries([...LISTENER_METHODS].map((name) => [name, true as const])) };

const requestListenerCache = new WeakMap<TSESTree.Program, ReadonlySet<TSESTree.Node>>();

/** `server.on('request', …)` on a server this file makes with `http.createServer()` (`https`, `http2`), by origin. */
function findRequestListenerRegistrations(context: AnyContext): ReadonlySet<TSESTree.Node> {
  const program = context.sourceCode.ast;
  let registrations = requestListenerCache.get(program);
  if (!registrations) {
    const found = new Set<TSESTree.Node>();
    for (const { node, row } of trackModuleReferences(context, EVENT_LOOP_CALLBACK_APIS).values()) {
      if (row.category !== 'server') continue;
      for (const { call } of findInstanceCalls(context, node, LISTENERS)) {
        const event = call.arguments[0];
        if (event?.type === AST_NODE_TYPES.Literal && REQUEST_EVENTS.has(String(event.value))) found.add(call);
      }
    }
    registrations = found;
    requestListenerCache.set(program, registrations);
  }
  return registrations;
}

/**
 * Does `node` run inside a function the file registers as a request handler: a route of a known framework,
 * an `http.createServer` (`https`, `http2`, `net`, `tls`) handler or a `'request'` listener of such a
 * server, the function itself or one around it?
 */
export function runsInRequestHandler(context: AnyContext, node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    const argument = getCallOfArgument(current);
    if (argument?.call.type !== AST_NODE_TYPES.CallExpression) continue;
    if (isRouteHandlerArgument(context, argument.call, argument.index)) return true;
    if (trackModuleReferences(context, EVENT_LOOP_CALLBACK_APIS).get(argument.call)?.row.category === 'server')
      return true;
    if (argument.index >= 1 && findRequestListenerRegistrations(context).has(argument.call)) return true;
  }
  return false;
}
