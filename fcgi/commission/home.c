/* home.c: the commission home, GET /commission/: what the reader's
 * roles let them do in the module, as links to its areas (tabs.c). */
#include "config.h"

#include <stdio.h>

#include "commission/web.h"
#include "core/tmpl.h"

struct home_links {
	struct tdict *d;
	int n;
};

static void
home_link(struct req *r, const char *key, const char *href, void *arg)
{
	struct home_links *h = arg;
	struct tdict *s = tdict_add_section(h->d, "LINK");
	char k[80];

	tdict_set(s, "href", href);
	snprintf(k, sizeof(k), "cm_tab_%s", key);
	tdict_set(s, "label", tr(r, k));
	snprintf(k, sizeof(k), "cm_tab_%s_text", key);
	tdict_set(s, "text", tr(r, k));
	h->n++;
}

static int
home_get(struct req *r)
{
	struct home_links h = { page_body(r), 0 };
	int rc;

	if ((rc = cm_home_overview(r, h.d)) != 0)      /* c3: overview.c */
		return rc;
	commission_tabs(r, "home");
	commission_each_tab(r, home_link, &h);
	if (h.n == 0)
		tdict_show_section(h.d, "NO_LINKS");
	return page_send(r, 200, "commission/home.tpl", "cm_home_title",
	    "commission");
}

static const struct route home_routes[] = {
	{ "GET", "/commission/", CM_ROLES_ALL, home_get },
};

const struct route_set cm_home_route_set = ROUTE_SET(home_routes);
