/* desk_store.c - omni-desk's SQL: the ids of the tickets the store keeps,
 * for completions, without reading the tickets file. */
#include <stdlib.h>

#include "record/bridge.h"
#include "desk/desk.h"

static const char ids_sql[] =
	"SELECT id FROM tickets WHERE coalesce(status, '') <> 'closed'"
	" ORDER BY updated_at DESC, seq DESC LIMIT ?1";

static const char messages_sql[] =
	"SELECT m.id, m.body FROM messages m JOIN tickets t ON t.seq = m.ticket"
	" WHERE t.id = ?1 AND m.body IS NOT NULL ORDER BY m.at, m.id";

/* Is there a message of this id in the array shown? */
static int
shown_has(omni_span shown, const char *id)
{
	omni_jiter it;
	omni_span m;

	omni_json_iter(&it, shown);
	while (omni_json_next(&it, NULL, &m))
		if (omni_json_string_eq(omni_json_get(m, "id"), id))
			return 1;
	return 0;
}

char *
omni_desk_store_messages(omni_store *s, const char *ticket, omni_span shown,
                         omni_error *err)
{
	omni_stmt *st = omni_store_stmt(s, messages_sql, err);
	omni_text b = { 0 };
	omni_jiter it;
	omni_span m;
	int step, n = 0;

	if (!st)
		return NULL;
	omni_stmt_bind_str(st, 1, ticket);
	omni_text_put(&b, "[", 1);
	while ((step = omni_stmt_step(st, err, "reading the messages")) == OMNI_STMT_ROW) {
		if (shown_has(shown, omni_stmt_text(st, 0)))
			continue;
		if (n++)
			omni_text_put(&b, ",", 1);
		omni_text_put(&b, omni_stmt_text(st, 1), omni_stmt_bytes(st, 1));
	}
	omni_stmt_reset(st);
	omni_json_iter(&it, shown);
	while (step == OMNI_STMT_DONE && omni_json_next(&it, NULL, &m)) {
		if (n++)
			omni_text_put(&b, ",", 1);
		omni_text_put(&b, m.p, m.n);
	}
	omni_text_put(&b, "]", 1);
	if (step != OMNI_STMT_DONE || b.failed) {
		if (step == OMNI_STMT_DONE)
			omni_error_oom(err);
		free(b.p);
		return NULL;
	}
	return b.p;
}

long
omni_desk_store_ids(omni_store *s, long max, void (*fn)(void *, const char *), void *arg,
                    omni_error *err)
{
	omni_stmt *st = omni_store_stmt(s, ids_sql, err);
	long n = 0;
	int step;

	if (!st)
		return -1;
	omni_stmt_bind_int64(st, 1, max);
	while ((step = omni_stmt_step(st, err, "reading the tickets")) == OMNI_STMT_ROW) {
		fn(arg, omni_stmt_text(st, 0));
		n++;
	}
	omni_stmt_reset(st);
	return step == OMNI_STMT_DONE ? n : -1;
}
