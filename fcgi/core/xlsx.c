/* xlsx.c: one-sheet workbooks on libxlsxwriter (see xlsx.h). */
#include "config.h"

#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/error.h"
#include "core/log.h"
#include "core/xlsx.h"

struct xlsx {
	char *path;                /* the temporary file */
	bool linked;               /* path still names it */
	lxw_workbook *wb;          /* NULL once closed */
	lxw_worksheet *ws;
	lxw_format *fmt[XLSX_INTEGER + 1], *date, *header;
	size_t ncols;
	lxw_row_t row;             /* the row being written (0: the header) */
	lxw_col_t col;             /* the next cell of that row */
};

/* Excel's limits on a sheet name (libxlsxwriter refuses any other):
 * at most 31 characters, none of []:*?/\, no apostrophe at either end. */
#define SHEET_NAME_MAX 31

/* Writes into out (size bytes) the name sheet as Excel takes it: each forbidden character a space, cut after
 * 31 characters (UTF-8), an apostrophe at either end dropped; "Sheet1"
 * when nothing is left.  A translated title longer than Excel allows
 * ("Accrual and reconciliation by rep") is a shorter name, not a failed
 * export. */
static void
sheet_name(const char *sheet, char *out, size_t size)
{
	size_t n = 0, chars = 0;

	for (const unsigned char *p = (const unsigned char *)sheet;
	    *p != '\0' && n + 1 < size; p++) {
		if ((*p & 0xc0) != 0x80 && chars++ == SHEET_NAME_MAX)
			break;
		out[n++] = strchr("[]:*?/\\", *p) != NULL ? ' ' : (char)*p;
	}
	while (n > 0 && (out[n - 1] == '\'' || out[n - 1] == ' '))
		n--;
	out[n] = '\0';
	if (out[0] == '\'')
		memmove(out, out + 1, n--);
	if (n == 0)
		strcpy(out, "Sheet1");
}

int
xlsx_open(const char *dir, const char *sheet, const struct xlsx_col *cols,
    size_t n, struct xlsx **out)
{
	static const char *const numfmt[] = { [XLSX_AMOUNT] = "#,##0.00",
	    [XLSX_PERCENT] = "0.00%", [XLSX_INTEGER] = "#,##0" };
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE };
	char name[SHEET_NAME_MAX * 4 + 1];
	struct xlsx *x;
	int fd, rc = TC_ENOMEM;

	*out = NULL;
	if (n == 0 || n > LXW_COL_MAX)
		return TC_EINVAL;
	if ((x = calloc(1, sizeof(*x))) == NULL ||
	    asprintf(&x->path, "%s/ticheng-export-XXXXXX", dir) < 0) {
		free(x);
		return TC_ENOMEM;
	}
	if ((fd = mkstemp(x->path)) < 0) {
		log_msg("xlsx: cannot create a file in %s: %m", dir);
		free(x->path);
		free(x);
		return TC_EIO;
	}
	close(fd);
	x->linked = true;
	opt.tmpdir = (char *)dir;
	x->ncols = n;
	sheet_name(sheet, name, sizeof(name));
	if ((x->wb = workbook_new_opt(x->path, &opt)) == NULL ||
	    (x->ws = workbook_add_worksheet(x->wb, name)) == NULL)
		goto fail;
	for (int f = XLSX_AMOUNT; f <= XLSX_INTEGER; f++) {
		if ((x->fmt[f] = workbook_add_format(x->wb)) == NULL)
			goto fail;
		format_set_num_format(x->fmt[f], numfmt[f]);
	}
	if ((x->date = workbook_add_format(x->wb)) == NULL ||
	    (x->header = workbook_add_format(x->wb)) == NULL)
		goto fail;
	format_set_num_format(x->date, "yyyy-mm-dd");
	format_set_bold(x->header);
	format_set_bottom(x->header, LXW_BORDER_THIN);
	/* Widths before any row: constant-memory mode writes rows at once. */
	for (size_t c = 0; c < n; c++)
		if (cols[c].width > 0 && worksheet_set_column(x->ws, (lxw_col_t)c,
		    (lxw_col_t)c, cols[c].width, NULL) != LXW_NO_ERROR)
			goto fail;
	worksheet_freeze_panes(x->ws, 1, 0);
	for (size_t c = 0; c < n; c++)
		if (worksheet_write_string(x->ws, 0, (lxw_col_t)c,
		    cols[c].header, x->header) != LXW_NO_ERROR) {
			rc = TC_EIO;
			goto fail;
		}
	x->row = 1;
	*out = x;
	return 0;
fail:
	xlsx_free(x);
	return rc;
}

/* The cell the next value goes to, or an error. */
static int
next_cell(struct xlsx *x, lxw_col_t *col)
{
	if (x->wb == NULL)
		return TC_EINVAL;
	if (x->row >= LXW_ROW_MAX || x->col >= x->ncols)
		return TC_ETOOBIG;
	*col = x->col++;
	return 0;
}

static int
lxw_rc(lxw_error e)
{
	if (e == LXW_NO_ERROR)
		return 0;
	if (e == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE)
		return TC_ETOOBIG;
	log_msg("xlsx: %s", lxw_strerror(e));
	return e == LXW_ERROR_MEMORY_MALLOC_FAILED ? TC_ENOMEM : TC_EIO;
}

int
xlsx_text(struct xlsx *x, const char *s)
{
	lxw_col_t c;
	int rc;

	if ((rc = next_cell(x, &c)) != 0)
		return rc;
	if (s == NULL || *s == '\0')
		return 0;
	return lxw_rc(worksheet_write_string(x->ws, x->row, c, s, NULL));
}

int
xlsx_number(struct xlsx *x, int64_t v, int scale, enum xlsx_format format)
{
	double d = (double)v, div = 1;
	lxw_col_t c;
	int rc;

	if ((rc = next_cell(x, &c)) != 0)
		return rc;
	if (format == XLSX_PERCENT)
		scale += 2;
	for (int i = 0; i < scale; i++)
		div *= 10;
	/* One division of exact integers: the double nearest the decimal. */
	d /= div;
	return lxw_rc(worksheet_write_number(x->ws, x->row, c, d,
	    format == XLSX_GENERAL ? NULL : x->fmt[format]));
}

/* Whether y-m-d is a date of the Gregorian calendar Excel can hold. */
static bool
real_date(int y, int m, int d)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
	    31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= days[m - 1] + (m == 2 && leap);
}

int
xlsx_date(struct xlsx *x, const char *ymd)
{
	lxw_datetime dt = { 0 };
	char tail;

	if (ymd == NULL || strlen(ymd) != 10 || sscanf(ymd, "%4d-%2d-%2d%c",
	    &dt.year, &dt.month, &dt.day, &tail) != 3 ||
	    !real_date(dt.year, dt.month, dt.day))
		return xlsx_text(x, ymd);

	lxw_col_t c;
	int rc;

	if ((rc = next_cell(x, &c)) != 0)
		return rc;
	return lxw_rc(worksheet_write_datetime(x->ws, x->row, c, &dt,
	    x->date));
}

int
xlsx_blank(struct xlsx *x)
{
	lxw_col_t c;

	return next_cell(x, &c);
}

int
xlsx_end_row(struct xlsx *x)
{
	if (x->row >= LXW_ROW_MAX)
		return TC_ETOOBIG;
	x->row++;
	x->col = 0;
	return 0;
}

size_t
xlsx_rows(const struct xlsx *x)
{
	return x->row - 1;
}

int
xlsx_finish(struct xlsx *x, int *fd, uint64_t *size)
{
	lxw_error e;
	struct stat st;
	int rc;

	*fd = -1;
	*size = 0;
	if (x->wb == NULL)
		return TC_EINVAL;
	if (x->row > 1 && (rc = lxw_rc(worksheet_autofilter(x->ws, 0, 0,
	    x->row - 1, (lxw_col_t)(x->ncols - 1)))) != 0)
		return rc;
	e = workbook_close(x->wb);
	x->wb = NULL;
	if (e != LXW_NO_ERROR)
		return lxw_rc(e);
	if ((*fd = open(x->path, O_RDONLY | O_CLOEXEC)) < 0 ||
	    fstat(*fd, &st) != 0) {
		log_msg("xlsx: %s: %m", x->path);
		if (*fd >= 0)
			close(*fd);
		*fd = -1;
		return TC_EIO;
	}
	unlink(x->path);
	x->linked = false;
	*size = (uint64_t)st.st_size;
	return 0;
}

void
xlsx_free(struct xlsx *x)
{
	if (x == NULL)
		return;
	if (x->wb != NULL)
		lxw_workbook_free(x->wb);
	if (x->linked)
		unlink(x->path);
	free(x->path);
	free(x);
}
