/* xlsx.h: a one-sheet spreadsheet (.xlsx) written with Debian's
 * libxlsxwriter into a temporary file, row after row in constant memory,
 * then handed over as an open file to send.
 *
 * The sheet has a bold header row that stays in view (frozen) with an
 * autofilter, and column widths.  Numbers are numbers: an amount is a
 * number shown to the fen (#,##0.00), a quantity a number, a percent a
 * fraction shown as a percent, a date an Excel date shown yyyy-mm-dd.
 * A text cell is always a string, never a formula, so a value starting
 * with '=' stays text.
 *
 * Excel keeps numbers as IEEE doubles: an amount of fen becomes the
 * double nearest fen / 100, exactly what Excel stores when the figure is
 * typed in.  Nothing is computed on those doubles here. */
#ifndef TC_CORE_XLSX_H
#define TC_CORE_XLSX_H

#include <stddef.h>
#include <stdint.h>

/* How a number cell is shown. */
enum xlsx_format {
	XLSX_GENERAL,   /* as Excel chooses ("12", "0.125") */
	XLSX_AMOUNT,    /* #,##0.00 */
	XLSX_PERCENT,   /* 0.00% (the cell holds the fraction) */
	XLSX_INTEGER,   /* #,##0 */
};

struct xlsx_col {
	const char *header;
	double width;          /* in characters; 0 for Excel's default */
};

struct xlsx;

/* Starts a workbook in a new temporary file under dir, with one sheet
 * named sheet and the header row of cols[0..n).  Returns 0 and sets *out
 * (free with xlsx_free), or TC_EIO (the file cannot be created) or
 * TC_ENOMEM; *out is then NULL. */
int xlsx_open(const char *dir, const char *sheet, const struct xlsx_col *cols,
    size_t n, struct xlsx **out);

/* Append one cell to the current row: a string (NULL: empty), the number
 * v / 10^scale shown with format, a date "YYYY-MM-DD" (written as text
 * when it is not a real date), or nothing.  Return 0, TC_ETOOBIG past
 * Excel's 1,048,576 rows or the sheet's columns, or TC_EIO. */
int xlsx_text(struct xlsx *x, const char *s);
int xlsx_number(struct xlsx *x, int64_t v, int scale, enum xlsx_format format);
int xlsx_date(struct xlsx *x, const char *ymd);
int xlsx_blank(struct xlsx *x);

/* Ends the current row.  Returns 0 or TC_ETOOBIG. */
int xlsx_end_row(struct xlsx *x);

/* Data rows written so far (the header not counted). */
size_t xlsx_rows(const struct xlsx *x);

/* Finishes the file and returns it open for reading at its start in *fd
 * (the caller closes it; its name is already unlinked) and its size in
 * *size.  Returns 0, TC_EIO or TC_ENOMEM.  Call once, then xlsx_free. */
int xlsx_finish(struct xlsx *x, int *fd, uint64_t *size);

/* Frees x and removes its file when it was not finished.  Accepts
 * NULL. */
void xlsx_free(struct xlsx *x);

#endif
