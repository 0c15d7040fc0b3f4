/* targets-import.c: the spec's targets.csv (rep, period, amount; read by
 * column name, other columns ignored, fields exactly as written), all or
 * nothing: every bad row is named with its line and nothing is written
 * when any is bad.  Rows are saved by perf_targets_save, the grid's
 * function, so the same rules hold. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/formview.h"
#include "engine/csv.h"
#include "performance/perf.h"

int perf_import_get(struct req *r);
int perf_import_post(struct req *r);

enum stmt { ST_LOGIN, ST__MAX };

static const char *const stmts[ST__MAX] = {
	/* logins compare byte for byte, as the engine's rep names do */
	[ST_LOGIN] = "SELECT id FROM people WHERE login = CAST(? AS BINARY)",
};

static struct db_table ti_db = DB_TABLE("performance.targets-import", stmts);

#define MAX_SHOWN 200

struct bad {
	uint32_t line;
	const char *key;            /* catalogue key */
	char value[80];
};

static int
import_page(struct req *r, int status)
{
	perf_tabs(r, "import");
	return page_send(r, status, "performance/import.tpl",
	    "perf_import_title", "performance");
}

int
perf_import_get(struct req *r)
{
	return import_page(r, 200);
}

static void
report(struct req *r, struct bad *bad, size_t nbad, size_t more)
{
	struct tdict *d = page_body(r);
	struct form_errors fe;
	char msg[200];

	/* in line order */
	for (size_t i = 1; i < nbad; i++)
		for (size_t j = i; j > 0 && bad[j - 1].line > bad[j].line; j--) {
			struct bad t = bad[j];

			bad[j] = bad[j - 1];
			bad[j - 1] = t;
		}
	tdict_show_section(d, "REPORT");
	tdict_set_int(d, "bad_rows", (long long)(nbad + more));
	for (size_t i = 0; i < nbad; i++) {
		struct tdict *e = tdict_add_section(d, "ERROR");

		tdict_set_int(e, "line", bad[i].line);
		tdict_set(e, "reason", tr(r, bad[i].key));
		tdict_set(e, "value", bad[i].value);
	}
	snprintf(msg, sizeof(msg), tr(r, "perf_import_bad_fmt"), nbad + more);
	form_errors_init(&fe, d, r->cat);
	(void)form_summary_add(&fe, "file", tr(r, "perf_import_file"), msg);
}

static void
add_bad(struct bad *bad, size_t *nbad, size_t *more, uint32_t line,
    const char *key, const char *value)
{
	if (*nbad == MAX_SHOWN) {
		(*more)++;
		return;
	}
	bad[*nbad].line = line;
	bad[*nbad].key = key;
	snprintf(bad[*nbad].value, sizeof(bad[*nbad].value), "%s",
	    value != NULL ? value : "");
	(*nbad)++;
}

int
perf_import_post(struct req *r)
{
	const struct req_pair *file = req_first(&r->form, "file");
	struct actor who = { r->me.login, r->remote };
	struct perf_save_report rep;
	struct perf_cell *cells = NULL;
	struct bad *bad = NULL;
	struct tce_csv c;
	char *buf = NULL, **dup = NULL;
	size_t ncell = 0, cap = 0, nbad = 0, more = 0, hdr_n = 0;
	int col_rep = -1, col_period = -1, col_amount = -1;
	uint32_t line = 0, *lines = NULL;
	const char *why;
	int rc;

	memset(&c, 0, sizeof(c));
	if ((bad = calloc(MAX_SHOWN, sizeof(*bad))) == NULL)
		return TC_ENOMEM;
	if (file == NULL || file->filename == NULL || *file->filename == '\0'
	    || file->valsz == 0 || !req_utf8_valid(file->value, file->valsz)) {
		add_bad(bad, &nbad, &more, 0, file == NULL || file->valsz == 0 ?
		    "perf_err_no_file" : "perf_err_utf8", NULL);
		report(r, bad, nbad, more);
		rc = import_page(r, 422);
		goto out;
	}
	rc = TC_ENOMEM;
	if ((buf = malloc(file->valsz + 1)) == NULL)
		goto out;
	memcpy(buf, file->value, file->valsz);
	tce_csv_init(&c, buf, file->valsz);
	if ((rc = tce_csv_next(&c, &line, &why)) <= 0) {
		add_bad(bad, &nbad, &more, line ? line : 1, "perf_err_csv",
		    why);
		report(r, bad, nbad, more);
		rc = import_page(r, 422);
		goto out;
	}
	for (size_t i = 0; i < c.nfield; i++) {
		int *col = strcmp(c.field[i], "rep") == 0 ? &col_rep :
		    strcmp(c.field[i], "period") == 0 ? &col_period :
		    strcmp(c.field[i], "amount") == 0 ? &col_amount : NULL;

		if (col != NULL && *col >= 0) {
			add_bad(bad, &nbad, &more, line, "perf_err_header_twice",
			    c.field[i]);
		} else if (col != NULL)
			*col = (int)i;
	}
	hdr_n = c.nfield;
	if (col_rep < 0 || col_period < 0 || col_amount < 0)
		add_bad(bad, &nbad, &more, line, "perf_err_header",
		    "rep,period,amount");
	if (nbad > 0) {
		report(r, bad, nbad, more);
		rc = import_page(r, 422);
		goto out;
	}
	for (;;) {
		struct dbres *res = NULL;
		const char *login, *label, *amount;

		rc = tce_csv_next(&c, &line, &why);
		if (rc == 0)
			break;
		if (rc == TC_EINVAL) {
			/* the records after it cannot be told apart */
			add_bad(bad, &nbad, &more, line, "perf_err_csv", why);
			break;
		}
		if (rc < 0)
			goto out;
		if (ncell == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			struct perf_cell *nc = realloc(cells,
			    ncap * sizeof(*cells));
			char **nd = nc ? realloc(dup, ncap * 3 * sizeof(*dup)) :
			    NULL;
			uint32_t *nl = nd ? realloc(lines,
			    ncap * sizeof(*lines)) : NULL;

			if (nc) cells = nc;
			if (nd) dup = nd;
			if (nl == NULL) {
				rc = TC_ENOMEM;
				goto out;
			}
			lines = nl;
			cap = ncap;
		}
		if (c.nfield != hdr_n) {
			add_bad(bad, &nbad, &more, line, "perf_err_fields", NULL);
			continue;
		}
		login = c.field[col_rep];
		label = c.field[col_period];
		amount = c.field[col_amount];
		if (*amount == '\0') {
			add_bad(bad, &nbad, &more, line, "perf_err_required",
			    "amount");
			continue;
		}
		if ((rc = db_query(r->app->db, &ti_db, ST_LOGIN,
		    DB_ARGS(P_TEXT(login)), &res)) != 0)
			goto out;
		if (dbres_rows(res) != 1) {
			dbres_free(res);
			add_bad(bad, &nbad, &more, line, "perf_err_rep", login);
			continue;
		}
		memset(&cells[ncell], 0, sizeof(cells[ncell]));
		cells[ncell].person = dbres_int(res, 0, 0);
		dbres_free(res);
		/* a rep and label twice: the later row is refused */
		{
			bool twice = false;

			for (size_t k = 0; k < ncell && !twice; k++)
				twice = cells[k].person == cells[ncell].person
				    && strcmp(cells[k].label, label) == 0;
			if (twice) {
				add_bad(bad, &nbad, &more, line,
				    "perf_err_twice", label);
				continue;
			}
		}
		dup[ncell * 3] = strdup(label);
		dup[ncell * 3 + 1] = strdup(amount);
		dup[ncell * 3 + 2] = NULL;
		if (dup[ncell * 3] == NULL || dup[ncell * 3 + 1] == NULL) {
			free(dup[ncell * 3]);
			free(dup[ncell * 3 + 1]);
			rc = TC_ENOMEM;
			goto out;
		}
		cells[ncell].label = dup[ncell * 3];
		cells[ncell].raw = dup[ncell * 3 + 1];
		cells[ncell].line = line;
		lines[ncell] = line;
		ncell++;
	}
	if (nbad > 0 || more > 0) {
		/* the rows that passed are still checked, to name them all */
		(void)db_begin(r->app->db);
		rc = perf_targets_save(r->app->db, &who, r->me.id, cells,
		    ncell, &rep);
		db_rollback(r->app->db);
		rc = 0;
	} else
		rc = perf_targets_save(r->app->db, &who, r->me.id, cells,
		    ncell, &rep);
	if (rc == TC_EINVAL || nbad > 0 || more > 0) {
		for (size_t i = 0; i < ncell; i++)
			if (cells[i].err != NULL)
				add_bad(bad, &nbad, &more, lines[i], cells[i].err,
				    cells[i].label);
		report(r, bad, nbad, more);
		rc = import_page(r, 422);
		goto out;
	}
	if (rc != 0)
		goto out;
	{
		struct tdict *d = page_body(r);

		tdict_show_section(d, "DONE");
		tdict_set_int(d, "done_rows", (long long)ncell);
		tdict_set_int(d, "done_added", (long long)rep.added);
		tdict_set_int(d, "done_changed", (long long)rep.changed);
		tdict_set_int(d, "done_unchanged", (long long)rep.unchanged);
		page_flash(r, "ok", tr(r, "perf_import_done"));
	}
	rc = import_page(r, 200);
out:
	for (size_t i = 0; dup != NULL && i < ncell; i++) {
		free(dup[i * 3]);
		free(dup[i * 3 + 1]);
	}
	free(dup);
	free(lines);
	free(cells);
	free(bad);
	tce_csv_free(&c);
	free(buf);
	return rc;
}
