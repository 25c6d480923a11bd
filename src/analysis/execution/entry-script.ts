/**
 * The call that starts an entry script: `main();` as the last thing a program runs, in a module that
 * exports nothing and that shows it is run as a program (a shebang, a `bin` entry, a `scripts/` folder,
 * a main-module check, …: `findCodeSetting` says `script`). If its promise rejects, nothing of the
 * module is left to run and no importer waits for it, so Node (15 and later, at its default
 * `--unhandled-rejections`) ends the process with the error's stack and exit code 1, as it would for a
 * top-level `await`. Unless the script takes over uncaught errors itself (`process.on('unhandledRejection')`,
 * `process.on('uncaughtException')`, a capture callback): then its handler decides, and one that only
 * logs keeps a process running that has nothing left to do. A module that exports nothing but is not
 * shown to be a program may be imported for its side effects (a preload, a test setup file), where
 * its importers do depend on the work being done.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getMethodName, skipChainExpression, skipTypeWrappers, walkAst } from '../ast.js';
import { PROCESS_LISTENER_APIS } from '../catalog/process-events.js';
import { PROMISE_CALLBACK_METHODS } from '../catalog/promise-apis.js';
import { trackModuleReferences } from '../origin/modules.js';
import { type AnyContext, getStaticValueAt } from '../scope.js';
import { findCodeSetting } from './code-setting.js';

/** `exports`, `module.exports`: a CommonJS module that exports something (read on the text, so any mention counts). */
const COMMONJS_EXPORTS = /\bexports\b/u;

/** Events on `process` whose listener takes over an unhandled rejection (the default mode raises it as uncaught). */
const TAKEOVER_EVENTS: ReadonlySet<string> = new Set(['unhandledRejection', 'uncaughtException']);

const entryScriptCache = new WeakMap<TSESTree.Program, boolean>();

/**
 * Run as a program, exporting nothing (`export {}` only marks a module; any mention of `exports` counts),
 * and leaving uncaught errors to Node.
 */
function isPlainEntryScript(context: AnyContext): boolean {
  const program = context.sourceCode.ast;
  let answer = entryScriptCache.get(program);
  if (answer === undefined) {
    answer =
      !COMMONJS_EXPORTS.test(context.sourceCode.text) &&
      program.body.every((statement) =>
        statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
        statement.type === AST_NODE_TYPES.ExportAllDeclaration ||
        statement.type === AST_NODE_TYPES.TSExportAssignment
          ? false
          : statement.type !== AST_NODE_TYPES.ExportNamedDeclaration ||
            (!statement.declaration && statement.specifiers.length === 0 && !statement.source),
      ) &&
      !takesOverUncaughtErrors(context) &&
      findCodeSetting(context).setting === 'script';
    entryScriptCache.set(program, answer);
  }
  return answer;
}

/**
 * `process.on('unhandledRejection' | 'uncaughtException', …)` (`process` known by origin; an event name
 * not known before the code runs counts), or `setUncaughtExceptionCaptureCallback` named anywhere.
 */
function takesOverUncaughtErrors(context: AnyContext): boolean {
  if (context.sourceCode.text.includes('setUncaughtExceptionCaptureCallback')) return true;
  for (const node of trackModuleReferences(context, PROCESS_LISTENER_APIS).keys()) {
    const event = node.type === AST_NODE_TYPES.CallExpression ? node.arguments[0] : undefined;
    if (!event) continue;
    const name = event.type === AST_NODE_TYPES.SpreadElement ? undefined : getStaticValueAt(context.sourceCode, event);
    if (!name || typeof name.value !== 'string' || TAKEOVER_EVENTS.has(name.value)) return true;
  }
  return false;
}

/** Statements that run nothing when the module is evaluated after the call. */
function runsNothing(context: AnyContext, statement: TSESTree.ProgramStatement | TSESTree.Statement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.TSDeclareFunction:
    case AST_NODE_TYPES.TSInterfaceDeclaration:
    case AST_NODE_TYPES.TSTypeAliasDeclaration:
    case AST_NODE_TYPES.EmptyStatement:
      return true;
    case AST_NODE_TYPES.TSModuleDeclaration:
      return statement.declare === true;
    case AST_NODE_TYPES.ExportNamedDeclaration:
      return !statement.declaration && statement.specifiers.length === 0 && !statement.source;
    case AST_NODE_TYPES.ExpressionStatement:
      // `require.main = process.mainModule;`: it runs before the promise settles and can neither start nor await work.
      return (
        statement.expression.type === AST_NODE_TYPES.AssignmentExpression && !startsWork(context, statement.expression)
      );
    default:
      return false;
  }
}

/** Node types that run code of their own or wait: a call, `new`, `import()`, a tagged template, `await`, `yield`. */
const WORK: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.ImportExpression,
  AST_NODE_TYPES.TaggedTemplateExpression,
  AST_NODE_TYPES.AwaitExpression,
  AST_NODE_TYPES.YieldExpression,
]);

function startsWork(context: AnyContext, node: TSESTree.Node): boolean {
  let found = false;
  walkAst(node, context.sourceCode.visitorKeys, (child) => {
    if (WORK.has(child.type)) found = true;
    return !found;
  });
  return found;
}

/** Nothing that runs follows `statement` in its list of statements. */
function isLastWork(
  context: AnyContext,
  statement: TSESTree.Node,
  list: TSESTree.Program | TSESTree.BlockStatement,
): boolean {
  const body = list.body as readonly TSESTree.Node[];
  return body.slice(body.indexOf(statement) + 1).every((next) => runsNothing(context, next as TSESTree.Statement));
}

/**
 * Is `expression` a bare call (or `import()`) that is the whole of the statement doing the last work of
 * an entry script: at the top level, or in a branch of a top-level `if` (`if (require.main === module)
 * main();`), with nothing that runs after it?
 */
export function isEntryScriptFinalCall(context: AnyContext, expression: TSESTree.Node): boolean {
  const value = skipTypeWrappers(skipChainExpression(expression));
  if (value.type !== AST_NODE_TYPES.CallExpression && value.type !== AST_NODE_TYPES.ImportExpression) return false;
  // A bare call only: a chain's callback may end the process or swallow the error (`.finally(() => process.exit())`).
  if (value.type === AST_NODE_TYPES.CallExpression) {
    const method = getMethodName(value);
    if (method !== undefined && PROMISE_CALLBACK_METHODS.has(method)) return false;
  }
  let current: TSESTree.Node | undefined = expression.parent;
  if (current?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  // Out through the blocks and branches of top-level `if`s to the module's body, the last work of each list.
  for (;;) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (parent?.type === AST_NODE_TYPES.Program) {
      if (!isLastWork(context, current, parent)) return false;
      break;
    }
    if (parent?.type === AST_NODE_TYPES.BlockStatement) {
      if (!isLastWork(context, current, parent) || parent.parent?.type !== AST_NODE_TYPES.IfStatement) return false;
      current = parent.parent;
    } else if (parent?.type === AST_NODE_TYPES.IfStatement) current = parent;
    else return false;
  }
  return isPlainEntryScript(context);
}
