// The performance settings page in Chromium (HR): the attainment bands
// and whether reps see other reps' amounts in the rankings.  A band that
// ends below where it starts is refused with the field named and what was
// typed kept, nothing saved; a good change is saved and audited, and
// takes effect: a rep sees other reps' amounts in the rankings only while
// the setting is on, and the evaluation colours its rows by the new
// bands.  Management reads the settings, cannot change them (403); a rep
// cannot post them either.  The settings are put back afterwards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { URL, launch, newContext, login, shot, sql, fieldError } from './lib.mjs';

let browser;
let saved;
const setting = (name) => sql(`SELECT value FROM performance_settings WHERE name = '${name}'`)[0]?.[0];

before(async () => {
  browser = await launch();
  saved = sql("SELECT name, value FROM performance_settings WHERE name IN ('band_low', 'band_high', 'reps_see_amounts')");
});
after(async () => {
  for (const [name, value] of saved) sql(`UPDATE performance_settings SET value = '${value}' WHERE name = '${name}'`);
  await browser?.close();
});

async function as(user, locale) {
  const ctx = await newContext(browser, locale);
  return { ctx, page: await login(ctx, user) };
}

// The amounts column of the rankings as a rep sees them: the cells of
// other reps' rows that show a figure.
async function othersAmounts(page) {
  await page.goto(`${URL}/performance/rankings`);
  const rows = await page.$$eval('#rankings tbody tr', (trs) => trs.map((tr) => ({
    me: tr.classList.contains('me-row'), sales: tr.children[4].textContent.trim() })));
  assert.ok(rows.length > 2, 'the rankings list several reps');
  return rows.filter((r) => !r.me && /^[\d,]+\.\d\d$/.test(r.sales)).length;
}

test('HR sets the bands and the amounts reps see; a bad band is refused and nothing saved', async () => {
  sql("UPDATE performance_settings SET value = '0' WHERE name = 'reps_see_amounts'");
  const hr = await as('zhaomin');
  let r = await hr.page.goto(`${URL}/performance/settings`);
  assert.equal(r.status(), 200);
  assert.match(await hr.page.textContent('#now-amounts'), /不可以/);

  // a high band below the low one: named, kept, nothing saved
  await hr.page.fill('#band_low', '90');
  await hr.page.fill('#band_high', '85');
  const [bad] = await Promise.all([hr.page.waitForResponse((x) => x.request().method() === 'POST'), hr.page.click('#settings-save')]);
  assert.equal(bad.status(), 400);
  assert.match(await fieldError(hr.page, 'band_high'), /高档下限必须大于低档上限/);
  assert.equal(await hr.page.inputValue('#band_low'), '90');
  assert.equal(await hr.page.inputValue('#band_high'), '85');
  assert.equal(setting('band_low'), '80');
  await hr.page.fill('#band_low', 'abc');
  await hr.page.fill('#band_high', '110');
  await hr.page.click('#settings-save');
  assert.ok(await fieldError(hr.page, 'band_low'), 'a band that is no number is named');
  assert.equal(setting('band_high'), '100');

  // a good change: saved, audited, shown
  await hr.page.fill('#band_low', '90');
  await hr.page.fill('#band_high', '110');
  await hr.page.check('#reps_see_amounts');
  await Promise.all([hr.page.waitForURL(/done=saved/), hr.page.click('#settings-save')]);
  assert.deepEqual([setting('band_low'), setting('band_high'), setting('reps_see_amounts')], ['90', '110', '1']);
  assert.match(await hr.page.textContent('#now-mid'), /90% – < 110%/);
  assert.equal(sql("SELECT COUNT(*) FROM audit WHERE action = 'performance_settings' AND actor = 'zhaomin' AND detail = 'bands 90/110, reps see amounts 1'")[0][0] >= '1', true);
  await shot(hr.page, 'performance-settings-zh');
  await hr.ctx.close();
});

test('the settings take effect: amounts in the rankings for reps, bands in the evaluation', async () => {
  sql("UPDATE performance_settings SET value = '1' WHERE name = 'reps_see_amounts'");
  const rep = await as('lina');
  assert.ok(await othersAmounts(rep.page) > 0, 'with the setting on, a rep sees other reps\' amounts');
  sql("UPDATE performance_settings SET value = '0' WHERE name = 'reps_see_amounts'");
  assert.equal(await othersAmounts(rep.page), 0, 'with it off, none');
  // a rep may not change them
  const csrf = await rep.page.evaluate(() => document.querySelector('input[name=csrf]')?.value ?? document.querySelector('meta[name=csrf]')?.content);
  const status = await rep.page.evaluate(async ({ url, csrf }) => (await fetch(url, { method: 'POST',
    body: new URLSearchParams({ csrf, band_low: '1', band_high: '2' }), redirect: 'manual' })).status, { url: `${URL}/performance/settings`, csrf });
  assert.equal(status, 403);
  assert.equal(setting('band_low'), '90');
  await rep.ctx.close();

  // the evaluation's bands follow: with 10/20 every rep with a target at
  // 20% or more is high, with 990/999 none is
  const boss = await as('wujun');
  sql("UPDATE performance_settings SET value = '990' WHERE name = 'band_low'");
  sql("UPDATE performance_settings SET value = '999' WHERE name = 'band_high'");
  await boss.page.goto(`${URL}/performance/`);
  const strict = await boss.page.$$eval('tr[data-login] span.band', (e) => e.map((x) => x.className.replace(/^band band-/, '')));
  sql("UPDATE performance_settings SET value = '1' WHERE name = 'band_low'");
  sql("UPDATE performance_settings SET value = '2' WHERE name = 'band_high'");
  await boss.page.goto(`${URL}/performance/`);
  const lax = await boss.page.$$eval('tr[data-login] span.band', (e) => e.map((x) => x.className.replace(/^band band-/, '')));
  assert.ok(strict.length > 0 && strict.length === lax.length, 'the evaluation shows bands');
  assert.ok(strict.every((b) => b === 'low'), strict.join());
  assert.ok(lax.filter((b) => b === 'high').length > lax.length / 2, lax.join());
  // management reads the settings but cannot change them
  assert.equal((await boss.page.goto(`${URL}/performance/settings`)).status(), 200);
  assert.equal(await boss.page.$('#settings-form'), null);
  await boss.ctx.close();
});
