/* targets.c: importing the spec's targets.csv into the targets table. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commission/targets.h"
#include "core/error.h"
#include "core/grow.h"
#include "core/period.h"
#include "engine/csv.h"
#include "core/date.h"
#include "core/sort.h"
#include "engine/tables.h"

enum stmt { ST_PEOPLE, ST_UPSERT, ST__MAX };

static const char *const stmts[ST__MAX] = {
	[ST_PEOPLE] = "SELECT id, login FROM people",
	/* affected rows: 1 added, 2 changed, 0 the same as before */
	[ST_UPSERT] =
	    "INSERT INTO targets (person_id, period, kind, first_day, amount,"
	    " updated_by) VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
	    " updated_by = IF(amount = VALUES(amount), updated_by,"
	    " VALUES(updated_by)), amount = VALUES(amount)",
};

static struct db_table targets_db = DB_TABLE("commission.targets", stmts);

void
target_report_free(struct target_report *rep)
{
	if (rep == NULL)
		return;
	free(rep->errors);
	rep->errors = NULL;
	rep->nerrors = 0;
}

static void
refuse(struct target_report *rep, uint32_t line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
refuse(struct target_report *rep, uint32_t line, const char *fmt, ...)
{
	va_list ap;

	if (rep->nerrors == TARGETS_MAX_ERRORS) {
		rep->more_errors++;
		return;
	}
	rep->errors[rep->nerrors].line = line;
	va_start(ap, fmt);
	vsnprintf(rep->errors[rep->nerrors].msg,
	    sizeof(rep->errors[rep->nerrors].msg), fmt, ap);
	va_end(ap);
	rep->nerrors++;
}

/* A person by exact login (logins compare byte for byte, as the engine's
 * rep names do, whatever the column's collation). */
struct login {
	const char *login;
	int64_t id;
};

static int
by_login(const void *a, const void *b)
{
	return strcmp(((const struct login *)a)->login,
	    ((const struct login *)b)->login);
}

/* A row that passed the engine's reader and found its person. */
struct row {
	uint32_t line;
	int64_t person;
	const char *rep;            /* borrowed, while the rows are checked */
	enum tc_period_kind kind;
	int32_t period;
	money_t amount;
};

static int
by_rep_period(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	int c = strcmp(x->rep, y->rep);

	if (c != 0)
		return c;
	if (x->kind != y->kind)
		return (int)x->kind - (int)y->kind;
	if (x->period != y->period)
		return x->period < y->period ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

static int
by_line(const void *a, const void *b)
{
	const struct target_error *x = a, *y = b;

	return x->line < y->line ? -1 : x->line > y->line;
}

/* The start of each record of the CSV in buf (a copy is scanned) with
 * its first physical line, and in (*starts)[*n] where the last record
 * ends: the end of the text, or where malformed CSV begins (reported:
 * the records after it cannot be told apart).  A malformed header is
 * left to the engine's reader to report. */
static int
record_starts(const char *buf, size_t len, size_t **starts,
    uint32_t **lines, size_t *n, struct target_report *rep)
{
	struct tce_csv c;
	char *copy = malloc(len + 1);
	size_t scap = 0, lcap = 0, at = 0;
	uint32_t line = 0, first;
	const char *why;
	int rc;

	*starts = NULL;
	*lines = NULL;
	*n = 0;
	if (copy == NULL)
		return TC_ENOMEM;
	memcpy(copy, buf, len);
	tce_csv_init(&c, copy, len);
	rc = tce_csv_next(&c, &line, &why);     /* the header */
	for (at = c.pos; rc > 0; at = c.pos) {
		first = c.line;
		/* One more than the records, for the end (below). */
		if (tc_grow(starts, &scap, *n + 2, 256) != 0 ||
		    tc_grow(lines, &lcap, *n + 2, 256) != 0) {
			rc = TC_ENOMEM;
			break;
		}
		if ((rc = tce_csv_next(&c, &line, &why)) <= 0)
			break;
		(*starts)[*n] = at;
		(*lines)[*n] = first;
		(*n)++;
	}
	if (rc == TC_EINVAL) {
		if (line > 1)
			refuse(rep, line, "%s", why);
		rc = 0;
	} else
		at = len;
	if (rc == 0 && *starts != NULL)
		(*starts)[*n] = at;
	tce_csv_free(&c);
	free(copy);
	return rc;
}

/* Checks every record with the engine's reader, one record at a time,
 * and each valid one against people and the closed periods. */
static int
check_rows(struct db *d, struct tce_input *holder, char *buf, size_t len,
    struct row **out, size_t *nout, struct target_report *rep)
{
	struct tce_table_reader t;
	struct tce_diag err;
	struct login *people = NULL;
	struct dbres *pr = NULL;
	struct row *rows = NULL;
	size_t *starts = NULL, n = 0, np = 0, nr = 0;
	uint32_t *lines = NULL;
	int32_t through;
	int rc;

	*out = NULL;
	*nout = 0;
	/* the records are found before the reader parses the header in
	 * place; holder owns buf from tce_table_open on */
	rc = record_starts(buf, len, &starts, &lines, &n, rep);
	if (rc != 0) {
		free(buf);
		goto out;
	}
	if ((rc = tce_table_open(&t, holder, TCE_TABLE_TARGETS, buf, len,
	    &err)) != 0) {
		if (rc == TC_EINVAL || rc == TC_ETOOBIG) {
			rep->nerrors = rep->more_errors = 0;
			refuse(rep, err.line, "%s", err.msg);
			rc = 0;
		}
		goto out;
	}
	if ((rc = period_closed_through(d, &through)) != 0 ||
	    (rc = db_query(d, &targets_db, ST_PEOPLE, DB_NOARGS, &pr)) != 0)
		goto out;
	rc = TC_ENOMEM;
	np = dbres_rows(pr);
	if ((people = calloc(np + 1, sizeof(*people))) == NULL ||
	    (rows = calloc(n + 1, sizeof(*rows))) == NULL)
		goto out;
	for (size_t i = 0; i < np; i++) {
		people[i].login = dbres_text(pr, i, 1);
		people[i].id = dbres_int(pr, i, 0);
	}
	tc_sort(people, np, sizeof(*people), by_login);
	rep->rows = n;
	for (size_t i = 0; i < n; i++) {
		struct tce_input one;
		const struct tce_target *tg;
		struct login key, *who;
		char label[16];

		tce_input_init(&one);
		rc = tce_table_read_part(&t, &one, starts[i], starts[i + 1],
		    lines[i], &err, NULL);
		if (rc == TC_EINVAL || rc == TC_ETOOBIG) {
			refuse(rep, err.line, "%s", err.msg);
			tce_input_free(&one);
			continue;
		}
		if (rc != 0 || one.ntargets != 1) {
			tce_input_free(&one);
			if (rc == 0)
				continue;       /* an empty line */
			goto out;
		}
		tg = &one.targets[0];
		tc_period_label(label, tg->kind, tg->period);
		key.login = tg->rep;
		who = bsearch(&key, people, np, sizeof(*people), by_login);
		if (who == NULL)
			refuse(rep, lines[i], "rep \"%.64s\": no such person "
			    "(ticheng-admin sync-users copies the directory)",
			    tg->rep);
		else if (through != 0 &&
		    tc_period_first(tg->kind, tg->period) <= through)
			refuse(rep, lines[i], "period %s: closed; its targets "
			    "are frozen", label);
		else {
			rows[nr].line = lines[i];
			rows[nr].person = who->id;
			rows[nr].rep = who->login;
			rows[nr].kind = tg->kind;
			rows[nr].period = tg->period;
			rows[nr].amount = tg->amount;
			nr++;
		}
		tce_input_free(&one);
	}
	/* a rep and label twice: the later rows are refused */
	tc_sort(rows, nr, sizeof(*rows), by_rep_period);
	for (size_t i = 1; i < nr; i++)
		if (strcmp(rows[i].rep, rows[i - 1].rep) == 0 &&
		    rows[i].kind == rows[i - 1].kind &&
		    rows[i].period == rows[i - 1].period) {
			char label[16];

			tc_period_label(label, rows[i].kind, rows[i].period);
			refuse(rep, rows[i].line, "rep \"%.64s\" and period %s "
			    "already on line %u", rows[i].rep, label,
			    rows[i - 1].line);
		}
	*out = rows;
	*nout = nr;
	rows = NULL;
	rc = 0;
out:
	free(rows);
	free(people);
	free(starts);
	free(lines);
	dbres_free(pr);
	return rc;
}

static int
write_rows(struct db *d, const struct row *rows, size_t n,
    const struct actor *who, struct target_report *rep)
{
	char detail[160];
	bool own = !db_in_transaction(d);
	int rc;

	if (own && (rc = db_begin(d)) != 0)
		return rc;
	for (size_t i = 0; i < n; i++) {
		char label[16], first[11];
		uint64_t affected = 0;

		tc_period_label(label, rows[i].kind, rows[i].period);
		tc_date_format(first, tc_period_first(rows[i].kind,
		    rows[i].period));
		if ((rc = db_exec(d, &targets_db, ST_UPSERT,
		    DB_ARGS(P_INT(rows[i].person), P_TEXT(label),
		    P_TEXT(tc_period_kind_name(rows[i].kind)), P_TEXT(first),
		    P_MONEY(rows[i].amount), P_TEXT(who->login)), &affected,
		    NULL)) != 0)
			goto out;
		if (affected == 1)
			rep->added++;
		else if (affected == 2)
			rep->changed++;
		else
			rep->unchanged++;
	}
	snprintf(detail, sizeof(detail), "%zu rows: %zu added, %zu changed, "
	    "%zu unchanged", n, rep->added, rep->changed, rep->unchanged);
	rc = audit_write_as(d, who, "targets.import", "targets", "", detail);
out:
	if (rc == 0)
		return own ? db_commit(d) : 0;
	if (own)
		db_rollback(d);
	rep->added = rep->changed = rep->unchanged = 0;
	return rc;
}

int
targets_import(struct db *d, char *buf, size_t len, const struct actor *who,
    struct target_report *rep)
{
	struct tce_input holder;
	struct row *rows = NULL;
	size_t n = 0;
	int rc;

	memset(rep, 0, sizeof(*rep));
	tce_input_init(&holder);
	if ((rep->errors = calloc(TARGETS_MAX_ERRORS,
	    sizeof(*rep->errors))) == NULL) {
		free(buf);
		return TC_ENOMEM;
	}
	/* check_rows owns buf (then holder does) */
	rc = check_rows(d, &holder, buf, len, &rows, &n, rep);
	if (rc == 0 && rep->nerrors > 0) {
		tc_sort(rep->errors, rep->nerrors, sizeof(*rep->errors), by_line);
		rc = TC_EINVAL;
	}
	if (rc == 0)
		rc = write_rows(d, rows, n, who, rep);
	free(rows);
	tce_input_free(&holder);
	return rc;
}
