// Settlement in Chromium, from a closed period to paid: finance generates
// the statements of a closed period of the test's own (1991-01, with a
// run's summaries for three demo people), submits them; the reviewer who
// prepared one is refused, a batch review gives a result per statement;
// management approves (a second browser on the same page is told it came
// too late; nobody approves their own statement); regenerating leaves the
// approved one as it was; paying without a reference is refused with the
// field named, then paid; the print form printed to PDF carries the
// figures, the capitals, the names and the code; the verification page
// accepts the code and refuses it with one character changed; reps see
// their own, managers their team's, admin nothing; the demo's negative
// balance is carried to the next statement; English pages are translated.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { URL, SHOTS, STATE, TOP, launch, newContext, login, shot, sql, cjkTexts, fieldError } from './lib.mjs';

let browser;
const one = (q) => sql(q)[0]?.[0];
const id = (login) => one(`SELECT id FROM people WHERE login = '${login}'`);
const LABEL = '1991-01';

function clean() {
  sql(`UPDATE settlement_statements s JOIN periods p ON p.id = s.period_id SET s.previous_id = NULL WHERE p.label = '${LABEL}'`);
  sql(`DELETE s FROM settlement_statements s JOIN periods p ON p.id = s.period_id WHERE p.label = '${LABEL}'`);
  sql(`DELETE c FROM commission_summaries c JOIN periods p ON p.id = c.period_id WHERE p.label = '${LABEL}'`);
  sql(`DELETE c FROM calc_runs c JOIN periods p ON p.id = c.period_id WHERE p.label = '${LABEL}'`);
  sql(`DELETE FROM periods WHERE label = '${LABEL}'`);
}

before(async () => {
  browser = await launch();
  clean();
  sql(`INSERT INTO periods (kind, label, first_day, last_day, state) VALUES ('month', '${LABEL}', '1991-01-01', '1991-01-31', 'closed')`);
  const period = one(`SELECT id FROM periods WHERE label = '${LABEL}'`);
  sql(`INSERT INTO calc_runs (period_id, state, started_by) VALUES (${period}, 'done', 'e2e')`);
  const run = one(`SELECT MAX(id) FROM calc_runs WHERE period_id = ${period}`);
  for (const [login, commission] of [['zhangwei', '500.00'], ['lina', '12345.67'], ['wujun', '100.00']]) {
    const team = one(`SELECT team FROM people WHERE login = '${login}'`) ?? '';
    const mgr = one(`SELECT COALESCE(manager_login, '') FROM people WHERE login = '${login}'`) ?? '';
    sql(`INSERT INTO commission_summaries (period_id, person_id, run_id, team, manager_login, sales, commission, bonus, total) VALUES (${period}, ${id(login)}, ${run}, '${team}', NULLIF('${mgr}', ''), 0, ${commission}, 0, ${commission})`);
  }
});
after(async () => { clean(); await browser?.close(); });

const st = (login) => sql(`SELECT s.id, s.number, s.state, s.revision, s.verify_code FROM settlement_statements s JOIN periods p ON p.id = s.period_id WHERE p.label = '${LABEL}' AND s.person_id = ${id(login)}`)[0];

async function as(user, locale) {
  const ctx = await newContext(browser, locale);
  const page = await login(ctx, user);
  return { ctx, page };
}

async function generate(page) {
  await page.goto(`${URL}/settlement/statements`);
  await page.selectOption('#gen-period', LABEL);
  await Promise.all([page.waitForLoadState('load'), page.click('#generate-button')]);
  await page.waitForURL(/done=generated/);
  return page.textContent('.flash');
}

// Clicks the form button id on statement sid's page; returns the status.
async function press(page, sid, button, fill = {}) {
  await page.goto(`${URL}/settlement/statements/${sid}`);
  for (const [k, v] of Object.entries(fill)) await page.fill(k, v);
  const [resp] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.click(button),
  ]);
  await page.waitForLoadState('load');
  return resp.status();
}

// POSTs action to statement sid with the page's CSRF token.
async function post(page, sid, action, fields = {}) {
  await page.goto(`${URL}/settlement/statements/${sid}`);
  const csrf = await page.getAttribute('input[name=csrf]', 'value') ??
    await page.evaluate(() => document.querySelector('meta[name=csrf]')?.content);
  return page.evaluate(async ({ url, body }) => {
    const r = await fetch(url, { method: 'POST', body: new URLSearchParams(body), redirect: 'manual' });
    return { status: r.status, text: await r.text() };
  }, { url: `${URL}/settlement/statements/${sid}/${action}`, body: { csrf, ...fields } });
}

test('from a closed period to paid, with each refusal on the way', async () => {
  // the reviewer prepares the period: he may not review what he prepared
  const rev = await as('zhouhang');
  assert.match(await generate(rev.page), /3 \/ 0 \/ 0/);
  const [zw, ln, wj] = [st('zhangwei'), st('lina'), st('wujun')];
  assert.deepEqual([zw[1], ln[1], wj[1]].sort(), ['JS-1991-01-0001', 'JS-1991-01-0002', 'JS-1991-01-0003']);
  assert.ok([zw, ln, wj].every((s) => s[2] === 'draft'));

  const fin = await as('sunli');
  assert.equal(await press(fin.page, zw[0], '#submit-button'), 303);
  assert.equal(st('zhangwei')[2], 'pending');
  await rev.page.goto(`${URL}/settlement/statements/${zw[0]}`);
  assert.equal(await rev.page.$('#review-button'), null, 'no review button for the preparer');
  const refused = await post(rev.page, zw[0], 'review');
  assert.equal(refused.status, 403);
  assert.match(refused.text, /编制人不能审核或审批/);
  assert.equal(st('zhangwei')[2], 'pending');

  // finance prepares again: the two drafts are made again, the pending one kept
  assert.match(await generate(fin.page), /0 \/ 2 \/ 1/);
  assert.equal(st('lina')[3], '2');
  assert.equal(st('zhangwei')[3], '1');
  await press(fin.page, ln[0], '#submit-button');
  await press(fin.page, wj[0], '#submit-button');

  // a batch review: one refusal (he prepared zhangwei's) stops nothing
  await rev.page.goto(`${URL}/settlement/statements?period=${LABEL}`);
  for (const s of [zw, ln, wj]) await rev.page.check(`input[name=id][value="${s[0]}"]`);
  await rev.page.selectOption('#batch-action', 'review');
  await rev.page.fill('#batch-comment', '已核对');
  await Promise.all([rev.page.waitForLoadState('load'), rev.page.click('#batch-button')]);
  const results = await rev.page.$$eval('#batch-results tbody tr', (trs) => trs.map((t) => t.textContent.replace(/\s+/g, ' ')));
  assert.equal(results.length, 3);
  assert.match(results.find((t) => t.includes(`#${zw[0]}`)), /编制人不能审核/);
  assert.match(results.find((t) => t.includes(`#${ln[0]}`)), /已完成/);
  assert.equal(st('lina')[2], 'reviewed');
  assert.equal(st('wujun')[2], 'reviewed');
  await shot(rev.page, 'settlement-batch-zh');

  // management: nobody approves their own statement
  const boss = await as('wujun');
  const own = await post(boss.page, wj[0], 'approve');
  assert.equal(own.status, 403);
  assert.match(own.text, /不能处理自己的结算单/);
  assert.equal(st('wujun')[2], 'reviewed');

  // two browsers on one statement: one approves, the other is too late
  const boss2 = await as('wujun');
  await boss.page.goto(`${URL}/settlement/statements/${ln[0]}`);
  await boss2.page.goto(`${URL}/settlement/statements/${ln[0]}`);
  await Promise.all([boss.page.waitForLoadState('load'), boss.page.click('#approve-button')]);
  const [late] = await Promise.all([
    boss2.page.waitForResponse((r) => r.request().method() === 'POST'),
    boss2.page.click('#approve-button'),
  ]);
  assert.equal(late.status(), 409);
  assert.match(await boss2.page.textContent('main'), /已有他人处理/);
  assert.equal(st('lina')[2], 'approved');
  assert.equal(one(`SELECT COUNT(*) FROM settlement_history WHERE statement_id = ${ln[0]} AND action = 'approve'`), '1');

  // approved is read-only: regenerating leaves it as it was
  const code = st('lina')[4];
  await generate(fin.page);
  assert.equal(st('lina')[3], '2');
  assert.equal(st('lina')[4], code);

  // paying needs the reference: refused with the field named, then paid
  assert.equal(await press(fin.page, ln[0], '#pay-button', { '#paid_on': '1991-02-10' }), 400);
  assert.ok(await fieldError(fin.page, 'reference'), 'the reference is named');
  assert.equal(await fin.page.inputValue('#paid_on'), '1991-02-10', 'what was typed is kept');
  assert.equal(st('lina')[2], 'approved');
  await press(fin.page, ln[0], '#pay-button', { '#reference': 'ICBC-19910210-01', '#paid_on': '1991-02-10' });
  assert.equal(st('lina')[2], 'paid');
  const text = await fin.page.textContent('main');
  assert.match(text, /ICBC-19910210-01/);
  assert.match(text, /周航/);
  assert.match(text, /吴军/);
  await shot(fin.page, 'settlement-statement-zh');
  for (const c of [rev, fin, boss, boss2]) await c.ctx.close();
});

test('the print form printed to PDF: figures, capitals, names, the code; verified and an altered code refused', async () => {
  const ln = st('lina');
  const { ctx, page } = await as('sunli');
  await page.goto(`${URL}/settlement/statements/${ln[0]}/print`);
  await shot(page, 'settlement-print-zh');
  const pdf = join(SHOTS, 'settlement-print-zh.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const txt = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const pages = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)[1];
  assert.equal(pages, '1', 'one A4 page');
  for (const s of ['提成结算审批单', ln[1], '12,345.67', '人民币壹万贰仟叁佰肆拾伍元陆角柒分', '李娜', '1002',
    '孙丽', '周航', '吴军', '申请人', '财务审核', '管理层审批', '出纳', ln[4]]) {
    assert.ok(txt.replace(/\s+/g, '').includes(s.replace(/\s+/g, '')), `the PDF shows ${s}`);
  }
  assert.doesNotMatch(txt, /结算管理\s+提成管理/, 'no navigation on paper');

  // every form of the period as one document, one page each
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`${URL}/settlement/statements?period=${LABEL}`);
  await Promise.all([page.waitForLoadState('load'), page.click('#print-period')]);
  assert.equal(await page.$$eval('article.stl-form', (a) => a.length), 3);
  const all = join(SHOTS, 'settlement-print-period-zh.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: all, format: 'A4', printBackground: true });
  assert.equal(execFileSync('pdfinfo', [all], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)[1], '3');

  // the verification page: the code, then one character changed
  await page.emulateMedia({ media: 'screen' });
  let r = await page.goto(`${URL}/settlement/verify?code=${ln[4]}`);
  assert.equal(r.status(), 200);
  assert.equal(await page.textContent('#v-number'), ln[1]);
  assert.equal(await page.textContent('#v-payable'), '12,345.67');
  assert.equal(await page.textContent('#v-state'), '已支付');
  const altered = ln[4].slice(0, 10) + (ln[4][10] === 'a' ? 'b' : 'a') + ln[4].slice(11);
  r = await page.goto(`${URL}/settlement/verify?code=${altered}`);
  assert.equal(r.status(), 404);
  assert.ok(await page.$('#verify-not-found'));
  assert.equal(await page.$('#v-number'), null);
  await ctx.close();
});

test('reps see their own, managers their team, admin nothing; another id is 404', async () => {
  const ln = st('lina');
  const zw = st('zhangwei');
  const rep = await as('lina');
  await rep.page.goto(`${URL}/settlement/statements?period=${LABEL}`);
  const rows = await rep.page.$$eval('#statements-table tbody tr', (trs) => trs.map((t) => t.dataset.number));
  assert.deepEqual(rows, [ln[1]]);
  assert.equal((await rep.page.goto(`${URL}/settlement/statements/${zw[0]}`)).status(), 404);
  assert.equal((await rep.page.goto(`${URL}/settlement/statements/${zw[0]}/print`)).status(), 404);
  assert.equal((await rep.page.goto(`${URL}/settlement/statements/${ln[0]}`)).status(), 200);
  assert.equal(await rep.page.$('#approve-button'), null);
  assert.equal((await post(rep.page, ln[0], 'approve')).status, 403);

  const east = await as('chenjing');
  await east.page.goto(`${URL}/settlement/statements?period=${LABEL}`);
  const team = await east.page.$$eval('#statements-table tbody tr', (trs) => trs.map((t) => t.dataset.number).sort());
  assert.deepEqual(team, [zw[1], ln[1]].sort());
  const north = await as('yangfan');
  assert.equal((await north.page.goto(`${URL}/settlement/statements/${ln[0]}`)).status(), 404);

  const admin = await as('admin');
  assert.equal((await admin.page.goto(`${URL}/settlement/statements`)).status(), 403);
  assert.equal((await admin.page.goto(`${URL}/settlement/statements/${ln[0]}`)).status(), 403);
  for (const c of [rep, east, north, admin]) await c.ctx.close();
});

test('the demo carries a negative balance to the next statement and says so', async () => {
  const jan = sql(`SELECT s.id, s.carried_out FROM settlement_statements s JOIN people pe ON pe.id = s.person_id JOIN periods p ON p.id = s.period_id WHERE pe.login = 'lina' AND s.carried_out < 0 ORDER BY p.first_day LIMIT 1`)[0];
  assert.ok(jan, 'a statement of the demo carries a negative balance');
  const next = sql(`SELECT id, carried_in FROM settlement_statements WHERE previous_id = ${jan[0]}`)[0];
  assert.ok(next, 'the next statement carries it');
  assert.equal(next[1], jan[1]);
  const { ctx, page } = await as('sunli');
  await page.goto(`${URL}/settlement/statements/${jan[0]}`);
  assert.match(await page.textContent('#carried-note'), /不予支付/);
  assert.equal(await page.textContent('#payable'), '0.00');
  await page.goto(`${URL}/settlement/statements/${next[0]}`);
  assert.match(await page.textContent('#items'), /上期结转余额/);
  await ctx.close();
});

test('English pages show no untranslated label; reviewers see what waits for them', async () => {
  const { ctx, page } = await as('zhouhang', 'en-US');
  await page.goto(`${URL}/settlement/statements`);
  const names = sql("SELECT name FROM people").map((r) => r[0]);
  const left = await cjkTexts(page, [...names, '提成 ticheng', '示例科技有限公司', '中文', /^JS-/]);
  assert.deepEqual(left, []);
  await shot(page, 'settlement-list-en');
  const badge = await page.textContent('nav a[href="/settlement/"]');
  assert.match(badge, /\d+/, 'a waiting count beside Settlement');
  await ctx.close();
});

// Fetches path on page's session, reads the XLSX back with openpyxl:
// { A1: [type, number format, value], ... }.
async function xlsx(page, path) {
  const resp = await page.request.get(`${URL}${path}`);
  assert.equal(resp.status(), 200, path);
  const file = join(STATE, `stl-${process.pid}.xlsx`);
  writeFileSync(file, await resp.body());
  const out = execFileSync('/usr/bin/python3', [join(TOP, 'tests/unit/read-xlsx.py'), file], { encoding: 'utf8' });
  const cells = {};
  for (const l of out.split('\n')) {
    const m = l.match(/^cell (\S+) (\S+) (\S+) (.*)$/);
    if (m) cells[m[1]] = [m[2], m[3], m[4]];
  }
  return cells;
}

test('reports reconcile each period; the payroll export as CSV and XLSX, for finance only', async () => {
  const { ctx, page } = await as('sunli');
  await page.goto(`${URL}/settlement/reports?period=${LABEL}`);
  const row = await page.$$eval('#by-period tbody tr', (trs) => trs.map((t) => [...t.cells].map((c) => c.textContent.trim())));
  const mine = row.find((r) => r[0] === LABEL);
  assert.ok(mine, 'the period is in the summary');
  assert.ok(row.every((r) => r[8] === '✓'), 'opening + accrued - payable = closing in every period');
  assert.equal(mine[6], '12,345.67', 'paid');
  assert.match(await page.textContent('#by-team'), /已支付/);
  await shot(page, 'settlement-reports-zh');

  let resp = await page.request.get(`${URL}/settlement/payroll.csv?period=${LABEL}`);
  assert.equal(resp.status(), 200);
  const csv = (await resp.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.equal(csv[0], 'employee_no,name,department,period,statement,amount_payable,state');
  assert.equal(csv.length, 2, 'only the paid statement has something to pay');
  assert.equal(csv[1], `1002,李娜,销售部,${LABEL},${st('lina')[1]},12345.67,已支付`);

  resp = await page.request.get(`${URL}/settlement/payroll.xlsx?period=${LABEL}`);
  assert.equal(resp.status(), 200);
  const path = join(STATE, `payroll-${process.pid}.xlsx`);
  writeFileSync(path, await resp.body());
  const out = execFileSync('/usr/bin/python3', [join(TOP, 'tests/unit/read-xlsx.py'), path], { encoding: 'utf8' });
  assert.match(out, /cell E2 \S+ \S+ JS-1991-01-0002|cell E2 .*JS-1991-01-000/);
  assert.match(out, /cell F2 n \S+ 12345\.67/);
  assert.match(out, /cell A2 \S+ \S+ 1002/);

  resp = await page.request.get(`${URL}/settlement/reports.csv`);
  assert.equal(resp.status(), 200);
  assert.match(await resp.text(), new RegExp(`${LABEL},3,12945\\.67,0\\.00,12945\\.67`));

  // the summary by period as XLSX: the same figures, as numbers
  let x = await xlsx(page, '/settlement/reports.xlsx');
  const at = Object.entries(x).find(([k, v]) => /^A\d+$/.test(k) && v[2] === LABEL)?.[0].slice(1);
  assert.ok(at, 'the period is a row of the summary XLSX');
  assert.deepEqual([x[`B${at}`], x[`C${at}`], x[`E${at}`], x[`G${at}`], x[`H${at}`]].map((c) => [c[0], c[2]]),
    [['n', '3'], ['n', '12945.67'], ['n', '12945.67'], ['n', '12345.67'], ['n', '0']]);
  assert.equal(x[`C${at}`][1], '#,##0.00');

  // the period by team and state, CSV and XLSX
  resp = await page.request.get(`${URL}/settlement/reports/teams.csv?period=${LABEL}`);
  assert.equal(resp.status(), 200);
  const teams = (await resp.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.equal(teams[0], 'team,department,state,statements,payable');
  const teamTotal = teams.slice(1).reduce((a, l) => a + Math.round(Number(l.split(',').at(-1)) * 100), 0);
  assert.equal(teamTotal, 1294567, 'the teams add up to the period');
  assert.ok(teams.some((l) => /,已支付,1,12345\.67$/.test(l)), teams.join('\n'));
  x = await xlsx(page, `/settlement/reports/teams.xlsx?period=${LABEL}`);
  assert.equal(x.A1[2], '团队');
  const paidRow = Object.entries(x).find(([k, v]) => /^C\d+$/.test(k) && v[2] === '已支付')[0].slice(1);
  assert.deepEqual([x[`D${paidRow}`][2], x[`E${paidRow}`][2]], ['1', '12345.67']);

  // the reconciliation by rep: opening + accrued - payable = closing, and a total
  await page.goto(`${URL}/settlement/reports?period=${LABEL}`);
  const reps = await page.$$eval('#by-rep tbody tr', (trs) => trs.map((t) => [...t.cells].map((c) => c.textContent.trim())));
  assert.equal(reps.length, 3);
  assert.ok(reps.every((r) => r[11] === '✓'));
  assert.deepEqual(reps.find((r) => r[1] === '李娜').slice(5, 11), ['0.00', '12,345.67', '12,345.67', '12,345.67', '12,345.67', '0.00']);
  assert.equal(await page.textContent('#by-rep tfoot td:nth-of-type(2)'), '12,945.67');
  resp = await page.request.get(`${URL}/settlement/reports/reconciliation.csv?period=${LABEL}`);
  const rec = (await resp.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.equal(rec[0], 'employee_no,name,team,statement,state,opening_balance,accrued,payable,approved,paid,closing_balance');
  assert.ok(rec.includes(`1002,李娜,East,${st('lina')[1]},已支付,0.00,12345.67,12345.67,12345.67,12345.67,0.00`), rec.join('\n'));
  x = await xlsx(page, `/settlement/reports/reconciliation.xlsx?period=${LABEL}`);
  const lina = Object.entries(x).find(([k, v]) => /^B\d+$/.test(k) && v[2] === '李娜')[0].slice(1);
  assert.deepEqual(['F', 'G', 'H', 'I', 'J', 'K'].map((c) => x[`${c}${lina}`][2]), ['0', '12345.67', '12345.67', '12345.67', '12345.67', '0']);
  assert.equal(x[`G${lina}`][0], 'n');
  assert.equal((await page.request.get(`${URL}/settlement/reports/reconciliation.csv`)).status(), 400);
  await ctx.close();

  const boss = await as('wujun');
  assert.equal((await boss.page.request.get(`${URL}/settlement/payroll.csv?period=${LABEL}`)).status(), 403);
  assert.equal((await boss.page.goto(`${URL}/settlement/reports`)).status(), 200);
  await boss.ctx.close();
  const rep = await as('lina');
  assert.equal((await rep.page.goto(`${URL}/settlement/reports`)).status(), 403);
  await rep.ctx.close();
});

test('the commission cost analysis: rates by product type, region, channel and rep, the 12-period trend', async () => {
  const { ctx, page } = await as('wujun');
  const label = one("SELECT p.label FROM periods p JOIN commission_summaries c ON c.period_id = p.id GROUP BY p.id ORDER BY p.first_day DESC LIMIT 1");
  const r = await page.goto(`${URL}/settlement/cost?period=${label}`);
  assert.equal(r.status(), 200);
  assert.equal(await page.$$eval('table.cost-table', (t) => t.length), 4);
  // the rep table's commission adds up to the period's ledger
  const ledger = one(`SELECT SUM(l.commission) FROM commission_lines l JOIN periods p ON p.id = l.period_id WHERE p.label = '${label}' AND l.removed_run_id IS NULL`);
  const reps = await page.$$eval('table.cost-table', (ts) => [...ts[3].tBodies[0].rows].map((tr) => tr.cells[2].textContent.replaceAll(',', '')));
  const sum = reps.reduce((a, v) => a + Math.round(Number(v) * 100), 0);
  assert.equal(sum, Math.round(Number(ledger) * 100));
  assert.ok(await page.$('#chart-cost-trend, svg'), 'the trend is drawn');
  assert.ok((await page.$$('#cost-trend tbody tr')).length >= 6);
  await shot(page, 'settlement-cost-zh');
  assert.equal((await page.goto(`${URL}/settlement/cost?period=1900-01`)).status(), 404);

  // the same figures exported: CSV rows per dimension and the trend; the XLSX read back
  let resp = await page.request.get(`${URL}/settlement/cost.csv?period=${label}`);
  assert.equal(resp.status(), 200);
  const rows = (await resp.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.equal(rows[0], 'dimension,name,commission,sales,rate');
  const byRep = rows.filter((l) => l.startsWith('按销售,'));
  assert.equal(byRep.reduce((a, l) => a + Math.round(Number(l.split(',')[2]) * 100), 0), Math.round(Number(ledger) * 100));
  assert.ok(rows.filter((l) => l.startsWith('提成率趋势')).length >= 6, 'the trend rows');
  const x = await xlsx(page, `/settlement/cost.xlsx?period=${label}`);
  const first = Object.entries(x).find(([k, v]) => /^A\d+$/.test(k) && v[2] === '按销售')[0].slice(1);
  const [c, s, rate] = ['C', 'D', 'E'].map((k) => x[`${k}${first}`]);
  assert.equal(c[0], 'n');
  assert.equal(rate[1], '0.00%');
  assert.ok(Math.abs(Number(rate[2]) - Number(c[2]) / Number(s[2])) < 0.000001, 'the rate is commission over sales');
  assert.equal((await page.request.get(`${URL}/settlement/cost.csv?period=1900-01`)).status(), 404);
  await ctx.close();
  const rep = await as('lina');
  assert.equal((await rep.page.goto(`${URL}/settlement/cost`)).status(), 403);
  assert.equal((await rep.page.request.get(`${URL}/settlement/cost.xlsx`)).status(), 403);
  assert.equal((await rep.page.request.get(`${URL}/settlement/reports/teams.csv?period=${LABEL}`)).status(), 403);
  await rep.ctx.close();
});
