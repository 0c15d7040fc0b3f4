/* targets-write.c: the one function that writes targets, for the grid,
 * the import, the copy from a previous period, approved proposals and
 * the demo data: every cell checked, then all written in one
 * transaction, or nothing (perf.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/error.h"
#include "core/period.h"
#include "core/strbuf.h"
#include "performance/perf.h"

/* The largest target: DECIMAL(18,2) holds less than 10^16 fen. */
#define TARGET_MAX 999999999999999LL

enum stmt {
	ST_PERSON, ST_TEAM,
	ST_REP_GET, ST_REP_PUT, ST_REP_DEL,
	ST_TEAM_GET, ST_TEAM_PUT, ST_TEAM_DEL,
	ST__MAX
};

static const char *const stmts[ST__MAX] = {
	[ST_PERSON] =
	    "SELECT login FROM people WHERE id = ?"
	    " AND (CAST(roles AS UNSIGNED) & 1) <> 0",
	[ST_TEAM] =
	    "SELECT 1 FROM people WHERE team = ? AND team <> ''"
	    " AND (CAST(roles AS UNSIGNED) & 1) <> 0 LIMIT 1",
	[ST_REP_GET] =
	    "SELECT amount FROM targets WHERE person_id = ? AND period = ?"
	    " FOR UPDATE",
	[ST_REP_PUT] =
	    "INSERT INTO targets (person_id, period, kind, first_day, amount,"
	    " updated_by) VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
	    " amount = VALUES(amount), updated_by = VALUES(updated_by)",
	[ST_REP_DEL] = "DELETE FROM targets WHERE person_id = ? AND period = ?",
	[ST_TEAM_GET] =
	    "SELECT amount FROM team_targets WHERE team = ? AND period = ?"
	    " FOR UPDATE",
	[ST_TEAM_PUT] =
	    "INSERT INTO team_targets (team, period, kind, first_day, amount,"
	    " updated_by) VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
	    " amount = VALUES(amount), updated_by = VALUES(updated_by)",
	[ST_TEAM_DEL] = "DELETE FROM team_targets WHERE team = ? AND period = ?",
};

static struct db_table tw_db = DB_TABLE("performance.targets-write", stmts);

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

/* Whether statement idx finds a row. */
static int
exists(struct db *d, int idx, const struct db_param *p, size_t n, bool *yes)
{
	struct dbres *res = NULL;
	int rc;

	if ((rc = db_query(d, &tw_db, idx, p, n, &res)) == 0)
		*yes = dbres_rows(res) > 0;
	dbres_free(res);
	return rc;
}

/* The stored amount of the cell's target (locked), 0 when none. */
static int
stored(struct db *d, const struct perf_cell *c, money_t *out)
{
	struct dbres *res = NULL;
	int rc;

	*out = 0;
	if (c->team != NULL)
		rc = db_query(d, &tw_db, ST_TEAM_GET, DB_ARGS(P_TEXT(c->team),
		    P_TEXT(c->label)), &res);
	else
		rc = db_query(d, &tw_db, ST_REP_GET, DB_ARGS(P_INT(c->person),
		    P_TEXT(c->label)), &res);
	if (rc == 0 && dbres_rows(res) == 1)
		*out = dbres_money(res, 0, 0);
	dbres_free(res);
	return rc;
}

static int
write_cell(struct db *d, const struct actor *who, const struct perf_cell *c)
{
	char first[TC_DATE_SIZE];
	const char *kind = tc_period_kind_name(c->kind);

	tc_date_format(first, tc_period_first(c->kind, c->period));
	if (c->team != NULL && c->amount == 0)
		return db_exec(d, &tw_db, ST_TEAM_DEL, DB_ARGS(P_TEXT(c->team),
		    P_TEXT(c->label)), NULL, NULL);
	if (c->team != NULL)
		return db_exec(d, &tw_db, ST_TEAM_PUT, DB_ARGS(P_TEXT(c->team),
		    P_TEXT(c->label), P_TEXT(kind), P_TEXT(first),
		    P_MONEY(c->amount), P_TEXT(who->login)), NULL, NULL);
	if (c->amount == 0)
		return db_exec(d, &tw_db, ST_REP_DEL, DB_ARGS(P_INT(c->person),
		    P_TEXT(c->label)), NULL, NULL);
	return db_exec(d, &tw_db, ST_REP_PUT, DB_ARGS(P_INT(c->person),
	    P_TEXT(c->label), P_TEXT(kind), P_TEXT(first), P_MONEY(c->amount),
	    P_TEXT(who->login)), NULL, NULL);
}

int
perf_targets_save(struct db *d, const struct actor *who, int64_t actor_id,
    struct perf_cell *cells, size_t n, struct perf_save_report *rep)
{
	struct strbuf detail = STRBUF_INIT;
	bool own = !db_in_transaction(d);
	int32_t through = 0;
	char line[200];
	int rc;

	memset(rep, 0, sizeof(*rep));
	if (own && (rc = db_begin(d)) != 0)
		return rc;
	if ((rc = period_closed_through(d, &through)) != 0)
		goto out;
	for (size_t i = 0; i < n; i++) {
		struct perf_cell *c = &cells[i];
		money_t old = 0;
		bool known = false;

		c->err = NULL;
		if (tc_period_parse(c->label, strlen(c->label), &c->kind,
		    &c->period) != 0) {
			c->err = "perf_err_label";
			goto refused;
		}
		if ((c->err = parse_amount(c->raw, &c->amount)) != NULL)
			goto refused;
		if (c->team != NULL)
			rc = exists(d, ST_TEAM, DB_ARGS(P_TEXT(c->team)), &known);
		else
			rc = exists(d, ST_PERSON, DB_ARGS(P_INT(c->person)),
			    &known);
		if (rc != 0)
			goto out;
		if (!known) {
			c->err = c->team != NULL ? "perf_err_team" :
			    "perf_err_rep";
			goto refused;
		}
		if (c->team == NULL && actor_id > 0 && c->person == actor_id) {
			c->err = "perf_err_own_target";
			goto refused;
		}
		if ((rc = stored(d, c, &old)) != 0)
			goto out;
		if (old == c->amount) {
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
		if ((rc = write_cell(d, who, c)) != 0)
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
