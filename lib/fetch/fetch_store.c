/* fetch_store.c - omni-fetch's SQL: the fulfilments, with their orders,
 * that the proactive scan reads (fetch_proactive.c).  Cursors and what
 * a source emitted are the store's own (lib/store/cursors.c). */

#include "core/core.h"
#include "store/store.h"
#include "fetch_int.h"

#define COLUMNS \
	"SELECT o.channel, o.store, o.order_id, o.number, o.customer_name, " \
	"o.customer_email, o.customer_phone, f.external_id, f.carrier, " \
	"f.tracking_number, f.tracking_url, f.status, f.estimated_at, " \
	"f.delivered_at, f.updated_at, f.shipped_at " \
	"FROM fulfillments f JOIN orders o ON o.rowid = f.order_rowid "

static const char whole_sql[] = COLUMNS "ORDER BY o.rowid, f.rowid";
static const char one_sql[] = COLUMNS "WHERE f.rowid = ?";

static const char *
col(omni_stmt *st, int i)
{
	const char *v = omni_stmt_text(st, i);

	return v && *v ? v : NULL;
}

static void
row_of(omni_stmt *st, omni_fulfillment_row *r)
{
	const char **v[] = {
		&r->channel, &r->store, &r->order, &r->number, &r->name, &r->email,
		&r->phone, &r->id, &r->carrier, &r->tracking, &r->url, &r->status,
		&r->estimated, &r->delivered, &r->updated, &r->shipped,
	};

	for (int i = 0; i < (int)(sizeof v / sizeof v[0]); i++)
		*v[i] = col(st, i);
}

int
omni_fetch_store_fulfillments(omni_store *s, int whole, const int64_t *rows, size_t n,
                              int (*fn)(void *arg, const omni_fulfillment_row *r,
                                        omni_error *err),
                              void *arg, omni_error *err)
{
	omni_stmt *st = omni_store_stmt(s, whole ? whole_sql : one_sql, NULL);
	omni_fulfillment_row r;
	int rc = -1, step = OMNI_STMT_DONE;

	if (!st)
		return omni_store_error(s, err, "cannot read fulfilments"), -1;
	for (size_t i = 0; i < (whole ? 1 : n); i++) {
		omni_stmt_reset(st);
		if (!whole)
			omni_stmt_bind_int64(st, 1, rows[i]);
		while ((step = omni_stmt_step(st, err, "cannot read fulfilments")) == OMNI_STMT_ROW) {
			row_of(st, &r);
			if (fn(arg, &r, err) < 0)
				goto out;
		}
		if (step != OMNI_STMT_DONE)
			goto out;
	}
	rc = 0;
out:
	omni_stmt_reset(st);
	return rc;
}
