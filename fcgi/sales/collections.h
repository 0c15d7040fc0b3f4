/* collections.h: helpers shared by the collections (collections.c) and
 * the CSV imports (import.c, collections-import.c) of sales.fcgi. */
#ifndef TC_SALES_COLLECTIONS_H
#define TC_SALES_COLLECTIONS_H

#include <stddef.h>
#include <stdint.h>

#include "core/app.h"
#include "sales/import-rows.h"

/* Writes yyyymmdd as "YYYY-MM-DD" into buf (11 bytes).  Returns buf. */
char *coll_ymd(char buf[11], int32_t ymd);

/* Today's business date "YYYY-MM-DD" (core/clock.h) into buf (11
 * bytes).  Returns buf. */
char *coll_today(char buf[11]);

/* Sets name to the grouped money text of fen in d, and shows section
 * name_NEG when negative (for the .neg class). */
void coll_set_money(struct tdict *d, const char *name, int64_t fen);

/* Shows what an upload form refused, the one way (core/formview): the
 * file input ("file") is marked with its message and listed in the
 * form's error summary; a problem of the whole file (line 0) is that
 * message, else it counts the bad rows, which follow in the report: errs
 * sorted by line (stable), one ERROR row per problem (err_line,
 * err_column, err_reason, err_value), bad_rows, err_count and section
 * REPORT. */
void coll_report_errors(struct req *r, struct tdict *d, struct imp_errs *errs);

/* The file part "file" of a multipart POST, as UTF-8: sets *data and
 * *len and returns NULL, or returns the catalogue key of the problem (no
 * file, empty, neither UTF-8 nor GB18030) and sets nothing.  A file that
 * is not valid UTF-8 is read as GB18030 (Chinese Excel's "CSV") and
 * converted (core/charset.h): then *owned holds the converted text,
 * which *data points into, for the caller to free; else *owned is NULL. */
const char *coll_upload(const struct req *r, const char **data, size_t *len,
    char **owned);

#endif
