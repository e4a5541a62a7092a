/* fuzz-mail - one raw message: the MIME parser (omni_mail_parse), header
 * look-ups and decoders, then omni_mail_ticket as omni-fetch's mail
 * sources call it (relay detection, order numbers, the ticket). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "mail/mail.h"
#include "fetch/fetch.h"

static int
emit(omni_fetch *f, json_t *ticket, json_t *seen_keys)
{
	json_decref(ticket);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *raw = (const char *)data;
	omni_mail m;
	omni_error err = { 0 };
	omni_fetch f;
	json_t *t;
	char *h, **ids = NULL;
	size_t n, len;

	memset(&m, 0, sizeof m);
	if (omni_mail_parse(raw, size, &m, &err) == 0)
		omni_mail_free(&m);
	else if (err.status != OMNI_EX_DATAERR)
		abort();
	if ((h = omni_mail_header(raw, size, "Content-Type"))) {
		free(omni_mail_param(h, "boundary"));
		free(omni_mail_param(h, "charset"));
		free(omni_mail_media_type(h, "text/plain"));
		free(h);
	}
	if ((h = omni_mail_header(raw, size, "References"))) {
		n = omni_mail_msgids(h, &ids, 50);
		for (size_t i = 0; i < n; i++)
			free(ids[i]);
		free(ids);
		free(omni_mail_msgid(h));
		free(h);
	}
	free(omni_qp_decode(raw, size, &len));
	free(omni_base64_decode(raw, size, &len));
	{
		static const char *const labels[] = { "utf-8", "us-ascii", "gb2312",
		                                      "ks_c_5601-1987", "x-unknown", "utf-16" };
		char *note = NULL;
		for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
			free(omni_charset_to_utf8_lenient(labels[i], raw, size, &note));
			free(note);
			note = NULL;
		}
	}

	memset(&f, 0, sizeof f);
	f.name = "mail";
	f.cursor_key = "mail";
	f.uri = "maildir:/nonexistent";
	f.emit = emit;
	memset(&err, 0, sizeof err);
	if ((t = omni_mail_ticket(&f, raw, size, "key", "mail", &err)))
		json_decref(t);
	return 0;
}
