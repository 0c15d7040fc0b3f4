/* gen.c: a synthetic year for the calculation benchmark, as rows for
 * MariaDB (tab-separated, for LOAD DATA) rather than the spec's files:
 * REPS reps, 20,000 products of 10 product types, 50,000 customers each
 * in a region and a channel, orders of 1 to 3 lines (10% split 60/40
 * between two reps, 3% returns) up to ORDER_LINES lines, PAYMENTS
 * payments (partial payments, 2% refunds, never before the order), a
 * monthly target per rep, and the 20-rule plan of the engine benchmark
 * (tests/bench/engine/gen.c), whose rules match product types t0 to t9
 * and region east.  Deterministic.
 *
 * usage: gen DIR ORDER_LINES PAYMENTS REPS TYPE0_ID REGION_IDS CHANNEL_IDS
 *   TYPE0_ID: the id of product type t0 (t1..t9 follow);
 *   REGION_IDS: the ids of east,west,north,south; CHANNEL_IDS: those of
 *   direct,partner,online (comma-separated). */
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

static FILE *
open_in(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((f = fopen(path, "w")) == NULL) {
		perror(path);
		exit(1);
	}
	return f;
}

static void
ids(const char *s, long *out, int n)
{
	for (int i = 0; i < n; i++) {
		out[i] = strtol(s, (char **)&s, 10);
		if (*s == ',')
			s++;
	}
}

/* The plan of the engine benchmark, byte for byte its rules. */
static void
write_plan(const char *dir)
{
	FILE *f = open_in(dir, "plan.json");

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
}

int
main(int argc, char **argv)
{
	long nlines, npay, type0, region[4], channel[3];
	long line = 0, orders = 0, pays = 0, *oamount, *oday;
	int nreps;
	FILE *f, *fr, *fl, *fp;

	if (argc != 8) {
		fprintf(stderr, "usage: gen DIR ORDER_LINES PAYMENTS REPS "
		    "TYPE0_ID REGION_IDS CHANNEL_IDS\n");
		return 2;
	}
	nlines = atol(argv[2]);
	npay = atol(argv[3]);
	nreps = atoi(argv[4]);
	type0 = atol(argv[5]);
	ids(argv[6], region, 4);
	ids(argv[7], channel, 3);
	write_plan(argv[1]);

	/* people 1..nreps are the reps; nreps + 1 enters the orders */
	f = open_in(argv[1], "people.tsv");
	for (int r = 0; r < nreps; r++)
		fprintf(f, "%d\trep%04d\tuid=rep%04d,ou=people\tRep %04d\t销售部\t"
		    "team%02d\t\\N\t1\n", r + 1, r, r, r, r % 40);
	fprintf(f, "%d\tbench-clerk\tuid=bench-clerk\tClerk\t财务部\t\t\\N\t8\n",
	    nreps + 1);
	fclose(f);
	f = open_in(argv[1], "products.tsv");
	for (int p = 0; p < 20000; p++)
		fprintf(f, "%d\tP%05d\t产品 %d\tProduct %d\t%ld\t1000.00\t600.00\n",
		    p + 1, p, p, p, type0 + p % 10);
	fclose(f);
	f = open_in(argv[1], "customers.tsv");
	for (int c = 0; c < 50000; c++)
		fprintf(f, "%d\tC%05d\tCustomer %d\t%ld\t%ld\t%d\n", c + 1, c, c,
		    region[c % 4], channel[c / 4 % 3], 1 + c % nreps);
	fclose(f);

	oamount = calloc((size_t)nlines + 1, sizeof(long));
	oday = calloc((size_t)nlines + 1, sizeof(long));
	f = open_in(argv[1], "orders.tsv");
	fr = open_in(argv[1], "order_reps.tsv");
	fl = open_in(argv[1], "order_lines.tsv");
	while (line < nlines) {
		int nl = 1 + (int)pick(3), doy = (int)pick(365), m, d;
		int ret = pick(100) < 3;
		int r1 = (int)pick(nreps), r2 = (int)pick(nreps);
		int split = pick(100) < 10 && r1 != r2;
		long cust = pick(50000);

		date_of(doy, &m, &d);
		oday[orders] = doy;
		fprintf(f, "%ld\tSO%07ld\t%ld\t2026-%02d-%02d\t%ld\t%ld\tbooked\t"
		    "%d\n", orders + 1, orders, cust + 1, m, d, region[cust % 4],
		    channel[cust / 4 % 3], nreps + 1);
		if (split)
			fprintf(fr, "%ld\t%d\t60\n%ld\t%d\t40\n", orders + 1, r1 + 1,
			    orders + 1, r2 + 1);
		else
			fprintf(fr, "%ld\t%d\t100\n", orders + 1, r1 + 1);
		for (int l = 1; l <= nl && line < nlines; l++, line++) {
			long qty = 1 + pick(50), amt = 1000 + pick(2000000);
			long cost = amt * (40 + pick(50)) / 100;

			if (ret) {
				qty = -qty;
				amt = -amt;
				cost = -cost;
			}
			oamount[orders] += amt;
			fprintf(fl, "%ld\t%ld\t%d\t%ld\t%ld\t", line + 1,
			    orders + 1, l, 1 + pick(20000), qty);
			money(fl, labs(amt) / labs(qty));
			fputc('\t', fl);
			money(fl, amt);
			fputc('\t', fl);
			money(fl, cost);
			fputs("\tbooked\n", fl);
		}
		orders++;
	}
	fclose(f);
	fclose(fr);
	fclose(fl);

	fp = open_in(argv[1], "payments.tsv");
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
			if (a == 0)
				a = 1;  /* the table refuses a payment of 0 */
			fprintf(fp, "%ld\tPAY%08ld\t%ld\t2026-%02d-%02d\t", pays + 1,
			    pays, o + 1, m, d);
			money(fp, a);
			fprintf(fp, "\t%d\n", nreps + 1);
			pays++;
		}
	}
	fclose(fp);

	f = open_in(argv[1], "targets.csv");
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
