// The CLI contract of issue 14 on the demo company: the demo seeds an
// active plan, targets and a run of every past month; after a run of
// every open month, each month's stored results are byte for byte
// ticheng-calc's on that month's exported files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONF, admin, checkContract, tempDir } from './commission-cli.mjs';
import { sql } from './lib.mjs';

test('the demo has an active plan with every kind of rule, targets for every rep and month, and runs of the past months', () => {
  const versions = sql("SELECT id, state FROM plan_versions WHERE state = 'active'");
  assert.equal(versions.length, 1);
  const dir = tempDir('demo-plan');
  const e = admin(CONF, 'export-plan', versions[0][0], join(dir, 'plan.json'));
  assert.equal(e.status, 0, e.err);
  const plan = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8'));
  const bases = new Set(plan.rules.map((r) => r.base));
  for (const b of ['amount', 'margin', 'quantity', 'collected']) assert.ok(bases.has(b), `no ${b} rule`);
  assert.ok(plan.rules.some((r) => r.tiers?.mode === 'marginal'), 'no marginal tiers');
  assert.ok(plan.rules.some((r) => r.tiers?.mode === 'whole'), 'no whole tiers');
  assert.ok(plan.rules.some((r) => r.per_unit), 'no per-unit rule');
  assert.ok(plan.accelerators.length > 0 && plan.cap && plan.bonuses.length > 0);

  // Every rep of the directory with sales has a target in every month from
  // the plan's start (people that the db suite makes on this stack are
  // not in the directory: never synced).
  const missing = sql(`SELECT pe.login, p.label FROM periods p
    JOIN (SELECT DISTINCT r.person_id FROM order_reps r) reps
    JOIN people pe ON pe.id = reps.person_id AND pe.synced_at IS NOT NULL
    LEFT JOIN targets t ON t.person_id = reps.person_id AND t.period = p.label
    WHERE t.id IS NULL`);
  assert.deepEqual(missing, []);

  // Every month before this one has a done run; this month has none yet.
  const runs = sql(`SELECT p.label, COUNT(r.id) FROM periods p
    LEFT JOIN calc_runs r ON r.period_id = p.id AND r.state = 'done'
    GROUP BY p.id ORDER BY p.first_day`);
  assert.ok(runs.length >= 12, `only ${runs.length} periods`);
  for (const [label, n] of runs.slice(0, -1)) assert.ok(Number(n) >= 1, `${label} has no run`);
  // Attainment shows both sides of the target, and the cap and bonuses bite.
  const spread = sql(`SELECT SUM(attainment >= 100), SUM(attainment < 100), SUM(bonus > 0),
    SUM(commission = 100000.00) FROM commission_summaries`)[0].map(Number);
  assert.ok(spread.every((n) => n > 0), `attainment, bonus, cap spread: ${spread}`);
});

test('every open month of the demo: the stored results are ticheng-calc on its exported files', () => {
  const run = admin(CONF, 'calc', '--open');
  assert.equal(run.status, 0, run.err);
  const labels = run.out.split('\n').filter((l) => l !== '').map((l) => l.split(':')[0]);
  // every open month runs (the settlement demo closes the oldest ones)
  const open = Number(sql("SELECT COUNT(*) FROM periods WHERE state = 'open'")[0][0]);
  assert.equal(labels.length, open, run.out);
  assert.ok(labels.length >= 6, run.out);
  let lines = 0;
  for (const label of labels) lines += checkContract(CONF, label).lines;
  assert.ok(lines > 1000, `only ${lines} lines compared`);
});
