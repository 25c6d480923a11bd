import fs from 'node:fs';
import path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import { type ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { parseProjectFile, parseProjectFileWithoutNative } from '../../../src/analysis/project/parse.js';
import {
  type FunctionSummary,
  type ModuleSummary,
  summarizeFunctionsByBody,
  summarizeModule,
} from '../../../src/analysis/project/summaries.js';
import { fixturesDir, languageOptionsFor } from '../../helpers/language-options.js';

function summarize(code: string, file = '/project/module.js', parse = parseProjectFile): ModuleSummary {
  const program = parse(file, code);
  if (!program) throw new Error(`does not parse: ${code}`);
  return summarizeModule(program, code);
}

/** `name: returnsPromise/cannotReject` for every exported function, nested members as `a.b`. */
function facts(summary: ModuleSummary): Record<string, string> {
  const found: Record<string, string> = {};
  const visit = (prefix: string, value: unknown): void => {
    const v = value as { kind: string; [key: string]: unknown };
    if (v.kind === 'function') found[prefix] = `${String(v.returnsPromise)}${v.cannotReject ? ' never-rejects' : ''}`;
    else if (v.kind === 'object') for (const [k, m] of Object.entries(v.members as object)) visit(`${prefix}.${k}`, m);
    else if (v.kind === 'class') {
      for (const [k, m] of Object.entries(v.staticMembers as object)) visit(`${prefix}.${k}`, m);
      for (const [k, m] of Object.entries(v.instanceMembers as object)) visit(`${prefix}#${k}`, m);
    } else if (v.kind === 'instance' || v.kind === 'product') visit(`${prefix}()`, v.of);
    else if (v.kind === 'reference') {
      const members = (v.members as string[]).map((m) => `.${m}`).join('');
      found[prefix] = `→ ${String(v.via)} ${String(v.specifier)} ${String(v.name)}${members}`;
    }
  };
  for (const [name, value] of Object.entries(summary.exports)) visit(name, value);
  if (summary.moduleExports) visit('module.exports', summary.moduleExports);
  return found;
}

describe('summarizeModule: ESM', () => {
  it('reads named, default, renamed and re-exported functions', () => {
    const summary = summarize(`
      export async function a() { await io(); }
      export const b = () => fetch(url);
      export function c() { return 1; }
      function d() { return new Promise((resolve) => resolve()); }
      export { d as e };
      export default async () => { await io(); };
      export { x as y, default as z } from './other.js';
      export * from './all.js';
      export * as ns from './ns.js';
      export function f() { return d(); }
      export const g = async () => { try { await a(); } catch {} };
    `);
    expect(facts(summary)).toEqual({
      a: 'yes',
      b: 'unknown',
      c: 'no',
      e: 'yes never-rejects',
      default: 'yes',
      y: '→ import ./other.js x',
      z: '→ import ./other.js default',
      ns: '→ import ./ns.js *',
      // Returns the call of `d`, whose promise only resolves.
      f: 'yes never-rejects',
      g: 'yes never-rejects',
    });
    expect(summary.starExports).toEqual(['./all.js']);
    expect(summary.commonJs).toBe(false);
  });

  it('knows fs-extra returns a promise unless given its callback', () => {
    const summary = summarize(`
      import fse from 'fs-extra';
      const { copy } = require('fs-extra');
      export function clean(dir) { return fse.remove(dir); }
      export function publish(from, to) { return copy(from, to, { overwrite: true }); }
      export function cleanWith(dir, done) { return fse.remove(dir, done); }
      const OPTIONS = { overwrite: true };
      function copied(err) { if (err) throw err; }
      export function backup(from, to) { return copy(from, to, OPTIONS); }
      export function backupWith(from, to) { return copy(from, to, copied); }
    `);
    expect(facts(summary)).toMatchObject({
      clean: 'yes',
      publish: 'yes',
      cleanWith: 'unknown',
      backup: 'yes',
      backupWith: 'unknown',
    });
  });

  it('keeps what a function forwards to (imports and requires only) and what a factory makes, and ends on functions that call each other', () => {
    const summary = summarize(`
      import { save } from './db.js';
      import * as audit from './audit.js';
      const { send } = require('./mail');
      export function a(x) { return save(x); }
      export const b = (x) => audit.log.write(x);
      export function c(x) { return send(x); }
      export function d(save) { return save(); }
      export function ping() { return pong(); }
      export function pong() { return ping(); }
      export function client(url) { return { async get(path) { return fetch(url + path); }, url: () => url }; }
    `);
    const forwards = (name: string) =>
      (summary.exports[name] as { forwards?: { specifier: string; name: string; members: string[] }[] }).forwards?.map(
        (reference) => [reference.specifier, reference.name, ...reference.members].join(' '),
      );
    expect(forwards('a')).toEqual(['./db.js save']);
    expect(forwards('b')).toEqual(['./audit.js * log write']);
    expect(forwards('c')).toEqual(['./mail * send']);
    expect(forwards('d')).toBeUndefined();
    expect(forwards('ping')).toBeUndefined();
    expect(
      facts({ ...summary, exports: { client: (summary.exports.client as FunctionSummary).product as never } }),
    ).toEqual({
      'client.get': 'yes',
      'client.url': 'unknown',
    });
  });

  it('exports an imported binding as a reference to its module', () => {
    const summary = summarize(`import { save } from './db.js'; import * as db from './db.js'; export { save, db };`);
    expect(facts(summary)).toEqual({ save: '→ import ./db.js save', db: '→ import ./db.js *' });
  });

  it('reads classes with static and instance methods and the class they extend', () => {
    const summary = summarize(`
      import { Base } from './base.js';
      export class Repo extends Base {
        async find() { await io(); }
        static async connect() { await io(); }
        close = async () => { await io(); };
        get size() { return 1; }
        sync() { return 1; }
      }
    `);
    expect(facts(summary)).toEqual({
      'Repo.connect': 'yes',
      'Repo#find': 'yes',
      'Repo#close': 'yes',
      'Repo#sync': 'no',
    });
    expect(summary.exports.Repo).toMatchObject({
      kind: 'class',
      superClass: { kind: 'reference', specifier: './base.js', name: 'Base' },
    });
  });

  it('records the fields other files can name that hold a deferred built in the class', () => {
    const summary = summarize(
      `import { Deferred } from './deferred.js';
      export class Target {
        ready = Deferred.create();
        protected closed: Deferred | null = new Deferred(1000);
        private hidden = new Deferred();
        #own = new Deferred();
        shared = Deferred.create();
        plain = 1;
        open() { this.ready.resolve(); this.closed = null; keep(this.shared); }
      }`,
      '/project/module.ts',
    );
    const reference = { kind: 'reference', specifier: './deferred.js', via: 'import', name: 'Deferred', members: [] };
    expect(summary.exports.Target).toMatchObject({
      deferredFields: {
        ready: {
          access: 'public',
          creations: [{ of: reference, factory: 'create', argumentCount: 0 }],
          members: ['resolve'],
        },
        closed: {
          access: 'protected',
          creations: [{ of: reference, factory: undefined, argumentCount: 1 }],
          members: [],
        },
      },
    });
    expect(Object.keys((summary.exports.Target as { deferredFields: object }).deferredFields)).toEqual([
      'ready',
      'closed',
    ]);
  });

  it('skips type-only exports and names declared twice', () => {
    const summary = summarize(
      `export type { T } from './t.js'; var h = async () => { await io(); }; var h = () => 1; export { h };`,
      '/project/module.ts',
    );
    expect(facts(summary)).toEqual({});
  });

  it('keeps line numbers, from trees without `loc` too', () => {
    const summary = summarize('\n\nexport async function a() { await io(); }\n');
    expect(summary.exports.a).toMatchObject({ kind: 'function', line: 3 });
  });
});

describe('summarizeModule: CommonJS', () => {
  it.each([
    [
      'module.exports = { … }',
      'module.exports = { load: async () => { await io(); }, label() { return ""; } };',
      {
        'module.exports.load': 'yes',
        'module.exports.label': 'no',
      },
    ],
    ['module.exports = fn', 'module.exports = async function send() { await io(); };', { 'module.exports': 'yes' }],
    ['exports.x = …', 'exports.fetchUser = async () => { await io(); };', { fetchUser: 'yes' }],
    ['module.exports.x = …', 'module.exports.remove = async () => { await io(); };', { remove: 'yes' }],
    [
      'const h = module.exports; h.x = …',
      'const h = module.exports; h.notify = async () => { await io(); };',
      { notify: 'yes' },
    ],
    [
      'var self = exports; self.x = …',
      'var self = exports; self.notify = async () => { await io(); };',
      { notify: 'yes' },
    ],
    [
      'Object.assign(module.exports, { … })',
      'async function a() { await io(); } function b() {} Object.assign(module.exports, { a, b });',
      { a: 'yes', b: 'no' },
    ],
    [
      'module.exports = exports = { … }',
      'module.exports = exports = { run: async () => { await io(); } };',
      { 'module.exports.run': 'yes' },
    ],
    [
      'module.exports = new Service()',
      'class Mailer { async deliver() { await io(); } } module.exports = new Mailer();',
      { 'module.exports()#deliver': 'yes' },
    ],
    [
      'required values exported again',
      "const { a } = require('./a'); const b = require('./b').c; module.exports = { a, b };",
      { 'module.exports.a': '→ require ./a *.a', 'module.exports.b': '→ require ./b *.c' },
    ],
    ['export = fn (TypeScript)', 'export = async function run() { await io(); };', { 'module.exports': 'yes' }],
    [
      'a getter that loads a module on first read',
      "module.exports = { get session() { return require('./session'); }, get other() { if (x) return 1; return require('./o'); }, set session(v) {} };",
      { 'module.exports.session': '→ require ./session *' },
    ],
    [
      'module.exports = a factory of this file, called',
      'function make(db) { async function save(x) { await db.put(x); } return { save }; } module.exports = make(pool);',
      { 'module.exports.save': 'yes' },
    ],
    [
      'module.exports = a required factory, called',
      "const make = require('./make'); module.exports = make(pool);",
      { 'module.exports()': '→ require ./make *' },
    ],
  ])('reads %s', (_name, code, expected) => {
    const summary = summarize(code, _name.includes('TypeScript') ? '/project/module.cts' : '/project/module.cjs');
    expect(facts(summary)).toEqual(expected);
    expect(summary.commonJs).toBe(true);
  });
});

describe('summarizeModule: factories', () => {
  it('makes methods of the functions a factory declares in its body and returns by name, unless it assigns them again', () => {
    const summary = summarize(
      `module.exports = function createSessionService() {
        async function createSession(req) { await io(req); }
        const removeSession = async (req) => { await io(req); };
        function label() { return ''; }
        let loose = async () => { await io(); };
        function replaced() { return ''; }
        replaced = async () => { await io(); };
        return { createSession, removeSession, label, loose, replaced, io };
      };`,
      '/project/service.cjs',
    );
    const factory = summary.moduleExports as FunctionSummary;
    expect(facts({ ...summary, moduleExports: undefined, exports: { product: factory.product as never } })).toEqual({
      'product.createSession': 'yes',
      'product.removeSession': 'yes',
      'product.label': 'no',
    });
  });
});

describe('summarizeModule: factories of instances', () => {
  it('makes an instance of the class a factory imports or requires, unless the function declares that name itself', () => {
    const summary = summarize(
      `import { Mailer } from './mailer.js';
      import * as mail from './mail.js';
      const { Queue } = require('./queue');
      const Store = require('./store').Store;
      class Local {}
      export function createMailer(transport) { return new Mailer(transport); }
      export const createQueue = () => new Queue();
      export function createStore() { return new Store(); }
      export function shadowed(Mailer) { return new Mailer(); }
      export function declared() { const Queue = class {}; return new Queue(); }
      export function later(x) { if (x) { const [, Mailer] = x; } const other = 1; return new Mailer(other); }
      export function local() { return new Local(); }
      export function either(x) { if (x) return new Mailer(); return new Queue(); }
      export function unknown(make) { return new make.Client(); }
      export function viaNamespace() { return new mail.Mailer(); }`,
      '/project/factories.js',
    );
    // Only the functions with a product: the others are left out of the table.
    const products: Record<string, NonNullable<FunctionSummary['product']>> = {};
    for (const [name, value] of Object.entries(summary.exports)) {
      const { product } = value as FunctionSummary;
      if (product) products[name] = product;
    }
    expect(facts({ ...summary, exports: products })).toEqual({
      'createMailer()': '→ import ./mailer.js Mailer',
      'createQueue()': '→ require ./queue *.Queue',
      'createStore()': '→ require ./store *.Store',
      'viaNamespace()': '→ import ./mail.js *.Mailer',
    });
  });
});

describe('parseProjectFile', () => {
  const code = `
    import { save } from './db.js';
    export class Repo { async find(): Promise<void> { await io(); } }
    export const run = async (x: number) => { await save(x as never); };
    module.exports.other = () => Promise.resolve();
  `;

  it('gives the same summary with the pure-JavaScript parsers as with oxc-parser', () => {
    const native = summarize(code, '/project/module.ts');
    const fallback = summarize(code, '/project/module.ts', parseProjectFileWithoutNative);
    expect(fallback).toEqual(native);
    expect(facts(native)).toEqual({ 'Repo#find': 'yes', run: 'yes', other: 'yes never-rejects' });
  });

  it('gives no tree for a file with syntax errors', () => {
    expect(parseProjectFile('/project/broken.js', 'export async function (')).toBeUndefined();
    expect(parseProjectFileWithoutNative('/project/broken.js', 'export async function (')).toBeUndefined();
  });
});

describe('summarizeModule: what a function waits for', () => {
  it('reads when every awaited or returned call reads, by SQL text or name; writes when anything writes', () => {
    const summary = summarize(`
      export async function row(id) { const { rows } = await pool.query('SELECT * FROM t WHERE id = $1', [id]); return rows[0]; }
      export async function touch(id) { await pool.query('UPDATE t SET seen = now() WHERE id = $1', [id]); }
      export async function tagged() { return sql\`DELETE FROM sessions\`; }
      export async function loadAll() { const a = await getA(); const b = await findB(); return [a, b]; }
      export async function post(url) { return fetch(url, { method: 'POST' }); }
      export async function sync(x) { await convert(x); }
      export async function latency(id) { await sleep(1000); return id; }
      export function plain() { return 1; }
    `);
    const effects = Object.fromEntries(
      Object.entries(summary.exports).map(([name, value]) => [
        name,
        value.kind === 'function' ? value.effect : value.kind,
      ]),
    );
    expect(effects).toEqual({
      row: 'read',
      touch: 'write',
      tagged: 'write',
      loadAll: 'read',
      post: 'write',
      sync: 'unknown',
      latency: 'read',
      plain: 'unknown',
    });
  });
});

describe("summarizeModule on ESLint's own tree", () => {
  const projectFiles = fs
    .readdirSync(path.join(fixturesDir, 'projects'), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.[cm]?[jt]s$/u.test(file))
    .map((file) => path.join(fixturesDir, 'projects', file));

  /** The summary a rule would record: ESLint parses `file` with `languageOptions` and the tree is summarised as ESLint built it. */
  function summarizeLinted(file: string, languageOptions: Linter.LanguageOptions): ModuleSummary {
    let summary: ModuleSummary | undefined;
    const rule = {
      meta: { type: 'problem', schema: [] },
      create: (context: { sourceCode: { ast: never; text: string } }) => ({
        Program: () => {
          summary = summarizeModule(context.sourceCode.ast, context.sourceCode.text);
        },
      }),
    };
    const messages = new Linter().verify(
      fs.readFileSync(file, 'utf8'),
      [
        {
          files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
          plugins: { summary: { rules: { of: rule } } as unknown as ESLint.Plugin },
          languageOptions,
          rules: { 'summary/of': 'error' },
        },
      ],
      { filename: file },
    );
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    return summary!;
  }

  it('reads every fixture project file', () => {
    expect(projectFiles.length).toBeGreaterThan(20);
  });

  // A file's summary must not depend on who parsed it: a file linted first is summarised from ESLint's tree, one needed first from oxc's.
  it.each(projectFiles.map((file) => [path.relative(fixturesDir, file), file]))(
    'gives the same summary of %s as oxc-parser, with espree and with typescript-eslint',
    (_name, file) => {
      const fromOxc = summarize(fs.readFileSync(file, 'utf8'), file);
      expect(summarizeLinted(file, languageOptionsFor(file, { typed: false }))).toEqual(fromOxc);
      expect(summarizeLinted(file, { parser: tsParser, sourceType: 'module' })).toEqual(fromOxc);
    },
  );
});

describe('summarizeModule: assertions of invariants in another file', () => {
  it('knows node:assert by its top-level import or require, not a function of the same name', () => {
    const guardedBody = '{ try { await s.flush(); } catch {} }';
    const viaRequire = `const assert = require('node:assert');\nexports.a = async (s) => { assert(s); try { await s.flush(); } catch {} };\nexports.b = async (s) => { assert.strictEqual(s.open, true); try { await s.flush(); } catch {} };\nexports.c = async (s) => { assert.fail('no'); ${guardedBody.slice(2)};`;
    expect(facts(summarize(viaRequire))).toEqual({ a: 'yes never-rejects', b: 'yes never-rejects', c: 'yes' });
    const viaImport = `import { ok } from 'assert/strict';\nexport async function a(s) { ok(s); ${guardedBody.slice(2)}`;
    expect(facts(summarize(viaImport))).toEqual({ a: 'yes never-rejects' });
    const own = `function assert(x) { if (!x) throw new Error('no'); }\nexport async function a(s) { assert(s); ${guardedBody.slice(2)}`;
    expect(facts(summarize(own))).toEqual({ a: 'yes' });
  });
});

describe('summarizeModule: rejection sources', () => {
  /** `name: noRejectionSource` for every exported function and class member. */
  function noSource(code: string): Record<string, boolean> {
    const found: Record<string, boolean> = {};
    for (const [name, value] of Object.entries(summarize(code).exports)) {
      if (value.kind === 'function') found[name] = value.noRejectionSource;
      if (value.kind === 'class')
        for (const [member, fn] of Object.entries(value.instanceMembers))
          if (fn.kind === 'function') found[`${name}#${member}`] = fn.noRejectionSource;
    }
    return found;
  }

  it('follows awaited top-level functions and this. methods of the class, in its own tree', () => {
    const code = `
      async function collect(s) { try { return await s.load(); } catch (error) { console.warn(error); } }
      export async function ping(s) { log(s.name); await collect(s); }
      export async function pingHard(s) { await collect(s); await s.load(); }
      export async function save(db) { return db.insert(1); }
      function check(x) { if (!x) throw new Error('x'); }
      export async function store(db, x) { check(x); try { await db.insert(x); } catch {} }
      export class Poller {
        async #refresh() { try { await this.source.load(); } catch {} }
        async start() { await this.#refresh(); this.schedule(); }
        async restart() { await this.source.reset(); await this.#refresh(); }
        async loop(n) { if (n) await this.loop(n - 1); }
      }
    `;
    expect(noSource(code)).toEqual({
      ping: true,
      pingHard: false,
      save: false,
      store: false,
      'Poller#start': true,
      'Poller#restart': false,
      'Poller#loop': false,
    });
  });
});

describe('summarizeModule: combinations of promises', () => {
  function noSource(code: string): Record<string, boolean> {
    const found: Record<string, boolean> = {};
    for (const [name, value] of Object.entries(summarize(code).exports))
      if (value.kind === 'function') found[name] = value.noRejectionSource;
    return found;
  }

  it('judges Promise.allSettled, and Promise.all or race over promises that cannot reject, as the linted file does', () => {
    const code = `
      async function quiet(x) { try { await x.close(); } catch {} }
      export function settle(items) { return Promise.allSettled(items.map((i) => i.stop())); }
      export function literal(a, b) { return Promise.all([quiet(a), b.stop().catch(() => {})]); }
      export function mapped(items) { return Promise.race(items.map((i) => i.stop().catch(() => {}))); }
      export function mappedAsync(items) { return Promise.all(items.map(async (i) => { await quiet(i); })); }
      export function stopAll(nodes) {
        var promises = [];
        for (const node of nodes) {
          try { promises.push(node.stop().catch(() => {})); } catch (error) { node.error(error); }
        }
        if (promises.length === 0) return Promise.resolve();
        return Promise.all(promises);
      }
      export function rejectsToo(a, b) { return Promise.all([quiet(a), b.stop()]); }
      export function unknownList(list) { return Promise.all(list); }
      export function escapes(nodes, sink) {
        const promises = [];
        sink(promises);
        for (const node of nodes) promises.push(node.stop().catch(() => {}));
        return Promise.all(promises);
      }
      export function pushesRejecting(nodes) {
        const promises = [];
        for (const node of nodes) promises.push(node.stop());
        return Promise.all(promises);
      }
      export function circular(nodes) {
        const promises = [];
        promises.push(Promise.all(promises));
        return Promise.all(promises);
      }
      export function any(a) { return Promise.any([quiet(a)]); }
      export function handsOn(items) {
        return Promise.all(items.map((i) => i.stop().catch(() => {}))).then((results) => { log(results); return results; });
      }
      export function rebinds(items, next) {
        return Promise.all(items.map((i) => i.stop().catch(() => {}))).then((results) => { results = next(); return results; });
      }
    `;
    expect(noSource(code)).toEqual({
      settle: true,
      literal: true,
      mapped: true,
      mappedAsync: true,
      stopAll: true,
      rejectsToo: false,
      unknownList: false,
      escapes: false,
      pushesRejecting: false,
      circular: false,
      any: false,
      handsOn: true,
      rebinds: false,
    });
  });
});

describe('summarizeFunctionsByBody', () => {
  it('summarises every function, nested ones too, by the offset of its body', () => {
    const code =
      'function outer() {\n  async function inner() { this.x = 1; }\n  return inner;\n}\nconst arrow = () => load();';
    const program = parseProjectFile('/project/module.js', code);
    const summaries = summarizeFunctionsByBody(program!, code);
    const at = (text: string) => summaries.get(code.indexOf(text));
    expect(at('{\n  async')).toMatchObject({ returnsPromise: 'unknown', line: 1 });
    expect(at('{ this.x')).toMatchObject({ returnsPromise: 'yes', cannotReject: true, isAsync: true, line: 2 });
    expect(at('load()')).toMatchObject({ returnsPromise: 'unknown', line: 5 });
    expect(summaries.size).toBe(3);
  });
});

describe('summarizeModule: declared types', () => {
  it('keeps the shapes of interfaces, type aliases and classes, the imports they may name, and the exported type names', () => {
    const summary = summarize(
      `
      import type { Base } from './base.js';
      import { type User, helper } from './users.js';
      import * as models from './models.js';
      interface Store { remove(id: string): PromiseLike<void>; }
      interface Store { clear(): void; }
      export interface Repo extends Store, Base { save(user: User): Promise<void>; }
      export type Queue = { add(job: string): Promise<number> };
      export default class Db { async query(sql: string) { await send(sql); } async init() { this.ready = true; } }
      type Id = string;
      export { Store as Storage };
      export type { Job } from './jobs.js';
      export { Worker as Runner } from './workers.js';
      export * from './more.js';
    `,
      '/project/types.ts',
    );
    const types = summary.types!;
    expect(Object.keys(types.local).sort()).toEqual([
      'Base',
      'Db',
      'Queue',
      'Repo',
      'Store',
      'User',
      'helper',
      'models',
    ]);
    expect(types.local.Store).toEqual({ kind: 'shape', bases: [], methods: { remove: 'promise', clear: 'other' } });
    expect(types.local.Repo).toEqual({ kind: 'shape', bases: ['Store', 'Base'], methods: { save: 'promise' } });
    // `init` cannot reject: a dropped call loses nothing, so its declared promise is left unknown.
    expect(types.local.Db).toEqual({ kind: 'shape', bases: [], methods: { query: 'promise', init: 'unknown' } });
    expect(types.local.Base).toEqual({
      kind: 'reference',
      specifier: './base.js',
      via: 'import',
      name: 'Base',
      members: [],
    });
    expect(types.local.models).toMatchObject({ specifier: './models.js', name: '*' });
    expect({ ...types.exported }).toEqual({
      Repo: 'Repo',
      Queue: 'Queue',
      default: 'Db',
      Storage: 'Store',
      Job: { kind: 'reference', specifier: './jobs.js', via: 'import', name: 'Job', members: [] },
      Runner: { kind: 'reference', specifier: './workers.js', via: 'import', name: 'Worker', members: [] },
    });
    // Types are kept beside the values, not among them.
    expect(Object.keys(summary.exports).sort()).toEqual(['Runner', 'default']);
  });

  it('has none for a file that declares no type', () => {
    expect(summarize('export async function save() { await io(); }').types).toBeUndefined();
  });
});
