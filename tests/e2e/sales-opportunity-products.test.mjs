// An opportunity's products (issue 10): a rep lists the products of an
// opportunity with quantity and amount; its amount is their sum; a bad
// line is refused naming the row's field, what was typed kept, nothing
// written; an amount that is not the sum is refused; editing replaces
// the lines; once won, the order form is prefilled with the products
// and the order saved from it carries them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { URL, launch, newContext, login, shot, sql, cjkTexts, fieldError, errorSummary } from './lib.mjs';
import { one, personId, inDays, customer } from './sales-data.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const run = Date.now().toString(36);
const ZW = personId('zhangwei');
let cust, pa, pb, ptypeA;

before(() => {
  cust = customer(`E2EOP-${run}`, ZW);
  const type = one('SELECT id FROM product_types WHERE active ORDER BY id LIMIT 1');
  sql(`INSERT INTO products (code, name_zh, name_en, product_type_id, list_price, standard_cost) VALUES
    ('e2e-opa-${run}', '机会产品甲 ${run}', 'Deal product A ${run}', ${type}, 100.00, 40.00),
    ('e2e-opb-${run}', '机会产品乙 ${run}', 'Deal product B ${run}', ${type}, 10.00, 4.00)`);
  pa = one(`SELECT id FROM products WHERE code = 'e2e-opa-${run}'`);
  pb = one(`SELECT id FROM products WHERE code = 'e2e-opb-${run}'`);
  ptypeA = type;
});

async function submit(page, selector = 'main form button.btn.primary') {
  const [resp] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
  return resp;
}

async function fillHeader(page, title) {
  await page.fill('#title', title);
  await page.selectOption('#customer', cust);
  await page.fill('#expected_close', inDays(30));
}

test('an opportunity lists its products; its amount is their sum; bad lines are refused naming the row', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'zhangwei');
  const title = `products deal ${run}`;
  const count = () => one(`SELECT COUNT(*) FROM opportunities WHERE title = '${title}'`);

  // a bad quantity on row 1, a bad amount on row 2: nothing written, both named, typed kept
  await page.goto(`${URL}/sales/opportunities/new?customer=${cust}`);
  await fillHeader(page, title);
  await page.selectOption('#lproduct_1', pa);
  await page.fill('#lqty_1', '0');
  await page.fill('#lamount_1', '300.00');
  await page.selectOption('#lproduct_2', pb);
  await page.fill('#lqty_2', '5');
  await page.fill('#lamount_2', '12,5');
  let resp = await submit(page);
  assert.equal(resp.status(), 400);
  assert.equal(count(), '0', 'nothing written');
  assert.ok(await fieldError(page, 'lqty_1'), 'row 1 quantity named');
  assert.ok(await fieldError(page, 'lamount_2'), 'row 2 amount named');
  assert.equal(await fieldError(page, 'lamount_1'), null);
  assert.equal(await page.inputValue('#lamount_2'), '12,5', 'what was typed is kept');
  assert.equal(await page.inputValue('#lproduct_2'), pb);
  const summary = await errorSummary(page);
  assert.ok(summary.some(([href, text]) => href === '#lqty_1' && /第 1 行/.test(text)), JSON.stringify(summary));
  await shot(page, 'sales-opportunity-lines-errors-zh');

  // an amount that is not the lines' sum
  await page.fill('#lqty_1', '3');
  await page.fill('#lamount_2', '50');
  await page.fill('#amount', '999.00');
  resp = await submit(page);
  assert.equal(resp.status(), 400);
  assert.ok(await fieldError(page, 'amount'));
  assert.equal(count(), '0');

  // the amount left empty: the sum
  await page.fill('#amount', '');
  resp = await submit(page);
  assert.equal(resp.status(), 200);
  const id = one(`SELECT id FROM opportunities WHERE title = '${title}'`);
  assert.equal(one(`SELECT amount FROM opportunities WHERE id = ${id}`), '350.00');
  assert.deepEqual(sql(`SELECT line_no, product_id, quantity, amount FROM opportunity_lines WHERE opportunity_id = ${id} ORDER BY line_no`),
    [['1', pa, '3.000', '300.00'], ['2', pb, '5.000', '50.00']]);
  const rows = await page.$$eval('#opp-lines-table tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
  assert.equal(rows.length, 2);
  assert.match(rows[0][1], new RegExp(`机会产品甲 ${run}`));
  assert.equal(rows[0][4], '300.00');
  await shot(page, 'sales-opportunity-lines-zh');

  // editing replaces the lines: row 2 cleared, row 1 changed
  await page.goto(`${URL}/sales/opportunities/${id}/edit`);
  assert.equal(await page.inputValue('#lproduct_1'), pa, 'the stored lines are in the form');
  assert.equal(await page.inputValue('#lamount_2'), '50.00');
  await page.fill('#amount', '');
  await page.fill('#lamount_1', '280.00');
  await page.selectOption('#lproduct_2', '');
  await page.fill('#lqty_2', '');
  await page.fill('#lamount_2', '');
  resp = await submit(page);
  assert.equal(resp.status(), 200);
  assert.deepEqual(sql(`SELECT product_id, amount FROM opportunity_lines WHERE opportunity_id = ${id}`), [[pa, '280.00']]);
  assert.equal(one(`SELECT amount FROM opportunities WHERE id = ${id}`), '280.00');
  // the product type the commission estimate reads
  assert.equal(one(`SELECT p.product_type_id FROM opportunity_lines l JOIN products p ON p.id = l.product_id WHERE l.opportunity_id = ${id}`), ptypeA);
  await ctx.close();

  const en = await newContext(browser, 'en-US');
  const ep = await login(en, 'zhangwei');
  // Chinese is allowed in English only where it is data: names that start
  // in Chinese, this test's rows, and any customer's name (an earlier test
  // on the same stack names one "=HYPERLINK(…点我…)" to test exports).
  const names = sql('SELECT name FROM customers').map(([n]) => n).filter((n) => /[\u4e00-\u9fff]/.test(n));
  const data = [/^[\u4e00-\u9fff]/, new RegExp(run), (t) => names.some((n) => t.includes(n))];
  await ep.goto(`${URL}/sales/opportunities/${id}`);
  assert.deepEqual(await cjkTexts(ep, data), []);
  await ep.goto(`${URL}/sales/opportunities/${id}/edit`);
  assert.deepEqual(await cjkTexts(ep, data), []);
  await shot(ep, 'sales-opportunity-lines-form-en');
  await en.close();
});

test('a won opportunity converts into an order with its products', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'zhangwei');
  const title = `convert deal ${run}`;
  await page.goto(`${URL}/sales/opportunities/new?customer=${cust}`);
  await fillHeader(page, title);
  await page.selectOption('#lproduct_1', pa);
  await page.fill('#lqty_1', '2');
  await page.fill('#lamount_1', '180.00');
  await page.selectOption('#lproduct_2', pb);
  await page.fill('#lqty_2', '1.5');
  await page.fill('#lamount_2', '15.00');
  let resp = await submit(page);
  assert.equal(resp.status(), 200);
  const id = one(`SELECT id FROM opportunities WHERE title = '${title}'`);
  await submit(page, 'button[data-stage=won]');
  await page.click('#create-order');
  await page.waitForLoadState('load');
  assert.equal(new globalThis.URL(page.url()).pathname, '/sales/orders/new');
  assert.equal(await page.inputValue('select[name=customer]'), cust);
  assert.equal(await page.inputValue('select[name=product_1]'), pa);
  assert.equal(Number(await page.inputValue('input[name=qty_1]')), 2);
  assert.equal(await page.inputValue('input[name=amount_1]'), '180.00');
  assert.equal(await page.inputValue('select[name=product_2]'), pb);
  assert.equal(Number(await page.inputValue('input[name=qty_2]')), 1.5);
  assert.equal(await page.inputValue('input[name=amount_2]'), '15.00');
  await shot(page, 'sales-order-from-opportunity-products-zh');
  resp = await submit(page, 'main form.order-form button.btn.primary');
  assert.equal(resp.status(), 200);
  const order = new globalThis.URL(page.url()).pathname.split('/').pop();
  assert.equal(one(`SELECT opportunity_id FROM orders WHERE id = ${order}`), id);
  assert.deepEqual(sql(`SELECT product_id, quantity, amount FROM order_lines WHERE order_id = ${order} ORDER BY line_no`),
    [[pa, '2.000', '180.00'], [pb, '1.500', '15.00']]);
  await ctx.close();
});
