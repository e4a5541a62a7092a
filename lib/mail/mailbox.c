/*
 * mailbox.c - reading Maildir and mbox, never changing them.
 *
 * Maildir: the files of new/ and cur/ in name order across both (dot-files
 * skipped; nothing is moved or renamed: we are not a mail client).  The key
 * is the unique part of the name, before the ":2," info, so a message
 * another client moved from new/ to cur/ keeps its key.
 *
 * mbox: mapped, not read into memory, so a mailbox of any size costs only
 * its largest message.  A message starts at a "From " line that begins the
 * file or follows an empty line; one '>' is taken from lines matching
 * ^>+From (mboxrd; for mboxo that is the usual best guess).  The key is the
 * FNV-1a 64-bit hash of the message as read, in hex: the same bytes give the
 * same key on every run.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/core.h"
#include "mail/mail.h"

struct omni_mailbox {
	int mbox;
	char *path;
	/* Maildir */
	char **names;          /* "new/x" or "cur/x:2,S", sorted by x */
	size_t nnames, next;
	char *data, *filepath, *key;
	/* mbox */
	const char *map;
	size_t size, pos, dropped;
	long line;             /* line number at pos */
	char *copy;            /* an unescaped message */
	char keybuf[24];
};

static const char *base(const char *rel)
{
	return strchr(rel, '/') + 1;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(base(*(char *const *)a), base(*(char *const *)b));
}

/* Adds the regular entries of dir/sub to mb->names. */
/* The exit status of a failed open or read: omni(7) says 77 for a
 * permission problem, 66 for what is not there. */
static int errno_status(int e)
{
	return e == EACCES || e == EPERM ? OMNI_EX_NOPERM :
	       e == ENOENT ? OMNI_EX_NOINPUT : OMNI_EX_IOERR;
}

static int list_dir(omni_mailbox *mb, const char *sub, int *found)
{
	char *dir = NULL;
	DIR *d = NULL;
	struct dirent *e;
	int rc = -1;

	if (asprintf(&dir, "%s/%s", mb->path, sub) < 0)
		return -1;
	if (!(d = opendir(dir))) {
		rc = errno == ENOENT ? 0 : -1;
		goto out;
	}
	*found = 1;
	while ((e = readdir(d))) {
		char **v, *name;
		if (e->d_name[0] == '.' || e->d_type == DT_DIR)
			continue;
		if (!(v = realloc(mb->names, (mb->nnames + 1) * sizeof *v)))
			goto out;
		mb->names = v;
		if (asprintf(&name, "%s/%s", sub, e->d_name) < 0)
			goto out;
		mb->names[mb->nnames++] = name;
	}
	rc = 0;
out:
	if (d)
		closedir(d);
	free(dir);
	return rc;
}

static int maildir_open(omni_mailbox *mb, omni_error *err)
{
	int found = 0;
	struct stat st;

	if (stat(mb->path, &st) < 0)
		return omni_error_set(err, errno_status(errno), mb->path, 0, 0,
		                      "%s", strerror(errno)), -1;
	if (list_dir(mb, "new", &found) < 0 || list_dir(mb, "cur", &found) < 0)
		return omni_error_set(err, errno_status(errno), mb->path, 0, 0,
		                      "cannot read maildir: %s", strerror(errno)), -1;
	if (!found)
		return omni_error_set(err, OMNI_EX_DATAERR, mb->path, 0, 0,
		                      "not a maildir (no new/ or cur/)"), -1;
	if (mb->nnames)   /* qsort(NULL, 0, ...) is undefined */
		qsort(mb->names, mb->nnames, sizeof *mb->names, by_name);
	return 0;
}

/* Reads a whole file: new buffer, NUL-terminated. */
static char *slurp(const char *path, size_t *len, time_t *mtime)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	char *buf = NULL;
	size_t n = 0;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0 || !(buf = malloc((size_t)st.st_size + 1)))
		goto fail;
	while (n < (size_t)st.st_size) {
		ssize_t r = read(fd, buf + n, (size_t)st.st_size - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	buf[n] = '\0';
	*len = n;
	*mtime = st.st_mtime;
	close(fd);
	return buf;
fail:
	free(buf);
	close(fd);
	return NULL;
}

/* A message another program moved while we read (new/x to cur/x:2,S by
 * a mail client, or flags changed in cur/): its path now, new, or NULL
 * when it is gone. */
static char *moved_to(const omni_mailbox *mb, const char *key)
{
	char *dir = NULL, *found = NULL;
	size_t kl = strlen(key);
	struct dirent *e;
	DIR *d;

	if (asprintf(&dir, "%s/cur", mb->path) < 0)
		return NULL;
	if ((d = opendir(dir))) {
		while (!found && (e = readdir(d)))
			if (strncmp(e->d_name, key, kl) == 0 && e->d_name[kl] == ':' &&
			    asprintf(&found, "%s/%s", dir, e->d_name) < 0)
				found = NULL;
		closedir(d);
	}
	free(dir);
	return found;
}

static int maildir_next(omni_mailbox *mb, omni_mailbox_msg *msg, omni_error *err)
{
	const char *rel, *colon;
	size_t len = 0;
	time_t mtime = 0;

again:
	free(mb->data);
	free(mb->filepath);
	free(mb->key);
	mb->data = mb->filepath = mb->key = NULL;
	if (mb->next >= mb->nnames)
		return 0;
	rel = mb->names[mb->next++];
	colon = strchr(base(rel), ':');
	if (!(mb->key = strndup(base(rel), colon ? (size_t)(colon - base(rel))
	                                         : strlen(base(rel)))) ||
	    asprintf(&mb->filepath, "%s/%s", mb->path, rel) < 0)
		goto nomem;
	if (!(mb->data = slurp(mb->filepath, &len, &mtime)) && errno == ENOENT) {
		free(mb->filepath);
		if (!(mb->filepath = moved_to(mb, mb->key)))
			goto again;     /* deleted meanwhile: nothing to read */
		mb->data = slurp(mb->filepath, &len, &mtime);
	}
	if (!mb->data) {
		omni_error_set(err, errno_status(errno), mb->filepath, 0, 0, "%s",
		               strerror(errno));
		return -1;
	}
	msg->data = mb->data;
	msg->len = len;
	msg->key = mb->key;
	msg->path = mb->filepath;
	msg->line = 1;
	msg->mtime = (omni_time)mtime * 1000;
	return 1;
nomem:
	omni_error_oom(err);
	return -1;
}

static int is_from_line(const char *p, const char *end)
{
	return end - p >= 5 && memcmp(p, "From ", 5) == 0;
}

static int mbox_open(omni_mailbox *mb, omni_error *err)
{
	int fd = open(mb->path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	const char *p;

	if (fd < 0)
		return omni_error_set(err, errno_status(errno), mb->path, 0, 0, "%s",
		                      strerror(errno)), -1;
	if (fstat(fd, &st) < 0 || S_ISDIR(st.st_mode)) {
		close(fd);
		return omni_error_set(err, OMNI_EX_DATAERR, mb->path, 0, 0,
		                      "not an mbox file"), -1;
	}
	mb->size = (size_t)st.st_size;
	mb->line = 1;
	if (mb->size > 0) {
		void *m = mmap(NULL, mb->size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (m == MAP_FAILED) {
			close(fd);
			return omni_error_set(err, OMNI_EX_IOERR, mb->path, 0, 0,
			                      "%s", strerror(errno)), -1;
		}
		madvise(m, mb->size, MADV_SEQUENTIAL);
		mb->map = m;
	}
	close(fd);
	/* blank lines before the first message are tolerated */
	for (p = mb->map; p < mb->map + mb->size && (*p == '\n' || *p == '\r'); p++)
		if (*p == '\n')
			mb->line++;
	mb->pos = (size_t)(p - mb->map);
	if (mb->pos < mb->size && !is_from_line(p, mb->map + mb->size))
		return omni_error_set(err, OMNI_EX_DATAERR, mb->path, mb->line, 0,
		                      "not an mbox file (no \"From \" line)"), -1;
	return 0;
}

static int is_escaped_from(const char *p, const char *end)
{
	while (p < end && *p == '>')
		p++;
	return is_from_line(p, end) && p[-1] == '>';
}

/* "From sender Tue Mar  5 10:00:00 2024": the date, UTC, or 0. */
static omni_time from_line_date(const char *p, const char *eol)
{
	char line[256], *d;
	struct tm tm = {0};
	size_t n = (size_t)(eol - p) < sizeof line - 1 ? (size_t)(eol - p) : sizeof line - 1;

	memcpy(line, p, n);
	line[n] = '\0';
	if (!(d = strchr(line + 5, ' ')))
		return 0;
	while (*d == ' ')
		d++;
	if (!strptime(d, "%a %b %d %H:%M:%S %Y", &tm))
		return 0;
	return (omni_time)timegm(&tm) * 1000;
}

/* Pages before off were read: dropped from the mapping every 64 MiB, so
 * the resident size of a big mailbox stays small (they are the file's, so
 * the kernel could drop them anyway; this keeps RSS honest). */
static void drop_read_pages(omni_mailbox *mb, size_t off)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE), done = off - off % page;

	if (done - mb->dropped < (size_t)64 << 20)
		return;
	madvise((void *)(mb->map + mb->dropped), done - mb->dropped, MADV_DONTNEED);
	mb->dropped = done;
}

/* The message that starts at mb->pos (on its "From " line). */
static int mbox_next(omni_mailbox *mb, omni_mailbox_msg *msg, omni_error *err)
{
	const char *end = mb->map + mb->size, *from = mb->map + mb->pos;
	const char *p, *eol, *start, *stop = end;
	int blank = 0, escaped = 0;
	long lines = 0;
	uint64_t h = 1469598103934665603ULL;
	size_t len;

	free(mb->copy);
	mb->copy = NULL;
	if (from >= end)
		return 0;
	drop_read_pages(mb, (size_t)(from - mb->map));
	eol = memchr(from, '\n', (size_t)(end - from));
	start = p = eol ? eol + 1 : end;
	for (; p < end; lines++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *next = nl ? nl + 1 : end;
		if (blank && is_from_line(p, end)) {
			stop = p;
			break;
		}
		blank = next - p == 1 || (next - p == 2 && *p == '\r');
		if (*p == '>' && is_escaped_from(p, next))
			escaped = 1;
		p = next;
	}
	mb->pos = (size_t)(stop - mb->map);
	msg->line = mb->line;
	msg->mtime = from_line_date(from, eol ? eol : end);
	mb->line += lines + 1;
	/* the empty line before the next "From " separates, it is not data */
	len = (size_t)(stop - start);
	if (stop < end && len > 0 && start[len - 1] == '\n')
		len--;
	if (stop < end && len > 0 && start[len - 1] == '\r')
		len--;
	msg->data = start;
	if (escaped) {
		char *o;
		if (!(mb->copy = malloc(len + 1)))
			return omni_error_oom(err), -1;
		o = mb->copy;
		for (p = start; p < start + len;) {
			const char *nl = memchr(p, '\n', (size_t)(start + len - p));
			const char *next = nl ? nl + 1 : start + len;
			if (*p == '>' && is_escaped_from(p, next))
				p++;
			memcpy(o, p, (size_t)(next - p));
			o += next - p;
			p = next;
		}
		*o = '\0';
		len = (size_t)(o - mb->copy);
		msg->data = mb->copy;
	}
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)msg->data[i]) * 1099511628211ULL;
	snprintf(mb->keybuf, sizeof mb->keybuf, "%016llx", (unsigned long long)h);
	msg->len = len;
	msg->key = mb->keybuf;
	msg->path = mb->path;
	return 1;
}

int omni_mailbox_open(const char *kind, const char *path, omni_mailbox **out,
                      omni_error *err)
{
	omni_mailbox *mb = calloc(1, sizeof *mb);
	int rc;

	*out = NULL;
	if (!mb || !(mb->path = strdup(path))) {
		free(mb);
		return omni_error_oom(err), -1;
	}
	mb->mbox = strcmp(kind, "mbox") == 0;
	rc = mb->mbox ? mbox_open(mb, err) : maildir_open(mb, err);
	if (rc < 0) {
		omni_mailbox_close(mb);
		return -1;
	}
	*out = mb;
	return 0;
}

int omni_mailbox_next(omni_mailbox *mb, omni_mailbox_msg *msg, omni_error *err)
{
	memset(msg, 0, sizeof *msg);
	return mb->mbox ? mbox_next(mb, msg, err) : maildir_next(mb, msg, err);
}

void omni_mailbox_close(omni_mailbox *mb)
{
	if (!mb)
		return;
	for (size_t i = 0; i < mb->nnames; i++)
		free(mb->names[i]);
	free(mb->names);
	free(mb->data);
	free(mb->filepath);
	free(mb->key);
	free(mb->copy);
	if (mb->map)
		munmap((void *)mb->map, mb->size);
	free(mb->path);
	free(mb);
}
