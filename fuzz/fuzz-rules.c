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

#include "omni.h"

static char path[64];

#ifndef FUZZ_KNOWN_BUGS
/* Known: a "holiday" line without a date passes NULL to qsort
 * (lib/route_calendar.c, undefined behaviour; fuzz/README). */
static int
empty_holiday(const uint8_t *d, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t j = i;
		if (i && d[i - 1] != '\n')
			continue;
		while (j < n && (d[j] == ' ' || d[j] == '\t'))
			j++;
		if (n - j < 7 || memcmp(d + j, "holiday", 7) != 0)
			continue;
		j += 7;
		if (j < n && d[j] == 's')
			j++;
		while (j < n && (d[j] == ' ' || d[j] == '\t' || d[j] == '\r'))
			j++;
		if (j == n || d[j] == '\n' || d[j] == '#' || d[j] == '\0' || d[j] == ',')
			return 1;
	}
	return 0;
}

/* Known: a duration beyond 2^63 ms ("1e300h", thirty digits, "nanh",
 * "infh") converts a double out of range to int64_t
 * (lib/route_rules.c:106). */
static int
huge_number(const uint8_t *d, size_t n)
{
	size_t run = 0;

	for (size_t i = 0; i + 2 < n; i++)
		if ((strncasecmp((const char *)d + i, "nan", 3) == 0 ||
		     strncasecmp((const char *)d + i, "inf", 3) == 0))
			return 1;
	for (size_t i = 0; i < n; i++) {
		run = d[i] >= '0' && d[i] <= '9' ? run + 1 : 0;
		if (run >= 12 || (run && i + 1 < n && (d[i + 1] == 'e' || d[i + 1] == 'E')))
			return 1;
	}
	return 0;
}
#endif

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

#ifndef FUZZ_KNOWN_BUGS
	/* Known: a CR not at the end of a line, a VT or an FF makes
	 * omni_rules_load loop forever (fuzz/README); make fuzz
	 * FUZZ_KNOWN_BUGS=1 tries them. */
	for (size_t i = 0; i < size; i++)
		if (data[i] == '\v' || data[i] == '\f' ||
		    (data[i] == '\r' && (i + 1 == size || data[i + 1] != '\n'))) {
			close(fd);
			return 0;
		}
	if (empty_holiday(data, size) || huge_number(data, size)) {
		close(fd);
		return 0;
	}
#endif
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
