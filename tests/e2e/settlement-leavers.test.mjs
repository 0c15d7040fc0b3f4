// A leaver's final statement in Chromium.  A rep is added to the
// directory and synced, has a period of their own (1991-03, closed) with
// 100.00 commission and an approved clawback of 400.00, then leaves: the
// entry is removed from the directory and `ticheng-admin sync-users`
// marks them inactive.  Finance generates the period: the statement is
// marked final on its page and on the print form (PDF text checked), and
// cannot be submitted while its balance of -300.00 is open.  Finance
// proposes a write-off (a missing reason is named, what was typed kept);
// finance cannot approve it; management approves it: the balance is
// 0.00, the closure is an item of the statement, and finance submits it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { URL, SHOTS, STATE, launch, newContext, login, shot, sql, fieldError, tichengAdmin } from './lib.mjs';

const LABEL = '1991-03';
const UID = `leaver${process.pid}`;
const DN = `uid=${UID},ou=people,dc=example,dc=com`;
const LDAP = ['-x', '-H', `ldap://127.0.0.1:${process.env.TICHENG_LDAP_PORT}/`,
  '-D', 'cn=admin,dc=example,dc=com', '-w', `ticheng-root-${process.env.TICHENG_MODE ?? 'test'}`];
const CONF = process.env.TICHENG_CONF ?? join(STATE, 'ticheng.conf');
const one = (q) => sql(q)[0]?.[0];
let browser;

function clean() {
  sql(`DELETE s FROM settlement_statements s JOIN periods p ON p.id = s.period_id WHERE p.label = '${LABEL}'`);
  sql(`DELETE a FROM commission_adjustments a JOIN periods p ON p.id = a.period_id WHERE p.label = '${LABEL}'`);
  sql(`DELETE c FROM commission_summaries c JOIN periods p ON p.id = c.period_id WHERE p.label = '${LABEL}'`);
  sql(`DELETE c FROM calc_runs c JOIN periods p ON p.id = c.period_id WHERE p.label = '${LABEL}'`);
  sql(`DELETE FROM periods WHERE label = '${LABEL}'`);
}

function sync() {
  const r = tichengAdmin(CONF, 'sync-users');
  assert.equal(r.status, 0, r.err);
}

before(async () => {
  browser = await launch();
  clean();
  const ldif = join(STATE, `${UID}.ldif`);
  writeFileSync(ldif, `dn: ${DN}\nobjectClass: inetOrgPerson\nuid: ${UID}\ncn: 离职员工\nsn: 离\n` +
    `displayName: 离职员工\nmail: ${UID}@example.com\ndepartmentNumber: 销售部\nemployeeNumber: 9${process.pid % 1000}\nou: East\n`);
  execFileSync('ldapadd', [...LDAP, '-f', ldif], { stdio: 'pipe' });
  sync();
  assert.equal(one(`SELECT active FROM people WHERE login = '${UID}'`), '1');
  const me = one(`SELECT id FROM people WHERE login = '${UID}'`);
  const fin = one("SELECT id FROM people WHERE login = 'sunli'");
  const hr = one("SELECT id FROM people WHERE login = 'zhaomin'");
  sql(`INSERT INTO periods (kind, label, first_day, last_day, state) VALUES ('month', '${LABEL}', '1991-03-01', '1991-03-31', 'closed')`);
  const period = one(`SELECT id FROM periods WHERE label = '${LABEL}'`);
  sql(`INSERT INTO calc_runs (period_id, state, started_by) VALUES (${period}, 'done', 'e2e')`);
  const run = one(`SELECT MAX(id) FROM calc_runs WHERE period_id = ${period}`);
  sql(`INSERT INTO commission_summaries (period_id, person_id, run_id, team, sales, commission, bonus, total) VALUES (${period}, ${me}, ${run}, 'East', 0, 100.00, 0, 100.00)`);
  sql(`INSERT INTO commission_adjustments (period_id, person_id, amount, reason, kind, state, proposed_by, proposed_as, approved_by) VALUES (${period}, ${me}, -400.00, 'return clawback', 'manual', 'approved', ${hr}, 'hr', ${fin})`);
  // the rep leaves: gone from the directory, inactive after the sync
  execFileSync('ldapdelete', [...LDAP, DN], { stdio: 'pipe' });
  sync();
  assert.equal(one(`SELECT active FROM people WHERE login = '${UID}'`), '0', 'the sync marks the leaver inactive');
});

after(async () => {
  clean();
  try { execFileSync('ldapdelete', [...LDAP, DN], { stdio: 'pipe' }); } catch { /* gone already */ }
  await browser?.close();
});

async function as(user) {
  const ctx = await newContext(browser);
  return { ctx, page: await login(ctx, user) };
}

const statement = () => sql(`SELECT s.id, s.final, s.net, s.carried_out, s.state, s.payable FROM settlement_statements s
  JOIN periods p ON p.id = s.period_id JOIN people pe ON pe.id = s.person_id WHERE p.label = '${LABEL}' AND pe.login = '${UID}'`)[0];

test('a leaver gets a final statement whose negative balance management writes off, never dropped', async () => {
  const fin = await as('sunli');
  await fin.page.goto(`${URL}/settlement/statements`);
  await fin.page.selectOption('#gen-period', LABEL);
  await Promise.all([fin.page.waitForLoadState('load'), fin.page.click('#generate-button')]);
  await fin.page.waitForURL(/done=generated/);
  let s = statement();
  assert.ok(s, 'the leaver has a statement');
  assert.deepEqual(s.slice(1, 5), ['1', '-300.00', '-300.00', 'draft']);

  await fin.page.goto(`${URL}/settlement/statements/${s[0]}`);
  assert.match(await fin.page.textContent('#final-badge'), /离职最终结算/);
  assert.match(await fin.page.textContent('#final-negative'), /-300\.00/);
  assert.equal(await fin.page.$('#submit-button'), null, 'no submit while the balance is open');
  // submitting anyway is refused on the server
  const csrf = await fin.page.getAttribute('#close-form input[name=csrf]', 'value');
  const refused = await fin.page.evaluate(async ({ url, csrf }) => {
    const r = await fetch(url, { method: 'POST', body: new URLSearchParams({ csrf }), redirect: 'manual' });
    return { status: r.status, text: await r.text() };
  }, { url: `${URL}/settlement/statements/${s[0]}/submit`, csrf });
  assert.equal(refused.status, 403);
  assert.match(refused.text, /负余额尚未追回或核销/);
  assert.equal(statement()[4], 'draft');

  // the print form says final
  await fin.page.goto(`${URL}/settlement/statements/${s[0]}/print`);
  await fin.page.emulateMedia({ media: 'print' });
  const pdf = join(SHOTS, 'settlement-final-print-zh.pdf');
  await fin.page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const txt = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const want of ['提成结算审批单', '离职最终结算', '离职员工', '最终结算单']) assert.ok(txt.includes(want), `the PDF shows ${want}`);
  await fin.page.emulateMedia({ media: 'screen' });

  // a write-off without a reason: named, what was typed kept
  await fin.page.goto(`${URL}/settlement/statements/${s[0]}`);
  await fin.page.selectOption('#kind', 'write_off');
  await fin.page.fill('#reference', 'HR-离职-01');
  const [bad] = await Promise.all([fin.page.waitForResponse((r) => r.request().method() === 'POST'), fin.page.click('#close-button')]);
  assert.equal(bad.status(), 400);
  assert.ok(await fieldError(fin.page, 'reason'), 'the reason is named');
  assert.equal(await fin.page.inputValue('#reference'), 'HR-离职-01');
  assert.equal(one(`SELECT COUNT(*) FROM settlement_closures WHERE statement_id = ${s[0]}`), '0');
  await fin.page.fill('#reason', '员工已离职，无法追回');
  await Promise.all([fin.page.waitForURL(/done=closure_proposed/), fin.page.click('#close-button')]);
  assert.match(await fin.page.textContent('#closures'), /待审批/);
  const closure = one(`SELECT id FROM settlement_closures WHERE statement_id = ${s[0]}`);
  // finance may not approve it
  const own = await fin.page.evaluate(async ({ url, csrf }) => {
    const r = await fetch(url, { method: 'POST', body: new URLSearchParams({ csrf }), redirect: 'manual' });
    return r.status;
  }, { url: `${URL}/settlement/closures/${closure}/approve`, csrf });
  assert.equal(own, 403);
  assert.equal(statement()[2], '-300.00');

  // management approves: the balance is settled by the closure
  const boss = await as('wujun');
  await boss.page.goto(`${URL}/settlement/statements/${s[0]}`);
  await shot(boss.page, 'settlement-final-closure-zh');
  await Promise.all([boss.page.waitForURL(/done=closure_approve/), boss.page.click(`#closure-approve-${closure}`)]);
  s = statement();
  assert.deepEqual([s[2], s[3], s[5]], ['0.00', '0.00', '0.00']);
  assert.match(await boss.page.textContent('#items'), /余额追回\/核销[\s\S]*员工已离职[\s\S]*300\.00/);
  assert.equal(await boss.page.$('#final-negative'), null);
  await shot(boss.page, 'settlement-final-settled-zh');

  // now finance submits it
  await fin.page.goto(`${URL}/settlement/statements/${s[0]}`);
  await Promise.all([fin.page.waitForLoadState('load'), fin.page.click('#submit-button')]);
  assert.equal(statement()[4], 'pending');
  for (const c of [fin, boss]) await c.ctx.close();
});
