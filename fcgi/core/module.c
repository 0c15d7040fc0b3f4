/* module.c: finding modules in a registry and ordering them by what
 * they require. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/error.h"
#include "core/module.h"

const struct module *
module_find(const struct module *const *list, const char *name)
{
	for (size_t i = 0; list[i] != NULL; i++)
		if (strcmp(list[i]->name, name) == 0)
			return list[i];
	return NULL;
}

static bool
requires_from(const struct module *const *list, const struct module *m,
    const char *name, int depth)
{
	if (m == NULL || m->requires == NULL || depth > MODULE_MAX)
		return false;
	for (size_t i = 0; m->requires[i] != NULL; i++)
		if (strcmp(m->requires[i], name) == 0 ||
		    requires_from(list, module_find(list, m->requires[i]),
		    name, depth + 1))
			return true;
	return false;
}

bool
module_requires(const struct module *const *list, const struct module *m,
    const char *name)
{
	return requires_from(list, m, name, 0);
}

enum { UNSEEN, ON_PATH, PLACED };

struct order {
	const struct module *const *list;
	int state[MODULE_MAX];
	const struct module **out;
	size_t n;
	char *err;
	size_t errlen;
};

static int
visit(struct order *o, size_t i)
{
	const struct module *m = o->list[i];

	if (o->state[i] == PLACED)
		return 0;
	if (o->state[i] == ON_PATH) {
		snprintf(o->err, o->errlen, "module %s: its requirements "
		    "form a cycle", m->name);
		return TC_EINVAL;
	}
	o->state[i] = ON_PATH;
	for (size_t r = 0; m->requires != NULL && m->requires[r] != NULL;
	    r++) {
		const struct module *need = module_find(o->list,
		    m->requires[r]);
		int rc;

		if (need == NULL) {
			snprintf(o->err, o->errlen, "module %s requires "
			    "module %s, which this build lacks", m->name,
			    m->requires[r]);
			return TC_EINVAL;
		}
		for (size_t k = 0; o->list[k] != NULL; k++)
			if (o->list[k] == need && (rc = visit(o, k)) != 0)
				return rc;
	}
	o->state[i] = PLACED;
	o->out[o->n++] = m;
	return 0;
}

int
module_order(const struct module *const *list, const struct module **out,
    size_t *n, char *err, size_t errlen)
{
	struct order o = { .list = list, .out = out, .err = err,
	    .errlen = errlen };
	size_t count = 0;
	int rc;

	*n = 0;
	while (list[count] != NULL)
		if (++count > MODULE_MAX) {
			snprintf(err, errlen, "more than %d modules",
			    MODULE_MAX);
			return TC_ETOOBIG;
		}
	for (size_t i = 0; i < count; i++)
		if ((rc = visit(&o, i)) != 0)
			return rc;
	*n = o.n;
	return 0;
}

bool
module_deployed(const struct conf *c, const struct module *m)
{
	size_t n = strlen(m->name);
	const char *p = c->modules;

	if (p == NULL || *p == '\0')
		return true;
	while ((p = strstr(p, m->name)) != NULL) {
		if ((p == c->modules || p[-1] == ' ' || p[-1] == '\t') &&
		    (p[n] == '\0' || p[n] == ' ' || p[n] == '\t'))
			return true;
		p += n;
	}
	return false;
}

int
module_check_deployed(const struct conf *c, const struct module *const *list,
    char *err, size_t errlen)
{
	const char *p = c->modules != NULL ? c->modules : "";

	while (*p != '\0') {
		size_t n = strcspn(p, " \t");
		bool known = false;

		for (size_t i = 0; n > 0 && list[i] != NULL; i++)
			known |= strlen(list[i]->name) == n &&
			    strncmp(list[i]->name, p, n) == 0;
		if (n > 0 && !known) {
			snprintf(err, errlen, "site.modules: no module \"%.*s\" "
			    "in this build", (int)n, p);
			return TC_EINVAL;
		}
		p += n;
		p += strspn(p, " \t");
	}
	return 0;
}
