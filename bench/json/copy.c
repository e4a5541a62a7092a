/* copy - the hot path's benchmark: read every ticket, change one member and
 * add one, write it out, as omni-route does to most of a stream.
 *
 *   copy omni [FILE...]      the lazy record reader and writer
 *   copy jansson [FILE...]   json_loadb, json_object_set, a compact dump
 *   copy validate [FILE...]  the reader's validating pass alone, no output
 *
 * Both copy modes read lines with omni_input and write with omni_out, so
 * the difference between them is the JSON work alone. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "record/bridge.h"
#include "record/record.h"

static int
fail(const omni_error *err)
{
	char buf[1200];

	omni_error_format(err, buf, sizeof buf);
	fprintf(stderr, "copy: %s\n", buf);
	return err->status;
}

static int
copy_omni(char **files, int n, omni_out *o)
{
	omni_reader *rd = omni_reader_new(files, n, 0, NULL);
	omni_edit *e = omni_edit_new();
	omni_record *rec;
	omni_error err;
	int rc;

	while ((rc = omni_reader_next(rd, &rec, &err)) == 1) {
		omni_edit_reset(e);
		omni_edit_set_raw(e, "status", "\"open\"", 6);
		omni_edit_set_raw(e, "queue", "\"bench\"", 7);
		if (omni_record_write(o, rec, e) < 0)
			break;
	}
	omni_edit_free(e);
	omni_reader_free(rd);
	return rc < 0 ? fail(&err) : 0;
}

static int
copy_jansson(char **files, int n, omni_out *o)
{
	omni_input *in = omni_input_new(files, n);
	json_t *open = json_string("open"), *queue = json_string("bench");
	json_error_t jerr;
	omni_error err;
	char *line;
	size_t len;
	int rc;

	while ((rc = omni_input_next(in, &line, &len, &err)) == 1) {
		json_t *t = json_loadb(line, len, 0, &jerr);
		if (!t) {
			fprintf(stderr, "copy: %s:%ld: %s\n", omni_input_name(in),
			        omni_input_lineno(in), jerr.text);
			rc = 65;
			break;
		}
		json_object_set(t, "status", open);
		json_object_set(t, "queue", queue);
		rc = omni_out_json(o, t);
		json_decref(t);
		if (rc < 0)
			break;
	}
	json_decref(open);
	json_decref(queue);
	omni_input_free(in);
	return rc < 0 ? fail(&err) : rc == 65 ? 65 : 0;
}

static int
validate(char **files, int n)
{
	omni_reader *rd = omni_reader_new(files, n, 0, NULL);
	omni_record *rec;
	omni_error err;
	int rc;

	while ((rc = omni_reader_next(rd, &rec, &err)) == 1)
		;
	omni_reader_free(rd);
	return rc < 0 ? fail(&err) : 0;
}

int
main(int argc, char **argv)
{
	omni_out *o;
	omni_error err;
	int rc;

	if (argc < 2) {
		fprintf(stderr, "usage: copy omni|jansson|validate [FILE...]\n");
		return 64;
	}
	signal(SIGPIPE, SIG_IGN);
	if (strcmp(argv[1], "validate") == 0)
		return validate(argv + 2, argc - 2);
	o = omni_out_new(1);
	if (strcmp(argv[1], "omni") == 0)
		rc = copy_omni(argv + 2, argc - 2, o);
	else if (strcmp(argv[1], "jansson") == 0)
		rc = copy_jansson(argv + 2, argc - 2, o);
	else
		rc = 64;
	if (omni_out_close(o, &err) != 0)
		rc = fail(&err);
	return rc;
}
