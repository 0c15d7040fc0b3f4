/* tabs.c: the sub-navigation shown on every page of the commission
 * module, and the links of its home page.  Each area adds its tab on its
 * own line, in its slot, with the roles that may open it (those of its
 * GET route) and the catalogue keys cm_tab_<key> (its label) and
 * cm_tab_<key>_text (the line under it on home). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "commission/web.h"
#include "core/tmpl.h"

static const struct tab {
	const char *key;
	const char *href;
	unsigned roles;
} tabs[] = {
	{ "home", "/commission/", CM_ROLES_ALL },
	/* c2: versions, what-if */

	/* c3: ledger, runs */

	/* c4: adjustments, disputes */

};

void
commission_tabs(struct req *r, const char *current)
{
	struct tdict *inc = tdict_include(page_body(r), "CM_TABS",
	    "commission/tabs.tpl");

	for (size_t i = 0; i < sizeof(tabs) / sizeof(tabs[0]); i++) {
		struct tdict *t;
		char key[64];

		if (!has_role(r, tabs[i].roles))
			continue;
		t = tdict_add_section(inc, "TAB");
		tdict_set(t, "href", tabs[i].href);
		snprintf(key, sizeof(key), "cm_tab_%s", tabs[i].key);
		tdict_set(t, "label", tr(r, key));
		if (current != NULL && strcmp(current, tabs[i].key) == 0)
			tdict_show_section(t, "TAB_CURRENT");
	}
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
