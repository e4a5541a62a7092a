/*
 * link_build.c - the merged ticket as one line of text.
 *
 * The messages of the stored conversation and of the new record are
 * copied as raw spans (never decoded and re-printed): de-duplicated by
 * message id, put in time order, each given the channel and source of the
 * record it came from when it lacks them.  The other members of the new
 * record pass through byte for byte; the ones omni-link owns are replaced
 * in place or appended.
 */
#include <stdlib.h>
#include <string.h>

#include "link_int.h"

typedef struct buf {
	char *p;
	size_t n, cap;
	int failed;
} buf;

static void
put(buf *b, const char *s, size_t n)
{
	if (b->failed)
		return;
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		char *p;
		while (cap < b->n + n + 1)
			cap *= 2;
		if (!(p = realloc(b->p, cap))) {
			b->failed = 1;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void
puts_(buf *b, const char *s)
{
	put(b, s, strlen(s));
}

typedef struct msg msg;
static void put_message(buf *b, const msg *m);

struct msg {
	omni_span span, channel, source;   /* channel/source of its record */
	int own_channel, own_source;       /* the message has its own */
	omni_time at;
	size_t order;
	int input, drop;                   /* from the new record; left out */
	char id[256];
	char digest[80];          /* "ebay:<hex>", or empty */
};

static int
by_id(const void *a, const void *b)
{
	const msg *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	if (c)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int
by_digest(const void *a, const void *b)
{
	const msg *x = a, *y = b;
	int c = strcmp(x->digest, y->digest);

	if (c)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int
by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Is id among the new record's messages the store had already (known is
 * sorted)? */
static int
known(const omni_link_parts *p, const char *id)
{
	return id[0] && p->nknown &&
	       bsearch(&id, p->known, p->nknown, sizeof *p->known, by_text) != NULL;
}

/* Keeps the first of the messages of one id or of one digest (one message
 * read on two paths), a stored one before the new record's, and drops the
 * new record's messages the store had already and its shown ones lack (a
 * long ticket counted them in "earlier").  Sorting keeps this n log n for
 * a record of any size.  The new count. */
static size_t
dedup(msg *v, size_t n, const omni_link_parts *p)
{
	size_t k = 0;

	if (n > 1)
		qsort(v, n, sizeof *v, by_id);
	for (size_t i = 1; i < n; i++)
		if (v[i].id[0] && strcmp(v[i].id, v[i - 1].id) == 0)
			v[i].drop = 1;
	int digests = 0;
	for (size_t i = 0; i < n && !digests; i++)
		digests = v[i].digest[0] != '\0';
	if (digests)
		qsort(v, n, sizeof *v, by_digest);
	for (size_t i = 1; digests && i < n; i++)
		if (v[i].digest[0] && strcmp(v[i].digest, v[i - 1].digest) == 0)
			v[i].drop = 1;
	for (size_t i = 0; i < n; i++) {
		if (v[i].drop || (v[i].input && known(p, v[i].id)))
			continue;
		v[k++] = v[i];
	}
	return k;
}

/* Folds the messages v[0..n) into e: counted, the first customer
 * message and the first reply at or after it (and the first by a
 * person). */
static void
fold(omni_earlier *e, const msg *v, size_t n)
{
	omni_span at;

	for (size_t i = 0; i < n; i++) {
		int c = omni_message_class(v[i].span, &at);
		e->messages++;
		if (c == OMNI_MSG_CUSTOMER) {
			e->customer++;
			if (v[i].at && (e->first_customer == OMNI_TIME_NONE || v[i].at < e->first_customer))
				e->first_customer = v[i].at;
		} else if (c == OMNI_MSG_REPLY) {
			e->replies++;
		}
	}
	if (e->first_customer == OMNI_TIME_NONE)
		return;
	for (size_t i = 0; i < n; i++) {
		if (!v[i].at || v[i].at < e->first_customer ||
		    omni_message_class(v[i].span, NULL) != OMNI_MSG_REPLY)
			continue;
		if (e->first_reply == OMNI_TIME_NONE || v[i].at < e->first_reply)
			e->first_reply = v[i].at;
		if ((e->first_agent == OMNI_TIME_NONE || v[i].at < e->first_agent) &&
		    omni_json_string_eq(omni_json_get(v[i].span, "author"), "agent"))
			e->first_agent = v[i].at;
	}
}

void
omni_link_moved_free(omni_link_parts *p)
{
	for (size_t i = 0; i < p->nmoved; i++)
		free(p->moved[i].id);
	free(p->moved);
	free(p->moved_text);
	p->moved = NULL;
	p->moved_text = NULL;
	p->nmoved = 0;
}

/* The messages v[0..n) leave the record: their ids and texts, as the
 * record had them, for their rows.  0 or -1 (out of memory). */
static int
moved(omni_link_parts *p, const msg *v, size_t n)
{
	buf t = { 0 };

	omni_link_moved_free(p);
	if (!(p->moved = calloc(n ? n : 1, sizeof *p->moved)))
		return -1;
	for (size_t i = 0; i < n; i++) {
		char *id = omni_json_string(omni_json_get(v[i].span, "id"), NULL);
		size_t off = t.n;
		if (!id || !*id) {
			free(id);
			continue;
		}
		put_message(&t, &v[i]);
		p->moved[p->nmoved++] = (omni_link_moved){ id, off, t.n - off };
	}
	p->moved_text = t.p;
	return t.failed ? -1 : 0;
}

/* Adds what a stored record's "earlier" says to e. */
static void
add_earlier(omni_earlier *e, const omni_record *r)
{
	omni_earlier x;

	if (omni_earlier_read(omni_record_get(r, "earlier"), &x) < 0 || !x.messages)
		return;
	e->messages += x.messages;
	e->customer += x.customer;
	e->replies += x.replies;
	if (x.first_customer != OMNI_TIME_NONE &&
	    (e->first_customer == OMNI_TIME_NONE || x.first_customer < e->first_customer))
		e->first_customer = x.first_customer;
	if (x.first_reply != OMNI_TIME_NONE &&
	    (e->first_reply == OMNI_TIME_NONE || x.first_reply < e->first_reply))
		e->first_reply = x.first_reply;
	if (x.first_agent != OMNI_TIME_NONE &&
	    (e->first_agent == OMNI_TIME_NONE || x.first_agent < e->first_agent))
		e->first_agent = x.first_agent;
	/* a reply before the first customer message answers nothing */
	if (e->first_reply != OMNI_TIME_NONE && e->first_customer != OMNI_TIME_NONE &&
	    e->first_reply < e->first_customer)
		e->first_reply = OMNI_TIME_NONE;
	if (e->first_agent != OMNI_TIME_NONE && e->first_customer != OMNI_TIME_NONE &&
	    e->first_agent < e->first_customer)
		e->first_agent = OMNI_TIME_NONE;
}

/* The "earlier" member: compact JSON into out (size 320). */
static void
earlier_json(const omni_earlier *e, char *out, size_t size)
{
	char fc[48] = "null", fr[48] = "null", fa[48] = "null", t[40];

	if (e->first_customer != OMNI_TIME_NONE) {
		omni_time_format(e->first_customer, t);
		snprintf(fc, sizeof fc, "\"%s\"", t);
	}
	if (e->first_reply != OMNI_TIME_NONE) {
		omni_time_format(e->first_reply, t);
		snprintf(fr, sizeof fr, "\"%s\"", t);
	}
	if (e->first_agent != OMNI_TIME_NONE) {
		omni_time_format(e->first_agent, t);
		snprintf(fa, sizeof fa, "\"%s\"", t);
	}
	snprintf(out, size, "{\"messages\":%lld,\"customer\":%lld,\"replies\":%lld,"
	         "\"first_customer_at\":%s,\"first_reply_at\":%s,\"first_agent_reply_at\":%s}",
	         (long long)e->messages, (long long)e->customer, (long long)e->replies, fc, fr, fa);
}

static int
by_time(const void *a, const void *b)
{
	const msg *x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Appends the messages of one record (dedup leaves out those seen twice). */
static int
gather(msg **v, size_t *n, size_t *cap, omni_span msgs, omni_span ch, omni_span src,
       int input)
{
	omni_jiter it;
	omni_span m;
	char at[64];

	omni_json_iter(&it, msgs);
	while (omni_json_next(&it, NULL, &m)) {
		msg x = { .span = m, .channel = ch, .source = src, .order = *n, .input = input };
		static const char *const keys[] = { "id", "at", "digest", "channel", "source" };
		omni_span f[5];
		if (omni_json_type(m) != OMNI_J_OBJECT)
			continue;
		omni_json_get_all(m, keys, f, 5);
		if (omni_json_string_buf(f[0], x.id, sizeof x.id) < 0)
			x.id[0] = '\0';
		if (omni_json_string_buf(f[1], at, sizeof at) < 0 ||
		    omni_time_parse(at, &x.at) < 0)
			x.at = 0;
		if (omni_json_string_buf(f[2], x.digest, sizeof x.digest) < 0)
			x.digest[0] = '\0';
		x.own_channel = f[3].p != NULL;
		x.own_source = f[4].p != NULL;
		if (*n == *cap) {
			size_t c = *cap ? *cap * 2 : 16;
			msg *nv = realloc(*v, c * sizeof *nv);
			if (!nv)
				return -1;
			*v = nv;
			*cap = c;
		}
		(*v)[(*n)++] = x;
	}
	return 0;
}

/* One message, with channel and source added when it has none. */
static void
put_message(buf *b, const msg *m)
{
	int need_ch = !m->own_channel && m->channel.p;
	int need_src = !m->own_source && m->source.p &&
	               omni_json_type(m->source) == OMNI_J_OBJECT;
	const char *body = m->span.p + 1;     /* after '{' */
	size_t rest = m->span.n - 1;

	if (!need_ch && !need_src) {
		put(b, m->span.p, m->span.n);
		return;
	}
	puts_(b, "{");
	if (need_ch) {
		puts_(b, "\"channel\":");
		put(b, m->channel.p, m->channel.n);
	}
	if (need_src) {
		puts_(b, need_ch ? ",\"source\":" : "\"source\":");
		put(b, m->source.p, m->source.n);
	}
	/* The original members follow, unless the object was empty. */
	const char *q = body;
	while (q < body + rest && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r'))
		q++;
	if (*q != '}')
		puts_(b, ",");
	put(b, body, rest);
}

/* The members omni-link owns, and whether each was written yet. */
typedef struct owned {
	const char *key;
	const char *json;        /* compact text; NULL: leave the input's; "": none */
	int done;
} owned;

static void
put_member(buf *b, int *first, const char *key, size_t keylen, const char *v,
           size_t vn)
{
	puts_(b, *first ? "\"" : ",\"");
	put(b, key, keylen);
	puts_(b, "\":");
	put(b, v, vn);
	*first = 0;
}

char *
omni_link_build(const omni_record *in, const omni_record *const *stored,
                size_t nstored, omni_link_parts *parts, size_t *len)
{
	buf b = { 0 }, mb = { 0 };
	msg *v = NULL;
	size_t n = 0, cap = 0;
	char created[48] = "", updated[48] = "", earlier[320] = "";
	int first = 1;
	size_t from = 0;
	omni_earlier e = { 0, 0, 0, OMNI_TIME_NONE, OMNI_TIME_NONE, OMNI_TIME_NONE };

	for (size_t i = 0; i < nstored && !parts->messages_json; i++) {
		if (gather(&v, &n, &cap, omni_record_get(stored[i], "messages"),
		           omni_record_get(stored[i], "channel"),
		           omni_record_get(stored[i], "source"), 0) < 0)
			goto fail;
		add_earlier(&e, stored[i]);
	}
	if (!parts->messages_json && gather(&v, &n, &cap, omni_record_get(in, "messages"),
	                                    omni_record_get(in, "channel"),
	                                    omni_record_get(in, "source"), 1) < 0)
		goto fail;
	/* given messages (a split): written as they are, the latest keep */
	if (parts->messages_json &&
	    gather(&v, &n, &cap, (omni_span){ parts->messages_json, strlen(parts->messages_json) },
	           (omni_span){ 0 }, (omni_span){ 0 }, 0) < 0)
		goto fail;
	n = dedup(v, n, parts);
	if (n > 1)
		qsort(v, n, sizeof *v, by_time);
	if (parts->keep && n > parts->keep) {
		from = n - parts->keep;
		fold(&e, v, from);
		if (moved(parts, v, from) < 0)
			goto fail;
	}
	if (e.messages)
		earlier_json(&e, earlier, sizeof earlier);
	puts_(&mb, "[");
	for (size_t i = from; i < n; i++) {
		if (i > from)
			puts_(&mb, ",");
		put_message(&mb, &v[i]);
	}
	puts_(&mb, "]");
	if (n && v[0].at) {
		if (!parts->created_at || v[0].at < parts->created_at)
			parts->created_at = v[0].at;
		for (size_t i = 0; i < n; i++)
			if (v[i].at > parts->updated_at)
				parts->updated_at = v[i].at;
	}
	if (parts->created_at) {
		char t[40];
		omni_time_format(parts->created_at, t);
		link_quote(created, sizeof created, t);
		omni_time_format(parts->updated_at, t);
		link_quote(updated, sizeof updated, t);
	}
	owned own[] = {
		{ "id", parts->id_json, 0 },
		{ "customer", parts->customer_json, 0 },
		{ "created_at", created[0] ? created : NULL, 0 },
		{ "updated_at", updated[0] ? updated : NULL, 0 },
		{ "order_ids", parts->order_ids_json, 0 },
		{ "messages", mb.p, 0 },
		{ "earlier", earlier, 0 },
		{ "merged_from", parts->merged_from_json, 0 },
		{ "orders", parts->orders_json, 0 },
		{ "products", parts->products_json, 0 },
		{ "history", parts->history_json, 0 },
		{ "status", parts->status_json, 0 },
		{ "solved_at", parts->solved_at_json, 0 },
		{ "reopens", parts->reopens_json, 0 },
		{ "follows", parts->follows_json, 0 },
		{ "csat", parts->csat_json, 0 },
		{ "desk", parts->desk_json, 0 },
	};
	size_t nown = sizeof own / sizeof own[0];
	if (mb.failed)
		goto fail;
	size_t ownlen[sizeof own / sizeof own[0]];
	for (size_t j = 0; j < nown; j++)
		ownlen[j] = strlen(own[j].key);
	puts_(&b, "{");
	for (size_t i = 0; i < in->nmembers; i++) {
		const omni_member *m = &in->members[i];
		/* a key without escapes is its text: its length and bytes */
		int plain = !memchr(m->key.p, '\\', m->key.n);
		size_t j;
		for (j = 0; j < nown; j++)
			if (plain ? m->key.n == ownlen[j] && memcmp(m->key.p, own[j].key, m->key.n) == 0
			          : omni_json_key_eq(m->key, own[j].key))
				break;
		if (j < nown && own[j].done)
			continue;         /* a repeated key: written once */
		if (j < nown && own[j].json && !*own[j].json) {
			own[j].done = 1;      /* left out */
		} else if (j < nown && own[j].json) {
			put_member(&b, &first, m->key.p, m->key.n, own[j].json,
			           strlen(own[j].json));
			own[j].done = 1;
		} else if (j == nown || !own[j].done) {
			put_member(&b, &first, m->key.p, m->key.n, m->value.p, m->value.n);
			if (j < nown)
				own[j].done = 1;
		}
	}
	for (size_t j = 0; j < nown; j++)
		if (!own[j].done && own[j].json && *own[j].json)
			put_member(&b, &first, own[j].key, strlen(own[j].key), own[j].json,
			           strlen(own[j].json));
	puts_(&b, "}");
	if (b.failed)
		goto fail;
	free(v);
	free(mb.p);
	*len = b.n;
	return b.p;
fail:
	omni_link_moved_free(parts);
	free(v);
	free(mb.p);
	free(b.p);
	return NULL;
}
