/*
 * link_person_text.c - a person's data (omni_link_person_export's
 * document) as plain text: whole, to hand over, or what --find lists.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "link_int.h"

static void
put(omni_text *t, const char *fmt, ...)
{
	char *s = NULL;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0) {
		t->failed = 1;
		return;
	}
	omni_text_put(t, s, (size_t)n);
	free(s);
}

/* Member k of o as text ("" when absent or null; a number as written). */
static const char *
s_of(const json_t *o, const char *k, char *buf, size_t size)
{
	json_t *v = json_object_get(o, k);

	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_integer(v)) {
		snprintf(buf, size, "%lld", (long long)json_integer_value(v));
		return buf;
	}
	return "";
}

#define S(o, k) s_of((o), (k), b, sizeof b)

/* A message's text, each line indented. */
static void
put_text(omni_text *t, const char *text)
{
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n");
		put(t, "      %.*s\n", (int)n, p);
		p += n + (p[n] == '\n');
	}
}

static void
put_ticket(omni_text *t, const json_t *tk, int whole)
{
	json_t *m, *msgs = json_object_get(tk, "messages");
	size_t i;
	char b[32];

	put(t, "  %s  %s  %s  %s  %zu messages", S(tk, "id"), S(tk, "channel"),
	    S(tk, "status"), S(tk, "created_at"), json_array_size(msgs));
	if (json_object_get(tk, "anonymised"))
		put(t, "  (anonymous since %s)",
		    s_of(json_object_get(tk, "anonymised"), "at", b, sizeof b));
	put(t, "\n");
	if (!whole)
		return;
	if (*S(tk, "subject"))
		put(t, "    subject: %s\n", S(tk, "subject"));
	json_array_foreach(msgs, i, m) {
		put(t, "    %s  %s  %s", S(m, "at"), S(m, "direction"), S(m, "channel"));
		if (*S(m, "from"))
			put(t, "  from %s", S(m, "from"));
		put(t, "\n");
		put_text(t, S(m, "text"));
	}
}

char *
omni_link_person_text(const json_t *doc, int whole)
{
	const json_t *c = json_object_get(doc, "customer");
	json_t *v, *a;
	omni_text t = { 0 };
	size_t i;
	char b[32];

	put(&t, "customer %s", S(c, "id"));
	if (*S(c, "name"))
		put(&t, "  %s", S(c, "name"));
	put(&t, "  (since %s)\n", S(c, "created_at"));
	a = json_object_get(doc, "keys");
	put(&t, "keys: %zu\n", json_array_size(a));
	json_array_foreach(a, i, v)
		put(&t, "  %s %s\n", S(v, "kind"), S(v, "value"));
	a = json_object_get(doc, "tickets");
	{
		size_t msgs = 0;
		json_array_foreach(a, i, v)
			msgs += json_array_size(json_object_get(v, "messages"));
		put(&t, "tickets: %zu, messages: %zu\n", json_array_size(a), msgs);
	}
	json_array_foreach(a, i, v)
		put_ticket(&t, v, whole);
	a = json_object_get(doc, "orders");
	put(&t, "orders: %zu\n", json_array_size(a));
	json_array_foreach(a, i, v) {
		put(&t, "  %s %s %s  %s %s", S(v, "channel"), S(v, "store"), S(v, "number"),
		    S(v, "total"), S(v, "currency"));
		if (whole)
			put(&t, "  %s %s %s %s", S(v, "customer_name"), S(v, "customer_email"),
			    S(v, "customer_phone"), S(v, "customer_postcode"));
		put(&t, "\n");
	}
	a = json_object_get(doc, "accounts");
	put(&t, "accounts: %zu\n", json_array_size(a));
	json_array_foreach(a, i, v)
		put(&t, "  %s %s %s  %s %s %s\n", S(v, "channel"), S(v, "store"), S(v, "ref"),
		    S(v, "name"), S(v, "email"), S(v, "phone"));
	a = json_object_get(doc, "sends");
	put(&t, "sends: %zu\n", json_array_size(a));
	json_array_foreach(a, i, v)
		put(&t, "  %s  %s %s  %s\n", S(v, "ticket_id"), S(v, "channel"), S(v, "state"),
		    S(v, "updated_at"));
	a = json_object_get(doc, "handoff");
	put(&t, "hand-off notes: %zu\n", json_array_size(a));
	json_array_foreach(a, i, v)
		put(&t, "  %s %s  %s\n", S(v, "stage"), S(v, "key"), S(v, "at"));
	a = json_object_get(doc, "quarantine");
	put(&t, "quarantine files: %zu\n", json_array_size(a));
	json_array_foreach(a, i, v)
		put(&t, "  %s\n", json_string_value(v));
	a = json_object_get(doc, "erasures");
	json_array_foreach(a, i, v)
		put(&t, "erased %s by %s\n", S(v, "at"), S(v, "by"));
	if (t.failed || !t.p) {
		free(t.p);
		return NULL;
	}
	return t.p;
}
