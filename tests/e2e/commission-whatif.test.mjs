// What-if (HR): a draft version run over past periods through the engine,
// nothing written, compared rep by rep and in total with the plan in
// force, with a chart of the differences.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URL, STATE, businessDate, launch, newContext, login, shot, sql, tichengAdmin, fieldError } from './lib.mjs';

const CONF = process.env.TICHENG_CONF ?? join(STATE, 'ticheng.conf');
const dir = mkdtempSync(join(tmpdir(), 'tc-whatif-'));
let browser;
let ctx;
let page;
let beforeMax;
let same;   // a draft identical to the version in force
let zero;   // a draft paying nothing
let range;

async function importDraft(plan, name) {
  writeFileSync(join(dir, name), JSON.stringify(plan));
  await page.goto(`${URL}/commission/plans/import`);
  await page.setInputFiles('#file', join(dir, name));
  await Promise.all([page.waitForLoadState('load'), page.click('form[action="/commission/plans/import"] button[type=submit]')]);
  return new globalThis.URL(page.url()).pathname.split('/')[3];
}

const money = (s) => Math.round(Number(s.replace(/,/g, '')) * 100);

async function table() {
  return page.$$eval('#whatif-table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent.trim())));
}

before(async () => {
  browser = await launch();
  beforeMax = Number(sql('SELECT COALESCE(MAX(id), 0) FROM plan_versions')[0][0]);
  ctx = await newContext(browser);
  page = await login(ctx, 'zhaomin');
  const active = sql("SELECT id FROM plan_versions WHERE state = 'active' ORDER BY effective_from LIMIT 1")[0][0];
  assert.equal(tichengAdmin(CONF, 'export-plan', active, join(dir, 'active.json')).status, 0);
  const plan = JSON.parse(readFileSync(join(dir, 'active.json'), 'utf8'));
  same = await importDraft({ ...plan, plan: 'What-if same', effective_from: '2036-01-01' }, 'same.json');
  zero = await importDraft({ plan: 'What-if zero', currency: plan.currency, period: plan.period, effective_from: '2036-01-01',
    rules: [{ id: 'all', base: 'amount', rate: '0%' }] }, 'zero.json');
  // the three months before this one, all with results
  range = sql(`SELECT label FROM periods WHERE last_day < '${businessDate()}' ORDER BY first_day DESC LIMIT 3`).map((r) => r[0]).reverse();
});

after(async () => {
  await ctx?.close();
  await browser?.close();
  sql(`DELETE FROM plan_version_changes WHERE version_id > ${beforeMax};
    DELETE b FROM plan_bands b JOIN plan_rules r ON r.id = b.rule_id WHERE r.version_id > ${beforeMax};
    DELETE FROM plan_rules WHERE version_id > ${beforeMax};
    DELETE FROM plan_steps WHERE version_id > ${beforeMax};
    DELETE FROM plan_versions WHERE id > ${beforeMax}`);
});

test('a draft identical to the plan in force changes nothing, rep by rep', async () => {
  const runs = sql('SELECT COUNT(*), COALESCE(MAX(id), 0) FROM calc_runs')[0];
  const lines = sql('SELECT COUNT(*) FROM commission_lines')[0][0];
  await page.goto(`${URL}/commission/whatif`);
  await page.selectOption('#version', same);
  await page.fill('#from', range[0]);
  await page.fill('#to', range[2]);
  await Promise.all([page.waitForLoadState('load'), page.click('#whatif-run')]);
  const rows = await table();
  assert.ok(rows.length > 0, 'reps with commission in the range');
  for (const [rep, now, draft, diff] of rows) {
    assert.equal(draft, now, rep);
    assert.equal(diff, '0.00', rep);
  }
  const total = await page.$$eval('#whatif-total td', (tds) => tds.map((td) => td.textContent.trim()));
  assert.equal(total[2], '0.00');
  assert.equal(money(total[0]), rows.reduce((s, r) => s + money(r[1]), 0), 'the total adds up');
  assert.equal(await page.locator('#whatif-result svg').count(), 1, 'the chart of differences');
  assert.deepEqual(sql('SELECT COUNT(*), COALESCE(MAX(id), 0) FROM calc_runs')[0], runs, 'no run recorded');
  assert.equal(sql('SELECT COUNT(*) FROM commission_lines')[0][0], lines, 'no line written');
});

test('a draft paying nothing shows what every rep would lose, and the chart draws it', async () => {
  await page.goto(`${URL}/commission/whatif?version=${zero}&from=${range[0]}&to=${range[2]}`);
  const rows = await table();
  assert.ok(rows.length > 0);
  let lost = 0;
  for (const [rep, now, draft, diff] of rows) {
    assert.equal(draft, '0.00', rep);
    assert.equal(money(diff), -money(now), rep);
    lost += money(now);
  }
  const total = await page.$$eval('#whatif-total td', (tds) => tds.map((td) => td.textContent.trim()));
  assert.equal(money(total[2]), -lost);
  await shot(page, 'commission-whatif');
});

test('a bad range is refused next to its field, what was typed kept', async () => {
  let res = await page.goto(`${URL}/commission/whatif?version=${zero}&from=2026-13&to=${range[2]}`);
  assert.equal(res.status(), 422);
  assert.equal(await fieldError(page, 'from'), '不是有效的期间（如 2026-07）');
  assert.equal(await page.inputValue('#from'), '2026-13');
  res = await page.goto(`${URL}/commission/whatif?version=${zero}&from=${range[2]}&to=${range[0]}`);
  assert.equal(res.status(), 422);
  assert.equal(await fieldError(page, 'to'), '结束期间不能早于开始期间');
  res = await page.goto(`${URL}/commission/whatif?version=999999&from=${range[0]}&to=${range[2]}`);
  assert.equal(res.status(), 422);
  assert.equal(await fieldError(page, 'version'), '请选择一个草稿版本');
});

test('only HR runs a what-if', async () => {
  for (const user of ['lina', 'sunli', 'wujun', 'admin']) {
    const c = await newContext(browser);
    const p = await login(c, user);
    assert.equal((await p.goto(`${URL}/commission/whatif`)).status(), 403, user);
    await c.close();
  }
});
