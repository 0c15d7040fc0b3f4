/* gen.c: writes a synthetic year for the engine benchmark into DIR, as
 * the spec's files (the year of ../synth.h): plan.json, orders.csv
 * (ORDER_LINES lines), payments.csv (PAYMENTS rows) and targets.csv.
 * usage: gen DIR [ORDER_LINES PAYMENTS REPS] */
#include <stdio.h>
#include <stdlib.h>

#include "synth.h"

static const char *const regions[] = { "east", "west", "north", "south" };
static const char *const channels[] = { "direct", "partner", "online" };

struct out {
	FILE *orders, *payments;
	char rep[64];
};

static void
on_order(void *arg, const struct synth_order *o)
{
	struct out *w = arg;

	if (o->split)
		snprintf(w->rep, sizeof(w->rep), "rep%04d:%d|rep%04d:%d",
		    o->rep1, 60, o->rep2, 40);
	else
		snprintf(w->rep, sizeof(w->rep), "rep%04d", o->rep1);
}

static void
on_line(void *arg, const struct synth_order *o, const struct synth_line *l)
{
	struct out *w = arg;
	FILE *f = w->orders;

	fprintf(f, "SO%07ld,%d,2026-%02d-%02d,%s,t%ld,%s,%s,P%05ld,"
	    "C%05ld,%ld,", o->index, l->no, o->month, o->day, w->rep,
	    synth_pick(10), regions[synth_pick(4)], channels[synth_pick(3)],
	    synth_pick(20000), o->customer, l->quantity);
	synth_money(f, l->amount);
	fputc(',', f);
	synth_money(f, l->cost);
	fputs(",booked\n", f);
}

static void
on_payment(void *arg, long pay, long order, int m, int d, long amount)
{
	struct out *w = arg;

	fprintf(w->payments, "PAY%08ld,SO%07ld,2026-%02d-%02d,", pay, order, m,
	    d);
	synth_money(w->payments, amount);
	fputc('\n', w->payments);
}

int
main(int argc, char **argv)
{
	long nlines = argc > 2 ? atol(argv[2]) : 1000000;
	long npay = argc > 3 ? atol(argv[3]) : 1000000;
	int nreps = argc > 4 ? atoi(argv[4]) : 2000;
	struct synth_year y;
	struct out w;

	if (argc < 2) {
		fprintf(stderr, "usage: gen DIR [ORDER_LINES PAYMENTS REPS]\n");
		return 2;
	}
	synth_write_plan(argv[1]);
	w.orders = synth_open(argv[1], "orders.csv");
	fprintf(w.orders, "order_id,line,date,rep,product_type,region,channel,"
	    "product,customer,quantity,amount,cost,status\n");
	if (synth_orders(&y, nlines, nreps, on_order, on_line, &w) != 0) {
		fprintf(stderr, "gen: out of memory\n");
		return 1;
	}
	fclose(w.orders);
	w.payments = synth_open(argv[1], "payments.csv");
	fprintf(w.payments, "payment_id,order_id,date,amount\n");
	synth_payments(&y, npay, on_payment, &w);
	fclose(w.payments);
	synth_write_targets(argv[1], nreps);
	fprintf(stderr, "gen: %ld order lines in %ld orders, %ld payments, "
	    "%d reps\n", y.lines, y.orders, y.payments, nreps);
	synth_year_free(&y);
	return 0;
}
