// What the security matrix tests share (security-matrix*.test.mjs): the
// route dump of ticheng-admin (every route of every program, so a new
// route cannot escape), people of each role signed in over plain HTTP
// through nginx, a real id of the demo data for every kind of id, and the
// database's row counts and checksums to show that a refused request
// changed nothing.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { URL, PASSWORD, sql, BUILD } from './lib.mjs';

// Every route: { program, method, pattern, roles, public, ids, id_kinds,
// changes, type } (ticheng-admin(1), routes).
export const ROUTES = execFileSync(join(BUILD, 'ticheng-admin'), ['routes', '--json'], { encoding: 'utf8' })
  .split('\n').filter(Boolean).map((l) => JSON.parse(l));

// One demo person per role (the README's demo logins), and the role bits
// of core/app.h in their order.
export const ROLE_BITS = ['sales', 'manager', 'hr', 'finance', 'reviewer', 'management', 'admin'];
export const PEOPLE = {
  sales: 'zhangwei', // East team
  manager: 'chenjing', // East team's manager (sales too)
  hr: 'zhaomin',
  finance: 'sunli',
  reviewer: 'zhouhang', // finance too
  management: 'wujun',
  admin: 'admin',
};
// The other rep of the same team, and a rep and the manager of the other team.
export const SAME_TEAM = 'lina';
export const OTHER_TEAM = 'wangqiang';

// --- HTTP with a cookie jar, no redirects followed ---------------------

export class Client {
  constructor(lang = 'zh-CN') {
    this.cookies = new Map();
    this.lang = lang;
    this.roles = [];
    this.login = null;
    this.csrf = null;
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  // fetch(path) with this client's cookies; keeps the cookies it sets.
  // Returns { status, headers, setCookies, body (text unless binary) }.
  async request(method, path, { form, headers = {}, binary = false } = {}) {
    const h = { 'accept-language': this.lang, ...headers };
    if (this.cookies.size) h.cookie = this.cookieHeader();
    let body;
    if (form) {
      body = new URLSearchParams(form).toString();
      h['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await fetch(`${URL}${path}`, { method, headers: h, body, redirect: 'manual' });
    const setCookies = res.headers.getSetCookie();
    for (const c of setCookies) {
      const [pair, ...attrs] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const gone = value === '' || attrs.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (gone) this.cookies.delete(name); else this.cookies.set(name, value);
    }
    const buf = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, setCookies, body: binary ? buf : buf.toString('utf8'), buf };
  }

  get(path, opts) { return this.request('GET', path, opts); }
  post(path, form, opts = {}) { return this.request('POST', path, { ...opts, form }); }

  // Signs in through the form (its pre-session CSRF token); returns the
  // POST's answer.  On success this.roles holds the session's roles and
  // this.csrf the token the signed-in forms carry.
  async signIn(login, password = PASSWORD, next = '') {
    const page = await this.get(`/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
    const token = csrfIn(page.body);
    const form = { username: login, password, csrf: token };
    if (next) form.next = next;
    const res = await this.post('/login', form);
    if (res.status === 303 && this.cookies.has('tc_session')) {
      this.login = login;
      const bits = Number(sql(`SELECT roles FROM sessions WHERE token_hash = SHA2('${this.cookies.get('tc_session')}', 256)`)[0][0]);
      this.roles = ROLE_BITS.filter((_, i) => bits & (1 << i));
      this.csrf = csrfIn((await this.get('/')).body);
    }
    return res;
  }
}

// The value of the first csrf input of an HTML page.
export function csrfIn(html) {
  const m = /name="csrf"\s+value="([0-9a-f]+)"/.exec(html) ?? /value="([0-9a-f]+)"\s+name="csrf"/.exec(html);
  if (!m) throw new Error('no csrf input on the page');
  return m[1];
}

// Signs in one client per role of PEOPLE, reading lang: { role: client }.
export async function signInAll(lang = 'zh-CN') {
  const out = {};
  for (const [role, login] of Object.entries(PEOPLE)) {
    const c = new Client(lang);
    const res = await c.signIn(login);
    if (res.status !== 303) throw new Error(`${login} could not sign in: ${res.status}`);
    out[role] = c;
  }
  return out;
}

// Runs fn over items, at most n at a time; returns the results in order.
export async function pool(items, n, fn) {
  const out = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}

// --- real ids ------------------------------------------------------------

const pid = (login) => `(SELECT id FROM people WHERE login = '${login}')`;
// An order credited to login alone, booked, neither a return nor returned,
// of a customer login owns, in an open period (so its forms open).
const orderOf = (login) => `SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id
  WHERE c.owner_id = ${pid(login)} AND o.status = 'booked' AND o.original_order_id IS NULL
    AND NOT EXISTS (SELECT 1 FROM orders r WHERE r.original_order_id = o.id)
    AND o.order_date >= (SELECT MIN(first_day) FROM periods WHERE state = 'open')
    AND (SELECT COUNT(*) FROM order_reps x WHERE x.order_id = o.id) = 1
    AND EXISTS (SELECT 1 FROM order_reps x WHERE x.order_id = o.id AND x.person_id = ${pid(login)})
  ORDER BY o.id LIMIT 1`;

// For every kind of id of the dump ("module:segment"): the SQL of a real
// id whose row belongs to login (a rep), and who else may see such a
// row (scope): 'rep' (the rep, the rep's manager and the roles that read
// every row), 'team' (the rep's team), 'person' (the rep alone), or
// none for rows that belong to nobody (any real row).  A kind missing
// here fails the matrix: a new kind of id needs its source.
export const ID_SOURCES = {
  // A job is its queuer's alone (the matrix queues one for the rep).
  'auth:jobs': { scope: 'person', sql: (l) => `SELECT MIN(id) FROM jobs WHERE who = '${l}'` },
  'admin:product-types': { sql: () => 'SELECT MIN(id) FROM product_types' },
  'admin:regions': { sql: () => 'SELECT MIN(id) FROM regions' },
  'admin:channels': { sql: () => 'SELECT MIN(id) FROM channels' },
  'admin:products': { sql: () => 'SELECT MIN(id) FROM products' },
  'sales:customers': { scope: 'rep', sql: (l) => `SELECT MIN(id) FROM customers WHERE owner_id = ${pid(l)}` },
  'sales:contacts': { scope: 'rep', sql: (l) => `SELECT MIN(k.id) FROM contacts k WHERE k.customer_id = (SELECT MIN(id) FROM customers WHERE owner_id = ${pid(l)})` },
  'sales:order': { scope: 'rep', sql: orderOf },
  'sales:orders': { scope: 'rep', sql: orderOf },
  'sales:credit': { scope: 'rep', sql: (l) => `SELECT COALESCE((SELECT MIN(q.id) FROM order_credit_requests q WHERE q.order_id = (${orderOf(l)})), 999999)` },
  'sales:opportunities': { scope: 'rep', sql: (l) => `SELECT MIN(id) FROM opportunities WHERE owner_id = ${pid(l)} AND stage NOT IN ('won', 'lost')` },
  'sales:activities': { scope: 'rep', sql: (l) => `SELECT MIN(a.id) FROM activities a WHERE a.owner_id = ${pid(l)} AND a.activity_date >= (SELECT MIN(first_day) FROM periods WHERE state = 'open')` },
  'commission:plans': { sql: () => "SELECT MIN(id) FROM plan_versions WHERE state = 'active'" },
  'commission:rules': { sql: () => "SELECT MIN(r.id) FROM plan_rules r WHERE r.version_id = (SELECT MIN(id) FROM plan_versions WHERE state = 'active')" },
  'commission:lines': { scope: 'rep', sql: (l) => `SELECT MIN(id) FROM commission_lines WHERE person_id = ${pid(l)} AND removed_run_id IS NULL` },
  'commission:runs': { sql: () => 'SELECT MAX(id) FROM calc_runs' },
  'commission:adjustments': { scope: 'rep', sql: (l) => `SELECT MIN(id) FROM commission_adjustments WHERE person_id = ${pid(l)}` },
  'commission:disputes': { scope: 'rep', sql: (l) => `SELECT MIN(id) FROM commission_disputes WHERE person_id = ${pid(l)}` },
  // Decided by HR, who sees every proposal: no rep owns the route.
  'performance:proposals': { sql: (l) => `SELECT COALESCE((SELECT MIN(id) FROM target_proposals WHERE person_id = ${pid(l)}), 999999)` },
  'performance:reps': { scope: 'rep', sql: (l) => `SELECT ${pid(l)}` },
  // Contests are published to every reader, a team's too (its standings
  // show others' amounts as ···, checked in security-matrix-objects).
  'performance:contests': { sql: () => "SELECT MIN(id) FROM contests WHERE team <> ''" },
  // A leaver's recovery or write-off, decided by management, who sees all.
  'settlement:closures': { sql: () => 'SELECT COALESCE(MIN(id), 999999) FROM settlement_closures' },
  'settlement:statements': { scope: 'rep', sql: (l) => `SELECT MIN(id) FROM settlement_statements WHERE person_id = ${pid(l)}` },
};

const ids = new Map();
// A real id of kind for login (cached: one query per kind and person),
// or undefined when there is none.
export function idOf(kind, login = PEOPLE.sales) {
  const key = `${kind} ${login}`;
  if (!ids.has(key)) {
    const v = sql(ID_SOURCES[kind].sql(login))[0]?.[0];
    ids.set(key, v === 'NULL' ? undefined : v);
  }
  return ids.get(key);
}

// Forgets the ids read (after a test made or removed rows).
export function forgetIds() { ids.clear(); }

// The path of route rt with the ids of rows of login (kinds not owned
// take any real row), or null when a kind has no row for login.
export function pathFor(rt, login = PEOPLE.sales) {
  let k = 0;
  let missing = false;
  const path = rt.pattern.replace(/#/g, () => {
    const kind = rt.id_kinds[k++];
    const src = ID_SOURCES[kind];
    if (!src) throw new Error(`${rt.method} ${rt.pattern}: no source of ids of kind ${kind} (security-matrix.mjs ID_SOURCES)`);
    const v = idOf(kind, login);
    if (v === undefined || v === 'NULL') { missing = true; return '0'; }
    return v;
  });
  return missing ? null : path;
}

// --- the database before and after --------------------------------------

// Tables whose rows change on any request: sessions (last seen) and the
// log of sign-in failures; everything else must stay as it was.
const VOLATILE = new Set(['sessions', 'login_failures']);

// { table: 'rows checksum' } of every table of the stack's database:
// its row count and CHECKSUM TABLE, or for a table with generated
// columns a digest of every column of every row instead (MariaDB 10.11's
// CHECKSUM TABLE of orders, whose totals are STORED generated columns,
// changes with the table instance that reads it while every byte of its
// rows stays the same: four values seen in a row).
export function checksums() {
  const cols = new Map();
  for (const [t, c, extra] of sql("SELECT table_name, column_name, extra FROM information_schema.columns WHERE table_schema = DATABASE() ORDER BY table_name, ordinal_position")) {
    if (VOLATILE.has(t)) continue;
    if (!cols.has(t)) cols.set(t, { names: [], generated: false });
    cols.get(t).names.push(c);
    if (/GENERATED/i.test(extra)) cols.get(t).generated = true;
  }
  const tables = [...cols.keys()];
  const digest = (t) => `SUM(CAST(CONV(LEFT(SHA2(CONCAT_WS(0x1e, ${cols.get(t).names.map((c) => `QUOTE(\`${c}\`)`).join(', ')}), 256), 15), 16, 10) AS UNSIGNED))`;
  const counts = sql(tables.map((t) => `SELECT '${t}', COUNT(*), ${cols.get(t).generated ? digest(t) : "''"} FROM \`${t}\``).join(' UNION ALL '));
  const sums = sql(`CHECKSUM TABLE ${tables.filter((t) => !cols.get(t).generated).map((t) => `\`${t}\``).join(', ')}`);
  const out = {};
  for (const [t, n, d] of counts) out[t] = `${n} ${d}`;
  for (const [t, s] of sums) out[t.replace(/^[^.]*\./, '')] += s;
  return out;
}

// The tables whose rows or checksum differ between a and b.
export function changedTables(a, b) {
  return Object.keys({ ...a, ...b }).filter((t) => a[t] !== b[t]).map((t) => `${t}: ${a[t]} -> ${b[t]}`);
}

// The security headers every response carries (core/http.c): what is
// missing or wrong on res, as a list of words.
export function headerFaults(res) {
  const h = res.headers;
  const out = [];
  const csp = h.get('content-security-policy') ?? '';
  if (!/default-src 'self'/.test(csp)) out.push('CSP default-src');
  if (!/frame-ancestors 'none'/.test(csp) && !/^(DENY|SAMEORIGIN)$/i.test(h.get('x-frame-options') ?? '')) out.push('frame-ancestors');
  if (/unsafe-inline|unsafe-eval/.test(csp)) out.push('CSP unsafe');
  if (h.get('x-content-type-options') !== 'nosniff') out.push('nosniff');
  if (!/^(same-origin|no-referrer|strict-origin|strict-origin-when-cross-origin)$/.test(h.get('referrer-policy') ?? '')) out.push('Referrer-Policy');
  for (const c of res.setCookies) {
    if (!/;\s*HttpOnly/i.test(c)) out.push(`cookie not HttpOnly: ${c.split('=')[0]}`);
    if (!/;\s*SameSite=(Lax|Strict)/i.test(c)) out.push(`cookie without SameSite: ${c.split('=')[0]}`);
    if (!/;\s*Path=\//i.test(c)) out.push(`cookie without Path=/: ${c.split('=')[0]}`);
  }
  return out;
}
