/* demo-write.h: how the demo seeder (demo.c) writes: each record through
 * the module's own write function (write.h), as the person it belongs to
 * would from the form, so that demo data is validated, kept in scope and
 * audited like any other write.
 *
 * The demo tells a year of history: before each write the session's
 * clock (MariaDB's timestamp variable) is set to the moment the story
 * gives it, so the times the write function records (created_at, the
 * stage changes, the audit row) are the story's.  The audit rows carry
 * the person's login and the address "demo-data <the operator's
 * address>".  Nothing is written here but through a write function.
 *
 * Every function returns 0, or a tc_err with a message in w->err naming
 * the record and, when the write function refused it, the input and the
 * reason (the demo's own data was refused: a bug of the generator or a
 * rule the demo does not know yet). */
#ifndef TC_SALES_DEMO_WRITE_H
#define TC_SALES_DEMO_WRITE_H

#include <stddef.h>
#include <stdint.h>

#include "core/module.h"
#include "sales/write.h"

#define DEMO_PEOPLE_MAX 16
#define DEMO_LINES_MAX 4

struct demo_writer {
	struct db *db;
	struct person who[DEMO_PEOPLE_MAX];
	struct sales_actor as[DEMO_PEOPLE_MAX];
	size_t n;
	int64_t clock;              /* the session's clock, 0: its own */
	char address[64];
	char *err;
	size_t errlen;
};

/* Reads the people of logins[0..n) (active ones) into w, who acts as
 * w->who[i] when told person i.  Returns 0, TC_ENOTFOUND (a login
 * missing: run sync-users first, says w->err) or a tc_err.
 *
 * Below, when is the moment a record is written in the story, in seconds
 * since the epoch. */
int demo_writer_init(struct demo_writer *w, const struct module_seed *s,
    const char *const *logins, size_t n);

/* A customer of person who's (a manager owns it too), code given. */
int demo_customer(struct demo_writer *w, int who, const char *code,
    const char *name, int64_t region, const char *industry,
    int64_t channel, const char *status, int64_t when, int64_t *id);

/* A contact of customer. */
int demo_contact(struct demo_writer *w, int who, int64_t customer,
    const char *name, const char *title, const char *phone,
    const char *email, int64_t when);

/* An opportunity of person who's, created as a lead at when.
 * follow_up may be NULL. */
int demo_opportunity(struct demo_writer *w, int who, int64_t customer,
    const char *title, const char *needs, int64_t amount,
    const char *close, const char *follow_up, int64_t when,
    int64_t *id);

/* Moves opportunity id from stage from to stage to at when (reason: for
 * lost, else NULL). */
int demo_move(struct demo_writer *w, int who, int64_t id, const char *from,
    const char *to, const char *reason, int64_t when);

/* An activity of person who's (opportunity 0: none). */
int demo_activity(struct demo_writer *w, int who, int64_t customer,
    int64_t opportunity, const char *kind, const char *date,
    const char *notes, const char *next_step, int64_t when);

/* An order as the order form takes it. */
struct demo_order {
	int64_t customer, region, channel, opportunity;   /* opp 0: none */
	const char *date;                   /* YYYY-MM-DD */
	int64_t rep[2], share[2];           /* people.id, percent x 10^4 */
	size_t nreps;
	struct {
		int64_t product, qty, discount; /* qty x 10^3, % x 10^4 */
	} line[DEMO_LINES_MAX];
	size_t nlines;
};

/* Books o as person who at when (the price the list price, the cost the
 * standard cost, the number made by the module).  *id and no (the order
 * number, len bytes) get what was booked. */
int demo_order(struct demo_writer *w, int who, const struct demo_order *o,
    int64_t when, int64_t *id, char *no, size_t len);

/* Cancels order id as person who, at the moment of the last write. */
int demo_cancel(struct demo_writer *w, int who, int64_t id);

/* Returns qty (x 10^3, > 0) of line line_no of order as person who, on
 * date, at when.  *id and no (len bytes) get the return. */
int demo_return(struct demo_writer *w, int who, int64_t order,
    int64_t line_no, int64_t qty, const char *date, int64_t when,
    int64_t *id, char *no, size_t len);

/* A payment (a refund when amount < 0) of order order_no, recorded by
 * person who (finance) at when. */
int demo_payment(struct demo_writer *w, int who, const char *order_no,
    const char *date, int64_t amount, const char *reference,
    int64_t when);

/* Gives the session its own clock back.  Returns 0 or a tc_err. */
int demo_writer_done(struct demo_writer *w);

#endif
