/*
 * desk_run.c - what omni-desk runs: the editor, as git runs it, and the
 * pipeline's own programs (omni-reply, omni-link) on a ticket; the files
 * an answer is written in.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "desk/desk.h"

/* Runs argv with stdin from in_path (NULL: ours) and stdout into *out
 * (NULL: ours).  The child's exit status, or -1 with err. */
int
omni_desk_run(char *const *argv, const char *in_path, char **out, size_t *outlen, omni_error *err)
{
	int fds[2] = { -1, -1 }, st = 0;
	pid_t pid;
	size_t n = 0, cap = 0;
	char *buf = NULL;

	fflush(stdout);
	if (out && pipe(fds) < 0)
		return omni_error_set(err, OMNI_EX_SOFTWARE, NULL, 0, 0, "pipe: %s", strerror(errno));
	if ((pid = fork()) < 0) {
		if (out) {
			close(fds[0]);
			close(fds[1]);
		}
		return omni_error_set(err, OMNI_EX_SOFTWARE, NULL, 0, 0, "fork: %s", strerror(errno));
	}
	if (pid == 0) {
		if (in_path) {
			int fd = open(in_path, O_RDONLY);
			if (fd < 0 || dup2(fd, STDIN_FILENO) < 0)
				_exit(66);
			close(fd);
		}
		if (out) {
			dup2(fds[1], STDOUT_FILENO);
			close(fds[0]);
			close(fds[1]);
		}
		execvp(argv[0], argv);
		_exit(127);           /* as sh says a command not found */
	}
	if (out) {
		close(fds[1]);
		for (;;) {
			if (n + 4096 + 1 > cap) {
				char *b = realloc(buf, cap = cap ? cap * 2 : 65536);
				if (!b)
					break;
				buf = b;
			}
			ssize_t k = read(fds[0], buf + n, cap - n - 1);
			if (k < 0 && errno == EINTR)
				continue;
			if (k <= 0)
				break;
			n += (size_t)k;
		}
		close(fds[0]);
		if (buf)
			buf[n] = '\0';
		*out = buf;
		*outlen = n;
	}
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	return 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
}

int
omni_desk_file_write(const char *path, const char *text, omni_error *err)
{
	int fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
	size_t len = strlen(text);

	if (fd < 0 || write(fd, text, len) != (ssize_t)len || close(fd) < 0) {
		if (fd >= 0)
			close(fd);
		return omni_error_set(err, OMNI_EX_IOERR, path, 0, 0, "cannot write: %s", strerror(errno));
	}
	return 0;
}

char *
omni_desk_file_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	size_t cap = 0;

	*len = 0;
	if (!f)
		return NULL;
	for (;;) {
		if (*len + 4096 + 1 > cap) {
			char *b = realloc(buf, cap = cap ? cap * 2 : 8192);
			if (!b)
				break;
			buf = b;
		}
		size_t k = fread(buf + *len, 1, cap - *len - 1, f);
		*len += k;
		if (!k)
			break;
	}
	fclose(f);
	if (buf)
		buf[*len] = '\0';
	return buf;
}

/* $VISUAL, else $EDITOR, else vi, on path: 0, or -1 with err. */
int
omni_desk_edit(const char *path, omni_error *err)
{
	const char *ed = getenv("VISUAL");
	char *argv[6], *script = NULL;
	int st;

	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed)
		ed = "vi";
	/* as git runs it: the variable may hold arguments */
	if (asprintf(&script, "%s \"$@\"", ed) < 0)
		return omni_error_oom(err);
	argv[0] = "/bin/sh";
	argv[1] = "-c";
	argv[2] = script;
	argv[3] = (char *)ed;
	argv[4] = (char *)path;
	argv[5] = NULL;
	st = omni_desk_run(argv, NULL, NULL, NULL, err);
	free(script);
	if (st < 0)
		return -1;
	if (st != 0)
		return omni_error_set(err, OMNI_EX_UNAVAILABLE, NULL, 0, 0,
		                      "the editor '%s' failed (status %d): nothing sent", ed, st);
	return 0;
}

