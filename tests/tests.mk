## Tests of the project as a whole (not of one module): what every
## template, and ./dev test itself, must keep.

# Every template of the product begins with its AUTOESCAPE pragma.
check_PROGRAMS += tests/unit/autoescape-t
TESTS += tests/unit/autoescape-t
tests_unit_autoescape_t_SOURCES = tests/unit/autoescape-t.c
tests_unit_autoescape_t_CPPFLAGS = $(AM_CPPFLAGS) $(CHECK_CFLAGS) \
	-DTC_TEMPLATES='"$(abs_top_srcdir)/templates"'
tests_unit_autoescape_t_LDADD = $(CHECK_LIBS)

# The rule ./dev test applies to skipped tests (tests/judge-skips): which
# reasons allow a skip, which fail a CI run.
TESTS += tests/unit/judge-skips.sh
dist_check_SCRIPTS += tests/unit/judge-skips.sh tests/judge-skips
