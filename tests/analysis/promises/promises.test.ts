import { describe, expect, it } from 'vitest';

import { isFunctionNode } from '../../../src/analysis/ast.js';
import { PROMISE_RETURNING_APIS } from '../../../src/analysis/catalog/promise-apis.js';
import { getPromiseKnowledge, type Tristate } from '../../../src/analysis/promises/promises.js';
import { missingNodeFunctions, probe, probeAsked, probeOne, type Snippet } from '../harness.js';

/** `isPromise` of the argument of every `ask(…)` marker. */
function isPromise(snippet: Snippet): Tristate[] {
  return probeAsked(snippet, (context, expression) => getPromiseKnowledge(context).isPromise(expression));
}

interface Case {
  title: string;
  code: string;
  /** Answers without type information (espree on file.js unless `ts`, and typescript-eslint's parser on file.ts). */
  untyped: Tristate[];
  /** Answers with type information; omitted where the typed run would only repeat the untyped one. */
  typed?: Tristate[];
  /** The code is TypeScript: skip espree. */
  ts?: boolean;
}

function runCases(cases: Case[]): void {
  for (const { title, code, untyped, typed, ts: tsOnly } of cases) {
    it(title, () => {
      for (const filename of tsOnly ? ['file.ts'] : ['file.js', 'file.ts']) {
        expect(isPromise({ code, filename }), `untyped ${filename}`).toEqual(untyped);
      }
      if (typed) expect(isPromise({ code, typed: true }), 'typed').toEqual(typed);
    });
  }
}

describe('isPromise: async functions followed through the file', () => {
  runCases([
    {
      title: 'async function declaration',
      code: 'async function load() {}\nask(load());',
      untyped: ['yes'],
      typed: ['yes'],
    },
    {
      title: 'async arrow and function expression in consts',
      code: 'const load = async () => 1;\nconst save = async function () {};\nask(load());\nask(save());',
      untyped: ['yes', 'yes'],
    },
    {
      title: 'object literal members',
      code: "const repo = {\n  async load() {},\n  save: async () => {},\n  'remove': async function () {},\n  sync() {},\n};\nask(repo.load());\nask(repo.save());\nask(repo['remove']());\nask(repo.sync());",
      untyped: ['yes', 'yes', 'yes', 'no'],
      typed: ['yes', 'yes', 'yes', 'no'],
    },
    {
      title: 'class members through this',
      code: 'class Repo {\n  async load() {}\n  save = async () => {};\n  sync() {}\n  run() {\n    ask(this.load());\n    ask(this.save());\n    ask(this.sync());\n    return () => ask(this.load());\n  }\n}',
      untyped: ['yes', 'yes', 'no', 'yes'],
      typed: ['yes', 'yes', 'no', 'yes'],
    },
    {
      title: 'static methods, through the class and through this',
      code: 'class Repo {\n  static async load() {}\n  async load2() {}\n  static run() {\n    ask(this.load());\n  }\n}\nask(Repo.load());\nask(Repo.load2());',
      // `Repo.load2` is an instance method: the static lookup does not find it.
      untyped: ['yes', 'yes', 'unknown'],
    },
    {
      title: 'instances: new C().m() and a const instance',
      code: 'class Repo {\n  async load() {}\n  sync() {}\n}\nconst repo = new Repo();\nask(new Repo().load());\nask(repo.load());\nask(repo.sync());',
      untyped: ['yes', 'yes', 'no'],
      typed: ['yes', 'yes', 'no'],
    },
    {
      title: 'private methods',
      code: 'class Repo {\n  async #load() {}\n  #sync() {}\n  run() {\n    ask(this.#load());\n    ask(this.#sync());\n  }\n}',
      untyped: ['yes', 'no'],
      typed: ['yes', 'no'],
    },
    {
      title: 'class expression in a const',
      code: 'const Repo = class {\n  async load() {}\n};\nask(new Repo().load());',
      untyped: ['yes'],
    },
    {
      title: 'a function whose every return is a promise',
      code: 'function load(id) {\n  if (!id) return Promise.resolve(null);\n  return new Promise((resolve) => resolve(id));\n}\nconst get = (u) => fetch(u);\nask(load(1));\nask(get(u));',
      untyped: ['yes', 'yes'],
      typed: ['yes', 'yes'],
    },
    {
      title: 'sync functions',
      code: 'function parse(text) {\n  return JSON.parse(text);\n}\nfunction log() {}\nconst double = (n) => n * 2;\nask(parse(s));\nask(log());\nask(double(2));',
      // JSON.parse is not followed: `parse` returns an unknown value, not a known non-promise;
      // typed, JSON.parse returns `any`, which falls back to the same syntactic answer.
      untyped: ['unknown', 'no', 'no'],
      typed: ['unknown', 'no', 'no'],
    },
    {
      title: 'a reassigned binding is not followed',
      code: 'let load = async () => 1;\nload = () => 1;\nask(load());',
      untyped: ['unknown'],
    },
    {
      title: 'recursion does not loop',
      code: 'function retry(n) {\n  return n > 0 ? retry(n - 1) : fetch(u);\n}\nask(retry(3));',
      untyped: ['yes'],
    },
    {
      title: 'async generators and generators are not promises',
      code: 'async function* rows() {}\nfunction* ids() {}\nask(rows());\nask(ids());',
      untyped: ['no', 'no'],
    },
  ]);
});

describe('isPromise: mixed returns', () => {
  runCases([
    {
      // Untyped: one return is not a promise, so "is the value a promise" cannot be answered yes;
      // typed: `number | Promise<number>` is a union containing a thenable, which counts as yes.
      title: 'a promise and a number',
      code: 'function load(id) {\n  if (!id) return 0;\n  return Promise.resolve(id);\n}\nask(load(1));',
      untyped: ['unknown'],
      typed: ['yes'],
    },
    {
      // A promise or nothing: the checker's `Promise<Response> | undefined`, a promise in both modes.
      title: 'a promise and a bare return',
      code: 'function load(id) {\n  if (!id) return;\n  return fetch(id);\n}\nask(load(1));',
      untyped: ['yes'],
      typed: ['yes'],
    },
    {
      // Falling off the end is an implicit `return;`: a promise on the closing branch only is still a promise.
      title: 'a promise on one branch, and the end of the body reached',
      code: 'function drain(queue) {\n  while (queue.length) send(queue.shift());\n  if (closing) {\n    return fetch(u);\n  }\n}\nask(drain(q));',
      untyped: ['yes'],
    },
    {
      // Every way out returns the promise: the end is never reached.
      title: 'a promise on every way out',
      code: [
        'function a(id) { if (id) { return fetch(id); } else { throw new Error(); } }',
        'function b(id) { try { return fetch(id); } catch { return Promise.reject(new Error()); } }',
        'function c() { for (;;) { if (ready()) return fetch(u); } }',
        'function d() { while (true) { if (ready()) break; } return fetch(u); }',
        'ask(a(1));\nask(b(1));\nask(c());\nask(d());',
      ].join('\n'),
      untyped: ['yes', 'yes', 'yes', 'yes'],
    },
    {
      title: 'a promise and an endless loop left by break',
      code: 'function e() { for (;;) { if (ready()) return fetch(u); if (done()) break; } }\nask(e());',
      untyped: ['yes'],
    },
    {
      title: 'a promise and an unknown value',
      code: 'function load(id) {\n  if (cache.has(id)) return cache.get(id);\n  return fetch(id);\n}\nask(load(1));',
      untyped: ['unknown'],
    },
    {
      title: 'conditional expression with one promise branch',
      code: 'ask(ok ? Promise.resolve(1) : 0);',
      untyped: ['yes'],
    },
    { title: 'logical fallback', code: 'ask(cached || fetch(u));\nask(a && b);', untyped: ['yes', 'unknown'] },
  ]);
});

describe('isPromise: promise APIs', () => {
  runCases([
    {
      title: 'Promise constructor and statics',
      code: [
        'ask(new Promise((resolve) => resolve(1)));',
        'ask(Promise.all([a, b]));',
        'ask(Promise.race([a, b]));',
        'ask(Promise.any([a, b]));',
        'ask(Promise.allSettled([a, b]));',
        'ask(Promise.resolve(1));',
        'ask(Promise.reject(new Error("x")));',
      ].join('\n'),
      untyped: ['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes'],
      typed: ['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes'],
    },
    {
      title: '.then/.catch/.finally chains',
      code: 'ask(Promise.resolve(1).then((n) => n + 1));\nask(fetch(u).then((r) => r.json()).catch(() => null).finally(done));',
      untyped: ['yes', 'yes'],
      typed: ['yes', 'yes'],
    },
    {
      // An unknown receiver chained with a callback is taken as a promise chain.
      title: '.then on an unknown receiver',
      code: 'ask(db.query(sql).then((rows) => rows));\nask(job.then(onDone, onError));\nask(job.then(5));',
      untyped: ['yes', 'yes', 'unknown'],
    },
    { title: 'import()', code: "ask(import('./analysis-lib.js'));", untyped: ['yes'], typed: ['yes'] },
    {
      title: 'util.promisify results, direct and through a const',
      code: "import { promisify } from 'node:util';\nimport fs from 'fs';\nconst stat = promisify(fs.stat);\nask(stat(p));\nask(promisify(fs.readFile)(p));",
      untyped: ['yes', 'yes'],
      typed: ['yes', 'yes'],
    },
    {
      title: 'fs/promises by origin',
      code: "import { readFile } from 'node:fs/promises';\nimport * as fsp from 'fs/promises';\nimport fs from 'node:fs';\nask(readFile(p));\nask(fsp.writeFile(p, s));\nask(fs.promises.stat(p));\nask(fs.statSync(p));",
      untyped: ['yes', 'yes', 'yes', 'unknown'],
      typed: ['yes', 'yes', 'yes', 'no'],
    },
    {
      title: 'a user’s own readFile is not fs/promises',
      code: 'function readFile(p) {\n  return p;\n}\nask(readFile(p));',
      untyped: ['unknown'],
    },
    {
      title: 'timers/promises setTimeout',
      code: "import { setTimeout as sleep } from 'node:timers/promises';\nask(sleep(10));\nask(setTimeout(done, 10));",
      untyped: ['yes', 'unknown'],
      typed: ['yes', 'no'],
    },
    {
      title: 'fetch and the body of its response',
      code: 'ask(fetch(u));\nask((await fetch(u)).json());\nconst res = await fetch(u);\nask(res.json());\nask(res.text());\nask(res.headers.get("x"));',
      untyped: ['yes', 'yes', 'yes', 'yes', 'unknown'],
      typed: ['yes', 'yes', 'yes', 'yes', 'no'],
    },
    {
      title: 'a local fetch is not the global',
      code: 'function fetch(u) {\n  return u;\n}\nask(fetch(u));',
      untyped: ['unknown'],
    },
  ]);
});

describe('isPromise: not promises', () => {
  runCases([
    {
      title: 'literals, templates, operators, await',
      code: 'ask(1);\nask("x");\nask(`t${x}`);\nask(!p);\nask(a + b);\nask([p]);\nask({ p });\nask(await p);\nask(undefined);\nask(() => p);',
      untyped: ['no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'no'],
    },
    {
      // Untyped: an object literal is never a promise. Typed: a non-callable `then` is not thenable.
      title: 'an object with a non-thenable then property',
      code: 'const box = { then: 5 };\nask(box);',
      untyped: ['no'],
      typed: ['no'],
    },
    {
      // A class with a `then` method is a thenable: `await` calls it, so the checker says yes;
      // without types, `new` of a local class is taken as not a promise.
      title: 'a user class with a then method',
      code: 'class Query {\n  then(resolve) {\n    resolve(1);\n  }\n}\nask(new Query());',
      untyped: ['no'],
      typed: ['yes'],
    },
    {
      title: 'an object literal with a then method',
      code: 'const lazy = { then(resolve) { resolve(1); } };\nask(lazy);',
      untyped: ['no'],
      typed: ['yes'],
    },
    {
      title: 'unknown calls stay unknown',
      code: 'ask(load());\nask(api.users.get(1));\nask(new Client());',
      untyped: ['unknown', 'unknown', 'unknown'],
      typed: ['unknown', 'unknown', 'unknown'],
    },
  ]);
});

describe('isPromise: .catch and .then that are no promise chain', () => {
  runCases([
    {
      // A literal, or a name or member known to hold a value, cannot be a handler; `undefined` skips one.
      title: 'an argument known not to be a function',
      code: [
        'const fallback = 5;',
        'const limits = { max: 3 };',
        'ask(settings.catch(fallback));',
        'ask(settings.then(limits.max));',
        "ask(settings.catch('none'));",
        'ask(job.catch(report));',
        'ask(job.then(undefined, onError));',
      ].join('\n'),
      untyped: ['unknown', 'unknown', 'unknown', 'yes', 'yes'],
    },
    {
      // zod schemas have a `catch(value)` of their own; `parseAsync` does return a promise.
      title: 'a zod schema, by origin (ESM)',
      code: [
        "import { z } from 'zod';",
        'const Port = z.number().int().positive();',
        'const shipped = Port.parse(defaults.port);',
        'ask(Port.catch(shipped));',
        'ask(Port.catch(8080));',
        'ask(Port.parseAsync(input).catch(report));',
      ].join('\n'),
      untyped: ['no', 'no', 'yes'],
      typed: ['no', 'no', 'yes'],
    },
    {
      title: 'a zod schema, by origin (compiled CommonJS, destructured require, namespace import)',
      code: [
        "import * as v4 from 'zod/v4';",
        "const zod_1 = require('zod');",
        "const { z } = require('zod');",
        'const Level = zod_1.z.enum(levels);',
        'const Name = z.string();',
        'ask(Level.catch(defaultLevel));',
        'ask(Name.trim().catch(anonymous));',
        'ask(v4.string().catch(anonymous));',
      ].join('\n'),
      untyped: ['no', 'no', 'no'],
      ts: true,
    },
    {
      // A local `z` or a library of the same method names is not zod.
      title: 'the same chain not from zod stays a promise chain',
      code: "const z = makeClient();\nask(z.number().catch(onError));\nconst { q } = require('queries');\nask(q.run().then(onDone));",
      untyped: ['yes', 'yes'],
    },
  ]);
});

describe('isPromise: typed mode', () => {
  it('functions imported from another file', () => {
    const code =
      "import { loadUser, loadLater, parseUser } from './analysis-lib.js';\nask(loadUser('1'));\nask(loadLater('1'));\nask(parseUser(s));";
    // Without types, the export summaries of the project layer see the async functions (`parseUser` returns a call).
    expect(isPromise({ code, filename: 'file.ts' })).toEqual(['yes', 'yes', 'unknown']);
    expect(isPromise({ code, typed: true })).toEqual(['yes', 'yes', 'no']);
  });

  it('Promise<T> | undefined: a promise that may be nullish', () => {
    const code = [
      "import { findCached, loadUser } from './analysis-lib.js';",
      'declare const client: { load(): Promise<void> } | undefined;',
      "ask(findCached('1'));",
      'ask(client?.load());',
      "ask(loadUser('1'));",
    ].join('\n');
    const answers = probeAsked({ code, typed: true }, (context, expression) => {
      const knowledge = getPromiseKnowledge(context);
      return [knowledge.isPromise(expression), knowledge.mayBeNullish(expression)];
    });
    expect(answers).toEqual([
      ['yes', true],
      ['yes', true],
      ['yes', false],
    ]);
  });

  it('typed: a name its declaration settles is answered without a checker call', () => {
    const code = [
      'declare const pending: Promise<void>;',
      'function f(name: string, ids: number[], flag: boolean | undefined, other: unknown) {',
      '  const count = 0;',
      '  const later = await0();',
      '  ask(name); ask(ids); ask(flag); ask(count); ask(other); ask(later); ask(pending);',
      '}',
      'async function await0() { return 1; }',
    ].join('\n');
    const answers = probeAsked({ code, typed: true }, (context, expression) => {
      const checker = (
        context.sourceCode.parserServices as { program: { getTypeChecker(): object } }
      ).program.getTypeChecker() as {
        getTypeAtLocation: (...args: unknown[]) => unknown;
      };
      const original = checker.getTypeAtLocation;
      let calls = 0;
      checker.getTypeAtLocation = (...args: unknown[]) => {
        calls++;
        return original.apply(checker, args);
      };
      try {
        return [getPromiseKnowledge(context).isPromise(expression), calls > 0];
      } finally {
        checker.getTypeAtLocation = original;
      }
    });
    expect(answers).toEqual([
      ['no', false],
      ['no', false],
      ['no', false],
      ['no', false],
      ['unknown', true],
      ['yes', true],
      ['yes', true],
    ]);
  });

  it('JavaScript: a body that returns no promise wins over a JSDoc `@returns {Promise}`', () => {
    const jsdoc = '/** @returns {Promise<void>} */\n';
    const code = [
      `${jsdoc}function check(origin) {\n  if (!origin) throw new Error('no origin');\n}`,
      `${jsdoc}function later() {\n  return Promise.resolve();\n}`,
      `${jsdoc}function passOn(value) {\n  return value;\n}`,
      'ask(check(o));',
      'ask(later());',
      'ask(passOn(p));',
    ].join('\n');
    // `passOn` returns what it is given: its body cannot deny the JSDoc.
    expect(isPromise({ code, filename: 'file.js', typed: true })).toEqual(['no', 'yes', 'yes']);
    // In TypeScript a declared return type is checked against the body: it stands.
    const ts = 'function check(origin: string): Promise<void> {\n  return Promise.resolve();\n}\nask(check(o));';
    expect(isPromise({ code: ts, typed: true })).toEqual(['yes']);
    // Another JavaScript file, reached through a type only: the checker's declaration, then its body.
    const imported =
      "import type { checkOrigin, readSetting } from './jsdoc-lib.js';\ndeclare const check: typeof checkOrigin;\ndeclare const read: typeof readSetting;\nask(check('x'));\nask(read('k'));";
    expect(isPromise({ code: imported, typed: true })).toEqual(['no', 'yes']);
  });

  it('a chainable builder method borrowed through call/apply hands back its own receiver', () => {
    const code = [
      'class Query implements PromiseLike<number> {',
      '  where(field: string): this { return this; }',
      '  async count(): Promise<number> { return 1; }',
      '  then<A = number, B = never>(ok?: ((value: number) => A | PromiseLike<A>) | null, ko?: ((reason: unknown) => B | PromiseLike<B>) | null): PromiseLike<A | B> { return Promise.resolve(1).then(ok, ko); }',
      '  build(fields: [string]) {',
      "    ask(this.where.call(this, 'a'));",
      '    ask(this.where.apply(this, fields));',
      '    ask(this.count.call(this));',
      "    ask(this.where('a'));",
      '  }',
      '}',
    ].join('\n');
    expect(isPromise({ code, typed: true })).toEqual(['no', 'no', 'yes', 'no']);
  });

  it('any falls back to syntax', () => {
    const code =
      "declare const db: any;\nconst fsp = require('fs/promises');\nask(db.query(sql).then((rows: unknown) => rows));\nask(fsp.readFile(p));\nask(db.query(sql));";
    expect(isPromise({ code, typed: true })).toEqual(['yes', 'yes', 'unknown']);
  });
});

describe('isPromiseArray', () => {
  function isPromiseArray(snippet: Snippet): Tristate[] {
    return probeAsked(snippet, (context, expression) => getPromiseKnowledge(context).isPromiseArray(expression));
  }

  it('untyped', () => {
    const code = [
      'ask(ids.map(async (id) => load(id)));',
      'ask(ids.map((id) => fetch(id)));',
      'ask(ids.map((id) => id * 2));',
      'const loadOne = async (id) => id;',
      'ask(ids.map(loadOne));',
      'ask([fetch(a), fetch(b)]);',
      'ask([a, b]);',
      'ask(ids);',
    ].join('\n');
    const expected = ['yes', 'yes', 'no', 'yes', 'yes', 'unknown', 'unknown'];
    expect(isPromiseArray({ code })).toEqual(expected);
    expect(isPromiseArray({ code, filename: 'file.ts' })).toEqual(expected);
  });

  it('typed', () => {
    const code = [
      'declare const pending: Promise<number>[];',
      'declare const counts: number[];',
      'declare const pair: [Promise<number>, string];',
      'declare const ids: string[];',
      'declare const anything: any;',
      'declare const maybe: Promise<number>[] | undefined;',
      'declare const frozen: readonly Promise<number>[];',
      'ask(pending);',
      'ask(counts);',
      'ask(pair);',
      'ask(ids.map(async (id) => id));',
      'ask(anything.map(async (id: string) => id));',
      'ask(pending.length);',
      'ask(maybe);',
      'ask(frozen);',
    ].join('\n');
    expect(isPromiseArray({ code, typed: true })).toEqual(['yes', 'no', 'yes', 'yes', 'yes', 'no', 'yes', 'yes']);
  });
});

describe('mayBeNullish, untyped', () => {
  it.each([
    ['cached ?? undefined', 'ask(cached ?? undefined);', true],
    ['cached ?? fetch(u)', 'ask(cached ?? fetch(u));', false],
    ['a || b', 'ask(a || b);', true],
    ['null literal', 'ask(null);', true],
    ['conditional with undefined', 'ask(ok ? fetch(u) : undefined);', true],
    ['const holding undefined', 'const p = ok ? fetch(u) : null;\nask(p);', true],
    ['void', 'ask(void 0);', true],
    ['a member may hold nothing', 'ask(this.pending);', true],
    ['a call', 'ask(fetch(u));', false],
  ])('%s', (_title, code, expected) => {
    expect(
      probeAsked({ code }, (context, expression) => getPromiseKnowledge(context).mayBeNullish(expression)),
    ).toEqual([expected]);
  });
});

describe('functionReturnsPromise', () => {
  it('answers for each function of a file', () => {
    const code = [
      'async function a() {}',
      'function b() { return fetch(u); }',
      'function c() { return 1; }',
      'function d() {}',
      'const e = () => Promise.resolve(1);',
      'async function* f() {}',
      'function g() { if (x) return fetch(u); return cache; }',
    ].join('\n');
    const answers = probe({ code }, ':function', (context, node) =>
      isFunctionNode(node) ? getPromiseKnowledge(context).functionReturnsPromise(node) : undefined,
    );
    expect(answers).toEqual(['yes', 'yes', 'no', 'no', 'yes', 'no', 'unknown']);
  });
});

describe('getPromiseKnowledge: per-file cache', () => {
  it('is built once per file and knows whether the file is typed', () => {
    const [first, second] = probeOne({ code: 'x;' }, 'Program', (context) => [
      getPromiseKnowledge(context),
      getPromiseKnowledge(context),
    ]);
    expect(second).toBe(first);
    expect(first?.typed).toBe(false);
    expect(probeOne({ code: 'x;', typed: true }, 'Program', (context) => getPromiseKnowledge(context).typed)).toBe(
      true,
    );
  });

  it('does not leak answers between files', () => {
    expect(isPromise({ code: 'async function load() {}\nask(load());' })).toEqual(['yes']);
    expect(isPromise({ code: 'function load() { return 1; }\nask(load());' })).toEqual(['no']);
  });
});

describe('PROMISE_RETURNING_APIS catalogue', () => {
  it('names functions that exist in the running Node for every module row', async () => {
    const missing = await missingNodeFunctions(PROMISE_RETURNING_APIS);
    expect(missing).toEqual([]);
  });
});
