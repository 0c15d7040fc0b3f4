## fcgi/core/export.mk: exports (streaming CSV, XLSX on libxlsxwriter),
## rows read one at a time from MariaDB, and the SVG charts, with their
## unit tests.  Included after core.mk: it appends to the core library.

fcgi_core_libtccore_a_SOURCES += \
	fcgi/core/csv.h fcgi/core/csv.c \
	fcgi/core/db-rows.h fcgi/core/db-rows.c \
	fcgi/core/xlsx.h fcgi/core/xlsx.c \
	fcgi/core/export.h fcgi/core/export.c \
	fcgi/core/chart.h fcgi/core/chart.c fcgi/core/chart-view.c
fcgi_core_libtccore_a_CPPFLAGS += $(XLSXWRITER_CFLAGS)
TC_CORE_LIBS += $(XLSXWRITER_LIBS)

check_PROGRAMS += tests/unit/csv-t tests/unit/xlsx-t tests/unit/chart-t
TESTS += tests/unit/csv-t tests/unit/xlsx-t tests/unit/chart-t
tests_unit_chart_t_SOURCES = tests/unit/chart-t.c
tests_unit_chart_t_CPPFLAGS = $(TC_CORE_CPPFLAGS) $(CHECK_CFLAGS) \
	-DTC_TEST_TOPDIR='"$(abs_top_srcdir)"'
tests_unit_chart_t_LDADD = $(TC_CORE_LIBS) $(CHECK_LIBS)
nodist_EXTRA_tests_unit_chart_t_SOURCES = dummy.cxx
tests_unit_csv_t_SOURCES = tests/unit/csv-t.c
tests_unit_csv_t_CPPFLAGS = $(TC_CORE_CPPFLAGS) $(CHECK_CFLAGS)
tests_unit_csv_t_LDADD = $(TC_CORE_LIBS) $(CHECK_LIBS)
nodist_EXTRA_tests_unit_csv_t_SOURCES = dummy.cxx
# The XLSX writer's files, read back with python3-openpyxl.
tests_unit_xlsx_t_SOURCES = tests/unit/xlsx-t.c
tests_unit_xlsx_t_CPPFLAGS = $(TC_CORE_CPPFLAGS) $(CHECK_CFLAGS) \
	-DTC_TEST_READ_XLSX='"$(abs_top_srcdir)/tests/unit/read-xlsx.py"'
tests_unit_xlsx_t_LDADD = $(TC_CORE_LIBS) $(CHECK_LIBS)
nodist_EXTRA_tests_unit_xlsx_t_SOURCES = dummy.cxx
EXTRA_DIST += tests/unit/read-xlsx.py
