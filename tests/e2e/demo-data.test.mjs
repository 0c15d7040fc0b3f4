// ticheng-admin demo-data on a database of its own: each module's seeder
// runs once, in one transaction with its own marker, and the data holds
// what the pages and the commission rules need (facts, not the
// generator's volumes).  The stack's own database was seeded the same way
// by ./dev.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, rootSql, scratchDatabase, dropScratch, tichengAdmin, ZONE } from './lib.mjs';

const work = mkdtempSync(join(tmpdir(), 'ticheng-demo-'));
const { db, conf } = scratchDatabase('demo', work);
after(() => {
  dropScratch(db);
  rmSync(work, { recursive: true, force: true });
});
// in the business time zone, as the programs' sessions (NOW() is Beijing's)
const q = (query) => rootSql(`SET time_zone = '${ZONE}'; ${query}`, db);
const n = (query) => Number(q(query)[0][0]);
const column = (query) => q(query).map((r) => r[0]);

test('a seeder that fails leaves neither its data nor its marker', () => {
  const m = tichengAdmin(conf, 'migrate');
  assert.equal(m.status, 0, m.err);
  // nobody synced from the directory yet: the sales seeder has no reps
  const r = tichengAdmin(conf, 'demo-data');
  assert.equal(r.status, 1);
  assert.match(r.err, /demo-data: sales: person \w+ is missing: run ticheng-admin sync-users first/);
  assert.doesNotMatch(r.out, /demo data of sales/);
  assert.equal(n('SELECT COUNT(*) FROM demo_data'), 0);
  for (const t of ['customers', 'contacts', 'opportunities', 'activities', 'orders', 'order_lines', 'payments']) {
    assert.equal(n(`SELECT COUNT(*) FROM ${t}`), 0, `${t} left behind`);
  }
});

test('demo-data sales seeds the sales module alone, with its marker', () => {
  const s = tichengAdmin(conf, 'sync-users');
  assert.equal(s.status, 0, s.err);
  const r = tichengAdmin(conf, 'demo-data', 'sales');
  assert.equal(r.status, 0, r.err);
  assert.match(r.out, /^demo data of sales: \d+ customers/m);
  const marks = q('SELECT module, seeded_on FROM demo_data');
  assert.equal(marks.length, 1);
  assert.equal(marks[0][0], 'sales');
  assert.match(marks[0][1], /^\d{4}-\d{2}-\d{2}$/);
});

test('every rep has orders, every stage has opportunities', () => {
  assert.deepEqual(column(`SELECT p.login FROM people p WHERE p.active AND p.roles & 1
    AND NOT EXISTS (SELECT 1 FROM order_reps r JOIN orders o ON o.id = r.order_id
                    WHERE r.person_id = p.id AND o.original_order_id IS NULL AND o.status = 'booked')
    ORDER BY p.login`), [], 'sales people credited with no booked order');
  assert.deepEqual(column(`SELECT p.login FROM people p WHERE p.active AND p.roles & 1
    AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.owner_id = p.id) ORDER BY p.login`), [], 'sales people owning no customer');
  assert.deepEqual(column(`SELECT s.code FROM stages s
    WHERE NOT EXISTS (SELECT 1 FROM opportunities o WHERE o.stage = s.code) ORDER BY s.code`), [], 'stages without opportunities');
  const seeded = q("SELECT seeded_on FROM demo_data WHERE module = 'sales'")[0][0];
  assert.ok(n(`SELECT COUNT(*) FROM orders WHERE order_date >= DATE_FORMAT('${seeded}', '%Y-%m-01') AND order_date <= '${seeded}'`) > 0,
    'orders in the month it was seeded');
  assert.ok(n('SELECT COUNT(*) FROM activities') > 0 && n('SELECT COUNT(*) FROM contacts') > 0);
});

test('returns, cancellations, refunds and split credit exist, and each is consistent', () => {
  assert.ok(n('SELECT COUNT(*) FROM orders WHERE original_order_id IS NOT NULL') > 0, 'returns');
  assert.equal(n(`SELECT COUNT(*) FROM orders r JOIN orders o ON o.id = r.original_order_id
    WHERE o.status <> 'booked' OR o.customer_id <> r.customer_id OR r.order_date < o.order_date`), 0,
  'a return gives back a booked order of its customer, after it');
  assert.equal(n(`SELECT COUNT(*) FROM order_lines l JOIN orders r ON r.id = l.order_id
    WHERE r.original_order_id IS NOT NULL AND l.quantity >= 0`), 0, 'returned quantities are negative');
  assert.ok(n("SELECT COUNT(*) FROM orders WHERE status = 'cancelled'") > 0, 'cancelled orders');
  assert.equal(n(`SELECT COUNT(*) FROM order_lines l JOIN orders o ON o.id = l.order_id
    WHERE o.status = 'cancelled' AND l.status <> 'cancelled'`), 0, 'a cancelled order has only cancelled lines');
  assert.ok(n('SELECT COUNT(*) FROM payments WHERE amount < 0') > 0, 'refunds');
  assert.equal(n(`SELECT COUNT(*) FROM payments p JOIN orders o ON o.id = p.order_id
    WHERE p.payment_date < o.order_date`), 0, 'no payment dated before its order');
  assert.ok(n('SELECT COUNT(*) FROM (SELECT order_id FROM order_reps GROUP BY order_id HAVING COUNT(*) > 1) s') > 0, 'split credit');
  assert.equal(n('SELECT COUNT(*) FROM (SELECT order_id FROM order_reps GROUP BY order_id HAVING SUM(share) <> 100) s'), 0,
    'the shares of every order add up to 100');
  assert.equal(n('SELECT COUNT(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)'), 0,
    'every order has lines');
});

test('the demo is written by the module functions: every record audited as its person, by the forms\' rules, at its own time', () => {
  for (const [table, entity] of [['customers', 'customer'], ['contacts', 'contact'], ['opportunities', 'opportunity'],
    ['activities', 'activity'], ['orders', 'order'], ['payments', 'payment']]) {
    assert.ok(n(`SELECT COUNT(*) FROM ${table}`) > 0, table);
    assert.equal(n(`SELECT COUNT(*) FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM audit a
      WHERE a.entity = '${entity}' AND a.entity_id = t.id AND a.address LIKE 'demo-data %')`), 0, `${table} without their audit row`);
  }
  // as the person whose record it is: a rep books their customers' orders, finance records payments
  assert.equal(n(`SELECT COUNT(*) FROM orders o JOIN customers c ON c.id = o.customer_id
    WHERE o.created_by <> c.owner_id`), 0, 'an order booked by someone else than its customer\'s owner');
  assert.equal(n(`SELECT COUNT(*) FROM audit a JOIN orders o ON a.entity = 'order' AND a.entity_id = o.id
    JOIN people p ON p.id = o.created_by WHERE a.action IN ('order_create', 'order_return') AND a.actor <> p.login`), 0);
  assert.equal(n(`SELECT COUNT(*) FROM payments y JOIN people p ON p.id = y.created_by
    WHERE NOT (CAST(p.roles AS UNSIGNED) & 8)`), 0, 'a payment recorded by someone else than finance');
  // numbers the module made; every opportunity starts as a lead, and its stage is in its history
  assert.equal(n(`SELECT COUNT(*) FROM orders WHERE order_no NOT REGEXP '^SO-[0-9]{6}-[0-9]{5}(-R[0-9]+)?$'`), 0);
  assert.equal(n(`SELECT COUNT(*) FROM opportunity_stage_changes WHERE from_stage IS NULL AND to_stage <> 'lead'`), 0);
  assert.equal(n(`SELECT COUNT(*) FROM opportunities o WHERE NOT EXISTS (SELECT 1 FROM opportunity_stage_changes c
    WHERE c.opportunity_id = o.id AND c.to_stage = o.stage AND c.changed_at = o.stage_changed_at)`), 0);
  assert.equal(n("SELECT COUNT(*) FROM opportunities WHERE stage = 'lost' AND lost_reason = ''"), 0, 'lost without a reason');
  // at the story's time (the database keeps business-zone times: core/clock), never later than now
  assert.equal(n('SELECT COUNT(*) FROM orders WHERE DATE(created_at) <> order_date'), 0);
  assert.equal(n('SELECT COUNT(*) FROM payments WHERE DATE(created_at) <> payment_date'), 0);
  assert.equal(n('SELECT COUNT(*) FROM activities WHERE DATE(created_at) <> activity_date'), 0);
  assert.ok(n("SELECT COUNT(DISTINCT DATE(at)) FROM audit WHERE address LIKE 'demo-data %'") > 300, 'a year of audit days');
  // stage moves go through core/workflow, which dates them by core/clock: the story's moments, not the seeding's
  assert.ok(n('SELECT COUNT(DISTINCT DATE(changed_at)) FROM opportunity_stage_changes') > 100, 'stage moves over the year');
  assert.equal(n(`SELECT (SELECT COUNT(*) FROM audit WHERE at > NOW(3))
    + (SELECT COUNT(*) FROM orders WHERE created_at > NOW())
    + (SELECT COUNT(*) FROM opportunity_stage_changes WHERE changed_at > NOW())`), 0, 'written in the future');
});

test('a second run, of every module or of one, writes nothing', () => {
  const counts = () => q(`SELECT (SELECT COUNT(*) FROM customers), (SELECT COUNT(*) FROM opportunities),
    (SELECT COUNT(*) FROM activities), (SELECT COUNT(*) FROM orders), (SELECT COUNT(*) FROM order_lines),
    (SELECT COUNT(*) FROM payments), (SELECT COUNT(*) FROM demo_data)`)[0];
  // The modules built on sales (commission) are seeded by the first run of
  // every module; from then on nothing is written.
  const first = tichengAdmin(conf, 'demo-data');
  assert.equal(first.status, 0, first.err);
  assert.match(first.out, /^demo data of commission: an active plan from \d{4}-\d{2}, \d+ targets, \d+ runs/m);
  const before = counts();
  for (const args of [['demo-data'], ['demo-data', 'sales']]) {
    const r = tichengAdmin(conf, ...args);
    assert.equal(r.status, 0, r.err);
    assert.match(r.out, /^demo data of sales: seeded on \d{4}-\d{2}-\d{2}, nothing to do$/m);
    assert.deepEqual(counts(), before, `${args.join(' ')} wrote`);
  }
});

test('commission demo: adjustments and disputes in every state, written by their functions and audited', () => {
  const states = (table) => column(`SELECT DISTINCT state FROM ${table} ORDER BY state`);
  assert.deepEqual(states('commission_adjustments'), ['approved', 'proposed', 'rejected']);
  assert.deepEqual(states('commission_disputes'), ['accepted', 'open', 'rejected', 'withdrawn']);
  // four eyes held: every decision by someone else than the proposer,
  // of the other department
  assert.equal(n(`SELECT COUNT(*) FROM commission_adjustments a JOIN people p ON p.id = COALESCE(a.approved_by, a.rejected_by)
    WHERE a.state <> 'proposed' AND (p.id = a.proposed_by
    OR (a.proposed_as = 'hr' AND (CAST(p.roles AS UNSIGNED) & 8) = 0)
    OR (a.proposed_as = 'finance' AND (CAST(p.roles AS UNSIGNED) & 4) = 0))`), 0);
  // the accepted dispute's adjustment is approved and names the dispute
  assert.equal(n(`SELECT COUNT(*) FROM commission_disputes d JOIN commission_adjustments a ON a.id = d.adjustment_id
    WHERE d.state = 'accepted' AND a.kind = 'dispute' AND a.dispute_id = d.id AND a.state = 'approved'`), 1);
  // every one has its history and its audit rows, as its person
  assert.equal(n(`SELECT COUNT(*) FROM commission_adjustments a WHERE NOT EXISTS (SELECT 1 FROM commission_adjustment_moves m
    WHERE m.adjustment_id = a.id AND m.action = 'create')`), 0);
  assert.equal(n(`SELECT COUNT(*) FROM commission_disputes d WHERE NOT EXISTS (SELECT 1 FROM audit u
    JOIN people p ON p.login = u.actor WHERE u.entity = 'dispute' AND u.entity_id = d.id AND u.action = 'dispute_raise'
    AND p.id = d.person_id)`), 0);
  assert.ok(n("SELECT COUNT(*) FROM commission_dispute_moves WHERE action = 'reply'") >= 2, 'a thread with replies');
});

test('demo-data refuses a module not in the build, one without demo data, and extra arguments', () => {
  let r = tichengAdmin(conf, 'demo-data', 'nosuchmodule');
  assert.equal(r.status, 2);
  assert.match(r.err, /no module "nosuchmodule" in this build/);
  r = tichengAdmin(conf, 'demo-data', 'admin');
  assert.equal(r.status, 2);
  assert.match(r.err, /module admin has no demo data/);
  r = tichengAdmin(conf, 'demo-data', 'sales', 'admin');
  assert.equal(r.status, 2);
  assert.match(r.err, /usage: ticheng-admin demo-data \[MODULE\]/);
});

test('the stack was seeded per module: its sales marker is in demo_data, not in settings', () => {
  assert.deepEqual(sql("SELECT module FROM demo_data WHERE module = 'sales'"), [['sales']]);
  assert.deepEqual(sql("SELECT name FROM settings WHERE name = 'demo_data_loaded'"), []);
});
