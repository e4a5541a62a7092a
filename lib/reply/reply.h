/* reply.h - omni-reply: templates, lint, the send ledger, SMTP, the send APIs,
 * model drafts. */
#ifndef OMNI_REPLY_REPLY_H
#define OMNI_REPLY_REPLY_H

#include <jansson.h>

#include "core/core.h"
#include "record/record.h"
#include "record/bridge.h"
#include "store/store.h"
#include "net/net.h"

// reply_*.c - omni-reply: templates, lint, the send ledger, SMTP

// reply_view.c - one ticket, each of its objects and arrays walked once
typedef struct omni_reply_view omni_reply_view;
omni_reply_view *omni_reply_view_new(void);
void omni_reply_view_free(omni_reply_view *v);
/* Starts on rec (borrowed until the next call), forgetting the last one. */
void omni_reply_view_set(omni_reply_view *v, const omni_record *rec);
const omni_record *omni_reply_view_record(const omni_reply_view *v);
/* on: from now until the next omni_reply_view_set, the ticket's intent,
 * lang and sentiment are those of its latest request (the "latest" member
 * omni-route writes) where it has them: --auto answers the message, not
 * the conversation; 0: the conversation's again. */
void omni_reply_view_latest(omni_reply_view *v, int on);
/* omni_json_get and omni_json_at, a container inside the record indexed
 * on first use (others are walked each time). */
omni_span omni_reply_get(omni_reply_view *v, omni_span object, const char *key);
omni_span omni_reply_at(omni_reply_view *v, omni_span array, size_t index);
/* The index-th value of an array or an object, as omni_json_next gives
 * them; absent past the end. */
omni_span omni_reply_nth(omni_reply_view *v, omni_span container, size_t index);
/* omni_record_get, looked up once per ticket for each key string (by
 * its address: pass constants or strings that live as long); "orders" is
 * omni_reply_view_orders. */
omni_span omni_reply_field(omni_reply_view *v, const char *key);
/* The ticket's orders that are verified for it ("verified": true): an
 * array of them, or absent when there is none.  No other order is ever
 * seen through the view.  Borrowed until the next omni_reply_view_set. */
omni_span omni_reply_view_orders(omni_reply_view *v);
/* The first order not verified for the ticket, as the customer quotes it
 * (its number, else its id, else ""): a borrowed JSON string, absent when
 * every order is verified. */
omni_span omni_reply_view_unverified(omni_reply_view *v);
/* omni_reply_last_inbound, found once per ticket. */
omni_span omni_reply_view_last_inbound(omni_reply_view *v);
/* What omni_reply_compose left empty in the text it wrote for the ticket
 * (slots: paths separated by spaces; copied), for the lint. */
void omni_reply_view_set_slots(omni_reply_view *v, const char *text, const char *slots);
/* The slots text left empty when text is the text composed for the
 * ticket, else NULL.  Borrowed. */
const char *omni_reply_view_slots(const omni_reply_view *v, const char *text);

// reply_template.c - the template language (man/omni-templates.5)
typedef struct omni_tmpl omni_tmpl;
typedef struct omni_tmpl_ctx {
	const char *lang;         /* dates and money: en, it, fr, es, de */
	int html;                 /* escape every value for HTML */
	/* The value a path's first name stands for: borrowed span. */
	omni_span (*root)(void *arg, const char *name);
	/* {{> name}}: a compiled template (borrowed), or NULL. */
	const omni_tmpl *(*partial)(void *arg, const char *name);
	void *arg;
	const char *zone;         /* dates: the store's IANA zone; NULL UTC */
	omni_reply_view *view;    /* paths looked up through it; may be NULL */
	omni_text *empty;         /* may be NULL: the paths of the values that
	                           * wrote nothing are added, space-separated */
} omni_tmpl_ctx;
/* 0 and *out (new); -1 with err (78, where:line:column of the tag). */
int omni_tmpl_compile(const char *src, size_t len, const char *where,
                      long line, omni_tmpl **out, omni_error *err);
void omni_tmpl_free(omni_tmpl *t);
/* The text: new, or NULL with err (a missing partial: 78). */
char *omni_tmpl_render(const omni_tmpl *t, const omni_tmpl_ctx *ctx,
                       omni_error *err);
/* A fact t needs before it may be chosen (omni-templates(5), "Facts"):
 * PATH (a true value), !PATH (none), PATH=A|B (one of the values),
 * PATH!=A|B (none of them, or no value).  0, or -1 with err (78). */
int omni_tmpl_need(omni_tmpl *t, const char *fact, const char *where, long line,
                   omni_error *err);
/* 1 when the ticket ctx reads has every fact t needs; 0 and *missing
 * (may be NULL; borrowed) the first it lacks. */
int omni_tmpl_ready(const omni_tmpl *t, const omni_tmpl_ctx *ctx, const char **missing);
/* The i-th fact t needs as written, NULL past the last.  Borrowed. */
const char *omni_tmpl_fact(const omni_tmpl *t, size_t i);

// reply_format.c - each new; the input as is when it is not a time
// or an amount; the link NULL for an unknown carrier
/* A time as a date in zone (IANA, NULL for UTC), daylight saving time
 * included; a bare date as it is. */
char *omni_reply_date(const char *value, const char *lang, const char *zone);
char *omni_reply_money(const char *amount, const char *currency,
                       const char *lang);
char *omni_reply_tracking_link(const char *carrier, const char *number);

// reply_library.c - template bundles (DIR[/STORE]/LANG.tmpl)
typedef struct omni_tmpl_lib omni_tmpl_lib;
typedef struct omni_tmpl_want {
	const char *name, *lang, *store, *channel, *tone;
	int html;
	const omni_tmpl_ctx *facts;   /* the ticket whose facts a template
	                               * needs; NULL: needs are not read */
} omni_tmpl_want;
/* dirs searched in order (copied).  new */
omni_tmpl_lib *omni_tmpl_lib_new(const char *const *dirs, size_t ndirs,
                                 const char *default_lang);
void omni_tmpl_lib_free(omni_tmpl_lib *l);
/* Each store's register from its [store NAME] section ("register":
 * formal, the default, or informal).  0, or -1 with err (78 naming the
 * file and line of a value that is neither). */
int omni_tmpl_lib_configure(omni_tmpl_lib *l, const omni_config *c, omni_error *err);
/* "informal" or "formal": the register of store (may be NULL).  Static. */
const char *omni_tmpl_lib_register(const omni_tmpl_lib *l, const char *store);
/* The first template in the fallback order of omni-templates(5) whose
 * facts w->facts has.  1 and *t (borrowed until the library is freed),
 * *lang the language it is in, found "file:line" of its section; 0 none
 * (found: the fact the last template of that name lacked, else ""); -1
 * err (a bundle that does not compile, 78). */
int omni_tmpl_lib_find(omni_tmpl_lib *l, const omni_tmpl_want *w,
                       const omni_tmpl **t, const char **lang, char *found,
                       size_t size, omni_error *err);

// reply_lint.c - the channels' rules for a reply
typedef struct omni_lint_in {
	const char *text, *channel, *kind;
	const char *const *links; size_t nlinks;  /* links the order needs */
	const char *const *ids; size_t nids;      /* order and tracking numbers */
	const char *order_id;     /* must be named in a proactive Amazon message */
	size_t nattachments, attachment_bytes;
	const char *const *attachment_types; size_t ntypes;
	omni_time last_inbound, now;
	int has_inbound, human;
} omni_lint_in;
/* Appends each broken rule to reasons as "rule: detail"; returns how
 * many.  *tag (may be NULL) is set to "HUMAN_AGENT" when only the human
 * agent window allows the reply, else NULL. */
int omni_reply_lint(const omni_lint_in *in, json_t *reasons, const char **tag);
/* What omni_reply_lint reads for a channel: OMNI_LINT_ORDER (the text,
 * links, ids, order id, attachments), OMNI_LINT_WINDOW (the last inbound
 * message, the clock); 0: it passes every reply. */
enum { OMNI_LINT_ORDER = 1, OMNI_LINT_WINDOW = 2 };
int omni_reply_lint_needs(const char *channel);

// reply_store.c - exactly once: the send_ledger table
typedef struct omni_ledger_entry {
	char state[16];           /* pending, sent, failed, unknown */
	char *external_id, *updated_at;   /* new or NULL */
	char *claimed_by;         /* the process of a pending send: new or NULL */
	long attempts;
} omni_ledger_entry;
/* 1 found, 0 none, -1 err. */
int omni_ledger_get(omni_store *s, const char *key, omni_ledger_entry *e,
                    omni_error *err);
void omni_ledger_entry_free(omni_ledger_entry *e);
/* Insert or update, committed at once (outside any transaction); a move
 * to pending counts an attempt.  0 or -1 with err. */
int omni_ledger_set(omni_store *s, const char *key, const char *ticket_id,
                    const char *channel, const char *state,
                    const char *external_id, const char *error,
                    omni_error *err);
/* Claims a send in one statement: a new key, or a failed one, becomes
 * pending for claimer (counting an attempt).  1 claimed; 0 the row is
 * another's (pending, sent or unknown: read it); -1 with err. */
int omni_ledger_claim(omni_store *s, const char *key, const char *ticket_id,
                      const char *channel, const char *external_id,
                      const char *claimer, omni_error *err);
/* A pending send whose claimer (may be NULL: a store older than claims)
 * is gone becomes unknown, unless the row moved on meanwhile.  0 or -1. */
int omni_ledger_abandon(omni_store *s, const char *key, const char *claimer,
                        omni_error *err);
/* The rows a person must look at (pending, unknown), or all of them,
 * in the order they came, as objects with every column: new, or NULL with
 * err. */
json_t *omni_ledger_list(omni_store *s, int all, omni_error *err);
/* The sends in doubt (unknown): of one ticket, or (ticket NULL) all of
 * them, after making unknown every pending send whose process is gone.
 * fn (may be NULL) gets each one's key, ticket and time.  Their number,
 * or -1 with err. */
typedef void omni_ledger_doubt_fn(void *arg, const char *key, const char *ticket,
                                  const char *at);
int omni_ledger_doubts(omni_store *s, const char *ticket, omni_ledger_doubt_fn *fn,
                       void *arg, omni_error *err);
/* "KEY=sent" or "KEY=unsent" (KEY may be a unique prefix of 6 or more
 * characters) for a pending or unknown row: sent is final; unsent becomes
 * failed, which the next run sends once.  0, or -1 with err (64 bad
 * argument, 65 no such row, an ambiguous key or a row not unknown). */
int omni_ledger_resolve(omni_store *s, const char *arg, omni_error *err);

/* The automatic replies an address got (the auto_reply table): when the
 * last one went to address, *at; 1 found, 0 none, -1 err. */
int omni_auto_reply_last(omni_store *s, const char *address, omni_time *at,
                         omni_error *err);
/* Notes an automatic reply sent to address at (RFC 3339).  0 or -1. */
int omni_auto_reply_note(omni_store *s, const char *address, const char *ticket_id,
                         const char *at, omni_error *err);

// reply_mime.c - a reply as a MIME message, for omni_smtp_send (net.h)
typedef struct omni_mail_out {
	const char *from, *to, *subject, *text, *html, *message_id;
	const char *in_reply_to;  /* without brackets, or NULL */
	const char *const *references; size_t nreferences;
	omni_time date;
	int auto_submitted;       /* 1: an automatic reply (Auto-Submitted: auto-replied);
	                           * 2: a message of its own (auto-generated) */
} omni_mail_out;
/* A UTF-8 quoted-printable message, CRLF lines: new (*len its length). */
char *omni_mail_build(const omni_mail_out *m, size_t *len);

// reply_ticket.c - a ticket's reply
/* "formal" (amazon, ebay, walmart), "warm" (instagram, facebook, tiktok,
 * chat, sms) or "plain".  Borrowed. */
const char *omni_reply_tone(const char *channel);
/* The template the ticket's kind, intent and order ask for, or NULL.
 * An intent that reads an order gets "verify" when the ticket names an
 * order and none is verified for it; a claim or a proactive ticket then
 * gets none (a person answers). */
const char *omni_reply_template_for(omni_reply_view *v);
/* The templates the ticket's intent gets once its order is verified,
 * separated by spaces ("wismo status"), or NULL for an intent that reads
 * no order.  Borrowed. */
const char *omni_reply_intent_templates(omni_reply_view *v);
/* The last message with direction "in", or an absent span. */
omni_span omni_reply_last_inbound(const omni_record *rec);
/* A rendered reply: template and lang borrowed (name, the library). */
typedef struct omni_reply_parts {
	const char *template, *lang;
	char source[600];         /* file:line of the template; when there is
	                           * none, the fact the template lacked */
	char *text, *html;        /* new; html NULL when there is none */
	char *empty;              /* new: the slots the text left empty,
	                           * separated by spaces; NULL when none */
} omni_reply_parts;
/* Renders template name, the first of that name whose facts the ticket
 * has (omni-templates(5)): 1 and *out (free it with
 * omni_reply_parts_free); 0 no such template, or none whose facts the
 * ticket has (out->source names the fact); -1 err.  The slots left empty
 * are noted in v for the lint (omni_reply_view_slots). */
int omni_reply_compose(omni_tmpl_lib *lib, omni_reply_view *v,
                       const char *name, const char *brand, const char *zone,
                       omni_reply_parts *out, omni_error *err);
void omni_reply_parts_free(omni_reply_parts *p);
/* omni_reply_compose into reply (template, lang, source, text, html,
 * empty).  When it returns 0, missing (may be NULL) holds the fact the
 * last template of the name lacked, "" when there is none of the name. */
int omni_reply_render(omni_tmpl_lib *lib, omni_reply_view *v,
                      const char *name, const char *brand, const char *zone,
                      json_t *reply, char *missing, size_t size, omni_error *err);

// reply_csat.c - the satisfaction request ([reply] csat)
/* Is reply a satisfaction request (template "csat")?  1 or 0. */
int omni_reply_csat_request(const json_t *reply);
/* Its ledger key: the ticket's alone, so it goes once a ticket. */
void omni_reply_csat_key(const omni_record *rec, char key[65]);
/* Does the ticket in v get a satisfaction request now: solved, answered,
 * not on Amazon, not a machine's mail, not a claim or a non-request, not
 * rated, and none asked before (its messages, the ledger of s when s is
 * not NULL)?  1; 0 and *why (static); -1 with err. */
int omni_reply_csat_due(omni_reply_view *v, omni_store *s, const char **why,
                        omni_error *err);
/* Is rec's latest customer message her answer to the request (csat.at
 * its time, as omni-link writes it)?  1 or 0. */
int omni_reply_csat_answer(const omni_record *rec);

// reply_send.c - lint with the order's context; delivery by e-mail
/* Sets reply.lint; returns the number of broken rules: the channel's
 * (omni_reply_lint) and the recipient's ("recipient": an e-mail reply
 * with no sure recipient, see omni_reply_recipient).  *tag as for
 * omni_reply_lint. */
int omni_reply_lint_ticket(omni_reply_view *v, json_t *reply, int human,
                           const char **tag);
/* The same for text (may be NULL) and its attachments (a JSON array or
 * NULL), appending to reasons. */
int omni_reply_lint_text(omni_reply_view *v, const char *text,
                         const json_t *attachments, int human, json_t *reasons,
                         const char **tag);
/* The address an e-mail reply to the ticket in v goes to: the sender
 * ("from") of the last message the customer wrote (direction in, not by
 * the system), and no other; when that message names none (a ticket from
 * before messages did, or no message from her), the customer's e-mail
 * address if she has exactly one.  A no-reply address is none.  FOUND
 * and *to (new); NONE: no address, or a channel that takes no e-mail;
 * UNSURE: she has several and the message names none.  *why (static)
 * says why there is none; NULL when the customer has no address or the
 * channel takes no e-mail. */
typedef enum { OMNI_RCPT_FOUND, OMNI_RCPT_NONE, OMNI_RCPT_UNSURE } omni_rcpt;
omni_rcpt omni_reply_recipient(omni_reply_view *v, char **to, const char **why);
typedef struct omni_reply_mailer {
	omni_store *store;
	omni_smtp smtp;
	const char *from;         /* "Name <addr>" or addr */
	int auto_reply;           /* sent by --auto: marked Auto-Submitted (RFC 3834) */
} omni_reply_mailer;
/* Sends reply.text (and reply.html) once: sets reply.status (sent,
 * failed, unknown), sent_at, external_id (the Message-ID), ledger_key,
 * error.  0 done (sent, already sent, or an unknown earlier outcome
 * reported); 1 the send failed (err says why); -1 the store failed. */
int omni_reply_send_mail(const omni_reply_mailer *m, omni_reply_view *v,
                         json_t *reply, omni_error *err);
/* One way out for a reply, for omni_reply_send_once. */
typedef struct omni_reply_transport {
	const char *to;           /* the recipient: part of the ledger key */
	const char *thread;       /* the message answered, or NULL: likewise */
	const char *planned_id;   /* an id known before the send, or NULL */
	/* One delivery of text: 0 delivered, *id the channel's id of the
	 * message (new, or NULL); -1 with err, *unknown = 1 when it may have
	 * been delivered all the same. */
	int (*send)(void *arg, const char *text, char **id, int *unknown,
	            omni_error *err);
	void *arg;
} omni_reply_transport;
/* The exactly-once protocol around t->send: the ledger row pending and
 * committed before, sent (with the id) or failed after; an earlier
 * pending or unknown row is reported unknown and nothing is sent.  Sets
 * reply fields and returns as omni_reply_send_mail. */
int omni_reply_send_once(omni_store *s, const omni_record *rec, json_t *reply,
                         const omni_reply_transport *t, omni_error *err);

// reply_api.c - the channels' send APIs over lib/net/http.c
/* Where a ticket's reply goes: the channel of the customer's last message
 * (else the ticket's).  Borrowed: "meta", "ebay" (a Message API
 * conversation), "tiktok" (a customer service conversation), "none" (a
 * TikTok ticket without one: no delivery), "mail". */
const char *omni_reply_route(const omni_record *rec);
/* The same for the ticket in v. */
const char *omni_reply_view_route(omni_reply_view *v);
typedef struct omni_reply_api {
	omni_store *store;
	omni_http *http;          /* no retries of its own: see omni-reply(1) */
	const char *base;         /* https://graph.facebook.com, https://api.ebay.com */
	const char *version;      /* Graph API version, "v21.0" */
	const char *token;        /* borrowed secret: sent as a bearer token */
	int retries;              /* more tries after a failure known not to
	                           * have delivered (throttled, refused connect) */
	long backoff_ms;          /* first wait, doubled each try */
	/* TikTok Shop: the app key and secret that sign each request, and
	 * the shop of a multi-shop app (NULL: none); the token goes in
	 * x-tts-access-token.  Borrowed. */
	const char *app_key, *secret, *shop_cipher;
} omni_reply_api;
/* The Meta Send API (Instagram, Messenger): as omni_reply_send_mail; err
 * 77 a bad token, 75 still throttled, 69 outside the messaging window. */
int omni_reply_send_meta(const omni_reply_api *a, const omni_record *rec,
                         json_t *reply, omni_error *err);
/* The eBay Commerce Message API, into the ticket's conversation. */
int omni_reply_send_ebay(const omni_reply_api *a, const omni_record *rec,
                         json_t *reply, omni_error *err);
/* TikTok Shop's customer service API (POST /customer_service/202309/
 * conversations/ID/messages, a TEXT message, signed), into the ticket's
 * conversation (thread key "tiktok:ID"); a refusal in the envelope (a
 * code other than 0) fails the reply, nothing having gone out. */
int omni_reply_send_tiktok(const omni_reply_api *a, const omni_record *rec,
                           json_t *reply, omni_error *err);

// reply_draft.c - a first draft from an OpenAI-compatible chat endpoint
typedef struct omni_reply_drafter {
	omni_http *http;
	const char *url;          /* .../v1/chat/completions */
	const char *model;        /* may be NULL */
	const char *brand, *policy;   /* the store's name and policy text */
} omni_reply_drafter;
/* Replaces reply.text (a rendered template's, or none) with the model's
 * draft, drops reply.html and sets reply.drafted_by.  The model gets the
 * ticket in v with only its verified orders (omni_reply_view_orders).
 * 1 drafted; 0 not (err says why: the caller keeps the reply it had); -1
 * out of memory. */
int omni_reply_draft(const omni_reply_drafter *d, omni_reply_view *v,
                     json_t *reply, omni_error *err);

// reply_auto.c - when --auto answers, and when a person does
typedef enum { OMNI_AUTO_ANSWER, OMNI_AUTO_NONE, OMNI_AUTO_PERSON } omni_auto;
/* What --auto does with the ticket in v (after omni_reply_view_latest):
 * ANSWER, the template choice decides; NONE, no reply at all (a machine's
 * mail, a kind of mail that is no request, nothing new from the
 * customer), *why saying why; PERSON, a draft for a person, *why the
 * reason omni-ticket(5) lists for reply.person ("claim", "asks_person",
 * "negative", "changed_request", "repeat_contact").  *why static. */
omni_auto omni_reply_auto(omni_reply_view *v, const char **why);
/* Is this reply (template, text) the last one the bot sent on the ticket
 * again, nothing it states changed?  1 or 0. */
int omni_reply_auto_repeats(omni_reply_view *v, const char *template, const char *text);
/* An address that takes no reply: no-reply, nocxemail, mailer-daemon;
 * with automatic, a postmaster too (RFC 3834).  1 or 0.  Every reply's
 * recipient and --auto's sender are checked by it. */
int omni_reply_no_reply(const char *addr, int automatic);

/* ------------------------------------------------------------------ */

#endif
