## (the customers area appends its sources here)
fcgi_sales_libtcsales_a_SOURCES += fcgi/sales/customers.c \
	fcgi/sales/customers-write.c \
	fcgi/sales/customers-code.h fcgi/sales/customers-code.c

check_PROGRAMS += tests/unit/customers-code-t
TESTS += tests/unit/customers-code-t
tests_unit_customers_code_t_SOURCES = tests/unit/customers-code-t.c \
	fcgi/sales/customers-code.h fcgi/sales/customers-code.c
tests_unit_customers_code_t_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_unit_customers_code_t_LDADD = $(CHECK_LIBS)
