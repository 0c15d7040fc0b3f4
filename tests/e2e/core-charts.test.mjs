// Charts through the core (core/chart.tpl): every chart of the sales
// module, in both languages, has its text alternative, short labels in
// the reader's format (万/亿 or K/M), full figures in its tooltips that
// agree with the page's tables, and a print style; each is screenshotted
// (screen, and print for the statistics); on paper the charts keep their
// own size and print their data tables.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { URL, SHOTS, launch, newContext, login, shot } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PAGES = [
  ['/sales/stats', 'stats', 6],
  ['/sales/collections', 'collections', 1],
  ['/sales/collections/open', 'receivables', 1],
  ['/sales/funnel', 'funnel', 1],
  ['/sales/forecast', 'forecast', 1],
];

// What a figure shows, read from the DOM.
async function figures(page) {
  return page.$$eval('figure.chart-fig', (figs) => figs.map((f) => {
    const svg = f.querySelector('svg.chart');
    const ids = (svg.getAttribute('aria-labelledby') ?? '').split(' ');
    return {
      role: svg.getAttribute('role'),
      named: ids.map((id) => document.getElementById(id)?.textContent ?? null),
      bars: svg.querySelectorAll('rect.bar').length,
      tips: [...svg.querySelectorAll('rect.bar > title, circle.dot > title')].map((t) => t.textContent),
      labels: [...svg.querySelectorAll('text.tick, text.value')].map((t) => t.textContent),
      cats: [...svg.querySelectorAll('text.label')].map((t) => t.textContent),
      legend: [...f.querySelectorAll('ul.legend li')].map((l) => l.textContent),
      table: [...f.querySelectorAll('details.chart-data tbody tr')].map((r) => [...r.children].map((c) => c.textContent)),
    };
  }));
}

for (const lang of ['zh', 'en']) {
  test(`charts (${lang}): every sales chart is described, labelled in one format, and screenshotted`, async () => {
    const ctx = await newContext(browser, lang === 'en' ? 'en-US' : 'zh-CN');
    const page = await login(ctx, 'chenjing');
    for (const [path, name, count] of PAGES) {
      const resp = await page.goto(`${URL}${path}`);
      assert.equal(resp.status(), 200, path);
      const figs = await figures(page);
      assert.equal(figs.length, count, `${path}: charts`);
      for (const f of figs) {
        assert.equal(f.role, 'img', path);
        // <title> and <desc>: named, and the desc says what is highest
        assert.ok(f.named[0]?.trim(), `${path}: a title`);
        assert.match(f.named[1] ?? '', lang === 'zh' ? /最高/ : /highest/, `${path}: ${f.named[1]}`);
        assert.ok(f.bars > 0, `${path}: bars`);
        // short labels in the reader's format only
        for (const l of f.labels) {
          if (lang === 'zh') assert.match(l, /^-?[\d,]+(\.\d+)?(万|亿)?( · \d+)?$|^\d+ · -?[\d,.]+(万|亿)?$/, `${path}: "${l}"`);
          else assert.match(l, /^-?[\d,]+(\.\d+)?[KM]?( · \d+)?$|^\d+ · -?[\d,.]+[KM]?$/, `${path}: "${l}"`);
        }
        // full figures in the tooltips: 1,234.50 (money) or 12 (counts)
        for (const t of f.tips) assert.match(t, /: -?[\d,]+(\.\d\d)?$/, `${path}: "${t}"`);
      }
      await shot(page, `chart-${name}-${lang}`);
    }
    await ctx.close();
  });
}

test('charts: the month columns agree with the statistics table, the data table with the chart', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'wujun');
  await page.goto(`${URL}/sales/stats`);
  const [months] = await figures(page);
  // one column a month, each tooltip the month's amount in the table
  const rows = await page.$$eval('section.stats-months tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.equal(rows.length, 12);
  assert.equal(months.bars, 12);
  assert.deepEqual(months.legend, ['金额', '毛利']);
  for (const [month, amount, margin] of rows) {
    assert.ok(months.tips.includes(`${month} · 金额: ${amount}`), `${month} ${amount}`);
    assert.ok(months.tips.includes(`${month} · 毛利: ${margin}`), `${month} ${margin}`);
  }
  // the collections chart: its data table lists the twelve months with
  // the figures its columns show
  await page.goto(`${URL}/sales/collections`);
  const [coll] = await figures(page);
  assert.equal(coll.table.length, 12);
  assert.deepEqual(coll.legend, ['回款', '退款']);
  for (const [month, received] of coll.table) {
    assert.match(month, /^\d{4}-\d\d$/);
    if (received !== '0.00') assert.ok(coll.tips.includes(`${month} · 回款: ${received}`), `${month} ${received}`);
  }
  // the funnel: a bar per stage of the table of stages reached, count and amount beside it
  await page.goto(`${URL}/sales/funnel`);
  const [funnel] = await figures(page);
  const stages = await page.$$eval('#funnel-reached tbody tr', (trs) => trs.map((tr) => [tr.children[0].textContent.trim(), tr.children[1].textContent.trim()]));
  assert.equal(funnel.bars, stages.length);
  assert.deepEqual(funnel.cats, stages.map((s) => s[0]));
  assert.deepEqual(funnel.labels.map((l) => l.split(' · ')[0]), stages.map((s) => s[1]));
  await ctx.close();
});

test('charts: the statistics print with their charts in greys', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'wujun');
  await page.goto(`${URL}/sales/stats`);
  await page.emulateMedia({ media: 'print' });
  const fills = await page.$$eval('svg.chart rect.bar', (rs) => [...new Set(rs.map((r) => getComputedStyle(r).fill))]);
  for (const f of fills) {
    const [r, g, b] = f.match(/\d+/g).map(Number);
    assert.ok(r === g && g === b, `a grey in print, got ${f}`);
  }
  const line = await page.$eval('svg.chart polyline.line', (l) => getComputedStyle(l).stroke);
  const [r, g, b] = line.match(/\d+/g).map(Number);
  assert.ok(r === g && g === b, `the margin line prints grey, got ${line}`);
  await page.screenshot({ path: join(SHOTS, 'chart-stats-print-zh.png'), fullPage: true });
  await ctx.close();
});

test('charts: on an A4 sheet the charts keep their own size and their data tables print', async () => {
  const ctx = await newContext(browser, 'zh-CN');
  const page = await login(ctx, 'wujun');
  await page.setViewportSize({ width: 794, height: 1123 });   // A4 at 96 dpi
  await page.emulateMedia({ media: 'print' });
  for (const path of ['/sales/stats', '/sales/collections']) {
    await page.goto(`${URL}${path}`);
    // never drawn larger than the layout (11 px text stays 11 px or less)
    const sizes = await page.$$eval('svg.chart', (svgs) => svgs.map((s) => [s.getBoundingClientRect().width, s.viewBox.baseVal.width]));
    assert.ok(sizes.length > 0, path);
    for (const [shown, own] of sizes) assert.ok(shown > 0 && shown <= own + 0.5, `${path}: ${shown} px for a ${own} px chart`);
    // the full figures print, closed or not, without the "show" summary
    const tables = await page.$$eval('details.chart-data', (ds) => ds.map((d) => ({
      open: d.open,
      summary: d.querySelector('summary').checkVisibility(),
      rows: [...d.querySelectorAll('tbody tr')].filter((tr) => tr.checkVisibility()).length,
    })));
    assert.ok(tables.length > 0, path);
    for (const t of tables) {
      assert.equal(t.open, false, path);
      assert.equal(t.summary, false, `${path}: no summary on paper`);
      assert.equal(t.rows, 12, `${path}: twelve months on paper`);
    }
    // no dark sidebar band behind the sheet
    assert.equal(await page.$eval('.shell', (e) => getComputedStyle(e).backgroundImage), 'none', path);
  }
  // and on screen the same tables stay folded away
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1366, height: 900 });
  const folded = await page.$$eval('details.chart-data tbody tr', (trs) => trs.filter((tr) => tr.checkVisibility()).length);
  assert.equal(folded, 0);
  await page.pdf({ path: join(SHOTS, 'chart-collections-print-zh.pdf'), format: 'A4' });
  await ctx.close();
});
