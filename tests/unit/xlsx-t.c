/* xlsx-t: a workbook written by core/xlsx reads back in openpyxl with
 * numbers as numbers (amounts shown to the fen), dates as dates, a
 * formula-looking text as text, a frozen header with a filter, the
 * column widths asked for; an unfinished workbook leaves no file. */
#include "config.h"

#include <check.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/error.h"
#include "core/xlsx.h"

static char dir[] = "/tmp/xlsx-t-XXXXXX";

/* Counts the files in dir. */
static int
files_in_dir(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

/* Copies fd to path, runs the reader on it, returns its output. */
static char *
read_back(int fd, const char *path)
{
	char buf[65536], cmd[512], *out = NULL;
	size_t n = 0;
	ssize_t k;
	FILE *f, *p;

	ck_assert_ptr_nonnull(f = fopen(path, "wb"));
	while ((k = read(fd, buf, sizeof(buf))) > 0)
		ck_assert_uint_eq(fwrite(buf, 1, (size_t)k, f), (size_t)k);
	fclose(f);
	/* Debian's python3, the one that sees python3-openpyxl. */
	snprintf(cmd, sizeof(cmd), "/usr/bin/python3 %s %s", TC_TEST_READ_XLSX,
	    path);
	ck_assert_ptr_nonnull(p = popen(cmd, "r"));
	while ((k = (ssize_t)fread(buf, 1, sizeof(buf), p)) > 0) {
		out = realloc(out, n + (size_t)k + 1);
		memcpy(out + n, buf, (size_t)k);
		n += (size_t)k;
		out[n] = '\0';
	}
	ck_assert_int_eq(pclose(p), 0);
	ck_assert_ptr_nonnull(out);
	return out;
}

#define HAS(out, line) ck_assert_msg(strstr((out), line "\n") != NULL, \
	"expected the line \"%s\" in:\n%s", line, (out))

START_TEST(cells_read_back_with_their_types)
{
	static const struct xlsx_col cols[] = {
		{ "订单号", 14 }, { "日期", 12 }, { "金额", 16 }, { "数量", 0 },
		{ "折扣", 10 }, { "件数", 0 }, { "备注", 30 },
	};
	struct xlsx *x = NULL;
	uint64_t size;
	char path[256], *out;
	int fd;

	ck_assert_int_eq(xlsx_open(dir, "订单", cols, 7, &x), 0);
	ck_assert_int_eq(xlsx_text(x, "E2E-1"), 0);
	ck_assert_int_eq(xlsx_date(x, "2026-01-31"), 0);
	ck_assert_int_eq(xlsx_number(x, 222221, 2, XLSX_AMOUNT), 0);
	ck_assert_int_eq(xlsx_number(x, 2000, 3, XLSX_GENERAL), 0);
	ck_assert_int_eq(xlsx_number(x, 100000, 4, XLSX_PERCENT), 0);
	ck_assert_int_eq(xlsx_number(x, 3, 0, XLSX_INTEGER), 0);
	ck_assert_int_eq(xlsx_text(x, "=1+2"), 0);
	ck_assert_int_eq(xlsx_end_row(x), 0);
	ck_assert_int_eq(xlsx_text(x, "E2E-1-R1"), 0);
	ck_assert_int_eq(xlsx_date(x, "2026-02-30"), 0);   /* not a date */
	ck_assert_int_eq(xlsx_number(x, -111111, 2, XLSX_AMOUNT), 0);
	ck_assert_int_eq(xlsx_number(x, -125, 3, XLSX_GENERAL), 0);
	ck_assert_int_eq(xlsx_number(x, 0, 4, XLSX_PERCENT), 0);
	ck_assert_int_eq(xlsx_number(x, 1234567, 0, XLSX_INTEGER), 0);
	ck_assert_int_eq(xlsx_blank(x), 0);
	/* one cell more than the sheet's columns is refused */
	ck_assert_int_eq(xlsx_text(x, "extra"), TC_ETOOBIG);
	ck_assert_int_eq(xlsx_end_row(x), 0);
	ck_assert_uint_eq(xlsx_rows(x), 2);
	ck_assert_int_eq(xlsx_finish(x, &fd, &size), 0);
	xlsx_free(x);
	ck_assert_uint_gt(size, 1000);
	ck_assert_int_eq(files_in_dir(), 0);    /* the temporary is unlinked */
	snprintf(path, sizeof(path), "%s/read.xlsx", dir);
	out = read_back(fd, path);
	close(fd);
	unlink(path);
	HAS(out, "sheet 订单");
	HAS(out, "freeze A2");
	HAS(out, "filter A1:G3");
	HAS(out, "cell A1 s General 订单号");
	HAS(out, "cell G1 s General 备注");
	HAS(out, "cell A2 s General E2E-1");
	HAS(out, "cell B2 d yyyy-mm-dd 2026-01-31");
	HAS(out, "cell C2 n #,##0.00 2222.21");
	HAS(out, "cell D2 n General 2");
	HAS(out, "cell E2 n 0.00% 0.1");
	HAS(out, "cell F2 n #,##0 3");
	HAS(out, "cell G2 s General =1+2");
	HAS(out, "cell B3 s General 2026-02-30");
	HAS(out, "cell C3 n #,##0.00 -1111.11");
	HAS(out, "cell D3 n General -0.125");
	HAS(out, "cell E3 n 0.00% 0");
	HAS(out, "cell F3 n #,##0 1234567");
	ck_assert_msg(strstr(out, "cell G3") == NULL, "G3 is blank:\n%s", out);
	/* widths: those given (plus Excel's padding), none where 0 was asked */
	HAS(out, "width A 14.7109");
	HAS(out, "width G 30.7109");
	ck_assert_msg(strstr(out, "width D ") == NULL, "%s", out);
	free(out);
}
END_TEST

/* A translated title past Excel's 31 characters, or with a character a
 * sheet name may not hold, still makes a workbook (it failed the English
 * reconciliation export with 500). */
START_TEST(a_sheet_name_excel_refuses_is_made_one_it_takes)
{
	static const struct xlsx_col cols[] = { { "a", 0 } };
	static const char *const names[][2] = {
		{ "Accrual and reconciliation by rep", "Accrual and reconciliation by r" },
		{ "Sales: by team [2026/01]?", "Sales  by team  2026 01" },
		{ "'quoted'", "quoted" },
		{ "计提与核对（按销售人员）计提与核对（按销售人员）计提与核对（按销售人员）",
		  "计提与核对（按销售人员）计提与核对（按销售人员）计提与核对（按" },
		{ "::", "Sheet1" },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		struct xlsx *x = NULL;
		uint64_t size;
		char path[256], want[256], *out;
		int fd;

		ck_assert_int_eq(xlsx_open(dir, names[i][0], cols, 1, &x), 0);
		ck_assert_int_eq(xlsx_text(x, "row"), 0);
		ck_assert_int_eq(xlsx_end_row(x), 0);
		ck_assert_msg(xlsx_finish(x, &fd, &size) == 0, "%s", names[i][0]);
		xlsx_free(x);
		snprintf(path, sizeof(path), "%s/name.xlsx", dir);
		out = read_back(fd, path);
		close(fd);
		unlink(path);
		snprintf(want, sizeof(want), "sheet %s\n", names[i][1]);
		ck_assert_msg(strstr(out, want) != NULL, "expected %s in:\n%s",
		    want, out);
		free(out);
	}
}
END_TEST

START_TEST(an_unfinished_workbook_leaves_no_file)
{
	static const struct xlsx_col cols[] = { { "a", 0 } };
	struct xlsx *x = NULL;

	ck_assert_int_eq(xlsx_open(dir, "s", cols, 1, &x), 0);
	ck_assert_int_ge(files_in_dir(), 1);
	ck_assert_int_eq(xlsx_text(x, "row"), 0);
	xlsx_free(x);
	ck_assert_int_eq(files_in_dir(), 0);
	xlsx_free(NULL);
}
END_TEST

START_TEST(an_unwritable_folder_is_an_io_error)
{
	static const struct xlsx_col cols[] = { { "a", 0 } };
	struct xlsx *x = (struct xlsx *)1;

	ck_assert_int_eq(xlsx_open("/nonexistent/folder", "s", cols, 1, &x),
	    TC_EIO);
	ck_assert_ptr_null(x);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("xlsx");
	TCase *tc = tcase_create("xlsx");
	SRunner *sr;

	if (mkdtemp(dir) == NULL) {
		perror(dir);
		return 1;
	}
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, cells_read_back_with_their_types);
	tcase_add_test(tc, a_sheet_name_excel_refuses_is_made_one_it_takes);
	tcase_add_test(tc, an_unfinished_workbook_leaves_no_file);
	tcase_add_test(tc, an_unwritable_folder_is_an_io_error);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_fork_status(sr, CK_NOFORK);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	rmdir(dir);
	return 0;
}
