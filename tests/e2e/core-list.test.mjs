// core/list as people use it, on the lists of sales: a bad filter is
// answered 400 with the form as typed and a message naming the field
// (never a silent default); a column sorts both ways; a page past the
// last shows the last; sort and pager links keep the filters.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { URL, launch, newContext, login, sql, errorSummary, fieldError } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const run = Date.now().toString(36);
const one = (q) => sql(q)[0] ?? null;
const idOf = (login) => one(`SELECT id FROM people WHERE login = '${login}'`)[0];

// 60 customers of zhangwei named after this run: two pages of 50.
const N = 60;
sql(`INSERT INTO customers (code, name, region_id, channel_id, owner_id, status)
     SELECT CONCAT('L${run}', LPAD(seq, 2, '0')), CONCAT('列表测试 ${run} ', LPAD(seq, 2, '0')),
            (SELECT MIN(id) FROM regions), (SELECT MIN(id) FROM channels), ${idOf('zhangwei')},
            IF(seq % 2 = 0, 'active', 'prospect')
     FROM seq_1_to_${N}`);

const codes = (page) => page.$$eval('#customers-table tbody tr td:first-child', (tds) => tds.map((t) => t.textContent.trim()));
const hrefOf = (page, sel) => page.getAttribute(sel, 'href');
const paramsOf = (href) => new globalThis.URL(href, URL).searchParams;

test('a bad filter answers 400, names the field, keeps what was typed and lists nothing', async () => {
  const ctx = await newContext(browser, 'en-US');
  const page = await login(ctx, 'wujun');

  let resp = await page.goto(`${URL}/sales/customers?q=${run}&region=abc&status=gone`);
  assert.equal(resp.status(), 400);
  const summary = (await errorSummary(page)).map(([, text]) => text).join(' | ');
  assert.match(summary, /Region/);
  assert.match(summary, /Status/);
  assert.notEqual(await fieldError(page, 'region'), null);
  assert.notEqual(await fieldError(page, 'status'), null);
  assert.equal(await fieldError(page, 'q'), null, 'the valid filter is not flagged');
  assert.equal(await page.inputValue('#q'), run, 'the search is kept');
  assert.equal(await page.$('#customers-table'), null, 'no rows under a refused filter');

  resp = await page.goto(`${URL}/sales/orders?from=2026-02-30&to=2026-12-31`);
  assert.equal(resp.status(), 400);
  assert.notEqual(await fieldError(page, 'from'), null);
  assert.equal(await fieldError(page, 'to'), null);
  assert.equal(await page.getAttribute('#from', 'value'), '2026-02-30', 'the date as typed');

  resp = await page.goto(`${URL}/sales/opportunities?month=2026-13&tag=hot`);
  assert.equal(resp.status(), 400);
  assert.notEqual(await fieldError(page, 'month'), null);
  assert.notEqual(await fieldError(page, 'tag'), null);
  assert.equal(await page.getAttribute('#month', 'value'), '2026-13');

  resp = await page.goto(`${URL}/sales/activities?week=2026-W99&rep=0`);
  assert.equal(resp.status(), 400);
  assert.notEqual(await fieldError(page, 'week'), null);
  assert.equal(await page.getAttribute('#week', 'value'), '2026-W99');

  resp = await page.goto(`${URL}/sales/customers?q=${run}&sort=nope&page=0`);
  assert.equal(resp.status(), 400, 'an unknown sort and page 0 are refused too');
  assert.match((await errorSummary(page)).map(([, t]) => t).join(' | '), /Page/);
  await ctx.close();
});

test('a column sorts both ways, its heading says which, and its link keeps the filters', async () => {
  const ctx = await newContext(browser, 'en-US');
  const page = await login(ctx, 'wujun');
  const mine = sql(`SELECT code FROM customers WHERE code LIKE 'L${run}%' AND status = 'active' ORDER BY code`).map((r) => r[0]);

  await page.goto(`${URL}/sales/customers?q=${run}&status=active&sort=code`);
  assert.deepEqual(await codes(page), mine);
  assert.equal(await page.getAttribute('th[aria-sort] a', 'href').then((h) => paramsOf(h).get('sort')), 'code');
  assert.equal(await page.locator('th[aria-sort=ascending]').count(), 1);
  const down = await hrefOf(page, 'th[aria-sort=ascending] a');
  assert.equal(paramsOf(down).get('q'), run);
  assert.equal(paramsOf(down).get('status'), 'active');
  assert.equal(paramsOf(down).get('dir'), 'desc');

  await Promise.all([page.waitForNavigation(), page.click('th[aria-sort=ascending] a')]);
  assert.deepEqual(await codes(page), [...mine].reverse());
  assert.equal(await page.locator('th[aria-sort=descending]').count(), 1);
  assert.equal(await page.inputValue('#q'), run);
  assert.equal(await page.inputValue('#status'), 'active');
  await ctx.close();
});

test('a page past the last shows the last; pager and sort links keep filters and sort', async () => {
  const ctx = await newContext(browser, 'en-US');
  const page = await login(ctx, 'wujun');
  const all = sql(`SELECT code FROM customers WHERE code LIKE 'L${run}%' ORDER BY code DESC`).map((r) => r[0]);

  const resp = await page.goto(`${URL}/sales/customers?q=${run}&sort=code&dir=desc&page=99`);
  assert.equal(resp.status(), 200);
  assert.equal((await page.textContent('nav.pager [aria-current=page]')).trim(), '2');
  assert.deepEqual(await codes(page), all.slice(50), 'the last page: rows 51-60');
  assert.match(await page.textContent('nav.pager .pager-info'), /51–60 \/ 60/);

  const prev = await hrefOf(page, 'nav.pager a[rel=prev]');
  assert.equal(paramsOf(prev).get('q'), run);
  assert.equal(paramsOf(prev).get('sort'), 'code');
  assert.equal(paramsOf(prev).get('dir'), 'desc');
  await Promise.all([page.waitForNavigation(), page.click('nav.pager a[rel=prev]')]);
  assert.deepEqual(await codes(page), all.slice(0, 50));

  // sorting again starts at the first page, with the filter
  const byName = await hrefOf(page, 'th a[href*="sort=name"], th a[href]:not([href*="sort="])');
  assert.equal(paramsOf(byName).get('q'), run);
  assert.equal(paramsOf(byName).get('page'), null);
  await ctx.close();
});
