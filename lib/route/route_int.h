/* route_int.h - what the files of lib/route/ share, and nothing else
 * includes. */
#ifndef OMNI_ROUTE_INT_H
#define OMNI_ROUTE_INT_H

#include "core/core.h"
#include "store/store.h"
#include "route/route.h"

// route_store.c - the assignments in the store (omni-route's SQL)

/* A ticket's assignment as the store has it. */
typedef struct omni_assignment {
	int have, open;           /* a row; its slot still taken */
	char queue[256], agent[256];
} omni_assignment;

/* Prepares the statements on s.  0, or -1 with err. */
int omni_route_store_prepare(omni_store *s, omni_error *err);
/* The ticket's assignment (a->have 0: none).  0, or -1 with err. */
int omni_route_store_get(omni_store *s, const char *ticket, omni_assignment *a,
                         omni_error *err);
/* Gives the ticket to agent in queue (open), at now; a ticket that keeps
 * its agent and queue keeps its assigned_at.  0, or -1 with err. */
int omni_route_store_put(omni_store *s, const char *ticket, const char *queue,
                         const char *agent, const char *now, omni_error *err);
/* Frees the ticket's slot, at now.  0, or -1 with err. */
int omni_route_store_release(omni_store *s, const char *ticket, const char *now,
                             omni_error *err);
/* The tickets agent holds open: >= 0, or -1 (with err when the store
 * failed). */
long omni_route_store_load(omni_store *s, const char *agent, omni_error *err);
/* The agent a round-robin queue gave its last ticket: 1 and agent (cut
 * to size), 0 none yet, -1 with err. */
int omni_route_store_last(omni_store *s, const char *queue, char *agent, size_t size,
                          omni_error *err);
int omni_route_store_set_last(omni_store *s, const char *queue, const char *agent,
                              omni_error *err);

// route_text.c - the words of a text, as the lexicons and the model see them

/* Splits text into folded tokens in buf (lowercase, accents removed):
 * words of letters and digits, and each emoji or symbol on its own.
 * Returns the count; starts[i] and lens[i] locate token i in buf. */
int omni_route_tokenize(const char *text, size_t len, char *buf, size_t bufsize,
                        size_t *starts, size_t *lens, int max);

#define OMNI_TOKENS_TEXT 2000     /* bytes of a ticket's text read */
#define OMNI_TOKENS_MAX 600
/* A text's tokens: its first OMNI_TOKENS_TEXT bytes, omni_route_tokenize. */
typedef struct omni_tokens {
	char buf[8192];
	size_t st[OMNI_TOKENS_MAX], ln[OMNI_TOKENS_MAX];
	int n;
} omni_tokens;
/* omni_lexicon_classify, leaving the tokens in t for the model. */
void omni_lexicon_classify_tokens(const omni_lexicon *lx, const char *text, size_t len,
                                  omni_guess *g, omni_tokens *t);
/* omni_model_classify on the tokens the lexicons read from text. */
void omni_model_classify_tokens(omni_model *m, const char *lang, const omni_tokens *t,
                                const char *text, size_t len, int explain,
                                omni_model_guess *g);

#endif
