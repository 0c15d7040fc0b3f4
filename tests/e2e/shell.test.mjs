// The secure, bilingual shell: sign-in against the directory, roles and
// modules, sessions, CSRF, redirects, limits, and the stack's failures.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  URL, launch, newContext, login, shot, sql, service, cjkTexts, csrfOf,
  errorSummary, fieldError,
} from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });
// Failed sign-ins are counted per address too: every test starts clean.
afterEach(() => { sql('DELETE FROM login_failures'); });

// The modules of the build with a web program, from the module registry
// (as ./dev reads it): home and the navigation show those and no other.
const deployed = execFileSync(join(process.env.TICHENG_BUILD, 'ticheng-admin'), ['modules'], { encoding: 'utf8' })
  .split('\n').filter(Boolean).map((l) => l.split(' ')).filter(([, prefix]) => prefix !== '-').map(([name]) => name);
// Who may use which module (DESIGN.md, "Routes and who may use them").
const MODULES = ['sales', 'commission', 'performance', 'settlement', 'admin'];
const everyone = ['sales', 'commission', 'performance', 'settlement'];
const PEOPLE = {
  zhangwei: { roles: ['销售'], modules: everyone },
  lina: { roles: ['销售'], modules: everyone },
  liuyang: { roles: ['销售'], modules: everyone },
  huangli: { roles: ['销售'], modules: everyone },
  wangqiang: { roles: ['销售'], modules: everyone },
  zhoumin: { roles: ['销售'], modules: everyone },
  xuhui: { roles: ['销售'], modules: everyone },
  sunhao: { roles: ['销售'], modules: everyone },
  chenjing: { roles: ['销售', '销售经理'], modules: everyone },
  yangfan: { roles: ['销售', '销售经理'], modules: everyone },
  zhaomin: { roles: ['人力资源'], modules: everyone },
  sunli: { roles: ['财务'], modules: everyone },
  zhouhang: { roles: ['财务', '结算审核'], modules: everyone },
  wujun: { roles: ['管理层'], modules: everyone },
  admin: { roles: ['系统管理员'], modules: ['sales', 'admin'] },
};

async function navHrefs(page) {
  return page.$$eval('nav.nav a', (as) => as.map((a) => a.getAttribute('href')));
}

test('every demo person signs in and sees exactly the modules of their roles', async () => {
  assert.ok(deployed.includes('sales') && deployed.includes('admin'), `registry: ${deployed}`);
  for (const [user, want] of Object.entries(PEOPLE)) {
    const ctx = await newContext(browser);
    const page = await login(ctx, user);
    assert.equal(new globalThis.URL(page.url()).pathname, '/', `${user} lands on home`);
    const expected = MODULES.filter((m) => want.modules.includes(m) && deployed.includes(m))
      .map((m) => `/${m}/`);
    assert.deepEqual(await navHrefs(page), expected, `${user}: navigation`);
    const cards = await page.$$eval('ul.modules a', (as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(cards, expected, `${user}: home cards`);
    const roles = await page.$$eval('.home-roles .badge', (bs) => bs.map((b) => b.textContent.trim()));
    assert.deepEqual(roles, want.roles, `${user}: roles shown`);
    const name = sql(`SELECT name FROM people WHERE login = '${user}'`)[0][0];
    assert.match(await page.textContent('main'), new RegExp(name));
    if (user === 'chenjing' || user === 'admin') await shot(page, `home-${user}-zh`);
    await ctx.close();
  }
});

test('the session cookie is HttpOnly and SameSite, and stored only as a hash', async () => {
  const ctx = await newContext(browser);
  await login(ctx, 'lina');
  const cookie = (await ctx.cookies()).find((c) => c.name === 'tc_session');
  assert.ok(cookie, 'session cookie set');
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Lax');
  assert.match(cookie.value, /^[0-9a-f]{64}$/);
  assert.equal(sql(`SELECT COUNT(*) FROM sessions WHERE token_hash = '${cookie.value}'`)[0][0], '0');
  assert.equal(sql(`SELECT COUNT(*) FROM sessions WHERE token_hash = SHA2('${cookie.value}', 256)`)[0][0], '1');
  await ctx.close();
});

test('a new session token at every sign-in (no fixation)', async () => {
  const ctx = await newContext(browser);
  await login(ctx, 'lina');
  const first = (await ctx.cookies()).find((c) => c.name === 'tc_session').value;
  await ctx.clearCookies();
  await login(ctx, 'lina');
  const second = (await ctx.cookies()).find((c) => c.name === 'tc_session').value;
  assert.notEqual(first, second);
  await ctx.close();
});

async function failLogin(ctx, user, password) {
  const page = await ctx.newPage();
  await page.goto(`${URL}/login`);
  await page.fill('input[name=username]', user);
  await page.fill('input[name=password]', password);
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.url() === `${URL}/login` && r.request().method() === 'POST'),
    page.click('form[action="/login"] button[type=submit]'),
  ]);
  await page.waitForLoadState('load');
  return { page, status: res.status() };
}

test('a wrong password and an unknown user get the same single message', async () => {
  const ctx = await newContext(browser);
  const wrong = await failLogin(ctx, 'zhangwei', 'not-the-password');
  assert.equal(wrong.status, 401);
  // one message in the form's error summary, naming no field
  const wrongText = await errorSummary(wrong.page);
  assert.deepEqual(wrongText, [['#username', '用户名或密码不正确。']]);
  assert.equal(await fieldError(wrong.page, 'username'), null);
  assert.equal(await fieldError(wrong.page, 'password'), null);
  assert.equal(await wrong.page.inputValue('input[name=username]'), 'zhangwei', 'the user name is kept');
  assert.equal(await wrong.page.inputValue('input[name=password]'), '', 'the password is not');
  await shot(wrong.page, 'login-wrong-password-zh');
  const unknown = await failLogin(ctx, 'nosuchperson', 'whatever');
  assert.equal(unknown.status, 401);
  assert.deepEqual(await errorSummary(unknown.page), wrongText);
  assert.equal((await ctx.cookies()).some((c) => c.name === 'tc_session'), false);
  assert.equal(sql("SELECT COUNT(*) FROM login_failures WHERE login IN ('zhangwei', 'nosuchperson')")[0][0], '2');
  await ctx.close();
});

test('an empty password is refused before any bind, naming the field', async () => {
  const ctx = await newContext(browser);
  const { page, status } = await failLogin(ctx, 'zhangwei', '');
  assert.equal(status, 400);
  assert.match(await fieldError(page, 'password'), /请输入密码/);
  assert.deepEqual((await errorSummary(page)).map(([href]) => href), ['#password']);
  assert.equal(sql('SELECT COUNT(*) FROM login_failures')[0][0], '0', 'not even counted as a try');
  assert.equal((await ctx.cookies()).some((c) => c.name === 'tc_session'), false);
  await ctx.close();
});

test('LDAP filter characters in the user name sign nobody in', async () => {
  for (const user of ['*', 'zhangwei)(uid=*', '*)(|(uid=*', 'admin*']) {
    const ctx = await newContext(browser);
    const { page, status } = await failLogin(ctx, user, 'ticheng');
    assert.ok(status === 400 || status === 401, `${user}: status ${status}`);
    assert.equal(await page.inputValue('input[name=username]'), user);
    assert.equal((await ctx.cookies()).some((c) => c.name === 'tc_session'), false, `${user}: no session`);
    await ctx.close();
  }
});

test('five failures for one login lock it, even with the right password', async () => {
  const ctx = await newContext(browser);
  for (let i = 0; i < 5; i++) assert.equal((await failLogin(ctx, 'sunhao', `wrong-${i}`)).status, 401);
  const { page, status } = await failLogin(ctx, 'sunhao', 'ticheng');
  assert.equal(status, 429);
  assert.match(await page.textContent('[role=alert]'), /15 分钟/);
  assert.equal((await ctx.cookies()).some((c) => c.name === 'tc_session'), false);
  await shot(page, 'login-locked-zh');
  // Another person from the same address still signs in (4 < 20).
  const other = await login(await newContext(browser), 'xuhui');
  assert.equal(new globalThis.URL(other.url()).pathname, '/');
  await ctx.close();
});

test('twenty failures from one address lock every login from it', async () => {
  const values = Array.from({ length: 20 }, (_, i) => `('ghost${i}', '127.0.0.1', UTC_TIMESTAMP())`).join(',');
  sql(`INSERT INTO login_failures (login, address, at) VALUES ${values}`);
  const ctx = await newContext(browser);
  const { status } = await failLogin(ctx, 'huangli', 'ticheng');
  assert.equal(status, 429);
  sql('DELETE FROM login_failures');
  const page = await login(ctx, 'huangli');
  assert.equal(new globalThis.URL(page.url()).pathname, '/');
  await ctx.close();
});

test('logout is a POST that deletes the session', async () => {
  const ctx = await newContext(browser);
  const page = await login(ctx, 'liuyang');
  const token = (await ctx.cookies()).find((c) => c.name === 'tc_session').value;
  assert.equal((await ctx.request.get(`${URL}/logout`, { maxRedirects: 0 })).status(), 405);
  await Promise.all([page.waitForURL(/\/login$/), page.click('form[action="/logout"] button')]);
  assert.equal(sql(`SELECT COUNT(*) FROM sessions WHERE token_hash = SHA2('${token}', 256)`)[0][0], '0');
  // The old cookie, replayed, is worth nothing.
  const replay = await newContext(browser);
  await replay.addCookies([{ name: 'tc_session', value: token, url: URL }]);
  const res = await replay.request.get(`${URL}/`, { maxRedirects: 0 });
  assert.equal(res.status(), 303);
  assert.match(res.headers().location, /^\/login/);
  await ctx.close();
  await replay.close();
});

test('an expired or idle session sends the person back to sign in', async () => {
  const ctx = await newContext(browser);
  await login(ctx, 'zhoumin');
  const token = (await ctx.cookies()).find((c) => c.name === 'tc_session').value;
  const where = `token_hash = SHA2('${token}', 256)`;
  assert.equal((await ctx.request.get(`${URL}/`, { maxRedirects: 0 })).status(), 200);
  sql(`UPDATE sessions SET last_seen_at = UTC_TIMESTAMP() - INTERVAL 2 HOUR WHERE ${where}`);
  let res = await ctx.request.get(`${URL}/`, { maxRedirects: 0 });
  assert.equal(res.status(), 303, 'idle for longer than the idle limit');
  sql(`UPDATE sessions SET last_seen_at = UTC_TIMESTAMP(), expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE ${where}`);
  res = await ctx.request.get(`${URL}/`, { maxRedirects: 0 });
  assert.equal(res.status(), 303, 'past the absolute limit');
  assert.match(res.headers().location, /^\/login\?next=\//);
  await ctx.close();
});

test('a POST without a valid CSRF token is refused and changes nothing', async () => {
  const ctx = await newContext(browser);
  const page = await login(ctx, 'wangqiang');
  sql("UPDATE people SET lang = NULL WHERE login = 'wangqiang'");
  for (const form of [{ lang: 'en', next: '/' }, { lang: 'en', next: '/', csrf: 'a'.repeat(64) }]) {
    const res = await ctx.request.post(`${URL}/lang`, { form, maxRedirects: 0 });
    assert.equal(res.status(), 403);
    assert.match(await res.text(), /无权访问/);
  }
  assert.equal(sql("SELECT lang IS NULL FROM people WHERE login = 'wangqiang'")[0][0], '1');
  const logout = await ctx.request.post(`${URL}/logout`, { form: {}, maxRedirects: 0 });
  assert.equal(logout.status(), 403, 'no logout without the token');
  assert.equal((await ctx.request.get(`${URL}/`, { maxRedirects: 0 })).status(), 200, 'still signed in');
  // With the page's token, the same POST works.
  const ok = await ctx.request.post(`${URL}/lang`, { form: { lang: 'en', next: '/', csrf: await csrfOf(page) }, maxRedirects: 0 });
  assert.equal(ok.status(), 303);
  assert.equal(sql("SELECT lang FROM people WHERE login = 'wangqiang'")[0][0], 'en');
  sql("UPDATE people SET lang = NULL WHERE login = 'wangqiang'");
  // The sign-in form needs its token too.
  const anon = await newContext(browser);
  const res = await anon.request.post(`${URL}/login`, { form: { username: 'wangqiang', password: 'ticheng' }, maxRedirects: 0 });
  assert.equal(res.status(), 403);
  assert.equal((await anon.cookies()).some((c) => c.name === 'tc_session'), false);
  await ctx.close();
  await anon.close();
});

test('a role opening another role\'s module gets 403', async () => {
  const ctx = await newContext(browser);
  const page = await login(ctx, 'zhangwei');
  const res = await page.goto(`${URL}/admin/`);
  assert.equal(res.status(), 403);
  assert.match(await page.textContent('main'), /无权访问/);
  await shot(page, 'error-403-zh');
  assert.equal((await ctx.request.get(`${URL}/admin/audit`)).status(), 403);
  await ctx.close();
});

test('only local paths are accepted as the return address', async () => {
  const cases = [
    ['//evil.example/', '/'], ['https://evil.example/', '/'], ['/\\evil.example', '/'],
    ['/%2F%2Fevil.example', '/'], ['javascript:alert(1)', '/'], ['/admin/audit', '/admin/audit'],
  ];
  for (const [next, want] of cases) {
    const ctx = await newContext(browser);
    const page = await login(ctx, 'admin', 'ticheng', next);
    const url = new globalThis.URL(page.url());
    assert.equal(url.origin, URL, `${next}: stays on the site`);
    assert.equal(url.pathname, want, `${next}: goes to ${want}`);
    await ctx.close();
  }
  // An unsigned visitor asking for a page is sent to sign in, then back.
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  await page.goto(`${URL}/admin/audit`);
  assert.match(page.url(), /\/login\?next=\/admin\/audit$/);
  await ctx.close();
});

test('every response carries the security headers, error pages included', async () => {
  const ctx = await newContext(browser);
  for (const [path, status] of [['/login', 200], ['/no-such-page', 404], ['/health', 200]]) {
    const res = await ctx.request.get(`${URL}${path}`, { maxRedirects: 0 });
    assert.equal(res.status(), status, path);
    const h = res.headers();
    assert.match(h['content-security-policy'], /default-src 'self'/, path);
    assert.match(h['content-security-policy'], /frame-ancestors 'none'/, path);
    assert.doesNotMatch(h['content-security-policy'], /unsafe-inline/, path);
    assert.equal(h['x-content-type-options'], 'nosniff', path);
    assert.equal(h['referrer-policy'], 'same-origin', path);
    assert.match(h['content-type'], /charset=utf-8/, path);
  }
  await ctx.close();
});

test('malformed and oversized requests get 400 and 413 pages', async () => {
  const ctx = await newContext(browser);
  const page = await login(ctx, 'admin');
  const bad = await ctx.request.get(`${URL}/admin/?q=%zz`);
  assert.equal(bad.status(), 400);
  assert.match(await bad.text(), /请求无效/);
  const big = await ctx.request.post(`${URL}/lang`, {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    data: `csrf=${await csrfOf(page)}&lang=en&pad=${'x'.repeat(9 * 1024 * 1024)}`,
  });
  assert.equal(big.status(), 413);
  await ctx.close();
});

test('404 and 405 come as pages in the person\'s language', async () => {
  const ctx = await newContext(browser, 'en-US');
  const page = await login(ctx, 'lina');
  let res = await page.goto(`${URL}/no/such/page`);
  assert.equal(res.status(), 404);
  assert.match(await page.textContent('main'), /Page not found/);
  await shot(page, 'error-404-en');
  res = await page.goto(`${URL}/logout`);
  assert.equal(res.status(), 405);
  assert.match(await page.textContent('main'), /Method not allowed/);
  await ctx.close();
});

test('English on request: from the browser, or picked and remembered', async () => {
  const en = await newContext(browser, 'en-US');
  const page = await en.newPage();
  await page.goto(`${URL}/login`);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('h1'), /Sign in/);
  await en.close();

  const ctx = await newContext(browser, 'zh-CN');
  const p = await login(ctx, 'huangli');
  assert.equal(await p.getAttribute('html', 'lang'), 'zh-CN');
  await Promise.all([p.waitForLoadState('load'), p.click('form[action="/lang"] button')]);
  await p.waitForURL(`${URL}/`);
  assert.equal(await p.getAttribute('html', 'lang'), 'en');
  assert.equal(sql("SELECT lang FROM people WHERE login = 'huangli'")[0][0], 'en');
  // Remembered for the person: a new browser signs in to English pages.
  const again = await newContext(browser, 'zh-CN');
  const q = await login(again, 'huangli');
  assert.equal(await q.getAttribute('html', 'lang'), 'en');
  sql("UPDATE people SET lang = NULL WHERE login = 'huangli'");
  await ctx.close();
  await again.close();
});

test('no untranslated labels on the shell pages in English', async () => {
  const ctx = await newContext(browser, 'en-US');
  const anon = await ctx.newPage();
  await anon.goto(`${URL}/login`);
  assert.deepEqual(await cjkTexts(anon, ['中文', '提成 ticheng', /示例科技有限公司/]), []);
  await shot(anon, 'login-en');
  const page = await login(ctx, 'admin');
  const people = sql('SELECT name, department FROM people').flat();
  const allowed = ['中文', '提成 ticheng', /示例科技有限公司/, ...people];
  for (const path of ['/', '/admin/', '/admin/audit', '/no-such-page']) {
    await page.goto(`${URL}${path}`);
    // The audit log's ids and details are data, written as they came.
    const data = await page.$$eval('#audit tbody td:nth-child(6), #audit tbody td:nth-child(7)',
      (tds) => tds.map((t) => t.textContent.trim()));
    assert.deepEqual(await cjkTexts(page, [...allowed, ...data]), [], `${path} has no Chinese labels`);
    assert.doesNotMatch(await page.textContent('body'), /\bt_[a-z0-9_]+\b/, `${path} has no raw keys`);
    await shot(page, `shell${path.replace(/\W+/g, '-')}-en`);
  }
  // The same pages in Chinese, for the screenshots.
  const zh = await newContext(browser, 'zh-CN');
  const zp = await login(zh, 'admin');
  for (const path of ['/admin/', '/admin/audit']) {
    await zp.goto(`${URL}${path}`);
    await shot(zp, `shell${path.replace(/\W+/g, '-')}-zh`);
  }
  await zh.close();
  await ctx.close();
});

test('admin sees people with their directory roles and the audit of sign-ins', async () => {
  const ctx = await newContext(browser);
  const page = await login(ctx, 'admin');
  await page.goto(`${URL}/admin/?q=zhouhang`);
  const row = await page.textContent('#people tbody');
  assert.match(row, /周航/);
  assert.match(row, /财务/);
  assert.match(row, /结算审核/);
  await page.goto(`${URL}/admin/audit?actor=admin&action=login`);
  const n = await page.$$eval('#audit tbody tr', (trs) => trs.length);
  assert.ok(n >= 1, 'the sign-in of admin is in the audit log');
  const actors = await page.$$eval('#audit tbody tr td:nth-child(2)', (tds) => tds.map((t) => t.textContent));
  assert.ok(actors.every((a) => a === 'admin'), 'filtered by actor');
  await page.goto(`${URL}/admin/audit?from=2026-13-45`);
  assert.equal(await page.getAttribute('input[name=from]', 'value'), '2026-13-45', 'a bad filter is kept');
  assert.equal(await page.getAttribute('input[name=from]', 'aria-invalid'), 'true');
  await ctx.close();
});

test('MariaDB stopped: 503; started again: pages work with no restart', async () => {
  const ctx = await newContext(browser);
  await login(ctx, 'chenjing');
  const pids = readFileSync(`${process.env.TICHENG_STATE}/run/auth.pid`, 'utf8');
  service('stop', 'mariadb');
  try {
    const res = await ctx.request.get(`${URL}/`, { maxRedirects: 0 });
    assert.equal(res.status(), 503);
    assert.match(await res.text(), /服务暂不可用/);
    const health = await ctx.request.get(`${URL}/health`);
    assert.equal(health.status(), 503);
    assert.match(await health.text(), /database: unavailable/);
  } finally {
    service('start', 'mariadb');
  }
  const res = await ctx.request.get(`${URL}/`, { maxRedirects: 0 });
  assert.equal(res.status(), 200, 'the same session works again');
  assert.equal(readFileSync(`${process.env.TICHENG_STATE}/run/auth.pid`, 'utf8'), pids, 'same FastCGI processes');
  await ctx.close();
});

test('slapd stopped: a clear message at sign-in, signed-in people keep working', async () => {
  const signedIn = await newContext(browser);
  await login(signedIn, 'yangfan');
  service('stop', 'slapd');
  try {
    const ctx = await newContext(browser);
    const { page, status } = await failLogin(ctx, 'lina', 'ticheng');
    assert.equal(status, 503);
    assert.match(await page.textContent('[role=alert]'), /目录/);
    await shot(page, 'login-directory-down-zh');
    assert.equal(sql("SELECT COUNT(*) FROM login_failures WHERE login = 'lina'")[0][0], '0', 'not a failure of hers');
    assert.equal((await signedIn.request.get(`${URL}/`, { maxRedirects: 0 })).status(), 200);
    const health = await signedIn.request.get(`${URL}/health`);
    assert.equal(health.status(), 503);
    assert.match(await health.text(), /directory: unavailable/);
    await ctx.close();
  } finally {
    service('start', 'slapd');
  }
  const ctx = await newContext(browser);
  const page = await login(ctx, 'lina');
  assert.equal(new globalThis.URL(page.url()).pathname, '/');
  await ctx.close();
  await signedIn.close();
});

test('the log has one line per request and never a password or token', async () => {
  const ctx = await newContext(browser);
  await failLogin(ctx, 'lina', 'a-secret-wrong-password');
  const page = await login(ctx, 'lina');
  const token = (await ctx.cookies()).find((c) => c.name === 'tc_session').value;
  const pre = (await ctx.cookies()).find((c) => c.name === 'tc_pre')?.value;
  const csrf = await csrfOf(page);
  await page.goto(`${URL}/?marker=log-check`);
  const log = readFileSync(`${process.env.TICHENG_STATE}/log/ticheng.log`, 'utf8');
  assert.match(log, / lina GET \/ 200 [0-9.]+ms/, 'a line with person, route, status, duration');
  for (const secret of ['a-secret-wrong-password', token, csrf, pre].filter(Boolean)) {
    assert.equal(log.includes(secret), false, 'a secret leaked into the log');
  }
  await ctx.close();
});

// A worker stopped by SIGTERM answers the request it is in, then exits:
// the person gets the whole page (200), not a 503 for an aborted request
// (nor nginx's 502 for a dropped one).
test('SIGTERM lets a worker finish the request in progress (200, the whole page), then exit', async () => {
  const state = process.env.TICHENG_STATE;
  const hold = join(state, 'hooks', 'hold-handler');
  const held = join(state, 'hooks', 'held-handler');
  const workers = readFileSync(`${state}/run/auth.pid`, 'utf8').split(/\s+/).filter(Boolean).map(Number);
  const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const ctx = await newContext(browser);
  await login(ctx, 'lina');
  const cookie = (await ctx.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  await ctx.close();
  // A test build holds every request at the hold point "handler" (just
  // before its route's handler) while the hold file exists: the home
  // page's request is then in progress in one of the workers.
  writeFileSync(hold, '');
  try {
    const pending = fetch(`${URL}/`, { headers: { cookie } });
    for (let i = 0; i < 100 && !existsSync(held); i++) await sleep(100);
    assert.ok(existsSync(held), 'a worker holds the request');
    for (const pid of workers) process.kill(pid, 'SIGTERM');
    await sleep(1000);
    assert.ok(workers.some(alive), 'the worker in the request has not exited');
    assert.ok(existsSync(held), 'and still holds it');
    rmSync(hold);
    const res = await pending;
    const body = await res.text();
    assert.equal(res.status, 200, 'the request in progress was answered by its worker, not aborted (503) or dropped (502)');
    assert.match(body, /<span class="home-name">李娜<\/span>/, 'the home page of the person');
    assert.match(body, /<\/html>\s*$/, 'the whole page');
    for (let i = 0; i < 50 && workers.some(alive); i++) await sleep(100);
    assert.deepEqual(workers.filter(alive), [], 'both workers exited');
    assert.match(readFileSync(`${state}/log/ticheng.log`, 'utf8'), /auth\[\d+\]: stopped/);
  } finally {
    rmSync(hold, { force: true });
    service('start', 'auth');
  }
  const after = await newContext(browser);
  const page = await login(after, 'lina');
  assert.equal(new globalThis.URL(page.url()).pathname, '/', 'new workers serve');
  await after.close();
});
