/* bare-fcgi: the ceiling of ./dev bench pages.  A FastCGI responder that
 * does nothing but answer every request with the same 5 KB HTML page
 * (about the size of a ticheng page), through the same libfcgi accept
 * loop the programs use: what nginx, FastCGI and the socket cost on
 * their own, so that each page's rate can be given as a share of it.
 * Not a test and not installed. */
#include "config.h"

#include <signal.h>
#include <string.h>

#include <fcgiapp.h>

#define BODY_SIZE 5120

static volatile sig_atomic_t stop;

static void
on_term(int sig)
{
	(void)sig;
	stop = 1;
	FCGX_ShutdownPending();
}

int
main(void)
{
	static char body[BODY_SIZE + 1];
	static const char head[] = "<!doctype html><html><head>"
	    "<meta charset=\"utf-8\"><title>bare</title></head><body><p>";
	static const char tail[] = "</p></body></html>\n";
	struct sigaction sa;
	FCGX_Request f;
	size_t n;

	memset(body, 'x', BODY_SIZE);
	memcpy(body, head, sizeof(head) - 1);
	n = BODY_SIZE - (sizeof(tail) - 1);
	memcpy(body + n, tail, sizeof(tail) - 1);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	if (FCGX_Init() != 0 || FCGX_InitRequest(&f, 0, 0) != 0)
		return 1;
	while (!stop && FCGX_Accept_r(&f) == 0) {
		if (FCGX_PutS("Status: 200 OK\r\n"
		    "Content-Type: text/html; charset=utf-8\r\n"
		    "Cache-Control: no-store\r\n\r\n", f.out) >= 0)
			(void)FCGX_PutStr(body, BODY_SIZE, f.out);
		FCGX_Finish_r(&f);
	}
	return 0;
}
