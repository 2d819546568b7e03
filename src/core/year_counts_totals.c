/*
 * src/core/year_counts_totals.c
 *	  Exact yearly totals: growth of the dense array, spans of days, merge,
 *	  and the accessors' arithmetic (see year_counts_totals.h).
 */
#include <math.h>
#include <string.h>

#include "core/calendar.h"
#include "core/invariant.h"
#include "core/year_counts_totals.h"

/* Spare slots given to a new array on each side of its first year. */
#define FIRST_SLACK 8

/* Range errors name the year and the supported range. */
HdhStatus
hdh_year_counts_check_year(int64_t year, HdhError *err)
{
	if (year < HDH_YEAR_MIN || year > HDH_YEAR_MAX)
		return hdh_fail(err, HDH_ERR_RANGE, gettext_noop("A year_counts holds the years 1 to 9999."),
						"year %lld is out of range for year_counts", (long long) year);
	return HDH_OK;
}

/* Grow geometrically toward the side that needs room, so adding is amortized O(1). */
HdhStatus
hdh_year_counts_reserve(HdhYearCounts *yc, int32_t lo, int32_t hi,
						const HdhAlloc *alloc, HdhError *err)
{
	int32_t		new_lo;
	int32_t		new_hi;
	int64_t    *totals;

	if (lo > hi || lo < HDH_YEAR_MIN || hi > HDH_YEAR_MAX)
		return hdh_fail(err, HDH_ERR_RANGE, gettext_noop("A year_counts holds the years 1 to 9999."),
						"years %d to %d are out of range for year_counts", (int) lo, (int) hi);
	if (yc->count > 0 && lo >= yc->first && hi <= yc->first + yc->count - 1)
		return HDH_OK;

	if (yc->count == 0)
	{
		new_lo = lo - FIRST_SLACK;
		new_hi = hi + FIRST_SLACK;
	}
	else
	{
		int32_t		old_hi = yc->first + yc->count - 1;
		int32_t		grow = yc->count;	/* at least double */

		new_lo = lo < yc->first ? lo - grow : yc->first;
		new_hi = hi > old_hi ? hi + grow : old_hi;
		if (new_lo > lo)
			new_lo = lo;
	}
	if (new_lo < HDH_YEAR_MIN)
		new_lo = HDH_YEAR_MIN;
	if (new_hi > HDH_YEAR_MAX)
		new_hi = HDH_YEAR_MAX;

	totals = alloc->alloc(alloc->ctx, sizeof(int64_t) * (size_t) (new_hi - new_lo + 1));
	if (totals == NULL)
		return hdh_fail(err, HDH_ERR_LIMIT, NULL, "out of memory for year_counts of years %d to %d",
						(int) new_lo, (int) new_hi);
	memset(totals, 0, sizeof(int64_t) * (size_t) (new_hi - new_lo + 1));
	if (yc->count > 0)
	{
		memcpy(totals + (yc->first - new_lo), yc->totals, sizeof(int64_t) * (size_t) yc->count);
		hdh_release(alloc, yc->totals);
	}
	yc->first = new_lo;
	yc->count = new_hi - new_lo + 1;
	yc->totals = totals;
	HDH_ASSERT(yc->first >= HDH_YEAR_MIN && yc->first + yc->count - 1 <= HDH_YEAR_MAX);
	HDH_ASSERT(lo >= yc->first && hi <= yc->first + yc->count - 1);
	return HDH_OK;
}

/* Everything the inline fast path leaves out: sign, range, room, overflow. */
HdhStatus
hdh_year_counts_add_slow(HdhYearCounts *yc, int64_t year, int64_t weight,
						 const HdhAlloc *alloc, HdhError *err)
{
	int64_t    *total;
	HdhStatus	st;

	if (weight < 0)
		return hdh_fail(err, HDH_ERR_VALUE, NULL,
						"weight %lld of year %lld is negative", (long long) weight, (long long) year);
	if ((st = hdh_year_counts_check_year(year, err)) != HDH_OK ||
		(st = hdh_year_counts_reserve(yc, (int32_t) year, (int32_t) year, alloc, err)) != HDH_OK)
		return st;
	total = &yc->totals[year - yc->first];
	if (weight > INT64_MAX - *total)
		return hdh_fail(err, HDH_ERR_RANGE, NULL,
						"total of year %lld is out of range for bigint", (long long) year);
	*total += weight;
	return HDH_OK;
}

/*
 * The years a span counts: clipped to as_of, from the year after
 * *counted_through. False when it counts none.
 */
static bool
SpanYears(int32_t first_day, int32_t end_day, bool end_open, int32_t as_of,
		  int32_t counted_through, int32_t *first_year, int32_t *last_year)
{
	int64_t		last_day;

	if (first_day > as_of)
		return false;			/* starts after as_of: not known yet */
	last_day = end_open ? (int64_t) as_of : (int64_t) end_day - 1;
	if (last_day > as_of)
		last_day = as_of;
	if (last_day < first_day)
		return false;			/* empty */
	*first_year = hdh_year_of_day(first_day);
	*last_year = hdh_year_of_day((int32_t) last_day);
	if (*first_year <= counted_through)
		*first_year = counted_through + 1;
	return *first_year <= *last_year;
}

/* Clip the span to as_of, then count each of its years once. */
HdhStatus
hdh_year_counts_add_span(HdhYearCounts *yc, int32_t first_day, int32_t end_day,
						 bool end_open, int32_t as_of, int32_t *counted_through,
						 const HdhAlloc *alloc, HdhError *err)
{
	int32_t		first_year;
	int32_t		last_year;
	int32_t		y;
	HdhStatus	st;

	if (!SpanYears(first_day, end_day, end_open, as_of, *counted_through,
				   &first_year, &last_year))
		return HDH_OK;
	if ((st = hdh_year_counts_check_year(first_year, err)) != HDH_OK ||
		(st = hdh_year_counts_check_year(last_year, err)) != HDH_OK ||
		(st = hdh_year_counts_reserve(yc, first_year, last_year, alloc, err)) != HDH_OK)
		return st;
	for (y = first_year; y <= last_year; y++)
	{
		int64_t    *total = &yc->totals[y - yc->first];

		if (*total == INT64_MAX)
			return hdh_fail(err, HDH_ERR_RANGE, NULL,
							"total of year %d is out of range for bigint", (int) y);
		(*total)++;
	}
	*counted_through = last_year;
	return HDH_OK;
}

/* Below zero means the caller removes what it never added. */
static HdhStatus
BelowZero(HdhError *err, int64_t year, int64_t weight, int64_t have)
{
	return hdh_fail(err, HDH_ERR_DATA,
					gettext_noop("Only what was added can be removed."),
					"cannot remove %lld from the total %lld of year %lld",
					(long long) weight, (long long) have, (long long) year);
}

/* The total of year, 0 when the array does not reach it. */
static int64_t
TotalOf(const HdhYearCounts *yc, int64_t year)
{
	int64_t		i = year - yc->first;

	return i >= 0 && i < yc->count ? yc->totals[i] : 0;
}

HdhStatus
hdh_year_counts_subtract(HdhYearCounts *yc, int64_t year, int64_t weight, HdhError *err)
{
	int64_t		have = TotalOf(yc, year);

	if (weight < 0 || weight > have)
		return BelowZero(err, year, weight, have);
	if (weight > 0)
		yc->totals[year - yc->first] -= weight;
	return HDH_OK;
}

/* The same years as the add, checked before any changes. */
HdhStatus
hdh_year_counts_remove_span(HdhYearCounts *yc, int32_t first_day, int32_t end_day,
							bool end_open, int32_t as_of, int32_t *counted_through,
							HdhError *err)
{
	int32_t		first_year;
	int32_t		last_year;
	int32_t		y;

	if (!SpanYears(first_day, end_day, end_open, as_of, *counted_through,
				   &first_year, &last_year))
		return HDH_OK;
	for (y = first_year; y <= last_year; y++)
		if (TotalOf(yc, y) < 1)
			return BelowZero(err, y, 1, TotalOf(yc, y));
	for (y = first_year; y <= last_year; y++)
	{
		yc->totals[y - yc->first]--;
		HDH_ASSERT(yc->totals[y - yc->first] >= 0);
	}
	*counted_through = last_year;
	return HDH_OK;
}

/* Check every year before changing any, as the merge does. */
HdhStatus
hdh_year_counts_unmerge(HdhYearCounts *dst, const HdhYearCounts *src, HdhError *err)
{
	HdhYearCounts part = hdh_year_counts_trimmed(src);
	int32_t		i;

	for (i = 0; i < part.count; i++)
		if (part.totals[i] < 0 || part.totals[i] > TotalOf(dst, part.first + i))
			return BelowZero(err, part.first + i, part.totals[i],
							 TotalOf(dst, part.first + i));
	for (i = 0; i < part.count; i++)
	{
		dst->totals[part.first + i - dst->first] -= part.totals[i];
		HDH_ASSERT(dst->totals[part.first + i - dst->first] >= 0);
	}
	return HDH_OK;
}

/* Reserve the union once, then add year by year. */
HdhStatus
hdh_year_counts_merge(HdhYearCounts *dst, const HdhYearCounts *src,
					  const HdhAlloc *alloc, HdhError *err)
{
	HdhYearCounts part = hdh_year_counts_trimmed(src);
	int32_t		i;
	HdhStatus	st;

	if (part.count == 0)
		return HDH_OK;
	st = hdh_year_counts_reserve(dst, part.first, part.first + part.count - 1, alloc, err);
	if (st != HDH_OK)
		return st;
	/* Check every year before changing any, so a failed merge leaves dst whole. */
	for (i = 0; i < part.count; i++)
	{
		int64_t		have = dst->totals[part.first + i - dst->first];

		if (part.totals[i] > INT64_MAX - have)
			return hdh_fail(err, HDH_ERR_RANGE, NULL,
							"total of year %d is out of range for bigint", (int) (part.first + i));
	}
	for (i = 0; i < part.count; i++)
		dst->totals[part.first + i - dst->first] += part.totals[i];
	return HDH_OK;
}

/* Stored values and outputs drop the empty slots at either end. */
HdhYearCounts
hdh_year_counts_trimmed(const HdhYearCounts *yc)
{
	HdhYearCounts out = HDH_YEAR_COUNTS_EMPTY;
	int32_t		lo = 0;
	int32_t		hi = yc->count - 1;

	while (lo <= hi && yc->totals[lo] == 0)
		lo++;
	while (hi >= lo && yc->totals[hi] == 0)
		hi--;
	if (lo > hi)
		return out;
	out.first = yc->first + lo;
	out.count = hi - lo + 1;
	out.totals = yc->totals + lo;
	return out;
}

/* The output formats list only these years. */
int32_t
hdh_year_counts_present(const HdhYearCounts *yc)
{
	int32_t		n = 0;
	int32_t		i;

	for (i = 0; i < yc->count; i++)
		if (yc->totals[i] != 0)
			n++;
	return n;
}

/* Stored and deserialized values are checked before any accessor trusts them. */
HdhStatus
hdh_year_counts_check_trimmed(const HdhYearCounts *yc, HdhStatus status, HdhError *err)
{
	int32_t		i;

	if (yc->count == 0)
	{
		if (yc->first != 0)
			return hdh_fail(err, status, NULL,
							"empty year_counts has first year %d instead of 0", (int) yc->first);
		return HDH_OK;
	}
	if (yc->count < 0 || yc->count > HDH_YEAR_MAX - HDH_YEAR_MIN + 1 ||
		yc->first < HDH_YEAR_MIN || yc->first > HDH_YEAR_MAX - yc->count + 1)
		return hdh_fail(err, status, gettext_noop("A year_counts holds the years 1 to 9999."),
						"year_counts of %d years from year %d is out of range",
						(int) yc->count, (int) yc->first);
	if (yc->totals[0] == 0 || yc->totals[yc->count - 1] == 0)
		return hdh_fail(err, status, gettext_noop("A stored year_counts starts and ends with a year that has a total."),
						"year_counts of years %d to %d is not trimmed",
						(int) yc->first, (int) (yc->first + yc->count - 1));
	for (i = 0; i < yc->count; i++)
		if (yc->totals[i] < 0)
			return hdh_fail(err, status, NULL, "total %lld of year %d is negative",
							(long long) yc->totals[i], (int) (yc->first + i));
	return HDH_OK;
}

/* Absent years, inside or outside the array, are 0. */
HdhStatus
hdh_year_counts_value(const HdhYearCounts *yc, int64_t year, int64_t *value, HdhError *err)
{
	int64_t		i = year - yc->first;
	HdhStatus	st = hdh_year_counts_check_year(year, err);

	if (st != HDH_OK)
		return st;
	*value = (i >= 0 && i < yc->count) ? yc->totals[i] : 0;
	return HDH_OK;
}

/* Only the overlap of [from, to] with the array can contribute. */
HdhStatus
hdh_year_counts_cumulative(const HdhYearCounts *yc, int64_t from_year, int64_t to_year,
						   int64_t *sum, HdhError *err)
{
	int64_t		lo;
	int64_t		hi;
	int64_t		i;
	HdhStatus	st;

	if ((st = hdh_year_counts_check_year(from_year, err)) != HDH_OK ||
		(st = hdh_year_counts_check_year(to_year, err)) != HDH_OK)
		return st;
	*sum = 0;
	lo = from_year > yc->first ? from_year : yc->first;
	hi = to_year < (int64_t) yc->first + yc->count - 1 ? to_year : (int64_t) yc->first + yc->count - 1;
	for (i = lo; i <= hi; i++)
	{
		int64_t		v = yc->totals[i - yc->first];

		if (v > INT64_MAX - *sum)
			return hdh_fail(err, HDH_ERR_RANGE, NULL,
							"sum of the totals of years %lld to %lld is out of range for bigint",
							(long long) from_year, (long long) to_year);
		*sum += v;
	}
	return HDH_OK;
}

/* The totals of two years, both checked. */
static HdhStatus
TwoValues(const HdhYearCounts *yc, int64_t year1, int64_t year2, int64_t *v1, int64_t *v2,
		  HdhError *err)
{
	HdhStatus	st = hdh_year_counts_value(yc, year1, v1, err);

	return st != HDH_OK ? st : hdh_year_counts_value(yc, year2, v2, err);
}

/* A ratio of two totals; undefined when the base has nothing. */
HdhStatus
hdh_year_counts_multiplier(const HdhYearCounts *yc, int64_t base_year, int64_t year,
						   double *ratio, bool *defined, HdhError *err)
{
	int64_t		base;
	int64_t		v;

	if (TwoValues(yc, base_year, year, &base, &v, err) != HDH_OK)
		return err->status;
	*defined = base > 0;
	*ratio = base > 0 ? (double) v / (double) base : 0.0;
	return HDH_OK;
}

/* Totals are never negative, so the only undefined cases are v_from = 0 and to <= from. */
HdhStatus
hdh_year_counts_cagr(const HdhYearCounts *yc, int64_t from_year, int64_t to_year,
					 double *rate, bool *defined, HdhError *err)
{
	int64_t		v_from;
	int64_t		v_to;

	if (TwoValues(yc, from_year, to_year, &v_from, &v_to, err) != HDH_OK)
		return err->status;
	*defined = v_from > 0 && to_year > from_year;
	*rate = 0.0;
	if (*defined)
		*rate = pow((double) v_to / (double) v_from, 1.0 / (double) (to_year - from_year)) - 1.0;
	return HDH_OK;
}
