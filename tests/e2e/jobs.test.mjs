// Background jobs: the status page of a job (queued, running with its
// progress, done with its result, failed with its error), which reloads
// itself without JavaScript and polls with it; the job worker run and
// restarted by ./dev; one run per kind and key at a time.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { URL, STATE, launch, newContext, login, shot, sql, service } from './lib.mjs';

const BUILD = process.env.TICHENG_BUILD;
const CONF = process.env.TICHENG_CONF;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Queues a job from the command line as LOGIN; returns its id (or throws
// with the command's message).
function enqueue(login, kind, key = '', params = '{}') {
  const out = execFileSync(join(BUILD, 'ticheng-jobs'), ['-c', CONF, 'enqueue', kind, key, params],
    { encoding: 'utf8', env: { ...process.env, LOGNAME: login }, stdio: ['ignore', 'pipe', 'pipe'] });
  return Number(out.trim());
}

// A job row written as a module would queue it, for a kind no worker runs
// (so it stays as written), under a key of its own.
function insertJob(who, kind, state, extra = {}) {
  const key = `e2e-${randomBytes(6).toString('hex')}`;
  const cols = { kind, job_key: key, active_key: state === 'queued' || state === 'running' ? key : null,
    params: '{}', who, state, created_at: 'UTC_TIMESTAMP()', ...extra };
  const names = Object.keys(cols).join(', ');
  const values = Object.values(cols).map((v) => (v === null ? 'NULL' : v === 'UTC_TIMESTAMP()' ? v
    : typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`)).join(', ');
  return Number(sql(`INSERT INTO jobs (${names}) VALUES (${values}); SELECT LAST_INSERT_ID()`)[0][0]);
}

function jobState(id) {
  return sql(`SELECT state FROM jobs WHERE id = ${Number(id)}`)[0][0];
}

async function waitFor(fn, ms = 15000) {
  for (let t = 0; t < ms; t += 200) {
    if (await fn()) return true;
    await sleep(200);
  }
  return false;
}

test('a queued job: its state, a reload without JavaScript, 404 for anyone else', async () => {
  const id = insertJob('zhangwei', 'e2e.waiting', 'queued');
  const ctx = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false });
  const page = await login(ctx, 'zhangwei');
  const res = await page.goto(`${URL}/jobs/${id}`);
  assert.equal(res.status(), 200);
  assert.equal(await page.getAttribute('.job', 'data-job-state'), 'queued');
  assert.equal((await page.textContent('.job .job-state')).trim(), '排队中');
  const html = await page.content();
  assert.match(html, /<noscript><meta http-equiv="refresh" content="2"><\/noscript>/, 'reloads itself without JS');
  assert.equal(await page.getAttribute('.job-reload a', 'href'), `/jobs/${id}`);
  assert.equal(await page.getAttribute('.job', 'data-job-poll'), `/jobs/${id}/status`);
  await shot(page, 'job-queued-zh');
  await ctx.close();

  const other = await newContext(browser);
  const lina = await login(other, 'lina');
  assert.equal((await lina.goto(`${URL}/jobs/${id}`)).status(), 404, "another person's job");
  assert.equal((await other.request.get(`${URL}/jobs/${id}/status`)).status(), 404);
  assert.equal((await other.request.get(`${URL}/jobs/999999999`)).status(), 404);
  await other.close();

  const anon = await browser.newContext();
  const r = await anon.request.get(`${URL}/jobs/${id}`, { maxRedirects: 0 });
  assert.equal(r.status(), 303, 'signed out: to the sign-in page');
  await anon.close();
});

test('a running job shows its progress; its worker gone, the next worker fails it', async () => {
  service('stop', 'jobs');
  let id;
  try {
    id = insertJob('zhangwei', 'e2e.running', 'running',
      { progress_done: 3, progress_total: 10, started_at: 'UTC_TIMESTAMP()', worker: 'e2e:1' });
    sql(`UPDATE jobs SET started_at = UTC_TIMESTAMP() WHERE id = ${id}`);
    const ctx = await newContext(browser, 'en-US');
    const page = await login(ctx, 'zhangwei');
    await page.goto(`${URL}/jobs/${id}`);
    assert.equal((await page.textContent('.job .job-state')).trim(), 'Running');
    assert.equal((await page.textContent('.job-percent')).trim(), '30%');
    assert.equal((await page.textContent('.job-count')).trim(), '3 / 10');
    assert.equal(await page.getAttribute('.job [role=progressbar]', 'aria-valuenow'), '30');
    await shot(page, 'job-running-en');
    await ctx.close();
  } finally {
    service('start', 'jobs');
  }
  // No worker holds its lock: the restarted worker's first sweep fails it.
  assert.ok(await waitFor(() => jobState(id) === 'failed'), 'failed by the sweep');
  const ctx = await newContext(browser);
  const page = await login(ctx, 'zhangwei');
  await page.goto(`${URL}/jobs/${id}`);
  assert.equal((await page.textContent('.job .job-state')).trim(), '失败');
  assert.match(await page.textContent('.job-error'), /worker running it stopped/);
  assert.equal(await page.$('.job-reload'), null, 'over: no reload');
  assert.doesNotMatch(await page.content(), /http-equiv="refresh"/);
  await ctx.close();
});

test('the worker runs a job; the page polls (JS) and shows the result; one run at a time', async () => {
  const ctx = await newContext(browser);
  const page = await login(ctx, 'zhangwei');
  // An expired session of zhangwei's, for the purge to remove (after
  // signing in, which sweeps expired sessions too).
  const token = randomBytes(32).toString('hex');
  sql("INSERT INTO sessions (token_hash, person_id, roles, created_at, last_seen_at, expires_at) "
    + `SELECT '${token}', id, 1, UTC_TIMESTAMP() - INTERVAL 2 DAY, UTC_TIMESTAMP() - INTERVAL 2 DAY, `
    + "UTC_TIMESTAMP() - INTERVAL 1 DAY FROM people WHERE login = 'zhangwei'");
  service('stop', 'jobs');
  let id;
  try {
    id = enqueue('zhangwei', 'core.purge');
    assert.throws(() => enqueue('zhangwei', 'core.purge'), /a run is in progress/);
    await page.goto(`${URL}/jobs/${id}`);
    assert.equal(await page.getAttribute('.job', 'data-job-state'), 'queued');
    service('start', 'jobs');
    // ticheng.js polls /jobs/ID/status and swaps the section in place.
    await page.waitForSelector('.job[data-job-state=done]', { timeout: 20000 });
    assert.equal((await page.textContent('.job .job-state')).trim(), '已完成');
    assert.match(await page.textContent('.job-result'), /删除的过期会话\s*[1-9]/);
    assert.equal((await page.textContent('.job-percent')).trim(), '100%');
    await shot(page, 'job-done-zh');
  } finally {
    service('start', 'jobs');
    await ctx.close();
  }
  assert.equal(sql(`SELECT COUNT(*) FROM sessions WHERE token_hash = '${token}'`)[0][0], '0', 'removed');
  // Over: the same kind and key may run again.
  const again = enqueue('zhangwei', 'core.purge');
  assert.ok(await waitFor(() => jobState(again) === 'done'));
});

test('the job worker is started again when it dies', async () => {
  const childFile = join(STATE, 'run', 'jobs.pid.child');
  const first = Number(readFileSync(childFile, 'utf8'));
  process.kill(first, 'SIGKILL');
  assert.ok(await waitFor(() => {
    const pid = Number(readFileSync(childFile, 'utf8'));
    if (pid === first) return false;
    try { process.kill(pid, 0); return true; } catch { return false; }
  }), 'a new worker process');
  const id = enqueue('zhangwei', 'core.purge');
  assert.ok(await waitFor(() => jobState(id) === 'done'), 'and it runs jobs');
  assert.match(readFileSync(join(STATE, 'log', 'ticheng-jobs.out'), 'utf8'), /exited with status 137: starting it again/);
});
