import { describe, expect, it } from 'vitest';

import { runsPerElement } from '../../../src/analysis/execution/repetition.js';
import { HERE, probe } from '../harness.js';

/** `runsPerElement` at every `here()`. */
const perElement = (code: string): boolean[] => probe({ code }, HERE, runsPerElement);

describe('runsPerElement', () => {
  it('loops over data and per-element callbacks repeat', () => {
    expect(
      perElement(
        'async function f(paths) {\n  for (const p of paths) here();\n  while (more()) here();\n  for (let i = 0; i < paths.length; i++) here();\n  paths.forEach((p) => here());\n  await Promise.all(paths.map(async (p) => here()));\n}',
      ),
    ).toEqual([true, true, true, true, true]);
  });

  it('short lists written in the code, small counters and loop heads do not', () => {
    expect(
      perElement(
        "const FILES = ['a', 'b'];\nasync function f(paths) {\n  for (const p of ['x', 'y']) here();\n  for (let i = 0; i < 3; i++) here();\n  FILES.map(async (f) => here());\n  for (const p of here()) use(p);\n  here();\n}",
      ),
    ).toEqual([false, false, false, false, false]);
  });

  it('a function that is not a per-element callback stops the walk; a short list inside a long loop repeats', () => {
    expect(
      perElement(
        "async function f(paths) {\n  for (const p of paths) {\n    setTimeout(() => here(), 10);\n    for (const q of ['a', 'b']) here();\n  }\n}",
      ),
    ).toEqual([false, true]);
  });
});
