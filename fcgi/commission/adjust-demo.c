/* adjust-demo.c: the demo company's adjustments and disputes, in every
 * state, written through adjust.h and dispute.h as HR, finance and the
 * reps would (validated, four eyes, audited): manual adjustments
 * approved, rejected and still proposed; disputes open (with a thread),
 * accepted with an adjustment that HR approved, rejected with a reply,
 * withdrawn. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commission/adjust.h"
#include "commission/demo.h"
#include "commission/dispute.h"
#include "core/error.h"
#include "core/period.h"

enum stmt { ST_ANY, ST_PERSON, ST_LINE, ST_OPEN, ST__MAX };

static const char *const stmts[ST__MAX] = {
	[ST_ANY] = "SELECT (SELECT COUNT(*) FROM commission_adjustments)"
	    " + (SELECT COUNT(*) FROM commission_disputes)",
	[ST_PERSON] = "SELECT id, login, name, team, roles FROM people"
	    " WHERE login = ?",
	/* the rep's latest matched line of a period */
	[ST_LINE] =
	    "SELECT l.id FROM commission_lines l JOIN periods pe ON"
	    " pe.id = l.period_id JOIN people p ON p.id = l.person_id"
	    " WHERE p.login = ? AND pe.label = ? AND l.removed_run_id IS NULL"
	    " AND l.rule_id IS NOT NULL ORDER BY l.line_date DESC, l.id DESC"
	    " LIMIT 1",
	[ST_OPEN] = "SELECT state FROM periods WHERE label = ?",
};

static struct db_table ddb = DB_TABLE("commission.adjust-demo", stmts);

/* The demo's cast, read from people (the directory's roles as numbers). */
enum who { HR, FIN, FIN2, ZHANGWEI, LINA, WANGQIANG, XUHUI, ZHOUMIN,
    WHO__MAX };

static const char *const logins[WHO__MAX] = {
	"zhaomin", "sunli", "zhouhang", "zhangwei", "lina", "wangqiang",
	"xuhui", "zhoumin"
};

struct demo {
	struct db *db;
	struct person cast[WHO__MAX];
	char err[300];
	char last[TC_PERIOD_SIZE];     /* the previous period, or the current */
	char now[TC_PERIOD_SIZE];      /* today's period */
};

static struct wf_actor
as(struct demo *dm, enum who w)
{
	struct wf_actor a = { dm->db, &dm->cast[w],
	    { dm->cast[w].login, "demo" } };

	return a;
}

static int
load_cast(struct demo *dm)
{
	for (int w = 0; w < WHO__MAX; w++) {
		struct person *p = &dm->cast[w];
		struct dbres *r = NULL;
		int rc;

		if ((rc = db_query(dm->db, &ddb, ST_PERSON,
		    DB_ARGS(P_TEXT(logins[w])), &r)) != 0)
			return rc;
		if (dbres_rows(r) == 0) {
			dbres_free(r);
			snprintf(dm->err, sizeof(dm->err), "person %s is "
			    "missing", logins[w]);
			return TC_ENOTFOUND;
		}
		memset(p, 0, sizeof(*p));
		p->id = dbres_int(r, 0, 0);
		snprintf(p->login, sizeof(p->login), "%s", dbres_text(r, 0, 1));
		snprintf(p->name, sizeof(p->name), "%s", dbres_text(r, 0, 2));
		snprintf(p->team, sizeof(p->team), "%s", dbres_text(r, 0, 3));
		p->roles = (unsigned)strtoul(dbres_text(r, 0, 4), NULL, 10);
		dbres_free(r);
	}
	return 0;
}

/* Whether period label is recorded and open. */
static bool
is_open(struct demo *dm, const char *label)
{
	struct dbres *r = NULL;
	bool open = false;

	if (db_query(dm->db, &ddb, ST_OPEN, DB_ARGS(P_TEXT(label)), &r) == 0)
		open = dbres_rows(r) == 1 &&
		    strcmp(dbres_text(r, 0, 0), "open") == 0;
	dbres_free(r);
	return open;
}

/* Names what went wrong with a form into dm->err. */
static int
form_failed(struct demo *dm, const char *what, int rc, const struct form *f)
{
	for (size_t k = 0; f != NULL && f->e != NULL && k < f->n; k++)
		if (f->e[k].err != 0) {
			snprintf(dm->err, sizeof(dm->err), "%s: %s: %s", what,
			    f->fields[k].name, f->e[k].msg);
			return rc;
		}
	snprintf(dm->err, sizeof(dm->err), "%s: %s", what, tc_strerror(rc));
	return rc;
}

/* An adjustment proposed by w for rep in period; *id the new one. */
static int
propose(struct demo *dm, enum who w, enum who rep, const char *period,
    const char *amount, const char *reason, int64_t *id)
{
	struct wf_actor a = as(dm, w);
	struct req_fields in = { 0 };
	struct form f = { 0 };
	char pid[24];
	int rc;

	snprintf(pid, sizeof(pid), "%lld", (long long)dm->cast[rep].id);
	if ((rc = req_fields_add(&in, "person", pid)) != 0 ||
	    (rc = req_fields_add(&in, "period", period)) != 0 ||
	    (rc = req_fields_add(&in, "amount", amount)) != 0 ||
	    (rc = req_fields_add(&in, "reason", reason)) != 0)
		goto out;
	if ((rc = adjustment_propose(&a, &in, &f, ADJ_KIND_MANUAL, 0,
	    id)) != 0)
		form_failed(dm, "adjustment", rc, &f);
out:
	form_free(&f);
	req_fields_free(&in);
	return rc;
}

/* Moves adjustment id (action, with comment) as w. */
static int
decide(struct demo *dm, enum who w, int64_t id, const char *action,
    const char *comment)
{
	struct wf_actor a = as(dm, w);
	struct wf_request rq = { action, "proposed", comment, NULL, 0 };
	struct wf_outcome out;
	int rc;

	if ((rc = adjustment_move(&a, id, &rq, &out)) != 0)
		snprintf(dm->err, sizeof(dm->err), "adjustment %s: %s",
		    action, out.msg != NULL ? out.msg : tc_strerror(rc));
	return rc;
}

/* A dispute raised by rep on their latest line of period (order NULL),
 * or on a missing order (order, period). */
static int
raise_dispute(struct demo *dm, enum who rep, const char *period,
    const char *order, const char *comment, int64_t *id)
{
	struct wf_actor a = as(dm, rep);
	struct req_fields in = { 0 };
	struct form f = { 0 };
	struct dbres *r = NULL;
	int rc;

	*id = 0;
	if (order == NULL) {
		if ((rc = db_query(dm->db, &ddb, ST_LINE,
		    DB_ARGS(P_TEXT(logins[rep]), P_TEXT(period)), &r)) != 0)
			return rc;
		if (dbres_rows(r) == 0) {       /* no line: nothing to say */
			dbres_free(r);
			return 0;
		}
		rc = req_fields_add(&in, "line", dbres_text(r, 0, 0));
		dbres_free(r);
	} else if ((rc = req_fields_add(&in, "order", order)) == 0)
		rc = req_fields_add(&in, "period", period);
	if (rc == 0 && (rc = req_fields_add(&in, "comment", comment)) == 0 &&
	    (rc = dispute_raise(&a, &in, &f, id)) != 0)
		form_failed(dm, "dispute", rc, &f);
	form_free(&f);
	req_fields_free(&in);
	return rc;
}

static int
dmove(struct demo *dm, enum who w, int64_t id, const char *action,
    const char *comment)
{
	struct wf_actor a = as(dm, w);
	struct wf_request rq = { action, "open", comment, NULL, 0 };
	struct wf_outcome out;
	int rc;

	if (id == 0)
		return 0;
	if ((rc = dispute_move(&a, id, &rq, &out)) != 0)
		snprintf(dm->err, sizeof(dm->err), "dispute %s: %s", action,
		    out.msg != NULL ? out.msg : tc_strerror(rc));
	return rc;
}

/* Accepts dispute id as w with an adjustment of amount in period. */
static int
accept_dispute(struct demo *dm, enum who w, int64_t id,
    const char *period, const char *amount, const char *reason, int64_t *adj)
{
	struct wf_actor a = as(dm, w);
	struct req_fields in = { 0 };
	struct form f = { 0 };
	struct wf_outcome out;
	int rc;

	if ((rc = req_fields_add(&in, "period", period)) != 0 ||
	    (rc = req_fields_add(&in, "amount", amount)) != 0 ||
	    (rc = req_fields_add(&in, "reason", reason)) != 0)
		goto out;
	if ((rc = dispute_accept(&a, id, "open", &in, &f, adj, &out)) != 0)
		form_failed(dm, "dispute accept", rc, &f);
out:
	form_free(&f);
	req_fields_free(&in);
	return rc;
}

int
commission_demo_adjustments(struct module_seed *seed, enum tc_period_kind kind)
{
	struct demo dm = { .db = seed->db };
	struct period_span now, last;
	struct dbres *r = NULL;
	int64_t a1, a2, a3, a4, d1, d2, d3, d4, adj;
	int rc;

	if ((rc = db_query(dm.db, &ddb, ST_ANY, DB_NOARGS, &r)) != 0)
		return rc;
	if (dbres_int(r, 0, 0) > 0) {
		dbres_free(r);
		fprintf(seed->out, "adjustments or disputes exist already\n");
		return 0;
	}
	dbres_free(r);
	if ((rc = load_cast(&dm)) != 0)
		goto fail;
	period_of_date(kind, seed->today, &now);
	period_step(&now, -1, &last);
	snprintf(dm.now, sizeof(dm.now), "%s", now.label);
	snprintf(dm.last, sizeof(dm.last), "%s", is_open(&dm, last.label) ?
	    last.label : now.label);
	if (!is_open(&dm, dm.now)) {
		snprintf(dm.err, sizeof(dm.err), "today's period %s is not "
		    "recorded or not open", dm.now);
		rc = TC_ENOTFOUND;
		goto fail;
	}

	/* manual adjustments: approved both ways, rejected, waiting */
	if ((rc = propose(&dm, HR, ZHANGWEI, dm.last, "1500.00",
	    "重点客户项目额外奖励（经管理层批准）", &a1)) != 0 ||
	    (rc = decide(&dm, FIN, a1, "approve", "已核对审批单")) != 0 ||
	    (rc = propose(&dm, FIN, WANGQIANG, dm.last, "-800.00",
	    "上月退货未及时冲减的提成，手工扣回", &a2)) != 0 ||
	    (rc = decide(&dm, HR, a2, "approve", NULL)) != 0 ||
	    (rc = propose(&dm, FIN2, ZHOUMIN, dm.last, "2000.00",
	    "季度冲刺奖励", &a3)) != 0 ||
	    (rc = decide(&dm, HR, a3, "reject",
	    "冲刺奖励应走竞赛奖金，不作手工调整")) != 0 ||
	    (rc = propose(&dm, HR, LINA, dm.now, "600.00",
	    "新客户开拓补贴", &a4)) != 0)
		goto fail;

	/* disputes: open with a thread, accepted and approved, rejected,
	 * withdrawn */
	if ((rc = raise_dispute(&dm, ZHANGWEI, dm.last, NULL,
	    "这条明细的折扣后金额与合同不符，请核对。", &d1)) != 0 ||
	    (rc = dmove(&dm, FIN, d1, "reply",
	    "已收到，正在与销售运营核对合同。")) != 0 ||
	    (rc = dmove(&dm, ZHANGWEI, d1, "reply",
	    "合同编号 HT-2026-118，折扣为 5%。")) != 0 ||
	    (rc = raise_dispute(&dm, LINA, dm.last, "SO-MISSING-0001",
	    "这张订单已签约回款，但不在我的提成明细中。", &d2)) != 0 ||
	    (rc = accept_dispute(&dm, FIN, d2, dm.now, "450.00",
	    "订单录入时销售人员填错，按规则补发", &adj)) != 0 ||
	    (rc = decide(&dm, HR, adj, "approve", "同意补发")) != 0 ||
	    (rc = raise_dispute(&dm, WANGQIANG, dm.last, NULL,
	    "这条明细的规则应为华东直销。", &d3)) != 0 ||
	    (rc = dmove(&dm, HR, d3, "reject",
	    "该客户属于华北区域，规则选择正确。")) != 0 ||
	    (rc = raise_dispute(&dm, XUHUI, dm.last, NULL,
	    "提成金额看起来偏低。", &d4)) != 0 ||
	    (rc = dmove(&dm, XUHUI, d4, "withdraw",
	    "核对后无误，撤回。")) != 0)
		goto fail;
	fprintf(seed->out, "5 adjustments, 4 disputes (every state)\n");
	return 0;
fail:
	if (dm.err[0] == '\0')
		snprintf(dm.err, sizeof(dm.err), "%s", tc_strerror(rc));
	snprintf(seed->err, seed->errlen, "demo adjustments: %s", dm.err);
	return rc;
}
