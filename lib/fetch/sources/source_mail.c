/*
 * source_mail.c - maildir:PATH and mbox:PATH as tickets.
 *
 * One message is one ticket with one message in it; omni-link joins them
 * into conversations (by source.thread_key, Message-ID/References, the
 * customer and the order ids).  Who wrote it, kept simple:
 *   - From is the source's own "address" (configuration): our mail, so
 *     direction "out", author "agent", and the customer is the first To;
 *   - mail a machine wrote (RFC 3834: Auto-Submitted other than "no",
 *     Precedence bulk/list/junk, List-Id or List-Unsubscribe, a delivery
 *     status notification, an out-of-office subject): direction "in",
 *     author "system", and the message's "auto" names why; a buyer's
 *     marketplace relay mail is a person's whatever list headers the
 *     relay adds;
 *   - a marketplace's own mail (Amazon's A-to-z and chargeback notices,
 *     its order mail, eBay's case mail; not a relay alias): direction
 *     "in", author "system";
 *   - anything else: direction "in", author "customer".
 * The thread key: "amazon:<alias>:<order id>" (":<order id>" left out when
 * unknown), "amazon:claim:<order id>" for A-to-z claims and chargebacks,
 * "ebay:<user name or alias>", "walmart:<customer order number>" for the
 * customer mail Walmart forwards (its Reply-To the customer's address and
 * the message's from), else the first id of References, else
 * In-Reply-To, else the Message-ID.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/core.h"
#include "mail/mail.h"
#include "fetch/fetch.h"
#include "order/order.h"

/* The mail as the parts of a ticket, with everything it owns. */
typedef struct mailinfo {
	omni_mail m;
	omni_relay r;
	const char *key, *path;
	omni_time at;
	const char *channel, *direction, *author, *text;
	char *id, *thread_key, *order_id;
	int auto_flags;           /* omni_mail_auto_flags */
} mailinfo;

static int has_domain(const char *addr, const char *prefix)
{
	const char *at = addr ? strrchr(addr, '@') : NULL;
	return at && strncasecmp(at + 1, prefix, strlen(prefix)) == 0;
}

/* Written by a machine (RFC 3834)?  The flags, omni_mail_auto_flags's,
 * without the list marks for a buyer's relay message. */
static int automatic(const char *raw, size_t len, const mailinfo *mi)
{
	int flags = omni_mail_auto_flags(raw, len, mi->m.subject);

	if (mi->r.channel && mi->r.kind && strcmp(mi->r.kind, "message") == 0)
		flags &= ~(OMNI_MAIL_AUTO_BULK | OMNI_MAIL_AUTO_LIST);
	return flags;
}

/* Our own reply to a marketplace buyer goes to the relay alias: the
 * ticket belongs to that channel and that buyer. */
static void outgoing_relay(mailinfo *mi)
{
	omni_relay_free(&mi->r);
	mi->r.kind = "message";
	if (has_domain(mi->m.to, "marketplace.amazon."))
		mi->r.channel = "amazon";
	else if (has_domain(mi->m.to, "members.ebay."))
		mi->r.channel = "ebay";
	else
		return;
	mi->r.alias = strdup(mi->m.to);
	mi->r.handle = strdup(mi->m.to);
}

/* The first Amazon 3-7-7 id among ids, or NULL (borrowed). */
static const char *first_amazon_id(const json_t *ids)
{
	size_t i;
	json_t *v;

	json_array_foreach(ids, i, v) {
		const char *s = json_string_value(v);
		if (strlen(s) == 19 && s[3] == '-' && s[11] == '-')
			return s;
	}
	return NULL;
}

static int thread_key(mailinfo *mi, const json_t *order_ids)
{
	const omni_mail *m = &mi->m;
	const char *order = mi->r.order_id ? mi->r.order_id : first_amazon_id(order_ids);
	int rc;

	if (mi->r.channel && strcmp(mi->r.channel, "amazon") == 0 && mi->r.alias)
		rc = order ? asprintf(&mi->thread_key, "amazon:%s:%s", mi->r.alias, order)
		           : asprintf(&mi->thread_key, "amazon:%s", mi->r.alias);
	else if (mi->r.channel && strcmp(mi->r.kind, "claim") == 0 && order)
		rc = asprintf(&mi->thread_key, "amazon:claim:%s", order);
	else if (mi->r.channel && strcmp(mi->r.channel, "ebay") == 0)
		rc = asprintf(&mi->thread_key, "ebay:%s", mi->r.handle);
	else if (mi->r.channel && strcmp(mi->r.channel, "walmart") == 0 && mi->r.order_id)
		rc = asprintf(&mi->thread_key, "walmart:%s", mi->r.order_id);
	else
		rc = (mi->thread_key = strdup(m->nreferences ? m->references[0]
		                              : m->in_reply_to ? m->in_reply_to
		                              : m->message_id ? m->message_id
		                              : mi->key)) ? 0 : -1;
	return rc < 0 ? -1 : 0;
}

static json_t *source_obj(omni_fetch *f, const mailinfo *mi, int full)
{
	json_t *s = json_object(), *refs;

	omni_json_set_str(s, "name", f->name);
	omni_json_set_str(s, "external_id", mi->m.message_id);
	omni_json_set_str(s, "thread_key", mi->thread_key);
	if (full)
		json_object_set_new(s, "url", json_null());
	omni_json_set_str(s, "message_id", mi->m.message_id);
	if (!full)
		return s;
	omni_json_set_str(s, "in_reply_to", mi->m.in_reply_to);
	if (mi->m.nreferences) {
		refs = json_array();
		for (size_t i = 0; i < mi->m.nreferences; i++)
			json_array_append_new(refs, json_string(mi->m.references[i]));
		json_object_set_new(s, "references", refs);
	}
	if (mi->path)
		omni_json_set_str(s, "path", mi->path);
	return s;
}

/* Who wrote: the From, but for Walmart's forwarded mail the customer's
 * address it gives as Reply-To. */
static const char *sender(const mailinfo *mi)
{
	if (mi->r.channel && strcmp(mi->r.channel, "walmart") == 0 && mi->r.alias)
		return mi->r.alias;
	return mi->m.from_addr;
}

static json_t *customer_obj(const mailinfo *mi, int out)
{
	json_t *c = json_object(), *emails = json_array();
	const char *addr = out ? mi->m.to : sender(mi);

	if (mi->r.channel && strcmp(mi->r.kind, "claim") == 0)
		addr = NULL;    /* Amazon's notice address is nobody's identity */
	omni_json_set_str(c, "name", mi->r.channel ? mi->r.name
	                             : out ? NULL : mi->m.from_name);
	if (addr)
		json_array_append_new(emails, json_string(addr));
	json_object_set_new(c, "emails", emails);
	if (mi->r.handle) {
		json_t *h = json_object();
		json_object_set_new(h, mi->r.channel, json_string(mi->r.handle));
		json_object_set_new(c, "handles", h);
	}
	return c;
}

static json_t *message_obj(omni_fetch *f, const mailinfo *mi)
{
	json_t *msg = omni_message_new(mi->id + strlen(f->name) + 1, mi->direction,
	                               mi->author, mi->at, mi->text, mi->channel);
	json_t *atts = json_array();

	for (size_t i = 0; i < mi->m.nattachments; i++) {
		const omni_attachment *a = &mi->m.attachments[i];
		json_t *o = json_object();
		omni_json_set_str(o, "filename", a->filename);
		omni_json_set_str(o, "content_type", a->content_type);
		json_object_set_new(o, "size", json_integer((json_int_t)a->size));
		json_array_append_new(atts, o);
	}
	json_object_set_new(msg, "attachments", atts);
	omni_message_set_from(msg, sender(mi));
	if (mi->auto_flags) {
		json_t *a = json_array();
		for (int bit = 1; bit <= OMNI_MAIL_AUTO_ALL; bit <<= 1)
			if (mi->auto_flags & bit)
				json_array_append_new(a, json_string(omni_mail_auto_name(bit)));
		json_object_set_new(msg, "auto", a);
	}
	/* the eBay member's words, as the Message API has them too */
	if (mi->r.channel && strcmp(mi->r.channel, "ebay") == 0 &&
	    strcmp(mi->direction, "in") == 0 && mi->r.handle && mi->r.alias &&
	    strcmp(mi->r.handle, mi->r.alias) != 0)
		omni_message_set_digest(msg, "ebay", mi->r.handle, mi->text);
	json_object_set_new(msg, "source", source_obj(f, mi, 0));
	return msg;
}

/* Parses and classifies; fills mi.  0 or -1 with err. */
static int mail_info(omni_fetch *f, const char *raw, size_t len, mailinfo *mi,
                     omni_error *err)
{
	const char *own = f->conf ? omni_conf_get(f->conf, "address") : NULL;
	int out;

	if (omni_mail_parse(raw, len, &mi->m, err) < 0)
		return -1;
	omni_relay_classify(&mi->m, &mi->r);
	out = own && mi->m.from_addr && strcasecmp(own, mi->m.from_addr) == 0;
	if (out)
		outgoing_relay(mi);
	mi->direction = out ? "out" : "in";
	mi->auto_flags = out ? 0 : automatic(raw, len, mi);
	/* a marketplace's own notice (an A-to-z claim, a chargeback, an
	 * order or case mail) is no buyer's words, for every stage */
	mi->author = out ? "agent" :
	             mi->auto_flags || omni_relay_marketplace_own(mi->m.from_addr) ? "system" :
	             "customer";
	mi->channel = f->channel ? f->channel : mi->r.channel ? mi->r.channel : "email";
	mi->text = mi->r.text ? mi->r.text : mi->m.text;
	if (mi->m.has_date)
		mi->at = mi->m.date;
	if (asprintf(&mi->id, "%s:%s", f->name,
	             mi->m.message_id ? mi->m.message_id : mi->key) < 0)
		return omni_error_oom(err), -1;
	return 0;
}

static void mail_info_free(mailinfo *mi)
{
	omni_mail_free(&mi->m);
	omni_relay_free(&mi->r);
	free(mi->id);
	free(mi->thread_key);
}

/* What was read only in part, said through f->warn at where:line0+line. */
static void mail_warnings(omni_fetch *f, const omni_mail *m, const char *where,
                          long line0)
{
	omni_error w = {0};

	if (!f->warn)
		return;
	for (size_t i = 0; i < m->nwarnings; i++) {
		omni_error_set(&w, OMNI_EX_OK, where, line0 + m->warnings[i].line, 0,
		               "%s", m->warnings[i].text);
		f->warn(f, &w);
	}
}

/* The ticket of one message; mtime stands in for a missing Date. */
static json_t *mail_ticket(omni_fetch *f, const char *raw, size_t len,
                           const char *key, const char *path, omni_time mtime,
                           const char *where, long line0, omni_error *err)
{
	mailinfo mi = {.key = key, .path = path, .at = mtime};
	json_t *t = NULL, *ids = json_array();

	if (mail_info(f, raw, len, &mi, err) < 0)
		goto out;
	mail_warnings(f, &mi.m, where, line0);
	if (mi.r.order_id)
		json_array_append_new(ids, json_string(mi.r.order_id));
	omni_order_ids_find(mi.m.subject, ids);
	omni_order_ids_find(mi.m.text, ids);
	if (thread_key(&mi, ids) < 0) {
		omni_error_oom(err);
		goto out;
	}
	t = omni_ticket_new(mi.id, mi.channel, f->store_name, mi.r.kind);
	json_object_set_new(t, "source", source_obj(f, &mi, 1));
	omni_json_set_str(t, "subject", mi.m.subject);
	omni_json_set_time(t, "created_at", mi.at);
	omni_json_set_time(t, "updated_at", mi.at);
	json_object_set_new(t, "customer", customer_obj(&mi, strcmp(mi.direction, "out") == 0));
	json_object_set(t, "order_ids", ids);
	/* a claim Amazon says is over: omni-link solves its ticket */
	if (mi.r.status)
		omni_json_set_str(t, "status", mi.r.status);
	omni_ticket_add_message_new(t, message_obj(f, &mi));
out:
	json_decref(ids);
	mail_info_free(&mi);
	return t;
}

json_t *omni_mail_ticket(omni_fetch *f, const char *raw, size_t len,
                         const char *key, const char *where, omni_error *err)
{
	return mail_ticket(f, raw, len, key, NULL, 0, where, 0, err);
}

/* One message from the mailbox: a ticket; or, unreadable, set aside (it
 * must not stop the mail after it, run after run); or a located error. */
static int one(omni_fetch *f, int mbox, const char *path,
               const omni_mailbox_msg *msg, omni_error *err)
{
	omni_error e = {0};
	json_t *t, *keys;
	int seen = omni_fetch_seen(f, msg->key, err), rc;

	if (seen)
		return seen < 0 ? -1 : 0;
	/* lines count from the mbox's "From " line, or the file's start */
	t = mail_ticket(f, msg->data, msg->len, msg->key, mbox ? NULL : msg->path,
	                msg->mtime, mbox ? path : msg->path, mbox ? msg->line : 0, &e);
	if (!t) {
		snprintf(e.where, sizeof e.where, "%s", mbox ? path : msg->path);
		e.line = mbox ? msg->line + e.line : e.line;
		if (e.status == OMNI_EX_DATAERR)
			return omni_fetch_set_aside(f, msg->data, msg->len, msg->key, &e, err);
		if (err)
			*err = e;
		return -1;
	}
	keys = json_array();
	json_array_append_new(keys, json_string(msg->key));
	rc = f->emit(f, t, keys);
	json_decref(keys);
	if (rc)
		return omni_error_set(err, OMNI_EX_IOERR, "stdout", 0, 0,
		                      "output stopped"), -1;
	return 0;
}

int omni_source_mail(omni_fetch *f, const char *kind, const char *path,
                     omni_error *err)
{
	omni_mailbox *mb = NULL;
	omni_mailbox_msg msg;
	int mbox = strcmp(kind, "mbox") == 0, r;

	if (omni_mailbox_open(kind, path, &mb, err) < 0)
		return -1;
	while ((r = omni_mailbox_next(mb, &msg, err)) == 1)
		if (one(f, mbox, path, &msg, err) < 0) {
			r = -1;
			break;
		}
	omni_mailbox_close(mb);
	return r < 0 ? -1 : 0;
}
