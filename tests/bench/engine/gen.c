/* gen.c: writes a synthetic year for the engine benchmark into DIR:
 * plan.json (20 rules: flat, marginal and whole tiers, per-unit, margin,
 * collected), orders.csv (ORDER_LINES lines in orders of 1 to 3 lines,
 * 10% split between two reps, 3% returns), payments.csv (PAYMENTS rows:
 * partial payments, 2% refunds) and targets.csv (a monthly target per
 * rep).  Deterministic.  usage: gen DIR [ORDER_LINES PAYMENTS REPS] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t st = 88172645463325252ULL;

static uint64_t
rnd(void)
{
	st ^= st << 13;
	st ^= st >> 7;
	st ^= st << 17;
	return st;
}

static long
pick(long n)
{
	return (long)(rnd() % (uint64_t)n);
}

static const char *const regions[] = { "east", "west", "north", "south" };
static const char *const channels[] = { "direct", "partner", "online" };

static void
date_of(int doy, int *m, int *d)
{
	static const int ml[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int i = 0;

	while (doy >= ml[i]) {
		doy -= ml[i];
		i++;
	}
	*m = i + 1;
	*d = doy + 1;
}

static void
money(FILE *f, long fen)
{
	if (fen < 0) {
		fputc('-', f);
		fen = -fen;
	}
	fprintf(f, "%ld.%02ld", fen / 100, fen % 100);
}

int
main(int argc, char **argv)
{
	long nlines = argc > 2 ? atol(argv[2]) : 1000000;
	long npay = argc > 3 ? atol(argv[3]) : 1000000;
	int nreps = argc > 4 ? atoi(argv[4]) : 2000;
	char path[4096];
	FILE *f, *fp;
	long line = 0, orders = 0, pays = 0;
	long *oamount, *oday;

	if (argc < 2) {
		fprintf(stderr, "usage: gen DIR [ORDER_LINES PAYMENTS REPS]\n");
		return 2;
	}
	/* plan: 20 rules over 10 product types, the second ten also by
	 * region east with a higher priority */
	snprintf(path, sizeof(path), "%s/plan.json", argv[1]);
	f = fopen(path, "w");
	fprintf(f, "{\"plan\": \"Bench 2026\", \"currency\": \"CNY\", "
	    "\"period\": \"month\", \"effective_from\": \"2026-01-01\",\n"
	    " \"rules\": [\n");
	for (int i = 0; i < 20; i++) {
		fprintf(f, "  {\"id\": \"r%02d\", \"priority\": %d, \"match\": "
		    "{\"product_type\": \"t%d\"%s}, ", i, i >= 10 ? 5 : 0, i % 10,
		    i >= 10 ? ", \"region\": \"east\"" : "");
		switch (i % 6) {
		case 0:
			fprintf(f, "\"base\": \"amount\", \"rate\": \"%d.25%%\"}",
			    2 + i % 5);
			break;
		case 1:
			fprintf(f, "\"base\": \"amount\", \"tiers\": {\"mode\": "
			    "\"marginal\", \"bands\": [{\"upto\": \"20000\", "
			    "\"rate\": \"2%%\"}, {\"upto\": \"60000\", \"rate\": "
			    "\"4.5%%\"}, {\"rate\": \"7%%\"}]}}");
			break;
		case 2:
			fprintf(f, "\"base\": \"amount\", \"tiers\": {\"mode\": "
			    "\"whole\", \"bands\": [{\"upto\": \"30000\", "
			    "\"rate\": \"3%%\"}, {\"rate\": \"5.5%%\"}]}}");
			break;
		case 3:
			fprintf(f, "\"base\": \"quantity\", \"per_unit\": \"2.50\"}");
			break;
		case 4:
			fprintf(f, "\"base\": \"margin\", \"rate\": \"12%%\"}");
			break;
		default:
			fprintf(f, "\"base\": \"collected\", \"tiers\": {\"mode\": "
			    "\"marginal\", \"bands\": [{\"upto\": \"50000\", "
			    "\"rate\": \"3%%\"}, {\"rate\": \"6.125%%\"}]}}");
			break;
		}
		fprintf(f, "%s\n", i < 19 ? "," : "");
	}
	fprintf(f, " ],\n \"accelerators\": [{\"attainment\": \"100%%\", "
	    "\"multiplier\": \"1.2\"}, {\"attainment\": \"120%%\", "
	    "\"multiplier\": \"1.5\"}],\n \"cap\": \"80000\",\n \"bonuses\": "
	    "[{\"attainment\": \"100%%\", \"amount\": \"2000\"}, "
	    "{\"attainment\": \"150%%\", \"amount\": \"5000\"}]\n}\n");
	fclose(f);

	oamount = calloc((size_t)nlines + 1, sizeof(long));
	oday = calloc((size_t)nlines + 1, sizeof(long));
	snprintf(path, sizeof(path), "%s/orders.csv", argv[1]);
	f = fopen(path, "w");
	fprintf(f, "order_id,line,date,rep,product_type,region,channel,"
	    "product,customer,quantity,amount,cost,status\n");
	while (line < nlines) {
		int nl = 1 + (int)pick(3), doy = (int)pick(365), m, d;
		int ret = pick(100) < 3;
		int r1 = (int)pick(nreps), r2 = (int)pick(nreps);
		int split = pick(100) < 10 && r1 != r2;
		char rep[64];
		long cust = pick(50000);
		date_of(doy, &m, &d);
		if (split)
			snprintf(rep, sizeof(rep), "rep%04d:%d|rep%04d:%d", r1,
			    60, r2, 40);
		else
			snprintf(rep, sizeof(rep), "rep%04d", r1);
		oday[orders] = doy;
		for (int l = 1; l <= nl && line < nlines; l++, line++) {
			long qty = 1 + pick(50), amt = 1000 + pick(2000000);
			long cost = amt * (40 + pick(50)) / 100;
			if (ret) {
				qty = -qty;
				amt = -amt;
				cost = -cost;
			}
			oamount[orders] += amt;
			fprintf(f, "SO%07ld,%d,2026-%02d-%02d,%s,t%ld,%s,%s,P%05ld,"
			    "C%05ld,%ld,", orders, l, m, d, rep, pick(10),
			    regions[pick(4)], channels[pick(3)], pick(20000), cust,
			    qty);
			money(f, amt);
			fputc(',', f);
			money(f, cost);
			fputs(",booked\n", f);
		}
		orders++;
	}
	fclose(f);

	/* payments: spread over the orders, partial, 2% refunds */
	snprintf(path, sizeof(path), "%s/payments.csv", argv[1]);
	fp = fopen(path, "w");
	fprintf(fp, "payment_id,order_id,date,amount\n");
	for (long o = 0; pays < npay; o = (o + 1) % orders) {
		int np = 1 + (int)pick(3), day = (int)oday[o];
		long left = oamount[o];
		for (int k = 0; k < np && pays < npay; k++) {
			long a;
			int m, d;
			day += (int)pick(40);
			if (day > 364)
				day = 364;
			date_of(day, &m, &d);
			if (pick(100) < 2)
				a = -(labs(oamount[o]) / 10 + 1);
			else if (k + 1 == np)
				a = left;
			else
				a = left / (2 + pick(3));
			left -= a;
			fprintf(fp, "PAY%08ld,SO%07ld,2026-%02d-%02d,", pays, o, m, d);
			money(fp, a);
			fputc('\n', fp);
			pays++;
		}
	}
	fclose(fp);

	snprintf(path, sizeof(path), "%s/targets.csv", argv[1]);
	f = fopen(path, "w");
	fprintf(f, "rep,period,amount\n");
	for (int r = 0; r < nreps; r++)
		for (int m = 1; m <= 12; m++) {
			fprintf(f, "rep%04d,2026-%02d,", r, m);
			money(f, 40000000 + pick(40000000));
			fputc('\n', f);
		}
	fclose(f);
	fprintf(stderr, "gen: %ld order lines in %ld orders, %ld payments, "
	    "%d reps\n", line, orders, pays, nreps);
	free(oamount);
	free(oday);
	return 0;
}
