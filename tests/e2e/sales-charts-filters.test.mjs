// The overview, the funnel and the forecast read their filters through a
// field table: a bad value (not a number, a rep or a team outside the
// reader's scope, an impossible date) is answered 400 with the form
// naming the field and keeping what was typed, never a silent default.
// The overview's open figures and its "needs attention" list come from
// SQL: the same figures as the database holds, and the same first rows,
// in the same order, as the opportunities list sorted by priority.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { URL, launch, newContext, login, shot, sql, errorSummary, businessDate } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const one = (q) => sql(q)[0]?.[0];
const fen = (text) => Math.round(Number(text.replace(/,/g, '')) * 100);

test('a bad or out-of-scope filter is a 400 naming the field, with what was typed kept', async () => {
  const ctx = await newContext(browser);
  const page = await login(ctx, 'chenjing');
  const north = one("SELECT id FROM people WHERE login = 'wangqiang'");
  const cases = [
    ['/sales/funnel?rep=abc', 'rep', '销售代表'],
    [`/sales/funnel?rep=${north}`, 'rep', '销售代表'],          // another team's rep
    ['/sales/funnel?from=2026-13-01', 'from', '从'],
    ['/sales/forecast?rep=-3', 'rep', '销售代表'],
  ];
  for (const [path, field, label] of cases) {
    const res = await page.goto(`${URL}${path}`);
    assert.equal(res.status(), 400, path);
    const summary = await errorSummary(page);
    assert.ok(summary.some(([href, text]) => href === `#${field}` && text.includes(label)),
      `${path}: summary ${JSON.stringify(summary)}`);
    assert.equal(await page.getAttribute(`#${field}`, 'aria-invalid'), 'true', path);
  }
  await page.goto(`${URL}/sales/funnel?from=2026-13-01`);
  assert.equal(await page.inputValue('#from'), '', 'a date input cannot hold 2026-13-01; the summary names it');
  await shot(page, 'sales-funnel-bad-filter');
  // good values still answer 200, narrowed
  const own = one("SELECT id FROM people WHERE login = 'lina'");
  assert.equal((await page.goto(`${URL}/sales/funnel?rep=${own}&from=2026-01-01&to=2026-12-31`)).status(), 200);
  assert.equal(await page.inputValue('#from'), '2026-01-01');
  assert.equal((await page.goto(`${URL}/sales/forecast?rep=${own}`)).status(), 200);
  await ctx.close();

  // a team exists only for those who see every team
  const all = await newContext(browser);
  const boss = await login(all, 'wujun');
  const team = one("SELECT team FROM people WHERE login = 'zhangwei'");
  assert.equal((await boss.goto(`${URL}/sales/forecast?team=${encodeURIComponent(team)}`)).status(), 200);
  assert.equal((await boss.goto(`${URL}/sales/forecast?team=nowhere`)).status(), 400);
  assert.equal(await boss.getAttribute('#team', 'aria-invalid'), 'true');
  await all.close();
});

test('the overview counts the open pipeline in SQL and lists what needs attention first, as the list orders it', async () => {
  for (const user of ['wujun', 'chenjing', 'zhangwei']) {
    const ctx = await newContext(browser);
    const page = await login(ctx, user);
    await page.goto(`${URL}/sales/`);
    const kpis = await page.locator('.kpi-value').allTextContents();
    if (user === 'wujun') {
      // every open opportunity: count, amount, weighted (each to the fen)
      const [n, amount, weighted, overdue] = sql(`SELECT COUNT(*), SUM(o.amount),
        SUM(ROUND(o.amount * s.probability / 100, 2)), SUM(o.next_follow_up < '${businessDate()}')
        FROM opportunities o JOIN stages s ON s.code = o.stage WHERE s.is_open`)[0];
      assert.equal(fen(kpis[0]), Math.round(Number(amount) * 100), 'open amount');
      assert.equal(fen(kpis[1]), Math.round(Number(weighted) * 100), 'weighted');
      assert.equal(kpis[5], String(overdue), 'overdue follow-ups (after open, weighted, booked, won, week)');
      const sub = await page.locator('.kpi-sub').first().textContent();
      assert.ok(sub.startsWith(`${n} `), `open count ${n}: ${sub}`);
    }
    const attention = await page.locator('#attention tbody a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    await page.goto(`${URL}/sales/opportunities`);
    const rows = await page.locator('#opportunities tbody tr').evaluateAll((trs) => trs.map((tr) => ({
      href: tr.querySelector('a').getAttribute('href'),
      score: Number(tr.lastElementChild.textContent.trim()),
    })));
    const want = rows.filter((r) => r.score > 0).slice(0, 10).map((r) => r.href);
    assert.ok(want.length > 0, `${user}: some opportunity needs attention in the demo`);
    assert.deepEqual(attention, want, `${user}: the overview's first rows are the list's`);
    await ctx.close();
  }
});
