/* tables.c: the three CSV tables, read by column name. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/tables.h"
#include "engine/csv.h"
#include "engine/strmap.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/error.h"
#include "core/split.h"

enum col {
	C_ORDER_ID, C_LINE, C_DATE, C_REP, C_PRODUCT_TYPE, C_REGION,
	C_CHANNEL, C_PRODUCT, C_CUSTOMER, C_QUANTITY, C_AMOUNT, C_COST,
	C_STATUS, C_PAYMENT_ID, C_PERIOD, C__MAX
};

_Static_assert(C__MAX <= 16, "struct tce_table.col is too small");

static const char *const col_name[C__MAX] = {
	"order_id", "line", "date", "rep", "product_type", "region",
	"channel", "product", "customer", "quantity", "amount", "cost",
	"status", "payment_id", "period",
};

/* Columns of each table: required ones, then optional ones. */
static const enum col orders_req[] = { C_ORDER_ID, C_DATE, C_REP,
    C_QUANTITY, C_AMOUNT };
static const enum col orders_opt[] = { C_LINE, C_PRODUCT_TYPE, C_REGION,
    C_CHANNEL, C_PRODUCT, C_CUSTOMER, C_COST, C_STATUS };
static const enum col payments_req[] = { C_PAYMENT_ID, C_ORDER_ID, C_DATE,
    C_AMOUNT };
static const enum col targets_req[] = { C_REP, C_PERIOD, C_AMOUNT };

struct reader {
	struct tce_csv   csv;
	struct tce_diag *err;
	enum tce_source  src;
	uint32_t         line;
	int              col[C__MAX];   /* field index or -1 */
};

static int
fail(struct reader *r, int rc, const char *fmt, ...)
{
	va_list ap;

	memset(r->err, 0, sizeof(*r->err));
	r->err->src = r->src;
	r->err->line = r->line;
	va_start(ap, fmt);
	vsnprintf(r->err->msg, sizeof(r->err->msg), fmt, ap);
	va_end(ap);
	return rc;
}

/* Quotes at most 60 bytes of a value for a message. */
static const char *
shown(const char *s, char *buf, size_t n)
{
	size_t l = strlen(s);

	if (l < 60)
		return s;
	snprintf(buf, n, "%.56s...", s);
	return buf;
}

static const char *
field(struct reader *r, enum col c)
{
	return r->col[c] < 0 ? NULL : r->csv.field[r->col[c]];
}

static size_t
flen(struct reader *r, enum col c)
{
	return r->col[c] < 0 ? 0 : r->csv.flen[r->col[c]];
}

static int
need(struct reader *r, enum col c, const char **out)
{
	*out = field(r, c);
	if (flen(r, c) == 0)
		return fail(r, TC_EINVAL, "%s: empty", col_name[c]);
	return 0;
}

/* A figure beyond 63 bits is an overflow (exit 1); any other bad number
 * is bad input (exit 2). */
static int
number_err(int rc)
{
	return rc == TC_ETOOBIG ? rc : TC_EINVAL;
}

static int
number(struct reader *r, enum col c, int decimals, int64_t *out)
{
	char b[64];
	int rc = tc_dec_parse(field(r, c), flen(r, c), decimals, out);

	if (rc == 0)
		return 0;
	if (flen(r, c) == 0)
		return fail(r, TC_EINVAL, "%s: empty", col_name[c]);
	return fail(r, number_err(rc), "%s \"%s\": %s", col_name[c],
	    shown(field(r, c), b, sizeof(b)), tc_strerror(rc));
}

static int
date(struct reader *r, enum col c, int32_t *out)
{
	char b[64];

	if (tc_date_parse(field(r, c), flen(r, c), out) == 0)
		return 0;
	if (flen(r, c) == 0)
		return fail(r, TC_EINVAL, "%s: empty", col_name[c]);
	return fail(r, TC_EINVAL, "%s \"%s\": not a date (YYYY-MM-DD)",
	    col_name[c], shown(field(r, c), b, sizeof(b)));
}

/* Reads the header row and finds the columns. */
static int
header(struct reader *r, const enum col *req, size_t nreq,
    const enum col *opt, size_t nopt)
{
	const char *why;
	struct tce_strmap seen;
	uint32_t *slot;
	int rc, added;
	size_t i;

	rc = tce_csv_next(&r->csv, &r->line, &why);
	if (rc < 0)
		return rc == TC_EINVAL ? fail(r, rc, "%s", why) : rc;
	if (rc == 0) {
		r->line = 1;
		return fail(r, TC_EINVAL, "no header row");
	}
	for (i = 0; i < C__MAX; i++)
		r->col[i] = -1;
	if (tce_strmap_init(&seen, r->csv.nfield) != 0)
		return TC_ENOMEM;
	for (i = 0; i < r->csv.nfield; i++) {
		if (tce_strmap_put(&seen, r->csv.field[i], 0, 0, &slot,
		    &added) != 0) {
			tce_strmap_free(&seen);
			return TC_ENOMEM;
		}
		if (!added) {
			char b[64];
			tce_strmap_free(&seen);
			return fail(r, TC_EINVAL, "column \"%s\" named twice",
			    shown(r->csv.field[i], b, sizeof(b)));
		}
		for (size_t k = 0; k < nreq + nopt; k++) {
			enum col c = k < nreq ? req[k] : opt[k - nreq];
			if (strcmp(r->csv.field[i], col_name[c]) == 0)
				r->col[c] = (int)i;
		}
	}
	tce_strmap_free(&seen);
	for (i = 0; i < nreq; i++)
		if (r->col[req[i]] < 0)
			return fail(r, TC_EINVAL, "missing column \"%s\"",
			    col_name[req[i]]);
	return 0;
}

/* Adds rep name[0..len) with share to row, cutting the name in place (the
 * field is the reader's own copy) so that it is a string. */
static int
add_share(struct tce_input *in, struct tce_row *row, const struct tc_share *sh)
{
	struct tce_share *x = tce_input_add_share(in);

	if (x == NULL)
		return TC_ENOMEM;
	((char *)sh->name)[sh->len] = '\0';   /* ':', or the field's end */
	x->rep = sh->name;
	x->share = sh->share;
	row->nshares++;
	return 0;
}

/* Reads the rep field, "alice" or "alice:60|bob:40", by the rules of
 * core/split.h (the same as the web import's and the order form's). */
static int
split(struct reader *r, struct tce_input *in, struct tce_row *row)
{
	char *s = (char *)field(r, C_REP), b[64];
	size_t n = flen(r, C_REP), count;
	struct tc_share few[16];
	struct tc_split_fault f;
	int rc;

	if (n == 0)
		return fail(r, TC_EINVAL, "rep: empty");
	/* most splits have a few reps: parse them once into few[]; check a
	 * longer one whole, then read it rep by rep */
	rc = tc_split_parse(s, n, few, 16, &count, &f);
	if (rc == TC_ESPLIT_TOO_MANY)
		rc = tc_split_parse(s, n, NULL, TC_SPLIT_ANY, &count, &f);
	switch (rc) {
	case 0:
		break;
	case TC_ESPLIT_SHARE:
		return fail(r, TC_EINVAL, "rep \"%s\": share \"%.*s\": %s",
		    shown(s, b, sizeof(b)), (int)f.at_len, f.at,
		    tc_strerror(f.share_err));
	case TC_ESPLIT_DUPLICATE:
		return fail(r, TC_EINVAL, "rep \"%s\": rep \"%.*s\" named twice",
		    shown(s, b, sizeof(b)), (int)f.at_len, f.at);
	default:
		return fail(r, TC_EINVAL, "rep \"%s\": %s",
		    shown(s, b, sizeof(b)), tc_strerror(rc));
	}
	row->share0 = (uint32_t)in->nshares;
	if (count <= 16) {
		for (size_t i = 0; i < count; i++)
			if (add_share(in, row, &few[i]) != 0)
				return TC_ENOMEM;
	} else {
		struct tc_split_iter it;
		struct tc_share sh;

		tc_split_begin(&it, s, n);
		while (tc_split_next(&it, &sh))
			if (add_share(in, row, &sh) != 0)
				return TC_ENOMEM;
	}
	return 0;
}

static int
order_row(struct reader *r, struct tce_input *in)
{
	struct tce_row *row = tce_input_add_row(in);
	const char *st;
	int rc;

	if (row == NULL)
		return TC_ENOMEM;
	row->src_line = r->line;
	if ((rc = need(r, C_ORDER_ID, &row->order_id)) != 0)
		return rc;
	row->line = 1;
	if (flen(r, C_LINE) > 0) {
		const char *s = field(r, C_LINE);
		size_t n = flen(r, C_LINE);
		int64_t v = 0;
		char b[64];
		for (size_t i = 0; i < n; i++) {
			if (s[i] < '0' || s[i] > '9' ||
			    v > (INT64_MAX - 9) / 10)
				return fail(r, TC_EINVAL, "line \"%s\": not a "
				    "positive integer", shown(s, b, sizeof(b)));
			v = v * 10 + (s[i] - '0');
		}
		if (v < 1)
			return fail(r, TC_EINVAL, "line \"%s\": not a positive "
			    "integer", shown(s, b, sizeof(b)));
		row->line = v;
	}
	if ((rc = date(r, C_DATE, &row->date)) != 0 ||
	    (rc = split(r, in, row)) != 0 ||
	    (rc = number(r, C_QUANTITY, 3, &row->quantity)) != 0 ||
	    (rc = number(r, C_AMOUNT, 2, &row->amount)) != 0)
		return rc;
	for (int a = 0; a < TCE_ATTR__MAX; a++)
		row->attr[a] = field(r, (enum col)(C_PRODUCT_TYPE + a));
	if (flen(r, C_COST) > 0) {
		if ((rc = number(r, C_COST, 2, &row->cost)) != 0)
			return rc;
		row->has_cost = true;
	}
	st = field(r, C_STATUS);
	if (st != NULL && st[0] != '\0' && strcmp(st, "booked") != 0) {
		char b[64];
		if (strcmp(st, "cancelled") != 0)
			return fail(r, TC_EINVAL, "status \"%s\": neither booked "
			    "nor cancelled", shown(st, b, sizeof(b)));
		row->cancelled = true;
	}
	return 0;
}

static int
payment_row(struct reader *r, struct tce_input *in)
{
	struct tce_payment *p = tce_input_add_payment(in);
	int rc;

	if (p == NULL)
		return TC_ENOMEM;
	p->src_line = r->line;
	if ((rc = need(r, C_PAYMENT_ID, &p->payment_id)) != 0 ||
	    (rc = need(r, C_ORDER_ID, &p->order_id)) != 0 ||
	    (rc = date(r, C_DATE, &p->date)) != 0 ||
	    (rc = number(r, C_AMOUNT, 2, &p->amount)) != 0)
		return rc;
	return 0;
}

static int
target_row(struct reader *r, struct tce_input *in)
{
	struct tce_target *t = tce_input_add_target(in);
	char b[64];
	int rc;

	if (t == NULL)
		return TC_ENOMEM;
	t->src_line = r->line;
	if ((rc = need(r, C_REP, &t->rep)) != 0)
		return rc;
	if (flen(r, C_PERIOD) == 0)
		return fail(r, TC_EINVAL, "period: empty");
	if (tc_period_parse(field(r, C_PERIOD), flen(r, C_PERIOD), &t->kind,
	    &t->period) != 0)
		return fail(r, TC_EINVAL, "period \"%s\": not a period label "
		    "(2026-07, 2026-Q3 or 2026)", shown(field(r, C_PERIOD), b,
		    sizeof(b)));
	if ((rc = number(r, C_AMOUNT, 2, &t->amount)) != 0)
		return rc;
	if (t->amount <= 0)
		return fail(r, TC_EINVAL, "amount \"%s\": a target must be "
		    "greater than 0", field(r, C_AMOUNT));
	return 0;
}

static int
records(struct reader *r, struct tce_input *in, enum tce_table table,
    size_t ncols)
{
	const char *why;
	int rc;

	for (;;) {
		rc = tce_csv_next(&r->csv, &r->line, &why);
		if (rc == 0)
			return 0;
		if (rc < 0)
			return rc == TC_EINVAL ? fail(r, rc, "%s", why) : rc;
		if (r->csv.nfield != ncols)
			return fail(r, TC_EINVAL, "%zu fields where the header "
			    "has %zu", r->csv.nfield, ncols);
		rc = table == TCE_TABLE_ORDERS ? order_row(r, in) :
		    table == TCE_TABLE_PAYMENTS ? payment_row(r, in) :
		    target_row(r, in);
		if (rc != 0)
			return rc;
	}
}

int
tce_table_open(struct tce_table_reader *t, struct tce_input *in,
    enum tce_table table, char *buf, size_t len, struct tce_diag *err)
{
	struct reader r;
	int rc;

	memset(t, 0, sizeof(*t));
	if ((rc = tce_input_own(in, buf)) != 0)
		return rc;
	memset(&r, 0, sizeof(r));
	r.err = err;
	r.src = table == TCE_TABLE_ORDERS ? TCE_SRC_ORDERS :
	    table == TCE_TABLE_PAYMENTS ? TCE_SRC_PAYMENTS : TCE_SRC_TARGETS;
	tce_csv_init(&r.csv, buf, len);
	switch (table) {
	case TCE_TABLE_ORDERS:
		rc = header(&r, orders_req, 5, orders_opt, 8);
		break;
	case TCE_TABLE_PAYMENTS:
		rc = header(&r, payments_req, 4, NULL, 0);
		break;
	default:
		rc = header(&r, targets_req, 3, NULL, 0);
		break;
	}
	if (rc == 0) {
		t->table = table;
		t->buf = buf;
		t->len = len;
		t->body = r.csv.pos;
		t->body_line = r.csv.line;
		t->ncols = r.csv.nfield;
		memcpy(t->col, r.col, sizeof(r.col));
	}
	tce_csv_free(&r.csv);
	return rc;
}

size_t
tce_table_split(const struct tce_table_reader *t, size_t at)
{
	size_t quotes = 0, p = t->body;
	const char *b = t->buf;

	if (at <= t->body || at >= t->len)
		return t->len;
	/* Outside quoted fields the quotes before a byte are even in
	 * number: the first line end after `at` with an even count before
	 * it starts a record (in a file without stray quotes; a stray quote
	 * is an error of the first part, reported first). */
	for (;;) {
		const char *nl = memchr(b + at, '\n', t->len - at);
		if (nl == NULL)
			return t->len;
		for (const char *q; (q = memchr(b + p, '"', (size_t)(nl - b) -
		    p)) != NULL; p = (size_t)(q - b) + 1)
			quotes++;
		p = (size_t)(nl - b);
		if (quotes % 2 == 0)
			return (size_t)(nl - b) + 1;
		at = (size_t)(nl - b) + 1;
	}
}

int
tce_table_read_part(const struct tce_table_reader *t, struct tce_input *in,
    size_t from, size_t to, uint32_t first_line, struct tce_diag *err,
    uint32_t *end_line)
{
	struct reader r;
	int rc;

	memset(&r, 0, sizeof(r));
	r.err = err;
	r.src = t->table == TCE_TABLE_ORDERS ? TCE_SRC_ORDERS :
	    t->table == TCE_TABLE_PAYMENTS ? TCE_SRC_PAYMENTS :
	    TCE_SRC_TARGETS;
	memcpy(r.col, t->col, sizeof(r.col));
	tce_csv_init_part(&r.csv, t->buf, from, to, first_line);
	rc = records(&r, in, t->table, t->ncols);
	if (end_line != NULL)
		*end_line = r.csv.line;
	tce_csv_free(&r.csv);
	return rc;
}

int
tce_table_read(struct tce_input *in, enum tce_table table, char *buf,
    size_t len, struct tce_diag *err)
{
	struct tce_table_reader t;
	int rc = tce_table_open(&t, in, table, buf, len, err);

	if (rc != 0)
		return rc;
	return tce_table_read_part(&t, in, t.body, t.len, t.body_line, err,
	    NULL);
}

int
tce_input_append_rows(struct tce_input *to, struct tce_input *from,
    uint32_t line_offset)
{
	size_t nr = to->nrows + from->nrows, ns = to->nshares + from->nshares;

	if (from->nrows == 0)
		return 0;
	if (nr > to->rows_cap) {
		struct tce_row *x = realloc(to->rows, nr * sizeof(*x));
		if (x == NULL)
			return TC_ENOMEM;
		to->rows = x;
		to->rows_cap = nr;
	}
	if (ns > to->shares_cap) {
		struct tce_share *x = realloc(to->shares, ns * sizeof(*x));
		if (x == NULL)
			return TC_ENOMEM;
		to->shares = x;
		to->shares_cap = ns;
	}
	for (size_t i = 0; i < from->nrows; i++) {
		struct tce_row *r = &to->rows[to->nrows + i];
		*r = from->rows[i];
		r->share0 += (uint32_t)to->nshares;
		r->src_line += line_offset;
	}
	if (from->nshares > 0)
		memcpy(to->shares + to->nshares, from->shares,
		    from->nshares * sizeof(*from->shares));
	to->nrows = nr;
	to->nshares = ns;
	from->nrows = from->nshares = 0;
	return 0;
}

int
tce_file_read(const char *path, char **buf, size_t *len)
{
	struct stat st;
	size_t cap, n = 0;
	char *b;
	int fd = open(path, O_RDONLY);

	*buf = NULL;
	if (fd < 0)
		return TC_EIO;
	cap = (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) ?
	    (size_t)st.st_size + 1 : 65536;
	if ((b = malloc(cap + 1)) == NULL) {
		close(fd);
		return TC_ENOMEM;
	}
	for (;;) {
		ssize_t got;
		if (n == cap) {
			char *nb = realloc(b, cap * 2 + 1);
			if (nb == NULL) {
				free(b);
				close(fd);
				return TC_ENOMEM;
			}
			b = nb;
			cap *= 2;
		}
		got = read(fd, b + n, cap - n);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			free(b);
			close(fd);
			errno = e;
			return TC_EIO;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	close(fd);
	*buf = b;
	*len = n;
	return 0;
}
