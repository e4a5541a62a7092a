/* fetch_jobs.c - several sources at once: one child process each.
 *
 * Why processes, not one multiplexed network loop or threads: every
 * source is a blocking page loop over its own HTTP handle (lib/net/http.c)
 * that writes to the store between pages; one loop for all would mean
 * rewriting each connector as a state machine, and threads would share
 * one process's libraries and statics (jansson's, the connectors', the
 * clock).  A child per source keeps every connector unchanged, gives each
 * its own store connection (SQLite in WAL mode with a busy timeout lets
 * them write side by side), and a crash in one source cannot take the
 * others with it.
 *
 * The child writes its NDJSON into a pipe.  The parent copies whole lines
 * to the output, never half a line, and only when the child asks to
 * commit: the child writes a "!s" line and waits for one byte on a second
 * pipe, "1" once the parent has written and flushed every line before
 * it, "0" when the output failed.  So a page's tickets are out before its
 * cursor is committed, and what a killed child wrote after its last
 * commit is dropped with the uncommitted cursor, to be fetched again.
 * After committing the child writes "!c".  On SIGINT, SIGTERM or SIGHUP
 * the parent writes nothing more, kills the children that are not
 * between an acknowledgement and their commit, lets those commit, then
 * dies of the signal. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/core.h"
#include "record/record.h"
#include "fetch/fetch.h"

/* A child's lines may wait for its commit up to this much; beyond it
 * (a local source that never commits before its end) they go out as
 * they come. */
#define JOB_HOLD (8u * 1024 * 1024)

struct omni_job {
	omni_out *out;
	int ack;              /* read end of the parent's answers */
};

enum { IDLE, RUNNING, ACKED };

struct slot {
	pid_t pid;
	size_t index;
	int data, ack;        /* parent's ends; -1 closed */
	int state;
	char *buf;
	size_t len, cap, lines;   /* lines: bytes of whole data lines */
};

static volatile sig_atomic_t caught;

static void
on_signal(int sig)
{
	caught = sig;
}

omni_out *
omni_job_out(omni_job *job)
{
	return job->out;
}

int
omni_job_sync(omni_job *job)
{
	char c = 0;
	ssize_t n;

	if (omni_out_write(job->out, "!s\n", 3) < 0 || omni_out_flush(job->out) < 0)
		return -1;
	while ((n = read(job->ack, &c, 1)) < 0 && errno == EINTR)
		;
	return n == 1 && c == '1' ? 0 : -1;
}

void
omni_job_committed(omni_job *job)
{
	if (omni_out_write(job->out, "!c\n", 3) == 0)
		omni_out_flush(job->out);
}

static void
slot_close(struct slot *s)
{
	if (s->data >= 0)
		close(s->data);
	if (s->ack >= 0)
		close(s->ack);
	s->data = s->ack = -1;
	free(s->buf);
	s->buf = NULL;
	s->len = s->cap = s->lines = 0;
}

/* The child: its pipes, the others' closed, signals left to the parent. */
static void
child(struct slot *slots, size_t nslots, struct slot *me, int dfd, int afd,
      int (*fn)(void *arg, size_t i, omni_job *job), void *arg)
{
	omni_job job = { NULL, afd };
	int status;

	signal(SIGINT, SIG_IGN);
	signal(SIGTERM, SIG_IGN);
	signal(SIGHUP, SIG_IGN);
	for (size_t i = 0; i < nslots; i++)
		if (&slots[i] != me && slots[i].state != IDLE) {
			close(slots[i].data);
			close(slots[i].ack);
		}
	if (!(job.out = omni_out_new(dfd)))
		_exit(OMNI_EX_SOFTWARE);
	status = fn(arg, me->index, &job);
	omni_out_flush(job.out);
	_exit(status);
}

static int
start(struct slot *slots, size_t nslots, struct slot *s, size_t index,
      int (*fn)(void *arg, size_t i, omni_job *job), void *arg, omni_error *err)
{
	int d[2] = { -1, -1 }, a[2] = { -1, -1 };

	if (pipe(d) < 0 || pipe(a) < 0)
		goto fail;
	fflush(NULL);
	s->index = index;
	if ((s->pid = fork()) < 0)
		goto fail;
	if (s->pid == 0) {
		close(d[0]);
		close(a[1]);
		child(slots, nslots, s, d[1], a[0], fn, arg);
	}
	close(d[1]);
	close(a[0]);
	s->data = d[0];
	s->ack = a[1];
	s->state = RUNNING;
	return 0;
fail:
	omni_error_set(err, OMNI_EX_SOFTWARE, NULL, 0, 0, "cannot start a source: %s",
	               strerror(errno));
	for (int i = 0; i < 2; i++) {
		if (d[i] >= 0)
			close(d[i]);
		if (a[i] >= 0)
			close(a[i]);
	}
	return -1;
}

/* A control line from the child at s->buf[at..]: "!s" or "!c". */
static void
control(struct slot *s, size_t at, omni_out *out, int *stopped)
{
	if (s->buf[at + 1] == 's') {
		int ok = !*stopped && !caught &&
		         omni_out_write(out, s->buf, at) == 0 && omni_out_flush(out) == 0;
		if (!ok && !caught)
			*stopped = 1;
		if (write(s->ack, ok ? "1" : "0", 1) == 1 && ok)
			s->state = ACKED;
	} else if (s->buf[at + 1] == 'c') {
		s->state = RUNNING;
	}
}

/* Takes what the child wrote: whole lines, held until its next commit. */
static int
drain(struct slot *s, omni_out *out, int *stopped)
{
	char *g;
	ssize_t n;

	if (s->cap - s->len < 65536) {
		if (!(g = realloc(s->buf, s->cap * 2 + 65536)))
			return -1;
		s->buf = g;
		s->cap = s->cap * 2 + 65536;
	}
	if ((n = read(s->data, s->buf + s->len, s->cap - s->len)) <= 0)
		return n < 0 && errno == EINTR ? 0 : -1;
	s->len += (size_t)n;
	for (char *nl; (nl = memchr(s->buf + s->lines, '\n', s->len - s->lines));) {
		size_t at = s->lines, end = (size_t)(nl - s->buf) + 1;
		if (s->buf[at] != '!') {
			s->lines = end;
			continue;
		}
		control(s, at, out, stopped);
		memmove(s->buf, s->buf + end, s->len - end);
		s->len -= end;
		s->lines = 0;
	}
	if (s->lines > JOB_HOLD && !*stopped && !caught) {
		if (omni_out_write(out, s->buf, s->lines) < 0)
			*stopped = 1;
		memmove(s->buf, s->buf + s->lines, s->len - s->lines);
		s->len -= s->lines;
		s->lines = 0;
	}
	return 0;
}

/* The child's end: its status, or 128 + the signal that killed it. */
static int
reap(struct slot *s)
{
	int ws = 0;

	slot_close(s);
	while (waitpid(s->pid, &ws, 0) < 0 && errno == EINTR)
		;
	s->state = IDLE;
	return WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + (WIFSIGNALED(ws) ? WTERMSIG(ws) : 0);
}

/* A signal came: no more output; children outside a commit go now. */
static void
stop_children(struct slot *slots, size_t nslots)
{
	for (size_t i = 0; i < nslots; i++)
		if (slots[i].state == RUNNING)
			kill(slots[i].pid, SIGKILL);
}

static void
handle_signals(struct sigaction *old)
{
	struct sigaction sa;
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (int i = 0; i < 3; i++)
		sigaction(sigs[i], &sa, &old[i]);
}

/* Waits for output from the running children and takes it. */
static int
step(struct slot *slots, size_t nslots, omni_out *out, int *stopped, int *status)
{
	struct pollfd pfd[64];
	size_t map[64], n = 0;

	for (size_t i = 0; i < nslots; i++)
		if (slots[i].state != IDLE) {
			pfd[n].fd = slots[i].data;
			pfd[n].events = POLLIN;
			map[n++] = i;
		}
	if (n == 0)
		return 0;
	if (poll(pfd, n, -1) < 0)
		return errno == EINTR ? 0 : -1;
	for (size_t k = 0; k < n; k++) {
		struct slot *s = &slots[map[k]];
		if (!pfd[k].revents)
			continue;
		if (drain(s, out, stopped) < 0) {
			size_t i = s->index;
			status[i] = reap(s);
		} else if (caught && s->state == RUNNING) {
			kill(s->pid, SIGKILL);
		}
	}
	return 0;
}

int
omni_jobs_run(size_t n, int jobs, omni_out *out,
              int (*fn)(void *arg, size_t i, omni_job *job), void *arg,
              int *status, int *stopped, omni_error *err)
{
	struct slot slots[64];
	struct sigaction old[3];
	size_t next = 0, nslots = jobs < 1 ? 1 : jobs > 64 ? 64 : (size_t)jobs;
	int rc = 0, sig;

	memset(slots, 0, sizeof slots);
	for (size_t i = 0; i < nslots; i++)
		slots[i].data = slots[i].ack = -1;
	caught = 0;
	handle_signals(old);
	for (;;) {
		size_t running = 0;
		for (size_t i = 0; i < nslots; i++) {
			if (slots[i].state == IDLE && next < n && !*stopped && !caught && rc == 0)
				rc = start(slots, nslots, &slots[i], next++, fn, arg, err);
			running += slots[i].state != IDLE;
		}
		if (!running)
			break;
		if (caught)
			stop_children(slots, nslots);
		if (step(slots, nslots, out, stopped, status) < 0 && rc == 0) {
			omni_error_set(err, OMNI_EX_SOFTWARE, NULL, 0, 0, "poll: %s", strerror(errno));
			rc = -1;
		}
	}
	sig = caught;
	for (int i = 0; i < 3; i++)
		sigaction(i == 0 ? SIGINT : i == 1 ? SIGTERM : SIGHUP, &old[i], NULL);
	if (sig) {
		omni_out_flush(out);
		raise(sig);
	}
	return rc;
}
