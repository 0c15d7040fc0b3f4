// The workers of a program under trouble: a page whose SQL runs away is
// stopped by the server ([database] page_seconds, max_statement_time) and
// answered with a logged 503 while the program's other workers keep
// serving; a worker that dies is started again by its supervisor
// (multiwatch under spawn-fcgi, as ./dev and the systemd unit run them).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { URL, STATE, launch, login, newContext } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function cookieOf(user) {
  const ctx = await newContext(browser);
  await login(ctx, user);
  const cookie = (await ctx.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  await ctx.close();
  return cookie;
}

// The worker pids multiwatch (the pid in run/PROGRAM.pid) runs now.
function workersOf(program) {
  const supervisor = readFileSync(join(STATE, 'run', `${program}.pid`), 'utf8').trim();
  let out = '';
  try {
    out = execFileSync('pgrep', ['-P', supervisor], { encoding: 'utf8' });
  } catch { /* none at this instant */ }
  return out.split(/\s+/).filter(Boolean).map(Number).sort();
}

test('a runaway query ends as a logged 503 at the page time limit, and the other pages keep answering meanwhile', async () => {
  const cookie = await cookieOf('chenjing');
  const hook = join(STATE, 'hooks', 'slow-orders-list');
  const workers = workersOf('sales');
  const logBefore = readFileSync(join(STATE, 'log', 'ticheng.log'), 'utf8').length;
  // Test builds: every statement of the order list first sleeps 30 s on
  // its connection, as a query gone wrong would run.
  writeFileSync(hook, '30');
  let slowDone = false;
  try {
    const started = Date.now();
    const slow = fetch(`${URL}/sales/orders`, { headers: { cookie } }).then(async (res) => {
      slowDone = true;
      return { status: res.status, body: await res.text(), seconds: (Date.now() - started) / 1000 };
    });
    await sleep(300);   // the slow request is in one of the workers
    for (const path of ['/sales/customers', '/sales/opportunities', '/sales/', '/']) {
      const res = await fetch(`${URL}${path}`, { headers: { cookie } });
      assert.equal(res.status, 200, `${path} answers while the order list is stuck`);
      assert.equal(slowDone, false, `${path} answered before the slow page ended`);
    }
    const got = await slow;
    assert.equal(got.status, 503, 'the runaway page is a 503');
    assert.match(got.body, /服务暂不可用/, 'the service-unavailable page');
    assert.ok(got.seconds < 20, `stopped by the server's limit (4 s), not after the 30 s sleep: ${got.seconds} s`);
    const log = readFileSync(join(STATE, 'log', 'ticheng.log'), 'utf8').slice(logBefore);
    assert.match(log, /orders-list(\[-?\d+\])?: .*max_statement_time exceeded/, 'logged, naming the statement');
    assert.match(log, / chenjing GET \/sales\/orders 503 /, 'and the request with its 503');
  } finally {
    rmSync(hook, { force: true });
  }
  const res = await fetch(`${URL}/sales/orders`, { headers: { cookie } });
  assert.equal(res.status, 200, 'the same page works again');
  assert.deepEqual(workersOf('sales'), workers, 'on the same workers (none restarted, the connection kept)');
});

test('a worker that dies is started again by the supervisor, and the program keeps answering', async () => {
  const cookie = await cookieOf('lina');
  const before = workersOf('sales');
  assert.ok(before.length >= 2, `the program runs its workers (${before})`);
  process.kill(before[0], 'SIGKILL');
  let now = [];
  for (let i = 0; i < 100; i++) {
    now = workersOf('sales');
    if (now.length === before.length && !now.includes(before[0])) break;
    await sleep(100);
  }
  assert.equal(now.length, before.length, `as many workers as before (${before} -> ${now})`);
  assert.ok(!now.includes(before[0]), 'the dead one replaced by a new one');
  for (let i = 0; i < 4; i++) {
    const res = await fetch(`${URL}/sales/customers`, { headers: { cookie } });
    assert.equal(res.status, 200);
  }
});
