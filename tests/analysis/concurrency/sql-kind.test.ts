import { describe, expect, it } from 'vitest';

import { classifySql, sqlKindOf } from '../../../src/analysis/concurrency/sql-kind.js';
import { probeAsked } from '../harness.js';

describe('classifySql', () => {
  it('reads: SELECT, SHOW, DESCRIBE, VALUES, TABLE, EXPLAIN without ANALYZE', () => {
    expect(classifySql('SELECT * FROM users WHERE id = $1')).toBe('read');
    expect(classifySql('  select count(*) from orders')).toBe('read');
    expect(classifySql('(SELECT 1) UNION (SELECT 2)')).toBe('read');
    expect(classifySql('SHOW search_path')).toBe('read');
    expect(classifySql('DESCRIBE users')).toBe('read');
    expect(classifySql('VALUES (1), (2)')).toBe('read');
    expect(classifySql('TABLE users')).toBe('read');
    expect(classifySql('EXPLAIN SELECT * FROM users')).toBe('read');
    expect(classifySql('EXPLAIN DELETE FROM users')).toBe('read');
  });

  it('looks past comments, strings and quoted names', () => {
    expect(classifySql('-- list them\nSELECT * FROM users')).toBe('read');
    expect(classifySql('/* DELETE everything? no */ SELECT 1')).toBe('read');
    expect(classifySql("# mysql comment\nSELECT 'DELETE FROM users; DROP TABLE x' AS note")).toBe('read');
    expect(classifySql('SELECT "update", `delete` FROM t')).toBe('read');
    expect(classifySql('SELECT $$ DELETE FROM t $$, $tag$ INSERT $tag$')).toBe('read');
    expect(classifySql("SELECT 'it''s'")).toBe('read');
  });

  it('writes: DML, DDL, procedures, locks, session state', () => {
    for (const text of [
      'INSERT INTO orders (id) VALUES ($1)',
      "UPDATE orders SET status = 'cancelled' WHERE id = ?",
      'DELETE FROM carts WHERE user_id = $1',
      'MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE',
      'TRUNCATE orders CASCADE',
      'CREATE TABLE t (id int)',
      'ALTER TABLE t ADD COLUMN x int',
      'DROP INDEX i',
      'CALL refresh_totals()',
      'LOCK TABLE orders IN EXCLUSIVE MODE',
      'SET search_path TO app',
      'REPLACE INTO t VALUES (1)',
      'VACUUM orders',
      'COPY t FROM STDIN',
    ]) {
      expect(classifySql(text), text).toBe('write');
    }
  });

  it('writes: SELECT that locks rows, selects into, or calls a function with side effects', () => {
    expect(classifySql('SELECT * FROM jobs WHERE id = $1 FOR UPDATE')).toBe('write');
    expect(classifySql('SELECT * FROM jobs FOR NO KEY UPDATE SKIP LOCKED')).toBe('write');
    expect(classifySql('SELECT * FROM jobs FOR SHARE')).toBe('write');
    expect(classifySql('SELECT * FROM jobs LOCK IN SHARE MODE')).toBe('write');
    expect(classifySql('SELECT * INTO archive FROM orders')).toBe('write');
    expect(classifySql("SELECT nextval('orders_id_seq')")).toBe('write');
    expect(classifySql('SELECT pg_advisory_lock(42)')).toBe('write');
  });

  it('reads past WITH clauses, and writes when one of them modifies data', () => {
    expect(classifySql('WITH recent AS (SELECT * FROM orders) SELECT * FROM recent')).toBe('read');
    expect(classifySql('WITH RECURSIVE a (n) AS (SELECT 1), b AS MATERIALIZED (SELECT 2) SELECT * FROM a, b')).toBe(
      'read',
    );
    expect(classifySql('WITH moved AS (DELETE FROM a RETURNING *) INSERT INTO b SELECT * FROM moved')).toBe('write');
    expect(classifySql('WITH gone AS (DELETE FROM a RETURNING *) SELECT count(*) FROM gone')).toBe('write');
    expect(classifySql('WITH x AS (SELECT 1) UPDATE t SET y = 1')).toBe('write');
  });

  it('EXPLAIN ANALYZE runs its statement', () => {
    expect(classifySql('EXPLAIN ANALYZE SELECT 1')).toBe('read');
    expect(classifySql('EXPLAIN ANALYZE DELETE FROM t')).toBe('write');
    expect(classifySql('EXPLAIN (ANALYZE, BUFFERS) UPDATE t SET x = 1')).toBe('write');
  });

  it('transaction control orders everything', () => {
    for (const text of ['BEGIN', 'START TRANSACTION', 'COMMIT', 'ROLLBACK', 'SAVEPOINT a', 'RELEASE SAVEPOINT a']) {
      expect(classifySql(text), text).toBe('transaction');
    }
  });

  it('takes the strongest statement of a multi-statement text', () => {
    expect(classifySql('SELECT 1; SELECT 2;')).toBe('read');
    expect(classifySql('SELECT 1; DELETE FROM t')).toBe('write');
    expect(classifySql('BEGIN; UPDATE t SET x = 1; COMMIT')).toBe('transaction');
  });

  it('is unknown when it does not read as SQL or the verb is interpolated', () => {
    expect(classifySql('')).toBe('unknown');
    expect(classifySql('? FROM users')).toBe('unknown');
    expect(classifySql('hello world')).toBe('unknown');
    expect(classifySql("SELECT 'unterminated")).toBe('unknown');
    expect(classifySql('users:42')).toBe('unknown');
  });
});

describe('sqlKindOf', () => {
  it.each([
    ['a string on query()', "ask(pool.query('SELECT * FROM users WHERE id = $1', [id]));", 'read'],
    [
      'a template, interpolations as parameters',
      'ask(db.query(`UPDATE users SET name = ${name} WHERE id = ${id}`));',
      'write',
    ],
    ['a template that starts with an interpolation', 'ask(db.query(`${verb} FROM users`));', 'unknown'],
    ['a tagged template', 'ask(sql`DELETE FROM sessions`);', 'write'],
    ["Prisma's raw tag", 'ask(prisma.$queryRaw`SELECT 1`);', 'read'],
    ['a SQL template handed to execute()', 'ask(db.execute(sql`SELECT 1`));', 'read'],
    ['a method that takes other text too, with SQL', "ask(db.get('SELECT * FROM users'));", 'read'],
    ['the same with a cache key: no SQL', "ask(cache.get('user:1'));", undefined],
    ['text we cannot see', 'ask(db.query(text));', undefined],
    ['another tag', 'ask(html`<p>${x}</p>`);', undefined],
    ['transaction control', "ask(client.query('BEGIN'));", 'transaction'],
  ])('%s', (_title, code, kind) => {
    expect(probeAsked({ code }, (_context, node) => sqlKindOf(node))).toEqual([kind]);
  });
});
