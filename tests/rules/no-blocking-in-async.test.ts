import rule from '../../src/rules/no-blocking-in-async.js';
import { runRuleTests } from '../rule-tester.js';

runRuleTests('no-blocking-in-async', rule, {
  valid: [
    // Startup code, CLIs and build scripts read files synchronously on purpose.
    "import fs from 'node:fs';\nconst config = JSON.parse(fs.readFileSync('config.json', 'utf8'));",
    "import { readFileSync } from 'node:fs';\nexport function loadConfig(path: string) { return readFileSync(path, 'utf8'); }",
    "import { execSync } from 'node:child_process';\nexport function gitSha() { return execSync('git rev-parse HEAD').toString().trim(); }",
    // A command a command-line tool loads: its exported function exits the process when done (checkScripts is off).
    {
      filename: 'file.cjs',
      code: "const { globSync } = require('glob');\nconst main = async function ({ directory }) {\n  try {\n    for (const file of globSync(`${directory}/src/**/*.ts`)) await compile(file);\n    process.exit();\n  } catch (error) {\n    console.error(error);\n    process.exit(1);\n  }\n};\nexports.default = main;",
    },
    // Kernel pseudo-files: the kernel answers a read of `/proc` or `/sys` from memory, with no disk to wait for.
    "import fs from 'node:fs';\nexport async function memory() { return fs.readFileSync('/proc/meminfo', 'utf8'); }",
    "import { readFileSync, readdirSync } from 'node:fs';\nconst STAT = '/proc/self/stat';\nexport async function sample(pid: number) {\n  const own = readFileSync(STAT, 'utf8');\n  const other = readFileSync(`/proc/${pid}/stat`, 'utf8');\n  const links = readdirSync('/sys/class/net/' + 'eth0');\n  return [own, other, links];\n}",
    "const fse = require('fs-extra');\nmodule.exports = async function limits() { return fse.readFileSync('/sys/fs/cgroup/memory.max', 'utf8'); };",
    // checkAllFunctions never reaches module top level.
    {
      code: "import fs from 'node:fs';\nfs.mkdirSync('dist', { recursive: true });",
      options: [{ checkAllFunctions: true }],
    },
    // Lookalikes: a user's own *Sync names, libraries whose runSync is not I/O, a local `fs`.
    'function readFileSync(path: string) { return path; }\nasync function load(path: string) { return readFileSync(path); }',
    "import { jsonSync } from './json.js';\nasync function parse(text: string) { return jsonSync.parseSync(text); }",
    "import { Effect } from 'effect';\nasync function run() { return Effect.runSync(Effect.succeed(1)); }",
    'const fs = { readFileSync: (path: string) => path };\nasync function load(path: string) { return fs.readFileSync(path); }',
    "import { readFileSync } from './cache.js';\nasync function load(path: string) { return readFileSync(path); }",
    // The promise API is the fix, not the problem.
    "import fs from 'node:fs';\nasync function load(path: string) { return fs.promises.readFile(path, 'utf8'); }",
    "import { readFile } from 'node:fs/promises';\nasync function load(path: string) { return readFile(path, 'utf8'); }",
    // Small random buffers are cheap; a callback makes the call asynchronous.
    "import { randomBytes } from 'node:crypto';\nasync function token() { return randomBytes(32).toString('hex'); }",
    "import crypto from 'node:crypto';\nconst SIZE = 1024;\nasync function token() { return crypto.randomBytes(SIZE); }",
    "import crypto from 'node:crypto';\nasync function token(size: number) { crypto.randomBytes(size, (error, buffer) => buffer); }",
    "import { randomFillSync } from 'node:crypto';\nasync function nonce() { return randomFillSync(new Uint32Array(4)); }",
    // A time-budgeted work loop is doing work, not waiting.
    'async function drain(queue: (() => void)[]) { const start = performance.now(); while (performance.now() - start < 5) { queue.shift()?.(); } }',
    // A loop that awaits is not busy.
    "import { setTimeout as sleep } from 'node:timers/promises';\nasync function wait(end: number) { while (Date.now() < end) { await sleep(10); } }",
    'async function count(end: Date) { for (let day = new Date(0); day < end; ) { break; } }',
    // Synchronous-by-design drivers are reported only with checkSyncByDesignApis (strict).
    "import Database from 'better-sqlite3';\nconst db = new Database('app.db');\nasync function find(id: number) { return db.prepare('SELECT * FROM users WHERE id = ?').get(id); }",
    "import { ipcRenderer } from 'electron';\nasync function theme() { return ipcRenderer.sendSync('get-theme'); }",
    // Without types a handle handed in as a parameter cannot be traced to better-sqlite3.
    {
      mode: 'untyped',
      code: "import type Database from 'better-sqlite3';\nexport class Repo {\n  constructor(private readonly db: Database) {}\n  async find(id: number) { return this.db.prepare('SELECT 1').get(id); }\n}",
      options: [{ checkSyncByDesignApis: true }],
    },
    // With types, a lookalike `get` on another module's object stays quiet.
    {
      code: "import type { Map as Cache } from './cache.js';\nexport async function find(cache: Cache, db: { prepare(sql: string): { get(): unknown } }) { return db.prepare('x').get(); }",
      options: [{ checkSyncByDesignApis: true }],
    },
    // allow: by module and name, or a whole module.
    {
      code: "import fs from 'node:fs';\nasync function has(path: string) { return fs.existsSync(path); }",
      options: [{ allow: [{ module: 'fs', name: 'existsSync' }] }],
    },
    {
      code: "import { spawnSync } from 'child_process';\nasync function run() { spawnSync('ls'); }",
      options: [{ allow: [{ module: 'node:child_process' }] }],
    },
    {
      code: 'async function pause(cell: Int32Array) { Atomics.wait(cell, 0, 0, 10); }',
      options: [{ allow: [{ name: 'Atomics.wait' }] }],
    },
    // Without checkLocalHelpers a sync helper is only reported where it runs on the event loop.
    "import fs from 'node:fs';\nfunction log(line: string) { fs.appendFileSync('app.log', line); }\nasync function handle() { log('hit'); }",
    // A helper that hands the blocking call to the event loop does not run it when called.
    {
      code: "import fs from 'node:fs';\nfunction later(path: string) { return () => fs.readFileSync(path); }\nasync function handle() { later('a'); }",
      options: [{ checkLocalHelpers: true }],
    },
    // A sync generator's body is not on the event loop unless checkAllFunctions says so.
    "import fs from 'node:fs';\nfunction* lines(path: string) { yield* fs.readFileSync(path, 'utf8').split('\\n'); }",
    // Exit and crash handlers must finish synchronously: a sync write is the only one sure to land.
    {
      code: "import fs from 'node:fs';\nprocess.on('exit', () => { fs.writeFileSync('state.json', '{}'); });\nprocess.once('uncaughtException', (error) => { fs.appendFileSync('crash.log', String(error)); process.exit(1); });",
      options: [{ checkAllFunctions: true }],
    },
    // An app from somewhere else: its handlers are plain functions to this file.
    "import fs from 'node:fs';\nimport { app } from './app.js';\napp.get('/', (req, res) => res.send(fs.readFileSync('index.html')));",
    // Bun and Deno async forms.
    "async function pause() { await Bun.sleep(10); return Deno.readTextFile('a.txt'); }",
    // A single metadata call (exists, stat, access) on a one-off path costs microseconds: reported with checkMetadataCalls.
    "import { existsSync, statSync } from 'node:fs';\nimport { spawn } from 'node:child_process';\nexport async function launch(binary: string, profile: string) {\n  if (!existsSync(binary)) throw new Error(`no browser at ${binary}`);\n  const fresh = statSync(profile).mtimeMs > Date.now() - 60_000;\n  return spawn(binary, [fresh ? '--reuse' : '--reset']);\n}",
    // One change of a directory entry or a file's attributes (unlink, rename, mkdir -p, chmod) is priced as a stat.
    "import fs from 'node:fs';\nimport fse from 'fs-extra';\nimport { sync as mkdirp } from 'mkdirp';\nexport async function finish(job: { dir: string; lock: string; out: string }) {\n  fs.mkdirSync(job.dir, { recursive: true });\n  fse.ensureDirSync(`${job.dir}/logs`);\n  mkdirp(`${job.dir}/tmp`);\n  fs.renameSync(`${job.out}.part`, job.out);\n  fs.chmodSync(job.out, 0o644);\n  fs.unlinkSync(job.lock);\n}",
    // Per element of a short list written in the code: it does not grow with the input.
    "import fs from 'node:fs';\nconst BACKUPS = ['prefs.js', 'user.js'];\nexport async function restore(dir: string) {\n  await Promise.all(BACKUPS.map(async (file) => {\n    if (fs.existsSync(`${dir}/${file}.bak`)) await fs.promises.rename(`${dir}/${file}.bak`, `${dir}/${file}`);\n  }));\n  for (const name of ['lock', 'pid']) fs.accessSync(`${dir}/${name}`);\n}",
  ],
  invalid: [
    // An entry change per element adds up; a recursive removal may walk a tree, so it is never priced as metadata.
    {
      code: "import fs from 'node:fs';\nimport fse from 'fs-extra';\nexport async function clean(dir: string, files: string[]) {\n  for (const file of files) fs.unlinkSync(`${dir}/${file}`);\n  fs.rmSync(`${dir}/cache`, { recursive: true, force: true });\n  fse.removeSync(`${dir}/tmp`);\n}",
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          data: {
            api: 'fs.unlinkSync()',
            where: 'in this async function',
            effect: 'nothing else runs until the disk answers',
            hint: 'Use `fs.promises.unlink()`.',
          },
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import fs from 'node:fs';\nimport fse from 'fs-extra';\nexport async function clean(dir: string, files: string[]) {\n  for (const file of files) await fs.promises.unlink(`${dir}/${file}`);\n  fs.rmSync(`${dir}/cache`, { recursive: true, force: true });\n  fse.removeSync(`${dir}/tmp`);\n}",
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 5,
          data: {
            api: 'fs.rmSync()',
            where: 'in this async function',
            effect: 'nothing else runs until the disk answers',
            hint: 'Use `fs.promises.rm()`.',
          },
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import fs from 'node:fs';\nimport fse from 'fs-extra';\nexport async function clean(dir: string, files: string[]) {\n  for (const file of files) fs.unlinkSync(`${dir}/${file}`);\n  await fs.promises.rm(`${dir}/cache`, { recursive: true, force: true });\n  fse.removeSync(`${dir}/tmp`);\n}",
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 6,
          data: {
            api: 'fse.removeSync()',
            where: 'in this async function',
            effect: 'nothing else runs until the disk answers',
            hint: 'Use `fse.remove()`, which returns a promise.',
          },
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import fs from 'node:fs';\nimport fse from 'fs-extra';\nexport async function clean(dir: string, files: string[]) {\n  for (const file of files) fs.unlinkSync(`${dir}/${file}`);\n  fs.rmSync(`${dir}/cache`, { recursive: true, force: true });\n  await fse.remove(`${dir}/tmp`);\n}",
            },
          ],
        },
      ],
    },
    // Compiled CommonJS: the module passes through TypeScript's interop helper (`esModuleInterop`).
    {
      filename: 'file.cjs',
      code: "const fs_1 = __importDefault(require('fs'));\nasync function load(path) {\n  return fs_1.default.readFileSync(path);\n}\nexports.load = load;",
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          data: {
            api: 'fs_1.default.readFileSync()',
            where: 'in this async function',
            effect: 'nothing else runs until the disk answers',
            hint: 'Use `fs.promises.readFile()`.',
          },
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "const fs_1 = __importDefault(require('fs'));\nasync function load(path) {\n  return await fs_1.default.promises.readFile(path);\n}\nexports.load = load;",
            },
          ],
        },
      ],
    },
    // With checkMetadataCalls (strict), the single unlink too.
    {
      code: "import { unlinkSync } from 'node:fs';\nexport async function release(lock: string) {\n  unlinkSync(lock);\n}",
      options: [{ checkMetadataCalls: true }],
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          data: {
            api: 'unlinkSync()',
            where: 'in this async function',
            effect: 'nothing else runs until the disk answers',
            hint: 'Use `fs.promises.unlink()`.',
          },
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import { unlink } from 'node:fs/promises';\nexport async function release(lock: string) {\n  await unlink(lock);\n}",
            },
          ],
        },
      ],
    },
    // Metadata calls that repeat with the data, or run for every request, are reported by default.
    {
      code: "import fs from 'node:fs';\nexport async function present(paths: string[]) {\n  const found: string[] = [];\n  for (const path of paths) if (fs.existsSync(path)) found.push(path);\n  return found;\n}",
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          data: {
            api: 'fs.existsSync()',
            where: 'in this async function',
            effect: 'nothing else runs until the disk answers',
            hint: 'Use `fs.promises.access()` (it rejects when the path is missing).',
          },
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              data: { twin: '`access(path).then(() => true, () => false)`' },
              output:
                "import fs from 'node:fs';\nexport async function present(paths: string[]) {\n  const found: string[] = [];\n  for (const path of paths) if (await fs.promises.access(path).then(() => true, () => false)) found.push(path);\n  return found;\n}",
            },
          ],
        },
      ],
    },
    {
      code: "import { statSync } from 'node:fs';\nexport async function sizes(files: string[]) {\n  return files.map((file) => statSync(file).size);\n}",
      // No rewrite: an async `map` callback would hand back promises instead of sizes.
      errors: [{ messageId: 'blocking', line: 3, suggestions: [] }],
    },
    {
      code: "import express from 'express';\nimport { existsSync } from 'node:fs';\nconst app = express();\napp.get('/avatar/:id', async (req, res) => {\n  if (!existsSync(`avatars/${req.params.id}.png`)) return res.sendStatus(404);\n  res.sendFile(`avatars/${req.params.id}.png`);\n});",
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import express from 'express';\nimport { access } from 'node:fs/promises';\nconst app = express();\napp.get('/avatar/:id', async (req, res) => {\n  if (!await access(`avatars/${req.params.id}.png`).then(() => true, () => false)) return res.sendStatus(404);\n  res.sendFile(`avatars/${req.params.id}.png`);\n});",
            },
          ],
        },
      ],
    },
    // The same command, with checkScripts.
    {
      filename: 'file.cjs',
      code: "const { globSync } = require('glob');\nconst main = async function ({ directory }) {\n  try {\n    for (const file of globSync(`${directory}/src/**/*.ts`)) await compile(file);\n    process.exit();\n  } catch (error) {\n    console.error(error);\n    process.exit(1);\n  }\n};\nexports.default = main;",
      options: [{ checkScripts: true }],
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "const { glob } = require('glob');\nconst main = async function ({ directory }) {\n  try {\n    for (const file of await glob(`${directory}/src/**/*.ts`)) await compile(file);\n    process.exit();\n  } catch (error) {\n    console.error(error);\n    process.exit(1);\n  }\n};\nexports.default = main;",
            },
          ],
        },
      ],
    },
    // Not a kernel pseudo-file read: a write there, a path that only starts alike, a path known only at run time.
    {
      code: "import fs from 'node:fs';\nexport async function gpio(pin: number, dir: string) {\n  fs.writeFileSync('/sys/class/gpio/export', String(pin));\n  fs.readFileSync('/processes.json', 'utf8');\n  return fs.readFileSync(`${dir}/proc/meminfo`, 'utf8');\n}",
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import fs from 'node:fs';\nexport async function gpio(pin: number, dir: string) {\n  await fs.promises.writeFile('/sys/class/gpio/export', String(pin));\n  fs.readFileSync('/processes.json', 'utf8');\n  return fs.readFileSync(`${dir}/proc/meminfo`, 'utf8');\n}",
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 4,
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import fs from 'node:fs';\nexport async function gpio(pin: number, dir: string) {\n  fs.writeFileSync('/sys/class/gpio/export', String(pin));\n  await fs.promises.readFile('/processes.json', 'utf8');\n  return fs.readFileSync(`${dir}/proc/meminfo`, 'utf8');\n}",
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 5,
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import fs from 'node:fs';\nexport async function gpio(pin: number, dir: string) {\n  fs.writeFileSync('/sys/class/gpio/export', String(pin));\n  fs.readFileSync('/processes.json', 'utf8');\n  return await fs.promises.readFile(`${dir}/proc/meminfo`, 'utf8');\n}",
            },
          ],
        },
      ],
    },
    // --- node:fs, every import style -------------------------------------------------------------
    {
      code: "import fs from 'node:fs';\nasync function load(path: string) {\n  return fs.readFileSync(path, 'utf8');\n}",
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          data: {
            api: 'fs.readFileSync()',
            where: 'in this async function',
            effect: 'nothing else runs until the disk answers',
            hint: 'Use `fs.promises.readFile()`.',
          },
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import fs from 'node:fs';\nasync function load(path: string) {\n  return await fs.promises.readFile(path, 'utf8');\n}",
            },
          ],
        },
      ],
    },
    {
      code: "import * as fs from 'fs';\nconst load = async (path: string) => JSON.parse(fs.readFileSync(path, 'utf8'));",
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import * as fs from 'fs';\nconst load = async (path: string) => JSON.parse(await fs.promises.readFile(path, 'utf8'));",
            },
          ],
        },
      ],
    },
    // Named import, only use: the import is retargeted to node:fs/promises.
    {
      code: "import { readFileSync } from 'node:fs';\nasync function load(path: string) { return readFileSync(path, 'utf8').trim(); }",
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import { readFile } from 'node:fs/promises';\nasync function load(path: string) { return (await readFile(path, 'utf8')).trim(); }",
            },
          ],
        },
      ],
    },
    // Named import used elsewhere too: the sync specifier stays; the twin merges into an existing import.
    {
      code: "import { readFileSync } from 'fs';\nimport { stat } from 'fs/promises';\nconst banner = readFileSync('banner.txt');\nasync function load(path: string) { return readFileSync(path); }",
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import { readFileSync } from 'fs';\nimport { stat, readFile } from 'fs/promises';\nconst banner = readFileSync('banner.txt');\nasync function load(path: string) { return await readFile(path); }",
            },
          ],
        },
      ],
    },
    // Two specifiers: only the one left unused goes; the twin's name is taken, so it is aliased.
    {
      code: "import { readFileSync, statSync } from 'fs';\nconst readFile = 1;\nasync function load(path: string) { statSync(path); }\nexport const size = readFileSync;",
      // A single metadata call is reported with `checkMetadataCalls` (strict) only.
      options: [{ checkMetadataCalls: true }],
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import { readFileSync } from 'fs';\nimport { stat } from 'node:fs/promises';\nconst readFile = 1;\nasync function load(path: string) { await stat(path); }\nexport const size = readFileSync;",
            },
          ],
        },
      ],
    },
    {
      code: "import { writeFileSync as write } from 'node:fs';\nimport { readFile } from 'node:fs/promises';\nconst writeFile = 0;\nasync function save(data: string) { write('out.txt', data); return readFile('in.txt'); }",
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import { readFile, writeFile as writeFileAsync } from 'node:fs/promises';\nconst writeFile = 0;\nasync function save(data: string) { await writeFileAsync('out.txt', data); return readFile('in.txt'); }",
            },
          ],
        },
      ],
    },
    // CommonJS: require namespace, destructuring, inline require.
    {
      filename: 'file.cjs',
      code: "const fs = require('fs');\nmodule.exports = async function load(path) { return fs.readFileSync(path); };",
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "const fs = require('fs');\nmodule.exports = async function load(path) { return await fs.promises.readFile(path); };",
            },
          ],
        },
      ],
    },
    {
      filename: 'file.cjs',
      code: "const { readdirSync } = require('node:fs');\nconst path = require('node:path');\nexports.list = async (dir) => readdirSync(path.join(dir, 'a'));",
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "const { readdir } = require('node:fs/promises');\nconst path = require('node:path');\nexports.list = async (dir) => await readdir(path.join(dir, 'a'));",
            },
          ],
        },
      ],
    },
    {
      filename: 'file.cjs',
      code: "exports.touch = async (file) => { require('fs').writeFileSync(file, ''); };",
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output: "exports.touch = async (file) => { await require('fs').promises.writeFile(file, ''); };",
            },
          ],
        },
      ],
    },
    // Dynamic import.
    {
      code: "async function load(path: string) { const fs = await import('node:fs'); return fs.readFileSync(path); }",
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "async function load(path: string) { const fs = await import('node:fs'); return await fs.promises.readFile(path); }",
            },
          ],
        },
      ],
    },
    // existsSync → access().then(…): precedence kept under `!`.
    {
      code: "import { existsSync } from 'node:fs';\nasync function ensure(dir: string) { if (!existsSync(dir)) throw new Error(dir); }",
      // A single metadata call is reported with `checkMetadataCalls` (strict) only.
      options: [{ checkMetadataCalls: true }],
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import { access } from 'node:fs/promises';\nasync function ensure(dir: string) { if (!await access(dir).then(() => true, () => false)) throw new Error(dir); }",
            },
          ],
        },
      ],
    },
    {
      code: "import fs from 'node:fs';\nasync function ensure(dir: string) { return fs.existsSync(dir) && dir; }",
      // A single metadata call is reported with `checkMetadataCalls` (strict) only.
      options: [{ checkMetadataCalls: true }],
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import fs from 'node:fs';\nasync function ensure(dir: string) { return await fs.promises.access(dir).then(() => true, () => false) && dir; }",
            },
          ],
        },
      ],
    },
    // File-descriptor APIs have no one-to-one twin: reported, no suggestion.
    {
      code: "import fs from 'node:fs';\nasync function append(fd: number, text: string) { fs.writeSync(fd, text); }",
      errors: [
        {
          messageId: 'blocking',
          data: {
            api: 'fs.writeSync()',
            where: 'in this async function',
            effect: 'nothing else runs until the disk answers',
            hint: 'Use a `FileHandle` from `fs.promises.open()` and its methods.',
          },
          suggestions: [],
        },
      ],
    },
    // fs-extra: its own async forms return promises.
    {
      code: "import fse from 'fs-extra';\nasync function write(file: string, data: object) { fse.outputJsonSync(file, data); }",
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import fse from 'fs-extra';\nasync function write(file: string, data: object) { await fse.outputJson(file, data); }",
            },
          ],
        },
      ],
    },
    {
      code: "import { pathExistsSync, copy } from 'fs-extra';\nasync function sync(from: string) { if (pathExistsSync(from)) await copy(from, 'b'); }",
      // A single metadata call is reported with `checkMetadataCalls` (strict) only.
      options: [{ checkMetadataCalls: true }],
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import { pathExists, copy } from 'fs-extra';\nasync function sync(from: string) { if (await pathExists(from)) await copy(from, 'b'); }",
            },
          ],
        },
      ],
    },

    // Messages name the namespace the way the file does.
    {
      filename: 'file.cjs',
      code: "const fs = require('fs-extra');\nexports.size = async (file) => fs.statSync(file).size;",
      // A single metadata call is reported with `checkMetadataCalls` (strict) only.
      options: [{ checkMetadataCalls: true }],
      errors: [
        {
          messageId: 'blocking',
          data: {
            api: 'fs.statSync()',
            where: 'in this async function',
            effect: 'nothing else runs until the disk answers',
            hint: 'Use `fs.stat()`, which returns a promise.',
          },
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              data: { twin: '`fs.stat()`' },
              output: "const fs = require('fs-extra');\nexports.size = async (file) => (await fs.stat(file)).size;",
            },
          ],
        },
      ],
    },

    // --- contexts: promise callbacks, listeners, servers, timers --------------------------------
    // Only a promise callback may be made async by a suggestion: a listener's, timer's or handler's caller
    // drops the promise, so those are reported with the async twin named in the message and no rewrite.
    {
      code: "import fs from 'node:fs';\nfetchConfig().then((config) => {\n  return fs.readFileSync(config.path);\n});",
      errors: [
        {
          messageId: 'blocking',
          data: {
            api: 'fs.readFileSync()',
            where: 'in this promise callback',
            effect: 'nothing else runs until the disk answers',
            hint: 'Use `fs.promises.readFile()`.',
          },
          suggestions: [
            {
              messageId: 'useAsyncTwinInAsyncCallback',
              output:
                "import fs from 'node:fs';\nfetchConfig().then(async (config) => {\n  return await fs.promises.readFile(config.path);\n});",
            },
          ],
        },
      ],
    },
    {
      code: "import http from 'node:http';\nimport fs from 'node:fs';\nhttp.createServer((req, res) => {\n  res.end(fs.readFileSync('index.html'));\n}).listen(3000);",
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          data: {
            api: 'fs.readFileSync()',
            where: 'in this callback, which the event loop runs',
            effect: 'nothing else runs until the disk answers',
            hint: 'Use `fs.promises.readFile()`.',
          },
          suggestions: [],
        },
      ],
    },
    {
      code: "import fs from 'node:fs';\nserver.on('request', function (req, res) { res.end(fs.readFileSync('a')); });",
      errors: [
        {
          messageId: 'blocking',
          suggestions: [],
        },
      ],
    },
    {
      code: "import { statSync } from 'node:fs';\nsetInterval(() => statSync('heartbeat'), 1000);",
      // A single metadata call is reported with `checkMetadataCalls` (strict) only.
      options: [{ checkMetadataCalls: true }],
      errors: [
        {
          messageId: 'blocking',
          suggestions: [],
        },
      ],
    },
    // Node's error-first callbacks run from the event loop; a named helper they call is reached with checkLocalHelpers.
    {
      code: "import fs from 'node:fs';\nexport function serve(file: string, send: (body: Buffer) => void) {\n  fs.stat(file, (error, stat) => {\n    if (stat.isFile()) send(fs.readFileSync(file));\n    else reply(stat);\n  });\n  function reply(stat: fs.Stats) {\n    send(fs.readFileSync(`${file}/index.html`));\n  }\n}",
      options: [{ checkLocalHelpers: true }],
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          suggestions: [],
        },
        {
          messageId: 'blockingHelper',
          line: 5,
          data: {
            helper: 'reply()',
            inner: '`fs.readFileSync()`',
            line: '8',
            where: 'in this callback, which the event loop runs',
            effect: 'nothing else runs until the disk answers',
            hint: 'Use `fs.promises.readFile()`.',
          },
        },
      ],
    },
    // Request handlers of Express (and Koa, Fastify) apps and routers made in the file.
    {
      code: "import express from 'express';\nimport fs from 'node:fs';\nconst app = express();\napp.get('/', (req, res) => {\n  res.type('html').send(fs.readFileSync('index.html'));\n});",
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          data: {
            api: 'fs.readFileSync()',
            where: 'in this callback, which the event loop runs',
            effect: 'nothing else runs until the disk answers',
            hint: 'Use `fs.promises.readFile()`.',
          },
          suggestions: [],
        },
      ],
    },
    {
      filename: 'file.cjs',
      code: "const { Router } = require('express');\nconst { execSync } = require('child_process');\nconst router = Router();\nrouter.route('/deploy').post(function (req, res) { res.send(execSync('git pull')); });\nmodule.exports = router;",
      errors: [
        {
          messageId: 'blocking',
          suggestions: [],
        },
      ],
    },
    // A child process's exit event is an ordinary callback of the running loop.
    {
      code: "import fs from 'node:fs';\nchild.on('exit', (code) => { fs.writeFileSync('exit-code', String(code)); });",
      errors: [{ messageId: 'blocking', suggestions: [] }],
    },
    // A class field initialiser inside an async function cannot hold an await: reported, no suggestion.
    {
      code: "import fs from 'node:fs';\nasync function build() {\n  class Page { html = fs.readFileSync('page.html'); }\n  return new Page();\n}",
      errors: [{ messageId: 'blocking', line: 3, suggestions: [] }],
    },
    // Inside a callback run in place (map) the await cannot go in: reported, no suggestion.
    {
      code: "import fs from 'node:fs';\nasync function loadAll(paths: string[]) { return paths.map((path) => fs.readFileSync(path)); }",
      errors: [{ messageId: 'blocking', suggestions: [] }],
    },
    // Async generators and class methods.
    {
      code: "import fs from 'node:fs';\nclass Store {\n  async *entries(dir: string) { yield* fs.readdirSync(dir); }\n}",
      errors: [
        {
          messageId: 'blocking',
          data: {
            api: 'fs.readdirSync()',
            where: 'in this async generator',
            effect: 'nothing else runs until the disk answers',
            hint: 'Use `fs.promises.readdir()`.',
          },
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import fs from 'node:fs';\nclass Store {\n  async *entries(dir: string) { yield* await fs.promises.readdir(dir); }\n}",
            },
          ],
        },
      ],
    },
    // checkAllFunctions: plain functions too, reported without a fix (their callers would change).
    {
      code: "import fs from 'node:fs';\nexport function loadConfig(path: string) { return fs.readFileSync(path, 'utf8'); }",
      options: [{ checkAllFunctions: true }],
      errors: [
        {
          messageId: 'blocking',
          data: {
            api: 'fs.readFileSync()',
            where: 'in this function',
            effect: 'nothing else runs until the disk answers',
            hint: 'Use `fs.promises.readFile()`.',
          },
          suggestions: [],
        },
      ],
    },

    // --- autofix: the straightforward renames, in async functions only ---------------------------
    {
      code: "import fs from 'node:fs';\nasync function load(path: string) { return fs.readFileSync(path); }",
      options: [{ autofix: true }],
      output:
        "import fs from 'node:fs';\nasync function load(path: string) { return await fs.promises.readFile(path); }",
      errors: [{ messageId: 'blocking', suggestions: [] }],
    },
    {
      code: "async function load() { return Deno.readTextFileSync('a.txt'); }",
      options: [{ autofix: true }],
      output: "async function load() { return await Deno.readTextFile('a.txt'); }",
      errors: [{ messageId: 'blocking' }],
    },
    // Not a rename (existsSync), or the callback must become async: still suggestions.
    {
      code: "import fs from 'node:fs';\nasync function has(path: string) { return fs.existsSync(path); }\npromise.then(() => fs.statSync('a'));",
      options: [{ autofix: true, checkMetadataCalls: true }],
      output: null,
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import fs from 'node:fs';\nasync function has(path: string) { return await fs.promises.access(path).then(() => true, () => false); }\npromise.then(() => fs.statSync('a'));",
            },
          ],
        },
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'useAsyncTwinInAsyncCallback',
              output:
                "import fs from 'node:fs';\nasync function has(path: string) { return fs.existsSync(path); }\npromise.then(async () => await fs.promises.stat('a'));",
            },
          ],
        },
      ],
    },

    // --- child_process ----------------------------------------------------------------------------
    {
      code: "import { execSync } from 'node:child_process';\nasync function sha() { return execSync('git rev-parse HEAD').toString().trim(); }",
      errors: [
        {
          messageId: 'blocking',
          data: {
            api: 'execSync()',
            where: 'in this async function',
            effect: 'nothing else runs until the command exits',
            hint: 'Use `promisify(exec)` from `node:util`.',
          },
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import { exec } from 'node:child_process';\nimport { promisify } from 'node:util';\nasync function sha() { return (await promisify(exec)('git rev-parse HEAD')).stdout.toString().trim(); }",
            },
          ],
        },
      ],
    },
    {
      // After `const o = {}` without a semicolon, `(await …)` would call the object literal: the fix adds `;`.
      filename: 'file.js',
      code: "import { execSync } from 'node:child_process';\nasync function main() {\n  const o = {}\n  execSync('ls').toString();\n}",
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import { exec } from 'node:child_process';\nimport { promisify } from 'node:util';\nasync function main() {\n  const o = {}\n  ;(await promisify(exec)('ls')).stdout.toString();\n}",
            },
          ],
        },
      ],
    },
    {
      filename: 'file.cjs',
      code: "const cp = require('child_process');\nconst { promisify } = require('util');\nexports.build = async () => { cp.execFileSync('make', ['all']); };",
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "const cp = require('child_process');\nconst { promisify } = require('util');\nexports.build = async () => { await promisify(cp.execFile)('make', ['all']); };",
            },
          ],
        },
      ],
    },
    {
      code: "import { spawnSync } from 'node:child_process';\nasync function run() { spawnSync('ls'); }",
      errors: [
        {
          messageId: 'blocking',
          data: {
            api: 'spawnSync()',
            where: 'in this async function',
            effect: 'nothing else runs until the command exits',
            hint: "Use `spawn()` and wait for its `'close'` event (`await once(child, 'close')`).",
          },
          suggestions: [],
        },
      ],
    },

    // --- zlib and crypto --------------------------------------------------------------------------
    {
      code: "import zlib from 'node:zlib';\nasync function pack(body: Buffer) { return zlib.gzipSync(body); }",
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import zlib from 'node:zlib';\nimport { promisify } from 'node:util';\nasync function pack(body: Buffer) { return await promisify(zlib.gzip)(body); }",
            },
          ],
        },
      ],
    },
    {
      code: "import { brotliCompressSync } from 'zlib';\nimport { promisify } from 'node:util';\nasync function pack(body: Buffer) { return brotliCompressSync(body); }",
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import { brotliCompress } from 'zlib';\nimport { promisify } from 'node:util';\nasync function pack(body: Buffer) { return await promisify(brotliCompress)(body); }",
            },
          ],
        },
      ],
    },
    {
      code: "import { pbkdf2Sync } from 'node:crypto';\nasync function hash(password: string, salt: Buffer) { return pbkdf2Sync(password, salt, 600000, 64, 'sha512'); }",
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import { pbkdf2 } from 'node:crypto';\nimport { promisify } from 'node:util';\nasync function hash(password: string, salt: Buffer) { return await promisify(pbkdf2)(password, salt, 600000, 64, 'sha512'); }",
            },
          ],
        },
      ],
    },
    {
      filename: 'file.cjs',
      code: "const crypto = require('crypto');\nexports.key = async (password, salt) => crypto.scryptSync(password, salt, 64);",
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "const crypto = require('crypto');\nconst { promisify } = require('node:util');\nexports.key = async (password, salt) => await promisify(crypto.scrypt)(password, salt, 64);",
            },
          ],
        },
      ],
    },
    // `promisify(scrypt)` is typed `unknown` by @types/node: in TypeScript a used value would no longer
    // compile (TS2322), so no suggestion there; as a statement, or in plain JavaScript, it is offered.
    {
      code: "import { scryptSync } from 'node:crypto';\nasync function key(pw: string, salt: string) { const k: Buffer = scryptSync(pw, salt, 64); return k; }",
      errors: [{ messageId: 'blocking', line: 2, column: 66, suggestions: [] }],
    },
    {
      code: "import { scryptSync } from 'node:crypto';\nasync function warm(pw: string, salt: string) { scryptSync(pw, salt, 64); }",
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import { scrypt } from 'node:crypto';\nimport { promisify } from 'node:util';\nasync function warm(pw: string, salt: string) { await promisify(scrypt)(pw, salt, 64); }",
            },
          ],
        },
      ],
    },
    {
      filename: 'file.js',
      code: "import { scryptSync } from 'node:crypto';\nasync function key(pw, salt) { const k = scryptSync(pw, salt, 64); return k; }",
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import { scrypt } from 'node:crypto';\nimport { promisify } from 'node:util';\nasync function key(pw, salt) { const k = await promisify(scrypt)(pw, salt, 64); return k; }",
            },
          ],
        },
      ],
    },
    // randomBytes: an unknown or large size without a callback.
    {
      code: "import crypto from 'node:crypto';\nasync function noise(size: number) { return [crypto.randomBytes(size), crypto.randomBytes(1 << 20), crypto.randomBytes(64)]; }",
      errors: [
        {
          messageId: 'blocking',
          column: 46,
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import crypto from 'node:crypto';\nimport { promisify } from 'node:util';\nasync function noise(size: number) { return [await promisify(crypto.randomBytes)(size), crypto.randomBytes(1 << 20), crypto.randomBytes(64)]; }",
            },
          ],
        },
        {
          messageId: 'blocking',
          column: 72,
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import crypto from 'node:crypto';\nimport { promisify } from 'node:util';\nasync function noise(size: number) { return [crypto.randomBytes(size), await promisify(crypto.randomBytes)(1 << 20), crypto.randomBytes(64)]; }",
            },
          ],
        },
      ],
    },
    {
      code: "import { randomFillSync } from 'node:crypto';\nconst pool = Buffer.alloc(1024 * 1024);\nasync function refill() { randomFillSync(pool); }",
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import { randomFill } from 'node:crypto';\nimport { promisify } from 'node:util';\nconst pool = Buffer.alloc(1024 * 1024);\nasync function refill() { await promisify(randomFill)(pool); }",
            },
          ],
        },
      ],
    },

    // --- synchronous by design: only with checkSyncByDesignApis ----------------------------------
    {
      code: "import Database from 'better-sqlite3';\nconst db = new Database('app.db');\nconst byId = db.prepare('SELECT * FROM users WHERE id = ?');\nasync function find(id: number) {\n  db.pragma('optimize');\n  return byId.get(id) ?? db.prepare('SELECT 1').get();\n}",
      options: [{ checkSyncByDesignApis: true }],
      errors: [
        {
          messageId: 'blocking',
          line: 5,
          data: {
            api: 'db.pragma()',
            where: 'in this async function',
            effect: 'every query runs on the main thread while every other task waits',
            hint: 'Keep queries short, or run them in a worker thread.',
          },
        },
        {
          messageId: 'blocking',
          line: 6,
          column: 10,
          data: {
            api: 'byId.get()',
            where: 'in this async function',
            effect: 'every query runs on the main thread while every other task waits',
            hint: 'Keep queries short, or run them in a worker thread.',
          },
        },
        {
          messageId: 'blocking',
          line: 6,
          column: 26,
          data: {
            api: 'db.prepare(…).get()',
            where: 'in this async function',
            effect: 'every query runs on the main thread while every other task waits',
            hint: 'Keep queries short, or run them in a worker thread.',
          },
        },
      ],
    },
    // A handle made in another file or handed in: only the types say where it comes from.
    {
      mode: 'typed',
      code: "import type Database from 'better-sqlite3';\nexport class Repo {\n  constructor(private readonly db: Database) {}\n  async find(id: number) { return this.db.prepare('SELECT 1').get(id); }\n  async close() { this.db.close(); }\n}",
      options: [{ checkSyncByDesignApis: true }],
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          data: {
            api: 'this.db.prepare(…).get()',
            where: 'in this async function',
            effect: 'every query runs on the main thread while every other task waits',
            hint: 'Keep queries short, or run them in a worker thread.',
          },
        },
      ],
    },
    {
      code: "import { DatabaseSync } from 'node:sqlite';\nclass Repo {\n  db = new DatabaseSync('app.db');\n  async all() { return this.db.prepare('SELECT * FROM t').all(); }\n}",
      options: [{ checkSyncByDesignApis: true }],
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          data: {
            api: 'this.db.prepare(…).all()',
            where: 'in this async function',
            effect: 'every query runs on the main thread while every other task waits',
            hint: 'Keep queries short, or run them in a worker thread.',
          },
        },
      ],
    },
    {
      code: "import { ipcRenderer } from 'electron';\nbutton.addEventListener('click', () => { ipcRenderer.sendSync('save'); });",
      options: [{ checkSyncByDesignApis: true }],
      errors: [
        {
          messageId: 'blocking',
          data: {
            api: 'ipcRenderer.sendSync()',
            where: 'in this callback, which the event loop runs',
            effect: 'the renderer freezes until the main process answers',
            hint: 'Use `ipcRenderer.invoke()` with `ipcMain.handle()`.',
          },
          suggestions: [],
        },
      ],
    },

    // --- npm packages that block ----------------------------------------------------------------
    {
      code: "import request from 'sync-request';\nasync function user(id: string) { return JSON.parse(request('GET', `/users/${id}`).getBody('utf8')); }",
      errors: [
        {
          messageId: 'blocking',
          data: {
            api: 'request()',
            where: 'in this async function',
            effect: 'nothing else runs until the server answers',
            hint: 'Use `fetch()`.',
          },
          suggestions: [],
        },
      ],
    },
    {
      filename: 'file.cjs',
      code: "const fetchSync = require('sync-fetch');\nprocess.on('message', (url) => { fetchSync(url).json(); });",
      errors: [{ messageId: 'blocking', suggestions: [] }],
    },
    {
      filename: 'file.cjs',
      code: "const readlineSync = require('readline-sync');\nconst prompt = require('prompt-sync')();\nasync function ask() { const name = readlineSync.question('Name? '); return prompt('Age? '); }",
      errors: [
        {
          messageId: 'blocking',
          column: 37,
          data: {
            api: 'readlineSync.question()',
            where: 'in this async function',
            effect: 'nothing else runs until someone types an answer',
            hint: 'Use `rl.question()` from `node:readline/promises`.',
          },
        },
        {
          messageId: 'blocking',
          column: 77,
          data: {
            api: 'prompt()',
            where: 'in this async function',
            effect: 'nothing else runs until someone types an answer',
            hint: 'Use `rl.question()` from `node:readline/promises`.',
          },
        },
      ],
    },

    // --- sleeps ---------------------------------------------------------------------------------
    {
      code: 'async function pause(cell: Int32Array) {\n  Atomics.wait(cell, 0, 0, 50);\n}',
      errors: [
        {
          messageId: 'blocking',
          data: {
            api: 'Atomics.wait()',
            where: 'in this async function',
            effect: 'it stops the whole thread, not just this task',
            hint: 'Use `await setTimeout(ms)` from `node:timers/promises`.',
          },
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import { setTimeout as sleep } from 'node:timers/promises';\nasync function pause(cell: Int32Array) {\n  await sleep(50);\n}",
            },
          ],
        },
      ],
    },
    // Without a timeout Atomics.wait has no sleep equivalent.
    {
      code: 'async function park(cell: Int32Array) { Atomics.wait(cell, 0, 0); }',
      errors: [{ messageId: 'blocking', suggestions: [] }],
    },
    {
      code: "import sleep from 'sleep';\nasync function retry() { sleep.sleep(2); sleep.usleep(500); }",
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import sleep from 'sleep';\nimport { setTimeout as delay } from 'node:timers/promises';\nasync function retry() { await delay(2000); sleep.usleep(500); }",
            },
          ],
        },
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import sleep from 'sleep';\nimport { setTimeout as delay } from 'node:timers/promises';\nasync function retry() { sleep.sleep(2); await delay(0.5); }",
            },
          ],
        },
      ],
    },
    {
      code: "import { msleep } from 'sleep';\nasync function backoff(attempt: number) { msleep(attempt * 100); }",
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import { setTimeout as sleep } from 'node:timers/promises';\nasync function backoff(attempt: number) { await sleep(attempt * 100); }",
            },
          ],
        },
      ],
    },
    {
      filename: 'file.cjs',
      code: "const sleep = require('system-sleep');\nconst { setTimeout: wait } = require('timers/promises');\nexports.poll = async (seconds) => { sleep(seconds * 1000); await wait(1); };",
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "const sleep = require('system-sleep');\nconst { setTimeout: wait } = require('timers/promises');\nexports.poll = async (seconds) => { await wait(seconds * 1000); await wait(1); };",
            },
          ],
        },
      ],
    },
    {
      code: 'async function pause() { Bun.sleepSync(25); }',
      errors: [
        {
          messageId: 'blocking',
          suggestions: [{ messageId: 'useAsyncTwin', output: 'async function pause() { await Bun.sleep(25); }' }],
        },
      ],
    },
    // Busy-wait loops.
    {
      code: 'async function pause(ms: number) {\n  const end = Date.now() + ms;\n  while (Date.now() < end) {}\n}',
      errors: [
        {
          messageId: 'busyWait',
          line: 3,
          data: { clock: 'Date.now()', where: 'in this async function' },
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import { setTimeout as sleep } from 'node:timers/promises';\nasync function pause(ms: number) {\n  const end = Date.now() + ms;\n  await sleep(end - Date.now());\n}",
            },
          ],
        },
      ],
    },
    {
      code: "import { performance } from 'node:perf_hooks';\nsetTimeout(() => {\n  const start = performance.now();\n  while (performance.now() - start < 100);\n  done();\n}, 0);",
      errors: [
        {
          messageId: 'busyWait',
          suggestions: [],
        },
      ],
    },
    // A loop that keeps reading the clock into a variable, and one on `new Date()`: reported, no fix.
    {
      code: 'async function spin(start: number) { let now = Date.now(); do { now = Date.now(); } while (now - start < 20); }',
      errors: [{ messageId: 'busyWait', suggestions: [] }],
    },
    {
      code: 'async function spin(end: Date) { for (; new Date() < end; ) {} }',
      errors: [
        { messageId: 'busyWait', data: { clock: 'new Date()', where: 'in this async function' }, suggestions: [] },
      ],
    },

    // --- Deno and Bun -----------------------------------------------------------------------------
    {
      code: "async function save(text: string) { Deno.writeTextFileSync('out.txt', text); return Deno.readDirSync('.'); }",
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "async function save(text: string) { await Deno.writeTextFile('out.txt', text); return Deno.readDirSync('.'); }",
            },
          ],
        },
        {
          messageId: 'blocking',
          data: {
            api: 'Deno.readDirSync()',
            where: 'in this async function',
            effect: 'nothing else runs until it returns',
            hint: 'Use `for await (const entry of Deno.readDir(path))`.',
          },
          suggestions: [],
        },
      ],
    },
    {
      code: "async function build() { return Bun.spawnSync(['make']); }",
      errors: [
        {
          messageId: 'blocking',
          data: {
            api: 'Bun.spawnSync()',
            where: 'in this async function',
            effect: 'nothing else runs until the process exits',
            hint: 'Use `Bun.spawn()` and `await proc.exited`.',
          },
        },
      ],
    },

    // --- checkLocalHelpers: the call site of a same-file sync helper ------------------------------
    {
      code: "import fs from 'node:fs';\nclass Logger {\n  write(line: string) {\n    fs.appendFileSync('app.log', line + '\\n');\n  }\n  async query(sql: string) {\n    this.write(sql);\n  }\n}",
      options: [{ checkLocalHelpers: true }],
      errors: [
        {
          messageId: 'blockingHelper',
          line: 7,
          data: {
            helper: 'this.write()',
            inner: '`fs.appendFileSync()`',
            line: '4',
            where: 'in this async function',
            effect: 'nothing else runs until the disk answers',
            hint: 'Use `fs.promises.appendFile()`.',
          },
        },
      ],
    },
    {
      code: 'function sleep(ms: number) {\n  const end = Date.now() + ms;\n  while (Date.now() < end) {}\n}\nfunction retry() { sleep(100); }\nasync function handle() { retry(); }',
      options: [{ checkLocalHelpers: true }],
      errors: [
        {
          messageId: 'blockingHelper',
          line: 6,
          data: {
            helper: 'retry()',
            inner: 'a busy-wait loop on `Date.now()`',
            line: '3',
            where: 'in this async function',
            effect: 'nothing else runs until the time is up',
            hint: 'Use `await setTimeout(ms)` from `node:timers/promises`.',
          },
        },
      ],
    },
    {
      code: "import { execSync } from 'node:child_process';\nconst git = (args: string) => execSync(`git ${args}`);\nemitter.on('push', () => { git('pull'); });",
      options: [{ checkLocalHelpers: true }],
      errors: [
        {
          messageId: 'blockingHelper',
          line: 3,
          data: {
            helper: 'git()',
            inner: '`execSync()`',
            line: '2',
            where: 'in this callback, which the event loop runs',
            effect: 'nothing else runs until the command exits',
            hint: 'Use `promisify(exec)` from `node:util`.',
          },
        },
      ],
    },

    {
      code: "import fs from 'node:fs';\nclass Server {\n  #read(path: string) { return fs.readFileSync(path); }\n  async handle(path: string) { return this.#read(path); }\n}",
      options: [{ checkLocalHelpers: true }],
      errors: [
        {
          messageId: 'blockingHelper',
          line: 4,
          data: {
            helper: 'this.#read()',
            inner: '`fs.readFileSync()`',
            line: '3',
            where: 'in this async function',
            effect: 'nothing else runs until the disk answers',
            hint: 'Use `fs.promises.readFile()`.',
          },
        },
      ],
    },

    // --- additionalBlockingApis ------------------------------------------------------------------
    {
      code: "import { querySync } from 'my-db';\nasync function find(id: string) { return querySync('SELECT 1', [id]); }",
      options: [
        {
          additionalBlockingApis: [
            { module: 'my-db', name: 'querySync', asyncTwin: 'query', hint: 'Use `query()`, which returns a promise.' },
          ],
        },
      ],
      errors: [
        {
          messageId: 'blocking',
          data: {
            api: 'querySync()',
            where: 'in this async function',
            effect: 'nothing else runs until it returns',
            hint: 'Use `query()`, which returns a promise.',
          },
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import { query } from 'my-db';\nasync function find(id: string) { return await query('SELECT 1', [id]); }",
            },
          ],
        },
      ],
    },
    {
      code: "import lib from 'legacy-lib';\nasync function load() { return lib.Client.fetchSync(); }",
      options: [{ additionalBlockingApis: [{ module: 'legacy-lib', name: 'Client.fetchSync' }] }],
      errors: [
        {
          messageId: 'blocking',
          data: {
            api: 'lib.Client.fetchSync()',
            where: 'in this async function',
            effect: 'nothing else runs until it returns',
            hint: 'Use an asynchronous alternative.',
          },
          suggestions: [],
        },
      ],
    },
  ],
});

// checkLocalHelpers across files: a plain function or method of another project file that blocks
// (tests/fixtures/projects/esm/src/logger.js, tests/fixtures/projects/cjs/src/config.js), named with its file and line.
const ESM = 'projects/esm/src/handler.js';
const CJS = 'projects/cjs/src/consumer.js';
const LOGGER = './logger.js';
const CONFIG = './config.js';
const loggerCalls =
  "import { queryLog, QueryLog } from './logger.js';\nexport async function run(sql) {\n  queryLog.write(sql);\n  new QueryLog().append(sql);\n}";
const loggerQuiet =
  "import { queryLog, formatQuery } from './logger.js';\nexport async function run(sql) {\n  await queryLog.rotate();\n  queryLog.later(sql);\n  return formatQuery(sql);\n}\nexport function runNow(sql) {\n  queryLog.write(sql);\n}";
const configCalls =
  "const { loadConfig } = require('./config');\nconst config = require('./config.js');\nasync function start() {\n  const settings = loadConfig('app.json');\n  return [settings, config.gitHead()];\n}\nmodule.exports = { start };";
const appendFileHelper = (helper: string, line: number) => ({
  messageId: 'blockingHelperInFile' as const,
  line,
  data: {
    helper,
    inner: 'fs.appendFileSync()',
    file: LOGGER,
    line: '10',
    where: 'in this async function',
    effect: 'nothing else runs until the disk answers',
    hint: 'Use `fs.promises.appendFile()`.',
  },
});

runRuleTests(
  'no-blocking-in-async',
  rule,
  {
    valid: [
      // Not asked for (checkLocalHelpers is off by default), and with the project layer switched off.
      { filename: ESM, code: loggerCalls },
      {
        filename: ESM,
        code: loggerCalls,
        options: [{ checkLocalHelpers: true }],
        settings: { 'event-loop': { crossFile: false } },
      },
      // An async method (reported in its own file), a helper that hands the work to a timer, a helper that
      // does not block, and a blocking helper called from synchronous code.
      { filename: ESM, code: loggerQuiet, options: [{ checkLocalHelpers: true }] },
      // Allowed by the `allow` option, as the call itself would be.
      {
        filename: ESM,
        code: loggerCalls,
        options: [{ checkLocalHelpers: true, allow: [{ module: 'fs', name: 'appendFileSync' }] }],
      },
    ],
    invalid: [
      {
        filename: ESM,
        code: loggerCalls,
        options: [{ checkLocalHelpers: true }],
        errors: [appendFileHelper('queryLog.write()', 3), appendFileHelper('new QueryLog().append()', 4)],
      },
      {
        filename: CJS,
        code: configCalls,
        options: [{ checkLocalHelpers: true }],
        errors: [
          {
            messageId: 'blockingHelperInFile',
            line: 4,
            data: {
              helper: 'loadConfig()',
              inner: 'readFileSync()',
              file: CONFIG,
              line: '6',
              where: 'in this async function',
              effect: 'nothing else runs until the disk answers',
              hint: 'Use `fs.promises.readFile()`.',
            },
          },
          {
            messageId: 'blockingHelperInFile',
            line: 5,
            data: {
              helper: 'config.gitHead()',
              inner: 'childProcess.execSync()',
              file: CONFIG,
              line: '11',
              where: 'in this async function',
              effect: 'nothing else runs until the command exits',
              hint: 'Use `promisify(exec)` from `node:util`.',
            },
          },
        ],
      },
    ],
  },
  // The fixture projects are not in the typed tests' program.
  ['untyped'],
);
