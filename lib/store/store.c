/* store.c - the store's engine, SQLite: opening, migrations, transactions,
 * errors.  Its statements are in stmt.c; nothing outside lib/store/ sees
 * SQLite.  A postgresql:// store goes to pg.c from each call here. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/core.h"
#include "store_int.h"

extern const char *const omni_migrations[];
extern const size_t omni_migrations_count;

int
omni_store_error(omni_store *s, omni_error *err, const char *what)
{
	int code = s && s->db ? sqlite3_errcode(s->db) & 0xff : SQLITE_ERROR;
	int status;

	if (s && s->pg)
		return omni_pg_error(s, err, what);
	switch (code) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		status = OMNI_EX_TEMPFAIL;
		break;
	case SQLITE_IOERR:
	case SQLITE_FULL:
		status = OMNI_EX_IOERR;
		break;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		status = OMNI_EX_DATAERR;
		break;
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_AUTH:
		status = OMNI_EX_NOPERM;
		break;
	case SQLITE_CANTOPEN:
		status = OMNI_EX_CANTCREAT;
		break;
	default:
		status = OMNI_EX_SOFTWARE;
	}
	/* "disk I/O error" alone does not say a file-size limit or a full disk */
	if (code == SQLITE_IOERR && s && s->db && sqlite3_system_errno(s->db))
		return omni_error_set(err, status, s->path, 0, 0, "%s: %s: %s", what,
		                      sqlite3_errmsg(s->db), strerror(sqlite3_system_errno(s->db)));
	return omni_error_set(err, status, s ? s->path : NULL, 0, 0, "%s: %s", what,
	                      s && s->db ? sqlite3_errmsg(s->db) : "no database");
}

static int
exec(omni_store *s, const char *sql, omni_error *err, const char *what)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		omni_store_error(s, err, what);
		return -1;
	}
	return 0;
}

/* Creates the file 0600 ourselves: SQLite would use the umask, and its
 * -wal and -shm files copy the database file's mode. */
static int
create_private(const char *path, omni_error *err)
{
	char *dir = strdup(path);
	int fd;

	if (!dir)
		return omni_error_oom(err), -1;
	if (omni_mkdirs(dirname(dir), 0700) < 0) {
		omni_error_set(err, OMNI_EX_CANTCREAT, path, 0, 0,
		               "cannot create the store's directory: %s", strerror(errno));
		free(dir);
		return -1;
	}
	free(dir);
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0 && errno != EACCES && errno != EROFS) {
		omni_error_set(err, OMNI_EX_CANTCREAT, path, 0, 0,
		               "cannot create the store: %s", strerror(errno));
		return -1;
	}
	if (fd >= 0)
		close(fd);
	return 0;
}

static int
migrate(omni_store *s, omni_error *err)
{
	int version = omni_store_schema_version(s);

	if (version < 0)
		return omni_store_error(s, err, "cannot read the store"), -1;
	if ((size_t)version > omni_migrations_count)
		return omni_error_set(err, OMNI_EX_DATAERR, s->path, 0, 0,
		                      "store schema version %d is newer than this program's (%zu)",
		                      version, omni_migrations_count), -1;
	for (size_t v = (size_t)version; v < omni_migrations_count; v++) {
		char pragma[64];

		if (omni_store_begin(s, err) < 0)
			return -1;
		/* Another run may have migrated while we waited for the lock. */
		if ((size_t)omni_store_schema_version(s) > v) {
			omni_store_rollback(s);
			continue;
		}
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %zu", v + 1);
		if (exec(s, omni_migrations[v], err, "migration failed") < 0 ||
		    exec(s, pragma, err, "migration failed") < 0) {
			omni_store_rollback(s);
			return -1;
		}
		if (omni_store_commit(s, err) < 0)
			return -1;
	}
	return 0;
}

/* The store holds customers' messages and the send ledger: one that
 * other users can write could be made to resend or to forget.  Refused
 * (77) when it, or its -wal file, is writable by group or others. */
static int
check_mode(const char *path, omni_error *err)
{
	struct stat st;
	char wal[4096];

	snprintf(wal, sizeof wal, "%s-wal", path);
	for (int i = 0; i < 2; i++) {
		const char *p = i ? wal : path;
		if (stat(p, &st) < 0 || !S_ISREG(st.st_mode))
			continue;
		if (st.st_mode & (S_IWGRP | S_IWOTH))
			return omni_error_set(err, OMNI_EX_NOPERM, p, 0, 0,
			                      "the store is writable by others (mode %04o): "
			                      "chmod 600 it", (unsigned)(st.st_mode & 07777)), -1;
	}
	return 0;
}

/* After a failed open: when the store or its directory cannot be
 * written (SQLite needs both, for the -wal and -shm files), say so, with
 * status 77, rather than SQLite's "unable to open database file"; when
 * its file system is full, 74. */
static void
explain_unwritable(const char *path, omni_error *err)
{
	char *copy = strdup(path);
	const char *dir, *why = NULL;
	struct statvfs vfs;

	if (!copy)
		return;
	dir = dirname(copy);
	if (statvfs(dir, &vfs) == 0 && vfs.f_bavail == 0 && !(vfs.f_flag & ST_RDONLY)) {
		omni_error_set(err, OMNI_EX_IOERR, path, 0, 0,
		               "cannot open the store: its file system is full");
		free(copy);
		return;
	}
	if (statvfs(dir, &vfs) == 0 && (vfs.f_flag & ST_RDONLY))
		why = "it is on a read-only file system";
	else if (access(dir, W_OK) < 0 && errno == EACCES)
		why = "its directory is not writable";
	else if (access(path, W_OK) < 0 && errno == EACCES)
		why = "it is not writable";
	if (why)
		omni_error_set(err, OMNI_EX_NOPERM, path, 0, 0,
		               "cannot write the store: %s", why);
	free(copy);
}

/* Is the store set up: in WAL mode (or read-only) and at this program's
 * schema?  Asked without a lock, so that the runs on a store in use take
 * none. */
static int
set_up(omni_store *s)
{
	sqlite3_stmt *st = NULL;
	const unsigned char *mode;
	int wal = sqlite3_db_readonly(s->db, "main") != 0;

	if (!wal && sqlite3_prepare_v2(s->db, "PRAGMA journal_mode", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW && (mode = sqlite3_column_text(st, 0)))
		wal = strcmp((const char *)mode, "wal") == 0;
	sqlite3_finalize(st);
	return wal && omni_store_schema_version(s) == (int)omni_migrations_count;
}

/* Two programs switching a new store to WAL at once can fail at once
 * with "database is locked": SQLite returns busy without waiting where
 * waiting could deadlock.  So one at a time sets a store up (WAL and the
 * migrations), the others wait as for the store's own lock.  The
 * descriptor to close after, -2 when the lock file cannot be made (a
 * store that cannot be written: SQLite says why), or -1 with err (75). */
static int
setup_lock(omni_store *s, omni_error *err)
{
	omni_error lerr = { 0 };
	int fd = omni_store_lock(s, "migration", &lerr);

	if (fd >= 0 || lerr.status != OMNI_EX_TEMPFAIL)
		return fd >= 0 ? fd : -2;
	if (err)
		*err = lerr;
	return -1;
}

/* WAL, the connection's settings and the migrations; when the store is
 * not set up, under the setup lock (*lock, kept for the caller to close;
 * a store set up takes none).  0; -1 with err (SQLite's error: 75 when
 * busy); -2 with err, not to be tried again. */
static int
setup(omni_store *s, int *lock, omni_error *err)
{
	if (omni_store_held(s))
		omni_store_rollback(s);
	if (*lock == -2 && !set_up(s) && (*lock = setup_lock(s, err)) == -1) {
		*lock = -2;
		return -2;      /* the setup lock waited its time already */
	}
	/* WAL and the schema check both read the file: a corrupt or foreign
	 * file fails here with "file is not a database". */
	if (sqlite3_db_readonly(s->db, "main") == 0 &&
	    exec(s, "PRAGMA journal_mode = WAL", err, "cannot open the store") < 0)
		return -1;
	if (exec(s, "PRAGMA synchronous = NORMAL", err, "cannot open the store") < 0 ||
	    exec(s, "PRAGMA cache_size = -32768", err, "cannot open the store") < 0 ||
	    migrate(s, err) < 0)
		return -1;
	return 0;
}

/* The store's file: path, else $OMNI_DB, else the XDG data home's.  New. */
static char *
store_path(const char *path)
{
	const char *env = getenv("OMNI_DB");

	if (path)
		return strdup(path);
	if (env && *env)
		return strdup(env);
	return omni_xdg_path(OMNI_XDG_DATA, "omni.db");
}

/* A PostgreSQL store (pg.c).  existing: *out NULL when the database has
 * no store in it. */
static int
open_pg(const char *path, int existing, omni_store **out, omni_error *err)
{
	omni_store *s = calloc(1, sizeof *s);
	const char *timeout = getenv("OMNI_BUSY_TIMEOUT");
	char *uri;

	*out = NULL;
	if (!s)
		return omni_error_oom(err), -1;
	if (!(uri = store_path(path)) || !(s->path = strdup(uri))) {
		free(uri);
		free(s);
		return omni_error_oom(err), -1;
	}
	s->busy_ms = timeout ? atoi(timeout) : 10000;
	if (omni_pg_open(s, uri, existing, err) < 0) {
		free(uri);
		omni_store_close(s);
		return -1;
	}
	free(uri);
	if (!s->pg) {
		omni_store_close(s);
		return 0;
	}
	*out = s;
	return 0;
}

int
omni_store_open_existing(const char *path, omni_store **out, omni_error *err)
{
	char *p = store_path(path);
	int there = p && access(p, F_OK) == 0;

	*out = NULL;
	if (!p)
		return omni_error_oom(err), -1;
	if (omni_pg_uri(p)) {
		free(p);
		return open_pg(path, 1, out, err);
	}
	free(p);
	return there ? omni_store_open(path, out, err) : 0;
}

int
omni_store_open(const char *path, omni_store **out, omni_error *err)
{
	omni_store *s = calloc(1, sizeof *s);
	const char *timeout = getenv("OMNI_BUSY_TIMEOUT");
	int lock = -2;

	*out = NULL;
	if (!s)
		return omni_error_oom(err), -1;
	s->path = store_path(path);
	if (!s->path) {
		free(s);
		return omni_error_oom(err), -1;
	}
	if (omni_pg_uri(s->path)) {
		free(s->path);
		free(s);
		return open_pg(path, 0, out, err);
	}
	if (create_private(s->path, err) < 0 || check_mode(s->path, err) < 0)
		goto fail;
	/* No program shares a connection between threads, so SQLite's own
	 * locks (a mutex round every call and allocation, a tenth of the
	 * linker's instructions) guard nothing.  Only before SQLite starts:
	 * later calls fail harmlessly. */
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	if (sqlite3_open_v2(s->path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
	                    NULL) != SQLITE_OK) {
		omni_store_error(s, err, "cannot open the store");
		goto fail;
	}
	s->busy_ms = timeout ? atoi(timeout) : 10000;
	sqlite3_busy_timeout(s->db, s->busy_ms);
	sqlite3_extended_result_codes(s->db, 0);
	if (exec(s, "PRAGMA foreign_keys = ON", err, "cannot open the store") < 0)
		goto fail;
	for (double start = omni_clock_monotonic(), pause = 0.005;; pause *= 2) {
		omni_error local = { 0 }, *e = err ? err : &local;
		int rc = setup(s, &lock, e);
		if (rc == 0)
			break;
		/* 75 here is SQLite's busy or locked, nothing else */
		if (rc == -2 || e->status != OMNI_EX_TEMPFAIL ||
		    (omni_clock_monotonic() - start) * 1000 >= s->busy_ms)
			goto fail;
		/* SQLite's busy without a wait (a journal mode changing under
		 * a reader, a snapshot gone stale): try again, as it waits */
		if (pause > 0.1)
			pause = 0.1;
		nanosleep(&(struct timespec){ 0, (long)(pause * 1e9) }, NULL);
	}
	if (lock >= 0)
		close(lock);
	*out = s;
	return 0;
fail:
	if (lock >= 0)
		close(lock);
	if (err && err->status != OMNI_EX_DATAERR && err->status != OMNI_EX_TEMPFAIL &&
	    err->status != OMNI_EX_NOPERM && s->path)
		explain_unwritable(s->path, err);
	omni_store_close(s);
	return -1;
}

void
omni_store_close(omni_store *s)
{
	if (!s)
		return;
	omni_store_stmts_free(s);
	omni_pg_close(s);
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

const char *
omni_store_path(const omni_store *s)
{
	return s->path;
}

char *
omni_store_dir(const omni_store *s)
{
	char *p = s->pg ? omni_xdg_path(OMNI_XDG_DATA, "omni.db") : strdup(s->path);
	char *dir;

	if (!p)
		return NULL;
	dir = strdup(dirname(p));
	free(p);
	return dir;
}

int
omni_store_schema_version(omni_store *s)
{
	sqlite3_stmt *st = NULL;
	int v = -1;

	if (s->pg)
		return omni_pg_version(s);
	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

int
omni_store_begin(omni_store *s, omni_error *err)
{
	if (s->pg)
		return omni_pg_begin(s, err);
	return exec(s, "BEGIN IMMEDIATE", err, "cannot lock the store");
}

int
omni_store_lock(omni_store *s, const char *what, omni_error *err)
{
	char *path = NULL;
	int fd = -1;

	if (s->pg)
		return omni_pg_lock(s, what, err);
	if (asprintf(&path, "%s.%s.lock", s->path, what) < 0) {
		omni_error_oom(err);
		return -1;
	}
	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0) {
		omni_error_set(err, errno == EROFS || errno == EACCES ? OMNI_EX_NOPERM
		               : OMNI_EX_CANTCREAT, path, 0, 0, "%s", strerror(errno));
		goto fail;
	}
	/* the busy timeout, as SQLite waits for its own lock */
	for (int waited = 0; flock(fd, LOCK_EX | LOCK_NB) < 0; waited += 50) {
		if (errno != EWOULDBLOCK || waited >= s->busy_ms) {
			omni_error_set(err, OMNI_EX_TEMPFAIL, path, 0, 0, "another %s is "
			               "running on this store", what);
			goto fail;
		}
		usleep(50000);
	}
	free(path);
	return fd;
fail:
	if (fd >= 0)
		close(fd);
	free(path);
	return -1;
}

int
omni_store_hold(omni_store *s, omni_error *err)
{
	return omni_store_held(s) ? 0 : omni_store_begin(s, err);
}

/* Runs one of the savepoint statements.  0 or -1 with err (may be NULL). */
static int
savepoint(omni_store *s, const char *sql, omni_error *err)
{
	omni_stmt *st = omni_store_stmt(s, sql, err);
	int rc;

	if (!st)
		return -1;
	rc = omni_stmt_step(st, err, "cannot write to the store");
	omni_stmt_reset(st);
	return rc < 0 ? -1 : 0;
}

static const char savepoint_sql[] = "SAVEPOINT omni_step";
static const char release_sql[] = "RELEASE omni_step";
static const char rollback_to_sql[] = "ROLLBACK TO omni_step";

int
omni_store_savepoint(omni_store *s, omni_error *err)
{
	/* SQLite's SAVEPOINT outside a transaction begins one; PostgreSQL
	 * refuses it there: a write transaction of its own */
	if (s->pg && !omni_store_held(s)) {
		if (omni_store_begin(s, err) < 0)
			return -1;
		s->sp_began = s->sp_depth + 1;
	} else if (savepoint(s, savepoint_sql, err) < 0) {
		return -1;
	}
	s->sp_depth++;
	return 0;
}

int
omni_store_savepoint_end(omni_store *s, int rc, omni_error *err)
{
	/* the rows the step's last statement changed, not the savepoint's */
	long changes = s->pg_changes;
	int began = s->sp_began && s->sp_began == s->sp_depth;

	s->sp_depth--;
	if (began) {
		s->sp_began = 0;
		if (rc < 0)
			omni_store_rollback(s);
		else if (omni_store_commit(s, err) < 0)
			return -1;
	} else if (rc >= 0) {
		if (savepoint(s, release_sql, err) < 0)
			return -1;
	} else if (savepoint(s, rollback_to_sql, NULL) == 0) {
		savepoint(s, release_sql, NULL);
	}
	s->pg_changes = changes;
	return rc;
}

int
omni_store_held(omni_store *s)
{
	if (s->pg)
		return omni_pg_held(s);
	return !sqlite3_get_autocommit(s->db);
}

long
omni_store_changes(omni_store *s)
{
	if (s->pg)
		return s->pg_changes;
	return (long)sqlite3_changes(s->db);
}

int
omni_store_commit(omni_store *s, omni_error *err)
{
	if (s->pg)
		return omni_pg_commit(s, err);
	if (exec(s, "COMMIT", err, "cannot commit to the store") < 0) {
		omni_store_rollback(s);
		return -1;
	}
	return 0;
}

void
omni_store_rollback(omni_store *s)
{
	if (s->pg)
		omni_pg_rollback(s);
	else if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

void
omni_store_tune(omni_store *s, enum omni_store_use use)
{
	static const char *const bulk[] = {
		/* The look-ups hop across a store that outgrows the default
		 * cache; 96 MB keeps the hot pages in, inside the 150 MB the
		 * program may use. */
		"PRAGMA cache_size = -98304",
		/* A checkpoint copies the WAL's pages into the store.  At the
		 * default of 1,000 pages every transaction's pages are copied as
		 * it ends; at 50,000 (200 MB of WAL at most) a page that several
		 * transactions write is copied once.  The WAL goes when the last
		 * connection closes. */
		"PRAGMA wal_autocheckpoint = 50000",
		/* The checks would only add a parent look-up to every row
		 * written. */
		"PRAGMA foreign_keys = OFF",
	};

	if (s->pg)
		return;         /* the server's settings are its administrator's */
	if (use == OMNI_STORE_SCRATCH) {
		sqlite3_exec(s->db, "PRAGMA synchronous = OFF", NULL, NULL, NULL);
		return;
	}
	for (size_t i = 0; i < sizeof bulk / sizeof bulk[0]; i++)
		sqlite3_exec(s->db, bulk[i], NULL, NULL, NULL);
}

void
omni_store_watch_fulfillments(omni_store *s, omni_store_watch_fn *fn, void *arg)
{
	s->watch = fn;
	s->watch_arg = arg;
}

int
omni_store_secure_delete(omni_store *s, omni_error *err)
{
	if (s->pg)
		return 0;       /* omni_store_scrub rewrites the tables instead */
	return exec(s, "PRAGMA secure_delete = ON", err, "cannot set secure_delete");
}

int
omni_store_scrub(omni_store *s, omni_error *err)
{
	int log = 0, copied = 0, rc;

	omni_store_reset_all(s);
	if (s->pg)
		return omni_pg_scrub(s, err);
	/* The copy VACUUM builds stays in memory, not in a temporary file. */
	if (exec(s, "PRAGMA temp_store = MEMORY", err, "cannot scrub the store") < 0 ||
	    exec(s, "VACUUM", err, "cannot rewrite the store") < 0)
		return -1;
	rc = sqlite3_wal_checkpoint_v2(s->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &log, &copied);
	if (rc == SQLITE_BUSY)
		return omni_error_set(err, OMNI_EX_TEMPFAIL, s->path, 0, 0,
		                      "another program reads the store: its write-ahead log "
		                      "was not emptied; run again"), -1;
	if (rc != SQLITE_OK)
		return omni_store_error(s, err, "cannot empty the write-ahead log"), -1;
	return 0;
}
