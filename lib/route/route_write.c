/* route_write.c - writing a routed ticket: the record as it came with
 * omni-route's members set.  A record that has none of them yet (the
 * common case) is written as its own text with the members appended, for
 * less than the edit costs. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "record/record.h"
#include "rules/rules.h"
#include "route/route.h"

struct omni_route_writer {
	omni_out *out;
	omni_edit *edit;
	int fast;                  /* none of our members in the record: append */
	char *buf;                 /* the value being built; when fast, the tail */
	size_t len, cap;
};

omni_route_writer *
omni_route_writer_new(omni_out *out)
{
	omni_route_writer *w = calloc(1, sizeof *w);

	if (!w || !(w->edit = omni_edit_new())) {
		free(w);
		return NULL;
	}
	w->out = out;
	return w;
}

void
omni_route_writer_free(omni_route_writer *w)
{
	if (!w)
		return;
	omni_edit_free(w->edit);
	free(w->buf);
	free(w);
}

static void
put(omni_route_writer *r, const char *s, size_t n)
{
	if (r->len + n + 1 > r->cap) {
		size_t cap = (r->len + n + 1) * 2;
		char *b = realloc(r->buf, cap);
		if (!b)
			abort();      /* a few hundred bytes: no memory is no way on */
		r->buf = b;
		r->cap = cap;
	}
	memcpy(r->buf + r->len, s, n);
	r->len += n;
}

/* A string literal, its length known at compile time. */
#define put_lit(r, s) put(r, s, sizeof s - 1)

static void
put_str(omni_route_writer *r, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const char *run;

	if (!s) {
		put_lit(r, "null");
		return;
	}
	put(r, "\"", 1);
	for (run = s; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		put(r, run, (size_t)(s - run));
		if (c == '"' || c == '\\') {
			char e[2] = { '\\', (char)c };
			put(r, e, 2);
		} else {
			char e[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
			put(r, e, 6);
		}
		run = s + 1;
	}
	put(r, run, (size_t)(s - run));
	put(r, "\"", 1);
}

static void
digits(char *p, int v, int n)
{
	while (n-- > 0) {
		p[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

/* "2026-11-26T12:00:00Z" (".123" with milliseconds), as omni_time_format
 * writes it, without printf: a million tickets write three each. */
static void
put_time(omni_route_writer *r, omni_time t)
{
	char b[32] = "0000-00-00T00:00:00.000Z";
	int64_t secs = t >= 0 ? t / 1000 : (t - 999) / 1000;
	int ms = (int)(t - secs * 1000), y, m, d;
	int64_t days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
	int sod = (int)(secs - days * 86400);

	if (!t) {
		put_lit(r, "null");
		return;
	}
	if (days < -700000 || days > 2900000) {     /* outside years 0-9999 */
		char f[40];
		put_str(r, omni_time_format(t, f));
		return;
	}
	omni_date_from_days(days, &y, &m, &d);
	digits(b, y, 4);
	digits(b + 5, m, 2);
	digits(b + 8, d, 2);
	digits(b + 11, sod / 3600, 2);
	digits(b + 14, sod / 60 % 60, 2);
	digits(b + 17, sod % 60, 2);
	if (ms) {
		digits(b + 20, ms, 3);
	} else {
		b[19] = 'Z';
		b[20] = 0;
	}
	put(r, "\"", 1);
	put(r, b, strlen(b));
	put(r, "\"", 1);
}

/* A confidence, 0 to 1, to three decimals: "0.873", "1", "0". */
static void
put_confidence(omni_route_writer *r, double c)
{
	long v = lrint(c * 1000);
	char b[8] = "0.000";

	if (v >= 1000 || v <= 0) {
		put(r, v > 0 ? "1" : "0", 1);
		return;
	}
	b[2] = (char)('0' + v / 100);
	b[3] = (char)('0' + v / 10 % 10);
	b[4] = (char)('0' + v % 10);
	put(r, b, 5);
}

#define OWN(s) { s, sizeof s - 1 }
static const struct { const char *name; size_t len; } owned[] = {
	OWN("lang"), OWN("intent"), OWN("intent_confidence"), OWN("sentiment"), OWN("latest"),
	OWN("priority"),
	OWN("priority_score"), OWN("queue"), OWN("assignee"), OWN("tags"),
	OWN("sla"), OWN("route"),
};

/* A compact line of one object with members, none of them ours? */
static int
can_append(const omni_record *rec)
{
	const char *t = rec->text;
	size_t n = rec->len;

	while (n && (t[n - 1] == ' ' || t[n - 1] == '\t' || t[n - 1] == '\r'))
		n--;
	if (!rec->nmembers || n < 2 || t[0] != '{' || t[n - 1] != '}' ||
	    rec->members[rec->nmembers - 1].value.p + rec->members[rec->nmembers - 1].value.n != t + n - 1)
		return 0;
	for (size_t i = 0; i < rec->nmembers; i++) {
		omni_span k = rec->members[i].key;
		for (size_t j = 0; j < sizeof owned / sizeof *owned; j++)
			if (owned[j].len == k.n && memcmp(owned[j].name, k.p, k.n) == 0)
				return 0;
		if (memchr(k.p, '\\', k.n))
			return 0;
	}
	return 1;
}

/* Decimal digits of v into b (16 bytes): their count.  No printf for a
 * number a ticket. */
static size_t
int_text(char *b, int v)
{
	char t[16];
	size_t n = 0, k = 0;
	unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;

	do
		t[n++] = (char)('0' + u % 10);
	while ((u /= 10) && n < sizeof t);
	if (v < 0)
		b[k++] = '-';
	while (n && k < 15)
		b[k++] = t[--n];
	return k;
}

/* A member begins: when appending, its key goes straight into the tail. */
static void
begin(omni_route_writer *r, const char *key, size_t klen)
{
	if (r->fast) {
		put_lit(r, ",\"");
		put(r, key, klen);
		put_lit(r, "\":");
	}
}

/* ... and ends: in the edit otherwise. */
static void
end(omni_route_writer *r, const char *key)
{
	if (!r->fast) {
		omni_edit_set_raw(r->edit, key, r->buf, r->len);
		r->len = 0;
	}
}

#define BEGIN(r, key) begin(r, key, sizeof key - 1)

static void
set_str(omni_route_writer *r, const char *key, size_t klen, const char *s)
{
	begin(r, key, klen);
	put_str(r, s);
	end(r, key);
}

#define SET_STR(r, key, s) set_str(r, key, sizeof key - 1, s)

static void
write_sla(omni_route_writer *r, const char *policy, const omni_sla *s)
{
	static const char *const names[] = { "first_response", "next_response", "resolution" };
	static const char *const dues[] = {
		",\"first_response_due\":", ",\"next_response_due\":", ",\"resolution_due\":",
	};
	int any = 0;

	BEGIN(r, "sla");
	if (!policy || !s) {
		put_lit(r, "null");
		end(r, "sla");
		return;
	}
	put_lit(r, "{\"policy\":");
	put_str(r, policy);
	for (int i = 0; i < 3; i++) {
		put(r, dues[i], strlen(dues[i]));
		put_time(r, s->due[i]);
	}
	put_lit(r, ",\"breached\":[");
	for (int i = 0; i < 3; i++)
		if (s->breached[i]) {
			if (any++)
				put_lit(r, ",");
			put_str(r, names[i]);
		}
	if (s->paused)
		put_lit(r, "],\"paused\":true}");
	else
		put_lit(r, "]}");
	end(r, "sla");
}

/* The latest request on its own: null when the customer has written
 * nothing since the last reply. */
static void
write_latest(omni_route_writer *r, const omni_route *rt)
{
	char num[16];

	BEGIN(r, "latest");
	if (!rt->nlatest) {
		put_lit(r, "null");
		end(r, "latest");
		return;
	}
	put_lit(r, "{\"lang\":");
	put_str(r, rt->latest.lang);
	put_lit(r, ",\"intent\":");
	put_str(r, rt->latest.intent);
	put_lit(r, ",\"sentiment\":");
	put_str(r, rt->latest.sentiment);
	put_lit(r, ",\"messages\":");
	put(r, num, int_text(num, (int)rt->nlatest));
	if (rt->latest.person)
		put_lit(r, ",\"person\":true");
	put_lit(r, "}");
	end(r, "latest");
}

static void
write_route(omni_route_writer *r, const omni_route *rt)
{
	BEGIN(r, "route");
	put_lit(r, "{\"rules\":[");
	for (size_t i = 0; i < rt->nmatched; i++) {
		if (i)
			put_lit(r, ",");
		put_str(r, rt->matched[i]->name);
	}
	put_lit(r, "]");
	if (rt->explain) {
		put_lit(r, ",\"explain\":[");
		if (rt->intent_why)
			put_str(r, rt->intent_why);
		for (size_t i = 0; i < rt->nmatched; i++) {
			if (i || rt->intent_why)
				put_lit(r, ",");
			put_str(r, rt->why[i]);
		}
		put_lit(r, "]");
	}
	put_lit(r, "}");
	end(r, "route");
}

int
omni_route_write(omni_route_writer *r, const omni_route *rt, const char *policy,
                 const omni_sla *sla)
{
	const omni_record *rec = rt->rec;
	char num[16];

	r->fast = can_append(rec);
	r->len = 0;
	if (!r->fast)
		omni_edit_reset(r->edit);
	SET_STR(r, "lang", rt->lang);
	SET_STR(r, "intent", rt->intent);
	BEGIN(r, "intent_confidence");
	put_confidence(r, rt->intent_confidence);
	end(r, "intent_confidence");
	SET_STR(r, "sentiment", rt->sentiment);
	write_latest(r, rt);
	SET_STR(r, "priority", rt->priority);
	BEGIN(r, "priority_score");
	put(r, num, int_text(num, rt->score));
	end(r, "priority_score");
	SET_STR(r, "queue", rt->queue);
	SET_STR(r, "assignee", rt->assignee);
	BEGIN(r, "tags");
	put_lit(r, "[");
	for (size_t i = 0; i < rt->ntags; i++) {
		if (i)
			put_lit(r, ",");
		put_str(r, rt->tags[i]);
	}
	put_lit(r, "]");
	end(r, "tags");
	write_sla(r, policy, sla);
	write_route(r, rt);
	if (r->fast) {
		const char *e = rec->members[rec->nmembers - 1].value.p +
		                rec->members[rec->nmembers - 1].value.n;
		put_lit(r, "}\n");
		if (omni_out_write(r->out, rec->text, (size_t)(e - rec->text)) < 0 ||
		    omni_out_write(r->out, r->buf, r->len) < 0)
			return -1;
		return 0;
	}
	return omni_record_write(r->out, rec, r->edit) < 0 ? -1 : 0;
}
