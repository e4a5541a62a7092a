/* route_model.c - the intent of the customer's words by a linear model.
 *
 * A text's features are the Snowball stems of its words (libstemmer, in
 * the language the lexicons found; words as they are when it is "und"),
 * each pair of neighbouring stems, and the letter 4-grams of each folded
 * word with its edges ("<wher", "wher", "here", "ere>"), so that a typo
 * or a missing accent still shares most of its features (German's spelled
 * out umlauts folded first, de_umlauts, and in it es fr an n before b or
 * p made an m, m_before_bp).  Each feature is
 * hashed to one of 2^18 buckets; the model keeps a row of weights, one per
 * intent, for the buckets its training saw often enough.  An intent's score
 * is its bias plus the sum of its weights over the text's features, divided
 * by the square root of their number; the softmax of the scores is the
 * confidence.  route_train.c writes the file; the features are made here
 * for both. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "core/core.h"
#include "route/route.h"
#include "route/route_int.h"
#include "route/route_model_int.h"

#define CACHE 1024              /* stems remembered, direct-mapped */
#define BLOCK 16                /* weights added at once */
#define WORDS 4096              /* words' features remembered, direct-mapped */
#define CACHE_WORD 24

typedef struct stem_slot {
	uint32_t h;
	unsigned char lang, wlen, slen;
	char word[CACHE_WORD], stem[CACHE_WORD];
} stem_slot;

/* A word as the model saw it: its stem's hash, how many features it has,
 * and their weights added up (in word_sums). */
typedef struct word_slot {
	uint32_t h, wh;
	unsigned char lang, wlen, nfeat;
	char word[CACHE_WORD];
} word_slot;

struct omni_model {
	int nclasses;
	char *classes[OMNI_MODEL_CLASSES];
	float scale, bias[OMNI_MODEL_CLASSES];
	long nrows;
	int stride;                 /* nclasses rounded up to a block */
	uint32_t tbits;
	struct slot {               /* open addressing, at most half full */
		uint32_t key;       /* 1 + the feature's key; 0 empty */
		uint32_t row;
	} *slots;
	int8_t *w;                  /* nrows * stride, times scale */
	struct sb_stemmer *stemmers[OMNI_FEAT_LANGS];
	stem_slot *cache;
	word_slot *words;           /* each word's features, summed */
	int16_t *word_sums;         /* WORDS * stride */
	omni_feats f, one;
	omni_tokens t;
	char why[1024];
};

/* the indexes of languages in langs */
#define LANG_IT 1
#define LANG_FR 2
#define LANG_ES 3
#define LANG_DE 4
static const char *const langs[OMNI_FEAT_LANGS][2] = {
	{ "en", "english" }, { "it", "italian" }, { "fr", "french" },
	{ "es", "spanish" }, { "de", "german" },
};

/* An omni_error_set's status, said as -1. */
static int
failed(int status)
{
	(void)status;
	return -1;
}

int
omni_feat_lang(const char *lang)
{
	for (int i = 0; lang && i < OMNI_FEAT_LANGS; i++)
		if (strcmp(lang, langs[i][0]) == 0)
			return i;
	return -1;
}

/* A word's hash, four bytes a step. */
static uint32_t
fnv(uint32_t h, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	for (; i + 4 <= n; i += 4) {
		uint32_t x = (uint32_t)p[i] | (uint32_t)p[i + 1] << 8 | (uint32_t)p[i + 2] << 16 |
		             (uint32_t)p[i + 3] << 24;
		h = (h ^ x) * 0x9e3779b1u;
		h ^= h >> 15;
	}
	for (; i < n; i++)
		h = (h ^ p[i]) * 16777619u;
	return h ^ (h >> 13);
}

#define FNV0 2166136261u

/* Where the hash of a feature of kind c starts. */
static uint32_t
tag_seed(char c)
{
	return (FNV0 ^ (unsigned char)c) * 16777619u;
}

/* Four letters, mixed in a few operations (the most common feature), the
 * same on every machine. */
static uint32_t
hash4(const unsigned char *p)
{
	uint32_t x = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	             (uint32_t)p[3] << 24;
	x = (x ^ 0x63u) * 0x9e3779b1u;
	x ^= x >> 15;
	x *= 0x85ebca77u;
	return x ^ (x >> 13);
}

/* Adds a feature: its hash, and with names its text (kind, then s). */
static void
add(omni_feats *f, char kind, const char *s, size_t n, uint32_t h)
{
	if (f->n >= OMNI_FEAT_MAX)
		return;
	if (f->names) {
		char *p = f->names + (size_t)f->n * OMNI_FEAT_NAME;
		size_t k = n < OMNI_FEAT_NAME - 3 ? n : OMNI_FEAT_NAME - 3;
		p[0] = kind;
		p[1] = ':';
		memcpy(p + 2, s, k);
		p[2 + k] = 0;
	}
	f->h[f->n++] = h;
}

/* The stem of word w (n bytes) in language l, into out (CACHE_WORD):
 * its length.  Words too long or too short, and digits, stay as they
 * are. */
static size_t
stem(struct sb_stemmer *const *stemmers, stem_slot *cache, int l, const char *w, size_t n,
     uint32_t h, char *out)
{
	stem_slot *c;
	const sb_symbol *s;
	int k;

	if (l < 0 || n < 3 || n >= CACHE_WORD || !stemmers[l]) {
		n = n < CACHE_WORD ? n : CACHE_WORD - 1;
		memcpy(out, w, n);
		return n;
	}
	c = &cache[(h ^ (uint32_t)l * 0x9e3779b9u) & (CACHE - 1)];
	if (c->h == h && c->lang == l + 1 && c->wlen == n && memcmp(c->word, w, n) == 0) {
		memcpy(out, c->stem, c->slen);
		return c->slen;
	}
	s = sb_stemmer_stem(stemmers[l], (const sb_symbol *)w, (int)n);
	k = s ? sb_stemmer_length(stemmers[l]) : 0;
	if (!s || k <= 0 || k >= CACHE_WORD) {
		memcpy(out, w, n);
		return n;
	}
	memcpy(out, s, (size_t)k);
	c->h = h;
	c->lang = (unsigned char)(l + 1);
	c->wlen = (unsigned char)n;
	c->slen = (unsigned char)k;
	memcpy(c->word, w, n);
	memcpy(c->stem, s, (size_t)k);
	return (size_t)k;
}

/* What a word made of digits (and a few letters) stands for: its shape. */
static const char *
shape(const char *w, size_t n)
{
	size_t digits = 0;
	for (size_t i = 0; i < n; i++)
		digits += w[i] >= '0' && w[i] <= '9';
	if (digits < 2)
		return NULL;
	if (digits < n)
		return "#code";
	return n <= 2 ? "#n" : n <= 5 ? "#nnn" : "#long";
}

/* A pair of neighbouring stems, from their hashes. */
static uint32_t
pair_hash(uint32_t a, uint32_t b)
{
	uint32_t x = (a * 0x9e3779b1u) ^ b ^ 0x62u;
	x ^= x >> 15;
	x *= 0x85ebca77u;
	return x ^ (x >> 13);
}

/* German written without umlauts spells them out ("rueckgabe") or drops
 * them ("ruckgabe", as folding makes of "Rückgabe"): ae oe ue after a
 * consonant (not q) become a o u in out (n bytes at most), so that all
 * three are one word.  Its length. */
static size_t
de_umlauts(const char *w, size_t n, char *out)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		out[o++] = w[i];
		if (i + 1 < n && w[i + 1] == 'e' && (w[i] == 'a' || w[i] == 'o' || w[i] == 'u') &&
		    i > 0 && !strchr("aeiouyq", w[i - 1]))
			i++;
	}
	return o;
}

/* In Italian, Spanish and French an n is hardly ever written before b or p
 * (French's "bonbon" aside): a word that has one ("rinborso", "reenbolso")
 * is spelled with m in out (n bytes), as the word it misspells.  Its
 * length, 0 when it has none. */
static size_t
m_before_bp(const char *w, size_t n, char *out)
{
	size_t any = 0;

	for (size_t i = 0; i < n; i++) {
		out[i] = w[i];
		if (w[i] == 'n' && i + 1 < n && (w[i + 1] == 'b' || w[i + 1] == 'p') && i > 0) {
			out[i] = 'm';
			any = 1;
		}
	}
	return any ? n : 0;
}

/* The features of one word w (n bytes, folded): its stem (or shape) and its
 * letter 4-grams, added to f; *wh is the stem's hash, and with names, stem
 * holds its text (CACHE_WORD bytes) and *slen its length. */
static void
word_feats(struct sb_stemmer *const *stemmers, void *cache, int lang, const char *w,
           size_t n, omni_feats *f, uint32_t *wh, char *stem_text, size_t *slen)
{
	const char *sh;
	char spelt[CACHE_WORD];
	size_t k;

	if (lang == LANG_DE && n < CACHE_WORD) {
		n = de_umlauts(w, n, spelt);
		w = spelt;
	} else if ((lang == LANG_IT || lang == LANG_FR || lang == LANG_ES) && n < CACHE_WORD &&
	           m_before_bp(w, n, spelt)) {
		w = spelt;
	}
	if ((sh = shape(w, n))) {
		k = strlen(sh);
		memcpy(stem_text, sh, k);
	} else {
		k = stem(stemmers, (stem_slot *)cache, lang, w, n, fnv(FNV0, w, n), stem_text);
	}
	*wh = fnv(tag_seed('w'), stem_text, k);
	*slen = k;
	add(f, 'w', stem_text, k, *wh);
	/* letter 4-grams of words of letters, with their edges */
	if (!sh && n >= 3 && (unsigned char)w[0] < 0x80) {
		char e[40];
		size_t m = n < 30 ? n : 30;
		e[0] = '<';
		memcpy(e + 1, w, m);
		e[m + 1] = '>';
		for (size_t j = 0; j + 4 <= m + 2; j++)
			add(f, 'c', e + j, 4, hash4((const unsigned char *)e + j));
	}
}

/* The most features a word can have: its stem, 31 4-grams, a pair. */
#define WORD_FEATS 33

int
omni_feat_tokens(const char *text, size_t len, omni_tokens *t)
{
	if (len > OMNI_TOKENS_TEXT)     /* the opening says what a ticket is about */
		len = OMNI_TOKENS_TEXT;
	t->n = omni_route_tokenize(text, len, t->buf, sizeof t->buf, t->st, t->ln,
	                           OMNI_TOKENS_MAX);
	return t->n;
}

void
omni_feat_text(struct sb_stemmer *const *stemmers, void *cache, int lang,
               const char *text, size_t len, omni_feats *f)
{
	static omni_tokens t;
	char prev[CACHE_WORD], cur[CACHE_WORD], pair[2 * CACHE_WORD + 1];
	size_t plen = 0, k;
	uint32_t pwh = 0, wh;

	f->n = 0;
	omni_feat_tokens(text, len, &t);
	for (int i = 0; i < t.n && i < OMNI_FEAT_TOKENS; i++) {
		word_feats(stemmers, cache, lang, t.buf + t.st[i], t.ln[i], f, &wh, cur, &k);
		if (i) {
			memcpy(pair, prev, plen);
			pair[plen] = ' ';
			memcpy(pair + plen + 1, cur, k);
			add(f, 'b', pair, plen + k + 1, pair_hash(pwh, wh));
		}
		memcpy(prev, cur, k);
		plen = k;
		pwh = wh;
	}
}

int
omni_feat_stemmers(struct sb_stemmer **stemmers, void **cache, omni_error *err)
{
	for (int i = 0; i < OMNI_FEAT_LANGS; i++)
		if (!(stemmers[i] = sb_stemmer_new(langs[i][1], "UTF_8")))
			return failed(omni_error_set(err, OMNI_EX_SOFTWARE, "libstemmer", 0, 0,
			                      "no Snowball stemmer for %s", langs[i][1]));
	if (!(*cache = calloc(CACHE, sizeof(stem_slot))))
		return failed(omni_error_oom(err));
	return 0;
}

void
omni_feat_stemmers_free(struct sb_stemmer **stemmers, void *cache)
{
	for (int i = 0; i < OMNI_FEAT_LANGS; i++)
		if (stemmers[i])
			sb_stemmer_delete(stemmers[i]);
	free(cache);
}

/* Where key's probe starts in the table. */
static uint32_t
slot_of(const omni_model *m, uint32_t key)
{
	return (key * 2654435761u) >> (32 - m->tbits);
}

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static int
bad(omni_error *err, const char *path, const char *what)
{
	return failed(omni_error_set(err, OMNI_EX_CONFIG, path, 0, 0, "not an intent model: %s", what));
}

/* The header: "omni-intent 1", "classes NAME...", "rows N", "scale S",
 * "bias B...", "data", each a line; then N records of a 4-byte bucket
 * (its low 18 bits; the top byte is the check) and a 2-byte weight per
 * class, little-endian. */
static int
read_header(omni_model *m, FILE *f, const char *path, omni_error *err)
{
	char line[4096], *save, *w;

	if (!fgets(line, sizeof line, f) || strcmp(line, "omni-intent 1\n") != 0)
		return failed(bad(err, path, "no 'omni-intent 1' line"));
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = 0;
		if (strcmp(line, "data") == 0)
			return m->nclasses > 0 && m->nrows >= 0 && m->scale > 0 ? 0 :
			       failed(bad(err, path, "classes, rows or scale missing"));
		char *key = strtok_r(line, " ", &save);
		if (!key)
			continue;
		if (strcmp(key, "classes") == 0) {
			while ((w = strtok_r(NULL, " ", &save)) && m->nclasses < OMNI_MODEL_CLASSES)
				if (!(m->classes[m->nclasses++] = strdup(w)))
					return failed(omni_error_oom(err));
		} else if (strcmp(key, "bias") == 0) {
			for (int i = 0; i < m->nclasses && (w = strtok_r(NULL, " ", &save)); i++)
				m->bias[i] = strtof(w, NULL);
		} else if (!(w = strtok_r(NULL, " ", &save))) {
			continue;
		} else if (strcmp(key, "rows") == 0) {
			m->nrows = strtol(w, NULL, 10);
			if (m->nrows < 0 || m->nrows > 65535)
				return failed(bad(err, path, "too many rows"));
		} else if (strcmp(key, "scale") == 0) {
			m->scale = strtof(w, NULL);
		}
	}
	return failed(bad(err, path, "no 'data' line"));
}

int
omni_model_load(const char *path, omni_model **out, omni_error *err)
{
	omni_model *m = calloc(1, sizeof *m);
	FILE *f = fopen(path, "rb");
	size_t rec;
	unsigned char *row = NULL;
	int16_t *w16 = NULL;
	int max = 1;

	*out = NULL;
	if (!f) {
		free(m);
		return failed(omni_error_set(err, errno == ENOENT ? OMNI_EX_NOINPUT : OMNI_EX_CONFIG,
		                      path, 0, 0, "%s", strerror(errno)));
	}
	if (!m) {
		fclose(f);
		return failed(omni_error_oom(err));
	}
	if (read_header(m, f, path, err) < 0)
		goto fail;
	rec = 4 + 2 * (size_t)m->nclasses;
	m->stride = (m->nclasses + BLOCK - 1) / BLOCK * BLOCK;
	/* a table at most half full, small enough to stay in the cache */
	for (m->tbits = 4; ((long)1 << m->tbits) < 2 * m->nrows + 2; m->tbits++)
		;
	m->slots = calloc((size_t)1 << m->tbits, sizeof *m->slots);
	w16 = calloc(((size_t)m->nrows + 1) * (size_t)m->nclasses, sizeof *w16);
	m->w = calloc(((size_t)m->nrows + 1) * (size_t)m->stride, sizeof *m->w);
	row = malloc(rec);
	if (!m->slots || !w16 || !m->w || !row) {
		omni_error_oom(err);
		goto fail;
	}
	for (long r = 0; r < m->nrows; r++) {
		uint32_t key, i;
		if (fread(row, 1, rec, f) != rec) {
			bad(err, path, "cut short");
			goto fail;
		}
		key = get32(row) & (OMNI_FEAT_MASK | 0xff000000u);
		for (i = slot_of(m, key); m->slots[i].key; i = (i + 1) & ((1u << m->tbits) - 1))
			if (m->slots[i].key == key + 1) {
				bad(err, path, "a feature twice");
				goto fail;
			}
		m->slots[i].key = key + 1;
		m->slots[i].row = (uint32_t)r;
		for (int c = 0; c < m->nclasses; c++) {
			int v = (int16_t)(row[4 + 2 * c] | row[5 + 2 * c] << 8);
			w16[r * m->nclasses + c] = (int16_t)v;
			if (abs(v) > max)
				max = abs(v);
		}
	}
	/* a byte a weight: a row is a quarter of a cache line */
	for (long i = 0; i < m->nrows * m->nclasses; i++)
		m->w[i / m->nclasses * m->stride + i % m->nclasses] =
			(int8_t)lrint(w16[i] * 127.0 / max);
	m->scale *= (float)(max / 127.0);
	free(w16);
	w16 = NULL;
	free(row);
	fclose(f);
	if (omni_feat_stemmers(m->stemmers, (void **)&m->cache, err) < 0) {
		omni_model_free(m);
		return -1;
	}
	m->words = calloc(WORDS, sizeof *m->words);
	m->word_sums = calloc((size_t)WORDS * (size_t)m->stride, sizeof *m->word_sums);
	if (!m->words || !m->word_sums) {
		omni_model_free(m);
		return failed(omni_error_oom(err));
	}
	*out = m;
	return 0;
fail:
	free(row);
	free(w16);
	fclose(f);
	omni_model_free(m);
	return -1;
}

void
omni_model_free(omni_model *m)
{
	if (!m)
		return;
	for (int i = 0; i < m->nclasses; i++)
		free(m->classes[i]);
	omni_feat_stemmers_free(m->stemmers, m->cache);
	free(m->slots);
	free(m->w);
	free(m->words);
	free(m->word_sums);
	free(m->f.names);
	free(m);
}

int
omni_model_classes(const omni_model *m)
{
	return m->nclasses;
}

long
omni_model_rows(const omni_model *m)
{
	return m->nrows;
}

const char *
omni_model_class(const omni_model *m, int i)
{
	return i >= 0 && i < m->nclasses ? m->classes[i] : NULL;
}

/* The row of feature hash h, or NULL. */
static const int8_t *
row_of(const omni_model *m, uint32_t h)
{
	uint32_t key = h & (OMNI_FEAT_MASK | 0xff000000u), i = slot_of(m, key);
	for (; m->slots[i].key; i = (i + 1) & ((1u << m->tbits) - 1))
		if (m->slots[i].key == key + 1)
			return m->w + (size_t)m->slots[i].row * (size_t)m->stride;
	return NULL;
}

static void
add_row(const omni_model *m, int32_t *acc, uint32_t h)
{
	const int8_t *w = row_of(m, h);
	if (w)
		for (int b = 0; b < m->stride; b += BLOCK)
			for (int c = 0; c < BLOCK; c++)     /* one vector add */
				acc[b + c] += w[b + c];
}

/* The weights of text's features added into acc, as omni_feat_text and
 * row_of would find them, a word's own from the word cache when it is
 * there: how many features.  Texts that might have more than
 * OMNI_FEAT_MAX features go the long way, so the count is the same. */
static int
fast_features(omni_model *m, int lang, const omni_tokens *t, const char *text, size_t len,
              int32_t *acc)
{
	int nfeat = 0, bound = 0, ntok = t->n < OMNI_FEAT_TOKENS ? t->n : OMNI_FEAT_TOKENS;
	uint32_t pwh = 0;

	for (int i = 0; i < ntok; i++)
		bound += t->ln[i] < 30 ? (int)t->ln[i] + 2 : WORD_FEATS;
	if (bound > OMNI_FEAT_MAX) {
		omni_feat_text(m->stemmers, m->cache, lang, text, len, &m->f);
		for (int i = 0; i < m->f.n; i++)
			add_row(m, acc, m->f.h[i]);
		return m->f.n;
	}
	for (int i = 0; i < ntok; i++) {
		const char *w = t->buf + t->st[i];
		size_t n = t->ln[i], k;
		uint32_t h = fnv(FNV0, w, n), wh;
		char stem_text[CACHE_WORD];
		word_slot *c = &m->words[(h ^ (uint32_t)lang * 0x9e3779b9u) & (WORDS - 1)];
		int16_t *sums = m->word_sums + (c - m->words) * m->stride;
		const char *sh = shape(w, n);

		if (sh) {     /* a number, its shape alone: no need to remember it */
			wh = fnv(tag_seed('w'), sh, strlen(sh));
			add_row(m, acc, wh);
			nfeat++;
			goto pair;
		}
		if (n < CACHE_WORD && c->h == h && c->lang == lang + 1 && c->wlen == n &&
		    memcmp(c->word, w, n) == 0) {
			wh = c->wh;
		} else {
			m->one.n = 0;
			m->one.names = NULL;
			word_feats(m->stemmers, m->cache, lang, w, n, &m->one, &wh, stem_text, &k);
			if (n >= CACHE_WORD) {
				for (int j = 0; j < m->one.n; j++)
					add_row(m, acc, m->one.h[j]);
				nfeat += m->one.n;
				goto pair;
			}
			/* at most 32 features of at most 127: an int16 holds the sum */
			memset(sums, 0, (size_t)m->stride * sizeof *sums);
			for (int j = 0; j < m->one.n; j++) {
				const int8_t *r = row_of(m, m->one.h[j]);
				if (r)
					for (int x = 0; x < m->stride; x++)
						sums[x] = (int16_t)(sums[x] + r[x]);
			}
			c->h = h;
			c->wh = wh;
			c->lang = (unsigned char)(lang + 1);
			c->wlen = (unsigned char)n;
			c->nfeat = (unsigned char)m->one.n;
			memcpy(c->word, w, n);
		}
		for (int b = 0; b < m->stride; b += BLOCK)
			for (int x = 0; x < BLOCK; x++)
				acc[b + x] += sums[b + x];
		nfeat += c->nfeat;
pair:
		if (i) {
			add_row(m, acc, pair_hash(pwh, wh));
			nfeat++;
		}
		pwh = wh;
	}
	return nfeat;
}

/* why: the features that weighed most for class c, strongest first. */
static void
explain(omni_model *m, int c, double norm, double confidence)
{
	int top[OMNI_MODEL_EXPLAIN], ntop = 0;
	size_t o;

	for (int i = 0; i < m->f.n; i++) {
		const int8_t *w = row_of(m, m->f.h[i]);
		int j, dup = 0;
		if (!w || w[c] <= 0)
			continue;
		for (j = 0; j < ntop && !dup; j++)
			dup = strcmp(m->f.names + (size_t)top[j] * OMNI_FEAT_NAME,
			             m->f.names + (size_t)i * OMNI_FEAT_NAME) == 0;
		if (dup)
			continue;
		if (ntop < OMNI_MODEL_EXPLAIN)
			j = ntop++;
		else if (row_of(m, m->f.h[top[ntop - 1]])[c] >= w[c])
			continue;
		else
			j = ntop - 1;
		for (; j > 0 && row_of(m, m->f.h[top[j - 1]])[c] < w[c]; j--)
			top[j] = top[j - 1];
		top[j] = i;
	}
	o = (size_t)snprintf(m->why, sizeof m->why, "intent %s %.2f:", m->classes[c], confidence);
	for (int j = 0; j < ntop && o < sizeof m->why; j++)
		o += (size_t)snprintf(m->why + o, sizeof m->why - o, "%s %s %+.2f", j ? "," : "",
		                      m->f.names + (size_t)top[j] * OMNI_FEAT_NAME,
		                      row_of(m, m->f.h[top[j]])[c] * m->scale / norm);
	if (!ntop)
		snprintf(m->why + o, sizeof m->why - o, " no feature the model knows");
}

void
omni_model_classify(omni_model *m, const char *lang, const char *text, size_t len,
                    int explain_it, omni_model_guess *g)
{
	omni_feat_tokens(text, len, &m->t);
	omni_model_classify_tokens(m, lang, &m->t, text, len, explain_it, g);
}

void
omni_model_classify_tokens(omni_model *m, const char *lang, const omni_tokens *t,
                           const char *text, size_t len, int explain_it, omni_model_guess *g)
{
	int32_t acc[OMNI_MODEL_CLASSES + BLOCK] = { 0 };
	const int nc = m->nclasses;
	double s[OMNI_MODEL_CLASSES], norm, max, sum = 0;
	int best = 0, nfeat;

	if (explain_it && !m->f.names)
		m->f.names = malloc((size_t)OMNI_FEAT_MAX * OMNI_FEAT_NAME);
	if (explain_it && m->f.names) {
		omni_feat_text(m->stemmers, m->cache, omni_feat_lang(lang), text, len, &m->f);
		for (int i = 0; i < m->f.n; i++)
			add_row(m, acc, m->f.h[i]);
		nfeat = m->f.n;
	} else {
		explain_it = 0;
		nfeat = fast_features(m, omni_feat_lang(lang), t, text, len, acc);
	}
	norm = sqrt(nfeat ? (double)nfeat : 1.0);
	s[0] = 0;
	for (int c = 0; c < nc; c++) {
		s[c] = m->bias[c] + acc[c] * (double)m->scale / norm;
		if (s[c] > s[best])
			best = c;
	}
	max = s[best];
	for (int c = 0; c < nc; c++)
		sum += exp(s[c] - max);
	g->intent = m->classes[best];
	g->confidence = 1.0 / sum;
	g->why = NULL;
	if (explain_it) {
		explain(m, best, norm, g->confidence);
		g->why = m->why;
	}
}
