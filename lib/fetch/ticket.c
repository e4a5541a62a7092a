/* ticket.c - building v1 tickets with jansson (man/omni-ticket.5). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "fetch/fetch.h"

json_t *
omni_ticket_new(const char *id, const char *channel, const char *store,
                const char *kind)
{
	json_t *t = json_object();

	json_object_set_new(t, "omni", json_integer(OMNI_FORMAT_VERSION));
	omni_json_set_str(t, "id", id);
	omni_json_set_str(t, "channel", channel);
	omni_json_set_str(t, "store", store);
	omni_json_set_str(t, "kind", kind);
	return t;
}

void
omni_json_set_str(json_t *obj, const char *key, const char *value)
{
	json_object_set_new(obj, key, value ? json_string(value) : json_null());
}

void
omni_json_set_time(json_t *obj, const char *key, omni_time t)
{
	char buf[32];

	json_object_set_new(obj, key, json_string(omni_time_format(t, buf)));
}

json_t *
omni_message_new(const char *id, const char *direction, const char *author,
                 omni_time at, const char *text, const char *channel)
{
	json_t *m = json_object();

	omni_json_set_str(m, "id", id);
	omni_json_set_str(m, "direction", direction);
	omni_json_set_str(m, "author", author);
	omni_json_set_time(m, "at", at);
	omni_json_set_str(m, "text", text);
	json_object_set_new(m, "attachments", json_array());
	omni_json_set_str(m, "channel", channel);
	return m;
}

void
omni_message_set_from(json_t *message, const char *address)
{
	if (address && *address)
		json_object_set_new(message, "from", json_string(address));
}

static int
time_of(const json_t *obj, const char *key, omni_time *t)
{
	return omni_time_parse(json_string_value(json_object_get(obj, key)), t);
}

void
omni_ticket_add_message_new(json_t *ticket, json_t *message)
{
	json_t *messages = json_object_get(ticket, "messages");
	omni_time at, other;
	size_t i;

	if (!json_is_array(messages)) {
		messages = json_array();
		json_object_set_new(ticket, "messages", messages);
	}
	if (time_of(message, "at", &at) < 0) {
		json_array_append_new(messages, message);
		return;
	}
	/* Oldest first; a message with the same time goes after those there. */
	for (i = json_array_size(messages); i > 0; i--)
		if (time_of(json_array_get(messages, i - 1), "at", &other) < 0 || other <= at)
			break;
	json_array_insert_new(messages, i, message);
	if (time_of(ticket, "created_at", &other) < 0 || at < other)
		omni_json_set_time(ticket, "created_at", at);
	if (time_of(ticket, "updated_at", &other) < 0 || at > other)
		omni_json_set_time(ticket, "updated_at", at);
}

void
omni_message_set_digest(json_t *message, const char *channel, const char *user,
                        const char *text)
{
	char *buf, hex[65], *d = NULL;
	size_t n = 0, cap;
	int space = 0;

	if (!channel || !user || !*user || !text)
		return;
	cap = strlen(user) + strlen(text) + 2;
	if (!(buf = malloc(cap)))
		return;
	for (const char *p = user; *p; p++)
		buf[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
	buf[n++] = '\n';
	/* the words, with every run of white space one space */
	for (const char *p = text; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '\f') {
			space = n > 0 && buf[n - 1] != '\n';
			continue;
		}
		if (space)
			buf[n++] = ' ';
		space = 0;
		buf[n++] = *p;
	}
	if (n == strlen(user) + 1) {     /* no words */
		free(buf);
		return;
	}
	omni_sha256_hex(buf, n, hex);
	hex[32] = '\0';
	if (asprintf(&d, "%s:%s", channel, hex) >= 0)
		json_object_set_new(message, "digest", json_string(d));
	free(d);
	free(buf);
}
