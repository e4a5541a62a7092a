/* csv.c - RFC 4180 records: fields separated by commas, records by CRLF
 * or LF; a field in double quotes may hold commas, line breaks and
 * doubled quotes.  A leading UTF-8 BOM is skipped and blank lines are
 * not records.  Lenient where the RFC is silent: a quote inside an
 * unquoted field is kept as text. */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "fetch/fetch.h"

struct omni_csv {
	const char *p, *end;
	const char *bol;          /* start of the line p is on */
	long line;                /* p's line, 1-based */
	long rec_line;
	const char *rec, *rec_end;
	char *buf;                /* the fields' text, each NUL-terminated */
	size_t len, cap;
	size_t *offs;
	char **fields;
	size_t nf, fcap;
};

omni_csv *
omni_csv_new(const char *buf, size_t len)
{
	omni_csv *c = calloc(1, sizeof *c);

	if (!c)
		return NULL;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	c->p = c->bol = buf;
	c->end = buf + len;
	c->line = 1;
	return c;
}

void
omni_csv_free(omni_csv *c)
{
	if (!c)
		return;
	free(c->buf);
	free(c->offs);
	free(c->fields);
	free(c);
}

static int
put(omni_csv *c, char ch)
{
	if (c->len + 1 >= c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 256;
		char *b = realloc(c->buf, cap);
		if (!b)
			return -1;
		c->buf = b;
		c->cap = cap;
	}
	c->buf[c->len++] = ch;
	return 0;
}

/* Ends the current field; 0 or -1 out of memory. */
static int
end_field(omni_csv *c, size_t start)
{
	if (put(c, 0) < 0)
		return -1;
	if (c->nf == c->fcap) {
		size_t cap = c->fcap ? c->fcap * 2 : 16;
		size_t *o = realloc(c->offs, cap * sizeof *o);
		if (!o)
			return -1;
		c->offs = o;
		char **f = realloc(c->fields, cap * sizeof *f);
		if (!f)
			return -1;
		c->fields = f;
		c->fcap = cap;
	}
	c->offs[c->nf++] = start;
	return 0;
}

/* At a record's end (LF, CR LF, or the end of input)?  Steps over it. */
static int
at_eol(omni_csv *c)
{
	if (c->p == c->end)
		return 1;
	if (*c->p == '\n' || (*c->p == '\r' && c->p + 1 < c->end && c->p[1] == '\n')) {
		c->p += *c->p == '\r' ? 2 : 1;
		c->line++;
		c->bol = c->p;
		return 1;
	}
	return 0;
}

static int
quoted(omni_csv *c, omni_error *err)
{
	long line = c->line, col = (long)(c->p - c->bol) + 1;

	for (c->p++;; c->p++) {
		if (c->p == c->end)
			return omni_error_set(err, OMNI_EX_DATAERR, NULL, line, col,
			                      "a quoted field is not closed"), -1;
		if (*c->p == '"') {
			if (c->p + 1 < c->end && c->p[1] == '"') {
				c->p++;
			} else {
				c->p++;
				break;
			}
		} else if (*c->p == '\n') {
			c->line++;
			c->bol = c->p + 1;
		}
		if (put(c, *c->p) < 0)
			return omni_error_oom(err), -1;
	}
	if (c->p < c->end && *c->p != ',' && *c->p != '\n' &&
	    !(*c->p == '\r' && c->p + 1 < c->end && c->p[1] == '\n'))
		return omni_error_set(err, OMNI_EX_DATAERR, NULL, c->line,
		                      (long)(c->p - c->bol) + 1,
		                      "text after a closing quote"), -1;
	return 0;
}

int
omni_csv_next(omni_csv *c, char ***fields, size_t *n, omni_error *err)
{
	for (;;) {
		if (c->p == c->end)
			return 0;
		c->len = c->nf = 0;
		c->rec = c->p;
		c->rec_line = c->line;
		for (;;) {
			size_t start = c->len;
			if (c->p < c->end && *c->p == '"') {
				if (quoted(c, err) < 0)
					return -1;
			} else {
				while (c->p < c->end && *c->p != ',' && *c->p != '\n' &&
				       !(*c->p == '\r' && c->p + 1 < c->end && c->p[1] == '\n'))
					if (put(c, *c->p++) < 0)
						return omni_error_oom(err), -1;
			}
			if (end_field(c, start) < 0)
				return omni_error_oom(err), -1;
			if (c->p < c->end && *c->p == ',') {
				c->p++;
				continue;
			}
			c->rec_end = c->p;
			at_eol(c);
			break;
		}
		if (c->nf == 1 && c->rec_end == c->rec)
			continue;     /* a blank line */
		for (size_t i = 0; i < c->nf; i++)
			c->fields[i] = c->buf + c->offs[i];
		*fields = c->fields;
		*n = c->nf;
		return 1;
	}
}

long
omni_csv_line(const omni_csv *c)
{
	return c->rec_line;
}

const char *
omni_csv_raw(const omni_csv *c, size_t *len)
{
	*len = (size_t)(c->rec_end - c->rec);
	return c->rec;
}
