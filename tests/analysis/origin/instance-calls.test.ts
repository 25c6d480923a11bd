import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { findInstanceCalls, type InstanceShape } from '../../../src/analysis/origin/instance-calls.js';
import { type Context, probe } from '../harness.js';

const STATEMENT: InstanceShape = { methods: { all: true, get: true } };
const DATABASE: InstanceShape = { methods: { exec: true, prepare: STATEMENT }, call: false };
const PROMPT: InstanceShape = { call: true, methods: { hide: true } };

/** The calls found on the value of every `new Database(…)` and `makePrompt(…)`, as `text (method)`. */
function calls(code: string): string[] {
  return probe(
    { code },
    'NewExpression[callee.name="Database"], CallExpression[callee.name="makePrompt"]',
    (context: Context, node: TSESTree.Node) =>
      findInstanceCalls(context, node, node.type === AST_NODE_TYPES.NewExpression ? DATABASE : PROMPT).map(
        ({ call, method }) => `${context.sourceCode.getText(call)} (${method ?? 'call'})`,
      ),
  ).flat();
}

describe('findInstanceCalls', () => {
  it.each([
    ['through a const', "const db = new Database('a');\ndb.exec('x');\ndb.close();", ["db.exec('x') (exec)"]],
    [
      'a nested object (statement)',
      "const db = new Database('a');\nconst stmt = db.prepare('q');\nstmt.all();\ndb.prepare('r').get(1);",
      ['stmt.all() (all)', "db.prepare('r').get(1) (get)"],
    ],
    ['directly on the new object', "new Database('a').exec('x');", ["new Database('a').exec('x') (exec)"]],
    [
      'a this field assigned in the constructor',
      "class Repo {\n  constructor() { this.db = new Database('a'); }\n  find() { return this.db.prepare('q').get(); }\n  nested() { return () => this.db.exec('y'); }\n}",
      ["this.db.prepare('q').get() (get)", "this.db.exec('y') (exec)"],
    ],
    [
      'a class field initialiser',
      "class Repo {\n  db = new Database('a');\n  run() { this.db.exec('x'); }\n}",
      ["this.db.exec('x') (exec)"],
    ],
    [
      'calling the object itself',
      "const ask = makePrompt();\nask('name?');\nask.hide('password?');\nmakePrompt()('now?');",
      ["ask('name?') (call)", "ask.hide('password?') (hide)", "makePrompt()('now?') (call)"],
    ],
  ])('follows %s', (_name, code, expected) => {
    expect(calls(code)).toEqual(expected);
  });

  it.each([
    ['a reassigned let', "let db = new Database('a');\ndb = other;\ndb.exec('x');"],
    [
      'a field written twice',
      "class Repo {\n  constructor() { this.db = new Database('a'); }\n  swap(d) { this.db = d; }\n  run() { this.db.exec('x'); }\n}",
    ],
    [
      '`this` of a nested function',
      "class Repo {\n  constructor() { this.db = new Database('a'); }\n  run() { return function () { this.db.exec('x'); }; }\n}",
    ],
    [
      'a static member',
      "class Repo {\n  constructor() { this.db = new Database('a'); }\n  static run() { this.db.exec('x'); }\n}",
    ],
  ])('does not follow %s', (_name, code) => {
    expect(calls(code)).toEqual([]);
  });
});
