/**
 * Hand-read verdicts on the typed anchor's `@typescript-eslint/no-floating-promises` reports (configuration E),
 * for the recall target: "in (B) our floating-promise rule finds at least 60 % of the *true* floating promises
 * that (E) finds". run.js counts a report as a false positive only when an entry here says so for the same
 * corpus version, file and line; every other report, read or not, counts as true. Entries whose corpus
 * version differs from the installed one, or that no longer match a report, are listed under "Problems" in
 * RESULTS.md so that a corpus upgrade asks for a new reading instead of silently keeping old verdicts.
 *
 * - `true`: the statement drops a promise that exists at run time and nothing handles its rejection.
 * - `false positive`: no promise exists at run time at this call, although the inferred type allows one.
 */

/** @typedef {{ corpus: string, version: string, file: string, line: number, verdict: 'true' | 'false positive', why: string }} Verdict */

/** Node-style APIs that return a promise only when called without a callback. */
const callbackForm = (call) =>
  `\`${call}\` passes a callback, and this function returns a promise only when the callback is missing: at run time it returns undefined. The checker infers \`Promise<…> | undefined\` for both branches.`;

const CSRF_JSDOC =
  '`cookieCsrfProtection` (session-service.js:127) is a plain function whose body throws or returns nothing; its JSDoc says `@returns {Promise<void>}`, which the checker believes for JavaScript. No promise exists.';

/** @type {Verdict[]} */
export const verdicts = [
  // puppeteer-core 25.16.0
  {
    corpus: 'puppeteer-core',
    version: '25.16.0',
    file: 'src/bidi/CDPSession.ts',
    line: 42,
    verdict: 'true',
    why: 'async IIFE in a constructor; its catch calls a deferred’s reject, which can throw, and nothing handles it.',
  },

  // effect 4.1.0
  {
    corpus: 'effect',
    version: '4.1.0',
    file: 'src/Scheduler.ts',
    line: 89,
    verdict: 'true',
    why: '`Promise.resolve().then(…)` with no rejection handler: an error thrown by the scheduled task is unhandled.',
  },
  {
    corpus: 'effect',
    version: '4.1.0',
    file: 'src/reactivity/Hydration.ts',
    line: 180,
    verdict: 'true',
    why: '`datom.resultPromise.then(…)` with no rejection handler.',
  },

  // undici 8.12.4
  {
    corpus: 'undici',
    version: '8.12.4',
    file: 'lib/api/api-connect.js',
    line: 93,
    verdict: 'false positive',
    why: callbackForm('connect.call(this, opts, cb)'),
  },
  {
    corpus: 'undici',
    version: '8.12.4',
    file: 'lib/api/api-request.js',
    line: 224,
    verdict: 'false positive',
    why: callbackForm('request.call(this, opts, cb)'),
  },
  {
    corpus: 'undici',
    version: '8.12.4',
    file: 'lib/api/api-stream.js',
    line: 251,
    verdict: 'false positive',
    why: callbackForm('stream.call(this, opts, factory, cb)'),
  },
  {
    corpus: 'undici',
    version: '8.12.4',
    file: 'lib/api/api-upgrade.js',
    line: 98,
    verdict: 'false positive',
    why: callbackForm('upgrade.call(this, opts, cb)'),
  },
  {
    corpus: 'undici',
    version: '8.12.4',
    file: 'lib/dispatcher/dispatcher-base.js',
    line: 72,
    verdict: 'false positive',
    why: callbackForm('this.close(cb)'),
  },
  {
    corpus: 'undici',
    version: '8.12.4',
    file: 'lib/dispatcher/dispatcher-base.js',
    line: 123,
    verdict: 'false positive',
    why: callbackForm('this.destroy(err, cb)'),
  },
  {
    corpus: 'undici',
    version: '8.12.4',
    file: 'lib/dispatcher/client-h1.js',
    line: 1384,
    verdict: 'true',
    why: 'async `writeIterable(…)` dropped; it can reject.',
  },
  {
    corpus: 'undici',
    version: '8.12.4',
    file: 'lib/dispatcher/client-h1.js',
    line: 1386,
    verdict: 'true',
    why: 'async `writeBlob(…)` dropped; its catch calls `abort`, which can throw.',
  },
  {
    corpus: 'undici',
    version: '8.12.4',
    file: 'lib/dispatcher/client-h1.js',
    line: 1391,
    verdict: 'true',
    why: 'async `writeIterable(…)` dropped, as at line 1384.',
  },
  {
    corpus: 'undici',
    version: '8.12.4',
    file: 'lib/dispatcher/client-h2.js',
    line: 1802,
    verdict: 'true',
    why: 'async `writeIterable(…)` dropped; it can reject.',
  },
  {
    corpus: 'undici',
    version: '8.12.4',
    file: 'lib/dispatcher/client-h2.js',
    line: 1813,
    verdict: 'true',
    why: 'async `writeBlob(…)` dropped, as in client-h1.js.',
  },
  {
    corpus: 'undici',
    version: '8.12.4',
    file: 'lib/dispatcher/client-h2.js',
    line: 1836,
    verdict: 'true',
    why: 'async `writeIterable(…)` dropped, as at line 1802.',
  },
  {
    corpus: 'undici',
    version: '8.12.4',
    file: 'lib/dispatcher/pool-base.js',
    line: 287,
    verdict: 'true',
    why: '`this[kOnDrain](…)` returns `closeClients(this).then(…)` (no rejection handler) while the pool closes.',
  },
  {
    corpus: 'undici',
    version: '8.12.4',
    file: 'lib/dispatcher/pool.js',
    line: 124,
    verdict: 'true',
    why: 'inherited `this[kDrainQueue](…)` returns `closeClients(this).then(…)` while the pool closes.',
  },
  {
    corpus: 'undici',
    version: '8.12.4',
    file: 'lib/dispatcher/pool.js',
    line: 132,
    verdict: 'true',
    why: 'inherited `this[kDrainQueue](…)`, as above.',
  },
  {
    corpus: 'undici',
    version: '8.12.4',
    file: 'lib/dispatcher/pool.js',
    line: 159,
    verdict: 'true',
    why: 'inherited `this[kDrainQueue](…)`, as above.',
  },
  {
    corpus: 'undici',
    version: '8.12.4',
    file: 'lib/dispatcher/round-robin-pool.js',
    line: 99,
    verdict: 'true',
    why: 'inherited `this[kDrainQueue](…)`, as above.',
  },
  {
    corpus: 'undici',
    version: '8.12.4',
    file: 'lib/web/cache/cache.js',
    line: 340,
    verdict: 'true',
    why: 'async `readAllBytes` (other file) dropped; its catch calls the failure callback, which can throw.',
  },
  {
    corpus: 'undici',
    version: '8.12.4',
    file: 'lib/web/fetch/util.js',
    line: 965,
    verdict: 'true',
    why: 'async `readAllBytes` dropped, as above.',
  },
  {
    corpus: 'undici',
    version: '8.12.4',
    file: 'lib/web/websocket/sender.js',
    line: 72,
    verdict: 'true',
    why: 'async `this.#run()` dropped; its loop awaits frames that can reject.',
  },

  // bullmq 6.7.0
  {
    corpus: 'bullmq',
    version: '6.7.0',
    file: 'dist/esm/classes/child.js',
    line: 133,
    verdict: 'true',
    why: '`worker_threads` `Worker#terminate()` returns a promise that is dropped.',
  },
  {
    corpus: 'bullmq',
    version: '6.7.0',
    file: 'dist/esm/classes/redis-queue-backend.js',
    line: 487,
    verdict: 'true',
    why: 'async `this.addJobToTransaction(…)` dropped on purpose (queued on a pipeline), but a rejection is unhandled.',
  },
  {
    corpus: 'bullmq',
    version: '6.7.0',
    file: 'dist/esm/classes/sandbox.js',
    line: 135,
    verdict: 'true',
    why: 'async `initChild()` dropped inside a promise executor; its body is guarded (catch calls `reject`), so the loss is ordering only, but a promise is dropped.',
  },
  {
    corpus: 'bullmq',
    version: '6.7.0',
    file: 'dist/esm/classes/worker.js',
    line: 735,
    verdict: 'true',
    why: 'async `this.run()` dropped.',
  },

  // ghost 6.65.0 (a tarball corpus: `node bench/run.js --corpus ghost`)
  {
    corpus: 'ghost',
    version: '6.65.0',
    file: 'core/server/services/auth/session/session-service.js',
    line: 334,
    verdict: 'false positive',
    why: CSRF_JSDOC,
  },
  {
    corpus: 'ghost',
    version: '6.65.0',
    file: 'core/server/services/auth/session/session-service.js',
    line: 413,
    verdict: 'false positive',
    why: CSRF_JSDOC,
  },
  {
    corpus: 'ghost',
    version: '6.65.0',
    file: 'core/server/services/auth/session/session-service.js',
    line: 535,
    verdict: 'false positive',
    why: CSRF_JSDOC,
  },
];
