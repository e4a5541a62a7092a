/* record.h - the record stream: the lazy JSON reader, input lines, buffered output,
 * edits that copy untouched members byte for byte.  libc only. */
#ifndef OMNI_RECORD_RECORD_H
#define OMNI_RECORD_RECORD_H

#include "core/core.h"

// json.c - the lazy record reader (ARCHITECTURE.md, "The hot path")

#define OMNI_JSON_MAX_DEPTH 512

/* A byte span inside a line; p == NULL means absent. */
typedef struct omni_span {
	const char *p;
	size_t n;
} omni_span;

typedef enum omni_jtype {
	OMNI_J_ABSENT = 0,
	OMNI_J_NULL,
	OMNI_J_FALSE,
	OMNI_J_TRUE,
	OMNI_J_NUMBER,
	OMNI_J_STRING,
	OMNI_J_ARRAY,
	OMNI_J_OBJECT,
} omni_jtype;

/* A top-level member: key is the raw text between the quotes (escapes not
 * decoded), value the raw JSON text of the value. */
typedef struct omni_member {
	omni_span key;
	omni_span value;
} omni_member;

/* One parsed line.  Spans point into text, which the record borrows. */
typedef struct omni_record {
	const char *text;
	size_t len;
	omni_member *members;
	size_t nmembers, cap;
	int nul;             /* some string or key holds U+0000 (\u0000) */
	int key_escaped;     /* some top-level key holds an escape */
	/* Seen on the one pass, for omni_ticket_check: the first element of
	 * "messages" that is not an object, or whose "at" is not a time
	 * (absent when none), and its index. */
	omni_span bad_message, bad_at;
	size_t bad_index;
	omni_span first_at, last_at;   /* the first and last valid "at" */
} omni_record;

void omni_record_init(omni_record *r);
void omni_record_free(omni_record *r);
/* One validating pass (structure, UTF-8, depth <= OMNI_JSON_MAX_DEPTH,
 * top level an object, nothing after it but whitespace) that indexes the
 * top-level members.  text is borrowed and must outlive the record's use.
 * 0 ok; -1 with err (status 65, column = 1-based byte column). */
int omni_record_parse(omni_record *r, const char *text, size_t len,
                      omni_error *err);
/* The value of a top-level member (the last one if a key repeats). */
omni_span omni_record_get(const omni_record *r, const char *key);

/* Walking validated values. */
omni_jtype omni_json_type(omni_span v);
typedef struct omni_jiter {
	const char *p, *end;
	int object;
} omni_jiter;
/* Starts an iteration over an array or object (else yields nothing). */
void omni_json_iter(omni_jiter *it, omni_span container);
/* 1 and the next element (key left absent for arrays; key may be NULL);
 * 0 at the end. */
int omni_json_next(omni_jiter *it, omni_span *key, omni_span *value);
/* Member of an object by decoded key, or an absent span. */
omni_span omni_json_get(omni_span object, const char *key);
/* The members keys[0..n) of an object in one walk of it, each as
 * omni_json_get gives it (n at most OMNI_JSON_GET_ALL_MAX): a message's
 * text is skipped once, not once per member looked up. */
#define OMNI_JSON_GET_ALL_MAX 8
void omni_json_get_all(omni_span object, const char *const *keys, omni_span *out, size_t n);
/* Array element by index, or an absent span. */
omni_span omni_json_at(omni_span array, size_t index);
/* Does a raw key span (as omni_json_next gives it) decode to s? */
int omni_json_key_eq(omni_span rawkey, const char *s);

/* Decoding.  A string's decoded text, NUL-terminated: new, or NULL when v
 * is not a string (len may be NULL). */
char *omni_json_string(omni_span v, size_t *len);
/* Decodes into buf (always NUL-terminated); returns the decoded length, or
 * -1 when v is not a string or does not fit. */
long omni_json_string_buf(omni_span v, char *buf, size_t size);
int omni_json_string_eq(omni_span v, const char *s);
/* Where a string value (or a raw key, as omni_json_next gives it) holds
 * U+0000: the escape's backslash (borrowed), or NULL. */
const char *omni_json_nul(omni_span v);
/* 0 and the value; -1 when v is not a number (or, for int64, not an
 * integer that fits). */
int omni_json_number(omni_span v, double *out);
int omni_json_int64(omni_span v, int64_t *out);

/* ------------------------------------------------------------------ */
// message.c - what a message of a ticket is

enum { OMNI_MSG_OTHER, OMNI_MSG_CUSTOMER, OMNI_MSG_REPLY };
/* A customer's message (inbound, author customer or none), a reply
 * (outbound, by an agent or the bot) or another (a system notice, a note),
 * and its "at" (absent when it has none; at may be NULL), in one walk that
 * leaves the text unread. */
int omni_message_class(omni_span m, omni_span *at);

/* What a long ticket's "earlier" member says of the messages its record
 * leaves out (omni-ticket(5), "Long tickets"): how many, how many of them
 * the customer's and replies, the first customer message's time and the
 * first reply at or after it (OMNI_TIME_NONE: none). */
typedef struct omni_earlier {
	int64_t messages, customer, replies;
	omni_time first_customer, first_reply;
	omni_time first_agent;    /* the first reply by a person (author agent) */
} omni_earlier;
/* Reads v (absent or null: nothing left out).  0, or -1 when it is not
 * such an object (e all nothing then). */
int omni_earlier_read(omni_span v, omni_earlier *e);

/* ------------------------------------------------------------------ */
// out.c - buffered output

typedef struct omni_out omni_out;

/* A buffered writer on fd (new).  Writes at most 256 KiB at a time. */
omni_out *omni_out_new(int fd);
/* 0 ok; -1 after a write error (kept: later calls fail at once). */
int omni_out_write(omni_out *o, const void *buf, size_t len);
int omni_out_flush(omni_out *o);
/* A writer into memory: omni_out_take gives what was written. */
omni_out *omni_out_new_mem(void);
/* Flushes and frees o: its text (NUL-terminated, new; *len its length),
 * or NULL out of memory. */
char *omni_out_take(omni_out *o, size_t *len);
/* A writer into memory, kept: what was written since it was made or
 * cleared (borrowed until the next write; not NUL-terminated), or NULL
 * out of memory; and forgetting it. */
const char *omni_out_text(omni_out *o, size_t *len);
void omni_out_clear(omni_out *o);
/* Is this the end of the pipeline: a file, a terminal, /dev/null, not a
 * pipe or a socket into another program?  1 or 0. */
int omni_out_end(const omni_out *o);
/* Flushes, and for a file waits until it is on disk.  0 or -1. */
int omni_out_sync(omni_out *o);
/* Did a write fail because the reader closed the pipe (EPIPE)? */
int omni_out_broken_pipe(const omni_out *o);
/* Flushes and frees.  0 ok or a closed pipe; 74 with err on a write error
 * (where = "stdout" or the name given to omni_out_set_name). */
int omni_out_close(omni_out *o, omni_error *err);
void omni_out_set_name(omni_out *o, const char *name);

/* ------------------------------------------------------------------ */
// edit.c - writing a record with some members changed

typedef struct omni_edit omni_edit;

omni_edit *omni_edit_new(void);
void omni_edit_free(omni_edit *e);
/* Forget every change (reuse the edit for the next record). */
void omni_edit_reset(omni_edit *e);
/* Set key to raw JSON text (copied, trusted to be valid, compact). */
int omni_edit_set_raw(omni_edit *e, const char *key, const char *json,
                      size_t len);
int omni_edit_remove(omni_edit *e, const char *key);
/* Writes the record: every member in order, copied byte for byte unless
 * set (replaced in place) or removed; new keys appended in the order they
 * were set; then "\n".  e may be NULL (the line as is).  0 or -1. */
int omni_record_write(omni_out *o, const omni_record *r, const omni_edit *e);

/* ------------------------------------------------------------------ */
// input.c - lines from the files named as arguments, else stdin

typedef struct omni_input omni_input;

/* paths borrowed; npaths 0 means stdin; "-" means stdin. */
omni_input *omni_input_new(char *const *paths, int npaths);
void omni_input_free(omni_input *in);
/* 1: a line, NUL-terminated, without its LF or CR LF, never blank;
 *    borrowed until the next call.
 * 0: end of every input.
 * -1: err filled (66 cannot open, 74 read error). */
int omni_input_next(omni_input *in, char **line, size_t *len, omni_error *err);
const char *omni_input_name(const omni_input *in);   /* "stdin" or path */
long omni_input_lineno(const omni_input *in);

/* ------------------------------------------------------------------ */
// ticket.c - is a record a ticket (omni-ticket(5))

/* 0 when rec has "omni" (a number) and an id (a non-empty string), a
 * channel that is one too or null or absent, times that are RFC 3339 strings or null (created_at,
 * updated_at, solved_at, each message's at) and messages an array of
 * objects; else -1 with err (65, "not a ticket: MEMBER ...", its column). */
int omni_ticket_check(const omni_record *rec, omni_error *err);

/* ------------------------------------------------------------------ */
// reader.c - ticket records from input, with --keep-going

typedef struct omni_reader omni_reader;

/* reject: where malformed lines go verbatim under keep_going (borrowed;
 * may be NULL: then they are only counted). */
omni_reader *omni_reader_new(char *const *paths, int npaths, int keep_going,
                             FILE *reject);
void omni_reader_free(omni_reader *r);
/* 1: a record (borrowed until the next call).
 * 0: end.
 * 2: a malformed line was set aside under keep_going; err says why.
 * -1: err filled: 65 malformed (bad JSON, not an object, invalid UTF-8, a
 *     newer major "omni" version, not a ticket: omni_ticket_check), 66, 74. */
int omni_reader_next(omni_reader *r, omni_record **rec, omni_error *err);
/* The checks omni_reader_next makes of a parsed ticket line (its format
 * version, whole ids, omni_ticket_check), for a line read another way:
 * 0, or -1 with err (65). */
int omni_reader_check(const omni_record *rec, omni_error *err);
/* Reads any JSON object, not only tickets (a tool's own records). */
void omni_reader_any_object(omni_reader *r);
long omni_reader_rejected(const omni_reader *r);
/* Where the last record came from: "stdin" or its path, and its line
 * number (for errors found after reading, e.g. by a linker). */
const char *omni_reader_name(const omni_reader *r);
long omni_reader_lineno(const omni_reader *r);

#endif
