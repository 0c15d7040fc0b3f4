/* routes-dump-t: `ticheng-admin routes` lists every route of the module
 * registry exactly once, with the ids and their kinds the security
 * tests give real ids for, in TSV and in JSON lines that parse. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/routes.h"
#include "core/app.h"
#include "core/module.h"

/* The dump of routes_dump(json) in a string (the caller frees it). */
static char *
dump(bool json)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(routes_dump(f, json), 0);
	fclose(f);
	return buf;
}

static size_t
count_lines(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += *s == '\n';
	return n;
}

static size_t
count_routes(void)
{
	size_t n = 0;

	for (size_t m = 0; module_code_registry[m] != NULL; m++)
		for (size_t a = 0; module_code_registry[m]->routes != NULL &&
		    module_code_registry[m]->routes[a] != NULL; a++)
			n += module_code_registry[m]->routes[a]->n;
	return n;
}

START_TEST(routes_dump_one_line_per_route_after_a_header)
{
	char *tsv = dump(false), *json = dump(true);

	ck_assert_uint_gt(count_routes(), 50);
	ck_assert_uint_eq(count_lines(tsv), count_routes() + 1);
	ck_assert_uint_eq(count_lines(json), count_routes());
	ck_assert_msg(strncmp(tsv, "program\tmethod\tpattern\troles\tids\t"
	    "id_kinds\tchanges\ttype\n", 50) == 0, "header: %.60s", tsv);
	free(tsv);
	free(json);
}
END_TEST

/* JSON is written without escaping: it holds only if no pattern needs
 * it. */
START_TEST(routes_dump_patterns_need_no_escaping)
{
	for (size_t m = 0; module_code_registry[m] != NULL; m++)
		for (size_t a = 0; module_code_registry[m]->routes != NULL &&
		    module_code_registry[m]->routes[a] != NULL; a++) {
			const struct route_set *s = module_code_registry[m]->routes[a];

			for (size_t i = 0; i < s->n; i++)
				ck_assert_msg(strspn(s->routes[i].pattern,
				    "abcdefghijklmnopqrstuvwxyz0123456789/#._-") ==
				    strlen(s->routes[i].pattern), "pattern %s",
				    s->routes[i].pattern);
		}
}
END_TEST

/* The line of pattern and method in the dump (a copy to free), or NULL. */
static char *
line_of(const char *all, const char *needle)
{
	const char *p = strstr(all, needle), *start, *end;

	if (p == NULL)
		return NULL;
	for (start = p; start > all && start[-1] != '\n'; start--)
		;
	end = strchr(p, '\n');
	return strndup(start, (size_t)(end - start));
}

START_TEST(routes_dump_names_each_id_by_the_segment_before_it)
{
	char *json = dump(true), *tsv = dump(false), *l;

	l = line_of(json, "\"method\":\"POST\",\"pattern\":"
	    "\"/sales/customers/#/contacts/#/edit\"");
	ck_assert_ptr_nonnull(l);
	ck_assert_msg(strstr(l, "\"ids\":2,\"id_kinds\":[\"sales:customers\","
	    "\"sales:contacts\"],\"changes\":true,\"type\":\"html\"") != NULL,
	    "%s", l);
	free(l);
	l = line_of(tsv, "\tGET\t/sales/orders.csv\t");
	ck_assert_ptr_nonnull(l);
	ck_assert_str_eq(l, "sales\tGET\t/sales/orders.csv\tsales,manager,hr,"
	    "finance,reviewer,management,admin\t0\t-\t0\tcsv");
	free(l);
	l = line_of(json, "\"pattern\":\"/login\"");
	ck_assert_ptr_nonnull(l);
	ck_assert_msg(strstr(l, "\"roles\":[],\"public\":true") != NULL, "%s",
	    l);
	free(l);
	l = line_of(tsv, "\tGET\t/admin/audit\t");
	ck_assert_ptr_nonnull(l);
	ck_assert_str_eq(l, "admin\tGET\t/admin/audit\tadmin\t0\t-\t0\thtml");
	free(l);
	free(json);
	free(tsv);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("routes-dump");
	TCase *tc = tcase_create("routes-dump");
	SRunner *sr;

	tcase_add_test(tc, routes_dump_one_line_per_route_after_a_header);
	tcase_add_test(tc, routes_dump_patterns_need_no_escaping);
	tcase_add_test(tc, routes_dump_names_each_id_by_the_segment_before_it);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
