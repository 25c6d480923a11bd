/**
 * What tells where code runs, as data: the path conventions of test files and one-shot scripts, and
 * the command-line frameworks whose import makes a file a command. Read by `execution/code-setting.ts`.
 */
import type { ApiRow } from '../origin/modules.js';

/**
 * Test files by the conventions test runners look for (`*.test.ts`, `__tests__/`, `test/`). `spec/`,
 * `e2e/` and `fixtures/` count only at the package root: deeper, they are as often the code's own
 * data or domain (`data/schema/fixtures/` holds a server's default content, `src/spec/` a parser's).
 */
export const TEST_PATH_PATTERNS: readonly RegExp[] = [
  /\.(?:test|spec|e2e|bench)\.[cm]?[jt]sx?$/u,
  /(?:^|\/)(?:tests?|__tests__|__mocks__)\//u,
  /^(?:spec|specs|e2e|fixtures?)\//u,
];

/**
 * One-shot scripts by folder: database migrations and seeds and upgrade steps anywhere, build and release
 * scripts and executables at the package root. Each runs to completion once; nothing else is being
 * served while it blocks. Deeper, `scripts/` is as often the library's own (bullmq's `src/scripts/`
 * wraps the Lua scripts every queue call runs).
 */
export const SCRIPT_PATH_PATTERNS: readonly RegExp[] = [
  /(?:^|\/)(?:migrations?|seeds?|seeders|upgrades?)\//u,
  /^(?:bin|scripts?)\//u,
];

export interface CliFrameworkRow extends ApiRow {
  readonly kind: 'read';
}

/**
 * The members of a yargs command module (`{ command, builder, handler }`, as an object, a class or
 * `exports.*`), which a `bin` entry loads: the module's import of yargs is often for types only.
 * `builder` is what sets it apart from a chat bot's `{ command, handler }`, which serves.
 */
export const COMMAND_MODULE_MEMBERS: readonly string[] = ['command', 'builder', 'handler'];

/** Argument-parsing and command frameworks: a file that imports one defines a command-line program. */
export const CLI_FRAMEWORK_MODULES: readonly CliFrameworkRow[] = [
  'commander',
  'yargs',
  'yargs/yargs',
  'sade',
  'cac',
  'meow',
  'citty',
  'clipanion',
  '@oclif/core',
  'vorpal',
  'caporal',
  '@caporal/core',
].map((module) => ({ module, path: [], kind: 'read' as const }));
