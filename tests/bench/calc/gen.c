/* gen.c: the synthetic year of ../synth.h for the calculation benchmark,
 * as rows for MariaDB (tab-separated, for LOAD DATA) rather than the
 * spec's files: REPS reps, 20,000 products of 10 product types, 50,000
 * customers each in a region and a channel, the orders (up to
 * ORDER_LINES lines), PAYMENTS payments, a monthly target per rep and
 * the benchmarks' 20-rule plan, whose rules match product types t0 to t9
 * and region east.
 *
 * usage: gen DIR ORDER_LINES PAYMENTS REPS TYPE0_ID REGION_IDS CHANNEL_IDS
 *   TYPE0_ID: the id of product type t0 (t1..t9 follow);
 *   REGION_IDS: the ids of east,west,north,south; CHANNEL_IDS: those of
 *   direct,partner,online (comma-separated). */
#include <stdio.h>
#include <stdlib.h>

#include "synth.h"

struct out {
	FILE *orders, *reps, *lines, *payments;
	long region[4], channel[3];
	int nreps;
};

static void
ids(const char *s, long *out, int n)
{
	for (int i = 0; i < n; i++) {
		out[i] = strtol(s, (char **)&s, 10);
		if (*s == ',')
			s++;
	}
}

static void
on_order(void *arg, const struct synth_order *o)
{
	struct out *w = arg;
	long id = o->index + 1;

	fprintf(w->orders, "%ld\tSO%07ld\t%ld\t2026-%02d-%02d\t%ld\t%ld\t"
	    "booked\t%d\n", id, o->index, o->customer + 1, o->month, o->day,
	    w->region[o->customer % 4], w->channel[o->customer / 4 % 3],
	    w->nreps + 1);
	if (o->split)
		fprintf(w->reps, "%ld\t%d\t60\n%ld\t%d\t40\n", id, o->rep1 + 1,
		    id, o->rep2 + 1);
	else
		fprintf(w->reps, "%ld\t%d\t100\n", id, o->rep1 + 1);
}

static void
on_line(void *arg, const struct synth_order *o, const struct synth_line *l)
{
	struct out *w = arg;
	FILE *f = w->lines;

	fprintf(f, "%ld\t%ld\t%d\t%ld\t%ld\t", l->index + 1, o->index + 1,
	    l->no, 1 + synth_pick(20000), l->quantity);
	synth_money(f, labs(l->amount) / labs(l->quantity));
	fputc('\t', f);
	synth_money(f, l->amount);
	fputc('\t', f);
	synth_money(f, l->cost);
	fputs("\tbooked\n", f);
}

static void
on_payment(void *arg, long pay, long order, int m, int d, long amount)
{
	struct out *w = arg;

	if (amount == 0)
		amount = 1;     /* the table refuses a payment of 0 */
	fprintf(w->payments, "%ld\tPAY%08ld\t%ld\t2026-%02d-%02d\t", pay + 1,
	    pay, order + 1, m, d);
	synth_money(w->payments, amount);
	fprintf(w->payments, "\t%d\n", w->nreps + 1);
}

int
main(int argc, char **argv)
{
	struct synth_year y;
	struct out w;
	long nlines, npay, type0;
	FILE *f;

	if (argc != 8) {
		fprintf(stderr, "usage: gen DIR ORDER_LINES PAYMENTS REPS "
		    "TYPE0_ID REGION_IDS CHANNEL_IDS\n");
		return 2;
	}
	nlines = atol(argv[2]);
	npay = atol(argv[3]);
	w.nreps = atoi(argv[4]);
	type0 = atol(argv[5]);
	ids(argv[6], w.region, 4);
	ids(argv[7], w.channel, 3);
	synth_write_plan(argv[1]);

	/* people 1..nreps are the reps; nreps + 1 enters the orders */
	f = synth_open(argv[1], "people.tsv");
	for (int r = 0; r < w.nreps; r++)
		fprintf(f, "%d\trep%04d\tuid=rep%04d,ou=people\tRep %04d\t销售部\t"
		    "team%02d\t\\N\t1\n", r + 1, r, r, r, r % 40);
	fprintf(f, "%d\tbench-clerk\tuid=bench-clerk\tClerk\t财务部\t\t\\N\t8\n",
	    w.nreps + 1);
	fclose(f);
	f = synth_open(argv[1], "products.tsv");
	for (int p = 0; p < 20000; p++)
		fprintf(f, "%d\tP%05d\t产品 %d\tProduct %d\t%ld\t1000.00\t600.00\n",
		    p + 1, p, p, p, type0 + p % 10);
	fclose(f);
	f = synth_open(argv[1], "customers.tsv");
	for (int c = 0; c < 50000; c++)
		fprintf(f, "%d\tC%05d\tCustomer %d\t%ld\t%ld\t%d\n", c + 1, c, c,
		    w.region[c % 4], w.channel[c / 4 % 3], 1 + c % w.nreps);
	fclose(f);

	w.orders = synth_open(argv[1], "orders.tsv");
	w.reps = synth_open(argv[1], "order_reps.tsv");
	w.lines = synth_open(argv[1], "order_lines.tsv");
	if (synth_orders(&y, nlines, w.nreps, on_order, on_line, &w) != 0) {
		fprintf(stderr, "gen: out of memory\n");
		return 1;
	}
	fclose(w.orders);
	fclose(w.reps);
	fclose(w.lines);
	w.payments = synth_open(argv[1], "payments.tsv");
	synth_payments(&y, npay, on_payment, &w);
	fclose(w.payments);
	synth_write_targets(argv[1], w.nreps);
	fprintf(stderr, "gen: %ld order lines in %ld orders, %ld payments, "
	    "%d reps\n", y.lines, y.orders, y.payments, w.nreps);
	synth_year_free(&y);
	return 0;
}
