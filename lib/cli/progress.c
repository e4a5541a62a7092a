/* progress.c - a progress line on stderr while long work runs (count,
 * rate, elapsed), as curl and rsync show: only when stderr is a terminal,
 * never with -q, and only in the process that started it (not in the
 * children of omni-fetch --jobs). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/core.h"
#include "cli/cli.h"

static int shown;    /* a line is on the terminal, not yet ended */

void
omni_progress_start(omni_progress *p, const char *what)
{
	const char *term = getenv("TERM");

	memset(p, 0, sizeof *p);
	p->what = what;
	p->on = omni_verbosity >= 0 && isatty(STDERR_FILENO) &&
	        !(term && strcmp(term, "dumb") == 0);
	p->pid = getpid();
	p->start = omni_clock_monotonic();
}

static void
draw(omni_progress *p, double now)
{
	double secs = now - p->start;
	long s = (long)secs;

	fprintf(stderr, "\r\033[K%s: %ld %s, %.0f/s, %ld:%02ld elapsed", omni_progname(),
	        p->count, p->what, secs > 0.05 ? (double)p->count / secs : 0.0, s / 60, s % 60);
	fflush(stderr);
	shown = 1;
	p->last = now;
}

void
omni_progress_add(omni_progress *p, long n)
{
	double now;

	p->count += n;
	if (!p->on || getpid() != p->pid)
		return;
	/* the first at once, then twice a second */
	now = omni_clock_monotonic();
	if (!shown || now - p->last >= 0.5)
		draw(p, now);
}

void
omni_progress_end(omni_progress *p)
{
	if (!p->on || getpid() != p->pid || !shown)
		return;
	draw(p, omni_clock_monotonic());
	fputc('\n', stderr);
	shown = 0;
}

void
omni_progress_clear(void)
{
	if (shown) {
		fputs("\r\033[K", stderr);
		shown = 0;
	}
}
