/* storecopy FROM TO - copies the store FROM (a path or a postgresql://
 * URI) into the new store TO with omni_store_copy, printing each table
 * and its rows; for tests/store-pg.bats. */
#include <stdio.h>

#include "core/core.h"
#include "store/store.h"

static void
said(void *arg, const char *table, long long rows)
{
	printf("%s %lld\n", table, rows);
}

int
main(int argc, char **argv)
{
	omni_store *from = NULL, *to = NULL;
	omni_error err = { 0 };
	int rc = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: storecopy FROM TO\n");
		return 64;
	}
	if (omni_store_open(argv[1], &from, &err) < 0 ||
	    omni_store_open(argv[2], &to, &err) < 0 ||
	    omni_store_copy(from, to, said, NULL, &err) < 0) {
		fprintf(stderr, "storecopy: %s%s%s\n", *err.where ? err.where : "",
		        *err.where ? ": " : "", err.text);
		rc = err.status ? err.status : 70;
	}
	omni_store_close(from);
	omni_store_close(to);
	return rc;
}
