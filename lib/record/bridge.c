/* bridge.c - where the record stream meets jansson: a validated span as
 * a tree, a tree written to the output or set into an edit.  The rest of
 * lib/record/ is libc only. */
#include <stdlib.h>
#include <string.h>

#include "record/record.h"
#include "record/bridge.h"

json_t *
omni_json_to_jansson(omni_span v)
{
	json_t *j;

	if (omni_json_type(v) == OMNI_J_ABSENT)
		return NULL;
	j = json_loadb(v.p, v.n, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
	/* jansson refuses integers beyond 64 bits: take them as reals. */
	if (!j)
		j = json_loadb(v.p, v.n, JSON_DECODE_ANY | JSON_ALLOW_NUL |
		               JSON_DECODE_INT_AS_REAL, NULL);
	return j;
}

static int
dump_cb(const char *buf, size_t size, void *data)
{
	return omni_out_write(data, buf, size);
}

int
omni_out_json(omni_out *o, const json_t *value)
{
	/* jansson keeps objects in insertion order (2.8 and later). */
	if (json_dump_callback(value, dump_cb, o, JSON_COMPACT | JSON_ENCODE_ANY) < 0)
		return -1;
	return omni_out_write(o, "\n", 1);
}

int
omni_edit_set(omni_edit *e, const char *key, const json_t *value)
{
	char *s = json_dumps(value, JSON_COMPACT | JSON_ENCODE_ANY);
	int rc;

	if (!s)
		return -1;
	rc = omni_edit_set_raw(e, key, s, strlen(s));
	free(s);
	return rc;
}

void
omni_json_array_add_unique(json_t *array, const char *s)
{
	size_t i;
	json_t *v;

	if (!s || !*s)
		return;
	json_array_foreach(array, i, v)
		if (json_is_string(v) && strcmp(json_string_value(v), s) == 0)
			return;
	json_array_append_new(array, json_string(s));
}
