// Shared helpers of the end-to-end tests: the stack's address, a browser,
// signing in, screenshots, and reading the stack's database.
import { chromium } from 'playwright-core';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const URL = process.env.TICHENG_URL ?? 'http://127.0.0.1:8099';
export const STATE = process.env.TICHENG_STATE ?? '/tmp/ticheng-e2e';
export const TOP = process.env.TICHENG_TOP ?? new globalThis.URL('../..', import.meta.url).pathname;
export const SHOTS = join(STATE, 'screenshots');
export const PASSWORD = 'ticheng';
// The business time zone of the stack ([site] timezone, its default):
// every date the product shows or takes is a day there.  The tests' own
// Date getters count in it too.
export const ZONE = 'Asia/Shanghai';
process.env.TZ = ZONE;
// The business date "YYYY-MM-DD" of instant d (default: now).
export function businessDate(d = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}
mkdirSync(SHOTS, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update',
      '--disable-sync'],
  });
}

// A new browser context (own cookies) in a language: 'zh-CN' or 'en-US'.
export async function newContext(browser, locale = 'zh-CN') {
  return browser.newContext({ locale, viewport: { width: 1366, height: 900 } });
}

// Signs in through the real form; returns the page, on home (or next).
export async function login(ctx, user, password = PASSWORD, next = '') {
  const page = await ctx.newPage();
  await page.goto(`${URL}/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.fill('input[name=username]', user);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForLoadState('load'), page.click('form[action="/login"] button[type=submit]')]);
  await page.waitForLoadState('load');
  return page;
}

// Saves a full-page screenshot named NAME.png under the test state folder.
export async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

// Runs SQL against the stack's database as root, in the business time
// zone (as the programs' sessions); returns rows of columns.
export function sql(query) {
  const out = execFileSync('mariadb', ['--no-defaults', '-S', join(STATE, 'run', 'mysqld.sock'),
    '-u', 'root', 'ticheng', '-N', '-B', '-e', `SET time_zone = '${ZONE}'; ${query}`], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
}

// Stops or starts one service of the stack ('mariadb' or 'slapd').
export function service(action, name) {
  execFileSync(join(TOP, 'dev'), ['service', action, name], { stdio: 'pipe', env: process.env });
}

// The hidden CSRF token of the first form on the page.
export async function csrfOf(page) {
  return page.getAttribute('input[name=csrf]', 'value');
}

// Text of the page's <main> (what a user reads), without the layout.
export async function mainText(page) {
  return page.textContent('main');
}

// Lists visible text nodes containing CJK characters: used to find labels
// left untranslated on an English page.  Data (names) can be allowed: by
// the text itself, a RegExp, or a function of the text.
export async function cjkTexts(page, allowed = []) {
  const texts = await page.$$eval('body *:not(script):not(style)', (els) => {
    const out = [];
    for (const el of els) {
      for (const n of el.childNodes) {
        if (n.nodeType === 3 && /[\u4e00-\u9fff]/.test(n.textContent)) out.push(n.textContent.trim());
      }
      for (const a of ['placeholder', 'title', 'aria-label', 'value']) {
        const v = el.getAttribute?.(a);
        if (v && /[\u4e00-\u9fff]/.test(v) && !(el.tagName === 'INPUT' && a === 'value' && el.type !== 'submit' && el.type !== 'button')) out.push(v);
      }
    }
    return out;
  });
  const ok = (a, t) => (a instanceof RegExp ? a.test(t) : typeof a === 'function' ? a(t) : t === a);
  return texts.filter((t) => !allowed.some((a) => ok(a, t)));
}

// The error summary at the top of a form (core/form-errors.tpl): the
// [link target, text] of every error it lists, in order.
export async function errorSummary(page) {
  return page.$$eval('#form-errors li', (lis) => lis.map((li) =>
    [li.querySelector('a')?.getAttribute('href') ?? '', li.textContent.trim()]));
}

// The message beside the input with id: null when the input is not marked
// aria-invalid, else the text of the error its aria-describedby names.
export async function fieldError(page, id) {
  return page.evaluate((id) => {
    const el = document.getElementById(id);
    if (!el || el.getAttribute('aria-invalid') !== 'true') return null;
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const msg = ids.map((i) => document.getElementById(i)).find((m) => m?.classList.contains('error'));
    return msg ? msg.textContent.trim() : '';
  }, id);
}

// --- scratch databases beside the stack's own, for tests of ticheng-admin

export const BUILD = process.env.TICHENG_BUILD ?? join(TOP, '.state', 'build');

// Runs SQL as root on the stack's server (in database db when given).
export function rootSql(query, db) {
  const args = ['--no-defaults', '-S', join(STATE, 'run', 'mysqld.sock'), '-u', 'root', '-N', '-B'];
  if (db) args.push(db);
  const out = execFileSync('mariadb', [...args, '-e', query], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
}

// A new empty database (name from label and the process id) that the
// ticheng user may use, and a copy of the stack's ticheng.conf naming it
// (in folder dir).  Drop it with dropScratch(db).
export function scratchDatabase(label, dir) {
  const db = `tc_${label}_${process.pid}`;
  rootSql(`DROP DATABASE IF EXISTS ${db}; CREATE DATABASE ${db} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    GRANT ALL PRIVILEGES ON ${db}.* TO 'ticheng'@'localhost'`);
  const conf = join(dir, `${db}.conf`);
  writeFileSync(conf, readFileSync(process.env.TICHENG_CONF ?? join(STATE, 'ticheng.conf'), 'utf8')
    .replace(/^name = .*$/m, `name = ${db}`));
  return { db, conf };
}

export function dropScratch(db) {
  rootSql(`DROP DATABASE IF EXISTS ${db}`);
}

// Runs ticheng-admin with configuration conf: { status, out, err }.
export function tichengAdmin(conf, ...args) {
  const r = spawnSync(join(BUILD, 'ticheng-admin'), ['-c', conf, ...args], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout, err: r.stderr };
}
