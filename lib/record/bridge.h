/* bridge.h - the record stream meets jansson: a span as a tree, a tree written out
 * or set into an edit, and compact JSON text as json_dumps writes it. */
#ifndef OMNI_RECORD_BRIDGE_H
#define OMNI_RECORD_BRIDGE_H

#include <jansson.h>

#include "record/record.h"

/* The value as a jansson tree: new ref, NULL on failure. */
json_t *omni_json_to_jansson(omni_span v);
/* A jansson value, compact, in its key order, then "\n". */
int omni_out_json(omni_out *o, const json_t *value);
/* Set key to a jansson value (borrowed; dumped compact at once). */
int omni_edit_set(omni_edit *e, const char *key, const json_t *value);
// json_text.c
/* A growing text: NUL-terminated after each put; failed after an
 * allocation failed (later puts do nothing).  Start it { 0 }; free p. */
typedef struct omni_text {
	char *p;
	size_t n, cap;
	int failed;
} omni_text;
void omni_text_put(omni_text *t, const char *s, size_t n);
/* Compact JSON text of v as json_dumps(JSON_COMPACT | JSON_ENCODE_ANY)
 * writes it, faster: new (*len its length, may be NULL), or NULL. */
char *omni_json_text(const json_t *v, size_t *len);
/* s (n bytes) as a JSON string, quotes included, appended to b. */
void omni_json_text_string(omni_text *b, const char *s, size_t n);
/* 1 when s is UTF-8 that jansson takes, else 0. */
int omni_json_text_utf8(const char *s, size_t n);
/* json_string(s) without jansson's slower UTF-8 check: new, or NULL. */
json_t *omni_json_text_jstring(const char *s);

/* Appends s to a JSON array unless an equal string is already there. */
void omni_json_array_add_unique(json_t *array, const char *s);

#endif
