/* source_imap.c - imap:// and imaps:// through libcurl. */
#include "omni.h"

int
omni_source_imap(omni_fetch *f, const char *url, omni_error *err)
{
	return omni_error_set(err, OMNI_EX_UNAVAILABLE, f->name, 0, 0,
	                      "imap: not built yet");
}
