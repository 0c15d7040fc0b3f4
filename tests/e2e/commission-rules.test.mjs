// The rule editor of a draft plan version (HR), without JavaScript: a
// tiered rule built band by band with the form's own buttons; every
// error of the spec's section 4 that a rule can have, next to its field
// in the reader's language, what was typed kept, nothing saved; a rule
// edited and deleted; a version no longer a draft refuses an edit; a rep
// cannot open the editor.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URL, launch, login, shot, sql, errorSummary, fieldError } from './lib.mjs';

const dir = mkdtempSync(join(tmpdir(), 'tc-rules-'));
let browser;
let ctx;
let page;
let id;
let beforeMax;

const PLAN = {
  plan: 'E2E rules', currency: 'CNY', period: 'month', effective_from: '2035-01-01',
  rules: [{ id: 'hw', match: { product_type: 'hardware' }, base: 'amount', rate: '4%' }],
};

async function noScript(locale = 'zh-CN') {
  return browser.newContext({ locale, javaScriptEnabled: false, viewport: { width: 1366, height: 900 } });
}

before(async () => {
  browser = await launch();
  beforeMax = Number(sql('SELECT COALESCE(MAX(id), 0) FROM plan_versions')[0][0]);
  ctx = await noScript();
  page = await login(ctx, 'zhaomin');
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(PLAN));
  await page.goto(`${URL}/commission/plans/import`);
  await page.setInputFiles('#file', join(dir, 'plan.json'));
  await Promise.all([page.waitForLoadState('load'), page.click('form[action="/commission/plans/import"] button[type=submit]')]);
  id = new globalThis.URL(page.url()).pathname.split('/')[3];
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

const click = async (sel) => Promise.all([page.waitForLoadState('load'), page.click(sel)]);
const rules = () => sql(`SELECT code, kind, base, COALESCE(rate, ''), COALESCE(per_unit, '') FROM plan_rules WHERE version_id = ${id} ORDER BY position`);

test('HR builds a tiered rule band by band, without JavaScript', async () => {
  await page.goto(`${URL}/commission/plans/${id}`);
  await click('#rule-add');
  assert.equal(new globalThis.URL(page.url()).pathname, `/commission/plans/${id}/rules/new`);
  await page.fill('#code', 'svc');
  await page.selectOption('#product_type', 'service');
  await page.selectOption('#region', 'east');
  await page.selectOption('#base', 'collected');
  await page.selectOption('#kind', 'tiers');
  await page.selectOption('#mode', 'marginal');
  for (let i = 0; i < 4; i++) await click('#band-add');
  assert.equal(await page.locator('#band-table tbody tr').count(), 4);
  await page.fill('#upto_1', '100000');
  await page.fill('#brate_1', '3');
  await page.fill('#upto_2', '999');
  await page.fill('#brate_2', '4');
  await page.fill('#upto_3', '300000');
  await page.fill('#brate_3', '5');
  await page.fill('#brate_4', '8%');
  await click('button[data-remove-band="2"]');
  // the band removed, the others kept as typed and renumbered
  assert.equal(await page.locator('#band-table tbody tr').count(), 3);
  assert.deepEqual(await page.$$eval('#band-table tbody input', (is) => is.map((i) => i.value)),
    ['100000', '3', '300000', '5', '', '8%']);
  assert.equal(await page.inputValue('#code'), 'svc');
  assert.equal(await page.inputValue('#region'), 'east');
  await shot(page, 'commission-rule-form');
  await click('#rule-save');
  assert.equal(new globalThis.URL(page.url()).pathname, `/commission/plans/${id}`);
  assert.deepEqual(rules(), [['hw', 'rate', 'amount', '4.0000', ''], ['svc', 'marginal', 'collected', '', '']]);
  assert.deepEqual(sql(`SELECT COALESCE(b.upto, '-'), b.rate FROM plan_bands b JOIN plan_rules r ON r.id = b.rule_id
    WHERE r.version_id = ${id} AND r.code = 'svc' ORDER BY b.position`),
  [['100000.00', '3.0000'], ['300000.00', '5.0000'], ['-', '8.0000']]);
  assert.deepEqual(sql(`SELECT match_product_type, match_region, match_channel IS NULL FROM plan_rules WHERE version_id = ${id} AND code = 'svc'`)[0],
    ['service', 'east', '1']);
  // higher match count first: svc (2 keys) before hw (1 key)
  assert.deepEqual(await page.$$eval('#plan-rules article.rule', (as) => as.map((a) => a.id)), ['rule-svc', 'rule-hw']);
  assert.equal(await page.locator('#rule-svc .tiers svg').count(), 1);
  assert.equal(sql(`SELECT COUNT(*) FROM audit WHERE action = 'plan.edit' AND entity_id = '${id}'`)[0][0], '1');
});

// Each case: what to type, then [input id, message] expected.
const CASES = [
  ['no id', { code: '' }, [['code', '请填写规则编号']]],
  ['an id taken', { code: 'hw' }, [['code', '该版本已有同一编号的规则']]],
  ['a priority not a number', { priority: '1.5' }, [['priority', '优先级须为整数']]],
  ['no rate', { rate: '' }, [['rate', '请填写比例']]],
  ['a rate not a number', { rate: '5,5' }, [['rate', '不是有效的百分比']]],
  ['a rate with 5 decimals', { rate: '1.23456' }, [['rate', '百分比最多 4 位小数']]],
  ['a negative rate', { rate: '-1' }, [['rate', '不能为负数']]],
  ['a rate on the quantity base', { base: 'quantity' }, [['kind', '按数量计提时须选“每单位金额”']]],
  ['a per-unit amount on a money base', { kind: 'per_unit', per_unit: '2' }, [['kind', '每单位金额只能用于数量基数']]],
  ['no per-unit amount', { base: 'quantity', kind: 'per_unit', per_unit: '' }, [['per_unit', '请填写每单位金额']]],
  ['a per-unit amount with 3 decimals', { base: 'quantity', kind: 'per_unit', per_unit: '2.505' }, [['per_unit', '金额最多 2 位小数']]],
  ['a negative per-unit amount', { base: 'quantity', kind: 'per_unit', per_unit: '-2' }, [['per_unit', '不能为负数']]],
  ['tiers without a mode', { kind: 'tiers', mode: '', bands: [['', '3']] }, [['mode', '请选择阶梯方式']]],
  ['tiers without a band', { kind: 'tiers', mode: 'whole', bands: [] }, [['bands', '阶梯至少需要一档']]],
  ['a first limit of 0', { kind: 'tiers', mode: 'marginal', bands: [['0', '1'], ['', '2']] }, [['upto_1', '第一档的上限须大于 0']]],
  ['limits not ascending', { kind: 'tiers', mode: 'marginal', bands: [['5000', '1'], ['5000', '2'], ['', '3']] }, [['upto_2', '上限须大于上一档的上限']]],
  ['a band without a limit before the last', { kind: 'tiers', mode: 'whole', bands: [['', '1'], ['', '2']] }, [['upto_1', '除最后一档外，每档须填写上限']]],
  ['a limit on the last band', { kind: 'tiers', mode: 'whole', bands: [['1000', '1'], ['2000', '2']] }, [['upto_2', '最后一档不设上限']]],
  ['a band without a rate', { kind: 'tiers', mode: 'whole', bands: [['1000', '1'], ['', '']] }, [['brate_2', '请填写比例']]],
  ['a limit with 3 decimals', { kind: 'tiers', mode: 'whole', bands: [['1000.001', '1'], ['', '2']] }, [['upto_1', '金额最多 2 位小数']]],
  ['a negative band rate', { kind: 'tiers', mode: 'whole', bands: [['1000', '-1'], ['', '2']] }, [['brate_1', '不能为负数']]],
  ['several errors at once', { code: '', priority: 'x', rate: '-3' }, [['code', '请填写规则编号'], ['priority', '优先级须为整数'], ['rate', '不能为负数']]],
];

async function fillRule(v) {
  const r = { code: 'new', priority: '', base: 'amount', kind: 'rate', rate: '5', per_unit: '', mode: '', ...v };
  await page.goto(`${URL}/commission/plans/${id}/rules/new`);
  if (r.bands) for (let i = 0; i < r.bands.length; i++) await click('#band-add');
  await page.fill('#code', r.code);
  await page.fill('#priority', r.priority);
  await page.selectOption('#base', r.base);
  await page.selectOption('#kind', r.kind);
  await page.selectOption('#mode', r.mode);
  await page.fill('#rate', r.rate);
  await page.fill('#per_unit', r.per_unit);
  for (const [i, [upto, rate]] of (r.bands ?? []).entries()) {
    await page.fill(`#upto_${i + 1}`, upto);
    await page.fill(`#brate_${i + 1}`, rate);
  }
  return r;
}

test('every rule form error next to its field, what was typed kept, nothing saved', async () => {
  const saved = JSON.stringify(rules());
  for (const [name, input, want] of CASES) {
    const r = await fillRule(input);
    const [res] = await Promise.all([page.waitForNavigation(), page.click('#rule-save')]);
    assert.equal(res.status(), 422, name);
    for (const [field, msg] of want) {
      const got = await fieldError(page, field);
      assert.ok(got?.startsWith(msg), `${name}: ${field}: ${got}`);
    }
    assert.equal((await errorSummary(page)).length, want.length, `${name}: one summary line per error`);
    assert.equal(await page.inputValue('#code'), r.code, `${name}: code kept`);
    assert.equal(await page.inputValue('#rate'), r.rate, `${name}: rate kept`);
    for (const [i, [upto, rate]] of (r.bands ?? []).entries()) {
      assert.equal(await page.inputValue(`#upto_${i + 1}`), upto, `${name}: band ${i + 1} kept`);
      assert.equal(await page.inputValue(`#brate_${i + 1}`), rate, `${name}: band ${i + 1} kept`);
    }
    assert.equal(JSON.stringify(rules()), saved, `${name}: nothing saved`);
  }
  await shot(page, 'commission-rule-errors');
});

test('errors in English for an English reader', async () => {
  const en = await noScript('en-US');
  const p = await login(en, 'zhaomin');
  await p.goto(`${URL}/commission/plans/${id}/rules/new`);
  await p.fill('#code', '');
  await p.fill('#rate', '-2');
  await Promise.all([p.waitForNavigation(), p.click('#rule-save')]);
  assert.equal(await fieldError(p, 'code'), 'Give the rule an id (at most 64 characters)');
  assert.equal(await fieldError(p, 'rate'), 'Cannot be negative');
  await en.close();
});

test('a rule edited keeps its place; a rule deleted is gone', async () => {
  await page.goto(`${URL}/commission/plans/${id}`);
  await click('a[data-edit="hw"]');
  assert.equal(await page.inputValue('#code'), 'hw');
  assert.equal(await page.inputValue('#rate'), '4');
  await page.fill('#rate', '4.5');
  await page.fill('#priority', '7');
  await click('#rule-save');
  assert.deepEqual(rules().map((x) => [x[0], x[3]]), [['hw', '4.5000'], ['svc', '']]);
  await click('button[data-delete="svc"]');
  assert.deepEqual(rules().map((x) => x[0]), ['hw']);
});

const steps = () => sql(`SELECT kind, attainment, COALESCE(multiplier, ''), COALESCE(amount, '') FROM plan_steps WHERE version_id = ${id} ORDER BY kind, position`);

test('HR sets the cap, the accelerators and the bonuses of a draft; every error beside its row, nothing saved', async () => {
  await page.goto(`${URL}/commission/plans/${id}`);
  await click('#head-edit');
  await page.fill('#cap', '80000');
  await page.fill('#acc_at_1', '100');
  await page.fill('#acc_mul_1', '1.2');
  await page.fill('#acc_at_2', '150');
  await page.fill('#acc_mul_2', '1.5');
  await page.fill('#bon_at_1', '100');
  await page.fill('#bon_amt_1', '2000');
  await click('#head-save');
  assert.equal(new globalThis.URL(page.url()).pathname, `/commission/plans/${id}`);
  assert.deepEqual(steps(), [['accelerator', '100.0000', '1.2000', ''], ['accelerator', '150.0000', '1.5000', ''], ['bonus', '100.0000', '', '2000.00']]);
  assert.equal(sql(`SELECT cap FROM plan_versions WHERE id = ${id}`)[0][0], '80000.00');
  assert.equal(await page.locator('#plan-accelerators svg').count(), 1);
  const saved = JSON.stringify(steps());
  const cases = [
    [{ '#acc_at_2': '100' }, [['acc_at_2', '门槛与另一行重复']]],
    [{ '#acc_mul_1': '-1' }, [['acc_mul_1', '不能为负数']]],
    [{ '#acc_mul_1': '1.23456' }, [['acc_mul_1', '倍数最多 4 位小数']]],
    [{ '#acc_mul_1': 'x' }, [['acc_mul_1', '不是有效的倍数']]],
    [{ '#acc_at_1': '-5' }, [['acc_at_1', '不能为负数']]],
    [{ '#bon_amt_1': '' }, [['bon_amt_1', '请同时填写门槛与数值']]],
    [{ '#bon_amt_1': '-10' }, [['bon_amt_1', '不能为负数']]],
    [{ '#cap': '-5' }, [['cap', '不能为负数']]],
    [{ '#cap': '1.005' }, [['cap', '金额最多 2 位小数']]],
    [{ '#effective_from': '2035-01-02' }, [['effective_from', '生效日期须是某个期间的第一天']]],
    [{ '#effective_to': '2035-06-30', '#effective_from': '2035-07-01' }, [['effective_to', '截止日期不能早于生效日期']]],
  ];
  for (const [fill, want] of cases) {
    await page.goto(`${URL}/commission/plans/${id}/edit`);
    for (const [sel, v] of Object.entries(fill)) await page.fill(sel, v);
    const [res] = await Promise.all([page.waitForNavigation(), page.click('#head-save')]);
    assert.equal(res.status(), 422, JSON.stringify(fill));
    for (const [field, msg] of want) {
      const got = await fieldError(page, field);
      assert.ok(got?.startsWith(msg), `${JSON.stringify(fill)}: ${field}: ${got}`);
    }
    for (const [sel, v] of Object.entries(fill)) assert.equal(await page.inputValue(sel), v, 'kept as typed');
    assert.equal(JSON.stringify(steps()), saved, 'nothing saved');
  }
});

test('a version no longer a draft refuses an edit; a rep cannot open the editor', async () => {
  await page.goto(`${URL}/commission/plans/${id}`);
  await click('#plan-actions button[data-action="propose"]');
  const res = await page.goto(`${URL}/commission/plans/${id}/rules/1`);
  assert.equal(res.status(), 409);
  assert.match(await page.locator('.flash.error').textContent(), /只有草稿版本可以编辑/);
  assert.equal(await page.locator('#rule-add').count(), 0);
  const rep = await noScript();
  const rp = await login(rep, 'lina');
  assert.equal((await rp.goto(`${URL}/commission/plans/${id}/rules/new`)).status(), 403);
  await rep.close();
});
