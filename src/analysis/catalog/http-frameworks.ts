/**
 * HTTP frameworks whose apps and routers take request handlers: every function handed to one of
 * these methods runs later, from the event loop, once per request (`app.get('/', (req, res) => …)`).
 */
import type { InstanceShape } from '../origin/instance-calls.js';
import type { ApiRow } from '../origin/modules.js';

export interface RouterFactoryRow extends ApiRow {
  readonly kind: 'call' | 'construct';
  /** The methods of the made object that register handlers, and objects they return that do too. */
  readonly registrars: InstanceShape;
}

const VERBS = ['all', 'delete', 'get', 'head', 'options', 'patch', 'post', 'put'];

const verbs = (...extra: string[]): Record<string, true> =>
  Object.fromEntries([...VERBS, ...extra].map((name) => [name, true as const]));

/** Express apps and routers: verbs, `use`, `param`, and `route(path)` with its own verbs. */
const EXPRESS: InstanceShape = { methods: { ...verbs('use', 'param'), route: { methods: verbs() } } };

export const ROUTER_FACTORIES: readonly RouterFactoryRow[] = [
  { module: 'express', path: [], kind: 'call', registrars: EXPRESS },
  { module: 'express', path: ['Router'], kind: 'call', registrars: EXPRESS },
  { module: 'fastify', path: [], kind: 'call', registrars: { methods: verbs('addHook') } },
  { module: 'koa', path: [], kind: 'construct', registrars: { methods: { use: true } } },
  ...['@koa/router', 'koa-router'].map((module): RouterFactoryRow => ({
    module,
    path: [],
    kind: 'construct',
    registrars: { methods: verbs('use', 'param') },
  })),
];
