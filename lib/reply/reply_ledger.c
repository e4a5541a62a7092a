/* reply_ledger.c - the send ledger: a reply is recorded "pending" in a
 * committed transaction before it leaves, and "sent" after, so a run that
 * dies in between leaves a trace that the next run reports instead of
 * sending again (omni-reply(1), EXACTLY ONCE). */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "store/store.h"
#include "reply/reply.h"

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

static void
set_column(json_t *o, const char *name, sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		json_object_set_new(o, name, json_null());
	else if (sqlite3_column_type(st, i) == SQLITE_INTEGER)
		json_object_set_new(o, name, json_integer(sqlite3_column_int64(st, i)));
	else
		json_object_set_new(o, name, json_string((const char *)sqlite3_column_text(st, i)));
}

json_t *
omni_ledger_list(omni_store *s, int all, omni_error *err)
{
	static const char *const names[] = {
		"key", "ticket_id", "channel", "state", "external_id", "attempts", "error",
		"created_at", "updated_at",
	};
	sqlite3_stmt *st = NULL;
	json_t *rows = json_array();
	int step;

	if (sqlite3_prepare_v2(omni_store_db(s),
	        "SELECT key, ticket_id, channel, state, external_id, attempts, error, created_at,"
	        " updated_at FROM send_ledger WHERE ?1 OR state IN ('pending', 'unknown')"
	        " ORDER BY rowid", -1, &st, NULL) != SQLITE_OK)
		goto fail;
	sqlite3_bind_int(st, 1, all);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		json_t *o = json_object();
		for (int i = 0; i < 9; i++)
			set_column(o, names[i], st, i);
		json_array_append_new(rows, o);
	}
	if (step != SQLITE_DONE)
		goto fail;
	sqlite3_finalize(st);
	return rows;
fail:
	omni_store_error(s, err, "send ledger");
	sqlite3_finalize(st);
	json_decref(rows);
	return NULL;
}

/* The one key that starts with prefix, into key.  1, 0 none, -1 err (65
 * when more than one matches). */
static int
full_key(omni_store *s, const char *prefix, char key[65], char state[16], omni_error *err)
{
	sqlite3_stmt *st = NULL;
	int n = 0, step;

	if (sqlite3_prepare_v2(omni_store_db(s),
	        "SELECT key, state FROM send_ledger WHERE substr(key, 1, length(?1)) = ?1 LIMIT 2",
	        -1, &st, NULL) != SQLITE_OK) {
		omni_store_error(s, err, "send ledger");
		return -1;
	}
	sqlite3_bind_text(st, 1, prefix, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW && ++n == 1) {
		snprintf(key, 65, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(state, 16, "%s", (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	if (step != SQLITE_ROW && step != SQLITE_DONE) {
		omni_store_error(s, err, "send ledger");
		return -1;
	}
	if (n > 1)
		return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
		                      "ledger key '%s' is ambiguous: give more of it", prefix), -1;
	return n;
}

int
omni_ledger_resolve(omni_store *s, const char *arg, omni_error *err)
{
	const char *eq = strrchr(arg, '=');
	char prefix[65], key[65], state[16];
	int sent, found;

	if (!eq || (size_t)(eq - arg) < 6 || (size_t)(eq - arg) > 64 ||
	    (strcmp(eq + 1, "sent") != 0 && strcmp(eq + 1, "unsent") != 0))
		return omni_error_set(err, OMNI_EX_USAGE, NULL, 0, 0,
		                      "--resolve wants KEY=sent or KEY=unsent (at least 6 characters "
		                      "of the key), not '%s'", arg), -1;
	snprintf(prefix, sizeof prefix, "%.*s", (int)(eq - arg), arg);
	sent = strcmp(eq + 1, "sent") == 0;
	if ((found = full_key(s, prefix, key, state, err)) < 0)
		return -1;
	if (!found)
		return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
		                      "no ledger key starts with '%s'", prefix), -1;
	if (strcmp(state, "unknown") != 0 && strcmp(state, "pending") != 0)
		return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
		                      "ledger key %.12s is %s, not unknown: nothing to resolve",
		                      key, state), -1;
	/* unsent becomes failed: the next run may send it, once */
	return omni_ledger_set(s, key, NULL, NULL, sent ? "sent" : "failed", NULL,
	                       sent ? NULL : "resolved by a person: not sent", err);
}
