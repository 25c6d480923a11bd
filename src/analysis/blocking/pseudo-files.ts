/**
 * Reads the kernel answers from memory: a path on `/proc` or `/sys`, known before the code runs
 * (a literal, a constant, or the fixed start of a template or a concatenation: `/proc/${pid}/stat`).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { KERNEL_PSEUDO_FILE_SYSTEMS } from '../catalog/blocking-apis.js';
import { type AnyContext, getStaticValueAt } from '../scope.js';

/** The whole path, or the start of it that is fixed (`complete` false). */
function staticPath(context: AnyContext, node: TSESTree.Node): { text: string; complete: boolean } | undefined {
  if (node.type === AST_NODE_TYPES.TemplateLiteral) {
    const head = node.quasis[0]?.value.cooked;
    return head === undefined || head === null ? undefined : { text: head, complete: node.expressions.length === 0 };
  }
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+') {
    const whole = getStaticValueAt(context.sourceCode, node);
    if (whole && typeof whole.value === 'string') return { text: whole.value, complete: true };
    const left = staticPath(context, node.left);
    return left && { text: left.text, complete: false };
  }
  const value = getStaticValueAt(context.sourceCode, node);
  return value && typeof value.value === 'string' ? { text: value.value, complete: true } : undefined;
}

/** Does `call` read a path under `/proc` or `/sys` (its first argument)? */
export function readsKernelPseudoFile(
  context: AnyContext,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
): boolean {
  const argument = call.arguments[0];
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return false;
  const path = staticPath(context, argument);
  if (!path) return false;
  return KERNEL_PSEUDO_FILE_SYSTEMS.some(
    (root) => path.text.startsWith(`${root}/`) || (path.complete && path.text === root),
  );
}
