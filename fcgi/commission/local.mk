## fcgi/commission/local.mk: the commission module's back end: plan
## versions, targets, calculation runs in MariaDB (the engine called from
## C), the files of the CLI contract, and its ticheng-admin commands.

TC_MODULES += commission
fcgi_libtcmodules_a_SOURCES += fcgi/commission/module.c
TC_MODULE_LIBS += fcgi/commission/libtccommission.a $(TC_ENGINE_LIBS)
noinst_LIBRARIES += fcgi/commission/libtccommission.a
fcgi_commission_libtccommission_a_SOURCES = \
	fcgi/commission/plans.h fcgi/commission/plans.c \
	fcgi/commission/targets.h fcgi/commission/targets.c \
	fcgi/commission/files.h fcgi/commission/files.c \
	fcgi/commission/book.h fcgi/commission/book.c \
	fcgi/commission/export.h fcgi/commission/export.c \
	fcgi/commission/run.h fcgi/commission/run.c \
	fcgi/commission/results.h fcgi/commission/results.c \
	fcgi/commission/demo.h fcgi/commission/demo.c \
	fcgi/commission/jobs.h fcgi/commission/jobs.c \
	fcgi/commission/cli.c fcgi/commission/module-code.c
fcgi_commission_libtccommission_a_CPPFLAGS = $(TC_CORE_CPPFLAGS) \
	$(NETTLE_CFLAGS) $(JANSSON_CFLAGS)


## commission.fcgi: the web areas (web.h), each appending its sources in
## its own fragment (fcgi/commission/<area>.mk, included below in its
## slot).  Everything but main() is in libtccommission.a, so that the
## route test links the route tables.
fcgi_commission_libtccommission_a_SOURCES += fcgi/commission/web.h \
	fcgi/commission/areas.c fcgi/commission/tabs.c \
	fcgi/commission/home.c
TC_COMMISSION_LIBS = fcgi/commission/libtccommission.a $(TC_ENGINE_LIBS)

pkglibexec_PROGRAMS += commission.fcgi
commission_fcgi_SOURCES = fcgi/commission/main.c
commission_fcgi_CPPFLAGS = $(TC_CORE_CPPFLAGS)
commission_fcgi_LDADD = $(TC_COMMISSION_LIBS) $(TC_MODULES_LIB) \
	$(TC_CORE_LIBS)
nodist_EXTRA_commission_fcgi_SOURCES = dummy.cxx

# c2: versions, what-if
fcgi_commission_libtccommission_a_SOURCES += \
	fcgi/commission/versions.h fcgi/commission/versions.c \
	fcgi/commission/versions-flow.c fcgi/commission/versions-io.c \
	fcgi/commission/versions-edit.c fcgi/commission/versions-copy.c \
	fcgi/commission/whatif.c

# c3: ledger, runs
include $(srcdir)/fcgi/commission/runs.mk

# c4: adjustments, disputes
include $(srcdir)/fcgi/commission/adjustments.mk
