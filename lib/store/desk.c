/*
 * desk.c - a person's work on a ticket (omni-desk(1)): the log of what
 * was done, with who and when, and what it adds up to (assignee, tags,
 * snooze), which every later version of the ticket carries as its
 * `desk` member (omni-ticket(5)).
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/core.h"
#include "record/record.h"
#include "store/store.h"

static const char log_sql[] =
	"INSERT INTO desk_actions (ticket, verb, value, who, at) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char state_get_sql[] =
	"SELECT assignee, tags, snoozed_until FROM desk_tickets WHERE ticket = ?1";
static const char state_put_sql[] =
	"INSERT INTO desk_tickets (ticket, assignee, tags, snoozed_until, updated_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (ticket) DO UPDATE SET"
	" assignee = ?2, tags = ?3, snoozed_until = ?4, updated_at = ?5";
static const char actions_sql[] =
	"SELECT verb, value, who, at FROM desk_actions WHERE ticket = ?1 ORDER BY seq";
static const char ticket_get_sql[] = "SELECT seq, record FROM tickets WHERE id = ?1";
static const char ticket_put_sql[] =
	"UPDATE tickets SET record = ?2, status = ?3, solved_at = ?4 WHERE seq = ?1";

typedef struct state {
	char *assignee, *snoozed;
	json_t *tags;
	int found;
} state;

static void
state_free(state *st)
{
	free(st->assignee);
	free(st->snoozed);
	json_decref(st->tags);
}

static char *
dup_col(omni_stmt *st, int i)
{
	const char *t = omni_stmt_text(st, i);
	return t ? strdup(t) : NULL;
}

static int
state_get(omni_store *s, const char *ticket, state *out, omni_error *err)
{
	omni_stmt *st = omni_store_stmt(s, state_get_sql, err);
	int step;

	memset(out, 0, sizeof *out);
	if (!st)
		return -1;
	omni_stmt_bind_str(st, 1, ticket);
	step = omni_stmt_step(st, err, "reading a ticket's desk");
	if (step == OMNI_STMT_ROW) {
		out->found = 1;
		out->assignee = dup_col(st, 0);
		if (omni_stmt_text(st, 1))
			out->tags = json_loads(omni_stmt_text(st, 1), JSON_DECODE_ANY, NULL);
		out->snoozed = dup_col(st, 2);
	}
	omni_stmt_reset(st);
	if (step < 0)
		return -1;
	if (!out->tags || !json_is_array(out->tags)) {
		json_decref(out->tags);
		out->tags = json_array();
	}
	return out->tags ? 0 : omni_error_oom(err);
}

static int
state_put(omni_store *s, const char *ticket, const state *in, const char *at,
          omni_error *err)
{
	omni_stmt *st = omni_store_stmt(s, state_put_sql, err);
	char *tags = json_dumps(in->tags, JSON_COMPACT);
	int step;

	if (!st || !tags) {
		free(tags);
		return st ? omni_error_oom(err) : -1;
	}
	omni_stmt_bind_str(st, 1, ticket);
	omni_stmt_bind_str(st, 2, in->assignee && *in->assignee ? in->assignee : NULL);
	omni_stmt_bind_str_new(st, 3, tags);
	omni_stmt_bind_str(st, 4, in->snoozed);
	omni_stmt_bind_str(st, 5, at);
	step = omni_stmt_step(st, err, "recording a ticket's desk");
	omni_stmt_reset(st);
	return step == OMNI_STMT_DONE ? 0 : -1;
}

static size_t
tag_index(const json_t *tags, const char *tag)
{
	size_t i;
	json_t *v;

	json_array_foreach(tags, i, v)
		if (strcmp(json_string_value(v) ? json_string_value(v) : "", tag) == 0)
			return i;
	return (size_t)-1;
}

int
omni_desk_act(omni_store *s, const char *ticket, const char *verb, const char *value,
              const char *who, const char *at, omni_error *err)
{
	omni_stmt *st = omni_store_stmt(s, log_sql, err);
	state cur;
	int step, rc = -1;

	if (!st)
		return -1;
	omni_stmt_bind_str(st, 1, ticket);
	omni_stmt_bind_str(st, 2, verb);
	omni_stmt_bind_str(st, 3, value);
	omni_stmt_bind_str(st, 4, who);
	omni_stmt_bind_str(st, 5, at);
	step = omni_stmt_step(st, err, "recording an action");
	omni_stmt_reset(st);
	if (step != OMNI_STMT_DONE || state_get(s, ticket, &cur, err) < 0)
		return -1;
	if (strcmp(verb, "assign") == 0) {
		free(cur.assignee);
		cur.assignee = value ? strdup(value) : NULL;
	} else if (strcmp(verb, "tag") == 0 && value) {
		if (tag_index(cur.tags, value) == (size_t)-1)
			json_array_append_new(cur.tags, json_string(value));
	} else if (strcmp(verb, "untag") == 0 && value) {
		size_t i = tag_index(cur.tags, value);
		if (i != (size_t)-1)
			json_array_remove(cur.tags, i);
	} else if (strcmp(verb, "snooze") == 0) {
		free(cur.snoozed);
		cur.snoozed = value ? strdup(value) : NULL;
	} else if (strcmp(verb, "note") != 0 && strcmp(verb, "tag") != 0 &&
	           strcmp(verb, "untag") != 0 && strcmp(verb, "open") != 0) {
		free(cur.snoozed);    /* wake, solve, reopen, answer: back in hand */
		cur.snoozed = NULL;
	}
	rc = state_put(s, ticket, &cur, at, err);
	state_free(&cur);
	return rc;
}

int
omni_desk_member(omni_store *s, const char *ticket, char **out, omni_error *err)
{
	omni_stmt *st;
	state cur;
	json_t *desk = NULL, *acts = NULL;
	char *text = NULL;
	int step, rc = -1;

	*out = NULL;
	if (state_get(s, ticket, &cur, err) < 0)
		return -1;
	if (!cur.found) {
		rc = 0;
		goto out;
	}
	if (!(st = omni_store_stmt(s, actions_sql, err)))
		goto out;
	desk = json_object();
	acts = json_array();
	omni_stmt_bind_str(st, 1, ticket);
	while ((step = omni_stmt_step(st, err, "reading a ticket's desk")) == OMNI_STMT_ROW) {
		json_t *a = json_object();
		if (strcmp(omni_stmt_text(st, 0), "merged") == 0 && omni_stmt_text(st, 1))
			json_object_set_new(desk, "merged_into", json_string(omni_stmt_text(st, 1)));
		json_object_set_new(a, "verb", json_string(omni_stmt_text(st, 0)));
		if (omni_stmt_text(st, 1))
			json_object_set_new(a, "value", json_string(omni_stmt_text(st, 1)));
		json_object_set_new(a, "who", json_string(omni_stmt_text(st, 2)));
		json_object_set_new(a, "at", json_string(omni_stmt_text(st, 3)));
		json_array_append_new(acts, a);
	}
	omni_stmt_reset(st);
	if (step < 0)
		goto out;
	if (cur.assignee)
		json_object_set_new(desk, "assignee", json_string(cur.assignee));
	json_object_set(desk, "tags", cur.tags);
	if (cur.snoozed)
		json_object_set_new(desk, "snoozed_until", json_string(cur.snoozed));
	json_object_set(desk, "actions", acts);
	if (!(text = json_dumps(desk, JSON_COMPACT))) {
		omni_error_oom(err);
		goto out;
	}
	*out = text;
	rc = 0;
out:
	json_decref(desk);
	json_decref(acts);
	state_free(&cur);
	return rc;
}

int
omni_desk_wake(omni_store *s, const char *ticket, const char *at, omni_error *err)
{
	state cur;
	int snoozed;

	if (state_get(s, ticket, &cur, err) < 0)
		return -1;
	snoozed = cur.snoozed != NULL;
	state_free(&cur);
	if (!snoozed)
		return 0;
	return omni_desk_act(s, ticket, "wake", NULL, "customer", at, err) < 0 ? -1 : 1;
}

int
omni_desk_status(omni_store *s, const char *ticket, const char *status, const char *at,
                 omni_error *err)
{
	omni_stmt *st = omni_store_stmt(s, ticket_get_sql, err);
	omni_record rec;
	omni_edit *e = NULL;
	omni_out *o = NULL;
	char *stored = NULL, *text = NULL, quoted[64];
	int64_t seq = 0;
	size_t len = 0;
	int step, rc = -1, solved = strcmp(status, "solved") == 0;

	if (!st)
		return -1;
	omni_record_init(&rec);
	omni_stmt_bind_str(st, 1, ticket);
	step = omni_stmt_step(st, err, "reading a ticket");
	if (step == OMNI_STMT_ROW) {
		seq = omni_stmt_int64(st, 0);
		stored = dup_col(st, 1);
	}
	omni_stmt_reset(st);
	if (step < 0)
		return -1;
	if (!stored || omni_record_parse(&rec, stored, strlen(stored), NULL) < 0) {
		rc = 0;               /* a ticket omni-link never kept */
		goto out;
	}
	if (!(e = omni_edit_new()) || !(o = omni_out_new_mem()))
		goto oom;
	snprintf(quoted, sizeof quoted, "\"%s\"", status);
	if (omni_edit_set_raw(e, "status", quoted, strlen(quoted)) < 0)
		goto oom;
	snprintf(quoted, sizeof quoted, "\"%s\"", at);
	if ((solved ? omni_edit_set_raw(e, "solved_at", quoted, strlen(quoted))
	            : omni_edit_remove(e, "solved_at")) < 0 ||
	    omni_record_write(o, &rec, e) < 0)
		goto oom;
	text = omni_out_take(o, &len);
	o = NULL;
	if (!text)
		goto oom;
	if (len && text[len - 1] == '\n')
		len--;
	if (!(st = omni_store_stmt(s, ticket_put_sql, err)))
		goto out;
	omni_stmt_bind_int64(st, 1, seq);
	omni_stmt_bind_text(st, 2, text, len);
	omni_stmt_bind_str(st, 3, status);
	omni_stmt_bind_str(st, 4, solved ? at : NULL);
	step = omni_stmt_step(st, err, "recording a ticket's status");
	omni_stmt_reset(st);
	rc = step == OMNI_STMT_DONE ? 1 : -1;
	goto out;
oom:
	omni_error_oom(err);
out:
	if (o)
		omni_out_close(o, NULL);
	omni_edit_free(e);
	omni_record_free(&rec);
	free(stored);
	free(text);
	return rc;
}
