/* ticheng-jobs: the background job worker, and queueing a job from the
 * command line (cron). */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/cli.h"
#include "core/conf.h"
#include "core/db.h"
#include "core/error.h"
#include "core/job-worker.h"
#include "core/log.h"
#include "core/module.h"

#define POLL_MS 1000
#define MAX_KINDS 128

/* The kinds this worker runs: the core's, then every module's. */
static const struct job_kind *kinds[MAX_KINDS + 1];

static int
collect_kinds(void)
{
	size_t n = 0;

	kinds[n++] = &job_kind_purge;
	for (size_t i = 0; module_code_registry[i] != NULL; i++) {
		const struct job_kind *const *k = module_code_registry[i]->jobs;

		for (size_t j = 0; k != NULL && k[j] != NULL; j++) {
			if (n == MAX_KINDS) {
				fprintf(stderr, "ticheng-jobs: more than %d "
				    "kinds of job\n", MAX_KINDS);
				return -1;
			}
			kinds[n++] = k[j];
		}
	}
	kinds[n] = NULL;
	return 0;
}

static volatile sig_atomic_t stopping;

static void
on_term(int sig)
{
	(void)sig;
	stopping = 1;
}

static void
usage(FILE *f)
{
	fprintf(f,
	    "usage: ticheng-jobs [-c ticheng.conf]\n"
	    "       ticheng-jobs [-c ticheng.conf] enqueue KIND [KEY [PARAMS]]\n"
	    "The first form runs the worker until SIGTERM; the second queues\n"
	    "a job (PARAMS: a JSON object) and prints its id.  Kinds:\n");
	for (size_t i = 0; kinds[i] != NULL; i++)
		fprintf(f, "  %s\n", kinds[i]->name);
}

static int
open_db(const struct conf *c, struct db **d)
{
	char err[1024];

	if (db_open(c, d, err, sizeof(err)) != 0) {
		fprintf(stderr, "ticheng-jobs: %s\n", err);
		log_msg("%s", err);
		return -1;
	}
	/* Jobs are long by nature: no time limit on their statements. */
	db_set_unlimited(*d);
	return 0;
}

static int
cmd_enqueue(const struct conf *c, int argc, char **argv)
{
	const char *kind = argv[0], *key = argc > 1 ? argv[1] : "";
	const char *params = argc > 2 ? argv[2] : "{}";
	const char *who = getenv("LOGNAME");
	struct db *d;
	int64_t id = 0;
	int rc;

	if (argc > 3) {
		usage(stderr);
		return 2;
	}
	if (job_kind_find(kinds, kind) == NULL) {
		fprintf(stderr, "ticheng-jobs: no kind %s\n", kind);
		usage(stderr);
		return 2;
	}
	if (open_db(c, &d) != 0)
		return EXIT_FAILURE;
	rc = job_enqueue(d, kind, key, params, who != NULL ? who : "-", &id);
	db_close(d);
	switch (rc) {
	case 0:
		printf("%lld\n", (long long)id);
		return EXIT_SUCCESS;
	case TC_ECONFLICT:
		fprintf(stderr, "ticheng-jobs: %s %s: a run is in progress\n",
		    kind, key);
		return EXIT_FAILURE;
	case TC_EINVAL:
		fprintf(stderr, "ticheng-jobs: PARAMS must be a JSON object, "
		    "KEY at most %d characters\n", JOB_KEY_MAX);
		return 2;
	}
	fprintf(stderr, "ticheng-jobs: %s\n", tc_strerror(rc));
	return EXIT_FAILURE;
}

static int
cmd_work(const struct conf *c)
{
	struct job_worker w = { .conf = c, .kinds = kinds, .stop = &stopping };
	struct sigaction sa;
	char host[64] = "";
	int rc;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;    /* no SA_RESTART: a pause ends at once */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	gethostname(host, sizeof(host) - 1);
	snprintf(w.name, sizeof(w.name), "%s:%ld", host, (long)getpid());
	if (job_worker_init(&w) != 0) {
		fprintf(stderr, "ticheng-jobs: bad kinds of job (see the "
		    "log)\n");
		return EXIT_FAILURE;
	}
	/* The server may not be up yet (boot, restarts): wait for it. */
	while (!stopping && (w.ctl == NULL || w.work == NULL)) {
		if ((w.ctl == NULL && open_db(c, &w.ctl) != 0) ||
		    (w.work == NULL && open_db(c, &w.work) != 0))
			sleep(2);
	}
	if (!stopping)
		log_msg("started as %s", w.name);
	rc = stopping ? 0 : job_worker_loop(&w, POLL_MS);
	log_msg("stopped");
	db_close(w.ctl);
	db_close(w.work);
	return rc == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

int
main(int argc, char **argv)
{
	const char *path = conf_default_path();
	struct conf *c = NULL;
	int status;

	if (collect_kinds() != 0)
		return EXIT_FAILURE;
	if ((status = cli_options(argc, argv, &path, usage)) >= 0)
		return status;
	argc -= optind;
	argv += optind;
	if (argc > 0 && strcmp(argv[0], "enqueue") != 0) {
		usage(stderr);
		return 2;
	}
	if (argc == 1) {
		usage(stderr);
		return 2;
	}
	log_set_program("jobs");
	if ((status = cli_conf_load("ticheng-jobs", path, true, &c)) != 0)
		return status;
	status = argc > 0 ? cmd_enqueue(c, argc - 1, argv + 1) : cmd_work(c);
	log_close();
	conf_free(c);
	return status;
}
