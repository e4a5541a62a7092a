/*
 * link_thread.c - which conversation a record joins: a mail id it carries
 * or replies to, its thread key (a DM sender only inside a window); then,
 * for its customer, a ticket about the same order, a reply subject inside
 * the window, an open ticket inside the window.  A new order on a solved
 * ticket starts a new one.
 */
#include <stdlib.h>
#include <string.h>

#include "link_int.h"

static int
solved(const char *status)
{
	return status && (strcmp(status, "solved") == 0 || strcmp(status, "closed") == 0);
}

#define blocked omni_link_blocked

static int
ticket_has_any_order(omni_link *l, const char *ticket)
{
	omni_stmt *st = omni_link_stmt(l, OMNI_LS_TICKET_ORDERS);
	int rc;

	omni_stmt_bind_int64(st, 1, omni_link_seq(l, ticket));
	rc = omni_stmt_step(st, NULL, NULL) == OMNI_STMT_ROW;
	omni_stmt_reset(st);
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
		omni_stmt *st;
		if (strcmp(in->keys.v[i].kind, "order") != 0)
			continue;
		st = omni_link_stmt(l, OMNI_LS_TICKET_HAS_ORDER);
		omni_stmt_bind_int64(st, 1, omni_link_seq(l, ticket));
		omni_stmt_bind_str(st, 2, in->keys.v[i].value);
		if (omni_stmt_step(st, NULL, NULL) == OMNI_STMT_ROW)
			*some = 1;
		else
			all = 0;
		omni_stmt_reset(st);
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
	omni_stmt *st = omni_link_stmt(l, OMNI_LS_DM_NEAR);
	char lo[40], hi[40];
	int rc;

	omni_time_format(in->first - l->o.dm_window, lo);
	omni_time_format(in->last + l->o.dm_window, hi);
	omni_stmt_bind_int64(st, 1, omni_link_seq(l, ticket));
	omni_stmt_bind_str(st, 2, in->channel);
	omni_stmt_bind_str(st, 3, lo);
	omni_stmt_bind_str(st, 4, hi);
	rc = omni_stmt_step(st, NULL, NULL) == OMNI_STMT_ROW;
	omni_stmt_reset(st);
	return rc;
}

/* A ticket the record's mail ids or thread key name; the first found is
 * joined, later ones are absorbed into it. */
int
omni_link_thread(omni_link *l, input *in, verdict *v, omni_error *err)
{
	const char *probe[MAX_IDS + 1];
	size_t np = 0;

	for (size_t i = 0; i < in->nids; i++)
		probe[np++] = in->ids[i];
	if (in->thread[0])
		probe[np++] = in->thread;
	for (size_t i = 0; i < np; i++) {
		omni_stmt *st = omni_link_stmt(l, OMNI_LS_MSGID_GET);
		int rc, mail = probe[i][0] == 'm';
		omni_stmt_bind_str(st, 1, probe[i]);
		while ((rc = omni_stmt_step(st, NULL, NULL)) == OMNI_STMT_ROW) {
			const char *t = omni_stmt_text(st, 0);
			const char *upd = omni_stmt_text(st, 1);
			const char *status = omni_stmt_text(st, 2);
			int some, dup = strcmp(v->ticket, t) == 0;
			int own = omni_stmt_int64(st, 4) != 0;
			omni_link_seq_keep(l, t, omni_stmt_int64(st, 3));
			(void)upd;
			if (dup && mail)
				v->via_own |= own;
			for (size_t j = 0; j < v->nbridged && !dup; j++)
				dup = strcmp(v->bridged[j], t) == 0;
			if (dup)
				continue;
			if (!mail && omni_link_channel_dm(in->channel) && !dm_near(l, in, t))
				continue;     /* a DM after a long silence: a new conversation */
			if (status && strcmp(status, "closed") == 0) {
				if (!v->follows[0])
					link_copy(v->follows, sizeof v->follows, t);
				continue;     /* closed for good: a new ticket follows it */
			}
			if (solved(status) && !names_orders(l, in, t, &some))
				continue;     /* a new order on a solved ticket */
			if (!v->ticket[0]) {
				link_copy(v->ticket, sizeof v->ticket, t);
				link_copy(v->tkind, sizeof v->tkind, mail ? "message_id" : "thread");
				link_copy(v->tvalue, sizeof v->tvalue, probe[i] + 2);
				v->confidence = mail ? 1.0 : 0.95;
				v->via_mail = mail;
				v->via_own = mail && own;
			} else if (v->nbridged < MAX_CANDS && mail && !blocked(l, v->ticket, t)) {
				link_copy(v->bridged[v->nbridged++], sizeof v->bridged[0], t);
			}
		}
		omni_stmt_reset(st);
		if (rc != OMNI_STMT_DONE)
			return omni_store_error(l->store, err, "reading threads"), -1;
	}
	return 0;
}

/* The customer of a ticket: 0 and cid filled, or -1. */
int
omni_link_ticket_customer(omni_link *l, const char *ticket, char *cid, size_t size,
                omni_error *err)
{
	omni_stmt *st = omni_link_stmt(l, OMNI_LS_TICKET_GET);
	int rc;

	omni_stmt_bind_str(st, 1, ticket);
	rc = omni_stmt_step(st, NULL, NULL);
	if (rc == OMNI_STMT_ROW && omni_stmt_text(st, 0))
		snprintf(cid, size, "%s", omni_stmt_text(st, 0));
	omni_stmt_reset(st);
	if (rc != OMNI_STMT_ROW && rc != OMNI_STMT_DONE)
		return omni_store_error(l->store, err, "reading a ticket"), -1;
	return 0;
}

/* Among the customer's recent tickets: same order, then a reply subject
 * inside the window, then (open_too) an open ticket inside the window. */
int
omni_link_recent(omni_link *l, input *in, verdict *v, int open_too, omni_error *err)
{
	struct {
		char id[40], status[32];
		char *subject;
		omni_time upd;
		int some, all;    /* names some, all of the record's orders */
	} t[8];
	size_t n = 0;
	omni_stmt *st = omni_link_stmt(l, OMNI_LS_CUST_TICKETS);
	int rc, reply = 0, ords = has_orders(in);
	char *subj = omni_link_subject_norm(in->subject, &reply);

	omni_stmt_bind_str(st, 1, v->customer);
	while ((rc = omni_stmt_step(st, NULL, NULL)) == OMNI_STMT_ROW && n < 8) {
		const char *s = omni_stmt_text(st, 2);
		int r;
		link_copy(t[n].id, sizeof t[n].id, omni_stmt_text(st, 0));
		omni_link_seq_keep(l, t[n].id, omni_stmt_int64(st, 4));
		snprintf(t[n].status, sizeof t[n].status, "%s",
		         omni_stmt_text(st, 1) ? omni_stmt_text(st, 1) : "");
		t[n].subject = omni_link_subject_norm(s, &r);
		t[n].upd = 0;
		if (omni_stmt_text(st, 3))
			omni_time_parse(omni_stmt_text(st, 3), &t[n].upd);
		n++;
	}
	omni_stmt_reset(st);
	for (size_t i = 0; i < n; i++) {
		t[i].some = 0;
		t[i].all = ords ? names_orders(l, in, t[i].id, &t[i].some) : 1;
	}
	for (int pass = 0; pass < (open_too ? 3 : 2) && !v->ticket[0]; pass++)
		for (size_t i = 0; i < n && !v->ticket[0]; i++) {
			int some = t[i].some, all = t[i].all;
			int near = absdiff(in->first, t[i].upd) <= l->o.window;
			if (blocked(l, t[i].id, in->id) || (solved(t[i].status) && !all) ||
			    strcmp(t[i].status, "closed") == 0)
				continue;
			if (pass == 0 && some && (near || !solved(t[i].status))) {
				snprintf(v->tkind, sizeof v->tkind, "order");
				for (size_t k = 0; k < in->keys.n && !v->tvalue[0]; k++)
					if (strcmp(in->keys.v[k].kind, "order") == 0)
						link_copy(v->tvalue, sizeof v->tvalue, in->keys.v[k].value);
				v->confidence = 0.9;
			} else if (pass == 1 && reply && near && subj && t[i].subject &&
			           *subj && strcmp(subj, t[i].subject) == 0) {
				snprintf(v->tkind, sizeof v->tkind, "subject");
				link_copy(v->tvalue, sizeof v->tvalue, subj);
				v->confidence = 0.8;
			} else if (pass == 2 && near && !solved(t[i].status) &&
			           (some || !ords || !ticket_has_any_order(l, t[i].id))) {
				snprintf(v->tkind, sizeof v->tkind, "window");
				v->confidence = 0.6;
			} else {
				continue;
			}
			link_copy(v->ticket, sizeof v->ticket, t[i].id);
		}
	for (size_t i = 0; i < n; i++)
		free(t[i].subject);
	free(subj);
	if (rc != OMNI_STMT_DONE && rc != OMNI_STMT_ROW)
		return omni_store_error(l->store, err, "reading tickets"), -1;
	return 0;
}

