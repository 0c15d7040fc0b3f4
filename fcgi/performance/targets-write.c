/* targets-write.c: the one function that writes targets, for the grid,
 * the import, the copy from a previous period, approved proposals and
 * the demo data: every cell checked, then all written in one
 * transaction, or nothing (perf.h).  What a save reads is read once (the
 * reps and teams, each label's stored targets, locked) and what it
 * writes goes through core/db-bulk, so that a grid of a thousand cells
 * is a handful of statements. */
#include "config.h"

#include <sys/types.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db-bulk.h"
#include "core/decimal.h"
#include "core/error.h"
#include "core/period.h"
#include "core/strbuf.h"
#include "performance/perf.h"

/* The largest target: DECIMAL(18,2) holds less than 10^16 fen. */
#define TARGET_MAX 999999999999999LL

enum stmt {
	ST_PEOPLE, ST_TEAMS, ST_REP_LABEL, ST_TEAM_LABEL, ST__MAX
};

static const char *const stmts[ST__MAX] = {
	/* the sales reps and their teams: who may have a target */
	[ST_PEOPLE] =
	    "SELECT id FROM people WHERE (CAST(roles AS UNSIGNED) & 1) <> 0"
	    " ORDER BY id",
	[ST_TEAMS] =
	    "SELECT DISTINCT team FROM people WHERE team <> ''"
	    " AND (CAST(roles AS UNSIGNED) & 1) <> 0",
	/* kind, first day: a label's stored targets, locked */
	[ST_REP_LABEL] =
	    "SELECT person_id, amount FROM targets WHERE kind = ?"
	    " AND first_day = ? ORDER BY person_id FOR UPDATE",
	[ST_TEAM_LABEL] =
	    "SELECT team, amount FROM team_targets WHERE kind = ?"
	    " AND first_day = ? FOR UPDATE",
};

static struct db_table tw_db = DB_TABLE("performance.targets-write", stmts);

/* The writes, as bulk statements: a save of a whole grid is a handful
 * of executions, not three statements a cell. */
static const char rep_put_sql[] =
    "INSERT INTO targets (person_id, period, kind, first_day, amount,"
    " updated_by) VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
    " amount = VALUES(amount), updated_by = VALUES(updated_by)";
static const char team_put_sql[] =
    "INSERT INTO team_targets (team, period, kind, first_day, amount,"
    " updated_by) VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
    " amount = VALUES(amount), updated_by = VALUES(updated_by)";
static const char rep_del_sql[] =
    "DELETE FROM targets WHERE person_id = ? AND period = ?";
static const char team_del_sql[] =
    "DELETE FROM team_targets WHERE team = ? AND period = ?";
static const enum db_type rep_put_types[] = {
	DBT_INT, DBT_TEXT, DBT_TEXT, DBT_TEXT, DBT_DEC, DBT_TEXT
};
static const enum db_type team_put_types[] = {
	DBT_TEXT, DBT_TEXT, DBT_TEXT, DBT_TEXT, DBT_DEC, DBT_TEXT
};
static const enum db_type rep_del_types[] = { DBT_INT, DBT_TEXT };
static const enum db_type team_del_types[] = { DBT_TEXT, DBT_TEXT };
#define BULK_ROWS 500
#define ROW(...) ((const struct db_param[]){ __VA_ARGS__ })

enum { W_REP_PUT, W_TEAM_PUT, W_REP_DEL, W_TEAM_DEL, W__MAX };

/* The amount of a cell: 0 for "" (no target), else money above 0. */
static const char *
parse_amount(const char *raw, money_t *out)
{
	int64_t v = 0;
	int rc;

	*out = 0;
	if (*raw == '\0')
		return NULL;
	rc = tc_dec_parse_str(raw, TC_SCALE_MONEY, &v);
	if (rc == TC_EDECIMALS)
		return "perf_err_decimals";
	if (rc == TC_ETOOBIG || (rc == 0 && v > TARGET_MAX))
		return "perf_err_too_big";
	if (rc != 0)
		return "perf_err_not_number";
	if (v <= 0)
		return "perf_err_positive";
	*out = v;
	return NULL;
}

/* One period label of the save: its stored targets, read once and
 * locked (rows sorted by person_id; teams in any order). */
struct label {
	const char *label;
	struct dbres *reps, *teams;
};

/* What a save reads once: the reps and teams that may have targets and
 * the stored targets of each label the cells name. */
struct known {
	struct dbres *people, *teams;
	struct label *labels;
	size_t nlabels;
};

static void
known_free(struct known *k)
{
	dbres_free(k->people);
	dbres_free(k->teams);
	for (size_t i = 0; i < k->nlabels; i++) {
		dbres_free(k->labels[i].reps);
		dbres_free(k->labels[i].teams);
	}
	free(k->labels);
}

/* The row of res (sorted by its first column, an id) holding id, or -1. */
static ssize_t
find_id(const struct dbres *res, int64_t id)
{
	size_t lo = 0, hi = dbres_rows(res);

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int64_t v = dbres_int(res, mid, 0);

		if (v == id)
			return (ssize_t)mid;
		if (v < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* The row of res whose first column is text, or -1. */
static ssize_t
find_text(const struct dbres *res, const char *text)
{
	for (size_t i = 0; i < dbres_rows(res); i++)
		if (strcmp(dbres_text(res, i, 0), text) == 0)
			return (ssize_t)i;
	return -1;
}

/* The label of cell c (its kind and period parsed), read on first use. */
static int
label_of(struct db *d, struct known *k, const struct perf_cell *c,
    struct label **out)
{
	char first[TC_DATE_SIZE];
	const char *kind = tc_period_kind_name(c->kind);
	struct label *l;
	int rc;

	for (size_t i = 0; i < k->nlabels; i++)
		if (strcmp(k->labels[i].label, c->label) == 0) {
			*out = &k->labels[i];
			return 0;
		}
	if ((k->nlabels & 15) == 0) {
		struct label *v = realloc(k->labels, (k->nlabels + 16) *
		    sizeof(*v));

		if (v == NULL)
			return TC_ENOMEM;
		k->labels = v;
	}
	l = &k->labels[k->nlabels++];
	memset(l, 0, sizeof(*l));
	l->label = c->label;
	tc_date_format(first, tc_period_first(c->kind, c->period));
	if ((rc = db_query(d, &tw_db, ST_REP_LABEL, DB_ARGS(P_TEXT(kind),
	    P_TEXT(first)), &l->reps)) != 0 ||
	    (rc = db_query(d, &tw_db, ST_TEAM_LABEL, DB_ARGS(P_TEXT(kind),
	    P_TEXT(first)), &l->teams)) != 0)
		return rc;
	*out = l;
	return 0;
}

/* The stored amount of cell c's target, 0 when none. */
static money_t
stored(const struct label *l, const struct perf_cell *c)
{
	ssize_t i;

	if (c->team != NULL)
		return (i = find_text(l->teams, c->team)) < 0 ? 0 :
		    dbres_money(l->teams, (size_t)i, 1);
	return (i = find_id(l->reps, c->person)) < 0 ? 0 :
	    dbres_money(l->reps, (size_t)i, 1);
}

/* Whether cells[0..i) hold cells[i]'s rep or team and label. */
static bool
duplicate(const struct perf_cell *cells, size_t i)
{
	const struct perf_cell *c = &cells[i];

	for (size_t j = i; j-- > 0;) {
		const struct perf_cell *o = &cells[j];

		if (strcmp(o->label, c->label) != 0)
			continue;
		if (c->team != NULL ? o->team != NULL &&
		    strcmp(o->team, c->team) == 0 : o->team == NULL &&
		    o->person == c->person)
			return true;
	}
	return false;
}

/* Queues the write of cell c on its bulk statement. */
static int
write_cell(struct db_bulk *w[W__MAX], const struct actor *who,
    const struct perf_cell *c)
{
	char first[TC_DATE_SIZE];
	const char *kind = tc_period_kind_name(c->kind);

	tc_date_format(first, tc_period_first(c->kind, c->period));
	if (c->team != NULL && c->amount == 0)
		return db_bulk_add(w[W_TEAM_DEL], ROW(P_TEXT(c->team),
		    P_TEXT(c->label)));
	if (c->team != NULL)
		return db_bulk_add(w[W_TEAM_PUT], ROW(P_TEXT(c->team),
		    P_TEXT(c->label), P_TEXT(kind), P_TEXT(first),
		    P_MONEY(c->amount), P_TEXT(who->login)));
	if (c->amount == 0)
		return db_bulk_add(w[W_REP_DEL], ROW(P_INT(c->person),
		    P_TEXT(c->label)));
	return db_bulk_add(w[W_REP_PUT], ROW(P_INT(c->person),
	    P_TEXT(c->label), P_TEXT(kind), P_TEXT(first), P_MONEY(c->amount),
	    P_TEXT(who->login)));
}

static int
open_writes(struct db *d, struct db_bulk *w[W__MAX])
{
	int rc;

	if ((rc = db_bulk_open(d, rep_put_sql, rep_put_types, 6, BULK_ROWS,
	    &w[W_REP_PUT])) != 0 ||
	    (rc = db_bulk_open(d, team_put_sql, team_put_types, 6, BULK_ROWS,
	    &w[W_TEAM_PUT])) != 0 ||
	    (rc = db_bulk_open(d, rep_del_sql, rep_del_types, 2, BULK_ROWS,
	    &w[W_REP_DEL])) != 0)
		return rc;
	return db_bulk_open(d, team_del_sql, team_del_types, 2, BULK_ROWS,
	    &w[W_TEAM_DEL]);
}

int
perf_targets_save(struct db *d, const struct actor *who, int64_t actor_id,
    struct perf_cell *cells, size_t n, struct perf_save_report *rep)
{
	struct strbuf detail = STRBUF_INIT;
	struct db_bulk *w[W__MAX] = { 0 };
	struct known k = { 0 };
	bool own = !db_in_transaction(d);
	int32_t through = 0;
	char line[200];
	int rc;

	memset(rep, 0, sizeof(*rep));
	if (own && (rc = db_begin(d)) != 0)
		return rc;
	if ((rc = period_closed_through(d, &through)) != 0 ||
	    (rc = db_query(d, &tw_db, ST_PEOPLE, DB_NOARGS, &k.people)) != 0 ||
	    (rc = db_query(d, &tw_db, ST_TEAMS, DB_NOARGS, &k.teams)) != 0 ||
	    (rc = open_writes(d, w)) != 0)
		goto out;
	for (size_t i = 0; i < n; i++) {
		struct perf_cell *c = &cells[i];
		struct label *l;
		money_t old = 0;

		c->err = NULL;
		if (tc_period_parse(c->label, strlen(c->label), &c->kind,
		    &c->period) != 0) {
			c->err = "perf_err_label";
			goto refused;
		}
		if ((c->err = parse_amount(c->raw, &c->amount)) != NULL)
			goto refused;
		if (c->team != NULL ? find_text(k.teams, c->team) < 0 :
		    find_id(k.people, c->person) < 0) {
			c->err = c->team != NULL ? "perf_err_team" :
			    "perf_err_rep";
			goto refused;
		}
		if (c->team == NULL && actor_id > 0 && c->person == actor_id) {
			c->err = "perf_err_own_target";
			goto refused;
		}
		if (duplicate(cells, i)) {
			c->err = "perf_err_duplicate";
			goto refused;
		}
		if ((rc = label_of(d, &k, c, &l)) != 0)
			goto out;
		if ((old = stored(l, c)) == c->amount) {
			rep->unchanged++;
			continue;
		}
		if (through != 0 &&
		    tc_period_first(c->kind, c->period) <= through) {
			c->err = "perf_err_closed";
			goto refused;
		}
		if (rep->refused > 0)
			continue;       /* nothing will be written */
		if ((rc = write_cell(w, who, c)) != 0)
			goto out;
		if (old == 0)
			rep->added++;
		else if (c->amount == 0)
			rep->removed++;
		else
			rep->changed++;
		if (detail.len < 3000) {
			char a[TC_MONEY_SIZE], b[TC_MONEY_SIZE];
			char ref[32];

			if (c->team == NULL)
				snprintf(ref, sizeof(ref), "#%lld",
				    (long long)c->person);
			snprintf(line, sizeof(line), "%s%s %s %s->%s",
			    detail.len ? "; " : "", c->team != NULL ? c->team :
			    ref, c->label, old ? tc_money_str(a, old, false) :
			    "-", c->amount ? tc_money_str(b, c->amount,
			    false) : "-");
			strbuf_add(&detail, line);
		}
		continue;
refused:
		rep->refused++;
	}
	if (rep->refused > 0) {
		rc = TC_EINVAL;
		goto out;
	}
	for (int i = 0; i < W__MAX; i++)
		if ((rc = db_bulk_flush(w[i])) != 0)
			goto out;
	snprintf(line, sizeof(line), "%zu added, %zu changed, %zu removed, "
	    "%zu unchanged: ", rep->added, rep->changed, rep->removed,
	    rep->unchanged);
	if (rep->added + rep->changed + rep->removed > 0) {
		char *text = strbuf_take(&detail);
		struct strbuf all = STRBUF_INIT;

		strbuf_add(&all, line);
		strbuf_add(&all, text ? text : "");
		free(text);
		text = strbuf_take(&all);
		rc = audit_write_as(d, who, "targets_save", "targets", "",
		    text ? text : line);
		free(text);
		if (rc != 0)
			goto out;
	}
out:
	for (int i = 0; i < W__MAX; i++)
		db_bulk_close(w[i]);
	known_free(&k);
	strbuf_free(&detail);
	if (own) {
		if (rc == 0)
			rc = db_commit(d);
		else
			db_rollback(d);
	}
	if (rc != 0)
		rep->added = rep->changed = rep->removed = 0;
	return rc;
}
