/**
 * Calls whose order matters although no variable shows it: the names and receivers that say
 * "one after another" (transactions, locks, connection lifecycle, stream writes, UI automation,
 * guards), the receivers that are one connection or one stateful handle, and the verbs that
 * change shared state. Patterns are regular-expression sources matched against a callee name
 * (`tx.commit()` → `commit`) or a receiver/argument name (`this.queryRunner.query()` → `queryRunner`).
 * Case matters: `(?![a-z])` ends a camelCase word, so `commit` matches `commitTransaction` but
 * `end` does not match `endsWith`.
 */

interface NamePattern {
  /** Regular-expression source, compiled with the `u` flag. */
  readonly pattern: string;
  /** Why calls that match are kept in order (for the docs). */
  readonly reason: string;
  /** False when the order only matters between different calls, not between iterations of one loop. */
  readonly inLoops?: false;
}

/**
 * Callee names whose calls are kept in order: a statement calling one never joins a `Promise.all`.
 * @public Listed in rules-docs/catalogue.md by scripts/generate-catalogue.js (through dist/).
 */
export const ORDERED_CALL_PATTERNS: readonly NamePattern[] = [
  {
    pattern: String.raw`^\$?(?:begin|commit|rollback|savepoint|transaction|startTransaction)(?![a-z])|Transaction(?![a-z])`,
    reason: 'transactions: begin, the statements inside, then commit or rollback',
  },
  {
    pattern: String.raw`^(?:lock|unlock|tryLock|acquire|release)(?![a-z])|(?:Lock|Mutex|Semaphore)$`,
    reason: 'locks and permits guard what runs between them',
  },
  {
    pattern: String.raw`^(?:connect|disconnect|reconnect|open|close|end|destroy|dispose|shutdown|terminate|quit|listen|activate|deactivate|enable|disable|install|uninstall|mount|unmount)(?![a-z])`,
    reason: 'connection, resource and plugin lifecycle',
  },
  {
    pattern: String.raw`^(?:start|stop|restart|pause|resume|init|initialize|setup|setUp|teardown|tearDown|bootstrap|register|use|up|down)(?![a-z])`,
    reason: 'process, plugin and migration lifecycle (`up`/`down` are migration steps)',
  },
  {
    pattern: String.raw`^(?:write|writeln|read|next|return|throw)$|^(?:flush|drain|sync|fsync|fdatasync|send|publish|emit|ack|nack|pipe)(?![a-z])`,
    reason: 'streams, iterators and messages: each write, read or send follows the previous one',
  },
  {
    pattern: String.raw`^(?:save|persist|migrate|seed)(?![a-z])`,
    reason: 'persistence steps (rows saved before the rows that refer to them)',
  },
  {
    pattern: String.raw`^(?:login|logIn|logout|logOut|signIn|signOut|signUp|authenticate|auth)(?![a-z])`,
    reason: 'authentication changes what later calls are allowed to do',
  },
  {
    pattern: String.raw`^(?:check|assert|verify|validate|ensure|require|authorize|guard|expect)(?![a-z])|[a-z0-9_](?:Check|Assert|Verify|Validate|Ensure|Authorize|Guard)$`,
    reason: 'guards: the calls after them must not start when they fail',
    // Each iteration's guard still protects that iteration's own work.
    inLoops: false,
  },
  {
    pattern: String.raw`^(?:click|dblclick|doubleClick|rightClick|type|press|hover|fill|uncheck|selectOption|focus|blur|tap|drag|dragAndDrop|scroll|keyboard|goto|goBack|goForward|reload|navigate|submit|act|tick|nextTick|waitFor|findBy|findAllBy|advanceTimers|runAllTimers|runOnlyPendingTimers)(?![a-z])`,
    reason: 'UI automation and test timing: each step acts on the state the previous one left',
  },
  {
    pattern: String.raw`^(?:exec|execa|execFile|execute|spawn|run|sh|shell|\$)(?![a-z])`,
    reason: 'shell commands, task runners and `execute()` of prepared operations depend on what earlier ones did',
  },
];

/**
 * Receivers and arguments that name one connection or one stateful handle: calls through them
 * run one after another anyway (a single connection serialises its queries) or must (a
 * transaction, a cursor, a socket). Matched against every name in the receiver chain
 * (`this.queryRunner.manager`) and the names in the arguments (`{ transaction }`, `conn`).
 * `client` and `db` are deliberately absent: they name pools and module facades as often as single
 * connections (`db.getObject()` over a pool; `client.get()` of an HTTP client); two calls on one such
 * receiver are still kept in order by the same-receiver heuristic unless it is a module.
 * @public Listed in rules-docs/catalogue.md by scripts/generate-catalogue.js (through dist/).
 */
export const ORDERED_RECEIVER_PATTERNS: readonly NamePattern[] = [
  {
    pattern: String.raw`^(?:conn|connection|tx|trx|txn|transaction|transacting|queryRunner|session|cursor|manager|entityManager|em)$`,
    reason:
      'one database connection, transaction (`transacting` is the option name of Bookshelf and Objection), session or cursor',
  },
  {
    pattern: String.raw`[a-z0-9_](?:Connection|Conn|Transaction|Tx|Trx|Txn|QueryRunner|Session|Cursor|EntityManager|TransactionManager)$`,
    reason: 'the same, with a prefix (`dbConnection`, `mongoSession`, `pgTx`)',
  },
  {
    pattern: String.raw`^(?:socket|ws|stream|channel|writer|reader|lock|mutex)$|[a-z0-9_](?:Socket|Stream|Channel|Writer|Reader|Lock|Mutex)$`,
    reason: 'sockets, streams, channels and locks deliver in order',
  },
];

/** Default `orderedCallPatterns`. */
export const DEFAULT_ORDERED_CALL_PATTERNS: readonly string[] = ORDERED_CALL_PATTERNS.map((row) => row.pattern);

/** The default call patterns that also order the iterations of a loop. */
export const DEFAULT_LOOP_ORDERED_CALL_PATTERNS: readonly string[] = ORDERED_CALL_PATTERNS.filter(
  (row) => row.inLoops !== false,
).map((row) => row.pattern);

/** Default `orderedReceiverPatterns`. */
export const DEFAULT_ORDERED_RECEIVER_PATTERNS: readonly string[] = ORDERED_RECEIVER_PATTERNS.map((row) => row.pattern);

/**
 * Verbs that change shared state (a database row, a file, a cache key). Two such calls on one
 * receiver, or one such call sharing an argument with another call, are kept in order:
 * `mkdir(dir)` before `writeFile(join(dir, f))`, `db.setObject(key)` before `db.sortedSetAdd(…, key)`.
 * A verb matches at the start (`setObject`) or as the last word (`sortedSetAdd`, `bulkInsert`,
 * `findOneAndUpdate`), so `getSortedSetRange` stays a read. Create-if-missing helpers (`getOrCreateGroup`,
 * `findOrInsert`) write too: two of them run together both create what is missing.
 */
export const MUTATING_CALL_PATTERN =
  /^(?:create|insert|update|upsert|edit|delete|del|destroy|remove|rm|rmdir|unlink|drop|truncate|set|put|post|patch|add|append|prepend|write|increment|incr|decrement|decr|push|pop|shift|unshift|splice|mkdir|mkdirs|mkdirp|mkdtemp|ensureDir|ensureFile|outputFile|outputJson|emptyDir|rename|copy|copyFile|cp|mv|move|chmod|chown|symlink|link|replace|store|enqueue|dequeue|expire|reset|mark|grant|revoke|ban|unban|merge|upload)(?![a-z])|[a-z0-9_](?:Create|Insert|Update|Upsert|Edit|Delete|Del|Destroy|Drop|Remove|Set|Put|Add|Append|Prepend|Write|Increment|Incr|Decrement|Decr|Push|Pop|Trim|Rename|Copy|Move|Store|Expire|Reset)(?:Many|One|All|Bulk|Batch|Async)?$|[a-z0-9]Or(?:Create|Insert|Add|Set|Update|Upsert|Init)(?![a-z])/u;

/** Receivers that are pools: calls through them run on separate connections. */
export const POOLED_RECEIVER_PATTERN = /^pool$|[a-z0-9_]Pool$/u;
