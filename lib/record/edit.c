/* edit.c - writing a record with some members changed.
 *
 * Members the edit does not touch are copied from the input line byte for
 * byte; runs of members that were already joined by a bare ',' go out in
 * one piece, so a compact line that nothing changes is written as it came. */
#include <stdlib.h>
#include <string.h>

#include "record/record.h"

typedef struct change {
	char *key;          /* plain UTF-8, as given */
	size_t keylen;
	char *rawkey;       /* key as JSON string text, without the quotes */
	size_t rawlen;
	char *json;         /* new value; NULL when removed */
	size_t len;
} change;

struct omni_edit {
	change *changes;
	size_t n, cap;
};

omni_edit *
omni_edit_new(void)
{
	return calloc(1, sizeof(omni_edit));
}

void
omni_edit_reset(omni_edit *e)
{
	for (size_t i = 0; i < e->n; i++) {
		free(e->changes[i].key);
		free(e->changes[i].rawkey);
		free(e->changes[i].json);
	}
	e->n = 0;
}

void
omni_edit_free(omni_edit *e)
{
	if (!e)
		return;
	omni_edit_reset(e);
	free(e->changes);
	free(e);
}

/* key escaped as JSON string text (no quotes): new, NULL on failure. */
static char *
escape_key(const char *key, size_t *len)
{
	static const char hex[] = "0123456789abcdef";
	size_t n = strlen(key);
	char *out = malloc(n * 6 + 1), *o = out;

	if (!out)
		return NULL;
	for (const unsigned char *s = (const unsigned char *)key; *s; s++) {
		switch (*s) {
		case '"': *o++ = '\\'; *o++ = '"'; break;
		case '\\': *o++ = '\\'; *o++ = '\\'; break;
		case '\n': *o++ = '\\'; *o++ = 'n'; break;
		case '\r': *o++ = '\\'; *o++ = 'r'; break;
		case '\t': *o++ = '\\'; *o++ = 't'; break;
		case '\b': *o++ = '\\'; *o++ = 'b'; break;
		case '\f': *o++ = '\\'; *o++ = 'f'; break;
		default:
			if (*s < 0x20) {
				memcpy(o, "\\u00", 4);
				o[4] = hex[*s >> 4];
				o[5] = hex[*s & 15];
				o += 6;
			} else {
				*o++ = (char)*s;
			}
		}
	}
	*o = '\0';
	*len = (size_t)(o - out);
	return out;
}

/* The change for key, added at the end when new; NULL when out of memory. */
static change *
find_or_add(omni_edit *e, const char *key)
{
	change *c;

	for (size_t i = 0; i < e->n; i++)
		if (strcmp(e->changes[i].key, key) == 0)
			return &e->changes[i];
	if (e->n == e->cap) {
		size_t cap = e->cap ? e->cap * 2 : 8;
		change *n = realloc(e->changes, cap * sizeof *n);
		if (!n)
			return NULL;
		e->changes = n;
		e->cap = cap;
	}
	c = &e->changes[e->n];
	memset(c, 0, sizeof *c);
	if (!(c->key = strdup(key)) || !(c->rawkey = escape_key(key, &c->rawlen))) {
		free(c->key);
		return NULL;
	}
	c->keylen = strlen(key);
	e->n++;
	return c;
}

int
omni_edit_set_raw(omni_edit *e, const char *key, const char *json, size_t len)
{
	change *c = find_or_add(e, key);
	char *copy = malloc(len + 1);

	if (!c || !copy) {
		free(copy);
		return -1;
	}
	memcpy(copy, json, len);
	copy[len] = '\0';
	free(c->json);
	c->json = copy;
	c->len = len;
	return 0;
}

int
omni_edit_remove(omni_edit *e, const char *key)
{
	change *c = find_or_add(e, key);

	if (!c)
		return -1;
	free(c->json);
	c->json = NULL;
	c->len = 0;
	return 0;
}

static int
has_backslash(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] == '\\')
			return 1;
	return 0;
}

/* Index of the change for a raw member key, or -1.  The same bytes as the
 * key's own escaped form settle it at once; other text can only match
 * through an escape, which makes it longer than the key. */
static long
lookup(const omni_edit *e, omni_span rawkey)
{
	for (size_t i = 0; i < e->n; i++) {
		const change *c = &e->changes[i];
		if (rawkey.n == c->rawlen && memcmp(c->rawkey, rawkey.p, rawkey.n) == 0)
			return (long)i;
		if (rawkey.n > c->keylen && has_backslash(rawkey.p, rawkey.n) &&
		    omni_json_key_eq(rawkey, c->key))
			return (long)i;
	}
	return -1;
}

/* Writes "key":json with a separator before it unless it is the first. */
static int
put_member(omni_out *o, int *first, const char *key, size_t klen,
           const char *json, size_t len)
{
	if ((!*first && omni_out_write(o, ",", 1) < 0) ||
	    omni_out_write(o, "\"", 1) < 0 || omni_out_write(o, key, klen) < 0 ||
	    omni_out_write(o, "\":", 2) < 0 || omni_out_write(o, json, len) < 0)
		return -1;
	*first = 0;
	return 0;
}

int
omni_record_write(omni_out *o, const omni_record *r, const omni_edit *e)
{
	unsigned char small[64], *done = small;
	const char *run = NULL, *run_end = NULL;
	size_t nch = e ? e->n : 0;
	int first = 1, rc = -1;

	/* done[i]: change i has been written in place (or was a removal). */
	if (nch > sizeof small && !(done = malloc(nch)))
		return -1;
	memset(done, 0, nch);
	if (omni_out_write(o, "{", 1) < 0)
		goto out;
	for (size_t i = 0; i < r->nmembers; i++) {
		const omni_member *m = &r->members[i];
		const char *start = m->key.p - 1, *end = m->value.p + m->value.n;
		long c = nch ? lookup(e, m->key) : -1;

		if (c < 0 && m->value.p == m->key.p + m->key.n + 2) {
			/* A compact member: extend the run when a bare ',' joins. */
			if (run && start == run_end + 1 && *run_end == ',') {
				run_end = end;
				continue;
			}
			if (run && (omni_out_write(o, run, (size_t)(run_end - run)) < 0))
				goto out;
			if (!first && omni_out_write(o, ",", 1) < 0)
				goto out;
			run = start;
			run_end = end;
			first = 0;
			continue;
		}
		if (run && omni_out_write(o, run, (size_t)(run_end - run)) < 0)
			goto out;
		run = NULL;
		if (c < 0) {
			if (put_member(o, &first, m->key.p, m->key.n, m->value.p,
			               m->value.n) < 0)
				goto out;
			continue;
		}
		/* Set: the first occurrence takes the new value, repeats go. */
		if (!done[c] && e->changes[c].json &&
		    put_member(o, &first, m->key.p, m->key.n, e->changes[c].json,
		               e->changes[c].len) < 0)
			goto out;
		done[c] = 1;
	}
	if (run && omni_out_write(o, run, (size_t)(run_end - run)) < 0)
		goto out;
	for (size_t c = 0; c < nch; c++) {
		const change *ch = &e->changes[c];
		if (!done[c] && ch->json &&
		    put_member(o, &first, ch->rawkey, ch->rawlen, ch->json, ch->len) < 0)
			goto out;
	}
	rc = omni_out_write(o, "}\n", 2);
out:
	if (done != small)
		free(done);
	return rc;
}
