/* fuzz-rules - the routing rules language (man/omni-rules.5): the input
 * as a rules file through omni_rules_load, which must accept it or refuse
 * it with 78 (configuration) naming a line. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "core/core.h"
#include "rules/rules.h"

static char path[64];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	snprintf(path, sizeof path, "/tmp/omni-fuzz-rules-%ld", (long)getpid());
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	omni_rules rs;
	omni_error err = { 0 };
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

	if (fd < 0 || write(fd, data, size) != (ssize_t)size)
		abort();
	close(fd);
	memset(&rs, 0, sizeof rs);
	if (omni_rules_load(&rs, path, &err) < 0 && err.status != OMNI_EX_CONFIG) {
		fprintf(stderr, "fuzz-rules: status %d: %s\n", err.status, err.text);
		abort();
	}
	omni_rules_free(&rs);
	unlink(path);
	return 0;
}
