/* source_import.c - import:PATH, conversations exported by any other
 * system (a chat widget's transcripts, an SMS gateway's export) as JSON
 * (one document, or an array of them), NDJSON or CSV (RFC 4180, with a
 * header line).
 *
 * Each row is one message; the [source] section's map.FIELD keys name the
 * column (CSV) or key (JSON; "a.b" walks into objects) each field comes
 * from, and an unmapped field reads the column of its own name.  The rows
 * of one conversation (map.ticket_id) become one ticket, its messages in
 * time order; a row's seen key is "TICKET/MESSAGE", so a message comes
 * out once across runs.  A bad row stops the source with file:line, or
 * under --keep-going goes to the reject file, marked so it is not set
 * aside twice.  The files are read into rows by lib/fetch/sources/source_import_read.c. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mail/mail.h"
#include "source_import.h"

const char *const import_field_names[NFIELDS] = {
	"ticket_id", "message_id", "at", "body", "from", "name", "phone", "order",
	"direction", "channel", "subject",
};

/* The map.* keys: each a known field. */
static int
mapping(struct imp *m, omni_error *err)
{
	const omni_conf_section *s = m->f->conf;

	for (size_t i = 0; i < NFIELDS; i++)
		m->col[i] = import_field_names[i];
	for (size_t j = 0; s && j < s->nentries; j++) {
		const char *k = s->entries[j].key;
		size_t i;
		if (strncmp(k, "map.", 4) != 0)
			continue;
		for (i = 0; i < NFIELDS && strcmp(k + 4, import_field_names[i]); i++)
			;
		if (i == NFIELDS)
			return omni_error_set(err, OMNI_EX_CONFIG, m->f->config->path,
			                      s->entries[j].line, 1,
			                      "unknown field '%s' in [source %s]: map.ticket_id, "
			                      "map.message_id, map.at, map.body, map.from, map.name, "
			                      "map.phone, map.order, map.direction, map.channel, "
			                      "map.subject", k, s->name), -1;
		m->col[i] = s->entries[j].value;
		m->mapped[i] = 1;
	}
	return 0;
}

/* A time as text: Unix seconds or milliseconds when it is a number, else
 * RFC 3339 or RFC 2822, through omni_payload_time. */
static int
parse_at(const char *s, omni_time *t)
{
	json_t *v;
	int rc;

	if (*s && strspn(s, "0123456789.") == strlen(s))
		v = json_real(strtod(s, NULL));
	else
		v = json_string(s);
	rc = omni_payload_time(v, t);
	json_decref(v);
	return rc;
}

/* in, inbound, ...; out, outbound, agent, ...; bot; a word then "-..."
 * as the first word (an SMS gateway's "outbound-api").  0, or -1. */
static int
parse_direction(struct row *r)
{
	static const char *const in[] = { "in", "inbound", "incoming", "received",
	                                  "customer", "visitor", "user", NULL };
	static const char *const out[] = { "out", "outbound", "outgoing", "sent",
	                                   "agent", "operator", "bot", NULL };
	const char *v = r->v[F_DIRECTION];
	char d[32];

	if (!v)
		return 0;
	snprintf(d, sizeof d, "%.*s", (int)strcspn(v, "-"), v);
	for (const char *const *p = in; *p; p++)
		if (strcasecmp(d, *p) == 0)
			return 0;
	for (const char *const *p = out; *p; p++)
		if (strcasecmp(d, *p) == 0) {
			r->out = 1;
			r->bot = strcasecmp(d, "bot") == 0;
			return 0;
		}
	return -1;
}

static void
row_free(struct row *r)
{
	for (size_t i = 0; i < NFIELDS; i++)
		free(r->v[i]);
	free(r->tid);
	free(r->mid);
	free(r->key);
}

/* What is wrong with a row, or NULL; fills its time, direction, ids. */
static const char *
check(struct imp *m, struct row *r, char *why, size_t size)
{
	static const int required[] = { F_AT, F_BODY };

	for (size_t i = 0; i < 4; i++) {
		int f = i < 2 ? required[i] : i == 2 ? F_TICKET : F_MESSAGE;
		if (!r->v[f] && (i < 2 || m->mapped[f]))
			return snprintf(why, size, "no %s (%s\"%s\" is empty or missing)",
			                import_field_names[f], m->mapped[f] ? "" : "a column ", m->col[f]), why;
	}
	if (parse_at(r->v[F_AT], &r->at) < 0)
		return snprintf(why, size, "not a time: \"%.60s\"", r->v[F_AT]), why;
	if (parse_direction(r) < 0)
		return snprintf(why, size, "direction \"%.40s\" is neither in nor out",
		                r->v[F_DIRECTION]), why;
	return NULL;
}

/* The row's ids: its message id, else a digest of what it says. */
static int
ids(struct row *r)
{
	char hex[65], *text = NULL;

	if (!r->v[F_MESSAGE]) {
		if (asprintf(&text, "%s\037%s\037%s\037%s", r->v[F_TICKET] ? r->v[F_TICKET] : "",
		             r->v[F_AT], r->v[F_FROM] ? r->v[F_FROM] : "", r->v[F_BODY]) < 0)
			return -1;
		omni_sha256_hex(text, strlen(text), hex);
		free(text);
		hex[20] = 0;
	}
	r->mid = strdup(r->v[F_MESSAGE] ? r->v[F_MESSAGE] : hex);
	r->tid = strdup(r->v[F_TICKET] ? r->v[F_TICKET] : r->mid ? r->mid : "");
	if (!r->mid || !r->tid || asprintf(&r->key, "%s/%s", r->tid, r->mid) < 0)
		return r->key = NULL, -1;
	return 0;
}

int
import_add_row(struct imp *m, struct row *r, const char *raw, size_t rawlen,
               const char *bad, omni_error *err)
{
	char why[200], hex[65], key[80];

	if (!bad)
		bad = check(m, r, why, sizeof why);
	omni_error e;
	int seen;

	if (bad) {
		row_free(r);
		omni_error_set(&e, OMNI_EX_DATAERR, m->path, r->line, r->column, "%s", bad);
		if (!m->f->keep_going)
			return *err = e, -1;
		omni_sha256_hex(raw, rawlen, hex);
		snprintf(key, sizeof key, "reject:%.32s", hex);
		if ((seen = omni_fetch_seen(m->f, key, err)) != 0)
			return seen < 0 ? -1 : 0;
		if (m->f->reject(m->f, raw, rawlen, &e, key) != 0)
			return omni_error_set(err, OMNI_EX_IOERR, NULL, 0, 0, "reject file failed"), -1;
		return 0;
	}
	if (m->nrows == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 64;
		struct row *g = realloc(m->rows, cap * sizeof *g);
		if (!g) {
			row_free(r);
			return omni_error_oom(err), -1;
		}
		m->rows = g;
		m->cap = cap;
	}
	if (ids(r) < 0) {
		row_free(r);
		return omni_error_oom(err), -1;
	}
	json_t *g = json_object_get(m->groups, r->tid);
	r->group = g ? (size_t)json_integer_value(g) : json_object_size(m->groups);
	if (!g)
		json_object_set_new(m->groups, r->tid, json_integer((json_int_t)r->group));
	r->seq = m->nrows;
	m->rows[m->nrows++] = *r;
	return 0;
}

/* ---- tickets ---- */

static int
by_conversation(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static json_t *
source_new(struct imp *m, const char *tid, const char *external)
{
	json_t *src = json_object();
	char *thread = NULL;

	omni_json_set_str(src, "name", m->f->name);
	omni_json_set_str(src, "external_id", external);
	if (asprintf(&thread, "%s:%s", m->f->name, tid) >= 0)
		omni_json_set_str(src, "thread_key", thread);
	free(thread);
	json_object_set_new(src, "url", json_null());
	return src;
}

/* Who wrote in, from the inbound rows: name; from as an e-mail address,
 * a phone number or else a handle on the channel; phone. */
static json_t *
customer_new(const struct row *r, size_t n, const char *channel)
{
	json_t *c = json_object(), *emails = json_array(), *phones = json_array();
	json_t *handles = json_object();

	for (size_t i = 0; i < n; i++) {
		const char *from = r[i].v[F_FROM];
		if (r[i].out)
			continue;
		if (r[i].v[F_NAME] && !json_object_get(c, "name"))
			omni_json_set_str(c, "name", r[i].v[F_NAME]);
		if (from && strchr(from, '@'))
			omni_json_array_add_unique(emails, from);
		else if (from && strspn(from, "+0123456789 -().") == strlen(from))
			omni_json_array_add_unique(phones, from);
		else if (from && !json_object_get(handles, channel))
			omni_json_set_str(handles, channel, from);
		if (r[i].v[F_PHONE])
			omni_json_array_add_unique(phones, r[i].v[F_PHONE]);
	}
	if (json_array_size(emails))
		json_object_set(c, "emails", emails);
	if (json_array_size(phones))
		json_object_set(c, "phones", phones);
	if (json_object_size(handles))
		json_object_set(c, "handles", handles);
	json_decref(emails);
	json_decref(phones);
	json_decref(handles);
	return c;
}

/* One conversation's rows (in time order) as a ticket of the messages
 * not emitted before: emitted, or NULL when there are none. */
static int
emit_conversation(struct imp *m, const struct row *r, size_t n, json_t *done,
                  omni_error *err)
{
	const char *channel = r[0].v[F_CHANNEL] ? r[0].v[F_CHANNEL] :
	                      m->f->channel ? m->f->channel : "chat";
	json_t *keys = json_array(), *ticket, *ids = json_array();
	char *id = NULL;
	int rc = -1;

	if (asprintf(&id, "%s:%s", m->f->name, r[0].tid) < 0)
		id = NULL;
	ticket = omni_ticket_new(id, channel, m->f->store_name, "message");
	json_object_set_new(ticket, "source", source_new(m, r[0].tid, r[0].tid));
	json_object_set_new(ticket, "customer", customer_new(r, n, channel));
	for (size_t i = 0; i < n; i++) {
		int seen = json_object_get(done, r[i].key) ? 1 : omni_fetch_seen(m->f, r[i].key, err);
		if (seen < 0)
			goto out;
		if (r[i].v[F_SUBJECT] && !json_object_get(ticket, "subject"))
			omni_json_set_str(ticket, "subject", r[i].v[F_SUBJECT]);
		if (r[i].v[F_ORDER])
			omni_json_array_add_unique(ids, r[i].v[F_ORDER]);
		omni_order_ids_find(r[i].v[F_BODY], ids);
		if (seen)
			continue;
		json_object_set(done, r[i].key, json_true());
		json_t *msg = omni_message_new(r[i].mid, r[i].out ? "out" : "in",
		                               r[i].out ? r[i].bot ? "bot" : "agent" : "customer",
		                               r[i].at, r[i].v[F_BODY],
		                               r[i].v[F_CHANNEL] ? r[i].v[F_CHANNEL] : channel);
		if (!r[i].out && r[i].v[F_FROM] && strchr(r[i].v[F_FROM], '@'))
			omni_message_set_from(msg, r[i].v[F_FROM]);   /* an e-mail sender */
		json_object_set_new(msg, "source", source_new(m, r[i].tid, r[i].mid));
		omni_ticket_add_message_new(ticket, msg);
		json_array_append_new(keys, json_string(r[i].key));
	}
	if (json_array_size(ids))
		json_object_set(ticket, "order_ids", ids);
	rc = 0;
	if (json_array_size(keys)) {
		rc = m->f->emit(m->f, ticket, keys) ? omni_error_set(err, OMNI_EX_IOERR, "stdout",
		                                      0, 0, "output stopped"), -1 : 0;
		ticket = NULL;
	}
out:
	json_decref(ticket);
	json_decref(keys);
	json_decref(ids);
	free(id);
	return rc;
}

static int
read_file(const char *path, char **buf, size_t *len, omni_error *err)
{
	FILE *fp = fopen(path, "rb");
	size_t cap = 0, n;
	char *g;

	*buf = NULL;
	*len = 0;
	if (!fp)
		return omni_error_set(err, OMNI_EX_NOINPUT, path, 0, 0, "%s", strerror(errno)), -1;
	do {
		if (*len + 65536 + 1 > cap) {
			if (!(g = realloc(*buf, cap = cap * 2 + 65536 + 1))) {
				fclose(fp);
				return omni_error_oom_at(err, path, 0), -1;
			}
			*buf = g;
		}
		n = fread(*buf + *len, 1, cap - *len - 1, fp);
		*len += n;
	} while (n > 0);
	(*buf)[*len] = 0;
	if (ferror(fp)) {
		fclose(fp);
		return omni_error_set(err, OMNI_EX_IOERR, path, 0, 0, "%s", strerror(errno)), -1;
	}
	fclose(fp);
	return 0;
}

/* csv, json or ndjson: configured, else by the file's extension. */
static const char *
format_of(struct imp *m, omni_error *err)
{
	const char *f = omni_conf_get(m->f->conf, "format"), *dot = strrchr(m->path, '.');

	if (!f && dot)
		f = strcasecmp(dot, ".csv") == 0 ? "csv" : strcasecmp(dot, ".json") == 0 ? "json" :
		    strcasecmp(dot, ".ndjson") == 0 || strcasecmp(dot, ".jsonl") == 0 ? "ndjson" : NULL;
	if (!f)
		omni_error_set(err, OMNI_EX_CONFIG, m->f->name, 0, 0,
		               "cannot tell the format of %s: set format = csv, json or ndjson",
		               m->path);
	else if (strcmp(f, "csv") && strcmp(f, "json") && strcmp(f, "ndjson"))
		omni_error_set(err, OMNI_EX_CONFIG, m->f->name, 0, 0,
		               "format must be csv, json or ndjson, not \"%.40s\"", f), f = NULL;
	return f;
}

/* The file's text as UTF-8 (*buf replaced): converted from the source's
 * encoding, or from UTF-16 when a byte order mark says so; else it must be
 * valid UTF-8, and a byte that is not is an error at its line and column
 * (a Windows-1252 export would lose its text).  0, or -1 with err. */
static int
to_utf8(struct imp *m, char **buf, size_t *len, omni_error *err)
{
	const char *enc = omni_conf_get(m->f->conf, "encoding");
	const unsigned char *u = (const unsigned char *)*buf;
	char *out;
	size_t outlen = 0;
	long line = 1, col;
	const char *p, *nl;

	if (!enc && *len >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff)))
		enc = "utf-16";
	if (!(out = omni_charset_decode(enc, *buf, *len, &outlen, err))) {
		if (err->status != OMNI_EX_DATAERR) {
			if (err->status == OMNI_EX_CONFIG)
				omni_error_locate(err, m->f->name, 0);
			return -1;
		}
		col = err->column;     /* the 1-based byte offset */
		for (p = *buf; (nl = memchr(p, '\n', (size_t)(*buf + col - 1 - p))); p = nl + 1)
			line++;
		col = (long)(*buf + col - p);
		if (enc)
			omni_error_set(err, OMNI_EX_DATAERR, m->path, line, col,
			               "invalid bytes for encoding = %s", enc);
		else
			omni_error_set(err, OMNI_EX_DATAERR, m->path, line, col,
			               "not valid UTF-8: set the source's encoding "
			               "(windows-1252, latin1, iso-8859-15, utf-16)");
		return -1;
	}
	free(*buf);
	*buf = out;
	*len = outlen;
	return 0;
}

int
omni_source_import(omni_fetch *f, const char *path, omni_error *err)
{
	struct imp m = { .f = f, .groups = json_object() };
	json_t *done = json_object();
	const char *format;
	char *buf = NULL;
	size_t len, i, j;
	int rc = -1;

	if (!(m.path = omni_expand_home(path))) {
		omni_error_oom(err);
		goto out;
	}
	if (mapping(&m, err) < 0 || !(format = format_of(&m, err)) ||
	    read_file(m.path, &buf, &len, err) < 0 || to_utf8(&m, &buf, &len, err) < 0)
		goto out;
	if ((format[0] == 'c' ? import_read_csv(&m, buf, len, err) : format[0] == 'j' ?
	     import_read_json(&m, buf, len, err) : import_read_ndjson(&m, buf, len, err)) < 0)
		goto out;
	if (m.nrows)      /* a file of no rows: no array to sort */
		qsort(m.rows, m.nrows, sizeof *m.rows, by_conversation);
	for (i = 0; i < m.nrows; i = j) {
		for (j = i + 1; j < m.nrows && m.rows[j].group == m.rows[i].group; j++)
			;
		if (emit_conversation(&m, m.rows + i, j - i, done, err) < 0)
			goto out;
	}
	rc = 0;
out:
	for (i = 0; i < m.nrows; i++)
		row_free(&m.rows[i]);
	free(m.rows);
	free(m.path);
	free(buf);
	json_decref(m.groups);
	json_decref(done);
	return rc;
}
