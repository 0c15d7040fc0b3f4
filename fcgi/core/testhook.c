/* testhook.c: the hooks folder and its hold points (test builds only). */
#include "config.h"

#include "core/testhook.h"

#ifdef TC_TEST_HOOKS

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/error.h"
#include "core/log.h"

/* How often a held process looks whether it may go on. */
#define HOLD_POLL_NS (5 * 1000 * 1000)

static char hook_dir[PATH_MAX];

const char *
tc_hook_dir(void)
{
	return hook_dir[0] != '\0' ? hook_dir : NULL;
}

int
tc_hook_set_dir(const char *dir)
{
	hook_dir[0] = '\0';
	if (dir == NULL || *dir == '\0')
		return 0;
	/* room for "/held-" and a name */
	if (strlen(dir) + 64 >= sizeof(hook_dir))
		return TC_ETOOBIG;
	snprintf(hook_dir, sizeof(hook_dir), "%s", dir);
	return 0;
}

static bool
exists(const char *path)
{
	return access(path, F_OK) == 0;
}

void
tc_hold(const char *name)
{
	char hold[PATH_MAX], held[PATH_MAX];
	struct timespec start, now;
	const struct timespec poll = { 0, HOLD_POLL_NS };
	int fd;

	if (hook_dir[0] == '\0')
		return;
	if ((size_t)snprintf(hold, sizeof(hold), "%s/hold-%s", hook_dir,
	    name) >= sizeof(hold) || !exists(hold))
		return;
	if ((size_t)snprintf(held, sizeof(held), "%s/held-%s", hook_dir,
	    name) >= sizeof(held))
		return;
	if ((fd = open(held, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0)
		log_msg("hold %s: cannot create %s: %s", name, held,
		    strerror(errno));
	else {
		/* Who holds: a test may kill exactly that process. */
		dprintf(fd, "%ld\n", (long)getpid());
		close(fd);
	}
	clock_gettime(CLOCK_MONOTONIC, &start);
	while (exists(hold)) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec - start.tv_sec >= TC_HOLD_MAX_SECONDS) {
			log_msg("hold %s: %s still there after %d s, going on",
			    name, hold, TC_HOLD_MAX_SECONDS);
			break;
		}
		nanosleep(&poll, NULL);
	}
	if (unlink(held) != 0 && errno != ENOENT)
		log_msg("hold %s: cannot remove %s: %s", name, held,
		    strerror(errno));
}

int
tc_hook_slow(const char *name)
{
	char path[PATH_MAX], buf[16];
	ssize_t n;
	int fd, secs = 30;

	if (hook_dir[0] == '\0')
		return 0;
	if ((size_t)snprintf(path, sizeof(path), "%s/slow-%s", hook_dir,
	    name) >= sizeof(path) || (fd = open(path, O_RDONLY)) < 0)
		return 0;
	if ((n = read(fd, buf, sizeof(buf) - 1)) > 0) {
		buf[n] = '\0';
		if (atoi(buf) > 0)
			secs = atoi(buf);
	}
	close(fd);
	return secs;
}

#endif
