// Exports through the core (CSV streamed, spreadsheet-safe, with a BOM;
// XLSX read back with openpyxl): the orders list and the statistics
// export the rows their filters show, numbers stay numbers, a formula in
// a customer's name stays text, the sums match the pages, and nobody
// exports rows out of their scope.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { URL, STATE, TOP, launch, newContext, login, sql } from './lib.mjs';

const RUN = Date.now().toString(36).toUpperCase();
const NAME = `=HYPERLINK("http://example.invalid/${"long".repeat(12)}","点我 ${RUN}")`; // longer than a first read buffer
const CODE = `-x${RUN}`;      // a code a spreadsheet would read as a formula
const NO = (s) => `X4-${RUN}-${s}`;
const one = (q) => sql(q)[0]?.[0];
const q = (s) => `'${s.replaceAll("'", "''")}'`;
let browser;
const ids = {};

// RFC 4180 records of text (no BOM), as arrays of fields.
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', i = 0, quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    field += c; i++;
  }
  assert.equal(field, '', 'the file ends with CRLF');
  return rows;
}

// Cells of an .xlsx as openpyxl reads them: { A1: {t, fmt, v} }, plus
// the sheet's title, frozen cell and filter.
function readXlsx(buf, name) {
  const path = join(STATE, `${name}-${RUN}.xlsx`);
  writeFileSync(path, buf);
  const out = execFileSync('/usr/bin/python3', [join(TOP, 'tests/unit/read-xlsx.py'), path], { encoding: 'utf8' });
  const book = { cells: {}, rows: 0 };
  for (const line of out.split('\n')) {
    const m = line.match(/^cell ([A-Z]+)(\d+) (\S+) (\S+) (.*)$/);
    if (m) {
      book.cells[m[1] + m[2]] = { t: m[3], fmt: m[4], v: m[5] };
      book.rows = Math.max(book.rows, Number(m[2]));
    } else if (line.startsWith('sheet ')) book.sheet = line.slice(6);
    else if (line.startsWith('freeze ')) book.freeze = line.slice(7);
    else if (line.startsWith('filter ')) book.filter = line.slice(7);
  }
  return book;
}

const col = (i) => String.fromCharCode(65 + i);
const fen = (s) => { const neg = s.startsWith('-'); const [a, b = ''] = s.replace(/^-/, '').replaceAll(',', '').split('.'); const v = Number(a) * 100 + Number((b + '00').slice(0, 2)); return neg ? -v : v; };

before(async () => {
  browser = await launch();
  const person = (login) => one(`SELECT id FROM people WHERE login = '${login}'`);
  ids.zw = person('zhangwei');
  ids.ln = person('lina');
  sql(`INSERT INTO customers (code, name, region_id, channel_id, owner_id)
       SELECT ${q(CODE)}, ${q(NAME)}, r.id, c.id, ${ids.zw} FROM regions r, channels c
       WHERE r.code = 'east' AND c.code = 'direct'`);
  ids.cust = one(`SELECT id FROM customers WHERE code = ${q(CODE)}`);
  sql(`INSERT INTO products (code, name_zh, name_en, product_type_id, list_price, standard_cost)
       SELECT ${q(`x4p-${RUN}`)}, '导出测试产品', 'Export test product', MIN(id), 1000.00, 400.00 FROM product_types`);
  ids.prod = one(`SELECT id FROM products WHERE code = ${q(`x4p-${RUN}`)}`);
  const order = (no, date, status, original) => {
    sql(`INSERT INTO orders (order_no, customer_id, order_date, region_id, channel_id, status, original_order_id, created_by)
         SELECT ${q(no)}, c.id, '${date}', c.region_id, c.channel_id, '${status}', ${original ?? 'NULL'}, ${ids.zw}
         FROM customers c WHERE c.id = ${ids.cust}`);
    return one(`SELECT id FROM orders WHERE order_no = ${q(no)}`);
  };
  const line = (o, n, qty, price, disc, amount, cost, status = 'booked') => sql(
    `INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price, discount, amount, cost, status)
     VALUES (${o}, ${n}, ${ids.prod}, ${qty}, ${price}, ${disc}, ${amount}, ${cost}, '${status}')`);
  const reps = (o, list) => { for (const [p, s] of list) sql(`INSERT INTO order_reps (order_id, person_id, share) VALUES (${o}, ${p}, ${s})`); };
  ids.a = order(NO('A'), '2026-01-15', 'booked');
  line(ids.a, 1, 2, 1000.00, 10, 1800.00, 800.00);
  line(ids.a, 2, 0.125, 99.99, 0, 12.50, 5.00);
  reps(ids.a, [[ids.zw, 60], [ids.ln, 40]]);
  ids.r = order(NO('A-R1'), '2026-02-03', 'booked', ids.a);
  line(ids.r, 1, -0.04, 1000.00, 0, -80.00, -32.00);
  reps(ids.r, [[ids.zw, 60], [ids.ln, 40]]);
  ids.c = order(NO('C'), '2026-01-20', 'cancelled');
  line(ids.c, 1, 1, 1000.00, 0, 1000.00, 400.00, 'cancelled');
  reps(ids.c, [[ids.zw, 100]]);
});
after(async () => { await browser?.close(); });

const HEADER = ['order_id', 'line', 'date', 'rep', 'customer', 'product', 'product_type', 'region', 'channel',
  'quantity', 'amount', 'cost', 'status', 'customer_name', 'product_name', 'rep_names', 'original_order_id',
  'unit_price', 'discount'];

test('orders: the CSV and the XLSX hold the rows the list shows; numbers are numbers, formulas are text, the sums match', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'zhangwei');
  let resp = await page.goto(`${URL}/sales/orders?customer=${ids.cust}`);
  assert.equal(resp.status(), 200);
  const kpi = fen((await page.textContent('.kpis .kpi:nth-child(2) .kpi-value')).trim());
  assert.equal(kpi, 180000 + 1250 - 8000);   // booked lines of booked orders

  // CSV: the link keeps the filter; BOM, the spec's header, one row a line
  const csvHref = await page.getAttribute('a[href^="/sales/orders.csv"]', 'href');
  assert.match(csvHref, new RegExp(`customer=${ids.cust}`));
  resp = await page.request.get(`${URL}${csvHref}`);
  assert.equal(resp.status(), 200);
  assert.match(resp.headers()['content-type'], /^text\/csv; charset=utf-8/);
  assert.match(resp.headers()['content-disposition'], /attachment; filename="orders.csv"/);
  const body = await resp.body();
  assert.deepEqual([...body.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const rows = parseCsv(body.subarray(3).toString('utf8'));
  assert.deepEqual(rows[0], HEADER);
  const data = rows.slice(1);
  assert.deepEqual(data.map((r) => `${r[0]}/${r[1]}`), [`${NO('A')}/1`, `${NO('A')}/2`, `${NO('C')}/1`, `${NO('A-R1')}/1`]);
  const c = Object.fromEntries(HEADER.map((h, i) => [h, i]));
  // numbers as numbers, the return's minus sign included
  assert.deepEqual(data.map((r) => [r[c.quantity], r[c.amount], r[c.cost], r[c.discount]]),
    [['2', '1800.00', '800.00', '10'], ['0.125', '12.50', '5.00', '0'], ['1', '1000.00', '400.00', '0'], ['-0.04', '-80.00', '-32.00', '0']]);
  // text a spreadsheet would run is defused; the split reads as the import wants it
  assert.equal(data[0][c.customer_name], `'${NAME}`);
  assert.equal(data[0][c.customer], `'${CODE}`);
  assert.equal(data[0][c.rep], 'zhangwei:60|lina:40');
  assert.equal(data[3][c.original_order_id], NO('A'));
  assert.equal(data[2][c.status], 'cancelled');
  const csvSum = data.filter((r) => r[c.status] === 'booked').reduce((s, r) => s + fen(r[c.amount]), 0);
  assert.equal(csvSum, kpi);

  // XLSX: same rows, typed cells, Chinese headers, frozen header
  const xlsxHref = await page.getAttribute('a[href^="/sales/orders.xlsx"]', 'href');
  assert.equal(xlsxHref, csvHref.replace('/sales/orders.csv', '/sales/orders.xlsx'));
  resp = await page.request.get(`${URL}${xlsxHref}`);
  assert.equal(resp.status(), 200);
  assert.equal(resp.headers()['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.match(resp.headers()['content-disposition'], /attachment; filename="orders.xlsx"/);
  const book = readXlsx(await resp.body(), 'orders-zh');
  assert.equal(book.sheet, '订单管理');
  assert.equal(book.freeze, 'A2');
  assert.equal(book.filter, `A1:S${data.length + 1}`);
  assert.equal(book.rows, data.length + 1);
  assert.equal(book.cells.A1.v, '订单号');
  assert.equal(book.cells[`${col(c.amount)}1`].v, '金额');
  for (let i = 0; i < data.length; i++) {
    const r = i + 2, cell = (name) => book.cells[`${col(c[name])}${r}`];
    assert.equal(cell('order_id').v, data[i][c.order_id]);
    assert.deepEqual([cell('amount').t, cell('amount').fmt], ['n', '#,##0.00']);
    assert.equal(Math.round(Number(cell('amount').v) * 100), fen(data[i][c.amount]));
    assert.equal(Number(cell('quantity').v), Number(data[i][c.quantity]));
    assert.equal(cell('quantity').t, 'n');
    assert.equal(cell('line').t, 'n');
    assert.deepEqual([cell('date').t, cell('date').fmt], ['d', 'yyyy-mm-dd']);
    assert.equal(cell('date').v, data[i][c.date]);
    assert.deepEqual([cell('discount').t, cell('discount').fmt], ['n', '0.00%']);
    assert.equal(Number(cell('discount').v) * 100, Number(data[i][c.discount]));
    // a string cell: never a formula, and not prefixed either
    assert.deepEqual([cell('customer_name').t, cell('customer_name').v], ['s', NAME]);
    assert.equal(cell('customer').v, CODE);
  }
  const xlsxSum = data.reduce((s, r, i) => s + (r[c.status] === 'booked' ? Math.round(Number(book.cells[`${col(c.amount)}${i + 2}`].v) * 100) : 0), 0);
  assert.equal(xlsxSum, kpi);
  await ctx.close();
});

test('orders: the XLSX speaks the reader\'s language; another team\'s rep exports none of these rows', async () => {
  let ctx = await newContext(browser, 'en-US');
  let page = await login(ctx, 'lina');
  // what the browser asks for, as a click on the link would
  let resp = await page.request.get(`${URL}/sales/orders.xlsx?customer=${ids.cust}`, { headers: { 'Accept-Language': 'en-US,en' } });
  assert.equal(resp.status(), 200);
  let book = readXlsx(await resp.body(), 'orders-en');
  assert.equal(book.sheet, 'Orders');
  assert.equal(book.cells.A1.v, 'Order no.');
  assert.equal(book.rows, 1 + 3);          // lina holds a share of A and its return only
  await ctx.close();

  ctx = await newContext(browser, 'zh-CN');
  page = await login(ctx, 'wangqiang');
  resp = await page.request.get(`${URL}/sales/orders.csv?customer=${ids.cust}`);
  assert.equal(resp.status(), 200);
  const rows = parseCsv((await resp.body()).subarray(3).toString('utf8'));
  assert.deepEqual(rows, [HEADER]);
  resp = await page.request.get(`${URL}/sales/orders.xlsx?customer=${ids.cust}`);
  book = readXlsx(await resp.body(), 'orders-none');
  assert.equal(book.rows, 1);
  await ctx.close();
});

test('orders: a signed-out request for an export is sent to sign in, not given rows', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  for (const path of ['/sales/orders.csv', '/sales/orders.xlsx']) {
    const resp = await ctx.request.get(`${URL}${path}`, { maxRedirects: 0 });
    assert.ok([302, 303].includes(resp.status()), `${path}: ${resp.status()}`);
    assert.match(resp.headers().location, /\/login/);
  }
  await ctx.close();
});

test('statistics: the CSV and the XLSX hold every table of the page, with its filters; the sums match the KPIs', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'zhangwei');
  const filter = `customer=${ids.cust}&from=2026-01-01&to=2026-02-28`;
  let resp = await page.goto(`${URL}/sales/stats?${filter}`);
  assert.equal(resp.status(), 200);
  const kpi = fen((await page.textContent('.kpis .kpi:nth-child(1) .kpi-value')).trim());
  assert.equal(kpi, 180000 + 1250 - 8000);
  const csvHref = await page.getAttribute('a[href^="/sales/stats.csv"]', 'href');
  for (const part of filter.split('&')) assert.ok(csvHref.includes(part), `${csvHref} keeps ${part}`);
  resp = await page.request.get(`${URL}${csvHref}`);
  assert.equal(resp.status(), 200);
  assert.match(resp.headers()['content-disposition'], /attachment; filename="sales-statistics.csv"/);
  const body = await resp.body();
  assert.deepEqual([...body.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const rows = parseCsv(body.subarray(3).toString('utf8'));
  assert.deepEqual(rows[0], ['dimension', 'name', 'amount', 'margin', 'margin_pct', 'orders']);
  const of = (dim) => rows.slice(1).filter((r) => r[0] === dim);
  // the months of the period, as the page's table shows them
  assert.deepEqual(of('月份'), [
    ['月份', '2026-01', '1812.50', '1007.50', '55.5862', '1'],
    ['月份', '2026-02', '-80.00', '-48.00', '60', '1'],
  ]);
  const pageMonths = await page.$$eval('section.stats-months tbody tr', (trs) => trs.map((tr) => [...tr.children].slice(0, 3).map((c) => c.textContent)));
  assert.deepEqual(pageMonths, [['2026-01', '1,812.50', '1,007.50'], ['2026-02', '-80.00', '-48.00']]);
  // credit by share: 60 % to zhangwei, 40 % to lina, adding up to the KPI
  const reps = of('销售代表');
  assert.deepEqual(reps.map((r) => [r[1], r[2]]), [['张伟', '1039.50'], ['李娜', '693.00']]);
  for (const dim of ['月份', '销售代表', '团队', '产品类型', '区域', '渠道']) {
    assert.equal(of(dim).reduce((s, r) => s + fen(r[2]), 0), kpi, `${dim} adds up to the KPI`);
  }

  // XLSX: the same rows, as numbers
  const xlsxHref = await page.getAttribute('a[href^="/sales/stats.xlsx"]', 'href');
  assert.equal(xlsxHref, csvHref.replace('/sales/stats.csv', '/sales/stats.xlsx'));
  resp = await page.request.get(`${URL}${xlsxHref}`);
  assert.equal(resp.status(), 200);
  const book = readXlsx(await resp.body(), 'stats-zh');
  assert.equal(book.sheet, '销售统计');
  assert.equal(book.rows, rows.length);
  assert.deepEqual(['A1', 'B1', 'C1', 'D1', 'E1', 'F1'].map((c) => book.cells[c].v), ['维度', '名称', '金额', '毛利', '毛利率', '订单数']);
  for (let i = 1; i < rows.length; i++) {
    const r = i + 1;
    assert.equal(book.cells[`A${r}`].v, rows[i][0]);
    assert.equal(book.cells[`B${r}`].v, rows[i][1]);
    assert.deepEqual([book.cells[`C${r}`].t, book.cells[`C${r}`].fmt], ['n', '#,##0.00']);
    assert.equal(Math.round(Number(book.cells[`C${r}`].v) * 100), fen(rows[i][2]));
    assert.equal(Math.round(Number(book.cells[`D${r}`].v) * 100), fen(rows[i][3]));
    assert.deepEqual([book.cells[`E${r}`].t, book.cells[`E${r}`].fmt], ['n', '0.00%']);
    assert.ok(Math.abs(Number(book.cells[`E${r}`].v) * 100 - Number(rows[i][4])) < 1e-9);
    assert.equal(book.cells[`F${r}`].t, 'n');
    assert.equal(Number(book.cells[`F${r}`].v), Number(rows[i][5]));
  }
  await ctx.close();
});

test('orders: an export with a bad filter gets the list itself, 400, the field named and the input kept', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'zhangwei');
  for (const ext of ['csv', 'xlsx']) {
    const resp = await page.goto(`${URL}/sales/orders.${ext}?from=2026-13-45&customer=${ids.cust}`);
    assert.equal(resp.status(), 400);
    assert.match(resp.headers()['content-type'], /^text\/html/);
    assert.equal(await page.getAttribute('#from', 'aria-invalid'), 'true');
    assert.equal(await page.getAttribute('#from', 'value'), '2026-13-45');
  }
  await ctx.close();
});
