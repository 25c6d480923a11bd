import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import type { AsyncTwinFix } from '../../../src/analysis/catalog/blocking-apis.js';
import {
  importSpecifierFor,
  planAsyncTwinFix,
  planSleepStatementFix,
  sleepAlias,
} from '../../../src/analysis/fixes/async-twin.js';
import { applyFixes, probeOne } from '../harness.js';

const BLOCKING = 'CallExpression[callee.name=/Sync$|^wait$/], CallExpression[callee.property.name=/Sync$|^wait$/]';

/** The code after the async-twin fix of every blocking call (`…Sync()`, `Atomics.wait`) in `code`. */
function twin(
  code: string,
  module: string | undefined,
  fix: AsyncTwinFix,
  filename = 'file.js',
  checked = false,
): string {
  return applyFixes({ code, filename }, BLOCKING, (fixer, context, node) =>
    planAsyncTwinFix(
      context.sourceCode,
      context.filename,
      node as TSESTree.CallExpression,
      module,
      fix,
      checked,
    )?.(fixer),
  );
}

describe('planAsyncTwinFix', () => {
  it('rename: a member keeps its object, a named import is replaced', () => {
    const rename: AsyncTwinFix = {
      kind: 'rename',
      member: ['promises', 'readFile'],
      import: { module: 'node:fs/promises', name: 'readFile' },
    };
    expect(twin("import fs from 'node:fs';\nasync function f() { return fs.readFileSync(p); }", 'fs', rename)).toBe(
      "import fs from 'node:fs';\nasync function f() { return await fs.promises.readFile(p); }",
    );
    expect(
      twin("import { readFileSync } from 'node:fs';\nasync function f() { return readFileSync(p); }", 'fs', rename),
    ).toBe("import { readFile } from 'node:fs/promises';\nasync function f() { return await readFile(p); }");
  });

  it('exists: the promise of access becomes a boolean', () => {
    const exists: AsyncTwinFix = {
      kind: 'exists',
      member: ['promises', 'access'],
      import: { module: 'node:fs/promises', name: 'access' },
    };
    expect(twin("import fs from 'node:fs';\nasync function f() { if (fs.existsSync(p)) g(); }", 'fs', exists)).toBe(
      "import fs from 'node:fs';\nasync function f() { if (await fs.promises.access(p).then(() => true, () => false)) g(); }",
    );
  });

  it('promisify: the result property is read where the value is used, with a `;` where ASI needs one', () => {
    const exec: AsyncTwinFix = { kind: 'promisify', name: 'exec', resultProperty: 'stdout' };
    expect(
      twin(
        "import { execSync } from 'node:child_process';\nasync function f() { execSync('ls'); }",
        'child_process',
        exec,
      ),
    ).toBe(
      "import { exec } from 'node:child_process';\nimport { promisify } from 'node:util';\nasync function f() { await promisify(exec)('ls'); }",
    );
    expect(
      twin(
        "import { execSync } from 'node:child_process';\nasync function f() {\n  const o = {}\n  execSync('ls').trim();\n}",
        'child_process',
        exec,
      ),
    ).toBe(
      "import { exec } from 'node:child_process';\nimport { promisify } from 'node:util';\nasync function f() {\n  const o = {}\n  ;(await promisify(exec)('ls')).stdout.trim();\n}",
    );
  });

  it('promisify with an untyped result: withheld where the compiler checks a used value', () => {
    const scrypt: AsyncTwinFix = { kind: 'promisify', name: 'scrypt', untypedResult: true };
    const code = "import { scryptSync } from 'node:crypto';\nasync function f() { return scryptSync(a, b, 64); }";
    expect(twin(code, 'crypto', scrypt, 'file.ts', true)).toBe(code);
    expect(twin(code, 'crypto', scrypt, 'file.ts', false)).toBe(
      "import { scrypt } from 'node:crypto';\nimport { promisify } from 'node:util';\nasync function f() { return await promisify(scrypt)(a, b, 64); }",
    );
  });

  it('sleep: the delay in milliseconds, only as a statement', () => {
    const seconds: AsyncTwinFix = { kind: 'sleep', argument: 0, unit: 's' };
    expect(twin('async function f() { sleepSync(2); }', 'sleep', seconds)).toBe(
      "import { setTimeout as sleep } from 'node:timers/promises';\nasync function f() { await sleep(2000); }",
    );
    expect(twin('async function f() { sleepSync(n + 1); }', 'sleep', seconds)).toBe(
      "import { setTimeout as sleep } from 'node:timers/promises';\nasync function f() { await sleep((n + 1) * 1000); }",
    );
    expect(twin('async function f() { const x = sleepSync(1); }', 'sleep', seconds)).toBe(
      'async function f() { const x = sleepSync(1); }',
    );
    const wait: AsyncTwinFix = { kind: 'sleep', argument: 3, unit: 'ms' };
    expect(twin('async function f() { Atomics.wait(a, 0, 0, 50); }', undefined, wait)).toBe(
      "import { setTimeout as sleep } from 'node:timers/promises';\nasync function f() { await sleep(50); }",
    );
  });

  it('no rewrite for an optional or computed callee', () => {
    const rename: AsyncTwinFix = { kind: 'rename', member: ['promises', 'readFile'] };
    const code = "import fs from 'node:fs';\nasync function f() { fs.readFileSync?.(p); fs?.readFileSync(p); }";
    expect(twin(code, 'fs', rename)).toBe(code);
  });
});

describe('planSleepStatementFix', () => {
  it('replaces a loop statement with an awaited sleep and imports it', () => {
    const code = 'async function f() { while (Date.now() < end) {} }';
    expect(
      applyFixes({ code }, 'WhileStatement', (fixer, context, node) =>
        planSleepStatementFix(
          context.sourceCode,
          context.filename,
          node as TSESTree.Statement,
          'end - Date.now()',
        )(fixer),
      ),
    ).toBe(
      "import { setTimeout as sleep } from 'node:timers/promises';\nasync function f() { await sleep(end - Date.now()); }",
    );
  });
});

describe('names', () => {
  it('importSpecifierFor writes built-ins with node:', () => {
    expect([importSpecifierFor('fs'), importSpecifierFor('node:zlib'), importSpecifierFor('better-sqlite3')]).toEqual([
      'node:fs',
      'node:zlib',
      'better-sqlite3',
    ]);
  });

  it('sleepAlias avoids a name already taken', () => {
    const alias = (code: string): string =>
      probeOne({ code }, 'CallExpression[callee.name="here"]', (context, node) => sleepAlias(context.sourceCode, node));
    expect([alias('here();'), alias('const sleep = 1;\nhere();')]).toEqual(['sleep', 'delay']);
  });
});
