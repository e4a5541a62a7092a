/*
 * quarantine.c - where omni-fetch sets aside a mail it cannot read, so
 * that it never stops the mail after it: a file of its own, the message's
 * bytes as they came, in the quarantine/ directory beside the store
 * ($XDG_DATA_HOME/omni/quarantine/SOURCE/KEY), mode 0600 in directories
 * 0700 (mail is private).  The mailbox itself is never changed.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/core.h"
#include "store/store.h"
#include "fetch/fetch.h"

/* A name as one path component: '/' and a leading '.' become '_'. */
static void component(char *s)
{
	for (char *p = s; *p; p++)
		if (*p == '/' || (p == s && *p == '.'))
			*p = '_';
}

/* Writes the whole buffer to a new file (never over an older one: a
 * second message of the same key gets ".1", ".2" ...).  0, or -1. */
static int write_new(const char *base, const char *raw, size_t len, char **path)
{
	int fd = -1;

	for (int i = 0; i < 1000 && fd < 0; i++) {
		free(*path);
		*path = NULL;
		if ((i ? asprintf(path, "%s.%d", base, i) : asprintf(path, "%s", base)) < 0)
			return *path = NULL, -1;
		fd = open(*path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST)
			return -1;
	}
	if (fd < 0)
		return -1;
	for (size_t o = 0; o < len;) {
		ssize_t w = write(fd, raw + o, len - o);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			int e = errno;
			close(fd);
			unlink(*path);
			errno = e;
			return -1;
		}
		o += (size_t)w;
	}
	if (fsync(fd) < 0 || close(fd) < 0) {
		unlink(*path);
		return -1;
	}
	return 0;
}

int omni_fetch_set_aside(omni_fetch *f, const char *raw, size_t len,
                         const char *key, omni_error *why, omni_error *err)
{
	char *store = omni_store_dir(f->store), *dir = NULL, *name = NULL;
	char *base = NULL, *path = NULL, *src = strdup(f->name);
	int rc = -1;

	if (!store || !src || !(name = strdup(key))) {
		omni_error_oom(err);
		goto out;
	}
	component(src);
	component(name);
	if (asprintf(&dir, "%s/quarantine/%s", store, src) < 0 ||
	    asprintf(&base, "%s/%s", dir, name) < 0) {
		omni_error_oom(err);
		goto out;
	}
	if (omni_mkdirs(dir, 0700) < 0 || write_new(base, raw, len, &path) < 0) {
		omni_error_set(err, OMNI_EX_CANTCREAT, path ? path : dir, 0, 0,
		               "cannot set an unreadable mail aside: %s", strerror(errno));
		goto out;
	}
	{
		size_t l = strlen(why->text);
		snprintf(why->text + l, sizeof why->text - l, "; set aside as %s", path);
	}
	rc = f->set_aside ? f->set_aside(f, why, key) : 0;
	if (rc)
		omni_error_set(err, OMNI_EX_IOERR, "stdout", 0, 0, "output stopped");
out:
	free(store);
	free(src);
	free(dir);
	free(name);
	free(base);
	free(path);
	return rc ? -1 : 0;
}
