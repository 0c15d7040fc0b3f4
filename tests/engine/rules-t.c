/* rules-t.c: one table-driven case for every clause of section 2 of the
 * contract.  Every expected figure is worked out by hand in the comment
 * beside it.  Plans are written with ' for " to stay readable. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

struct rcase {
	const char *name;
	const char *plans[3];
	const char *orders, *payments, *targets;
	const char *summary;   /* expected, exactly */
	const char *lines;     /* expected, exactly (NULL: not checked) */
	const char *warning;   /* a substring of the warnings, or NULL */
};

#define SUMH "rep,period,sales,target,attainment,commission,bonus,total\n"
#define LINH "rep,period,order_id,line,payment_id,rule,base_kind," \
	"base_value,commission\n"
#define PLAN(rules, extra) "{'plan':'t','effective_from':'2026-01-01'," \
	"'rules':[" rules "]" extra "}"
#define R(id, more) "{'id':'" id "'," more "}"
#define TIERS3(mode) "'tiers':{'mode':'" mode "','bands':[" \
	"{'upto':'10000','rate':'2%'},{'upto':'30000','rate':'5%'}," \
	"{'rate':'8%'}]}"

static const struct rcase cases[] = {
{ "rule-higher-priority-wins",
  /* b has priority 10 > a's 0: 1000 x 6% = 60.00 */
  { PLAN(R("a", "'match':{'product_type':'hw'},'base':'amount','rate':'4%'")
    "," R("b", "'priority':10,'match':{'region':'east'},'base':'amount',"
    "'rate':'6%'"), "") },
  "order_id,date,rep,product_type,region,quantity,amount\n"
  "O1,2026-03-05,ann,hw,east,1,1000.00\n", NULL, NULL,
  SUMH "ann,2026-03,1000.00,,,60.00,0.00,60.00\n",
  LINH "ann,2026-03,O1,1,,b,amount,1000.00,60.00\n", NULL },
{ "rule-priority-tie-more-match-keys-wins",
  /* equal priority; b has 2 keys: 1000 x 6% = 60.00 */
  { PLAN(R("a", "'match':{'product_type':'hw'},'base':'amount','rate':'4%'")
    "," R("b", "'match':{'product_type':'hw','region':'east'},"
    "'base':'amount','rate':'6%'"), "") },
  "order_id,date,rep,product_type,region,quantity,amount\n"
  "O1,2026-03-05,ann,hw,east,1,1000.00\n", NULL, NULL,
  SUMH "ann,2026-03,1000.00,,,60.00,0.00,60.00\n",
  LINH "ann,2026-03,O1,1,,b,amount,1000.00,60.00\n", NULL },
{ "rule-full-tie-earlier-in-file-wins",
  /* one key each, priority 0: a is first: 1000 x 4% = 40.00 */
  { PLAN(R("a", "'match':{'product_type':'hw'},'base':'amount','rate':'4%'")
    "," R("b", "'match':{'region':'east'},'base':'amount','rate':'6%'"),
    "") },
  "order_id,date,rep,product_type,region,quantity,amount\n"
  "O1,2026-03-05,ann,hw,east,1,1000.00\n", NULL, NULL,
  SUMH "ann,2026-03,1000.00,,,40.00,0.00,40.00\n",
  LINH "ann,2026-03,O1,1,,a,amount,1000.00,40.00\n", NULL },
{ "rule-empty-match-value-matches-nothing",
  /* a matches region "" : never, even on an empty field; b (no match
   * keys) takes it: 1000 x 1% = 10.00.  "East" is not "east": O2 is
   * also b's: 500 x 1% = 5.00; total 15.00, lines 10.00 and 5.00 */
  { PLAN(R("a", "'priority':5,'match':{'region':''},'base':'amount',"
    "'rate':'9%'") "," R("b", "'base':'amount','rate':'1%'") "," R("c",
    "'priority':9,'match':{'region':'east'},'base':'amount','rate':'50%'"),
    "") },
  "order_id,date,rep,region,quantity,amount\n"
  "O1,2026-03-05,ann,,1,1000.00\n"
  "O2,2026-03-06,ann,East,1,500.00\n", NULL, NULL,
  SUMH "ann,2026-03,1500.00,,,15.00,0.00,15.00\n",
  LINH "ann,2026-03,O1,1,,b,amount,1000.00,10.00\n"
  "ann,2026-03,O2,1,,b,amount,500.00,5.00\n", NULL },
{ "split-60-40-credits-each-rep-its-share",
  /* ann 600 x 10% = 60.00, bob 400 x 10% = 40.00; sales 600 / 400 */
  { PLAN(R("a", "'base':'amount','rate':'10%'"), "") },
  "order_id,date,rep,quantity,amount\n"
  "O1,2026-03-05,bob:40|ann:60,1,1000.00\n", NULL, NULL,
  SUMH "ann,2026-03,600.00,,,60.00,0.00,60.00\n"
  "bob,2026-03,400.00,,,40.00,0.00,40.00\n",
  LINH "ann,2026-03,O1,1,,a,amount,600.00,60.00\n"
  "bob,2026-03,O1,1,,a,amount,400.00,40.00\n", NULL },
{ "split-33.3333-66.6667-rounds-each-rep-once",
  /* ann: 100 x 33.3333% = 33.3333 (sales 33.33), x 10% = 3.33333 -> 3.33
   * bob: 100 x 66.6667% = 66.6667 (sales 66.67), x 10% = 6.66667
   * -> 6.67 */
  { PLAN(R("a", "'base':'amount','rate':'10%'"), "") },
  "order_id,date,rep,quantity,amount\n"
  "O1,2026-03-05,ann:33.3333|bob:66.6667,1,100.00\n", NULL, NULL,
  SUMH "ann,2026-03,33.33,,,3.33,0.00,3.33\n"
  "bob,2026-03,66.67,,,6.67,0.00,6.67\n",
  LINH "ann,2026-03,O1,1,,a,amount,33.33,3.33\n"
  "bob,2026-03,O1,1,,a,amount,66.67,6.67\n", NULL },
{ "tiers-marginal-at-below-above-each-edge",
  /* bands: to 10000 at 2%, to 30000 at 5%, above at 8%
   * r1  9999: 9999 x 2% = 199.98
   * r2 10000: 200.00
   * r3 10001: 200 + 1 x 5% = 200.05
   * r4 29999: 200 + 19999 x 5% = 200 + 999.95 = 1199.95
   * r5 30000: 200 + 20000 x 5% = 1200.00
   * r6 30001: 1200 + 1 x 8% = 1200.08 */
  { PLAN(R("t", "'base':'amount'," TIERS3("marginal")), "") },
  "order_id,date,rep,quantity,amount\n"
  "O1,2026-03-05,r1,1,9999\nO2,2026-03-05,r2,1,10000\n"
  "O3,2026-03-05,r3,1,10001\nO4,2026-03-05,r4,1,29999\n"
  "O5,2026-03-05,r5,1,30000\nO6,2026-03-05,r6,1,30001\n", NULL, NULL,
  SUMH "r1,2026-03,9999.00,,,199.98,0.00,199.98\n"
  "r2,2026-03,10000.00,,,200.00,0.00,200.00\n"
  "r3,2026-03,10001.00,,,200.05,0.00,200.05\n"
  "r4,2026-03,29999.00,,,1199.95,0.00,1199.95\n"
  "r5,2026-03,30000.00,,,1200.00,0.00,1200.00\n"
  "r6,2026-03,30001.00,,,1200.08,0.00,1200.08\n", NULL, NULL },
{ "tiers-marginal-fen-above-edge-rounds-away",
  /* 10000.01: 200 + 0.01 x 5% = 200.0005 -> 200.00;
   * 10000.10: 200 + 0.10 x 5% = 200.005 -> half away: 200.01 */
  { PLAN(R("t", "'base':'amount'," TIERS3("marginal")), "") },
  "order_id,date,rep,quantity,amount\n"
  "O1,2026-03-05,r1,1,10000.01\nO2,2026-03-05,r2,1,10000.10\n",
  NULL, NULL,
  SUMH "r1,2026-03,10000.01,,,200.00,0.00,200.00\n"
  "r2,2026-03,10000.10,,,200.01,0.00,200.01\n", NULL, NULL },
{ "tiers-whole-at-below-above-each-edge",
  /* whole base at the rate of the band it reaches (B <= upto):
   * 9999 x 2% = 199.98; 10000 x 2% = 200.00; 10001 x 5% = 500.05;
   * 29999 x 5% = 1499.95; 30000 x 5% = 1500.00; 30001 x 8% = 2400.08 */
  { PLAN(R("t", "'base':'amount'," TIERS3("whole")), "") },
  "order_id,date,rep,quantity,amount\n"
  "O1,2026-03-05,r1,1,9999\nO2,2026-03-05,r2,1,10000\n"
  "O3,2026-03-05,r3,1,10001\nO4,2026-03-05,r4,1,29999\n"
  "O5,2026-03-05,r5,1,30000\nO6,2026-03-05,r6,1,30001\n", NULL, NULL,
  SUMH "r1,2026-03,9999.00,,,199.98,0.00,199.98\n"
  "r2,2026-03,10000.00,,,200.00,0.00,200.00\n"
  "r3,2026-03,10001.00,,,500.05,0.00,500.05\n"
  "r4,2026-03,29999.00,,,1499.95,0.00,1499.95\n"
  "r5,2026-03,30000.00,,,1500.00,0.00,1500.00\n"
  "r6,2026-03,30001.00,,,2400.08,0.00,2400.08\n", NULL, NULL },
{ "tiers-whole-fen-above-edge-jumps-to-next-rate",
  /* whole: 10000.00 x 2% = 200.00, but 10000.01 x 5% = 500.0005 ->
   * 500.00: the whole base moves to the next band's rate */
  { PLAN(R("t", "'base':'amount'," TIERS3("whole")), "") },
  "order_id,date,rep,quantity,amount\n"
  "O1,2026-03-05,r1,1,10000.00\nO2,2026-03-05,r2,1,10000.01\n",
  NULL, NULL,
  SUMH "r1,2026-03,10000.00,,,200.00,0.00,200.00\n"
  "r2,2026-03,10000.01,,,500.00,0.00,500.00\n", NULL, NULL },
{ "empty-orders-give-header-only",
  /* no rows at all: the summary and the lines are their headers */
  { PLAN(R("a", "'base':'amount','rate':'10%'"), "") },
  "order_id,date,rep,quantity,amount\n",
  "payment_id,order_id,date,amount\n", "rep,period,amount\n",
  SUMH, LINH, NULL },
{ "tiers-negative-period-base-at-first-band-rate",
  /* marginal: 300 - 800 = -500, x first rate 2% = -10.00; lines: -1000
   * fen over 300 and -800 (W -500): +600 and -1600 fen.
   * whole (bob): -500 x 2% = -10.00 likewise */
  { PLAN(R("m", "'match':{'product':'m'},'base':'amount',"
    TIERS3("marginal")) "," R("w", "'match':{'product':'w'},"
    "'base':'amount'," TIERS3("whole")), "") },
  "order_id,date,rep,product,quantity,amount\n"
  "O1,2026-03-05,ann,m,1,300\nR1,2026-03-20,ann,m,-2,-800\n"
  "O2,2026-03-05,bob,w,1,300\nR2,2026-03-20,bob,w,-2,-800\n", NULL, NULL,
  SUMH "ann,2026-03,-500.00,,,-10.00,0.00,-10.00\n"
  "bob,2026-03,-500.00,,,-10.00,0.00,-10.00\n",
  LINH "ann,2026-03,O1,1,,m,amount,300.00,6.00\n"
  "ann,2026-03,R1,1,,m,amount,-800.00,-16.00\n"
  "bob,2026-03,O2,1,,w,amount,300.00,6.00\n"
  "bob,2026-03,R2,1,,w,amount,-800.00,-16.00\n", NULL },
{ "accelerator-exactly-at-threshold-applies",
  /* r1: 1000 / 1000 = 100% >= 100%: 100 x 1.5 = 150.00.
   * r2: 999.99 / 1000 = 99.999% prints as 100.00 but is below:
   * 99.999 -> 100.00, not multiplied */
  { PLAN(R("a", "'base':'amount','rate':'10%'"),
    ",'accelerators':[{'attainment':'100%','multiplier':'1.5'}]") },
  "order_id,date,rep,quantity,amount\n"
  "O1,2026-03-05,r1,1,1000\nO2,2026-03-05,r2,1,999.99\n", NULL,
  "rep,period,amount\nr1,2026-03,1000\nr2,2026-03,1000\n",
  SUMH "r1,2026-03,1000.00,1000.00,100.00,150.00,0.00,150.00\n"
  "r2,2026-03,999.99,1000.00,100.00,100.00,0.00,100.00\n", NULL, NULL },
{ "accelerator-highest-reached-and-negative-commission-multiplied",
  /* ann: 1300 / 1000 = 130%: highest reached is 120% (x1.5):
   * 130 x 1.5 = 195.00.
   * bob: margin rule, amount 1000 cost 1500: margin -500 x 10% = -50;
   * sales 1000 / 1000 = 100%: x1.2 = -60.00 */
  { PLAN(R("m", "'match':{'product':'m'},'base':'margin','rate':'10%'")
    "," R("a", "'base':'amount','rate':'10%'"),
    ",'accelerators':[{'attainment':'120%','multiplier':'1.5'},"
    "{'attainment':'100%','multiplier':'1.2'}]") },
  "order_id,date,rep,product,quantity,amount,cost\n"
  "O1,2026-03-05,ann,,1,1300,\nO2,2026-03-05,bob,m,1,1000,1500\n", NULL,
  "rep,period,amount\nann,2026-03,1000\nbob,2026-03,1000\n",
  SUMH "ann,2026-03,1300.00,1000.00,130.00,195.00,0.00,195.00\n"
  "bob,2026-03,1000.00,1000.00,100.00,-60.00,0.00,-60.00\n",
  LINH "ann,2026-03,O1,1,,a,amount,1300.00,195.00\n"
  "bob,2026-03,O2,1,,m,margin,-500.00,-60.00\n", NULL },
{ "cap-limits-multiplied-commission-but-not-negative",
  /* ann: 1000 x 10% = 100 x 1.5 (100%) = 150 > cap 120: 120.00.
   * bob: return -2000 x 10% = -200: not capped.
   * cy: 500 x 10% = 50 < cap, no target: 50.00 */
  { PLAN(R("a", "'base':'amount','rate':'10%'"),
    ",'cap':'120','accelerators':[{'attainment':'100%','multiplier':"
    "'1.5'}]") },
  "order_id,date,rep,quantity,amount\n"
  "O1,2026-03-05,ann,1,1000\nR1,2026-03-05,bob,-1,-2000\n"
  "O2,2026-03-06,cy,1,500\n", NULL,
  "rep,period,amount\nann,2026-03,1000\n",
  SUMH "ann,2026-03,1000.00,1000.00,100.00,120.00,0.00,120.00\n"
  "bob,2026-03,-2000.00,,,-200.00,0.00,-200.00\n"
  "cy,2026-03,500.00,,,50.00,0.00,50.00\n", NULL, NULL },
{ "bonus-highest-threshold-not-multiplied-not-capped",
  /* ann: 1500 / 1000 = 150%: 150 x 2 = 300 capped at 200; bonus of the
   * 150% step 500 (not multiplied, not capped): total 700.
   * bob has no target: no multiplier, no bonus: 150 (< cap 200) */
  { PLAN(R("a", "'base':'amount','rate':'10%'"),
    ",'cap':'200','accelerators':[{'attainment':'100%','multiplier':'2'}],"
    "'bonuses':[{'attainment':'100%','amount':'300'},"
    "{'attainment':'150%','amount':'500'}]") },
  "order_id,date,rep,quantity,amount\n"
  "O1,2026-03-05,ann,1,1500\nO2,2026-03-05,bob,1,1500\n", NULL,
  "rep,period,amount\nann,2026-03,1000\n",
  SUMH "ann,2026-03,1500.00,1000.00,150.00,200.00,500.00,700.00\n"
  "bob,2026-03,1500.00,,,150.00,0.00,150.00\n", NULL, NULL },
{ "collected-partial-payments-in-their-own-periods",
  /* order 1000 dated February: paid 400 in March (x5% = 20.00) and 600
   * in April (30.00); no February row (nothing credited then) */
  { PLAN(R("c", "'base':'collected','rate':'5%'"), "") },
  "order_id,date,rep,quantity,amount\nO1,2026-02-20,ann,1,1000\n",
  "payment_id,order_id,date,amount\nP1,O1,2026-03-10,400\n"
  "P2,O1,2026-04-05,600\n", NULL,
  SUMH "ann,2026-03,400.00,,,20.00,0.00,20.00\n"
  "ann,2026-04,600.00,,,30.00,0.00,30.00\n",
  LINH "ann,2026-03,O1,1,P1,c,collected,400.00,20.00\n"
  "ann,2026-04,O1,1,P2,c,collected,600.00,30.00\n", NULL },
{ "collected-over-collection-then-refund-removes-excess-first",
  /* order 1000: P1 1200 credits 1000 (200 excess); P2 -300: raw 900,
   * credited 900, credits -100.  B = 900 x 5% = 45.00; lines 4500 fen
   * over 1000 and -100 (W 900): 5000 and -500 */
  { PLAN(R("c", "'base':'collected','rate':'5%'"), "") },
  "order_id,date,rep,quantity,amount\nO1,2026-02-20,ann,1,1000\n",
  "payment_id,order_id,date,amount\nP2,O1,2026-03-15,-300\n"
  "P1,O1,2026-03-01,1200\n", NULL,
  SUMH "ann,2026-03,900.00,,,45.00,0.00,45.00\n",
  LINH "ann,2026-03,O1,1,P1,c,collected,1000.00,50.00\n"
  "ann,2026-03,O1,1,P2,c,collected,-100.00,-5.00\n",
  "payment P2 credits -100.00 of its -300.00 to order O1" },
{ "collected-refund-before-any-credit-credits-nothing",
  /* P1 -200: raw -200 clamps to 0, no credit, no line; P2 500: raw 300,
   * credits 300: 300 x 5% = 15.00 */
  { PLAN(R("c", "'base':'collected','rate':'5%'"), "") },
  "order_id,date,rep,quantity,amount\nO1,2026-02-20,ann,1,1000\n",
  "payment_id,order_id,date,amount\nP1,O1,2026-03-01,-200\n"
  "P2,O1,2026-03-10,500\n", NULL,
  SUMH "ann,2026-03,300.00,,,15.00,0.00,15.00\n",
  LINH "ann,2026-03,O1,1,P2,c,collected,300.00,15.00\n",
  "payment P1 credits 0.00 of its -200.00 to order O1" },
{ "collected-payment-spread-over-lines-of-different-rules",
  /* O1: line 1 hw 600 (rule hw, amount 4% = 24.00), lines 2 and 3
   * service 300 and 100 (rule svc, collected 10%); order amount 1000.
   * P1 500 -> 300/150/50; P2 100.01 -> 10001 fen x .6/.3/.1 = 6000.6,
   * 3000.3, 1000.1: floors 6000, 3000, 1000, 1 fen to line 1 -> svc
   * 30.00 and 10.00; P3 0.03 -> 1.8, 0.9, 0.3: floors 1, 0, 0, 2 fen to
   * .9 (line 2) and .8 (line 1) -> 2, 1, 0: svc 0.01 and 0.00.
   * svc B = 150 + 50 + 30 + 10 + 0.01 = 240.01 x 10% = 24.001;
   * C = 48.001 -> 48.00; sales 600 + 240.01 = 840.01.
   * Stage 1: 4800 fen over 24 and 24.001: 2399.95 and 2400.05, floors
   * 2399 + 2400, the fen to hw (.95): 24.00 / 24.00.
   * Stage 2: 2400 over 150, 50, 30, 10, 0.01, 0 (sum 240.01): 1499.94,
   * 499.98, 299.99, 99.996, 0.09999, 0: floors sum 2396, 4 fen to .996,
   * .99, .98, .94 -> 15.00, 5.00, 3.00, 1.00, 0.00, 0.00 */
  { PLAN(R("hw", "'match':{'product_type':'hw'},'base':'amount',"
    "'rate':'4%'") "," R("svc", "'match':{'product_type':'svc'},"
    "'base':'collected','rate':'10%'"), "") },
  "order_id,line,date,rep,product_type,quantity,amount\n"
  "O1,1,2026-03-01,ann,hw,1,600\nO1,2,2026-03-01,ann,svc,1,300\n"
  "O1,3,2026-03-01,ann,svc,1,100\n",
  "payment_id,order_id,date,amount\nP1,O1,2026-03-20,500\n"
  "P2,O1,2026-03-25,100.01\nP3,O1,2026-03-28,0.03\n", NULL,
  SUMH "ann,2026-03,840.01,,,48.00,0.00,48.00\n",
  LINH "ann,2026-03,O1,1,,hw,amount,600.00,24.00\n"
  "ann,2026-03,O1,2,P1,svc,collected,150.00,15.00\n"
  "ann,2026-03,O1,3,P1,svc,collected,50.00,5.00\n"
  "ann,2026-03,O1,2,P2,svc,collected,30.00,3.00\n"
  "ann,2026-03,O1,3,P2,svc,collected,10.00,1.00\n"
  "ann,2026-03,O1,2,P3,svc,collected,0.01,0.00\n"
  "ann,2026-03,O1,3,P3,svc,collected,0.00,0.00\n", NULL },
{ "collected-return-order-refund-claws-back",
  /* return order -500; refund -500 credits -500 (range -500..0):
   * -500 x 5% = -25.00 */
  { PLAN(R("c", "'base':'collected','rate':'5%'"), "") },
  "order_id,date,rep,quantity,amount\nR1,2026-03-02,ann,-1,-500\n",
  "payment_id,order_id,date,amount\nP1,R1,2026-03-09,-500\n", NULL,
  SUMH "ann,2026-03,-500.00,,,-25.00,0.00,-25.00\n",
  LINH "ann,2026-03,R1,1,P1,c,collected,-500.00,-25.00\n", NULL },
{ "collected-line-never-paid-appears-nowhere",
  /* ann's collected order has no payment: no row; bob's amount order
   * 100 x 5% = 5.00 */
  { PLAN(R("c", "'match':{'product':'s'},'base':'collected','rate':'5%'")
    "," R("a", "'base':'amount','rate':'5%'"), "") },
  "order_id,date,rep,product,quantity,amount\nO1,2026-03-02,ann,s,1,500\n"
  "O2,2026-03-02,bob,x,1,100\n", NULL, NULL,
  SUMH "bob,2026-03,100.00,,,5.00,0.00,5.00\n",
  LINH "bob,2026-03,O2,1,,a,amount,100.00,5.00\n", NULL },
{ "collected-order-amounting-to-zero-credits-nothing",
  /* lines 100 and -100: order amount 0, the payment credits nothing */
  { PLAN(R("c", "'base':'collected','rate':'5%'"), "") },
  "order_id,line,date,rep,quantity,amount\nO1,1,2026-03-02,ann,1,100\n"
  "O1,2,2026-03-02,ann,-1,-100\n",
  "payment_id,order_id,date,amount\nP1,O1,2026-03-09,50\n", NULL,
  SUMH, LINH, "payment P1 credits nothing: order O1 amounts to 0" },
{ "margin-base-counts-negative-margin",
  /* 1000 - 600 = 400 and 500 - 700 = -200: B = 200 x 10% = 20.00;
   * lines 2000 fen over 400, -200 (W 200): 4000, -2000; sales 1500 */
  { PLAN(R("m", "'base':'margin','rate':'10%'"), "") },
  "order_id,date,rep,quantity,amount,cost\nO1,2026-03-02,ann,1,1000,600\n"
  "O2,2026-03-03,ann,1,500,700\n", NULL, NULL,
  SUMH "ann,2026-03,1500.00,,,20.00,0.00,20.00\n",
  LINH "ann,2026-03,O1,1,,m,margin,400.00,40.00\n"
  "ann,2026-03,O2,1,,m,margin,-200.00,-20.00\n", NULL },
{ "per-unit-quantity-base-prints-thousandths",
  /* ann: 12.125 x 2.50 = 30.3125 -> 30.31.  bob/cy split 50/50 of
   * 0.001 units: 0.0005 each, printed 0.001 (half away); 0.00125 ->
   * 0.00 commission; sales 0.50 x 50% = 0.25 each */
  { PLAN(R("u", "'base':'quantity','per_unit':'2.50'"), "") },
  "order_id,date,rep,quantity,amount\nO1,2026-03-02,ann,12.125,99\n"
  "O2,2026-03-02,bob:50|cy:50,0.001,0.50\n", NULL, NULL,
  SUMH "ann,2026-03,99.00,,,30.31,0.00,30.31\n"
  "bob,2026-03,0.25,,,0.00,0.00,0.00\n"
  "cy,2026-03,0.25,,,0.00,0.00,0.00\n",
  LINH "ann,2026-03,O1,1,,u,quantity,12.125,30.31\n"
  "bob,2026-03,O2,1,,u,quantity,0.001,0.00\n"
  "cy,2026-03,O2,1,,u,quantity,0.001,0.00\n", NULL },
{ "cancelled-lines-and-orders-earn-nothing",
  /* O1 line 2 cancelled: only line 1, 1000 x 10% = 100.00.  O2 wholly
   * cancelled (its margin row needs no cost): its payment credits
   * nothing, with a warning */
  { PLAN(R("m", "'match':{'product':'m'},'base':'margin','rate':'10%'")
    "," R("a", "'base':'amount','rate':'10%'"), "") },
  "order_id,line,date,rep,product,quantity,amount,cost,status\n"
  "O1,1,2026-03-02,ann,,1,1000,,booked\n"
  "O1,2,2026-03-02,ann,,1,500,,cancelled\n"
  "O2,1,2026-03-02,ann,m,1,700,,cancelled\n",
  "payment_id,order_id,date,amount\nP1,O2,2026-03-09,700\n", NULL,
  SUMH "ann,2026-03,1000.00,,,100.00,0.00,100.00\n",
  LINH "ann,2026-03,O1,1,,a,amount,1000.00,100.00\n",
  "payment P1 credits nothing: order O2 has no booked lines" },
{ "unmatched-rows-appear-with-zeros",
  /* O9 matches no rule, O8 is before the plan: both unmatched, one line
   * per rep with empty rule and 0.00, and summary rows of zeros;
   * ann has a target in March: attainment 0.00 */
  { PLAN(R("a", "'match':{'product_type':'hw'},'base':'amount',"
    "'rate':'10%'"), "") },
  "order_id,date,rep,product_type,quantity,amount\n"
  "O9,2026-03-02,ann:50|bob:50,sw,1,1000\n"
  "O8,2025-12-15,ann,hw,1,100\n", NULL,
  "rep,period,amount\nann,2026-03,500\n",
  SUMH "ann,2025-12,0.00,,,0.00,0.00,0.00\n"
  "ann,2026-03,0.00,500.00,0.00,0.00,0.00,0.00\n"
  "bob,2026-03,0.00,,,0.00,0.00,0.00\n",
  LINH "ann,2025-12,O8,1,,,,,0.00\n"
  "ann,2026-03,O9,1,,,,,0.00\n"
  "bob,2026-03,O9,1,,,,,0.00\n",
  "order O8 line 1: unmatched (no plan version covers its date)" },
{ "versions-payment-crossing-into-later-version",
  /* line dated June (v1, rule c at 5%); P1 400 in June: 20.00 under
   * v1; P2 600 in July: still v1's rule c (600 x 5% = 30), but July
   * belongs to v2: its accelerator (sales 600 / target 100 = 600%)
   * doubles it: 60.00 */
  { "{'plan':'v1','effective_from':'2026-01-01','effective_to':"
    "'2026-06-30','rules':[" R("c", "'base':'collected','rate':'5%'")
    "]}",
    "{'plan':'v2','effective_from':'2026-07-01','rules':[" R("c",
    "'base':'collected','rate':'8%'") "],'accelerators':[{'attainment':"
    "'100%','multiplier':'2'}]}" },
  "order_id,date,rep,quantity,amount\nO1,2026-06-20,ann,1,1000\n",
  "payment_id,order_id,date,amount\nP1,O1,2026-06-25,400\n"
  "P2,O1,2026-07-05,600\n",
  "rep,period,amount\nann,2026-07,100\n",
  SUMH "ann,2026-06,400.00,,,20.00,0.00,20.00\n"
  "ann,2026-07,600.00,100.00,600.00,60.00,0.00,60.00\n",
  LINH "ann,2026-06,O1,1,P1,c,collected,400.00,20.00\n"
  "ann,2026-07,O1,1,P2,c,collected,600.00,60.00\n", NULL },
{ "quarter-periods-accumulate-tiers-and-targets",
  /* Q1: 1000 (Jan) + 500 (Mar) = 1500: marginal 1000 x 10% + 500 x 20%
   * = 200.00; target 2000: 75.00%.  Lines: 20000 fen x 2/3 = 13333.3,
   * x 1/3 = 6666.6: the fen to the .6: 133.33 and 66.67.
   * Q2: 500 x 10% = 50.00.  The month label target is ignored. */
  { "{'plan':'q','period':'quarter','effective_from':'2026-01-01',"
    "'rules':[" R("t", "'base':'amount','tiers':{'mode':'marginal',"
    "'bands':[{'upto':'1000','rate':'10%'},{'rate':'20%'}]}") "]}" },
  "order_id,date,rep,quantity,amount\nO1,2026-01-10,ann,1,1000\n"
  "O2,2026-03-31,ann,1,500\nO3,2026-04-01,ann,1,500\n", NULL,
  "rep,period,amount\nann,2026-Q1,2000\nann,2026-03,100\n",
  SUMH "ann,2026-Q1,1500.00,2000.00,75.00,200.00,0.00,200.00\n"
  "ann,2026-Q2,500.00,,,50.00,0.00,50.00\n",
  LINH "ann,2026-Q1,O1,1,,t,amount,1000.00,133.33\n"
  "ann,2026-Q1,O2,1,,t,amount,500.00,66.67\n"
  "ann,2026-Q2,O3,1,,t,amount,500.00,50.00\n",
  "target for rep ann period 2026-03 is not a quarter: ignored" },
{ "year-periods",
  /* 100 (May) + 200 (Nov) = 300 x 10% = 30.00; target 300: 100.00% */
  { "{'plan':'y','period':'year','effective_from':'2026-01-01',"
    "'rules':[" R("a", "'base':'amount','rate':'10%'") "]}" },
  "order_id,date,rep,quantity,amount\nO1,2026-05-01,ann,1,100\n"
  "O2,2026-11-30,ann,1,200\n", NULL,
  "rep,period,amount\nann,2026,300\n",
  SUMH "ann,2026,300.00,300.00,100.00,30.00,0.00,30.00\n",
  LINH "ann,2026,O1,1,,a,amount,100.00,10.00\n"
  "ann,2026,O2,1,,a,amount,200.00,20.00\n", NULL },
{ "rounding-half-away-from-zero-including-minus-0.005",
  /* rate 0.5%: r1 -1.00 -> -0.005 -> -0.01; r2 1.00 -> 0.005 -> 0.01;
   * r3 -0.80 -> -0.004 -> 0.00 (never -0.00) */
  { PLAN(R("a", "'base':'amount','rate':'0.5%'"), "") },
  "order_id,date,rep,quantity,amount\nO1,2026-03-02,r1,-1,-1.00\n"
  "O2,2026-03-02,r2,1,1.00\nO3,2026-03-02,r3,-1,-0.80\n", NULL, NULL,
  SUMH "r1,2026-03,-1.00,,,-0.01,0.00,-0.01\n"
  "r2,2026-03,1.00,,,0.01,0.00,0.01\n"
  "r3,2026-03,-0.80,,,0.00,0.00,0.00\n",
  LINH "r1,2026-03,O1,1,,a,amount,-1.00,-0.01\n"
  "r2,2026-03,O2,1,,a,amount,1.00,0.01\n"
  "r3,2026-03,O3,1,,a,amount,-0.80,0.00\n", NULL },
{ "largest-remainder-ties-by-date-order-id-line",
  /* 3 x 0.10 at 3.3333% = 0.0099999 -> 0.01, over three equal weights:
   * 1/3 fen each, the fen to the first in tie order: same date, then
   * order_id in byte order: A10 < A9 < B2.  Then X lines 10 and 2 at
   * 5% (0.20 -> 0.01 for bob): line 2 first as a number */
  { PLAN(R("a", "'match':{'product':'p'},'base':'amount','rate':'3.3333%'")
    "," R("b", "'base':'amount','rate':'5%'"), "") },
  "order_id,line,date,rep,product,quantity,amount\n"
  "B2,1,2026-03-05,ann,p,1,0.10\nA9,1,2026-03-05,ann,p,1,0.10\n"
  "A10,01,2026-03-05,ann,p,1,0.10\nX,10,2026-03-05,bob,q,1,0.10\n"
  "X,2,2026-03-05,bob,q,1,0.10\n", NULL, NULL,
  SUMH "ann,2026-03,0.30,,,0.01,0.00,0.01\n"
  "bob,2026-03,0.20,,,0.01,0.00,0.01\n",
  LINH "ann,2026-03,A10,1,,a,amount,0.10,0.01\n"
  "ann,2026-03,A9,1,,a,amount,0.10,0.00\n"
  "ann,2026-03,B2,1,,a,amount,0.10,0.00\n"
  "bob,2026-03,X,2,,b,amount,0.10,0.01\n"
  "bob,2026-03,X,10,,b,amount,0.10,0.00\n", NULL },
{ "largest-remainder-stage-one-tie-to-earlier-rule",
  /* rules a and b each 1.00 x 0.5% = 0.005: C = 0.01; stage 1 gives
   * half a fen each: the fen to a (earlier in the file) */
  { PLAN(R("a", "'match':{'product':'p'},'base':'amount','rate':'0.5%'")
    "," R("b", "'match':{'product':'q'},'base':'amount','rate':'0.5%'"),
    "") },
  "order_id,date,rep,product,quantity,amount\nO2,2026-03-05,ann,q,1,1\n"
  "O1,2026-03-06,ann,p,1,1\n", NULL, NULL,
  SUMH "ann,2026-03,2.00,,,0.01,0.00,0.01\n",
  LINH "ann,2026-03,O2,1,,b,amount,1.00,0.00\n"
  "ann,2026-03,O1,1,,a,amount,1.00,0.01\n", NULL },
{ "target-without-credit-produces-no-row",
  /* bob's target alone makes no row; ann 100 x 10% = 10.00 */
  { PLAN(R("a", "'base':'amount','rate':'10%'"), "") },
  "order_id,date,rep,quantity,amount\nO1,2026-03-05,ann,1,100\n", NULL,
  "rep,period,amount\nbob,2026-03,100\nann,2026-04,100\n",
  SUMH "ann,2026-03,100.00,,,10.00,0.00,10.00\n", NULL, NULL },
{ "csv-quoting-and-utf8-names-pass-through",
  /* rep 李娜 and an order id with a comma: quoted only where needed */
  { PLAN(R("a", "'base':'amount','rate':'10%'"), "") },
  "\xEF\xBB\xBForder_id,date,rep,quantity,amount\r\n"
  "\"A,1\",2026-03-05,李娜,1,100\r\n", NULL, NULL,
  SUMH "李娜,2026-03,100.00,,,10.00,0.00,10.00\n",
  LINH "李娜,2026-03,\"A,1\",1,,a,amount,100.00,10.00\n", NULL },
};

static char *
dq(const char *s)
{
	char *d = strdup(s);

	for (char *p = d; *p; p++)
		if (*p == '\'')
			*p = '"';
	return d;
}

START_TEST(engine_clause)
{
	const struct rcase *c = &cases[_i];
	const char *plans[4] = { NULL };
	char *owned[3] = { NULL };
	struct run r;

	for (int i = 0; i < 3 && c->plans[i]; i++)
		plans[i] = owned[i] = dq(c->plans[i]);
	run_texts(plans, c->orders, c->payments, c->targets, &r);
	ck_assert_msg(r.rc == 0, "%s: expected success, got %d: %s", c->name,
	    r.rc, r.error);
	ck_assert_msg(strcmp(r.summary, c->summary) == 0,
	    "%s: summary expected\n%s\ngot\n%s", c->name, c->summary, r.summary);
	if (c->lines)
		ck_assert_msg(strcmp(r.lines, c->lines) == 0,
		    "%s: lines expected\n%s\ngot\n%s", c->name, c->lines, r.lines);
	if (c->warning)
		ck_assert_msg(strstr(r.warnings, c->warning) != NULL,
		    "%s: warning \"%s\" expected, got\n%s", c->name, c->warning,
		    r.warnings);
	run_free(&r);
	for (int i = 0; i < 3; i++)
		free(owned[i]);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("rules");
	SRunner *sr;
	int failed;

	/* one TCase per clause, so that TAP names the behaviour */
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		TCase *tc = tcase_create(cases[i].name);
		tcase_add_loop_test(tc, engine_clause, (int)i, (int)i + 1);
		suite_add_tcase(s, tc);
	}
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
