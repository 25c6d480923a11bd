/**
 * Concurrency limiters a loop rewrite may use instead of an unbounded `Promise.all`, when the project
 * already depends on one: the fix reuses the file's binding or adds the import, never a dependency.
 */

/** How the rewrite calls the export. */
type LimiterShape =
  /** `const limit = pLimit(n); await Promise.all(xs.map((x) => limit(() => f(x))))`. */
  | 'limit'
  /** `await pMap(xs, (x) => f(x), { concurrency: n })`: any iterable, results in order. */
  | 'map'
  /** `await mapLimit(xs, n, async (x) => f(x))`: results in order; the iteratee must be an `async` function. */
  | 'map-limit'
  /** `await eachLimit(xs, n, async (x) => f(x))`: no results. */
  | 'each-limit';

export interface LimiterRow {
  /** npm package name, as written in `package.json` and in the import. */
  readonly module: string;
  /** `default`, or the named export. */
  readonly export: string;
  /** Local name for a new import of a default export. */
  readonly localName: string;
  readonly shape: LimiterShape;
  /** First major version published as ESM only (cannot be `require`d); absent when every version is CommonJS. */
  readonly esmOnlyFrom?: number;
  /** Oldest major version whose API the rewrite uses. */
  readonly minMajor?: number;
}

/** How many calls the bounded rewrite lets run at once: the size up to which a literal list counts as small. */
export const CONCURRENCY_LIMIT = 10;

/** In order of preference when a project has several. */
export const LIMITERS: readonly LimiterRow[] = [
  { module: 'p-limit', export: 'default', localName: 'pLimit', shape: 'limit', esmOnlyFrom: 4 },
  { module: 'p-map', export: 'default', localName: 'pMap', shape: 'map', esmOnlyFrom: 5 },
  // async 3 returns a promise when the callback is left out, and awaits `async` iteratees.
  { module: 'async', export: 'mapLimit', localName: 'mapLimit', shape: 'map-limit', minMajor: 3 },
  { module: 'async', export: 'eachLimit', localName: 'eachLimit', shape: 'each-limit', minMajor: 3 },
];
