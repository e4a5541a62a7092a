/*
 * desk_show.c - a ticket as a timeline: plain text that reads in a
 * terminal and a pager.  The heading says what routing decided and why;
 * then every message on every channel and everything people did to the
 * ticket (its desk member), in time order; then the orders and the
 * customer's other tickets.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record/bridge.h"
#include "mail/mail.h"
#include "desk/desk.h"

static void
put(omni_text *b, const char *fmt, ...)
{
	va_list ap;
	char *s = NULL;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->failed = 1;
		return;
	}
	omni_text_put(b, s, (size_t)n);
	free(s);
}

/* A member as text ("" when absent or not a string): new. */
static char *
str(omni_span v)
{
	char *s = omni_json_type(v) == OMNI_J_STRING ? omni_json_string(v, NULL) : NULL;

	if (!s && omni_json_type(v) == OMNI_J_NUMBER) {
		s = malloc(v.n + 1);
		if (s) {
			memcpy(s, v.p, v.n);
			s[v.n] = '\0';
		}
	}
	return s ? s : strdup("");
}

/* "2026-12-05 09:14" of an RFC 3339 time, as written. */
static void
when(omni_span v, char out[24])
{
	char buf[64] = "";

	omni_json_string_buf(v, buf, sizeof buf);
	snprintf(out, 24, "%.16s", buf);
	if (strlen(out) > 10 && out[10] == 'T')
		out[10] = ' ';
}

static int
is_quote_head(const char *line, size_t n)
{
	static const char *const ends[] = { "wrote:", "a écrit :", "a écrit:", "ha scritto:",
	                                    "schrieb:", "escribió:" };
	while (n && (line[n - 1] == ' ' || line[n - 1] == '\r'))
		n--;
	if (n >= 5 && memcmp(line, "-----", 5) == 0 && memmem(line, n, "Original", 8))
		return 1;
	for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		size_t e = strlen(ends[i]);
		if (n > e && memcmp(line + n - e, ends[i], e) == 0)
			return 1;
	}
	return 0;
}

char *
omni_desk_trim_quoted(const char *text)
{
	omni_text b = { 0 };
	const char *p = text, *nl;
	long dropped = 0;

	for (; p && *p; p = nl ? nl + 1 : p + strlen(p)) {
		nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (is_quote_head(p, n)) {
			for (const char *q = p; *q; q++)
				dropped += *q == '\n';
			dropped++;
			break;
		}
		if (n && p[0] == '>') {
			dropped++;
			continue;
		}
		omni_text_put(&b, p, n);
		omni_text_put(&b, "\n", 1);
		if (!nl)
			break;
	}
	while (b.n && (b.p[b.n - 1] == '\n' || b.p[b.n - 1] == ' ' || b.p[b.n - 1] == '\r'))
		b.n--;
	if (dropped)
		put(&b, "\n[%ld quoted line%s trimmed]", dropped, dropped == 1 ? "" : "s");
	omni_text_put(&b, "", 0);
	if (b.failed || !b.p) {
		free(b.p);
		return strdup("");
	}
	b.p[b.n] = '\0';
	return b.p;
}

/* text, each line indented by four spaces. */
static void
indented(omni_text *b, const char *text)
{
	const char *p = text, *nl;

	for (; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		put(b, "    %.*s\n", (int)n, p);
		if (!nl)
			break;
	}
}

typedef struct event {
	omni_span v;
	omni_time at;
	int action;               /* a desk action, else a message */
	size_t order;
} event;

static int
by_time(const void *pa, const void *pb)
{
	const event *a = pa, *b = pb;

	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

static void
message(omni_text *b, omni_span m)
{
	char at[24], *ch = str(omni_json_get(m, "channel")), *dir = str(omni_json_get(m, "direction"));
	char *from = str(omni_json_get(m, "from")), *author = str(omni_json_get(m, "author"));
	char *text = str(omni_json_get(m, "text")), *body;

	when(omni_json_get(m, "at"), at);
	if (!*text && omni_json_type(omni_json_get(m, "html")) == OMNI_J_STRING) {
		char *html = str(omni_json_get(m, "html"));
		char *plain = omni_html_to_text(html, strlen(html));
		free(html);
		if (plain) {
			free(text);
			text = plain;
		}
	}
	body = omni_desk_trim_quoted(text);
	put(b, "%s  %s  %s  %s\n", at, *ch ? ch : "-", strcmp(dir, "out") == 0 ? "out" : "in ",
	    *from ? from : *author ? author : strcmp(dir, "out") == 0 ? "seller" : "customer");
	indented(b, body && *body ? body : "(no text)");
	put(b, "\n");
	free(ch);
	free(dir);
	free(from);
	free(author);
	free(text);
	free(body);
}

static void
action(omni_text *b, omni_span a)
{
	char at[24], *verb = str(omni_json_get(a, "verb")), *value = str(omni_json_get(a, "value"));
	char *who = str(omni_json_get(a, "who"));

	when(omni_json_get(a, "at"), at);
	if (strcmp(verb, "note") == 0) {
		put(b, "%s  note  %s\n", at, who);
		indented(b, value);
		put(b, "\n");
	} else {
		put(b, "%s  %s%s%s  by %s\n\n", at, verb, *value ? " " : "", value, who);
	}
	free(verb);
	free(value);
	free(who);
}

static void
timeline(omni_text *b, const omni_record *rec, omni_span msgs)
{
	omni_jiter it;
	omni_span v;
	event *ev = NULL;
	size_t n = 0, cap = 0;
	omni_span acts = omni_json_get(omni_record_get(rec, "desk"), "actions");

	for (int pass = 0; pass < 2; pass++) {
		omni_json_iter(&it, pass ? acts : msgs);
		while (omni_json_next(&it, NULL, &v)) {
			char buf[64] = "";
			omni_time t = 0;
			if (n == cap) {
				event *e = realloc(ev, (cap = cap ? cap * 2 : 16) * sizeof *e);
				if (!e) {
					b->failed = 1;
					free(ev);
					return;
				}
				ev = e;
			}
			omni_json_string_buf(omni_json_get(v, "at"), buf, sizeof buf);
			if (omni_time_parse(buf, &t) < 0)
				t = 0;
			ev[n] = (event){ v, t, pass, n };
			n++;
		}
	}
	if (n > 1)
		qsort(ev, n, sizeof *ev, by_time);
	for (size_t i = 0; i < n; i++)
		(ev[i].action ? action : message)(b, ev[i].v);
	free(ev);
}

static void
list(omni_text *b, omni_span arr, const char *sep)
{
	omni_jiter it;
	omni_span v;
	int first = 1;

	omni_json_iter(&it, arr);
	while (omni_json_next(&it, NULL, &v)) {
		char *s = str(v);
		put(b, "%s%s", first ? "" : sep, s);
		first = 0;
		free(s);
	}
}

static void
heading(omni_text *b, const omni_record *rec)
{
	omni_span cust = omni_record_get(rec, "customer"), sla = omni_record_get(rec, "sla");
	omni_span route = omni_record_get(rec, "route"), desk = omni_record_get(rec, "desk");
	char *id = str(omni_record_get(rec, "id")), *subject = str(omni_record_get(rec, "subject"));
	char *ch = str(omni_record_get(rec, "channel")), *store = str(omni_record_get(rec, "store"));
	char *status = str(omni_record_get(rec, "status")), *name = str(omni_json_get(cust, "name"));
	char *email = omni_desk_customer_email(cust), *assignee = omni_desk_assignee(rec);
	char created[24];
	static const char *const routed[] = { "intent", "lang", "sentiment", "priority", "queue" };

	when(omni_record_get(rec, "created_at"), created);
	put(b, "%s  %s\n", id, *subject ? subject : "(no subject)");
	put(b, "  %s%s%s, %s, since %s UTC\n", ch, *store ? " \xc2\xb7 " : "", store,
	    *status ? status : "new", created);
	if (!email)
		email = strdup("");
	put(b, "  customer  %s%s%s%s\n", name, *name && email && *email ? " <" : "",
	    email ? email : "", *name && email && *email ? ">" : "");
	put(b, "  routing  ");
	for (size_t i = 0; i < sizeof routed / sizeof routed[0]; i++) {
		char *s = str(omni_record_get(rec, routed[i]));
		if (*s)
			put(b, " %s %s", routed[i], s);
		free(s);
	}
	put(b, " assignee %s\n", assignee ? assignee : "-");
	if (sla.p) {
		char *policy = str(omni_json_get(sla, "policy"));
		char fr[24], nr[24], rd[24];
		when(omni_json_get(sla, "first_response_due"), fr);
		when(omni_json_get(sla, "next_response_due"), nr);
		when(omni_json_get(sla, "resolution_due"), rd);
		put(b, "  sla  %s%s%s%s%s%s%s", policy, *fr ? ", first response " : "", fr,
		    *nr ? ", next response " : "", nr, *rd ? ", resolution " : "", rd);
		if (omni_json_type(omni_json_at(omni_json_get(sla, "breached"), 0)) == OMNI_J_STRING) {
			put(b, ", breached ");
			list(b, omni_json_get(sla, "breached"), ", ");
		}
		put(b, "\n");
		free(policy);
	}
	if (omni_json_type(omni_json_at(omni_json_get(route, "explain"), 0)) == OMNI_J_STRING) {
		put(b, "  why  ");
		list(b, omni_json_get(route, "explain"), "; ");
		put(b, "\n");
	}
	if (omni_json_type(omni_json_at(omni_record_get(rec, "tags"), 0)) == OMNI_J_STRING ||
	    omni_json_type(omni_json_at(omni_json_get(desk, "tags"), 0)) == OMNI_J_STRING) {
		put(b, "  tags  ");
		list(b, omni_record_get(rec, "tags"), " ");
		put(b, " ");
		list(b, omni_json_get(desk, "tags"), " ");
		put(b, "\n");
	}
	if (omni_json_type(omni_json_get(desk, "snoozed_until")) == OMNI_J_STRING) {
		char until[24];
		when(omni_json_get(desk, "snoozed_until"), until);
		put(b, "  snoozed until %s UTC\n", until);
	}
	put(b, "\n");
	free(id);
	free(subject);
	free(ch);
	free(store);
	free(status);
	free(name);
	free(email);
	free(assignee);
}

static void
orders(omni_text *b, omni_span arr)
{
	omni_jiter it, jt;
	omni_span o, x;

	if (omni_json_type(omni_json_at(arr, 0)) != OMNI_J_OBJECT)
		return;
	put(b, "Orders\n");
	omni_json_iter(&it, arr);
	while (omni_json_next(&it, NULL, &o)) {
		char *num = str(omni_json_get(o, "number")), *id = str(omni_json_get(o, "id"));
		char *ch = str(omni_json_get(o, "channel")), *st = str(omni_json_get(o, "status"));
		char *total = str(omni_json_get(o, "total")), *cur = str(omni_json_get(o, "currency"));
		char placed[24];
		when(omni_json_get(o, "placed_at"), placed);
		put(b, "  %s  %s  %s  %s %s  placed %s%s\n", *num ? num : id, ch, *st ? st : "-", total,
		    cur, *placed ? placed : "-",
		    omni_json_type(omni_json_get(o, "verified")) == OMNI_J_TRUE ? "  (verified)"
		                                                             : "  (not verified)");
		omni_json_iter(&jt, omni_json_get(o, "items"));
		while (omni_json_next(&jt, NULL, &x)) {
			char *qty = str(omni_json_get(x, "qty")), *title = str(omni_json_get(x, "title"));
			char *sku = str(omni_json_get(x, "sku"));
			char *shipped = str(omni_json_get(x, "shipped"));
			put(b, "    %s x %s%s%s%s%s%s\n", *qty ? qty : "1", title, *sku ? " (" : "", sku,
			    *sku ? ")" : "", *shipped ? "  shipped " : "", shipped);
			free(shipped);
			free(qty);
			free(title);
			free(sku);
		}
		omni_json_iter(&jt, omni_json_get(o, "fulfillments"));
		while (omni_json_next(&jt, NULL, &x)) {
			char *carrier = str(omni_json_get(x, "carrier"));
			char *number = str(omni_json_get(x, "tracking_number"));
			char *fs = str(omni_json_get(x, "status")), *url = str(omni_json_get(x, "tracking_url"));
			put(b, "    tracking %s %s  %s%s%s\n", carrier, number, *fs ? fs : "-",
			    *url ? "  " : "", url);
			free(carrier);
			free(number);
			free(fs);
			free(url);
		}
		omni_json_iter(&jt, omni_json_get(o, "returns"));
		while (omni_json_next(&jt, NULL, &x)) {
			char *rid = str(omni_json_get(x, "id")), *rs = str(omni_json_get(x, "status"));
			char *reason = str(omni_json_get(x, "reason")), at[24];
			when(omni_json_get(x, "at"), at);
			put(b, "    return %s  %s  %s  %s\n", *rid ? rid : "-", *rs ? rs : "-",
			    *at ? at : "-", reason);
			free(rid);
			free(rs);
			free(reason);
		}
		omni_json_iter(&jt, omni_json_get(o, "refunds"));
		while (omni_json_next(&jt, NULL, &x)) {
			char *amount = str(omni_json_get(x, "amount")), *rc = str(omni_json_get(x, "currency"));
			char *reason = str(omni_json_get(x, "reason")), at[24];
			when(omni_json_get(x, "at"), at);
			put(b, "    refund %s %s  %s  %s\n", amount, *rc ? rc : cur, at, reason);
			free(amount);
			free(rc);
			free(reason);
		}
		free(num);
		free(id);
		free(ch);
		free(st);
		free(total);
		free(cur);
	}
	put(b, "\n");
}

static void
history(omni_text *b, omni_span arr)
{
	omni_jiter it;
	omni_span h;

	if (omni_json_type(omni_json_at(arr, 0)) != OMNI_J_OBJECT)
		return;
	put(b, "Other tickets of the customer\n");
	omni_json_iter(&it, arr);
	while (omni_json_next(&it, NULL, &h)) {
		char *id = str(omni_json_get(h, "id")), *ch = str(omni_json_get(h, "channel"));
		char *st = str(omni_json_get(h, "status")), *subj = str(omni_json_get(h, "subject"));
		char at[24];
		when(omni_json_get(h, "created_at"), at);
		put(b, "  %s  %s  %s  %s  %s\n", id, ch, *st ? st : "-", at, subj);
		free(id);
		free(ch);
		free(st);
		free(subj);
	}
	put(b, "\n");
}

char *
omni_desk_timeline(const omni_record *rec)
{
	return omni_desk_timeline_with(rec, omni_record_get(rec, "messages"));
}

char *
omni_desk_timeline_with(const omni_record *rec, omni_span msgs)
{
	omni_text b = { 0 };

	heading(&b, rec);
	timeline(&b, rec, msgs);
	orders(&b, omni_record_get(rec, "orders"));
	history(&b, omni_record_get(rec, "history"));
	omni_text_put(&b, "", 0);
	if (b.failed || !b.p) {
		free(b.p);
		return NULL;
	}
	while (b.n > 1 && b.p[b.n - 1] == '\n' && b.p[b.n - 2] == '\n')
		b.n--;
	b.p[b.n] = '\0';
	return b.p;
}
