/* formview.h: the one way a form shows its values and its errors.
 *
 * A handler validates its input with core/form (form_validate, or
 * form_validate_row / form_validate_nth for repeated fields), marks what
 * only it can check with form_set_error, and hands the result to
 * form_show.  The template then follows one convention for every field
 * named "foo" (fields[k].name) shown in a dictionary:
 *
 *   {{foo}}               the value exactly as it was typed
 *   {{#FOO_ERROR}}        shown when the value was refused, with
 *     {{error}}           the message, in the reader's language
 *     {{error_id}}        the message's element id: "foo-error", or
 *                         "foo_3-error" in row 3 of a table of rows
 *   {{/FOO_ERROR}}
 *
 * The input's own id is the field's name ("foo"), or "foo_<row>" in a
 * row (the template writes id="foo_{{n}}"); the summary links to it:
 *
 *   <input id="foo" name="foo" value="{{foo}}"{{#FOO_ERROR}}
 *    aria-invalid="true" aria-describedby="{{error_id}}"{{/FOO_ERROR}}>
 *   {{#FOO_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/FOO_ERROR}}
 *
 * A message about several inputs at once (shares that do not add up, no
 * line at all) belongs to a field of the table without an input of its
 * own, named as the element that groups the inputs ("split" for the
 * fieldset with id="split").
 *
 * At the top of the form the page template includes {{>FORM_ERRORS}}:
 * core/form-errors.tpl lists every error once, in the order shown, each
 * a link to its field ("Line 3 · Quantity: ..."), and is empty while
 * there is none.
 *
 * Nothing here allocates beyond the dictionaries, which own their copies.
 * Errors are values: 0 or TC_ENOMEM. */
#ifndef TC_CORE_FORMVIEW_H
#define TC_CORE_FORMVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "core/form.h"
#include "core/i18n.h"
#include "core/tmpl.h"

/* The summary of one page's form: where it goes and what it holds. */
struct form_errors {
	struct tdict *top;          /* the page's dictionary (borrowed) */
	const struct i18n_cat *cat; /* the reader's language (borrowed) */
	struct tdict *summary;      /* the include's, once an error is listed */
	size_t n;                   /* errors listed */
};

/* Starts an empty summary for the form of page dictionary top, whose
 * template includes {{>FORM_ERRORS}}, in the language of cat. */
void form_errors_init(struct form_errors *s, struct tdict *top,
    const struct i18n_cat *cat);

/* Shows form f in dictionary d (top itself, or one row's section): every
 * field's value as typed and, for each refused one, its FOO_ERROR
 * section; each error is also listed in s's summary, named by
 * labels[k] (catalogue keys indexed like f's fields; labels or an entry
 * may be NULL: the message alone).  For a row form (f->row > 0) row_key
 * is the catalogue key naming the row, "{n}" standing for its number
 * ("Line {n}"; NULL: none).  Returns 0 or TC_ENOMEM. */
int form_show(struct form_errors *s, struct tdict *d, const struct form *f,
    const char *const *labels, const char *row_key);

/* Shows only the values of f in d, as form_show does, without any error:
 * for a form shown before anything was submitted (defaults, a stored
 * row read through the same table). */
void form_show_values(struct tdict *d, const struct form *f);

/* The value field k shows: as typed when f is a submitted form (not
 * NULL), else stored, what the database holds (NULL: "").  Borrowed from
 * f or stored.  For a form shown either after a POST or from its row. */
const char *form_shown(const struct form *f, size_t k, const char *stored);

/* Lists one more error in s's summary: label and message are shown as
 * given (already translated; label may be NULL), as a link to the
 * element with id href_id when not NULL.  For errors that are not about
 * one input, such as a whole uploaded file.  Returns 0 or TC_ENOMEM. */
int form_summary_add(struct form_errors *s, const char *href_id,
    const char *label, const char *message);

/* Choices of a <select>, one convention for every list of options:
 *
 *   {{#STATUS_OPT}}<option value="{{value}}"{{#SELECTED}}
 *     selected{{/SELECTED}}>{{label}}</option>{{/STATUS_OPT}}
 *
 * form_option adds one section named section to d with {{value}} and
 * {{label}} (both copied), and its SELECTED section shown when selected.
 * Returns the option's section (for more values), owned by d. */
struct tdict *form_option(struct tdict *d, const char *section,
    const char *value, const char *label, bool selected);

/* Adds one option (as form_option) per code of codes, a NULL-terminated
 * list (a choice field's choices), labelled with the catalogue text of
 * key_prefix followed by the code ("sales_status_" + "booked") in the
 * language of cat, the one equal to selected marked (selected NULL: none;
 * a choice filter's form_value s).  A key longer than FORM_CHOICE_KEY_MAX
 * bytes is shown as the code itself. */
#define FORM_CHOICE_KEY_MAX 96
void form_choices(struct tdict *d, const char *section,
    const char *const *codes, const struct i18n_cat *cat,
    const char *key_prefix, const char *selected);

/* The template section of field name: "FOO_ERROR" for "foo", into buf of
 * len bytes.  Returns buf, or NULL when it does not fit. */
char *form_error_section(char *buf, size_t len, const char *name);

#endif
