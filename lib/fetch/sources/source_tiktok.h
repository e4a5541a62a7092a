/* source_tiktok.h - what lib/fetch/sources/source_tiktok.c and lib/fetch/sources/source_tiktok_cs.c
 * share (not part of the library's interface). */
#ifndef SOURCE_TIKTOK_H
#define SOURCE_TIKTOK_H

#include "core/core.h"
#include "fetch/fetch.h"

struct tiktok {
	omni_paged pg;
	char *base, *app_key, *secret, *cipher;
};

/* A signed request; params "k=v" (raw values), body NULL for a GET.  The
 * response document (new) and *data its envelope's data (borrowed from
 * it); NULL with err. */
json_t *tiktok_call(struct tiktok *t, const char *method, const char *path,
                    const char *const *params, size_t n, const char *body,
                    const char *what, const json_t **data, omni_error *err);
/* Reads a stream's pages from t->pg.next (a page token) to the last,
 * saving the cursor after each.  page sets *next (new) or NULL. */
int tiktok_stream(struct tiktok *t, int (*page)(struct tiktok *, char **, omni_error *),
                  omni_error *err);
/* The customer service conversations, under their own cursor. */
int tiktok_conversations(struct tiktok *t, omni_error *err);

#endif
