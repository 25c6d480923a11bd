import { describe, expect, it } from 'vitest';

import { EVENT_LOOP_CALLBACK_APIS } from '../../../src/analysis/catalog/event-loop-callbacks.js';
import { type ExecutionKind, findExecutionContext } from '../../../src/analysis/execution/execution-context.js';
import { HERE, missingNodeFunctions, probeOne, type Snippet } from '../harness.js';

const ON_EVENT_LOOP: ReadonlySet<ExecutionKind> = new Set([
  'async-function',
  'async-generator',
  'promise-callback',
  'event-loop-callback',
]);

/** `<kind>: <first line of the function>` for the marker call `here()`, or `module`. */
function contextAt(snippet: Snippet): string {
  return probeOne(snippet, HERE, (context, node) => {
    const found = findExecutionContext(context, node);
    expect(found.onEventLoop, `onEventLoop of ${found.kind}`).toBe(ON_EVENT_LOOP.has(found.kind));
    return found.fn ? `${found.kind}: ${context.sourceCode.getText(found.fn).split('\n')[0]}` : found.kind;
  });
}

// Each case runs with espree (file.js) and with typescript-eslint's parser (file.ts).
function expectContext(code: string, expected: string, extra: Partial<Snippet> = {}): void {
  for (const filename of ['file.js', 'file.ts']) {
    expect(contextAt({ code, filename, ...extra }), filename).toBe(expected);
  }
}

describe('findExecutionContext: kinds', () => {
  it.each([
    ['async function', 'async function load() {\n  here();\n}', 'async-function: async function load() {'],
    ['async arrow', 'const load = async () => {\n  here();\n};', 'async-function: async () => {'],
    ['async arrow with expression body', 'const load = async () => here();', 'async-function: async () => here()'],
    ['async class method', 'class Repo {\n  async load() {\n    here();\n  }\n}', 'async-function: () {'],
    ['async object method', 'const repo = {\n  async load() {\n    here();\n  },\n};', 'async-function: () {'],
    ['async generator', 'async function* rows() {\n  here();\n}', 'async-generator: async function* rows() {'],
    ['generator', 'function* rows() {\n  here();\n}', 'generator: function* rows() {'],
    ['sync function', 'function load() {\n  here();\n}', 'sync-function: function load() {'],
    ['sync method', 'class Repo {\n  load() {\n    here();\n  }\n}', 'sync-function: () {'],
    ['module top level', 'here();', 'module'],
    ['top-level await position', 'await load();\nhere();', 'module'],
    [
      'a sync function inside an async one',
      'async function load() {\n  function parse() {\n    here();\n  }\n}',
      'sync-function: function parse() {',
    ],
  ])('%s', (_title, code, expected) => expectContext(code, expected));
});

describe('findExecutionContext: promise callbacks', () => {
  it.each([
    ['.then', 'load().then((user) => {\n  here();\n});', 'promise-callback: (user) => {'],
    ['.then rejection handler', 'load().then(ok, (error) => {\n  here();\n});', 'promise-callback: (error) => {'],
    ['.catch', 'load().catch(function (error) {\n  here();\n});', 'promise-callback: function (error) {'],
    ['.finally', 'load().finally(() => here());', 'promise-callback: () => here()'],
    ['optional chain', 'load()?.then(() => here());', 'promise-callback: () => here()'],
    [
      'async callback of .then is an async function',
      'load().then(async () => {\n  here();\n});',
      'async-function: async () => {',
    ],
  ])('%s', (_title, code, expected) => expectContext(code, expected));
});

describe('findExecutionContext: event-loop callbacks', () => {
  it.each([
    ['global setTimeout', 'setTimeout(() => {\n  here();\n}, 10);', 'event-loop-callback: () => {'],
    [
      'global setInterval',
      'setInterval(function tick() {\n  here();\n}, 10);',
      'event-loop-callback: function tick() {',
    ],
    ['global setImmediate', 'setImmediate(() => here());', 'event-loop-callback: () => here()'],
    ['queueMicrotask', 'queueMicrotask(() => here());', 'event-loop-callback: () => here()'],
    ['process.nextTick', 'process.nextTick(() => here());', 'event-loop-callback: () => here()'],
    ['globalThis.setTimeout', 'globalThis.setTimeout(() => here());', 'event-loop-callback: () => here()'],
    [
      'timers module, named',
      "import { setTimeout } from 'node:timers';\nsetTimeout(() => here(), 5);",
      'event-loop-callback: () => here()',
    ],
    [
      'timers module, namespace',
      "import timers from 'timers';\ntimers.setImmediate(() => here());",
      'event-loop-callback: () => here()',
    ],
    [
      'process module nextTick',
      "import { nextTick } from 'node:process';\nnextTick(() => here());",
      'event-loop-callback: () => here()',
    ],
    ['.on listener', "emitter.on('data', (chunk) => {\n  here();\n});", 'event-loop-callback: (chunk) => {'],
    ['.once listener', "stream.once('end', () => here());", 'event-loop-callback: () => here()'],
    [
      '.addEventListener',
      "button.addEventListener('click', function () {\n  here();\n});",
      'event-loop-callback: function () {',
    ],
    [
      'http.createServer handler',
      "import http from 'node:http';\nhttp.createServer((req, res) => {\n  here();\n});",
      'event-loop-callback: (req, res) => {',
    ],
    [
      'createServer handler after options',
      "import { createServer } from 'https';\ncreateServer(options, (req, res) => {\n  here();\n});",
      'event-loop-callback: (req, res) => {',
    ],
    [
      'an async timer callback is an async function',
      'setTimeout(async () => {\n  here();\n});',
      'async-function: async () => {',
    ],
  ])('%s', (_title, code, expected) => expectContext(code, expected));

  it('timers through require', () => {
    const code = "const { setTimeout } = require('timers');\nsetTimeout(() => here(), 5);";
    expect(contextAt({ code, filename: 'file.cjs' })).toBe('event-loop-callback: () => here()');
  });

  it('globals declared in languageOptions', () => {
    expectContext('setTimeout(() => here());', 'event-loop-callback: () => here()', {
      globals: { setTimeout: 'readonly', process: 'readonly' },
    });
  });

  it.each([
    [
      'a local setTimeout function',
      'function setTimeout(callback) {\n  callback();\n}\nsetTimeout(() => here());',
      'sync-function: () => here()',
    ],
    [
      'a setTimeout parameter',
      'function later(setTimeout) {\n  setTimeout(() => here());\n}',
      'sync-function: () => here()',
    ],
    ['a method named setTimeout', 'clock.setTimeout(() => here());', 'sync-function: () => here()'],
    ['the delay argument position', 'setTimeout(0, () => here());', 'sync-function: () => here()'],
    ['.on with the callback first', 'router.on(() => here());', 'sync-function: () => here()'],
    [
      'createServer of an unrelated module',
      "import { createServer } from 'vite';\ncreateServer(() => here());",
      'sync-function: () => here()',
    ],
  ])('not an event-loop callback: %s', (_title, code, expected) => expectContext(code, expected));
});

describe('findExecutionContext: callbacks that run inside their caller are looked through', () => {
  it.each([
    [
      'arr.map in an async function',
      'async function load(ids) {\n  ids.map((id) => {\n    here();\n  });\n}',
      'async-function: async function load(ids) {',
    ],
    [
      'arr.forEach with a function expression',
      'async function load(ids) {\n  ids.forEach(function (id) { here(); });\n}',
      'async-function: async function load(ids) {',
    ],
    [
      'nested array callbacks',
      'async function load(rows) {\n  rows.filter((r) => r.ok).map((r) => r.items.some((i) => here()));\n}',
      'async-function: async function load(rows) {',
    ],
    [
      'Array.from mapper',
      'async function load(ids) {\n  Array.from(ids, (id) => here());\n}',
      'async-function: async function load(ids) {',
    ],
    ['IIFE', 'async function load() {\n  (() => {\n    here();\n  })();\n}', 'async-function: async function load() {'],
    [
      'function-expression IIFE',
      'async function load() {\n  (function () {\n    here();\n  })();\n}',
      'async-function: async function load() {',
    ],
    [
      'new Promise executor',
      'async function load() {\n  return new Promise((resolve) => {\n    here();\n  });\n}',
      'async-function: async function load() {',
    ],
    ['new Promise executor at top level', 'new Promise((resolve) => here());', 'module'],
    [
      'arr.map inside a timer callback',
      'setTimeout(() => {\n  ids.map((id) => here());\n});',
      'event-loop-callback: () => {',
    ],
    [
      'arr.map inside a sync function',
      'function load(ids) {\n  ids.map((id) => here());\n}',
      'sync-function: function load(ids) {',
    ],
    ['arr.map at top level', 'ids.map((id) => here());', 'module'],
    [
      'an async mapper is its own async function',
      'function load(ids) {\n  ids.map(async (id) => here());\n}',
      'async-function: async (id) => here()',
    ],
  ])('%s', (_title, code, expected) => expectContext(code, expected));

  it.each([
    [
      'a local Promise class',
      'class Promise {\n  constructor(run) {}\n}\nasync function load() {\n  new Promise(() => here());\n}',
      'sync-function: () => here()',
    ],
    [
      'a callback stored for later',
      'async function load() {\n  const later = () => here();\n}',
      'sync-function: () => here()',
    ],
    // Only inline callbacks are classified: a named handler is classified where it is defined.
    [
      'a named function later passed to a timer',
      'function tick() {\n  here();\n}\nsetTimeout(tick, 10);',
      'sync-function: function tick() {',
    ],
    [
      'a class field arrow inside an async function',
      'async function load() {\n  class Job {\n    run = () => here();\n  }\n}',
      'sync-function: () => here()',
    ],
    [
      'the second argument of map (thisArg position)',
      'async function load(ids) {\n  ids.map(fn, () => here());\n}',
      'sync-function: () => here()',
    ],
  ])('not looked through: %s', (_title, code, expected) => expectContext(code, expected));
});

describe('findExecutionContext: TypeScript', () => {
  it.each([
    [
      'generic async arrow',
      'const load = async <T>(id: T): Promise<T> => {\n  here();\n  return id;\n};',
      'async-function: async <T>(id: T): Promise<T> => {',
    ],
    [
      'callback wrapped in a type assertion',
      "emitter.on('data', ((chunk: Buffer) => here()) as Listener);",
      'event-loop-callback: (chunk: Buffer) => here()',
    ],
    [
      'non-null callee of a map',
      'async function load(ids?: string[]) {\n  ids!.map((id) => here());\n}',
      'async-function: async function load(ids?: string[]) {',
    ],
  ])('%s', (_title, code, expected) => {
    expect(contextAt({ code, filename: 'file.ts' })).toBe(expected);
  });
});

describe('EVENT_LOOP_CALLBACK_APIS catalogue', () => {
  it('names functions that exist in the running Node for every module row', async () => {
    const missing = await missingNodeFunctions(EVENT_LOOP_CALLBACK_APIS);
    expect(missing).toEqual([]);
  });
});
