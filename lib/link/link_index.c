/*
 * link_index.c - the key index beside the store: 64-bit hashes of record
 * ids, mail ids and thread keys to the number of their row (ticket_links,
 * link_msgids), so that finding a key's rows, or knowing it has none,
 * reads no B-tree keyed by the key.
 *
 * The store is the truth.  The file STORE.keys is a header (magic,
 * version, generation) and entries of 16 bytes (hash, row), appended in
 * the transaction that writes their rows, under the store's write lock;
 * the store's link_key_index row says how many of its bytes that
 * transaction committed.  So bytes past it are a rolled-back or killed
 * writer's and are cut off, and a file shorter than it, of another
 * generation, missing, or whose last entry does not match its row, is
 * rebuilt from the two tables.  Rows the index lacks (written by hand, by
 * a statement of many rows, or a file that lost its tail) are replayed
 * from the store: their numbers grow.  An entry's row says its table in
 * its top byte.  Every hit is checked against its row.  Another process's writes
 * are seen at the start of each transaction (PRAGMA data_version).
 *
 * Memory: a sorted array of the entries, 16 bytes a key, and a tail of
 * the latest entries (at most TAIL, hashed) merged into it when full.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "link_int.h"

#define TAIL 65536
#define TAIL_BUCKETS 16384
#define NONE UINT32_MAX
#define HEADER 32
static const char magic[8] = "omnikeys";

typedef struct kent {
	uint64_t h;
	int64_t row;                /* kind << KIND_SHIFT | the row's number */
} kent;

#define KIND_SHIFT 56
#define ROW_MASK ((INT64_C(1) << KIND_SHIFT) - 1)
enum { K_RECORD = 1, K_MAIL = 2, K_COUNT };
/* per kind: its rows since a number, the key of one row */
static const int replay_sql[K_COUNT] = { 0, OMNI_LS_IX_REPLAY, OMNI_LS_IX_REPLAY_M };
static const int key_sql[K_COUNT] = { 0, OMNI_LS_IX_SOURCE, OMNI_LS_IX_MSGID };

struct omni_link_index {
	char *path;                 /* NULL: a store with no file of its own */
	int fd;
	int loaded;                 /* memory holds the file's committed part */
	int in_txn, synced;         /* synced: in this transaction */
	int changed;                /* entries added or rebuilt in this transaction */
	uint64_t gen;
	int64_t bytes;              /* of the file, committed */
	int64_t dv;                 /* data_version when last synced */
	int64_t maxrow[K_COUNT];    /* the highest row the index holds, by kind */
	kent *main;                 /* sorted by hash */
	size_t nmain;
	kent tail[TAIL];
	uint32_t head[TAIL_BUCKETS], next[TAIL];
	size_t ntail;
	kent *pend;                 /* entries for the file at commit */
	size_t npend, cpend;
};

static uint64_t
key_hash(int kind, const char *key)
{
	uint64_t h = (1469598103934665603ULL ^ (uint64_t)kind) * 1099511628211ULL;

	for (const char *p = key; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	/* FNV's low bits are weak: mix them (the finalizer of MurmurHash3) */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

static int
by_hash(const void *a, const void *b)
{
	const kent *x = a, *y = b;

	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return (x->row > y->row) - (x->row < y->row);
}

static void
tail_clear(omni_link_index *ix)
{
	ix->ntail = 0;
	memset(ix->head, 0xff, sizeof ix->head);
}

static void
forget(omni_link_index *ix)
{
	free(ix->main);
	ix->main = NULL;
	ix->nmain = 0;
	tail_clear(ix);
	ix->npend = 0;
	memset(ix->maxrow, 0, sizeof ix->maxrow);
	ix->loaded = 0;
}

/* The tail, sorted, into the main array.  0 or -1 (out of memory). */
static int
merge(omni_link_index *ix)
{
	kent *m;
	size_t i, j, k;

	if (!ix->ntail)
		return 0;
	m = realloc(ix->main, (ix->nmain + ix->ntail) * sizeof *m);
	if (!m)
		return -1;
	ix->main = m;
	qsort(ix->tail, ix->ntail, sizeof *ix->tail, by_hash);
	i = ix->nmain, j = ix->ntail, k = ix->nmain + ix->ntail;
	while (j > 0) {
		if (i > 0 && by_hash(&m[i - 1], &ix->tail[j - 1]) > 0)
			m[--k] = m[--i];
		else
			m[--k] = ix->tail[--j];
	}
	ix->nmain += ix->ntail;
	tail_clear(ix);
	return 0;
}

/* Adds an entry to memory (and, pend, to the file's next append). */
static int
add(omni_link_index *ix, uint64_t h, int64_t row, int pend)
{
	uint32_t b;

	if (ix->ntail == TAIL && merge(ix) < 0)
		return -1;
	b = (uint32_t)(h >> 50) % TAIL_BUCKETS;
	ix->tail[ix->ntail] = (kent){ h, row };
	ix->next[ix->ntail] = ix->head[b];
	ix->head[b] = (uint32_t)ix->ntail++;
	if ((row & ROW_MASK) > ix->maxrow[row >> KIND_SHIFT & 3])
		ix->maxrow[row >> KIND_SHIFT & 3] = row & ROW_MASK;
	if (pend) {
		if (ix->npend == ix->cpend) {
			size_t c = ix->cpend ? ix->cpend * 2 : 256;
			kent *p = realloc(ix->pend, c * sizeof *p);
			if (!p)
				return -1;
			ix->pend = p, ix->cpend = c;
		}
		ix->pend[ix->npend++] = (kent){ h, row };
		ix->changed = 1;
	}
	return 0;
}

/* The rows whose entries have hash h, into rows (at most max): how many
 * there are (more than max: only max filled). */
static size_t
candidates(const omni_link_index *ix, uint64_t h, int64_t *rows, size_t max)
{
	size_t lo = 0, hi = ix->nmain, n = 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ix->main[mid].h < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < ix->nmain && ix->main[lo].h == h; lo++, n++)
		if (n < max)
			rows[n] = ix->main[lo].row;
	for (uint32_t i = ix->head[(uint32_t)(h >> 50) % TAIL_BUCKETS]; i != NONE; i = ix->next[i])
		if (ix->tail[i].h == h) {
			if (n < max)
				rows[n] = ix->tail[i].row;
			n++;
		}
	return n;
}

static int
io_error(omni_link_index *ix, omni_error *err, const char *what)
{
	omni_error_set(err, OMNI_EX_IOERR, ix->path, 0, 0, "%s: %s", what, strerror(errno));
	return -1;
}

/* The store's row for the index: 1 and gen, bytes; 0 none; -1 err. */
static int
row_get(omni_link *l, uint64_t *gen, int64_t *bytes, omni_error *err)
{
	omni_stmt *st = omni_link_stmt(l, OMNI_LS_IX_GET);
	int rc;

	if (!st)
		return omni_store_error(l->store, err, "the key index"), -1;
	rc = omni_stmt_step(st, err, "reading the key index's length");
	if (rc == OMNI_STMT_ROW) {
		*gen = (uint64_t)omni_stmt_int64(st, 0);
		*bytes = omni_stmt_int64(st, 1);
	}
	omni_stmt_reset(st);
	return rc < 0 ? -1 : rc == OMNI_STMT_ROW;
}

static int
row_put(omni_link *l, omni_error *err)
{
	omni_link_index *ix = l->index;
	omni_stmt *st = omni_link_stmt(l, OMNI_LS_IX_PUT);

	if (!st)
		return omni_store_error(l->store, err, "the key index"), -1;
	omni_stmt_bind_int64(st, 1, (int64_t)ix->gen);
	omni_stmt_bind_int64(st, 2, ix->bytes);
	return omni_link_step(l, st, err);
}

/* Rows of the tables numbered above the index's highest, into it. */
static int
replay(omni_link *l, omni_error *err)
{
	omni_link_index *ix = l->index;

	for (int k = K_RECORD; k < K_COUNT; k++) {
		omni_stmt *st = omni_link_stmt(l, replay_sql[k]);
		int rc;

		if (!st)
			return omni_store_error(l->store, err, "the key index"), -1;
		omni_stmt_bind_int64(st, 1, ix->maxrow[k]);
		while ((rc = omni_stmt_step(st, err, "replaying the key index")) == OMNI_STMT_ROW)
			if (add(ix, key_hash(k, omni_stmt_text(st, 1) ? omni_stmt_text(st, 1) : ""),
			        (int64_t)k << KIND_SHIFT | omni_stmt_int64(st, 0),
			        ix->path && ix->in_txn) < 0) {
				omni_stmt_reset(st);
				return omni_error_oom(err), -1;
			}
		omni_stmt_reset(st);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static uint64_t
new_generation(void)
{
	struct timespec ts;
	uint64_t g;

	clock_gettime(CLOCK_REALTIME, &ts);
	g = (uint64_t)ts.tv_sec * 1000000007ULL ^ (uint64_t)ts.tv_nsec ^
	    ((uint64_t)getpid() << 40);
	g &= INT64_MAX;       /* kept in an INTEGER column */
	return g ? g : 1;
}

/* Everything from ticket_links; with a file and a transaction, the file
 * written anew and the store's row with it. */
static int
rebuild(omni_link *l, omni_error *err)
{
	omni_link_index *ix = l->index;
	char *tmp = NULL;
	unsigned char head[HEADER] = { 0 };
	uint64_t version = 1;
	int fd = -1;

	forget(ix);
	if (replay(l, err) < 0)
		return -1;
	ix->npend = 0;
	if (merge(ix) < 0)
		return omni_error_oom(err), -1;
	ix->loaded = 1;
	if (!ix->path || !ix->in_txn) {
		/* no file of its own, or outside a transaction: memory only,
		 * and loaded anew in the next transaction */
		ix->loaded = !ix->path;
		return 0;
	}
	ix->gen = new_generation();
	memcpy(head, magic, 8);
	memcpy(head + 8, &version, 8);
	memcpy(head + 16, &ix->gen, 8);
	if (asprintf(&tmp, "%s.new", ix->path) < 0)
		return omni_error_oom(err), -1;
	fd = open(tmp, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0 || write(fd, head, HEADER) != HEADER ||
	    (ix->nmain && write(fd, ix->main, ix->nmain * sizeof (kent)) !=
	                      (ssize_t)(ix->nmain * sizeof (kent))) ||
	    rename(tmp, ix->path) < 0) {
		io_error(ix, err, "cannot write the key index");
		if (fd >= 0)
			close(fd);
		unlink(tmp);
		free(tmp);
		ix->loaded = 0;
		return -1;
	}
	free(tmp);
	if (ix->fd >= 0)
		close(ix->fd);
	ix->fd = fd;
	ix->bytes = HEADER + (int64_t)(ix->nmain * sizeof (kent));
	ix->changed = 1;
	return row_put(l, err);
}

/* Does the row of entry e hold the key e's hash is of? */
static int
entry_holds(omni_link *l, const kent *e)
{
	int kind = (int)(e->row >> KIND_SHIFT);
	omni_stmt *st;
	int ok = 0;

	if (kind < K_RECORD || kind >= K_COUNT)
		return 0;
	st = omni_link_stmt(l, key_sql[kind]);
	omni_stmt_bind_int64(st, 1, e->row & ROW_MASK);
	if (omni_stmt_step(st, NULL, NULL) == OMNI_STMT_ROW && omni_stmt_text(st, 0))
		ok = key_hash(kind, omni_stmt_text(st, 0)) == e->h;
	omni_stmt_reset(st);
	return ok;
}

/* Reads entries [from, to) of the file into memory.  0, or -1 (a file
 * that does not hold them: rebuild). */
static int
read_entries(omni_link_index *ix, int64_t from, int64_t to)
{
	size_t n = (size_t)(to - from) / sizeof (kent);
	kent *buf;

	if ((to - from) % (int64_t)sizeof (kent))
		return -1;
	if (!n)
		return 0;
	buf = malloc(n * sizeof *buf);
	if (!buf || pread(ix->fd, buf, n * sizeof *buf, from) != (ssize_t)(n * sizeof *buf)) {
		free(buf);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		if (add(ix, buf[i].h, buf[i].row, 0) < 0) {
			free(buf);
			return -1;
		}
	free(buf);
	return 0;
}

/* The file as the store's row says it: 0 loaded, 1 to rebuild. */
static int
load(omni_link *l, uint64_t gen, int64_t bytes)
{
	omni_link_index *ix = l->index;
	unsigned char head[HEADER];
	uint64_t fgen;
	struct stat st;
	size_t n;

	forget(ix);
	/* by its name again: another process may have written it anew */
	if (ix->fd >= 0)
		close(ix->fd);
	ix->fd = open(ix->path, O_RDWR | O_CLOEXEC);
	if (ix->fd < 0 || fstat(ix->fd, &st) < 0 || st.st_size < bytes || bytes < HEADER ||
	    pread(ix->fd, head, HEADER, 0) != HEADER || memcmp(head, magic, 8) != 0)
		return 1;
	memcpy(&fgen, head + 16, 8);
	if (fgen != gen || (bytes - HEADER) % (int64_t)sizeof (kent))
		return 1;
	n = (size_t)(bytes - HEADER) / sizeof (kent);
	if (n) {
		ix->main = malloc(n * sizeof (kent));
		if (!ix->main || pread(ix->fd, ix->main, n * sizeof (kent), HEADER) !=
		                         (ssize_t)(n * sizeof (kent)))
			return forget(ix), 1;
		ix->nmain = n;
		/* the last entry written names a row of this store, with its key */
		if (!entry_holds(l, &ix->main[n - 1]))
			return forget(ix), 1;
		for (size_t i = 0; i < n; i++) {
			int k = (int)(ix->main[i].row >> KIND_SHIFT);
			if (k < K_RECORD || k >= K_COUNT)
				return forget(ix), 1;
			if ((ix->main[i].row & ROW_MASK) > ix->maxrow[k])
				ix->maxrow[k] = ix->main[i].row & ROW_MASK;
		}
		qsort(ix->main, n, sizeof (kent), by_hash);
	}
	/* what a writer that never committed appended */
	if (st.st_size > bytes && ix->in_txn && ftruncate(ix->fd, bytes) < 0)
		return forget(ix), 1;
	ix->gen = gen;
	ix->bytes = bytes;
	ix->loaded = 1;
	return 0;
}

/* Makes the index hold every row of the store: at the start of each
 * transaction, or before a look-up outside one. */
static int
sync_index(omni_link *l, omni_error *err)
{
	omni_link_index *ix = l->index;
	int64_t dv = omni_store_data_version(l->store), bytes = 0;
	uint64_t gen = 0;
	int rc;

	if (ix->loaded && dv == ix->dv && ix->in_txn)
		goto done;
	if (!ix->path) {
		if (!ix->loaded && rebuild(l, err) < 0)
			return -1;
		if (replay(l, err) < 0)
			return -1;
		goto done;
	}
	if ((rc = row_get(l, &gen, &bytes, err)) < 0)
		return -1;
	if (ix->loaded && rc && gen == ix->gen && bytes >= ix->bytes) {
		/* another process's appends */
		if (bytes > ix->bytes && read_entries(ix, ix->bytes, bytes) < 0)
			goto again;
		ix->bytes = bytes;
	} else {
again:
		if (!rc || load(l, gen, bytes) != 0) {
			if (rebuild(l, err) < 0)
				return -1;
			goto done;
		}
	}
	if (replay(l, err) < 0)
		return -1;
done:
	ix->dv = dv;
	ix->synced = ix->in_txn;
	return 0;
}

static int
begun(void *arg, omni_error *err)
{
	omni_link *l = arg;

	l->index->in_txn = 1;
	l->index->synced = 0;
	l->index->changed = 0;
	return sync_index(l, err);
}

static int
committing(void *arg, omni_error *err)
{
	omni_link *l = arg;
	omni_link_index *ix = l->index;
	size_t n = ix->npend * sizeof (kent);

	if (!ix->path || !ix->npend)
		return 0;
	if (ix->fd < 0 || pwrite(ix->fd, ix->pend, n, ix->bytes) != (ssize_t)n)
		return io_error(ix, err, "cannot write the key index");
	ix->bytes += (int64_t)n;
	ix->npend = 0;
	return row_put(l, err);
}

static void
ended(void *arg, int committed)
{
	omni_link *l = arg;
	omni_link_index *ix = l->index;

	/* A rolled-back transaction's entries name rows that are not: what
	 * the file committed is read again in the next. */
	if (!committed && ix->changed)
		forget(ix);
	ix->npend = 0;
	ix->in_txn = ix->synced = ix->changed = 0;
}

int
omni_link_index_open(omni_link *l, omni_error *err)
{
	const char *path = omni_store_path(l->store);
	omni_link_index *ix = calloc(1, sizeof *ix);
	omni_store_follow f = { begun, committing, ended, l };

	if (!ix)
		return omni_error_oom(err), -1;
	ix->fd = -1;
	tail_clear(ix);
	if (path && *path && strcmp(path, ":memory:") != 0 &&
	    asprintf(&ix->path, "%s.keys", path) < 0) {
		free(ix);
		return omni_error_oom(err), -1;
	}
	l->index = ix;
	omni_store_follow_set(l->store, &f);
	/* a transaction open already (omni-desk's) is followed from here */
	if (omni_store_held(l->store))
		return begun(l, err);
	return 0;
}

void
omni_link_index_close(omni_link *l)
{
	omni_link_index *ix = l->index;

	if (!ix)
		return;
	omni_store_follow_set(l->store, NULL);
	if (ix->fd >= 0)
		close(ix->fd);
	free(ix->main);
	free(ix->pend);
	free(ix->path);
	free(ix);
	l->index = NULL;
}

/* The index, ready for a look-up. */
static int
ready(omni_link *l, omni_error *err)
{
	if (l->index->in_txn && l->index->synced)
		return 0;
	return sync_index(l, err);
}

int
omni_link_record_find(omni_link *l, const char *source, int with_ticket, char *ticket,
                      size_t size, int64_t *seq, int64_t *row, omni_error *err)
{
	int64_t rows[16];
	size_t n;

	if (ready(l, err) < 0)
		return -1;
	n = candidates(l->index, key_hash(K_RECORD, source), rows, 16);
	/* more than 16 entries for one id: a hash shared by that many ids,
	 * or as many rows of it deleted; not seen, but not believed absent */
	if (n > 16)
		n = 16;
	for (size_t i = 0; i < n; i++) {
		omni_stmt *st = omni_link_stmt(l, with_ticket ? OMNI_LS_LINK_GET : OMNI_LS_LINK_HAS);
		int found = 0;

		if (rows[i] >> KIND_SHIFT != K_RECORD)
			continue;
		rows[i] &= ROW_MASK;
		omni_stmt_bind_int64(st, 1, rows[i]);
		omni_stmt_bind_str(st, 2, source);
		if (omni_stmt_step(st, NULL, NULL) == OMNI_STMT_ROW) {
			found = 1;
			if (with_ticket) {
				link_copy(ticket, size, omni_stmt_text(st, 0));
				if (seq)
					*seq = omni_stmt_int64(st, 1);
			}
			if (row)
				*row = rows[i];
		}
		omni_stmt_reset(st);
		if (found)
			return 1;
	}
	return 0;
}

int
omni_link_record_note(omni_link *l, const char *source, int64_t row, omni_error *err)
{
	if (add(l->index, key_hash(K_RECORD, source), (int64_t)K_RECORD << KIND_SHIFT | row,
	        l->index->path && l->index->in_txn) < 0)
		return omni_error_oom(err), -1;
	return 0;
}

int
omni_link_msgid_rows(omni_link *l, const char *msgid, int64_t *rows, size_t max,
                     omni_error *err)
{
	size_t n, k = 0;

	if (ready(l, err) < 0)
		return -1;
	n = candidates(l->index, key_hash(K_MAIL, msgid), rows, max);
	if (n > max)
		return (int)n;      /* the caller asks again with room */
	for (size_t i = 0; i < n; i++)
		if (rows[i] >> KIND_SHIFT == K_MAIL)
			rows[k++] = rows[i] & ROW_MASK;
	return (int)k;
}

int
omni_link_msgid_note(omni_link *l, const char *msgid, int64_t row, omni_error *err)
{
	if (add(l->index, key_hash(K_MAIL, msgid), (int64_t)K_MAIL << KIND_SHIFT | row,
	        l->index->path && l->index->in_txn) < 0)
		return omni_error_oom(err), -1;
	return 0;
}

int
omni_link_index_replay(omni_link *l, omni_error *err)
{
	if (ready(l, err) < 0)
		return -1;
	return replay(l, err);
}
