/* pg.c - the store's second engine, PostgreSQL through libpq: connecting
 * to a postgresql:// URI, migrations, the writer lock, statements and
 * errors, behind the same calls as SQLite's (store.c, stmt.c).
 * ARCHITECTURE.md, "Two engines, one statement text", says how. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/core.h"
#include "store_int.h"

int
omni_pg_uri(const char *path)
{
	return path && (strncmp(path, "postgresql://", 13) == 0 ||
	                strncmp(path, "postgres://", 11) == 0);
}

#ifndef OMNI_WITH_PG

int
omni_pg_open(omni_store *s, const char *uri, int existing, omni_error *err)
{
	return omni_error_set(err, OMNI_EX_CONFIG, s->path, 0, 0,
	                      "this build has no PostgreSQL: build omni with libpq "
	                      "(libpq-dev) to use a postgresql:// store"), -1;
}

/* Never reached: no store has s->pg without libpq. */
void omni_pg_close(omni_store *s) { }
int omni_pg_error(omni_store *s, omni_error *err, const char *what)
{
	return omni_error_set(err, OMNI_EX_SOFTWARE, NULL, 0, 0, "%s", what);
}
int omni_pg_version(omni_store *s) { return -1; }
int omni_pg_begin(omni_store *s, omni_error *err) { return omni_pg_error(s, err, "no engine"), -1; }
int omni_pg_commit(omni_store *s, omni_error *err) { return omni_pg_error(s, err, "no engine"), -1; }
void omni_pg_rollback(omni_store *s) { }
int omni_pg_held(omni_store *s) { return 0; }
int omni_pg_lock(omni_store *s, const char *what, omni_error *err) { return omni_pg_error(s, err, "no engine"), -1; }
int omni_pg_scrub(omni_store *s, omni_error *err) { return omni_pg_error(s, err, "no engine"), -1; }
struct omni_pg_stmt *omni_pg_prepare(omni_store *s, const char *sql, omni_error *err)
{
	return omni_pg_error(s, err, "no engine"), NULL;
}
void omni_pg_stmt_free(struct omni_pg_stmt *st) { }
void omni_pg_clear(struct omni_pg_stmt *st) { }
int omni_pg_bind(struct omni_pg_stmt *st, int i, char *text) { free(text); return -1; }
int omni_pg_step(struct omni_pg_stmt *st, omni_error *err, const char *what) { return -1; }
void omni_pg_reset(struct omni_pg_stmt *st) { }
int omni_pg_busy(struct omni_pg_stmt *st) { return 0; }
const char *omni_pg_text(struct omni_pg_stmt *st, int i) { return NULL; }
size_t omni_pg_bytes(struct omni_pg_stmt *st, int i) { return 0; }
int omni_pg_type(struct omni_pg_stmt *st, int i) { return OMNI_STMT_NULL; }
int omni_pg_columns(struct omni_pg_stmt *st) { return 0; }
const char *omni_pg_name(struct omni_pg_stmt *st, int i) { return NULL; }

#else

#include <libpq-fe.h>

extern const char *const omni_migrations[];
extern const char *const omni_migrations_pg[];
extern const size_t omni_migrations_count;

/* The advisory locks' keys: the writer's (one writer at a time, as
 * SQLite's BEGIN IMMEDIATE) and the migrations'.  omni_pg_lock's are
 * hashes of their names, in another key space (two 32-bit keys). */
#define WRITER_KEY "7308331625"
#define MIGRATE_KEY "7308331626"

struct omni_pg_stmt {
	omni_store *s;
	char name[24];
	int nparams;
	char **vals;             /* the bindings, new; NULL binds null */
	PGresult *desc;          /* the columns, from the server */
	PGresult *res;           /* the rows, when run */
	int row;                 /* the current row; -1 before the first */
};

/* Keeps res's error as the store's last; clears res.  Returns -1. */
static int
keep_error(omni_store *s, PGresult *res)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;

	if (!msg)
		msg = PQerrorMessage(s->pg);
	snprintf(s->pg_state, sizeof s->pg_state, "%s", state ? state : "");
	free(s->pg_msg);
	s->pg_msg = strdup(msg && *msg ? msg : "unknown error");
	/* libpq's own messages end in a newline */
	if (s->pg_msg) {
		size_t n = strlen(s->pg_msg);
		while (n && s->pg_msg[n - 1] == '\n')
			s->pg_msg[--n] = '\0';
	}
	PQclear(res);
	return -1;
}

int
omni_pg_error(omni_store *s, omni_error *err, const char *what)
{
	const char *st = s->pg_state;
	int status = OMNI_EX_SOFTWARE;

	if (!strcmp(st, "40001") || !strcmp(st, "40P01") || !strcmp(st, "55P03") ||
	    !strcmp(st, "57014") || !strncmp(st, "08", 2) || !strcmp(st, "57P03") ||
	    !strcmp(st, "53300"))
		status = OMNI_EX_TEMPFAIL;        /* busy, or the server not there now */
	else if (!strncmp(st, "28", 2) || !strcmp(st, "42501"))
		status = OMNI_EX_NOPERM;
	else if (!strcmp(st, "53100") || !strcmp(st, "58030"))
		status = OMNI_EX_IOERR;
	else if (!strcmp(st, "XX001") || !strcmp(st, "XX002"))
		status = OMNI_EX_DATAERR;
	else if (!strcmp(st, "3D000"))
		status = OMNI_EX_CANTCREAT;
	return omni_error_set(err, status, s->path, 0, 0, "%s: %s", what,
	                      s->pg_msg ? s->pg_msg : "no database");
}

/* Runs sql (no parameters; several statements may be one text).  0 or -1,
 * the error kept. */
static int
run(omni_store *s, const char *sql)
{
	PGresult *res = PQexec(s->pg, sql);
	ExecStatusType rc = PQresultStatus(res);

	if (rc != PGRES_COMMAND_OK && rc != PGRES_TUPLES_OK)
		return keep_error(s, res);
	PQclear(res);
	return 0;
}

/* The first column of sql's first row as a number; def when none. */
static long long
number(omni_store *s, const char *sql, long long def)
{
	PGresult *res = PQexec(s->pg, sql);
	long long v = def;

	if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) > 0 &&
	    !PQgetisnull(res, 0, 0))
		v = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	else if (PQresultStatus(res) != PGRES_TUPLES_OK)
		return keep_error(s, res), def;
	PQclear(res);
	return v;
}

int
omni_pg_version(omni_store *s)
{
	long long there = number(s, "SELECT (to_regclass('omni_schema') IS NOT NULL)::int", -1);

	if (there <= 0)
		return (int)there;
	return (int)number(s, "SELECT coalesce(max(version), 0) FROM omni_schema", -1);
}

/* Notices (a table there already, ...) are not the library's to print. */
static void
quiet(void *arg, const char *message)
{
}

/* The URI as said in messages: without its password. */
static char *
shown(const char *uri)
{
	const char *at = strchr(uri, '@'), *scheme = strstr(uri, "://");
	const char *colon;
	char *out;

	if (!at || !scheme || at < scheme)
		return strdup(uri);
	colon = memchr(scheme + 3, ':', (size_t)(at - scheme - 3));
	if (!colon)
		return strdup(uri);
	if (asprintf(&out, "%.*s%s", (int)(colon - uri), uri, at) < 0)
		return NULL;
	return out;
}

static int
migrate(omni_store *s, omni_error *err)
{
	int version;

	if (run(s, "SELECT pg_advisory_lock(" MIGRATE_KEY ")") < 0)
		return omni_pg_error(s, err, "cannot lock the store for its migrations"), -1;
	version = omni_pg_version(s);
	if (version < 0) {
		omni_pg_error(s, err, "cannot read the store");
		goto fail;
	}
	if ((size_t)version > omni_migrations_count) {
		omni_error_set(err, OMNI_EX_DATAERR, s->path, 0, 0,
		               "store schema version %d is newer than this program's (%zu)",
		               version, omni_migrations_count);
		goto fail;
	}
	/* a store already up to date is only read: a role that may not
	 * create in the schema opens it */
	if ((size_t)version < omni_migrations_count &&
	    run(s, "CREATE TABLE IF NOT EXISTS omni_schema (version integer NOT NULL)") < 0) {
		omni_pg_error(s, err, "cannot set up the store");
		goto fail;
	}
	for (size_t v = (size_t)version; v < omni_migrations_count; v++) {
		char *ddl = omni_migrations_pg[v] ? strdup(omni_migrations_pg[v])
		            : omni_pg_ddl(omni_migrations[v]);
		char mark[96];
		int bad;

		if (!ddl) {
			omni_error_oom(err);
			goto fail;
		}
		snprintf(mark, sizeof mark, "DELETE FROM omni_schema; "
		         "INSERT INTO omni_schema VALUES (%zu)", v + 1);
		if (omni_pg_begin(s, err) < 0) {
			free(ddl);
			goto fail;
		}
		bad = (*ddl && run(s, ddl) < 0) || run(s, mark) < 0;
		free(ddl);
		if (bad) {
			omni_pg_error(s, err, "migration failed");
			omni_pg_rollback(s);
			goto fail;
		}
		if (omni_pg_commit(s, err) < 0)
			goto fail;
	}
	run(s, "SELECT pg_advisory_unlock(" MIGRATE_KEY ")");
	return 0;
fail:
	run(s, "SELECT pg_advisory_unlock(" MIGRATE_KEY ")");
	return -1;
}

/* The statements compare and sort text by its bytes, as SQLite does. */
static int
check_collation(omni_store *s, omni_error *err)
{
	PGresult *res = PQexec(s->pg, "SELECT datcollate FROM pg_database"
	                       " WHERE datname = current_database()");
	const char *c;
	int ok;

	if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1)
		return keep_error(s, res), omni_pg_error(s, err, "cannot open the store"), -1;
	c = PQgetvalue(res, 0, 0);
	ok = !strcmp(c, "C") || !strcmp(c, "POSIX") || !strcmp(c, "C.UTF-8") ||
	     !strcmp(c, "C.utf8");
	if (!ok)
		omni_error_set(err, OMNI_EX_CONFIG, s->path, 0, 0,
		               "the store's database sorts text by the locale %s: create it "
		               "with createdb --locale=C --template=template0", c);
	PQclear(res);
	return ok ? 0 : -1;
}

int
omni_pg_open(omni_store *s, const char *uri, int existing, omni_error *err)
{
	const char *keys[] = { "dbname", "password", "connect_timeout", NULL };
	const char *vals[] = { uri, NULL, "10", NULL };
	omni_error perr = { 0 };
	char *password = omni_secret("DB_PASSWORD", &perr);
	char set[160];

	free(s->path);
	if (!(s->path = shown(uri))) {
		free(password);
		return omni_error_oom(err), -1;
	}
	/* none given: libpq's own (~/.pgpass, PGPASSWORD) */
	vals[1] = password;
	if (!password)
		keys[1] = NULL;
	s->pg = PQconnectdbParams(keys, vals, 1);
	if (password) {
		explicit_bzero(password, strlen(password));
		free(password);
	}
	if (!s->pg)
		return omni_error_oom(err), -1;
	if (PQstatus(s->pg) != CONNECTION_OK) {
		int noperm = PQconnectionNeedsPassword(s->pg) ||
		             strstr(PQerrorMessage(s->pg), "authentication") != NULL;
		keep_error(s, NULL);
		omni_error_set(err, noperm ? OMNI_EX_NOPERM : OMNI_EX_TEMPFAIL, s->path, 0, 0,
		               "cannot connect to the store: %s", s->pg_msg ? s->pg_msg : "");
		return -1;
	}
	PQsetNoticeProcessor(s->pg, quiet, NULL);
	/* the busy timeout, as SQLite waits for its lock; times read as UTC */
	snprintf(set, sizeof set, "SET lock_timeout = %d; SET TimeZone = 'UTC';"
	         " SET client_encoding = 'UTF8'; SET client_min_messages = warning",
	         s->busy_ms);
	if (run(s, set) < 0)
		return omni_pg_error(s, err, "cannot open the store"), -1;
	if (check_collation(s, err) < 0)
		return -1;
	if (existing && omni_pg_version(s) == 0) {
		omni_pg_close(s);
		return 0;
	}
	return migrate(s, err);
}

void
omni_pg_close(omni_store *s)
{
	if (s->pg)
		PQfinish(s->pg);
	s->pg = NULL;
	free(s->pg_msg);
	s->pg_msg = NULL;
}

int
omni_pg_begin(omni_store *s, omni_error *err)
{
	if (run(s, "BEGIN") < 0)
		return omni_pg_error(s, err, "cannot lock the store"), -1;
	if (run(s, "SELECT pg_advisory_xact_lock(" WRITER_KEY ")") < 0) {
		omni_pg_error(s, err, "cannot lock the store");
		run(s, "ROLLBACK");
		return -1;
	}
	return 0;
}

int
omni_pg_commit(omni_store *s, omni_error *err)
{
	/* A failed statement ended the transaction: COMMIT would say
	 * nothing and roll it back. */
	if (PQtransactionStatus(s->pg) == PQTRANS_INERROR) {
		omni_pg_error(s, err, "cannot commit to the store");
		omni_pg_rollback(s);
		return -1;
	}
	if (run(s, "COMMIT") < 0) {
		omni_pg_error(s, err, "cannot commit to the store");
		omni_pg_rollback(s);
		return -1;
	}
	return 0;
}

void
omni_pg_rollback(omni_store *s)
{
	if (PQtransactionStatus(s->pg) != PQTRANS_IDLE) {
		PGresult *res = PQexec(s->pg, "ROLLBACK");
		PQclear(res);
	}
}

int
omni_pg_held(omni_store *s)
{
	PGTransactionStatusType t = PQtransactionStatus(s->pg);

	return t == PQTRANS_INTRANS || t == PQTRANS_INERROR || t == PQTRANS_ACTIVE;
}

int
omni_pg_lock(omni_store *s, const char *what, omni_error *err)
{
	const char *params[1] = { what };
	int fd;

	for (int waited = 0;; waited += 50) {
		PGresult *res = PQexecParams(s->pg, "SELECT pg_try_advisory_lock(1, hashtext($1))",
		                             1, NULL, params, NULL, NULL, 0);
		int got;

		if (PQresultStatus(res) != PGRES_TUPLES_OK)
			return keep_error(s, res), omni_pg_error(s, err, "cannot lock"), -1;
		got = PQgetvalue(res, 0, 0)[0] == 't';
		PQclear(res);
		if (got)
			break;
		if (waited >= s->busy_ms)
			return omni_error_set(err, OMNI_EX_TEMPFAIL, s->path, 0, 0,
			                      "another %s is running on this store", what), -1;
		usleep(50000);
	}
	/* The lock is the connection's, held until the store closes; the
	 * caller's descriptor only stands for it. */
	if ((fd = open("/dev/null", O_RDONLY | O_CLOEXEC)) < 0)
		return omni_error_set(err, OMNI_EX_SOFTWARE, NULL, 0, 0, "/dev/null: %s",
		                      strerror(errno)), -1;
	return fd;
}

int
omni_pg_scrub(omni_store *s, omni_error *err)
{
	/* Rewrites the tables whole, so that no dead row stays in them; the
	 * server's write-ahead log and backups are its administrator's. */
	if (run(s, "VACUUM FULL") < 0)
		return omni_pg_error(s, err, "cannot rewrite the store"), -1;
	return 0;
}

/* The parameters' types for the server: a number the text skips (SQLite
 * numbers them as it likes) is text, the others the server's to infer.
 * A static array; NULL when all are used (or too many to say). */
static const Oid *
unused_text(const char *text, int nparams)
{
	static Oid types[100];
	int skipped = 0;

	if (nparams > 100)
		return NULL;
	for (int i = 1; i <= nparams; i++) {
		char num[16];
		const char *p = text;
		size_t n = (size_t)snprintf(num, sizeof num, "$%d", i);

		while ((p = strstr(p, num)) && p[n] >= '0' && p[n] <= '9')
			p += n;
		types[i - 1] = p ? 0 : 25;      /* text */
		skipped |= !p;
	}
	return skipped ? types : NULL;
}

struct omni_pg_stmt *
omni_pg_prepare(omni_store *s, const char *sql, omni_error *err)
{
	static unsigned long count;
	struct omni_pg_stmt *st = calloc(1, sizeof *st);
	char *text = NULL;
	PGresult *res;

	if (!st || !(text = omni_pg_sql(sql, &st->nparams)) ||
	    (st->nparams && !(st->vals = calloc((size_t)st->nparams, sizeof *st->vals)))) {
		free(text);
		if (st)
			free(st->vals);
		free(st);
		return omni_error_oom(err), NULL;
	}
	st->s = s;
	st->row = -1;
	snprintf(st->name, sizeof st->name, "omni%lu", ++count);
	res = PQprepare(s->pg, st->name, text, st->nparams, unused_text(text, st->nparams));
	free(text);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		keep_error(s, res);
		omni_pg_error(s, err, "cannot prepare a statement");
		free(st->vals);
		free(st);
		return NULL;
	}
	PQclear(res);
	st->desc = PQdescribePrepared(s->pg, st->name);
	if (PQresultStatus(st->desc) != PGRES_COMMAND_OK) {
		keep_error(s, st->desc);
		omni_pg_error(s, err, "cannot prepare a statement");
		free(st->vals);
		free(st);
		return NULL;
	}
	return st;
}

void
omni_pg_clear(struct omni_pg_stmt *st)
{
	for (int i = 0; i < st->nparams; i++) {
		free(st->vals[i]);
		st->vals[i] = NULL;
	}
}

void
omni_pg_stmt_free(struct omni_pg_stmt *st)
{
	if (!st)
		return;
	omni_pg_reset(st);
	omni_pg_clear(st);
	PQclear(st->desc);
	free(st->vals);
	free(st);
}

int
omni_pg_bind(struct omni_pg_stmt *st, int i, char *text)
{
	if (i < 1 || i > st->nparams) {
		free(text);
		return -1;
	}
	free(st->vals[i - 1]);
	st->vals[i - 1] = text;
	return 0;
}

int
omni_pg_step(struct omni_pg_stmt *st, omni_error *err, const char *what)
{
	if (!st->res) {
		PGresult *res = PQexecPrepared(st->s->pg, st->name, st->nparams,
		                               (const char *const *)st->vals, NULL, NULL, 0);
		ExecStatusType rc = PQresultStatus(res);

		if (rc != PGRES_TUPLES_OK && rc != PGRES_COMMAND_OK) {
			keep_error(st->s, res);
			if (err)
				omni_pg_error(st->s, err, what);
			return -1;
		}
		st->res = res;
		st->row = -1;
		/* the rows an INSERT, UPDATE or DELETE changed (omni_store_changes) */
		st->s->pg_changes = atol(PQcmdTuples(res));
	}
	if (st->row + 1 < PQntuples(st->res)) {
		st->row++;
		return OMNI_STMT_ROW;
	}
	st->row = PQntuples(st->res);
	return OMNI_STMT_DONE;
}

void
omni_pg_reset(struct omni_pg_stmt *st)
{
	PQclear(st->res);
	st->res = NULL;
	st->row = -1;
}

int
omni_pg_busy(struct omni_pg_stmt *st)
{
	return st->res != NULL;
}

/* Is column i of the current row there (not null)? */
static int
there(struct omni_pg_stmt *st, int i)
{
	return st->res && st->row >= 0 && st->row < PQntuples(st->res) &&
	       i >= 0 && i < PQnfields(st->res) && !PQgetisnull(st->res, st->row, i);
}

const char *
omni_pg_text(struct omni_pg_stmt *st, int i)
{
	return there(st, i) ? PQgetvalue(st->res, st->row, i) : NULL;
}

size_t
omni_pg_bytes(struct omni_pg_stmt *st, int i)
{
	return there(st, i) ? (size_t)PQgetlength(st->res, st->row, i) : 0;
}

int
omni_pg_type(struct omni_pg_stmt *st, int i)
{
	if (!there(st, i))
		return OMNI_STMT_NULL;
	switch (PQftype(st->res, i)) {
	case 16:                       /* bool */
	case 20: case 21: case 23:     /* int8, int2, int4 */
		return OMNI_STMT_INT;
	case 700: case 701: case 1700: /* float4, float8, numeric */
		return OMNI_STMT_REAL;
	case 17:                       /* bytea */
		return OMNI_STMT_BLOB;
	default:
		return OMNI_STMT_TEXT;
	}
}

int
omni_pg_columns(struct omni_pg_stmt *st)
{
	return PQnfields(st->desc);
}

const char *
omni_pg_name(struct omni_pg_stmt *st, int i)
{
	return PQfname(st->desc, i);
}

#endif
