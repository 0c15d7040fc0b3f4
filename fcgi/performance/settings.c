/* settings.c: the module's settings page (HR): the attainment bands
 * (below the low mark, from it to below the high mark, at or above the
 * high mark; percent) and whether reps see other reps' amounts in the
 * rankings.  Everyone who reads the module sees the settings in force;
 * HR changes them, all at once in one transaction with one audit row, or
 * not at all (a bad field named, what was typed kept). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/error.h"
#include "core/formview.h"
#include "performance/perf.h"

enum stmt { ST_PUT, ST__MAX };

static const char *const stmts[ST__MAX] = {
	[ST_PUT] =
	    "INSERT INTO performance_settings (name, value) VALUES (?, ?)"
	    " ON DUPLICATE KEY UPDATE value = VALUES(value)",
};

static struct db_table set_db = DB_TABLE("performance.settings", stmts);

static const char *const yes_no[] = { "0", "1", NULL };

enum { SF_LOW, SF_HIGH, SF_AMOUNTS, SF__MAX };
static const struct field fields[SF__MAX] = {
	[SF_LOW] = { "band_low", form_int64, 1, 1, 999, "perf_err_band",
	    NULL },
	[SF_HIGH] = { "band_high", form_int64, 1, 1, 999, "perf_err_band",
	    NULL },
	[SF_AMOUNTS] = { "reps_see_amounts", form_oneof, 0, 0, 0,
	    "perf_err_setting", yes_no },
};
static const char *const labels[SF__MAX] = {
	"perf_set_band_low", "perf_set_band_high", "perf_set_amounts"
};

/* The page; f: the form as posted (its errors shown), or NULL. */
static int
settings_page(struct req *r, int status, const struct form *f)
{
	struct tdict *d = page_body(r);
	int64_t low = perf_setting(r->app->db, "band_low", 80);
	int64_t high = perf_setting(r->app->db, "band_high", 100);
	bool amounts = perf_setting(r->app->db, "reps_see_amounts", 0) == 1;
	const char *done = req_get(&r->q, "done");
	char buf[24];
	int rc;

	snprintf(buf, sizeof(buf), "%lld", (long long)low);
	tdict_set(d, "band_low", form_shown(f, SF_LOW, buf));
	tdict_set(d, "now_low", buf);
	snprintf(buf, sizeof(buf), "%lld", (long long)high);
	tdict_set(d, "band_high", form_shown(f, SF_HIGH, buf));
	tdict_set(d, "now_high", buf);
	if (f != NULL ? strcmp(form_raw(f, SF_AMOUNTS), "1") == 0 : amounts)
		tdict_show_section(d, "AMOUNTS_CHECKED");
	tdict_set(d, "now_amounts", tr(r, amounts ? "perf_set_amounts_yes" :
	    "perf_set_amounts_no"));
	if (has_role(r, ROLE_HR))
		tdict_show_section(d, "CAN_EDIT");
	if (f != NULL) {
		struct form_errors fe;

		form_errors_init(&fe, d, r->cat);
		if ((rc = form_show(&fe, d, f, labels, NULL)) != 0)
			return rc;
	}
	if (done != NULL && strcmp(done, "saved") == 0 && status == 200)
		page_flash(r, "ok", tr(r, "perf_set_saved"));
	perf_tabs(r, "settings");
	return page_send(r, status, "performance/settings.tpl",
	    "perf_settings_title", "performance");
}

static int
settings_get(struct req *r)
{
	return settings_page(r, 200, NULL);
}

static int
save(struct req *r, int64_t low, int64_t high, bool amounts)
{
	struct db *d = r->app->db;
	char a[24], b[24], detail[96];
	int rc;

	snprintf(a, sizeof(a), "%lld", (long long)low);
	snprintf(b, sizeof(b), "%lld", (long long)high);
	snprintf(detail, sizeof(detail), "bands %s/%s, reps see amounts %d", a,
	    b, amounts);
	if ((rc = db_begin(d)) != 0)
		return rc;
	if ((rc = db_exec(d, &set_db, ST_PUT, DB_ARGS(P_TEXT("band_low"),
	    P_TEXT(a)), NULL, NULL)) == 0 &&
	    (rc = db_exec(d, &set_db, ST_PUT, DB_ARGS(P_TEXT("band_high"),
	    P_TEXT(b)), NULL, NULL)) == 0 &&
	    (rc = db_exec(d, &set_db, ST_PUT, DB_ARGS(
	    P_TEXT("reps_see_amounts"), P_TEXT(amounts ? "1" : "0")), NULL,
	    NULL)) == 0)
		rc = audit_write(r, "performance_settings", "settings", "",
		    detail);
	if (rc == 0)
		return db_commit(d);
	db_rollback(d);
	return rc;
}

static int
settings_post(struct req *r)
{
	struct form f;
	int rc;

	if ((rc = form_validate(&f, fields, SF__MAX, &r->form)) != 0 &&
	    rc != TC_EINVAL)
		goto out;
	rc = 0;
	if (f.e[SF_LOW].err == 0 && f.e[SF_HIGH].err == 0 &&
	    form_int(&f, SF_HIGH, 0) <= form_int(&f, SF_LOW, 0) &&
	    (rc = form_set_error(&f, SF_HIGH, "perf_err_band_order",
	    NULL)) != 0)
		goto out;
	if (form_has_errors(&f)) {
		rc = settings_page(r, 400, &f);
		goto out;
	}
	if ((rc = save(r, form_int(&f, SF_LOW, 80), form_int(&f, SF_HIGH, 100),
	    form_int(&f, SF_AMOUNTS, 0) == 1)) == 0)
		rc = http_redirect(r, "/performance/settings?done=saved");
out:
	form_free(&f);
	return rc;
}

static const struct route routes[] = {
	{ "GET", "/performance/settings", PERF_ROLES_READ, settings_get },
	{ "POST", "/performance/settings", ROLE_HR, settings_post },
};

const struct route_set perf_settings_route_set = ROUTE_SET(routes);
