/* store_int.h - what the lib/store/ files share, and nothing else
 * includes.  The engines are reached from store.c and stmt.c (SQLite) and
 * pg.c (PostgreSQL) only; the other files of the area use the statements
 * of store.h. */
#ifndef OMNI_STORE_INT_H
#define OMNI_STORE_INT_H

#include "store/store.h"

struct sqlite3;
struct pg_conn;
struct omni_pg_stmt;

struct omni_store {
	struct sqlite3 *db;
	char *path;
	int busy_ms;
	/* The statement cache (lib/store/stmt.c): keys[i] is the text
	 * kept[i] was prepared from. */
	const char **keys;
	omni_stmt **kept;
	size_t nkept, capkept;
	/* omni_store_watch_fulfillments */
	omni_store_watch_fn *watch;
	void *watch_arg;
	/* PostgreSQL (pg.c), when the store is a postgresql:// URI: then db
	 * is NULL, path is the URI without its password, and the last
	 * error is kept here (its SQLSTATE, "" for none; its message). */
	struct pg_conn *pg;
	char pg_state[6];
	char *pg_msg;
	long pg_changes;         /* of the last statement run */
	/* omni_store_savepoint: how deep, and the depth at which it began
	 * the transaction itself (PostgreSQL has no savepoint outside one);
	 * 0 none. */
	int sp_depth, sp_began;
};

/* lib/store/stmt.c: finalizes every kept statement (before closing). */
void omni_store_stmts_free(omni_store *s);

/* lib/store/pg.c: the PostgreSQL engine, the same calls as store.h's
 * (which call these when s->pg).  Built without PostgreSQL, omni_pg_open
 * refuses (78) and the others are never reached. */
int omni_pg_uri(const char *path);   /* is path a postgresql:// URI? */
/* Connects to uri and migrates (existing: a store without omni's schema
 * is left alone, and s->pg is NULL after).  0 or -1 with err. */
int omni_pg_open(omni_store *s, const char *uri, int existing, omni_error *err);
void omni_pg_close(omni_store *s);
int omni_pg_error(omni_store *s, omni_error *err, const char *what);
int omni_pg_version(omni_store *s);
int omni_pg_begin(omni_store *s, omni_error *err);
int omni_pg_commit(omni_store *s, omni_error *err);
void omni_pg_rollback(omni_store *s);
int omni_pg_held(omni_store *s);
int omni_pg_lock(omni_store *s, const char *what, omni_error *err);
int omni_pg_scrub(omni_store *s, omni_error *err);
/* A statement: prepared on the server, its rows fetched whole when run. */
struct omni_pg_stmt *omni_pg_prepare(omni_store *s, const char *sql, omni_error *err);
void omni_pg_stmt_free(struct omni_pg_stmt *st);
void omni_pg_clear(struct omni_pg_stmt *st);           /* the bindings */
int omni_pg_bind(struct omni_pg_stmt *st, int i, char *text);  /* steals */
int omni_pg_step(struct omni_pg_stmt *st, omni_error *err, const char *what);
void omni_pg_reset(struct omni_pg_stmt *st);
int omni_pg_busy(struct omni_pg_stmt *st);
const char *omni_pg_text(struct omni_pg_stmt *st, int i);
size_t omni_pg_bytes(struct omni_pg_stmt *st, int i);
int omni_pg_type(struct omni_pg_stmt *st, int i);
int omni_pg_columns(struct omni_pg_stmt *st);
const char *omni_pg_name(struct omni_pg_stmt *st, int i);
/* lib/store/pg_sql.c: sql as PostgreSQL reads it (?N as $N, INSERT OR
 * IGNORE as ON CONFLICT DO NOTHING), *nparams its highest parameter; a
 * migration's DDL without SQLite's words.  New, or NULL out of memory. */
char *omni_pg_sql(const char *sql, int *nparams);
char *omni_pg_ddl(const char *sql);

#endif
