import { describe, expect, it } from 'vitest';

import { judgeAwaitedWork } from '../../../src/analysis/concurrency/call-effects.js';
import { probeAsked } from '../harness.js';

/** What `judgeAwaitedWork` says about each `ask(…)` argument of `code`. */
function judge(code: string): string[] {
  return probeAsked({ code }, judgeAwaitedWork);
}

describe('judgeAwaitedWork', () => {
  it('reads by name, unless the name also writes or does two things', () => {
    expect(
      judge(
        'ask(getUser(id)); ask(api.findAll()); ask(loadConfig()); ask(countRows()); ask(isMember(u)); ask(updateUser(u)); ask(findOneAndUpdate(q)); ask(getOrCreateGroup(g)); ask(loadAndSave(x)); ask(process(x)); ask(query(text));',
      ),
    ).toEqual(['read', 'read', 'read', 'read', 'read', 'write', 'write', 'write', 'unknown', 'unknown', 'unknown']);
  });

  it('reads SQL text by its kind, whatever the method name', () => {
    expect(
      judge(
        "ask(db.execute('SELECT 1')); ask(db.get('DELETE FROM users')); ask(sql`SELECT 1`); ask(sql`TRUNCATE t`); ask(db.query(`${x}`));",
      ),
    ).toEqual(['read', 'write', 'read', 'write', 'unknown']);
  });

  it('reads HTTP GET and HEAD by origin, from the method or the options', () => {
    const code = [
      "import axios from 'axios';",
      "import got from 'got';",
      "ask(fetch(url)); ask(fetch(url, { method: 'HEAD' })); ask(fetch(url, { method: 'POST' })); ask(fetch(url, init));",
      "ask(axios.get(url)); ask(axios({ url, method: 'delete' })); ask(axios(url)); ask(got(url, { method })); ask(got.head(url));",
    ].join('\n');
    expect(judge(code)).toEqual(['read', 'read', 'write', 'unknown', 'read', 'write', 'read', 'unknown', 'read']);
  });

  it('reads files and DNS by origin', () => {
    const code = [
      "import { access } from 'node:fs/promises';",
      "import fs from 'node:fs';",
      "import dns from 'node:dns';",
      'ask(access(p)); ask(fs.promises.realpath(p)); ask(dns.promises.reverse(ip)); ask(fs.promises.utimes(p, a, m));',
    ].join('\n');
    expect(judge(code)).toEqual(['read', 'read', 'read', 'unknown']);
  });

  it('follows a same-file function: its body decides, then its name', () => {
    const code = [
      "async function row(id) { const { rows } = await pool.query('SELECT * FROM t WHERE id = $1', [id]); return rows[0]; }",
      "async function getUser(id) { await pool.query('UPDATE users SET seen = now()'); return row(id); }",
      'async function listAll() { return client.send(request); }',
      'const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));',
      'async function fetchData(id) { await sleep(1000); return { id }; }',
      'async function wait1() { await sleep(1000); }',
      'ask(row(1)); ask(getUser(1)); ask(listAll()); ask(fetchData(1)); ask(wait1());',
    ].join('\n');
    expect(judge(code)).toEqual(['read', 'write', 'read', 'read', 'read']);
  });

  it('reads a chain when one link reads and none writes; promise callbacks and Promise.all are looked through', () => {
    expect(
      judge(
        "ask(db.collection('users').find(q).toArray()); ask(knex('users').insert(row)); ask(getUser(1).then(format)); ask(Promise.all([getA(), getB()])); ask(Promise.all([getA(), saveB()])); ask(user);",
      ),
    ).toEqual(['read', 'write', 'read', 'read', 'unknown', 'unknown']);
  });
});
