/* log.h: one line per event, appended to the configured log file.
 * Lines are written with one write(2) each on an O_APPEND descriptor, so
 * that the workers of every program can share one file.  Never log a
 * password, a session token or a CSRF token. */
#ifndef TC_CORE_LOG_H
#define TC_CORE_LOG_H

/* Opens (creating) the log file at path for appending; on failure logs go
 * to standard error.  Returns 0 or TC_EIO. */
int log_open(const char *path);

/* Closes the log file.  Safe to call when none is open. */
void log_close(void);

/* Writes "time pid program: message" as one line. */
void log_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Sets the program name that prefixes every line (static string). */
void log_set_program(const char *name);

#endif
