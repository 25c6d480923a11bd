/**
 * The README's set-up snippets work as printed: each block marked `<!-- readme-test: <id> -->` is written
 * into a fresh project in the OS temp folder (the built plugin and this repository's ESLint, TypeScript
 * and typescript-eslint linked into its node_modules) and run: configs are loaded by ESLint and must
 * report what they promise, `eslint.config.ts` is type-checked with `defineConfig`, the oxlint config is
 * run by oxlint, and the hook and CI commands are run with the ESLint CLI.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { ESLint } from 'eslint';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

import { repoRoot } from '../helpers/lint-example.js';

const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

/** Every `<!-- readme-test: id -->` block of the README, by id. */
function readmeSnippets(markdown: string): Map<string, string> {
  const snippets = new Map<string, string>();
  const pattern = /^<!-- readme-test: ([\w-]+) -->\n```[\w-]*\n([\s\S]*?)^```$/gmu;
  for (const match of markdown.matchAll(pattern)) snippets.set(match[1]!, match[2]!);
  return snippets;
}

const snippets = readmeSnippets(readme);
function snippet(id: string): string {
  const code = snippets.get(id);
  if (code === undefined) throw new Error(`README.md has no block marked <!-- readme-test: ${id} -->`);
  return code;
}

const LINKED_PACKAGES = ['eslint', '@eslint', 'typescript-eslint', '@typescript-eslint', 'typescript', 'globals'];
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'event-loop-readme-'));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

/** A project folder with `files`, the plugin and the tools it needs linked into its node_modules. */
function project(name: string, files: Record<string, string>): string {
  const dir = path.join(workDir, name);
  const modules = path.join(dir, 'node_modules');
  fs.mkdirSync(modules, { recursive: true });
  fs.symlinkSync(repoRoot, path.join(modules, 'eslint-plugin-event-loop'), 'junction');
  for (const linked of LINKED_PACKAGES)
    fs.symlinkSync(path.join(repoRoot, 'node_modules', linked), path.join(modules, linked), 'junction');
  const all = { 'package.json': '{ "type": "module" }\n', ...files };
  for (const [file, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

interface Report {
  file: string;
  line: number;
  ruleId: string | null;
}

/** Lints `patterns` with the project's own eslint.config.js, as `npx eslint` in that folder would. */
async function lint(dir: string, patterns: string[]): Promise<Report[]> {
  const results = await new ESLint({ cwd: dir }).lintFiles(patterns);
  return results.flatMap((result) =>
    result.messages.map((message) => ({
      file: path.relative(dir, result.filePath).split(path.sep).join('/'),
      line: message.line,
      ruleId: message.ruleId,
    })),
  );
}

// A promise dropped in a function that is not async: reported with and without types, in the same file and
// imported from another (whose body can reject: one that cannot is reported only with checkNeverRejecting).
const DROPPED_SAME_FILE =
  "async function save() {\n  await fetch('https://example.com');\n}\n\nexport function run() {\n  save();\n}\n";
const STORE_TS = "export async function save(): Promise<void> {\n  await fetch('https://example.com');\n}\n";
// Only the checker knows that a parameter's function returns a promise.
// A promise only the checker sees: untyped, the declared `() => Promise<void>` is read, the element of a Map is not.
const MAP_ELEMENT_TS = "export function run(jobs: Map<string, () => Promise<void>>): void {\n  jobs.get('a')?.();\n}\n";
const MAIN_TS = "import { save } from './store.js';\n\nexport function run(): void {\n  save();\n}\n";
const TSCONFIG = JSON.stringify({
  compilerOptions: { strict: true, module: 'nodenext', target: 'es2022', noEmit: true, skipLibCheck: true },
  include: ['src'],
});

const eslintBin = path.join(repoRoot, 'node_modules/eslint/bin/eslint.js');
const TYPED_TIMEOUT = 120_000;

describe('README: Install', () => {
  it('the plain JavaScript config reports a floating promise', async () => {
    const dir = project('js', { 'eslint.config.js': snippet('js'), 'src/app.js': DROPPED_SAME_FILE });
    expect(await lint(dir, ['src'])).toEqual([
      { file: 'src/app.js', line: 6, ruleId: 'event-loop/no-floating-promise' },
    ]);
  });

  it(
    'the typed TypeScript config sees a promise imported from another file',
    async () => {
      const dir = project('typed', {
        'eslint.config.js': snippet('typed'),
        'tsconfig.json': TSCONFIG,
        'src/store.ts': STORE_TS,
        'src/main.ts': MAIN_TS,
      });
      expect(await lint(dir, ['src'])).toEqual([
        { file: 'src/main.ts', line: 4, ruleId: 'event-loop/no-floating-promise' },
      ]);
    },
    TYPED_TIMEOUT,
  );

  it('eslint.config.ts type-checks with defineConfig, and every config is a Linter.Config', () => {
    const dir = project('config-ts', {
      'eslint.config.ts': snippet('config-ts'),
      'each-config.ts': [
        "import type { Linter } from 'eslint';",
        "import { defineConfig } from 'eslint/config';",
        "import eventLoop from 'eslint-plugin-event-loop';",
        '',
        'export const each = defineConfig([eventLoop.configs.recommended, eventLoop.configs.strict, eventLoop.configs.all]);',
        'export const strict: Linter.Config = eventLoop.configs.strict;',
        'export const list: Linter.Config[] = [eventLoop.configs.recommended, eventLoop.configs.all];',
        '// @ts-expect-error only recommended, strict and all exist',
        'export const missing = eventLoop.configs.nonexistent;',
        '',
      ].join('\n'),
    });
    const program = ts.createProgram([path.join(dir, 'eslint.config.ts'), path.join(dir, 'each-config.ts')], {
      strict: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where = diagnostic.file ? `${path.basename(diagnostic.file.fileName)}: ` : '';
      return `${where}${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
    expect(diagnostics).toEqual([]);
  });
});

describe('README: In the editor', () => {
  it(
    'the CI switch lints typed only when CI is set',
    async () => {
      const files = {
        'eslint.config.js': snippet('editor-untyped'),
        'tsconfig.json': TSCONFIG,
        'src/main.ts': MAP_ELEMENT_TS,
      };
      const saved = process.env.CI;
      try {
        delete process.env.CI;
        const editor = await lint(project('editor', files), ['src']);
        process.env.CI = 'true';
        const ci = await lint(project('editor-ci', files), ['src']);
        expect({ editor, ci }).toEqual({
          editor: [],
          ci: [{ file: 'src/main.ts', line: 2, ruleId: 'event-loop/no-floating-promise' }],
        });
      } finally {
        if (saved === undefined) delete process.env.CI;
        else process.env.CI = saved;
      }
    },
    TYPED_TIMEOUT,
  );
});

describe('README: Before each commit and In CI', () => {
  const dir = project('hooks', {
    'eslint.config.js': snippet('js'),
    'src/bad.js': DROPPED_SAME_FILE,
    'src/good.js': 'export async function run() {\n  await Promise.resolve();\n}\n',
  });
  const runEslint = (args: string[]) =>
    spawnSync(process.execPath, [eslintBin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env } });

  it('the lint-staged command fails a commit that stages a floating promise, and passes a clean one', () => {
    const config = JSON.parse(snippet('pre-commit')) as {
      'simple-git-hooks': Record<string, string>;
      'lint-staged': Record<string, string>;
    };
    expect(config['simple-git-hooks']['pre-commit']).toBe('npx lint-staged');
    const [glob, command] = Object.entries(config['lint-staged'])[0]!;
    expect(glob.split(/[{},.*]/u).filter(Boolean)).toEqual(expect.arrayContaining(['js', 'ts', 'mjs', 'cjs']));
    // lint-staged appends the staged files to the command.
    const args = command.split(' ');
    expect(args[0]).toBe('eslint');
    expect(runEslint([...args.slice(1), 'src/bad.js']).status).toBe(1);
    expect(runEslint([...args.slice(1), 'src/good.js']).status).toBe(0);
  });

  it('the CI job runs ESLint with --max-warnings 0 and writes a SARIF file for the upload step', () => {
    const workflow = snippet('ci');
    const runs = [...workflow.matchAll(/^\s+- run: (.*)$/gmu)].map((match) => match[1]!);
    expect(runs[0]).toBe('npm ci');
    const eslintRun = runs.find((run) => run.startsWith('npx eslint '));
    expect(eslintRun).toContain('--max-warnings 0');
    const sarifFile = /sarif_file: (\S+)/u.exec(workflow)?.[1];
    expect(workflow).toContain('github/codeql-action/upload-sarif@');
    // The formatter is the user's install; a stand-in of the same name checks that the CLI arguments work.
    const formatter = path.join(dir, 'node_modules/@microsoft/eslint-formatter-sarif');
    fs.mkdirSync(formatter, { recursive: true });
    fs.writeFileSync(
      path.join(formatter, 'package.json'),
      '{ "name": "@microsoft/eslint-formatter-sarif", "main": "index.cjs" }\n',
    );
    fs.writeFileSync(
      path.join(formatter, 'index.cjs'),
      'module.exports = (results) => JSON.stringify({ version: "2.1.0", runs: [{ results: results.flatMap((r) => r.messages.map((m) => ({ ruleId: m.ruleId }))) }] });\n',
    );
    const result = runEslint(eslintRun!.split(' ').slice(2));
    expect(result.status, result.stderr).toBe(1);
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, sarifFile!), 'utf8')) as {
      runs: { results: { ruleId: string }[] }[];
    };
    expect(sarif.runs[0]!.results).toEqual([{ ruleId: 'event-loop/no-floating-promise' }]);
  });
});

const oxlintBin = path.join(repoRoot, 'bench/node_modules/oxlint/bin/oxlint');
const oxlintInstalled = fs.existsSync(oxlintBin);

describe('README: With oxlint', () => {
  it.runIf(oxlintInstalled || Boolean(process.env.CI))(
    'the .oxlintrc.json reports what ESLint reports and skips node_modules',
    () => {
      expect(oxlintInstalled, 'bench dependencies are missing: run `npm --prefix bench ci`').toBe(true);
      const config = snippet('oxlint');
      const dir = project('oxlint', {
        '.oxlintrc.json': config,
        'src/app.js': DROPPED_SAME_FILE,
        'node_modules/some-package/index.js': DROPPED_SAME_FILE,
      });
      // Every rule of the plugin but the strict-only one is listed.
      const plugin = createRequire(import.meta.url)(repoRoot) as { configs: { recommended: { rules: object } } };
      const rules = Object.keys((JSON.parse(config) as { rules: object }).rules);
      expect(rules).toEqual(expect.arrayContaining(Object.keys(plugin.configs.recommended.rules)));
      const result = spawnSync(process.execPath, [oxlintBin, '--format', 'json'], { cwd: dir, encoding: 'utf8' });
      const output = JSON.parse(result.stdout) as {
        diagnostics: { code: string; filename: string; labels: { span: { line: number } }[] }[];
      };
      expect(
        output.diagnostics.map((d) => ({ code: d.code, file: d.filename, line: d.labels[0]?.span.line })),
        result.stderr,
      ).toEqual([{ code: 'event-loop(no-floating-promise)', file: 'src/app.js', line: 6 }]);
    },
    60_000,
  );
});

describe('README: Coming from typescript-eslint', () => {
  it(
    'reports each problem once, except the async Promise executor both report',
    async () => {
      const dir = project('typescript-eslint', {
        'eslint.config.js': snippet('typescript-eslint'),
        'tsconfig.json': TSCONFIG,
        'src/store.ts': STORE_TS,
        'src/main.ts': MAIN_TS,
        'src/executor.ts':
          "export const ready = new Promise<void>(async (resolve) => {\n  await fetch('https://example.com');\n  resolve();\n});\n",
        'src/condition.ts':
          "import { save } from './store.js';\n\nexport function check(): number {\n  if (!save()) return 1;\n  return 0;\n}\n",
      });
      // One report each: conditions and dropped promises from this plugin; the executor from both.
      expect(await lint(dir, ['src'])).toEqual([
        { file: 'src/condition.ts', line: 4, ruleId: 'event-loop/no-floating-promise' },
        { file: 'src/executor.ts', line: 1, ruleId: '@typescript-eslint/no-misused-promises' },
        { file: 'src/executor.ts', line: 1, ruleId: 'event-loop/no-floating-promise' },
        { file: 'src/main.ts', line: 4, ruleId: 'event-loop/no-floating-promise' },
      ]);
    },
    TYPED_TIMEOUT,
  );
});

describe('README: With @eslint/js and typed JavaScript', () => {
  it(
    'both configs report, and checkJs gives JavaScript the typed findings',
    async () => {
      const dir = project('eslint-js', {
        'eslint.config.js': snippet('eslint-js'),
        'tsconfig.json': snippet('checkjs-tsconfig'),
        'src/store.js': "export async function save() {\n  await fetch('https://example.com');\n}\n",
        'src/main.js':
          "import { save } from './store.js';\n\nexport function run() {\n  save();\n  const unused = 1;\n}\n",
      });
      expect(await lint(dir, ['src'])).toEqual([
        { file: 'src/main.js', line: 4, ruleId: 'event-loop/no-floating-promise' },
        { file: 'src/main.js', line: 5, ruleId: 'no-unused-vars' },
      ]);
    },
    TYPED_TIMEOUT,
  );
});
