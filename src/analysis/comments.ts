/**
 * What the code's own comments say: about a statement, the author's word (much as ESLint's `no-fallthrough`
 * reads `// falls through`), and about a declaration, the module its JSDoc type imports.
 */
import { AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

/**
 * The comments that speak for the statement around `node`: the block of comments that ends on the line
 * just above it, with nothing but comments between (not one that trails the code of the line above: that
 * one speaks for its own statement), and a comment that follows it on its last line. Empty when `node` is
 * not the whole expression of an expression statement.
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
    const code = sourceCode.getTokenBefore(comment, { includeComments: false });
    if (code && code.loc.end.line === comment.loc.start.line) break;
    found.push(comment);
    line = comment.loc.start.line;
  }
  const after = sourceCode.getCommentsAfter(statement)[0];
  if (after && after.loc.start.line === statement.loc.end.line) found.push(after);
  return found;
}

/**
 * The default of `no-floating-promise`'s `neverRejectingComment`: a comment in which the author states
 * that the promise cannot fail (`// Should not error.`, `// never rejects`, `/* cannot throw *\/`): "should
 * not", "does not", "will not", "cannot" (and their contractions: shouldn't, doesn't, won't, can't) or
 * "never", then "error", "reject", "throw" or "fail" ending the clause (not `// should not fail the
 * request`, which says what a failure must not do). A comment that hedges or only wishes (`unless`,
 * `except`, `if`, `but`, `TODO`, `FIXME`, `assume`) does not count, nor does one that says only that
 * nothing waits on purpose (`// fire and forget`): a rejection is still lost there.
 */
export const NEVER_REJECTS_COMMENT = String.raw`^(?![\s\S]*\b(?:unless|except|if|but|todo|fixme|assum\w*)\b)[\s\S]*?\b(?:(?:should|does|will|can)\s+not|(?:should|does)n['’]?t|can['’]?t|cannot|won['’]?t|never)\s+(?:error|reject|throw|fail)s?(?=\s*(?:$|[.,:!)*—–-]|(?:here|and|so|as|because|since|in)\b))`;

/** True when a comment of the statement around `node` matches `pattern` (compiled case-insensitive, whole comment). */
export function statementCommentSays(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  pattern: RegExp,
): boolean {
  return statementComments(sourceCode, node).some((comment) => pattern.test(comment.value));
}

/** `@type {import(SPEC)}`, `@type {import(SPEC).Name}` with SPEC a quoted specifier: the specifier, then the members. */
const JSDOC_IMPORT_TYPE = /@type\s*\{\s*import\(\s*(['"])([^'"]+)\1\s*\)((?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*\}/u;

/**
 * The module a declaration's JSDoc types it with, `/** @type {import(SPEC)} *\/` (SPEC a quoted module
 * specifier) on the line above a class field or an object literal's property, as JavaScript code bases
 * checked by TypeScript write it: the specifier and the members after it (`import(SPEC).Service` →
 * `['Service']`).
 * Only a `/** … *\/` block that ends on the line above the declaration, or on its own line before it.
 */
export function jsdocImportType(
  sourceCode: Readonly<TSESLint.SourceCode>,
  declaration: TSESTree.Node,
): { specifier: string; members: string[] } | undefined {
  const comment = sourceCode.getCommentsBefore(declaration).at(-1);
  if (comment?.type !== AST_TOKEN_TYPES.Block || !comment.value.startsWith('*')) return undefined;
  if (comment.loc.end.line < declaration.loc.start.line - 1) return undefined;
  const match = JSDOC_IMPORT_TYPE.exec(comment.value);
  if (!match) return undefined;
  const members = match[3]!
    .split('.')
    .map((member) => member.trim())
    .filter(Boolean);
  return { specifier: match[2]!, members };
}
