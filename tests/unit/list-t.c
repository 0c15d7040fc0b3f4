/* list-t: the query-string builder, and how a list assembles its SQL and
 * parameters from the filters in use (core/qs, core/list), without a
 * server. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/list.h"
#include "core/qs.h"

/* --- query strings --- */

START_TEST(qs_encodes_values_and_skips_empty_ones)
{
	struct qs q;
	char *h;

	qs_init(&q);
	ck_assert_str_eq(qs_str(&q), "");
	qs_add(&q, "q", "上海 & co=1+2%");
	qs_add(&q, "empty", "");
	qs_add(&q, "none", NULL);
	qs_add(&q, "safe", "a-Z_0.9~");
	qs_add_int(&q, "page", -12);
	ck_assert_str_eq(qs_str(&q), "q=%E4%B8%8A%E6%B5%B7%20%26%20co%3D1%2B2%25"
	    "&safe=a-Z_0.9~&page=-12");
	h = qs_href(&q, "/sales/customers");
	ck_assert_str_eq(h, "/sales/customers?q=%E4%B8%8A%E6%B5%B7%20%26%20co"
	    "%3D1%2B2%25&safe=a-Z_0.9~&page=-12");
	free(h);
	qs_free(&q);
}
END_TEST

START_TEST(qs_href_without_pairs_is_the_path)
{
	struct qs q, r;
	char *h;

	qs_init(&q);
	h = qs_href(&q, "/admin/");
	ck_assert_str_eq(h, "/admin/");
	free(h);
	qs_init(&r);
	qs_add(&r, "a", "1");
	qs_append(&q, &r);
	qs_append(&q, &r);
	ck_assert_str_eq(qs_str(&q), "a=1&a=1");
	qs_free(&q);
	qs_free(&r);
}
END_TEST

START_TEST(qs_encode_reports_the_length_it_needs)
{
	char small[4];

	ck_assert_uint_eq(qs_encode(small, sizeof(small), "<é>"), 12);
	ck_assert_str_eq(small, "%3C");
	ck_assert_uint_eq(qs_encode(NULL, 0, "abc"), 3);
}
END_TEST

START_TEST(qs_grows_past_its_first_buffer)
{
	struct qs q;
	char v[300];

	memset(v, 'x', sizeof(v) - 1);
	v[sizeof(v) - 1] = '\0';
	qs_init(&q);
	for (int i = 0; i < 20; i++)
		qs_add(&q, "v", v);
	ck_assert_uint_eq(strlen(qs_str(&q)), 20 * (2 + 299) + 19);
	qs_free(&q);
}
END_TEST

/* --- a list declared for the tests --- */

enum { TF_FROM, TF_Q, TF_KIND, TF_MONTH, TF_OWNER, TF_STATE, TF__MAX };

static const char *const kinds[] = { "in", "refund", NULL };
static const char *const states[] = { "open", "all", NULL };

static const struct list_frag state_where[] = {
	{ "t.open", { LA_END } },
	{ NULL, { LA_END } },
};

static const struct list_frag kind_where[] = {
	{ "t.amount > 0", { LA_END } },
	{ "t.amount < 0", { LA_END } },
};

static const struct list_filter filters[TF__MAX] = {
	[TF_FROM] = { .field = { "from", form_date, 0, 0, 0, NULL, NULL },
	    .label = "sales_from",
	    .where = { "t.day >= ?", { LA_TEXT } } },
	[TF_Q] = { .field = { "q", form_text, 0, 1, 50, NULL, NULL },
	    .label = "common_search",
	    .where = { "t.name LIKE ? OR t.code LIKE ?",
	    { LA_CONTAINS, LA_PREFIX } } },
	[TF_KIND] = { .field = { "kind", form_oneof, 0, 0, 0, NULL, kinds },
	    .label = "coll_kind", .choice_where = kind_where },
	[TF_MONTH] = { .field = { "month", form_month, 0, 0, 0, NULL, NULL },
	    .label = "pipe_close_month",
	    .where = { "t.day >= ? AND t.day < ? + INTERVAL 1 MONTH",
	    { LA_MONTH_FIRST, LA_MONTH_FIRST } } },
	[TF_OWNER] = { .field = { "owner", form_int64, 0, 1, 1000, NULL, NULL },
	    .label = "sales_owner",
	    .where = { "t.owner = ? AND t.day < ?", { LA_INT, LA_CTX1 } } },
	[TF_STATE] = { .field = { "state", form_oneof, 0, 0, 0, NULL, states },
	    .label = "coll_state", .choice_where = state_where,
	    .def = "open" },
};

static const struct list_sort sorts[] = {
	{ "day", "sales_date", "t.day, t.id", "t.day DESC, t.id DESC",
	    LIST_SORT_DESC_FIRST },
	{ "name", "sales_name", "t.name, t.id", "t.name DESC, t.id DESC", 0 },
	{ "amount", "sales_amount", "t.amount, t.id",
	    "t.amount DESC, t.id DESC", LIST_SORT_NUM | LIST_SORT_DESC_FIRST },
};

static const struct list_def def = {
	.name = "test", .path = "/t",
	.select = "SELECT t.id, t.name", .from = " FROM things t",
	.where = "t.deleted = 0",
	.totals = "COUNT(*), SUM(x.amount)", .totals_cols = "t.amount",
	.filters = filters, .nfilters = TF__MAX,
	.sorts = sorts, .nsorts = sizeof(sorts) / sizeof(sorts[0]),
	.sort_default = 1, .desc_default = false,
	.per_page = 50, .cap = 1000,
	.keyset_table = "things", .keyset_alias = "t",
	.sort_keys = (const char *const[]){ "day,id", NULL, NULL },
};

/* Validates query qs for def into l (list_done it). */
static void
validate(struct list *l, const char *qs)
{
	struct req_fields f;

	req_fields_init(&f);
	ck_assert_int_eq(req_parse_query(&f, qs, strlen(qs),
	    &req_limits_default), 0);
	list_init(l, &def);
	ck_assert_int_eq(list_validate(l, &f), 0);
	req_fields_free(&f);
}

static void
assert_sql(struct list *l, enum list_sql_kind kind, const char *want)
{
	char *sql = list_sql(l, kind);

	ck_assert_ptr_nonnull(sql);
	ck_assert_str_eq(sql, want);
	free(sql);
}

START_TEST(unset_filters_add_no_sql)
{
	struct list l;
	struct db_param p[16];
	int n;

	/* state defaults to open; its condition is there */
	validate(&l, "");
	ck_assert(!l.invalid);
	assert_sql(&l, LIST_SQL_PAGE, "SELECT t.id, t.name FROM things t"
	    " WHERE (t.deleted = 0) AND (t.open)"
	    " ORDER BY t.name, t.id LIMIT ? OFFSET ?");
	n = list_params(&l, LIST_SQL_PAGE, p, 16);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(p[0].type, DBT_INT);
	ck_assert_int_eq(p[0].i, 50);
	ck_assert_int_eq(p[1].i, 0);
	list_done(&l);

	/* "all" is a choice without a condition */
	validate(&l, "state=all&kind=&q=");
	assert_sql(&l, LIST_SQL_PAGE, "SELECT t.id, t.name FROM things t"
	    " WHERE (t.deleted = 0) ORDER BY t.name, t.id LIMIT ? OFFSET ?");
	list_done(&l);
}
END_TEST

START_TEST(set_filters_add_their_fragments_in_declared_order)
{
	struct list l;
	struct db_param p[16];
	int n;

	validate(&l, "kind=refund&month=2026-02&from=2026-01-31&q=50%25_a%5Cb"
	    "&owner=7&state=all");
	ck_assert(!l.invalid);
	list_ctx(&l, 1, P_TEXT("2026-03-15"));
	list_where(&l, "t.scope = ?", DB_ARGS(P_INT(42)));
	assert_sql(&l, LIST_SQL_PAGE, "SELECT t.id, t.name FROM things t"
	    " WHERE (t.deleted = 0) AND (t.scope = ?) AND (t.day >= ?)"
	    " AND (t.name LIKE ? OR t.code LIKE ?) AND (t.amount < 0)"
	    " AND (t.day >= ? AND t.day < ? + INTERVAL 1 MONTH)"
	    " AND (t.owner = ? AND t.day < ?)"
	    " ORDER BY t.name, t.id LIMIT ? OFFSET ?");
	n = list_params(&l, LIST_SQL_PAGE, p, 16);
	ck_assert_int_eq(n, 10);
	ck_assert_int_eq(p[0].i, 42);
	ck_assert_str_eq(p[1].s, "2026-01-31");
	ck_assert_str_eq(p[2].s, "%50\\%\\_a\\\\b%");
	ck_assert_str_eq(p[3].s, "50\\%\\_a\\\\b%");
	ck_assert_str_eq(p[4].s, "2026-02-01");
	ck_assert_str_eq(p[5].s, "2026-02-01");
	ck_assert_int_eq(p[6].type, DBT_INT);
	ck_assert_int_eq(p[6].i, 7);
	ck_assert_str_eq(p[7].s, "2026-03-15");
	ck_assert_int_eq(p[8].i, 50);
	ck_assert_int_eq(p[9].i, 0);
	/* the count: the same conditions, a cap, its totals */
	assert_sql(&l, LIST_SQL_COUNT, "SELECT COUNT(*), SUM(x.amount) FROM"
	    " (SELECT t.amount FROM things t WHERE (t.deleted = 0)"
	    " AND (t.scope = ?) AND (t.day >= ?)"
	    " AND (t.name LIKE ? OR t.code LIKE ?) AND (t.amount < 0)"
	    " AND (t.day >= ? AND t.day < ? + INTERVAL 1 MONTH)"
	    " AND (t.owner = ? AND t.day < ?) LIMIT ?) t");
	n = list_params(&l, LIST_SQL_COUNT, p, 16);
	ck_assert_int_eq(n, 9);
	ck_assert_int_eq(p[8].i, 1001);
	ck_assert_int_eq(list_params(&l, LIST_SQL_COUNT, p, 5), TC_ETOOBIG);
	/* the bare count (totals_uncapped_only): the same conditions and
	 * cap over "1", which an index can serve without the rows */
	assert_sql(&l, LIST_SQL_BARE_COUNT, "SELECT COUNT(*) FROM"
	    " (SELECT 1 FROM things t WHERE (t.deleted = 0)"
	    " AND (t.scope = ?) AND (t.day >= ?)"
	    " AND (t.name LIKE ? OR t.code LIKE ?) AND (t.amount < 0)"
	    " AND (t.day >= ? AND t.day < ? + INTERVAL 1 MONTH)"
	    " AND (t.owner = ? AND t.day < ?) LIMIT ?) t");
	n = list_params(&l, LIST_SQL_BARE_COUNT, p, 16);
	ck_assert_int_eq(n, 9);
	ck_assert_int_eq(p[8].i, 1001);
	list_done(&l);
}
END_TEST

START_TEST(a_bad_filter_is_kept_and_makes_the_list_invalid)
{
	struct list l;

	validate(&l, "from=2026-02-30&kind=gift&owner=abc&q=ok");
	ck_assert(l.invalid);
	ck_assert_uint_eq(l.form.nerr, 3);
	ck_assert_str_eq(l.form.e[TF_FROM].raw, "2026-02-30");
	ck_assert_int_eq(l.form.e[TF_FROM].err, TC_EFORMAT);
	ck_assert_str_eq(l.form.e[TF_KIND].raw, "gift");
	ck_assert_int_eq(l.form.e[TF_OWNER].err, TC_EFORMAT);
	ck_assert_int_eq(l.form.e[TF_Q].err, 0);
	ck_assert_ptr_null(list_value(&l, TF_FROM));
	ck_assert_str_eq(list_value(&l, TF_Q)->s, "ok");
	list_done(&l);

	validate(&l, "owner=1001");
	ck_assert(l.invalid);
	ck_assert_int_eq(l.form.e[TF_OWNER].err, TC_ERANGE);
	list_done(&l);
}
END_TEST

START_TEST(sort_dir_and_page_are_validated_too)
{
	struct list l;

	validate(&l, "sort=amount");
	ck_assert(!l.invalid);
	ck_assert_uint_eq(l.sort, 2);
	ck_assert(l.desc);              /* amounts sort descending first */
	assert_sql(&l, LIST_SQL_PAGE, "SELECT t.id, t.name FROM things t"
	    " WHERE (t.deleted = 0) AND (t.open)"
	    " ORDER BY t.amount DESC, t.id DESC LIMIT ? OFFSET ?");
	list_done(&l);

	validate(&l, "sort=day&dir=asc&page=3");
	ck_assert(!l.desc);
	ck_assert_int_eq(l.page, 3);
	list_done(&l);

	validate(&l, "sort=id%3B+DROP+TABLE+t");
	ck_assert(l.invalid);
	list_done(&l);
	validate(&l, "dir=up");
	ck_assert(l.invalid);
	list_done(&l);
	validate(&l, "page=0");
	ck_assert(l.invalid);
	list_done(&l);
	validate(&l, "page=x");
	ck_assert(l.invalid);
	list_done(&l);
}
END_TEST

START_TEST(the_next_page_of_a_keyset_sort_reads_past_the_last_row)
{
	struct list l;
	struct db_param p[16];
	int n;

	/* by day, descending: the rows before row 77's day, or on it with a
	 * smaller id; no OFFSET */
	validate(&l, "sort=day&page=4&after=77");
	ck_assert(!l.invalid);
	ck_assert_int_eq(l.after, 77);
	assert_sql(&l, LIST_SQL_PAGE, "SELECT t.id, t.name FROM things t"
	    " WHERE (t.deleted = 0) AND (t.open) AND ((t.day < (SELECT kx.day"
	    " FROM things kx WHERE kx.id = ?) OR (t.day = (SELECT kx.day FROM"
	    " things kx WHERE kx.id = ?) AND (t.id < (SELECT kx.id FROM things"
	    " kx WHERE kx.id = ?)))))"
	    " ORDER BY t.day DESC, t.id DESC LIMIT ? OFFSET ?");
	n = list_params(&l, LIST_SQL_PAGE, p, 16);
	ck_assert_int_eq(n, 5);
	for (int i = 0; i < 3; i++)
		ck_assert_int_eq(p[i].i, 77);
	ck_assert_int_eq(p[3].i, 50);
	ck_assert_int_eq(p[4].i, 0);
	/* the count knows nothing of it */
	assert_sql(&l, LIST_SQL_BARE_COUNT, "SELECT COUNT(*) FROM (SELECT 1"
	    " FROM things t WHERE (t.deleted = 0) AND (t.open) LIMIT ?) t");
	list_done(&l);

	/* ascending: past it the other way */
	validate(&l, "sort=day&dir=asc&after=5");
	assert_sql(&l, LIST_SQL_PAGE, "SELECT t.id, t.name FROM things t"
	    " WHERE (t.deleted = 0) AND (t.open) AND ((t.day > (SELECT kx.day"
	    " FROM things kx WHERE kx.id = ?) OR (t.day = (SELECT kx.day FROM"
	    " things kx WHERE kx.id = ?) AND (t.id > (SELECT kx.id FROM things"
	    " kx WHERE kx.id = ?)))))"
	    " ORDER BY t.day, t.id LIMIT ? OFFSET ?");
	list_done(&l);

	/* a sort without keys pages by OFFSET, after or not */
	validate(&l, "page=3&after=77");
	assert_sql(&l, LIST_SQL_PAGE, "SELECT t.id, t.name FROM things t"
	    " WHERE (t.deleted = 0) AND (t.open)"
	    " ORDER BY t.name, t.id LIMIT ? OFFSET ?");
	n = list_params(&l, LIST_SQL_PAGE, p, 16);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(p[1].i, 100);
	list_done(&l);

	/* a bad row id is a bad field like any other */
	validate(&l, "sort=day&after=-1");
	ck_assert(l.invalid);
	list_done(&l);
	validate(&l, "sort=day&after=x");
	ck_assert(l.invalid);
	list_done(&l);
}
END_TEST

START_TEST(links_keep_the_filters_and_leave_out_defaults)
{
	struct list l;
	char *h;

	validate(&l, "q=%E4%B8%8A+%26&kind=in&from=&sort=name");
	/* the default sort in its natural direction: neither is written;
	 * otherwise both are */
	h = list_href(&l, 1, false, 1);
	ck_assert_str_eq(h, "/t?q=%E4%B8%8A%20%26&kind=in&state=open");
	free(h);
	h = list_href(&l, 1, true, 2);
	ck_assert_str_eq(h, "/t?q=%E4%B8%8A%20%26&kind=in&state=open"
	    "&sort=name&dir=desc&page=2");
	free(h);
	h = list_href(&l, 2, true, 1);
	ck_assert_str_eq(h, "/t?q=%E4%B8%8A%20%26&kind=in&state=open"
	    "&sort=amount");
	free(h);
	h = list_href(&l, 2, false, 4);
	ck_assert_str_eq(h, "/t?q=%E4%B8%8A%20%26&kind=in&state=open"
	    "&sort=amount&dir=asc&page=4");
	free(h);
	list_done(&l);

	/* an invalid filter is left out of links */
	validate(&l, "from=nope&owner=3");
	h = list_href(&l, 0, true, 1);
	ck_assert_str_eq(h, "/t?owner=3&state=open&sort=day");
	free(h);
	list_done(&l);
}
END_TEST

START_TEST(the_where_clause_alone_serves_other_queries)
{
	struct list l;
	struct db_param p[8];

	validate(&l, "state=all");
	list_done(&l);
	list_init(&l, &def);
	/* a list without any condition at all gives an empty text */
	{
		static const struct list_def bare = {
			.name = "bare", .path = "/b", .select = "SELECT 1",
			.from = " FROM t", .sorts = sorts, .nsorts = 1,
			.per_page = 10,
		};

		list_init(&l, &bare);
		ck_assert_int_eq(list_validate(&l, NULL), 0);
		assert_sql(&l, LIST_SQL_WHERE, "");
		assert_sql(&l, LIST_SQL_COUNT, "SELECT COUNT(*) FROM (SELECT 1"
		    " FROM t LIMIT ?) t");
		ck_assert_int_eq(list_params(&l, LIST_SQL_COUNT, p, 8), 1);
		ck_assert_int_eq(p[0].i, 10001);
		list_done(&l);
	}
}
END_TEST

static Suite *
list_suite(void)
{
	Suite *s = suite_create("list");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, qs_encodes_values_and_skips_empty_ones);
	tcase_add_test(tc, qs_href_without_pairs_is_the_path);
	tcase_add_test(tc, qs_encode_reports_the_length_it_needs);
	tcase_add_test(tc, qs_grows_past_its_first_buffer);
	tcase_add_test(tc, unset_filters_add_no_sql);
	tcase_add_test(tc, set_filters_add_their_fragments_in_declared_order);
	tcase_add_test(tc, a_bad_filter_is_kept_and_makes_the_list_invalid);
	tcase_add_test(tc, sort_dir_and_page_are_validated_too);
	tcase_add_test(tc, the_next_page_of_a_keyset_sort_reads_past_the_last_row);
	tcase_add_test(tc, links_keep_the_filters_and_leave_out_defaults);
	tcase_add_test(tc, the_where_clause_alone_serves_other_queries);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(list_suite());

	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
