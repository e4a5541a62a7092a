/* reply_ledger.c - the send ledger: a reply is recorded "pending" in a
 * committed transaction before it leaves, and "sent" after, so a run that
 * dies in between leaves a trace that the next run reports instead of
 * sending again (omni-reply(1), EXACTLY ONCE). */
#include <stdlib.h>
#include <string.h>

#include "omni.h"

/* The reply digest in ledger keys, as hex. */
void
omni_sha256_hex(const void *data, size_t len, char hex[65])
{
	unsigned char d[32];

	omni_sha256(data, len, d);
	for (int i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", d[i]);
}

static char *
column(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? strdup((const char *)t) : NULL;
}

int
omni_ledger_get(omni_store *s, const char *key, omni_ledger_entry *e, omni_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = -1, step;

	memset(e, 0, sizeof *e);
	if (sqlite3_prepare_v2(omni_store_db(s),
	        "SELECT state, external_id, updated_at, attempts FROM send_ledger WHERE key = ?1",
	        -1, &st, NULL) != SQLITE_OK) {
		omni_store_error(s, err, "send ledger");
		goto out;
	}
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		snprintf(e->state, sizeof e->state, "%s", (const char *)sqlite3_column_text(st, 0));
		e->external_id = column(st, 1);
		e->updated_at = column(st, 2);
		e->attempts = (long)sqlite3_column_int64(st, 3);
		rc = 1;
	} else if (step == SQLITE_DONE) {
		rc = 0;
	} else {
		omni_store_error(s, err, "send ledger");
	}
out:
	sqlite3_finalize(st);
	return rc;
}

void
omni_ledger_entry_free(omni_ledger_entry *e)
{
	free(e->external_id);
	free(e->updated_at);
	e->external_id = e->updated_at = NULL;
}

int
omni_ledger_set(omni_store *s, const char *key, const char *ticket_id, const char *channel,
                const char *state, const char *external_id, const char *error,
                omni_error *err)
{
	sqlite3_stmt *st = NULL;
	char now[40];
	int rc = -1;

	omni_time_format(omni_clock_now(), now);
	/* Autocommit: the row is on disk before the caller goes on. */
	if (sqlite3_prepare_v2(omni_store_db(s),
	        "INSERT INTO send_ledger (key, ticket_id, channel, state, external_id, attempts,"
	        " error, created_at, updated_at)"
	        " VALUES (?1, ?2, ?3, ?4, ?5, ?4 = 'pending', ?6, ?7, ?7)"
	        " ON CONFLICT (key) DO UPDATE SET state = ?4,"
	        " external_id = coalesce(?5, external_id), error = ?6, updated_at = ?7,"
	        " attempts = attempts + (?4 = 'pending')",
	        -1, &st, NULL) != SQLITE_OK) {
		omni_store_error(s, err, "send ledger");
		goto out;
	}
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, ticket_id ? ticket_id : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, channel ? channel : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, state, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, external_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, error, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, now, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		omni_store_error(s, err, "send ledger");
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(st);
	return rc;
}
