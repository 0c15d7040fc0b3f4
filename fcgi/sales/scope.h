/* scope.h: what rows of sales data a person may see and change.
 *
 * A sales rep sees their own rows (customers and opportunities they own,
 * activities they logged, orders on which they hold a share); a sales
 * manager those of their team (people of their team attribute, or whose
 * manager they are) and their own; HR, finance, reviewers, management and
 * admins see everything.  Changes follow the same rule, but only sales
 * roles change sales data (finance records payments and edits costs).
 *
 * Queries enforce the scope in SQL: put SCOPE_SQL("col") in the WHERE
 * clause, where col is a people.id column, and SCOPE_ARGS(&scope) at the
 * same place among the parameters.  A row out of scope is then simply not
 * found: the handler answers 404, and an UPDATE changes nothing. */
#ifndef TC_SALES_SCOPE_H
#define TC_SALES_SCOPE_H

#include "core/app.h"

enum scope_kind { SCOPE_NONE = -1, SCOPE_OWN = 0, SCOPE_TEAM = 1, SCOPE_ALL = 2 };

struct scope {
	enum scope_kind kind;
	int64_t me;                 /* people.id */
	const char *team;           /* "" when none */
	const char *login;
};

/* The scope in which r's person may read sales data. */
struct scope scope_read(const struct req *r);

/* The scope in which r's person may change sales data (SCOPE_NONE for
 * people without a sales role: their changes match no row). */
struct scope scope_write(const struct req *r);

/* The same for person p (roles as the directory gave them), outside a
 * request; p must outlive the result. */
struct scope scope_write_person(const struct person *p);

/* Parameters (5) for SCOPE_SQL, in order. */
#define SCOPE_SQL(col) \
	"(? = 2 OR " col " = ? OR (? = 1 AND " col " IN (SELECT sp.id FROM" \
	" people sp WHERE (sp.team = ? AND sp.team <> '') OR" \
	" sp.manager_login = ?)))"
#define SCOPE_ARGS(s) P_INT((s)->kind), P_INT((s)->me), P_INT((s)->kind), \
	P_TEXT((s)->team), P_TEXT((s)->login)

/* The same for orders: some credited rep of order column col is in
 * scope.  Parameters: SCOPE_ARGS. */
#define SCOPE_ORDER_SQL(col) \
	"EXISTS (SELECT 1 FROM order_reps sx WHERE sx.order_id = " col \
	" AND " SCOPE_SQL("sx.person_id") ")"

#endif
