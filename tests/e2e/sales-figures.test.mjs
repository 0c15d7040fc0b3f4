// Figures that say what they count (issue 10): the funnel counts how many
// opportunities reached each stage in the chosen period, from the stage
// history (a skipped stage counts as passed, lost moves aside, moves
// outside the period ignored), each stage at most as wide as the one
// before, with today's stages in a table of their own; the overview shows
// the orders booked this month beside the opportunities won, and says
// what each figure counts; the forecast lists the open opportunities past
// their expected close as overdue instead of dropping them, and the
// orders booked per month beside the wins.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { URL, launch, newContext, login, shot, cjkTexts, businessDate } from './lib.mjs';
import { one, personId, inDays, fen, customer, opportunity, order } from './sales-data.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const run = Date.now().toString(36);
const ZW = personId('zhangwei');
const LN = personId('lina');

let custZw, custLn;
before(() => {
  custZw = customer(`E2EF-Z-${run}`, ZW);
  custLn = customer(`E2EF-L-${run}`, LN);
});

// The funnel table (#funnel-reached): { stage: [count, amount fen] }.
async function reached(page) {
  const rows = await page.$$eval('#funnel-reached tbody tr', (trs) => trs.map((tr) =>
    [tr.dataset.stage, tr.cells[1].textContent.trim(), tr.cells[2].textContent.trim()]));
  return Object.fromEntries(rows.map(([s, n, a]) => [s, [Number(n), fen(a)]]));
}

test('the funnel counts the opportunities that reached each stage in the period, each stage at most as wide as the one before', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'zhangwei');
  const period = '/sales/funnel?from=2020-03-01&to=2020-03-31';
  let resp = await page.goto(`${URL}${period}`);
  assert.equal(resp.status(), 200);
  const before = await reached(page);
  assert.deepEqual(Object.keys(before), ['lead', 'qualified', 'proposal', 'negotiation', 'won'], 'the funnel: every stage but lost, in order');

  // A: lead, proposal (qualified skipped), won (negotiation skipped), all in the period
  opportunity(ZW, custZw, `funnel A ${run}`, [['lead', '2020-03-02 10:00:00'], ['proposal', '2020-03-05 10:00:00'], ['won', '2020-03-10 10:00:00']], { amount: '7000.00' });
  // B: lead, qualified, then lost in the period: reached lead and qualified only
  opportunity(ZW, custZw, `funnel B ${run}`, [['lead', '2020-03-03 10:00:00'], ['qualified', '2020-03-06 10:00:00'], ['lost', '2020-03-08 10:00:00']], { amount: '500.00' });
  // C: created before the period, moved to proposal in it
  opportunity(ZW, custZw, `funnel C ${run}`, [['lead', '2020-02-10 10:00:00'], ['proposal', '2020-03-12 10:00:00']], { amount: '300.00' });
  // D: moved only before the period, E: only after it: neither counts
  opportunity(ZW, custZw, `funnel D ${run}`, [['lead', '2020-01-05 10:00:00'], ['negotiation', '2020-02-20 10:00:00']]);
  opportunity(ZW, custZw, `funnel E ${run}`, [['lead', '2020-04-02 10:00:00'], ['won', '2020-04-03 10:00:00']]);
  // lina's opportunity in the period is not zhangwei's funnel
  opportunity(LN, custLn, `funnel L ${run}`, [['lead', '2020-03-04 10:00:00'], ['won', '2020-03-05 10:00:00']]);

  resp = await page.goto(`${URL}${period}`);
  assert.equal(resp.status(), 200);
  const after = await reached(page);
  const delta = Object.fromEntries(Object.keys(after).map((s) => [s, after[s][0] - before[s][0]]));
  assert.deepEqual(delta, { lead: 3, qualified: 3, proposal: 2, negotiation: 1, won: 1 });
  assert.equal(after.won[1] - before.won[1], 700000, 'the amount of what reached won');
  assert.equal(after.lead[1] - before.lead[1], 780000, 'A + B + C');
  const counts = Object.values(after).map((v) => v[0]);
  for (let i = 1; i < counts.length; i++) assert.ok(counts[i] <= counts[i - 1], `stage ${i} is not wider than the one before: ${counts}`);
  // the chart draws those counts, one bar per funnel stage
  const values = await page.$$eval('#chart-funnel text.value', (ts) => ts.map((t) => Number(t.textContent.split(' · ')[0])));
  assert.deepEqual(values, counts);
  assert.equal(await page.locator('#chart-funnel rect.bar').count(), 5);
  // today's stages stay a table of their own, lost included, whatever the period
  const now = await page.$$eval('#funnel-stages tbody tr', (trs) => trs.map((tr) => tr.dataset.stage));
  assert.ok(now.includes('lost'));
  const total = one(`SELECT COUNT(*) FROM opportunities WHERE owner_id = ${ZW}`);
  assert.equal((await page.textContent('#funnel-stages tfoot td:nth-child(2)')).trim(), total);
  assert.match(await page.textContent('#funnel-def'), /跳过的阶段/);
  await shot(page, 'sales-funnel-reached-zh');

  // another period moves the funnel (not only the conversion table)
  await page.goto(`${URL}/sales/funnel?from=2020-04-01&to=2020-04-30`);
  const april = await reached(page);
  await page.goto(`${URL}/sales/funnel?from=2020-03-01&to=2020-04-30`);
  const both = await reached(page);
  assert.ok(both.won[0] >= april.won[0] + 1 && both.lead[0] >= april.lead[0] + 3);
  await ctx.close();

  const en = await newContext(browser, 'en-US');
  const p2 = await login(en, 'chenjing');
  await p2.goto(`${URL}${period}`);
  assert.deepEqual(await cjkTexts(p2, [/^[\u4e00-\u9fff]/]), [], 'no Chinese label left on the English funnel (names allowed)');
  assert.match(await p2.textContent('#funnel-def'), /skipped stage counts as passed/);
  await shot(p2, 'sales-funnel-reached-en');
  await en.close();
});

// The overview's booked KPI: [count, amount fen].
async function booked(page) {
  return [Number((await page.textContent('#kpi-booked .kpi-sub')).trim().split(/\s/)[0]),
    fen((await page.textContent('#kpi-booked .kpi-value')).trim())];
}

test('the overview shows the orders booked this month beside the opportunities won, and says what each counts', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'zhangwei');
  await page.goto(`${URL}/sales/`);
  const before = await booked(page);
  const wonBefore = (await page.textContent('#kpi-won .kpi-value')).trim();
  const today = businessDate();
  order(`E2EF-O1-${run}`, custZw, today, [[ZW, 100]], '4321.00');
  order(`E2EF-O2-${run}`, custZw, today, [[ZW, 50], [LN, 50]], '1000.00');
  order(`E2EF-O3-${run}`, custLn, today, [[LN, 100]], '999.00');                 // not zhangwei's
  order(`E2EF-O4-${run}`, custZw, today, [[ZW, 100]], '888.00', { status: 'cancelled' });   // cancelled
  order(`E2EF-O5-${run}`, custZw, inDays(-62), [[ZW, 100]], '777.00');          // another month
  const resp = await page.goto(`${URL}/sales/`);
  assert.equal(resp.status(), 200);
  const after = await booked(page);
  assert.deepEqual([after[0] - before[0], after[1] - before[1]], [2, 532100]);
  // booking orders does not move the won figure (wins come from opportunities)
  assert.equal((await page.textContent('#kpi-won .kpi-value')).trim(), wonBefore);
  // the link lists this month's booked orders
  const href = await page.getAttribute('#kpi-booked a', 'href');
  assert.match(href, new RegExp(`from=${today.slice(0, 8)}01.*status=booked`));
  const list = await page.goto(`${URL}${href}`);
  assert.equal(list.status(), 200);
  assert.match(await page.textContent('main'), new RegExp(`E2EF-O1-${run}`));
  await page.goto(`${URL}/sales/`);
  await page.click('#kpi-defs summary');
  assert.match(await page.textContent('#kpi-defs'), /大多数订单没有对应的销售机会/);
  await shot(page, 'sales-overview-booked-zh');
  await ctx.close();
});

test('the forecast lists open opportunities past their expected close as overdue, and the orders booked per month', async () => {
  const ctx = await newContext(browser, 'en-US');
  const page = await login(ctx, 'zhangwei');
  const month = businessDate().slice(0, 7);
  const row = async (m) => page.$$eval('#forecast tbody tr', (trs, m) =>
    [...trs.find((t) => t.cells[0].textContent.trim() === m).cells].map((c) => c.textContent.trim()), m);
  await page.goto(`${URL}/sales/forecast`);
  const overdueBefore = fen(await page.textContent('#overdue-amount'));
  const monthBefore = await row(month);
  const title = `overdue deal ${run}`;
  const id = opportunity(ZW, custZw, title, [['lead', '2026-01-05 10:00:00'], ['proposal', '2026-01-06 10:00:00']], { amount: '2468.00', close: inDays(-40) });
  const closedLate = opportunity(ZW, custZw, `won late ${run}`, [['lead', '2026-01-05 10:00:00'], ['won', '2026-01-07 10:00:00']], { close: inDays(-40) });
  order(`E2EF-F1-${run}`, custZw, businessDate(), [[ZW, 100]], '1500.00');

  const resp = await page.goto(`${URL}/sales/forecast`);
  assert.equal(resp.status(), 200);
  assert.equal(fen(await page.textContent('#overdue-amount')) - overdueBefore, 246800);
  const listed = await page.$$eval('#overdue-list tbody tr', (trs) => trs.map((tr) => [tr.dataset.id, tr.cells[6].textContent.trim()]));
  const mine = listed.find(([i]) => i === id);
  assert.ok(mine, 'the overdue opportunity is listed');
  assert.equal(mine[1], '40', 'with its days past the expected close');
  assert.ok(!listed.some(([i]) => i === closedLate), 'a won opportunity is not overdue');
  // longest overdue first
  const days = listed.map(([, d]) => Number(d));
  assert.deepEqual(days, [...days].sort((a, b) => b - a));
  // columns: month, won, won count, booked, orders, open amount, weighted, open count
  const monthAfter = await row(month);
  assert.equal(fen(monthAfter[3]) - fen(monthBefore[3]), 150000);
  assert.equal(Number(monthAfter[4]) - Number(monthBefore[4]), 1);
  assert.equal(monthAfter[5], monthBefore[5], 'the overdue one is not in this month\'s pipeline');
  assert.deepEqual(await cjkTexts(page, [/^[\u4e00-\u9fff]/]), []);
  await shot(page, 'sales-forecast-overdue-en');
  await ctx.close();
});
