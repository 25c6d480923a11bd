import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { SYNC_BRIDGES } from '../../../src/analysis/catalog/sync-bridges.js';
import { planSyncBridgeFix } from '../../../src/analysis/fixes/sync-bridge.js';
import { trackFactoryResults } from '../../../src/analysis/origin/factory-results.js';
import { trackModuleReferences } from '../../../src/analysis/origin/modules.js';
import { applyFixes, type Context, probe } from '../harness.js';

function bridgePlan(context: Context, call: TSESTree.CallExpression) {
  const factoryUse = trackFactoryResults(context, SYNC_BRIDGES).get(call);
  const row = factoryUse?.factory.row ?? trackModuleReferences(context, SYNC_BRIDGES).get(call)?.row;
  return row && (factoryUse || !row.results) ? planSyncBridgeFix(context, call, row, factoryUse) : undefined;
}

describe('planSyncBridgeFix', () => {
  it('plans by the row: promisify the original, await the promise, sleep from timers/promises', () => {
    const code = [
      "import fs from 'node:fs';",
      "import deasync from 'deasync';",
      'const readSync = deasync(fs.readFile);',
      'async function main(p) {',
      '  readSync(p);',
      '  deasync.sleep(10);',
      '}',
    ].join('\n');
    const plans = probe({ code }, 'CallExpression', (context, node) => {
      const plan = bridgePlan(context, node as TSESTree.CallExpression);
      return plan && [plan.kind, plan.reference, plan.apply !== undefined];
    }).filter(Boolean);
    expect(plans).toEqual([
      ['promisify', 'promisify', true],
      ['timers-sleep', 'sleep', true],
    ]);
  });

  it('applies: the callee is replaced and the call awaited, with the imports it needs', () => {
    const code =
      "import fs from 'node:fs';\nimport deasync from 'deasync';\nconst readSync = deasync(fs.readFile);\nasync function main(p) { return readSync(p).length; }";
    expect(
      applyFixes({ code }, 'CallExpression[callee.name="readSync"]', (fixer, context, node) =>
        bridgePlan(context, node as TSESTree.CallExpression)?.apply?.(fixer),
      ),
    ).toBe(
      "import fs from 'node:fs';\nimport deasync from 'deasync';\nimport { promisify } from 'node:util';\nconst readSync = deasync(fs.readFile);\nasync function main(p) { return (await promisify(fs.readFile)(p)).length; }",
    );
  });

  it('plans no rewrite where await cannot go (a sync listener), but still names the original', () => {
    const code =
      "import fs from 'node:fs';\nimport deasync from 'deasync';\nconst readSync = deasync(fs.readFile);\nemitter.on('x', (p) => readSync(p));";
    const [plan] = probe({ code }, 'CallExpression[callee.name="readSync"]', (context, node) =>
      bridgePlan(context, node as TSESTree.CallExpression),
    );
    expect(plan?.kind).toBe('promisify');
    expect(plan?.apply).toBeUndefined();
    expect(plan?.original?.type).toBe('MemberExpression');
  });
});
