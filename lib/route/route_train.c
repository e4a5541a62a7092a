/* route_train.c - training the intent model (route_model.c) on labelled
 * examples: multinomial logistic regression by AdaGrad over the features
 * route_model.c makes, every example weighted so that each intent counts
 * about the same, in a fixed order from a fixed seed, so that the same
 * examples give the same file. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "route/route.h"
#include "route/route_int.h"
#include "route/route_model_int.h"

#define EPOCHS 40
#define RATE 0.3
#define L2 1e-4
#define MIN_COUNT 2

typedef struct example {
	int cls;
	int n;                   /* features, the ones left out too */
	int nrows;
	int32_t *rows;           /* the rows of those kept */
} example;

typedef struct trainer {
	const omni_lexicon *lx;
	struct sb_stemmer *stemmers[OMNI_FEAT_LANGS];
	void *cache;
	char *classes[OMNI_MODEL_CLASSES];
	int nclasses;
	example *ex;
	size_t nex, cap;
	uint32_t **hashes;       /* per example, until the rows are known */
	uint32_t *count;         /* per bucket */
	uint16_t *owner;         /* per bucket: 1 + the check byte of its feature */
} trainer;

/* An omni_error_set's status, said as -1. */
static int
failed(int status)
{
	(void)status;
	return -1;
}

static int
class_index(trainer *t, const char *name)
{
	for (int i = 0; i < t->nclasses; i++)
		if (strcmp(t->classes[i], name) == 0)
			return i;
	if (t->nclasses >= OMNI_MODEL_CLASSES || !(t->classes[t->nclasses] = strdup(name)))
		return -1;
	return t->nclasses++;
}

/* "\n" in a text stands for a new line. */
static size_t
unescape(char *s)
{
	char *o = s, *p = s;
	for (; *p; p++) {
		if (p[0] == '\\' && p[1] == 'n') {
			*o++ = '\n';
			p++;
		} else {
			*o++ = *p;
		}
	}
	*o = 0;
	return (size_t)(o - s);
}

static int
add_example(trainer *t, char *line, const char *path, long lineno, omni_error *err)
{
	char *lang = line, *intent, *text;
	static omni_feats f;
	omni_guess g;
	example *e;
	size_t len;
	int cls;

	if (!(intent = strchr(lang, '\t')) || !(text = strchr(intent + 1, '\t')))
		return failed(omni_error_set(err, OMNI_EX_DATAERR, path, lineno, 1,
		                      "want LANG TAB INTENT TAB TEXT"));
	*intent++ = 0;
	*text++ = 0;
	if (!*intent || strchr(intent, ' '))
		return failed(omni_error_set(err, OMNI_EX_DATAERR, path, lineno, (long)(intent - line) + 1,
		                      "'%s' is not an intent name", intent));
	if ((cls = class_index(t, intent)) < 0)
		return failed(omni_error_set(err, OMNI_EX_DATAERR, path, lineno, (long)(intent - line) + 1,
		                      "more than %d intents", OMNI_MODEL_CLASSES));
	len = unescape(text);
	omni_lexicon_classify(t->lx, text, len, &g);
	f.names = NULL;
	omni_feat_text(t->stemmers, t->cache, omni_feat_lang(g.lang), text, len, &f);
	if (t->nex == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 1024;
		example *ne = realloc(t->ex, cap * sizeof *ne);
		uint32_t **nh = ne ? realloc(t->hashes, cap * sizeof *nh) : NULL;
		if (ne)
			t->ex = ne;
		if (!nh)
			return failed(omni_error_oom(err));
		t->hashes = nh;
		t->cap = cap;
	}
	e = &t->ex[t->nex];
	memset(e, 0, sizeof *e);
	e->cls = cls;
	e->n = f.n;
	if (!(t->hashes[t->nex] = malloc(((size_t)f.n + 1) * sizeof(uint32_t))))
		return failed(omni_error_oom(err));
	memcpy(t->hashes[t->nex], f.h, (size_t)f.n * sizeof(uint32_t));
	for (int i = 0; i < f.n; i++) {
		uint32_t b = f.h[i] & OMNI_FEAT_MASK;
		unsigned char c = (unsigned char)(f.h[i] >> 24);
		if (!t->owner[b])
			t->owner[b] = (uint16_t)(c + 1);
		if (t->owner[b] == c + 1)     /* a bucket holds one feature */
			t->count[b]++;
	}
	t->nex++;
	return 0;
}

static int
read_file(trainer *t, const char *path, omni_error *err)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	long lineno = 0;
	int rc = 0;

	if (!f)
		return failed(omni_error_set(err, OMNI_EX_NOINPUT, path, 0, 0, "%s", strerror(errno)));
	while (rc == 0 && (n = getline(&line, &cap, f)) > 0) {
		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = 0;
		if (n == 0 || line[0] == '#')
			continue;
		rc = add_example(t, line, path, lineno, err);
	}
	free(line);
	fclose(f);
	return rc;
}

/* The check byte of a bucket's feature. */
static unsigned char
check_of(uint16_t owner)
{
	return (unsigned char)(owner - 1);
}

static uint32_t
next_random(uint32_t *s)
{
	*s = *s * 1664525u + 1013904223u;
	return *s >> 8;
}

static void
put16(unsigned char *p, int v)
{
	p[0] = (unsigned char)(v & 0xff);
	p[1] = (unsigned char)((v >> 8) & 0xff);
}

static int
write_model(const trainer *t, const uint32_t *bucket_of, long nrows, const float *w,
            const float *bias, const char *out_path, omni_error *err)
{
	char tmp[4096];
	FILE *f;
	float max = 1e-9f, scale;
	const int k = t->nclasses;
	unsigned char rec[4 + 2 * OMNI_MODEL_CLASSES];

	for (long i = 0; i < nrows * k; i++)
		if (fabsf(w[i]) > max)
			max = fabsf(w[i]);
	scale = max / 32767.0f;
	snprintf(tmp, sizeof tmp, "%s.tmp", out_path);
	if (!(f = fopen(tmp, "wb")))
		return failed(omni_error_set(err, OMNI_EX_CANTCREAT, tmp, 0, 0, "%s", strerror(errno)));
	fprintf(f, "omni-intent 1\nclasses");
	for (int c = 0; c < k; c++)
		fprintf(f, " %s", t->classes[c]);
	fprintf(f, "\nexamples %zu\nrows %ld\nscale %.9g\nbias", t->nex, nrows, (double)scale);
	for (int c = 0; c < k; c++)
		fprintf(f, " %.6f", (double)bias[c]);
	fprintf(f, "\ndata\n");
	for (long r = 0; r < nrows; r++) {
		uint32_t b = bucket_of[r];
		rec[0] = (unsigned char)(b & 0xff);
		rec[1] = (unsigned char)((b >> 8) & 0xff);
		rec[2] = (unsigned char)((b >> 16) & 0xff);
		rec[3] = check_of(t->owner[b & OMNI_FEAT_MASK]);
		for (int c = 0; c < k; c++)
			put16(rec + 4 + 2 * c, (int)lrintf(w[r * k + c] / scale));
		fwrite(rec, 1, 4 + 2 * (size_t)k, f);
	}
	if (fclose(f) != 0 || rename(tmp, out_path) != 0) {
		remove(tmp);
		return failed(omni_error_set(err, OMNI_EX_CANTCREAT, out_path, 0, 0, "%s", strerror(errno)));
	}
	return 0;
}

static int
fit(trainer *t, const char *out_path, omni_error *err)
{
	const int k = t->nclasses;
	int32_t *row_of = malloc(((size_t)1 << OMNI_FEAT_BITS) * sizeof *row_of);
	uint32_t *bucket_of = malloc(65536 * sizeof *bucket_of);
	float *w = NULL, *g2 = NULL, bias[OMNI_MODEL_CLASSES] = { 0 }, b2[OMNI_MODEL_CLASSES] = { 0 };
	double weight[OMNI_MODEL_CLASSES], n_c[OMNI_MODEL_CLASSES] = { 0 };
	size_t *order = malloc((t->nex + 1) * sizeof *order);
	uint32_t min = MIN_COUNT, seed = 27;
	long nrows;
	int rc = -1;

	if (!row_of || !bucket_of || !order)
		goto oom;
	/* the features seen often enough, at most 65535 of them */
	for (;; min++) {
		nrows = 0;
		for (uint32_t b = 0; b <= OMNI_FEAT_MASK; b++)
			nrows += t->count[b] >= min;
		if (nrows <= 65535)
			break;
	}
	nrows = 0;
	for (uint32_t b = 0; b <= OMNI_FEAT_MASK; b++) {
		row_of[b] = t->count[b] >= min ? (int32_t)nrows : -1;
		if (row_of[b] >= 0)
			bucket_of[nrows++] = b;
	}
	for (size_t i = 0; i < t->nex; i++) {
		example *e = &t->ex[i];
		uint32_t *h = t->hashes[i];
		if (!(e->rows = malloc(((size_t)e->n + 1) * sizeof *e->rows)))
			goto oom;
		for (int j = 0; j < e->n; j++) {
			uint32_t b = h[j] & OMNI_FEAT_MASK;
			if (row_of[b] >= 0 && check_of(t->owner[b]) == (unsigned char)(h[j] >> 24))
				e->rows[e->nrows++] = row_of[b];
		}
		n_c[e->cls]++;
		order[i] = i;
	}
	for (int c = 0; c < k; c++)
		weight[c] = n_c[c] > 0 ? sqrt((double)t->nex / (k * n_c[c])) : 1;
	w = calloc((size_t)(nrows + 1) * (size_t)k, sizeof *w);
	g2 = calloc((size_t)(nrows + 1) * (size_t)k, sizeof *g2);
	if (!w || !g2)
		goto oom;
	for (int epoch = 0; epoch < EPOCHS; epoch++) {
		for (size_t i = t->nex; i > 1; i--) {
			size_t j = next_random(&seed) % i, x = order[i - 1];
			order[i - 1] = order[j];
			order[j] = x;
		}
		for (size_t i = 0; i < t->nex; i++) {
			const example *e = &t->ex[order[i]];
			double s[OMNI_MODEL_CLASSES], max, sum = 0, norm = sqrt(e->n ? e->n : 1);
			for (int c = 0; c < k; c++)
				s[c] = bias[c];
			for (int j = 0; j < e->nrows; j++)
				for (int c = 0; c < k; c++)
					s[c] += w[(size_t)e->rows[j] * k + c] / norm;
			max = s[0];
			for (int c = 1; c < k; c++)
				if (s[c] > max)
					max = s[c];
			for (int c = 0; c < k; c++)
				sum += (s[c] = exp(s[c] - max));
			for (int c = 0; c < k; c++) {
				/* the gradient of the loss on this example's score */
				double d = (s[c] / sum - (c == e->cls)) * weight[e->cls];
				b2[c] += (float)(d * d);
				bias[c] -= (float)(RATE * d / sqrt(b2[c] + 1e-8));
				for (int j = 0; j < e->nrows; j++) {
					float *p = &w[(size_t)e->rows[j] * k + c];
					double gr = d / norm + L2 * *p;
					float *q = &g2[(size_t)e->rows[j] * k + c];
					*q += (float)(gr * gr);
					*p -= (float)(RATE * gr / sqrt(*q + 1e-8));
				}
			}
		}
	}
	rc = write_model(t, bucket_of, nrows, w, bias, out_path, err);
	goto out;
oom:
	omni_error_oom(err);
out:
	free(row_of);
	free(bucket_of);
	free(order);
	free(w);
	free(g2);
	return rc;
}

int
omni_model_train(const omni_lexicon *lx, const char *const *paths, size_t npaths,
                 const char *out_path, long *nexamples, omni_error *err)
{
	trainer t = { .lx = lx };
	int rc = -1;

	*nexamples = 0;
	t.count = calloc((size_t)1 << OMNI_FEAT_BITS, sizeof *t.count);
	t.owner = calloc((size_t)1 << OMNI_FEAT_BITS, sizeof *t.owner);
	if (!t.count || !t.owner) {
		omni_error_oom(err);
		goto out;
	}
	if (omni_feat_stemmers(t.stemmers, &t.cache, err) < 0)
		goto out;
	class_index(&t, "other");     /* always known, whatever the examples */
	for (size_t i = 0; i < npaths; i++)
		if (read_file(&t, paths[i], err) < 0)
			goto out;
	if (t.nex == 0) {
		omni_error_set(err, OMNI_EX_DATAERR, npaths ? paths[0] : "-", 0, 0, "no examples");
		goto out;
	}
	*nexamples = (long)t.nex;
	rc = fit(&t, out_path, err);
out:
	for (size_t i = 0; i < t.nex; i++) {
		free(t.ex[i].rows);
		free(t.hashes[i]);
	}
	free(t.ex);
	free(t.hashes);
	free(t.count);
	free(t.owner);
	for (int i = 0; i < t.nclasses; i++)
		free(t.classes[i]);
	omni_feat_stemmers_free(t.stemmers, t.cache);
	return rc;
}
