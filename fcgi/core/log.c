/* log.c: appending log lines to one file shared by all workers. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/error.h"
#include "core/log.h"

static int log_fd = -1;
static const char *log_program = "ticheng";

int
log_open(const char *path)
{
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);

	if (fd < 0)
		return TC_EIO;
	log_close();
	log_fd = fd;
	return 0;
}

void
log_close(void)
{
	if (log_fd >= 0)
		close(log_fd);
	log_fd = -1;
}

void
log_set_program(const char *name)
{
	log_program = name;
}

void
log_msg(const char *fmt, ...)
{
	char line[2048], stamp[32];
	struct tm tm;
	time_t now = time(NULL);
	va_list ap;
	int n, m;

	gmtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", &tm);
	n = snprintf(line, sizeof(line), "%s %s[%ld]: ", stamp, log_program,
	    (long)getpid());
	va_start(ap, fmt);
	m = vsnprintf(line + n, sizeof(line) - n - 1, fmt, ap);
	va_end(ap);
	if (m < 0)
		m = 0;
	n += m;
	if ((size_t)n > sizeof(line) - 2)
		n = sizeof(line) - 2;
	line[n++] = '\n';
	/* A failed log write has nowhere better to go: count it lost. */
	if (write(log_fd >= 0 ? log_fd : STDERR_FILENO, line, n) < 0)
		errno = 0;
}
