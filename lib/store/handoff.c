/*
 * handoff.c - what one stage of the pipeline wrote and the next has not
 * yet taken (omni(7), "Nothing lost between stages").
 *
 * A row names its run (omni_proc_run: the process group of a cron job's
 * pipeline).  The stage that takes a row deletes it in the transaction
 * that records what it did with it; a row whose run is gone was never
 * taken (a stage killed, a pipe into something else), and the next
 * omni-link takes it up.
 */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "record/record.h"
#include "store/store.h"

static const char put_sql[] =
	"INSERT INTO handoff (stage, key, record, holder, at) VALUES (?1, ?2, ?3, ?4, ?5)"
	" ON CONFLICT (stage, key) DO UPDATE SET record = coalesce(?3, handoff.record),"
	" holder = ?4, at = ?5,"
	" offers = CASE WHEN handoff.holder = ?4 THEN handoff.offers ELSE 1 END";
static const char take_sql[] = "DELETE FROM handoff WHERE stage = ?1 AND key = ?2";
static const char done_sql[] =
	"DELETE FROM handoff WHERE stage = ?1 AND key = ?2 AND holder = ?3";
static const char list_sql[] =
	"SELECT key, holder FROM handoff WHERE stage = ?1 AND holder <> ?2 ORDER BY at, key";
static const char claim_sql[] =
	"UPDATE handoff SET holder = ?3, at = ?4, offers = offers + 1"
	" WHERE stage = ?1 AND key = ?2 AND holder = ?5 RETURNING record, offers";
static const char arrived_sql[] = "DELETE FROM handoff WHERE stage = ?1 AND holder = ?2";
static const char prune_sql[] = "DELETE FROM handoff WHERE stage = ?1 AND at < ?2";

static int
run(omni_store *s, const char *sql, omni_error *err, const char *stage, const char *key,
    const char *third)
{
	omni_stmt *st = omni_store_stmt(s, sql, err);
	int rc;

	if (!st)
		return -1;
	omni_stmt_bind_str(st, 1, stage);
	omni_stmt_bind_str(st, 2, key);
	if (third)
		omni_stmt_bind_str(st, 3, third);
	rc = omni_stmt_step(st, err, "the hand-off between stages");
	omni_stmt_reset(st);
	return rc == OMNI_STMT_DONE ? 0 : -1;
}

int
omni_handoff_put(omni_store *s, const char *stage, const char *key, const char *record,
                 size_t len, omni_error *err)
{
	omni_stmt *st = omni_store_stmt(s, put_sql, err);
	char now[40];
	int rc;

	if (!st)
		return -1;
	omni_stmt_bind_str(st, 1, stage);
	omni_stmt_bind_str(st, 2, key);
	if (record)
		omni_stmt_bind_text(st, 3, record, len);
	omni_stmt_bind_str(st, 4, omni_proc_run());
	omni_stmt_bind_str(st, 5, omni_time_format(omni_clock_now(), now));
	rc = omni_stmt_step(st, err, "the hand-off between stages");
	omni_stmt_reset(st);
	return rc == OMNI_STMT_DONE ? 0 : -1;
}

int
omni_handoff_take(omni_store *s, const char *stage, const char *key, omni_error *err)
{
	return run(s, take_sql, err, stage, key, NULL);
}

int
omni_handoff_done(omni_store *s, const char *stage, const char *key, omni_error *err)
{
	return run(s, done_sql, err, stage, key, omni_proc_run());
}

int
omni_handoff_arrived(omni_store *s, const char *stage, omni_error *err)
{
	return run(s, arrived_sql, err, stage, omni_proc_run(), NULL);
}

int
omni_handoff_prune(omni_store *s, const char *stage, omni_time before, omni_error *err)
{
	char t[40];
	return run(s, prune_sql, err, stage, omni_time_format(before, t), NULL) < 0 ? -1 : 0;
}

/* One row's key and holder, listed before any is claimed. */
typedef struct row {
	char *key, *holder;
} row;

int
omni_handoff_orphans(omni_store *s, const char *stage, omni_handoff_fn *fn, void *arg,
                     omni_error *err)
{
	omni_stmt *st = omni_store_stmt(s, list_sql, err);
	row *v = NULL;
	size_t n = 0, cap = 0;
	int rc = -1, step;
	char now[40];

	if (!st)
		return -1;
	omni_stmt_bind_str(st, 1, stage);
	omni_stmt_bind_str(st, 2, omni_proc_run());
	while ((step = omni_stmt_step(st, err, "the hand-off between stages")) == OMNI_STMT_ROW) {
		const char *holder = omni_stmt_text(st, 1);
		if (omni_proc_alive(holder))
			continue;     /* a run still under way: its next stage takes it */
		if (n == cap) {
			size_t c = cap ? cap * 2 : 16;
			row *nv = realloc(v, c * sizeof *nv);
			if (!nv)
				break;
			v = nv;
			cap = c;
		}
		v[n].key = strdup(omni_stmt_text(st, 0));
		v[n].holder = strdup(holder);
		if (!v[n].key || !v[n].holder) {
			free(v[n].key);
			free(v[n].holder);
			break;
		}
		n++;
	}
	omni_stmt_reset(st);
	if (step == OMNI_STMT_ROW) {
		omni_error_oom(err);
		goto out;
	}
	if (step < 0)
		goto out;
	omni_time_format(omni_clock_now(), now);
	for (size_t i = 0; i < n; i++) {
		char *record = NULL;
		long offers = 0;
		if (!(st = omni_store_stmt(s, claim_sql, err)))
			goto out;
		omni_stmt_bind_str(st, 1, stage);
		omni_stmt_bind_str(st, 2, v[i].key);
		omni_stmt_bind_str(st, 3, omni_proc_run());
		omni_stmt_bind_str(st, 4, now);
		omni_stmt_bind_str(st, 5, v[i].holder);
		step = omni_stmt_step(st, err, "the hand-off between stages");
		if (step == OMNI_STMT_ROW) {
			const char *t = omni_stmt_text(st, 0);
			offers = (long)omni_stmt_int64(st, 1);
			if (t && !(record = strdup(t)))
				step = -1;
			/* read the row returned to its end: the statement is done */
			else if (omni_stmt_step(st, err, "the hand-off between stages") != OMNI_STMT_DONE)
				step = -1;
			else
				step = OMNI_STMT_ROW;
		}
		omni_stmt_reset(st);
		if (step < 0) {
			free(record);
			if (!err->status)
				omni_error_oom(err);
			goto out;
		}
		if (step != OMNI_STMT_ROW)
			continue;     /* another run took it meanwhile */
		int r = fn(arg, v[i].key, record, offers, err);
		free(record);
		if (r < 0)
			goto out;
	}
	rc = 0;
out:
	for (size_t i = 0; i < n; i++) {
		free(v[i].key);
		free(v[i].holder);
	}
	free(v);
	return rc;
}

/* Tickets said to have arrived at once: one transaction, one sync. */
#define ARRIVALS_BATCH 256

struct omni_arrivals {
	omni_store *s;
	omni_store *own;                /* opened here, at the first batch */
	char *path;                     /* of the store to open; NULL default */
	int tried;
	omni_out *out;
	char *ids[ARRIVALS_BATCH];
	char *lines[ARRIVALS_BATCH];    /* new, or NULL */
	size_t lens[ARRIVALS_BATCH];
	size_t n;
};

omni_arrivals *
omni_arrivals_new(omni_store *s, const char *path, omni_out *out)
{
	omni_arrivals *a = calloc(1, sizeof *a);

	if (!a)
		return NULL;
	a->s = s;
	a->tried = s != NULL;
	a->out = out;
	if (!s && path && !(a->path = strdup(path))) {
		free(a);
		return NULL;
	}
	return a;
}

/* The store, opened at the first batch when it was not given: 0 (a->s
 * NULL when there is none), or -1 with err. */
static int
arrivals_store(omni_arrivals *a, omni_error *err)
{
	if (a->tried)
		return 0;
	a->tried = 1;
	if (omni_store_open_existing(a->path, &a->own, err) < 0)
		return -1;
	a->s = a->own;
	return 0;
}

int
omni_arrivals_add(omni_arrivals *a, omni_span id, const char *line, size_t len,
                  omni_error *err)
{
	char *text, *copy = NULL;

	if (!a || (a->tried && !a->s) || !id.p)
		return 0;
	if (!(text = omni_json_string(id, NULL)))
		return 0;     /* no id: no ticket of omni-link's */
	while (line && len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		len--;
	if (line && !(copy = strndup(line, len))) {
		free(text);
		return omni_error_oom(err), -1;
	}
	a->ids[a->n] = text;
	a->lines[a->n] = copy;
	a->lens[a->n++] = len;
	return a->n == ARRIVALS_BATCH ? omni_arrivals_settle(a, err) : 0;
}

/* This run's note of id done: 1 (and its omni-route members into the
 * stored ticket), 0 when the note was another run's or gone, -1. */
static int
arrived(omni_arrivals *a, size_t i, omni_error *err)
{
	if (omni_handoff_done(a->s, "link", a->ids[i], err) < 0)
		return -1;
	if (!omni_store_changes(a->s) || !a->lines[i])
		return 0;     /* another run's note, or none */
	return omni_timeline_routed(a->s, a->ids[i], a->lines[i], a->lens[i], err) < 0 ? -1 : 1;
}

int
omni_arrivals_settle(omni_arrivals *a, omni_error *err)
{
	int rc = 0;

	if (!a || !a->n)
		return 0;
	if (arrivals_store(a, err) < 0)
		rc = -1;
	else if (!a->s) {
		for (size_t i = 0; i < a->n; i++) {
			free(a->ids[i]);
			free(a->lines[i]);
		}
		a->n = 0;
		return 0;    /* no store: nothing was noted */
	} else if (omni_out_sync(a->out) < 0)
		rc = -1;      /* not arrived: the store keeps them for the next run */
	else if (omni_store_begin(a->s, err) < 0)
		rc = -1;
	for (size_t i = 0; i < a->n; i++) {
		if (rc == 0 && arrived(a, i, err) < 0)
			rc = -1;
		free(a->ids[i]);
		free(a->lines[i]);
	}
	if (rc == 0 && omni_store_commit(a->s, err) < 0)
		rc = -1;
	else if (rc < 0 && omni_store_held(a->s))
		omni_store_rollback(a->s);
	a->n = 0;
	return rc;
}

void
omni_arrivals_free(omni_arrivals *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->n; i++) {
		free(a->ids[i]);
		free(a->lines[i]);
	}
	omni_store_close(a->own);
	free(a->path);
	free(a);
}
