import { describe, expect, it } from 'vitest';

import type { ClassNode } from '../../../src/analysis/ast.js';
import { deferredClassFacts } from '../../../src/analysis/promises/deferred-class.js';
import { probeOne } from '../harness.js';

/** The deferred facts of the one class of `code` (TypeScript). */
function factsOf(code: string) {
  return probeOne({ code, filename: 'file.ts' }, 'ClassDeclaration', (context, node) =>
    deferredClassFacts(context.sourceCode, node as ClassNode),
  );
}

describe('deferredClassFacts', () => {
  it("puppeteer's shape: a flag only reject sets, a timeout option, a factory", () => {
    const code = [
      'class Deferred<T> {',
      '  static create<R>(opts?: { timeout: number }) { return new Deferred<R>(opts); }',
      '  static race(all: Deferred<unknown>[]) { for (const d of all) d.reject(new Error("x")); }',
      '  #isRejected = false;',
      '  #done!: () => void;',
      '  #task = new Promise<void>((resolve) => { this.#done = resolve; });',
      '  constructor(opts?: { timeout: number }) {',
      '    if (opts && opts.timeout > 0) { setTimeout(() => { this.reject(new Error("timeout")); }, opts.timeout); }',
      '  }',
      '  #finish() { this.#done(); }',
      '  resolve(value: T) { this.#finish(); }',
      '  reject(error: Error) { this.#isRejected = true; this.#finish(); }',
      '  fail() { this.#isRejected = true; }',
      '  async valueOrThrow() { await this.#task; if (this.#isRejected) throw new Error("rejected"); }',
      '}',
    ].join('\n');
    expect(factsOf(code)).toEqual({
      rejectingMembers: ['reject', '#isRejected', 'fail'],
      factories: ['create'],
      constructorRejects: 'given-arguments',
    });
  });

  it("the executor's reject kept in a field: storing it is no rejection, calling it is", () => {
    const code = [
      'class Latch {',
      '  #resolve!: () => void;',
      '  #reject!: (error: Error) => void;',
      '  promise = new Promise<void>((resolve, reject) => { this.#resolve = resolve; this.#reject = reject; });',
      '  resolve() { this.#resolve(); }',
      '  reject(error: Error) { this.#reject(error); }',
      '  abort() { this.#reject(new Error("aborted")); }',
      '  wait() { return this.promise; }',
      '}',
    ].join('\n');
    expect(factsOf(code)).toEqual({
      rejectingMembers: ['reject', '#reject', 'abort'],
      factories: [],
      constructorRejects: 'never',
    });
  });

  it('a constructor that rejects whatever it is given', () => {
    const code = [
      'class Timed {',
      '  constructor(ms: number) { setTimeout(() => this.reject(new Error("late")), ms); }',
      '  resolve() {}',
      '  reject(error: Error) { console.error(error); }',
      '}',
    ].join('\n');
    expect(factsOf(code)?.constructorRejects).toBe('always');
  });

  it('not a deferred: no reject, a subclass, a computed member', () => {
    expect(factsOf('class Signal { resolve() {} wait() {} }')).toBeUndefined();
    expect(factsOf('class Child extends Base { resolve() {} reject() {} }')).toBeUndefined();
    expect(factsOf('class Keyed { resolve() {} reject() {} [kDrain]() { this.reject(); } }')).toBeUndefined();
  });
});
