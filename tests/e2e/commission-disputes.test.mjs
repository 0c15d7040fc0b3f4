// Disputes and adjustments in Chromium, on the demo company: a rep
// disputes one of their commission lines; another rep gets 404 for the
// dispute and for the line; finance accepts it with an adjustment, whose
// proposer and whose own department cannot approve it (no button, 403 on
// a forged POST); HR approves it; the rep sees the outcome.  HR proposes
// a manual adjustment that finance rejects with a reason; an amount of 0
// is refused next to its field with what was typed kept.  The waiting
// count of finance's navigation counts the open dispute.  The estimate of
// an opportunity is ticheng-calc's difference with the order added.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { URL, launch, newContext, login, shot, sql, mainText, businessDate } from './lib.mjs';
import { CONF, admin, calcOn, tempDir } from './commission-cli.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// A current commission line of rep (not removed), with no open dispute.
function lineOf(rep) {
  const rows = sql(`SELECT l.id FROM commission_lines l JOIN people p ON p.id = l.person_id
    WHERE p.login = '${rep}' AND l.removed_run_id IS NULL AND l.rule_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM commission_disputes d WHERE d.line_id = l.id AND d.state = 'open')
    ORDER BY l.id DESC LIMIT 1`);
  assert.equal(rows.length, 1, `${rep} has a commission line`);
  return rows[0][0];
}

async function post(page, path, form) {
  return page.evaluate(async ([p, f]) => {
    const csrf = document.querySelector('input[name=csrf]')?.value ?? '';
    const body = new URLSearchParams({ csrf, ...f });
    const res = await fetch(p, { method: 'POST', body, redirect: 'manual' });
    return res.status;
  }, [path, form]);
}

async function waiting(page) {
  const badge = page.locator('nav.nav a[href="/commission/"] .nav-waiting');
  if (await badge.count() === 0) return 0;
  return Number((await badge.first().textContent()).replace(/\D/g, ''));
}

test('a rep disputes a line; finance accepts with an adjustment that HR approves; the rep sees the outcome', async () => {
  const line = lineOf('zhangwei');
  const comment = `这条明细的提成比例不对 ${Date.now()}`;

  // zhangwei raises the dispute from the line
  const rep = await newContext(browser);
  const rp = await login(rep, 'zhangwei');
  let res = await rp.goto(`${URL}/commission/disputes/new?line=${line}`);
  assert.equal(res.status(), 200);
  assert.match(await rp.locator('#dsp-line').textContent(), new RegExp(`#${line}`));
  await rp.click('#dsp-raise');           // no comment: refused, nothing written
  assert.match(await rp.locator('#comment-error').textContent(), /请说明申诉的理由/);
  await rp.fill('#comment', comment);
  await Promise.all([rp.waitForURL(/\/commission\/disputes\/\d+\?done=raised/), rp.click('#dsp-raise')]);
  const id = new globalThis.URL(rp.url()).pathname.split('/').pop();
  assert.equal(await rp.locator('#dsp-state').textContent(), '处理中');
  assert.equal(await rp.locator('#dsp-comment').textContent(), comment);
  await shot(rp, 'commission-dispute-raised');

  // another rep: 404 for the dispute, for the line, and for its form
  const other = await newContext(browser);
  const op = await login(other, 'lina');
  res = await op.goto(`${URL}/commission/disputes/${id}`);
  assert.equal(res.status(), 404);
  res = await op.goto(`${URL}/commission/disputes/new?line=${line}`);
  assert.equal(res.status(), 404);
  await op.goto(`${URL}/commission/disputes`);
  assert.equal(await op.locator(`#disputes tr[data-id="${id}"]`).count(), 0);
  await other.close();

  // finance answers: the navigation counts the open dispute
  const fin = await newContext(browser);
  const fp = await login(fin, 'sunli');
  await fp.goto(`${URL}/commission/disputes?state=open`);
  assert.ok(await waiting(fp) >= 1, 'finance sees something waiting');
  assert.equal(await fp.locator(`#disputes tr[data-id="${id}"]`).count(), 1);
  await fp.goto(`${URL}/commission/disputes/${id}`);
  await fp.fill('#amount', '0');
  await fp.fill('#reason', '补发');
  await fp.click('#dsp-accept');
  assert.match(await fp.locator('#amount-error').textContent(), /不能为 0/);
  assert.equal(await fp.inputValue('#amount'), '0');
  assert.equal(await fp.inputValue('#reason'), '补发');
  assert.equal(sql(`SELECT state FROM commission_disputes WHERE id = ${id}`)[0][0], 'open');
  await fp.fill('#amount', '321.50');
  await fp.fill('#reason', '核实后补发差额');
  await Promise.all([fp.waitForURL(/done=accept/), fp.click('#dsp-accept')]);
  assert.equal(await fp.locator('#dsp-state').textContent(), '已受理');
  assert.match(await fp.locator('#dsp-adjustment').textContent(), /321\.50/);
  await shot(fp, 'commission-dispute-accepted');
  const adj = sql(`SELECT adjustment_id FROM commission_disputes WHERE id = ${id}`)[0][0];

  // the proposer cannot approve it: no button, 403 on a forged POST
  await fp.goto(`${URL}/commission/adjustments/${adj}`);
  assert.equal(await fp.locator('#adj-approve').count(), 0);
  assert.match(await fp.locator('#adj-why-not').textContent(), /不能审批自己提出的调整/);
  assert.equal(await post(fp, `/commission/adjustments/${adj}/approve`, { from: 'proposed' }), 403);
  // nor another person of finance: the other department decides
  const fin2 = await newContext(browser);
  const f2 = await login(fin2, 'zhouhang');
  await f2.goto(`${URL}/commission/adjustments/${adj}`);
  assert.equal(await f2.locator('#adj-approve').count(), 0);
  assert.match(await f2.locator('#adj-why-not').textContent(), /另一部门|以外的部门/);
  assert.equal(await post(f2, `/commission/adjustments/${adj}/approve`, { from: 'proposed' }), 403);
  await fin2.close();
  assert.equal(sql(`SELECT state FROM commission_adjustments WHERE id = ${adj}`)[0][0], 'proposed');

  // HR approves
  const hr = await newContext(browser);
  const hp = await login(hr, 'zhaomin');
  await hp.goto(`${URL}/commission/adjustments/${adj}`);
  await hp.fill('#comment', '同意');
  await Promise.all([hp.waitForURL(/done=approved/), hp.click('#adj-approve')]);
  assert.equal(await hp.locator('#adj-state').textContent(), '已批准');
  await shot(hp, 'commission-adjustment-approved');
  // a second approval, from a page showing it proposed, comes too late
  assert.equal(await post(hp, `/commission/adjustments/${adj}/reject`, { from: 'proposed', comment: '晚了' }), 409);
  await hr.close();
  await fin.close();

  // the rep sees the outcome and the adjustment among their lines
  await rp.goto(`${URL}/commission/disputes/${id}`);
  assert.equal(await rp.locator('#dsp-state').textContent(), '已受理');
  assert.equal(await rp.locator('#dsp-reply').textContent(), '核实后补发差额');
  assert.match(await rp.locator('#dsp-adjustment').textContent(), /321\.50.*已批准/s);
  assert.match(await rp.locator('#dsp-thread').textContent(), /提出申诉[\s\S]*受理/);
  assert.equal(await rp.locator('#dsp-accept-form').count(), 0);
  res = await rp.goto(`${URL}/commission/adjustments/${adj}`);
  assert.equal(res.status(), 200);
  await rp.goto(`${URL}/commission/adjustments`);
  assert.equal(await rp.locator(`#adjustments tr[data-id="${adj}"]`).count(), 1);
  await shot(rp, 'commission-dispute-outcome-rep');
  // approved, it is a line of its own on the rep's commission home and
  // under the ledger of its period
  const adjPeriod = sql(`SELECT pe.label FROM commission_adjustments a JOIN periods pe ON pe.id = a.period_id WHERE a.id = ${adj}`)[0][0];
  await rp.goto(`${URL}/commission/`);
  assert.match(await rp.textContent(`#adjustment-lines tr[data-id="${adj}"]`), /321\.50/);
  await rp.goto(`${URL}/commission/ledger?period=${adjPeriod}`);
  assert.match(await rp.textContent(`#adjustment-lines tr[data-id="${adj}"]`), /核实后补发差额/);
  // another rep does not reach the adjustment
  const other2 = await newContext(browser);
  const o2 = await login(other2, 'wangqiang');
  res = await o2.goto(`${URL}/commission/adjustments/${adj}`);
  assert.equal(res.status(), 404);
  await other2.close();
  await rep.close();
});

test('HR proposes a manual adjustment, finance rejects it with a reason; bad input keeps what was typed', async () => {
  const hr = await newContext(browser);
  const hp = await login(hr, 'zhaomin');
  await hp.goto(`${URL}/commission/adjustments`);
  await Promise.all([hp.waitForURL(/\/new$/), hp.click('#adj-new')]);
  const person = sql("SELECT id FROM people WHERE login = 'lina'")[0][0];
  await hp.selectOption('#person', person);
  await hp.fill('#amount', '12.345');
  await hp.click('#adj-propose');
  assert.match(await hp.locator('#amount-error').textContent(), /精确到分/);
  assert.match(await hp.locator('#reason-error').textContent(), /请填写调整原因/);
  assert.equal(await hp.inputValue('#amount'), '12.345');
  assert.equal(await hp.inputValue('#person'), person);
  await shot(hp, 'commission-adjustment-errors');
  await hp.fill('#amount', '-200');
  await hp.fill('#reason', '重复计提扣回');
  await Promise.all([hp.waitForURL(/done=proposed/), hp.click('#adj-propose')]);
  const adj = new globalThis.URL(hp.url()).pathname.split('/').pop();
  assert.equal(await hp.locator('#adj-state').textContent(), '待审批');
  assert.equal(await hp.locator('#adj-approve').count(), 0);

  const fin = await newContext(browser);
  const fp = await login(fin, 'zhouhang');
  await fp.goto(`${URL}/commission/adjustments/${adj}`);
  await fp.click('#adj-reject');          // no reason: refused
  assert.match(await fp.locator('#comment-error').textContent(), /驳回时请填写原因/);
  await fp.fill('#comment', '金额无依据');
  await Promise.all([fp.waitForURL(/done=rejected/), fp.click('#adj-reject')]);
  assert.equal(await fp.locator('#adj-state').textContent(), '已驳回');
  assert.equal(await fp.locator('#adj-note').textContent(), '金额无依据');
  const audit = sql(`SELECT GROUP_CONCAT(action ORDER BY id) FROM audit WHERE entity = 'adjustment' AND entity_id = '${adj}'`)[0][0];
  assert.equal(audit, 'adjustment_propose,adjustment_create,adjustment_reject');
  await fin.close();
  await hr.close();
});

test('admin never reaches adjustments or disputes; a rep cannot propose', async () => {
  const ctx = await newContext(browser);
  const page = await login(ctx, 'admin');
  for (const p of ['/commission/adjustments', '/commission/disputes']) {
    const res = await page.goto(`${URL}${p}`);
    assert.equal(res.status(), 403, p);
  }
  await ctx.close();
  const rc = await newContext(browser);
  const rp = await login(rc, 'zhangwei');
  const res = await rp.goto(`${URL}/commission/adjustments/new`);
  assert.equal(res.status(), 403);
  await rc.close();
});

test('disputes and adjustments in English', async () => {
  const ctx = await newContext(browser, 'en-US');
  const page = await login(ctx, 'sunli');
  await page.goto(`${URL}/commission/disputes`);
  assert.equal(await page.locator('h1').first().textContent(), 'Disputes');
  await page.goto(`${URL}/commission/adjustments`);
  assert.equal(await page.locator('h1').first().textContent(), 'Adjustments');
  assert.doesNotMatch(await mainText(page), /调整|申诉/);
  await ctx.close();
});

// ---- the estimate (/commission/estimate?opportunity=ID) ----

// The total (commission + bonus) of rep in period label in a summary.
function totalOf(summary, rep, label) {
  const row = summary.split('\n').find((l) => l.startsWith(`${rep},${label},`));
  return row === undefined ? 0 : Math.round(Number(row.split(',')[7]) * 100);
}

// Appends a record to the CSV file path, by the names of its header.
function appendRecord(path, values) {
  const text = readFileSync(path, 'utf8');
  const header = text.slice(0, text.indexOf('\n')).split(',');
  writeFileSync(path, `${text}${header.map((h) => values[h] ?? '').join(',')}\n`);
}

test('the estimate is what ticheng-calc adds when the opportunity is won today, tiers and accelerators included', async () => {
  const [id, amount, customer, region, channel] = sql(`SELECT o.id, o.amount, c.code, rg.code, ch.code
    FROM opportunities o JOIN people p ON p.id = o.owner_id JOIN customers c ON c.id = o.customer_id
    JOIN regions rg ON rg.id = c.region_id JOIN channels ch ON ch.id = c.channel_id
    WHERE p.login = 'zhangwei' AND o.stage NOT IN ('won', 'lost') ORDER BY o.amount DESC LIMIT 1`)[0];
  const today = businessDate();
  const label = today.slice(0, 7);
  const ctx = await newContext(browser);
  const page = await login(ctx, 'zhangwei');
  // from the opportunity's page, by its link
  let res = await page.goto(`${URL}/sales/opportunities/${id}`);
  assert.equal(res.status(), 200);
  await Promise.all([page.waitForURL(/\/commission\/estimate\?opportunity=/), page.click('#opp-estimate')]);
  assert.equal(new globalThis.URL(page.url()).searchParams.get('opportunity'), id);
  assert.match(await page.textContent('#est-result'), /选择产品类型/);

  for (const type of ['hardware', 'service']) {
    await page.selectOption('#product_type', type);
    await Promise.all([page.waitForURL(new RegExp(`product_type=${type}`)), page.click('#est-go')]);
    const shown = Math.round(Number((await page.textContent('#est-gain')).replace(/[+,]/g, '')) * 100);
    const collected = await page.locator('#est-collected').count() === 1;
    assert.equal(collected, type === 'service', `${type}: the collected note`);

    // the same by hand: the period's files, then with the order added
    const dir = tempDir(`estimate-${type}-${Date.now()}`);
    const e = admin(CONF, 'export-period', label, dir);
    assert.equal(e.status, 0, e.err);
    const before = totalOf(calcOn(dir).summary, 'zhangwei', label);
    appendRecord(join(dir, 'orders.csv'), { order_id: `est-${id}`, line: '1', date: today, rep: 'zhangwei',
      product_type: type, region, channel, customer, quantity: '1', amount, cost: '0.00', status: 'booked' });
    if (collected)
      appendRecord(join(dir, 'payments.csv'), { payment_id: `est-${id}`, order_id: `est-${id}`, date: today, amount });
    const after = totalOf(calcOn(dir).summary, 'zhangwei', label);
    assert.equal(shown, after - before, `${type}: the page's gain is ticheng-calc's difference`);
    // the engine's explanation of the period with the order: the rule's
    // slices add up to its commission
    const slices = await page.$$eval('#est-slices tbody tr td:last-child', (tds) => tds.map((t) => t.textContent));
    const ruleCommission = (await page.textContent('#est-explain p')).match(/([\d,]+\.\d+)\s*$/)[1];
    const cents = (t) => Math.round(Number(t.replace(/,/g, '')) * 100);
    assert.equal(slices.map(cents).reduce((a, b) => a + b, 0), cents(ruleCommission), `${type}: slices`);
    assert.ok(shown > 0, `${type}: winning it adds something`);
  }
  await shot(page, 'commission-estimate');

  // an unknown product type is refused, named
  res = await page.goto(`${URL}/commission/estimate?opportunity=${id}&product_type=nope`);
  assert.equal(res.status(), 400);
  assert.match(await page.textContent('#product_type-error'), /请选择一个产品类型/);
  await ctx.close();

  // HR reads the opportunity but estimates nothing: no link
  const h = await newContext(browser);
  const hp = await login(h, 'zhaomin');
  await hp.goto(`${URL}/sales/opportunities/${id}`);
  assert.equal(await hp.locator('#opp-estimate').count(), 0);
  await h.close();

  // another rep: 404; HR: 403; the team's manager sees it
  for (const [user, status] of [['lina', 404], ['zhaomin', 403], ['yangfan', 404], ['chenjing', 200]]) {
    const c = await newContext(browser);
    const p = await login(c, user);
    res = await p.goto(`${URL}/commission/estimate?opportunity=${id}&product_type=hardware`);
    assert.equal(res.status(), status, user);
    await c.close();
  }
});

test('a disputed line that a re-run removes is flagged on the dispute, never dropped', async () => {
  const label = businessDate().slice(0, 7);
  // today's period, run (it never closes before it ends)
  let run = admin(CONF, 'calc', label);
  assert.equal(run.status, 0, run.err);
  const [line, orderLine] = sql(`SELECT l.id, l.order_line_id FROM commission_lines l
    JOIN periods pe ON pe.id = l.period_id JOIN people p ON p.id = l.person_id
    WHERE p.login = 'zhangwei' AND pe.label = '${label}' AND l.removed_run_id IS NULL
    AND l.rule_id IS NOT NULL AND l.payment_id IS NULL
    AND NOT EXISTS (SELECT 1 FROM commission_disputes d WHERE d.line_id = l.id AND d.state = 'open')
    ORDER BY l.id DESC LIMIT 1`)[0];
  const ctx = await newContext(browser);
  const page = await login(ctx, 'zhangwei');
  await page.goto(`${URL}/commission/disputes/new?line=${line}`);
  await page.fill('#comment', '这条明细的数量有误');
  await Promise.all([page.waitForURL(/done=raised/), page.click('#dsp-raise')]);
  const id = new globalThis.URL(page.url()).pathname.split('/').pop();
  assert.equal(await page.locator('#dsp-line-removed').count(), 0);

  // the order line is cancelled (what a cancellation writes), and the
  // period runs again: the line no longer arises
  sql(`UPDATE order_lines SET status = 'cancelled' WHERE id = ${orderLine}`);
  try {
    run = admin(CONF, 'calc', label);
    assert.equal(run.status, 0, run.err);
    assert.notEqual(sql(`SELECT removed_run_id FROM commission_lines WHERE id = ${line}`)[0][0], 'NULL');
    await page.goto(`${URL}/commission/disputes/${id}`);
    assert.match(await page.textContent('#dsp-line-removed'), /已被移除/);
    assert.match(await page.textContent('#dsp-line'), new RegExp(`#${line}`));
    await shot(page, 'commission-dispute-line-removed');
    const fin = await newContext(browser);
    const fp = await login(fin, 'sunli');
    await fp.goto(`${URL}/commission/disputes?state=open`);
    assert.match(await fp.textContent(`#disputes tr[data-id="${id}"]`), /已被移除/);
    await fin.close();
  } finally {
    sql(`UPDATE order_lines SET status = 'booked' WHERE id = ${orderLine}`);
    run = admin(CONF, 'calc', label);
  }
  assert.equal(run.status, 0, run.err);
  // booked again, the line comes back with its id: no longer flagged
  assert.equal(sql(`SELECT removed_run_id FROM commission_lines WHERE id = ${line}`)[0][0], 'NULL');
  await page.goto(`${URL}/commission/disputes/${id}`);
  assert.equal(await page.locator('#dsp-line-removed').count(), 0);
  // the rep takes it back
  await Promise.all([page.waitForURL(/done=withdraw/), page.click('#dsp-withdraw')]);
  assert.equal(await page.locator('#dsp-state').textContent(), '已撤回');
  await ctx.close();
});
