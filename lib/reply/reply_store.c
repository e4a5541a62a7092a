/* reply_store.c - the send ledger, omni-reply's SQL: a reply is recorded
 * "pending" in a committed transaction before it leaves, and "sent"
 * after, so a run that dies in between leaves a trace that the next run
 * reports instead of sending again (omni-reply(1), EXACTLY ONCE). */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "store/store.h"
#include "reply/reply.h"

static const char get_sql[] =
	"SELECT state, external_id, updated_at, attempts, claimed_by FROM send_ledger"
	" WHERE key = ?1";
/* One statement: a row that is new, or failed, becomes this process's
 * pending send; any other is left as it is and returns nothing. */
static const char claim_sql[] =
	"INSERT INTO send_ledger (key, ticket_id, channel, state, external_id, attempts,"
	" error, created_at, updated_at, claimed_by)"
	" VALUES (?1, ?2, ?3, 'pending', ?4, 1, NULL, ?5, ?5, ?6)"
	" ON CONFLICT (key) DO UPDATE SET state = 'pending',"
	" external_id = coalesce(?4, send_ledger.external_id), error = NULL, updated_at = ?5,"
	" attempts = send_ledger.attempts + 1, claimed_by = ?6 WHERE send_ledger.state = 'failed'"
	" RETURNING claimed_by";
/* A pending send whose claimer is gone: unknown, unless it moved on. */
static const char abandon_sql[] =
	"UPDATE send_ledger SET state = 'unknown', updated_at = ?3"
	" WHERE key = ?1 AND state = 'pending' AND claimed_by IS NOT DISTINCT FROM ?2";
static const char set_sql[] =
	"INSERT INTO send_ledger (key, ticket_id, channel, state, external_id, attempts,"
	" error, created_at, updated_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, CASE WHEN ?4 = 'pending' THEN 1 ELSE 0 END, ?6, ?7, ?7)"
	" ON CONFLICT (key) DO UPDATE SET state = ?4,"
	" external_id = coalesce(?5, send_ledger.external_id), error = ?6, updated_at = ?7,"
	" attempts = send_ledger.attempts + CASE WHEN ?4 = 'pending' THEN 1 ELSE 0 END";
static const char list_sql[] =
	"SELECT key, ticket_id, channel, state, external_id, attempts, error, created_at,"
	" updated_at FROM send_ledger WHERE ?1 OR state IN ('pending', 'unknown')"
	" ORDER BY rowid";
static const char pending_sql[] =
	"SELECT key, claimed_by FROM send_ledger WHERE state = 'pending' ORDER BY rowid";
static const char doubts_sql[] =
	"SELECT key, ticket_id, updated_at FROM send_ledger WHERE state = 'unknown'"
	" AND (CAST(?1 AS TEXT) IS NULL OR ticket_id = ?1) ORDER BY rowid";
static const char prefix_sql[] =
	"SELECT key, state FROM send_ledger WHERE substr(key, 1, length(?1)) = ?1 LIMIT 2";

/* The statement for sql, or NULL with err. */
static omni_stmt *
ledger_stmt(omni_store *s, const char *sql, omni_error *err)
{
	omni_stmt *st = omni_store_stmt(s, sql, NULL);

	if (!st)
		omni_store_error(s, err, "send ledger");
	return st;
}

static char *
column(omni_stmt *st, int i)
{
	const char *t = omni_stmt_text(st, i);
	return t ? strdup(t) : NULL;
}

int
omni_ledger_get(omni_store *s, const char *key, omni_ledger_entry *e, omni_error *err)
{
	omni_stmt *st;
	int rc = -1, step;

	memset(e, 0, sizeof *e);
	if (!(st = ledger_stmt(s, get_sql, err)))
		return -1;
	omni_stmt_bind_str(st, 1, key);
	step = omni_stmt_step(st, err, "send ledger");
	if (step == OMNI_STMT_ROW) {
		snprintf(e->state, sizeof e->state, "%s", omni_stmt_text(st, 0));
		e->external_id = column(st, 1);
		e->updated_at = column(st, 2);
		e->attempts = (long)omni_stmt_int64(st, 3);
		e->claimed_by = column(st, 4);
		rc = 1;
	} else if (step == OMNI_STMT_DONE) {
		rc = 0;
	}
	omni_stmt_reset(st);
	return rc;
}

void
omni_ledger_entry_free(omni_ledger_entry *e)
{
	free(e->external_id);
	free(e->updated_at);
	free(e->claimed_by);
	e->external_id = e->updated_at = e->claimed_by = NULL;
}

int
omni_ledger_claim(omni_store *s, const char *key, const char *ticket_id,
                  const char *channel, const char *external_id, const char *claimer,
                  omni_error *err)
{
	omni_stmt *st;
	char now[40];
	int step;

	omni_time_format(omni_clock_now(), now);
	if (!(st = ledger_stmt(s, claim_sql, err)))
		return -1;
	omni_stmt_bind_str(st, 1, key);
	omni_stmt_bind_str(st, 2, ticket_id ? ticket_id : "");
	omni_stmt_bind_str(st, 3, channel ? channel : "");
	omni_stmt_bind_str(st, 4, external_id);
	omni_stmt_bind_str(st, 5, now);
	omni_stmt_bind_str(st, 6, claimer);
	step = omni_stmt_step(st, err, "send ledger");
	/* read the row returned to its end: the statement is done, committed */
	if (step == OMNI_STMT_ROW && omni_stmt_step(st, err, "send ledger") != OMNI_STMT_DONE)
		step = -1;
	omni_stmt_reset(st);
	return step < 0 ? -1 : step == OMNI_STMT_ROW;
}

int
omni_ledger_abandon(omni_store *s, const char *key, const char *claimer, omni_error *err)
{
	omni_stmt *st;
	char now[40];
	int rc;

	omni_time_format(omni_clock_now(), now);
	if (!(st = ledger_stmt(s, abandon_sql, err)))
		return -1;
	omni_stmt_bind_str(st, 1, key);
	omni_stmt_bind_str(st, 2, claimer);
	omni_stmt_bind_str(st, 3, now);
	rc = omni_stmt_step(st, err, "send ledger") == OMNI_STMT_DONE ? 0 : -1;
	omni_stmt_reset(st);
	return rc;
}

int
omni_ledger_set(omni_store *s, const char *key, const char *ticket_id, const char *channel,
                const char *state, const char *external_id, const char *error,
                omni_error *err)
{
	omni_stmt *st;
	char now[40];
	int rc;

	omni_time_format(omni_clock_now(), now);
	/* Autocommit: the row is on disk before the caller goes on. */
	if (!(st = ledger_stmt(s, set_sql, err)))
		return -1;
	omni_stmt_bind_str(st, 1, key);
	omni_stmt_bind_str(st, 2, ticket_id ? ticket_id : "");
	omni_stmt_bind_str(st, 3, channel ? channel : "");
	omni_stmt_bind_str(st, 4, state);
	omni_stmt_bind_str(st, 5, external_id);
	omni_stmt_bind_str(st, 6, error);
	omni_stmt_bind_str(st, 7, now);
	rc = omni_stmt_step(st, err, "send ledger") == OMNI_STMT_DONE ? 0 : -1;
	omni_stmt_reset(st);
	return rc;
}

static void
set_column(json_t *o, const char *name, omni_stmt *st, int i)
{
	if (omni_stmt_type(st, i) == OMNI_STMT_NULL)
		json_object_set_new(o, name, json_null());
	else if (omni_stmt_type(st, i) == OMNI_STMT_INT)
		json_object_set_new(o, name, json_integer(omni_stmt_int64(st, i)));
	else
		json_object_set_new(o, name, json_string(omni_stmt_text(st, i)));
}

json_t *
omni_ledger_list(omni_store *s, int all, omni_error *err)
{
	static const char *const names[] = {
		"key", "ticket_id", "channel", "state", "external_id", "attempts", "error",
		"created_at", "updated_at",
	};
	omni_stmt *st;
	json_t *rows = json_array();
	int step;

	if (!(st = ledger_stmt(s, list_sql, err))) {
		json_decref(rows);
		return NULL;
	}
	omni_stmt_bind_int64(st, 1, all);
	while ((step = omni_stmt_step(st, err, "send ledger")) == OMNI_STMT_ROW) {
		json_t *o = json_object();
		for (int i = 0; i < 9; i++)
			set_column(o, names[i], st, i);
		json_array_append_new(rows, o);
	}
	omni_stmt_reset(st);
	if (step != OMNI_STMT_DONE) {
		json_decref(rows);
		return NULL;
	}
	return rows;
}

/* The one key that starts with prefix, into key.  1, 0 none, -1 err (65
 * when more than one matches). */
static int
full_key(omni_store *s, const char *prefix, char key[65], char state[16], omni_error *err)
{
	omni_stmt *st;
	int n = 0, step;

	if (!(st = ledger_stmt(s, prefix_sql, err)))
		return -1;
	omni_stmt_bind_str(st, 1, prefix);
	while ((step = omni_stmt_step(st, err, "send ledger")) == OMNI_STMT_ROW && ++n == 1) {
		snprintf(key, 65, "%s", omni_stmt_text(st, 0));
		snprintf(state, 16, "%s", omni_stmt_text(st, 1));
	}
	omni_stmt_reset(st);
	if (step < 0)
		return -1;
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

int
omni_ledger_doubts(omni_store *s, const char *ticket, omni_ledger_doubt_fn *fn, void *arg,
                   omni_error *err)
{
	omni_stmt *st;
	int step, n = 0;

	if (!ticket) {
		/* a pending send whose process is gone: in doubt from now on */
		char (*gone)[65] = NULL;
		char **by = NULL;
		size_t ng = 0;
		if (!(st = ledger_stmt(s, pending_sql, err)))
			return -1;
		while ((step = omni_stmt_step(st, err, "send ledger")) == OMNI_STMT_ROW) {
			const char *who = omni_stmt_text(st, 1);
			if (omni_proc_alive(who))
				continue;
			void *g = realloc(gone, (ng + 1) * sizeof *gone), *b;
			if (!g)
				break;
			gone = g;
			if (!(b = realloc(by, (ng + 1) * sizeof *by)))
				break;
			by = b;
			snprintf(gone[ng], 65, "%s", omni_stmt_text(st, 0));
			by[ng++] = who ? strdup(who) : NULL;
		}
		omni_stmt_reset(st);
		for (size_t i = 0; i < ng; i++) {
			if (step == OMNI_STMT_DONE && omni_ledger_abandon(s, gone[i], by[i], err) < 0)
				step = -1;
			free(by[i]);
		}
		free(gone);
		free(by);
		if (step == OMNI_STMT_ROW)
			return omni_error_oom(err), -1;
		if (step < 0)
			return -1;
	}
	if (!(st = ledger_stmt(s, doubts_sql, err)))
		return -1;
	if (ticket)
		omni_stmt_bind_str(st, 1, ticket);
	while ((step = omni_stmt_step(st, err, "send ledger")) == OMNI_STMT_ROW) {
		n++;
		if (fn)
			fn(arg, omni_stmt_text(st, 0), omni_stmt_text(st, 1), omni_stmt_text(st, 2));
	}
	omni_stmt_reset(st);
	return step == OMNI_STMT_DONE ? n : -1;
}

/* The automatic replies each address got (migration 011). */
static const char auto_last_sql[] =
	"SELECT at, ticket_id FROM auto_reply WHERE address = lower(?1)";
static const char auto_note_sql[] =
	"INSERT INTO auto_reply (address, ticket_id, at) VALUES (lower(?1), ?2, ?3)"
	" ON CONFLICT (address) DO UPDATE SET ticket_id = ?2, at = ?3";

int
omni_auto_reply_last(omni_store *s, const char *address, omni_time *at, omni_error *err)
{
	omni_stmt *st = omni_store_stmt(s, auto_last_sql, NULL);
	int step, rc = -1;

	if (!st)
		return omni_store_error(s, err, "automatic replies"), -1;
	omni_stmt_bind_str(st, 1, address);
	step = omni_stmt_step(st, err, "automatic replies");
	if (step == OMNI_STMT_ROW)
		rc = omni_stmt_text(st, 0) && omni_time_parse(omni_stmt_text(st, 0), at) == 0;
	else if (step == OMNI_STMT_DONE)
		rc = 0;
	omni_stmt_reset(st);
	return rc;
}

int
omni_auto_reply_note(omni_store *s, const char *address, const char *ticket_id,
                     const char *at, omni_error *err)
{
	omni_stmt *st = omni_store_stmt(s, auto_note_sql, NULL);
	int rc;

	if (!st)
		return omni_store_error(s, err, "automatic replies"), -1;
	omni_stmt_bind_str(st, 1, address);
	omni_stmt_bind_str(st, 2, ticket_id ? ticket_id : "");
	omni_stmt_bind_str(st, 3, at);
	rc = omni_stmt_step(st, err, "automatic replies") == OMNI_STMT_DONE ? 0 : -1;
	omni_stmt_reset(st);
	return rc;
}
