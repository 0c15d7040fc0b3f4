/* versions-edit.c: HR edits a draft plan version on the web, one rule at
 * a time: GET and POST /commission/plans/#/rules/new and
 * /commission/plans/#/rules/# (the rule's place in the file, from 1),
 * POST /commission/plans/#/rules/#/delete.
 *
 * A rule matches on product type, region, channel, product and customer
 * (pickers from the reference data; the code is stored), has a priority,
 * a base, and one of a rate, a per-unit amount or tiers, whose bands are
 * added and removed with the form's own buttons (no script needed).  The
 * form checks every error of the spec's section 4 that a rule can have,
 * each shown next to its input in the reader's language, with what was
 * typed kept; nothing is saved while one remains.  Then the whole
 * version is written with the engine's writer and read back by the
 * engine's parser (plan_parse), the same gate as an imported file, and
 * replaces the draft in one transaction (plan_replace). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commission/versions.h"
#include "core/decimal.h"
#include "core/error.h"
#include "core/form.h"
#include "core/formview.h"
#include "core/money.h"
#include "core/period.h"
#include "core/date.h"
#include "core/request.h"
#include "core/tmpl.h"
#include "engine/plan_json.h"

#define MAX_BANDS 20

enum rule_field {
	R_CODE, R_PRIORITY, R_PRODUCT_TYPE, R_REGION, R_CHANNEL, R_PRODUCT,
	R_CUSTOMER, R_BASE, R_KIND, R_RATE, R_PER_UNIT, R_MODE, R_BANDS,
	R__MAX
};

static const char *const bases[] = { "amount", "margin", "quantity",
	"collected", NULL };
static const char *const kinds[] = { "rate", "per_unit", "tiers", NULL };
static const char *const modes[] = { "marginal", "whole", NULL };

static const struct field rule_fields[R__MAX] = {
	[R_CODE] = { "code", form_text, 1, 1, 64, "cm_rule_err_code", NULL },
	[R_PRIORITY] = { "priority", form_int64, 0, -999999999999LL,
	    999999999999LL, "cm_rule_err_priority", NULL },
	[R_PRODUCT_TYPE] = { "product_type", form_text, 0, 1, 64,
	    "cm_rule_err_unknown_code", NULL },
	[R_REGION] = { "region", form_text, 0, 1, 64,
	    "cm_rule_err_unknown_code", NULL },
	[R_CHANNEL] = { "channel", form_text, 0, 1, 64,
	    "cm_rule_err_unknown_code", NULL },
	[R_PRODUCT] = { "product", form_text, 0, 1, 64,
	    "cm_rule_err_unknown_code", NULL },
	[R_CUSTOMER] = { "customer", form_text, 0, 1, 64,
	    "cm_rule_err_unknown_code", NULL },
	[R_BASE] = { "base", form_oneof, 1, 0, 0, "cm_rule_err_base", bases },
	[R_KIND] = { "kind", form_oneof, 1, 0, 0, "cm_rule_err_kind", kinds },
	[R_RATE] = { "rate", form_text, 0, 1, 32, "cm_err_pct_format", NULL },
	[R_PER_UNIT] = { "per_unit", form_text, 0, 1, 32,
	    "cm_err_money_format", NULL },
	[R_MODE] = { "mode", form_oneof, 0, 0, 0, "cm_rule_err_mode", modes },
	[R_BANDS] = { "bands", form_text, 0, 1, 8, "cm_rule_err_no_bands",
	    NULL },
};

static const char *const rule_labels[R__MAX] = {
	[R_CODE] = "cm_rule_code", [R_PRIORITY] = "cm_rule_priority",
	[R_PRODUCT_TYPE] = "cm_match_product_type",
	[R_REGION] = "cm_match_region", [R_CHANNEL] = "cm_match_channel",
	[R_PRODUCT] = "cm_match_product", [R_CUSTOMER] = "cm_match_customer",
	[R_BASE] = "cm_rule_base", [R_KIND] = "cm_rule_kind",
	[R_RATE] = "cm_rule_rate", [R_PER_UNIT] = "cm_rule_per_unit",
	[R_MODE] = "cm_rule_mode", [R_BANDS] = "cm_rule_bands",
};

enum band_field { B_UPTO, B_RATE, B__MAX };

static const struct field band_fields[B__MAX] = {
	[B_UPTO] = { "upto", form_text, 0, 1, 32, "cm_err_money_format", NULL },
	[B_RATE] = { "brate", form_text, 0, 1, 32, "cm_err_pct_format", NULL },
};

static const char *const band_labels[B__MAX] = {
	[B_UPTO] = "cm_tiers_upto", [B_RATE] = "cm_rule_rate",
};

/* The reference data a rule matches on, by its match key. */
enum stmt {
	ST_PRODUCT_TYPES, ST_REGIONS, ST_CHANNELS, ST_PRODUCTS, ST_CUSTOMERS,
	ST__MAX
};

static const char *const stmts[ST__MAX] = {
	[ST_PRODUCT_TYPES] = "SELECT code, name_zh, name_en FROM product_types"
	    " ORDER BY code",
	[ST_REGIONS] = "SELECT code, name_zh, name_en FROM regions"
	    " ORDER BY code",
	[ST_CHANNELS] = "SELECT code, name_zh, name_en FROM channels"
	    " ORDER BY code",
	[ST_PRODUCTS] = "SELECT code, name_zh, name_en FROM products"
	    " ORDER BY code",
	[ST_CUSTOMERS] = "SELECT code, name, name FROM customers ORDER BY code",
};

static struct db_table edit_db = DB_TABLE("commission.plan_edit", stmts);

/* The match fields in the order of enum tce_attr. */
static const enum rule_field match_field[TCE_ATTR__MAX] = {
	[TCE_ATTR_PRODUCT_TYPE] = R_PRODUCT_TYPE, [TCE_ATTR_REGION] = R_REGION,
	[TCE_ATTR_CHANNEL] = R_CHANNEL, [TCE_ATTR_PRODUCT] = R_PRODUCT,
	[TCE_ATTR_CUSTOMER] = R_CUSTOMER,
};

/* What the form read: the rule's fields and its bands. */
struct rule_form {
	struct form f;
	struct form band[MAX_BANDS];
	size_t nbands;
};

static void
rule_form_free(struct rule_form *rf)
{
	form_free(&rf->f);
	for (size_t i = 0; i < rf->nbands; i++)
		form_free(&rf->band[i]);
}

/* --- numbers, each refused with its own message --- */

/* A percent as typed: "5", "5%", "2.75"; at most 4 decimals, >= 0.
 * Marks field k of f and returns 1 when refused. */
static int
check_pct(struct form *f, size_t k, int64_t *out)
{
	const char *s = form_str(f, k);
	size_t len;
	int rc;

	if (s == NULL)
		return 0;
	len = strlen(s);
	if (len > 0 && s[len - 1] == '%')
		len--;
	rc = tc_dec_parse(s, len, TC_SCALE_PCT, out);
	if (rc == TC_EDECIMALS)
		form_set_error(f, k, "cm_err_pct_decimals", NULL);
	else if (rc != 0)
		form_set_error(f, k, "cm_err_pct_format", NULL);
	else if (*out < 0)
		form_set_error(f, k, "cm_err_negative", NULL);
	else
		return 0;
	return 1;
}

/* An amount of money as typed: at most 2 decimals, >= 0. */
static int
check_money(struct form *f, size_t k, money_t *out)
{
	const char *s = form_str(f, k);
	int rc;

	if (s == NULL)
		return 0;
	rc = tc_dec_parse_str(s, TC_SCALE_MONEY, out);
	if (rc == TC_EDECIMALS)
		form_set_error(f, k, "cm_err_money_decimals", NULL);
	else if (rc != 0)
		form_set_error(f, k, "cm_err_money_format", NULL);
	else if (*out < 0)
		form_set_error(f, k, "cm_err_negative", NULL);
	else
		return 0;
	return 1;
}

/* --- reading the form --- */

/* How many bands the form has: "nbands", changed by the add and remove
 * buttons ("op" = "add_band" or "remove_<n>"); *removed is the band
 * taken away (1-based), 0 for none. */
static size_t
band_count(const struct req_fields *in, size_t *removed, bool *save)
{
	const char *n = req_get(in, "nbands"), *op = req_get(in, "op");
	long v = n != NULL ? strtol(n, NULL, 10) : 0;
	size_t nb = v > 0 && v <= MAX_BANDS ? (size_t)v : 0;

	*removed = 0;
	*save = op == NULL || strcmp(op, "save") == 0;
	if (op != NULL && strncmp(op, "remove_", 7) == 0) {
		long r = strtol(op + 7, NULL, 10);

		if (r >= 1 && (size_t)r <= nb)
			*removed = (size_t)r;
	}
	return nb;
}

/* Reads rule fields and bands from in; with check, marks every error. */
static int
rule_read(const struct req_fields *in, struct rule_form *rf, size_t *removed,
    bool *save)
{
	size_t nb = band_count(in, removed, save);
	int rc;

	memset(rf, 0, sizeof(*rf));
	if ((rc = form_validate(&rf->f, rule_fields, R__MAX, in)) == TC_ENOMEM)
		return rc;
	for (size_t i = 0; i < nb; i++) {
		if ((rc = form_validate_row(&rf->band[rf->nbands], band_fields,
		    B__MAX, in, i + 1)) == TC_ENOMEM)
			return rc;
		rf->nbands++;
	}
	return 0;
}

/* Whether code is one of res's first column. */
static bool
known_code(const struct dbres *res, const char *code)
{
	for (size_t i = 0; i < dbres_rows(res); i++)
		if (strcmp(dbres_text(res, i, 0), code) == 0)
			return true;
	return false;
}

/* Every check of section 4 a rule can fail, each on its field; fills u
 * (owned strings) when none fails.  v: the version, other rules' ids;
 * self: the rule's index being replaced, or v->nrules for a new one. */
static int
rule_check(struct req *r, struct rule_form *rf, const struct tce_version *v,
    size_t self, struct tce_rule *u, struct dbres *const refs[TCE_ATTR__MAX])
{
	struct form *f = &rf->f;
	int kind = (int)form_int(f, R_KIND, -1);
	int base = (int)form_int(f, R_BASE, -1);
	const char *code = form_str(f, R_CODE);
	int64_t rate = 0;
	money_t per_unit = 0;

	(void)r;
	memset(u, 0, sizeof(*u));
	/* an id unique in the version */
	if (code != NULL)
		for (size_t i = 0; i < v->nrules; i++)
			if (i != self && strcmp(v->rules[i].id, code) == 0)
				form_set_error(f, R_CODE,
				    "cm_rule_err_code_taken", NULL);
	/* match values: codes of the reference data */
	for (int a = 0; a < TCE_ATTR__MAX; a++) {
		const char *m = form_str(f, match_field[a]);

		if (m != NULL && !known_code(refs[a], m))
			form_set_error(f, match_field[a], NULL, NULL);
	}
	/* the base decides what may be paid on it */
	if (base == TCE_BASE_QUANTITY && kind >= 0 && kind != 1)
		form_set_error(f, R_KIND, "cm_rule_err_quantity_per_unit", NULL);
	if (base >= 0 && base != TCE_BASE_QUANTITY && kind == 1)
		form_set_error(f, R_KIND, "cm_rule_err_per_unit_money", NULL);
	if (kind == 0) {                /* rate */
		if (!form_present(f, R_RATE))
			form_set_error(f, R_RATE, "cm_rule_err_rate_missing",
			    NULL);
		else
			check_pct(f, R_RATE, &rate);
	} else if (kind == 1) {         /* per unit */
		if (!form_present(f, R_PER_UNIT))
			form_set_error(f, R_PER_UNIT,
			    "cm_rule_err_per_unit_missing", NULL);
		else
			check_money(f, R_PER_UNIT, &per_unit);
	} else if (kind == 2) {         /* tiers */
		money_t prev = 0;

		if (!form_present(f, R_MODE))
			form_set_error(f, R_MODE, "cm_rule_err_mode", NULL);
		if (rf->nbands == 0)
			form_set_error(f, R_BANDS, "cm_rule_err_no_bands", NULL);
		for (size_t i = 0; i < rf->nbands; i++) {
			struct form *b = &rf->band[i];
			bool last = i + 1 == rf->nbands;
			int64_t br = 0;
			money_t upto = 0;

			if (!form_present(b, B_RATE))
				form_set_error(b, B_RATE,
				    "cm_rule_err_rate_missing", NULL);
			else
				check_pct(b, B_RATE, &br);
			if (last && form_present(b, B_UPTO))
				form_set_error(b, B_UPTO,
				    "cm_rule_err_upto_last", NULL);
			else if (!last && !form_present(b, B_UPTO))
				form_set_error(b, B_UPTO,
				    "cm_rule_err_upto_missing", NULL);
			else if (!last && check_money(b, B_UPTO, &upto) == 0 &&
			    b->e[B_UPTO].err == 0) {
				if (upto <= 0)
					form_set_error(b, B_UPTO,
					    "cm_rule_err_upto_positive", NULL);
				else if (i > 0 && upto <= prev)
					form_set_error(b, B_UPTO,
					    "cm_rule_err_upto_ascending", NULL);
				prev = upto;
			}
		}
	}
	if (form_has_errors(f))
		return TC_EINVAL;
	for (size_t i = 0; i < rf->nbands && kind == 2; i++)
		if (form_has_errors(&rf->band[i]))
			return TC_EINVAL;

	/* the rule, as the engine holds it */
	if ((u->id = strdup(code)) == NULL)
		return TC_ENOMEM;
	u->priority = form_int(f, R_PRIORITY, 0);
	for (int a = 0; a < TCE_ATTR__MAX; a++) {
		const char *m = form_str(f, match_field[a]);

		if (m != NULL) {
			if ((u->match[a] = strdup(m)) == NULL)
				return TC_ENOMEM;
			u->nkeys++;
		}
	}
	u->base = (enum tce_base)base;
	if (kind == 0) {
		u->kind = TCE_RATE_FLAT;
		u->rate = rate;
	} else if (kind == 1) {
		u->kind = TCE_RATE_PER_UNIT;
		u->per_unit = per_unit;
	} else {
		u->kind = form_int(f, R_MODE, 0) == 0 ? TCE_RATE_MARGINAL :
		    TCE_RATE_WHOLE;
		if ((u->bands = calloc(rf->nbands, sizeof(*u->bands))) == NULL)
			return TC_ENOMEM;
		u->nbands = rf->nbands;
		for (size_t i = 0; i < rf->nbands; i++) {
			struct form *b = &rf->band[i];

			check_pct(b, B_RATE, &u->bands[i].rate);
			u->bands[i].has_upto = i + 1 < rf->nbands;
			if (u->bands[i].has_upto)
				check_money(b, B_UPTO, &u->bands[i].upto);
		}
	}
	return 0;
}

/* The stored rule u as the form's input. */
static int
rule_input(const struct tce_rule *u, struct req_fields *in)
{
	char buf[TC_DEC_SIZE + 2], n[16];
	int rc = 0;

	rc |= req_fields_add(in, "code", u->id);
	snprintf(n, sizeof(n), "%lld", (long long)u->priority);
	rc |= req_fields_add(in, "priority", n);
	for (int a = 0; a < TCE_ATTR__MAX; a++)
		if (u->match[a] != NULL)
			rc |= req_fields_add(in, rule_fields[match_field[a]].name,
			    u->match[a]);
	rc |= req_fields_add(in, "base", tce_base_name(u->base));
	switch (u->kind) {
	case TCE_RATE_FLAT:
		rc |= req_fields_add(in, "kind", "rate");
		rc |= req_fields_add(in, "rate", tc_pct_str(buf, u->rate));
		break;
	case TCE_RATE_PER_UNIT:
		rc |= req_fields_add(in, "kind", "per_unit");
		rc |= req_fields_add(in, "per_unit",
		    tc_dec_str(buf, u->per_unit, TC_SCALE_MONEY));
		break;
	default:
		rc |= req_fields_add(in, "kind", "tiers");
		rc |= req_fields_add(in, "mode", u->kind == TCE_RATE_MARGINAL ?
		    "marginal" : "whole");
		snprintf(n, sizeof(n), "%zu", u->nbands);
		rc |= req_fields_add(in, "nbands", n);
		for (size_t i = 0; i < u->nbands; i++) {
			char name[40];

			snprintf(name, sizeof(name), "brate_%zu", i + 1);
			rc |= req_fields_add(in, name,
			    tc_pct_str(buf, u->bands[i].rate));
			if (u->bands[i].has_upto) {
				snprintf(name, sizeof(name), "upto_%zu", i + 1);
				rc |= req_fields_add(in, name, tc_dec_str(buf,
				    u->bands[i].upto, TC_SCALE_MONEY));
			}
		}
	}
	return rc != 0 ? TC_ENOMEM : 0;
}

/* --- the page --- */

static int
load_refs(struct req *r, struct dbres *refs[TCE_ATTR__MAX])
{
	static const int idx[TCE_ATTR__MAX] = {
		[TCE_ATTR_PRODUCT_TYPE] = ST_PRODUCT_TYPES,
		[TCE_ATTR_REGION] = ST_REGIONS, [TCE_ATTR_CHANNEL] = ST_CHANNELS,
		[TCE_ATTR_PRODUCT] = ST_PRODUCTS,
		[TCE_ATTR_CUSTOMER] = ST_CUSTOMERS,
	};
	int rc;

	for (int a = 0; a < TCE_ATTR__MAX; a++)
		refs[a] = NULL;
	for (int a = 0; a < TCE_ATTR__MAX; a++)
		if ((rc = db_query(r->app->db, &edit_db, idx[a], DB_NOARGS,
		    &refs[a])) != 0)
			return rc;
	return 0;
}

static void
free_refs(struct dbres *refs[TCE_ATTR__MAX])
{
	for (int a = 0; a < TCE_ATTR__MAX; a++)
		dbres_free(refs[a]);
}

/* Fills the page from the form: values as typed, errors next to their
 * inputs and in the summary (show_errors), the pickers, the bands. */
static int
rule_page(struct req *r, int status, int64_t id, size_t pos,
    struct rule_form *rf, bool show_errors, size_t removed, bool add,
    struct dbres *const refs[TCE_ATTR__MAX])
{
	struct tdict *d = page_body(r);
	struct form_errors s;
	size_t shown = 0;
	int rc;

	form_errors_init(&s, d, r->cat);
	if (show_errors) {
		if ((rc = form_show(&s, d, &rf->f, rule_labels, NULL)) != 0)
			return rc;
	} else
		form_show_values(d, &rf->f);
	tdict_set_int(d, "id", id);
	if (pos > 0) {
		tdict_set_int(d, "pos", (long long)pos);
		tdict_show_section(d, "EXISTING");
	} else
		tdict_show_section(d, "NEW");
	/* the pickers: any, then every code of the reference data, the
	 * value typed kept even when it is not one of them */
	for (int a = 0; a < TCE_ATTR__MAX; a++) {
		const char *name = rule_fields[match_field[a]].name;
		const char *cur = form_raw(&rf->f, match_field[a]);
		char sec[32];
		bool found = false;

		snprintf(sec, sizeof(sec), "%s_OPT", name);
		for (char *p = sec; *p != '\0'; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
		form_option(d, sec, "", tr(r, "cm_rule_any_value"),
		    cur[0] == '\0');
		for (size_t i = 0; i < dbres_rows(refs[a]); i++) {
			const char *code = dbres_text(refs[a], i, 0);
			char label[300];

			snprintf(label, sizeof(label), "%s · %s", code,
			    tr_stored_col(r, refs[a], i, 1));
			form_option(d, sec, code, label, strcmp(code, cur) == 0);
			found |= strcmp(code, cur) == 0;
		}
		if (!found && cur[0] != '\0')
			form_option(d, sec, cur, cur, true);
	}
	form_choices(d, "BASE_OPT", bases, r->cat, "cm_base_",
	    form_raw(&rf->f, R_BASE));
	form_choices(d, "KIND_OPT", kinds, r->cat, "cm_kind_",
	    form_raw(&rf->f, R_KIND));
	form_choices(d, "MODE_OPT", modes, r->cat, "cm_mode_",
	    form_raw(&rf->f, R_MODE));
	for (size_t i = 0; i < rf->nbands; i++) {
		struct tdict *b;

		if (i + 1 == removed)
			continue;
		b = tdict_add_section(d, "BAND");
		tdict_set_int(b, "n", (long long)++shown);
		if (show_errors && removed == 0) {
			if ((rc = form_show(&s, b, &rf->band[i], band_labels,
			    "cm_band_row")) != 0)
				return rc;
		} else
			form_show_values(b, &rf->band[i]);
	}
	if (add) {
		struct tdict *b = tdict_add_section(d, "BAND");

		tdict_set_int(b, "n", (long long)++shown);
	}
	tdict_set_int(d, "nbands", (long long)shown);
	commission_tabs(r, "plans");
	return page_send(r, status, "commission/rule-form.tpl",
	    pos > 0 ? "cm_rule_edit_title" : "cm_rule_new_title",
	    "commission");
}

/* Loads draft id for editing: 404 when it is not visible, 409 (with the
 * version page) when it is no longer a draft. */
static int
load_draft(struct req *r, int64_t id, struct tce_version **v)
{
	struct plan_why why;
	int rc;

	*v = NULL;
	if ((rc = plan_load(r->app->db, id, v)) != 0)
		return rc;
	if ((rc = plan_editable(r->app->db, id, &why)) != 0)
		return rc;
	return 0;
}

/* The draft's state: only a draft is edited. */
static bool
is_draft(struct req *r, int64_t id)
{
	struct wf_row *row = NULL;
	struct scope s = scope_of(r, &cm_plan_scope);
	bool draft;

	if (wf_load(r->app->db, &cm_plan_flow, id, &s, &row) != 0)
		return false;
	draft = strcmp(wf_row_state(row), "draft") == 0;
	wf_row_free(row);
	return draft;
}

static int
not_a_draft(struct req *r)
{
	page_flash(r, "error", tr(r, "cm_rule_err_not_draft"));
	return cm_plan_page(r, 409);
}

/* Writes v with the engine's writer, reads it back with the engine's
 * parser and replaces draft id with what it read. */
static int
store(struct req *r, int64_t id, const struct tce_version *v,
    struct tce_diag *err, struct plan_why *why)
{
	struct wf_actor a = wf_actor_of(r);
	struct plan_company co;
	struct tce_version *back = NULL;
	char *json = NULL;
	size_t len = 0;
	int rc;

	cm_plan_company(r, &co);
	memset(err, 0, sizeof(*err));
	memset(why, 0, sizeof(*why));
	if ((rc = tce_plan_json_write(v, &json, &len)) != 0)
		return rc;
	rc = plan_parse(json, len, &co, &back, err);
	free(json);
	if (rc != 0)
		return rc;
	rc = plan_replace(r->app->db, id, back, &a.as, why);
	tce_version_free(back);
	return rc;
}

/* pos: the rule's place (1-based), 0 for a new one. */
static int
rule_form(struct req *r, int64_t id, size_t pos, bool post)
{
	struct dbres *refs[TCE_ATTR__MAX];
	struct tce_version *v = NULL;
	struct req_fields in = { 0 };
	struct rule_form rf;
	struct tce_rule u;
	struct tce_diag err;
	struct plan_why why;
	size_t removed = 0;
	bool save = false;
	char loc[96];
	int rc;

	memset(&rf, 0, sizeof(rf));
	memset(&u, 0, sizeof(u));
	if (!is_draft(r, id)) {
		if ((rc = plan_load(r->app->db, id, &v)) != 0)
			return rc;
		tce_version_free(v);
		return not_a_draft(r);
	}
	if ((rc = load_draft(r, id, &v)) != 0 || (rc = load_refs(r, refs)) != 0)
		goto out;
	if (pos > v->nrules) {
		rc = TC_ENOTFOUND;
		goto out;
	}
	if (!post) {
		if (pos > 0 && (rc = rule_input(&v->rules[pos - 1], &in)) != 0)
			goto out;
		if (pos == 0 && ((rc = req_fields_add(&in, "kind", "rate")) != 0
		    || (rc = req_fields_add(&in, "base", "amount")) != 0))
			goto out;
		if ((rc = rule_read(&in, &rf, &removed, &save)) != 0)
			goto out;
		rc = rule_page(r, 200, id, pos, &rf, false, 0, false, refs);
		goto out;
	}
	if ((rc = rule_read(&r->form, &rf, &removed, &save)) != 0)
		goto out;
	if (!save) {
		/* a band added or removed: the same form again, as typed */
		const char *op = req_get(&r->form, "op");
		bool add = op != NULL && strcmp(op, "add_band") == 0 &&
		    rf.nbands < MAX_BANDS;

		rc = rule_page(r, 200, id, pos, &rf, false, removed, add, refs);
		goto out;
	}
	rc = rule_check(r, &rf, v, pos > 0 ? pos - 1 : v->nrules, &u, refs);
	if (rc == TC_EINVAL) {
		rc = rule_page(r, 422, id, pos, &rf, true, 0, false, refs);
		goto out;
	}
	if (rc != 0)
		goto out;
	/* the version with this rule in its place */
	if (pos > 0) {
		struct tce_rule old = v->rules[pos - 1];

		v->rules[pos - 1] = u;
		u = old;                /* freed below */
	} else {
		struct tce_rule *nr = realloc(v->rules,
		    (v->nrules + 1) * sizeof(*nr));

		if (nr == NULL) {
			rc = TC_ENOMEM;
			goto out;
		}
		v->rules = nr;
		v->rules[v->nrules++] = u;
		memset(&u, 0, sizeof(u));
	}
	rc = store(r, id, v, &err, &why);
	if (rc == TC_EINVAL || rc == TC_ETOOBIG) {
		char msg[600];

		/* what the engine refused that the form did not see */
		snprintf(msg, sizeof(msg), "%s%s%s", err.path,
		    err.path[0] != '\0' ? ": " : "", err.msg);
		form_set_error(&rf.f, R_CODE, "cm_rule_err_engine", msg);
		rc = rule_page(r, 422, id, pos, &rf, true, 0, false, refs);
	} else if (rc == TC_EDENIED) {
		page_flash(r, "error", tr(r, why.key != NULL ? why.key :
		    "cm_rule_err_not_draft"));
		rc = rule_page(r, 409, id, pos, &rf, false, 0, false, refs);
	} else if (rc == 0) {
		snprintf(loc, sizeof(loc), "/commission/plans/%lld?done=edit",
		    (long long)id);
		rc = http_redirect(r, loc);
	}
out:
	free(u.id);
	for (int a = 0; a < TCE_ATTR__MAX; a++)
		free(u.match[a]);
	free(u.bands);
	rule_form_free(&rf);
	req_fields_free(&in);
	tce_version_free(v);
	free_refs(refs);
	return rc;
}

static int
rule_new_get(struct req *r)
{
	return rule_form(r, r->ids[0], 0, false);
}

static int
rule_new_post(struct req *r)
{
	return rule_form(r, r->ids[0], 0, true);
}

static int
rule_edit_get(struct req *r)
{
	return r->ids[1] < 1 ? TC_ENOTFOUND :
	    rule_form(r, r->ids[0], (size_t)r->ids[1], false);
}

static int
rule_edit_post(struct req *r)
{
	return r->ids[1] < 1 ? TC_ENOTFOUND :
	    rule_form(r, r->ids[0], (size_t)r->ids[1], true);
}

static int
rule_delete_post(struct req *r)
{
	struct tce_version *v = NULL;
	struct tce_diag err;
	struct plan_why why;
	size_t pos = (size_t)r->ids[1];
	char loc[96];
	int rc;

	if (!is_draft(r, r->ids[0])) {
		if ((rc = plan_load(r->app->db, r->ids[0], &v)) != 0)
			return rc;
		tce_version_free(v);
		return not_a_draft(r);
	}
	if ((rc = load_draft(r, r->ids[0], &v)) != 0)
		goto out;
	if (pos < 1 || pos > v->nrules) {
		rc = TC_ENOTFOUND;
		goto out;
	}
	{
		struct tce_rule *u = &v->rules[pos - 1];

		free(u->id);
		for (int a = 0; a < TCE_ATTR__MAX; a++)
			free(u->match[a]);
		free(u->bands);
		memmove(u, u + 1, (v->nrules - pos) * sizeof(*u));
		v->nrules--;
	}
	rc = store(r, r->ids[0], v, &err, &why);
	if (rc == 0) {
		snprintf(loc, sizeof(loc), "/commission/plans/%lld?done=edit",
		    (long long)r->ids[0]);
		rc = http_redirect(r, loc);
	} else if (rc == TC_EDENIED)
		rc = not_a_draft(r);
out:
	tce_version_free(v);
	return rc;
}

/* --- the version itself: name, dates, cap, accelerators, bonuses --- */

#define MAX_STEPS 20
#define BLANK_STEPS 2

enum { H_NAME, H_FROM, H_TO, H_CAP, H__MAX };

static const struct field head_fields[H__MAX] = {
	[H_NAME] = { "name", form_text, 1, 1, 200, "cm_copy_err_name", NULL },
	[H_FROM] = { "effective_from", form_date, 1, 0, 0, "cm_copy_err_date",
	    NULL },
	[H_TO] = { "effective_to", form_date, 0, 0, 0, "cm_copy_err_date",
	    NULL },
	[H_CAP] = { "cap", form_text, 0, 1, 32, "cm_err_money_format", NULL },
};

static const char *const head_labels[H__MAX] = {
	[H_NAME] = "cm_plan_name", [H_FROM] = "cm_plan_from",
	[H_TO] = "cm_plan_to", [H_CAP] = "cm_plan_cap",
};

/* A step row: an accelerator (attainment, multiplier) or a bonus
 * (attainment, amount); inputs acc_at_N / acc_mul_N, bon_at_N /
 * bon_amt_N. */
enum { S_AT, S_VALUE, S__MAX };

static const struct field acc_fields[S__MAX] = {
	[S_AT] = { "acc_at", form_text, 0, 1, 32, "cm_err_pct_format", NULL },
	[S_VALUE] = { "acc_mul", form_text, 0, 1, 32, "cm_err_mult_format",
	    NULL },
};
static const struct field bon_fields[S__MAX] = {
	[S_AT] = { "bon_at", form_text, 0, 1, 32, "cm_err_pct_format", NULL },
	[S_VALUE] = { "bon_amt", form_text, 0, 1, 32, "cm_err_money_format",
	    NULL },
};
static const char *const acc_labels[S__MAX] = {
	[S_AT] = "cm_attainment", [S_VALUE] = "cm_multiplier",
};
static const char *const bon_labels[S__MAX] = {
	[S_AT] = "cm_attainment", [S_VALUE] = "cm_bonus_amount",
};

struct head_form {
	struct form f;
	struct form acc[MAX_STEPS], bon[MAX_STEPS];
	size_t nacc, nbon;
};

static void
head_form_free(struct head_form *h)
{
	form_free(&h->f);
	for (size_t i = 0; i < h->nacc; i++)
		form_free(&h->acc[i]);
	for (size_t i = 0; i < h->nbon; i++)
		form_free(&h->bon[i]);
}

static size_t
rows_of(const struct req_fields *in, const char *name)
{
	const char *n = req_get(in, name);
	long v = n != NULL ? strtol(n, NULL, 10) : 0;

	return v > 0 && v <= MAX_STEPS ? (size_t)v : 0;
}

static int
head_read(const struct req_fields *in, struct head_form *h)
{
	size_t na = rows_of(in, "nacc"), nb = rows_of(in, "nbon");
	int rc;

	memset(h, 0, sizeof(*h));
	if ((rc = form_validate(&h->f, head_fields, H__MAX, in)) == TC_ENOMEM)
		return rc;
	for (size_t i = 0; i < na; i++, h->nacc++)
		if ((rc = form_validate_row(&h->acc[i], acc_fields, S__MAX, in,
		    i + 1)) == TC_ENOMEM)
			return rc;
	for (size_t i = 0; i < nb; i++, h->nbon++)
		if ((rc = form_validate_row(&h->bon[i], bon_fields, S__MAX, in,
		    i + 1)) == TC_ENOMEM)
			return rc;
	return 0;
}

/* A multiplier: at most 4 decimals, >= 0. */
static int
check_mult(struct form *f, size_t k, int64_t *out)
{
	const char *s = form_str(f, k);
	int rc;

	if (s == NULL)
		return 0;
	rc = tc_dec_parse_str(s, 4, out);
	if (rc == TC_EDECIMALS)
		form_set_error(f, k, "cm_err_mult_decimals", NULL);
	else if (rc != 0)
		form_set_error(f, k, "cm_err_mult_format", NULL);
	else if (*out < 0)
		form_set_error(f, k, "cm_err_negative", NULL);
	else
		return 0;
	return 1;
}

/* Checks the rows of one list of steps into out (the rows given), each
 * threshold once. */
static int
check_steps(struct form *rows, size_t n, bool bonus, struct tce_step *out,
    size_t *nout)
{
	*nout = 0;
	for (size_t i = 0; i < n; i++) {
		struct form *f = &rows[i];
		int64_t at = 0, val = 0;
		bool a = form_present(f, S_AT), b = form_present(f, S_VALUE);

		if (!a && !b)
			continue;               /* an empty row: none */
		if (!a)
			form_set_error(f, S_AT, "cm_step_err_missing", NULL);
		else
			check_pct(f, S_AT, &at);
		if (!b)
			form_set_error(f, S_VALUE, "cm_step_err_missing", NULL);
		else if (bonus)
			check_money(f, S_VALUE, &val);
		else
			check_mult(f, S_VALUE, &val);
		if (form_has_errors(f))
			continue;
		for (size_t k = 0; k < *nout; k++)
			if (out[k].at == at)
				form_set_error(f, S_AT, "cm_step_err_repeated",
				    NULL);
		if (form_has_errors(f))
			continue;
		out[*nout].at = at;
		out[(*nout)++].value = val;
	}
	for (size_t i = 0; i < n; i++)
		if (form_has_errors(&rows[i]))
			return TC_EINVAL;
	return 0;
}

/* The stored version as the form's input, with blank rows to add. */
static int
head_input(const struct tce_version *v, struct req_fields *in)
{
	char buf[TC_DEC_SIZE + 2], name[40];
	int rc = 0;

	rc |= req_fields_add(in, "name", v->name);
	tc_date_format(buf, v->from);
	rc |= req_fields_add(in, "effective_from", buf);
	if (v->to != TCE_DATE_OPEN) {
		tc_date_format(buf, v->to);
		rc |= req_fields_add(in, "effective_to", buf);
	}
	if (v->has_cap)
		rc |= req_fields_add(in, "cap", tc_dec_str(buf, v->cap,
		    TC_SCALE_MONEY));
	for (size_t i = 0; i < v->naccel; i++) {
		snprintf(name, sizeof(name), "acc_at_%zu", i + 1);
		rc |= req_fields_add(in, name, tc_pct_str(buf, v->accel[i].at));
		snprintf(name, sizeof(name), "acc_mul_%zu", i + 1);
		rc |= req_fields_add(in, name, tc_dec_str(buf,
		    v->accel[i].value, 4));
	}
	for (size_t i = 0; i < v->nbonus; i++) {
		snprintf(name, sizeof(name), "bon_at_%zu", i + 1);
		rc |= req_fields_add(in, name, tc_pct_str(buf, v->bonus[i].at));
		snprintf(name, sizeof(name), "bon_amt_%zu", i + 1);
		rc |= req_fields_add(in, name, tc_dec_str(buf,
		    v->bonus[i].value, TC_SCALE_MONEY));
	}
	snprintf(name, sizeof(name), "%zu", v->naccel + BLANK_STEPS);
	rc |= req_fields_add(in, "nacc", name);
	snprintf(name, sizeof(name), "%zu", v->nbonus + BLANK_STEPS);
	rc |= req_fields_add(in, "nbon", name);
	return rc != 0 ? TC_ENOMEM : 0;
}

static int
head_page(struct req *r, int status, int64_t id, struct head_form *h,
    bool errors)
{
	struct tdict *d = page_body(r);
	struct form_errors s;
	int rc;

	form_errors_init(&s, d, r->cat);
	if (errors) {
		if ((rc = form_show(&s, d, &h->f, head_labels, NULL)) != 0)
			return rc;
	} else
		form_show_values(d, &h->f);
	for (size_t i = 0; i < h->nacc; i++) {
		struct tdict *t = tdict_add_section(d, "ACC");

		tdict_set_int(t, "n", (long long)i + 1);
		if (errors) {
			if ((rc = form_show(&s, t, &h->acc[i], acc_labels,
			    "cm_acc_row")) != 0)
				return rc;
		} else
			form_show_values(t, &h->acc[i]);
	}
	for (size_t i = 0; i < h->nbon; i++) {
		struct tdict *t = tdict_add_section(d, "BON");

		tdict_set_int(t, "n", (long long)i + 1);
		if (errors) {
			if ((rc = form_show(&s, t, &h->bon[i], bon_labels,
			    "cm_bon_row")) != 0)
				return rc;
		} else
			form_show_values(t, &h->bon[i]);
	}
	tdict_set_int(d, "nacc", (long long)h->nacc);
	tdict_set_int(d, "nbon", (long long)h->nbon);
	tdict_set_int(d, "id", id);
	commission_tabs(r, "plans");
	return page_send(r, status, "commission/plan-edit.tpl",
	    "cm_head_title", "commission");
}

static int
head_form(struct req *r, bool post)
{
	int64_t id = r->ids[0];
	struct tce_version *v = NULL;
	struct req_fields in = { 0 };
	struct head_form h;
	struct plan_company co;
	struct tce_step acc[MAX_STEPS], bon[MAX_STEPS];
	size_t na = 0, nb = 0;
	struct tce_diag err;
	struct plan_why why;
	struct period_span p;
	money_t cap = 0;
	char loc[96];
	int rc;

	memset(&h, 0, sizeof(h));
	cm_plan_company(r, &co);
	if (!is_draft(r, id)) {
		if ((rc = plan_load(r->app->db, id, &v)) != 0)
			return rc;
		tce_version_free(v);
		return not_a_draft(r);
	}
	if ((rc = load_draft(r, id, &v)) != 0)
		goto out;
	if (!post) {
		if ((rc = head_input(v, &in)) == 0 &&
		    (rc = head_read(&in, &h)) == 0)
			rc = head_page(r, 200, id, &h, false);
		goto out;
	}
	if ((rc = head_read(&r->form, &h)) != 0)
		goto out;
	if (form_str(&h.f, H_FROM) != NULL) {
		period_of_date(co.kind, (int32_t)form_int(&h.f, H_FROM, 0), &p);
		if (p.first != form_int(&h.f, H_FROM, 0))
			form_set_error(&h.f, H_FROM,
			    "cm_copy_err_from_boundary", NULL);
	}
	if (form_str(&h.f, H_TO) != NULL) {
		period_of_date(co.kind, (int32_t)form_int(&h.f, H_TO, 0), &p);
		if (p.last != form_int(&h.f, H_TO, 0))
			form_set_error(&h.f, H_TO, "cm_copy_err_to_boundary",
			    NULL);
		else if (form_str(&h.f, H_FROM) != NULL &&
		    form_int(&h.f, H_TO, 0) < form_int(&h.f, H_FROM, 0))
			form_set_error(&h.f, H_TO, "cm_copy_err_to_before",
			    NULL);
	}
	check_money(&h.f, H_CAP, &cap);
	rc = check_steps(h.acc, h.nacc, false, acc, &na);
	if (check_steps(h.bon, h.nbon, true, bon, &nb) != 0)
		rc = TC_EINVAL;
	if (rc != 0 || form_has_errors(&h.f)) {
		rc = head_page(r, 422, id, &h, true);
		goto out;
	}
	{
		char *name = strdup(form_str(&h.f, H_NAME));
		struct tce_step *a = calloc(na + 1, sizeof(*a));
		struct tce_step *b = calloc(nb + 1, sizeof(*b));

		if (name == NULL || a == NULL || b == NULL) {
			free(name);
			free(a);
			free(b);
			rc = TC_ENOMEM;
			goto out;
		}
		memcpy(a, acc, na * sizeof(*a));
		memcpy(b, bon, nb * sizeof(*b));
		free(v->name);
		free(v->accel);
		free(v->bonus);
		v->name = name;
		v->accel = a;
		v->naccel = na;
		v->bonus = b;
		v->nbonus = nb;
	}
	v->from = (int32_t)form_int(&h.f, H_FROM, 0);
	v->to = form_str(&h.f, H_TO) != NULL ? (int32_t)form_int(&h.f, H_TO, 0)
	    : TCE_DATE_OPEN;
	v->has_cap = form_str(&h.f, H_CAP) != NULL;
	v->cap = cap;
	rc = store(r, id, v, &err, &why);
	if (rc == TC_EINVAL || rc == TC_ETOOBIG) {
		form_set_error(&h.f, H_NAME, "cm_rule_err_engine", err.msg);
		rc = head_page(r, 422, id, &h, true);
	} else if (rc == TC_EDENIED) {
		form_set_error(&h.f, H_FROM, why.key != NULL ? why.key :
		    "plan_err_closed", NULL);
		rc = head_page(r, 422, id, &h, true);
	} else if (rc == 0) {
		snprintf(loc, sizeof(loc), "/commission/plans/%lld?done=edit",
		    (long long)id);
		rc = http_redirect(r, loc);
	}
out:
	head_form_free(&h);
	req_fields_free(&in);
	tce_version_free(v);
	return rc;
}

static int
head_get(struct req *r)
{
	return head_form(r, false);
}

static int
head_post(struct req *r)
{
	return head_form(r, true);
}

static const struct route edit_routes[] = {
	{ "GET", "/commission/plans/#/edit", CM_PLAN_EDIT, head_get },
	{ "POST", "/commission/plans/#/edit", CM_PLAN_EDIT, head_post },
	{ "GET", "/commission/plans/#/rules/new", CM_PLAN_EDIT, rule_new_get },
	{ "POST", "/commission/plans/#/rules/new", CM_PLAN_EDIT,
	    rule_new_post },
	{ "GET", "/commission/plans/#/rules/#", CM_PLAN_EDIT, rule_edit_get },
	{ "POST", "/commission/plans/#/rules/#", CM_PLAN_EDIT, rule_edit_post },
	{ "POST", "/commission/plans/#/rules/#/delete", CM_PLAN_EDIT,
	    rule_delete_post },
};

const struct route_set cm_plan_edit_route_set = ROUTE_SET(edit_routes);
