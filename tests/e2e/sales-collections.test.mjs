// Collections (回款) and the CSV imports of orders and payments: what a
// manager, finance and a rep see and may do (the demo data's facts are in
// demo-data.test.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { URL, TOP, STATE, launch, newContext, login, shot, sql, cjkTexts, errorSummary, fieldError, businessDate } from './lib.mjs';

const RUN = Date.now().toString(36).toUpperCase();
const CUST = `T4C${RUN}`;
const PROD = `T4P${RUN}`;
const TODAY = businessDate();
const NO = (s) => `T4-${RUN}-${s}`;

let browser;

// A data file of tests/e2e/data with this run's codes filled in.
function dataFile(name) {
  return readFileSync(join(TOP, 'tests/e2e/data', name), 'utf8')
    .replaceAll('{RUN}', RUN).replaceAll('{CUST}', CUST)
    .replaceAll('{PROD}', PROD).replaceAll('{DATE}', TODAY);
}

const one = (q) => sql(q)[0]?.[0];
const q = (s) => `'${s.replaceAll("'", "''")}'`;

before(async () => {
  browser = await launch();
  // This run's own customer (owned by zhangwei, East, direct) and product.
  sql(`INSERT INTO customers (code, name, region_id, industry, channel_id, owner_id)
       SELECT ${q(CUST)}, ${q(`测试回款客户 ${RUN}`)}, r.id, 'test', c.id, p.id
       FROM regions r, channels c, people p
       WHERE r.code = 'east' AND c.code = 'direct' AND p.login = 'zhangwei'`);
  sql(`INSERT INTO products (code, name_zh, name_en, product_type_id, list_price, standard_cost)
       SELECT ${q(PROD)}, '测试产品', 'Test product', MIN(id), 10000.00, 6000.00 FROM product_types`);
});
after(async () => { await browser?.close(); });

// Uploads CSV text through the form at path; returns [status, page].
async function upload(page, path, name, text) {
  await page.goto(`${URL}${path}`);
  await page.setInputFiles('input[name=file]', { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  const [resp] = await Promise.all([page.waitForNavigation(), page.click('form[enctype] button[type=submit]')]);
  return resp.status();
}

async function orderId(no) {
  return one(`SELECT id FROM orders WHERE order_no = ${q(no)}`);
}

test('a manager imports a good orders file: orders and lines in the database, a summary, visible in the list', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'chenjing');
  // The import is reached from the orders list.
  await page.goto(`${URL}/sales/orders`);
  await Promise.all([page.waitForURL(/\/sales\/import$/), page.click('.page-head a[href="/sales/import"]')]);
  const before = Number(one('SELECT COUNT(*) FROM orders'));
  const status = await upload(page, '/sales/import', 'orders.csv', dataFile('sales-import-orders-good.csv'));
  assert.equal(status, 200, await page.textContent('main'));
  assert.equal(Number(one('SELECT COUNT(*) FROM orders')), before + 3);
  assert.equal(await page.textContent('#done-orders'), '3');
  assert.equal(await page.textContent('#done-lines'), '4');
  const a = sql(`SELECT o.status, COUNT(l.id), SUM(l.amount), SUM(l.cost) FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.order_no = ${q(NO('A'))} GROUP BY o.id`);
  // line 1: 2 x standard cost 6000 = 12000 by default; line 2: cost given
  assert.deepEqual(a, [['booked', '2', '25000.50', '15000.00']]);
  assert.deepEqual(sql(`SELECT p.login, r.share FROM order_reps r JOIN people p ON p.id = r.person_id JOIN orders o ON o.id = r.order_id WHERE o.order_no = ${q(NO('B'))} ORDER BY r.share DESC`),
    [['zhangwei', '60.0000'], ['lina', '40.0000']]);
  assert.deepEqual(sql(`SELECT rg.code, ch.code FROM orders o JOIN regions rg ON rg.id = o.region_id JOIN channels ch ON ch.id = o.channel_id WHERE o.order_no = ${q(NO('B'))}`), [['east', 'online']]);
  assert.equal(one(`SELECT status FROM orders WHERE order_no = ${q(NO('C'))}`), 'cancelled');
  assert.equal(Number(one(`SELECT COUNT(*) FROM audit WHERE action = 'order_import' AND actor = 'chenjing'`)) >= 1, true);
  assert.equal(Number(one(`SELECT COUNT(*) FROM audit WHERE action = 'order_create' AND detail LIKE ${q(`%${NO('')}%`)}`)), 3);
  await shot(page, 'sales-import-done-zh');
  // the imported order is in the orders list
  const list = await page.goto(`${URL}/sales/orders?q=${encodeURIComponent(NO('A'))}&order=${encodeURIComponent(NO('A'))}`);
  assert.equal(list.status(), 200);
  const view = await page.goto(`${URL}/sales/orders/${await orderId(NO('A'))}`);
  assert.equal(view.status(), 200);
  assert.match(await page.textContent('main'), new RegExp(NO('A')));
  await ctx.close();
});

test('an orders file with three bad rows imports nothing and names all three lines', async () => {
  const ctx = await newContext(browser, 'en-US');
  const page = await login(ctx, 'zhangwei');
  const before = [one('SELECT COUNT(*) FROM orders'), one('SELECT COUNT(*) FROM order_lines'), one('SELECT COUNT(*) FROM order_reps')];
  const status = await upload(page, '/sales/import', 'bad.csv', dataFile('sales-import-orders-bad.csv'));
  assert.equal(status, 422);
  assert.deepEqual([one('SELECT COUNT(*) FROM orders'), one('SELECT COUNT(*) FROM order_lines'), one('SELECT COUNT(*) FROM order_reps')], before);
  assert.equal(one(`SELECT COUNT(*) FROM orders WHERE order_no LIKE ${q(`T4-${RUN}-%`)} AND order_no NOT IN (${q(NO('A'))}, ${q(NO('B'))}, ${q(NO('C'))})`), '0');
  const rows = await page.$$eval('#import-errors tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
  assert.deepEqual(rows.map((r) => [r[0], r[1]]), [['3', 'product'], ['5', 'date'], ['6', 'rep']]);
  assert.match(rows[0][2], /Unknown product code/);
  assert.match(await page.textContent('#import-report'), /3 bad rows/);
  // the upload form says it the way every form does: the file is named
  assert.match(await fieldError(page, 'file'), /^3 bad rows: nothing was written/);
  assert.deepEqual((await errorSummary(page)).map(([href]) => href), ['#file']);
  await shot(page, 'sales-import-bad-en');
  await ctx.close();
});

test('a rep cannot import orders crediting a rep outside their scope, nor an order number twice', async () => {
  const ctx = await newContext(browser, 'en-US');
  const page = await login(ctx, 'zhangwei');
  const text = 'order_id,date,rep,customer,product,quantity,amount\n' +
    `${NO('Q')},${TODAY},wangqiang,${CUST},${PROD},1,10\n` +
    `${NO('A')},${TODAY},zhangwei,${CUST},${PROD},1,10\n` +
    `${NO('R')},${TODAY},nobody-${RUN},${CUST},${PROD},1,10\n`;
  assert.equal(await upload(page, '/sales/import', 'o.csv', text), 422);
  const rows = await page.$$eval('#import-errors tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
  assert.deepEqual(rows.map((r) => [r[0], r[1]]), [['2', 'rep'], ['3', 'order_id'], ['4', 'rep']]);
  assert.equal(one(`SELECT COUNT(*) FROM orders WHERE order_no IN (${q(NO('Q'))}, ${q(NO('R'))})`), '0');
  await ctx.close();
});

// Issue 10, control hole 1: the import booked orders the order form
// refuses.  It now goes through the form's own function.
test('the orders import applies the order form\'s rules: another rep\'s customer is refused, and admin may not import', async () => {
  const WCUST = `T4W${RUN}`;
  sql(`INSERT INTO customers (code, name, region_id, industry, channel_id, owner_id)
       SELECT ${q(WCUST)}, ${q(`王强的客户 ${RUN}`)}, r.id, 'test', c.id, p.id
       FROM regions r, channels c, people p
       WHERE r.code = 'north' AND c.code = 'direct' AND p.login = 'wangqiang'`);
  const wid = one(`SELECT id FROM customers WHERE code = ${q(WCUST)}`);
  const before = [one('SELECT COUNT(*) FROM orders'), one('SELECT COUNT(*) FROM order_lines'), one('SELECT COUNT(*) FROM order_reps')];
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'zhangwei');
  // zhangwei may not see that customer, nor pick it in the order form
  assert.equal((await page.goto(`${URL}/sales/customers/${wid}`)).status(), 404);
  await page.goto(`${URL}/sales/orders/new`);
  assert.equal(await page.locator(`select[name=customer] option[value="${wid}"]`).count(), 0);
  // an order of his own on it, in a file: refused on that line, nothing written
  const text = 'order_id,date,rep,customer,product,quantity,amount\n' +
    `${NO('W1')},${TODAY},zhangwei,${WCUST},${PROD},1,10\n` +
    `${NO('W2')},${TODAY},zhangwei,${CUST},${PROD},1,10\n`;
  assert.equal(await upload(page, '/sales/import', 'w.csv', text), 422);
  const rows = await page.$$eval('#import-errors tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
  assert.deepEqual(rows.map((r) => [r[0], r[1], r[3]]), [['2', 'customer', WCUST]]);
  assert.match(rows[0][2], /名下的客户/);
  assert.deepEqual([one('SELECT COUNT(*) FROM orders'), one('SELECT COUNT(*) FROM order_lines'), one('SELECT COUNT(*) FROM order_reps')], before,
    'nothing written, not even the good order of the same file');
  // and the customer did not come into his picker
  await page.goto(`${URL}/sales/orders/new`);
  assert.equal(await page.locator(`select[name=customer] option[value="${wid}"]`).count(), 0);
  await ctx.close();

  // admin reads sales data but books no order: the form says 403, so does the import
  const actx = await newContext(browser, 'zh-CN');
  const apage = await login(actx, 'admin');
  assert.equal((await apage.goto(`${URL}/sales/orders/new`)).status(), 403);
  assert.equal((await apage.goto(`${URL}/sales/import`)).status(), 403);
  await apage.goto(`${URL}/sales/orders`);
  assert.equal(await apage.locator('a[href="/sales/import"]').count(), 0);
  const csrf = await apage.locator('input[name=csrf]').first().getAttribute('value');
  const r = await apage.request.post(`${URL}/sales/import`, { multipart: { csrf,
    file: { name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.from(`order_id,date,rep,customer,product,quantity,amount\n${NO('AD')},${TODAY},zhangwei,${CUST},${PROD},1,10\n`) } } });
  assert.equal(r.status(), 403);
  assert.equal(one(`SELECT COUNT(*) FROM orders WHERE order_no = ${q(NO('AD'))}`), '0');
  await actx.close();
});

test('finance records a partial payment and a refund; collected and outstanding are shown', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'sunli');
  const id = await orderId(NO('A'));
  for (const [amount, ref] of [['10000', `BANK-${RUN}`], ['-500.50', `REFUND-${RUN}`]]) {
    await page.goto(`${URL}/sales/collections/new?order=${NO('A')}`);
    assert.equal(await page.inputValue('input[name=order]'), NO('A'));
    await page.fill('input[name=amount]', amount);
    await page.fill('input[name=reference]', ref);
    await Promise.all([page.waitForNavigation(), page.click('form.form button[type=submit]')]);
    assert.match(page.url(), new RegExp(`/sales/collections/order/${id}\\?done=created`));
  }
  assert.deepEqual(sql(`SELECT amount, reference, payment_date = CURDATE() FROM payments WHERE order_id = ${id} ORDER BY id`),
    [['10000.00', `BANK-${RUN}`, '1'], ['-500.50', `REFUND-${RUN}`, '1']]);
  assert.equal(await page.textContent('#collected'), '9,499.50');
  assert.equal(await page.textContent('#outstanding'), '15,501.00');
  assert.equal(Number(one(`SELECT COUNT(*) FROM audit WHERE actor = 'sunli' AND entity = 'payment' AND action IN ('payment_create', 'payment_refund') AND detail LIKE ${q(`%${NO('A')}%`)}`)), 2);
  await shot(page, 'sales-collections-order-zh');
  // the receivables list shows the order with its outstanding amount
  await page.goto(`${URL}/sales/collections/open?order=${NO('A')}`);
  assert.match(await page.textContent('#receivables tbody'), /15,501\.00/);
  await shot(page, 'sales-collections-open-zh');
  await page.goto(`${URL}/sales/collections?order=${NO('A')}`);
  assert.equal(await page.locator('#payments tbody tr').count(), 2);
  await shot(page, 'sales-collections-list-zh');
  await ctx.close();
});

test('a payment on a cancelled order, of zero, on an unknown order, or before its order is refused next to the field', async () => {
  const ctx = await newContext(browser, 'en-US');
  const page = await login(ctx, 'zhouhang');
  const before = one('SELECT COUNT(*) FROM payments');
  for (const [order, amount, date, field, msg] of [[NO('C'), '100', '', 'order', /cancelled/], [NO('A'), '0', '', 'amount', /cannot be 0/],
    [`NOPE-${RUN}`, '5', '', 'order', /No order/], [NO('A'), '5', '2000-01-03', 'date', /before its order/]]) {
    await page.goto(`${URL}/sales/collections/new`);
    await page.fill('input[name=order]', order);
    await page.fill('input[name=amount]', amount);
    if (date) await page.fill('input[name=date]', date);
    const [resp] = await Promise.all([page.waitForNavigation(), page.click('form.form button[type=submit]')]);
    assert.equal(resp.status(), 422);
    assert.match(await fieldError(page, field), msg);
    assert.deepEqual((await errorSummary(page)).map(([href]) => href), [`#${field}`]);
    assert.equal(await page.inputValue('input[name=order]'), order);
    assert.equal(await page.inputValue('input[name=amount]'), amount);
  }
  assert.equal(one('SELECT COUNT(*) FROM payments'), before);
  await shot(page, 'sales-collections-new-error-en');
  await ctx.close();
});

test('payments CSV: a bad file writes nothing and names every bad row', async () => {
  const ctx = await newContext(browser, 'en-US');
  const page = await login(ctx, 'sunli');
  const before = one('SELECT COUNT(*) FROM payments');
  const text = 'payment_id,order_id,date,amount\n' +
    `P-${RUN}-1,${NO('B')},${TODAY},100\n` +
    `P-${RUN}-2,${NO('C')},${TODAY},100\n` +
    `P-${RUN}-3,NOPE-${RUN},${TODAY},100\n` +
    `P-${RUN}-1,${NO('B')},${TODAY},50\n`;
  assert.equal(await upload(page, '/sales/collections/import', 'payments.csv', text), 422);
  assert.equal(one('SELECT COUNT(*) FROM payments'), before);
  const rows = await page.$$eval('#import-errors tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
  assert.deepEqual(rows.map((r) => [r[0], r[1]]), [['3', 'order_id'], ['4', 'order_id'], ['5', 'payment_id']]);
  assert.match(rows[0][2], /cancelled/);
  await shot(page, 'sales-collections-import-bad-en');
  await ctx.close();
});

test('payments CSV: a good file is imported, an over-payment accepted with a warning naming the order', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'sunli');
  const text = '\uFEFFpayment_id,order_id,date,amount,reference\r\n' +
    `P-${RUN}-1,${NO('B')},${TODAY},5000,"银行回单, 第 1 笔"\r\n` +
    `P-${RUN}-2,${NO('B')},${TODAY},4500.00,\r\n` +
    `P-${RUN}-3,${NO('A')},${TODAY},1.00,\r\n`;
  assert.equal(await upload(page, '/sales/collections/import', 'payments.csv', text), 200);
  assert.equal(one(`SELECT COUNT(*) FROM payments WHERE payment_no LIKE ${q(`P-${RUN}-%`)}`), '3');
  assert.equal(one(`SELECT SUM(amount) FROM payments WHERE order_id = ${await orderId(NO('B'))}`), '9500.00');
  assert.equal(one(`SELECT reference FROM payments WHERE payment_no = ${q(`P-${RUN}-1`)}`), '银行回单, 第 1 笔');
  const warning = await page.textContent('#over-warning');
  assert.match(warning, new RegExp(NO('B')));
  assert.doesNotMatch(warning, new RegExp(NO('A')));
  assert.equal(Number(one(`SELECT COUNT(*) FROM audit WHERE action = 'payment_import' AND actor = 'sunli'`)) >= 1, true);
  await shot(page, 'sales-collections-import-done-zh');
  // a second import of the same file: duplicates, nothing written
  assert.equal(await upload(page, '/sales/collections/import', 'payments.csv', text), 422);
  assert.equal(one(`SELECT COUNT(*) FROM payments WHERE payment_no LIKE ${q(`P-${RUN}-%`)}`), '3');
  await ctx.close();
});

test('a rep sees the collection status of their own order, 404 on another rep\'s, 403 on recording', async () => {
  const ctx = await newContext(browser, 'en-US');
  const page = await login(ctx, 'lina');
  const own = await orderId(NO('B'));     // lina holds 40 %
  let resp = await page.goto(`${URL}/sales/collections/order/${own}`);
  assert.equal(resp.status(), 200);
  assert.match(await page.textContent('#collected'), /9,500\.00/);
  assert.equal(await page.locator('a[href^="/sales/collections/new"]').count(), 0);
  await shot(page, 'sales-collections-order-rep-en');
  const other = one(`SELECT o.id FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_reps r JOIN people p ON p.id = r.person_id WHERE r.order_id = o.id AND p.login = 'lina') LIMIT 1`);
  resp = await page.goto(`${URL}/sales/collections/order/${other}`);
  assert.equal(resp.status(), 404);
  resp = await page.goto(`${URL}/sales/collections/new`);
  assert.equal(resp.status(), 403);
  resp = await page.goto(`${URL}/sales/collections/import`);
  assert.equal(resp.status(), 403);
  // the rep's receivables hold only orders they are credited on
  resp = await page.goto(`${URL}/sales/collections/open?state=all&order=${RUN}`);
  assert.equal(resp.status(), 200);
  const nos = await page.$$eval('#receivables tbody tr td:first-child a', (as) => as.map((a) => a.textContent.trim()));
  assert.deepEqual(nos, [NO('B')]);
  await ctx.close();
});

test('the receivables list shows each order once, even one credited to several reps', async () => {
  const ctx = await newContext(browser, 'en-US');
  const page = await login(ctx, 'zhouhang');
  for (const path of ['/sales/collections/open', '/sales/collections/open?state=all&sort=date&dir=desc', '/sales/collections/open?state=paid']) {
    assert.equal((await page.goto(`${URL}${path}`)).status(), 200);
    const nos = await page.$$eval('#receivables tbody tr td:first-child a', (as) => as.map((a) => a.textContent.trim()));
    assert.ok(nos.length > 0, path);
    assert.equal(new Set(nos).size, nos.length, `duplicates on ${path}`);
  }
  await ctx.close();
});

test('every page in English shows no untranslated label; screenshots in both languages', async () => {
  // Data shown in Chinese (names of customers, people, products, demo
  // payment references) is allowed; labels are not.
  const names = [...sql('SELECT name FROM customers'), ...sql('SELECT name FROM people'),
    ...sql('SELECT name_zh FROM products'), ...sql('SELECT name_zh FROM regions'),
    ...sql("SELECT DISTINCT reference FROM payments WHERE reference <> ''")].map((r) => r[0])
    .filter((n) => /[\u4e00-\u9fff]/.test(n)).sort((a, b) => b.length - a.length);
  // the company's name comes from the configuration
  const company = readFileSync(process.env.TICHENG_CONF ?? join(STATE, 'ticheng.conf'), 'utf8').match(/^company\s*=\s*(.*)$/m)?.[1];
  if (company) names.push(company);
  const leftover = (t) => names.reduce((s, n) => s.replaceAll(n, ''), t)
    .replace(/(提成|中文)/g, '');
  const id = await orderId(NO('A'));
  const pages = [
    ['sunli', '/sales/collections', 'list'],
    ['sunli', '/sales/collections/open', 'open'],
    ['sunli', `/sales/collections/order/${id}`, 'order'],
    ['sunli', '/sales/collections/new', 'new'],
    ['sunli', '/sales/collections/import', 'import'],
    ['chenjing', '/sales/import', 'import-orders'],
    ['zhangwei', '/sales/collections/open?state=all', 'open-rep'],
  ];
  for (const locale of ['en-US', 'zh-CN']) {
    const ctxs = {};
    for (const [user, path, name] of pages) {
      ctxs[user] ??= await login(await newContext(browser, locale), user);
      const page = ctxs[user];
      const resp = await page.goto(`${URL}${path}`);
      assert.equal(resp.status(), 200, `${path} as ${user}`);
      if (locale === 'en-US') {
        const bad = (await cjkTexts(page)).filter((t) => /[\u4e00-\u9fff]/.test(leftover(t)));
        assert.deepEqual(bad, [], `untranslated on ${path}`);
      }
      await shot(page, `sales-collections-${name}-${locale.slice(0, 2)}`);
    }
    for (const p of Object.values(ctxs)) await p.context().close();
  }
});
