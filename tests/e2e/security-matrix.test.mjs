// The route x role matrix: every route of every program (from the route
// dump of ticheng-admin, so a new route cannot escape), for each role
// and anonymous, over HTTP through nginx, answers what its route table's
// roles say: 200 for a role it allows, 403 for one it does not, 303 to
// sign in for a visitor, 405 for a method the path does not serve; every
// POST refuses a missing or wrong CSRF token with 403; every response
// carries the security headers; and none of it changes the database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { URL, TOP, sql } from './lib.mjs';
import {
  ROUTES, PEOPLE, ID_SOURCES, Client, signInAll, pool, pathFor, checksums,
  changedTables, headerFaults,
} from './security-matrix.mjs';

const LONG = process.env.TICHENG_SECURITY === 'long';
// Requests in flight at once (the stack has a few workers per program).
const PARALLEL = 4;

// Query parameters a page needs to show anything but a 400 (a period,
// a code): the route is then checked on its real page.
const closedPeriod = () => `period=${sql("SELECT MIN(label) FROM periods WHERE state = 'closed'")[0][0]}`;
const QUERY = [
  [/^\/commission\/estimate$/, () => `opportunity=${sql(ID_SOURCES['sales:opportunities'].sql(PEOPLE.sales))[0][0]}`],
  [/^\/settlement\/verify$/, () => `code=${sql(`SELECT verify_code FROM settlement_statements WHERE person_id = (SELECT id FROM people WHERE login = '${PEOPLE.sales}') AND verify_code IS NOT NULL ORDER BY id LIMIT 1`)[0][0]}`],
  // Finance's period documents: printing a period, payroll, the reports of one period.
  [/^\/settlement\/(print|payroll\.\w+|reports\/[\w.]+)$/, closedPeriod],
];
const queryOf = (pattern) => QUERY.find(([re]) => re.test(pattern))?.[1]();

// Answers other than 200 that a route gives every role it allows, and
// why (the role check passed; the page itself answers so).
const ANSWERS = {
  'GET /login': [303, 'a signed-in person is sent home'],
  'GET /settlement/': [303, "the module's home is its list of statements"],
  'GET /commission/plans/#/edit': [409, "the demo's only plan version is in force: only a draft is edited"],
  'GET /commission/plans/#/rules/new': [409, "the demo's only plan version is in force: only a draft is edited"],
  'GET /commission/plans/#/rules/#': [409, "the demo's only plan version is in force: only a draft is edited"],
};

let clients;
let jobId;
const faults = []; // headers missing, collected over every response

before(async () => {
  // A finished job of the rep: /jobs/N is theirs alone.
  sql(`INSERT INTO jobs (kind, job_key, params, who, state, created_at, finished_at, result)
       VALUES ('core.purge', 'security-matrix', '{}', '${PEOPLE.sales}', 'done', UTC_TIMESTAMP(), UTC_TIMESTAMP(), '{}')`);
  jobId = sql("SELECT MAX(id) FROM jobs WHERE job_key = 'security-matrix'")[0][0];
  clients = await signInAll();
  // ./dev security: every role again, reading English.
  if (LONG) for (const [role, c] of Object.entries(await signInAll('en-US'))) clients[`${role}@en`] = c;
});

after(() => {
  sql("DELETE FROM jobs WHERE job_key = 'security-matrix'");
});

// Every GET route with a real path: [route, path].
function getRoutes() {
  return ROUTES.filter((rt) => rt.method === 'GET').map((rt) => {
    let path = pathFor(rt);
    const q = path !== null ? queryOf(rt.pattern) : undefined;
    if (q) path += `?${q}`;
    return [rt, path];
  });
}

function allows(rt, c) {
  return rt.public || c.roles.some((r) => rt.roles.includes(r));
}

// What route rt answers client c (null: a visitor) on a GET.
function expectedGet(rt, c) {
  if (c === null) return rt.public ? 200 : 303;
  if (!allows(rt, c)) return 403;
  if (ANSWERS[`GET ${rt.pattern}`]) return ANSWERS[`GET ${rt.pattern}`][0];
  if (rt.id_kinds.some((k) => ID_SOURCES[k].scope === 'person') && c.login !== PEOPLE.sales) return 404;
  return 200;
}

function check(res, what) {
  for (const f of headerFaults(res)) faults.push(`${what}: ${f}`);
}

test('the dump lists every program and its routes have a source for every kind of id', () => {
  const programs = new Set(ROUTES.map((r) => r.program));
  for (const p of ['auth', 'admin', 'sales', 'commission', 'performance', 'settlement']) assert.ok(programs.has(p), p);
  for (const rt of ROUTES) for (const k of rt.id_kinds) assert.ok(ID_SOURCES[k], `${rt.method} ${rt.pattern}: kind ${k} has no id source`);
  const missing = getRoutes().filter(([, p]) => p === null).map(([rt]) => rt.pattern);
  assert.deepEqual(missing, [], 'every GET route with ids gets real ids from the demo data');
});

test('every GET route answers each role and a visitor as its roles say', async () => {
  const before_ = checksums();
  const cases = [];
  for (const [rt, path] of getRoutes()) {
    cases.push([rt, path, null]);
    for (const role of Object.keys(clients)) cases.push([rt, path, role]);
  }
  const visitor = new Client();
  const wrong = [];
  await pool(cases, PARALLEL, async ([rt, path, role]) => {
    const c = role === null ? visitor : clients[role];
    const res = await c.get(path);
    check(res, `GET ${path} (${role ?? 'visitor'})`);
    const want = expectedGet(rt, role === null ? null : c);
    if (res.status !== want) wrong.push(`GET ${path} as ${role ?? 'visitor'}: ${res.status}, expected ${want}`);
    else if (want === 303 && role === null && res.headers.get('location') !== `/login?next=${path.split('?')[0]}`) wrong.push(`GET ${path}: to ${res.headers.get('location')}`);
  });
  assert.deepEqual(wrong.sort(), []);
  assert.deepEqual(changedTables(before_, checksums()), [], 'reading changed nothing');
});

test('every POST refuses a role it does not allow and a visitor with 403, even with a valid token, and changes nothing', async () => {
  const before_ = checksums();
  const cases = [];
  for (const rt of ROUTES.filter((r) => r.method === 'POST' && !r.public)) {
    const path = pathFor(rt) ?? rt.pattern.replace(/#/g, '1');
    cases.push([rt, path, null]);
    for (const role of Object.keys(clients)) if (!allows(rt, clients[role])) cases.push([rt, path, role]);
  }
  const visitor = new Client();
  const wrong = [];
  await pool(cases, PARALLEL, async ([rt, path, role]) => {
    const c = role === null ? visitor : clients[role];
    const res = await c.post(path, { csrf: c.csrf ?? 'x' });
    check(res, `POST ${path} (${role ?? 'visitor'})`);
    if (res.status !== 403) wrong.push(`POST ${path} as ${role ?? 'visitor'}: ${res.status}, expected 403`);
  });
  assert.deepEqual(wrong.sort(), []);
  assert.deepEqual(changedTables(before_, checksums()), [], 'refused POSTs changed nothing');
});

test('every POST without its CSRF token, or with a wrong one, is 403 for a role it allows, and changes nothing', async () => {
  const before_ = checksums();
  const cases = [];
  for (const rt of ROUTES.filter((r) => r.method === 'POST')) {
    const path = pathFor(rt) ?? rt.pattern.replace(/#/g, '1');
    const role = rt.public ? null : Object.keys(clients).find((r) => allows(rt, clients[r]));
    cases.push([rt, path, role, {}]);
    cases.push([rt, path, role, { csrf: 'a'.repeat(64) }]);
    // Another person's valid token is as good as none.
    if (role !== null) cases.push([rt, path, role, { csrf: Object.values(clients).find((o) => o !== clients[role]).csrf }]);
  }
  const visitor = new Client();
  const wrong = [];
  await pool(cases, PARALLEL, async ([rt, path, role, form]) => {
    const c = role === null ? visitor : clients[role];
    const res = await c.post(path, form);
    check(res, `POST ${path} (${role ?? 'visitor'})`);
    if (res.status !== 403) wrong.push(`POST ${path} as ${role ?? 'visitor'} with csrf=${form.csrf ?? '(none)'}: ${res.status}`);
  });
  assert.deepEqual(wrong.sort(), []);
  assert.deepEqual(changedTables(before_, checksums()), [], 'refused POSTs changed nothing');
});

test('a method a path does not serve is 405, for a visitor and a signed-in person', async () => {
  const byPath = new Map();
  for (const rt of ROUTES) {
    const path = pathFor(rt) ?? rt.pattern.replace(/#/g, '1');
    if (!byPath.has(rt.pattern)) byPath.set(rt.pattern, { path, methods: new Set() });
    byPath.get(rt.pattern).methods.add(rt.method);
  }
  const cases = [];
  for (const { path, methods } of byPath.values()) {
    for (const m of ['GET', 'POST', 'PUT', 'DELETE']) if (!methods.has(m)) cases.push([path, m]);
  }
  const visitor = new Client();
  const admin = clients.admin;
  const wrong = [];
  await pool(cases, PARALLEL, async ([path, m]) => {
    for (const c of [visitor, admin]) {
      const res = await c.request(m, path, m === 'GET' ? {} : { form: { csrf: c.csrf ?? '' } });
      check(res, `${m} ${path}`);
      if (res.status !== 405) wrong.push(`${m} ${path} (${c.login ?? 'visitor'}): ${res.status}`);
    }
  });
  assert.deepEqual(wrong.sort(), []);
});

test('every static file and the pages nginx serves itself carry the security headers', async () => {
  const visitor = new Client();
  const files = readdirSync(join(TOP, 'templates', 'static'));
  assert.ok(files.includes('error-502.html') && files.includes('ticheng.css'));
  for (const f of files) {
    const res = await visitor.get(`/static/${f}`);
    assert.equal(res.status, 200, f);
    assert.deepEqual(headerFaults(res), [], f);
  }
  // A body over nginx's limit never reaches a program: nginx's own 413,
  // ticheng's static page in both languages.
  const c = clients.sales;
  const res = await fetch(`${URL}/sales/import`, {
    method: 'POST', redirect: 'manual', body: Buffer.alloc(11 * 1024 * 1024, 0x61),
    headers: { cookie: c.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
  }).catch((e) => e);
  assert.equal(res.status, 413);
  const page = await res.text();
  assert.match(page, /文件太大/);
  assert.match(page, /Too large/);
  assert.deepEqual(headerFaults({ headers: res.headers, setCookies: [] }), []);
});

test('every response above carried the security headers and cookie flags', () => {
  assert.deepEqual([...new Set(faults)].slice(0, 40), []);
});
