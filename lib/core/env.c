/* env.c - where files live (XDG) and where secrets come from. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "core/core.h"

#ifndef OMNI_DATADIR
#define OMNI_DATADIR "/usr/local/share/omni"
#endif

double
omni_env_number(const char *name, double def)
{
	const char *s = getenv(name);
	char *end;
	double v;

	if (!s || !*s)
		return def;
	v = strtod(s, &end);
	return *end || !(v >= 0) ? def : v;
}

char *
omni_share_path(const char *name)
{
	char exe[4096], *s, *out = NULL;
	ssize_t n;

	if ((s = getenv("OMNI_SHARE_DIR")) && *s)
		return asprintf(&out, "%s%s%s", s, *name ? "/" : "", name) < 0 ? NULL : out;
	/* bin/omni-x beside share/omni: the build tree, or an installed prefix */
	if ((n = readlink("/proc/self/exe", exe, sizeof exe - 1)) > 0) {
		exe[n] = 0;
		if ((s = strrchr(exe, '/')))
			*s = 0;
		if ((s = strrchr(exe, '/')))
			*s = 0;
		if (asprintf(&out, "%s/share/omni%s%s", exe, *name ? "/" : "", name) < 0)
			return NULL;
		if (access(out, F_OK) == 0)
			return out;
		free(out);
	}
	return asprintf(&out, "%s%s%s", OMNI_DATADIR, *name ? "/" : "", name) < 0 ? NULL : out;
}

char *
omni_expand_home(const char *path)
{
	const char *home = getenv("HOME");
	char *out = NULL;

	if (path[0] == '~' && (path[1] == '/' || path[1] == '\0') && home && *home) {
		if (asprintf(&out, "%s%s", home, path + 1) < 0)
			return NULL;
		return out;
	}
	return strdup(path);
}

char *
omni_xdg_path(omni_xdg kind, const char *name)
{
	static const struct { const char *var, *fallback; } dirs[] = {
		[OMNI_XDG_CONFIG] = { "XDG_CONFIG_HOME", ".config" },
		[OMNI_XDG_DATA] = { "XDG_DATA_HOME", ".local/share" },
		[OMNI_XDG_STATE] = { "XDG_STATE_HOME", ".local/state" },
		[OMNI_XDG_CACHE] = { "XDG_CACHE_HOME", ".cache" },
	};
	const char *base = getenv(dirs[kind].var), *home = getenv("HOME");
	char *out = NULL;
	int n;

	/* The XDG spec: a relative value is invalid and is ignored. */
	if (base && base[0] == '/')
		n = asprintf(&out, "%s/omni/%s", base, name);
	else
		n = asprintf(&out, "%s/%s/omni/%s", home && *home ? home : ".",
		             dirs[kind].fallback, name);
	return n < 0 ? NULL : out;
}

int
omni_mkdirs(const char *dir, mode_t mode)
{
	char *p = strdup(dir);
	int rc = -1;

	if (!p)
		return -1;
	for (char *s = p + 1; ; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, mode) < 0 && errno != EEXIST)
			goto out;
		*s = c;
		if (!c)
			break;
	}
	rc = 0;
out:
	free(p);
	return rc;
}

static char *
read_secret_file(const char *var, const char *path, omni_error *err)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	size_t cap = 0;
	ssize_t n;

	if (!f) {
		omni_error_set(err, OMNI_EX_CONFIG, var, 0, 0, "cannot read %s: %s",
		               path, strerror(errno));
		return NULL;
	}
	n = getdelim(&buf, &cap, '\0', f);
	fclose(f);
	if (n < 0) {
		free(buf);
		omni_error_set(err, OMNI_EX_CONFIG, var, 0, 0, "%s is empty", path);
		return NULL;
	}
	if (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	if (n > 0 && buf[n - 1] == '\r')
		buf[--n] = '\0';
	return buf;
}

/* A process that holds a secret writes no core file (it would hold the
 * secret) and, on Linux, cannot be read by another process of the user. */
static void
no_core(void)
{
	struct rlimit rl = { 0, 0 };

	setrlimit(RLIMIT_CORE, &rl);
#ifdef __linux__
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
}

char *
omni_secret(const char *name, omni_error *err)
{
	char var[256];
	const char *v;

	snprintf(var, sizeof var, "OMNI_%s_FILE", name);
	if ((v = getenv(var)) && *v) {
		no_core();
		return read_secret_file(var, v, err);
	}
	snprintf(var, sizeof var, "OMNI_%s", name);
	if ((v = getenv(var)) && *v) {
		no_core();
		return strdup(v);
	}
	omni_error_set(err, OMNI_EX_CONFIG, NULL, 0, 0,
	               "missing secret: set OMNI_%s_FILE or OMNI_%s", name, name);
	return NULL;
}
