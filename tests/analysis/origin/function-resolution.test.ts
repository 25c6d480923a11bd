import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import {
  canCompleteNormally,
  classMember,
  constantInit,
  objectMember,
  resolveFunction,
} from '../../../src/analysis/origin/function-resolution.js';
import { probeAsked, probeOne } from '../harness.js';

/** The text of the function `resolveFunction` finds for the argument of every `ask(…)`, in both parsers. */
function resolved(code: string, filename = 'file.js'): (string | undefined)[] {
  return probeAsked({ code, filename }, (context, expression) => {
    const fn = resolveFunction(context, expression);
    return fn ? context.sourceCode.getText(fn) : undefined;
  });
}

describe('resolveFunction', () => {
  it.each([
    ['a function declaration', 'function plain() {}\nask(plain);', ['function plain() {}']],
    ['a const arrow', 'const load = async () => 1;\nask(load);', ['async () => 1']],
    ['an inline function', 'ask(() => 2);', ['() => 2']],
    [
      'object literal members, by name or string key',
      "const repo = { load: async () => 1, 'save': function () {}, get value() { return 1; } };\nask(repo.load);\nask(repo['save']);\nask(repo.value);",
      ['async () => 1', 'function () {}', undefined],
    ],
    [
      'static members on the class, instance members on `new C()` and on a const holding one',
      'class Repo { static make() {} save() {} }\nconst repo = new Repo();\nask(Repo.make);\nask(new Repo().save);\nask(repo.save);\nask(Repo.save);',
      ['() {}', '() {}', '() {}', undefined],
    ],
    [
      '`this[key]` for a computed key bound once (a symbol, imported or required), not a reassigned one',
      "import { kOpen } from './symbols.js';\nconst { kClose } = require('./symbols');\nconst kDrain = Symbol('drain');\nlet kLater = Symbol('later');\nkLater = Symbol('again');\nclass Pool {\n  [kDrain]() {}\n  [kOpen] = () => 1;\n  [kClose]() {}\n  [kLater]() {}\n  static [kDrain]() { return 2; }\n  run() { ask(this[kDrain]); ask(this[kOpen]); ask(this[kClose]); ask(this[kLater]); ask(this['kDrain']); }\n}",
      ['() {}', '() => 1', '() {}', undefined, undefined],
    ],
    [
      '`this.` in methods, arrows inside them and field initialisers; static code sees static members',
      'class Repo {\n  async load() {}\n  static make() {}\n  #hidden = () => 3;\n  run() { ask(this.load); return () => ask(this.#hidden); }\n  field = ask(this.load);\n  static create() { ask(this.make); ask(this.load); }\n  static { ask(this.make); }\n}',
      ['() {}', '() => 3', '() {}', '() {}', undefined, '() {}'],
    ],
    [
      '`this.` in an object literal method',
      'const service = { async stop() {}, start() { ask(this.stop); } };',
      ['() {}'],
    ],
    [
      'nothing for reassigned bindings, parameters, unknown names and computed members',
      'let later = () => 1;\nlater = () => 2;\nfunction outer(param) { ask(param); }\nconst repo = { load() {} };\nask(later);\nask(unknown);\nask(repo[name]);\nask(this.load);',
      [undefined, undefined, undefined, undefined, undefined],
    ],
  ])('%s', (_title, code, expected) => {
    expect(resolved(code)).toEqual(expected);
    expect(resolved(code, 'file.ts')).toEqual(expected);
  });

  it('looks through TypeScript wrappers and optional chains', () => {
    expect(
      resolved(
        'const repo = { load: () => 1 };\nfunction f() {}\nask((f as any));\nask(repo?.load);\nask(repo!.load);',
        'file.ts',
      ),
    ).toEqual(['function f() {}', '() => 1', '() => 1']);
  });
});

describe('constantInit', () => {
  it('is the only value of a binding written once, and undefined otherwise', () => {
    const code =
      'const a = 1;\nlet b = 2;\nlet c = 3;\nc = 4;\nlet d;\nfunction e() {}\nclass F {}\nconst { g } = {};\nask(a);\nask(b);\nask(c);\nask(d);\nask(e);\nask(F);\nask(g);';
    const inits = probeAsked({ code }, (context, expression) => {
      const init = constantInit(context, expression as TSESTree.Identifier);
      return init && context.sourceCode.getText(init).split('\n')[0];
    });
    expect(inits).toEqual(['1', '2', undefined, undefined, 'function e() {}', 'class F {}', undefined]);
  });
});

describe('classMember and objectMember', () => {
  it('find function-valued members by name, static or not, private with #', () => {
    const code = 'class C { static s() {} m() {} #p() {} get g() { return 1; } f = () => 1; v = 1; [k]() {} }';
    const found = probeOne({ code }, 'ClassDeclaration', (context, node) => {
      const classNode = node as TSESTree.ClassDeclaration;
      const text = (name: string, isStatic: boolean) => {
        const fn = classMember(classNode, name, isStatic);
        return fn && context.sourceCode.getText(fn);
      };
      return [
        text('s', true),
        text('s', false),
        text('m', false),
        text('#p', false),
        text('g', false),
        text('f', false),
        text('v', false),
        text('k', false),
      ];
    });
    expect(found).toEqual(['() {}', undefined, '() {}', '() {}', undefined, '() => 1', undefined, undefined]);
  });

  it('objectMember skips getters, computed keys and non-functions', () => {
    const code = "const o = { a() {}, 'b': () => 2, 3: function () {}, get c() { return 1; }, [d]: () => 4, e: 5 };";
    const found = probeOne({ code }, 'ObjectExpression', (context, node) =>
      ['a', 'b', '3', 'c', 'd', 'e'].map((name) => {
        const fn = objectMember(node as TSESTree.ObjectExpression, name);
        return fn && context.sourceCode.getText(fn);
      }),
    );
    expect(found).toEqual(['() {}', '() => 2', 'function () {}', undefined, undefined, undefined]);
  });
});

describe('canCompleteNormally', () => {
  /** The answer for the body of every `ask(() => { … })`. */
  function completes(code: string): string[] {
    return probeAsked({ code }, (_context, expression) =>
      canCompleteNormally((expression as TSESTree.ArrowFunctionExpression).body as TSESTree.BlockStatement),
    );
  }

  it('says no when every way out is a return, throw, break or continue', () => {
    const code = [
      'ask(() => { if (c) return; else throw e; });',
      "ask(() => { switch (k) { case 'a': throw e; default: return; } });",
      'ask(() => { try { throw e; } finally { log(); } });',
      'ask(() => { do { throw e; } while (c); });',
      'ask(() => { for (;;) { if (c) throw e; } });',
      'ask(() => { label: { if (c) break label; } throw e; });',
    ].join('\n');
    expect(completes(code)).toEqual(['no', 'no', 'no', 'no', 'no', 'no']);
  });

  it('says yes only for a provable path to the end, unknown otherwise', () => {
    const code = [
      'ask(() => { if (c) throw e; log(); });',
      "ask(() => { switch (k) { case 'a': throw e; } });",
      'ask(() => { try { log(); } catch { throw e; } });',
      'ask(() => { while (c) { throw e; } });',
      'ask(() => { do { if (c) continue; throw e; } while (c); });',
      "ask(() => { switch (k) { case 'a': break; default: throw e; } });",
      'ask(() => { try { return; } catch { log(); } });',
    ].join('\n');
    expect(completes(code)).toEqual(['yes', 'yes', 'yes', 'unknown', 'unknown', 'unknown', 'unknown']);
  });
});
