/* clock.h: "now" and "today" of the business, in one time zone.
 *
 * Every date a user sees or enters (an order's date, a payment's date,
 * the current month of a chart, the age of a receivable) is a day in the
 * business time zone, [site] timezone of ticheng.conf (an IANA name,
 * default Asia/Shanghai), whatever the zone of the server.  conf_load()
 * sets it; programs then ask this module, never time() and localtime().
 * The database session runs in the same zone (core/db), and SQL is given
 * the business date as a parameter rather than calling CURDATE().
 *
 * In test builds (TC_TEST_HOOKS) the hooks folder may hold a file
 * "clock" with a UTC instant "YYYY-MM-DDTHH:MM:SSZ": "now" is then that
 * instant, read at every call, so a test can move the clock of a running
 * worker (core/testhook.h).  A clock file that does not hold such an
 * instant is logged and the system clock used.
 *
 * The zone is process-wide (the TZ of the process): set it before
 * starting threads. */
#ifndef TC_CORE_CLOCK_H
#define TC_CORE_CLOCK_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#define TC_CLOCK_ZONE_DEFAULT "Asia/Shanghai"
#define TC_CLOCK_ZONE_MAX 64

/* Makes zone (an IANA name such as "Asia/Shanghai" or "UTC") the
 * business time zone.  Returns 0, or TC_EINVAL when zone is not a time
 * zone of the system's database (/usr/share/zoneinfo, or $TZDIR); the
 * zone in force is then unchanged. */
int tc_clock_set_zone(const char *zone);

/* The business time zone's name (the default until one is set). */
const char *tc_clock_zone(void);

/* Now, as seconds since the epoch (UTC): the held clock when one is
 * held (tc_clock_hold), else the test clock when one is set, else the
 * system clock. */
int64_t tc_now(void);

/* Holds "now" at instant t (seconds since the epoch) until the next call;
 * t 0 lets the clock run again.  For a command that writes a story
 * through the modules' own write functions (the demo seeder), so that
 * what they date by tc_now() happens at the story's moments; the
 * database sessions follow (core/db), so that NOW() and DATETIME
 * defaults give the same moments.  Process-wide: never in a server. */
void tc_clock_hold(int64_t t);

/* The instant the clock is held at (tc_clock_hold), or 0 when it runs. */
int64_t tc_clock_held(void);

/* Whether "now" comes from the test clock (never in production): if so,
 * sets *t to it. */
bool tc_clock_fake(int64_t *t);

/* The instant t broken down in the business time zone. */
void tc_local(int64_t t, struct tm *out);

/* The business date of instant t, as yyyymmdd. */
int32_t tc_date_of(int64_t t);

/* Today's business date, as yyyymmdd. */
int32_t tc_today(void);

/* Today's business date as "YYYY-MM-DD" in buf (11 bytes); returns buf. */
char *tc_today_str(char buf[11]);

#define TC_DATETIME_SIZE 20

/* Instant t as the business time zone's "YYYY-MM-DD HH:MM:SS" (a
 * DATETIME as the database session reads it) in buf; returns buf. */
char *tc_datetime_str(char buf[TC_DATETIME_SIZE], int64_t t);

/* Now (tc_now) as tc_datetime_str writes it; returns buf. */
char *tc_now_str(char buf[TC_DATETIME_SIZE]);

/* The instant at which the business clock reads hour:minute:second on
 * date ymd (yyyymmdd).  A time that a summer-time change skips or repeats
 * is taken as the C library's mktime() takes it. */
int64_t tc_instant(int32_t ymd, int hour, int minute, int second);

#endif
