/* period.c: the periods table, closing and reopening (see period.h). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/error.h"
#include "core/period.h"

#define REASON_MAX 500

/* --- the calendar --- */

static void
span_of_index(enum tc_period_kind kind, int32_t p, struct period_span *out)
{
	out->kind = kind;
	tc_period_label(out->label, kind, p);
	out->first = tc_period_first(kind, p);
	out->last = tc_period_last(kind, p);
}

void
period_of_date(enum tc_period_kind kind, int32_t date, struct period_span *out)
{
	span_of_index(kind, tc_period_of(kind, date), out);
}

int
period_of_label(enum tc_period_kind kind, const char *label,
    struct period_span *out)
{
	enum tc_period_kind k;
	int32_t p;

	if (tc_period_parse(label, strlen(label), &k, &p) != 0 || k != kind)
		return TC_EINVAL;
	span_of_index(kind, p, out);
	return 0;
}

void
period_step(const struct period_span *p, int step, struct period_span *out)
{
	int32_t i = tc_period_of(p->kind, p->first);

	span_of_index(p->kind, i + step, out);
}

/* --- statements --- */

enum stmt {
	ST_CLOSED_THROUGH,
	ST_CLOSED_THROUGH_LOCKED,
	ST_KINDS,
	ST_INSERT,
	ST_LIST,
	ST_FIND,
	ST_LOCK_ALL,
	ST_SET_STATE,
	ST_EVENT,
	ST__MAX
};

#define PERIOD_COLS \
	"SELECT p.id, p.label, p.first_day, p.last_day, p.state," \
	" COALESCE(e.actor, '') AS closed_by, COALESCE(e.at, '') AS closed_at" \
	" FROM periods p LEFT JOIN period_events e ON e.id =" \
	" (SELECT MAX(id) FROM period_events" \
	"  WHERE period_id = p.id AND action = 'close')"

static const char *const stmts[ST__MAX] = {
	[ST_CLOSED_THROUGH] =
	    "SELECT MAX(last_day) AS through FROM periods"
	    " WHERE state = 'closed'",
	[ST_CLOSED_THROUGH_LOCKED] =
	    "SELECT MAX(last_day) AS through FROM periods"
	    " WHERE state = 'closed' LOCK IN SHARE MODE",
	[ST_KINDS] =
	    "SELECT kind, MIN(first_day) AS earliest, MAX(first_day) AS latest"
	    " FROM periods"
	    " GROUP BY kind ORDER BY COUNT(*) DESC",
	[ST_INSERT] =
	    "INSERT INTO periods (kind, label, first_day, last_day)"
	    " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE id = id",
	[ST_LIST] = PERIOD_COLS " WHERE p.kind = ? ORDER BY p.first_day",
	[ST_FIND] = PERIOD_COLS " WHERE p.kind = ? AND p.label = ?",
	[ST_LOCK_ALL] =
	    "SELECT id, label, first_day, last_day, state FROM periods"
	    " WHERE kind = ? ORDER BY first_day FOR UPDATE",
	[ST_SET_STATE] =
	    "UPDATE periods SET state = ? WHERE id = ? AND state = ?",
	[ST_EVENT] =
	    "INSERT INTO period_events (period_id, action, actor, reason)"
	    " VALUES (?, ?, ?, ?)",
};

static struct db_table period_db = DB_TABLE("period", stmts);

void
period_why_set(struct period_why *why, const char *key, const char *label,
    const char *fmt, ...)
{
	va_list ap;

	why->key = key;
	snprintf(why->period, sizeof(why->period), "%s", label);
	va_start(ap, fmt);
	vsnprintf(why->text, sizeof(why->text), fmt, ap);
	va_end(ap);
}

/* The DATE column col as yyyymmdd (0 for NULL or an unreadable value). */
static int32_t
res_date(const struct dbres *r, size_t row, const char *col)
{
	int32_t v;

	if (dbres_date_col(r, row, col, &v) != 0)
		return 0;
	return v;
}

static int
date_query(struct db *d, int idx, int32_t *out)
{
	struct dbres *r = NULL;
	int rc;

	*out = 0;
	if ((rc = db_query(d, &period_db, idx, DB_NOARGS, &r)) != 0)
		return rc;
	if (dbres_rows(r) == 1)
		*out = res_date(r, 0, "through");
	dbres_free(r);
	return 0;
}

int
period_state(struct db *d, int32_t date, enum period_state *out)
{
	int32_t through;
	int rc = date_query(d, db_in_transaction(d) ?
	    ST_CLOSED_THROUGH_LOCKED : ST_CLOSED_THROUGH, &through);

	if (rc == 0)
		*out = date <= through ? PERIOD_CLOSED : PERIOD_OPEN;
	return rc;
}

int
period_closed_through(struct db *d, int32_t *out)
{
	return date_query(d, ST_CLOSED_THROUGH, out);
}

int
period_first_open_day(struct db *d, int32_t *out)
{
	int32_t through;
	int rc = date_query(d, ST_CLOSED_THROUGH, &through);
	struct period_span s, next;

	*out = 0;
	if (rc != 0 || through == 0)
		return rc;
	/* The kind does not matter: a closed period's last day is followed
	 * by the first day of the next period of any kind that ends there. */
	period_of_date(TC_PERIOD_MONTH, through, &s);
	period_step(&s, 1, &next);
	*out = next.first;
	return 0;
}

/* The recorded range (first days of the first and last period) after
 * checking that the recorded periods are all of kind.  *first is 0 when
 * none is recorded. */
static int
recorded_range(struct db *d, enum tc_period_kind kind, int32_t *first,
    int32_t *last, struct period_why *why)
{
	struct dbres *r = NULL;
	const char *name = tc_period_kind_name(kind);
	int rc;

	*first = *last = 0;
	if ((rc = db_query(d, &period_db, ST_KINDS, DB_NOARGS, &r)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(r); i++)
		if (strcmp(dbres_text_col(r, i, "kind"), name) != 0) {
			period_why_set(why, "period_err_kind", "",
			    "the periods recorded are of kind %s, but "
			    "ticheng.conf sets [site] period = %s",
			    dbres_text_col(r, i, "kind"), name);
			dbres_free(r);
			return TC_EINVAL;
		}
	if (dbres_rows(r) == 1) {
		*first = res_date(r, 0, "earliest");
		*last = res_date(r, 0, "latest");
	}
	dbres_free(r);
	return 0;
}

/* Records the periods from from's to to's (first days), if missing. */
static int
insert_range(struct db *d, enum tc_period_kind kind, int32_t from, int32_t to)
{
	struct period_span s;
	char first[11], last[11];
	int rc;

	for (period_of_date(kind, from, &s); s.first <= to;
	    period_step(&s, 1, &s)) {
		tc_date_format(first, s.first);
		tc_date_format(last, s.last);
		if ((rc = db_exec(d, &period_db, ST_INSERT,
		    DB_ARGS(P_TEXT(tc_period_kind_name(kind)), P_TEXT(s.label),
		    P_TEXT(first), P_TEXT(last)), NULL, NULL)) != 0)
			return rc;
	}
	return 0;
}

int
period_sync(struct db *d, enum tc_period_kind kind, int32_t today,
    struct period_why *why)
{
	int32_t first, last;
	struct period_span now;
	int rc;

	if ((rc = recorded_range(d, kind, &first, &last, why)) != 0 ||
	    first == 0)
		return rc;
	period_of_date(kind, today, &now);
	return now.first > last ? insert_range(d, kind, last, now.first) : 0;
}

int
period_begin(struct db *d, enum tc_period_kind kind, int32_t first_day,
    int32_t today, struct period_why *why)
{
	struct period_span s, now;
	int32_t first, last, through;
	char day[11];
	bool own = !db_in_transaction(d);
	int rc;

	period_of_date(kind, first_day, &s);
	if (s.first != first_day) {
		tc_date_format(day, first_day);
		period_why_set(why, "period_err_start", s.label,
		    "%s is not the first day of a period (%s begins on the "
		    "%d-%02d-%02d)", day, s.label, (int)(s.first / 10000),
		    (int)(s.first / 100 % 100), (int)(s.first % 100));
		return TC_EINVAL;
	}
	if (own && (rc = db_begin(d)) != 0)
		return rc;
	if ((rc = recorded_range(d, kind, &first, &last, why)) != 0 ||
	    (rc = period_closed_through(d, &through)) != 0)
		goto out;
	if (first == 0 || first_day < first) {
		if (through != 0) {
			tc_date_format(day, through);
			period_why_set(why, "period_err_before_closed", s.label,
			    "periods cannot begin with %s: the periods up to "
			    "%s are closed", s.label, day);
			rc = TC_ECONFLICT;
			goto out;
		}
		period_of_date(kind, today, &now);
		if ((rc = insert_range(d, kind, first_day, first == 0 ?
		    (now.first > first_day ? now.first : first_day) :
		    first - 1)) != 0)
			goto out;
	}
	rc = period_sync(d, kind, today, why);
out:
	if (own) {
		if (rc == 0)
			rc = db_commit(d);
		else
			db_rollback(d);
	}
	return rc;
}

static void
period_from_row(const struct dbres *r, size_t i, enum tc_period_kind kind,
    struct period *p)
{
	memset(p, 0, sizeof(*p));
	p->id = dbres_int_col(r, i, "id");
	p->span.kind = kind;
	snprintf(p->span.label, sizeof(p->span.label), "%s",
	    dbres_text_col(r, i, "label"));
	p->span.first = res_date(r, i, "first_day");
	p->span.last = res_date(r, i, "last_day");
	p->state = strcmp(dbres_text_col(r, i, "state"), "closed") == 0 ?
	    PERIOD_CLOSED : PERIOD_OPEN;
	if (dbres_has_col(r, "closed_by")) {
		snprintf(p->closed_by, sizeof(p->closed_by), "%s",
		    dbres_text_col(r, i, "closed_by"));
		snprintf(p->closed_at, sizeof(p->closed_at), "%s",
		    dbres_text_col(r, i, "closed_at"));
	}
}

int
period_list(struct db *d, enum tc_period_kind kind, int32_t today,
    struct period **out, size_t *n, struct period_why *why)
{
	struct dbres *r = NULL;
	struct period *v = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = period_sync(d, kind, today, why)) != 0 ||
	    (rc = db_query(d, &period_db, ST_LIST,
	    DB_ARGS(P_TEXT(tc_period_kind_name(kind))), &r)) != 0)
		return rc;
	if (dbres_rows(r) > 0 &&
	    (v = calloc(dbres_rows(r), sizeof(*v))) == NULL) {
		dbres_free(r);
		return TC_ENOMEM;
	}
	for (size_t i = 0; i < dbres_rows(r); i++)
		period_from_row(r, i, kind, &v[i]);
	*out = v;
	*n = dbres_rows(r);
	dbres_free(r);
	return 0;
}

int
period_find(struct db *d, enum tc_period_kind kind, const char *label,
    struct period *out)
{
	struct period_span s;
	struct dbres *r = NULL;
	int rc;

	if (period_of_label(kind, label, &s) != 0)
		return TC_EINVAL;
	if ((rc = db_query(d, &period_db, ST_FIND,
	    DB_ARGS(P_TEXT(tc_period_kind_name(kind)), P_TEXT(s.label)), &r)) != 0)
		return rc;
	rc = TC_ENOTFOUND;
	if (dbres_rows(r) == 1) {
		period_from_row(r, 0, kind, out);
		rc = 0;
	}
	dbres_free(r);
	return rc;
}

/* Locks every period row (a close and a reopen see, and change, the
 * calendar alone) and returns them oldest first in *all. */
static int
lock_all(struct db *d, enum tc_period_kind kind, struct dbres **all)
{
	return db_query(d, &period_db, ST_LOCK_ALL,
	    DB_ARGS(P_TEXT(tc_period_kind_name(kind))), all);
}

static int
run_guards(struct db *d, const struct period *p,
    const struct period_guard *guards, size_t nguards,
    struct period_why *why)
{
	int rc;

	for (size_t i = 0; i < nguards; i++)
		if ((rc = guards[i].check(d, p, guards[i].arg, why)) != 0)
			return rc;
	return 0;
}

/* Moves p from state `from` to `to`, with its history and audit rows. */
static int
change_state(struct db *d, const struct actor *who, const struct period *p,
    const char *from, const char *to, const char *action,
    const char *reason)
{
	uint64_t n = 0;
	char audit_action[32];
	int rc;

	if ((rc = db_exec(d, &period_db, ST_SET_STATE,
	    DB_ARGS(P_TEXT(to), P_INT(p->id), P_TEXT(from)), &n, NULL)) != 0)
		return rc;
	if (n != 1)
		return TC_ECONFLICT;
	snprintf(audit_action, sizeof(audit_action), "period.%s", action);
	if ((rc = db_exec(d, &period_db, ST_EVENT, DB_ARGS(P_INT(p->id),
	    P_TEXT(action), P_TEXT(who->login), P_TEXT(reason)), NULL,
	    NULL)) != 0)
		return rc;
	return audit_write_as(d, who, audit_action, "period", p->span.label,
	    reason[0] != '\0' ? reason : NULL);
}

/* Finishes a close or reopen: commits on success, else rolls back. */
static int
finish(struct db *d, int rc)
{
	if (rc == 0)
		return db_commit(d);
	db_rollback(d);
	return rc;
}

int
period_close(struct db *d, enum tc_period_kind kind, int32_t today,
    const struct actor *who, const char *label,
    const struct period_guard *guards, size_t nguards,
    struct period_why *why)
{
	struct dbres *all = NULL;
	struct period p;
	struct period_span s;
	char day[11];
	size_t i;
	int rc;

	memset(why, 0, sizeof(*why));
	if (period_of_label(kind, label, &s) != 0) {
		period_why_set(why, "period_err_label", label, "\"%s\" is not a %s "
		    "label", label, tc_period_kind_name(kind));
		return TC_EINVAL;
	}
	if ((rc = period_sync(d, kind, today, why)) != 0 ||
	    (rc = db_begin(d)) != 0)
		return rc;
	if ((rc = lock_all(d, kind, &all)) != 0)
		goto out;
	for (i = 0; i < dbres_rows(all) &&
	    strcmp(dbres_text_col(all, i, "state"), "closed") == 0; i++)
		;
	rc = TC_ENOTFOUND;
	for (size_t j = 0; j < dbres_rows(all); j++)
		if (strcmp(dbres_text_col(all, j, "label"), s.label) == 0)
			rc = 0;
	if (rc != 0)
		goto out;
	rc = TC_EDENIED;
	if (i == dbres_rows(all)) {
		period_why_set(why, "period_err_closed", s.label,
		    "%s is already closed", s.label);
		goto out;
	}
	period_from_row(all, i, kind, &p);
	if (s.first < p.span.first) {
		period_why_set(why, "period_err_closed", s.label,
		    "%s is already closed", s.label);
		goto out;
	}
	if (s.first > p.span.first) {
		period_why_set(why, "period_err_order", p.span.label,
		    "periods close in order, oldest first: close %s before %s",
		    p.span.label, s.label);
		goto out;
	}
	if (p.span.last >= today) {
		tc_date_format(day, p.span.last);
		period_why_set(why, "period_err_not_ended", p.span.label,
		    "%s has not ended yet (its last day is %s)",
		    p.span.label, day);
		goto out;
	}
	if ((rc = run_guards(d, &p, guards, nguards, why)) != 0 ||
	    (rc = change_state(d, who, &p, "open", "closed", "close", "")) != 0)
		goto out;
out:
	dbres_free(all);
	return finish(d, rc);
}

/* Whether s is empty or only blanks. */
static bool
blank(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

int
period_reopen(struct db *d, enum tc_period_kind kind,
    const struct actor *who, const char *label, const char *reason,
    const struct period_guard *guards, size_t nguards,
    struct period_why *why)
{
	struct dbres *all = NULL;
	struct period p;
	struct period_span s;
	size_t i, n;
	int rc;

	memset(why, 0, sizeof(*why));
	if (period_of_label(kind, label, &s) != 0) {
		period_why_set(why, "period_err_label", label, "\"%s\" is not a %s "
		    "label", label, tc_period_kind_name(kind));
		return TC_EINVAL;
	}
	if (reason == NULL || blank(reason)) {
		period_why_set(why, "period_err_reason", s.label,
		    "a reason is required to reopen %s", s.label);
		return TC_EINVAL;
	}
	if (strlen(reason) > REASON_MAX) {
		period_why_set(why, "period_err_reason_long", s.label,
		    "the reason is longer than %d bytes", REASON_MAX);
		return TC_EINVAL;
	}
	if ((rc = db_begin(d)) != 0)
		return rc;
	if ((rc = lock_all(d, kind, &all)) != 0)
		goto out;
	n = dbres_rows(all);
	rc = TC_ENOTFOUND;
	for (size_t j = 0; j < n; j++)
		if (strcmp(dbres_text_col(all, j, "label"), s.label) == 0)
			rc = 0;
	if (rc != 0)
		goto out;
	for (i = n; i > 0 && strcmp(dbres_text_col(all, i - 1, "state"), "closed") != 0;
	    i--)
		;
	rc = TC_EDENIED;
	if (i == 0 || s.first > res_date(all, i - 1, "first_day")) {
		period_why_set(why, "period_err_open", s.label, "%s is not closed",
		    s.label);
		goto out;
	}
	period_from_row(all, i - 1, kind, &p);
	if (strcmp(p.span.label, s.label) != 0) {
		period_why_set(why, "period_err_not_latest", p.span.label,
		    "only the latest closed period (%s) may be reopened",
		    p.span.label);
		goto out;
	}
	if ((rc = run_guards(d, &p, guards, nguards, why)) != 0 ||
	    (rc = change_state(d, who, &p, "closed", "open", "reopen",
	    reason)) != 0)
		goto out;
out:
	dbres_free(all);
	return finish(d, rc);
}
