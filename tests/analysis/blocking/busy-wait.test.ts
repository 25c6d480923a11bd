import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { type LoopNode } from '../../../src/analysis/ast.js';
import { findBusyWait } from '../../../src/analysis/blocking/busy-wait.js';
import { type Context, probe } from '../harness.js';

const LOOPS = 'WhileStatement, DoWhileStatement, ForStatement';

/** For each loop: `clock | bound - reading` (the delay, when the loop only waits), or null. */
function busyWaits(code: string): (string | null)[] {
  return probe({ code }, LOOPS, (context: Context, node: TSESTree.Node) => {
    const found = findBusyWait(context, node as LoopNode);
    if (!found) return null;
    const text = (n: TSESTree.Node) => context.sourceCode.getText(n);
    return found.delay
      ? `${text(found.clock)} | ${text(found.delay.bound)} - ${text(found.delay.reading)}`
      : text(found.clock);
  });
}

describe('findBusyWait', () => {
  it.each([
    ['an empty while on Date.now()', 'while (Date.now() < end) {}', ['Date.now() | end - Date.now()']],
    ['the bound on the left', 'while (end > Date.now());', ['Date.now() | end - Date.now()']],
    [
      'elapsed time against a budget',
      'while (performance.now() - start <= ms);',
      ['performance.now() | ms - performance.now() - start'],
    ],
    ['a clock kept in a variable by the body', 'do { now = Date.now(); } while (now - start < 10);', ['Date.now()']],
    ['a for loop with a clock update', 'for (let now = 0; now < end; now = Date.now()) {}', ['Date.now()']],
    ['new Date() without arguments', 'while (new Date() < end) {}', ['new Date()']],
    ['process.hrtime.bigint()', 'while (process.hrtime.bigint() < deadline) {}', ['process.hrtime.bigint()']],
    [
      'perf_hooks performance',
      "import { performance as perf } from 'node:perf_hooks';\nwhile (perf.now() < end) {}",
      ['perf.now() | end - perf.now()'],
    ],
    ['one side of &&', 'while (!ready && Date.now() < end) {}', ['Date.now()']],
    ['a counting body is still a spin', 'while (Date.now() < end) { spins++; }', ['Date.now()']],
  ])('finds %s', (_name, code, expected) => {
    expect(busyWaits(code)).toEqual(expected);
  });

  it.each([
    ['a body that does work', 'while (Date.now() < end) { step(); }'],
    ['a body that awaits', 'async function f() { while (Date.now() < end) { await tick(); } }'],
    ['a date built from a value', 'while (new Date(value) < end) {}'],
    ['a comparison with no clock', 'while (i < n) {}'],
    ['clocks on both sides', 'while (Date.now() < Date.now() + 1) {}'],
    ['a local Date lookalike', 'const Date = { now: () => 0 };\nwhile (Date.now() < end) {}'],
    ['a for loop without a test', 'for (;;) { if (Date.now() > end) break; }'],
  ])('ignores %s', (_name, code) => {
    expect(busyWaits(code).filter((entry) => entry !== null)).toEqual([]);
  });
});
