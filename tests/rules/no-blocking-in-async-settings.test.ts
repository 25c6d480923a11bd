/**
 * Where code runs decides harm: quiet in tests and one-shot scripts unless `checkTests` /
 * `checkScripts`, reported in code that serves. And one report per problem: a blocking call whose
 * result goes straight into another is reported once, at the call that runs first.
 *
 * Path-based settings (`test/`, `scripts/`, `*.spec.ts`) run untyped only: the typed fixture project
 * holds one stand-in file per extension at its root, so a file in a folder has no project.
 */
import rule from '../../src/rules/no-blocking-in-async.js';
import { runRuleTests } from '../rule-tester.js';

const testFile = [
  "import { describe, it } from 'vitest';",
  "import { readFileSync } from 'node:fs';",
  "describe('invoice pdf', () => {",
  "  it('renders the totals', async () => {",
  "    const expected = readFileSync('fixtures/totals.txt', 'utf8');",
  '    await check(expected);',
  '  });',
  '});',
].join('\n');

const migrationScript = [
  "import { execFileSync } from 'node:child_process';",
  'async function migrate() {',
  "  execFileSync('pg_dump', ['-f', 'before.sql']);",
  '  await db.migrate.latest();',
  '}',
  'await migrate();',
].join('\n');

const keyRotation = [
  "import express from 'express';",
  "import { generateKeyPairSync } from 'node:crypto';",
  'const app = express();',
  'async function rotateSigningKey(tenant: string) {',
  "  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 4096 });",
  '  await keyStore.put(tenant, privateKey);',
  '}',
  "app.post('/tenants/:id/rotate', async (req, res) => {",
  '  await rotateSigningKey(req.params.id);',
  '  res.sendStatus(204);',
  '});',
].join('\n');

runRuleTests('no-blocking-in-async', rule, {
  valid: [
    // Test code, by its registrations (either mode) and by its name or folder.
    testFile,
    "import test from 'node:test';\nimport { execSync } from 'node:child_process';\ntest('cli prints its version', async () => { execSync('node cli.js --version'); });",
    {
      mode: 'untyped',
      filename: 'src/invoice.spec.ts',
      code: "import { readFileSync } from 'node:fs';\nexport async function loadExpected(name: string) { return readFileSync(`expected/${name}`, 'utf8'); }",
    },
    {
      mode: 'untyped',
      filename: '__tests__/helpers.js',
      code: "import fs from 'node:fs';\nexport async function tempDir() { return fs.mkdtempSync('/tmp/case-'); }",
    },
    // One-shot scripts: a top-level await, process.exit, a command-line framework, a scripts or migrations folder.
    migrationScript,
    "import { gzipSync } from 'node:zlib';\nasync function pack(files: string[]) { return gzipSync(files.join('\\n')); }\npack(process.argv.slice(2)).then(write);\nprocess.exit(0);",
    "import { program } from 'commander';\nimport { rmSync } from 'node:fs';\nprogram.command('clean').action(async () => { rmSync('dist', { recursive: true }); });\nprogram.parse();",
    {
      mode: 'untyped',
      filename: 'scripts/seed.js',
      code: "import { readdirSync } from 'node:fs';\nexport async function seed(db) { for (const file of readdirSync('seeds')) await db.load(file); }",
    },
    {
      mode: 'untyped',
      filename: 'db/migrations/004-add-avatars.cjs',
      code: "const fs = require('fs');\nexports.up = async (knex) => { await knex.raw(fs.readFileSync(__dirname + '/004.sql', 'utf8')); };",
    },
    // The options turn only their own setting back on.
    { code: testFile, options: [{ checkScripts: true }] },
    { code: migrationScript, options: [{ checkTests: true }] },
  ],
  invalid: [
    // checkTests and checkScripts report there again.
    {
      code: testFile,
      options: [{ checkTests: true }],
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 22,
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              data: { twin: '`fs.promises.readFile()`' },
              output: testFile
                .replace("import { readFileSync } from 'node:fs';", "import { readFile } from 'node:fs/promises';")
                .replace('readFileSync(', 'await readFile('),
            },
          ],
        },
      ],
    },
    {
      mode: 'untyped',
      filename: 'test/server.js',
      options: [{ checkTests: true }],
      code: "import fs from 'node:fs';\nexport async function cleanUp() { fs.rmSync('tmp', { recursive: true }); }",
      errors: [
        {
          messageId: 'blocking',
          line: 2,
          column: 35,
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import fs from 'node:fs';\nexport async function cleanUp() { await fs.promises.rm('tmp', { recursive: true }); }",
            },
          ],
        },
      ],
    },
    {
      code: migrationScript,
      options: [{ checkScripts: true }],
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output: migrationScript
                .replace(
                  "import { execFileSync } from 'node:child_process';",
                  "import { execFile } from 'node:child_process';\nimport { promisify } from 'node:util';",
                )
                .replace('  execFileSync(', '  await promisify(execFile)('),
            },
          ],
        },
      ],
    },
    // Serving code: a file that registers request handlers serves even when it also runs itself.
    {
      code: `${keyRotation}\nawait app.listen(3000);`,
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          column: 26,
          data: {
            api: 'generateKeyPairSync()',
            where: 'in this async function',
            effect: 'the computation runs on the main thread while every other task waits',
            hint: 'Use `promisify(generateKeyPair)` from `node:util` (it runs on the thread pool).',
          },
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output: [
                "import express from 'express';",
                "import { generateKeyPair } from 'node:crypto';",
                "import { promisify } from 'node:util';",
                ...keyRotation.split('\n').slice(2),
                'await app.listen(3000);',
              ]
                .join('\n')
                .replace('generateKeyPairSync(', 'await promisify(generateKeyPair)('),
            },
          ],
        },
      ],
    },
    // One problem, one report: the outer call takes the inner one's result and is named in its message.
    {
      code: "import fs from 'node:fs';\nexport async function touch(path: string) {\n  fs.closeSync(fs.openSync(path, 'a'));\n}",
      errors: [
        {
          messageId: 'blockingNested',
          line: 3,
          column: 16,
          data: {
            api: 'fs.openSync()',
            where: 'in this async function',
            effect: 'nothing else runs until the disk answers',
            outer: '`fs.closeSync()` around it blocks again.',
            hint: 'Use a `FileHandle` from `fs.promises.open()` and its methods.',
          },
          suggestions: [],
        },
      ],
    },
    {
      code: "import { fstatSync, openSync } from 'node:fs';\nexport async function size(path: string) {\n  return fstatSync(openSync(path, 'r')).size;\n}",
      errors: [{ messageId: 'blockingNested', line: 3, column: 20, suggestions: [] }],
    },
    // The suggestion rewrites the inner call alone and keeps its value; the outer one is reported once it stands alone.
    {
      code: "import fs from 'node:fs';\nexport async function copy(from: string, to: string) {\n  fs.writeFileSync(to, fs.readFileSync(from));\n}",
      errors: [
        {
          messageId: 'blockingNested',
          line: 3,
          column: 24,
          data: {
            api: 'fs.readFileSync()',
            where: 'in this async function',
            effect: 'nothing else runs until the disk answers',
            outer: '`fs.writeFileSync()` around it blocks again.',
            hint: 'Use `fs.promises.readFile()`. Use `fs.promises.writeFile()`.',
          },
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import fs from 'node:fs';\nexport async function copy(from: string, to: string) {\n  fs.writeFileSync(to, await fs.promises.readFile(from));\n}",
            },
          ],
        },
      ],
    },
    {
      code: "import fs from 'node:fs';\nexport async function check(path: string) {\n  fs.closeSync(fs.openSync(fs.realpathSync(path), 'r'));\n}",
      // A single metadata call is reported with `checkMetadataCalls` (strict) only.
      options: [{ checkMetadataCalls: true }],
      errors: [
        {
          messageId: 'blockingNested',
          line: 3,
          column: 28,
          data: {
            api: 'fs.realpathSync()',
            where: 'in this async function',
            effect: 'nothing else runs until the disk answers',
            outer: '`fs.openSync()` and `fs.closeSync()` around it block again.',
            hint: 'Use `fs.promises.realpath()`. Use a `FileHandle` from `fs.promises.open()` and its methods.',
          },
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import fs from 'node:fs';\nexport async function check(path: string) {\n  fs.closeSync(fs.openSync(await fs.promises.realpath(path), 'r'));\n}",
            },
          ],
        },
      ],
    },
    // An allowed outer call is no blocking call: the inner one is reported on its own.
    {
      code: "import fs from 'node:fs';\nexport async function touch(path: string) {\n  fs.closeSync(fs.openSync(path, 'a'));\n}",
      options: [{ allow: [{ module: 'fs', name: 'closeSync' }] }],
      errors: [{ messageId: 'blocking', line: 3, column: 16, suggestions: [] }],
    },
    // Two blocking calls side by side are two problems.
    {
      code: "import fs from 'node:fs';\nexport async function same(a: string, b: string) {\n  return fs.readFileSync(a).equals(fs.readFileSync(b));\n}",
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import fs from 'node:fs';\nexport async function same(a: string, b: string) {\n  return (await fs.promises.readFile(a)).equals(fs.readFileSync(b));\n}",
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 3,
          column: 36,
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import fs from 'node:fs';\nexport async function same(a: string, b: string) {\n  return fs.readFileSync(a).equals(await fs.promises.readFile(b));\n}",
            },
          ],
        },
      ],
    },
    // Compiled CommonJS calls an import as `(0, fs_1.readFileSync)(…)`: the message names it.
    {
      filename: 'file.cjs',
      code: "const fs_1 = require('fs');\nexports.load = async (p) => (0, fs_1.readFileSync)(p, 'utf8');",
      errors: [
        {
          messageId: 'blocking',
          line: 2,
          column: 29,
          data: {
            api: 'fs_1.readFileSync()',
            where: 'in this async function',
            effect: 'nothing else runs until the disk answers',
            hint: 'Use `fs.promises.readFile()`.',
          },
          suggestions: [],
        },
      ],
    },
    // A blocking call in a loop is one report per call site, however often the loop runs it.
    {
      code: "import fs from 'node:fs';\nexport async function total(paths: string[]) {\n  let bytes = 0;\n  for (const path of paths) bytes += fs.statSync(path).size;\n  return bytes;\n}",
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 38,
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import fs from 'node:fs';\nexport async function total(paths: string[]) {\n  let bytes = 0;\n  for (const path of paths) bytes += (await fs.promises.stat(path)).size;\n  return bytes;\n}",
            },
          ],
        },
      ],
    },
  ],
});
