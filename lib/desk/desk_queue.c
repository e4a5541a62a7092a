/*
 * desk_queue.c - the tickets waiting for an answer, most urgent first:
 * breached, then by the SLA clock that runs (the first response's for a
 * new ticket, the next response's for an open one), then the oldest.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "desk/desk.h"

static omni_time
time_of(omni_span v)
{
	char buf[64];
	omni_time t;

	if (omni_json_string_buf(v, buf, sizeof buf) <= 0 || omni_time_parse(buf, &t) < 0)
		return OMNI_TIME_NONE;
	return t;
}

char *
omni_desk_assignee(const omni_record *rec)
{
	omni_span desk = omni_record_get(rec, "desk"), a = omni_json_get(desk, "assignee");

	if (omni_json_type(a) != OMNI_J_STRING)
		a = omni_record_get(rec, "assignee");
	return omni_json_type(a) == OMNI_J_STRING ? omni_json_string(a, NULL) : NULL;
}

char *
omni_desk_customer_email(omni_span customer)
{
	omni_span e = omni_json_get(customer, "email");

	if (omni_json_type(e) != OMNI_J_STRING)
		e = omni_json_at(omni_json_get(customer, "emails"), 0);
	return omni_json_type(e) == OMNI_J_STRING ? omni_json_string(e, NULL) : NULL;
}

static int
in_array(omni_span arr, const char *s)
{
	omni_jiter it;
	omni_span v;

	omni_json_iter(&it, arr);
	while (omni_json_next(&it, NULL, &v))
		if (omni_json_string_eq(v, s))
			return 1;
	return 0;
}

int
omni_desk_has_tag(const omni_record *rec, const char *tag)
{
	return in_array(omni_record_get(rec, "tags"), tag) ||
	       in_array(omni_json_get(omni_record_get(rec, "desk"), "tags"), tag);
}

static int
is(const omni_record *rec, const char *key, const char *want)
{
	return !want || omni_json_string_eq(omni_record_get(rec, key), want);
}

static int
waiting(const omni_record *rec, omni_time now)
{
	omni_span st = omni_record_get(rec, "status");
	omni_time until = time_of(omni_json_get(omni_record_get(rec, "desk"), "snoozed_until"));

	if (st.p && !omni_json_string_eq(st, "new") && !omni_json_string_eq(st, "open"))
		return 0;
	return until == OMNI_TIME_NONE || until <= now;
}

static int
passes(const omni_record *rec, const omni_desk_filter *f)
{
	if (!is(rec, "queue", f->queue) || !is(rec, "channel", f->channel) ||
	    !is(rec, "store", f->store) || !is(rec, "priority", f->priority))
		return 0;
	if (f->tag && !omni_desk_has_tag(rec, f->tag))
		return 0;
	if (f->assignee) {
		char *a = omni_desk_assignee(rec);
		int ok = a ? strcmp(a, f->assignee) == 0 : !*f->assignee;
		free(a);
		return ok;
	}
	return 1;
}

static int
by_urgency(const void *pa, const void *pb)
{
	const omni_desk_row *a = pa, *b = pb;

	if (a->breached != b->breached)
		return b->breached - a->breached;
	if (a->due != b->due) {
		if (a->due == OMNI_TIME_NONE || b->due == OMNI_TIME_NONE)
			return a->due == OMNI_TIME_NONE ? 1 : -1;
		return a->due < b->due ? -1 : 1;
	}
	if (a->created != b->created)
		return a->created < b->created ? -1 : 1;
	return strcmp(a->t->id, b->t->id);
}

omni_desk_row *
omni_desk_queue(omni_desk_set *s, const omni_desk_filter *f, omni_time now, size_t *n,
                omni_error *err)
{
	omni_desk_row *rows = NULL;
	size_t k = 0;

	*n = 0;
	if (s->n && !(rows = calloc(s->n, sizeof *rows))) {
		omni_error_oom(err);
		return NULL;
	}
	for (size_t i = 0; i < s->n; i++) {
		const omni_record *rec = &s->v[i]->rec;
		if (s->v[i]->gone || !waiting(rec, now) || !passes(rec, f))
			continue;
		omni_span sla = omni_record_get(rec, "sla");
		omni_time due = OMNI_TIME_NONE;
		if (omni_json_string_eq(omni_record_get(rec, "status"), "open"))
			due = time_of(omni_json_get(sla, "next_response_due"));
		if (due == OMNI_TIME_NONE)
			due = time_of(omni_json_get(sla, "first_response_due"));
		rows[k].t = s->v[i];
		rows[k].due = due;
		rows[k].created = time_of(omni_record_get(rec, "created_at"));
		rows[k].breached = (due != OMNI_TIME_NONE && due <= now) ||
		                   omni_json_type(omni_json_at(omni_json_get(sla, "breached"), 0)) ==
		                   OMNI_J_STRING;
		k++;
	}
	if (k > 1)
		qsort(rows, k, sizeof *rows, by_urgency);
	if (!k) {
		free(rows);
		rows = NULL;
	}
	*n = k;
	return rows;
}

/* "3d", "5h", "12m", "now": how long, roughly. */
static void
span_text(omni_time ms, char *buf, size_t size)
{
	long long m = (long long)(ms < 0 ? -ms : ms) / 60000;

	if (m < 1)
		snprintf(buf, size, "now");
	else if (m < 60)
		snprintf(buf, size, "%lldm", m);
	else if (m < 48 * 60)
		snprintf(buf, size, "%lldh", m / 60);
	else
		snprintf(buf, size, "%lldd", m / 1440);
}

/* Appends at most cols columns of s (UTF-8: a column a character), control
 * characters as spaces. */
static size_t
put_cols(char *out, size_t room, const char *s, int cols)
{
	size_t n = 0;

	for (; s && *s && cols > 0; cols--) {
		size_t len = 1;
		unsigned char c = (unsigned char)*s;
		if (c >= 0xc0)
			while ((s[len] & 0xc0) == 0x80)
				len++;
		if (n + len + 1 > room)
			break;
		if (c < 0x20 || c == 0x7f)
			out[n] = ' ';
		else
			memcpy(out + n, s, len);
		n += c < 0x20 || c == 0x7f ? 1 : len;
		s += len;
	}
	out[n] = '\0';
	return n;
}

char *
omni_desk_line(const omni_desk_row *r, omni_time now, int width)
{
	const omni_record *rec = &r->t->rec;
	omni_span cust = omni_record_get(rec, "customer");
	char *name = omni_json_string(omni_json_get(cust, "name"), NULL);
	char *email = name ? NULL : omni_desk_customer_email(cust);
	char *subject = omni_json_string(omni_record_get(rec, "subject"), NULL);
	char *channel = omni_json_string(omni_record_get(rec, "channel"), NULL);
	char due[16] = "-", age[16] = "-", head[256], *line = NULL;
	omni_time created = time_of(omni_record_get(rec, "created_at"));
	int rest;

	if (r->due != OMNI_TIME_NONE) {
		span_text(r->due - now, due, sizeof due);
		if (r->breached && strlen(due) + 2 < sizeof due) {
			memmove(due + 1, due, strlen(due) + 1);
			due[0] = '!';
		}
	}
	if (created != OMNI_TIME_NONE)
		span_text(now - created, age, sizeof age);
	snprintf(head, sizeof head, "%-*.*s %-5s %-5s %-9.9s ", 19, 19, r->t->id, due, age,
	         channel ? channel : "-");
	rest = width - (int)strlen(head);
	if (rest < 20)
		rest = 20;
	size_t room = strlen(head) + (size_t)rest * 4 + 8;
	if ((line = malloc(room))) {
		size_t n = strlen(head), w;
		memcpy(line, head, n + 1);
		w = put_cols(line + n, room - n, name ? name : email ? email : "-", rest < 60 ? 16 : 22);
		/* pad the customer to its column */
		int cols = 0;
		for (size_t i = 0; i < w; i++)
			cols += (line[n + i] & 0xc0) != 0x80;
		for (int want = rest < 60 ? 16 : 22; cols < want && n + w + 1 < room; cols++)
			line[n + w++] = ' ';
		line[n + w] = '\0';
		n += w;
		if (n + 1 < room) {
			line[n++] = ' ';
			line[n] = '\0';
		}
		put_cols(line + n, room - n, subject ? subject : "(no subject)",
		         rest - (rest < 60 ? 17 : 23));
	}
	free(name);
	free(email);
	free(subject);
	free(channel);
	return line;
}
