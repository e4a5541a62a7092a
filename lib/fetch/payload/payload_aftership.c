/* payload_aftership.c - a multi-carrier tracking service's trackings
 * (AfterShip Tracking API, versions 2024-07 and later: a tracking has
 * tracking_number, slug, tag, subtag, checkpoints[], the estimates
 * latest_estimated_delivery, courier_estimated_delivery_date and
 * aftership_estimated_delivery_date, shipment_delivery_date, updated_at):
 * a page of GET /trackings ({"data":{"trackings":[...]}}), one tracking
 * ({"data":{"tracking":{...}}} or the object), or a webhook's body
 * ({"event","event_id","msg":{tracking},"ts"}).  Each fills the status,
 * estimate, delivery and scans of the store's fulfilments with its
 * tracking number, in the vocabulary of CHANNELS.md section 9. */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "fetch/fetch.h"

/* A tag (and its subtag) in the store's tracking words. */
static const char *
status_of(const char *tag, const char *subtag)
{
	static const struct { const char *from, *to; } map[] = {
		{ "Pending", "pending" }, { "InfoReceived", "info_received" },
		{ "InTransit", "in_transit" }, { "OutForDelivery", "out_for_delivery" },
		{ "AttemptFail", "attempt_fail" }, { "Delivered", "delivered" },
		{ "AvailableForPickup", "available_for_pickup" }, { "Exception", "exception" },
		{ "Expired", "expired" },
	};

	if (!tag)
		return NULL;
	/* returned to sender, and on its way back: the exception's subtags */
	if (strcmp(tag, "Exception") == 0 && subtag &&
	    (strcmp(subtag, "Exception_010") == 0 || strcmp(subtag, "Exception_011") == 0))
		return "return_to_sender";
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(tag, map[i].from) == 0)
			return map[i].to;
	return "unknown";
}

/* A time, or a date alone ("2024-03-08", the day's start in UTC). */
static void
set_when(json_t *o, const char *key, const json_t *v)
{
	const char *s = json_string_value(v);
	char buf[32];
	omni_time t;

	if (s && strlen(s) == 10 && s[4] == '-' && s[7] == '-') {
		snprintf(buf, sizeof buf, "%sT00:00:00Z", s);
		if (omni_time_parse(buf, &t) == 0)
			omni_json_set_time(o, key, t);
		return;
	}
	omni_payload_set_time(o, key, v);
}

/* The estimate: the latest one, else the carrier's, else the service's
 * own, else the older expected_delivery. */
static void
estimate(json_t *out, const json_t *t)
{
	const json_t *v;

	if ((v = json_object_get(json_object_get(t, "latest_estimated_delivery"), "datetime")) &&
	    !json_is_null(v))
		set_when(out, "estimated_at", v);
	else if ((v = json_object_get(json_object_get(t, "courier_estimated_delivery_date"),
	                              "estimated_delivery_date")) && !json_is_null(v))
		set_when(out, "estimated_at", v);
	else if ((v = json_object_get(json_object_get(t, "aftership_estimated_delivery_date"),
	                              "estimated_delivery_date")) && !json_is_null(v))
		set_when(out, "estimated_at", v);
	else if ((v = json_object_get(t, "expected_delivery")) && !json_is_null(v))
		set_when(out, "estimated_at", v);
}

static json_t *
events(const json_t *t)
{
	json_t *list = json_array(), *c;
	size_t i;

	json_array_foreach(json_object_get(t, "checkpoints"), i, c) {
		json_t *e = json_object();
		const char *loc = omni_payload_str(c, "location");
		char *place = NULL;
		omni_payload_set_time(e, "at", json_object_get(c, "checkpoint_time"));
		omni_payload_set_str(e, "status", status_of(omni_payload_str(c, "tag"),
		                                            omni_payload_str(c, "subtag")));
		omni_payload_set_str(e, "message", omni_payload_str(c, "message"));
		if (!loc && omni_payload_str(c, "city") &&
		    asprintf(&place, "%s%s%s", omni_payload_str(c, "city"),
		             omni_payload_str(c, "country_region") ? ", " : "",
		             omni_payload_str(c, "country_region") ?
		             omni_payload_str(c, "country_region") : "") < 0)
			place = NULL;
		omni_payload_set_str(e, "location", loc ? loc : place);
		free(place);
		json_array_append_new(list, e);
	}
	return list;
}

json_t *
omni_aftership_tracking_new(const json_t *t)
{
	json_t *out = json_object();
	const char *status = status_of(omni_payload_str(t, "tag"), omni_payload_str(t, "subtag"));

	omni_payload_set_str(out, "tracking_number", omni_payload_str(t, "tracking_number"));
	omni_payload_set_str(out, "status", status);
	estimate(out, t);
	if (status && strcmp(status, "delivered") == 0)
		set_when(out, "delivered_at", json_object_get(t, "shipment_delivery_date"));
	omni_payload_set_time(out, "updated_at", json_object_get(t, "updated_at"));
	if (json_is_array(json_object_get(t, "checkpoints")))
		json_object_set_new(out, "events", events(t));
	return out;
}

static int
is_tracking(const json_t *t)
{
	return json_is_object(t) && omni_payload_str(t, "tracking_number") &&
	       (json_object_get(t, "tag") || json_object_get(t, "checkpoints"));
}

static int
one(omni_payload *p, const json_t *t, omni_error *err)
{
	json_t *n = omni_aftership_tracking_new(t);
	int rc = omni_payload_tracking(p, n, err);

	json_decref(n);
	return rc;
}

int
omni_payload_aftership(omni_payload *p, const json_t *doc, omni_error *err)
{
	const json_t *data = json_object_get(doc, "data"), *list, *t;
	size_t i;

	if (is_tracking(t = json_object_get(doc, "msg")) ||
	    is_tracking(t = json_object_get(data, "tracking")) || is_tracking(t = doc))
		return one(p, t, err) < 0 ? -1 : 1;
	list = json_object_get(data, "trackings");
	if (!json_is_array(list))
		return 0;
	json_array_foreach(list, i, t)
		if (!is_tracking(t))
			return 0;
	json_array_foreach(list, i, t)
		if (one(p, t, err) < 0)
			return -1;
	return 1;
}
