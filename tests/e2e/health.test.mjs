// The whole chain answers: nginx -> FastCGI -> MariaDB and slapd.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { URL, launch, shot } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('health answers 200 naming the database and directory as ok', async () => {
  const res = await fetch(`${URL}/health`);
  assert.equal(res.status, 200);
  assert.equal(await res.text(), 'database: ok\ndirectory: ok\n');
});

test('health carries the security headers', async () => {
  const res = await fetch(`${URL}/health`);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.match(res.headers.get('content-security-policy'), /frame-ancestors 'none'/);
  assert.equal(res.headers.get('content-type'), 'text/plain; charset=utf-8');
});

test('the browser opens the health page through nginx', async () => {
  const page = await browser.newPage();
  const res = await page.goto(`${URL}/health`);
  assert.equal(res.status(), 200);
  assert.match(await page.textContent('body'), /database: ok/);
  await shot(page, 'health');
  await page.close();
});
