/* clock.c: the business time zone, and "now" with its test clock. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/error.h"
#include "core/log.h"
#include "core/testhook.h"

static char zone[TC_CLOCK_ZONE_MAX] = TC_CLOCK_ZONE_DEFAULT;
static bool zone_set;

/* Whether name is a zone file of the system's time zone database: a
 * relative path of letters, digits, '_', '-', '+' and '/' without "..". */
static bool
zone_known(const char *name)
{
	const char *dir = getenv("TZDIR");
	char path[256];
	size_t n = strlen(name);

	if (n == 0 || n >= TC_CLOCK_ZONE_MAX || name[0] == '/' ||
	    strstr(name, "..") != NULL)
		return false;
	for (const char *p = name; *p != '\0'; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '_' || *p == '-' ||
		    *p == '+' || *p == '/'))
			return false;
	if (dir == NULL || *dir == '\0')
		dir = "/usr/share/zoneinfo";
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >=
	    sizeof(path))
		return false;
	return access(path, R_OK) == 0;
}

static void
apply_zone(void)
{
	char tz[TC_CLOCK_ZONE_MAX + 1];

	/* ":name" makes the C library read the zone file name. */
	snprintf(tz, sizeof(tz), ":%s", zone);
	setenv("TZ", tz, 1);
	tzset();
	zone_set = true;
}

int
tc_clock_set_zone(const char *name)
{
	if (name == NULL || !zone_known(name))
		return TC_EINVAL;
	snprintf(zone, sizeof(zone), "%s", name);
	apply_zone();
	return 0;
}

const char *
tc_clock_zone(void)
{
	return zone;
}

#ifdef TC_TEST_HOOKS
/* Reads DIR/clock into *t.  Returns true when it holds an instant. */
static bool
test_clock(int64_t *t)
{
	const char *dir = tc_hook_dir();
	char path[4096], buf[32];
	struct tm tm;
	size_t n;
	FILE *f;
	char *end;

	if (dir == NULL)
		return false;
	snprintf(path, sizeof(path), "%s/clock", dir);
	if ((f = fopen(path, "r")) == NULL)
		return false;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r' ||
	    buf[n - 1] == ' '))
		buf[--n] = '\0';
	memset(&tm, 0, sizeof(tm));
	end = strptime(buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (n != 20 || end == NULL || *end != '\0') {
		log_msg("test clock %s: \"%s\" is not YYYY-MM-DDTHH:MM:SSZ: "
		    "using the system clock", path, buf);
		return false;
	}
	*t = (int64_t)timegm(&tm);
	return true;
}
#endif

static int64_t held;

void
tc_clock_hold(int64_t t)
{
	held = t;
}

int64_t
tc_clock_held(void)
{
	return held;
}

int64_t
tc_now(void)
{
#ifdef TC_TEST_HOOKS
	int64_t t;
#endif

	if (held != 0)
		return held;
#ifdef TC_TEST_HOOKS
	if (test_clock(&t))
		return t;
#endif
	return (int64_t)time(NULL);
}

bool
tc_clock_fake(int64_t *t)
{
#ifdef TC_TEST_HOOKS
	return test_clock(t);
#else
	(void)t;
	return false;
#endif
}

void
tc_local(int64_t t, struct tm *out)
{
	time_t tt = (time_t)t;

	if (!zone_set)
		apply_zone();
	localtime_r(&tt, out);
}

int32_t
tc_date_of(int64_t t)
{
	struct tm tm;

	tc_local(t, &tm);
	return (int32_t)((tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 +
	    tm.tm_mday);
}

int32_t
tc_today(void)
{
	return tc_date_of(tc_now());
}

char *
tc_today_str(char buf[11])
{
	return tc_date_str(buf, tc_today());
}

char *
tc_datetime_str(char buf[TC_DATETIME_SIZE], int64_t t)
{
	struct tm tm;

	tc_local(t, &tm);
	snprintf(buf, TC_DATETIME_SIZE, "%04u-%02u-%02u %02u:%02u:%02u",
	    (unsigned)(tm.tm_year + 1900) % 10000u,
	    (unsigned)(tm.tm_mon + 1) % 100u, (unsigned)tm.tm_mday % 100u,
	    (unsigned)tm.tm_hour % 100u, (unsigned)tm.tm_min % 100u,
	    (unsigned)tm.tm_sec % 100u);
	return buf;
}

char *
tc_now_str(char buf[TC_DATETIME_SIZE])
{
	return tc_datetime_str(buf, tc_now());
}

int64_t
tc_instant(int32_t ymd, int hour, int minute, int second)
{
	struct tm tm;

	if (!zone_set)
		apply_zone();
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = ymd / 10000 - 1900;
	tm.tm_mon = ymd / 100 % 100 - 1;
	tm.tm_mday = ymd % 100;
	tm.tm_hour = hour;
	tm.tm_min = minute;
	tm.tm_sec = second;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}
