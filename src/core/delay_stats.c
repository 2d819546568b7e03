/*
 * src/core/delay_stats.c
 *	  Statistics of the completed delays of a summary (see delay_stats.h).
 */
#include <math.h>
#include <stddef.h>

#include "core/delay_stats.h"

/*
 * Mean and standard deviation come from exact integer sums, so they do not
 * depend on the platform's long double (whose precision varies: valgrind
 * computes it as double). Days are below 2^31 and the completed counts of a
 * checked summary add up to at most 2^63, so the sum of days stays below
 * 2^94 and the sum of squared days below 2^125: 128-bit integers hold both.
 */
#if defined(__SIZEOF_INT128__)

__extension__ typedef __int128 WideInt;

/* The sum of completed days T and, when squares is not NULL, of their squares Q. */
static WideInt
CompletedSums(const HdhDelaySummary *sum, WideInt *squares)
{
	WideInt		total = 0,
				q = 0;
	int32_t		i;

	for (i = 0; i < sum->n; i++)
	{
		WideInt		weighted = (WideInt) sum->entries[i].completed * sum->entries[i].day;

		total += weighted;
		if (squares != NULL)
			q += weighted * sum->entries[i].day;
	}
	if (squares != NULL)
		*squares = q;
	return total;
}

/* T / n as q + r / n: exact integer division, then one rounded fraction. */
bool
hdh_delay_mean(const HdhDelaySummary *sum, double *out)
{
	WideInt		total;

	if (sum->completed <= 0)
		return false;
	total = CompletedSums(sum, NULL);
	*out = (double) (total / sum->completed) +
		(double) (total % sum->completed) / (double) sum->completed;
	return true;
}

/*
 * The sum of squared deviations is Q - T^2 / n. With T = q n + r (q the
 * integer part of the mean, 0 <= r < n) that is
 *     Q - q (T + r) - r^2 / n,
 * where every product stays below 2^127 (q < 2^31, T + r < 2^95, r^2 < 2^126).
 * Only the fraction (r^2 mod n) / n, the division by n - 1 and the square root
 * round.
 */
bool
hdh_delay_stddev(const HdhDelaySummary *sum, double *out)
{
	WideInt		n = sum->completed;
	WideInt		total,
				squares,
				q,
				r,
				whole;
	double		deviations;

	if (sum->completed < 2)
		return false;
	total = CompletedSums(sum, &squares);
	q = total / n;
	r = total % n;
	whole = squares - q * (total + r) - (r * r) / n;
	deviations = (double) whole - (double) ((r * r) % n) / (double) n;
	*out = sqrt(deviations / (double) (n - 1));
	return true;
}

#else							/* no 128-bit integers: two passes in double */

bool
hdh_delay_mean(const HdhDelaySummary *sum, double *out)
{
	double		total = 0;
	int32_t		i;

	if (sum->completed <= 0)
		return false;
	for (i = 0; i < sum->n; i++)
		total += (double) sum->entries[i].completed * sum->entries[i].day;
	*out = total / (double) sum->completed;
	return true;
}

bool
hdh_delay_stddev(const HdhDelaySummary *sum, double *out)
{
	double		mean,
				deviations = 0;
	int32_t		i;

	if (!hdh_delay_mean(sum, &mean) || sum->completed < 2)
		return false;
	for (i = 0; i < sum->n; i++)
	{
		double		dev = sum->entries[i].day - mean;

		deviations += (double) sum->entries[i].completed * dev * dev;
	}
	*out = sqrt(deviations / (double) (sum->completed - 1));
	return true;
}

#endif

/* The first day with a completed delay. */
bool
hdh_delay_min(const HdhDelaySummary *sum, int32_t *out)
{
	int32_t		i;

	for (i = 0; i < sum->n; i++)
		if (sum->entries[i].completed > 0)
		{
			*out = sum->entries[i].day;
			return true;
		}
	return false;
}

/* The last day with a completed delay. */
bool
hdh_delay_max(const HdhDelaySummary *sum, int32_t *out)
{
	int32_t		i;

	for (i = sum->n - 1; i >= 0; i--)
		if (sum->entries[i].completed > 0)
		{
			*out = sum->entries[i].day;
			return true;
		}
	return false;
}

/* The same rule and message as PostgreSQL's percentile_cont. */
HdhStatus
hdh_delay_check_fraction(double p, HdhError *err)
{
	if (isnan(p) || p < 0.0 || p > 1.0)
		return hdh_fail(err, HDH_ERR_RANGE, NULL,
						"percentile value %g is not between 0 and 1", p);
	return HDH_OK;
}

/* The completed delay of 0-based rank r (r < completed). */
static int32_t
DayAtRank(const HdhDelaySummary *sum, int64_t r)
{
	int64_t		seen = 0;
	int32_t		i;

	for (i = 0; i < sum->n; i++)
	{
		seen += sum->entries[i].completed;
		if (seen > r)
			return sum->entries[i].day;
	}
	return sum->n > 0 ? sum->entries[sum->n - 1].day : 0;
}

/* Rank lookup by cumulative counts: O(distinct days), no sort. */
bool
hdh_delay_percentile_cont(const HdhDelaySummary *sum, double p, double *out)
{
	int64_t		rows = sum->completed;
	int64_t		first_row,
				second_row;
	double		pos,
				lo,
				hi;

	if (rows <= 0)
		return false;

	/*
	 * The same expressions as PostgreSQL's percentile_cont(float8). Near
	 * 2^63 rows (a literal can say so) p * (rows - 1) rounds up past the
	 * last row, where a cast to int64 is undefined: that is the last row.
	 */
	pos = p * (rows - 1);
	if (pos >= (double) (rows - 1))
		first_row = second_row = rows - 1;
	else
	{
		first_row = (int64_t) floor(pos);
		second_row = (int64_t) ceil(pos);
	}
	lo = (double) DayAtRank(sum, first_row);
	if (first_row == second_row)
	{
		*out = lo;
		return true;
	}
	hi = (double) DayAtRank(sum, second_row);
	*out = lo + ((pos - first_row) * (hi - lo));
	return true;
}

/* Rank lookup by cumulative counts: O(distinct days), no sort. */
bool
hdh_delay_percentile_disc(const HdhDelaySummary *sum, double p, int32_t *out)
{
	int64_t		rows = sum->completed;
	int64_t		rownum;

	if (rows <= 0)
		return false;
	/*
	 * PostgreSQL's percentile_disc: row ceil(p * n), 1-based, at least 1,
	 * at most n (compared as a double first: near 2^63 the cast would be
	 * undefined).
	 */
	if (ceil(p * rows) >= (double) rows)
		rownum = rows;
	else
		rownum = (int64_t) ceil(p * rows);
	if (rownum < 1)
		rownum = 1;
	*out = DayAtRank(sum, rownum - 1);
	return true;
}

/* A cumulative count up to `days`. */
bool
hdh_delay_share_within(const HdhDelaySummary *sum, int64_t days, double *out)
{
	int64_t		within = 0;
	int32_t		i;

	if (sum->completed <= 0)
		return false;
	for (i = 0; i < sum->n && sum->entries[i].day <= days; i++)
		within += sum->entries[i].completed;
	*out = (double) within / (double) sum->completed;
	return true;
}
