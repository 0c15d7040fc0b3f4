/* book.c: reading a range of periods' inputs from MariaDB into memory. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "commission/book.h"
#include "core/error.h"
#include "core/grow.h"
#include "core/sort.h"
#include "engine/money.h"

/*
 * The orders of a range are those dated in it (part A) and those dated
 * outside it with a payment in it (part B): two disjoint parts joined by
 * UNION ALL, each of which an index serves (orders by date; payments by
 * date, then orders by id), instead of one OR that scans every order.
 * Parameters of each query: from, to (A), then from, to, from, to (B).
 */
#define PART_A " WHERE o.order_date BETWEEN ? AND ?"
#define PART_B " WHERE o.id IN (SELECT order_id FROM payments" \
	" WHERE payment_date BETWEEN ? AND ?)" \
	" AND (o.order_date < ? OR o.order_date > ?)"

/* The rows carry ids; their codes come from the reference tables, read
 * once (ref_read), rather than from a join per row. */
#define ORDERS_SQL \
	"SELECT o.id AS id, o.order_no AS no, o.order_date AS day," \
	" o.status AS status, o.region_id AS region, o.channel_id AS channel," \
	" o.customer_id AS customer FROM orders o"
#define LINES_SQL \
	"SELECT l.order_id AS order_id, l.id AS id, l.line_no AS line_no," \
	" l.product_id AS product, l.quantity AS quantity," \
	" l.amount AS amount, l.cost AS cost, l.status AS status" \
	" FROM order_lines l JOIN orders o ON o.id = l.order_id"
#define REPS_SQL \
	"SELECT r.order_id AS order_id, r.person_id AS person, r.share AS share" \
	" FROM order_reps r JOIN orders o ON o.id = r.order_id"
#define PAYMENTS_SQL \
	"SELECT pm.order_id AS order_id, pm.id AS id, pm.payment_no AS no," \
	" pm.payment_date AS day, pm.amount AS amount FROM payments pm" \
	" JOIN orders o ON o.id = pm.order_id"

/* The same, for the orders that credit one rep (the explanation of a
 * rep's period needs no other: the engine works per rep, and an order's
 * payments spread over its own lines only). */
#define REP_ONLY " AND o.id IN (SELECT rr.order_id FROM order_reps rr" \
	" WHERE rr.person_id = ?)"

enum stmt {
	ST_ORDERS, ST_LINES, ST_REPS, ST_PAYMENTS,
	ST_ORDERS_REP, ST_LINES_REP, ST_REPS_REP, ST_PAYMENTS_REP,
	ST_TARGETS, ST_PEOPLE, ST_RULE_IDS, ST_PRODUCTS, ST_REGIONS,
	ST_CHANNELS, ST_CUSTOMERS, ST_INPUTS, ST__MAX
};

/* ST_ORDERS + REP_OFFSET is its one-rep variant. */
#define REP_OFFSET (ST_ORDERS_REP - ST_ORDERS)

static const char *const stmts[ST__MAX] = {
	[ST_ORDERS] = ORDERS_SQL PART_A " UNION ALL " ORDERS_SQL PART_B,
	[ST_LINES] = LINES_SQL PART_A " UNION ALL " LINES_SQL PART_B,
	[ST_REPS] = REPS_SQL PART_A " UNION ALL " REPS_SQL PART_B,
	[ST_PAYMENTS] = PAYMENTS_SQL PART_A " AND pm.payment_date <= ?"
	    " UNION ALL " PAYMENTS_SQL PART_B " AND pm.payment_date <= ?",
	[ST_ORDERS_REP] = ORDERS_SQL PART_A REP_ONLY " UNION ALL "
	    ORDERS_SQL PART_B REP_ONLY,
	[ST_LINES_REP] = LINES_SQL PART_A REP_ONLY " UNION ALL "
	    LINES_SQL PART_B REP_ONLY,
	[ST_REPS_REP] = REPS_SQL PART_A REP_ONLY " UNION ALL "
	    REPS_SQL PART_B REP_ONLY,
	[ST_PAYMENTS_REP] = PAYMENTS_SQL PART_A REP_ONLY
	    " AND pm.payment_date <= ? UNION ALL " PAYMENTS_SQL PART_B REP_ONLY
	    " AND pm.payment_date <= ?",
	[ST_TARGETS] =
	    "SELECT pe.login AS login, t.period AS period,"
	    " t.first_day AS first_day, t.amount AS amount FROM targets t"
	    " JOIN people pe ON pe.id = t.person_id"
	    " WHERE t.kind = ? AND t.first_day BETWEEN ? AND ?",
	[ST_PEOPLE] =
	    "SELECT id, login, team, COALESCE(manager_login, '') AS manager"
	    " FROM people",
	[ST_RULE_IDS] =
	    "SELECT id FROM plan_rules WHERE version_id = ? ORDER BY position",
	[ST_PRODUCTS] =
	    "SELECT p.id AS id, p.code AS code, t.code AS type FROM products p"
	    " JOIN product_types t ON t.id = p.product_type_id ORDER BY p.id",
	[ST_REGIONS] = "SELECT id, code, '' AS type FROM regions ORDER BY id",
	[ST_CHANNELS] = "SELECT id, code, '' AS type FROM channels ORDER BY id",
	[ST_CUSTOMERS] =
	    "SELECT id, code, '' AS type FROM customers ORDER BY id",
	/* the version of each period's inputs (sql/commission/010) */
	[ST_INPUTS] =
	    "SELECT p.first_day AS first_day, COALESCE(ci.version, 0) AS version"
	    " FROM periods p LEFT JOIN calc_inputs ci ON ci.period_id = p.id"
	    " WHERE p.first_day BETWEEN ? AND ? ORDER BY p.first_day",
};

static struct db_table book_db = DB_TABLE("commission.book", stmts);

/* --- growing arrays and the text --- */

/* Appends s (len bytes) and a NUL to b's text; stores its offset. */
static int
text_add(struct book *b, const char *s, size_t len, book_str *out)
{
	/* Offsets are 32-bit (book_str). */
	if (b->textlen + len + 1 > UINT32_MAX ||
	    tc_grow(&b->text, &b->textcap, b->textlen + len + 1, 1 << 16) != 0)
		return TC_ENOMEM;
	memcpy(b->text + b->textlen, s, len);
	b->text[b->textlen + len] = '\0';
	*out = (book_str)b->textlen;
	b->textlen += len + 1;
	return 0;
}

/* --- reading rows --- */

/* The columns a row function reads, by name, found on the first row. */
#define MAX_COLS 12

/* Codes of reference rows (and a product's type), by id. */
struct ref {
	int64_t  id;
	book_str code, type;
};

struct refs {
	struct ref *v;
	size_t n, cap;
};

struct reader {
	struct book *b;
	const char *const *names;   /* NULL-terminated */
	int col[MAX_COLS];
	bool found;
	/* the arrays being filled */
	size_t cap;
	/* the reps, gathered before the orders' rep fields are made */
	struct rep { int64_t order; book_str login; int64_t share; } *reps;
	size_t nreps;
	/* the reference data, by id (as read), and the people by id */
	struct refs products, regions, channels, customers, *fill;
	uint32_t *people_by_id;     /* indexes into b->people */
};

static int
find_cols(struct reader *r, const struct dbrow *row)
{
	if (r->found)
		return 0;
	for (size_t i = 0; r->names[i] != NULL; i++)
		if ((r->col[i] = dbrow_col(row, r->names[i])) < 0)
			return TC_EDB;
	r->found = true;
	return 0;
}

static const char *
col(const struct reader *r, const struct dbrow *row, int i)
{
	return dbrow_text(row, (size_t)r->col[i]);
}

static int64_t
col_int(const struct reader *r, const struct dbrow *row, int i)
{
	return strtoll(col(r, row, i), NULL, 10);
}

/* A DECIMAL(_, scale) column as an integer in 10^-scale. */
static int
col_dec(const struct reader *r, const struct dbrow *row, int i, int scale,
    int64_t *out)
{
	const char *s = col(r, row, i);

	return tc_dec_parse(s, strlen(s), scale, out) == 0 ? 0 :
	    TC_EDB;
}

static int
col_date(const struct reader *r, const struct dbrow *row, int i,
    int32_t *out)
{
	return tc_date_parse_str(col(r, row, i), out) == 0 ? 0 : TC_EDB;
}

static int
col_text(struct reader *r, const struct dbrow *row, int i, book_str *out)
{
	const char *s = col(r, row, i);

	return text_add(r->b, s, strlen(s), out);
}

/* The codes of the row whose id is id in m (ids ascending), or NULL. */
static const struct ref *
ref_find(const struct refs *m, int64_t id)
{
	size_t lo = 0, hi = m->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < m->n && m->v[lo].id == id ? &m->v[lo] : NULL;
}

/* The code of reference id in column i, into *out. */
static int
col_ref(const struct reader *r, const struct dbrow *row, int i,
    const struct refs *m, book_str *out)
{
	const struct ref *f = ref_find(m, col_int(r, row, i));

	if (f == NULL)
		return TC_EDB;
	*out = f->code;
	return 0;
}

static const char *const ref_cols[] = { "id", "code", "type", NULL };

static int
ref_row(void *ctx, const struct dbrow *row)
{
	struct reader *r = ctx;
	struct refs *m = r->fill;
	struct ref *f;
	int rc;

	if ((rc = find_cols(r, row)) != 0 ||
	    (rc = tc_grow(&m->v, &m->cap, m->n + 1, 1024)) != 0)
		return rc;
	f = &m->v[m->n];
	f->id = col_int(r, row, 0);
	if ((m->n > 0 && f->id <= m->v[m->n - 1].id) ||
	    (rc = col_text(r, row, 1, &f->code)) != 0 ||
	    (rc = col_text(r, row, 2, &f->type)) != 0)
		return rc != 0 ? rc : TC_EDB;
	m->n++;
	return 0;
}

static const char *const order_cols[] = { "id", "no", "day", "status",
    "region", "channel", "customer", NULL };

static int
order_row(void *ctx, const struct dbrow *row)
{
	struct reader *r = ctx;
	struct book *b = r->b;
	struct book_order *o;
	int rc;

	if ((rc = find_cols(r, row)) != 0 ||
	    (rc = tc_grow(&b->orders, &r->cap, b->norders + 1,
	    1024)) != 0)
		return rc;
	o = &b->orders[b->norders];
	memset(o, 0, sizeof(*o));
	o->id = col_int(r, row, 0);
	o->cancelled = strcmp(col(r, row, 3), "cancelled") == 0;
	if ((rc = col_text(r, row, 1, &o->no)) != 0 ||
	    (rc = col_date(r, row, 2, &o->date)) != 0 ||
	    (rc = col_ref(r, row, 4, &r->regions, &o->region)) != 0 ||
	    (rc = col_ref(r, row, 5, &r->channels, &o->channel)) != 0 ||
	    (rc = col_ref(r, row, 6, &r->customers, &o->customer)) != 0)
		return rc;
	b->norders++;
	return 0;
}

static const char *const line_cols[] = { "order_id", "id", "line_no",
    "product", "quantity", "amount", "cost", "status", NULL };

/* Rows of lines, payments and reps carry their order's id until they are
 * linked (in .order, as an id, then replaced by the order's index). */
static int
line_row(void *ctx, const struct dbrow *row)
{
	struct reader *r = ctx;
	struct book *b = r->b;
	const struct ref *product;
	struct book_line *l;
	int rc;

	if ((rc = find_cols(r, row)) != 0 ||
	    (rc = tc_grow(&b->lines, &r->cap, b->nlines + 1,
	    1024)) != 0)
		return rc;
	l = &b->lines[b->nlines];
	memset(l, 0, sizeof(*l));
	l->order = (uint32_t)col_int(r, row, 0);
	l->id = col_int(r, row, 1);
	l->line_no = col_int(r, row, 2);
	l->cancelled = strcmp(col(r, row, 7), "cancelled") == 0;
	if ((product = ref_find(&r->products, col_int(r, row, 3))) == NULL)
		return TC_EDB;
	l->product = product->code;
	l->product_type = product->type;
	if ((rc = col_dec(r, row, 4, 3, &l->quantity)) != 0 ||
	    (rc = col_dec(r, row, 5, 2, &l->amount)) != 0 ||
	    (rc = col_dec(r, row, 6, 2, &l->cost)) != 0)
		return rc;
	b->nlines++;
	return 0;
}

static const char *const rep_cols[] = { "order_id", "person", "share",
    NULL };

/* The person whose id is id (people_by_id ascending), or NULL. */
static const struct book_person *
person_by_id(const struct reader *r, int64_t id)
{
	const struct book *b = r->b;
	size_t lo = 0, hi = b->npeople;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (b->people[r->people_by_id[mid]].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < b->npeople && b->people[r->people_by_id[lo]].id == id ?
	    &b->people[r->people_by_id[lo]] : NULL;
}

static int
rep_row(void *ctx, const struct dbrow *row)
{
	struct reader *r = ctx;
	const struct book_person *who;
	struct rep *p;
	int rc;

	if ((rc = find_cols(r, row)) != 0 ||
	    (rc = tc_grow(&r->reps, &r->cap, r->nreps + 1,
	    1024)) != 0)
		return rc;
	p = &r->reps[r->nreps];
	p->order = col_int(r, row, 0);
	if ((who = person_by_id(r, col_int(r, row, 1))) == NULL)
		return TC_EDB;
	p->login = who->login;
	if ((rc = col_dec(r, row, 2, 4, &p->share)) != 0)
		return rc;
	r->nreps++;
	return 0;
}

static const char *const payment_cols[] = { "order_id", "id", "no", "day",
    "amount", NULL };

static int
payment_row(void *ctx, const struct dbrow *row)
{
	struct reader *r = ctx;
	struct book *b = r->b;
	struct book_payment *p;
	int rc;

	if ((rc = find_cols(r, row)) != 0 ||
	    (rc = tc_grow(&b->payments, &r->cap, b->npayments + 1,
	    1024)) != 0)
		return rc;
	p = &b->payments[b->npayments];
	memset(p, 0, sizeof(*p));
	p->order = (uint32_t)col_int(r, row, 0);
	p->id = col_int(r, row, 1);
	if ((rc = col_text(r, row, 2, &p->no)) != 0 ||
	    (rc = col_date(r, row, 3, &p->date)) != 0 ||
	    (rc = col_dec(r, row, 4, 2, &p->amount)) != 0)
		return rc;
	b->npayments++;
	return 0;
}

static const char *const target_cols[] = { "login", "period", "first_day",
    "amount", NULL };

static int
target_row(void *ctx, const struct dbrow *row)
{
	struct reader *r = ctx;
	struct book *b = r->b;
	struct book_target *t;
	int rc;

	if ((rc = find_cols(r, row)) != 0 ||
	    (rc = tc_grow(&b->targets, &r->cap, b->ntargets + 1,
	    1024)) != 0)
		return rc;
	t = &b->targets[b->ntargets];
	memset(t, 0, sizeof(*t));
	snprintf(t->label, sizeof(t->label), "%s", col(r, row, 1));
	if ((rc = col_text(r, row, 0, &t->rep)) != 0 ||
	    (rc = col_date(r, row, 2, &t->first)) != 0 ||
	    (rc = col_dec(r, row, 3, 2, &t->amount)) != 0)
		return rc;
	b->ntargets++;
	return 0;
}

static const char *const person_cols[] = { "id", "login", "team",
    "manager", NULL };

static int
person_row(void *ctx, const struct dbrow *row)
{
	struct reader *r = ctx;
	struct book *b = r->b;
	struct book_person *p;
	int rc;

	if ((rc = find_cols(r, row)) != 0 ||
	    (rc = tc_grow(&b->people, &r->cap, b->npeople + 1,
	    1024)) != 0)
		return rc;
	p = &b->people[b->npeople];
	p->id = col_int(r, row, 0);
	if ((rc = col_text(r, row, 1, &p->login)) != 0 ||
	    (rc = col_text(r, row, 2, &p->team)) != 0 ||
	    (rc = col_text(r, row, 3, &p->manager)) != 0)
		return rc;
	b->npeople++;
	return 0;
}

static int
each(struct db *d, int idx, const struct db_param *p, size_t np,
    db_row_fn fn, struct reader *r, const char *const *names)
{
	r->names = names;
	r->found = false;
	r->cap = 0;
	return db_each(d, &book_db, idx, p, np, fn, r);
}

/* --- putting it in order --- */

static int
cmp_i64(int64_t a, int64_t b)
{
	return a < b ? -1 : a > b;
}

static int
by_order_id(const void *a, const void *b)
{
	return cmp_i64(((const struct book_order *)a)->id,
	    ((const struct book_order *)b)->id);
}

static int
by_line(const void *a, const void *b)
{
	const struct book_line *x = a, *y = b;

	return x->order != y->order ? (x->order < y->order ? -1 : 1) :
	    cmp_i64(x->line_no, y->line_no);
}

/* The comparators of strings get the book (its text) as tc_sort_r's
 * argument. */
static int
by_rep(const void *a, const void *b, void *book)
{
	const struct rep *x = a, *y = b;

	if (x->order != y->order)
		return cmp_i64(x->order, y->order);
	return strcmp(book_str_of(book, x->login), book_str_of(book, y->login));
}

static int
by_payment(const void *a, const void *b, void *book)
{
	const struct book_payment *x = a, *y = b;

	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return strcmp(book_str_of(book, x->no), book_str_of(book, y->no));
}

static int
by_target(const void *a, const void *b, void *book)
{
	const struct book_target *x = a, *y = b;
	int c = strcmp(book_str_of(book, x->rep), book_str_of(book, y->rep));

	return c != 0 ? c : (x->first < y->first ? -1 : x->first > y->first);
}

static int
by_login(const void *a, const void *b, void *book)
{
	return strcmp(book_str_of(book, ((const struct book_person *)a)->login),
	    book_str_of(book, ((const struct book_person *)b)->login));
}

/* The index of the order with id, or -1. */
static int64_t
order_index(const struct book *b, int64_t id)
{
	size_t lo = 0, hi = b->norders;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (b->orders[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < b->norders && b->orders[lo].id == id ? (int64_t)lo : -1;
}

/* A share (10^-4 percent) as the spec writes it: "60", "33.3333". */
static size_t
share_text(char *buf, int64_t v)
{
	int64_t ip = v / 10000, fp = v % 10000;
	int dec = 4;

	if (fp == 0)
		return (size_t)snprintf(buf, 32, "%lld", (long long)ip);
	while (fp % 10 == 0) {
		fp /= 10;
		dec--;
	}
	return (size_t)snprintf(buf, 32, "%lld.%0*lld", (long long)ip, dec,
	    (long long)fp);
}

/* Makes each order's rep field from its reps (by login): "alice" for a
 * single rep with the whole credit, else "alice:60|bob:40". */
static int
make_rep_fields(struct book *b, struct rep *reps, size_t n)
{
	char *buf = NULL;
	size_t cap = 0;
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0;) {
		size_t j = i, len = 0;
		int64_t oi = order_index(b, reps[i].order);

		while (j < n && reps[j].order == reps[i].order)
			j++;
		for (size_t k = i; k < j; k++) {
			const char *login = book_str_of(b, reps[k].login);
			size_t need = len + strlen(login) + 40;

			if (tc_grow(&buf, &cap, need, 256) != 0) {
				rc = TC_ENOMEM;
				break;
			}
			if (k > i)
				buf[len++] = '|';
			memcpy(buf + len, login, strlen(login));
			len += strlen(login);
			if (j - i > 1 || reps[k].share != 1000000) {
				buf[len++] = ':';
				len += share_text(buf + len, reps[k].share);
			}
		}
		if (rc == 0 && oi >= 0)
			rc = text_add(b, buf, len, &b->orders[oi].reps);
		i = j;
	}
	free(buf);
	return rc;
}

/* Sorts everything and links lines and payments to their orders (an
 * empty array is NULL, which tc_sort allows). */
static int
link_book(struct book *b, struct rep *reps, size_t nreps)
{
	int rc;

	tc_sort(b->orders, b->norders, sizeof(*b->orders), by_order_id);
	tc_sort(b->lines, b->nlines, sizeof(*b->lines), by_line);
	tc_sort_r(reps, nreps, sizeof(*reps), by_rep, b);
	tc_sort_r(b->payments, b->npayments, sizeof(*b->payments), by_payment, b);
	tc_sort_r(b->targets, b->ntargets, sizeof(*b->targets), by_target, b);
	tc_sort_r(b->people, b->npeople, sizeof(*b->people), by_login, b);
	for (size_t i = 0; i < b->nlines; i++) {
		int64_t oi = order_index(b, b->lines[i].order);

		if (oi < 0)
			return TC_EDB;
		if (b->orders[oi].nlines++ == 0)
			b->orders[oi].line0 = (uint32_t)i;
		b->lines[i].order = (uint32_t)oi;
	}
	for (size_t i = 0; i < b->npayments; i++) {
		int64_t oi = order_index(b, b->payments[i].order);

		if (oi < 0)
			return TC_EDB;
		if (b->orders[oi].npay++ == 0)
			b->orders[oi].pay0 = (uint32_t)i;
		b->payments[i].order = (uint32_t)oi;
	}
	if ((rc = make_rep_fields(b, reps, nreps)) != 0)
		return rc;
	return 0;
}

static int
read_versions(struct db *d, struct book *b, int32_t from)
{
	struct plan_text *t = NULL;
	size_t n = 0;
	int rc;

	if ((rc = plan_in_force(d, from, b->to, &t, &n)) != 0)
		return rc;
	if (n > 0 && (b->versions = calloc(n, sizeof(*b->versions))) == NULL) {
		plan_texts_free(t, n);
		return TC_ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		struct book_version *v = &b->versions[i];
		struct dbres *r = NULL;

		v->text = t[i];
		b->nversions++;
		if ((rc = db_query(d, &book_db, ST_RULE_IDS,
		    DB_ARGS(P_INT(v->text.id)), &r)) != 0)
			break;
		if (dbres_rows(r) > 0 && (v->rule_ids = calloc(dbres_rows(r),
		    sizeof(*v->rule_ids))) == NULL) {
			dbres_free(r);
			rc = TC_ENOMEM;
			break;
		}
		for (size_t k = 0; k < dbres_rows(r); k++)
			v->rule_ids[k] = dbres_int(r, k, 0);
		v->nrules = dbres_rows(r);
		dbres_free(r);
	}
	/* the texts' strings now belong to the book's versions */
	for (size_t i = b->nversions; i < n; i++)
		free(t[i].json);
	free(t);
	return rc;
}

static const char *const input_cols[] = { "first_day", "version", NULL };

static int
input_row(void *ctx, const struct dbrow *row)
{
	struct reader *r = ctx;
	struct book *b = r->b;
	struct book_input *in;
	int rc;

	if ((rc = find_cols(r, row)) != 0 ||
	    (rc = tc_grow(&b->inputs, &r->cap, b->ninputs + 1, 64)) != 0)
		return rc;
	in = &b->inputs[b->ninputs];
	in->version = col_int(r, row, 1);
	if ((rc = col_date(r, row, 0, &in->first)) != 0)
		return rc;
	b->ninputs++;
	return 0;
}

static int
by_person_id(const void *x, const void *y, void *book)
{
	const struct book *b = book;

	return cmp_i64(b->people[*(const uint32_t *)x].id,
	    b->people[*(const uint32_t *)y].id);
}

/* The people and the reference data, which the rows name by id. */
static int
read_refs(struct db *d, struct reader *r)
{
	static const int idx[] = { ST_PRODUCTS, ST_REGIONS, ST_CHANNELS,
	    ST_CUSTOMERS };
	struct refs *maps[] = { &r->products, &r->regions, &r->channels,
	    &r->customers };
	struct book *b = r->b;
	int rc;

	if ((rc = each(d, ST_PEOPLE, DB_NOARGS, person_row, r,
	    person_cols)) != 0)
		return rc;
	if (b->npeople > 0 && (r->people_by_id = malloc(b->npeople *
	    sizeof(*r->people_by_id))) == NULL)
		return TC_ENOMEM;
	for (size_t i = 0; i < b->npeople; i++)
		r->people_by_id[i] = (uint32_t)i;
	tc_sort_r(r->people_by_id, b->npeople, sizeof(*r->people_by_id),
	    by_person_id, b);
	for (size_t i = 0; i < sizeof(idx) / sizeof(idx[0]); i++) {
		r->fill = maps[i];
		if ((rc = each(d, idx[i], DB_NOARGS, ref_row, r,
		    ref_cols)) != 0)
			return rc;
	}
	return 0;
}

#define NARGS(a) (sizeof(a) / sizeof((a)[0]))

/* The rows of the orders of [a, z] (those crediting person, unless 0). */
static int
read_rows(struct db *d, struct reader *r, const char *a, const char *z,
    int64_t person)
{
	int off = person != 0 ? REP_OFFSET : 0;
	struct db_param all[] = { P_TEXT(a), P_TEXT(z), P_TEXT(a), P_TEXT(z),
	    P_TEXT(a), P_TEXT(z) };
	struct db_param one[] = { P_TEXT(a), P_TEXT(z), P_INT(person),
	    P_TEXT(a), P_TEXT(z), P_TEXT(a), P_TEXT(z), P_INT(person) };
	struct db_param pays_all[] = { P_TEXT(a), P_TEXT(z), P_TEXT(z),
	    P_TEXT(a), P_TEXT(z), P_TEXT(a), P_TEXT(z), P_TEXT(z) };
	struct db_param pays_one[] = { P_TEXT(a), P_TEXT(z), P_INT(person),
	    P_TEXT(z), P_TEXT(a), P_TEXT(z), P_TEXT(a), P_TEXT(z), P_INT(person),
	    P_TEXT(z) };
	const struct db_param *rows = person != 0 ? one : all;
	size_t nrows = person != 0 ? NARGS(one) : NARGS(all);
	int rc;

	if ((rc = each(d, ST_ORDERS + off, rows, nrows, order_row, r,
	    order_cols)) != 0 ||
	    (rc = each(d, ST_LINES + off, rows, nrows, line_row, r,
	    line_cols)) != 0 ||
	    (rc = each(d, ST_REPS + off, rows, nrows, rep_row, r,
	    rep_cols)) != 0)
		return rc;
	if (person != 0)
		return each(d, ST_PAYMENTS_REP, pays_one, NARGS(pays_one),
		    payment_row, r, payment_cols);
	return each(d, ST_PAYMENTS, pays_all, NARGS(pays_all), payment_row, r,
	    payment_cols);
}

int
book_read_rep(struct db *d, enum tc_period_kind kind, int32_t from,
    int32_t to, int64_t person, struct book **out)
{
	struct book *b;
	struct reader r = { 0 };
	char a[11], z[11];
	int32_t earliest = from;
	book_str empty;
	bool own = !db_in_transaction(d);
	int rc;

	*out = NULL;
	if ((b = calloc(1, sizeof(*b))) == NULL)
		return TC_ENOMEM;
	b->kind = kind;
	b->from = from;
	b->to = to;
	r.b = b;
	tc_date_format(a, from);
	tc_date_format(z, to);
	/* Offset 0 is the empty string. */
	/* One snapshot for every query (or the caller's transaction's): the
	 * versions of the inputs are those of the rows read. */
	if ((rc = text_add(b, "", 0, &empty)) != 0 ||
	    (own && (rc = db_begin(d)) != 0))
		goto out;
	if ((rc = each(d, ST_INPUTS, DB_ARGS(P_TEXT(a), P_TEXT(z)), input_row,
	    &r, input_cols)) != 0 ||
	    (rc = read_refs(d, &r)) != 0 ||
	    (rc = read_rows(d, &r, a, z, person)) != 0 ||
	    (rc = each(d, ST_TARGETS, DB_ARGS(P_TEXT(tc_period_kind_name(kind)),
	    P_TEXT(a), P_TEXT(z)), target_row, &r, target_cols)) != 0)
		goto out;
	for (size_t i = 0; i < b->norders; i++)
		if (b->orders[i].date < earliest)
			earliest = b->orders[i].date;
	if ((rc = read_versions(d, b, earliest)) != 0)
		goto out;
	rc = link_book(b, r.reps, r.nreps);
out:
	if (own && db_in_transaction(d)) {
		if (rc == 0)
			rc = db_commit(d);
		else
			db_rollback(d);
	}
	free(r.reps);
	free(r.people_by_id);
	free(r.products.v);
	free(r.regions.v);
	free(r.channels.v);
	free(r.customers.v);
	if (rc != 0) {
		book_free(b);
		return rc;
	}
	*out = b;
	return 0;
}

int
book_read(struct db *d, enum tc_period_kind kind, int32_t from, int32_t to,
    struct book **out)
{
	return book_read_rep(d, kind, from, to, 0, out);
}

int64_t
book_input_version(const struct book *b, int32_t first)
{
	for (size_t i = 0; i < b->ninputs; i++)
		if (b->inputs[i].first == first)
			return b->inputs[i].version;
	return 0;
}

void
book_free(struct book *b)
{
	if (b == NULL)
		return;
	for (size_t i = 0; i < b->nversions; i++) {
		free(b->versions[i].text.json);
		free(b->versions[i].rule_ids);
	}
	free(b->versions);
	free(b->orders);
	free(b->lines);
	free(b->payments);
	free(b->targets);
	free(b->people);
	free(b->inputs);
	free(b->text);
	free(b);
}

const struct book_person *
book_person(const struct book *b, const char *login)
{
	size_t lo = 0, hi = b->npeople;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(book_str_of(b, b->people[mid].login), login);

		if (c == 0)
			return &b->people[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}
