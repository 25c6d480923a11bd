import { describe, expect, it } from 'vitest';

import { awaitedLatency, waitsRemotely } from '../../../src/analysis/concurrency/latency.js';
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

describe('waitsRemotely', () => {
  it.each([
    ['fetch', 'ask(fetch(url));', true],
    ['a fetch with its callbacks', 'ask(fetch(url).then((res) => res.json()));', true],
    ['axios by origin', "import axios from 'axios';\nask(axios.get(url));", true],
    ['undici by origin', "import { request } from 'undici';\nask(request(url));", true],
    ['a local function named axios', 'const axios = { get: async (u) => u };\nask(axios.get(url));', false],
    [
      'a helper that awaits fetch',
      'async function load(u) { const res = await fetch(u); return res.json(); }\nask(load(1));',
      true,
    ],
    ['a helper that returns fetch', 'function load(u) { return fetch(u); }\nask(load(1));', true],
    ['an arrow whose body is fetch', 'const load = (u) => fetch(u);\nask(load(1));', true],
    [
      'through two helpers',
      'async function inner(u) { return fetch(u); }\nasync function outer(u) { return inner(u); }\nask(outer(1));',
      true,
    ],
    [
      "a sleep standing for latency (the guides' fetch_data)",
      "import { setTimeout as sleep } from 'node:timers/promises';\nasync function fetchData(id) { await sleep(1000); return id; }\nask(fetchData(1));",
      true,
    ],
    ['a database read', "import { pool } from './db.js';\nask(pool.query('SELECT 1'));", false],
    ['a read by name', 'ask(getUser(1));', false],
    ['a file read', "import { readFile } from 'node:fs/promises';\nask(readFile('a'));", false],
    ['a helper of another file', "import { load } from './load.js';\nask(load(1));", false],
    ['recursion', 'async function walk(n) { return n ? walk(n - 1) : n; }\nask(walk(3));', false],
  ])('%s', (_title, code, expected) => {
    expect(probeAsked({ code }, waitsRemotely)).toEqual([expected]);
  });

  it('follows helpers three calls deep, not four', () => {
    const chain = (depth: number): string => {
      const helpers = ['async function h0(u) { return fetch(u); }'];
      for (let i = 1; i < depth; i++) helpers.push(`async function h${i}(u) { return h${i - 1}(u); }`);
      return `${helpers.join('\n')}\nask(h${depth - 1}(1));`;
    };
    expect(probeAsked({ code: chain(3) }, waitsRemotely)).toEqual([true]);
    expect(probeAsked({ code: chain(4) }, waitsRemotely)).toEqual([false]);
  });
});
