/* tmpl.h: page templates (ctemplate, HTML auto-escaping) from C.
 *
 * A dictionary holds the values a template shows; a section dictionary
 * is one row of a {{#SECTION}} block.  Templates start with
 * {{%AUTOESCAPE context="HTML"}} so every value is escaped on output. */
#ifndef TC_CORE_TMPL_H
#define TC_CORE_TMPL_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct tdict;

/* Returns a new, empty top-level dictionary (free with tdict_free), or
 * NULL when out of memory. */
struct tdict *tdict_new(void);

/* Frees d and every section dictionary it owns.  Accepts NULL. */
void tdict_free(struct tdict *d);

/* Sets variable name to a copy of value (a NULL value sets ""). */
void tdict_set(struct tdict *d, const char *name, const char *value);

/* Sets variable name to the decimal form of v. */
void tdict_set_int(struct tdict *d, const char *name, long long v);

/* Sets a variable visible to every dictionary below d's top level,
 * sections and included templates alike. */
void tdict_set_global(struct tdict *d, const char *name, const char *value);

/* Adds one row to section name and returns its dictionary, owned by d
 * (never freed by the caller).  Returns NULL when out of memory. */
struct tdict *tdict_add_section(struct tdict *d, const char *name);

/* Shows section name once, with d's own values. */
void tdict_show_section(struct tdict *d, const char *name);

/* Makes {{>name}} include the template file (relative to the template
 * root) and returns the include's dictionary, owned by d. */
struct tdict *tdict_include(struct tdict *d, const char *name,
    const char *file);

/* Sets the file an include dictionary expands (see tdict_include). */
void tdict_set_filename(struct tdict *d, const char *file);

/* Sets the directory template file names are relative to.  Call once per
 * process before the first tmpl_render(). */
void tmpl_set_root(const char *dir);

/* Expands template file with d into a new NUL-terminated buffer *out (free
 * with free()) of *len bytes.  Returns 0, TC_ENOTFOUND when the template
 * cannot be loaded or parsed, or TC_ENOMEM. */
int tmpl_render(const char *file, const struct tdict *d, char **out,
    size_t *len);

#ifdef __cplusplus
}
#endif

#endif
