// Imports of files as Chinese Excel saves them (issue 10): "CSV" from
// Excel on a Chinese Windows is GB18030 (GBK), not UTF-8; the orders and
// payments imports take it (converted with iconv when the file is not
// valid UTF-8), and what is neither is refused saying both.  One bad row
// is "1 bad row".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { URL, launch, newContext, login, sql, fieldError, businessDate } from './lib.mjs';

const RUN = Date.now().toString(36).toUpperCase();
const CUST = `T10G${RUN}`;
const PROD = `T10H${RUN}`;
const TODAY = businessDate();
const NO = (s) => `T10G-${RUN}-${s}`;
const one = (q) => sql(q)[0]?.[0];
const q = (s) => `'${s.replaceAll("'", "''")}'`;
const gbk = (text) => execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: Buffer.from(text, 'utf8') });
let browser;

before(async () => {
  browser = await launch();
  sql(`INSERT INTO customers (code, name, region_id, industry, channel_id, owner_id)
       SELECT ${q(CUST)}, ${q(`编码测试客户 ${RUN}`)}, r.id, 'test', c.id, p.id
       FROM regions r, channels c, people p
       WHERE r.code = 'east' AND c.code = 'direct' AND p.login = 'zhangwei'`);
  sql(`INSERT INTO products (code, name_zh, name_en, product_type_id, list_price, standard_cost)
       SELECT ${q(PROD)}, '编码测试产品', 'Encoding test product', MIN(id), 100.00, 60.00 FROM product_types`);
});
after(async () => { await browser?.close(); });

async function upload(page, path, name, buffer) {
  await page.goto(`${URL}${path}`);
  await page.setInputFiles('input[name=file]', { name, mimeType: 'text/csv', buffer });
  const [resp] = await Promise.all([page.waitForNavigation(), page.click('form[enctype] button[type=submit]')]);
  return resp.status();
}

test('sales-import-gbk: an orders file saved by Chinese Excel (GB18030) is imported; one bad row is "1 bad row"', async () => {
  const ctx = await newContext(browser, 'en-US');
  const page = await login(ctx, 'zhangwei');
  const head = 'order_id,date,rep,customer,product,quantity,amount,备注\n';
  const file = gbk(head + `${NO('A')},${TODAY},zhangwei,${CUST},${PROD},2,200,华东大客户\n`);
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(file), 'the file is not UTF-8');
  assert.equal(await upload(page, '/sales/import', 'gbk.csv', file), 200, await page.textContent('main'));
  assert.equal(one(`SELECT COUNT(*) FROM orders WHERE order_no = ${q(NO('A'))}`), '1');
  // one bad row, in GB18030 too: named, and counted in the singular
  const bad = gbk(head + `${NO('B')},${TODAY},zhangwei,${CUST},NO-SUCH-${RUN},1,100,无此产品\n`);
  assert.equal(await upload(page, '/sales/import', 'bad.csv', bad), 422);
  assert.match(await fieldError(page, 'file'), /^1 bad row: nothing was written/);
  assert.match(await page.textContent('#import-report .badge'), /^\s*1 bad row\s*$/);
  // neither UTF-8 nor GB18030: refused, saying both
  assert.equal(await upload(page, '/sales/import', 'bin.csv', Buffer.from([0x6f, 0x72, 0xff, 0xff, 0x0a])), 422);
  assert.match(await fieldError(page, 'file'), /neither UTF-8 nor GB18030/);
  await ctx.close();
});

test('sales-import-gbk: a payments file in GB18030 is imported', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'sunli');
  const file = gbk(`payment_id,order_id,date,amount,说明\nP10G-${RUN},${NO('A')},${TODAY},50,首付款\n`);
  assert.equal(await upload(page, '/sales/collections/import', 'p.csv', file), 200, await page.textContent('main'));
  assert.equal(one(`SELECT COUNT(*) FROM payments WHERE payment_no = ${q(`P10G-${RUN}`)}`), '1');
  await ctx.close();
});
