/* write-tx.h: the transaction of a sales write function (write.c), for
 * the files that implement write.h (not for handlers). */
#ifndef TC_SALES_WRITE_TX_H
#define TC_SALES_WRITE_TX_H

#include <stdbool.h>

#include "sales/write.h"

/* Begins a transaction unless one is open; *own says whether this call
 * began it.  Returns 0 or TC_EDB. */
int sales_tx_begin(struct db *db, bool *own);

/* Ends what sales_tx_begin began: when own, commits if rc is 0 and rolls
 * back otherwise (also when the commit fails); a transaction that is the
 * caller's is left open.  Returns rc, or the commit's error. */
int sales_tx_end(struct db *db, bool own, int rc);

/* Whether the person holds any of roles. */
static inline bool
actor_has(const struct sales_actor *a, unsigned roles)
{
	return (a->who->roles & roles) != 0;
}

#endif
