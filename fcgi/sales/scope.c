/* scope.c: the visibility of sales data by role. */
#include "config.h"

#include "sales/scope.h"

struct scope
scope_read(const struct req *r)
{
	struct scope s = { SCOPE_OWN, r->me.id, r->me.team, r->me.login };

	if (has_role(r, ROLE_HR | ROLE_FINANCE | ROLE_REVIEWER |
	    ROLE_MANAGEMENT | ROLE_ADMIN))
		s.kind = SCOPE_ALL;
	else if (has_role(r, ROLE_MANAGER))
		s.kind = SCOPE_TEAM;
	return s;
}

struct scope
scope_write_person(const struct person *p)
{
	struct scope s = { SCOPE_NONE, p->id, p->team, p->login };

	if (p->roles & ROLE_MANAGER)
		s.kind = SCOPE_TEAM;
	else if (p->roles & ROLE_SALES)
		s.kind = SCOPE_OWN;
	else
		s.me = -1;      /* matches no owner */
	return s;
}

struct scope
scope_write(const struct req *r)
{
	static const struct person nobody = { .id = -1 };

	return scope_write_person(r->signed_in ? &r->me : &nobody);
}
