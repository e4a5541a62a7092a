/* autoreply.c - is a mail written by a machine, so that no automatic reply
 * answers it (RFC 3834)?  The headers that say so, the delivery status
 * notifications (RFC 3464) and the out-of-office subjects of the five
 * languages. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/core.h"
#include "mail/mail.h"

/* Out-of-office and automatic-reply subjects, as they begin. */
static const char *const away[] = {
	"automatic reply", "auto reply", "autoreply", "auto-reply", "out of office",
	"out of the office", "ooo:", "away:", "autosvar",
	"risposta automatica", "fuori ufficio", "fuori sede", "assente:", "assenza:",
	"réponse automatique", "reponse automatique", "absence:", "absence :", "absent:", "message d'absence",
	"respuesta automática", "respuesta automatica", "fuera de la oficina", "ausente:",
	"fuera de oficina",
	"abwesenheitsnotiz", "automatische antwort", "abwesend:",
	NULL,
};

/* Does the header name have a value other than empty? */
static int
present(const char *raw, size_t len, const char *name)
{
	char *v = omni_mail_header(raw, len, name);
	int yes = v && v[strspn(v, " \t")];

	free(v);
	return yes;
}

int
omni_mail_auto_flags(const char *raw, size_t len, const char *subject)
{
	int flags = 0;
	char *v;

	if ((v = omni_mail_header(raw, len, "Auto-Submitted"))) {
		const char *p = v + strspn(v, " \t");
		if (*p && !(strncasecmp(p, "no", 2) == 0 && (p[2] == '\0' || p[2] == ';' ||
		                                           p[2] == ' ' || p[2] == '\t')))
			flags |= OMNI_MAIL_AUTO_SUBMITTED;
		free(v);
	}
	/* the older marks of autoresponders */
	if (present(raw, len, "X-Autoreply") || present(raw, len, "X-Autorespond"))
		flags |= OMNI_MAIL_AUTO_SUBMITTED;
	if ((v = omni_mail_header(raw, len, "Precedence"))) {
		const char *p = v + strspn(v, " \t");
		if (strncasecmp(p, "bulk", 4) == 0 || strncasecmp(p, "list", 4) == 0 ||
		    strncasecmp(p, "junk", 4) == 0)
			flags |= OMNI_MAIL_AUTO_BULK;
		free(v);
	}
	if (present(raw, len, "List-Id") || present(raw, len, "List-Unsubscribe"))
		flags |= OMNI_MAIL_AUTO_LIST;
	if ((v = omni_mail_header(raw, len, "Content-Type"))) {
		char *type = omni_mail_media_type(v, "text/plain");
		if (type && (strcmp(type, "multipart/report") == 0 ||
		             strcmp(type, "message/delivery-status") == 0))
			flags |= OMNI_MAIL_AUTO_REPORT;
		free(type);
		free(v);
	}
	if (present(raw, len, "X-Failed-Recipients"))
		flags |= OMNI_MAIL_AUTO_REPORT;
	if (subject) {
		const char *s = subject + strspn(subject, " \t");
		for (int i = 0; away[i]; i++)
			if (strncasecmp(s, away[i], strlen(away[i])) == 0) {
				flags |= OMNI_MAIL_AUTO_AWAY;
				break;
			}
	}
	return flags;
}

const char *
omni_mail_auto_name(int flag)
{
	switch (flag) {
	case OMNI_MAIL_AUTO_SUBMITTED: return "auto-submitted";
	case OMNI_MAIL_AUTO_BULK: return "bulk";
	case OMNI_MAIL_AUTO_LIST: return "list";
	case OMNI_MAIL_AUTO_REPORT: return "report";
	case OMNI_MAIL_AUTO_AWAY: return "out-of-office";
	default: return NULL;
	}
}
