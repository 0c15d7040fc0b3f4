/* list.c: validated filters, whitelisted sort, capped count and one page
 * in SQL, and the links, headings and pager of a list (see list.h). */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/money.h"
#include "core/formview.h"
#include "core/list.h"
#include "core/strbuf.h"

#define LIST_CAP_DEFAULT 10000
#define LIST_PAGE_MAX 1000000000

/* Entries of l->form after the filters. */
enum { X_SORT, X_DIR, X_PAGE, X_AFTER, X__MAX };

#define LIST_KEYS_MAX 4         /* columns of a sort's keys */

static const char *const dirs[] = { "asc", "desc", NULL };

/* Scratch texts of filter k: LIKE patterns and month starts. */
enum { S_CONTAINS, S_PREFIX, S_MONTH, S__MAX };

void
list_init(struct list *l, const struct list_def *def)
{
	memset(l, 0, sizeof(*l));
	l->def = def;
	l->page = l->pages = 1;
}

void
list_done(struct list *l)
{
	if (l == NULL)
		return;
	form_free(&l->form);
	free(l->fields);
	free(l->sort_names);
	for (size_t i = 0; i < LIST_MAX_FILTERS; i++)
		for (size_t x = 0; x < S__MAX; x++)
			free(l->scratch[i][x]);
	dbres_free(l->rows);
	dbres_free(l->totals);
	l->fields = NULL;
	l->sort_names = NULL;
	l->rows = l->totals = NULL;
	memset(l->scratch, 0, sizeof(l->scratch));
}

void
list_where(struct list *l, const char *sql, const struct db_param *params,
    size_t n)
{
	if (l->nwhere == LIST_MAX_WHERE ||
	    l->nwparams + n > LIST_MAX_WHERE_ARGS) {
		l->overflow = true;
		return;
	}
	l->wsql[l->nwhere] = sql;
	l->wargs[l->nwhere++] = n;
	for (size_t i = 0; i < n; i++)
		l->wparams[l->nwparams++] = params[i];
}

void
list_scope(struct list *l, const struct list_scope *sql, int kind,
    int64_t me, const char *team, const char *login)
{
	switch (kind) {
	case 2:
		break;
	case 1:
		list_where(l, sql->team, DB_ARGS(P_INT(me), P_TEXT(team),
		    P_TEXT(login)));
		break;
	case 0:
		list_where(l, sql->own, DB_ARGS(P_INT(me)));
		break;
	default:
		list_where(l, "1 = 0", DB_NOARGS);
		break;
	}
}

void
list_ctx(struct list *l, size_t k, struct db_param v)
{
	if (k >= LIST_MAX_CTX) {
		l->overflow = true;
		return;
	}
	l->ctx[k] = v;
}

static int64_t
list_cap(const struct list_def *def)
{
	return def->cap > 0 ? def->cap : LIST_CAP_DEFAULT;
}

/* The direction sort s takes when the URL names no direction. */
static bool
natural_desc(const struct list_def *def, size_t s)
{
	if (s == def->sort_default)
		return def->desc_default;
	return (def->sorts[s].flags & LIST_SORT_DESC_FIRST) != 0;
}

/* --- validation ------------------------------------------------------ */

/* The catalogue key of what is wrong with a value, when the field names
 * no message of its own. */
static const char *
reason_key(int err)
{
	switch (err) {
	case TC_EREQUIRED: return "list_err_required";
	case TC_ETOO_SHORT: return "list_err_too_short";
	case TC_ETOO_LONG: return "list_err_too_long";
	case TC_ERANGE: return "list_err_range";
	case TC_ECONTROL: return "list_err_control";
	}
	return "list_err_invalid";
}

int
list_validate(struct list *l, const struct req_fields *q)
{
	const struct list_def *def = l->def;
	size_t nf = def->nfilters, n = nf + X__MAX;
	const struct form_entry *e;

	if (nf > LIST_MAX_FILTERS || def->nsorts == 0 ||
	    def->nsorts > LIST_MAX_SORTS || def->sort_default >= def->nsorts) {
		l->overflow = true;
		return 0;
	}
	if ((l->fields = calloc(n, sizeof(*l->fields))) == NULL ||
	    (l->sort_names = calloc(def->nsorts + 1,
	    sizeof(*l->sort_names))) == NULL ||
	    (l->form.e = calloc(n, sizeof(*l->form.e))) == NULL)
		return TC_ENOMEM;
	for (size_t k = 0; k < nf; k++)
		l->fields[k] = def->filters[k].field;
	for (size_t s = 0; s < def->nsorts; s++)
		l->sort_names[s] = def->sorts[s].name;
	l->fields[nf + X_SORT] = (struct field){ "sort", form_oneof, 0, 0, 0,
	    NULL, l->sort_names };
	l->fields[nf + X_DIR] = (struct field){ "dir", form_oneof, 0, 0, 0,
	    NULL, dirs };
	l->fields[nf + X_PAGE] = (struct field){ "page", form_int64, 0, 1,
	    LIST_PAGE_MAX, NULL, NULL };
	l->fields[nf + X_AFTER] = (struct field){ "after", form_int64, 0, 1,
	    INT64_MAX, NULL, NULL };
	l->form.fields = l->fields;
	l->form.n = n;
	for (size_t k = 0; k < n; k++) {
		struct form_entry *x = &l->form.e[k];
		const char *raw = q != NULL ? req_get(q, l->fields[k].name) :
		    NULL;
		int rc;

		if (raw == NULL && k < nf)
			raw = def->filters[k].def;
		if ((x->raw = strdup(raw != NULL ? raw : "")) == NULL)
			return TC_ENOMEM;
		rc = form_check(&l->fields[k], raw, &x->buf, &x->v);
		if (rc == TC_ENOMEM)
			return rc;
		x->present = x->buf[0] != '\0';
		if (rc != 0) {
			x->err = rc;
			x->msg = l->fields[k].msg != NULL ? l->fields[k].msg :
			    reason_key(rc);
			x->v.s = NULL;
			x->v.i = 0;
			l->form.nerr++;
		}
	}
	l->invalid = l->form.nerr > 0;
	e = &l->form.e[nf + X_SORT];
	l->sort = e->present && !e->err ? (size_t)e->v.i : def->sort_default;
	e = &l->form.e[nf + X_DIR];
	l->desc = e->present && !e->err ? e->v.i == 1 :
	    natural_desc(def, l->sort);
	l->page = form_int(&l->form, nf + X_PAGE, 1);
	l->after = form_int(&l->form, nf + X_AFTER, 0);
	return 0;
}

const struct form_value *
list_value(const struct list *l, size_t k)
{
	const struct form_entry *e;

	if (l->form.e == NULL || k >= l->def->nfilters)
		return NULL;
	e = &l->form.e[k];
	return e->present && !e->err ? &e->v : NULL;
}

/* The condition filter k adds, or NULL when it adds none. */
static const struct list_frag *
filter_frag(const struct list *l, size_t k)
{
	const struct list_filter *f = &l->def->filters[k];
	const struct form_value *v = list_value(l, k);
	const struct list_frag *w;

	if (v == NULL)
		return NULL;
	if (f->choice_where != NULL)
		w = &f->choice_where[v->i];
	else
		w = &f->where;
	return w->sql != NULL ? w : NULL;
}

/* --- assembling the statement ----------------------------------------- */

/* The keys of l's sort, or NULL. */
static const char *
sort_keys(const struct list *l)
{
	return l->def->sort_keys != NULL ? l->def->sort_keys[l->sort] : NULL;
}

/* Whether the page is read past l->after's keys. */
static bool
keyset_on(const struct list *l)
{
	return l->after > 0 && l->def->keyset_table != NULL &&
	    l->def->keyset_alias != NULL && sort_keys(l) != NULL;
}

/* The columns of keys ("a,b,c") into k[] (each of at most 63 bytes);
 * returns their number (0 when malformed). */
static size_t
keyset_split(const char *keys, char k[LIST_KEYS_MAX][64])
{
	size_t n = 0;

	while (*keys != '\0' && n < LIST_KEYS_MAX) {
		size_t len = strcspn(keys, ",");

		if (len == 0 || len >= 64)
			return 0;
		memcpy(k[n], keys, len);
		k[n++][len] = '\0';
		keys += len;
		if (*keys == ',')
			keys++;
	}
	return *keys == '\0' ? n : 0;
}

/* Appends the condition of the rows past row ? in the sort's order:
 * "(a.k1 < K1 OR (a.k1 = K1 AND (a.k2 < K2 ...)))", each Ki the row's
 * own value, "(SELECT kx.ki FROM table kx WHERE kx.id = ?)", a constant
 * MariaDB reads once by the primary key, so the range is the index's. */
static void
sb_keyset(struct strbuf *b, const struct list *l)
{
	const struct list_def *def = l->def;
	char k[LIST_KEYS_MAX][64];
	size_t n = keyset_split(sort_keys(l), k);
	const char *cmp = l->desc ? " < " : " > ";

	if (n == 0) {
		strbuf_add(b, "1 = 0");
		return;
	}
	for (size_t i = 0; i < n; i++) {
		for (int twice = 0; twice < (i + 1 < n ? 2 : 1); twice++) {
			if (twice == 0)
				strbuf_add(b, "(");
			strbuf_add(b, def->keyset_alias);
			strbuf_add(b, ".");
			strbuf_add(b, k[i]);
			strbuf_add(b, twice == 0 ? cmp : " = ");
			strbuf_add(b, "(SELECT kx.");
			strbuf_add(b, k[i]);
			strbuf_add(b, " FROM ");
			strbuf_add(b, def->keyset_table);
			strbuf_add(b, " kx WHERE kx.id = ?)");
			strbuf_add(b, twice == 0 ? (i + 1 < n ? " OR (" : "") :
			    " AND ");
		}
	}
	for (size_t i = 0; i < n; i++)
		strbuf_add(b, i + 1 < n ? "))" : ")");
}

/* The number of '?' of sb_keyset's condition. */
static size_t
keyset_params(const struct list *l)
{
	char k[LIST_KEYS_MAX][64];
	size_t n = keyset_split(sort_keys(l), k);

	return n > 0 ? 2 * n - 1 : 0;
}

/* Appends " WHERE (a) AND (b) ..." of every condition in use (with the
 * keyset's, for a page read past a row). */
static void
sb_where(struct strbuf *b, const struct list *l, bool keyset)
{
	bool first = true;

#define COND(sql) do { strbuf_add(b, first ? " WHERE (" : " AND ("); \
	strbuf_add(b, (sql)); strbuf_add(b, ")"); first = false; } while (0)
	if (l->def->where != NULL)
		COND(l->def->where);
	for (size_t i = 0; i < l->nwhere; i++)
		COND(l->wsql[i]);
	for (size_t k = 0; k < l->def->nfilters; k++) {
		const struct list_frag *w = filter_frag(l, k);

		if (w != NULL)
			COND(w->sql);
	}
	if (keyset) {
		strbuf_add(b, first ? " WHERE (" : " AND (");
		sb_keyset(b, l);
		strbuf_add(b, ")");
	}
#undef COND
}

char *
list_sql(const struct list *l, enum list_sql_kind kind)
{
	const struct list_def *def = l->def;
	const struct list_sort *s = &def->sorts[l->sort];
	struct strbuf b = STRBUF_INIT;

	switch (kind) {
	case LIST_SQL_PAGE:
		strbuf_add(&b, def->select);
		strbuf_add(&b, def->from);
		sb_where(&b, l, keyset_on(l));
		strbuf_add(&b, " ORDER BY ");
		strbuf_add(&b, l->desc ? s->desc : s->asc);
		strbuf_add(&b, " LIMIT ? OFFSET ?");
		break;
	case LIST_SQL_COUNT:
		strbuf_add(&b, "SELECT ");
		strbuf_add(&b, def->totals != NULL ? def->totals : "COUNT(*)");
		strbuf_add(&b, " FROM (SELECT ");
		strbuf_add(&b, def->totals_cols != NULL ?
		    def->totals_cols : "1");
		strbuf_add(&b, def->from);
		sb_where(&b, l, false);
		strbuf_add(&b, " LIMIT ?) t");
		break;
	case LIST_SQL_BARE_COUNT:
		strbuf_add(&b, "SELECT COUNT(*) FROM (SELECT 1");
		strbuf_add(&b, def->from);
		sb_where(&b, l, false);
		strbuf_add(&b, " LIMIT ?) t");
		break;
	case LIST_SQL_WHERE:
		strbuf_add(&b, "");
		sb_where(&b, l, false);
		break;
	}
	return strbuf_take(&b);
}

/* "%text%" or "text%" with the LIKE metacharacters escaped. */
static char *
like_pattern(const char *s, bool contains)
{
	size_t n = strlen(s), o = 0;
	char *p = malloc(2 * n + 3);

	if (p == NULL)
		return NULL;
	if (contains)
		p[o++] = '%';
	for (; *s != '\0'; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			p[o++] = '\\';
		p[o++] = *s;
	}
	p[o++] = '%';
	p[o] = '\0';
	return p;
}

/* The scratch text of kind x for filter k, made once. */
static const char *
scratch_text(struct list *l, size_t k, int x, const struct form_value *v)
{
	char **slot = &l->scratch[k][x];
	char *t;

	if (*slot != NULL)
		return *slot;
	switch (x) {
	case S_CONTAINS:
	case S_PREFIX:
		t = like_pattern(v->s, x == S_CONTAINS);
		break;
	default:
		if ((t = malloc(16)) != NULL)
			snprintf(t, 16, "%04" PRId64 "-%02" PRId64 "-01",
			    v->i / 100 % 10000, v->i % 100);
		break;
	}
	*slot = t;
	return t;
}

int
list_params(struct list *l, enum list_sql_kind kind, struct db_param *p,
    size_t max)
{
	const enum list_arg *head = kind == LIST_SQL_PAGE ?
	    l->def->select_args : kind == LIST_SQL_COUNT ?
	    l->def->totals_args : NULL;
	size_t n = 0;

#define PUT(v) do { if (n == max) return TC_ETOOBIG; p[n++] = (v); } while (0)
	for (size_t a = 0; head != NULL && a < LIST_MAX_ARGS &&
	    head[a] != LA_END; a++) {
		if (head[a] < LA_CTX0)
			return TC_EINVAL;       /* no filter value there */
		PUT(l->ctx[head[a] - LA_CTX0]);
	}
	for (size_t i = 0; i < l->nwparams; i++)
		PUT(l->wparams[i]);
	for (size_t k = 0; k < l->def->nfilters; k++) {
		const struct list_frag *w = filter_frag(l, k);
		const struct form_value *v = list_value(l, k);

		if (w == NULL)
			continue;
		for (size_t a = 0; a < LIST_MAX_ARGS && w->args[a] != LA_END;
		    a++) {
			const char *t;

			switch (w->args[a]) {
			case LA_TEXT:
				PUT(P_TEXT(v->s));
				break;
			case LA_INT:
				PUT(P_INT(v->i));
				break;
			case LA_CONTAINS:
			case LA_PREFIX:
			case LA_MONTH_FIRST:
				if ((t = scratch_text(l, k, w->args[a] ==
				    LA_CONTAINS ? S_CONTAINS : w->args[a] ==
				    LA_PREFIX ? S_PREFIX : S_MONTH, v)) == NULL)
					return TC_ENOMEM;
				PUT(P_TEXT(t));
				break;
			case LA_CTX0:
			case LA_CTX1:
			case LA_CTX2:
			case LA_CTX3:
				PUT(l->ctx[w->args[a] - LA_CTX0]);
				break;
			case LA_END:
				break;
			}
		}
	}
	switch (kind) {
	case LIST_SQL_PAGE:
		if (keyset_on(l))
			for (size_t i = keyset_params(l); i > 0; i--)
				PUT(P_INT(l->after));
		PUT(P_INT(l->def->per_page));
		PUT(P_INT(keyset_on(l) ? 0 : (l->page - 1) * l->def->per_page));
		break;
	case LIST_SQL_COUNT:
	case LIST_SQL_BARE_COUNT:
		PUT(P_INT(list_cap(l->def) + 1));
		break;
	case LIST_SQL_WHERE:
		break;
	}
#undef PUT
	return (int)n;
}

/* --- links ------------------------------------------------------------ */

void
list_filter_query(const struct list *l, struct qs *q)
{
	for (size_t k = 0; k < l->def->nfilters; k++)
		if (list_value(l, k) != NULL)
			qs_add(q, l->def->filters[k].field.name,
			    l->form.e[k].buf);
}

/* list_href, with "after=<id>" when after is not 0. */
static char *
href_after(const struct list *l, size_t s, bool desc, int64_t page,
    int64_t after)
{
	const struct list_def *def = l->def;
	bool natural = desc == natural_desc(def, s);
	struct qs q;
	char *href;

	qs_init(&q);
	list_filter_query(l, &q);
	if (s != def->sort_default || !natural)
		qs_add(&q, "sort", def->sorts[s].name);
	if (!natural)
		qs_add(&q, "dir", desc ? "desc" : "asc");
	if (page > 1)
		qs_add_int(&q, "page", page);
	if (after > 0)
		qs_add_int(&q, "after", after);
	href = qs_href(&q, def->path);
	qs_free(&q);
	return href;
}

char *
list_href(const struct list *l, size_t s, bool desc, int64_t page)
{
	return href_after(l, s, desc, page, 0);
}

/* The id of the last row of the page when the next page can be read
 * past it (a keyset sort and a full page), else 0. */
static int64_t
next_after(const struct list *l)
{
	size_t n = list_rows(l);

	if (l->def->keyset_table == NULL || sort_keys(l) == NULL ||
	    n < (size_t)l->def->per_page)
		return 0;
	return dbres_int(l->rows, n - 1, 0);
}

/* --- running and filling ---------------------------------------------- */

static int
run_query(struct list *l, struct req *r, enum list_sql_kind kind,
    struct dbres **out)
{
	struct db_param p[LIST_MAX_ARGS + LIST_MAX_WHERE_ARGS +
	    LIST_MAX_FILTERS * LIST_MAX_ARGS + 2];
	char *sql;
	int n, rc;

	*out = NULL;
	if ((n = list_params(l, kind, p, sizeof(p) / sizeof(p[0]))) < 0)
		return n;
	if ((sql = list_sql(l, kind)) == NULL)
		return TC_ENOMEM;
	rc = db_query_text(r->app->db, l->def->name, sql, p, (size_t)n, out);
	free(sql);
	return rc;
}

/* sql_head + the list's WHERE + sql_tail into *sql (free it), and the
 * nhead parameters of sql_head then the list's into p[0..max)
 * (list_query_with, list_each_with).  Returns their number or a tc_err. */
static int
with_sql(struct list *l, const char *sql_head, const struct db_param *head,
    size_t nhead, const char *sql_tail, struct db_param *p, size_t max,
    char **sql)
{
	struct strbuf b = STRBUF_INIT;
	int n;

	*sql = NULL;
	if (l->invalid || l->overflow || nhead > LIST_MAX_ARGS || nhead > max)
		return TC_EINVAL;
	for (size_t i = 0; i < nhead; i++)
		p[i] = head[i];
	if ((n = list_params(l, LIST_SQL_WHERE, p + nhead, max - nhead)) < 0)
		return n;
	n += (int)nhead;
	strbuf_add(&b, sql_head);
	sb_where(&b, l, false);
	strbuf_add(&b, sql_tail);
	if ((*sql = strbuf_take(&b)) == NULL)
		return TC_ENOMEM;
	return n;
}

int
list_query_with(struct list *l, struct req *r, const char *sql_head,
    const struct db_param *head, size_t nhead, const char *sql_tail,
    struct dbres **out)
{
	struct db_param p[LIST_MAX_ARGS + LIST_MAX_WHERE_ARGS +
	    LIST_MAX_FILTERS * LIST_MAX_ARGS];
	char *sql;
	int n, rc;

	*out = NULL;
	if ((n = with_sql(l, sql_head, head, nhead, sql_tail, p,
	    sizeof(p) / sizeof(p[0]), &sql)) < 0)
		return n;
	rc = db_query_text(r->app->db, l->def->name, sql, p, (size_t)n, out);
	free(sql);
	return rc;
}

int
list_each_with(struct list *l, struct req *r, const char *sql_head,
    const struct db_param *head, size_t nhead, const char *sql_tail,
    db_row_fn fn, void *ctx)
{
	struct db_param p[LIST_MAX_ARGS + LIST_MAX_WHERE_ARGS +
	    LIST_MAX_FILTERS * LIST_MAX_ARGS];
	char *sql;
	int n, rc;

	if ((n = with_sql(l, sql_head, head, nhead, sql_tail, p,
	    sizeof(p) / sizeof(p[0]), &sql)) < 0)
		return n;
	rc = db_each_text(r->app->db, l->def->name, sql, p, (size_t)n, fn,
	    ctx);
	free(sql);
	return rc;
}

/* prefix + upper-case name, into buf. */
static void
section_name(char *buf, size_t len, const char *prefix, const char *name)
{
	size_t o = (size_t)snprintf(buf, len, "%s", prefix);

	for (; *name != '\0' && o + 1 < len; name++, o++)
		buf[o] = (char)(*name >= 'a' && *name <= 'z' ? *name - 32 :
		    *name);
	buf[o < len ? o : len - 1] = '\0';
}

/* The filter form as core/formview shows every form: values as typed,
 * a message by each refused one, the summary naming them. */
static int
fill_filters(struct list *l, struct req *r, struct tdict *d)
{
	const char *labels[LIST_MAX_FILTERS + X__MAX];
	size_t nf = l->def->nfilters;
	struct form_errors fe;

	for (size_t k = 0; k < nf; k++)
		labels[k] = l->def->filters[k].label;
	labels[nf + X_SORT] = "list_sort";
	labels[nf + X_DIR] = "list_dir";
	labels[nf + X_PAGE] = "list_page";
	labels[nf + X_AFTER] = "list_page";
	form_errors_init(&fe, d, r->cat);
	return form_show(&fe, d, &l->form, labels, NULL);
}

static int
fill_headings(struct list *l, struct req *r, struct tdict *d)
{
	if (l->def->no_headings)
		return 0;
	for (size_t s = 0; s < l->def->nsorts; s++) {
		const struct list_sort *k = &l->def->sorts[s];
		bool cur = s == l->sort;
		char name[64], *href;
		struct tdict *h;

		section_name(name, sizeof(name), "SORT_", k->name);
		h = tdict_include(d, name, "core/list-sort.tpl");
		if ((href = list_href(l, s, cur ? !l->desc :
		    natural_desc(l->def, s), 1)) == NULL)
			return TC_ENOMEM;
		tdict_set(h, "href", href);
		free(href);
		tdict_set(h, "label", tr(r, k->label));
		if (k->flags & LIST_SORT_NUM)
			tdict_show_section(h, "NUM");
		if (cur)
			tdict_set(tdict_add_section(h, "CURRENT"), "aria_sort",
			    l->desc ? "descending" : "ascending");
	}
	return 0;
}

/* The count as people read it: "1,234", or "10,000+" past the cap. */
static void
count_text(char *buf, size_t len, int64_t n, bool capped)
{
	char m[TC_MONEY_SIZE];

	tc_money_str(m, n * 100, true);
	m[strlen(m) - 3] = '\0';        /* no ".00": a count, not money */
	snprintf(buf, len, "%s%s", m, capped ? "+" : "");
}

static int
fill_pager(struct list *l, struct tdict *d)
{
	int64_t shown = l->capped ? list_cap(l->def) : l->total;
	int64_t per = l->def->per_page, p = l->page, last = 0;
	struct tdict *pg;
	char *href;

	tdict_set_int(d, "list_page", p);
	tdict_set_int(d, "list_pages", l->pages);
	tdict_set_int(d, "list_from", shown > 0 ? (p - 1) * per + 1 : 0);
	tdict_set_int(d, "list_to", p * per < shown ? p * per : shown);
	if (l->pages <= 1)
		return 0;
	pg = tdict_include(d, "PAGER", "core/list-pager.tpl");
	tdict_set_int(pg, "from", (p - 1) * per + 1);
	tdict_set_int(pg, "to", p * per < shown ? p * per : shown);
	{
		char t[40];

		count_text(t, sizeof(t), shown, l->capped);
		tdict_set(pg, "total", t);
	}
	for (int64_t n = 1; n <= l->pages; n++) {
		struct tdict *it;

		if (n != 1 && n != l->pages && (n < p - 2 || n > p + 2))
			continue;
		if (n > last + 1)
			tdict_show_section(tdict_add_section(pg, "ITEM"),
			    "GAP");
		last = n;
		it = tdict_add_section(pg, "ITEM");
		if (n == p) {
			tdict_set_int(tdict_add_section(it, "CURRENT"), "n", n);
			continue;
		}
		if ((href = href_after(l, l->sort, l->desc, n, n == p + 1 ?
		    next_after(l) : 0)) == NULL)
			return TC_ENOMEM;
		it = tdict_add_section(it, "LINK");
		tdict_set(it, "href", href);
		tdict_set_int(it, "n", n);
		if (n == p - 1)
			tdict_set(tdict_add_section(pg, "PREV"), "href", href);
		if (n == p + 1)
			tdict_set(tdict_add_section(pg, "NEXT"), "href", href);
		free(href);
	}
	return 0;
}

/* Whether some filter or the sort differs from its default. */
static bool
filtered(const struct list *l)
{
	const struct list_def *def = l->def;

	if (l->sort != def->sort_default || l->desc != def->desc_default)
		return true;
	for (size_t k = 0; k < def->nfilters; k++) {
		const char *dv = def->filters[k].def;

		if (l->form.e[k].err != 0 || (l->form.e[k].present &&
		    (dv == NULL || strcmp(dv, l->form.e[k].buf) != 0)))
			return true;
	}
	return false;
}

int
list_run(struct list *l, struct req *r, struct tdict *d)
{
	int rc;

	if ((rc = list_validate(l, &r->q)) != 0)
		return rc;
	if (l->overflow)
		return TC_EINVAL;
	if (!l->invalid) {
		int64_t cap = list_cap(l->def), shown;

		bool bare = l->def->totals_uncapped_only &&
		    l->def->totals != NULL;

		if ((rc = run_query(l, r, bare ? LIST_SQL_BARE_COUNT :
		    LIST_SQL_COUNT, &l->totals)) != 0)
			return rc;
		l->total = dbres_int(l->totals, 0, 0);
		l->capped = l->total > cap;
		if (bare && !l->capped && l->total > 0) {
			dbres_free(l->totals);
			l->totals = NULL;
			if ((rc = run_query(l, r, LIST_SQL_COUNT,
			    &l->totals)) != 0)
				return rc;
		}
		shown = l->capped ? cap : l->total;
		l->pages = shown > 0 ? (shown + l->def->per_page - 1) /
		    l->def->per_page : 1;
		if (l->page > l->pages)
			l->page = l->pages;
		if (l->total > 0 &&
		    (rc = run_query(l, r, LIST_SQL_PAGE, &l->rows)) != 0)
			return rc;
		if (l->total > 0 && list_rows(l) == 0 && keyset_on(l)) {
			/* the row is gone (or past the end): by OFFSET */
			dbres_free(l->rows);
			l->rows = NULL;
			l->after = 0;
			if ((rc = run_query(l, r, LIST_SQL_PAGE, &l->rows)) != 0)
				return rc;
		}
	}
	if ((rc = fill_filters(l, r, d)) != 0 ||
	    (rc = fill_headings(l, r, d)) != 0)
		return rc;
	if (l->invalid) {
		tdict_show_section(d, "LIST_INVALID");
		tdict_show_section(d, "LIST_FILTERED");
		return 0;
	}
	{
		char t[40];
		struct qs q;

		count_text(t, sizeof(t), l->capped ? list_cap(l->def) :
		    l->total, l->capped);
		tdict_set(d, "list_total", t);
		qs_init(&q);
		list_filter_query(l, &q);
		if (qs_str(&q) == NULL) {
			qs_free(&q);
			return TC_ENOMEM;
		}
		tdict_set(d, "list_query", qs_str(&q));
		qs_free(&q);
	}
	if ((rc = fill_pager(l, d)) != 0)
		return rc;
	tdict_show_section(d, list_rows(l) > 0 ? "LIST_ROWS" : "LIST_EMPTY");
	if (l->capped)
		tdict_show_section(d, "LIST_CAPPED");
	if (filtered(l))
		tdict_show_section(d, "LIST_FILTERED");
	return 0;
}

int
list_status(const struct list *l)
{
	return l->invalid ? 400 : 200;
}

size_t
list_rows(const struct list *l)
{
	return l->rows != NULL ? dbres_rows(l->rows) : 0;
}
