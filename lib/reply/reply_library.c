/* reply_library.c - template bundles: DIR/LANG.tmpl and DIR/STORE/LANG.tmpl,
 * each a list of "@@ NAME [QUALIFIER] [html]" sections, loaded when first
 * asked for and kept for the run. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "reply/reply.h"

typedef struct section {
	char *name, *qual;        /* qual: a channel or a tone, or NULL */
	char *needs;              /* the facts after "needs", or NULL */
	int html;
	long line;
	omni_tmpl *t;
} section;

typedef struct bundle {
	size_t dir;
	char *store, *lang;       /* store "" for the directory itself */
	char *path;
	section *s;
	size_t n;
	struct bundle *next;
} bundle;

/* What a lookup found, by what was asked: most tickets ask the same few
 * questions, and the fallback walk is long. */
#define CACHE_SIZE 16384     /* names x languages x stores x channels x 2 */
/* A template of the name asked for, in fallback order. */
typedef struct cand {
	const omni_tmpl *t;
	const char *lang;
	char *found;              /* file:line */
} cand;

typedef struct hit {
	uint64_t hash;            /* of key: most misses end there */
	char *key;
	cand *c;                  /* none: nothing found */
	size_t n;
} hit;

struct omni_tmpl_lib {
	char **dirs;
	size_t ndirs;
	char **informal;          /* the stores that write informally */
	size_t ninformal;
	char *default_lang;
	bundle *bundles;
	hit cache[CACHE_SIZE];
};

omni_tmpl_lib *
omni_tmpl_lib_new(const char *const *dirs, size_t ndirs, const char *default_lang)
{
	omni_tmpl_lib *l = calloc(1, sizeof *l);

	if (!l || !(l->dirs = calloc(ndirs + 1, sizeof *l->dirs))) {
		free(l);
		return NULL;
	}
	for (size_t i = 0; i < ndirs; i++)
		if (dirs[i] && *dirs[i])
			l->dirs[l->ndirs++] = strdup(dirs[i]);
	l->default_lang = strdup(default_lang && *default_lang ? default_lang : "en");
	return l;
}

static void
bundle_free(bundle *b)
{
	for (size_t i = 0; i < b->n; i++) {
		free(b->s[i].name);
		free(b->s[i].qual);
		free(b->s[i].needs);
		omni_tmpl_free(b->s[i].t);
	}
	free(b->s);
	free(b->store);
	free(b->lang);
	free(b->path);
	free(b);
}

static void
hit_clear(hit *e)
{
	for (size_t i = 0; i < e->n; i++)
		free(e->c[i].found);
	free(e->c);
	free(e->key);
	e->c = NULL;
	e->n = 0;
	e->key = NULL;
}

void
omni_tmpl_lib_free(omni_tmpl_lib *l)
{
	if (!l)
		return;
	while (l->bundles) {
		bundle *b = l->bundles;
		l->bundles = b->next;
		bundle_free(b);
	}
	for (size_t i = 0; i < CACHE_SIZE; i++)
		hit_clear(&l->cache[i]);
	for (size_t i = 0; i < l->ninformal; i++)
		free(l->informal[i]);
	free(l->informal);
	for (size_t i = 0; i < l->ndirs; i++)
		free(l->dirs[i]);
	free(l->dirs);
	free(l->default_lang);
	free(l);
}

int
omni_tmpl_lib_configure(omni_tmpl_lib *l, const omni_config *c, omni_error *err)
{
	for (size_t i = 0; c && i < c->nsections; i++) {
		const omni_conf_section *s = &c->sections[i];
		const char *v = strcmp(s->type, "store") == 0 ? omni_conf_get(s, "register") : NULL;
		long line = s->line;
		if (!v || strcmp(v, "formal") == 0)
			continue;
		for (size_t k = 0; k < s->nentries; k++)
			if (strcmp(s->entries[k].key, "register") == 0)
				line = s->entries[k].line;
		if (strcmp(v, "informal") != 0)
			return omni_error_set(err, OMNI_EX_CONFIG, c->path, line, 0,
			                      "store %s: register '%s': expected formal or informal",
			                      s->name ? s->name : "", v), -1;
		char **t = realloc(l->informal, (l->ninformal + 1) * sizeof *t);
		if (!t || !(t[l->ninformal] = strdup(s->name ? s->name : ""))) {
			if (t)
				l->informal = t;
			return omni_error_oom(err), -1;
		}
		l->informal = t;
		l->ninformal++;
	}
	return 0;
}

const char *
omni_tmpl_lib_register(const omni_tmpl_lib *l, const char *store)
{
	for (size_t i = 0; store && i < l->ninformal; i++)
		if (strcmp(l->informal[i], store) == 0)
			return "informal";
	return "formal";
}

/* "@@ name [qualifier] [html] [needs FACT...]" */
static int
add_section(bundle *b, const char *hdr, size_t n, long line, omni_error *err)
{
	char buf[256], *tok, *save = NULL;
	section *s = realloc(b->s, (b->n + 1) * sizeof *s);

	if (!s)
		return omni_error_oom_at(err, b->path, line), -1;
	b->s = s;
	s = &b->s[b->n];
	memset(s, 0, sizeof *s);
	snprintf(buf, sizeof buf, "%.*s", (int)(n < 255 ? n : 255), hdr);
	size_t blen = strlen(buf);
	for (tok = strtok_r(buf, " \t\r", &save); tok; tok = strtok_r(NULL, " \t\r", &save)) {
		if (s->name && strcmp(tok, "needs") == 0) {
			tok += strlen(tok);
			if (tok < buf + blen)
				tok++;    /* the delimiter strtok_r ended it with */
			tok += strspn(tok, " \t\r");
			size_t k = strlen(tok);
			while (k && strchr(" \t\r", tok[k - 1]))
				k--;
			if (!k) {
				omni_error_set(err, OMNI_EX_CONFIG, b->path, line, 0,
				               "section header: 'needs' names no fact");
				goto fail;
			}
			s->needs = strndup(tok, k);
			break;
		}
		if (!s->name)
			s->name = strdup(tok);
		else if (strcmp(tok, "html") == 0)
			s->html = 1;
		else if (!s->qual)
			s->qual = strdup(tok);
		else {
			omni_error_set(err, OMNI_EX_CONFIG, b->path, line, 0,
			               "section header: too many words: expected '@@ NAME [QUALIFIER] [html] [needs FACT...]'");
			goto fail;
		}
	}
	if (!s->name)
		return omni_error_set(err, OMNI_EX_CONFIG, b->path, line, 0,
		                      "section header without a name"), -1;
	s->line = line;
	b->n++;
	return 0;
fail:   /* the section is not counted: what it holds is freed here */
	free(s->name);
	free(s->qual);
	free(s->needs);
	memset(s, 0, sizeof *s);
	return -1;
}

/* Sections and their bodies: a body runs to the next header, without
 * its trailing blank lines. */
static int
parse_bundle(bundle *b, const char *buf, size_t len, omni_error *err)
{
	const char *p = buf, *end = buf + len, *body = NULL;
	long line = 1, body_line = 0;

	for (;;) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		int header = p < end && end - p >= 3 && memcmp(p, "@@ ", 3) == 0;
		if (body && (header || p >= end)) {
			const char *e = p;
			while (e > body && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' '))
				e--;
			section *s = &b->s[b->n - 1];
			if (omni_tmpl_compile(body, (size_t)(e - body), b->path, body_line, &s->t, err) < 0)
				return -1;
			char *save = NULL, *words = s->needs ? strdup(s->needs) : NULL;
			for (char *f = words ? strtok_r(words, " \t", &save) : NULL; f;
			     f = strtok_r(NULL, " \t", &save))
				if (omni_tmpl_need(s->t, f, b->path, s->line, err) < 0) {
					free(words);
					return -1;
				}
			free(words);
			body = NULL;
		}
		if (p >= end)
			return 0;
		if (!eol)
			eol = end;
		if (header) {
			if (add_section(b, p + 3, (size_t)(eol - p - 3), line, err) < 0)
				return -1;
			body = eol < end ? eol + 1 : eol;
			body_line = line + 1;
		}
		p = eol < end ? eol + 1 : end;
		line++;
	}
}

static int
load(omni_tmpl_lib *l, size_t dir, const char *store, const char *lang, bundle **out,
     omni_error *err)
{
	bundle *b;
	FILE *f = NULL;
	char *buf = NULL;
	size_t len = 0, cap = 0, got;

	for (b = l->bundles; b; b = b->next)
		if (b->dir == dir && strcmp(b->store, store) == 0 && strcmp(b->lang, lang) == 0) {
			*out = b;
			return 0;
		}
	if (!(b = calloc(1, sizeof *b)))
		return omni_error_oom(err), -1;
	b->dir = dir;
	b->store = strdup(store);
	b->lang = strdup(lang);
	if (asprintf(&b->path, "%s/%s%s%s.tmpl", l->dirs[dir], store, *store ? "/" : "", lang) < 0)
		b->path = NULL;
	b->next = l->bundles;
	l->bundles = b;
	*out = b;
	if (!b->path || !(f = fopen(b->path, "r")))
		return 0;             /* a bundle that is not there has no sections */
	do {
		if (len + 4096 > cap) {
			char *t = realloc(buf, cap = cap * 2 + 8192);
			if (!t) {
				fclose(f);
				free(buf);
				return omni_error_oom_at(err, b->path, 0), -1;
			}
			buf = t;
		}
		got = fread(buf + len, 1, cap - len, f);
		len += got;
	} while (got);
	int bad = ferror(f);
	fclose(f);
	int rc = bad ? omni_error_set(err, OMNI_EX_IOERR, b->path, 0, 0, "read error")
	             : parse_bundle(b, buf ? buf : "", len, err);
	free(buf);
	return rc;
}

/* A store name is a directory name only when it is a plain one. */
static int
plain_name(const char *s)
{
	return s && *s && *s != '.' && !strchr(s, '/') && strlen(s) < 128;
}

static int find(omni_tmpl_lib *l, const omni_tmpl_want *w, hit *out, omni_error *err);

/* The first candidate whose facts the ticket has: 1, else 0 with the
 * fact the last one lacked in found. */
static int
choose(const hit *e, const omni_tmpl_want *w, const omni_tmpl **t, const char **lang,
       char *found, size_t size)
{
	const char *missing = "";

	for (size_t i = 0; i < e->n; i++) {
		if (w->facts && !omni_tmpl_ready(e->c[i].t, w->facts, &missing))
			continue;
		*t = e->c[i].t;
		*lang = e->c[i].lang;
		if (found && size)
			snprintf(found, size, "%s", e->c[i].found ? e->c[i].found : "");
		return 1;
	}
	if (found && size)
		snprintf(found, size, "%s", missing);
	return 0;
}

int
omni_tmpl_lib_find(omni_tmpl_lib *l, const omni_tmpl_want *w, const omni_tmpl **t,
                   const char **lang, char *found, size_t size, omni_error *err)
{
	char key[512 + 8];
	const char *parts[5] = { w->name, w->lang, w->store, w->channel, w->tone };
	uint64_t h = 0x9E3779B97F4A7C15u;
	size_t n = 0;

	/* "name|lang|store|channel|tone|html", built by hand: snprintf was a
	 * measurable part of each ticket */
	for (int i = 0; i < 5; i++) {
		size_t k = parts[i] ? strlen(parts[i]) : 0;
		if (n + k + 3 >= sizeof key - 8) {
			hit once = { 0 };
			int rc = find(l, w, &once, err);
			if (rc >= 0)
				rc = choose(&once, w, t, lang, found, size);
			hit_clear(&once);
			return rc;
		}
		memcpy(key + n, parts[i] ? parts[i] : "", k);
		n += k;
		key[n++] = '|';
	}
	key[n++] = w->html ? '1' : '0';
	key[n] = '\0';
	/* eight bytes at a time: a byte-wise hash was a measurable part */
	memset(key + n + 1, 0, 7);
	for (size_t i = 0; i <= n; i += 8) {
		uint64_t x;
		memcpy(&x, key + i, 8);
		h = (h ^ x) * 0xFF51AFD7ED558CCDu;
		h ^= h >> 29;
	}
	h ^= h >> 33;             /* every bit of the key into the low ones */
	h *= 0xC4CEB9FE1A85EC53u;
	h ^= h >> 33;
	hit *e = &l->cache[h % CACHE_SIZE];
	if (!e->key || e->hash != h || strcmp(e->key, key) != 0) {
		hit_clear(e);
		if (find(l, w, e, err) < 0) {
			hit_clear(e);
			return -1;
		}
		e->hash = h;
		if (!(e->key = strdup(key))) {
			int rc = choose(e, w, t, lang, found, size);
			hit_clear(e);
			return rc;
		}
	}
	return choose(e, w, t, lang, found, size);
}

static int
add_cand(hit *out, const section *s, const bundle *b, omni_error *err)
{
	cand *c = realloc(out->c, (out->n + 1) * sizeof *c);

	if (!c)
		return omni_error_oom(err), -1;
	out->c = c;
	c = &c[out->n++];
	c->t = s->t;
	c->lang = b->lang;
	if (asprintf(&c->found, "%s:%ld", b->path, s->line) < 0)
		c->found = NULL;
	return 0;
}

/* Every template of the name in fallback order, in the first language
 * that has one: the first of them whose facts the ticket has is used. */
static int
find(omni_tmpl_lib *l, const omni_tmpl_want *w, hit *out, omni_error *err)
{
	const char *langs[2] = { w->lang && plain_name(w->lang) ? w->lang : l->default_lang,
	                         l->default_lang };
	const char *quals[3] = { w->channel, w->tone, NULL };
	const char *stores[2] = { plain_name(w->store) ? w->store : "", "" };

	for (int li = 0; li < 2 && !out->n; li++) {
		if (li == 1 && strcmp(langs[0], langs[1]) == 0)
			break;
		for (int si = 0; si < 2; si++) {
			if (si == 1 && !*stores[0])
				break;
			for (int qi = 0; qi < 3; qi++) {
				if (qi < 2 && !(quals[qi] && *quals[qi]))
					continue;
				if (qi == 1 && quals[0] && strcmp(quals[0], quals[1]) == 0)
					continue;
				for (size_t d = 0; d < l->ndirs; d++) {
					bundle *b = NULL;
					if (load(l, d, stores[si], langs[li], &b, err) < 0)
						return -1;
					for (size_t i = 0; i < b->n; i++) {
						const section *s = &b->s[i];
						if (s->html == w->html && strcmp(s->name, w->name) == 0 &&
						    (quals[qi] ? s->qual && strcmp(s->qual, quals[qi]) == 0
						               : !s->qual) &&
						    add_cand(out, s, b, err) < 0)
							return -1;
					}
				}
			}
		}
	}
	return 0;
}
