/*
 * desk_index.c - where each ticket's last line is in the tickets file, so
 * that a verb on one ticket reads one line, not the whole file.
 *
 * The index lives beside the file (tickets.ndjson.idx).  The tickets file
 * only grows (each run appends the tickets it changes), so the index
 * remembers the size it has read and, each time, reads only the lines
 * after it: a header of fixed width, "omni-desk-index 1 SIZE INODE", then
 * one line per ticket line, "OFFSET ID", and "- ID" for a ticket another
 * absorbed there (merged_from).  The last line of an id says where the
 * ticket stands, as reading the file from the start would.  A file that
 * shrank or was replaced (another inode) is indexed again from the start.
 * Where the index cannot serve (no index can be kept beside the file, a
 * line that is not a ticket, an id with a line end), the caller reads the
 * whole file as before, with its errors.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "record/bridge.h"
#include "desk/desk.h"

#define HEAD_LEN 60      /* "omni-desk-index 1 " + 20 digits + ' ' + 20 digits + '\n' */
#define CHUNK (1 << 20)

static int
head_write(int fd, unsigned long long size, unsigned long long ino)
{
	char head[HEAD_LEN + 1];

	snprintf(head, sizeof head, "omni-desk-index 1 %020llu %020llu\n", size, ino);
	return pwrite(fd, head, HEAD_LEN, 0) == HEAD_LEN ? 0 : -1;
}

static int
head_read(int fd, unsigned long long *size, unsigned long long *ino)
{
	char head[HEAD_LEN + 1];

	if (pread(fd, head, HEAD_LEN, 0) != HEAD_LEN)
		return -1;
	head[HEAD_LEN] = '\0';
	return sscanf(head, "omni-desk-index 1 %20llu %20llu\n", size, ino) == 2 ? 0 : -1;
}

/* One entry into b: "OFFSET ID\n", or "- ID\n" for off < 0.  -1 for an id
 * the index cannot hold. */
static int
entry(omni_text *b, long long off, const char *id)
{
	char num[32];

	if (!*id || strpbrk(id, "\n\r"))
		return -1;
	if (off < 0)
		omni_text_put(b, "-", 1);
	else
		omni_text_put(b, num, (size_t)snprintf(num, sizeof num, "%lld", off));
	omni_text_put(b, " ", 1);
	omni_text_put(b, id, strlen(id));
	omni_text_put(b, "\n", 1);
	return 0;
}

/* The entries of the line at off into b.  0, or -1 when it is not a
 * ticket the index can hold. */
static int
index_line(omni_text *b, const char *p, size_t n, long long off)
{
	omni_record rec;
	omni_error err = { 0 };
	omni_jiter it;
	omni_span v;
	char *id = NULL, other[512];
	int rc = -1;

	while (n && (p[n - 1] == '\r' || p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	if (!n)
		return 0;     /* a blank line, as the reader skips it */
	omni_record_init(&rec);
	if (omni_record_parse(&rec, p, n, &err) < 0 || omni_reader_check(&rec, &err) < 0 ||
	    !(id = omni_json_string(omni_record_get(&rec, "id"), NULL)) || entry(b, off, id) < 0)
		goto out;
	omni_json_iter(&it, omni_record_get(&rec, "merged_from"));
	while (omni_json_next(&it, NULL, &v))
		if (omni_json_string_buf(v, other, sizeof other) > 0 && strcmp(other, id) != 0 &&
		    entry(b, -1, other) < 0)
			goto out;
	rc = 0;
out:
	free(id);
	omni_record_free(&rec);
	return rc;
}

/* Indexes the complete lines of fd from *done on, appending to the index
 * ifd; *done the end of the last one.  0, or -1 (the index cannot serve). */
static int
catch_up(int fd, int ifd, unsigned long long *done, unsigned long long size)
{
	omni_text out = { 0 };
	char *buf = malloc(CHUNK);
	size_t have = 0, cap = CHUNK;
	unsigned long long at = *done;    /* file offset of buf[0] */
	int rc = -1;

	if (!buf)
		return -1;
	while (at + have < size) {
		size_t want = cap - have, start = 0;
		ssize_t got;
		if (want > size - at - have)
			want = (size_t)(size - at - have);
		if ((got = pread(fd, buf + have, want, (off_t)(at + have))) <= 0)
			goto out;
		have += (size_t)got;
		for (char *nl; (nl = memchr(buf + start, '\n', have - start)); start = (size_t)(nl - buf) + 1)
			if (index_line(&out, buf + start, (size_t)(nl - buf) - start,
			               (long long)(at + start)) < 0)
				goto out;
		memmove(buf, buf + start, have - start);
		have -= start;
		at += start;
		if (have == cap) {     /* a line longer than the buffer */
			char *more = realloc(buf, cap * 2);
			if (!more)
				goto out;
			buf = more;
			cap *= 2;
		}
	}
	if (out.failed || (out.n && (lseek(ifd, 0, SEEK_END) < 0 ||
	                             write(ifd, out.p, out.n) != (ssize_t)out.n)))
		goto out;
	*done = at;    /* a last line without its line end is read next time */
	rc = 0;
out:
	free(buf);
	free(out.p);
	return rc;
}

/* The index of the tickets file fd, up to date, read into *text (new,
 * *len).  0, or -1 when it cannot serve. */
static int
brought_up_to_date(const char *path, int fd, char **text, size_t *len)
{
	char *ipath = NULL;
	struct stat st, ist;
	unsigned long long done = 0, ino = 0;
	int ifd = -1, rc = -1;

	*text = NULL;
	if (fstat(fd, &st) < 0 || asprintf(&ipath, "%s.idx", path) < 0)
		return -1;
	if ((ifd = open(ipath, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0 || flock(ifd, LOCK_EX) < 0)
		goto out;
	if (head_read(ifd, &done, &ino) < 0 || ino != (unsigned long long)st.st_ino ||
	    done > (unsigned long long)st.st_size) {
		done = 0;      /* new, replaced or shrunk: from the start */
		if (ftruncate(ifd, 0) < 0 || head_write(ifd, 0, (unsigned long long)st.st_ino) < 0)
			goto out;
	}
	if (done < (unsigned long long)st.st_size) {
		if (catch_up(fd, ifd, &done, (unsigned long long)st.st_size) < 0 ||
		    head_write(ifd, done, (unsigned long long)st.st_ino) < 0)
			goto out;
	}
	if (fstat(ifd, &ist) < 0 || !(*text = malloc((size_t)ist.st_size + 1)) ||
	    pread(ifd, *text, (size_t)ist.st_size, 0) != ist.st_size)
		goto out;
	(*text)[ist.st_size] = '\0';
	*len = (size_t)ist.st_size;
	rc = 0;
out:
	if (rc < 0) {
		free(*text);
		*text = NULL;
	}
	if (ifd >= 0)
		close(ifd);     /* and its lock */
	free(ipath);
	return rc;
}

/* The last entry of the id of n bytes in the index text: its offset, -1
 * gone, -2 none. */
static long long
last_of(const char *text, size_t len, const char *id, size_t n)
{
	long long found = -2;
	const char *p = text + HEAD_LEN, *end = text + len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p)), *sp;
		if (!nl)
			break;
		if ((sp = memchr(p, ' ', (size_t)(nl - p))) && (size_t)(nl - sp - 1) == n &&
		    memcmp(sp + 1, id, n) == 0)
			found = *p == '-' ? -1 : strtoll(p, NULL, 10);
		p = nl + 1;
	}
	return found;
}

/* The one ticket whose id starts with prefix and is not gone: its id
 * (new) and offset, 0; -1 none; -2 more than one (*many of them); -3
 * too many ids start so to count here. */
#define MAX_CANDIDATES 1024

static int
by_prefix(const char *text, size_t len, const char *prefix, char **id, long long *off,
          size_t *many)
{
	struct { const char *p; size_t n; long long at; } *c = NULL;
	size_t n = strlen(prefix), nc = 0, k, found = 0;
	const char *p = text + HEAD_LEN, *end = text + len;
	int rc = -1;

	*id = NULL;
	*many = 0;
	if (!n || !(c = malloc(MAX_CANDIDATES * sizeof *c)))
		return n ? -3 : -1;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p)), *sp;
		if (!nl)
			break;
		sp = memchr(p, ' ', (size_t)(nl - p));
		if (sp && (size_t)(nl - sp - 1) >= n && memcmp(sp + 1, prefix, n) == 0) {
			size_t idn = (size_t)(nl - sp - 1);
			for (k = 0; k < nc && (c[k].n != idn || memcmp(c[k].p, sp + 1, idn)); k++)
				;
			if (k == nc) {
				if (nc == MAX_CANDIDATES) {
					rc = -3;
					goto out;
				}
				c[nc].p = sp + 1;
				c[nc++].n = idn;
			}
			c[k].at = *p == '-' ? -1 : strtoll(p, NULL, 10);
		}
		p = nl + 1;
	}
	for (k = 0; k < nc; k++)
		if (c[k].at >= 0 && found++ == 0) {
			*off = c[k].at;
			*id = strndup(c[k].p, c[k].n);
		}
	*many = found;
	rc = found == 1 ? 0 : found ? -2 : -1;
out:
	if (rc < 0) {
		free(*id);
		*id = NULL;
	}
	free(c);
	return rc;
}

/* The line at off of fd, without its line end: new, *len. */
static char *
line_at(int fd, long long off, size_t *len)
{
	size_t cap = 1 << 16, have = 0;
	char *buf = malloc(cap), *nl = NULL;
	ssize_t got;

	if (!buf)
		return NULL;
	while (!nl) {
		if (have == cap) {
			char *more = realloc(buf, cap * 2);
			if (!more)
				break;
			buf = more;
			cap *= 2;
		}
		if ((got = pread(fd, buf + have, cap - have, (off_t)(off + (long long)have))) <= 0)
			break;
		nl = memchr(buf + have, '\n', (size_t)got);
		have += (size_t)got;
	}
	if (!nl) {
		free(buf);
		return NULL;
	}
	*len = (size_t)(nl - buf);
	buf[*len] = '\0';
	return buf;
}

int
omni_desk_index_line(const char *path, const char *id, char **line, size_t *len,
                     omni_error *err)
{
	char *text = NULL, *full = NULL;
	size_t tlen = 0, many = 0;
	long long off;
	int fd, rc = 0, k;

	*line = NULL;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return 0;
	if (brought_up_to_date(path, fd, &text, &tlen) < 0)
		goto out;
	if ((off = last_of(text, tlen, id, strlen(id))) < 0) {
		if ((k = by_prefix(text, tlen, id, &full, &off, &many)) == -3)
			goto out;
		if (k < 0) {
			rc = -1;
			if (k == -2)
				omni_error_set(err, OMNI_EX_USAGE, NULL, 0, 0,
				               "%s: %zu tickets start so: say more of the id", id, many);
			else
				omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
				               "%s: no such ticket in the tickets file", id);
			goto out;
		}
	}
	if ((*line = line_at(fd, off, len)))
		rc = 1;
out:
	free(full);
	free(text);
	close(fd);
	return rc;
}
