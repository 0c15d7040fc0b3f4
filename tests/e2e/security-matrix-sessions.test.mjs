// Sessions and what surrounds them, over HTTP through nginx: a planted
// session or pre-session cookie is never adopted at sign-in (fixation),
// sign-in failures are limited even when they arrive at once, no return
// address after sign-in or a language change leaves the site, and every
// CSV and XLSX export of every module (from the route dump) defuses the
// text a spreadsheet would run as a formula.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, TOP } from './lib.mjs';
import { ROUTES, PEOPLE, Client, csrfIn, pool, headerFaults } from './security-matrix.mjs';

afterEach(() => { sql('DELETE FROM login_failures'); });

const hex = (c) => c.repeat(64);
const sessionHash = (token) => sql(`SELECT COUNT(*) FROM sessions WHERE token_hash = SHA2('${token}', 256)`)[0][0];

test('a session cookie planted before sign-in is never adopted: a new token, a new CSRF token', async () => {
  const c = new Client();
  c.cookies.set('tc_session', hex('a'));
  c.cookies.set('tc_pre', hex('b'));
  const page = await c.get('/login');
  assert.equal(page.status, 200);
  // The planted pre-session token signs the sign-in form only.
  assert.equal(csrfIn(page.body), hex('b'));
  const res = await c.post('/login', { username: PEOPLE.sales, password: 'ticheng', csrf: hex('b') });
  assert.equal(res.status, 303);
  const token = c.cookies.get('tc_session');
  assert.match(token, /^[0-9a-f]{64}$/);
  assert.notEqual(token, hex('a'));
  assert.equal(sessionHash(token), '1');
  assert.equal(sessionHash(hex('a')), '0', 'the planted value is no session');
  const home = await c.get('/');
  assert.equal(home.status, 200);
  assert.notEqual(csrfIn(home.body), hex('b'), 'the signed-in forms carry a token the visitor never had');
  // The token the visitor had is worth nothing once signed in.
  const lang = await c.post('/lang', { lang: 'en', next: '/', csrf: hex('b') });
  assert.equal(lang.status, 403);
  // Signing in again gives yet another session; the first one ends.
  const again = new Client();
  again.cookies.set('tc_session', token);
  assert.equal((await again.get('/')).status, 200, 'the first session works');
  const second = new Client();
  assert.equal((await second.signIn(PEOPLE.sales)).status, 303);
  assert.notEqual(second.cookies.get('tc_session'), token);
});

test('a session token from another person, or one signed out, opens nothing', async () => {
  const c = new Client();
  await c.signIn(PEOPLE.manager);
  const token = c.cookies.get('tc_session');
  assert.equal((await c.post('/logout', { csrf: c.csrf })).status, 303);
  assert.equal(sessionHash(token), '0');
  const replay = new Client();
  replay.cookies.set('tc_session', token);
  const res = await replay.get('/sales/orders');
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location'), /^\/login\?next=/);
});

test('sign-in failures that arrive at once are all counted: the login locks, right password or not', async () => {
  const login = 'xuhui';
  const tries = await pool(Array.from({ length: 8 }, (_, i) => i), 8, async (i) => {
    const c = new Client();
    const page = await c.get('/login');
    return (await c.post('/login', { username: login, password: `wrong-${i}`, csrf: csrfIn(page.body) })).status;
  });
  // Those over the limit may already be refused as locked.
  assert.ok(tries.every((s) => s === 401 || s === 429), `answers ${tries}`);
  assert.ok(Number(sql(`SELECT COUNT(*) FROM login_failures WHERE login = '${login}'`)[0][0]) >= 5);
  const right = new Client();
  const r = await right.signIn(login);
  assert.equal(r.status, 429, 'the right password is refused while locked');
  assert.equal(right.cookies.has('tc_session'), false);
  const wrong = new Client();
  const w = await wrong.signIn(login, 'still-wrong');
  assert.equal(w.status, 429, 'a wrong password gets the same answer: no oracle');
  assert.deepEqual(headerFaults(r), []);
  sql(`DELETE FROM login_failures WHERE login = '${login}'`);
  assert.equal((await new Client().signIn(login)).status, 303, 'the lock is in the table, nowhere else');
});

// Return addresses that would leave the site, or reach it only through
// a decoding proxy; each must send the person home.
const HOSTILE = [
  '//evil.example/', '///evil.example/', 'https://evil.example/', 'http:evil.example', 'https:/evil.example',
  '/\\evil.example', '\\/evil.example', '\\\\evil.example', '/%2F/evil.example', '/%2f/evil.example',
  '/%5Cevil.example', '%2F%2Fevil.example', '/\t/evil.example', ' //evil.example', '/\r\nLocation: //evil.example',
  'javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', '//evil.example@127.0.0.1/', 'evil.example',
];

test('no return address after sign-in leaves the site', async () => {
  await pool(HOSTILE, 2, async (next) => {
    const c = new Client();
    const page = await c.get(`/login?next=${encodeURIComponent(next)}`);
    // Only local paths are carried (the language form's is this page's).
    for (const [, v] of page.body.matchAll(/name="next" value="([^"]*)"/g)) {
      assert.match(v, /^(|\/[^/\\%].*)$/, `${JSON.stringify(next)}: the form carries ${v}`);
    }
    const res = await c.post('/login', { username: PEOPLE.admin, password: 'ticheng', csrf: csrfIn(page.body), next });
    assert.equal(res.status, 303, JSON.stringify(next));
    assert.equal(res.headers.get('location'), '/', `${JSON.stringify(next)}: home`);
  });
  // A local path is kept.
  const c = new Client();
  const res = await c.signIn(PEOPLE.admin, 'ticheng', '/admin/audit?page=2');
  assert.equal(res.headers.get('location'), '/admin/audit?page=2');
});

test('no return address after a language change leaves the site', async () => {
  const c = new Client();
  await c.signIn(PEOPLE.hr);
  for (const next of HOSTILE) {
    const res = await c.post('/lang', { lang: 'zh', next, csrf: c.csrf });
    assert.equal(res.status, 303, JSON.stringify(next));
    assert.equal(res.headers.get('location'), '/', JSON.stringify(next));
  }
  const visitor = new Client();
  const page = await visitor.get('/login');
  const res = await visitor.post('/lang', { lang: 'zh', next: '//evil.example/', csrf: csrfIn(page.body) });
  assert.equal(res.headers.get('location'), '/');
});

// --- exports ----------------------------------------------------------------

// Text a spreadsheet runs as a formula (OWASP's list: = + - @, a tab, a
// carriage return at the start of a cell), planted in names every export
// shows: customers, products, people.
const FORMULAS = ['=HYPERLINK("http://evil.example","x")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(1,2)', '\t=1+1', '\r=1+1'];
const planted = [];

function plant(table, column, where, value) {
  const old = sql(`SELECT id, ${column} FROM ${table} WHERE ${where}`);
  for (const [id, v] of old) planted.push([table, column, id, v]);
  sql(`UPDATE ${table} SET ${column} = '${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\t/g, '\\t').replace(/\r/g, '\\r')}' WHERE ${where}`);
}

let dir;
before(() => { dir = mkdtempSync(join(tmpdir(), 'security-exports-')); });
after(() => {
  for (const [table, column, id, v] of planted.reverse()) {
    sql(`UPDATE ${table} SET ${column} = ${v === 'NULL' ? 'NULL' : `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`} WHERE id = ${id}`);
  }
  rmSync(dir, { recursive: true, force: true });
});

// The cells of a CSV (RFC 4180, as core/csv writes it).
function csvCells(text) {
  const cells = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    let v = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') { v += '"'; i += 2; } else if (text[i] === '"') { i++; break; } else v += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && !(text[i] === '\r' && text[i + 1] === '\n')) v += text[i++];
    }
    cells.push(v);
    if (text[i] === ',') i++;
    else if (text[i] === '\r') i += 2;
    else if (text[i] === '\n') i++;
  }
  return cells;
}

const NUMBER = /^-?\d+(\.\d+)?%?$/;
const DANGEROUS = /^[=+\-@\t\r]/;

test('every CSV and XLSX export of every module defuses what a spreadsheet would run as a formula', async () => {
  const east = `(SELECT id FROM people WHERE login = '${PEOPLE.sales}')`;
  plant('customers', 'name', `owner_id = ${east}`, FORMULAS[0]);
  plant('products', 'name_zh', 'id IN (SELECT DISTINCT product_id FROM order_lines)', FORMULAS[1]);
  plant('products', 'name_en', 'id IN (SELECT DISTINCT product_id FROM order_lines)', FORMULAS[2]);
  plant('people', 'name', `login = '${PEOPLE.sales}'`, FORMULAS[3]);
  plant('people', 'name', "login = 'lina'", FORMULAS[4]);
  plant('people', 'name', "login = 'wangqiang'", FORMULAS[5]);
  plant('people', 'department', `login = '${PEOPLE.sales}'`, FORMULAS[2]);
  plant('settlement_statements', 'team', `person_id = ${east}`, FORMULAS[3]);
  const exports = ROUTES.filter((rt) => rt.method === 'GET' && (rt.type === 'csv' || rt.type === 'xlsx'));
  assert.ok(exports.length >= 10, `${exports.length} exports`);
  const programs = new Set(exports.map((rt) => rt.program));
  for (const p of ['sales', 'commission', 'performance', 'settlement']) assert.ok(programs.has(p), `${p} has exports`);
  // Who reads each: the first role of its route that reads everything.
  const readers = {};
  for (const role of ['finance', 'hr', 'management', 'manager', 'sales']) {
    readers[role] = new Client();
    await readers[role].signIn(PEOPLE[role]);
  }
  const closed = sql("SELECT MIN(label) FROM periods WHERE state = 'closed'")[0][0];
  const found = [];
  const wrong = [];
  for (const rt of exports) {
    const role = ['finance', 'hr', 'management', 'manager', 'sales'].find((r) => rt.roles.includes(r));
    // A period that has rows everywhere: the closed one for settlement, the
    // page's own default elsewhere.
    const path = rt.program === 'settlement' ? `${rt.pattern}?period=${closed}` : rt.pattern;
    const res = await readers[role].get(path, { binary: rt.type === 'xlsx' });
    assert.equal(res.status, 200, `${path} as ${role}`);
    assert.deepEqual(headerFaults(res), [], path);
    let cells;
    if (rt.type === 'csv') {
      cells = csvCells(res.body).map((v) => ({ v, t: 's' }));
    } else {
      const file = join(dir, `${rt.pattern.replace(/\W+/g, '-')}.xlsx`);
      writeFileSync(file, res.body);
      cells = execFileSync('/usr/bin/python3', [join(TOP, 'tests/unit/read-xlsx.py'), file], { encoding: 'utf8' })
        .split('\n').filter((l) => l.startsWith('cell ')).map((l) => {
          const [, , t, , ...v] = l.split(' ');
          return { v: v.join(' '), t };
        });
    }
    for (const { v, t } of cells) {
      if (t === 'f') wrong.push(`${path}: a formula cell ${v}`);
      const planted_ = FORMULAS.find((f) => v.includes(f.trim().slice(0, 6)));
      if (planted_) found.push(`${path} ${JSON.stringify(v)}`);
      if (rt.type === 'csv' && DANGEROUS.test(v) && !NUMBER.test(v)) wrong.push(`${path}: ${JSON.stringify(v)} runs as a formula`);
      // XLSX: text is written as a string cell, which a spreadsheet shows
      // and never runs (libxlsxwriter 1.1.4 has no quote-prefix format, so
      // the cell carries no apostrophe).
      if (rt.type === 'xlsx' && DANGEROUS.test(v) && t !== 's' && !(t === 'n' && NUMBER.test(v))) wrong.push(`${path}: ${JSON.stringify(v)} as a ${t} cell`);
    }
  }
  const met = new Set(found.map((f) => f.split(' ')[0].split('?')[0]));
  console.log(`# ${exports.length} exports read, ${found.length} planted formulas met, in ${[...met].join(' ')}`);
  assert.deepEqual(wrong, []);
  // The planted text reached every export (so the check above saw it),
  // but those that hold no text of the data.
  const textless = {
    '/sales/import/sample.csv': 'a fixed sample file',
    '/settlement/reports.csv': 'period labels and figures only',
    '/settlement/reports.xlsx': 'period labels and figures only',
  };
  assert.deepEqual(exports.map((rt) => rt.pattern).filter((p) => !met.has(p) && !textless[p]), []);
});
