// "Why this amount" (为什么是这个金额) on the web (issue 14): a rep opens
// it from their ledger and finds the same figure as the ledger, as
// ticheng-calc --explain on the period's exported files, and figures
// that add up (the stage-2 parts to the rule's part, the stage-1 parts
// to the period commission); a collected line shows its payment's clamp
// and spread; another rep's line id is 404, for a manager of another
// team too; admin gets 403.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, newContext, login, shot, sql, URL } from './lib.mjs';
import { BUILD, CONF, admin, tempDir } from './commission-cli.mjs';

const browser = await launch();
after(() => browser.close());

function money(text) {
  return text.replace(/,/g, '').replace(/\s+/g, '').trim();
}

// ticheng-calc --explain REP PERIOD on the period's exported files.
function explain(rep, label) {
  const dir = tempDir(`why-${label}-${rep}-${Math.random().toString(36).slice(2)}`);
  const e = admin(CONF, 'export-period', label, dir);
  assert.equal(e.status, 0, e.err);
  const plans = readdirSync(dir).filter((f) => /^plan.*\.json$/.test(f)).sort();
  const r = spawnSync(join(BUILD, 'ticheng-calc'), [...plans.flatMap((p) => ['--plan', join(dir, p)]),
    '--orders', join(dir, 'orders.csv'), '--payments', join(dir, 'payments.csv'),
    '--targets', join(dir, 'targets.csv'), '--explain', rep, label], { encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

// A current period, and a rep's line of it under a rule of base kind.
function lineOf(login, kind) {
  const [[label]] = sql(`SELECT p.label FROM periods p WHERE p.state = 'open' AND EXISTS
    (SELECT 1 FROM commission_summaries s WHERE s.period_id = p.id) ORDER BY p.first_day DESC LIMIT 1 OFFSET 1`);
  const r = admin(CONF, 'calc', label);
  assert.equal(r.status, 0, r.err);
  const rows = sql(`SELECT l.id, o.order_no, ol.line_no, COALESCE(pm.payment_no, ''), ru.code, l.commission
    FROM commission_lines l JOIN people pe ON pe.id = l.person_id JOIN periods p ON p.id = l.period_id
    JOIN order_lines ol ON ol.id = l.order_line_id JOIN orders o ON o.id = ol.order_id
    JOIN plan_rules ru ON ru.id = l.rule_id LEFT JOIN payments pm ON pm.id = l.payment_id
    WHERE pe.login = '${login}' AND p.label = '${label}' AND ru.base = '${kind}' AND l.removed_run_id IS NULL
    AND l.commission <> 0 ORDER BY l.id LIMIT 1`);
  assert.equal(rows.length, 1, `${login} has no ${kind} line in ${label}`);
  const [id, order, line, payment, rule, commission] = rows[0];
  return { label, id, order, line, payment, rule, commission };
}

for (const kind of ['collected', 'amount']) {
  test(`a rep opens "why this amount" of a ${kind} line from the ledger: the same figure as the ledger and as ticheng-calc --explain, adding up`, async () => {
    const l = lineOf('lina', kind);
    const ctx = await newContext(browser);
    const page = await login(ctx, 'lina', undefined, '/commission/ledger');
    await page.goto(`${URL}/commission/ledger?period=${l.label}&rule=${l.rule}`);
    const row = page.locator(`tr[data-line="${l.id}"]`);
    const ledgerAmount = money(await row.locator('td.money').textContent());
    assert.equal(ledgerAmount, l.commission);
    await Promise.all([page.waitForURL(new RegExp(`/commission/lines/${l.id}$`)), row.locator('a.why').click()]);
    await shot(page, `commission-why-${kind}`);
    assert.equal(await page.locator('#why-stale').count(), 0, 'the period is current');
    assert.equal(money(await page.textContent('#why-amount')), l.commission);
    assert.equal(money(await page.textContent('#why-stage2-part')), l.commission);
    assert.equal((await page.textContent('#why-rule-id')).trim(), l.rule);

    const text = explain('lina', l.label);
    const key = `line ${l.order} ${l.line}${l.payment ? ` ${l.payment}` : ''}`;
    assert.ok(text.includes(`${key}: commission ${l.commission} (stage 2 of rule ${l.rule})`), `${key} not in the explanation`);
    const period = text.match(/^commission: (\S+) /m)[1];
    assert.equal(money(await page.textContent('#why-period-commission')), period);
    const ruleCommission = text.match(new RegExp(`^rule ${l.rule}: rule commission (\\S+)$`, 'm'))[1];
    assert.equal(money(await page.textContent('#why-rule-commission')), ruleCommission);

    // The figures add up: stage 1 parts to the period commission, this
    // rule's stage 2 parts to its stage 1 part.
    const cents = (s) => Math.round(Number(money(s)) * 100);
    const s1 = await page.locator('#why-stage1-table tbody tr td:last-child').allTextContents();
    assert.equal(s1.reduce((a, s) => a + cents(s), 0), cents(period));
    const mine = await page.locator('#why-stage1-table tbody tr.this td:last-child').textContent();
    const s2 = await page.locator('#why-stage2-table tbody tr td:last-child').allTextContents();
    if (await page.locator('#why-more').count() === 0)
      assert.equal(s2.reduce((a, s) => a + cents(s), 0), cents(mine));
    // The rep may dispute their own line.
    assert.equal(await page.getAttribute('#why-dispute', 'href'), `/commission/disputes/new?line=${l.id}`);
    if (kind === 'collected') {
      const pay = await page.textContent('#why-payment');
      assert.ok(pay.includes(l.payment), pay);
    }
    await ctx.close();
  });
}

test('another rep\'s line is 404 (the id changed by hand), for a manager of another team too; admin gets 403', async () => {
  const l = lineOf('lina', 'amount');
  for (const [user, status] of [['zhangwei', 404], ['yangfan', 404], ['chenjing', 200], ['sunli', 200], ['admin', 403]]) {
    const ctx = await newContext(browser);
    const page = await login(ctx, user);
    const res = await page.goto(`${URL}/commission/lines/${l.id}`);
    assert.equal(res.status(), status, user);
    if (status === 200) assert.equal(await page.locator('#why-dispute').count(), 0, user);
    await ctx.close();
  }
  const ctx = await newContext(browser);
  const page = await login(ctx, 'lina');
  assert.equal((await page.goto(`${URL}/commission/lines/999999999`)).status(), 404);
  await ctx.close();
});

test('in English: the ledger, the runs, a run, why this amount and the home leave no Chinese label', async () => {
  const l = lineOf('lina', 'collected');
  const [[run]] = sql(`SELECT MAX(id) FROM calc_runs WHERE state = 'done'`);
  // Data stays as entered: people's and customers' names, the plan's
  // name, the reasons of adjustments.
  const names = sql(`SELECT name FROM people UNION SELECT name FROM customers UNION SELECT name FROM plan_versions
    UNION SELECT reason FROM commission_adjustments`).map((r) => r[0]);
  // and the brand and company name of the layout
  const isData = (t) => names.some((n) => t.includes(n)) || /^提成 ticheng$|^示例科技有限公司$/.test(t);
  for (const [user, path] of [['lina', `/commission/ledger?period=${l.label}`], ['lina', `/commission/lines/${l.id}`],
    ['lina', '/commission/'], ['sunli', '/commission/runs'], ['sunli', `/commission/runs/${run}`]]) {
    const ctx = await newContext(browser, 'en-US');
    const page = await login(ctx, user, undefined, path);
    await page.goto(`${URL}${path}`);
    const labels = (await page.$$eval('main *', (els) => els.flatMap((el) => [...el.childNodes]
      .filter((n) => n.nodeType === 3 && /[\u4e00-\u9fff]/.test(n.textContent)).map((n) => n.textContent.trim()))))
      .filter((t) => !isData(t));
    assert.deepEqual(labels, [], `${path}: ${labels.join(' | ')}`);
    await shot(page, `commission-en${path.replace(/[^a-z0-9]+/gi, '-')}`);
    await ctx.close();
  }
});
