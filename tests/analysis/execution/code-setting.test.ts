import { describe, expect, it } from 'vitest';

import { findCodeSetting } from '../../../src/analysis/execution/code-setting.js';
import { HERE, probeOne, type Snippet } from '../harness.js';

/** `setting: reason` at the marker call `here()`. */
function settingAt(snippet: Snippet): string {
  return probeOne(snippet, HERE, (context) => {
    const { setting, reason } = findCodeSetting(context);
    return `${setting}: ${reason}`;
  });
}

const serving = 'serving: no sign of a test or a one-shot script';

describe('findCodeSetting', () => {
  it('serves by default: a library never knows its caller', () => {
    expect(settingAt({ code: 'export async function load() { here(); }' })).toBe(serving);
  });

  it('finds test files by name and folder, inside the package only', () => {
    const code = 'export async function load() { here(); }';
    expect(settingAt({ code, filename: 'user.test.ts' })).toBe('test: the file name follows test conventions');
    expect(settingAt({ code, filename: 'src/__tests__/user.ts' })).toBe('test: the file name follows test conventions');
    expect(settingAt({ code, filename: 'test/helpers.js' })).toBe('test: the file name follows test conventions');
    // The fixtures folder itself sits under the repository's `tests/`: that is outside its package.
    expect(settingAt({ code, filename: 'src/tests-util.js' })).toBe(serving);
  });

  it('takes spec, e2e and fixtures folders for tests at the package root only', () => {
    const code = 'export async function load() { here(); }';
    expect(settingAt({ code, filename: 'spec/support/db.js' })).toBe('test: the file name follows test conventions');
    expect(settingAt({ code, filename: 'fixtures/users.js' })).toBe('test: the file name follows test conventions');
    expect(settingAt({ code, filename: 'test/fixtures/users.js' })).toBe(
      'test: the file name follows test conventions',
    );
    // A server's default content and a parser's domain are its own code.
    expect(settingAt({ code, filename: 'core/data/schema/fixtures/fixture-manager.js' })).toBe(serving);
    expect(settingAt({ code, filename: 'src/spec/openapi-reader.js' })).toBe(serving);
    expect(settingAt({ code, filename: 'lib/e2e/tunnel.js' })).toBe(serving);
  });

  it('finds test files by their registrations, by origin', () => {
    const registered = ["import { it } from 'vitest';", "it('loads', async () => { here(); });"].join('\n');
    expect(settingAt({ code: registered })).toBe('test: the file registers tests');
    const local = ['function it(name, fn) { return fn; }', "it('loads', async () => { here(); });"].join('\n');
    expect(settingAt({ code: local })).toBe(serving);
  });

  it('takes any file with a registration for test code, wherever it is', () => {
    const code = [
      "import { test } from 'node:test';",
      'export function defineCases() {',
      "  test('loads', async () => { here(); });",
      '}',
    ].join('\n');
    expect(settingAt({ code, filename: 'src/cases.js' })).toBe('test: the file registers tests');
  });

  it('finds one-shot scripts by folder, bin entry and command-line framework', () => {
    const code = 'export async function up() { here(); }';
    expect(settingAt({ code, filename: 'migrations/001-users.js' })).toBe(
      'script: the file sits in a scripts, bin or migrations folder',
    );
    expect(settingAt({ code, filename: 'src/upgrades/3.0/move-avatars.js' })).toBe(
      'script: the file sits in a scripts, bin or migrations folder',
    );
    expect(settingAt({ code, filename: 'scripts/release.js' })).toBe(
      'script: the file sits in a scripts, bin or migrations folder',
    );
    // Deeper, a scripts folder is the library's own: bullmq's wrappers of the Lua scripts its queues run.
    expect(settingAt({ code, filename: 'dist/esm/scripts/addJob-9.js' })).toBe(serving);
    expect(settingAt({ code, filename: 'projects/cli-package/lib/tool.js' })).toBe(
      'script: the file is a `bin` entry of its package',
    );
    expect(settingAt({ code, filename: 'projects/cli-package/lib/other.js' })).toBe(serving);
    const cli = ["import { program } from 'commander';", 'program.action(async () => { here(); });'].join('\n');
    expect(settingAt({ code: cli })).toBe('script: the file defines a command-line program');
    const yargs = ["const yargs = require('yargs');", 'yargs.command("x", "", {}, async () => { here(); });'].join(
      '\n',
    );
    expect(settingAt({ code: yargs, filename: 'file.cjs' })).toBe('script: the file defines a command-line program');
  });

  it('finds yargs command modules by their members: a class, an object, exports', () => {
    const reason = 'script: the file defines a command module (`command`, `builder`, `handler`)';
    const tsClass = [
      'export class PruneCommand {',
      "  command = 'prune <days>';",
      '  builder(args: any) { return args; }',
      '  async handler() { here(); }',
      '}',
    ].join('\n');
    expect(settingAt({ code: tsClass, filename: 'file.ts' })).toBe(reason);
    // Compiled: the fields are set in the constructor.
    const compiled = [
      'class PruneCommand {',
      "  constructor() { this.command = 'prune <days>'; this.describe = 'Prunes'; }",
      '  builder(args) { return args; }',
      '  async handler() { here(); }',
      '}',
      'exports.PruneCommand = PruneCommand;',
    ].join('\n');
    expect(settingAt({ code: compiled, filename: 'file.cjs' })).toBe(reason);
    const object = "export default { command: 'serve', builder: {}, handler: async () => { here(); } };";
    expect(settingAt({ code: object })).toBe(reason);
    const exportsForm = [
      "exports.command = 'get <key>';",
      'exports.builder = {};',
      'exports.handler = async function () { here(); };',
    ].join('\n');
    expect(settingAt({ code: exportsForm, filename: 'file.cjs' })).toBe(reason);
  });

  it('keeps a chat bot command, which has no builder, serving', () => {
    const code = "export const ping = { command: '/ping', description: 'Pong', handler: async () => { here(); } };";
    expect(settingAt({ code })).toBe(serving);
  });

  it("reads a script's top level: shebang, top-level await, process.exit, a main-module check", () => {
    const body = 'async function main() { here(); }';
    expect(settingAt({ code: `#!/usr/bin/env node\n${body}\nmain();` })).toBe('script: the file starts with a shebang');
    expect(settingAt({ code: `${body}\nawait main();` })).toBe('script: the file awaits its work at the top level');
    expect(settingAt({ code: `${body}\nmain().then(() => process.exit(0));\nprocess.exit(1);` })).toBe(
      'script: the file exits the process at the top level',
    );
    expect(settingAt({ code: `import process from 'node:process';\n${body}\nawait main();\nprocess.exit(0);` })).toBe(
      'script: the file awaits its work at the top level',
    );
    expect(settingAt({ code: `import process from 'node:process';\n${body}\nmain();\nprocess.exit(0);` })).toBe(
      'script: the file exits the process at the top level',
    );
    expect(
      settingAt({
        code: 'module.exports = function () { here(); process?.exit(); };',
        filename: 'file.cjs',
      }),
    ).toBe('script: the function the file exports exits the process when it is done');
    expect(settingAt({ code: `process.title = 'app worker';\n${body}\nmain();` })).toBe(
      'script: the file names the process it runs in (`process.title = …`)',
    );
    expect(settingAt({ code: `const process = { title: '' };\nprocess.title = 'x';\n${body}` })).toBe(serving);
    expect(settingAt({ code: `${body}\nif (require.main === module) main();`, filename: 'file.cjs' })).toBe(
      'script: the file runs itself when executed directly',
    );
    expect(
      settingAt({ code: `${body}\nif (import.meta.url === pathToFileURL(process.argv[1]).href) await main();` }),
    ).toBe('script: the file runs itself when executed directly');
  });

  it('finds a command a command-line tool loads: its exported function exits the process when done', () => {
    const reason = 'script: the function the file exports exits the process when it is done';
    const command = [
      'const main = async function ({ directory }) {',
      '  try {',
      '    here(directory);',
      '    process.exit();',
      '  } catch (error) {',
      '    console.error(error);',
      '    process.exit(1);',
      '  }',
      '};',
      'exports.default = main;',
    ].join('\n');
    expect(settingAt({ code: command, filename: 'file.cjs' })).toBe(reason);
    expect(settingAt({ code: 'export default async function () { here(); process.exit(0); }' })).toBe(reason);
    expect(
      settingAt({
        code: 'async function run() { here(); process.exit(); }\nmodule.exports = run;',
        filename: 'file.cjs',
      }),
    ).toBe(reason);
  });

  it('keeps serving a file whose exit ends a failure, a listener or a function it does not export', () => {
    // Exit on failure only (startup that gives up); a shutdown listener; an exported function that is not the default.
    expect(
      settingAt({ code: 'export default async function start() { try { here(); } catch { process.exit(1); } }' }),
    ).toBe(serving);
    expect(
      settingAt({
        code: "async function shutdown() { here(); process.exit(0); }\nprocess.on('SIGTERM', shutdown);\nexport default function start() {}",
      }),
    ).toBe(serving);
    expect(settingAt({ code: 'export async function stop() { here(); process.exit(0); }' })).toBe(serving);
    // Another export: a helper a server may import and call per request.
    expect(
      settingAt({
        code: 'export function render() { here(); }\nexport default async function serve() { await listen(); process.exit(0); }',
      }),
    ).toBe(serving);
    expect(
      settingAt({
        code: 'exports.render = function () { here(); };\nexports.default = async function () { await run(); process.exit(); };',
        filename: 'file.cjs',
      }),
    ).toBe(serving);
    // A request handler file serves, whatever its export does.
    const routes = [
      "import express from 'express';",
      'const app = express();',
      "app.get('/', async (req, res) => { here(); });",
      'export default function close() { process.exit(0); }',
    ].join('\n');
    expect(settingAt({ code: routes })).toBe(serving);
  });

  it('does not take a look-alike for a script', () => {
    const body = 'async function main() { here(); }';
    // A local `process` is not Node's; an exit inside a function is not the file's top level.
    expect(settingAt({ code: `${body}\nconst process = { exit() {} };\nprocess.exit(1);` })).toBe(serving);
    expect(settingAt({ code: `${body}\nfunction stop() { process.exit(1); }` })).toBe(serving);
  });

  it('keeps a file that registers request handlers serving, whatever its top level does', () => {
    const code = [
      "import express from 'express';",
      'const app = express();',
      "app.get('/', async (req, res) => { here(); });",
      'await app.listen(3000);',
    ].join('\n');
    expect(settingAt({ code })).toBe(serving);
  });

  it('answers the same with type information', () => {
    const code = ["import { it } from 'vitest';", "it('loads', async () => { here(); });"].join('\n');
    expect(settingAt({ code, typed: true })).toBe('test: the file registers tests');
    expect(settingAt({ code: 'export async function load() { here(); }', typed: true })).toBe(serving);
  });

  it('computes the file setting once per file', () => {
    const code = 'here();';
    const same = probeOne({ code }, HERE, (context) => findCodeSetting(context) === findCodeSetting(context));
    expect(same).toBe(true);
  });
});
