/*
 * desk_set.c - the tickets file read as the tickets it holds: every
 * pipeline run appends each ticket's new version, so the last line of an
 * id is the ticket as it stands, and a ticket another absorbed
 * (merged_from) is gone.
 */
#include <stdlib.h>
#include <string.h>

#include "desk/desk.h"

static size_t
hash(const char *s)
{
	size_t h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

/* The ticket of id, or NULL and *where the empty slot it would take
 * (open addressing, linear probing; nslots a power of two). */
static omni_desk_ticket **
lookup(omni_desk_set *s, const char *id, size_t **where)
{
	size_t i, mask = s->nslots - 1;

	*where = NULL;
	if (!s->nslots)
		return NULL;
	for (i = hash(id) & mask;; i = (i + 1) & mask) {
		if (!s->slots[i]) {
			*where = &s->slots[i];
			return NULL;
		}
		if (strcmp(s->v[s->slots[i] - 1]->id, id) == 0)
			return &s->v[s->slots[i] - 1];
	}
}

static int
grow(omni_desk_set *s)
{
	size_t want = s->nslots ? s->nslots * 2 : 1024, *old = s->slots, nold = s->nslots;

	if (!(s->slots = calloc(want, sizeof *s->slots))) {
		s->slots = old;
		return -1;
	}
	s->nslots = want;
	for (size_t i = 0; i < nold; i++) {
		size_t *w;
		if (old[i] && !lookup(s, s->v[old[i] - 1]->id, &w))
			*w = old[i];
	}
	free(old);
	return 0;
}

static void
ticket_free(omni_desk_ticket *t)
{
	if (!t)
		return;
	omni_record_free(&t->rec);
	free(t->text);
	free(t->id);
	free(t);
}

/* Marks the tickets rec absorbed as gone. */
static void
absorbed(omni_desk_set *s, const omni_record *rec, const char *self)
{
	omni_jiter it;
	omni_span v;
	char id[512];
	size_t *w;

	omni_json_iter(&it, omni_record_get(rec, "merged_from"));
	while (omni_json_next(&it, NULL, &v)) {
		omni_desk_ticket **t;
		if (omni_json_string_buf(v, id, sizeof id) <= 0 || strcmp(id, self) == 0)
			continue;
		if ((t = lookup(s, id, &w)))
			(*t)->gone = 1;
	}
}

int
omni_desk_set_add(omni_desk_set *s, const omni_record *rec, omni_error *err)
{
	omni_desk_ticket *t = calloc(1, sizeof *t), **had;
	size_t *w;

	if (!t)
		return omni_error_oom(err);
	omni_record_init(&t->rec);
	t->id = omni_json_string(omni_record_get(rec, "id"), NULL);
	if (!t->id || !(t->text = malloc(rec->len + 1)))
		goto oom;
	memcpy(t->text, rec->text, rec->len);
	t->len = rec->len;
	while (t->len && (t->text[t->len - 1] == '\n' || t->text[t->len - 1] == '\r'))
		t->len--;
	t->text[t->len] = '\0';
	if (omni_record_parse(&t->rec, t->text, t->len, err) < 0) {
		ticket_free(t);
		return -1;
	}
	/* a person merged it into another */
	t->gone = omni_json_type(omni_json_get(omni_record_get(&t->rec, "desk"), "merged_into")) ==
	          OMNI_J_STRING;
	if ((s->n + 1) * 2 > s->nslots && grow(s) < 0)
		goto oom;
	if ((had = lookup(s, t->id, &w)) && (*had)->len == t->len &&
	    memcmp((*had)->text, t->text, t->len) == 0) {
		/* the same line again (one the index found, then the whole
		 * file): the ticket a caller may hold stays */
		(*had)->gone = t->gone;
		ticket_free(t);
		t = *had;
	} else if (had) {
		ticket_free(*had);
		*had = t;
	} else {
		if (s->n == s->cap) {
			size_t cap = s->cap ? s->cap * 2 : 256;
			omni_desk_ticket **v = realloc(s->v, cap * sizeof *v);
			if (!v)
				goto oom;
			s->v = v;
			s->cap = cap;
		}
		s->v[s->n++] = t;
		*w = s->n;
	}
	absorbed(s, &t->rec, t->id);
	return 0;
oom:
	ticket_free(t);
	return omni_error_oom(err);
}

void
omni_desk_set_free(omni_desk_set *s)
{
	for (size_t i = 0; i < s->n; i++)
		ticket_free(s->v[i]);
	free(s->v);
	free(s->slots);
	memset(s, 0, sizeof *s);
}

omni_desk_ticket *
omni_desk_set_get(omni_desk_set *s, const char *id)
{
	size_t *w;
	omni_desk_ticket **t = lookup(s, id, &w);

	return t ? *t : NULL;
}

omni_desk_ticket *
omni_desk_find(omni_desk_set *s, const char *id, omni_error *err)
{
	omni_desk_ticket **t, *found = NULL;
	size_t *w;
	size_t len = strlen(id), many = 0;

	if ((t = lookup(s, id, &w)) && !(*t)->gone)
		return *t;
	for (size_t i = 0; len && i < s->n; i++)
		if (!s->v[i]->gone && strncmp(s->v[i]->id, id, len) == 0) {
			found = s->v[i];
			many++;
		}
	if (many == 1)
		return found;
	omni_error_set(err, many ? OMNI_EX_USAGE : OMNI_EX_DATAERR, NULL, 0, 0,
	               many ? "%s: %zu tickets start so: say more of the id"
	                    : "%s: no such ticket in the tickets file", id, many);
	return NULL;
}
