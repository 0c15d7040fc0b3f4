/* export.c: a table as a CSV or XLSX download (see export.h). */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/csv.h"
#include "core/db.h"
#include "core/error.h"
#include "core/export.h"
#include "core/money.h"
#include "core/log.h"
#include "core/xlsx.h"

#define XLSX_TYPE \
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

struct export {
	struct req *r;
	enum export_format fmt;
	const struct export_col *cols;
	size_t ncols, col;       /* the columns, the next cell's column */
	char filename[96];
	bool opened;             /* the response has started */
	struct csv_writer *csv;
	struct xlsx *xlsx;
};

/* Starts the response of a download. */
static int
open_response(struct export *e, const char *type, uint64_t length)
{
	char disp[160], len[32];
	int rc;

	snprintf(disp, sizeof(disp), "attachment; filename=\"%s\"",
	    e->filename);
	snprintf(len, sizeof(len), "%llu", (unsigned long long)length);
	if ((rc = http_header(e->r, "Content-Disposition", disp)) != 0 ||
	    (length > 0 && (rc = http_header(e->r, "Content-Length",
	    len)) != 0))
		return rc;
	e->opened = true;
	return http_open(e->r, 200, type);
}

/* The CSV writer's sink: the response, started at the first chunk. */
static int
csv_to_response(void *ctx, const char *buf, size_t len)
{
	struct export *e = ctx;
	int rc;

	if (!e->opened &&
	    (rc = open_response(e, "text/csv; charset=utf-8", 0)) != 0)
		return rc;
	if (strcmp(e->r->method, "HEAD") == 0)
		return 0;
	return http_write(e->r, buf, len);
}

static double
default_width(enum export_kind k)
{
	switch (k) {
	case EXPORT_TEXT: return 18;
	case EXPORT_MONEY: return 16;
	case EXPORT_DATE: return 12;
	case EXPORT_INT:
	case EXPORT_QTY:
	case EXPORT_PCT: return 10;
	}
	return 0;
}

enum export_format
export_format_of(const struct req *r)
{
	size_t n = strlen(r->path);

	return n > 5 && strcmp(r->path + n - 5, ".xlsx") == 0 ? EXPORT_XLSX :
	    EXPORT_CSV;
}

int
export_start(struct req *r, enum export_format fmt, const char *base,
    const char *sheet_key, const struct export_col *cols, size_t n,
    struct export **out)
{
	struct export *e;
	int rc = 0;

	*out = NULL;
	if ((e = calloc(1, sizeof(*e))) == NULL)
		return TC_ENOMEM;
	e->r = r;
	e->fmt = fmt;
	e->cols = cols;
	e->ncols = n;
	snprintf(e->filename, sizeof(e->filename), "%s.%s", base,
	    fmt == EXPORT_XLSX ? "xlsx" : "csv");
	if (fmt == EXPORT_CSV) {
		if ((e->csv = malloc(sizeof(*e->csv))) == NULL) {
			rc = TC_ENOMEM;
			goto out;
		}
		csv_init(e->csv, csv_to_response, e, CSV_BOM | CSV_SAFE);
		for (size_t c = 0; c < n; c++)
			csv_text(e->csv, cols[c].name);
		rc = csv_end(e->csv);
	} else {
		struct xlsx_col xc[64];
		const char *dir = getenv("TMPDIR");

		if (n > sizeof(xc) / sizeof(xc[0])) {
			rc = TC_EINVAL;
			goto out;
		}
		for (size_t c = 0; c < n; c++) {
			xc[c].header = tr(r, cols[c].label_key);
			xc[c].width = cols[c].width > 0 ? cols[c].width :
			    default_width(cols[c].kind);
		}
		rc = xlsx_open(dir != NULL && *dir != '\0' ? dir : "/tmp",
		    tr(r, sheet_key), xc, n, &e->xlsx);
	}
out:
	if (rc != 0) {
		export_free(e);
		return rc;
	}
	*out = e;
	return 0;
}

/* The kind of the next cell's column (text past the last column). */
static enum export_kind
next_kind(struct export *e)
{
	return e->col < e->ncols ? e->cols[e->col++].kind : EXPORT_TEXT;
}

int
export_text(struct export *e, const char *s)
{
	enum export_kind k = next_kind(e);

	if (e->csv != NULL)
		return k == EXPORT_TEXT || k == EXPORT_DATE ?
		    csv_text(e->csv, s) : csv_number(e->csv, s);
	return k == EXPORT_DATE ? xlsx_date(e->xlsx, s) : xlsx_text(e->xlsx, s);
}

int
export_money(struct export *e, int64_t fen)
{
	char buf[TC_MONEY_SIZE];

	next_kind(e);
	if (e->csv != NULL)
		return csv_number(e->csv, tc_money_str(buf, fen, false));
	return xlsx_number(e->xlsx, fen, 2, XLSX_AMOUNT);
}

int
export_int(struct export *e, int64_t v)
{
	char buf[32];

	next_kind(e);
	if (e->csv != NULL) {
		snprintf(buf, sizeof(buf), "%lld", (long long)v);
		return csv_number(e->csv, buf);
	}
	return xlsx_number(e->xlsx, v, 0, XLSX_GENERAL);
}

int
export_qty(struct export *e, int64_t milli)
{
	char buf[TC_MONEY_SIZE];

	next_kind(e);
	if (e->csv != NULL)
		return csv_number(e->csv, tc_qty_str(buf, milli));
	return xlsx_number(e->xlsx, milli, 3, XLSX_GENERAL);
}

int
export_pct(struct export *e, int64_t pct4)
{
	char buf[TC_MONEY_SIZE];

	next_kind(e);
	if (e->csv != NULL)
		return csv_number(e->csv, tc_pct_str(buf, pct4));
	return xlsx_number(e->xlsx, pct4, 4, XLSX_PERCENT);
}

int
export_null(struct export *e)
{
	next_kind(e);
	if (e->csv != NULL)
		return csv_text(e->csv, "");
	return xlsx_blank(e->xlsx);
}

int
export_end_row(struct export *e)
{
	e->col = 0;
	if (e->csv != NULL)
		return csv_end(e->csv);
	return xlsx_end_row(e->xlsx);
}

int
export_result(struct export *e, const struct dbres *res,
    export_text_fn shown, void *ctx)
{
	int rc = 0;

	for (size_t i = 0; i < dbres_rows(res) && rc == 0; i++) {
		for (size_t k = 0; k < e->ncols && rc == 0; k++) {
			const char *name = e->cols[k].name;

			if (dbres_null_col(res, i, name)) {
				rc = export_null(e);
				continue;
			}
			switch (e->cols[k].kind) {
			case EXPORT_MONEY:
				rc = export_money(e, dbres_money_col(res, i,
				    name));
				break;
			case EXPORT_INT:
				rc = export_int(e, dbres_int_col(res, i, name));
				break;
			default:
				rc = export_text(e, shown != NULL ? shown(ctx,
				    name, dbres_text_col(res, i, name)) :
				    dbres_text_col(res, i, name));
				break;
			}
		}
		if (rc == 0)
			rc = export_end_row(e);
	}
	return rc;
}

/* Sends the finished XLSX file. */
static int
send_file(struct export *e)
{
	char buf[65536];
	uint64_t size;
	ssize_t k = 0;
	int fd, rc;

	if ((rc = xlsx_finish(e->xlsx, &fd, &size)) != 0)
		return rc;
	if ((rc = open_response(e, XLSX_TYPE, size)) == 0 &&
	    strcmp(e->r->method, "HEAD") != 0)
		while ((k = read(fd, buf, sizeof(buf))) > 0)
			if ((rc = http_write(e->r, buf, (size_t)k)) != 0)
				break;
	if (rc == 0 && k < 0) {
		log_msg("xlsx: reading the finished file: %m");
		rc = TC_EIO;
	}
	close(fd);
	return rc;
}

int
export_finish(struct export *e)
{
	if (e->csv != NULL)
		return csv_flush(e->csv);
	return send_file(e);
}

void
export_free(struct export *e)
{
	if (e == NULL)
		return;
	free(e->csv);
	xlsx_free(e->xlsx);
	free(e);
}
