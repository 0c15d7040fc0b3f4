/* error.h: the project-wide error values.  Functions return 0 on success
 * or one of these (negative) on failure. */
#ifndef TC_CORE_ERROR_H
#define TC_CORE_ERROR_H

enum tc_err {
	TC_OK = 0,
	TC_ENOMEM = -1,     /* out of memory */
	TC_EINVAL = -2,     /* bad input, caller's fault */
	TC_EIO = -3,        /* reading or writing a file or stream failed */
	TC_EDB = -4,        /* the database failed or is unreachable */
	TC_EDIR = -5,       /* the directory (LDAP) failed or is unreachable */
	TC_ENOTFOUND = -6,  /* no such row, file or entry */
	TC_EDENIED = -7,    /* not allowed */
	TC_ETOOBIG = -8,    /* over a configured limit */
	TC_ECONFLICT = -9,  /* state changed under us, or a duplicate */
};

/* Returns a static English description of err (never NULL). */
const char *tc_strerror(int err);

#endif
