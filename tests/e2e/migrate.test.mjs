// ticheng-admin migrate against the stack's MariaDB, on databases of its
// own: a fresh database, a re-run, a database migrated under the old
// global numbering (sql/NNN-*.sql, versions 1 to 6), and layouts that
// must be refused before the database is touched.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STATE, TOP } from './lib.mjs';

const BUILD = process.env.TICHENG_BUILD ?? join(TOP, '.state', 'build');
const CONF = process.env.TICHENG_CONF ?? join(STATE, 'ticheng.conf');
const SOCK = join(STATE, 'run', 'mysqld.sock');
const SQL = join(TOP, 'sql');
const work = mkdtempSync(join(tmpdir(), 'ticheng-migrate-'));
const databases = [];

// Runs SQL as root (in database db when given); returns rows of columns.
function root(query, db) {
  const args = ['--no-defaults', '-S', SOCK, '-u', 'root', '-N', '-B'];
  if (db) args.push(db);
  const out = execFileSync('mariadb', [...args, '-e', query], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
}

// A new empty database the ticheng user may use, dropped after the tests.
function newDatabase(label) {
  const db = `tc_migrate_${label}_${process.pid}`;
  root(`DROP DATABASE IF EXISTS ${db}; CREATE DATABASE ${db} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    GRANT ALL PRIVILEGES ON ${db}.* TO 'ticheng'@'localhost'`);
  databases.push(db);
  return db;
}

// The stack's ticheng.conf pointed at another database and sql folder.
function confFor(db, sqlDir = SQL) {
  const text = readFileSync(CONF, 'utf8')
    .replace(/^name = .*$/m, `name = ${db}`)
    .replace(/^sql = .*$/m, `sql = ${sqlDir}`);
  const path = join(work, `${db}.conf`);
  writeFileSync(path, text);
  return path;
}

function migrate(conf) {
  const r = spawnSync(join(BUILD, 'ticheng-admin'), ['-c', conf, 'migrate'], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

const appliedLines = (out) => out.split('\n').filter((l) => l.startsWith('applied ')).map((l) => l.slice(8));

// Every migration file of the product, as "module/file".
function productMigrations() {
  const all = [];
  for (const m of readdirSync(SQL, { withFileTypes: true })) {
    if (!m.isDirectory()) continue;
    for (const f of readdirSync(join(SQL, m.name)).sort()) {
      if (/^\d{3}-.+\.sql$/.test(f)) all.push(`${m.name}/${f}`);
    }
  }
  return all;
}

const recorded = (db) => root('SELECT module, version, name, applied_at FROM schema_migrations ORDER BY module, version', db);

const OLD_TABLE = `CREATE TABLE schema_migrations (
  version INT UNSIGNED NOT NULL PRIMARY KEY, name VARCHAR(255) NOT NULL,
  applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`;

// A database as the global numbering left it: the given old versions
// applied (from the files they became) and recorded with their old names.
function oldStyleDatabase(label, versions) {
  const files = {
    1: ['core/001-people-audit.sql', '001-people-audit.sql'],
    2: ['core/002-sessions.sql', '002-sessions.sql'],
    3: ['sales/001-sales.sql', '003-sales.sql'],
    4: ['sales/002-reference-seed.sql', '004-reference-seed.sql'],
    6: ['sales/003-orders-return-lines.sql', '006-orders-return-lines.sql'],
  };
  const db = newDatabase(label);
  for (const v of versions) {
    execFileSync('mariadb', ['--no-defaults', '-S', SOCK, '-u', 'root', db],
      { input: readFileSync(join(SQL, files[v][0])) });
  }
  root(OLD_TABLE, db);
  for (const v of versions) {
    root(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (${v}, '${files[v][1]}', '2025-0${v}-01 0${v}:00:00')`, db);
  }
  return db;
}

after(() => {
  for (const db of databases) root(`DROP DATABASE IF EXISTS ${db}`);
  rmSync(work, { recursive: true, force: true });
});

test('migrate on a fresh database applies every module, each migration once, core before sales', () => {
  const db = newDatabase('fresh');
  const r = migrate(confFor(db));
  assert.equal(r.status, 0, r.err);
  const applied = appliedLines(r.out);
  assert.deepEqual([...applied].sort(), productMigrations().sort());
  const lastCore = Math.max(...applied.map((a, i) => (a.startsWith('core/') ? i : -1)));
  const firstSales = applied.findIndex((a) => a.startsWith('sales/'));
  assert.ok(lastCore < firstSales, `core after sales: ${applied.join(', ')}`);
  const sales = applied.filter((a) => a.startsWith('sales/'));
  assert.deepEqual(sales, [...sales].sort(), 'sales in the order of its numbers');
  const rows = recorded(db).map(([m, v, n]) => `${m}/${n}:${v}`);
  assert.deepEqual(rows.sort(), productMigrations().map((f) => `${f}:${Number(f.split('/')[1].slice(0, 3))}`).sort());
  assert.deepEqual(root("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'order_lines' AND COLUMN_NAME = 'original_line_id'", db), [['1']]);
  assert.ok(Number(root('SELECT COUNT(*) FROM product_types', db)[0][0]) > 0, 'the reference seed ran');
});

test('a re-run leaves schema_migrations exactly as it was', () => {
  const db = newDatabase('rerun');
  assert.equal(migrate(confFor(db)).status, 0);
  const before = recorded(db);
  const r = migrate(confFor(db));
  assert.equal(r.status, 0, r.err);
  assert.equal(r.out, '');
  assert.deepEqual(recorded(db), before);
});

test('a database of the global numbering (versions 1 to 6) is recorded per module and nothing runs twice', () => {
  const db = oldStyleDatabase('old6', [1, 2, 3, 4, 6]);
  const r = migrate(confFor(db));
  assert.equal(r.status, 0, r.err);
  assert.match(r.out, /5 versions of the global numbering recorded per module/);
  const applied = appliedLines(r.out);
  for (const f of ['core/001-people-audit.sql', 'core/002-sessions.sql', 'sales/001-sales.sql',
    'sales/002-reference-seed.sql', 'sales/003-orders-return-lines.sql']) {
    assert.ok(!applied.includes(f), `${f} applied again`);
  }
  // The five files of the old numbering keep their times; migrations
  // added since (core/003-periods.sql, ...) are applied now.
  const old = ['001-people-audit.sql', '002-sessions.sql', '001-sales.sql', '002-reference-seed.sql',
    '003-orders-return-lines.sql'];
  const rows = recorded(db).filter(([m, , n]) => (m === 'core' || m === 'sales') && old.includes(n));
  assert.deepEqual(rows, [
    ['core', '1', '001-people-audit.sql', '2025-01-01 01:00:00'],
    ['core', '2', '002-sessions.sql', '2025-02-01 02:00:00'],
    ['sales', '1', '001-sales.sql', '2025-03-01 03:00:00'],
    ['sales', '2', '002-reference-seed.sql', '2025-04-01 04:00:00'],
    ['sales', '3', '003-orders-return-lines.sql', '2025-06-01 06:00:00'],
  ]);
  assert.deepEqual(root("SHOW TABLES LIKE 'schema_migrations%'", db), [['schema_migrations']]);
  const again = migrate(confFor(db));
  assert.equal(again.status, 0, again.err);
  assert.equal(again.out, '');
});

test('a database of the global numbering without 006 gets only what it lacks', () => {
  const db = oldStyleDatabase('old4', [1, 2, 3, 4]);
  const r = migrate(confFor(db));
  assert.equal(r.status, 0, r.err);
  const applied = appliedLines(r.out);
  assert.ok(applied.includes('sales/003-orders-return-lines.sql'), r.out);
  for (const f of ['core/001-people-audit.sql', 'core/002-sessions.sql', 'sales/001-sales.sql', 'sales/002-reference-seed.sql']) {
    assert.ok(!applied.includes(f), `${f} applied again`);
  }
  assert.deepEqual(root("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'order_lines' AND COLUMN_NAME = 'original_line_id'", db), [['1']]);
  assert.deepEqual(root("SELECT version, name FROM schema_migrations WHERE module = 'sales' AND version <= 3 ORDER BY version", db),
    [['1', '001-sales.sql'], ['2', '002-reference-seed.sql'], ['3', '003-orders-return-lines.sql']]);
});

test('an unknown version of the global numbering is refused and the old table kept', () => {
  const db = oldStyleDatabase('old5', [1, 2]);
  root("INSERT INTO schema_migrations (version, name) VALUES (5, '005-branch-only.sql')", db);
  const r = migrate(confFor(db));
  assert.notEqual(r.status, 0);
  assert.match(r.err, /version 5 \(005-branch-only\.sql\) of the global numbering/);
  assert.deepEqual(root('SELECT version FROM schema_migrations ORDER BY version', db), [['1'], ['2'], ['5']]);
  assert.deepEqual(root("SHOW TABLES LIKE 'sales%'", db), [], 'nothing applied');
});

// A sql folder of test modules under the work folder.
function sqlTree(name, files) {
  const dir = join(work, name);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel.split('/')[0]), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

test('a required module is applied first, whatever its name', () => {
  const dir = sqlTree('order', {
    'aaa/001-child.sql': '-- requires: zzz\nCREATE TABLE child (id INT PRIMARY KEY, parent INT NOT NULL,\n'
      + '  FOREIGN KEY (parent) REFERENCES parent (id)) ENGINE=InnoDB;\n',
    'zzz/001-parent.sql': 'CREATE TABLE parent (id INT PRIMARY KEY) ENGINE=InnoDB;\n',
  });
  const db = newDatabase('order');
  const r = migrate(confFor(db, dir));
  assert.equal(r.status, 0, r.err);
  assert.deepEqual(appliedLines(r.out), ['zzz/001-parent.sql', 'aaa/001-child.sql']);
});

test('a cycle or an unknown module is refused naming the file, and the database is not touched', () => {
  const cycle = sqlTree('cycle', {
    'aaa/001-a.sql': '-- requires: bbb\nCREATE TABLE a (x INT);\n',
    'bbb/001-b.sql': '-- requires: aaa\nCREATE TABLE b (x INT);\n',
  });
  const unknown = sqlTree('unknown', {
    'aaa/001-a.sql': '-- requires: commission\nCREATE TABLE a (x INT);\n',
  });
  const stray = sqlTree('stray', {
    'core/001-a.sql': 'CREATE TABLE a (x INT);\n',
  });
  writeFileSync(join(stray, '007-periods.sql'), 'CREATE TABLE p (x INT);\n');
  const db = newDatabase('refused');
  let r = migrate(confFor(db, cycle));
  assert.notEqual(r.status, 0);
  assert.match(r.err, /aaa\/001-a\.sql: dependency cycle: aaa\/001-a\.sql -> bbb\/001-b\.sql -> aaa\/001-a\.sql/);
  r = migrate(confFor(db, unknown));
  assert.notEqual(r.status, 0);
  assert.match(r.err, /aaa\/001-a\.sql:1: requires unknown module "commission"/);
  r = migrate(confFor(db, stray));
  assert.notEqual(r.status, 0);
  assert.match(r.err, /stray\/007-periods\.sql: a migration belongs in its module's folder/);
  assert.deepEqual(root('SHOW TABLES', db), [], 'no table was created');
});

test('a number applied under another file name (renumbered, or taken twice) is refused', () => {
  const db = newDatabase('renumbered');
  assert.equal(migrate(confFor(db)).status, 0);
  root("UPDATE schema_migrations SET name = '002-an-older-file.sql' WHERE module = 'sales' AND version = 2", db);
  const r = migrate(confFor(db));
  assert.notEqual(r.status, 0);
  assert.match(r.err, /sql\/sales\/002-reference-seed\.sql: sales 002 was applied as 002-an-older-file\.sql/);
});
