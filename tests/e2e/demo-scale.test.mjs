// ticheng-admin demo-data --scale N on a database of its own: N times the
// demo company for the benchmarks, bulk-copied with the same shapes,
// marked as benchmark data, outside the audit, and growing without
// copying twice.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootSql, scratchDatabase, dropScratch, tichengAdmin } from './lib.mjs';

const work = mkdtempSync(join(tmpdir(), 'ticheng-scale-'));
const { db, conf } = scratchDatabase('scale', work);
after(() => {
  dropScratch(db);
  rmSync(work, { recursive: true, force: true });
});
const q = (query) => rootSql(query, db);
const n = (query) => Number(q(query)[0][0]);
const TABLES = ['customers', 'contacts', 'opportunities', 'opportunity_stage_changes', 'activities',
  'orders', 'order_reps', 'order_lines', 'payments'];
const counts = () => Object.fromEntries(TABLES.map((t) => [t, n(`SELECT COUNT(*) FROM ${t}`)]));
// What the pages show, per copy: totals kept by the triggers, and scopes.
const shape = (copy) => q(`SELECT COUNT(*), SUM(o.amount_total), SUM(o.collected), SUM(o.outstanding),
    SUM(o.status = 'cancelled'), SUM(o.original_order_id IS NOT NULL)
  FROM orders o WHERE o.id DIV 1000000 = ${copy}`)[0];

let one;

test('--scale refuses what is not a factor, naming it', () => {
  assert.equal(tichengAdmin(conf, 'migrate').status, 0);
  assert.equal(tichengAdmin(conf, 'sync-users').status, 0);
  for (const bad of ['0', '1001', 'ten']) {
    const r = tichengAdmin(conf, 'demo-data', '--scale', bad);
    assert.equal(r.status, 2);
    assert.match(r.err, new RegExp(`--scale: "${bad}" is not a number from 1 to 1000`));
  }
  assert.equal(n('SELECT COUNT(*) FROM demo_data'), 0, 'nothing seeded by a refused command');
});

test('--scale 3 seeds the demo company, then copies it twice with the same shapes', () => {
  const seed = tichengAdmin(conf, 'demo-data');
  assert.equal(seed.status, 0, seed.err);
  one = counts();
  const audit = n('SELECT COUNT(*) FROM audit');
  const r = tichengAdmin(conf, 'demo-data', '--scale', '3');
  assert.equal(r.status, 0, r.err);
  assert.match(r.out, /demo data of sales: 3 times the demo company \(copies 2 to 3 bulk-loaded outside the audit, marked in sales_demo_scale\)/);
  const three = counts();
  for (const t of TABLES) assert.equal(three[t], 3 * one[t], `${t}: three times the demo's ${one[t]}`);
  assert.deepEqual(q('SELECT copy FROM sales_demo_scale ORDER BY copy').map((x) => x[0]), ['2', '3'], 'each copy marked');
  assert.equal(n('SELECT COUNT(*) FROM audit'), audit, 'outside the audit');
  assert.deepEqual(shape(2), shape(0), 'copy 2: the same totals, cancellations and returns as the demo');
  assert.deepEqual(shape(3), shape(0), 'copy 3 likewise');
  // A plain rep has copies in the same team; managers, finance and
  // management are not copied, so a team is three times as large.
  assert.equal(n("SELECT COUNT(*) FROM people WHERE login LIKE 'zhangwei.%' AND team = 'East'"), 2);
  assert.equal(n("SELECT COUNT(*) FROM people WHERE login LIKE 'chenjing.%'"), 0);
  const own = (login) => n(`SELECT COUNT(DISTINCT r.order_id) FROM order_reps r JOIN people p ON p.id = r.person_id WHERE p.login = '${login}'`);
  assert.equal(own('zhangwei.2'), own('zhangwei'), "a rep's copy has the rep's orders");
  assert.equal(own('zhangwei.3'), own('zhangwei'));
  assert.equal(n(`SELECT COUNT(*) FROM orders o JOIN orders x ON x.id = o.original_order_id
    WHERE o.id DIV 1000000 <> x.id DIV 1000000`), 0, 'a copied return points at the copied order');
  assert.equal(n(`SELECT COUNT(*) FROM opportunities o JOIN orders x ON x.id = o.order_id
    WHERE o.id DIV 1000000 <> x.id DIV 1000000`), 0, 'a copied won opportunity points at the copied order');
  assert.equal(n(`SELECT COUNT(*) FROM order_reps r JOIN orders o ON o.id = r.order_id JOIN customers c ON c.id = o.customer_id
    WHERE c.id DIV 1000000 <> o.id DIV 1000000`), 0, 'copied orders belong to copied customers');
});

test('--scale grows without copying twice, and a reached factor does nothing', () => {
  const r = tichengAdmin(conf, 'demo-data', '--scale', '4');
  assert.equal(r.status, 0, r.err);
  assert.match(r.out, /copies 4 to 4/);
  assert.equal(n('SELECT COUNT(*) FROM orders'), 4 * one.orders);
  const again = tichengAdmin(conf, 'demo-data', '--scale', '2');
  assert.equal(again.status, 0, again.err);
  assert.match(again.out, /already 4 times the demo company/);
  assert.equal(n('SELECT COUNT(*) FROM order_lines'), 4 * one.order_lines);
});
