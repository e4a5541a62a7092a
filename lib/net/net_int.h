/* net_int.h - private to lib/net: what a failed request means to the
 * one who runs it (http_why.c). */
#ifndef OMNI_NET_NET_INT_H
#define OMNI_NET_NET_INT_H

#include <stddef.h>

/* What an IMAP conversation showed, from the protocol lines
 * (the debug callback of http.c). */
typedef struct omni_imap_seen {
	int heard;               /* any line came from the server */
	char mailbox[128];       /* of the last SELECT or EXAMINE sent */
	int selecting;           /* the last command sent was that */
	int box_refused;         /* the answer to it was NO or BAD */
	char refusal[160];       /* the text of the last tagged NO or BAD */
} omni_imap_seen;

/* Notes one protocol line: out (sent) or in (received). */
void omni_imap_note(omni_imap_seen *s, int out, const char *p, size_t n);
/* "host:port" of url (the scheme's port when none is written) into buf. */
void omni_net_where(const char *url, char *buf, size_t size);

#endif
