/* reply_ledger.c - the send ledger: a reply is recorded "pending" in a
 * committed transaction before it leaves, and "sent" after, so a run that
 * dies in between leaves a trace that the next run reports instead of
 * sending again (omni-reply(1), EXACTLY ONCE). */
#include <stdlib.h>
#include <string.h>

#include "omni.h"

/* SHA-256 (FIPS 180-4), for the reply digest in ledger keys. */
static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void
block(uint32_t h[8], const unsigned char *p)
{
	uint32_t w[64], a, b, c, d, e, f, g, k;

	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		       (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (int i = 16; i < 64; i++) {
		uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
		uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
	for (int i = 0; i < 64; i++) {
		uint32_t t1 = k + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
		uint32_t t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
		k = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
	}
	h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += k;
}

void
omni_sha256_hex(const void *data, size_t len, char hex[65])
{
	uint32_t h[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
	                  0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
	const unsigned char *p = data;
	unsigned char tail[128] = { 0 };
	size_t i, rest;
	uint64_t bits = (uint64_t)len * 8;

	for (i = 0; i + 64 <= len; i += 64)
		block(h, p + i);
	rest = len - i;
	if (rest)
		memcpy(tail, p + i, rest);
	tail[rest] = 0x80;
	size_t total = rest + 9 <= 64 ? 64 : 128;
	for (int b = 0; b < 8; b++)
		tail[total - 1 - b] = (unsigned char)(bits >> (8 * b));
	block(h, tail);
	if (total == 128)
		block(h, tail + 64);
	for (i = 0; i < 8; i++)
		snprintf(hex + 8 * i, 9, "%08x", h[i]);
}

static char *
column(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? strdup((const char *)t) : NULL;
}

int
omni_ledger_get(omni_store *s, const char *key, omni_ledger_entry *e, omni_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = -1, step;

	memset(e, 0, sizeof *e);
	if (sqlite3_prepare_v2(omni_store_db(s),
	        "SELECT state, external_id, updated_at, attempts FROM send_ledger WHERE key = ?1",
	        -1, &st, NULL) != SQLITE_OK) {
		omni_store_error(s, err, "send ledger");
		goto out;
	}
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		snprintf(e->state, sizeof e->state, "%s", (const char *)sqlite3_column_text(st, 0));
		e->external_id = column(st, 1);
		e->updated_at = column(st, 2);
		e->attempts = (long)sqlite3_column_int64(st, 3);
		rc = 1;
	} else if (step == SQLITE_DONE) {
		rc = 0;
	} else {
		omni_store_error(s, err, "send ledger");
	}
out:
	sqlite3_finalize(st);
	return rc;
}

void
omni_ledger_entry_free(omni_ledger_entry *e)
{
	free(e->external_id);
	free(e->updated_at);
	e->external_id = e->updated_at = NULL;
}

int
omni_ledger_set(omni_store *s, const char *key, const char *ticket_id, const char *channel,
                const char *state, const char *external_id, const char *error,
                omni_error *err)
{
	sqlite3_stmt *st = NULL;
	char now[40];
	int rc = -1;

	omni_time_format(omni_clock_now(), now);
	/* Autocommit: the row is on disk before the caller goes on. */
	if (sqlite3_prepare_v2(omni_store_db(s),
	        "INSERT INTO send_ledger (key, ticket_id, channel, state, external_id, attempts,"
	        " error, created_at, updated_at)"
	        " VALUES (?1, ?2, ?3, ?4, ?5, ?4 = 'pending', ?6, ?7, ?7)"
	        " ON CONFLICT (key) DO UPDATE SET state = ?4,"
	        " external_id = coalesce(?5, external_id), error = ?6, updated_at = ?7,"
	        " attempts = attempts + (?4 = 'pending')",
	        -1, &st, NULL) != SQLITE_OK) {
		omni_store_error(s, err, "send ledger");
		goto out;
	}
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, ticket_id ? ticket_id : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, channel ? channel : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, state, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, external_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, error, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, now, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		omni_store_error(s, err, "send ledger");
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(st);
	return rc;
}
