/* explain-t.c: the explanation of a rep's period (engine/explain.h) on
 * hand-worked cases: the spec's worked example, marginal tiers crossing
 * two bands, whole tiers, a split, a return, a collected rule with an
 * over-payment and a refund, a cap that bites, an accelerator with the
 * next threshold, and rules that lost on priority, specificity and file
 * order.  Every expected figure is worked out in the comment beside it.
 * Plans are written with ' for " to stay readable. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "engine/explain.h"
#include "core/error.h"

#define PLAN(rules, extra) "{'plan':'t','effective_from':'2026-01-01'," \
	"'rules':[" rules "]" extra "}"
#define R(id, more) "{'id':'" id "'," more "}"
#define TIERS3(mode) "'tiers':{'mode':'" mode "','bands':[" \
	"{'upto':'10000','rate':'2%'},{'upto':'30000','rate':'5%'}," \
	"{'rate':'8%'}]}"

/* yuan -> the scales of explain.h */
#define FEN(y)   ((tc_i128)(y) * 100)
#define BASE(y)  ((tc_i128)(y) * 100 * 1000000)          /* 10^-6 fen */
#define RULEC(y) ((tc_i128)(y) * 100 * 1000000000000LL)  /* 10^-12 fen */
#define PERC(y)  ((tc_i128)(y) * 100 * 10000000000000000LL) /* 10^-16 */

static struct run run;
static struct tce_explanation *x;

/* ' -> " in a copy of s (static buffers, one per argument slot) */
static const char *
json(const char *s, int slot)
{
	static char buf[3][4096];

	snprintf(buf[slot], sizeof(buf[slot]), "%s", s);
	for (char *p = buf[slot]; *p; p++)
		if (*p == '\'')
			*p = '"';
	return buf[slot];
}

/* Runs the engine and explains rep's period label. */
static void
explain(const char *plan, const char *orders, const char *payments,
    const char *targets, const char *rep, const char *label)
{
	const char *plans[2] = { json(plan, 0), NULL };
	enum tc_period_kind kind;
	struct tce_diag err;
	int32_t p;
	int rc;

	run_free(&run);
	tce_explanation_free(x);
	x = NULL;
	rc = run_texts_kept(plans, orders, payments, targets, &run);
	ck_assert_msg(rc == 0, "calc: %s", run.error);
	ck_assert_ptr_nonnull(run.res);
	ck_assert_int_eq(tc_period_parse(label, strlen(label), &kind, &p), 0);
	rc = tce_explain(run.plan, run.in, run.res, rep, p, &x, &err);
	ck_assert_msg(rc == 0, "explain: %d %s", rc, err.msg);
}

static void
teardown(void)
{
	tce_explanation_free(x);
	x = NULL;
	run_free(&run);
}

static const char *
fixed(tc_i128 v, int digits)
{
	static char b[4][TCE_XFMT_LEN];
	static int k;

	k = (k + 1) % 4;
	tce_xfmt_fixed(b[k], v, digits, 2);
	return b[k];
}

/* The remainder of spread item i in fen, to 2 decimals. */
static const char *
rem(const struct tce_xspread *s, size_t i)
{
	static char b[4][TCE_XFMT_LEN];
	static int k;

	k = (k + 1) % 4;
	tce_xfmt_ratio(b[k], s->parts[i].rem, s->den, 2, 2);
	return b[k];
}

#define ASSERT_I128(got, want) ck_assert_msg((got) == (want), \
	"%s: got %s, want %s", #got, fixed(got, 0), fixed(want, 0))

static const char *example_plan =
    "{'plan':'Worked example','currency':'CNY','period':'month',"
    "'effective_from':'2026-01-01','rules':[{'id':'all','base':'amount',"
    "'tiers':{'mode':'marginal','bands':[{'upto':'10000','rate':'2%'},"
    "{'rate':'5%'}]}}],'accelerators':[{'attainment':'100%',"
    "'multiplier':'1.5'}],'bonuses':[{'attainment':'100%','amount':'300'}]}";
static const char *example_orders =
    "order_id,date,rep,quantity,amount\n"
    "A1,2026-03-05,ann,1,8000.00\n"
    "A2,2026-03-12,ann,1,6000.00\n"
    "A3,2026-03-30,ann,-1,-1000.00\n";

START_TEST(explain_worked_example_of_the_spec)
{
	const struct tce_xrule *r;
	char b[TCE_XFMT_LEN];

	explain(example_plan, example_orders, NULL,
	    "rep,period,amount\nann,2026-03,12000.00\n", "ann", "2026-03");
	ck_assert_str_eq(x->version->name, "Worked example");
	ck_assert_uint_eq(x->nrules, 1);
	r = &x->rules[0];
	ck_assert_str_eq(run.plan->rules[r->rule]->id, "all");
	/* B = 8000 + 6000 - 1000 = 13000 */
	ASSERT_I128(r->base, BASE(13000));
	ck_assert_uint_eq(r->nlines, 3);
	/* 10000 x 2% = 200, 3000 x 5% = 150 */
	ck_assert_uint_eq(r->nslices, 2);
	ck_assert_int_eq(r->slices[0].band, 0);
	ASSERT_I128(r->slices[0].from, 0);
	ASSERT_I128(r->slices[0].to, BASE(10000));
	ASSERT_I128(r->slices[0].commission, RULEC(200));
	ck_assert_int_eq(r->slices[1].band, 1);
	ASSERT_I128(r->slices[1].amount, BASE(3000));
	ck_assert_int_eq(r->slices[1].rate, 50000);
	ASSERT_I128(r->slices[1].commission, RULEC(150));
	ASSERT_I128(r->commission, RULEC(350));
	/* attainment 13000 / 12000 = 108.3333...% */
	ASSERT_I128(x->sales, BASE(13000));
	ck_assert(x->has_target);
	tce_xfmt_ratio(b, x->sales, x->attain_den, 4, 2);
	ck_assert_str_eq(b, "108.3333...");
	ck_assert_int_eq(x->summary.attainment, 10833);
	/* 100% reached: x1.5, nothing further */
	ck_assert_int_eq(x->accel, 0);
	ck_assert_int_eq(x->multiplier, 15000);
	ck_assert_int_eq(x->next_accel, -1);
	ASSERT_I128(x->rule_sum, RULEC(350));
	ASSERT_I128(x->multiplied, PERC(525));
	ck_assert(!x->has_cap);
	ASSERT_I128(x->unrounded, PERC(525));
	ck_assert_int_eq(x->commission, 52500);
	ck_assert_int_eq(x->bonus_step, 0);
	ck_assert_int_eq(x->bonus, 30000);
	ck_assert_int_eq(x->next_bonus, -1);
	/* stage 1: one rule takes it all */
	ck_assert_uint_eq(x->stage1.n, 1);
	ck_assert_int_eq(x->stage1.parts[0].part, 52500);
	ASSERT_I128(x->stage1.parts[0].rem, 0);
	/* stage 2: 52500 fen x 8000/13000 = 32307.69..., x 6000/13000 =
	 * 24230.76..., x -1000/13000 = -4038.46...: floors 32307, 24230,
	 * -4039 (sum 52498); the 2 fen left go to 0.77 and 0.69 */
	ck_assert_int_eq(r->stage2.total, 52500);
	ck_assert_int_eq(r->stage2.left, 2);
	ck_assert_int_eq(r->stage2.parts[0].floor, 32307);
	ck_assert_str_eq(rem(&r->stage2, 0), "0.69...");
	ck_assert(r->stage2.parts[0].extra);
	ck_assert_int_eq(r->stage2.parts[0].part, 32308);
	ck_assert_int_eq(r->stage2.parts[1].floor, 24230);
	ck_assert_str_eq(rem(&r->stage2, 1), "0.77...");
	ck_assert_int_eq(r->stage2.parts[1].part, 24231);
	ck_assert_int_eq(r->stage2.parts[2].floor, -4039);
	ck_assert_str_eq(rem(&r->stage2, 2), "0.54...");
	ck_assert(!r->stage2.parts[2].extra);
	ck_assert_int_eq(r->stage2.parts[2].part, -4039);
	/* the lines: result order, each the only rule that matched */
	ck_assert_uint_eq(x->nlines, 3);
	ck_assert_str_eq(run.in->rows[x->lines[2].row].order_id, "A3");
	ck_assert_int_eq(x->lines[2].share, 1000000);
	ASSERT_I128(x->lines[2].value, FEN(-1000));
	ASSERT_I128(x->lines[2].base, BASE(-1000));
	ck_assert_uint_eq(x->lines[2].nrivals, 0);
	ck_assert_int_eq(x->lines[2].commission, -4039);
	ck_assert_uint_eq(x->lines[0].item, 0);
	ck_assert_uint_eq(x->lines[0].xrule, 0);
}
END_TEST

START_TEST(explain_marginal_tiers_crossing_two_bands)
{
	const struct tce_xrule *r;

	/* B = 35000: 10000 x 2% = 200, 20000 x 5% = 1000, 5000 x 8% = 400;
	 * rule commission 1600 */
	explain(PLAN(R("t", "'base':'amount'," TIERS3("marginal")), ""),
	    "order_id,date,rep,quantity,amount\n"
	    "O1,2026-05-02,ann,1,20000\nO2,2026-05-20,ann,1,15000\n",
	    NULL, NULL, "ann", "2026-05");
	r = &x->rules[0];
	ck_assert_uint_eq(r->nslices, 3);
	ck_assert_int_eq(r->slices[0].band, 0);
	ASSERT_I128(r->slices[0].amount, BASE(10000));
	ASSERT_I128(r->slices[0].commission, RULEC(200));
	ck_assert_int_eq(r->slices[1].band, 1);
	ASSERT_I128(r->slices[1].from, BASE(10000));
	ASSERT_I128(r->slices[1].to, BASE(30000));
	ASSERT_I128(r->slices[1].commission, RULEC(1000));
	ck_assert_int_eq(r->slices[2].band, 2);
	ASSERT_I128(r->slices[2].from, BASE(30000));
	ASSERT_I128(r->slices[2].to, BASE(35000));
	ck_assert_int_eq(r->slices[2].rate, 80000);
	ASSERT_I128(r->slices[2].commission, RULEC(400));
	ASSERT_I128(r->commission, RULEC(1600));
	/* no target: no attainment, multiplier 1 */
	ck_assert(!x->has_target);
	ck_assert_int_eq(x->accel, -1);
	ck_assert_int_eq(x->multiplier, 10000);
	ck_assert_int_eq(x->commission, 160000);
	/* 160000 x 20000/35000 = 91428.57..., x 15000/35000 = 68571.42...:
	 * floors 91428 + 68571 = 159999; the fen to .57 */
	ck_assert_int_eq(r->stage2.left, 1);
	ck_assert_str_eq(rem(&r->stage2, 0), "0.57...");
	ck_assert_int_eq(r->stage2.parts[0].part, 91429);
	ck_assert_int_eq(r->stage2.parts[1].part, 68571);
}
END_TEST

START_TEST(explain_whole_tier_gives_the_band_reached)
{
	const struct tce_xrule *r;

	/* whole: B = 15000 reaches band 2 (to 30000): 15000 x 5% = 750 */
	explain(PLAN(R("t", "'base':'amount'," TIERS3("whole")), ""),
	    "order_id,date,rep,quantity,amount\nO1,2026-05-02,ann,1,15000\n",
	    NULL, NULL, "ann", "2026-05");
	r = &x->rules[0];
	ck_assert_uint_eq(r->nslices, 1);
	ck_assert_int_eq(r->slices[0].band, 1);
	ASSERT_I128(r->slices[0].amount, BASE(15000));
	ck_assert_int_eq(r->slices[0].rate, 50000);
	ASSERT_I128(r->commission, RULEC(750));
	ck_assert_int_eq(x->commission, 75000);
	ck_assert_int_eq(x->lines[0].commission, 75000);
}
END_TEST

START_TEST(explain_split_credits_the_reps_share)
{
	const struct tce_xline *l;

	/* bob's 40% of 1000: base 400, x 10% = 40.00 */
	explain(PLAN(R("a", "'base':'amount','rate':'10%'"), ""),
	    "order_id,date,rep,quantity,amount\n"
	    "O1,2026-03-05,ann:60|bob:40,1,1000.00\n", NULL, NULL, "bob",
	    "2026-03");
	ck_assert_str_eq(x->rep, "bob");
	ck_assert_uint_eq(x->nlines, 1);
	l = &x->lines[0];
	ck_assert_int_eq(l->share, 400000);
	ASSERT_I128(l->value, FEN(1000));
	ASSERT_I128(l->base, BASE(400));
	ASSERT_I128(l->sales, BASE(400));
	ck_assert_uint_eq(x->rules[0].nslices, 1);
	ck_assert_int_eq(x->rules[0].slices[0].band, -1);
	ck_assert_int_eq(x->rules[0].slices[0].rate, 100000);
	ASSERT_I128(x->rules[0].commission, RULEC(40));
	ck_assert_int_eq(l->commission, 4000);
}
END_TEST

START_TEST(explain_return_alone_claws_back_at_the_first_band)
{
	const struct tce_xrule *r;

	/* a return in June, nothing else: B = -2500 < 0: B x the first
	 * band's rate: -2500 x 2% = -50.00; never capped (cap 10) */
	explain(PLAN(R("t", "'base':'amount'," TIERS3("marginal")),
	    ",'cap':'10'"),
	    "order_id,date,rep,quantity,amount\n"
	    "R1,2026-06-10,ann,-1,-2500.00\n", NULL, NULL, "ann", "2026-06");
	r = &x->rules[0];
	ck_assert_uint_eq(r->nslices, 1);
	ck_assert_int_eq(r->slices[0].band, 0);
	ASSERT_I128(r->slices[0].amount, BASE(-2500));
	ASSERT_I128(r->commission, RULEC(-50));
	ck_assert(x->has_cap);
	ck_assert(!x->capped);
	ck_assert_int_eq(x->commission, -5000);
	ck_assert_int_eq(x->lines[0].commission, -5000);
	ASSERT_I128(x->sales, BASE(-2500));
}
END_TEST

START_TEST(explain_collected_over_payment_and_refund)
{
	const struct tce_xpayment *p;
	const struct tce_xline *l;

	/* order O1: lines 100.00 and 200.00 (300.00), collected at 10%.
	 * P1 100.00: credited 0 -> 100, spread 10000 fen x 1/3 = 3333.33
	 * and x 2/3 = 6666.66...: floors 3333 + 6666, the fen to .67.
	 * P2 250.00: raw 350 clamped to 300: credits 200.00 of 250.00;
	 * 6666.66... and 13333.33...: floors 6666 + 13333, the fen to .67.
	 * P3 -80.00: raw 270, credited 270: credits -30.00: -1000, -2000.
	 * B = 100 + 200 - 30 = 270: x 10% = 27.00 */
	explain(PLAN(R("c", "'base':'collected','rate':'10%'"), ""),
	    "order_id,line,date,rep,quantity,amount\n"
	    "O1,1,2026-04-01,ann,1,100.00\nO1,2,2026-04-01,ann,1,200.00\n",
	    "payment_id,order_id,date,amount\n"
	    "P3,O1,2026-04-25,-80.00\nP1,O1,2026-04-05,100.00\n"
	    "P2,O1,2026-04-15,250.00\n", NULL, "ann", "2026-04");
	ck_assert_uint_eq(x->npayments, 3);
	ck_assert_uint_eq(x->nlines, 6);
	/* payments by input index: P3, P1, P2 */
	p = &x->payments[1];
	ck_assert_str_eq(run.in->payments[p->payment].payment_id, "P1");
	ck_assert_int_eq(p->order_amount, 30000);
	ck_assert_int_eq(p->raw_before, 0);
	ck_assert_int_eq(p->raw_after, 10000);
	ck_assert_int_eq(p->credit, 10000);
	ck_assert_uint_eq(p->spread.n, 2);
	ck_assert_int_eq(p->spread.parts[0].floor, 3333);
	ck_assert_str_eq(rem(&p->spread, 0), "0.33...");
	ck_assert_int_eq(p->spread.parts[0].part, 3333);
	ck_assert_str_eq(rem(&p->spread, 1), "0.67...");
	ck_assert_int_eq(p->spread.parts[1].part, 6667);
	p = &x->payments[2];
	ck_assert_str_eq(run.in->payments[p->payment].payment_id, "P2");
	ck_assert_int_eq(p->raw_before, 10000);
	ck_assert_int_eq(p->raw_after, 35000);
	ck_assert_int_eq(p->credited_before, 10000);
	ck_assert_int_eq(p->credited_after, 30000);
	ck_assert_int_eq(p->credit, 20000);
	ck_assert_int_eq(p->spread.parts[0].part, 6667);
	ck_assert_int_eq(p->spread.parts[1].part, 13333);
	p = &x->payments[0];
	ck_assert_str_eq(run.in->payments[p->payment].payment_id, "P3");
	ck_assert_int_eq(p->raw_before, 35000);
	ck_assert_int_eq(p->raw_after, 27000);
	ck_assert_int_eq(p->credited_before, 30000);
	ck_assert_int_eq(p->credited_after, 27000);
	ck_assert_int_eq(p->credit, -3000);
	ck_assert_int_eq(p->spread.parts[0].part, -1000);
	ck_assert_int_eq(p->spread.parts[1].part, -2000);
	ASSERT_I128(p->spread.parts[1].rem, 0);
	/* lines in date order: P1's two, P2's two, P3's two */
	l = &x->lines[2];
	ck_assert_str_eq(run.in->payments[l->payment].payment_id, "P2");
	ck_assert_int_eq(run.in->rows[l->row].line, 1);
	ck_assert_uint_eq(l->xpayment, 2);
	ck_assert_uint_eq(l->xitem, 0);
	ASSERT_I128(l->value, 6667);
	ASSERT_I128(l->base, (tc_i128)6667 * 1000000);
	ASSERT_I128(x->rules[0].base, BASE(270));
	ASSERT_I128(x->rules[0].commission, RULEC(27));
	ck_assert_int_eq(x->commission, 2700);
	ck_assert_int_eq(x->summary.sales, 27000);
}
END_TEST

START_TEST(explain_cap_that_bites)
{
	/* 100000 x 10% = 10000.00, cap 8000: capped, 8000.00 */
	explain(PLAN(R("a", "'base':'amount','rate':'10%'"), ",'cap':'8000'"),
	    "order_id,date,rep,quantity,amount\n"
	    "O1,2026-03-05,ann,1,60000\nO2,2026-03-06,ann,1,40000\n",
	    NULL, NULL, "ann", "2026-03");
	ASSERT_I128(x->rule_sum, RULEC(10000));
	ASSERT_I128(x->multiplied, PERC(10000));
	ck_assert(x->has_cap);
	ck_assert_int_eq(x->cap, 800000);
	ck_assert(x->capped);
	ASSERT_I128(x->unrounded, PERC(8000));
	ck_assert_int_eq(x->commission, 800000);
	/* 800000 fen over 60000 and 40000: 480000 and 320000 exactly */
	ck_assert_int_eq(x->rules[0].stage2.parts[0].part, 480000);
	ck_assert_int_eq(x->rules[0].stage2.parts[1].part, 320000);
	ck_assert_int_eq(x->rules[0].stage2.left, 0);
}
END_TEST

START_TEST(explain_accelerator_and_next_thresholds)
{
	char b[TCE_XFMT_LEN];

	/* sales 11000 of target 10000: 110%, 100% reached (x1.2), next
	 * 120% needs another 1000.00; bonus 150% needs another 4000.00.
	 * 11000 x 3% = 330 x 1.2 = 396.00 */
	explain(PLAN(R("a", "'base':'amount','rate':'3%'"),
	    ",'accelerators':[{'attainment':'120%','multiplier':'1.5'},"
	    "{'attainment':'100%','multiplier':'1.2'}],"
	    "'bonuses':[{'attainment':'150%','amount':'500'}]"),
	    "order_id,date,rep,quantity,amount\nO1,2026-03-05,ann,1,11000\n",
	    NULL, "rep,period,amount\nann,2026-03,10000\n", "ann", "2026-03");
	tce_xfmt_ratio(b, x->sales, x->attain_den, 4, 2);
	ck_assert_str_eq(b, "110.00");
	ck_assert_int_eq(x->accel, 0);
	ck_assert_int_eq(x->version->accel[x->accel].at, 1000000);
	ck_assert_int_eq(x->multiplier, 12000);
	ck_assert_int_eq(x->next_accel, 1);
	ck_assert_int_eq(x->version->accel[x->next_accel].at, 1200000);
	ASSERT_I128(x->next_accel_gap, BASE(1000));
	ck_assert_int_eq(x->bonus_step, -1);
	ck_assert_int_eq(x->bonus, 0);
	ck_assert_int_eq(x->next_bonus, 0);
	ASSERT_I128(x->next_bonus_gap, BASE(4000));
	ASSERT_I128(x->multiplied, PERC(396));
	ck_assert_int_eq(x->commission, 39600);
}
END_TEST

START_TEST(explain_rules_lost_on_priority_specificity_file_order)
{
	const struct tce_xline *l;

	/* the row is hw, east, direct: a (priority 0) loses on priority;
	 * b (10, one key) on specificity; d (10, two keys, after c) on file
	 * order; c (10, two keys) wins: 1000 x 6% = 60.00; e does not match */
	explain(PLAN(R("a", "'match':{'product_type':'hw'},'base':'amount',"
	    "'rate':'4%'") ","
	    R("b", "'priority':10,'match':{'region':'east'},'base':'amount',"
	    "'rate':'5%'") ","
	    R("c", "'priority':10,'match':{'region':'east','product_type':"
	    "'hw'},'base':'amount','rate':'6%'") ","
	    R("d", "'priority':10,'match':{'region':'east','channel':"
	    "'direct'},'base':'amount','rate':'7%'") ","
	    R("e", "'priority':20,'match':{'region':'west'},'base':'amount',"
	    "'rate':'9%'"), ""),
	    "order_id,date,rep,product_type,region,channel,quantity,amount\n"
	    "O1,2026-03-05,ann,hw,east,direct,1,1000.00\n", NULL, NULL, "ann",
	    "2026-03");
	l = &x->lines[0];
	ck_assert_str_eq(run.plan->rules[l->rule]->id, "c");
	ck_assert_uint_eq(l->nrivals, 3);
	/* in selection order: d (10, 2 keys, later), b (10, 1 key), a (0) */
	ck_assert_str_eq(run.plan->rules[l->rivals[0].rule]->id, "d");
	ck_assert_int_eq(l->rivals[0].lost, TCE_LOST_FILE_ORDER);
	ck_assert_str_eq(run.plan->rules[l->rivals[1].rule]->id, "b");
	ck_assert_int_eq(l->rivals[1].lost, TCE_LOST_SPECIFICITY);
	ck_assert_str_eq(run.plan->rules[l->rivals[2].rule]->id, "a");
	ck_assert_int_eq(l->rivals[2].lost, TCE_LOST_PRIORITY);
	ck_assert_str_eq(tce_lost_name(l->rivals[1].lost), "specificity");
	ck_assert_int_eq(l->commission, 6000);
}
END_TEST

START_TEST(explain_unmatched_line_earns_nothing)
{
	/* O2 matches no rule: a line with no rule and 0.00, beside O1's */
	explain(PLAN(R("a", "'match':{'product_type':'hw'},'base':'amount',"
	    "'rate':'4%'"), ""),
	    "order_id,date,rep,product_type,quantity,amount\n"
	    "O1,2026-03-05,ann,hw,1,1000.00\nO2,2026-03-06,ann,sw,1,500.00\n",
	    NULL, NULL, "ann", "2026-03");
	ck_assert_uint_eq(x->nlines, 2);
	ck_assert_int_eq(x->lines[1].rule, -1);
	ck_assert_ptr_nonnull(x->lines[1].version);
	ck_assert_uint_eq(x->lines[1].xrule, TCE_NONE);
	ck_assert_int_eq(x->lines[1].commission, 0);
	ASSERT_I128(x->sales, BASE(1000));
	ck_assert_int_eq(x->commission, 4000);
}
END_TEST

START_TEST(explain_unknown_rep_or_period_not_found)
{
	struct tce_diag err;
	struct tce_explanation *y = (void *)1;

	explain(example_plan, example_orders, NULL, NULL, "ann", "2026-03");
	ck_assert_int_eq(tce_explain(run.plan, run.in, run.res, "bob",
	    tc_period_of(TC_PERIOD_MONTH, 20260301), &y, &err), TC_ENOTFOUND);
	ck_assert_ptr_null(y);
	ck_assert_str_eq(err.msg, "rep \"bob\" has no commission row in "
	    "period 2026-03");
	ck_assert_int_eq(tce_explain(run.plan, run.in, run.res, "ann",
	    tc_period_of(TC_PERIOD_MONTH, 20260401), &y, &err), TC_ENOTFOUND);
	ck_assert_int_eq(tce_explain(run.plan, run.in, run.res, "an",
	    tc_period_of(TC_PERIOD_MONTH, 20260301), &y, &err), TC_ENOTFOUND);
}
END_TEST

START_TEST(xfmt_prints_exact_scaled_integers_and_ratios)
{
	static const struct {
		long long v;
		int digits, min_dec;
		const char *want;
	} f[] = {
		{ 0, 8, 2, "0.00" },
		{ 52500000000LL, 8, 2, "525.00" },
		{ 20000050000LL, 8, 2, "200.0005" },
		{ -123456789LL, 8, 2, "-1.23456789" },
		{ -1, 2, 2, "-0.01" },
		{ 15000, 4, 0, "1.5" },
		{ 15000, 4, 1, "1.5" },
		{ 10000, 4, 0, "1" },
		{ 7, 0, 2, "7" },
	};
	static const struct {
		long long num, den;
		int max_dec, min_dec;
		const char *want;
	} q[] = {
		{ 1, 3, 2, 2, "0.33..." },
		{ 2, 3, 2, 2, "0.67..." },
		{ 1, 4, 4, 2, "0.25" },
		{ 1, 2, 4, 2, "0.50" },
		{ -1, 3, 2, 2, "-0.33..." },
		{ 13, 12, 4, 2, "1.0833..." },
		{ 0, 7, 2, 2, "0.00" },
	};
	char b[TCE_XFMT_LEN];

	for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		tce_xfmt_fixed(b, f[i].v, f[i].digits, f[i].min_dec);
		ck_assert_msg(strcmp(b, f[i].want) == 0, "%lld/10^%d: %s, want %s",
		    f[i].v, f[i].digits, b, f[i].want);
	}
	for (size_t i = 0; i < sizeof(q) / sizeof(q[0]); i++) {
		tce_xfmt_ratio(b, q[i].num, q[i].den, q[i].max_dec, q[i].min_dec);
		ck_assert_msg(strcmp(b, q[i].want) == 0, "%lld/%lld: %s, want %s",
		    q[i].num, q[i].den, b, q[i].want);
	}
	/* the largest exact figures: 10^-16 fen of 10^8 yuan */
	tce_xfmt_fixed(b, (tc_i128)10000000000LL * 10000000000LL *
	    1000000000000LL * 100 + 1, 18, 2);
	ck_assert_str_eq(b, "10000000000000000.000000000000000001");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("explain");
	TCase *tc = tcase_create("explain");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, explain_worked_example_of_the_spec);
	tcase_add_test(tc, explain_marginal_tiers_crossing_two_bands);
	tcase_add_test(tc, explain_whole_tier_gives_the_band_reached);
	tcase_add_test(tc, explain_split_credits_the_reps_share);
	tcase_add_test(tc, explain_return_alone_claws_back_at_the_first_band);
	tcase_add_test(tc, explain_collected_over_payment_and_refund);
	tcase_add_test(tc, explain_cap_that_bites);
	tcase_add_test(tc, explain_accelerator_and_next_thresholds);
	tcase_add_test(tc, explain_rules_lost_on_priority_specificity_file_order);
	tcase_add_test(tc, explain_unmatched_line_earns_nothing);
	tcase_add_test(tc, explain_unknown_rep_or_period_not_found);
	tcase_add_test(tc, xfmt_prints_exact_scaled_integers_and_ratios);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
