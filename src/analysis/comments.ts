/** What the code's own comments say about a statement: the author's word, read as ESLint's `no-fallthrough` reads `// falls through`. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

/**
 * The comments that speak for the statement around `node`: the block of comments that ends on the line
 * just above it, with nothing but comments between, and a comment that follows it on its last line.
 * Empty when `node` is not the whole expression of an expression statement.
 */
function statementComments(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
): readonly TSESTree.Comment[] {
  const statement = node.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) return [];
  const found: TSESTree.Comment[] = [];
  const before = sourceCode.getCommentsBefore(statement);
  let line = statement.loc.start.line;
  for (let index = before.length - 1; index >= 0; index--) {
    const comment = before[index]!;
    if (comment.loc.end.line < line - 1) break;
    found.push(comment);
    line = comment.loc.start.line;
  }
  const after = sourceCode.getCommentsAfter(statement)[0];
  if (after && after.loc.start.line === statement.loc.end.line) found.push(after);
  return found;
}

/**
 * The default of `no-floating-promise`'s `neverRejectingComment`: a comment in which the author says the
 * promise cannot fail (`// Should not error.`, `// never rejects`, `/* cannot throw *\/`), the verb ending the
 * clause (not `// should not fail the request`, which says what a failure must not do). Saying only that
 * nothing waits on purpose (`// fire and forget`) is not enough: a rejection is still lost there.
 */
export const NEVER_REJECTS_COMMENT = String.raw`\b(?:(?:should|could|does|will|must|can)\s+not|(?:should|could|does|must)n['’]?t|can['’]?t|cannot|won['’]?t|never)\s+(?:ever\s+)?(?:error|reject|throw|fail)s?(?=\s*(?:$|[.,;:!)—–-]|(?:here|and|but|so|as|because|since|in|unless|except)\b))`;

/** True when a comment of the statement around `node` matches `pattern` (case-insensitive). */
export function statementCommentSays(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  pattern: RegExp,
): boolean {
  return statementComments(sourceCode, node).some((comment) => pattern.test(comment.value));
}
