/*
 * proc.c - who holds a claim in the store: this process, or the run it is
 * part of, named so that another process on the same host can tell
 * whether it is still there.
 *
 * A name is "HOST:PID:START" for a process, "HOST:-PGID:START" for the
 * process group of a pipeline (a cron job's shell and every stage it
 * started), START the leader's start time since boot from /proc, so that
 * a number used again is not taken for the one that held the claim.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/core.h"

/* The start time of pid since boot (clock ticks), 0 when it is gone. */
static unsigned long long
started(long pid)
{
	char path[64], buf[1024], *p;
	unsigned long long start = 0;
	FILE *f;
	size_t n;

	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	if (!(f = fopen(path, "r")))
		return 0;
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	/* after the command in parentheses: state is field 3, start 22 */
	if (!(p = strrchr(buf, ')')))
		return 0;
	for (int field = 2; field < 22 && p; field++)
		p = strchr(p + 1, ' ');
	if (p)
		start = strtoull(p + 1, NULL, 10);
	return start;
}

static const char *
name(char *buf, size_t size, long id, long leader)
{
	char host[256] = "";

	if (!buf[0]) {
		gethostname(host, sizeof host - 1);
		snprintf(buf, size, "%s:%ld:%llu", host, id, started(leader));
	}
	return buf;
}

const char *
omni_proc_self(void)
{
	static char me[320];
	return name(me, sizeof me, (long)getpid(), (long)getpid());
}

const char *
omni_proc_run(void)
{
	static char run[320];
	long g = (long)getpgrp();
	return name(run, sizeof run, -g, g);
}

int
omni_proc_alive(const char *holder)
{
	char host[256] = "";
	const char *c1, *c2;
	unsigned long long start;
	long id;

	if (!holder || !(c2 = strrchr(holder, ':')) || c2 == holder)
		return 0;
	for (c1 = c2 - 1; c1 > holder && *c1 != ':'; c1--)
		;
	if (*c1 != ':')
		return 0;
	gethostname(host, sizeof host - 1);
	if ((size_t)(c1 - holder) != strlen(host) || strncmp(holder, host, strlen(host)) != 0)
		return 0;
	id = strtol(c1 + 1, NULL, 10);
	start = strtoull(c2 + 1, NULL, 10);
	if (id > 0)
		return strcmp(omni_proc_self(), holder) != 0 && started(id) == start;
	if (id == 0)
		return 0;
	/* A group lives while any of its processes does; its leader, when
	 * still there, must be the one that named it. */
	if (kill((pid_t)id, 0) < 0 && errno != EPERM)
		return 0;
	return started(-id) == 0 || started(-id) == start;
}
