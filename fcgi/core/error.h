/* error.h: the one error enum of ticheng.  Every function that can fail
 * returns 0 on success or one of these (negative) values, in the web core,
 * the modules, the commission engine and the command-line tools alike.
 * tc_strerror() names each of them.  The values are grouped by the layer
 * that reports them; a caller may compare with any of them. */
#ifndef TC_CORE_ERROR_H
#define TC_CORE_ERROR_H

enum tc_err {
	TC_OK = 0,

	/* Anywhere. */
	TC_ENOMEM = -1,     /* out of memory */
	TC_EINVAL = -2,     /* bad input, caller's fault */
	TC_EIO = -3,        /* reading or writing a file or stream failed */
	TC_EDB = -4,        /* the database failed or is unreachable */
	TC_EDIR = -5,       /* the directory (LDAP) failed or is unreachable */
	TC_ENOTFOUND = -6,  /* no such row, file or entry */
	TC_EDENIED = -7,    /* not allowed */
	TC_ETOOBIG = -8,    /* too large: over a configured limit, or a
			     * figure that does not fit */
	TC_ECONFLICT = -9,  /* state changed under us, or a duplicate */

	/* Request parsing (core/request); req_status() gives the HTTP
	 * status: 413 for the two "too large", 415 for the media type,
	 * 400 for the others. */
	TC_EBODY_TOO_LARGE = -101,   /* body (or query) over max_body */
	TC_EFILE_TOO_LARGE = -102,   /* a file part over max_file */
	TC_ETOO_MANY_FIELDS = -103,  /* more than max_fields fields */
	TC_ENAME_TOO_LONG = -104,    /* a field name over max_name */
	TC_EVALUE_TOO_LONG = -105,   /* a field value over max_value */
	TC_EBAD_ESCAPE = -106,       /* '%' not followed by two hex digits */
	TC_EBAD_UTF8 = -107,         /* invalid UTF-8 (or NUL) in text */
	TC_EBAD_MEDIA_TYPE = -108,   /* body neither urlencoded nor multipart */
	TC_ENO_BOUNDARY = -109,      /* multipart without a usable boundary */
	TC_EMULTIPART = -110,        /* malformed multipart structure */
	TC_ENO_FINAL_BOUNDARY = -111,/* multipart body ends without --boundary-- */
	TC_EHEADER_TOO_LONG = -112,  /* part header line (or count) over limit */
	TC_EBAD_DISPOSITION = -113,  /* part without form-data; name="..." */

	/* Form fields (core/form). */
	TC_EREQUIRED = -201,  /* required field empty or absent */
	TC_EFORMAT = -202,    /* not of the field's type or format */
	TC_ETOO_SHORT = -203, /* text shorter than min characters */
	TC_ETOO_LONG = -204,  /* text longer than max characters */
	TC_ERANGE = -205,     /* number, money or date outside [min, max] */
	TC_ECONTROL = -206,   /* control character in text */

	/* Figures and dates (core/decimal, core/date). */
	TC_ENOTNUM = -301,    /* not a plain decimal */
	TC_EDECIMALS = -302,  /* more decimals than the kind allows */
	TC_ENOTPCT = -303,    /* a percent without its '%' */
	TC_ENOTDATE = -304,   /* not a real calendar date YYYY-MM-DD */
	TC_ENOTPERIOD = -305, /* not a period label (2026-07, 2026-Q3, 2026) */

	/* The split field "alice:60|bob:40" (core/split). */
	TC_ESPLIT_EMPTY = -401,      /* no rep at all */
	TC_ESPLIT_TOO_MANY = -402,   /* more reps than the caller allows */
	TC_ESPLIT_NO_SHARE = -403,   /* a rep of a split without ":share" */
	TC_ESPLIT_NO_NAME = -404,    /* an empty rep name */
	TC_ESPLIT_BAD_NAME = -405,   /* a rep name containing ':' or '|' */
	TC_ESPLIT_SHARE = -406,      /* a share that is not a decimal with at
				      * most 4 decimals */
	TC_ESPLIT_NOT_POSITIVE = -407,/* a share of 0 or less */
	TC_ESPLIT_DUPLICATE = -408,  /* the same rep twice */
	TC_ESPLIT_SUM = -409,        /* shares not summing to exactly 100 */
};

/* Returns a static English description of err (never NULL), fit to end
 * a message: "not a number", "too many decimals".  An unknown value
 * gives "unknown error". */
const char *tc_strerror(int err);

#endif
