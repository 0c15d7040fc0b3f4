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
import { sql } from './lib.mjs';
import {
  ROUTES, PEOPLE, SAME_TEAM, OTHER_TEAM, ID_SOURCES, Client, idOf, pool,
  checksums, changedTables, headerFaults,
} from './security-matrix.mjs';

const PARALLEL = 4;
const REP = PEOPLE.sales; // zhangwei, East
const MANAGER = PEOPLE.manager; // chenjing, East's manager

// [viewer, owner of the rows, what each scope answers].
const PAIRS = [
  [REP, SAME_TEAM, { rep: 404, team: 200, person: 404 }],
  [REP, OTHER_TEAM, { rep: 404, team: 404, person: 404 }],
  [OTHER_TEAM, REP, { rep: 404, team: 404, person: 404 }],
  [MANAGER, OTHER_TEAM, { rep: 404, team: 404, person: 404 }],
  [MANAGER, SAME_TEAM, { rep: 200, team: 200, person: 404 }],
];

// Answers other than 200 that a page gives its reader (as in
// security-matrix.test.mjs).
const ANSWERS = { 'GET /settlement/': 303 };

let clients;

before(async () => {
  // A finished job for each owner: /jobs/N is its queuer's alone.
  for (const who of [REP, SAME_TEAM, OTHER_TEAM]) {
    sql(`INSERT INTO jobs (kind, job_key, params, who, state, created_at, finished_at, result)
         VALUES ('core.purge', 'security-matrix-objects', '{}', '${who}', 'done', UTC_TIMESTAMP(), UTC_TIMESTAMP(), '{}')`);
  }
  clients = {};
  for (const login of [REP, MANAGER, OTHER_TEAM]) {
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
