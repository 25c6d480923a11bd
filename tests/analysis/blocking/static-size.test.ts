import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import {
  getStaticByteLength,
  getStaticNumber,
  meetsSizeCondition,
} from '../../../src/analysis/blocking/static-size.js';
import { BLOCKING_APIS, type BlockingApiRow } from '../../../src/analysis/catalog/blocking-apis.js';
import { probeAsked } from '../harness.js';

describe('getStaticNumber', () => {
  it('folds constants and gives up on the rest', () => {
    const code = 'const SIZE = 16;\nask(64 * 1024); ask(SIZE); ask(size); ask("16");';
    expect(probeAsked({ code }, getStaticNumber)).toEqual([65536, 16, undefined, undefined]);
  });
});

describe('getStaticByteLength', () => {
  it('reads Buffer.alloc and typed arrays, in place or through a const', () => {
    const code = [
      'const pool = Buffer.alloc(1024 * 1024);',
      'let later = Buffer.alloc(8);',
      'ask(pool); ask(new Uint32Array(4)); ask(Buffer.allocUnsafe(32)); ask(new Float64Array(n)); ask(later); ask(buffer);',
    ].join('\n');
    expect(probeAsked({ code }, getStaticByteLength)).toEqual([1048576, 16, 32, undefined, undefined, undefined]);
  });
});

describe('meetsSizeCondition', () => {
  const row = (name: string): BlockingApiRow =>
    BLOCKING_APIS.find((candidate) => candidate.module === 'crypto' && candidate.path.join('.') === name)!;

  it('randomBytes blocks noticeably without a callback and for a large or unknown size', () => {
    const code =
      'ask(randomBytes(1 << 20)); ask(randomBytes(n)); ask(randomBytes(64)); ask(randomBytes(1 << 20, done));';
    expect(
      probeAsked({ code }, (context, call) =>
        meetsSizeCondition(context, call as TSESTree.CallExpression, row('randomBytes')),
      ),
    ).toEqual([true, true, false, false]);
  });

  it('randomFillSync reads the size argument, or else the buffer length', () => {
    const code =
      'ask(randomFillSync(Buffer.alloc(16))); ask(randomFillSync(new Uint8Array(1 << 20))); ask(randomFillSync(buf, 0, 8));';
    expect(
      probeAsked({ code }, (context, call) =>
        meetsSizeCondition(context, call as TSESTree.CallExpression, row('randomFillSync')),
      ),
    ).toEqual([false, true, false]);
  });

  it('a row without a size condition always blocks', () => {
    expect(
      probeAsked({ code: 'ask(scryptSync(a, b, 1));' }, (context, call) =>
        meetsSizeCondition(context, call as TSESTree.CallExpression, row('scryptSync')),
      ),
    ).toEqual([true]);
  });
});
