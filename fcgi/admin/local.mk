## ticheng-admin: migrations and directory sync from the command line.
bin_PROGRAMS += ticheng-admin
ticheng_admin_SOURCES = fcgi/admin/cli.h fcgi/admin/cli.c fcgi/admin/periods.c \
	fcgi/admin/migrate.h fcgi/admin/migrate.c fcgi/admin/migrate-plan.h \
	fcgi/admin/migrate-plan.c fcgi/admin/demo.h fcgi/admin/demo.c \
	fcgi/admin/routes.h fcgi/admin/routes.c \
	fcgi/admin/backup.h fcgi/admin/backup.c
ticheng_admin_CPPFLAGS = $(TC_CORE_CPPFLAGS)
ticheng_admin_LDADD = $(TC_ALL_MODULES_LIBS)
nodist_EXTRA_ticheng_admin_SOURCES = dummy.cxx
dist_man1_MANS += fcgi/admin/ticheng-admin.1

## admin.fcgi: people, audit log, reference data (admins only).
TC_MODULES += admin
fcgi_libtcmodules_a_SOURCES += fcgi/admin/module.c
TC_MODULE_LIBS += fcgi/admin/libtcadmin.a
noinst_LIBRARIES += fcgi/admin/libtcadmin.a
fcgi_admin_libtcadmin_a_SOURCES = fcgi/admin/areas.c fcgi/admin/admin.h \
	fcgi/admin/tabs.c fcgi/admin/people.c fcgi/admin/module-code.c
fcgi_admin_libtcadmin_a_CPPFLAGS = $(TC_CORE_CPPFLAGS)
pkglibexec_PROGRAMS += admin.fcgi
admin_fcgi_SOURCES = fcgi/admin/main.c
admin_fcgi_CPPFLAGS = $(TC_CORE_CPPFLAGS)
admin_fcgi_LDADD = fcgi/admin/libtcadmin.a $(TC_MODULES_LIB) $(TC_CORE_LIBS)
nodist_EXTRA_admin_fcgi_SOURCES = dummy.cxx
include $(srcdir)/fcgi/admin/refdata.mk

# The order of the migrations of every module (pure: files only).
check_PROGRAMS += tests/unit/migrate-plan-t
TESTS += tests/unit/migrate-plan-t
tests_unit_migrate_plan_t_SOURCES = tests/unit/migrate-plan-t.c \
	fcgi/admin/migrate-plan.h fcgi/admin/migrate-plan.c
tests_unit_migrate_plan_t_CPPFLAGS = $(TC_CORE_CPPFLAGS) $(CHECK_CFLAGS) \
	-DTEST_SQL='"$(abs_top_srcdir)/sql"'
tests_unit_migrate_plan_t_LDADD = fcgi/core/libtcbase.a $(CHECK_LIBS)

# The module registry against itself and the tree (sql/, catalogues).
check_PROGRAMS += tests/unit/modules-t
TESTS += tests/unit/modules-t
tests_unit_modules_t_SOURCES = tests/unit/modules-t.c \
	fcgi/admin/migrate-plan.h fcgi/admin/migrate-plan.c
tests_unit_modules_t_CPPFLAGS = $(TC_CORE_CPPFLAGS) $(CHECK_CFLAGS) \
	-DTEST_SQL='"$(abs_top_srcdir)/sql"' \
	-DTEST_TEMPLATES='"$(abs_top_srcdir)/templates"'
tests_unit_modules_t_LDADD = $(TC_ALL_MODULES_LIBS) $(CHECK_LIBS)
nodist_EXTRA_tests_unit_modules_t_SOURCES = dummy.cxx

# `ticheng-admin routes`: every route of the registry, once, with its ids.
check_PROGRAMS += tests/unit/routes-dump-t
TESTS += tests/unit/routes-dump-t
tests_unit_routes_dump_t_SOURCES = tests/unit/routes-dump-t.c \
	fcgi/admin/routes.h fcgi/admin/routes.c
tests_unit_routes_dump_t_CPPFLAGS = $(TC_CORE_CPPFLAGS) $(CHECK_CFLAGS)
tests_unit_routes_dump_t_LDADD = $(TC_ALL_MODULES_LIBS) $(CHECK_LIBS)
nodist_EXTRA_tests_unit_routes_dump_t_SOURCES = dummy.cxx
