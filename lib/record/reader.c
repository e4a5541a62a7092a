/* reader.c - ticket records from the input, with --keep-going.
 *
 * A malformed line stops the stream (status 65) unless the program keeps
 * going: then the line is set aside verbatim for the reject file, counted,
 * and reading goes on. */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "record/record.h"

struct omni_reader {
	omni_input *in;
	omni_record rec;
	int keep_going;
	FILE *reject;
	long rejected;
	int any_object;      /* omni_reader_any_object: skip omni_ticket_check */
};

omni_reader *
omni_reader_new(char *const *paths, int npaths, int keep_going, FILE *reject)
{
	omni_reader *r = calloc(1, sizeof *r);

	if (!r)
		return NULL;
	if (!(r->in = omni_input_new(paths, npaths))) {
		free(r);
		return NULL;
	}
	omni_record_init(&r->rec);
	r->keep_going = keep_going;
	r->reject = reject;
	return r;
}

void
omni_reader_free(omni_reader *r)
{
	if (!r)
		return;
	omni_input_free(r->in);
	omni_record_free(&r->rec);
	free(r);
}

void
omni_reader_any_object(omni_reader *r)
{
	r->any_object = 1;
}

long
omni_reader_rejected(const omni_reader *r)
{
	return r->rejected;
}

const char *
omni_reader_name(const omni_reader *r)
{
	return omni_input_name(r->in);
}

long
omni_reader_lineno(const omni_reader *r)
{
	return omni_input_lineno(r->in);
}

/* A record of a newer major format version is an error, not a guess:
 * "omni": 1.2 is read, "omni": 2 is not. */
static int
check_version(const omni_record *rec, omni_error *err)
{
	omni_span v = omni_record_get(rec, "omni");
	double version;

	if (v.n == 1 && v.p[0] >= '0' && v.p[0] <= '9')
		version = v.p[0] - '0';       /* the usual case, without strtod */
	else if (omni_json_number(v, &version) < 0)
		return 0;
	if (version < OMNI_FORMAT_VERSION + 1)
		return 0;
	return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0,
	                      v.p - rec->text + 1,
	                      "unsupported format version %.*s (this program reads %d)",
	                      (int)(v.n > 32 ? 32 : v.n), v.p, OMNI_FORMAT_VERSION);
}

/* The members of omni-ticket(5) that are ids, keys or addresses, as
 * paths: an array on the way means each of its elements, and every
 * string below the end (keys too) counts.  A program stores them or keys
 * the store with them, as C strings: with a U+0000 in it, "x\u0000A" and
 * "x\u0000B" would be one ticket.  Text may hold one; it only passes. */
static const char *const identities[] = {
	"id", "channel", "store", "merged_from", "order_ids", "source",
	"queue", "assignee", "customer.id", "customer.emails", "customer.phones",
	"customer.handles", "messages.id", "messages.channel", "messages.source",
	"orders.id", "orders.number", "orders.channel", "orders.store",
	"history.id", "history.channel", "reply.external_id",
};

/* The first U+0000 in a string of v, or below it: its backslash, or NULL;
 * *under (may be NULL) the raw key of v's member that holds it. */
static const char *
nul_below(omni_span v, omni_span *under)
{
	const char *at = NULL;
	omni_span k, e;
	omni_jiter it;

	if (omni_json_type(v) == OMNI_J_STRING)
		return omni_json_nul(v);
	omni_json_iter(&it, v);
	while (!at && omni_json_next(&it, &k, &e))
		if ((at = omni_json_nul(k)) || (at = nul_below(e, NULL)))
			if (under)
				*under = k;
	return at;
}

/* The first name of path into name (size 16); the rest, or "". */
static const char *
first_name(const char *path, char name[16])
{
	const char *dot = strchr(path, '.');

	snprintf(name, 16, "%.*s", dot ? (int)(dot - path) : (int)strlen(path), path);
	return dot ? dot + 1 : "";
}

/* The first U+0000 at path in v (path: the names still to follow). */
static const char *
nul_at(omni_span v, const char *path, omni_span *under)
{
	const char *at = NULL, *rest;
	char name[16];
	omni_span e;
	omni_jiter it;

	if (!*path)
		return nul_below(v, under);
	if (omni_json_type(v) == OMNI_J_ARRAY) {
		omni_json_iter(&it, v);
		while (!at && omni_json_next(&it, NULL, &e))
			at = nul_at(e, path, under);
		return at;
	}
	rest = first_name(path, name);
	return nul_at(omni_json_get(v, name), rest, under);
}

/* An id, key or address holding U+0000 is malformed (omni-ticket(5)). */
static int
check_ids(const omni_record *rec, omni_error *err)
{
	omni_span under;
	const char *at, *rest;
	char name[16];

	if (!rec->nul)          /* the parser saw no \u0000 anywhere */
		return 0;
	for (size_t i = 0; i < sizeof identities / sizeof identities[0]; i++) {
		under.p = NULL;
		rest = first_name(identities[i], name);
		if ((at = nul_at(omni_record_get(rec, name), rest, &under)))
			return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, at - rec->text + 1,
			                      "%s%s%.*s holds a NUL character (\\u0000)",
			                      identities[i], under.p ? "." : "",
			                      under.p ? (int)(under.n > 40 ? 40 : under.n) : 0,
			                      under.p ? under.p : "");
	}
	return 0;
}

int
omni_reader_check(const omni_record *rec, omni_error *err)
{
	return check_version(rec, err) == 0 && check_ids(rec, err) == 0 &&
	       omni_ticket_check(rec, err) == 0 ? 0 : -1;
}

int
omni_reader_next(omni_reader *r, omni_record **rec, omni_error *err)
{
	omni_error local;
	char *line;
	size_t len;
	int rc;

	if (!err)
		err = &local;
	if ((rc = omni_input_next(r->in, &line, &len, err)) <= 0)
		return rc;
	if (omni_record_parse(&r->rec, line, len, err) == 0 &&
	    (r->any_object ? check_version(&r->rec, err) == 0 && check_ids(&r->rec, err) == 0
	                   : omni_reader_check(&r->rec, err) == 0)) {
		*rec = &r->rec;
		return 1;
	}
	omni_error_locate(err, omni_input_name(r->in), omni_input_lineno(r->in));
	if (!r->keep_going || err->status != OMNI_EX_DATAERR)
		return -1;
	r->rejected++;
	if (r->reject) {
		fwrite(line, 1, len, r->reject);
		putc('\n', r->reject);
	}
	return 2;
}
