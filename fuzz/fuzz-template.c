/* fuzz-template - the reply template language: omni_tmpl_compile on the
 * input, then omni_tmpl_render against a ticket whose customer text is
 * itself template syntax, with partials that name the template itself.
 * A compile error is 78; a render error 78 too. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "record/record.h"
#include "reply/reply.h"

static const char ticket[] =
	"{\"omni\":1,\"id\":\"shopify:1\",\"channel\":\"email\",\"subject\":\"{{customer.name}}\","
	"\"customer\":{\"name\":\"<b>Eve</b> {{> self}}\",\"email\":\"eve@example.com\"},"
	"\"orders\":[{\"number\":\"#1042\",\"total\":\"33.05\",\"currency\":\"EUR\","
	"\"created_at\":\"2024-03-01T22:22:10Z\",\"items\":[{\"title\":\"Mug & <Cup>\",\"quantity\":2},"
	"{\"title\":\"{{#each}}\",\"quantity\":1}],\"fulfillments\":[{\"tracking_number\":\"1Z999\","
	"\"carrier\":\"UPS\"}]}],\"messages\":[{\"direction\":\"in\",\"text\":\"{{order.total}} \\u0000\","
	"\"at\":\"2024-03-02T00:00:00Z\"}],\"tags\":[\"a\",\"b\"],\"n\":12.5,\"t\":true,\"z\":null}";

static omni_record rec;
static const omni_tmpl *self;

static omni_span
root(void *arg, const char *name)
{
	if (strcmp(name, "order") == 0)
		return omni_json_at(omni_record_get(&rec, "orders"), 0);
	return omni_record_get(&rec, name);
}

static const omni_tmpl *
partial(void *arg, const char *name)
{
	return strcmp(name, "missing") == 0 ? NULL : self;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	omni_error err = { 0 };

	omni_record_init(&rec);
	if (omni_record_parse(&rec, ticket, sizeof ticket - 1, &err) < 0) {
		fprintf(stderr, "fuzz-template: %s\n", err.text);
		abort();
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const langs[] = { "en", "it", "fr", "es", "de", "xx" };
	omni_tmpl *t = NULL;
	omni_error err = { 0 };
	char *text;

	if (omni_tmpl_compile((const char *)data, size, "fuzz", 1, &t, &err) < 0) {
		if (err.status != OMNI_EX_CONFIG)
			abort();
		return 0;
	}
	self = t;
	for (int html = 0; html < 2; html++) {
		omni_tmpl_ctx ctx = { langs[size % 6], html, root, partial, NULL,
		                      size % 2 ? "Europe/Rome" : NULL };

		memset(&err, 0, sizeof err);
		if ((text = omni_tmpl_render(t, &ctx, &err)))
			free(text);
		else if (err.status != OMNI_EX_CONFIG && err.status != OMNI_EX_DATAERR)
			abort();
	}
	self = NULL;
	omni_tmpl_free(t);
	return 0;
}
