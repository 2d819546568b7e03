/*
 * test/fuzz/fuzz_year_counts.h
 *	  Checks shared by the year_counts harnesses: both decoding passes, the
 *	  invariants of a decoded value and the round trip through the text and
 *	  binary forms.
 */
#ifndef HDH_TEST_FUZZ_YEAR_COUNTS_H
#define HDH_TEST_FUZZ_YEAR_COUNTS_H

#include "core/year_counts_totals.h"
#include "core/year_counts_codec.h"
#include "fuzz_common.h"

typedef enum FuzzYearFormat
{
	FUZZ_YEAR_TEXT,
	FUZZ_YEAR_BINARY
} FuzzYearFormat;

/* One decoding pass; text must be NUL-terminated. */
static inline HdhStatus
FuzzYearPass(const uint8_t *buf, size_t len, FuzzYearFormat format, int32_t *first,
			 int32_t *count, int64_t *totals, HdhError *err)
{
	if (format == FUZZ_YEAR_TEXT)
		return hdh_year_counts_parse((const char *) buf, first, count, totals, err);
	return hdh_year_counts_decode(buf, len, first, count, totals, err);
}

/*
 * Both passes, as the glue runs them: the first validates and gives the
 * extent, the second (which must then succeed and keep the extent) fills a
 * zeroed array of exactly count slots. out->totals is malloc'd on success.
 */
static inline HdhStatus
FuzzYearDecode(const uint8_t *buf, size_t len, FuzzYearFormat format, HdhYearCounts *out,
			   HdhError *err)
{
	int32_t		first = -1,
				count = -1;
	HdhStatus	st = FuzzYearPass(buf, len, format, &first, &count, NULL, err);

	if (st != HDH_OK)
		return st;
	FUZZ_CHECK(count >= 0 && count <= HDH_YEAR_MAX - HDH_YEAR_MIN + 1);
	out->first = first;
	out->count = count;
	out->totals = calloc(count > 0 ? (size_t) count : 1, sizeof(int64_t));
	FUZZ_CHECK(out->totals != NULL);
	st = FuzzYearPass(buf, len, format, &first, &count, out->totals, err);
	if (st != HDH_OK)
		fprintf(stderr, "second pass failed: %s (%s)\n", err->message, err->detail);
	FUZZ_CHECK(st == HDH_OK);
	FUZZ_CHECK(first == out->first && count == out->count);
	return HDH_OK;
}

/* What a decoded value promises: trimmed, in range, no negative total. */
static inline void
FuzzYearInvariants(const HdhYearCounts *yc)
{
	HdhError	err;
	int32_t		i;

	if (yc->count == 0)
		FUZZ_CHECK(yc->first == 0);
	else
	{
		FUZZ_CHECK(yc->first >= HDH_YEAR_MIN);
		FUZZ_CHECK(yc->first + yc->count - 1 <= HDH_YEAR_MAX);
		FUZZ_CHECK(yc->totals[0] > 0 && yc->totals[yc->count - 1] > 0);
	}
	for (i = 0; i < yc->count; i++)
		FUZZ_CHECK(yc->totals[i] >= 0);
	FUZZ_CHECK(hdh_year_counts_check_trimmed(yc, HDH_ERR_DATA, &err) == HDH_OK);
}

/* Encode into a block of exactly the announced size; *len is the length. */
static inline uint8_t *
FuzzYearEncode(const HdhYearCounts *yc, FuzzYearFormat format, size_t *len)
{
	size_t		size;
	uint8_t    *buf;

	if (format == FUZZ_YEAR_TEXT)
	{
		size = hdh_year_counts_format_size(yc);
		buf = malloc(size);
		FUZZ_CHECK(buf != NULL);
		*len = hdh_year_counts_format(yc, (char *) buf);
		FUZZ_CHECK(*len < size);
		FUZZ_CHECK(strlen((char *) buf) == *len);
		return buf;
	}
	size = hdh_year_counts_encoded_size(yc);
	buf = malloc(size);
	FUZZ_CHECK(buf != NULL);
	hdh_year_counts_encode(yc, buf);
	*len = size;
	return buf;
}

/* Encode, decode (same value), encode again (same bytes). */
static inline void
FuzzYearRoundTrip(const HdhYearCounts *yc, FuzzYearFormat format)
{
	size_t		len1,
				len2;
	uint8_t    *enc1 = FuzzYearEncode(yc, format, &len1);
	uint8_t    *enc2;
	HdhYearCounts back;
	HdhError	err;
	HdhStatus	st = FuzzYearDecode(enc1, len1, format, &back, &err);

	if (st != HDH_OK)
		fprintf(stderr, "re-decoding format %d failed: %s (%s)\n", (int) format,
				err.message, err.detail);
	FUZZ_CHECK(st == HDH_OK);
	FUZZ_CHECK(TestSameYearCounts(yc, &back));
	enc2 = FuzzYearEncode(&back, format, &len2);
	FUZZ_CHECK(len1 == len2 && memcmp(enc1, enc2, len1) == 0);
	free(enc2);
	free(back.totals);
	free(enc1);
}

/* Everything checked once a decoder accepted an input. */
static inline void
FuzzYearAccepted(const HdhYearCounts *yc)
{
	FuzzYearInvariants(yc);
	FuzzYearRoundTrip(yc, FUZZ_YEAR_TEXT);
	FuzzYearRoundTrip(yc, FUZZ_YEAR_BINARY);
}

#endif
