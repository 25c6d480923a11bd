import { describe, expect, it } from 'vitest';

import { jsdocImportType, NEVER_REJECTS_COMMENT } from '../../src/analysis/comments.js';
import { probe } from './harness.js';

describe('NEVER_REJECTS_COMMENT', () => {
  const says = (comment: string) => new RegExp(NEVER_REJECTS_COMMENT, 'i').test(comment);

  it.each([
    ' Should not error.',
    ' never rejects',
    ' cannot throw ',
    " can't fail",
    ' shouldn’t reject, see drain()',
    " won't throw here",
    ' should never fail in practice',
    ' does not reject\n * because every path resolves',
  ])('hears %j as "cannot fail"', (comment) => {
    expect(says(comment)).toBe(true);
  });

  it.each([
    ' fire and forget',
    ' not awaited on purpose',
    ' errors are handled by the pool',
    ' this should not fail the request',
    ' never errored in tests so far? check',
    ' terror rejects',
    // Hedges, wishes and claims about something else.
    ' never fails unless the disk is full',
    " won't fail except on timeout",
    ' If the request fails, the UI should not error.',
    ' the cache lookup never fails, but the fetch may',
    ' TODO: should not fail',
    ' Must not fail. If it does, we lose data.',
    ' callers assume it cannot fail',
  ])('does not hear %j as "cannot fail"', (comment) => {
    expect(says(comment)).toBe(false);
  });
});

describe('jsdocImportType', () => {
  it('reads the module and members a JSDoc import type names, on the declaration just below it', () => {
    const code = [
      'class A {',
      "  /** @type {import('./settings-service')} */",
      '  settings;',
      '  /** @type {import("../lib/mail").Mailer} */',
      '  mailer;',
      "  /** @type {import('./x').a . B } */ inline;",
      "  /** @type {import('./far')} */",
      '',
      '  far;',
      "  // @type {import('./line')}",
      '  line;',
      "  /** @param {import('./p')} p */",
      '  param;',
      '  plain;',
      '}',
    ].join('\n');
    expect(
      probe({ code }, 'PropertyDefinition', (context, node) => jsdocImportType(context.sourceCode, node) ?? null),
    ).toEqual([
      { specifier: './settings-service', members: [] },
      { specifier: '../lib/mail', members: ['Mailer'] },
      { specifier: './x', members: ['a', 'B'] },
      null,
      null,
      null,
      null,
    ]);
  });
});
