/* error.c - how the library says what went wrong, for cmd/ to print. */
#include <stdarg.h>
#include <string.h>

#include "core/core.h"

int
omni_error_set(omni_error *e, int status, const char *where, long line,
               long column, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return status;
	e->status = status;
	snprintf(e->where, sizeof e->where, "%s", where ? where : "");
	e->line = line;
	e->column = column;
	va_start(ap, fmt);
	vsnprintf(e->text, sizeof e->text, fmt, ap);
	va_end(ap);
	return status;
}

int
omni_error_oom_at(omni_error *e, const char *where, long line)
{
	return omni_error_set(e, OMNI_EX_SOFTWARE, where, line, 0, "out of memory");
}

int
omni_error_oom(omni_error *e)
{
	return omni_error_oom_at(e, NULL, 0);
}

void
omni_error_locate(omni_error *e, const char *where, long line)
{
	if (!e)
		return;
	if (!e->where[0] && where)
		snprintf(e->where, sizeof e->where, "%s", where);
	if (!e->line)
		e->line = line;
}

void
omni_error_format(const omni_error *e, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	if (e->where[0])
		n += snprintf(buf + n, size - n, "%s:", e->where);
	if (n < size && e->line > 0)
		n += snprintf(buf + n, size - n, "%ld:", e->line);
	if (n < size && e->line > 0 && e->column > 0)
		n += snprintf(buf + n, size - n, "%ld:", e->column);
	if (n < size)
		snprintf(buf + n, size - n, "%s%s", n ? " " : "", e->text);
}
