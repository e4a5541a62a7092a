/* payload_meta_line.c - a line of a webhook dump that is an Instagram or
 * Messenger delivery, read with the lazy record reader and its tickets
 * written as text: the same tickets, byte for byte, as lib/fetch/payload/payload_meta.c
 * builds with jansson, without a tree for either.  Anything this path
 * does not take as it is (a time that is not a number, an id that is not
 * a string, a message without a mid, a line with a U+0000 anywhere) is
 * left to the jansson path, which has the last word on errors. */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "record/record.h"
#include "record/bridge.h"
#include "fetch/fetch.h"
#include "order/order.h"

/* One event of an entry, as read. */
struct ev {
	const char *channel, *page;
	omni_span ev, message, mid, text, customer, attachments;
	int echo;
	omni_time at;
};

struct omni_meta_reader {
	omni_record rec;
	omni_text out;            /* the ticket being written */
	omni_text src;            /* its "source" object, written twice */
	omni_text tmp;            /* a string being put together */
	char *buf;                /* a decoded string */
	size_t cap;
	struct ev *evs;           /* the delivery's messages, as read */
	size_t nevs, evcap;
	char **pages;             /* their entries' ids */
	size_t npages, pagecap;
};

omni_meta_reader *
omni_meta_reader_new(void)
{
	omni_meta_reader *m = calloc(1, sizeof *m);

	if (m)
		omni_record_init(&m->rec);
	return m;
}

void
omni_meta_reader_free(omni_meta_reader *m)
{
	if (!m)
		return;
	omni_record_free(&m->rec);
	free(m->out.p);
	free(m->src.p);
	free(m->tmp.p);
	free(m->buf);
	free(m->evs);
	free(m->pages);
	free(m);
}

#define PUT(t, lit) omni_text_put((t), (lit), sizeof (lit) - 1)

static void
put_c(omni_text *t, const char *s)
{
	omni_text_put(t, s, strlen(s));
}

static int
has_backslash(omni_span v)
{
	return memchr(v.p, '\\', v.n) != NULL;
}

/* A string value that is present and not empty (as str() of
 * payload_meta.c takes it): 1, else 0. */
static int
text_of(omni_span v)
{
	return omni_json_type(v) == OMNI_J_STRING && v.n > 2;
}

/* v (a string span) as JSON text: the raw bytes when there is no escape
 * (jansson would write them so), else decoded and encoded again. */
static void
put_span(omni_text *t, omni_span v)
{
	size_t n;
	char *s;

	if (!has_backslash(v)) {
		omni_text_put(t, v.p, v.n);
		return;
	}
	if (!(s = omni_json_string(v, &n))) {
		t->failed = 1;
		return;
	}
	omni_json_text_string(t, s, n);
	free(s);
}

static void
put_str(omni_text *t, const char *s)
{
	if (s)
		omni_json_text_string(t, s, strlen(s));
	else
		PUT(t, "null");
}

/* The decoded text of a string span into m->buf: borrowed, or NULL. */
static const char *
decoded(omni_meta_reader *m, omni_span v)
{
	size_t n;
	char *s;

	if (!has_backslash(v)) {
		if (v.n - 1 > m->cap) {
			char *b = realloc(m->buf, v.n - 1);
			if (!b)
				return NULL;
			m->buf = b;
			m->cap = v.n - 1;
		}
		memcpy(m->buf, v.p + 1, v.n - 2);
		m->buf[v.n - 2] = 0;
		return m->buf;
	}
	if (!(s = omni_json_string(v, &n)))
		return NULL;
	free(m->buf);
	m->buf = s;
	m->cap = n + 1;
	return s;
}

/* The time of a number span; -1 when it is not a number. */
static int
time_of(omni_span v, omni_time *t)
{
	double d;

	if (omni_json_type(v) != OMNI_J_NUMBER || omni_json_number(v, &d) < 0)
		return -1;
	return omni_time_unix_checked(d, t);
}

/* The members of an object this path reads, in one walk (the last of a
 * repeated key, as omni_json_get finds it). */
static void
members(omni_span obj, const char *const *keys, omni_span *vals, size_t n)
{
	omni_span k, v;
	omni_jiter it;

	for (size_t i = 0; i < n; i++)
		vals[i] = (omni_span){ NULL, 0 };
	omni_json_iter(&it, obj);
	while (omni_json_next(&it, &k, &v))
		for (size_t i = 0; i < n; i++)
			if (omni_json_key_eq(k, keys[i])) {
				vals[i] = v;
				break;
			}
}

/* Reads what the event needs; 1 a message to write, 0 none, -1 leave the
 * delivery to the jansson path. */
static int
read_event(struct ev *e, omni_span entry)
{
	static const char *const evkeys[] = { "message", "sender", "recipient", "timestamp" };
	static const char *const mkeys[] = { "is_deleted", "mid", "is_echo", "text",
	                                     "attachments" };
	omni_span ev[4], msg[5], who;
	int k;

	members(e->ev, evkeys, ev, 4);
	e->message = ev[0];
	if (omni_json_type(e->message) != OMNI_J_OBJECT)
		return 0;
	members(e->message, mkeys, msg, 5);
	if (omni_json_type(msg[0]) == OMNI_J_TRUE)
		return 0;
	e->mid = msg[1];
	if (!text_of(e->mid) || has_backslash(e->mid))
		return -1;
	e->echo = omni_json_type(msg[2]) == OMNI_J_TRUE;
	e->attachments = msg[4];
	who = omni_json_get(e->echo ? ev[2] : ev[1], "id");
	if ((k = text_of(who)) && has_backslash(who))
		return -1;
	e->customer = k ? who : (omni_span){ NULL, 0 };
	e->text = msg[3];
	if (!text_of(e->text))
		e->text.p = NULL;
	if (ev[3].p)
		return time_of(ev[3], &e->at) < 0 ? -1 : 1;
	ev[3] = omni_json_get(entry, "time");
	return time_of(ev[3], &e->at) < 0 ? -1 : 1;   /* else the jansson path */
}

/* a, b and c (a span of a string without escapes, or absent) joined by
 * ':' as a JSON string. */
static void
put_joined(omni_meta_reader *m, omni_text *t, const char *a, const char *b,
           omni_span c)
{
	m->tmp.n = 0;
	omni_text_put(&m->tmp, a, strlen(a));
	PUT(&m->tmp, ":");
	if (b) {
		omni_text_put(&m->tmp, b, strlen(b));
		PUT(&m->tmp, ":");
	}
	if (c.p)
		omni_text_put(&m->tmp, c.p + 1, c.n - 2);
	if (m->tmp.failed)
		t->failed = 1;
	else
		omni_json_text_string(t, m->tmp.p, m->tmp.n);
}

/* The source object: name, external_id, thread_key, url, page_id. */
static void
put_source(omni_meta_reader *m, omni_payload *p, const struct ev *e)
{
	omni_text *t = &m->src;

	t->n = 0;
	PUT(t, "{\"name\":");
	put_str(t, p->f->name);
	PUT(t, ",\"external_id\":");
	put_span(t, e->mid);
	PUT(t, ",\"thread_key\":");
	put_joined(m, t, e->channel, e->page ? e->page : "", e->customer);
	PUT(t, ",\"url\":null,\"page_id\":");
	put_str(t, e->page);
	PUT(t, "}");
}

static void
put_attachments(omni_text *t, omni_span attachments)
{
	omni_span a, v;
	omni_jiter it;
	int first = 1;

	PUT(t, "[");
	omni_json_iter(&it, attachments);
	while (omni_json_next(&it, NULL, &a)) {
		put_c(t, first ? "{\"content_type\":" : ",{\"content_type\":");
		first = 0;
		v = omni_json_get(a, "type");
		text_of(v) ? put_span(t, v) : PUT(t, "null");
		PUT(t, ",\"url\":");
		v = omni_json_get(omni_json_get(a, "payload"), "url");
		text_of(v) ? put_span(t, v) : PUT(t, "null");
		PUT(t, "}");
	}
	PUT(t, "]");
}

/* order_ids, when the text names orders. */
static int
put_order_ids(omni_meta_reader *m, const struct ev *e)
{
	const char *text;
	json_t *ids;
	size_t i;

	if (!e->text.p)
		return 0;
	if (!(text = decoded(m, e->text)) || !(ids = json_array()))
		return -1;
	omni_order_ids_find(text, ids);
	for (i = 0; i < json_array_size(ids); i++) {
		put_c(&m->out, i ? "," : ",\"order_ids\":[");
		put_str(&m->out, json_string_value(json_array_get(ids, i)));
	}
	if (i)
		PUT(&m->out, "]");
	json_decref(ids);
	return 0;
}

/* The ticket of one message, as omni_ticket_new and the others build it. */
static int
write_ticket(omni_meta_reader *m, omni_payload *p, const struct ev *e)
{
	omni_text *t = &m->out;
	char at[32];

	put_source(m, p, e);
	omni_time_format(e->at, at);
	t->n = 0;
	PUT(t, "{\"omni\":1,\"id\":");
	put_joined(m, t, p->f->name, NULL, e->mid);
	PUT(t, ",\"channel\":");
	put_str(t, e->channel);
	PUT(t, ",\"store\":");
	put_str(t, omni_fetch_store(p->f, e->channel, e->page));
	PUT(t, ",\"kind\":\"message\",\"source\":");
	omni_text_put(t, m->src.p, m->src.n);
	PUT(t, ",\"customer\":{\"handles\":{");
	put_str(t, e->channel);
	PUT(t, ":");
	e->customer.p ? put_span(t, e->customer) : PUT(t, "null");
	PUT(t, "}}");
	if (put_order_ids(m, e) < 0)
		return -1;
	PUT(t, ",\"messages\":[{\"id\":");
	put_span(t, e->mid);
	put_c(t, e->echo ? ",\"direction\":\"out\",\"author\":\"agent\",\"at\":\"" :
	             ",\"direction\":\"in\",\"author\":\"customer\",\"at\":\"");
	put_c(t, at);
	PUT(t, "\",\"text\":");
	e->text.p ? put_span(t, e->text) : PUT(t, "null");
	PUT(t, ",\"attachments\":");
	put_attachments(t, e->attachments);
	PUT(t, ",\"channel\":");
	put_str(t, e->channel);
	PUT(t, ",\"source\":");
	omni_text_put(t, m->src.p, m->src.n);
	PUT(t, "}],\"created_at\":\"");
	put_c(t, at);
	PUT(t, "\",\"updated_at\":\"");
	put_c(t, at);
	PUT(t, "\"}");
	return t->failed || m->src.failed ? -1 : 0;
}

/* An entry's id (the Page or the Instagram account) as payload_meta.c
 * reads it: 1 and *page (new, or NULL when there is none); 0 when it is a
 * number (the jansson path's). */
static int
page_of(omni_span entry, char **page)
{
	omni_span id = omni_json_get(entry, "id");

	*page = NULL;
	if (omni_json_type(id) == OMNI_J_NUMBER)
		return 0;
	if (text_of(id) && !(*page = omni_json_string(id, NULL)))
		return 0;
	return 1;
}

/* One message event written, once. */
static int
emit_event(omni_meta_reader *m, omni_payload *p, const struct ev *e,
           omni_error *err)
{
	char *mid = strndup(e->mid.p + 1, e->mid.n - 2);
	int rc = -1;

	if (!mid)
		return omni_error_oom(err), -1;
	if ((rc = omni_payload_seen(p, mid, err)) != 0) {
		rc = rc < 0 ? -1 : 0;
		goto out;
	}
	rc = -1;
	if (write_ticket(m, p, e) < 0) {
		omni_error_oom(err);
		goto out;
	}
	json_object_set_new(p->emitted, mid, json_true());
	if (p->f->emit_line(p->f, m->out.p, m->out.n, mid) != 0) {
		omni_error_set(err, OMNI_EX_IOERR, "stdout", 0, 0, "output stopped");
		goto out;
	}
	rc = 0;
out:
	free(mid);
	return rc;
}

static void
forget(omni_meta_reader *m)
{
	for (size_t i = 0; i < m->npages; i++)
		free(m->pages[i]);
	m->npages = m->nevs = 0;
}

/* grows *v (of *cap elements of size) to hold n + 1: 0, or -1. */
static int
room(void *v, size_t *cap, size_t n, size_t size)
{
	void *p;

	if (n < *cap)
		return 0;
	if (!(p = realloc(*(void **)v, (*cap ? *cap * 2 : 16) * size)))
		return -1;
	*(void **)v = p;
	*cap = *cap ? *cap * 2 : 16;
	return 0;
}

/* The messages of every entry into m->evs: 1, or 0 when something is
 * for the jansson path (or memory ran out: it will say so). */
static int
collect(omni_meta_reader *m, omni_span entries, const char *channel)
{
	omni_span entry;
	omni_jiter ei;

	omni_json_iter(&ei, entries);
	while (omni_json_next(&ei, NULL, &entry)) {
		struct ev e = { .channel = channel };
		char *page;
		omni_jiter vi;
		int k;

		if (!page_of(entry, &page))
			return 0;
		if (room(&m->pages, &m->pagecap, m->npages, sizeof *m->pages) < 0) {
			free(page);
			return 0;
		}
		m->pages[m->npages++] = page;
		e.page = page;
		omni_json_iter(&vi, omni_json_get(entry, "messaging"));
		while (omni_json_next(&vi, NULL, &e.ev)) {
			if ((k = read_event(&e, entry)) < 0 ||
			    (k && room(&m->evs, &m->evcap, m->nevs, sizeof *m->evs) < 0))
				return 0;
			if (k)
				m->evs[m->nevs++] = e;
		}
	}
	return 1;
}

int
omni_payload_meta_line(omni_payload *p, omni_meta_reader *m, const char *line,
                       size_t len, omni_error *err)
{
	omni_error perr = { 0 };
	omni_span object, entries;
	const char *channel;
	int rc;

	/* jansson refuses a U+0000 anywhere, and so, through it, this path */
	if (!p->f->emit_line || !len || line[0] != '{' ||
	    omni_record_parse(&m->rec, line, len, &perr) < 0 || m->rec.nul)
		return 0;
	object = omni_record_get(&m->rec, "object");
	entries = omni_record_get(&m->rec, "entry");
	if (omni_json_type(entries) != OMNI_J_ARRAY)
		return 0;
	if (omni_json_string_eq(object, "instagram"))
		channel = "instagram";
	else if (omni_json_string_eq(object, "page"))
		channel = "facebook";
	else
		return 0;
	/* a configured channel (--channel) wins over the detected one */
	if (p->f->channel)
		channel = p->f->channel;
	forget(m);
	rc = collect(m, entries, channel);
	for (size_t i = 0; rc == 1 && i < m->nevs; i++)
		if (emit_event(m, p, &m->evs[i], err) < 0)
			rc = -1;
	forget(m);
	return rc;
}
