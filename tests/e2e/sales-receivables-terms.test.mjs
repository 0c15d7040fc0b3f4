// Payment terms (issue 10): a customer has payment terms in days (30
// unless set; a bad value is refused naming the field), an order may
// have its own; the due date is the order date plus the terms, and the
// receivables age from it: an order 100 days old on 45-day terms is 55
// days overdue (not 100), one on 120-day terms is not yet due, and only
// what is over 90 days past its due date counts as aged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { URL, launch, newContext, login, shot, sql, cjkTexts, fieldError } from './lib.mjs';
import { one, personId, inDays, fen, customer, order } from './sales-data.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const run = Date.now().toString(36);
const ZW = personId('zhangwei');
const NO = (x) => `E2ER${run}-${x}`;
let cust;
const ids = {};

before(() => {
  cust = customer(`E2ER-${run}`, ZW);
});

async function submit(page, selector = 'main form button.btn.primary') {
  const [resp] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
  return resp;
}

test("a customer's payment terms: 30 days unless set, a bad value refused naming the field", async () => {
  assert.equal(one(`SELECT payment_terms_days FROM customers WHERE id = ${cust}`), '30');
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'zhangwei');
  await page.goto(`${URL}/sales/customers/${cust}/edit`);
  assert.equal(await page.inputValue('#payment_terms'), '30');
  await page.fill('#payment_terms', '400');
  let resp = await submit(page);
  assert.equal(resp.status(), 400);
  assert.ok(await fieldError(page, 'payment_terms'), 'the field is named');
  assert.equal(await page.inputValue('#payment_terms'), '400', 'what was typed is kept');
  assert.equal(one(`SELECT payment_terms_days FROM customers WHERE id = ${cust}`), '30', 'nothing written');
  await page.fill('#payment_terms', '45');
  resp = await submit(page);
  assert.equal(resp.status(), 200);
  assert.equal(one(`SELECT payment_terms_days FROM customers WHERE id = ${cust}`), '45');
  assert.match(await page.textContent('#customer-terms'), /45/);
  await ctx.close();
});

test('receivables age from the due date: order date plus the order\'s terms, else the customer\'s', async () => {
  sql(`UPDATE customers SET payment_terms_days = 45 WHERE id = ${cust}`);
  ids.a = order(NO('A'), cust, inDays(-100), [[ZW, 100]], '1000.00');            // due -55: 55 days overdue
  ids.b = order(NO('B'), cust, inDays(-100), [[ZW, 100]], '2000.00');            // own 120 days: not yet due
  sql(`UPDATE orders SET payment_terms_days = 120 WHERE id = ${ids.b}`);
  ids.c = order(NO('C'), cust, inDays(-200), [[ZW, 100]], '4000.00');            // own 0 days: 200 overdue
  sql(`UPDATE orders SET payment_terms_days = 0 WHERE id = ${ids.c}`);

  const ctx = await newContext(browser, 'en-US');
  const page = await login(ctx, 'sunli');
  const resp = await page.goto(`${URL}/sales/collections/open?order=E2ER${run}`);
  assert.equal(resp.status(), 200);
  const rows = Object.fromEntries(await page.$$eval('#receivables tbody tr', (trs) => trs.map((tr) => [
    tr.cells[0].textContent.trim(), [tr.querySelector('td.due').firstChild.textContent.trim(),
      tr.querySelector('[data-overdue]')?.dataset.overdue ?? null]])));
  assert.deepEqual(rows, {
    [NO('A')]: [inDays(-55), '55'],
    [NO('B')]: [inDays(20), null],
    [NO('C')]: [inDays(-200), '200'],
  });
  // aged: more than 90 days past due, C only (A is 100 days old but 55 overdue)
  assert.equal(fen(await page.textContent('#kpi-aged .kpi-value')), 400000);
  // the aging chart by days past due
  const table = await page.$$eval('#chart-aging ~ details tbody tr, figure:has(#chart-aging) details tbody tr', (trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  assert.deepEqual(table.map(([, v]) => fen(v)), [200000, 0, 100000, 0, 400000]);
  assert.deepEqual(await cjkTexts(page, [/^[\u4e00-\u9fff]/, /测试客户/, /^[\u4e00-\u9fff]+/]), []);
  await shot(page, 'sales-receivables-terms-en');
  // the order's collections page says its due date
  await page.goto(`${URL}/sales/collections/order/${ids.a}`);
  assert.match(await page.textContent('#due'), new RegExp(`${inDays(-55)}.*55`));
  await page.goto(`${URL}/sales/collections/order/${ids.b}`);
  assert.match(await page.textContent('#due'), /Not yet due/);
  await ctx.close();
});

test("an order's own terms are set on its form; the order page shows its due date", async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'zhangwei');
  await page.goto(`${URL}/sales/orders/${ids.a}`);
  assert.match(await page.textContent('#order-terms'), /45 · 客户约定/);
  assert.equal((await page.textContent('#order-due')).trim(), inDays(-55));
  await page.goto(`${URL}/sales/orders/${ids.a}/edit`);
  assert.equal(await page.inputValue('#payment_terms'), '', "empty: the customer's");
  await page.fill('#payment_terms', 'ten');
  let resp = await submit(page, 'main form.order-form button.btn.primary');
  assert.equal(resp.status(), 422);
  assert.ok(await fieldError(page, 'payment_terms'));
  assert.equal(one(`SELECT payment_terms_days IS NULL FROM orders WHERE id = ${ids.a}`), '1', 'nothing written');
  await page.fill('#payment_terms', '10');
  resp = await submit(page, 'main form.order-form button.btn.primary');
  assert.equal(resp.status(), 200);
  assert.equal(one(`SELECT payment_terms_days FROM orders WHERE id = ${ids.a}`), '10');
  assert.match(await page.textContent('#order-terms'), /10 · 本单约定/);
  assert.equal((await page.textContent('#order-due')).trim(), inDays(-90));
  await shot(page, 'sales-order-terms-zh');
  // cleared again: the customer's terms
  await page.goto(`${URL}/sales/orders/${ids.a}/edit`);
  assert.equal(await page.inputValue('#payment_terms'), '10');
  await page.fill('#payment_terms', '');
  resp = await submit(page, 'main form.order-form button.btn.primary');
  assert.equal(resp.status(), 200);
  assert.equal(one(`SELECT payment_terms_days IS NULL FROM orders WHERE id = ${ids.a}`), '1');
  await ctx.close();
});
