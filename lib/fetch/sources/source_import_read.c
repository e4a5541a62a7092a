/* source_import_read.c - the rows of an import: file, from CSV (RFC 4180
 * with a header line), one JSON document (an object, or an array of
 * them) or NDJSON, each field from the column or key the map names. */
#include <stdlib.h>
#include <string.h>

#include "source_import.h"

/* ---- CSV ---- */

int
import_read_csv(struct imp *m, const char *buf, size_t len, omni_error *err)
{
	omni_csv *c = omni_csv_new(buf, len);
	char **fields, **head = NULL;
	size_t n, nhead = 0;
	long idx[NFIELDS];
	int rc = -1, got;

	if (!c)
		return omni_error_oom(err), -1;
	if ((got = omni_csv_next(c, &fields, &n, err)) <= 0) {
		if (got == 0)
			omni_error_set(err, OMNI_EX_DATAERR, m->path, 1, 0, "no header line");
		goto out;
	}
	if (!(head = calloc(n, sizeof *head)))
		goto oom;
	for (nhead = 0; nhead < n; nhead++)
		if (!(head[nhead] = strdup(fields[nhead])))
			goto oom;
	for (size_t i = 0; i < NFIELDS; i++) {
		idx[i] = -1;
		for (size_t j = 0; j < nhead && idx[i] < 0; j++)
			if (strcmp(head[j], m->col[i]) == 0)
				idx[i] = (long)j;
		if (idx[i] < 0 && m->mapped[i]) {
			omni_error_set(err, OMNI_EX_DATAERR, m->path, 1, 0,
			               "no column \"%s\" (map.%s) in the header", m->col[i],
			               import_field_names[i]);
			goto out;
		}
	}
	while ((got = omni_csv_next(c, &fields, &n, err)) > 0) {
		struct row r = { .line = omni_csv_line(c) };
		size_t rawlen;
		const char *raw = omni_csv_raw(c, &rawlen);
		for (size_t i = 0; i < NFIELDS; i++)
			if (idx[i] >= 0 && (size_t)idx[i] < n && fields[idx[i]][0] &&
			    !(r.v[i] = strdup(fields[idx[i]])))
				goto oom;
		char why[64] = "";
		/* a C string would stop there: "a@example.com\0@evil" is a@example.com */
		if (memchr(raw, '\0', rawlen))
			snprintf(why, sizeof why, "a NUL byte in the row");
		else if (n != nhead)
			snprintf(why, sizeof why, "%zu fields where the header has %zu", n, nhead);
		if (import_add_row(m, &r, raw, rawlen, *why ? why : NULL, err) < 0)
			goto out;
	}
	if (got < 0) {
		omni_error_locate(err, m->path, 0);
		goto out;
	}
	rc = 0;
	goto out;
oom:
	omni_error_oom(err);
out:
	for (size_t j = 0; j < nhead; j++)
		free(head[j]);
	free(head);
	omni_csv_free(c);
	return rc;
}

/* ---- JSON and NDJSON ---- */

/* A member by key, or by a dotted path into objects ("user.email"). */
static const json_t *
lookup(const json_t *o, const char *path)
{
	const json_t *v = json_object_get(o, path);
	const char *dot;

	while (!v && json_is_object(o) && (dot = strchr(path, '.'))) {
		char key[128];
		snprintf(key, sizeof key, "%.*s", (int)(dot - path), path);
		o = json_object_get(o, key);
		path = dot + 1;
		v = json_object_get(o, path);
	}
	return v;
}

/* A scalar as text: new, or NULL (absent, null, empty, a container). */
static char *
text_of(const json_t *v)
{
	char buf[64];

	if (json_is_string(v))
		return *json_string_value(v) ? strdup(json_string_value(v)) : NULL;
	if (json_is_integer(v))
		snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
	else if (json_is_real(v))
		snprintf(buf, sizeof buf, "%.17g", json_real_value(v));
	else if (json_is_boolean(v))
		snprintf(buf, sizeof buf, "%s", json_is_true(v) ? "true" : "false");
	else
		return NULL;
	return strdup(buf);
}

static int
json_row(struct imp *m, const json_t *o, long line, const char *raw, size_t rawlen,
         omni_error *err)
{
	struct row r = { .line = line };

	if (!json_is_object(o))
		return import_add_row(m, &r, raw, rawlen, "a row is not a json object", err);
	for (size_t i = 0; i < NFIELDS; i++)
		r.v[i] = text_of(lookup(o, m->col[i]));
	return import_add_row(m, &r, raw, rawlen, NULL, err);
}

static long
line_at(const char *buf, const char *p)
{
	long line = 1;

	for (; buf < p; buf++)
		line += *buf == '\n';
	return line;
}

/* One document: an object is one row, an array a row per element (each
 * named by the line it starts on). */
int
import_read_json(struct imp *m, const char *buf, size_t len, omni_error *err)
{
	json_error_t je;
	json_t *doc = json_loadb(buf, len, 0, &je);
	omni_span top = { buf, len }, el;
	omni_jiter it;
	size_t i = 0;
	int rc = 0;

	if (!doc)
		return omni_error_set(err, OMNI_EX_DATAERR, m->path, je.line, je.column, "%s",
		                      omni_payload_json_why(&je)), -1;
	if (!json_is_array(doc)) {
		rc = json_row(m, doc, 1, buf, len, err);
		json_decref(doc);
		return rc;
	}
	while (top.n && *top.p != '[')
		top.p++, top.n--;
	while (top.n && top.p[top.n - 1] != ']')
		top.n--;
	omni_json_iter(&it, top);
	while (rc == 0 && omni_json_next(&it, NULL, &el))
		rc = json_row(m, json_array_get(doc, i++), line_at(buf, el.p), el.p, el.n, err);
	json_decref(doc);
	return rc;
}

int
import_read_ndjson(struct imp *m, const char *buf, size_t len, omni_error *err)
{
	const char *p = buf, *end = buf + len;
	long line = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p)), *e = nl ? nl : end;
		size_t n = (size_t)(e - p);
		json_error_t je;
		json_t *o;
		int rc;

		line++;
		if (n && e[-1] == '\r')
			n--;
		if (strspn(p, " \t\r") >= n) {
			p = e + 1;
			continue;
		}
		if (!(o = json_loadb(p, n, 0, &je))) {
			struct row r = { .line = line, .column = je.column };
			rc = import_add_row(m, &r, p, n, omni_payload_json_why(&je), err);
		} else {
			rc = json_row(m, o, line, p, n, err);
			json_decref(o);
		}
		if (rc < 0)
			return -1;
		p = e + 1;
	}
	return 0;
}
