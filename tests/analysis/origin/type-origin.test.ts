import { describe, expect, it } from 'vitest';

import { isTypeDeclaredBy, programDeclaresModule } from '../../../src/analysis/origin/type-origin.js';
import { getTypeInfo } from '../../../src/analysis/type-info.js';
import { probeAsked } from '../harness.js';

/** For every `ask(x)`: is the type of `x` declared by one of `modules`? */
function declaredBy(code: string, modules: string[]): boolean[] {
  return probeAsked({ code, typed: true }, (context, node) => isTypeDeclaredBy(getTypeInfo(context)!, node, modules));
}

describe('isTypeDeclaredBy', () => {
  it('recognises a class and the objects its methods return, declared in an ambient module', () => {
    const code = [
      "import type Database from 'better-sqlite3';",
      'declare const db: Database;',
      'declare const maybe: Database | undefined;',
      "ask(db); ask(db.prepare('x')); ask(maybe); ask(new Map()); ask(1);",
    ].join('\n');
    expect(declaredBy(code, ['better-sqlite3'])).toEqual([true, true, true, false, false]);
  });

  it('recognises types of Node built-ins with or without node:', () => {
    const code = "import fs from 'node:fs';\nask(fs.statSync('a'));\nask(fs.createReadStream('a'));\nask('text');";
    expect(declaredBy(code, ['fs'])).toEqual([true, true, false]);
    expect(declaredBy(code, ['node:fs'])).toEqual([true, true, false]);
  });

  it('says no for any and unknown', () => {
    expect(
      declaredBy('declare const value: any;\ndeclare const other: unknown;\nask(value); ask(other);', [
        'better-sqlite3',
      ]),
    ).toEqual([false, false]);
  });
});

describe('programDeclaresModule', () => {
  it('knows the ambient modules and packages of the program', () => {
    const answers = probeAsked({ code: 'ask(0);', typed: true }, (context) => {
      const info = getTypeInfo(context)!;
      return ['better-sqlite3', 'fs', 'node:fs', 'not-a-package-anyone-has'].map((module) =>
        programDeclaresModule(info, module),
      );
    });
    expect(answers).toEqual([[true, true, true, false]]);
  });
});
