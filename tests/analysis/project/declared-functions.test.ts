import path from 'node:path';

import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { resolveDeclaredFunction } from '../../../src/analysis/project/declared-functions.js';
import { probeAsked } from '../harness.js';

/** What `resolveDeclaredFunction` finds for the call in every `ask(…)`, as plain data. */
function declared(code: string, typed = true): unknown[] {
  return probeAsked({ code, typed }, (context, call) => {
    const found = resolveDeclaredFunction(context, call as TSESTree.CallExpression);
    if (!found) return undefined;
    if (found.kind === 'local') return { kind: 'local', line: found.fn.loc.start.line, async: found.fn.async };
    const { cannotReject, returnsPromise, line } = found.summary;
    return {
      kind: found.kind,
      file: path.basename(found.file),
      inJavaScript: found.inJavaScript,
      cannotReject,
      returnsPromise,
      line,
    };
  });
}

describe('resolveDeclaredFunction', () => {
  it('finds the body of a function of another file that only types reach', () => {
    const code = [
      "import type { Controller, Middleware, Store } from './guarded-lib.js';",
      'declare const mw: Middleware;',
      'declare const controller: Controller;',
      'declare const store: Store;',
      'ask(mw.login(() => {}));',
      'ask(mw.logout());',
      'ask(controller.init(store));',
    ].join('\n');
    expect(declared(code)).toEqual([
      {
        kind: 'other-file',
        file: 'guarded-lib.ts',
        inJavaScript: false,
        cannotReject: true,
        returnsPromise: 'yes',
        line: 8,
      },
      {
        kind: 'other-file',
        file: 'guarded-lib.ts',
        inJavaScript: false,
        cannotReject: false,
        returnsPromise: 'yes',
        line: 15,
      },
      {
        kind: 'other-file',
        file: 'guarded-lib.ts',
        inJavaScript: false,
        cannotReject: true,
        returnsPromise: 'yes',
        line: 26,
      },
    ]);
  });

  it('reads a JavaScript file by its bodies', () => {
    const code =
      "import type { checkOrigin, readSetting } from './jsdoc-lib.js';\ndeclare const check: typeof checkOrigin;\ndeclare const read: typeof readSetting;\nask(check('x'));\nask(read('k'));";
    expect(declared(code)).toEqual([
      {
        kind: 'other-file',
        file: 'jsdoc-lib.js',
        inJavaScript: true,
        cannotReject: false,
        returnsPromise: 'no',
        line: 8,
      },
      {
        kind: 'other-file',
        file: 'jsdoc-lib.js',
        inJavaScript: true,
        cannotReject: false,
        returnsPromise: 'yes',
        line: 17,
      },
    ]);
  });

  it('gives a function of the linted file as its own node', () => {
    const code = 'class Job {\n  async run(): Promise<void> {}\n}\ndeclare const job: Job;\nask(job.run());';
    expect(declared(code)).toEqual([{ kind: 'local', line: 2, async: true }]);
  });

  it('nothing for signatures without a body, library declarations, or without types', () => {
    const code = [
      'declare function load(): Promise<void>;',
      'interface Api { get(): Promise<string> }',
      'declare const api: Api;',
      'ask(load());',
      'ask(api.get());',
      'ask(Promise.resolve(1));',
      'ask(setTimeout(() => {}, 1));',
    ].join('\n');
    expect(declared(code)).toEqual([undefined, undefined, undefined, undefined]);
    expect(declared('async function run() {}\nask(run());', false)).toEqual([undefined]);
  });
});
