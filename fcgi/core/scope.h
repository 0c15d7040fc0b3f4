/* scope.h: which rows a person may see or change, as SQL.
 *
 * A module declares one rule per action ("read sales data", "change
 * sales data", "record payments", "read commission lines"...): which
 * roles see every row, which their team's, which their own.  A person
 * gets the widest kind any of their roles gives (all, then team, then
 * own); someone the rule does not name gets SCOPE_NONE, which matches no
 * row.  scope_of() turns the rule and the signed-in person into a
 * struct scope.
 *
 * Queries enforce the scope in SQL, with bound parameters: put one of
 * the SCOPE_*_SQL fragments in the WHERE clause and SCOPE_ARGS(&scope) at
 * the same place among the parameters.  A row out of scope is then
 * simply not found: the handler answers 404, and an UPDATE changes
 * nothing.  Which fragment depends on how the module's rows name their
 * person:
 *
 *   SCOPE_SQL(col)           col is a people.id; the team is the people
 *                            who are in the team now (people.team) or
 *                            whose manager the reader is now;
 *   SCOPE_STORED_SQL(col, team_col, manager_col)
 *                            the row stores the person's team and manager
 *                            login as they were when it was made (a
 *                            calculation run keeps each rep's team for
 *                            its period): the team is the rows whose
 *                            stored team is the reader's team, or whose
 *                            stored manager is the reader.
 *
 * Both take the same parameters (SCOPE_ARGS, 5 values), so one struct
 * scope serves every fragment of a statement. */
#ifndef TC_CORE_SCOPE_H
#define TC_CORE_SCOPE_H

#include <stdint.h>

#include "core/app.h"

enum scope_kind {
	SCOPE_NONE = -1,        /* no row */
	SCOPE_OWN = 0,          /* the person's own rows */
	SCOPE_TEAM = 1,         /* their own and their team's */
	SCOPE_ALL = 2,          /* every row */
};

/* Who gets which kind for one action of one module (role bits of enum
 * role).  Declare as a static const object next to the module's routes. */
struct scope_rule {
	const char *name;       /* "sales.read": for messages and tests */
	unsigned all;
	unsigned team;
	unsigned own;
};

/* A person's scope for one rule.  The strings point into the person the
 * scope was made from and live as long as it does. */
struct scope {
	enum scope_kind kind;
	int64_t me;             /* people.id; -1 for SCOPE_NONE */
	const char *team;       /* "" when none */
	const char *login;      /* "" for SCOPE_NONE */
};

/* The scope rule gives person p (NULL: nobody signed in, SCOPE_NONE). */
struct scope scope_person(const struct person *p,
    const struct scope_rule *rule);

/* The scope rule gives r's signed-in person (SCOPE_NONE when signed
 * out).  Valid as long as r. */
struct scope scope_of(const struct req *r, const struct scope_rule *rule);

/* People column col (a people.id) is in scope.  Parameters: SCOPE_ARGS.
 * The team are the people whose team attribute is the reader's (when
 * not empty) or whose manager the reader is. */
#define SCOPE_SQL(col) \
	"(? = 2 OR " col " = ? OR (? = 1 AND " col " IN (SELECT sp.id FROM" \
	" people sp WHERE (sp.team = ? AND sp.team <> '') OR" \
	" sp.manager_login = ?)))"

/* A row storing its person (col, a people.id), and that person's team
 * (team_col) and manager login (manager_col) at the time, is in scope.
 * Parameters: SCOPE_ARGS. */
#define SCOPE_STORED_SQL(col, team_col, manager_col) \
	"(? = 2 OR " col " = ? OR (? = 1 AND ((" team_col " = ? AND " \
	team_col " <> '') OR " manager_col " = ?)))"

/* The 5 parameters of a SCOPE_*_SQL fragment, in order. */
#define SCOPE_ARGS(s) P_INT((s)->kind), P_INT((s)->me), P_INT((s)->kind), \
	P_TEXT((s)->team), P_TEXT((s)->login)

#endif
