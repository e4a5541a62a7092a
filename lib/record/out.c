/* out.c - buffered output for the record stream.
 *
 * Writes go out at most 256 KiB at a time: one large write into a 64 KiB
 * pipe makes the writer and the reader take turns instead of overlapping
 * (ARCHITECTURE.md, "The hot path"), and a larger pipe buffer is asked for where
 * the system allows it. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/core.h"
#include "record/record.h"

#define OUT_CHUNK (256 * 1024)
#define OUT_PIPE_SIZE (1024 * 1024)

struct omni_out {
	int fd;
	int error;          /* errno of the first failed write, else 0 */
	char *name;         /* for messages: "stdout" unless set */
	char *mem;          /* fd -1: what was written, in memory */
	size_t memlen, memcap;
	size_t len;
	char buf[OUT_CHUNK];
};

omni_out *
omni_out_new(int fd)
{
	omni_out *o = malloc(sizeof *o);
	struct stat st;

	if (!o)
		return NULL;
	o->fd = fd;
	o->error = 0;
	o->len = 0;
	o->name = NULL;
	o->mem = NULL;
	o->memlen = o->memcap = 0;
	if (fd < 0)
		return o;
#ifdef F_SETPIPE_SZ
	/* Best effort: the system may cap or refuse it. */
	if (fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode) &&
	    fcntl(fd, F_GETPIPE_SZ) < OUT_PIPE_SIZE)
		(void)fcntl(fd, F_SETPIPE_SZ, OUT_PIPE_SIZE);
#else
	(void)st;
#endif
	return o;
}

void
omni_out_set_name(omni_out *o, const char *name)
{
	free(o->name);
	o->name = name ? strdup(name) : NULL;
}

/* Writes all of buf, in pieces of at most OUT_CHUNK. */
static int
write_all(omni_out *o, const char *buf, size_t len)
{
	if (o->fd < 0) {
		if (o->memlen + len + 1 > o->memcap) {
			size_t cap = o->memcap ? o->memcap : OUT_CHUNK;
			char *p;
			while (cap < o->memlen + len + 1)
				cap *= 2;
			if (!(p = realloc(o->mem, cap))) {
				o->error = ENOMEM;
				return -1;
			}
			o->mem = p;
			o->memcap = cap;
		}
		memcpy(o->mem + o->memlen, buf, len);
		o->memlen += len;
		o->mem[o->memlen] = '\0';
		return 0;
	}
	while (len > 0) {
		ssize_t n = write(o->fd, buf, len < OUT_CHUNK ? len : OUT_CHUNK);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			o->error = errno;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

int
omni_out_flush(omni_out *o)
{
	if (o->error)
		return -1;
	if (o->len && write_all(o, o->buf, o->len) < 0)
		return -1;
	o->len = 0;
	return 0;
}

int
omni_out_write(omni_out *o, const void *buf, size_t len)
{
	const char *p = buf;

	if (o->error)
		return -1;
	if (len <= OUT_CHUNK - o->len) {
		memcpy(o->buf + o->len, p, len);
		o->len += len;
		return 0;
	}
	/* Fill the buffer, send it, then send whole chunks straight from the
	 * caller's memory and keep the rest. */
	size_t room = OUT_CHUNK - o->len;
	memcpy(o->buf + o->len, p, room);
	o->len = OUT_CHUNK;
	p += room;
	len -= room;
	if (omni_out_flush(o) < 0)
		return -1;
	if (len >= OUT_CHUNK) {
		size_t whole = len - len % OUT_CHUNK;
		if (write_all(o, p, whole) < 0)
			return -1;
		p += whole;
		len -= whole;
	}
	memcpy(o->buf, p, len);
	o->len = len;
	return 0;
}

omni_out *
omni_out_new_mem(void)
{
	return omni_out_new(-1);
}

const char *
omni_out_text(omni_out *o, size_t *len)
{
	if (o->fd >= 0 || omni_out_flush(o) < 0)
		return NULL;
	*len = o->memlen;
	return o->mem ? o->mem : "";
}

void
omni_out_clear(omni_out *o)
{
	o->len = 0;
	o->memlen = 0;
}

char *
omni_out_take(omni_out *o, size_t *len)
{
	char *text = NULL;

	if (omni_out_flush(o) == 0 && (text = o->mem ? o->mem : strdup(""))) {
		o->mem = NULL;
		*len = o->memlen;
	}
	free(o->mem);
	free(o->name);
	free(o);
	return text;
}

int
omni_out_end(const omni_out *o)
{
	struct stat st;

	return o->fd >= 0 && fstat(o->fd, &st) == 0 && !S_ISFIFO(st.st_mode) &&
	       !S_ISSOCK(st.st_mode);
}

int
omni_out_sync(omni_out *o)
{
	struct stat st;

	if (omni_out_flush(o) < 0)
		return -1;
	/* a file: on disk before the store says the records reached it */
	if (fstat(o->fd, &st) == 0 && S_ISREG(st.st_mode) && fdatasync(o->fd) < 0 &&
	    errno != EINVAL) {
		o->error = errno;
		return -1;
	}
	return 0;
}

int
omni_out_broken_pipe(const omni_out *o)
{
	return o->error == EPIPE;
}

int
omni_out_close(omni_out *o, omni_error *err)
{
	int status = 0;

	if (!o)
		return 0;
	omni_out_flush(o);
	if (o->error && o->error != EPIPE)
		status = omni_error_set(err, OMNI_EX_IOERR,
		                        o->name ? o->name : "stdout", 0, 0,
		                        "write error: %s", strerror(o->error));
	free(o->name);
	free(o->mem);
	free(o);
	return status;
}
