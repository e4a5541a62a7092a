/*
 * steptime.c - an LD_PRELOAD shim that times every sqlite3_step of the
 * program it is loaded into and, at exit, prints per statement text the
 * steps (one per row read, one per write), the seconds spent and the
 * microseconds a step, slowest first, on standard error.  Built by bench/link/statements; not part of omni.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct sqlite3_stmt sqlite3_stmt;
const char *sqlite3_sql(sqlite3_stmt *st);

#define SLOTS 4096               /* statement texts told apart */
#define TEXT 96                  /* of each, this much is printed */

static struct slot {
	char text[TEXT];
	long steps;
	double seconds;
} slots[SLOTS];

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The slot of a statement's text: open addressing on its FNV-1a hash. */
static struct slot *
slot_of(const char *sql)
{
	char text[TEXT];
	unsigned long h = 2166136261UL;
	size_t n = 0;

	for (const char *p = sql; *p && n < TEXT - 1; p++)
		if (*p != '\n' && *p != '\t' && !(*p == ' ' && n && text[n - 1] == ' '))
			text[n++] = *p;
	text[n] = '\0';
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)text[i]) * 16777619UL;
	for (size_t i = 0; i < SLOTS; i++) {
		struct slot *s = &slots[(h + i) % SLOTS];
		if (!s->text[0])
			memcpy(s->text, text, n + 1);
		if (strcmp(s->text, text) == 0)
			return s;
	}
	return NULL;
}

int
sqlite3_step(sqlite3_stmt *st)
{
	static int (*real)(sqlite3_stmt *);
	const char *sql = sqlite3_sql(st);
	struct slot *s;
	double t;
	int rc;

	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "sqlite3_step");
	t = now();
	rc = real(st);
	t = now() - t;
	if ((s = slot_of(sql ? sql : "?"))) {
		s->steps++;
		s->seconds += t;
	}
	return rc;
}

static int
slower(const void *a, const void *b)
{
	const struct slot *x = a, *y = b;

	return (x->seconds < y->seconds) - (x->seconds > y->seconds);
}

__attribute__((destructor)) static void
report(void)
{
	double total = 0;

	qsort(slots, SLOTS, sizeof slots[0], slower);
	for (size_t i = 0; i < SLOTS; i++)
		total += slots[i].seconds;
	fprintf(stderr, "%9s %10s %9s  %s\n", "seconds", "steps", "us/step", "statement");
	for (size_t i = 0; i < SLOTS && slots[i].steps; i++)
		fprintf(stderr, "%9.2f %10ld %9.1f  %s\n", slots[i].seconds, slots[i].steps,
		        slots[i].seconds * 1e6 / (double)slots[i].steps, slots[i].text);
	fprintf(stderr, "%9.2f %10s %9s  in sqlite3_step altogether\n", total, "", "");
}
