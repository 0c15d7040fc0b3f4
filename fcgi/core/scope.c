/* scope.c: from a module's rule and a person's roles to a scope. */
#include "config.h"

#include "core/scope.h"

struct scope
scope_person(const struct person *p, const struct scope_rule *rule)
{
	struct scope s = { SCOPE_NONE, -1, "", "" };

	if (p == NULL)
		return s;
	if ((p->roles & rule->all) != 0)
		s.kind = SCOPE_ALL;
	else if ((p->roles & rule->team) != 0)
		s.kind = SCOPE_TEAM;
	else if ((p->roles & rule->own) != 0)
		s.kind = SCOPE_OWN;
	else
		return s;
	s.me = p->id;
	s.team = p->team;
	s.login = p->login;
	return s;
}

struct scope
scope_of(const struct req *r, const struct scope_rule *rule)
{
	return scope_person(r->signed_in ? &r->me : NULL, rule);
}
