// Credit changes of a saved order (issue 10, hole 2): zhangwei, credited
// 50 % on huangli's order on her customer, sets himself to 100 % in the
// order form: the order is saved but its credit is not; the change waits
// as a request that both credited reps see on the order page; the team's
// manager chenjing sees it waiting for her in the navigation and
// approves it on the order page, which changes the credit and records who
// asked and who approved; another team's manager cannot reach it; a
// cancellation of a shared order waits the same way and a rejection
// needs a reason.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { URL, launch, newContext, login, shot, sql } from './lib.mjs';

let browser;
const run = Date.now().toString(36);
const ids = {};
const one = (q) => { const rows = sql(q); return rows.length ? rows[0] : null; };
const person = (l) => one(`SELECT id FROM people WHERE login = '${l}'`)[0];
const repsOf = (order) => sql(`SELECT p.login, CAST(r.share AS INT) FROM order_reps r JOIN people p ON p.id = r.person_id WHERE r.order_id = ${order} ORDER BY r.share DESC, p.login`).map((r) => r.join(':')).join(' ');

before(async () => {
  browser = await launch();
  ids.huangli = person('huangli');
  ids.zhangwei = person('zhangwei');
  const type = one('SELECT MIN(id) FROM product_types WHERE active')[0];
  const region = one('SELECT MIN(id) FROM regions WHERE active')[0];
  const channel = one('SELECT MIN(id) FROM channels WHERE active')[0];
  sql(`INSERT INTO products (code, name_zh, name_en, product_type_id, list_price, standard_cost) VALUES ('e2e-cr-${run}', '归属测试产品 ${run}', 'Credit test product ${run}', ${type}, 1000.00, 600.00)`);
  ids.product = one(`SELECT id FROM products WHERE code = 'e2e-cr-${run}'`)[0];
  sql(`INSERT INTO customers (code, name, region_id, channel_id, owner_id) VALUES ('e2e-cr-${run}', '归属测试客户 ${run}', ${region}, ${channel}, ${ids.huangli})`);
  ids.customer = one(`SELECT id FROM customers WHERE code = 'e2e-cr-${run}'`)[0];
});
after(async () => { await browser?.close(); });

async function submit(page, selector) {
  const [resp] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
  return resp;
}

// huangli books an order on her customer, 50/50 with zhangwei.
async function sharedOrder() {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'huangli');
  await page.goto(`${URL}/sales/orders/new`);
  await page.selectOption('select[name=customer]', ids.customer);
  await page.locator('select[name=rep]').nth(0).selectOption(ids.huangli);
  await page.locator('input[name=share]').nth(0).fill('50');
  if (await page.locator('select[name=rep]').count() < 2) await submit(page, 'button[name=more][value=reps]');
  await page.locator('select[name=rep]').nth(1).selectOption(ids.zhangwei);
  await page.locator('input[name=share]').nth(1).fill('50');
  await page.selectOption('select[name=product_1]', ids.product);
  await page.fill('input[name=qty_1]', '3');
  const resp = await submit(page, 'main form.order-form button.btn.primary');
  assert.equal(resp.status(), 200, await page.textContent('main'));
  const m = new globalThis.URL(page.url()).pathname.match(/^\/sales\/orders\/(\d+)$/);
  assert.ok(m, page.url());
  await ctx.close();
  assert.equal(repsOf(m[1]), 'huangli:50 zhangwei:50');
  return m[1];
}

const waitingCount = async (page) => {
  const w = page.locator('nav.nav a[href="/sales/"] .nav-waiting');
  return (await w.count()) ? Number((await w.textContent()).replace(/\D/g, '')) : 0;
};

test('sales-credit: a co-credited rep taking the whole order waits for the manager, who approves it', async () => {
  const order = await sharedOrder();
  const mgr = await login(await newContext(browser, 'zh-CN'), 'chenjing');
  const before = await waitingCount(mgr);

  // zhangwei removes huangli and sets himself to 100 %
  const zw = await login(await newContext(browser, 'zh-CN'), 'zhangwei');
  let resp = await zw.goto(`${URL}/sales/orders/${order}/edit`);
  assert.equal(resp.status(), 200);
  const reps = zw.locator('select[name=rep]');
  for (let i = 0; i < await reps.count(); i++) {
    if (await reps.nth(i).inputValue() === ids.huangli) {
      await reps.nth(i).selectOption('');
      await zw.locator('input[name=share]').nth(i).fill('');
    } else if (await reps.nth(i).inputValue() === ids.zhangwei) {
      await zw.locator('input[name=share]').nth(i).fill('100');
    }
  }
  await zw.fill('input[name=note]', `credit e2e ${run}`);
  resp = await submit(zw, 'main form.order-form button.btn.primary');
  assert.equal(resp.status(), 200, await zw.textContent('main'));
  assert.match(await zw.textContent('.flash.ok'), /等待团队经理或财务审批/);
  // the rest of the edit is saved, the credit is not
  assert.equal(one(`SELECT note FROM orders WHERE id = ${order}`)[0], `credit e2e ${run}`);
  assert.equal(repsOf(order), 'huangli:50 zhangwei:50');
  const req = one(`SELECT id, state FROM order_credit_requests WHERE order_id = ${order}`);
  assert.equal(req[1], 'pending');
  // zhangwei sees it waiting, without a button to approve it himself
  const row = zw.locator(`#credit-requests tr[data-request="${req[0]}"]`);
  assert.match(await row.textContent(), /待审批/);
  assert.match(await row.textContent(), /张伟 100 %/);
  assert.equal(await row.locator('[data-credit=approve]').count(), 0);
  assert.equal(await row.locator('[data-credit=withdraw]').count(), 1);
  // approving anyway is refused
  const csrf = await zw.inputValue('input[name=csrf]');
  const r = await zw.request.post(`${URL}/sales/orders/${order}/credit/${req[0]}`, { form: { csrf, action: 'approve', from: 'pending' } });
  assert.equal(r.status(), 403);
  assert.equal(repsOf(order), 'huangli:50 zhangwei:50');

  // huangli, still credited, sees the request on her order
  const hl = await login(await newContext(browser, 'zh-CN'), 'huangli');
  await hl.goto(`${URL}/sales/orders/${order}`);
  assert.match(await hl.textContent('#credit-pending'), /待审批/);
  assert.match(await hl.textContent(`#credit-requests tr[data-request="${req[0]}"]`), /黄丽 50 %, 张伟 50 %|张伟 50 %, 黄丽 50 %/);

  // another team's manager does not reach it
  const yf = await login(await newContext(browser, 'zh-CN'), 'yangfan');
  assert.equal((await yf.goto(`${URL}/sales/orders/${order}`)).status(), 404);
  await yf.goto(`${URL}/sales/`);
  const yfCsrf = await yf.inputValue('input[name=csrf]').catch(() => '');
  if (yfCsrf) {
    const ry = await yf.request.post(`${URL}/sales/orders/${order}/credit/${req[0]}`, { form: { csrf: yfCsrf, action: 'approve', from: 'pending' } });
    assert.equal(ry.status(), 404);
  }

  // chenjing sees one more waiting for her, and approves on the order page
  await mgr.goto(`${URL}/sales/orders`);
  assert.equal(await waitingCount(mgr), before + 1);
  await mgr.goto(`${URL}/sales/orders/${order}`);
  await mgr.setViewportSize({ width: 1366, height: 900 });
  await shot(mgr, 'sales-credit-pending-zh');
  resp = await submit(mgr, `#credit-requests tr[data-request="${req[0]}"] [data-credit=approve]`);
  assert.equal(resp.status(), 200);
  assert.match(await mgr.textContent('.flash.ok'), /已批准/);
  assert.equal(repsOf(order), 'zhangwei:100');
  const decided = await mgr.textContent(`#credit-requests tr[data-request="${req[0]}"]`);
  assert.match(decided, /已批准/);
  assert.match(decided, /陈静/);
  assert.match(decided, /张伟/);
  assert.equal(await waitingCount(mgr), before);
  assert.deepEqual(sql(`SELECT COALESCE(from_state, '-'), to_state, (SELECT login FROM people WHERE id = moved_by) FROM order_credit_request_moves WHERE request_id = ${req[0]} ORDER BY id`),
    [['-', 'pending', 'zhangwei'], ['pending', 'approved', 'chenjing']]);
  assert.equal(one(`SELECT COUNT(*) FROM audit WHERE action = 'order_credit_change' AND entity_id = '${order}'`)[0], '1');
  await shot(mgr, 'sales-credit-approved-zh');
});

test('sales-credit: cancelling a shared order waits; a rejection needs a reason and keeps the order', async () => {
  const order = await sharedOrder();
  const zw = await login(await newContext(browser, 'en-US'), 'zhangwei');
  await zw.goto(`${URL}/sales/orders/${order}`);
  zw.on('dialog', (d) => d.accept());
  let resp = await submit(zw, `form[action="/sales/orders/${order}/cancel"] button`);
  assert.equal(resp.status(), 200);
  assert.equal(one(`SELECT status FROM orders WHERE id = ${order}`)[0], 'booked');
  const req = one(`SELECT id, kind FROM order_credit_requests WHERE order_id = ${order} AND state = 'pending'`);
  assert.equal(req[1], 'cancel');

  const fin = await login(await newContext(browser, 'en-US'), 'sunli');
  await fin.goto(`${URL}/sales/orders/${order}`);
  const row = fin.locator(`#credit-requests tr[data-request="${req[0]}"]`);
  assert.match(await row.textContent(), /Cancel the order/);
  // no reason: refused, nothing changes
  resp = await submit(fin, `#credit-requests tr[data-request="${req[0]}"] [data-credit=reject]`);
  assert.equal(resp.status(), 422);
  assert.match(await fin.textContent('.flash.error'), /reason/);
  assert.equal(one(`SELECT state FROM order_credit_requests WHERE id = ${req[0]}`)[0], 'pending');
  await fin.fill(`#reject-${req[0]}`, 'the customer paid, no cancellation');
  resp = await submit(fin, `#credit-requests tr[data-request="${req[0]}"] [data-credit=reject]`);
  assert.equal(resp.status(), 200);
  assert.equal(one(`SELECT state, decision_note FROM order_credit_requests WHERE id = ${req[0]}`).join('|'), 'rejected|the customer paid, no cancellation');
  assert.equal(one(`SELECT status FROM orders WHERE id = ${order}`)[0], 'booked');
  assert.match(await fin.textContent(`#credit-requests tr[data-request="${req[0]}"]`), /Rejected[\s\S]*the customer paid/);
  await fin.setViewportSize({ width: 1366, height: 900 });
  await shot(fin, 'sales-credit-rejected-en');
});
