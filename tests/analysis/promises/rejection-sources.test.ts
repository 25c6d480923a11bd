import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import type { FunctionNode } from '../../../src/analysis/ast.js';
import { findRejectionSources, isMicrotaskChain } from '../../../src/analysis/promises/rejection-sources.js';
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
      'ask(Promise.resolve(0).then(() => flush()));',
      'ask(Promise.resolve().then(() => step(1)).then(() => step(2)));',
      'ask(Promise.resolve().then(async () => { try { await load(); } catch {} }));',
      'ask(Promise.resolve().then(() => { try { parse(); } catch (e) { throw e; } finally { done(); } }).then(() => {}));',
    ].join('\n');
    // The last chain's receiver rethrows: only the callback of the outer `then` is judged after it.
    expect(asked(code)).toEqual([true, true, true, true, false]);
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
