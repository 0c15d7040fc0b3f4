/* write.c: what every write function of sales shares: the actor of a
 * request, and the transaction that is the caller's or the function's. */
#include "config.h"

#include "sales/write-tx.h"

struct sales_actor
sales_actor_of(struct req *r)
{
	struct sales_actor a = { r->app->db, r->app->conf, &r->me,
	    { r->me.login, r->remote } };

	return a;
}

int
sales_tx_begin(struct db *db, bool *own)
{
	*own = !db_in_transaction(db);
	return *own ? db_begin(db) : 0;
}

int
sales_tx_end(struct db *db, bool own, int rc)
{
	if (!own)
		return rc;
	if (rc == 0 && (rc = db_commit(db)) == 0)
		return 0;
	db_rollback(db);
	return rc;
}
