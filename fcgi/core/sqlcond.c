/* sqlcond.c: a statement from fixed fragments and their parameters (see
 * sqlcond.h). */
#include "config.h"

#include <string.h>

#include "core/error.h"
#include "core/sqlcond.h"

void
sqlcond_init(struct sqlcond *c)
{
	memset(c, 0, sizeof(*c));
	c->sql = (struct strbuf)STRBUF_INIT;
}

void
sqlcond_free(struct sqlcond *c)
{
	if (c == NULL)
		return;
	strbuf_free(&c->sql);
	c->n = 0;
}

void
sqlcond_add(struct sqlcond *c, const char *sql, const struct db_param *p,
    size_t n)
{
	strbuf_add(&c->sql, sql);
	if (c->n + n > SQLCOND_MAX_PARAMS) {
		c->overflow = true;
		return;
	}
	for (size_t i = 0; i < n; i++)
		c->p[c->n++] = p[i];
}

void
sqlcond_cat(struct sqlcond *c, const struct sqlcond *c2)
{
	sqlcond_add(c, sqlcond_text(c2), c2->p, c2->n);
	if (c2->overflow || c2->sql.oom)
		c->overflow = true;
}

const char *
sqlcond_text(const struct sqlcond *c)
{
	return c->sql.p != NULL ? c->sql.p : "";
}

int
sqlcond_query(struct sqlcond *c, struct db *d, const char *name,
    struct dbres **out)
{
	*out = NULL;
	if (c->sql.oom)
		return TC_ENOMEM;
	if (c->overflow)
		return TC_ETOOBIG;
	return db_query_text(d, name, sqlcond_text(c), c->p, c->n, out);
}
