// Plan versions on the web: a rep reads the version in force (rules in
// the engine's order, tier and accelerator charts); HR imports a version
// with tiers and an accelerator from the spec's JSON and proposes it;
// management approves it (four eyes, core workflow), or rejects it with a
// reason; a bad file is refused with the spec's message and nothing is
// saved; export then import gives the same bytes; a rep cannot change
// anything and admin never reaches the pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URL, STATE, launch, newContext, login, shot, sql, tichengAdmin, fieldError } from './lib.mjs';

const CONF = process.env.TICHENG_CONF ?? join(STATE, 'ticheng.conf');
const dir = mkdtempSync(join(tmpdir(), 'tc-plans-'));
let browser;
let first; // the demo's version in force, as it was
let before_max;

// A version far in the future, so that activating it (it ends the demo's
// open-ended version the day before) changes no figure of today.
const PLAN = {
  plan: 'E2E 2031',
  currency: 'CNY',
  period: 'month',
  effective_from: '2031-01-01',
  rules: [
    { id: 'hw', match: { product_type: 'hardware' }, base: 'amount',
      tiers: { mode: 'marginal', bands: [{ upto: '100000', rate: '2%' }, { upto: '300000', rate: '4%' }, { rate: '6%' }] } },
    { id: 'hw-east', priority: 5, match: { product_type: 'hardware', region: 'east' }, base: 'amount', rate: '3%' },
    { id: 'cons', match: { product_type: 'consumable' }, base: 'quantity', per_unit: '1.50' },
  ],
  accelerators: [{ attainment: '100%', multiplier: '1.2' }, { attainment: '150%', multiplier: '1.5' }],
  cap: '90000',
  bonuses: [{ attainment: '100%', amount: '1000' }],
};

before(async () => {
  browser = await launch();
  first = sql("SELECT id, effective_to IS NULL FROM plan_versions WHERE state = 'active' ORDER BY effective_from LIMIT 1")[0];
  before_max = Number(sql('SELECT COALESCE(MAX(id), 0) FROM plan_versions')[0][0]);
});

after(async () => {
  await browser?.close();
  // Put the demo's plan back as it was.
  const mine = `SELECT id FROM plan_versions WHERE id > ${before_max}`;
  sql(`DELETE FROM plan_version_changes WHERE version_id IN (${mine});
    DELETE b FROM plan_bands b JOIN plan_rules r ON r.id = b.rule_id WHERE r.version_id > ${before_max};
    DELETE FROM plan_rules WHERE version_id > ${before_max};
    DELETE FROM plan_steps WHERE version_id > ${before_max};
    DELETE FROM plan_versions WHERE id > ${before_max};
    UPDATE plan_versions SET state = 'active', effective_to = NULL WHERE id = ${first[0]}`);
});

async function importFile(page, path) {
  await page.goto(`${URL}/commission/plans/import`);
  await page.setInputFiles('#file', path);
  await Promise.all([page.waitForLoadState('load'), page.click('form[action="/commission/plans/import"] button[type=submit]')]);
}

async function act(page, action, comment) {
  const form = page.locator(`#plan-actions form:has(button[data-action="${action}"])`);
  if (comment !== undefined) await form.locator('input[name=comment]').fill(comment);
  await Promise.all([page.waitForLoadState('load'), form.locator('button').click()]);
}

function versionId(page) {
  return new globalThis.URL(page.url()).pathname.match(/^\/commission\/plans\/(\d+)$/)[1];
}

test('a rep reads the version in force: its rules in the order the engine tries them, with charts', async () => {
  const ctx = await newContext(browser);
  const page = await login(ctx, 'lina');
  await page.goto(`${URL}/commission/plans`);
  const rows = await page.$$eval('#plan-versions tbody tr', (trs) => trs.map((tr) => tr.dataset.id));
  const inForce = sql("SELECT id FROM plan_versions WHERE state IN ('active', 'ended') ORDER BY effective_from DESC, id DESC").map((r) => r[0]);
  assert.deepEqual(rows, inForce, 'a rep sees the versions in force only');
  await Promise.all([page.waitForLoadState('load'), page.click(`#plan-versions a[href="/commission/plans/${first[0]}"]`)]);
  // Selection order: priority first, then more match keys, then file order.
  const stored = sql(`SELECT code, priority, (match_product_type IS NOT NULL) + (match_region IS NOT NULL) + (match_channel IS NOT NULL)
    + (match_product IS NOT NULL) + (match_customer IS NOT NULL), position FROM plan_rules WHERE version_id = ${first[0]}`);
  const expected = stored.sort((a, b) => Number(b[1]) - Number(a[1]) || Number(b[2]) - Number(a[2]) || Number(a[3]) - Number(b[3])).map((r) => r[0]);
  const shown = await page.$$eval('#plan-rules article.rule', (as) => as.map((a) => a.id.replace(/^rule-/, '')));
  assert.deepEqual(shown, expected);
  const tiered = Number(sql(`SELECT COUNT(*) FROM plan_rules WHERE version_id = ${first[0]} AND kind IN ('marginal', 'whole')`)[0][0]);
  assert.equal(await page.locator('#plan-rules .tiers svg').count(), tiered, 'a chart per tier schedule');
  assert.equal(await page.locator('#plan-accelerators svg').count(), 1, 'the accelerators chart');
  assert.equal(await page.locator('#plan-actions').count(), 0, 'a rep has no action');
  assert.equal(await page.locator('a[href$="/copy"]').count(), 0);
  await shot(page, 'commission-plan-rep');
  await ctx.close();
});

test('the version list (core/list): filtered by state and name, sorted by name or start; a bad state is named', async () => {
  const ctx = await newContext(browser);
  const page = await login(ctx, 'zhaomin');
  const ids = () => page.$$eval('#plan-versions tbody tr', (trs) => trs.map((tr) => tr.dataset.id));
  await page.goto(`${URL}/commission/plans?state=active`);
  assert.deepEqual(await ids(), sql("SELECT id FROM plan_versions WHERE state = 'active' ORDER BY effective_from DESC, id DESC").map((r) => r[0]));
  assert.equal(await page.locator('select#state option:checked').getAttribute('value'), 'active');
  await page.goto(`${URL}/commission/plans?sort=name&dir=asc`);
  assert.deepEqual(await ids(), sql('SELECT id FROM plan_versions ORDER BY name, id').map((r) => r[0]));
  const [[name, id]] = sql('SELECT name, id FROM plan_versions ORDER BY id LIMIT 1');
  await page.goto(`${URL}/commission/plans?name=${encodeURIComponent(name.slice(1, -1))}`);
  assert.ok((await ids()).includes(id), `${name} found by a part of its name`);
  const bad = await page.goto(`${URL}/commission/plans?state=bogus`);
  assert.equal(bad.status(), 400);
  assert.equal(await page.locator('#state').getAttribute('aria-invalid'), 'true');
  await shot(page, 'commission-plans-list-filtered');
  await ctx.close();
});

test('the export is the bytes ticheng-admin export-plan writes', async () => {
  const ctx = await newContext(browser);
  const page = await login(ctx, 'sunli');
  const res = await ctx.request.get(`${URL}/commission/plans/${first[0]}/export`);
  assert.equal(res.status(), 200);
  assert.match(res.headers()['content-disposition'], /attachment/);
  const cli = tichengAdmin(CONF, 'export-plan', first[0], join(dir, 'cli.json'));
  assert.equal(cli.status, 0, cli.err);
  assert.equal(Buffer.compare(await res.body(), readFileSync(join(dir, 'cli.json'))), 0);
  await page.close();
  await ctx.close();
});

test('HR imports a version with tiers and an accelerator, proposes it, management approves it', async () => {
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(PLAN, null, 2));
  const hr = await newContext(browser);
  const page = await login(hr, 'zhaomin');
  await importFile(page, join(dir, 'plan.json'));
  const id = versionId(page);
  assert.equal(await page.locator('#plan-state').textContent(), '草稿');
  // hw-east (priority 5) is tried before hw.
  assert.deepEqual(await page.$$eval('#plan-rules article.rule', (as) => as.map((a) => a.id)), ['rule-hw-east', 'rule-hw', 'rule-cons']);
  assert.equal(await page.locator('#plan-rules .tiers svg').count(), 1);
  assert.equal(await page.locator('#plan-accelerators tbody tr').count(), 2);
  assert.equal(await page.locator('#plan-actions button[data-action="approve"]').count(), 0, 'HR does not approve');
  await act(page, 'propose');
  assert.equal(await page.locator('#plan-state').textContent(), '待审批');
  assert.equal(sql(`SELECT p.login FROM plan_versions v JOIN people p ON p.id = v.proposed_by WHERE v.id = ${id}`)[0][0], 'zhaomin');

  // A rep neither sees a proposed version nor moves it.
  const rep = await newContext(browser);
  const rp = await login(rep, 'zhangwei');
  assert.equal((await rp.goto(`${URL}/commission/plans/${id}`)).status(), 404);
  const csrf = await rp.evaluate(() => document.querySelector('input[name=csrf]')?.value ?? '');
  const moved = await rep.request.post(`${URL}/commission/plans/${id}/move`, { form: { csrf, action: 'approve', expect: 'proposed' }, maxRedirects: 0 });
  assert.equal(moved.status(), 403);
  await rep.close();

  const mg = await newContext(browser);
  const mp = await login(mg, 'wujun');
  await mp.goto(`${URL}/commission/plans/${id}`);
  await shot(mp, 'commission-plan-proposed');
  await act(mp, 'approve');
  assert.equal(await mp.locator('#plan-state').textContent(), '已生效');
  assert.match(await mp.locator('.flash.ok').textContent(), /已批准/);
  // The demo's open-ended version now ends the day before.
  assert.deepEqual(sql(`SELECT state, effective_to FROM plan_versions WHERE id = ${first[0]}`)[0], ['ended', '2030-12-31']);
  assert.deepEqual(sql(`SELECT COALESCE(from_state, '-'), to_state, COALESCE(action, '-') FROM plan_version_changes WHERE version_id = ${id} ORDER BY id`),
    [['-', 'draft', 'create'], ['draft', 'proposed', 'propose'], ['proposed', 'active', 'approve']]);
  assert.equal(sql(`SELECT COUNT(*) FROM audit WHERE action = 'plan.activate' AND entity_id = '${id}'`)[0][0], '1');
  assert.equal(await mp.locator('#plan-history tbody tr').count(), 3);
  await mg.close();
  await hr.close();
});

test('management rejects a proposal only with a reason; the version is a draft again', async () => {
  const p2 = { ...PLAN, plan: 'E2E reject', effective_from: '2032-01-01' };
  writeFileSync(join(dir, 'reject.json'), JSON.stringify(p2));
  const hr = await newContext(browser);
  const page = await login(hr, 'zhaomin');
  await importFile(page, join(dir, 'reject.json'));
  const id = versionId(page);
  await act(page, 'propose');
  const mg = await newContext(browser);
  const mp = await login(mg, 'wujun');
  await mp.goto(`${URL}/commission/plans/${id}`);
  await act(mp, 'reject', '');
  assert.match(await mp.locator('main').textContent(), /驳回须填写原因/);
  assert.equal(sql(`SELECT state FROM plan_versions WHERE id = ${id}`)[0][0], 'proposed');
  await mp.goto(`${URL}/commission/plans/${id}`);
  await act(mp, 'reject', '加速器门槛过低');
  assert.equal(await mp.locator('#plan-state').textContent(), '草稿');
  assert.deepEqual(sql(`SELECT state, decision_comment FROM plan_versions WHERE id = ${id}`)[0], ['draft', '加速器门槛过低']);
  await mg.close();
  await hr.close();
});

test('a bad plan file is refused with the spec message, and nothing is saved', async () => {
  const ctx = await newContext(browser);
  const page = await login(ctx, 'zhaomin');
  const n = sql('SELECT COUNT(*) FROM plan_versions')[0][0];
  const bad = structuredClone(PLAN);
  bad.effective_from = '2033-01-01';
  bad.rules[0].tiers.bands[1].upto = '50000';
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(bad, null, 2));
  await importFile(page, join(dir, 'plan.json'));
  assert.match(await page.locator('#spec-message').textContent(), /^plan\.json: rules\[0\]\.tiers\.bands\[1\]\.upto: /);
  assert.match(await page.locator('#file-error').textContent(), /未保存任何内容/);
  writeFileSync(join(dir, 'syntax.json'), '{\n  "plan": "x",\n  "rules": [\n');
  await importFile(page, join(dir, 'syntax.json'));
  assert.match(await page.locator('#spec-message').textContent(), /^syntax\.json: \d+: /);
  assert.equal(sql('SELECT COUNT(*) FROM plan_versions')[0][0], n, 'nothing saved');
  await ctx.close();
});

test('export then import gives an identical version', async () => {
  const ctx = await newContext(browser);
  const page = await login(ctx, 'zhaomin');
  const src = sql(`SELECT id FROM plan_versions WHERE name = 'E2E 2031'`)[0][0];
  const a = await (await ctx.request.get(`${URL}/commission/plans/${src}/export`)).body();
  writeFileSync(join(dir, 'again.json'), a);
  await importFile(page, join(dir, 'again.json'));
  const id = versionId(page);
  assert.notEqual(id, src);
  const b = await (await ctx.request.get(`${URL}/commission/plans/${id}/export`)).body();
  assert.equal(Buffer.compare(a, b), 0);
  await ctx.close();
});

test('a rep may not import; admin reaches no plan page', async () => {
  const rep = await newContext(browser);
  const rp = await login(rep, 'lina');
  assert.equal((await rp.goto(`${URL}/commission/plans/import`)).status(), 403);
  await rep.close();
  const adm = await newContext(browser);
  const ap = await login(adm, 'admin');
  for (const path of ['/commission/plans', `/commission/plans/${first[0]}`, `/commission/plans/${first[0]}/export`, '/commission/plans/import'])
    assert.equal((await ap.goto(`${URL}${path}`)).status(), 403, path);
  await adm.close();
});

test('a version covering a closed period is frozen: the page says why and offers a new version from it', async () => {
  const closed = sql("SELECT label FROM periods WHERE state = 'open' ORDER BY first_day LIMIT 1")[0][0];
  const firstDay = sql(`SELECT first_day FROM periods WHERE label = '${closed}'`)[0][0];
  sql(`UPDATE periods SET state = 'closed' WHERE label = '${closed}'`);
  try {
    const ctx = await newContext(browser);
    const page = await login(ctx, 'zhaomin');
    await page.goto(`${URL}/commission/plans/${first[0]}`);
    assert.match(await page.locator('#plan-frozen').textContent(), /已结账/);
    await Promise.all([page.waitForLoadState('load'), page.click('#plan-frozen a[href$="/copy"]')]);
    const open = sql(`SELECT MIN(first_day) FROM periods WHERE state = 'open'`)[0][0];
    assert.equal(await page.inputValue('#effective_from'), open, 'the copy starts in the first open period');
    const save = async (from, to) => {
      await page.fill('#effective_from', from);
      await page.fill('#effective_to', to);
      return (await Promise.all([page.waitForNavigation(), page.click('#copy-save')]))[0];
    };
    assert.equal((await save(firstDay, '')).status(), 422);
    assert.match(await fieldError(page, 'effective_from'), /已结账期间/);
    await save('2040-01-15', '2040-05-15');
    assert.equal(await fieldError(page, 'effective_from'), '生效日期须是某个期间的第一天');
    assert.equal(await fieldError(page, 'effective_to'), '截止日期须是某个期间的最后一天');
    assert.equal(await page.inputValue('#effective_to'), '2040-05-15', 'what was typed is kept');
    await save('2040-01-01', '');
    const id = new globalThis.URL(page.url()).pathname.split('/')[3];
    assert.equal(await page.locator('#plan-state').textContent(), '草稿');
    assert.equal(sql(`SELECT COUNT(*) FROM plan_rules WHERE version_id = ${id}`)[0][0],
      sql(`SELECT COUNT(*) FROM plan_rules WHERE version_id = ${first[0]}`)[0][0]);
    // ending the frozen version: only on a later boundary
    await page.goto(`${URL}/commission/plans/${first[0]}`);
    await page.fill('#last_day', '2029-12-15');
    await Promise.all([page.waitForLoadState('load'), page.click('#end-save')]);
    assert.match(await page.locator('.flash.error').textContent(), /最后一天/);
    await page.fill('#last_day', '2029-12-31');
    await Promise.all([page.waitForLoadState('load'), page.click('#end-save')]);
    assert.deepEqual(sql(`SELECT state, effective_to FROM plan_versions WHERE id = ${first[0]}`)[0], ['ended', '2029-12-31']);
    await ctx.close();
  } finally {
    sql(`UPDATE periods SET state = 'open' WHERE label = '${closed}'`);
  }
});
