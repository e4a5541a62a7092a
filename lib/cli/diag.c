/* diag.c - talking to people on stderr; used by cmd/ only. */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <string.h>

#include "core/core.h"
#include "cli/cli.h"

int omni_verbosity;
static const char *progname = "omni";

void
omni_diag_init(const char *argv0)
{
	const char *slash = argv0 ? strrchr(argv0, '/') : NULL;

	if (argv0)
		progname = slash ? slash + 1 : argv0;
	/* Past a file-size limit a write fails with EFBIG, which is reported
	 * and exits 74, instead of the process dying without a word; a closed
	 * pipe is EPIPE, which omni_out takes for a quiet end. */
	signal(SIGXFSZ, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
}

const char *
omni_progname(void)
{
	return progname;
}

static void
vsay(const char *fmt, va_list ap)
{
	char buf[2048];

	vsnprintf(buf, sizeof buf, fmt, ap);
	omni_progress_clear();
	fprintf(stderr, "%s: %s\n", progname, buf);
}

void
omni_warn(const char *fmt, ...)
{
	va_list ap;

	if (omni_verbosity < 0)
		return;
	va_start(ap, fmt);
	vsay(fmt, ap);
	va_end(ap);
}

void
omni_verbose(const char *fmt, ...)
{
	va_list ap;

	if (omni_verbosity < 1)
		return;
	va_start(ap, fmt);
	vsay(fmt, ap);
	va_end(ap);
}

void
omni_report(const omni_error *e)
{
	char buf[1200];

	omni_error_format(e, buf, sizeof buf);
	omni_progress_clear();
	fprintf(stderr, "%s: %s\n", progname, buf);
}

int
omni_usage_error(const char *usage, const char *fmt, ...)
{
	va_list ap;

	if (fmt) {
		va_start(ap, fmt);
		vsay(fmt, ap);
		va_end(ap);
	}
	fprintf(stderr, "%s\ntry '%s --help'\n", usage, progname);
	return OMNI_EX_USAGE;
}

int
omni_stdout_close(void)
{
	if (fflush(stdout) == EOF || ferror(stdout)) {
		fprintf(stderr, "%s: stdout: %s\n", progname, strerror(errno));
		return OMNI_EX_IOERR;
	}
	return 0;
}
