/* tabs.c: the sub-navigation shown on every page of the sales module. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sales/sales.h"

static const struct tab {
	const char *key;        /* also the catalogue key sales_nav_<key> */
	const char *href;
	unsigned roles;
} tabs[] = {
	{ "overview", "/sales/", ROLES_ALL },
	{ "customers", "/sales/customers", ROLES_ALL },
	{ "activities", "/sales/activities", ROLES_ALL },
	{ "opportunities", "/sales/opportunities", ROLES_ALL },
	{ "funnel", "/sales/funnel", ROLES_ALL },
	{ "forecast", "/sales/forecast", ROLES_ALL },
	{ "orders", "/sales/orders", ROLES_ALL },
	{ "stats", "/sales/stats", ROLES_ALL },
	{ "collections", "/sales/collections", ROLES_ALL },
};

void
sales_tabs(struct req *r, const char *current)
{
	struct tdict *inc = tdict_include(page_body(r), "SALES_TABS",
	    "sales/tabs.tpl");

	for (size_t i = 0; i < sizeof(tabs) / sizeof(tabs[0]); i++) {
		struct tdict *t;
		char key[64];

		if (!has_role(r, tabs[i].roles))
			continue;
		t = tdict_add_section(inc, "TAB");
		tdict_set(t, "href", tabs[i].href);
		snprintf(key, sizeof(key), "sales_nav_%s", tabs[i].key);
		tdict_set(t, "label", tr(r, key));
		if (current != NULL && strcmp(current, tabs[i].key) == 0)
			tdict_show_section(t, "TAB_CURRENT");
	}
}
