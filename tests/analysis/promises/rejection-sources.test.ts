import type { TSESTree } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';

import type { FunctionNode } from '../../../src/analysis/ast.js';
import { resolveCalledFunction } from '../../../src/analysis/promises/called-function.js';
import {
  calledFunctionCanReject,
  findRejectionSources,
  isMicrotaskChain,
} from '../../../src/analysis/promises/rejection-sources.js';
import { probe, probeAsked, type Snippet } from '../harness.js';

/** `kind line:text` of each rejection source of the function named `f` (declaration or `const f = …`). */
function sources(snippet: Snippet): string[] {
  const found = probe(
    snippet,
    'FunctionDeclaration[id.name="f"], VariableDeclarator[id.name="f"] > :function',
    (context, node) =>
      findRejectionSources(context, node as FunctionNode).map(
        (source) =>
          `${source.kind} ${source.node.loc.start.line}:${context.sourceCode.getText(source.node).split('\n')[0]}`,
      ),
  );
  if (found.length !== 1) throw new Error(`expected one function f in ${snippet.code}`);
  return found[0]!;
}

describe('findRejectionSources', () => {
  it('finds unguarded throws, awaited calls, for await loops and returned promises', () => {
    const code = [
      'async function save(x) { await db.put(x); }',
      'const f = async (items) => {',
      '  if (!items) throw new TypeError("items");',
      '  await fetchAll(items);',
      '  for await (const item of stream(items)) use(item);',
      '  return save(items);',
      '};',
    ].join('\n');
    expect(sources({ code })).toEqual([
      'throw 3:throw new TypeError("items");',
      'await 4:await fetchAll(items)',
      'for-await 5:for await (const item of stream(items)) use(item);',
      'return 6:save(items)',
    ]);
  });

  it('leaves out what a try/catch around it catches, but not a rethrow or a returned promise', () => {
    const code = [
      'async function load() { return (await fetch("/x")).json(); }',
      'async function f() {',
      '  try {',
      '    await step();',
      '    return load();',
      '  } catch (error) {',
      '    await report(error);',
      '    throw error;',
      '  } finally {',
      '    await close();',
      '  }',
      '}',
    ].join('\n');
    expect(sources({ code })).toEqual([
      'return 5:load()',
      'await 7:await report(error)',
      'throw 8:throw error;',
      'await 10:await close()',
    ]);
  });

  it('counts only calls that can reject', () => {
    const code = [
      'async function safe() { try { await step(); } catch (error) { log(error); } }',
      // Its only await is of a function that cannot reject, and the finally is inert: it cannot reject either.
      'async function refresh() { if (busy) return; busy = true; try { await safe(); } finally { busy = false; } }',
      'function twice(x) { return x * 2; }',
      'async function f(pending) {',
      '  await safe();',
      '  await refresh();',
      '  await step().catch(log);',
      '  await new Promise((resolve) => setTimeout(resolve, 10));',
      '  await twice(2);',
      '  await pending;',
      '  const n = parse(pending);',
      '  return n;',
      '}',
    ].join('\n');
    expect(sources({ code })).toEqual([]);
  });

  it('counts a Promise whose executor can reject, and a shadowed Promise', () => {
    const code = [
      'async function f(ms) {',
      '  await new Promise((resolve, reject) => setTimeout(reject, ms));',
      '  await new Promise(async (resolve) => resolve(await step()));',
      '  await new Promise((resolve) => { if (!ms) throw new RangeError("ms"); setTimeout(resolve, ms); });',
      '  await new Promise((...settle) => setTimeout(settle[1], ms));',
      '  await new Promise((resolve) => { try { resolve(JSON.parse(ms)); } catch { resolve(null); } });',
      '}',
    ].join('\n');
    // A synchronous throw in the executor rejects the promise; one caught inside it does not.
    expect(sources({ code })).toEqual([
      'await 2:await new Promise((resolve, reject) => setTimeout(reject, ms))',
      'await 3:await new Promise(async (resolve) => resolve(await step()))',
      'await 4:await new Promise((resolve) => { if (!ms) throw new RangeError("ms"); setTimeout(resolve, ms); })',
      'await 5:await new Promise((...settle) => setTimeout(settle[1], ms))',
    ]);
    const shadowed = 'class Promise {}\nasync function f() { await new Promise((resolve) => resolve()); }';
    expect(sources({ code: shadowed })).toEqual(['await 2:await new Promise((resolve) => resolve())']);
  });

  it('counts a Promise whose executor resolves with a promise or calls a built-in that throws on bad input', () => {
    const code = [
      "import { readFile } from 'node:fs/promises';",
      'async function f(x, s, value) {',
      '  await new Promise((resolve) => resolve(readFile(x)));',
      '  await new Promise((resolve) => resolve(Promise.reject(new Error("x"))));',
      '  await new Promise((resolve) => { emitter.once("done", () => resolve(readFile(x))); });',
      '  await new Promise((resolve) => { resolve(JSON.parse(s)); });',
      '  await new Promise((resolve) => { try { resolve(JSON.parse(s)); } catch { resolve(null); } });',
      '  await new Promise((resolve) => resolve(value));',
      '}',
    ].join('\n');
    // A value of unknown origin is taken for a plain one (callback wrappers resolve with what they got).
    expect(sources({ code })).toEqual([
      'await 3:await new Promise((resolve) => resolve(readFile(x)))',
      'await 4:await new Promise((resolve) => resolve(Promise.reject(new Error("x"))))',
      'await 5:await new Promise((resolve) => { emitter.once("done", () => resolve(readFile(x))); })',
      'await 6:await new Promise((resolve) => { resolve(JSON.parse(s)); })',
    ]);
  });

  it('does not look into nested functions, and has nothing to say about plain functions', () => {
    const code = 'async function f() { list.forEach(async (x) => { await save(x); }); const g = () => { throw 1; }; }';
    expect(sources({ code })).toEqual([]);
    expect(sources({ code: 'function f() { throw new Error("sync"); }' })).toEqual([]);
  });

  it('follows recursion without looping, counting the recursive call as one that can reject', () => {
    const code = 'async function f(n) { if (n > 0) await f(n - 1); }';
    expect(sources({ code })).toEqual(['await 1:await f(n - 1)']);
  });

  it('answers the same with type information', () => {
    const code = 'async function f(): Promise<void> { try { await step(); } catch { } await other(); }';
    expect(sources({ code, typed: true })).toEqual(['await 1:await other()']);
  });
});

describe('isMicrotaskChain', () => {
  /** `isMicrotaskChain` for the argument of every `ask(…)`. */
  function asked(code: string, typed = false): boolean[] {
    return probeAsked({ code, typed }, (context, node) => isMicrotaskChain(context, node as TSESTree.CallExpression));
  }

  it('accepts a callback on a settled Promise.resolve() that cannot reject by itself', () => {
    const code = [
      'async function load() { return (await fetch("/x")).json(); }',
      'ask(Promise.resolve().then(() => { if (!cancelled) run(); }));',
      'ask(Promise.resolve(0).then(() => { flush(); }));',
      'ask(Promise.resolve().then(() => { step(1); }).then(() => void step(2)));',
      'ask(Promise.resolve().then(async () => { try { await load(); } catch {} }));',
      'ask(Promise.resolve().then(() => { try { parse(); } catch (e) { throw e; } finally { done(); } }).then(() => {}));',
    ].join('\n');
    // The last chain's receiver rethrows: only the callback of the outer `then` is judged after it.
    expect(asked(code)).toEqual([true, true, true, true, false]);
  });

  it('refuses a callback that returns what may be a promise or throws on bad input', () => {
    const code = [
      'ask(Promise.resolve().then(() => task()));',
      'ask(Promise.resolve().then(() => obj.save()));',
      'ask(Promise.resolve().then(function () { return this.x(); }));',
      'ask(Promise.resolve(1).then(() => p));',
      'ask(Promise.resolve().then(() => { const v = JSON.parse(s); use(v); }));',
      'ask(Promise.resolve().then(async () => new URL(s)));',
      // Known not to be a promise: a literal, an operator, a void.
      'ask(Promise.resolve().then(() => 1 + n));',
      'ask(Promise.resolve().then(() => void task()));',
    ].join('\n');
    expect(asked(code)).toEqual([false, false, false, false, false, false, true, true]);
  });

  it('refuses a receiver that may reject or be another promise, and a callback that can reject', () => {
    const code = [
      'async function load() { return (await fetch("/x")).json(); }',
      'ask(Promise.reject(new Error("x")).then(() => {}));',
      'ask(Promise.resolve(pending).then(() => {}));',
      'ask(Promise.resolve().then(async () => { await load(); }));',
      'ask(Promise.resolve().then(() => load()));',
      'ask(Promise.resolve().then(() => { throw new Error("late"); }));',
      'ask(Promise.resolve().then(run));',
      'ask(Promise.resolve().then(() => {}, onError));',
      'ask(Promise.resolve().catch(() => {}));',
    ].join('\n');
    expect(asked(code)).toEqual([false, false, false, false, false, false, false, false]);
    expect(asked('const Promise = { resolve: () => source };\nask(Promise.resolve().then(() => {}));')).toEqual([
      false,
    ]);
  });

  it('answers the same with type information', () => {
    const code =
      'declare function run(): void;\nask(Promise.resolve().then(() => run()));\nask(Promise.resolve().then(() => fetch("/x")));';
    expect(asked(code, true)).toEqual([true, false]);
  });
});

/** `calledFunctionCanReject` for the last call of `go` in the code (the dropped one), or `unresolved`. */
function dropped(snippet: Snippet): string {
  const found = probe(snippet, 'CallExpression[callee.name="go"]', (context, node) => {
    const called = resolveCalledFunction(context, node as TSESTree.CallExpression);
    return called ? String(calledFunctionCanReject(context, called)) : 'unresolved';
  });
  if (found.length === 0) throw new Error(`expected a call go() in ${snippet.code}`);
  return found[found.length - 1]!;
}

describe('calledFunctionCanReject', () => {
  it('counts an awaited value that may be a promise: a name, a parameter, import()', () => {
    const fs = "import { readFile } from 'node:fs/promises';\n";
    expect(dropped({ code: `${fs}async function go() { const p = readFile('/x'); await p; }\ngo();` })).toBe('true');
    expect(dropped({ code: 'async function go(p) { await p; }\ngo(p);' })).toBe('true');
    expect(dropped({ code: 'async function go(s) { await import(s); }\ngo(s);' })).toBe('true');
    // Known not to be a promise, or bound to one that cannot reject.
    expect(dropped({ code: 'async function go() { const n = 1; await n; await 2; }\ngo();' })).toBe('false');
    const timers = "import { setTimeout as sleep } from 'node:timers/promises';\n";
    expect(dropped({ code: `${timers}async function go() { const p = sleep(10); await p; }\ngo();` })).toBe('false');
  });

  it('counts a built-in that throws on bad input outside a try, by origin', () => {
    expect(dropped({ code: 'async function go(s) { const v = JSON.parse(s); use(v); }\ngo(s);' })).toBe('true');
    expect(dropped({ code: 'async function go(s) { use(new URL(s)); }\ngo(s);' })).toBe('true');
    expect(dropped({ code: 'async function go(s) { use(decodeURIComponent(s)); }\ngo(s);' })).toBe('true');
    expect(dropped({ code: 'async function go(s) { try { use(JSON.parse(s)); } catch {} }\ngo(s);' })).toBe('false');
    // A binding of the file named like the global, and unknown calls, are not counted.
    expect(
      dropped({ code: 'const JSON = { parse: (s) => s };\nasync function go(s) { use(JSON.parse(s)); }\ngo(s);' }),
    ).toBe('false');
    expect(dropped({ code: 'async function go(s) { use(parse(s)); }\ngo(s);' })).toBe('false');
  });

  it('follows awaited functions of the file: an await of one that cannot reject is no source', () => {
    const guarded = 'async function load() { try { await fetch("/x"); } catch (error) { console.warn(error); } }\n';
    expect(dropped({ code: `${guarded}async function go() { report(); await load(); log(); }\ngo();` })).toBe('false');
    expect(dropped({ code: `${guarded}async function go() { await load(); await fetch("/y"); }\ngo();` })).toBe('true');
    const unguarded = 'async function load() { await fetch("/x"); }\n';
    expect(dropped({ code: `${unguarded}async function go() { await load(); }\ngo();` })).toBe('true');
  });

  it('counts a returned call that may be a promise, and a call of a helper that throws on purpose', () => {
    expect(dropped({ code: 'async function go(db) { return db.insert(1); }\ngo(db);' })).toBe('true');
    expect(dropped({ code: 'async function go(db) { return db.size; }\ngo(db);' })).toBe('false');
    const check = 'function check(x) { if (!x) throw new Error("x"); }\n';
    expect(dropped({ code: `${check}async function go(x) { check(x); }\ngo(1);` })).toBe('true');
    expect(dropped({ code: `${check}async function go(x) { try { check(x); } catch {} }\ngo(1);` })).toBe('false');
  });

  it("knows timer promises without an abort signal, in TypeScript's CommonJS output too", () => {
    const esm = "import { setTimeout } from 'node:timers/promises';\n";
    expect(dropped({ code: `${esm}async function go() { await setTimeout(10); }\ngo();` })).toBe('false');
    expect(dropped({ code: `${esm}async function go(s) { await setTimeout(10, 1, { signal: s }); }\ngo();` })).toBe(
      'true',
    );
    const cjs = "const promises_1 = require('node:timers/promises');\n";
    expect(dropped({ code: `${cjs}async function go() { await (0, promises_1.setImmediate)(); }\ngo();` })).toBe(
      'false',
    );
  });

  it('follows this. methods, and counts recursion as able to reject', () => {
    const code =
      'class Poller {\n  async refresh() { try { await this.load(); } catch {} }\n  async go() { await this.refresh(); this.schedule(); }\n  run() { this.go(); }\n}';
    expect(
      probe({ code }, 'CallExpression[callee.property.name="go"]', (context, node) => {
        const called = resolveCalledFunction(context, node as TSESTree.CallExpression);
        return called && calledFunctionCanReject(context, called);
      }),
    ).toEqual([false]);
    expect(
      dropped({
        code: 'async function go(n) { if (n) await go(n - 1); }\ngo(2);',
      }),
    ).toBe('true');
  });
});
