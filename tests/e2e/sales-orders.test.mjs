// Orders: a rep creates an order with lines and a 60/40 split, errors keep
// the input and name the field, edit, cancel, partial return, a closed
// order, another rep's order is out of reach (404, nothing changed), the
// statistics count the order, the CSV export, filters, English labels.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { URL, launch, newContext, login, shot, sql, cjkTexts, errorSummary, fieldError } from './lib.mjs';

let browser;
const run = Date.now().toString(36);
const ids = {};
const today = new Date();
const ymd = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const todayText = ymd(today);
const month = todayText.slice(0, 7);

function one(query) {
  const rows = sql(query);
  return rows.length ? rows[0] : null;
}
const person = (login) => one(`SELECT id FROM people WHERE login = '${login}'`)[0];

before(async () => {
  browser = await launch();
  // Own reference rows, uniquely named (the stack keeps other runs' rows).
  const type = one("SELECT id FROM product_types WHERE code = 'hardware'")
    ?? (sql("INSERT INTO product_types (code, name_zh, name_en) VALUES ('hardware', '硬件', 'Hardware')"),
    one("SELECT id FROM product_types WHERE code = 'hardware'"));
  let region = one("SELECT id FROM regions WHERE code = 'east'");
  if (!region) { sql("INSERT INTO regions (code, name_zh, name_en) VALUES ('east', '华东', 'East China')"); region = one("SELECT id FROM regions WHERE code = 'east'"); }
  let channel = one("SELECT id FROM channels WHERE code = 'direct'");
  if (!channel) { sql("INSERT INTO channels (code, name_zh, name_en) VALUES ('direct', '直销', 'Direct')"); channel = one("SELECT id FROM channels WHERE code = 'direct'"); }
  ids.region = region[0];
  ids.channel = channel[0];
  sql(`INSERT INTO products (code, name_zh, name_en, product_type_id, list_price, standard_cost) VALUES
    ('e2e-oa-${run}', '测试服务器 ${run}', 'Test server ${run}', ${type[0]}, 1234.56, 700.10),
    ('e2e-ob-${run}', '测试交换机 ${run}', 'Test switch ${run}', ${type[0]}, 99.99, 40.00)`);
  ids.pa = one(`SELECT id FROM products WHERE code = 'e2e-oa-${run}'`)[0];
  ids.pb = one(`SELECT id FROM products WHERE code = 'e2e-ob-${run}'`)[0];
  ids.zhangwei = person('zhangwei');
  ids.lina = person('lina');
  ids.wangqiang = person('wangqiang');
  sql(`INSERT INTO customers (code, name, region_id, channel_id, owner_id) VALUES
    ('e2e-cz-${run}', '订单测试客户甲 ${run}', ${ids.region}, ${ids.channel}, ${ids.zhangwei}),
    ('e2e-cw-${run}', '订单测试客户乙 ${run}', ${ids.region}, ${ids.channel}, ${ids.wangqiang})`);
  ids.cz = one(`SELECT id FROM customers WHERE code = 'e2e-cz-${run}'`)[0];
  ids.cw = one(`SELECT id FROM customers WHERE code = 'e2e-cw-${run}'`)[0];
});
after(async () => { await browser?.close(); });

async function submit(page, selector = 'main form.order-form button.btn.primary') {
  const [resp] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
  return resp;
}

// Fills the order form: header, reps [[id, share]...], lines [{...}].
async function fillOrder(page, { no = '', customer, reps, lines }) {
  await page.fill('input[name=order_no]', no);
  await page.selectOption('select[name=customer]', String(customer));
  for (let i = 0; i < reps.length; i++) {
    if (i >= await page.locator('select[name=rep]').count()) {
      await submit(page, 'button[name=more][value=reps]');
    }
    await page.locator('select[name=rep]').nth(i).selectOption(String(reps[i][0]));
    await page.locator('input[name=share]').nth(i).fill(String(reps[i][1]));
  }
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1, l = lines[i];
    await page.selectOption(`select[name=product_${n}]`, String(l.product));
    await page.fill(`input[name=qty_${n}]`, l.qty);
    await page.fill(`input[name=price_${n}]`, l.price ?? '');
    await page.fill(`input[name=discount_${n}]`, l.discount ?? '');
    await page.fill(`input[name=amount_${n}]`, l.amount ?? '');
  }
}

async function createOrder(page, spec) {
  let resp = await page.goto(`${URL}/sales/orders/new`);
  assert.equal(resp.status(), 200);
  await fillOrder(page, spec);
  resp = await submit(page);
  assert.equal(resp.status(), 200, await page.textContent('main'));
  const m = new globalThis.URL(page.url()).pathname.match(/^\/sales\/orders\/(\d+)$/);
  assert.ok(m, `redirected to the order, got ${page.url()}`);
  return m[1];
}

test('sales-orders: a rep creates an order with two lines and a 60/40 split; errors keep the input and name the field', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'zhangwei');
  let resp = await page.goto(`${URL}/sales/orders/new`);
  assert.equal(resp.status(), 200);
  // the rep creating is credited 100 % by default
  assert.equal(await page.locator('select[name=rep]').first().inputValue(), ids.zhangwei);
  assert.equal(await page.locator('input[name=share]').first().inputValue(), '100');
  // five empty line rows, and "add lines" gives more, keeping the input
  assert.equal(await page.locator('select[name^=product_]').count(), 5);
  await page.fill('input[name=qty_1]', '7');
  resp = await submit(page, 'button[name=more][value=lines]');
  assert.equal(await page.locator('select[name^=product_]').count(), 10);
  assert.equal(await page.inputValue('input[name=qty_1]'), '7');
  await shot(page, 'sales-orders-new-zh');

  // a split of 60 + 30 is refused: the share field is named, input kept
  await fillOrder(page, {
    no: `E2E-${run}`, customer: ids.cz, reps: [[ids.zhangwei, '60'], [ids.lina, '30']],
    lines: [{ product: ids.pa, qty: '2', discount: '10' }, { product: ids.pb, qty: '3', price: '100' }],
  });
  resp = await submit(page);
  assert.equal(resp.status(), 422);
  assert.match(await page.textContent('#split-error'), /当前合计为 90/);
  assert.deepEqual(await errorSummary(page), [['#split', '业绩归属与分成：分成比例之和必须恰好为 100；当前合计为 90']]);
  assert.equal(await page.locator('input[name=share]').nth(1).inputValue(), '30');
  assert.match(await fieldError(page, 'share_2'), /当前合计为 90/);
  assert.equal(await page.inputValue('input[name=order_no]'), `E2E-${run}`);
  assert.equal(await page.inputValue('input[name=qty_2]'), '3');
  assert.equal(sql(`SELECT COUNT(*) FROM orders WHERE order_no = 'E2E-${run}'`)[0][0], '0');
  await shot(page, 'sales-orders-split-error-zh');

  // a bad quantity "1,5" on line 2: kept, the line and field are named
  await page.locator('input[name=share]').nth(1).fill('40');
  await page.fill('input[name=qty_2]', '1,5');
  resp = await submit(page);
  assert.equal(resp.status(), 422);
  assert.equal(await page.inputValue('input[name=qty_2]'), '1,5');
  assert.match(await fieldError(page, 'qty_2'), /1\.5/);
  assert.deepEqual((await errorSummary(page)).map(([href, text]) => [href, text.split('：')[0]]), [['#qty_2', '行号 2 · 数量']]);
  assert.equal(await page.locator('input[name=share]').nth(1).inputValue(), '40');
  await shot(page, 'sales-orders-qty-error-zh');

  // a long amount is refused whole: never cut to something valid (the
  // form once copied input into 64-byte buffers, and 12.50000...0001 of
  // 66 characters became 12.50)
  const long = '12.5' + '0'.repeat(60) + '1';
  await page.fill('input[name=qty_2]', '3');
  await page.fill('input[name=amount_2]', long);
  resp = await submit(page);
  assert.equal(resp.status(), 422);
  assert.equal(await page.inputValue('input[name=amount_2]'), long);
  assert.match(await fieldError(page, 'amount_2'), /两位小数/);
  assert.deepEqual((await errorSummary(page)).map(([href, text]) => [href, text.split('：')[0]]), [['#amount_2', '行号 2 · 金额']]);
  assert.equal(sql(`SELECT COUNT(*) FROM orders WHERE order_no = 'E2E-${run}'`)[0][0], '0');
  await page.fill('input[name=amount_2]', '');

  // corrected: saved
  await page.fill('input[name=qty_2]', '3');
  resp = await submit(page);
  assert.equal(resp.status(), 200);
  const id = new globalThis.URL(page.url()).pathname.split('/').pop();
  ids.order = id;
  assert.match(await page.textContent('.flash.ok'), /订单已创建/);
  await shot(page, 'sales-orders-detail-zh');

  const o = one(`SELECT order_no, customer_id, region_id, channel_id, status, created_by, order_date FROM orders WHERE id = ${id}`);
  assert.deepEqual(o, [`E2E-${run}`, ids.cz, ids.region, ids.channel, 'booked', ids.zhangwei, todayText]);
  // 2 x 1234.56 x 0.9 = 2222.208 -> 2222.21; cost 2 x 700.10 = 1400.20
  // 3 x 100.00 = 300.00; cost 3 x 40.00 = 120.00
  assert.deepEqual(sql(`SELECT line_no, product_id, quantity, unit_price, discount, amount, cost, status FROM order_lines WHERE order_id = ${id} ORDER BY line_no`), [
    ['1', ids.pa, '2.000', '1234.56', '10.0000', '2222.21', '1400.20', 'booked'],
    ['2', ids.pb, '3.000', '100.00', '0.0000', '300.00', '120.00', 'booked'],
  ]);
  assert.deepEqual(sql(`SELECT person_id, share FROM order_reps WHERE order_id = ${id} ORDER BY share DESC`),
    [[ids.zhangwei, '60.0000'], [ids.lina, '40.0000']]);
  const a = one(`SELECT actor, action, entity, detail FROM audit WHERE entity = 'order' AND entity_id = '${id}' AND action = 'order_create'`);
  assert.deepEqual(a.slice(0, 3), ['zhangwei', 'order_create', 'order']);
  assert.match(a[3], /amount=2522\.21 reps=zhangwei:60\|lina:40/);
  // the detail page shows the totals: 2522.21 amount, 1002.01 margin
  const main = await page.textContent('main');
  assert.match(main, /2,522\.21/);
  assert.match(main, /1,002\.01/);
  await ctx.close();
});

test('sales-orders: the colleague holding 40 % sees the order too', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'lina');
  let resp = await page.goto(`${URL}/sales/orders/${ids.order}`);
  assert.equal(resp.status(), 200);
  assert.match(await page.textContent('main'), /40 %/);
  resp = await page.goto(`${URL}/sales/orders?customer=${ids.cz}`);
  assert.match(await page.textContent('main table.data'), new RegExp(`E2E-${run}`));
  await ctx.close();
});

test('sales-orders: edit changes a line; the amount follows', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'zhangwei');
  let resp = await page.goto(`${URL}/sales/orders/${ids.order}/edit`);
  assert.equal(resp.status(), 200);
  assert.equal(await page.inputValue('input[name=qty_2]'), '3');
  await shot(page, 'sales-orders-edit-zh');
  await page.fill('input[name=qty_2]', '4');
  await page.fill('input[name=note]', 'edited by e2e');
  resp = await submit(page);
  assert.equal(resp.status(), 200);
  assert.match(await page.textContent('.flash.ok'), /已保存/);
  // 4 x 100.00 = 400.00; cost 4 x 40.00 = 160.00
  assert.deepEqual(one(`SELECT quantity, amount, cost FROM order_lines WHERE order_id = ${ids.order} AND line_no = 2`), ['4.000', '400.00', '160.00']);
  assert.equal(one(`SELECT note FROM orders WHERE id = ${ids.order}`)[0], 'edited by e2e');
  assert.equal(one(`SELECT COUNT(*) FROM audit WHERE action = 'order_edit' AND entity_id = '${ids.order}'`)[0], '1');
  await ctx.close();
});

test('sales-orders: a partial return is its own order with negative lines, referencing the original', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'zhangwei');
  let resp = await page.goto(`${URL}/sales/orders/${ids.order}/return`);
  assert.equal(resp.status(), 200);
  const lid1 = one(`SELECT id FROM order_lines WHERE order_id = ${ids.order} AND line_no = 1`)[0];
  // more than was sold is refused
  await page.fill('input[name=rq_1]', '5');
  resp = await submit(page, 'main form button.btn.primary');
  assert.equal(resp.status(), 422);
  assert.equal(await page.inputValue('input[name=rq_1]'), '5');
  assert.ok(await fieldError(page, 'rq_1'), 'the quantity is named');
  assert.deepEqual((await errorSummary(page)).map(([href]) => href), ['#rq_1']);
  assert.equal(one(`SELECT COUNT(*) FROM orders WHERE original_order_id = ${ids.order}`)[0], '0', 'nothing written');
  await shot(page, 'sales-orders-return-error-zh');
  await page.fill('input[name=rq_1]', '1');
  resp = await submit(page, 'main form button.btn.primary');
  assert.equal(resp.status(), 200);
  const rid = new globalThis.URL(page.url()).pathname.split('/').pop();
  ids.ret = rid;
  assert.notEqual(rid, ids.order);
  await shot(page, 'sales-orders-return-detail-zh');
  assert.deepEqual(one(`SELECT original_order_id, customer_id, status FROM orders WHERE id = ${rid}`), [ids.order, ids.cz, 'booked']);
  // half of line 1: -1 x, amount -(2222.21 / 2) = -1111.105 -> -1111.11, cost -700.10
  assert.deepEqual(sql(`SELECT quantity, amount, cost, original_line_id FROM order_lines WHERE order_id = ${rid}`),
    [['-1.000', '-1111.11', '-700.10', lid1]]);
  assert.deepEqual(sql(`SELECT person_id, share FROM order_reps WHERE order_id = ${rid} ORDER BY share DESC`),
    [[ids.zhangwei, '60.0000'], [ids.lina, '40.0000']]);
  assert.equal(one(`SELECT COUNT(*) FROM audit WHERE action = 'order_return' AND entity_id = '${rid}'`)[0], '1');
  // a return is not edited (its lines come from the original)
  assert.equal(await page.locator(`a[href="/sales/orders/${rid}/edit"]`).count(), 0);
  assert.equal((await page.goto(`${URL}/sales/orders/${rid}/edit`)).status(), 409);
  // the original lists its return
  resp = await page.goto(`${URL}/sales/orders/${ids.order}`);
  assert.match(await page.textContent('main'), new RegExp(`E2E-${run}-R1`));
  // the original's line 1 can no longer shrink below what came back
  await page.goto(`${URL}/sales/orders/${ids.order}/edit`);
  await page.fill('input[name=qty_1]', '0.5');
  resp = await submit(page);
  assert.equal(resp.status(), 422);
  assert.ok(await fieldError(page, 'qty_1'), 'the quantity is named');
  assert.equal(one(`SELECT quantity FROM order_lines WHERE id = ${lid1}`)[0], '2.000');
  await ctx.close();
});

// A period long past, closed for this file's order (core/period: the
// only lock is the period of an order's date).  Nothing else is dated in
// it, and it goes when the file is done.
const CLOSED = { label: '2001-02', first: '2001-02-01', last: '2001-02-28', day: '2001-02-10' };
// the period's input version (commission's staleness, sql/commission/010) goes with it
after(() => {
  sql(`DELETE FROM calc_inputs WHERE period_id IN (SELECT id FROM periods WHERE label = '${CLOSED.label}');
    DELETE FROM periods WHERE label = '${CLOSED.label}'`);
});

test('sales-orders: an order of a closed period is read-only, says why and how to correct it, and can be returned', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'zhangwei');
  const id = await createOrder(page, {
    customer: ids.cz, reps: [[ids.zhangwei, '100']],
    lines: [{ product: ids.pb, qty: '10' }],
  });
  ids.locked = id;
  // an automatic number
  assert.match(one(`SELECT order_no FROM orders WHERE id = ${id}`)[0], /^SO-\d{6}-\d{5}$/);
  sql(`UPDATE orders SET order_date = '${CLOSED.day}' WHERE id = ${id}`);
  sql(`INSERT INTO periods (kind, label, first_day, last_day, state) VALUES ('month', '${CLOSED.label}', '${CLOSED.first}', '${CLOSED.last}', 'closed')
    ON DUPLICATE KEY UPDATE state = 'closed'`);
  await page.goto(`${URL}/sales/orders/${id}`);
  assert.equal(await page.locator(`a[href="/sales/orders/${id}/edit"]`).count(), 0);
  assert.equal(await page.locator(`form[action="/sales/orders/${id}/cancel"]`).count(), 0);
  assert.match(await page.textContent('main h1'), /已结账/);
  await shot(page, 'sales-orders-locked-zh');
  const csrf = await page.locator('input[name=csrf]').first().getAttribute('value');
  let resp = await page.goto(`${URL}/sales/orders/${id}/edit`);
  assert.equal(resp.status(), 409);
  // why, which period, and how to correct it
  const why = await page.textContent('main');
  assert.match(why, /期间已结账/);
  assert.match(why, new RegExp(CLOSED.label));
  assert.match(why, /退货/);
  assert.equal(await page.locator('form.order-form').count(), 0, 'the refusal only, no form');
  await shot(page, 'sales-orders-closed-refused-zh');
  let r = await page.request.post(`${URL}/sales/orders/${id}/cancel`, { form: { csrf } });
  assert.equal(r.status(), 409);
  r = await page.request.post(`${URL}/sales/orders/${id}/edit`, { form: { csrf, customer: ids.cz, order_date: todayText, rep: ids.zhangwei, share: '100', lines: '1', product_1: ids.pb, qty_1: '99' } });
  assert.equal(r.status(), 409);
  assert.deepEqual(one(`SELECT o.status, o.order_date, l.quantity, l.status FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.id = ${id}`),
    ['booked', CLOSED.day, '10.000', 'booked']);
  // nor is a new order booked into the closed period
  await page.goto(`${URL}/sales/orders/new`);
  await fillOrder(page, { customer: ids.cz, reps: [[ids.zhangwei, '100']], lines: [{ product: ids.pb, qty: '1' }] });
  await page.fill('input[name=order_date]', CLOSED.day);
  const before = one('SELECT COUNT(*) FROM orders')[0];
  resp = await submit(page);
  assert.equal(resp.status(), 422);
  assert.match(await fieldError(page, 'order_date'), /已结账/);
  assert.equal(one('SELECT COUNT(*) FROM orders')[0], before, 'nothing written');
  // returned: allowed, dated in an open period (not in the closed one)
  resp = await page.goto(`${URL}/sales/orders/${id}/return`);
  assert.equal(resp.status(), 200);
  await page.fill('input[name=rq_1]', '10');
  await page.fill('input[name=return_date]', '2001-02-20');
  resp = await submit(page, 'main form button.btn.primary');
  assert.equal(resp.status(), 422);
  assert.match(await fieldError(page, 'return_date'), /已结账/);
  await page.fill('input[name=return_date]', todayText);
  resp = await submit(page, 'main form button.btn.primary');
  assert.equal(resp.status(), 200);
  const rid = new globalThis.URL(page.url()).pathname.split('/').pop();
  // the whole line back: exactly its amount, 10 x 99.99 = 999.90
  assert.deepEqual(sql(`SELECT quantity, amount FROM order_lines WHERE order_id = ${rid}`), [['-10.000', '-999.90']]);
  await ctx.close();
  // finance cannot change its costs either
  const fctx = await newContext(browser, 'zh-CN');
  const fpage = await login(fctx, 'sunli');
  assert.equal((await fpage.goto(`${URL}/sales/orders/${id}/costs`)).status(), 409);
  await fctx.close();
});

test('sales-orders: cancel cancels the order and all its lines, audited', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'zhangwei');
  const id = await createOrder(page, {
    no: `E2E-C-${run}`, customer: ids.cz, reps: [[ids.zhangwei, '100']],
    lines: [{ product: ids.pa, qty: '1' }, { product: ids.pb, qty: '1', amount: '88.88' }],
  });
  ids.cancelled = id;
  assert.deepEqual(sql(`SELECT amount FROM order_lines WHERE order_id = ${id} ORDER BY line_no`), [['1234.56'], ['88.88']]);
  page.once('dialog', (d) => d.accept());
  const resp = await submit(page, `form[action="/sales/orders/${id}/cancel"] button`);
  assert.equal(resp.status(), 200);
  assert.match(await page.textContent('.flash.ok'), /作废/);
  assert.equal(one(`SELECT status FROM orders WHERE id = ${id}`)[0], 'cancelled');
  assert.deepEqual(sql(`SELECT DISTINCT status FROM order_lines WHERE order_id = ${id}`), [['cancelled']]);
  assert.equal(one(`SELECT COUNT(*) FROM audit WHERE action = 'order_cancel' AND entity_id = '${id}'`)[0], '1');
  await shot(page, 'sales-orders-cancelled-zh');
  // no longer editable
  assert.equal((await page.goto(`${URL}/sales/orders/${id}/edit`)).status(), 409);
  await ctx.close();
});

test('sales-orders: zhangwei gets 404 on wangqiang\'s order, by URL and by POST; nothing changes', async () => {
  const wctx = await newContext(browser, 'zh-CN');
  const wpage = await login(wctx, 'wangqiang');
  // zhangwei's customer is not in wangqiang's picker: refused
  let resp = await wpage.goto(`${URL}/sales/orders/new`);
  assert.equal(await wpage.locator(`select[name=customer] option[value="${ids.cz}"]`).count(), 0);
  const wid = await createOrder(wpage, {
    no: `E2E-W-${run}`, customer: ids.cw, reps: [[ids.wangqiang, '100']],
    lines: [{ product: ids.pb, qty: '2' }],
  });
  await wctx.close();
  const before = sql(`SELECT status, note, customer_id FROM orders WHERE id = ${wid}`);
  const beforeLines = sql(`SELECT quantity, amount, status FROM order_lines WHERE order_id = ${wid}`);

  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'zhangwei');
  for (const path of [`/sales/orders/${wid}`, `/sales/orders/${wid}/edit`, `/sales/orders/${wid}/return`]) {
    resp = await page.goto(`${URL}${path}`);
    assert.equal(resp.status(), 404, path);
  }
  await page.goto(`${URL}/sales/orders/new`);
  const csrf = await page.getAttribute('input[name=csrf]', 'value');
  let r = await page.request.post(`${URL}/sales/orders/${wid}/cancel`, { form: { csrf } });
  assert.equal(r.status(), 404);
  r = await page.request.post(`${URL}/sales/orders/${wid}/edit`, { form: { csrf, customer: ids.cz, order_date: todayText, note: 'hijack', rep: ids.zhangwei, share: '100', lines: '1', product_1: ids.pb, qty_1: '99' } });
  assert.equal(r.status(), 404);
  r = await page.request.post(`${URL}/sales/orders/${wid}/return`, { form: { csrf, return_date: todayText } });
  assert.equal(r.status(), 404);
  assert.deepEqual(sql(`SELECT status, note, customer_id FROM orders WHERE id = ${wid}`), before);
  assert.deepEqual(sql(`SELECT quantity, amount, status FROM order_lines WHERE order_id = ${wid}`), beforeLines);
  // and the list does not show it
  await page.goto(`${URL}/sales/orders?customer=${ids.cw}`);
  assert.doesNotMatch(await page.textContent('main'), new RegExp(`E2E-W-${run}`));
  await ctx.close();
});

test('sales-orders: the statistics count the order in its month; the CSV export has the BOM and its lines; filters work', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'zhangwei');
  // expected: booked lines of booked orders of the test customer this month
  const exp = one(`SELECT SUM(l.amount) FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.customer_id = ${ids.cz} AND o.status = 'booked' AND l.status = 'booked' AND DATE_FORMAT(o.order_date, '%Y-%m') = '${month}'`)[0];
  const fmt = (s) => { const [i, f] = s.replace('-', '').split('.'); return (s.startsWith('-') ? '-' : '') + i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + '.' + f; };
  let resp = await page.goto(`${URL}/sales/stats?customer=${ids.cz}`);
  assert.equal(resp.status(), 200);
  const monthRow = page.locator('section.card').first().locator('tbody tr', { hasText: month });
  assert.match(await monthRow.textContent(), new RegExp(fmt(exp).replace(/[.,]/g, '\\$&')));
  assert.match(await page.textContent('.kpis'), new RegExp(fmt(exp).replace(/[.,]/g, '\\$&')));
  assert.ok(await page.locator('svg.chart rect.bar').count() > 0);
  // by rep: 60 % of the order to zhangwei, 40 % to lina
  assert.match(await page.textContent('main'), /60%/);
  await shot(page, 'sales-orders-stats-zh');

  // CSV: BOM, header, the order's lines with the split
  const r = await page.request.get(`${URL}/sales/orders.csv?customer=${ids.cz}`);
  assert.equal(r.status(), 200);
  assert.match(r.headers()['content-type'], /text\/csv; charset=utf-8/);
  assert.match(r.headers()['content-disposition'], /attachment; filename="orders.csv"/);
  const body = await r.body();
  assert.deepEqual([...body.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = body.subarray(3).toString('utf8');
  assert.match(text, /^order_id,line,date,rep,customer,product,product_type,region,channel,quantity,amount,cost,status,/);
  assert.match(text, new RegExp(`E2E-${run},1,${todayText},zhangwei:60\\|lina:40,e2e-cz-${run},e2e-oa-${run},hardware,east,direct,2,2222.21,1400.20,booked`));
  assert.match(text, new RegExp(`E2E-${run}-R1,1,${todayText},zhangwei:60\\|lina:40,.*,-1,-1111.11,-700.10,booked`));
  assert.doesNotMatch(text, new RegExp(`E2E-W-${run}`));

  // filters: status cancelled shows the cancelled order only
  resp = await page.goto(`${URL}/sales/orders?customer=${ids.cz}&status=cancelled`);
  let t = await page.textContent('main table.data tbody');
  assert.match(t, new RegExp(`E2E-C-${run}`));
  assert.doesNotMatch(t, new RegExp(`E2E-${run}\\b(?!-)`));
  resp = await page.goto(`${URL}/sales/orders?customer=${ids.cz}&rep=${ids.lina}`);
  t = await page.textContent('main table.data tbody');
  assert.match(t, new RegExp(`E2E-${run}`));
  assert.doesNotMatch(t, new RegExp(`E2E-C-${run}`));
  resp = await page.goto(`${URL}/sales/orders?customer=${ids.cz}&from=2000-01-01&to=2000-12-31`);
  assert.equal(await page.locator('main table.data tbody tr').count(), 0);
  // sorting by amount ascending puts the return (negative) first
  resp = await page.goto(`${URL}/sales/orders?customer=${ids.cz}&sort=amount&dir=asc`);
  assert.equal(resp.status(), 200);
  assert.equal(await page.getAttribute('th[aria-sort=ascending] a', 'href').then((h) => h.includes('sort=amount')), true);
  assert.match(await page.locator('main table.data tbody tr').first().locator('td.money').first().textContent(), /^-1,111\.11$/);
  await shot(page, 'sales-orders-list-zh');
  await ctx.close();
});

test('sales-orders: finance edits a line cost; a rep may not', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'sunli');
  let resp = await page.goto(`${URL}/sales/orders/${ids.order}/costs`);
  assert.equal(resp.status(), 200);
  await shot(page, 'sales-orders-costs-zh');
  const lid = one(`SELECT id FROM order_lines WHERE order_id = ${ids.order} AND line_no = 2`)[0];
  // a cost that is no amount is refused, named by its line
  await page.fill('input[name=cost_2]', '150,5');
  resp = await submit(page, 'main form button.btn.primary');
  assert.equal(resp.status(), 422);
  assert.equal(await page.inputValue('input[name=cost_2]'), '150,5');
  assert.deepEqual((await errorSummary(page)).map(([href, text]) => [href, text.split('：')[0]]), [['#cost_2', '行号 2 · 成本']]);
  assert.equal(one(`SELECT cost FROM order_lines WHERE id = ${lid}`)[0], '160.00', 'nothing written');
  await page.fill('input[name=cost_2]', '150.5');
  resp = await submit(page, 'main form button.btn.primary');
  assert.equal(resp.status(), 200);
  assert.equal(one(`SELECT cost FROM order_lines WHERE id = ${lid}`)[0], '150.50');
  assert.equal(one(`SELECT COUNT(*) FROM audit WHERE action = 'order_costs' AND entity_id = '${ids.order}'`)[0], '1');
  await ctx.close();
  const rctx = await newContext(browser, 'zh-CN');
  const rpage = await login(rctx, 'zhangwei');
  resp = await rpage.goto(`${URL}/sales/orders/${ids.order}/costs`);
  assert.equal(resp.status(), 403);
  await rctx.close();
});

test('sales-orders: every page in English has no untranslated labels', async () => {
  const ctx = await newContext(browser, 'en-US');
  const page = await login(ctx, 'zhangwei');
  // data values may be Chinese: people's and customers' names
  const names = [...sql('SELECT name FROM people').map((r) => r[0]),
    ...sql('SELECT name FROM customers').map((r) => r[0])];
  const allowed = ['提成 ticheng', /示例科技有限公司/, /订单测试客户/, /[\u4e00-\u9fff]{2,3}(, [\u4e00-\u9fff]{2,3})*$/, ...names,
    ...sql('SELECT name FROM customers').map((r) => r[0])];
  const pages = [
    ['/sales/orders', 'sales-orders-list-en'],
    [`/sales/orders/${ids.order}`, 'sales-orders-detail-en'],
    [`/sales/orders/${ids.ret}`, 'sales-orders-return-detail-en'],
    [`/sales/orders/${ids.order}/edit`, 'sales-orders-edit-en'],
    [`/sales/orders/${ids.order}/return`, 'sales-orders-return-en'],
    ['/sales/orders/new', 'sales-orders-new-en'],
    ['/sales/stats', 'sales-orders-stats-en'],
    [`/sales/orders/${ids.locked}/edit`, 'sales-orders-refused-en'],
  ];
  for (const [path, name] of pages) {
    const resp = await page.goto(`${URL}${path}`);
    assert.ok([200, 409].includes(resp.status()), path);
    const left = (await cjkTexts(page, allowed)).filter((t) => !names.some((n) => t.includes(n)));
    assert.deepEqual(left, [], `${path}: untranslated ${JSON.stringify(left)}`);
    await shot(page, name);
  }
  // an error in English names the line and the field
  await page.goto(`${URL}/sales/orders/new`);
  await page.selectOption('select[name=customer]', ids.cz);
  await page.selectOption('select[name=product_1]', ids.pa);
  await page.fill('input[name=qty_1]', '1,5');
  const resp = await submit(page);
  assert.equal(resp.status(), 422);
  assert.match((await errorSummary(page))[0][1], /^Line 1 · Quantity: /);
  await shot(page, 'sales-orders-qty-error-en');
  await ctx.close();
  // finance's cost page in English
  const fctx = await newContext(browser, 'en-US');
  const fpage = await login(fctx, 'sunli');
  await fpage.goto(`${URL}/sales/orders/${ids.order}/costs`);
  assert.deepEqual((await cjkTexts(fpage, allowed)).filter((t) => !names.some((n) => t.includes(n))), []);
  await shot(fpage, 'sales-orders-costs-en');
  await fctx.close();
});

test('sales-orders: an order from a won opportunity is prefilled and linked both ways', async () => {
  sql(`INSERT INTO opportunities (owner_id, customer_id, title, needs, amount, stage, expected_close)
    VALUES (${ids.zhangwei}, ${ids.cz}, 'E2E opp ${run}', '', 5000.00, 'won', '${todayText}')`);
  const opp = one(`SELECT id FROM opportunities WHERE title = 'E2E opp ${run}'`)[0];
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'zhangwei');
  let resp = await page.goto(`${URL}/sales/orders/new?opportunity=${opp}`);
  assert.equal(resp.status(), 200);
  assert.equal(await page.inputValue('select[name=customer]'), ids.cz);
  assert.equal(await page.locator('select[name=rep]').first().inputValue(), ids.zhangwei);
  assert.match(await page.inputValue('input[name=note]'), /5,000\.00/);
  await shot(page, 'sales-orders-from-opportunity-zh');
  await page.selectOption('select[name=product_1]', ids.pa);
  await page.fill('input[name=qty_1]', '4');
  resp = await submit(page);
  assert.equal(resp.status(), 200);
  const id = new globalThis.URL(page.url()).pathname.split('/').pop();
  assert.equal(one(`SELECT opportunity_id FROM orders WHERE id = ${id}`)[0], opp);
  assert.equal(one(`SELECT order_id FROM opportunities WHERE id = ${opp}`)[0], id);
  // someone else's opportunity: 404
  const wctx = await newContext(browser, 'zh-CN');
  const wpage = await login(wctx, 'wangqiang');
  resp = await wpage.goto(`${URL}/sales/orders/new?opportunity=${opp}`);
  assert.equal(resp.status(), 404);
  await wctx.close();
  await ctx.close();
});

test('sales-orders: the East manager sees the team\'s order, the North manager does not; management reads but cannot change', async () => {
  let ctx = await newContext(browser, 'zh-CN');
  let page = await login(ctx, 'chenjing');
  assert.equal((await page.goto(`${URL}/sales/orders/${ids.order}`)).status(), 200);
  assert.equal(await page.locator(`a[href="/sales/orders/${ids.order}/edit"]`).count(), 1);
  await ctx.close();
  ctx = await newContext(browser, 'zh-CN');
  page = await login(ctx, 'yangfan');
  assert.equal((await page.goto(`${URL}/sales/orders/${ids.order}`)).status(), 404);
  await ctx.close();
  ctx = await newContext(browser, 'zh-CN');
  page = await login(ctx, 'wujun');
  assert.equal((await page.goto(`${URL}/sales/orders/${ids.order}`)).status(), 200);
  assert.equal(await page.locator(`a[href="/sales/orders/${ids.order}/edit"]`).count(), 0);
  assert.equal((await page.goto(`${URL}/sales/orders/${ids.order}/edit`)).status(), 403);
  await page.goto(`${URL}/sales/orders`);
  const csrf = await page.locator('input[name=csrf]').first().getAttribute('value');
  assert.ok(csrf);
  const r = await page.request.post(`${URL}/sales/orders/${ids.order}/cancel`, { form: { csrf } });
  assert.equal(r.status(), 403);
  assert.equal(one(`SELECT status FROM orders WHERE id = ${ids.order}`)[0], 'booked');
  await ctx.close();
});
