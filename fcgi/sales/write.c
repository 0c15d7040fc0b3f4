/* write.c: what every write function of sales shares: the actor of a
 * request (the transaction that is the caller's or the function's is
 * core/db's db_tx_begin and db_tx_end). */
#include "config.h"

#include "sales/write-tx.h"

struct sales_actor
sales_actor_of(struct req *r)
{
	struct sales_actor a = { r->app->db, r->app->conf, &r->me,
	    { r->me.login, r->remote } };

	return a;
}
