/**
 * Sizes known before the code runs: a number a constant expression evaluates to, and the byte length
 * of a buffer made in place or held by a `const` (`Buffer.alloc(n)`, `new Uint32Array(n)`).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getStaticPropertyName } from '../ast.js';
import { type BlockingApiRow, LARGE_RANDOM_SIZE } from '../catalog/blocking-apis.js';
import { type AnyContext, findVariableAt, getStaticValueAt } from '../scope.js';

const TYPED_ARRAY_BYTES: Readonly<Record<string, number>> = {
  Int8Array: 1,
  Uint8Array: 1,
  Uint8ClampedArray: 1,
  Int16Array: 2,
  Uint16Array: 2,
  Int32Array: 4,
  Uint32Array: 4,
  Float32Array: 4,
  Float64Array: 8,
  BigInt64Array: 8,
  BigUint64Array: 8,
};

/** The number `node` evaluates to, when constants decide it (`64 * 1024`, a `const SIZE = 16`). */
export function getStaticNumber(context: AnyContext, node: TSESTree.Node | undefined): number | undefined {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const result = getStaticValueAt(context.sourceCode, node);
  return result && typeof result.value === 'number' ? result.value : undefined;
}

/** Byte length of `Buffer.alloc(n)` / `Buffer.allocUnsafe(n)` / `new Uint32Array(n)`, directly or through a `const`. */
export function getStaticByteLength(context: AnyContext, node: TSESTree.Node | undefined): number | undefined {
  let value = node;
  if (value?.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariableAt(context.sourceCode, value, value) as {
      defs: { node: TSESTree.Node }[];
    } | null;
    const def = variable?.defs.length === 1 ? variable.defs[0]!.node : undefined;
    value =
      def?.type === AST_NODE_TYPES.VariableDeclarator && def.parent.kind === 'const'
        ? (def.init ?? undefined)
        : undefined;
  }
  if (value?.type === AST_NODE_TYPES.NewExpression && value.callee.type === AST_NODE_TYPES.Identifier) {
    const bytes = TYPED_ARRAY_BYTES[value.callee.name];
    const length = getStaticNumber(context, value.arguments[0]);
    return bytes !== undefined && length !== undefined ? bytes * length : undefined;
  }
  if (value?.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression) {
    const object = value.callee.object;
    const method = getStaticPropertyName(value.callee);
    if (object.type === AST_NODE_TYPES.Identifier && object.name === 'Buffer' && method?.startsWith('alloc')) {
      return getStaticNumber(context, value.arguments[0]);
    }
  }
  return undefined;
}

/** `randomBytes(size)` blocks noticeably only without a callback and for a large or unknown size. */
export function meetsSizeCondition(
  context: AnyContext,
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  row: BlockingApiRow,
): boolean {
  const condition = row.sizeCondition;
  if (!condition) return true;
  if (condition.callbackArgument !== undefined && node.arguments.length > condition.callbackArgument) return false;
  const size =
    node.arguments.length > condition.sizeArgument
      ? getStaticNumber(context, node.arguments[condition.sizeArgument])
      : condition.bufferArgument === undefined
        ? undefined
        : getStaticByteLength(context, node.arguments[condition.bufferArgument]);
  return size === undefined || size >= LARGE_RANDOM_SIZE;
}
