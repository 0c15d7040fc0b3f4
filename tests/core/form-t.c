/* form-t: validators (tables of valid and invalid examples) and whole-form
 * validation. */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/form.h"

struct good { const char *in; int64_t want; };
struct bad { const char *in; int err; };

/* Runs a validator on every example; prints input, expected and got. */
static void
check_good(const struct field *f, const struct good *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct form_value v = {NULL, -12345};
		int r = f->valid(f, t[i].in, &v);
		ck_assert_msg(r == 0, "%s(\"%s\"): expected ok, got %s",
		    f->name, t[i].in, tc_strerror(r));
		ck_assert_msg(v.i == t[i].want,
		    "%s(\"%s\"): expected %lld, got %lld", f->name, t[i].in,
		    (long long)t[i].want, (long long)v.i);
		ck_assert_ptr_eq(v.s, t[i].in);
	}
}

static void
check_bad(const struct field *f, const struct bad *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct form_value v = {NULL, 0};
		int r = f->valid(f, t[i].in, &v);
		ck_assert_msg(r == t[i].err, "%s(\"%s\"): expected %s, got %s",
		    f->name, t[i].in, tc_strerror(t[i].err), tc_strerror(r));
	}
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

START_TEST(text_counts_characters_not_bytes)
{
	static const struct field f = {"name", form_text, 1, 1, 4, "err", NULL};
	static const struct good g[] = {
		{"a", 1}, {"张伟", 2}, {"张 伟x", 4}, {"€€€€", 4}, {"a\"<>", 4},
	};
	static const struct bad b[] = {
		{"张伟张伟张", TC_ETOO_LONG}, {"abcde", TC_ETOO_LONG},
		{"a\tb", TC_ECONTROL}, {"a\nb", TC_ECONTROL},
		{"a\x7f", TC_ECONTROL}, {"a\xc2\x85", TC_ECONTROL},
		{"\xff", TC_EFORMAT}, {"\xe5\xbc", TC_EFORMAT},
		{"", TC_EREQUIRED},
	};

	check_good(&f, g, N(g));
	check_bad(&f, b, N(b));
}
END_TEST

START_TEST(text_min_length_enforced)
{
	static const struct field f = {"pw", form_text, 1, 3, 10, "err", NULL};
	static const struct bad b[] = {{"ab", TC_ETOO_SHORT}};
	static const struct good g[] = {{"abc", 3}};

	check_good(&f, g, N(g));
	check_bad(&f, b, N(b));
}
END_TEST

START_TEST(text_default_bounds_1_to_1000)
{
	static const struct field f = {"t", form_text, 0, 0, 0, "err", NULL};
	char buf[1002];
	struct form_value v;

	memset(buf, 'x', 1000);
	buf[1000] = '\0';
	ck_assert_int_eq(form_text(&f, buf, &v), 0);
	buf[1000] = 'x';
	buf[1001] = '\0';
	ck_assert_str_eq(tc_strerror(form_text(&f, buf, &v)),
	    tc_strerror(TC_ETOO_LONG));
}
END_TEST

START_TEST(multiline_text_allows_newlines_and_tabs_only)
{
	static const struct field f = {"note", form_text_multiline, 0, 0, 0,
	    "err", NULL};
	static const struct good g[] = {
		{"第一行\r\n第二行", 8}, {"a\tb\nc", 5},
	};
	static const struct bad b[] = {
		{"a\x01", TC_ECONTROL}, {"a\x1b[31m", TC_ECONTROL},
		{"\xc0\xaf", TC_EFORMAT},
	};

	check_good(&f, g, N(g));
	check_bad(&f, b, N(b));
}
END_TEST

START_TEST(login_accepts_letters_digits_dot_underscore_hyphen)
{
	static const struct field f = {"user", form_login, 1, 0, 0, "err", NULL};
	static const struct good g[] = {
		{"zhangwei", 8}, {"zhang.wei", 9}, {"w_li-2", 6}, {"A", 1},
		{"0123456789012345678901234567890123456789012345678901234567890123", 64},
	};
	static const struct bad b[] = {
		{"", TC_EFORMAT}, {"zhang wei", TC_EFORMAT},
		{"zhangwei)(uid=*", TC_EFORMAT}, {"张伟", TC_EFORMAT},
		{"a@b", TC_EFORMAT}, {"a*", TC_EFORMAT},
		{"01234567890123456789012345678901234567890123456789012345678901234", TC_EFORMAT},
	};

	check_good(&f, g, N(g));
	check_bad(&f, b, N(b));
}
END_TEST

START_TEST(code_of_letters_digits_dot_underscore_hyphen_up_to_the_fields_max)
{
	static const struct field f = {"order_no", form_code, 0, 0, 10, "err",
	    NULL};
	static const struct field dflt = {"ref", form_code, 0, 0, 0, "err",
	    NULL};
	static const struct good g[] = {
		{"SO-2026.01", 10}, {"a_b", 3}, {"7", 1},
	};
	static const struct bad b[] = {
		{"", TC_EFORMAT}, {"SO 1", TC_EFORMAT},
		{"单号1", TC_EFORMAT}, {"a/b", TC_EFORMAT},
		{"SO-2026.011", TC_ETOO_LONG}, {"0123456789 x", TC_ETOO_LONG},
	};
	static const struct good g64[] = {
		{"0123456789012345678901234567890123456789012345678901234567890123", 64},
	};
	static const struct bad b65[] = {
		{"01234567890123456789012345678901234567890123456789012345678901234", TC_ETOO_LONG},
	};

	check_good(&f, g, N(g));
	check_bad(&f, b, N(b));
	check_good(&dflt, g64, N(g64));
	check_bad(&dflt, b65, N(b65));
}
END_TEST

START_TEST(email_table)
{
	static const struct field f = {"email", form_email, 0, 0, 0, "err", NULL};
	static const struct good g[] = {
		{"zhang.wei@example.com", 21}, {"a+b@sub.example.cn", 18},
		{"x@a-b.io", 8},
	};
	static const struct bad b[] = {
		{"zhangwei", TC_EFORMAT}, {"@example.com", TC_EFORMAT},
		{"a@", TC_EFORMAT}, {"a@b", TC_EFORMAT},
		{"a@@b.com", TC_EFORMAT}, {"a@b@c.com", TC_EFORMAT},
		{".a@b.com", TC_EFORMAT}, {"a.@b.com", TC_EFORMAT},
		{"a..b@c.com", TC_EFORMAT}, {"a@-b.com", TC_EFORMAT},
		{"a@b-.com", TC_EFORMAT}, {"a@b..com", TC_EFORMAT},
		{"a@b.com.", TC_EFORMAT}, {"a b@c.com", TC_EFORMAT},
		{"张@c.com", TC_EFORMAT}, {"a@c_d.com", TC_EFORMAT},
		{"a\n@c.com", TC_EFORMAT},
	};

	check_good(&f, g, N(g));
	check_bad(&f, b, N(b));
}
END_TEST

START_TEST(integer_in_range)
{
	static const struct field f = {"qty", form_int64, 1, -5, 1000, "err", NULL};
	static const struct good g[] = {
		{"0", 0}, {"1000", 1000}, {"-5", -5}, {"007", 7},
	};
	static const struct bad b[] = {
		{"1001", TC_ERANGE}, {"-6", TC_ERANGE},
		{"99999999999999999999", TC_ERANGE}, {"1.0", TC_EFORMAT},
		{"+1", TC_EFORMAT}, {"1e3", TC_EFORMAT}, {"", TC_EFORMAT},
		{"-", TC_EFORMAT}, {"12a", TC_EFORMAT}, {"0x10", TC_EFORMAT},
		{"1 000", TC_EFORMAT},
	};

	check_good(&f, g, N(g));
	check_bad(&f, b, N(b));
}
END_TEST

START_TEST(integer_without_bounds_spans_int64)
{
	static const struct field f = {"n", form_int64, 1, 0, 0, "err", NULL};
	static const struct good g[] = {
		{"9223372036854775807", INT64_MAX}, {"-9223372036854775807", -INT64_MAX},
	};
	static const struct bad b[] = {{"9223372036854775808", TC_ERANGE}};

	check_good(&f, g, N(g));
	check_bad(&f, b, N(b));
}
END_TEST

START_TEST(money_parsed_to_fen)
{
	static const struct field f = {"amount", form_money, 1, 0, 0, "err", NULL};
	static const struct good g[] = {
		{"1234.5", 123450}, {"-80.00", -8000}, {"0", 0}, {"0.01", 1},
		{"-0.1", -10}, {"100", 10000}, {"1234567.89", 123456789},
		{"92233720368547758.07", INT64_MAX},
	};
	static const struct bad b[] = {
		{"1.234", TC_EFORMAT}, {"1,234.00", TC_EFORMAT},
		{"1e3", TC_EFORMAT}, {"1.", TC_EFORMAT}, {".5", TC_EFORMAT},
		{"+5", TC_EFORMAT}, {"--5", TC_EFORMAT}, {"¥5", TC_EFORMAT},
		{"5 元", TC_EFORMAT}, {"NaN", TC_EFORMAT},
		{"", TC_EFORMAT}, {"1.2.3", TC_EFORMAT},
		{"92233720368547758.08", TC_ERANGE},
		{"99999999999999999999", TC_ERANGE},
	};

	check_good(&f, g, N(g));
	check_bad(&f, b, N(b));
}
END_TEST

START_TEST(money_range_in_fen)
{
	static const struct field f = {"amount", form_money, 1, 1, 100000, "err", NULL};
	static const struct good g[] = {{"0.01", 1}, {"1000", 100000}};
	static const struct bad b[] = {{"0", TC_ERANGE}, {"1000.01", TC_ERANGE}};

	check_good(&f, g, N(g));
	check_bad(&f, b, N(b));
}
END_TEST

START_TEST(percent_scaled_by_10000)
{
	static const struct field f = {"rate", form_percent, 1, 0, 1000000, "err", NULL};
	static const struct good g[] = {
		{"12.5", 125000}, {"0", 0}, {"3.1415", 31415}, {"100", 1000000},
		{"0.0001", 1},
	};
	static const struct bad b[] = {
		{"3.14159", TC_EFORMAT}, {"100.0001", TC_ERANGE},
		{"-1", TC_ERANGE}, {"12%", TC_EFORMAT}, {"1e2", TC_EFORMAT},
	};

	check_good(&f, g, N(g));
	check_bad(&f, b, N(b));
}
END_TEST

START_TEST(date_must_be_real_calendar_date)
{
	static const struct field f = {"day", form_date, 1, 0, 0, "err", NULL};
	static const struct good g[] = {
		{"2026-11-27", 20261127}, {"2024-02-29", 20240229},
		{"2000-02-29", 20000229}, {"1900-01-01", 19000101},
		{"2026-12-31", 20261231}, {"1000-01-01", 10000101},
	};
	static const struct bad b[] = {
		{"2026-02-29", TC_EFORMAT}, {"1900-02-29", TC_EFORMAT},
		{"2026-04-31", TC_EFORMAT}, {"2026-13-01", TC_EFORMAT},
		{"2026-00-10", TC_EFORMAT}, {"2026-01-00", TC_EFORMAT},
		{"2026-1-5", TC_EFORMAT}, {"26-01-05", TC_EFORMAT},
		{"2026/01/05", TC_EFORMAT}, {"2026-01-05T00", TC_EFORMAT},
		{"0999-12-31", TC_EFORMAT}, {"２０２６-01-01", TC_EFORMAT},
		{"2026-0a-01", TC_EFORMAT}, {"", TC_EFORMAT},
	};

	check_good(&f, g, N(g));
	check_bad(&f, b, N(b));
}
END_TEST

START_TEST(date_range_by_yyyymmdd)
{
	static const struct field f = {"day", form_date, 1, 20260101, 20261231,
	    "err", NULL};
	static const struct bad b[] = {{"2025-12-31", TC_ERANGE},
	    {"2027-01-01", TC_ERANGE}};

	check_bad(&f, b, N(b));
}
END_TEST

START_TEST(month_yyyy_mm)
{
	static const struct field f = {"period", form_month, 1, 0, 0, "err", NULL};
	static const struct good g[] = {{"2026-11", 202611}, {"2026-01", 202601}};
	static const struct bad b[] = {
		{"2026-13", TC_EFORMAT}, {"2026-00", TC_EFORMAT},
		{"2026-1", TC_EFORMAT}, {"2026-11-01", TC_EFORMAT},
		{"202611", TC_EFORMAT}, {"2026-Q3", TC_EFORMAT},
		{"2026", TC_EFORMAT}, {"0999-12", TC_EFORMAT},
	};

	check_good(&f, g, N(g));
	check_bad(&f, b, N(b));
}
END_TEST

START_TEST(oneof_accepts_only_listed_codes)
{
	static const char *const ch[] = {"direct", "partner", "online", NULL};
	static const struct field f = {"channel", form_oneof, 1, 0, 0, "err", ch};
	static const struct good g[] = {{"direct", 0}, {"online", 2}};
	static const struct bad b[] = {
		{"Direct", TC_EFORMAT}, {"dir", TC_EFORMAT},
		{"directx", TC_EFORMAT}, {"", TC_EFORMAT},
	};

	check_good(&f, g, N(g));
	check_bad(&f, b, N(b));
}
END_TEST

START_TEST(return_path_local_only)
{
	static const struct field f = {"next", form_return_path, 0, 0, 0, "err", NULL};
	static const struct good g[] = {
		{"/", 1}, {"/sales/orders?page=2&q=%E5%BC%A0", 32},
		{"/commission/lines#top", 21}, {"/销售", 7},
	};
	static const struct bad b[] = {
		{"//evil.example.com/", TC_EFORMAT},
		{"/\\evil.example.com", TC_EFORMAT},
		{"\\\\evil", TC_EFORMAT},
		{"https://evil.example.com/", TC_EFORMAT},
		{"javascript:alert(1)", TC_EFORMAT},
		{"sales/orders", TC_EFORMAT},
		{"/a\r\nSet-Cookie: x=1", TC_EFORMAT},
		{"/a b", TC_EFORMAT}, {"/\t/evil", TC_EFORMAT},
		{"/%2F/evil", TC_EFORMAT}, {"/%5cevil", TC_EFORMAT},
		{"/\xff", TC_EFORMAT}, {"", TC_EFORMAT},
	};

	check_good(&f, g, N(g));
	check_bad(&f, b, N(b));
}
END_TEST

/* A whole form, as a handler declares it. */
enum order_field { OF_CUSTOMER, OF_AMOUNT, OF_DATE, OF_CHANNEL, OF_NOTE,
    OF_NEXT, OF__MAX };
static const char *const channels[] = {"direct", "partner", NULL};
static const struct field order_fields[OF__MAX] = {
	[OF_CUSTOMER] = {"customer", form_text, 1, 1, 100, "err_customer", NULL},
	[OF_AMOUNT] = {"amount", form_money, 1, 1, 0x7fffffffffffffffLL, "err_amount", NULL},
	[OF_DATE] = {"date", form_date, 1, 0, 0, "err_date", NULL},
	[OF_CHANNEL] = {"channel", form_oneof, 0, 0, 0, "err_channel", channels},
	[OF_NOTE] = {"note", form_text_multiline, 0, 0, 0, "err_note", NULL},
	[OF_NEXT] = {"next", form_return_path, 0, 0, 0, "err_next", NULL},
};

static void
parse(struct req_fields *in, const char *body)
{
	req_fields_init(in);
	ck_assert_int_eq(req_parse_urlencoded(in, body, strlen(body),
	    &req_limits_default), 0);
}

START_TEST(form_valid_input_gives_typed_values)
{
	struct req_fields in;
	struct form f;

	parse(&in, "customer=+%E5%8D%8E%E4%B8%9C%E5%85%AC%E5%8F%B8+&amount=1234.5"
	    "&date=2026-11-27&channel=partner&next=%2Fsales%2F");
	ck_assert_str_eq(tc_strerror(form_validate(&f, order_fields, OF__MAX,
	    &in)), "success");
	ck_assert_uint_eq(f.nerr, 0);
	ck_assert_str_eq(form_str(&f, OF_CUSTOMER), "华东公司");
	ck_assert_str_eq(f.e[OF_CUSTOMER].raw, " 华东公司 ");
	ck_assert_int_eq(form_int(&f, OF_AMOUNT, -1), 123450);
	ck_assert_int_eq(form_int(&f, OF_DATE, -1), 20261127);
	ck_assert_int_eq(form_int(&f, OF_CHANNEL, -1), 1);
	ck_assert_ptr_null(form_str(&f, OF_NOTE));
	ck_assert_int_eq(f.e[OF_NOTE].present, 0);
	ck_assert_int_eq(f.e[OF_NOTE].err, 0);
	ck_assert_int_eq(form_int(&f, OF_NOTE, 42), 42);
	ck_assert_str_eq(form_str(&f, OF_NEXT), "/sales/");
	form_free(&f);
	req_fields_free(&in);
}
END_TEST

START_TEST(form_errors_keep_raw_input_and_message_keys)
{
	struct req_fields in;
	struct form f;

	parse(&in, "customer=&amount=12.345&date=2026-02-30&channel=direct"
	    "&next=%2F%2Fevil.example.com");
	ck_assert_int_eq(form_validate(&f, order_fields, OF__MAX, &in),
	    TC_EINVAL);
	ck_assert_uint_eq(f.nerr, 4);
	ck_assert_str_eq(tc_strerror(f.e[OF_CUSTOMER].err), "required");
	ck_assert_str_eq(f.e[OF_CUSTOMER].msg, "err_customer");
	ck_assert_str_eq(f.e[OF_AMOUNT].raw, "12.345");
	ck_assert_str_eq(f.e[OF_AMOUNT].msg, "err_amount");
	ck_assert_str_eq(f.e[OF_DATE].raw, "2026-02-30");
	ck_assert_str_eq(f.e[OF_DATE].msg, "err_date");
	ck_assert_ptr_null(f.e[OF_CHANNEL].msg);
	ck_assert_str_eq(f.e[OF_NEXT].msg, "err_next");
	ck_assert_ptr_null(form_str(&f, OF_AMOUNT));
	ck_assert_int_eq(form_int(&f, OF_AMOUNT, -1), -1);
	form_free(&f);
	req_fields_free(&in);
}
END_TEST

START_TEST(form_absent_input_marks_required_fields)
{
	struct form f;

	ck_assert_int_eq(form_validate(&f, order_fields, OF__MAX, NULL),
	    TC_EINVAL);
	ck_assert_uint_eq(f.nerr, 3);
	ck_assert_str_eq(f.e[OF_DATE].raw, "");
	ck_assert_int_eq(f.e[OF_DATE].err, TC_EREQUIRED);
	ck_assert_int_eq(f.e[OF_NOTE].err, 0);
	form_free(&f);
}
END_TEST

START_TEST(form_check_validates_each_repeated_value)
{
	static const struct field rep = {"rep", form_login, 1, 0, 0, "err_rep", NULL};
	struct req_fields in;
	const struct req_pair *p;
	int ok = 0, bad = 0;

	parse(&in, "rep=zhangwei&rep=li.na&rep=bad+name&rep=");
	for (p = req_next(&in, "rep", NULL); p; p = req_next(&in, "rep", p)) {
		struct form_value v;
		char *scratch;
		int r = form_check(&rep, p->value, &scratch, &v);
		if (r == 0)
			ok++;
		else
			bad++;
		free(scratch);
	}
	ck_assert_int_eq(ok, 2);
	ck_assert_int_eq(bad, 2);
	req_fields_free(&in);
}
END_TEST

START_TEST(form_free_accepts_null)
{
	struct form f;

	memset(&f, 0, sizeof(f));
	form_free(NULL);
	form_free(&f);
}
END_TEST

/* The lines of an order, as a table of repeated fields. */
enum line_field { LF_PRODUCT, LF_QTY, LF__MAX };
static const struct field line_fields[LF__MAX] = {
	[LF_PRODUCT] = {"product", form_text, 1, 1, 8, "err_product", NULL},
	[LF_QTY] = {"qty", form_int64, 1, 1, 1000, "err_qty", NULL},
};

START_TEST(form_row_reads_the_inputs_of_its_row)
{
	struct req_fields in;
	struct form a, b, c;

	parse(&in, "product_1=HW-1&qty_1=2&product_2=SV-2&qty_2=0&qty_10=5");
	ck_assert_int_eq(form_validate_row(&a, line_fields, LF__MAX, &in, 1), 0);
	ck_assert_uint_eq(a.row, 1);
	ck_assert_str_eq(form_str(&a, LF_PRODUCT), "HW-1");
	ck_assert_int_eq(form_int(&a, LF_QTY, -1), 2);
	ck_assert_int_eq(form_validate_row(&b, line_fields, LF__MAX, &in, 2),
	    TC_EINVAL);
	ck_assert_int_eq(b.e[LF_QTY].err, TC_ERANGE);
	ck_assert_str_eq(form_raw(&b, LF_QTY), "0");
	/* row 1 is not row 10 */
	ck_assert_int_eq(form_validate_row(&c, line_fields, LF__MAX, &in, 10),
	    TC_EINVAL);
	ck_assert_int_eq(c.e[LF_PRODUCT].err, TC_EREQUIRED);
	ck_assert_int_eq(form_int(&c, LF_QTY, -1), 5);
	form_free(&a);
	form_free(&b);
	form_free(&c);
	req_fields_free(&in);
}
END_TEST

START_TEST(form_nth_reads_the_nth_value_of_a_repeated_name)
{
	struct req_fields in;
	struct form a, b, c;

	parse(&in, "product=HW-1&qty=2&product=SV-2&qty=3&product=X");
	ck_assert_int_eq(form_validate_nth(&a, line_fields, LF__MAX, &in, 0), 0);
	ck_assert_int_eq(form_validate_nth(&b, line_fields, LF__MAX, &in, 1), 0);
	ck_assert_uint_eq(b.row, 2);
	ck_assert_str_eq(form_str(&b, LF_PRODUCT), "SV-2");
	ck_assert_int_eq(form_int(&b, LF_QTY, -1), 3);
	ck_assert_int_eq(form_validate_nth(&c, line_fields, LF__MAX, &in, 2),
	    TC_EINVAL);
	ck_assert_str_eq(form_str(&c, LF_PRODUCT), "X");
	ck_assert_int_eq(c.e[LF_QTY].err, TC_EREQUIRED);
	ck_assert_int_eq(form_present(&c, LF_QTY), 0);
	form_free(&a);
	form_free(&b);
	form_free(&c);
	req_fields_free(&in);
}
END_TEST

START_TEST(form_long_value_is_refused_whole_not_cut)
{
	struct req_fields in;
	char body[400];
	struct form f;

	snprintf(body, sizeof(body), "product_1=%0300d&qty_1=1", 7);
	parse(&in, body);
	ck_assert_int_eq(form_validate_row(&f, line_fields, LF__MAX, &in, 1),
	    TC_EINVAL);
	ck_assert_int_eq(f.e[LF_PRODUCT].err, TC_ETOO_LONG);
	ck_assert_uint_eq(strlen(form_raw(&f, LF_PRODUCT)), 300);
	ck_assert_ptr_null(form_str(&f, LF_PRODUCT));
	form_free(&f);
	req_fields_free(&in);
}
END_TEST

START_TEST(form_set_error_marks_a_field_once)
{
	struct req_fields in;
	struct form f;

	parse(&in, "product_1=HW-1&qty_1=x");
	ck_assert_int_eq(form_validate_row(&f, line_fields, LF__MAX, &in, 1),
	    TC_EINVAL);
	ck_assert_uint_eq(f.nerr, 1);
	ck_assert_int_eq(form_set_error(&f, LF_PRODUCT, "err_unknown", "HW-1"),
	    0);
	ck_assert_uint_eq(f.nerr, 2);
	ck_assert_str_eq(f.e[LF_PRODUCT].msg, "err_unknown");
	ck_assert_str_eq(f.e[LF_PRODUCT].detail, "HW-1");
	ck_assert_ptr_null(form_str(&f, LF_PRODUCT));
	/* the first error of a field stands */
	ck_assert_int_eq(form_set_error(&f, LF_QTY, "err_other", NULL), 0);
	ck_assert_str_eq(f.e[LF_QTY].msg, "err_qty");
	ck_assert_uint_eq(f.nerr, 2);
	ck_assert_int_eq(form_has_errors(&f), 1);
	ck_assert_int_eq(form_set_error(&f, LF__MAX, NULL, NULL), TC_EINVAL);
	/* an input this form does not offer is read as absent */
	form_ignore(&f, LF_PRODUCT);
	ck_assert_uint_eq(f.nerr, 1);
	ck_assert_int_eq(form_present(&f, LF_PRODUCT), 0);
	ck_assert_str_eq(form_raw(&f, LF_PRODUCT), "");
	form_free(&f);
	req_fields_free(&in);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("form");
	TCase *v = tcase_create("validators"), *w = tcase_create("forms");
	SRunner *sr;

	tcase_add_test(v, text_counts_characters_not_bytes);
	tcase_add_test(v, text_min_length_enforced);
	tcase_add_test(v, text_default_bounds_1_to_1000);
	tcase_add_test(v, multiline_text_allows_newlines_and_tabs_only);
	tcase_add_test(v, login_accepts_letters_digits_dot_underscore_hyphen);
	tcase_add_test(v,
	    code_of_letters_digits_dot_underscore_hyphen_up_to_the_fields_max);
	tcase_add_test(v, email_table);
	tcase_add_test(v, integer_in_range);
	tcase_add_test(v, integer_without_bounds_spans_int64);
	tcase_add_test(v, money_parsed_to_fen);
	tcase_add_test(v, money_range_in_fen);
	tcase_add_test(v, percent_scaled_by_10000);
	tcase_add_test(v, date_must_be_real_calendar_date);
	tcase_add_test(v, date_range_by_yyyymmdd);
	tcase_add_test(v, month_yyyy_mm);
	tcase_add_test(v, oneof_accepts_only_listed_codes);
	tcase_add_test(v, return_path_local_only);
	tcase_add_test(w, form_valid_input_gives_typed_values);
	tcase_add_test(w, form_errors_keep_raw_input_and_message_keys);
	tcase_add_test(w, form_absent_input_marks_required_fields);
	tcase_add_test(w, form_check_validates_each_repeated_value);
	tcase_add_test(w, form_free_accepts_null);
	tcase_add_test(w, form_row_reads_the_inputs_of_its_row);
	tcase_add_test(w, form_nth_reads_the_nth_value_of_a_repeated_name);
	tcase_add_test(w, form_long_value_is_refused_whole_not_cut);
	tcase_add_test(w, form_set_error_marks_a_field_once);
	suite_add_tcase(s, v);
	suite_add_tcase(s, w);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
