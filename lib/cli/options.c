/* options.c - a program's table of options, made into getopt_long's
 * arguments and into --help; the options every program shares. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "cli/cli.h"

/* More than any program has; a longer table is a bug, caught at once. */
#define MAX_OPTS 48

/* --help's help texts start in this column. */
#define HELP_COLUMN 23

static int
has_short(const omni_cli_opt *o)
{
	return o->val > 0 && o->val < OMNI_CLI_LONG;
}

/* getopt_long reads its tables again on every call: they live here, made
 * from the table of the cli they were made for. */
static const omni_cli *built;
static struct option longopts[MAX_OPTS + 1];
static char shortopts[2 * MAX_OPTS + 1];

static void
build(const omni_cli *cli)
{
	size_t n = 0, k = 0;

	for (const omni_cli_opt *o = cli->opts; o->name; o++, n++) {
		if (n == MAX_OPTS) {
			fprintf(stderr, "%s: more than %d options\n", omni_progname(), MAX_OPTS);
			abort();
		}
		longopts[n] = (struct option){ o->name, o->arg ? required_argument : no_argument,
		                               NULL, o->val };
		if (has_short(o)) {
			shortopts[k++] = (char)o->val;
			if (o->arg)
				shortopts[k++] = ':';
		}
	}
	longopts[n] = (struct option){ NULL, 0, NULL, 0 };
	shortopts[k] = '\0';
	built = cli;
}

int
omni_cli_getopt(const omni_cli *cli, int argc, char **argv)
{
	if (built != cli)
		build(cli);
	return getopt_long(argc, argv, shortopts, longopts, NULL);
}

/* "  -d, --db FILE" and the help beside it, from HELP_COLUMN; a name too
 * long for that column has its help on the next line when both would
 * not fit in 80. */
static void
print_option(FILE *f, const omni_cli_opt *o)
{
	char name[128];
	int n;

	if (has_short(o))
		n = snprintf(name, sizeof name, "  -%c, --%s", o->val, o->name);
	else
		n = snprintf(name, sizeof name, "      --%s", o->name);
	if (o->arg && n >= 0 && (size_t)n < sizeof name)
		n += snprintf(name + n, sizeof name - n, " %s", o->arg);
	if (n > HELP_COLUMN - 2 && n + 2 + strlen(o->help) > 80)
		fprintf(f, "%s\n%*s%s\n", name, HELP_COLUMN, "", o->help);
	else
		fprintf(f, "%-*s  %s\n", HELP_COLUMN - 2, name, o->help);
}

static void
print_help(FILE *f, const omni_cli *cli)
{
	fprintf(f, "%s\n\n%s\n", cli->usage, cli->about);
	for (const omni_cli_opt *o = cli->opts; o->name; o++)
		print_option(f, o);
}

int
omni_cli_option(int c, const omni_cli *cli)
{
	omni_error err = { 0 };

	switch (c) {
	case OMNI_CLI_NOW:
		if (omni_clock_set(optarg, &err) < 0)
			return omni_usage_error(cli->usage, "%s", err.text);
		return 0;
	case 'q':
		omni_verbosity = -1;
		return 0;
	case 'v':
		omni_verbosity++;
		return 0;
	case 'h':
		print_help(stdout, cli);
		exit(omni_stdout_close());
	case 'V':
		printf("%s %s\n", omni_progname(), OMNI_VERSION);
		exit(omni_stdout_close());
	default:
		return omni_usage_error(cli->usage, NULL);
	}
}
