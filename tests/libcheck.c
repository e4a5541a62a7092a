/* libcheck - checks of the small library parts no program shows whole:
 * times and the calendar, secrets, XDG paths.  Prints each failure; exit 1
 * if any. */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "record/record.h"
#include "link/link.h"

static int failures;

#define CHECK(cond, ...) \
	do { \
		if (!(cond)) { \
			failures++; \
			printf("libcheck: %s:%d: ", __FILE__, __LINE__); \
			printf(__VA_ARGS__); \
			putchar('\n'); \
		} \
	} while (0)

static void
check_times(void)
{
	static const struct { const char *in, *out; } ok[] = {
		{ "2024-03-01T17:22:10-05:00", "2024-03-01T22:22:10Z" },
		{ "2024-03-02T18:44:03.000Z", "2024-03-02T18:44:03Z" },
		{ "2024-03-02T14:05:11.5Z", "2024-03-02T14:05:11.500Z" },
		{ "2024-03-02t14:05:11.123456+00:00", "2024-03-02T14:05:11.123Z" },
		{ "2026-11-26 13:00:00+0130", "2026-11-26T11:30:00Z" },
		{ "2024-02-29T23:59:60Z", "2024-02-29T23:59:59.999Z" },
		{ "2024-03-10", "2024-03-10T00:00:00Z" },
		{ "Fri, 01 Mar 2024 22:22:10 +0000", "2024-03-01T22:22:10Z" },
		{ "Sun, 3 Mar 2024 13:02:10 +0000 (UTC)", "2024-03-03T13:02:10Z" },
		{ "6 Mar 2024 9:05 EST", "2024-03-06T14:05:00Z" },
		{ "Tue, 31 Dec 2024 23:30:00 -0230", "2025-01-01T02:00:00Z" },
		{ "Mon, 4 Mar 24 10:00:00 GMT", "2024-03-04T10:00:00Z" },
		{ "1900-03-01T00:00:00Z", "1900-03-01T00:00:00Z" },
	};
	static const char *const bad[] = {
		"", "garbage", "2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z",
		"2024-13-01T00:00:00Z", "2024-03-01T24:00:00Z", "2024-03-01T10:00:00+2400",
		"2024-03-01T10:00:00Zjunk", "Mon, 04 Mar 2024", "32 Mar 2024 10:00 +0000",
	};
	char buf[32];
	omni_time t;

	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		int rc = omni_time_parse(ok[i].in, &t);
		CHECK(rc == 0, "'%s' did not parse", ok[i].in);
		if (rc == 0)
			CHECK(strcmp(omni_time_format(t, buf), ok[i].out) == 0,
			      "'%s' gave %s, not %s", ok[i].in, buf, ok[i].out);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		CHECK(omni_time_parse(bad[i], &t) < 0, "'%s' parsed", bad[i]);
	CHECK(omni_time_from_unix(1709738200987.0) == 1709738200987LL, "milliseconds");
	CHECK(omni_time_from_unix(1561488106) == 1561488106000LL, "seconds");
	CHECK(strcmp(omni_time_format(-1, buf), "1969-12-31T23:59:59.999Z") == 0,
	      "before the epoch: %s", buf);

	CHECK(strcmp(omni_time_format_rfc2822(1709470930000LL, buf, sizeof buf),
	             "Sun, 03 Mar 2024 13:02:10 +0000") == 0, "rfc 2822: %s", buf);
	omni_error err = { 0 };
	CHECK(omni_clock_set("2026-11-26T10:00:00+01:00", &err) == 0, "--now");
	CHECK(strcmp(omni_time_format(omni_clock_now(), buf), "2026-11-26T09:00:00Z") == 0,
	      "--now gave %s", buf);
	CHECK(omni_clock_set("1764150000", &err) == 0, "--now seconds");
	CHECK(omni_clock_now() == 1764150000000LL, "--now seconds value");
	CHECK(omni_clock_set("tomorrow", &err) < 0 && err.status == OMNI_EX_USAGE,
	      "--now tomorrow accepted");
}

/* The calendar, and local time in a zone (summer time included). */
static void
check_calendar(void)
{
	static const struct { int y, m, d; int64_t days; } dates[] = {
		{ 1970, 1, 1, 0 }, { 1969, 12, 31, -1 }, { 2000, 3, 1, 11017 },
		{ 2024, 2, 29, 19782 }, { 1600, 1, 1, -135140 }, { 9999, 12, 31, 2932896 },
	};
	struct tm tm;
	int y, m, d;

	for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
		CHECK(omni_date_to_days(dates[i].y, dates[i].m, dates[i].d) == dates[i].days,
		      "%04d-%02d-%02d: day %lld", dates[i].y, dates[i].m, dates[i].d,
		      (long long)omni_date_to_days(dates[i].y, dates[i].m, dates[i].d));
		omni_date_from_days(dates[i].days, &y, &m, &d);
		CHECK(y == dates[i].y && m == dates[i].m && d == dates[i].d,
		      "day %lld: %04d-%02d-%02d", (long long)dates[i].days, y, m, d);
	}
	/* 2024-07-01T22:30:00Z is half past midnight in Rome, summer time */
	omni_time_local(1719873000000LL, "Europe/Rome", &tm);
	CHECK(tm.tm_mday == 2 && tm.tm_hour == 0 && tm.tm_min == 30, "Rome: %02d %02d:%02d",
	      tm.tm_mday, tm.tm_hour, tm.tm_min);
	tm.tm_isdst = -1;
	CHECK(omni_time_from_local(&tm, "Europe/Rome") == 1719873000000LL, "Rome and back");
	omni_time_local(1719873000000LL, "UTC", &tm);
	CHECK(tm.tm_mday == 1 && tm.tm_hour == 22, "UTC: %02d %02d", tm.tm_mday, tm.tm_hour);
	CHECK(omni_time_zone_known("Europe/Rome") && omni_time_zone_known("UTC") &&
	      !omni_time_zone_known("Europe/Atlantis"), "known zones");
}

static void
check_secrets(const char *tmp)
{
	omni_error err = { 0 };
	char path[512];
	char *s;
	FILE *f;

	unsetenv("OMNI_SHOP_TOKEN");
	unsetenv("OMNI_SHOP_TOKEN_FILE");
	s = omni_secret("SHOP_TOKEN", &err);
	CHECK(!s && err.status == OMNI_EX_CONFIG &&
	      strstr(err.text, "OMNI_SHOP_TOKEN_FILE"), "missing secret: %s", err.text);
	setenv("OMNI_SHOP_TOKEN", "shpat_env", 1);
	s = omni_secret("SHOP_TOKEN", &err);
	CHECK(s && strcmp(s, "shpat_env") == 0, "secret from the environment");
	free(s);
	snprintf(path, sizeof path, "%s/token", tmp);
	f = fopen(path, "w");
	fputs("shpat_file\n", f);
	fclose(f);
	setenv("OMNI_SHOP_TOKEN_FILE", path, 1);
	s = omni_secret("SHOP_TOKEN", &err);
	CHECK(s && strcmp(s, "shpat_file") == 0, "the file wins, without its newline: %s", s);
	free(s);
	setenv("OMNI_SHOP_TOKEN_FILE", "/nonexistent/token", 1);
	s = omni_secret("SHOP_TOKEN", &err);
	CHECK(!s && err.status == OMNI_EX_CONFIG && strstr(err.text, "/nonexistent/token"),
	      "unreadable secret file: %s", err.text);
}

static void
check_xdg(void)
{
	char *p;

	setenv("HOME", "/home/u", 1);
	setenv("XDG_DATA_HOME", "/data", 1);
	p = omni_xdg_path(OMNI_XDG_DATA, "omni.db");
	CHECK(strcmp(p, "/data/omni/omni.db") == 0, "XDG_DATA_HOME: %s", p);
	free(p);
	setenv("XDG_DATA_HOME", "relative", 1);   /* invalid: ignored */
	p = omni_xdg_path(OMNI_XDG_DATA, "omni.db");
	CHECK(strcmp(p, "/home/u/.local/share/omni/omni.db") == 0, "relative XDG: %s", p);
	free(p);
	unsetenv("XDG_CONFIG_HOME");
	p = omni_xdg_path(OMNI_XDG_CONFIG, "omni.conf");
	CHECK(strcmp(p, "/home/u/.config/omni/omni.conf") == 0, "config default: %s", p);
	free(p);
	p = omni_expand_home("~/Mail");
	CHECK(strcmp(p, "/home/u/Mail") == 0, "~ expanded: %s", p);
	free(p);
	p = omni_expand_home("~bob/Mail");
	CHECK(strcmp(p, "~bob/Mail") == 0, "~user left alone: %s", p);
	free(p);
}

/* The reader says where its last record came from. */
static void
check_reader(const char *dir)
{
	char path[4096];
	char *paths[1] = { path };
	omni_record *rec;
	omni_reader *r;
	FILE *f;

	snprintf(path, sizeof path, "%s/reader.ndjson", dir);
	if (!(f = fopen(path, "w"))) {
		CHECK(0, "cannot write %s", path);
		return;
	}
	fputs("{\"omni\":1,\"id\":\"a\",\"channel\":\"email\"}\n\n"
	      "{\"omni\":1,\"id\":\"b\",\"channel\":\"email\"}\n", f);
	fclose(f);
	r = omni_reader_new(paths, 1, 0, NULL);
	CHECK(omni_reader_next(r, &rec, NULL) == 1 && omni_reader_lineno(r) == 1,
	      "first record on line 1: %ld", omni_reader_lineno(r));
	CHECK(omni_reader_next(r, &rec, NULL) == 1 && omni_reader_lineno(r) == 3,
	      "second record on line 3: %ld", omni_reader_lineno(r));
	CHECK(strcmp(omni_reader_name(r), path) == 0, "reader name: %s", omni_reader_name(r));
	omni_reader_free(r);
}

/* The quick check of a time says what the parse says. */
static void
check_time_valid(void)
{
	static const char *const in[] = {
		"2024-03-01T17:22:10Z", "2024-03-01T17:22:10.123Z", "2024-02-29T23:59:60Z",
		"2023-02-29T10:00:00Z", "2024-02-30T10:00:00Z", "2024-04-31T10:00:00Z",
		"2024-13-01T10:00:00Z", "2024-00-01T10:00:00Z", "2024-01-00T10:00:00Z",
		"2024-01-01T24:00:00Z", "2024-01-01T23:60:00Z", "2024-01-01T23:59:61Z",
		"2024-01-01T23:59:59.12Z", "2024-01-01T23:59:59.1234Z", "2024-01-01X23:59:59Z",
		"2024-01-01T23:59:5aZ", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z",
		"1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z", "2024-01-01T10:00:00+01:00",
		"2024-01-01", "2024-1-01T10:00:00Z", "", "nope", "2024-01-01T10:00:00Zx",
		"+024-01-01T10:00:00Z", "2024-01-01T10:00:00.Z", "2024-01-01 10:00:00Z",
	};
	omni_time t;

	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++)
		CHECK(omni_time_valid_rfc3339(in[i], strlen(in[i])) ==
		      (omni_time_parse_rfc3339(in[i], &t) == 0),
		      "quick check and parse disagree on '%s'", in[i]);
}

/* Who says she is not the buyer (omni-link(1), "Orders, verified or
 * not"): the words are lowercase, as omni-link reads them. */
static void
check_not_buyer(void)
{
	static const struct { const char *words, *sender, *buyer, *why; } cases[] = {
		{ "my mum ordered this for me, #1061", NULL, NULL, "written for another" },
		{ "i ordered it for my mum: order #1061", NULL, NULL, NULL },
		{ "i ordered for my mum, order #1061", NULL, NULL, NULL },
		{ "gift for my mum, order #1234, my email x@y.z", NULL, NULL, NULL },
		{ "my husband and i ordered #1234", NULL, NULL, NULL },
		{ "i am a mother of two and ordered #1234", NULL, NULL, NULL },
		{ "where is my order #1234? my daughter needs it", NULL, NULL, NULL },
		{ "hice el pedido para mi madre, el 2038", NULL, NULL, NULL },
		{ "my husband's order #2061 is late", NULL, NULL, "written for another" },
		{ "ordered by my husband last week", NULL, NULL, "written for another" },
		{ "l'ordine 2044 l'ha fatto mia mamma per me", NULL, NULL, "written for another" },
		{ "je suis la compagne de baptiste. commande 2002", NULL, NULL, "written for another" },
		{ "i'm ms. stone's assistant, order 2009", NULL, NULL, "written for another" },
		{ "meine mutter hat mir die pfanne bestellt", NULL, NULL, "written for another" },
		{ "die bestellung meines bruders dominik", NULL, NULL, "written for another" },
		{ "mi mujer lucía hizo el pedido 2038", NULL, NULL, "written for another" },
		{ "la commande de ma mère, 2002", NULL, NULL, "written for another" },
		{ "order 2044, la sua mail è e@x.it", NULL, NULL, "written for another" },
		{ "hallo! papa hat bei euch chai bestellt, 3036", NULL, NULL, "written for another" },
		{ "mum ordered it, #3036", NULL, NULL, "written for another" },
		{ "i ordered it, mum loves it, #3036", NULL, NULL, NULL },
		{ "#1061", "Petra Wei\xc3\x9f", "J\xc3\xbcrgen Wei\xc3\x9f", "another name" },
		{ "#1061", "M. Keller", "Felix Schulz", "another name" },
		{ "#1061", "F. Schulz", "Felix Schulz", NULL },
		{ "#1061", "L\xc3\xa9" "a Martin", "Lea Martin", NULL },
		{ "#1061", "Sofi Ferrari", "Sofia Ferrari", NULL },
		{ "#1061", "sofi.ferrari", "Sofia Ferrari", NULL },
		{ "#1061", "coffee_lover", "Sofia Ferrari", NULL },
		/* the buyer named, by her given name, as a relative or friend */
		{ "ma copine in\xc3\xa8s n'a pas insta. commande 4035", NULL, "In\xc3\xa8s Garnier",
		  "written for another" },
		{ "soy vecina de carmen iglesias, pedido 4020", NULL, "Carmen Iglesias",
		  "written for another" },
		{ "my friend ines asked me, order 4035", NULL, "In\xc3\xa8s Garnier", "written for another" },
		{ "hola, soy carmen. pedido 4020, mi vecina lo recogi\xc3\xb3", NULL, "Carmen Iglesias", NULL },
		{ "my friend. ines here, order 4035", NULL, "In\xc3\xa8s Garnier", NULL },
		/* the buyer with a title, after an article or a preposition */
		{ "sono la badante della signora franca esposito, ordine 5028", NULL,
		  "Franca Esposito", "written for another" },
		{ "i'm writing for mrs carter, order 4019", NULL, "Emily Carter", "written for another" },
		{ "where is order 4019?\nmrs emily carter", NULL, "Emily Carter", NULL },
		{ "i write on behalf of mrs. carter: order 4019", NULL, "Emily Carter",
		  "written for another" },
		{ "my friend. ines here, order 4035. thanks", NULL, "In\xc3\xa8s Garnier", NULL },
		/* she ordered nothing */
		{ "quelqu'un a command\xc3\xa9 avec mon adresse, commande 5024. je n'ai rien "
		  "command\xc3\xa9 !", NULL, "Julien Moreau", "written for another" },
		{ "il mio compagno davide marino ha ordinato, ordine 5064", NULL, "Davide Marino",
		  "written for another" },
		/* writing or asking for a relative; "her e-mail" in Spanish */
		{ "hola, escribo por mi novia. pedido 6041", NULL, "Marta Gil", "written for another" },
		{ "i'm asking for my dad, order 6012", NULL, "Yann Le Goff", "written for another" },
		{ "pedido 6041, su correo es marta.gil@correo.example", NULL, "Marta Gil",
		  "written for another" },
		{ "i write for work, order 6012", NULL, "Yann Le Goff", NULL },
		/* a one-word name she shows and signs with, not the buyer's */
		{ "ciao, io sono sara, cap 35121", "Sara", "Davide Marino", "another name" },
		/* the name she is called by is hers (Becky, Rebecca; Pepe, José) */
		{ "order 9005, thanks!\nbecky", "Becky", "Rebecca Hale", NULL },
		{ "#1061", "Becky Hale", "Rebecca Hale", NULL },
		{ "#1061", "Pepe Ruiz", "Jos\xc3\xa9 Ruiz", NULL },
		{ "#1061", "Tom Adler", "Peter Adler", "another name" },
		{ "ciao, cap 35121", "Sara", "Davide Marino", NULL },
		{ "ciao, sono davide, cap 35121", "Davide", "Davide Marino", NULL },
	};
	/* who shows the buyer's name: a display name, a handle, her words */
	static const struct { const char *sender, *words, *buyer; int shows; } named[] = {
		{ "Grace Okafor", NULL, "Grace Okafor", 1 },
		{ "graceokafor.bakes", NULL, "Grace Okafor", 1 },
		{ "tbrooks", NULL, "Tyler Brooks", 1 },
		{ "t.brooks", NULL, "Tyler Brooks", 1 },
		{ NULL, "hi, it's james walker - order #2008", "James Walker", 1 },
		{ NULL, "grazie,\nvalentina", "Valentina Greco", 1 },
		{ NULL, "ciao, sono valentina, ordine 2040", "Valentina Greco", 1 },
		{ NULL, "sono la badante della signora franca esposito, ordine 5028",
		  "Franca Esposito", 0 },
		{ NULL, "my real email is hannah.schmid@example.de, order 4069", "Hannah Schmid", 0 },
		{ "pepa.vecina", "pedido 4020, cp 15705", "Carmen Iglesias", 0 },
		{ "kbrooks", NULL, "Tyler Brooks", 0 },
		/* a name she is called by, signed or shown */
		{ NULL, "hiya, tom here, order 12071\ntom", "Thomas Aldridge", 1 },
		{ "Tommy A", NULL, "Thomas Aldridge", 1 },
		{ NULL, "saludos,\npepe", "Jos\xc3\xa9 Ruiz", 1 },
		/* "Will" starting a line is no William signing */
		{ NULL, "will it ship before the 10th?", "William Hart", 0 },
		{ NULL, NULL, "Tyler Brooks", 0 },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *why = omni_link_not_buyer(cases[i].words, cases[i].sender,
		                                      cases[i].buyer);
		CHECK(why ? cases[i].why && strcmp(why, cases[i].why) == 0 : !cases[i].why,
		      "not the buyer? '%s' (%s / %s): %s, not %s", cases[i].words,
		      cases[i].sender ? cases[i].sender : "-", cases[i].buyer ? cases[i].buyer : "-",
		      why ? why : "no", cases[i].why ? cases[i].why : "no");
	}
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		CHECK(omni_link_shows_buyer(named[i].sender, named[i].words, named[i].buyer) ==
		      named[i].shows, "shows the buyer's name? %s / '%s' for %s: not %d",
		      named[i].sender ? named[i].sender : "-", named[i].words ? named[i].words : "-",
		      named[i].buyer, named[i].shows);
	/* an address one or two letters from the buyer's, its dots aside */
	CHECK(omni_link_lookalike("hannah.whitcombe@fernmai1.example",
	                          "hannah.whitcombe@fernmail.example"), "a lookalike address");
	CHECK(!omni_link_lookalike("federicarusso@example.it", "federica.russo@example.it"),
	      "dots aside, the same address");
	CHECK(!omni_link_lookalike("lenavogtshop@gmail.com", "lenavogt@gmail.com"),
	      "another address, not a lookalike");
	CHECK(!omni_link_lookalike("ana@x.es", "ana@x.es"), "the same address");
	/* a list of guesses is no fact */
	CHECK(omni_link_gives_postcode("cap 20121 milano", "20121"), "postcode given");
	CHECK(!omni_link_gives_postcode("cap 201210", "20121"), "a longer number");
	CHECK(omni_link_gives_postcode("sw1a 1aa", "SW1A1AA"), "a postcode with a space");
	CHECK(!omni_link_gives_postcode("20121 or 20122 or 20123", "20121"), "three guesses");
	CHECK(!omni_link_gives_postcode("code postal 69003 ou 69002", "69002"), "two, one or the other");
	CHECK(omni_link_gives_postcode("billed to 69002, send it to 75011 please", "69002"),
	      "a billing and a delivery postcode");
	CHECK(omni_link_gives_email("mail: giuliarossi@gmail.com.", "Giulia.Rossi+x@googlemail.com"),
	      "an address as gmail delivers it");
	CHECK(!omni_link_gives_email("a@x.net b@x.net c@x.net", "a@x.net"), "three guesses");
}

/* One walk for several members gives what a look-up of each gives: the
 * last of a repeated key, absent ones absent, nothing from a non-object. */
static void
check_get_all(void)
{
	static const char *const objs[] = {
		"{\"id\":\"a\",\"text\":\"x \\\" y\",\"at\":1,\"id\":\"b\"}",
		"{\"i\\u0064\":2,\"digest\":null,\"at\":{\"id\":3}}",
		"{}", "[\"id\",1]", "\"id\"",
	};
	static const char *const keys[] = { "id", "at", "digest", "source" };

	for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
		omni_span o = { objs[i], strlen(objs[i]) }, f[4];
		omni_json_get_all(o, keys, f, 4);
		for (size_t k = 0; k < 4; k++) {
			omni_span g = omni_json_get(o, keys[k]);
			CHECK(f[k].p == g.p && f[k].n == g.n, "get_all and get disagree on %s in %s",
			      keys[k], objs[i]);
		}
	}
}

int
main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: libcheck TMPDIR\n");
		return 64;
	}
	check_times();
	check_time_valid();
	check_calendar();
	check_secrets(argv[1]);
	check_xdg();
	check_reader(argv[1]);
	check_not_buyer();
	check_get_all();
	printf("libcheck: %d failures\n", failures);
	return failures ? 1 : 0;
}
