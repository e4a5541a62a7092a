/* link.h - omni-link: identity, threading, merging, order context. */
#ifndef OMNI_LINK_LINK_H
#define OMNI_LINK_LINK_H

#include "core/core.h"
#include "record/record.h"
#include "store/store.h"

// link*.c - omni-link: identity, threading, merging, order context

/* Keys at or above this strength look customers up; weaker ones are only
 * recorded (a household's phone, a generic address). */
#define OMNI_LINK_STRONG 50

/* An identity key seen on a ticket (lib/link/link_keys.c). */
typedef struct omni_link_key {
	char kind[24];            /* email, phone, amazon, ebay, ebay_alias,
	                             instagram, facebook, tiktok, shopify, ...,
	                             order */
	char *value;              /* normalised: owned by the key set */
	int strength;             /* 0 .. 100 */
	int exclusive;            /* one value of this kind per customer */
	int direct;               /* the sender's own identity (not found
	                             through an order or in the text) */
	const char *channel;      /* relay identities: valid on this channel
	                             only (static), else NULL */
	const char *why;          /* "sender", "text", "order" (static) */
} omni_link_key;

typedef struct omni_link_keys {
	omni_link_key *v;
	size_t n, cap;
} omni_link_keys;

void omni_link_keys_free(omni_link_keys *ks);
/* Adds a key unless the same kind and value is there (value copied);
 * a repeat keeps the stronger.  0 or -1 (out of memory). */
int omni_link_keys_add(omni_link_keys *ks, const char *kind, const char *value,
                       int strength, int exclusive, int direct,
                       const char *channel, const char *why);
/* "store|number" for an order number as quoted ("#1061" -> "|1061" in no
 * store): new. */
char *omni_link_order_key(const char *store, const char *number);
/* The keys of a ticket: customer e-mails, phones, handles, order numbers,
 * and addresses written in the text of a direct message.  0 or -1. */
int omni_link_keys_collect(const omni_record *rec, const char *region,
                           omni_link_keys *ks);
/* The subject without reply and forward prefixes (Re, Fwd, AW, WG, R,
 * RIF, TR, RV, ...), lowercase, spaces squeezed: new.  *reply set when a
 * prefix was there. */
char *omni_link_subject_norm(const char *subject, int *reply);

/* A message a long ticket's record leaves out: its id (new) and its text
 * at off, len in the parts' moved_text. */
typedef struct omni_link_moved {
	char *id;
	size_t off, len;
} omni_link_moved;

/* The members omni-link writes (lib/link/link_build.c): compact JSON text
 * each, NULL to keep the input's. */
typedef struct omni_link_parts {
	const char *id_json, *customer_json, *order_ids_json, *merged_from_json,
	           *orders_json, *history_json;
	/* The products the customer named and their stock (link_products.c);
	 * "" leaves the member out. */
	const char *products_json;
	const char *messages_json;   /* set: these messages (the latest keep), none
	                                gathered from the records */
	/* The lifecycle (lib/link/link_life.c); "" leaves a member out. */
	const char *status_json, *solved_at_json, *reopens_json, *follows_json;
	/* The rating (omni-ticket(5) csat): her answer to a satisfaction
	 * request, else the stored one; NULL: the input's. */
	const char *csat_json;
	/* A person's work on it (store/desk.c), read by omni_link_emit. */
	const char *desk_json;
	/* In: bounds besides the messages (0: none); out: the ticket's. */
	omni_time created_at, updated_at;
	/* In (omni_link_emit): the ticket's channel, store, status, subject
	 * and thread key from a record (NULL: none), stored with the record
	 * in one statement; row NULL: only the record is updated. */
	const char *const *row;
	/* In: the store's phone region (NULL: US), to verify its orders. */
	const char *region;
	/* In: the keys that are the sender's own, to verify its orders: what
	 * the record's channel vouches for and what her account and orders
	 * prove hers (NULL: the customer's, as for a merge by hand). */
	const omni_link_keys *sender;
	/* In: show the latest keep messages, the others said in "earlier"
	 * (0: all); the ids of the new record's messages the store had
	 * before it, sorted (borrowed). */
	size_t keep;
	const char *const *known;
	size_t nknown;
	/* Out: the messages this version leaves out of its record, for
	 * their rows' text (omni_link_moved_free frees them). */
	omni_link_moved *moved;
	char *moved_text;
	size_t nmoved;
} omni_link_parts;
void omni_link_moved_free(omni_link_parts *p);

/* lib/link/link_facts.c: the facts only an order's buyer knows. */
/* The address around the '@' at at in text, copied into buf: 1, or 0
 * (none, or longer than size). */
int omni_link_text_email(const char *text, const char *at, char *buf, size_t size);
/* Do the words (lowercase) give the address, compared as the store
 * compares addresses (Gmail's dots and +tags dropped)? */
int omni_link_gives_email(const char *words, const char *email);
/* Do the words hold the postcode as a word of its own, spaces within it
 * optional ("sw1a 1aa", "SW1A1AA")?  Three characters at least. */
int omni_link_gives_postcode(const char *words, const char *postcode);
/* Why the one who wrote the words (lowercase) under the name sender is
 * not the buyer of an order placed under the name buyer ("another name",
 * "written for another"), or NULL when nothing says so.  Either name may
 * be NULL. */
const char *omni_link_not_buyer(const char *words, const char *sender, const char *buyer);
/* Does the one who wrote the words (lowercase) under the name sender
 * show herself by the given name of the buyer's, or a name it is short
 * for: in the name she shows (a display name, or a handle such as
 * "graceokafor.bakes") or in her words ("c'est Yannick", a signature)?
 * Either may be NULL. */
int omni_link_shows_buyer(const char *sender, const char *words, const char *buyer);
/* Are the two addresses (in the store's form) different but one or two
 * letters apart, as a lookalike of the buyer's is ("fernmai1.example"
 * for "fernmail.example")? */
int omni_link_lookalike(const char *a, const char *b);

/* The records whose inbound words may verify an order by facts, and
 * their text, lowercase, read when first needed (text new, freed by the
 * owner of the struct). */
typedef struct omni_link_words {
	const omni_record *rec;
	const omni_record *const *stored;
	size_t nstored;
	char *text;
	int read;
} omni_link_words;

/* The merged ticket, one line without its newline: in's members in order
 * with the parts in place (or appended), and the messages of stored[]
 * and in, raw, de-duplicated by id, in time order, the latest parts->keep
 * of them, the others added to "earlier".  New, or NULL (out of
 * memory). */
char *omni_link_build(const omni_record *in, const omni_record *const *stored,
                      size_t nstored, omni_link_parts *parts,
                      size_t *len);

/* How many messages a ticket shows by default (omni-ticket(5), "Long
 * tickets"). */
#define OMNI_LINK_MESSAGES 50

/* The linker (lib/link/link.c; its statements in lib/link/link_store.c). */
typedef struct omni_link omni_link;

typedef struct omni_link_opts {
	const omni_config *config;   /* [store NAME] region; borrowed */
	omni_time window;            /* an open ticket takes new messages of its
	                                customer for this long (ms) */
	omni_time dm_window;         /* a DM thread (Meta, TikTok, chat, SMS)
	                                continues for this long (ms) */
	int history;                 /* at most this many earlier tickets */
	int explain;                 /* fill the explanation text */
	omni_time solve_after;       /* a pending ticket this quiet is solved (ms; 0: never) */
	omni_time close_after;       /* a solved ticket this old is closed (ms; 0: never) */
	long messages;               /* a ticket shows its latest this many (0: all) */
} omni_link_opts;

/* The statements lib/link_*.c run, their SQL in lib/link/link_store.c
 * and each kept in the store's statement cache. */
enum {
	/* per record: prepared by omni_link_new */
	OMNI_LS_LINK_GET, OMNI_LS_MSGID_GET, OMNI_LS_KEY_GET, OMNI_LS_CUST_KEYS,
	OMNI_LS_CUST_EXCLUSIVE,
	OMNI_LS_ORDER_OWNER, OMNI_LS_TICKET_GET, OMNI_LS_CUST_TICKETS,
	OMNI_LS_TICKET_HAS_ORDER, OMNI_LS_TICKET_ORDERS, OMNI_LS_BLOCKED,
	OMNI_LS_CUST_PUT, OMNI_LS_CUST_GET, OMNI_LS_KEY_PUT, OMNI_LS_TICKET_PUT,
	OMNI_LS_TICKET_RECORD, OMNI_LS_MSG_PUT, OMNI_LS_MSGID_PUT,
	OMNI_LS_TORDER_PUT, OMNI_LS_LINK_PUT, OMNI_LS_MERGED_FROM,
	OMNI_LS_HISTORY, OMNI_LS_DM_NEAR, OMNI_LS_ACCOUNT_EMAIL, OMNI_LS_ACCOUNT_REF,
	OMNI_LS_TICKET_SEQ, OMNI_LS_NEXT_SEQ, OMNI_LS_MSG_HAS, OMNI_LS_MSG_BODY,
	OMNI_LS_PREPARED,
	/* now and then: prepared on their first use */
	OMNI_LS_ANY_BLOCKS = OMNI_LS_PREPARED, OMNI_LS_ANY_ACCOUNTS, OMNI_LS_ANY_ORDERS,
	OMNI_LS_ANY_FETCHED, OMNI_LS_ANY_DESK,
	OMNI_LS_STOCK_ALL,
	OMNI_LS_ABSORB_MSGS, OMNI_LS_ABSORB_MSGS_DROP, OMNI_LS_ABSORB_MSGIDS_OWN,
	OMNI_LS_ABSORB_MSGIDS, OMNI_LS_ABSORB_MSGIDS_DROP, OMNI_LS_ABSORB_ORDERS,
	OMNI_LS_ABSORB_ORDERS_DROP,
	OMNI_LS_ABSORB_LINKS, OMNI_LS_ABSORB_TICKET_DROP,
	OMNI_LS_MERGE_KEYS, OMNI_LS_MERGE_KEYS_DROP, OMNI_LS_MERGE_TICKETS,
	OMNI_LS_MERGE_CUST_KEEP, OMNI_LS_MERGE_CUST_DROP,
	OMNI_LS_UM_LINK_COUNT, OMNI_LS_UM_FROM_SOURCE, OMNI_LS_UM_TICKET_TAKEN,
	OMNI_LS_UM_CUST_TAKEN, OMNI_LS_UM_TAUGHT, OMNI_LS_UM_CUST_PUT,
	OMNI_LS_UM_TICKET_PUT, OMNI_LS_UM_MSGS_MOVE, OMNI_LS_UM_LINK_MOVE,
	OMNI_LS_UM_MSGIDS_PUT, OMNI_LS_UM_KEYS_MOVE, OMNI_LS_UM_BLOCK_PUT,
	OMNI_LS_UM_THREAD_MOVE, OMNI_LS_UM_THREAD_DROP, OMNI_LS_UM_BODIES,
	OMNI_LS_CLOCK_PENDING, OMNI_LS_CLOCK_SOLVED, OMNI_LS_CLOCK_SET,
	OMNI_LS_HANDOFF_LINKED,
	/* a person's data (link_person.c, link_erase.c) */
	OMNI_LS_PD_KEY_CUSTOMERS, OMNI_LS_PD_TICKET_CUSTOMER, OMNI_LS_PD_CUSTOMER,
	OMNI_LS_PD_ORDER_BUYERS, OMNI_LS_PD_ORDER_TICKETS, OMNI_LS_PD_KEYS,
	OMNI_LS_PD_TICKETS, OMNI_LS_PD_MESSAGES, OMNI_LS_PD_MSG_COUNT, OMNI_LS_PD_SOURCES, OMNI_LS_PD_ORDERS,
	OMNI_LS_PD_ACCOUNTS, OMNI_LS_PD_SENDS, OMNI_LS_PD_HANDOFF, OMNI_LS_PD_ERASURES,
	OMNI_LS_PD_ER_KEYS, OMNI_LS_PD_ER_CUSTOMER, OMNI_LS_PD_ER_TICKET, OMNI_LS_PD_ER_MSGS,
	OMNI_LS_PD_ER_MSGIDS, OMNI_LS_PD_ER_TORDERS, OMNI_LS_PD_ER_LINKS, OMNI_LS_PD_ER_ORDER,
	OMNI_LS_PD_ER_ACCOUNT, OMNI_LS_PD_ER_SENDS, OMNI_LS_PD_ER_HANDOFF, OMNI_LS_PD_ER_LOG,
	OMNI_LS_PD_RET_DUE,
	OMNI_LS_COUNT
};

struct omni_link {
	omni_store *store;               /* borrowed */
	omni_link_opts o;
	int any_blocks;                  /* link_blocks has rows: look them up */
	int any_accounts;                /* accounts has rows: look them up */
	int any_orders;                  /* orders has rows: look them up */
	/* Rows only a writer adds, so none can come within the transaction:
	 * omni-fetch's hand-off notes, omni-desk's work on tickets. */
	int any_fetched, any_desk;
	/* The shops' stock (lib/link/link_products.c), read once a run when a
	 * ticket first asks: [[channel, store, sku, title, available,
	 * status, restock_at, updated_at]] */
	json_t *stock;
	int stock_read;
	/* What one record has read already (lib/link/link_who.c): the keys of one
	 * customer in the store's order, and the orders the store lacks. */
	char ck_id[40];
	omni_link_keys ck;
	char *order_miss[16];
	size_t norder_miss;
	/* Tickets' numbers in this store (tickets.seq, what the link tables
	 * name a ticket by), as this record looked them up or gave them. */
	struct { char id[40]; int64_t seq; } seqs[16];
	size_t nseqs;
	/* With --explain: what the last ticket written said of its orders
	 * ("; order #1061 verified (email)"), NUL-terminated. */
	char orders_said[512];
};

/* The products the customer's messages name (w) among the shops' stock of
 * the ticket's store (any store when NULL), as omni-ticket(5)'s products:
 * *json new ("" when none).  0, or -1 with err. */
int omni_link_products_json(omni_link *l, const omni_link_words *w, const char *store,
                            char **json, omni_error *err);

/* Forgets what the last record read (before each record, after merges). */
void omni_link_cache_reset(omni_link *l);
/* The keys of customer cid but its orders (which only omni-link's
 * look-ups by order use), from the store once per record: borrowed
 * (valid until the next reset or call for another customer), or NULL
 * with err. */
const omni_link_keys *omni_link_cust_keys(omni_link *l, const char *cid,
                                          omni_error *err);
/* The store's number for a ticket (tickets.seq): what this record
 * looked up or gave, else the store's; 0 for a ticket the store has not. */
int64_t omni_link_seq(omni_link *l, const char *ticket);
/* Remembers a ticket's number, read with it, for the rest of the record
 * (when the list is full, omni_link_seq reads it again). */
void omni_link_seq_keep(omni_link *l, const char *ticket, int64_t seq);
/* Gives a new ticket the store's next number (its row written later
 * with omni_link_emit; a row of that id keeps its own), or -1 with err. */
int64_t omni_link_seq_new(omni_link *l, const char *ticket, omni_error *err);
/* Did this record find no order for "store|#number"?  Record a miss. */
int omni_link_order_missed(omni_link *l, const char *key);
void omni_link_order_miss(omni_link *l, const char *key);

/* Statement which, reset and unbound, ready to bind: borrowed from the
 * store's cache; never NULL for one below OMNI_LS_PREPARED. */
omni_stmt *omni_link_stmt(omni_link *l, int which);
/* Runs statement which once with text parameters (a NULL-terminated
 * list, borrowed).  0 or -1 with err. */
int omni_link_exec(omni_link *l, omni_error *err, int which, ...);
/* Runs statement which with text parameters (NULL-terminated) and copies
 * the first column of its first row into out (cut to size): 1, 0 when
 * there is none (or it is null, or the step failed), -1 when it cannot
 * be prepared. */
int omni_link_one(omni_link *l, int which, char *out, size_t size, ...);
/* The customer as a ticket shows it: {id, name, emails, phones, handles}
 * from the store; compact JSON, new. */
char *omni_link_customer_json(omni_link *l, const char *customer_id,
                              omni_error *err);
/* The ticket's order numbers and its orders from the store (omni-ticket(5),
 * "Orders"), each marked verified or not for customer (her keys, or the
 * address the order was placed with in the words of w), read once: 0 and both new,
 * or -1 with err.  The customer's
 * other tickets (`history`, newest first), the records it absorbed:
 * compact JSON, new. */
int omni_link_orders_parts(omni_link *l, const char *ticket_id, const char *customer,
                           const omni_link_keys *sender,
                           omni_link_words *w, const char *region, char **ids_json,
                           char **orders_json, omni_error *err);
char *omni_link_history_json(omni_link *l, const char *ticket_id,
                             const char *customer_id, omni_error *err);
char *omni_link_merged_from_json(omni_link *l, const char *ticket_id,
                                 omni_error *err);
/* An order number as customers quote it: "#1061" for digits only, else
 * as it is (an Amazon or eBay order id). */
void omni_link_order_number(const char *number, char *buf, size_t size);
/* Binds to ?1 and ?3 of OMNI_LS_ORDER_OWNER the forms the store may keep
 * number under, one for each platform's rule (omni_order_number_forms:
 * "#1061" for a shop, "1061" for TikTok or Walmart). */
void omni_link_order_bind(omni_stmt *st, const char *number);
/* Steps st (OMNI_LS_ORDER_OWNER) to its next row and says whether it is
 * the best so far: the first, or of a greater store than best (a buffer
 * of size bytes, "" at the start, then the best row's store).  1 (a
 * better row: read it now), 0 (a row no better), OMNI_STMT_DONE at the
 * end, or another step result. */
int omni_link_order_next(omni_stmt *st, char *best, size_t size, int *any);

/* Which customer a ticket is (lib/link/link_who.c). */
typedef struct omni_link_who {
	char id[40];              /* the customer */
	int created;              /* a new customer */
	char kind[24], value[600];  /* the key that found it */
	char merged[8][40];       /* customers merged into it */
	size_t nmerged;
	int conflicts;            /* customers a conflicting key kept apart */
} omni_link_who;

/* Did --unmerge part these two tickets or customers?  1 or 0. */
int omni_link_blocked(omni_link *l, const char *x, const char *y);
/* A direct-message channel (its thread is the sender's, inside a window);
 * a marketplace (its own notices name their order, its buyer ids verify
 * one). */
int omni_link_channel_dm(const char *channel);
int omni_link_channel_marketplace(const char *channel);
/* Is a key kind one value per customer (not email, phone, order)? */
int omni_link_kind_exclusive(const char *kind);
/* Finds (or makes) the customer of keys seen on channel, merging the
 * customers they prove to be one.  0 and who, or -1 with err. */
int omni_link_customer(omni_link *l, const omni_link_keys *keys,
                       const char *channel, const char *source_id,
                       omni_link_who *who, omni_error *err);
/* Records keys for customer cid (only "order" keys with orders_only),
 * skipping a second value of an exclusive kind.  0 or -1 with err. */
int omni_link_keys_store(omni_link *l, const char *cid,
                         const omni_link_keys *keys, const char *channel,
                         const char *source_id, const char *at,
                         int orders_only, omni_error *err);

/* Completes p from the store (customer, order_ids, orders, history,
 * merged_from), builds the ticket from base and stored[], stores it as
 * the ticket's record and writes it to out.  0 or -1 with err. */
int omni_link_emit(omni_link *l, const omni_record *base,
                   const omni_record *const *stored, size_t nstored,
                   const char *ticket, const char *customer,
                   omni_link_parts *p, omni_out *out, omni_error *err);

/* What omni_link_resume did. */
typedef struct omni_link_resumed {
	long records;       /* records another run fetched and never linked */
	long tickets;       /* tickets another run wrote that never reached the end */
	long dropped;       /* of those, written too often (or unreadable): given up */
	long solved, closed;   /* tickets the lifecycle's clocks moved */
} omni_link_resumed;
/* At the start of a run, inside the caller's transaction: links the
 * records and writes again the tickets whose run ended before its next
 * stage took them (omni(7), "Nothing lost between stages"), then solves
 * the pending tickets quiet for solve_after and closes the solved ones
 * older than close_after, writing each ticket moved.  0, or -1 with err. */
int omni_link_resume(omni_link *l, omni_out *out, omni_link_resumed *done,
                     omni_error *err);

/* At the end of the input, inside the caller's transaction: what this
 * run's omni-fetch wrote and this run linked is taken (its note in the
 * store may have come after the record).  0 or -1 with err. */
int omni_link_taken(omni_link *l, omni_error *err);

/* Prepares the statements on an open store (borrowed).  0 and *out, or -1
 * with err. */
int omni_link_new(omni_store *s, const omni_link_opts *o, omni_link **out,
                  omni_error *err);
void omni_link_free(omni_link *l);
/* Notes which of the rarely filled tables (blocks, accounts, orders) have
 * rows, so look-ups in empty ones are skipped: at the start of each
 * transaction, since another program may have filled one meanwhile. */
void omni_link_refresh(omni_link *l);
/* Links one ticket (inside the caller's transaction) and writes the
 * conversation it joined, as it now stands, to out.  *explain (when opts
 * ask) is new text: which keys linked what.  0, or -1 with err. */
int omni_link_record(omni_link *l, const omni_record *rec, omni_out *out,
                     char **explain, omni_error *err);
/* Splits the messages of input record source_id (an id in merged_from)
 * out of the ticket that absorbed them into a ticket of their own, and
 * blocks the two from joining again; writes both tickets to out.  0, or
 * -1 with err (65 when source_id is unknown). */
int omni_link_unmerge(omni_link *l, const char *source_id, omni_out *out,
                      omni_error *err);
/* A person's merge (lib/link/link_merge.c), inside the caller's
 * transaction: ticket from joins ticket into (its messages, thread ids,
 * orders and links), which keeps its customer; writes the ticket to out.
 * 0, or -1 with err (65 a ticket the store has not, 64 the same twice). */
int omni_link_merge(omni_link *l, const char *into, const char *from, omni_out *out,
                    omni_error *err);


// link_person.c - a person's data on request (omni-link(1), "Personal data")

/* The customers a key names. */
typedef struct omni_link_person {
	char kind[24];            /* customer, ticket, order, or a key's kind
	                             (email, phone, amazon, instagram ...) */
	char *value;              /* normalised as the store keeps it: new */
	char (*customers)[40];    /* the customers it names: new */
	size_t n;
} omni_link_person;

/* Who key names: "cus-..." a customer, "tk-..." a ticket's customer, an
 * e-mail address, "+" and a phone number in E.164, "#" and an order
 * number, or KIND:VALUE (email, phone, order, customer, ticket, or a
 * handle's kind: amazon, ebay, instagram, facebook, tiktok, shopify ...).
 * A phone may name several customers (a household's); a key the store
 * does not hold names none.  0 and p filled, or -1 with err (64: not a
 * key). */
int omni_link_person_find(omni_link *l, const char *key, omni_link_person *p,
                          omni_error *err);
void omni_link_person_free(omni_link_person *p);
/* Everything the store holds of one customer, as one JSON document:
 * {customer, keys, tickets (their records whole), orders, accounts,
 *  sends, handoff, quarantine, erasures}.  New, or NULL with err. */
json_t *omni_link_person_export(omni_link *l, const char *customer,
                                omni_error *err);
/* doc in plain text: whole, or (whole 0) what --find lists: the counts
 * and names of what is held.  New, or NULL (out of memory). */
char *omni_link_person_text(const json_t *doc, int whole);

/* What belongs to erased or named people in NDJSON files: their
 * tickets and records (by ticket, record and customer id) and records
 * whose sender shows one of their keys. */
typedef struct omni_link_redactor omni_link_redactor;
omni_link_redactor *omni_link_redactor_new(void);   /* new, or NULL */
void omni_link_redactor_free(omni_link_redactor *r);
/* Adds p (found with omni_link_person_find): its key, and of each of
 * its customers the ids and strong keys the store holds.  0 or -1. */
int omni_link_redactor_add(omni_link *l, omni_link_redactor *r,
                           const omni_link_person *p, omni_error *err);
/* Is this line (a record, or a line that is none: then any of the ids
 * or keys in its bytes) theirs?  1 or 0. */
int omni_link_redactor_match(omni_link_redactor *r, const char *line, size_t len);

// link_erase.c - erasure and retention

typedef struct omni_link_erased {
	long tickets, keys, orders, accounts, sends, handoff, quarantine;
} omni_link_erased;
/* Erases customer inside the caller's transaction (omni-link(1),
 * "Personal data"): her keys and name removed, her tickets anonymous
 * (counted as before, no text, no identity), her orders' buyer fields
 * and accounts gone, her sends' errors cleared, her hand-off notes and
 * quarantined mails removed, and the erasure recorded (when, customer,
 * by).  The caller commits, then scrubs the store (omni_store_scrub).
 * 0, or -1 with err (65: no such customer). */
int omni_link_erase(omni_link *l, const char *customer, const char *by,
                    omni_link_erased *done, omni_error *err);
/* The ticket as it stays once anonymous (why: "erasure", "retention"):
 * new compact JSON text, or NULL (not JSON, out of memory). */
char *omni_link_anonymous(const char *record, size_t len, const char *at,
                          const char *why);
/* Inside the caller's transaction: makes anonymous the solved and closed
 * tickets of each [store NAME] with a retention, solved longer ago than
 * it.  *n counts them.  0, or -1 with err (78: a bad retention). */
int omni_link_retention(omni_link *l, long *n, omni_error *err);

#endif
