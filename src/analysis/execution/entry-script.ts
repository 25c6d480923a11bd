/**
 * The call that starts an entry script: `main();` as the last thing a module that exports nothing
 * runs. If its promise rejects, nothing else of the module is left to run and no importer can catch
 * anything, so Node (15 and later) ends the process with the error's stack and exit code 1, as it
 * would for a top-level `await`; a page logs it as it logs an uncaught throw. The rejection is not
 * lost, and no later code depends on the call being done. Unless the script listens to
 * `unhandledRejection` itself: then the listener decides, and one that only logs keeps a process
 * running that has nothing left to do.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { skipChainExpression, skipTypeWrappers } from '../ast.js';
import { PROCESS_LISTENER_APIS, REJECTION_EVENTS } from '../catalog/process-events.js';
import { trackModuleReferences } from '../origin/modules.js';
import { type AnyContext } from '../scope.js';

/** `exports`, `module.exports`: a CommonJS module that exports something (read on the text, so any mention counts). */
const COMMONJS_EXPORTS = /\bexports\b/u;

const entryScriptCache = new WeakMap<TSESTree.Program, boolean>();

/**
 * No `export` with a value or a name (a bare `export {}` only marks a module), no mention of `exports`,
 * and no listener of its own for unhandled rejections on `process`.
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
      !listensToRejections(context);
    entryScriptCache.set(program, answer);
  }
  return answer;
}

/** `process.on('unhandledRejection', …)`, `process` known by origin. */
function listensToRejections(context: AnyContext): boolean {
  for (const node of trackModuleReferences(context, PROCESS_LISTENER_APIS).keys()) {
    const event = node.type === AST_NODE_TYPES.CallExpression ? node.arguments[0] : undefined;
    if (event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' && REJECTION_EVENTS.has(event.value))
      return true;
  }
  return false;
}

/** Statements that run nothing when the module is evaluated after the call. */
function runsNothing(statement: TSESTree.ProgramStatement | TSESTree.Statement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.TSDeclareFunction:
    case AST_NODE_TYPES.TSInterfaceDeclaration:
    case AST_NODE_TYPES.TSTypeAliasDeclaration:
    case AST_NODE_TYPES.EmptyStatement:
      return true;
    case AST_NODE_TYPES.ExportNamedDeclaration:
      return !statement.declaration && statement.specifiers.length === 0 && !statement.source;
    default:
      return false;
  }
}

/** Nothing that runs follows `statement` in its list of statements. */
function isLastWork(statement: TSESTree.Node, list: TSESTree.Program | TSESTree.BlockStatement): boolean {
  const body = list.body as readonly TSESTree.Node[];
  return body.slice(body.indexOf(statement) + 1).every((next) => runsNothing(next as TSESTree.Statement));
}

/**
 * Is `expression` the whole of a statement that is the last work of an entry script: at the top level,
 * or in a branch of a top-level `if` (`if (require.main === module) main();`), with nothing that runs
 * after it, in a module that exports nothing?
 */
export function isEntryScriptFinalCall(context: AnyContext, expression: TSESTree.Node): boolean {
  const value = skipTypeWrappers(skipChainExpression(expression));
  if (value.type !== AST_NODE_TYPES.CallExpression && value.type !== AST_NODE_TYPES.ImportExpression) return false;
  let current: TSESTree.Node | undefined = expression.parent;
  if (current?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  // Out through the blocks and branches of top-level `if`s to the module's body, the last work of each list.
  for (;;) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (parent?.type === AST_NODE_TYPES.Program) {
      if (!isLastWork(current, parent)) return false;
      break;
    }
    if (parent?.type === AST_NODE_TYPES.BlockStatement) {
      if (!isLastWork(current, parent) || parent.parent?.type !== AST_NODE_TYPES.IfStatement) return false;
      current = parent.parent;
    } else if (parent?.type === AST_NODE_TYPES.IfStatement) current = parent;
    else return false;
  }
  return isPlainEntryScript(context);
}
