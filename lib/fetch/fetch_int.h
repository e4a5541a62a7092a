/* fetch_int.h - what the files of lib/fetch/ share, and nothing else
 * includes. */
#ifndef OMNI_FETCH_INT_H
#define OMNI_FETCH_INT_H

#include "core/core.h"
#include "store/store.h"

// fetch_store.c - omni-fetch's SQL

/* A fulfilment with its order, as the proactive scan reads it: each text
 * NULL when null or empty, borrowed for the call it is passed to. */
typedef struct omni_fulfillment_row {
	const char *channel, *store, *order, *number;          /* the order */
	const char *name, *email, *phone;                      /* who placed it */
	const char *id, *carrier, *tracking, *url, *status;    /* the fulfilment */
	const char *estimated, *delivered, *updated, *shipped;
} omni_fulfillment_row;

/* Calls fn for every fulfilment in the store (whole: by order, then
 * fulfilment), or for those of the n rows given (fulfillments.rowid, as
 * omni_store_watch_fulfillments names them).  fn returns 0 to go on, -1
 * (having filled err) to stop.  0, or -1 with err. */
int omni_fetch_store_fulfillments(omni_store *s, int whole, const int64_t *rows,
                                  size_t n,
                                  int (*fn)(void *arg, const omni_fulfillment_row *r,
                                            omni_error *err),
                                  void *arg, omni_error *err);

#endif
