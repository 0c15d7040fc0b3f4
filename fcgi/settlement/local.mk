## settlement.fcgi: the settlement module (结算管理).  Everything but
## main() is in libtcsettlement.a, so that tests and ticheng-admin link
## the route tables, the workflow and the seeder.
TC_MODULES += settlement
fcgi_libtcmodules_a_SOURCES += fcgi/settlement/module.c
TC_MODULE_LIBS += fcgi/settlement/libtcsettlement.a $(QRENCODE_LIBS)
noinst_LIBRARIES += fcgi/settlement/libtcsettlement.a
fcgi_settlement_libtcsettlement_a_SOURCES = \
	fcgi/settlement/settlement.h fcgi/settlement/flow.c \
	fcgi/settlement/generate.c fcgi/settlement/code.c \
	fcgi/settlement/closure.c fcgi/settlement/closure-pages.c \
	fcgi/settlement/pages.c fcgi/settlement/print.c \
	fcgi/settlement/reports.c fcgi/settlement/cost.c \
	fcgi/settlement/demo.c fcgi/settlement/module-code.c
fcgi_settlement_libtcsettlement_a_CPPFLAGS = $(TC_CORE_CPPFLAGS) \
	$(NETTLE_CFLAGS) $(QRENCODE_CFLAGS)
TC_SETTLEMENT_LIBS = fcgi/settlement/libtcsettlement.a $(QRENCODE_LIBS) \
	$(TC_CORE_LIBS)

pkglibexec_PROGRAMS += settlement.fcgi
settlement_fcgi_SOURCES = fcgi/settlement/main.c
settlement_fcgi_CPPFLAGS = $(TC_CORE_CPPFLAGS)
settlement_fcgi_LDADD = fcgi/settlement/libtcsettlement.a $(QRENCODE_LIBS) \
	$(TC_MODULES_LIB) $(TC_CORE_LIBS)
nodist_EXTRA_settlement_fcgi_SOURCES = dummy.cxx

# The statements against MariaDB: generation, the carried balance, the
# workflow's refusals and a raced approval.
TC_DB_TESTS += tests/db/settlement-t
check_PROGRAMS += tests/db/settlement-t
tests_db_settlement_t_SOURCES = tests/db/settlement-t.c
tests_db_settlement_t_CPPFLAGS = $(TC_DB_TEST_CPPFLAGS)
tests_db_settlement_t_LDADD = tests/db/libdbtest.a $(TC_SETTLEMENT_LIBS) \
	$(CHECK_LIBS)
nodist_EXTRA_tests_db_settlement_t_SOURCES = dummy.cxx

# The generation benchmark (tests/bench/settlement/run builds it; listed
# in EXTRA_PROGRAMS by tests/db/local.mk).
tests_bench_settlement_gen_bench_SOURCES = tests/bench/settlement/gen-bench.c \
	tests/bench/bench.h tests/bench/bench.c
tests_bench_settlement_gen_bench_CPPFLAGS = $(TC_CORE_CPPFLAGS)
tests_bench_settlement_gen_bench_LDADD = $(TC_SETTLEMENT_LIBS)
nodist_EXTRA_tests_bench_settlement_gen_bench_SOURCES = dummy.cxx
# ... and the evaluation and rankings over the same year (issue 11).
tests_bench_settlement_eval_bench_SOURCES = tests/bench/settlement/eval-bench.c \
	tests/bench/bench.h tests/bench/bench.c
tests_bench_settlement_eval_bench_CPPFLAGS = $(TC_CORE_CPPFLAGS)
tests_bench_settlement_eval_bench_LDADD = $(TC_PERFORMANCE_LIBS)
nodist_EXTRA_tests_bench_settlement_eval_bench_SOURCES = dummy.cxx
