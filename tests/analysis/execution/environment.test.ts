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
});

describe('runsCallbackInBrowser', () => {
  it('knows the APIs only browsers have, by origin', () => {
    expect(
      inBrowser({
        code: "requestAnimationFrame(() => {});\nwindow.requestAnimationFrame(() => {});\nself.requestIdleCallback(() => {});\nwindow.addEventListener('load', () => {});\ndocument.addEventListener('click', () => {});\nsetTimeout(() => {});\nemitter.addEventListener('x', () => {});",
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
