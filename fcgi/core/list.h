/* list.h: one way to list rows: filters validated like a form, a
 * whitelist of sort keys, paging in SQL with a capped count, and links
 * that keep all of it.
 *
 * A list is declared once, as constants:
 *
 *   enum { OF_FROM, OF_CUSTOMER, OF_STATUS, OF__MAX };
 *   static const struct list_filter order_filters[OF__MAX] = {
 *     [OF_FROM] = { .field = { "from", form_date, 0, 0, 0, NULL, NULL },
 *         .label = "sales_from",
 *         .where = { "o.order_date >= ?", { LA_TEXT } } },
 *     [OF_CUSTOMER] = { .field = { "customer", form_int64, 0, 1,
 *         INT32_MAX, NULL, NULL }, .label = "sales_customer",
 *         .where = { "o.customer_id = ?", { LA_INT } } },
 *     [OF_STATUS] = { .field = { "status", form_oneof, 0, 0, 0, NULL,
 *         statuses }, .label = "sales_status",
 *         .where = { "o.status = ?", { LA_TEXT } } },
 *   };
 *   static const struct list_sort order_sorts[] = {
 *     { "date", "sales_date", "o.order_date, o.id",
 *         "o.order_date DESC, o.id DESC", LIST_SORT_DESC_FIRST },
 *     ...
 *   };
 *   static const struct list_def orders_list = {
 *     .name = "orders", .path = "/sales/orders",
 *     .select = "SELECT o.id, o.order_no, ...",
 *     .from = " FROM orders o JOIN customers c ON c.id = o.customer_id",
 *     .filters = order_filters, .nfilters = OF__MAX,
 *     .sorts = order_sorts, .nsorts = ..., .per_page = 50, .cap = 10000,
 *   };
 *
 * and a handler runs it:
 *
 *   struct list l;
 *   list_init(&l, &orders_list);
 *   list_where(&l, SCOPE_ORDER_SQL("o.id"), DB_ARGS(SCOPE_ARGS(&s)));
 *   if ((rc = list_run(&l, r, page_body(r))) == 0) {
 *     ... rows of l.rows, totals in l.totals ...
 *     rc = page_send(r, list_status(&l), ...);
 *   }
 *   list_done(&l);
 *
 * The statement is assembled from the fixed fragments of the filters in
 * use (a filter that is not set adds no SQL at all), the run-time
 * fragments given with list_where (scope), the chosen sort's ORDER BY
 * (each ending in a unique tie-breaker, each served by an index) and
 * LIMIT/OFFSET, or for the next page of a sort with keys, the rows past
 * the last row's keys (keyset paging: see keyset_table); values only ever
 * travel as bound parameters.  Each
 * distinct text is prepared once per worker (db_query_text).  The count
 * stops at def->cap (shown "10,000+"), so what a list reads is bounded by
 * the cap, not by the table (tests/bench/list prints the figures); pages
 * past the last are clamped to it.
 *
 * A bad value of any filter (or of sort, dir, page) is not replaced by a
 * default: list_run() queries nothing, and the page is answered 400 with
 * the filter form showing what was typed and a message naming the field.
 *
 * What the page's dictionary receives (d given to list_run):
 *   the filter form as core/formview shows every form: {{<name>}} each
 *                         filter's input as typed (or its default),
 *                         <NAME>_ERROR sections (error, error_id) and
 *                         the summary {{>FORM_ERRORS}}; inputs have
 *                         id="<name>"
 *   SORT_<NAME>           include (core/list-sort.tpl) per sort key: the
 *                         heading <th> with its link and aria-sort
 *   PAGER                 include (core/list-pager.tpl)
 *   list_total            the count as shown ("1,234", "10,000+")
 *   list_page, list_pages, list_from, list_to
 *   list_query            the filters as a query string (for exports)
 *   LIST_ROWS / LIST_EMPTY   sections: some rows / none (valid filters)
 *   LIST_CAPPED           section: more rows than the cap (totals over
 *                         them would be wrong: show none)
 *   LIST_INVALID          section: some filter is invalid
 *   LIST_FILTERED         section: some filter or the sort differs from
 *                         its default (show a reset link) */
#ifndef TC_CORE_LIST_H
#define TC_CORE_LIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/app.h"
#include "core/db.h"
#include "core/form.h"
#include "core/qs.h"

#define LIST_MAX_ARGS 6         /* '?' in one fragment */
#define LIST_MAX_FILTERS 24
#define LIST_MAX_SORTS 24
#define LIST_MAX_WHERE 4        /* run-time fragments (list_where) */
#define LIST_MAX_WHERE_ARGS 24
#define LIST_MAX_CTX 4          /* run-time values for LA_CTX* */

/* What one '?' of a filter's fragment is bound to. */
enum list_arg {
	LA_END = 0,     /* no more parameters */
	LA_TEXT,        /* the filter's validated text */
	LA_INT,         /* the filter's typed value (form_value.i) */
	LA_CONTAINS,    /* "%text%", with \ % _ escaped, for LIKE */
	LA_PREFIX,      /* "text%", escaped likewise */
	LA_MONTH_FIRST, /* a form_month value as its first day "YYYY-MM-01" */
	LA_CTX0,        /* list_ctx(l, 0, ...): today, a threshold... */
	LA_CTX1,
	LA_CTX2,
	LA_CTX3,
};

/* A fixed SQL condition and what its parameters are bound to. */
struct list_frag {
	const char *sql;                /* NULL: no condition */
	enum list_arg args[LIST_MAX_ARGS];
};

/* One filter: a form field, its label, and its condition. */
struct list_filter {
	struct field field;     /* name in the URL, validator, limits, msg */
	const char *label;      /* catalogue key of its label (in messages) */
	struct list_frag where; /* ANDed to WHERE when the filter is set */
	/* For a form_oneof field: one condition per choice instead of
	 * where (an entry with sql NULL, e.g. "all", adds nothing). */
	const struct list_frag *choice_where;
	const char *def;        /* the value when the parameter is absent */
};

enum list_sort_flags {
	LIST_SORT_NUM = 1 << 0,         /* a figure: the heading is class num */
	LIST_SORT_DESC_FIRST = 1 << 1,  /* a first click sorts descending */
	LIST_SORT_COMPUTED = 1 << 2,    /* an expression no index serves (say
	                                   why where it is declared) */
};

/* One sort key. */
struct list_sort {
	const char *name;       /* in the URL: sort=<name> */
	const char *label;      /* catalogue key of the column heading */
	const char *asc;        /* ORDER BY text, ending in a unique */
	const char *desc;       /* tie-breaker ("o.order_date DESC, o.id DESC") */
	unsigned flags;
};

/* A list, declared as a constant. */
struct list_def {
	const char *name;       /* for messages: "orders" */
	const char *path;       /* where its links point: "/sales/orders" */
	const char *select;     /* "SELECT o.id, ..." (the page's columns) */
	/* What the '?' of select are bound to, in order (LA_CTX* only):
	 * e.g. today, for an age computed for the rows of the page. */
	enum list_arg select_args[LIST_MAX_ARGS];
	const char *from;       /* " FROM orders o JOIN ..." (joins the
	                           filters and the columns use) */
	const char *where;      /* a condition always there, or NULL */
	/* The count: "SELECT <totals> FROM (SELECT <totals_cols> <from>
	 * WHERE ... LIMIT cap + 1) t"; the first column must be the count.
	 * NULL, NULL: "COUNT(*)" over "1". */
	const char *totals;
	const char *totals_cols;
	enum list_arg totals_args[LIST_MAX_ARGS]; /* of totals_cols, LA_CTX* */
	const struct list_filter *filters;
	size_t nfilters;
	const struct list_sort *sorts;
	size_t nsorts;
	size_t sort_default;    /* index into sorts */
	bool desc_default;
	int64_t per_page;
	int64_t cap;            /* the count stops here (0: 10,000) */
	bool no_headings;       /* no SORT_* headings (one fixed order) */
	/* The count alone first (SELECT COUNT(*) FROM (SELECT 1 ... LIMIT
	 * cap + 1) t: an index can serve it without reading the rows), and
	 * the totals only when the count is under the cap: past it
	 * l.totals holds the count alone, and the page shows no totals
	 * (they would be those of the first rows).  For lists whose totals
	 * read the rows and whose page says "—" when capped. */
	bool totals_uncapped_only;
	/* Keyset paging: the table (as named in from by keyset_alias) whose
	 * id is the first column of select.  The next page of a sort with
	 * keys is asked for as "after=<id of the last row>" and read as the
	 * rows past that row's keys, through the sort's index, instead of
	 * skipping OFFSET rows (a deep page cost what the pages before it
	 * held); the page number stays for the pager.  NULL: no keyset. */
	const char *keyset_table;
	const char *keyset_alias;
	/* The keys of each sort, in sorts' order ("order_date,id"): the
	 * columns of its ORDER BY, in order, as columns of keyset_table, all
	 * NOT NULL, all in the same direction, the last unique; NULL (or a
	 * NULL entry): that sort pages by OFFSET. */
	const char *const *sort_keys;
};

/* A list being run: list_init, list_where/list_ctx, list_run, list_done. */
struct list {
	const struct list_def *def;
	/* validated input: the filters, then sort, dir, page */
	struct field *fields;           /* owned copy (form refers to it) */
	const char **sort_names;        /* owned, NULL-terminated */
	struct form form;
	bool invalid;                   /* some field in error: no query */
	size_t sort;
	bool desc;
	int64_t page;                   /* clamped to the last page */
	int64_t after;                  /* keyset: rows past this id's, or 0 */
	int64_t pages;
	int64_t total;                  /* the count, at most cap + 1 */
	bool capped;                    /* more than cap rows */
	struct dbres *rows;             /* the page, in order (owned) */
	struct dbres *totals;           /* one row: count, then totals */
	/* run-time fragments and values */
	const char *wsql[LIST_MAX_WHERE];
	size_t wargs[LIST_MAX_WHERE];
	struct db_param wparams[LIST_MAX_WHERE_ARGS];
	size_t nwhere, nwparams;
	struct db_param ctx[LIST_MAX_CTX];
	char *scratch[LIST_MAX_FILTERS][3]; /* LIKE patterns, months (owned) */
	bool overflow;                  /* too many fragments or params */
};

/* Which statement list_sql() assembles. */
enum list_sql_kind {
	LIST_SQL_PAGE,          /* select from where order limit offset */
	LIST_SQL_COUNT,         /* the capped count and totals */
	LIST_SQL_BARE_COUNT,    /* the capped count alone, over "1" */
	LIST_SQL_WHERE,         /* " WHERE ..." alone (for list_query_with) */
};

/* Makes l ready for def (which must outlive l).  Does not allocate. */
void list_init(struct list *l, const struct list_def *def);

/* Frees what l holds (not l).  Accepts NULL. */
void list_done(struct list *l);

/* Adds a condition known at run time, such as the reader's scope: sql is
 * a fixed fragment (never built from values), params its n parameters,
 * copied (their texts must outlive the run).  Fragments and their
 * parameters come before the filters', in the order added.  Too many of
 * them makes list_run fail with TC_EINVAL (a programming error). */
void list_where(struct list *l, const char *sql,
    const struct db_param *params, size_t n);

/* How a list's rows name the person whose they are, for list_scope():
 * one condition for the reader's own rows (one '?': their people.id) and
 * one for their team's (three: their id, team and login).  A reader who
 * sees every row gets no condition at all: each kind has its own
 * statement text, never "(? = 2 OR ...)", which defeats the index and,
 * in a prepared statement run for several kinds, made MariaDB 10.11 read
 * a semi-join's rows more than once. */
struct list_scope {
	const char *own;
	const char *team;
};

/* The rows of people column col.  The team is the reader and the people
 * of their team attribute (when not empty) or whose manager they are:
 * one IN over people, so that MariaDB looks the team's rows up by col's
 * index ("col = ? OR col IN (...)" read the whole index). */
#define LIST_SCOPE_OWN_SQL(col) col " = ?"
#define LIST_SCOPE_TEAM_SQL(col) col " IN (SELECT sp.id FROM people sp" \
	" WHERE sp.id = ? OR (sp.team = ? AND sp.team <> '') OR" \
	" sp.manager_login = ?)"
#define LIST_SCOPE_PERSON(col) { LIST_SCOPE_OWN_SQL(col), \
	LIST_SCOPE_TEAM_SQL(col) }

/* Adds the condition of scope kind (SCOPE_NONE -1: no row, OWN 0, TEAM 1,
 * ALL 2: none) of the reader me, of team and login (texts that outlive
 * the run), as list_where does. */
void list_scope(struct list *l, const struct list_scope *sql, int kind,
    int64_t me, const char *team, const char *login);

/* Sets the value LA_CTX<k> binds to (k < LIST_MAX_CTX); a text must
 * outlive the run. */
void list_ctx(struct list *l, size_t k, struct db_param v);

/* Validates the filters, sort, dir and page of q (r->q).  Fills l->form
 * (entries in filter order, then sort, dir, page) and l->invalid.
 * Returns 0 (valid or not) or TC_ENOMEM. */
int list_validate(struct list *l, const struct req_fields *q);

/* Assembles the statement of kind for l's validated input into a new
 * string (free it).  NULL when out of memory.  Pure: no I/O. */
char *list_sql(const struct list *l, enum list_sql_kind kind);

/* The parameters of the statement of kind, in order, into p[0..max);
 * texts point into l (valid until list_done).  Returns their number, or
 * TC_ENOMEM / TC_ETOOBIG (more than max). */
int list_params(struct list *l, enum list_sql_kind kind,
    struct db_param *p, size_t max);

/* The link to page page of l with sort s and direction desc, keeping
 * every valid filter; defaults (first page, default sort and direction)
 * are left out.  A new string the caller frees, or NULL (out of memory). */
char *list_href(const struct list *l, size_t s, bool desc, int64_t page);

/* The filters of l alone, as a query string, appended to q. */
void list_filter_query(const struct list *l, struct qs *q);

/* Validates r->q, and when valid runs the capped count and one page
 * (clamping the page), then fills d as described above.  Returns 0 (the
 * page may be invalid: see list_status) or a tc_err (TC_EDB, TC_ENOMEM). */
int list_run(struct list *l, struct req *r, struct tdict *d);

/* The status to answer with: 400 when some filter is invalid, else 200. */
int list_status(const struct list *l);

/* The number of rows of the page (0 when nothing was queried). */
size_t list_rows(const struct list *l);

/* The typed value of filter k when it is set and valid, else NULL
 * (borrowed from l). */
const struct form_value *list_value(const struct list *l, size_t k);

/* Runs sql_head + the list's WHERE (its filters, run-time fragments) +
 * sql_tail, e.g. an aggregate of every matching row for a chart ("SELECT
 * ... FROM orders o" and " GROUP BY b"); the caller names the joins the
 * filters need.  head holds the nhead parameters of sql_head.  Only for
 * a valid list.  *out as db_query. */
int list_query_with(struct list *l, struct req *r, const char *sql_head,
    const struct db_param *head, size_t nhead, const char *sql_tail,
    struct dbres **out);

/* As list_query_with, handing each row to fn as it is read (db_each):
 * an export of every matching row.  Returns as db_each, or TC_EINVAL for
 * an invalid list. */
int list_each_with(struct list *l, struct req *r, const char *sql_head,
    const struct db_param *head, size_t nhead, const char *sql_tail,
    db_row_fn fn, void *ctx);

#endif
