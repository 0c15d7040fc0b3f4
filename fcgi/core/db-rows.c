/* db-rows.c: a result read one row at a time (db_each), for exports: the
 * rows come from the server as they are fetched (no mysql_stmt_store_result),
 * each held only while the caller's function runs. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/db-rows.h"
#include "core/error.h"
#include "core/decimal.h"

/* A column's buffer starts this big and grows to the longest value. */
#define DBROW_FIRST_CAP 64

struct dbrow {
	size_t cols;
	MYSQL_FIELD *fields;
	MYSQL_BIND *b;
	unsigned long *len;
	my_bool *nulls, *errs;
	char **bufs;
	size_t *caps;
};

static void
row_free(struct dbrow *w)
{
	for (size_t c = 0; w->bufs != NULL && c < w->cols; c++)
		free(w->bufs[c]);
	free(w->bufs);
	free(w->caps);
	free(w->b);
	free(w->len);
	free(w->nulls);
	free(w->errs);
}

/* Binds every column as text into a buffer of its own. */
static int
row_bind(struct dbrow *w, size_t cols)
{
	w->cols = cols;
	if ((w->b = calloc(cols, sizeof(*w->b))) == NULL ||
	    (w->len = calloc(cols, sizeof(*w->len))) == NULL ||
	    (w->nulls = calloc(cols, sizeof(*w->nulls))) == NULL ||
	    (w->errs = calloc(cols, sizeof(*w->errs))) == NULL ||
	    (w->bufs = calloc(cols, sizeof(*w->bufs))) == NULL ||
	    (w->caps = calloc(cols, sizeof(*w->caps))) == NULL)
		return TC_ENOMEM;
	for (size_t c = 0; c < cols; c++) {
		if ((w->bufs[c] = malloc(DBROW_FIRST_CAP)) == NULL)
			return TC_ENOMEM;
		w->caps[c] = DBROW_FIRST_CAP;
		w->b[c].buffer_type = MYSQL_TYPE_STRING;
		w->b[c].buffer = w->bufs[c];
		w->b[c].buffer_length = DBROW_FIRST_CAP - 1;
		w->b[c].length = &w->len[c];
		w->b[c].is_null = &w->nulls[c];
		w->b[c].error = &w->errs[c];
	}
	return 0;
}

/* After MYSQL_DATA_TRUNCATED: grows the buffers of the columns that did
 * not fit and fetches those again.  Returns 0, TC_ENOMEM or
 * DBROWS_ESTMT. */
static int
row_regrow(struct dbrow *w, MYSQL_STMT *st)
{
	bool rebind = false;

	for (size_t c = 0; c < w->cols; c++) {
		char *p;

		if (!w->errs[c] || w->len[c] < w->b[c].buffer_length)
			continue;
		if ((p = realloc(w->bufs[c], w->len[c] + 1)) == NULL)
			return TC_ENOMEM;
		w->bufs[c] = p;
		w->caps[c] = w->len[c] + 1;
		w->b[c].buffer = p;
		w->b[c].buffer_length = w->len[c];
		if (mysql_stmt_fetch_column(st, &w->b[c], (unsigned)c, 0) != 0)
			return DBROWS_ESTMT;
		rebind = true;
	}
	if (rebind && mysql_stmt_bind_result(st, w->b) != 0)
		return DBROWS_ESTMT;
	return 0;
}

int
dbrows_fetch(MYSQL_STMT *st, db_row_fn fn, void *ctx)
{
	struct dbrow w = { 0 };
	MYSQL_RES *meta;
	int rc, f;

	if ((meta = mysql_stmt_result_metadata(st)) == NULL)
		return DBROWS_ESTMT;
	w.fields = mysql_fetch_fields(meta);
	if ((rc = row_bind(&w, mysql_num_fields(meta))) != 0)
		goto out;
	if (mysql_stmt_bind_result(st, w.b) != 0) {
		rc = DBROWS_ESTMT;
		goto out;
	}
	while ((f = mysql_stmt_fetch(st)) == 0 || f == MYSQL_DATA_TRUNCATED) {
		if (f == MYSQL_DATA_TRUNCATED && (rc = row_regrow(&w, st)) != 0)
			goto out;
		for (size_t c = 0; c < w.cols; c++) {
			size_t n = w.nulls[c] ? 0 : w.len[c];

			w.bufs[c][n < w.caps[c] ? n : w.caps[c] - 1] = '\0';
		}
		if ((rc = fn(ctx, &w)) != 0)
			goto out;
	}
	rc = f == MYSQL_NO_DATA ? 0 : DBROWS_ESTMT;
out:
	mysql_free_result(meta);
	row_free(&w);
	return rc;
}

size_t
dbrow_cols(const struct dbrow *w)
{
	return w->cols;
}

int
dbrow_col(const struct dbrow *w, const char *name)
{
	for (size_t c = 0; c < w->cols; c++)
		if (strcmp(w->fields[c].name, name) == 0)
			return (int)c;
	return -1;
}

bool
dbrow_null(const struct dbrow *w, size_t col)
{
	return col >= w->cols || w->nulls[col];
}

const char *
dbrow_text(const struct dbrow *w, size_t col)
{
	return col >= w->cols || w->nulls[col] ? "" : w->bufs[col];
}

int
dbrow_decimal(const struct dbrow *w, size_t col, int scale, int64_t *out)
{
	const char *text;

	*out = 0;
	if (dbrow_null(w, col))
		return 0;
	text = dbrow_text(w, col);
	if (tc_dec_parse_exact(text, strlen(text), scale, out) != 0) {
		*out = 0;
		return TC_EINVAL;
	}
	return 0;
}
