/*
 * src/core/year_counts_codec.h
 *	  Text and binary forms of a year_counts value, without server headers.
 *
 * Text (canonical output; input also takes whitespace between tokens):
 *     {}                    no year
 *     {2022:5,2023:12}      year:total pairs, years strictly ascending
 * Binary (big-endian): int8 version (1), int8 flags (0), int32 n, then n
 * pairs of int32 year and int64 total, years strictly ascending.
 *
 * Both decoders make the same checks: years in 1..9999 (else HDH_ERR_RANGE),
 * strictly ascending, totals >= 0 and within int64. A total of 0 is accepted
 * and means the year is absent; outputs never write one, so a value has
 * exactly one text and one binary form.
 *
 * Stored (the varlena of a value, and the aggregates' serialized state inside
 * a bytea), in the machine's byte order: the varlena header (the caller's),
 * uint8 version (1), uint8 flags (0), int16 reserved (0), int32 first year,
 * int32 number of years, then one int64 total per year from the first to the
 * last (a 0 in between: the year is absent). The first and last totals are
 * non-zero; an empty value has 0 years and first year 0. Every byte is
 * written, so equal values have equal bytes (what = and hashing compare).
 *
 * Decoding text or binary runs twice: first with totals NULL, to validate and learn the
 * extent (*first: the first year with a total; *count: the years from it to
 * the last one, 0 and 0 when none); then with the same first and count and a
 * zeroed totals array of count slots, to fill it. No allocation in core.
 */
#ifndef HDH_CORE_YEAR_COUNTS_CODEC_H
#define HDH_CORE_YEAR_COUNTS_CODEC_H

#include <stddef.h>
#include <stdint.h>

#include "core/status.h"
#include "core/year_counts_totals.h"

#define HDH_YEAR_COUNTS_BINARY_VERSION 1
#define HDH_YEAR_COUNTS_BINARY_HEADER 6		/* version, flags, n */
#define HDH_YEAR_COUNTS_BINARY_ENTRY 12		/* year, total */

#define HDH_YEAR_COUNTS_STORED_VERSION 1

/* The stored form; totals are 8-byte aligned when the struct is. */
typedef struct HdhYearCountsStored
{
	int32_t		vl_len_;		/* varlena header: set and read by the caller only */
	uint8_t		version;		/* HDH_YEAR_COUNTS_STORED_VERSION */
	uint8_t		flags;			/* reserved, 0 */
	int16_t		reserved;		/* reserved, 0 */
	int32_t		first_year;		/* year of totals[0]; 0 when nyears is 0 */
	int32_t		nyears;			/* totals that follow */
	int64_t		totals[];
} HdhYearCountsStored;

/* Bytes of a stored value of n years, varlena header included. */
#define HDH_YEAR_COUNTS_STORED_SIZE(n) \
	(offsetof(HdhYearCountsStored, totals) + sizeof(int64_t) * (size_t) (n))

/* Bytes of the stored form of yc (trimmed), varlena header included. */
extern size_t hdh_year_counts_stored_size(const HdhYearCounts *yc);

/*
 * Write the header of a stored value of count years from first (the varlena
 * header and the totals left to the caller).
 */
extern void hdh_year_counts_store_header(HdhYearCountsStored *out, int32_t first,
										 int32_t count);

/* Write the stored form of yc, trimmed, into out (stored_size bytes) but its varlena header. */
extern void hdh_year_counts_store(const HdhYearCounts *yc, HdhYearCountsStored *out);

/*
 * A view of a stored value of size bytes (varlena header included) after
 * checking its header, length and every invariant; out->totals points into
 * data. status is the failure to report (HDH_ERR_DATA for a stored value,
 * HDH_ERR_BINARY for a serialized state).
 */
extern HdhStatus hdh_year_counts_load(const HdhYearCountsStored *data, size_t size,
									  HdhStatus status, HdhYearCounts *out, HdhError *err);

/* Parse text; see above for the two passes. */
extern HdhStatus hdh_year_counts_parse(const char *text, int32_t *first, int32_t *count,
									   int64_t *totals, HdhError *err);

/* Bytes needed by hdh_year_counts_format, terminating NUL included. */
extern size_t hdh_year_counts_format_size(const HdhYearCounts *yc);

/* Write the canonical text of yc into buf (of format_size bytes); returns its length. */
extern size_t hdh_year_counts_format(const HdhYearCounts *yc, char *buf);

/* Decode len bytes of binary (all of them must be used); two passes as above. */
extern HdhStatus hdh_year_counts_decode(const unsigned char *buf, size_t len, int32_t *first,
										int32_t *count, int64_t *totals, HdhError *err);

/* Bytes written by hdh_year_counts_encode. */
extern size_t hdh_year_counts_encoded_size(const HdhYearCounts *yc);

/* Write the binary form of yc into buf. */
extern void hdh_year_counts_encode(const HdhYearCounts *yc, unsigned char *buf);

#endif
