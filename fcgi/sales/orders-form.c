/* orders-form.c: creating and editing an order (header, credited reps
 * with split shares, lines), returning part of an order, and the cost
 * edit of finance.
 *
 * The forms work without JavaScript: the order form shows a number of
 * empty line rows (hidden field "lines") and rep rows ("rep_rows"); the
 * "more" submit button re-renders it with more rows, keeping the input.
 * Lines are fields product_N, qty_N, price_N, discount_N, amount_N (and
 * lid_N, the line's id, on edit); reps are repeated rep / share pairs. */
#include "config.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/fmt.h"
#include "core/form.h"
#include "sales/order-math.h"
#include "sales/orders.h"
#include "sales/sales.h"

#define MAX_LINES 100
#define NEW_LINES 5
#define VAL 64

enum stmt {
	F_PRODUCT,
	F_CUSTOMER,
	F_REGION,
	F_CHANNEL,
	F_REP,
	F_OPP,
	F_NO_TAKEN,
	F_INSERT,
	F_SET_NO,
	F_REP_INSERT,
	F_LINE_INSERT,
	F_OPP_LINK,
	F_ORDER,
	F_ORDER_UPDATE,
	F_REPS_DELETE,
	F_REPS_OF,
	F_LINES_OF,
	F_LINE_UPDATE,
	F_LINE_DELETE,
	F_COST_UPDATE,
	F_RETURN_COUNT,
	F_REPS_COPY,
	F__MAX
};

#define LINES_OF_SQL \
	"SELECT l.id, l.line_no, l.product_id, l.quantity, l.unit_price," \
	" l.discount, l.amount, l.cost, l.status, pr.code, pr.name_zh," \
	" pr.name_en, pr.standard_cost, COALESCE((SELECT -SUM(rl.quantity)" \
	" FROM order_lines rl JOIN orders ro ON ro.id = rl.order_id" \
	" WHERE rl.original_line_id = l.id AND rl.status = 'booked'" \
	" AND ro.status = 'booked'), 0)" \
	" FROM order_lines l JOIN products pr ON pr.id = l.product_id" \
	" WHERE l.order_id = ? ORDER BY l.line_no"

static const char *const stmts[F__MAX] = {
	[F_PRODUCT] =
	    "SELECT id, list_price, standard_cost, active FROM products"
	    " WHERE id = ?",
	[F_CUSTOMER] =
	    "SELECT c.id, c.region_id, c.channel_id FROM customers c"
	    " WHERE c.id = ? AND (c.id = ? OR " SCOPE_SQL("c.owner_id") ")",
	[F_REGION] = "SELECT id FROM regions WHERE id = ? AND (active OR id = ?)",
	[F_CHANNEL] =
	    "SELECT id FROM channels WHERE id = ? AND (active OR id = ?)",
	[F_REP] =
	    "SELECT p.id, p.login, " SCOPE_SQL("p.id") " FROM people p"
	    " WHERE p.id = ? AND (CAST(p.roles AS UNSIGNED) & ?) <> 0",
	[F_OPP] =
	    "SELECT o.id, o.customer_id, o.owner_id, o.amount, o.title,"
	    " o.order_id FROM opportunities o WHERE o.id = ? AND "
	    SCOPE_SQL("o.owner_id"),
	[F_NO_TAKEN] = "SELECT id FROM orders WHERE order_no = ? AND id <> ?",
	[F_INSERT] =
	    "INSERT INTO orders (order_no, customer_id, order_date, region_id,"
	    " channel_id, original_order_id, opportunity_id, note, created_by)"
	    " VALUES (COALESCE(?, CONCAT('tmp-', REPLACE(UUID(), '-', ''))),"
	    " ?, ?, ?, ?, ?, ?, ?, ?)",
	[F_SET_NO] = "UPDATE orders SET order_no = ? WHERE id = ?",
	[F_REP_INSERT] =
	    "INSERT INTO order_reps (order_id, person_id, share)"
	    " VALUES (?, ?, ?)",
	[F_LINE_INSERT] =
	    "INSERT INTO order_lines (order_id, line_no, product_id, quantity,"
	    " unit_price, discount, amount, cost, original_line_id)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[F_OPP_LINK] =
	    "UPDATE opportunities SET order_id = ? WHERE id = ?"
	    " AND order_id IS NULL",
	[F_ORDER] =
	    "SELECT o.id, o.status, o.locked, o.customer_id,"
	    " o.original_order_id, o.order_no, o.order_date, o.region_id,"
	    " o.channel_id, o.note, o.opportunity_id FROM orders o"
	    " WHERE o.id = ? AND " SCOPE_ORDER_SQL("o.id") " FOR UPDATE",
	[F_ORDER_UPDATE] =
	    "UPDATE orders SET order_no = ?, customer_id = ?, order_date = ?,"
	    " region_id = ?, channel_id = ?, note = ? WHERE id = ?"
	    " AND locked = 0 AND status = 'booked'",
	[F_REPS_DELETE] = "DELETE FROM order_reps WHERE order_id = ?",
	[F_REPS_OF] =
	    "SELECT person_id, share FROM order_reps WHERE order_id = ?"
	    " ORDER BY share DESC, person_id",
	[F_LINES_OF] = LINES_OF_SQL,
	[F_LINE_UPDATE] =
	    "UPDATE order_lines SET product_id = ?, quantity = ?,"
	    " unit_price = ?, discount = ?, amount = ?, cost = ?"
	    " WHERE id = ? AND order_id = ?",
	[F_LINE_DELETE] = "DELETE FROM order_lines WHERE id = ? AND order_id = ?",
	[F_COST_UPDATE] =
	    "UPDATE order_lines SET cost = ? WHERE id = ? AND order_id = ?",
	[F_RETURN_COUNT] =
	    "SELECT COUNT(*) FROM orders WHERE original_order_id = ?",
	[F_REPS_COPY] =
	    "INSERT INTO order_reps (order_id, person_id, share)"
	    " SELECT ?, person_id, share FROM order_reps WHERE order_id = ?",
};

static struct db_table form_db = DB_TABLE("orders-form", stmts);

/* One line row of the form: what was typed, errors, parsed values. */
struct line_in {
	char lid[VAL], product[VAL], qty[VAL], price[VAL], discount[VAL],
	    amount[VAL];
	const char *e_product, *e_qty, *e_price, *e_discount, *e_amount;
	bool empty;
	int64_t line_id, product_id, qty_v, price_v, disc_v, amount_v, cost_v;
	bool has_price, has_amount;
};

struct order_in {
	char order_no[VAL], customer[VAL], date[VAL], region[VAL],
	    channel[VAL], note[1100], opportunity[VAL];
	const char *e_order_no, *e_customer, *e_date, *e_region, *e_channel,
	    *e_note, *e_split;
	char split_sum[32];
	size_t nrep, rep_rows;
	char rep[ORDER_MAX_REPS][VAL], share[ORDER_MAX_REPS][VAL];
	const char *e_rep[ORDER_MAX_REPS], *e_share[ORDER_MAX_REPS];
	int64_t rep_v[ORDER_MAX_REPS], share_v[ORDER_MAX_REPS];
	char rep_login[ORDER_MAX_REPS][VAL];
	size_t nlines;
	struct line_in line[MAX_LINES];
	const char *e_lines;
	/* parsed header */
	int64_t customer_v, region_v, channel_v, opportunity_v;
	size_t nerr;
	/* the order being edited: its customer, region and channel stay
	 * allowed even when out of the picker's scope */
	int64_t cur_customer, cur_region, cur_channel;
};

static void
copy_trim(char *dst, size_t len, const char *src)
{
	size_t n;

	if (src == NULL)
		src = "";
	while (*src == ' ' || *src == '\t')
		src++;
	n = strlen(src);
	while (n > 0 && (src[n - 1] == ' ' || src[n - 1] == '\t' ||
	    src[n - 1] == '\r' || src[n - 1] == '\n'))
		n--;
	if (n >= len)
		n = len - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static const char *
form_val(const struct req *r, const char *name, size_t idx)
{
	char key[48];

	snprintf(key, sizeof(key), "%s_%zu", name, idx);
	return req_get(&r->form, key);
}

static int
parse_id(const char *s, int64_t *v)
{
	char *end;
	long long x;

	if (s[0] < '1' || s[0] > '9' || strlen(s) > 10)
		return -1;
	x = strtoll(s, &end, 10);
	if (*end != '\0' || x <= 0 || x > 4294967295LL)
		return -1;
	*v = x;
	return 0;
}

static void
today(char buf[16])
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(buf, 16, "%Y-%m-%d", &tm);
}

static bool
order_no_ok(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 40)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_' &&
		    s[i] != '.' && s[i] != '-')
			return false;
	return true;
}

/* Reads the order form's fields from the POST body into in. */
static void
read_input(struct req *r, struct order_in *in)
{
	const struct req_pair *rp = NULL, *sp = NULL;
	const char *v;
	size_t k = 0;
	int64_t n;

	copy_trim(in->order_no, VAL, req_get(&r->form, "order_no"));
	copy_trim(in->customer, VAL, req_get(&r->form, "customer"));
	copy_trim(in->date, VAL, req_get(&r->form, "order_date"));
	copy_trim(in->region, VAL, req_get(&r->form, "region"));
	copy_trim(in->channel, VAL, req_get(&r->form, "channel"));
	copy_trim(in->note, sizeof(in->note), req_get(&r->form, "note"));
	copy_trim(in->opportunity, VAL, req_get(&r->form, "opportunity"));
	for (;;) {
		char rv[VAL], sv[VAL];

		rp = req_next(&r->form, "rep", rp);
		sp = req_next(&r->form, "share", sp);
		if (rp == NULL && sp == NULL)
			break;
		copy_trim(rv, VAL, rp != NULL ? rp->value : "");
		copy_trim(sv, VAL, sp != NULL ? sp->value : "");
		if (rv[0] == '\0' && sv[0] == '\0')
			continue;
		if (k == ORDER_MAX_REPS) {
			in->e_split = "ord_err_too_many_reps";
			break;
		}
		memcpy(in->rep[k], rv, VAL);
		memcpy(in->share[k], sv, VAL);
		k++;
	}
	in->nrep = k;
	v = req_get(&r->form, "rep_rows");
	in->rep_rows = v != NULL && parse_id(v, &n) == 0 && n <= ORDER_MAX_REPS ?
	    (size_t)n : 2;
	v = req_get(&r->form, "lines");
	in->nlines = v != NULL && parse_id(v, &n) == 0 && n <= MAX_LINES ?
	    (size_t)n : NEW_LINES;
	for (size_t i = 0; i < in->nlines; i++) {
		struct line_in *l = &in->line[i];

		copy_trim(l->lid, VAL, form_val(r, "lid", i + 1));
		copy_trim(l->product, VAL, form_val(r, "product", i + 1));
		copy_trim(l->qty, VAL, form_val(r, "qty", i + 1));
		copy_trim(l->price, VAL, form_val(r, "price", i + 1));
		copy_trim(l->discount, VAL, form_val(r, "discount", i + 1));
		copy_trim(l->amount, VAL, form_val(r, "amount", i + 1));
		l->empty = l->product[0] == '\0' && l->qty[0] == '\0' &&
		    l->price[0] == '\0' && l->discount[0] == '\0' &&
		    l->amount[0] == '\0';
	}
}

/* Validates in against the database; fills the parsed values and the
 * error keys.  Returns 0 (see in->nerr) or a tc_err. */
static int
validate(struct req *r, struct order_in *in, bool is_edit)
{
	struct scope w = scope_write(r);
	struct order_share sh[ORDER_MAX_REPS];
	char repkey[ORDER_MAX_REPS][24];
	struct dbres *res = NULL;
	struct form_value fv;
	struct field datef = { "order_date", form_date, 1, 0, 0, NULL, NULL };
	bool rep_in_scope = false, any_line = false;
	size_t bad;
	int rc, e;

	(void)is_edit;
	if (in->order_no[0] != '\0' && !order_no_ok(in->order_no))
		in->e_order_no = "ord_err_order_no";
	if (parse_id(in->customer, &in->customer_v) != 0)
		in->e_customer = "ord_err_customer";
	else {
		if ((rc = db_query(r->app->db, &form_db, F_CUSTOMER,
		    DB_ARGS(P_INT(in->customer_v), P_INT(in->cur_customer),
		    SCOPE_ARGS(&w)), &res)) != 0)
			return rc;
		if (dbres_rows(res) == 0)
			in->e_customer = "ord_err_customer";
		else {
			if (in->region[0] == '\0')
				snprintf(in->region, VAL, "%s",
				    dbres_text(res, 0, 1));
			if (in->channel[0] == '\0')
				snprintf(in->channel, VAL, "%s",
				    dbres_text(res, 0, 2));
		}
		dbres_free(res);
		res = NULL;
	}
	if (form_date(&datef, in->date, &fv) != 0)
		in->e_date = "ord_err_date";
	if (in->region[0] != '\0') {
		if (parse_id(in->region, &in->region_v) != 0)
			in->e_region = "ord_err_region";
		else {
			if ((rc = db_query(r->app->db, &form_db, F_REGION,
			    DB_ARGS(P_INT(in->region_v), P_INT(in->cur_region)),
			    &res)) != 0)
				return rc;
			if (dbres_rows(res) == 0)
				in->e_region = "ord_err_region";
			dbres_free(res);
			res = NULL;
		}
	} else if (in->e_customer == NULL)
		in->e_region = "ord_err_region";
	if (in->channel[0] != '\0') {
		if (parse_id(in->channel, &in->channel_v) != 0)
			in->e_channel = "ord_err_channel";
		else {
			if ((rc = db_query(r->app->db, &form_db, F_CHANNEL,
			    DB_ARGS(P_INT(in->channel_v),
			    P_INT(in->cur_channel)), &res)) != 0)
				return rc;
			if (dbres_rows(res) == 0)
				in->e_channel = "ord_err_channel";
			dbres_free(res);
			res = NULL;
		}
	} else if (in->e_customer == NULL)
		in->e_channel = "ord_err_channel";
	{
		struct field notef = { "note", form_text, 0, 0, 255, NULL,
		    NULL };

		if (in->note[0] != '\0' && form_text(&notef, in->note, &fv) != 0)
			in->e_note = "ord_err_note";
	}
	/* Credited reps and their shares. */
	for (size_t i = 0; i < in->nrep; i++) {
		if (parse_id(in->rep[i], &in->rep_v[i]) != 0)
			in->e_rep[i] = "ord_err_rep";
		else {
			if ((rc = db_query(r->app->db, &form_db, F_REP,
			    DB_ARGS(SCOPE_ARGS(&w), P_INT(in->rep_v[i]),
			    P_INT(ROLE_SALES | ROLE_MANAGER)), &res)) != 0)
				return rc;
			if (dbres_rows(res) == 0)
				in->e_rep[i] = "ord_err_rep";
			else {
				snprintf(in->rep_login[i], VAL, "%s",
				    dbres_text(res, 0, 1));
				if (dbres_int(res, 0, 2) != 0)
					rep_in_scope = true;
			}
			dbres_free(res);
			res = NULL;
		}
		if (order_parse_share(in->share[i], &in->share_v[i]) != 0)
			in->e_share[i] = "ord_err_share";
		snprintf(repkey[i], sizeof(repkey[i]), "%s", in->rep[i]);
		sh[i].rep = repkey[i];
		sh[i].share = in->share_v[i];
	}
	if (in->e_split == NULL) {
		bool row_err = false;

		for (size_t i = 0; i < in->nrep; i++)
			if (in->e_rep[i] != NULL || in->e_share[i] != NULL)
				row_err = true;
		if (!row_err) {
			e = order_split_check(sh, in->nrep, &bad);
			if (e == ORDER_SPLIT_EMPTY)
				in->e_split = "ord_err_no_rep";
			else if (e == ORDER_SPLIT_DUPLICATE)
				in->e_rep[bad] = "ord_err_rep_twice";
			else if (e == ORDER_SPLIT_SUM) {
				int64_t sum = 0;

				for (size_t i = 0; i < in->nrep; i++)
					sum += in->share_v[i];
				fmt_pct4(in->split_sum, sum);
				in->e_split = "ord_err_split_sum";
			} else if (e != ORDER_SPLIT_OK)
				in->e_split = "ord_err_share";
			else if (!rep_in_scope)
				in->e_split = "ord_err_rep_scope";
		}
	}
	/* Lines. */
	for (size_t i = 0; i < in->nlines; i++) {
		struct line_in *l = &in->line[i];

		if (l->empty)
			continue;
		any_line = true;
		if (parse_id(l->product, &l->product_id) != 0)
			l->e_product = "ord_err_product";
		else {
			if ((rc = db_query(r->app->db, &form_db, F_PRODUCT,
			    DB_ARGS(P_INT(l->product_id)), &res)) != 0)
				return rc;
			if (dbres_rows(res) == 0 || (dbres_int(res, 0, 3) == 0 &&
			    l->lid[0] == '\0'))
				l->e_product = "ord_err_product";
			else {
				l->price_v = dbres_money(res, 0, 1);
				l->cost_v = dbres_money(res, 0, 2); /* std */
			}
			dbres_free(res);
			res = NULL;
		}
		if (order_parse_qty(l->qty, &l->qty_v) != 0)
			l->e_qty = "ord_err_qty";
		else if (l->qty_v <= 0)
			l->e_qty = "ord_err_qty_positive";
		if (l->price[0] != '\0') {
			if (form_parse_money(l->price, &l->price_v) != 0 ||
			    l->price_v < 0 || l->price_v > ORDER_MAX_AMOUNT)
				l->e_price = "ord_err_price";
			l->has_price = true;
		}
		l->disc_v = 0;
		if (l->discount[0] != '\0' &&
		    order_parse_discount(l->discount, &l->disc_v) != 0)
			l->e_discount = "ord_err_discount";
		if (l->amount[0] != '\0') {
			if (form_parse_money(l->amount, &l->amount_v) != 0 ||
			    l->amount_v < -ORDER_MAX_AMOUNT ||
			    l->amount_v > ORDER_MAX_AMOUNT)
				l->e_amount = "ord_err_amount";
			l->has_amount = true;
		}
		if (l->e_product == NULL && l->e_qty == NULL &&
		    l->e_price == NULL && l->e_discount == NULL) {
			int64_t std = l->cost_v;

			if (!l->has_amount && order_line_amount(l->qty_v,
			    l->price_v, l->disc_v, &l->amount_v) != 0)
				l->e_amount = "ord_err_amount";
			if (order_line_cost(l->qty_v, std, &l->cost_v) != 0)
				l->e_qty = "ord_err_qty";
		}
	}
	if (!any_line)
		in->e_lines = "ord_err_no_lines";
	in->nerr = 0;
	if (in->e_order_no || in->e_customer || in->e_date || in->e_region ||
	    in->e_channel || in->e_note || in->e_split || in->e_lines)
		in->nerr++;
	for (size_t i = 0; i < in->nrep; i++)
		if (in->e_rep[i] || in->e_share[i])
			in->nerr++;
	for (size_t i = 0; i < in->nlines; i++) {
		struct line_in *l = &in->line[i];

		if (l->e_product || l->e_qty || l->e_price || l->e_discount ||
		    l->e_amount)
			in->nerr++;
	}
	return 0;
}

/* Sets NAME (value) and, on error, the NAME_ERR section ({{error}}) and
 * NAME_INVALID (aria-invalid) of d. */
static void
set_field(struct req *r, struct tdict *d, const char *name,
    const char *value, const char *err)
{
	char sec[64];
	size_t i;

	tdict_set(d, name, value);
	if (err == NULL)
		return;
	for (i = 0; name[i] != '\0' && i < 50; i++)
		sec[i] = (char)toupper((unsigned char)name[i]);
	strcpy(sec + i, "_ERR");
	tdict_set(tdict_add_section(d, sec), "error", tr(r, err));
	strcpy(sec + i, "_INVALID");
	tdict_show_section(d, sec);
}

/* One line of the error summary at the top of the form. */
static void
summary(struct req *r, struct tdict *d, size_t line, const char *field_key,
    const char *err)
{
	struct tdict *s = tdict_add_section(d, "ERRLIST");
	char text[512];

	if (line > 0)
		snprintf(text, sizeof(text), "%s %zu · %s: %s",
		    tr(r, "sales_line"), line, tr(r, field_key), tr(r, err));
	else
		snprintf(text, sizeof(text), "%s: %s", tr(r, field_key),
		    tr(r, err));
	tdict_set(s, "text", text);
}

/* Renders the order form (mode "new" or "edit") with in. */
static int
form_page(struct req *r, int status, int64_t id, struct order_in *in)
{
	struct scope w = scope_write(r);
	struct tdict *d = page_body(r);
	size_t rows;
	int rc;

	sales_tabs(r, "orders");
	if (id > 0) {
		char action[64];

		snprintf(action, sizeof(action), "/sales/orders/%" PRId64
		    "/edit", id);
		tdict_set(d, "action", action);
		tdict_set_int(d, "id", id);
		tdict_show_section(d, "EDIT");
	} else {
		tdict_set(d, "action", "/sales/orders/new");
		tdict_show_section(d, "NEW");
	}
	if (in->nerr > 0) {
		tdict_show_section(d, "HAS_ERRORS");
		if (in->e_order_no)
			summary(r, d, 0, "sales_order_no", in->e_order_no);
		if (in->e_customer)
			summary(r, d, 0, "sales_customer", in->e_customer);
		if (in->e_date)
			summary(r, d, 0, "sales_date", in->e_date);
		if (in->e_region)
			summary(r, d, 0, "sales_region", in->e_region);
		if (in->e_channel)
			summary(r, d, 0, "sales_channel", in->e_channel);
		if (in->e_note)
			summary(r, d, 0, "sales_notes", in->e_note);
		if (in->e_split)
			summary(r, d, 0, "ord_share", in->e_split);
		for (size_t i = 0; i < in->nrep; i++) {
			if (in->e_rep[i])
				summary(r, d, 0, "sales_rep", in->e_rep[i]);
			if (in->e_share[i])
				summary(r, d, 0, "ord_share", in->e_share[i]);
		}
		if (in->e_lines)
			summary(r, d, 0, "ord_lines", in->e_lines);
		for (size_t i = 0; i < in->nlines; i++) {
			struct line_in *l = &in->line[i];

			if (l->e_product)
				summary(r, d, i + 1, "sales_product",
				    l->e_product);
			if (l->e_qty)
				summary(r, d, i + 1, "sales_quantity", l->e_qty);
			if (l->e_price)
				summary(r, d, i + 1, "sales_unit_price",
				    l->e_price);
			if (l->e_discount)
				summary(r, d, i + 1, "sales_discount",
				    l->e_discount);
			if (l->e_amount)
				summary(r, d, i + 1, "sales_amount",
				    l->e_amount);
		}
	}
	set_field(r, d, "order_no", in->order_no, in->e_order_no);
	set_field(r, d, "order_date", in->date, in->e_date);
	set_field(r, d, "note", in->note, in->e_note);
	set_field(r, d, "customer", in->customer, in->e_customer);
	set_field(r, d, "region", in->region, in->e_region);
	set_field(r, d, "channel", in->channel, in->e_channel);
	tdict_set(d, "opportunity", in->opportunity);
	{
		int64_t v = 0;

		parse_id(in->customer, &v);
		if ((rc = orders_options(r, d, "CUSTOMER_OPT", "customer", v,
		    &w)) != 0)
			return rc;
		v = 0;
		parse_id(in->region, &v);
		if ((rc = orders_options(r, d, "REGION_OPT", "region", v,
		    NULL)) != 0)
			return rc;
		v = 0;
		parse_id(in->channel, &v);
		if ((rc = orders_options(r, d, "CHANNEL_OPT", "channel", v,
		    NULL)) != 0)
			return rc;
	}
	if (in->e_split != NULL) {
		char msg[256];

		if (strcmp(in->e_split, "ord_err_split_sum") == 0)
			snprintf(msg, sizeof(msg), "%s %s", tr(r, in->e_split),
			    in->split_sum);
		else
			snprintf(msg, sizeof(msg), "%s", tr(r, in->e_split));
		tdict_set(tdict_add_section(d, "SPLIT_ERR"), "error", msg);
		tdict_show_section(d, "SPLIT_INVALID");
	}
	rows = in->rep_rows > in->nrep ? in->rep_rows : in->nrep;
	if (rows > ORDER_MAX_REPS)
		rows = ORDER_MAX_REPS;
	tdict_set_int(d, "rep_rows", (long long)rows);
	tdict_set_int(d, "rep_rows_more", (long long)(rows + 1 >
	    ORDER_MAX_REPS ? ORDER_MAX_REPS : rows + 1));
	for (size_t i = 0; i < rows; i++) {
		struct tdict *p = tdict_add_section(d, "REPROW");
		int64_t v = 0;

		tdict_set_int(p, "n", (long long)(i + 1));
		if (i < in->nrep) {
			parse_id(in->rep[i], &v);
			set_field(r, p, "rep", in->rep[i], in->e_rep[i]);
			set_field(r, p, "share", in->share[i], in->e_share[i]);
			if (in->e_split != NULL)
				tdict_show_section(p, "SHARE_INVALID");
		}
		if ((rc = orders_options(r, p, "REP_OPT", "rep", v, NULL)) != 0)
			return rc;
	}
	tdict_set_int(d, "lines", (long long)in->nlines);
	tdict_set_int(d, "lines_more", (long long)(in->nlines + NEW_LINES >
	    MAX_LINES ? MAX_LINES : in->nlines + NEW_LINES));
	if (in->e_lines != NULL)
		tdict_set(tdict_add_section(d, "LINES_ERR"), "error",
		    tr(r, in->e_lines));
	for (size_t i = 0; i < in->nlines; i++) {
		struct line_in *l = &in->line[i];
		struct tdict *t = tdict_add_section(d, "LINE");
		int64_t v = 0;

		tdict_set_int(t, "n", (long long)(i + 1));
		tdict_set(t, "lid", l->lid);
		set_field(r, t, "product", l->product, l->e_product);
		set_field(r, t, "qty", l->qty, l->e_qty);
		set_field(r, t, "price", l->price, l->e_price);
		set_field(r, t, "discount", l->discount, l->e_discount);
		set_field(r, t, "amount", l->amount, l->e_amount);
		parse_id(l->product, &v);
		if ((rc = orders_options(r, t, "PRODUCT_OPT", "product", v,
		    NULL)) != 0)
			return rc;
	}
	return page_send(r, status, "sales/orders-form.tpl",
	    id > 0 ? "ord_edit_title" : "ord_new_title", "sales");
}

/* Builds the audit detail of an order from in. */
static void
audit_detail(const struct order_in *in, const char *order_no, char *buf,
    size_t len)
{
	int64_t total = 0;
	size_t n = 0, o;
	char m[FMT_MONEY_SIZE];

	for (size_t i = 0; i < in->nlines; i++)
		if (!in->line[i].empty) {
			total += in->line[i].amount_v;
			n++;
		}
	o = (size_t)snprintf(buf, len, "%s customer=%s date=%s lines=%zu"
	    " amount=%s reps=", order_no, in->customer, in->date, n,
	    fmt_money(m, total, false));
	for (size_t i = 0; i < in->nrep && o < len; i++)
		o += (size_t)snprintf(buf + o, len - o, "%s%s:%s", i ? "|" : "",
		    in->rep_login[i][0] ? in->rep_login[i] : in->rep[i],
		    in->share[i]);
}

/* Writes the reps of order id from in. */
static int
save_reps(struct req *r, int64_t id, const struct order_in *in)
{
	int rc;

	for (size_t i = 0; i < in->nrep; i++) {
		char pct[FMT_MONEY_SIZE];

		if ((rc = db_exec(r->app->db, &form_db, F_REP_INSERT,
		    DB_ARGS(P_INT(id), P_INT(in->rep_v[i]),
		    P_TEXT(fmt_pct4(pct, in->share_v[i]))), NULL, NULL)) != 0)
			return rc;
	}
	return 0;
}

static int
insert_line(struct req *r, int64_t id, int64_t line_no, int64_t product,
    int64_t qty, int64_t price, int64_t disc, int64_t amount, int64_t cost,
    int64_t original_line)
{
	char q[FMT_MONEY_SIZE], dsc[FMT_MONEY_SIZE];

	return db_exec(r->app->db, &form_db, F_LINE_INSERT,
	    DB_ARGS(P_INT(id), P_INT(line_no), P_INT(product),
	    P_TEXT(fmt_qty(q, qty)), P_MONEY(price), P_TEXT(fmt_pct4(dsc, disc)),
	    P_MONEY(amount), P_MONEY(cost),
	    original_line > 0 ? P_INT(original_line) : P_NULL), NULL, NULL);
}

/* Gives order id its number: "PREFIX-YYYYMM-NNNNN" from the date. */
static int
number_order(struct req *r, int64_t id, const char *prefix,
    const char *date, char *no, size_t len)
{
	int rc;

	snprintf(no, len, "%s-%.4s%.2s-%05" PRId64, prefix, date, date + 5,
	    id);
	rc = db_exec(r->app->db, &form_db, F_SET_NO,
	    DB_ARGS(P_TEXT(no), P_INT(id)), NULL, NULL);
	if (rc == TC_ECONFLICT) {
		/* Someone typed that number by hand: make it unique. */
		snprintf(no, len, "%s-%.4s%.2s-%05" PRId64 "-%" PRId64, prefix,
		    date, date + 5, id, id);
		rc = db_exec(r->app->db, &form_db, F_SET_NO,
		    DB_ARGS(P_TEXT(no), P_INT(id)), NULL, NULL);
	}
	return rc;
}

/* Whether order_no is taken by an order other than id. */
static int
order_no_taken(struct req *r, const char *no, int64_t id, bool *taken)
{
	struct dbres *res;
	int rc;

	if ((rc = db_query(r->app->db, &form_db, F_NO_TAKEN,
	    DB_ARGS(P_TEXT(no), P_INT(id)), &res)) != 0)
		return rc;
	*taken = dbres_rows(res) > 0;
	dbres_free(res);
	return 0;
}

static struct order_in *
input_new(void)
{
	return calloc(1, sizeof(struct order_in));
}

int
orders_new_get(struct req *r)
{
	struct scope w = scope_write(r);
	struct order_in *in = input_new();
	const char *opp = req_get(&r->q, "opportunity");
	char d[16];
	int rc;

	if (in == NULL)
		return TC_ENOMEM;
	today(d);
	snprintf(in->date, VAL, "%s", d);
	snprintf(in->rep[0], VAL, "%" PRId64, r->me.id);
	snprintf(in->share[0], VAL, "100");
	in->nrep = 1;
	in->rep_rows = 2;
	in->nlines = NEW_LINES;
	if (opp != NULL) {
		struct dbres *res;
		int64_t oid;

		if (parse_id(opp, &oid) != 0) {
			rc = TC_ENOTFOUND;
			goto out;
		}
		if ((rc = db_query(r->app->db, &form_db, F_OPP,
		    DB_ARGS(P_INT(oid), SCOPE_ARGS(&w)), &res)) != 0)
			goto out;
		if (dbres_rows(res) == 0) {
			dbres_free(res);
			rc = TC_ENOTFOUND;
			goto out;
		}
		snprintf(in->opportunity, VAL, "%" PRId64, oid);
		snprintf(in->customer, VAL, "%s", dbres_text(res, 0, 1));
		snprintf(in->rep[0], VAL, "%s", dbres_text(res, 0, 2));
		{
			char m[FMT_MONEY_SIZE];

			snprintf(in->note, sizeof(in->note), "%s: %s (%s %s)",
			    tr(r, "sales_opportunity"), dbres_text(res, 0, 4),
			    tr(r, "sales_amount"),
			    fmt_money(m, dbres_money(res, 0, 3), true));
		}
		if (!dbres_null(res, 0, 5))
			page_flash(r, "warn", tr(r, "ord_opp_has_order"));
		dbres_free(res);
	}
	rc = form_page(r, 200, 0, in);
out:
	free(in);
	return rc;
}

/* Re-renders the form with more rows when "more" was pressed.  Returns
 * 1 when it did (rc set), 0 otherwise. */
static int
more_rows(struct req *r, struct order_in *in, int64_t id, int *rc)
{
	const char *more = req_get(&r->form, "more");

	if (more == NULL)
		return 0;
	if (strcmp(more, "reps") == 0) {
		in->rep_rows = (in->rep_rows > in->nrep ? in->rep_rows :
		    in->nrep) + 1;
		if (in->rep_rows > ORDER_MAX_REPS)
			in->rep_rows = ORDER_MAX_REPS;
	} else {
		size_t n = in->nlines + NEW_LINES;

		in->nlines = n > MAX_LINES ? MAX_LINES : n;
	}
	*rc = form_page(r, 200, id, in);
	return 1;
}

int
orders_new_post(struct req *r)
{
	struct scope w = scope_write(r);
	struct order_in *in = input_new();
	char no[VAL], idtext[24], detail[1024], loc[96];
	uint64_t newid = 0;
	int64_t opp = 0, line_no = 0;
	bool taken = false;
	int rc;

	if (in == NULL)
		return TC_ENOMEM;
	read_input(r, in);
	if (more_rows(r, in, 0, &rc))
		goto out;
	if ((rc = validate(r, in, false)) != 0)
		goto out;
	if (in->opportunity[0] != '\0') {
		struct dbres *res;

		if (parse_id(in->opportunity, &opp) != 0) {
			rc = TC_ENOTFOUND;
			goto out;
		}
		if ((rc = db_query(r->app->db, &form_db, F_OPP,
		    DB_ARGS(P_INT(opp), SCOPE_ARGS(&w)), &res)) != 0)
			goto out;
		if (dbres_rows(res) == 0) {
			dbres_free(res);
			rc = TC_ENOTFOUND;
			goto out;
		}
		dbres_free(res);
	}
	if (in->nerr == 0 && in->order_no[0] != '\0') {
		if ((rc = order_no_taken(r, in->order_no, 0, &taken)) != 0)
			goto out;
		if (taken) {
			in->e_order_no = "ord_err_order_no_taken";
			in->nerr++;
		}
	}
	if (in->nerr > 0) {
		rc = form_page(r, 422, 0, in);
		goto out;
	}
	if ((rc = db_begin(r->app->db)) != 0)
		goto out;
	if ((rc = db_exec(r->app->db, &form_db, F_INSERT,
	    DB_ARGS(P_TEXT_OR_NULL(in->order_no), P_INT(in->customer_v),
	    P_TEXT(in->date), P_INT(in->region_v), P_INT(in->channel_v),
	    P_NULL, opp > 0 ? P_INT(opp) : P_NULL, P_TEXT(in->note),
	    P_INT(r->me.id)), NULL, &newid)) != 0)
		goto fail;
	if (in->order_no[0] != '\0')
		snprintf(no, sizeof(no), "%s", in->order_no);
	else if ((rc = number_order(r, (int64_t)newid, "SO", in->date, no,
	    sizeof(no))) != 0)
		goto fail;
	if ((rc = save_reps(r, (int64_t)newid, in)) != 0)
		goto fail;
	for (size_t i = 0; i < in->nlines; i++) {
		struct line_in *l = &in->line[i];

		if (l->empty)
			continue;
		if ((rc = insert_line(r, (int64_t)newid, ++line_no,
		    l->product_id, l->qty_v, l->price_v, l->disc_v, l->amount_v,
		    l->cost_v, 0)) != 0)
			goto fail;
	}
	if (opp > 0 && (rc = db_exec(r->app->db, &form_db, F_OPP_LINK,
	    DB_ARGS(P_INT(newid), P_INT(opp)), NULL, NULL)) != 0)
		goto fail;
	snprintf(idtext, sizeof(idtext), "%" PRIu64, newid);
	audit_detail(in, no, detail, sizeof(detail));
	if ((rc = audit_write(r, "order_create", "order", idtext, detail)) != 0 ||
	    (rc = db_commit(r->app->db)) != 0)
		goto fail;
	snprintf(loc, sizeof(loc), "/sales/orders/%" PRIu64 "?done=created",
	    newid);
	rc = http_redirect(r, loc);
	goto out;
fail:
	db_rollback(r->app->db);
	if (rc == TC_ECONFLICT) {
		/* The number was taken meanwhile. */
		in->e_order_no = "ord_err_order_no_taken";
		in->nerr++;
		rc = form_page(r, 422, 0, in);
	}
out:
	free(in);
	return rc;
}

/* Loads order id in scope s (FOR UPDATE inside a transaction) into
 * *res.  Returns 0, TC_ENOTFOUND or a tc_err. */
static int
load_order(struct req *r, int64_t id, const struct scope *s,
    struct dbres **res)
{
	int rc;

	if ((rc = db_query(r->app->db, &form_db, F_ORDER,
	    DB_ARGS(P_INT(id), SCOPE_ARGS(s)), res)) != 0)
		return rc;
	if (dbres_rows(*res) == 0) {
		dbres_free(*res);
		*res = NULL;
		return TC_ENOTFOUND;
	}
	return 0;
}

/* Refuses a change to a locked or cancelled order: back to the detail
 * page with a message. */
static int
refuse(struct req *r, int64_t id, const char *why)
{
	char loc[96];

	snprintf(loc, sizeof(loc), "/sales/orders/%" PRId64, id);
	tdict_set(page_body(r), "back", loc);
	tdict_set(page_body(r), "message", tr(r, why));
	sales_tabs(r, "orders");
	return page_send(r, 409, "sales/orders-refused.tpl",
	    "ord_refused_title", "sales");
}

int
orders_edit_get(struct req *r)
{
	struct scope w = scope_write(r);
	struct dbres *o = NULL, *reps = NULL, *lines = NULL;
	struct order_in *in = input_new();
	int64_t id = r->ids[0];
	int rc;

	if (in == NULL)
		return TC_ENOMEM;
	if ((rc = load_order(r, id, &w, &o)) != 0)
		goto out;
	if (dbres_int(o, 0, 2) != 0) {
		rc = refuse(r, id, "ord_err_locked");
		goto out;
	}
	if (strcmp(dbres_text(o, 0, 1), "booked") != 0) {
		rc = refuse(r, id, "ord_err_cancelled");
		goto out;
	}
	if (!dbres_null(o, 0, 4)) {
		rc = refuse(r, id, "ord_err_return_edit");
		goto out;
	}
	if ((rc = db_query(r->app->db, &form_db, F_REPS_OF,
	    DB_ARGS(P_INT(id)), &reps)) != 0 ||
	    (rc = db_query(r->app->db, &form_db, F_LINES_OF,
	    DB_ARGS(P_INT(id)), &lines)) != 0)
		goto out;
	snprintf(in->order_no, VAL, "%s", dbres_text(o, 0, 5));
	snprintf(in->customer, VAL, "%s", dbres_text(o, 0, 3));
	snprintf(in->date, VAL, "%s", dbres_text(o, 0, 6));
	snprintf(in->region, VAL, "%s", dbres_text(o, 0, 7));
	snprintf(in->channel, VAL, "%s", dbres_text(o, 0, 8));
	snprintf(in->note, sizeof(in->note), "%s", dbres_text(o, 0, 9));
	for (size_t i = 0; i < dbres_rows(reps) && i < ORDER_MAX_REPS; i++) {
		int64_t sv = 0;
		char pct[FMT_MONEY_SIZE];

		snprintf(in->rep[i], VAL, "%s", dbres_text(reps, i, 0));
		fmt_parse_scaled(dbres_text(reps, i, 1), 4, &sv);
		snprintf(in->share[i], VAL, "%s", fmt_pct4(pct, sv));
		in->nrep++;
	}
	in->rep_rows = in->nrep + 1;
	for (size_t i = 0; i < dbres_rows(lines) && i < MAX_LINES; i++) {
		struct line_in *l = &in->line[in->nlines++];
		int64_t qty = 0, disc = 0, computed = 0;
		char b[FMT_MONEY_SIZE];

		snprintf(l->lid, VAL, "%s", dbres_text(lines, i, 0));
		snprintf(l->product, VAL, "%s", dbres_text(lines, i, 2));
		fmt_parse_scaled(dbres_text(lines, i, 3), 3, &qty);
		snprintf(l->qty, VAL, "%s", fmt_qty(b, qty));
		snprintf(l->price, VAL, "%s",
		    fmt_money(b, dbres_money(lines, i, 4), false));
		fmt_parse_scaled(dbres_text(lines, i, 5), 4, &disc);
		if (disc != 0)
			snprintf(l->discount, VAL, "%s", fmt_pct4(b, disc));
		/* An amount entered by hand is shown; a computed one is left
		 * empty so that it follows the quantity and price. */
		if (order_line_amount(qty, dbres_money(lines, i, 4), disc,
		    &computed) != 0 || computed != dbres_money(lines, i, 6))
			snprintf(l->amount, VAL, "%s",
			    fmt_money(b, dbres_money(lines, i, 6), false));
	}
	in->nlines += 2;
	if (in->nlines > MAX_LINES)
		in->nlines = MAX_LINES;
	rc = form_page(r, 200, id, in);
out:
	dbres_free(o);
	dbres_free(reps);
	dbres_free(lines);
	free(in);
	return rc;
}

int
orders_edit_post(struct req *r)
{
	struct scope w = scope_write(r);
	struct dbres *o = NULL, *lines = NULL;
	struct order_in *in = input_new();
	int64_t id = r->ids[0], next_no = 0;
	char no[VAL], idtext[24], detail[1024], loc[96];
	bool taken = false;
	int rc;

	if (in == NULL)
		return TC_ENOMEM;
	if ((rc = load_order(r, id, &w, &o)) != 0)
		goto out;
	if (dbres_int(o, 0, 2) != 0) {
		rc = refuse(r, id, "ord_err_locked");
		goto out;
	}
	if (strcmp(dbres_text(o, 0, 1), "booked") != 0) {
		rc = refuse(r, id, "ord_err_cancelled");
		goto out;
	}
	if (!dbres_null(o, 0, 4)) {
		rc = refuse(r, id, "ord_err_return_edit");
		goto out;
	}
	in->cur_customer = dbres_int(o, 0, 3);
	in->cur_region = dbres_int(o, 0, 7);
	in->cur_channel = dbres_int(o, 0, 8);
	read_input(r, in);
	if (more_rows(r, in, id, &rc))
		goto out;
	if ((rc = validate(r, in, true)) != 0)
		goto out;
	if ((rc = db_query(r->app->db, &form_db, F_LINES_OF,
	    DB_ARGS(P_INT(id)), &lines)) != 0)
		goto out;
	/* Each lid must be a line of this order; a kept line keeps its
	 * cost unless its product or quantity changed. */
	for (size_t i = 0; i < in->nlines; i++) {
		struct line_in *l = &in->line[i];
		bool found = false;

		if (l->lid[0] == '\0')
			continue;
		if (parse_id(l->lid, &l->line_id) != 0) {
			rc = TC_ENOTFOUND;
			goto out;
		}
		for (size_t k = 0; k < dbres_rows(lines); k++) {
			int64_t q = 0;

			if (dbres_int(lines, k, 0) != l->line_id)
				continue;
			found = true;
			fmt_parse_scaled(dbres_text(lines, k, 3), 3, &q);
			{
				int64_t back = 0;

				fmt_parse_scaled(dbres_text(lines, k, 13), 3,
				    &back);
				if (back > 0 && !l->empty && l->e_qty == NULL &&
				    (l->qty_v < back ||
				    dbres_int(lines, k, 2) != l->product_id)) {
					l->e_qty = "ord_err_below_returned";
					in->nerr++;
				}
			}
			if (!l->empty && dbres_int(lines, k, 2) == l->product_id &&
			    q == l->qty_v)
				l->cost_v = dbres_money(lines, k, 7);
		}
		if (!found) {
			rc = TC_ENOTFOUND;
			goto out;
		}
	}
	for (size_t k = 0; k < dbres_rows(lines); k++)
		if (dbres_int(lines, k, 1) > next_no)
			next_no = dbres_int(lines, k, 1);
	snprintf(no, sizeof(no), "%s", in->order_no[0] != '\0' ? in->order_no :
	    dbres_text(o, 0, 5));
	if (in->nerr == 0) {
		if ((rc = order_no_taken(r, no, id, &taken)) != 0)
			goto out;
		if (taken) {
			in->e_order_no = "ord_err_order_no_taken";
			in->nerr++;
		}
	}
	if (in->nerr > 0) {
		rc = form_page(r, 422, id, in);
		goto out;
	}
	if ((rc = db_begin(r->app->db)) != 0)
		goto out;
	dbres_free(o);
	o = NULL;
	/* Again under the row lock: still ours, unlocked and booked. */
	if ((rc = load_order(r, id, &w, &o)) != 0)
		goto fail;
	if (dbres_int(o, 0, 2) != 0 || strcmp(dbres_text(o, 0, 1), "booked")) {
		db_rollback(r->app->db);
		rc = refuse(r, id, dbres_int(o, 0, 2) ? "ord_err_locked" :
		    "ord_err_cancelled");
		goto out;
	}
	if ((rc = db_exec(r->app->db, &form_db, F_ORDER_UPDATE,
	    DB_ARGS(P_TEXT(no), P_INT(in->customer_v), P_TEXT(in->date),
	    P_INT(in->region_v), P_INT(in->channel_v), P_TEXT(in->note),
	    P_INT(id)), NULL, NULL)) != 0 ||
	    (rc = db_exec(r->app->db, &form_db, F_REPS_DELETE,
	    DB_ARGS(P_INT(id)), NULL, NULL)) != 0 ||
	    (rc = save_reps(r, id, in)) != 0)
		goto fail;
	for (size_t i = 0; i < in->nlines; i++) {
		struct line_in *l = &in->line[i];
		char q[FMT_MONEY_SIZE], dsc[FMT_MONEY_SIZE];

		if (l->lid[0] != '\0' && l->empty)
			rc = db_exec(r->app->db, &form_db, F_LINE_DELETE,
			    DB_ARGS(P_INT(l->line_id), P_INT(id)), NULL, NULL);
		else if (l->lid[0] != '\0')
			rc = db_exec(r->app->db, &form_db, F_LINE_UPDATE,
			    DB_ARGS(P_INT(l->product_id),
			    P_TEXT(fmt_qty(q, l->qty_v)), P_MONEY(l->price_v),
			    P_TEXT(fmt_pct4(dsc, l->disc_v)),
			    P_MONEY(l->amount_v), P_MONEY(l->cost_v),
			    P_INT(l->line_id), P_INT(id)), NULL, NULL);
		else if (!l->empty)
			rc = insert_line(r, id, ++next_no, l->product_id,
			    l->qty_v, l->price_v, l->disc_v, l->amount_v,
			    l->cost_v, 0);
		if (rc == TC_EINVAL && l->empty) {
			/* A line a return refers to cannot go. */
			db_rollback(r->app->db);
			l->e_product = "ord_err_line_returned";
			in->nerr++;
			rc = form_page(r, 422, id, in);
			goto out;
		}
		if (rc != 0)
			goto fail;
	}
	snprintf(idtext, sizeof(idtext), "%" PRId64, id);
	audit_detail(in, no, detail, sizeof(detail));
	if ((rc = audit_write(r, "order_edit", "order", idtext, detail)) != 0 ||
	    (rc = db_commit(r->app->db)) != 0)
		goto fail;
	snprintf(loc, sizeof(loc), "/sales/orders/%" PRId64 "?done=saved", id);
	rc = http_redirect(r, loc);
	goto out;
fail:
	db_rollback(r->app->db);
	if (rc == TC_ECONFLICT) {
		in->e_order_no = "ord_err_order_no_taken";
		in->nerr++;
		rc = form_page(r, 422, id, in);
	}
out:
	dbres_free(o);
	dbres_free(lines);
	free(in);
	return rc;
}

/* --- returns --- */

/* Renders the return form of order o (a F_ORDER row) with its lines. */
static int
return_page(struct req *r, int status, int64_t id, struct dbres *o,
    struct dbres *lines, const char *date, const char *note,
    const char *e_date, const char *e_lines, const char *const *e_qty)
{
	struct tdict *d = page_body(r);
	char name[32], b[FMT_MONEY_SIZE];

	sales_tabs(r, "orders");
	tdict_set_int(d, "id", id);
	tdict_set(d, "order_no", dbres_text(o, 0, 5));
	tdict_set(d, "order_date", dbres_text(o, 0, 6));
	set_field(r, d, "return_date", date, e_date);
	set_field(r, d, "note", note, NULL);
	if (e_lines != NULL)
		tdict_set(tdict_add_section(d, "LINES_ERR"), "error",
		    tr(r, e_lines));
	if (e_date != NULL || e_lines != NULL)
		tdict_show_section(d, "HAS_ERRORS");
	for (size_t i = 0; i < dbres_rows(lines); i++) {
		struct tdict *t;
		int64_t qty = 0, back = 0;
		const char *v;

		if (strcmp(dbres_text(lines, i, 8), "booked") != 0)
			continue;
		t = tdict_add_section(d, "LINE");
		fmt_parse_scaled(dbres_text(lines, i, 3), 3, &qty);
		fmt_parse_scaled(dbres_text(lines, i, 13), 3, &back);
		tdict_set(t, "lid", dbres_text(lines, i, 0));
		tdict_set(t, "line_no", dbres_text(lines, i, 1));
		tdict_set(t, "product_code", dbres_text(lines, i, 9));
		tdict_set(t, "product", orders_name(r, dbres_text(lines, i, 10),
		    dbres_text(lines, i, 11)));
		tdict_set(t, "sold", fmt_qty(b, qty));
		tdict_set(t, "returned", fmt_qty(b, back));
		tdict_set(t, "returnable", fmt_qty(b, qty - back));
		tdict_set(t, "amount", fmt_money(b, dbres_money(lines, i, 6),
		    true));
		snprintf(name, sizeof(name), "rq_%s", dbres_text(lines, i, 0));
		tdict_set(t, "field", name);
		v = req_get(&r->form, name);
		set_field(r, t, "rq", v != NULL ? v : "",
		    e_qty != NULL ? e_qty[i] : NULL);
		if (e_qty != NULL && e_qty[i] != NULL)
			tdict_show_section(d, "HAS_ERRORS");
	}
	return page_send(r, status, "sales/orders-return.tpl",
	    "ord_return_title", "sales");
}

/* Loads order id for a return (write scope) and checks it may be
 * returned.  Returns 0, TC_ENOTFOUND, or 1 when a refusal was sent. */
static int
return_load(struct req *r, int64_t id, struct dbres **o,
    struct dbres **lines, int *rc)
{
	struct scope w = scope_write(r);

	if ((*rc = load_order(r, id, &w, o)) != 0)
		return *rc;
	if (strcmp(dbres_text(*o, 0, 1), "booked") != 0) {
		*rc = refuse(r, id, "ord_err_cancelled");
		return 1;
	}
	if (!dbres_null(*o, 0, 4)) {
		*rc = refuse(r, id, "ord_err_return_of_return");
		return 1;
	}
	return *rc = db_query(r->app->db, &form_db, F_LINES_OF,
	    DB_ARGS(P_INT(id)), lines);
}

int
orders_return_get(struct req *r)
{
	struct dbres *o = NULL, *lines = NULL;
	char d[16];
	int rc, x;

	if ((x = return_load(r, r->ids[0], &o, &lines, &rc)) != 0)
		goto out;
	today(d);
	rc = return_page(r, 200, r->ids[0], o, lines, d, "", NULL, NULL, NULL);
out:
	dbres_free(o);
	dbres_free(lines);
	return rc;
}

int
orders_return_post(struct req *r)
{
	struct dbres *o = NULL, *lines = NULL, *cnt = NULL;
	struct field datef = { "return_date", form_date, 1, 0, 0, NULL, NULL };
	struct field notef = { "note", form_text, 0, 0, 255, NULL, NULL };
	const char **e_qty = NULL;
	int64_t id = r->ids[0], *rq = NULL, line_no = 0;
	char date[VAL], note[1100], no[VAL], idtext[24], detail[512], loc[96];
	const char *e_date = NULL, *e_lines = NULL;
	struct form_value fv;
	uint64_t newid = 0;
	size_t n, nret = 0;
	bool bad = false;
	int rc, x;

	/* All in one transaction: the original's row stays locked (FOR
	 * UPDATE) from reading what was returned until the return is
	 * written, so two returns cannot both take the same goods back. */
	if ((rc = db_begin(r->app->db)) != 0)
		goto out;
	if ((x = return_load(r, id, &o, &lines, &rc)) != 0)
		goto fail;
	n = dbres_rows(lines);
	e_qty = calloc(n + 1, sizeof(*e_qty));
	rq = calloc(n + 1, sizeof(*rq));
	if (e_qty == NULL || rq == NULL) {
		rc = TC_ENOMEM;
		goto fail;
	}
	copy_trim(date, VAL, req_get(&r->form, "return_date"));
	copy_trim(note, sizeof(note), req_get(&r->form, "note"));
	if (form_date(&datef, date, &fv) != 0)
		e_date = "ord_err_date";
	else if (strcmp(date, dbres_text(o, 0, 6)) < 0)
		e_date = "ord_err_return_date";
	if (note[0] != '\0' && form_text(&notef, note, &fv) != 0)
		bad = true;
	for (size_t i = 0; i < n; i++) {
		char name[32], v[VAL];
		int64_t qty = 0, back = 0;

		if (strcmp(dbres_text(lines, i, 8), "booked") != 0)
			continue;
		snprintf(name, sizeof(name), "rq_%s", dbres_text(lines, i, 0));
		copy_trim(v, VAL, req_get(&r->form, name));
		if (v[0] == '\0')
			continue;
		fmt_parse_scaled(dbres_text(lines, i, 3), 3, &qty);
		fmt_parse_scaled(dbres_text(lines, i, 13), 3, &back);
		if (order_parse_qty(v, &rq[i]) != 0 || rq[i] < 0)
			e_qty[i] = "ord_err_qty";
		else if (rq[i] > qty - back)
			e_qty[i] = "ord_err_return_too_much";
		else if (rq[i] > 0)
			nret++;
		if (e_qty[i] != NULL)
			bad = true;
	}
	if (!bad && nret == 0)
		e_lines = "ord_err_return_nothing";
	if (bad || e_date != NULL || e_lines != NULL) {
		db_rollback(r->app->db);
		rc = return_page(r, 422, id, o, lines, date, note, e_date,
		    e_lines, e_qty);
		goto out;
	}
	if ((rc = db_query(r->app->db, &form_db, F_RETURN_COUNT,
	    DB_ARGS(P_INT(id)), &cnt)) != 0)
		goto fail;
	if ((rc = db_exec(r->app->db, &form_db, F_INSERT,
	    DB_ARGS(P_NULL, P_INT(dbres_int(o, 0, 3)), P_TEXT(date),
	    P_INT(dbres_int(o, 0, 7)), P_INT(dbres_int(o, 0, 8)), P_INT(id),
	    P_NULL, P_TEXT(note), P_INT(r->me.id)), NULL, &newid)) != 0)
		goto fail;
	if (strlen(dbres_text(o, 0, 5)) + 6 <= 40) {
		snprintf(no, sizeof(no), "%s-R%" PRId64, dbres_text(o, 0, 5),
		    dbres_int(cnt, 0, 0) + 1);
		rc = db_exec(r->app->db, &form_db, F_SET_NO,
		    DB_ARGS(P_TEXT(no), P_INT(newid)), NULL, NULL);
		if (rc == TC_ECONFLICT)
			rc = number_order(r, (int64_t)newid, "RT", date, no,
			    sizeof(no));
	} else
		rc = number_order(r, (int64_t)newid, "RT", date, no, sizeof(no));
	if (rc != 0)
		goto fail;
	if ((rc = db_exec(r->app->db, &form_db, F_REPS_COPY,
	    DB_ARGS(P_INT(newid), P_INT(id)), NULL, NULL)) != 0)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		int64_t qty = 0, disc = 0;

		if (rq[i] <= 0)
			continue;
		fmt_parse_scaled(dbres_text(lines, i, 3), 3, &qty);
		fmt_parse_scaled(dbres_text(lines, i, 5), 4, &disc);
		if ((rc = insert_line(r, (int64_t)newid, ++line_no,
		    dbres_int(lines, i, 2), -rq[i], dbres_money(lines, i, 4),
		    disc, -order_prorate(dbres_money(lines, i, 6), rq[i], qty),
		    -order_prorate(dbres_money(lines, i, 7), rq[i], qty),
		    dbres_int(lines, i, 0))) != 0)
			goto fail;
	}
	snprintf(idtext, sizeof(idtext), "%" PRIu64, newid);
	snprintf(detail, sizeof(detail), "%s return of order %" PRId64
	    " (%s) dated %s, %" PRId64 " lines", no, id, dbres_text(o, 0, 5),
	    date, line_no);
	if ((rc = audit_write(r, "order_return", "order", idtext, detail)) != 0 ||
	    (rc = db_commit(r->app->db)) != 0)
		goto fail;
	snprintf(loc, sizeof(loc), "/sales/orders/%" PRIu64 "?done=returned",
	    newid);
	rc = http_redirect(r, loc);
	goto out;
fail:
	db_rollback(r->app->db);
out:
	dbres_free(o);
	dbres_free(lines);
	dbres_free(cnt);
	free(e_qty);
	free(rq);
	return rc;
}

/* --- costs (finance) --- */

static int
costs_page(struct req *r, int status, int64_t id, struct dbres *o,
    struct dbres *lines, const char *const *errs)
{
	struct tdict *d = page_body(r);
	char b[FMT_MONEY_SIZE], name[32];

	sales_tabs(r, "orders");
	tdict_set_int(d, "id", id);
	tdict_set(d, "order_no", dbres_text(o, 0, 5));
	for (size_t i = 0; i < dbres_rows(lines); i++) {
		struct tdict *t = tdict_add_section(d, "LINE");
		int64_t qty = 0, def = 0;
		const char *v;

		fmt_parse_scaled(dbres_text(lines, i, 3), 3, &qty);
		tdict_set(t, "line_no", dbres_text(lines, i, 1));
		tdict_set(t, "product_code", dbres_text(lines, i, 9));
		tdict_set(t, "product", orders_name(r, dbres_text(lines, i, 10),
		    dbres_text(lines, i, 11)));
		tdict_set(t, "quantity", fmt_qty(b, qty));
		tdict_set(t, "amount", fmt_money(b, dbres_money(lines, i, 6),
		    true));
		order_line_cost(qty, dbres_money(lines, i, 12), &def);
		tdict_set(t, "default_cost", fmt_money(b, def, true));
		snprintf(name, sizeof(name), "cost_%s", dbres_text(lines, i, 0));
		tdict_set(t, "field", name);
		v = req_get(&r->form, name);
		set_field(r, t, "cost", v != NULL ? v :
		    fmt_money(b, dbres_money(lines, i, 7), false),
		    errs != NULL ? errs[i] : NULL);
		if (errs != NULL && errs[i] != NULL)
			tdict_show_section(d, "HAS_ERRORS");
	}
	return page_send(r, status, "sales/orders-costs.tpl",
	    "ord_costs_title", "sales");
}

int
orders_costs_get(struct req *r)
{
	struct scope s = scope_read(r);
	struct dbres *o = NULL, *lines = NULL;
	int64_t id = r->ids[0];
	int rc;

	if ((rc = load_order(r, id, &s, &o)) != 0)
		return rc;
	if (dbres_int(o, 0, 2) != 0)
		rc = refuse(r, id, "ord_err_locked");
	else if ((rc = db_query(r->app->db, &form_db, F_LINES_OF,
	    DB_ARGS(P_INT(id)), &lines)) == 0)
		rc = costs_page(r, 200, id, o, lines, NULL);
	dbres_free(o);
	dbres_free(lines);
	return rc;
}

int
orders_costs_post(struct req *r)
{
	struct scope s = scope_read(r);
	struct dbres *o = NULL, *lines = NULL;
	const char **errs = NULL;
	int64_t id = r->ids[0], *cost = NULL;
	char idtext[24], loc[96], *detail = NULL;
	size_t n, o_len = 0, changed = 0;
	bool bad = false;
	int rc;

	if ((rc = load_order(r, id, &s, &o)) != 0)
		return rc;
	if (dbres_int(o, 0, 2) != 0) {
		rc = refuse(r, id, "ord_err_locked");
		goto out;
	}
	if ((rc = db_query(r->app->db, &form_db, F_LINES_OF,
	    DB_ARGS(P_INT(id)), &lines)) != 0)
		goto out;
	n = dbres_rows(lines);
	errs = calloc(n + 1, sizeof(*errs));
	cost = calloc(n + 1, sizeof(*cost));
	detail = calloc(1, 128 * (n + 1) + 128);
	if (errs == NULL || cost == NULL || detail == NULL) {
		rc = TC_ENOMEM;
		goto out;
	}
	o_len = (size_t)sprintf(detail, "%s costs:", dbres_text(o, 0, 5));
	for (size_t i = 0; i < n; i++) {
		char name[32], v[VAL];

		snprintf(name, sizeof(name), "cost_%s", dbres_text(lines, i, 0));
		copy_trim(v, VAL, req_get(&r->form, name));
		if (v[0] == '\0' || form_parse_money(v, &cost[i]) != 0 ||
		    cost[i] < -ORDER_MAX_AMOUNT || cost[i] > ORDER_MAX_AMOUNT) {
			errs[i] = "ord_err_cost";
			bad = true;
		}
	}
	if (bad) {
		rc = costs_page(r, 422, id, o, lines, errs);
		goto out;
	}
	if ((rc = db_begin(r->app->db)) != 0)
		goto out;
	dbres_free(o);
	o = NULL;
	if ((rc = load_order(r, id, &s, &o)) != 0)
		goto fail;
	if (dbres_int(o, 0, 2) != 0) {
		db_rollback(r->app->db);
		rc = refuse(r, id, "ord_err_locked");
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		char a[FMT_MONEY_SIZE], b[FMT_MONEY_SIZE];

		if (cost[i] == dbres_money(lines, i, 7))
			continue;
		if ((rc = db_exec(r->app->db, &form_db, F_COST_UPDATE,
		    DB_ARGS(P_MONEY(cost[i]), P_INT(dbres_int(lines, i, 0)),
		    P_INT(id)), NULL, NULL)) != 0)
			goto fail;
		o_len += (size_t)sprintf(detail + o_len, " line %s %s -> %s;",
		    dbres_text(lines, i, 1),
		    fmt_money(a, dbres_money(lines, i, 7), false),
		    fmt_money(b, cost[i], false));
		changed++;
	}
	snprintf(idtext, sizeof(idtext), "%" PRId64, id);
	if (changed > 0 && (rc = audit_write(r, "order_costs", "order",
	    idtext, detail)) != 0)
		goto fail;
	if ((rc = db_commit(r->app->db)) != 0)
		goto fail;
	snprintf(loc, sizeof(loc), "/sales/orders/%" PRId64 "?done=costs", id);
	rc = http_redirect(r, loc);
	goto out;
fail:
	db_rollback(r->app->db);
out:
	dbres_free(o);
	dbres_free(lines);
	free(errs);
	free(cost);
	free(detail);
	return rc;
}
