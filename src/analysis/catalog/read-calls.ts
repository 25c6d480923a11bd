/**
 * Calls known to only read, as data: verbs of reading (`getUser`, `findAll`, `loadConfig`), the
 * methods that send SQL text (whose statement kind `concurrency/sql-kind.ts` reads), HTTP clients by
 * origin (a `GET` or `HEAD` reads), and file-system and DNS reads by origin. Read by
 * `concurrency/call-effects.ts`: `prefer-promise-all` reports only awaits known to be reads by default.
 */
import type { ApiRow } from '../origin/modules.js';
import { FS_PROMISE_FUNCTIONS } from './fs-functions.js';
import { DNS_PROMISES } from './promise-apis.js';

/**
 * Verbs that read: at the start of the name (`getUser`, `findAll`, `isMember`), case ending the word.
 * `read` alone is a stream read (ordered); `query` is left out: a generic `query()` sends writes as often as reads.
 * @public Listed in the rule's docs.
 */
export const READ_NAME_PATTERN =
  /^(?:get|find|fetch|read|load|list|count|select|has|exists|stat|lstat|lookup|search|retrieve|describe|peek|is|can|head)(?![a-z])/u;

/** Names that do two things (`getOrCreate`, `findAndModify`, `loadOrInit`): create-if-missing helpers race when run together. */
export const COMPOUND_NAME_PATTERN = /[a-z0-9](?:Or|And|Then)[A-Z]/u;

/** Methods whose first argument is SQL text (`pool.query('SELECT …')`, `knex.raw(…)`, `prisma.$queryRawUnsafe(…)`). */
export const SQL_METHOD_NAMES: ReadonlySet<string> = new Set([
  'query',
  'execute',
  'raw',
  'unsafe',
  'prepare',
  '$queryRaw',
  '$executeRaw',
  '$queryRawUnsafe',
  '$executeRawUnsafe',
]);

/**
 * Methods that take SQL text in some libraries and other text in others (`db.get('SELECT …')` of
 * sqlite, `cache.get('user:1')`): read as SQL only when the text reads as a statement.
 */
export const MAYBE_SQL_METHOD_NAMES: ReadonlySet<string> = new Set([
  'all',
  'get',
  'run',
  'exec',
  'one',
  'many',
  'none',
  'any',
  'oneOrNone',
  'manyOrNone',
  'multi',
  'result',
]);

/** Template tags whose text is SQL: `` sql`SELECT …` ``, `` prisma.$queryRaw`…` ``. */
export const SQL_TAG_NAMES: ReadonlySet<string> = new Set(['sql', 'SQL', '$queryRaw', '$executeRaw']);

/**
 * How an HTTP call's method is known: fixed by the function (`axios.get`), or read from the options
 * object at `optionsArgument` (`fetch(url, { method })`, `GET` when absent); `config` when the first
 * argument may itself be the options object (`axios({ method, url })`).
 */
export interface HttpClientRow extends ApiRow {
  readonly kind: 'call';
  readonly method: 'GET' | 'HEAD' | { readonly optionsArgument: number; readonly config?: true };
}

const http = (module: string | undefined, path: string[], method: HttpClientRow['method']): HttpClientRow => ({
  ...(module === undefined ? {} : { module }),
  path,
  kind: 'call',
  method,
});

/** HTTP clients by origin. Other methods (`axios.post`) are writes by their name. */
export const HTTP_CLIENT_APIS: readonly HttpClientRow[] = [
  http(undefined, ['fetch'], { optionsArgument: 1 }),
  http('node-fetch', [], { optionsArgument: 1 }),
  http('undici', ['fetch'], { optionsArgument: 1 }),
  http('undici', ['request'], { optionsArgument: 1 }),
  http('axios', [], { optionsArgument: 1, config: true }),
  http('axios', ['request'], { optionsArgument: 0, config: true }),
  http('axios', ['get'], 'GET'),
  http('axios', ['head'], 'HEAD'),
  http('got', [], { optionsArgument: 1, config: true }),
  http('got', ['get'], 'GET'),
  http('got', ['head'], 'HEAD'),
];

export interface ReadApiRow extends ApiRow {
  readonly kind: 'call';
}

const FS_READS = ['access', 'lstat', 'opendir', 'readdir', 'readFile', 'readlink', 'realpath', 'stat', 'statfs'];

/** File-system and DNS reads by origin (`fs/promises`, `fs.promises`, `fs-extra`, `dns/promises`). */
export const READ_APIS: readonly ReadApiRow[] = [
  ...FS_READS.filter((name) => FS_PROMISE_FUNCTIONS.includes(name)).flatMap((name): ReadApiRow[] => [
    { module: 'fs/promises', path: [name], kind: 'call' },
    { module: 'fs', path: ['promises', name], kind: 'call' },
    { module: 'fs-extra', path: [name], kind: 'call' },
  ]),
  ...['pathExists', 'readJson', 'readJSON'].map((name): ReadApiRow => ({
    module: 'fs-extra',
    path: [name],
    kind: 'call',
  })),
  ...DNS_PROMISES.flatMap((name): ReadApiRow[] => [
    { module: 'dns/promises', path: [name], kind: 'call' },
    { module: 'dns', path: ['promises', name], kind: 'call' },
  ]),
];
