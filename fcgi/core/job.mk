## fcgi/core/job.mk: background jobs (core/job.h): queueing them, their
## status page, the worker's loop; and the job worker, ticheng-jobs.
## Included after core.mk: it appends to the core library.

fcgi_core_libtccore_a_SOURCES += \
	fcgi/core/job.h fcgi/core/job.c fcgi/core/job-page.c \
	fcgi/core/job-purge.c \
	fcgi/core/job-worker.h fcgi/core/job-worker.c
fcgi_core_libtccore_a_CPPFLAGS += $(JANSSON_CFLAGS)
TC_CORE_LIBS += $(JANSSON_LIBS)

# ticheng-jobs runs the kinds of the core and of every module.
bin_PROGRAMS += ticheng-jobs
ticheng_jobs_SOURCES = fcgi/jobs/main.c
ticheng_jobs_CPPFLAGS = $(TC_CORE_CPPFLAGS)
ticheng_jobs_LDADD = $(TC_ALL_MODULES_LIBS)
nodist_EXTRA_ticheng_jobs_SOURCES = dummy.cxx
dist_man1_MANS += fcgi/jobs/ticheng-jobs.1

# Against the test stack's MariaDB (the db suite).
TC_DB_TESTS += tests/db/job-t
check_PROGRAMS += tests/db/job-t
tests_db_job_t_SOURCES = tests/db/job-t.c
tests_db_job_t_CPPFLAGS = $(TC_DB_TEST_CPPFLAGS) $(JANSSON_CFLAGS)
tests_db_job_t_LDADD = $(TC_DB_TEST_LDADD)
nodist_EXTRA_tests_db_job_t_SOURCES = dummy.cxx
