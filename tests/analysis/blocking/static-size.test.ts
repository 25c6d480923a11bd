import { describe, expect, it } from 'vitest';

import { getStaticByteLength, getStaticNumber } from '../../../src/analysis/blocking/static-size.js';
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
