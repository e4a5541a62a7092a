/* reply_view.c - one ticket as omni-reply reads it: the template choice,
 * the rendering and the lint each ask for the same orders, shipments and
 * messages, so every object or array is walked once per ticket and its
 * members kept; later lookups compare keys without skipping values.
 *
 * The view is also where an order not verified for the ticket disappears:
 * its "orders" holds only the orders marked "verified": true
 * (omni-ticket(5)), so nothing that reads orders through it (templates,
 * the template choice, the lint, model drafts) can disclose another
 * person's order; of the others it tells only the number the customer
 * named. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "record/record.h"
#include "record/bridge.h"
#include "reply/reply.h"

/* Containers indexed per ticket; past this (a ticket with hundreds of
 * orders or messages looked into) lookups walk the text as usual. */
#define MAX_BOXES 512
#define MAX_FIELDS 24

typedef struct ent {
	omni_span key;            /* raw; absent for array elements */
	omni_span value;
	int escaped;              /* the key has a backslash */
} ent;

typedef struct box {
	const char *p;            /* the container's text */
	size_t n;
	size_t first, count;      /* its members in ents */
} box;

struct omni_reply_view {
	const omni_record *rec;
	box *boxes;
	size_t nboxes, capboxes;
	ent *ents;
	size_t nents, capents;
	int have_last;
	omni_span last;           /* the last inbound message */
	int have_orders;
	omni_span orders;         /* the verified orders, or absent */
	omni_span unverified;     /* the number of an order not verified */
	char *orders_buf;         /* orders, when only some are verified */
	size_t orders_len;
	struct {
		const char *key;      /* the caller's string: its address is the tag */
		omni_span value;
	} fields[MAX_FIELDS];
	size_t nfields;
	int latest;               /* intent, lang, sentiment: the latest request's */
	char *slots_text, *slots; /* the text rendered, the slots it left empty */
};

omni_reply_view *
omni_reply_view_new(void)
{
	return calloc(1, sizeof(omni_reply_view));
}

void
omni_reply_view_free(omni_reply_view *v)
{
	if (!v)
		return;
	free(v->boxes);
	free(v->ents);
	free(v->orders_buf);
	free(v->slots_text);
	free(v->slots);
	free(v);
}

/* The slots a reply already in the ticket was recorded with ("empty",
 * omni-ticket(5)): they hold for the text they were found in, whatever
 * run wrote it, and no longer once a person has changed it. */
static void
stored_slots(omni_reply_view *v, const omni_record *rec)
{
	omni_span reply = omni_record_get(rec, "reply"), e;
	omni_span empty = omni_json_get(reply, "empty");
	omni_text list = { 0 };
	omni_jiter it;
	char *text, *sum = NULL, hex[65];
	size_t n;

	if (omni_json_type(empty) != OMNI_J_OBJECT ||
	    !(text = omni_json_string(omni_json_get(reply, "text"), &n)))
		return;
	omni_sha256_hex(text, n, hex);
	sum = omni_json_string(omni_json_get(empty, "sha256"), NULL);
	omni_json_iter(&it, omni_json_get(empty, "slots"));
	while (sum && strcmp(sum, hex) == 0 && omni_json_next(&it, NULL, &e)) {
		char *path = omni_json_string(e, NULL);
		if (path && *path && !strchr(path, ' ')) {
			if (list.n)
				omni_text_put(&list, " ", 1);
			omni_text_put(&list, path, strlen(path));
		}
		free(path);
	}
	omni_text_put(&list, "", 1);
	if (!list.failed && list.n > 1)
		omni_reply_view_set_slots(v, text, list.p);
	free(list.p);
	free(sum);
	free(text);
}

void
omni_reply_view_set(omni_reply_view *v, const omni_record *rec)
{
	v->rec = rec;
	v->nboxes = v->nents = v->nfields = 0;
	v->have_last = v->have_orders = v->latest = 0;
	free(v->orders_buf);
	v->orders_buf = NULL;
	v->orders_len = 0;
	free(v->slots_text);
	free(v->slots);
	v->slots_text = v->slots = NULL;
	stored_slots(v, rec);
}

void
omni_reply_view_set_slots(omni_reply_view *v, const char *text, const char *slots)
{
	free(v->slots_text);
	free(v->slots);
	v->slots_text = text && slots && *slots ? strdup(text) : NULL;
	v->slots = v->slots_text ? strdup(slots) : NULL;
}

const char *
omni_reply_view_slots(const omni_reply_view *v, const char *text)
{
	return text && v->slots && v->slots_text && strcmp(text, v->slots_text) == 0
	       ? v->slots : NULL;
}

void
omni_reply_view_latest(omni_reply_view *v, int on)
{
	v->latest = on;
	v->nfields = 0;
}

const omni_record *
omni_reply_view_record(const omni_reply_view *v)
{
	return v->rec;
}

static int
add_ent(omni_reply_view *v, omni_span key, omni_span value)
{
	if (v->nents == v->capents) {
		size_t cap = v->capents ? v->capents * 2 : 256;
		ent *e = realloc(v->ents, cap * sizeof *e);
		if (!e)
			return -1;
		v->ents = e;
		v->capents = cap;
	}
	ent *e = &v->ents[v->nents++];
	e->key = key;
	e->value = value;
	e->escaped = key.p && memchr(key.p, '\\', key.n) != NULL;
	return 0;
}

static int
within(omni_span c, const char *text, size_t len)
{
	return text && (uintptr_t)c.p >= (uintptr_t)text &&
	       (uintptr_t)c.p < (uintptr_t)(text + len);
}

/* The container's index, made on first use; NULL when it cannot be kept
 * (the caller then walks the text). */
static const box *
index_of(omni_reply_view *v, omni_span c)
{
	omni_span key, value;
	omni_jiter it;

	for (size_t i = v->nboxes; i-- > 0;)
		if (v->boxes[i].p == c.p && v->boxes[i].n == c.n)
			return &v->boxes[i];
	/* only the record's own text and the view's orders: another buffer
	 * could be freed and its address reused within the ticket */
	if (!v->rec || v->nboxes == MAX_BOXES || !(within(c, v->rec->text, v->rec->len) ||
	                                           within(c, v->orders_buf, v->orders_len)))
		return NULL;
	if (v->nboxes == v->capboxes) {
		size_t cap = v->capboxes ? v->capboxes * 2 : 32;
		box *b = realloc(v->boxes, cap * sizeof *b);
		if (!b)
			return NULL;
		v->boxes = b;
		v->capboxes = cap;
	}
	size_t first = v->nents;
	omni_json_iter(&it, c);
	while (omni_json_next(&it, &key, &value))
		if (add_ent(v, key, value) < 0) {
			v->nents = first;
			return NULL;
		}
	box *b = &v->boxes[v->nboxes++];
	b->p = c.p;
	b->n = c.n;
	b->first = first;
	b->count = v->nents - first;
	return b;
}

omni_span
omni_reply_get(omni_reply_view *v, omni_span object, const char *key)
{
	omni_span none = { NULL, 0 };
	size_t len = strlen(key);
	const box *b;

	if (omni_json_type(object) != OMNI_J_OBJECT)
		return none;
	if (!(b = index_of(v, object)))
		return omni_json_get(object, key);
	/* the last of a repeated key, as omni_json_get */
	for (size_t i = b->first + b->count; i-- > b->first;) {
		const ent *e = &v->ents[i];
		if (e->key.n == len ? memcmp(e->key.p, key, len) == 0 &&
		                      (!e->escaped || omni_json_key_eq(e->key, key))
		                    : e->escaped && e->key.n > len && omni_json_key_eq(e->key, key))
			return e->value;
	}
	return none;
}

omni_span
omni_reply_at(omni_reply_view *v, omni_span array, size_t index)
{
	omni_span none = { NULL, 0 };
	const box *b;

	if (omni_json_type(array) != OMNI_J_ARRAY)
		return none;
	if (!(b = index_of(v, array)))
		return omni_json_at(array, index);
	return index < b->count ? v->ents[b->first + index].value : none;
}

/* Asked again and again with the same few string constants: each is
 * remembered by its address, so a repeat costs no key comparisons. */
omni_span
omni_reply_field(omni_reply_view *v, const char *key)
{
	omni_span value;

	if (key[0] == 'o' && strcmp(key, "orders") == 0)
		return omni_reply_view_orders(v);
	for (size_t i = 0; i < v->nfields; i++)
		if (v->fields[i].key == key)
			return v->fields[i].value;
	value = omni_record_get(v->rec, key);
	if (v->latest && (strcmp(key, "intent") == 0 || strcmp(key, "lang") == 0 ||
	                  strcmp(key, "sentiment") == 0)) {
		omni_span l = omni_json_get(omni_record_get(v->rec, "latest"), key);
		/* a language too short to tell is the conversation's */
		if (omni_json_type(l) == OMNI_J_STRING && !omni_json_string_eq(l, "und"))
			value = l;
	}
	if (v->nfields < MAX_FIELDS) {
		v->fields[v->nfields].key = key;
		v->fields[v->nfields++].value = value;
	}
	return value;
}

omni_span
omni_reply_nth(omni_reply_view *v, omni_span container, size_t index)
{
	omni_span none = { NULL, 0 }, e;
	omni_jtype t = omni_json_type(container);
	omni_jiter it;
	const box *b;

	if (t != OMNI_J_ARRAY && t != OMNI_J_OBJECT)
		return none;
	if ((b = index_of(v, container)))
		return index < b->count ? v->ents[b->first + index].value : none;
	omni_json_iter(&it, container);
	while (omni_json_next(&it, NULL, &e))
		if (index-- == 0)
			return e;
	return none;
}

omni_span
omni_reply_view_last_inbound(omni_reply_view *v)
{
	omni_span msgs = omni_reply_field(v, "messages"), m, found = { NULL, 0 };

	if (v->have_last)
		return v->last;
	for (size_t i = 0; (m = omni_reply_nth(v, msgs, i)).p; i++)
		if (omni_json_string_eq(omni_reply_get(v, m, "direction"), "in"))
			found = m;
	v->last = found;
	v->have_last = 1;
	return found;
}

static int
verified(omni_reply_view *v, omni_span order)
{
	return omni_json_type(omni_reply_get(v, order, "verified")) == OMNI_J_TRUE;
}

/* What the customer quotes of an order: its number, else its id, else
 * "" (still an order named). */
static omni_span
number_of(omni_reply_view *v, omni_span order)
{
	static const char empty[] = "\"\"";
	omni_span n = omni_reply_get(v, order, "number"), none = { empty, 2 };

	if (omni_json_type(n) != OMNI_J_STRING)
		n = omni_reply_get(v, order, "id");
	return omni_json_type(n) == OMNI_J_STRING ? n : none;
}

/* The verified orders as one array: the record's own when all of them
 * are, else a copy of those that are; absent when none is (or out of
 * memory: then no order is disclosed). */
static void
sort_orders(omni_reply_view *v)
{
	omni_span all = omni_record_get(v->rec, "orders"), o, none = { NULL, 0 };
	omni_text b = { 0 };
	size_t n = 0, kept = 0;

	v->orders = v->unverified = none;
	for (size_t i = 0; (o = omni_reply_nth(v, all, i)).p; i++, n++) {
		if (!verified(v, o)) {
			if (!v->unverified.p)
				v->unverified = number_of(v, o);
			continue;
		}
		omni_text_put(&b, kept++ ? "," : "[", 1);
		omni_text_put(&b, o.p, o.n);
	}
	if (!kept || b.failed) {
		free(b.p);
		return;
	}
	if (kept == n && omni_json_type(all) == OMNI_J_ARRAY) {
		free(b.p);
		v->orders = all;
		return;
	}
	omni_text_put(&b, "]", 1);
	if (b.failed) {
		free(b.p);
		return;
	}
	v->orders_buf = b.p;
	v->orders_len = b.n;
	v->orders.p = b.p;
	v->orders.n = b.n;
}

omni_span
omni_reply_view_orders(omni_reply_view *v)
{
	if (!v->have_orders) {
		sort_orders(v);
		v->have_orders = 1;
	}
	return v->orders;
}

omni_span
omni_reply_view_unverified(omni_reply_view *v)
{
	omni_reply_view_orders(v);
	return v->unverified;
}
