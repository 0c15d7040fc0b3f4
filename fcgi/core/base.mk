## fcgi/core/base.mk: libtcbase, the pure base that the commission engine
## and the web core both stand on: the error enum, decimals and money,
## Chinese capitals, dates and period labels, the credit split, growing
## and sorting arrays.  No I/O, no globals, no floating point, no other library: the
## engine links it without the web core.  Its Check tests and fuzz
## harnesses.

noinst_LIBRARIES += fcgi/core/libtcbase.a
fcgi_core_libtcbase_a_SOURCES = \
	fcgi/core/error.h fcgi/core/error.c \
	fcgi/core/decimal.h fcgi/core/decimal.c \
	fcgi/core/money.h fcgi/core/money.c fcgi/core/capitals.c \
	fcgi/core/date.h fcgi/core/date.c \
	fcgi/core/split.h fcgi/core/split.c \
	fcgi/core/grow.h fcgi/core/grow.c \
	fcgi/core/sort.h fcgi/core/sort.c

TC_BASE_TESTS = \
	tests/core/decimal-t \
	tests/core/money-t \
	tests/core/capitals-t \
	tests/core/date-t \
	tests/core/split-t \
	tests/core/error-t \
	tests/core/grow-t \
	tests/core/sort-t
check_PROGRAMS += $(TC_BASE_TESTS)
TESTS += $(TC_BASE_TESTS)

# The tests link libtcbase alone, which shows it needs nothing else.
TC_BASE_TEST_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
TC_BASE_TEST_LDADD = fcgi/core/libtcbase.a $(CHECK_LIBS)

tests_core_decimal_t_SOURCES = tests/core/decimal-t.c
tests_core_decimal_t_CFLAGS = $(TC_BASE_TEST_CFLAGS)
tests_core_decimal_t_LDADD = $(TC_BASE_TEST_LDADD)
tests_core_money_t_SOURCES = tests/core/money-t.c
tests_core_money_t_CFLAGS = $(TC_BASE_TEST_CFLAGS)
tests_core_money_t_LDADD = $(TC_BASE_TEST_LDADD)
tests_core_capitals_t_SOURCES = tests/core/capitals-t.c
tests_core_capitals_t_CFLAGS = $(TC_BASE_TEST_CFLAGS)
tests_core_capitals_t_LDADD = $(TC_BASE_TEST_LDADD)
tests_core_date_t_SOURCES = tests/core/date-t.c
tests_core_date_t_CFLAGS = $(TC_BASE_TEST_CFLAGS)
tests_core_date_t_LDADD = $(TC_BASE_TEST_LDADD)
tests_core_split_t_SOURCES = tests/core/split-t.c
tests_core_split_t_CFLAGS = $(TC_BASE_TEST_CFLAGS)
tests_core_split_t_LDADD = $(TC_BASE_TEST_LDADD)
tests_core_error_t_SOURCES = tests/core/error-t.c
tests_core_error_t_CFLAGS = $(TC_BASE_TEST_CFLAGS)
tests_core_error_t_LDADD = $(TC_BASE_TEST_LDADD)
tests_core_grow_t_SOURCES = tests/core/grow-t.c
tests_core_grow_t_CFLAGS = $(TC_BASE_TEST_CFLAGS)
tests_core_grow_t_LDADD = $(TC_BASE_TEST_LDADD)
tests_core_sort_t_SOURCES = tests/core/sort-t.c
tests_core_sort_t_CFLAGS = $(TC_BASE_TEST_CFLAGS)
tests_core_sort_t_LDADD = $(TC_BASE_TEST_LDADD)

EXTRA_DIST += tests/fuzz/core-decimal tests/fuzz/core-date \
	tests/fuzz/core-split
