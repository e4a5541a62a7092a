/*
 * omni.h - the one public header of the omni library.
 *
 * Grouped by the file that implements each part.  Library code never prints
 * and never exits: it returns a status and fills an omni_error; cmd/ decides
 * what to say and how to exit.  Ownership is noted on every prototype:
 * "new" (caller frees), "borrowed" (valid until the noted point), "steals".
 */
#ifndef OMNI_H
#define OMNI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include <jansson.h>
#include <sqlite3.h>

#define OMNI_VERSION "0.1.0"
#define OMNI_FORMAT_VERSION 1

/* Exit statuses (sysexits), shared by every program. */
enum {
	OMNI_EX_OK = 0,
	OMNI_EX_PARTIAL = 1,      /* ran; some records failed (--keep-going) */
	OMNI_EX_USAGE = 64,
	OMNI_EX_DATAERR = 65,
	OMNI_EX_NOINPUT = 66,
	OMNI_EX_UNAVAILABLE = 69,
	OMNI_EX_SOFTWARE = 70,
	OMNI_EX_CANTCREAT = 73,
	OMNI_EX_IOERR = 74,
	OMNI_EX_TEMPFAIL = 75,
	OMNI_EX_PROTOCOL = 76,
	OMNI_EX_NOPERM = 77,
	OMNI_EX_CONFIG = 78,
};

/* ------------------------------------------------------------------ */
// lib/error.c

/* A failure as the library reports it: where (a file or source name),
 * line and column (1-based; 0 when unknown), a lowercase message, and the
 * exit status it maps to. */
typedef struct omni_error {
	int status;
	char where[512];
	long line;
	long column;
	char text[512];
} omni_error;

/* Fills e (if not NULL) and returns status.  where may be NULL. */
int omni_error_set(omni_error *e, int status, const char *where, long line,
                   long column, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Sets e->where/line when they are still empty (adds context on the way up). */
void omni_error_locate(omni_error *e, const char *where, long line);
/* "where:line:column: text", the parts that are known. */
void omni_error_format(const omni_error *e, char *buf, size_t size);

/* ------------------------------------------------------------------ */
// lib/diag.c - the printing half, for cmd/ only

extern int omni_verbosity;     /* -1 with -q, 0 default, 1+ with -v */

/* Names the program for diagnostics; ignores SIGPIPE (a closed pipe is a
 * quiet end, through omni_out) and SIGXFSZ (a write past the file-size
 * limit fails with EFBIG and exits 74). */
void omni_diag_init(const char *argv0);
const char *omni_progname(void);
/* "prog: message\n" on stderr; omni_warn is silenced by -q. */
void omni_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void omni_verbose(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints an error (never silenced): "prog: where:line:col: text". */
void omni_report(const omni_error *e);
/* Short usage line for a bad option, then "try 'prog --help'"; returns 64. */
int omni_usage_error(const char *usage, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Flushes stdout (after --help, --version): 0, or 74 after saying why. */
int omni_stdout_close(void);

// lib/cli.c
/* The options every program shares, for the default of its getopt_long
 * switch: now_opt (its --now), -q, -v, -h (prints usage and help, exits),
 * -V (exits).  0 when handled; 64 after a usage error (an unknown option
 * or a bad --now). */
int omni_cli_option(int c, int now_opt, const char *usage, const char *help);

/* ------------------------------------------------------------------ */
// lib/json.c - the lazy record reader (DESIGN.md, "The hot path")

#define OMNI_JSON_MAX_DEPTH 512

/* A byte span inside a line; p == NULL means absent. */
typedef struct omni_span {
	const char *p;
	size_t n;
} omni_span;

typedef enum omni_jtype {
	OMNI_J_ABSENT = 0,
	OMNI_J_NULL,
	OMNI_J_FALSE,
	OMNI_J_TRUE,
	OMNI_J_NUMBER,
	OMNI_J_STRING,
	OMNI_J_ARRAY,
	OMNI_J_OBJECT,
} omni_jtype;

/* A top-level member: key is the raw text between the quotes (escapes not
 * decoded), value the raw JSON text of the value. */
typedef struct omni_member {
	omni_span key;
	omni_span value;
} omni_member;

/* One parsed line.  Spans point into text, which the record borrows. */
typedef struct omni_record {
	const char *text;
	size_t len;
	omni_member *members;
	size_t nmembers, cap;
} omni_record;

void omni_record_init(omni_record *r);
void omni_record_free(omni_record *r);
/* One validating pass (structure, UTF-8, depth <= OMNI_JSON_MAX_DEPTH,
 * top level an object, nothing after it but whitespace) that indexes the
 * top-level members.  text is borrowed and must outlive the record's use.
 * 0 ok; -1 with err (status 65, column = 1-based byte column). */
int omni_record_parse(omni_record *r, const char *text, size_t len,
                      omni_error *err);
/* The value of a top-level member (the last one if a key repeats). */
omni_span omni_record_get(const omni_record *r, const char *key);

/* Walking validated values. */
omni_jtype omni_json_type(omni_span v);
typedef struct omni_jiter {
	const char *p, *end;
	int object;
} omni_jiter;
/* Starts an iteration over an array or object (else yields nothing). */
void omni_json_iter(omni_jiter *it, omni_span container);
/* 1 and the next element (key left absent for arrays; key may be NULL);
 * 0 at the end. */
int omni_json_next(omni_jiter *it, omni_span *key, omni_span *value);
/* Member of an object by decoded key, or an absent span. */
omni_span omni_json_get(omni_span object, const char *key);
/* Array element by index, or an absent span. */
omni_span omni_json_at(omni_span array, size_t index);
/* Does a raw key span (as omni_json_next gives it) decode to s? */
int omni_json_key_eq(omni_span rawkey, const char *s);

/* Decoding.  A string's decoded text, NUL-terminated: new, or NULL when v
 * is not a string (len may be NULL). */
char *omni_json_string(omni_span v, size_t *len);
/* Decodes into buf (always NUL-terminated); returns the decoded length, or
 * -1 when v is not a string or does not fit. */
long omni_json_string_buf(omni_span v, char *buf, size_t size);
int omni_json_string_eq(omni_span v, const char *s);
/* 0 and the value; -1 when v is not a number (or, for int64, not an
 * integer that fits). */
int omni_json_number(omni_span v, double *out);
int omni_json_int64(omni_span v, int64_t *out);
/* The value as a jansson tree: new ref, NULL on failure. */
json_t *omni_json_to_jansson(omni_span v);

/* ------------------------------------------------------------------ */
// lib/out.c - buffered output

typedef struct omni_out omni_out;

/* A buffered writer on fd (new).  Writes at most 256 KiB at a time. */
omni_out *omni_out_new(int fd);
/* 0 ok; -1 after a write error (kept: later calls fail at once). */
int omni_out_write(omni_out *o, const void *buf, size_t len);
/* A jansson value, compact, in its key order, then "\n". */
int omni_out_json(omni_out *o, const json_t *value);
int omni_out_flush(omni_out *o);
/* Did a write fail because the reader closed the pipe (EPIPE)? */
int omni_out_broken_pipe(const omni_out *o);
/* Flushes and frees.  0 ok or a closed pipe; 74 with err on a write error
 * (where = "stdout" or the name given to omni_out_set_name). */
int omni_out_close(omni_out *o, omni_error *err);
void omni_out_set_name(omni_out *o, const char *name);
/* (lib/cli.c) Closes a program's output (steals; may be NULL) and reject
 * file (may be NULL): a write error is reported and makes the status 74.
 * Returns the status to exit with. */
int omni_cli_close(omni_out *out, FILE *reject, int status);

/* ------------------------------------------------------------------ */
// lib/edit.c - writing a record with some members changed

typedef struct omni_edit omni_edit;

omni_edit *omni_edit_new(void);
void omni_edit_free(omni_edit *e);
/* Forget every change (reuse the edit for the next record). */
void omni_edit_reset(omni_edit *e);
/* Set key to raw JSON text (copied, trusted to be valid, compact). */
int omni_edit_set_raw(omni_edit *e, const char *key, const char *json,
                      size_t len);
/* Set key to a jansson value (borrowed; dumped compact at once). */
int omni_edit_set(omni_edit *e, const char *key, const json_t *value);
int omni_edit_remove(omni_edit *e, const char *key);
/* Writes the record: every member in order, copied byte for byte unless
 * set (replaced in place) or removed; new keys appended in the order they
 * were set; then "\n".  e may be NULL (the line as is).  0 or -1. */
int omni_record_write(omni_out *o, const omni_record *r, const omni_edit *e);

/* ------------------------------------------------------------------ */
// lib/input.c - lines from the files named as arguments, else stdin

typedef struct omni_input omni_input;

/* paths borrowed; npaths 0 means stdin; "-" means stdin. */
omni_input *omni_input_new(char *const *paths, int npaths);
void omni_input_free(omni_input *in);
/* 1: a line, NUL-terminated, without its LF or CR LF, never blank;
 *    borrowed until the next call.
 * 0: end of every input.
 * -1: err filled (66 cannot open, 74 read error). */
int omni_input_next(omni_input *in, char **line, size_t *len, omni_error *err);
const char *omni_input_name(const omni_input *in);   /* "stdin" or path */
long omni_input_lineno(const omni_input *in);

/* ------------------------------------------------------------------ */
// lib/reader.c - ticket records from input, with --keep-going

typedef struct omni_reader omni_reader;

/* reject: where malformed lines go verbatim under keep_going (borrowed;
 * may be NULL: then they are only counted). */
omni_reader *omni_reader_new(char *const *paths, int npaths, int keep_going,
                             FILE *reject);
void omni_reader_free(omni_reader *r);
/* 1: a record (borrowed until the next call).
 * 0: end.
 * 2: a malformed line was set aside under keep_going; err says why.
 * -1: err filled: 65 malformed (bad JSON, not an object, invalid UTF-8, a
 *     newer major "omni" version), 66, 74. */
int omni_reader_next(omni_reader *r, omni_record **rec, omni_error *err);
long omni_reader_rejected(const omni_reader *r);
/* Where the last record came from: "stdin" or its path, and its line
 * number (for errors found after reading, e.g. by a linker). */
const char *omni_reader_name(const omni_reader *r);
long omni_reader_lineno(const omni_reader *r);

/* ------------------------------------------------------------------ */
// lib/clock.c - times

/* Milliseconds since the epoch, UTC. */
typedef int64_t omni_time;

/* RFC 3339 (offsets, fractions, 'T' or ' ', 'Z' or +hh:mm or +hhmm) or
 * RFC 2822 ("Fri, 01 Mar 2024 22:22:10 +0000", obsolete zone names).
 * 0 ok, -1 not a time. */
int omni_time_parse(const char *s, omni_time *out);
int omni_time_parse_rfc3339(const char *s, omni_time *out);
int omni_time_parse_rfc2822(const char *s, omni_time *out);
/* Unix seconds or milliseconds (values above 1e11 are milliseconds). */
omni_time omni_time_from_unix(double v);
/* "2024-03-06T15:12:44Z", with ".123" when there are milliseconds.
 * Writes into buf (at least 32 bytes) and returns it. */
char *omni_time_format(omni_time t, char *buf);
/* --now: an RFC 3339 time or Unix seconds.  0 ok, -1 with err (64). */
int omni_clock_set(const char *arg, omni_error *err);
omni_time omni_clock_now(void);
/* Seconds on the monotonic clock (for waits, time limits and token
 * lifetimes); --now does not move it. */
double omni_clock_monotonic(void);

/* ------------------------------------------------------------------ */
// lib/env.c - XDG paths and secrets

typedef enum omni_xdg {
	OMNI_XDG_CONFIG,
	OMNI_XDG_DATA,
	OMNI_XDG_STATE,
	OMNI_XDG_CACHE,
} omni_xdg;

/* "$XDG_<KIND>_HOME/omni/name" (or the ~/.config, ~/.local/share,
 * ~/.local/state, ~/.cache defaults): new. */
char *omni_xdg_path(omni_xdg kind, const char *name);
/* mkdir -p with mode for every created directory.  0 or -1 (errno). */
int omni_mkdirs(const char *dir, mode_t mode);
/* A secret by name ("SHOPIFY_TOKEN"): the contents of the file named by
 * OMNI_<NAME>_FILE, else OMNI_<NAME>; one trailing newline removed.
 * New; NULL with err (78) when neither is set or the file cannot be read. */
char *omni_secret(const char *name, omni_error *err);
/* "~/x" expanded against $HOME: new. */
char *omni_expand_home(const char *path);
/* share/omni/name: under $OMNI_SHARE_DIR, else beside the program
 * (../share/omni, the build tree or an installed prefix), else under the
 * configured data directory; name "" gives the directory.  New, or NULL
 * out of memory. */
char *omni_share_path(const char *name);
/* A number >= 0 from the environment (seconds, a count); def when unset,
 * empty or not such a number. */
double omni_env_number(const char *name, double def);

/* ------------------------------------------------------------------ */
// lib/config.c - the plain-text configuration (man/omni-config.5)

typedef struct omni_conf_entry {
	char *key, *value;
	long line;
} omni_conf_entry;

typedef struct omni_conf_section {
	char *type, *name;        /* [source amazon-mail] -> "source", "amazon-mail" */
	long line;
	omni_conf_entry *entries;
	size_t nentries;
} omni_conf_section;

typedef struct omni_config {
	char *path;               /* NULL when no file was read */
	omni_conf_section *sections;
	size_t nsections;
} omni_config;

/* path NULL: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/omni.conf, where a
 * missing file is an empty configuration.  A named file must exist.
 * 0 and *out (new); -1 with err (78, 66) naming file, line and column. */
int omni_config_load(const char *path, omni_config **out, omni_error *err);
void omni_config_free(omni_config *c);
/* borrowed, or NULL */
const omni_conf_section *omni_config_find(const omni_config *c,
                                          const char *type, const char *name);
const char *omni_conf_get(const omni_conf_section *s, const char *key);
/* Every section of type has only the keys listed (NULL-terminated) and
 * those in required (a listed "map.*" admits every "map.NAME").  0, or
 * -1 with err (78) naming file, line, column. */
int omni_config_check(const omni_config *c, const char *type,
                      const char *const *keys, const char *const *required,
                      omni_error *err);
/* The keys of [store NAME] sections; NULL-terminated. */
extern const char *const omni_config_store_keys[];

/* ------------------------------------------------------------------ */
// lib/store.c - the SQLite store

typedef struct omni_store omni_store;

/* path NULL: $OMNI_DB, else $XDG_DATA_HOME/omni/omni.db.  Creates it mode
 * 0600 (directories 0700), WAL, busy timeout, foreign keys, and applies the
 * migrations of share/omni/migrations (built in) by PRAGMA user_version.
 * 0 and *out; -1 with err (73 cannot create, 75 busy, 65 corrupt or newer
 * schema, 77 permission). */
int omni_store_open(const char *path, omni_store **out, omni_error *err);
void omni_store_close(omni_store *s);
sqlite3 *omni_store_db(omni_store *s);            /* borrowed */
/* The statement for sql, prepared once per store and kept until it
 * closes: reset and unbound, ready to bind.  sql must live as long as the
 * store (a string constant: its address is the key).  The caller resets
 * it when done with it and never finalizes it.  NULL with err. */
sqlite3_stmt *omni_store_prepared(omni_store *s, const char *sql, omni_error *err);
const char *omni_store_path(const omni_store *s); /* borrowed */
int omni_store_schema_version(omni_store *s);
/* BEGIN IMMEDIATE / COMMIT / ROLLBACK.  0 or -1 with err (75 when busy). */
int omni_store_begin(omni_store *s, omni_error *err);
int omni_store_commit(omni_store *s, omni_error *err);
void omni_store_rollback(omni_store *s);
/* BEGIN IMMEDIATE unless a transaction is open: for a writer that takes the
 * lock only when it has something to write.  0 or -1 with err. */
int omni_store_hold(omni_store *s, omni_error *err);
/* Is a transaction open? */
int omni_store_held(omni_store *s);
/* An advisory lock in the file PATH.WHAT.lock beside the store, for work
 * that must not run twice at once (two omni-fetch runs reading one source)
 * without holding the store's write lock meanwhile.  Waits up to the busy
 * timeout.  Held until the descriptor (returned, >= 0) is closed or the
 * process ends; -1 with err (75 held by another process). */
int omni_store_lock(omni_store *s, const char *what, omni_error *err);
/* Fills err from the connection's last error (status 75 for busy/locked,
 * 74 for I/O and full disk, 65 for corruption, else 70); returns status. */
int omni_store_error(omni_store *s, omni_error *err, const char *what);

/* Fetch cursors, one value per source. */
int omni_store_cursor_get(omni_store *s, const char *source, char **value,
                          omni_error *err);  /* *value new, NULL if none */
int omni_store_cursor_set(omni_store *s, const char *source, const char *value,
                          omni_error *err);
/* What a local source has emitted: 1 seen, 0 not, -1 err. */
int omni_store_seen(omni_store *s, const char *source, const char *key,
                    omni_error *err);
int omni_store_mark_seen(omni_store *s, const char *source, const char *key,
                         omni_error *err);

/* ------------------------------------------------------------------ */
// lib/orders.c - orders, fulfilments, returns and refunds in the store

/* A normalised order, as DESIGN.md's `orders` entries plus who placed it:
 * {id, number, channel, store, placed_at, updated_at, status,
 *  financial_status, total, currency,
 *  customer{id, name, email, phone},
 *  items[{sku,title,qty}],
 *  fulfillments[{id, carrier, tracking_number, tracking_url, status,
 *                shipped_at, delivered_at, estimated_at}],
 *  returns[{id, status, reason, at}],
 *  refunds[{id, amount, currency, reason, at}]}
 * Upserted by (channel, store, id); fulfilments, returns and refunds by
 * their own id within the order, so pieces that arrive apart (a webhook)
 * join.  Fields absent from a later version are kept. */
int omni_order_upsert(omni_store *s, const json_t *order, omni_error *err);
/* One fulfilment or refund for an order that may not be known yet. */
int omni_fulfillment_upsert(omni_store *s, const char *channel,
                            const char *store, const char *order_id,
                            const json_t *fulfillment, omni_error *err);
int omni_refund_upsert(omni_store *s, const char *channel, const char *store,
                       const char *order_id, const json_t *refund,
                       omni_error *err);
/* A platform's customer account {channel, store, id, name, email, phone,
 * updated_at} (Shopify's customers): evidence omni-link reads beside the
 * orders, never a customer of its own.  Upserted by (channel, store, id);
 * a field absent from a later version is kept. */
int omni_account_upsert(omni_store *s, const json_t *account, omni_error *err);
/* The order in the normalised shape above: new, or NULL (not found, or err
 * filled when err->status != 0). */
json_t *omni_order_load(omni_store *s, const char *channel, const char *store,
                        const char *order_id, omni_error *err);

/* ------------------------------------------------------------------ */
// lib/ticket.c - building tickets (jansson)

/* {"omni":1,"id":id,"channel":..,"store":..(null when NULL),"kind":..}: new */
json_t *omni_ticket_new(const char *id, const char *channel, const char *store,
                        const char *kind);
/* Sets key to a string, or to null when value is NULL. */
void omni_json_set_str(json_t *obj, const char *key, const char *value);
void omni_json_set_time(json_t *obj, const char *key, omni_time t);
/* Appends s to a JSON array unless an equal string is already there. */
void omni_json_array_add_unique(json_t *array, const char *s);
/* A message {id, direction, author, at, text, attachments[], channel}: new */
json_t *omni_message_new(const char *id, const char *direction,
                         const char *author, omni_time at, const char *text,
                         const char *channel);
/* Adds a message (steals) and keeps created_at/updated_at as the first and
 * last message times; messages kept oldest first. */
void omni_ticket_add_message_new(json_t *ticket, json_t *message);

/* ------------------------------------------------------------------ */
// lib/orderid.c - order numbers in free text

/* Appends to ids (a JSON array) every order number found in text, once:
 * "#1043" (and "order 1043", "ordine n. 1043", "commande 1043",
 * "pedido 1043", "Bestellung 1043" written as "#1043"), Amazon 3-7-7
 * "113-4827365-1029384", eBay 2-5-5 "12-34567-89012". */
void omni_order_ids_find(const char *text, json_t *ids);

/* ------------------------------------------------------------------ */
// lib/mime.c - RFC 5322 messages, MIME, charsets, RFC 2047

typedef struct omni_attachment {
	char *filename;           /* decoded, UTF-8, may be NULL */
	char *content_type;       /* lowercase type/subtype */
	size_t size;              /* decoded bytes */
} omni_attachment;

typedef struct omni_mail {
	char *message_id;         /* without the angle brackets */
	char *in_reply_to;        /* first id, without brackets */
	char **references;        /* oldest first, without brackets */
	size_t nreferences;
	char *subject;            /* RFC 2047 decoded, unfolded, UTF-8 */
	char *from_name, *from_addr;   /* display name decoded; address lowercase */
	char *reply_to;           /* address only, lowercase */
	char *to;                 /* first address, lowercase */
	omni_time date;
	int has_date;
	char *text;               /* text/plain, else text/html as text; UTF-8 */
	char *html;               /* the text/html part, UTF-8, or NULL */
	omni_attachment *attachments;
	size_t nattachments;
} omni_mail;

/* Parses one message (headers folded or not, CRLF or LF).  0 ok; -1 with
 * err (65: truncated multipart, unknown charset, bad encoding; line is the
 * 1-based line within the message where that is known). */
int omni_mail_parse(const char *buf, size_t len, omni_mail *m, omni_error *err);
void omni_mail_free(omni_mail *m);
/* One header's unfolded, RFC 2047-decoded value from a raw message: new or
 * NULL. */
char *omni_mail_header(const char *buf, size_t len, const char *name);
/* Decoders, each returning new NUL-terminated text (len may be NULL). */
char *omni_qp_decode(const char *s, size_t n, size_t *len);
char *omni_base64_decode(const char *s, size_t n, size_t *len);
/* To UTF-8 from charset: new, or NULL with err (65) for an unknown
 * charset or bytes invalid in it. */
char *omni_charset_to_utf8(const char *charset, const char *s, size_t n,
                           omni_error *err);
char *omni_rfc2047_decode(const char *s);
char *omni_html_to_text(const char *html, size_t n);
/* Header field parts (lib/mailhdr.c), from an unfolded value (borrowed):
 * a Content-Type/-Disposition parameter, RFC 2231 forms included, as
 * UTF-8 (new or NULL); the lowercase media type, def when absent (new);
 * the first mailbox's decoded display name and lowercase address (each new
 * or NULL); message ids without brackets (*ids new, each new; at most
 * max); the first id (new or NULL). */
char *omni_mail_param(const char *value, const char *name);
char *omni_mail_media_type(const char *value, const char *def);
void omni_mail_address(const char *value, char **name, char **addr);
size_t omni_mail_msgids(const char *value, char ***ids, size_t max);
char *omni_mail_msgid(const char *value);

/* ------------------------------------------------------------------ */
// lib/mailbox.c - Maildir and mbox

typedef struct omni_mailbox omni_mailbox;

typedef struct omni_mailbox_msg {
	const char *data;         /* raw message; borrowed until the next call */
	size_t len;
	const char *key;          /* stable per mailbox: Maildir unique name, or
	                             mbox "sha256-like hash of the message" */
	const char *path;         /* the file it came from */
	long line;                /* mbox: line of its "From " line; else 1 */
	omni_time mtime;          /* maildir: the file's mtime; mbox: the date
	                             of the "From " line; 0 unknown */
} omni_mailbox_msg;

/* kind "maildir" (new/ and cur/, in name order, dot-files ignored) or
 * "mbox" (mboxrd and mboxo: one '>' removed from ">From " lines).
 * 0 and *out; -1 with err (66 missing, 65 not a mailbox). */
int omni_mailbox_open(const char *kind, const char *path, omni_mailbox **out,
                      omni_error *err);
/* 1 a message; 0 end; -1 err. */
int omni_mailbox_next(omni_mailbox *mb, omni_mailbox_msg *msg, omni_error *err);
void omni_mailbox_close(omni_mailbox *mb);

/* ------------------------------------------------------------------ */
// lib/relay.c - marketplace relay mail

typedef struct omni_relay {
	const char *channel;      /* "amazon", "ebay", or NULL (plain e-mail) */
	const char *kind;         /* "message" or "claim" */
	char *alias;              /* the relay address, lowercase: new or NULL */
	char *handle;             /* amazon: the alias; ebay: the user name if
	                             known, else the alias: new or NULL */
	char *name;               /* buyer's name from the display name: new */
	char *text;               /* the buyer's words only: new or NULL */
	char *order_id;           /* from subject or body: new or NULL */
} omni_relay;

/* Recognises Amazon (@marketplace.amazon.*) and eBay (@members.ebay.com)
 * relay mail and Amazon A-to-z claim notifications.  0 (relay->channel
 * NULL when it is plain e-mail). */
int omni_relay_classify(const omni_mail *m, omni_relay *relay);
void omni_relay_free(omni_relay *relay);

/* ------------------------------------------------------------------ */
// lib/fetch.c - what every omni-fetch source shares

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
/* A source's secret: OMNI_<NAME>_<WHAT>[_FILE] for a configured source
 * (its name upper-cased, other characters as '_'), else
 * OMNI_<KIND>_<WHAT>[_FILE].  New, or NULL with err (78) naming both. */
char *omni_fetch_secret(const omni_fetch *f, const char *kind,
                        const char *what, omni_error *err);
/* Is that secret set (either name, either form)?  1 or 0. */
int omni_fetch_has_secret(const omni_fetch *f, const char *kind, const char *what);
/* The keys a [source] section may have besides uri; NULL-terminated. */
extern const char *const omni_fetch_source_keys[];

// lib/fetch_jobs.c - several sources at once, a child process each
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

// lib/fetch_proactive.c - proactive tickets from fulfilment events
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

// lib/fetch_cgi.c - --webhook as a CGI program
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

// lib/source_mail.c
/* maildir:PATH and mbox:PATH.  0, or -1 with err. */
int omni_source_mail(omni_fetch *f, const char *kind, const char *path,
                     omni_error *err);
/* One raw message to a ticket (new) or NULL with err. */
json_t *omni_mail_ticket(omni_fetch *f, const char *raw, size_t len,
                         const char *key, omni_error *err);

// lib/source_file.c
/* file:PATH: a file, or a directory read in name order; each file one JSON
 * document, a stream of them, or NDJSON.  0, or -1 with err. */
int omni_source_file(omni_fetch *f, const char *path, omni_error *err);

// lib/http.c - requests through one reused libcurl handle

typedef struct omni_http omni_http;
typedef struct omni_http_response {
	long status;              /* HTTP status; 0 for IMAP */
	char *body;               /* NUL-terminated */
	size_t len;
	char *headers;            /* the raw header block of the last response */
	size_t hlen;
} omni_http_response;

/* source names the errors (borrowed, outlives the handle).  Settings from
 * OMNI_HTTP_CONNECT_TIMEOUT, OMNI_HTTP_TIMEOUT, OMNI_HTTP_RETRIES,
 * OMNI_HTTP_BACKOFF, OMNI_HTTP_MAX_WAIT (seconds) and OMNI_HTTP_MAX_SIZE
 * (bytes).  New, or NULL with err. */
omni_http *omni_http_new(const char *source, omni_error *err);
void omni_http_free(omni_http *h);
/* A header on every request; secret: its value is redacted in traces. */
int omni_http_add_header(omni_http *h, const char *name, const char *value,
                         int secret);
void omni_http_clear_headers(omni_http *h);
/* User and password (IMAP, basic auth); the password is a secret. */
int omni_http_set_login(omni_http *h, const char *user, const char *password);
void omni_http_set_trace(omni_http *h, void (*fn)(void *arg, const char *line),
                         void *arg);
/* Attempts after the first (0: none, for a request that must not go out
 * twice) and the transfer time-out, over the OMNI_HTTP_* settings. */
void omni_http_set_retries(omni_http *h, long retries);
void omni_http_set_timeout(omni_http *h, double seconds);
/* method NULL: GET (or POST when body is given); for IMAP a custom command.
 * what names the request in errors ("page 2").  0 and *resp (borrowed
 * until the next request) on success; -1 with err: 69 unavailable after
 * the retries, 75 throttled or timed out after them, 77 on 401/403, 76
 * another status; then *resp is the last HTTP answer (its status and the
 * whole body, e.g. the API's error object), or NULL when none came. */
int omni_http_request(omni_http *h, const char *method, const char *url,
                      const char *what, const char *type, const char *body,
                      size_t len, omni_http_response **resp, omni_error *err);
/* A header of a response, trimmed: new or NULL. */
char *omni_http_header(const omni_http_response *r, const char *name);
/* Retry-After as seconds (fractional, or an HTTP-date against now); -1
 * when absent or invalid. */
double omni_http_retry_after(const char *value, time_t now);
void omni_http_sleep(double seconds);

// lib/sha256.c
void omni_sha256(const void *data, size_t len, unsigned char out[32]);
void omni_hmac_sha256(const void *key, size_t klen, const void *data,
                      size_t len, unsigned char out[32]);
/* Constant-time comparison: 1 equal. */
int omni_mem_equal(const void *a, const void *b, size_t n);

// lib/source_shopify.c
/* shopify:BASE - Admin REST orders updated since the cursor. */
int omni_source_shopify(omni_fetch *f, const char *base, omni_error *err);

// lib/source_imap.c
/* imap://, imaps:// - new mail by UID since the cursor. */
int omni_source_imap(omni_fetch *f, const char *url, omni_error *err);

// lib/source_meta.c, source_import.c
struct omni_payload;
/* A Meta webhook messaging event ({sender, recipient, timestamp, message})
 * of page (a webhook entry's id: the Page, or the Instagram account) as a
 * ticket, once per mid (lib/payload_meta.c); name is the customer's, or
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

// lib/csv.c - RFC 4180 records
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

// lib/source_amazon.c, source_ebay.c
/* amazon:BASE - SP-API getOrders since the cursor (LWA token exchange). */
int omni_source_amazon(omni_fetch *f, const char *base, omni_error *err);
/* ebay:BASE - Fulfillment getOrders (--orders) and Message API
 * conversations since the cursor. */
int omni_source_ebay(omni_fetch *f, const char *base, omni_error *err);

/* lib/payload_amazon.c: {"payload":{"Orders":[...]}} (orders) and
 * {"payload":{"AmazonOrderId","OrderItems"}} (an order's items): 1, 0, -1. */
struct omni_payload;
int omni_payload_amazon(struct omni_payload *p, const json_t *doc,
                        omni_error *err);
/* An SP-API order (borrowed) normalised for lib/orders.c, with its items
 * (getOrderItems' OrderItems, borrowed; NULL: the stored items stay): new. */
json_t *omni_amazon_order_new(const omni_fetch *f, const json_t *order,
                              const json_t *items);
/* lib/payload_ebay.c: a Fulfillment API order (borrowed) normalised for
 * lib/orders.c, with its refunds: new.  A shipping fulfilment (borrowed)
 * with the order's delivery estimate (order borrowed, may be NULL): new. */
json_t *omni_ebay_order_new(const omni_fetch *f, const json_t *order);
json_t *omni_ebay_fulfillment_new(const json_t *fulfillment,
                                  const json_t *order);

// lib/source_bigcommerce.c, lib/source_woocommerce.c, lib/source_walmart.c,
// lib/source_tiktok.c, lib/source_paged.c - the other commerce platforms
/* bigcommerce:BASE - V2 orders modified since the cursor, and their
 * shipments.  woocommerce:BASE - REST v3 orders.  walmart:BASE -
 * Marketplace orders.  tiktok:BASE - TikTok Shop orders and customer
 * service conversations.  0, or -1 with err. */
int omni_source_bigcommerce(omni_fetch *f, const char *base, omni_error *err);
int omni_source_woocommerce(omni_fetch *f, const char *base, omni_error *err);
int omni_source_walmart(omni_fetch *f, const char *base, omni_error *err);
int omni_source_tiktok(omni_fetch *f, const char *base, omni_error *err);
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
/* TikTok Shop's request signature: lowercase hex HMAC-SHA256 keyed by
 * secret over secret + path + the sorted query's keys and values (but
 * sign and access_token) + body + secret.  params: "k=v" strings
 * (borrowed, not escaped).  hex: 65 bytes. */
void omni_tiktok_sign(const char *secret, const char *path,
                      const char *const *params, size_t nparams,
                      const char *body, char hex[65]);

/* A paged API source's state (lib/source_paged.c). */
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
/* The URL of rel="next" (or rel=next) in a Link header: new or NULL. */
char *omni_paged_link_next(const char *link);
/* lib/source_oauth.c: POSTs form to the token endpoint url through h (its
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

// lib/webhook.c
/* Verifies one delivery: kind shopify, meta, tiktok or woocommerce; headers
 * "Name: value" lines (borrowed).  0 valid; -1 with err (77 bad or missing
 * signature, 78 no secret). */
int omni_webhook_verify(const char *kind, const char *headers,
                        const char *body, size_t len, omni_error *err);
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

// lib/payload.c, lib/payload_*.c - saved API responses and webhook bodies
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
/* lib/payload_meta_line.c: a line (borrowed) of a file read as a Meta
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
/* A normalised order (see lib/orders.c), fulfilment or refund: stored
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
/* A string or an integer id as text: new, or NULL. */
char *omni_payload_id(const json_t *v);
/* A time given as RFC 3339, RFC 2822, or Unix seconds or milliseconds.
 * 0 ok, -1 absent, empty or not a time. */
int omni_payload_time(const json_t *v, omni_time *t);
/* Sets key to the time of v in UTC ("...Z"), or leaves it unset. */
void omni_payload_set_time(json_t *obj, const char *key, const json_t *v);
/* Sets key to the string s unless s is NULL or empty. */
void omni_payload_set_str(json_t *obj, const char *key, const char *s);

/* ------------------------------------------------------------------ */
// lib/link_*.c - omni-link: identity, threading, merging, order context

/* Keys at or above this strength look customers up; weaker ones are only
 * recorded (a household's phone, a generic address). */
#define OMNI_LINK_STRONG 50

/* An identity key seen on a ticket (lib/link_keys.c). */
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
/* Normalised e-mail address (lowercase; Gmail dots and +tags dropped,
 * the only rewrite that is certain): new, or NULL when not an address. */
char *omni_link_email_norm(const char *s);
/* A phone number in E.164, national numbers read in region (ISO 3166
 * alpha-2, e.g. "US", "IT"; NULL: US): new, or NULL when not a number. */
char *omni_link_phone_norm(const char *s, const char *region);
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

/* The members omni-link writes (lib/link_build.c): compact JSON text
 * each, NULL to keep the input's. */
typedef struct omni_link_parts {
	const char *id_json, *customer_json, *order_ids_json, *merged_from_json,
	           *orders_json, *history_json;
	const char *messages_json;   /* set: these messages, none gathered */
	/* In: bounds besides the messages (0: none); out: the ticket's. */
	omni_time created_at, updated_at;
	/* In (omni_link_emit): the ticket's channel, store, status, subject
	 * and thread key from a record (NULL: none), stored with the record
	 * in one statement; row NULL: only the record is updated. */
	const char *const *row;
} omni_link_parts;

/* The merged ticket, one line without its newline: in's members in order
 * with the parts in place (or appended), and the messages of stored[]
 * and in, raw, de-duplicated by id, in time order.  New, or NULL (out of
 * memory). */
char *omni_link_build(const omni_record *in, const omni_record *const *stored,
                      size_t nstored, omni_link_parts *parts,
                      size_t *len);

/* The linker (lib/link.c; its statements in lib/link_store.c). */
typedef struct omni_link omni_link;

typedef struct omni_link_opts {
	const omni_config *config;   /* [store NAME] region; borrowed */
	omni_time window;            /* an open ticket takes new messages of its
	                                customer for this long (ms) */
	omni_time dm_window;         /* a DM thread (Meta, TikTok, chat, SMS)
	                                continues for this long (ms) */
	int history;                 /* at most this many earlier tickets */
	int explain;                 /* fill the explanation text */
} omni_link_opts;

/* The statements lib/link_*.c share, prepared once (lib/link_store.c). */
enum {
	OMNI_LS_LINK_GET, OMNI_LS_MSGID_GET, OMNI_LS_KEY_GET, OMNI_LS_CUST_KEYS,
	OMNI_LS_CUST_EXCLUSIVE,
	OMNI_LS_ORDER_OWNER, OMNI_LS_TICKET_GET, OMNI_LS_CUST_TICKETS,
	OMNI_LS_TICKET_HAS_ORDER, OMNI_LS_TICKET_ORDERS, OMNI_LS_BLOCKED,
	OMNI_LS_CUST_PUT, OMNI_LS_CUST_GET, OMNI_LS_KEY_PUT, OMNI_LS_TICKET_PUT,
	OMNI_LS_TICKET_RECORD, OMNI_LS_MSG_PUT, OMNI_LS_MSGID_PUT,
	OMNI_LS_TORDER_PUT, OMNI_LS_LINK_PUT, OMNI_LS_MERGED_FROM,
	OMNI_LS_HISTORY, OMNI_LS_DM_NEAR, OMNI_LS_ACCOUNT_EMAIL, OMNI_LS_ACCOUNT_REF,
	OMNI_LS_TICKET_SEQ, OMNI_LS_NEXT_SEQ,
	OMNI_LS_COUNT
};

struct omni_link {
	omni_store *store;               /* borrowed */
	sqlite3 *db;                     /* borrowed */
	omni_link_opts o;
	sqlite3_stmt *st[OMNI_LS_COUNT];
	int any_blocks;                  /* link_blocks has rows: look them up */
	int any_accounts;                /* accounts has rows: look them up */
	int any_orders;                  /* orders has rows: look them up */
	/* What one record has read already (lib/link_who.c): the keys of one
	 * customer in the store's order, and the orders the store lacks. */
	char ck_id[40];
	omni_link_keys ck;
	char *order_miss[16];
	size_t norder_miss;
	/* Tickets' numbers in this store (tickets.seq, what the link tables
	 * name a ticket by), as this record looked them up or gave them. */
	struct { char id[40]; sqlite3_int64 seq; } seqs[16];
	size_t nseqs;
};

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
sqlite3_int64 omni_link_seq(omni_link *l, const char *ticket);
/* Remembers a ticket's number, read with it, for the rest of the record
 * (when the list is full, omni_link_seq reads it again). */
void omni_link_seq_keep(omni_link *l, const char *ticket, sqlite3_int64 seq);
/* Gives a new ticket the store's next number (its row written later
 * with omni_link_emit; a row of that id keeps its own), or -1 with err. */
sqlite3_int64 omni_link_seq_new(omni_link *l, const char *ticket, omni_error *err);
/* Did this record find no order for "store|#number"?  Record a miss. */
int omni_link_order_missed(omni_link *l, const char *key);
void omni_link_order_miss(omni_link *l, const char *key);

/* A prepared statement, reset and unbound, ready to bind. */
sqlite3_stmt *omni_link_stmt(omni_link *l, int which);
/* Runs sql once with text parameters (NULL-terminated list; a NULL value
 * binds NULL is not possible here).  0 or -1 with err. */
int omni_link_exec(omni_link *l, omni_error *err, const char *sql, ...);
/* The customer as a ticket shows it: {id, name, emails, phones, handles}
 * from the store; compact JSON, new. */
char *omni_link_customer_json(omni_link *l, const char *customer_id,
                              omni_error *err);
/* The ticket's order numbers and its orders from the store (DESIGN.md
 * `orders`), read once: 0 and both new, or -1 with err.  The customer's
 * other tickets (`history`, newest first), the records it absorbed:
 * compact JSON, new. */
int omni_link_orders_parts(omni_link *l, const char *ticket_id, char **ids_json,
                           char **orders_json, omni_error *err);
char *omni_link_history_json(omni_link *l, const char *ticket_id,
                             const char *customer_id, omni_error *err);
char *omni_link_merged_from_json(omni_link *l, const char *ticket_id,
                                 omni_error *err);
/* An order number as the store keeps it: "#1061" for digits only, else
 * as it is (an Amazon or eBay order id). */
void omni_link_order_number(const char *number, char *buf, size_t size);

/* Which customer a ticket is (lib/link_who.c). */
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

/* ------------------------------------------------------------------ */
// lib/route_text.c, route_rules.c, route_calendar.c, route_eval.c, route_sla.c,
// route_assign.c, route_ticket.c, route_write.c - omni-route

typedef struct omni_lexicon omni_lexicon;
/* Loads every *.lex file of each directory, in order (a missing directory
 * adds nothing).  0 and *out (new); -1 with err (78 naming file and line). */
int omni_lexicon_load(const char *const *dirs, size_t ndirs, omni_lexicon **out,
                      omni_error *err);
void omni_lexicon_free(omni_lexicon *lx);
int omni_lexicon_langs(const omni_lexicon *lx);
/* What the words say; names borrowed from lx ("und", "other", "neutral"
 * when unsure). */
typedef struct omni_guess {
	const char *lang, *intent, *sentiment;
	double lang_score, intent_score;
} omni_guess;
void omni_lexicon_classify(const omni_lexicon *lx, const char *text, size_t len,
                           omni_guess *g);

enum { OMNI_RN_COND, OMNI_RN_AND, OMNI_RN_OR, OMNI_RN_NOT };
enum {
	OMNI_OP_EQ, OMNI_OP_NE, OMNI_OP_IN, OMNI_OP_NOTIN, OMNI_OP_RE, OMNI_OP_NRE,
	OMNI_OP_CONTAINS, OMNI_OP_GT, OMNI_OP_GE, OMNI_OP_LT, OMNI_OP_LE,
	OMNI_OP_EXISTS, OMNI_OP_MISSING,
};
#define OMNI_PATH_MAX 8
/* A condition or a combination of two (a, b; NOT uses a). */
typedef struct omni_rnode {
	int type, op;
	struct omni_rnode *a, *b;
	char *path;                   /* as written: "customer.name" */
	char *parts[OMNI_PATH_MAX];
	int nparts;
	char **vals;                  /* literals, decoded */
	size_t nvals;
	double num;                   /* vals[0] as a number, a time or a */
	omni_time time;               /* duration (ms), where it is one */
	int64_t dur;
	int has_num, has_time, has_dur;
	void *re;                     /* regex_t, POSIX extended */
	int field;                    /* omni_route_field() of a one-part path */
	int key;                      /* omni_route_key() of parts[0] + 1, or 0 */
	long line, column;
} omni_rnode;

enum { OMNI_RA_PRIORITY, OMNI_RA_QUEUE, OMNI_RA_ASSIGNEE, OMNI_RA_TAG,
       OMNI_RA_SLA, OMNI_RA_INTENT, OMNI_RA_STOP };
typedef struct omni_raction {
	int type;
	char *arg;
	int score;                    /* priority: 0-100, -1 for the default */
} omni_raction;

typedef struct omni_rule {
	char *name;
	long line;
	omni_rnode *when;             /* NULL: always */
	char *when_text;              /* the conditions as written */
	omni_raction *acts;
	size_t nacts;
} omni_rule;

enum { OMNI_SLA_FIRST, OMNI_SLA_NEXT, OMNI_SLA_RESOLUTION };
enum { OMNI_SLA_NONE, OMNI_SLA_CALENDAR, OMNI_SLA_BHOURS, OMNI_SLA_BDAYS };
typedef struct omni_sla_policy {
	char *name, *calendar;        /* calendar NULL: the store's, else "default" */
	int64_t target[3];            /* ms, or business days */
	int unit[3];
	long line;
} omni_sla_policy;

typedef struct omni_calendar {
	char *name, *zone;            /* zone NULL: the store's timezone, else UTC */
	short open[7][8], close[7][8];  /* minutes of the day, Sunday first */
	int nhours[7];
	int32_t *holidays;            /* local days since 1970-01-01, sorted */
	size_t nholidays;
	long line;
} omni_calendar;

/* Automatic assignment inside a queue: its agents, each with a cap of
 * open tickets (0: none). */
enum { OMNI_ASSIGN_ROUND_ROBIN, OMNI_ASSIGN_LEAST_OPEN };
typedef struct omni_agent {
	char *name;
	int cap;                      /* -1: the queue's */
} omni_agent;
typedef struct omni_queue {
	char *name;
	int strategy, cap;
	omni_agent *agents;
	size_t nagents;
	long line;
} omni_queue;

typedef struct omni_rules {
	omni_rule *rules;
	size_t nrules;
	omni_sla_policy *policies;
	size_t npolicies;
	omni_calendar *cals;
	size_t ncals;
	omni_queue *queues;
	size_t nqueues;
} omni_rules;

/* Adds the rules, policies and calendars of a file (a later policy or
 * calendar of the same name replaces the earlier).  0, or -1 with err
 * (78 with line and column; 66 missing). */
int omni_rules_load(omni_rules *rs, const char *path, omni_error *err);
void omni_rules_free(omni_rules *rs);
void omni_rnode_free(omni_rnode *n);
const omni_sla_policy *omni_rules_policy(const omni_rules *rs, const char *name);
const omni_calendar *omni_rules_calendar(const omni_rules *rs, const char *name);
const omni_queue *omni_rules_queue(const omni_rules *rs, const char *name);
/* Days since 1970-01-01 of a civil date, and back. */
int32_t omni_days_from_civil(int y, int m, int d);
void omni_civil_from_days(int32_t days, int *y, int *m, int *d);

#define OMNI_ROUTE_MAX 64
#define OMNI_ROUTE_MSGS 512
/* A message as the SLA clocks see it. */
typedef struct omni_rmsg {
	omni_time at;
	unsigned char out;            /* direction out */
	unsigned char author;         /* 0 none, 1 customer, 2 agent or bot, 3 other */
	unsigned char no_response;    /* no_response_needed: true */
} omni_rmsg;

/* One ticket's routing, read and set by the rules.  Strings borrowed from
 * the rules, the lexicon, or arena. */
typedef struct omni_route {
	const omni_record *rec;
	omni_time now, created, updated;   /* 0 unknown */
	const char *text;
	const char *lang, *intent, *sentiment, *status;
	const char *priority;
	int score;
	const char *queue, *assignee, *policy;
	const char *tags[OMNI_ROUTE_MAX];
	size_t ntags;
	const omni_rule *matched[OMNI_ROUTE_MAX];
	size_t nmatched;
	char *why[OMNI_ROUTE_MAX];    /* with explain: new, one per match */
	int explain;
	const char *cached_key[16];   /* record members the rules have read */
	omni_span cached[16];
	size_t ncached;
	char arena[4096];
	size_t arena_used;
	omni_rmsg msgs[OMNI_ROUTE_MSGS];   /* the messages with a time, as read */
	size_t nmsgs;
} omni_route;

/* Reads rec into r (cleared first) in one walk of its messages: the
 * customer's text into text (size bytes, for the classifier and the rules),
 * times, status, tags and assignee, and the classifier's guess, a kind of
 * claim or return overriding the words.  r->now is the clock. */
void omni_route_read(omni_route *r, const omni_record *rec, const omni_lexicon *lx,
                     char *text, size_t size);
/* The members omni_route_read finds in its one pass (NULL-terminated), and
 * the place of name among them, or -1: a rule's path is resolved once. */
extern const char *const omni_route_keys[];
int omni_route_key(const char *name);

/* Copies s into r->arena: borrowed from r, or NULL when full. */
const char *omni_route_keep(omni_route *r, const char *s, size_t n);
/* A top-level member of r->rec, remembered for the ticket. */
omni_span omni_route_member(const omni_route *r, const char *key);
/* Finds the members named in keys (NULL-terminated, at most 16, kept
 * borrowed) in one pass over the record. */
void omni_route_index(omni_route *r, const char *const *keys);
/* Applies every rule in order until a "stop". */
void omni_rules_apply(const omni_rules *rs, omni_route *r);
void omni_route_clear(omni_route *r);
/* The default score of a priority name. */
int omni_priority_score(const char *priority);
/* A field omni-route decides or computes (lang, intent, idle ...): its
 * number (1 and up), or 0 for a path into the record. */
int omni_route_field(const char *name);

/* SLA due times for the policy; 0 where there is none. */
typedef struct omni_sla {
	omni_time due[3];
	int breached[3];
	int paused;
} omni_sla;
/* zone: the store's IANA zone or NULL.  0, or -1 with err (78: unknown
 * zone, a calendar with no open hours). */
int omni_sla_compute(const omni_rules *rs, const omni_sla_policy *p,
                     const char *store, const char *zone,
                     const omni_route *r, omni_sla *out, omni_error *err);
/* The calendar of a policy for a store (its own, else the store's, else
 * "default", else Monday to Friday 9 to 17) and the zone it counts in
 * (*zone_used, borrowed).  Borrowed, or NULL with err (78 unknown zone). */
const omni_calendar *omni_sla_calendar(const omni_rules *rs, const omni_sla_policy *p,
                                       const char *store, const char *zone,
                                       const char **zone_used, omni_error *err);
/* lib/route_business.c: the policies and calendars of share/omni/sla, then
 * of $XDG_CONFIG_HOME/omni/sla (either may be absent).  0, or -1 with err. */
int omni_sla_load(omni_rules *rs, omni_error *err);
/* The business time between a and b, in ms (0 when b <= a). */
int64_t omni_business_between(const omni_calendar *c, const char *zone, omni_time a,
                              omni_time b);
/* Adds business time: 0 and *out; -1 when the calendar never opens. */
int omni_business_add(const omni_calendar *c, const char *zone, omni_time t,
                      int64_t ms, omni_time *out);
int omni_business_days(const omni_calendar *c, const char *zone, omni_time t,
                       int64_t days, omni_time *out);

/* Writes routed tickets to out (borrowed): the record with lang, intent,
 * sentiment, priority, priority_score, queue, assignee, tags, sla (from
 * policy and sla; null when policy is NULL) and route set, everything else
 * byte for byte.  New, or NULL out of memory. */
typedef struct omni_route_writer omni_route_writer;
omni_route_writer *omni_route_writer_new(omni_out *out);
void omni_route_writer_free(omni_route_writer *w);
/* 0, or -1 when the output failed (omni_out_close says why). */
int omni_route_write(omni_route_writer *w, const omni_route *rt, const char *policy,
                     const omni_sla *sla);

/* Assignment inside a queue, the load kept in the store (borrowed; it
 * outlives the omni_assign). */
typedef struct omni_assign omni_assign;
int omni_assign_new(omni_store *s, omni_assign **out, omni_error *err);
void omni_assign_free(omni_assign *a);
/* Sets r->assignee for ticket id (NULL: nothing done) by r->queue's assign
 * block, in one BEGIN IMMEDIATE transaction: an assignee r already has
 * wins; a ticket seen again keeps its agent; a solved or closed one frees
 * its agent's slot; with every agent at the cap, the tag unassigned:cap.
 * 0, or -1 with err. */
int omni_assign_route(omni_assign *a, const omni_rules *rs, omni_route *r, const char *id,
                      omni_error *err);

/* ------------------------------------------------------------------ */
// lib/reply_*.c - omni-reply: templates, lint, the send ledger, SMTP

// lib/reply_view.c - one ticket, each of its objects and arrays walked once
typedef struct omni_reply_view omni_reply_view;
omni_reply_view *omni_reply_view_new(void);
void omni_reply_view_free(omni_reply_view *v);
/* Starts on rec (borrowed until the next call), forgetting the last one. */
void omni_reply_view_set(omni_reply_view *v, const omni_record *rec);
const omni_record *omni_reply_view_record(const omni_reply_view *v);
/* omni_json_get and omni_json_at, a container inside the record indexed
 * on first use (others are walked each time). */
omni_span omni_reply_get(omni_reply_view *v, omni_span object, const char *key);
omni_span omni_reply_at(omni_reply_view *v, omni_span array, size_t index);
/* The index-th value of an array or an object, as omni_json_next gives
 * them; absent past the end. */
omni_span omni_reply_nth(omni_reply_view *v, omni_span container, size_t index);
/* omni_record_get, looked up once per ticket for each key string (by
 * its address: pass constants or strings that live as long). */
omni_span omni_reply_field(omni_reply_view *v, const char *key);
/* omni_reply_last_inbound, found once per ticket. */
omni_span omni_reply_view_last_inbound(omni_reply_view *v);

// lib/reply_template.c - the template language (man/omni-templates.5)
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
} omni_tmpl_ctx;
/* 0 and *out (new); -1 with err (78, where:line:column of the tag). */
int omni_tmpl_compile(const char *src, size_t len, const char *where,
                      long line, omni_tmpl **out, omni_error *err);
void omni_tmpl_free(omni_tmpl *t);
/* The text: new, or NULL with err (a missing partial: 78). */
char *omni_tmpl_render(const omni_tmpl *t, const omni_tmpl_ctx *ctx,
                       omni_error *err);

// lib/reply_format.c - each new; the input as is when it is not a time
// or an amount; the link NULL for an unknown carrier
/* A time as a date in zone (IANA, NULL for UTC), daylight saving time
 * included; a bare date as it is. */
char *omni_reply_date(const char *value, const char *lang, const char *zone);
char *omni_reply_money(const char *amount, const char *currency,
                       const char *lang);
char *omni_reply_tracking_link(const char *carrier, const char *number);

// lib/reply_library.c - template bundles (DIR[/STORE]/LANG.tmpl)
typedef struct omni_tmpl_lib omni_tmpl_lib;
typedef struct omni_tmpl_want {
	const char *name, *lang, *store, *channel, *tone;
	int html;
} omni_tmpl_want;
/* dirs searched in order (copied).  new */
omni_tmpl_lib *omni_tmpl_lib_new(const char *const *dirs, size_t ndirs,
                                 const char *default_lang);
void omni_tmpl_lib_free(omni_tmpl_lib *l);
/* The first template in the fallback order of omni-templates(5).  1 and *t
 * (borrowed until the library is freed), *lang the language it is in,
 * found "file:line" of its section; 0 none; -1 err (a bundle that does not
 * compile, 78). */
int omni_tmpl_lib_find(omni_tmpl_lib *l, const omni_tmpl_want *w,
                       const omni_tmpl **t, const char **lang, char *found,
                       size_t size, omni_error *err);

// lib/reply_lint.c - the channels' rules for a reply
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

// lib/reply_ledger.c - exactly once: the send_ledger table
void omni_sha256_hex(const void *data, size_t len, char hex[65]);
typedef struct omni_ledger_entry {
	char state[16];           /* pending, sent, failed, unknown */
	char *external_id, *updated_at;   /* new or NULL */
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
/* The rows a person must look at (pending, unknown), or all of them,
 * in the order they came, as objects with every column: new, or NULL with
 * err. */
json_t *omni_ledger_list(omni_store *s, int all, omni_error *err);
/* "KEY=sent" or "KEY=unsent" (KEY may be a unique prefix of 6 or more
 * characters) for a pending or unknown row: sent is final; unsent becomes
 * failed, which the next run sends once.  0, or -1 with err (64 bad
 * argument, 65 no such row, an ambiguous key or a row not unknown). */
int omni_ledger_resolve(omni_store *s, const char *arg, omni_error *err);

// lib/reply_smtp.c - MIME and SMTP (libcurl: link it)
typedef struct omni_mail_out {
	const char *from, *to, *subject, *text, *html, *message_id;
	const char *in_reply_to;  /* without brackets, or NULL */
	const char *const *references; size_t nreferences;
	omni_time date;
} omni_mail_out;
/* A UTF-8 quoted-printable message, CRLF lines: new (*len its length). */
char *omni_mail_build(const omni_mail_out *m, size_t *len);
typedef struct omni_smtp {
	const char *url;          /* smtp://host:port, smtps://... */
	const char *user, *password;   /* borrowed, may be NULL */
	long timeout_ms;
	int retries;              /* more tries after a temporary failure */
	long backoff_ms;          /* first wait, doubled each try */
} omni_smtp;
/* 0 delivered; -1 with err: 75 temporary after the retries, 69 refused
 * or unreachable, 76 protocol.  *unknown = 1 when the message may have
 * been delivered all the same (the connection broke after the data). */
int omni_smtp_send(const omni_smtp *c, const char *from, const char *to,
                   const char *msg, size_t len, int *unknown, omni_error *err);

// lib/reply_ticket.c - a ticket's reply
/* "formal" (amazon, ebay, walmart), "warm" (instagram, facebook, tiktok,
 * chat, sms) or "plain".  Borrowed. */
const char *omni_reply_tone(const char *channel);
/* The template the ticket's kind, intent and order ask for, or NULL. */
const char *omni_reply_template_for(omni_reply_view *v);
/* The last message with direction "in", or an absent span. */
omni_span omni_reply_last_inbound(const omni_record *rec);
/* A rendered reply: template and lang borrowed (name, the library). */
typedef struct omni_reply_parts {
	const char *template, *lang;
	char source[600];         /* file:line of the template */
	char *text, *html;        /* new; html NULL when there is none */
} omni_reply_parts;
/* Renders template name: 1 and *out (free it with omni_reply_parts_free);
 * 0 no such template; -1 err. */
int omni_reply_compose(omni_tmpl_lib *lib, omni_reply_view *v,
                       const char *name, const char *brand, const char *zone,
                       omni_reply_parts *out, omni_error *err);
void omni_reply_parts_free(omni_reply_parts *p);
/* omni_reply_compose into reply (template, lang, source, text, html). */
int omni_reply_render(omni_tmpl_lib *lib, omni_reply_view *v,
                      const char *name, const char *brand, const char *zone,
                      json_t *reply, omni_error *err);

// lib/reply_send.c - lint with the order's context; delivery by e-mail
/* Sets reply.lint; returns the number of broken rules.  *tag as for
 * omni_reply_lint. */
int omni_reply_lint_ticket(omni_reply_view *v, json_t *reply, int human,
                           const char **tag);
/* The same for text (may be NULL) and its attachments (a JSON array or
 * NULL), appending to reasons. */
int omni_reply_lint_text(omni_reply_view *v, const char *text,
                         const json_t *attachments, int human, json_t *reasons,
                         const char **tag);
/* The customer's address for an e-mail reply: new, or NULL. */
char *omni_reply_recipient(const omni_record *rec);
typedef struct omni_reply_mailer {
	omni_store *store;
	omni_smtp smtp;
	const char *from;         /* "Name <addr>" or addr */
} omni_reply_mailer;
/* Sends reply.text (and reply.html) once: sets reply.status (sent,
 * failed, unknown), sent_at, external_id (the Message-ID), ledger_key,
 * error.  0 done (sent, already sent, or an unknown earlier outcome
 * reported); 1 the send failed (err says why); -1 the store failed. */
int omni_reply_send_mail(const omni_reply_mailer *m, const omni_record *rec,
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

// lib/reply_api.c - the channels' send APIs over lib/http.c
/* Where a ticket's reply goes: the channel of the customer's last message
 * (else the ticket's).  Borrowed: "meta", "ebay" (a Message API
 * conversation), "mail", or NULL (no delivery). */
const char *omni_reply_route(const omni_record *rec);
typedef struct omni_reply_api {
	omni_store *store;
	omni_http *http;          /* no retries of its own: see omni-reply(1) */
	const char *base;         /* https://graph.facebook.com, https://api.ebay.com */
	const char *version;      /* Graph API version, "v21.0" */
	const char *token;        /* borrowed secret: sent as a bearer token */
	int retries;              /* more tries after a failure known not to
	                           * have delivered (throttled, refused connect) */
	long backoff_ms;          /* first wait, doubled each try */
} omni_reply_api;
/* The Meta Send API (Instagram, Messenger): as omni_reply_send_mail; err
 * 77 a bad token, 75 still throttled, 69 outside the messaging window. */
int omni_reply_send_meta(const omni_reply_api *a, const omni_record *rec,
                         json_t *reply, omni_error *err);
/* The eBay Commerce Message API, into the ticket's conversation. */
int omni_reply_send_ebay(const omni_reply_api *a, const omni_record *rec,
                         json_t *reply, omni_error *err);

// lib/reply_json.c
/* A growing text: NUL-terminated after each put; failed after an
 * allocation failed (later puts do nothing).  Start it { 0 }; free p. */
typedef struct omni_text {
	char *p;
	size_t n, cap;
	int failed;
} omni_text;
void omni_text_put(omni_text *t, const char *s, size_t n);
/* Compact JSON text of v as json_dumps(JSON_COMPACT | JSON_ENCODE_ANY)
 * writes it, faster: new (*len its length, may be NULL), or NULL. */
char *omni_reply_json(const json_t *v, size_t *len);
/* s (n bytes) as a JSON string, quotes included, appended to b. */
void omni_reply_json_string(omni_text *b, const char *s, size_t n);
/* 1 when s is UTF-8 that jansson takes, else 0. */
int omni_reply_utf8(const char *s, size_t n);
/* json_string(s) without jansson's slower UTF-8 check: new, or NULL. */
json_t *omni_reply_jstring(const char *s);

// lib/reply_draft.c - a first draft from an OpenAI-compatible chat endpoint
typedef struct omni_reply_drafter {
	omni_http *http;
	const char *url;          /* .../v1/chat/completions */
	const char *model;        /* may be NULL */
	const char *brand, *policy;   /* the store's name and policy text */
} omni_reply_drafter;
/* Replaces reply.text (a rendered template's, or none) with the model's
 * draft, drops reply.html and sets reply.drafted_by.  1 drafted; 0 not
 * (err says why: the caller keeps the reply it had); -1 out of memory. */
int omni_reply_draft(const omni_reply_drafter *d, const omni_record *rec,
                     json_t *reply, omni_error *err);

/* ------------------------------------------------------------------ */
// lib/report_*.c - omni-report's figures (DESIGN.md, "Metric definitions")

#define OMNI_TIME_NONE INT64_MIN

// lib/report_stats.c
/* Exact values up to this many per statistic, then a histogram. */
#define OMNI_RSTAT_EXACT 16384
#define OMNI_RSTAT_BUCKETS 1600   /* 2%-wide buckets: 1 ms to ~600 years */

/* A time statistic in milliseconds: count, sum, min and max exact;
 * nearest-rank percentiles exact while !sketch, else within 1%. */
typedef struct omni_rstat {
	int64_t count, sum, min, max;
	int64_t *vals;
	size_t nvals, cap;
	int sorted, sketch;
	uint64_t *pos, *neg;
	int64_t zero;
} omni_rstat;

/* 0, or -1 out of memory. */
int omni_rstat_add(omni_rstat *s, int64_t ms);
int omni_rstat_merge(omni_rstat *into, const omni_rstat *from);
/* Nearest rank, q in (0, 1]; 0 when empty.  Sorts the exact values. */
double omni_rstat_quantile(omni_rstat *s, double q);
void omni_rstat_free(omni_rstat *s);
json_t *omni_rstat_to_json(const omni_rstat *s);      /* new */
int omni_rstat_from_json(omni_rstat *s, const json_t *o);  /* adds; 0/-1 */

// lib/report_facts.c
enum {
	OMNI_RF_WISMO = 1, OMNI_RF_ORDER = 2, OMNI_RF_REFUND = 4,
	OMNI_RF_RATED = 8, OMNI_RF_SATISFIED = 16, OMNI_RF_REPEAT = 32,
};

/* What the figures need of one ticket (times OMNI_TIME_NONE when
 * unknown): about 90 bytes, kept per ticket id to count each once. */
typedef struct omni_rfacts {
	uint64_t id, customer;      /* hashes of the raw id and customer.id */
	omni_time updated, created, solved;
	omni_time first_in;         /* first customer message */
	omni_time first_reply;      /* first agent or bot reply at or after it */
	omni_time due;              /* sla.first_response_due */
	uint32_t key;               /* the group's field values (report_agg.c) */
	uint32_t reasons;           /* first of nreasons in the reason pool */
	uint16_t nreasons, flags;
	uint16_t orders, late;      /* linked orders with a fulfilment; late ones */
	uint16_t replies;           /* outbound messages by an agent or bot */
	int64_t frt_bh, res_bh;     /* in business hours (ms), or -1 */
} omni_rfacts;

/* Reads rec's facts; refund reasons go through intern(reason, arg), which
 * returns a pool index or -1.  0, or -1 with err (65 for a bad time). */
int omni_rfacts_read(const omni_record *rec, omni_rfacts *f,
                     int (*intern)(const char *reason, size_t len, void *arg),
                     void *arg, omni_error *err);
uint64_t omni_rfacts_hash(const char *p, size_t n);

// lib/report_agg.c
enum { OMNI_PERIOD_NONE, OMNI_PERIOD_DAY, OMNI_PERIOD_WEEK, OMNI_PERIOD_MONTH };

typedef struct omni_ragg {
	int64_t tickets, answered, unanswered, no_customer;
	int64_t sla_judged, sla_met, wismo, with_order, refunded;
	int64_t rated, satisfied, solved, one_touch, repeat;
	int64_t orders, late;
	omni_rstat frt, res;
	omni_rstat frt_bh, res_bh;  /* the same in business hours */
	int64_t *reasons;           /* count per reason pool index */
	size_t nreasons;
} omni_ragg;

typedef struct omni_rgroup {
	uint32_t key;
	int32_t period;             /* a day, ISO week or month number */
	omni_ragg agg[2];           /* the window, and the previous one */
} omni_rgroup;

typedef struct omni_rep_opts {
	char **by;                  /* borrowed: top-level field names */
	size_t nby;
	int period;
	omni_time since, until, now;   /* OMNI_TIME_NONE: open */
	int compare;                /* also the previous window */
	int unique;                 /* ids are unique: keep no per-id state */
	/* --business-hours: the business time from a to b in ms for a ticket of
	 * store (borrowed, NULL when it names none), or -1 with err.  NULL:
	 * calendar time only. */
	int64_t (*business)(void *arg, const char *store, omni_time a, omni_time b,
	                    omni_error *err);
	void *business_arg;
	const char *business_name;  /* the policy, named in partials */
} omni_rep_opts;

typedef struct omni_rep omni_rep;

omni_rep *omni_rep_new(const omni_rep_opts *o);     /* o copied; new */
void omni_rep_free(omni_rep *r);
/* One ticket.  0, or -1 with err. */
int omni_rep_add(omni_rep *r, const omni_record *rec, omni_error *err);
/* Aggregates what was added (once, after the last omni_rep_add). */
int omni_rep_finish(omni_rep *r, omni_error *err);
/* The groups, sorted by key then period, and their total (borrowed). */
size_t omni_rep_groups(omni_rep *r, omni_rgroup **groups);
omni_rgroup *omni_rep_total(omni_rep *r);
const omni_rep_opts *omni_rep_options(const omni_rep *r);
/* The i-th field value of a group key: borrowed, NULL when absent. */
const char *omni_rep_keyval(const omni_rep *r, uint32_t key, size_t i);
const char *omni_rep_reason(const omni_rep *r, size_t i);
size_t omni_rep_nreasons(const omni_rep *r);
/* "2026-11-08", "2026-W45", "2026-11" into buf (16 bytes). */
char *omni_rep_period_label(int kind, int32_t period, char *buf);
/* --partial: the aggregates as one JSON object (new); --merge: adds one
 * (borrowed).  0, or -1 with err (65 not a partial, or another grouping). */
json_t *omni_rep_partial(omni_rep *r);
int omni_rep_merge(omni_rep *r, const json_t *partial, omni_error *err);
/* omni_rep_groups after merging: sorts and totals. */
int omni_rep_merged(omni_rep *r, omni_error *err);

// lib/report_format.c, lib/report_html.c
/* Writes the report as "table", "csv", "json", "markdown", "html" or
 * "prometheus".  0, or -1 (a write error, kept by o). */
int omni_rep_write(omni_rep *r, const char *format, omni_out *o);
int omni_rep_write_html(omni_rep *r, omni_out *o);
/* A figure as JSON (new): the names of DESIGN.md; which 0 or 1 (previous). */
json_t *omni_rep_group_json(omni_rep *r, omni_rgroup *g, int which);

#endif
