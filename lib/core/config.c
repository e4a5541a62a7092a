/* config.c - the plain-text configuration: [type name] sections of
 * key = value lines (man/omni-config.5). */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/core.h"

static char *
trimmed(const char *s, size_t n)
{
	while (n && isspace((unsigned char)*s))
		s++, n--;
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	return strndup(s, n);
}

/* A value: "quoted" (with \" and \\) or bare up to a comment. */
static char *
parse_value(const char *s, long *bad_col, const char *line)
{
	const char *p = s;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p != '"') {
		const char *end = p;
		while (*end && !((*end == '#') && (end == p || isspace((unsigned char)end[-1]))))
			end++;
		return trimmed(p, (size_t)(end - p));
	}
	char *out = malloc(strlen(p) + 1), *o = out;
	if (!out)
		return NULL;
	for (p++; *p && *p != '"'; p++) {
		if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
			p++;
		*o++ = *p;
	}
	*o = '\0';
	if (*p != '"') {
		*bad_col = (long)(p - line) + 1;
		free(out);
		return NULL;
	}
	for (p++; *p == ' ' || *p == '\t'; p++)
		;
	if (*p && *p != '#') {
		*bad_col = (long)(p - line) + 1;
		free(out);
		return NULL;
	}
	return out;
}

static int
add_section(omni_config *c, const char *line, long lineno, omni_error *err)
{
	const char *p = line + 1, *close = strchr(p, ']');
	char *inside = NULL, *sp;
	omni_conf_section *s;

	if (!close)
		return omni_error_set(err, OMNI_EX_CONFIG, c->path, lineno,
		                      (long)strlen(line) + 1, "expected ']'");
	inside = trimmed(p, (size_t)(close - p));
	sp = inside + strcspn(inside, " \t");
	s = realloc(c->sections, (c->nsections + 1) * sizeof *s);
	if (!s) {
		free(inside);
		return omni_error_oom(err);
	}
	c->sections = s;
	s = &c->sections[c->nsections++];
	memset(s, 0, sizeof *s);
	s->line = lineno;
	s->name = *sp ? trimmed(sp, strlen(sp)) : strdup("");
	*sp = '\0';
	s->type = inside;
	if (!*s->type)
		return omni_error_set(err, OMNI_EX_CONFIG, c->path, lineno, 2,
		                      "empty section header");
	return 0;
}

static int
add_entry(omni_config *c, const char *line, long lineno, omni_error *err)
{
	const char *eq = strchr(line, '=');
	const char *p = line;
	long bad = 0;
	omni_conf_section *s;
	omni_conf_entry *e;

	while (isspace((unsigned char)*p))
		p++;
	if (!eq)
		return omni_error_set(err, OMNI_EX_CONFIG, c->path, lineno,
		                      (long)(p - line) + 1, "expected 'key = value'");
	if (!c->nsections) {
		const char *end = eq;
		while (end > p && isspace((unsigned char)end[-1]))
			end--;
		return omni_error_set(err, OMNI_EX_CONFIG, c->path, lineno,
		                      (long)(p - line) + 1, "'%.*s' outside a [section]",
		                      (int)(end - p), p);
	}
	s = &c->sections[c->nsections - 1];
	e = realloc(s->entries, (s->nentries + 1) * sizeof *e);
	if (!e)
		return omni_error_oom(err);
	s->entries = e;
	e = &s->entries[s->nentries];
	e->line = lineno;
	e->key = trimmed(p, (size_t)(eq - p));
	e->value = parse_value(eq + 1, &bad, line);
	if (!e->value) {
		free(e->key);
		return bad ? omni_error_set(err, OMNI_EX_CONFIG, c->path, lineno, bad,
		                            "bad quoted value")
		           : omni_error_oom_at(err, c->path, lineno);
	}
	s->nentries++;
	if (!*e->key)
		return omni_error_set(err, OMNI_EX_CONFIG, c->path, lineno,
		                      (long)(p - line) + 1, "empty key");
	return 0;
}

static int
parse_file(omni_config *c, FILE *f, omni_error *err)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	long lineno = 0;
	int rc = 0;

	while (rc == 0 && (n = getline(&line, &cap, f)) >= 0) {
		lineno++;
		while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		const char *p = line;
		while (isspace((unsigned char)*p))
			p++;
		if (!*p || *p == '#' || *p == ';')
			continue;
		rc = *p == '[' ? add_section(c, p, lineno, err)
		               : add_entry(c, line, lineno, err);
	}
	free(line);
	return rc ? -1 : 0;
}

/* The configuration names mailboxes, servers and where replies go: a
 * file another user can change could redirect them.  Refused when it is
 * writable by group or others, or owned by someone other than the user or
 * root.  0 or -1 with err (77). */
static int
check_mode(const char *path, FILE *f, omni_error *err)
{
	struct stat st;

	if (fstat(fileno(f), &st) < 0 || !S_ISREG(st.st_mode))
		return 0;
	if (st.st_mode & (S_IWGRP | S_IWOTH))
		return omni_error_set(err, OMNI_EX_NOPERM, path, 0, 0,
		                      "configuration is writable by others (mode %04o): "
		                      "chmod go-w it", (unsigned)(st.st_mode & 07777)), -1;
	if (st.st_uid != geteuid() && st.st_uid != 0)
		return omni_error_set(err, OMNI_EX_NOPERM, path, 0, 0,
		                      "configuration is owned by another user (uid %u)",
		                      (unsigned)st.st_uid), -1;
	return 0;
}

int
omni_config_load(const char *path, omni_config **out, omni_error *err)
{
	omni_config *c = calloc(1, sizeof *c);
	const char *env = getenv("OMNI_CONFIG");
	int must_exist = path || (env && *env);
	FILE *f = NULL;
	int rc = -1;

	if (!c)
		return omni_error_oom(err), -1;
	if (path)
		c->path = strdup(path);
	else if (env && *env)
		c->path = strdup(env);
	else
		c->path = omni_xdg_path(OMNI_XDG_CONFIG, "omni.conf");
	if (!(f = fopen(c->path, "r"))) {
		if (!must_exist && errno == ENOENT) {
			free(c->path);
			c->path = NULL;
			rc = 0;
		} else {
			omni_error_set(err, errno == ENOENT ? OMNI_EX_NOINPUT : OMNI_EX_CONFIG,
			               c->path, 0, 0, "cannot read configuration: %s",
			               strerror(errno));
		}
		goto out;
	}
	if ((rc = check_mode(c->path, f, err)) == 0)
		rc = parse_file(c, f, err);
out:
	if (f)
		fclose(f);
	if (rc < 0) {
		omni_config_free(c);
		c = NULL;
	}
	*out = c;
	return rc;
}

void
omni_config_free(omni_config *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nsections; i++) {
		omni_conf_section *s = &c->sections[i];
		for (size_t j = 0; j < s->nentries; j++) {
			free(s->entries[j].key);
			free(s->entries[j].value);
		}
		free(s->entries);
		free(s->type);
		free(s->name);
	}
	free(c->sections);
	free(c->path);
	free(c);
}

const omni_conf_section *
omni_config_find(const omni_config *c, const char *type, const char *name)
{
	for (size_t i = 0; c && i < c->nsections; i++)
		if (strcmp(c->sections[i].type, type) == 0 &&
		    strcmp(c->sections[i].name, name) == 0)
			return &c->sections[i];
	return NULL;
}

const char *
omni_conf_get(const omni_conf_section *s, const char *key)
{
	const char *v = NULL;

	for (size_t i = 0; s && i < s->nentries; i++)
		if (strcmp(s->entries[i].key, key) == 0)
			v = s->entries[i].value;   /* the last one wins */
	return v;
}

const char *const omni_config_store_keys[] = {
	"timezone", "region", "brand", "instagram", "facebook", "retention",
	"register", NULL,
};

/* A listed key "map.*" admits every "map.NAME": a family of keys whose
 * names the reader checks itself. */
static int
listed(const char *const *keys, const char *key)
{
	for (; keys && *keys; keys++) {
		size_t n = strlen(*keys);
		if (strcmp(*keys, key) == 0 ||
		    (n > 1 && (*keys)[n - 1] == '*' && strncmp(*keys, key, n - 1) == 0 &&
		     key[n - 1]))
			return 1;
	}
	return 0;
}

int
omni_config_check(const omni_config *c, const char *type,
                  const char *const *keys, const char *const *required,
                  omni_error *err)
{
	for (size_t i = 0; c && i < c->nsections; i++) {
		const omni_conf_section *s = &c->sections[i];

		if (strcmp(s->type, type) != 0)
			continue;
		for (size_t j = 0; j < s->nentries; j++)
			if (!listed(keys, s->entries[j].key) && !listed(required, s->entries[j].key))
				return omni_error_set(err, OMNI_EX_CONFIG, c->path, s->entries[j].line,
				                      1, "unknown key '%s' in [%s %s]",
				                      s->entries[j].key, s->type, s->name), -1;
		for (size_t j = 0; j < s->nentries; j++)
			if (strcmp(s->entries[j].key, "timezone") == 0 &&
			    !omni_time_zone_known(s->entries[j].value))
				return omni_error_set(err, OMNI_EX_CONFIG, c->path, s->entries[j].line,
				                      1, "unknown time zone '%s' (a name such as "
				                      "Europe/Rome, see /usr/share/zoneinfo)",
				                      s->entries[j].value), -1;
		for (const char *const *k = required; k && *k; k++)
			if (!omni_conf_get(s, *k))
				return omni_error_set(err, OMNI_EX_CONFIG, c->path, s->line, 1,
				                      "[%s %s] has no %s", s->type, s->name, *k), -1;
	}
	return 0;
}
