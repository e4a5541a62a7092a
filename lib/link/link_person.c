/*
 * link_person.c - a person's data on request (omni-link(1), "Personal
 * data"): who a key names, everything the store holds of her as one
 * document, and what of hers an NDJSON file holds (the redactor).
 */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "link_int.h"
#include "ident/ident.h"

/* ------------------------------------------------------------------ */
/* Who a key names */

static int
add_customer(omni_link_person *p, const char *cid)
{
	char (*v)[40];

	if (!cid || strlen(cid) >= 40)
		return 0;
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->customers[i], cid) == 0)
			return 0;
	if (!(v = realloc(p->customers, (p->n + 1) * sizeof *v)))
		return -1;
	p->customers = v;
	snprintf(v[p->n++], 40, "%s", cid);
	return 0;
}

/* Every first column of statement which, run with a and b (b may be
 * NULL), added as customers.  0 or -1 with err. */
static int
customers_of(omni_link *l, omni_link_person *p, int which, const char *a,
             const char *b, omni_error *err)
{
	omni_stmt *st = omni_link_stmt(l, which);
	int step;

	if (!st)
		return omni_store_error(l->store, err, "cannot prepare a statement"), -1;
	omni_stmt_bind_str(st, 1, a);
	if (b)
		omni_stmt_bind_str(st, 2, b);
	while ((step = omni_stmt_step(st, err, "cannot read customers")) == OMNI_STMT_ROW)
		if (add_customer(p, omni_stmt_text(st, 0)) < 0) {
			omni_stmt_reset(st);
			return omni_error_oom(err), -1;
		}
	omni_stmt_reset(st);
	return step < 0 ? -1 : 0;
}

static int
ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);

	return n >= m && strcmp(s + n - m, tail) == 0;
}

/* kind and value of key as the store keeps them; -1 when not a key. */
static int
parse_key(const char *key, char kind[24], char **value)
{
	const char *colon = strchr(key, ':'), *v = key;
	char k[24] = "";

	*value = NULL;
	if (strncmp(key, "cus-", 4) == 0)
		snprintf(k, sizeof k, "customer");
	else if (strncmp(key, "tk-", 3) == 0)
		snprintf(k, sizeof k, "ticket");
	else if (key[0] == '#')
		snprintf(k, sizeof k, "order");
	else if (key[0] == '+')
		snprintf(k, sizeof k, "phone");
	else if (colon && colon > key && (size_t)(colon - key) < sizeof k &&
	         strspn(key, "abcdefghijklmnopqrstuvwxyz_") == (size_t)(colon - key)) {
		memcpy(k, key, (size_t)(colon - key));
		v = colon + 1;
	} else if (strchr(key, '@'))
		snprintf(k, sizeof k, "email");
	else
		return -1;
	if (!*v)
		return -1;
	if (strcmp(k, "email") == 0 || strchr(v, '@')) {
		char *e = omni_ident_email(v);
		if (!e)
			return -1;
		snprintf(kind, 24, "%s", strcmp(k, "email") ? k :
		         strstr(e, "@marketplace.amazon.") ? "amazon" :
		         ends_with(e, "@members.ebay.com") ? "ebay_alias" : "email");
		*value = e;
		return 0;
	}
	if (strcmp(k, "phone") == 0) {
		if (!(*value = omni_ident_phone(v, NULL)))
			return -1;
	} else if (strcmp(k, "order") == 0) {
		char *o = omni_link_order_key("", v);
		if (!o)
			return -1;
		*value = strdup(o + 1);   /* the number, as link_ticket_orders keeps it */
		free(o);
	} else {
		*value = strdup(v);
	}
	if (!*value)
		return -1;
	snprintf(kind, 24, "%s", k);
	return 0;
}

int
omni_link_person_find(omni_link *l, const char *key, omni_link_person *p,
                      omni_error *err)
{
	int rc;

	memset(p, 0, sizeof *p);
	if (parse_key(key, p->kind, &p->value) < 0)
		return omni_error_set(err, OMNI_EX_USAGE, NULL, 0, 0,
		                      "not a key: %s (an e-mail address, +phone, #order, "
		                      "cus-..., tk-... or KIND:VALUE)", key), -1;
	if (strcmp(p->kind, "customer") == 0) {
		omni_stmt *st = omni_link_stmt(l, OMNI_LS_PD_CUSTOMER);
		omni_stmt_bind_str(st, 1, p->value);
		rc = omni_stmt_step(st, err, "cannot read customers");
		omni_stmt_reset(st);
		if (rc == OMNI_STMT_ROW && add_customer(p, p->value) < 0)
			return omni_error_oom(err), -1;
		return rc < 0 ? -1 : 0;
	}
	if (strcmp(p->kind, "ticket") == 0)
		return customers_of(l, p, OMNI_LS_PD_TICKET_CUSTOMER, p->value, NULL, err);
	if (strcmp(p->kind, "order") == 0) {
		if (customers_of(l, p, OMNI_LS_PD_ORDER_BUYERS, p->value, NULL, err) < 0)
			return -1;
		return p->n ? 0 : customers_of(l, p, OMNI_LS_PD_ORDER_TICKETS, p->value, NULL, err);
	}
	return customers_of(l, p, OMNI_LS_PD_KEY_CUSTOMERS, p->kind, p->value, err);
}

void
omni_link_person_free(omni_link_person *p)
{
	free(p->value);
	free(p->customers);
	memset(p, 0, sizeof *p);
}

/* ------------------------------------------------------------------ */
/* The document */

/* Column i as a JSON string, or null. */
static json_t *
jcol(omni_stmt *st, int i)
{
	const char *t = omni_stmt_text(st, i);

	return t ? json_stringn(t, omni_stmt_bytes(st, i)) : json_null();
}

/* Each row of statement which (bound to customer) as an object of its
 * columns, appended to a new array; NULL with err. */
static json_t *
rows(omni_link *l, int which, const char *customer, omni_error *err)
{
	omni_stmt *st = omni_link_stmt(l, which);
	json_t *a = json_array();
	int step;

	if (!st || !a) {
		json_decref(a);
		return st ? (omni_error_oom(err), NULL) :
		       (omni_store_error(l->store, err, "cannot prepare a statement"), NULL);
	}
	omni_stmt_bind_str(st, 1, customer);
	while ((step = omni_stmt_step(st, err, "cannot read the store")) == OMNI_STMT_ROW) {
		json_t *o = json_object();
		for (int i = 0; o && i < omni_stmt_columns(st); i++) {
			const char *name = omni_stmt_name(st, i);
			if (strcmp(name, "rowid") == 0)
				continue;
			if (omni_stmt_type(st, i) == OMNI_STMT_INT)
				json_object_set_new(o, name, json_integer(omni_stmt_int64(st, i)));
			else if (strcmp(name, "items") == 0 && omni_stmt_text(st, i))
				json_object_set_new(o, name, json_loads(omni_stmt_text(st, i), 0, NULL));
			else
				json_object_set_new(o, name, jcol(st, i));
		}
		json_array_append_new(a, o);
	}
	omni_stmt_reset(st);
	if (step < 0) {
		json_decref(a);
		return NULL;
	}
	return a;
}

/* Does any ticket of doc have id, or name it in merged_from? */
static int
names_ticket_or_record(const json_t *tickets, const char *stage, const char *key)
{
	size_t i, j;
	json_t *t, *m;

	json_array_foreach(tickets, i, t) {
		if (strcmp(stage, "link") == 0) {
			if (json_is_string(json_object_get(t, "id")) &&
			    strcmp(json_string_value(json_object_get(t, "id")), key) == 0)
				return 1;
			continue;
		}
		json_array_foreach(json_object_get(t, "merged_from"), j, m)
			if (json_is_string(m) && strcmp(json_string_value(m), key) == 0)
				return 1;
	}
	return 0;
}

/* The notes of the hand-off that are hers: her tickets (stage link), the
 * records her tickets hold or records not yet linked that show one of
 * her keys (stage fetch). */
static json_t *
handoff_rows(omni_link *l, const json_t *tickets, omni_link_redactor *r,
             omni_error *err)
{
	omni_stmt *st = omni_link_stmt(l, OMNI_LS_PD_HANDOFF);
	json_t *a = json_array();
	int step;

	if (!st || !a) {
		json_decref(a);
		return omni_error_oom(err), NULL;
	}
	while ((step = omni_stmt_step(st, err, "cannot read the hand-off")) == OMNI_STMT_ROW) {
		const char *stage = omni_stmt_text(st, 0), *key = omni_stmt_text(st, 1);
		const char *rec = omni_stmt_text(st, 2);
		if (!stage || !key)
			continue;
		if (!names_ticket_or_record(tickets, stage, key) &&
		    !(rec && omni_link_redactor_match(r, rec, omni_stmt_bytes(st, 2))))
			continue;
		/* A text that is not JSON is listed as a string. */
		json_t *r = rec ? json_loadb(rec, omni_stmt_bytes(st, 2), 0, NULL) : json_null();
		if (!r)
			r = json_stringn(rec, omni_stmt_bytes(st, 2));
		if (json_array_append_new(a, json_pack("{s:s, s:s, s:o, s:o?}", "stage", stage,
		                                       "key", key, "at", jcol(st, 3),
		                                       "record", r)) < 0) {
			omni_stmt_reset(st);
			json_decref(a);
			return omni_error_oom(err), NULL;
		}
	}
	omni_stmt_reset(st);
	if (step < 0) {
		json_decref(a);
		return NULL;
	}
	return a;
}

/* Does the file at path hold one of the words (case aside)? */
static int
file_holds(const char *path, const json_t *words)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, r, i;
	int found = 0;
	json_t *w;

	if (!f)
		return 0;
	for (;;) {
		if (n + 65536 > cap) {
			char *nb = cap > (64u << 20) ? NULL : realloc(buf, cap = cap * 2 + 65536);
			if (!nb)
				break;
			buf = nb;
		}
		if ((r = fread(buf + n, 1, cap - n, f)) == 0)
			break;
		n += r;
	}
	fclose(f);
	for (i = 0; i < n; i++)
		buf[i] = (char)tolower((unsigned char)buf[i]);
	json_array_foreach(words, i, w) {
		const char *s = json_string_value(w);
		if (s && *s && n && memmem(buf, n, s, strlen(s))) {
			found = 1;
			break;
		}
	}
	free(buf);
	return found;
}

/* The mails set aside in quarantine/ beside the store (its SOURCE/KEY
 * files) that hold one of words, appended to a. */
static void
quarantine_scan(const char *dir, const json_t *words, json_t *a, int depth)
{
	DIR *d = depth > 2 ? NULL : opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d))) {
		char *path;
		struct stat sb;
		if (e->d_name[0] == '.' || asprintf(&path, "%s/%s", dir, e->d_name) < 0)
			continue;
		if (lstat(path, &sb) < 0)
			;
		else if (S_ISDIR(sb.st_mode))
			quarantine_scan(path, words, a, depth + 1);
		else if (S_ISREG(sb.st_mode) && file_holds(path, words))
			json_array_append_new(a, json_string(path));
		free(path);
	}
	closedir(d);
}

/* Her addresses (lowercase), what a quarantined mail would show. */
static json_t *
mail_words(const json_t *keys)
{
	json_t *w = json_array(), *k;
	size_t i;

	json_array_foreach(keys, i, k) {
		const char *v = json_string_value(json_object_get(k, "value"));
		if (v && strchr(v, '@'))
			json_array_append_new(w, json_string(v));
	}
	return w;
}

static json_t *
quarantine_files(omni_link *l, const json_t *keys)
{
	char *copy = omni_store_dir(l->store), *dir = NULL;
	json_t *a = json_array(), *words = mail_words(keys);

	if (copy && asprintf(&dir, "%s/quarantine", copy) >= 0 && json_array_size(words))
		quarantine_scan(dir, words, a, 1);
	free(dir);
	free(copy);
	json_decref(words);
	return a;
}

/* Is a message of this id in a? */
static int
message_in(const json_t *a, const char *id)
{
	size_t i;
	json_t *m;

	json_array_foreach(a, i, m)
		if (id && json_is_string(json_object_get(m, "id")) &&
		    strcmp(json_string_value(json_object_get(m, "id")), id) == 0)
			return 1;
	return 0;
}

/* A long ticket's messages, all of them, into t: those its record left
 * out from their rows, oldest first, then the record's own
 * (omni-ticket(5), "Long tickets"). */
static int
whole_timeline(omni_link *l, int64_t seq, json_t *t, omni_error *err)
{
	omni_stmt *st = omni_link_stmt(l, OMNI_LS_PD_MESSAGES);
	json_t *a = json_array();
	int step;

	if (!st || !a) {
		json_decref(a);
		return omni_store_error(l->store, err, "cannot read messages"), -1;
	}
	omni_stmt_bind_int64(st, 1, seq);
	while ((step = omni_stmt_step(st, err, "cannot read messages")) == OMNI_STMT_ROW) {
		json_t *m = json_loadb(omni_stmt_text(st, 0), omni_stmt_bytes(st, 0), 0, NULL);
		if (m)
			json_array_append_new(a, m);
	}
	omni_stmt_reset(st);
	if (step < 0) {
		json_decref(a);
		return -1;
	}
	json_t *own = json_object_get(t, "messages"), *m;
	size_t i;
	json_array_foreach(own, i, m)
		if (!message_in(a, json_string_value(json_object_get(m, "id"))))
			json_array_append(a, m);
	json_object_set_new(t, "messages", a);
	return 0;
}

/* Her tickets: each record whole, as the store keeps it, a long one's
 * messages all of them. */
static json_t *
tickets_of(omni_link *l, const char *customer, omni_error *err)
{
	omni_stmt *st = omni_link_stmt(l, OMNI_LS_PD_TICKETS);
	json_t *a = json_array();
	int step;

	omni_stmt_bind_str(st, 1, customer);
	while ((step = omni_stmt_step(st, err, "cannot read tickets")) == OMNI_STMT_ROW) {
		const char *rec = omni_stmt_text(st, 2);
		json_t *t = rec ? json_loadb(rec, omni_stmt_bytes(st, 2), 0, NULL) : NULL;
		if (!json_is_object(t)) {
			json_decref(t);
			t = json_pack("{s:s}", "id", omni_stmt_text(st, 0));
		} else if (json_object_get(t, "earlier") &&
		           whole_timeline(l, omni_stmt_int64(st, 1), t, err) < 0) {
			json_decref(t);
			step = -1;
			break;
		}
		json_array_append_new(a, t);
	}
	omni_stmt_reset(st);
	if (step < 0) {
		json_decref(a);
		return NULL;
	}
	return a;
}

json_t *
omni_link_person_export(omni_link *l, const char *customer, omni_error *err)
{
	omni_stmt *st = omni_link_stmt(l, OMNI_LS_PD_CUSTOMER);
	json_t *doc = NULL, *cust, *keys = NULL, *tickets = NULL;
	omni_link_redactor *r = NULL;
	omni_link_person p = { .kind = "customer" };
	char at[40];
	int step;

	omni_stmt_bind_str(st, 1, customer);
	if ((step = omni_stmt_step(st, err, "cannot read customers")) != OMNI_STMT_ROW) {
		omni_stmt_reset(st);
		if (step == OMNI_STMT_DONE)
			omni_error_set(err, OMNI_EX_DATAERR, NULL, 0, 0, "no customer %s", customer);
		return NULL;
	}
	cust = json_pack("{s:o, s:o, s:o, s:o}", "id", jcol(st, 0), "name", jcol(st, 1),
	                 "created_at", jcol(st, 2), "updated_at", jcol(st, 3));
	omni_stmt_reset(st);
	omni_time_format(omni_clock_now(), at);
	doc = json_pack("{s:s, s:o}", "exported_at", at, "customer", cust);
	if (!doc || !(keys = rows(l, OMNI_LS_PD_KEYS, customer, err)) ||
	    json_object_set_new(doc, "keys", keys) < 0 ||
	    !(tickets = tickets_of(l, customer, err)) ||
	    json_object_set_new(doc, "tickets", tickets) < 0 ||
	    json_object_set_new(doc, "orders", rows(l, OMNI_LS_PD_ORDERS, customer, err)) < 0 ||
	    json_object_set_new(doc, "accounts", rows(l, OMNI_LS_PD_ACCOUNTS, customer, err)) < 0 ||
	    json_object_set_new(doc, "sends", rows(l, OMNI_LS_PD_SENDS, customer, err)) < 0)
		goto fail;
	p.value = (char *)customer;
	if (!(r = omni_link_redactor_new()) || add_customer(&p, customer) < 0 ||
	    omni_link_redactor_add(l, r, &p, err) < 0 ||
	    json_object_set_new(doc, "handoff", handoff_rows(l, tickets, r, err)) < 0 ||
	    json_object_set_new(doc, "quarantine", quarantine_files(l, keys)) < 0 ||
	    json_object_set_new(doc, "erasures", rows(l, OMNI_LS_PD_ERASURES, customer, err)) < 0)
		goto fail;
	free(p.customers);
	omni_link_redactor_free(r);
	return doc;
fail:
	free(p.customers);
	omni_link_redactor_free(r);
	json_decref(doc);
	if (!err->status)
		omni_error_oom(err);
	return NULL;
}

/* ------------------------------------------------------------------ */
/* The redactor */

struct omni_link_redactor {
	char **ids;               /* ticket, record and customer ids */
	size_t nids;
	omni_link_keys keys;      /* keys that make a record theirs */
};

omni_link_redactor *
omni_link_redactor_new(void)
{
	return calloc(1, sizeof(omni_link_redactor));
}

void
omni_link_redactor_free(omni_link_redactor *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nids; i++)
		free(r->ids[i]);
	free(r->ids);
	omni_link_keys_free(&r->keys);
	free(r);
}

static int
add_id(omni_link_redactor *r, const char *id)
{
	char **v;

	if (!id || !*id)
		return 0;
	for (size_t i = 0; i < r->nids; i++)
		if (strcmp(r->ids[i], id) == 0)
			return 0;
	if (!(v = realloc(r->ids, (r->nids + 1) * sizeof *v)) || !(v[r->nids] = strdup(id))) {
		if (v)
			r->ids = v;
		return -1;
	}
	r->ids = v;
	r->nids++;
	return 0;
}

/* A customer's ids (hers, her tickets', the records they hold) and
 * strong keys. */
static int
add_customer_ids(omni_link *l, omni_link_redactor *r, const char *cid, omni_error *err)
{
	omni_stmt *st;
	int step;
	struct { char *id; int64_t seq; } *t = NULL;
	size_t n = 0;

	if (add_id(r, cid) < 0)
		return omni_error_oom(err), -1;
	st = omni_link_stmt(l, OMNI_LS_PD_TICKETS);
	omni_stmt_bind_str(st, 1, cid);
	while ((step = omni_stmt_step(st, err, "cannot read tickets")) == OMNI_STMT_ROW) {
		void *nt = realloc(t, (n + 1) * sizeof *t);
		if (!nt)
			break;
		t = nt;
		t[n].id = strdup(omni_stmt_text(st, 0));
		t[n++].seq = omni_stmt_int64(st, 1);
	}
	omni_stmt_reset(st);
	for (size_t i = 0; i < n && step >= 0; i++) {
		if (add_id(r, t[i].id) < 0) {
			step = (omni_error_oom(err), -1);
			break;
		}
		st = omni_link_stmt(l, OMNI_LS_PD_SOURCES);
		omni_stmt_bind_int64(st, 1, t[i].seq);
		while ((step = omni_stmt_step(st, err, "cannot read links")) == OMNI_STMT_ROW)
			if (add_id(r, omni_stmt_text(st, 0)) < 0) {
				step = (omni_error_oom(err), -1);
				break;
			}
		omni_stmt_reset(st);
	}
	for (size_t i = 0; i < n; i++)
		free(t[i].id);
	free(t);
	if (step < 0)
		return -1;
	st = omni_link_stmt(l, OMNI_LS_PD_KEYS);
	omni_stmt_bind_str(st, 1, cid);
	while ((step = omni_stmt_step(st, err, "cannot read keys")) == OMNI_STMT_ROW) {
		const char *kind = omni_stmt_text(st, 0), *value = omni_stmt_text(st, 1);
		/* A weak key (a household's phone, a shop's address) is not hers alone. */
		if (omni_stmt_int64(st, 2) < OMNI_LINK_STRONG || !kind || !value ||
		    strcmp(kind, "order") == 0)
			continue;
		if (omni_link_keys_add(&r->keys, kind, value, 100, 0, 1, NULL, "sender") < 0) {
			omni_stmt_reset(st);
			return omni_error_oom(err), -1;
		}
	}
	omni_stmt_reset(st);
	return step < 0 ? -1 : 0;
}

int
omni_link_redactor_add(omni_link *l, omni_link_redactor *r, const omni_link_person *p,
                       omni_error *err)
{
	/* The key itself, named by the user: whatever its strength. */
	if (strcmp(p->kind, "customer") == 0 || strcmp(p->kind, "ticket") == 0) {
		if (add_id(r, p->value) < 0)
			return omni_error_oom(err), -1;
	} else if (strcmp(p->kind, "order") != 0 &&
	           omni_link_keys_add(&r->keys, p->kind, p->value, 100, 0, 1, NULL, "sender") < 0) {
		return omni_error_oom(err), -1;
	}
	for (size_t i = 0; i < p->n; i++)
		if (add_customer_ids(l, r, p->customers[i], err) < 0)
			return -1;
	return 0;
}

static int
has_id(const omni_link_redactor *r, omni_span v)
{
	char buf[600];

	if (omni_json_string_buf(v, buf, sizeof buf) < 0)
		return 0;
	for (size_t i = 0; i < r->nids; i++)
		if (strcmp(r->ids[i], buf) == 0)
			return 1;
	return 0;
}

/* The bytes hold s, case aside? */
static int
bytes_hold(const char *p, size_t n, const char *s)
{
	size_t m = strlen(s);

	for (size_t i = 0; m && i + m <= n; i++)
		if (strncasecmp(p + i, s, m) == 0)
			return 1;
	return 0;
}

int
omni_link_redactor_match(omni_link_redactor *r, const char *line, size_t len)
{
	omni_record rec;
	omni_error err = { 0 };
	omni_link_keys ks = { 0 };
	omni_jiter it;
	omni_span v;
	int hers = 0;

	omni_record_init(&rec);
	if (omni_record_parse(&rec, line, len, &err) < 0) {
		/* Not a record (a reject file's line): any id or key in it. */
		for (size_t i = 0; i < r->nids && !hers; i++)
			hers = bytes_hold(line, len, r->ids[i]);
		for (size_t i = 0; i < r->keys.n && !hers; i++)
			hers = bytes_hold(line, len, r->keys.v[i].value);
		omni_record_free(&rec);
		return hers;
	}
	hers = has_id(r, omni_record_get(&rec, "id")) ||
	       has_id(r, omni_json_get(omni_record_get(&rec, "customer"), "id"));
	omni_json_iter(&it, omni_record_get(&rec, "merged_from"));
	while (!hers && omni_json_next(&it, NULL, &v))
		hers = has_id(r, v);
	if (!hers && omni_link_keys_collect(&rec, NULL, &ks) == 0)
		for (size_t i = 0; i < ks.n && !hers; i++) {
			if (!ks.v[i].direct || strcmp(ks.v[i].kind, "order") == 0)
				continue;
			for (size_t j = 0; j < r->keys.n && !hers; j++)
				hers = strcmp(ks.v[i].kind, r->keys.v[j].kind) == 0 &&
				       strcmp(ks.v[i].value, r->keys.v[j].value) == 0;
		}
	omni_link_keys_free(&ks);
	omni_record_free(&rec);
	return hers;
}
