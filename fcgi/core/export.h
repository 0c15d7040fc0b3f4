/* export.h: a table sent as a download, CSV or XLSX, from one
 * description of its columns, so that both formats hold the same rows.
 *
 *   static const struct export_col cols[] = {
 *     { "order_id", "sales_order_no", EXPORT_TEXT, 14 },
 *     { "amount", "sales_amount", EXPORT_MONEY, 0 },
 *   };
 *   export_start(r, fmt, "orders", "ord_list_title", cols, 2, &e);
 *   ... for each row read (db_each): export_text(e, ...);
 *       export_money(e, fen); export_end_row(e);
 *   export_finish(e); export_free(e);
 *
 * CSV: streamed to the response as the rows come (core/csv), UTF-8 with
 * a BOM for Excel, spreadsheet-safe (a text cell that a spreadsheet would
 * run as a formula is prefixed with "'"; numbers stay numbers), headed by
 * the columns' names (the machine names that the imports and ticheng-calc
 * read).  Nothing is sent before the first 8 KB or the end, so a failure
 * before that still gets an error page.
 *
 * XLSX: written to a temporary file (core/xlsx) and sent when complete,
 * headed by the columns' labels in the reader's language; amounts,
 * quantities, percents and counts as numbers, dates as dates. */
#ifndef TC_CORE_EXPORT_H
#define TC_CORE_EXPORT_H

#include <stddef.h>
#include <stdint.h>

#include "core/app.h"

enum export_format { EXPORT_CSV, EXPORT_XLSX };

enum export_kind {
	EXPORT_TEXT,    /* export_text */
	EXPORT_INT,     /* export_int: a count, an id */
	EXPORT_MONEY,   /* export_money: fen, "1234.50" / 1,234.50 */
	EXPORT_QTY,     /* export_qty: thousandths, "0.125" */
	EXPORT_PCT,     /* export_pct: percent x 10^4, "12.5" / 12.50% */
	EXPORT_DATE,    /* export_text("YYYY-MM-DD") */
};

struct export_col {
	const char *name;        /* CSV header: "order_id" */
	const char *label_key;   /* XLSX header: catalogue key */
	enum export_kind kind;
	int width;               /* XLSX width in characters, 0 by kind */
};

struct export;

/* Starts an export of the columns cols[0..n) (which must outlive it) as
 * file base.csv or base.xlsx, the XLSX sheet named by sheet_key's
 * translation.  Returns 0 and sets *out (free with export_free), or a
 * tc_err (*out NULL). */
int export_start(struct req *r, enum export_format fmt, const char *base,
    const char *sheet_key, const struct export_col *cols, size_t n,
    struct export **out);

/* The format the request asks for: a path ending in ".xlsx" is XLSX,
 * anything else CSV. */
enum export_format export_format_of(const struct req *r);

/* Append one cell of the current row, as its column's kind says.  A text
 * given to a number column is written as text.  Return 0 or a tc_err
 * (TC_EIO when the client went away, TC_ETOOBIG past Excel's rows). */
int export_text(struct export *e, const char *s);
int export_money(struct export *e, int64_t fen);
int export_int(struct export *e, int64_t v);
int export_qty(struct export *e, int64_t milli);
int export_pct(struct export *e, int64_t pct4);
int export_null(struct export *e);

/* Appends every row of res, one cell per column of the export, read
 * from res's column of the same name (the query names its columns as
 * the CSV header: "SELECT ... AS amount_payable"); a NULL is an empty
 * cell, EXPORT_MONEY and EXPORT_INT columns are read as such, any other
 * kind as text, as shown(ctx, column, value) returns it when shown is
 * not NULL (a code shown by its name in the reader's language).
 * Returns 0 or a tc_err, as the cells do. */
struct dbres;
typedef const char *(*export_text_fn)(void *ctx, const char *col,
    const char *value);
int export_result(struct export *e, const struct dbres *res,
    export_text_fn shown, void *ctx);

/* Ends the current row.  Returns 0 or a tc_err. */
int export_end_row(struct export *e);

/* Sends what is left (CSV) or the whole file (XLSX).  Returns 0 or a
 * tc_err. */
int export_finish(struct export *e);

/* Frees e (and an unfinished XLSX file).  Accepts NULL. */
void export_free(struct export *e);

#endif
