/* route_assign.c - assignment inside a queue (the "assign" blocks of
 * man/omni-rules.5): round-robin or least-open, a cap of open tickets per
 * agent, the load kept in the store so that it holds across runs and
 * between two runs at once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "store/store.h"
#include "rules/rules.h"
#include "route/route.h"
#include "route_int.h"

struct omni_assign {
	omni_store *store;
	char now[40];
};

int
omni_assign_new(omni_store *s, omni_assign **out, omni_error *err)
{
	omni_assign *a = calloc(1, sizeof *a);

	*out = NULL;
	if (!a)
		return omni_error_oom(err), -1;
	a->store = s;
	if (omni_route_store_prepare(s, err) < 0) {
		omni_assign_free(a);
		return -1;
	}
	*out = a;
	return 0;
}

void
omni_assign_free(omni_assign *a)
{
	free(a);
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

	if ((*load = omni_route_store_load(a->store, q->agents[i].name, err)) < 0)
		return -1;
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
		char last[256];
		if ((k = omni_route_store_last(a->store, q->name, last, sizeof last, err)) < 0)
			return -1;
		if (k)
			start = (size_t)(agent_index(q, last) + 1);
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
put(omni_assign *a, const char *id, const char *queue, const char *agent, omni_error *err)
{
	return omni_route_store_put(a->store, id, queue, agent, a->now, err);
}

static int
release(omni_assign *a, const char *id, omni_error *err)
{
	return omni_route_store_release(a->store, id, a->now, err);
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
	omni_assignment b;
	int k;

	if (omni_route_store_get(a->store, id, &b, err) < 0)
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
	return omni_route_store_set_last(a->store, q->name, r->assignee, err);
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
