// commission.fcgi under /commission/: its home for every role but admin
// (DESIGN's route table: admin never sees pay), in Chinese by default and
// English for a browser asking for it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { URL, launch, newContext, login, shot } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('commission home: every role but admin opens it from the navigation', async () => {
  for (const user of ['zhangwei', 'chenjing', 'zhaomin', 'sunli', 'zhouhang', 'wujun']) {
    const ctx = await newContext(browser);
    const page = await login(ctx, user);
    await Promise.all([page.waitForLoadState('load'), page.click('nav.nav a[href="/commission/"]')]);
    assert.equal(new globalThis.URL(page.url()).pathname, '/commission/', user);
    assert.equal(await page.locator('h1').first().textContent(), '提成管理', user);
    assert.equal(await page.locator('nav.nav a[aria-current="page"]').getAttribute('href'), '/commission/', `${user}: current module`);
    assert.equal(await page.locator('nav.tabs a[aria-current="page"]').textContent(), '概览', user);
    if (user === 'zhaomin') await shot(page, 'commission-home-hr');
    await ctx.close();
  }
});

test('commission home in English for an English browser', async () => {
  const ctx = await newContext(browser, 'en-US');
  const page = await login(ctx, 'lina');
  const res = await page.goto(`${URL}/commission/`);
  assert.equal(res.status(), 200);
  assert.equal(await page.locator('h1').first().textContent(), 'Commission');
  await ctx.close();
});

test('admin never reaches commission: no navigation entry, 403 on the page', async () => {
  const ctx = await newContext(browser);
  const page = await login(ctx, 'admin');
  assert.equal(await page.locator('nav.nav a[href="/commission/"]').count(), 0);
  const res = await page.goto(`${URL}/commission/`);
  assert.equal(res.status(), 403);
  await ctx.close();
});

test('signed out, commission sends to the sign-in page', async () => {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  await page.goto(`${URL}/commission/`);
  assert.equal(new globalThis.URL(page.url()).pathname, '/login');
  await ctx.close();
});
