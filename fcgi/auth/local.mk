## auth.fcgi: sign-in, home, health.
pkglibexec_PROGRAMS += auth.fcgi
auth_fcgi_SOURCES = fcgi/auth/main.c fcgi/auth/auth.h fcgi/auth/login.c
auth_fcgi_CPPFLAGS = $(TC_CORE_CPPFLAGS)
auth_fcgi_LDADD = $(TC_CORE_LIBS)
nodist_EXTRA_auth_fcgi_SOURCES = dummy.cxx
