/*
 * link.c - one customer, one timeline: which customer a ticket is, and
 * which conversation it joins.
 *
 * Order of evidence, strongest first: the record was linked before (a
 * rerun); a mail id it carries or replies to; its thread key (Amazon
 * alias and order, eBay conversation; a DM sender only inside a window);
 * then, for its customer, a ticket about the same order, a reply subject
 * inside the window, an open ticket inside the window.  Customers are
 * found by strong keys only, and two customers are never joined when
 * they hold different values of a key that a customer has only one of.
 */
#include <stdlib.h>
#include <string.h>

#include "omni.h"

#define MAX_IDS 64
#define MAX_CANDS 16

/* What the record says about itself. */
typedef struct input {
	const omni_record *rec;
	char id[512], channel[32], store[256], status[32], thread[600];
	char *subject;
	char *ids[MAX_IDS];           /* mail ids: own, parent, references */
	size_t nids;
	omni_time first, last;
	omni_link_keys keys;
} input;

/* How the ticket and the customer were found. */
typedef struct verdict {
	char ticket[40], customer[40];
	char tkind[24], tvalue[600];
	double confidence;
	int new_ticket, via_mail;
	char bridged[MAX_CANDS][40];
	size_t nbridged;
	omni_link_who who;
} verdict;

/* Copies s into d of size n, cut short if need be. */
static void
copy(char *d, size_t n, const char *s)
{
	size_t len = s ? strlen(s) : 0;

	if (len >= n)
		len = n - 1;
	memcpy(d, s ? s : "", len);
	d[len] = '\0';
}

static void
hash_id(char *out, size_t size, const char *prefix, const char *s, const char *salt)
{
	uint64_t h = 1469598103934665603ULL;

	for (const char *p = s; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	for (const char *p = salt ? salt : ""; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	snprintf(out, size, "%s%016llx", prefix, (unsigned long long)h);
}

static int
is_dm(const char *ch)
{
	return strcmp(ch, "instagram") == 0 || strcmp(ch, "facebook") == 0 ||
	       strcmp(ch, "messenger") == 0 || strcmp(ch, "tiktok") == 0 ||
	       strcmp(ch, "chat") == 0 || strcmp(ch, "sms") == 0;
}

static int
solved(const char *status)
{
	return status && (strcmp(status, "solved") == 0 || strcmp(status, "closed") == 0);
}

static omni_time
parse_at(omni_span v)
{
	char buf[64];
	omni_time t = 0;

	if (omni_json_string_buf(v, buf, sizeof buf) < 0 || omni_time_parse(buf, &t) < 0)
		return 0;
	return t;
}

static void
add_id(input *in, const char *prefix, omni_span v)
{
	char buf[520];
	size_t n = strlen(prefix);

	if (in->nids == MAX_IDS)
		return;
	memcpy(buf, prefix, n + 1);
	if (omni_json_string_buf(v, buf + n, sizeof buf - n) <= 0)
		return;
	for (size_t i = 0; i < in->nids; i++)
		if (strcmp(in->ids[i], buf) == 0)
			return;
	in->ids[in->nids] = strdup(buf);
	if (in->ids[in->nids])
		in->nids++;
}

static void
input_free(input *in)
{
	for (size_t i = 0; i < in->nids; i++)
		free(in->ids[i]);
	free(in->subject);
	omni_link_keys_free(&in->keys);
}

static const char *
region_of(omni_link *l, const char *store)
{
	const omni_conf_section *s;

	if (!l->o.config || !*store || !(s = omni_config_find(l->o.config, "store", store)))
		return NULL;
	return omni_conf_get(s, "region");
}

static int
input_read(omni_link *l, const omni_record *rec, input *in, omni_error *err)
{
	omni_span src = omni_record_get(rec, "source"), m;
	omni_jiter it;

	memset(in, 0, sizeof *in);
	in->rec = rec;
	if (omni_json_string_buf(omni_record_get(rec, "id"), in->id, sizeof in->id) <= 0)
		return omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0,
		                      "a ticket without an id"), -1;
	omni_json_string_buf(omni_record_get(rec, "channel"), in->channel, sizeof in->channel);
	omni_json_string_buf(omni_record_get(rec, "store"), in->store, sizeof in->store);
	omni_json_string_buf(omni_record_get(rec, "status"), in->status, sizeof in->status);
	in->subject = omni_json_string(omni_record_get(rec, "subject"), NULL);
	memcpy(in->thread, "t:", 3);
	if (omni_json_string_buf(omni_json_get(src, "thread_key"), in->thread + 2,
	                         sizeof in->thread - 2) <= 0)
		in->thread[0] = '\0';
	add_id(in, "m:", omni_json_get(src, "message_id"));
	add_id(in, "m:", omni_json_get(src, "in_reply_to"));
	omni_json_iter(&it, omni_json_get(src, "references"));
	while (omni_json_next(&it, NULL, &m))
		add_id(in, "m:", m);
	omni_json_iter(&it, omni_record_get(rec, "messages"));
	while (omni_json_next(&it, NULL, &m)) {
		omni_time t = parse_at(omni_json_get(m, "at"));
		if (t && (!in->first || t < in->first))
			in->first = t;
		if (t > in->last)
			in->last = t;
	}
	if (!in->first)
		in->first = parse_at(omni_record_get(rec, "created_at"));
	if (!in->last)
		in->last = in->first;
	if (omni_link_keys_collect(rec, region_of(l, in->store), &in->keys) < 0)
		return omni_error_set(err, OMNI_EX_SOFTWARE, NULL, 0, 0, "out of memory"), -1;
	return 0;
}

/* Adds the keys of the orders the ticket names: whoever placed an order
 * is the customer who quotes it. */
static int
order_owner_keys(omni_link *l, input *in, omni_error *err)
{
	size_t n = in->keys.n;

	for (size_t i = 0; i < n; i++) {
		const char *bar, *num;
		char store[256];
		sqlite3_stmt *st;
		char *email = NULL, *ref = NULL, *phone = NULL, ch[32] = "";
		if (strcmp(in->keys.v[i].kind, "order") != 0)
			continue;
		bar = strrchr(in->keys.v[i].value, '|');
		num = bar + 1;
		snprintf(store, sizeof store, "%.*s", (int)(bar - in->keys.v[i].value),
		         in->keys.v[i].value);
		char quoted[256], key[600];
		omni_link_order_number(num, quoted, sizeof quoted);
		snprintf(key, sizeof key, "%s|%s", store, quoted);
		if (omni_link_order_missed(l, key))
			continue;
		st = omni_link_stmt(l, OMNI_LS_ORDER_OWNER);
		sqlite3_bind_text(st, 1, quoted, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, store, -1, SQLITE_STATIC);
		int rc = sqlite3_step(st);
		if (rc == SQLITE_DONE)
			omni_link_order_miss(l, key);     /* asked again for the orders */
		if (rc == SQLITE_ROW) {
			const char *e = (const char *)sqlite3_column_text(st, 3);
			const char *r = (const char *)sqlite3_column_text(st, 4);
			copy(ch, sizeof ch, (const char *)sqlite3_column_text(st, 0));
			const char *ph = (const char *)sqlite3_column_text(st, 5);
			email = e ? omni_link_email_norm(e) : NULL;
			ref = r ? strdup(r) : NULL;
			phone = ph ? omni_link_phone_norm(ph, region_of(l, in->store)) : NULL;
		} else if (rc != SQLITE_DONE) {
			return omni_store_error(l->store, err, "reading orders"), -1;
		}
		sqlite3_reset(st);
		if (email && !strstr(email, "@marketplace.amazon."))
			omni_link_keys_add(&in->keys, "email", email, 90, 0, 0, NULL, "order");
		if (ref && *ch)
			omni_link_keys_add(&in->keys, ch, ref, 90, 1, 0, NULL, "order");
		if (phone)     /* weak: recorded, never merging */
			omni_link_keys_add(&in->keys, "phone", phone, 30, 0, 0, NULL, "order");
		free(email);
		free(ref);
		free(phone);
	}
	return 0;
}

#define blocked omni_link_blocked

static int
ticket_has_any_order(omni_link *l, const char *ticket)
{
	sqlite3_stmt *st = omni_link_stmt(l, OMNI_LS_TICKET_ORDERS);
	int rc;

	sqlite3_bind_text(st, 1, ticket, -1, SQLITE_STATIC);
	rc = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return rc;
}

/* Does the ticket name every order key of the input?  (Used to keep a new
 * order off a solved ticket.) */
static int
names_orders(omni_link *l, const input *in, const char *ticket, int *some)
{
	int all = 1;

	*some = 0;
	for (size_t i = 0; i < in->keys.n; i++) {
		sqlite3_stmt *st;
		if (strcmp(in->keys.v[i].kind, "order") != 0 || in->keys.v[i].why[0] != 'o')
			continue;
		st = omni_link_stmt(l, OMNI_LS_TICKET_HAS_ORDER);
		sqlite3_bind_text(st, 1, ticket, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, in->keys.v[i].value, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			*some = 1;
		else
			all = 0;
		sqlite3_reset(st);
	}
	return all;
}

static int
has_orders(const input *in)
{
	for (size_t i = 0; i < in->keys.n; i++)
		if (strcmp(in->keys.v[i].kind, "order") == 0)
			return 1;
	return 0;
}

static omni_time
absdiff(omni_time a, omni_time b)
{
	return a > b ? a - b : b - a;
}

/* Did the ticket hear on this DM channel inside the window around the
 * record's messages? */
static int
dm_near(omni_link *l, const input *in, const char *ticket)
{
	sqlite3_stmt *st = omni_link_stmt(l, OMNI_LS_DM_NEAR);
	char lo[40], hi[40];
	int rc;

	omni_time_format(in->first - l->o.dm_window, lo);
	omni_time_format(in->last + l->o.dm_window, hi);
	sqlite3_bind_text(st, 1, ticket, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, in->channel, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, lo, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, hi, -1, SQLITE_STATIC);
	rc = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return rc;
}

/* A ticket the record's mail ids or thread key name; the first found is
 * joined, later ones are absorbed into it. */
static int
thread_tickets(omni_link *l, input *in, verdict *v, omni_error *err)
{
	const char *probe[MAX_IDS + 1];
	size_t np = 0;

	for (size_t i = 0; i < in->nids; i++)
		probe[np++] = in->ids[i];
	if (in->thread[0])
		probe[np++] = in->thread;
	for (size_t i = 0; i < np; i++) {
		sqlite3_stmt *st = omni_link_stmt(l, OMNI_LS_MSGID_GET);
		int rc, mail = probe[i][0] == 'm';
		sqlite3_bind_text(st, 1, probe[i], -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *t = (const char *)sqlite3_column_text(st, 0);
			const char *upd = (const char *)sqlite3_column_text(st, 1);
			const char *status = (const char *)sqlite3_column_text(st, 2);
			int some, dup = strcmp(v->ticket, t) == 0;
			(void)upd;
			for (size_t j = 0; j < v->nbridged && !dup; j++)
				dup = strcmp(v->bridged[j], t) == 0;
			if (dup)
				continue;
			if (!mail && is_dm(in->channel) && !dm_near(l, in, t))
				continue;     /* a DM after a long silence: a new conversation */
			if (solved(status) && !names_orders(l, in, t, &some))
				continue;     /* a new order on a solved ticket */
			if (!v->ticket[0]) {
				copy(v->ticket, sizeof v->ticket, t);
				copy(v->tkind, sizeof v->tkind, mail ? "message_id" : "thread");
				copy(v->tvalue, sizeof v->tvalue, probe[i] + 2);
				v->confidence = mail ? 1.0 : 0.95;
				v->via_mail = mail;
			} else if (v->nbridged < MAX_CANDS && mail && !blocked(l, v->ticket, t)) {
				copy(v->bridged[v->nbridged++], sizeof v->bridged[0], t);
			}
		}
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return omni_store_error(l->store, err, "reading threads"), -1;
	}
	return 0;
}

/* The customer of a ticket: 0 and cid filled, or -1. */
static int
ticket_customer(omni_link *l, const char *ticket, char *cid, size_t size,
                omni_error *err)
{
	sqlite3_stmt *st = omni_link_stmt(l, OMNI_LS_TICKET_GET);
	int rc;

	sqlite3_bind_text(st, 1, ticket, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(cid, size, "%s", sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return omni_store_error(l->store, err, "reading a ticket"), -1;
	return 0;
}

/* Among the customer's recent tickets: same order, then a reply subject
 * inside the window, then an open ticket inside the window. */
static int
customer_tickets(omni_link *l, input *in, verdict *v, omni_error *err)
{
	struct { char id[40], status[32]; char *subject; omni_time upd; } t[8];
	size_t n = 0;
	sqlite3_stmt *st = omni_link_stmt(l, OMNI_LS_CUST_TICKETS);
	int rc, reply = 0, ords = has_orders(in);
	char *subj = omni_link_subject_norm(in->subject, &reply);

	sqlite3_bind_text(st, 1, v->customer, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < 8) {
		const char *s = (const char *)sqlite3_column_text(st, 2);
		int r;
		copy(t[n].id, sizeof t[n].id, (const char *)sqlite3_column_text(st, 0));
		snprintf(t[n].status, sizeof t[n].status, "%s",
		         sqlite3_column_text(st, 1) ? (const char *)sqlite3_column_text(st, 1) : "");
		t[n].subject = omni_link_subject_norm(s, &r);
		t[n].upd = 0;
		if (sqlite3_column_text(st, 3))
			omni_time_parse((const char *)sqlite3_column_text(st, 3), &t[n].upd);
		n++;
	}
	sqlite3_reset(st);
	for (int pass = 0; pass < 3 && !v->ticket[0]; pass++)
		for (size_t i = 0; i < n && !v->ticket[0]; i++) {
			int some = 0, all = ords ? names_orders(l, in, t[i].id, &some) : 1;
			int near = absdiff(in->first, t[i].upd) <= l->o.window;
			if (blocked(l, t[i].id, in->id) || (solved(t[i].status) && !all))
				continue;
			if (pass == 0 && some && (near || !solved(t[i].status))) {
				snprintf(v->tkind, sizeof v->tkind, "order");
				for (size_t k = 0; k < in->keys.n && !v->tvalue[0]; k++)
					if (strcmp(in->keys.v[k].kind, "order") == 0)
						copy(v->tvalue, sizeof v->tvalue, in->keys.v[k].value);
				v->confidence = 0.9;
			} else if (pass == 1 && reply && near && subj && t[i].subject &&
			           *subj && strcmp(subj, t[i].subject) == 0) {
				snprintf(v->tkind, sizeof v->tkind, "subject");
				copy(v->tvalue, sizeof v->tvalue, subj);
				v->confidence = 0.8;
			} else if (pass == 2 && near && !solved(t[i].status) &&
			           (some || !ords || !ticket_has_any_order(l, t[i].id))) {
				snprintf(v->tkind, sizeof v->tkind, "window");
				v->confidence = 0.6;
			} else {
				continue;
			}
			copy(v->ticket, sizeof v->ticket, t[i].id);
		}
	for (size_t i = 0; i < n; i++)
		free(t[i].subject);
	free(subj);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return omni_store_error(l->store, err, "reading tickets"), -1;
	return 0;
}

static int
put_text(sqlite3_stmt *st, int i, const char *s)
{
	return sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

static int
step_done(omni_link *l, sqlite3_stmt *st, omni_error *err)
{
	if (sqlite3_step(st) != SQLITE_DONE)
		return omni_store_error(l->store, err, "cannot update the links"), -1;
	return 0;
}

/* Absorbs ticket from into into: its messages, ids, orders and links. */
static int
absorb(omni_link *l, const char *into, const char *from, omni_error *err)
{
	static const char *const moves[] = {
		"UPDATE OR IGNORE messages SET ticket_id = ?1 WHERE ticket_id = ?2",
		"DELETE FROM messages WHERE ticket_id = ?2",
		"UPDATE OR IGNORE link_msgids SET ticket_id = ?1 WHERE ticket_id = ?2",
		"UPDATE OR IGNORE link_ticket_orders SET ticket_id = ?1 WHERE ticket_id = ?2",
		"UPDATE ticket_links SET ticket_id = ?1 WHERE ticket_id = ?2",
		"DELETE FROM tickets WHERE id = ?2",
	};
	for (size_t i = 0; i < sizeof moves / sizeof moves[0]; i++)
		if (omni_link_exec(l, err, moves[i], into, from, (const char *)NULL) < 0)
			return -1;
	return 0;
}

/* The stored record of a ticket (text new, *at its created_at), or NULL. */
static char *
stored_record(omni_link *l, const char *ticket, omni_time *at)
{
	sqlite3_stmt *st = omni_link_stmt(l, OMNI_LS_TICKET_GET);
	char *text = NULL;

	put_text(st, 1, ticket);
	if (sqlite3_step(st) == SQLITE_ROW) {
		if (sqlite3_column_text(st, 2))
			text = strdup((const char *)sqlite3_column_text(st, 2));
		if (sqlite3_column_text(st, 3))
			omni_time_parse((const char *)sqlite3_column_text(st, 3), at);
	}
	sqlite3_reset(st);
	return text;
}

/* The rows of the input record: ticket, link, messages, ids, orders. */
static int
put_rows(omni_link *l, const input *in, const verdict *v, const char *at,
         omni_error *err)
{
	sqlite3_stmt *st = omni_link_stmt(l, OMNI_LS_TICKET_PUT);
	omni_jiter it;
	omni_span m;

	put_text(st, 1, v->ticket);
	put_text(st, 2, v->customer);
	put_text(st, 3, in->channel);
	if (in->store[0])
		put_text(st, 4, in->store);
	if (in->status[0])
		put_text(st, 5, in->status);
	if (in->subject)
		put_text(st, 6, in->subject);
	if (in->thread[0])
		put_text(st, 7, in->thread + 2);
	put_text(st, 8, at);
	if (step_done(l, st, err) < 0)
		return -1;
	st = omni_link_stmt(l, OMNI_LS_LINK_PUT);
	put_text(st, 1, in->id);
	put_text(st, 2, v->ticket);
	put_text(st, 3, v->tkind[0] ? v->tkind : "new");
	if (v->tvalue[0])
		put_text(st, 4, v->tvalue);
	sqlite3_bind_double(st, 5, v->tkind[0] ? v->confidence : 1.0);
	put_text(st, 6, at);
	if (step_done(l, st, err) < 0)
		return -1;
	omni_json_iter(&it, omni_record_get(in->rec, "messages"));
	while (omni_json_next(&it, NULL, &m)) {
		char id[512], dir[16] = "", mat[64] = "", ch[32] = "";
		if (omni_json_string_buf(omni_json_get(m, "id"), id, sizeof id) <= 0)
			continue;
		omni_json_string_buf(omni_json_get(m, "direction"), dir, sizeof dir);
		omni_time t = parse_at(omni_json_get(m, "at"));
		if (t)
			omni_time_format(t, mat);     /* UTC, so times compare as text */
		if (omni_json_string_buf(omni_json_get(m, "channel"), ch, sizeof ch) <= 0)
			copy(ch, sizeof ch, in->channel);
		st = omni_link_stmt(l, OMNI_LS_MSG_PUT);
		put_text(st, 1, v->ticket);
		put_text(st, 2, id);
		put_text(st, 4, ch);
		put_text(st, 5, dir);
		put_text(st, 6, mat);
		put_text(st, 7, in->id);
		if (step_done(l, st, err) < 0)
			return -1;
	}
	for (size_t i = 0; i <= in->nids; i++) {
		const char *id = i < in->nids ? in->ids[i] : in->thread;
		if (!id[0])
			continue;
		st = omni_link_stmt(l, OMNI_LS_MSGID_PUT);
		put_text(st, 1, id);
		put_text(st, 2, v->ticket);
		if (step_done(l, st, err) < 0)
			return -1;
	}
	for (size_t i = 0; i < in->keys.n; i++) {
		if (strcmp(in->keys.v[i].kind, "order") != 0)
			continue;
		st = omni_link_stmt(l, OMNI_LS_TORDER_PUT);
		put_text(st, 1, v->ticket);
		put_text(st, 2, in->keys.v[i].value);
		if (step_done(l, st, err) < 0)
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
	size_t len = 0;
	int status = -1;
	sqlite3_stmt *st;

	snprintf(idj, sizeof idj, "\"%s\"", ticket);
	p->id_json = idj;
	if (!(p->customer_json = cust = omni_link_customer_json(l, customer, err)) ||
	    omni_link_orders_parts(l, ticket, &ids, &orders, err) < 0 ||
	    (!p->history_json &&
	     !(p->history_json = hist = omni_link_history_json(l, ticket, customer, err))) ||
	    (!p->merged_from_json &&
	     !(p->merged_from_json = merged = omni_link_merged_from_json(l, ticket, err))))
		goto out;
	p->order_ids_json = ids;
	p->orders_json = orders;
	if (!(line = omni_link_build(base, stored, nstored, p, &len))) {
		omni_error_set(err, OMNI_EX_SOFTWARE, NULL, 0, 0, "out of memory");
		goto out;
	}
	omni_time_format(p->created_at, cat);
	omni_time_format(p->updated_at, uat);
	st = omni_link_stmt(l, OMNI_LS_TICKET_RECORD);
	put_text(st, 1, ticket);
	sqlite3_bind_text(st, 2, line, (int)len, SQLITE_STATIC);
	put_text(st, 3, cat);
	put_text(st, 4, uat);
	if (step_done(l, st, err) < 0)
		goto out;
	if (omni_out_write(out, line, len) < 0 || omni_out_write(out, "\n", 1) < 0) {
		omni_error_set(err, OMNI_EX_IOERR, "stdout", 0, 0, "cannot write");
		goto out;
	}
	status = 0;
out:
	free(cust);
	free(ids);
	free(orders);
	free(hist);
	free(merged);
	free(line);
	return status;
}

/* ["s"]: new, or NULL. */
static char *
json_list(const char *s)
{
	json_t *a = json_pack("[s]", s);
	char *text = a ? json_dumps(a, JSON_COMPACT) : NULL;

	json_decref(a);
	return text;
}

static char *
explain_text(const input *in, const verdict *v)
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
		snprintf(buf + n, sizeof buf - n, "; %d customer(s) kept apart by a conflicting key",
		         v->who.conflicts);
	return strdup(buf);
}

/* Which ticket and customer the record joins. */
static int
decide(omni_link *l, input *in, verdict *v, omni_error *err)
{
	sqlite3_stmt *st = omni_link_stmt(l, OMNI_LS_LINK_GET);

	put_text(st, 1, in->id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		copy(v->ticket, sizeof v->ticket, (const char *)sqlite3_column_text(st, 0));
		snprintf(v->tkind, sizeof v->tkind, "record");
		v->confidence = 1.0;
		v->via_mail = 1;      /* a rerun: its keys were learnt the first time */
	}
	sqlite3_reset(st);
	if (!v->ticket[0] && thread_tickets(l, in, v, err) < 0)
		return -1;
	if (v->ticket[0]) {
		if (ticket_customer(l, v->ticket, v->customer, sizeof v->customer, err) < 0)
			return -1;
		snprintf(v->who.kind, sizeof v->who.kind, "ticket");
		copy(v->who.value, sizeof v->who.value, v->ticket);
	}
	if (!v->customer[0]) {
		if (omni_link_customer(l, &in->keys, in->channel, in->id, &v->who, err) < 0)
			return -1;
		copy(v->customer, sizeof v->customer, v->who.id);
		v->ticket[0] = '\0';
		if (!v->who.created && customer_tickets(l, in, v, err) < 0)
			return -1;
	}
	if (!v->ticket[0]) {
		hash_id(v->ticket, sizeof v->ticket, "tk-", in->id, NULL);
		v->new_ticket = 1;
	}
	return 0;
}

int
omni_link_record(omni_link *l, const omni_record *rec, omni_out *out,
                 char **explain, omni_error *err)
{
	input in;
	verdict v;
	char at[40], *texts[1 + MAX_CANDS] = { 0 };
	omni_record recs[1 + MAX_CANDS];
	const omni_record *stored[1 + MAX_CANDS];
	size_t ns = 0;
	omni_link_parts parts = { 0 };
	char *merged = NULL;
	int status = -1;

	memset(&v, 0, sizeof v);
	if (explain)
		*explain = NULL;
	omni_link_cache_reset(l);
	if (input_read(l, rec, &in, err) < 0 || order_owner_keys(l, &in, err) < 0 ||
	    decide(l, &in, &v, err) < 0)
		goto out;
	omni_time_format(in.first, at);
	sqlite3_stmt *st = omni_link_stmt(l, OMNI_LS_CUST_PUT);
	char *name = v.via_mail ? NULL :
		omni_json_string(omni_json_get(omni_record_get(rec, "customer"), "name"), NULL);
	put_text(st, 1, v.customer);
	if (name)
		put_text(st, 2, name);
	put_text(st, 3, at);
	int rc = step_done(l, st, err);
	free(name);
	if (rc < 0 || omni_link_keys_store(l, v.customer, &in.keys, in.channel, in.id, at,
	                                    v.via_mail, err) < 0)
		goto out;
	/* The stored conversation(s), read before the rows move. */
	for (size_t i = 0; i <= v.nbridged; i++) {
		omni_time c = 0;
		const char *t = i ? v.bridged[i - 1] : v.ticket;
		char *text = i || !v.new_ticket ? stored_record(l, t, &c) : NULL;
		if (!text)
			continue;
		omni_record_init(&recs[ns]);
		texts[ns] = text;
		if (omni_record_parse(&recs[ns], text, strlen(text), NULL) < 0) {
			omni_record_free(&recs[ns]);
			free(text);
			texts[ns] = NULL;
			continue;
		}
		if (c && (!parts.created_at || c < parts.created_at))
			parts.created_at = c;
		stored[ns] = &recs[ns];
		ns++;
	}
	for (size_t i = 0; i < v.nbridged; i++)
		if (absorb(l, v.ticket, v.bridged[i], err) < 0)
			goto out;
	/* A new ticket has absorbed this record only; a new customer has no
	 * other ticket: nothing to look up. */
	if (v.new_ticket && !v.nbridged && !ns &&
	    !(parts.merged_from_json = merged = json_list(in.id))) {
		omni_error_set(err, OMNI_EX_SOFTWARE, NULL, 0, 0, "out of memory");
		goto out;
	}
	if (v.who.created)
		parts.history_json = "[]";
	if (put_rows(l, &in, &v, at, err) < 0 ||
	    omni_link_emit(l, rec, stored, ns, v.ticket, v.customer, &parts, out, err) < 0)
		goto out;
	if (explain && l->o.explain)
		*explain = explain_text(&in, &v);
	status = 0;
out:
	for (size_t i = 0; i < ns; i++) {
		omni_record_free(&recs[i]);
		free(texts[i]);
	}
	input_free(&in);
	free(merged);
	/* No statement may hold a read snapshot past the record: a lingering
	 * one keeps the WAL from being checkpointed. */
	for (int i = 0; i < OMNI_LS_COUNT; i++)
		sqlite3_reset(l->st[i]);
	return status;
}
