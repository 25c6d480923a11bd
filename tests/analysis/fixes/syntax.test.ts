import type { TSESTree } from '@typescript-eslint/utils';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';

import {
  guardStatementStart,
  needsParenthesesAt,
  needsPrecedingSemicolon,
  Precedence,
  precedenceOf,
  precedenceRequiredAt,
  textWithPrecedence,
} from '../../../src/analysis/fixes/syntax.js';
import { probeOne } from '../harness.js';

const TARGET = 'ExpressionStatement[expression.callee.name="target"]';

/** What `needsPrecedingSemicolon` says about the statement `target();` in `code`. */
function semicolonNeeded(code: string, filename = 'file.js'): boolean {
  return probeOne({ code, filename }, TARGET, (context, node) => needsPrecedingSemicolon(context.sourceCode, node));
}

/** Does `next` on the line after `previous` continue it (one statement, or a syntax error) rather than start a new one? */
function continues(previous: string, next: string): boolean {
  try {
    const program = espree.parse(`${previous}\n${next}`, { ecmaVersion: 'latest', sourceType: 'module' });
    return program.body.length < 2;
  } catch {
    return true;
  }
}

/** Lines that begin with an ASI hazard: they continue an open expression on the line before. */
const HAZARDS = ['(a)', '[a].forEach(f)', '`a`', '+a', '-a', '/a/.test(b)'];

describe('needsPrecedingSemicolon', () => {
  it.each([
    ['an object literal', 'const o = {}', true],
    ['a function expression', 'const f = function () {}', true],
    ['a class expression', 'const C = class {}', true],
    ['a call', 'f()', true],
    ['an identifier', 'a = b', true],
    ['a member', 'a.b', true],
    ['a template', 'a = `x`', true],
    ['an array', 'a = [1]', true],
    ['a postfix update', 'a++', true],
    ['a class body', 'class C {}', false],
    ['a function body', 'function f() {}', false],
    ['a block', '{ f() }', false],
    ['an if block', 'if (a) { f() }', false],
    ['an arrow body', 'const f = () => {}', false],
    ['an async arrow body', 'const f = async () => {}', false],
    ['a do-while', 'do {} while (a)', false],
    ['a semicolon', 'f();', false],
    ['a switch', 'switch (a) {}', false],
  ])('after %s', (_name, previous, expected) => {
    expect(semicolonNeeded(`${previous}\ntarget();`)).toBe(expected);
    for (const hazard of HAZARDS) {
      // Sound: every line that would continue the previous statement gets a `;`.
      if (continues(previous, hazard)) expect(expected, `${previous} / ${hazard}`).toBe(true);
    }
    // Precise: where no `;` is added, no hazard continues the statement.
    if (!expected) for (const hazard of HAZARDS) expect(continues(previous, hazard), hazard).toBe(false);
  });

  it.each([
    ['first statement of a block', 'function f() {\n  target();\n}'],
    ['first statement of the file', 'target();'],
    ['first statement of a case', 'switch (a) {\n  case 1:\n    target();\n}'],
    ['the body of an if (a `;` would become the body)', 'const o = {}\nif (a)\n  target();'],
    ['the body of a label', 'const o = {}\nlabel:\ntarget();'],
  ])('not for %s', (_name, code) => {
    expect(semicolonNeeded(code)).toBe(false);
  });

  it('only where a statement begins', () => {
    const answers = probeOne(
      { code: 'const o = {}\nx = target();' },
      'CallExpression[callee.name="target"]',
      (context, node) => needsPrecedingSemicolon(context.sourceCode, node),
    );
    expect(answers).toBe(false);
  });

  it('from a node that begins its statement', () => {
    const code = 'const o = {}\ntarget().toString();';
    const answer = probeOne({ code }, 'CallExpression[callee.name="target"]', (context, node) =>
      needsPrecedingSemicolon(context.sourceCode, node),
    );
    expect(answer).toBe(true);
  });

  it('after a TypeScript statement that ends in `}`', () => {
    expect(semicolonNeeded('interface A {}\ntarget();', 'file.ts')).toBe(false);
    expect(semicolonNeeded('enum E { A }\ntarget();', 'file.ts')).toBe(false);
    expect(semicolonNeeded('const o = {} as const\ntarget();', 'file.ts')).toBe(true);
  });

  it('guardStatementStart adds `;` only in front of a hazard', () => {
    const guard = (text: string): string =>
      probeOne({ code: 'const o = {}\ntarget();' }, TARGET, (context, node) =>
        guardStatementStart(context.sourceCode, node, text),
      );
    expect(HAZARDS.map(guard)).toEqual(HAZARDS.map((hazard) => `;${hazard}`));
    expect(guard('await x')).toBe('await x');
  });
});

/** The precedence of the argument of `ask(…)`. */
function precedence(code: string, filename = 'file.js'): number {
  return probeOne({ code, filename }, 'CallExpression[callee.name="ask"]', (_context, node) =>
    precedenceOf((node as TSESTree.CallExpression).arguments[0]!),
  );
}

describe('precedenceOf', () => {
  it.each([
    ['a = b', Precedence.Assignment],
    ['() => a', Precedence.Assignment],
    ['a ? b : c', Precedence.Conditional],
    ['a ?? b', Precedence.Coalesce],
    ['a || b', Precedence.LogicalOr],
    ['a && b', Precedence.LogicalAnd],
    ['a === b', Precedence.Equality],
    ['a in b', Precedence.Relational],
    ['a << b', Precedence.Shift],
    ['a - b', Precedence.Additive],
    ['a * b', Precedence.Multiplicative],
    ['a ** b', Precedence.Exponentiation],
    ['!a', Precedence.Unary],
    ['++a', Precedence.Update],
    ['new A', Precedence.LeftHandSide],
    ['new A()', Precedence.Member],
    ['a.b', Precedence.Member],
    ['a()', Precedence.Member],
    ['a?.b', Precedence.Member],
    ['a', Precedence.Primary],
    ['{}', Precedence.Primary],
    ['(a, b)', Precedence.Sequence],
  ])('%s', (expression, expected) => {
    expect(precedence(`ask(${expression});`)).toBe(expected);
  });

  it('TypeScript operators', () => {
    expect(precedence('ask(a as B);', 'file.ts')).toBe(Precedence.Relational);
    expect(precedence('ask(a satisfies B);', 'file.ts')).toBe(Precedence.Relational);
    expect(precedence('ask(<B>a);', 'file.ts')).toBe(Precedence.Unary);
    expect(precedence('ask(a!);', 'file.ts')).toBe(Precedence.Member);
  });
});

/** What `answer` says about the node `here` (an identifier) in `code`. */
function atHere<T>(code: string, answer: (node: TSESTree.Node) => T, filename = 'file.js'): T {
  return probeOne({ code, filename }, 'Identifier[name="here"]', (_context, node) => answer(node));
}

describe('precedenceRequiredAt', () => {
  it.each([
    ['here;', Precedence.Sequence],
    ['f(here);', Precedence.Assignment],
    ['x = here;', Precedence.Assignment],
    ['[...here];', Precedence.Assignment],
    ['here.b;', Precedence.Member],
    ['a[here];', Precedence.Sequence],
    ['here();', Precedence.Member],
    ['new here();', Precedence.Member],
    ['here`x`;', Precedence.Member],
    ['class A extends here {}', Precedence.LeftHandSide],
    ['!here;', Precedence.Unary],
    ['async () => await here;', Precedence.Unary],
    ['here - b;', Precedence.Additive],
    ['a - here;', Precedence.Multiplicative],
    ['here ** b;', Precedence.Update],
    ['a ** here;', Precedence.Exponentiation],
    ['here ? a : b;', Precedence.Coalesce],
    ['a ? here : b;', Precedence.Assignment],
    ['(a, here);', Precedence.Assignment],
    ['`${here}`;', Precedence.Sequence],
  ])('%s', (code, expected) => {
    expect(atHere(code, precedenceRequiredAt)).toBe(expected);
  });

  it('TypeScript positions', () => {
    expect(atHere('here!;', precedenceRequiredAt, 'file.ts')).toBe(Precedence.Member);
    expect(atHere('here as B;', precedenceRequiredAt, 'file.ts')).toBe(Precedence.Relational);
  });
});

describe('needsParenthesesAt', () => {
  it('compares precedence with what the position requires', () => {
    expect(atHere('here.b;', (node) => needsParenthesesAt(Precedence.Unary, node))).toBe(true);
    expect(atHere('f(here);', (node) => needsParenthesesAt(Precedence.Assignment, node))).toBe(false);
    expect(atHere('f(here);', (node) => needsParenthesesAt(Precedence.Sequence, node))).toBe(true);
  });

  it('keeps `??` apart from `||` and `&&`, and an object literal out of an arrow body', () => {
    const code = 'const v = (a || b) ?? c;\nconst w = (a ?? b) || c;\nconst f = () => ({});';
    const answers = probeOne({ code }, 'Program', (_context, program) => {
      const [v, w, f] = (program as TSESTree.Program).body as TSESTree.VariableDeclaration[];
      const left = (declaration: TSESTree.VariableDeclaration): TSESTree.Node =>
        (declaration.declarations[0].init as TSESTree.LogicalExpression).left;
      const body = (f!.declarations[0].init as TSESTree.ArrowFunctionExpression).body;
      return [
        needsParenthesesAt(left(v!), left(v!)),
        needsParenthesesAt(left(w!), left(w!)),
        needsParenthesesAt(body, body),
      ];
    });
    expect(answers).toEqual([true, true, true]);
  });
});

describe('textWithPrecedence', () => {
  it.each([
    ['a + b', Precedence.Additive, 'a + b'],
    ['a + b', Precedence.Multiplicative, '(a + b)'],
    ['(a, b)', Precedence.Assignment, '(a, b)'],
    ['f()', Precedence.Member, 'f()'],
    ['new A', Precedence.Member, '(new A)'],
    ['a ? b : c', Precedence.Unary, '(a ? b : c)'],
    ['await a', Precedence.Unary, 'await a'],
  ])('%s at %i', (expression, minimum, expected) => {
    const code = `async function g() { ask(${expression}); }`;
    expect(
      probeOne({ code }, 'CallExpression[callee.name="ask"]', (context, node) =>
        textWithPrecedence(context.sourceCode, (node as TSESTree.CallExpression).arguments[0]!, minimum),
      ),
    ).toBe(expected);
  });
});
