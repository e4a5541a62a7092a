/* link_int.h - what the lib/link*.c files share, and nothing else
 * includes. */
#ifndef OMNI_LINK_INT_H
#define OMNI_LINK_INT_H

#include <string.h>

#include "core/core.h"
#include "record/record.h"
#include "record/bridge.h"
#include "link/link.h"

#define MAX_IDS 64
#define MAX_CANDS 16

/* The customer's inbound words in the ticket, lowercase, read once:
 * borrowed from w, or NULL (lib/link/link_context.c). */
const char *omni_link_words_text(const omni_link_words *w);

/* What the record says about itself. */
typedef struct input {
	const omni_record *rec;
	char id[512], channel[32], store[256], status[32], thread[600];
	char *subject;
	char *ids[MAX_IDS];           /* mail ids: own, parent, references */
	size_t nids, nown;            /* ids[0, nown): the record's own */
	int replies;                  /* it names a parent (In-Reply-To, References) */
	omni_time first, last;
	omni_link_keys keys;
} input;

/* How the ticket and the customer were found. */
typedef struct verdict {
	char ticket[40], customer[40];
	char tkind[24], tvalue[600];
	double confidence;
	int new_ticket, via_mail;
	int via_own;                  /* by a mail id of the ticket's own messages */
	char bridged[MAX_CANDS][40];
	size_t nbridged;
	omni_link_who who;
	char follows[40];             /* a closed ticket this one follows */
} verdict;

/* Copies s into d of size n, cut short if need be. */
static inline void
link_copy(char *d, size_t n, const char *s)
{
	size_t len = s ? strlen(s) : 0;

	if (len >= n)
		len = n - 1;
	memcpy(d, s ? s : "", len);
	d[len] = '\0';
}

/* "s" into d of size n, cut short as snprintf(d, n, "\"%s\"", s) would: a
 * JSON string of a value that needs no escape (an id, a time, a status),
 * without snprintf's format walk (a dozen a record). */
static inline void
link_quote(char *d, size_t n, const char *s)
{
	size_t len = strlen(s), k = 0, m;

	if (!n)
		return;
	if (k < n - 1)
		d[k++] = '"';
	m = len < n - 1 - k ? len : n - 1 - k;
	memcpy(d + k, s, m);
	k += m;
	if (k < n - 1)
		d[k++] = '"';
	d[k] = '\0';
}

/* lib/link/link.c: an id made of prefix and the 64-bit FNV-1a hash of s then
 * salt (NULL: none) in 16 hex digits: the same in every store. */
void omni_link_hash_id(char *out, size_t size, const char *prefix, const char *s,
                       const char *salt);

/* lib/link/link_thread.c: which conversation a record joins. */
/* The ticket the record's mail ids or thread key name (v->ticket), and
 * the tickets they bridge.  0 or -1 with err. */
int omni_link_thread(omni_link *l, input *in, verdict *v, omni_error *err);
/* The customer of a ticket: 0 and cid filled, or -1. */
int omni_link_ticket_customer(omni_link *l, const char *ticket, char *cid,
                              size_t size, omni_error *err);
/* Among v->customer's recent tickets, the one the record joins, if any;
 * an open one inside the window only when open_too (not for a reply to
 * a thread of someone else's: that is no word on her open matter). */
int omni_link_recent(omni_link *l, input *in, verdict *v, int open_too, omni_error *err);

/* lib/link/link_life.c: the lifecycle. */
typedef struct omni_link_state {
	char status[16];             /* new, open, pending, solved, closed */
	char solved_at[40];          /* "" unless solved or closed */
	int64_t reopens;             /* times a solved ticket was reopened */
	int woken;                   /* the customer wrote to a stored ticket */
	int csat;                    /* 1-5: her answer to a satisfaction request */
	char csat_at[40];            /* when she gave it */
} omni_link_state;
/* The ticket's state once record in joins it (prev: its stored record,
 * NULL for a new ticket; known: the ids of in's messages the store had,
 * sorted). */
void omni_link_life(const omni_record *in, const omni_record *prev,
                    const char *const *known, size_t nknown, omni_link_state *s);

/* lib/link/link_csat.c: is text (n bytes) an answer to a satisfaction
 * request, and which score (1-5)?  1 or 0. */
int omni_link_csat_answer(const char *text, size_t n, int *score);

/* lib/link/link_emit.c: the rows a record leaves, the ticket written. */
/* A message time ("at"): ms, or 0. */
omni_time omni_link_at(omni_span v);
/* Steps a write: 0, or -1 with err ("cannot update the links"). */
int omni_link_step(omni_link *l, omni_stmt *st, omni_error *err);
/* Absorbs ticket from into into: its messages, ids, orders and links. */
int omni_link_absorb(omni_link *l, const char *into, const char *from,
                     omni_error *err);
/* The stored record of a ticket (text new, *at its created_at), or NULL. */
char *omni_link_stored(omni_link *l, const char *ticket, omni_time *at);
/* The ids of rec's messages the store has for ticket already (a long
 * ticket's "earlier" counted them): *ids new, each and the array.  0 or
 * -1 with err. */
int omni_link_known(omni_link *l, const omni_record *rec, const char *ticket,
                    char ***ids, size_t *n, omni_error *err);
/* The rows of the input record: ticket, link, messages, ids, orders. */
int omni_link_put_rows(omni_link *l, const input *in, const verdict *v,
                       const char *at, omni_error *err);
/* ["s"]: new, or NULL. */
char *omni_link_json_list(const char *s);
/* What --explain says of a record: new. */
char *omni_link_explain(const input *in, const verdict *v, const char *orders);

#endif
