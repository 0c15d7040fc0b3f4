## auth.fcgi: sign-in, home, health.  Everything but main() is in
## libtcauth.a, so that tests can link the route table.
TC_MODULES += auth
fcgi_libtcmodules_a_SOURCES += fcgi/auth/module.c
TC_MODULE_LIBS += fcgi/auth/libtcauth.a
noinst_LIBRARIES += fcgi/auth/libtcauth.a
fcgi_auth_libtcauth_a_SOURCES = fcgi/auth/auth.h fcgi/auth/home.c \
	fcgi/auth/login.c fcgi/auth/module-code.c fcgi/auth/canary.c
fcgi_auth_libtcauth_a_CPPFLAGS = $(TC_CORE_CPPFLAGS)
pkglibexec_PROGRAMS += auth.fcgi
auth_fcgi_SOURCES = fcgi/auth/main.c
auth_fcgi_CPPFLAGS = $(TC_CORE_CPPFLAGS)
auth_fcgi_LDADD = fcgi/auth/libtcauth.a $(TC_MODULES_LIB) $(TC_CORE_LIBS)
nodist_EXTRA_auth_fcgi_SOURCES = dummy.cxx
