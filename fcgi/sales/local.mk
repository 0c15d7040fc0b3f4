## sales.fcgi: the sales module.  Each area appends its sources in its
## own fragment.
## Everything but main() is in libtcsales.a, so that tests can link the
## route tables.
TC_MODULES += sales
fcgi_libtcmodules_a_SOURCES += fcgi/sales/module.c fcgi/sales/credit-flow.c
TC_MODULE_LIBS += fcgi/sales/libtcsales.a fcgi/engine/libtcio.a
noinst_LIBRARIES += fcgi/sales/libtcsales.a
fcgi_sales_libtcsales_a_SOURCES = fcgi/sales/areas.c fcgi/sales/sales.h \
	fcgi/sales/access.c fcgi/sales/tabs.c \
	fcgi/sales/write.h fcgi/sales/write-tx.h fcgi/sales/write.c \
	fcgi/sales/module-code.c fcgi/sales/demo.h fcgi/sales/demo.c \
	fcgi/sales/demo-write.h fcgi/sales/demo-write.c fcgi/sales/demo-scale.c \
	fcgi/sales/lists.c
fcgi_sales_libtcsales_a_CPPFLAGS = $(TC_CORE_CPPFLAGS)
TC_SALES_LIBS = fcgi/sales/libtcsales.a fcgi/engine/libtcio.a \
	fcgi/libtcmodules.a $(TC_CORE_LIBS)

pkglibexec_PROGRAMS += sales.fcgi
sales_fcgi_SOURCES = fcgi/sales/main.c
sales_fcgi_CPPFLAGS = $(TC_CORE_CPPFLAGS)
sales_fcgi_LDADD = fcgi/sales/libtcsales.a fcgi/engine/libtcio.a \
	$(TC_MODULES_LIB) $(TC_CORE_LIBS)
nodist_EXTRA_sales_fcgi_SOURCES = dummy.cxx

include $(srcdir)/fcgi/sales/customers.mk
include $(srcdir)/fcgi/sales/pipeline.mk
include $(srcdir)/fcgi/sales/orders.mk
include $(srcdir)/fcgi/sales/collections.mk

# The route tables of every program, against DESIGN.md's rules.
check_PROGRAMS += tests/unit/routes-t
TESTS += tests/unit/routes-t
tests_unit_routes_t_SOURCES = tests/unit/routes-t.c
tests_unit_routes_t_CPPFLAGS = $(TC_CORE_CPPFLAGS) $(CHECK_CFLAGS)
tests_unit_routes_t_LDADD = $(TC_ALL_MODULES_LIBS) $(CHECK_LIBS)
nodist_EXTRA_tests_unit_routes_t_SOURCES = dummy.cxx
