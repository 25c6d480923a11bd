import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { SYNC_BRIDGES } from '../../../src/analysis/catalog/sync-bridges.js';
import { findImportedFactoryRow } from '../../../src/analysis/origin/imported-factories.js';
import { probe } from '../harness.js';

/** For each call `name(…)` of the snippet: the module and path of the factory that made `name`, or `-`. */
function factories(code: string, typed: boolean): string[] {
  return probe({ code, typed, filename: 'file.ts' }, 'CallExpression[callee.type="Identifier"]', (context, node) => {
    const callee = (node as TSESTree.CallExpression).callee as TSESTree.Identifier;
    const row = findImportedFactoryRow(context, callee, SYNC_BRIDGES, ['call']);
    return row ? `${callee.name} ← ${[row.module, ...row.path].join('.')}` : `${callee.name} -`;
  });
}

const CODE = `
import doubleSync from './sync-default-lib.js';
import { formatSync, lintSync, plainHelper, readSync } from './sync-bridges-lib.js';
formatSync('a');
readSync('b');
doubleSync(2);
lintSync('c');
plainHelper('d');
`;

describe('findImportedFactoryRow', () => {
  it('resolves named and default exports made by catalogued factories in another file', () => {
    expect(factories(CODE, true)).toEqual([
      'formatSync ← synckit.createSyncFn',
      'readSync ← deasync',
      'doubleSync ← make-synchronized',
      'lintSync -',
      'plainHelper -',
    ]);
  });

  it('answers nothing without type information', () => {
    expect(factories(CODE, false)).toEqual([
      'formatSync -',
      'readSync -',
      'doubleSync -',
      'lintSync -',
      'plainHelper -',
    ]);
  });

  it('only looks at relative imports', () => {
    expect(factories("import { createSyncFn } from 'synckit';\ncreateSyncFn('w');", true)).toEqual(['createSyncFn -']);
  });
});
