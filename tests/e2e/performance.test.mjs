// The performance module (issue 11) on the demo company, in the browser:
// the target grid refuses bad cells by name and writes nothing; a
// manager's proposal for himself is refused, one for a member goes to HR
// who approves it; a rep sees the rankings but not other reps' amounts,
// and another rep's (or another team's) page is 404; the evaluation CSV
// is the engine's stored summary of the period plus the zero rows of reps
// with a target; the charts render with their text alternatives in both
// languages and print.  Targets are written in 2027 (no demo period) and
// removed at the end.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync, execFileSync } from 'node:child_process';
import { URL, STATE, BUILD, launch, newContext, login, shot, sql, csrfOf,
  errorSummary, cjkTexts } from './lib.mjs';

const CONF = process.env.TICHENG_CONF ?? join(STATE, 'ticheng.conf');
let browser;
const id = (login) => sql(`SELECT id FROM people WHERE login = '${login}'`)[0][0];
const cleanup = () => {
  sql("DELETE FROM target_proposal_history WHERE proposal_id IN (SELECT id FROM target_proposals WHERE period LIKE '2027-%')");
  sql("DELETE FROM target_proposals WHERE period LIKE '2027-%'");
  sql("DELETE FROM targets WHERE period LIKE '2027-%'");
};
before(async () => { browser = await launch(); cleanup(); });
after(async () => { cleanup(); await browser?.close(); });

// Posts a form of the page's origin with the page's CSRF token.
async function post(page, path, fields) {
  const csrf = await csrfOf(page);
  return page.evaluate(async ([path, fields, csrf]) => {
    const body = new URLSearchParams({ ...fields, csrf });
    const r = await fetch(path, { method: 'POST', body });
    return { status: r.status, text: await r.text() };
  }, [path, fields, csrf]);
}

test('the target grid names every refused cell, keeps what was typed and writes nothing', async () => {
  const ctx = await newContext(browser);
  const page = await login(ctx, 'zhaomin');
  const zw = id('zhangwei'), ln = id('lina');
  await page.goto(`${URL}/performance/targets?kind=month&year=2027`);
  await page.fill(`[id="c|2027-06|${zw}"]`, '12,000');
  await page.fill(`[id="c|2027-06|${ln}"]`, '15000');
  await page.fill(`[id="c|2027-07|${ln}"]`, '1.005');
  const [resp] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'),
    page.click('#target-grid-form button[type=submit]')]);
  assert.equal(resp.status(), 422);
  const errors = await errorSummary(page);
  assert.deepEqual(errors.map((e) => e[0]), [`#c|2027-06|${zw}`, `#c|2027-07|${ln}`]);
  assert.match(errors[0][1], /张伟 · 2027-06.*不是数字/);
  assert.match(errors[1][1], /李娜 · 2027-07.*最多两位小数/);
  assert.equal(await page.inputValue(`[id="c|2027-06|${zw}"]`), '12,000');
  assert.equal(await page.inputValue(`[id="c|2027-06|${ln}"]`), '15000');
  assert.equal(sql("SELECT COUNT(*) FROM targets WHERE period LIKE '2027-%'")[0][0], '0');
  await shot(page, 'performance-grid-errors');
  await page.fill(`[id="c|2027-06|${zw}"]`, '12000');
  await page.fill(`[id="c|2027-07|${ln}"]`, '1.5');
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'),
    page.click('#target-grid-form button[type=submit]')]);
  assert.deepEqual(sql(`SELECT p.login, t.period, t.amount FROM targets t JOIN people p ON p.id = t.person_id
    WHERE t.period LIKE '2027-%' ORDER BY p.login, t.period`),
  [['lina', '2027-06', '15000.00'], ['lina', '2027-07', '1.50'], ['zhangwei', '2027-06', '12000.00']]);
  // keyboard and paste (performance.js): a block from a spreadsheet fills
  // the cells right of and below the one pasted into; arrows move
  const below = await page.$eval(`[id="c|2027-09|${zw}"]`, (el) => {
    const tr = el.closest('tr').nextElementSibling;
    return tr.querySelector('input.perf-cell[id^="c|2027-09|"]').id;
  });
  await page.focus(`[id="c|2027-09|${zw}"]`);
  await page.evaluate((sel) => {
    const el = document.getElementById(sel);
    const dt = new DataTransfer();
    dt.setData('text/plain', '100\t200\r\n300\t400\r\n');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, `c|2027-09|${zw}`);
  assert.equal(await page.inputValue(`[id="c|2027-10|${zw}"]`), '200');
  assert.equal(await page.inputValue(`[id="${below}"]`), '300');
  assert.equal(await page.inputValue(`[id="${below.replace('2027-09', '2027-10')}"]`), '400');
  await page.focus(`[id="c|2027-09|${zw}"]`);
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.id), below);
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'),
    page.click('#target-grid-form button[type=submit]')]);
  assert.equal(sql("SELECT COUNT(*) FROM targets WHERE period IN ('2027-09', '2027-10')")[0][0], '4');
  // a rep reads the grid, without inputs
  const rep = await login(await newContext(browser), 'zhangwei');
  await rep.goto(`${URL}/performance/targets?kind=month&year=2027`);
  assert.equal(await rep.locator('input.perf-cell').count(), 0);
  assert.equal(await rep.locator('#target-grid tbody tr').count(), 1);
  const denied = await post(rep, '/performance/targets', { kind: 'month', year: '2027', [`c|2027-08|${zw}`]: '1' });
  assert.equal(denied.status, 403);
  await ctx.close();
});

test("a manager's proposed target for himself is refused; one for a member is approved by HR", async () => {
  const mgr = await login(await newContext(browser), 'chenjing');
  await mgr.goto(`${URL}/performance/proposals`);
  const own = await post(mgr, '/performance/proposals', { rep: id('chenjing'), period: '2027-06', amount: '900000' });
  assert.equal(own.status, 422);
  assert.match(own.text, /不能为自己设定目标/);
  const other = await post(mgr, '/performance/proposals', { rep: id('wangqiang'), period: '2027-06', amount: '900000' });
  assert.equal(other.status, 422, 'another team\'s rep');
  assert.match(other.text, /不是您团队的成员/);
  assert.equal(sql("SELECT COUNT(*) FROM target_proposals WHERE period LIKE '2027-%'")[0][0], '0');
  await mgr.selectOption('#rep', id('huangli'));
  await mgr.fill('#period', '2027-06');
  await mgr.fill('#amount', '880000');
  await Promise.all([mgr.waitForLoadState('load'), mgr.click('#propose-form button[type=submit]')]);
  const [[pid, state]] = sql("SELECT id, state FROM target_proposals WHERE period = '2027-06'");
  assert.equal(state, 'proposed');
  assert.equal(await mgr.locator(`tr[data-id="${pid}"] button[value=approve]`).count(), 0, 'the manager cannot approve');
  const hr = await login(await newContext(browser), 'zhaomin');
  await hr.goto(`${URL}/performance/proposals`);
  await Promise.all([hr.waitForLoadState('load'), hr.click(`tr[data-id="${pid}"] button[value=approve]`)]);
  assert.equal(sql(`SELECT state FROM target_proposals WHERE id = ${pid}`)[0][0], 'approved');
  assert.equal(sql(`SELECT amount FROM targets WHERE person_id = ${id('huangli')} AND period = '2027-06'`)[0][0], '880000.00');
  assert.equal(sql(`SELECT COUNT(*) FROM target_proposal_history WHERE proposal_id = ${pid}`)[0][0], '2');
  // the late second approval is told so
  const again = await post(hr, `/performance/proposals/${pid}`, { action: 'approve' });
  assert.equal(again.status, 409);
});

test("a rep sees ranks and percents but not other reps' amounts, and another rep's page is 404", async () => {
  const page = await login(await newContext(browser), 'zhangwei');
  await page.goto(`${URL}/performance/rankings`);
  const rows = await page.$$eval('#rankings tbody tr', (trs) => trs.map((tr) => ({
    me: tr.classList.contains('me-row'), cells: [...tr.children].map((c) => c.textContent.trim()) })));
  assert.ok(rows.length >= 8);
  for (const r of rows) {
    assert.match(r.cells[0], /^\d+$/);
    if (r.me) assert.match(r.cells[4], /^[\d,]+\.\d\d$/);
    else assert.equal(r.cells[4], '···');
  }
  assert.equal(rows.filter((r) => r.me).length, 1);
  await shot(page, 'performance-rankings-rep');
  const csv = await page.evaluate(async () => (await fetch('/performance/evaluation.csv')).text());
  const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.equal(lines.length, 2, csv);
  assert.match(lines[1], /^zhangwei,/);
  assert.equal((await page.goto(`${URL}/performance/reps/${id('lina')}`)).status(), 404);
  assert.equal((await page.goto(`${URL}/performance/reps/${id('zhangwei')}`)).status(), 200);
  // the distance to the plan's 100% thresholds, in each of the 12
  // periods the rep missed: target - sales, to the fen
  const months = await page.$$eval('#rep-months tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  const missed = months.find((m) => m[2] !== '–' && Number(m[3]) < 100);
  if (missed) {
    await page.goto(`${URL}/performance/reps/${id('zhangwei')}?period=${missed[0]}`);
    const fen = (t) => Math.round(Number(t.replace(/,/g, '')) * 100);
    const text = await page.textContent('#incentives');
    const need = text.match(/100% \([^)]*\): 再完成 ([\d,]+\.\d\d)/);
    assert.ok(need, text);
    assert.equal(fen(need[1]), fen(missed[2]) - fen(missed[1]));
  }
  const mgr = await login(await newContext(browser), 'chenjing');
  assert.equal((await mgr.goto(`${URL}/performance/reps/${id('wangqiang')}`)).status(), 404, 'another team');
  assert.equal((await mgr.goto(`${URL}/performance/reps/${id('lina')}`)).status(), 200);
  // managers see their team's amounts in the rankings
  await mgr.goto(`${URL}/performance/rankings`);
  const teamRows = await mgr.$$eval('#rankings tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  for (const r of teamRows) assert.equal(r[4] === '···', r[2] !== 'East', r.join(' '));
  const admin = await login(await newContext(browser), 'admin');
  assert.equal((await admin.goto(`${URL}/performance/`)).status(), 403);
});

test("the evaluation CSV is the engine's stored summary of the period, plus reps with a target and no sales", async () => {
  const [[label]] = sql(`SELECT p.label FROM periods p WHERE EXISTS (SELECT 1 FROM calc_runs r
    WHERE r.period_id = p.id AND r.state = 'done') ORDER BY p.first_day DESC LIMIT 1`);
  const dir = mkdtempSync(join(tmpdir(), 'perf-eval-'));
  const r = spawnSync(join(BUILD, 'ticheng-admin'), ['-c', CONF, 'results', label, dir], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const summary = readFileSync(join(dir, 'summary.csv'), 'utf8').trim().split('\n').slice(1)
    .map((l) => l.split(',').slice(0, 5).join(','));
  const page = await login(await newContext(browser), 'sunli');
  const csv = await page.evaluate(async (p) => (await fetch(`/performance/evaluation.csv?period=${p}`)).text(), label);
  const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.equal(lines[0], 'rep,period,sales,target,attainment,team,name');
  const mine = lines.slice(1).map((l) => l.split(',').slice(0, 5).join(','));
  const extra = mine.filter((l) => !summary.includes(l));
  assert.deepEqual(summary.filter((l) => !mine.includes(l)), [], 'every summary row is in the CSV');
  const zeros = sql(`SELECT p.login, t.period, t.amount FROM targets t JOIN people p ON p.id = t.person_id
    WHERE t.period = '${label}' AND NOT EXISTS (SELECT 1 FROM commission_summaries cs JOIN periods pd ON pd.id = cs.period_id
    WHERE cs.person_id = t.person_id AND pd.label = t.period) ORDER BY p.login`).map(([l, p, a]) => `${l},${p},0.00,${a},0.00`);
  assert.deepEqual(extra, zeros);
  // one engine row worked through: attainment = sales / target to 2 decimals
  const [rep, , sales, target, att] = summary.find((l) => l.split(',')[3] !== '').split(',');
  assert.equal(att, (Math.round(Number(sales) / Number(target) * 10000) / 100).toFixed(2), rep);
});

for (const [locale, lang] of [['zh-CN', 'zh'], ['en-US', 'en']]) {
  test(`the charts render with their text alternatives and print (${lang})`, async () => {
    const ctx = await newContext(browser, locale);
    const page = await login(ctx, 'wujun');
    const resp = await page.goto(`${URL}/performance/charts`);
    assert.equal(resp.status(), 200);
    const figs = await page.$$eval('figure.chart-fig svg.chart', (svgs) => svgs.map((s) => ({
      role: s.getAttribute('role'), title: s.querySelector('title')?.textContent ?? '',
      shapes: s.querySelectorAll('rect.bar, circle.dot').length })));
    assert.equal(figs.length, 4);
    for (const f of figs) {
      assert.equal(f.role, 'img');
      assert.ok(f.title.length > 0);
      assert.ok(f.shapes > 0, f.title);
    }
    if (lang === 'en') {
      // names of people and of the company are data, the language
      // switch names its language in it
      const names = new RegExp(sql('SELECT name FROM people').map((r) => r[0]).join('|'));
      assert.deepEqual(await cjkTexts(page, [names, '提成 ticheng', '示例科技有限公司', '中文']), []);
      assert.match(figs[0].title, /Attainment by rep/);
    } else assert.match(figs[0].title, /达成率/);
    // the 100% reference line: one dashed line across the attainment
    // chart at 100 on its axis (core/chart's reference line, not a series)
    const ref = await page.$eval('#chart-attainment', (svg) => {
      const line = svg.querySelectorAll('line.ref');
      const ticks = [...svg.querySelectorAll('line.grid')].map((l) => Number(l.getAttribute('y1')));
      const labels = [...svg.querySelectorAll('text.tick')].map((t) => t.textContent);
      return { n: line.length, y: Number(line[0]?.getAttribute('y1')), label: svg.querySelector('text.ref-label')?.textContent,
        at100: ticks[labels.indexOf('100')], polylines: svg.querySelectorAll('polyline').length,
        desc: svg.querySelector('desc').textContent };
    });
    assert.equal(ref.n, 1);
    assert.equal(ref.polylines, 0, 'no series drawn for the 100% line');
    assert.equal(ref.label, lang === 'en' ? 'Target 100%' : '目标 100%');
    if (!Number.isNaN(ref.at100) && ref.at100 !== undefined) assert.ok(Math.abs(ref.y - ref.at100) <= 1, `the line sits at the 100 tick (${ref.y} vs ${ref.at100})`);
    assert.match(ref.desc, lang === 'en' ? /Reference line Target 100%: 100\./ : /参考线 目标 100%: 100\./);
    await shot(page, `performance-charts-${lang}`);
    const pdf = join(mkdtempSync(join(tmpdir(), 'perf-pdf-')), 'charts.pdf');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdf, format: 'A4' });
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    assert.match(text, lang === 'en' ? /Teams: sales and target/ : /团队对比/);
    const rep = await page.goto(`${URL}/performance/reps/${id('lina')}`);
    assert.equal(rep.status(), 200);
    assert.equal(await page.locator('figure.chart-fig svg.chart').count(), 2);
    await ctx.close();
  });
}

test('a contest: HR creates it, the leaderboard hides other reps\' sales from a rep, its end writes each prize once', async () => {
  const hr = await login(await newContext(browser), 'zhaomin');
  await hr.goto(`${URL}/performance/contests`);
  // a gap in the prizes is refused, what was typed kept
  await hr.fill('#name', '十月冲刺');
  await hr.fill('#period', '2026-10');
  await hr.fill('input[name=prize_1]', '1000');
  await hr.fill('input[name=prize_3]', '300');
  const [bad] = await Promise.all([hr.waitForResponse((r) => r.request().method() === 'POST'),
    hr.click('#contest-form button[type=submit]')]);
  assert.equal(bad.status(), 422);
  assert.equal(await hr.inputValue('#name'), '十月冲刺');
  await hr.fill('input[name=prize_2]', '600');
  await Promise.all([hr.waitForURL(/\/performance\/contests\/\d+$/), hr.click('#contest-form button[type=submit]')]);
  const cid = hr.url().match(/(\d+)$/)[1];
  try {
    const standings = await hr.$$eval('#standings tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
    assert.ok(standings.length >= 8);
    assert.deepEqual(standings.slice(0, 3).map((s) => s[4]), ['1,000.00', '600.00', '300.00']);
    const rep = await login(await newContext(browser), 'lina');
    await rep.goto(`${URL}/performance/contests/${cid}`);
    const seen = await rep.$$eval('#standings tbody tr', (trs) => trs.map((tr) => ({
      me: tr.classList.contains('me-row'), sales: tr.children[3].textContent.trim() })));
    for (const s of seen) assert.equal(s.sales === '···', !s.me);
    assert.equal(await rep.locator('#contest-finish').count(), 0);
    // the period is over (today is after 2026-10): HR ends it
    await Promise.all([hr.waitForLoadState('load'), hr.click('#contest-finish')]);
    const prizes = sql(`SELECT COUNT(*), SUM(amount) FROM commission_adjustments WHERE kind = 'contest_prize'
      AND source_ref LIKE 'contest:${cid}:%' AND state = 'proposed'`);
    assert.deepEqual(prizes, [['3', '1900.00']]);
    const again = await post(hr, `/performance/contests/${cid}`, {});
    assert.equal(again.status, 200);
    assert.match(again.text, /写入 0 笔/);
    assert.deepEqual(sql(`SELECT COUNT(*) FROM commission_adjustments WHERE source_ref LIKE 'contest:${cid}:%'`), [['3']]);
  } finally {
    sql(`DELETE m FROM commission_adjustment_moves m JOIN commission_adjustments a ON a.id = m.adjustment_id
      WHERE a.source_ref LIKE 'contest:${cid}:%'`);
    sql(`DELETE FROM commission_adjustments WHERE source_ref LIKE 'contest:${cid}:%'`);
    sql(`DELETE FROM contest_prizes WHERE contest_id = ${cid}`);
    sql(`DELETE FROM contests WHERE id = ${cid}`);
  }
});

test('the management dashboard: totals for the month, quarter and year linked to their evaluation, the cost share linked to settlement', async () => {
  const page = await login(await newContext(browser), 'wujun');
  assert.equal((await page.goto(`${URL}/performance/dashboard`)).status(), 200);
  const links = await page.$$eval('#dash-totals a', (as) => as.map((a) => a.getAttribute('href')));
  assert.equal(links.length, 4);
  assert.match(links[0], /^\/performance\/\?period=\d{4}-\d\d$/);
  assert.match(links[1], /^\/performance\/\?period=\d{4}-Q\d$/);
  assert.match(links[2], /^\/performance\/\?period=\d{4}$/);
  assert.match(links[3], /^\/settlement\/cost\?period=/);
  const month = links[0].split('=')[1];
  const [[cost, sales]] = sql(`SELECT SUM(cs.commission + cs.bonus), SUM(cs.sales) FROM commission_summaries cs
    JOIN periods p ON p.id = cs.period_id WHERE p.label = '${month}'`);
  assert.equal(await page.textContent('#dash-cost-share'),
    `${(Math.round(Number(cost) / Number(sales) * 10000) / 100).toFixed(2)}%`);
  assert.equal(await page.locator('figure.chart-fig svg.chart').count(), 2);
  await shot(page, 'performance-dashboard');
  const rep = await login(await newContext(browser), 'zhangwei');
  assert.equal((await rep.goto(`${URL}/performance/dashboard`)).status(), 403);
});
