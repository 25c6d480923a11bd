import { describe, expect, it } from 'vitest';

import { NEVER_REJECTS_COMMENT } from '../../src/analysis/comments.js';

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
