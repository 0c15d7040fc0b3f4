/* write-tx.h: the transaction of a sales write function (write.c), for
 * the files that implement write.h (not for handlers). */
#ifndef TC_SALES_WRITE_TX_H
#define TC_SALES_WRITE_TX_H

#include <stdbool.h>

#include "sales/write.h"

/* The transaction that is the caller's or the function's is core/db's
 * db_tx_begin and db_tx_end; these names stay for code written before. */
#define sales_tx_begin db_tx_begin
#define sales_tx_end db_tx_end

/* Whether the person holds any of roles. */
static inline bool
actor_has(const struct sales_actor *a, unsigned roles)
{
	return (a->who->roles & roles) != 0;
}

#endif
