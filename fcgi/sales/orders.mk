## fcgi/sales/orders.mk: orders, their query, export and statistics, and
## the pure order arithmetic (order-math.c, shared with the CSV import).
fcgi_sales_libtcsales_a_SOURCES += fcgi/sales/order-math.c fcgi/sales/order-math.h

check_PROGRAMS += tests/unit/order-math-t
TESTS += tests/unit/order-math-t
tests_unit_order_math_t_SOURCES = tests/unit/order-math-t.c \
	fcgi/sales/order-math.c fcgi/sales/order-math.h
tests_unit_order_math_t_CPPFLAGS = $(TC_CORE_CPPFLAGS) $(CHECK_CFLAGS)
tests_unit_order_math_t_LDADD = $(TC_CORE_LIBS) $(CHECK_LIBS)
nodist_EXTRA_tests_unit_order_math_t_SOURCES = dummy.cxx
fcgi_sales_libtcsales_a_SOURCES += fcgi/sales/orders.c fcgi/sales/orders.h \
	fcgi/sales/orders-form.c fcgi/sales/orders-write.c \
	fcgi/sales/orders-credit.c fcgi/sales/orders-credit.h \
	fcgi/sales/orders-query.c fcgi/sales/stats.c fcgi/sales/stats.h
