/*
 * desk_act.c - what a person does to a ticket: each action recorded in
 * the store with who and when and the version that shows it appended;
 * snooze's time; split through omni-link --unmerge, merge through
 * omni_link_merge.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "link/link.h"
#include "desk/desk.h"

/* Records verb on the ticket in the store (and its status, for solve,
 * reopen and pending), then appends the version that shows it. */
int
omni_desk_record(omni_desk_ctx *r, const omni_record *rec, const char *id, const char *verb,
                 const char *value, const char *status, omni_error *err)
{
	char at[40], *desk = NULL, quoted[64];
	omni_edit *e = omni_edit_new();
	int rc = -1;

	omni_time_format(omni_clock_now(), at);
	if (!e)
		return omni_error_oom(err);
	if (!r->store && omni_store_open(r->db_path, &r->store, err) < 0)
		goto out;
	if (omni_store_begin(r->store, err) < 0)
		goto out;
	if ((status && omni_desk_status(r->store, id, status, at, err) < 0) ||
	    omni_desk_act(r->store, id, verb, value, r->who, at, err) < 0 ||
	    omni_desk_member(r->store, id, &desk, err) < 0) {
		omni_store_rollback(r->store);
		goto out;
	}
	if (omni_store_commit(r->store, err) < 0)
		goto out;
	if (desk && omni_edit_set_raw(e, "desk", desk, strlen(desk)) < 0)
		goto oom;
	if (status) {
		snprintf(quoted, sizeof quoted, "\"%s\"", status);
		if (omni_edit_set_raw(e, "status", quoted, strlen(quoted)) < 0)
			goto oom;
		snprintf(quoted, sizeof quoted, "\"%s\"", at);
		if ((strcmp(status, "solved") == 0 ? omni_edit_set_raw(e, "solved_at", quoted, strlen(quoted))
		                                   : omni_edit_remove(e, "solved_at")) < 0)
			goto oom;
	}
	rc = omni_desk_append(r, rec, e, err);
	goto out;
oom:
	omni_error_oom(err);
out:
	omni_edit_free(e);
	free(desk);
	return rc;
}

/* "2026-12-08T09:00:00Z", or 30m, 4h, 2d, 1w from now. */
int
omni_desk_snooze_time(const char *s, omni_time *out)
{
	omni_time v;

	if (omni_time_parse(s, out) == 0 && strchr(s, '-'))
		return 0;
	if (!*s || !strchr("mhdw", s[strlen(s) - 1]) || (v = omni_duration_parse(s)) <= 0)
		return -1;
	*out = omni_clock_now() + v;
	return 0;
}

/* omni-link --unmerge RECORD: both conversations join the tickets file. */
int
omni_desk_split(omni_desk_ctx *r, const omni_desk_ticket *t, const char *what, omni_error *err)
{
	char *argv[10], *out = NULL, *path = omni_desk_tickets_path(r);
	size_t n = 0, len = 0;
	int st, fd = -1;

	argv[n++] = "omni-link";
	if (r->config_path)
		argv[n++] = "-c", argv[n++] = (char *)r->config_path;
	if (r->db_path)
		argv[n++] = "-d", argv[n++] = (char *)r->db_path;
	argv[n++] = "--unmerge";
	argv[n++] = (char *)what;
	argv[n] = NULL;
	st = omni_desk_run(argv, "/dev/null", &out, &len, err);
	if (st < 0 || !path)
		goto fail;
	if (st == 127) {
		omni_error_set(err, OMNI_EX_UNAVAILABLE, NULL, 0, 0, "cannot run omni-link");
		goto fail;
	}
	if (st != 0) {
		free(out);
		free(path);
		return st;
	}
	if ((fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600)) < 0 ||
	    write(fd, out, len) != (ssize_t)len || close(fd) < 0) {
		omni_error_set(err, OMNI_EX_IOERR, path, 0, 0, "cannot write: %s", strerror(errno));
		goto fail;
	}
	free(out);
	free(path);
	return omni_desk_record(r, &t->rec, t->id, "split", what, NULL, err);
fail:
	free(out);
	free(path);
	return -1;
}

/* The tickets-file version t with the members omni-link owns taken from
 * the merged ticket text: new text, or NULL. */
static char *
overlay(const omni_record *t, const char *merged, size_t len, omni_error *err)
{
	static const char *const owned[] = { "customer", "created_at", "updated_at", "order_ids",
	                                     "messages", "merged_from", "orders", "history",
	                                     "status", "solved_at", "reopens", "follows", NULL };
	omni_record m;
	omni_edit *e = omni_edit_new();
	omni_out *mem = omni_out_new_mem();
	char *text = NULL;
	size_t n;

	omni_record_init(&m);
	if (!e || !mem || omni_record_parse(&m, merged, len, err) < 0)
		goto out;
	for (size_t i = 0; owned[i]; i++) {
		omni_span v = omni_record_get(&m, owned[i]);
		if ((v.p ? omni_edit_set_raw(e, owned[i], v.p, v.n) : omni_edit_remove(e, owned[i])) < 0)
			goto out;
	}
	if (omni_record_write(mem, t, e) == 0 && (text = omni_out_take(mem, &n)))
		mem = NULL;
out:
	if (!text && !err->status)
		omni_error_oom(err);
	if (mem)
		omni_out_close(mem, NULL);
	omni_edit_free(e);
	omni_record_free(&m);
	return text;
}

/* omni_link_merge: other's conversation joins t's; t's next version (its
 * routing kept) and other's, merged into t, join the tickets file. */
int
omni_desk_merge(omni_desk_ctx *r, const omni_desk_ticket *t, const char *other, omni_error *err)
{
	omni_desk_ticket *o = omni_desk_ticket_of(r, other, err);
	omni_link_opts lo = { 0 };
	omni_link *l = NULL;
	omni_out *mem = NULL;
	omni_record rec;
	char *line = NULL, *text = NULL;
	size_t len = 0;
	int rc = -1;

	omni_record_init(&rec);
	if (!o)
		return -1;
	if (!r->store && omni_store_open(r->db_path, &r->store, err) < 0)
		return -1;
	lo.config = r->config;
	lo.window = 72 * 3600 * 1000LL;
	lo.dm_window = 24 * 3600 * 1000LL;
	lo.history = 10;
	lo.messages = OMNI_LINK_MESSAGES;
	if (omni_link_new(r->store, &lo, &l, err) < 0)
		return -1;
	if (!(mem = omni_out_new_mem())) {
		omni_error_oom(err);
		goto out;
	}
	if (omni_store_begin(r->store, err) < 0)
		goto out;
	omni_link_refresh(l);
	if (omni_link_merge(l, t->id, o->id, mem, err) < 0 ||
	    omni_handoff_done(r->store, "link", t->id, err) < 0) {
		omni_store_rollback(r->store);
		goto out;
	}
	if (omni_store_commit(r->store, err) < 0)
		goto out;
	if (!(line = omni_out_take(mem, &len))) {
		omni_error_oom(err);
		goto out;
	}
	mem = NULL;
	while (len && line[len - 1] == '\n')
		len--;
	if (!(text = overlay(&t->rec, line, len, err)) ||
	    omni_record_parse(&rec, text, strlen(text), err) < 0)
		goto out;
	rc = omni_desk_record(r, &rec, t->id, "merge", o->id, NULL, err);
	if (rc == 0)
		rc = omni_desk_record(r, &o->rec, o->id, "merged", t->id, NULL, err);
out:
	if (mem)
		omni_out_close(mem, NULL);
	omni_link_free(l);
	omni_record_free(&rec);
	free(line);
	free(text);
	return rc;
}
