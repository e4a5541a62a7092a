/* copy.c - a store copied whole into a new one, of either engine (SQLite
 * to PostgreSQL and back): every row of every table, in one transaction
 * of the new store, the rows that SQLite numbers in their order; then
 * each table's count and every row read back from the new store and
 * compared with the old one's before that transaction commits. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/core.h"
#include "store_int.h"

/* Every table of the schema, children after the tables they name, and
 * the order rows are read in where the order is kept (rowid: SQLite's,
 * a column of the same name on PostgreSQL). */
static const struct {
	const char *name, *order;
} tables[] = {
	{ "customers", "id" },
	{ "identity_keys", "rowid" },
	{ "tickets", "seq" },
	{ "ticket_links", "rowid" },
	{ "messages", "ticket, id" },
	{ "link_msgids", "ticket, msgid" },
	{ "link_ticket_orders", "ticket, order_key" },
	{ "link_blocks", "a, b" },
	{ "orders", "rowid" },
	{ "fulfillments", "rowid" },
	{ "refunds", "order_rowid, external_id" },
	{ "returns", "order_rowid, external_id" },
	{ "accounts", "channel, ref, store" },
	{ "cursors", "source" },
	{ "fetch_seen", "source, key" },
	{ "send_ledger", "rowid" },
	{ "route_assignments", "ticket_id" },
	{ "route_round_robin", "queue" },
	{ "handoff", "stage, key" },
	{ "auto_reply", "address" },
	{ "erasures", "customer_id, at" },
	{ "desk_actions", "seq" },
	{ "desk_tickets", "ticket" },
	{ "stock", "channel, store, sku" },
};
#define NTABLES (sizeof tables / sizeof tables[0])

/* The statements' texts, made once: the cache keys them by address. */
static char *select_sql[NTABLES], *count_sql[NTABLES], *insert_sql[NTABLES];

/* Is column name of table a row number only SQLite keeps implicitly
 * (PostgreSQL's rowid column), so not copied but made again? */
static int
implicit(const char *table, const char *name)
{
	return strcmp(name, "rowid") == 0 && strcmp(table, "orders") != 0;
}

static const char tables_sqlite[] =
	"SELECT name FROM sqlite_master WHERE type = 'table'"
	" AND name NOT LIKE 'sqlite_%' ORDER BY name";
static const char tables_pg[] =
	"SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
	" AND tablename <> 'omni_schema' ORDER BY tablename";

/* Does the store hold a table this file does not know (a migration newer
 * than the copy)?  0, or -1 with err (70). */
static int
all_known(omni_store *s, omni_error *err)
{
	omni_stmt *st = omni_store_stmt(s, s->pg ? tables_pg : tables_sqlite, err);
	int rc;

	if (!st)
		return -1;
	while ((rc = omni_stmt_step(st, err, "cannot list the store's tables")) == OMNI_STMT_ROW) {
		const char *name = omni_stmt_text(st, 0);
		size_t i;

		for (i = 0; i < NTABLES && strcmp(tables[i].name, name); i++)
			;
		if (i == NTABLES) {
			omni_error_set(err, OMNI_EX_SOFTWARE, omni_store_path(s), 0, 0,
			               "the copy does not know the table %s", name);
			omni_stmt_reset(st);
			return -1;
		}
	}
	omni_stmt_reset(st);
	return rc < 0 ? -1 : 0;
}

/* The INSERT for table i, from the columns of the SELECT st.  0 or -1. */
static int
make_insert(size_t i, omni_stmt *st, omni_error *err)
{
	char cols[2048] = "", vals[1024] = "";
	int n = 0;

	if (insert_sql[i])
		return 0;
	for (int c = 0; c < omni_stmt_columns(st); c++) {
		const char *name = omni_stmt_name(st, c);
		size_t lc = strlen(cols), lv = strlen(vals);

		if (implicit(tables[i].name, name))
			continue;
		n++;
		snprintf(cols + lc, sizeof cols - lc, "%s%s", lc ? ", " : "", name);
		snprintf(vals + lv, sizeof vals - lv, "%s?%d", lv ? ", " : "", n);
	}
	if (asprintf(&insert_sql[i], "INSERT INTO %s (%s) VALUES (%s)", tables[i].name,
	             cols, vals) < 0)
		return omni_error_oom(err), -1;
	return 0;
}

/* Table i, row by row.  The count copied, or -1 with err. */
static long long
copy_table(omni_store *from, omni_store *to, size_t i, omni_error *err)
{
	omni_stmt *get, *put;
	long long rows = 0;
	int rc;

	if (!select_sql[i] &&
	    asprintf(&select_sql[i], "SELECT * FROM %s ORDER BY %s", tables[i].name,
	             tables[i].order) < 0)
		return omni_error_oom(err), -1;
	if (!(get = omni_store_stmt(from, select_sql[i], err)))
		return -1;
	if (make_insert(i, get, err) < 0 || !(put = omni_store_stmt(to, insert_sql[i], err)))
		return -1;
	while ((rc = omni_stmt_step(get, err, "cannot read the store")) == OMNI_STMT_ROW) {
		int n = 0, bad = 0;

		omni_stmt_reset(put);
		for (int c = 0; c < omni_stmt_columns(get); c++) {
			if (implicit(tables[i].name, omni_stmt_name(get, c)))
				continue;
			n++;
			switch (omni_stmt_type(get, c)) {
			case OMNI_STMT_NULL:
				bad |= omni_stmt_bind_null(put, n);
				break;
			case OMNI_STMT_INT:
				bad |= omni_stmt_bind_int64(put, n, omni_stmt_int64(get, c));
				break;
			case OMNI_STMT_REAL:
				bad |= omni_stmt_bind_double(put, n, omni_stmt_double(get, c));
				break;
			default:
				bad |= omni_stmt_bind_text(put, n, omni_stmt_text(get, c),
				                           omni_stmt_bytes(get, c));
			}
		}
		if (bad) {
			omni_error_set(err, OMNI_EX_DATAERR, omni_store_path(from), 0, 0,
			               "%s: a value the new store cannot hold (a NUL byte?)",
			               tables[i].name);
			rc = -1;
			break;
		}
		if (omni_stmt_step(put, err, "cannot write the new store") < 0) {
			rc = -1;
			break;
		}
		rows++;
	}
	omni_stmt_reset(get);
	omni_stmt_reset(put);
	return rc < 0 ? -1 : rows;
}

/* The rows in table i of s, or -1 with err. */
static long long
count_rows(omni_store *s, size_t i, omni_error *err)
{
	omni_stmt *st;
	long long n = -1;

	if (!count_sql[i] && asprintf(&count_sql[i], "SELECT count(*) FROM %s", tables[i].name) < 0)
		return omni_error_oom(err), -1;
	if (!(st = omni_store_stmt(s, count_sql[i], err)))
		return -1;
	if (omni_stmt_step(st, err, "cannot count the rows") == OMNI_STMT_ROW)
		n = omni_stmt_int64(st, 0);
	omni_stmt_reset(st);
	return n;
}

/* Are the values of column a of get and column b of put the same?  The
 * engines name a type differently (an integer read from a column of
 * double precision), so numbers compare as numbers, the rest as bytes. */
static int
same_value(omni_stmt *a, int ca, omni_stmt *b, int cb)
{
	int ta = omni_stmt_type(a, ca), tb = omni_stmt_type(b, cb);

	if (ta == OMNI_STMT_NULL || tb == OMNI_STMT_NULL)
		return ta == tb;
	if (ta == OMNI_STMT_INT && tb == OMNI_STMT_INT)
		return omni_stmt_int64(a, ca) == omni_stmt_int64(b, cb);
	if ((ta == OMNI_STMT_INT || ta == OMNI_STMT_REAL) &&
	    (tb == OMNI_STMT_INT || tb == OMNI_STMT_REAL)) {
		double x = omni_stmt_double(a, ca), y = omni_stmt_double(b, cb);
		return x == y || (isnan(x) && isnan(y));
	}
	return omni_stmt_bytes(a, ca) == omni_stmt_bytes(b, cb) &&
	       memcmp(omni_stmt_text(a, ca), omni_stmt_text(b, cb), omni_stmt_bytes(a, ca)) == 0;
}

/* Table i of to read back in the order of from's and compared row by
 * row, column by column (by name: the engines may keep them in another
 * order), leaving out the row numbers made again.  0 or -1 with err
 * (70: a row that differs). */
static int
compare_table(omni_store *from, omni_store *to, size_t i, omni_error *err)
{
	omni_stmt *a, *b;
	int map[128], n, ra, rb;
	long long row = 0;

	if (!(a = omni_store_stmt(from, select_sql[i], err)))
		return -1;
	if (!(b = omni_store_stmt(to, select_sql[i], err)))
		return omni_stmt_reset(a), -1;
	n = omni_stmt_columns(a);
	if (n > (int)(sizeof map / sizeof map[0]))
		n = (int)(sizeof map / sizeof map[0]);
	for (int c = 0; c < n; c++) {
		const char *name = omni_stmt_name(a, c);
		map[c] = -1;
		if (implicit(tables[i].name, name))
			continue;
		for (int d = 0; d < omni_stmt_columns(b) && map[c] < 0; d++)
			if (strcmp(name, omni_stmt_name(b, d)) == 0)
				map[c] = d;
		if (map[c] < 0) {
			omni_error_set(err, OMNI_EX_SOFTWARE, omni_store_path(to), 0, 0,
			               "%s: no column %s in the new store", tables[i].name, name);
			goto fail;
		}
	}
	for (;;) {
		ra = omni_stmt_step(a, err, "cannot read the store");
		rb = ra < 0 ? -1 : omni_stmt_step(b, err, "cannot read the new store");
		if (ra < 0 || rb < 0)
			goto fail;
		row++;
		if (ra != rb) {
			omni_error_set(err, OMNI_EX_SOFTWARE, omni_store_path(to), 0, 0,
			               "%s: row %lld is only in the %s store", tables[i].name, row,
			               ra == OMNI_STMT_ROW ? "old" : "new");
			goto fail;
		}
		if (ra == OMNI_STMT_DONE)
			break;
		for (int c = 0; c < n; c++)
			if (map[c] >= 0 && !same_value(a, c, b, map[c])) {
				omni_error_set(err, OMNI_EX_SOFTWARE, omni_store_path(to), 0, 0,
				               "%s: row %lld differs in column %s", tables[i].name,
				               row, omni_stmt_name(a, c));
				goto fail;
			}
	}
	omni_stmt_reset(a);
	omni_stmt_reset(b);
	return 0;
fail:
	omni_stmt_reset(a);
	omni_stmt_reset(b);
	return -1;
}

/* Are from and to one SQLite file? */
static int
same_file(omni_store *from, omni_store *to)
{
	struct stat a, b;

	return !from->pg && !to->pg && stat(omni_store_path(from), &a) == 0 &&
	       stat(omni_store_path(to), &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* PostgreSQL's identity columns go on after the numbers copied. */
static const char *const sequences_pg[] = {
	"SELECT setval(pg_get_serial_sequence('orders', 'rowid'),"
	" (SELECT coalesce(max(rowid), 0) + 1 FROM orders), false)",
	"SELECT setval(pg_get_serial_sequence('desk_actions', 'seq'),"
	" (SELECT coalesce(max(seq), 0) + 1 FROM desk_actions), false)",
};

int
omni_store_copy(omni_store *from, omni_store *to, omni_store_copy_fn *fn, void *arg,
                omni_error *err)
{
	if (same_file(from, to))
		return omni_error_set(err, OMNI_EX_CANTCREAT, omni_store_path(to), 0, 0,
		                      "the new store is the store itself"), -1;
	if (all_known(from, err) < 0 || all_known(to, err) < 0)
		return -1;
	for (size_t i = 0; i < NTABLES; i++) {
		long long n = count_rows(to, i, err);
		if (n < 0)
			return -1;
		if (n > 0)
			return omni_error_set(err, OMNI_EX_CANTCREAT, omni_store_path(to), 0, 0,
			                      "the new store is not empty: %s has rows",
			                      tables[i].name), -1;
	}
	/* The old store's writers wait meanwhile (its write lock, not
	 * released by a write), so that every table is read as of one time. */
	if (omni_store_begin(from, err) < 0)
		return -1;
	if (omni_store_begin(to, err) < 0) {
		omni_store_rollback(from);
		return -1;
	}
	for (size_t i = 0; i < NTABLES; i++) {
		long long n = copy_table(from, to, i, err), there, had;

		if (n < 0)
			goto fail;
		/* what was read is what the new store holds, and what the old
		 * one holds, row for row */
		if ((there = count_rows(to, i, err)) < 0 || (had = count_rows(from, i, err)) < 0)
			goto fail;
		if (there != n || had != n) {
			omni_error_set(err, OMNI_EX_SOFTWARE, omni_store_path(to), 0, 0,
			               "%s: %lld rows in the store, %lld read, %lld written",
			               tables[i].name, had, n, there);
			goto fail;
		}
		if (compare_table(from, to, i, err) < 0)
			goto fail;
		if (fn)
			fn(arg, tables[i].name, n);
	}
	for (size_t i = 0; to->pg && i < sizeof sequences_pg / sizeof sequences_pg[0]; i++) {
		omni_stmt *st = omni_store_stmt(to, sequences_pg[i], err);
		int rc = st ? omni_stmt_step(st, err, "cannot number the new store's rows") : -1;

		if (st)
			omni_stmt_reset(st);
		if (rc < 0)
			goto fail;
	}
	if (omni_store_commit(to, err) < 0)
		goto fail;
	omni_store_rollback(from);
	return 0;
fail:
	omni_store_rollback(to);
	omni_store_rollback(from);
	return -1;
}
