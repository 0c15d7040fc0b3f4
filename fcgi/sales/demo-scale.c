/* demo-scale.c: the sales demo company at N times its size, for the
 * benchmarks (ticheng-admin demo-data --scale N).
 *
 * Copy k (2..N) of the demo company is the original demo data (the rows
 * with ids below SCALE_STRIDE) copied with INSERT ... SELECT: every id
 * plus k * SCALE_STRIDE, codes, order and payment numbers and the logins
 * of the reps ending ".k", names ending "·k", the same dates, amounts,
 * stages, splits, returns and payments.  Each plain rep (roles "1") gets
 * a copy in the same team, so a manager's team, finance's and
 * management's views grow N times while a rep's own data keeps its
 * size, as in a company N times larger.  The triggers of
 * sql/sales/004 keep the rollups of the copies as for any write; those
 * of the statistics (sql/sales/011) are skipped and recomputed once
 * over the copy's orders, in the copy's transaction.
 *
 * This is benchmark data: bulk-loaded outside the audit (the write
 * functions of the module would take hours at 100x), marked by one row
 * per copy in sales_demo_scale written in the copy's transaction, and
 * one audit record per run saying what was loaded. */
#include "config.h"

#include <stdio.h>

#include "core/audit.h"
#include "core/db.h"
#include "core/error.h"
#include "sales/demo.h"

#define SCALE_STRIDE 1000000LL   /* ids of copy k: id + k * stride */
#define SCALE_MAX 1000           /* INT UNSIGNED ids stay in range */

enum stmt {
	S_COPIES,
	S_FK_OFF,
	S_FK_ON,
	S_PEOPLE,
	S_CUSTOMERS,
	S_CONTACTS,
	S_OPPORTUNITIES,
	S_STAGE_CHANGES,
	S_ACTIVITIES,
	S_ORDERS,
	S_ORDER_REPS,
	S_ORDER_LINES,
	S_PAYMENTS,
	S_MARK,
	S_STATS_BULK,
	S_STATS_LIVE,
	S_STATS_REFRESH,
	S__MAX
};

/* The person of copy k standing for person column col (joined as p): a
 * plain rep's copy, anyone else themselves. */
#define MAPPED(p) "IF(" p ".roles = '1', " p ".id + ?, " p ".id)"
#define ORIGINAL(col) col " < 1000000"

static const char *const stmts[S__MAX] = {
	[S_COPIES] = "SELECT COALESCE(MAX(copy), 1) AS copies"
	    " FROM sales_demo_scale",
	/* Orders and opportunities point at each other: the copy of one
	 * is written before the copy of the other exists. */
	[S_FK_OFF] = "SET SESSION foreign_key_checks = 0",
	[S_FK_ON] = "SET SESSION foreign_key_checks = 1",
	[S_PEOPLE] =
	    "INSERT INTO people (id, login, dn, name, email, department,"
	    " team, manager_login, roles, active, synced_at)"
	    " SELECT id + ?, CONCAT(login, '.', ?), CONCAT('benchmark copy ',"
	    " ?, ' of ', dn), CONCAT(name, '·', ?), '', department, team,"
	    " manager_login, roles, active, synced_at FROM people"
	    " WHERE roles = '1' AND " ORIGINAL("id"),
	[S_CUSTOMERS] =
	    "INSERT INTO customers (id, code, name, region_id, industry,"
	    " channel_id, owner_id, status, created_at, updated_at)"
	    " SELECT c.id + ?, CONCAT(c.code, '.', ?), CONCAT(c.name, '·', ?),"
	    " c.region_id, c.industry, c.channel_id, " MAPPED("p") ","
	    " c.status, c.created_at, c.updated_at FROM customers c"
	    " JOIN people p ON p.id = c.owner_id WHERE " ORIGINAL("c.id"),
	[S_CONTACTS] =
	    "INSERT INTO contacts (id, customer_id, name, title, phone,"
	    " email, created_at) SELECT id + ?, customer_id + ?, name, title,"
	    " phone, email, created_at FROM contacts WHERE " ORIGINAL("id"),
	[S_OPPORTUNITIES] =
	    "INSERT INTO opportunities (id, owner_id, customer_id, title,"
	    " needs, amount, stage, expected_close, next_follow_up,"
	    " lost_reason, order_id, stage_changed_at, created_at,"
	    " updated_at) SELECT o.id + ?, " MAPPED("p") ", o.customer_id + ?,"
	    " o.title, o.needs, o.amount, o.stage, o.expected_close,"
	    " o.next_follow_up, o.lost_reason, o.order_id + ?,"
	    " o.stage_changed_at, o.created_at, o.updated_at"
	    " FROM opportunities o JOIN people p ON p.id = o.owner_id"
	    " WHERE " ORIGINAL("o.id"),
	[S_STAGE_CHANGES] =
	    "INSERT INTO opportunity_stage_changes (id, opportunity_id,"
	    " from_stage, to_stage, changed_at, changed_by)"
	    " SELECT s.id + ?, s.opportunity_id + ?, s.from_stage, s.to_stage,"
	    " s.changed_at, " MAPPED("p") " FROM opportunity_stage_changes s"
	    " JOIN people p ON p.id = s.changed_by WHERE " ORIGINAL("s.id"),
	[S_ACTIVITIES] =
	    "INSERT INTO activities (id, owner_id, customer_id,"
	    " opportunity_id, kind, activity_date, notes, next_step,"
	    " created_at) SELECT a.id + ?, " MAPPED("p") ", a.customer_id + ?,"
	    " a.opportunity_id + ?, a.kind, a.activity_date, a.notes,"
	    " a.next_step, a.created_at FROM activities a"
	    " JOIN people p ON p.id = a.owner_id WHERE " ORIGINAL("a.id"),
	[S_ORDERS] =
	    "INSERT INTO orders (id, order_no, customer_id, order_date,"
	    " region_id, channel_id, status, original_order_id,"
	    " opportunity_id, note, created_by, created_at, updated_at)"
	    " SELECT o.id + ?, CONCAT(o.order_no, '.', ?), o.customer_id + ?,"
	    " o.order_date, o.region_id, o.channel_id, o.status,"
	    " o.original_order_id + ?, o.opportunity_id + ?, o.note, "
	    MAPPED("p") ", o.created_at, o.updated_at FROM orders o"
	    " JOIN people p ON p.id = o.created_by WHERE " ORIGINAL("o.id"),
	[S_ORDER_REPS] =
	    "INSERT INTO order_reps (order_id, person_id, share)"
	    " SELECT r.order_id + ?, " MAPPED("p") ", r.share FROM order_reps r"
	    " JOIN people p ON p.id = r.person_id WHERE " ORIGINAL("r.order_id"),
	[S_ORDER_LINES] =
	    "INSERT INTO order_lines (id, order_id, line_no, product_id,"
	    " quantity, unit_price, discount, amount, cost, status,"
	    " original_line_id) SELECT id + ?, order_id + ?, line_no,"
	    " product_id, quantity, unit_price, discount, amount, cost, status,"
	    " original_line_id + ? FROM order_lines WHERE " ORIGINAL("id"),
	[S_PAYMENTS] =
	    "INSERT INTO payments (id, payment_no, order_id, payment_date,"
	    " amount, reference, created_by, created_at)"
	    " SELECT y.id + ?, CONCAT(y.payment_no, '.', ?), y.order_id + ?,"
	    " y.payment_date, y.amount, y.reference, " MAPPED("p") ","
	    " y.created_at FROM payments y JOIN people p ON p.id = y.created_by"
	    " WHERE " ORIGINAL("y.id"),
	[S_MARK] = "INSERT INTO sales_demo_scale (copy) VALUES (?)",
	/* the statistics' rollups (sql/sales/011): not row by row in the
	 * triggers, but once over the copy's orders */
	[S_STATS_BULK] = "SET @sales_stats_bulk = 1",
	[S_STATS_LIVE] = "SET @sales_stats_bulk = NULL",
	[S_STATS_REFRESH] = "CALL sales_stats_refresh(?, ?)",
};

static struct db_table scale_db = DB_TABLE("sales-demo-scale", stmts);

/* Writes copy k in one transaction with its marker. */
static int
copy_one(struct db *d, int k)
{
	const long long off = (long long)k * SCALE_STRIDE;
	const struct db_param o = P_INT(off), n = P_INT(k);
	int rc;

	if ((rc = db_begin(d)) != 0)
		return rc;
	if ((rc = db_exec(d, &scale_db, S_STATS_BULK, DB_NOARGS, NULL,
	    NULL)) != 0 ||
	    (rc = db_exec(d, &scale_db, S_PEOPLE, DB_ARGS(o, n, n, n),
	    NULL, NULL)) != 0 ||
	    (rc = db_exec(d, &scale_db, S_CUSTOMERS, DB_ARGS(o, n, n, o),
	    NULL, NULL)) != 0 ||
	    (rc = db_exec(d, &scale_db, S_CONTACTS, DB_ARGS(o, o),
	    NULL, NULL)) != 0 ||
	    (rc = db_exec(d, &scale_db, S_OPPORTUNITIES, DB_ARGS(o, o, o, o),
	    NULL, NULL)) != 0 ||
	    (rc = db_exec(d, &scale_db, S_STAGE_CHANGES, DB_ARGS(o, o, o),
	    NULL, NULL)) != 0 ||
	    (rc = db_exec(d, &scale_db, S_ACTIVITIES, DB_ARGS(o, o, o, o),
	    NULL, NULL)) != 0 ||
	    (rc = db_exec(d, &scale_db, S_ORDERS, DB_ARGS(o, n, o, o, o, o),
	    NULL, NULL)) != 0 ||
	    (rc = db_exec(d, &scale_db, S_ORDER_REPS, DB_ARGS(o, o),
	    NULL, NULL)) != 0 ||
	    (rc = db_exec(d, &scale_db, S_ORDER_LINES, DB_ARGS(o, o, o),
	    NULL, NULL)) != 0 ||
	    (rc = db_exec(d, &scale_db, S_PAYMENTS, DB_ARGS(o, n, o, o),
	    NULL, NULL)) != 0 ||
	    (rc = db_exec(d, &scale_db, S_STATS_LIVE, DB_NOARGS, NULL,
	    NULL)) != 0 ||
	    (rc = db_exec(d, &scale_db, S_STATS_REFRESH, DB_ARGS(o,
	    P_INT(off + SCALE_STRIDE - 1)), NULL, NULL)) != 0 ||
	    (rc = db_exec(d, &scale_db, S_MARK, DB_ARGS(n), NULL, NULL)) != 0)
		goto out;
	rc = db_commit(d);
out:
	if (db_in_transaction(d))
		db_rollback(d);
	if (rc != 0)
		db_exec(d, &scale_db, S_STATS_LIVE, DB_NOARGS, NULL, NULL);
	return rc;
}

int
sales_demo_scale(struct module_seed *s, int factor)
{
	struct dbres *r = NULL;
	int64_t had;
	int rc;

	if (factor < 1 || factor > SCALE_MAX) {
		snprintf(s->err, s->errlen, "the scale is from 1 to %d",
		    SCALE_MAX);
		return TC_EINVAL;
	}
	if ((rc = db_query(s->db, &scale_db, S_COPIES, DB_NOARGS, &r)) != 0)
		return rc;
	had = dbres_int_col(r, 0, "copies");
	dbres_free(r);
	if (had >= factor) {
		fprintf(s->out, "already %lld times the demo company\n",
		    (long long)had);
		return 0;
	}
	if ((rc = db_exec(s->db, &scale_db, S_FK_OFF, DB_NOARGS, NULL,
	    NULL)) != 0)
		return rc;
	for (int k = (int)had + 1; k <= factor && rc == 0; k++) {
		if ((rc = copy_one(s->db, k)) != 0)
			snprintf(s->err, s->errlen, "copy %d of the demo "
			    "company", k);
		else if (k % 10 == 0 || k == factor)
			fprintf(stderr, "sales: %d of %d copies loaded\n", k,
			    factor);
	}
	/* Back on for whatever the connection does next. */
	if (db_exec(s->db, &scale_db, S_FK_ON, DB_NOARGS, NULL, NULL) != 0 &&
	    rc == 0)
		rc = TC_EDB;
	if (rc == 0)
		fprintf(s->out, "%d times the demo company (copies %lld to %d "
		    "bulk-loaded outside the audit, marked in "
		    "sales_demo_scale)\n", factor, (long long)had + 1, factor);
	return rc;
}
