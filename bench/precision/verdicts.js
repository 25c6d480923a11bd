/**
 * Hand-read verdicts on the sampled reports of bench/precision.js. Each report was read with its enclosing
 * function and the definition of what it calls (in the corpus's own files), and judged strictly:
 *
 * - `worth fixing`: a senior engineer would change the code: a rejection that really goes unhandled, a
 *   blocking call on a path that serves concurrent work, independent awaits whose order nothing needs;
 * - `harmless`: what the rule describes is there, but nothing goes wrong at run time in this setting
 *   (a callee that cannot reject, a blocking call in a one-shot script, awaits of cheap or local work);
 * - `wrong`: the rule's claim is false here (no promise exists, the order is needed, the call does not block).
 *
 * Keyed by corpus version, file, line, rule and mode, with the fingerprint of the line read (`text`, from
 * precision/sample.js `fingerprint`), so that a moved or changed line is noticed. `node bench/precision.js
 * --stubs` prints an entry to fill in for each unread report.
 */

/** @typedef {import('./sample.js').Verdict} Verdict */
/** @typedef {import('./sample.js').VerdictKind} VerdictKind */
/** @typedef {import('./sample.js').Mode} Mode */

/**
 * Verdicts on one corpus version: `reading(mode, rule, file, line, text, verdict, why)`.
 * @param {string} corpus
 * @param {string} version
 */
const readingsOf =
  (corpus, version) =>
  /**
   * @param {Mode} mode
   * @param {string} rule
   * @param {string} file
   * @param {number} line
   * @param {string} text
   * @param {VerdictKind} verdict
   * @param {string} why
   * @returns {Verdict}
   */
  (mode, rule, file, line, text, verdict, why) => ({ corpus, version, file, line, rule, mode, text, verdict, why });

const ghost = readingsOf('ghost', '6.65.0');
const typeorm = readingsOf('typeorm', '1.1.1');
const mongoose = readingsOf('mongoose', '9.12.1');
const mongodb = readingsOf('mongodb', '7.9.0');
const puppeteer = readingsOf('puppeteer-core', '25.16.0');
const effect = readingsOf('effect', '4.1.0');
const undici = readingsOf('undici', '8.12.4');
const bullmq = readingsOf('bullmq', '6.7.0');

/** @type {Verdict[]} */
export const verdicts = [
  // --- mongodb 7.9.0 -----------------------------------------------------------------------------
  mongodb(
    'untyped',
    'prefer-promise-all',
    'src/cmap/auth/scram.ts',
    166,
    "const clientKey = await HMAC(cryptoMethod, saltedPassword, '",
    'harmless',
    'two WebCrypto HMACs of a few bytes once per SCRAM handshake: running them together saves microseconds.',
  ),

  // --- puppeteer-core 25.16.0 --------------------------------------------------------------------
  puppeteer(
    'untyped',
    'no-blocking-in-async',
    'src/node/BrowserLauncher.ts',
    665,
    'if (validatePath && !existsSync(executablePath)) {',
    'harmless',
    'one stat of the browser executable before spawning a browser process, once per launch.',
  ),
  puppeteer(
    'untyped',
    'no-blocking-in-async',
    'src/node/BrowserLauncher.ts',
    336,
    "existsSync(join(launchArgs.userDataDir, 'lockfile')))",
    'harmless',
    'one stat on the error path of a failed browser launch (Windows only), before throwing.',
  ),
  puppeteer(
    'untyped',
    'no-blocking-in-async',
    'src/node/FirefoxLauncher.ts',
    154,
    'if (fs.existsSync(prefsBackupPath)) {',
    'harmless',
    'one stat per backup file (two) while cleaning a Firefox profile after the browser closed.',
  ),
  puppeteer(
    'untyped',
    'no-blocking-in-async',
    'src/node/BrowserLauncher.ts',
    627,
    'if (validatePath && !existsSync(executablePath)) {',
    'harmless',
    'one stat of a configured executable path, once per launch, before a process spawn that costs far more.',
  ),
  puppeteer(
    'untyped',
    'no-blocking-in-async',
    'src/node/BrowserLauncher.ts',
    176,
    'if (!existsSync(launchArgs.executablePath)) {',
    'harmless',
    'one stat of the executable before spawning the browser, once per launch.',
  ),
  puppeteer(
    'untyped',
    'prefer-promise-all',
    'src/util/disposable.ts',
    326,
    'await resource[asyncDisposeSymbol]();',
    'wrong',
    'AsyncDisposableStack disposes last-in-first-out by contract: the order is the point.',
  ),
  puppeteer(
    'untyped',
    'prefer-promise-all',
    'src/api/ElementHandle.ts',
    960,
    'const startPoint = await this.clickablePoint();',
    'harmless',
    'two independent CDP reads, but in a deprecated method (`dragAndDrop`, use `drop`): nobody changes it.',
  ),
  puppeteer(
    'untyped',
    'prefer-promise-all',
    'src/common/BrowserConnector.ts',
    96,
    'const connectionURL = await getWSEndpoint(browserURL, header',
    'harmless',
    'the second await is a cached dynamic import of the ws transport class: nothing to overlap after the first call.',
  ),

  // --- effect 4.1.0 ------------------------------------------------------------------------------
  effect(
    'untyped',
    'no-floating-promise',
    'src/reactivity/Hydration.ts',
    180,
    'datom.resultPromise.then((resolvedValue) => {',
    'harmless',
    '`resultPromise` is built with `new Promise((resolve) => …)` (line 118) and never rejects; the callback only updates the registry.',
  ),
  effect(
    'untyped',
    'no-floating-promise',
    'src/Scheduler.ts',
    89,
    'Promise.resolve().then(() => {',
    'harmless',
    'a microtask trampoline for scheduler tasks that catch their own failures; a throw would crash the process as queueMicrotask would.',
  ),

  // --- undici 8.12.4 -----------------------------------------------------------------------------
  undici(
    'untyped',
    'no-floating-promise',
    'lib/dispatcher/dispatcher-base.js',
    159,
    'this[kDestroy](err)',
    'harmless',
    '`kDestroy` of Client/Pool returns a promise that only resolves (commented "Should not error").',
  ),
  undici(
    'untyped',
    'no-floating-promise',
    'lib/dispatcher/dispatcher-base.js',
    110,
    'this[kClose]()',
    'harmless',
    '`kClose` only resolves (its callers wait for drain); commented "Should not error".',
  ),
  undici(
    'untyped',
    'no-floating-promise',
    'lib/dispatcher/pool.js',
    124,
    'this[kDrainQueue](origin, targets.slice(1))',
    'harmless',
    '`kDrainQueue` (pool-base.js:120) is synchronous; it returns a promise only on the closing branch, and that one resolves `close()`.',
  ),
  undici(
    'untyped',
    'no-floating-promise',
    'lib/dispatcher/pool.js',
    159,
    'this[kDrainQueue](origin, targets.slice(1))',
    'harmless',
    '`kDrainQueue` (pool-base.js:120) is synchronous; it returns a promise only on the closing branch, and that one resolves `close()`.',
  ),
  undici(
    'untyped',
    'no-floating-promise',
    'lib/dispatcher/round-robin-pool.js',
    99,
    'this[kDrainQueue](origin, targets.slice(1))',
    'harmless',
    '`kDrainQueue` (pool-base.js:120) is synchronous; it returns a promise only on the closing branch, and that one resolves `close()`.',
  ),
  undici(
    'untyped',
    'no-floating-promise',
    'lib/dispatcher/client-h1.js',
    1391,
    'writeIterable(abort, body, client, request, socket, contentL',
    'harmless',
    '`writeIterable` (line 1614) wraps its loop in try/catch and hands errors to `writer.destroy`; only an internal invariant assert precedes it.',
  ),
  undici(
    'untyped',
    'no-floating-promise',
    'lib/dispatcher/client-h1.js',
    1384,
    'writeIterable(abort, body.stream(), client, request, socket,',
    'harmless',
    '`writeIterable` (line 1614) wraps its loop in try/catch and hands errors to `writer.destroy`; only an internal invariant assert precedes it.',
  ),
  undici(
    'untyped',
    'no-floating-promise',
    'lib/dispatcher/client-h2.js',
    1802,
    'writeIterable(',
    'harmless',
    '`writeIterable` (line 1931) wraps its loop in try/catch and hands errors to `abort`; only an internal invariant assert precedes it.',
  ),
  undici(
    'untyped',
    'no-floating-promise',
    'lib/web/fetch/index.js',
    379,
    'request.body.stream.cancel(error).catch((err) => {',
    'harmless',
    'the chain has a `.catch` that deliberately rethrows anything but ERR_INVALID_STATE, to surface a bug; not an oversight.',
  ),
  undici(
    'untyped',
    'no-floating-promise',
    'lib/web/websocket/sender.js',
    72,
    'this.#run()',
    'worth fixing',
    '`#run` awaits `item.arrayBuffer()` of a queued Blob: a failed read rejects unhandled and leaves `#running` true, so the send queue stalls for good.',
  ),

  // --- bullmq 6.7.0 ------------------------------------------------------------------------------
  bullmq(
    'untyped',
    'no-floating-promise',
    'dist/esm/classes/worker.js',
    735,
    'this.run();',
    'worth fixing',
    "`resume()` drops `run()`, which rejects when the main loop or the stalled checker fails; the constructor handles the same call with `.catch(error => this.emit('error', error))` (line 128).",
  ),
  bullmq(
    'untyped',
    'no-floating-promise',
    'dist/esm/classes/redis-queue-backend.js',
    487,
    'this.addJobToTransaction(pipeline, entry.job, entry.jobId, e',
    'harmless',
    'on a pipeline the commands only queue; errors come back from `pipeline.exec()` two lines down, where each is checked.',
  ),
  bullmq(
    'untyped',
    'prefer-promise-all',
    'dist/esm/postgres/migrator.js',
    220,
    'await applyMigration(client, migration);',
    'wrong',
    'schema migrations applied in version order inside one transaction: the order is required.',
  ),
  bullmq(
    'untyped',
    'prefer-promise-all',
    'dist/esm/postgres/migrator.js',
    212,
    'const currentVersion = await getCurrentSchemaVersion(client)',
    'harmless',
    'two reads on one pg client inside a transaction: the connection runs them one after the other anyway; a one-shot migration.',
  ),

  // --- ghost 6.65.0 ------------------------------------------------------------------------------
  ghost(
    'untyped',
    'no-blocking-in-async',
    'core/server/services/content-import/import/source.js',
    39,
    "const entries = (0, glob_1.globSync)('**/*', { cwd: director",
    'harmless',
    'globs an extracted upload that must hold one CSV file: a handful of entries, on an admin import.',
  ),
  ghost(
    'untyped',
    'no-blocking-in-async',
    'core/server/data/tinybird/scripts/docker-analytics-manager.js',
    175,
    'const envContent = execSync(',
    'harmless',
    'a developer script (data/tinybird/scripts) run from the command line: nothing else is served.',
  ),
  ghost(
    'untyped',
    'no-blocking-in-async',
    'core/server/data/importer/import-archive.js',
    102,
    "const files = (0, glob_1.globSync)('**/*', { cwd: tmpDir, no",
    'worth fixing',
    'walks every file of an uploaded site archive (content with all its images) on the server thread during an admin import; `await glob()` is a drop-in.',
  ),
  ghost(
    'untyped',
    'no-floating-promise',
    'core/server/services/email-analytics/email-analytics-service-wrapper.js',
    178,
    'this.startFetch();',
    'harmless',
    '`startFetch` (line 114) runs its work in try/catch with logging; the rethrowing restore branch has already run before any restart.',
  ),
  ghost(
    'untyped',
    'no-floating-promise',
    'core/server/services/members-metafields/config.js',
    33,
    'return MaxDefinitions.parse(configured);',
    'wrong',
    "`MaxDefinitions` is a zod schema: `Ceiling.catch(fallback)` is zod's fallback schema, not Promise#catch.",
  ),
  ghost(
    'untyped',
    'no-floating-promise',
    'core/server/services/members/import-export/config.js',
    29,
    'return InlineThreshold.parse(configured);',
    'wrong',
    "`InlineThreshold` is a zod schema: `Threshold.catch(fallback)` is zod's fallback schema, not Promise#catch.",
  ),
  ghost(
    'untyped',
    'no-floating-promise',
    'core/server/services/automations/service.js',
    117,
    'enqueuePollAt(new Date());',
    'harmless',
    '`enqueuePollAt` (line 80) puts its only awaits that can fail (key lookup, scheduling) in try/catch with logging.',
  ),
  ghost(
    'untyped',
    'no-floating-promise',
    'core/server/services/activitypub/activity-pub-service-wrapper.js',
    53,
    'configureActivityPub();',
    'worth fixing',
    'boot-time `enable()`/`disable()` run knex reads and writes of webhooks and integrations; a failure surfaces only through the global "Unhandled rejection" log and leaves `initialised` wrong.',
  ),
  ghost(
    'untyped',
    'no-floating-promise',
    'core/server/data/importer/importers/data/custom-theme-settings-importer.js',
    67,
    'activate(currentTheme);',
    'worth fixing',
    '`themes/activate` throws a ValidationError for a missing theme and awaits validation and activation: the import reports success while the failure is lost.',
  ),
  ghost(
    'untyped',
    'no-floating-promise',
    'core/server/services/notifications/notifications.js',
    49,
    'this.dangerousDestroyAll();',
    'worth fixing',
    'fire-and-forget on purpose, but `dangerousDestroyAll` is a settings write (`SettingsModel.edit`): a failed write is an unhandled rejection; add a `.catch` that logs.',
  ),
  ghost(
    'untyped',
    'no-floating-promise',
    'core/server/services/offers/offer-bookshelf-repository.js',
    297,
    'options.transacting.executionPromise.then(() => {',
    'worth fixing',
    'when the transaction rolls back, `executionPromise` rejects and this derived chain (one per offer event) rejects unhandled, although the caller handles the rollback.',
  ),
  ghost(
    'untyped',
    'prefer-promise-all',
    'core/server/api/endpoints/utils/serializers/output/posts.js',
    51,
    'const post = await mappers.posts(model, frame, { tiers });',
    'harmless',
    'the posts mapper is CPU work (HTML link tagging, cleaning) with a DB read only for legacy visibility filters: nothing to overlap.',
  ),
  ghost(
    'untyped',
    'prefer-promise-all',
    'core/server/api/endpoints/automated-emails.js',
    105,
    'const result = await models.Automation.findPage({',
    'harmless',
    'two independent reads, but the second is one settings row on an admin browse: a round trip saved at most.',
  ),
  ghost(
    'untyped',
    'prefer-promise-all',
    'core/server/services/members/members-api/services/member-bread-service.js',
    360,
    'await this.memberAttributionService.getSubscriptionCreatedAt',
    'harmless',
    'one read per subscription of one member (usually one or two) on an admin read.',
  ),
  ghost(
    'untyped',
    'prefer-promise-all',
    'core/server/lib/promise-pool.js',
    26,
    'await task();',
    'wrong',
    'this is the bounded pool itself: each worker takes tasks one at a time from a shared iterator on purpose.',
  ),
  ghost(
    'untyped',
    'prefer-promise-all',
    'core/server/services/members/members-api/services/member-bread-service.js',
    785,
    'const [offerMap, offerRedemptionsMap, giftMap] = await Promi',
    'harmless',
    'the suppression read could join the Promise.all above, but it is one more query on an admin member list.',
  ),
  ghost(
    'untyped',
    'prefer-promise-all',
    'core/server/services/lib/mailgun-client.js',
    206,
    'const result = await this.#fetchEventsFromDomain(',
    'harmless',
    'a background job over one or two Mailgun domains, each paging events into a batch handler that writes; interleaving the handlers gains nothing.',
  ),
  ghost(
    'untyped',
    'prefer-promise-all',
    'core/server/services/members/members-api/repositories/member-repository.js',
    824,
    'const product = await this._productRepository.get({ id: prod',
    'harmless',
    "reads inside the member update's transaction (`sharedOptions.transacting`): one connection runs them in turn anyway.",
  ),
  ghost(
    'untyped',
    'prefer-promise-all',
    'core/server/models/relations/authors.js',
    231,
    'results.push(await op());',
    'wrong',
    'the ops attach or detach post authors in one transaction; they run in sequence on purpose (formerly `sequence(ops)`).',
  ),
  ghost(
    'untyped',
    'prefer-promise-all',
    'core/server/data/importer/importers/data/tags-importer.js',
    74,
    'await op();',
    'wrong',
    'each op checks that a slug is free, then inserts: run together, two tags with one slug both insert (the comment above says so).',
  ),
  ghost(
    'untyped',
    'prefer-promise-all',
    'core/server/services/members/import-export/import/importer.js',
    164,
    "await metrics.metric('members-import', {",
    'harmless',
    'post-import bookkeeping in a background import; nobody waits on its latency, and the comment asks for one error report.',
  ),

  // --- typeorm 1.1.1 -----------------------------------------------------------------------------
  typeorm(
    'untyped',
    'no-floating-promise',
    'query-builder/RelationLoader.js',
    299,
    'value.then(',
    'worth fixing',
    'if the lazy relation load rejects, the caller handles `value` but this derived `.then` chain rejects unhandled (Node exits by default); the authors silenced typescript-eslint here.',
  ),

  // --- mongoose 9.12.1 ---------------------------------------------------------------------------
  mongoose(
    'untyped',
    'prefer-promise-all',
    'lib/connection.js',
    484,
    'await castBulkWrite.cast[op.name](Model, op, options, now);',
    'harmless',
    'casting and validating each op of an ordered bulkWrite is local CPU work (`$validate`); nothing to overlap.',
  ),
  mongoose(
    'untyped',
    'prefer-promise-all',
    'lib/model.js',
    2830,
    'await toSave.$save(options);',
    'wrong',
    'the `ordered: true` branch of `Model.create`: saves one at a time by contract (the unordered branch below uses Promise.all).',
  ),
];
