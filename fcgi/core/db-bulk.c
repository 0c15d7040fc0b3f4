/* db-bulk.c: array binding of MariaDB Connector/C (column-wise). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <mysqld_error.h>

#include "core/db-bulk.h"
#include "core/decimal.h"
#include "core/error.h"
#include "core/grow.h"
#include "core/log.h"

struct bulk_col {
	enum db_type type;
	int64_t *ints;              /* DBT_INT */
	size_t *offs;               /* DBT_TEXT, DBT_DEC: into text */
	char **ptrs;                /* made from offs when executing */
	unsigned long *lens;
	char *ind;                  /* STMT_INDICATOR_NULL or _NONE */
};

struct db_bulk {
	MYSQL_STMT *st;
	size_t ncols, batch, n;     /* n rows pending */
	struct bulk_col *cols;
	MYSQL_BIND *bind;
	char *text;
	size_t textlen, textcap;
	uint64_t rows, affected;
};

static int
bulk_error(struct db_bulk *b)
{
	unsigned no = mysql_stmt_errno(b->st);

	log_msg("bulk statement: error %u: %s", no, mysql_stmt_error(b->st));
	b->n = 0;
	b->textlen = 0;
	switch (no) {
	case ER_DUP_ENTRY:
		return TC_ECONFLICT;
	case ER_NO_REFERENCED_ROW_2:
	case ER_TRUNCATED_WRONG_VALUE:
	case ER_TRUNCATED_WRONG_VALUE_FOR_FIELD:
	case ER_WARN_DATA_OUT_OF_RANGE:
	case ER_DATA_TOO_LONG:
	case ER_BAD_NULL_ERROR:
	case ER_CONSTRAINT_FAILED:
		return TC_EINVAL;
	}
	return TC_EDB;
}

int
db_bulk_open(struct db *d, const char *sql, const enum db_type *types,
    size_t ncols, size_t batch, struct db_bulk **out)
{
	struct db_bulk *b;
	MYSQL *m = db_handle(d);

	*out = NULL;
	if (m == NULL)
		return TC_EDB;
	if ((b = calloc(1, sizeof(*b))) == NULL ||
	    (b->cols = calloc(ncols, sizeof(*b->cols))) == NULL ||
	    (b->bind = calloc(ncols, sizeof(*b->bind))) == NULL)
		goto nomem;
	b->ncols = ncols;
	b->batch = batch;
	for (size_t c = 0; c < ncols; c++) {
		struct bulk_col *k = &b->cols[c];

		k->type = types[c];
		if ((k->ind = calloc(batch, 1)) == NULL)
			goto nomem;
		if (k->type == DBT_INT) {
			if ((k->ints = calloc(batch, sizeof(*k->ints))) == NULL)
				goto nomem;
		} else if ((k->offs = calloc(batch, sizeof(*k->offs))) == NULL ||
		    (k->ptrs = calloc(batch, sizeof(*k->ptrs))) == NULL ||
		    (k->lens = calloc(batch, sizeof(*k->lens))) == NULL)
			goto nomem;
	}
	if ((b->st = mysql_stmt_init(m)) == NULL)
		goto nomem;
	if (mysql_stmt_prepare(b->st, sql, strlen(sql)) != 0 ||
	    mysql_stmt_param_count(b->st) != ncols) {
		log_msg("bulk statement: cannot prepare (%s): %s", sql,
		    mysql_stmt_error(b->st));
		db_bulk_close(b);
		return TC_EDB;
	}
	*out = b;
	return 0;
nomem:
	db_bulk_close(b);
	return TC_ENOMEM;
}

static int
text_put(struct db_bulk *b, const char *s, size_t len, size_t *off)
{
	if (tc_grow(&b->text, &b->textcap, b->textlen + len, 1 << 16) != 0)
		return TC_ENOMEM;
	memcpy(b->text + b->textlen, s, len);
	*off = b->textlen;
	b->textlen += len;
	return 0;
}

int
db_bulk_add(struct db_bulk *b, const struct db_param *row)
{
	size_t i = b->n;
	int rc;

	for (size_t c = 0; c < b->ncols; c++) {
		struct bulk_col *k = &b->cols[c];
		const struct db_param *p = &row[c];
		char money[TC_DEC_SIZE];
		size_t len;

		k->ind[i] = p->type == DBT_NULL ? STMT_INDICATOR_NULL :
		    STMT_INDICATOR_NONE;
		if (p->type == DBT_NULL)
			continue;
		if (k->type == DBT_INT) {
			k->ints[i] = p->i;
			continue;
		}
		if (k->type == DBT_DEC) {
			len = tc_dec_format(money, p->i, p->scale);
			rc = text_put(b, money, len, &k->offs[i]);
		} else {
			len = strlen(p->s);
			rc = text_put(b, p->s, len, &k->offs[i]);
		}
		if (rc != 0)
			return rc;
		k->lens[i] = (unsigned long)len;
	}
	if (++b->n == b->batch)
		return db_bulk_flush(b);
	return 0;
}

int
db_bulk_flush(struct db_bulk *b)
{
	unsigned int n = (unsigned int)b->n;

	if (n == 0)
		return 0;
	memset(b->bind, 0, b->ncols * sizeof(*b->bind));
	for (size_t c = 0; c < b->ncols; c++) {
		struct bulk_col *k = &b->cols[c];
		MYSQL_BIND *bd = &b->bind[c];

		bd->u.indicator = k->ind;
		if (k->type == DBT_INT) {
			bd->buffer_type = MYSQL_TYPE_LONGLONG;
			bd->buffer = k->ints;
			continue;
		}
		for (size_t i = 0; i < n; i++)
			k->ptrs[i] = b->text + k->offs[i];
		bd->buffer_type = k->type == DBT_DEC ? MYSQL_TYPE_NEWDECIMAL :
		    MYSQL_TYPE_STRING;
		bd->buffer = k->ptrs;
		bd->length = k->lens;
	}
	if (mysql_stmt_attr_set(b->st, STMT_ATTR_ARRAY_SIZE, &n) != 0 ||
	    mysql_stmt_bind_param(b->st, b->bind) != 0 ||
	    mysql_stmt_execute(b->st) != 0)
		return bulk_error(b);
	b->rows += n;
	b->affected += mysql_stmt_affected_rows(b->st);
	b->n = 0;
	b->textlen = 0;
	return 0;
}

uint64_t
db_bulk_rows(const struct db_bulk *b)
{
	return b->rows;
}

uint64_t
db_bulk_affected(const struct db_bulk *b)
{
	return b->affected;
}

void
db_bulk_close(struct db_bulk *b)
{
	if (b == NULL)
		return;
	if (b->st != NULL)
		mysql_stmt_close(b->st);
	for (size_t c = 0; b->cols != NULL && c < b->ncols; c++) {
		free(b->cols[c].ints);
		free(b->cols[c].offs);
		free(b->cols[c].ptrs);
		free(b->cols[c].lens);
		free(b->cols[c].ind);
	}
	free(b->cols);
	free(b->bind);
	free(b->text);
	free(b);
}
