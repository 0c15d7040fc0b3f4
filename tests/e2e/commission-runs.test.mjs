// Calculation runs and closing on the web (issue 14, "Calculation runs"):
// finance runs a month as a background job (progress shown, the page
// updated when it ends), reads the run (who, counts, digest, warnings,
// the comparison with the previous run rep by rep), sees a period go
// stale when its inputs change; a second run of the same period is
// refused while the first is queued; periods close oldest first, only
// when their run is current, and a closed period refuses a run on the
// page and on the command line.  Reps, managers and admin get 403.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, newContext, login, shot, sql, service, URL } from './lib.mjs';
import { CONF, admin, checkContract, tempDir } from './commission-cli.mjs';

const browser = await launch();
after(() => browser.close());

// The latest open period with a done run (the demo runs every past month).
function latestRun() {
  const [[label, run]] = sql(`SELECT p.label, MAX(r.id) FROM periods p JOIN calc_runs r
    ON r.period_id = p.id AND r.state = 'done' WHERE p.state = 'open'
    GROUP BY p.id ORDER BY p.first_day DESC LIMIT 1`);
  return { label, run: Number(run) };
}

function waitJobsDone(ms = 60000) {
  const until = Date.now() + ms;
  for (;;) {
    const [[n]] = sql(`SELECT COUNT(*) FROM jobs WHERE kind = 'commission.run' AND active_key IS NOT NULL`);
    if (n === '0') return;
    if (Date.now() > until) throw new Error('commission.run jobs still active');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
  }
}

async function postForm(page, path, fields) {
  return page.evaluate(async ({ path, fields }) => {
    const body = new URLSearchParams(fields);
    body.set('csrf', document.querySelector('input[name=csrf]').value);
    const res = await fetch(path, { method: 'POST', body, redirect: 'manual' });
    // a redirect is opaque to fetch: it is the 303 of a done POST
    return { status: res.type === 'opaqueredirect' ? 303 : res.status, text: await res.text() };
  }, { path, fields });
}

test('finance runs a month from the web: the job shows its progress, the page is updated when it ends, the run page tells who, what and compares', async () => {
  waitJobsDone();
  const { label, run: before } = latestRun();
  // An input of the month changes: the month is stale.
  const [[tid]] = sql(`SELECT t.id FROM targets t WHERE t.period = '${label}' ORDER BY t.id LIMIT 1`);
  sql(`UPDATE targets SET amount = amount + 1 WHERE id = ${tid}`);
  const ctx = await newContext(browser);
  const page = await login(ctx, 'sunli', undefined, '/commission/runs');
  await page.goto(`${URL}/commission/runs`);
  const row = page.locator(`tr[data-period="${label}"]`);
  assert.equal((await row.locator('.run-status').textContent()).trim(), '已过期');
  await shot(page, 'commission-runs-stale');

  await Promise.all([page.waitForURL(/\/commission\/runs\?job=\d+/), row.locator('.run-form button').click()]);
  // The job's partial is there; the page reloads itself once it is over.
  await page.locator('#run-jobs [data-job-state]').first().waitFor();
  await page.waitForSelector('#run-jobs [data-job-state="done"]', { timeout: 60000 });
  await page.waitForLoadState('load');
  const after = Number(sql(`SELECT MAX(id) FROM calc_runs WHERE period_id = (SELECT id FROM periods WHERE label = '${label}') AND state = 'done'`)[0][0]);
  assert.ok(after > before, `no new run of ${label}`);
  const fresh = page.locator(`tr[data-period="${label}"]`);
  await fresh.locator(`a[href="/commission/runs/${after}"]`).waitFor();
  assert.equal((await fresh.locator('.run-status').textContent()).trim(), '最新');
  const result = await page.locator('#run-jobs .job-result').textContent();
  assert.ok(result.includes(label), result);
  await shot(page, 'commission-runs-done');

  // The run's page: who, the inputs read, the digest export-period prints.
  await page.click(`tr[data-period="${label}"] a[href="/commission/runs/${after}"]`);
  assert.equal((await page.textContent('#run-by')).trim(), 'sunli');
  const [[lines, payments, reps, total]] = sql(`SELECT in_lines, in_payments, reps, total FROM calc_runs WHERE id = ${after}`);
  const inputs = await page.textContent('#run-inputs');
  assert.ok(inputs.includes(`${lines} 订单行`) && inputs.includes(`${payments} 回款`), inputs);
  const e = admin(CONF, 'export-period', label, tempDir('runs-export'));
  assert.equal(e.status, 0, e.err);
  assert.equal((await page.textContent('#run-digest')).trim(), e.out.trim());
  assert.equal((await page.textContent('.run-status')).trim(), '最新');
  assert.equal((await page.textContent('#run-total')).replace(/,/g, '').trim(), total);
  // Compared with the previous run of the month, every rep of either.
  await page.locator(`a[href="/commission/runs/${before}"]`).first().waitFor();
  const rows = await page.locator('#compare-table tbody tr').count();
  assert.ok(rows >= Number(reps), `${rows} reps compared, the run has ${reps}`);
  await shot(page, 'commission-run');
  // And the stored results are ticheng-calc's on the exported files.
  checkContract(CONF, label);

  // Warnings link to their order.
  const [[wrun]] = sql(`SELECT COALESCE(MAX(run_id), 0) FROM calc_run_warnings WHERE order_id IS NOT NULL`);
  if (wrun !== '0') {
    await page.goto(`${URL}/commission/runs/${wrun}`);
    const href = await page.getAttribute('#warning-list a', 'href');
    assert.match(href, /^\/sales\/orders\/\d+$/);
  }
  await ctx.close();
});

test('a second run of the same period is refused with "a run is in progress" while the first is queued', async () => {
  waitJobsDone();
  const { label } = latestRun();
  const ctx = await newContext(browser);
  const page = await login(ctx, 'sunli', undefined, '/commission/runs');
  service('stop', 'jobs');
  try {
    await page.goto(`${URL}/commission/runs`);
    const first = await postForm(page, '/commission/runs', { period: label });
    assert.equal(first.status, 303);
    await page.goto(`${URL}/commission/runs`);
    await Promise.all([page.waitForLoadState('load'),
      page.locator(`tr[data-period="${label}"] .run-form button`).click()]);
    assert.match(await page.textContent('.flash.error'), /该期间正在计算中/);
    const again = await postForm(page, '/commission/runs', { period: 'open' });
    assert.equal(again.status, 409);
    assert.match(again.text, /该期间正在计算中/);
    await shot(page, 'commission-runs-in-progress');
  } finally {
    service('start', 'jobs');
  }
  waitJobsDone();
  await ctx.close();
});

test('periods close oldest first, only when current; a closed period refuses a run on the page and on the command line', async () => {
  waitJobsDone();
  const [[oldest]] = sql(`SELECT label FROM periods WHERE state = 'open' ORDER BY first_day LIMIT 1`);
  const ctx = await newContext(browser);
  const page = await login(ctx, 'sunli', undefined, '/commission/runs');
  // A period whose inputs or plan changed since its run (an earlier test
  // activated a plan version over the open periods) is not offered for
  // closing until it is calculated again.
  const [[stale]] = sql(`SELECT stale FROM calc_period_status WHERE label = '${oldest}'`);
  if (stale !== '0') {
    await page.goto(`${URL}/commission/runs`);
    assert.equal(await page.locator(`tr[data-period="${oldest}"] .close-form`).count(), 0);
    const calc = admin(CONF, 'calc', oldest);
    assert.equal(calc.status, 0, calc.err);
    const [[now]] = sql(`SELECT stale FROM calc_period_status WHERE label = '${oldest}'`);
    assert.equal(now, '0');
  }
  await page.goto(`${URL}/commission/runs`);
  // Only the oldest open period offers closing.
  assert.equal(await page.locator('.close-form').count(), 1);
  const row = page.locator(`tr[data-period="${oldest}"]`);
  // A later period cannot be closed first.
  const [[later]] = sql(`SELECT label FROM periods WHERE state = 'open' ORDER BY first_day LIMIT 1 OFFSET 1`);
  const early = await postForm(page, '/commission/runs/close', { period: later });
  assert.equal(early.status, 409);
  assert.match(early.text, /期间须按从早到晚的顺序结账/);
  page.once('dialog', (d) => d.accept());
  await Promise.all([page.waitForURL(/closed=/), row.locator('.close-form button').click()]);
  try {
    assert.match(await page.textContent('.flash.ok'), new RegExp(`已结账.*${oldest}`));
    const closed = page.locator(`tr[data-period="${oldest}"]`);
    assert.equal((await closed.locator('.period-state').textContent()).trim(), '已结账');
    assert.equal(await closed.locator('.run-form').count(), 0);
    await shot(page, 'commission-runs-closed');
    // The page refuses a run of it, naming why; so does the command line.
    const refused = await postForm(page, '/commission/runs', { period: oldest });
    assert.equal(refused.status, 409);
    assert.match(refused.text, /该期间已结账/);
    const cli = admin(CONF, 'calc', oldest);
    assert.equal(cli.status, 2);
    assert.match(cli.err, /closed/);
  } finally {
    const re = admin(CONF, 'reopen-period', oldest, 'e2e commission-runs: reopened after the closing test');
    assert.equal(re.status, 0, re.err);
  }
  await ctx.close();
});

test('runs are finance\'s: HR and management read them, reps, managers and admin get 403', async () => {
  for (const [user, status] of [['zhangwei', 403], ['chenjing', 403], ['admin', 403], ['zhaomin', 200], ['wujun', 200]]) {
    const ctx = await newContext(browser);
    const page = await login(ctx, user);
    const res = await page.goto(`${URL}/commission/runs`);
    assert.equal(res.status(), status, user);
    if (status === 200) {
      assert.equal(await page.locator('.run-form, .close-form, #run-open').count(), 0, user);
      const post = await postForm(page, '/commission/runs', { period: 'open' });
      assert.equal(post.status, 403, user);
    }
    await ctx.close();
  }
});
