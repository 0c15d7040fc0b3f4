## The shared core library every FastCGI program and command links.

noinst_LIBRARIES += fcgi/core/libtccore.a
fcgi_core_libtccore_a_SOURCES = \
	fcgi/core/conf.h fcgi/core/conf.c \
	fcgi/core/testhook.h fcgi/core/testhook.c \
	fcgi/core/clock.h fcgi/core/clock.c \
	fcgi/core/log.h fcgi/core/log.c \
	fcgi/core/db.h fcgi/core/db.c fcgi/core/db-bulk.h fcgi/core/db-bulk.c \
	fcgi/core/directory.h fcgi/core/directory.c \
	fcgi/core/tmpl.h fcgi/core/tmpl.cc \
	fcgi/core/app.h fcgi/core/app.c fcgi/core/http.c fcgi/core/health.c \
	fcgi/core/module.h fcgi/core/module.c \
	fcgi/core/page.c fcgi/core/session.c fcgi/core/audit.h fcgi/core/audit.c \
	fcgi/core/period.h fcgi/core/period.c fcgi/core/cli.h fcgi/core/cli.c \
	fcgi/core/people.h fcgi/core/people.c
# Lists (core/list) and the query strings of their links.
fcgi_core_libtccore_a_SOURCES += fcgi/core/qs.h fcgi/core/qs.c \
	fcgi/core/list.h fcgi/core/list.c \
	fcgi/core/sqlcond.h fcgi/core/sqlcond.c
# Forms: a validated field table shown with its errors (core/formview).
fcgi_core_libtccore_a_SOURCES += fcgi/core/formview.h fcgi/core/formview.c
# Scope (core/scope): which rows a person sees or changes.
fcgi_core_libtccore_a_SOURCES += fcgi/core/scope.h fcgi/core/scope.c
# Workflow (core/workflow): records moving through states.
fcgi_core_libtccore_a_SOURCES += fcgi/core/workflow.h fcgi/core/workflow.c
fcgi_core_libtccore_a_CPPFLAGS = $(AM_CPPFLAGS) $(FCGI_CFLAGS) \
	$(MARIADB_CFLAGS) $(LDAP_CFLAGS) $(CTEMPLATE_CFLAGS)

# What a program linking the core needs; link with the C++ driver
# (nodist_EXTRA_<prog>_SOURCES = dummy.cxx) because of tmpl.cc.
TC_CORE_CPPFLAGS = $(AM_CPPFLAGS) $(FCGI_CFLAGS) $(MARIADB_CFLAGS) $(LDAP_CFLAGS)
TC_CORE_LIBS = fcgi/core/libtccore.a fcgi/core/libtcpure.a \
	fcgi/core/libtcbase.a $(NETTLE_LIBS) $(FCGI_LIBS) $(MARIADB_LIBS) \
	$(LDAP_LIBS) $(CTEMPLATE_LIBS)

# Unit tests of the core.
EXTRA_DIST += tests/unit/templates
check_PROGRAMS += tests/unit/conf-t tests/unit/tmpl-t tests/unit/route-t \
	tests/unit/testhook-t tests/unit/formview-t tests/unit/clock-t
TESTS += tests/unit/conf-t tests/unit/tmpl-t tests/unit/route-t \
	tests/unit/testhook-t tests/unit/formview-t tests/unit/clock-t
tests_unit_conf_t_SOURCES = tests/unit/conf-t.c
tests_unit_conf_t_CPPFLAGS = $(TC_CORE_CPPFLAGS) $(CHECK_CFLAGS)
tests_unit_conf_t_LDADD = $(TC_CORE_LIBS) $(CHECK_LIBS)
nodist_EXTRA_tests_unit_conf_t_SOURCES = dummy.cxx
tests_unit_tmpl_t_SOURCES = tests/unit/tmpl-t.c
tests_unit_tmpl_t_CPPFLAGS = $(TC_CORE_CPPFLAGS) $(CHECK_CFLAGS) \
	-DTEST_TEMPLATES='"$(abs_top_srcdir)/tests/unit/templates"'
tests_unit_tmpl_t_LDADD = $(TC_CORE_LIBS) $(CHECK_LIBS)
nodist_EXTRA_tests_unit_tmpl_t_SOURCES = dummy.cxx
check_PROGRAMS += tests/unit/module-t
TESTS += tests/unit/module-t
tests_unit_module_t_SOURCES = tests/unit/module-t.c
tests_unit_module_t_CPPFLAGS = $(TC_CORE_CPPFLAGS) $(CHECK_CFLAGS)
tests_unit_module_t_LDADD = $(TC_CORE_LIBS) $(CHECK_LIBS)
nodist_EXTRA_tests_unit_module_t_SOURCES = dummy.cxx
tests_unit_route_t_SOURCES = tests/unit/route-t.c
tests_unit_route_t_CPPFLAGS = $(TC_CORE_CPPFLAGS) $(CHECK_CFLAGS)
tests_unit_route_t_LDADD = $(TC_CORE_LIBS) $(CHECK_LIBS)
nodist_EXTRA_tests_unit_route_t_SOURCES = dummy.cxx
tests_unit_testhook_t_SOURCES = tests/unit/testhook-t.c
tests_unit_testhook_t_CPPFLAGS = $(TC_CORE_CPPFLAGS) $(CHECK_CFLAGS)
tests_unit_testhook_t_LDADD = $(TC_CORE_LIBS) $(CHECK_LIBS)
nodist_EXTRA_tests_unit_testhook_t_SOURCES = dummy.cxx
tests_unit_clock_t_SOURCES = tests/unit/clock-t.c
tests_unit_clock_t_CPPFLAGS = $(TC_CORE_CPPFLAGS) $(CHECK_CFLAGS)
tests_unit_clock_t_LDADD = $(TC_CORE_LIBS) $(CHECK_LIBS)
nodist_EXTRA_tests_unit_clock_t_SOURCES = dummy.cxx
tests_unit_formview_t_SOURCES = tests/unit/formview-t.c
tests_unit_formview_t_CPPFLAGS = $(TC_CORE_CPPFLAGS) $(CHECK_CFLAGS) \
	-DTEST_TEMPLATES='"$(abs_top_srcdir)/tests/unit/templates"' \
	-DTC_TEMPLATES='"$(abs_top_srcdir)/templates"'
tests_unit_formview_t_LDADD = $(TC_CORE_LIBS) $(CHECK_LIBS)
nodist_EXTRA_tests_unit_formview_t_SOURCES = dummy.cxx

check_PROGRAMS += tests/unit/list-t
TESTS += tests/unit/list-t
tests_unit_list_t_SOURCES = tests/unit/list-t.c
tests_unit_list_t_CPPFLAGS = $(TC_CORE_CPPFLAGS) $(CHECK_CFLAGS)
tests_unit_list_t_LDADD = $(TC_CORE_LIBS) $(CHECK_LIBS)
nodist_EXTRA_tests_unit_list_t_SOURCES = dummy.cxx

# The production nginx server block is checked with nginx -t.
TESTS += tests/conf/nginx-conf.sh
dist_check_SCRIPTS += tests/conf/nginx-conf.sh
