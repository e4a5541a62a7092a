/* reply_ticket.c - the reply a ticket should get: which template, rendered
 * with the ticket and its order context, linted against the channel.
 * Orders come through the view, which shows only those verified for the
 * ticket; an intent that needs an order the customer named but is not
 * verified for gets the "verify" template, which asks her to show it is
 * hers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "record/record.h"
#include "record/bridge.h"
#include "reply/reply.h"

/* What the template callbacks see. */
enum { A_ORDER, A_SHIPMENT, A_REFUND, A_RETURN, A_LAST, A_UNVERIFIED, A_N };
enum { X_BRAND, X_TONE, X_TRACKING_LINK, X_FIRST_NAME, X_NOW, X_NEW_ESTIMATE, X_MARKETPLACE,
       X_EXCHANGED, X_REPLIED, X_REGISTER, X_ITEMS_SHIPPED, X_ITEMS_WAITING, X_N };

typedef struct ctx {
	omni_reply_view *view;
	const omni_record *rec;
	omni_text extras;         /* the values below as JSON text */
	size_t extra_at[X_N], extra_len[X_N];
	omni_span alias[A_N];     /* found once per ticket: templates ask often */
	int have[A_N];
	omni_tmpl_lib *lib;
	omni_tmpl_want want;
	omni_error *err;
} ctx;

static const char *const extra_names[X_N] = {
	"brand", "tone", "tracking_link", "first_name", "now", "new_estimate", "marketplace",
	"exchanged", "replied", "register", "items_shipped", "items_waiting",
};

static char *
str(omni_span v)
{
	return omni_json_string(v, NULL);
}

static omni_span
path2(omni_reply_view *w, omni_span v, const char *a, size_t i, const char *b)
{
	return omni_reply_get(w, omni_reply_at(w, omni_reply_get(w, v, a), i), b);
}

static omni_span
first_order(omni_reply_view *v)
{
	return omni_reply_at(v, omni_reply_field(v, "orders"), 0);
}

/* The last message the customer wrote. */
static omni_span
last_inbound(const omni_record *rec)
{
	omni_span msgs = omni_record_get(rec, "messages"), m, found = { NULL, 0 };
	omni_jiter it;

	omni_json_iter(&it, msgs);
	while (omni_json_next(&it, NULL, &m))
		if (omni_json_string_eq(omni_json_get(m, "direction"), "in"))
			found = m;
	return found;
}

omni_span
omni_reply_last_inbound(const omni_record *rec)
{
	return last_inbound(rec);
}

static omni_span
alias(ctx *c, int which)
{
	static const char *const list[] = { NULL, "fulfillments", "refunds", "returns" };

	if (c->have[which])
		return c->alias[which];
	if (which == A_ORDER)
		c->alias[which] = first_order(c->view);
	else if (which == A_LAST)
		c->alias[which] = omni_reply_view_last_inbound(c->view);
	else if (which == A_UNVERIFIED)
		c->alias[which] = omni_reply_view_unverified(c->view);
	else
		c->alias[which] = omni_reply_at(c->view, omni_reply_get(c->view, alias(c, A_ORDER),
		                                                        list[which]), 0);
	c->have[which] = 1;
	return c->alias[which];
}

static void set_exchanged(struct ctx *c);

static omni_span
root(void *arg, const char *name)
{
	ctx *c = arg;
	static const char *const names[] = { "order", "shipment", "refund", "return", "last_message",
	                                     "unverified_order" };

	for (int i = 0; i < A_N; i++)
		if (name[0] == names[i][0] && strcmp(name, names[i]) == 0)
			return alias(c, i);
	for (int i = 0; i < X_N; i++) {
		if (name[0] != extra_names[i][0] || strcmp(name, extra_names[i]) != 0)
			continue;
		if ((i == X_EXCHANGED || i == X_REPLIED) && !c->extra_len[X_EXCHANGED])
			set_exchanged(c);     /* only the claim asks: found when asked */
		if (c->extra_len[i]) {
			omni_span v = { c->extras.p + c->extra_at[i], c->extra_len[i] };
			return v;
		}
	}
	return omni_reply_field(c->view, name);
}

static const omni_tmpl *
partial(void *arg, const char *name)
{
	ctx *c = arg;
	omni_tmpl_want w = c->want;
	const omni_tmpl *t = NULL;
	const char *lang;
	omni_error e = { 0 };

	w.name = name;
	int got = omni_tmpl_lib_find(c->lib, &w, &t, &lang, NULL, 0, c->err ? c->err : &e);
	if (got == 0 && w.html) {
		w.html = 0;           /* a text partial in an HTML reply: still escaped */
		got = omni_tmpl_lib_find(c->lib, &w, &t, &lang, NULL, 0, c->err ? c->err : &e);
	}
	return got > 0 ? t : NULL;
}

const char *
omni_reply_tone(const char *channel)
{
	static const char *const formal[] = { "amazon", "ebay", "walmart", NULL };
	static const char *const warm[] = { "instagram", "facebook", "tiktok", "chat", "sms", NULL };
	for (int i = 0; channel && formal[i]; i++)
		if (strcmp(channel, formal[i]) == 0)
			return "formal";
	for (int i = 0; channel && warm[i]; i++)
		if (strcmp(channel, warm[i]) == 0)
			return "warm";
	return "plain";
}

/* The templates of the intents that read an order, by intent. */
static const char *const order_intents[][2] = {
	{ "wismo", "wismo status" }, { "return", "return return_label" },
	{ "refund", "refund refund_partial" }, { "exchange", "replacement" },
	{ "cancel", "cancellation" }, { "address_change", "address_change" },
	{ "damaged", "damaged" },
};

const char *
omni_reply_intent_templates(omni_reply_view *v)
{
	omni_span intent = omni_reply_field(v, "intent");

	for (size_t i = 0; i < sizeof order_intents / sizeof order_intents[0]; i++)
		if (omni_json_string_eq(intent, order_intents[i][0]))
			return order_intents[i][1];
	return NULL;
}

/* The template an intent asks for, by what the order shows. */
static const char *
by_order(omni_reply_view *v, const char *intent, omni_span order)
{
	if (strcmp(intent, "wismo") == 0) {
		/* a shipment: where it is; none: what the order's status says */
		omni_span ship = omni_reply_at(v, omni_reply_get(v, order, "fulfillments"), 0);
		return omni_json_type(ship) == OMNI_J_OBJECT ? "wismo" : order.p ? "status" : NULL;
	}
	if (strcmp(intent, "return") == 0) {
		omni_span st = path2(v, order, "returns", 0, "status");
		return omni_json_string_eq(st, "label_issued") || omni_json_string_eq(st, "approved")
		       ? "return_label" : "return";
	}
	if (strcmp(intent, "refund") == 0) {
		double amount, total;
		if (omni_json_number(path2(v, order, "refunds", 0, "amount"), &amount) < 0) {
			char *a = str(path2(v, order, "refunds", 0, "amount"));
			amount = a ? atof(a) : 0;
			free(a);
		}
		char *t = str(omni_reply_get(v, order, "total"));
		total = t ? atof(t) : 0;
		free(t);
		return amount > 0 && total > 0 && amount < total - 0.005 ? "refund_partial" : "refund";
	}
	static const char *const map[][2] = {
		{ "exchange", "replacement" }, { "cancel", "cancellation" },
		{ "address_change", "address_change" }, { "damaged", "damaged" },
		{ "presale", "presale" },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(intent, map[i][0]) == 0)
			return map[i][1];
	return NULL;
}

const char *
omni_reply_template_for(omni_reply_view *v)
{
	omni_span order = first_order(v);
	omni_span kind = omni_reply_field(v, "kind"), intent = omni_reply_field(v, "intent");
	/* an order named, none verified: nothing of it may be said */
	int unverified = !order.p && omni_reply_view_unverified(v).p;
	char buf[32];

	if (omni_json_string_eq(kind, "proactive"))
		return unverified ? NULL : "delay";
	if (omni_json_string_eq(kind, "claim") || omni_json_string_eq(intent, "claim"))
		return unverified ? NULL : "claim";
	if (omni_json_string_buf(intent, buf, sizeof buf) < 0)
		return NULL;
	if (unverified && omni_reply_intent_templates(v))
		return "verify";
	return by_order(v, buf, order);
}

/* The clock as text, formatted again only when it moves (--now: never). */
static const char *
now_text(char buf[40])
{
	static omni_time last = INT64_MIN;
	static char text[40];
	omni_time t = omni_clock_now();

	if (t != last) {
		omni_time_format(t, text);
		last = t;
	}
	memcpy(buf, text, sizeof text);
	return buf;
}

/* One value the template sees before the record's own fields: JSON
 * null for none; left out (the record's field shows) when it is not
 * UTF-8, as a jansson string would be. */
static void
set_extra(ctx *c, int which, const char *value)
{
	size_t at = c->extras.n;

	if (value && !omni_json_text_utf8(value, strlen(value)))
		return;
	if (value)
		omni_json_text_string(&c->extras, value, strlen(value));
	else
		omni_text_put(&c->extras, "null", 4);
	c->extra_at[which] = at;
	c->extra_len[which] = c->extras.failed ? 0 : c->extras.n - at;
}

/* exchanged: the messages between the buyer and the seller, in order,
 * without notices (author system: omni-fetch writes the marketplace's own
 * mail, such as an A-to-z claim notice, so); replied: true when the last
 * of them is the seller's. */
static void
set_exchanged(struct ctx *c)
{
	omni_span msgs = omni_reply_field(c->view, "messages"), m, last = { NULL, 0 };
	size_t at = c->extras.n, n = 0;

	omni_text_put(&c->extras, "[", 1);
	for (size_t i = 0; (m = omni_reply_nth(c->view, msgs, i)).p; i++) {
		omni_span dir = omni_reply_get(c->view, m, "direction");
		if (omni_json_string_eq(omni_reply_get(c->view, m, "author"), "system") ||
		    !(omni_json_string_eq(dir, "in") || omni_json_string_eq(dir, "out")))
			continue;
		if (n++)
			omni_text_put(&c->extras, ",", 1);
		omni_text_put(&c->extras, m.p, m.n);
		last = m;
	}
	omni_text_put(&c->extras, "]", 1);
	c->extra_at[X_EXCHANGED] = at;
	c->extra_len[X_EXCHANGED] = c->extras.failed ? 0 : c->extras.n - at;
	int replied = last.p && omni_json_string_eq(omni_reply_get(c->view, last, "direction"), "out");
	at = c->extras.n;
	omni_text_put(&c->extras, replied ? "true" : "false", replied ? 4 : 5);
	c->extra_at[X_REPLIED] = at;
	c->extra_len[X_REPLIED] = c->extras.failed ? 0 : c->extras.n - at;
}

/* items_shipped and items_waiting: the first order's items split by the
 * units of each that have shipped (an item's "shipped", where the platform
 * says it: BigCommerce's partly shipped orders), as [{sku, title, qty}]
 * with qty the units shipped or still to ship; both absent when no item
 * says, and a list with nothing in it absent too. */
static void
set_items(ctx *c)
{
	omni_span items = omni_reply_get(c->view, first_order(c->view), "items"), it;
	int known = 0;

	for (size_t i = 0; (it = omni_reply_at(c->view, items, i)).p; i++)
		known |= omni_json_type(omni_reply_get(c->view, it, "shipped")) == OMNI_J_NUMBER;
	if (!known)
		return;
	for (int which = X_ITEMS_SHIPPED; which <= X_ITEMS_WAITING; which++) {
		size_t at = c->extras.n, n = 0;
		omni_text_put(&c->extras, "[", 1);
		for (size_t i = 0; (it = omni_reply_at(c->view, items, i)).p; i++) {
			double qty = 1, shipped;
			char num[32];
			if (omni_json_number(omni_reply_get(c->view, it, "shipped"), &shipped) < 0)
				continue;
			omni_json_number(omni_reply_get(c->view, it, "qty"), &qty);
			double k = which == X_ITEMS_SHIPPED ? (shipped < qty ? shipped : qty) : qty - shipped;
			if (k < 1)
				continue;
			const char *open = n++ ? ",{\"qty\":" : "{\"qty\":";
			omni_text_put(&c->extras, open, strlen(open));
			snprintf(num, sizeof num, "%.0f", k);
			omni_text_put(&c->extras, num, strlen(num));
			for (int f = 0; f < 2; f++) {
				const char *key = f ? "title" : "sku";
				omni_span v = omni_reply_get(c->view, it, key);
				if (omni_json_type(v) != OMNI_J_STRING)
					continue;
				omni_text_put(&c->extras, ",\"", 2);
				omni_text_put(&c->extras, key, strlen(key));
				omni_text_put(&c->extras, "\":", 2);
				omni_text_put(&c->extras, v.p, v.n);
			}
			omni_text_put(&c->extras, "}", 1);
		}
		omni_text_put(&c->extras, "]", 1);
		c->extra_at[which] = at;
		c->extra_len[which] = c->extras.failed || !n ? 0 : c->extras.n - at;
	}
}

/* brand, tone, tracking_link, first_name, now, new_estimate, marketplace,
 * exchanged, replied, items_shipped, items_waiting */
static void
set_extras(ctx *c, const char *brand, const char *tone)
{
	omni_span ship = omni_reply_at(c->view, omni_reply_get(c->view, first_order(c->view),
	                                                       "fulfillments"), 0);
	char *carrier = str(omni_reply_get(c->view, ship, "carrier"));
	char *number = str(omni_reply_get(c->view, ship, "tracking_number"));
	char *url = str(omni_reply_get(c->view, ship, "tracking_url"));
	char *name = str(omni_reply_get(c->view, omni_reply_field(c->view, "customer"), "name"));
	char now[40];

	set_extra(c, X_BRAND, brand);
	set_extra(c, X_TONE, tone);
	if (!url || !*url) {
		free(url);
		url = omni_reply_tracking_link(carrier, number);
	}
	/* eBay allows no links off eBay: the number alone (eBay shows the
	 * tracking itself) */
	if (omni_json_string_eq(omni_reply_field(c->view, "channel"), "ebay") ||
	    omni_json_string_eq(omni_reply_get(c->view, omni_reply_view_last_inbound(c->view),
	                                       "channel"), "ebay")) {
		free(url);
		url = NULL;
	}
	set_extra(c, X_TRACKING_LINK, url);
	if (name)
		name[strcspn(name, " \t")] = '\0';
	set_extra(c, X_FIRST_NAME, name && *name ? name : NULL);
	set_extra(c, X_NOW, now_text(now));
	/* an estimate still ahead of the clock: one already passed is no news */
	char *est = str(omni_reply_get(c->view, ship, "estimated_at"));
	omni_time t;
	set_extra(c, X_NEW_ESTIMATE, est && omni_time_parse(est, &t) == 0 &&
	          t > omni_clock_now() ? est : NULL);
	free(est);
	char *channel = str(omni_reply_field(c->view, "channel"));
	set_extra(c, X_MARKETPLACE, channel && strcmp(channel, "amazon") == 0 ? "Amazon"
	                            : channel && strcmp(channel, "ebay") == 0 ? "eBay"
	                            : channel && strcmp(channel, "walmart") == 0 ? "Walmart" : NULL);
	free(channel);
	free(carrier);
	free(number);
	free(url);
	free(name);
	set_items(c);
}

/* Does t speak the informal register (register=informal, or both
 * registers: register=formal|informal)? */
static int
informal(const omni_tmpl *t)
{
	const char *f;

	for (size_t i = 0; (f = omni_tmpl_fact(t, i)); i++)
		if (strncmp(f, "register=", 9) == 0 && strstr(f + 9, "informal"))
			return 1;
	return 0;
}

int
omni_reply_compose(omni_tmpl_lib *lib, omni_reply_view *v, const char *name,
                   const char *brand, const char *zone, omni_reply_parts *out,
                   omni_error *err)
{
	const omni_record *rec = omni_reply_view_record(v);
	char *channel = str(omni_reply_field(v, "channel"));
	char *store = str(omni_reply_field(v, "store"));
	char *lang = str(omni_reply_field(v, "lang"));
	const char *tone = omni_reply_tone(channel), *used = NULL;
	const omni_tmpl *t = NULL;
	ctx c = { v, rec, { 0 }, { 0 }, { 0 }, { { NULL, 0 } }, { 0 }, lib,
	          { name, lang, store ? store : "", channel, tone, 0, NULL }, err };
	omni_text empty = { 0 };
	omni_tmpl_ctx tc = { NULL, 0, root, partial, &c, zone, v, &empty };
	int rc = -1, got;

	memset(out, 0, sizeof *out);
	out->template = name;
	c.want.facts = &tc;
	set_extras(&c, brand ? brand : store, tone);
	set_extra(&c, X_REGISTER, omni_tmpl_lib_register(lib, store));
	if ((got = omni_tmpl_lib_find(lib, &c.want, &t, &used, out->source,
	                              sizeof out->source, err)) < 0)
		goto out;
	if (!got) {
		rc = 0;               /* no template: no reply */
		goto out;
	}
	out->lang = tc.lang = c.want.lang = used;
	if (!informal(t))         /* one register in a reply: its partials too */
		set_extra(&c, X_REGISTER, "formal");
	if (!(out->text = omni_tmpl_render(t, &tc, err))) {
		omni_error_locate(err, out->source, 0);
		goto out;
	}
	if (empty.failed) {
		omni_error_oom(err);
		goto out;
	}
	if (empty.n && !(out->empty = strndup(empty.p, empty.n))) {
		omni_error_oom(err);
		goto out;
	}
	omni_reply_view_set_slots(v, out->text, out->empty);
	tc.empty = NULL;          /* the HTML part says what the text says */
	c.want.html = 1;
	const char *hlang = NULL;
	if (omni_tmpl_lib_find(lib, &c.want, &t, &hlang, NULL, 0, err) > 0 &&
	    strcmp(hlang, used) == 0) {    /* never an HTML part in another language */
		tc.html = 1;
		if (!(out->html = omni_tmpl_render(t, &tc, err)))
			goto out;
	}
	rc = 1;
out:
	if (rc < 1)
		omni_reply_parts_free(out);
	free(channel);
	free(store);
	free(lang);
	free(c.extras.p);
	free(empty.p);
	return rc;
}

void
omni_reply_parts_free(omni_reply_parts *p)
{
	free(p->text);
	free(p->html);
	free(p->empty);
	p->text = p->html = p->empty = NULL;
}

int
omni_reply_render(omni_tmpl_lib *lib, omni_reply_view *v, const char *name,
                  const char *brand, const char *zone, json_t *reply, char *missing,
                  size_t size, omni_error *err)
{
	omni_reply_parts p;
	int rc = omni_reply_compose(lib, v, name, brand, zone, &p, err);

	if (missing && size)
		snprintf(missing, size, "%s", rc == 0 ? p.source : "");
	if (rc < 1)
		return rc;
	json_object_set_new(reply, "template", omni_json_text_jstring(p.template));
	json_object_set_new(reply, "lang", omni_json_text_jstring(p.lang));
	json_object_set_new(reply, "source", omni_json_text_jstring(p.source));
	json_object_set_new(reply, "text", omni_json_text_jstring(p.text));
	if (p.html)
		json_object_set_new(reply, "html", omni_json_text_jstring(p.html));
	json_object_del(reply, "empty");
	if (p.empty) {            /* the slots left empty, and the text they are in */
		json_t *list = json_array();
		char sum[65];
		for (const char *q = p.empty; *q;) {
			size_t k = strcspn(q, " ");
			json_array_append_new(list, json_stringn(q, k));
			q += k + (q[k] == ' ');
		}
		omni_sha256_hex(p.text, strlen(p.text), sum);
		json_object_set_new(reply, "empty", json_pack("{s:o, s:s}", "slots", list, "sha256", sum));
	}
	omni_reply_parts_free(&p);
	return 1;
}
