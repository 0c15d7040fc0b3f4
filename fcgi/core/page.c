/* page.c: rendering a page inside the layout, in the person's language,
 * with the navigation their roles allow. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/app.h"
#include "core/error.h"
#include "core/log.h"
#include "core/module.h"

static const char *const role_keys[ROLE__COUNT] = {
	"role_sales", "role_manager", "role_hr", "role_finance",
	"role_reviewer", "role_management", "role_admin",
};

const char *
role_key(unsigned bit_index)
{
	return bit_index < ROLE__COUNT ? role_keys[bit_index] : "role_unknown";
}

const char *
tr(const struct req *r, const char *key)
{
	return i18n_get(r->cat, key);
}

const char *
tr_stored(const struct req *r, const char *zh, const char *en)
{
	return strcmp(r->lang, "en") == 0 && en != NULL && en[0] != '\0' ?
	    en : zh;
}

const char *
tr_stored_col(const struct req *r, const struct dbres *res, size_t row,
    size_t zh_col)
{
	return tr_stored(r, dbres_text(res, row, zh_col),
	    dbres_text(res, row, zh_col + 1));
}

const char *
tr_stored_named(const struct req *r, const struct dbres *res, size_t row,
    const char *name)
{
	char zh[64], en[64];

	snprintf(zh, sizeof(zh), "%s_zh", name);
	snprintf(en, sizeof(en), "%s_en", name);
	return tr_stored(r, dbres_text_col(res, row, zh),
	    dbres_text_col(res, row, en));
}

/* The modules the signed-in person finds in the navigation and on home:
 * those of the build that are deployed, have a web program and an entry,
 * and that their roles may use, in navigation order.  Returns how many
 * were put in out (at most MODULE_MAX). */
static size_t
nav_modules(const struct req *r, const struct module **out)
{
	const struct module *const *list = r->app->modules;
	size_t n = 0;

	for (size_t i = 0; list != NULL && list[i] != NULL && n < MODULE_MAX;
	    i++) {
		const struct module *m = list[i];
		size_t k = n;

		if (m->prefix == NULL || m->nav.label_key == NULL ||
		    !(r->me.roles & m->nav.roles) ||
		    !module_deployed(r->app->conf, m))
			continue;
		while (k > 0 && out[k - 1]->nav.order > m->nav.order) {
			out[k] = out[k - 1];
			k--;
		}
		out[k] = m;
		n++;
	}
	return n;
}

/* Shows beside an entry how much waits for the person in module m. */
static void
nav_waiting(struct req *r, const struct module *m, struct tdict *entry)
{
	int64_t count = 0;

	if (m->waiting == NULL)
		return;
	if (m->waiting(r, &count) != 0) {
		log_msg("%s: %s: the waiting count failed", r->id, m->name);
		return;
	}
	if (count > 0) {
		struct tdict *w = tdict_add_section(entry, "WAITING");

		tdict_set_int(w, "waiting", count);
	}
}

static void
page_init(struct req *r)
{
	if (r->page != NULL)
		return;
	r->page = tdict_new();
	r->body = tdict_include(r->page, "CONTENT", NULL);
}

void
page_refresh(struct req *r, int seconds)
{
	page_init(r);
	tdict_set_int(tdict_add_section(r->page, "REFRESH"),
	    "refresh_seconds", seconds);
}

struct tdict *
page_body(struct req *r)
{
	page_init(r);
	return r->body;
}

void
page_tabs(struct req *r, const char *marker, const char *label_key,
    const struct page_tab *tabs, size_t n, const char *prefix,
    const char *current)
{
	struct tdict *inc = tdict_include(page_body(r), marker,
	    "core/tabs.tpl");

	tdict_set(inc, "tabs_label", tr(r, label_key));
	for (size_t i = 0; i < n; i++) {
		struct tdict *t;
		char key[96];

		if (!has_role(r, tabs[i].roles))
			continue;
		t = tdict_add_section(inc, "TAB");
		tdict_set(t, "href", tabs[i].href);
		snprintf(key, sizeof(key), "%s%s", prefix, tabs[i].key);
		tdict_set(t, "label", tr(r, key));
		if (current != NULL && strcmp(current, tabs[i].key) == 0)
			tdict_show_section(t, "TAB_CURRENT");
	}
}

void
page_flash(struct req *r, const char *kind, const char *text)
{
	struct tdict *f;

	page_init(r);
	f = tdict_add_section(r->page, "FLASH");
	tdict_set(f, "flash_kind", kind);
	tdict_set(f, "flash_text", text);
}

/* Fills what the layout shows around every page. */
static void
layout_fill(struct req *r, const char *title_key, const char *nav_key)
{
	struct tdict *d = r->page;
	const struct i18n_cat *cat = r->cat;
	char pq[2048];

	for (size_t i = 0; i < i18n_count(cat); i++) {
		char name[160];

		snprintf(name, sizeof(name), "t_%s", i18n_key(cat, i));
		tdict_set_global(d, name, i18n_value(cat, i));
	}
	tdict_set_global(d, "lang_html", strcmp(r->lang, "en") == 0 ?
	    "en" : "zh-CN");
	tdict_set_global(d, "page_title", tr(r, title_key));
	tdict_set_global(d, "company", r->app->conf->company);
	tdict_set_global(d, "csrf", r->csrf);
	tdict_set_global(d, "path", r->path);
	snprintf(pq, sizeof(pq), "%s%s%s", r->path, *r->query ? "?" : "",
	    r->query);
	tdict_set_global(d, "path_and_query", pq);
	tdict_set_global(d, "static", "/static");
	tdict_set_global(d, "lang", r->lang);
	tdict_set_global(d, "lang_other", strcmp(r->lang, "en") == 0 ?
	    "zh" : "en");
	tdict_set_global(d, "lang_other_label", strcmp(r->lang, "en") == 0 ?
	    "中文" : "English");
	if (!r->signed_in)
		return;

	struct tdict *s = tdict_add_section(d, "SIGNED_IN");

	tdict_set_global(d, "person_name", r->me.name);
	tdict_set_global(d, "person_login", r->me.login);
	for (unsigned b = 0; b < ROLE__COUNT; b++)
		if (r->me.roles & (1u << b)) {
			tdict_set(tdict_add_section(s, "ROLE"), "role_label",
			    tr(r, role_keys[b]));
			tdict_set(tdict_add_section(r->body, "ROLE"),
			    "role_label", tr(r, role_keys[b]));
		}
	const struct module *nav[MODULE_MAX];
	size_t nnav = nav_modules(r, nav);

	for (size_t i = 0; i < nnav; i++) {
		struct tdict *n = tdict_add_section(s, "NAV");

		tdict_set(n, "href", nav[i]->prefix);
		tdict_set(n, "label", tr(r, nav[i]->nav.label_key));
		if (nav_key != NULL && strcmp(nav_key, nav[i]->name) == 0)
			tdict_show_section(n, "NAV_CURRENT");
		nav_waiting(r, nav[i], n);
	}
}

int
page_send(struct req *r, int status, const char *tpl, const char *title_key,
    const char *nav_key)
{
	char *html = NULL;
	size_t len;
	int rc;

	page_init(r);
	if (r->page == NULL || r->body == NULL)
		return TC_ENOMEM;
	tdict_set_filename(r->body, tpl);
	layout_fill(r, title_key, nav_key);
	if ((rc = tmpl_render("core/layout.tpl", r->page, &html, &len)) != 0) {
		log_msg("template %s: %s", tpl, tc_strerror(rc));
		return TC_EIO;
	}
	if ((rc = http_open(r, status, "text/html; charset=utf-8")) == 0 &&
	    strcmp(r->method, "HEAD") != 0)
		rc = http_write(r, html, len);
	free(html);
	return rc;
}

/* Drives the list of modules on the home page. */
void
page_modules(struct req *r, struct tdict *d)
{
	const struct module *nav[MODULE_MAX];
	size_t nnav = nav_modules(r, nav);

	for (size_t i = 0; i < nnav; i++) {
		struct tdict *row = tdict_add_section(d, "MODULE");

		tdict_set(row, "href", nav[i]->prefix);
		tdict_set(row, "module_key", nav[i]->name);
		tdict_set(row, "module_title", tr(r, nav[i]->nav.label_key));
		tdict_set(row, "module_text", nav[i]->nav.text_key != NULL ?
		    tr(r, nav[i]->nav.text_key) : "");
		nav_waiting(r, nav[i], row);
	}
	if (nnav == 0)
		tdict_show_section(d, "NO_MODULES");
}

int
page_error(struct req *r, int status)
{
	struct tdict *d;
	char key[64];

	/* A half-built page of the handler is dropped for the error page. */
	tdict_free(r->page);
	r->page = NULL;
	r->body = NULL;
	d = page_body(r);
	if (d == NULL)
		return http_text(r, status, http_reason(status));
	tdict_set_int(d, "error_status", status);
	snprintf(key, sizeof(key), "error_%d_title", status);
	tdict_set(d, "error_title", tr(r, key));
	snprintf(key, sizeof(key), "error_%d_text", status);
	tdict_set(d, "error_text", tr(r, key));
	if (status == 403 || status == 404 || status == 409)
		tdict_show_section(d, "BACK");
	snprintf(key, sizeof(key), "error_%d_title", status);
	if (page_send(r, status, "core/error.tpl", key, NULL) != 0 &&
	    r->status == 0)
		return http_text(r, status, http_reason(status));
	return 0;
}
