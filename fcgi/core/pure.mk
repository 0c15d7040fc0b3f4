## fcgi/core/pure.mk: the pure building blocks of the core library
## (request parsing, form validation, tokens, i18n catalogue, LDAP filter
## escaping, the growable string), their Check tests and their fuzz
## harnesses.  No I/O, no FastCGI, no database: everything here runs
## without a server.

noinst_LIBRARIES += fcgi/core/libtcpure.a
fcgi_core_libtcpure_a_SOURCES = \
	fcgi/core/request.c fcgi/core/request.h \
	fcgi/core/form.c fcgi/core/form.h \
	fcgi/core/token.c fcgi/core/token.h \
	fcgi/core/i18n.c fcgi/core/i18n.h \
	fcgi/core/ldapesc.c fcgi/core/ldapesc.h \
	fcgi/core/strbuf.c fcgi/core/strbuf.h \
	fcgi/core/charset.c fcgi/core/charset.h
fcgi_core_libtcpure_a_CFLAGS = $(AM_CFLAGS) $(NETTLE_CFLAGS)

TC_PURE_TESTS = \
	tests/core/request-t \
	tests/core/form-t \
	tests/core/token-t \
	tests/core/i18n-t \
	tests/core/ldapesc-t \
	tests/core/strbuf-t \
	tests/core/charset-t
check_PROGRAMS += $(TC_PURE_TESTS)
TESTS += $(TC_PURE_TESTS)

TC_PURE_TEST_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) \
	-DTC_TEST_DATADIR='"$(abs_top_srcdir)/tests/core/data"' \
	-DTC_TEST_TOPDIR='"$(abs_top_srcdir)"'
TC_PURE_TEST_LDADD = fcgi/core/libtcpure.a fcgi/core/libtcbase.a $(CHECK_LIBS) \
	$(NETTLE_LIBS)

tests_core_request_t_SOURCES = tests/core/request-t.c
tests_core_request_t_CFLAGS = $(TC_PURE_TEST_CFLAGS)
tests_core_request_t_LDADD = $(TC_PURE_TEST_LDADD)
tests_core_form_t_SOURCES = tests/core/form-t.c
tests_core_form_t_CFLAGS = $(TC_PURE_TEST_CFLAGS)
tests_core_form_t_LDADD = $(TC_PURE_TEST_LDADD)
tests_core_token_t_SOURCES = tests/core/token-t.c
tests_core_token_t_CFLAGS = $(TC_PURE_TEST_CFLAGS)
tests_core_token_t_LDADD = $(TC_PURE_TEST_LDADD)
tests_core_i18n_t_SOURCES = tests/core/i18n-t.c
tests_core_i18n_t_CFLAGS = $(TC_PURE_TEST_CFLAGS)
tests_core_i18n_t_LDADD = $(TC_PURE_TEST_LDADD)
tests_core_ldapesc_t_SOURCES = tests/core/ldapesc-t.c
tests_core_ldapesc_t_CFLAGS = $(TC_PURE_TEST_CFLAGS)
tests_core_ldapesc_t_LDADD = $(TC_PURE_TEST_LDADD)
tests_core_strbuf_t_SOURCES = tests/core/strbuf-t.c
tests_core_strbuf_t_CFLAGS = $(TC_PURE_TEST_CFLAGS)
tests_core_strbuf_t_LDADD = $(TC_PURE_TEST_LDADD)
tests_core_charset_t_SOURCES = tests/core/charset-t.c
tests_core_charset_t_CFLAGS = $(TC_PURE_TEST_CFLAGS)
tests_core_charset_t_LDADD = $(TC_PURE_TEST_LDADD)

EXTRA_DIST += tests/core/data \
	tests/fuzz/core-request tests/fuzz/core-multipart tests/fuzz/core-cookie \
	tests/fuzz/core-po
