import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { getDeclaredTypes } from '../../../src/analysis/origin/declared-types.js';
import { clearSummaryCache } from '../../../src/analysis/project/summary-cache.js';
import { probe, probeAsked } from '../harness.js';

const DECLARED = 'projects/declared/src/service.ts';

/** What `getDeclaredTypes(…).callKind` says about the callee of every `ask(callee)`. */
function callKinds(code: string, filename = DECLARED): string[] {
  return probeAsked({ code, filename }, (context, callee) => getDeclaredTypes(context).callKind(callee));
}

describe('getDeclaredTypes: callKind', () => {
  it('leaves a class method whose body cannot reject unknown: its body, not its declaration, decides', () => {
    const code = `
      class Controller { async init(store: unknown) { this.store = store; } async flush() { await this.store.write(); } }
      function handle(controller: Controller) { ask(controller.init); ask(controller.flush); }
    `;
    expect(callKinds(code)).toEqual(['unknown', 'promise']);
  });

  it('reads parameters, variables and `as` casts annotated with a type of this file', () => {
    const code = `
      interface Store { remove(id: string): PromiseLike<void>; size(): number }
      interface Repo extends Store { save(user: unknown): Promise<void>; touch(): void; maybe?(): Promise<void> }
      type Queue = { add(job: string): Promise<number> };
      class Db { async query() { await send(); } close(): void {} ping() { return 1; } }
      function handle(repo: Repo, queue: Queue | undefined, db: Db, run: () => Promise<void>, log: () => void) {
        let later: Repo;
        const cast = make() as Queue;
        ask(repo.save); ask(repo.remove); ask(repo.touch); ask(repo.size); ask(repo.maybe); ask(repo.other);
        ask(queue?.add); ask(db.query); ask(db.close); ask(db.ping); ask(run); ask(log); ask(later.save); ask(cast.add);
      }
    `;
    expect(callKinds(code)).toEqual([
      'promise',
      'promise',
      'other',
      'other',
      'promise',
      'unknown',
      'promise',
      'promise',
      'other',
      'unknown',
      'promise',
      'other',
      'promise',
      'promise',
    ]);
  });

  it('reads `this.` fields and constructor parameter properties, in a class and the classes of this file it extends', () => {
    const code = `
      import type { Db } from './types/db.js';
      interface Mailer { send(): Promise<void> }
      abstract class Base {
        protected mailer!: Mailer;
        abstract flush(): Promise<void>;
      }
      class Service extends Base {
        #db: Db;
        onDone: () => Promise<void>;
        constructor(private readonly other: Db, public notify: () => void) { super(); }
        run() {
          ask(this.#db.query); ask(this.other.query); ask(this.other.close); ask(this.mailer.send);
          ask(this.onDone); ask(this.notify); ask(this.flush);
        }
        static make() { ask(this.mailer.send); }
      }
    `;
    expect(callKinds(code)).toEqual([
      'promise',
      'promise',
      'other',
      'promise',
      'promise',
      'other',
      'promise',
      'unknown',
    ]);
  });

  it('follows `import type`, `import { type X }`, `import { X }`, namespaces, barrels and `extends` into other files', () => {
    const code = `
      import type { Repo } from './types/index.js';
      import { type AuditLog, Db } from './types/index.js';
      import type * as types from './types/repo.js';
      import type { Ping } from './types/db.js';
      function handle(repo: Repo, log: AuditLog, db: Db, other: types.Repo, ping: Ping) {
        ask(repo.save); ask(repo.count); ask(repo.find); ask(repo.load); ask(repo.pick); ask(repo.remove);
        ask(log.save); ask(log.remove); ask(log.flush); ask(db.query); ask(db.close); ask(other.save); ask(ping.send);
      }
    `;
    expect(callKinds(code)).toEqual([
      'promise',
      'other',
      'promise',
      'promise',
      'unknown',
      'promise',
      'promise',
      'promise',
      'other',
      'promise',
      'other',
      'promise',
      'unknown',
    ]);
  });

  it('leaves type parameters, packages, unannotated values and JavaScript files unknown', () => {
    const code = `
      import type { Redis } from 'ioredis';
      function handle<T extends { save(): Promise<void> }>(store: T, redis: Redis, plain, [first]: Repo[]) {
        ask(store.save); ask(redis.set); ask(plain.save); ask(first.save);
      }
    `;
    expect(callKinds(code)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
    expect(callKinds('function handle(run) { ask(run); }', 'projects/esm/src/handler.js')).toEqual(['unknown']);
  });
});

describe('getDeclaredTypes: valueKind', () => {
  it('reads the annotation of a variable or parameter', () => {
    const kinds = probe(
      {
        code: 'function f(a: Promise<void>, b: PromiseLike<number> | Promise<string>, c: number, d: Promise<void> | undefined, e) { use(a, b, c, d, e); }',
        filename: DECLARED,
      },
      'CallExpression[callee.name="use"] > Identifier.arguments',
      (context, node) => getDeclaredTypes(context).valueKind(node as TSESTree.Identifier),
    );
    expect(kinds).toEqual(['promise', 'promise', 'other', 'unknown', 'unknown']);
  });
});

describe('getDeclaredTypes: other files change', () => {
  it('sees a method whose declared return type changed on disk between two lints', () => {
    clearSummaryCache();
    const directory = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'event-loop-declared-')));
    const linter = new Linter({ cwd: directory });
    const lint = (): string[] => {
      const found: string[] = [];
      const rule = {
        create: (context: Parameters<typeof getDeclaredTypes>[0]) => ({
          'CallExpression[callee.name="ask"]': (node: TSESTree.CallExpression) =>
            found.push(getDeclaredTypes(context).callKind(node.arguments[0]!)),
        }),
      };
      linter.verify(
        "import type { Repo } from './repo.js';\nexport function handle(repo: Repo) { ask(repo.save); }\n",
        [
          {
            files: ['**/*.ts'],
            languageOptions: { parser: tsParser },
            plugins: { probe: { rules: { ask: rule } } as never },
            rules: { 'probe/ask': 'error' },
          },
        ],
        { filename: path.join(directory, 'handler.ts') },
      );
      return found;
    };
    try {
      fs.writeFileSync(path.join(directory, 'repo.ts'), 'export interface Repo { save(): Promise<void> }\n');
      expect(lint()).toEqual(['promise']);
      fs.writeFileSync(path.join(directory, 'repo.ts'), 'export interface Repo {\n  save(): void;\n}\n');
      expect(lint()).toEqual(['other']);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
      clearSummaryCache();
    }
  });
});
