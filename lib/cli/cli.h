/* cli.h - what every program's main shares: talking to people on stderr, the
 * common options, closing the output.  For cmd/ only. */
#ifndef OMNI_CLI_CLI_H
#define OMNI_CLI_CLI_H

#include "core/core.h"
#include "record/record.h"

// diag.c - the printing half, for cmd/ only

extern int omni_verbosity;     /* -1 with -q, 0 default, 1+ with -v */

/* Names the program for diagnostics; ignores SIGPIPE (a closed pipe is a
 * quiet end, through omni_out) and SIGXFSZ (a write past the file-size
 * limit fails with EFBIG and exits 74). */
void omni_diag_init(const char *argv0);
const char *omni_progname(void);
/* "prog: message\n" on stderr; omni_warn is silenced by -q. */
void omni_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void omni_verbose(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints an error (never silenced): "prog: where:line:col: text". */
void omni_report(const omni_error *e);
/* Short usage line for a bad option, then "try 'prog --help'"; returns 64. */
int omni_usage_error(const char *usage, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Flushes stdout (after --help, --version): 0, or 74 after saying why. */
int omni_stdout_close(void);

// cli.c
/* The options every program shares, for the default of its getopt_long
 * switch: now_opt (its --now), -q, -v, -h (prints usage and help, exits),
 * -V (exits).  0 when handled; 64 after a usage error (an unknown option
 * or a bad --now). */
int omni_cli_option(int c, int now_opt, const char *usage, const char *help);

/* (lib/cli/cli.c) Closes a program's output (steals; may be NULL) and reject
 * file (may be NULL): a write error is reported and makes the status 74.
 * Returns the status to exit with. */
int omni_cli_close(omni_out *out, FILE *reject, int status);

#endif
