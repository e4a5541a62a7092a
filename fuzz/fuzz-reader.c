/* fuzz-reader - the lazy NDJSON reader: omni_record_parse on each line,
 * then every value walked and decoded, converted to jansson, and the
 * record written back through an edit (to /dev/null).  A line the reader
 * refuses must be refused with status 65. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "core/core.h"
#include "record/record.h"
#include "record/bridge.h"

static void
walk(omni_span v, int depth)
{
	omni_jiter it;
	omni_span k, e;
	double d;
	int64_t i;
	char buf[16];
	size_t n = 0;

	switch (omni_json_type(v)) {
	case OMNI_J_STRING:
		free(omni_json_string(v, &n));
		(void)omni_json_string_buf(v, buf, sizeof buf);
		(void)omni_json_string_eq(v, "id");
		break;
	case OMNI_J_NUMBER:
		(void)omni_json_number(v, &d);
		(void)omni_json_int64(v, &i);
		break;
	case OMNI_J_ARRAY:
	case OMNI_J_OBJECT:
		(void)omni_json_get(v, "id");
		(void)omni_json_at(v, 1);
		omni_json_iter(&it, v);
		while (omni_json_next(&it, &k, &e)) {
			if (k.p)
				(void)omni_json_key_eq(k, "messages");
			walk(e, depth + 1);
		}
		break;
	default:
		break;
	}
}

static void
one(const char *line, size_t len, omni_out *o, omni_edit *ed)
{
	omni_record r;
	omni_error err = { 0 };
	json_t *j;

	omni_record_init(&r);
	if (omni_record_parse(&r, line, len, &err) == 0) {
		omni_span whole = { line, len };

		walk(whole, 0);
		if ((j = omni_json_to_jansson(whole)))
			json_decref(j);
		(void)omni_record_get(&r, "id");
		omni_edit_reset(ed);
		omni_edit_set_raw(ed, "omni", "1", 1);
		omni_edit_remove(ed, "messages");
		(void)omni_record_write(o, &r, ed);
	} else if (err.status != OMNI_EX_DATAERR) {
		abort();   /* a malformed line is 65, nothing else */
	}
	omni_record_free(&r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static omni_out *o;
	static omni_edit *ed;
	char *copy = malloc(size + 1), *p, *nl;

	if (!copy)
		return 0;
	if (!o) {
		o = omni_out_new(open("/dev/null", O_WRONLY | O_CLOEXEC));
		ed = omni_edit_new();
	}
	memcpy(copy, data, size);
	copy[size] = '\0';
	for (p = copy; p < copy + size; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(copy + size - p));
		if (!nl)
			nl = copy + size;
		*nl = '\0';
		one(p, (size_t)(nl - p), o, ed);
	}
	free(copy);
	return 0;
}
