import { describe, expect, it } from 'vitest';

import { BLOCKING_APIS, BLOCKING_ROWS_BY_METHOD } from '../../../src/analysis/catalog/blocking-apis.js';
import { blockingCatalogWith, customBlockingRow } from '../../../src/analysis/catalog/custom-blocking-apis.js';

describe('customBlockingRow', () => {
  it('a named export with an async twin: a rename fix that imports the twin', () => {
    expect(customBlockingRow({ module: 'db-lib', name: 'querySync', asyncTwin: 'query' })).toEqual({
      module: 'db-lib',
      path: ['querySync'],
      kind: 'call',
      category: 'custom',
      hint: 'Use `query()`.',
      twin: {
        description: '`query()`',
        fix: { kind: 'rename', member: ['query'], import: { module: 'db-lib', name: 'query' } },
      },
    });
  });

  it('a member path renames the last property and imports nothing; a hint is kept as given', () => {
    expect(
      customBlockingRow({ module: 'db-lib', name: 'Client.querySync', asyncTwin: 'query', hint: 'Pool it.' }),
    ).toEqual({
      module: 'db-lib',
      path: ['Client', 'querySync'],
      kind: 'call',
      category: 'custom',
      hint: 'Pool it.',
      twin: { description: '`query()`', fix: { kind: 'rename', member: ['query'] } },
    });
  });

  it('`default` is the module itself, with no twin to rename to; a global has no module', () => {
    expect(customBlockingRow({ module: 'sync-thing', name: 'default', asyncTwin: 'x' })).toEqual({
      module: 'sync-thing',
      path: [],
      kind: 'call',
      category: 'custom',
      hint: 'Use `x()`.',
    });
    expect(customBlockingRow({ name: 'waitSync' })).toEqual({
      path: ['waitSync'],
      kind: 'call',
      category: 'custom',
      hint: 'Use an asynchronous alternative.',
    });
  });
});

describe('blockingCatalogWith', () => {
  it('the built-in catalogue itself without additions, and one extended catalogue per options array', () => {
    expect(blockingCatalogWith(undefined)).toBe(BLOCKING_APIS);
    expect(blockingCatalogWith([])).toBe(BLOCKING_APIS);
    const additional = [{ module: 'db-lib', name: 'querySync' }];
    const extended = blockingCatalogWith(additional);
    expect(extended).toHaveLength(BLOCKING_APIS.length + 1);
    expect(extended.at(-1)?.path).toEqual(['querySync']);
    expect(blockingCatalogWith(additional)).toBe(extended);
  });
});

describe('BLOCKING_ROWS_BY_METHOD', () => {
  it('maps the blocking methods of sync-by-design objects to their rows, one row per module', () => {
    const modules = (method: string): (string | undefined)[] =>
      (BLOCKING_ROWS_BY_METHOD.get(method) ?? []).map((row) => row.module);
    expect(modules('pragma')).toEqual(['better-sqlite3']);
    // `prepare` only makes a statement; the statement's `get` blocks.
    expect(modules('prepare')).toEqual([]);
    expect(modules('get')).toEqual(['node:sqlite', 'better-sqlite3']);
    expect(BLOCKING_ROWS_BY_METHOD.has('readFileSync')).toBe(false);
  });
});
