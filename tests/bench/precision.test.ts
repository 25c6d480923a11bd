/**
 * The precision triage's sampling and matching (bench/precision/sample.js): the sample is seeded and stable
 * when reports go away, a verdict follows its line when the line moves, and a verdict whose report is gone
 * is listed as removed, not silently dropped.
 */
import { describe, expect, it } from 'vitest';

import {
  distinctReports,
  fingerprint,
  matchVerdicts,
  type Report,
  sampleReports,
  shareWorthFixing,
  tally,
  type Verdict,
} from '../../bench/precision/sample.js';

const report = (file: string, line: number, text: string, rule = 'no-floating-promise'): Report => ({
  corpus: 'ghost',
  mode: 'untyped',
  rule,
  file,
  line,
  text,
  message: 'm',
});

const verdictOn = (r: Report, verdict: Verdict['verdict'] = 'harmless', version = '6.65.0'): Verdict => ({
  corpus: r.corpus,
  version,
  file: r.file,
  line: r.line,
  rule: r.rule,
  mode: r.mode,
  text: r.text,
  verdict,
  why: 'read',
});

const many = Array.from({ length: 30 }, (_, i) => report(`f${i % 7}.js`, i + 1, `call${i}()`));

describe('fingerprint', () => {
  it('drops indentation, collapses white space and cuts to 60 characters', () => {
    expect(fingerprint('    foo(  a,\tb )  ')).toBe('foo( a, b )');
    expect(fingerprint(`x${'y'.repeat(100)}`)).toHaveLength(60);
  });
});

describe('sampleReports', () => {
  it('takes at most `size` reports per corpus × mode × rule, the same for the same seed', () => {
    const mixed = [...many, ...many.slice(0, 5).map((r) => ({ ...r, rule: 'prefer-promise-all' }))];
    const first = sampleReports(mixed, { size: 10, seed: 1 });
    expect(first.filter((r) => r.rule === 'no-floating-promise')).toHaveLength(10);
    expect(first.filter((r) => r.rule === 'prefer-promise-all')).toHaveLength(5);
    expect(sampleReports([...mixed].reverse(), { size: 10, seed: 1 })).toEqual(first);
    expect(sampleReports(mixed, { size: 10, seed: 2 })).not.toEqual(first);
  });

  it('keeps the sampled reports that remain when others go away, and when lines move', () => {
    const first = sampleReports(many, { size: 10, seed: 1 });
    const removed = new Set(first.slice(0, 3));
    const after = many.filter((r) => !removed.has(r)).map((r) => ({ ...r, line: r.line + 4 }));
    const second = sampleReports(after, { size: 10, seed: 1 });
    expect(second).toHaveLength(10);
    const key = (r: Report) => `${r.file}:${r.text}`;
    expect(second.map(key)).toEqual(expect.arrayContaining(first.slice(3).map(key)));
  });
});

describe('distinctReports', () => {
  it('keeps one report per rule and line', () => {
    const twice = [report('a.js', 1, 'f(g())'), report('a.js', 1, 'f(g())'), report('a.js', 2, 'h()')];
    expect(distinctReports(twice)).toHaveLength(2);
  });
});

describe('matchVerdicts', () => {
  const versions = { ghost: '6.65.0' };

  it('matches a verdict at its place, lists unread reports, and gone reports as removed', () => {
    const [a, b, c] = [report('a.js', 1, 'a()'), report('a.js', 2, 'b()'), report('b.js', 3, 'c()')];
    const gone = verdictOn(report('z.js', 9, 'z()'), 'worth fixing');
    const matching = matchVerdicts({
      reports: [a, b, c],
      sampled: [a, b, c],
      verdicts: [verdictOn(a), verdictOn(c, 'wrong'), gone],
      versions,
    });
    expect(matching.read.map((m) => m.report)).toEqual([a, c]);
    expect(matching.unread).toEqual([b]);
    expect(matching.removed).toEqual([gone]);
    expect(matching.moved).toEqual([]);
  });

  it('follows a line that moved within its file, and does not match a changed line', () => {
    const before = report('a.js', 10, 'save(user)');
    const moved = { ...before, line: 14 };
    const changed = report('a.js', 10, 'await save(user)');
    const verdict = verdictOn(before);
    const movedMatch = matchVerdicts({ reports: [moved], sampled: [moved], verdicts: [verdict], versions });
    expect(movedMatch.read).toEqual([{ report: moved, verdict }]);
    expect(movedMatch.moved).toEqual([{ report: moved, verdict }]);
    const changedMatch = matchVerdicts({ reports: [changed], sampled: [changed], verdicts: [verdict], versions });
    expect(changedMatch.unread).toEqual([changed]);
    expect(changedMatch.removed).toEqual([verdict]);
  });

  it('sets verdicts of another corpus version apart, and ignores corpora and modes not linted', () => {
    const r = report('a.js', 1, 'a()');
    const old = verdictOn(r, 'harmless', '6.0.0');
    const typed = { ...verdictOn(r), mode: 'typed' as const };
    const elsewhere = { ...verdictOn(r), corpus: 'typeorm' };
    const matching = matchVerdicts({
      reports: [r],
      sampled: [r],
      verdicts: [old, typed, elsewhere],
      versions,
      modes: new Set(['ghost\u0000untyped']),
    });
    expect(matching.otherVersion).toEqual([old]);
    expect(matching.unread).toEqual([r]);
    expect(matching.removed).toEqual([]);
  });

  it('counts a verdict whose report left the sample apart from the shares', () => {
    const [a, b] = [report('a.js', 1, 'a()'), report('a.js', 2, 'b()')];
    const matching = matchVerdicts({ reports: [a, b], sampled: [b], verdicts: [verdictOn(a)], versions });
    expect(matching.outsideSample).toHaveLength(1);
    expect(matching.read).toEqual([]);
  });
});

describe('tally and shareWorthFixing', () => {
  it('counts reports, sample, verdicts and unread per row, and the share of the read ones', () => {
    const [a, b, c, d] = [
      report('a.js', 1, 'a()'),
      report('a.js', 2, 'b()'),
      report('a.js', 3, 'c()'),
      report('a.js', 4, 'd()'),
    ];
    const matching = matchVerdicts({
      reports: [a, b, c, d],
      sampled: [a, b, c],
      verdicts: [verdictOn(a, 'worth fixing'), verdictOn(b, 'wrong')],
      versions: { ghost: '6.65.0' },
    });
    const rows = tally({ reports: [a, b, c, d], sampled: [a, b, c], matching, keyOf: (r) => r.rule });
    const row = rows.get('no-floating-promise');
    expect(row).toEqual({ reports: 4, sampled: 3, read: 2, unread: 1, 'worth fixing': 1, harmless: 0, wrong: 1 });
    expect(shareWorthFixing(row!)).toBe('50 %');
    expect(shareWorthFixing({ ...row!, read: 0 })).toBe('n/a');
  });
});
