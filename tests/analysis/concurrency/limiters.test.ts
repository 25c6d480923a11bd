import { describe, expect, it } from 'vitest';

import { findAvailableLimiters, lowestMajor } from '../../../src/analysis/concurrency/limiters.js';
import { probeOne, type Snippet } from '../harness.js';

/** `module:export (in file | declared @major)` for each limiter the file can use, in order. */
function limiters(snippet: Snippet): string[] {
  return probeOne(snippet, 'Program', (context) =>
    findAvailableLimiters(context).map(
      ({ row, inFile, declaredMajor }) =>
        `${row.module}:${row.export} ${inFile ? 'in file' : 'declared'}${declaredMajor === undefined ? '' : ` @${declaredMajor}`}`,
    ),
  );
}

describe('findAvailableLimiters', () => {
  it('none without an import or a declared dependency', () => {
    expect(limiters({ code: "import x from './x.js';" })).toEqual([]);
  });

  it('imported or required in the file, by module', () => {
    expect(limiters({ code: "import pLimit from 'p-limit'; import { mapLimit } from 'async';" })).toEqual([
      'p-limit:default in file',
      'async:mapLimit in file',
      'async:eachLimit in file',
    ]);
    expect(limiters({ code: "const pMap = require('p-map');", filename: 'file.cjs' })).toEqual([
      'p-map:default in file',
    ]);
    // A type-only import loads nothing.
    expect(limiters({ code: "import type pLimit from 'p-limit';", filename: 'file.ts' })).toEqual([]);
  });

  it('declared in the nearest package.json dependencies, after those in the file', () => {
    expect(limiters({ code: '', filename: 'projects/limiter-esm/src/jobs.js' })).toEqual([
      'p-limit:default declared @6',
    ]);
    expect(limiters({ code: "const pMap = require('p-map');", filename: 'projects/limiter-cjs/src/jobs.js' })).toEqual([
      'p-map:default in file @4',
      'p-limit:default declared @6',
    ]);
  });
});

describe('lowestMajor', () => {
  it.each([
    ['^3.1.0', 3],
    ['~2', 2],
    ['>=3 <5', 3],
    ['v4.0.0', 4],
    ['npm:p-limit@^5.0.0', 5],
    ['latest', undefined],
    ['*', undefined],
    ['github:sindresorhus/p-limit', undefined],
  ])('%s', (range, major) => {
    expect(lowestMajor(range)).toBe(major);
  });
});
