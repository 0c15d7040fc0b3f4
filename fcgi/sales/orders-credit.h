/* orders-credit.h: what orders-write.c and orders-credit.c share (the
 * write path of orders; not for handlers, which use write.h). */
#ifndef TC_SALES_ORDERS_CREDIT_H
#define TC_SALES_ORDERS_CREDIT_H

#include <stddef.h>
#include <stdint.h>

#include "sales/write.h"

/* A credited rep of a proposed split: people.id, share at TC_SCALE_PCT. */
struct credit_rep {
	int64_t person, share;
};

/* Sets *req to the pending credit request of order (locked FOR UPDATE
 * in the caller's transaction, which holds the order's lock), or 0.
 * Returns 0 or TC_EDB. */
int credit_pending(struct db *db, int64_t order, int64_t *req);

/* Records, in the caller's transaction (holding the order's lock, no
 * request pending), the request of a to change the credit of order to
 * proposed[0..n) (kind "credit") or to cancel it (kind "cancel", n 0):
 * the split as it stands and as proposed, its first history row and
 * audit.  *req gets its id.  Returns 0 or a tc_err. */
int credit_request(const struct sales_actor *a, int64_t order,
    const char *order_no, const char *kind, const struct credit_rep *proposed,
    size_t n, int64_t *req);

/* Cancels order id (locked by the caller, booked, changeable) and all
 * its lines, with its audit row (orders-write.c).  Returns 0 or a tc_err. */
int order_cancel_write(const struct sales_actor *a, int64_t id,
    const char *order_no);

#endif
