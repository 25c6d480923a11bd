import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import type { FunctionNode } from '../../../src/analysis/ast.js';
import { getPromiseKnowledge } from '../../../src/analysis/promises/promises.js';
import {
  cannotReject,
  isDeliberatelyEndedChain,
  isHandledPromiseChain,
} from '../../../src/analysis/promises/rejection.js';
import { probe, probeAsked } from '../harness.js';

/** `isDeliberatelyEndedChain` with the rule's knowledge of which values are promises. */
function deliberate(context: Parameters<typeof getPromiseKnowledge>[0], node: TSESTree.Node): boolean {
  return isDeliberatelyEndedChain(context.sourceCode, node, (value) => getPromiseKnowledge(context).isPromise(value));
}

/** `cannotReject` for every function named `f` (declaration or `const f = …`). */
function answer(code: string): boolean {
  const found = probe(
    { code },
    'FunctionDeclaration[id.name="f"], VariableDeclarator[id.name="f"] > :function',
    (context, node) => cannotReject(context, node as FunctionNode),
  );
  if (found.length !== 1) throw new Error(`expected one function f in ${code}`);
  return found[0]!;
}

describe('cannotReject', () => {
  it.each([
    [
      'whole body in try/catch that logs',
      'async function f() { try { await load(); } catch (error) { console.error(error); } }',
    ],
    [
      'bookkeeping around the try',
      'async function f() { let attempts = 0; this.busy = true; try { await load(); } catch { this.busy = false; } }',
    ],
    ['a guard clause, then the try', 'async function f(x) { if (!x) return; try { await load(x); } catch {} }'],
    [
      'a retry loop around a guarded body',
      'async function f() { for (;;) { try { await step(); return; } catch { attempts++; } } }',
    ],
    ['only .catch-ed chains', 'async function f() { await load().catch(() => null); save().catch(report); }'],
    [
      'an awaited handled chain in a finally',
      'async function f() { try { await load(); } catch {} finally { await close().catch(() => {}); } }',
    ],
    ['an arrow returning a handled chain', 'const f = async () => load().then(use, report);'],
    [
      'a plain function returning only handled chains',
      'function f(x) { if (x) return load().catch(() => x); return save().catch(report); }',
    ],
    [
      'a plain function that returns a promise only on its closing branch, one that only resolves',
      'function f(queue) { while (queue.length) run(queue.shift()); if (closing) return new Promise((resolve) => done.push(resolve)); }',
    ],
    [
      'a plain function returning Promise.resolve() or a primitive',
      'function f(x) { if (x > 0) return Promise.resolve(); if (x < 0) return x === -1 ? "one" : undefined; return; }',
    ],
    ['a plain function that returns nothing', 'function f(x) { emit(x); }'],
    [
      'a plain function returning the call of a function of the file that cannot reject',
      'const insert = (row) => db.add(row).catch((error) => log(error));\nfunction f(row, tx) { if (!row) return; if (tx) return; return insert(row); }',
    ],
    [
      'a plain function returning the call of a guarded async function',
      'function f() { return run(); }\nasync function run() { try { await work(); } catch {} }',
    ],
    ['`return await` inside the try', 'async function f() { try { return await load(); } catch { return null; } }'],
    [
      'an invariant asserted with node:assert, a function declaration and listener registrations before the try',
      "import assert from 'node:assert';\nasync function f(body, socket) {\n  assert(body !== null, 'body required');\n  function onDrain() {}\n  socket.on('drain', onDrain).once('close', onDrain);\n  try { for await (const chunk of body) socket.write(chunk); } catch (error) { socket.destroy(error); }\n}",
    ],
    [
      'assert.strictEqual from require("assert")',
      "const assert = require('assert');\nasync function f(a) { assert.strictEqual(a.state, 'open'); try { await a.flush(); } catch {} }",
    ],
    [
      'a named check from assert/strict',
      "import { ok } from 'node:assert/strict';\nasync function f(a) { ok(a); try { await a.flush(); } catch {} }",
    ],
    [
      'an async function whose body only assigns',
      'const f = async function (deps) { this.api = deps.api; this.jobs = deps.jobs; };',
    ],
    [
      'a new instance of a class of the file that only stores what it is given',
      'class Writer {\n  written = 0;\n  constructor({ socket, size }) { this.socket = socket; this.size = size; socket.busy = true; }\n}\nasync function f(socket) { const writer = new Writer({ socket, size: 1 }); try { await writer.socket.flush(); } catch {} }',
    ],
  ])('%s: cannot reject', (_title, code) => {
    expect(answer(code)).toBe(true);
  });

  it.each([
    ['no try', 'async function f() { await load(); }'],
    [
      'a statement before the try that can throw',
      'async function f() { const data = parse(input); try { await save(data); } catch {} }',
    ],
    [
      'catch rethrows',
      'async function f() { try { await load(); } catch (error) { throw new Error("wrapped", { cause: error }); } }',
    ],
    [
      'catch returns a rejection',
      'async function f() { try { await load(); } catch (error) { return Promise.reject(error); } }',
    ],
    [
      'catch awaits something unhandled',
      'async function f() { try { await load(); } catch (error) { await report(error); } }',
    ],
    ['finally throws', 'async function f() { try { await load(); } catch {} finally { throw new Error("x"); } }'],
    ['try without catch', 'async function f() { try { await load(); } finally { done(); } }'],
    ['try returns the promise un-awaited', 'async function f() { try { return load(); } catch { return null; } }'],
    ['a handler that rethrows', 'async function f() { await load().catch((error) => { throw error; }); }'],
    ['a handler that is undefined', 'const f = async () => load().then(use, undefined);'],
    [
      'a plain function returning the call of a function of the file that can reject',
      'function f() { return run(); }\nasync function run() { await work(); }',
    ],
    ['a plain function returning the call of a function it cannot follow', 'function f(db) { return db.save(); }'],
    ['a plain function returning an unhandled promise', 'function f() { return load(); }'],
    [
      'a plain function that returns a promise it was given on one branch',
      'function f(pending) { if (!pending) return; return pending; }',
    ],
    ['Promise.resolve of a value that may be a promise', 'function f(x) { if (x) return Promise.resolve(x); }'],
    [
      'a new Promise whose executor takes reject',
      'function f() { if (closing) return new Promise((resolve, reject) => queue.push({ resolve, reject })); }',
    ],
    [
      'Promise.resolve of a local Promise class',
      'class Promise { static resolve() { return load(); } }\nfunction f() { return Promise.resolve(); }',
    ],
    ['a chain without a rejection handler', 'function f() { if (closing) return close().then(done); }'],
    ['a generator', 'async function* f() { try { yield 1; } catch {} }'],
    [
      'an assert of the file, not node:assert',
      'function assert(x) { if (!x) throw new Error("no"); }\nasync function f(a) { assert(a); try { await a.flush(); } catch {} }',
    ],
    [
      'assert.fail from node:assert: a deliberate throw',
      "import assert from 'node:assert';\nasync function f(a) { if (!a) assert.fail('no a'); try { await a.flush(); } catch {} }",
    ],
    [
      'a listener registration whose listener is computed by a call',
      'async function f(socket) { socket.on("drain", make()); try { await flush(); } catch {} }',
    ],
    [
      'a new instance whose constructor calls something',
      'class Writer { constructor(socket) { this.socket = socket; socket.open(); } }\nasync function f(socket) { const writer = new Writer(socket); try { await writer.flush(); } catch {} }',
    ],
    [
      'a new instance of a subclass',
      'class Writer extends Base {}\nasync function f(socket) { const writer = new Writer(socket); try { await writer.flush(); } catch {} }',
    ],
    [
      'a constructor destructuring an argument that may be undefined',
      'class Writer { constructor({ socket }) { this.socket = socket; } }\nasync function f(options) { const writer = new Writer(options); try { await writer.flush(); } catch {} }',
    ],
  ])('%s: can reject', (_title, code) => {
    expect(answer(code)).toBe(false);
  });
});

describe('isHandledPromiseChain', () => {
  it('recognises handled chains through await, void and finally', () => {
    const code = [
      'ask(p.catch(h));',
      'ask(p.then(a, b));',
      'ask(await p.catch(h).finally(f));',
      'ask(void p.catch(h));',
      'ask(p.then(a));',
      'ask(p.catch());',
      'ask(p.finally(f));',
      'ask(p.then(a, null));',
      'ask(p);',
    ].join('\n');
    expect(
      probeAsked({ code }, (context, node) => isHandledPromiseChain(context.sourceCode, node as TSESTree.Expression)),
    ).toEqual([true, true, true, true, false, false, false, false, false]);
  });
});

describe('isDeliberatelyEndedChain', () => {
  it('accepts a handled chain, or a handler that rethrows on purpose on some paths only', () => {
    const code = [
      'ask(p.catch(h));',
      "ask(p.catch((e) => { if (e.code === 'ENOENT') return; throw e; }));",
      "ask(p.then(ok, (e) => { if (e.name !== 'AbortError') return Promise.reject(e); }).finally(f));",
      "ask(void p.catch((e) => { if (expected(e)) { log(e); } else { throw new Error('failed', { cause: e }); } }));",
      "ask(p.catch(async (e) => { if (e.code === 'ENOENT') return; throw e; }));",
    ].join('\n');
    expect(probeAsked({ code }, (context, node) => deliberate(context, node))).toEqual([true, true, true, true, true]);
    // Handled for the dropped-statement question, yet the chain can still reject.
    expect(
      probeAsked({ code }, (context, node) => isHandledPromiseChain(context.sourceCode, node as TSESTree.Expression)),
    ).toEqual([true, false, false, false, false]);
  });

  it('refuses a handler that rethrows on every path, awaits what can reject, or is not a function written here', () => {
    const code = [
      'ask(p.then(a));',
      'ask(p.catch((e) => { throw e; }));',
      'ask(p.catch((e) => { log(e); throw e; }));',
      "ask(p.catch((e) => { if (e.code) throw new Error('coded'); else return Promise.reject(e); }));",
      'ask(p.catch((e) => Promise.reject(e)));',
      "ask(p.catch(async (e) => { if (e.code === 'ENOENT') return; await report(e); throw e; }));",
      'ask(p.then(a, undefined));',
    ].join('\n');
    expect(probeAsked({ code }, (context, node) => deliberate(context, node))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('refuses a handler unless it provably has a way to end without rejecting', () => {
    const code = [
      "ask(p.catch((e) => { switch (e.code) { case 'A': throw e; default: throw e; } }));",
      'ask(p.catch((e) => { if (c) return Promise.reject(e); throw e; }));',
      'ask(p.catch((e) => { try { throw e; } finally { log(e); } }));',
      'ask(p.catch((e) => { do { throw e; } while (c); }));',
      'ask(p.catch((e) => { for (;;) { if (c) throw e; } }));',
      'ask(p.catch((e) => { for (const x of xs) { return; } throw e; }));',
      'ask(p.catch((e) => { throw e; return; }));',
      'ask(p.catch((e) => { label: { if (c) break label; throw e; } throw e; }));',
      // The expected branch returns a value that may be a promise.
      "ask(p.catch((e) => { if (e.code === 'ENOENT') return retry(e); throw e; }));",
    ].join('\n');
    expect(probeAsked({ code }, deliberate)).toEqual(Array.from({ length: 9 }, () => false));
  });

  it('accepts the reachable ways to end without rejecting', () => {
    const code = [
      "ask(p.catch((e) => { if (e.code !== 'ENOENT') throw e; }));",
      "ask(p.catch((e) => { switch (e.code) { case 'ENOENT': return; default: throw e; } }));",
      "ask(p.catch((e) => { if (e.code === 'ENOENT') return 'missing'; throw e; }));",
      "ask(p.catch((e) => { try { if (e.code === 'ENOENT') return; } finally { log(e); } throw e; }));",
      "ask(p.catch((e) => { switch (e.code) { case 'A': throw e; } }));",
    ].join('\n');
    expect(probeAsked({ code }, deliberate)).toEqual([true, true, true, true, true]);
  });

  it('refuses a chain whose callback after or beside the handler can reject', () => {
    const code = [
      "import { readFile } from 'node:fs/promises';",
      "ask(p.then(() => readFile(t), (e) => { if (e.code === 'ENOENT') return; throw e; }));",
      "ask(p.catch((e) => { if (e.code === 'ENOENT') return; throw e; }).finally(() => readFile(t)));",
      'ask(p.catch(() => {}).finally(() => { throw new Error(); }));',
      'ask(p.then(async () => { await readFile(t); }, () => {}));',
      'ask(p.catch(() => readFile(t)));',
      // A callback that cannot reject keeps the chain handled.
      'ask(p.then(() => { log(t); }, () => {}).finally(() => { log(t); }));',
    ].join('\n');
    expect(probeAsked({ code }, deliberate)).toEqual([false, false, false, false, false, true]);
    // Without the rule's knowledge, only what is written in the callbacks counts.
    expect(
      probeAsked({ code }, (context, node) => isHandledPromiseChain(context.sourceCode, node as TSESTree.Expression)),
    ).toEqual([false, false, false, false, true, true]);
  });
});
