/*
 * desk_send.c - an answer: the draft it starts from, written in the
 * editor until the channel's lint and omni-reply take it (each refusal
 * said and shown above the timeline, as git commit does), then sent once
 * by omni-reply --send --human and recorded.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "record/bridge.h"
#include "reply/reply.h"
#include "desk/desk.h"

/* The person opened the answer in the editor: in the store only (the
 * answer's version shows it), where the handling time starts
 * (omni-report(1)). */
static int
opened(omni_desk_ctx *r, const char *id, omni_error *err)
{
	char at[40];

	omni_time_format(omni_clock_now(), at);
	if (!r->store && omni_store_open(r->db_path, &r->store, err) < 0)
		return -1;
	if (omni_store_begin(r->store, err) < 0)
		return -1;
	if (omni_desk_act(r->store, id, "open", NULL, r->who, at, err) < 0) {
		omni_store_rollback(r->store);
		return -1;
	}
	return omni_store_commit(r->store, err);
}

/* The ticket with the person's answer as its reply, for omni-reply; with
 * the slots its draft left empty (reply.empty, raw JSON or NULL), which
 * hold while the answer is the draft's text unchanged. */
static int
ticket_with_answer(const omni_record *rec, const char *text, const char *empty,
                   const char *path, omni_error *err)
{
	omni_text b = { 0 };
	omni_edit *e = omni_edit_new();
	omni_out *mem = omni_out_new_mem();
	char *line = NULL;
	size_t len = 0;
	int rc = -1;

	omni_text_put(&b, "{\"text\":", 8);
	omni_json_text_string(&b, text, strlen(text));
	omni_text_put(&b, ",\"status\":\"approved\"", 20);
	if (empty) {
		omni_text_put(&b, ",\"empty\":", 9);
		omni_text_put(&b, empty, strlen(empty));
	}
	omni_text_put(&b, "}", 1);
	if (!e || !mem || b.failed || omni_edit_set_raw(e, "reply", b.p, b.n) < 0 ||
	    omni_record_write(mem, rec, e) < 0 || !(line = omni_out_take(mem, &len))) {
		omni_error_oom(err);
	} else {
		mem = NULL;
		rc = omni_desk_file_write(path, line, err);
	}
	if (mem)
		omni_out_close(mem, NULL);
	omni_edit_free(e);
	free(b.p);
	free(line);
	return rc;
}

/* Sends the ticket in path through omni-reply --send --human: its next
 * version (new) in *line, omni-reply's exit status returned. */
static int
send_answer(omni_desk_ctx *r, const char *path, char **line, size_t *len, omni_error *err)
{
	char *argv[12];
	size_t n = 0;

	argv[n++] = "omni-reply";
	argv[n++] = "--send";
	argv[n++] = "--human";
	if (r->config_path)
		argv[n++] = "-c", argv[n++] = (char *)r->config_path;
	if (r->db_path)
		argv[n++] = "-d", argv[n++] = (char *)r->db_path;
	if (r->now_arg)
		argv[n++] = "--now", argv[n++] = (char *)r->now_arg;
	argv[n++] = (char *)path;
	argv[n] = NULL;
	return omni_desk_run(argv, "/dev/null", line, len, err);
}

/* The lint omni-reply will apply, said before anything leaves: reasons
 * into why (new strings), their number. */
static size_t
lint(const omni_record *rec, const char *text, char ***why)
{
	omni_reply_view *v = omni_reply_view_new();
	json_t *reasons = json_array();
	size_t n = 0;

	*why = NULL;
	if (v && reasons) {
		omni_reply_view_set(v, rec);
		omni_reply_lint_text(v, text, NULL, 1, reasons, NULL);
		n = json_array_size(reasons);
		if (n && (*why = calloc(n, sizeof **why)))
			for (size_t i = 0; i < n; i++)
				(*why)[i] = strdup(json_string_value(json_array_get(reasons, i)));
	}
	json_decref(reasons);
	omni_reply_view_free(v);
	return *why ? n : 0;
}

static void
free_why(char **why, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(why[i]);
	free(why);
}

/* The draft the answer starts from: the ticket's reply unless sent, else
 * the one omni-reply renders from its template (path: a file to write the
 * ticket in).  New, or NULL for none; *empty (new or NULL) its
 * reply.empty. */
static char *
draft_of(omni_desk_ctx *r, const omni_record *rec, const char *path, char **empty)
{
	omni_span reply = omni_record_get(rec, "reply"), text = omni_json_get(reply, "text");
	char *argv[10], *out = NULL, *draft = NULL;
	size_t n = 0, len = 0;
	omni_record next;
	omni_error e = { 0 };

	*empty = NULL;
	if (omni_json_type(text) == OMNI_J_STRING && !omni_json_string_eq(omni_json_get(reply, "status"), "sent")) {
		omni_span slots = omni_json_get(reply, "empty");
		if (slots.p)
			*empty = strndup(slots.p, slots.n);
		return omni_json_string(text, NULL);
	}
	if (omni_desk_file_write(path, rec->text, &e) < 0)
		return NULL;
	argv[n++] = "omni-reply";
	argv[n++] = "-q";
	if (r->config_path)
		argv[n++] = "-c", argv[n++] = (char *)r->config_path;
	if (r->now_arg)
		argv[n++] = "--now", argv[n++] = (char *)r->now_arg;
	argv[n++] = (char *)path;
	argv[n] = NULL;
	omni_record_init(&next);
	if (omni_desk_run(argv, "/dev/null", &out, &len, &e) == 0 && out &&
	    omni_record_parse(&next, out, len, NULL) == 0) {
		text = omni_json_get(omni_record_get(&next, "reply"), "text");
		omni_span slots = omni_json_get(omni_record_get(&next, "reply"), "empty");
		if (omni_json_type(text) == OMNI_J_STRING)
			draft = omni_json_string(text, NULL);
		if (draft && slots.p)
			*empty = strndup(slots.p, slots.n);
	}
	omni_record_free(&next);
	free(out);
	return draft;
}

/* What the editor shows above the timeline after a refusal: the text
 * refused (new) and why (new strings). */
struct refusal {
	char *text, **why;
	size_t nwhy;
};

static void
refusal_clear(struct refusal *f)
{
	free_why(f->why, f->nwhy);
	free(f->text);
	memset(f, 0, sizeof *f);
}

/* Writes the answer in the editor until it is empty (nothing sent), the
 * same as the one refused (given up) or passes the lint: 1 and *text
 * (new), 0 nothing to send, -1 with err.  start (steals): the draft; f:
 * the last refusal, shown and kept up to date. */
static int
write_answer(const omni_desk_ctx *r, const omni_record *rec, char *start, struct refusal *f,
             const char *path, char **text, omni_error *err)
{
	char *timeline = omni_desk_timeline(rec), *file = NULL;
	size_t len;
	int rc = -1;

	*text = NULL;
	for (;;) {
		free(file);
		if (!(file = omni_desk_answer_file(f->text ? f->text : start, (const char *const *)f->why,
		                                   f->nwhy, timeline))) {
			omni_error_oom(err);
			break;
		}
		if (omni_desk_file_write(path, file, err) < 0 || omni_desk_edit(path, err) < 0)
			break;
		free(file);
		if (!(file = omni_desk_file_read(path, &len)) || !(*text = omni_desk_answer_text(file, len))) {
			omni_error_set(err, OMNI_EX_IOERR, path, 0, 0, "cannot read the answer");
			break;
		}
		if (!**text) {
			omni_desk_say(r, "an empty answer: nothing sent");
			rc = 0;
			break;
		}
		if (f->text && strcmp(f->text, *text) == 0) {
			omni_desk_say(r, "the answer refused again, unchanged: nothing sent");
			rc = 0;
			break;
		}
		free_why(f->why, f->nwhy);
		if (!(f->nwhy = lint(rec, *text, &f->why))) {
			rc = 1;
			break;
		}
		for (size_t i = 0; i < f->nwhy; i++)
			omni_desk_say(r, "the channel's rules refuse the answer: %s", f->why[i]);
		free(f->text);
		f->text = *text;
		*text = NULL;
	}
	if (rc < 1) {
		free(*text);
		*text = NULL;
	}
	free(start);
	free(timeline);
	free(file);
	return rc;
}

/* omni-reply refused the answer text (a blocked reply: an empty slot, or
 * any reason of its lint): the reasons it gave into f, said; 1, or 0 when
 * it gave none. */
static int
refused_by_reply(const omni_desk_ctx *r, const omni_record *next, char *text, struct refusal *f)
{
	omni_span reply = omni_record_get(next, "reply"), v;
	omni_jiter it;
	size_t n = 0;

	if (!omni_json_string_eq(omni_json_get(reply, "status"), "blocked"))
		return 0;
	refusal_clear(f);
	omni_json_iter(&it, omni_json_get(reply, "lint"));
	while (omni_json_next(&it, NULL, &v))
		n++;
	if (!n || !(f->why = calloc(n, sizeof *f->why)))
		return 0;
	omni_json_iter(&it, omni_json_get(reply, "lint"));
	while (f->nwhy < n && omni_json_next(&it, NULL, &v))
		if ((f->why[f->nwhy] = omni_json_string(v, NULL)))
			omni_desk_say(r, "omni-reply refuses the answer: %s", f->why[f->nwhy++]);
	if (!f->nwhy)
		return 0;
	f->text = strdup(text);
	return f->text != NULL;
}

/* The answer's result: sent (the actions recorded, r->sent its id), or
 * said. */
static int
answered(omni_desk_ctx *r, const omni_desk_ticket *t, omni_record *next, int st, omni_error *err)
{
	omni_span rs = omni_json_get(omni_record_get(next, "reply"), "status");
	int rc;

	if (omni_json_string_eq(rs, "sent")) {
		char *msg = omni_json_string(omni_json_get(omni_record_get(next, "reply"), "external_id"), NULL);
		rc = omni_desk_record(r, next, t->id, "answer", msg, NULL, err);
		free(msg);
		if (rc == 0 && r->solve)
			rc = omni_desk_record(r, next, t->id, "solve", NULL, "solved", err);
		if (rc == 0)
			r->sent = t->id;
		return rc;
	}
	char *why = omni_json_string(rs, NULL);
	rc = omni_desk_append(r, next, NULL, err);
	if (rc == 0) {
		omni_desk_say(r, "%s: not sent: the reply is %s", t->id, why ? why : "missing");
		rc = st ? st : OMNI_EX_UNAVAILABLE;
	}
	free(why);
	return rc;
}

int
omni_desk_answer(omni_desk_ctx *r, const char *id, omni_error *err)
{
	omni_desk_ticket *t = omni_desk_ticket_of(r, id, err);
	const char *tmp = getenv("TMPDIR");
	char edit_path[4096], send_path[4096], *text = NULL, *line = NULL, *empty = NULL, *start;
	struct refusal f = { 0 };
	size_t len = 0;
	int fd, rc = -1, st;
	omni_record next;

	omni_record_init(&next);
	if (!t)
		return -1;
	snprintf(edit_path, sizeof edit_path, "%s/omni-desk-XXXXXX.txt", tmp && *tmp ? tmp : "/tmp");
	snprintf(send_path, sizeof send_path, "%s/omni-desk-XXXXXX.ndjson", tmp && *tmp ? tmp : "/tmp");
	if ((fd = mkstemps(edit_path, 4)) < 0)
		return omni_error_set(err, OMNI_EX_CANTCREAT, edit_path, 0, 0, "%s", strerror(errno));
	close(fd);
	if ((fd = mkstemps(send_path, 7)) < 0) {
		unlink(edit_path);
		return omni_error_set(err, OMNI_EX_CANTCREAT, send_path, 0, 0, "%s", strerror(errno));
	}
	close(fd);
	start = draft_of(r, &t->rec, send_path, &empty);
	if (opened(r, t->id, err) < 0) {
		free(start);
		goto out;
	}
	/* omni-reply's refusal reopens the editor, as the channel's lint does */
	for (;;) {
		if ((st = write_answer(r, &t->rec, start, &f, edit_path, &text, err)) <= 0) {
			rc = st;
			goto out;
		}
		start = NULL;
		if (ticket_with_answer(&t->rec, text, empty, send_path, err) < 0)
			goto out;
		omni_record_free(&next);
		omni_record_init(&next);
		free(line);
		line = NULL;
		st = send_answer(r, send_path, &line, &len, err);
		if (st < 0)
			goto out;
		if (st == 127) {
			omni_error_set(err, OMNI_EX_UNAVAILABLE, NULL, 0, 0, "cannot run omni-reply: nothing sent");
			goto out;
		}
		if (!line || !len || omni_record_parse(&next, line, len, NULL) < 0) {
			rc = st ? st : (omni_error_set(err, OMNI_EX_SOFTWARE, NULL, 0, 0,
			                               "omni-reply wrote no ticket"), -1);
			goto out;
		}
		if (!refused_by_reply(r, &next, text, &f))
			break;
		free(text);
		text = NULL;
	}
	rc = answered(r, t, &next, st, err);
out:
	omni_record_free(&next);
	unlink(edit_path);
	unlink(send_path);
	refusal_clear(&f);
	free(text);
	free(empty);
	free(line);
	return rc;
}
