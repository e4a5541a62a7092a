/* reader.c - ticket records from the input, with --keep-going.
 *
 * A malformed line stops the stream (status 65) unless the program keeps
 * going: then the line is set aside verbatim for the reject file, counted,
 * and reading goes on. */
#include <stdlib.h>

#include "core/core.h"
#include "record/record.h"

struct omni_reader {
	omni_input *in;
	omni_record rec;
	int keep_going;
	FILE *reject;
	long rejected;
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
	    check_version(&r->rec, err) == 0) {
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
