/* reply_api.c - replies through the channels' send APIs: the Meta Send API
 * (Instagram and Messenger), the eBay Commerce Message API and TikTok
 * Shop's customer service API, each once through the send ledger.
 *
 * A POST that may have reached the channel is never repeated: the HTTP
 * handle comes without retries of its own, and only failures that show
 * the message did not go out (a refused connection, 429, Meta's rate-limit
 * errors) are tried again here.  A time-out, a dropped connection or a
 * server error leaves the outcome unknown, for a person to resolve. */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "record/record.h"
#include "net/net.h"
#include "reply/reply.h"

/* The source of the customer's last message, else the ticket's. */
static omni_span
reply_source(const omni_record *rec)
{
	omni_span src = omni_json_get(omni_reply_last_inbound(rec), "source");
	return src.p ? src : omni_record_get(rec, "source");
}

static int
has_prefix(omni_span v, const char *prefix)
{
	char *s = omni_json_string(v, NULL);
	int yes = s && strncmp(s, prefix, strlen(prefix)) == 0;
	free(s);
	return yes;
}

/* last: the customer's last message; channel, source: the ticket's. */
static const char *
route_of(omni_span last, omni_span channel, omni_span source)
{
	omni_span ch = omni_json_get(last, "channel"), src = omni_json_get(last, "source");

	if (!ch.p)
		ch = channel;
	if (omni_json_string_eq(ch, "instagram") || omni_json_string_eq(ch, "facebook"))
		return "meta";
	if (omni_json_string_eq(ch, "ebay") &&
	    has_prefix(omni_json_get(src.p ? src : source, "thread_key"), "ebay:"))
		return "ebay";
	if (omni_json_string_eq(ch, "tiktok"))
		return has_prefix(omni_json_get(src.p ? src : source, "thread_key"), "tiktok:")
		       ? "tiktok" : "none";
	return "mail";
}

const char *
omni_reply_route(const omni_record *rec)
{
	return route_of(omni_reply_last_inbound(rec), omni_record_get(rec, "channel"),
	                omni_record_get(rec, "source"));
}

const char *
omni_reply_view_route(omni_reply_view *v)
{
	return route_of(omni_reply_view_last_inbound(v), omni_reply_field(v, "channel"),
	                omni_reply_field(v, "source"));
}

/* Did the failed request certainly not deliver, and may it be tried
 * again?  A refused or unresolved connection, or 429.  resp: the failed
 * request's answer, or NULL. */
static int
not_sent(omni_http *h, const omni_http_response *resp)
{
	omni_http_reach r = omni_http_last_reach(h);

	return r == OMNI_HTTP_NOT_SENT || (r == OMNI_HTTP_ANSWERED && resp && resp->status == 429);
}

/* A failure after the request went out with no answer that says it was
 * refused: a time-out, a broken connection, a server error.  sent_not:
 * not_sent's answer. */
static int
maybe_sent(const omni_error *e, int sent_not)
{
	if (sent_not)
		return 0;
	return e->status == OMNI_EX_TEMPFAIL || e->status == OMNI_EX_UNAVAILABLE;
}

/* Meta's error code and subcode from an HTTP error's excerpt of the body
 * ({"error":{"message":"(#10) ...","code":10,"error_subcode":2018278}}). */
static void
meta_code(const char *text, long *code, long *sub)
{
	const char *p;

	*code = *sub = 0;
	if ((p = strstr(text, "\"code\":")))
		*code = strtol(p + 7, NULL, 10);
	else if ((p = strstr(text, "(#")))
		*code = strtol(p + 2, NULL, 10);
	if ((p = strstr(text, "\"error_subcode\":")))
		*sub = strtol(p + 16, NULL, 10);
}

static int
meta_throttled(long code)
{
	return code == 4 || code == 17 || code == 32 || code == 613;
}

/* The documented Send API errors, with the status they deserve. */
static void
meta_error(omni_error *err)
{
	long code, sub;
	char was[sizeof err->text], url[sizeof err->where];

	if (err->status != OMNI_EX_PROTOCOL && err->status != OMNI_EX_NOPERM)
		return;
	meta_code(err->text, &code, &sub);
	snprintf(was, sizeof was, "%s", err->text);
	snprintf(url, sizeof url, "%s", err->where);
	if (code == 190)
		omni_error_set(err, OMNI_EX_NOPERM, url, 0, 0,
		               "the page access token is invalid or expired (meta error 190): %.300s", was);
	else if (meta_throttled(code))
		omni_error_set(err, OMNI_EX_TEMPFAIL, url, 0, 0,
		               "rate limited (meta error %ld): %.300s", code, was);
	else if (code == 10 || code == 551 || sub == 2018278)
		omni_error_set(err, OMNI_EX_UNAVAILABLE, url, 0, 0,
		               "outside the messaging window or the person is unavailable "
		               "(meta error %ld): %.300s", code, was);
}

/* POST a JSON body; the answer's id member into *id.  Retries only what
 * did not go out. */
static int
post(const omni_reply_api *a, const char *url, const char *body, int meta,
     const char *id_member, char **id, int *unknown, omni_error *err)
{
	omni_http_response *resp = NULL;
	long wait = a->backoff_ms;

	*unknown = 0;
	for (int n = 0;; n++) {
		if (omni_http_request(a->http, "POST", url, "send", "application/json", body,
		                      strlen(body), &resp, err) == 0)
			break;
		int again = not_sent(a->http, resp), maybe = maybe_sent(err, again);
		if (meta)
			meta_error(err);
		again = again || (meta && err->status == OMNI_EX_TEMPFAIL &&
		                  strstr(err->text, "rate limited (meta error"));
		if (!again || n >= a->retries) {
			*unknown = maybe;
			return -1;
		}
		omni_http_sleep((double)wait / 1000);
		wait *= 2;
	}
	json_t *doc = json_loadb(resp->body, resp->len, 0, NULL);
	const char *v = json_string_value(json_object_get(doc, id_member));
	*id = v ? strdup(v) : NULL;
	json_decref(doc);
	return 0;
}

/* The token as a bearer header on the handle (redacted in traces). */
static int
authorize(const omni_reply_api *a, omni_error *err)
{
	char *bearer = NULL;
	int rc = 0;

	omni_http_clear_headers(a->http);
	if (asprintf(&bearer, "Bearer %s", a->token) < 0)
		bearer = NULL;
	if (!bearer || omni_http_add_header(a->http, "Authorization", bearer, 1) < 0 ||
	    omni_http_add_header(a->http, "Accept", "application/json", 0) < 0)
		rc = omni_error_oom(err);
	free(bearer);
	return rc ? -1 : 0;
}

struct api_send {
	const omni_reply_api *a;
	char *url, *body;
	int meta;
	const char *id_member;
};

static int
api_send(void *arg, const char *text, char **id, int *unknown, omni_error *err)
{
	const struct api_send *s = arg;
	return post(s->a, s->url, s->body, s->meta, s->id_member, id, unknown, err);
}

/* The customer's id on the channel: the end of a thread key
 * "instagram:PAGE:CUSTOMER", else customer.handles.CHANNEL.  new */
static char *
meta_recipient(const omni_record *rec, const char *channel)
{
	char *key = omni_json_string(omni_json_get(reply_source(rec), "thread_key"), NULL);
	char *colon = key ? strrchr(key, ':') : NULL, *id = NULL;

	if (colon && colon[1])
		id = strdup(colon + 1);
	free(key);
	if (!id)
		id = omni_json_string(omni_json_get(omni_json_get(omni_record_get(rec, "customer"),
		                                                  "handles"), channel), NULL);
	return id;
}

/* Who, where, and the failed reply when there is no one to send to. */
static int
nobody(json_t *reply, const char *why)
{
	json_object_set_new(reply, "status", json_string("failed"));
	json_object_set_new(reply, "error", json_string(why));
	return 0;
}

int
omni_reply_send_meta(const omni_reply_api *a, const omni_record *rec, json_t *reply,
                     omni_error *err)
{
	omni_span last = omni_reply_last_inbound(rec);
	omni_span ch = omni_json_get(last, "channel");
	char *channel = omni_json_string(ch.p ? ch : omni_record_get(rec, "channel"), NULL);
	char *to = meta_recipient(rec, channel ? channel : "");
	char *page = omni_json_string(omni_json_get(reply_source(rec), "page_id"), NULL);
	char *mid = omni_json_string(omni_json_get(last, "id"), NULL);
	const char *tag = json_string_value(json_object_get(reply, "tag"));
	struct api_send s = { a, NULL, NULL, 1, "message_id" };
	json_t *body = NULL;
	int rc = -1;

	if (!to) {
		rc = nobody(reply, "no instagram or messenger id to reply to");
		goto out;
	}
	body = json_pack("{s:{s:s}, s:s, s:{s:s?}}", "recipient", "id", to, "messaging_type",
	                 tag ? "MESSAGE_TAG" : "RESPONSE", "message", "text",
	                 json_string_value(json_object_get(reply, "text")));
	if (body && tag)
		json_object_set_new(body, "tag", json_string(tag));
	if (!body || !(s.body = json_dumps(body, JSON_COMPACT)) ||
	    asprintf(&s.url, "%s/%s/%s/messages", a->base, a->version,
	             page && *page ? page : "me") < 0) {
		s.url = NULL;
		omni_error_oom(err);
		goto out;
	}
	if (authorize(a, err) < 0)
		goto out;
	omni_reply_transport t = { to, mid, NULL, api_send, &s };
	rc = omni_reply_send_once(a->store, rec, reply, &t, err);
out:
	json_decref(body);
	free(s.body);
	free(s.url);
	free(channel);
	free(to);
	free(page);
	free(mid);
	return rc;
}

int
omni_reply_send_ebay(const omni_reply_api *a, const omni_record *rec, json_t *reply,
                     omni_error *err)
{
	omni_span src = reply_source(rec);
	char *key = omni_json_string(omni_json_get(src, "thread_key"), NULL);
	char *conv = omni_json_string(omni_json_get(src, "external_id"), NULL);
	char *buyer = omni_json_string(omni_json_get(omni_json_get(omni_record_get(rec, "customer"),
	                                                           "handles"), "ebay"), NULL);
	char *mid = omni_json_string(omni_json_get(omni_reply_last_inbound(rec), "id"), NULL);
	struct api_send s = { a, NULL, NULL, 0, "messageId" };
	json_t *body = NULL;
	int rc = -1;

	/* the thread key is "ebay:CONVERSATION" when the conversation's id is
	 * known, else "ebay:BUYER" (and then a message starts one) */
	if (conv && !(key && strncmp(key, "ebay:", 5) == 0 && strcmp(key + 5, conv) == 0)) {
		free(conv);
		conv = NULL;
	}
	if (!buyer && !conv && key && strlen(key) > 5)
		buyer = strdup(key + 5);
	if (!conv && !buyer) {
		rc = nobody(reply, "no ebay conversation or buyer to reply to");
		goto out;
	}
	body = json_pack("{s:s?, s:s?, s:s?}", "conversationId", conv, "messageText",
	                 json_string_value(json_object_get(reply, "text")),
	                 "otherPartyUsername", buyer);
	if (!body || !(s.body = json_dumps(body, JSON_COMPACT)) ||
	    asprintf(&s.url, "%s/commerce/message/v1/send_message", a->base) < 0) {
		s.url = NULL;
		omni_error_oom(err);
		goto out;
	}
	if (authorize(a, err) < 0)
		goto out;
	omni_reply_transport t = { conv ? conv : buyer, mid, NULL, api_send, &s };
	rc = omni_reply_send_once(a->store, rec, reply, &t, err);
out:
	json_decref(body);
	free(s.body);
	free(s.url);
	free(key);
	free(conv);
	free(buyer);
	free(mid);
	return rc;
}

/* ---- TikTok Shop ---- */

struct tiktok_send {
	const omni_reply_api *a;
	const char *conv;
	char *body;
};

/* A signed POST of the message (a new timestamp and sign each try): the
 * envelope's code 0 and data.message_id, else the refusal it names. */
static int
tiktok_post(void *arg, const char *text, char **id, int *unknown, omni_error *err)
{
	const struct tiktok_send *s = arg;
	const omni_reply_api *a = s->a;
	long wait = a->backoff_ms;
	char path[300];

	(void)text;
	*unknown = 0;
	snprintf(path, sizeof path, "/customer_service/202309/conversations/%s/messages", s->conv);
	for (int n = 0;; n++) {
		char app[200], ts[48], cipher[300], sign[65], *url = NULL;
		const char *params[3] = { app, ts, cipher };
		size_t np = a->shop_cipher ? 3 : 2;
		omni_http_response *resp = NULL;
		int rc;

		snprintf(app, sizeof app, "app_key=%s", a->app_key);
		snprintf(ts, sizeof ts, "timestamp=%lld", (long long)(omni_clock_now() / 1000));
		snprintf(cipher, sizeof cipher, "shop_cipher=%s", a->shop_cipher ? a->shop_cipher : "");
		omni_tiktok_sign(a->secret, path, params, np, s->body, sign);
		if (asprintf(&url, "%s%s?%s&%s%s%s&sign=%s", a->base, path, app, ts,
		             np == 3 ? "&" : "", np == 3 ? cipher : "", sign) < 0)
			return omni_error_oom(err), -1;
		rc = omni_http_request(a->http, "POST", url, "send", "application/json", s->body,
		                       strlen(s->body), &resp, err);
		free(url);
		if (rc == 0) {
			json_t *doc = json_loadb(resp->body, resp->len, 0, NULL);
			const json_t *code = json_object_get(doc, "code");
			const char *mid = json_string_value(json_object_get(json_object_get(doc, "data"),
			                                                    "message_id"));
			if (json_is_integer(code) && json_integer_value(code) == 0) {
				*id = mid ? strdup(mid) : NULL;
				json_decref(doc);
				return 0;
			}
			/* an answer that refuses: nothing went out */
			omni_error_set(err, OMNI_EX_PROTOCOL, NULL, 0, 0, "tiktok refused the "
			               "message (code %" JSON_INTEGER_FORMAT "): %.200s",
			               json_integer_value(code),
			               json_string_value(json_object_get(doc, "message")) ?
			               json_string_value(json_object_get(doc, "message")) : "no message");
			json_decref(doc);
			return -1;
		}
		int again = not_sent(a->http, resp);
		if (!again || n >= a->retries) {
			*unknown = maybe_sent(err, again);
			return -1;
		}
		omni_http_sleep((double)wait / 1000);
		wait *= 2;
	}
}

int
omni_reply_send_tiktok(const omni_reply_api *a, const omni_record *rec, json_t *reply,
                       omni_error *err)
{
	char *key = omni_json_string(omni_json_get(reply_source(rec), "thread_key"), NULL);
	char *mid = omni_json_string(omni_json_get(omni_reply_last_inbound(rec), "id"), NULL);
	struct tiktok_send s = { a, NULL, NULL };
	json_t *content = NULL, *body = NULL;
	char *inner = NULL, *token = NULL;
	int rc = -1;

	if (!key || strncmp(key, "tiktok:", 7) != 0 || !key[7]) {
		rc = nobody(reply, "no tiktok conversation to reply to");
		goto out;
	}
	s.conv = key + 7;
	/* the message's content is itself JSON, as a string */
	content = json_pack("{s:s?}", "content", json_string_value(json_object_get(reply, "text")));
	if (!content || !(inner = json_dumps(content, JSON_COMPACT)) ||
	    !(body = json_pack("{s:s, s:s}", "type", "TEXT", "content", inner)) ||
	    !(s.body = json_dumps(body, JSON_COMPACT | JSON_PRESERVE_ORDER))) {
		omni_error_oom(err);
		goto out;
	}
	omni_http_clear_headers(a->http);
	if (omni_http_add_header(a->http, "x-tts-access-token", a->token, 1) < 0 ||
	    omni_http_add_header(a->http, "Accept", "application/json", 0) < 0) {
		omni_error_oom(err);
		goto out;
	}
	omni_reply_transport t = { s.conv, mid, NULL, tiktok_post, &s };
	rc = omni_reply_send_once(a->store, rec, reply, &t, err);
out:
	json_decref(content);
	json_decref(body);
	free(inner);
	free(s.body);
	free(token);
	free(key);
	free(mid);
	return rc;
}
