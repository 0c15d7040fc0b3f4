// Closed periods are read-only for orders and payments (issue 10, hole 3),
// in the forms and in the imports alike, and a payment is never dated
// before its order; each refusal says why and how to correct it (a
// return, a refund, a new order, the real date kept as a note).  The
// credit of an order in a closed period: tests/db/sales-credit-t.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { URL, launch, newContext, login, shot, sql, fieldError, businessDate } from './lib.mjs';

const RUN = Date.now().toString(36).toUpperCase();
const CUST = `T10C${RUN}`;
const PROD = `T10P${RUN}`;
const TODAY = businessDate();
const NO = (s) => `T10-${RUN}-${s}`;
// A period long past, closed for this file only (nothing else is dated
// in it); it goes when the file is done.
const CLOSED = { label: '2001-06', first: '2001-06-01', last: '2001-06-30' };

const one = (q) => sql(q)[0]?.[0];
const q = (s) => `'${s.replaceAll("'", "''")}'`;
let browser;

before(async () => {
  browser = await launch();
  sql(`INSERT INTO customers (code, name, region_id, industry, channel_id, owner_id)
       SELECT ${q(CUST)}, ${q(`结账测试客户 ${RUN}`)}, r.id, 'test', c.id, p.id
       FROM regions r, channels c, people p
       WHERE r.code = 'east' AND c.code = 'direct' AND p.login = 'zhangwei'`);
  sql(`INSERT INTO products (code, name_zh, name_en, product_type_id, list_price, standard_cost)
       SELECT ${q(PROD)}, '结账测试产品', 'Closing test product', MIN(id), 100.00, 60.00 FROM product_types`);
  sql(`INSERT INTO periods (kind, label, first_day, last_day, state) VALUES ('month', '${CLOSED.label}', '${CLOSED.first}', '${CLOSED.last}', 'closed')
       ON DUPLICATE KEY UPDATE state = 'closed'`);
});
after(async () => {
  // the period's input version (commission's staleness, sql/commission/010) goes with it
  sql(`DELETE FROM calc_inputs WHERE period_id IN (SELECT id FROM periods WHERE label = '${CLOSED.label}');
    DELETE FROM periods WHERE label = '${CLOSED.label}'`);
  await browser?.close();
});

async function upload(page, path, name, text) {
  await page.goto(`${URL}${path}`);
  await page.setInputFiles('input[name=file]', { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  const [resp] = await Promise.all([page.waitForNavigation(), page.click('form[enctype] button[type=submit]')]);
  return resp.status();
}
const errorRows = (page) => page.$$eval('#import-errors tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));

test('sales-closed: an orders file row dated in a closed period is refused, saying how to correct it; nothing is written', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'zhangwei');
  const before = one('SELECT COUNT(*) FROM orders');
  const head = 'order_id,date,rep,customer,product,quantity,amount\n';
  const text = head + `${NO('A')},${TODAY},zhangwei,${CUST},${PROD},1,100\n` +
    `${NO('OLD')},2001-06-15,zhangwei,${CUST},${PROD},1,100\n`;
  assert.equal(await upload(page, '/sales/import', 'o.csv', text), 422);
  const rows = await errorRows(page);
  assert.deepEqual(rows.map((r) => [r[0], r[1], r[3]]), [['3', 'date', '2001-06-15']]);
  assert.match(rows[0][2], /已结账/);
  assert.match(rows[0][2], /备注/);
  assert.match(rows[0][2], /退货或新订单/);
  assert.equal(one('SELECT COUNT(*) FROM orders'), before, 'not even the good order of the file');
  await shot(page, 'sales-closed-import-orders-zh');
  // the good order alone goes in; it is then moved into the closed period
  assert.equal(await upload(page, '/sales/import', 'a.csv', head + `${NO('A')},${TODAY},zhangwei,${CUST},${PROD},1,100\n` +
    `${NO('B')},${TODAY},zhangwei,${CUST},${PROD},1,100\n`), 200);
  sql(`UPDATE orders SET order_date = '2001-06-05' WHERE order_no = ${q(NO('A'))}`);
  await ctx.close();
});

test('sales-closed: a payment dated in a closed period is refused in the form and in a file; dated today it is taken', async () => {
  const ctx = await newContext(browser, 'en-US');
  const page = await login(ctx, 'zhouhang');
  const before = one('SELECT COUNT(*) FROM payments');
  await page.goto(`${URL}/sales/collections/new`);
  await page.fill('input[name=order]', NO('A'));
  await page.fill('input[name=amount]', '40');
  await page.fill('input[name=date]', '2001-06-20');
  let [resp] = await Promise.all([page.waitForNavigation(), page.click('form.form button[type=submit]')]);
  assert.equal(resp.status(), 422);
  const why = await fieldError(page, 'date');
  assert.match(why, /closed period/);
  assert.match(why, /real date in the reference/);
  assert.match(why, /refund/);
  assert.equal(await page.inputValue('input[name=date]'), '2001-06-20');
  await shot(page, 'sales-closed-payment-en');
  // in a file: the line is named, nothing written
  const head = 'payment_id,order_id,date,amount\n';
  assert.equal(await upload(page, '/sales/collections/import', 'p.csv', head +
    `P10-${RUN}-1,${NO('B')},${TODAY},10\n` + `P10-${RUN}-2,${NO('A')},2001-06-20,40\n` +
    `P10-${RUN}-3,${NO('B')},2001-06-20,40\n`), 422);
  const rows = await errorRows(page);
  assert.deepEqual(rows.map((r) => [r[0], r[1]]), [['3', 'date'], ['4', 'date']]);
  assert.match(rows[0][2], /closed period/);
  assert.match(rows[1][2], /never dated before its order/);
  assert.equal(one('SELECT COUNT(*) FROM payments'), before);
  // what arrived late is booked today, in the open period
  await page.goto(`${URL}/sales/collections/new`);
  await page.fill('input[name=order]', NO('A'));
  await page.fill('input[name=amount]', '40');
  await page.fill('input[name=date]', TODAY);
  await page.fill('input[name=reference]', 'received 2001-06-20');
  [resp] = await Promise.all([page.waitForNavigation(), page.click('form.form button[type=submit]')]);
  assert.equal(resp.status(), 200);
  assert.equal(one(`SELECT COUNT(*) FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.order_no = ${q(NO('A'))}`), '1');
  await ctx.close();
});

test('sales-closed: the order of a closed period offers no edit or cancel, and refuses both with the correction', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'zhangwei');
  const id = one(`SELECT id FROM orders WHERE order_no = ${q(NO('A'))}`);
  await page.goto(`${URL}/sales/orders/${id}`);
  assert.equal(await page.locator(`form[action="/sales/orders/${id}/cancel"]`).count(), 0);
  const csrf = await page.locator('input[name=csrf]').first().getAttribute('value');
  const r = await page.request.post(`${URL}/sales/orders/${id}/cancel`, { form: { csrf } });
  assert.equal(r.status(), 409);
  const body = await r.text();
  assert.match(body, /已结账/);
  assert.match(body, /退货/);
  assert.equal(one(`SELECT status FROM orders WHERE id = ${id}`), 'booked');
  await ctx.close();
});
