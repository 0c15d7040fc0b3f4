// The commission commands of ticheng-admin on a generated company, in a
// database of its own: splits, returns, partial and over-payments,
// refunds, cancelled lines and orders, margin, quantity and collected
// rules, tiers of both kinds, accelerators, caps and bonuses, two plan
// versions.  The CLI contract holds for every month; re-runs keep the ids
// of unchanged lines; a changed input makes a run stale and closing waits
// for a new run; a closed period refuses a run; two runs of one period at
// once are refused; plan and target imports refuse bad files naming
// every error, and save nothing.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SOCK, admin, calcOn, checkContract, dropDatabase, newDatabase, root, rootScript, tempDir,
} from './commission-cli.mjs';

const { db, conf } = newDatabase('gen');
after(() => dropDatabase(db));

// A fixed pseudo-random sequence (mulberry32): the same company each run.
let seed = 0x7469636b;
function rnd() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rnd() * a.length)];
const between = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const day = (m, d) => `2025-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const money = (fen) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

// Rep logins of mixed case: byte order ("Zhou" before "an") is not the
// collation's order, and the outputs must follow bytes.
const REPS = ['an', 'bo', 'Zhou', 'chen_li', 'du', 'fang', 'gu', 'he'];
const SPLITS = [[[60, 0], [40, 0]], [[50, 0], [50, 0]], [[33, 3333], [33, 3333], [33, 3334]], [[70, 5], [29, 9995]]];

function company() {
  const products = root('SELECT id, code, product_type_id, list_price, standard_cost FROM products', db)
    .map(([id, code, type, price, cost]) => ({ id, code, type, price: Math.round(Number(price) * 100), cost: Math.round(Number(cost) * 100) }));
  const regions = root('SELECT id FROM regions', db).map((r) => r[0]);
  const channels = root('SELECT id FROM channels', db).map((r) => r[0]);
  const sqlText = [];
  REPS.forEach((login, i) => {
    sqlText.push(`INSERT INTO people (id, login, dn, name, department, team, manager_login, roles) VALUES
      (${i + 1}, '${login}', 'uid=${login},ou=people', 'Rep ${login}', '销售部', '${i < 4 ? 'East' : 'North'}', 'boss', '1');`);
  });
  sqlText.push(`INSERT INTO people (id, login, dn, name, department) VALUES (99, 'boss', 'uid=boss', 'Boss', '管理层');`);
  const customers = {};
  for (let c = 1; c <= 12; c++) {
    customers[c] = [pick(regions), pick(channels)];
    sqlText.push(`INSERT INTO customers (id, code, name, region_id, channel_id, owner_id) VALUES
      (${c}, 'C${String(c).padStart(3, '0')}', 'Customer ${c}', ${customers[c][0]}, ${customers[c][1]}, ${between(1, REPS.length)});`);
  }
  let orderId = 0, lineId = 0, payId = 0;
  const booked = [];
  const addOrder = (date, customer, reps, lines, status = 'booked', original = 'NULL') => {
    const id = ++orderId;
    const cust = customers[customer];
    sqlText.push(`INSERT INTO orders (id, order_no, customer_id, order_date, region_id, channel_id, status, original_order_id, created_by)
      VALUES (${id}, 'G-${String(id).padStart(5, '0')}', ${customer}, '${date}', ${cust[0]}, ${cust[1]}, '${status}', ${original}, 99);`);
    for (const [rep, share] of reps) {
      sqlText.push(`INSERT INTO order_reps (order_id, person_id, share) VALUES (${id}, ${rep}, ${share});`);
    }
    let total = 0;
    lines.forEach((l, k) => {
      lineId++;
      sqlText.push(`INSERT INTO order_lines (id, order_id, line_no, product_id, quantity, unit_price, amount, cost, status)
        VALUES (${lineId}, ${id}, ${k + 1}, ${l.product.id}, ${l.qty}, ${money(l.product.price)}, ${money(l.amount)}, ${money(l.cost)}, '${l.status}');`);
      if (l.status === 'booked') total += l.amount;
    });
    return { id, date, total, lines, reps, customer };
  };
  for (let n = 0; n < 320; n++) {
    const month = between(1, 6), date = day(month, between(1, 28));
    const customer = between(1, 12);
    let reps = [[between(1, REPS.length), '100']];
    if (rnd() < 0.2) {
      const split = pick(SPLITS), people = [...Array(REPS.length).keys()].map((i) => i + 1).sort(() => rnd() - 0.5);
      reps = split.map(([w, f], i) => [people[i], `${w}.${String(f).padStart(4, '0')}`]);
    }
    const lines = [];
    for (let k = between(1, 3); k > 0; k--) {
      const product = pick(products), qty = product.price > 1000000 ? between(1, 3) : between(1, 40);
      lines.push({ product, qty, amount: qty * product.price * (rnd() < 0.3 ? 0.9 : 1), cost: qty * product.cost,
        status: rnd() < 0.06 ? 'cancelled' : 'booked' });
      lines[lines.length - 1].amount = Math.round(lines[lines.length - 1].amount);
    }
    const o = addOrder(date, customer, reps, lines, rnd() < 0.04 ? 'cancelled' : 'booked');
    if (o.total > 0) booked.push(o);
  }
  // Returns: their own orders, negative, dated after the original.
  for (const o of booked.slice(0, 25)) {
    const l = o.lines.find((x) => x.status === 'booked');
    const back = Math.max(1, Math.floor(l.qty / 2));
    const m = Math.min(6, Number(o.date.slice(5, 7)) + between(0, 1));
    addOrder(day(m, 28), o.customer, o.reps, [{ product: l.product, qty: -back,
      amount: -Math.round(l.amount * back / l.qty), cost: -l.product.cost * back, status: 'booked' }], 'booked', o.id);
  }
  // Payments: none, partial, full, over-paid, and refunds; some a month late.
  for (const o of booked) {
    const m0 = Number(o.date.slice(5, 7));
    const kind = rnd();
    const pays = [];
    if (kind < 0.15) continue;
    if (kind < 0.45) pays.push(Math.round(o.total * 0.4), Math.round(o.total * 0.6));
    else if (kind < 0.75) pays.push(o.total);
    else if (kind < 0.85) pays.push(o.total + Math.round(o.total * 0.1), -Math.round(o.total * 0.15));
    else pays.push(Math.round(o.total * 0.3));
    pays.forEach((amount, k) => {
      if (amount === 0) return;
      const m = Math.min(7, m0 + k + (rnd() < 0.3 ? 1 : 0));
      sqlText.push(`INSERT INTO payments (id, payment_no, order_id, payment_date, amount, created_by)
        VALUES (${++payId}, 'P${String(payId).padStart(5, '0')}', ${o.id}, '${day(m, m === m0 ? 28 : between(1, 28))}', ${money(amount)}, 99);`);
    });
  }
  rootScript(sqlText.join('\n'), db);
  return { orders: orderId, payments: payId };
}

const PLAN1 = {
  plan: 'Generated H1', currency: 'CNY', period: 'month', effective_from: '2025-01-01', effective_to: '2025-03-31',
  rules: [
    { id: 'hw-east', priority: 10, match: { product_type: 'hardware', region: 'east' }, base: 'amount', rate: '3.5%' },
    { id: 'hardware', match: { product_type: 'hardware' }, base: 'amount',
      tiers: { mode: 'marginal', bands: [{ upto: '100000', rate: '1%' }, { upto: '400000', rate: '2%' }, { rate: '3.25%' }] } },
    { id: 'software', match: { product_type: 'software' }, base: 'margin',
      tiers: { mode: 'whole', bands: [{ upto: '200000', rate: '4%' }, { rate: '6%' }] } },
    { id: 'services', match: { product_type: 'service' }, base: 'collected', rate: '5%' },
    { id: 'consumables', match: { product_type: 'consumable' }, base: 'quantity', per_unit: '1.75' },
  ],
  accelerators: [{ attainment: '100%', multiplier: '1.25' }, { attainment: '150%', multiplier: '1.6' }],
  cap: '45000',
  bonuses: [{ attainment: '100%', amount: '1500' }, { attainment: '140%', amount: '4000.50' }],
};
const PLAN2 = {
  ...PLAN1, plan: 'Generated H2', effective_from: '2025-04-01', effective_to: undefined,
  rules: [...PLAN1.rules.slice(1, 4),
    { id: 'subscriptions', match: { product_type: 'subscription' }, base: 'collected',
      tiers: { mode: 'marginal', bands: [{ upto: '50000', rate: '3%' }, { rate: '7.5%' }] } },
    { id: 'consumables', match: { product_type: 'consumable' }, base: 'quantity', per_unit: '2' }],
  cap: '60000',
};

function writeJson(name, obj) {
  const path = join(tempDir('plans'), name);
  writeFileSync(path, JSON.stringify(obj, null, 1));
  return path;
}

const count = (table) => Number(root(`SELECT COUNT(*) FROM ${table}`, db)[0][0]);
const liveLines = (label) => root(`SELECT l.id, l.person_id, l.order_line_id, COALESCE(l.payment_id, 0), COALESCE(l.rule_id, 0)
  FROM commission_lines l JOIN periods p ON p.id = l.period_id WHERE p.label = '${label}' AND l.removed_run_id IS NULL ORDER BY l.id`, db);

test('a generated company: plans, targets and a run of every open month', () => {
  const made = company();
  assert.ok(made.orders > 300 && made.payments > 200, JSON.stringify(made));
  for (const [plan, name] of [[PLAN1, 'h1.json'], [PLAN2, 'h2.json']]) {
    const r = admin(conf, 'import-plan', writeJson(name, plan), '--activate');
    assert.equal(r.status, 0, r.err);
    assert.match(r.out, /as plan version \d+ \(active\)/);
  }
  const targets = ['rep,period,amount'];
  REPS.forEach((rep, i) => {
    for (let m = 1; m <= 6; m++) if ((i + m) % 5 !== 0) targets.push(`${rep},2025-0${m},${between(5, 40) * 10000}`);
  });
  const file = join(tempDir('targets'), 'targets.csv');
  writeFileSync(file, `${targets.join('\n')}\n`);
  const t = admin(conf, 'import-targets', file);
  assert.equal(t.status, 0, t.err);
  assert.match(t.out, new RegExp(`imported ${targets.length - 1} targets .*: ${targets.length - 1} added`));

  const run = admin(conf, 'calc', '--open');
  assert.equal(run.status, 0, run.err);
  const months = run.out.split('\n').filter((l) => l !== '');
  assert.equal(months[0].split(':')[0], '2025-01');
  assert.ok(months.length >= 7, run.out);
});

test('the CLI contract holds for every month of the generated company', () => {
  let lines = 0;
  for (let m = 1; m <= 7; m++) lines += checkContract(conf, `2025-0${m}`).lines;
  assert.ok(lines > 500, `${lines} lines compared`);
  // The features the data was made for all reached the results.
  const kinds = root(`SELECT DISTINCT r.base FROM commission_lines l JOIN plan_rules r ON r.id = l.rule_id`, db).map((x) => x[0]).sort();
  assert.deepEqual(kinds, ['amount', 'collected', 'margin', 'quantity']);
  const s = root(`SELECT SUM(commission = 45000 OR commission = 60000), SUM(bonus > 0), SUM(attainment >= 100),
    SUM(commission < 0) + SUM(sales < 0) FROM commission_summaries`, db)[0].map(Number);
  assert.ok(s[1] > 0 && s[2] > 0, `bonuses and attainment: ${s}`);
  const w = root("SELECT COUNT(*), COUNT(order_id) FROM calc_run_warnings WHERE message LIKE '%credits%'", db)[0].map(Number);
  assert.ok(w[0] > 0 && w[0] === w[1], `over-payment warnings, each with its order: ${w}`);
});

test('a range export runs in ticheng-calc as it is, and a period alone gives the same rows', () => {
  const dir = tempDir('range');
  const r = admin(conf, 'export-period', '2025-02..2025-04', dir);
  assert.equal(r.status, 0, r.err);
  const calc = calcOn(dir);
  const plans = readFileSync(join(dir, 'plan-2025-04-01.json'), 'utf8');
  assert.match(plans, /"plan": "Generated H2"/);
  const res = tempDir('range-results');
  assert.equal(admin(conf, 'results', '2025-03', res).status, 0);
  const rows = readFileSync(join(res, 'lines.csv'), 'utf8').split('\n').slice(1).filter((l) => l);
  for (const l of rows.slice(0, 50)) assert.ok(calc.lines.includes(`${l}\n`), `${l} not in the range's lines`);
});

test('a re-run with unchanged inputs keeps every line and its id, and the same digest', () => {
  const before = liveLines('2025-02');
  const d1 = admin(conf, 'results', '2025-02', tempDir('rr1')).out;
  const r = admin(conf, 'calc', '2025-02');
  assert.equal(r.status, 0, r.err);
  assert.match(r.out, new RegExp(`${before.length} commission lines \\(${before.length} kept, 0 changed, 0 added, 0 removed\\)`));
  assert.deepEqual(liveLines('2025-02'), before);
  assert.equal(admin(conf, 'results', '2025-02', tempDir('rr2')).out, d1);
});

// The stored staleness (sql/commission/010, what the pages and SQL read)
// against the digests it stands for: after each kind of change, a month
// is stale exactly when export-period's digest of it differs from its
// run's.
const MONTHS = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08'];
function staleness() {
  const stored = Object.fromEntries(root(`SELECT label, stale FROM calc_period_status
    WHERE label BETWEEN '2025-01' AND '2025-08'`, db));
  const byDigest = {};
  for (const m of MONTHS) {
    const now = admin(conf, 'export-period', m, tempDir(`st-${m}`)).out.trim();
    const run = root(`SELECT r.digest FROM calc_period_status s JOIN calc_runs r ON r.id = s.run_id WHERE s.label = '${m}'`, db);
    byDigest[m] = run.length === 0 || run[0][0] !== now ? '1' : '0';
  }
  return { stored, byDigest };
}
function staleAfter(what, change, expected) {
  root(change, db);
  const { stored, byDigest } = staleness();
  assert.deepEqual(stored, byDigest, `${what}: the stored flag is the digests' verdict`);
  assert.deepEqual(MONTHS.filter((m) => stored[m] === '1'), expected, what);
  assert.equal(admin(conf, 'calc', '--open').status, 0);
}

test('the stored staleness follows each kind of input to exactly the months whose files change', () => {
  assert.deepEqual(staleness().stored, Object.fromEntries(MONTHS.map((m) => [m, '0'])), 'every run is current');
  // An order of April with no payments and one rep; one of March paid in April and May.
  const [[april]] = root(`SELECT o.id FROM orders o WHERE o.order_date BETWEEN '2025-04-01' AND '2025-04-30'
    AND NOT EXISTS (SELECT 1 FROM payments y WHERE y.order_id = o.id)
    AND (SELECT COUNT(*) FROM order_reps r WHERE r.order_id = o.id) = 1
    AND EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.status = 'booked') ORDER BY o.id LIMIT 1`, db);
  staleAfter('the sales rollups rewritten, no input changed', 'UPDATE orders SET collected = collected + 0, amount_total = amount_total', []);
  staleAfter('a line of an April order', `UPDATE order_lines SET amount = amount + 1 WHERE order_id = ${april} ORDER BY line_no LIMIT 1`, ['2025-04']);
  staleAfter('a payment in June on that order', `INSERT INTO payments (payment_no, order_id, payment_date, amount, created_by)
    VALUES ('ST-1', ${april}, '2025-06-10', 10.00, 99)`, ['2025-06']);
  staleAfter('the order\'s rep changed: its month and its payment\'s', `UPDATE order_reps SET person_id = IF(person_id = 1, 2, 1) WHERE order_id = ${april}`,
    ['2025-04', '2025-06']);
  staleAfter('the payment moved to July', "UPDATE payments SET payment_date = '2025-07-02' WHERE payment_no = 'ST-1'", ['2025-06', '2025-07']);
  staleAfter('a target of May', `UPDATE targets SET amount = amount + 100 WHERE period = '2025-05' ORDER BY id LIMIT 1`, ['2025-05']);
  staleAfter('the April order moved to May: its months and its payment\'s', `UPDATE orders SET order_date = '2025-05-03' WHERE id = ${april}`,
    ['2025-04', '2025-05', '2025-07']);
});

test('a changed input makes the run stale; closing waits for a new run, which keeps the old ids', () => {
  assert.equal(admin(conf, 'close-period', '2025-01').status, 0, 'January is current and closes');
  const before = liveLines('2025-02');
  // A late payment in February on a January services order.
  const order = root(`SELECT o.id FROM orders o JOIN order_lines l ON l.order_id = o.id
    JOIN products p ON p.id = l.product_id JOIN product_types t ON t.id = p.product_type_id
    WHERE t.code = 'service' AND o.status = 'booked' AND l.status = 'booked' AND o.order_date < '2025-02-01'
      AND NOT EXISTS (SELECT 1 FROM payments x WHERE x.order_id = o.id) LIMIT 1`, db)[0][0];
  root(`INSERT INTO payments (payment_no, order_id, payment_date, amount, created_by) VALUES ('LATE-1', ${order}, '2025-02-20', 1000.00, 99)`, db);
  const exp = admin(conf, 'export-period', '2025-02', tempDir('stale')).out;
  const stored = admin(conf, 'results', '2025-02', tempDir('stale-r')).out;
  assert.notEqual(exp, stored, 'the inputs changed: the digests differ');
  const c = admin(conf, 'close-period', '2025-02');
  assert.equal(c.status, 2);
  assert.match(c.err, /the inputs of 2025-02 changed since its run: run it again before closing/);
  const r = admin(conf, 'calc', '2025-02');
  assert.equal(r.status, 0, r.err);
  assert.match(r.out, new RegExp(`\\(${before.length} kept, 0 changed, [1-9]\\d* added, 0 removed\\)`));
  const after = liveLines('2025-02');
  for (const line of before) assert.ok(after.some((a) => a.join() === line.join()), `line ${line[0]} lost its id`);
  checkContract(conf, '2025-02');
  assert.equal(admin(conf, 'close-period', '2025-02').status, 0);
});

test('a closed period refuses a run; the oldest open one is next to close', () => {
  const r = admin(conf, 'calc', '2025-01');
  assert.equal(r.status, 2);
  assert.match(r.err, /2025-01 is closed: a closed period keeps its results/);
  const c = admin(conf, 'close-period', '2025-04');
  assert.equal(c.status, 2);
  assert.match(c.err, /close 2025-03 before 2025-04/);
  // The closed months still meet the contract (their runs stay current).
  checkContract(conf, '2025-01');
});

test('two runs of one period at once: the second is refused with "a run is in progress"', async () => {
  // Another session holds the period's run lock, as a running run does.
  const holder = spawn('mariadb', ['--no-defaults', '-S', SOCK, '-u', 'root', db, '-N', '-e',
    "SELECT GET_LOCK(CONCAT(DATABASE(), '.calc.', '2025-03'), 0); SELECT SLEEP(8)"]);
  let session = 'NULL';
  for (let i = 0; i < 100 && session === 'NULL'; i++) {
    session = root("SELECT IS_USED_LOCK(CONCAT(DATABASE(), '.calc.2025-03'))", db)[0][0];
    if (session === 'NULL') await new Promise((ok) => setTimeout(ok, 50));
  }
  assert.notEqual(session, 'NULL', 'the other session took the lock');
  const runsBefore = count('calc_runs');
  const r = admin(conf, 'calc', '2025-03');
  // The other session ends (as a run that finishes or dies): the server
  // releases its lock.
  root(`KILL ${session}`, db);
  assert.equal(r.status, 2, r.out);
  assert.match(r.err, /a run is in progress for 2025-03/);
  assert.equal(count('calc_runs'), runsBefore, 'nothing recorded');
  await new Promise((ok) => holder.on('exit', ok));
  assert.equal(admin(conf, 'calc', '2025-03').status, 0, 'once it is over, the run goes');
});

test('export-plan then import-plan gives the same version, byte for byte', () => {
  const id = root("SELECT id FROM plan_versions WHERE name = 'Generated H2'", db)[0][0];
  const dir = tempDir('roundtrip');
  assert.equal(admin(conf, 'export-plan', id, join(dir, 'a.json')).status, 0);
  const imp = admin(conf, 'import-plan', join(dir, 'a.json'), '--proposer', 'bo');
  assert.equal(imp.status, 0, imp.err);
  const again = imp.out.match(/plan version (\d+) \(proposed\)/)[1];
  assert.equal(admin(conf, 'export-plan', again, join(dir, 'b.json')).status, 0);
  assert.equal(readFileSync(join(dir, 'b.json'), 'utf8'), readFileSync(join(dir, 'a.json'), 'utf8'));
});

test('import-plan records who proposes the version, so that four eyes hold for it', () => {
  const file = join(tempDir('proposer'), 'p.json');
  const id = root("SELECT id FROM plan_versions WHERE name = 'Generated H2'", db)[0][0];
  assert.equal(admin(conf, 'export-plan', id, file).status, 0);
  const n = count('plan_versions');
  // The test runs as a Unix user that is no person of this company.
  const none = admin(conf, 'import-plan', file);
  assert.equal(none.status, 2, none.out);
  assert.match(none.err, /who proposes this version\? The Unix user \S+ is no person of the directory: name one with --proposer LOGIN/);
  const nobody = admin(conf, 'import-plan', file, '--proposer', 'nobody-here');
  assert.equal(nobody.status, 2, nobody.out);
  assert.match(nobody.err, /--proposer nobody-here: no active person of the directory has that login/);
  assert.equal(count('plan_versions'), n, 'a refused import saves nothing');
  const ok = admin(conf, 'import-plan', file, '--proposer', 'Zhou');
  assert.equal(ok.status, 0, ok.err);
  const v = ok.out.match(/plan version (\d+) \(proposed\)/)[1];
  const [[state, login, at]] = root(`SELECT v.state, pe.login, v.proposed_at IS NOT NULL FROM plan_versions v
    JOIN people pe ON pe.id = v.proposed_by WHERE v.id = ${v}`, db);
  assert.deepEqual([state, login, at], ['proposed', 'Zhou', '1']);
  assert.equal(admin(conf, 'import-plan', file, '--activate', '--proposer').status, 2, 'a --proposer without a login is a usage error');
});

test('import-plan refuses a bad file with the spec\'s message and saves nothing', () => {
  const n = count('plan_versions');
  const cases = [
    [{ ...PLAN2, effective_from: '2025-08-01', rules: [PLAN2.rules[0], PLAN2.rules[1], { id: 'x', base: 'amount',
      tiers: { mode: 'marginal', bands: [{ upto: '500', rate: '1%' }, { upto: '400', rate: '2%' }, { rate: '3%' }] } }] },
    /bad1\.json: rules\[2\]\.tiers\.bands\[1\]\.upto: not above the previous band's/],
    [{ ...PLAN2, effective_from: '2025-08-01', rules: [{ id: 'a', base: 'amount', rate: '-1%' }] }, /bad2\.json: rules\[0\]\.rate: negative/],
    [{ ...PLAN2, effective_from: '2025-10-01', period: 'quarter' }, /bad3\.json: period: "quarter", but the company's period is month/],
    [{ ...PLAN2, effective_from: '2025-08-15' }, /bad4\.json: effective_from: not the first day of a month/],
    [{ ...PLAN2, effective_from: '2025-01-01' }, /bad5\.json: effective_from: 2025-01-01 is in a closed period/],
  ];
  cases.forEach(([plan, message], i) => {
    const r = admin(conf, 'import-plan', writeJson(`bad${i + 1}.json`, plan), '--activate');
    assert.equal(r.status, 2, `case ${i + 1}: ${r.out}`);
    assert.match(r.err, message);
  });
  const syntax = join(tempDir('plans'), 'bad6.json');
  writeFileSync(syntax, '{\n"plan": "x",\n,\n}');
  const s = admin(conf, 'import-plan', syntax);
  assert.equal(s.status, 2);
  assert.match(s.err, /bad6\.json:3: /);
  // Overlapping a version in force: refused at activation, nothing kept.
  const o = admin(conf, 'import-plan', writeJson('overlap.json', { ...PLAN1, effective_from: '2025-03-01', effective_to: '2025-03-31' }), '--activate');
  assert.equal(o.status, 2);
  assert.match(o.err, /overlaps version \d+ in force \(2025-01-01 to 2025-03-31\)/);
  assert.equal(count('plan_versions'), n);
});

test('import-targets refuses a file with bad rows, naming every one, and saves nothing', () => {
  const n = count('targets');
  const file = join(tempDir('targets'), 'bad.csv');
  writeFileSync(file, [
    'amount,rep,period',
    '1000,an,2025-07',
    '-5,bo,2025-07',
    '100,nobody,2025-07',
    '100,an,2025-13',
    '200,an,2025-07',
    '300,an,2025-01',
    '12.345,du,2025-08',
    '"1,000",he,2025-08',
  ].join('\n'));
  const r = admin(conf, 'import-targets', file);
  assert.equal(r.status, 2, r.out);
  const errors = r.err.split('\n').filter((l) => l.startsWith(file));
  assert.deepEqual(errors.map((l) => l.slice(file.length)), [
    ':3: amount "-5": a target must be greater than 0',
    ':4: rep "nobody": no such person (ticheng-admin sync-users copies the directory)',
    ':5: period "2025-13": not a period label (2026-07, 2026-Q3 or 2026)',
    ':6: rep "an" and period 2025-07 already on line 2',
    ':7: period 2025-01: closed; its targets are frozen',
    ':8: amount "12.345": too many decimals',
    ':9: amount "1,000": not a number',
  ]);
  assert.match(r.err, /nothing imported/);
  assert.equal(count('targets'), n);
});
