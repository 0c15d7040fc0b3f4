/* print.c: the printable approval form (提成结算审批单) of a statement,
 * every form of a period as one document, and the verification page a
 * printed code leads to.
 *
 * The form is an A4 page of the layout (its print stylesheet drops the
 * site's navigation): company, title, number, period, rep, employee
 * number, department and team, the commission by rule, bonuses, prizes,
 * adjustments and the carried balance, the amount payable in figures and
 * in capitals, the approval chain, signature boxes, the date printed,
 * and the verification code with its QR code. */
#include "config.h"

#include <ctype.h>
#include <stdbool.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/error.h"
#include "settlement/settlement.h"

int settlement_fill(struct req *r, struct tdict *d, const struct dbres *res);
int settlement_load(struct req *r, int64_t id, struct dbres **out);

enum stmt { ST_PERIOD_IDS, ST_BY_CODE, ST__MAX };

static const char *const stmts[ST__MAX] = {
	/* label, read scope */
	[ST_PERIOD_IDS] =
	    "SELECT s.id FROM settlement_statements s JOIN periods p"
	    " ON p.id = s.period_id WHERE p.label = ? AND "
	    SCOPE_STORED_SQL("s.person_id", "s.team", "s.manager_login")
	    " ORDER BY s.seq",
	/* code: any statement, whoever reads (the code is the secret) */
	[ST_BY_CODE] =
	    "SELECT s.number, p.label, pe.name, s.payable, s.state,"
	    " s.revision FROM settlement_statements s"
	    " JOIN periods p ON p.id = s.period_id"
	    " JOIN people pe ON pe.id = s.person_id WHERE s.verify_code = ?",
};

static struct db_table print_db = DB_TABLE("settlement.print", stmts);

/* The address of the site as the browser reached it, for the QR code:
 * "http://host" (https when [site] tls), "" when the Host header is not
 * a plain host name. */
static void
site_url(struct req *r, char *buf, size_t len)
{
	const char *host = FCGX_GetParam("HTTP_HOST", r->fcgx->envp);
	const char *port = FCGX_GetParam("SERVER_PORT", r->fcgx->envp);
	bool tls = r->app->conf->tls;

	buf[0] = '\0';
	if (host == NULL || *host == '\0' || strlen(host) > 200)
		return;
	for (const char *p = host; *p; p++)
		if (!isalnum((unsigned char)*p) && strchr(".-:[]", *p) == NULL)
			return;
	if (port != NULL && (strspn(port, "0123456789") != strlen(port) ||
	    strcmp(port, tls ? "443" : "80") == 0 || *port == '\0'))
		port = NULL;
	snprintf(buf, len, "%s://%s%s%s", tls ? "https" : "http", host,
	    port != NULL ? ":" : "", port != NULL ? port : "");
}

/* Adds one form of statement id to d's FORM section. */
static int
add_form(struct req *r, struct tdict *d, int64_t id)
{
	struct tdict *f = tdict_add_section(d, "FORM");
	struct dbres *res = NULL;
	char url[512], site[256], today[11];
	char *path;
	int width, rc;

	if ((rc = settlement_load(r, id, &res)) != 0)
		return rc;
	if ((rc = settlement_fill(r, f, res)) != 0)
		goto out;
	tdict_set(f, "company", r->app->conf->company);
	tdict_set(f, "printed_on", tc_today_str(today));
	site_url(r, site, sizeof(site));
	snprintf(url, sizeof(url), "%s/settlement/verify?code=%s", site,
	    dbres_text_col(res, 0, "verify_code"));
	tdict_set(f, "verify_url", url);
	if ((path = settlement_qr_path(url, &width)) != NULL) {
		struct tdict *q = tdict_add_section(f, "QR");

		tdict_set(q, "qr_path", path);
		tdict_set_int(q, "qr_width", width);
		tdict_set_int(q, "qr_box", width + 8);
		free(path);
	}
out:
	dbres_free(res);
	return rc;
}

int
settlement_print_get(struct req *r)
{
	struct tdict *d = page_body(r);
	int rc;

	if ((rc = add_form(r, d, r->ids[0])) != 0)
		return rc;
	return page_send(r, 200, "settlement/print.tpl", "stl_form_title",
	    "settlement");
}

int
settlement_print_period_get(struct req *r)
{
	struct scope s = scope_of(r, &settlement_scope_read);
	struct tdict *d = page_body(r);
	const char *label = req_get(&r->q, "period");
	struct dbres *res;
	int rc;

	if (label == NULL || *label == '\0' || strlen(label) > 8)
		return TC_EINVAL;
	if ((rc = db_query(r->app->db, &print_db, ST_PERIOD_IDS,
	    DB_ARGS(P_TEXT(label), SCOPE_ARGS(&s)), &res)) != 0)
		return rc;
	if (dbres_rows(res) == 0) {
		dbres_free(res);
		return TC_ENOTFOUND;
	}
	for (size_t i = 0; i < dbres_rows(res); i++)
		if ((rc = add_form(r, d, dbres_int(res, i, 0))) != 0) {
			dbres_free(res);
			return rc;
		}
	dbres_free(res);
	tdict_show_section(d, "MANY");
	return page_send(r, 200, "settlement/print.tpl", "stl_form_title",
	    "settlement");
}

int
settlement_verify_get(struct req *r)
{
	struct tdict *d = page_body(r);
	const char *code = req_get(&r->q, "code");
	struct dbres *res = NULL;
	char buf[TC_MONEY_SIZE];
	size_t n;
	int rc;

	tdict_set(d, "code", code != NULL ? code : "");
	settlement_tabs(r, "verify");
	if (code == NULL || *code == '\0')
		return page_send(r, 200, "settlement/verify.tpl", "stl_verify",
		    "settlement");
	n = strlen(code);
	if (n == SETTLEMENT_CODE_SIZE - 1 && strspn(code,
	    "0123456789abcdef") == n) {
		if ((rc = db_query(r->app->db, &print_db, ST_BY_CODE,
		    DB_ARGS(P_TEXT(code)), &res)) != 0)
			return rc;
	}
	if (res != NULL && dbres_rows(res) == 1) {
		struct tdict *f = tdict_add_section(d, "FOUND");
		char cap[TC_CAPITALS_SIZE];

		tdict_set(f, "number", dbres_text(res, 0, 0));
		tdict_set(f, "period", dbres_text(res, 0, 1));
		tdict_set(f, "rep", dbres_text(res, 0, 2));
		tdict_set(f, "payable", tc_money_str(buf,
		    dbres_money(res, 0, 3), true));
		if (tc_money_capitals(cap, sizeof(cap),
		    dbres_money(res, 0, 3)) >= 0)
			tdict_set(f, "payable_capitals", cap);
		tdict_set(f, "state", dbres_text(res, 0, 4));
		tdict_set(f, "state_label", tr(r, settlement_state_key(
		    dbres_text(res, 0, 4))));
		tdict_set(f, "revision", dbres_text(res, 0, 5));
		rc = page_send(r, 200, "settlement/verify.tpl", "stl_verify",
		    "settlement");
	} else {
		tdict_show_section(d, "NOT_FOUND");
		rc = page_send(r, 404, "settlement/verify.tpl", "stl_verify",
		    "settlement");
	}
	dbres_free(res);
	return rc;
}
