/* sales-credit-t: a co-credited rep cannot take a whole order.  The
 * credit (reps and shares) of a saved order, and the cancellation of an
 * order that credits someone else or has payments, change only through a
 * credit request that the team's manager or finance approves
 * (sales_order_save, sales_order_cancel, sales_credit_decide against
 * MariaDB): the rep's change waits, the old credit stands, the history
 * says who asked and who decided; the person who asked, a rep, a
 * manager of another team and anyone credited on the order cannot
 * decide; a rejection needs a reason; one request at a time; two
 * approvals racing: one wins, the other is told it came too late, and
 * the split is written once; the navigation's count of what waits.
 *
 * The cast of every test is its own (unique logins): rep1 (zhangwei's
 * part) and rep2 (huangli's: the customer is hers), whose manager is mgr;
 * mgr2 manages nobody of them; fin is in finance.  The team is given by
 * the manager (people.manager_login), with no team attribute, and the
 * cast is made inactive once the test ends, so that these people, who
 * have no directory entry, never show in another test's pickers or
 * choice of a rep of some team. */
#include "config.h"

#include <check.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/db.h"
#include "core/error.h"
#include "core/testhook.h"
#include "sales/sales.h"
#include "sales/write.h"
#include "tests/db/harness.h"

enum who { REP1, REP2, MGR, MGR2, FIN, WHO__MAX };

static const char *const who_name[WHO__MAX] = {
	"rep1", "rep2", "mgr", "mgr2", "fin"
};

static struct person cast[WHO__MAX];
static char prefix[40], today[11];
static char split_error[64];        /* the last save's, "" when none */
static char date_error[64];         /* likewise */
static const char *order_day;       /* the order form's date; NULL: today */
static int64_t customer, product;

enum stmt {
	STMT_CUSTOMER, STMT_PRODUCT, STMT_TODAY, STMT_REPS,
	STMT_REQUEST, STMT_MOVES, STMT_AUDITS, STMT_STATUS, STMT_PAYMENT,
	STMT_REDATE, STMT_CLOSED, STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_CUSTOMER] = "INSERT INTO customers (code, name, region_id,"
	    " channel_id, owner_id) SELECT ?, ?, (SELECT MIN(id) FROM regions"
	    " WHERE active), (SELECT MIN(id) FROM channels WHERE active), ?",
	[STMT_PRODUCT] = "SELECT MIN(id) FROM products WHERE active",
	[STMT_TODAY] = "SELECT DATE_FORMAT(CURDATE(), '%Y-%m-%d')",
	/* "login:share login:share", by share then login */
	[STMT_REPS] = "SELECT COALESCE(GROUP_CONCAT(CONCAT(SUBSTRING_INDEX("
	    "p.login, '-', -1), ':', CAST(r.share AS INT)) ORDER BY r.share"
	    " DESC, p.login SEPARATOR ' '), '') FROM order_reps r JOIN people p"
	    " ON p.id = r.person_id WHERE r.order_id = ?",
	[STMT_REQUEST] = "SELECT state, kind, requested_by,"
	    " COALESCE(decided_by, 0), decision_note FROM order_credit_requests"
	    " WHERE id = ?",
	[STMT_MOVES] = "SELECT COALESCE(from_state, '-'), to_state, moved_by,"
	    " action FROM order_credit_request_moves WHERE request_id = ?"
	    " ORDER BY id",
	[STMT_AUDITS] = "SELECT COUNT(*) FROM audit WHERE action = ?"
	    " AND entity = 'order' AND entity_id = ?",
	[STMT_STATUS] = "SELECT status FROM orders WHERE id = ?",
	[STMT_PAYMENT] = "INSERT INTO payments (payment_no, order_id,"
	    " payment_date, amount, created_by) VALUES (?, ?, CURDATE(), 100, ?)",
	[STMT_REDATE] = "UPDATE orders SET order_date = ? WHERE id = ?",
	[STMT_CLOSED] = "INSERT INTO periods (kind, label, first_day, last_day,"
	    " state) VALUES ('month', '2001-05', '2001-05-01', '2001-05-31',"
	    " 'closed')",
};

static struct db_table ct_db = DB_TABLE("sales-credit-t", sql);

static void
add_person(enum who w, const char *team, const char *manager,
    unsigned roles)
{
	dbt_person(dbt_db, &cast[w], prefix, who_name[w], team, manager,
	    roles);
}

static void
setup(void)
{
	struct dbres *res;
	char code[48];
	uint64_t id = 0;

	dbt_setup();
	dbt_unique(prefix, sizeof(prefix), "crt");
	memset(cast, 0, sizeof(cast));
	add_person(MGR, "", NULL, ROLE_SALES | ROLE_MANAGER);
	add_person(REP1, "", cast[MGR].login, ROLE_SALES);
	add_person(REP2, "", cast[MGR].login, ROLE_SALES);
	add_person(MGR2, "", NULL, ROLE_SALES | ROLE_MANAGER);
	add_person(FIN, "", NULL, ROLE_FINANCE);
	snprintf(code, sizeof(code), "%s", prefix);
	ck_assert_int_eq(db_exec(dbt_db, &ct_db, STMT_CUSTOMER,
	    DB_ARGS(P_TEXT(code), P_TEXT(prefix), P_INT(cast[REP2].id)), NULL,
	    &id), 0);
	customer = (int64_t)id;
	ck_assert_int_eq(db_query(dbt_db, &ct_db, STMT_PRODUCT, NULL, 0, &res),
	    0);
	product = dbres_int(res, 0, 0);
	dbres_free(res);
	ck_assert_int_gt(product, 0);
	ck_assert_int_eq(db_query(dbt_db, &ct_db, STMT_TODAY, NULL, 0, &res), 0);
	snprintf(today, sizeof(today), "%s", dbres_text(res, 0, 0));
	dbres_free(res);
}

static void
teardown(void)
{
	dbt_teardown();
}

static struct sales_actor
actor(enum who w, struct db *db)
{
	struct sales_actor a = { db, dbt_conf(), &cast[w],
	    { cast[w].login, "sales-credit-t" } };

	return a;
}

static void
add(struct req_fields *f, const char *name, const char *value)
{
	ck_assert_int_eq(req_fields_add(f, name, value), 0);
}

static void
add_id(struct req_fields *f, const char *name, int64_t v)
{
	char t[24];

	snprintf(t, sizeof(t), "%lld", (long long)v);
	add(f, name, t);
}

/* The order form's input: customer, today, one line, and the split
 * "rep share [rep share]". */
static void
order_form(struct req_fields *f, enum who r1, const char *s1, int r2,
    const char *s2)
{
	req_fields_init(f);
	add_id(f, "customer", customer);
	add(f, "order_date", order_day != NULL ? order_day : today);
	add_id(f, "rep", cast[r1].id);
	add(f, "share", s1);
	if (r2 >= 0) {
		add_id(f, "rep", cast[r2].id);
		add(f, "share", s2);
	}
	add_id(f, "product_1", product);
	add(f, "qty_1", "2");
}

/* Saves the order form as w (id 0: a new order); returns the result,
 * with *saved. */
static int
save(enum who w, int64_t id, enum who r1, const char *s1, int r2,
    const char *s2, struct order_saved *saved)
{
	struct sales_actor a = actor(w, dbt_db);
	struct req_fields f;
	struct order_input in;
	int rc;

	order_form(&f, r1, s1, r2, s2);
	rc = sales_order_save(&a, id, &f, NULL, &in, saved);
	snprintf(split_error, sizeof(split_error), "%s",
	    in.head.e != NULL && in.head.e[ORDER_SPLIT].err != 0 &&
	    in.head.e[ORDER_SPLIT].msg != NULL ? in.head.e[ORDER_SPLIT].msg :
	    "");
	snprintf(date_error, sizeof(date_error), "%s",
	    in.head.e != NULL && in.head.e[ORDER_DATE].err != 0 &&
	    in.head.e[ORDER_DATE].msg != NULL ? in.head.e[ORDER_DATE].msg : "");
	order_input_free(&in);
	req_fields_free(&f);
	return rc;
}

/* huangli's order on her customer, credited 50/50 with zhangwei. */
static int64_t
shared_order(void)
{
	struct order_saved saved;

	ck_assert_int_eq(save(REP2, 0, REP2, "50", REP1, "50", &saved), 0);
	ck_assert_int_gt(saved.id, 0);
	ck_assert_int_eq(saved.request, 0);
	return saved.id;
}

static const char *
reps_of(int64_t order)
{
	static char out[256];
	struct dbres *res;

	ck_assert_int_eq(db_query(dbt_db, &ct_db, STMT_REPS,
	    DB_ARGS(P_INT(order)), &res), 0);
	snprintf(out, sizeof(out), "%s", dbres_text(res, 0, 0));
	dbres_free(res);
	return out;
}

static int
decide(enum who w, int64_t order, int64_t req, const char *action,
    const char *comment, struct wf_outcome *out, struct order_saved *saved)
{
	struct sales_actor a = actor(w, dbt_db);
	struct wf_request rq = { .action = action, .expect = "pending",
	    .comment = comment };

	return sales_credit_decide(&a, order, req, &rq, out, saved);
}

static const char *
state_of(int64_t req)
{
	static char out[32];
	struct dbres *res;

	ck_assert_int_eq(db_query(dbt_db, &ct_db, STMT_REQUEST,
	    DB_ARGS(P_INT(req)), &res), 0);
	ck_assert_uint_eq(dbres_rows(res), 1);
	snprintf(out, sizeof(out), "%s", dbres_text(res, 0, 0));
	dbres_free(res);
	return out;
}

static int64_t
audits(const char *action, int64_t order)
{
	struct dbres *res;
	char idt[24];
	int64_t n;

	snprintf(idt, sizeof(idt), "%lld", (long long)order);
	ck_assert_int_eq(db_query(dbt_db, &ct_db, STMT_AUDITS,
	    DB_ARGS(P_TEXT(action), P_TEXT(idt)), &res), 0);
	n = dbres_int(res, 0, 0);
	dbres_free(res);
	return n;
}

/* zhangwei asks for the whole of huangli's order: it waits. */
static int64_t
take_whole_order(int64_t order)
{
	struct order_saved saved;

	ck_assert_int_eq(save(REP1, order, REP1, "100", -1, NULL, &saved), 0);
	ck_assert_msg(saved.request > 0, "the change of the split was written "
	    "at once instead of waiting as a credit request");
	return saved.request;
}

START_TEST(co_credited_rep_taking_the_whole_order_waits_for_the_manager)
{
	int64_t order = shared_order(), req;
	struct wf_outcome out;
	struct order_saved saved;
	struct dbres *res;

	req = take_whole_order(order);
	/* the old credit stands */
	ck_assert_str_eq(reps_of(order), "rep1:50 rep2:50");
	ck_assert_str_eq(state_of(req), "pending");
	ck_assert_int_eq(audits("order_credit_request", order), 1);
	ck_assert_int_eq(audits("order_credit_change", order), 0);

	/* neither the asker, nor a rep, nor another team's manager */
	ck_assert_int_eq(decide(REP1, order, req, "approve", NULL, &out,
	    &saved), TC_EDENIED);
	ck_assert_int_eq(decide(REP2, order, req, "approve", NULL, &out,
	    &saved), TC_EDENIED);
	ck_assert_int_eq(decide(MGR2, order, req, "approve", NULL, &out,
	    &saved), TC_ENOTFOUND);
	ck_assert_str_eq(reps_of(order), "rep1:50 rep2:50");
	ck_assert_str_eq(state_of(req), "pending");

	/* the team's manager approves: the split is the proposed one */
	ck_assert_int_eq(decide(MGR, order, req, "approve", NULL, &out,
	    &saved), 0);
	ck_assert_str_eq(out.to, "approved");
	ck_assert_str_eq(reps_of(order), "rep1:100");
	ck_assert_str_eq(state_of(req), "approved");
	ck_assert_int_eq(audits("order_credit_change", order), 1);

	/* who asked, who approved */
	ck_assert_int_eq(db_query(dbt_db, &ct_db, STMT_MOVES,
	    DB_ARGS(P_INT(req)), &res), 0);
	ck_assert_uint_eq(dbres_rows(res), 2);
	ck_assert_str_eq(dbres_text(res, 0, 0), "-");
	ck_assert_str_eq(dbres_text(res, 0, 1), "pending");
	ck_assert_int_eq(dbres_int(res, 0, 2), cast[REP1].id);
	ck_assert_str_eq(dbres_text(res, 1, 0), "pending");
	ck_assert_str_eq(dbres_text(res, 1, 1), "approved");
	ck_assert_int_eq(dbres_int(res, 1, 2), cast[MGR].id);
	ck_assert_str_eq(dbres_text(res, 1, 3), "approve");
	dbres_free(res);
	ck_assert_int_eq(db_query(dbt_db, &ct_db, STMT_REQUEST,
	    DB_ARGS(P_INT(req)), &res), 0);
	ck_assert_int_eq(dbres_int(res, 0, 3), cast[MGR].id);
	dbres_free(res);

	/* decided once */
	ck_assert_int_eq(decide(FIN, order, req, "approve", NULL, &out,
	    &saved), TC_ECONFLICT);
}
END_TEST

START_TEST(a_rejection_needs_a_reason_and_keeps_the_credit)
{
	int64_t order = shared_order(), req;
	struct wf_outcome out;
	struct order_saved saved;
	struct dbres *res;

	req = take_whole_order(order);
	ck_assert_int_eq(decide(FIN, order, req, "reject", NULL, &out,
	    &saved), TC_EINVAL);
	ck_assert_str_eq(out.msg, "ord_credit_err_reason");
	ck_assert_str_eq(state_of(req), "pending");
	ck_assert_int_eq(decide(FIN, order, req, "reject", "huangli found the"
	    " customer", &out, &saved), 0);
	ck_assert_str_eq(state_of(req), "rejected");
	ck_assert_str_eq(reps_of(order), "rep1:50 rep2:50");
	ck_assert_int_eq(db_query(dbt_db, &ct_db, STMT_REQUEST,
	    DB_ARGS(P_INT(req)), &res), 0);
	ck_assert_int_eq(dbres_int(res, 0, 3), cast[FIN].id);
	ck_assert_str_eq(dbres_text(res, 0, 4), "huangli found the customer");
	dbres_free(res);
	/* decided: a new request may be made */
	req = take_whole_order(order);
	ck_assert_str_eq(state_of(req), "pending");
}
END_TEST

START_TEST(one_request_at_a_time_and_only_the_asker_withdraws)
{
	int64_t order = shared_order(), req;
	struct wf_outcome out;
	struct order_saved saved;

	req = take_whole_order(order);
	/* another split while one waits: refused on the split, nothing
	 * written */
	ck_assert_int_eq(save(REP2, order, REP2, "100", -1, NULL, &saved),
	    TC_EINVAL);
	ck_assert_str_eq(split_error, "ord_err_credit_pending");
	ck_assert_int_eq(saved.request, 0);
	/* the same split as stored: no request, the rest is saved */
	ck_assert_int_eq(save(REP2, order, REP2, "50", REP1, "50", &saved), 0);
	ck_assert_int_eq(saved.request, 0);
	ck_assert_int_eq(decide(REP2, order, req, "withdraw", NULL, &out,
	    &saved), TC_EDENIED);
	ck_assert_str_eq(out.msg, "ord_credit_err_not_asker");
	ck_assert_int_eq(decide(REP1, order, req, "withdraw", NULL, &out,
	    &saved), 0);
	ck_assert_str_eq(state_of(req), "withdrawn");
	ck_assert_str_eq(reps_of(order), "rep1:50 rep2:50");
}
END_TEST

START_TEST(a_manager_credited_on_the_order_does_not_decide_it)
{
	struct order_saved saved;
	struct wf_outcome out;
	int64_t order, req;

	/* mgr sells too: credited 30 % on rep2's order */
	ck_assert_int_eq(save(REP2, 0, REP2, "70", MGR, "30", &saved), 0);
	order = saved.id;
	ck_assert_int_eq(save(REP2, order, REP2, "100", -1, NULL, &saved), 0);
	req = saved.request;
	ck_assert_int_gt(req, 0);
	ck_assert_int_eq(decide(MGR, order, req, "approve", NULL, &out,
	    &saved), TC_EDENIED);
	ck_assert_str_eq(out.msg, "ord_credit_err_credited");
	ck_assert_str_eq(reps_of(order), "rep2:70 mgr:30");
	ck_assert_int_eq(decide(FIN, order, req, "approve", NULL, &out,
	    &saved), 0);
	ck_assert_str_eq(reps_of(order), "rep2:100");
}
END_TEST

START_TEST(cancelling_an_order_that_credits_another_waits_for_approval)
{
	int64_t order = shared_order(), own;
	struct sales_actor a = actor(REP1, dbt_db);
	struct order_saved saved;
	struct wf_outcome out;
	struct dbres *res;
	char no[64];

	ck_assert_int_eq(sales_order_cancel(&a, order, &saved), 0);
	ck_assert_int_gt(saved.request, 0);
	ck_assert_int_eq(db_query(dbt_db, &ct_db, STMT_STATUS,
	    DB_ARGS(P_INT(order)), &res), 0);
	ck_assert_str_eq(dbres_text(res, 0, 0), "booked");
	dbres_free(res);
	ck_assert_int_eq(decide(MGR, order, saved.request, "approve", NULL,
	    &out, &saved), 0);
	ck_assert_int_eq(db_query(dbt_db, &ct_db, STMT_STATUS,
	    DB_ARGS(P_INT(order)), &res), 0);
	ck_assert_str_eq(dbres_text(res, 0, 0), "cancelled");
	dbres_free(res);
	ck_assert_int_eq(audits("order_cancel", order), 1);

	/* rep2's own order, all hers: cancelled at once; with a payment:
	 * a request */
	ck_assert_int_eq(save(REP2, 0, REP2, "100", -1, NULL, &saved), 0);
	own = saved.id;
	a = actor(REP2, dbt_db);
	ck_assert_int_eq(sales_order_cancel(&a, own, &saved), 0);
	ck_assert_int_eq(saved.request, 0);
	ck_assert_int_eq(audits("order_cancel", own), 1);
	ck_assert_int_eq(save(REP2, 0, REP2, "100", -1, NULL, &saved), 0);
	own = saved.id;
	snprintf(no, sizeof(no), "%s-P", prefix);
	ck_assert_int_eq(db_exec(dbt_db, &ct_db, STMT_PAYMENT,
	    DB_ARGS(P_TEXT(no), P_INT(own), P_INT(cast[FIN].id)), NULL, NULL),
	    0);
	ck_assert_int_eq(sales_order_cancel(&a, own, &saved), 0);
	ck_assert_int_gt(saved.request, 0);
	ck_assert_int_eq(audits("order_cancel", own), 0);
}
END_TEST

START_TEST(a_closed_period_freezes_the_credit_even_a_request_made_before)
{
	int64_t order = shared_order(), req;
	struct sales_actor a = actor(REP1, dbt_db);
	struct order_saved saved;
	struct wf_outcome out;

	req = take_whole_order(order);
	/* the period of the order closes meanwhile (on this connection's
	 * own copy of the calendar: nobody else's periods change) */
	dbt_sql(dbt_db, "CREATE TEMPORARY TABLE periods_shadow LIKE periods");
	dbt_sql(dbt_db, "ALTER TABLE periods_shadow RENAME TO periods");
	ck_assert_int_eq(db_exec(dbt_db, &ct_db, STMT_CLOSED, NULL, 0, NULL,
	    NULL), 0);
	ck_assert_int_eq(db_exec(dbt_db, &ct_db, STMT_REDATE,
	    DB_ARGS(P_TEXT("2001-05-10"), P_INT(order)), NULL, NULL), 0);

	/* the approval is refused, saying why; nothing moves */
	ck_assert_int_eq(decide(MGR, order, req, "approve", NULL, &out,
	    &saved), TC_ECONFLICT);
	ck_assert_ptr_nonnull(saved.refused);
	ck_assert_str_eq(saved.refused, "ord_err_period_closed");
	ck_assert_int_eq(saved.closed_date, 20010510);
	ck_assert_str_eq(reps_of(order), "rep1:50 rep2:50");
	ck_assert_str_eq(state_of(req), "pending");
	ck_assert_int_eq(audits("order_credit_change", order), 0);
	/* it may still be rejected (or withdrawn): that changes no credit */
	ck_assert_int_eq(decide(MGR, order, req, "reject", "period closed",
	    &out, &saved), 0);

	/* neither a new split nor a cancellation is asked for */
	ck_assert_int_eq(save(REP1, order, REP1, "100", -1, NULL, &saved),
	    TC_ECONFLICT);
	ck_assert_str_eq(saved.refused, "ord_err_period_closed");
	ck_assert_int_eq(sales_order_cancel(&a, order, &saved), TC_ECONFLICT);
	ck_assert_str_eq(saved.refused, "ord_err_period_closed");
	ck_assert_int_eq(saved.request, 0);
	ck_assert_str_eq(reps_of(order), "rep1:50 rep2:50");
	/* nor is a new order booked into it, by the form or a file */
	order_day = "2001-05-10";
	ck_assert_int_eq(save(REP2, 0, REP2, "100", -1, NULL, &saved),
	    TC_EINVAL);
	ck_assert_str_eq(date_error, "ord_err_date_closed");
	order_day = NULL;
}
END_TEST

/* The count beside the navigation: what r's person may decide. */
static int64_t
waiting_for(enum who w)
{
	struct app app = { .db = dbt_db };
	struct req r;
	int64_t n = -1;

	memset(&r, 0, sizeof(r));
	r.app = &app;
	r.signed_in = true;
	r.me = cast[w];
	r.remote = "sales-credit-t";
	ck_assert_int_eq(sales_waiting(&r, &n), 0);
	return n;
}

START_TEST(the_manager_and_finance_see_it_waiting_for_them)
{
	int64_t order = shared_order(), req;
	struct wf_outcome out;
	struct order_saved saved;
	int64_t fin_before = waiting_for(FIN);

	ck_assert_int_eq(waiting_for(MGR), 0);
	req = take_whole_order(order);
	ck_assert_int_eq(waiting_for(MGR), 1);
	ck_assert_int_eq(waiting_for(FIN), fin_before + 1);
	ck_assert_int_eq(waiting_for(REP1), 0);     /* the asker */
	ck_assert_int_eq(waiting_for(REP2), 0);     /* a rep decides nothing */
	ck_assert_int_eq(waiting_for(MGR2), 0);     /* another team */
	ck_assert_int_eq(decide(MGR, order, req, "approve", NULL, &out,
	    &saved), 0);
	ck_assert_int_eq(waiting_for(MGR), 0);
	ck_assert_int_eq(waiting_for(FIN), fin_before);
}
END_TEST

/* ---- two approvals at once ---- */

static char hooks[64];

static void
hold_after_lock(char *hold, char *held)
{
	int fd;

	snprintf(hooks, sizeof(hooks), "/tmp/sales-credit-t.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(hooks));
	ck_assert_int_eq(tc_hook_set_dir(hooks), 0);
	ck_assert_msg(tc_hook_dir() != NULL, "forcing the race needs the hold "
	    "point: build with ./configure --enable-test-hooks (./dev does)");
	snprintf(hold, PATH_MAX, "%s/hold-workflow-locked", hooks);
	snprintf(held, PATH_MAX, "%s/held-workflow-locked", hooks);
	fd = open(hold, O_WRONLY | O_CREAT, 0644);
	ck_assert_int_ge(fd, 0);
	close(fd);
}

/* Approves req as w in a child process on its own connection; the child
 * exits with -rc. */
static pid_t
approver(enum who w, int64_t order, int64_t req)
{
	pid_t pid = fork();

	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct db *db = dbt_connect();
		struct sales_actor a = actor(w, db);
		struct wf_request rq = { .action = "approve",
		    .expect = "pending" };
		struct wf_outcome out;
		struct order_saved saved;
		int rc;

		rc = sales_credit_decide(&a, order, req, &rq, &out, &saved);
		db_close(db);
		_exit(-rc);
	}
	return pid;
}

START_TEST(two_approvals_race_one_wins_the_split_is_written_once)
{
	int64_t order = shared_order(), req;
	char hold[PATH_MAX], held[PATH_MAX];
	const struct timespec pause = { 0, 300 * 1000 * 1000 };
	struct dbres *res;
	bool a_held;
	pid_t a, b = -1;
	int code_a, code_b = -1;

	req = take_whole_order(order);
	hold_after_lock(hold, held);
	a = approver(MGR, order, req);
	a_held = dbt_appears(held, 10000);      /* the manager holds the locks */
	if (a_held) {
		unlink(held);
		b = approver(FIN, order, req);
		nanosleep(&pause, NULL);    /* finance now waits for them */
	}
	unlink(hold);
	code_a = dbt_exit_code(a);
	if (b > 0)
		code_b = dbt_exit_code(b);
	unlink(held);
	rmdir(hooks);
	ck_assert_msg(a_held, "the first approval never reached the hold "
	    "point after the lock");
	ck_assert_msg(code_a == 0, "the first approval ended with %d, not 0",
	    -code_a);
	ck_assert_msg(code_b == -TC_ECONFLICT, "the second approval ended with"
	    " %d, not TC_ECONFLICT", -code_b);
	ck_assert_str_eq(reps_of(order), "rep1:100");
	ck_assert_int_eq(audits("order_credit_change", order), 1);
	ck_assert_int_eq(db_query(dbt_db, &ct_db, STMT_MOVES,
	    DB_ARGS(P_INT(req)), &res), 0);
	ck_assert_uint_eq(dbres_rows(res), 2);
	ck_assert_int_eq(dbres_int(res, 1, 2), cast[MGR].id);
	dbres_free(res);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("sales-credit");
	TCase *tc = tcase_create("sales-credit");
	SRunner *sr;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc,
	    co_credited_rep_taking_the_whole_order_waits_for_the_manager);
	tcase_add_test(tc, a_rejection_needs_a_reason_and_keeps_the_credit);
	tcase_add_test(tc, one_request_at_a_time_and_only_the_asker_withdraws);
	tcase_add_test(tc, a_manager_credited_on_the_order_does_not_decide_it);
	tcase_add_test(tc,
	    cancelling_an_order_that_credits_another_waits_for_approval);
	tcase_add_test(tc, the_manager_and_finance_see_it_waiting_for_them);
	tcase_add_test(tc,
	    a_closed_period_freezes_the_credit_even_a_request_made_before);
	tcase_add_test(tc, two_approvals_race_one_wins_the_split_is_written_once);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
