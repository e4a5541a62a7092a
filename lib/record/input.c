/* input.c - lines from the files named as arguments, else stdin.
 *
 * One buffer, refilled with read(2) and searched with memchr, in constant
 * memory whatever the input's size; it grows only to hold a longer line. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/core.h"
#include "record/record.h"

#define IN_CHUNK (256 * 1024)

struct omni_input {
	char *const *paths;
	int npaths;
	int next;           /* index of the next path to open */
	int fd;             /* -1 between files */
	int eof;            /* the current file has no more bytes */
	const char *name;
	long lineno;
	char *buf;
	size_t cap;         /* bytes allocated (one more kept for a NUL) */
	size_t start, len;  /* unread bytes are buf[start, start + len) */
};

omni_input *
omni_input_new(char *const *paths, int npaths)
{
	omni_input *in = calloc(1, sizeof *in);

	if (!in)
		return NULL;
	in->paths = paths;
	in->npaths = npaths;
	in->fd = -1;
	in->name = "stdin";
	in->cap = IN_CHUNK;
	if (!(in->buf = malloc(in->cap + 1))) {
		free(in);
		return NULL;
	}
	return in;
}

static void
close_current(omni_input *in)
{
	if (in->fd > 0)
		close(in->fd);
	in->fd = -1;
}

void
omni_input_free(omni_input *in)
{
	if (!in)
		return;
	close_current(in);
	free(in->buf);
	free(in);
}

const char *
omni_input_name(const omni_input *in)
{
	return in->name;
}

long
omni_input_lineno(const omni_input *in)
{
	return in->lineno;
}

/* Opens the next input: 1 opened, 0 none left, -1 err (66). */
static int
open_next(omni_input *in, omni_error *err)
{
	const char *path;

	if (in->npaths == 0 ? in->next > 0 : in->next >= in->npaths)
		return 0;
	path = in->npaths ? in->paths[in->next] : "-";
	in->next++;
	in->lineno = 0;
	in->eof = 0;
	in->start = in->len = 0;
	if (strcmp(path, "-") == 0) {
		in->name = "stdin";
		in->fd = 0;
		return 1;
	}
	in->name = path;
	if ((in->fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		omni_error_set(err, OMNI_EX_NOINPUT, path, 0, 0, "cannot open: %s",
		               strerror(errno));
		return -1;
	}
	return 1;
}

/* Reads more bytes after the unread ones, making room first (moving them
 * to the front, or growing the buffer when they fill it).  0 or -1 (74). */
static int
fill(omni_input *in, omni_error *err)
{
	ssize_t n;

	if (in->start > 0) {
		memmove(in->buf, in->buf + in->start, in->len);
		in->start = 0;
	}
	if (in->len == in->cap) {
		size_t cap = in->cap * 2;
		char *b = realloc(in->buf, cap + 1);
		if (!b) {
			omni_error_set(err, OMNI_EX_IOERR, in->name, in->lineno + 1, 0,
			               "line too long: out of memory");
			return -1;
		}
		in->buf = b;
		in->cap = cap;
	}
	do
		n = read(in->fd, in->buf + in->len, in->cap - in->len);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		omni_error_set(err, OMNI_EX_IOERR, in->name, in->lineno + 1, 0,
		               "read error: %s", strerror(errno));
		return -1;
	}
	if (n == 0)
		in->eof = 1;
	in->len += (size_t)n;
	return 0;
}

static int
is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

int
omni_input_next(omni_input *in, char **line, size_t *len, omni_error *err)
{
	size_t scanned = 0;

	for (;;) {
		if (in->fd < 0) {
			int rc = open_next(in, err);
			if (rc <= 0)
				return rc;
			scanned = 0;
		}
		char *s = in->buf + in->start;
		char *nl = memchr(s + scanned, '\n', in->len - scanned);
		size_t n;
		if (nl) {
			n = (size_t)(nl - s);
			in->start += n + 1;
			in->len -= n + 1;
		} else if (in->eof) {
			close_current(in);
			if (in->len == 0)
				continue;
			n = in->len;       /* the last line has no '\n' */
			in->len = 0;
		} else {
			scanned = in->len;
			if (fill(in, err) < 0)
				return -1;
			continue;
		}
		in->lineno++;
		scanned = 0;
		if (n > 0 && s[n - 1] == '\r')
			n--;
		if (is_blank(s, n))
			continue;
		s[n] = '\0';
		*line = s;
		*len = n;
		return 1;
	}
}
