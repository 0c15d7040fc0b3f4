// Customers and contacts: a rep creates and edits their own customers,
// a manager the team's, other roles read; someone else's id is a 404
// that changes nothing; a duplicate name in a region is flagged and
// saved only once confirmed; every change is audited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { URL, launch, newContext, login, shot, sql, cjkTexts, csrfOf, errorSummary, fieldError } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const run = Date.now().toString(36);
const zwName = `张伟测试客户 ${run}`;
const linaName = `丽娜测试客户 ${run}`;
const dupName = `重名测试 ${run} Co`;
const contactName = `联系人 ${run}`;

const one = (q) => sql(q)[0] ?? null;
const idOf = (login) => one(`SELECT id FROM people WHERE login = '${login}'`)[0];
const regionId = (code) => one(`SELECT id FROM regions WHERE code = '${code}'`)[0];
const channelId = (code) => one(`SELECT id FROM channels WHERE code = '${code}'`)[0];
const esc = (s) => s.replace(/'/g, "''");

async function submit(page, selector = 'main form.form button.primary') {
  const [resp] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
  return resp;
}

// Fills and posts the new-customer form; returns the response.
async function createCustomer(page, { name, region = 'east', channel = 'direct', code = '', industry = '', owner } = {}) {
  await page.goto(`${URL}/sales/customers/new`);
  if (code) await page.fill('#code', code);
  await page.fill('#name', name);
  await page.selectOption('#region', regionId(region));
  await page.selectOption('#channel', channelId(channel));
  if (industry) await page.fill('#industry', industry);
  if (owner) await page.selectOption('#owner', idOf(owner));
  return submit(page);
}

// Every customer this file creates, by name (for the checks and cleanup-free reruns).
const customerRow = (name) => one(`SELECT id, code, owner_id, region_id, status FROM customers WHERE name = '${esc(name)}'`);

test('a rep creates a customer: owned by them, with a generated code, listed, audited; then adds a contact', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'zhangwei');
  await page.goto(`${URL}/sales/customers/new`);
  await shot(page, 'customers-new-zh');
  // a rep has no owner picker: they own what they create
  assert.equal(await page.$('select#owner'), null);

  const resp = await createCustomer(page, { name: zwName, industry: '制造业' });
  assert.equal(resp.status(), 200);
  const row = customerRow(zwName);
  assert.ok(row, 'the customer row exists');
  assert.equal(row[2], idOf('zhangwei'), 'owned by the rep');
  assert.match(row[1], /^C\d{6,}$/, 'a generated code');
  assert.equal(new globalThis.URL(page.url()).pathname, `/sales/customers/${row[0]}`);
  assert.match(await page.textContent('.flash.ok'), /客户已创建/);
  assert.match(await page.textContent('main h1'), new RegExp(zwName));
  assert.ok(one(`SELECT id FROM audit WHERE action = 'customer_create' AND entity = 'customer' AND entity_id = '${row[0]}' AND actor = 'zhangwei'`),
    'the creation is audited');

  // in the list, found by a search on its name
  await page.goto(`${URL}/sales/customers?q=${encodeURIComponent(run)}`);
  assert.match(await page.textContent('main table'), new RegExp(row[1]));
  await shot(page, 'customers-list-zh');

  // a contact
  await page.goto(`${URL}/sales/customers/${row[0]}`);
  await page.fill('#contacts #c_name', contactName);
  await page.fill('#contacts #c_title', '采购经理');
  await page.fill('#contacts #c_phone', '+86 21 5555-0101');
  await page.fill('#contacts #c_email', 'buyer@example.com');
  await submit(page, '#contacts form.form button[type=submit]');
  const contact = one(`SELECT id, title, phone, email FROM contacts WHERE customer_id = ${row[0]} AND name = '${esc(contactName)}'`);
  assert.deepEqual(contact?.slice(1), ['采购经理', '+86 21 5555-0101', 'buyer@example.com']);
  assert.match(await page.textContent('#contacts'), new RegExp(contactName));
  assert.ok(one(`SELECT id FROM audit WHERE action = 'contact_create' AND entity = 'contact' AND entity_id = '${contact[0]}'`));
  await shot(page, 'customers-detail-zh');

  // edit the contact
  await page.goto(`${URL}/sales/customers/${row[0]}/contacts/${contact[0]}/edit`);
  await shot(page, 'customers-contact-edit-zh');
  await page.fill('#c_title', '采购总监');
  await submit(page);
  assert.equal(one(`SELECT title FROM contacts WHERE id = ${contact[0]}`)[0], '采购总监');
  assert.ok(one(`SELECT id FROM audit WHERE action = 'contact_update' AND entity_id = '${contact[0]}'`));

  // a bad contact keeps what was typed
  await page.fill('#contacts #c_name', '');
  await page.fill('#contacts #c_email', 'not-an-email');
  const bad = await submit(page, '#contacts form.form button[type=submit]');
  assert.equal(bad.status(), 400);
  assert.equal(await page.inputValue('#contacts #c_email'), 'not-an-email');
  assert.match(await fieldError(page, 'c_name'), /联系人姓名/);
  assert.match(await fieldError(page, 'c_email'), /电子邮件/);
  assert.deepEqual((await errorSummary(page)).map(([href]) => href), ['#c_name', '#c_email']);
  assert.equal(one(`SELECT COUNT(*) FROM contacts WHERE customer_id = ${row[0]}`)[0], '1', 'nothing saved');

  // add a second contact, then delete it
  await page.goto(`${URL}/sales/customers/${row[0]}`);
  await page.fill('#contacts #c_name', `临时 ${run}`);
  await submit(page, '#contacts form.form button[type=submit]');
  const temp = one(`SELECT id FROM contacts WHERE customer_id = ${row[0]} AND name = '临时 ${run}'`)[0];
  page.once('dialog', (d) => d.accept());
  await Promise.all([page.waitForNavigation(),
    page.click(`form[action="/sales/customers/${row[0]}/contacts/${temp}/delete"] button`)]);
  assert.equal(one(`SELECT COUNT(*) FROM contacts WHERE id = ${temp}`)[0], '0');
  assert.match(await page.textContent('.flash.ok'), /联系人已删除/);
  assert.ok(one(`SELECT id FROM audit WHERE action = 'contact_delete' AND entity_id = '${temp}' AND actor = 'zhangwei'`));

  // edit the customer
  await page.goto(`${URL}/sales/customers/${row[0]}/edit`);
  await shot(page, 'customers-edit-zh');
  await page.selectOption('#status', 'prospect');
  await submit(page);
  assert.equal(customerRow(zwName)[4], 'prospect');
  assert.ok(one(`SELECT id FROM audit WHERE action = 'customer_update' AND entity_id = '${row[0]}' AND actor = 'zhangwei'`));
  await ctx.close();
});

test('a form error keeps what was typed and names the field', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'zhangwei');
  const before = one('SELECT COUNT(*) FROM customers')[0];
  await page.goto(`${URL}/sales/customers/new`);
  await page.fill('#code', 'bad code!');
  await page.fill('#name', '   ');
  await page.fill('#industry', '零售');
  await page.selectOption('#region', regionId('north'));
  const resp = await submit(page);
  assert.equal(resp.status(), 400);
  assert.equal(await page.inputValue('#code'), 'bad code!');
  assert.equal(await page.inputValue('#industry'), '零售');
  assert.equal(await page.inputValue('#region'), regionId('north'));
  assert.match(await fieldError(page, 'code'), /编码/);
  assert.match(await fieldError(page, 'name'), /客户名称/);
  assert.match(await fieldError(page, 'channel'), /渠道/);
  assert.equal(await fieldError(page, 'industry'), null);
  // the summary at the top names every field, in order, with a link to it
  const summary = await errorSummary(page);
  assert.deepEqual(summary.map(([href]) => href), ['#code', '#name', '#channel']);
  assert.match(summary[1][1], /^名称：请填写客户名称/);
  assert.match(await page.textContent('#form-errors strong'), /3 处错误/);
  assert.equal(one('SELECT COUNT(*) FROM customers')[0], before, 'nothing saved');
  await shot(page, 'customers-form-error-zh');

  // a name longer than its 200 characters is refused whole, never cut
  const long = '长'.repeat(201);
  await page.$eval('#name', (e) => e.removeAttribute('maxlength')); // as a script could post
  await page.fill('#code', '');
  await page.fill('#name', long);
  await page.selectOption('#channel', channelId('direct'));
  assert.equal((await submit(page)).status(), 400);
  assert.equal(await page.inputValue('#name'), long);
  assert.match(await fieldError(page, 'name'), /最多 200 个字/);
  assert.equal(one('SELECT COUNT(*) FROM customers')[0], before, 'nothing saved');

  // a code already taken
  const taken = one('SELECT code FROM customers ORDER BY id LIMIT 1')[0];
  await page.fill('#code', taken);
  await page.fill('#name', `另一个 ${run}`);
  await page.selectOption('#channel', channelId('direct'));
  const r2 = await submit(page);
  assert.equal(r2.status(), 400);
  assert.match(await page.textContent('#code-error'), /已被使用/);
  await ctx.close();
});

test('a duplicate name in the same region is flagged and saved only once confirmed', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'liuyang');
  await createCustomer(page, { name: dupName, region: 'south' });
  const first = customerRow(dupName);
  assert.ok(first);
  const count = () => one(`SELECT COUNT(*) FROM customers WHERE LOWER(name) = LOWER('${esc(dupName)}')`)[0];

  // the same name, other case and blanks, same region: a warning naming it
  const resp = await createCustomer(page, { name: `  ${dupName.toUpperCase()}  `, region: 'south', channel: 'online' });
  assert.equal(resp.status(), 200);
  assert.match(await page.textContent('.flash.warn'), new RegExp(first[1]));
  assert.equal(count(), '1', 'not saved before confirming');
  assert.equal(await page.inputValue('#name'), `  ${dupName.toUpperCase()}  `);
  await shot(page, 'customers-duplicate-zh');

  // in another region the name is no duplicate
  await page.selectOption('#region', regionId('north'));
  await submit(page);
  assert.equal(count(), '2');

  // confirmed: saved
  await createCustomer(page, { name: dupName, region: 'south' });
  assert.equal(count(), '2');
  await page.check('input[name=confirm_duplicate]');
  await submit(page);
  assert.equal(count(), '3');
  assert.ok(one(`SELECT id FROM audit WHERE action = 'customer_create' AND actor = 'liuyang' AND detail LIKE '%duplicate_confirmed=1%'`));
  await ctx.close();
});

test('a rep cannot open or change another rep\'s customer; managers see only their team\'s', async () => {
  const lctx = await newContext(browser, 'zh-CN');
  const lpage = await login(lctx, 'lina');
  await createCustomer(lpage, { name: linaName, region: 'east' });
  const lina = customerRow(linaName);
  assert.equal(lina[2], idOf('lina'));
  await lctx.close();
  const snapshot = () => sql(`SELECT code, name, region_id, channel_id, owner_id, status, updated_at FROM customers WHERE id = ${lina[0]}`);
  const contacts = () => one(`SELECT COUNT(*) FROM contacts WHERE customer_id = ${lina[0]}`)[0];
  const was = snapshot();

  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'zhangwei');
  for (const path of [`/sales/customers/${lina[0]}`, `/sales/customers/${lina[0]}/edit`]) {
    const resp = await page.goto(`${URL}${path}`);
    assert.equal(resp.status(), 404, path);
  }
  await shot(page, 'customers-404-zh');
  await page.goto(`${URL}/sales/customers`);
  const csrf = await csrfOf(page);
  assert.doesNotMatch(await page.textContent('main'), new RegExp(linaName), 'not in the rep\'s list');
  let resp = await page.request.post(`${URL}/sales/customers/${lina[0]}/edit`, {
    form: { csrf, name: 'taken over', region: regionId('east'), channel: channelId('direct'), status: 'inactive', owner: idOf('zhangwei') },
    maxRedirects: 0,
  });
  assert.equal(resp.status(), 404);
  resp = await page.request.post(`${URL}/sales/customers/${lina[0]}/contacts`, {
    form: { csrf, name: 'intruder' }, maxRedirects: 0,
  });
  assert.equal(resp.status(), 404);
  assert.deepEqual(snapshot(), was, 'the row is unchanged');
  assert.equal(contacts(), '0', 'no contact added');
  // nor touch a contact of lina's customer through it
  const lc = (() => {
    sql(`INSERT INTO contacts (customer_id, name) VALUES (${lina[0]}, 'lina contact ${run}')`);
    return one(`SELECT id FROM contacts WHERE customer_id = ${lina[0]}`)[0];
  })();
  resp = await page.request.post(`${URL}/sales/customers/${lina[0]}/contacts/${lc}/delete`, { form: { csrf }, maxRedirects: 0 });
  assert.equal(resp.status(), 404);
  resp = await page.request.post(`${URL}/sales/customers/${lina[0]}/contacts/${lc}/edit`, { form: { csrf, name: 'x' }, maxRedirects: 0 });
  assert.equal(resp.status(), 404);
  // nor reach it through their own customer's URL
  const zwId = customerRow(zwName)[0];
  resp = await page.request.post(`${URL}/sales/customers/${zwId}/contacts/${lc}/delete`, { form: { csrf }, maxRedirects: 0 });
  assert.equal(resp.status(), 404);
  assert.deepEqual(one(`SELECT customer_id, name FROM contacts WHERE id = ${lc}`), [lina[0], `lina contact ${run}`]);
  // nor can a rep give their own customer to someone else
  const zw = customerRow(zwName);
  resp = await page.request.post(`${URL}/sales/customers/${zw[0]}/edit`, {
    form: { csrf, name: zwName, region: regionId('east'), channel: channelId('direct'), status: 'active', owner: idOf('lina') },
    maxRedirects: 0,
  });
  assert.equal(resp.status(), 303);
  assert.equal(customerRow(zwName)[2], idOf('zhangwei'), 'still owned by the rep');
  await ctx.close();

  // chenjing manages the East team: sees and may edit lina's customer
  const cctx = await newContext(browser, 'zh-CN');
  const cpage = await login(cctx, 'chenjing');
  resp = await cpage.goto(`${URL}/sales/customers/${lina[0]}`);
  assert.equal(resp.status(), 200);
  assert.match(await cpage.textContent('main h1'), new RegExp(linaName));
  assert.ok(await cpage.$(`a[href="/sales/customers/${lina[0]}/edit"]`));
  // and gives a new customer to a rep of the team
  await createCustomer(cpage, { name: `经理分配 ${run}`, region: 'east', owner: 'huangli' });
  assert.equal(customerRow(`经理分配 ${run}`)[2], idOf('huangli'));
  await cpage.goto(`${URL}/sales/customers/new`);
  const owners = await cpage.$$eval('#owner option', (os) => os.map((o) => o.value).filter(Boolean));
  assert.ok(owners.includes(idOf('lina')) && !owners.includes(idOf('wangqiang')), 'the picker holds the team only');
  await shot(cpage, 'customers-new-manager-zh');
  // nor can a hand-made form give one to a rep of another team
  const outName = `越权分配 ${run}`;
  resp = await cpage.request.post(`${URL}/sales/customers/new`, {
    form: { csrf: await csrfOf(cpage), name: outName, region: regionId('east'), channel: channelId('direct'),
      status: 'active', owner: idOf('wangqiang') },
    maxRedirects: 0,
  });
  assert.equal(resp.status(), 400);
  assert.equal(customerRow(outName), null, 'not saved');
  await cctx.close();

  // yangfan manages the North team: lina's customer does not exist for him
  const yctx = await newContext(browser, 'zh-CN');
  const ypage = await login(yctx, 'yangfan');
  resp = await ypage.goto(`${URL}/sales/customers/${lina[0]}`);
  assert.equal(resp.status(), 404);
  await yctx.close();
});

test('finance reads every customer but may not create one', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'sunli');
  const lina = customerRow(linaName);
  let resp = await page.goto(`${URL}/sales/customers?q=${encodeURIComponent(run)}`);
  assert.equal(resp.status(), 200);
  assert.match(await page.textContent('main table'), new RegExp(linaName));
  assert.equal(await page.$('a[href="/sales/customers/new"]'), null);
  resp = await page.goto(`${URL}/sales/customers/${lina[0]}`);
  assert.equal(resp.status(), 200);
  assert.equal(await page.$(`a[href="/sales/customers/${lina[0]}/edit"]`), null);
  assert.equal(await page.$('#c_name'), null, 'no contact form');
  await shot(page, 'customers-detail-finance-zh');
  resp = await page.goto(`${URL}/sales/customers/new`);
  assert.equal(resp.status(), 403);
  resp = await page.goto(`${URL}/sales/customers/${lina[0]}/edit`);
  assert.equal(resp.status(), 403);
  await ctx.close();
});

test('the list filters, sorts and pages', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'wujun');
  await page.goto(`${URL}/sales/customers?q=${encodeURIComponent(dupName)}&region=${regionId('south')}&sort=code&dir=desc`);
  const codes = await page.$$eval('main table tbody tr td:first-child', (tds) => tds.map((t) => t.textContent.trim()));
  assert.equal(codes.length, 2, 'two in the south');
  assert.deepEqual(codes, [...codes].sort().reverse(), 'sorted by code, descending');
  assert.equal(await page.getAttribute('th[aria-sort=descending] a', 'href') !== null, true);
  // 50 a page, with a pager when there are more
  const all = Number(one('SELECT COUNT(*) FROM customers')[0]);
  await page.goto(`${URL}/sales/customers?sort=code`);
  const first = await page.$$eval('main table tbody tr', (trs) => trs.length);
  assert.equal(first, Math.min(all, 50));
  if (all > 50) {
    assert.ok(await page.$('nav.pager a[rel=next]'));
    await shot(page, 'customers-list-all-zh');
    await Promise.all([page.waitForNavigation(), page.click('nav.pager a[rel=next]')]);
    assert.match(page.url(), /page=2/);
    const second = await page.$$eval('main table tbody tr td:first-child', (tds) => tds.map((t) => t.textContent.trim()));
    assert.equal(second.length, Math.min(all - 50, 50));
    const expected = sql('SELECT code FROM customers ORDER BY code, id LIMIT 50 OFFSET 50').map((r) => r[0]);
    assert.deepEqual(second, expected, 'page 2 holds the next 50 by code');
  }
  await page.goto(`${URL}/sales/customers?owner=${idOf('liuyang')}&status=active&q=${encodeURIComponent(run)}`);
  const n = Number(await page.textContent('.kpi:first-child .kpi-value'));
  assert.equal(n, Number(one(`SELECT COUNT(*) FROM customers WHERE owner_id = ${idOf('liuyang')} AND status = 'active' AND name LIKE '%${run}%'`)[0]));
  await ctx.close();
});

test('every customer page in English shows no untranslated label', async () => {
  const ctx = await newContext(browser, 'en-US');
  const page = await login(ctx, 'zhangwei');
  // data: people, and customers and contacts (the demo's and this file's)
  const allowed = ['中文', '提成 ticheng', /示例科技有限公司/, ...sql('SELECT name, department FROM people').flat(),
    ...sql('SELECT name, industry FROM customers').flat(), ...sql('SELECT name, title FROM contacts').flat()];
  const zw = customerRow(zwName);
  const contact = one(`SELECT id FROM contacts WHERE customer_id = ${zw[0]}`)[0];
  const pages = [
    ['/sales/customers', 'customers-list-en'],
    ['/sales/customers/new', 'customers-new-en'],
    [`/sales/customers/${zw[0]}`, 'customers-detail-en'],
    [`/sales/customers/${zw[0]}/edit`, 'customers-edit-en'],
    [`/sales/customers/${zw[0]}/contacts/${contact}/edit`, 'customers-contact-edit-en'],
  ];
  for (const [path, name] of pages) {
    const resp = await page.goto(`${URL}${path}`);
    assert.equal(resp.status(), 200, path);
    assert.deepEqual(await cjkTexts(page, allowed), [], `${path}: untranslated text`);
    assert.doesNotMatch(await page.textContent('body'), /\bt_[a-z0-9_]+\b/, `${path}: raw keys`);
    await shot(page, name);
  }
  // errors and the duplicate warning in English
  await page.goto(`${URL}/sales/customers/new`);
  const resp = await submit(page);
  assert.equal(resp.status(), 400);
  assert.match(await page.textContent('#name-error'), /customer name/);
  assert.deepEqual(await cjkTexts(page, allowed), []);
  await shot(page, 'customers-form-error-en');
  await createCustomer(page, { name: zwName, region: 'east' });
  assert.match(await page.textContent('.flash.warn'), /same name/);
  assert.deepEqual(await cjkTexts(page, allowed), []);
  await shot(page, 'customers-duplicate-en');
  await ctx.close();
});

test('a customer with history shows its recent activities, opportunities and orders, in scope', async () => {
  // the demo customer with the most orders, if the stack holds demo data
  const busy = one(`SELECT c.id, p.login FROM customers c JOIN people p ON p.id = c.owner_id
    WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)
    ORDER BY (SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.id) DESC, c.id LIMIT 1`);
  if (!busy) return;   // no orders in this stack: nothing to show
  for (const [locale, suffix] of [['zh-CN', 'zh'], ['en-US', 'en']]) {
    const ctx = await newContext(browser, locale);
    const page = await login(ctx, 'wujun');
    const resp = await page.goto(`${URL}/sales/customers/${busy[0]}`);
    assert.equal(resp.status(), 200);
    const orders = await page.$$eval('a[href^="/sales/orders/"]', (as) => as.length);
    assert.ok(orders > 0 && orders <= 10, `up to ten recent orders listed (${orders})`);
    assert.equal(await page.$(`a[href="/sales/customers/${busy[0]}/edit"]`), null, 'management reads only');
    if (suffix === 'en') {
      const allowed = ['中文', '提成 ticheng', /示例科技有限公司/, ...sql('SELECT name, department FROM people').flat(),
        ...sql(`SELECT name, industry FROM customers WHERE id = ${busy[0]}`).flat(),
        ...sql(`SELECT name, title FROM contacts WHERE customer_id = ${busy[0]}`).flat(),
        ...sql(`SELECT notes, next_step FROM activities WHERE customer_id = ${busy[0]}`).flat(),
        ...sql(`SELECT title FROM opportunities WHERE customer_id = ${busy[0]}`).flat()];
      assert.deepEqual(await cjkTexts(page, allowed), []);
    }
    await shot(page, `customers-detail-history-${suffix}`);
    await ctx.close();
  }
  // the owner's manager sees it; a rep of the other team does not
  const owner = busy[1];
  const team = one(`SELECT team FROM people WHERE login = '${owner}'`)[0];
  // a rep of the directory (people the db suite makes were never synced)
  const outsider = one(`SELECT login FROM people WHERE team <> '${team}' AND team <> '' AND roles = '1'
    AND synced_at IS NOT NULL AND active ORDER BY login LIMIT 1`)[0];
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, outsider);
  const resp = await page.goto(`${URL}/sales/customers/${busy[0]}`);
  assert.equal(resp.status(), 404, `${outsider} may not open ${owner}'s customer`);
  await ctx.close();
});
