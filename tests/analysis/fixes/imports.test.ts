import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import {
  getModuleSystem,
  type ImportRequest,
  planImport,
  removeBindingIfUnused,
} from '../../../src/analysis/fixes/imports.js';
import { applyFixes, probeOne, type Snippet } from '../harness.js';

const READ_FILE: ImportRequest = { module: 'node:fs/promises', name: 'readFile' };

/**
 * The code after planning an import of `request` for the call of `readFileSync` (or `x.readFileSync`)
 * and replacing that callee with the planned reference.
 */
function plan(snippet: Snippet, request: ImportRequest = READ_FILE): string {
  const site = 'CallExpression[callee.name="readFileSync"], CallExpression[callee.property.name="readFileSync"]';
  return applyFixes(snippet, site, (fixer, context, node) => {
    const call = node as TSESTree.CallExpression;
    const planned = planImport(context.sourceCode, context.filename, request, call);
    return [...planned.fix(fixer), fixer.replaceText(call.callee, planned.reference)];
  });
}

const mjs = (code: string): Snippet => ({ code, filename: 'file.mjs' });
const cjs = (code: string): Snippet => ({ code, filename: 'file.cjs' });

describe('planImport, ESM', () => {
  it.each([
    [
      'new import after the last import',
      "import path from 'node:path';\nimport { readFileSync } from 'node:fs';\n\nreadFileSync(p);",
      "import path from 'node:path';\nimport { readFileSync } from 'node:fs';\nimport { readFile } from 'node:fs/promises';\n\nreadFile(p);",
    ],
    [
      'new import at the top',
      'export function load(p) {\n  return readFileSync(p);\n}',
      "import { readFile } from 'node:fs/promises';\nexport function load(p) {\n  return readFile(p);\n}",
    ],
    [
      'after directives',
      "'use client';\nreadFileSync(p);",
      "'use client';\nimport { readFile } from 'node:fs/promises';\nreadFile(p);",
    ],
    [
      'below a header comment separated by a blank line',
      '// Copyright Example Corp.\n\nexport const data = readFileSync(p);',
      "// Copyright Example Corp.\n\nimport { readFile } from 'node:fs/promises';\nexport const data = readFile(p);",
    ],
    [
      // A comment attached to the first statement documents it: the import goes above it.
      'above a doc comment attached to the first statement',
      '/** Loads the data. */\nexport const data = readFileSync(p);',
      "import { readFile } from 'node:fs/promises';\n/** Loads the data. */\nexport const data = readFile(p);",
    ],
    [
      'between a header and a doc comment',
      '/* License: MIT */\n\n/** Loads the data. */\nexport const data = readFileSync(p);',
      "/* License: MIT */\n\nimport { readFile } from 'node:fs/promises';\n/** Loads the data. */\nexport const data = readFile(p);",
    ],
    [
      'after a shebang',
      '#!/usr/bin/env node\nreadFileSync(p);',
      "#!/usr/bin/env node\nimport { readFile } from 'node:fs/promises';\nreadFile(p);",
    ],
    [
      'merge into a named import',
      "import { stat } from 'node:fs/promises';\nreadFileSync(p);",
      "import { stat, readFile } from 'node:fs/promises';\nreadFile(p);",
    ],
    [
      'merge into fs/promises for node:fs/promises',
      "import { stat } from 'fs/promises';\nreadFileSync(p);",
      "import { stat, readFile } from 'fs/promises';\nreadFile(p);",
    ],
    [
      'reuse a named import',
      "import { readFile } from 'fs/promises';\nreadFileSync(p);",
      "import { readFile } from 'fs/promises';\nreadFile(p);",
    ],
    [
      'reuse a renamed import',
      "import { readFile as read } from 'node:fs/promises';\nreadFileSync(p);",
      "import { readFile as read } from 'node:fs/promises';\nread(p);",
    ],
    [
      'reuse a namespace import',
      "import * as fsp from 'node:fs/promises';\nfs.readFileSync(p);",
      "import * as fsp from 'node:fs/promises';\nfsp.readFile(p);",
    ],
    [
      'default-only import gets named braces',
      "import fsp from 'fs/promises';\nreadFileSync(p);",
      "import fsp, { readFile } from 'fs/promises';\nreadFile(p);",
    ],
    [
      'name taken: alias',
      'function readFile() {}\nreadFileSync(p);',
      "import { readFile as readFileAsync } from 'node:fs/promises';\nfunction readFile() {}\nreadFileAsync(p);",
    ],
    [
      'name and alias taken',
      'const readFile = 1;\nconst readFileAsync = 2;\nreadFileSync(p);',
      "import { readFile as readFileAsync2 } from 'node:fs/promises';\nconst readFile = 1;\nconst readFileAsync = 2;\nreadFileAsync2(p);",
    ],
    [
      'name used as an undeclared global elsewhere',
      'readFile();\nreadFileSync(p);',
      "import { readFile as readFileAsync } from 'node:fs/promises';\nreadFile();\nreadFileAsync(p);",
    ],
    [
      'shadowed at the use site',
      'function load(readFile) {\n  return readFileSync(readFile);\n}',
      "import { readFile as readFileAsync } from 'node:fs/promises';\nfunction load(readFile) {\n  return readFileAsync(readFile);\n}",
    ],
    [
      'an existing import shadowed at the use site is not reused',
      "import { readFile } from 'fs/promises';\nfunction load(readFile) {\n  return readFileSync(readFile);\n}",
      "import { readFile, readFile as readFileAsync } from 'fs/promises';\nfunction load(readFile) {\n  return readFileAsync(readFile);\n}",
    ],
    [
      'a namespace import shadowed at the use site is not reused',
      "import * as fsp from 'node:fs/promises';\nfunction load(fsp) {\n  return readFileSync(fsp);\n}",
      "import * as fsp from 'node:fs/promises';\nimport { readFile } from 'node:fs/promises';\nfunction load(fsp) {\n  return readFile(fsp);\n}",
    ],
    [
      'explicit alias',
      'function readFile() {}\nreadFileSync(p);',
      "import { readFile as readFilePromise } from 'node:fs/promises';\nfunction readFile() {}\nreadFilePromise(p);",
    ],
  ])('%s', (title, code, output) => {
    const request = title === 'explicit alias' ? { ...READ_FILE, alias: 'readFilePromise' } : READ_FILE;
    expect(plan(mjs(code), request), 'espree').toBe(output);
    expect(plan({ code, filename: 'file.ts' }, request), 'typescript-eslint').toBe(output);
  });

  it.each([
    [
      'import type is ignored',
      "import type { Stats } from 'node:fs/promises';\nreadFileSync(p);",
      "import type { Stats } from 'node:fs/promises';\nimport { readFile } from 'node:fs/promises';\nreadFile(p);",
    ],
    [
      'a type-only specifier is not reused',
      "import { type readFile } from 'node:fs/promises';\nreadFileSync(p);",
      "import { type readFile, readFile as readFileAsync } from 'node:fs/promises';\nreadFileAsync(p);",
    ],
  ])('TypeScript: %s', (_title, code, output) => {
    expect(plan({ code, filename: 'file.ts' })).toBe(output);
  });
});

describe('planImport, CommonJS', () => {
  it.each([
    [
      'new require after the last require',
      "const path = require('path');\n\nreadFileSync(p);",
      "const path = require('path');\nconst { readFile } = require('node:fs/promises');\n\nreadFile(p);",
    ],
    [
      "after 'use strict'",
      "'use strict';\nreadFileSync(p);",
      "'use strict';\nconst { readFile } = require('node:fs/promises');\nreadFile(p);",
    ],
    [
      'merge into a destructuring',
      "const { stat } = require('fs/promises');\nreadFileSync(p);",
      "const { stat, readFile } = require('fs/promises');\nreadFile(p);",
    ],
    [
      'reuse a destructured binding',
      "const { readFile: read } = require('fs/promises');\nreadFileSync(p);",
      "const { readFile: read } = require('fs/promises');\nread(p);",
    ],
    [
      'reuse a namespace require',
      "const fsp = require('node:fs/promises');\nfs.readFileSync(p);",
      "const fsp = require('node:fs/promises');\nfsp.readFile(p);",
    ],
    [
      'name taken: alias',
      'function readFile() {}\nreadFileSync(p);',
      "const { readFile: readFileAsync } = require('node:fs/promises');\nfunction readFile() {}\nreadFileAsync(p);",
    ],
    [
      'a namespace require shadowed at the use site is not reused',
      "const fsp = require('node:fs/promises');\nfunction load(fsp) {\n  return readFileSync(fsp);\n}",
      "const fsp = require('node:fs/promises');\nconst { readFile } = require('node:fs/promises');\nfunction load(fsp) {\n  return readFile(fsp);\n}",
    ],
  ])('%s', (_title, code, output) => {
    expect(plan(cjs(code)), 'sourceType commonjs').toBe(output);
    expect(plan({ ...cjs(code), sourceType: 'script' }), 'sourceType script').toBe(output);
  });
});

describe('planImport, default export', () => {
  const P_LIMIT: ImportRequest = { module: 'p-limit', name: 'default', alias: 'pLimit' };

  it.each([
    [
      'ESM: new default import',
      mjs("import x from './x.js';\nreadFileSync(p);"),
      "import x from './x.js';\nimport pLimit from 'p-limit';\npLimit(p);",
    ],
    [
      'ESM: reuse a default import',
      mjs("import limiter from 'p-limit';\nreadFileSync(p);"),
      "import limiter from 'p-limit';\nlimiter(p);",
    ],
    [
      'ESM: name taken',
      mjs('const pLimit = 1;\nreadFileSync(p);'),
      "import pLimit2 from 'p-limit';\nconst pLimit = 1;\npLimit2(p);",
    ],
    [
      'CommonJS: new require',
      cjs("const x = require('./x');\nreadFileSync(p);"),
      "const x = require('./x');\nconst pLimit = require('p-limit');\npLimit(p);",
    ],
    // A CommonJS package's default export is its module.exports.
    [
      'CommonJS: reuse a require',
      cjs("const limiter = require('p-limit');\nreadFileSync(p);"),
      "const limiter = require('p-limit');\nlimiter(p);",
    ],
  ])('%s', (_title, snippet, output) => {
    expect(plan(snippet, P_LIMIT)).toBe(output);
  });
});

describe('getModuleSystem', () => {
  it.each([
    ['.cjs', { code: 'x;', filename: 'file.cjs' }, 'cjs'],
    ['.cts', { code: 'x;', filename: 'file.cts' }, 'cjs'],
    ['.mjs', { code: 'x;', filename: 'file.mjs' }, 'esm'],
    ['.mts', { code: 'x;', filename: 'file.mts' }, 'esm'],
    [
      'an import in a .js file',
      { code: "import fs from 'fs';", filename: 'file.js', sourceType: 'module' as const },
      'esm',
    ],
    [
      'an export in a .cjs file',
      { code: 'export const a = 1;', filename: 'file.cjs', sourceType: 'module' as const },
      'esm',
    ],
    ['a top-level require in a module .js file', { code: "const fs = require('fs');", filename: 'file.js' }, 'cjs'],
    ['a require in an .mjs file', { code: "const fs = require('fs');", filename: 'file.mjs' }, 'cjs'],
    ['sourceType module', { code: 'x;', filename: 'file.js', sourceType: 'module' as const }, 'esm'],
    ['sourceType script', { code: 'x;', filename: 'file.js', sourceType: 'script' as const }, 'cjs'],
    ['sourceType commonjs', { code: 'x;', filename: 'file.js', sourceType: 'commonjs' as const }, 'cjs'],
  ])('%s', (_title, snippet: Snippet, expected) => {
    expect(probeOne(snippet, 'Program', (context) => getModuleSystem(context.sourceCode, context.filename))).toBe(
      expected,
    );
  });
});

/**
 * The code after replacing the callee of `readFileSync(…)` (or the object of `fs.readFileSync(…)`)
 * and removing the binding it used if that was its only use.
 */
function removeUnused(snippet: Snippet): string {
  const site = 'CallExpression[callee.name="readFileSync"], CallExpression[callee.object.name="fs"]';
  return applyFixes(snippet, site, (fixer, context, node) => {
    const callee = (node as TSESTree.CallExpression).callee;
    const identifier =
      callee.type === AST_NODE_TYPES.MemberExpression
        ? (callee.object as TSESTree.Identifier)
        : (callee as TSESTree.Identifier);
    return [fixer.replaceText(callee, 'readFile'), ...removeBindingIfUnused(fixer, context.sourceCode, identifier)];
  });
}

describe('removeBindingIfUnused', () => {
  it.each([
    ['only specifier: the whole import', "import { readFileSync } from 'fs';\nreadFileSync(p);", 'readFile(p);'],
    [
      'first of several',
      "import { readFileSync, statSync } from 'fs';\nreadFileSync(p);",
      "import { statSync } from 'fs';\nreadFile(p);",
    ],
    [
      'middle',
      "import { existsSync, readFileSync, statSync } from 'fs';\nreadFileSync(p);",
      "import { existsSync, statSync } from 'fs';\nreadFile(p);",
    ],
    [
      'last',
      "import { existsSync, readFileSync } from 'fs';\nreadFileSync(p);",
      "import { existsSync } from 'fs';\nreadFile(p);",
    ],
    [
      'last before a trailing comma',
      "import { existsSync, readFileSync, } from 'fs';\nreadFileSync(p);",
      "import { existsSync, } from 'fs';\nreadFile(p);",
    ],
    [
      'multi-line list',
      "import {\n  existsSync,\n  readFileSync,\n  statSync,\n} from 'fs';\nreadFileSync(p);",
      "import {\n  existsSync,\n  statSync,\n} from 'fs';\nreadFile(p);",
    ],
    [
      'the only named one beside a default',
      "import fs, { readFileSync } from 'fs';\nreadFileSync(p);\nfs.x;",
      "import fs from 'fs';\nreadFile(p);\nfs.x;",
    ],
    [
      'renamed specifier',
      "import { readFileSync as read, statSync } from 'fs';\nconst x = 1;\nreadFileSync(p);",
      "import { readFileSync as read, statSync } from 'fs';\nconst x = 1;\nreadFile(p);",
    ],
    [
      'still used elsewhere',
      "import { readFileSync } from 'fs';\nreadFileSync(p);\nreadFileSync(q);",
      "import { readFileSync } from 'fs';\nreadFile(p);\nreadFile(q);",
    ],
    ['default import, only specifier', "import fs from 'fs';\nfs.readFileSync(p);", 'readFile(p);'],
    ['namespace import, only specifier', "import * as fs from 'fs';\nfs.readFileSync(p);", 'readFile(p);'],
    [
      'default import beside named ones',
      "import fs, { statSync } from 'fs';\nfs.readFileSync(p);",
      "import { statSync } from 'fs';\nreadFile(p);",
    ],
    [
      'a local binding is left alone',
      'const readFileSync = make();\nreadFileSync(p);',
      'const readFileSync = make();\nreadFile(p);',
    ],
  ])('%s', (_title, code, output) => {
    expect(removeUnused(mjs(code)), 'espree').toBe(output);
    expect(removeUnused({ code, filename: 'file.ts' }), 'typescript-eslint').toBe(output);
  });

  it.each([
    ['only property: the whole require', "const { readFileSync } = require('fs');\nreadFileSync(p);", 'readFile(p);'],
    [
      'first of several',
      "const { readFileSync, statSync } = require('fs');\nreadFileSync(p);",
      "const { statSync } = require('fs');\nreadFile(p);",
    ],
    [
      'last of several',
      "const { statSync, readFileSync } = require('fs');\nreadFileSync(p);",
      "const { statSync } = require('fs');\nreadFile(p);",
    ],
    [
      'renamed property',
      "const { statSync, readFileSync: readFileSync } = require('fs');\nreadFileSync(p);",
      "const { statSync } = require('fs');\nreadFile(p);",
    ],
    ['namespace require', "const fs = require('fs');\nfs.readFileSync(p);", 'readFile(p);'],
    [
      'still used elsewhere',
      "const { readFileSync } = require('fs');\nreadFileSync(p);\nreadFileSync(q);",
      "const { readFileSync } = require('fs');\nreadFile(p);\nreadFile(q);",
    ],
  ])('CommonJS: %s', (_title, code, output) => {
    expect(removeUnused(cjs(code)), 'espree').toBe(output);
    expect(removeUnused({ code, filename: 'file.cts' }), 'typescript-eslint').toBe(output);
  });
});
