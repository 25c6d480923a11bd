import { describe, expect, it } from 'vitest';

import {
  type FactoryRow,
  findResultUses,
  findValueHolders,
  type ResultStep,
  trackFactoryResults,
} from '../../../src/analysis/origin/factory-results.js';
import { type Context, probe, probeOne, type Snippet } from '../harness.js';

const CATALOG: readonly FactoryRow[] = [
  { module: 'synckit', path: ['createSyncFn'], kind: 'call', results: [['call']] },
  { module: 'proxy-lib', path: [], kind: 'call', results: [['call'], [{ member: undefined }, 'call']] },
  { module: 'futures', path: [], kind: 'construct', results: [[{ member: ['wait'] }, 'call']] },
];

/** `<text of each use> ← <text of its factory>`, in source order. */
function uses(snippet: Snippet): string[] {
  return probeOne(snippet, 'Program:exit', (context: Context) =>
    [...trackFactoryResults(context, CATALOG).values()]
      .sort((a, b) => a.node.range[0] - b.node.range[0])
      .map(({ node, factory }) => `${context.sourceCode.getText(node)} ← ${context.sourceCode.getText(factory.node)}`),
  );
}

describe('trackFactoryResults', () => {
  it.each([
    [
      'a const',
      "import { createSyncFn } from 'synckit';\nconst f = createSyncFn(w);\nf(1);",
      ['f(1) ← createSyncFn(w)'],
    ],
    [
      'the result called directly',
      "import { createSyncFn } from 'synckit';\ncreateSyncFn(w)(1);",
      ['createSyncFn(w)(1) ← createSyncFn(w)'],
    ],
    [
      'an alias of an alias, in a nested function',
      "import { createSyncFn } from 'synckit';\nconst f = createSyncFn(w);\nconst g = f;\nasync function run() { return g(2); }",
      ['g(2) ← createSyncFn(w)'],
    ],
    [
      'fn.call and fn.apply',
      "import { createSyncFn } from 'synckit';\nconst f = createSyncFn(w);\nf.call(null, 1);\nf.apply(null, [1]);",
      ['f.call(null, 1) ← createSyncFn(w)', 'f.apply(null, [1]) ← createSyncFn(w)'],
    ],
    [
      'a never-reassigned let',
      "import { createSyncFn } from 'synckit';\nlet f = createSyncFn(w);\nf(1);",
      ['f(1) ← createSyncFn(w)'],
    ],
    [
      'a lazily initialised variable with one assignment',
      "import { createSyncFn } from 'synckit';\nlet f;\nfunction get() { if (!f) f = createSyncFn(w); return f(1); }",
      ['f(1) ← createSyncFn(w)'],
    ],
    [
      'a variable assigned twice is not followed',
      "import { createSyncFn } from 'synckit';\nlet f;\nf = createSyncFn(w);\nf = other;\nf(1);",
      [],
    ],
    [
      'a reassigned let is not followed',
      "import { createSyncFn } from 'synckit';\nlet f = createSyncFn(w);\nf = other;\nf(1);",
      [],
    ],
    [
      'a read that is not a call',
      "import { createSyncFn } from 'synckit';\nconst f = createSyncFn(w);\nitems.map(f);\nexport { f };",
      [],
    ],
    [
      'members of a proxy, also destructured',
      "import make from 'proxy-lib';\nconst api = make(url);\napi.format(1);\napi(2);\nconst { lint, 'check': c } = make(url2);\nlint(3);\nc(4);",
      ['api.format(1) ← make(url)', 'api(2) ← make(url)', 'lint(3) ← make(url2)', 'c(4) ← make(url2)'],
    ],
    [
      'a constructed instance, only the listed member',
      "const Future = require('futures');\nconst future = new Future();\nfuture.wait();\nfuture.resolve(1);\nnew Future().wait();",
      ['future.wait() ← new Future()', 'new Future().wait() ← new Future()'],
    ],
    ['a lookalike factory from another module', "import { createSyncFn } from './local.js';\ncreateSyncFn(w)(1);", []],
  ])('%s', (_title, code, expected) => {
    expect(uses({ code, filename: code.includes('require(') ? 'file.cjs' : 'file.js' })).toEqual(expected);
  });

  it('follows through TypeScript wrappers', () => {
    const code = "import { createSyncFn } from 'synckit';\nconst f = createSyncFn(w) as (n: number) => number;\nf!(1);";
    expect(uses({ code, filename: 'file.ts' })).toEqual(['f!(1) ← createSyncFn(w)']);
  });
});

describe('findValueHolders and findResultUses', () => {
  it('lists the expression and the reads of the consts it initialises', () => {
    const holders = probeOne(
      { code: 'const a = source();\nconst b = a;\nuse(a, b);' },
      'CallExpression[callee.name="source"]',
      (context, node) =>
        findValueHolders(context, node).map(
          (holder) => `${holder.type}:${context.sourceCode.getText(holder)}@${holder.loc.start.line}`,
        ),
    );
    expect(holders).toEqual(['CallExpression:source()@1', 'Identifier:a@2', 'Identifier:b@3', 'Identifier:a@3']);
  });

  it('follows a lazy assignment by default, and this.<field> only when asked', () => {
    const code =
      'let lazy;\nlazy = source();\nuse(lazy);\nclass K { constructor() { this.db = source(); }\n  run() { use(this.db); } }';
    const holders = (options?: { lazyAssignments?: boolean; thisFields?: boolean }) =>
      probe({ code }, 'CallExpression[callee.name="source"]', (context, node) =>
        findValueHolders(context, node, options).map(
          (holder) => `${context.sourceCode.getText(holder)}@${holder.loc.start.line}`,
        ),
      );
    expect(holders()).toEqual([['source()@2', 'lazy@3'], ['source()@4']]);
    expect(holders({ lazyAssignments: false, thisFields: true })).toEqual([
      ['source()@2'],
      ['source()@4', 'this.db@5'],
    ]);
  });

  it('walks several steps: call, member, call', () => {
    const steps: ResultStep[] = ['call', { member: ['wait'] }, 'call'];
    const found = probeOne(
      {
        code: 'const wrapped = wrap(readFile);\nconst future = wrapped(path);\nfuture.wait();\nwrapped(other).wait();\nfuture.get();',
      },
      'CallExpression[callee.name="wrap"]',
      (context, node) => findResultUses(context, node, steps).map((use) => context.sourceCode.getText(use)),
    );
    expect(found).toEqual(['future.wait()', 'wrapped(other).wait()']);
  });
});
