import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { findFileEnvironment, runsCallbackInBrowser } from '../../../src/analysis/execution/environment.js';
import { probe, probeOne, type Snippet } from '../harness.js';

/** `runsCallbackInBrowser` of every call whose first or second argument is an arrow function. */
function inBrowser(snippet: Snippet): boolean[] {
  return probe(snippet, 'CallExpression:has(> ArrowFunctionExpression)', (context, node) =>
    runsCallbackInBrowser(context, node as TSESTree.CallExpression),
  );
}

const fileEnvironment = (snippet: Snippet) => probeOne(snippet, 'Program', findFileEnvironment);

describe('findFileEnvironment', () => {
  it('reads the setting first', () => {
    expect(fileEnvironment({ code: 'x;', settings: { 'event-loop': { environment: 'browser' } } })).toBe('browser');
    expect(
      fileEnvironment({
        code: 'x;',
        globals: { window: 'readonly' },
        settings: { 'event-loop': { environment: 'node' } },
      }),
    ).toBe('node');
  });

  it('then the configured globals: browser globals and none of Node’s', () => {
    expect(fileEnvironment({ code: 'x;', globals: { window: 'readonly', document: 'readonly' } })).toBe('browser');
    expect(fileEnvironment({ code: 'x;', globals: { document: 'readonly', process: 'readonly' } })).toBeUndefined();
    expect(fileEnvironment({ code: 'x;', globals: { window: 'off' } })).toBeUndefined();
    expect(fileEnvironment({ code: 'x;' })).toBeUndefined();
  });

  // With types, `document` and `window` resolve to TypeScript's DOM lib; without, they stay unresolved.
  describe.each([false, true])('then the file’s own code (typed: %s)', (typed) => {
    const environmentOf = (code: string, rest: Partial<Snippet> = {}) =>
      fileEnvironment({ code, typed, filename: typed ? 'file.ts' : 'file.mjs', ...rest });

    it('a browser-only global in module code, a function or a class body makes a browser file', () => {
      expect(environmentOf('const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);')).toBe('browser');
      expect(environmentOf('export function visible(node) { return node.nodeType === Node.ELEMENT_NODE; }')).toBe(
        'browser',
      );
      expect(environmentOf('export class Poller { start() { this.observer = new MutationObserver(onChange); } }')).toBe(
        'browser',
      );
      expect(environmentOf('export const frame = (poll) => window.requestAnimationFrame(poll);')).toBe('browser');
    });

    it('anything of Node’s makes it no browser file: a global or a built-in module', () => {
      expect(environmentOf('document.title = process.env.TITLE;')).toBeUndefined();
      expect(environmentOf("import { readFile } from 'node:fs';\ndocument.title = '';")).toBeUndefined();
      expect(environmentOf("export { EventEmitter } from 'events';\ndocument.title = '';")).toBeUndefined();
      expect(environmentOf("const page = require('./page');\ndocument.title = '';")).toBeUndefined();
    });

    it('Node’s globals through `globalThis` or `global`, and its timers of the check phase', () => {
      expect(environmentOf('const env = globalThis.process.env;\ndocument.title = env.TITLE;')).toBeUndefined();
      expect(environmentOf("if ('process' in globalThis) document.title = '';")).toBeUndefined();
      expect(environmentOf('const env = global.process.env;\ndocument.title = env.TITLE;')).toBeUndefined();
      expect(environmentOf('setImmediate(flush);\ndocument.title = "";')).toBeUndefined();
      expect(environmentOf('const paint = document.body;\nclearImmediate(pending);')).toBeUndefined();
      // `globalThis` for a browser global or for something both have is no evidence of Node.
      expect(environmentOf('const frame = globalThis.requestAnimationFrame;\nnew MutationObserver(f);')).toBe(
        undefined,
      );
      expect(environmentOf('globalThis.queueMicrotask(f);\nnew MutationObserver(f);')).toBe('browser');
    });

    it('a built-in module loaded with `import()`, `require.resolve`, `createRequire`, `import.meta.dirname`', () => {
      expect(environmentOf("const fs = await import('node:fs/promises');\ndocument.title = '';")).toBeUndefined();
      expect(
        environmentOf(
          "export async function load() { const { readFile } = await import('fs'); }\ndocument.title = '';",
        ),
      ).toBeUndefined();
      expect(environmentOf('const os = await import(`os`);\ndocument.title = "";')).toBeUndefined();
      expect(environmentOf("const path = require.resolve('./page.js');\ndocument.title = path;")).toBeUndefined();
      expect(
        environmentOf(
          "import { createRequire } from 'node:module';\nconst load = createRequire(import.meta.url);\ndocument.title = load('./title.json');",
        ),
      ).toBeUndefined();
      expect(environmentOf('const here = import.meta.dirname;\ndocument.title = here;')).toBeUndefined();
      expect(environmentOf('document.title = import.meta.filename;')).toBeUndefined();
      // What browsers have too is no evidence: `import.meta.url`, `import()` of a package or a relative module.
      expect(environmentOf("const base = new URL('.', import.meta.url);\ndocument.title = base.href;")).toBe('browser');
      expect(environmentOf("const { render } = await import('./render.js');\nrender(document.body);")).toBe('browser');
    });

    it('a DOM emulation package imported or loaded: the file brings its own DOM, it runs in Node', () => {
      expect(environmentOf("import 'global-jsdom/register';\nrender(document.body);")).toBeUndefined();
      expect(
        environmentOf("import { JSDOM } from 'jsdom';\nconst dom = new JSDOM('');\nrender(document.body);"),
      ).toBeUndefined();
      expect(
        environmentOf(
          "import { GlobalRegistrator } from '@happy-dom/global-registrator';\nGlobalRegistrator.register();\nrender(document.body);",
        ),
      ).toBeUndefined();
      expect(environmentOf("const { Window } = await import('happy-dom');\nrender(document.body);")).toBeUndefined();
      expect(environmentOf("export { parseHTML } from 'linkedom';\nrender(document.body);")).toBeUndefined();
      // A package whose name only starts like one is not one.
      expect(environmentOf("import { render } from 'jsdom-testing-helpers';\nrender(document.body);")).toBe('browser');
      expect(environmentOf("import { render } from '@happy-domains/ui';\nrender(document.body);")).toBe('browser');
    });

    it('a function handed to a call runs where the callee runs it: `page.evaluate(() => document.title)`', () => {
      expect(
        environmentOf(
          "export async function title(page) {\n  await page.$eval('a', function (a) { return a instanceof HTMLElement; });\n  return page.evaluate(() => document.title);\n}",
        ),
      ).toBeUndefined();
    });

    it('code that tests for a browser global runs in both', () => {
      expect(
        environmentOf("if (typeof window !== 'undefined') window.addEventListener('load', start);"),
      ).toBeUndefined();
      expect(environmentOf("export const base = 'location' in globalThis ? location.origin : '';")).toBeUndefined();
      expect(environmentOf('const Observer = globalThis.MutationObserver;\nnew MutationObserver(f);')).toBeUndefined();
    });

    it('a local variable of the same name is not the global', () => {
      expect(environmentOf('export function title(document) { return document.title; }')).toBeUndefined();
      expect(environmentOf('const window = open();\nwindow.focus();')).toBeUndefined();
      // In a script, a top-level `var` is a global too, but the file's own.
      expect(environmentOf('var document = parse(html);\ndocument.title;', { sourceType: 'script' })).toBeUndefined();
    });

    it('a test file is no browser file: jsdom runs it in Node', () => {
      expect(
        environmentOf("import { it } from 'vitest';\ndocument.body.innerHTML = '<p></p>';\nit('renders', () => {});"),
      ).toBeUndefined();
    });

    it('Node’s globals configured for every file do not hide it; the setting wins', () => {
      expect(environmentOf('new MutationObserver(onChange);', { globals: { process: 'readonly' } })).toBe('browser');
      expect(
        environmentOf('new MutationObserver(onChange);', { settings: { 'event-loop': { environment: 'node' } } }),
      ).toBe('node');
    });
  });

  it('a TypeScript import of a built-in module is Node’s too', () => {
    expect(fileEnvironment({ code: "import fs = require('fs');\ndocument.title = '';", filename: 'file.ts' })).toBe(
      undefined,
    );
  });

  it('a TypeScript import of a DOM emulation package or a built-in through `require` is Node’s too', () => {
    expect(
      fileEnvironment({ code: "import jsdom = require('jsdom');\nrender(document.body);", filename: 'file.ts' }),
    ).toBe(undefined);
    expect(
      fileEnvironment({ code: "const domino = require('domino');\nrender(document.body);", filename: 'file.cjs' }),
    ).toBeUndefined();
  });

  it('types are no evidence, only values', () => {
    expect(
      fileEnvironment({
        code: 'export let observer: MutationObserver | undefined;\nexport const host = (node: unknown) => (node as ShadowRoot).host;\nexport let view: typeof window;',
        typed: true,
      }),
    ).toBeUndefined();
  });
});

describe('runsCallbackInBrowser', () => {
  it('knows the APIs only browsers have, by origin', () => {
    // A file that uses Node too (a built-in module) is no browser file: each call decides.
    expect(
      inBrowser({
        code: "import { EventEmitter } from 'node:events';\nrequestAnimationFrame(() => {});\nwindow.requestAnimationFrame(() => {});\nself.requestIdleCallback(() => {});\nwindow.addEventListener('load', () => {});\ndocument.addEventListener('click', () => {});\nsetTimeout(() => {});\nemitter.addEventListener('x', () => {});",
      }),
    ).toEqual([true, true, true, true, true, false, false]);
  });

  it('a local function of the same name is not the browser API', () => {
    expect(inBrowser({ code: 'function requestAnimationFrame(f) { f(); }\nrequestAnimationFrame(() => {});' })).toEqual(
      [false],
    );
  });

  it('every callback of a browser file, none when the setting says node', () => {
    expect(inBrowser({ code: "setTimeout(() => {});\non('x', () => {});", globals: { window: 'readonly' } })).toEqual([
      true,
      true,
    ]);
    expect(
      inBrowser({ code: 'requestAnimationFrame(() => {});', settings: { 'event-loop': { environment: 'node' } } }),
    ).toEqual([false]);
  });
});
