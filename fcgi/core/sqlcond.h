/* sqlcond.h: a statement assembled from fixed fragments and the
 * parameters of the fragments actually used, so that a filter that is not
 * given adds no SQL at all (never "(? = 0 OR col = ?)", which no index
 * can serve).  Values only ever travel as bound parameters; the text is
 * run with db_query_text, which prepares each distinct text once per
 * worker (one text per combination of filters).
 *
 *   struct sqlcond c;
 *   sqlcond_init(&c);
 *   sqlcond_add(&c, "SELECT SUM(amount) FROM t WHERE month >= ?",
 *       DB_ARGS(P_TEXT(from)));
 *   if (region != 0)
 *           sqlcond_add(&c, " AND region_id = ?", DB_ARGS(P_INT(region)));
 *   rc = sqlcond_query(&c, db, "stats", &res);
 *   sqlcond_free(&c);
 */
#ifndef TC_CORE_SQLCOND_H
#define TC_CORE_SQLCOND_H

#include <stdbool.h>
#include <stddef.h>

#include "core/db.h"
#include "core/strbuf.h"

#define SQLCOND_MAX_PARAMS 64

struct sqlcond {
	struct strbuf sql;
	struct db_param p[SQLCOND_MAX_PARAMS];
	size_t n;
	bool overflow;          /* more than SQLCOND_MAX_PARAMS: not run */
};

/* Makes c empty.  Does not allocate. */
void sqlcond_init(struct sqlcond *c);

/* Frees c's text (not c).  Accepts NULL. */
void sqlcond_free(struct sqlcond *c);

/* Appends the fixed fragment sql (never built from values) and its n
 * parameters, copied (texts must outlive the query). */
void sqlcond_add(struct sqlcond *c, const char *sql,
    const struct db_param *p, size_t n);

/* Appends c2's text and parameters to c (c2 is left as it was). */
void sqlcond_cat(struct sqlcond *c, const struct sqlcond *c2);

/* The text so far ("" when empty), owned by c. */
const char *sqlcond_text(const struct sqlcond *c);

/* Runs c as db_query_text does (name labels its messages).  Returns as
 * db_query_text, or TC_ETOOBIG when c overflowed, TC_ENOMEM. */
int sqlcond_query(struct sqlcond *c, struct db *d, const char *name,
    struct dbres **out);

#endif
