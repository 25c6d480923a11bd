import { describe, expect, it } from 'vitest';

import { findEffectBody, trackEffectRuns } from '../../../src/analysis/execution/effect.js';
import { findExecutionContext } from '../../../src/analysis/execution/execution-context.js';
import { planEffectFix } from '../../../src/analysis/fixes/effect.js';
import { applyFixes } from '../harness.js';

describe('planEffectFix', () => {
  function effectFix(code: string): string {
    return applyFixes({ code }, 'CallExpression', (fixer, context, node) => {
      const run = trackEffectRuns(context).get(node);
      const fn = run && findExecutionContext(context, run.call).fn;
      const body = fn && findEffectBody(context, fn);
      return run && fn && body ? planEffectFix(context, run, fn, body.call)?.apply(fixer) : undefined;
    });
  }

  it('unwraps a thunk that only reruns the effect, and yields a run in a generator body', () => {
    expect(
      effectFix("import { Effect } from 'effect';\nconst a = Effect.promise(() => Effect.runPromise(load));"),
    ).toBe("import { Effect } from 'effect';\nconst a = load;");
    expect(
      effectFix(
        "import { Effect } from 'effect';\nconst b = Effect.gen(function* () { const x = Effect.runSync(load); return x.y; });",
      ),
    ).toBe(
      "import { Effect } from 'effect';\nconst b = Effect.gen(function* () { const x = yield* load; return x.y; });",
    );
    expect(
      effectFix(
        "import { Effect } from 'effect';\nconst c = Effect.gen(function* () { return Effect.runSync(load).y; });",
      ),
    ).toBe("import { Effect } from 'effect';\nconst c = Effect.gen(function* () { return (yield* load).y; });");
  });

  it('no rewrite when the runner does not match the wrapper', () => {
    const code = "import { Effect } from 'effect';\nconst a = Effect.sync(() => Effect.runPromise(load));";
    expect(effectFix(code)).toBe(code);
  });
});
