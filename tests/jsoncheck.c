/* jsoncheck - checks the lazy record reader against jansson.
 *
 * jsoncheck FILE...
 *   Parses every line with omni_record_parse and with jansson and checks
 *   that both accept or both reject, that accepted lines decode to the same
 *   values (types, strings, integers, reals, object keys in order), that
 *   omni_record_write with no edit writes the members compact and in order,
 *   that a remove, a set in place and a new key come out as jansson would
 *   have them, and that omni_out_json writes what json_dumps does.  Lookups
 *   (omni_record_get, omni_json_get, omni_json_at) and the string decoders
 *   are checked on the way, and where a U+0000 is (omni_json_nul, the
 *   record's nul flag).  jansson is asked with JSON_ALLOW_NUL (\u0000 is valid
 *   JSON) and without JSON_REJECT_DUPLICATES (the format accepts repeated
 *   keys; the last one counts).  Where jansson rejects valid JSON for a
 *   limit of its own (an integer beyond 64 bits, a real beyond double, a
 *   NUL in a key), or the reader refuses what jansson takes (nesting deeper
 *   than OMNI_JSON_MAX_DEPTH; a raw NUL byte just after a number or a
 *   literal, which jansson's lexer drops), the line is a known difference.
 *   Exit 1 on any disagreement.
 *
 * jsoncheck --fuzz ROUNDS FILE...
 *   The same for ROUNDS mutations of every line (bytes changed, deleted,
 *   inserted, the line cut short), from a fixed seed.
 *
 * jsoncheck --cat [--keep-going] [--reject FILE] [--set KEY=JSON]
 *                 [--remove KEY] [FILE...]
 *   Reads records as a program does and writes each one, edited, to stdout;
 *   errors as "jsoncheck: FILE:LINE:COL: message"; exits 65/66/74, or 1
 *   when lines were rejected under --keep-going.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/core.h"
#include "record/record.h"
#include "record/bridge.h"

static FILE *tmp;            /* the writer's output, read back */
static char *outbuf;
static size_t outcap;

static int same_value(omni_span v, json_t *j);

static void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n);

	if (!q) {
		fprintf(stderr, "jsoncheck: out of memory\n");
		exit(70);
	}
	return q;
}

static int
same_string(omni_span v, const char *s, size_t n)
{
	size_t len;
	char *d = omni_json_string(v, &len);
	int eq = d && len == n && memcmp(d, s, n) == 0 &&
	         !omni_json_nul(v) == !memchr(s, '\0', n);

	free(d);
	return eq;
}

static omni_span
quoted(omni_span rawkey)
{
	return (omni_span){ rawkey.p - 1, rawkey.n + 2 };
}

/* omni_json_string_buf fits exactly, refuses one byte less; and
 * omni_json_string_eq agrees where the text has no NUL. */
static int
same_string_buf(omni_span v, const char *s, size_t n)
{
	char *buf = xrealloc(NULL, n + 1);
	int eq = omni_json_string_buf(v, buf, n + 1) == (long)n &&
	         memcmp(buf, s, n) == 0 && buf[n] == '\0' &&
	         (n == 0 || omni_json_string_buf(v, buf, n) == -1);

	if (eq && strlen(s) == n)
		eq = omni_json_string_eq(v, s) &&
		     (n == 0 || !omni_json_string_eq(v, s + 1));
	free(buf);
	return eq;
}

static int
same_key(omni_span rawkey, const char *s, size_t n)
{
	return same_string(quoted(rawkey), s, n);
}

/* Each key's last occurrence holds jansson's value; without repeated keys
 * the keys also come in jansson's order. */
static int
same_object(omni_span v, json_t *j)
{
	omni_member *m = NULL;
	size_t n = 0, cap = 0, distinct = 0, i;
	omni_jiter it;
	omni_span k, x;
	int eq = 0;

	omni_json_iter(&it, v);
	while (omni_json_next(&it, &k, &x)) {
		if (n == cap)
			m = xrealloc(m, (cap = cap ? cap * 2 : 16) * sizeof *m);
		m[n++] = (omni_member){ k, x };
	}
	eq = 1;
	for (i = 0; i < n && eq; i++) {
		size_t kl;
		char *key = omni_json_string(quoted(m[i].key), &kl);
		int last = 1;
		for (size_t later = i + 1; later < n && last; later++)
			last = !same_key(m[later].key, key, kl);
		if (last) {
			json_t *jv = json_object_getn(j, key, kl);
			distinct++;
			eq = jv && same_value(m[i].value, jv);
			/* Lookup by key finds this, the last occurrence. */
			if (eq && strlen(key) == kl)
				eq = omni_json_get(v, key).p == m[i].value.p;
		}
		free(key);
	}
	if (eq && distinct != json_object_size(j))
		eq = 0;
	if (eq && distinct == n) {
		i = 0;
		for (void *ji = json_object_iter(j); ji && eq;
		     ji = json_object_iter_next(j, ji), i++)
			eq = same_key(m[i].key, json_object_iter_key(ji),
			              json_object_iter_key_len(ji));
	}
	free(m);
	return eq;
}

static int
same_value(omni_span v, json_t *j)
{
	int64_t i;
	double d;
	size_t n = 0;
	omni_span x;
	omni_jiter it;

	switch (omni_json_type(v)) {
	case OMNI_J_NULL: return json_is_null(j);
	case OMNI_J_TRUE: return json_is_true(j);
	case OMNI_J_FALSE: return json_is_false(j);
	case OMNI_J_STRING:
		return json_is_string(j) &&
		       same_string(v, json_string_value(j), json_string_length(j)) &&
		       same_string_buf(v, json_string_value(j), json_string_length(j));
	case OMNI_J_NUMBER:
		if (json_is_integer(j))
			return omni_json_int64(v, &i) == 0 && i == json_integer_value(j);
		return json_is_real(j) && omni_json_int64(v, &i) < 0 &&
		       omni_json_number(v, &d) == 0 && d == json_real_value(j);
	case OMNI_J_ARRAY:
		if (!json_is_array(j))
			return 0;
		omni_json_iter(&it, v);
		while (omni_json_next(&it, NULL, &x)) {
			if (n >= json_array_size(j) || !same_value(x, json_array_get(j, n)))
				return 0;
			if (n < 8 && omni_json_at(v, n).p != x.p)
				return 0;
			n++;
		}
		return n == json_array_size(j) && !omni_json_at(v, n).p;
	case OMNI_J_OBJECT:
		return json_is_object(j) && same_object(v, j);
	default:
		return 0;
	}
}

/* Does a string of j hold U+0000?  (jansson takes none in a key.) */
static int
has_nul(const json_t *j)
{
	const char *k;
	json_t *x;
	size_t i;

	if (json_is_string(j))
		return memchr(json_string_value(j), '\0', json_string_length(j)) != NULL;
	json_array_foreach(j, i, x)
		if (has_nul(x))
			return 1;
	json_object_foreach((json_t *)j, k, x)
		if (has_nul(x))
			return 1;
	return 0;
}

/* Writes the record (or, when r is NULL, the jansson value j) through
 * omni_out into tmp and reads it back. */
static char *
written(const omni_record *r, const omni_edit *e, const json_t *j, size_t *len)
{
	int fd = fileno(tmp);
	omni_out *o;
	omni_error err;
	off_t n;
	int rc;

	if (ftruncate(fd, 0) < 0 || lseek(fd, 0, SEEK_SET) < 0)
		return NULL;
	o = omni_out_new(fd);
	rc = r ? omni_record_write(o, r, e) : omni_out_json(o, j);
	if (omni_out_close(o, &err) != 0 || rc < 0)
		return NULL;
	if ((n = lseek(fd, 0, SEEK_CUR)) < 0)
		return NULL;
	if ((size_t)n + 1 > outcap) {
		outcap = (size_t)n + 1;
		outbuf = xrealloc(outbuf, outcap);
	}
	if (pread(fd, outbuf, (size_t)n, 0) != n)
		return NULL;
	outbuf[n] = '\0';
	*len = (size_t)n;
	return outbuf;
}

/* The compact form of a jansson value: new. */
static char *
compact(const json_t *j)
{
	return json_dumps(j, JSON_COMPACT | JSON_ENCODE_ANY);
}

static int
same_dump(const char *text, size_t len, const json_t *want)
{
	json_t *got = json_loadb(text, len, JSON_ALLOW_NUL, NULL);
	char *a = got ? compact(got) : NULL, *b = compact(want);
	int eq = a && b && strcmp(a, b) == 0;

	free(a);
	free(b);
	json_decref(got);
	return eq;
}

/* What the writer must do: copy compact, and edit as jansson would. */
static const char *
check_writer(const omni_record *r, json_t *j)
{
	static const char newkey[] = "jsoncheck \"new\"\n\xc3\xa9";
	static const char setval[] = "{\"x\":[1,\"\xc3\xa9\",null]}";
	omni_edit *e = omni_edit_new();
	const char *why = NULL;
	char *want = NULL, *k0 = NULL, *k1 = NULL, *got;
	size_t len, n = 0, l0 = 0, l1 = 0;
	json_t *copy = json_deep_copy(j), *num = json_integer(42);

	/* No edit: "{" + "key":value joined by "," + "}\n" from the spans. */
	want = malloc(r->len * 2 + 4);
	want[n++] = '{';
	for (size_t i = 0; i < r->nmembers; i++) {
		n += (size_t)sprintf(want + n, "%s\"%.*s\":%.*s", i ? "," : "",
		                     (int)r->members[i].key.n, r->members[i].key.p,
		                     (int)r->members[i].value.n, r->members[i].value.p);
	}
	memcpy(want + n, "}\n", 3);
	n += 2;
	if (!(got = written(r, NULL, NULL, &len)) || len != n || memcmp(got, want, n) != 0) {
		why = "writer copy differs from the compact members";
		goto out;
	}
	if (!same_dump(got, len, j)) {
		why = "writer copy does not read back as jansson's value";
		goto out;
	}
	/* omni_out_json writes what json_dumps does, and a newline. */
	free(want);
	want = compact(j);
	n = strlen(want);
	if (!(got = written(NULL, NULL, j, &len)) || len != n + 1 ||
	    memcmp(got, want, n) != 0 || got[n] != '\n') {
		why = "omni_out_json differs from json_dumps";
		goto out;
	}
	/* Remove the first key, set the second in place, add a new one. */
	if (r->nmembers > 0)
		k0 = omni_json_string(quoted(r->members[0].key), &l0);
	if (r->nmembers > 1)
		k1 = omni_json_string(quoted(r->members[1].key), &l1);
	if (k0 && strlen(k0) == l0) {
		omni_edit_remove(e, k0);
		json_object_del(copy, k0);
	}
	if (k1 && strlen(k1) == l1 && (!k0 || strcmp(k0, k1) != 0)) {
		json_t *sv = json_loads(setval, 0, NULL);
		omni_edit_set_raw(e, k1, setval, strlen(setval));
		json_object_set_new(copy, k1, sv);
	}
	omni_edit_set(e, newkey, num);
	json_object_set(copy, newkey, num);
	if (!(got = written(r, e, NULL, &len)) || !same_dump(got, len, copy))
		why = "edited record differs from jansson's edit";
out:
	free(want);
	free(k0);
	free(k1);
	json_decref(copy);
	json_decref(num);
	omni_edit_free(e);
	return why;
}

/* omni_record_get finds each key's last value; omni_json_to_jansson gives
 * what jansson reads. */
static int
same_lookups(const omni_record *r, json_t *j)
{
	for (size_t i = 0; i < r->nmembers; i++) {
		size_t kl;
		char *key = omni_json_string(quoted(r->members[i].key), &kl);
		json_t *jv = json_object_getn(j, key, kl), *mine;
		int eq = 1;
		if (strlen(key) == kl) {
			omni_span got = omni_record_get(r, key);
			eq = got.p && same_value(got, jv);
		}
		mine = omni_json_to_jansson(r->members[i].value);
		if (eq && i + 1 == r->nmembers)
			eq = mine && json_equal(mine, jv);
		json_decref(mine);
		free(key);
		if (!eq)
			return 0;
	}
	return !omni_record_get(r, "\x01no such key").p;
}

/* The line without the whitespace around the object. */
static omni_span
trimmed(const char *line, size_t len)
{
	while (len && strchr(" \t\r\n", line[len - 1]))
		len--;
	while (len && strchr(" \t\r\n", *line))
		line++, len--;
	return (omni_span){ line, len };
}

/* jansson's own limits on valid JSON. */
static int
jansson_limit(const char *text)
{
	return strstr(text, "too big") || strstr(text, "overflow") ||
	       strstr(text, "NUL byte in object key");
}

typedef struct tally {
	long records, accepted, rejected, known, disagree;
} tally;

/* Checks one line; says why on stderr when the two disagree. */
static void
check_line(tally *t, omni_record *rec, const char *line, size_t len,
           const char *name, long lineno)
{
	json_error_t jerr;
	omni_error err;
	const char *why = NULL;
	json_t *j;
	int ok;

	t->records++;
	ok = omni_record_parse(rec, line, len, &err) == 0;
	j = json_loadb(line, len, JSON_ALLOW_NUL, &jerr);
	if (j && !json_is_object(j)) {
		json_decref(j);
		j = NULL;
		snprintf(jerr.text, sizeof jerr.text, "not an object");
	}
	if (ok && !j && jansson_limit(jerr.text))
		t->known++;
	else if (!ok && j && (strstr(err.text, "nesting deeper") ||
	                      strcmp(err.text, "NUL byte") == 0))
		t->known++;
	else if (ok != (j != NULL))
		why = ok ? jerr.text : "jansson accepts it";
	else if (ok && !same_value(trimmed(line, len), j))
		why = "decoded values differ";
	else if (ok && !rec->nul != !has_nul(j))
		why = "the record's nul flag differs";
	else if (ok && !same_lookups(rec, j))
		why = "omni_record_get or omni_json_to_jansson differs";
	else if (ok)
		why = check_writer(rec, j);
	ok ? t->accepted++ : t->rejected++;
	if (why) {
		t->disagree++;
		fprintf(stderr, "jsoncheck: %s:%ld: disagreement (omni %s): %s\n",
		        name, lineno, ok ? "accepts" : err.text, why);
	}
	json_decref(j);
}

/* A mutation of line into buf (room for len + 8 bytes): a byte changed,
 * deleted or inserted, or the line cut short, a few times over. */
static size_t
mutate(const char *line, size_t len, char *buf, unsigned long *seed)
{
	static const char bytes[] = "\"\\{}[]:,0-.eE+u \t\x80\xbf\xc3\xe2\xed\xf0\xf4\xff";
	size_t n = len;
	int times;

	memcpy(buf, line, len);
	*seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
	times = 1 + (int)(*seed >> 62);
	while (times-- > 0 && n > 0) {
		unsigned long r;
		*seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
		r = *seed >> 16;
		size_t at = (r >> 8) % n;
		char b = bytes[(r >> 40) % (sizeof bytes - 1)];
		switch (r & 3) {
		case 0: buf[at] = b; break;
		case 1: memmove(buf + at, buf + at + 1, n - at - 1); n--; break;
		case 2:
			if (n < len + 8) {
				memmove(buf + at + 1, buf + at, n - at);
				buf[at] = b;
				n++;
			}
			break;
		default: n = at; break;
		}
	}
	return n;
}

/* rounds: 0 checks each line; else each line mutated that many times. */
static int
check(char **files, int nfiles, long rounds)
{
	tally t = { 0 };
	omni_input *in = omni_input_new(files, nfiles);
	unsigned long seed = 20240306;
	omni_record rec;
	omni_error err;
	char *line, *buf = NULL;
	size_t len;
	int rc;

	omni_record_init(&rec);
	tmp = tmpfile();
	while ((rc = omni_input_next(in, &line, &len, &err)) != 0) {
		if (rc < 0) {
			char msg[1200];
			omni_error_format(&err, msg, sizeof msg);
			fprintf(stderr, "jsoncheck: %s\n", msg);
			return err.status;
		}
		if (!rounds) {
			check_line(&t, &rec, line, len, omni_input_name(in),
			           omni_input_lineno(in));
			continue;
		}
		buf = xrealloc(buf, len + 8);
		for (long i = 0; i < rounds; i++) {
			size_t n = mutate(line, len, buf, &seed);
			check_line(&t, &rec, buf, n, omni_input_name(in),
			           omni_input_lineno(in));
		}
	}
	printf("jsoncheck: %ld records, %ld accepted, %ld rejected, "
	       "%ld known differences, %ld disagreements\n",
	       t.records, t.accepted, t.rejected, t.known, t.disagree);
	omni_record_free(&rec);
	omni_input_free(in);
	free(buf);
	free(outbuf);
	fclose(tmp);
	return t.disagree ? 1 : 0;
}

static void
report(const omni_error *err)
{
	char buf[1200];

	omni_error_format(err, buf, sizeof buf);
	fprintf(stderr, "jsoncheck: %s\n", buf);
}

static int
cat(int argc, char **argv)
{
	omni_edit *e = omni_edit_new();
	FILE *reject = NULL;
	int keep_going = 0, status = 0, i, rc;
	omni_reader *rd;
	omni_record *rec;
	omni_out *o;
	omni_error err;

	for (i = 0; i < argc; i++) {
		char *eq;
		if (strcmp(argv[i], "--keep-going") == 0) {
			keep_going = 1;
		} else if (strcmp(argv[i], "--reject") == 0 && i + 1 < argc) {
			if (!(reject = fopen(argv[++i], "w"))) {
				perror(argv[i]);
				return 73;
			}
		} else if (strcmp(argv[i], "--set") == 0 && i + 1 < argc &&
		           (eq = strchr(argv[i + 1], '='))) {
			*eq = '\0';
			omni_edit_set_raw(e, argv[i + 1], eq + 1, strlen(eq + 1));
			i++;
		} else if (strcmp(argv[i], "--remove") == 0 && i + 1 < argc) {
			omni_edit_remove(e, argv[++i]);
		} else {
			break;
		}
	}
	signal(SIGPIPE, SIG_IGN);
	rd = omni_reader_new(argv + i, argc - i, keep_going, reject);
	omni_reader_any_object(rd);
	o = omni_out_new(1);
	while ((rc = omni_reader_next(rd, &rec, &err)) != 0) {
		if (rc == 2) {
			report(&err);
			continue;
		}
		if (rc < 0) {
			report(&err);
			status = err.status;
			break;
		}
		if (omni_record_write(o, rec, e) < 0)
			break;
	}
	if (omni_out_close(o, &err) != 0) {
		report(&err);
		status = err.status;
	}
	if (!status && omni_reader_rejected(rd))
		status = OMNI_EX_PARTIAL;
	omni_reader_free(rd);
	omni_edit_free(e);
	if (reject)
		fclose(reject);
	return status;
}

int
main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--cat") == 0)
		return cat(argc - 2, argv + 2);
	if (argc > 3 && strcmp(argv[1], "--fuzz") == 0)
		return check(argv + 3, argc - 3, atol(argv[2]));
	if (argc < 2) {
		fprintf(stderr, "usage: jsoncheck FILE...\n"
		        "       jsoncheck --fuzz ROUNDS FILE...\n"
		        "       jsoncheck --cat [--keep-going] [--reject FILE] "
		        "[--set KEY=JSON] [--remove KEY] [FILE...]\n");
		return 64;
	}
	return check(argv + 1, argc - 1, 0);
}
