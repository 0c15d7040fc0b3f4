/* files.c: writing files whole, sets of files, their digest. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nettle/sha2.h>

#include "commission/files.h"
#include "core/error.h"
#include "core/grow.h"
#include "core/sort.h"

int
files_write(const char *path, const char *data, size_t len)
{
	char tmp[PATH_MAX];
	const char *slash = strrchr(path, '/');
	size_t off = 0;
	int fd, saved;

	if (snprintf(tmp, sizeof(tmp), "%.*s.ticheng-XXXXXX",
	    slash != NULL ? (int)(slash - path + 1) : 0, path) >=
	    (int)sizeof(tmp)) {
		errno = ENAMETOOLONG;
		return TC_EIO;
	}
	if ((fd = mkstemp(tmp)) < 0)
		return TC_EIO;
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		off += (size_t)w;
	}
	if (fchmod(fd, 0644) != 0 || close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	if (rename(tmp, path) != 0) {
		fd = -1;
		goto fail;
	}
	return 0;
fail:
	saved = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	errno = saved;
	return TC_EIO;
}

int
files_add(struct file_set *s, const char *name, char *data, size_t len)
{
	if (tc_grow(&s->files, &s->cap, s->n + 1, 8) != 0) {
		free(data);
		return TC_ENOMEM;
	}
	snprintf(s->files[s->n].name, sizeof(s->files[s->n].name), "%s", name);
	s->files[s->n].data = data;
	s->files[s->n].len = len;
	s->n++;
	return 0;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct file_blob *)a)->name,
	    ((const struct file_blob *)b)->name);
}

void
files_sort(struct file_set *s)
{
	tc_sort(s->files, s->n, sizeof(*s->files), by_name);
}

void
files_digest(const struct file_set *s, char hex[FILES_DIGEST_SIZE])
{
	struct sha256_ctx ctx;
	uint8_t md[SHA256_DIGEST_SIZE];
	char len[24];

	sha256_init(&ctx);
	for (size_t i = 0; i < s->n; i++) {
		const struct file_blob *f = &s->files[i];

		sha256_update(&ctx, strlen(f->name) + 1, (const uint8_t *)f->name);
		snprintf(len, sizeof(len), "%zu", f->len);
		sha256_update(&ctx, strlen(len) + 1, (const uint8_t *)len);
		sha256_update(&ctx, f->len, (const uint8_t *)f->data);
	}
	sha256_digest(&ctx, sizeof(md), md);
	for (size_t i = 0; i < sizeof(md); i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
}

int
files_write_dir(const char *dir, const struct file_set *s,
    const char **failed)
{
	static char path[PATH_MAX];

	if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
		if (failed != NULL)
			*failed = dir;
		return TC_EIO;
	}
	for (size_t i = 0; i < s->n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, s->files[i].name);
		if (files_write(path, s->files[i].data, s->files[i].len) != 0) {
			if (failed != NULL)
				*failed = path;
			return TC_EIO;
		}
	}
	return 0;
}

void
files_free(struct file_set *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < s->n; i++)
		free(s->files[i].data);
	free(s->files);
	s->files = NULL;
	s->n = s->cap = 0;
}
