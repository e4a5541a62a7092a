/*
 * timeline.c - a reply joins its ticket's record in the store, so every
 * later version omni-link writes has it (omni-ticket(5), "Lifecycle").
 */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "record/record.h"
#include "store/store.h"

static const char get_sql[] = "SELECT seq, record, updated_at FROM tickets WHERE id = ?1";
static const char put_sql[] =
	"UPDATE tickets SET record = ?2, status = 'pending', solved_at = NULL,"
	" updated_at = max(coalesce(updated_at, ''), ?3) WHERE seq = ?1";
static const char keep_sql[] =
	"UPDATE tickets SET record = ?2, updated_at = max(coalesce(updated_at, ''), ?3)"
	" WHERE seq = ?1";
static const char msg_sql[] =
	"INSERT OR IGNORE INTO messages (ticket, id, message_id, channel, direction, at,"
	" source_id) VALUES (?1, ?2, ?2, ?3, 'out', ?4, NULL)";

/* The record with msg appended to its messages (unless one has its id)
 * and the status pending (unless keep): new text, or NULL (out of memory,
 * or *had the message already). */
static char *
with_reply(const omni_record *rec, const char *msg, size_t mlen, const char *id,
           const char *at, int keep, int *had, size_t *len)
{
	omni_span msgs = omni_record_get(rec, "messages"), m, upd = omni_record_get(rec, "updated_at");
	omni_out *o = omni_out_new_mem();
	omni_edit *e = omni_edit_new();
	omni_jiter it;
	char *arr = NULL, *text = NULL, quoted[48], *old = NULL;
	size_t n = 0;

	*had = 0;
	omni_json_iter(&it, msgs);
	while (omni_json_next(&it, NULL, &m)) {
		n++;
		if (omni_json_string_eq(omni_json_get(m, "id"), id))
			*had = 1;
	}
	if (!o || !e || *had)
		goto out;
	if (n) {
		const char *close = msgs.p + msgs.n - 1;    /* the ']' */
		if (asprintf(&arr, "%.*s,%.*s]", (int)(close - msgs.p), msgs.p, (int)mlen, msg) < 0)
			arr = NULL;
	} else if (asprintf(&arr, "[%.*s]", (int)mlen, msg) < 0) {
		arr = NULL;
	}
	old = omni_json_string(upd, NULL);
	snprintf(quoted, sizeof quoted, "\"%s\"", old && strcmp(old, at) > 0 ? old : at);
	if (!arr || omni_edit_set_raw(e, "messages", arr, strlen(arr)) < 0 ||
	    (!keep && omni_edit_set_raw(e, "status", "\"pending\"", 9) < 0) ||
	    omni_edit_set_raw(e, "updated_at", quoted, strlen(quoted)) < 0 ||
	    (!keep && omni_edit_remove(e, "solved_at") < 0) || omni_record_write(o, rec, e) < 0)
		goto out;
	text = omni_out_take(o, len);
	o = NULL;
	if (text && *len && text[*len - 1] == '\n')
		text[--*len] = '\0';
out:
	if (o)
		omni_out_close(o, NULL);
	omni_edit_free(e);
	free(arr);
	free(old);
	return text;
}

int
omni_timeline_reply(omni_store *s, const char *ticket, const char *msg, size_t mlen,
                    const char *id, const char *channel, const char *at, int keep,
                    omni_error *err)
{
	omni_stmt *st = omni_store_stmt(s, get_sql, err);
	omni_record rec;
	char *stored = NULL, *text = NULL;
	int64_t seq = 0;
	int rc = -1, step, had = 0;
	size_t len = 0;

	if (!st)
		return -1;
	omni_stmt_bind_str(st, 1, ticket);
	step = omni_stmt_step(st, err, "reading a ticket");
	if (step == OMNI_STMT_ROW) {
		seq = omni_stmt_int64(st, 0);
		stored = omni_stmt_text(st, 1) ? strdup(omni_stmt_text(st, 1)) : NULL;
	}
	omni_stmt_reset(st);
	if (step == OMNI_STMT_DONE || (step == OMNI_STMT_ROW && !stored))
		return 0;     /* a ticket omni-link never wrote into this store */
	if (step < 0)
		return -1;
	omni_record_init(&rec);
	if (omni_record_parse(&rec, stored, strlen(stored), NULL) < 0) {
		rc = 0;       /* not a record: left to omni-link */
		goto out;
	}
	text = with_reply(&rec, msg, mlen, id, at, keep, &had, &len);
	if (had) {
		rc = 0;
		goto out;
	}
	if (!text) {
		omni_error_oom(err);
		goto out;
	}
	if (!(st = omni_store_stmt(s, keep ? keep_sql : put_sql, err)))
		goto out;
	omni_stmt_bind_int64(st, 1, seq);
	omni_stmt_bind_text(st, 2, text, len);
	omni_stmt_bind_str(st, 3, at);
	step = omni_stmt_step(st, err, "recording a reply");
	omni_stmt_reset(st);
	if (step != OMNI_STMT_DONE || !(st = omni_store_stmt(s, msg_sql, err)))
		goto out;
	omni_stmt_bind_int64(st, 1, seq);
	omni_stmt_bind_str(st, 2, id);
	omni_stmt_bind_str(st, 3, channel);
	omni_stmt_bind_str(st, 4, at);
	step = omni_stmt_step(st, err, "recording a reply");
	omni_stmt_reset(st);
	rc = step == OMNI_STMT_DONE ? 1 : -1;
out:
	omni_record_free(&rec);
	free(stored);
	free(text);
	return rc;
}

static const char routed_sql[] = "UPDATE tickets SET record = ?2 WHERE seq = ?1";

/* The members omni-route owns (omni-ticket(5)), and kind, which it may
 * change. */
static const char *const routed[] = {
	"kind", "lang", "intent", "sentiment", "priority", "priority_score", "queue",
	"assignee", "tags", "sla", "route",
};

int
omni_timeline_routed(omni_store *s, const char *ticket, const char *line, size_t len,
                     omni_error *err)
{
	omni_stmt *st = omni_store_stmt(s, get_sql, err);
	omni_record rec, in;
	omni_edit *e = NULL;
	omni_out *o = NULL;
	char *stored = NULL, *text = NULL;
	size_t n = 0, set = 0;
	int64_t seq = 0;
	int rc = -1, step;

	if (!st)
		return -1;
	omni_record_init(&rec);
	omni_record_init(&in);
	omni_stmt_bind_str(st, 1, ticket);
	step = omni_stmt_step(st, err, "reading a ticket");
	if (step == OMNI_STMT_ROW) {
		seq = omni_stmt_int64(st, 0);
		stored = omni_stmt_text(st, 1) ? strdup(omni_stmt_text(st, 1)) : NULL;
	}
	omni_stmt_reset(st);
	if (step < 0)
		goto out;
	rc = 0;
	if (!stored || omni_record_parse(&rec, stored, strlen(stored), NULL) < 0 ||
	    omni_record_parse(&in, line, len, NULL) < 0)
		goto out;     /* not omni-link's, or not a record: as it is */
	rc = -1;
	if (!(e = omni_edit_new()) || !(o = omni_out_new_mem())) {
		omni_error_oom(err);
		goto out;
	}
	for (size_t i = 0; i < sizeof routed / sizeof routed[0]; i++) {
		omni_span v = omni_record_get(&in, routed[i]), was = omni_record_get(&rec, routed[i]);
		if (!v.p || (was.n == v.n && memcmp(was.p, v.p, v.n) == 0))
			continue;
		if (omni_edit_set_raw(e, routed[i], v.p, v.n) < 0) {
			omni_error_oom(err);
			goto out;
		}
		set++;
	}
	if (!set) {
		rc = 1;       /* the store has them already */
		goto out;
	}
	if (omni_record_write(o, &rec, e) < 0) {
		omni_error_oom(err);
		goto out;
	}
	text = omni_out_take(o, &n);
	o = NULL;
	if (!text) {
		omni_error_oom(err);
		goto out;
	}
	if (n && text[n - 1] == '\n')
		text[--n] = '\0';
	if (!(st = omni_store_stmt(s, routed_sql, err)))
		goto out;
	omni_stmt_bind_int64(st, 1, seq);
	omni_stmt_bind_text(st, 2, text, n);
	step = omni_stmt_step(st, err, "recording a ticket's route");
	omni_stmt_reset(st);
	rc = step == OMNI_STMT_DONE ? 1 : -1;
out:
	if (o)
		omni_out_close(o, NULL);
	omni_edit_free(e);
	omni_record_free(&rec);
	omni_record_free(&in);
	free(stored);
	free(text);
	return rc;
}
