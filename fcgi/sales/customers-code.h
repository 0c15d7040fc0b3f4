/* customers-code.h: pure helpers of the customers area (no I/O): the
 * customer code (given, or generated as C000123) and the cleaning of
 * customer names used to store them and to find duplicates. */
#ifndef TC_SALES_CUSTOMERS_CODE_H
#define TC_SALES_CUSTOMERS_CODE_H

#include <stddef.h>
#include <stdint.h>

#define CUST_CODE_MAX 32

/* Whether s is a valid customer code: 1..32 of A-Z, a-z, 0-9, '_', '-'. */
int cust_code_valid(const char *s);

/* When code is a generated code ("C" and 6 to 18 digits), stores its
 * number in *seq and returns 1; otherwise returns 0 (NULL too). */
int cust_code_seq(const char *code, int64_t *seq);

/* Writes the generated code of number seq ("C000123"; more digits when
 * needed) into buf of len bytes.  Returns 0, or -1 when seq < 1 or buf is
 * too small. */
int cust_code_make(char *buf, size_t len, int64_t seq);

/* The code that follows the highest generated code max_code (NULL or not
 * a generated code: "C000001").  Returns 0 or -1 as cust_code_make. */
int cust_code_next(char *buf, size_t len, const char *max_code);

/* Copies the UTF-8 name in to out (len bytes): blanks (ASCII white space
 * and U+3000) trimmed at both ends and each inner run replaced by one
 * space.  Returns the length written, or -1 when out is too small. */
long cust_name_clean(const char *in, char *out, size_t len);

/* As cust_name_clean, then ASCII letters lower-cased: two names are the
 * same customer name when their keys are equal.  Returns as above. */
long cust_name_key(const char *in, char *out, size_t len);

#endif
