// The business day (core/clock): "today" is the date in Beijing, the
// stack's [site] timezone, whatever the UTC date.  The test clock (the
// hooks folder's "clock", read by every worker at each call, and followed
// by their database sessions) is set to 02:00 Beijing time, which is 18:00
// UTC the day before: a program that took the UTC date would be a day off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { URL, STATE, launch, newContext, login, sql, businessDate } from './lib.mjs';

const RUN = Date.now().toString(36).toUpperCase();
const CLOCK = join(STATE, 'hooks', 'clock');
// Today in Beijing, at 02:00 there.
const DAY = businessDate();
const INSTANT = new Date(`${DAY}T02:00:00+08:00`).toISOString().replace(/\.\d{3}Z$/, 'Z');
const NO = `CLK-${RUN}`;
const q = (s) => `'${s.replaceAll("'", "''")}'`;
const one = (query) => sql(query)[0]?.[0];

let browser;

before(async () => {
  browser = await launch();
  sql(`INSERT INTO customers (code, name, region_id, industry, channel_id, owner_id)
       SELECT ${q(`CLK${RUN}`)}, ${q(`时钟测试客户 ${RUN}`)}, r.id, 'test', c.id, p.id
       FROM regions r, channels c, people p
       WHERE r.code = 'east' AND c.code = 'direct' AND p.login = 'zhangwei'`);
  sql(`INSERT INTO products (code, name_zh, name_en, product_type_id, list_price, standard_cost)
       SELECT ${q(`CLKP${RUN}`)}, '时钟测试产品', 'Clock test product', MIN(id), 800.00, 500.00 FROM product_types`);
  writeFileSync(CLOCK, `${INSTANT}\n`);
});
after(async () => {
  rmSync(CLOCK, { force: true });
  await browser?.close();
});

test('the test clock is 02:00 in Beijing and still the day before in UTC', () => {
  assert.match(INSTANT, /^\d{4}-\d\d-\d\dT18:00:00Z$/);
  assert.notEqual(INSTANT.slice(0, 10), DAY);
});

test('at 02:00 Beijing time the order form proposes the Beijing date, and the order is booked on it', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'zhangwei');
  const resp = await page.goto(`${URL}/sales/orders/new`);
  assert.equal(resp.status(), 200);
  assert.equal(await page.inputValue('input[name=order_date]'), DAY);
  await page.fill('input[name=order_no]', NO);
  await page.selectOption('select[name=customer]', one(`SELECT id FROM customers WHERE code = ${q(`CLK${RUN}`)}`));
  await page.selectOption('select[name=product_1]', one(`SELECT id FROM products WHERE code = ${q(`CLKP${RUN}`)}`));
  await page.fill('input[name=qty_1]', '2');
  const [saved] = await Promise.all([page.waitForNavigation(), page.click('main form.order-form button.btn.primary')]);
  assert.equal(saved.status(), 200, await page.textContent('main'));
  assert.match(new globalThis.URL(page.url()).pathname, /^\/sales\/orders\/\d+$/);
  // the row's date, and its creation time in Beijing time from the
  // database session, which follows the test clock
  assert.deepEqual(sql(`SELECT order_date, created_at FROM orders WHERE order_no = ${q(NO)}`),
    [[DAY, `${DAY} 02:00:00`]]);
  await ctx.close();
});

test('a payment entered at 02:00 Beijing time lands on that Beijing date', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'sunli');
  const id = one(`SELECT id FROM orders WHERE order_no = ${q(NO)}`);
  assert.ok(id, 'the order of the previous test');
  await page.goto(`${URL}/sales/collections/new?order=${NO}`);
  assert.equal(await page.inputValue('input[name=date]'), DAY);
  await page.fill('input[name=amount]', '600');
  await page.fill('input[name=reference]', `CLK-BANK-${RUN}`);
  await Promise.all([page.waitForNavigation(), page.click('form.form button[type=submit]')]);
  assert.match(page.url(), new RegExp(`/sales/collections/order/${id}\\?done=created`));
  assert.deepEqual(sql(`SELECT payment_date, amount, created_at FROM payments WHERE order_id = ${id}`),
    [[DAY, '600.00', `${DAY} 02:00:00`]]);
  // the payments list shows it on that date
  await page.goto(`${URL}/sales/collections?order=${NO}`);
  const rows = page.locator('#payments tbody tr');
  assert.equal(await rows.count(), 1);
  assert.match(await rows.first().textContent(), new RegExp(DAY));
  await ctx.close();
});
