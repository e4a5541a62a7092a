/* desk.h - omni-desk: a person's turn at the tickets, from a terminal: the
 * queue, a ticket read as a timeline, the file an answer is written in. */
#ifndef OMNI_DESK_DESK_H
#define OMNI_DESK_DESK_H

#include <stddef.h>
#include <stdio.h>

#include "core/core.h"
#include "record/record.h"
#include "store/store.h"

// desk_set.c - the tickets file: each ticket's latest version

typedef struct omni_desk_ticket {
	char *text;               /* its latest line, without the newline */
	size_t len;
	omni_record rec;          /* parsed over text */
	char *id;
	int gone;                 /* absorbed by another (its merged_from, or
	                           * desk.merged_into) */
} omni_desk_ticket;

typedef struct omni_desk_set {
	omni_desk_ticket **v;
	size_t n, cap;
	size_t *slots, nslots;    /* ids to 1 + index in v; 0 empty */
} omni_desk_set;

/* rec (copied) is the latest version of its ticket; a ticket it names in
 * merged_from is gone.  0 or -1 with err (out of memory). */
int omni_desk_set_add(omni_desk_set *s, const omni_record *rec, omni_error *err);
void omni_desk_set_free(omni_desk_set *s);
/* The ticket of exactly this id, gone or not: borrowed, or NULL. */
omni_desk_ticket *omni_desk_set_get(omni_desk_set *s, const char *id);
/* The ticket of this id, or the one ticket whose id starts with it:
 * borrowed, or NULL with err (65 none, 64 more than one). */
omni_desk_ticket *omni_desk_find(omni_desk_set *s, const char *id, omni_error *err);

// desk_queue.c - the tickets waiting for an answer, most urgent first

/* What the queue keeps: NULL members pass everything. */
typedef struct omni_desk_filter {
	const char *queue, *assignee, *channel, *store, *priority, *tag;
} omni_desk_filter;

typedef struct omni_desk_row {
	omni_desk_ticket *t;      /* borrowed from the set */
	omni_time due;            /* OMNI_TIME_NONE: no clock runs */
	omni_time created;        /* OMNI_TIME_NONE: unknown */
	int breached;
} omni_desk_row;

/* A ticket's assignee and tags as people left them: its desk member's,
 * else routing's.  The assignee new or NULL; 1 when the ticket has tag. */
char *omni_desk_assignee(const omni_record *rec);
int omni_desk_has_tag(const omni_record *rec, const char *tag);
/* The customer's e-mail address (email, else the first of emails): new
 * or NULL. */
char *omni_desk_customer_email(omni_span customer);
/* The tickets of s waiting for an answer (status new or open, or none)
 * that pass f and are not snoozed past now: breached first, then by due
 * time, then the oldest.  New array of *n rows, or NULL with err (also
 * for none: *n 0 and err->status 0). */
omni_desk_row *omni_desk_queue(omni_desk_set *s, const omni_desk_filter *f,
                               omni_time now, size_t *n, omni_error *err);
/* One line for a terminal of at most width columns: due, age, channel,
 * customer, subject.  New. */
char *omni_desk_line(const omni_desk_row *r, omni_time now, int width);

// desk_show.c - a ticket as a timeline

/* Plain text for a terminal and a pager: the ticket's heading and what
 * routing decided, every message and every person's action in time
 * order (quoted mail trimmed, HTML-only mail as text), the orders with
 * their items, tracking and refunds, the customer's other tickets.
 * New, or NULL (out of memory). */
char *omni_desk_timeline(const omni_record *rec);
/* The same with the messages of the JSON array msgs (a long ticket's
 * whole conversation, from the store) instead of the record's. */
char *omni_desk_timeline_with(const omni_record *rec, omni_span msgs);
/* A message's text without the mail it quotes ("> " lines, "On ...
 * wrote:" and what follows): new. */
char *omni_desk_trim_quoted(const char *text);

// desk_answer.c - the file an answer is written in

/* The line below which the answer file is ignored. */
extern const char omni_desk_scissors[];
/* The file the editor opens: the draft, the scissors, the reasons the
 * last try was refused (may be NULL), the timeline.  New. */
char *omni_desk_answer_file(const char *draft, const char *const *why, size_t nwhy,
                            const char *timeline);
/* The answer in what the editor left: the text above the scissors,
 * trailing blanks and blank lines dropped.  New ("" when empty). */
char *omni_desk_answer_text(const char *file, size_t len);

// desk_store.c - omni-desk's SQL

/* fn gets the id of each ticket the store keeps that is not closed, the
 * latest first, at most max.  How many, or -1 with err. */
/* Every message of a long ticket as a JSON array: those its record left
 * out, from the store, oldest first, then those of shown (its line's
 * messages).  New, or NULL with err. */
char *omni_desk_store_messages(omni_store *s, const char *ticket, omni_span shown,
                               omni_error *err);
long omni_desk_store_ids(omni_store *s, long max, void (*fn)(void *, const char *),
                         void *arg, omni_error *err);

// desk_file.c - a command's context and its tickets file

typedef struct omni_desk_ctx {
	const char *config_path, *db_path, *tickets, *now_arg;   /* borrowed; NULL: defaults */
	int keep_going, solve;
	omni_config *config;      /* borrowed */
	omni_store *store;        /* opened when needed; the caller closes it */
	omni_desk_set set;        /* the tickets read; the caller frees it */
	FILE *reject;             /* --reject, with keep_going */
	char who[128];            /* the author of the actions */
	/* What the person is told (cmd/ prints it), and a record set aside
	 * under keep_going; NULL: nothing said. */
	void (*warn)(const char *msg);
	void (*report)(const omni_error *err);
	const char *sent;         /* omni_desk_answer: the id of the ticket answered */
	int loaded;               /* the whole tickets file is in set */
} omni_desk_ctx;

/* msg formatted, to c->warn. */
void omni_desk_say(const omni_desk_ctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The tickets file: -f, $OMNI_TICKETS, or the crontab's.  New, or NULL. */
char *omni_desk_tickets_path(const omni_desk_ctx *c);
/* The tickets of the files (none: stdin) into c->set: 0, 1 when some
 * were set aside (keep_going), -1 with err. */
int omni_desk_load(omni_desk_ctx *c, char **paths, int npaths, omni_error *err);
/* The same for the tickets file. */
int omni_desk_load_file(omni_desk_ctx *c, omni_error *err);
/* The ticket of id (or the one whose id starts so) in the tickets file,
 * its line found by the index (else the whole file read once): borrowed
 * from c->set, or NULL with err. */
omni_desk_ticket *omni_desk_ticket_of(omni_desk_ctx *c, const char *id, omni_error *err);
/* rec with the edits e (may be NULL) appended to the tickets file in one
 * write.  0, or -1 with err (74). */
int omni_desk_append(omni_desk_ctx *c, const omni_record *rec, const omni_edit *e,
                     omni_error *err);

// desk_act.c - what a person does to a ticket

/* verb (value may be NULL) recorded on ticket id in the store with who
 * and when, and status moved (solve, reopen, pending; NULL: kept); then
 * rec's next version, which shows it, appended.  0, or -1 with err. */
int omni_desk_record(omni_desk_ctx *c, const omni_record *rec, const char *id,
                     const char *verb, const char *value, const char *status,
                     omni_error *err);
/* "2026-12-08T09:00:00Z", or 30m, 4h, 2d, 1w from now: 0, or -1. */
int omni_desk_snooze_time(const char *s, omni_time *out);
/* omni-link --unmerge what: both conversations appended, the split
 * recorded.  0, omni-link's exit status, or -1 with err. */
int omni_desk_split(omni_desk_ctx *c, const omni_desk_ticket *t, const char *what,
                    omni_error *err);
/* other's conversation joins t's (omni_link_merge); both versions
 * appended, merge and merged recorded.  0, or -1 with err. */
int omni_desk_merge(omni_desk_ctx *c, const omni_desk_ticket *t, const char *other,
                    omni_error *err);

// desk_send.c - an answer, written in the editor and sent once

/* The answer to ticket id: written in $VISUAL or $EDITOR from its draft
 * until the lint and omni-reply take it, sent by omni-reply --send
 * --human, recorded (c->sent set).  0 (also: nothing to send), an exit
 * status (not sent, said), or -1 with err. */
int omni_desk_answer(omni_desk_ctx *c, const char *id, omni_error *err);

// desk_index.c - each ticket's last line in the tickets file

/* The line of ticket id in the tickets file at path (exact, else the one
 * ticket whose id starts so, as omni_desk_find), through the index beside
 * it (path.idx), brought up to date first.  1 and *line (new, *len its
 * length, no line end); 0 when the index cannot serve (read the whole
 * file); -1 with err (65 none, 64 more than one). */
int omni_desk_index_line(const char *path, const char *id, char **line, size_t *len,
                         omni_error *err);

// desk_run.c - the editor and the pipeline's programs

/* Runs argv (a program on PATH) with stdin from in_path (NULL: ours) and
 * stdout into *out (new, *outlen its length; out NULL: ours).  Its exit
 * status (127: it could not be run), or -1 with err. */
int omni_desk_run(char *const *argv, const char *in_path, char **out, size_t *outlen,
                  omni_error *err);
/* $VISUAL, else $EDITOR, else vi, on path, through sh as git runs it.
 * 0, or -1 with err (69: the editor failed). */
int omni_desk_edit(const char *path, omni_error *err);
/* text into the file path, which exists.  0, or -1 with err (74). */
int omni_desk_file_write(const char *path, const char *text, omni_error *err);
/* The file's text (new, *len its length), or NULL. */
char *omni_desk_file_read(const char *path, size_t *len);

#endif
