import { describe, expect, it } from 'vitest';

import { awaitedLatency } from '../../../src/analysis/concurrency/latency.js';
import { probeAsked } from '../harness.js';

describe('awaitedLatency', () => {
  it.each([
    [
      'an async helper that awaits and calls nothing',
      'async function check(a) { if (!a) return false; return a > 1; }',
      'none',
    ],
    ['one that throws a new error', 'async function check(a) { if (!a) throw new Error("no"); return true; }', 'none'],
    ['an async arrow with an expression body', 'const check = async (a) => a.enabled === true;', 'none'],
    [
      'a method of the class through this',
      'class C { async check(a) { return !!a; } run() { ask(this.check(1)); } }',
      'none',
    ],
    ['only dynamic imports', "const load = async () => (await import('./ws.js')).Transport;", 'module-load'],
    [
      'an import on each branch',
      "const load = async (n) => n ? (await import('./a.js')).A : (await import('./b.js')).B;",
      'module-load',
    ],
    ['an import handed on, not awaited', "const load = async () => import('./ws.js');", 'unknown'],
    ['an awaited call', 'async function check(a) { return (await fetch(a)).ok; }', 'unknown'],
    ['a plain call', 'async function check(a) { return validate(a); }', 'unknown'],
    [
      'an import beside other work',
      "async function load(a) { const m = await import('./m.js'); return m.run(a); }",
      'unknown',
    ],
    ['an object built', 'async function check(a) { return new Worker(a); }', 'unknown'],
    [
      'a loop over an iterator',
      'async function check(a) { for (const x of a) if (x) return true; return false; }',
      'unknown',
    ],
    ['a function that is not async', 'function check(a) { return a > 1; }', 'unknown'],
  ])('%s', (_title, declaration, expected) => {
    const call = declaration.startsWith('class')
      ? ''
      : `\nask(${/const (\w+)|function (\w+)/.exec(declaration)!.slice(1).find(Boolean)}(1));`;
    const answers = probeAsked({ code: declaration + call }, awaitedLatency);
    expect(answers).toEqual([expected]);
  });

  it('is unknown for a callee it cannot see', () => {
    expect(probeAsked({ code: "import { check } from './check.js';\nask(check(1));" }, awaitedLatency)).toEqual([
      'unknown',
    ]);
  });
});
