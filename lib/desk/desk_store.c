/* desk_store.c - omni-desk's SQL: the ids of the tickets the store keeps,
 * for completions, without reading the tickets file. */
#include "desk/desk.h"

static const char ids_sql[] =
	"SELECT id FROM tickets WHERE coalesce(status, '') <> 'closed'"
	" ORDER BY updated_at DESC, seq DESC LIMIT ?1";

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
