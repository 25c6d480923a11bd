/**
 * Is `await` valid syntax at a node? Not the same question as "does this run in async context":
 * a non-async arrow inside an async function (`items.map((x) => …)`) runs there but cannot `await`.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from './ast.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const COMMONJS_FILE = /\.c[jt]s$/u;

/** True when `await` may be written at `node`: in an async function's body, or at the top level of an ES module. */
export function canAwaitAt(context: AnyContext, node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (isFunctionNode(current)) {
      // Parameters (defaults) of an async function cannot await either.
      return current.async && current.body === child;
    }
    if (
      current.type === AST_NODE_TYPES.PropertyDefinition ||
      current.type === AST_NODE_TYPES.AccessorProperty ||
      current.type === AST_NODE_TYPES.StaticBlock
    ) {
      return false;
    }
  }
  // Top-level await: ES modules only (not CommonJS, not `.cjs`/`.cts`).
  return context.sourceCode.ast.sourceType === 'module' && !COMMONJS_FILE.test(context.filename);
}
