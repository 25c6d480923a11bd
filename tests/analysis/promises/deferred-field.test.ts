import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';

import { classFieldUses, mentionsOnlyUseSafely } from '../../../src/analysis/promises/deferred-field.js';
import { probeOne } from '../harness.js';

/** `classFieldUses` of the field `name` of the only class of `code`, as plain data. */
function fieldUses(code: string, name: string) {
  return probeOne({ code, filename: 'file.ts' }, 'ClassDeclaration', (context, node) => {
    const uses = classFieldUses(context.sourceCode, node as TSESTree.ClassDeclaration, name);
    return uses && { access: uses.access, writes: uses.writes.length, members: [...uses.members].sort() };
  });
}

/** `mentionsOnlyUseSafely` of the field `name` over the whole of `code`, `reject` rejecting, the class `Own` left out. */
function mentionsAreSafe(code: string, name: string): boolean {
  return probeOne({ code, filename: 'file.ts' }, 'Program', (context, node) =>
    mentionsOnlyUseSafely(
      context.sourceCode,
      node,
      name,
      new Set(['reject']),
      (inner) => inner.type === AST_NODE_TYPES.ClassDeclaration && inner.id?.name === 'Own',
    ),
  );
}

describe('classFieldUses', () => {
  it('the field as its class uses it: access, writes, members', () => {
    const code = [
      'class Target {',
      '  protected ready = make();',
      '  open() { this.ready = make(); if (!this.ready) return; this.ready.resolve(); }',
      '  same(other: Target) { return other.ready.value() === this.ready.value(); }',
      '}',
    ].join('\n');
    expect(fieldUses(code, 'ready')).toEqual({ access: 'protected', writes: 2, members: ['resolve', 'value'] });
    expect(fieldUses('class A { #x = make(); run() { this.#x.wait(); } }', '#x')).toEqual({
      access: 'private',
      writes: 1,
      members: ['wait'],
    });
  });

  it('undeclared, handed on, or compound-assigned: unknown', () => {
    expect(fieldUses('class A { run() { this.x = make(); } }', 'x')).toBeUndefined();
    expect(fieldUses('class A { x = make(); run() { keep(this.x); } }', 'x')).toBeUndefined();
    expect(fieldUses('class A { x = make(); run() { this.x += 1; } }', 'x')).toBeUndefined();
  });
});

describe('mentionsOnlyUseSafely', () => {
  it('member uses other than the rejecting ones, tests, and the class left out', () => {
    const code = [
      'class Own { ready = make(); fail() { this.ready.reject(new Error("x")); } }',
      'function use(t: Own) { if (t.ready && t?.ready.resolved()) t.ready.resolve(); }',
      "emitter.on('ready', () => {}); const ready = 1; console.log(ready);",
    ].join('\n');
    expect(mentionsAreSafe(code, 'ready')).toBe(true);
  });

  it('a rejecting member, a write, a destructuring, a computed key, an object key: unsafe', () => {
    expect(mentionsAreSafe('t.ready.reject(new Error("x"));', 'ready')).toBe(false);
    expect(mentionsAreSafe('t.ready = other;', 'ready')).toBe(false);
    expect(mentionsAreSafe('const { ready } = t;', 'ready')).toBe(false);
    expect(mentionsAreSafe("t['ready'].resolve();", 'ready')).toBe(false);
    expect(mentionsAreSafe('keep({ ready: t.x });', 'ready')).toBe(false);
    expect(mentionsAreSafe('keep(t.ready);', 'ready')).toBe(false);
  });
});
