## sales.fcgi: the sales module.  Each area appends its sources in its
## own fragment.
pkglibexec_PROGRAMS += sales.fcgi
sales_fcgi_SOURCES = fcgi/sales/main.c fcgi/sales/sales.h \
	fcgi/sales/scope.h fcgi/sales/scope.c fcgi/sales/tabs.c
sales_fcgi_CPPFLAGS = $(TC_CORE_CPPFLAGS)
sales_fcgi_LDADD = $(TC_CORE_LIBS)
nodist_EXTRA_sales_fcgi_SOURCES = dummy.cxx

include $(srcdir)/fcgi/sales/customers.mk
include $(srcdir)/fcgi/sales/pipeline.mk
include $(srcdir)/fcgi/sales/orders.mk
include $(srcdir)/fcgi/sales/collections.mk
