/*
 * desk_file.c - a command's tickets file: where it is, its tickets read
 * into the set, one ticket found, a ticket's next version appended.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "desk/desk.h"

void
omni_desk_say(const omni_desk_ctx *r, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	if (!r->warn)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	r->warn(buf);
}

/* The tickets file: -f, $OMNI_TICKETS, or the crontab's. */
char *
omni_desk_tickets_path(const omni_desk_ctx *r)
{
	const char *env = getenv("OMNI_TICKETS");

	if (r->tickets)
		return strdup(r->tickets);
	if (env && *env)
		return strdup(env);
	return omni_expand_home("~/omni/tickets.ndjson");
}

int
omni_desk_load(omni_desk_ctx *r, char **paths, int npaths, omni_error *err)
{
	omni_reader *in = omni_reader_new(paths, npaths, r->keep_going, r->reject);
	omni_record *rec;
	int rc;

	while ((rc = omni_reader_next(in, &rec, err)) != 0) {
		if (rc < 0)
			break;
		if (rc == 2) {
			if (r->report)
				r->report(err);
			memset(err, 0, sizeof *err);
			continue;
		}
		if (omni_desk_set_add(&r->set, rec, err) < 0) {
			rc = -1;
			break;
		}
	}
	if (rc == 0 && omni_reader_rejected(in))
		rc = 1;
	omni_reader_free(in);
	return rc;
}

int
omni_desk_load_file(omni_desk_ctx *r, omni_error *err)
{
	char *path = omni_desk_tickets_path(r);
	int rc;

	if (!path)
		return omni_error_oom(err);
	rc = omni_desk_load(r, &path, 1, err);
	free(path);
	if (rc >= 0)
		r->loaded = 1;
	return rc;
}

omni_desk_ticket *
omni_desk_ticket_of(omni_desk_ctx *r, const char *id, omni_error *err)
{
	char *path = NULL, *line = NULL, *found = NULL;
	size_t len = 0;
	omni_record rec;
	int rc = 0;

	omni_record_init(&rec);
	if (!r->loaded && (path = omni_desk_tickets_path(r)) &&
	    (rc = omni_desk_index_line(path, id, &line, &len, err)) == 1) {
		/* the line the index found, as the whole file's last line of it */
		if (omni_record_parse(&rec, line, len, err) < 0 ||
		    !(found = omni_json_string(omni_record_get(&rec, "id"), NULL)) ||
		    (!omni_desk_set_get(&r->set, found) && omni_desk_set_add(&r->set, &rec, err) < 0))
			rc = -1;
	}
	free(path);
	if (rc == 0 && !r->loaded && omni_desk_load_file(r, err) < 0)
		rc = -1;
	omni_desk_ticket *t = rc < 0 ? NULL : omni_desk_find(&r->set, found ? found : id, err);
	free(found);
	omni_record_free(&rec);
	free(line);
	return t;
}

/* The ticket's next version, appended to the tickets file in one write. */
int
omni_desk_append(omni_desk_ctx *r, const omni_record *rec, const omni_edit *e, omni_error *err)
{
	char *path = omni_desk_tickets_path(r);
	omni_out *mem = omni_out_new_mem();
	char *line = NULL;
	size_t len = 0;
	int fd = -1, rc = -1;

	if (!path || !mem || omni_record_write(mem, rec, e) < 0 || !(line = omni_out_take(mem, &len))) {
		omni_error_oom(err);
		goto out;
	}
	mem = NULL;
	if ((fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600)) < 0 ||
	    write(fd, line, len) != (ssize_t)len || close(fd) < 0) {
		omni_error_set(err, OMNI_EX_IOERR, path, 0, 0, "cannot write: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		goto out;
	}
	rc = 0;
out:
	if (mem)
		omni_out_close(mem, NULL);
	free(line);
	free(path);
	return rc;
}
