/*
 * link_facts.c - two facts only an order's buyer knows, as an order-status
 * page asks them (the address or the billing postcode the order was placed
 * with, beside its number), and what says that the one who gives them is
 * not the buyer: a name of her own that is not the buyer's, or words that
 * speak of the order as another person's ("my mother ordered", "la
 * commande de ma mère", "on behalf of").  omni-link(1), "Orders, verified
 * or not".
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ident/ident.h"
#include "link/link.h"

int
omni_link_text_email(const char *text, const char *at, char *buf, size_t size)
{
	const char *b = at, *e = at + 1;

	while (b > text && (isalnum((unsigned char)b[-1]) || strchr("._%+-", b[-1])))
		b--;
	while (isalnum((unsigned char)*e) || *e == '.' || *e == '-')
		e++;
	while (e > at + 1 && (e[-1] == '.' || e[-1] == '-'))
		e--;     /* the end of a sentence, not of the domain */
	if (b == at || e == at + 1 || e - b >= (long)size)
		return 0;
	memcpy(buf, b, (size_t)(e - b));
	buf[e - b] = '\0';
	return 1;
}

/* A list of guesses is no fact: more than this many different values of
 * the fact's shape (addresses at the order's domain, postcodes of its
 * postcode's letters and digits) in the customer's words, and none of
 * them counts. */
#define MAX_GUESSES 2

/* Is the value among the n of seen (each 24 bytes)?  Adds it if not and
 * there is room. */
static int
seen_add(char (*seen)[24], size_t *n, size_t cap, const char *v)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp(seen[i], v) == 0)
			return 1;
	if (*n < cap)
		snprintf(seen[(*n)++], 24, "%s", v);
	return 0;
}

int
omni_link_gives_email(const char *words, const char *email)
{
	char *want = email ? omni_ident_email(email) : NULL;
	const char *domain = want ? strchr(want, '@') : NULL;
	char seen[MAX_GUESSES + 1][24];
	size_t nseen = 0;
	int found = 0;

	for (const char *at = words && want ? strchr(words, '@') : NULL; at;
	     at = strchr(at + 1, '@')) {
		char buf[320], *e;
		if (!omni_link_text_email(words, at, buf, sizeof buf) || !(e = omni_ident_email(buf)))
			continue;
		found |= strcmp(e, want) == 0;
		/* the local parts are what a guesser varies */
		if (domain && strcmp(strchr(e, '@'), domain) == 0) {
			char local[24];
			snprintf(local, sizeof local, "%.*s", (int)(strchr(e, '@') - e), e);
			seen_add(seen, &nseen, MAX_GUESSES + 1, local);
		}
		free(e);
	}
	free(want);
	return found && nseen <= MAX_GUESSES;
}

static int among(const char *const *set, const char *w, size_t n);

/* Is [a, b) "or" in a language of the store's customers, and little
 * else ("20121 or 20122", "69003 ou 69002")? */
static int
alternative(const char *a, const char *b)
{
	static const char *const ors[] = { "or", "ou", "oder", "o", "oppure", "u", NULL };
	char w[8];
	size_t n = 0;
	int words = 0, said = 0;

	for (const char *p = a; a && p < b; p++) {
		if (isalpha((unsigned char)*p)) {
			if (n + 1 < sizeof w)
				w[n++] = *p;
			continue;
		}
		if (n) {
			w[n] = '\0';
			said |= among(ors, w, n);
			words++;
			n = 0;
		}
	}
	if (n) {
		said |= among(ors, w, n);
		words++;
	}
	return said && words <= 3;
}

/* A letter or digit's shape: 9 a digit, a a letter. */
static char
shape(char c)
{
	return isdigit((unsigned char)c) ? '9' : 'a';
}

int
omni_link_gives_postcode(const char *words, const char *postcode)
{
	char pc[24], seen[MAX_GUESSES + 1][24];
	const char *last = NULL;
	size_t n = 0, nseen = 0;
	int found = 0;

	for (const char *p = postcode ? postcode : ""; *p && n + 1 < sizeof pc; p++)
		if (*p != ' ' && *p != '-')
			pc[n++] = (char)tolower((unsigned char)*p);
	pc[n] = '\0';
	if (n < 3 || !words)
		return 0;
	/* every word of the postcode's shape, spaces and dashes within it
	 * optional ("sw1a 1aa", "SW1A1AA") */
	for (const char *s = words; *s; s++) {
		const char *f = s;
		char got[24];
		size_t i = 0;
		if (!isalnum((unsigned char)*s) || (s > words && isalnum((unsigned char)s[-1])))
			continue;
		while (i < n && *f) {
			if (isalnum((unsigned char)*f) && shape(*f) == shape(pc[i]))
				got[i++] = *f++;
			else if ((*f == ' ' || *f == '-') && i > 0 && isalnum((unsigned char)f[1]))
				f++;
			else
				break;
		}
		if (i < n || isalnum((unsigned char)*f))
			continue;
		got[n] = '\0';
		found |= strcmp(got, pc) == 0;
		if (!seen_add(seen, &nseen, MAX_GUESSES + 1, got) && nseen > 1 && alternative(last, s))
			return 0;     /* "69003 or 69002" */
		last = f;
	}
	return found && nseen <= MAX_GUESSES;
}

/* ---- names ---- */

/* The next word of a name, lowercase, its Latin accents dropped ("Léa"
 * is "lea"): 1 and w filled, or 0 at the end. */
static int
name_word(const char **p, char *w, size_t size)
{
	/* U+00C0..U+00FF, by their second UTF-8 byte */
	static const char latin[] =
		"aaaaaaaceeeeiiiidnooooo*ouuuuyts" "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
	size_t n = 0;
	const unsigned char *s = (const unsigned char *)*p;

	while (*s && !isalpha(*s) && !(*s == 0xc3 && s[1] >= 0x80 && s[1] <= 0xbf))
		s++;
	while (*s && n + 1 < size) {
		if (isalpha(*s)) {
			w[n++] = (char)tolower(*s++);
		} else if (*s == 0xc3 && s[1] >= 0x80 && s[1] <= 0xbf) {
			char c = latin[s[1] - 0x80];
			if (!isalpha((unsigned char)c))
				break;
			w[n++] = c;
			s += 2;
		} else {
			break;
		}
	}
	w[n] = '\0';
	while (*s && (isalpha(*s) || *s >= 0x80))
		s++;     /* what did not fit, or another script */
	*p = (const char *)s;
	return n > 0;
}

/* The first word of a name of two words at least, apart ("Manon
 * Moreau": "manon"; "M. Moreau": "m"; a handle such as "manon.moreau":
 * none). */
static int
given_name(const char *name, char *given, size_t size)
{
	char w[64];
	int words = 0;

	if (!name || !strchr(name, ' '))
		return 0;
	for (const char *p = name; name_word(&p, w, sizeof w);)
		if (!words++)
			snprintf(given, size, "%s", w);
	return words >= 2;
}

/* Given names and the names they are called by that are not their
 * beginning (Becky for Rebecca, Pepe for José), in the five languages;
 * lowercase, accents dropped, as name_word gives them.  None that is a
 * word a line may start with (Will, Bill, Ed, Memo): a signature is a
 * line that starts with the name. */
static const struct {
	const char *name, *called;      /* called: words apart by spaces */
} nicknames[] = {
	{ "william", "billy willy liam" },
	{ "robert", "bob bobby rob robbie" },
	{ "richard", "dick rick ricky" },
	{ "james", "jim jimmy jamie" },
	{ "john", "jack johnny" },
	{ "thomas", "tom tommy" },
	{ "edward", "ted teddy eddie ned" },
	{ "henry", "harry hank" },
	{ "charles", "chuck charlie" },
	{ "michael", "mike mikey" },
	{ "stephen", "steve stevie" },
	{ "steven", "steve stevie" },
	{ "anthony", "tony" },
	{ "andrew", "andy" },
	{ "nicholas", "nick nicky" },
	{ "joseph", "joe joey" },
	{ "gerald", "jerry" },
	{ "lawrence", "larry" },
	{ "margaret", "peggy maggie meg" },
	{ "rebecca", "becky becca" },
	{ "elizabeth", "liz lizzie beth betty bess" },
	{ "katherine", "kate katie kathy" },
	{ "catherine", "kate katie cathy" },
	{ "jennifer", "jenny jen" },
	{ "susan", "sue susie" },
	{ "patricia", "patty patsy trish" },
	{ "mary", "molly polly" },
	{ "sarah", "sally" },
	{ "deborah", "debbie deb" },
	{ "abigail", "abby" },
	{ "victoria", "vicky tori" },
	{ "johannes", "hans hansi" },
	{ "josef", "sepp seppi jupp" },
	{ "friedrich", "fritz" },
	{ "wilhelm", "willi" },
	{ "stefanie", "steffi" },
	{ "sebastian", "basti" },
	{ "margarete", "gretel gretchen grete" },
	{ "johanna", "hanne" },
	{ "emmanuel", "manu" },
	{ "pierre", "pierrot" },
	{ "giuseppe", "beppe peppe pino" },
	{ "luigi", "gigi" },
	{ "salvatore", "toto" },
	{ "filippo", "pippo" },
	{ "beatrice", "bice" },
	{ "jose", "pepe" },
	{ "francisco", "paco pancho" },
	{ "ignacio", "nacho" },
	{ "dolores", "lola" },
	{ "concepcion", "concha conchita" },
	{ "rosario", "charo" },
	{ "enrique", "quique" },
	{ "manuel", "manolo" },
	{ "guadalupe", "lupe" },
};

/* Is the word one of the names a name is called by (list: words apart
 * by spaces)? */
static int
called(const char *list, const char *w)
{
	size_t n = strlen(w);

	for (const char *p = list; *p; p += strcspn(p, " "), p += *p == ' ')
		if (strncmp(p, w, n) == 0 && (p[n] == ' ' || !p[n]))
			return 1;
	return 0;
}

/* Are the two words one given name, one the name it is called by (Tom,
 * Thomas), or both names it is called by (Tom, Tommy)? */
static int
nickname_of(const char *a, const char *b)
{
	for (size_t i = 0; i < sizeof nicknames / sizeof nicknames[0]; i++) {
		int ia = strcmp(a, nicknames[i].name) == 0 || called(nicknames[i].called, a);
		int ib = strcmp(b, nicknames[i].name) == 0 || called(nicknames[i].called, b);
		if (ia && ib)
			return 1;
	}
	return 0;
}

/* Does the name hold the word, one it is short for (Sofi, Sofia) or one
 * it is called by (Becky, Rebecca)? */
static int
name_has(const char *name, const char *word)
{
	char w[64];
	size_t n = strlen(word);

	for (const char *p = name; name_word(&p, w, sizeof w);) {
		size_t m = strlen(w), k = m < n ? m : n;
		if (k >= 3 && strncmp(w, word, k) == 0)
			return 1;
		if (strcmp(w, word) == 0 || nickname_of(w, word))
			return 1;
	}
	return 0;
}

/* Do the names share a word of two letters or more? */
static int
shares(const char *x, const char *y)
{
	char w[64];

	for (const char *p = x; name_word(&p, w, sizeof w);)
		if (strlen(w) >= 2 && name_has(y, w))
			return 1;
	return 0;
}

/* ---- words that speak of the buyer as another person ---- */

/* A person the writer may write for, after "my" in each language. */
static const char *const kin[] = {
	"mum", "mom", "mam", "mother", "dad", "father", "husband", "wife", "partner",
	"son", "daughter", "brother", "sister", "friend", "neighbour", "neighbor",
	"flatmate", "roommate", "boss", "grandma", "grandmother", "grandpa",
	"grandfather", "aunt", "uncle", "boyfriend", "girlfriend", "colleague",
	"assistant", "secretary", "manager",
	"mutter", "vaters", "mannes", "sohnes", "bruders", "freundes", "nachbarn",
	"kollegen", "chefs", "assistentin", "sekretärin", "mama", "mami", "vater", "papa", "mann", "frau", "partnerin",
	"sohn", "tochter", "bruder", "schwester", "freund", "freundin", "nachbar",
	"nachbarin", "oma", "opa", "chef", "chefin", "kollege", "kollegin",
	"mitbewohner", "mitbewohnerin",
	"mère", "mere", "maman", "père", "pere", "mari", "femme", "conjoint",
	"conjointe", "compagnon", "compagne", "fils", "fille", "frère", "frere",
	"sœur", "soeur", "ami", "amie", "voisin", "voisine", "colocataire",
	"patron", "patronne", "grand-mère", "grand-père", "copain", "copine",
	"assistante", "secrétaire",
	"madre", "mamá", "padre", "papá", "marido", "esposo", "esposa", "mujer",
	"pareja", "hijo", "hija", "hermano", "hermana", "amigo", "amiga", "vecino",
	"vecina", "jefe", "jefa", "abuela", "abuelo", "novio", "novia",
	"compañero", "compañera",
	"mamma", "papà", "marito", "moglie", "compagna", "figlio", "figlia",
	"fratello", "sorella", "amica", "vicino", "vicina", "capo", "nonna",
	"nonno", "fidanzato", "fidanzata", "coinquilino", "coinquilina",
	"assistente", "segretaria", "secretaria", "compagno", "badante", "carer",
	"caregiver", "pflegerin", "pfleger", "betreuerin", "betreuer", "cuidadora",
	"cuidador", "aide-soignante", "auxiliaire", NULL
};
static const char *const my[] = {
	"my", "our", "mein", "meine", "meinem", "meinen", "meiner", "meines",
	"unser", "unsere", "unserem", "unseren", "unserer", "ma", "mon", "mes",
	"notre", "nos", "mi", "mis", "nuestro", "nuestra", "mia", "mio", "mie",
	"miei", "nostro", "nostra", NULL
};
/* An order, or a third person having placed or given one. */
static const char *const ordered[] = {
	"ordered", "placed", "bought", "purchased", "order", "gave", "bestellt",
	"gekauft", "bestellung", "geschenkt", "commandé", "commande", "acheté",
	"offert", "pidió", "compró", "hizo", "encargó", "pedido", "compra",
	"regaló", "regalado", "ordinato", "comprato", "fatto", "ordine",
	"regalato", NULL
};
/* Ordering words a third person is the subject of when the relative
 * comes after ("ordered by my mum", "l'ha fatto mia mamma"). */
static const char *const ordered_by[] = {
	"ordered", "placed", "bought", "bestellt", "gekauft", "commandé",
	"acheté", "pidió", "compró", "hizo", "encargó", "ordinato", "comprato",
	"fatto", "regalato", "regalado", "regaló", "offert", "geschenkt", NULL
};
/* by, von, par ... between those and the relative. */
static const char *const by[] = {
	"by", "von", "par", "por", "da", "dalla", "dal", NULL
};
/* The writer as the one an order was for ("per me"), after a relative. */
static const char *const for_me[] = {
	"for me", "für mich", "pour moi", "para mí", "para mi", "per me", NULL
};
/* "I am the ... of": a relative or helper named without "my". */
static const char *const i_am[] = {
	"i'm", "i am", "je suis", "sono", "soy", "ich bin", NULL
};
/* The writer herself as the subject (so "I ordered it for my mum" is
 * the buyer's). */
static const char *const me[] = {
	"i", "ich", "je", "yo", "io", "ho", "we", "wir", "nous", "nosotros",
	"abbiamo", "hemos", "hice", "compré", "pedí", "encargué", NULL
};
/* Said of another person's order outright. */
static const char *const phrases[] = {
	"on behalf of", "her order", "his order", "her email", "his email",
	"her e-mail", "his e-mail", "her address", "his address", "her postcode",
	"his postcode", "son e-mail", "son email", "son mail", "son adresse",
	"son code postal", "seine e-mail", "seine adresse", "la sua mail",
	"la sua email", "la sua e-mail", "il suo indirizzo", "she ordered",
	"he ordered",
	"she placed", "he placed", "she bought", "he bought", "im namen",
	"im auftrag", "seine bestellung", "de la part de", "pour le compte de",
	"au nom de", "sa commande", "elle a commandé", "il a commandé",
	"en nombre de", "de parte de", "ella pidió", "él pidió", "ella compró",
	"él compró", "ella hizo", "a nome di", "per conto di", "da parte di",
	"lei ha ordinato", "lui ha ordinato",
	/* she ordered nothing, someone else did */
	"i didn't order", "i did not order", "i never ordered", "i haven't ordered",
	"i have not ordered", "someone ordered", "somebody ordered", "someone has ordered",
	"je n'ai rien commandé", "je n'ai pas commandé", "je n'ai jamais commandé",
	"quelqu'un a commandé", "a passé la commande", "a passé commande",
	"ich habe nichts bestellt", "ich habe nicht bestellt", "ich habe nie bestellt",
	"jemand hat bestellt", "jemand hat bei ihnen bestellt", "no he pedido",
	"no he comprado", "no pedí", "nunca pedí", "alguien ha pedido", "alguien pidió",
	"non ho ordinato", "non ho comprato", "non ho mai ordinato", "qualcuno ha ordinato",
	"su correo", "su email", "su e-mail", "su código postal", "su dirección", "su pedido",
	NULL
};
/* Writing or asking for a relative ("escribo por mi novia", "I'm
 * asking for my mum", "je vous écris pour ma mère"). */
static const char *const writes[] = {
	"write", "writing", "ask", "asking", "écris", "écrire", "demande", "schreibe",
	"frage", "escribo", "pregunto", "scrivo", "chiedo", NULL
};
static const char *const for_whom[] = { "for", "por", "pour", "für", "per", NULL };

static int
among(const char *const *set, const char *w, size_t n)
{
	for (; *set; set++)
		if (strlen(*set) == n && strncmp(*set, w, n) == 0)
			return 1;
	return 0;
}

/* Is the word at w (n bytes) one of set, or one of set with 's? */
static int
word_is(const char *const *set, const char *w, size_t n)
{
	if (among(set, w, n))
		return 1;
	if (n > 2 && strncmp(w + n - 2, "'s", 2) == 0)
		return among(set, w, n - 2);
	if (n > 4 && strncmp(w + n - 4, "\xe2\x80\x99s", 4) == 0)
		return among(set, w, n - 4);
	return 0;
}

/* The writer herself: "I", "I'd", "j'ai", "ich" ... */
static int
writer(const char *w, size_t n)
{
	return among(me, w, n) || (n > 2 && (w[0] == 'i' || w[0] == 'j') && w[1] == '\'');
}

/* Is the phrase at s, as whole words? */
static int
phrase_at(const char *start, const char *s, const char *phrase)
{
	size_t n = strlen(phrase);

	return (s == start || !isalnum((unsigned char)s[-1])) && strncmp(s, phrase, n) == 0 &&
	       !isalnum((unsigned char)s[n]) && !((unsigned char)s[n] >= 0x80);
}

/* Parents named as children call them, with no "my" ("Papa hat
 * bestellt", "mum ordered it"). */
static const char *const parent[] = {
	"mum", "mom", "mam", "dad", "mama", "papa", "mami", "papi", "mutti", "vati",
	"maman", "mamma", "papà", "mamá", "papá", NULL
};

/* Is the word at i "my <kin>"'s first (so i + 1 is the relative)? */
static int
my_kin(const char *const *w, const size_t *len, size_t n, size_t i)
{
	return i + 1 < n && among(my, w[i], len[i]) && word_is(kin, w[i + 1], len[i + 1]);
}

/* Does the phrase (words apart by one space) start at word i?  The
 * number of its words, or 0. */
static size_t
words_are(const char *const *w, const size_t *len, size_t n, size_t i, const char *phrase)
{
	size_t k = 0;

	for (const char *p = phrase; *p; k++) {
		size_t m = strcspn(p, " ");
		if (i + k >= n || len[i + k] != m || strncmp(w[i + k], p, m) != 0)
			return 0;
		p += m + (p[m] == ' ');
	}
	return k;
}

/* One sentence of lowercase words [s, e), written of an order that is
 * another person's:
 *   one of phrases ("on behalf of", "her e-mail", "sa commande");
 *   "my <kin>'s order";
 *   "my <kin>" then ordering with no "I" between, unless "I ordered"
 *   came first ("I ordered it for my mum"): "my mum ordered", "meine
 *   Tochter hat bestellt";
 *   an order of "my <kin>": "la commande de ma mère", "die Bestellung
 *   meiner Mutter";
 *   ordered by "my <kin>", unless "I ordered": "l'ha fatto mia mamma",
 *   "commandé par ma mère";
 *   "my <kin>" and "for me": "mia madre ... per me";
 *   "I am the <kin> of": "je suis la compagne de", "sono la moglie di";
 *   "<someone>'s <kin>": "Ms. Stone's assistant". */
static int
sentence_for_another(const char *s, const char *e)
{
	static const char *const of[] = { "of", "de", "di", "del", "della", "du", "von", "des",
	                                  NULL };
	static const char *const order_noun[] = { "order", "bestellung", "commande", "pedido",
	                                          "ordine", NULL };
	static const char *const the[] = { "the", "la", "le", "il", "el", "die", "der", NULL };
	const char *w[96];
	size_t len[96], n = 0;
	int kin_at = -1, any_kin = 0, for_me_said = 0;
	int said_i = 0, i_ordered = 0;

	for (const char *p = s; p < e; p++) {
		for (const char *const *ph = phrases; *ph; ph++)
			if (phrase_at(s, p, *ph) && p + strlen(*ph) <= e)
				return 1;
		for (const char *const *ph = for_me; *ph; ph++)
			for_me_said |= phrase_at(s, p, *ph) && p + strlen(*ph) <= e;
	}
	for (const char *p = s; p < e && n < sizeof w / sizeof w[0];) {
		const char *b = p;
		while (p < e && (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80 ||
		                 *p == '\'' || *p == '-'))
			p++;
		if (p > b) {
			w[n] = b;
			len[n++] = (size_t)(p - b);
		} else {
			p++;
		}
	}
	for (size_t i = 0; i < n; i++) {
		if (kin_at < 0 && !i_ordered && among(parent, w[i], len[i]) &&
		    (i == 0 || !among(my, w[i - 1], len[i - 1]))) {
			kin_at = (int)i;     /* as "my <kin>" */
			continue;
		}
		if (my_kin(w, len, n, i)) {
			size_t k = len[i + 1];
			/* "my mum's order" */
			if (i + 2 < n && k > 2 && strncmp(w[i + 1] + k - 2, "'s", 2) == 0 &&
			    among(order_noun, w[i + 2], len[i + 2]))
				return 1;
			any_kin = 1;
			kin_at = i_ordered ? -1 : (int)i;
			i++;
			continue;
		}
		if (among(writes, w[i], len[i]) && i + 1 < n && among(for_whom, w[i + 1], len[i + 1]) &&
		    my_kin(w, len, n, i + 2))
			return 1;
		if (!i_ordered && among(ordered_by, w[i], len[i])) {
			size_t j = i + 1;
			if (j < n && among(by, w[j], len[j]))
				j++;
			if (my_kin(w, len, n, j))
				return 1;
		}
		if (among(order_noun, w[i], len[i])) {
			size_t j = i + 1;
			if (j < n && among(of, w[j], len[j]))
				j++;
			if (my_kin(w, len, n, j))
				return 1;
		}
		for (const char *const *ph = i_am; *ph; ph++) {
			size_t k = words_are(w, len, n, i, *ph);
			if (k && i + k + 1 < n && among(the, w[i + k], len[i + k]) &&
			    word_is(kin, w[i + k + 1], len[i + k + 1]))
				return 1;
		}
		if (len[i] > 2 && strncmp(w[i] + len[i] - 2, "'s", 2) == 0 &&
		    !among(my, w[i], len[i] - 2) && i + 1 < n && among(kin, w[i + 1], len[i + 1]))
			return 1;
		if (kin_at < 0) {
			said_i |= writer(w[i], len[i]);
			i_ordered |= said_i && among(ordered, w[i], len[i]);
			continue;
		}
		if (writer(w[i], len[i]))
			kin_at = -1;     /* "my mum's present: I ordered it" */
		else if (among(ordered_by, w[i], len[i]))
			return 1;
	}
	return any_kin && for_me_said && !i_ordered;
}

/* Do the words speak of the buyer as of someone else: her first name
 * right after a relative or friend, or after one and "of" ("ma copine
 * Inès", "vecina de Carmen Iglesias", "my friend Ines"); her first or
 * family name after a title that follows an article or a preposition
 * ("la signora Franca Esposito", "for Mrs. Carter", "von Frau Weber":
 * one signs "Mrs J. Carter" at a line's start, not "of Mrs Carter")?
 * A sentence's end parts them from the name, but for the stop of a
 * title's abbreviation. */
static int
speaks_of_buyer(const char *words, const char *buyer)
{
	static const char *const of[] = { "of", "de", "di", "del", "von", "du", NULL };
	static const char *const before[] = {
		"the", "of", "for", "to", "from", "la", "le", "les", "de", "du", "des", "della",
		"dalla", "alla", "al", "del", "di", "per", "pour", "para", "der", "die", "von",
		"für", "a", "à", "el", "los", "las", NULL
	};
	static const char *const title[] = {
		"mrs", "ms", "mr", "miss", "frau", "herr", "mme", "madame", "monsieur",
		"signora", "signor", "signore", "sig", "sigra", "señora", "señor", "sra", "sr",
		"doña", "don", "dr", "dott", "dottoressa", NULL
	};
	char given[64] = "", family[64] = "", name[64];
	const char *t[2] = { NULL, NULL };     /* the word before, and the one before it */
	size_t tn[2] = { 0, 0 };
	int names = 0;

	for (const char *p = buyer; name_word(&p, name, sizeof name);) {
		if (!names++)
			memcpy(given, name, sizeof name);
		memcpy(family, name, sizeof name);
	}
	if (strlen(given) < 2)
		return 0;
	for (const char *p = words; *p;) {
		const char *b = p;
		while (*p && (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80 ||
		              *p == '\'' || *p == '-'))
			p++;
		if (p == b) {
			if (strchr(".!?;\n", *p) && !(*p == '.' && t[0] && among(title, t[0], tn[0])))
				t[0] = t[1] = NULL;
			p++;
			continue;
		}
		const char *q = b;
		if (t[0] && name_word(&q, name, sizeof name) && q >= p) {
			int is_given = strcmp(name, given) == 0;
			if (is_given && names >= 2 &&
			    (word_is(kin, t[0], tn[0]) ||
			     (t[1] && among(of, t[0], tn[0]) && word_is(kin, t[1], tn[1]))))
				return 1;
			if (t[1] && strlen(given) >= 3 && among(title, t[0], tn[0]) &&
			    among(before, t[1], tn[1]) &&
			    (is_given || (strlen(family) >= 3 && strcmp(name, family) == 0)))
				return 1;
		}
		t[1] = t[0];
		tn[1] = tn[0];
		t[0] = b;
		tn[0] = (size_t)(p - b);
	}
	return 0;
}

/* Does the sender show herself by a one-word name that is not the
 * buyer's, as her display name and again in her words as she signs or
 * introduces herself ("Sara", "io sono Sara")? */
static int words_name(const char *words, const char *w);

static int
shows_other_name(const char *words, const char *sender, const char *buyer)
{
	char w[64];
	const char *p = sender;

	if (!sender || !words || !buyer || strchr(sender, ' ') || !name_word(&p, w, sizeof w) ||
	    *p || strlen(w) < 3)
		return 0;     /* a name of two words is "another name"'s; a handle is none */
	return !name_has(buyer, w) && words_name(words, w);
}

const char *
omni_link_not_buyer(const char *words, const char *sender, const char *buyer)
{
	char a[64], b[64];

	if (given_name(sender, a, sizeof a) && given_name(buyer, b, sizeof b)) {
		/* two given names, neither in the other's name (Petra Weiß is
		 * not Jürgen Weiß); or an initial and nothing in common (M.
		 * Keller is not Felix Schulz) */
		if (strlen(a) >= 2 && strlen(b) >= 2 ? !name_has(buyer, a) && !name_has(sender, b) :
		    a[0] != b[0] && !shares(sender, buyer))
			return "another name";
	}
	if (shows_other_name(words, sender, buyer))
		return "another name";
	if (words && buyer && speaks_of_buyer(words, buyer))
		return "written for another";
	for (const char *s = words ? words : ""; *s;) {
		const char *e = s + strcspn(s, ".!?;\n");
		if (sentence_for_another(s, e))
			return "written for another";
		s = *e ? e + 1 : e;
	}
	return NULL;
}

/* Do the words show the writer by the name whose first word is w
 * (lowercase, accents dropped), or a name it is called by (Tom for
 * Thomas): as she signs (a line that starts with it) or introduces
 * herself ("c'est Yannick", "sono Valentina")?  Not a
 * part of an address or a handle ("hannah.schmid@example.de"), nor the
 * name of someone she writes about ("la signora Franca Esposito"). */
static int
words_name(const char *words, const char *w)
{
	/* besides i_am's */
	static const char *const intro[] = {
		"it's", "this is", "here is", "c'est", "ici", "qui", "aqu\xc3\xad",
		"hier ist", "hier", NULL
	};
	static const char *const *const intros[] = { i_am, intro };
	char name[64];
	int called_by = nickname_of(w, w);     /* the name has names it is called by */

	for (const char *p = words, *b; (b = p, name_word(&p, name, sizeof name));) {
		while (*b && !isalpha((unsigned char)*b) && (unsigned char)*b < 0x80)
			b++;     /* where name_word's word began */
		int joined = (b > words && strchr(".@_-", b[-1])) || *p == '@' || *p == '_' ||
		             (*p == '.' && isalnum((unsigned char)p[1]));
		if (joined || (strcmp(name, w) != 0 && !(called_by && nickname_of(name, w))))
			continue;
		const char *line = b;
		while (line > words && line[-1] != '\n' &&
		       (line[-1] == ' ' || line[-1] == '-' || line[-1] == ',' || line[-1] == '\t'))
			line--;
		if (line == words || line[-1] == '\n')
			return 1;     /* a signature, or a line of its own */
		const char *e = b;
		while (e > words && (e[-1] == ' ' || e[-1] == ','))
			e--;
		for (size_t k = 0; k < 2; k++)
			for (const char *const *in = intros[k]; *in; in++) {
				size_t n = strlen(*in);
				if ((size_t)(e - words) >= n && strncmp(e - n, *in, n) == 0 &&
				    (e - n == words || !isalnum((unsigned char)e[-n - 1])))
					return 1;
			}
	}
	return 0;
}

int
omni_link_shows_buyer(const char *sender, const char *words, const char *buyer)
{
	char b[64];

	if (!buyer)
		return 0;
	if (!given_name(buyer, b, sizeof b)) {
		const char *p = buyer;
		if (!name_word(&p, b, sizeof b))
			return 0;
	}
	if (strlen(b) < 2)
		return 0;
	if ((sender && name_has(sender, b)) || (words && words_name(words, b)))
		return 1;
	/* a handle of her initial and family name ("tbrooks", "t.brooks") */
	char family[64] = "", w[64];
	for (const char *p = buyer; name_word(&p, w, sizeof w);)
		memcpy(family, w, sizeof w);
	for (const char *p = sender ? sender : ""; name_word(&p, w, sizeof w);) {
		if (strlen(family) >= 3 && w[0] == b[0] && strcmp(w + 1, family) == 0)
			return 1;
		if (strcmp(w, b) != 0 && strlen(w) == 1 && w[0] == b[0] && *p == '.' &&
		    name_word(&p, w, sizeof w) && strcmp(w, family) == 0)
			return 1;
	}
	return 0;
}

/* The address without its dots, hyphens and underscores, into buf. */
static const char *
bare_address(const char *s, char *buf, size_t size)
{
	size_t n = 0;

	for (; s && *s && n + 1 < size; s++)
		if (!strchr(".-_", *s))
			buf[n++] = *s;
	buf[n] = '\0';
	return buf;
}

int
omni_link_lookalike(const char *x, const char *y)
{
	/* the edit distance, up to 3, of two addresses, their dots, hyphens
	 * and underscores aside (federicarusso@ is federica.russo@ writing
	 * from another mailbox of hers, not a lookalike) */
	char ba[130], bb[130];
	const char *a = bare_address(x, ba, sizeof ba), *b = bare_address(y, bb, sizeof bb);
	size_t n = strlen(a), m = strlen(b);
	unsigned d[2][130];

	if (n < 6 || m < 6 || n > 128 || m > 128 || (n > m ? n - m : m - n) > 2 ||
	    strcmp(a, b) == 0)
		return 0;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = (unsigned)j;
	for (size_t i = 1; i <= n; i++) {
		unsigned *prev = d[(i - 1) & 1], *cur = d[i & 1], best;
		cur[0] = best = (unsigned)i;
		for (size_t j = 1; j <= m; j++) {
			unsigned c = prev[j - 1] + (a[i - 1] != b[j - 1]);
			if (prev[j] + 1 < c)
				c = prev[j] + 1;
			if (cur[j - 1] + 1 < c)
				c = cur[j - 1] + 1;
			cur[j] = c;
			if (c < best)
				best = c;
		}
		if (best > 2)
			return 0;
	}
	return d[n & 1][m] <= 2;
}
