/**
 * The packed plugin, installed from its tarball into fresh projects the way users install it, linted with
 * the real ESLint CLI on the example service: findings must equal the `expect:` comments. One project per
 * ESLint major, between them covering both setups of the README: ESLint 10 with TypeScript, typed through
 * `projectService` (the examples' own config), and ESLint 9 in a plain-JS project where TypeScript is not
 * installed at all (so the plugin must load without it).
 *
 * Run by `npm run test:integration` (and .ci/run), not `npm test`: installs dominate its time.
 * Installs need the npm registry (or npm's cache). They are cached in the OS temp folder, keyed by the
 * tarball's hash and the project's dependencies, so a re-run with an unchanged build skips them; a fresh
 * machine installs everything. A failed install fails the suite: nothing here is skipped.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  checkExamples,
  EXAMPLE_FILE,
  examplesDir,
  formatMismatch,
  listFiles,
  resolveEslintBin,
} from '../../scripts/check-examples.js';
import { repoRoot } from '../helpers/lint-example.js';

const execFileAsync = promisify(execFile);
const INSTALL_TIMEOUT_MS = 240_000;
const LINT_TIMEOUT_MS = 90_000;
const CACHE_ROOT = path.join(os.tmpdir(), 'eslint-plugin-event-loop-integration');
const CACHE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

function localVersion(name: string): string {
  const packageJson = JSON.parse(
    fs.readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8'),
  ) as { version: string };
  return packageJson.version;
}

type Language = 'js' | 'ts';
interface Project {
  language: Language;
  eslintMajor: 9 | 10;
  /** node_modules of the cached install. */
  installDir: string;
  /** Fresh per run: examples copied in, node_modules linked to the install. */
  workDir: string;
}

/** The plain-JS setup of the README: no parser options, no TypeScript. */
const JS_CONFIG = `import eventLoop from 'eslint-plugin-event-loop';

export default [eventLoop.configs.recommended, { rules: { 'event-loop/prefer-promise-all': 'error' } }];
`;

function dependenciesFor(language: Language, eslintMajor: 9 | 10, tarball: string): Record<string, string> {
  // Versions this repository already uses, so npm's cache serves most of them.
  const eslint = eslintMajor === 10 ? localVersion('eslint') : '^9';
  const base = { 'eslint-plugin-event-loop': `file:${tarball}`, eslint };
  if (language === 'js') return base;
  return {
    ...base,
    typescript: localVersion('typescript'),
    'typescript-eslint': localVersion('typescript-eslint'),
    '@types/node': localVersion('@types/node'),
  };
}

async function run(command: string, args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, args, {
      cwd,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`\`${command} ${args.join(' ')}\` failed in ${cwd}:\n${stderr}\n${stdout}`, { cause: error });
  }
}

async function packPlugin(destination: string): Promise<string> {
  if (!fs.existsSync(path.join(repoRoot, 'dist/index.js')))
    throw new Error('dist/ is missing: run `npm run build` first (`npm test` does).');
  const output = await run('npm', ['pack', '--json', '--pack-destination', destination], repoRoot);
  const [packed] = JSON.parse(output) as { filename: string }[];
  if (!packed) throw new Error(`npm pack printed no file:\n${output}`);
  return path.join(destination, packed.filename);
}

/** Installs `dependencies` once per cache key; concurrent runs race safely by renaming a finished install into place. */
async function installCached(key: string, dependencies: Record<string, string>, npmArgs: string[]): Promise<string> {
  const installDir = path.join(CACHE_ROOT, key);
  if (fs.existsSync(path.join(installDir, '.installed'))) return installDir;
  const staging = `${installDir}.staging-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  fs.writeFileSync(
    path.join(staging, 'package.json'),
    JSON.stringify({ name: 'install', private: true, dependencies }, null, 2),
  );
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...npmArgs], staging);
  fs.writeFileSync(path.join(staging, '.installed'), new Date().toISOString());
  fs.rmSync(installDir, { recursive: true, force: true });
  try {
    fs.renameSync(staging, installDir);
  } catch (error) {
    // Another run finished the same install first; use theirs.
    fs.rmSync(staging, { recursive: true, force: true });
    if (!fs.existsSync(path.join(installDir, '.installed'))) throw error;
  }
  return installDir;
}

function pruneOldInstalls(): void {
  if (!fs.existsSync(CACHE_ROOT)) return;
  for (const entry of fs.readdirSync(CACHE_ROOT)) {
    const entryPath = path.join(CACHE_ROOT, entry);
    if (Date.now() - fs.statSync(entryPath).mtimeMs > CACHE_MAX_AGE_MS)
      fs.rmSync(entryPath, { recursive: true, force: true });
  }
}

function prepareWorkDir(project: Omit<Project, 'workDir'>, runDir: string): string {
  const workDir = path.join(runDir, `${project.language}-eslint${project.eslintMajor}`);
  fs.mkdirSync(workDir, { recursive: true });
  fs.writeFileSync(
    path.join(workDir, 'package.json'),
    JSON.stringify({ name: 'example', private: true, type: 'module' }, null, 2),
  );
  fs.symlinkSync(path.join(project.installDir, 'node_modules'), path.join(workDir, 'node_modules'), 'junction');
  const sources = listFiles(examplesDir).filter(
    (file) =>
      EXAMPLE_FILE.test(file) &&
      file !== 'eslint.config.js' &&
      (project.language === 'ts' || !/\.[cm]?ts$/u.test(file)),
  );
  for (const file of sources) {
    fs.mkdirSync(path.dirname(path.join(workDir, file)), { recursive: true });
    fs.copyFileSync(path.join(examplesDir, file), path.join(workDir, file));
  }
  if (project.language === 'ts') {
    // The TS project uses the examples' own config: recommended, typed through projectService.
    fs.copyFileSync(path.join(examplesDir, 'eslint.config.js'), path.join(workDir, 'eslint.config.js'));
    fs.copyFileSync(path.join(examplesDir, 'tsconfig.json'), path.join(workDir, 'tsconfig.json'));
  } else {
    fs.writeFileSync(path.join(workDir, 'eslint.config.js'), JS_CONFIG);
  }
  return workDir;
}

/** Once per ESLint major: the typed TypeScript setup on the current major, plain JS without TypeScript on the oldest. */
const PROJECTS = [
  ['ts', 10],
  ['js', 9],
] as const satisfies readonly (readonly [Language, 9 | 10])[];

const projects: Project[] = [];
let runDir = '';

beforeAll(async () => {
  pruneOldInstalls();
  fs.mkdirSync(CACHE_ROOT, { recursive: true });
  runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'event-loop-pack-'));
  const packed = await packPlugin(runDir);
  const hash = createHash('sha256').update(fs.readFileSync(packed)).digest('hex').slice(0, 16);
  // The install refers to the tarball by path, so keep it where the cache key says.
  const tarball = path.join(CACHE_ROOT, `plugin-${hash}.tgz`);
  if (!fs.existsSync(tarball)) fs.copyFileSync(packed, tarball);

  const installed = await Promise.all(
    PROJECTS.map(async ([language, eslintMajor]) => {
      const dependencies = dependenciesFor(language, eslintMajor, tarball);
      const key = createHash('sha256').update(JSON.stringify(dependencies)).digest('hex').slice(0, 16);
      // Without TypeScript means without it: npm would otherwise add it as a peer of @typescript-eslint/utils.
      const npmArgs = language === 'js' ? ['--legacy-peer-deps'] : [];
      const installDir = await installCached(`${language}-eslint${eslintMajor}-${key}`, dependencies, npmArgs);
      return { language, eslintMajor, installDir };
    }),
  );
  for (const project of installed) projects.push({ ...project, workDir: prepareWorkDir(project, runDir) });
}, INSTALL_TIMEOUT_MS);

afterAll(() => {
  if (runDir) fs.rmSync(runDir, { recursive: true, force: true });
});

describe.each(PROJECTS)('packed plugin in a %s project with ESLint %i', (language, eslintMajor) => {
  const project = () => {
    const found = projects.find(
      (candidate) => candidate.language === language && candidate.eslintMajor === eslintMajor,
    );
    if (!found) throw new Error('the project was not installed (see the beforeAll error)');
    return found;
  };

  it('installed the intended versions', () => {
    const nodeModules = path.join(project().installDir, 'node_modules');
    const eslintVersion = (
      JSON.parse(fs.readFileSync(path.join(nodeModules, 'eslint/package.json'), 'utf8')) as { version: string }
    ).version;
    expect(Number(eslintVersion.split('.')[0])).toBe(eslintMajor);
    expect(fs.existsSync(path.join(nodeModules, 'typescript')), 'typescript installed').toBe(language === 'ts');
    expect(fs.existsSync(path.join(nodeModules, 'eslint-plugin-event-loop/dist/index.js'))).toBe(true);
  });

  it(
    'reports exactly the lines marked with expect: comments',
    () => {
      const { workDir } = project();
      const result = checkExamples({ cwd: workDir, eslintBin: resolveEslintBin(workDir) });
      const sourceFiles = listFiles(workDir).filter((file) => EXAMPLE_FILE.test(file) && file !== 'eslint.config.js');
      // Every example file was linted (a config that silently skips .ts files would pass vacuously otherwise).
      expect(result.lintedFiles.filter((file) => file !== 'eslint.config.js').sort()).toEqual(sourceFiles);
      expect(formatMismatch(result), 'findings differ from the expect: comments').toBe('');
    },
    LINT_TIMEOUT_MS,
  );
});
