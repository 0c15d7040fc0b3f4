// Helpers of the commission command-line tests: ticheng-admin and
// ticheng-calc run as an operator would, databases of their own, and the
// CLI contract of issue 14 checked period by period.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STATE, TOP } from './lib.mjs';

export const BUILD = process.env.TICHENG_BUILD ?? join(TOP, '.state', 'build');
export const CONF = process.env.TICHENG_CONF ?? join(STATE, 'ticheng.conf');
export const SOCK = join(STATE, 'run', 'mysqld.sock');
export const work = mkdtempSync(join(tmpdir(), 'ticheng-commission-'));

// Runs SQL as root in database db; returns rows of columns.
export function root(query, db) {
  const out = execFileSync('mariadb', ['--no-defaults', '-S', SOCK, '-u', 'root', '-N', '-B', db, '-e', query],
    { encoding: 'utf8', maxBuffer: 1 << 28 });
  return out.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
}

// Feeds a script of SQL to database db as root.
export function rootScript(text, db) {
  execFileSync('mariadb', ['--no-defaults', '-S', SOCK, '-u', 'root', db], { input: text, maxBuffer: 1 << 28 });
}

// A new database, migrated, with its own ticheng.conf; returns both.
export function newDatabase(label) {
  const db = `tc_comm_${label}_${process.pid}`;
  execFileSync('mariadb', ['--no-defaults', '-S', SOCK, '-u', 'root', '-e',
    `DROP DATABASE IF EXISTS ${db}; CREATE DATABASE ${db} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
     GRANT ALL PRIVILEGES ON ${db}.* TO 'ticheng'@'localhost'`]);
  const conf = join(work, `${db}.conf`);
  writeFileSync(conf, readFileSync(CONF, 'utf8').replace(/^name = .*$/m, `name = ${db}`));
  const r = admin(conf, 'migrate');
  assert.equal(r.status, 0, r.err);
  return { db, conf };
}

export function dropDatabase(db) {
  execFileSync('mariadb', ['--no-defaults', '-S', SOCK, '-u', 'root', '-e', `DROP DATABASE IF EXISTS ${db}`]);
}

// ticheng-admin -c conf ARGS: { status, out, err }.
export function admin(conf, ...args) {
  const r = spawnSync(join(BUILD, 'ticheng-admin'), ['-c', conf, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

// ticheng-calc on the files of dir (as export-period wrote them).
export function calcOn(dir) {
  const plans = readdirSync(dir).filter((f) => /^plan.*\.json$/.test(f)).sort();
  assert.ok(plans.length > 0, `no plan file in ${dir}`);
  const lines = join(dir, 'calc-lines.csv');
  const args = [...plans.flatMap((p) => ['--plan', join(dir, p)]), '--orders', join(dir, 'orders.csv'),
    '--payments', join(dir, 'payments.csv'), '--targets', join(dir, 'targets.csv'), '--lines', lines];
  const r = spawnSync(join(BUILD, 'ticheng-calc'), args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, `ticheng-calc: ${r.stderr}`);
  return { summary: r.stdout, lines: readFileSync(lines, 'utf8'), warnings: r.stderr };
}

// The second field of a CSV record (rep names may be quoted).
function periodOf(line) {
  let i = 0;
  if (line[0] === '"') {
    for (i = 1; i < line.length; i++) {
      if (line[i] === '"' && line[i + 1] === '"') i++;
      else if (line[i] === '"') break;
    }
    i++;
  } else i = line.indexOf(',');
  const rest = line.slice(i + 1);
  return rest.slice(0, rest.indexOf(','));
}

// The header and the records of text whose period is label.
export function onlyPeriod(text, label) {
  const lines = text.split('\n');
  const kept = [lines[0], ...lines.slice(1).filter((l) => l !== '' && periodOf(l) === label)];
  return `${kept.join('\n')}\n`;
}

// The contract, for one period whose run is current: export-period and
// results print the same digest, and the rows of ticheng-calc's outputs
// on the exported files whose period is label are byte for byte the files
// results wrote.  Returns the number of summary rows and lines compared.
export function checkContract(conf, label) {
  const exp = join(work, `${label}-${Math.random().toString(36).slice(2)}`);
  const res = `${exp}-results`;
  const e = admin(conf, 'export-period', label, exp);
  assert.equal(e.status, 0, e.err);
  const r = admin(conf, 'results', label, res);
  assert.equal(r.status, 0, r.err);
  assert.match(e.out, /^[0-9a-f]{64}\n$/);
  assert.equal(r.out, e.out, `${label}: the run's digest is not that of its inputs now`);
  const calc = calcOn(exp);
  const summary = readFileSync(join(res, 'summary.csv'), 'utf8');
  const lines = readFileSync(join(res, 'lines.csv'), 'utf8');
  assert.equal(summary, onlyPeriod(calc.summary, label), `${label}: summary.csv differs from ticheng-calc`);
  assert.equal(lines, onlyPeriod(calc.lines, label), `${label}: lines.csv differs from ticheng-calc`);
  return { rows: summary.split('\n').length - 2, lines: lines.split('\n').length - 2 };
}

export function tempDir(name) {
  const d = join(work, name);
  mkdirSync(d, { recursive: true });
  return d;
}
