/*
 * link-floor.c - the least a linker on an SQLite store must do, to put
 * omni-link's speed beside: built and run by bench/link/floor; not part
 * of omni.
 *
 * Each record is decoded with jansson; its record id, thread key and
 * message ids are looked up (a rerun, a thread), then its strong keys
 * (e-mail addresses, marketplace and social handles, order numbers);
 * the customer found (or a new one) gives its latest ticket, which the
 * record joins unless the ticket is older than 14 days.  It then writes
 * what a later record needs to find it: the ticket, the link, the
 * thread ids, the keys and the messages, and prints the record with its
 * ticket and customer.  The store is on disk in WAL mode with the page
 * cache, synchronous setting and transaction bound omni-link uses.
 * There is no merging of customers, no blocking key, no subject
 * threading, no order context and no history: each of those costs more.
 *
 * With --index, the design of the key index: the look-up keys (record
 * ids, mail ids and thread keys, identity keys) are found through a hash
 * table in memory of their 64-bit hash to the number of their row (16
 * bytes a key), appended to STORE.keys as it grows; their rows are keyed
 * by numbers that grow, so they are appended, and a hit is checked
 * against its row.
 */
#define _GNU_SOURCE
#include <jansson.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum {
	LINK_GET, MSGID_GET, KEY_GET, LATEST, CUST_NEW, TICKET_NEW,
	TICKET_SET, LINK_PUT, MSGID_PUT, KEY_PUT, MSG_PUT, NSTMT
};

/* Text keys (kind and value, a record or mail id) in B-trees ordered by
 * the text; with --hash, by their 64-bit FNV-1a hash, an INTEGER PRIMARY
 * KEY (8 bytes an entry, the text kept beside it for a real store to
 * check), the most compact a B-tree of random keys gets. */
static const char *const text_sql[NSTMT] = {
	[LINK_GET] = "SELECT ticket FROM ticket_links WHERE source_id = ?1",
	[MSGID_GET] = "SELECT ticket FROM link_msgids WHERE msgid = ?1",
	[KEY_GET] = "SELECT customer FROM identity_keys WHERE kind = ?1 AND value = ?2",
	[LATEST] = "SELECT seq, updated_at FROM tickets WHERE customer = ?1"
	           " ORDER BY updated_at DESC LIMIT 1",
	[CUST_NEW] = "INSERT INTO customers (name, created_at) VALUES (?1, ?2)",
	[TICKET_NEW] = "INSERT INTO tickets (customer, created_at, updated_at, record)"
	               " VALUES (?1, ?2, ?2, ?3)",
	[TICKET_SET] = "UPDATE tickets SET updated_at = max(updated_at, ?2), record = ?3"
	               " WHERE seq = ?1",
	[LINK_PUT] = "INSERT OR IGNORE INTO ticket_links (source_id, ticket) VALUES (?1, ?2)",
	[MSGID_PUT] = "INSERT OR IGNORE INTO link_msgids (msgid, ticket) VALUES (?1, ?2)",
	[KEY_PUT] = "INSERT OR IGNORE INTO identity_keys (kind, value, customer)"
	            " VALUES (?1, ?2, ?3)",
	[MSG_PUT] = "INSERT OR IGNORE INTO messages (ticket, id, at) VALUES (?1, ?2, ?3)",
};

static const char *const hash_sql[NSTMT] = {
	[LINK_GET] = "SELECT ticket FROM ticket_links WHERE h = hash(?1)",
	[MSGID_GET] = "SELECT ticket FROM link_msgids WHERE h = hash(?1)",
	[KEY_GET] = "SELECT customer FROM identity_keys WHERE h = hash(?1, ?2)",
	[LINK_PUT] = "INSERT OR IGNORE INTO ticket_links (h, source_id, ticket)"
	             " VALUES (hash(?1), ?1, ?2)",
	[MSGID_PUT] = "INSERT OR IGNORE INTO link_msgids (h, msgid, ticket)"
	              " VALUES (hash(?1), ?1, ?2)",
	[KEY_PUT] = "INSERT OR IGNORE INTO identity_keys (h, kind, value, customer)"
	            " VALUES (hash(?1, ?2), ?1, ?2, ?3)",
};

static const char common_schema[] =
	"PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
	"PRAGMA cache_size = -98304;"
	"CREATE TABLE customers (seq INTEGER PRIMARY KEY, name TEXT, created_at TEXT);"
	"CREATE TABLE tickets (seq INTEGER PRIMARY KEY, customer INTEGER,"
	" created_at TEXT, updated_at TEXT, record TEXT);"
	"CREATE INDEX tickets_customer ON tickets (customer, updated_at);"
	"CREATE TABLE messages (ticket INTEGER, id TEXT, at TEXT,"
	" PRIMARY KEY (ticket, id)) WITHOUT ROWID;";

static const char text_schema[] =
	"CREATE TABLE ticket_links (source_id TEXT PRIMARY KEY, ticket INTEGER) WITHOUT ROWID;"
	"CREATE TABLE link_msgids (msgid TEXT PRIMARY KEY, ticket INTEGER) WITHOUT ROWID;"
	"CREATE TABLE identity_keys (kind TEXT, value TEXT, customer INTEGER,"
	" PRIMARY KEY (kind, value)) WITHOUT ROWID;"
	"CREATE INDEX identity_keys_customer ON identity_keys (customer);";

static const char hash_schema[] =
	"CREATE TABLE ticket_links (h INTEGER PRIMARY KEY, source_id TEXT, ticket INTEGER);"
	"CREATE TABLE link_msgids (h INTEGER PRIMARY KEY, msgid TEXT, ticket INTEGER);"
	"CREATE TABLE identity_keys (h INTEGER PRIMARY KEY, kind TEXT, value TEXT,"
	" customer INTEGER);"
	"CREATE INDEX identity_keys_customer ON identity_keys (customer);";

/* --index: rows keyed by numbers that grow; the look-ups by hash are
 * the table in memory's, a hit read back by its row number. */
enum { LINK_ROW = NSTMT, MSGID_ROW, KEY_ROW, NALL };

static const char *const index_sql[NALL] = {
	[LINK_PUT] = "INSERT INTO ticket_links (source_id, ticket) VALUES (?1, ?2)",
	[MSGID_PUT] = "INSERT INTO link_msgids (msgid, ticket) VALUES (?1, ?2)",
	[KEY_PUT] = "INSERT INTO identity_keys (kind, value, customer) VALUES (?1, ?2, ?3)",
	[LINK_ROW] = "SELECT ticket, source_id FROM ticket_links WHERE rowid = ?1",
	[MSGID_ROW] = "SELECT ticket, msgid FROM link_msgids WHERE rowid = ?1",
	[KEY_ROW] = "SELECT customer, kind || ':' || value FROM identity_keys WHERE rowid = ?1",
};

static const char index_schema[] =
	"CREATE TABLE ticket_links (rowid INTEGER PRIMARY KEY, source_id TEXT, ticket INTEGER);"
	"CREATE TABLE link_msgids (rowid INTEGER PRIMARY KEY, msgid TEXT, ticket INTEGER);"
	"CREATE TABLE identity_keys (rowid INTEGER PRIMARY KEY, kind TEXT, value TEXT,"
	" customer INTEGER);"
	"CREATE INDEX identity_keys_customer ON identity_keys (customer);";

static const char *sql[NALL];

static sqlite3 *db;
static sqlite3_stmt *st[NALL];
static int indexed;

static void
die(const char *what)
{
	fprintf(stderr, "link-floor: %s: %s\n", what, sqlite3_errmsg(db));
	exit(1);
}

static void
exec(const char *s)
{
	if (sqlite3_exec(db, s, NULL, NULL, NULL) != SQLITE_OK)
		die(s);
}

/* Runs statement i with text (t) and integer (i) parameters; the first
 * column of its row, or 0 with none. */
static sqlite3_int64
run(int i, const char *fmt, ...)
{
	va_list ap;
	sqlite3_int64 r = 0;
	int rc;

	va_start(ap, fmt);
	for (int p = 1; fmt[p - 1]; p++)
		if (fmt[p - 1] == 't')
			sqlite3_bind_text(st[i], p, va_arg(ap, const char *), -1, SQLITE_STATIC);
		else
			sqlite3_bind_int64(st[i], p, va_arg(ap, sqlite3_int64));
	va_end(ap);
	rc = sqlite3_step(st[i]);
	if (rc == SQLITE_ROW)
		r = sqlite3_column_int64(st[i], 0);
	else if (rc != SQLITE_DONE)
		die(sql[i]);
	sqlite3_reset(st[i]);
	return r;
}

static const char *
str(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* The key index: open addressing, 64-bit hash to row number. */
static struct slot {
	uint64_t h;
	sqlite3_int64 row;
} *slots;
static size_t nslots, nkeys;
static FILE *keys_file;

static uint64_t
fnv(const char *a, const char *b, const char *c)
{
	const char *part[3] = { a, b, c };
	uint64_t h = 1469598103934665603ULL;

	for (int i = 0; i < 3; i++) {
		for (const char *p = part[i]; p && *p; p++)
			h = (h ^ (unsigned char)*p) * 1099511628211ULL;
		h *= 1099511628211ULL;
	}
	return h | 1;     /* 0 is an empty slot */
}

static struct slot *
slot_of(uint64_t h)
{
	size_t i = h & (nslots - 1);

	while (slots[i].h && slots[i].h != h)
		i = (i + 1) & (nslots - 1);
	return &slots[i];
}

static void
index_put(uint64_t h, sqlite3_int64 row)
{
	if (2 * (nkeys + 1) > nslots) {
		struct slot *old = slots;
		size_t n = nslots;
		nslots = 2 * n;
		if (!(slots = calloc(nslots, sizeof *slots)))
			exit(1);
		for (size_t i = 0; i < n; i++)
			if (old[i].h)
				*slot_of(old[i].h) = old[i];
		free(old);
	}
	struct slot *s = slot_of(h);
	if (!s->h)
		nkeys++;
	s->h = h;
	s->row = row;
	fwrite(s, sizeof *s, 1, keys_file);
}

/* The value (ticket, customer) of the key's row, checked against its
 * text, or 0. */
static sqlite3_int64
index_get(int rowst, uint64_t h, const char *text)
{
	struct slot *s = slot_of(h);
	sqlite3_int64 r = 0;

	if (!s->h)
		return 0;
	sqlite3_bind_int64(st[rowst], 1, s->row);
	if (sqlite3_step(st[rowst]) == SQLITE_ROW &&
	    strcmp((const char *)sqlite3_column_text(st[rowst], 1), text) == 0)
		r = sqlite3_column_int64(st[rowst], 0);
	sqlite3_reset(st[rowst]);
	return r;
}

static sqlite3_int64
lookup(int i, const char *a, const char *b)
{
	char text[1024];

	if (!indexed)
		return b ? run(i, "tt", a, b) : run(i, "t", a);
	if (i == KEY_GET) {
		snprintf(text, sizeof text, "%s:%s", a, b);
		return index_get(KEY_ROW, fnv("k", a, b), text);
	}
	return index_get(i == LINK_GET ? LINK_ROW : MSGID_ROW,
	                 fnv(i == LINK_GET ? "l" : "m", a, NULL), a);
}

/* Puts a key's row (a, b its text, v its value), once. */
static void
store_key(int i, const char *a, const char *b, sqlite3_int64 v)
{
	if (!indexed) {
		if (b)
			run(i, "tti", a, b, v);
		else
			run(i, "ti", a, v);
		return;
	}
	int get = i == KEY_PUT ? KEY_GET : i == LINK_PUT ? LINK_GET : MSGID_GET;
	if (lookup(get, a, b))
		return;
	if (b)
		run(i, "tti", a, b, v);
	else
		run(i, "ti", a, v);
	index_put(i == KEY_PUT ? fnv("k", a, b) : fnv(i == LINK_PUT ? "l" : "m", a, NULL),
	          sqlite3_last_insert_rowid(db));
}

/* The customer of the first strong key found, or 0. */
static sqlite3_int64
find_customer(json_t *rec)
{
	json_t *cust = json_object_get(rec, "customer"), *v, *a;
	const char *kind;
	size_t i;
	sqlite3_int64 c;

	json_array_foreach(json_object_get(cust, "emails"), i, v)
		if ((c = lookup(KEY_GET, "email", json_string_value(v))))
			return c;
	json_object_foreach(json_object_get(cust, "handles"), kind, v)
		if (json_is_string(v) && (c = lookup(KEY_GET, kind, json_string_value(v))))
			return c;
	a = json_object_get(rec, "order_ids");
	json_array_foreach(a, i, v)
		if ((c = lookup(KEY_GET, "order", json_string_value(v))))
			return c;
	return 0;
}

static void
put_keys(json_t *rec, sqlite3_int64 c)
{
	json_t *cust = json_object_get(rec, "customer"), *v;
	const char *kind;
	size_t i;

	json_array_foreach(json_object_get(cust, "emails"), i, v)
		store_key(KEY_PUT, "email", json_string_value(v), c);
	json_array_foreach(json_object_get(cust, "phones"), i, v)
		store_key(KEY_PUT, "phone", json_string_value(v), c);
	json_object_foreach(json_object_get(cust, "handles"), kind, v)
		if (json_is_string(v))
			store_key(KEY_PUT, kind, json_string_value(v), c);
	json_array_foreach(json_object_get(rec, "order_ids"), i, v)
		store_key(KEY_PUT, "order", json_string_value(v), c);
}

/* Days between two ISO 8601 date-times, by their first ten characters. */
static int
days_apart(const char *a, const char *b)
{
	struct tm ta = { 0 }, tb = { 0 };

	if (!a || !b || !strptime(a, "%Y-%m-%d", &ta) || !strptime(b, "%Y-%m-%d", &tb))
		return 1 << 20;
	double d = difftime(timegm(&ta), timegm(&tb)) / 86400;
	return d < 0 ? (int)-d : (int)d;
}

static void
link_record(json_t *rec, const char *line)
{
	json_t *src = json_object_get(rec, "source"), *msgs = json_object_get(rec, "messages"), *m;
	const char *id = str(rec, "id"), *thread = str(src, "thread_key");
	const char *ext = str(src, "external_id"), *at = str(rec, "updated_at");
	sqlite3_int64 ticket = 0, cust;
	size_t i;
	char tid[32], cid[32];

	if (!id)
		return;
	ticket = lookup(LINK_GET, id, NULL);
	if (!ticket && thread)
		ticket = lookup(MSGID_GET, thread, NULL);
	if (!ticket && ext)
		ticket = lookup(MSGID_GET, ext, NULL);
	cust = find_customer(rec);
	if (!cust) {
		run(CUST_NEW, "tt", str(json_object_get(rec, "customer"), "name"), at);
		cust = sqlite3_last_insert_rowid(db);
	} else if (!ticket) {
		sqlite3_bind_int64(st[LATEST], 1, cust);
		if (sqlite3_step(st[LATEST]) == SQLITE_ROW &&
		    days_apart(at, (const char *)sqlite3_column_text(st[LATEST], 1)) <= 14)
			ticket = sqlite3_column_int64(st[LATEST], 0);
		sqlite3_reset(st[LATEST]);
	}
	if (ticket)
		run(TICKET_SET, "itt", ticket, at, line);
	else {
		run(TICKET_NEW, "itt", cust, at, line);
		ticket = sqlite3_last_insert_rowid(db);
	}
	put_keys(rec, cust);
	store_key(LINK_PUT, id, NULL, ticket);
	if (thread)
		store_key(MSGID_PUT, thread, NULL, ticket);
	if (ext)
		store_key(MSGID_PUT, ext, NULL, ticket);
	json_array_foreach(msgs, i, m)
		if (str(m, "id"))
			run(MSG_PUT, "itt", ticket, str(m, "id"), str(m, "at"));
	snprintf(tid, sizeof tid, "tk-%lld", (long long)ticket);
	snprintf(cid, sizeof cid, "cus-%lld", (long long)cust);
	json_object_set_new(rec, "ticket", json_string(tid));
	json_object_set_new(json_object_get(rec, "customer"), "id", json_string(cid));
	json_dumpf(rec, stdout, JSON_COMPACT);
	putchar('\n');
}

/* hash(text...): the 64-bit FNV-1a hash of the texts, each ended by a
 * NUL, as a signed integer. */
static void
hash_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	uint64_t h = 1469598103934665603ULL;

	for (int i = 0; i < argc; i++) {
		const unsigned char *p = sqlite3_value_text(argv[i]);
		for (; p && *p; p++)
			h = (h ^ *p) * 1099511628211ULL;
		h *= 1099511628211ULL;
	}
	sqlite3_result_int64(cx, (sqlite3_int64)h);
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	FILE *in;
	char *line = NULL;
	size_t cap = 0, batch = 0;
	ssize_t n;
	double began;

	int hashed = argc == 4 && strcmp(argv[1], "--hash") == 0;
	indexed = argc == 4 && strcmp(argv[1], "--index") == 0;

	if (argc != 3 + hashed + indexed) {
		fprintf(stderr, "usage: link-floor [--hash | --index] STORE TICKETS.ndjson\n");
		return 2;
	}
	argv += hashed + indexed;
	if (indexed) {
		char path[4096];
		snprintf(path, sizeof path, "%s.keys", argv[1]);
		if (!(keys_file = fopen(path, "w"))) {
			perror(path);
			return 1;
		}
		nslots = 1 << 16;
		if (!(slots = calloc(nslots, sizeof *slots)))
			return 1;
	}
	if (sqlite3_open(argv[1], &db) != SQLITE_OK)
		die(argv[1]);
	sqlite3_create_function(db, "hash", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
	                        NULL, hash_fn, NULL, NULL);
	exec(common_schema);
	exec(indexed ? index_schema : hashed ? hash_schema : text_schema);
	for (int i = 0; i < (indexed ? NALL : NSTMT); i++) {
		sql[i] = indexed && index_sql[i] ? index_sql[i] : hashed && hash_sql[i] ?
		         hash_sql[i] : text_sql[i];
		if (sqlite3_prepare_v3(db, sql[i], -1, SQLITE_PREPARE_PERSISTENT, &st[i], NULL))
			die(sql[i]);
	}
	if (!(in = fopen(argv[2], "r"))) {
		perror(argv[2]);
		return 1;
	}
	exec("BEGIN IMMEDIATE");
	began = now();
	while ((n = getline(&line, &cap, in)) > 0) {
		json_error_t e;
		json_t *rec = json_loadb(line, (size_t)n, 0, &e);
		if (!rec) {
			fprintf(stderr, "link-floor: %s:%d: %s\n", argv[2], e.line, e.text);
			return 1;
		}
		if (n > 0 && line[n - 1] == '\n')
			line[n - 1] = '\0';
		link_record(rec, line);
		json_decref(rec);
		if (++batch == 20000 || now() - began > 2) {
			if (keys_file)
				fflush(keys_file);
			exec("COMMIT");
			exec("BEGIN IMMEDIATE");
			batch = 0;
			began = now();
		}
	}
	exec("COMMIT");
	free(line);
	fclose(in);
	if (keys_file)
		fclose(keys_file);
	for (int i = 0; i < (indexed ? NALL : NSTMT); i++)
		sqlite3_finalize(st[i]);
	free(slots);
	return sqlite3_close(db) != SQLITE_OK;
}
