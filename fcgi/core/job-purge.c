/* job-purge.c: the core's own job kind, core.purge: removes sessions
 * that have expired or gone idle and sign-in failures older than the
 * login window, in small batches so that sign-ins never wait long on
 * its locks. */
#include "config.h"

#include <stdio.h>

#include "core/error.h"
#include "core/job.h"

#define PURGE_BATCH 500
#define STR(x) #x
#define XSTR(x) STR(x)

enum stmt {
	STMT_COUNT,
	STMT_SESSIONS,
	STMT_FAILURES,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	[STMT_COUNT] =
	    "SELECT (SELECT COUNT(*) FROM sessions"
	    "  WHERE expires_at < UTC_TIMESTAMP()"
	    "  OR last_seen_at < UTC_TIMESTAMP() - INTERVAL ? SECOND)"
	    " AS sessions,"
	    " (SELECT COUNT(*) FROM login_failures"
	    "  WHERE at < UTC_TIMESTAMP() - INTERVAL ? SECOND) AS failures",
	[STMT_SESSIONS] =
	    "DELETE FROM sessions WHERE expires_at < UTC_TIMESTAMP()"
	    " OR last_seen_at < UTC_TIMESTAMP() - INTERVAL ? SECOND"
	    " LIMIT " XSTR(PURGE_BATCH),
	[STMT_FAILURES] =
	    "DELETE FROM login_failures"
	    " WHERE at < UTC_TIMESTAMP() - INTERVAL ? SECOND LIMIT " XSTR(PURGE_BATCH),
};

static struct db_table purge_db = DB_TABLE("core.purge", stmts);

/* Deletes with statement idx in batches until none is left, counting. */
static int
purge(struct job *j, int idx, int64_t keep, int64_t *done, int64_t total,
    int64_t *removed)
{
	uint64_t n;
	int rc;

	do {
		if ((rc = db_exec(j->db, &purge_db, idx, DB_ARGS(P_INT(keep)),
		    &n, NULL)) != 0)
			return rc;
		*removed += (int64_t)n;
		*done += (int64_t)n;
		job_progress(j, *done < total ? *done : total, total);
	} while (n == PURGE_BATCH && !job_stopping(j));
	return 0;
}

static int
purge_run(struct job *j)
{
	const struct conf *c = j->conf;
	int64_t idle = c->session_idle;
	int64_t window = c->login_window > c->login_lockout ?
	    c->login_window : c->login_lockout;
	int64_t total, done = 0, sessions = 0, failures = 0;
	struct dbres *r;
	char result[128];
	int rc;

	if ((rc = db_query(j->db, &purge_db, STMT_COUNT, DB_ARGS(P_INT(idle),
	    P_INT(window)), &r)) != 0)
		return rc;
	total = dbres_int_col(r, 0, "sessions") +
	    dbres_int_col(r, 0, "failures");
	dbres_free(r);
	job_progress(j, 0, total);
	if ((rc = purge(j, STMT_SESSIONS, idle, &done, total, &sessions)) != 0 ||
	    (rc = purge(j, STMT_FAILURES, window, &done, total, &failures)) != 0)
		return rc;
	if (job_stopping(j))
		return TC_EIO;      /* queued again; what is left is redone */
	job_progress(j, total, total);
	snprintf(result, sizeof(result), "{\"sessions\": %lld, "
	    "\"login_failures\": %lld}", (long long)sessions,
	    (long long)failures);
	return job_result(j, result);
}

const struct job_kind job_kind_purge = { "core.purge", purge_run };
