/* cli.c - what every program does at its end: closing its output. */
#include <stdio.h>

#include "core/core.h"
#include "cli/cli.h"
#include "record/record.h"

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
