/* run.c: calculation runs: the engine on a period's files, the results
 * written back with the ids of unchanged lines kept. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/decimal.h"
#include "commission/book.h"
#include "commission/export.h"
#include "commission/run.h"
#include "core/db-bulk.h"
#include "core/error.h"
#include "core/testhook.h"
#include "core/grow.h"
#include "engine/engine.h"
#include "engine/plan_json.h"
#include "engine/tables.h"

#define BULK_BATCH 4000

enum stmt {
	ST_LOCK, ST_UNLOCK, ST_RUN_INSERT, ST_RUN_DONE, ST_RUN_FAILED,
	ST_OLD_LINES, ST_SUMMARY_CLEAR, ST_STATUS, ST__MAX
};

static const char *const stmts[ST__MAX] = {
	/* Named locks of the server: released when the connection ends,
	 * so a run that died leaves none behind. */
	[ST_LOCK] = "SELECT GET_LOCK(CONCAT(DATABASE(), '.calc.', ?), 0)",
	[ST_UNLOCK] = "SELECT RELEASE_LOCK(CONCAT(DATABASE(), '.calc.', ?))",
	[ST_RUN_INSERT] =
	    "INSERT INTO calc_runs (period_id, started_by) VALUES (?, ?)",
	[ST_RUN_DONE] =
	    "UPDATE calc_runs SET state = 'done',"
	    " finished_at = CURRENT_TIMESTAMP(3), duration_ms = ?,"
	    " in_lines = ?, in_payments = ?, in_targets = ?, in_versions = ?,"
	    " digest = ?, reps = ?, line_count = ?, lines_kept = ?,"
	    " lines_added = ?, lines_removed = ?, sales = ?, commission = ?,"
	    " bonus = ?, total = ?, warnings = ?, input_version = ?"
	    " WHERE id = ?",
	[ST_RUN_FAILED] =
	    "UPDATE calc_runs SET state = 'failed',"
	    " finished_at = CURRENT_TIMESTAMP(3), duration_ms = ?, error = ?"
	    " WHERE id = ?",
	[ST_OLD_LINES] =
	    "SELECT id, person_id, order_line_id,"
	    " COALESCE(payment_id, 0) AS payment, COALESCE(rule_id, 0) AS rule,"
	    " base, commission, line_date,"
	    " removed_run_id IS NOT NULL AS removed"
	    " FROM commission_lines WHERE period_id = ?",
	[ST_SUMMARY_CLEAR] =
	    "DELETE FROM commission_summaries WHERE period_id = ?",
	/* sql/commission/010: the stored staleness */
	[ST_STATUS] =
	    "SELECT s.run_id AS run_id, r.digest AS digest, s.stale AS stale,"
	    " s.run_input_version IS NULL AS unknown"
	    " FROM calc_period_status s LEFT JOIN calc_runs r ON r.id = s.run_id"
	    " WHERE s.period_id = ?",
};

static struct db_table run_db = DB_TABLE("commission.run", stmts);

/* The bulk statements (fixed text, bound values). */
static const char line_insert_sql[] =
    "INSERT INTO commission_lines (period_id, person_id, order_line_id,"
    " payment_id, rule_id, base, commission, line_date, run_id)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const enum db_type line_insert_types[] = { DBT_INT, DBT_INT,
    DBT_INT, DBT_INT, DBT_INT, DBT_INT, DBT_DEC, DBT_TEXT, DBT_INT };
static const char line_update_sql[] =
    "UPDATE commission_lines SET base = ?, commission = ?, line_date = ?,"
    " run_id = ?, removed_run_id = NULL WHERE id = ?";
static const enum db_type line_update_types[] = { DBT_INT, DBT_DEC,
    DBT_TEXT, DBT_INT, DBT_INT };
static const char line_remove_sql[] =
    "UPDATE commission_lines SET removed_run_id = ? WHERE id = ?";
static const enum db_type line_remove_types[] = { DBT_INT, DBT_INT };
static const char summary_insert_sql[] =
    "INSERT INTO commission_summaries (period_id, person_id, run_id, team,"
    " manager_login, sales, target, attainment, multiplier, commission,"
    " bonus, total) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const enum db_type summary_insert_types[] = { DBT_INT, DBT_INT,
    DBT_INT, DBT_TEXT, DBT_TEXT, DBT_DEC, DBT_DEC, DBT_DEC, DBT_DEC,
    DBT_DEC, DBT_DEC, DBT_DEC };
/* What the run gave each rep, kept for the comparison of later runs. */
static const char run_rep_insert_sql[] =
    "INSERT INTO calc_run_reps (run_id, person_id, sales, target,"
    " attainment, multiplier, commission, bonus, total, line_count)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const enum db_type run_rep_insert_types[] = { DBT_INT, DBT_INT,
    DBT_DEC, DBT_DEC, DBT_DEC, DBT_DEC, DBT_DEC, DBT_DEC, DBT_DEC, DBT_INT };
static const char warning_insert_sql[] =
    "INSERT INTO calc_run_warnings (run_id, seq, source, order_id, message)"
    " VALUES (?, ?, ?, ?, ?)";
static const enum db_type warning_insert_types[] = { DBT_INT, DBT_INT,
    DBT_TEXT, DBT_INT, DBT_TEXT };

static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* --- the engine on the files --- */

static const char *
source_file(enum tce_source src)
{
	switch (src) {
	case TCE_SRC_ORDERS: return "orders.csv";
	case TCE_SRC_PAYMENTS: return "payments.csv";
	case TCE_SRC_TARGETS: return "targets.csv";
	case TCE_SRC_PLAN: return "plan";
	default: return "engine";
	}
}

int
run_read_files(const struct file_set *fs, struct tce_plan **plan,
    struct tce_input *in, struct tce_diag *err)
{
	unsigned source = 0;
	int rc;

	memset(err, 0, sizeof(*err));
	if ((rc = tce_plan_new(plan)) != 0)
		return rc;
	for (size_t i = 0; i < fs->n; i++) {
		const struct file_blob *f = &fs->files[i];
		enum tce_table t;
		char *copy;

		if (strncmp(f->name, "plan-", 5) == 0) {
			struct tce_version *v;
			const char *path;
			char why[160];

			if ((rc = tce_plan_json_parse(f->data, f->len, source++,
			    &v, err)) != 0)
				return rc;
			if ((rc = tce_plan_add(*plan, v, &path, why,
			    sizeof(why))) != 0) {
				err->src = TCE_SRC_PLAN;
				snprintf(err->path, sizeof(err->path), "%s",
				    path != NULL ? path : "");
				snprintf(err->msg, sizeof(err->msg), "%s", why);
				return rc;
			}
			continue;
		}
		t = strcmp(f->name, "orders.csv") == 0 ? TCE_TABLE_ORDERS :
		    strcmp(f->name, "payments.csv") == 0 ? TCE_TABLE_PAYMENTS :
		    TCE_TABLE_TARGETS;
		if ((copy = malloc(f->len + 1)) == NULL)
			return TC_ENOMEM;
		memcpy(copy, f->data, f->len);
		if ((rc = tce_table_read(in, t, copy, f->len, err)) != 0)
			return rc;
	}
	if ((*plan)->nversions == 0) {
		err->src = TCE_SRC_NONE;
		snprintf(err->msg, sizeof(err->msg), "no plan version in force "
		    "covers the period or the dates of its orders");
		return TC_EINVAL;
	}
	return 0;
}

/* Reads the files with the engine's readers and calculates. */
static int
engine_run(const struct file_set *fs, struct tce_plan **plan,
    struct tce_input *in, struct tce_result **res, struct tce_diag *err)
{
	int rc;

	*res = NULL;
	if ((rc = run_read_files(fs, plan, in, err)) != 0)
		return rc;
	return tce_calc(*plan, in, res, err);
}

int
run_engine(const struct file_set *fs, struct tce_plan **plan,
    struct tce_input *in, struct tce_result **res, struct tce_diag *err)
{
	return engine_run(fs, plan, in, res, err);
}

static void
diag_text(char *buf, size_t size, const struct tce_diag *e)
{
	const char *f = source_file(e->src);

	if (e->line > 0)
		snprintf(buf, size, "%s:%u: %s", f, e->line, e->msg);
	else if (e->path[0] != '\0')
		snprintf(buf, size, "%s: %s: %s", f, e->path, e->msg);
	else
		snprintf(buf, size, "%s", e->msg);
}

/* --- the lines a period had --- */

struct old_line {
	int64_t id, person, oline, payment, rule;
	int64_t base;
	bool    has_base;
	money_t commission;
	int32_t date;
	bool    removed, seen;
};

struct old_lines {
	struct old_line *v;
	size_t n, cap;
	uint32_t *slot;             /* open addressing: index + 1, 0 empty */
	size_t nslots;
	int col[9];
	bool found;
};

static uint64_t
identity_hash(int64_t person, int64_t oline, int64_t payment, int64_t rule)
{
	uint64_t h = 1469598103934665603ULL;
	int64_t k[4] = { person, oline, payment, rule };

	for (int i = 0; i < 4; i++) {
		h ^= (uint64_t)k[i];
		h *= 1099511628211ULL;
		h ^= h >> 29;
	}
	return h;
}

static const char *const old_cols[] = { "id", "person_id",
    "order_line_id", "payment", "rule", "base", "commission", "line_date",
    "removed" };

static int
old_row(void *ctx, const struct dbrow *row)
{
	struct old_lines *o = ctx;
	struct old_line *l;
	const char *s;

	if (!o->found) {
		for (int i = 0; i < 9; i++)
			if ((o->col[i] = dbrow_col(row, old_cols[i])) < 0)
				return TC_EDB;
		o->found = true;
	}
	if (tc_grow(&o->v, &o->cap, o->n + 1, 4096) != 0)
		return TC_ENOMEM;
	l = &o->v[o->n];
	memset(l, 0, sizeof(*l));
	l->id = strtoll(dbrow_text(row, o->col[0]), NULL, 10);
	l->person = strtoll(dbrow_text(row, o->col[1]), NULL, 10);
	l->oline = strtoll(dbrow_text(row, o->col[2]), NULL, 10);
	l->payment = strtoll(dbrow_text(row, o->col[3]), NULL, 10);
	l->rule = strtoll(dbrow_text(row, o->col[4]), NULL, 10);
	l->has_base = !dbrow_null(row, o->col[5]);
	l->base = strtoll(dbrow_text(row, o->col[5]), NULL, 10);
	s = dbrow_text(row, o->col[6]);
	if (tc_dec_parse(s, strlen(s), 2, &l->commission) != 0 ||
	    tc_date_parse_str(dbrow_text(row, o->col[7]), &l->date) != 0)
		return TC_EDB;
	l->removed = strcmp(dbrow_text(row, o->col[8]), "1") == 0;
	o->n++;
	return 0;
}

static int
old_index(struct old_lines *o)
{
	o->nslots = 16;
	while (o->nslots < o->n * 2)
		o->nslots *= 2;
	if ((o->slot = calloc(o->nslots, sizeof(*o->slot))) == NULL)
		return TC_ENOMEM;
	for (size_t i = 0; i < o->n; i++) {
		const struct old_line *l = &o->v[i];
		size_t s = identity_hash(l->person, l->oline, l->payment,
		    l->rule) & (o->nslots - 1);

		while (o->slot[s] != 0)
			s = (s + 1) & (o->nslots - 1);
		o->slot[s] = (uint32_t)(i + 1);
	}
	return 0;
}

static struct old_line *
old_find(struct old_lines *o, int64_t person, int64_t oline, int64_t payment,
    int64_t rule)
{
	size_t s;

	if (o->nslots == 0)
		return NULL;
	s = identity_hash(person, oline, payment, rule) & (o->nslots - 1);
	for (; o->slot[s] != 0; s = (s + 1) & (o->nslots - 1)) {
		struct old_line *l = &o->v[o->slot[s] - 1];

		if (l->person == person && l->oline == oline &&
		    l->payment == payment && l->rule == rule)
			return l;
	}
	return NULL;
}

/* --- one period --- */

struct period_run {
	struct db *d;
	const struct book *book;
	const struct actor *who;
	struct period p;
	struct run_result *res;
	struct period_why *why;
	int32_t pindex;             /* the engine's period index of p */
	/* what the engine gave */
	struct file_set files;
	struct export_map map;
	struct tce_plan *plan;
	struct tce_input in;
	struct tce_result *r;
	int64_t *rule_of;           /* global rule index -> plan_rules.id */
};

/* Maps every rule of the engine's plan to its row. */
static int
map_rules(struct period_run *pr)
{
	const struct tce_plan *plan = pr->plan;

	if ((pr->rule_of = calloc(plan->nrules + 1,
	    sizeof(*pr->rule_of))) == NULL)
		return TC_ENOMEM;
	for (size_t v = 0; v < plan->nversions; v++) {
		const struct tce_version *ver = plan->versions[v];
		const struct book_version *bv =
		    &pr->book->versions[pr->map.versions[ver->source]];

		if (ver->nrules != bv->nrules)
			return TC_EDB;
		for (size_t i = 0; i < ver->nrules; i++)
			pr->rule_of[ver->rules[i].global] = bv->rule_ids[i];
	}
	return 0;
}

static int64_t
person_of(const struct period_run *pr, uint32_t rep,
    const struct book_person **out)
{
	const struct book_person *p = book_person(pr->book,
	    pr->r->reps[rep]);

	if (out != NULL)
		*out = p;
	return p != NULL ? p->id : 0;
}

/* The record of a physical line (lines[] ascending), or -1. */
static int64_t
record_at(const uint32_t *lines, size_t n, uint32_t line)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (lines[mid] <= line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo == 0 ? -1 : (int64_t)lo - 1;
}

static int
write_lines(struct period_run *pr, struct old_lines *old)
{
	struct db_bulk *ins = NULL, *upd = NULL, *rem = NULL;
	struct run_result *res = pr->res;
	int rc;

	if ((rc = db_bulk_open(pr->d, line_insert_sql, line_insert_types, 9,
	    BULK_BATCH, &ins)) != 0 ||
	    (rc = db_bulk_open(pr->d, line_update_sql, line_update_types, 5,
	    BULK_BATCH, &upd)) != 0 ||
	    (rc = db_bulk_open(pr->d, line_remove_sql, line_remove_types, 2,
	    BULK_BATCH, &rem)) != 0)
		goto out;
	for (size_t i = 0; i < pr->r->nlines; i++) {
		const struct tce_line *l = &pr->r->lines[i];
		const struct book_line *bl;
		int64_t person, payment = 0, rule = 0;
		struct old_line *o;
		char day[11];

		if (l->period != pr->pindex)
			continue;
		res->lines++;
		if ((person = person_of(pr, l->rep, NULL)) == 0) {
			rc = TC_EDB;
			goto out;
		}
		bl = &pr->book->lines[pr->map.rows[l->row]];
		if (l->payment != TCE_NONE)
			payment = pr->book->payments[pr->map.pays[l->payment]].id;
		if (l->rule >= 0)
			rule = pr->rule_of[l->rule];
		tc_date_format(day, l->date);
		o = old_find(old, person, bl->id, payment, rule);
		if (o != NULL) {
			o->seen = true;
			if (!o->removed && o->has_base == (l->rule >= 0) &&
			    (l->rule < 0 || o->base == l->base) &&
			    o->commission == l->commission && o->date == l->date) {
				res->kept++;
				continue;
			}
			res->changed++;
			rc = db_bulk_add(upd, (const struct db_param[]){
			    l->rule >= 0 ? P_INT(l->base) : P_NULL,
			    P_MONEY(l->commission), P_TEXT(day),
			    P_INT(res->run_id), P_INT(o->id) });
		} else {
			res->added++;
			rc = db_bulk_add(ins, (const struct db_param[]){
			    P_INT(pr->p.id), P_INT(person), P_INT(bl->id),
			    payment != 0 ? P_INT(payment) : P_NULL,
			    rule != 0 ? P_INT(rule) : P_NULL,
			    l->rule >= 0 ? P_INT(l->base) : P_NULL,
			    P_MONEY(l->commission), P_TEXT(day),
			    P_INT(res->run_id) });
		}
		if (rc != 0)
			goto out;
	}
	for (size_t i = 0; i < old->n; i++)
		if (!old->v[i].seen && !old->v[i].removed) {
			res->removed++;
			if ((rc = db_bulk_add(rem, (const struct db_param[]){
			    P_INT(res->run_id), P_INT(old->v[i].id) })) != 0)
				goto out;
		}
	if ((rc = db_bulk_flush(ins)) != 0 || (rc = db_bulk_flush(upd)) != 0 ||
	    (rc = db_bulk_flush(rem)) != 0)
		goto out;
out:
	db_bulk_close(ins);
	db_bulk_close(upd);
	db_bulk_close(rem);
	return rc;
}

/* The multiplier (10^-4) of the accelerator that exact period sales
 * (10^-6 fen) reach against target (fen) under version v, as the engine
 * decides it (step 6: attainment >= threshold, compared exactly; the
 * highest reached), or 1 (10000) when none is reached or v is NULL. */
static int64_t
period_multiplier(const struct tce_version *v, tc_i128 sales, money_t target)
{
	int64_t m = 10000;

	/* Attainment is sales / (10^6 target) as a fraction, a threshold
	 * at / 10^6 (100% = 10^6): reached when sales >= at x target. */
	for (size_t i = 0; v != NULL && i < v->naccel; i++)
		if (sales >= (tc_i128)v->accel[i].at * target)
			m = v->accel[i].value;
	return m;
}

static int
write_summaries(struct period_run *pr)
{
	struct db_bulk *ins = NULL, *reps = NULL;
	struct run_result *res = pr->res;
	const struct tce_version *v = tce_plan_version_at(pr->plan,
	    pr->p.span.first);
	tc_i128 *sales = NULL;
	uint32_t *nlines = NULL;
	size_t nreps = pr->r->nreps;
	int rc;

	if ((sales = calloc(nreps + 1, sizeof(*sales))) == NULL ||
	    (nlines = calloc(nreps + 1, sizeof(*nlines))) == NULL) {
		rc = TC_ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < pr->r->nlines; i++) {
		const struct tce_line *l = &pr->r->lines[i];

		if (l->period != pr->pindex || l->rep >= nreps)
			continue;
		sales[l->rep] += l->sales;
		nlines[l->rep]++;
	}
	if ((rc = db_exec(pr->d, &run_db, ST_SUMMARY_CLEAR,
	    DB_ARGS(P_INT(pr->p.id)), NULL, NULL)) != 0 ||
	    (rc = db_bulk_open(pr->d, summary_insert_sql, summary_insert_types,
	    12, BULK_BATCH, &ins)) != 0 ||
	    (rc = db_bulk_open(pr->d, run_rep_insert_sql, run_rep_insert_types,
	    10, BULK_BATCH, &reps)) != 0)
		goto out;
	for (size_t i = 0; i < pr->r->nsummary; i++) {
		const struct tce_summary *s = &pr->r->summary[i];
		const struct book_person *who;
		int64_t person, mult;
		const char *manager;

		if (s->period != pr->pindex)
			continue;
		if ((person = person_of(pr, s->rep, &who)) == 0 ||
		    s->rep >= nreps) {
			rc = TC_EDB;
			break;
		}
		mult = s->has_target ? period_multiplier(v, sales[s->rep],
		    s->target) : 10000;
		manager = book_str_of(pr->book, who->manager);
		res->reps++;
		res->sales += s->sales;
		res->commission += s->commission;
		res->bonus += s->bonus;
		res->total += s->total;
		if ((rc = db_bulk_add(ins, (const struct db_param[]){
		    P_INT(pr->p.id), P_INT(person), P_INT(res->run_id),
		    P_TEXT(book_str_of(pr->book, who->team)),
		    manager[0] != '\0' ? P_TEXT(manager) : P_NULL,
		    P_MONEY(s->sales),
		    s->has_target ? P_MONEY(s->target) : P_NULL,
		    s->has_target ? P_MONEY(s->attainment) : P_NULL,
		    P_DEC(mult, 4), P_MONEY(s->commission), P_MONEY(s->bonus),
		    P_MONEY(s->total) })) != 0 ||
		    (rc = db_bulk_add(reps, (const struct db_param[]){
		    P_INT(res->run_id), P_INT(person), P_MONEY(s->sales),
		    s->has_target ? P_MONEY(s->target) : P_NULL,
		    s->has_target ? P_MONEY(s->attainment) : P_NULL,
		    P_DEC(mult, 4), P_MONEY(s->commission), P_MONEY(s->bonus),
		    P_MONEY(s->total), P_INT(nlines[s->rep]) })) != 0)
			break;
	}
	if (rc == 0 && (rc = db_bulk_flush(ins)) == 0)
		rc = db_bulk_flush(reps);
out:
	db_bulk_close(ins);
	db_bulk_close(reps);
	free(sales);
	free(nlines);
	return rc;
}

/* The order a warning names, from its file and line (0 when none). */
static int64_t
warning_order(const struct period_run *pr, const struct tce_warning *w)
{
	int64_t k;

	if (w->src == TCE_SRC_ORDERS &&
	    (k = record_at(pr->map.row_lines, pr->map.nrows, w->line)) >= 0)
		return pr->book->orders[
		    pr->book->lines[pr->map.rows[k]].order].id;
	if (w->src == TCE_SRC_PAYMENTS &&
	    (k = record_at(pr->map.pay_lines, pr->map.npays, w->line)) >= 0)
		return pr->book->orders[
		    pr->book->payments[pr->map.pays[k]].order].id;
	return 0;
}

static int
write_warnings(struct period_run *pr)
{
	struct db_bulk *ins = NULL;
	int rc;

	if (pr->r->nwarnings == 0)
		return 0;
	if ((rc = db_bulk_open(pr->d, warning_insert_sql, warning_insert_types,
	    5, BULK_BATCH, &ins)) != 0)
		return rc;
	for (size_t i = 0; i < pr->r->nwarnings && rc == 0; i++) {
		const struct tce_warning *w = &pr->r->warnings[i];
		int64_t order = warning_order(pr, w);
		char msg[640];

		if (w->line > 0)
			snprintf(msg, sizeof(msg), "%s:%u: %s",
			    source_file(w->src), w->line, w->msg);
		else
			snprintf(msg, sizeof(msg), "%s", w->msg);
		rc = db_bulk_add(ins, (const struct db_param[]){
		    P_INT(pr->res->run_id), P_INT(i + 1),
		    P_TEXT(source_file(w->src)),
		    order != 0 ? P_INT(order) : P_NULL, P_TEXT(msg) });
	}
	if (rc == 0)
		rc = db_bulk_flush(ins);
	pr->res->warnings = pr->r->nwarnings;
	db_bulk_close(ins);
	return rc;
}

/* Replaces the period's results, in one transaction (the caller's when
 * one is open, as the demo seeder's). */
static int
write_results(struct period_run *pr, int64_t started)
{
	struct old_lines old = { 0 };
	struct run_result *res = pr->res;
	enum period_state st;
	char detail[256];
	bool own = !db_in_transaction(pr->d);
	int rc;

	if (own && (rc = db_begin(pr->d)) != 0)
		return rc;
	/* Holds off a close until this commits (period.h). */
	if ((rc = period_state(pr->d, pr->p.span.first, &st)) != 0)
		goto out;
	if (st == PERIOD_CLOSED) {
		period_why_set(pr->why, "run_err_closed", pr->p.span.label,
		    "%s was closed during the run", pr->p.span.label);
		rc = TC_EDENIED;
		goto out;
	}
	if ((rc = db_each(pr->d, &run_db, ST_OLD_LINES,
	    DB_ARGS(P_INT(pr->p.id)), old_row, &old)) != 0 ||
	    (rc = old_index(&old)) != 0 ||
	    (rc = write_lines(pr, &old)) != 0 ||
	    (rc = write_summaries(pr)) != 0 ||
	    (rc = write_warnings(pr)) != 0)
		goto out;
	/* Test builds: the period's lines written, the run not yet marked
	 * done nor committed (the fault tests stop MariaDB here). */
	tc_hold("run-written");
	res->total_ms = now_ms() - started;
	if ((rc = db_exec(pr->d, &run_db, ST_RUN_DONE, DB_ARGS(
	    P_INT(res->total_ms), P_INT(res->in_lines), P_INT(res->in_payments),
	    P_INT(res->in_targets), P_INT(res->in_versions), P_TEXT(res->digest),
	    P_INT(res->reps), P_INT(res->lines),
	    P_INT(res->kept + res->changed), P_INT(res->added),
	    P_INT(res->removed), P_MONEY(res->sales), P_MONEY(res->commission),
	    P_MONEY(res->bonus), P_MONEY(res->total), P_INT(res->warnings),
	    P_INT(book_input_version(pr->book, pr->p.span.first)),
	    P_INT(res->run_id)), NULL, NULL)) != 0)
		goto out;
	snprintf(detail, sizeof(detail), "run %lld: %zu lines (%zu added, %zu "
	    "removed), inputs %s", (long long)res->run_id, res->lines,
	    res->added, res->removed, res->digest);
	rc = audit_write_as(pr->d, pr->who, "calc.run", "period",
	    pr->p.span.label, detail);
out:
	free(old.v);
	free(old.slot);
	if (!own)
		return rc;
	if (rc == 0)
		return db_commit(pr->d);
	db_rollback(pr->d);
	return rc;
}

static void
period_run_free(struct period_run *pr)
{
	files_free(&pr->files);
	export_map_free(&pr->map);
	tce_result_free(pr->r);
	tce_input_free(&pr->in);
	tce_plan_free(pr->plan);
	free(pr->rule_of);
}

/* Runs one period from the book; the run row exists (res->run_id). */
static int
run_one(struct period_run *pr, int64_t started)
{
	struct run_result *res = pr->res;
	struct tce_diag err;
	int64_t t0 = now_ms();
	int rc;

	tce_input_init(&pr->in);
	pr->pindex = tc_period_of((enum tc_period_kind)pr->p.span.kind,
	    pr->p.span.first);
	if ((rc = export_files(pr->book, pr->p.span.first, pr->p.span.last,
	    &pr->files, &pr->map)) != 0)
		return rc;
	files_digest(&pr->files, res->digest);
	res->in_lines = pr->map.nrows;
	res->in_payments = pr->map.npays;
	res->in_targets = pr->map.ntargets;
	res->in_versions = pr->map.nversions;
	if ((rc = engine_run(&pr->files, &pr->plan, &pr->in, &pr->r,
	    &err)) != 0) {
		if (rc == TC_EINVAL || rc == TC_ETOOBIG) {
			char text[600];

			diag_text(text, sizeof(text), &err);
			period_why_set(pr->why, "run_err_engine", pr->p.span.label,
			    "%s: the engine refused the inputs: %s",
			    pr->p.span.label, text);
			rc = TC_EINVAL;
		}
		return rc;
	}
	if ((rc = map_rules(pr)) != 0)
		return rc;
	res->engine_ms = now_ms() - t0;
	t0 = now_ms();
	rc = write_results(pr, started);
	res->write_ms = now_ms() - t0;
	/* A value the tables refuse is the program's fault, not the
	 * operator's: the engine accepted the inputs. */
	if (rc == TC_EINVAL || rc == TC_ECONFLICT)
		rc = TC_EDB;
	res->done = rc == 0;
	return rc;
}

/* --- many periods --- */

static int
lock_period(struct db *d, int idx, const char *label, bool *got)
{
	struct dbres *r = NULL;
	int rc = db_query(d, &run_db, idx, DB_ARGS(P_TEXT(label)), &r);

	if (rc == 0 && got != NULL)
		*got = dbres_rows(r) == 1 && dbres_int(r, 0, 0) == 1;
	dbres_free(r);
	return rc;
}

static int
record_failure(struct db *d, const struct run_result *res, int64_t started,
    const char *text)
{
	return db_exec(d, &run_db, ST_RUN_FAILED, DB_ARGS(
	    P_INT(now_ms() - started), P_TEXT(text), P_INT(res->run_id)),
	    NULL, NULL);
}

int
run_periods(struct db *d, enum tc_period_kind kind, int32_t today,
    const struct actor *who, const char *const *labels, size_t n,
    struct run_result *results, struct period_why *why)
{
	return run_periods_progress(d, kind, today, who, labels, n, results,
	    why, NULL, NULL);
}

int
run_periods_progress(struct db *d, enum tc_period_kind kind, int32_t today,
    const struct actor *who, const char *const *labels, size_t n,
    struct run_result *results, struct period_why *why,
    run_progress_fn progress, void *arg)
{
	struct period *ps = NULL;
	struct book *book = NULL;
	size_t locked = 0;
	int64_t t0;
	int rc;

	memset(why, 0, sizeof(*why));
	memset(results, 0, n * sizeof(*results));
	if (n == 0)
		return 0;
	if ((ps = calloc(n, sizeof(*ps))) == NULL)
		return TC_ENOMEM;
	if ((rc = period_sync(d, kind, today, why)) != 0)
		goto out;
	for (size_t i = 0; i < n; i++) {
		bool got = false;

		snprintf(results[i].label, sizeof(results[i].label), "%s",
		    labels[i]);
		rc = period_find(d, kind, labels[i], &ps[i]);
		if (rc == TC_EINVAL || rc == TC_ENOTFOUND) {
			if (rc == TC_EINVAL)
				period_why_set(why, "run_err_unknown", labels[i],
				    "\"%s\" is not a %s label", labels[i],
				    tc_period_kind_name(kind));
			else
				period_why_set(why, "run_err_unknown", labels[i],
				    "there is no period %s", labels[i]);
			rc = TC_EDENIED;
			goto out;
		}
		if (rc != 0)
			goto out;
		if (ps[i].state == PERIOD_CLOSED) {
			period_why_set(why, "run_err_closed", labels[i], "%s is "
			    "closed: a closed period keeps its results",
			    labels[i]);
			rc = TC_EDENIED;
			goto out;
		}
		if ((rc = lock_period(d, ST_LOCK, labels[i], &got)) != 0)
			goto out;
		if (!got) {
			period_why_set(why, "run_err_in_progress", labels[i], "a run "
			    "is in progress for %s", labels[i]);
			rc = TC_EDENIED;
			goto out;
		}
		locked = i + 1;
	}
	t0 = now_ms();
	if ((rc = book_read(d, kind, ps[0].span.first, ps[n - 1].span.last,
	    &book)) != 0)
		goto out;
	t0 = now_ms() - t0;
	if (progress != NULL)
		progress(arg, 1, n + 1);
	for (size_t i = 0; i < n; i++) {
		struct period_run pr = { 0 };
		struct run_result *res = &results[i];
		int64_t started = now_ms();
		uint64_t id = 0;

		/* the share of reading that each period bears */
		res->read_ms = t0 / (int64_t)n;
		if ((rc = db_exec(d, &run_db, ST_RUN_INSERT, DB_ARGS(
		    P_INT(ps[i].id), P_TEXT(who->login)), NULL, &id)) != 0)
			goto out;
		res->run_id = (int64_t)id;
		pr.d = d;
		pr.book = book;
		pr.who = who;
		pr.p = ps[i];
		pr.res = res;
		pr.why = why;
		rc = run_one(&pr, started - res->read_ms);
		period_run_free(&pr);
		if (rc != 0 && why->text[0] == '\0')
			period_why_set(why, "run_err_failed", labels[i], "%s: the run "
			    "failed: %s", labels[i], tc_strerror(rc));
		if (rc != 0) {
			record_failure(d, res, started, why->text[0] ? why->text :
			    tc_strerror(rc));
			goto out;
		}
		if (progress != NULL)
			progress(arg, i + 2, n + 1);
	}
out:
	for (size_t i = 0; i < locked; i++)
		lock_period(d, ST_UNLOCK, labels[i], NULL);
	book_free(book);
	free(ps);
	return rc;
}

int
run_open_periods(struct db *d, enum tc_period_kind kind, int32_t today,
    char (**out)[TC_PERIOD_SIZE], size_t *n)
{
	struct period_why why;
	struct period *v = NULL;
	size_t nv = 0, k = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = period_list(d, kind, today, &v, &nv, &why)) != 0)
		return rc;
	if (nv > 0 && (*out = calloc(nv, sizeof(**out))) == NULL) {
		free(v);
		return TC_ENOMEM;
	}
	for (size_t i = 0; i < nv; i++)
		if (v[i].state == PERIOD_OPEN)
			snprintf((*out)[k++], TC_PERIOD_SIZE, "%s",
			    v[i].span.label);
	*n = k;
	free(v);
	return 0;
}

int
run_export(struct db *d, enum tc_period_kind kind, int32_t from, int32_t to,
    struct file_set *out, char digest[FILES_DIGEST_SIZE])
{
	return run_export_rep(d, kind, from, to, 0, out, digest);
}

int
run_export_rep(struct db *d, enum tc_period_kind kind, int32_t from,
    int32_t to, int64_t person, struct file_set *out,
    char digest[FILES_DIGEST_SIZE])
{
	struct book *b = NULL;
	int rc;

	if ((rc = book_read_rep(d, kind, from, to, person, &b)) != 0)
		return rc;
	rc = export_files(b, from, to, out, NULL);
	if (rc == 0 && digest != NULL)
		files_digest(out, digest);
	book_free(b);
	return rc;
}

int
run_status(struct db *d, enum tc_period_kind kind, const char *label,
    struct run_status *out)
{
	struct file_set fs = { 0 };
	struct period p;
	struct dbres *r = NULL;
	bool unknown;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = period_find(d, kind, label, &p)) != 0)
		return rc == TC_EINVAL ? TC_ENOTFOUND : rc;
	if ((rc = db_query(d, &run_db, ST_STATUS, DB_ARGS(P_INT(p.id)),
	    &r)) != 0)
		return rc;
	if (dbres_rows(r) != 1) {
		dbres_free(r);
		return TC_EDB;
	}
	if (!dbres_null_col(r, 0, "run_id")) {
		out->run_id = dbres_int_col(r, 0, "run_id");
		snprintf(out->run_digest, sizeof(out->run_digest), "%s",
		    dbres_text_col(r, 0, "digest"));
	}
	out->current = out->run_id != 0 && dbres_int_col(r, 0, "stale") == 0;
	unknown = out->run_id != 0 && dbres_int_col(r, 0, "unknown") == 1;
	dbres_free(r);
	if (!unknown || p.state == PERIOD_CLOSED)
		return 0;
	/* A run from before the inputs' versions were kept: the digest of
	 * the inputs as they are now decides. */
	if ((rc = run_export(d, kind, p.span.first, p.span.last, &fs,
	    out->digest)) != 0)
		return rc;
	files_free(&fs);
	out->current = strcmp(out->run_digest, out->digest) == 0;
	return 0;
}

int
run_close_guard(struct db *d, const struct period *p, void *arg,
    struct period_why *why)
{
	struct run_status st;
	int rc;

	(void)arg;
	if ((rc = run_status(d, p->span.kind, p->span.label, &st)) != 0)
		return rc;
	if (st.current)
		return 0;
	why->key = st.run_id == 0 ? "run_err_no_run" : "run_err_stale";
	snprintf(why->period, sizeof(why->period), "%s", p->span.label);
	snprintf(why->text, sizeof(why->text), st.run_id == 0 ?
	    "%s has no calculation run: run it before closing" :
	    "the inputs of %s changed since its run: run it again before "
	    "closing", p->span.label);
	return TC_EDENIED;
}
