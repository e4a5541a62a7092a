/* cursors.c - what omni-fetch remembers between runs: a cursor per
 * source, and what a local source has emitted. */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "store/store.h"

static const char cursor_get_sql[] = "SELECT value FROM cursors WHERE source = ?1";
static const char cursor_set_sql[] =
	"INSERT INTO cursors(source, value, updated_at) VALUES (?1, ?2, ?3) "
	"ON CONFLICT(source) DO UPDATE SET value = excluded.value, "
	"updated_at = excluded.updated_at";
static const char seen_sql[] = "SELECT 1 FROM fetch_seen WHERE source = ?1 AND key = ?2";
static const char mark_seen_sql[] =
	"INSERT OR IGNORE INTO fetch_seen(source, key, at) VALUES (?1, ?2, ?3)";

static const char *
now_text(char *buf)
{
	return omni_time_format(omni_clock_now(), buf);
}

int
omni_store_cursor_get(omni_store *s, const char *source, char **value, omni_error *err)
{
	omni_stmt *st = omni_store_stmt(s, cursor_get_sql, err);
	int rc;

	*value = NULL;
	if (!st)
		return -1;
	omni_stmt_bind_str(st, 1, source);
	rc = omni_stmt_step(st, err, "cannot read a cursor");
	if (rc < 0)
		return -1;
	if (rc == OMNI_STMT_ROW)
		*value = strdup(omni_stmt_text(st, 0));
	omni_stmt_reset(st);
	return 0;
}

int
omni_store_cursor_set(omni_store *s, const char *source, const char *value,
                      omni_error *err)
{
	omni_stmt *st = omni_store_stmt(s, cursor_set_sql, err);
	char now[32];

	if (!st)
		return -1;
	omni_stmt_bind_str(st, 1, source);
	omni_stmt_bind_str(st, 2, value);
	omni_stmt_bind_str(st, 3, now_text(now));
	if (omni_stmt_step(st, err, "cannot write a cursor") != OMNI_STMT_DONE)
		return -1;
	omni_stmt_reset(st);
	return 0;
}

int
omni_store_seen(omni_store *s, const char *source, const char *key, omni_error *err)
{
	omni_stmt *st = omni_store_stmt(s, seen_sql, err);
	int rc;

	if (!st)
		return -1;
	omni_stmt_bind_str(st, 1, source);
	omni_stmt_bind_str(st, 2, key);
	rc = omni_stmt_step(st, err, "cannot read what was fetched");
	omni_stmt_reset(st);
	return rc;
}

int
omni_store_mark_seen(omni_store *s, const char *source, const char *key, omni_error *err)
{
	omni_stmt *st = omni_store_stmt(s, mark_seen_sql, err);
	char now[32];

	if (!st)
		return -1;
	omni_stmt_bind_str(st, 1, source);
	omni_stmt_bind_str(st, 2, key);
	omni_stmt_bind_str(st, 3, now_text(now));
	if (omni_stmt_step(st, err, "cannot record what was fetched") != OMNI_STMT_DONE)
		return -1;
	omni_stmt_reset(st);
	return 0;
}
