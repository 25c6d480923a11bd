/**
 * Where does this code run: in a test, in a one-shot script or command, or in code that serves
 * concurrent work? Blocking and serial awaits cost only the current run in a test or a migration
 * script, but every other request in a server; a library never knows its caller, so it counts as
 * serving. Decided per file from evidence: path conventions inside the package, a `bin` entry, test
 * registrations and command-line frameworks by origin, a script's top-level shape.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import {
  type FunctionNode,
  getStaticPropertyName,
  isFunctionNode,
  skipChainExpression,
  skipTypeWrappers,
} from '../ast.js';
import {
  CLI_FRAMEWORK_MODULES,
  COMMAND_MODULE_MEMBERS,
  SCRIPT_PATH_PATTERNS,
  TEST_PATH_PATTERNS,
} from '../catalog/code-settings.js';
import { PROCESS_EXIT_APIS } from '../catalog/process-events.js';
import { TEST_REGISTRATION_APIS } from '../catalog/test-frameworks.js';
import { trackModuleReferences } from '../origin/modules.js';
import { locateInPackage } from '../project/package-manifest.js';
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
  const location = locateInPackage(context.filename);
  const filename = location.path;
  if (TEST_PATH_PATTERNS.some((pattern) => pattern.test(filename)))
    return { setting: 'test', reason: 'the file name follows test conventions' };
  if (trackModuleReferences(context, TEST_REGISTRATION_APIS).size > 0)
    return { setting: 'test', reason: 'the file registers tests' };
  if (SCRIPT_PATH_PATTERNS.some((pattern) => pattern.test(filename)))
    return { setting: 'script', reason: 'the file sits in a scripts, bin or migrations folder' };
  if (location.isBin) return { setting: 'script', reason: 'the file is a `bin` entry of its package' };
  if (trackModuleReferences(context, CLI_FRAMEWORK_MODULES).size > 0)
    return { setting: 'script', reason: 'the file defines a command-line program' };
  if (definesCommandModule(context.sourceCode.ast))
    return { setting: 'script', reason: 'the file defines a command module (`command`, `builder`, `handler`)' };
  // A file that registers request handlers serves, whatever its top level looks like.
  if (findRouteRegistrations(context).size > 0) return SERVING;
  if (exportedFunctionExitsWhenDone(context))
    return { setting: 'script', reason: 'the function the file exports exits the process when it is done' };
  if (context.sourceCode.text.startsWith('#!')) return { setting: 'script', reason: 'the file starts with a shebang' };
  const shape = scriptShape(context);
  return shape ? { setting: 'script', reason: shape } : SERVING;
}

/** A yargs command module at the top level: an object or class with its members, or `exports.*` assignments. */
function definesCommandModule(program: TSESTree.Program): boolean {
  const exported = new Set<string>();
  for (const statement of program.body) {
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
        ? statement.declaration
        : statement;
    if (declaration && topLevelValues(declaration).some((value) => hasAllMembers(memberNames(value)))) return true;
    if (
      declaration?.type === AST_NODE_TYPES.ExpressionStatement &&
      declaration.expression.type === AST_NODE_TYPES.AssignmentExpression
    ) {
      const name = exportsMemberName(declaration.expression.left);
      if (name !== undefined) exported.add(name);
    }
  }
  return hasAllMembers(exported);
}

/** The values a top-level statement defines: a class, a variable's initialiser, an assignment's value. */
function topLevelValues(declaration: TSESTree.Node): TSESTree.Node[] {
  if (declaration.type === AST_NODE_TYPES.VariableDeclaration)
    return declaration.declarations.flatMap((declarator) => (declarator.init ? [declarator.init] : []));
  if (declaration.type === AST_NODE_TYPES.ExpressionStatement)
    return declaration.expression.type === AST_NODE_TYPES.AssignmentExpression ? [declaration.expression.right] : [];
  return [declaration];
}

function hasAllMembers(names: ReadonlySet<string>): boolean {
  return COMMAND_MODULE_MEMBERS.every((name) => names.has(name));
}

/** `exports.handler` or `module.exports.handler`: the member name. */
function exportsMemberName(target: TSESTree.Node): string | undefined {
  if (target.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const object = target.object;
  const isExports =
    (object.type === AST_NODE_TYPES.Identifier && object.name === 'exports') ||
    (object.type === AST_NODE_TYPES.MemberExpression &&
      object.object.type === AST_NODE_TYPES.Identifier &&
      object.object.name === 'module' &&
      getStaticPropertyName(object) === 'exports');
  return isExports ? getStaticPropertyName(target) : undefined;
}

/** The member names of an object literal or a class, with the `this.x = …` fields its constructor sets. */
function memberNames(node: TSESTree.Node): Set<string> {
  const names = new Set<string>();
  const value = skipTypeWrappers(node);
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    for (const property of value.properties) {
      const name = property.type === AST_NODE_TYPES.Property ? staticKeyName(property) : undefined;
      if (name !== undefined) names.add(name);
    }
  } else if (value.type === AST_NODE_TYPES.ClassDeclaration || value.type === AST_NODE_TYPES.ClassExpression) {
    for (const member of value.body.body) {
      if (member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition)
        continue;
      const name = staticKeyName(member);
      if (name !== undefined) names.add(name);
      if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor')
        for (const statement of member.value.body?.body ?? []) {
          if (
            statement.type === AST_NODE_TYPES.ExpressionStatement &&
            statement.expression.type === AST_NODE_TYPES.AssignmentExpression &&
            statement.expression.left.type === AST_NODE_TYPES.MemberExpression &&
            statement.expression.left.object.type === AST_NODE_TYPES.ThisExpression
          ) {
            const field = getStaticPropertyName(statement.expression.left);
            if (field !== undefined) names.add(field);
          }
        }
    }
  }
  return names;
}

function staticKeyName(
  member: TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition,
): string | undefined {
  if (member.computed) return member.key.type === AST_NODE_TYPES.Literal ? String(member.key.value) : undefined;
  if (member.key.type === AST_NODE_TYPES.Identifier) return member.key.name;
  return member.key.type === AST_NODE_TYPES.Literal ? String(member.key.value) : undefined;
}

/**
 * A command a command-line tool loads and runs: the file's only export, default or whole (`export default`,
 * `exports.default = main`, `module.exports = main`), is a function whose work ends with `process.exit()`
 * or `process.exit(0)`, as its last statement or the last of a `try` that is. A server does not end its
 * process when a piece of work succeeds; a file that also exports helpers may serve through them.
 */
function exportedFunctionExitsWhenDone(context: AnyContext): boolean {
  const program = context.sourceCode.ast;
  let exitsWhenDone = false;
  for (const statement of program.body) {
    // Any other export (a helper a server imports) keeps the file serving.
    if (
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      statement.type === AST_NODE_TYPES.ExportAllDeclaration
    )
      return false;
    if (
      statement.type === AST_NODE_TYPES.ExpressionStatement &&
      statement.expression.type === AST_NODE_TYPES.AssignmentExpression &&
      !isDefaultExportTarget(statement.expression.left) &&
      exportsMemberName(statement.expression.left) !== undefined
    )
      return false;
    let exported: TSESTree.Node | undefined;
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) exported = statement.declaration;
    else if (
      statement.type === AST_NODE_TYPES.ExpressionStatement &&
      statement.expression.type === AST_NODE_TYPES.AssignmentExpression &&
      isDefaultExportTarget(statement.expression.left)
    )
      exported = statement.expression.right;
    if (!exported) continue;
    const fn = exportedFunction(program, skipTypeWrappers(exported));
    if (fn?.body.type === AST_NODE_TYPES.BlockStatement && endsByExiting(context, fn.body)) exitsWhenDone = true;
  }
  return exitsWhenDone;
}

/** `module.exports` or `exports.default` / `module.exports.default`. */
function isDefaultExportTarget(target: TSESTree.Node): boolean {
  if (target.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (
    target.object.type === AST_NODE_TYPES.Identifier &&
    target.object.name === 'module' &&
    getStaticPropertyName(target) === 'exports'
  )
    return true;
  return exportsMemberName(target) === 'default';
}

/** The function an export names: written in place, or a top-level function or `const` of the file. */
function exportedFunction(program: TSESTree.Program, value: TSESTree.Node): FunctionNode | undefined {
  if (isFunctionNode(value)) return value;
  if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
  for (const statement of program.body) {
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.declaration
        ? statement.declaration
        : statement;
    if (declaration.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id?.name === value.name)
      return declaration;
    if (declaration.type === AST_NODE_TYPES.VariableDeclaration && declaration.kind === 'const')
      for (const declarator of declaration.declarations)
        if (
          declarator.id.type === AST_NODE_TYPES.Identifier &&
          declarator.id.name === value.name &&
          declarator.init &&
          isFunctionNode(skipTypeWrappers(declarator.init))
        )
          return skipTypeWrappers(declarator.init) as FunctionNode;
  }
  return undefined;
}

/** The block's last statement is `process.exit()` or `process.exit(0)`, or a `try` whose block ends so. */
function endsByExiting(context: AnyContext, block: TSESTree.BlockStatement): boolean {
  const last = block.body.at(-1);
  if (last?.type === AST_NODE_TYPES.TryStatement) return endsByExiting(context, last.block);
  if (last?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const call = skipChainExpression(last.expression);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const code = call.arguments[0];
  return (
    isProcessExit(context, call) && (code === undefined || (code.type === AST_NODE_TYPES.Literal && code.value === 0))
  );
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
    if (expression.type === AST_NODE_TYPES.AssignmentExpression && namesTheProcess(context, expression.left))
      return 'the file names the process it runs in (`process.title = …`)';
  }
  return undefined;
}

/** `process.title`, `process` the global: only a program's entry renames the process; a library never does. */
function namesTheProcess(context: AnyContext, target: TSESTree.Node): boolean {
  return (
    target.type === AST_NODE_TYPES.MemberExpression &&
    target.object.type === AST_NODE_TYPES.Identifier &&
    target.object.name === 'process' &&
    getStaticPropertyName(target) === 'title' &&
    isGlobal(context, target.object)
  );
}

function isGlobal(context: AnyContext, identifier: TSESTree.Identifier): boolean {
  const variable = findVariableAt(context.sourceCode, identifier, identifier);
  return !variable || variable.defs.length === 0;
}

function isProcessExit(context: AnyContext, call: TSESTree.CallExpression): boolean {
  return trackModuleReferences(context, PROCESS_EXIT_APIS).has(call);
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
