/* cli.c - what every program shares on the command line: the options -q,
 * -v, -h, -V and --now, and closing its output at the end. */
#include <getopt.h>
#include <stdlib.h>

#include "core/core.h"
#include "cli/cli.h"
#include "record/record.h"

int
omni_cli_option(int c, int now_opt, const char *usage, const char *help)
{
	omni_error err = { 0 };

	if (c == now_opt) {
		if (omni_clock_set(optarg, &err) < 0)
			return omni_usage_error(usage, "%s", err.text);
		return 0;
	}
	switch (c) {
	case 'q':
		omni_verbosity = -1;
		return 0;
	case 'v':
		omni_verbosity++;
		return 0;
	case 'h':
		printf("%s\n%s", usage, help);
		exit(omni_stdout_close());
	case 'V':
		printf("%s %s\n", omni_progname(), OMNI_VERSION);
		exit(omni_stdout_close());
	default:
		return omni_usage_error(usage, NULL);
	}
}

int
omni_cli_close(omni_out *out, FILE *reject, int status)
{
	omni_error err = { 0 };

	if (out && omni_out_close(out, &err) != 0) {
		omni_report(&err);
		status = OMNI_EX_IOERR;
	}
	if (reject && fclose(reject) == EOF && !status)
		status = OMNI_EX_IOERR;
	return status;
}
