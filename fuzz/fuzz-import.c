/* fuzz-import - a file as omni-fetch's import: source reads it
 * (omni_source_import): CSV, JSON or NDJSON, in UTF-8 or a configured
 * encoding, with and without --keep-going, with map.* keys that walk into
 * objects.  The first byte chooses the format, the encoding and the map;
 * the rest is the file.  A file that is refused is refused with 65 (data),
 * nothing else; every ticket it makes is one that every program reads
 * (omni_ticket_check). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/core.h"
#include "record/record.h"
#include "record/bridge.h"
#include "store/store.h"
#include "fetch/fetch.h"

static omni_store *store;
static char path[64];

static void
check_ticket(const json_t *ticket)
{
	omni_record rec;
	omni_error err = { 0 };
	size_t len;
	char *text = omni_json_text(ticket, &len);

	if (!text)
		abort();
	omni_record_init(&rec);
	if (omni_record_parse(&rec, text, len, &err) < 0 || omni_ticket_check(&rec, &err) < 0) {
		fprintf(stderr, "fuzz-import: a ticket no program reads: %s\n%s\n", err.text, text);
		abort();
	}
	omni_record_free(&rec);
	free(text);
}

static int
emit(omni_fetch *f, json_t *ticket, json_t *seen_keys)
{
	check_ticket(ticket);
	json_decref(ticket);
	return 0;
}

static int
reject(omni_fetch *f, const char *raw, size_t len, const omni_error *why,
       const char *seen_key)
{
	if (why->status != OMNI_EX_DATAERR) {
		fprintf(stderr, "fuzz-import: set aside with status %d: %s\n", why->status, why->text);
		abort();
	}
	return 0;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char db[64];
	omni_error err = { 0 };

	snprintf(db, sizeof db, "/tmp/omni-fuzz-import-%ld.db", (long)getpid());
	snprintf(path, sizeof path, "/tmp/omni-fuzz-import-%ld.in", (long)getpid());
	if (omni_store_open(db, &store, &err) < 0) {
		fprintf(stderr, "fuzz-import: %s\n", err.text);
		abort();
	}
	omni_store_tune(store, OMNI_STORE_SCRATCH);
	unlink(db);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const formats[] = { "csv", "json", "ndjson" };
	static const char *const encodings[] = { NULL, "windows-1252", "utf-16", "latin1" };
	omni_conf_entry entries[6];
	omni_conf_section conf = { "source", "imp", 1, entries, 0 };
	omni_config config = { "fuzz.conf", &conf, 1 };
	omni_error err = { 0 };
	omni_fetch f;
	FILE *fp;
	unsigned sel;

	if (size < 1)
		return 0;
	sel = data[0];
	data++, size--;
	if (!(fp = fopen(path, "wb")) || fwrite(data, 1, size, fp) != size || fclose(fp))
		abort();
	entries[conf.nentries++] = (omni_conf_entry){ "format", (char *)formats[sel % 3], 2 };
	if (encodings[sel / 3 % 4])
		entries[conf.nentries++] = (omni_conf_entry){ "encoding",
		                                              (char *)encodings[sel / 3 % 4], 3 };
	if (sel & 0x80) {
		entries[conf.nentries++] = (omni_conf_entry){ "map.ticket_id", "conv.id", 4 };
		entries[conf.nentries++] = (omni_conf_entry){ "map.body", "msg", 5 };
		entries[conf.nentries++] = (omni_conf_entry){ "map.at", "time", 6 };
	}
	memset(&f, 0, sizeof f);
	f.name = "imp";
	f.cursor_key = "imp";
	f.uri = "import:fuzz";
	f.conf = &conf;
	f.config = &config;
	f.store = store;
	f.emit = emit;
	f.reject = reject;
	f.keep_going = (sel >> 6) & 1;
	if (omni_store_begin(store, &err) < 0)
		abort();
	if (omni_source_import(&f, path, &err) < 0 && err.status != OMNI_EX_DATAERR) {
		fprintf(stderr, "fuzz-import: status %d: %s\n", err.status, err.text);
		abort();
	}
	/* Each input starts from an empty store. */
	omni_store_rollback(store);
	unlink(path);
	return 0;
}
