import { describe, expect, it } from 'vitest';

import {
  type ApiRow,
  findValueRoot,
  moduleAliases,
  type ModuleReferenceIndex,
  trackModuleReferences,
} from '../../../src/analysis/origin/modules.js';
import { type Context, probeAsked, probeOne, type Snippet } from '../harness.js';

const CATALOG: readonly ApiRow[] = [
  { module: 'fs', path: ['readFileSync'], kind: 'call' },
  { module: 'fs', path: ['promises', 'readFile'], kind: 'call' },
  { module: 'node:child_process', path: ['execSync'], kind: 'call' },
  { module: 'node:test', path: ['it'], kind: 'call' },
  { path: ['Atomics', 'wait'], kind: 'call' },
  { path: ['fetch'], kind: 'call' },
  { path: ['Deno', 'readTextFileSync'], kind: 'call' },
  { path: ['Bun', 'sleepSync'], kind: 'call' },
];

const READ_CATALOG: readonly ApiRow[] = [
  { path: ['Bun', 'sleepSync'], kind: 'read' },
  { path: ['fetch'], kind: 'read' },
  { module: 'fs', path: ['readFileSync'], kind: 'read' },
];

/** `<text of the matched node> → <row path>` for every reference, in source order. */
function describeIndex(context: Context, index: ModuleReferenceIndex<ApiRow>): string[] {
  return [...index.values()]
    .sort((a, b) => a.node.range[0] - b.node.range[0])
    .map(
      ({ node, row }) => `${context.sourceCode.getText(node)} → ${[row.module, ...row.path].filter(Boolean).join('.')}`,
    );
}

function references(snippet: Snippet, catalog: readonly ApiRow[] = CATALOG): string[] {
  return probeOne(snippet, 'Program:exit', (context) =>
    describeIndex(context, trackModuleReferences(context, catalog)),
  );
}

// Each case runs with espree (.js/.cjs) and with typescript-eslint's parser and scope manager (.ts/.cts).
const esm = (code: string) => [
  { code, filename: 'file.js' },
  { code, filename: 'file.ts' },
];
const cjs = (code: string) => [
  { code, filename: 'file.cjs' },
  { code, filename: 'file.cts' },
  { code, filename: 'file.cjs', sourceType: 'script' as const },
];

describe('trackModuleReferences: imports', () => {
  it.each([
    ['default import', "import fs from 'fs';\nfs.readFileSync(p);", ['fs.readFileSync(p) → fs.readFileSync']],
    [
      'namespace import with node:',
      "import * as fs from 'node:fs';\nfs.readFileSync(p);",
      ['fs.readFileSync(p) → fs.readFileSync'],
    ],
    ['named import', "import { readFileSync } from 'fs';\nreadFileSync(p);", ['readFileSync(p) → fs.readFileSync']],
    ['renamed import', "import { readFileSync as r } from 'node:fs';\nr(p);", ['r(p) → fs.readFileSync']],
    [
      'row with node:, bare import',
      "import { execSync } from 'child_process';\nexecSync(c);",
      ['execSync(c) → node:child_process.execSync'],
    ],
    ['prefix-only built-in', "import { it } from 'node:test';\nit(name);", ['it(name) → node:test.it']],
    [
      'row with node:, node: import',
      "import cp from 'node:child_process';\ncp.execSync(c);",
      ['cp.execSync(c) → node:child_process.execSync'],
    ],
    [
      'nested path',
      "import fs from 'fs';\nfs.promises.readFile(p);",
      ['fs.promises.readFile(p) → fs.promises.readFile'],
    ],
    [
      'nested path, named',
      "import { promises as fsp } from 'fs';\nfsp.readFile(p);",
      ['fsp.readFile(p) → fs.promises.readFile'],
    ],
    [
      'fs.promises.readFile is not fs.readFileSync and fs.readFile is not fs.promises.readFile',
      "import fs from 'fs';\nfs.readFile(p, cb);\nfs.promises.readFileSync(p);\nfs.readFileSync(p);",
      ['fs.readFileSync(p) → fs.readFileSync'],
    ],
    [
      'await import() into a const',
      "const fs = await import('node:fs');\nfs.readFileSync(p);",
      ['fs.readFileSync(p) → fs.readFileSync'],
    ],
    [
      'await import() destructured and inline',
      "const { readFileSync } = await import('fs');\nreadFileSync(p);\n(await import('fs')).readFileSync(q);",
      ['readFileSync(p) → fs.readFileSync', "(await import('fs')).readFileSync(q) → fs.readFileSync"],
    ],
    ['other module with the same export', "import { readFileSync } from 'fs-extra';\nreadFileSync(p);", []],
    [
      'a parameter shadowing the import',
      "import { readFileSync } from 'fs';\nfunction load(readFileSync) {\n  return readFileSync(p);\n}",
      [],
    ],
    ['node:test is not the npm package test', "import { it } from 'test';\nit(name);", []],
  ])('%s', (_title, code, expected) => {
    for (const snippet of esm(code)) expect(references(snippet), snippet.filename).toEqual(expected);
  });
});

describe('trackModuleReferences: require', () => {
  it.each([
    ['namespace', "const fs = require('fs');\nfs.readFileSync(p);", ['fs.readFileSync(p) → fs.readFileSync']],
    [
      'destructuring',
      "const { readFileSync } = require('node:fs');\nreadFileSync(p);",
      ['readFileSync(p) → fs.readFileSync'],
    ],
    ['renamed destructuring', "const { readFileSync: r } = require('fs');\nr(p);", ['r(p) → fs.readFileSync']],
    ['direct call on require()', "require('fs').readFileSync(p);", ["require('fs').readFileSync(p) → fs.readFileSync"]],
    [
      'nested destructuring',
      "const { promises: { readFile } } = require('fs');\nreadFile(p);",
      ['readFile(p) → fs.promises.readFile'],
    ],
    [
      'inside a function',
      "function load(p) {\n  const fs = require('fs');\n  return fs.readFileSync(p);\n}",
      ['fs.readFileSync(p) → fs.readFileSync'],
    ],
    ['a local module of the same name', "const { readFileSync } = require('./fs');\nreadFileSync(p);", []],
    // Compiled output: the module passes through an interop helper of TypeScript, tslib, Babel, Rollup or esbuild.
    [
      'TypeScript __importDefault',
      "const fs_1 = __importDefault(require('fs'));\nfs_1.default.readFileSync(p);",
      ['fs_1.default.readFileSync(p) → fs.readFileSync'],
    ],
    [
      'tslib __importStar, a named export read as a property',
      "const fs = tslib_1.__importStar(require('node:fs'));\n(0, fs.readFileSync)(p);\nfs.default.promises.readFile(p);",
      ['(0, fs.readFileSync)(p) → fs.readFileSync', 'fs.default.promises.readFile(p) → fs.promises.readFile'],
    ],
    [
      'Babel _interopRequireDefault',
      "var _fs = _interopRequireDefault(require('fs'));\n_fs.default.readFileSync(p);",
      ['_fs.default.readFileSync(p) → fs.readFileSync'],
    ],
    [
      'Rollup _interopDefault of a name bound to require()',
      "var fs = require('fs');\nvar fs__default = _interopDefault(fs);\nfs__default.default.readFileSync(p);\nfs.readFileSync(p);",
      ['fs__default.default.readFileSync(p) → fs.readFileSync', 'fs.readFileSync(p) → fs.readFileSync'],
    ],
    [
      'esbuild __toESM',
      "var import_fs = __toESM(require('fs'));\n(0, import_fs.readFileSync)(p);",
      ['(0, import_fs.readFileSync)(p) → fs.readFileSync'],
    ],
    [
      'the helper TypeScript writes into the file, and SWC',
      "var __importDefault = (this && this.__importDefault) || function (mod) {\n  return mod && mod.__esModule ? mod : { default: mod };\n};\nconst fs_1 = __importDefault(require('fs'));\nconst _fs = _interop_require_default(require('fs'));\nfs_1.default.readFileSync(p);\n_fs.default.readFileSync(p);",
      ['fs_1.default.readFileSync(p) → fs.readFileSync', '_fs.default.readFileSync(p) → fs.readFileSync'],
    ],
    [
      'a function of the file that shares the name but not the __esModule test',
      "function __importDefault(m) {\n  return { default: makeCache(m) };\n}\nconst fs_1 = __importDefault(require('fs'));\nfs_1.default.readFileSync(p);",
      [],
    ],
    [
      'a helper of another name passes nothing through',
      "const fs = wrap(require('fs'));\nfs.default.readFileSync(p);",
      [],
    ],
  ])('%s', (_title, code, expected) => {
    for (const snippet of cjs(code))
      expect(references(snippet), `${snippet.filename} ${snippet.sourceType ?? ''}`).toEqual(expected);
  });

  it('a local `require` function is not Node’s', () => {
    for (const snippet of cjs("function require(m) { return {}; }\nrequire('fs').readFileSync(p);")) {
      expect(references(snippet), snippet.filename).toEqual([]);
    }
  });
});

describe('trackModuleReferences: globals', () => {
  const code = [
    'Atomics.wait(view, 0, 0);',
    'fetch(u);',
    'globalThis.fetch(u);',
    'Deno.readTextFileSync(p);',
    'Bun.sleepSync(1);',
    'const later = Bun.sleepSync;',
  ].join('\n');
  const expected = [
    'Atomics.wait(view, 0, 0) → Atomics.wait',
    'fetch(u) → fetch',
    'globalThis.fetch(u) → fetch',
    'Deno.readTextFileSync(p) → Deno.readTextFileSync',
    'Bun.sleepSync(1) → Bun.sleepSync',
  ];
  const declared = { fetch: 'readonly', Deno: 'readonly', Bun: 'readonly' } as const;

  it.each(['file.js', 'file.ts', 'file.cjs'])('call rows, undeclared globals (%s)', (filename) => {
    expect(references({ code, filename })).toEqual(expected);
  });

  it.each(['file.js', 'file.ts', 'file.cjs'])('call rows, globals declared in languageOptions (%s)', (filename) => {
    expect(references({ code, filename, globals: declared })).toEqual(expected);
  });

  it.each([undefined, declared])('read rows match every reference, called or not (globals %o)', (globals) => {
    expect(references({ code, ...(globals ? { globals } : {}) }, READ_CATALOG)).toEqual([
      'fetch → fetch',
      'globalThis.fetch → fetch',
      'Bun.sleepSync → Bun.sleepSync',
      'Bun.sleepSync → Bun.sleepSync',
    ]);
  });

  it('read row of a module export', () => {
    expect(
      references({ code: "import { readFileSync } from 'fs';\nconst read = readFileSync;\nread(p);" }, READ_CATALOG),
    ).toEqual(['readFileSync → fs.readFileSync']);
  });
});

describe('trackModuleReferences: lookalikes never match', () => {
  it.each([
    ['a user’s own readFileSync', 'function readFileSync(p) { return p; }\nreadFileSync(p);'],
    ['a method of some object', 'obj.readFileSync(p);\nobj.fs.readFileSync(p);'],
    ['a local fs', 'const fs = makeFs();\nfs.readFileSync(p);'],
    ['a parameter named fs', 'function load(fs) {\n  return fs.readFileSync(p);\n}'],
    ['a local fetch shadows the global', 'function fetch(u) { return u; }\nfetch(u);'],
    ['a local Atomics', 'const Atomics = { wait() {} };\nAtomics.wait(view, 0, 0);'],
    ['a parameter named fetch', 'function get(fetch) {\n  return fetch(u);\n}'],
  ])('%s', (_title, code) => {
    for (const filename of ['file.js', 'file.ts', 'file.cjs']) {
      expect(references({ code, filename }), filename).toEqual([]);
      expect(references({ code, filename, globals: { fetch: 'readonly' } }), `${filename} with globals`).toEqual([]);
    }
  });

  it('a local fetch in script code (a global-scope declaration) with fetch declared as a global', () => {
    const code = 'function fetch(u) { return u; }\nfetch(u);';
    expect(references({ code, filename: 'file.cjs', sourceType: 'script', globals: { fetch: 'readonly' } })).toEqual(
      [],
    );
    expect(references({ code, filename: 'file.cjs', sourceType: 'script' })).toEqual([]);
  });
});

describe('trackModuleReferences: per-file cache', () => {
  it('returns the same index for the same file and catalogue', () => {
    const [first, second, other] = probeOne(
      { code: "import fs from 'fs';\nfs.readFileSync(p);" },
      'Program:exit',
      (context) => [
        trackModuleReferences(context, CATALOG),
        trackModuleReferences(context, CATALOG),
        trackModuleReferences(context, READ_CATALOG),
      ],
    );
    expect(second).toBe(first);
    expect(other).not.toBe(first);
  });

  it('does not leak between files', () => {
    expect(references({ code: "import fs from 'fs';\nfs.readFileSync(p);" })).toEqual([
      'fs.readFileSync(p) → fs.readFileSync',
    ]);
    expect(references({ code: 'fs.readFileSync(p);' })).toEqual([]);
    expect(references({ code: 'function fetch() {}\nfetch(u);' })).toEqual([]);
    expect(references({ code: 'fetch(u);' })).toEqual(['fetch(u) → fetch']);
  });
});

describe('moduleAliases', () => {
  it.each([
    ['fs', ['fs', 'node:fs']],
    ['node:fs/promises', ['node:fs/promises', 'fs/promises']],
    ['fs/promises', ['fs/promises', 'node:fs/promises']],
    ['effect/Effect', ['effect/Effect']],
    ['node:test', ['node:test']],
  ])('%s', (specifier, aliases) => {
    expect(moduleAliases(specifier)).toEqual(aliases);
  });
});

describe('findValueRoot', () => {
  const MODULES: readonly ApiRow[] = [{ module: 'zod', path: [], kind: 'read' }];
  /** `<module> <calls>` of the value of each `ask(…)`, or `none`. */
  const roots = (snippet: Snippet): string[] =>
    probeAsked(snippet, (context, node) => {
      const root = findValueRoot(context, node, MODULES);
      return root ? `${root.reference.row.module} [${root.calls.join(', ')}]` : 'none';
    });

  it('follows calls, members and bindings written once to an import or a require', () => {
    expect(
      roots({
        code: "import { z } from 'zod';\nconst Name = z.string().min(1);\nask(Name.catch(anonymous));\nask(Name);\nask(z);",
      }),
    ).toEqual(['zod [catch, min, string]', 'zod [min, string]', 'zod []']);
    expect(
      roots({
        code: "const zod_1 = require('zod');\nconst { z } = require('zod');\nask(zod_1.z.number().int());\nask(z.enum(levels));\nask(require('zod').z.string());",
        filename: 'file.cjs',
      }),
    ).toEqual(['zod [int, number]', 'zod [enum]', 'zod [string]']);
  });

  it('stops at anything else: a local name, a reassigned binding, a parameter, another module', () => {
    expect(
      roots({
        code: "import { y } from 'yup';\nconst z = makeSchema();\nlet s = require('zod').z.string();\ns = other;\nfunction f(p) { return ask(p.catch(x)); }\nask(z.string());\nask(s.catch(x));\nask(y.string());",
      }),
    ).toEqual(['none', 'none', 'none', 'none']);
  });
});
