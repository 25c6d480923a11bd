import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { TSESTree } from '@typescript-eslint/utils';
import { type ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { getProjectKnowledge } from '../../../src/analysis/project/project.js';
import { clearSummaryCache, getSummaryCacheStatistics } from '../../../src/analysis/project/summary-cache.js';
import { type Context, probeAsked, type Snippet } from '../harness.js';

/** For each `ask(callee)`: `returnsPromise[ never-rejects] file:line` of the function of another file it calls, or `-`. */
function answers(snippet: Snippet): string[] {
  return probeAsked(snippet, (context, callee) => {
    const fn = getProjectKnowledge(context).resolveImportedFunction(callee);
    if (!fn) return '-';
    return `${fn.returnsPromise}${fn.cannotReject ? ' never-rejects' : ''} ${path.basename(fn.file)}:${fn.line}`;
  });
}

const esm = 'projects/esm/src/handler.js';
const cjs = 'projects/cjs/src/consumer.js';

describe('getProjectKnowledge: ESM', () => {
  it('says whether it is on, so rules skip work that only feeds its questions', () => {
    const code = "import { recordAudit } from './audit.js';\nask(recordAudit);";
    const enabled = (settings?: Record<string, unknown>) =>
      probeAsked({ code, filename: esm, settings }, (context) => getProjectKnowledge(context).enabled);
    expect(enabled()).toEqual([true]);
    expect(enabled({ 'event-loop': { crossFile: false } })).toEqual([false]);
  });

  it('follows named, default, renamed and namespace imports', () => {
    const code = `
      import flush, { recordAudit, formatEntry, loadLater, chained, logSafely, purgeAudit as purge } from './audit.js';
      import * as audit from './audit.js';
      ask(recordAudit); ask(formatEntry); ask(loadLater); ask(chained); ask(logSafely); ask(purge); ask(flush);
      ask(audit.recordAudit); ask(audit.default);
    `;
    expect(answers({ code, filename: esm })).toEqual([
      'yes audit.js:2',
      'unknown audit.js:6',
      'yes never-rejects audit.js:10',
      'yes audit.js:14',
      'yes never-rejects audit.js:16',
      'yes audit.js:24',
      'yes audit.js:30',
      'yes audit.js:2',
      'yes audit.js:30',
    ]);
  });

  it('follows barrels several levels deep, `export * as`, and a directory index', () => {
    const code = `
      import { audit, flush, deepTask, auditModule } from './barrel/index.js';
      import { fromIndex } from './lib';
      ask(audit); ask(flush); ask(deepTask); ask(auditModule.loadLater); ask(fromIndex);
    `;
    expect(answers({ code, filename: esm })).toEqual([
      'yes audit.js:2',
      'yes audit.js:30',
      'yes level3.js:1',
      'yes never-rejects audit.js:10',
      'yes never-rejects index.js:2',
    ]);
  });

  it('ends on an `export *` cycle without an answer for a name neither file has', () => {
    const code = `import { inA, inB, nowhere } from './cycle/a.js'; ask(inA); ask(inB); ask(nowhere);`;
    expect(answers({ code, filename: esm })).toEqual(['yes never-rejects a.js:2', 'yes never-rejects b.js:2', '-']);
  });

  it('follows static and instance methods, inherited through `extends` across files', () => {
    const code = `
      import { Repository } from './base.js';
      import { UserRepository } from './users.js';
      const users = new UserRepository();
      ask(users.save); ask(users.findUser); ask(users.describe); ask(new Repository().save);
      ask(Repository.connect); ask(UserRepository.connect);
      class Admins extends UserRepository {
        async run() { ask(this.save); ask(super.findUser); ask(this.run); }
        static async boot() { ask(this.connect); }
      }
    `;
    expect(answers({ code, filename: esm })).toEqual([
      'yes base.js:2',
      'yes users.js:4',
      'no base.js:6',
      'yes base.js:2',
      'yes base.js:10',
      'yes base.js:10',
      'yes base.js:2',
      'yes users.js:4',
      '-',
      'yes base.js:10',
    ]);
  });

  it("gives a function that only returns another module's call the answers of that call, and ends a cycle", () => {
    const code = `
      import { auditLater, auditQuietly, auditEither, callGiven, ping } from './forward.js';
      ask(auditLater); ask(auditQuietly); ask(auditEither); ask(callGiven); ask(ping);
    `;
    expect(answers({ code, filename: esm })).toEqual([
      'yes forward.js:6',
      'yes never-rejects forward.js:10',
      'yes forward.js:12',
      'unknown forward.js:18',
      'unknown forward.js:23',
    ]);
  });

  it('follows the methods of the object a factory of another file returns', () => {
    const code = `
      import { createClient, createCounter } from './factory.js';
      const client = createClient('/api');
      ask(client.get); ask(client.url); ask(createClient('/v2').get); ask(createCounter().next); ask(client.missing);
    `;
    expect(answers({ code, filename: esm })).toEqual([
      'yes factory.js:4',
      'no factory.js:8',
      'yes factory.js:4',
      'no factory.js:14',
      '-',
    ]);
  });

  it('leaves out reassigned bindings, unknown names and third-party packages', () => {
    const code = `
      import { recordAudit } from './audit.js';
      import { describe } from 'vitest';
      let later = recordAudit; later = () => {};
      ask(later); ask(describe); ask(missing); ask(recordAudit.call);
    `;
    expect(answers({ code, filename: esm })).toEqual(['-', '-', '-', '-']);
  });
});

describe('getProjectKnowledge: CommonJS', () => {
  it.each([
    [
      'module.exports = { … }',
      `const items = require('./object.js'); ask(items.load); ask(items.label);`,
      ['yes object.js:3', 'no object.js:4'],
    ],
    ['module.exports = fn', `const send = require('./function'); ask(send);`, ['yes function.js:2']],
    [
      'exports.x = …',
      `const { fetchUser, userName } = require('./exports-dot'); ask(fetchUser); ask(userName);`,
      ['yes exports-dot.js:2', 'unknown exports-dot.js:3'],
    ],
    ['module.exports.x = …', `ask(require('./module-exports-dot').remove);`, ['yes module-exports-dot.js:2']],
    [
      'const h = module.exports; h.x = …',
      `const h = require('./alias'); ask(h.notify); ask(h.quiet);`,
      ['yes alias.js:4', 'yes never-rejects alias.js:8'],
    ],
    [
      'Object.assign(module.exports, …)',
      `const { archive, count } = require('./assign'); ask(archive); ask(count);`,
      ['yes assign.js:2', 'unknown assign.js:6'],
    ],
    [
      'module.exports = new Service()',
      `const mailer = require('./singleton'); ask(mailer.deliver);`,
      ['yes singleton.js:3'],
    ],
    [
      'module.exports = a factory',
      `const createDb = require('./factory'); const db = createDb('x'); ask(db.query); ask(db.close);`,
      ['yes factory.js:4', 'no factory.js:5'],
    ],
    [
      'values required and exported again',
      `const r = require('./reexport'); ask(r.fetchUser); ask(r.loadItem);`,
      ['yes exports-dot.js:2', 'yes object.js:3'],
    ],
    [
      'an ES import of a CommonJS module',
      `import items, { load } from './object.js'; ask(items.load); ask(load);`,
      ['yes object.js:3', 'yes object.js:3'],
    ],
  ])('reads %s', (_name, code, expected) => {
    expect(answers({ code, filename: cjs, sourceType: _name.startsWith('an ES') ? 'module' : 'commonjs' })).toEqual(
      expected,
    );
  });
});

describe('getProjectKnowledge: methods keyed by symbols', () => {
  it('follows `this[kSymbol]()` to a base class in another file, by the symbol the key holds', () => {
    const code = `
      const { QueueBase, kDrain } = require('./queue-base');
      const { kFlush } = require('./symbols');
      const kOther = Symbol('other');
      class Queue extends QueueBase {
        run() { ask(this[kFlush]); ask(this[kDrain]); ask(this[kOther]); }
      }
      class Overriding extends QueueBase {
        [kDrain]() {}
        run() { ask(this[kDrain]); }
      }
      ask(new QueueBase()[kFlush]);
    `;
    expect(answers({ code, filename: cjs, sourceType: 'commonjs' })).toEqual([
      'yes queue-base.js:7',
      'yes queue-base.js:11',
      '-',
      '-',
      'yes queue-base.js:7',
    ]);
  });

  it('calls an inherited method that returns a promise on one branch and nothing otherwise a promise', () => {
    const code = `
      const { QueueBase } = require('./queue-base');
      const { kSettle } = require('./symbols');
      class Queue extends QueueBase {
        close() { ask(this[kSettle]); }
      }
    `;
    expect(answers({ code, filename: cjs, sourceType: 'commonjs' })).toEqual(['yes queue-base.js:16']);
  });
});

describe('getProjectKnowledge: TypeScript', () => {
  it('follows tsconfig `paths`, `.js` specifiers of `.ts` files and `.mjs` of `.mts`', () => {
    const code = `
      import { query, escape } from '@lib/db';
      import { Clock } from './util.js';
      import { warm } from './services/cache.mjs';
      ask(query); ask(escape); ask(Clock.tick); ask(warm);
    `;
    expect(answers({ code, filename: 'projects/ts-paths/src/app.ts' })).toEqual([
      'yes db.ts:3',
      'unknown db.ts:8',
      'yes util.ts:2',
      'yes cache.mts:1',
    ]);
  });

  it('follows `this[kSymbol]()` to a base class keyed by an `export const` symbol', () => {
    const code = `
      import { PoolBase, kDrainQueue } from './lib/pool-base.js';
      const kOther = Symbol('drain queue');
      export class Pool extends PoolBase {
        close() { ask(this[kDrainQueue]); ask(this[kOther]); }
      }
    `;
    expect(answers({ code, filename: 'projects/ts-paths/src/app.ts' })).toEqual(['yes pool-base.ts:7', '-']);
  });

  it('ignores `import type`', () => {
    const code = `import type { query } from '@lib/db'; import { type escape } from '@lib/db'; ask(query); ask(escape);`;
    expect(answers({ code, filename: 'projects/ts-paths/src/app.ts' })).toEqual(['-', '-']);
  });
});

describe('getProjectKnowledge: package.json', () => {
  it('follows `imports` and a self-reference through `exports`', () => {
    const code = `import { enqueue } from '#internal/jobs'; import * as jobs from 'fixture-pkg-imports/jobs'; ask(enqueue); ask(jobs.enqueue);`;
    expect(answers({ code, filename: 'projects/pkg-imports/src/main.js' })).toEqual(['yes jobs.js:1', 'yes jobs.js:1']);
  });
});

describe('getProjectKnowledge: files linted in one process', () => {
  /** Lints the files of `project` on disk in order, as the CLI or an editor would, with the layer asked about each `ask(…)`. */
  function lintInOrder(directory: string, names: string[]): string[] {
    const found: string[] = [];
    const rule = {
      meta: { type: 'problem', schema: [] },
      create: (context: Context) => ({
        // Every file engages the layer, as a file with a call the rules ask about does.
        Program: () => void getProjectKnowledge(context),
        'CallExpression[callee.name="ask"]': (node: TSESTree.CallExpression) => {
          const fn = getProjectKnowledge(context).resolveImportedFunction(node.arguments[0]!);
          found.push(fn ? `${fn.returnsPromise} ${path.basename(fn.file)}:${fn.line}` : '-');
        },
      }),
    };
    const config: Linter.Config[] = [
      {
        files: ['**/*.js'],
        plugins: { probe: { rules: { ask: rule } } as unknown as ESLint.Plugin },
        languageOptions: { sourceType: 'module' },
        rules: { 'probe/ask': 'error' },
      },
    ];
    const linter = new Linter({ cwd: directory });
    for (const name of names) {
      const file = path.join(directory, name);
      const messages = linter.verify(fs.readFileSync(file, 'utf8'), config, { filename: file });
      expect(messages.filter((message) => message.fatal)).toEqual([]);
    }
    return found;
  }

  it("reads a file linted earlier from ESLint's tree, and sees it changed on disk at the next lint", () => {
    clearSummaryCache();
    const directory = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'event-loop-project-')));
    try {
      fs.writeFileSync(path.join(directory, 'helpers.js'), 'export async function save() { await io(); }\n');
      fs.writeFileSync(path.join(directory, 'handler.js'), "import { save } from './helpers.js';\nask(save);\n");
      expect(lintInOrder(directory, ['helpers.js', 'handler.js'])).toEqual(['yes helpers.js:1']);
      expect(getSummaryCacheStatistics()).toMatchObject({ parsed: 0, verified: 1 });

      // Saved between two lints: the second lint of handler.js sees the change without helpers.js being linted again.
      fs.writeFileSync(path.join(directory, 'helpers.js'), '\nexport function save() { return 1; }\n');
      expect(lintInOrder(directory, ['handler.js'])).toEqual(['no helpers.js:2']);
      expect(getSummaryCacheStatistics()).toMatchObject({ parsed: 1 });
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
      clearSummaryCache();
    }
  });

  it('keys a file linted through a symlinked folder, or linted as a symlink, by its real path', () => {
    clearSummaryCache();
    const directory = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'event-loop-project-')));
    try {
      const real = path.join(directory, 'real');
      fs.mkdirSync(real);
      fs.writeFileSync(path.join(real, 'helpers.js'), 'export async function save() { await io(); }\n');
      fs.writeFileSync(path.join(real, 'other.js'), 'export async function load() { await io(); }\n');
      fs.writeFileSync(
        path.join(real, 'handler.js'),
        "import { save } from './helpers.js';\nimport { load } from './other.js';\nask(save);\nask(load);\n",
      );
      fs.symlinkSync(real, path.join(directory, 'linked'));
      fs.symlinkSync(path.join(real, 'other.js'), path.join(real, 'other-link.js'));
      const linted = lintInOrder(directory, ['linked/helpers.js', 'real/other-link.js', 'real/handler.js']);
      expect(linted).toEqual(['yes helpers.js:1', 'yes other.js:1']);
      // Both summaries came from ESLint's trees, found again under the real paths the resolver gives.
      expect(getSummaryCacheStatistics()).toMatchObject({ parsed: 0, verified: 2 });
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
      clearSummaryCache();
    }
  });
});
