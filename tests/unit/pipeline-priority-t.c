/* pipeline-priority-t: the priority score, the classification tags, the
 * large-deal rank and the calendar of the pipeline pages, each checked
 * against hand-computed values. */
#include "config.h"

#include <check.h>
#include <stdint.h>
#include <stdio.h>

#include "sales/pipeline-date.h"
#include "sales/pipeline-priority.h"

#define TODAY tc_days_from_civil(2026, 11, 27)   /* a Friday */

/* Each case: the facts, the large-deal threshold, the expected score
 * (worked out by hand from the formula in pipeline-priority.h) and the
 * expected tags. */
static const struct prio_case {
	const char *name;
	bool open;
	int pos, prob;
	int64_t amount;
	bool has_follow_up;
	int follow_up, last_touch, close;   /* days relative to today */
	int64_t threshold;
	int score;
	unsigned tags;
} cases[] = {
	/* Closed: 0 points and no tag, however late its follow-up. */
	{ "won-is-quiet", false, 5, 100, 50000000, true, -40, -90, -10,
	    1, 0, 0 },
	/* Lead, nothing due: 0 + 0 + 0 (close in 60 d) + 0 + 0 = 0. */
	{ "fresh-lead", true, 1, 10, 0, false, 0, -5, 60, 0, 0, 0 },
	/* Negotiation, follow-up 3 d late: 30 + 2x3 = 36; no activity for
	 * 40 d: 20 + (40 - 30) = 30; closes in 10 d: 30 - 10 = 20;
	 * 200,000.00 x 75% = 150,000.00 -> 15; stage 4 x 3 = 12.  113. */
	{ "hot-negotiation", true, 4, 75, 20000000, true, -3, -40, 10,
	    20000000, 113, PIPE_TAG_OVERDUE | PIPE_TAG_STALE | PIPE_TAG_LARGE },
	/* Proposal, everything at its cap: follow-up 45 d late: 30 + 2x30
	 * = 90; 100 d without activity: 20 + 30 = 50; close date passed:
	 * 30; 1,000,000.00 x 50% = 500,000.00 -> 50, capped 40; stage 8.
	 * 218.  Its close date (yesterday) is still in this month: closing. */
	{ "capped-proposal", true, 3, 50, 100000000, true, -45, -100, -1,
	    100000001, 218, PIPE_TAG_OVERDUE | PIPE_TAG_STALE |
	    PIPE_TAG_CLOSING },
	/* Qualified: follow-up today is not overdue: 0; exactly 30 d
	 * without activity is stale: 20 + 0; closes in 30 d: 0;
	 * 39,999.99 x 25% = 9,999.9975 -> 10,000.00 (rounded) -> 1;
	 * stage 4.  25. */
	{ "stale-on-the-day", true, 2, 25, 3999999, true, 0, -30, 30, 0, 25,
	    PIPE_TAG_STALE },
	/* Lead closing today: 0 + 0 (29 d) + 30 + 0 (5,000 weighted) + 0. */
	{ "closing-today", true, 1, 10, 5000000, true, 2, -29, 0, 5000001, 30,
	    PIPE_TAG_CLOSING },
	/* Closes at the end of this month (3 d): 27 points, closing; large
	 * at exactly the threshold. */
	{ "month-end-large", true, 1, 10, 7000000, false, 0, -1, 3, 7000000,
	    27, PIPE_TAG_CLOSING | PIPE_TAG_LARGE },
	/* A zero amount is never large, even with a zero-ish threshold. */
	{ "zero-not-large", true, 1, 10, 0, false, 0, 0, 90, 1, 0, 0 },
};

static struct pipe_facts
facts_of(const struct prio_case *c)
{
	struct pipe_facts f = {
		.open = c->open, .stage_pos = c->pos, .probability = c->prob,
		.amount = c->amount, .has_follow_up = c->has_follow_up,
		.follow_up = TODAY + c->follow_up,
		.last_touch = TODAY + c->last_touch,
		.expected_close = TODAY + c->close, .today = TODAY,
		.stale_days = 30,
	};
	return f;
}

START_TEST(priority_score_matches_hand_computation)
{
	const struct prio_case *c = &cases[_i];
	struct pipe_facts f = facts_of(c);
	int got = pipe_priority(&f);

	ck_assert_msg(got == c->score, "%s: expected score %d, got %d",
	    c->name, c->score, got);
}
END_TEST

START_TEST(tags_match_the_rules)
{
	const struct prio_case *c = &cases[_i];
	struct pipe_facts f = facts_of(c);
	unsigned got = pipe_tags(&f, c->threshold);

	ck_assert_msg(got == c->tags, "%s: expected tags %#x, got %#x",
	    c->name, c->tags, got);
}
END_TEST

START_TEST(large_rank_is_the_top_decile)
{
	static const size_t n[] = { 0, 1, 9, 10, 11, 25, 100, 101 };
	static const size_t k[] = { 0, 1, 1, 1, 2, 3, 10, 11 };

	for (size_t i = 0; i < sizeof(n) / sizeof(n[0]); i++)
		ck_assert_msg(pipe_large_rank(n[i]) == k[i],
		    "n=%zu: expected rank %zu, got %zu", n[i], k[i],
		    pipe_large_rank(n[i]));
}
END_TEST

START_TEST(tag_codes_round_trip)
{
	ck_assert_uint_eq(pipe_tag_of("overdue"), PIPE_TAG_OVERDUE);
	ck_assert_uint_eq(pipe_tag_of("stale"), PIPE_TAG_STALE);
	ck_assert_uint_eq(pipe_tag_of("closing"), PIPE_TAG_CLOSING);
	ck_assert_uint_eq(pipe_tag_of("large"), PIPE_TAG_LARGE);
	ck_assert_uint_eq(pipe_tag_of("big"), 0);
	ck_assert_uint_eq(pipe_tag_of(""), 0);
	ck_assert_uint_eq(pipe_tag_of(NULL), 0);
	ck_assert_str_eq(pipe_tag_code(2), "closing");
	ck_assert_ptr_null(pipe_tag_code(4));
}
END_TEST

START_TEST(weighted_amount_rounds_half_away)
{
	ck_assert_int_eq(pipe_weighted(3999999, 25), 1000000);
	ck_assert_int_eq(pipe_weighted(2, 25), 1);      /* 0.5 fen -> 1 */
	ck_assert_int_eq(pipe_weighted(1, 25), 0);      /* 0.25 fen -> 0 */
	ck_assert_int_eq(pipe_weighted(12345, 100), 12345);
	ck_assert_int_eq(pipe_weighted(12345, 0), 0);
	ck_assert_int_eq(pipe_conversion_permille(1, 3), 333);
	ck_assert_int_eq(pipe_conversion_permille(2, 3), 667);
	ck_assert_int_eq(pipe_conversion_permille(0, 0), 0);
	ck_assert_int_eq(pipe_conversion_permille(5, 5), 1000);
}
END_TEST

START_TEST(iso_weeks)
{
	int64_t d, mon;
	char buf[16];

	ck_assert(pipe_parse_date("2026-11-27", &d));
	ck_assert_int_eq(d, 20784);
	ck_assert_int_eq(tc_weekday(d), 5);
	ck_assert_str_eq(pipe_fmt_week(buf, sizeof(buf), d), "2026-W48");
	ck_assert(pipe_parse_week("2026-W48", &mon));
	ck_assert_str_eq(pipe_fmt_date(buf, sizeof(buf), mon), "2026-11-23");
	ck_assert(pipe_parse_date("2021-01-03", &d));
	ck_assert_str_eq(pipe_fmt_week(buf, sizeof(buf), d), "2020-W53");
	ck_assert(pipe_parse_week("2020-W53", &mon));
	ck_assert_str_eq(pipe_fmt_date(buf, sizeof(buf), mon), "2020-12-28");
	ck_assert(pipe_parse_date("2024-12-30", &d));
	ck_assert_str_eq(pipe_fmt_week(buf, sizeof(buf), d), "2025-W01");
	ck_assert(!pipe_parse_week("2021-W53", &mon));
	ck_assert(!pipe_parse_week("2021-W00", &mon));
	ck_assert(!pipe_parse_week("2021W01", &mon));
	ck_assert(!pipe_parse_date("2026-02-29", &d));
	ck_assert(!pipe_parse_date("2026-13-01", &d));
	ck_assert(pipe_parse_date("2024-02-29", &d));
}
END_TEST

START_TEST(months_add_across_years)
{
	int y = 2026, m = 11;

	tc_month_add(&y, &m, 2);
	ck_assert(y == 2027 && m == 1);
	tc_month_add(&y, &m, -13);
	ck_assert(y == 2025 && m == 12);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("pipeline-priority");
	TCase *tc = tcase_create("pipeline");
	SRunner *sr;

	tcase_add_loop_test(tc, priority_score_matches_hand_computation, 0,
	    sizeof(cases) / sizeof(cases[0]));
	tcase_add_loop_test(tc, tags_match_the_rules, 0,
	    sizeof(cases) / sizeof(cases[0]));
	tcase_add_test(tc, large_rank_is_the_top_decile);
	tcase_add_test(tc, tag_codes_round_trip);
	tcase_add_test(tc, weighted_amount_rounds_half_away);
	tcase_add_test(tc, iso_weeks);
	tcase_add_test(tc, months_add_across_years);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
