import path from 'node:path';

import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { getCallOfArgument, getStaticPropertyName, type LoopNode, skipChainExpression } from '../analysis/ast.js';
import { type BusyWait, findBusyWait } from '../analysis/blocking/busy-wait.js';
import { readsKernelPseudoFile } from '../analysis/blocking/pseudo-files.js';
import { meetsSizeCondition } from '../analysis/blocking/static-size.js';
import { BLOCKING_EFFECTS, BLOCKING_ROWS_BY_METHOD, type BlockingApiRow } from '../analysis/catalog/blocking-apis.js';
import { type AdditionalBlockingApi, blockingCatalogWith } from '../analysis/catalog/custom-blocking-apis.js';
import { findAwaitableFunction } from '../analysis/execution/await-position.js';
import { findCodeSetting } from '../analysis/execution/code-setting.js';
import { type ExecutionContext, findExecutionContext } from '../analysis/execution/execution-context.js';
import { isProcessExitListener } from '../analysis/execution/process-exit.js';
import { runsPerElement } from '../analysis/execution/repetition.js';
import { runsInRequestHandler } from '../analysis/execution/route-handlers.js';
import { planAsyncTwinFix, planSleepStatementFix } from '../analysis/fixes/async-twin.js';
import { canMakeFunctionAsync, makeFunctionAsync } from '../analysis/fixes/prefix.js';
import { Precedence, textWithPrecedence } from '../analysis/fixes/syntax.js';
import { findInstanceCalls } from '../analysis/origin/instance-calls.js';
import { createSyncReachSearch } from '../analysis/origin/local-calls.js';
import { moduleAliases, trackModuleReferences } from '../analysis/origin/modules.js';
import { isTypeDeclaredBy, programDeclaresModule } from '../analysis/origin/type-origin.js';
import { getProjectKnowledge } from '../analysis/project/project.js';
import type { BlockingCall as SummarizedBlockingCall } from '../analysis/project/summaries.js';
import { compilerChecksFile as compilerChecksFileOf, getTypeInfo } from '../analysis/type-info.js';
import { createRule } from '../create-rule.js';

interface AllowEntry {
  module?: string;
  name?: string;
}

type Options = [
  {
    checkAllFunctions?: boolean;
    checkLocalHelpers?: boolean;
    checkMetadataCalls?: boolean;
    checkSyncByDesignApis?: boolean;
    checkTests?: boolean;
    checkScripts?: boolean;
    autofix?: boolean;
    allow?: AllowEntry[];
    additionalBlockingApis?: AdditionalBlockingApi[];
  },
];

type MessageIds =
  | 'blocking'
  | 'blockingNested'
  | 'blockingHelper'
  | 'blockingHelperInFile'
  | 'busyWait'
  | 'useAsyncTwin'
  | 'useAsyncTwinInAsyncCallback';

/** A blocking call in a function of another project file, with that file's real path. */
interface BlockingCall extends SummarizedBlockingCall {
  readonly file: string;
}

type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;
type Blocker = TSESTree.CallExpression | TSESTree.NewExpression;

/** One blocking operation found in the file, wherever it runs. */
interface Finding {
  readonly node: Blocker | LoopNode;
  /** How the message names it: `fs.readFileSync()`, `db.prepare(…).get()`. */
  readonly name: string;
  readonly row: BlockingApiRow | undefined;
  readonly busyWait: BusyWait | undefined;
}

const WHERE: Readonly<Record<ExecutionContext['kind'], string>> = {
  'async-function': 'in this async function',
  'async-generator': 'in this async generator',
  'promise-callback': 'in this promise callback',
  'event-loop-callback': 'in this callback, which the event loop runs',
  'sync-function': 'in this function',
  generator: 'in this generator',
  module: 'at module level',
};

/** `fs.readFileSync`, `Atomics.wait`, or `default` for a module that is itself the function. */
function exportName(row: BlockingApiRow): string {
  return row.path.length > 0 ? row.path.join('.') : 'default';
}

function isAllowed(row: BlockingApiRow, allow: readonly AllowEntry[]): boolean {
  return allow.some((entry) => {
    const sameOrigin =
      entry.module === undefined
        ? row.module === undefined
        : row.module !== undefined && moduleAliases(row.module).includes(entry.module);
    return sameOrigin && (entry.name === undefined || entry.name === exportName(row));
  });
}

/** A short name for a callee chain in messages: `this.db.prepare(…).get`. */
function calleeChainText(node: TSESTree.Node): string {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      return node.name;
    case AST_NODE_TYPES.ThisExpression:
      return 'this';
    case AST_NODE_TYPES.MemberExpression: {
      const name =
        node.property.type === AST_NODE_TYPES.PrivateIdentifier
          ? `#${node.property.name}`
          : getStaticPropertyName(node);
      return `${calleeChainText(node.object)}${name === undefined ? '[…]' : `.${name}`}`;
    }
    case AST_NODE_TYPES.CallExpression:
      return `${calleeChainText(node.callee)}(${node.arguments.length > 0 ? '…' : ''})`;
    case AST_NODE_TYPES.NewExpression:
      return `new ${calleeChainText(node.callee)}(${node.arguments.length > 0 ? '…' : ''})`;
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return calleeChainText(node.expression);
    case AST_NODE_TYPES.AwaitExpression:
      return `(await ${calleeChainText(node.argument)})`;
    // Compiled code calls imports as `(0, fs_1.readFileSync)(p)`.
    case AST_NODE_TYPES.SequenceExpression:
      return calleeChainText(node.expressions.at(-1)!);
    default:
      return '…';
  }
}

function callText(node: Blocker): string {
  return `${node.type === AST_NODE_TYPES.NewExpression ? 'new ' : ''}${calleeChainText(node.callee)}()`;
}

export default createRule<Options, MessageIds>({
  name: 'no-blocking-in-async',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow synchronous I/O, subprocesses, CPU-heavy sync crypto and compression, and sleeps in code that runs on the event loop',
      recommended: true,
      strict: { options: [{ checkLocalHelpers: true, checkMetadataCalls: true, checkSyncByDesignApis: true }] },
      requiresTypeChecking: false,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      blocking: '`{{api}}` blocks the event loop {{where}}: {{effect}}. {{hint}}',
      blockingNested: '`{{api}}` blocks the event loop {{where}}: {{effect}}. {{outer}} {{hint}}',
      blockingHelper:
        '`{{helper}}` runs {{inner}} (line {{line}}), which blocks the event loop {{where}}: {{effect}}. {{hint}}',
      blockingHelperInFile:
        '`{{helper}}` runs `{{inner}}` ({{file}}, line {{line}}), which blocks the event loop {{where}}: {{effect}}. {{hint}}',
      busyWait:
        'This loop busy-waits on `{{clock}}`, which blocks the event loop {{where}}: nothing else runs until the time is up. Use `await setTimeout(ms)` from `node:timers/promises`.',
      useAsyncTwin: 'Await {{twin}} instead.',
      useAsyncTwinInAsyncCallback: 'Make the callback async and await {{twin}} instead.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          checkAllFunctions: {
            type: 'boolean',
            description:
              'Report blocking calls in every function body, not only in async functions and callbacks the event loop runs (module top level is never reported).',
          },
          checkLocalHelpers: {
            type: 'boolean',
            description:
              'Report a call, in async code, to a same-file function or `this.method` that runs a blocking call, at the call site.',
          },
          checkMetadataCalls: {
            type: 'boolean',
            description:
              'Report single metadata calls (`existsSync`, `statSync`, `accessSync`, `realpathSync`, and the entry changes `unlinkSync`, `renameSync`, `mkdirSync`, `chmodSync`, …) everywhere; by default only where they repeat (in a loop or per element) or in a request handler.',
          },
          checkSyncByDesignApis: {
            type: 'boolean',
            description:
              'Report APIs that are synchronous by design: `node:sqlite` `DatabaseSync`, `better-sqlite3`, Electron `ipcRenderer.sendSync`.',
          },
          checkTests: {
            type: 'boolean',
            description:
              'Report in test files too (test file names and folders, or test registrations by origin), where blocking delays only the test run.',
          },
          checkScripts: {
            type: 'boolean',
            description:
              'Report in one-shot scripts and commands too (`bin` entries, scripts and migrations folders, command-line frameworks, a top-level `await main()` or `process.exit()`), where nothing else is being served.',
          },
          autofix: {
            type: 'boolean',
            description:
              'Apply the straightforward renames (`fs.readFileSync` → `await fs.promises.readFile`, `Deno.xSync` → `await Deno.x`) as autofixes in async functions, for migration runs; otherwise they are suggestions.',
          },
          allow: {
            type: 'array',
            description:
              'APIs not to report, by module and export name (`{ "module": "fs", "name": "existsSync" }`); without `name`, the whole module.',
            items: {
              type: 'object',
              properties: {
                module: {
                  type: 'string',
                  description:
                    'Module specifier (`fs` also matches `node:fs`); omit for globals such as `Atomics.wait`.',
                },
                name: {
                  type: 'string',
                  description:
                    'Export path, dot-separated (`existsSync`, `Deno.statSync`); `default` for a module that is itself the function.',
                },
              },
              additionalProperties: false,
              minProperties: 1,
            },
          },
          additionalBlockingApis: {
            type: 'array',
            description: 'Further blocking APIs to report, identified by origin like the built-in catalogue.',
            items: {
              type: 'object',
              properties: {
                module: { type: 'string', description: 'Module specifier; omit for a global.' },
                name: {
                  type: 'string',
                  description:
                    'Export path, dot-separated (`querySync`, `Client.querySync`); `default` for the module itself.',
                },
                hint: { type: 'string', description: 'What to use instead, appended to the message.' },
                asyncTwin: {
                  type: 'string',
                  description: 'The promise-returning sibling export (`query`), offered as a suggestion.',
                },
              },
              required: ['name'],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [
      {
        checkAllFunctions: false,
        checkLocalHelpers: false,
        checkMetadataCalls: false,
        checkSyncByDesignApis: false,
        checkTests: false,
        checkScripts: false,
        autofix: false,
        allow: [],
        additionalBlockingApis: [],
      },
    ],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const filename = context.filename;
    const allow = options.allow ?? [];
    const catalog = blockingCatalogWith(options.additionalBlockingApis);
    const loops: LoopNode[] = [];
    const calls: TSESTree.CallExpression[] = [];
    const typeInfo = getTypeInfo(context);
    const compilerChecksFile = compilerChecksFileOf(context);
    // With types, objects of sync-by-design drivers are recognised wherever they were made.
    const checkTypedInstances = options.checkSyncByDesignApis === true && typeInfo !== undefined;

    /** Where `node` runs, and whether this rule reports there. */
    function reportableContext(node: TSESTree.Node): ExecutionContext | undefined {
      const where = findExecutionContext(context, node);
      if (where.fn && where.kind === 'event-loop-callback' && isProcessExitListener(context, where.fn))
        return undefined;
      if (where.onEventLoop) return where;
      return options.checkAllFunctions && where.fn ? where : undefined;
    }

    /** Blocking in a test or a one-shot script delays only that run: nothing else is being served. */
    function checksThisFile(): boolean {
      const { setting } = findCodeSetting(context);
      if (setting === 'test') return options.checkTests === true;
      if (setting === 'script') return options.checkScripts === true;
      return true;
    }

    /** A metadata call costs microseconds once; it adds up where it repeats or runs for every request. */
    function isCostlyMetadataCall(call: Blocker): boolean {
      return runsPerElement(context, call) || runsInRequestHandler(context, call);
    }

    function collectFindings(): Map<TSESTree.Node, Finding> {
      const findings = new Map<TSESTree.Node, Finding>();
      for (const { node, row } of trackModuleReferences(context, catalog).values()) {
        if (row.syncByDesign && !options.checkSyncByDesignApis) continue;
        if (isAllowed(row, allow)) continue;
        const call = node as Blocker;
        if (row.cost === 'metadata' && !options.checkMetadataCalls && !isCostlyMetadataCall(call)) continue;
        // `/proc/meminfo`: the kernel answers from memory, there is no disk to wait for.
        if (row.readsPath && readsKernelPseudoFile(context, call)) continue;
        if (row.blocksWhenCalled !== false && meetsSizeCondition(context, call, row)) {
          findings.set(call, { node: call, name: callText(call), row, busyWait: undefined });
        }
        if (row.instance) {
          for (const use of findInstanceCalls(context, call, row.instance)) {
            findings.set(use.call, { node: use.call, name: callText(use.call), row, busyWait: undefined });
          }
        }
      }
      if (checkTypedInstances) {
        for (const call of calls) {
          if (findings.has(call)) continue;
          const callee = skipChainExpression(call.callee);
          if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
          const method = getStaticPropertyName(callee);
          const candidates = method === undefined ? undefined : BLOCKING_ROWS_BY_METHOD.get(method);
          const row = candidates?.find(
            (candidate) =>
              programDeclaresModule(typeInfo, candidate.module!) &&
              isTypeDeclaredBy(typeInfo, callee.object, [candidate.module!]),
          );
          if (row && !isAllowed(row, allow))
            findings.set(call, { node: call, name: callText(call), row, busyWait: undefined });
        }
      }
      for (const loop of loops) {
        const busyWait = findBusyWait(context, loop);
        if (busyWait)
          findings.set(loop, {
            node: loop,
            name: `a busy-wait loop on \`${callText(busyWait.clock)}\``,
            row: undefined,
            busyWait,
          });
      }
      return findings;
    }

    /**
     * Blocking calls that take `finding`'s result as a direct argument, innermost first:
     * `fs.closeSync(fs.openSync(p))` is one problem, reported once at the call that runs first.
     */
    function outerFindings(findings: ReadonlyMap<TSESTree.Node, Finding>, finding: Finding): Finding[] {
      const outers: Finding[] = [];
      let current: Finding = finding;
      for (;;) {
        const call = getCallOfArgument(current.node)?.call;
        const outer = call && findings.get(call);
        if (!outer) return outers;
        outers.push(outer);
        current = outer;
      }
    }

    function reportFinding(finding: Finding, where: ExecutionContext, outers: readonly Finding[]): void {
      const whereText = WHERE[where.kind];
      const fn = findAwaitableFunction(context, finding.node);
      let build: ((fixer: Fixer) => Fix[]) | undefined;
      let twin: string | undefined;
      if (fn && finding.busyWait?.delay) {
        build = planSleepStatementFix(
          sourceCode,
          filename,
          finding.node as TSESTree.Statement,
          delayText(finding.busyWait.delay),
        );
        twin = '`setTimeout()` from `node:timers/promises`';
      } else if (fn && finding.row?.twin?.fix && finding.node.type === AST_NODE_TYPES.CallExpression) {
        build = planAsyncTwinFix(
          sourceCode,
          filename,
          finding.node,
          finding.row.module,
          finding.row.twin.fix,
          compilerChecksFile,
        );
        twin = localize(finding.row.twin.description, finding);
      }
      const makeAsync = fn !== undefined && !fn.async;
      const withAsync = (fixer: Fixer): Fix[] => {
        const fixes = build!(fixer);
        const asyncFix = makeAsync ? makeFunctionAsync(fixer, sourceCode, fn) : undefined;
        return asyncFix ? [...fixes, asyncFix] : fixes;
      };
      const canFix = build !== undefined && (!makeAsync || canMakeFunctionAsync(fn));
      const autofix =
        canFix &&
        options.autofix === true &&
        !makeAsync &&
        finding.row?.twin?.fix?.kind === 'rename' &&
        (finding.row.category === 'fs' || finding.row.category === 'deno');
      const data = finding.busyWait
        ? { clock: callText(finding.busyWait.clock), where: whereText }
        : { ...blockingData(finding, outers), where: whereText };
      context.report({
        node: finding.node,
        messageId: finding.busyWait ? 'busyWait' : outers.length > 0 ? 'blockingNested' : 'blocking',
        data,
        ...(autofix ? { fix: withAsync } : {}),
        ...(canFix && !autofix
          ? {
              suggest: [
                {
                  messageId: makeAsync ? 'useAsyncTwinInAsyncCallback' : 'useAsyncTwin',
                  data: { twin: twin! },
                  fix: withAsync,
                },
              ],
            }
          : {}),
      });
    }

    /** What a blocking call's message says: the API, its effect, and the blocking calls around it. */
    function blockingData(finding: Finding, outers: readonly Finding[]): Record<string, string> {
      const row = finding.row!;
      // One hint per distinct advice: `closeSync(openSync(p))` needs one `FileHandle`, not two.
      const hints = new Set([finding, ...outers].map((each) => localize(each.row!.hint, each)));
      const names = outers.map((outer) => `\`${outer.name}\``).join(' and ');
      return {
        api: finding.name,
        effect: BLOCKING_EFFECTS[row.category],
        hint: [...hints].join(' '),
        outer: `${names} around it ${outers.length > 1 ? 'block' : 'blocks'} again.`,
      };
    }

    /** `bound - reading`, the milliseconds a busy-wait has left. */
    function delayText({ bound, reading }: NonNullable<BusyWait['delay']>): string {
      const boundText = textWithPrecedence(sourceCode, bound, Precedence.Additive);
      const readingText = textWithPrecedence(sourceCode, reading, Precedence.Multiplicative);
      return `${boundText} - ${readingText}`;
    }

    /** The catalogue's text with its namespace name (`fse.`) replaced by the one the call uses (`fs.`). */
    function localize(text: string, finding: Finding): string {
      const namespace = finding.row?.namespace;
      if (!namespace || finding.node.type !== AST_NODE_TYPES.CallExpression) return text;
      const callee = skipChainExpression(finding.node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier)
        return text;
      return text.replaceAll(`\`${namespace}.`, `\`${callee.object.name}.`);
    }

    /**
     * Calls of plain functions of other project files that run a blocking call (`logger.write()` whose
     * `write` calls `appendFileSync`), by their export summaries; before any other work, so a file
     * without one and without a blocking call of its own costs nothing more.
     */
    function findImportedHelpers(findings: ReadonlyMap<TSESTree.Node, Finding>): Map<TSESTree.Node, BlockingCall> {
      const found = new Map<TSESTree.Node, BlockingCall>();
      const project = getProjectKnowledge(context);
      // With the layer off, no call needs its execution context worked out.
      if (!project.enabled) return found;
      for (const call of calls) {
        if (findings.has(call) || !reportableContext(call)) continue;
        const imported = project.resolveImportedFunction(call.callee);
        if (imported?.blocks && !isAllowed(imported.blocks.row, allow))
          found.set(call, { ...imported.blocks, file: imported.file });
      }
      return found;
    }

    /** `./logger.js`, `../lib/db.ts`: the file as an import in this file would name it. */
    function fileFromHere(file: string): string {
      const relative = path
        .relative(path.dirname(context.physicalFilename || filename), file)
        .split(path.sep)
        .join('/');
      return relative.startsWith('../') ? relative : `./${relative}`;
    }

    function reportImportedHelper(
      call: TSESTree.CallExpression,
      blocking: BlockingCall,
      where: ExecutionContext,
    ): void {
      const { row } = blocking;
      context.report({
        node: call,
        messageId: 'blockingHelperInFile',
        data: {
          helper: callText(call),
          inner: `${blocking.text}()`,
          file: fileFromHere(blocking.file),
          line: String(blocking.line),
          where: WHERE[where.kind],
          effect: BLOCKING_EFFECTS[row.category],
          hint: row.hint,
        },
      });
    }

    function reportLocalHelpers(
      findings: ReadonlyMap<TSESTree.Node, Finding>,
      imported: ReadonlyMap<TSESTree.Node, BlockingCall>,
    ): void {
      const search = createSyncReachSearch(context, (node) => findings.has(node));
      for (const call of calls) {
        if (findings.has(call)) continue;
        const where = reportableContext(call);
        if (!where) continue;
        const other = imported.get(call);
        if (other) {
          reportImportedHelper(call, other, where);
          continue;
        }
        const helper = search.resolveCallee(call);
        if (!helper || helper === where.fn) continue;
        const reached = search.find(helper);
        if (!reached) continue;
        const inner = findings.get(reached.node)!;
        context.report({
          node: call,
          messageId: 'blockingHelper',
          data: {
            helper: callText(call),
            inner: inner.row ? `\`${inner.name}\`` : inner.name,
            line: String(inner.node.loc.start.line),
            where: WHERE[where.kind],
            effect: inner.row ? BLOCKING_EFFECTS[inner.row.category] : 'nothing else runs until the time is up',
            hint: inner.row ? inner.row.hint : 'Use `await setTimeout(ms)` from `node:timers/promises`.',
          },
        });
      }
    }

    return {
      'WhileStatement, DoWhileStatement, ForStatement'(
        node: TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement,
      ) {
        if (node.test) loops.push(node);
      },
      CallExpression(node) {
        if (options.checkLocalHelpers || checkTypedInstances) calls.push(node);
      },
      'Program:exit'() {
        const findings = collectFindings();
        const imported = options.checkLocalHelpers
          ? findImportedHelpers(findings)
          : new Map<TSESTree.Node, BlockingCall>();
        // The setting is read only for a file with something to report.
        if ((findings.size === 0 && imported.size === 0) || !checksThisFile()) return;
        const nested = new Map<Finding, Finding[]>();
        for (const finding of findings.values()) nested.set(finding, outerFindings(findings, finding));
        const reportedWithInner = new Set([...nested.values()].flat());
        for (const [finding, outers] of nested) {
          if (reportedWithInner.has(finding)) continue;
          const where = reportableContext(finding.node);
          if (where) reportFinding(finding, where, outers);
        }
        if (options.checkLocalHelpers) reportLocalHelpers(findings, imported);
      },
    };
  },
});
