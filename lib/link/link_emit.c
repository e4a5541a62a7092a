/*
 * link_emit.c - what a record leaves in the store (its ticket, link,
 * messages, thread ids and orders) and the ticket it writes, built from
 * the store and the record.
 */
#include <stdlib.h>
#include <string.h>

#include "link_int.h"

omni_time
omni_link_at(omni_span v)
{
	char buf[64];
	omni_time t = 0;

	if (omni_json_string_buf(v, buf, sizeof buf) < 0 || omni_time_parse(buf, &t) < 0)
		return 0;
	return t;
}

static int
put_text(omni_stmt *st, int i, const char *s)
{
	return omni_stmt_bind_str(st, i, s);
}

int
omni_link_step(omni_link *l, omni_stmt *st, omni_error *err)
{
	return omni_stmt_step(st, err, "cannot update the links") == OMNI_STMT_DONE ? 0 : -1;
}

/* Absorbs ticket from into into: its messages, ids, orders and links. */
int
omni_link_absorb(omni_link *l, const char *into, const char *from, omni_error *err)
{
	for (int i = OMNI_LS_ABSORB_MSGS; i <= OMNI_LS_ABSORB_TICKET_DROP; i++)
		if (omni_link_exec(l, err, i, into, from, (const char *)NULL) < 0)
			return -1;
	l->nseqs = 0;     /* from is gone */
	return 0;
}

/* The stored record of a ticket (text new, *at its created_at), or NULL. */
char *
omni_link_stored(omni_link *l, const char *ticket, omni_time *at)
{
	omni_stmt *st = omni_link_stmt(l, OMNI_LS_TICKET_GET);
	char *text = NULL;

	put_text(st, 1, ticket);
	if (omni_stmt_step(st, NULL, NULL) == OMNI_STMT_ROW) {
		if (omni_stmt_text(st, 2))
			text = strdup(omni_stmt_text(st, 2));
		if (omni_stmt_text(st, 3))
			omni_time_parse(omni_stmt_text(st, 3), at);
	}
	omni_stmt_reset(st);
	return text;
}

static int
by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
omni_link_known(omni_link *l, const omni_record *rec, const char *ticket, char ***ids,
                size_t *n, omni_error *err)
{
	int64_t seq = omni_link_seq(l, ticket);
	omni_jiter it;
	omni_span m;
	size_t cap = 0;

	*ids = NULL;
	*n = 0;
	if (seq <= 0)
		return 0;
	omni_json_iter(&it, omni_record_get(rec, "messages"));
	while (omni_json_next(&it, NULL, &m)) {
		char id[512];
		omni_stmt *st;
		int rc;
		if (omni_json_string_buf(omni_json_get(m, "id"), id, sizeof id) <= 0)
			continue;
		st = omni_link_stmt(l, OMNI_LS_MSG_HAS);
		omni_stmt_bind_int64(st, 1, seq);
		put_text(st, 2, id);
		rc = omni_stmt_step(st, err, "reading messages");
		omni_stmt_reset(st);
		if (rc < 0)
			return -1;
		if (rc != OMNI_STMT_ROW)
			continue;
		if (*n == cap) {
			char **nv = realloc(*ids, (cap = cap ? cap * 2 : 8) * sizeof *nv);
			if (!nv)
				return omni_error_oom(err), -1;
			*ids = nv;
		}
		if (!((*ids)[*n] = strdup(id)))
			return omni_error_oom(err), -1;
		(*n)++;
	}
	if (*n > 1)
		qsort(*ids, *n, sizeof **ids, by_text);
	return 0;
}

/* The rows of the input record: ticket, link, messages, ids, orders. */
int
omni_link_put_rows(omni_link *l, const input *in, const verdict *v, const char *at,
         omni_error *err)
{
	omni_stmt *st = omni_link_stmt(l, OMNI_LS_LINK_PUT);
	int64_t seq = omni_link_seq(l, v->ticket);
	omni_jiter it;
	omni_span m;

	/* The ticket's own row is written with its record (omni_link_emit). */
	put_text(st, 1, in->id);
	omni_stmt_bind_int64(st, 2, seq);
	put_text(st, 3, v->tkind[0] ? v->tkind : "new");
	if (v->tvalue[0])
		put_text(st, 4, v->tvalue);
	omni_stmt_bind_double(st, 5, v->tkind[0] ? v->confidence : 1.0);
	put_text(st, 6, at);
	if (omni_link_step(l, st, err) < 0)
		return -1;
	omni_json_iter(&it, omni_record_get(in->rec, "messages"));
	while (omni_json_next(&it, NULL, &m)) {
		static const char *const keys[] = { "id", "direction", "at", "channel" };
		char id[512], dir[16] = "", mat[64] = "", ch[32] = "";
		omni_span f[4];
		/* One walk of the message for its four members: a look-up each
		 * would walk its text four times. */
		omni_json_get_all(m, keys, f, 4);
		if (omni_json_string_buf(f[0], id, sizeof id) <= 0)
			continue;
		omni_json_string_buf(f[1], dir, sizeof dir);
		omni_time t = omni_link_at(f[2]);
		if (t)
			omni_time_format(t, mat);     /* UTC, so times compare as text */
		if (omni_json_string_buf(f[3], ch, sizeof ch) <= 0)
			link_copy(ch, sizeof ch, in->channel);
		st = omni_link_stmt(l, OMNI_LS_MSG_PUT);
		omni_stmt_bind_int64(st, 1, seq);
		put_text(st, 2, id);
		put_text(st, 4, ch);
		put_text(st, 5, dir);
		put_text(st, 6, mat);
		put_text(st, 7, in->id);
		if (omni_link_step(l, st, err) < 0)
			return -1;
	}
	for (size_t i = 0; i <= in->nids; i++) {
		const char *id = i < in->nids ? in->ids[i] : in->thread;
		if (!id[0])
			continue;
		st = omni_link_stmt(l, OMNI_LS_MSGID_PUT);
		put_text(st, 1, id);
		omni_stmt_bind_int64(st, 2, seq);
		omni_stmt_bind_int64(st, 3, i < in->nown || i == in->nids);
		if (omni_link_step(l, st, err) < 0)
			return -1;
	}
	for (size_t i = 0; i < in->keys.n; i++) {
		if (strcmp(in->keys.v[i].kind, "order") != 0)
			continue;
		st = omni_link_stmt(l, OMNI_LS_TORDER_PUT);
		omni_stmt_bind_int64(st, 1, seq);
		put_text(st, 2, in->keys.v[i].value);
		if (omni_link_step(l, st, err) < 0)
			return -1;
	}
	return 0;
}

/* The text of each message the record leaves out goes into its row, once:
 * the store keeps the whole conversation, each text in one place. */
static int
put_bodies(omni_link *l, const char *ticket, const omni_link_parts *p, omni_error *err)
{
	int64_t seq = p->nmoved ? omni_link_seq(l, ticket) : 0;

	for (size_t i = 0; i < p->nmoved; i++) {
		omni_stmt *st = omni_link_stmt(l, OMNI_LS_MSG_BODY);
		omni_stmt_bind_int64(st, 1, seq);
		put_text(st, 2, p->moved[i].id);
		omni_stmt_bind_text(st, 3, p->moved_text + p->moved[i].off, p->moved[i].len);
		if (omni_link_step(l, st, err) < 0)
			return -1;
	}
	return 0;
}

/* Builds the ticket from the store and the record, stores and writes it.
 * The parts the caller set (a new ticket's history and merged_from) are
 * kept; the others are read from the store. */
int
omni_link_emit(omni_link *l, const omni_record *base, const omni_record *const *stored,
     size_t nstored, const char *ticket, const char *customer,
     omni_link_parts *p, omni_out *out, omni_error *err)
{
	char idj[64], cat[40], uat[40], *line = NULL;
	char *cust = NULL, *ids = NULL, *orders = NULL, *hist = NULL, *merged = NULL;
	char *desk = NULL, *products = NULL;
	size_t len = 0;
	int status = -1;
	omni_stmt *st;
	omni_link_words words = { base, stored, nstored, NULL, 0 };

	link_quote(idj, sizeof idj, ticket);
	p->id_json = idj;
	p->keep = l->o.messages > 0 ? (size_t)l->o.messages : 0;
	if (!(p->customer_json = cust = omni_link_customer_json(l, customer, err)) ||
	    omni_link_orders_parts(l, ticket, customer, p->sender, &words, p->region, &ids,
	                           &orders, err) < 0 ||
	    (!p->history_json &&
	     !(p->history_json = hist = omni_link_history_json(l, ticket, customer, err))) ||
	    (!p->merged_from_json &&
	     !(p->merged_from_json = merged = omni_link_merged_from_json(l, ticket, err))))
		goto out;
	p->order_ids_json = ids;
	p->orders_json = orders;
	char *tstore = omni_json_string(omni_record_get(base, "store"), NULL);
	int prc = omni_link_products_json(l, &words, tstore && *tstore ? tstore : NULL, &products, err);
	free(tstore);
	if (prc < 0)
		goto out;
	p->products_json = products;
	/* what people did to it, in every version (omni-desk(1)) */
	if (l->any_desk && omni_desk_member(l->store, ticket, &desk, err) < 0)
		goto out;
	p->desk_json = desk;
	if (!(line = omni_link_build(base, stored, nstored, p, &len))) {
		omni_error_oom(err);
		goto out;
	}
	omni_time_format(p->created_at, cat);
	omni_time_format(p->updated_at, uat);
	if (p->row) {
		st = omni_link_stmt(l, OMNI_LS_TICKET_PUT);
		put_text(st, 1, ticket);
		put_text(st, 2, customer);
		for (int i = 0; i < 5; i++)
			if (p->row[i])
				put_text(st, 3 + i, p->row[i]);
		put_text(st, 8, cat);
		put_text(st, 9, uat);
		omni_stmt_bind_text(st, 10, line, len);
		int64_t seq = omni_link_seq(l, ticket);
		if (seq > 0)
			omni_stmt_bind_int64(st, 11, seq);
	} else {
		st = omni_link_stmt(l, OMNI_LS_TICKET_RECORD);
		put_text(st, 1, ticket);
		omni_stmt_bind_text(st, 2, line, len);
		put_text(st, 3, cat);
		put_text(st, 4, uat);
	}
	if (omni_link_step(l, st, err) < 0 || put_bodies(l, ticket, p, err) < 0 ||
	    omni_handoff_put(l->store, "link", ticket, NULL, 0, err) < 0)
		goto out;
	if (omni_out_write(out, line, len) < 0 || omni_out_write(out, "\n", 1) < 0) {
		omni_error_set(err, OMNI_EX_IOERR, "stdout", 0, 0, "cannot write");
		goto out;
	}
	status = 0;
out:
	free(cust);
	free(desk);
	free(ids);
	free(orders);
	free(products);
	p->products_json = NULL;
	free(hist);
	free(merged);
	free(line);
	free(words.text);
	omni_link_moved_free(p);
	return status;
}

/* ["s"]: new, or NULL (as jansson, for text that is not UTF-8). */
char *
omni_link_json_list(const char *s)
{
	omni_text t = { 0 };
	size_t n = strlen(s);

	if (!omni_json_text_utf8(s, n))
		return NULL;
	omni_text_put(&t, "[", 1);
	omni_json_text_string(&t, s, n);
	omni_text_put(&t, "]", 1);
	if (t.failed) {
		free(t.p);
		return NULL;
	}
	return t.p;
}

char *
omni_link_explain(const input *in, const verdict *v, const char *orders)
{
	char buf[4096];
	size_t n;

	n = (size_t)snprintf(buf, sizeof buf, "%s: ticket %s ", in->id, v->ticket);
	if (v->new_ticket)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "(new)");
	else
		n += (size_t)snprintf(buf + n, sizeof buf - n, "(%s%s%s, confidence %.2f)",
		                      v->tkind, v->tvalue[0] ? " " : "", v->tvalue,
		                      v->confidence);
	if (n < sizeof buf)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "; customer %s (%s%s%s)",
		                      v->customer, v->who.created ? "new" : v->who.kind,
		                      v->who.value[0] ? " " : "", v->who.value);
	for (size_t i = 0; i < v->who.nmerged && n < sizeof buf; i++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "; merged customer %s",
		                      v->who.merged[i]);
	for (size_t i = 0; i < v->nbridged && n < sizeof buf; i++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "; absorbed ticket %s",
		                      v->bridged[i]);
	if (v->who.conflicts && n < sizeof buf)
		n += (size_t)snprintf(buf + n, sizeof buf - n,
		                      "; %d customer(s) kept apart by a conflicting key",
		                      v->who.conflicts);
	if (n < sizeof buf)
		snprintf(buf + n, sizeof buf - n, "%s", orders);
	return strdup(buf);
}

