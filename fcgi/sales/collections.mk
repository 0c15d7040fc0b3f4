## (the collections area appends its sources here)
## Collections (payments received), the CSV imports of orders and
## payments, and their pure row reader (import-rows.c, unit-tested).
fcgi_sales_libtcsales_a_SOURCES += fcgi/sales/collections.h fcgi/sales/collections.c fcgi/sales/collections-write.c \
	fcgi/sales/collections-import.c fcgi/sales/import.c \
	fcgi/sales/import-rows.h fcgi/sales/import-rows.c
# The engine's strict RFC 4180 reader (csv.o of libtcio.a).

check_PROGRAMS += tests/unit/import-rows-t
TESTS += tests/unit/import-rows-t
tests_unit_import_rows_t_SOURCES = tests/unit/import-rows-t.c \
	fcgi/sales/import-rows.h fcgi/sales/import-rows.c \
	fcgi/sales/order-math.h fcgi/sales/order-math.c
tests_unit_import_rows_t_CPPFLAGS = $(TC_CORE_CPPFLAGS) $(CHECK_CFLAGS)
tests_unit_import_rows_t_LDADD = fcgi/engine/libtcio.a $(TC_CORE_LIBS) \
	$(CHECK_LIBS)
nodist_EXTRA_tests_unit_import_rows_t_SOURCES = dummy.cxx
EXTRA_DIST += tests/e2e/data/sales-import-orders-good.csv \
	tests/e2e/data/sales-import-orders-bad.csv
