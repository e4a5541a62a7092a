/* core.h - the base every area stands on: exit statuses, errors, times and the
 * --now clock, XDG paths and secrets, the configuration file, SHA-256. */
#ifndef OMNI_CORE_CORE_H
#define OMNI_CORE_CORE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

#define OMNI_VERSION "0.1.0"
#define OMNI_FORMAT_VERSION 1

/* Exit statuses (sysexits), shared by every program. */
enum {
	OMNI_EX_OK = 0,
	OMNI_EX_PARTIAL = 1,      /* ran; some records failed (--keep-going) */
	OMNI_EX_USAGE = 64,
	OMNI_EX_DATAERR = 65,
	OMNI_EX_NOINPUT = 66,
	OMNI_EX_UNAVAILABLE = 69,
	OMNI_EX_SOFTWARE = 70,
	OMNI_EX_CANTCREAT = 73,
	OMNI_EX_IOERR = 74,
	OMNI_EX_TEMPFAIL = 75,
	OMNI_EX_PROTOCOL = 76,
	OMNI_EX_NOPERM = 77,
	OMNI_EX_CONFIG = 78,
};

/* ------------------------------------------------------------------ */
// error.c

/* A failure as the library reports it: where (a file or source name),
 * line and column (1-based; 0 when unknown), a lowercase message, and the
 * exit status it maps to. */
typedef struct omni_error {
	int status;
	char where[512];
	long line;
	long column;
	char text[512];
} omni_error;

/* Credentials in the URLs of a message, in place (s holds size bytes):
 * the password of scheme://user:password@ (a user alone, which may be a
 * token, all of it) and the value of a query parameter such as
 * access_token=, token=, password=, client_secret=, key=, sig=, become
 * "[redacted]".  Every omni_error passes through it. */
void omni_redact(char *s, size_t size);
/* Fills e (if not NULL) and returns status.  where may be NULL; where
 * and the text are redacted (omni_redact). */
int omni_error_set(omni_error *e, int status, const char *where, long line,
                   long column, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Out of memory (70), the one way the library says it: returns the status. */
int omni_error_oom(omni_error *e);
int omni_error_oom_at(omni_error *e, const char *where, long line);
/* Sets e->where/line when they are still empty (adds context on the way up). */
void omni_error_locate(omni_error *e, const char *where, long line);
/* "where:line:column: text", the parts that are known. */
void omni_error_format(const omni_error *e, char *buf, size_t size);

/* ------------------------------------------------------------------ */
// clock.c - times

/* Milliseconds since the epoch, UTC. */
typedef int64_t omni_time;
/* No time at all (an unset bound, a cursor not yet read). */
#define OMNI_TIME_NONE INT64_MIN

/* RFC 3339 (offsets, fractions, 'T' or ' ', 'Z' or +hh:mm or +hhmm) or
 * RFC 2822 ("Fri, 01 Mar 2024 22:22:10 +0000", obsolete zone names).
 * 0 ok, -1 not a time. */
int omni_time_parse(const char *s, omni_time *out);
int omni_time_parse_rfc3339(const char *s, omni_time *out);
/* Would omni_time_parse_rfc3339 take the n bytes at s?  1 or 0; quick for
 * the forms the programs write. */
int omni_time_valid_rfc3339(const char *s, size_t n);
int omni_time_parse_rfc2822(const char *s, omni_time *out);
/* Unix seconds or milliseconds (values above 1e11 are milliseconds). */
omni_time omni_time_from_unix(double v);
/* A platform's Unix time (seconds, or milliseconds past 1e11) that is a
 * time: finite, after 1970 and before the year 10000.  0 and *t; -1 for
 * the rest (-1e999, NaN, 0, negative), which no message was written at. */
int omni_time_unix_checked(double v, omni_time *t);
/* A length of time: "90m", "24h", "7d", "1w" or seconds ("300", "300s"),
 * in milliseconds; -1 for anything else. */
omni_time omni_duration_parse(const char *s);
/* "2024-03-06T15:12:44Z", with ".123" when there are milliseconds.
 * Writes into buf (at least 32 bytes) and returns it. */
char *omni_time_format(omni_time t, char *buf);
/* "Sun, 03 Mar 2024 13:02:10 +0000" (UTC, English names whatever the
 * locale) into buf (size bytes; 32 is enough to year 9999); returns buf. */
char *omni_time_format_rfc2822(omni_time t, char *buf, size_t size);

/* Days since 1970-01-01 of a proleptic Gregorian date, and back. */
int64_t omni_date_to_days(int y, int m, int d);
void omni_date_from_days(int64_t days, int *y, int *m, int *d);

/* Local time in an IANA zone ("Europe/Rome", or a POSIX TZ rule; NULL,
 * "" and "UTC" are UTC), through the system's tz database, so daylight
 * saving is the system's.  Sets TZ to the zone and leaves it so. */
void omni_time_local(omni_time t, const char *zone, struct tm *tm);
/* The instant of a local time in zone (tm_isdst -1: the zone decides);
 * tm is normalised, as mktime does. */
omni_time omni_time_from_local(struct tm *tm, const char *zone);
/* 1 when zone is UTC, not a file name ("EST5EDT") or in the system's tz
 * database; 0 for an unknown "Area/City". */
int omni_time_zone_known(const char *zone);

/* --now: an RFC 3339 time or Unix seconds.  0 ok, -1 with err (64). */
int omni_clock_set(const char *arg, omni_error *err);
/* The clock: --now when it was given, else the system's. */
omni_time omni_clock_now(void);
/* The system's clock, which --now does not set: for instants a server
 * names by its own clock, such as when its rate limit refills. */
omni_time omni_clock_real(void);
/* Seconds on the monotonic clock (for waits, time limits and token
 * lifetimes); --now does not move it. */
double omni_clock_monotonic(void);

/* ------------------------------------------------------------------ */
// proc.c - who holds a claim: a process, or the run (process group) it is in

/* This process: "HOST:PID:START". */
const char *omni_proc_self(void);
/* This process's run, its process group (a pipeline that cron or a
 * service manager started in a group of its own): "HOST:-PGID:START". */
const char *omni_proc_run(void);
/* Is the holder a claim names still there?  1 for a process, or a group
 * with a process left, on this host; 0 for one gone, for this very
 * process (a claim it no longer holds), and for another host's or a
 * malformed name (which cannot be asked). */
int omni_proc_alive(const char *holder);

/* ------------------------------------------------------------------ */
// env.c - XDG paths and secrets

typedef enum omni_xdg {
	OMNI_XDG_CONFIG,
	OMNI_XDG_DATA,
	OMNI_XDG_STATE,
	OMNI_XDG_CACHE,
} omni_xdg;

/* "$XDG_<KIND>_HOME/omni/name" (or the ~/.config, ~/.local/share,
 * ~/.local/state, ~/.cache defaults): new. */
char *omni_xdg_path(omni_xdg kind, const char *name);
/* mkdir -p with mode for every created directory.  0 or -1 (errno). */
int omni_mkdirs(const char *dir, mode_t mode);
/* A secret by name ("SHOPIFY_TOKEN"): the contents of the file named by
 * OMNI_<NAME>_FILE, else OMNI_<NAME>; one trailing newline removed.
 * New; NULL with err (78) when neither is set or the file cannot be read. */
char *omni_secret(const char *name, omni_error *err);
/* "~/x" expanded against $HOME: new. */
char *omni_expand_home(const char *path);
/* share/omni/name: under $OMNI_SHARE_DIR, else beside the program
 * (../share/omni, the build tree or an installed prefix), else under the
 * configured data directory; name "" gives the directory.  New, or NULL
 * out of memory. */
char *omni_share_path(const char *name);
/* A number >= 0 from the environment (seconds, a count); def when unset,
 * empty or not such a number. */
double omni_env_number(const char *name, double def);

/* ------------------------------------------------------------------ */
// nearest.c - "did you mean"
/* The name of names (NULL-terminated) nearest to word when it is near
 * enough to be a misspelling of it (a few edits, case aside), else NULL.
 * Borrowed from names. */
const char *omni_nearest(const char *word, const char *const *names);

/* ------------------------------------------------------------------ */
// config.c - the plain-text configuration (man/omni-config.5)

typedef struct omni_conf_entry {
	char *key, *value;
	long line;
} omni_conf_entry;

typedef struct omni_conf_section {
	char *type, *name;        /* [source amazon-mail] -> "source", "amazon-mail" */
	long line;
	omni_conf_entry *entries;
	size_t nentries;
} omni_conf_section;

typedef struct omni_config {
	char *path;               /* NULL when no file was read */
	omni_conf_section *sections;
	size_t nsections;
} omni_config;

/* path NULL: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/omni.conf, where a
 * missing file is an empty configuration.  A named file must exist.
 * 0 and *out (new); -1 with err (78, 66) naming file, line and column. */
int omni_config_load(const char *path, omni_config **out, omni_error *err);
void omni_config_free(omni_config *c);
/* borrowed, or NULL */
const omni_conf_section *omni_config_find(const omni_config *c,
                                          const char *type, const char *name);
const char *omni_conf_get(const omni_conf_section *s, const char *key);
/* Every section of type has only the keys listed (NULL-terminated) and
 * those in required (a listed "map.*" admits every "map.NAME"), and a
 * timezone key names a known zone.  0, or -1 with err (78) naming file,
 * line, column. */
int omni_config_check(const omni_config *c, const char *type,
                      const char *const *keys, const char *const *required,
                      omni_error *err);
/* The keys of [store NAME] sections; NULL-terminated. */
extern const char *const omni_config_store_keys[];

// sha256.c
void omni_sha256(const void *data, size_t len, unsigned char out[32]);
void omni_hmac_sha256(const void *key, size_t klen, const void *data,
                      size_t len, unsigned char out[32]);
/* Constant-time comparison: 1 equal. */
int omni_mem_equal(const void *a, const void *b, size_t n);
/* SHA-256 as 64 lowercase hex digits and a NUL. */
void omni_sha256_hex(const void *data, size_t len, char hex[65]);

#endif
