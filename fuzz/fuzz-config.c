/* fuzz-config - the configuration file (man/omni-config.5): the input
 * as a rules file through omni_config_load, which must accept it or refuse
 * it with 78 (configuration) naming a line. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/core.h"

static char path[64];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	snprintf(path, sizeof path, "/tmp/omni-fuzz-config-%ld", (long)getpid());
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	omni_config *c = NULL;
	omni_error err = { 0 };
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

	if (fd < 0 || write(fd, data, size) != (ssize_t)size)
		abort();
	close(fd);
	if (omni_config_load(path, &c, &err) < 0 && err.status != OMNI_EX_CONFIG) {
		fprintf(stderr, "fuzz-config: status %d: %s\n", err.status, err.text);
		abort();
	}
	omni_config_free(c);
	unlink(path);
	return 0;
}
