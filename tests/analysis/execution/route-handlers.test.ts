import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { findExecutionContext } from '../../../src/analysis/execution/execution-context.js';
import { runsInRequestHandler } from '../../../src/analysis/execution/route-handlers.js';
import { HERE, probe } from '../harness.js';

/** The execution kind at every `here()`. */
function kinds(code: string, filename?: string): string[] {
  return probe(
    { code, ...(filename ? { filename } : {}) },
    HERE,
    (context, node: TSESTree.Node) => findExecutionContext(context, node).kind,
  );
}

describe('route handlers of HTTP frameworks', () => {
  it.each([
    [
      'express app verbs and use',
      "import express from 'express';\nconst app = express();\napp.get('/', (req, res) => here());\napp.use(function (req, res, next) { here(); });",
    ],
    [
      'an express Router and route(path) chains',
      "import { Router } from 'express';\nconst router = Router();\nrouter.route('/users').post((req, res) => here());\nrouter.param('id', (req, res, next, id) => here());",
    ],
    [
      'koa and @koa/router',
      "import Koa from 'koa';\nimport Router from '@koa/router';\nconst app = new Koa();\nconst router = new Router();\napp.use((ctx, next) => here());\nrouter.get('/', (ctx) => here());",
    ],
    [
      'fastify verbs, with route options',
      "import Fastify from 'fastify';\nconst server = Fastify();\nserver.get('/', { schema: {} }, (request, reply) => here());",
    ],
  ])('%s run on the event loop', (_name, code) => {
    expect(new Set(kinds(code))).toEqual(new Set(['event-loop-callback']));
  });

  it('CommonJS require of express', () => {
    expect(
      kinds(
        "const express = require('express');\nconst app = express();\napp.post('/x', (req, res) => here());",
        'file.cjs',
      ),
    ).toEqual(['event-loop-callback']);
  });

  it.each([
    [
      'a lookalike app',
      "import { makeApp } from './app.js';\nconst app = makeApp();\napp.get('/', (req, res) => here());",
      'sync-function',
    ],
    [
      'an app setting read, then a sync callback',
      "import express from 'express';\nconst app = express();\n[app.get('env')].map(() => here());",
      'module',
    ],
    [
      'a method that registers nothing',
      "import express from 'express';\nconst app = express();\napp.disable('x', () => here());",
      'sync-function',
    ],
  ])('%s is not a handler', (_name, code, kind) => {
    expect(kinds(code)).toEqual([kind]);
  });
});

describe('runsInRequestHandler', () => {
  /** `runsInRequestHandler` at every `here()`. */
  const inHandler = (code: string): boolean[] => probe({ code }, HERE, runsInRequestHandler);

  it('a route handler of a known framework, an http server handler, and the functions inside them', () => {
    expect(
      inHandler(
        "import express from 'express';\nimport http from 'node:http';\nimport { createServer } from 'node:https';\nconst app = express();\napp.get('/', async (req, res) => { here(); [1].map(() => here()); });\nhttp.createServer((req, res) => here());\nconst server = createServer();\nserver.on('request', (req, res) => here());\nserver.on('listening', () => here());",
      ),
    ).toEqual([true, true, true, true, false]);
  });

  it('anything else: a listener, a plain function, an app of another file', () => {
    expect(
      inHandler(
        "import { app } from './app.js';\nemitter.on('x', () => here());\nasync function launch() { here(); }\napp.get('/', () => here());",
      ),
    ).toEqual([false, false, false]);
  });
});
