import { describe, expect, it } from 'vitest';

import { callSettlesOnlyByResolving } from '../../../src/analysis/promises/deferred.js';
import { probe } from '../harness.js';

const LATCH = [
  'class Latch {',
  '  #resolve!: () => void;',
  '  #reject!: (error: Error) => void;',
  '  promise = new Promise<void>((resolve, reject) => { this.#resolve = resolve; this.#reject = reject; });',
  '  constructor(timeout?: number) { if (timeout) setTimeout(() => this.reject(new Error("late")), timeout); }',
  '  resolve() { this.#resolve(); }',
  '  reject(error: Error) { this.#reject(error); }',
  '  wait() { return this.promise; }',
  '}',
].join('\n');

/** `callSettlesOnlyByResolving` of every `….wait()` call, in source order. */
function answers(code: string): boolean[] {
  return probe(
    { code: `${LATCH}\n${code}`, filename: 'file.ts' },
    'CallExpression[callee.property.name="wait"]',
    (context, node) => callSettlesOnlyByResolving(context, node as never),
  );
}

describe('callSettlesOnlyByResolving', () => {
  it('a private field or a local, only resolved', () => {
    const code = [
      'class Page {',
      '  #loaded = new Latch();',
      '  private ready: Latch | null = null;',
      '  async open() { this.ready = new Latch(); await this.#loaded.wait(); await this.ready?.wait(); }',
      '  done() { this.#loaded.resolve(); if (this.ready) this.ready.resolve(); }',
      '}',
      'const started = new Latch();',
      'async function run() { await started.wait(); started.resolve(); }',
    ].join('\n');
    expect(answers(code)).toEqual([true, true, true]);
  });

  it('rejected (from outside too), timed, handed on or written from outside: unknown', () => {
    const code = [
      'class Page {',
      '  #a = new Latch();',
      '  #b = new Latch(1000);',
      '  #c = new Latch();',
      '  d = new Latch();',
      '  #e = new Latch();',
      '  async open(other: Latch) { await this.#a.wait(); await this.#b.wait(); await this.#c.wait(); await this.d.wait(); await this.#e.wait(); this.#e = other; }',
      '  fail() { this.#a.reject(new Error("x")); register(this.#c); }',
      '}',
      'function abort(page: Page) { page.d.reject(new Error("x")); }',
      'let later = new Latch();',
      'async function run() { await later.wait(); }',
      'export function swap(other: Latch) { later = other; }',
    ].join('\n');
    expect(answers(code)).toEqual([false, false, false, false, false, false]);
  });

  // A name no other file of tests/fixtures mentions: a field of that name declared there would make it unknown.
  it('a public field, by every mention of it in the project; the receiver by its annotation or its class', () => {
    const code = [
      'export class Target {',
      '  opened = new Latch();',
      '  closed = new Latch();',
      '  attach() { this.opened.resolve(); }',
      '}',
      'async function watch(target: Target, maybe?: Target | undefined, other = new Target()) {',
      '  await target.opened.wait();',
      '  await maybe?.opened.wait();',
      '  await target.closed.wait();',
      '  await other.opened.wait();',
      '}',
      'const closers = { close: (target: Target) => target.closed.reject(new Error("closed")) };',
    ].join('\n');
    // `other` has no annotation: without types its class is unknown.
    expect(answers(code)).toEqual([true, true, false, false]);
  });

  it('with types, the class of an unannotated receiver from the checker', () => {
    const code = [
      'export class Target {',
      '  opened = new Latch();',
      '  attach() { this.opened.resolve(); }',
      '}',
      'async function watch(all: Target[]) {',
      '  const target = all[0]!;',
      '  await target.opened.wait();',
      '}',
    ].join('\n');
    const typed = probe(
      { code: `${LATCH}\n${code}`, filename: 'file.ts', typed: true },
      'CallExpression[callee.property.name="wait"]',
      (context, node) => callSettlesOnlyByResolving(context, node as never),
    );
    expect(typed.at(-1)).toBe(true);
    expect(answers(code).at(-1)).toBe(false);
  });
});
