/* csv-t: the streaming CSV writer quotes as RFC 4180 says, defuses what a
 * spreadsheet would run as a formula while numbers stay numbers, starts
 * with the BOM for Excel, and hands its output on in bounded chunks. */
#include "config.h"

#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"
#include "core/error.h"

/* A sink into memory that records the largest chunk and can fail. */
struct mem {
	char *p;
	size_t n, calls, biggest;
	size_t fail_after;          /* calls before it fails; 0: never */
};

static int
mem_sink(void *ctx, const char *buf, size_t len)
{
	struct mem *m = ctx;

	if (m->fail_after > 0 && m->calls == m->fail_after)
		return TC_EIO;
	m->calls++;
	if (len > m->biggest)
		m->biggest = len;
	m->p = realloc(m->p, m->n + len + 1);
	ck_assert_ptr_nonnull(m->p);
	memcpy(m->p + m->n, buf, len);
	m->n += len;
	m->p[m->n] = '\0';
	return 0;
}

/* Writes one record of text cells with flags; returns the output. */
static char *
record(unsigned flags, const char *const *cells, size_t n)
{
	static struct csv_writer w;
	struct mem m = { 0 };

	csv_init(&w, mem_sink, &m, flags);
	for (size_t i = 0; i < n; i++)
		ck_assert_int_eq(csv_text(&w, cells[i]), 0);
	ck_assert_int_eq(csv_end(&w), 0);
	ck_assert_int_eq(csv_flush(&w), 0);
	return m.p;
}

static const struct { const char *in, *out; } quoting[] = {
	{ "plain", "plain" },
	{ "", "" },
	{ "a,b", "\"a,b\"" },
	{ "say \"hi\"", "\"say \"\"hi\"\"\"" },
	{ "\"", "\"\"\"\"" },
	{ "two\nlines", "\"two\nlines\"" },
	{ "cr\rhere", "\"cr\rhere\"" },
	{ "crlf\r\n", "\"crlf\r\n\"" },
	{ " spaced ", " spaced " },
	{ "华东区", "华东区" },
};

START_TEST(text_is_quoted_only_when_it_must_be)
{
	const char *cells[] = { quoting[_i].in, "x" };
	char want[64], *got;

	snprintf(want, sizeof(want), "%s,x\r\n", quoting[_i].out);
	got = record(0, cells, 2);
	ck_assert_str_eq(got, want);
	free(got);
}
END_TEST

static const struct { const char *in, *out; } defused[] = {
	{ "=1+2", "'=1+2" },
	{ "+86 21 5555", "'+86 21 5555" },
	{ "-80.00", "'-80.00" },        /* as text: see numbers below */
	{ "@SUM(A1)", "'@SUM(A1)" },
	{ "\tTAB", "'\tTAB" },
	{ "\rCR", "\"'\rCR\"" },
	{ "=HYPERLINK(\"http://x\",\"y\")",
	    "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
	{ "=a,b", "\"'=a,b\"" },
	{ "a=1", "a=1" },
	{ " =1", " =1" },
	{ "'quoted", "'quoted" },
	{ "", "" },
};

START_TEST(safe_mode_defuses_formulas_in_text)
{
	const char *cells[] = { defused[_i].in };
	char want[96], *got;

	snprintf(want, sizeof(want), "%s\r\n", defused[_i].out);
	got = record(CSV_SAFE, cells, 1);
	ck_assert_str_eq(got, want);
	free(got);
}
END_TEST

START_TEST(without_safe_mode_text_is_written_as_it_is)
{
	const char *cells[] = { "=1+2", "-5" };
	char *got = record(0, cells, 2);

	ck_assert_str_eq(got, "=1+2,-5\r\n");
	free(got);
}
END_TEST

static const struct { const char *in, *out; bool num; } numbers[] = {
	{ "-80.00", "-80.00", true },
	{ "0", "0", true },
	{ "1234567.89", "1234567.89", true },
	{ "-0.125", "-0.125", true },
	{ "12", "12", true },
	/* not plain decimals: text, defused */
	{ "-", "'-", false },
	{ "-1e3", "'-1e3", false },
	{ "+5", "'+5", false },
	{ "=1", "'=1", false },
	{ "5.", "5.", false },
	{ ".5", ".5", false },
	{ "1,000", "\"1,000\"", false },
	{ "-1-1", "'-1-1", false },
	{ "", "", false },
};

START_TEST(safe_mode_keeps_numbers_as_numbers)
{
	static struct csv_writer w;
	struct mem m = { 0 };
	char want[64];

	csv_init(&w, mem_sink, &m, CSV_SAFE);
	ck_assert_int_eq(csv_text(&w, "amount"), 0);
	ck_assert_int_eq(csv_number(&w, numbers[_i].in), 0);
	ck_assert_int_eq(csv_end(&w), 0);
	ck_assert_int_eq(csv_flush(&w), 0);
	snprintf(want, sizeof(want), "amount,%s\r\n", numbers[_i].out);
	ck_assert_str_eq(m.p, want);
	ck_assert_int_eq(csv_is_number(numbers[_i].in), numbers[_i].num);
	free(m.p);
}
END_TEST

START_TEST(bom_comes_first_once)
{
	static struct csv_writer w;
	struct mem m = { 0 };

	csv_init(&w, mem_sink, &m, CSV_BOM | CSV_SAFE);
	csv_text(&w, "客户");
	csv_end(&w);
	csv_text(&w, "b");
	csv_end(&w);
	ck_assert_int_eq(csv_flush(&w), 0);
	ck_assert_uint_eq(m.n, 3 + strlen("客户\r\nb\r\n"));
	ck_assert_mem_eq(m.p, "\xEF\xBB\xBF", 3);
	ck_assert_str_eq(m.p + 3, "客户\r\nb\r\n");
	free(m.p);
}
END_TEST

START_TEST(nothing_reaches_the_sink_before_the_buffer_fills)
{
	static struct csv_writer w;
	struct mem m = { 0 };

	csv_init(&w, mem_sink, &m, CSV_BOM);
	csv_text(&w, "order_id");
	csv_end(&w);
	ck_assert_uint_eq(m.calls, 0);
	ck_assert_int_eq(csv_flush(&w), 0);
	ck_assert_uint_eq(m.calls, 1);
	/* flushing an empty buffer calls nobody */
	ck_assert_int_eq(csv_flush(&w), 0);
	ck_assert_uint_eq(m.calls, 1);
	free(m.p);
}
END_TEST

START_TEST(many_rows_stream_in_bounded_chunks)
{
	static struct csv_writer w;
	struct mem m = { 0 };
	char cell[64];
	size_t rows = 20000, expect = 0;

	csv_init(&w, mem_sink, &m, 0);
	for (size_t i = 0; i < rows; i++) {
		snprintf(cell, sizeof(cell), "row %zu, \"quoted\"", i);
		ck_assert_int_eq(csv_text(&w, cell), 0);
		ck_assert_int_eq(csv_number(&w, "-1.50"), 0);
		ck_assert_int_eq(csv_end(&w), 0);
		/* "row N, ""quoted""" -> 2 quotes + 2 doubled quotes */
		expect += strlen(cell) + 4 + 1 + 5 + 2;
	}
	ck_assert_int_eq(csv_flush(&w), 0);
	ck_assert_uint_eq(m.n, expect);
	ck_assert_uint_le(m.biggest, CSV_BUF_SIZE);
	ck_assert_uint_gt(m.calls, expect / CSV_BUF_SIZE - 1);
	ck_assert_str_eq(m.p + m.n - strlen("\"row 19999, \"\"quoted\"\"\",-1.50\r\n"),
	    "\"row 19999, \"\"quoted\"\"\",-1.50\r\n");
	free(m.p);
}
END_TEST

START_TEST(a_failing_sink_stops_the_writer)
{
	static struct csv_writer w;
	struct mem m = { .fail_after = 1 };
	char big[CSV_BUF_SIZE];

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	csv_init(&w, mem_sink, &m, 0);
	ck_assert_int_eq(csv_text(&w, big), 0);   /* fits in the buffer */
	ck_assert_int_eq(csv_end(&w), 0);         /* first chunk goes out */
	ck_assert_int_eq(csv_text(&w, big), 0);   /* buffered again */
	ck_assert_int_eq(csv_end(&w), TC_EIO);    /* the second one fails */
	ck_assert_int_eq(csv_text(&w, "x"), TC_EIO);
	ck_assert_int_eq(csv_number(&w, "1"), TC_EIO);
	ck_assert_int_eq(csv_flush(&w), TC_EIO);
	ck_assert_uint_eq(m.calls, 1);
	free(m.p);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("csv");
	TCase *tc = tcase_create("csv");
	SRunner *sr;

	tcase_add_loop_test(tc, text_is_quoted_only_when_it_must_be, 0,
	    sizeof(quoting) / sizeof(quoting[0]));
	tcase_add_loop_test(tc, safe_mode_defuses_formulas_in_text, 0,
	    sizeof(defused) / sizeof(defused[0]));
	tcase_add_test(tc, without_safe_mode_text_is_written_as_it_is);
	tcase_add_loop_test(tc, safe_mode_keeps_numbers_as_numbers, 0,
	    sizeof(numbers) / sizeof(numbers[0]));
	tcase_add_test(tc, bom_comes_first_once);
	tcase_add_test(tc, nothing_reaches_the_sink_before_the_buffer_fills);
	tcase_add_test(tc, many_rows_stream_in_bounded_chunks);
	tcase_add_test(tc, a_failing_sink_stops_the_writer);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
