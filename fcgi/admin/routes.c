/* routes.c: `ticheng-admin routes`, every route of every program of the
 * build, read from the module registry (module-code.c of each module),
 * one a line, for the tests that must cover every route (the route x
 * role matrix, sqlmap, accessibility): a route added to a table is in
 * the dump, so it cannot escape them.
 *
 * What a line says, beside the route's own method, pattern and roles:
 *   ids          how many '#' (numeric ids) the pattern takes;
 *   id_kinds     for each id, "module:segment", the segment of the path
 *                before it ("/sales/customers/#/contacts/#" takes
 *                sales:customers and sales:contacts), which the tests
 *                map to the table a real id comes from;
 *   changes      whether the route changes state (POST: CSRF token,
 *                never followed by crawlers);
 *   type         what the answer is, from the last segment's extension:
 *                csv, xlsx, json, pdf, else html. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "admin/routes.h"
#include "core/app.h"
#include "core/module.h"

/* The short name of role bit b: "sales" for role_key's "role_sales". */
static const char *
role_name(unsigned b)
{
	const char *k = role_key(b);

	return strncmp(k, "role_", 5) == 0 ? k + 5 : k;
}

/* The kind of answer of pattern, from its last segment's extension. */
static const char *
route_type(const char *pattern)
{
	static const char *const kinds[] = { "csv", "xlsx", "json", "pdf" };
	const char *slash = strrchr(pattern, '/');
	const char *dot = strrchr(slash != NULL ? slash : pattern, '.');

	if (dot != NULL)
		for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
			if (strcmp(dot + 1, kinds[i]) == 0)
				return kinds[i];
	return "html";
}

/* Writes the id kinds of pattern ("module:segment" for each '#'),
 * separated by sep, each between quote characters (none when quote is
 * NULL). */
static void
put_id_kinds(FILE *f, const char *module, const char *pattern,
    const char *sep, const char *quote)
{
	const char *q = quote != NULL ? quote : "";
	size_t n = 0;

	for (const char *p = pattern; *p != '\0'; p++) {
		const char *end, *start;

		if (*p != '#')
			continue;
		/* The segment before "/#": from the slash before it. */
		end = p > pattern ? p - 1 : p;
		start = end;
		while (start > pattern && start[-1] != '/')
			start--;
		fprintf(f, "%s%s%s:%.*s%s", n++ ? sep : "", q, module,
		    (int)(end - start), start, q);
	}
}

/* Writes the names of the roles of mask separated by sep, each between
 * quote characters, or "public" for ROLE_PUBLIC. */
static void
put_roles(FILE *f, unsigned mask, const char *sep, const char *quote)
{
	const char *q = quote != NULL ? quote : "";
	size_t n = 0;

	if (mask == ROLE_PUBLIC) {
		fprintf(f, "%spublic%s", q, q);
		return;
	}
	for (unsigned b = 0; b < ROLE__COUNT; b++)
		if (mask & (1u << b))
			fprintf(f, "%s%s%s%s", n++ ? sep : "", q, role_name(b),
			    q);
}

static size_t
count_ids(const char *pattern)
{
	size_t n = 0;

	for (const char *p = pattern; *p != '\0'; p++)
		n += *p == '#';
	return n;
}

static void
put_tsv(FILE *f, const char *module, const struct route *rt)
{
	fprintf(f, "%s\t%s\t%s\t", module, rt->method, rt->pattern);
	put_roles(f, rt->roles, ",", NULL);
	fprintf(f, "\t%zu\t", count_ids(rt->pattern));
	if (count_ids(rt->pattern) == 0)
		fputc('-', f);
	put_id_kinds(f, module, rt->pattern, ",", NULL);
	fprintf(f, "\t%d\t%s\n", strcmp(rt->method, "GET") != 0,
	    route_type(rt->pattern));
}

/* Patterns, module names and role names are the program's own strings:
 * letters, digits and "/#._-", never a quote or a backslash (the unit
 * test checks it), so they go into JSON as they are. */
static void
put_json(FILE *f, const char *module, const struct route *rt)
{
	fprintf(f, "{\"program\":\"%s\",\"method\":\"%s\",\"pattern\":\"%s\","
	    "\"roles\":[", module, rt->method, rt->pattern);
	if (rt->roles != ROLE_PUBLIC)
		put_roles(f, rt->roles, ",", "\"");
	fprintf(f, "],\"public\":%s,\"ids\":%zu,\"id_kinds\":[",
	    rt->roles == ROLE_PUBLIC ? "true" : "false",
	    count_ids(rt->pattern));
	put_id_kinds(f, module, rt->pattern, ",", "\"");
	fprintf(f, "],\"changes\":%s,\"type\":\"%s\"}\n",
	    strcmp(rt->method, "GET") != 0 ? "true" : "false",
	    route_type(rt->pattern));
}

int
routes_dump(FILE *f, bool json)
{
	if (!json)
		fputs("program\tmethod\tpattern\troles\tids\tid_kinds\tchanges"
		    "\ttype\n", f);
	for (size_t m = 0; module_code_registry[m] != NULL; m++) {
		const struct module_code *p = module_code_registry[m];

		for (size_t a = 0; p->routes != NULL && p->routes[a] != NULL;
		    a++)
			for (size_t i = 0; i < p->routes[a]->n; i++) {
				const struct route *rt = &p->routes[a]->routes[i];

				if (json)
					put_json(f, p->module->name, rt);
				else
					put_tsv(f, p->module->name, rt);
			}
	}
	return fflush(f) == 0 && !ferror(f) ? 0 : -1;
}
