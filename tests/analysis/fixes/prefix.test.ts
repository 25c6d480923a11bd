import { describe, expect, it } from 'vitest';

import { isFunctionNode } from '../../../src/analysis/ast.js';
import { canMakeFunctionAsync, makeFunctionAsync, prefixWithKeyword } from '../../../src/analysis/fixes/prefix.js';
import { applyFixes, probe, probeOne, type Snippet } from '../harness.js';

/** The code after prefixing every node matching `selector` (default: calls of `load…`) with `keyword`. */
function prefix(
  snippet: Snippet,
  selector = 'CallExpression[callee.name=/^load/]',
  keyword: 'await' | 'void' = 'await',
): string {
  return applyFixes(snippet, selector, (fixer, context, node) =>
    prefixWithKeyword(fixer, context.sourceCode, node, keyword),
  );
}

describe('prefixWithKeyword', () => {
  it.each([
    ['plain call', 'load();', 'await load();'],
    ['argument', 'use(load(), 1);', 'use(await load(), 1);'],
    ['member object', 'const name = loadUser().name;', 'const name = (await loadUser()).name;'],
    ['optional member object', 'const name = loadUser()?.name;', 'const name = (await loadUser())?.name;'],
    ['computed member object', 'const first = loadRows()[0];', 'const first = (await loadRows())[0];'],
    [
      'member of an already parenthesized call',
      'const name = (loadUser()).name;',
      'const name = (await (loadUser())).name;',
    ],
    ['callee', 'loadFn()();', '(await loadFn())();'],
    ['callee of new', 'new (loadClass())();', 'new (await (loadClass()))();'],
    ['tag', 'loadTag()`x`;', '(await loadTag())`x`;'],
    ['left operand of **', 'const y = loadCount() ** 2;', 'const y = (await loadCount()) ** 2;'],
    ['right operand of **', 'const y = 2 ** loadCount();', 'const y = 2 ** await loadCount();'],
    ['operand of a unary operator', 'const ok = !loadFlag();', 'const ok = !await loadFlag();'],
    ['spread', 'const all = [...loadRows()];', 'const all = [...await loadRows()];'],
    ['left of ??', 'const v = loadValue() ?? 0;', 'const v = await loadValue() ?? 0;'],
    ['super class', 'class Repo extends loadBase() {}', 'class Repo extends (await loadBase()) {}'],
    [
      'keyword touching a parenthesis',
      'async function f() {\n  return(load());\n}',
      'async function f() {\n  return await (load());\n}',
    ],
    ['typeof touching a parenthesis', 'const t = typeof(load());', 'const t = typeof await (load());'],
    [
      'comments kept',
      'const user = /* cached */ loadUser(/* id */ 1).name; // why',
      'const user = /* cached */ (await loadUser(/* id */ 1)).name; // why',
    ],
  ])('%s', (_title, code, output) => {
    expect(prefix({ code })).toBe(output);
  });

  it.each([
    ['a || b', 'const v = a || b;', 'LogicalExpression', 'const v = await (a || b);'],
    ['already parenthesized (a || b)', 'const v = (a || b);', 'LogicalExpression', 'const v = await (a || b);'],
    ['doubly parenthesized', 'const v = ((a || b));', 'LogicalExpression', 'const v = (await (a || b));'],
    ['conditional', 'const v = ok ? a : b;', 'ConditionalExpression', 'const v = await (ok ? a : b);'],
    ['sequence', 'const v = (a, b);', 'SequenceExpression', 'const v = await (a, b);'],
    ['assignment', 'run(x = next());', 'AssignmentExpression', 'run(await (x = next()));'],
    [
      'logical expression as a member object',
      'const n = (a || b).length;',
      'LogicalExpression',
      'const n = (await (a || b)).length;',
    ],
  ])('%s', (_title, code, selector, output) => {
    expect(prefix({ code }, selector)).toBe(output);
  });

  it.each([
    [
      'x as Promise<T>',
      'const user = p as Promise<User>;',
      'TSAsExpression',
      'const user = await (p as Promise<User>);',
    ],
    [
      '(x as Promise<T>).then',
      '(p as Promise<User>).then(show);',
      'TSAsExpression',
      '(await (p as Promise<User>)).then(show);',
    ],
    [
      'x satisfies T',
      'const user = p satisfies Promise<User>;',
      'TSSatisfiesExpression',
      'const user = await (p satisfies Promise<User>);',
    ],
    ['non-null parent', 'const user = loadUser()!;', 'CallExpression', 'const user = (await loadUser())!;'],
    [
      'call inside as',
      'const user = loadUser() as Promise<User>;',
      'CallExpression',
      'const user = await loadUser() as Promise<User>;',
    ],
  ])('TypeScript: %s', (_title, code, selector, output) => {
    expect(prefix({ code, filename: 'file.ts' }, selector)).toBe(output);
  });

  it.each([
    ['void on a plain call', 'load();', 'void load();'],
    ['void on a member object', 'loadUser().name;', '(void loadUser()).name;'],
  ])('%s', (_title, code, output) => {
    expect(prefix({ code }, undefined, 'void')).toBe(output);
  });

  describe('statements that start with the new parenthesis (no-semicolon style)', () => {
    it.each([
      ['after an identifier line', 'const a = foo\nloadUser().x', 'const a = foo\n;(await loadUser()).x'],
      ['after a call line', 'init()\nloadUser().x', 'init()\n;(await loadUser()).x'],
      ['after an object literal', 'const options = {}\nloadUser().x', 'const options = {}\n;(await loadUser()).x'],
      [
        'after a function expression',
        'const f = function () {}\nloadUser().x',
        'const f = function () {}\n;(await loadUser()).x',
      ],
      [
        'after an if whose body has no semicolon',
        'if (ok) init()\nloadUser().x',
        'if (ok) init()\n;(await loadUser()).x',
      ],
      ['after a directive', "'use strict'\nloadUser().x", "'use strict'\n;(await loadUser()).x"],
      ['after an exported const', 'export const a = b\nloadUser().x', 'export const a = b\n;(await loadUser()).x'],
      [
        'after export default of a function',
        'export default function () {}\nloadUser().x',
        'export default function () {}\n(await loadUser()).x',
      ],
      ['after a semicolon', 'init();\nloadUser().x', 'init();\n(await loadUser()).x'],
      [
        'first in a block',
        'async function f() {\n  loadUser().x\n}',
        'async function f() {\n  (await loadUser()).x\n}',
      ],
      [
        'after a block statement',
        'if (ok) {\n  init()\n}\nloadUser().x',
        'if (ok) {\n  init()\n}\n(await loadUser()).x',
      ],
      ['after a function declaration', 'function f() {}\nloadUser().x', 'function f() {}\n(await loadUser()).x'],
      ['after a class declaration', 'class A {}\nloadUser().x', 'class A {}\n(await loadUser()).x'],
      ['first in the file', 'loadUser().x', '(await loadUser()).x'],
      // The statement is the body: a `;` here would become the body and run the call unconditionally.
      ['body of an if', 'if (ok)\n  loadUser().x', 'if (ok)\n  (await loadUser()).x'],
      ['body of an else', 'if (ok) a()\nelse\n  loadUser().x', 'if (ok) a()\nelse\n  (await loadUser()).x'],
      ['body of a for', 'for (const id of ids)\n  loadUser(id).x', 'for (const id of ids)\n  (await loadUser(id)).x'],
      ['labeled statement', 'outer:\n  loadUser().x', 'outer:\n  (await loadUser()).x'],
      [
        'case clause',
        'switch (k) {\n  case 1:\n    loadUser().x\n}',
        'switch (k) {\n  case 1:\n    (await loadUser()).x\n}',
      ],
      [
        'second in a case clause',
        'switch (k) {\n  case 1:\n    init()\n    loadUser().x\n}',
        'switch (k) {\n  case 1:\n    init()\n    ;(await loadUser()).x\n}',
      ],
      ['not at the start of the statement', 'init()\nx = loadUser().y', 'init()\nx = (await loadUser()).y'],
    ])('%s', (_title, code, output) => {
      expect(prefix({ code })).toBe(output);
    });
  });
});

/** The code after making the only function of the snippet async, or undefined when there is no fix. */
function makeAsync(snippet: Snippet): string | undefined {
  const canFix = probeOne(snippet, ':function', (context, node) =>
    isFunctionNode(node)
      ? makeFunctionAsync({ insertTextBefore: () => ({}) } as never, context.sourceCode, node) !== undefined
      : false,
  );
  if (!canFix) return undefined;
  return applyFixes(snippet, ':function', (fixer, context, node) =>
    isFunctionNode(node) ? makeFunctionAsync(fixer, context.sourceCode, node) : undefined,
  );
}

describe('makeFunctionAsync', () => {
  it.each([
    ['arrow, bare parameter', 'const f = x => load(x);', 'const f = async x => load(x);'],
    ['arrow, parenthesized parameters', 'const f = (x) => load(x);', 'const f = async (x) => load(x);'],
    ['arrow without parameters', 'run(() => load());', 'run(async () => load());'],
    ['function expression', 'const f = function (x) {};', 'const f = async function (x) {};'],
    ['function declaration', 'function load() {}', 'async function load() {}'],
    ['exported function declaration', 'export function load() {}', 'export async function load() {}'],
    ['export default function', 'export default function () {}', 'export default async function () {}'],
    ['generator function', 'function* rows() {}', 'async function* rows() {}'],
    ['method shorthand', 'const repo = { load() {} };', 'const repo = { async load() {} };'],
    [
      'property holding a function',
      'const repo = { load: function () {} };',
      'const repo = { load: async function () {} };',
    ],
    ['class method', 'class Repo {\n  load() {}\n}', 'class Repo {\n  async load() {}\n}'],
    ['static method', 'class Repo {\n  static load() {}\n}', 'class Repo {\n  static async load() {}\n}'],
    ['computed key method', 'class Repo {\n  [key]() {}\n}', 'class Repo {\n  async [key]() {}\n}'],
    ['computed key in an object', 'const repo = { ["load"]() {} };', 'const repo = { async ["load"]() {} };'],
    ['generator method', 'class Repo {\n  *rows() {}\n}', 'class Repo {\n  async *rows() {}\n}'],
    [
      'static computed generator method',
      'class Repo {\n  static *[key]() {}\n}',
      'class Repo {\n  static async *[key]() {}\n}',
    ],
    [
      'generator method without spaces',
      'class Repo {\n  static*rows() {}\n}',
      'class Repo {\n  static async *rows() {}\n}',
    ],
    ['private method', 'class Repo {\n  #load() {}\n}', 'class Repo {\n  async #load() {}\n}'],
    ['class field arrow', 'class Repo {\n  load = () => {};\n}', 'class Repo {\n  load = async () => {};\n}'],
    ['method named get', 'class Repo {\n  get() {}\n}', 'class Repo {\n  async get() {}\n}'],
    ['getter', 'class Repo {\n  get user() {}\n}', undefined],
    ['setter', 'const repo = { set user(v) {} };', undefined],
    ['constructor', 'class Repo {\n  constructor() {}\n}', undefined],
    ['already async', 'const f = async () => {};', undefined],
  ])('%s', (_title, code, output) => {
    expect(makeAsync({ code })).toBe(output);
  });

  it.each([
    ['generic arrow', 'const f = <T>(x: T) => x;', 'const f = async <T>(x: T) => x;'],
    [
      'method with modifiers',
      'class Repo {\n  public static override load(): void {}\n}',
      'class Repo {\n  public static override async load(): void {}\n}',
    ],
    ['decorated method', 'class Repo {\n  @log\n  load() {}\n}', 'class Repo {\n  @log\n  async load() {}\n}'],
  ])('TypeScript: %s', (_title, code, output) => {
    expect(makeAsync({ code, filename: 'file.ts' })).toBe(output);
  });
  it('canMakeFunctionAsync says in advance which functions it can fix', () => {
    const code =
      'class Repo {\n  constructor() {}\n  get user() {}\n  load() {}\n  save = async () => {};\n}\nconst repo = { set user(v) {}, load: function () {} };';
    const answers = probe({ code }, ':function', (_context, node) =>
      isFunctionNode(node) ? canMakeFunctionAsync(node) : undefined,
    );
    expect(answers).toEqual([false, false, true, false, false, true]);
  });
});
