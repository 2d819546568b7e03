/*
 * test/unit/test_delay_stats.c
 *	  The statistics of completed delays (src/core/delay_stats.c) on
 *	  hand-worked summaries and against naive computations over plain arrays
 *	  of rows: mean, standard deviation, extremes, percentiles, shares.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/delay_stats.h"
#include "core_test.h"
#include "unit.h"

static uint64_t rng_state = 88172645463325252ULL;

/* int32_t, for qsort. */
static int
CompareInt32(const void *a, const void *b)
{
	int32_t		x = *(const int32_t *) a,
				y = *(const int32_t *) b;

	return (x > y) - (x < y);
}

/* Mean and stddev by the textbook two-pass formula in long double. */
static void
NaiveMoments(const TestRows *r, double *mean, double *sd, int64_t *count)
{
	long double sum = 0,
				sq = 0,
				m;
	int64_t		i,
				n = 0;

	for (i = 0; i < r->n; i++)
		if (!r->pending[i])
		{
			sum += r->day[i];
			n++;
		}
	*count = n;
	m = n ? sum / n : 0;
	for (i = 0; i < r->n; i++)
		if (!r->pending[i])
			sq += (r->day[i] - m) * (r->day[i] - m);
	*mean = (double) m;
	*sd = n > 1 ? (double) sqrtl(sq / (n - 1)) : NAN;
}

/* Sorted completed days. */
static int32_t *
SortedCompleted(const TestRows *r, int64_t *n)
{
	int32_t    *a = malloc((size_t) (r->n ? r->n : 1) * sizeof(int32_t));
	int64_t		i,
				k = 0;

	for (i = 0; i < r->n; i++)
		if (!r->pending[i])
			a[k++] = r->day[i];
	qsort(a, (size_t) k, sizeof(int32_t), CompareInt32);
	*n = k;
	return a;
}

/* PostgreSQL's percentile_cont over a sorted array (orderedsetaggs.c). */
static double
NaiveCont(const int32_t *a, int64_t n, double p)
{
	int64_t		first = (int64_t) floor(p * (n - 1));
	int64_t		second = (int64_t) ceil(p * (n - 1));
	double		lo = a[first],
				hi = a[second];

	if (first == second)
		return lo;
	return lo + (((p * (n - 1)) - first) * (hi - lo));
}

/* PostgreSQL's percentile_disc over a sorted array. */
static int32_t
NaiveDisc(const int32_t *a, int64_t n, double p)
{
	int64_t		rownum = (int64_t) ceil(p * n);

	return a[rownum > 1 ? rownum - 1 : 0];
}

static void
CheckStats(int64_t n, int64_t max_day, int pending_percent)
{
	static const double ps[] = {0, 0.01, 0.1, 0.25, 1.0 / 3, 0.5, 0.6, 2.0 / 3, 0.75, 0.9, 0.99, 1};
	TestRows	r;
	HdhDelaySummary s;
	double		mean,
				sd,
				got;
	int64_t		count,
				nc;
	int32_t    *sorted;
	int32_t		gi;
	bool		ok = true;
	size_t		k;

	TestMakeRows(&r, n, max_day, pending_percent, &rng_state);
	s = TestSummaryOfRows(&r);
	NaiveMoments(&r, &mean, &sd, &count);
	sorted = SortedCompleted(&r, &nc);

	if (count == 0)
		ok = !hdh_delay_mean(&s, &got) && !hdh_delay_min(&s, &gi) &&
			!hdh_delay_percentile_cont(&s, 0.5, &got);
	else
	{
		ok = ok && hdh_delay_mean(&s, &got) && unit_near(got, mean, 1e-12);
		if (count > 1)
			ok = ok && hdh_delay_stddev(&s, &got) && unit_near(got, sd, 1e-9);
		else
			ok = ok && !hdh_delay_stddev(&s, &got);
		ok = ok && hdh_delay_min(&s, &gi) && gi == sorted[0];
		ok = ok && hdh_delay_max(&s, &gi) && gi == sorted[nc - 1];
		for (k = 0; k < sizeof(ps) / sizeof(ps[0]); k++)
		{
			/* exact equality: the same floating-point expressions as PostgreSQL */
			ok = ok && hdh_delay_percentile_cont(&s, ps[k], &got) && got == NaiveCont(sorted, nc, ps[k]);
			ok = ok && hdh_delay_percentile_disc(&s, ps[k], &gi) && gi == NaiveDisc(sorted, nc, ps[k]);
		}
		{
			int32_t		limit = (int32_t) TestRandBelow(&rng_state, max_day + 1);
			int64_t		within = 0,
						i;

			for (i = 0; i < nc; i++)
				within += sorted[i] <= limit;
			ok = ok && hdh_delay_share_within(&s, limit, &got) &&
				got == (double) within / (double) nc;
		}
	}
	unit_report(ok, __FILE__, __LINE__, "statistics equal the naive ones");
	free(sorted);
	free((void *) s.entries);
	TestFreeRows(&r);
}

int
main(void)
{
	HdhError	err;
	double		d;
	int32_t		gi;

	/* Hand-worked: 3 completed at day 2, 1 at day 5, 1 pending at day 9. */
	{
		HdhDelayEntry e[3] = {{3, 0, 2}, {1, 0, 5}, {0, 1, 9}};
		HdhDelaySummary s = {e, 3, 4, 1};

		/* mean (2+2+2+5)/4 = 2.75; deviations -.75 x3, 2.25: ss = 1.6875 + 5.0625 = 6.75; var 2.25 */
		CHECK(hdh_delay_mean(&s, &d) && d == 2.75);
		CHECK(hdh_delay_stddev(&s, &d) && d == 1.5);
		/* percentile_cont(0.5): position 1.5 between 2 and 2 -> 2; 0.9: 2.7 -> 2 + .7 * 3 = 4.1 */
		CHECK(hdh_delay_percentile_cont(&s, 0.5, &d) && d == 2.0);
		CHECK_NEAR((hdh_delay_percentile_cont(&s, 0.9, &d), d), 4.1, 1e-15);
		/* percentile_disc(0.75): ceil(3) = row 3 -> 2; 0.76: ceil(3.04) = row 4 -> 5 */
		CHECK(hdh_delay_percentile_disc(&s, 0.75, &gi) && gi == 2);
		CHECK(hdh_delay_percentile_disc(&s, 0.76, &gi) && gi == 5);
		CHECK(hdh_delay_percentile_disc(&s, 0, &gi) && gi == 2);
		CHECK(hdh_delay_share_within(&s, 4, &d) && d == 0.75);
		CHECK(hdh_delay_share_within(&s, -1, &d) && d == 0.0);
		CHECK(hdh_delay_min(&s, &gi) && gi == 2);
		CHECK(hdh_delay_max(&s, &gi) && gi == 5);
	}

	/* One completed delay: stddev undefined; only pending: mean undefined. */
	{
		HdhDelayEntry one = {1, 0, 7};
		HdhDelaySummary s = {&one, 1, 1, 0};

		CHECK(hdh_delay_mean(&s, &d) && d == 7.0);
		CHECK(!hdh_delay_stddev(&s, &d));
		CHECK(hdh_delay_percentile_cont(&s, 0.3, &d) && d == 7.0);
		one.completed = 0;
		one.pending = 1;
		s.completed = 0;
		s.pending = 1;
		CHECK(!hdh_delay_mean(&s, &d) && !hdh_delay_min(&s, &gi) && !hdh_delay_max(&s, &gi));
		CHECK(!hdh_delay_share_within(&s, 10, &d) && !hdh_delay_percentile_disc(&s, 0.5, &gi));
	}

	/* The percentile fraction: [0, 1], as percentile_cont. */
	CHECK(hdh_delay_check_fraction(1.5, &err) == HDH_ERR_RANGE && strstr(err.message, "1.5") != NULL);
	CHECK(hdh_delay_check_fraction(-0.0001, &err) == HDH_ERR_RANGE);
	CHECK(hdh_delay_check_fraction(NAN, &err) == HDH_ERR_RANGE);
	CHECK(hdh_delay_check_fraction(0, &err) == HDH_OK && hdh_delay_check_fraction(1, &err) == HDH_OK);

	/* Huge counts and days: exact mean, zero deviation. */
	{
		HdhDelayEntry big[2] = {{INT64_MAX / 2, 0, INT32_MAX - 1}, {INT64_MAX / 2, 0, INT32_MAX}};
		HdhDelaySummary b = {big, 2, (INT64_MAX / 2) * 2, 0};

		CHECK(hdh_delay_mean(&b, &d) && d == (double) INT32_MAX - 0.5);
		/* two equal halves at x and x + 1: sd = 0.5 * sqrt(n / (n - 1)) ~ 0.5 */
		CHECK(hdh_delay_stddev(&b, &d) && unit_near(d, 0.5, 1e-15));
		b.n = 1;
		b.completed = INT64_MAX / 2;
		CHECK(hdh_delay_stddev(&b, &d) && d == 0.0);
		CHECK(hdh_delay_mean(&b, &d) && d == (double) (INT32_MAX - 1));
	}

	/*
	 * Large days, small spread: a sum of squares in double (2e6 * 2^62) would
	 * cancel to nothing. Mean 2^31 - 2, deviations +-1: variance 2e6 / (2e6 - 1).
	 */
	{
		HdhDelayEntry far[2] = {{1000000, 0, INT32_MAX - 2}, {1000000, 0, INT32_MAX}};
		HdhDelaySummary f = {far, 2, 2000000, 0};

		CHECK(hdh_delay_mean(&f, &d) && d == (double) INT32_MAX - 1);
		CHECK_NEAR((hdh_delay_stddev(&f, &d), d), sqrt(2e6 / (2e6 - 1)), 1e-15);
		/* 0, 1, 3: mean 4/3, squared deviations 14/3, variance 7/3 */
		far[0] = (HdhDelayEntry) {1, 0, 0};
		far[1] = (HdhDelayEntry) {1, 0, 1};
		f.n = 2;
		f.completed = 2;
		CHECK(hdh_delay_stddev(&f, &d) && d == sqrt(0.5));
		{
			HdhDelayEntry three[3] = {{1, 0, 0}, {1, 0, 1}, {1, 0, 3}};
			HdhDelaySummary t = {three, 3, 3, 0};

			CHECK_NEAR((hdh_delay_mean(&t, &d), d), 4.0 / 3.0, 1e-16);
			CHECK_NEAR((hdh_delay_stddev(&t, &d), d), sqrt(7.0 / 3.0), 1e-15);
		}
	}

	CheckStats(1, 100, 0);
	CheckStats(2, 100, 0);
	CheckStats(10, 3, 0);		/* heavy ties */
	CheckStats(1000, 0, 0);		/* all equal */
	CheckStats(1000, 1000, 30);
	CheckStats(50000, 3650, 10);
	CheckStats(777, INT32_MAX, 10);
	CheckStats(5, 10, 100);		/* pending only */

	/*
	 * Counts near 2^63 (a literal can give them): the percentiles' row
	 * numbers round past the last row in double, and stay on it.
	 */
	{
		HdhDelayEntry huge[2] = {{1, 0, 1}, {INT64_MAX - 1, 0, 5}};
		HdhDelaySummary h = {huge, 2, INT64_MAX, 0};
		double		d;
		int32_t		day;

		CHECK(hdh_delay_percentile_cont(&h, 1.0, &d) && d == 5.0);
		CHECK(hdh_delay_percentile_cont(&h, 0.0, &d) && d == 1.0);
		CHECK(hdh_delay_percentile_cont(&h, 0.5, &d) && d == 5.0);
		CHECK(hdh_delay_percentile_disc(&h, 1.0, &day) && day == 5);
		CHECK(hdh_delay_percentile_disc(&h, 0.0, &day) && day == 1);
	}
	return unit_done();
}
