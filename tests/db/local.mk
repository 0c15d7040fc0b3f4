## tests/db: C tests against the MariaDB of a running stack.  Built by
## make check but not run by it: ./dev test runs them (make check-db) once
## its test stack is up, with $TICHENG_CONF naming that stack's
## configuration, from the normal and the sanitizer build.  A test here
## is listed as
##   TC_DB_TESTS += tests/db/<name>-t
##   check_PROGRAMS += tests/db/<name>-t
## and links $(TC_DB_TEST_LDADD).

noinst_LIBRARIES += tests/db/libdbtest.a
tests_db_libdbtest_a_SOURCES = tests/db/harness.h tests/db/harness.c
tests_db_libdbtest_a_CPPFLAGS = $(TC_CORE_CPPFLAGS) $(CHECK_CFLAGS)

TC_DB_TEST_CPPFLAGS = $(TC_CORE_CPPFLAGS) $(CHECK_CFLAGS)
TC_DB_TEST_LDADD = tests/db/libdbtest.a $(TC_CORE_LIBS) $(CHECK_LIBS)

TC_DB_TESTS += tests/db/db-t
check_PROGRAMS += tests/db/db-t
tests_db_db_t_SOURCES = tests/db/db-t.c
tests_db_db_t_CPPFLAGS = $(TC_DB_TEST_CPPFLAGS)
tests_db_db_t_LDADD = $(TC_DB_TEST_LDADD)
nodist_EXTRA_tests_db_db_t_SOURCES = dummy.cxx

TC_DB_TESTS += tests/db/db-lost-t
check_PROGRAMS += tests/db/db-lost-t
tests_db_db_lost_t_SOURCES = tests/db/db-lost-t.c
tests_db_db_lost_t_CPPFLAGS = $(TC_DB_TEST_CPPFLAGS)
tests_db_db_lost_t_LDADD = $(TC_DB_TEST_LDADD)
nodist_EXTRA_tests_db_db_lost_t_SOURCES = dummy.cxx

# The harness forgets the people a test made, and what refers to them.
TC_DB_TESTS += tests/db/fixtures-t
check_PROGRAMS += tests/db/fixtures-t
tests_db_fixtures_t_SOURCES = tests/db/fixtures-t.c
tests_db_fixtures_t_CPPFLAGS = $(TC_DB_TEST_CPPFLAGS)
tests_db_fixtures_t_LDADD = $(TC_DB_TEST_LDADD)
nodist_EXTRA_tests_db_fixtures_t_SOURCES = dummy.cxx

# core/scope: the rows a rep, a manager, finance and others see.
TC_DB_TESTS += tests/db/scope-t
check_PROGRAMS += tests/db/scope-t
tests_db_scope_t_SOURCES = tests/db/scope-t.c
tests_db_scope_t_CPPFLAGS = $(TC_DB_TEST_CPPFLAGS)
tests_db_scope_t_LDADD = tests/db/libdbtest.a $(TC_SALES_LIBS) $(CHECK_LIBS)
nodist_EXTRA_tests_db_scope_t_SOURCES = dummy.cxx

# core/workflow: a raced transition, guards, roles, states, buttons.
TC_DB_TESTS += tests/db/workflow-t
check_PROGRAMS += tests/db/workflow-t
tests_db_workflow_t_SOURCES = tests/db/workflow-t.c
tests_db_workflow_t_CPPFLAGS = $(TC_DB_TEST_CPPFLAGS)
tests_db_workflow_t_LDADD = $(TC_DB_TEST_LDADD)
nodist_EXTRA_tests_db_workflow_t_SOURCES = dummy.cxx

# core/list: every sort of every sales list reads through an index, over
# large generated tables (EXPLAIN).
TC_DB_TESTS += tests/db/lists-t
check_PROGRAMS += tests/db/lists-t
tests_db_lists_t_SOURCES = tests/db/lists-t.c
tests_db_lists_t_CPPFLAGS = $(TC_DB_TEST_CPPFLAGS)
tests_db_lists_t_LDADD = tests/db/libdbtest.a $(TC_SALES_LIBS) $(CHECK_LIBS)
nodist_EXTRA_tests_db_lists_t_SOURCES = dummy.cxx

# The list benchmark (./dev bench list: tests/bench/list/run builds it):
# a list's time over 100 and over 100,000 rows.  Not built by make.
EXTRA_PROGRAMS = tests/bench/list/list-bench tests/bench/calc/ledger-bench \
	tests/bench/settlement/gen-bench tests/bench/settlement/eval-bench
tests_bench_list_list_bench_SOURCES = tests/bench/list/list-bench.c \
	tests/bench/bench.h tests/bench/bench.c
tests_bench_list_list_bench_CPPFLAGS = $(TC_CORE_CPPFLAGS)
tests_bench_list_list_bench_LDADD = $(TC_SALES_LIBS)
nodist_EXTRA_tests_bench_list_list_bench_SOURCES = dummy.cxx
EXTRA_DIST += tests/bench/list

# The ceiling of the page benchmark (./dev bench pages: tests/bench/pages/run
# builds it): a bare libfcgi responder.  Not built by make.
EXTRA_PROGRAMS += tests/bench/pages/bare-fcgi
tests_bench_pages_bare_fcgi_SOURCES = tests/bench/pages/bare-fcgi.c
tests_bench_pages_bare_fcgi_CPPFLAGS = $(AM_CPPFLAGS) $(FCGI_CFLAGS)
tests_bench_pages_bare_fcgi_LDADD = $(FCGI_LIBS)
EXTRA_DIST += tests/bench/pages

# core/period: closing in order, reopening the latest with a reason, guards.
TC_DB_TESTS += tests/db/period-t
check_PROGRAMS += tests/db/period-t
tests_db_period_t_SOURCES = tests/db/period-t.c
tests_db_period_t_CPPFLAGS = $(TC_DB_TEST_CPPFLAGS)
tests_db_period_t_LDADD = $(TC_DB_TEST_LDADD)
nodist_EXTRA_tests_db_period_t_SOURCES = dummy.cxx

# core/db-bulk: array-bound inserts and updates.
TC_DB_TESTS += tests/db/db-bulk-t
check_PROGRAMS += tests/db/db-bulk-t
tests_db_db_bulk_t_SOURCES = tests/db/db-bulk-t.c
tests_db_db_bulk_t_CPPFLAGS = $(TC_DB_TEST_CPPFLAGS)
tests_db_db_bulk_t_LDADD = $(TC_DB_TEST_LDADD)
nodist_EXTRA_tests_db_db_bulk_t_SOURCES = dummy.cxx

# commission/plans: versions stored and given back, in force without
# overlap, frozen over closed periods.
TC_DB_TESTS += tests/db/commission-plans-t
check_PROGRAMS += tests/db/commission-plans-t
tests_db_commission_plans_t_SOURCES = tests/db/commission-plans-t.c
tests_db_commission_plans_t_CPPFLAGS = $(TC_DB_TEST_CPPFLAGS)
tests_db_commission_plans_t_LDADD = tests/db/libdbtest.a \
	fcgi/commission/libtccommission.a $(TC_ENGINE_LIBS) $(TC_CORE_LIBS) \
	$(CHECK_LIBS)
nodist_EXTRA_tests_db_commission_plans_t_SOURCES = dummy.cxx

# commission/versions-flow: four-eyes activation through core/workflow.
TC_DB_TESTS += tests/db/commission-plan-flow-t
check_PROGRAMS += tests/db/commission-plan-flow-t
tests_db_commission_plan_flow_t_SOURCES = tests/db/commission-plan-flow-t.c
tests_db_commission_plan_flow_t_CPPFLAGS = $(TC_DB_TEST_CPPFLAGS)
tests_db_commission_plan_flow_t_LDADD = tests/db/libdbtest.a \
	fcgi/commission/libtccommission.a $(TC_MODULES_LIB) $(TC_ENGINE_LIBS) \
	$(TC_CORE_LIBS) $(CHECK_LIBS)
nodist_EXTRA_tests_db_commission_plan_flow_t_SOURCES = dummy.cxx

# The session's time zone and the test clock (core/clock).
TC_DB_TESTS += tests/db/clock-t
check_PROGRAMS += tests/db/clock-t
tests_db_clock_t_SOURCES = tests/db/clock-t.c
tests_db_clock_t_CPPFLAGS = $(TC_DB_TEST_CPPFLAGS)
tests_db_clock_t_LDADD = $(TC_DB_TEST_LDADD)
nodist_EXTRA_tests_db_clock_t_SOURCES = dummy.cxx

# Typed decimal and date parameters, checked reads, columns by name.
TC_DB_TESTS += tests/db/db-dec-t
check_PROGRAMS += tests/db/db-dec-t
tests_db_db_dec_t_SOURCES = tests/db/db-dec-t.c
tests_db_db_dec_t_CPPFLAGS = $(TC_DB_TEST_CPPFLAGS)
tests_db_db_dec_t_LDADD = $(TC_DB_TEST_LDADD)
nodist_EXTRA_tests_db_db_dec_t_SOURCES = dummy.cxx

# commission/adjust, commission/dispute: four eyes on adjustments, a
# dispute answered with an adjustment, two approvals raced.
TC_DB_TESTS += tests/db/commission-adjust-t
check_PROGRAMS += tests/db/commission-adjust-t
tests_db_commission_adjust_t_SOURCES = tests/db/commission-adjust-t.c
tests_db_commission_adjust_t_CPPFLAGS = $(TC_DB_TEST_CPPFLAGS)
tests_db_commission_adjust_t_LDADD = tests/db/libdbtest.a \
	fcgi/commission/libtccommission.a $(TC_ENGINE_LIBS) $(TC_CORE_LIBS) \
	$(CHECK_LIBS)
nodist_EXTRA_tests_db_commission_adjust_t_SOURCES = dummy.cxx

# sales credit requests: a co-credited rep cannot take a whole order; the
# manager or finance approves, once, even when two approve at once.
TC_DB_TESTS += tests/db/sales-credit-t
check_PROGRAMS += tests/db/sales-credit-t
tests_db_sales_credit_t_SOURCES = tests/db/sales-credit-t.c
tests_db_sales_credit_t_CPPFLAGS = $(TC_DB_TEST_CPPFLAGS)
tests_db_sales_credit_t_LDADD = tests/db/libdbtest.a $(TC_SALES_LIBS) $(CHECK_LIBS)
nodist_EXTRA_tests_db_sales_credit_t_SOURCES = dummy.cxx

# sales statistics: the rollups of sql/sales/011 equal the base tables
# after writes through every path, and the page's figures those of every
# line read.
TC_DB_TESTS += tests/db/stats-rollup-t
check_PROGRAMS += tests/db/stats-rollup-t
tests_db_stats_rollup_t_SOURCES = tests/db/stats-rollup-t.c
tests_db_stats_rollup_t_CPPFLAGS = $(TC_DB_TEST_CPPFLAGS)
tests_db_stats_rollup_t_LDADD = tests/db/libdbtest.a $(TC_SALES_LIBS) $(CHECK_LIBS)
nodist_EXTRA_tests_db_stats_rollup_t_SOURCES = dummy.cxx
