/* tabs.c: the sub-navigation of the administration pages. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "admin/admin.h"

static const struct tab {
	const char *key;        /* catalogue key admin_nav_<key> */
	const char *href;
} tabs[] = {
	{ "people", "/admin/" },
	{ "audit", "/admin/audit" },
	{ "refdata", "/admin/refdata" },
};

void
admin_tabs(struct req *r, const char *current)
{
	struct tdict *inc = tdict_include(page_body(r), "ADMIN_TABS",
	    "admin/tabs.tpl");

	for (size_t i = 0; i < sizeof(tabs) / sizeof(tabs[0]); i++) {
		struct tdict *t = tdict_add_section(inc, "TAB");
		char key[64];

		tdict_set(t, "href", tabs[i].href);
		snprintf(key, sizeof(key), "admin_nav_%s", tabs[i].key);
		tdict_set(t, "label", tr(r, key));
		if (current != NULL && strcmp(current, tabs[i].key) == 0)
			tdict_show_section(t, "TAB_CURRENT");
	}
}
