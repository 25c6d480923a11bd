/**
 * no-blocking-in-async on the npm packages of the catalogue survey (rules-docs/catalogue.md): sync exports
 * found by origin, renamed to their promise twin where that is a drop-in, a hint only where it is not.
 */
import rule from '../../src/rules/no-blocking-in-async.js';
import { runRuleTests } from '../rule-tester.js';

runRuleTests('no-blocking-in-async', rule, {
  valid: [
    // The promise forms are the fix.
    "import bcrypt from 'bcrypt';\nasync function check(password: string, hash: string) { return bcrypt.compare(password, hash); }",
    "import { glob } from 'glob';\nasync function sources() { return glob('src/**/*.ts'); }",
    "import { execa } from 'execa';\nasync function sha() { return (await execa('git', ['rev-parse', 'HEAD'])).stdout; }",
    // Startup code may block.
    "import { globSync } from 'tinyglobby';\nexport const routes = globSync('routes/*.js');",
    // A function of the file named like a package export is not the package's.
    'function hashSync(password: string) { return password; }\nasync function store(password: string) { return hashSync(password); }',
    // The async explorer of a config loader.
    "import { cosmiconfig } from 'cosmiconfig';\nconst explorer = cosmiconfig('app');\nasync function load() { return explorer.search(); }",
  ],
  invalid: [
    {
      code: "import bcrypt from 'bcrypt';\nasync function check(password: string, hash: string) { return bcrypt.compareSync(password, hash); }",
      errors: [
        {
          messageId: 'blocking',
          data: {
            api: 'bcrypt.compareSync()',
            where: 'in this async function',
            effect: 'the computation runs on the main thread while every other task waits',
            hint: 'Use `bcrypt.compare()`, which returns a promise.',
          },
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import bcrypt from 'bcrypt';\nasync function check(password: string, hash: string) { return await bcrypt.compare(password, hash); }",
            },
          ],
        },
      ],
    },
    {
      code: "import { hashSync } from 'bcryptjs';\nexport async function register(password: string) { const hash = hashSync(password, 12); return hash; }",
      errors: [
        {
          messageId: 'blocking',
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import { hash as hashAsync } from 'bcryptjs';\nexport async function register(password: string) { const hash = await hashAsync(password, 12); return hash; }",
            },
          ],
        },
      ],
    },
    {
      code: "import { execaSync } from 'execa';\nexport async function sha() { return execaSync('git', ['rev-parse', 'HEAD']).stdout; }",
      errors: [
        {
          messageId: 'blocking',
          data: {
            api: 'execaSync()',
            where: 'in this async function',
            effect: 'nothing else runs until the command exits',
            hint: 'Use `execa()`, which returns a promise.',
          },
          suggestions: [
            {
              messageId: 'useAsyncTwin',
              output:
                "import { execa } from 'execa';\nexport async function sha() { return (await execa('git', ['rev-parse', 'HEAD'])).stdout; }",
            },
          ],
        },
      ],
    },
    // glob 7's glob() takes a callback, so `glob.sync` gets a hint and no rewrite.
    {
      filename: 'file.cjs',
      code: "const glob = require('glob');\nexports.sources = async (dir) => glob.sync(`${dir}/**/*.js`);",
      errors: [
        {
          messageId: 'blocking',
          data: {
            api: 'glob.sync()',
            where: 'in this async function',
            effect: 'nothing else runs until the disk answers',
            hint: 'Use `await glob()` (glob 9 and later return a promise) or `fs.promises.glob()`.',
          },
          suggestions: [],
        },
      ],
    },
    {
      filename: 'file.cjs',
      code: "const spawn = require('cross-spawn');\nprocess.on('message', (command) => { spawn.sync(command, { stdio: 'inherit' }); });",
      errors: [{ messageId: 'blocking', suggestions: [] }],
    },
    // The sync explorer's calls block, not the call that makes it.
    {
      code: "import { cosmiconfigSync } from 'cosmiconfig';\nconst explorer = cosmiconfigSync('app');\nexport async function load() { return explorer.search(); }",
      errors: [{ messageId: 'blocking', line: 3, suggestions: [] }],
    },
  ],
});
