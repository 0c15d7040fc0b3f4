/* tabs.c: the sub-navigation shown on every page of the sales module. */
#include "config.h"

#include "sales/sales.h"

/* Labels: the catalogue keys sales_nav_<key>. */
static const struct page_tab tabs[] = {
	{ "overview", "/sales/", ROLES_ALL },
	{ "customers", "/sales/customers", ROLES_ALL },
	{ "activities", "/sales/activities", ROLES_ALL },
	{ "opportunities", "/sales/opportunities", ROLES_ALL },
	{ "funnel", "/sales/funnel", ROLES_ALL },
	{ "forecast", "/sales/forecast", ROLES_ALL },
	{ "teams", "/sales/teams", ROLE_MANAGEMENT },
	{ "orders", "/sales/orders", ROLES_ALL },
	{ "stats", "/sales/stats", ROLES_ALL },
	{ "collections", "/sales/collections", ROLES_ALL },
};

void
sales_tabs(struct req *r, const char *current)
{
	page_tabs(r, "SALES_TABS", "sales_title", tabs,
	    sizeof(tabs) / sizeof(tabs[0]), "sales_nav_", current);
}
