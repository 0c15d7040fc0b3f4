/* form.h: typed form validation, kcgi style.
 *
 * A form declares its fields once:
 *
 *   enum login_field { LOGIN_USER, LOGIN_PASS, LOGIN_NEXT, LOGIN__MAX };
 *   static const struct field login_fields[LOGIN__MAX] = {
 *     [LOGIN_USER] = { "user", form_login, 1, 0, 0, "err_login", NULL },
 *     [LOGIN_PASS] = { "password", form_text, 1, 1, 256, "err_password", NULL },
 *     [LOGIN_NEXT] = { "next", form_return_path, 0, 0, 0, "err_next", NULL },
 *   };
 *
 * form_validate() then gives, per field, the raw input (to re-show the
 * form), the parsed value and an error code plus message key.  Handlers
 * only read parsed values.  Checks that need more than the field itself
 * (a code already taken, a customer out of scope) mark the field with
 * form_set_error(), so that every error reaches the page the same way:
 * core/formview.h shows a validated form.
 *
 * Repeated fields are validated per value with the same table: the rows
 * of a table of lines (inputs product_1, qty_1, ... product_2, ...) with
 * form_validate_row(), repeated inputs of one name (several "rep") with
 * form_validate_nth().  Nothing is copied into fixed-size buffers: a value
 * too long for its field is refused (TC_ETOO_LONG), never cut.
 *
 * Validators are pure: int v(const struct field *, const char *in,
 * struct form_value *out) returns 0 (out filled) or a negative error of
 * core/error.h (TC_EREQUIRED, TC_EFORMAT, TC_ETOO_SHORT, TC_ETOO_LONG,
 * TC_ERANGE, TC_ECONTROL).  in is NUL-terminated, already trimmed of
 * surrounding blanks.
 */
#ifndef TC_CORE_FORM_H
#define TC_CORE_FORM_H

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/request.h"

struct field;

/* What a validator produced.  s points at the validated (trimmed) text,
 * owned by the struct form (or by the caller's input when the validator
 * is called directly).  i is the typed value:
 *   form_int: the integer; form_money: fen; form_percent: value x 10^4;
 *   form_date: yyyymmdd; form_month: yyyymm; form_oneof: index into
 *   choices; text validators: length in characters. */
struct form_value {
	const char *s;
	int64_t i;
};

typedef int (*form_validator)(const struct field *f, const char *in,
    struct form_value *out);

/* One declared field.  min/max: characters for text, value for int, fen
 * for money, scaled value for percent, yyyymmdd / yyyymm for dates; both 0
 * means "no bounds beyond the type's own" (text then allows 1..1000
 * characters, multi-line text 1..20000).  msg is the catalogue key of the
 * message shown next to the input when the value is refused.  choices is
 * a NULL-terminated list of codes for form_oneof.  (The names of the
 * fields, for the error summary, are the form view's: core/formview.h.) */
struct field {
	const char *name;
	form_validator valid;
	int required;
	int64_t min;
	int64_t max;
	const char *msg;
	const char *const *choices;
};

/* The outcome for one field. */
struct form_entry {
	char *raw;          /* exactly what came (first value), "" if absent */
	char *buf;          /* trimmed working copy; v.s points into it */
	int present;        /* non-empty after trimming */
	int err;            /* 0 or a TC_E* error of the field */
	const char *msg;    /* the message key when err != 0 */
	char *detail;       /* NULL, or text shown after the message */
	struct form_value v;/* valid only when present && !err */
};

/* A validated form: e[k] belongs to fields[k].  row is 0 for a form read
 * by form_validate (inputs named as the fields), else the 1-based row
 * that form_validate_row or form_validate_nth read. */
struct form {
	const struct field *fields;
	size_t n;
	struct form_entry *e;
	size_t nerr;        /* fields with err != 0 */
	size_t row;
};

/* Validates every field of fields[0..n) against the first value of the
 * same name in in (in may be NULL: every field absent).  Fills *out,
 * which the caller frees with form_free() whatever the result.  Returns 0
 * when every field is valid, TC_EINVAL when some field is not (see
 * out->nerr and each entry's err/msg), TC_ENOMEM on memory failure. */
int form_validate(struct form *out, const struct field *fields, size_t n,
    const struct req_fields *in);

/* As form_validate, for row row (>= 1) of a table of repeated fields:
 * field "qty" reads input "qty_<row>".  out->row = row. */
int form_validate_row(struct form *out, const struct field *fields,
    size_t n, const struct req_fields *in, size_t row);

/* As form_validate, reading the nth (0-based) value of each field's name
 * (the inputs of one name repeated in a table: "rep", "rep", ...); a
 * field with fewer values is absent.  out->row = nth + 1. */
int form_validate_nth(struct form *out, const struct field *fields,
    size_t n, const struct req_fields *in, size_t nth);

/* Marks field k of a validated form invalid with message key msg (the
 * field's own message when NULL) and, when detail is not NULL, a copy of
 * detail shown after it (e.g. the sum that is wrong).  A field already
 * invalid keeps its first error.  For what a validator cannot see: a code
 * already taken, a row out of the person's scope, a rule across fields.
 * Returns 0 or TC_ENOMEM. */
int form_set_error(struct form *f, size_t k, const char *msg,
    const char *detail);

/* Reads field k of a validated form as absent, whatever came: for an
 * input the form does not offer in this mode (a code that never changes
 * once set, an owner only a manager picks).  Accepts k >= f->n. */
void form_ignore(struct form *f, size_t k);

/* Whether any field of f is invalid. */
static inline int
form_has_errors(const struct form *f)
{
	return f != NULL && f->nerr > 0;
}

/* Whether field k was given (non-blank), valid or not. */
int form_present(const struct form *f, size_t k);

/* Returns the input of field k exactly as it came ("" if absent).
 * Borrowed from f. */
const char *form_raw(const struct form *f, size_t k);

/* Frees what form_validate stored in f (not f itself).  Accepts NULL. */
void form_free(struct form *f);

/* Returns the parsed text of field k, or NULL when absent or invalid.
 * Borrowed from f. */
const char *form_str(const struct form *f, size_t k);

/* Returns the typed value of field k, or def when absent or invalid. */
int64_t form_int(const struct form *f, size_t k, int64_t def);

/* Checks one value against one field as form_validate would (trimming
 * blanks, honouring required).  For repeated fields (several "rep"):
 * iterate req_next() and call this per value.  Returns 0 (out filled;
 * out->s is NULL for an absent optional field) or the field's error;
 * *scratch receives an allocated trimmed copy the caller frees (NULL on
 * TC_ENOMEM). */
int form_check(const struct field *f, const char *raw, char **scratch,
    struct form_value *out);

/* Returns the short name of a field's error, for building a catalogue
 * key ("list_err_%s"): "required", "invalid", "too_short", "too_long",
 * "range", "control"; "invalid" for any other error.  Static. */
const char *form_error_key(int err);

/* --- Validators (see struct form_value for what out->i holds) --- */

/* Single-line UTF-8 text, min..max characters, no control characters. */
int form_text(const struct field *, const char *, struct form_value *);
/* Multi-line text: as form_text but TAB, CR and LF allowed. */
int form_text_multiline(const struct field *, const char *, struct form_value *);
/* Login name: ASCII letters, digits, '.', '_', '-', 1..64 characters. */
int form_login(const struct field *, const char *, struct form_value *);
/* A code (an order number, a reference): ASCII letters, digits, '.', '_',
 * '-', 1..max characters (the field's max, 64 when it sets none);
 * TC_ETOO_LONG when longer.  out->i is its length. */
int form_code(const struct field *, const char *, struct form_value *);
/* E-mail address: ASCII local@domain.tld, at most 254 characters. */
int form_email(const struct field *, const char *, struct form_value *);
/* Decimal integer with optional '-', no overflow, within [min, max]. */
int form_int64(const struct field *, const char *, struct form_value *);
/* CNY amount to the fen ("1234.5", "-80.00"): at most 2 decimals, no
 * exponent, no thousands separators; out->i in fen, within [min, max]. */
int form_money(const struct field *, const char *, struct form_value *);
/* Percent with up to 4 decimals ("12.5" -> 125000), within [min, max]. */
int form_percent(const struct field *, const char *, struct form_value *);
/* Calendar date YYYY-MM-DD (core/date.h: a real date, years TC_YEAR_MIN
 * ..TC_YEAR_MAX); out->i = yyyymmdd, within [min, max]. */
int form_date(const struct field *, const char *, struct form_value *);
/* Month YYYY-MM (a month's period label, core/date.h); out->i = yyyymm,
 * within [min, max]. */
int form_month(const struct field *, const char *, struct form_value *);
/* One of f->choices exactly; out->i = its index. */
int form_oneof(const struct field *, const char *, struct form_value *);
/* Local redirect target: starts with one '/', not "//", no '\\', no
 * control characters or spaces, valid UTF-8, at most 2048 bytes. */
int form_return_path(const struct field *, const char *, struct form_value *);

#endif
