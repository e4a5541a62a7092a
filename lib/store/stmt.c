/* stmt.c - the store's statements: prepared once per store and kept in
 * its one cache, and the calls that bind, step and read them (store.h),
 * which the areas' store files use instead of SQLite's.  On a PostgreSQL
 * store each call goes to pg.c's. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "core/core.h"
#include "store_int.h"

struct omni_stmt {
	sqlite3_stmt *st;
	omni_store *store;        /* its errors are the store's */
	struct omni_pg_stmt *pg;  /* instead of st, on PostgreSQL */
};

/* Room for one more kept statement.  0 or -1. */
static int
grow(omni_store *s)
{
	size_t cap = s->capkept ? s->capkept * 2 : 64;
	const char **keys;
	omni_stmt **kept;

	if (s->nkept < s->capkept)
		return 0;
	if (!(keys = realloc(s->keys, cap * sizeof *keys)))
		return -1;
	s->keys = keys;
	if (!(kept = realloc(s->kept, cap * sizeof *kept)))
		return -1;
	s->kept = kept;
	s->capkept = cap;
	return 0;
}

omni_stmt *
omni_store_stmt(omni_store *s, const char *sql, omni_error *err)
{
	omni_stmt *k;
	size_t i;

	/* A scan of the keys: a program keeps a few dozen statements. */
	for (i = 0; i < s->nkept && s->keys[i] != sql; i++)
		;
	if (i < s->nkept) {
		k = s->kept[i];
		if (k->pg) {
			omni_pg_reset(k->pg);
			omni_pg_clear(k->pg);
			return k;
		}
		sqlite3_reset(k->st);
		sqlite3_clear_bindings(k->st);
		return k;
	}
	if (grow(s) < 0 || !(k = calloc(1, sizeof *k)))
		return omni_error_oom(err), NULL;
	if (s->pg) {
		if (!(k->pg = omni_pg_prepare(s, sql, err))) {
			free(k);
			return NULL;
		}
	} else if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &k->st,
	                       NULL) != SQLITE_OK) {
		omni_store_error(s, err, "cannot prepare a statement");
		free(k);
		return NULL;
	}
	k->store = s;
	s->keys[s->nkept] = sql;
	s->kept[s->nkept++] = k;
	return k;
}

void
omni_store_reset_all(omni_store *s)
{
	for (size_t i = 0; i < s->nkept; i++)
		if (s->kept[i]->pg)
			omni_pg_reset(s->kept[i]->pg);
		else if (sqlite3_stmt_busy(s->kept[i]->st))
			sqlite3_reset(s->kept[i]->st);
}

void
omni_store_stmts_free(omni_store *s)
{
	for (size_t i = 0; i < s->nkept; i++) {
		if (s->kept[i]->pg)
			omni_pg_stmt_free(s->kept[i]->pg);
		else
			sqlite3_finalize(s->kept[i]->st);
		free(s->kept[i]);
	}
	free(s->keys);
	free(s->kept);
	s->keys = NULL;
	s->kept = NULL;
	s->nkept = s->capkept = 0;
}

/* A text bound on PostgreSQL: a copy (its parameters are C strings, so a
 * text holding U+0000 cannot be bound).  0 or -1. */
static int
pg_bind(omni_stmt *st, int i, const char *text, size_t len)
{
	char *copy;

	if (!text)
		return omni_pg_bind(st->pg, i, NULL);
	if (memchr(text, '\0', len) || !(copy = strndup(text, len)))
		return -1;
	return omni_pg_bind(st->pg, i, copy);
}

int
omni_stmt_bind_str(omni_stmt *st, int i, const char *text)
{
	if (st->pg)
		return pg_bind(st, i, text, text ? strlen(text) : 0);
	return sqlite3_bind_text(st->st, i, text, -1, SQLITE_STATIC) == SQLITE_OK ? 0 : -1;
}

int
omni_stmt_bind_text(omni_stmt *st, int i, const char *text, size_t len)
{
	if (st->pg)
		return pg_bind(st, i, text, len);
	return sqlite3_bind_text64(st->st, i, text, len, SQLITE_STATIC,
	                           SQLITE_UTF8) == SQLITE_OK ? 0 : -1;
}

int
omni_stmt_bind_str_new(omni_stmt *st, int i, char *text)
{
	/* SQLite frees it, also when the binding fails; so does pg.c. */
	if (st->pg)
		return omni_pg_bind(st->pg, i, text);
	return sqlite3_bind_text(st->st, i, text, -1, free) == SQLITE_OK ? 0 : -1;
}

int
omni_stmt_bind_int64(omni_stmt *st, int i, int64_t v)
{
	char *text;

	if (st->pg)
		return asprintf(&text, "%" PRId64, v) < 0 ? -1 : omni_pg_bind(st->pg, i, text);
	return sqlite3_bind_int64(st->st, i, v) == SQLITE_OK ? 0 : -1;
}

int
omni_stmt_bind_double(omni_stmt *st, int i, double v)
{
	char *text;

	if (st->pg)
		return asprintf(&text, "%.17g", v) < 0 ? -1 : omni_pg_bind(st->pg, i, text);
	return sqlite3_bind_double(st->st, i, v) == SQLITE_OK ? 0 : -1;
}

int
omni_stmt_bind_null(omni_stmt *st, int i)
{
	if (st->pg)
		return omni_pg_bind(st->pg, i, NULL);
	return sqlite3_bind_null(st->st, i) == SQLITE_OK ? 0 : -1;
}

int
omni_stmt_step(omni_stmt *st, omni_error *err, const char *what)
{
	int rc;

	if (st->pg)
		return omni_pg_step(st->pg, err, what);
	rc = sqlite3_step(st->st);
	if (rc == SQLITE_ROW)
		return OMNI_STMT_ROW;
	if (rc == SQLITE_DONE)
		return OMNI_STMT_DONE;
	if (err)
		omni_store_error(st->store, err, what);
	return -1;
}

void
omni_stmt_reset(omni_stmt *st)
{
	if (st->pg) {
		omni_pg_reset(st->pg);
		return;
	}
	sqlite3_reset(st->st);
}

const char *
omni_stmt_text(omni_stmt *st, int i)
{
	if (st->pg)
		return omni_pg_text(st->pg, i);
	return (const char *)sqlite3_column_text(st->st, i);
}

size_t
omni_stmt_bytes(omni_stmt *st, int i)
{
	if (st->pg)
		return omni_pg_bytes(st->pg, i);
	return (size_t)sqlite3_column_bytes(st->st, i);
}

int64_t
omni_stmt_int64(omni_stmt *st, int i)
{
	if (st->pg) {
		const char *v = omni_pg_text(st->pg, i);
		/* a boolean is "t" or "f" */
		return !v ? 0 : *v == 't' ? 1 : strtoll(v, NULL, 10);
	}
	return sqlite3_column_int64(st->st, i);
}

double
omni_stmt_double(omni_stmt *st, int i)
{
	if (st->pg) {
		const char *v = omni_pg_text(st->pg, i);
		return !v ? 0 : *v == 't' ? 1 : strtod(v, NULL);
	}
	return sqlite3_column_double(st->st, i);
}

int
omni_stmt_type(omni_stmt *st, int i)
{
	if (st->pg)
		return omni_pg_type(st->pg, i);
	switch (sqlite3_column_type(st->st, i)) {
	case SQLITE_INTEGER:
		return OMNI_STMT_INT;
	case SQLITE_FLOAT:
		return OMNI_STMT_REAL;
	case SQLITE_TEXT:
		return OMNI_STMT_TEXT;
	case SQLITE_BLOB:
		return OMNI_STMT_BLOB;
	default:
		return OMNI_STMT_NULL;
	}
}

int
omni_stmt_columns(omni_stmt *st)
{
	if (st->pg)
		return omni_pg_columns(st->pg);
	return sqlite3_column_count(st->st);
}

const char *
omni_stmt_name(omni_stmt *st, int i)
{
	if (st->pg)
		return omni_pg_name(st->pg, i);
	return sqlite3_column_name(st->st, i);
}
