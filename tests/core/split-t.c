/* split-t: the credit split "alice:60|bob:40" (spec section 1.2), read by
 * the engine, the CSV import and the order form alike. */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "core/decimal.h"
#include "core/error.h"
#include "core/split.h"

/* Valid splits: the reps and shares (TC_SCALE_PCT) they hold. */
static const struct {
	const char *s;
	size_t n;
	const char *names[4];
	int64_t shares[4];
} good[] = {
	{ "alice", 1, { "alice" }, { TC_PCT_100 } },
	{ "alice:100", 1, { "alice" }, { TC_PCT_100 } },
	{ "alice:60|bob:40", 2, { "alice", "bob" }, { 600000, 400000 } },
	{ "a:33.3333|b:33.3333|c:33.3334", 3, { "a", "b", "c" },
	  { 333333, 333333, 333334 } },
	{ "张伟:50|李娜:50", 2, { "张伟", "李娜" }, { 500000, 500000 } },
	{ "ann:0.0001|bob:99.9999", 2, { "ann", "bob" }, { 1, 999999 } },
	{ "a b:50|a:50", 2, { "a b", "a" }, { 500000, 500000 } },
	{ "Ann:50|ann:50", 2, { "Ann", "ann" }, { 500000, 500000 } },
	{ "x:25|y:25.0|z:050", 3, { "x", "y", "z" }, { 250000, 250000, 500000 } },
};

/* Invalid splits: the error, and the rep it names. */
static const struct { const char *s; int err; size_t entry; } bad[] = {
	{ "", TC_ESPLIT_EMPTY, 0 },
	{ "alice|bob", TC_ESPLIT_NO_SHARE, 0 },
	{ "alice:60|bob", TC_ESPLIT_NO_SHARE, 1 },
	{ "alice:100|", TC_ESPLIT_NO_SHARE, 1 },
	{ "|alice:100", TC_ESPLIT_NO_SHARE, 0 },
	{ ":100", TC_ESPLIT_NO_NAME, 0 },
	{ "alice:60|:40", TC_ESPLIT_NO_NAME, 1 },
	{ "al:ice:60|bob:40", TC_ESPLIT_BAD_NAME, 0 },
	{ "alice:6O|bob:40", TC_ESPLIT_SHARE, 0 },
	{ "alice: 60|bob:40", TC_ESPLIT_SHARE, 0 },
	{ "alice:60%|bob:40%", TC_ESPLIT_SHARE, 0 },
	{ "alice:|bob:100", TC_ESPLIT_SHARE, 0 },
	{ "ann:33.33333|bob:66.66667", TC_ESPLIT_SHARE, 0 },
	{ "ann:0|bob:100", TC_ESPLIT_NOT_POSITIVE, 0 },
	{ "ann:-10|bob:110", TC_ESPLIT_NOT_POSITIVE, 0 },
	{ "ann:60|bob:30", TC_ESPLIT_SUM, 2 },
	{ "ann:60|bob:50", TC_ESPLIT_SUM, 1 },
	{ "ann:101", TC_ESPLIT_SUM, 0 },
	{ "ann:99.9999", TC_ESPLIT_SUM, 1 },
	{ "ann:50|ann:50", TC_ESPLIT_DUPLICATE, 1 },
	{ "a:25|b:25|a:50", TC_ESPLIT_DUPLICATE, 2 },
};

START_TEST(valid_splits_give_their_reps_and_shares)
{
	struct tc_share out[8];
	struct tc_split_iter it;
	struct tc_share sh;
	size_t n = 99, k = 0;
	int rc = tc_split_parse(good[_i].s, strlen(good[_i].s), out, 8, &n, NULL);

	ck_assert_msg(rc == 0, "\"%s\": %s", good[_i].s, tc_strerror(rc));
	ck_assert_uint_eq(n, good[_i].n);
	for (size_t i = 0; i < n; i++) {
		ck_assert_uint_eq(out[i].len, strlen(good[_i].names[i]));
		ck_assert(memcmp(out[i].name, good[_i].names[i], out[i].len) == 0);
		ck_assert_int_eq(out[i].share, good[_i].shares[i]);
	}
	/* the same reps, read one by one */
	tc_split_begin(&it, good[_i].s, strlen(good[_i].s));
	while (tc_split_next(&it, &sh)) {
		ck_assert_uint_lt(k, n);
		ck_assert(sh.name == out[k].name && sh.len == out[k].len &&
		    sh.share == out[k].share);
		k++;
	}
	ck_assert_uint_eq(k, n);
	/* checking alone counts them */
	ck_assert_int_eq(tc_split_parse(good[_i].s, strlen(good[_i].s), NULL,
	    TC_SPLIT_ANY, &n, NULL), 0);
	ck_assert_uint_eq(n, good[_i].n);
}
END_TEST

START_TEST(invalid_splits_refused_naming_the_rep)
{
	struct tc_split_fault f;
	struct tc_share out[8];
	size_t n = 99;
	int rc = tc_split_parse(bad[_i].s, strlen(bad[_i].s), out, 8, &n, &f);

	ck_assert_msg(rc == bad[_i].err, "\"%s\": expected \"%s\", got \"%s\"",
	    bad[_i].s, tc_strerror(bad[_i].err), tc_strerror(rc));
	ck_assert_uint_eq(f.entry, bad[_i].entry);
	ck_assert_uint_eq(n, 0);
}
END_TEST

START_TEST(fault_points_at_the_offending_text)
{
	struct tc_split_fault f;
	size_t n;
	const char *s = "ann:33.33333|bob:66.66667";

	ck_assert_int_eq(tc_split_parse(s, strlen(s), NULL, 8, &n, &f),
	    TC_ESPLIT_SHARE);
	ck_assert_uint_eq(f.at_len, 8);
	ck_assert(memcmp(f.at, "33.33333", 8) == 0);
	ck_assert_int_eq(f.share_err, TC_EDECIMALS);
	s = "a:25|bob:25|bob:50";
	ck_assert_int_eq(tc_split_parse(s, strlen(s), NULL, 8, &n, &f),
	    TC_ESPLIT_DUPLICATE);
	ck_assert_uint_eq(f.at_len, 3);
	ck_assert(memcmp(f.at, "bob", 3) == 0);
}
END_TEST

START_TEST(more_reps_than_allowed_refused)
{
	struct tc_share out[2];
	size_t n;

	ck_assert_int_eq(tc_split_parse("a:20|b:30|c:50", 14, out, 2, &n, NULL),
	    TC_ESPLIT_TOO_MANY);
	ck_assert_int_eq(tc_split_parse("a:20|b:80", 9, out, 2, &n, NULL), 0);
	ck_assert_int_eq(tc_split_parse("alice", 5, out, 0, &n, NULL),
	    TC_ESPLIT_TOO_MANY);
}
END_TEST

START_TEST(split_is_bounded_by_its_length)
{
	struct tc_share out[2];
	size_t n;

	/* a CSV field inside a record: the comma is not part of it */
	ck_assert_int_eq(tc_split_parse("a:60|b:40,7", 9, out, 2, &n, NULL), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(out[1].share, 400000);
}
END_TEST

START_TEST(reps_given_apart_follow_the_same_rules)
{
	struct tc_share ok[] = { { "alice", 5, 600000 }, { "bob", 3, 400000 } };
	struct tc_share dup[] = { { "bob", 3, 500000 }, { "bob", 3, 500000 } };
	struct tc_share sum[] = { { "a", 1, 500000 }, { "b", 1, 400000 } };
	struct tc_share colon[] = { { "a:b", 3, TC_PCT_100 } };
	struct tc_share bar[] = { { "a|b", 3, TC_PCT_100 } };
	struct tc_share empty[] = { { "", 0, TC_PCT_100 } };
	struct tc_share zero[] = { { "a", 1, 0 }, { "b", 1, TC_PCT_100 } };
	struct tc_split_fault f;

	ck_assert_int_eq(tc_split_check_shares(ok, 2, 16, &f), 0);
	ck_assert_int_eq(tc_split_check_shares(ok, 2, 1, &f), TC_ESPLIT_TOO_MANY);
	ck_assert_int_eq(tc_split_check_shares(ok, 0, 16, &f), TC_ESPLIT_EMPTY);
	ck_assert_int_eq(tc_split_check_shares(dup, 2, 16, &f),
	    TC_ESPLIT_DUPLICATE);
	ck_assert_uint_eq(f.entry, 1);
	ck_assert_int_eq(tc_split_check_shares(sum, 2, 16, &f), TC_ESPLIT_SUM);
	ck_assert_uint_eq(f.entry, 2);
	ck_assert_int_eq(tc_split_check_shares(colon, 1, 16, &f),
	    TC_ESPLIT_BAD_NAME);
	ck_assert_int_eq(tc_split_check_shares(bar, 1, 16, &f),
	    TC_ESPLIT_BAD_NAME);
	ck_assert_int_eq(tc_split_check_shares(empty, 1, 16, &f),
	    TC_ESPLIT_NO_NAME);
	ck_assert_int_eq(tc_split_check_shares(zero, 2, 16, &f),
	    TC_ESPLIT_NOT_POSITIVE);
}
END_TEST

START_TEST(split_writes_back_as_it_reads)
{
	struct tc_share sh[] = { { "alice", 5, 333333 }, { "bob", 3, 666667 } };
	struct tc_share out[2];
	char buf[64];
	size_t n;

	ck_assert_int_eq(tc_split_format(sh, 2, buf, sizeof(buf)), 25);
	ck_assert_str_eq(buf, "alice:33.3333|bob:66.6667");
	ck_assert_int_eq(tc_split_parse(buf, strlen(buf), out, 2, &n, NULL), 0);
	ck_assert_int_eq(out[0].share, 333333);
	ck_assert_int_eq(tc_split_format(sh, 1, buf, sizeof(buf)), 13);
	ck_assert_str_eq(buf, "alice:33.3333");
	ck_assert_int_eq(tc_split_format(sh, 2, buf, 25), TC_ETOOBIG);
	ck_assert_str_eq(buf, "");
	ck_assert_int_eq(tc_split_format(sh, 2, buf, 26), 25);
}
END_TEST

#define N(a) (int)(sizeof(a) / sizeof((a)[0]))

int
main(void)
{
	Suite *s = suite_create("split");
	TCase *tc = tcase_create("split");
	SRunner *sr;

	tcase_add_loop_test(tc, valid_splits_give_their_reps_and_shares, 0,
	    N(good));
	tcase_add_loop_test(tc, invalid_splits_refused_naming_the_rep, 0,
	    N(bad));
	tcase_add_test(tc, fault_points_at_the_offending_text);
	tcase_add_test(tc, more_reps_than_allowed_refused);
	tcase_add_test(tc, split_is_bounded_by_its_length);
	tcase_add_test(tc, reps_given_apart_follow_the_same_rules);
	tcase_add_test(tc, split_writes_back_as_it_reads);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
