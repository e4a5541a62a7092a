/* reply_draft.c - a first draft from a model: any OpenAI-compatible chat
 * completions endpoint gets the ticket, its verified orders and their
 * tracking, the template's reply and the store's policy, and answers with
 * a draft.  An order not verified for the ticket is never sent to it,
 * only the number the customer named.  The draft replaces the template's
 * text and is linted like it; on any failure the caller keeps the
 * template's reply. */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "record/record.h"
#include "record/bridge.h"
#include "net/net.h"
#include "reply/reply.h"

#define DRAFT_MESSAGES 10     /* the last messages the model sees */

static const char *
language_name(const char *lang)
{
	static const char *const names[][2] = {
		{ "en", "English" }, { "it", "Italian" }, { "fr", "French" },
		{ "es", "Spanish" }, { "de", "German" },
	};
	for (size_t i = 0; lang && i < sizeof names / sizeof names[0]; i++)
		if (strncmp(lang, names[i][0], 2) == 0)
			return names[i][1];
	return "the customer's language";
}

/* What the model is told to be: the store, the channel's voice and rules,
 * the policy.  new */
static char *
system_prompt(const omni_reply_drafter *d, const char *channel, const char *lang,
              int unverified)
{
	const char *tone = omni_reply_tone(channel);
	char *out = NULL;

	if (asprintf(&out,
	        "You write the first draft of a customer support reply for %s, answering a "
	        "customer on %s. Write in %s. %s Use only the facts given: the order, its "
	        "tracking and the store's policy; never promise what they do not say. No links "
	        "other than the tracking links given, no e-mail addresses or phone numbers, no "
	        "marketing, no requests for reviews, no emojis. Answer with the text of the "
	        "reply alone.%s%s%s",
	        d->brand && *d->brand ? d->brand : "the store", channel ? channel : "e-mail",
	        language_name(lang),
	        strcmp(tone, "formal") == 0 ? "Be formal and factual." :
	        strcmp(tone, "warm") == 0 ? "Be short and warm: a few sentences." :
	        "Be clear and friendly.",
	        unverified ? " The customer named the order in unverified_order, which is not "
	        "verified as hers: say nothing about its state, and ask her to write from the "
	        "e-mail address or account she ordered with, or to give the e-mail address or "
	        "the postal code the order was placed with." : "",
	        d->policy && *d->policy ? "\n\nThe store's policy:\n" : "",
	        d->policy ? d->policy : "") < 0)
		out = NULL;
	return out;
}

/* The ticket as the model reads it: subject, customer, the last messages,
 * the verified orders with tracking, the number of an order named but not
 * verified, the template's reply.  new */
static char *
user_prompt(omni_reply_view *v, const json_t *reply)
{
	const omni_record *rec = omni_reply_view_record(v);
	json_t *ctx = json_object(), *msgs = json_array(), *all;
	omni_span m;
	omni_jiter it;
	size_t n = 0;
	char *out;

	omni_json_iter(&it, omni_record_get(rec, "messages"));
	while (omni_json_next(&it, NULL, &m))
		n++;
	omni_json_iter(&it, omni_record_get(rec, "messages"));
	for (size_t i = 0; omni_json_next(&it, NULL, &m); i++) {
		if (i + DRAFT_MESSAGES < n)
			continue;
		json_t *one = json_object();
		json_object_set_new(one, "from", json_string(
			omni_json_string_eq(omni_json_get(m, "direction"), "in") ? "customer" : "us"));
		json_object_set_new(one, "at", omni_json_to_jansson(omni_json_get(m, "at")));
		json_object_set_new(one, "text", omni_json_to_jansson(omni_json_get(m, "text")));
		json_array_append_new(msgs, one);
	}
	json_object_set_new(ctx, "subject", omni_json_to_jansson(omni_record_get(rec, "subject")));
	json_object_set_new(ctx, "customer_name", omni_json_to_jansson(
		omni_json_get(omni_record_get(rec, "customer"), "name")));
	json_object_set_new(ctx, "intent", omni_json_to_jansson(omni_record_get(rec, "intent")));
	json_object_set_new(ctx, "messages", msgs);
	json_object_set_new(ctx, "orders", (all = omni_json_to_jansson(omni_reply_view_orders(v)))
	                                   ? all : json_array());
	if (!omni_reply_view_orders(v).p && omni_reply_view_unverified(v).p)
		json_object_set_new(ctx, "unverified_order",
		                    omni_json_to_jansson(omni_reply_view_unverified(v)));
	json_object_set(ctx, "template_reply", json_object_get(reply, "text") ?
	                json_object_get(reply, "text") : json_null());
	out = json_dumps(ctx, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(ctx);
	return out;
}

/* choices[0].message.content, trimmed: new, or NULL. */
static char *
content_of(const omni_http_response *resp)
{
	json_t *doc = json_loadb(resp->body, resp->len, 0, NULL);
	json_t *c = json_object_get(json_object_get(json_array_get(json_object_get(doc, "choices"), 0),
	                                            "message"), "content");
	const char *s = json_string_value(c);
	char *out = NULL;

	if (s) {
		s += strspn(s, " \t\r\n");
		size_t n = strlen(s);
		while (n && strchr(" \t\r\n", s[n - 1]))
			n--;
		out = n ? strndup(s, n) : NULL;
	}
	json_decref(doc);
	return out;
}

int
omni_reply_draft(const omni_reply_drafter *d, omni_reply_view *v, json_t *reply,
                 omni_error *err)
{
	const omni_record *rec = omni_reply_view_record(v);
	char *channel = omni_json_string(omni_record_get(rec, "channel"), NULL);
	const char *lang = json_string_value(json_object_get(reply, "lang"));
	char *lang_in = omni_json_string(omni_record_get(rec, "lang"), NULL);
	int unverified = !omni_reply_view_orders(v).p && omni_reply_view_unverified(v).p;
	char *sys = system_prompt(d, channel, lang ? lang : lang_in, unverified);
	char *user = user_prompt(v, reply), *body = NULL, *text = NULL;
	omni_http_response *resp = NULL;
	json_t *req = NULL;
	int rc = 0;

	req = json_pack("{s:s?, s:[{s:s?, s:s?}, {s:s?, s:s?}], s:f}", "model", d->model,
	                "messages", "role", "system", "content", sys, "role", "user",
	                "content", user, "temperature", 0.2);
	if (!sys || !user || !req || !(body = json_dumps(req, JSON_COMPACT | JSON_PRESERVE_ORDER))) {
		omni_error_oom(err);
		rc = -1;
		goto out;
	}
	if (omni_http_request(d->http, "POST", d->url, "draft", "application/json", body,
	                      strlen(body), &resp, err) < 0)
		goto out;
	if (!(text = content_of(resp))) {
		omni_error_set(err, OMNI_EX_PROTOCOL, d->url, 0, 0,
		               "draft: no choices[0].message.content in the answer");
		goto out;
	}
	json_t *t = json_string(text);
	if (!t) {
		omni_error_set(err, OMNI_EX_PROTOCOL, d->url, 0, 0, "draft: the text is not UTF-8");
		goto out;
	}
	json_object_set_new(reply, "text", t);
	json_object_del(reply, "html");           /* the template's, not the draft's */
	json_object_set_new(reply, "drafted_by", json_string(d->model ? d->model : d->url));
	rc = 1;
out:
	json_decref(req);
	free(channel);
	free(lang_in);
	free(sys);
	free(user);
	free(body);
	free(text);
	return rc;
}
