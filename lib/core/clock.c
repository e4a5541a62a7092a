/* clock.c - the calendar, parsing and writing times, local time in a
 * zone; the --now clock. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "core/core.h"

static omni_time fixed_now;
static int have_fixed_now;

/* Howard Hinnant's civil calendar algorithms (proleptic Gregorian, in eras
 * of 400 years that start on March 1st), in 64 bits: no date an omni_time
 * reaches overflows. */
int64_t
omni_date_to_days(int y, int m, int d)
{
	int64_t yy = (int64_t)y - (m <= 2);
	int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
	int64_t yoe = yy - era * 400;
	int64_t doy = (153 * (int64_t)(m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
omni_date_from_days(int64_t days, int *y, int *m, int *d)
{
	int64_t z = days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int
days_in_month(int64_t y, unsigned m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : dm[m - 1];
}

/* n digits at s into *v; returns the number of bytes used or 0. */
static int
digits(const char *s, int n, int *v)
{
	int x = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return 0;
		x = x * 10 + (s[i] - '0');
	}
	*v = x;
	return n;
}

static int
make_time(int64_t y, int mo, int d, int h, int mi, int se, int ms,
          int offset_min, omni_time *out)
{
	/* Four-digit years only: a hostile Date of many digits would overflow
	 * the day count. */
	if (y < 0 || y > 9999 || mo < 1 || mo > 12 || d < 1 ||
	    d > days_in_month(y, (unsigned)mo) || h > 23 || mi > 59 || se > 60)
		return -1;
	if (se == 60)   /* a leap second reads as the next second */
		se = 59, ms = 999;
	int64_t days = omni_date_to_days((int)y, mo, d);
	int64_t secs = days * 86400 + h * 3600 + mi * 60 + se - offset_min * 60;
	*out = secs * 1000 + ms;
	return 0;
}

int
omni_time_parse_rfc3339(const char *s, omni_time *out)
{
	int y, mo, d, h = 0, mi = 0, se = 0, ms = 0, off = 0;
	const char *p = s;

	if (!digits(p, 4, &y) || p[4] != '-' || !digits(p + 5, 2, &mo) ||
	    p[7] != '-' || !digits(p + 8, 2, &d))
		return -1;
	p += 10;
	if (*p == 'T' || *p == 't' || *p == ' ') {
		p++;
		if (!digits(p, 2, &h) || p[2] != ':' || !digits(p + 3, 2, &mi))
			return -1;
		p += 5;
		if (*p == ':') {
			if (!digits(p + 1, 2, &se))
				return -1;
			p += 3;
			if (*p == '.' || *p == ',') {
				int scale = 100;
				p++;
				if (!isdigit((unsigned char)*p))
					return -1;
				for (; isdigit((unsigned char)*p); p++, scale /= 10)
					ms += (*p - '0') * scale;
			}
		}
		if (*p == 'Z' || *p == 'z') {
			p++;
		} else if (*p == '+' || *p == '-') {
			int oh, om = 0, sign = *p == '-' ? -1 : 1;
			if (!digits(p + 1, 2, &oh))
				return -1;
			p += 3;
			if (*p == ':')
				p++;
			if (digits(p, 2, &om))
				p += 2;
			if (oh > 23 || om > 59)
				return -1;
			off = sign * (oh * 60 + om);
		}
	} else if (*p) {
		return -1;
	}
	if (*p)
		return -1;
	return make_time(y, mo, d, h, mi, se, ms, off, out);
}

#define D(c) ((unsigned)((c) - '0') < 10)
#define N2(p) (((p)[0] - '0') * 10 + ((p)[1] - '0'))

int
omni_time_valid_rfc3339(const char *s, size_t n)
{
	char buf[64];
	omni_time t;
	int y, mo, d;

	/* What the programs write, checked without the arithmetic: the
	 * seconds' form and the milliseconds' form, in UTC. */
	if (((n == 20 && s[19] == 'Z') ||
	     (n == 24 && s[19] == '.' && D(s[20]) && D(s[21]) && D(s[22]) && s[23] == 'Z')) &&
	    D(s[0]) && D(s[1]) && D(s[2]) && D(s[3]) && s[4] == '-' && D(s[5]) && D(s[6]) &&
	    s[7] == '-' && D(s[8]) && D(s[9]) && s[10] == 'T' && D(s[11]) && D(s[12]) &&
	    s[13] == ':' && D(s[14]) && D(s[15]) && s[16] == ':' && D(s[17]) && D(s[18])) {
		y = N2(s) * 100 + N2(s + 2), mo = N2(s + 5), d = N2(s + 8);
		return mo >= 1 && mo <= 12 && d >= 1 && d <= days_in_month(y, (unsigned)mo) &&
		       N2(s + 11) <= 23 && N2(s + 14) <= 59 && N2(s + 17) <= 60;
	}
	if (n >= sizeof buf || memchr(s, '\0', n))
		return 0;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return omni_time_parse_rfc3339(buf, &t) == 0;
}

#undef D
#undef N2

/* RFC 2822's names, whatever the locale. */
static const char month_names[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
static const char day_names[7][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };

static int
month_number(const char *s)
{
	for (int i = 0; i < 12; i++)
		if (strncasecmp(s, month_names[i], 3) == 0)
			return i + 1;
	return 0;
}

/* RFC 2822 zones: numeric, or the obsolete names (military zones count as
 * unknown, i.e. +0000, as RFC 2822 says). */
static int
zone_offset(const char *p, int *off)
{
	static const struct { const char *name; int min; } zones[] = {
		{ "UT", 0 }, { "UTC", 0 }, { "GMT", 0 }, { "Z", 0 },
		{ "EST", -300 }, { "EDT", -240 }, { "CST", -360 }, { "CDT", -300 },
		{ "MST", -420 }, { "MDT", -360 }, { "PST", -480 }, { "PDT", -420 },
	};
	int hh, mm;

	if ((*p == '+' || *p == '-') && digits(p + 1, 2, &hh) && digits(p + 3, 2, &mm)) {
		*off = (*p == '-' ? -1 : 1) * (hh * 60 + mm);
		return 0;
	}
	for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++) {
		size_t n = strlen(zones[i].name);
		if (strncasecmp(p, zones[i].name, n) == 0 && !isalpha((unsigned char)p[n])) {
			*off = zones[i].min;
			return 0;
		}
	}
	if (isalpha((unsigned char)*p)) {
		*off = 0;
		return 0;
	}
	return -1;
}

int
omni_time_parse_rfc2822(const char *s, omni_time *out)
{
	const char *p = s;
	char *end;
	long d, y;
	int mo, h, mi, se = 0, off = 0;

	while (isspace((unsigned char)*p))
		p++;
	if (isalpha((unsigned char)*p)) {          /* optional day of week */
		while (isalpha((unsigned char)*p))
			p++;
		if (*p == ',')
			p++;
	}
	d = strtol(p, &end, 10);
	if (end == p || d < 1 || d > 31)
		return -1;
	p = end;
	while (isspace((unsigned char)*p) || *p == '-')
		p++;
	if (!(mo = month_number(p)))
		return -1;
	while (isalpha((unsigned char)*p))
		p++;
	while (isspace((unsigned char)*p) || *p == '-')
		p++;
	y = strtol(p, &end, 10);
	if (end == p)
		return -1;
	if (end - p <= 2)                          /* obsolete two-digit years */
		y += y < 50 ? 2000 : 1900;
	else if (end - p == 3)
		y += 1900;
	p = end;
	while (isspace((unsigned char)*p))
		p++;
	int hlen = *p && isdigit((unsigned char)p[1]) ? 2 : 1;   /* "9:05" happens */
	if (!digits(p, hlen, &h))
		return -1;
	p += hlen;
	if (*p != ':' || !digits(p + 1, 2, &mi))
		return -1;
	p += 3;
	if (*p == ':') {
		if (!digits(p + 1, 2, &se))
			return -1;
		p += 3;
	}
	while (isspace((unsigned char)*p))
		p++;
	if (*p && zone_offset(p, &off) < 0)
		return -1;
	return make_time(y, mo, (int)d, h, mi, se, 0, off, out);
}

char *
omni_time_format_rfc2822(omni_time t, char *buf, size_t size)
{
	time_t secs = (time_t)(t / 1000);
	struct tm tm;

	gmtime_r(&secs, &tm);
	snprintf(buf, size, "%s, %02d %s %04d %02d:%02d:%02d +0000", day_names[tm.tm_wday],
	         tm.tm_mday, month_names[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
	         tm.tm_sec);
	return buf;
}

int
omni_time_parse(const char *s, omni_time *out)
{
	if (!s)
		return -1;
	while (isspace((unsigned char)*s))
		s++;
	if (isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
	    isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]) && s[4] == '-')
		return omni_time_parse_rfc3339(s, out);
	return omni_time_parse_rfc2822(s, out);
}

omni_time
omni_time_from_unix(double v)
{
	/* Beyond year 9999 either way (and NaN) the conversion to an integer
	 * would be undefined: clamp. */
	if (v != v)
		return 0;
	if (v > 253402300799999.0)
		return 253402300799999;
	if (v < -253402300799999.0)
		return -253402300799999;
	if (v > 1e11 || v < -1e11)
		return (omni_time)v;
	return (omni_time)(v * 1000.0 + (v >= 0 ? 0.5 : -0.5));
}

int
omni_time_unix_checked(double v, omni_time *t)
{
	if (!(v > 0 && v <= 253402300799999.0))   /* NaN fails too */
		return -1;
	*t = omni_time_from_unix(v);
	return 0;
}

char *
omni_time_format(omni_time t, char *buf)
{
	int64_t secs = t >= 0 ? t / 1000 : -((-t + 999) / 1000);
	int ms = (int)(t - secs * 1000);
	int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
	int64_t rem = secs - days * 86400;
	int y, m, d;

	omni_date_from_days(days, &y, &m, &d);
	if (y < 0 || y > 9999) {     /* rare: snprintf says it as it is */
		int n = snprintf(buf, 32, "%04d-%02d-%02dT%02d:%02d:%02d", y, m, d,
		                 (int)(rem / 3600), (int)(rem / 60 % 60), (int)(rem % 60));
		snprintf(buf + n, 32 - n, ms ? ".%03dZ" : "Z", ms);
		return buf;
	}
	/* Digits by hand: the linker and the reports format a time or more
	 * per record, and snprintf was a twentieth of the linker's
	 * instructions. */
	unsigned v[6] = { (unsigned)y, (unsigned)m, (unsigned)d, (unsigned)(rem / 3600),
	                  (unsigned)(rem / 60 % 60), (unsigned)(rem % 60) };
	char *p = buf;
	*p++ = (char)('0' + v[0] / 1000);
	*p++ = (char)('0' + v[0] / 100 % 10);
	for (int i = 0; i < 6; i++) {
		if (i)
			*p++ = "--T::"[i - 1];
		*p++ = (char)('0' + v[i] / 10 % 10);
		*p++ = (char)('0' + v[i] % 10);
	}
	if (ms) {
		*p++ = '.';
		*p++ = (char)('0' + ms / 100);
		*p++ = (char)('0' + ms / 10 % 10);
		*p++ = (char)('0' + ms % 10);
	}
	*p++ = 'Z';
	*p = '\0';
	return buf;
}

/* The C library reads a zone through TZ, and tzset reads the zone's file:
 * TZ is switched only when the zone changes, and left so (nothing in omni
 * reads the local time of the user's own TZ).  0 for UTC: NULL, "", "UTC",
 * or a name longer than any in the tz database. */
static int
use_zone(const char *zone)
{
	static char current[128];

	if (!zone || !*zone || strcmp(zone, "UTC") == 0 || strlen(zone) >= sizeof current)
		return 0;
	if (strcmp(current, zone) != 0) {
		snprintf(current, sizeof current, "%s", zone);
		setenv("TZ", zone, 1);
		tzset();
	}
	return 1;
}

void
omni_time_local(omni_time t, const char *zone, struct tm *tm)
{
	time_t secs = (time_t)(t >= 0 ? t / 1000 : (t - 999) / 1000);

	if (use_zone(zone))
		localtime_r(&secs, tm);
	else
		gmtime_r(&secs, tm);
}

omni_time
omni_time_from_local(struct tm *tm, const char *zone)
{
	return (omni_time)(use_zone(zone) ? mktime(tm) : timegm(tm)) * 1000;
}

int
omni_time_zone_known(const char *zone)
{
	char path[512];

	if (!zone || strcmp(zone, "UTC") == 0 || !strchr(zone, '/') || strstr(zone, ".."))
		return 1;
	snprintf(path, sizeof path, "/usr/share/zoneinfo/%s", zone);
	return access(path, R_OK) == 0;
}

int
omni_clock_set(const char *arg, omni_error *err)
{
	char *end;
	double v = strtod(arg, &end);

	if (end != arg && *end == '\0') {
		fixed_now = omni_time_from_unix(v);
	} else if (omni_time_parse(arg, &fixed_now) < 0) {
		omni_error_set(err, OMNI_EX_USAGE, NULL, 0, 0,
		               "--now: not a time: '%s'", arg);
		return -1;
	}
	have_fixed_now = 1;
	return 0;
}

omni_time
omni_clock_real(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (omni_time)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

omni_time
omni_clock_now(void)
{
	return have_fixed_now ? fixed_now : omni_clock_real();
}

double
omni_clock_monotonic(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

omni_time
omni_duration_parse(const char *s)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || v < 0 || isspace((unsigned char)*s))
		return -1;
	switch (*end ? *end++ : 's') {
	case 's': break;
	case 'm': v *= 60; break;
	case 'h': v *= 3600; break;
	case 'd': v *= 86400; break;
	case 'w': v *= 7 * 86400; break;
	default: return -1;
	}
	return *end ? -1 : (omni_time)(v * 1000);
}
