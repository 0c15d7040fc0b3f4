## performance.fcgi: the performance module (业绩管理): rep and team
## targets, evaluation, rankings.  Everything but main() is in
## libtcperformance.a, so that tests link it.
TC_MODULES += performance
fcgi_libtcmodules_a_SOURCES += fcgi/performance/module.c
TC_MODULE_LIBS += fcgi/performance/libtcperformance.a fcgi/engine/libtcio.a
noinst_LIBRARIES += fcgi/performance/libtcperformance.a
fcgi_performance_libtcperformance_a_SOURCES = \
	fcgi/performance/perf.h fcgi/performance/access.c \
	fcgi/performance/targets-write.c fcgi/performance/targets.c \
	fcgi/performance/targets-import.c fcgi/performance/proposals.c \
	fcgi/performance/eval-data.c fcgi/performance/evaluation.c \
	fcgi/performance/rankings.c fcgi/performance/charts.c \
	fcgi/performance/contests.c fcgi/performance/settings.c \
	fcgi/performance/demo.c fcgi/performance/module-code.c
fcgi_performance_libtcperformance_a_CPPFLAGS = $(TC_CORE_CPPFLAGS)
TC_PERFORMANCE_LIBS = fcgi/performance/libtcperformance.a \
	fcgi/engine/libtcio.a $(TC_CORE_LIBS)

pkglibexec_PROGRAMS += performance.fcgi
performance_fcgi_SOURCES = fcgi/performance/main.c
performance_fcgi_CPPFLAGS = $(TC_CORE_CPPFLAGS)
performance_fcgi_LDADD = fcgi/performance/libtcperformance.a \
	fcgi/engine/libtcio.a $(TC_MODULES_LIB) $(TC_CORE_LIBS)
nodist_EXTRA_performance_fcgi_SOURCES = dummy.cxx

# Targets saved all or nothing, evaluation and ranks worked by hand.
TC_DB_TESTS += tests/db/performance-t
check_PROGRAMS += tests/db/performance-t
tests_db_performance_t_SOURCES = tests/db/performance-t.c
tests_db_performance_t_CPPFLAGS = $(TC_DB_TEST_CPPFLAGS)
tests_db_performance_t_LDADD = tests/db/libdbtest.a $(TC_PERFORMANCE_LIBS) \
	$(CHECK_LIBS)
nodist_EXTRA_tests_db_performance_t_SOURCES = dummy.cxx
