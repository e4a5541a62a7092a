/* reject.c - the file of --reject: it holds whole tickets, customers'
 * words and addresses, so it is created private, 0600, as the store is. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

FILE *
omni_reject_open(const char *path, int append, omni_error *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC),
	              0600);
	FILE *fp;

	if (fd < 0) {
		omni_error_set(err, OMNI_EX_CANTCREAT, path, 0, 0, "%s", strerror(errno));
		return NULL;
	}
	if (!(fp = fdopen(fd, append ? "a" : "w"))) {
		omni_error_set(err, OMNI_EX_CANTCREAT, path, 0, 0, "%s", strerror(errno));
		close(fd);
	}
	return fp;
}
