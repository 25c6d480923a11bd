import { beforeEach, describe, expect, it, vi } from 'vitest';

import type * as ParseModuleNamespace from '../../../src/analysis/project/parse.js';

type ParseModule = typeof ParseModuleNamespace;

/** A stand-in for oxc-parser that records the options of each parse. */
function fakeParser({ supported, rawFails }: { supported: boolean; rawFails: boolean }) {
  const calls: boolean[] = [];
  const result = { program: { type: 'Program', body: [] }, errors: [] };
  return {
    calls,
    parser: {
      rawTransferSupported: () => supported,
      parseSync: (_file: string, _text: string, options?: { experimentalRawTransfer?: boolean }) => {
        const raw = options?.experimentalRawTransfer === true;
        calls.push(raw);
        if (raw && rawFails) throw new Error('cannot reserve the buffer');
        return result;
      },
    } as unknown as Parameters<ParseModule['oxcParse']>[0],
  };
}

describe('oxcParse', () => {
  let oxcParse: ParseModule['oxcParse'];
  beforeEach(async () => {
    // The module remembers whether the raw transfer works: a fresh copy for each case.
    vi.resetModules();
    ({ oxcParse } = await import('../../../src/analysis/project/parse.js'));
  });

  it('uses the raw transfer where oxc supports it', () => {
    const { parser, calls } = fakeParser({ supported: true, rawFails: false });
    oxcParse(parser, '/p/a.ts', 'x', { astType: 'ts' });
    oxcParse(parser, '/p/b.ts', 'y', { astType: 'ts' });
    expect(calls).toEqual([true, true]);
  });

  it('parses through JSON where the raw transfer is unsupported (Node 20)', () => {
    const { parser, calls } = fakeParser({ supported: false, rawFails: false });
    oxcParse(parser, '/p/a.ts', 'x', { astType: 'ts' });
    expect(calls).toEqual([false]);
  });

  it('falls back to JSON when the raw transfer fails, and stops trying it', () => {
    const { parser, calls } = fakeParser({ supported: true, rawFails: true });
    const first = oxcParse(parser, '/p/a.ts', 'x', { astType: 'ts' });
    oxcParse(parser, '/p/b.ts', 'y', { astType: 'ts' });
    expect(first.program.type).toBe('Program');
    expect(calls).toEqual([true, false, false]);
  });
});
