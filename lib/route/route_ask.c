/* route_ask.c - a second opinion on an intent the model is not sure of,
 * from an OpenAI-compatible chat completions endpoint (the one omni-reply's
 * drafts use): the request that asks for one intent name of the model's,
 * and the reading of the answer.  The HTTP call is the caller's (route does
 * not use net); on any failure the caller keeps the model's guess. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/core.h"
#include "route/route.h"

char *
omni_route_ask_body(const omni_model *m, const char *llm, const char *lang,
                    const char *text, size_t len)
{
	json_t *req, *names = json_array();
	char *sys = NULL, *list = NULL, *out = NULL;
	size_t n = 0;

	for (int i = 0; names && i < omni_model_classes(m); i++)
		json_array_append_new(names, json_string(omni_model_class(m, i)));
	if (!names || !(list = json_dumps(names, JSON_COMPACT)))
		goto out;
	if (asprintf(&sys,
	        "You sort messages that reach an online shop's customer support. Say which one "
	        "of these intents the message is, and answer with the intent's name alone: %s. "
	        "claim is only the customer's own dispute, claim or chargeback, or the threat "
	        "of one; notification is a carrier's or a marketplace's own notice; other is "
	        "none of them.%s%s%s", list, lang && strcmp(lang, "und") ? " The message's "
	        "language: " : "", lang && strcmp(lang, "und") ? lang : "",
	        lang && strcmp(lang, "und") ? "." : "") < 0) {
		sys = NULL;
		goto out;
	}
	/* the text as the model read it, trimmed, cut to whole UTF-8 characters */
	while (len && strchr(" \t\r\n", *text)) {
		text++;
		len--;
	}
	n = len < OMNI_ROUTE_ASK_TEXT ? len : OMNI_ROUTE_ASK_TEXT;
	while (n < len && n && ((unsigned char)text[n] & 0xc0) == 0x80)
		n--;
	json_t *t = json_stringn(text, n);
	req = json_pack("{s:s?, s:[{s:s, s:s}, {s:s, s:o?}], s:i, s:f}", "model", llm,
	                "messages", "role", "system", "content", sys, "role", "user",
	                "content", t, "max_tokens", 8, "temperature", 0.0);
	if (req)
		out = json_dumps(req, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(req);
out:
	json_decref(names);
	free(list);
	free(sys);
	return out;
}

/* Is s[0..n) the word w, in any case? */
static int
word_is(const char *s, size_t n, const char *w)
{
	return strlen(w) == n && strncasecmp(s, w, n) == 0;
}

const char *
omni_route_ask_answer(const omni_model *m, const char *body, size_t len)
{
	json_t *doc = json_loadb(body, len, 0, NULL);
	const char *s = json_string_value(json_object_get(json_object_get(
		json_array_get(json_object_get(doc, "choices"), 0), "message"), "content"));
	const char *found = NULL;
	int count = 0;

	/* the intent's name alone, or the one name among the answer's words */
	while (s && *s) {
		while (*s && !isalnum((unsigned char)*s) && *s != '_')
			s++;
		const char *w = s;
		while (*s && (isalnum((unsigned char)*s) || *s == '_'))
			s++;
		for (int i = 0; s > w && i < omni_model_classes(m); i++)
			if (word_is(w, (size_t)(s - w), omni_model_class(m, i)) &&
			    (!found || strcmp(found, omni_model_class(m, i)) != 0)) {
				found = omni_model_class(m, i);
				count++;
			}
	}
	json_decref(doc);
	return count == 1 ? found : NULL;
}
