/* tabs.c: the sub-navigation of the administration pages. */
#include "config.h"

#include "admin/admin.h"

/* Labels: the catalogue keys admin_nav_<key>. */
static const struct page_tab tabs[] = {
	{ "people", "/admin/", ROLE_ADMIN },
	{ "audit", "/admin/audit", ROLE_ADMIN },
	{ "refdata", "/admin/refdata", ROLE_ADMIN },
};

void
admin_tabs(struct req *r, const char *current)
{
	page_tabs(r, "ADMIN_TABS", "nav_admin", tabs,
	    sizeof(tabs) / sizeof(tabs[0]), "admin_nav_", current);
}
