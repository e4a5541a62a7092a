/* source_file.c - file:PATH, saved API responses and webhook deliveries.
 *
 * PATH is a file or a directory whose regular files are read in name order
 * (dot-files skipped, not recursive).  A file holds one JSON document,
 * pretty-printed or not, or a stream of them: NDJSON (one delivery per
 * line) or documents simply concatenated.  The file is read whole and the
 * documents parsed one after another, so that an error can name its file,
 * line and column. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/core.h"
#include "fetch/fetch.h"

/* One file's bytes and where we are in them. */
struct docs {
	const char *path;
	const char *buf;
	size_t len;
	size_t off;          /* where the next document may start */
	size_t mark;         /* line counting checkpoint: offset, */
	long mark_line;      /* its line, */
	size_t mark_bol;     /* and the start of that line */
	int one_per_line;    /* -1 not known yet; 1 the first document was one line */
};

/* Line and 1-based byte column of offset x. */
static void
locate(struct docs *d, size_t x, long *line, long *col)
{
	if (x < d->mark)
		d->mark = d->mark_bol = 0, d->mark_line = 1;
	for (const char *p = d->buf + d->mark, *end = d->buf + x;
	     (p = memchr(p, '\n', (size_t)(end - p))); p++) {
		d->mark_line++;
		d->mark_bol = (size_t)(p - d->buf) + 1;
	}
	d->mark = x;
	*line = d->mark_line;
	*col = (long)(x - d->mark_bol) + 1;
}

static size_t
line_end(const struct docs *d, size_t x)
{
	const char *nl = memchr(d->buf + x, '\n', d->len - x);

	return nl ? (size_t)(nl - d->buf) : d->len;
}

/* Where to go on after a malformed document at start: the next line, or in
 * a stream of pretty-printed documents the next line that starts one. */
static size_t
resync(const struct docs *d, size_t start, size_t bad)
{
	size_t x = line_end(d, start);

	if (d->one_per_line == 1 || x >= d->len)
		return x;
	for (x = line_end(d, bad > start ? bad - 1 : start); x < d->len;
	     x = line_end(d, x + 1))
		if (x + 1 < d->len && (d->buf[x + 1] == '{' || d->buf[x + 1] == '['))
			return x + 1;
	return d->len;
}

/* A malformed document: err with file, line, column; under keep_going the
 * document (or the rest of its line) is set aside.  0 go on, -1 stop. */
static int
malformed(omni_fetch *f, struct docs *d, size_t start, const json_error_t *je,
          omni_error *err)
{
	size_t bad = start + (size_t)(je->position > 0 ? je->position : 0);
	size_t eol = line_end(d, start);
	long line, col;
	json_error_t lje;

	/* NDJSON: a truncated line is an error on that line, not on the next
	 * one where the parser noticed it. */
	if (d->one_per_line == 1 && bad > eol) {
		json_t *j = json_loadb(d->buf + start, eol - start, JSON_DISABLE_EOF_CHECK, &lje);
		json_decref(j);
		if (!j) {
			je = &lje;
			bad = start + (size_t)(lje.position > 0 ? lje.position : 0);
		}
	}
	if (bad > start && d->buf[bad - 1] == '\n')
		bad--;
	locate(d, bad > start ? bad - 1 : start, &line, &col);
	omni_error_set(err, OMNI_EX_DATAERR, d->path, line, col, "%s", omni_payload_json_why(je));
	if (!f->keep_going)
		return -1;
	size_t next = resync(d, start, bad);
	size_t end = next;
	while (end > start && d->buf[end - 1] == '\n')   /* the rest is verbatim */
		end--;
	if (f->reject(f, d->buf + start, end - start, err, NULL) != 0)
		return -1;
	d->off = next;
	return 0;
}

/* A parsed document to tickets and orders.  0 go on, -1 stop. */
static int
handle(omni_payload *p, struct docs *d, const json_t *doc, size_t start,
       size_t end, omni_error *err)
{
	long line, col;

	memset(err, 0, sizeof *err);
	if (omni_payload_handle(p, doc, err) == 0)
		return 0;
	if (err->status != OMNI_EX_DATAERR)
		return -1;
	locate(d, start, &line, &col);
	snprintf(err->where, sizeof err->where, "%s", d->path);
	err->line = line;
	err->column = col;
	if (!p->f->keep_going)
		return -1;
	return p->f->reject(p->f, d->buf + start, end - start, err, NULL) ? -1 : 0;
}

static void
skip_space(struct docs *d)
{
	if (d->off == 0 && d->len >= 3 && memcmp(d->buf, "\xef\xbb\xbf", 3) == 0)
		d->off = 3;  /* a byte order mark some tools write */
	while (d->off < d->len && isspace((unsigned char)d->buf[d->off]))
		d->off++;
}

/* A line that is a Meta delivery goes the lazy way (the bulk of a
 * webhook dump); 1 done, 0 not, -1 stop. */
static int
fast_line(omni_payload *p, omni_meta_reader *m, struct docs *d, size_t start,
          omni_error *err)
{
	size_t eol = line_end(d, start), n = eol;
	int rc;

	while (n > start && isspace((unsigned char)d->buf[n - 1]))
		n--;
	if (!m || d->one_per_line == 0 ||
	    (rc = omni_payload_meta_line(p, m, d->buf + start, n - start, err)) == 0)
		return 0;
	if (rc < 0)
		return -1;
	d->one_per_line = 1;
	d->off = eol;
	return 1;
}

static int
read_stream(omni_payload *p, omni_meta_reader *m, struct docs *d, omni_error *err)
{
	for (;;) {
		json_error_t je;
		json_t *doc;
		size_t start, end;
		int rc;

		skip_space(d);
		if (d->off >= d->len)
			return 0;
		start = d->off;
		if ((rc = fast_line(p, m, d, start, err)) != 0) {
			if (rc < 0)
				return -1;
			continue;
		}
		doc = json_loadb(d->buf + start, d->len - start, JSON_DISABLE_EOF_CHECK, &je);
		if (!doc) {
			if (malformed(p->f, d, start, &je, err) < 0)
				return -1;
			continue;
		}
		end = start + (size_t)je.position;
		if (d->one_per_line < 0)
			d->one_per_line = !memchr(d->buf + start, '\n', end - start);
		d->off = end;
		rc = handle(p, d, doc, start, end, err);
		json_decref(doc);
		if (rc < 0)
			return -1;
	}
}

static int
read_docs(omni_payload *p, struct docs *d, omni_error *err)
{
	omni_meta_reader *m = p->f->emit_line ? omni_meta_reader_new() : NULL;
	int rc = read_stream(p, m, d, err);

	omni_meta_reader_free(m);
	return rc;
}

static int
io_error(omni_error *err, int status, const char *path, const char *what)
{
	char msg[256];

	snprintf(msg, sizeof msg, "%s", strerror(errno));
	msg[0] = (char)tolower((unsigned char)msg[0]);
	return omni_error_set(err, status, path, 0, 0, "%s: %s", what, msg), -1;
}

/* Reads all of fd (a pipe, a device) into a new buffer. */
static char *
slurp(int fd, size_t *len)
{
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap);
	ssize_t r;

	while (buf) {
		if (n == cap) {
			char *nbuf = realloc(buf, cap * 2);
			if (!nbuf)
				break;
			buf = nbuf;
			cap *= 2;
		}
		r = read(fd, buf + n, cap - n);
		if (r == 0) {
			*len = n;
			return buf;
		}
		if (r < 0 && errno != EINTR)
			break;
		n += r > 0 ? (size_t)r : 0;
	}
	free(buf);
	return NULL;
}

static int
read_file(omni_payload *p, const char *path, omni_error *err)
{
	struct docs d = { .path = path, .mark_line = 1, .one_per_line = -1 };
	struct stat st;
	void *map = MAP_FAILED;
	char *copy = NULL;
	int fd = -1, rc = -1;

	if (strcmp(path, "-") == 0) {
		fd = STDIN_FILENO;
		d.path = "stdin";
	} else if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		return io_error(err, errno == EACCES ? OMNI_EX_NOPERM : OMNI_EX_NOINPUT,
		                path, "cannot open");
	}
	if (fstat(fd, &st) < 0) {
		io_error(err, OMNI_EX_IOERR, path, "cannot read");
		goto out;
	}
	if (S_ISREG(st.st_mode)) {
		if (st.st_size == 0) {
			rc = 0;
			goto out;
		}
		map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (map == MAP_FAILED) {
			io_error(err, OMNI_EX_IOERR, path, "cannot read");
			goto out;
		}
		d.buf = map;
		d.len = (size_t)st.st_size;
	} else {
		if (!(copy = slurp(fd, &d.len))) {
			io_error(err, OMNI_EX_IOERR, path, "cannot read");
			goto out;
		}
		d.buf = copy;
	}
	rc = read_docs(p, &d, err);
out:
	if (map != MAP_FAILED)
		munmap(map, d.len);
	free(copy);
	if (fd > STDIN_FILENO)
		close(fd);
	return rc;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The regular files of dir, dot-files skipped, in name order (bytewise, so
 * the order does not depend on the locale). */
static int
read_dir(omni_payload *p, const char *dir, omni_error *err)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = -1;

	if (!dp)
		return io_error(err, OMNI_EX_NOINPUT, dir, "cannot open");
	while ((de = readdir(dp))) {
		struct stat st;
		char *path;
		if (de->d_name[0] == '.')
			continue;
		if (asprintf(&path, "%s/%s", dir, de->d_name) < 0)
			goto nomem;
		if (stat(path, &st) < 0 || !S_ISREG(st.st_mode)) {
			free(path);
			continue;
		}
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			char **nn = realloc(names, ncap * sizeof *names);
			if (!nn) {
				free(path);
				goto nomem;
			}
			names = nn;
			cap = ncap;
		}
		names[n++] = path;
	}
	if (n)
		qsort(names, n, sizeof *names, by_name);
	rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = read_file(p, names[i], err);
	goto out;
nomem:
	omni_error_oom_at(err, dir, 0);
out:
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	closedir(dp);
	return rc;
}

int
omni_source_file(omni_fetch *f, const char *path, omni_error *err)
{
	omni_payload p = { .f = f, .emitted = json_object() };
	struct stat st;
	int rc;

	if (!p.emitted)
		return omni_error_oom_at(err, path, 0), -1;
	if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		rc = read_dir(&p, path, err);
	else
		rc = read_file(&p, path, err);
	json_decref(p.emitted);
	return rc;
}
