// Reference data under /admin/refdata: admins list, create, edit,
// deactivate and reactivate product types, regions, channels and
// products; codes are checked; every change is audited; nobody else
// may open the pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { URL, launch, newContext, login, shot, sql, cjkTexts, errorSummary, fieldError } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Unique codes for this run (the stack keeps earlier runs' rows).
const run = Date.now().toString(36);
const typeCode = `e2e-t-${run}`;
const productCode = `e2e-p-${run}`;

function one(query) {
  const rows = sql(query);
  return rows.length ? rows[0] : null;
}

async function submit(page) {
  const [resp] = await Promise.all([
    page.waitForNavigation(),
    page.click('main form.form button.primary'),
  ]);
  return resp;
}

test('the seed holds the demo reference data', () => {
  assert.deepEqual(sql("SELECT code FROM product_types WHERE code IN ('hardware','software','service','consumable','subscription') ORDER BY code").map((r) => r[0]),
    ['consumable', 'hardware', 'service', 'software', 'subscription']);
  assert.equal(sql("SELECT COUNT(*) FROM regions WHERE code IN ('east','north','south','central','southwest','northwest','northeast')")[0][0], '7');
  assert.equal(sql("SELECT COUNT(*) FROM channels WHERE code IN ('direct','distributor','online','partner')")[0][0], '4');
  assert.ok(Number(sql('SELECT COUNT(*) FROM products')[0][0]) >= 20);
  // every product type has products, every product a price above its cost
  assert.equal(sql('SELECT COUNT(*) FROM product_types t WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.product_type_id = t.id) AND t.code IN (\'hardware\',\'software\',\'service\',\'consumable\',\'subscription\')')[0][0], '0');
  assert.equal(sql("SELECT COUNT(*) FROM products WHERE code LIKE 'hw-%' AND list_price <= standard_cost")[0][0], '0');
});

test('an admin creates a product type and a product, then deactivates and reactivates the product', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'admin');

  let resp = await page.goto(`${URL}/admin/refdata`);
  assert.equal(resp.status(), 200);
  assert.match(await page.textContent('main h1'), /基础数据/);
  await shot(page, 'refdata-overview-zh');

  // a product type
  resp = await page.goto(`${URL}/admin/refdata/product-types/new`);
  assert.equal(resp.status(), 200);
  await shot(page, 'refdata-type-new-zh');
  await page.fill('#code', typeCode);
  await page.fill('#name_zh', '测试类型');
  await page.fill('#name_en', 'Test type');
  resp = await submit(page);
  assert.equal(resp.status(), 200);
  assert.equal(new globalThis.URL(page.url()).pathname, '/admin/refdata/product-types');
  assert.match(await page.textContent('.flash.ok'), /已新建/);
  assert.match(await page.textContent('main table'), new RegExp(typeCode));
  await shot(page, 'refdata-types-zh');
  const type = one(`SELECT id, name_zh, name_en, active FROM product_types WHERE code = '${typeCode}'`);
  assert.deepEqual(type.slice(1), ['测试类型', 'Test type', '1']);
  assert.ok(one(`SELECT id FROM audit WHERE action = 'refdata_create' AND entity = 'product_type' AND entity_id = '${type[0]}' AND actor = 'admin'`),
    'the creation is audited');

  // a product of that type
  await page.goto(`${URL}/admin/refdata/products/new`);
  await page.fill('#code', productCode);
  await page.fill('#name_zh', '测试产品');
  await page.fill('#name_en', 'Test product');
  await page.selectOption('#product_type', type[0]);
  await page.fill('#list_price', '1234.50');
  await page.fill('#standard_cost', '800');
  await shot(page, 'refdata-product-new-zh');
  resp = await submit(page);
  assert.equal(resp.status(), 200);
  const product = one(`SELECT id, product_type_id, list_price, standard_cost, active FROM products WHERE code = '${productCode}'`);
  assert.deepEqual(product.slice(1), [type[0], '1234.50', '800.00', '1']);
  assert.equal((await page.textContent(`tr[data-code="${productCode}"] td[data-col=list_price]`)).trim(), '1,234.50');
  assert.equal((await page.textContent(`tr[data-code="${productCode}"] td[data-col=standard_cost]`)).trim(), '800.00');
  await shot(page, 'refdata-products-zh');

  assert.ok(await page.$(`a[href="/admin/refdata/products/${product[0]}/edit"]`), 'the code links to the edit form');

  // the edit form shows it; a type in use keeps its code
  resp = await page.goto(`${URL}/admin/refdata/product-types/${type[0]}/edit`);
  assert.equal(resp.status(), 200);
  assert.equal(await page.getAttribute('#code', 'readonly'), '');
  // a hand-made request that changes it anyway changes nothing
  await page.$eval('#code', (el) => el.removeAttribute('readonly'));
  await page.fill('#code', 'changed-code');
  await page.fill('#name_en', 'Test type, renamed');
  resp = await submit(page);
  assert.equal(resp.status(), 200);
  assert.deepEqual(one(`SELECT code, name_en FROM product_types WHERE id = ${type[0]}`), [typeCode, 'Test type, renamed'],
    'the code of a type in use does not change');
  assert.ok(one(`SELECT id FROM audit WHERE action = 'refdata_update' AND entity = 'product_type' AND entity_id = '${type[0]}'`));

  // deactivate the product (from the list), then reactivate it (from its form)
  await page.goto(`${URL}/admin/refdata/products?q=${productCode}`);
  page.once('dialog', (d) => d.accept());
  await Promise.all([page.waitForNavigation(),
    page.click(`form[action="/admin/refdata/products/${product[0]}/deactivate"] button`)]);
  assert.equal(one(`SELECT active FROM products WHERE id = ${product[0]}`)[0], '0');
  assert.match(await page.textContent('.flash.ok'), /已停用/);
  assert.ok(one(`SELECT id FROM audit WHERE action = 'refdata_deactivate' AND entity = 'product' AND entity_id = '${product[0]}'`));
  await page.goto(`${URL}/admin/refdata/products?status=inactive&q=${productCode}`);
  assert.match(await page.textContent('main table'), new RegExp(productCode));
  await page.goto(`${URL}/admin/refdata/products?status=inactive&q=${encodeURIComponent('测试产品')}`);
  assert.match(await page.textContent('main table'), new RegExp(productCode), 'found by its Chinese name');
  await page.goto(`${URL}/admin/refdata/products?status=active&q=${productCode}`);
  assert.equal(await page.$('main table'), null, 'an inactive product is not among the active ones');
  await page.goto(`${URL}/admin/refdata/products/${product[0]}/edit`);
  await shot(page, 'refdata-product-edit-zh');
  await Promise.all([page.waitForNavigation(),
    page.click(`form[action="/admin/refdata/products/${product[0]}/activate"] button`)]);
  assert.equal(one(`SELECT active FROM products WHERE id = ${product[0]}`)[0], '1');
  assert.ok(one(`SELECT id FROM audit WHERE action = 'refdata_activate' AND entity = 'product' AND entity_id = '${product[0]}'`));
  await ctx.close();
});

test('a form error keeps what was typed and names the field; a taken code is refused', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'admin');
  const before = sql('SELECT COUNT(*) FROM regions')[0][0];

  await page.goto(`${URL}/admin/refdata/regions/new`);
  await page.fill('#code', 'Bad Code!');
  await page.fill('#name_zh', '');
  await page.fill('#name_en', 'Somewhere');
  let resp = await submit(page);
  assert.equal(resp.status(), 400);
  assert.equal(await page.inputValue('#code'), 'Bad Code!');
  assert.equal(await page.inputValue('#name_en'), 'Somewhere');
  assert.equal(await page.getAttribute('#code', 'aria-invalid'), 'true');
  assert.equal(await page.getAttribute('#name_zh', 'aria-invalid'), 'true');
  assert.match(await page.textContent('#code-error'), /编码/);
  assert.match(await page.textContent('#name_zh-error'), /中文名称/);
  assert.equal(await page.$('#name_en-error'), null);
  assert.deepEqual((await errorSummary(page)).map(([href, text]) => [href, text.split('：')[0]]), [['#code', '编码'], ['#name_zh', '中文名称']]);
  await shot(page, 'refdata-region-error-zh');

  // "east" exists: a duplicate code is a field error
  await page.fill('#code', 'east');
  await page.fill('#name_zh', '华东二');
  resp = await submit(page);
  assert.equal(resp.status(), 400);
  assert.match(await page.textContent('#code-error'), /已被使用/);

  // a product with a negative price and no type
  await page.goto(`${URL}/admin/refdata/products/new`);
  await page.fill('#code', `e2e-bad-${run}`);
  await page.fill('#name_zh', '坏产品');
  await page.fill('#name_en', 'Bad product');
  await page.fill('#list_price', '-5');
  await page.fill('#standard_cost', '1.234');
  resp = await submit(page);
  assert.equal(resp.status(), 400);
  assert.equal(await page.inputValue('#list_price'), '-5');
  assert.equal(await page.inputValue('#standard_cost'), '1.234');
  for (const id of ['product_type', 'list_price', 'standard_cost'])
    assert.ok(await fieldError(page, id), id);
  assert.deepEqual((await errorSummary(page)).map(([href]) => href), ['#product_type', '#list_price', '#standard_cost']);
  assert.equal(sql('SELECT COUNT(*) FROM regions')[0][0], before, 'nothing was saved');
  assert.equal(one(`SELECT COUNT(*) FROM products WHERE code = 'e2e-bad-${run}'`)[0], '0');
  await ctx.close();
});

test('people who are not admins get 403 on the reference-data pages', async () => {
  for (const user of ['zhangwei', 'chenjing', 'sunli', 'wujun']) {
    const ctx = await newContext(browser, 'zh-CN');
    const page = await login(ctx, user);
    for (const path of ['/admin/refdata', '/admin/refdata/products', '/admin/refdata/regions/new']) {
      const resp = await page.goto(`${URL}${path}`);
      assert.equal(resp.status(), 403, `${user} ${path}`);
    }
    if (user === 'zhangwei') await shot(page, 'refdata-403-zh');
    await ctx.close();
  }
});

test('every reference-data page in English shows no untranslated label', async () => {
  const ctx = await newContext(browser, 'en-US');
  const page = await login(ctx, 'admin');
  // Chinese names are data, shown in their own column
  // so are the shell's brand, the company and the people's names
  const names = ['中文', '提成 ticheng', /示例科技有限公司/, ...sql('SELECT name, department FROM people').flat()];
  for (const t of ['product_types', 'regions', 'channels', 'products'])
    for (const [n] of sql(`SELECT name_zh FROM ${t}`)) names.push(n);
  const typeId = one(`SELECT id FROM product_types WHERE code = '${typeCode}'`)?.[0]
    ?? one("SELECT id FROM product_types WHERE code = 'hardware'")[0];
  const productId = one("SELECT id FROM products WHERE code = 'hw-server-r2'")[0];
  const pages = [
    ['/admin/refdata', 'refdata-overview-en'],
    ['/admin/refdata/product-types', 'refdata-types-en'],
    ['/admin/refdata/regions', 'refdata-regions-en'],
    ['/admin/refdata/channels', 'refdata-channels-en'],
    ['/admin/refdata/products', 'refdata-products-en'],
    ['/admin/refdata/products/new', 'refdata-product-new-en'],
    [`/admin/refdata/products/${productId}/edit`, 'refdata-product-edit-en'],
    [`/admin/refdata/product-types/${typeId}/edit`, 'refdata-type-edit-en'],
    ['/admin/refdata/regions/new', 'refdata-region-new-en'],
  ];
  for (const [path, name] of pages) {
    const resp = await page.goto(`${URL}${path}`);
    assert.equal(resp.status(), 200, path);
    assert.deepEqual(await cjkTexts(page, names), [], `${path}: untranslated text`);
    assert.doesNotMatch(await page.textContent('body'), /\bt_[a-z0-9_]+\b/, `${path}: raw keys`);
    await shot(page, name);
  }
  // a form error in English
  await page.goto(`${URL}/admin/refdata/channels/new`);
  await page.fill('#code', 'UPPER');
  const resp = await submit(page);
  assert.equal(resp.status(), 400);
  assert.match(await page.textContent('#code-error'), /lower-case/);
  assert.deepEqual(await cjkTexts(page, names), []);
  await shot(page, 'refdata-channel-error-en');
  await ctx.close();
});
