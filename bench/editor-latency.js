#!/usr/bin/env node
/**
 * Editor latency through a real language server: drives `vscode-eslint-language-server` (from
 * `vscode-langservers-extracted`, the server of VS Code's ESLint extension) over stdio, as an editor
 * does, and times what a user waits for:
 *
 * - **open**: `textDocument/didOpen` of a file in a fresh server, to the answer of the first pull
 *   `textDocument/diagnostic` (loading ESLint, the config, the plugin and, with types, the program);
 * - **edit**: a one-line `didChange` (a line appended, then removed again), to the next pull's answer
 *   (median of `--edits`);
 * - **quick fix**: `textDocument/codeAction` at a floating promise the script appends (so every file has
 *   one), with that diagnostic in the context (median of `--actions`);
 * - **fix all**: `textDocument/codeAction` with `only: ['source.fixAll.eslint']`, which lints again with
 *   fixes (median of `--actions`).
 *
 * Cases: a ~1,000-line hand-written JS file (undici) with ESLint's default parser, and a typed TS file
 * (mongodb) with typescript-eslint's `projectService`; each with the plugin's rules (the options of its
 * `strict` config, as in run.js) and with the parser alone (no rules), so the difference is our rules.
 * Each case runs in its own workspace under `bench/.work/editor-latency/` with a generated
 * `eslint.config.mjs` that loads the built plugin from `dist/`.
 *
 *   node bench/editor-latency.js [--runs 3] [--edits 20] [--actions 10] [--js undici:lib/core/util.js]
 *     [--ts mongodb:src/sdam/topology.ts] [--plugin dist/index.js] [--out bench/EDITOR-LATENCY.md | --print-only]
 *
 * The server is installed on first use into `bench/.tools/editor-latency/` (pinned `vscode-langservers-extracted`); `BENCH_ESLINT_SERVER`
 * names another `vscode-eslint-language-server` (its bin file) to use instead.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { defaultPluginPath, loadPlugin, ourRules, pluginNamespace } from './configs.js';
import { benchDir, corpusByName, nodeModulesDir, packageVersion, prepareCorpus, workDir } from './corpora.js';
import { environmentRows, packageVersionOf } from './environment.js';

/** @typedef {{ line: number, character: number }} Position */
/** @typedef {{ start: Position, end: Position }} Range */
/** @typedef {{ range: Range, message: string, source?: string, code?: string | number, severity?: number }} Diagnostic */
/**
 * @typedef {object} Case
 * @property {string} corpus
 * @property {string} file path inside the corpus copy
 * @property {'js' | 'ts'} language
 * @property {'rules' | 'none'} config
 */
/**
 * The part of `vscode-jsonrpc/node` (the server's own copy, so its types are not at hand) this script uses.
 * @typedef {object} MessageConnection
 * @property {(method: string, params?: unknown) => Promise<any>} sendRequest
 * @property {(method: string, params?: unknown) => Promise<void>} sendNotification
 * @property {{ (method: string, handler: (params: any) => unknown): void, (handler: (method: string, params: unknown) => unknown): void }} onRequest
 * @property {(method: string, handler: (params: any) => void) => void} onNotification
 * @property {() => void} listen
 * @property {() => void} dispose
 * @typedef {object} JsonRpc
 * @property {(reader: unknown, writer: unknown) => MessageConnection} createMessageConnection
 * @property {new (stream: NodeJS.ReadableStream) => unknown} StreamMessageReader
 * @property {new (stream: NodeJS.WritableStream) => unknown} StreamMessageWriter
 */
/**
 * @typedef {object} CaseResult
 * @property {Case} case
 * @property {number} lines
 * @property {number[]} openMs one per run
 * @property {number[]} editMs every edit of every run
 * @property {number[]} quickFixMs
 * @property {number[]} fixAllMs
 * @property {number} diagnostics on open (first run)
 * @property {number} ours diagnostics of our rules on open (first run)
 * @property {number} quickFixes code actions offered at the appended floating promise (first run)
 * @property {string[]} problems
 */

const serverPackage = 'vscode-langservers-extracted';
const serverVersion = '4.10.0';
/**
 * The server lives in its own folder, installed on first use: it brings ~4,300 JS files (and a TypeScript
 * of its own) that would otherwise change what the sweep samples from bench/node_modules.
 */
const toolsDir = path.join(benchDir, '.tools', 'editor-latency');
export const defaultServerBin = path.join(
  toolsDir,
  'node_modules',
  serverPackage,
  'bin',
  'vscode-eslint-language-server',
);

/** Installs the pinned language server into bench/.tools/ unless it is there. */
function ensureServerInstalled() {
  if (fs.existsSync(defaultServerBin)) return;
  fs.mkdirSync(toolsDir, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const args = [
    'install',
    '--prefix',
    toolsDir,
    '--no-audit',
    '--no-fund',
    '--no-save',
    `${serverPackage}@${serverVersion}`,
  ];
  const result = spawnSync(npm, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error(`installing ${serverPackage}@${serverVersion} failed`);
}

/** The appended line every case's code actions are measured at: a floating promise our rule reports. */
const floatingPromiseLine = "Promise.reject(new Error('editor latency'));";

const median = (/** @type {number[]} */ values) => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * The settings VS Code's ESLint extension sends for `workspace/configuration` (section ''), as the server
 * reads them: with ESLint ≥ 9 the flat config is loaded through `loadESLint({ useFlatConfig })`, so
 * `useFlatConfig` is on and the pre-8.57 `experimental.useFlatConfig` route (`FlatESLint`) is off.
 * @param {string} workspace
 */
function serverSettings(workspace) {
  return {
    validate: 'on',
    run: 'onType',
    packageManager: 'npm',
    useESLintClass: false,
    useFlatConfig: true,
    experimental: { useFlatConfig: false },
    codeAction: {
      disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
      showDocumentation: { enable: true },
    },
    codeActionOnSave: { enable: false, mode: 'all', rules: [] },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    problems: { shortenToSingleLine: false },
    // null, not undefined: the server joins a string nodePath to the workspace folder.
    nodePath: null,
    workingDirectory: { mode: 'location' },
    workspaceFolder: { name: path.basename(workspace), uri: pathToFileURL(workspace).href },
  };
}

/**
 * The flat config the server loads from the workspace: the plugin from its built file, typescript-eslint
 * from the bench's install; the file's own `eslint-disable` comments apply, as in a user's editor.
 * @param {Case} testCase
 * @param {string} pluginPath
 * @param {object} rules
 */
function workspaceConfig(testCase, pluginPath, rules) {
  const ts = testCase.language === 'ts';
  const imports = [
    `import globals from ${JSON.stringify(pathToFileURL(path.join(nodeModulesDir, 'globals', 'index.js')).href)};`,
  ];
  if (ts) imports.push(`import tseslint from ${JSON.stringify(import.meta.resolve('typescript-eslint'))};`);
  if (testCase.config === 'rules')
    imports.push(`import plugin from ${JSON.stringify(pathToFileURL(pluginPath).href)};`);
  const languageOptions = ts
    ? `{ parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }, sourceType: 'module', globals: globals.node }`
    : `{ sourceType: 'commonjs', globals: globals.node }`;
  const plugins = testCase.config === 'rules' ? `{ [plugin.meta?.namespace ?? 'event-loop']: plugin }` : '{}';
  return `// Generated by bench/editor-latency.js.
${imports.join('\n')}

export default [
  {
    files: ['**/*.${ts ? 'ts' : 'js'}'],
    plugins: ${plugins},
    languageOptions: ${languageOptions},
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: ${JSON.stringify(testCase.config === 'rules' ? rules : {})},
  },
];
`;
}

/**
 * Copies the corpus (sources and generated tsconfig.json, as run.js lints them) to its own workspace, so
 * the config written there never meets another script's copy.
 * @param {string} corpusName
 */
function prepareWorkspace(corpusName) {
  const { dir } = prepareCorpus(corpusByName(corpusName));
  const workspace = path.join(workDir, 'editor-latency', corpusName);
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.cpSync(dir, workspace, { recursive: true, verbatimSymlinks: true });
  return workspace;
}

/**
 * A language server over stdio, speaking JSON-RPC through the server's own `vscode-jsonrpc`.
 * @param {string} serverBin
 * @param {string} workspace
 * @param {string[]} problems what the server complained about
 */
async function startServer(serverBin, workspace, problems) {
  const require = createRequire(fs.realpathSync(serverBin));
  /** @type {JsonRpc} */
  const rpc = require('vscode-jsonrpc/node');
  const child = spawn(process.execPath, [serverBin, '--stdio'], { cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const connection = rpc.createMessageConnection(
    new rpc.StreamMessageReader(child.stdout),
    new rpc.StreamMessageWriter(child.stdin),
  );
  const settings = serverSettings(workspace);
  connection.onRequest('workspace/configuration', (/** @type {{ items: unknown[] }} */ params) =>
    params.items.map(() => settings),
  );
  for (const method of ['client/registerCapability', 'window/workDoneProgress/create', 'workspace/diagnostic/refresh'])
    connection.onRequest(method, () => null);
  // eslint/noLibrary, eslint/noConfig, eslint/probeFailed, eslint/openDoc: the server could not lint.
  connection.onRequest((method, params) => {
    problems.push(`server request ${method}: ${JSON.stringify(params)}`);
    return {};
  });
  connection.onNotification('window/showMessage', (/** @type {{ message: string }} */ params) =>
    problems.push(`server message: ${params.message}`),
  );
  connection.onNotification('window/logMessage', (/** @type {{ type: number, message: string }} */ params) => {
    if (params.type === 1) problems.push(`server error: ${params.message.split('\n').slice(0, 6).join('\n  ')}`);
  });
  connection.onNotification('eslint/status', (/** @type {{ state: number }} */ params) => {
    if (params.state !== 1) problems.push(`eslint/status ${JSON.stringify(params)}`);
  });
  connection.listen();
  const rootUri = pathToFileURL(workspace).href;
  /** @type {{ capabilities: { diagnosticProvider?: unknown } }} */
  const init = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: path.basename(workspace) }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true } },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        diagnostic: { dynamicRegistration: false },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll.eslint'] } },
        },
      },
    },
  });
  if (!init.capabilities.diagnosticProvider)
    throw new Error('the server does not offer pull diagnostics (textDocument/diagnostic)');
  await connection.sendNotification('initialized', {});
  return {
    connection,
    async stop() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // Already gone.
      }
      connection.dispose();
      if (child.exitCode === null) child.kill();
      if (stderr.trim()) problems.push(`server stderr: ${stderr.trim().split('\n').slice(0, 6).join('\n  ')}`);
    },
  };
}

/**
 * One server from start to shutdown on one file: open, edits, code actions.
 * @param {Case} testCase
 * @param {{ serverBin: string, workspace: string, edits: number, actions: number, result: CaseResult, first: boolean, namespace: string }} options
 */
async function runOnce(testCase, { serverBin, workspace, edits, actions, result, first, namespace }) {
  const filePath = path.join(workspace, testCase.file);
  const original = fs.readFileSync(filePath, 'utf8');
  const uri = pathToFileURL(filePath).href;
  const server = await startServer(serverBin, workspace, result.problems);
  const { connection } = server;
  /** @returns {Promise<Diagnostic[]>} */
  const pull = async () => {
    /** @type {{ items?: Diagnostic[] }} */
    const report = await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    return report.items ?? [];
  };
  let version = 1;
  let text = original;
  /** Appends a line (or removes the last appended one with `line` undefined) and pulls. */
  const edit = async (/** @type {string | undefined} */ line) => {
    const endLine = text.split('\n').length - 1;
    const change =
      line === undefined
        ? { range: { start: { line: endLine - 1, character: 0 }, end: { line: endLine, character: 0 } }, text: '' }
        : {
            range: { start: { line: endLine, character: 0 }, end: { line: endLine, character: 0 } },
            text: `${line}\n`,
          };
    const lines = text.split('\n');
    if (line === undefined) lines.splice(endLine - 1, 1);
    else lines.splice(endLine, 0, line);
    text = lines.join('\n');
    const started = performance.now();
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [change],
    });
    const diagnostics = await pull();
    return { ms: performance.now() - started, diagnostics };
  };
  try {
    if (!original.endsWith('\n')) throw new Error(`${testCase.file} does not end with a newline`);
    let started = performance.now();
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: testCase.language === 'ts' ? 'typescript' : 'javascript', version, text },
    });
    const opened = await pull();
    result.openMs.push(performance.now() - started);
    if (first) {
      result.diagnostics = opened.length;
      result.ours = opened.filter((d) => String(d.code ?? '').startsWith(`${namespace}/`)).length;
      for (const d of opened.filter((d) => d.severity === 1 && !d.code).slice(0, 3))
        result.problems.push(`diagnostic without a rule (parse error?): ${d.message}`);
    }
    for (let i = 0; i < edits; i++) {
      const { ms } = await edit(i % 2 === 0 ? `const editLatency${i} = ${i};` : undefined);
      result.editMs.push(ms);
    }
    if (edits % 2 === 1) await edit(undefined);
    const { diagnostics } = await edit(floatingPromiseLine);
    const appendedLine = text.split('\n').length - 2;
    const atLine = diagnostics.filter((d) => d.range.start.line === appendedLine);
    const range = atLine[0]?.range ?? {
      start: { line: appendedLine, character: 0 },
      end: { line: appendedLine, character: floatingPromiseLine.length },
    };
    if (testCase.config === 'rules' && atLine.length === 0)
      result.problems.push(`no diagnostic at the appended floating promise (line ${appendedLine + 1})`);
    for (let i = 0; i < actions; i++) {
      started = performance.now();
      /** @type {unknown[] | null} */
      const quickFixes = await connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range,
        context: { diagnostics: atLine, only: ['quickfix'], triggerKind: 1 },
      });
      result.quickFixMs.push(performance.now() - started);
      if (first && i === 0) result.quickFixes = quickFixes?.length ?? 0;
      started = performance.now();
      await connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll.eslint'], triggerKind: 1 },
      });
      result.fixAllMs.push(performance.now() - started);
    }
  } finally {
    await server.stop();
  }
}

/**
 * Every case, `runs` times each (a fresh server per run), interleaved: run 1 of every case, then run 2, …
 * @param {{ cases: Case[], runs: number, edits: number, actions: number, pluginPath: string, serverBin: string }} options
 * @returns {Promise<CaseResult[]>}
 */
export async function measureEditorLatency({ cases, runs, edits, actions, pluginPath, serverBin }) {
  if (!fs.existsSync(serverBin))
    throw new Error(
      `${serverBin} is missing: run without BENCH_ESLINT_SERVER to install it into bench/.tools/, or name a vscode-eslint-language-server with BENCH_ESLINT_SERVER`,
    );
  const plugin = await loadPlugin(pluginPath);
  const rules = ourRules(plugin);
  const namespace = pluginNamespace(plugin);
  /** @type {Map<string, string>} */
  const workspaces = new Map();
  for (const corpus of new Set(cases.map((c) => c.corpus))) workspaces.set(corpus, prepareWorkspace(corpus));
  const results = cases.map((testCase) => {
    const filePath = path.join(/** @type {string} */ (workspaces.get(testCase.corpus)), testCase.file);
    if (!fs.existsSync(filePath)) throw new Error(`${testCase.corpus} has no ${testCase.file}`);
    return /** @type {CaseResult} */ ({
      case: testCase,
      lines: fs.readFileSync(filePath, 'utf8').split('\n').length - 1,
      openMs: [],
      editMs: [],
      quickFixMs: [],
      fixAllMs: [],
      diagnostics: 0,
      ours: 0,
      quickFixes: 0,
      problems: [],
    });
  });
  for (let run = 0; run < runs; run++) {
    for (const result of results) {
      const workspace = /** @type {string} */ (workspaces.get(result.case.corpus));
      fs.writeFileSync(
        path.join(workspace, 'eslint.config.mjs'),
        workspaceConfig(result.case, path.resolve(pluginPath), rules),
      );
      process.stderr.write(
        `run ${run + 1}/${runs}: ${result.case.corpus}/${result.case.file}, ${result.case.config}\n`,
      );
      await runOnce(result.case, { serverBin, workspace, edits, actions, result, first: run === 0, namespace });
    }
  }
  return results;
}

const ms = (/** @type {number} */ value) => (Number.isNaN(value) ? 'n/a' : `${Math.round(value)}`);
const spread = (/** @type {number[]} */ values) =>
  values.length > 1 ? ` (${ms(Math.min(...values))}–${ms(Math.max(...values))})` : '';

/** @param {CaseResult[]} results */
export function formatTable(results) {
  const rows = [
    '| file | lines | configuration | diagnostics on open (ours) | open, ms | edit, ms (median, range) | quick fix, ms (actions offered) | fix all, ms |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    const { corpus, file, language, config } = r.case;
    const parser = language === 'ts' ? 'typescript-eslint, projectService' : 'espree';
    rows.push(
      `| ${corpus} \`${file}\` | ${r.lines} | ${config === 'rules' ? `our rules (strict options), ${parser}` : `${parser}, no rules`} | ${r.diagnostics} (${r.ours}) | ${ms(median(r.openMs))}${spread(r.openMs)} | ${ms(median(r.editMs))}${spread(r.editMs)} | ${ms(median(r.quickFixMs))} (${r.quickFixes}) | ${ms(median(r.fixAllMs))} |`,
    );
  }
  return rows.join('\n');
}

/**
 * Edit latency our rules add on each file: median edit with rules minus median edit with no rules.
 * @param {CaseResult[]} results
 */
export function formatDifferences(results) {
  const lines = [];
  for (const withRules of results.filter((r) => r.case.config === 'rules')) {
    const without = results.find(
      (r) => r.case.config === 'none' && r.case.corpus === withRules.case.corpus && r.case.file === withRules.case.file,
    );
    if (!without) continue;
    const added = median(withRules.editMs) - median(without.editMs);
    // Issue 17's target holds for untyped linting: an edit at most 50 ms slower than the parser alone.
    const target = withRules.case.language === 'js' ? ` (target ≤ 50 ms: ${added <= 50 ? '✅' : '❌'})` : '';
    lines.push(
      `- ${withRules.case.corpus} \`${withRules.case.file}\`: our rules add ${ms(added)} ms to an edit${target} and ${ms(median(withRules.openMs) - median(without.openMs))} ms to the first open.`,
    );
  }
  return lines.join('\n');
}

/** @param {string} spec `corpus:path/in/corpus` */
function parseFileSpec(spec) {
  const at = spec.indexOf(':');
  if (at < 1) throw new Error(`expected corpus:path, got "${spec}"`);
  return { corpus: spec.slice(0, at), file: spec.slice(at + 1) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      edits: { type: 'string', default: '20' },
      actions: { type: 'string', default: '10' },
      js: { type: 'string', default: 'undici:lib/core/util.js' },
      ts: { type: 'string', default: 'mongodb:src/sdam/topology.ts' },
      plugin: { type: 'string' },
      out: { type: 'string', default: path.join(benchDir, 'EDITOR-LATENCY.md') },
      'print-only': { type: 'boolean', default: false },
    },
  });
  const pluginPath = values.plugin || process.env.BENCH_PLUGIN || defaultPluginPath;
  if (!process.env.BENCH_ESLINT_SERVER) ensureServerInstalled();
  const serverBin = process.env.BENCH_ESLINT_SERVER || defaultServerBin;
  /** @type {Case[]} */
  const cases = [];
  for (const [language, spec] of /** @type {const} */ ([
    ['js', values.js],
    ['ts', values.ts],
  ])) {
    if (!spec) continue;
    const { corpus, file } = parseFileSpec(spec);
    for (const config of /** @type {const} */ (['rules', 'none'])) cases.push({ corpus, file, language, config });
  }
  const loadBefore = os.loadavg();
  const results = await measureEditorLatency({
    cases,
    runs: Number(values.runs),
    edits: Number(values.edits),
    actions: Number(values.actions),
    pluginPath,
    serverBin,
  });
  const loadAfter = os.loadavg();
  const table = formatTable(results);
  const differences = formatDifferences(results);
  const problems = results.flatMap((r) =>
    [...new Set(r.problems)].map((p) => `- ${r.case.corpus} \`${r.case.file}\` (${r.case.config}): ${p}`),
  );
  console.log(`${table}\n\n${differences}${problems.length ? `\n\nProblems:\n${problems.join('\n')}` : ''}`);
  if (!values['print-only']) {
    const serverDir = path.dirname(path.dirname(fs.realpathSync(serverBin)));
    const versions = [...new Set(cases.map((c) => c.corpus))]
      .map((name) => `${name} ${packageVersion(corpusByName(name))}`)
      .join(', ');
    const markdown = `# Editor latency

Generated by \`node bench/editor-latency.js ${process.argv.slice(2).join(' ')}\`; do not edit by hand. How to read it: [README.md](README.md#editor-latencyjs-diagnostics-in-the-editor).

| | |
|---|---|
${environmentRows({ loadBefore, loadAfter }).join('\n')}
| server | ${serverPackage} ${packageVersionOf(serverDir)} (\`vscode-eslint-language-server --stdio\`, pull diagnostics) |
| ESLint | ${packageVersionOf(path.join(nodeModulesDir, 'eslint'))}; typescript-eslint ${packageVersionOf(path.join(nodeModulesDir, 'typescript-eslint'))}; TypeScript ${packageVersionOf(path.join(nodeModulesDir, 'typescript'))} |
| corpora | ${versions} |
| method | ${values.runs} run(s) per case, each in a fresh server; ${values.edits} one-line edits and ${values.actions} code-action requests per run; medians (range over all samples). |

${table}

${differences}
${problems.length ? `\n## Problems\n\n${problems.join('\n')}\n` : ''}`;
    fs.writeFileSync(values.out, markdown);
    console.log(`\nwrote ${path.relative(process.cwd(), values.out)}`);
  }
}
