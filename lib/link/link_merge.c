/*
 * link_merge.c - two conversations a person says are one (omni-desk(1)
 * merge): the second's messages, thread ids, orders and links join the
 * first, which keeps its customer; the second is no more.
 */
#include <stdlib.h>
#include <string.h>

#include "link_int.h"

int
omni_link_merge(omni_link *l, const char *into, const char *from, omni_out *out,
                omni_error *err)
{
	char cust[64];
	char *text[2] = { NULL, NULL };
	omni_record recs[2];
	const omni_record *stored[2];
	omni_time at = 0;
	int status = -1;

	omni_record_init(&recs[0]);
	omni_record_init(&recs[1]);
	if (strcmp(into, from) == 0) {
		omni_error_set(err, OMNI_EX_USAGE, NULL, 0, 0, "%s: a ticket merges with another", into);
		goto out;
	}
	for (int i = 0; i < 2; i++) {
		const char *t = i ? from : into;
		if (!(text[i] = omni_link_stored(l, t, &at)) ||
		    omni_record_parse(&recs[i], text[i], strlen(text[i]), NULL) < 0) {
			omni_error_set(err, OMNI_EX_DATAERR, t, 0, 0, "no such ticket in the store");
			goto out;
		}
		stored[i] = &recs[i];
	}
	if (omni_link_one(l, OMNI_LS_TICKET_GET, cust, sizeof cust, into, (const char *)NULL) != 1 ||
	    omni_link_absorb(l, into, from, err) < 0)
		goto out;
	omni_link_cache_reset(l);
	omni_link_parts p = { 0 };
	if (omni_link_emit(l, &recs[0], stored, 2, into, cust, &p, out, err) < 0)
		goto out;
	status = 0;
out:
	omni_store_reset_all(l->store);
	for (int i = 0; i < 2; i++) {
		omni_record_free(&recs[i]);
		free(text[i]);
	}
	return status;
}
