// The pages a sales manager expects (issue 10): a customer's page links
// to the full filtered lists past its first 10 rows, sorts opportunities
// nearest close first, links its activities to its own timeline (paged,
// filtered by kind and period) and starts an activity, opportunity or
// order for the customer (prefilled; 404 on someone else's customer);
// an order's page links to its payments and to recording one (finance,
// the number filled in), and a return shows its own state; the order
// form says when a credit change is pending; a manager's activity list
// opens on the team's week; management compares the teams.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { URL, launch, newContext, login, shot, sql, cjkTexts, businessDate, fieldError } from './lib.mjs';
import { one, personId, inDays, fen, refs, customer, order } from './sales-data.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const run = Date.now().toString(36);
const ZW = personId('zhangwei');
const LN = personId('lina');
const WQ = personId('wangqiang');
const { region, channel } = refs;

let cust, custWq;
const KINDS = ['call', 'visit', 'demo', 'quote', 'contract', 'other'];
before(() => {
  cust = customer(`E2EM-Z-${run}`, ZW);
  custWq = customer(`E2EM-W-${run}`, WQ);
  // 12 opportunities: 9 open closing in 1..9 weeks (inserted shuffled), 3 won
  const weeks = [5, 2, 9, 1, 7, 3, 8, 4, 6];
  for (const w of weeks) {
    sql(`INSERT INTO opportunities (owner_id, customer_id, title, needs, amount, stage, expected_close)
      VALUES (${ZW}, ${cust}, 'opp w${w} ${run}', '', 1000, 'proposal', '${inDays(7 * w)}')`);
  }
  for (let i = 0; i < 3; i++) {
    sql(`INSERT INTO opportunities (owner_id, customer_id, title, needs, amount, stage, expected_close)
      VALUES (${ZW}, ${cust}, 'won ${i} ${run}', '', 1000, 'won', '${inDays(-300 - i)}')`);
  }
  // 12 orders over two years
  for (let i = 0; i < 12; i++) order(`E2EM-O${i}-${run}`, cust, inDays(-60 * i), [[ZW, 100]], 100 + i);
  // 61 activities, kinds in turn, a day apart
  const rows = [];
  for (let i = 0; i < 61; i++) {
    rows.push(`(${ZW}, ${cust}, '${KINDS[i % 6]}', '${inDays(-i)}', 'tl ${i} ${run}')`);
  }
  sql(`INSERT INTO activities (owner_id, customer_id, kind, activity_date, notes) VALUES ${rows.join(', ')}`);
});

test("a customer's page links to the full lists, sorts opportunities nearest close first and starts what is done for it", async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'zhangwei');
  let resp = await page.goto(`${URL}/sales/customers/${cust}`);
  assert.equal(resp.status(), 200);
  await shot(page, 'sales-customer-links-zh');
  // opportunities: 10 shown, the open ones first, nearest close first
  const titles = await page.$$eval('a[href^="/sales/opportunities/"]', (as) => as.map((a) => a.textContent.trim()).filter((t) => t.startsWith('opp ') || t.startsWith('won ')));
  assert.deepEqual(titles.slice(0, 9), [1, 2, 3, 4, 5, 6, 7, 8, 9].map((w) => `opp w${w} ${run}`));
  assert.equal(titles.length, 10);
  // the links to the full lists, with their counts
  assert.match(await page.textContent('#all-opps'), /\(12\)/);
  assert.match(await page.textContent('#all-orders'), /\(12\)/);
  assert.match(await page.textContent('#all-activities'), /\(61\)/);
  await page.click('#all-opps');
  await page.waitForLoadState('load');
  assert.equal(await page.locator('#opportunities tbody tr').count(), 12);
  await page.goBack();
  await page.click('#all-orders');
  await page.waitForLoadState('load');
  const orders = await page.$$eval('#orders-table tbody tr td:first-child a', (as) => as.map((a) => a.textContent.trim()));
  assert.equal(orders.filter((o) => o.startsWith('E2EM-O') && o.endsWith(run)).length, 12, 'every order of the customer, the oldest included');
  await page.goBack();
  await page.click('#all-activities');
  await page.waitForLoadState('load');
  assert.equal(new globalThis.URL(page.url()).pathname, `/sales/customers/${cust}/timeline`);
  await page.goto(`${URL}/sales/customers/${cust}`);

  // starting an order here: the customer, its region and channel are filled in
  await page.click('#new-order');
  await page.waitForLoadState('load');
  assert.equal(await page.inputValue('select[name=customer]'), cust);
  assert.equal(await page.inputValue('select[name=region]'), region);
  assert.equal(await page.inputValue('select[name=channel]'), channel);
  await page.goto(`${URL}/sales/customers/${cust}`);
  await page.click('#new-opportunity');
  await page.waitForLoadState('load');
  assert.equal(await page.inputValue('select[name=customer]'), cust);
  await page.goto(`${URL}/sales/customers/${cust}`);
  await page.click('#new-activity');
  await page.waitForLoadState('load');
  assert.equal(await page.inputValue('select[name=customer]'), cust);
  // not for someone else's customer
  resp = await page.goto(`${URL}/sales/orders/new?customer=${custWq}`);
  assert.equal(resp.status(), 404);
  await ctx.close();

  // a reader who cannot write sees the links but no button to start
  const fin = await newContext(browser, 'en-US');
  const fp = await login(fin, 'sunli');
  resp = await fp.goto(`${URL}/sales/customers/${cust}`);
  assert.equal(resp.status(), 200);
  assert.equal(await fp.locator('#new-order').count(), 0);
  assert.equal(await fp.locator('#all-orders').count(), 1);
  assert.deepEqual(await cjkTexts(fp, [/^[\u4e00-\u9fff]/, /测试客户/]), []);
  await shot(fp, 'sales-customer-links-en');
  await fin.close();
});

test("a customer's timeline is paged and filtered by kind and period; a bad filter is a 400 naming the field", async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'zhangwei');
  const mine = async () => page.$$eval('#timeline li', (lis) => lis.map((li) => li.querySelector('.what').textContent.trim()));
  let resp = await page.goto(`${URL}/sales/customers/${cust}/timeline`);
  assert.equal(resp.status(), 200);
  let rows = await mine();
  assert.equal(rows.length, 50);
  assert.equal(rows[0], `tl 0 ${run}`);
  assert.match(await page.textContent('#timeline-count'), /61.*1 \/ 2/);
  await page.click('#timeline-next');
  await page.waitForLoadState('load');
  rows = await mine();
  assert.deepEqual(rows, Array.from({ length: 11 }, (_, i) => `tl ${50 + i} ${run}`));
  assert.equal(await page.locator('#timeline-next').count(), 0);
  await page.click('#timeline-prev');
  await page.waitForLoadState('load');
  assert.equal((await mine())[0], `tl 0 ${run}`);
  // by kind: every sixth one is a visit
  await page.selectOption('#kind', 'visit');
  await Promise.all([page.waitForNavigation(), page.click('#timeline-filters button[type=submit]')]);
  rows = await mine();
  assert.deepEqual(rows, [1, 7, 13, 19, 25, 31, 37, 43, 49, 55].map((i) => `tl ${i} ${run}`));
  assert.ok(await page.$$eval('#timeline li', (lis) => lis.every((li) => li.dataset.kind === 'visit')));
  // by period
  resp = await page.goto(`${URL}/sales/customers/${cust}/timeline?from=${inDays(-12)}&to=${inDays(-10)}`);
  assert.deepEqual(await mine(), [10, 11, 12].map((i) => `tl ${i} ${run}`));
  await shot(page, 'sales-customer-timeline-zh');
  // a bad filter: 400, the field named, what was typed kept
  resp = await page.goto(`${URL}/sales/customers/${cust}/timeline?kind=party&from=2026-02-30`);
  assert.equal(resp.status(), 400);
  assert.ok(await fieldError(page, 'kind'));
  assert.ok(await fieldError(page, 'from'));
  // someone else's customer: 404
  resp = await page.goto(`${URL}/sales/customers/${custWq}/timeline`);
  assert.equal(resp.status(), 404);
  await ctx.close();
});

test("an order's page links to its payments and to recording one; a return shows its own state", async () => {
  const id = order(`E2EM-P-${run}`, cust, businessDate(), [[ZW, 100]], 5000);
  const ret = order(`E2EM-R-${run}`, cust, businessDate(), [[ZW, 100]], -1000, { original: id, qty: -1 });
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'sunli');
  let resp = await page.goto(`${URL}/sales/orders/${id}`);
  assert.equal(resp.status(), 200);
  assert.equal(await page.getAttribute('#order-payments', 'href'), `/sales/collections/order/${id}`);
  // the return, in the original's returns table, is returned, not booked
  assert.match(await page.textContent(`a[href="/sales/orders/${ret}"] >> xpath=ancestor::tr`), /已退货/);
  await page.click('#order-pay');
  await page.waitForLoadState('load');
  assert.equal(new globalThis.URL(page.url()).pathname, '/sales/collections/new');
  assert.equal(await page.inputValue('#order'), `E2EM-P-${run}`);
  resp = await page.goto(`${URL}/sales/orders/${ret}`);
  const head = await page.textContent('h1');
  assert.match(head, /已退货/);
  assert.doesNotMatch(head, /已下单/);
  await shot(page, 'sales-order-return-state-zh');
  await page.goto(`${URL}/sales/collections/order/${id}`);
  assert.equal(await page.locator('#order-payments').count(), 1);
  await ctx.close();

  // a rep sees the payments link, not the recording one
  const rc = await newContext(browser, 'en-US');
  const rp = await login(rc, 'zhangwei');
  await rp.goto(`${URL}/sales/orders/${id}`);
  assert.equal(await rp.locator('#order-payments').count(), 1);
  assert.equal(await rp.locator('#order-pay').count(), 0);
  await rp.goto(`${URL}/sales/orders/${ret}`);
  assert.match(await rp.textContent('h1'), /Returned/);
  await rc.close();
});

test('the order form says when a credit change of the order is pending', async () => {
  const id = order(`E2EM-C-${run}`, cust, businessDate(), [[ZW, 50], [LN, 50]], 800);
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'zhangwei');
  let resp = await page.goto(`${URL}/sales/orders/${id}/edit`);
  assert.equal(resp.status(), 200);
  assert.equal(await page.locator('#credit-pending').count(), 0, 'nothing pending yet');
  sql(`INSERT INTO order_credit_requests (order_id, kind, state, requested_by) VALUES (${id}, 'credit', 'pending', ${ZW})`);
  resp = await page.goto(`${URL}/sales/orders/${id}/edit`);
  assert.equal(resp.status(), 200);
  assert.match(await page.textContent('#credit-pending'), /等待审批/);
  assert.equal(await page.getAttribute('#credit-pending a', 'href'), `/sales/orders/${id}#credit-requests`);
  await shot(page, 'sales-order-form-credit-pending-zh');
  sql(`UPDATE order_credit_requests SET state = 'withdrawn' WHERE order_id = ${id}`);
  await page.goto(`${URL}/sales/orders/${id}/edit`);
  assert.equal(await page.locator('#credit-pending').count(), 0, 'gone once decided');
  await ctx.close();
});

test("a manager's activity list opens on the team's week; a rep's on their own", async () => {
  const custLn = customer(`E2EM-L-${run}`, LN);
  sql(`INSERT INTO activities (owner_id, customer_id, kind, activity_date, notes) VALUES (${LN}, ${custLn}, 'call', '${businessDate()}', 'team week ${run}')`);
  let ctx = await newContext(browser, 'zh-CN');
  let page = await login(ctx, 'chenjing');
  await page.goto(`${URL}/sales/activities`);
  assert.match(await page.textContent('main'), new RegExp(`team week ${run}`), "lina's activity is in her manager's default week");
  await shot(page, 'sales-activities-manager-zh');
  await ctx.close();
  ctx = await newContext(browser, 'zh-CN');
  page = await login(ctx, 'zhangwei');
  await page.goto(`${URL}/sales/activities`);
  assert.doesNotMatch(await page.textContent('main'), new RegExp(`team week ${run}`), "a rep's list is their own");
  await ctx.close();
});

test('management compares the teams over a period; nobody else may', async () => {
  const period = '/sales/teams?from=2020-05-01&to=2020-05-31';
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'wujun');
  const teams = async () => Object.fromEntries(await page.$$eval('#teams tbody tr', (trs) => trs.map((tr) =>
    [tr.dataset.team, Object.fromEntries([...tr.querySelectorAll('[data-k]')].map((e) => [e.dataset.k, e.textContent.trim()]))])));
  let resp = await page.goto(`${URL}${period}`);
  assert.equal(resp.status(), 200);
  const before = await teams();
  const east = one(`SELECT team FROM people WHERE id = ${ZW}`);
  const north = one(`SELECT team FROM people WHERE id = ${WQ}`);
  assert.ok(before[east] && before[north], 'a row per team');
  order(`E2EM-T-${run}`, cust, '2020-05-10', [[ZW, 60], [WQ, 40]], 1000);
  resp = await page.goto(`${URL}${period}`);
  const after = await teams();
  assert.equal(fen(after[east].booked) - fen(before[east].booked), 60000, 'the East share');
  assert.equal(fen(after[north].booked) - fen(before[north].booked), 40000, 'the North share');
  assert.equal(Number(after[east].orders) - Number(before[east].orders), 1);
  assert.equal(Number(after[north].orders) - Number(before[north].orders), 1);
  const reps = one(`SELECT COUNT(*) FROM people WHERE team = '${east}' AND (CAST(roles AS UNSIGNED) & 3) <> 0`);
  assert.equal(after[east].reps, reps);
  await shot(page, 'sales-teams-zh');
  resp = await page.goto(`${URL}/sales/teams?from=nope`);
  assert.equal(resp.status(), 400);
  assert.ok(await fieldError(page, 'from'));
  await ctx.close();

  const en = await newContext(browser, 'en-US');
  const ep = await login(en, 'wujun');
  await ep.goto(`${URL}/sales/teams`);
  assert.deepEqual(await cjkTexts(ep, [/^[\u4e00-\u9fff]/]), []);
  await shot(ep, 'sales-teams-en');
  await en.close();
  for (const who of ['chenjing', 'zhangwei', 'sunli', 'admin']) {
    const c = await newContext(browser);
    const p = await login(c, who);
    assert.equal((await p.goto(`${URL}/sales/teams`)).status(), 403, who);
    await c.close();
  }
});
