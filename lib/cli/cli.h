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

// reject.c
/* The file of --reject, created mode 0600 (it holds whole tickets), for
 * appending (append 1) or anew: new, or NULL with err (73). */
FILE *omni_reject_open(const char *path, int append, omni_error *err);

// options.c - a program's options, written once: one table drives
// getopt_long and --help (and the tests hold the man pages and the
// completions to --help).

/* One option: what getopt_long returns for it, and its line in --help. */
typedef struct omni_cli_opt {
	const char *name;    /* the long name, without "--"; NULL ends a table */
	int val;             /* the short letter, or from OMNI_CLI_LONG up: none */
	const char *arg;     /* the argument's name in --help; NULL: none */
	const char *help;    /* the rest of its --help line */
} omni_cli_opt;

/* The values of options without a short letter.  --now is shared; a
 * program numbers its own from OMNI_CLI_OWN. */
enum { OMNI_CLI_LONG = 256, OMNI_CLI_NOW = OMNI_CLI_LONG, OMNI_CLI_OWN };

/* A program's command line: --help prints usage, a blank line, about, a
 * blank line and the options, in the table's order. */
typedef struct omni_cli {
	const char *usage;         /* "usage: ..." lines, no last newline */
	const char *about;         /* lines, each ending in a newline */
	const omni_cli_opt *opts;  /* ends with OMNI_CLI_OPTS_END */
} omni_cli;

/* The table entries of a program that reads tickets: 'k' and 'r' are its
 * own to handle, --now is omni_cli_option's. */
#define OMNI_CLI_OPTS_INPUT \
	{ "keep-going", 'k', NULL, "set malformed records aside and go on" }, \
	{ "reject", 'r', "FILE", "where --keep-going puts them" }, \
	{ "now", OMNI_CLI_NOW, "TIME", "the clock (RFC 3339 or Unix seconds)" }
/* The last entries of every table, handled by omni_cli_option. */
#define OMNI_CLI_OPTS_END \
	{ "quiet", 'q', NULL, "no warnings" }, \
	{ "verbose", 'v', NULL, "more detail" }, \
	{ "help", 'h', NULL, "this help" }, \
	{ "version", 'V', NULL, "version" }, \
	{ NULL, 0, NULL, NULL }

/* getopt_long over cli's table (borrowed, kept for the next calls): the
 * next option's val, '?' for a bad one, -1 at the end. */
int omni_cli_getopt(const omni_cli *cli, int argc, char **argv);

/* The options every program shares, for the default of its switch on
 * omni_cli_getopt: --now, -q, -v, -h (prints --help, exits), -V (exits).
 * 0 when handled; 64 after a usage error (an unknown option or a bad
 * --now). */
int omni_cli_option(int c, const omni_cli *cli);

// progress.c - a progress line on stderr, only on a terminal, never with -q
typedef struct omni_progress {
	const char *what;    /* borrowed: "tickets", "records" */
	long count;
	double start, last;  /* omni_clock_monotonic() */
	int on;
	long pid;            /* the process that started it */
} omni_progress;
/* After the options are read (-q). */
void omni_progress_start(omni_progress *p, const char *what);
/* n more done: the line is redrawn at most twice a second. */
void omni_progress_add(omni_progress *p, long n);
/* The last count, and the line ended, when one was shown. */
void omni_progress_end(omni_progress *p);
/* Clears a line shown, so that a diagnostic starts on a clean line. */
void omni_progress_clear(void);

// cli.c

/* Closes a program's output (steals; may be NULL) and reject
 * file (may be NULL): a write error is reported and makes the status 74.
 * Returns the status to exit with. */
int omni_cli_close(omni_out *out, FILE *reject, int status);

#endif
