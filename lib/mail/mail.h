/* mail.h - mail as omni reads it: RFC 5322 and MIME, charsets, Maildir and mbox,
 * HTML bodies as text, marketplace relay mail. */
#ifndef OMNI_MAIL_MAIL_H
#define OMNI_MAIL_MAIL_H

#include "core/core.h"

// mime.c - RFC 5322 messages, MIME, charsets, RFC 2047

typedef struct omni_attachment {
	char *filename;           /* decoded, UTF-8, may be NULL */
	char *content_type;       /* lowercase type/subtype */
	size_t size;              /* decoded bytes */
} omni_attachment;

/* What was read only in part: a charset that did not hold, parts nested
 * too deep.  line: 1-based within the message. */
typedef struct omni_mail_warning {
	long line;
	char *text;               /* new */
} omni_mail_warning;

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
	omni_mail_warning *warnings;   /* in message order */
	size_t nwarnings;
} omni_mail;

/* Parses one message (headers folded or not, CRLF or LF).  A text part
 * whose charset is unknown or wrong is read anyway
 * (omni_charset_to_utf8_lenient) and parts nested deeper than 32
 * multiparts are left out, each with a warning in m.  0 ok; -1 with err
 * (65: truncated multipart, bad base64, a NUL in an address or id field;
 * line is the 1-based line within the message where that is known). */
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
/* The same, never refusing the bytes: falls back to UTF-8, to U+FFFD for
 * what the charset cannot convert, or to Windows-1252; *note is NULL when
 * the label held, else says what was done (new).  New, NULL only when out
 * of memory. */
char *omni_charset_to_utf8_lenient(const char *charset, const char *s,
                                   size_t n, char **note);
/* Exact conversion of a data file's bytes, NULs kept: charset as iconv
 * names it ("utf-8" only checked).  New and *outlen; NULL with err (65,
 * column the 1-based byte offset of the first invalid byte; 78 unknown). */
char *omni_charset_decode(const char *charset, const char *s, size_t n,
                          size_t *outlen, omni_error *err);
char *omni_rfc2047_decode(const char *s);
char *omni_html_to_text(const char *html, size_t n);
/* Header field parts (lib/mail/mailhdr.c), from an unfolded value (borrowed):
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

// autoreply.c - mail written by a machine (RFC 3834), for omni-ticket(5)'s
// message "auto"
enum {
	OMNI_MAIL_AUTO_SUBMITTED = 1,   /* Auto-Submitted other than "no", X-Autoreply */
	OMNI_MAIL_AUTO_BULK = 2,        /* Precedence: bulk, list or junk */
	OMNI_MAIL_AUTO_LIST = 4,        /* List-Id or List-Unsubscribe */
	OMNI_MAIL_AUTO_REPORT = 8,      /* a delivery status notification */
	OMNI_MAIL_AUTO_AWAY = 16,       /* an out-of-office subject, five languages */
	OMNI_MAIL_AUTO_ALL = 31,
};
/* The flags of a raw message and its decoded subject (may be NULL). */
int omni_mail_auto_flags(const char *raw, size_t len, const char *subject);
/* One flag's name in the ticket: "auto-submitted", "bulk", "list",
 * "report", "out-of-office"; NULL for another value.  Static. */
const char *omni_mail_auto_name(int flag);

/* ------------------------------------------------------------------ */
// mailbox.c - Maildir and mbox

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
// relay.c - marketplace relay mail

typedef struct omni_relay {
	const char *channel;      /* "amazon", "ebay", "walmart", or NULL
	                             (plain e-mail) */
	const char *kind;         /* "message" or "claim" */
	char *alias;              /* the relay address, lowercase: new or NULL */
	char *handle;             /* amazon: the alias; ebay: the user name if
	                             known, else the alias: new or NULL */
	char *name;               /* buyer's name from the display name: new */
	char *text;               /* the buyer's words only: new or NULL */
	char *order_id;           /* from subject or body: new or NULL */
	const char *status;       /* a claim notice's: omni_relay_settled */
} omni_relay;

/* Recognises Amazon (@marketplace.amazon.*, every marketplace's language)
 * and eBay (@members.ebay.com) relay mail, Amazon A-to-z claim
 * notifications, and customer mail Walmart forwards with its customer
 * order number (handle: the Reply-To, else the From).  0 (relay->channel
 * NULL when it is plain e-mail). */
int omni_relay_classify(const omni_mail *m, omni_relay *relay);
void omni_relay_free(omni_relay *relay);
/* The status a marketplace's notice gives its claim, case, return or
 * inquiry, by its subject or title: "solved" when it says it closed,
 * resolved, withdrawn, decided or cancelled ("A-to-z Guarantee claim
 * closed for order ...", "The case was closed"), else NULL (opened, filed,
 * anything else). */
const char *omni_relay_settled(const char *subject);
/* Is addr a marketplace's own address (Amazon's claim notices and order
 * mail, eBay's case mail), not a buyer's relay alias?  1 or 0. */
int omni_relay_marketplace_own(const char *addr);

#endif
