// Object level: every detail page, export and action of the route dump
// that takes the id of a row belonging to a rep (a customer, order,
// opportunity, activity, commission line, adjustment, dispute, statement
// and its print form, a rep's performance page, a job)
// answers 404 to another rep of the team and to the other team, for a
// GET and for a POST carrying a valid CSRF token, and none of it changes
// the database (row counts and CHECKSUM TABLE of every table).  The
// rep's manager opening the same ids gets the page: the ids are real.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, TOP } from './lib.mjs';
import {
  ROUTES, PEOPLE, SAME_TEAM, OTHER_TEAM, ID_SOURCES, Client, idOf, pool,
  checksums, changedTables, headerFaults,
} from './security-matrix.mjs';

const PARALLEL = 4;
const LONG = process.env.TICHENG_SECURITY === 'long';
const REP = PEOPLE.sales; // zhangwei, East
const MANAGER = PEOPLE.manager; // chenjing, East's manager

// [viewer, owner of the rows, what each scope answers].
const SHORT_PAIRS = [
  [REP, SAME_TEAM, { rep: 404, team: 200, person: 404 }],
  [REP, OTHER_TEAM, { rep: 404, team: 404, person: 404 }],
  [OTHER_TEAM, REP, { rep: 404, team: 404, person: 404 }],
  [MANAGER, OTHER_TEAM, { rep: 404, team: 404, person: 404 }],
  [MANAGER, SAME_TEAM, { rep: 200, team: 200, person: 404 }],
];

// ./dev security: every rep and manager of the directory against every
// other rep's rows.
function allPairs() {
  const people = sql("SELECT login, team, manager_login FROM people WHERE active AND team <> '' AND dn LIKE '%ou=people%'");
  const reps = people.filter(([l]) => !people.some(([, , m]) => m === l));
  const out = [];
  for (const [viewer, vteam] of people) {
    for (const [owner, oteam, manager] of reps) {
      if (owner === viewer) continue;
      out.push([viewer, owner, { rep: manager === viewer ? 200 : 404, team: vteam === oteam ? 200 : 404, person: 404 }]);
    }
  }
  return out;
}

const PAIRS = LONG ? allPairs() : SHORT_PAIRS;

// Answers other than 200 that a page gives its reader (as in
// security-matrix.test.mjs).
const ANSWERS = { 'GET /settlement/': 303 };

let clients;

before(async () => {
  // A finished job for each owner: /jobs/N is its queuer's alone.
  for (const who of new Set([REP, SAME_TEAM, OTHER_TEAM, ...PAIRS.map(([, o]) => o)])) {
    sql(`INSERT INTO jobs (kind, job_key, params, who, state, created_at, finished_at, result)
         VALUES ('core.purge', 'security-matrix-objects', '{}', '${who}', 'done', UTC_TIMESTAMP(), UTC_TIMESTAMP(), '{}')`);
  }
  clients = {};
  for (const login of new Set([REP, MANAGER, OTHER_TEAM, ...PAIRS.map(([v]) => v)])) {
    const c = new Client();
    assert.equal((await c.signIn(login)).status, 303, `${login} signs in`);
    clients[login] = c;
  }
});

after(() => {
  sql("DELETE FROM jobs WHERE job_key = 'security-matrix-objects'");
});

// The routes whose ids belong to someone, with the scope that decides.
const owned = ROUTES.filter((rt) => rt.id_kinds.some((k) => ID_SOURCES[k]?.scope));

function scopeOf(rt) {
  const scopes = rt.id_kinds.map((k) => ID_SOURCES[k].scope).filter(Boolean);
  // The narrowest decides: a person's row inside a rep's, a rep's inside a team's.
  return ['person', 'rep', 'team'].find((s) => scopes.includes(s));
}

// What a person reads of a page: its <main>.
function mainOf(html) {
  return /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? html;
}

// The path of rt with the ids of owner's rows, or null without such rows.
function pathOf(rt, owner) {
  let k = 0;
  let missing = false;
  const path = rt.pattern.replace(/#/g, () => {
    const kind = rt.id_kinds[k++];
    const v = idOf(kind, ID_SOURCES[kind].scope ? owner : REP);
    if (v === undefined) missing = true;
    return v ?? '0';
  });
  return missing ? null : path;
}

test('every kind of id that belongs to someone has rows of each rep of the test', () => {
  const kinds = new Set(owned.flatMap((rt) => rt.id_kinds).filter((k) => ID_SOURCES[k].scope));
  const none = [];
  for (const k of kinds) {
    for (const owner of [REP, SAME_TEAM, OTHER_TEAM]) {
      // A team's rows: the North team has no contest of its own.
      if (ID_SOURCES[k].scope === 'team' && owner !== REP) continue;
      if (idOf(k, owner) === undefined) none.push(`${k} of ${owner}`);
    }
  }
  assert.deepEqual(none, []);
  assert.ok(owned.length >= 40, `${owned.length} routes take ids of someone's rows`);
});

test("another rep's and the other team's ids give 404 on every page, export and action, and change nothing", async () => {
  const before_ = checksums();
  const cases = [];
  for (const rt of owned) {
    for (const [viewer, owner, answers] of PAIRS) {
      const c = clients[viewer];
      if (!c.roles.some((r) => rt.roles.includes(r))) continue; // the role check refuses it (the matrix)
      const want = answers[scopeOf(rt)];
      if (rt.method === 'POST' && want !== 404) continue; // an allowed action would change data
      const path = pathOf(rt, owner);
      if (path === null) continue; // no such row (checked above)
      cases.push({ rt, path, viewer, owner, want: rt.method === 'GET' && want === 200 ? (ANSWERS[`GET ${rt.pattern}`] ?? 200) : want });
    }
  }
  const notFound = {};
  for (const [login, c] of Object.entries(clients)) notFound[login] = mainOf((await c.get('/sales/orders/999999999')).body);
  const wrong = [];
  const faults = [];
  await pool(cases, PARALLEL, async ({ rt, path, viewer, owner, want }) => {
    const c = clients[viewer];
    const res = rt.method === 'GET' ? await c.get(path) : await c.post(path, { csrf: c.csrf });
    faults.push(...headerFaults(res).map((f) => `${rt.method} ${path}: ${f}`));
    if (res.status !== want) wrong.push(`${rt.method} ${path} (${owner}'s) as ${viewer}: ${res.status}, expected ${want}`);
    // A 404 says nothing of the row: the page of an id that does not exist.
    else if (want === 404 && mainOf(res.body) !== notFound[viewer]) wrong.push(`${rt.method} ${path}: a 404 unlike the not-found page: ${mainOf(res.body).slice(0, 200)}`);
  });
  console.log(`# ${cases.length} requests: ${cases.filter((c) => c.want === 404 && c.rt.method === 'GET').length} pages and exports, ${cases.filter((c) => c.rt.method === 'POST').length} actions refused with 404, ${cases.filter((c) => c.want !== 404).length} opened by the manager`);
  assert.deepEqual(wrong.sort(), []);
  assert.deepEqual(faults, []);
  assert.ok(cases.filter((c) => c.want === 404 && c.rt.method === 'POST').length >= 20, 'actions were tried');
  assert.deepEqual(changedTables(before_, checksums()), [], 'nothing changed in the database');
});

test('a 404 for a row of someone else is the same page as for an id that does not exist', async () => {
  const c = clients[REP];
  const theirs = await c.get(`/sales/orders/${idOf('sales:orders', OTHER_TEAM)}`);
  const none = await c.get('/sales/orders/999999999');
  assert.equal(theirs.status, 404);
  assert.equal(none.status, 404);
  assert.equal(mainOf(theirs.body), mainOf(none.body));
});

test("a team's contest shows the other team the ranks and names, never the amounts", async () => {
  const id = sql("SELECT MIN(id) FROM contests WHERE team = 'East'")[0][0];
  const other = await clients[OTHER_TEAM].get(`/performance/contests/${id}`);
  const own = await clients[REP].get(`/performance/contests/${id}`);
  assert.equal(other.status, 200);
  assert.equal(own.status, 200);
  const amounts = (html) => (mainOf(html).match(/\d{1,3}(,\d{3})*\.\d{2}/g) ?? []);
  const prizes = sql(`SELECT amount FROM contest_prizes WHERE contest_id = ${id}`).map(([a]) => Number(a));
  // The other team reads the prizes only; the rep reads their own standing too.
  const foreign = amounts(other.body).map((a) => Number(a.replace(/,/g, ''))).filter((a) => !prizes.includes(a));
  assert.deepEqual(foreign, [], 'no sales amount of the East team shown to the North team');
  assert.match(mainOf(other.body), /···/);
  assert.ok(amounts(own.body).length > amounts(other.body).length, 'the rep sees amounts the other team does not');
});

// The other team's people, as exports name them (login or name), but for
// those credited on an order beside someone of the East team: an order's
// credited reps are shown to everyone who may read the order (an earlier
// test on the same stack splits one between zhangwei and wangqiang).
const NORTH = sql(`SELECT p.login, p.name FROM people p WHERE (p.team = 'North' OR p.login = 'yangfan')
  AND NOT EXISTS (SELECT 1 FROM order_reps a JOIN order_reps b ON b.order_id = a.order_id
    JOIN people q ON q.id = b.person_id WHERE a.person_id = p.id AND q.team = 'East')`).flat();

test("no export a rep or a manager may take names the other team, whatever its filters ask for", async () => {
  const north = idOf('performance:reps', OTHER_TEAM);
  const customer = idOf('sales:customers', OTHER_TEAM);
  const all = ['', `rep=${north}`, `rep=${OTHER_TEAM}`, `person=${north}`, `person_id=${north}`, `owner=${north}`,
    'team=North', `customer=${customer}`, `rep=${north}&team=North&scope=all`];
  // The short form asks the filters the lists take; ./dev security all.
  const asks = LONG ? all : ['', `rep=${north}`, 'team=North'];
  const exports = ROUTES.filter((rt) => rt.method === 'GET' && (rt.type === 'csv' || rt.type === 'xlsx') && rt.ids === 0);
  const cases = [];
  for (const viewer of [REP, MANAGER]) {
    for (const rt of exports.filter((r) => clients[viewer].roles.some((x) => r.roles.includes(x)))) {
      for (const q of asks) cases.push([viewer, rt, q ? `${rt.pattern}?${q}` : rt.pattern]);
    }
  }
  const wrong = [];
  let read = 0;
  await pool(cases, PARALLEL, async ([viewer, rt, path]) => {
    const res = await clients[viewer].get(path, { binary: rt.type === 'xlsx' });
    if (res.status === 400) return; // a filter it does not take, refused
    if (res.status !== 200) { wrong.push(`${path} as ${viewer}: ${res.status}`); return; }
    read++;
    // XLSX keeps its strings in a zip: read them as openpyxl does.
    const text = rt.type === 'csv' ? res.body : xlsxText(res.body);
    const named = NORTH.filter((n) => text.includes(n));
    if (named.length) wrong.push(`${path} as ${viewer} names ${named.join(', ')}`);
  });
  assert.deepEqual(wrong, []);
  assert.ok(NORTH.length >= 4, `${NORTH.length / 2} people of the other team looked for`);
  assert.ok(read >= 3 * asks.length, `${read} exports read`);
});

// Every string of an XLSX file (its shared strings and inline strings).
function xlsxText(buf) {
  const dir = mkdtempSync(join(tmpdir(), 'security-xlsx-'));
  try {
    writeFileSync(join(dir, 'f.xlsx'), buf);
    return execFileSync('/usr/bin/python3', [join(TOP, 'tests/unit/read-xlsx.py'), join(dir, 'f.xlsx')], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
