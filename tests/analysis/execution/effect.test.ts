import { describe, expect, it } from 'vitest';

import { isFunctionNode } from '../../../src/analysis/ast.js';
import { findEffectBody, trackEffectRuns } from '../../../src/analysis/execution/effect.js';
import { type Context, probe, probeOne } from '../harness.js';

function runs(code: string, filename = 'file.js'): string[] {
  return probeOne({ code, filename }, 'Program:exit', (context: Context) =>
    [...trackEffectRuns(context).values()].map(
      ({ call, row, effect }) =>
        `${context.sourceCode.getText(call)} [${row.run}] runs ${effect ? context.sourceCode.getText(effect) : '?'}`,
    ),
  );
}

/** For every function in the file: the API whose body it is, or `-`. */
function bodies(code: string): string[] {
  return probe({ code }, ':function', (context, node) => {
    if (!isFunctionNode(node)) return '-';
    const body = findEffectBody(context, node);
    return body ? body.row.path.join('.') : '-';
  });
}

describe('trackEffectRuns', () => {
  it('finds Effect.run* through the effect entry point and a module namespace', () => {
    expect(runs("import { Effect } from 'effect';\nEffect.runPromise(main);\nEffect.runSyncExit(main);")).toEqual([
      'Effect.runPromise(main) [direct] runs main',
      'Effect.runSyncExit(main) [direct] runs main',
    ]);
    expect(runs("import * as E from 'effect/Effect';\nE.runFork(main);")).toEqual([
      'E.runFork(main) [direct] runs main',
    ]);
    expect(runs("const { Effect } = require('effect');\nEffect.runCallback(main);", 'file.cjs')).toEqual([
      'Effect.runCallback(main) [direct] runs main',
    ]);
  });

  it('finds curried Runtime runners, their two-argument form, and ManagedRuntime methods', () => {
    expect(
      runs(
        "import { Runtime, ManagedRuntime } from 'effect';\nconst run = Runtime.runPromise(rt);\nrun(a);\nRuntime.runSync(rt, b);\nconst app = ManagedRuntime.make(layer);\napp.runPromise(c);\napp.dispose();",
      ),
    ).toEqual([
      'Runtime.runSync(rt, b) [curried] runs b',
      'run(a) [curried] runs a',
      'app.runPromise(c) [factory] runs c',
    ]);
  });

  it('finds Effect 4 runners made with services', () => {
    expect(
      runs(
        "import { Effect } from 'effect';\nEffect.runPromiseWith(services)(a);\nconst fork = Effect.runForkWith(services);\nfork(b);",
      ),
    ).toEqual(['Effect.runPromiseWith(services)(a) [curried] runs a', 'fork(b) [curried] runs b']);
  });

  it('ignores lookalikes', () => {
    expect(
      runs(
        "import { Effect } from './effect.js';\nEffect.runPromise(main);\nconst Runtime = { runSync() {} };\nRuntime.runSync(x, y);",
      ),
    ).toEqual([]);
  });
});

describe('findEffectBody', () => {
  it('recognises generator bodies of Effect.gen and Effect.fn, curried or not', () => {
    expect(
      bodies(
        "import { Effect } from 'effect';\nEffect.gen(function* () {});\nEffect.gen(self, function* () {});\nEffect.fn('save')(function* () {}, (effect) => effect);\nEffect.fnUntraced(function* () {});",
      ),
    ).toEqual(['Effect.gen', 'Effect.gen', 'Effect.fn', '-', 'Effect.fnUntraced']);
  });

  it('recognises thunks, including the try property, and nothing nested deeper', () => {
    expect(
      bodies(
        "import * as Effect from 'effect/Effect';\nEffect.promise(() => load());\nEffect.tryPromise({ try: () => load(), catch: (e) => e });\nEffect.sync(() => { setTimeout(() => tick()); });",
      ),
    ).toEqual(['promise', 'tryPromise', '-', 'sync', '-']);
  });

  it('needs the effect module', () => {
    expect(bodies("import { Effect } from 'not-effect';\nEffect.gen(function* () {});")).toEqual(['-']);
  });
});
