/* report_store.c - omni-report's SQL: the tickets omni-link keeps in the
 * store, read back for --db. */
#include "core/core.h"
#include "record/record.h"
#include "store/store.h"
#include "report/report.h"

static const char tickets_sql[] =
	"SELECT record FROM tickets WHERE record IS NOT NULL ORDER BY seq";

int
omni_rep_add_store(omni_rep *rep, const char *path, omni_error *err)
{
	omni_store *s = NULL;
	omni_stmt *st = NULL;
	omni_record rec;
	int rc = -1, step;

	omni_record_init(&rec);
	if (omni_store_open(path, &s, err) < 0)
		goto out;
	if (!(st = omni_store_stmt(s, tickets_sql, NULL))) {
		omni_store_error(s, err, "cannot read tickets");
		goto out;
	}
	while ((step = omni_stmt_step(st, err, "cannot read tickets")) == OMNI_STMT_ROW) {
		const char *text = omni_stmt_text(st, 0);
		size_t len = omni_stmt_bytes(st, 0);
		if (omni_record_parse(&rec, text, len, err) < 0 || omni_rep_add(rep, &rec, err) < 0) {
			omni_error_locate(err, omni_store_path(s), 0);
			goto out;
		}
	}
	if (step != OMNI_STMT_DONE)
		goto out;
	rc = 0;
out:
	if (st)
		omni_stmt_reset(st);
	omni_record_free(&rec);
	omni_store_close(s);
	return rc;
}
