/* store_int.h - what the lib/store/ files share, and nothing else
 * includes.  The engine (SQLite) is reached from store.c and stmt.c only;
 * the other files of the area use the statements of store.h. */
#ifndef OMNI_STORE_INT_H
#define OMNI_STORE_INT_H

#include "store/store.h"

struct sqlite3;

struct omni_store {
	struct sqlite3 *db;
	char *path;
	int busy_ms;
	/* The statement cache (lib/store/stmt.c): keys[i] is the text
	 * kept[i] was prepared from. */
	const char **keys;
	omni_stmt **kept;
	size_t nkept, capkept;
	/* omni_store_watch_fulfillments */
	omni_store_watch_fn *watch;
	void *watch_arg;
};

/* lib/store/stmt.c: finalizes every kept statement (before closing). */
void omni_store_stmts_free(omni_store *s);

#endif
