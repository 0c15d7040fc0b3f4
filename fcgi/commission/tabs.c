/* tabs.c: the sub-navigation shown on every page of the commission
 * module, and the links of its home page.  Each area adds its tab on its
 * own line, in its slot, with the roles that may open it (those of its
 * GET route) and the catalogue keys cm_tab_<key> (its label) and
 * cm_tab_<key>_text (the line under it on home). */
#include "config.h"

#include <string.h>

#include "commission/web.h"

static const struct page_tab tabs[] = {
	{ "home", "/commission/", CM_ROLES_ALL },
	/* c2: versions, what-if */
	{ "plans", "/commission/plans", CM_ROLES_ALL },
	{ "whatif", "/commission/whatif", ROLE_HR },

	/* c3: ledger, runs */
	{ "ledger", "/commission/ledger", CM_ROLES_ALL },
	{ "runs", "/commission/runs", ROLE_FINANCE | ROLE_REVIEWER | ROLE_HR |
	    ROLE_MANAGEMENT },

	/* c4: adjustments, disputes */
	{ "adjustments", "/commission/adjustments", CM_ROLES_ALL },
	{ "disputes", "/commission/disputes", CM_ROLES_ALL },

};

void
commission_tabs(struct req *r, const char *current)
{
	page_tabs(r, "CM_TABS", "nav_commission", tabs,
	    sizeof(tabs) / sizeof(tabs[0]), "cm_tab_", current);
}

void
commission_each_tab(struct req *r,
    void (*fn)(struct req *r, const char *key, const char *href, void *arg),
    void *arg)
{
	for (size_t i = 0; i < sizeof(tabs) / sizeof(tabs[0]); i++)
		if (strcmp(tabs[i].key, "home") != 0 &&
		    has_role(r, tabs[i].roles))
			fn(r, tabs[i].key, tabs[i].href, arg);
}
