/* route_assign.c - assignment inside a queue (the "assign" blocks of
 * man/omni-rules.5): round-robin or least-open, a cap of open tickets per
 * agent, the load kept in the store so that it holds across runs and
 * between two runs at once. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "core/core.h"
#include "store/store.h"
#include "rules/rules.h"
#include "route/route.h"

enum { GET, PUT, RELEASE, LOAD, RR_GET, RR_PUT, NSTMT };

static const char *const sql[NSTMT] = {
	[GET] = "SELECT queue, agent, open FROM route_assignments WHERE ticket_id = ?1",
	[PUT] = "INSERT INTO route_assignments (ticket_id, queue, agent, open, assigned_at,"
	        " updated_at) VALUES (?1, ?2, ?3, 1, ?4, ?4) ON CONFLICT(ticket_id) DO UPDATE"
	        " SET assigned_at = CASE WHEN agent = ?3 AND queue = ?2 AND open = 1"
	        " THEN assigned_at ELSE ?4 END, queue = ?2, agent = ?3, open = 1, updated_at = ?4",
	[RELEASE] = "UPDATE route_assignments SET open = 0, updated_at = ?2"
	            " WHERE ticket_id = ?1 AND open = 1",
	[LOAD] = "SELECT count(*) FROM route_assignments WHERE agent = ?1 AND open = 1",
	[RR_GET] = "SELECT last_agent FROM route_round_robin WHERE queue = ?1",
	[RR_PUT] = "INSERT INTO route_round_robin (queue, last_agent) VALUES (?1, ?2)"
	           " ON CONFLICT(queue) DO UPDATE SET last_agent = ?2",
};

struct omni_assign {
	omni_store *store;
	sqlite3_stmt *st[NSTMT];
	char now[40];
};

/* What the store knew of the ticket before this run. */
typedef struct before {
	int have, open;
	char queue[256], agent[256];
} before;

int
omni_assign_new(omni_store *s, omni_assign **out, omni_error *err)
{
	omni_assign *a = calloc(1, sizeof *a);

	*out = NULL;
	if (!a)
		return omni_error_set(err, OMNI_EX_SOFTWARE, NULL, 0, 0, "out of memory"), -1;
	a->store = s;
	for (int i = 0; i < NSTMT; i++)
		if (sqlite3_prepare_v2(omni_store_db(s), sql[i], -1, &a->st[i], NULL) != SQLITE_OK) {
			omni_store_error(s, err, "cannot prepare the assignment statements");
			omni_assign_free(a);
			return -1;
		}
	*out = a;
	return 0;
}

void
omni_assign_free(omni_assign *a)
{
	if (!a)
		return;
	for (int i = 0; i < NSTMT; i++)
		sqlite3_finalize(a->st[i]);
	free(a);
}

/* Runs statement i with text parameters (NULL-terminated): SQLITE_ROW
 * with the statement left on the row for the caller, SQLITE_DONE, or -1
 * with err.  The caller resets. */
static int
run(omni_assign *a, int i, omni_error *err, ...)
{
	sqlite3_stmt *st = a->st[i];
	va_list ap;
	const char *v;
	int k = 1, rc;

	sqlite3_reset(st);
	va_start(ap, err);
	while ((v = va_arg(ap, const char *)))
		sqlite3_bind_text(st, k++, v, -1, SQLITE_STATIC);
	va_end(ap);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc;
	omni_store_error(a->store, err, "cannot record the assignment");
	sqlite3_reset(st);
	return -1;
}

static void
copy_col(sqlite3_stmt *st, int col, char *buf, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	snprintf(buf, size, "%s", t ? (const char *)t : "");
}

static int
agent_index(const omni_queue *q, const char *name)
{
	for (size_t i = 0; q && i < q->nagents; i++)
		if (strcmp(q->agents[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* Whether agent i can take one more: 1, 0 at the cap, -1 with err. */
static int
has_room(omni_assign *a, const omni_queue *q, size_t i, long *load, omni_error *err)
{
	int cap = q->agents[i].cap >= 0 ? q->agents[i].cap : q->cap;

	if (run(a, LOAD, err, q->agents[i].name, (char *)NULL) != SQLITE_ROW)
		return -1;
	*load = (long)sqlite3_column_int64(a->st[LOAD], 0);
	sqlite3_reset(a->st[LOAD]);
	return cap == 0 || *load < cap;
}

/* The agent the queue's strategy gives the next ticket: its index, -2
 * when every agent is at the cap, -1 with err.  prefer: an agent the
 * ticket had before, taken back when there is room. */
static int
pick(omni_assign *a, const omni_queue *q, const char *prefer, omni_error *err)
{
	size_t n = q->nagents, start = 0;
	long load, best_load = 0;
	int best = -2, k, room;

	if (prefer && (k = agent_index(q, prefer)) >= 0) {
		if ((room = has_room(a, q, (size_t)k, &load, err)) != 0)
			return room < 0 ? -1 : k;
	}
	if (q->strategy == OMNI_ASSIGN_ROUND_ROBIN) {
		if ((k = run(a, RR_GET, err, q->name, (char *)NULL)) < 0)
			return -1;
		if (k == SQLITE_ROW) {
			char last[256];
			copy_col(a->st[RR_GET], 0, last, sizeof last);
			start = (size_t)(agent_index(q, last) + 1);
		}
		sqlite3_reset(a->st[RR_GET]);
	}
	for (size_t j = 0; j < n; j++) {
		size_t i = (start + j) % n;
		if ((room = has_room(a, q, i, &load, err)) < 0)
			return -1;
		if (!room)
			continue;
		if (q->strategy == OMNI_ASSIGN_ROUND_ROBIN)
			return (int)i;
		if (best < 0 || load < best_load)
			best = (int)i, best_load = load;
	}
	return best;
}

static int
lookup(omni_assign *a, const char *id, before *b, omni_error *err)
{
	int rc = run(a, GET, err, id, (char *)NULL);

	memset(b, 0, sizeof *b);
	if (rc < 0)
		return -1;
	if (rc == SQLITE_ROW) {
		b->have = 1;
		copy_col(a->st[GET], 0, b->queue, sizeof b->queue);
		copy_col(a->st[GET], 1, b->agent, sizeof b->agent);
		b->open = sqlite3_column_int(a->st[GET], 2);
	}
	sqlite3_reset(a->st[GET]);
	return 0;
}

static int
put(omni_assign *a, const char *id, const char *queue, const char *agent, omni_error *err)
{
	int rc = run(a, PUT, err, id, queue, agent, a->now, (char *)NULL);
	sqlite3_reset(a->st[PUT]);
	return rc < 0 ? -1 : 0;
}

static int
release(omni_assign *a, const char *id, omni_error *err)
{
	int rc = run(a, RELEASE, err, id, a->now, (char *)NULL);
	sqlite3_reset(a->st[RELEASE]);
	return rc < 0 ? -1 : 0;
}

static void
add_tag(omni_route *r, const char *tag)
{
	for (size_t i = 0; i < r->ntags; i++)
		if (strcmp(r->tags[i], tag) == 0)
			return;
	if (r->ntags < OMNI_ROUTE_MAX)
		r->tags[r->ntags++] = tag;
}

/* The decision, inside the transaction. */
static int
decide(omni_assign *a, const omni_queue *q, omni_route *r, const char *id, omni_error *err)
{
	int done = r->status && (!strcmp(r->status, "solved") || !strcmp(r->status, "closed"));
	before b;
	int k;

	if (lookup(a, id, &b, err) < 0)
		return -1;
	if (done) {                  /* solved: the slot is free again */
		if (!r->assignee && b.have)
			r->assignee = omni_route_keep(r, b.agent, strlen(b.agent));
		return b.have && b.open ? release(a, id, err) : 0;
	}
	if (r->assignee) {           /* given by hand or by a rule: that wins */
		if (agent_index(q, r->assignee) >= 0)
			return b.have && b.open && !strcmp(b.agent, r->assignee) &&
			       !strcmp(b.queue, q->name) ? 0 : put(a, id, q->name, r->assignee, err);
		return b.have && b.open ? release(a, id, err) : 0;
	}
	if (b.have && b.open && q && !strcmp(b.queue, q->name) && agent_index(q, b.agent) >= 0) {
		r->assignee = omni_route_keep(r, b.agent, strlen(b.agent));
		return 0;                /* seen again: the same agent, counted once */
	}
	if (b.have && b.open && release(a, id, err) < 0)
		return -1;
	if (!q || !q->nagents)
		return 0;
	if ((k = pick(a, q, b.have ? b.agent : NULL, err)) == -1)
		return -1;
	if (k == -2) {
		add_tag(r, "unassigned:cap");
		return 0;
	}
	r->assignee = q->agents[k].name;
	if (put(a, id, q->name, r->assignee, err) < 0)
		return -1;
	if (q->strategy != OMNI_ASSIGN_ROUND_ROBIN)
		return 0;
	k = run(a, RR_PUT, err, q->name, r->assignee, (char *)NULL);
	sqlite3_reset(a->st[RR_PUT]);
	return k < 0 ? -1 : 0;
}

int
omni_assign_route(omni_assign *a, const omni_rules *rs, omni_route *r, const char *id,
                  omni_error *err)
{
	const omni_queue *q = omni_rules_queue(rs, r->queue);

	if (!id || !*id)
		return 0;                /* nothing to keep the slot by */
	omni_time_format(r->now ? r->now : omni_clock_now(), a->now);
	if (omni_store_begin(a->store, err) < 0)
		return -1;
	if (decide(a, q, r, id, err) < 0) {
		omni_store_rollback(a->store);
		return -1;
	}
	return omni_store_commit(a->store, err);
}
