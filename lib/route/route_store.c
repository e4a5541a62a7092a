/* route_store.c - omni-route's SQL: the assignments and the round-robin
 * turns kept in the store, so that the load holds across runs and between
 * two runs at once (each decision in the caller's transaction). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/core.h"
#include "store/store.h"
#include "route_int.h"

enum { GET, PUT, RELEASE, LOAD, RR_GET, RR_PUT, NSTMT };

static const char *const sql[NSTMT] = {
	[GET] = "SELECT queue, agent, open FROM route_assignments WHERE ticket_id = ?1",
	[PUT] = "INSERT INTO route_assignments (ticket_id, queue, agent, open, assigned_at,"
	        " updated_at) VALUES (?1, ?2, ?3, 1, ?4, ?4) ON CONFLICT(ticket_id) DO UPDATE"
	        " SET assigned_at = CASE WHEN route_assignments.agent = ?3"
	        " AND route_assignments.queue = ?2 AND route_assignments.open = 1"
	        " THEN route_assignments.assigned_at ELSE ?4 END, queue = ?2, agent = ?3, open = 1, updated_at = ?4",
	[RELEASE] = "UPDATE route_assignments SET open = 0, updated_at = ?2"
	            " WHERE ticket_id = ?1 AND open = 1",
	[LOAD] = "SELECT count(*) FROM route_assignments WHERE agent = ?1 AND open = 1",
	[RR_GET] = "SELECT last_agent FROM route_round_robin WHERE queue = ?1",
	[RR_PUT] = "INSERT INTO route_round_robin (queue, last_agent) VALUES (?1, ?2)"
	           " ON CONFLICT(queue) DO UPDATE SET last_agent = ?2",
};

int
omni_route_store_prepare(omni_store *s, omni_error *err)
{
	for (int i = 0; i < NSTMT; i++)
		if (!omni_store_stmt(s, sql[i], NULL))
			return omni_store_error(s, err, "cannot prepare the assignment statements"), -1;
	return 0;
}

/* Runs statement i with text parameters (borrowed, NULL-terminated):
 * OMNI_STMT_ROW with *out on the row for the caller to read and reset,
 * OMNI_STMT_DONE, or -1 with err. */
static int
run(omni_store *s, int i, omni_stmt **out, omni_error *err, ...)
{
	omni_stmt *st = omni_store_stmt(s, sql[i], err);
	va_list ap;
	const char *v;
	int k = 1, rc;

	if (!(*out = st))
		return -1;
	va_start(ap, err);
	while ((v = va_arg(ap, const char *)))
		omni_stmt_bind_str(st, k++, v);
	va_end(ap);
	rc = omni_stmt_step(st, err, "cannot record the assignment");
	if (rc < 0)
		omni_stmt_reset(st);
	return rc;
}

static void
copy_col(omni_stmt *st, int col, char *buf, size_t size)
{
	const char *t = omni_stmt_text(st, col);
	snprintf(buf, size, "%s", t ? t : "");
}

int
omni_route_store_get(omni_store *s, const char *ticket, omni_assignment *a,
                     omni_error *err)
{
	omni_stmt *st;
	int rc = run(s, GET, &st, err, ticket, (char *)NULL);

	memset(a, 0, sizeof *a);
	if (rc < 0)
		return -1;
	if (rc == OMNI_STMT_ROW) {
		a->have = 1;
		copy_col(st, 0, a->queue, sizeof a->queue);
		copy_col(st, 1, a->agent, sizeof a->agent);
		a->open = (int)omni_stmt_int64(st, 2);
	}
	omni_stmt_reset(st);
	return 0;
}

/* Runs a write.  0 or -1 with err. */
static int
write_row(omni_store *s, int i, omni_error *err, const char *a, const char *b,
          const char *c, const char *d)
{
	omni_stmt *st;
	int rc = run(s, i, &st, err, a, b, c, d, (char *)NULL);

	if (rc < 0)
		return -1;
	omni_stmt_reset(st);
	return 0;
}

int
omni_route_store_put(omni_store *s, const char *ticket, const char *queue,
                     const char *agent, const char *now, omni_error *err)
{
	return write_row(s, PUT, err, ticket, queue, agent, now);
}

int
omni_route_store_release(omni_store *s, const char *ticket, const char *now,
                         omni_error *err)
{
	return write_row(s, RELEASE, err, ticket, now, NULL, NULL);
}

long
omni_route_store_load(omni_store *s, const char *agent, omni_error *err)
{
	omni_stmt *st;
	long load;

	if (run(s, LOAD, &st, err, agent, (char *)NULL) != OMNI_STMT_ROW)
		return -1;
	load = (long)omni_stmt_int64(st, 0);
	omni_stmt_reset(st);
	return load;
}

int
omni_route_store_last(omni_store *s, const char *queue, char *agent, size_t size,
                      omni_error *err)
{
	omni_stmt *st;
	int rc = run(s, RR_GET, &st, err, queue, (char *)NULL);

	if (rc < 0)
		return -1;
	if (rc == OMNI_STMT_ROW)
		copy_col(st, 0, agent, size);
	omni_stmt_reset(st);
	return rc == OMNI_STMT_ROW;
}

int
omni_route_store_set_last(omni_store *s, const char *queue, const char *agent,
                          omni_error *err)
{
	return write_row(s, RR_PUT, err, queue, agent, NULL, NULL);
}
