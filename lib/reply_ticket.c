/* reply_ticket.c - the reply a ticket should get: which template, rendered
 * with the ticket and its order context, linted against the channel. */
#include <stdlib.h>
#include <string.h>

#include "omni.h"

/* What the template callbacks see. */
enum { A_ORDER, A_SHIPMENT, A_REFUND, A_RETURN, A_LAST, A_N };

typedef struct ctx {
	const omni_record *rec;
	omni_span extras;         /* brand, tone, tracking_link, ... */
	omni_span alias[A_N];     /* found once per ticket: templates ask often */
	int have[A_N];
	omni_tmpl_lib *lib;
	omni_tmpl_want want;
	omni_error *err;
} ctx;

static char *
str(omni_span v)
{
	return omni_json_string(v, NULL);
}

static omni_span
path2(omni_span v, const char *a, size_t i, const char *b)
{
	return omni_json_get(omni_json_at(omni_json_get(v, a), i), b);
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
		c->alias[which] = omni_json_at(omni_record_get(c->rec, "orders"), 0);
	else if (which == A_LAST)
		c->alias[which] = last_inbound(c->rec);
	else
		c->alias[which] = omni_json_at(omni_json_get(alias(c, A_ORDER), list[which]), 0);
	c->have[which] = 1;
	return c->alias[which];
}

static omni_span
root(void *arg, const char *name)
{
	ctx *c = arg;
	static const char *const names[] = { "order", "shipment", "refund", "return", "last_message" };

	for (int i = 0; i < A_N; i++)
		if (strcmp(name, names[i]) == 0)
			return alias(c, i);
	omni_span v = omni_json_get(c->extras, name);
	return v.p ? v : omni_record_get(c->rec, name);
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

/* The template an intent asks for, by what the order shows. */
const char *
omni_reply_template_for(const omni_record *rec)
{
	omni_span order = omni_json_at(omni_record_get(rec, "orders"), 0);
	omni_span kind = omni_record_get(rec, "kind"), intent = omni_record_get(rec, "intent");
	char buf[32];

	if (omni_json_string_eq(kind, "proactive"))
		return "delay";
	if (omni_json_string_eq(kind, "claim") || omni_json_string_eq(intent, "claim"))
		return "claim";
	if (omni_json_string_buf(intent, buf, sizeof buf) < 0)
		return NULL;
	if (strcmp(buf, "wismo") == 0) {
		omni_span tn = path2(order, "fulfillments", 0, "tracking_number");
		return omni_json_type(tn) == OMNI_J_STRING && tn.n > 2 ? "wismo"
		       : order.p ? "status" : NULL;
	}
	if (strcmp(buf, "return") == 0) {
		omni_span st = path2(order, "returns", 0, "status");
		return omni_json_string_eq(st, "label_issued") || omni_json_string_eq(st, "approved")
		       ? "return_label" : "return";
	}
	if (strcmp(buf, "refund") == 0) {
		double amount, total;
		if (omni_json_number(omni_json_get(omni_json_at(omni_json_get(order, "refunds"), 0), "amount"), &amount) < 0) {
			char *a = str(path2(order, "refunds", 0, "amount"));
			amount = a ? atof(a) : 0;
			free(a);
		}
		char *t = str(omni_json_get(order, "total"));
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
		if (strcmp(buf, map[i][0]) == 0)
			return map[i][1];
	return NULL;
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

/* {"brand":..,"tone":..,"tracking_link":..,"first_name":..,"now":..}: new */
static char *
extras_json(const omni_record *rec, const char *brand, const char *tone)
{
	omni_span order = omni_json_at(omni_record_get(rec, "orders"), 0);
	omni_span ship = omni_json_at(omni_json_get(order, "fulfillments"), 0);
	json_t *x = json_object();
	char *carrier = str(omni_json_get(ship, "carrier"));
	char *number = str(omni_json_get(ship, "tracking_number"));
	char *url = str(omni_json_get(ship, "tracking_url"));
	char *name = str(omni_json_get(omni_record_get(rec, "customer"), "name"));
	char now[40], *out;

	omni_json_set_str(x, "brand", brand);
	omni_json_set_str(x, "tone", tone);
	if (!url || !*url) {
		free(url);
		url = omni_reply_tracking_link(carrier, number);
	}
	omni_json_set_str(x, "tracking_link", url);
	if (name)
		name[strcspn(name, " \t")] = '\0';
	omni_json_set_str(x, "first_name", name && *name ? name : NULL);
	omni_json_set_str(x, "now", now_text(now));
	out = omni_reply_json(x, NULL);
	json_decref(x);
	free(carrier);
	free(number);
	free(url);
	free(name);
	return out;
}

int
omni_reply_render(omni_tmpl_lib *lib, const omni_record *rec, const char *name,
                  const char *brand, const char *zone, json_t *reply, omni_error *err)
{
	char *channel = str(omni_record_get(rec, "channel"));
	char *store = str(omni_record_get(rec, "store"));
	char *lang = str(omni_record_get(rec, "lang"));
	char *extras = NULL, *text = NULL, *html = NULL, found[600];
	const char *tone = omni_reply_tone(channel), *used = NULL;
	const omni_tmpl *t = NULL;
	ctx c = { rec, { NULL, 0 }, { { NULL, 0 } }, { 0 }, lib,
	          { name, lang, store ? store : "", channel, tone, 0 }, err };
	omni_tmpl_ctx tc = { NULL, 0, root, partial, &c, zone };
	int rc = -1, got;

	extras = extras_json(rec, brand ? brand : store, tone);
	c.extras.p = extras;
	c.extras.n = extras ? strlen(extras) : 0;
	if ((got = omni_tmpl_lib_find(lib, &c.want, &t, &used, found, sizeof found, err)) < 0)
		goto out;
	if (!got) {
		rc = 0;               /* no template: no reply */
		goto out;
	}
	tc.lang = c.want.lang = used;
	if (!(text = omni_tmpl_render(t, &tc, err))) {
		omni_error_locate(err, found, 0);
		goto out;
	}
	c.want.html = 1;
	const char *hlang = NULL;
	if (omni_tmpl_lib_find(lib, &c.want, &t, &hlang, NULL, 0, err) > 0 &&
	    strcmp(hlang, used) == 0) {    /* never an HTML part in another language */
		tc.html = 1;
		if (!(html = omni_tmpl_render(t, &tc, err)))
			goto out;
	}
	json_object_set_new(reply, "template", json_string(name));
	json_object_set_new(reply, "lang", json_string(used));
	json_object_set_new(reply, "source", json_string(found));
	json_object_set_new(reply, "text", json_string(text));
	if (html)
		json_object_set_new(reply, "html", json_string(html));
	rc = 1;
out:
	free(channel);
	free(store);
	free(lang);
	free(extras);
	free(text);
	free(html);
	return rc;
}
