## fcgi/commission/runs.mk (c3): calculation runs as background jobs
## and their pages, closing, the ledger and "why this amount".

fcgi_commission_libtccommission_a_SOURCES += \
	fcgi/commission/view.h fcgi/commission/view.c \
	fcgi/commission/runs.c fcgi/commission/ledger.c fcgi/commission/why.c \
	fcgi/commission/overview.c

# calculation runs as jobs: queued, refused while one is in progress,
# the previous run's rep results kept, the multiplier reached exactly.
TC_DB_TESTS += tests/db/commission-runs-t
check_PROGRAMS += tests/db/commission-runs-t
tests_db_commission_runs_t_SOURCES = tests/db/commission-runs-t.c
tests_db_commission_runs_t_CPPFLAGS = $(TC_DB_TEST_CPPFLAGS)
tests_db_commission_runs_t_LDADD = tests/db/libdbtest.a \
	fcgi/commission/libtccommission.a $(TC_ENGINE_LIBS) $(TC_CORE_LIBS) \
	$(CHECK_LIBS)
nodist_EXTRA_tests_db_commission_runs_t_SOURCES = dummy.cxx

# The ledger benchmark (./dev bench calc: tests/bench/calc/run builds it
# and times a page of 50 lines over the year).  Not built by make.
tests_bench_calc_ledger_bench_SOURCES = tests/bench/calc/ledger-bench.c \
	tests/bench/bench.h tests/bench/bench.c
tests_bench_calc_ledger_bench_CPPFLAGS = $(TC_CORE_CPPFLAGS)
tests_bench_calc_ledger_bench_LDADD = $(TC_COMMISSION_LIBS) $(TC_CORE_LIBS)
nodist_EXTRA_tests_bench_calc_ledger_bench_SOURCES = dummy.cxx
