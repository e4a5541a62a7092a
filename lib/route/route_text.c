/* route_text.c - language, intent and sentiment from the customer's words.
 *
 * Plain-text lexicons (share/omni/route/NAME.lex, extended by the user's own):
 * stopwords and accented letters vote for a language, phrases vote for an
 * intent or a sentiment.  Words are folded (lowercase, accents removed) so
 * "perche" finds "perché"; a phrase word ending in '*' matches any word it
 * starts ("rimbors*" finds "rimborso" and "rimborsare"). */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "route/route.h"
#include "route/route_int.h"

#define MAX_NAMES 64
#define MAX_PHRASE 6

enum { K_STOP = -1, K_NEG = -2, K_POS = -3, K_PERSON = -4 };
#define ANY_LANG (-2)

typedef struct entry {
	int lang;              /* index into langs */
	int kind;              /* intent index, or K_* */
	float weight;
	int nwords;            /* words after the first */
	char *words[MAX_PHRASE - 1];
	int next;              /* next entry with the same first word, -1 */
} entry;

typedef struct slot {
	char *key;             /* folded first word, "stem*" for a prefix */
	uint32_t hash;
	uint32_t len;
	int first;             /* entry index */
} slot;

struct omni_lexicon {
	char *langs[MAX_NAMES];
	int nlangs;
	char *intents[MAX_NAMES];
	int nintents;
	entry *entries;
	size_t nentries, cap;
	slot *slots;
	size_t nslots, used;
	float chars[MAX_NAMES][0x180];   /* letters up to U+017F per language */
	unsigned char stem_len[64];      /* which stem lengths exist */
	float threshold;
};

/* Ties go to the intent that costs most when missed. */
static const char *const intent_order[] = {
	"claim", "damaged", "cancel", "address_change", "exchange", "return",
	"refund", "wismo", "presale", "feedback", NULL,
};

static uint32_t
hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static slot *
lookup_hashed(const omni_lexicon *lx, const char *s, size_t n, uint32_t h)
{
	size_t i = h & (lx->nslots - 1);
	for (;; i = (i + 1) & (lx->nslots - 1)) {
		slot *sl = &lx->slots[i];
		if (!sl->key)
			return sl;
		if (sl->hash == h && sl->len == n && memcmp(sl->key, s, n) == 0)
			return sl;
	}
}

/* The slot of stem "w*" (l letters of w), without copying it. */
static const slot *
lookup_stem(const omni_lexicon *lx, const char *w, size_t l, uint32_t h)
{
	size_t i = h & (lx->nslots - 1);
	for (;; i = (i + 1) & (lx->nslots - 1)) {
		const slot *sl = &lx->slots[i];
		if (!sl->key)
			return sl;
		if (sl->hash == h && sl->len == l + 1 && sl->key[l] == '*' && memcmp(sl->key, w, l) == 0)
			return sl;
	}
}

static slot *
lookup(const omni_lexicon *lx, const char *s, size_t n)
{
	return lookup_hashed(lx, s, n, hash(s, n));
}

static int
grow_slots(omni_lexicon *lx)
{
	size_t n = lx->nslots ? lx->nslots * 2 : 1024;
	slot *old = lx->slots, *s;
	size_t oldn = lx->nslots;

	if (!(lx->slots = calloc(n, sizeof *lx->slots))) {
		lx->slots = old;
		return -1;
	}
	lx->nslots = n;
	for (size_t i = 0; i < oldn; i++)
		if (old[i].key) {
			s = lookup(lx, old[i].key, strlen(old[i].key));
			*s = old[i];
		}
	free(old);
	return 0;
}

/* Folds one UTF-8 Latin letter at p (2 bytes) to ASCII: the folded text,
 * or NULL when it is not one we fold. */
static const char *
fold2(unsigned char a, unsigned char b)
{
	static const char *const c3[64] = {
		"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
		"d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", NULL, "ss",
		"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
		"d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", NULL, "y",
	};
	if (a == 0xc3 && b >= 0x80 && b < 0xc0)
		return c3[b - 0x80];
	if (a == 0xc5 && (b == 0x92 || b == 0x93))
		return "oe";
	return NULL;
}

/* ASCII letters and digits, lowercased; 0 for the rest. */
static char lower[128];

static void
init_lower(void)
{
	for (int c = 0; c < 128; c++)
		lower[c] = isalnum(c) ? (char)tolower(c) : 0;
}

/* Splits text into folded tokens in buf: words of letters and digits, and
 * each emoji or symbol on its own.  Returns the count; starts[i] and
 * lens[i] locate token i in buf. */
static int
tokenize(const char *text, size_t len, char *buf, size_t bufsize,
         size_t *starts, size_t *lens, int max)
{
	const unsigned char *p = (const unsigned char *)text, *end = p + len;
	size_t o = 0;
	int n = 0, inword = 0;

	while (p < end && n < max && o + 8 < bufsize) {
		unsigned c = *p;
		const char *f;
		if (c < 0x80) {
			if (lower[c]) {
				if (!inword) { starts[n] = o; inword = 1; }
				buf[o++] = lower[c];
			} else if (inword) {
				lens[n] = o - starts[n]; n++; inword = 0;
			}
			p++;
			continue;
		}
		/* U+0080-U+00BF (¿ ¡ « » °) and × ÷ separate words */
		if (p + 1 < end && (c == 0xc2 || (c == 0xc3 && (p[1] == 0x97 || p[1] == 0xb7)))) {
			if (inword) {
				lens[n] = o - starts[n]; n++; inword = 0;
			}
			p += 2;
			continue;
		}
		if (c >= 0xc0 && c < 0xe0 && p + 1 < end) {
			if (!inword) { starts[n] = o; inword = 1; }
			if ((f = fold2(p[0], p[1]))) {
				while (*f)
					buf[o++] = *f++;
			} else {
				buf[o++] = (char)p[0];
				buf[o++] = (char)p[1];
			}
			p += 2;
			continue;
		}
		if (inword) {
			lens[n] = o - starts[n]; n++; inword = 0;
		}
		size_t k = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 1;
		if (p + k > end)
			break;
		/* General punctuation (’ “ — …) separates; other symbols count. */
		if (k > 1 && !(c == 0xe2 && p[1] == 0x80) && !(c == 0xef && p[1] == 0xb8) && n < max) {
			starts[n] = o;
			memcpy(buf + o, p, k);
			o += k;
			lens[n++] = k;
		}
		p += k;
	}
	if (inword && n < max) {
		lens[n] = o - starts[n];
		n++;
	}
	return n;
}

int
omni_route_tokenize(const char *text, size_t len, char *buf, size_t bufsize,
                    size_t *starts, size_t *lens, int max)
{
	if (!lower['a'])
		init_lower();
	return tokenize(text, len, buf, bufsize, starts, lens, max);
}

static int
name_index(char **names, int *n, const char *name)
{
	for (int i = 0; i < *n; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	if (*n >= MAX_NAMES || !(names[*n] = strdup(name)))
		return -1;
	return (*n)++;
}

/* The folded tokens of one lexicon word ("dov'è" is "dov" "e"); a final
 * '*' stays on the last.  Each new; returns how many. */
static int
fold_words(const char *w, char **out, int max)
{
	char buf[256];
	size_t st[8], ln[8];
	int star = w[0] && w[strlen(w) - 1] == '*';
	int n = tokenize(w, strlen(w), buf, sizeof buf, st, ln, max < 8 ? max : 8);

	for (int i = 0; i < n; i++) {
		int s = star && i == n - 1;
		if (!(out[i] = malloc(ln[i] + 2)))
			return i;
		memcpy(out[i], buf + st[i], ln[i]);
		if (s)
			out[i][ln[i]++] = '*';
		out[i][ln[i]] = 0;
	}
	return n;
}

/* Is the phrase already in the chain for its first word?  Then the larger
 * weight stays, and words are freed. */
static int
same_entry(omni_lexicon *lx, int first, int lang, int kind, float weight,
           char **words, int nwords)
{
	for (int k = first; k >= 0; k = lx->entries[k].next) {
		entry *e = &lx->entries[k];
		int j;
		if (e->lang != lang || e->kind != kind || e->nwords != nwords - 1)
			continue;
		for (j = 1; j < nwords && strcmp(e->words[j - 1], words[j]) == 0; j++)
			;
		if (j < nwords)
			continue;
		if (weight > e->weight)
			e->weight = weight;
		for (j = 0; j < nwords; j++)
			free(words[j]);
		return 1;
	}
	return 0;
}

static int
add_entry(omni_lexicon *lx, int lang, int kind, float weight, char **words,
          int nwords)
{
	entry *e;
	slot *s;

	if (lx->nentries == lx->cap) {
		size_t cap = lx->cap ? lx->cap * 2 : 1024;
		entry *ne = realloc(lx->entries, cap * sizeof *ne);
		if (!ne)
			return -1;
		lx->entries = ne;
		lx->cap = cap;
	}
	if ((lx->used + 1) * 2 > lx->nslots && grow_slots(lx) < 0)
		return -1;
	s = lookup(lx, words[0], strlen(words[0]));
	if (s->key && same_entry(lx, s->first, lang, kind, weight, words, nwords))
		return 0;     /* said twice: counted once */
	e = &lx->entries[lx->nentries];
	e->lang = lang;
	e->kind = kind;
	e->weight = weight;
	e->nwords = nwords - 1;
	for (int i = 1; i < nwords; i++)
		e->words[i - 1] = words[i];
	if (!s->key) {
		s->key = words[0];
		s->len = (uint32_t)strlen(words[0]);
		s->hash = hash(words[0], s->len);
		s->first = -1;
		lx->used++;
		size_t l = strlen(words[0]);
		if (words[0][l - 1] == '*' && l - 1 < sizeof lx->stem_len)
			lx->stem_len[l - 1] = 1;
	} else {
		free(words[0]);
	}
	e->next = s->first;
	s->first = (int)lx->nentries++;
	return 0;
}

/* A "char" line: each letter (up to U+017F) votes for the language. */
static int
add_chars(omni_lexicon *lx, int lang, float w, char *rest)
{
	const unsigned char *p = (const unsigned char *)rest;
	for (; *p; p++) {
		if (p[0] >= 0xc2 && p[0] <= 0xc5 && p[1] >= 0x80 && p[1] < 0xc0) {
			unsigned cp = ((p[0] & 0x1fu) << 6) | (p[1] & 0x3fu);
			lx->chars[lang][cp] = w;
			p++;
		}
	}
	return 0;
}

static int
parse_line(omni_lexicon *lx, int *lang, char *line, const char *path,
           long lineno, omni_error *err)
{
	char *save = NULL, *key = strtok_r(line, " \t", &save), *w, *end;
	char *words[MAX_PHRASE];
	float weight = 1;
	int kind, n = 0;

	if (!key || *key == '#')
		return 0;
	if (strcmp(key, "lang") == 0) {
		if (!(w = strtok_r(NULL, " \t", &save)))
			return omni_error_set(err, OMNI_EX_CONFIG, path, lineno, 6, "lang needs a name");
		/* "lang any": words that say nothing of the language (emoji) */
		*lang = strcmp(w, "any") == 0 ? ANY_LANG : name_index(lx->langs, &lx->nlangs, w);
		return *lang == -1 ? omni_error_set(err, OMNI_EX_CONFIG, path, lineno, 1, "too many languages") : 0;
	}
	if (strcmp(key, "threshold") == 0) {
		w = strtok_r(NULL, " \t", &save);
		lx->threshold = w ? strtof(w, NULL) : 2;
		return 0;
	}
	if (*lang == -1)
		return omni_error_set(err, OMNI_EX_CONFIG, path, lineno, 1, "'%s' before a 'lang' line", key);
	w = strtok_r(NULL, " \t", &save);
	if (w && (weight = strtof(w, &end), end != w && *end == 0))
		w = strtok_r(NULL, " \t", &save);
	else
		weight = 1;
	if (!w)
		return omni_error_set(err, OMNI_EX_CONFIG, path, lineno, (long)(key - line) + 1,
		                      "'%s' needs words", key);
	if (strcmp(key, "char") == 0) {
		for (; w; w = strtok_r(NULL, " \t", &save))
			add_chars(lx, *lang, weight, w);
		return 0;
	}
	if (strcmp(key, "stop") == 0) {
		for (; w; w = strtok_r(NULL, " \t", &save)) {
			int k = fold_words(w, words, MAX_PHRASE);
			for (int i = 0; i < k; i++)
				if (add_entry(lx, *lang, K_STOP, weight, words + i, 1) < 0)
					return omni_error_oom_at(err, path, lineno);
		}
		return 0;
	}
	kind = strcmp(key, "negative") == 0 ? K_NEG : strcmp(key, "positive") == 0 ? K_POS :
	       strcmp(key, "person") == 0 ? K_PERSON :
	       name_index(lx->intents, &lx->nintents, key);
	if (kind == -1)
		return omni_error_set(err, OMNI_EX_CONFIG, path, lineno, 1, "too many intents");
	for (; w && n < MAX_PHRASE; w = strtok_r(NULL, " \t", &save))
		n += fold_words(w, words + n, MAX_PHRASE - n);
	if (n == 0)
		return 0;
	if (add_entry(lx, *lang, kind, weight, words, n) < 0)
		return omni_error_oom_at(err, path, lineno);
	return 0;
}

static int
load_file(omni_lexicon *lx, const char *path, omni_error *err)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	long lineno = 0;
	int lang = -1, rc = 0;
	ssize_t n;

	if (!f) {
		omni_error_set(err, OMNI_EX_NOINPUT, path, 0, 0, "%s", strerror(errno));
		return -1;
	}
	while ((n = getline(&line, &cap, f)) > 0) {
		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = 0;
		if ((rc = parse_line(lx, &lang, line, path, lineno, err)) != 0)
			break;
	}
	free(line);
	fclose(f);
	return rc ? -1 : 0;
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
load_dir(omni_lexicon *lx, const char *dir, omni_error *err)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char *names[256];
	size_t n = 0;
	int rc = 0;

	if (!d)
		return 0;      /* a missing directory adds nothing */
	while ((de = readdir(d)) && n < 256) {
		size_t l = strlen(de->d_name);
		if (l > 4 && strcmp(de->d_name + l - 4, ".lex") == 0 && de->d_name[0] != '.')
			names[n++] = strdup(de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmpstr);
	for (size_t i = 0; i < n; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if (rc == 0 && load_file(lx, path, err) < 0)
			rc = -1;
		free(names[i]);
	}
	return rc;
}

int
omni_lexicon_load(const char *const *dirs, size_t ndirs, omni_lexicon **out,
                  omni_error *err)
{
	omni_lexicon *lx = calloc(1, sizeof *lx);

	*out = NULL;
	if (!lx || grow_slots(lx) < 0) {
		free(lx);
		omni_error_oom(err);
		return -1;
	}
	lx->threshold = 2;
	init_lower();
	for (const char *const *i = intent_order; *i; i++)
		name_index(lx->intents, &lx->nintents, *i);
	name_index(lx->intents, &lx->nintents, "other");
	for (size_t i = 0; i < ndirs; i++)
		if (dirs[i] && load_dir(lx, dirs[i], err) < 0) {
			omni_lexicon_free(lx);
			return -1;
		}
	*out = lx;
	return 0;
}

void
omni_lexicon_free(omni_lexicon *lx)
{
	if (!lx)
		return;
	for (size_t i = 0; i < lx->nentries; i++)
		for (int j = 0; j < lx->entries[i].nwords; j++)
			free(lx->entries[i].words[j]);
	for (size_t i = 0; i < lx->nslots; i++)
		free(lx->slots[i].key);
	for (int i = 0; i < lx->nlangs; i++)
		free(lx->langs[i]);
	for (int i = 0; i < lx->nintents; i++)
		free(lx->intents[i]);
	free(lx->entries);
	free(lx->slots);
	free(lx);
}

int
omni_lexicon_langs(const omni_lexicon *lx)
{
	return lx->nlangs;
}

static int
word_matches(const char *pat, const char *tok, size_t n)
{
	size_t l = strlen(pat);
	if (l && pat[l - 1] == '*')
		return n >= l - 1 && memcmp(pat, tok, l - 1) == 0;
	return l == n && memcmp(pat, tok, n) == 0;
}

typedef struct scores {
	float lang[MAX_NAMES];
	float intent[MAX_NAMES + 1][MAX_NAMES];   /* [1 + lang, or 0 for any][intent] */
	float neg, pos, person;
} scores;

static void
score_chain(const omni_lexicon *lx, int first, const char *buf,
            const size_t *st, const size_t *ln, int i, int ntok, scores *sc)
{
	for (int k = first; k >= 0; k = lx->entries[k].next) {
		const entry *e = &lx->entries[k];
		int j;
		if (i + e->nwords >= ntok)
			continue;
		for (j = 0; j < e->nwords; j++)
			if (!word_matches(e->words[j], buf + st[i + 1 + j], ln[i + 1 + j]))
				break;
		if (j < e->nwords)
			continue;
		if (e->kind == K_STOP) {
			if (e->lang >= 0)
				sc->lang[e->lang] += e->weight;
			continue;
		}
		if (e->lang >= 0)
			sc->lang[e->lang] += 0.5f * (float)(e->nwords + 1);
		if (e->kind == K_NEG)
			sc->neg += e->weight;
		else if (e->kind == K_POS)
			sc->pos += e->weight;
		else if (e->kind == K_PERSON)
			sc->person += e->weight;
		else
			sc->intent[e->lang + 1 > 0 ? e->lang + 1 : 0][e->kind] += e->weight;
	}
}

static void
score_tokens(const omni_lexicon *lx, const char *buf, const size_t *st,
             const size_t *ln, int ntok, scores *sc)
{
	uint32_t pre[64];     /* FNV hash of each prefix, so a stem costs one probe */
	for (int i = 0; i < ntok; i++) {
		size_t n = ln[i], l;
		const char *w = buf + st[i];
		uint32_t h = 2166136261u;
		for (l = 0; l < n && l < sizeof pre / sizeof *pre; l++)
			pre[l] = h = (h ^ (unsigned char)w[l]) * 16777619u;
		const slot *s = n <= sizeof pre / sizeof *pre ?
		                lookup_hashed(lx, w, n, pre[n - 1]) : lookup(lx, w, n);
		if (s->key)
			score_chain(lx, s->first, buf, st, ln, i, ntok, sc);
		if (n >= 64)
			continue;
		/* the longest stem that matches wins, so "rimbors*" and "rimb*"
		 * do not both count */
		for (l = n < sizeof lx->stem_len ? n : sizeof lx->stem_len - 1; l >= 3; l--) {
			if (!lx->stem_len[l])
				continue;
			s = lookup_stem(lx, w, l, (pre[l - 1] ^ '*') * 16777619u);
			if (s->key) {
				score_chain(lx, s->first, buf, st, ln, i, ntok, sc);
				break;
			}
		}
	}
}

static void
score_chars(const omni_lexicon *lx, const char *text, size_t len, scores *sc)
{
	const unsigned char *p = (const unsigned char *)text, *end = p + len;
	for (; p + 1 < end; p++)
		if (p[0] >= 0xc2 && p[0] <= 0xc5 && p[1] >= 0x80 && p[1] < 0xc0) {
			unsigned cp = ((p[0] & 0x1fu) << 6) | (p[1] & 0x3fu);
			for (int l = 0; l < lx->nlangs; l++)
				sc->lang[l] += lx->chars[l][cp];
			p++;
		}
}

void
omni_lexicon_classify(const omni_lexicon *lx, const char *text, size_t len,
                      omni_guess *g)
{
	static __thread omni_tokens t;
	omni_lexicon_classify_tokens(lx, text, len, g, &t);
}

void
omni_lexicon_classify_tokens(const omni_lexicon *lx, const char *text, size_t len,
                             omni_guess *g, omni_tokens *t)
{
	static __thread scores sc;
	char *buf = t->buf;
	size_t *st = t->st, *ln = t->ln;
	int ntok, best = -1, second = -1, intent = -1;
	float total[MAX_NAMES] = { 0 };

	/* only the rows in use: the whole table is 17 KB a ticket */
	memset(sc.lang, 0, sizeof sc.lang);
	memset(sc.intent, 0, (size_t)(lx->nlangs + 1) * sizeof sc.intent[0]);
	sc.neg = sc.pos = sc.person = 0;
	if (len > OMNI_TOKENS_TEXT)     /* the opening says what a ticket is about */
		len = OMNI_TOKENS_TEXT;
	t->n = ntok = tokenize(text, len, buf, sizeof t->buf, st, ln, OMNI_TOKENS_MAX);
	score_tokens(lx, buf, st, ln, ntok, &sc);
	score_chars(lx, text, len, &sc);
	for (int l = 0; l < lx->nlangs; l++) {
		if (best < 0 || sc.lang[l] > sc.lang[best]) {
			second = best;
			best = l;
		} else if (second < 0 || sc.lang[l] > sc.lang[second]) {
			second = l;
		}
	}
	g->lang = "und";
	g->lang_score = best >= 0 ? sc.lang[best] : 0;
	/* Unsure: too little evidence, or a near tie. */
	if (best >= 0 && sc.lang[best] >= 1.0f &&
	    (second < 0 || sc.lang[best] >= sc.lang[second] * 1.25f + 0.25f))
		g->lang = lx->langs[best];
	else
		best = -1;
	/* The detected language's phrases count in full, others' at half. */
	for (int l = 0; l < lx->nlangs; l++)
		for (int k = 0; k < lx->nintents; k++)
			total[k] += sc.intent[l + 1][k] * (best < 0 || l == best ? 1.0f : 0.5f);
	for (int k = 0; k < lx->nintents; k++)
		total[k] += sc.intent[0][k];
	for (int k = 0; k < lx->nintents; k++)
		if (total[k] > 0 && (intent < 0 || total[k] > total[intent]))
			intent = k;
	g->intent_score = intent >= 0 ? total[intent] : 0;
	g->intent = intent >= 0 && total[intent] >= lx->threshold ? lx->intents[intent] : "other";
	g->sentiment = sc.neg >= sc.pos + 1 ? "negative" : sc.pos >= sc.neg + 1 ? "positive" : "neutral";
	g->person = sc.person >= lx->threshold;
}
