/* fuzz-payload - one JSON document as omni-fetch's file: source reads it:
 * omni_payload_handle (Shopify REST and GraphQL, BigCommerce, Meta, eBay,
 * the TikTok push) with --orders into a scratch store; then its first line
 * through the lazy reader of Meta deliveries (omni_payload_meta_line),
 * which hands the jansson path what it does not take.  A document that is
 * refused is refused with 65 (data) and nothing else. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/core.h"
#include "store/store.h"
#include "fetch/fetch.h"

static omni_store *store;

static int
emit(omni_fetch *f, json_t *ticket, json_t *seen_keys)
{
	json_decref(ticket);
	return 0;
}

static int
emit_line(omni_fetch *f, const char *line, size_t len, const char *seen_key)
{
	return 0;
}

static int
reject(omni_fetch *f, const char *raw, size_t len, const omni_error *why,
       const char *seen_key)
{
	return 0;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char path[64];
	omni_error err = { 0 };

	snprintf(path, sizeof path, "/tmp/omni-fuzz-payload-%ld.db", (long)getpid());
	if (omni_store_open(path, &store, &err) < 0) {
		fprintf(stderr, "fuzz-payload: %s\n", err.text);
		abort();
	}
	/* The store is scratch: nothing needs to reach the disk. */
	omni_store_tune(store, OMNI_STORE_SCRATCH);
	unlink(path);
	return 0;
}

/* A file: source on the scratch store, its payload reader, and the
 * transaction each input runs in (rolled back: each starts empty). */
static void
scratch(omni_fetch *f, omni_payload *p)
{
	omni_error err = { 0 };

	memset(f, 0, sizeof *f);
	f->name = "file";
	f->cursor_key = "file";
	f->uri = "file:fuzz";
	f->store = store;
	f->emit = emit;
	f->emit_line = emit_line;
	f->reject = reject;
	p->f = f;
	p->emitted = json_object();
	if (omni_store_begin(store, &err) < 0)
		abort();
}

/* The lazy path on one line (any bytes): handled, declined or refused. */
static void
meta_line(const uint8_t *data, size_t size)
{
	omni_fetch f;
	omni_payload p;
	omni_error err = { 0 };
	omni_meta_reader *m = omni_meta_reader_new();

	if (!m)
		abort();
	scratch(&f, &p);
	if (omni_payload_meta_line(&p, m, (const char *)data, size, &err) < 0 &&
	    err.status != OMNI_EX_DATAERR) {
		fprintf(stderr, "fuzz-payload: meta line: status %d: %s\n", err.status, err.text);
		abort();
	}
	omni_store_rollback(store);
	json_decref(p.emitted);
	omni_meta_reader_free(m);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	omni_fetch f;
	omni_payload p;
	omni_error err = { 0 };
	json_error_t jerr;
	json_t *doc = json_loadb((const char *)data, size, JSON_DECODE_ANY, &jerr);
	const char *nl = memchr(data, '\n', size);
	size_t line = nl ? (size_t)(nl - (const char *)data) : size;

	meta_line(data, line);
	if (!doc)
		return 0;
	scratch(&f, &p);
	f.orders = size % 2;      /* both with and without --orders */
	f.keep_going = size % 3 == 0;
	if (omni_payload_handle(&p, doc, &err) < 0 && err.status != OMNI_EX_DATAERR) {
		fprintf(stderr, "fuzz-payload: status %d: %s\n", err.status, err.text);
		abort();
	}
	/* Each input starts from an empty store. */
	omni_store_rollback(store);
	json_decref(p.emitted);
	json_decref(doc);
	return 0;
}
