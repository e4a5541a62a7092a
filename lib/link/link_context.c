/*
 * link_context.c - the parts of a ticket that come from the store: the
 * customer, the orders, the history, the records it absorbed (read with
 * the statements of link_store.c).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "record/bridge.h"
#include "ident/ident.h"
#include "store/store.h"
#include "link/link.h"
#include "order/order.h"

/* As json_dumps (compact, in order) writes it, without its per-byte
 * callbacks: a ticket's ids, orders and history every record. */
static char *
dump(json_t *v)
{
	char *s = omni_json_text(v, NULL);

	json_decref(v);
	return s;
}

static const char *
col(omni_stmt *st, int i)
{
	return omni_stmt_text(st, i);
}

static void
put_string(omni_text *t, const char *s)
{
	omni_json_text_string(t, s, strlen(s));
}

/* The values of the kinds accepted, as a JSON array (a "handles" object
 * with handles set: the first value of each kind). */
static void
put_keys(omni_text *t, const omni_link_keys *ks, int (*take)(const char *), int handles)
{
	int first = 1;

	omni_text_put(t, handles ? "{" : "[", 1);
	for (size_t i = 0; i < ks->n; i++) {
		int seen = 0;
		if (!take(ks->v[i].kind))
			continue;
		for (size_t j = 0; handles && j < i && !seen; j++)
			seen = strcmp(ks->v[j].kind, ks->v[i].kind) == 0;
		if (seen)
			continue;
		if (!first)
			omni_text_put(t, ",", 1);
		first = 0;
		if (handles) {
			put_string(t, ks->v[i].kind);
			omni_text_put(t, ":", 1);
		}
		put_string(t, ks->v[i].value);
	}
	omni_text_put(t, handles ? "}" : "]", 1);
}

static int
is_email(const char *kind)
{
	return strcmp(kind, "email") == 0 || strcmp(kind, "ebay_alias") == 0;
}

static int
is_phone(const char *kind)
{
	return strcmp(kind, "phone") == 0;
}

static int
is_handle(const char *kind)
{
	return !is_email(kind) && !is_phone(kind) && strcmp(kind, "order") != 0;
}

char *
omni_link_customer_json(omni_link *l, const char *customer_id, omni_error *err)
{
	omni_stmt *st = omni_link_stmt(l, OMNI_LS_CUST_GET);
	const omni_link_keys *ks;
	omni_text t = { 0 };

	omni_text_put(&t, "{\"id\":", 6);
	put_string(&t, customer_id);
	omni_stmt_bind_str(st, 1, customer_id);
	if (omni_stmt_step(st, NULL, NULL) == OMNI_STMT_ROW && col(st, 0)) {
		omni_text_put(&t, ",\"name\":", 8);
		put_string(&t, col(st, 0));
	}
	omni_stmt_reset(st);
	if (!(ks = omni_link_cust_keys(l, customer_id, err))) {
		free(t.p);
		return NULL;
	}
	omni_text_put(&t, ",\"emails\":", 10);
	put_keys(&t, ks, is_email, 0);
	omni_text_put(&t, ",\"phones\":", 10);
	put_keys(&t, ks, is_phone, 0);
	omni_text_put(&t, ",\"handles\":", 11);
	put_keys(&t, ks, is_handle, 1);
	omni_text_put(&t, "}", 1);
	if (t.failed) {
		free(t.p);
		return omni_error_oom(err), NULL;
	}
	return t.p;
}

/* "store|1061" -> store and "1061" (store points into a copy). */
static char *
split_order_key(const char *key, const char **number)
{
	char *k = strdup(key), *bar;

	if (!k)
		return NULL;
	bar = strrchr(k, '|');
	*bar = '\0';
	*number = bar + 1;
	return k;
}

void
omni_link_order_number(const char *number, char *buf, size_t size)
{
	if (strspn(number, "0123456789") == strlen(number))
		snprintf(buf, size, "#%s", number);
	else
		snprintf(buf, size, "%s", number);
}

void
omni_link_order_bind(omni_stmt *st, const char *number)
{
	char forms[2][OMNI_ORDER_NUMBER_MAX];
	size_t n = omni_order_number_forms(number, forms, 2);

	omni_stmt_bind_str_new(st, 1, strdup(n ? forms[0] : ""));
	omni_stmt_bind_str_new(st, 3, strdup(n > 1 ? forms[1] : n ? forms[0] : ""));
}

/* As customers quote it: "#1061" for a shop number, else as it is. */
static json_t *
quoted(const char *number)
{
	char buf[256];

	omni_link_order_number(number, buf, sizeof buf);
	return json_string(buf);
}

int
omni_link_order_next(omni_stmt *st, char *best, size_t size, int *any)
{
	int rc;

	while ((rc = omni_stmt_step(st, NULL, NULL)) == OMNI_STMT_ROW) {
		const char *store = col(st, 1) ? col(st, 1) : "";
		if (!*any || strcmp(store, best) > 0) {
			*any = 1;
			snprintf(best, size, "%s", store);
			return 1;
		}
	}
	return rc;
}

/* The order a number names in a store, loaded whole: new or NULL. */
static json_t *
load_order(omni_link *l, const char *store, const char *number, omni_error *err)
{
	omni_stmt *st = omni_link_stmt(l, OMNI_LS_ORDER_OWNER);
	char *channel = NULL, *ostore = NULL, *id = NULL, quoted[256];
	json_t *o = NULL;

	char key[600];

	if (!l->any_orders)
		return NULL;
	omni_link_order_number(number, quoted, sizeof quoted);
	snprintf(key, sizeof key, "%s|%s", store, quoted);
	if (omni_link_order_missed(l, key))
		return NULL;
	omni_link_order_bind(st, number);
	omni_stmt_bind_str(st, 2, store);
	char best[256] = "";
	int any = 0;
	while (omni_link_order_next(st, best, sizeof best, &any) == 1) {
		free(channel);
		free(id);
		channel = strdup(col(st, 0));
		id = strdup(col(st, 2));
	}
	omni_stmt_reset(st);
	if (any && channel && id && (ostore = strdup(best)))
		o = omni_order_load(l->store, channel, ostore, id, err);
	free(channel);
	free(ostore);
	free(id);
	return o;
}

/* Is a value (new, may be NULL) among the keys of kind? */
static int
held(const omni_link_keys *ks, const char *kind, char *value)
{
	int found = 0;

	for (size_t i = 0; value && ks && i < ks->n && !found; i++)
		found = strcmp(ks->v[i].kind, kind) == 0 && strcmp(ks->v[i].value, value) == 0;
	free(value);
	return found;
}

/* Does ks hold a key of the kind? */
static int
held_kind(const omni_link_keys *ks, const char *kind)
{
	for (size_t i = 0; ks && i < ks->n; i++)
		if (strcmp(ks->v[i].kind, kind) == 0)
			return 1;
	return 0;
}

/* Does ks hold an address one or two letters from the order's? */
static int
lookalike(const omni_link_keys *ks, const char *email)
{
	char *e = email ? omni_ident_email(email) : NULL;
	int found = 0;

	for (size_t i = 0; e && ks && i < ks->n && !found; i++)
		found = strcmp(ks->v[i].kind, "email") == 0 && omni_link_lookalike(ks->v[i].value, e);
	free(e);
	return found;
}

/* Appends the inbound messages' text of rec to t, lowercase. */
static void
add_words(omni_text *t, const omni_record *rec)
{
	omni_jiter it;
	omni_span m;

	omni_json_iter(&it, omni_record_get(rec, "messages"));
	while (omni_json_next(&it, NULL, &m)) {
		char *s;
		if (!omni_json_string_eq(omni_json_get(m, "direction"), "in") ||
		    !(s = omni_json_string(omni_json_get(m, "text"), NULL)))
			continue;
		for (char *p = s; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		omni_text_put(t, s, strlen(s));
		omni_text_put(t, "\n", 1);
		free(s);
	}
}

/* What the customer wrote in the ticket, lowercase, for the facts that
 * verify an order: new, or NULL (none, or out of memory: nothing is
 * verified by facts then). */
static char *
customer_words(const omni_record *rec, const omni_record *const *stored, size_t n)
{
	omni_text t = { 0 };

	add_words(&t, rec);
	for (size_t i = 0; i < n; i++)
		add_words(&t, stored[i]);
	if (t.failed) {
		free(t.p);
		return NULL;
	}
	return t.p;
}

/* The customer's words, read once when an order first asks: borrowed
 * from w, or NULL. */
const char *
omni_link_words_text(const omni_link_words *cw)
{
	omni_link_words *w = (omni_link_words *)cw;

	if (!w->read && w->rec) {
		w->text = customer_words(w->rec, w->stored, w->nstored);
		w->read = 1;
	}
	return w->text;
}

/* Did the ticket's stored version have order o verified by facts?  The
 * words that gave them may be among the messages a long ticket's record
 * has left out since (omni-ticket(5), "Long tickets"); facts once given
 * stay given. */
static int
facts_before(const omni_link_words *w, const json_t *o)
{
	const char *number = json_string_value(json_object_get(o, "number"));
	const char *store = json_string_value(json_object_get(o, "store"));

	for (size_t i = 0; number && w && i < w->nstored; i++) {
		omni_jiter it;
		omni_span x;
		omni_json_iter(&it, omni_record_get(w->stored[i], "orders"));
		while (omni_json_next(&it, NULL, &x)) {
			omni_span st = omni_json_get(x, "store");
			if (omni_json_string_eq(omni_json_get(x, "number"), number) &&
			    (!store || !st.p || omni_json_string_eq(st, store)) &&
			    omni_json_string_eq(omni_json_get(x, "verified_by"), "facts"))
				return 1;
		}
	}
	return 0;
}

/* The name the sender shows on the record being linked, in buf, or
 * NULL. */
static const char *
sender_name(const omni_link_words *w, char *buf, size_t size)
{
	if (!w || !w->rec ||
	    omni_json_string_buf(omni_json_get(omni_record_get(w->rec, "customer"), "name"), buf,
	                         size) <= 0)
		return NULL;
	return buf;
}

/* How the order is the sender's (omni-link(1), "Orders"): her own keys
 * match its buyer's, or her words give two facts only the buyer knows
 * (the number, named to be here, and the address or the billing postcode
 * it was placed with) and nothing says she is someone else.
 * Sets verified and verified_by on o, and drops the buyer (the ticket
 * has its own customer). */
static void
verify_order(omni_link *l, json_t *o, const omni_link_keys *ks, const omni_link_words *w,
             const char *region)
{
	const json_t *c = json_object_get(o, "customer");
	const char *ch = json_string_value(json_object_get(o, "channel"));
	const char *email = json_string_value(json_object_get(c, "email"));
	const char *phone = json_string_value(json_object_get(c, "phone"));
	const char *ref = json_string_value(json_object_get(c, "id"));
	const char *postcode = json_string_value(json_object_get(c, "postcode"));
	int market = ch && omni_link_channel_marketplace(ch);
	const char *by = NULL, *not_buyer = NULL;
	char sname[200];

	if (email && held(ks, "amazon", omni_ident_email(email)))
		by = "marketplace";
	else if (email && held(ks, "email", omni_ident_email(email)))
		by = "email";
	else if (ref && ch && held(ks, ch, strdup(ref)))
		by = market ? "marketplace" : "customer_id";
	else if (phone && held(ks, "phone", omni_ident_phone(phone, region)))
		by = "phone";
	else if (omni_link_gives_email(omni_link_words_text(w), email) ||
	         omni_link_gives_postcode(omni_link_words_text(w), postcode) || facts_before(w, o))
		by = "facts";
	/* facts anyone told may repeat, and a phone a household shares, are
	 * the buyer's only when nothing says the writer is someone else; a
	 * mail's sender who gives facts shows the buyer's name too (she
	 * signs; a stranger with a list of them need not) */
	const char *tried = by;
	const char *bname = json_string_value(json_object_get(c, "name"));
	if (by && (strcmp(by, "facts") == 0 || strcmp(by, "phone") == 0) &&
	    (not_buyer = omni_link_not_buyer(omni_link_words_text(w), sender_name(w, sname, sizeof sname),
	                                     bname)))
		by = NULL;
	else if (by && strcmp(by, "facts") == 0 && lookalike(ks, email))
		by = NULL, not_buyer = "an address like the buyer's";
	else if (by && strcmp(by, "facts") == 0 && held_kind(ks, "email") &&
	         !omni_link_shows_buyer(sender_name(w, sname, sizeof sname),
	                                omni_link_words_text(w), bname))
		by = NULL, not_buyer = "no name of the buyer's";
	if (l->o.explain) {
		size_t n = strlen(l->orders_said);
		snprintf(l->orders_said + n, sizeof l->orders_said - n, "; order %s %s%s%s%s%s%s",
		         json_string_value(json_object_get(o, "number")) ?
		         json_string_value(json_object_get(o, "number")) : "?",
		         by ? "verified (" : "not verified", by ? by : "",
		         not_buyer ? " (" : "", not_buyer ? tried : "",
		         not_buyer ? strcmp(tried, "facts") == 0 ? " given, but " : " shared, but " : "",
		         not_buyer ? not_buyer : "");
		n = strlen(l->orders_said);
		if (by || not_buyer)
			snprintf(l->orders_said + n, sizeof l->orders_said - n, ")");
	}
	json_object_set_new(o, "verified", json_boolean(by != NULL));
	if (by)
		json_object_set_new(o, "verified_by", json_string(by));
	json_object_del(o, "customer");
}

int
omni_link_orders_parts(omni_link *l, const char *ticket_id, const char *customer,
                       const omni_link_keys *sender, omni_link_words *w, const char *region, char **ids_json,
                       char **orders_json, omni_error *err)
{
	omni_stmt *st = omni_link_stmt(l, OMNI_LS_TICKET_ORDERS);
	json_t *keys = json_array(), *ids = json_array(), *orders = json_array(), *k;
	const omni_link_keys *ks = NULL;
	size_t i;
	int rc;

	*ids_json = *orders_json = NULL;
	omni_stmt_bind_int64(st, 1, omni_link_seq(l, ticket_id));
	while ((rc = omni_stmt_step(st, NULL, NULL)) == OMNI_STMT_ROW) {
		json_array_append_new(keys, json_string(col(st, 0)));
	}
	omni_stmt_reset(st);
	if (rc != OMNI_STMT_DONE)
		goto fail;
	json_array_foreach(keys, i, k) {
		const char *number;
		char *store = split_order_key(json_string_value(k), &number);
		json_t *o;
		if (!store)
			goto fail;
		err->status = 0;
		o = load_order(l, store, number, err);
		/* the number as the order's platform writes it, once found */
		if (o && json_string_value(json_object_get(o, "number")))
			json_array_append(ids, json_object_get(o, "number"));
		else
			json_array_append_new(ids, quoted(number));
		free(store);
		if (o && !ks && !(ks = sender ? sender : omni_link_cust_keys(l, customer, err))) {
			json_decref(o);
			goto fail;
		}
		if (o) {
			verify_order(l, o, ks, w, region);
			json_array_append_new(orders, o);
		} else if (err->status) {
			goto fail;
		}
	}
	json_decref(keys);
	*ids_json = json_array_size(ids) ? dump(ids) : (json_decref(ids), strdup("[]"));
	*orders_json = json_array_size(orders) ? dump(orders) : (json_decref(orders), strdup("[]"));
	if (!*ids_json || !*orders_json) {
		free(*ids_json);
		free(*orders_json);
		*ids_json = *orders_json = NULL;
		return omni_error_oom(err), -1;
	}
	return 0;
fail:
	json_decref(keys);
	json_decref(ids);
	json_decref(orders);
	if (!err->status)
		omni_store_error(l->store, err, "reading orders");
	return -1;
}

char *
omni_link_history_json(omni_link *l, const char *ticket_id,
                       const char *customer_id, omni_error *err)
{
	omni_stmt *st = omni_link_stmt(l, OMNI_LS_HISTORY);
	omni_text h = { 0 };
	int rc, n = 0;

	omni_stmt_bind_str(st, 1, customer_id);
	omni_stmt_bind_str(st, 2, ticket_id);
	omni_stmt_bind_int64(st, 3, l->o.history);
	omni_text_put(&h, "[", 1);
	/* Written as json_dumps wrote the objects jansson built: a text that
	 * is not UTF-8 (which json_string refused) leaves its member out. */
	while ((rc = omni_stmt_step(st, err, "reading history")) == OMNI_STMT_ROW) {
		static const char *const names[] = {
			"\"id\":", "\"channel\":", "\"subject\":", "\"status\":", "\"created_at\":"
		};
		int first = 1;
		if (n++)
			omni_text_put(&h, ",", 1);
		omni_text_put(&h, "{", 1);
		for (int i = 0; i < 5; i++) {
			const char *v = col(st, i);
			size_t vn = v ? strlen(v) : 0;
			if (v && !omni_json_text_utf8(v, vn))
				continue;
			if (!first)
				omni_text_put(&h, ",", 1);
			first = 0;
			omni_text_put(&h, names[i], strlen(names[i]));
			if (v)
				omni_json_text_string(&h, v, vn);
			else
				omni_text_put(&h, "null", 4);
		}
		omni_text_put(&h, "}", 1);
	}
	omni_text_put(&h, "]", 1);
	if (rc != OMNI_STMT_DONE || h.failed) {
		if (rc == OMNI_STMT_DONE)
			omni_error_oom(err);
		free(h.p);
		return NULL;
	}
	return h.p;
}

char *
omni_link_merged_from_json(omni_link *l, const char *ticket_id, omni_error *err)
{
	omni_stmt *st = omni_link_stmt(l, OMNI_LS_MERGED_FROM);
	json_t *a = json_array();
	int rc;

	omni_stmt_bind_int64(st, 1, omni_link_seq(l, ticket_id));
	omni_stmt_bind_int64(st, 2, l->o.messages > 0 ? l->o.messages : -1);
	while ((rc = omni_stmt_step(st, err, "reading merged ids")) == OMNI_STMT_ROW)
		json_array_append_new(a, json_string(col(st, 0)));
	if (rc != OMNI_STMT_DONE) {
		json_decref(a);
		return NULL;
	}
	return dump(a);
}
