/* reply_template.c - the template language of omni-reply (omni-templates(5)):
 * {{path}}, {{path | filter arg}}, {{#if}}/{{#unless}}/{{else}}, {{#each
 * path as name}}, {{> partial}}, {{! comment}}.  A template is compiled
 * once and rendered against the lazy record, so a value from the ticket is
 * only ever output, never read as template text. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "record/record.h"
#include "record/bridge.h"
#include "reply/reply.h"

enum { N_TEXT, N_VAR, N_IF, N_EACH, N_PARTIAL };
enum { OP_TRUTH, OP_EQ, OP_NE };

typedef struct path {
	char **seg;
	size_t n;
} path;

typedef struct node {
	int kind;
	char *text;               /* N_TEXT: the text; N_PARTIAL: the name;
	                             N_EACH: the loop variable */
	size_t len;
	path p;                   /* the value, the condition, the list */
	char *filter;             /* N_VAR: filter name or NULL */
	path arg;                 /* its path argument (money) */
	char *lit;                /* a "literal": filter argument, == value */
	int op, negate;
	struct node *body, *alt;
	size_t nbody, nalt;
} node;

/* A fact the template needs: PATH, !PATH, PATH=A|B, PATH!=A|B. */
typedef struct need {
	char *text;               /* as written */
	path p;
	int op, negate;
	char **vals;
	size_t nvals;
} need;

struct omni_tmpl {
	node *nodes;
	size_t n;
	need *needs;
	size_t nneeds;
};

/* The compiler's cursor. */
typedef struct parser {
	const char *src, *p, *end;
	const char *where;
	long line0;
	omni_error *err;
} parser;

static void
path_free(path *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->seg[i]);
	free(p->seg);
}

static void
nodes_free(node *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].text);
		free(v[i].filter);
		free(v[i].lit);
		path_free(&v[i].p);
		path_free(&v[i].arg);
		nodes_free(v[i].body, v[i].nbody);
		nodes_free(v[i].alt, v[i].nalt);
	}
	free(v);
}

void
omni_tmpl_free(omni_tmpl *t)
{
	if (!t)
		return;
	nodes_free(t->nodes, t->n);
	for (size_t i = 0; i < t->nneeds; i++) {
		free(t->needs[i].text);
		path_free(&t->needs[i].p);
		for (size_t k = 0; k < t->needs[i].nvals; k++)
			free(t->needs[i].vals[k]);
		free(t->needs[i].vals);
	}
	free(t->needs);
	free(t);
}

static long
line_of(const parser *ps, const char *at)
{
	long line = ps->line0;
	for (const char *q = ps->src; q < at; q++)
		line += *q == '\n';
	return line;
}

static int
fail(parser *ps, const char *at, const char *msg, const char *detail)
{
	const char *bol = at;
	while (bol > ps->src && bol[-1] != '\n')
		bol--;
	omni_error_set(ps->err, OMNI_EX_CONFIG, ps->where, line_of(ps, at),
	               (long)(at - bol) + 1, "%s%s", msg, detail ? detail : "");
	return -1;
}

static node *
push(node **v, size_t *n)
{
	node *t = realloc(*v, (*n + 1) * sizeof **v);
	if (!t)
		return NULL;
	*v = t;
	memset(&t[*n], 0, sizeof **v);
	return &t[(*n)++];
}

/* "a.b.0" into segments; 0 ok, -1 when empty or malformed. */
static int
path_parse(const char *s, size_t n, path *out)
{
	size_t i = 0;

	memset(out, 0, sizeof *out);
	if (!n)
		return -1;
	while (i <= n) {
		size_t j = i;
		while (j < n && s[j] != '.')
			j++;
		if (j == i)
			return -1;
		for (size_t k = i; k < j; k++)
			if (!(isalnum((unsigned char)s[k]) || s[k] == '_' || s[k] == '-' || s[k] == '@'))
				return -1;
		char **seg = realloc(out->seg, (out->n + 1) * sizeof *seg);
		if (!seg)
			return -1;
		out->seg = seg;
		seg[out->n++] = strndup(s + i, j - i);
		i = j + 1;
	}
	return 0;
}

int
omni_tmpl_need(omni_tmpl *t, const char *fact, const char *where, long line,
               omni_error *err)
{
	need *v = realloc(t->needs, (t->nneeds + 1) * sizeof *v), *nd;
	const char *p = fact, *op;
	size_t n;

	if (!v)
		return omni_error_oom_at(err, where, line), -1;
	t->needs = v;
	nd = &v[t->nneeds];
	memset(nd, 0, sizeof *nd);
	if (!(nd->text = strdup(fact)))
		return omni_error_oom_at(err, where, line), -1;
	t->nneeds++;
	nd->negate = *p == '!';
	p += nd->negate;
	op = strchr(p, '=');
	n = op ? (size_t)(op - p) : strlen(p);
	if (op) {
		nd->op = op > p && op[-1] == '!' ? OP_NE : OP_EQ;
		n -= nd->op == OP_NE;
	}
	if ((op && nd->negate) || path_parse(p, n, &nd->p) < 0)
		return omni_error_set(err, OMNI_EX_CONFIG, where, line, 0,
		                      "bad fact '%s': expected PATH, !PATH, PATH=VALUE[|VALUE...] "
		                      "or PATH!=VALUE[|VALUE...]", fact), -1;
	for (const char *q = op ? op + 1 : NULL; q;) {
		size_t k = strcspn(q, "|");
		char **vals = realloc(nd->vals, (nd->nvals + 1) * sizeof *vals);
		if (!vals || !(vals[nd->nvals] = strndup(q, k))) {
			if (vals)
				nd->vals = vals;
			return omni_error_oom_at(err, where, line), -1;
		}
		nd->vals = vals;
		nd->nvals++;
		q = q[k] ? q + k + 1 : NULL;
	}
	return 0;
}

const char *
omni_tmpl_fact(const omni_tmpl *t, size_t i)
{
	return t && i < t->nneeds ? t->needs[i].text : NULL;
}

/* The next word of a tag: a bare token, or a "quoted literal" (lit=1). */
static int
word(const char **p, const char *end, const char **w, size_t *n, int *lit)
{
	while (*p < end && isspace((unsigned char)**p))
		(*p)++;
	if (*p >= end)
		return 0;
	*lit = **p == '"';
	if (*lit) {
		const char *q = ++*p;
		while (q < end && *q != '"')
			q++;
		if (q >= end)
			return -1;
		*w = *p, *n = (size_t)(q - *p), *p = q + 1;
		return 1;
	}
	*w = *p;
	while (*p < end && !isspace((unsigned char)**p) && **p != '|')
		(*p)++;
	if (*p == *w)          /* a lone '|' */
		(*p)++;
	*n = (size_t)(*p - *w);
	return 1;
}

static int parse_seq(parser *ps, node **v, size_t *n, const char **closer);

/* {{path}} or {{path | filter [arg]}} */
static int
parse_var(parser *ps, node *nd, const char *a, const char *b, const char *tag)
{
	const char *w, *p = a;
	size_t wn;
	int lit;

	nd->kind = N_VAR;
	if (word(&p, b, &w, &wn, &lit) <= 0 || lit || path_parse(w, wn, &nd->p) < 0)
		return fail(ps, tag, "bad value in {{...}}", NULL);
	if (word(&p, b, &w, &wn, &lit) == 0)
		return 0;
	if (lit || wn != 1 || *w != '|' || word(&p, b, &w, &wn, &lit) <= 0 || lit)
		return fail(ps, tag, "expected '| filter' after the value", NULL);
	nd->filter = strndup(w, wn);
	static const char *const known[] = { "date", "money", "upper", "lower", "first",
	                                     "default", "count", NULL };
	int ok = 0;
	for (int i = 0; known[i]; i++)
		ok |= strcmp(known[i], nd->filter) == 0;
	if (!ok)
		return fail(ps, w, "unknown filter: ", nd->filter);
	int r = word(&p, b, &w, &wn, &lit);
	if (r < 0)
		return fail(ps, tag, "unterminated \"literal\"", NULL);
	if (r == 0)
		return 0;
	if (lit)
		nd->lit = strndup(w, wn);
	else if (path_parse(w, wn, &nd->arg) < 0)
		return fail(ps, w, "bad filter argument", NULL);
	return 0;
}

/* {{#if path [==|!= "lit"]}}, {{#unless path}}, {{#each path as name}} */
static int
parse_block(parser *ps, node *nd, const char *a, const char *b, const char *tag)
{
	const char *w, *p = a, *closer = NULL;
	size_t wn;
	int lit, each;

	if (word(&p, b, &w, &wn, &lit) <= 0 || lit)
		return fail(ps, tag, "unknown block: expected #if, #unless or #each", NULL);
	each = wn == 4 && memcmp(w, "each", 4) == 0;
	nd->negate = wn == 6 && memcmp(w, "unless", 6) == 0;
	if (!each && !nd->negate && !(wn == 2 && memcmp(w, "if", 2) == 0))
		return fail(ps, tag, "unknown block: expected #if, #unless or #each", NULL);
	nd->kind = each ? N_EACH : N_IF;
	if (word(&p, b, &w, &wn, &lit) <= 0 || lit || path_parse(w, wn, &nd->p) < 0)
		return fail(ps, tag, "bad value in block", NULL);
	if (word(&p, b, &w, &wn, &lit) > 0) {
		if (each && !lit && wn == 2 && memcmp(w, "as", 2) == 0 &&
		    word(&p, b, &w, &wn, &lit) > 0 && !lit)
			nd->text = strndup(w, wn);
		else if (!each && !lit && wn == 2 && (memcmp(w, "==", 2) == 0 || memcmp(w, "!=", 2) == 0)) {
			nd->op = w[0] == '=' ? OP_EQ : OP_NE;
			if (word(&p, b, &w, &wn, &lit) <= 0 || !lit)
				return fail(ps, tag, "expected a \"literal\" after the comparison", NULL);
			nd->lit = strndup(w, wn);
		} else
			return fail(ps, tag, "unexpected words in block", NULL);
	}
	if (each && !nd->text)
		return fail(ps, tag, "#each needs 'as NAME'", NULL);
	if (parse_seq(ps, &nd->body, &nd->nbody, &closer) < 0)
		return -1;
	if (closer && strcmp(closer, "else") == 0 &&
	    parse_seq(ps, &nd->alt, &nd->nalt, &closer) < 0)
		return -1;
	const char *want = each ? "/each" : nd->negate ? "/unless" : "/if";
	if (!closer || strcmp(closer, want) != 0)
		return fail(ps, tag, "block not closed: expected {{",
		            each ? "/each}}" : nd->negate ? "/unless}}" : "/if}}");
	return 0;
}

/* A tag alone on its line leaves no blank line: drop the indentation
 * before it (already in text) and the newline after it. */
static const char *
standalone(node **v, size_t *n, const char *tag_start, const char *after, const char *end,
           const char *src)
{
	const char *q = tag_start;
	while (q > src && (q[-1] == ' ' || q[-1] == '\t'))
		q--;
	if (q > src && q[-1] != '\n')
		return after;
	const char *r = after;
	while (r < end && (*r == ' ' || *r == '\t'))
		r++;
	if (r < end && *r == '\r')
		r++;
	if (r < end && *r != '\n')
		return after;
	if (*n && (*v)[*n - 1].kind == N_TEXT)
		(*v)[*n - 1].len -= (size_t)(tag_start - q);
	return r < end ? r + 1 : r;
}

/* Nodes up to a closing tag ({{/x}}, {{else}}) or the end; *closer names it. */
static int
parse_seq(parser *ps, node **v, size_t *n, const char **closer)
{
	static char name[16];

	*closer = NULL;
	while (ps->p < ps->end) {
		const char *open = strstr(ps->p, "{{");
		if (!open || open >= ps->end)
			open = ps->end;
		if (open > ps->p) {
			node *t = push(v, n);
			if (!t)
				return omni_error_oom_at(ps->err, ps->where, line_of(ps, ps->p)), -1;
			t->kind = N_TEXT;
			t->text = strndup(ps->p, (size_t)(open - ps->p));
			t->len = (size_t)(open - ps->p);
		}
		if (open >= ps->end) {
			ps->p = ps->end;
			break;
		}
		const char *close = strstr(open + 2, "}}");
		if (!close || close >= ps->end)
			return fail(ps, open, "'{{' without '}}'", NULL);
		const char *a = open + 2, *b = close;
		while (a < b && isspace((unsigned char)*a))
			a++;
		ps->p = close + 2;
		if (a < b && (*a == '/' || (b - a >= 4 && memcmp(a, "else", 4) == 0))) {
			while (b > a && isspace((unsigned char)b[-1]))
				b--;
			snprintf(name, sizeof name, "%.*s", (int)(b - a), a);
			ps->p = standalone(v, n, open, ps->p, ps->end, ps->src);
			*closer = name;
			return 0;
		}
		if (a < b && *a == '!') {
			ps->p = standalone(v, n, open, ps->p, ps->end, ps->src);
			continue;
		}
		if (a < b && *a == '#')
			ps->p = standalone(v, n, open, ps->p, ps->end, ps->src);
		node *nd = push(v, n);
		if (!nd)
			return omni_error_oom_at(ps->err, ps->where, line_of(ps, open)), -1;
		if (a < b && *a == '#') {
			if (parse_block(ps, nd, a + 1, b, open) < 0)
				return -1;
		} else if (a < b && *a == '>') {
			const char *w, *p = a + 1;
			size_t wn;
			int lit;
			if (word(&p, b, &w, &wn, &lit) <= 0 || lit)
				return fail(ps, open, "{{> NAME}} needs a name", NULL);
			nd->kind = N_PARTIAL;
			nd->text = strndup(w, wn);
		} else if (parse_var(ps, nd, a, b, open) < 0) {
			return -1;
		}
	}
	return 0;
}

int
omni_tmpl_compile(const char *src, size_t len, const char *where, long line,
                  omni_tmpl **out, omni_error *err)
{
	omni_tmpl *t = calloc(1, sizeof *t);
	char *copy = strndup(src, len);     /* strstr needs a terminator */
	parser ps = { copy, copy, copy ? copy + len : NULL, where, line, err };
	const char *closer = NULL;
	int rc = -1;

	*out = NULL;
	if (!t || !copy) {
		omni_error_oom_at(err, where, 0);
		goto out;
	}
	if (memchr(src, '\0', len)) {     /* the copy would end there */
		omni_error_set(err, OMNI_EX_CONFIG, where, line, 0, "a NUL byte in the template");
		goto out;
	}
	if (parse_seq(&ps, &t->nodes, &t->n, &closer) < 0)
		goto out;
	if (closer) {
		fail(&ps, ps.p, "unexpected {{", closer);
		if (err)
			strncat(err->text, "}}", sizeof err->text - strlen(err->text) - 1);
		goto out;
	}
	*out = t;
	t = NULL;
	rc = 0;
out:
	omni_tmpl_free(t);
	free(copy);
	return rc;
}

/* ---- rendering ---- */

typedef struct scope {
	const char *name;
	omni_span value;
	size_t index;
	const struct scope *up;
} scope;

typedef struct render {
	const omni_tmpl_ctx *ctx;
	omni_text out;            /* not a memstream: its 8 KiB calloc per reply
	                           * was a tenth of the time */
	int depth;
	omni_error *err;
} render;

static void
put(render *r, const char *s, size_t n)
{
	omni_text_put(&r->out, s, n);
}

static omni_span
resolve(const render *r, const scope *sc, const path *p)
{
	omni_span v = { NULL, 0 };
	static char num[24];
	size_t i = 1;

	for (const scope *s = sc; s; s = s->up)
		if (strcmp(s->name, p->seg[0]) == 0) {
			v = s->value;
			break;
		}
	if (!v.p && strcmp(p->seg[0], "@number") == 0 && sc) {
		snprintf(num, sizeof num, "%zu", sc->index + 1);
		v.p = num, v.n = strlen(num);
		return v;
	}
	if (!v.p)
		v = r->ctx->root(r->ctx->arg, p->seg[0]);
	for (; i < p->n && v.p; i++) {
		char *endp;
		unsigned long k = strtoul(p->seg[i], &endp, 10);
		omni_reply_view *w = r->ctx->view;
		if (omni_json_type(v) == OMNI_J_ARRAY && !*endp)
			v = w ? omni_reply_at(w, v, k) : omni_json_at(v, k);
		else
			v = w ? omni_reply_get(w, v, p->seg[i]) : omni_json_get(v, p->seg[i]);
	}
	return v;
}

static int
truthy(omni_span v)
{
	switch (omni_json_type(v)) {
	case OMNI_J_TRUE: return 1;
	case OMNI_J_NUMBER: return !(v.n == 1 && v.p[0] == '0');
	case OMNI_J_STRING: return v.n > 2;
	case OMNI_J_ARRAY:
	case OMNI_J_OBJECT: {
		omni_jiter it;
		omni_span e;
		omni_json_iter(&it, v);
		return omni_json_next(&it, NULL, &e);
	}
	default: return 0;
	}
}

/* The value as text: new ("" for null, absent, arrays and objects). */
static char *
text_of(omni_span v)
{
	switch (omni_json_type(v)) {
	case OMNI_J_STRING: return omni_json_string(v, NULL);
	case OMNI_J_NUMBER:
	case OMNI_J_TRUE:
	case OMNI_J_FALSE: return strndup(v.p, v.n);
	default: return strdup("");
	}
}

static void
emit(render *r, const char *s)
{
	if (!r->ctx->html) {
		put(r, s, strlen(s));
		return;
	}
	for (; *s; s++)
		switch (*s) {
		case '&': put(r, "&amp;", 5); break;
		case '<': put(r, "&lt;", 4); break;
		case '>': put(r, "&gt;", 4); break;
		case '"': put(r, "&quot;", 6); break;
		case '\'': put(r, "&#39;", 5); break;
		case '\n': put(r, "<br>\n", 5); break;
		default: put(r, s, 1);
		}
}

static char *
apply_filter(render *r, const scope *sc, const node *nd, omni_span v, char *s)
{
	char *o = NULL;
	const char *lang = r->ctx->lang;

	if (strcmp(nd->filter, "date") == 0)
		o = omni_reply_date(s, lang, r->ctx->zone);
	else if (strcmp(nd->filter, "money") == 0) {
		char *cur = nd->arg.n ? text_of(resolve(r, sc, &nd->arg))
		                      : strdup(nd->lit ? nd->lit : "");
		o = omni_reply_money(s, cur, lang);
		free(cur);
	} else if (strcmp(nd->filter, "upper") == 0 || strcmp(nd->filter, "lower") == 0) {
		o = strdup(s);
		for (char *q = o; q && *q; q++)
			*q = (char)(nd->filter[0] == 'u' ? toupper((unsigned char)*q)
			                                 : tolower((unsigned char)*q));
	} else if (strcmp(nd->filter, "first") == 0)
		o = strndup(s, strcspn(s, " \t"));
	else if (strcmp(nd->filter, "default") == 0)
		o = *s ? strdup(s) : nd->arg.n ? text_of(resolve(r, sc, &nd->arg))
		                               : strdup(nd->lit ? nd->lit : "");
	else if (strcmp(nd->filter, "count") == 0) {
		size_t k = 0;
		omni_jiter it;
		omni_span e;
		omni_json_iter(&it, v);
		while (omni_json_next(&it, NULL, &e))
			k++;
		if (asprintf(&o, "%zu", k) < 0)
			o = NULL;
	}
	free(s);
	return o;
}

/* A slot the rendering left empty, once in the list: "a.b c.d". */
static void
note_empty(omni_text *list, const path *p)
{
	char name[256];
	size_t n = 0;

	for (size_t i = 0; i < p->n && n < sizeof name - 1; i++)
		n += (size_t)snprintf(name + n, sizeof name - n, "%s%s", i ? "." : "", p->seg[i]);
	if (n >= sizeof name)
		n = sizeof name - 1;
	for (const char *q = list->p; q && q < list->p + list->n;) {
		size_t k = strcspn(q, " ");
		if (k == n && memcmp(q, name, n) == 0)
			return;
		q += k + (q[k] == ' ');
	}
	if (list->n)
		omni_text_put(list, " ", 1);
	omni_text_put(list, name, n);
}

int
omni_tmpl_ready(const omni_tmpl *t, const omni_tmpl_ctx *ctx, const char **missing)
{
	render r = { ctx, { 0 }, 0, NULL };

	for (size_t i = 0; i < t->nneeds; i++) {
		const need *nd = &t->needs[i];
		omni_span v = resolve(&r, NULL, &nd->p);
		int yes;
		if (nd->op == OP_TRUTH) {
			yes = truthy(v) != nd->negate;
		} else {
			char *s = text_of(v);
			yes = 0;
			for (size_t k = 0; s && k < nd->nvals; k++)
				yes |= strcmp(s, nd->vals[k]) == 0;
			if (nd->op == OP_NE)
				yes = s && !yes;
			free(s);
		}
		if (!yes) {
			if (missing)
				*missing = nd->text;
			return 0;
		}
	}
	return 1;
}

static int run(render *r, const scope *sc, const node *v, size_t n);

static int
run_each(render *r, const scope *sc, const node *nd)
{
	omni_span list = resolve(r, sc, &nd->p), item;
	omni_jiter it;
	scope inner = { nd->text, { NULL, 0 }, 0, sc };

	if (!truthy(list) || omni_json_type(list) != OMNI_J_ARRAY)
		return run(r, sc, nd->alt, nd->nalt);
	omni_json_iter(&it, list);
	while (omni_json_next(&it, NULL, &item)) {
		inner.value = item;
		if (run(r, &inner, nd->body, nd->nbody) < 0)
			return -1;
		inner.index++;
	}
	return 0;
}

static int
run_if(render *r, const scope *sc, const node *nd)
{
	omni_span v = resolve(r, sc, &nd->p);
	int yes;

	if (nd->op == OP_TRUTH) {
		yes = truthy(v);
	} else {
		char *s = text_of(v);
		yes = s && strcmp(s, nd->lit) == 0;
		free(s);
		if (nd->op == OP_NE)
			yes = !yes;
	}
	if (nd->negate)
		yes = !yes;
	return yes ? run(r, sc, nd->body, nd->nbody) : run(r, sc, nd->alt, nd->nalt);
}

static int
run(render *r, const scope *sc, const node *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const node *nd = &v[i];
		switch (nd->kind) {
		case N_TEXT:
			put(r, nd->text, nd->len);
			break;
		case N_VAR: {
			omni_span val = resolve(r, sc, &nd->p);
			char *s = text_of(val);
			if (s && nd->filter)
				s = apply_filter(r, sc, nd, val, s);
			if (!s)
				return omni_error_oom(r->err), -1;
			if (!*s && r->ctx->empty)
				note_empty(r->ctx->empty, &nd->p);
			emit(r, s);
			free(s);
			break;
		}
		case N_IF:
			if (run_if(r, sc, nd) < 0)
				return -1;
			break;
		case N_EACH:
			if (run_each(r, sc, nd) < 0)
				return -1;
			break;
		case N_PARTIAL: {
			const omni_tmpl *t = r->ctx->partial ? r->ctx->partial(r->ctx->arg, nd->text) : NULL;
			if (!t)
				return omni_error_set(r->err, OMNI_EX_CONFIG, NULL, 0, 0,
				                      "no template for partial '%s'", nd->text), -1;
			if (++r->depth > 8)
				return omni_error_set(r->err, OMNI_EX_CONFIG, NULL, 0, 0,
				                      "partials nested too deep at '%s'", nd->text), -1;
			if (run(r, sc, t->nodes, t->n) < 0)
				return -1;
			r->depth--;
			break;
		}
		}
	}
	return 0;
}

char *
omni_tmpl_render(const omni_tmpl *t, const omni_tmpl_ctx *ctx, omni_error *err)
{
	render r = { ctx, { 0 }, 0, err };
	int rc;

	put(&r, "", 0);           /* an empty text is "", not NULL */
	rc = run(&r, NULL, t->nodes, t->n);
	if (r.out.failed || rc < 0) {
		if (rc == 0)
			omni_error_oom(err);
		free(r.out.p);
		return NULL;
	}
	return r.out.p;
}
