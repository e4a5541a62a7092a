/* desk_store.c - omni-desk's SQL: the ids of the tickets the store keeps,
 * for completions, without reading the tickets file. */
#include <stdlib.h>

#include "record/bridge.h"
#include "desk/desk.h"

static const char ids_sql[] =
	"SELECT id FROM tickets WHERE coalesce(status, '') <> 'closed'"
	" ORDER BY updated_at DESC, seq DESC LIMIT ?1";

static const char messages_sql[] =
	"SELECT m.body FROM messages m JOIN tickets t ON t.seq = m.ticket"
	" WHERE t.id = ?1 AND m.body IS NOT NULL ORDER BY m.at, m.id";

char *
omni_desk_store_messages(omni_store *s, const char *ticket, omni_error *err)
{
	omni_stmt *st = omni_store_stmt(s, messages_sql, err);
	omni_text b = { 0 };
	int step, n = 0;

	if (!st)
		return NULL;
	omni_stmt_bind_str(st, 1, ticket);
	omni_text_put(&b, "[", 1);
	while ((step = omni_stmt_step(st, err, "reading the messages")) == OMNI_STMT_ROW) {
		if (n++)
			omni_text_put(&b, ",", 1);
		omni_text_put(&b, omni_stmt_text(st, 0), omni_stmt_bytes(st, 0));
	}
	omni_stmt_reset(st);
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
