/*
 * test/fuzz/fuzz_delay.h
 *	  Checks shared by the delay_summary harnesses: the invariants that every
 *	  decoded summary must meet, and the round trip through all three
 *	  encodings (text, wire, packed).
 */
#ifndef HDH_TEST_FUZZ_DELAY_H
#define HDH_TEST_FUZZ_DELAY_H

#include <stdbool.h>

#include "core/delay_codec.h"
#include "core/delay_state.h"
#include "fuzz_common.h"

/* malloc and free (test/lib/core_test.h): ASan sees every block, LeakSanitizer every leak. */
static const HdhAlloc fuzz_delay_mem = {TestAlloc, TestRelease, NULL};

typedef enum FuzzDelayFormat
{
	FUZZ_DELAY_TEXT,
	FUZZ_DELAY_WIRE,
	FUZZ_DELAY_PACKED
} FuzzDelayFormat;

/*
 * What a decoded summary promises (delay_summary.h), checked here without
 * the core's own hdh_delay_check, then with it.
 */
static inline void
FuzzDelayInvariants(const HdhDelaySummary *s)
{
	int64_t		completed = 0,
				pending = 0;
	int32_t		i;
	HdhError	err;

	FUZZ_CHECK(s->n >= 0);
	FUZZ_CHECK(s->n == 0 || s->entries != NULL);
	for (i = 0; i < s->n; i++)
	{
		const HdhDelayEntry *e = &s->entries[i];

		FUZZ_CHECK(e->day >= 0);
		FUZZ_CHECK(i == 0 || e->day > s->entries[i - 1].day);
		FUZZ_CHECK(e->completed >= 0 && e->pending >= 0);
		FUZZ_CHECK(e->completed > 0 || e->pending > 0);
		FUZZ_CHECK(e->completed <= INT64_MAX - completed);
		FUZZ_CHECK(e->pending <= INT64_MAX - pending);
		completed += e->completed;
		pending += e->pending;
	}
	FUZZ_CHECK(completed == s->completed);
	FUZZ_CHECK(pending == s->pending);
	FUZZ_CHECK(hdh_delay_check(s, HDH_ERR_DATA, &err) == HDH_OK);
}

/*
 * Encode s in one format into a block of exactly the announced size (so a
 * writer that overruns it is caught by ASan); *len is the encoded length.
 */
static inline uint8_t *
FuzzDelayEncode(const HdhDelaySummary *s, FuzzDelayFormat format, size_t *len)
{
	size_t		size;
	uint8_t    *buf;

	switch (format)
	{
		case FUZZ_DELAY_TEXT:
			size = hdh_delay_text_size(s);
			buf = malloc(size);
			FUZZ_CHECK(buf != NULL);
			*len = hdh_delay_format(s, (char *) buf);
			FUZZ_CHECK(*len < size);
			FUZZ_CHECK(strlen((char *) buf) == *len);
			return buf;
		case FUZZ_DELAY_WIRE:
			size = hdh_delay_wire_size(s);
			buf = malloc(size);
			FUZZ_CHECK(buf != NULL);
			hdh_delay_wire_write(s, buf);
			*len = size;
			return buf;
		case FUZZ_DELAY_PACKED:
			size = hdh_delay_packed_size(s);
			buf = malloc(size);
			FUZZ_CHECK(buf != NULL);
			hdh_delay_pack(s, buf);
			*len = size;
			return buf;
	}
	abort();
}

/* Decode buf in one format; text must be NUL-terminated. */
static inline HdhStatus
FuzzDelayDecode(const uint8_t *buf, size_t len, FuzzDelayFormat format, HdhDelaySummary *out,
				HdhError *err)
{
	switch (format)
	{
		case FUZZ_DELAY_TEXT:
			return hdh_delay_parse((const char *) buf, &fuzz_delay_mem, out, err);
		case FUZZ_DELAY_WIRE:
			return hdh_delay_wire_read(buf, len, &fuzz_delay_mem, out, err);
		case FUZZ_DELAY_PACKED:
			return hdh_delay_unpack(buf, len, &fuzz_delay_mem, HDH_ERR_DATA, out, err);
	}
	abort();
}

/*
 * The round trip through one format: encode, decode (must succeed and give
 * the same summary), encode again (must give the same bytes).
 */
static inline void
FuzzDelayRoundTrip(const HdhDelaySummary *s, FuzzDelayFormat format)
{
	size_t		len1,
				len2;
	uint8_t    *enc1 = FuzzDelayEncode(s, format, &len1);
	uint8_t    *enc2;
	HdhDelaySummary back;
	HdhError	err;
	HdhStatus	st = FuzzDelayDecode(enc1, len1, format, &back, &err);

	if (st != HDH_OK)
		fprintf(stderr, "re-decoding format %d failed: %s (%s)\n", (int) format,
				err.message, err.detail);
	FUZZ_CHECK(st == HDH_OK);
	FUZZ_CHECK(TestSameSummary(s, &back));
	enc2 = FuzzDelayEncode(&back, format, &len2);
	FUZZ_CHECK(len1 == len2);
	FUZZ_CHECK(memcmp(enc1, enc2, len1) == 0);
	free(enc2);
	free((void *) back.entries);
	free(enc1);
}

/*
 * Everything a harness checks once its decoder accepted an input: the
 * invariants, then the round trip through each of the three encodings.
 */
static inline void
FuzzDelayAccepted(const HdhDelaySummary *s)
{
	FuzzDelayInvariants(s);
	FuzzDelayRoundTrip(s, FUZZ_DELAY_TEXT);
	FuzzDelayRoundTrip(s, FUZZ_DELAY_WIRE);
	FuzzDelayRoundTrip(s, FUZZ_DELAY_PACKED);
}

#endif
