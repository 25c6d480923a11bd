import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { type AwaitedStatement, classifyAwaitStatement } from '../../../src/analysis/concurrency/awaited-statements.js';
import { findAvailableLimiters } from '../../../src/analysis/concurrency/limiters.js';
import {
  classifyLoopRewrite,
  planBoundedLoop,
  planLoopPromiseAll,
  planSequentialPromiseAll,
} from '../../../src/analysis/fixes/promise-all.js';
import { applyFixes, type Snippet } from '../harness.js';

/** Merges every awaited statement of the body of `f` into one `Promise.all`. */
function mergeBody(code: string, filename = 'file.js'): string {
  return applyFixes({ code, filename }, 'FunctionDeclaration[id.name="f"] > BlockStatement', (fixer, context, node) => {
    const items = (node as TSESTree.BlockStatement).body
      .map((statement) => classifyAwaitStatement(statement))
      .filter((item): item is AwaitedStatement => item !== undefined);
    return planSequentialPromiseAll(context.sourceCode, items)?.apply(fixer);
  });
}

/** Merges the awaited statements of every `try` block. */
function mergeTryBlock(code: string): string {
  return applyFixes({ code }, 'TryStatement > BlockStatement.block', (fixer, context, node) => {
    const items = (node as TSESTree.BlockStatement).body
      .map((statement) => classifyAwaitStatement(statement))
      .filter((item): item is AwaitedStatement => item !== undefined);
    return planSequentialPromiseAll(context.sourceCode, items)?.apply(fixer);
  });
}

/** The bounded rewrite of every `for…of` loop, with the limiters the file can use. */
function boundLoop(snippet: Snippet, iterableIsArray = false): string {
  return applyFixes(snippet, 'ForOfStatement', (fixer, context, node) => {
    const rewrite = classifyLoopRewrite(node);
    return rewrite
      ? planBoundedLoop(
          context.sourceCode,
          context.filename,
          rewrite,
          iterableIsArray,
          findAvailableLimiters(context),
        )?.apply(fixer)
      : undefined;
  });
}

function rewriteLoop(code: string, iterableIsArray: boolean): string {
  return applyFixes({ code }, 'ForOfStatement', (fixer, context, node) => {
    const rewrite = classifyLoopRewrite(node);
    return rewrite ? planLoopPromiseAll(context.sourceCode, rewrite, iterableIsArray)?.apply(fixer) : undefined;
  });
}

describe('planSequentialPromiseAll', () => {
  it('declarations, holes for ignored results, trailing ones left out', () => {
    expect(mergeBody('async function f() { await a(); const b = await g(); await h(); }')).toBe(
      'async function f() { const [, b] = await Promise.all([a(), g(), h()]); }',
    );
  });

  it('type annotations become a tuple, with unknown for ignored results', () => {
    expect(mergeBody('async function f() { const a: A = await g(); await h(); }', 'file.ts')).toBe(
      'async function f() { const [a]: [A, unknown] = await Promise.all([g(), h()]); }',
    );
  });

  it('assignments after a line without a semicolon get one', () => {
    expect(mergeBody('async function f() {\n  use()\n  x = await g()\n  y = await h()\n}')).toBe(
      'async function f() {\n  use()\n  ;[x, y] = await Promise.all([g(), h()]);\n}',
    );
  });

  it('no semicolon after a block or an opening brace', () => {
    expect(mergeBody('async function f() {\n  if (c) {}\n  x = await g()\n  y = await h()\n}')).toBe(
      'async function f() {\n  if (c) {}\n  [x, y] = await Promise.all([g(), h()]);\n}',
    );
  });

  it('keeps comments between statements, tabs for tab-indented code', () => {
    expect(mergeBody('async function f() {\n\tawait g(); /* g */\n\t// h\n\tawait h();\n}')).toBe(
      'async function f() {\n\tawait Promise.all([\n\t\tg(), /* g */\n\t\t// h\n\t\th(),\n\t]);\n}',
    );
  });

  it('withholds the fix for mixed declarations, comments inside statements, and a local Promise', () => {
    for (const code of [
      'async function f() { const a = await g(); let b = await h(); }',
      'async function f() { const a = await g(); x = await h(); }',
      'async function f() { const a: A = await g(); const b = await h(); }',
      'async function f() { const a /* ! */ = await g(); const b = await h(); }',
      'class Promise {} async function f() { await g(); await h(); }',
    ]) {
      const filename = code.includes(': A') ? 'file.ts' : 'file.js';
      expect(mergeBody(code, filename)).toBe(code);
    }
  });

  it('in a try with a catch: the catch still sees the first rejection', () => {
    expect(mergeTryBlock('async function f() { try { await g(); await h(); } catch (e) { log(e); } }')).toBe(
      'async function f() { try { await Promise.all([g(), h()]); } catch (e) { log(e); } }',
    );
  });

  it('not in a try with a finally: the cleanup would run while the other calls still run', () => {
    for (const code of [
      'async function f() { try { await g(); await h(); } finally { release(); } }',
      'async function f() { try { await g(); await h(); } catch (e) { log(e); } finally { release(); } }',
      'async function f() { try { if (c) { try { await g(); await h(); } catch {} } } finally { release(); } }',
    ]) {
      expect(mergeTryBlock(code)).toBe(code);
    }
    // A finally of an outer function does not wait for the inner one's calls anyway.
    expect(mergeTryBlock('try { async function f() { try { await g(); await h(); } catch {} } } finally {}')).toBe(
      'try { async function f() { try { await Promise.all([g(), h()]); } catch {} } } finally {}',
    );
  });
});

describe('planLoopPromiseAll', () => {
  it('maps an array, or any iterable through Array.from', () => {
    expect(rewriteLoop('async function f() { for (const x of xs) await g(x); }', true)).toBe(
      'async function f() { await Promise.all(xs.map((x) => g(x))); }',
    );
    expect(rewriteLoop('async function f() { for (const x of a || b) await g(x); }', true)).toBe(
      'async function f() { await Promise.all((a || b).map((x) => g(x))); }',
    );
    expect(rewriteLoop('async function f() { for (const x of set) { await g(x); } }', false)).toBe(
      'async function f() { await Promise.all(Array.from(set, (x) => g(x))); }',
    );
  });

  it('pushes results in order', () => {
    expect(rewriteLoop('async function f() { for (const { id } of xs) this.out.push(await g(id)); }', true)).toBe(
      'async function f() { this.out.push(...(await Promise.all(xs.map(({ id }) => g(id))))); }',
    );
  });

  it('leaves other bodies, labelled loops, nested awaits and comments alone', () => {
    for (const code of [
      'async function f() { for (const x of xs) { await g(x); await h(x); } }',
      'async function f() { outer: for (const x of xs) await g(x); }',
      'async function f() { for (const x of xs) await g(await h(x)); }',
      'async function f() { for (const x of xs) { /* slow */ await g(x); } }',
      'async function f() { for await (const x of xs) await g(x); }',
      'async function f() { try { for (const x of xs) await g(x); } finally { done(); } }',
    ]) {
      expect(rewriteLoop(code, true)).toBe(code);
    }
  });

  it('a body that is one try … catch becomes an async callback: each element keeps its handling', () => {
    expect(
      rewriteLoop('async function f() { for (const x of xs) { try { await g(x); } catch (e) { log(e); } } }', true),
    ).toBe(
      'async function f() { await Promise.all(xs.map(async (x) => { try { await g(x); } catch (e) { log(e); } })); }',
    );
    expect(
      rewriteLoop(
        'async function f() {\n  for (const x of xs) {\n    try {\n      await g(x);\n    } catch (e) {\n      log(e);\n    }\n  }\n}',
        false,
      ),
    ).toBe(
      'async function f() {\n  await Promise.all(Array.from(xs, async (x) => {\n    try {\n      await g(x);\n    } catch (e) {\n      log(e);\n    }\n  }));\n}',
    );
  });

  it('not when the try … catch leaves the loop or the function', () => {
    for (const code of [
      'async function f() { for (const x of xs) { try { await g(x); } catch (e) { continue; } } }',
      'async function f() { for (const x of xs) { try { await g(x); } catch (e) { break; } } }',
      'async function f() { for (const x of xs) { try { return await g(x); } catch (e) { log(e); } } }',
      'async function f() { for (const x of xs) { try { await g(x); } finally { done(); } } }',
      // A var would leave the loop's scope; an array would be filled in the order the calls finish.
      'async function f() { for (const x of xs) { try { var r = await g(x); } catch {} } return r; }',
      'async function f() { for (const x of xs) { try { out.push(await g(x)); } catch {} } }',
    ]) {
      expect(rewriteLoop(code, true)).toBe(code);
    }
  });
});

describe('planBoundedLoop', () => {
  const LOOP = 'async function f(xs) {\n  for (const x of xs) await g(x);\n}';
  const COLLECT =
    'async function f(xs) {\n  const out = [];\n  for (const x of xs) out.push(await g(x));\n  return out;\n}';

  it('p-limit from an import: a limiter before the Promise.all', () => {
    expect(boundLoop({ code: `import pLimit from 'p-limit';\n${LOOP}`, filename: 'file.mjs' })).toBe(
      "import pLimit from 'p-limit';\nasync function f(xs) {\n  const limit = pLimit(10);\n  await Promise.all(Array.from(xs, (x) => limit(() => g(x))));\n}",
    );
    expect(boundLoop({ code: `import pLimit from 'p-limit';\n${COLLECT}`, filename: 'file.mjs' }, true)).toBe(
      "import pLimit from 'p-limit';\nasync function f(xs) {\n  const out = [];\n  const limit = pLimit(10);\n  out.push(...(await Promise.all(xs.map((x) => limit(() => g(x))))));\n  return out;\n}",
    );
  });

  it('a limiter name already taken gets a number; beside other code, a space instead of a line', () => {
    expect(
      boundLoop({
        code: "import pLimit from 'p-limit';\nconst limit = 1;\nasync function f(xs) { for (const x of xs) await g(x); }",
        filename: 'file.mjs',
      }),
    ).toBe(
      "import pLimit from 'p-limit';\nconst limit = 1;\nasync function f(xs) { const limit2 = pLimit(10); await Promise.all(Array.from(xs, (x) => limit2(() => g(x)))); }",
    );
  });

  it('p-map and async take any iterable; async needs an async iteratee', () => {
    expect(boundLoop({ code: `const pMap = require('p-map');\n${COLLECT}`, filename: 'file.cjs' })).toBe(
      "const pMap = require('p-map');\nasync function f(xs) {\n  const out = [];\n  out.push(...(await pMap(xs, (x) => g(x), { concurrency: 10 })));\n  return out;\n}",
    );
    expect(boundLoop({ code: `const async = require('async');\n${LOOP}`, filename: 'file.cjs' })).toBe(
      "const async = require('async');\nasync function f(xs) {\n  await async.mapLimit(xs, 10, async (x) => g(x));\n}",
    );
    // eachLimit has no results: with a collector, mapLimit is imported beside it.
    expect(boundLoop({ code: `import { eachLimit } from 'async';\n${COLLECT}`, filename: 'file.mjs' })).toBe(
      "import { eachLimit, mapLimit } from 'async';\nasync function f(xs) {\n  const out = [];\n  out.push(...(await mapLimit(xs, 10, async (x) => g(x))));\n  return out;\n}",
    );
  });

  it('a guarded body keeps its try … catch in the limited callback', () => {
    expect(
      boundLoop({
        code: "import pMap from 'p-map';\nasync function f(xs) { for (const x of xs) { try { await g(x); } catch {} } }",
        filename: 'file.mjs',
      }),
    ).toBe(
      "import pMap from 'p-map';\nasync function f(xs) { await pMap(xs, async (x) => { try { await g(x); } catch {} }, { concurrency: 10 }); }",
    );
  });

  it('declared in package.json: the import is added in the module style of the file', () => {
    expect(boundLoop({ code: LOOP, filename: 'projects/limiter-esm/src/jobs.js' })).toBe(
      "import pLimit from 'p-limit';\nasync function f(xs) {\n  const limit = pLimit(10);\n  await Promise.all(Array.from(xs, (x) => limit(() => g(x))));\n}",
    );
    // p-limit 6 is ESM only: a CommonJS file gets the p-map 4 it can require.
    expect(
      boundLoop({ code: `const db = require('./db');\n${LOOP}`, filename: 'projects/limiter-cjs/src/jobs.js' }),
    ).toBe(
      "const db = require('./db');\nconst pMap = require('p-map');\nasync function f(xs) {\n  await pMap(xs, (x) => g(x), { concurrency: 10 });\n}",
    );
  });

  it('nothing without a limiter, or where two statements cannot go', () => {
    expect(boundLoop({ code: LOOP })).toBe(LOOP);
    const unbraced = "import pLimit from 'p-limit';\nasync function f(xs) { if (xs) for (const x of xs) await g(x); }";
    expect(boundLoop({ code: unbraced, filename: 'file.mjs' })).toBe(unbraced);
  });
});
