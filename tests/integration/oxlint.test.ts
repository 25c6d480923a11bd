/**
 * oxlint loads the built plugin through `jsPlugins` and must report on examples/ what ESLint reports
 * without type information: same rule, line, column and message (suggestions aside). oxlint comes
 * from the bench's dependencies (`npm --prefix bench ci`): without them the test is skipped on a
 * developer's machine and fails in CI. `node bench/oxlint.js --examples` prints the same comparison.
 * A known difference of oxlint's AST: `ExpressionStatement.directive` is `null`, not absent, on
 * statements that are not directives, so test it with `!= null`, not `!== undefined`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const oxlintInstalled = fs.existsSync(path.join(repoRoot, 'bench', 'node_modules', 'oxlint', 'package.json'));
const required = Boolean(process.env.CI);

describe('oxlint with the plugin as a JS plugin', () => {
  it.runIf(oxlintInstalled || required)(
    'reports on examples/ what ESLint reports without type information',
    async () => {
      expect(oxlintInstalled, 'bench dependencies are missing: run `npm --prefix bench ci`').toBe(true);
      expect(fs.existsSync(path.join(repoRoot, 'dist', 'index.js')), 'run `npm run build` first').toBe(true);
      const { compareWithEslint } = await import('../../bench/oxlint.js');
      const comparison = await compareWithEslint({ target: 'examples' });
      expect(comparison.files).toBeGreaterThan(0);
      expect(comparison.oxlintError).toBeUndefined();
      expect({
        onlyEslint: comparison.onlyEslint,
        onlyOxlint: comparison.onlyOxlint,
        messageDiffers: comparison.messageDiffers,
      }).toEqual({ onlyEslint: [], onlyOxlint: [], messageDiffers: [] });
    },
  );
});
