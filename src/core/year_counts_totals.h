/*
 * src/core/year_counts_totals.h
 *	  Exact yearly totals: a dense array of non-negative int64 totals indexed
 *	  by calendar year, without server headers.
 *
 * An HdhYearCounts covers the years first .. first + count - 1; a total of 0
 * means "nothing in that year", so the same array serves as the aggregate
 * state (with spare slots at either end) and as a read-only view of a stored
 * year_counts value (trimmed: first and last totals non-zero). Years are
 * limited to HDH_YEAR_MIN .. HDH_YEAR_MAX, so an array never exceeds 9999
 * slots (80 kB). Memory comes from the caller's allocator (alloc.h).
 */
#ifndef HDH_CORE_YEAR_COUNTS_TOTALS_H
#define HDH_CORE_YEAR_COUNTS_TOTALS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/alloc.h"
#include "core/status.h"

#define HDH_YEAR_MIN 1
#define HDH_YEAR_MAX 9999

typedef struct HdhYearCounts
{
	int32_t		first;			/* year of totals[0]; 0 when count is 0 */
	int32_t		count;			/* slots in totals */
	int64_t    *totals;			/* totals[i]: total of year first + i, >= 0 */
} HdhYearCounts;

/* An empty value: no years, no memory. */
#define HDH_YEAR_COUNTS_EMPTY {0, 0, NULL}

/* Ok when year is in the supported range, else HDH_ERR_RANGE naming it. */
extern HdhStatus hdh_year_counts_check_year(int64_t year, HdhError *err);

/* Make room for the years lo .. hi (both in range), keeping the totals. */
extern HdhStatus hdh_year_counts_reserve(HdhYearCounts *yc, int32_t lo, int32_t hi,
										 const HdhAlloc *alloc, HdhError *err);

/* The general case of hdh_year_counts_add: checks, growth, overflow. */
extern HdhStatus hdh_year_counts_add_slow(HdhYearCounts *yc, int64_t year, int64_t weight,
										  const HdhAlloc *alloc, HdhError *err);

/*
 * Add weight (>= 0) to the total of year. Inline because it is the per-row
 * step of the aggregates: an index check, an overflow check, an addition.
 */
static inline HdhStatus
hdh_year_counts_add(HdhYearCounts *yc, int64_t year, int64_t weight,
					const HdhAlloc *alloc, HdhError *err)
{
	int64_t		i = year - yc->first;

	if (i >= 0 && i < yc->count && weight >= 0 && weight <= INT64_MAX - yc->totals[i])
	{
		yc->totals[i] += weight;
		return HDH_OK;
	}
	return hdh_year_counts_add_slow(yc, year, weight, alloc, err);
}

/*
 * Add 1 to each year of the days first_day .. end_day - 1 (end_open: no end),
 * capped at as_of (inclusive), skipping years <= *counted_through and
 * raising *counted_through to the last year counted. A span starting after
 * as_of, or empty, adds nothing. Day numbers are PostgreSQL's (finite).
 */
extern HdhStatus hdh_year_counts_add_span(HdhYearCounts *yc, int32_t first_day,
										  int32_t end_day, bool end_open, int32_t as_of,
										  int32_t *counted_through,
										  const HdhAlloc *alloc, HdhError *err);

/* dst += src, year by year, with an overflow check. */
extern HdhStatus hdh_year_counts_merge(HdhYearCounts *dst, const HdhYearCounts *src,
									   const HdhAlloc *alloc, HdhError *err);

/*
 * The inverses, for moving aggregates (a window frame's rows leaving): each
 * removes what the add of the same arguments added, and fails with
 * HDH_ERR_DATA, changing nothing, if a total would go below zero.
 */
extern HdhStatus hdh_year_counts_subtract(HdhYearCounts *yc, int64_t year, int64_t weight,
										  HdhError *err);

/* Subtract 1 from each year hdh_year_counts_add_span counts, same arguments. */
extern HdhStatus hdh_year_counts_remove_span(HdhYearCounts *yc, int32_t first_day,
											 int32_t end_day, bool end_open, int32_t as_of,
											 int32_t *counted_through, HdhError *err);

/* dst -= src, year by year. */
extern HdhStatus hdh_year_counts_unmerge(HdhYearCounts *dst, const HdhYearCounts *src,
										 HdhError *err);

/* The part of yc between its first and last non-zero totals (count 0 if none). */
extern HdhYearCounts hdh_year_counts_trimmed(const HdhYearCounts *yc);

/* Years with a non-zero total. */
extern int32_t hdh_year_counts_present(const HdhYearCounts *yc);

/*
 * Ok when a stored (trimmed) value is consistent: years in range, first and
 * last totals non-zero, no negative total. status is the failure to report.
 */
extern HdhStatus hdh_year_counts_check_trimmed(const HdhYearCounts *yc, HdhStatus status,
											   HdhError *err);

/* Total of a year (0 when absent); the year must be in range. */
extern HdhStatus hdh_year_counts_value(const HdhYearCounts *yc, int64_t year,
									   int64_t *value, HdhError *err);

/* Sum of the totals of from_year .. to_year inclusive (0 when from > to). */
extern HdhStatus hdh_year_counts_cumulative(const HdhYearCounts *yc, int64_t from_year,
											int64_t to_year, int64_t *sum, HdhError *err);

/* value(year) / value(base_year); *defined is false when the base total is 0. */
extern HdhStatus hdh_year_counts_multiplier(const HdhYearCounts *yc, int64_t base_year,
											int64_t year, double *ratio, bool *defined,
											HdhError *err);

/*
 * Compound annual growth rate (v_to / v_from)^(1 / (to - from)) - 1;
 * *defined is false when to <= from or v_from is 0.
 */
extern HdhStatus hdh_year_counts_cagr(const HdhYearCounts *yc, int64_t from_year,
									  int64_t to_year, double *rate, bool *defined,
									  HdhError *err);

#endif
