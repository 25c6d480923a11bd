/**
 * What kind of SQL statement a text is, from its keywords: reads may run together, writes keep their
 * order against every other statement, transaction control orders everything, and text we cannot
 * read stays ordered. A small lexer, not a parser: it skips comments, strings and quoted names, looks
 * past `WITH …` clauses and `EXPLAIN`, and checks every statement of a multi-statement text. Calls
 * that send SQL text (`pool.query('…')`, `` sql`…` ``, `db.execute(sql`…`)`) are found by method and tag name.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

import { getStaticPropertyName, skipChainExpression, skipTypeWrappers } from '../ast.js';
import { MAYBE_SQL_METHOD_NAMES, SQL_METHOD_NAMES, SQL_TAG_NAMES } from '../catalog/read-calls.js';

export type SqlKind = 'read' | 'write' | 'transaction' | 'unknown';

/** Statements that only read. `EXPLAIN` without `ANALYZE` plans the statement and runs nothing. */
const READ_KEYWORDS: ReadonlySet<string> = new Set(['SELECT', 'SHOW', 'DESCRIBE', 'DESC', 'VALUES', 'TABLE']);

const WRITE_KEYWORDS: ReadonlySet<string> = new Set([
  'INSERT',
  'UPDATE',
  'DELETE',
  'MERGE',
  'UPSERT',
  'REPLACE',
  'TRUNCATE',
  'CREATE',
  'ALTER',
  'DROP',
  'RENAME',
  'GRANT',
  'REVOKE',
  'COMMENT',
  'CALL',
  'EXEC',
  'EXECUTE',
  'DO',
  'LOCK',
  'UNLOCK',
  'VACUUM',
  'ANALYZE',
  'ANALYSE',
  'REINDEX',
  'CLUSTER',
  'REFRESH',
  'COPY',
  'LOAD',
  'SET',
  'RESET',
  'NOTIFY',
  'LISTEN',
  'UNLISTEN',
  'PRAGMA',
  'ATTACH',
  'DETACH',
  'USE',
  'DISCARD',
  'IMPORT',
  'SECURITY',
]);

const TRANSACTION_KEYWORDS: ReadonlySet<string> = new Set([
  'BEGIN',
  'START',
  'COMMIT',
  'ROLLBACK',
  'SAVEPOINT',
  'RELEASE',
  'END',
  'ABORT',
  'PREPARE',
]);

/** Statements a `WITH` clause may hold that change data. */
const DATA_MODIFYING_KEYWORDS: ReadonlySet<string> = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

/** Words that make a `SELECT` write: row locks, `SELECT … INTO`, functions with side effects. */
const SELECT_WRITE_WORDS: ReadonlySet<string> = new Set([
  'INTO',
  'NEXTVAL',
  'SETVAL',
  'PG_ADVISORY_LOCK',
  'PG_ADVISORY_XACT_LOCK',
  'PG_TRY_ADVISORY_LOCK',
  'PG_ADVISORY_UNLOCK',
  'GET_LOCK',
  'RELEASE_LOCK',
  'PG_NOTIFY',
  'SET_CONFIG',
  'LAST_INSERT_ID',
]);

/** A word, one of `( ) ; ,`, `"name"` for a quoted name, or `?` for a parameter or an interpolation. */
type Token = string;

/** The words and structural characters of a text, upper-cased, without comments, strings and quoted names. */
function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    const next = text[i + 1];
    if (char === '-' && next === '-') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end + 1;
    } else if (char === '#' && (i === 0 || /\s/u.test(text[i - 1]!))) {
      // MySQL's line comment.
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end + 1;
    } else if (char === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end === -1) return undefined;
      i = end + 2;
    } else if (char === "'" || char === '"' || char === '`') {
      // A string or quoted name: its doubled quote is an escaped one.
      let end = i + 1;
      for (;;) {
        end = text.indexOf(char, end);
        if (end === -1) return undefined;
        if (text[end + 1] === char) end += 2;
        else break;
      }
      if (char !== "'") tokens.push('"name"');
      i = end + 1;
    } else if (char === '$' && /\d/u.test(next ?? '')) {
      // $1 parameter.
      i += 2;
      while (i < text.length && /\d/u.test(text[i]!)) i += 1;
      tokens.push('?');
    } else if (char === '$') {
      // Dollar-quoted string: $$…$$ or $tag$…$tag$.
      const tag = /^\$[A-Za-z_]*\$/u.exec(text.slice(i))?.[0];
      if (!tag) {
        i += 1;
        continue;
      }
      const end = text.indexOf(tag, i + tag.length);
      if (end === -1) return undefined;
      i = end + tag.length;
    } else if (char === '(' || char === ')' || char === ';' || char === ',' || char === '?') {
      tokens.push(char);
      i += 1;
    } else if (/[A-Za-z_]/u.test(char)) {
      let end = i + 1;
      while (end < text.length && /[A-Za-z0-9_$]/u.test(text[end]!)) end += 1;
      tokens.push(text.slice(i, end).toUpperCase());
      i = end;
    } else {
      i += 1;
    }
  }
  return tokens;
}

/** Splits tokens into statements at top-level `;`. */
function splitStatements(tokens: readonly Token[]): Token[][] {
  const statements: Token[][] = [[]];
  for (const token of tokens) {
    if (token === ';') statements.push([]);
    else statements.at(-1)!.push(token);
  }
  return statements.filter((statement) => statement.length > 0);
}

/** The index of the main statement's keyword after `WITH [RECURSIVE] a AS (…), b (x) AS MATERIALIZED (…)`, or -1. */
function skipWithClause(tokens: readonly Token[], start: number): number {
  let i = start + 1;
  if (tokens[i] === 'RECURSIVE') i += 1;
  for (;;) {
    // name [(columns)] AS [NOT] [MATERIALIZED] (body) [, …]
    i += 1;
    if (tokens[i] === '(') i = skipParentheses(tokens, i);
    if (tokens[i] !== 'AS') return -1;
    i += 1;
    if (tokens[i] === 'NOT') i += 1;
    if (tokens[i] === 'MATERIALIZED') i += 1;
    if (tokens[i] !== '(') return -1;
    i = skipParentheses(tokens, i);
    if (tokens[i] !== ',') return i;
    i += 1;
  }
}

function isStatementKeyword(token: Token | undefined): boolean {
  return token !== undefined && (READ_KEYWORDS.has(token) || WRITE_KEYWORDS.has(token));
}

/** The index after the `)` matching the `(` at `open`. */
function skipParentheses(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i += 1) {
    if (tokens[i] === '(') depth += 1;
    else if (tokens[i] === ')') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return tokens.length;
}

function classifyStatement(tokens: readonly Token[]): SqlKind {
  let i = 0;
  while (tokens[i] === '(') i += 1;
  let keyword = tokens[i];
  if (keyword === 'EXPLAIN') {
    // EXPLAIN plans a statement and runs nothing, except EXPLAIN ANALYZE, which runs it.
    let analyzes = false;
    let j = i + 1;
    for (; j < tokens.length; j += 1) {
      const token = tokens[j]!;
      if (token === 'ANALYZE' || token === 'ANALYSE') analyzes = true;
      else if (token === 'WITH' || isStatementKeyword(token)) break;
    }
    return analyzes ? classifyStatement(tokens.slice(j)) : 'read';
  }
  if (keyword === 'WITH') {
    // A data-modifying CTE writes, whatever the main statement is.
    if (tokens.some((token) => DATA_MODIFYING_KEYWORDS.has(token))) return 'write';
    const main = skipWithClause(tokens, i);
    if (main === -1) return 'unknown';
    i = main;
    keyword = tokens[i];
  }
  if (keyword === undefined || keyword === '?') return 'unknown';
  if (TRANSACTION_KEYWORDS.has(keyword)) return 'transaction';
  if (WRITE_KEYWORDS.has(keyword)) return 'write';
  if (!READ_KEYWORDS.has(keyword)) return 'unknown';
  const rest = tokens.slice(i + 1);
  if (rest.some((token) => SELECT_WRITE_WORDS.has(token))) return 'write';
  // SELECT … FOR UPDATE / FOR SHARE / FOR NO KEY UPDATE / FOR KEY SHARE, and MySQL's LOCK IN SHARE MODE.
  for (let j = 0; j < rest.length - 1; j += 1) {
    if (rest[j] === 'FOR' && ['UPDATE', 'SHARE', 'NO', 'KEY'].includes(rest[j + 1]!)) return 'write';
    if (rest[j] === 'LOCK' && rest[j + 1] === 'IN') return 'write';
  }
  return 'read';
}

const ORDER: readonly SqlKind[] = ['read', 'unknown', 'write', 'transaction'];

/**
 * The kind of SQL in `text` (placeholders for interpolations written as `?`): the strongest of its
 * statements', so `SELECT 1; DELETE FROM t` writes. `unknown` when it does not read as SQL.
 */
export function classifySql(text: string): SqlKind {
  const tokens = tokenize(text);
  if (!tokens) return 'unknown';
  const statements = splitStatements(tokens);
  if (statements.length === 0) return 'unknown';
  let kind: SqlKind = 'read';
  for (const statement of statements) {
    const statementKind = classifyStatement(statement);
    if (ORDER.indexOf(statementKind) > ORDER.indexOf(kind)) kind = statementKind;
  }
  return kind;
}

/** The SQL text of a string, a template (interpolations read as `?`) or a tagged template with a SQL tag. */
function sqlTextOf(node: TSESTree.Node | undefined): string | undefined {
  const value = node && skipTypeWrappers(node);
  if (value?.type === AST_NODE_TYPES.Literal) return typeof value.value === 'string' ? value.value : undefined;
  if (value?.type === AST_NODE_TYPES.TemplateLiteral) return value.quasis.map((quasi) => quasi.value.raw).join(' ? ');
  if (value?.type === AST_NODE_TYPES.TaggedTemplateExpression && isSqlTag(value.tag)) return sqlTextOf(value.quasi);
  return undefined;
}

function memberOrName(node: TSESTree.Node): string | undefined {
  const value = skipTypeWrappers(skipChainExpression(node));
  if (value.type === AST_NODE_TYPES.Identifier) return value.name;
  return value.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(value) : undefined;
}

/** `sql`, `SQL`, `prisma.$queryRaw`, `db.sql`: a tag whose template is SQL text. */
export function isSqlTag(tag: TSESTree.Node): boolean {
  const name = memberOrName(tag);
  return name !== undefined && SQL_TAG_NAMES.has(name);
}

/**
 * The kind of SQL a call or tagged template sends, or undefined when it sends none that we can see:
 * `pool.query('SELECT …')` reads, `` sql`DELETE …` `` writes, `query(text)` with text we cannot
 * read sends nothing known. Methods that take other text too (`get`, `all`, `run`) count only when
 * their text reads as SQL.
 */
export function sqlKindOf(node: TSESTree.Node): SqlKind | undefined {
  if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) {
    return isSqlTag(node.tag) ? classifySql(sqlTextOf(node.quasi) ?? '') : undefined;
  }
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const name = memberOrName(node.callee);
  if (name === undefined) return undefined;
  const sure = SQL_METHOD_NAMES.has(name);
  if (!sure && !MAYBE_SQL_METHOD_NAMES.has(name)) return undefined;
  const text = sqlTextOf(node.arguments[0]);
  if (text === undefined) return undefined;
  const kind = classifySql(text);
  return sure || kind !== 'unknown' ? kind : undefined;
}
