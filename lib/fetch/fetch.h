/* fetch.h - omni-fetch's library: sources, payload parsers, webhooks, jobs, and
 * building tickets. */
#ifndef OMNI_FETCH_FETCH_H
#define OMNI_FETCH_FETCH_H

#include <jansson.h>

#include "core/core.h"
#include "record/record.h"
#include "store/store.h"
#include "net/net.h"

// ticket.c - building tickets (jansson)

/* {"omni":1,"id":id,"channel":..,"store":..(null when NULL),"kind":..}: new */
json_t *omni_ticket_new(const char *id, const char *channel, const char *store,
                        const char *kind);
/* Sets key to a string, or to null when value is NULL. */
void omni_json_set_str(json_t *obj, const char *key, const char *value);
void omni_json_set_time(json_t *obj, const char *key, omni_time t);
/* A message {id, direction, author, at, text, attachments[], channel}: new */
json_t *omni_message_new(const char *id, const char *direction,
                         const char *author, omni_time at, const char *text,
                         const char *channel);
/* The message's "from": the bare address of an e-mail's sender, as its
 * From gives it; left out when address is NULL or empty. */
void omni_message_set_from(json_t *message, const char *address);
/* The message's "digest": channel ":" and 32 hex digits of the SHA-256 of
 * the sender's user name (lowercase) and the text with each run of white
 * space one space, so that one message read on two paths (an eBay relay
 * mail and the Message API's copy) has one digest; omni-link keeps one of
 * them.  Left out when user or text is NULL or empty. */
void omni_message_set_digest(json_t *message, const char *channel, const char *user,
                             const char *text);
/* Adds a message (steals) and keeps created_at/updated_at as the first and
 * last message times; messages kept oldest first. */
void omni_ticket_add_message_new(json_t *ticket, json_t *message);

/* ------------------------------------------------------------------ */
/* ------------------------------------------------------------------ */
// fetch.c - what every omni-fetch source shares

/* What a source is reading into. */
typedef struct omni_fetch {
	const char *name;         /* source name: prefix of ticket ids */
	const char *cursor_key;   /* store key for cursors and seen marks */
	const char *uri;          /* maildir:PATH, mbox:PATH, file:PATH ... */
	const char *channel;      /* configured channel, or NULL to detect */
	const char *store_name;   /* configured store, or NULL */
	const omni_conf_section *conf;  /* the source's section, or NULL */
	const omni_config *config;      /* the whole configuration */
	omni_store *store;        /* the database (always open) */
	int all;                  /* --all: ignore what was seen */
	int orders;               /* --orders: put orders into the store */
	int keep_going;

	/* Called for each ticket (steals); seen_keys: the keys that mark its
	 * messages as emitted (borrowed).  Nonzero stops the source. */
	int (*emit)(struct omni_fetch *f, json_t *ticket, json_t *seen_keys);
	/* The same for a ticket written as one line of JSON (borrowed, no
	 * newline) that one seen key marks; NULL: tickets go through emit. */
	int (*emit_line)(struct omni_fetch *f, const char *line, size_t len,
	                 const char *seen_key);
	/* Called for a malformed record under keep_going (raw bytes borrowed);
	 * seen_key may be NULL.  Nonzero stops the source. */
	int (*reject)(struct omni_fetch *f, const char *raw, size_t len,
	              const omni_error *why, const char *seen_key);
	/* Called for what a source read only in part (a mail's charset that
	 * did not hold, parts nested too deep; why borrowed, its status 0).
	 * NULL: not said. */
	void (*warn)(struct omni_fetch *f, const omni_error *why);
	/* Called for a record set aside where the operator finds it
	 * (omni_fetch_set_aside; why says where); seen_key marks it read.
	 * Nonzero stops the source.  NULL: only written. */
	int (*set_aside)(struct omni_fetch *f, const omni_error *why,
	                 const char *seen_key);
	void *arg;
	long orders_written, skipped_orders;
	/* Remote sources: called after each complete page with the cursor
	 * that resumes after it (borrowed): what was emitted is flushed and
	 * marked, then the cursor stored, in one transaction.  0 or -1 with
	 * err.  NULL: the caller commits at the end. */
	int (*checkpoint)(struct omni_fetch *f, const char *cursor,
	                  omni_error *err);
	void (*trace)(void *arg, const char *line);   /* -vv HTTP traces */
} omni_fetch;

/* Has this key been emitted before (and not --all)?  1, 0, or -1 with err. */
int omni_fetch_seen(omni_fetch *f, const char *key, omni_error *err);
/* The store a ticket belongs to: the source's, else the [store] whose
 * account key (instagram, facebook, ...) is account_id, else NULL.
 * Borrowed. */
const char *omni_fetch_store(const omni_fetch *f, const char *account_key,
                             const char *account_id);
/* Reads f->uri with the source its scheme names.  0, or -1 with err (64
 * for an unknown scheme). */
int omni_fetch_source(omni_fetch *f, omni_error *err);
/* Is uri one omni-fetch can read ad hoc (scheme:rest)? */
int omni_fetch_is_uri(const char *uri);
/* The schemes it reads, for messages: "maildir:, mbox:, ...". */
const char *omni_fetch_kinds(void);
/* The channels of omni-ticket(5), a closed list (NULL-terminated), and
 * the same for messages: "amazon, ebay, ...". */
extern const char *const omni_fetch_channels[];
const char *omni_fetch_channel_list(void);
/* A source's secret: OMNI_<NAME>_<WHAT>[_FILE] for a configured source
 * (its name upper-cased, other characters as '_'), else
 * OMNI_<KIND>_<WHAT>[_FILE].  New, or NULL with err (78) naming both. */
char *omni_fetch_secret(const omni_fetch *f, const char *kind,
                        const char *what, omni_error *err);
/* Is that secret set (either name, either form)?  1 or 0. */
int omni_fetch_has_secret(const omni_fetch *f, const char *kind, const char *what);
/* The keys a [source] section may have besides uri; NULL-terminated. */
extern const char *const omni_fetch_source_keys[];

// quarantine.c - unreadable mail set aside
/* Writes raw (borrowed) to a new file, mode 0600, in quarantine/NAME/
 * beside the store (NAME the source's; the file named by key, ".1" ...
 * added when one of that name is there), adds "; set aside as PATH" to
 * why->text and calls f->set_aside with key.  0, or -1 with err (73 the
 * file cannot be written: the source must stop, not lose the mail). */
int omni_fetch_set_aside(omni_fetch *f, const char *raw, size_t len,
                         const char *key, omni_error *why, omni_error *err);

// fetch_jobs.c - several sources at once, a child process each
typedef struct omni_job omni_job;
/* Runs fn(arg, i, job) for i in 0..n-1, each in a child process, at most
 * jobs at once.  The child writes NDJSON lines to omni_job_out(job); the
 * parent copies whole lines to out when the child calls omni_job_sync.
 * status[i] gets fn's return (its exit status), or 128 + the signal that
 * killed it; *stopped is set when out failed.  On SIGINT, SIGTERM or
 * SIGHUP it lets commits under way finish, then dies of the signal.  0, or
 * -1 with err (a child could not be started). */
int omni_jobs_run(size_t n, int jobs, omni_out *out,
                  int (*fn)(void *arg, size_t i, omni_job *job), void *arg,
                  int *status, int *stopped, omni_error *err);
omni_out *omni_job_out(omni_job *job);   /* borrowed */
/* In the child: everything written so far is out of the parent: 0, or -1
 * (the output failed, or the parent is gone: do not commit). */
int omni_job_sync(omni_job *job);
/* In the child: the commit that followed omni_job_sync is done. */
void omni_job_committed(omni_job *job);

// fetch_proactive.c - proactive tickets from fulfilment events
typedef struct omni_proactive omni_proactive;
/* Notes the fulfilments that change on s from now on: new, or NULL. */
omni_proactive *omni_proactive_new(omni_store *s);
void omni_proactive_free(omni_proactive *p);
/* Emits through f->emit a `proactive` ticket for each new event (a
 * tracking exception, an estimate passed at the clock without a delivery)
 * of the fulfilments changed since the last scan, or of every fulfilment
 * in the store (whole).  Seen keys start "proactive:" and are kept under
 * the source "proactive".  0, or -1 with err. */
int omni_proactive_scan(omni_proactive *p, omni_fetch *f, int whole,
                        omni_error *err);

// fetch_cgi.c - --webhook as a CGI program
/* Is this a CGI request (GATEWAY_INTERFACE=CGI/...)? */
int omni_cgi_active(void);
/* The request's headers from HTTP_* and CONTENT_TYPE, as "Name: value\n"
 * lines: new, or NULL (out of memory). */
char *omni_cgi_headers(void);
/* A query string parameter, decoded: new, or NULL when absent. */
char *omni_cgi_param(const char *query, const char *name);
/* Meta's verification GET (hub.mode=subscribe, hub.verify_token,
 * hub.challenge): 0 and *answer (new) the challenge when the token equals
 * OMNI_META_VERIFY_TOKEN[_FILE], else OMNI_META_SECRET[_FILE] (compared in
 * constant time); -1 with err: 77 no match, 64 not such a request, 78 no
 * secret. */
int omni_cgi_challenge(const char *kind, const char *query, char **answer,
                       omni_error *err);
/* The largest body a CGI request may carry: OMNI_WEBHOOK_MAX_BODY bytes,
 * else OMNI_CGI_MAX_BODY. */
#define OMNI_CGI_MAX_BODY ((size_t)1 << 20)
size_t omni_cgi_limit(void);
/* What the request's method (REQUEST_METHOD, NULL when unset) asks of a
 * --webhook kind: 1 a delivery (POST), 2 Meta's verification (GET, meta
 * only), or -1 with err (64) and *http 405. */
int omni_cgi_method(const char *kind, const char *method, int *http,
                    omni_error *err);
/* The body of a POST: CONTENT_LENGTH (length, NULL when unset) bytes of
 * in, never more than limit read.  0 with *body (new, NUL-terminated) and
 * *len; -1 with err (65) and *http: 411 no length, 400 a length that is
 * not a decimal number or a body cut short, 413 a length over limit,
 * refused before a byte is read. */
int omni_cgi_body(const char *length, FILE *in, size_t limit, char **body,
                  size_t *len, int *http, omni_error *err);

// sources/source_mail.c
/* maildir:PATH and mbox:PATH.  0, or -1 with err. */
int omni_source_mail(omni_fetch *f, const char *kind, const char *path,
                     omni_error *err);
/* One raw message to a ticket (new) or NULL with err; where names the
 * message in f->warn's warnings (borrowed). */
json_t *omni_mail_ticket(omni_fetch *f, const char *raw, size_t len,
                         const char *key, const char *where, omni_error *err);

// sources/source_file.c
/* file:PATH: a file, or a directory read in name order; each file one JSON
 * document, a stream of them, or NDJSON.  0, or -1 with err. */
int omni_source_file(omni_fetch *f, const char *path, omni_error *err);

// sources/source_shopify.c
/* shopify:BASE - Admin REST orders updated since the cursor. */
int omni_source_shopify(omni_fetch *f, const char *base, omni_error *err);

// sources/source_imap.c
/* imap://, imaps:// - new mail by UID since the cursor. */
int omni_source_imap(omni_fetch *f, const char *url, omni_error *err);

// sources/source_meta.c, source_import.c
struct omni_payload;
/* A Meta webhook messaging event ({sender, recipient, timestamp, message})
 * of page (a webhook entry's id: the Page, or the Instagram account) as a
 * ticket, once per mid (lib/fetch/payload/payload_meta.c); name is the customer's, or
 * NULL.  0 (also for an event that is not a message), or -1 with err. */
int omni_payload_meta_event(struct omni_payload *p, const char *channel,
                            const char *page, const json_t *ev,
                            const char *name, omni_error *err);
/* meta:BASE - Graph API conversations of a Page (Messenger) or its
 * Instagram account, updated since the cursor. */
int omni_source_meta(omni_fetch *f, const char *base, omni_error *err);
/* import:PATH - rows of JSON, NDJSON or CSV made tickets through the
 * source's map.* keys (man/omni-config.5). */
int omni_source_import(omni_fetch *f, const char *path, omni_error *err);

// csv.c - RFC 4180 records
typedef struct omni_csv omni_csv;
/* Records of buf (borrowed; a UTF-8 BOM skipped; CRLF or LF).  New. */
omni_csv *omni_csv_new(const char *buf, size_t len);
void omni_csv_free(omni_csv *c);
/* 1 and the fields of the next record (borrowed until the next call,
 * NUL-terminated, quotes removed); 0 at the end; -1 with err (65: an
 * unclosed quote, text after a closing quote; line and column set). */
int omni_csv_next(omni_csv *c, char ***fields, size_t *n, omni_error *err);
/* The last record's first line, and its raw bytes (borrowed). */
long omni_csv_line(const omni_csv *c);
const char *omni_csv_raw(const omni_csv *c, size_t *len);

// sources/source_amazon.c, source_ebay.c
/* amazon:BASE - SP-API getOrders since the cursor (LWA token exchange). */
int omni_source_amazon(omni_fetch *f, const char *base, omni_error *err);
/* ebay:BASE - Fulfillment getOrders (--orders) and Message API
 * conversations since the cursor. */
int omni_source_ebay(omni_fetch *f, const char *base, omni_error *err);

/* lib/fetch/payload/payload_amazon.c: {"payload":{"Orders":[...]}} (orders) and
 * {"payload":{"AmazonOrderId","OrderItems"}} (an order's items): 1, 0, -1. */
struct omni_payload;
int omni_payload_amazon(struct omni_payload *p, const json_t *doc,
                        omni_error *err);
/* An SP-API order (borrowed) normalised for lib/store/orders.c, with its items
 * (getOrderItems' OrderItems, borrowed; NULL: the stored items stay): new. */
json_t *omni_amazon_order_new(const omni_fetch *f, const json_t *order,
                              const json_t *items);
/* lib/fetch/payload/payload_ebay.c: a Fulfillment API order (borrowed) normalised for
 * lib/store/orders.c, with its refunds: new.  A shipping fulfilment (borrowed)
 * with the order's delivery estimate (order borrowed, may be NULL): new. */
json_t *omni_ebay_order_new(const omni_fetch *f, const json_t *order);
json_t *omni_ebay_fulfillment_new(const json_t *fulfillment,
                                  const json_t *order);

// sources/source_bigcommerce.c, source_woocommerce.c, source_walmart.c,
// source_tiktok.c, source_paged.c - the other commerce platforms
/* bigcommerce:BASE - V2 orders modified since the cursor, and their
 * shipments.  woocommerce:BASE - REST v3 orders.  walmart:BASE -
 * Marketplace orders.  tiktok:BASE - TikTok Shop orders and customer
 * service conversations.  0, or -1 with err. */
int omni_source_bigcommerce(omni_fetch *f, const char *base, omni_error *err);
int omni_source_woocommerce(omni_fetch *f, const char *base, omni_error *err);
int omni_source_walmart(omni_fetch *f, const char *base, omni_error *err);
int omni_source_tiktok(omni_fetch *f, const char *base, omni_error *err);
/* aftership:BASE - a tracking service's trackings updated since the
 * cursor onto the store's fulfilments (lib/fetch/sources/source_aftership.c). */
int omni_source_aftership(omni_fetch *f, const char *base, omni_error *err);
/* A BigCommerce webhook callback ({scope, data{type, id}, hash}): only
 * ids, so the order is recorded thin (its status on statusUpdated) for
 * the next bigcommerce: run to fill in.  1, 0 not its shape, -1. */
struct omni_payload;
int omni_webhook_bigcommerce(struct omni_payload *p, const json_t *doc,
                             omni_error *err);
/* A normalised customer from an order's customer id (0 a guest: no id)
 * and a billing address {first_name, last_name, email, phone}, as
 * BigCommerce and WooCommerce write them; the e-mail lowercased.  New. */
json_t *omni_payload_billing_customer(const json_t *id, const json_t *bill);
/* A TikTok Shop order status (UNPAID ... DELIVERED, COMPLETED, CANCELLED)
 * as the store's order status (open, closed, cancelled), and as a
 * tracking status of its packages (CHANNELS.md section 9: in_transit,
 * delivered, info_received; NULL for none): the API's orders and the
 * webhook's pushes alike. */
const char *omni_tiktok_order_status(const char *s);
const char *omni_tiktok_tracking_status(const char *s);

/* A paged API source's state (lib/fetch/sources/source_paged.c). */
typedef struct omni_paged {
	omni_fetch *f;
	omni_http *h;
	omni_time since, max;     /* OMNI_TIME_NONE when unknown */
	char *next;               /* where an interrupted run resumes, or NULL */
	long page;                /* the page being read, from 1 */
} omni_paged;
/* "a b" as "a%20b" for a query string: new. */
char *omni_url_escape(const char *s);
/* The same, leaving the characters of keep as they are (Shopify's
 * updated_at_min keeps its ':'): new. */
char *omni_url_escape_keep(const char *s, const char *keep);
/* A page the server names (a Link, a "next" URL, a resumed cursor) is
 * followed only on the origin of base, the API's (scheme, host, port;
 * the scheme's port when none is written), never with user info: the
 * request carries the token.  0, or -1 with err (76) naming source, what
 * (the page) and the two origins, never the rest of either URL. */
int omni_paged_origin(const char *source, const char *what, const char *base,
                      const char *url, omni_error *err);
/* The URL of rel="next" (or rel=next) in a Link header: new or NULL. */
char *omni_paged_link_next(const char *link);
/* lib/fetch/sources/source_oauth.c: POSTs form to the token endpoint url through h (its
 * login, if any, is the client's Basic auth): *access new and *expires_in
 * (seconds, 3600 when not said; may be NULL).  0, or -1 with err naming
 * what (77 when the grant or the client is refused, 400 included). */
int omni_oauth_token(omni_http *h, const char *source, const char *url,
                     const char *what, const char *form, char **access,
                     double *expires_in, omni_error *err);
/* The refresh-token grant (client_id, client_secret, scope left out of
 * the form when NULL); a refusal names OMNI_<kind>_REFRESH_TOKEN,
 * _CLIENT_ID and _CLIENT_SECRET.  As omni_oauth_token. */
int omni_oauth_refresh(omni_http *h, const char *source, const char *kind,
                       const char *url, const char *refresh, const char *client_id,
                       const char *client_secret, const char *scope, char **access,
                       double *expires_in, omni_error *err);
/* Zeroes pg, opens its HTTP handle (traced under -vv) and reads the
 * cursor (unless --all).  0 or -1 with err; close it either way. */
int omni_paged_open(omni_paged *pg, omni_fetch *f, omni_error *err);
void omni_paged_close(omni_paged *pg);
/* Starts over from the cursor at f->cursor_key (a second stream of the
 * same source).  0 or -1 with err. */
int omni_paged_reload(omni_paged *pg, omni_error *err);
/* Runs run(ctx, err) as a second stream of the source under a cursor of
 * its own, the source's key + suffix ("#returns"), then gives the
 * source its key back.  run's result, or -1 with err. */
int omni_paged_under(omni_paged *pg, const char *suffix,
                     int (*run)(void *ctx, omni_error *err), void *ctx, omni_error *err);
/* Stores the cursor after a complete page: next (borrowed) where the run
 * resumes, or NULL at the end ("since" moves on to the newest time). */
int omni_paged_save(omni_paged *pg, const char *next, omni_error *err);
/* Keeps the newest modification time seen (as omni_payload_time reads). */
void omni_paged_note(omni_paged *pg, const json_t *v);
/* Pages numbered from 1 (or the cursor's "next") to the last: page
 * returns 1 when more follow, 0 after the last, -1 with err; the cursor
 * is saved after each. */
int omni_paged_numbered(omni_paged *pg,
                        int (*page)(omni_paged *pg, const char *base, omni_error *err),
                        const char *base, omni_error *err);
/* err 65 "page N: ..." naming the source; returns -1. */
int omni_paged_fail(omni_paged *pg, omni_error *err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A 65 from a payload parser gets "page N: " in front; returns -1. */
int omni_paged_locate(omni_paged *pg, omni_error *err);
/* The response's JSON (new), or NULL with err (65, naming the page). */
json_t *omni_paged_parse(omni_paged *pg, const omni_http_response *r,
                         omni_error *err);
/* Sleeps (at most 300 s), traced under -vv as "why: waiting Ns". */
void omni_paged_wait(omni_paged *pg, double seconds, const char *why);

// webhook.c
/* Verifies one delivery: kind shopify, meta, tiktok, woocommerce,
 * bigcommerce or aftership; headers
 * "Name: value" lines (borrowed).  0 valid; -1 with err (77 bad or missing
 * signature, 78 no secret). */
int omni_webhook_verify(const char *kind, const char *headers,
                        const char *body, size_t len, omni_error *err);
/* A raw delivery (as omni_webhook_read takes it) verified and nothing
 * else, so that a refused one touches no store and no file: 0, or -1 with
 * err as omni_webhook_verify. */
int omni_webhook_check(const char *kind, const char *given, const char *raw,
                       size_t len, omni_error *err);
/* A header's value from "Name: value" lines: new or NULL. */
char *omni_webhook_header(const char *headers, const char *name);
/* A saved delivery that starts with its headers (an optional request line,
 * "Name: value" lines, a blank line): 1, *headers new and *body after the
 * blank line; 0 when it is a bare body (*body = raw).  -1 out of memory. */
int omni_webhook_split(const char *raw, size_t len, char **headers,
                       const char **body, size_t *blen);
/* The delivery's event id from its headers (Shopify, WooCommerce): new or
 * NULL. */
char *omni_webhook_event_id(const char *kind, const char *headers);
struct omni_payload;
/* TikTok's order status push into the store: 1, 0 not its shape, -1. */
int omni_webhook_tiktok(struct omni_payload *p, const json_t *doc,
                        omni_error *err);
int omni_webhook_known(const char *kind);
/* One delivery (raw: headers and body, or the body alone; given: "Name:
 * value\n" lines from the command line or NULL): verified, then its body
 * read as a payload into f.  0 done; 1 a repeated delivery (its event id
 * already seen); -1 with err.  *event_key (new or NULL): the seen key that
 * marks this delivery once its output is written. */
int omni_webhook_read(omni_fetch *f, const char *kind, const char *given,
                      const char *raw, size_t len, char **event_key,
                      omni_error *err);

// payload/payload*.c - saved API responses and webhook bodies
/* One file: source reading into f; emitted holds the seen keys emitted in
 * this run (a JSON object used as a set: a delivery repeated in the same
 * dump is emitted once, whatever the store says). */
typedef struct omni_payload {
	omni_fetch *f;
	json_t *emitted;
} omni_payload;

/* One parsed document: tickets through f->emit, orders into the store (or
 * counted in f->skipped_orders without --orders).  0, or -1 with err: 65
 * "unrecognised payload: ..." or a recognised shape with bad content (the
 * caller adds file and line), else the store's or the output's status. */
int omni_payload_handle(omni_payload *p, const json_t *doc, omni_error *err);
/* Each platform: 1 handled, 0 not its shape, -1 err. */
int omni_payload_shopify(omni_payload *p, const json_t *doc, omni_error *err);
int omni_payload_bigcommerce(omni_payload *p, const json_t *doc, omni_error *err);
int omni_payload_meta(omni_payload *p, const json_t *doc, omni_error *err);
int omni_payload_ebay(omni_payload *p, const json_t *doc, omni_error *err);
/* lib/fetch/payload/payload_woocommerce.c: a REST v3 order (a webhook's
 * body) or a list of them.  Is o an order (id, status, date_modified_gmt,
 * line_items)?  One order with its refunds and its tracking items into
 * the store (or counted); *updated (new, may be NULL) its modification
 * time: 0 or -1 with err. */
int omni_payload_woocommerce(omni_payload *p, const json_t *doc, omni_error *err);
/* lib/fetch/payload/payload_aftership.c: a tracking service's trackings (a
 * page, one, or a webhook's body) onto the store's fulfilments.  One
 * tracking in the store's words ({tracking_number, status, estimated_at,
 * delivered_at, updated_at, events}): new. */
int omni_payload_aftership(omni_payload *p, const json_t *doc, omni_error *err);
json_t *omni_aftership_tracking_new(const json_t *tracking);
/* lib/fetch/payload/payload_stock.c: a shop's products (Shopify
 * products.json, WooCommerce products, BigCommerce V3 catalog products)
 * as stock of their SKUs: 1, 0 not that shape, -1. */
int omni_payload_stock_shopify(omni_payload *p, const json_t *doc, omni_error *err);
int omni_payload_stock_woocommerce(omni_payload *p, const json_t *doc, omni_error *err);
int omni_payload_stock_bigcommerce(omni_payload *p, const json_t *doc, omni_error *err);
/* lib/fetch/sources/source_stock.c: the product ids of a page (a set: a
 * JSON object's keys; 0 and non-numbers left out) as "1,2,3" (new, NULL
 * when none); and GET url through h, its answer read by parse, a 403 or
 * 404 skipping the stock (said under -vv).  0 or -1 with err. */
void omni_stock_id_add(json_t *ids, const json_t *v);
char *omni_stock_ids_join(const json_t *ids);
int omni_stock_fetch(omni_fetch *f, omni_http *h, const char *url, const char *what,
                     int (*parse)(omni_payload *, const json_t *, omni_error *),
                     omni_error *err);
/* A SKU's stock (as omni_stock_upsert takes it) into the store under
 * --orders, else nothing: 0 or -1 with err. */
int omni_payload_stock(omni_payload *p, const json_t *stock, omni_error *err);
/* A tracking (as omni_fulfillment_track takes it) into the store under
 * --orders, else counted: 0 or -1 with err. */
int omni_payload_tracking(omni_payload *p, const json_t *tracking, omni_error *err);
int omni_woocommerce_is_order(const json_t *o);
int omni_woocommerce_order(omni_payload *p, const json_t *o, json_t **updated,
                           omni_error *err);
/* lib/fetch/payload/payload_meta_line.c: a line (borrowed) of a file read as a Meta
 * webhook delivery with the lazy reader, its tickets written as text
 * through f->emit_line: the tickets omni_payload_meta makes.  1 handled;
 * 0 not a delivery this way takes (read it with omni_payload_handle);
 * -1 with err (the store's or the output's). */
typedef struct omni_meta_reader omni_meta_reader;
omni_meta_reader *omni_meta_reader_new(void);
void omni_meta_reader_free(omni_meta_reader *m);
int omni_payload_meta_line(omni_payload *p, omni_meta_reader *m, const char *line,
                           size_t len, omni_error *err);
/* A Shopify GraphQL Order node in the shape of a REST order: new. */
json_t *omni_shopify_from_graphql(const json_t *node);
/* A Shopify customer resource as a customer account (omni_account_upsert)
 * of the store named (may be NULL): new, or NULL. */
json_t *omni_shopify_account(const json_t *customer, const char *store);
/* Stores an account under --orders (skipped without): 0 or -1. */
int omni_payload_account(omni_payload *p, const json_t *account, omni_error *err);
/* A normalised order (see lib/store/orders.c), fulfilment or refund: stored
 * under --orders, else counted.  0 or -1 with err. */
int omni_payload_order(omni_payload *p, const json_t *order, omni_error *err);
int omni_payload_fulfillment(omni_payload *p, const char *channel,
                             const char *order_id, const json_t *fulfillment,
                             omni_error *err);
int omni_payload_refund(omni_payload *p, const char *channel,
                        const char *order_id, const json_t *refund,
                        omni_error *err);
/* Was this message key emitted before (store, unless --all) or in this
 * run?  1, 0, or -1 with err. */
int omni_payload_seen(omni_payload *p, const char *key, omni_error *err);
/* Emits ticket (steals) with its seen keys (borrowed).  0, or -1 with err
 * when the output stopped. */
int omni_payload_emit(omni_payload *p, json_t *ticket, json_t *seen_keys,
                      omni_error *err);
/* The string member key of o (borrowed), or NULL when absent, not a
 * string, or empty. */
const char *omni_payload_str(const json_t *o, const char *key);
/* A string or an integer id as text: new, or NULL. */
char *omni_payload_id(const json_t *v);
/* Why jansson refused a document, in our words where its own name its
 * options (a U+0000, which no payload may hold): borrowed. */
const char *omni_payload_json_why(const json_error_t *je);
/* A time given as RFC 3339, RFC 2822, or Unix seconds or milliseconds.
 * 0 ok, -1 absent, empty or not a time. */
int omni_payload_time(const json_t *v, omni_time *t);
/* Sets key to the time of v in UTC ("...Z"), or leaves it unset. */
void omni_payload_set_time(json_t *obj, const char *key, const json_t *v);
/* Sets key to the string s unless s is NULL or empty. */
void omni_payload_set_str(json_t *obj, const char *key, const char *s);
/* s in lowercase (ASCII letters): a copy to free, NULL for NULL (or OOM). */
char *omni_payload_lower(const char *s);
/* A platform's word (a status, a reason) in the store's vocabulary
 * (omni-ticket(5)): the to of the entry whose from it is, else the word
 * itself in lowercase.  A copy to free, NULL for NULL (or OOM). */
typedef struct { const char *from, *to; } omni_payload_word;
char *omni_payload_word_in(const char *s, const omni_payload_word *map, size_t n);
/* Sets an order's "number" to raw (the platform's own, may be NULL) in the
 * form the store keeps for channel's orders (omni_order_number). */
void omni_payload_set_number(json_t *order, const char *channel, const char *raw);

/* ------------------------------------------------------------------ */

#endif
