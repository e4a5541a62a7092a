/*
 * link_erase.c - erasing a customer, and the retention period of a
 * store's tickets (omni-link(1), "Personal data").
 *
 * A ticket made anonymous keeps what the reports count (its id, times,
 * status, channel, store, intent, SLA, the direction, author and time of
 * each message, its orders' refunds and deliveries) and loses every text
 * and everything that names or reaches a person.  What is kept is a list:
 * a member this file does not name goes.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "link_int.h"

/* Keeps of object in the members names (NULL-terminated), in its order. */
static json_t *
only(const json_t *in, const char *const *names)
{
	json_t *out = json_object(), *v;
	const char *k;

	if (!json_is_object(in))
		return out;
	json_object_foreach((json_t *)in, k, v)
		for (const char *const *n = names; *n; n++)
			if (strcmp(k, *n) == 0) {
				json_object_set(out, k, v);
				break;
			}
	return out;
}

/* Each object of an array kept as only() keeps it. */
static json_t *
each(const json_t *in, const char *const *names)
{
	json_t *out = json_array(), *v;
	size_t i;

	json_array_foreach(in, i, v)
		json_array_append_new(out, only(v, names));
	return out;
}

char *
omni_link_anonymous(const char *record, size_t len, const char *at, const char *why)
{
	static const char *const top[] = { "omni", "id", "channel", "store", "kind",
		"created_at", "updated_at", "status", "solved_at", "reopens", "follows",
		"lang", "intent", "sentiment", "priority", "priority_score", "queue",
		"assignee", "tags", "sla", "earlier", NULL };
	static const char *const message[] = { "id", "channel", "direction", "author",
		"at", "no_response_needed", NULL };
	static const char *const order[] = { "channel", "store", "status",
		"financial_status", "total", "currency", "verified", NULL };
	static const char *const fulfillment[] = { "carrier", "status", "shipped_at",
		"delivered_at", "estimated_at", NULL };
	static const char *const refund[] = { "amount", "currency", "reason", "at", NULL };
	static const char *const ret[] = { "status", "at", NULL };
	static const char *const history[] = { "id", "channel", "status", "created_at", NULL };
	static const char *const reply[] = { "status", "sent_at", "template", NULL };
	static const char *const csat[] = { "score", "scale", NULL };
	static const char *const customer[] = { "id", NULL };
	json_t *in = json_loadb(record, len, 0, NULL), *out, *v;
	const char *k;
	char *text;

	if (!json_is_object(in)) {
		json_decref(in);
		return NULL;
	}
	out = json_object();
	json_object_foreach(in, k, v) {
		json_t *kept = NULL;
		if (strcmp(k, "customer") == 0)
			kept = only(v, customer);
		else if (strcmp(k, "messages") == 0)
			kept = each(v, message);
		else if (strcmp(k, "history") == 0)
			kept = each(v, history);
		else if (strcmp(k, "reply") == 0)
			kept = only(v, reply);
		else if (strcmp(k, "csat") == 0)
			kept = only(v, csat);
		else if (strcmp(k, "orders") == 0) {
			json_t *o;
			size_t i;
			kept = json_array();
			json_array_foreach(v, i, o) {
				json_t *x = only(o, order);
				json_object_set_new(x, "fulfillments",
				                    each(json_object_get(o, "fulfillments"), fulfillment));
				json_object_set_new(x, "refunds", each(json_object_get(o, "refunds"), refund));
				json_object_set_new(x, "returns", each(json_object_get(o, "returns"), ret));
				json_array_append_new(kept, x);
			}
		} else {
			for (const char *const *n = top; *n && !kept; n++)
				if (strcmp(k, *n) == 0)
					kept = json_incref(v);
		}
		if (kept)
			json_object_set_new(out, k, kept);
	}
	json_object_set_new(out, "anonymised", json_pack("{s:s, s:s}", "at", at, "why", why));
	text = json_dumps(out, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(in);
	json_decref(out);
	return text;
}

/* Runs statement which, bound to its parameters in turn (text, or an
 * int64 where the text is NULL), to its end.  0 or -1 with err. */
static int
run(omni_link *l, omni_error *err, int which, int nargs, const char *const *texts,
    const int64_t *ints)
{
	omni_stmt *st = omni_link_stmt(l, which);

	if (!st)
		return omni_store_error(l->store, err, "cannot prepare a statement"), -1;
	for (int i = 0; i < nargs; i++) {
		if (texts[i])
			omni_stmt_bind_str(st, i + 1, texts[i]);
		else
			omni_stmt_bind_int64(st, i + 1, ints ? ints[i] : 0);
	}
	return omni_link_step(l, st, err);
}

/* Ticket seq (its id given) made anonymous: its record, subject and
 * thread key, its mail ids and order keys, the keys that linked its
 * records, its sends' error texts. */
static int
anonymise_ticket(omni_link *l, int64_t seq, const char *id, const char *record,
                 size_t len, const char *at, const char *why, omni_error *err)
{
	char *anon = record ? omni_link_anonymous(record, len, at, why) : NULL;
	const char *t3[3] = { NULL, anon, at };
	int64_t i3[3] = { seq, 0, 0 };
	const char *t1[1] = { NULL };
	const char *tid[1] = { id };
	int rc = 0;

	if (record && !anon)
		return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
		                      "ticket %s: its stored record is not JSON", id), -1;
	if (run(l, err, OMNI_LS_PD_ER_TICKET, 3, t3, i3) < 0 ||
	    run(l, err, OMNI_LS_PD_ER_MSGS, 1, t1, &seq) < 0 ||
	    run(l, err, OMNI_LS_PD_ER_MSGIDS, 1, t1, &seq) < 0 ||
	    run(l, err, OMNI_LS_PD_ER_TORDERS, 1, t1, &seq) < 0 ||
	    run(l, err, OMNI_LS_PD_ER_LINKS, 1, t1, &seq) < 0 ||
	    run(l, err, OMNI_LS_PD_ER_SENDS, 1, tid, NULL) < 0)
		rc = -1;
	free(anon);
	return rc;
}

/* Member k of o, a string, or NULL. */
static const char *
str(const json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

int
omni_link_erase(omni_link *l, const char *customer, const char *by,
                omni_link_erased *done, omni_error *err)
{
	json_t *doc = omni_link_person_export(l, customer, err), *v;
	char at[40];
	size_t i;
	int rc = -1;

	memset(done, 0, sizeof *done);
	if (!doc)
		return -1;
	omni_time_format(omni_clock_now(), at);
	omni_link_cache_reset(l);
	/* Tickets first, while their seq is there to read. */
	{
		omni_stmt *st = omni_link_stmt(l, OMNI_LS_PD_TICKETS);
		struct { int64_t seq; char *id, *rec; size_t len; } *t = NULL;
		size_t n = 0;
		int step;
		omni_stmt_bind_str(st, 1, customer);
		while ((step = omni_stmt_step(st, err, "cannot read tickets")) == OMNI_STMT_ROW) {
			void *nt = realloc(t, (n + 1) * sizeof *t);
			if (!nt)
				break;
			t = nt;
			t[n].seq = omni_stmt_int64(st, 1);
			t[n].id = strdup(omni_stmt_text(st, 0));
			t[n].len = omni_stmt_bytes(st, 2);
			t[n].rec = omni_stmt_text(st, 2) ? strndup(omni_stmt_text(st, 2), t[n].len) : NULL;
			n++;
		}
		omni_stmt_reset(st);
		rc = step == OMNI_STMT_DONE ? 0 : step < 0 ? -1 : (omni_error_oom(err), -1);
		for (i = 0; i < n && rc == 0; i++)
			rc = t[i].id ? anonymise_ticket(l, t[i].seq, t[i].id, t[i].rec, t[i].len,
			                                 at, "erasure", err) : (omni_error_oom(err), -1);
		for (i = 0; i < n; i++) {
			free(t[i].id);
			free(t[i].rec);
		}
		free(t);
		done->tickets = (long)n;
		if (rc < 0)
			goto out;
		rc = -1;
	}
	{
		/* Orders by their rowid: read again, the document leaves it out. */
		omni_stmt *st = omni_link_stmt(l, OMNI_LS_PD_ORDERS);
		int64_t *ids = NULL;
		size_t n = 0;
		int step;
		omni_stmt_bind_str(st, 1, customer);
		while ((step = omni_stmt_step(st, err, "cannot read orders")) == OMNI_STMT_ROW) {
			int64_t *ni = realloc(ids, (n + 1) * sizeof *ids);
			if (!ni)
				break;
			ids = ni;
			ids[n++] = omni_stmt_int64(st, 0);
		}
		omni_stmt_reset(st);
		int r = step == OMNI_STMT_DONE ? 0 : step < 0 ? -1 : (omni_error_oom(err), -1);
		const char *t1[1] = { NULL };
		for (i = 0; i < n && r == 0; i++)
			r = run(l, err, OMNI_LS_PD_ER_ORDER, 1, t1, &ids[i]);
		free(ids);
		done->orders = (long)n;
		if (r < 0)
			goto out;
	}
	json_array_foreach(json_object_get(doc, "accounts"), i, v) {
		const char *t3[3] = { str(v, "channel"), str(v, "store"), str(v, "ref") };
		if (!t3[0] || !t3[1] || !t3[2])
			continue;
		if (run(l, err, OMNI_LS_PD_ER_ACCOUNT, 3, t3, NULL) < 0)
			goto out;
		done->accounts++;
	}
	json_array_foreach(json_object_get(doc, "handoff"), i, v) {
		const char *t2[2] = { str(v, "stage"), str(v, "key") };
		if (run(l, err, OMNI_LS_PD_ER_HANDOFF, 2, t2, NULL) < 0)
			goto out;
		done->handoff++;
	}
	done->keys = (long)json_array_size(json_object_get(doc, "keys"));
	done->sends = (long)json_array_size(json_object_get(doc, "sends"));
	{
		const char *t2[2] = { customer, at };
		const char *t7[7] = { customer, at, by, NULL, NULL, NULL, NULL };
		int64_t i7[7] = { 0, 0, 0, done->tickets, done->keys, done->orders, done->sends };
		if (run(l, err, OMNI_LS_PD_ER_KEYS, 1, t2, NULL) < 0 ||
		    run(l, err, OMNI_LS_PD_ER_CUSTOMER, 2, t2, NULL) < 0 ||
		    run(l, err, OMNI_LS_PD_ER_LOG, 7, t7, i7) < 0)
			goto out;
	}
	/* The mails set aside that hold her address. */
	json_array_foreach(json_object_get(doc, "quarantine"), i, v) {
		const char *path = json_string_value(v);
		if (!path)
			continue;
		if (unlink(path) < 0 && errno != ENOENT) {
			omni_error_set(err, OMNI_EX_IOERR, path, 0, 0, "cannot remove: %s",
			               strerror(errno));
			goto out;
		}
		done->quarantine++;
	}
	omni_link_cache_reset(l);
	rc = 0;
out:
	json_decref(doc);
	return rc;
}

/* "90d", "26w", "2y", "0": ms (0 never), or -1. */
static omni_time
retention_of(const char *s)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || v < 0 || (*end && end[1]))
		return -1;
	switch (*end) {
	case 'd': return v * 86400000LL;
	case 'w': return v * 7 * 86400000LL;
	case 'y': return v * 365 * 86400000LL;
	case '\0': return v == 0 ? 0 : -1;
	default: return -1;
	}
}

int
omni_link_retention(omni_link *l, long *count, omni_error *err)
{
	const omni_config *c = l->o.config;
	char at[40];

	*count = 0;
	omni_time_format(omni_clock_now(), at);
	for (size_t s = 0; c && s < c->nsections; s++) {
		const omni_conf_section *sec = &c->sections[s];
		const char *keep;
		omni_time t;
		char before[40];
		if (strcmp(sec->type, "store") != 0 || !(keep = omni_conf_get(sec, "retention")))
			continue;
		if ((t = retention_of(keep)) < 0)
			return omni_error_set(err, OMNI_EX_CONFIG, c->path, 0, 0,
			                      "[store %s] bad retention: %s (days, weeks or years: "
			                      "90d, 26w, 2y; 0 keeps all)", sec->name, keep), -1;
		if (!t)
			continue;
		omni_time_format(omni_clock_now() - t, before);
		for (;;) {
			/* A batch at a time: the statement is not stepped while
			 * its rows are rewritten. */
			omni_stmt *st = omni_link_stmt(l, OMNI_LS_PD_RET_DUE);
			struct { int64_t seq; char *id, *rec; size_t len; } v[64];
			size_t n = 0;
			int step, rc = 0;
			omni_stmt_bind_str(st, 1, sec->name);
			omni_stmt_bind_str(st, 2, before);
			while (n < 64 && (step = omni_stmt_step(st, err, "cannot read tickets")) == OMNI_STMT_ROW) {
				v[n].seq = omni_stmt_int64(st, 0);
				v[n].id = strdup(omni_stmt_text(st, 1));
				v[n].len = omni_stmt_bytes(st, 2);
				v[n].rec = omni_stmt_text(st, 2) ? strndup(omni_stmt_text(st, 2), v[n].len) : NULL;
				n++;
			}
			omni_stmt_reset(st);
			if (n < 64 && step < 0)
				return -1;
			for (size_t i = 0; i < n; i++) {
				if (rc == 0)
					rc = v[i].id ? anonymise_ticket(l, v[i].seq, v[i].id, v[i].rec, v[i].len,
					                                at, "retention", err) : (omni_error_oom(err), -1);
				free(v[i].id);
				free(v[i].rec);
			}
			if (rc < 0)
				return -1;
			*count += (long)n;
			if (n < 64)
				break;
		}
	}
	return 0;
}
