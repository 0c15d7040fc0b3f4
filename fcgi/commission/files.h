/* files.h: the spec's files as written by ticheng-admin: one file put in
 * place whole (a temporary file renamed), a set of files held in memory
 * and written into a folder, and the digest that names a set's bytes. */
#ifndef TC_COMMISSION_FILES_H
#define TC_COMMISSION_FILES_H

#include <stddef.h>

/* A file of a set: its name (no folder) and its bytes. */
struct file_blob {
	char name[64];
	char *data;                 /* owned */
	size_t len;
};

struct file_set {
	struct file_blob *files;    /* in name order once sorted */
	size_t n, cap;
};

#define FILES_DIGEST_SIZE 65    /* 64 hex digits and a NUL */

/* Writes len bytes to path through a temporary file beside it, renamed
 * into place only when complete.  Returns 0 or TC_EIO (errno set). */
int files_write(const char *path, const char *data, size_t len);

/* Adds a file named name holding data (taken over: freed with the set,
 * also on failure).  Returns 0 or TC_ENOMEM. */
int files_add(struct file_set *s, const char *name, char *data, size_t len);

/* Sorts the files by name (byte order). */
void files_sort(struct file_set *s);

/* The SHA-256, in hex, of the set in name order: for each file its
 * name, a NUL, its length in decimal, a NUL, and its bytes. */
void files_digest(const struct file_set *s, char hex[FILES_DIGEST_SIZE]);

/* Writes every file of s into the folder dir (created if missing, its
 * parent must exist), each put in place whole.  Returns 0 or TC_EIO
 * (errno set; *failed names the path when not NULL, static). */
int files_write_dir(const char *dir, const struct file_set *s,
    const char **failed);

/* Frees the files of s, leaving it empty.  Accepts NULL. */
void files_free(struct file_set *s);

#endif
