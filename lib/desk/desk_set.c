/*
 * desk_set.c - the tickets file read as the tickets it holds: every
 * pipeline run appends each ticket's new version, so the last line of an
 * id is the ticket as it stands, and a ticket another absorbed
 * (merged_from) is gone.
 */
#include <stdlib.h>
#include <string.h>

#include "desk/desk.h"

/* The set's index: ids to positions, open addressing, kept beside the
 * array at v[cap..cap*3) as size_t slots would be; simpler as its own. */
typedef struct slot {
	size_t pos;               /* 1 + index in v; 0 empty */
} slot;

static slot *index_of;        /* one set per process: omni-desk reads one */
static size_t nslots;

static size_t
hash(const char *s)
{
	size_t h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static omni_desk_ticket **
lookup(omni_desk_set *s, const char *id, slot **where)
{
	size_t i;

	*where = NULL;
	if (!nslots)
		return NULL;
	for (i = hash(id) & (nslots - 1);; i = (i + 1) & (nslots - 1)) {
		if (!index_of[i].pos) {
			*where = &index_of[i];
			return NULL;
		}
		if (strcmp(s->v[index_of[i].pos - 1]->id, id) == 0)
			return &s->v[index_of[i].pos - 1];
	}
}

static int
grow(omni_desk_set *s)
{
	size_t want = nslots ? nslots * 2 : 1024;
	slot *old = index_of;
	size_t nold = nslots;

	if (!(index_of = calloc(want, sizeof *index_of))) {
		index_of = old;
		return -1;
	}
	nslots = want;
	for (size_t i = 0; i < nold; i++) {
		slot *w;
		if (old[i].pos && !lookup(s, s->v[old[i].pos - 1]->id, &w))
			w->pos = old[i].pos;
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
	slot *w;

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
	slot *w;

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
	if ((s->n + 1) * 2 > nslots && grow(s) < 0)
		goto oom;
	if ((had = lookup(s, t->id, &w))) {
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
		w->pos = s->n;
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
	memset(s, 0, sizeof *s);
	free(index_of);
	index_of = NULL;
	nslots = 0;
}

omni_desk_ticket *
omni_desk_find(omni_desk_set *s, const char *id, omni_error *err)
{
	omni_desk_ticket **t, *found = NULL;
	slot *w;
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
