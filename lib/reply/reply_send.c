/* reply_send.c - linting a ticket's reply with its order context, and
 * delivering it by e-mail exactly once through the send ledger. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <strings.h>

#include "core/core.h"
#include "record/record.h"
#include "store/store.h"
#include "reply/reply.h"

/* A growing list of borrowed-or-owned strings (owned ones are freed). */
typedef struct strs {
	char **v;
	size_t n;
} strs;

static void
strs_add(strs *s, char *owned)
{
	char **t;
	if (!owned || !*owned || !(t = realloc(s->v, (s->n + 1) * sizeof *t))) {
		free(owned);
		return;
	}
	s->v = t;
	s->v[s->n++] = owned;
}

static void
strs_free(strs *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
}

/* The order's own links and numbers: what a reply may name. */
static void
order_context(omni_reply_view *w, strs *links, strs *ids)
{
	omni_span orders = omni_reply_field(w, "orders"), o, f, v;
	omni_jiter ii;

	omni_json_iter(&ii, omni_reply_field(w, "order_ids"));
	while (omni_json_next(&ii, NULL, &v))
		strs_add(ids, omni_json_string(v, NULL));
	for (size_t i = 0; (o = omni_reply_nth(w, orders, i)).p; i++) {
		strs_add(ids, omni_json_string(omni_reply_get(w, o, "id"), NULL));
		strs_add(ids, omni_json_string(omni_reply_get(w, o, "number"), NULL));
		omni_span ful = omni_reply_get(w, o, "fulfillments");
		for (size_t k = 0; (f = omni_reply_nth(w, ful, k)).p; k++) {
			char *carrier = omni_json_string(omni_reply_get(w, f, "carrier"), NULL);
			char *number = omni_json_string(omni_reply_get(w, f, "tracking_number"), NULL);
			strs_add(links, omni_json_string(omni_reply_get(w, f, "tracking_url"), NULL));
			strs_add(links, omni_reply_tracking_link(carrier, number));
			strs_add(ids, number);
			free(carrier);
		}
	}
}

/* An address a reply may be written to: one address, no display name,
 * no NUL inside, not a no-reply address.  new, or NULL and *why (may be
 * NULL) */
static char *
usable_address(omni_span v, const char **why)
{
	size_t n;
	char *a = omni_json_string(v, &n);
	const char *no = NULL;

	if (!a || n != strlen(a) || !strchr(a, '@') || strpbrk(a, "<>,; \r\n\t"))
		no = "the sender's address is not one address";
	else if (omni_reply_no_reply(a, 0))
		no = "the sender's address takes no reply";
	if (no) {
		free(a);
		a = NULL;
		if (why)
			*why = no;
	}
	return a;
}

/* The last message the customer wrote herself: in, not by the system (an
 * autoreply, a bounce, a notice). */
static omni_span
last_written(omni_reply_view *v)
{
	omni_span msgs = omni_reply_field(v, "messages"), m, found = { NULL, 0 };

	for (size_t i = 0; (m = omni_reply_nth(v, msgs, i)).p; i++)
		if (omni_json_string_eq(omni_reply_get(v, m, "direction"), "in") &&
		    !omni_json_string_eq(omni_reply_get(v, m, "author"), "system"))
			found = m;
	return found;
}

static const char rcpt_unsure[] =
	"the message answered does not name its sender, and the customer has more "
	"than one e-mail address";

omni_rcpt
omni_reply_recipient(omni_reply_view *v, char **to, const char **why)
{
	static const char *const no_mail[] = { "instagram", "facebook", "tiktok", "chat", "sms", NULL };
	omni_span ch = omni_reply_get(v, omni_reply_view_last_inbound(v), "channel");
	omni_span from = omni_reply_get(v, last_written(v), "from"), e;
	omni_span emails = omni_reply_get(v, omni_reply_field(v, "customer"), "emails");
	size_t n = 0;

	*to = NULL;
	*why = NULL;
	if (!ch.p)
		ch = omni_reply_field(v, "channel");
	for (int i = 0; no_mail[i]; i++)
		if (omni_json_string_eq(ch, no_mail[i]))
			return OMNI_RCPT_NONE;
	if (from.p && omni_json_type(from) != OMNI_J_NULL) {
		/* the sender, and no one else: not another address of hers */
		*to = usable_address(from, why);
		return *to ? OMNI_RCPT_FOUND : OMNI_RCPT_NONE;
	}
	for (size_t i = 0; (e = omni_reply_nth(v, emails, i)).p; i++) {
		char *a = usable_address(e, NULL);
		if (a && !*to) {
			*to = a;
			n = 1;
		} else if (a) {
			n += strcasecmp(a, *to) != 0;
			free(a);
		}
	}
	if (n == 1)
		return OMNI_RCPT_FOUND;
	/* An Amazon buyer with no address of her own here: her relay alias,
	 * which omni-link keeps in handles.amazon (omni-ticket(5)). */
	if (!n && omni_json_string_eq(ch, "amazon")) {
		omni_span h = omni_reply_get(v, omni_reply_get(v, omni_reply_field(v, "customer"),
		                                               "handles"), "amazon");
		if (omni_json_type(h) == OMNI_J_STRING && (*to = usable_address(h, NULL)))
			return OMNI_RCPT_FOUND;
	}
	free(*to);
	*to = NULL;
	*why = n ? rcpt_unsure : NULL;
	return n ? OMNI_RCPT_UNSURE : OMNI_RCPT_NONE;
}

/* The recipient rule of the lint: a reply by e-mail goes to the sender of
 * the message it answers, never to a guess among the customer's addresses. */
static int
lint_recipient(omni_reply_view *w, json_t *reasons)
{
	const char *why;
	char *to = NULL, line[300];
	omni_rcpt r;

	if (strcmp(omni_reply_view_route(w), "mail") != 0)
		return 0;
	r = omni_reply_recipient(w, &to, &why);
	free(to);
	if (r != OMNI_RCPT_UNSURE)
		return 0;
	snprintf(line, sizeof line, "recipient: %s", why);
	json_array_append_new(reasons, json_string(line));
	return 1;
}

/* The slot rule: a template's value that wrote nothing ("shipped with .")
 * states what the store does not know; every channel. */
static int
lint_slots(omni_reply_view *w, const char *text, json_t *reasons)
{
	const char *slots = omni_reply_view_slots(w, text);
	char line[400];
	int n = 0;

	while (slots && *slots) {
		size_t k = strcspn(slots, " ");
		snprintf(line, sizeof line, "slot: {{%.*s}} is empty: the store does not have it",
		         (int)k, slots);
		json_array_append_new(reasons, json_string(line));
		n++;
		slots += k + (slots[k] == ' ');
	}
	return n;
}

int
omni_reply_lint_text(omni_reply_view *w, const char *text, const json_t *attachments,
                     int human, json_t *reasons, const char **tag)
{
	strs links = { 0 }, ids = { 0 }, types = { 0 };
	char *channel = omni_json_string(omni_reply_field(w, "channel"), NULL);
	char *kind = NULL, *at = NULL;
	int needs = omni_reply_lint_needs(channel);
	omni_lint_in in = { 0 };
	json_t *a;
	size_t i;
	int n = 0;

	if (tag)
		*tag = NULL;
	if (text)
		n += lint_recipient(w, reasons);
	n += lint_slots(w, text, reasons);
	if (!text || !needs)          /* nothing the channel's rules read */
		goto out;
	kind = omni_json_string(omni_reply_field(w, "kind"), NULL);
	if (needs & OMNI_LINT_ORDER)
		order_context(w, &links, &ids);
	if (needs & OMNI_LINT_WINDOW)
		at = omni_json_string(omni_reply_get(w, omni_reply_view_last_inbound(w), "at"), NULL);
	in.text = text;
	in.channel = channel;
	in.kind = kind;
	in.links = (const char *const *)links.v;
	in.nlinks = links.n;
	in.ids = (const char *const *)ids.v;
	in.nids = ids.n;
	in.order_id = ids.n ? ids.v[0] : NULL;
	json_array_foreach((json_t *)attachments, i, a) {
		in.nattachments++;
		in.attachment_bytes += (size_t)json_integer_value(json_object_get(a, "size"));
		const char *ct = json_string_value(json_object_get(a, "content_type"));
		strs_add(&types, strdup(ct ? ct : "?"));
	}
	in.attachment_types = (const char *const *)types.v;
	in.ntypes = types.n;
	in.now = omni_clock_now();
	in.has_inbound = at && omni_time_parse(at, &in.last_inbound) == 0;
	in.human = human;
	n += omni_reply_lint(&in, reasons, tag);
out:
	strs_free(&links);
	strs_free(&ids);
	strs_free(&types);
	free(channel);
	free(kind);
	free(at);
	return n;
}

int
omni_reply_lint_ticket(omni_reply_view *w, json_t *reply, int human, const char **tag)
{
	json_t *reasons = json_array();
	int n = omni_reply_lint_text(w, json_string_value(json_object_get(reply, "text")),
	                             json_object_get(reply, "attachments"), human, reasons, tag);

	json_object_set_new(reply, "lint", reasons);
	return n;
}

/* Message ids of the thread, oldest first: the ids that are RFC 5322
 * Message-IDs (they have an '@'). */
static void
thread_ids(const omni_record *rec, strs *refs, char **in_reply_to)
{
	omni_span m;
	omni_jiter it;

	*in_reply_to = NULL;
	omni_json_iter(&it, omni_record_get(rec, "messages"));
	while (omni_json_next(&it, NULL, &m)) {
		char *id = omni_json_string(omni_json_get(m, "id"), NULL);
		if (!id || !strchr(id, '@') || strpbrk(id, "<> \r\n")) {
			free(id);
			continue;
		}
		if (omni_json_string_eq(omni_json_get(m, "direction"), "in")) {
			free(*in_reply_to);
			*in_reply_to = strdup(id);
		}
		strs_add(refs, id);
	}
}

static char *
subject_of(const omni_record *rec)
{
	char *s = omni_json_string(omni_record_get(rec, "subject"), NULL), *out = NULL;

	if (!s || !*s) {
		free(s);
		return strdup("Re: your message");
	}
	if (strncasecmp(s, "re:", 3) == 0)
		return s;
	if (asprintf(&out, "Re: %s", s) < 0)
		out = NULL;
	free(s);
	return out;
}

/* A bare address from "Name <addr>" or "addr". new */
static char *
bare_address(const char *from)
{
	const char *lt = strrchr(from, '<'), *gt = lt ? strchr(lt, '>') : NULL;
	return lt && gt ? strndup(lt + 1, (size_t)(gt - lt - 1)) : strdup(from);
}

static void
mark(json_t *reply, const char *status, const char *at, const char *external_id)
{
	json_object_set_new(reply, "status", json_string(status));
	if (at)
		json_object_set_new(reply, "sent_at", json_string(at));
	if (external_id)
		json_object_set_new(reply, "external_id", json_string(external_id));
}

/* The ledger key: ticket, the message answered, where to, and the text;
 * a satisfaction request's, the ticket's alone. */
static void
ledger_key(const omni_record *rec, const json_t *reply, const char *to, const char *irt,
           const char *text, char key[65])
{
	if (omni_reply_csat_request(reply)) {
		omni_reply_csat_key(rec, key);
		return;
	}
	char *tid = omni_json_string(omni_record_get(rec, "id"), NULL), *buf = NULL;
	int n = asprintf(&buf, "%s\n%s\n%s\n%s", tid ? tid : "", irt ? irt : "", to, text ? text : "");
	omni_sha256_hex(n < 0 ? "" : buf, n < 0 ? 0 : (size_t)n, key);
	free(buf);
	free(tid);
}

/* The key is another's: sent meanwhile, in flight in a live run (left to
 * it: "pending"), or in doubt (a claimer gone, or unknown already): a
 * person must look before it goes again.  0, or -1 with err. */
static int
settle_claimed(omni_store *s, const char *key, json_t *reply, omni_ledger_entry *e,
               omni_error *err)
{
	omni_ledger_entry_free(e);
	if (omni_ledger_get(s, key, e, err) < 0)
		return -1;
	if (strcmp(e->state, "sent") == 0) {
		mark(reply, "sent", e->updated_at, e->external_id);
		return 0;
	}
	if (strcmp(e->state, "pending") == 0 && omni_proc_alive(e->claimed_by)) {
		mark(reply, "pending", NULL, NULL);
		return 0;
	}
	if (strcmp(e->state, "pending") == 0 &&
	    omni_ledger_abandon(s, key, e->claimed_by, err) < 0)
		return -1;
	if (strcmp(e->state, "failed") == 0) {
		mark(reply, "failed", NULL, NULL);   /* another run failed it just now */
		return 0;
	}
	mark(reply, "unknown", NULL, NULL);
	return 0;
}

int
omni_reply_send_once(omni_store *s, const omni_record *rec, json_t *reply,
                     const omni_reply_transport *t, omni_error *err)
{
	char *tid = omni_json_string(omni_record_get(rec, "id"), NULL), *id = NULL;
	char *channel = omni_json_string(omni_record_get(rec, "channel"), NULL);
	char key[65], now[40];
	const char *text = json_string_value(json_object_get(reply, "text"));
	omni_ledger_entry e = { 0 };
	omni_error why = { 0 };
	int rc = -1, unknown = 0, found, claimed;

	ledger_key(rec, reply, t->to, t->thread, text, key);
	json_object_set_new(reply, "ledger_key", json_string(key));
	if ((found = omni_ledger_get(s, key, &e, err)) < 0)
		goto out;
	if (found && strcmp(e.state, "sent") == 0) {
		mark(reply, "sent", e.updated_at, e.external_id);
		rc = 0;
		goto out;
	}
	if ((claimed = omni_ledger_claim(s, key, tid, channel, t->planned_id, omni_proc_self(), err)) < 0)
		goto out;
	if (!claimed) {
		rc = settle_claimed(s, key, reply, &e, err);
		goto out;
	}
	if (t->send(t->arg, text, &id, &unknown, &why) == 0) {
		const char *xid = id ? id : t->planned_id;
		if (omni_ledger_set(s, key, tid, channel, "sent", xid, NULL, err) < 0)
			goto out;
		mark(reply, "sent", omni_time_format(omni_clock_now(), now), xid);
		rc = 0;
		goto out;
	}
	char text_err[700];
	omni_error_format(&why, text_err, sizeof text_err);
	if (omni_ledger_set(s, key, tid, channel, unknown ? "unknown" : "failed", NULL, text_err,
	                    err) < 0)
		goto out;
	mark(reply, unknown ? "unknown" : "failed", NULL, NULL);
	json_object_set_new(reply, "error", json_string(text_err));
	*err = why;
	rc = 1;
out:
	omni_ledger_entry_free(&e);
	free(tid);
	free(channel);
	free(id);
	return rc;
}

struct mail_send {
	const omni_reply_mailer *m;
	const char *from, *to, *msg;
	size_t len;
};

static int
mail_send(void *arg, const char *text, char **id, int *unknown, omni_error *err)
{
	const struct mail_send *ms = arg;
	return omni_smtp_send(&ms->m->smtp, ms->from, ms->to, ms->msg, ms->len, unknown, err);
}

int
omni_reply_send_mail(const omni_reply_mailer *m, omni_reply_view *v, json_t *reply,
                     omni_error *err)
{
	const omni_record *rec = omni_reply_view_record(v);
	strs refs = { 0 };
	char *to = NULL, *irt = NULL, *subject = NULL, *from = NULL;
	char *msg = NULL, *mid = NULL, key[65];
	const char *text = json_string_value(json_object_get(reply, "text")), *why;
	size_t len = 0;
	int rc = -1;

	if (omni_reply_recipient(v, &to, &why) != OMNI_RCPT_FOUND) {
		json_object_set_new(reply, "error", json_string(why ? why : "no e-mail address to reply to"));
		mark(reply, "failed", NULL, NULL);
		rc = 0;
		goto out;
	}
	thread_ids(rec, &refs, &irt);
	/* the Message-ID comes from the ledger key, so a resend after
	 * --resolve unsent threads as the same message */
	ledger_key(rec, reply, to, irt, text, key);
	from = bare_address(m->from);
	subject = subject_of(rec);
	const char *dom = strchr(from, '@');
	if (asprintf(&mid, "omni.%.32s@%s", key, dom ? dom + 1 : "localhost") < 0)
		mid = NULL;
	omni_mail_out mo = { m->from, to, subject, text,
	                     json_string_value(json_object_get(reply, "html")), mid, irt,
	                     (const char *const *)refs.v, refs.n, omni_clock_now(),
	                     /* a satisfaction request answers no message */
	                     omni_reply_csat_request(reply) ? 2 : m->auto_reply };
	if (!mid || !(msg = omni_mail_build(&mo, &len))) {
		omni_error_oom(err);
		goto out;
	}
	struct mail_send ms = { m, from, to, msg, len };
	omni_reply_transport t = { to, irt, mid, mail_send, &ms };
	rc = omni_reply_send_once(m->store, rec, reply, &t, err);
out:
	strs_free(&refs);
	free(to);
	free(irt);
	free(subject);
	free(from);
	free(msg);
	free(mid);
	return rc;
}
