// The commission ledger on the web (issue 14, "The ledger and its
// explanation"): a rep sees their own lines, and the CSV of their ledger
// is, column for column, ticheng-calc's lines.csv on the exported files
// of the period; the export holds exactly what the filters show (CSV and
// XLSX); a manager sees the team of the run, finance every line; a bad
// filter is named; admin gets 403.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, newContext, login, shot, sql, STATE, TOP, URL } from './lib.mjs';
import { CONF, admin, calcOn, onlyPeriod, tempDir } from './commission-cli.mjs';

const browser = await launch();
after(() => browser.close());

// RFC 4180 records of text (BOM dropped, CRLF or LF).
export function parseCsv(text) {
  const rows = [];
  let row = [], f = '', q = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === '"' && s[i + 1] === '"') { f += '"'; i++; } else if (c === '"') q = false; else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(f); f = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(f); rows.push(row); row = []; f = '';
    } else f += c;
  }
  if (f !== '' || row.length) { row.push(f); rows.push(row); }
  return rows;
}

// The latest period with results, run again so that it is current.
function currentPeriod() {
  const [[label]] = sql(`SELECT p.label FROM periods p WHERE p.state = 'open' AND EXISTS
    (SELECT 1 FROM commission_summaries s WHERE s.period_id = p.id) ORDER BY p.first_day DESC LIMIT 1`);
  const r = admin(CONF, 'calc', label);
  assert.equal(r.status, 0, r.err);
  return label;
}

async function download(page, href) {
  const res = await page.request.get(`${URL}${href}`);
  assert.equal(res.status(), 200, href);
  return res;
}

test('a rep\'s ledger is theirs, and its CSV is ticheng-calc\'s lines.csv on the exported files', async () => {
  const label = currentPeriod();
  const ctx = await newContext(browser);
  const page = await login(ctx, 'zhangwei', undefined, '/commission/ledger');
  const res = await page.goto(`${URL}/commission/ledger?period=${label}`);
  assert.equal(res.status(), 200);
  await shot(page, 'commission-ledger-rep');
  const names = await page.locator('#ledger-table tbody tr td:nth-child(1)').allTextContents();
  assert.ok(names.length > 0, 'zhangwei has no line');
  assert.ok(names.every((n) => n.trim() === '张伟'), names.join(','));
  // No people to pick for a rep.
  assert.equal(await page.locator('select#rep').count(), 0);

  const csv = parseCsv(await (await download(page, await page.getAttribute('#export-csv', 'href'))).text());
  assert.deepEqual(csv[0].slice(0, 9), ['rep', 'period', 'order_id', 'line', 'payment_id', 'rule', 'base_kind', 'base_value', 'commission']);
  const mine = csv.slice(1).map((r) => r.slice(0, 9).join(','));
  // ticheng-calc on the period's exported files, zhangwei's rows.
  const dir = tempDir(`ledger-${label}`);
  const e = admin(CONF, 'export-period', label, dir);
  assert.equal(e.status, 0, e.err);
  const calc = onlyPeriod(calcOn(dir).lines, label).split('\n').slice(1).filter((l) => l.startsWith('zhangwei,'));
  assert.deepEqual(mine, calc);
  // The page's total is the rep's period commission.
  const [[commission]] = sql(`SELECT s.commission FROM commission_summaries s JOIN people pe ON pe.id = s.person_id
    JOIN periods p ON p.id = s.period_id WHERE pe.login = 'zhangwei' AND p.label = '${label}'`);
  assert.equal((await page.textContent('#total-commission')).replace(/,/g, '').trim(), commission);
  assert.equal(Number((await page.textContent('#total-lines')).replace(/,/g, '')), mine.length);
  await ctx.close();
});

test('the export holds exactly what the filters show, in CSV and XLSX', async () => {
  const label = currentPeriod();
  const ctx = await newContext(browser);
  const page = await login(ctx, 'sunli', undefined, '/commission/ledger');
  await page.goto(`${URL}/commission/ledger?period=${label}`);
  // Filter by a rule and a state through the form.
  const [[rule]] = sql(`SELECT r.code FROM commission_lines l JOIN plan_rules r ON r.id = l.rule_id
    JOIN periods p ON p.id = l.period_id WHERE p.label = '${label}' AND l.removed_run_id IS NULL
    GROUP BY r.code ORDER BY COUNT(*) LIMIT 1`);
  await page.selectOption('select#rule', rule);
  await page.selectOption('select#state', 'calculated');
  await Promise.all([page.waitForLoadState('load'), page.click('form.filters button[type=submit]')]);
  await shot(page, 'commission-ledger-filtered');
  const ids = await page.locator('#ledger-table tbody tr').evaluateAll((rs) => rs.map((r) => r.dataset.line));
  const total = Number((await page.textContent('#total-lines')).replace(/,/g, ''));
  assert.ok(total > 0 && total <= 50, `${total} lines`);
  assert.equal(ids.length, total);
  const [[expected]] = sql(`SELECT COUNT(*) FROM commission_lines l JOIN plan_rules r ON r.id = l.rule_id
    JOIN periods p ON p.id = l.period_id WHERE p.label = '${label}' AND r.code = '${rule}'
    AND l.tracking = 'calculated' AND l.removed_run_id IS NULL`);
  assert.equal(total, Number(expected));

  const csvHref = await page.getAttribute('#export-csv', 'href');
  assert.match(csvHref, new RegExp(`rule=${rule}`));
  const csv = parseCsv(await (await download(page, csvHref)).text());
  const idCol = csv[0].indexOf('line_id');
  assert.deepEqual(csv.slice(1).map((r) => r[idCol]).sort(), [...ids].sort());
  assert.ok(csv.slice(1).every((r) => r[5] === rule && r[1] === label));

  const xlsx = await download(page, await page.getAttribute('#export-xlsx', 'href'));
  const path = join(STATE, `ledger-${process.pid}.xlsx`);
  writeFileSync(path, await xlsx.body());
  const cells = execFileSync('/usr/bin/python3', [join(TOP, 'tests/unit/read-xlsx.py'), path], { encoding: 'utf8' })
    .split('\n').filter((l) => l.startsWith('cell A'));
  // a header row, then one row per line
  assert.equal(cells.length, total + 1);
  await ctx.close();
});

test('a manager sees the team of the run, finance everyone; admin gets 403; a bad filter is named', async () => {
  const label = currentPeriod();
  const team = sql(`SELECT pe.name FROM commission_summaries s JOIN people pe ON pe.id = s.person_id
    JOIN periods p ON p.id = s.period_id WHERE p.label = '${label}'
    AND (s.team = (SELECT team FROM people WHERE login = 'chenjing') OR s.manager_login = 'chenjing' OR pe.login = 'chenjing')`).map((r) => r[0]);
  const ctx = await newContext(browser);
  const page = await login(ctx, 'chenjing', undefined, '/commission/ledger');
  await page.goto(`${URL}/commission/ledger?period=${label}`);
  const csv = parseCsv(await (await download(page, await page.getAttribute('#export-csv', 'href'))).text());
  const nameCol = csv[0].indexOf('rep_name');
  const seen = new Set(csv.slice(1).map((r) => r[nameCol]));
  assert.ok(seen.size > 1, 'the manager sees only one person');
  for (const n of seen) assert.ok(team.includes(n), `${n} is not in chenjing's team of the run`);
  const bad = await page.goto(`${URL}/commission/ledger?period=${label}&state=bogus`);
  assert.equal(bad.status(), 400);
  assert.match(await page.textContent('.form-errors, #state + .error, main'), /状态/);
  await ctx.close();

  const fin = await newContext(browser);
  const fp = await login(fin, 'zhouhang', undefined, '/commission/ledger');
  await fp.goto(`${URL}/commission/ledger?period=${label}`);
  const all = parseCsv(await (await download(fp, await fp.getAttribute('#export-csv', 'href'))).text());
  const [[n]] = sql(`SELECT COUNT(*) FROM commission_lines l JOIN periods p ON p.id = l.period_id
    WHERE p.label = '${label}' AND l.removed_run_id IS NULL`);
  assert.equal(all.length - 1, Number(n));
  // Every period: the newest period's lines first, by date; the total of
  // every live line (stored by the runs when the count is capped).
  await fp.goto(`${URL}/commission/ledger?period=`);
  assert.equal(await fp.locator('select#period option:checked').textContent(), '全部期间');
  const periods = await fp.locator('#ledger-table tbody tr[data-period]').evaluateAll((rows) => rows.map((r) => r.dataset.period));
  assert.equal(periods.length, 50);
  const [[newest, sum, lines]] = sql(`SELECT (SELECT p.label FROM periods p JOIN commission_lines l ON l.period_id = p.id
      WHERE l.removed_run_id IS NULL ORDER BY p.first_day DESC LIMIT 1),
    (SELECT SUM(commission) FROM commission_lines WHERE removed_run_id IS NULL),
    (SELECT COUNT(*) FROM commission_lines WHERE removed_run_id IS NULL)`);
  assert.equal(periods[0], newest);
  assert.deepEqual([...periods].sort().reverse(), periods, 'newest period first');
  assert.equal((await fp.textContent('#total-commission')).replace(/,/g, '').trim(), sum);
  assert.ok(Number(lines) > 50);
  await shot(fp, 'commission-ledger-all-periods');
  await fin.close();

  const adm = await newContext(browser);
  const ap = await login(adm, 'admin');
  assert.equal((await ap.goto(`${URL}/commission/ledger`)).status(), 403);
  assert.equal((await ap.goto(`${URL}/commission/ledger.csv`)).status(), 403);
  await adm.close();
});

test('the commission home: a rep\'s totals per tracking state are their lines\', finance\'s overview everyone\'s', async () => {
  const sums = (where) => sql(`SELECT COALESCE(SUM(CASE WHEN l.tracking = 'calculated' THEN l.commission END), 0),
    COALESCE(SUM(CASE WHEN l.tracking = 'pending' THEN l.commission END), 0),
    COALESCE(SUM(CASE WHEN l.tracking = 'paid' THEN l.commission END), 0)
    FROM commission_lines l JOIN people pe ON pe.id = l.person_id
    WHERE l.removed_run_id IS NULL ${where} AND l.period_id IN
    (SELECT id FROM (SELECT id FROM periods ORDER BY first_day DESC LIMIT 12) y)`)[0];
  for (const [user, where] of [['zhangwei', "AND pe.login = 'zhangwei'"], ['sunli', '']]) {
    const [calculated, pending, paid] = sums(where);
    const ctx = await newContext(browser);
    const page = await login(ctx, user, undefined, '/commission/');
    await page.goto(`${URL}/commission/`);
    assert.equal((await page.textContent('#cmo-calculated')).replace(/,/g, '').trim(), calculated, user);
    assert.equal((await page.textContent('#cmo-pending')).replace(/,/g, '').trim(), pending, user);
    assert.equal((await page.textContent('#cmo-paid')).replace(/,/g, '').trim(), paid, user);
    await shot(page, `commission-home-${user}`);
    await ctx.close();
  }
});
