import { describe, expect, it } from 'vitest';

import type { FunctionNode } from '../../../src/analysis/ast.js';
import { planAsyncExecutorFix } from '../../../src/analysis/fixes/async-executor.js';
import { applyFixes, probe, type Snippet } from '../harness.js';

const EXECUTOR = 'NewExpression > :function.arguments:first-child';

/** The code after rewriting every async executor of a `new …(…)`. */
function rewrite(snippet: Snippet): string {
  return applyFixes(snippet, EXECUTOR, (fixer, context, node) =>
    planAsyncExecutorFix(context.sourceCode, node as FunctionNode)?.(fixer),
  );
}

describe('planAsyncExecutorFix', () => {
  it('runs a block body in an async arrow whose rejection rejects the promise, one level deeper', () => {
    const code = [
      'function connect(url) {',
      '  return new Promise(async (resolve, reject) => {',
      '    const socket = await open(url);',
      "    socket.on('error', reject);",
      '    resolve(socket);',
      '  });',
      '}',
    ].join('\n');
    expect(rewrite({ code })).toBe(
      [
        'function connect(url) {',
        '  return new Promise((resolve, reject) => {',
        '    (async () => {',
        '      const socket = await open(url);',
        "      socket.on('error', reject);",
        '      resolve(socket);',
        '    })().catch(reject);',
        '  });',
        '}',
      ].join('\n'),
    );
  });

  it('follows the file indentation and leaves the lines of a multi-line template alone', () => {
    const code = [
      'const query = new Promise(async function (done, fail) {',
      '    const sql = `select *',
      '  from t`;',
      '    done(await run(sql));',
      '});',
    ].join('\n');
    expect(rewrite({ code })).toBe(
      [
        'const query = new Promise(function (done, fail) {',
        '    (async () => {',
        '        const sql = `select *',
        '  from t`;',
        '        done(await run(sql));',
        '    })().catch(fail);',
        '});',
      ].join('\n'),
    );
  });

  it('adds a reject parameter the body does not mention, with parentheses where needed', () => {
    expect(rewrite({ code: 'const ready = new Promise(async resolve => resolve(await warmUp()));' })).toBe(
      'const ready = new Promise((resolve, reject) => (async () => resolve(await warmUp()))().catch(reject));',
    );
    expect(rewrite({ code: 'const done = new Promise(async (resolve) => { await step(reject); resolve(); });' })).toBe(
      'const done = new Promise((resolve, rejectPromise) => { (async () => { await step(reject); resolve(); })().catch(rejectPromise); });',
    );
    expect(rewrite({ code: 'const box = new Promise(async (resolve) => ({ value: await load() }));' })).toBe(
      'const box = new Promise((resolve, reject) => (async () => ({ value: await load() }))().catch(reject));',
    );
  });

  it('keeps TypeScript parameter types', () => {
    const code = 'const n = new Promise<number>(async (resolve: (n: number) => void) => resolve(await count()));';
    expect(rewrite({ code, filename: 'file.ts' })).toBe(
      'const n = new Promise<number>((resolve: (n: number) => void, reject) => (async () => resolve(await count()))().catch(reject));',
    );
  });

  it('has no rewrite where the shape would change behaviour or types', () => {
    const code = [
      'new Promise(async () => { await step(); });',
      'new Promise(async ({ resolve }) => { await step(); resolve(); });',
      'new Promise(async (resolve, reject) => { reject = log; await step(); resolve(); });',
      'new Promise(async (resolve, reject, extra) => { await step(); });',
    ].join('\n');
    const plans = probe({ code }, EXECUTOR, (context, node) =>
      planAsyncExecutorFix(context.sourceCode, node as FunctionNode),
    );
    expect(plans).toEqual([undefined, undefined, undefined, undefined]);
    const typed = 'new Promise<void>(async (resolve): Promise<void> => { await step(); resolve(); });';
    expect(
      probe({ code: typed, filename: 'file.ts' }, EXECUTOR, (context, node) =>
        planAsyncExecutorFix(context.sourceCode, node as FunctionNode),
      ),
    ).toEqual([undefined]);
  });
});
