/* source_import.h - what lib/fetch/sources/source_import.c (rows to tickets) and
 * lib/fetch/sources/source_import_read.c (CSV, JSON and NDJSON to rows) share (not part
 * of the library's interface). */
#ifndef SOURCE_IMPORT_H
#define SOURCE_IMPORT_H

#include "core/core.h"
#include "fetch/fetch.h"
#include "record/bridge.h"
#include "order/order.h"

enum {
	F_TICKET, F_MESSAGE, F_AT, F_BODY, F_FROM, F_NAME, F_PHONE, F_ORDER,
	F_DIRECTION, F_CHANNEL, F_SUBJECT, NFIELDS
};


struct row {
	char *v[NFIELDS];         /* new, or NULL when absent or empty */
	char *tid, *mid, *key;    /* conversation, message, seen key: new */
	omni_time at;
	long line, column;        /* column: of a JSON syntax error, or 0 */
	size_t seq, group;
	int out, bot;
};

struct imp {
	omni_fetch *f;
	char *path;
	const char *col[NFIELDS];  /* the column or key of each field */
	int mapped[NFIELDS];
	struct row *rows;
	size_t nrows, cap;
	json_t *groups;           /* conversation id -> its number */
};

/* The fields' names, as map.* keys and default columns. */
extern const char *const import_field_names[NFIELDS];

/* Takes a row (steals its values): kept, set aside under --keep-going,
 * or an error naming file:line.  bad: why it is refused, or NULL to
 * check it.  0, or -1 with err. */
int import_add_row(struct imp *m, struct row *r, const char *raw, size_t rawlen,
                   const char *bad, omni_error *err);
/* The rows of a whole file (buf borrowed) into m.  0, or -1 with err. */
int import_read_csv(struct imp *m, const char *buf, size_t len, omni_error *err);
int import_read_json(struct imp *m, const char *buf, size_t len, omni_error *err);
int import_read_ndjson(struct imp *m, const char *buf, size_t len, omni_error *err);

#endif
