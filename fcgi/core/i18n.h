/* i18n.h: message catalogues read from gettext .po files by the program
 * itself (no installed locale needed), one catalogue per language.
 *
 * Keys (msgid) are identifiers matching [a-z0-9_]+, e.g. "login_title";
 * the renderer exposes each entry as template variable t_<key>.  Entries
 * marked fuzzy, plural entries and untranslated ones (msgstr "") are
 * skipped; msgctxt is read and ignored; the header entry (msgid "") is
 * skipped.  A catalogue is read-only once built and may be shared by all
 * requests.
 *
 * Errors are values: 0 or a negative TC_E* (core/error.h).
 */
#ifndef TC_CORE_I18N_H
#define TC_CORE_I18N_H

#include <stddef.h>

#include "core/error.h"

struct i18n_cat;

/* Builds a catalogue for language lang ("zh", "en") from the .po text
 * buf[0..len).  On success *out is the new catalogue, freed with
 * i18n_free().  Returns 0; TC_EINVAL for a syntax error, an invalid key,
 * an unknown escape, invalid UTF-8 or a duplicate key (*errline, if not
 * NULL, gets the 1-based line); TC_ENOMEM.  *out is NULL on failure. */
int i18n_parse(struct i18n_cat **out, const char *lang, const char *buf,
    size_t len, size_t *errline);

/* As i18n_parse, reading the file at path (at most 4 MiB).  Returns
 * TC_EIO if it cannot be read (errno tells why), TC_ETOOBIG if larger. */
int i18n_load(struct i18n_cat **out, const char *lang, const char *path,
    size_t *errline);

/* Moves every entry of src into dst and frees src (also on failure; src
 * may be NULL).  Returns 0, TC_ECONFLICT if a key is in both (dst then
 * keeps its own entries only and *dupkey, if not NULL, gets a copy of the
 * key to free), or TC_ENOMEM. */
int i18n_merge(struct i18n_cat *dst, struct i18n_cat *src, char **dupkey);

/* Where i18n_load_dir failed. */
struct i18n_where {
	char path[4096];  /* the file, "" if none */
	size_t line;      /* 1-based line, 0 if not line-specific */
};

/* Builds one catalogue for lang from every "*.po" file directly in dir
 * (e.g. templates/i18n/zh), read in name order and merged; a key defined
 * in two files is an error.  On success *out is the catalogue (free with
 * i18n_free); a directory without .po files gives an empty one.  Returns
 * 0, TC_EIO (directory or file unreadable), TC_EINVAL (bad .po),
 * TC_ECONFLICT (duplicate key), TC_ETOOBIG or TC_ENOMEM; where (optional)
 * says which file and line. */
int i18n_load_dir(struct i18n_cat **out, const char *lang, const char *dir,
    struct i18n_where *where);

/* Frees cat and everything it holds.  Accepts NULL. */
void i18n_free(struct i18n_cat *cat);

/* Returns the translation of key, or key itself when cat is NULL or has
 * no such entry (then the miss hook, if set, is called).  The result is
 * borrowed from cat or is key: never NULL for a non-NULL key.  O(log n). */
const char *i18n_get(const struct i18n_cat *cat, const char *key);

/* Returns the translation of key, or NULL when missing.  No hook. */
const char *i18n_lookup(const struct i18n_cat *cat, const char *key);

/* Sets a process-wide function called by i18n_get for a missing key
 * (e.g. to log it once).  NULL removes it.  Not thread-safe to change
 * while lookups run. */
void i18n_set_miss_hook(void (*hook)(const char *lang, const char *key,
    void *arg), void *arg);

/* The catalogue's language, as given to i18n_parse. */
const char *i18n_lang(const struct i18n_cat *cat);

/* Entries in key order: count, and key / translation of entry i
 * (borrowed; NULL if i is out of range).  For exposing t_<key>. */
size_t i18n_count(const struct i18n_cat *cat);
const char *i18n_key(const struct i18n_cat *cat, size_t i);
const char *i18n_value(const struct i18n_cat *cat, size_t i);

/* Lists the keys that ref has and cat lacks, in key order.  *keys gets a
 * malloc'd array of *n strings borrowed from ref (free the array only;
 * NULL when *n is 0).  Returns 0 or TC_ENOMEM. */
int i18n_missing(const struct i18n_cat *cat, const struct i18n_cat *ref,
    const char ***keys, size_t *n);

/* Returns 1 if key matches [a-z0-9_]+, else 0. */
int i18n_key_valid(const char *key);

/* Chooses the page language: cookie_value "zh" or "en" wins; otherwise
 * Accept-Language by q-values; otherwise "zh".  Returns a static string. */
const char *lang_pick(const char *accept_language, const char *cookie_value);

#endif
