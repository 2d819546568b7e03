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
 * Decoding runs twice: first with totals NULL, to validate and learn the
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
