/**
 * Where does this code run: in a test, in a one-shot script or command, or in code that serves
 * concurrent work? Blocking and serial awaits cost only the current run in a test or a migration
 * script, but every other request in a server; a library never knows its caller, so it counts as
 * serving. Decided per file from evidence: path conventions inside the package, a `bin` entry, test
 * registrations and command-line frameworks by origin, a script's top-level shape.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getStaticPropertyName, skipChainExpression } from '../ast.js';
import { CLI_FRAMEWORK_MODULES, SCRIPT_PATH_PATTERNS, TEST_PATH_PATTERNS } from '../catalog/code-settings.js';
import { TEST_REGISTRATION_APIS } from '../catalog/test-frameworks.js';
import { trackModuleReferences } from '../origin/modules.js';
import { isPackageBin, pathInPackage } from '../project/package-manifest.js';
import { type AnyContext, findVariableAt } from '../scope.js';
import { findRouteRegistrations } from './route-handlers.js';

type CodeSetting = 'test' | 'script' | 'serving';

export interface CodeSettingEvidence {
  readonly setting: CodeSetting;
  /** Why, in words a report or a test can show: `the file name follows test conventions`. */
  readonly reason: string;
}

const SERVING: CodeSettingEvidence = { setting: 'serving', reason: 'no sign of a test or a one-shot script' };

const fileCache = new WeakMap<TSESTree.Program, CodeSettingEvidence>();

/** The setting of the file being linted, computed once per file. */
export function findCodeSetting(context: AnyContext): CodeSettingEvidence {
  const program = context.sourceCode.ast;
  let evidence = fileCache.get(program);
  if (!evidence) {
    evidence = classifyFile(context);
    fileCache.set(program, evidence);
  }
  return evidence;
}

function classifyFile(context: AnyContext): CodeSettingEvidence {
  // Matched inside the package, so a checkout under `/home/me/tests/` is not all test code.
  const filename = pathInPackage(context.filename);
  if (TEST_PATH_PATTERNS.some((pattern) => pattern.test(filename)))
    return { setting: 'test', reason: 'the file name follows test conventions' };
  if (trackModuleReferences(context, TEST_REGISTRATION_APIS).size > 0)
    return { setting: 'test', reason: 'the file registers tests' };
  if (SCRIPT_PATH_PATTERNS.some((pattern) => pattern.test(filename)))
    return { setting: 'script', reason: 'the file sits in a scripts, bin or migrations folder' };
  if (isPackageBin(context.filename)) return { setting: 'script', reason: 'the file is a `bin` entry of its package' };
  if (trackModuleReferences(context, CLI_FRAMEWORK_MODULES).size > 0)
    return { setting: 'script', reason: 'the file defines a command-line program' };
  // A file that registers request handlers serves, whatever its top level looks like.
  if (findRouteRegistrations(context).size > 0) return SERVING;
  if (context.sourceCode.text.startsWith('#!')) return { setting: 'script', reason: 'the file starts with a shebang' };
  const shape = scriptShape(context);
  return shape ? { setting: 'script', reason: shape } : SERVING;
}

/** A top level that runs the file as a program: `await main()`, `process.exit()`, `if (require.main === module)`. */
function scriptShape(context: AnyContext): string | undefined {
  for (const statement of context.sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.IfStatement && isMainModuleTest(context, statement.test))
      return 'the file runs itself when executed directly';
    const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : undefined;
    if (!expression) continue;
    if (
      expression.type === AST_NODE_TYPES.AwaitExpression &&
      expression.argument.type === AST_NODE_TYPES.CallExpression
    )
      return 'the file awaits its work at the top level';
    if (expression.type === AST_NODE_TYPES.CallExpression && isProcessExit(context, expression))
      return 'the file exits the process at the top level';
  }
  return undefined;
}

function isGlobal(context: AnyContext, identifier: TSESTree.Identifier): boolean {
  const variable = findVariableAt(context.sourceCode, identifier, identifier);
  return !variable || variable.defs.length === 0;
}

function isProcessExit(context: AnyContext, call: TSESTree.CallExpression): boolean {
  const callee = skipChainExpression(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'process' &&
    getStaticPropertyName(callee) === 'exit' &&
    isGlobal(context, callee.object)
  );
}

/** `require.main === module`, `import.meta.main`, `process.argv[1] === fileURLToPath(import.meta.url)`. */
function isMainModuleTest(context: AnyContext, test: TSESTree.Expression): boolean {
  let found = false;
  const visit = (node: TSESTree.Node): void => {
    if (found) return;
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      const object = node.object;
      const name = getStaticPropertyName(node);
      if (object.type === AST_NODE_TYPES.Identifier && object.name === 'require' && name === 'main')
        found = isGlobal(context, object);
      else if (object.type === AST_NODE_TYPES.MetaProperty && (name === 'main' || name === 'url')) found = true;
      else if (object.type === AST_NODE_TYPES.Identifier && object.name === 'process' && name === 'argv')
        found = isGlobal(context, object);
      if (!found) visit(object);
      return;
    }
    if (node.type === AST_NODE_TYPES.BinaryExpression || node.type === AST_NODE_TYPES.LogicalExpression) {
      visit(node.left);
      visit(node.right);
    } else if (node.type === AST_NODE_TYPES.UnaryExpression) visit(node.argument);
    else if (node.type === AST_NODE_TYPES.CallExpression) node.arguments.forEach(visit);
  };
  visit(test);
  return found;
}
