import { describe, expect, it } from 'vitest';

import { isNeverRejectingApiCall } from '../../../src/analysis/promises/never-rejecting.js';
import { probe } from '../harness.js';

/** `isNeverRejectingApiCall` of every call in a statement of its own, in source order. */
function answers(code: string, typed = false): boolean[] {
  return probe(
    { code, filename: typed ? 'file.ts' : 'file.js', typed },
    'ExpressionStatement > CallExpression',
    (context, node) => isNeverRejectingApiCall(context, node as never),
  );
}

describe('isNeverRejectingApiCall', () => {
  it('timer promises without a signal, by origin', () => {
    const code = [
      "import { setTimeout as sleep, setImmediate, scheduler } from 'node:timers/promises';",
      "const timers = require('timers');",
      'sleep(10);',
      "sleep(10, 'v', { ref: false });",
      'setImmediate(1);',
      'scheduler.wait(5);',
      'scheduler.yield();',
      'timers.promises.setTimeout(1);',
    ].join('\n');
    expect(answers(code)).toEqual([true, true, true, true, true, true]);
  });

  it('a signal, options it cannot see, or a timer of another origin: no', () => {
    const code = [
      "import { setTimeout as sleep, scheduler } from 'node:timers/promises';",
      "import { setTimeout as wait } from './timers.js';",
      'sleep(10, undefined, { signal });',
      "sleep(10, undefined, { 'signal': signal });",
      'sleep(10, undefined, options);',
      'sleep(10, undefined, { ...options });',
      'sleep(...args);',
      'scheduler.wait(5, { signal });',
      'wait(10);',
      'setTimeout(() => {}, 10);',
    ].join('\n');
    expect(answers(code)).toEqual([false, false, false, false, false, false, false, false]);
  });

  it('Worker#terminate, followed from `new Worker` through variables and fields', () => {
    const code = [
      "const { Worker } = require('node:worker_threads');",
      "const thread = new Worker('./a.js');",
      'thread.terminate();',
      'thread.postMessage(1);',
      'class Pool {',
      '  #main = new Worker("./b.js");',
      '  start() { let current; this.spare = current = new Worker("./c.js"); }',
      '  stop() { this.#main.terminate(); this.spare.terminate(); }',
      '}',
      'function stop(other) { other.terminate(); }',
    ].join('\n');
    expect(answers(code)).toEqual([true, false, true, true, false]);
  });

  it('typed: a Worker wherever it was made, by its declared type and name', () => {
    const code = [
      "import { Worker, MessagePort } from 'node:worker_threads';",
      'class Job { terminate() { return Promise.reject(new Error("x")); } }',
      'export function stop(thread: Worker, job: Job, port: MessagePort) {',
      '  thread.terminate();',
      '  job.terminate();',
      '  port.close();',
      '}',
    ].join('\n');
    expect(answers(code, true)).toEqual([true, false, false]);
  });
});
