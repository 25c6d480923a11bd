/**
 * Reads the kernel answers from memory: a status or statistics file of `/proc` or `/sys`
 * (`/proc/meminfo`, `/proc/<pid>/stat`, `/sys/fs/cgroup/memory.max`), its path known before the code
 * runs except, at most, for segments in the middle (`/proc/${pid}/stat`).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { KERNEL_PSEUDO_FILES } from '../catalog/blocking-apis.js';
import { type AnyContext, getStaticValueAt } from '../scope.js';

/** A path as pieces of text known before the code runs, `undefined` for a piece that is not. */
type PathPieces = (string | undefined)[];

function piecesOf(context: AnyContext, node: TSESTree.Node): PathPieces {
  const whole = getStaticValueAt(context.sourceCode, node);
  if (whole) return typeof whole.value === 'string' ? [whole.value] : [undefined];
  if (node.type === AST_NODE_TYPES.TemplateLiteral) {
    const pieces: PathPieces = [];
    node.quasis.forEach((quasi, index) => {
      pieces.push(quasi.value.cooked ?? undefined);
      const expression = node.expressions[index];
      if (expression) pieces.push(...piecesOf(context, expression));
    });
    return pieces;
  }
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+')
    return [...piecesOf(context, node.left), ...piecesOf(context, node.right)];
  return [undefined];
}

/**
 * Does `call` read (its first argument) a kernel status file: the fixed start is a folder of the
 * catalogue, the last segment is written in the code and is one of that folder's files, and no written
 * segment climbs out (`..`) or leads to real files (`/proc/self/cwd/…`, `/proc/<pid>/fd/0`)?
 */
export function readsKernelPseudoFile(
  context: AnyContext,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
): boolean {
  const argument = call.arguments[0];
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return false;
  // Adjacent known pieces read as one: `${SELF}/status` with `const SELF = '/proc/self'`.
  const pieces = piecesOf(context, argument).reduce<PathPieces>((merged, piece) => {
    const last = merged.length - 1;
    if (piece !== undefined && last >= 0 && merged[last] !== undefined) merged[last] += piece;
    else merged.push(piece);
    return merged;
  }, []);
  const head = pieces[0];
  const tail = pieces.at(-1);
  if (head === undefined || tail === undefined) return false;
  const folder = KERNEL_PSEUDO_FILES.find((entry) => head.startsWith(entry.prefix));
  if (!folder) return false;
  // The last segment must be whole: written after the last unknown piece, behind a `/` of its own.
  const lastSlash = tail.lastIndexOf('/');
  if (pieces.length > 1 && lastSlash < 0) return false;
  const file = tail.slice(lastSlash + 1);
  if (!folder.files(file)) return false;
  const written = pieces.filter((piece): piece is string => piece !== undefined).flatMap((piece) => piece.split('/'));
  return !written.some((segment) => segment === '..' || folder.leavesTheKernel.has(segment));
}
