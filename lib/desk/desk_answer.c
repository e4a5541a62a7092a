/*
 * desk_answer.c - the file an answer is written in, as git commit's: the
 * draft on top, a scissors line, and below it what to answer (the ticket's
 * timeline, and why the last try was refused), which is never sent.
 */
#include <stdlib.h>
#include <string.h>

#include "record/bridge.h"
#include "desk/desk.h"

const char omni_desk_scissors[] =
	"# ------------------------ >8 ------------------------";

static void
puts_(omni_text *b, const char *s)
{
	omni_text_put(b, s, strlen(s));
}

char *
omni_desk_answer_file(const char *draft, const char *const *why, size_t nwhy,
                      const char *timeline)
{
	omni_text b = { 0 };
	const char *p, *nl;

	if (draft && *draft) {
		puts_(&b, draft);
		if (draft[strlen(draft) - 1] != '\n')
			puts_(&b, "\n");
	} else {
		puts_(&b, "\n");
	}
	puts_(&b, "\n");
	puts_(&b, omni_desk_scissors);
	puts_(&b, "\n# Do not change or remove the line above.\n"
	          "# Everything below it is left out; an empty answer sends nothing.\n");
	if (nwhy) {
		puts_(&b, "#\n# The answer was refused:\n");
		for (size_t i = 0; i < nwhy; i++) {
			puts_(&b, "#   ");
			puts_(&b, why[i]);
			puts_(&b, "\n");
		}
		puts_(&b, "# Change it, or save it unchanged to give up.\n");
	}
	puts_(&b, "\n");
	for (p = timeline ? timeline : ""; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		omni_text_put(&b, "> ", n ? 2 : 1);
		omni_text_put(&b, p, n);
		puts_(&b, "\n");
		if (!nl)
			break;
	}
	if (b.failed) {
		free(b.p);
		return NULL;
	}
	return b.p;
}

char *
omni_desk_answer_text(const char *file, size_t len)
{
	size_t cut = len, slen = strlen(omni_desk_scissors), start = 0;
	char *out;

	for (size_t i = 0; i + slen <= len; i++) {
		if ((i == 0 || file[i - 1] == '\n') && memcmp(file + i, omni_desk_scissors, slen) == 0 &&
		    (i + slen == len || file[i + slen] == '\n' || file[i + slen] == '\r')) {
			cut = i;
			break;
		}
	}
	/* leading blank lines, then trailing blanks */
	for (size_t i = 0; i < cut; i++) {
		if (file[i] == '\n')
			start = i + 1;
		else if (file[i] != ' ' && file[i] != '\t' && file[i] != '\r')
			break;
	}
	while (cut > start && strchr(" \t\r\n", file[cut - 1]))
		cut--;
	if (!(out = malloc(cut - start + 1)))
		return NULL;
	memcpy(out, file + start, cut - start);
	out[cut - start] = '\0';
	return out;
}
