/*
 * link_resume.c - what a run starts with: the records and tickets an
 * earlier run wrote that never reached the next stage (its run killed, or
 * its output piped into something else), and the lifecycle's clocks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "link_int.h"

/* A ticket written this often and never taken is given up: the end of
 * the pipeline is not an omni program that takes it (say, a filter). */
#define MAX_OFFERS 3

struct resume {
	omni_link *l;
	omni_out *out;
	omni_link_resumed *done;
};

static int
record_orphan(void *arg, const char *key, const char *text, long offers, omni_error *err)
{
	struct resume *r = arg;
	omni_record rec;
	int rc;

	/* linked already: its ticket, if unwritten, is noted on its own */
	omni_stmt *st = omni_link_stmt(r->l, OMNI_LS_LINK_GET);
	omni_stmt_bind_str(st, 1, key);
	rc = omni_stmt_step(st, NULL, NULL);
	omni_stmt_reset(st);
	if (rc == OMNI_STMT_ROW)
		return omni_handoff_take(r->l->store, "fetch", key, err);
	omni_record_init(&rec);
	if (!text || offers > MAX_OFFERS ||
	    omni_record_parse(&rec, text, strlen(text), NULL) < 0) {
		omni_record_free(&rec);
		r->done->dropped++;
		return omni_handoff_take(r->l->store, "fetch", key, err);
	}
	rc = omni_link_record(r->l, &rec, r->out, NULL, err);
	omni_record_free(&rec);
	if (rc < 0 && err->status == OMNI_EX_DATAERR) {
		/* it was refused when its run wrote it too: nothing to redo */
		memset(err, 0, sizeof *err);
		r->done->dropped++;
		return omni_handoff_take(r->l->store, "fetch", key, err);
	}
	if (rc == 0)
		r->done->records++;
	return rc;
}

static int
ticket_orphan(void *arg, const char *key, const char *text, long offers, omni_error *err)
{
	struct resume *r = arg;
	char *stored;
	omni_time at = 0;

	(void)text;
	if (offers > MAX_OFFERS || !(stored = omni_link_stored(r->l, key, &at))) {
		r->done->dropped++;
		return omni_handoff_take(r->l->store, "link", key, err);
	}
	if (omni_out_write(r->out, stored, strlen(stored)) < 0 ||
	    omni_out_write(r->out, "\n", 1) < 0) {
		free(stored);
		return omni_error_set(err, OMNI_EX_IOERR, "stdout", 0, 0, "cannot write"), -1;
	}
	free(stored);
	r->done->tickets++;
	return 0;
}

/* One ticket moved by a clock: its record with the status (and when it
 * was solved) set, stored and written. */
static int
move(omni_link *l, omni_out *out, const char *id, const char *text, const char *status,
     const char *solved_at, omni_error *err)
{
	omni_record rec;
	omni_edit *e = omni_edit_new();
	omni_out *mem = omni_out_new_mem();
	char sj[24], tj[48], *line = NULL;
	size_t len = 0;
	int rc = -1;

	omni_record_init(&rec);
	if (!e || !mem) {
		omni_error_oom(err);
		goto out;
	}
	if (omni_record_parse(&rec, text, strlen(text), NULL) < 0) {
		rc = 0;       /* not a record: left as it is */
		goto out;
	}
	snprintf(sj, sizeof sj, "\"%s\"", status);
	snprintf(tj, sizeof tj, "\"%s\"", solved_at);
	if (omni_edit_set_raw(e, "status", sj, strlen(sj)) < 0 ||
	    omni_edit_set_raw(e, "solved_at", tj, strlen(tj)) < 0 ||
	    omni_record_write(mem, &rec, e) < 0) {
		omni_error_oom(err);
		goto out;
	}
	line = omni_out_take(mem, &len);
	mem = NULL;
	if (!line) {
		omni_error_oom(err);
		goto out;
	}
	omni_stmt *st = omni_link_stmt(l, OMNI_LS_CLOCK_SET);
	omni_stmt_bind_str(st, 1, id);
	omni_stmt_bind_str(st, 2, status);
	omni_stmt_bind_str(st, 3, solved_at);
	omni_stmt_bind_text(st, 4, line, len - 1);     /* without its newline */
	if (omni_link_step(l, st, err) < 0 ||
	    omni_handoff_put(l->store, "link", id, NULL, 0, err) < 0)
		goto out;
	if (omni_out_write(out, line, len) < 0) {
		omni_error_set(err, OMNI_EX_IOERR, "stdout", 0, 0, "cannot write");
		goto out;
	}
	rc = 1;
out:
	if (mem)
		omni_out_close(mem, NULL);
	omni_edit_free(e);
	omni_record_free(&rec);
	free(line);
	return rc;
}

/* The tickets of a clock's statement older than before, moved to status:
 * each solved as of the time the statement gives (the last reply, for a
 * pending ticket; when it was solved, for a solved one).  Only their ids
 * and times are held; each record is read when it moves, so that the
 * first run after a long pause or an import of old tickets (tens of
 * thousands due at once) holds one record at a time, not all of them. */
static int
run_clock(omni_link *l, int which, omni_time after, const char *status, omni_out *out,
      long *moved, omni_error *err)
{
	struct due { char *id, *at; } *v = NULL;
	size_t n = 0, cap = 0;
	char before[40];
	int rc = 0, step;

	if (!after)
		return 0;
	omni_time_format(omni_clock_now() - after, before);
	omni_stmt *st = omni_link_stmt(l, which);
	omni_stmt_bind_str(st, 1, before);
	while ((step = omni_stmt_step(st, err, "reading tickets")) == OMNI_STMT_ROW) {
		if (n == cap) {
			struct due *nv = realloc(v, (cap = cap ? cap * 2 : 16) * sizeof *nv);
			if (!nv)
				break;
			v = nv;
		}
		const char *at = omni_stmt_text(st, 1);
		v[n].id = strdup(omni_stmt_text(st, 0));
		v[n].at = strdup(at ? at : before);
		n++;
	}
	omni_stmt_reset(st);
	if (step == OMNI_STMT_ROW)
		rc = omni_error_oom(err);
	else if (step < 0)
		rc = -1;
	for (size_t i = 0; i < n && rc == 0; i++) {
		omni_time c = 0;
		char *record = v[i].id && v[i].at ? omni_link_stored(l, v[i].id, &c) : NULL;
		int r = record ? move(l, out, v[i].id, record, status, v[i].at, err) :
		        v[i].id && v[i].at ? 0 : omni_error_oom(err);
		free(record);
		if (r < 0)
			rc = -1;
		*moved += r > 0;
	}
	for (size_t i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].at);
	}
	free(v);
	return rc;
}

int
omni_link_resume(omni_link *l, omni_out *out, omni_link_resumed *done, omni_error *err)
{
	struct resume r = { l, out, done };

	memset(done, 0, sizeof *done);
	if (omni_handoff_orphans(l->store, "fetch", record_orphan, &r, err) < 0 ||
	    omni_handoff_orphans(l->store, "link", ticket_orphan, &r, err) < 0)
		return -1;
	omni_link_cache_reset(l);
	if (run_clock(l, OMNI_LS_CLOCK_SOLVED, l->o.close_after, "closed", out, &done->closed, err) < 0 ||
	    run_clock(l, OMNI_LS_CLOCK_PENDING, l->o.solve_after, "solved", out, &done->solved, err) < 0)
		return -1;
	omni_store_reset_all(l->store);
	return 0;
}

int
omni_link_taken(omni_link *l, omni_error *err)
{
	return omni_link_exec(l, err, OMNI_LS_HANDOFF_LINKED, omni_proc_run(), (const char *)NULL);
}
