/* route.h - omni-route: the lexicons, reading a ticket, applying the rules, the SLA
 * clocks of one ticket, assignment, writing the routed ticket. */
#ifndef OMNI_ROUTE_ROUTE_H
#define OMNI_ROUTE_ROUTE_H

#include "core/core.h"
#include "record/record.h"
#include "store/store.h"
#include "rules/rules.h"

// route_text.c, route_eval.c, route_ticket.c, route_write.c, route_assign.c -
// omni-route (the rules file and the SLA arithmetic are in lib/rules/)

typedef struct omni_lexicon omni_lexicon;
/* Loads every *.lex file of each directory, in order (a missing directory
 * adds nothing).  0 and *out (new); -1 with err (78 naming file and line). */
int omni_lexicon_load(const char *const *dirs, size_t ndirs, omni_lexicon **out,
                      omni_error *err);
void omni_lexicon_free(omni_lexicon *lx);
int omni_lexicon_langs(const omni_lexicon *lx);
/* What the words say; names borrowed from lx ("und", "other", "neutral"
 * when unsure); person: the words ask for a person ("person" phrases). */
typedef struct omni_guess {
	const char *lang, *intent, *sentiment;
	double lang_score, intent_score;
	int person;
} omni_guess;
void omni_lexicon_classify(const omni_lexicon *lx, const char *text, size_t len,
                           omni_guess *g);

// route_model.c, route_train.c - the intent model: a linear model over the
// Snowball stems, stem pairs and letter 4-grams of the customer's words

typedef struct omni_model omni_model;
/* Reads a model file that omni_model_train wrote.  0 and *out (new); -1
 * with err (66 missing, 78 not a model). */
int omni_model_load(const char *path, omni_model **out, omni_error *err);
void omni_model_free(omni_model *m);
/* The intents the model knows, and how many features it holds. */
int omni_model_classes(const omni_model *m);
long omni_model_rows(const omni_model *m);
/* The name of the model's intent i, 0 <= i < omni_model_classes (borrowed). */
const char *omni_model_class(const omni_model *m, int i);

// route_ask.c - a second opinion on an intent the model is not sure of,
// from an OpenAI-compatible chat endpoint (the HTTP call is the caller's)

#define OMNI_ROUTE_ASK_TEXT 2000  /* bytes of the text sent */
/* The chat completions request (JSON) that asks which of m's intents the
 * text is, for the endpoint's model llm (NULL: none named).  New, or NULL
 * out of memory. */
char *omni_route_ask_body(const omni_model *m, const char *llm, const char *lang,
                          const char *text, size_t len);
/* The intent of m's that the answer's choices[0].message.content names
 * (alone, or the one name among its words): borrowed from m, or NULL. */
const char *omni_route_ask_answer(const omni_model *m, const char *body, size_t len);
/* The caller's second opinion on text, whose model's guess is under the
 * threshold: an intent name of m's (borrowed from m), or NULL to keep the
 * model's. */
typedef const char *omni_route_ask_fn(void *arg, const omni_model *m, const char *lang,
                                      const char *text, size_t len);
#define OMNI_MODEL_EXPLAIN 6
/* The model's decision on text (its language lang, as the lexicons saw
 * it, or "und").  Names borrowed from m.  With explain, why holds the
 * features that weighed most for the intent (borrowed from m, good until
 * the next call). */
typedef struct omni_model_guess {
	const char *intent;
	double confidence;       /* 0 to 1 */
	const char *why;         /* NULL unless asked */
} omni_model_guess;
void omni_model_classify(omni_model *m, const char *lang, const char *text, size_t len,
                         int explain, omni_model_guess *g);
/* Trains a model on the labelled examples of the files named (LANG TAB
 * INTENT TAB TEXT lines; '#' comments), each text's language as lx sees
 * it, and writes it to out_path.  Counts what it read into *nexamples.
 * 0, or -1 with err (65 naming a bad line, 66, 73). */
int omni_model_train(const omni_lexicon *lx, const char *const *paths, size_t npaths,
                     const char *out_path, long *nexamples, omni_error *err);

#define OMNI_ROUTE_MAX 64
#define OMNI_ROUTE_MSGS 512
/* One ticket's routing, read and set by the rules.  Strings borrowed from
 * the rules, the lexicon, or arena. */
typedef struct omni_route {
	const omni_record *rec;
	omni_time now, created, updated;   /* 0 unknown */
	const char *text;
	const char *lang, *intent, *sentiment, *status;
	double intent_confidence;    /* the model's, or 1 for a rule's intent */
	const char *intent_why;      /* with explain: why the intent, or NULL */
	const char *priority;
	int score;
	const char *queue, *assignee, *policy;
	const char *tags[OMNI_ROUTE_MAX];
	size_t ntags;
	const omni_rule *matched[OMNI_ROUTE_MAX];
	size_t nmatched;
	char *why[OMNI_ROUTE_MAX];    /* with explain: new, one per match */
	int explain;
	const char *cached_key[16];   /* record members the rules have read */
	omni_span cached[16];
	size_t ncached;
	char arena[4096];
	size_t arena_used;
	omni_rmsg msgs[OMNI_ROUTE_MSGS];   /* the messages with a time, as read */
	size_t nmsgs;
	int claim;                    /* kind claim: the marketplace's notice */
	/* Who wrote the messages in: a customer (author customer or none) or
	 * the system (author system, or mail a machine wrote: "auto"), and
	 * whether one of those is an out-of-office reply. */
	size_t nfrom_customer, nfrom_system;
	int out_of_office;
	/* The latest request: the customer's messages since the last reply
	 * (nlatest of them; 0: none), classified on their own. */
	size_t nlatest, latest_len;
	omni_guess latest;
	char latest_text[4096];
	/* The second opinion asked when the model's confidence in the
	 * ticket's intent is under the threshold; NULL: none.  Set by the
	 * caller, kept from ticket to ticket. */
	omni_route_ask_fn *ask;
	void *ask_arg;
} omni_route;

/* Reads rec into r (cleared first) in one walk of its messages: the
 * customer's text into text (size bytes, for the classifier and the rules),
 * times, status, tags and assignee, the language and sentiment from lx,
 * and the intent: a kind of claim or return, else, when only the system
 * wrote (a carrier's or marketplace's notice), a non-request (the model's
 * when it is sure of one, else autoreply for an out-of-office, else
 * notification), else a phrase of lx's, else
 * the model's (m may be NULL) when its confidence is at least threshold,
 * else r->ask's second opinion, else "other"; the same guess for the latest request alone (r->latest,
 * r->nlatest).  r->now is the clock. */
void omni_route_read(omni_route *r, const omni_record *rec, const omni_lexicon *lx,
                     omni_model *m, double threshold, char *text, size_t size);

/* Copies s into r->arena: borrowed from r, or NULL when full. */
const char *omni_route_keep(omni_route *r, const char *s, size_t n);
/* A top-level member of r->rec, remembered for the ticket. */
omni_span omni_route_member(const omni_route *r, const char *key);
/* Finds the members named in keys (NULL-terminated, at most 16, kept
 * borrowed) in one pass over the record. */
void omni_route_index(omni_route *r, const char *const *keys);
/* Applies every rule in order until a "stop". */
void omni_rules_apply(const omni_rules *rs, omni_route *r);
void omni_route_clear(omni_route *r);

/* The ticket as the SLA clocks see it (omni_sla_compute): borrowed from r. */
void omni_route_sla_ticket(const omni_route *r, omni_sla_ticket *t);

/* Writes routed tickets to out (borrowed): the record with lang, intent,
 * sentiment, latest, priority, priority_score, queue, assignee, tags, sla (from
 * policy and sla; null when policy is NULL) and route set, everything else
 * byte for byte.  New, or NULL out of memory. */
typedef struct omni_route_writer omni_route_writer;
omni_route_writer *omni_route_writer_new(omni_out *out);
void omni_route_writer_free(omni_route_writer *w);
/* 0, or -1 when the output failed (omni_out_close says why). */
int omni_route_write(omni_route_writer *w, const omni_route *rt, const char *policy,
                     const omni_sla *sla);

/* Assignment inside a queue, the load kept in the store (borrowed; it
 * outlives the omni_assign). */
typedef struct omni_assign omni_assign;
int omni_assign_new(omni_store *s, omni_assign **out, omni_error *err);
void omni_assign_free(omni_assign *a);
/* Sets r->assignee for ticket id (NULL: nothing done) by r->queue's assign
 * block, in one BEGIN IMMEDIATE transaction: an assignee r already has
 * wins; a ticket seen again keeps its agent; a solved or closed one frees
 * its agent's slot; with every agent at the cap, the tag unassigned:cap.
 * 0, or -1 with err. */
int omni_assign_route(omni_assign *a, const omni_rules *rs, omni_route *r, const char *id,
                      omni_error *err);

#endif
