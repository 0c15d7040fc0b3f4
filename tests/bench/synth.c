/* synth.c: the synthetic year the benchmarks share (synth.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "synth.h"

static uint64_t st = 88172645463325252ULL;

static uint64_t
rnd(void)
{
	st ^= st << 13;
	st ^= st >> 7;
	st ^= st << 17;
	return st;
}

long
synth_pick(long n)
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

void
synth_money(FILE *f, long fen)
{
	if (fen < 0) {
		fputc('-', f);
		fen = -fen;
	}
	fprintf(f, "%ld.%02ld", fen / 100, fen % 100);
}

FILE *
synth_open(const char *dir, const char *name)
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

void
synth_write_plan(const char *dir)
{
	FILE *f = synth_open(dir, "plan.json");

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

void
synth_write_targets(const char *dir, int nreps)
{
	FILE *f = synth_open(dir, "targets.csv");

	fprintf(f, "rep,period,amount\n");
	for (int r = 0; r < nreps; r++)
		for (int m = 1; m <= 12; m++) {
			fprintf(f, "rep%04d,2026-%02d,", r, m);
			synth_money(f, 40000000 + synth_pick(40000000));
			fputc('\n', f);
		}
	fclose(f);
}

int
synth_orders(struct synth_year *y, long nlines, int nreps,
    void (*on_order)(void *, const struct synth_order *),
    void (*on_line)(void *, const struct synth_order *,
    const struct synth_line *), void *arg)
{
	y->lines = y->orders = y->payments = 0;
	y->amount = calloc((size_t)nlines + 1, sizeof(*y->amount));
	y->day = calloc((size_t)nlines + 1, sizeof(*y->day));
	if (y->amount == NULL || y->day == NULL)
		return -1;
	while (y->lines < nlines) {
		struct synth_order o = { .index = y->orders };
		int doy;

		o.nlines = 1 + (int)synth_pick(3);
		doy = (int)synth_pick(365);
		o.returned = synth_pick(100) < 3;
		o.rep1 = (int)synth_pick(nreps);
		o.rep2 = (int)synth_pick(nreps);
		o.split = synth_pick(100) < 10 && o.rep1 != o.rep2;
		o.customer = synth_pick(50000);
		date_of(doy, &o.month, &o.day);
		if (nlines - y->lines < o.nlines)
			o.nlines = (int)(nlines - y->lines);
		y->day[o.index] = doy;
		on_order(arg, &o);
		for (int l = 1; l <= o.nlines; l++, y->lines++) {
			struct synth_line ln = { .index = y->lines, .no = l };

			ln.quantity = 1 + synth_pick(50);
			ln.amount = 1000 + synth_pick(2000000);
			ln.cost = ln.amount * (40 + synth_pick(50)) / 100;
			if (o.returned) {
				ln.quantity = -ln.quantity;
				ln.amount = -ln.amount;
				ln.cost = -ln.cost;
			}
			y->amount[o.index] += ln.amount;
			on_line(arg, &o, &ln);
		}
		y->orders++;
	}
	return 0;
}

void
synth_payments(struct synth_year *y, long npay,
    void (*on_payment)(void *, long, long, int, int, long), void *arg)
{
	for (long o = 0; y->payments < npay; o = (o + 1) % y->orders) {
		int np = 1 + (int)synth_pick(3), day = y->day[o];
		long left = y->amount[o];

		for (int k = 0; k < np && y->payments < npay; k++) {
			long a;
			int m, d;

			day += (int)synth_pick(40);
			if (day > 364)
				day = 364;
			date_of(day, &m, &d);
			if (synth_pick(100) < 2)
				a = -(labs(y->amount[o]) / 10 + 1);
			else if (k + 1 == np)
				a = left;
			else
				a = left / (2 + synth_pick(3));
			left -= a;
			on_payment(arg, y->payments, o, m, d, a);
			y->payments++;
		}
	}
}

void
synth_year_free(struct synth_year *y)
{
	free(y->amount);
	free(y->day);
	y->amount = NULL;
	y->day = NULL;
}
