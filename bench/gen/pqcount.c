/*
 * pqcount.c - an LD_PRELOAD shim that counts the round trips a program
 * makes to its PostgreSQL server (each PQexec, PQexecParams,
 * PQexecPrepared, PQprepare and PQdescribePrepared call waits for one
 * answer) and the seconds it waits for them, and at exit writes
 * a line "ROUND_TRIPS SECONDS" to the end of the file PQCOUNT names;
 * with PQCOUNT_BY set, also a line "CALLS SECONDS TEXT" per statement
 * (its first 100 bytes) to the end of the file it names.  Built by
 * bench/store/engines; not part of omni.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;
typedef unsigned int Oid;

static long trips;
static double waited;

/* Each statement: a prepared one by its name, its text from PQprepare;
 * the others by their text. */
#define SLOTS 1024
static struct slot {
	char name[64], text[101];
	long calls;
	double seconds;
} slots[SLOTS];
static int nslots;

static struct slot *
slot(const char *name, const char *text)
{
	for (int i = 0; i < nslots; i++)
		if (strcmp(slots[i].name, name) == 0)
			return &slots[i];
	if (nslots == SLOTS)
		return NULL;
	snprintf(slots[nslots].name, sizeof slots[nslots].name, "%s", name);
	snprintf(slots[nslots].text, sizeof slots[nslots].text, "%s", text ? text : name);
	return &slots[nslots++];
}

static void
count(const char *name, const char *text, double t)
{
	struct slot *sl = slot(name, text);

	trips++, waited += t;
	if (sl)
		sl->calls++, sl->seconds += t;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void __attribute__((destructor))
said(void)
{
	const char *path = getenv("PQCOUNT");
	FILE *f = path ? fopen(path, "a") : NULL;

	if (f) {
		fprintf(f, "%ld %.3f\n", trips, waited);
		fclose(f);
	}
	path = getenv("PQCOUNT_BY");
	if (trips && path && (f = fopen(path, "a"))) {
		for (int i = 0; i < nslots; i++) {
			for (char *c = slots[i].text; *c; c++)
				if (*c == '\n' || *c == '\t')
					*c = ' ';
			fprintf(f, "%ld %.3f %s\n", slots[i].calls, slots[i].seconds, slots[i].text);
		}
		fclose(f);
	}
}

#define REAL(name, fn) \
	static fn *real; \
	if (!real) \
		real = (fn *)dlsym(RTLD_NEXT, name)

typedef PGresult *exec_fn(PGconn *, const char *);
typedef PGresult *params_fn(PGconn *, const char *, int, const Oid *, const char *const *,
                            const int *, const int *, int);
typedef PGresult *prepared_fn(PGconn *, const char *, int, const char *const *, const int *,
                              const int *, int);
typedef PGresult *prepare_fn(PGconn *, const char *, const char *, int, const Oid *);

PGresult *
PQexec(PGconn *c, const char *q)
{
	REAL("PQexec", exec_fn);
	double t = now();
	PGresult *r = real(c, q);

	count(q, q, now() - t);
	return r;
}

PGresult *
PQexecParams(PGconn *c, const char *q, int n, const Oid *types, const char *const *v,
             const int *len, const int *fmt, int rfmt)
{
	REAL("PQexecParams", params_fn);
	double t = now();
	PGresult *r = real(c, q, n, types, v, len, fmt, rfmt);

	count(q, q, now() - t);
	return r;
}

PGresult *
PQexecPrepared(PGconn *c, const char *name, int n, const char *const *v, const int *len,
               const int *fmt, int rfmt)
{
	REAL("PQexecPrepared", prepared_fn);
	double t = now();
	PGresult *r = real(c, name, n, v, len, fmt, rfmt);

	count(name, NULL, now() - t);
	return r;
}

PGresult *
PQprepare(PGconn *c, const char *name, const char *q, int n, const Oid *types)
{
	REAL("PQprepare", prepare_fn);
	double t = now();
	PGresult *r = real(c, name, q, n, types);
	struct slot *sl = slot(name, q);

	/* the name's text, for its executions */
	if (sl)
		snprintf(sl->text, sizeof sl->text, "%s", q);
	count("PQprepare", "PQprepare", now() - t);
	return r;
}

PGresult *
PQdescribePrepared(PGconn *c, const char *name)
{
	REAL("PQdescribePrepared", exec_fn);
	double t = now();
	PGresult *r = real(c, name);

	count("PQdescribePrepared", "PQdescribePrepared", now() - t);
	return r;
}
