/*
 * link_unmerge.c - undoing a wrong merge without losing a message.
 *
 * The messages an input record brought (messages.source_id) move to a
 * ticket of their own; the sender keys that record taught move to a
 * customer of their own when it taught any.  Both pairs are blocked, so
 * later runs never join them again, and a rerun of the same record finds
 * its own ticket by its link.
 */
#include <stdlib.h>
#include <string.h>

#include "link_int.h"

typedef struct part {
	char *json;               /* "[...]" */
	size_t n, cap;
	omni_time first, last;
	int count;
} part;

static int
part_add(part *p, omni_span m)
{
	char at[64];
	omni_time t = 0;
	size_t need = p->n + m.n + 3;

	if (need > p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 1024;
		char *j;
		while (cap < need)
			cap *= 2;
		if (!(j = realloc(p->json, cap)))
			return -1;
		p->json = j;
		p->cap = cap;
	}
	p->json[p->n++] = p->count ? ',' : '[';
	memcpy(p->json + p->n, m.p, m.n);
	p->n += m.n;
	p->json[p->n] = '\0';
	p->count++;
	if (omni_json_string_buf(omni_json_get(m, "at"), at, sizeof at) >= 0 &&
	    omni_time_parse(at, &t) == 0) {
		if (!p->first || t < p->first)
			p->first = t;
		if (t > p->last)
			p->last = t;
	}
	return 0;
}

static int
part_close(part *p)
{
	if (!p->count)
		return (p->json = strdup("[]")) ? 0 : -1;
	p->json[p->n++] = ']';
	p->json[p->n] = '\0';
	return 0;
}

/* A long ticket's half, all its messages: those the record left out from
 * the store's rows, then those of p, the record's own of this half
 * (omni-ticket(5), "Long tickets"). */
static int
rows_part(omni_link *l, const char *ticket, part *p, omni_error *err)
{
	omni_stmt *st = omni_link_stmt(l, OMNI_LS_UM_BODIES);
	part all = { 0 };
	omni_jiter it;
	omni_span m;
	int rc;

	if (!st)
		return omni_store_error(l->store, err, "cannot read messages"), -1;
	omni_stmt_bind_str(st, 1, ticket);
	while ((rc = omni_stmt_step(st, err, "reading messages")) == OMNI_STMT_ROW)
		if (part_add(&all, (omni_span){ omni_stmt_text(st, 0), omni_stmt_bytes(st, 0) }) < 0) {
			rc = -2;
			break;
		}
	omni_stmt_reset(st);
	/* the record's own; a text in both is written once (by id) */
	omni_json_iter(&it, (omni_span){ p->json, strlen(p->json) });
	while (rc == OMNI_STMT_DONE && omni_json_next(&it, NULL, &m))
		if (part_add(&all, m) < 0)
			rc = -2;
	if (rc == OMNI_STMT_DONE && part_close(&all) < 0)
		rc = -2;
	if (rc != OMNI_STMT_DONE) {
		free(all.json);
		return rc == -2 ? (omni_error_oom(err), -1) : -1;
	}
	free(p->json);
	*p = all;
	return 0;
}

/* Is id among the message ids the source brought to ticket? */
static int
from_source(omni_link *l, const char *ticket, const char *source, const char *id)
{
	char one[8];

	return omni_link_one(l, OMNI_LS_UM_FROM_SOURCE, one, sizeof one, ticket, id, source,
	                     (const char *)NULL) == 1;
}

/* The thread ids a message's source names ("t:" thread key, "m:" mail
 * ids), added to ids (a list of strings). */
static int
source_ids(omni_span m, json_t *ids)
{
	omni_span src = omni_json_get(m, "source"), v;
	static const char *const mail[] = { "message_id", "in_reply_to" };
	omni_jiter it;
	char buf[600];

	memcpy(buf, "t:", 3);
	if (omni_json_string_buf(omni_json_get(src, "thread_key"), buf + 2, sizeof buf - 2) > 0)
		json_array_append_new(ids, json_string(buf));
	buf[0] = 'm';
	for (size_t i = 0; i < 2; i++)
		if (omni_json_string_buf(omni_json_get(src, mail[i]), buf + 2, sizeof buf - 2) > 0)
			json_array_append_new(ids, json_string(buf));
	omni_json_iter(&it, omni_json_get(src, "references"));
	while (omni_json_next(&it, NULL, &v))
		if (omni_json_string_buf(v, buf + 2, sizeof buf - 2) > 0)
			json_array_append_new(ids, json_string(buf));
	return 0;
}

static int
listed(const json_t *ids, const char *id)
{
	size_t i;
	json_t *v;

	json_array_foreach(ids, i, v)
		if (strcmp(json_string_value(v), id) == 0)
			return 1;
	return 0;
}

/* The thread ids only the split record's messages name follow them to
 * ticket b, so a later message of that thread joins b, not a. */
static int
move_threads(omni_link *l, const char *a, const char *b, const json_t *split,
             const json_t *keep, omni_error *err)
{
	size_t i;
	json_t *v;

	json_array_foreach(split, i, v) {
		const char *id = json_string_value(v);
		if (listed(keep, id))
			continue;
		if (omni_link_exec(l, err, OMNI_LS_UM_THREAD_MOVE, b, a, id, (const char *)NULL) < 0 ||
		    omni_link_exec(l, err, OMNI_LS_UM_THREAD_DROP, b, a, id, (const char *)NULL) < 0)
			return -1;
	}
	return 0;
}

/* An id for what is split off, from the source id: the same on every
 * store where it is free, so a test or a colleague can predict it; with
 * a number added when the store has it already (a record split off once
 * and split again after a later message joined it). */
static void
split_id(omni_link *l, char *out, size_t size, const char *prefix, const char *s,
         int taken)
{
	char salt[32], n[16];

	for (int i = 1; i < 1000; i++) {
		if (i == 1)
			snprintf(salt, sizeof salt, "#unmerged");
		else
			snprintf(salt, sizeof salt, "#unmerged-%d", i);
		omni_link_hash_id(out, size, prefix, s, salt);
		if (omni_link_one(l, taken, n, sizeof n, out, (const char *)NULL) != 1)
			return;
	}
}

/* Moves the rows: the split ticket, its messages, its link, its keys. */
static int
move_rows(omni_link *l, const char *a, const char *b, const char *ca,
          const char *cb, const char *source, const char *now, omni_error *err)
{
	char x[40], y[40];

	if (omni_link_exec(l, err, OMNI_LS_UM_CUST_PUT, cb, now, ca, (const char *)NULL) < 0 ||
	    omni_link_exec(l, err, OMNI_LS_UM_TICKET_PUT, b, a, cb, (const char *)NULL) < 0 ||
	    omni_link_exec(l, err, OMNI_LS_UM_MSGS_MOVE, b, a, source, (const char *)NULL) < 0 ||
	    omni_link_exec(l, err, OMNI_LS_UM_LINK_MOVE, b, a, source, (const char *)NULL) < 0 ||
	    omni_link_exec(l, err, OMNI_LS_UM_MSGIDS_PUT, b, (const char *)NULL) < 0 ||
	    omni_link_exec(l, err, OMNI_LS_UM_KEYS_MOVE, cb, ca, source, (const char *)NULL) < 0)
		return -1;
	/* Blocks are stored as ordered pairs. */
	const char *pairs[2][2] = { { a, b }, { ca, cb } };
	for (int i = 0; i < 2; i++) {
		int swap = strcmp(pairs[i][0], pairs[i][1]) > 0;
		snprintf(x, sizeof x, "%s", pairs[i][swap]);
		snprintf(y, sizeof y, "%s", pairs[i][!swap]);
		if (strcmp(x, y) != 0 &&
		    omni_link_exec(l, err, OMNI_LS_UM_BLOCK_PUT, x, y, now, (const char *)NULL) < 0)
			return -1;
	}
	return 0;
}

int
omni_link_unmerge(omni_link *l, const char *source_id, omni_out *out,
                  omni_error *err)
{
	char a[40], b[40], ca[40], cb[40], now[40], n[16];
	char *text = NULL;
	omni_record rec;
	part keep = { 0 }, split = { 0 };
	json_t *keep_ids = json_array(), *split_ids = json_array();
	omni_jiter it;
	omni_span m;
	int status = -1, taught;

	omni_record_init(&rec);
	if (!keep_ids || !split_ids)
		goto oom;
	if (omni_link_one(l, OMNI_LS_LINK_GET, a, sizeof a, source_id, (const char *)NULL) != 1) {
		omni_error_set(err, OMNI_EX_DATAERR, source_id, 0, 0, "no linked record has this id");
		goto out;
	}
	omni_link_one(l, OMNI_LS_UM_LINK_COUNT, n, sizeof n, a, (const char *)NULL);
	if (atoi(n) < 2) {
		omni_error_set(err, OMNI_EX_DATAERR, source_id, 0, 0,
		               "not merged with anything: ticket %s has no other record", a);
		goto out;
	}
	omni_link_one(l, OMNI_LS_TICKET_GET, ca, sizeof ca, a, (const char *)NULL);
	{
		omni_stmt *st = omni_link_stmt(l, OMNI_LS_TICKET_GET);
		omni_stmt_bind_str(st, 1, a);
		if (omni_stmt_step(st, NULL, NULL) == OMNI_STMT_ROW && omni_stmt_text(st, 2))
			text = strdup(omni_stmt_text(st, 2));
		omni_stmt_reset(st);
	}
	if (!text || omni_record_parse(&rec, text, strlen(text), err) < 0) {
		omni_error_set(err, OMNI_EX_SOFTWARE, a, 0, 0, "the stored ticket is unreadable");
		goto out;
	}
	omni_json_iter(&it, omni_record_get(&rec, "messages"));
	while (omni_json_next(&it, NULL, &m)) {
		char id[512];
		int mine = omni_json_string_buf(omni_json_get(m, "id"), id, sizeof id) > 0 &&
		           from_source(l, a, source_id, id);
		if (part_add(mine ? &split : &keep, m) < 0)
			goto oom;
		source_ids(m, mine ? split_ids : keep_ids);
	}
	if (part_close(&keep) < 0 || part_close(&split) < 0)
		goto oom;
	split_id(l, b, sizeof b, "tk-", source_id, OMNI_LS_UM_TICKET_TAKEN);
	taught = omni_link_one(l, OMNI_LS_UM_TAUGHT, n, sizeof n, source_id,
	                       (const char *)NULL) == 1;
	if (taught)
		split_id(l, cb, sizeof cb, "cus-", source_id, OMNI_LS_UM_CUST_TAKEN);
	else
		snprintf(cb, sizeof cb, "%s", ca);
	omni_time_format(omni_clock_now(), now);
	if (move_rows(l, a, b, ca, cb, source_id, now, err) < 0 ||
	    move_threads(l, a, b, split_ids, keep_ids, err) < 0)
		goto out;
	omni_link_cache_reset(l);     /* keys moved */
	if (omni_record_get(&rec, "earlier").p &&
	    (rows_part(l, a, &keep, err) < 0 || rows_part(l, b, &split, err) < 0))
		goto out;
	omni_link_parts pa = { .messages_json = keep.json, .created_at = keep.first,
	                       .updated_at = keep.last };
	omni_link_parts pb = { .messages_json = split.json, .created_at = split.first,
	                       .updated_at = split.last };
	if (omni_link_emit(l, &rec, NULL, 0, a, ca, &pa, out, err) < 0 ||
	    omni_link_emit(l, &rec, NULL, 0, b, cb, &pb, out, err) < 0)
		goto out;
	status = 0;
	goto out;
oom:
	omni_error_oom(err);
out:
	omni_store_reset_all(l->store);
	omni_record_free(&rec);
	free(text);
	free(keep.json);
	free(split.json);
	json_decref(keep_ids);
	json_decref(split_ids);
	return status;
}
