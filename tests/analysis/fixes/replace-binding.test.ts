import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { planBindingReplacement } from '../../../src/analysis/fixes/replace-binding.js';
import { applyFixes, type Snippet } from '../harness.js';

/** Replaces the callee of every `call(…)` marked by a `replace` label… here: every call whose callee is `readFileSync`. */
function replace(snippet: Snippet, request = { module: 'node:fs/promises', name: 'readFile' }): string {
  return applyFixes(snippet, 'CallExpression[callee.name="readFileSync"]', (fixer, context, node) => {
    const callee = (node as TSESTree.CallExpression).callee as TSESTree.Identifier;
    const plan = planBindingReplacement(context.sourceCode, context.filename, callee, request);
    return [fixer.replaceText(callee, plan.reference), ...plan.fix(fixer)];
  });
}

describe('planBindingReplacement', () => {
  it.each([
    [
      'the only specifier of the last import: the declaration is rewritten',
      "import { readFileSync } from 'node:fs';\nreadFileSync(p);",
      "import { readFile } from 'node:fs/promises';\nreadFile(p);",
    ],
    [
      'one of several specifiers: removed, new import added',
      "import { readFileSync, statSync } from 'fs';\nstatSync(p);\nreadFileSync(p);",
      "import { statSync } from 'fs';\nimport { readFile } from 'node:fs/promises';\nstatSync(p);\nreadFile(p);",
    ],
    [
      'an existing import of the new module: merged, old declaration removed',
      "import { readFileSync } from 'fs';\nimport { stat } from 'fs/promises';\nreadFileSync(p);",
      "import { stat, readFile } from 'fs/promises';\nreadFile(p);",
    ],
    [
      'still used elsewhere: kept',
      "import { readFileSync } from 'fs';\nreadFileSync(a);\nexport { readFileSync };",
      "import { readFileSync } from 'fs';\nimport { readFile } from 'node:fs/promises';\nreadFile(a);\nexport { readFileSync };",
    ],
    [
      'an existing binding of the new export: reused',
      "import { readFileSync } from 'node:fs';\nimport { readFile } from 'node:fs/promises';\nreadFileSync(p);",
      "import { readFile } from 'node:fs/promises';\nreadFile(p);",
    ],
    [
      'the new name is taken: aliased',
      "import { readFileSync } from 'node:fs';\nconst readFile = 0;\nreadFileSync(p);",
      "import { readFile as readFileAsync } from 'node:fs/promises';\nconst readFile = 0;\nreadFileAsync(p);",
    ],
  ])('ESM: %s', (_name, code, expected) => {
    expect(replace({ code })).toBe(expected);
  });

  it('ESM: the same module renames the specifier in place', () => {
    expect(
      replace(
        { code: "import { readFileSync, x } from 'zlib';\nreadFileSync(b);" },
        { module: 'node:zlib', name: 'gzip' },
      ),
    ).toBe("import { gzip, x } from 'zlib';\ngzip(b);");
  });

  it.each([
    [
      'the only property',
      "const { readFileSync } = require('fs');\nreadFileSync(p);",
      "const { readFile } = require('node:fs/promises');\nreadFile(p);",
    ],
    [
      'one of several properties',
      "const { readFileSync, statSync } = require('fs');\nstatSync(p);\nreadFileSync(p);",
      "const { statSync } = require('fs');\nconst { readFile } = require('node:fs/promises');\nstatSync(p);\nreadFile(p);",
    ],
  ])('CommonJS: %s', (_name, code, expected) => {
    expect(replace({ code, filename: 'file.cjs' })).toBe(expected);
  });
});
