## fcgi/engine/local.mk: the commission engine (pure), its readers, the
## ticheng-calc command, their tests, fuzz harnesses and benchmark.

# The pure engine: no I/O, no globals, no floating point.
noinst_LIBRARIES += fcgi/engine/libtcengine.a
fcgi_engine_libtcengine_a_SOURCES = \
	fcgi/engine/money.h fcgi/engine/money.c \
	fcgi/engine/plan.h fcgi/engine/plan.c \
	fcgi/engine/commission.h fcgi/engine/commission.c \
	fcgi/engine/strmap.h fcgi/engine/strmap.c \
	fcgi/engine/sort.h fcgi/engine/sort.c \
	fcgi/engine/engine.h fcgi/engine/input.c fcgi/engine/engine.c \
	fcgi/engine/run.h fcgi/engine/credit.c fcgi/engine/halves.c \
	fcgi/engine/payments.c fcgi/engine/summary.c \
	fcgi/engine/explain.h fcgi/engine/explain.c

# The readers and writers: RFC 4180 CSV tables, plan JSON, the summary
# and lines outputs (used by ticheng-calc and by the commission module).
noinst_LIBRARIES += fcgi/engine/libtcio.a
fcgi_engine_libtcio_a_SOURCES = \
	fcgi/engine/csv.h fcgi/engine/csv.c \
	fcgi/engine/tables.h fcgi/engine/tables.c \
	fcgi/engine/plan_json.h fcgi/engine/plan_json.c \
	fcgi/engine/output.h fcgi/engine/output.c
fcgi_engine_libtcio_a_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS)

TC_ENGINE_LIBS = fcgi/engine/libtcio.a fcgi/engine/libtcengine.a \
	fcgi/core/libtcbase.a $(JANSSON_LIBS) -lpthread

bin_PROGRAMS += ticheng-calc
ticheng_calc_SOURCES = fcgi/calc/main.c \
	fcgi/calc/explain.h fcgi/calc/explain.c
ticheng_calc_CFLAGS = $(AM_CFLAGS) -pthread
ticheng_calc_LDADD = $(TC_ENGINE_LIBS)
ticheng_calc_LDFLAGS = -pthread
fcgi_engine_libtcengine_a_CFLAGS = $(AM_CFLAGS) -pthread
dist_man1_MANS += fcgi/calc/ticheng-calc.1

# Tests: Check programs (TAP) and shell tests (TAP).
TC_ENGINE_TESTS = \
	tests/engine/money-t \
	tests/engine/csv-t \
	tests/engine/plan-t \
	tests/engine/rules-t \
	tests/engine/props-t \
	tests/engine/explain-t
check_PROGRAMS += $(TC_ENGINE_TESTS)
TESTS += $(TC_ENGINE_TESTS) \
	tests/engine/calc-example.sh \
	tests/engine/calc-bad-input.sh \
	tests/engine/calc-oracle.sh \
	tests/engine/calc-explain.sh
dist_check_SCRIPTS += \
	tests/engine/calc-example.sh \
	tests/engine/calc-bad-input.sh \
	tests/engine/calc-oracle.sh \
	tests/engine/calc-explain.sh

TC_ENGINE_TEST_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(JANSSON_CFLAGS)
TC_ENGINE_TEST_LDADD = $(TC_ENGINE_LIBS) $(CHECK_LIBS)

tests_engine_money_t_SOURCES = tests/engine/money-t.c
tests_engine_money_t_CFLAGS = $(TC_ENGINE_TEST_CFLAGS)
tests_engine_money_t_LDADD = $(TC_ENGINE_TEST_LDADD)
tests_engine_csv_t_SOURCES = tests/engine/csv-t.c
tests_engine_csv_t_CFLAGS = $(TC_ENGINE_TEST_CFLAGS)
tests_engine_csv_t_LDADD = $(TC_ENGINE_TEST_LDADD)
tests_engine_plan_t_SOURCES = tests/engine/plan-t.c
tests_engine_plan_t_CFLAGS = $(TC_ENGINE_TEST_CFLAGS)
tests_engine_plan_t_LDADD = $(TC_ENGINE_TEST_LDADD)
tests_engine_rules_t_SOURCES = tests/engine/rules-t.c \
	tests/engine/harness.h tests/engine/harness.c
tests_engine_rules_t_CFLAGS = $(TC_ENGINE_TEST_CFLAGS)
tests_engine_rules_t_LDADD = $(TC_ENGINE_TEST_LDADD)
tests_engine_props_t_SOURCES = tests/engine/props-t.c \
	tests/engine/harness.h tests/engine/harness.c
tests_engine_props_t_CFLAGS = $(TC_ENGINE_TEST_CFLAGS)
tests_engine_props_t_LDADD = $(TC_ENGINE_TEST_LDADD)
tests_engine_explain_t_SOURCES = tests/engine/explain-t.c \
	tests/engine/harness.h tests/engine/harness.c
tests_engine_explain_t_CFLAGS = $(TC_ENGINE_TEST_CFLAGS)
tests_engine_explain_t_LDADD = $(TC_ENGINE_TEST_LDADD)

EXTRA_DIST += tests/engine/example tests/engine/oracle.py \
	tests/fuzz/engine-csv tests/fuzz/engine-plan \
	tests/bench/engine tests/bench/calc tests/bench/synth.h tests/bench/synth.c
