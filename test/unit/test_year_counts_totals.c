/*
 * test/unit/test_year_counts_totals.c
 *	  The yearly totals of src/core/year_counts_totals.c: adding, growth, spans of
 *	  days capped at as_of, merge, and the accessors, against hand-worked
 *	  values and against brute force (a day-by-day walk, a plain array).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/year_counts_totals.h"
#include "core_test.h"
#include "unit.h"

static TestMemory memory = TEST_MEMORY_INIT;
static const HdhAlloc alloc = {TestAlloc, TestRelease, &memory};

static uint64_t rng = 88172645463325252ULL;

static int32_t
Between(int32_t lo, int32_t hi)
{
	return lo + (int32_t) (TestRand(&rng) % (uint64_t) (hi - lo + 1));
}

/* Day number of year-month-day, from the calendar core and a month table. */
static int32_t
Day(int32_t year, int month, int day)
{
	static const int before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
	int			leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return (int32_t) (hdh_first_day_of_year(year) + before[month - 1]
					  + (leap && month > 2 ? 1 : 0) + day - 1);
}

static int64_t
Value(const HdhYearCounts *yc, int32_t year)
{
	int64_t		v = -1;

	hdh_year_counts_value(yc, year, &v, NULL);
	return v;
}

static void
Release(HdhYearCounts *yc)
{
	free(yc->totals);
	yc->totals = NULL;
	yc->count = 0;
	yc->first = 0;
}

/* Add one span with a fresh "counted through" marker. */
static HdhStatus
Span(HdhYearCounts *yc, int32_t first, int32_t end, bool open, int32_t as_of)
{
	int32_t		through = INT32_MIN;
	HdhError	err;

	return hdh_year_counts_add_span(yc, first, end, open, as_of, &through, &alloc, &err);
}

static void
TestAdd(void)
{
	HdhYearCounts yc = HDH_YEAR_COUNTS_EMPTY;
	HdhError	err;
	int64_t		plain[HDH_YEAR_MAX + 1];
	int			i;
	int			bad = 0;
	int			before;

	CHECK(hdh_year_counts_add(&yc, 2023, 1, &alloc, &err) == HDH_OK);
	CHECK(hdh_year_counts_add(&yc, 2023, 4, &alloc, &err) == HDH_OK);
	CHECK(Value(&yc, 2023) == 5);
	CHECK(Value(&yc, 2022) == 0);
	CHECK(Value(&yc, 1) == 0);
	CHECK(Value(&yc, 9999) == 0);

	/* A second add in the same year allocates nothing. */
	before = memory.allocations;
	CHECK(hdh_year_counts_add(&yc, 2024, 1, &alloc, &err) == HDH_OK);
	CHECK(memory.allocations == before);

	/* Out of range years, negative weights, overflow. */
	CHECK(hdh_year_counts_add(&yc, 0, 1, &alloc, &err) == HDH_ERR_RANGE);
	CHECK(strcmp(err.message, "year 0 is out of range for year_counts") == 0);
	CHECK(hdh_year_counts_add(&yc, 10000, 1, &alloc, &err) == HDH_ERR_RANGE);
	CHECK(strstr(err.message, "10000") != NULL);
	CHECK(hdh_year_counts_add(&yc, 2023, -1, &alloc, &err) == HDH_ERR_VALUE);
	CHECK(strstr(err.message, "-1") != NULL);
	CHECK(hdh_year_counts_add(&yc, 2023, INT64_MAX - 5, &alloc, &err) == HDH_OK);
	CHECK(Value(&yc, 2023) == INT64_MAX);
	CHECK(hdh_year_counts_add(&yc, 2023, 1, &alloc, &err) == HDH_ERR_RANGE);
	CHECK(strstr(err.message, "2023") != NULL);
	CHECK(Value(&yc, 2023) == INT64_MAX);
	CHECK(hdh_year_counts_add(&yc, 2023, 0, &alloc, &err) == HDH_OK);
	Release(&yc);

	/* The edges of the range: the array never reaches past 1 or 9999. */
	CHECK(hdh_year_counts_add(&yc, 1, 2, &alloc, &err) == HDH_OK);
	CHECK(yc.first == 1);
	CHECK(hdh_year_counts_add(&yc, 9999, 3, &alloc, &err) == HDH_OK);
	CHECK(yc.first == 1 && yc.first + yc.count - 1 == 9999);
	CHECK(Value(&yc, 1) == 2 && Value(&yc, 9999) == 3);
	Release(&yc);

	/* Random years and weights, in random order, against a plain array. */
	memset(plain, 0, sizeof(plain));
	for (i = 0; i < 20000; i++)
	{
		int32_t		y = i % 7 == 0 ? Between(1, 9999) : Between(1950, 2050);
		int64_t		w = (int64_t) (TestRand(&rng) % 1000);

		plain[y] += w;
		if (hdh_year_counts_add(&yc, y, w, &alloc, &err) != HDH_OK)
			bad++;
	}
	for (i = 1; i <= HDH_YEAR_MAX; i++)
		if (Value(&yc, i) != plain[i])
			bad++;
	CHECK(bad == 0);
	CHECK(yc.count <= HDH_YEAR_MAX);
	Release(&yc);

	/* Growth is geometric: adding 9999 years one by one allocates few times. */
	before = memory.allocations;
	for (i = 5000; i >= 1; i--)
		hdh_year_counts_add(&yc, i, 1, &alloc, &err);
	for (i = 5001; i <= 9999; i++)
		hdh_year_counts_add(&yc, i, 1, &alloc, &err);
	CHECK(memory.allocations - before < 40);
	CHECK(hdh_year_counts_present(&yc) == 9999);
	Release(&yc);
}

static void
TestSpans(void)
{
	HdhYearCounts yc = HDH_YEAR_COUNTS_EMPTY;
	HdhError	err;
	int32_t		through;
	int			i;
	int			bad = 0;

	/* [2023-03-01, 2024-01-01): the upper bound is exclusive, 2023 only. */
	CHECK(Span(&yc, Day(2023, 3, 1), Day(2024, 1, 1), 0, Day(2030, 1, 1)) == HDH_OK);
	CHECK(Value(&yc, 2023) == 1 && Value(&yc, 2024) == 0 && hdh_year_counts_present(&yc) == 1);
	/* [2023-03-01, 2024-01-02): one day of 2024. */
	CHECK(Span(&yc, Day(2023, 3, 1), Day(2024, 1, 2), 0, Day(2030, 1, 1)) == HDH_OK);
	CHECK(Value(&yc, 2023) == 2 && Value(&yc, 2024) == 1);
	Release(&yc);

	/* Crossing several years: 2020-06-15 to 2023-02-01. */
	CHECK(Span(&yc, Day(2020, 6, 15), Day(2023, 2, 1), false, Day(2030, 1, 1)) == HDH_OK);
	CHECK(Value(&yc, 2019) == 0 && Value(&yc, 2020) == 1 && Value(&yc, 2021) == 1 &&
		  Value(&yc, 2022) == 1 && Value(&yc, 2023) == 1 && Value(&yc, 2024) == 0);
	Release(&yc);

	/* Open end capped at as_of, which is inclusive. */
	CHECK(Span(&yc, Day(2021, 5, 5), 0, 1, Day(2023, 12, 31)) == HDH_OK);
	CHECK(Value(&yc, 2021) == 1 && Value(&yc, 2023) == 1 && Value(&yc, 2024) == 0);
	CHECK(Span(&yc, Day(2021, 5, 5), 0, 1, Day(2024, 1, 1)) == HDH_OK);
	CHECK(Value(&yc, 2021) == 2 && Value(&yc, 2024) == 1);
	/* A later end is capped too. */
	CHECK(Span(&yc, Day(2022, 1, 1), Day(2027, 1, 1), 0, Day(2024, 6, 30)) == HDH_OK);
	CHECK(Value(&yc, 2022) == 3 && Value(&yc, 2024) == 2 && Value(&yc, 2025) == 0);
	Release(&yc);

	/* Starting after as_of: skipped; starting on as_of: counted. */
	CHECK(Span(&yc, Day(2024, 1, 2), 0, 1, Day(2024, 1, 1)) == HDH_OK);
	CHECK(hdh_year_counts_present(&yc) == 0);
	CHECK(Span(&yc, Day(2024, 1, 1), 0, 1, Day(2024, 1, 1)) == HDH_OK);
	CHECK(Value(&yc, 2024) == 1);
	/* Empty: end on the first day. */
	CHECK(Span(&yc, Day(2022, 1, 1), Day(2022, 1, 1), 0, Day(2030, 1, 1)) == HDH_OK);
	CHECK(Value(&yc, 2022) == 0);
	Release(&yc);

	/* Several periods in one row: each year once. */
	through = INT32_MIN;
	CHECK(hdh_year_counts_add_span(&yc, Day(2023, 1, 1), Day(2023, 2, 1), false, Day(2030, 1, 1),
								   &through, &alloc, &err) == HDH_OK);
	CHECK(hdh_year_counts_add_span(&yc, Day(2023, 5, 1), Day(2024, 3, 1), false, Day(2030, 1, 1),
								   &through, &alloc, &err) == HDH_OK);
	CHECK(hdh_year_counts_add_span(&yc, Day(2024, 9, 1), Day(2024, 10, 1), false, Day(2030, 1, 1),
								   &through, &alloc, &err) == HDH_OK);
	CHECK(Value(&yc, 2023) == 1 && Value(&yc, 2024) == 1 && through == 2024);
	Release(&yc);

	/* Years out of range, from either end of the span. */
	CHECK(Span(&yc, Day(0, 6, 1), Day(2, 1, 1), 0, Day(2030, 1, 1)) == HDH_ERR_RANGE);
	CHECK(Span(&yc, Day(9999, 6, 1), 0, 1, Day(10001, 1, 1)) == HDH_ERR_RANGE);
	CHECK(Span(&yc, Day(9999, 6, 1), Day(10000, 1, 1), 0, Day(10001, 1, 1)) == HDH_OK);
	CHECK(Value(&yc, 9999) == 1);
	Release(&yc);

	/* Random spans against a day-by-day walk. */
	for (i = 0; i < 3000 && bad == 0; i++)
	{
		int32_t		first = Between(Day(2015, 1, 1), Day(2026, 1, 1));
		int			open = (int) (TestRand(&rng) % 4 == 0);
		int32_t		end = first + Between(-3, 1500);
		int32_t		as_of = Between(Day(2016, 1, 1), Day(2027, 1, 1));
		int64_t		want[HDH_YEAR_MAX + 1];
		int32_t		d;
		int32_t		last = open ? as_of : (end - 1 < as_of ? end - 1 : as_of);
		int32_t		y;

		memset(want + 2000, 0, sizeof(int64_t) * 40);
		for (d = first; d <= last; d++)
			want[hdh_year_of_day(d)] = 1;
		if (Span(&yc, first, end, open, as_of) != HDH_OK)
			bad++;
		for (y = 2000; y < 2040; y++)
			if (Value(&yc, y) != want[y])
				bad++;
		Release(&yc);
	}
	CHECK(bad == 0);
}

static void
TestMerge(void)
{
	HdhYearCounts a = HDH_YEAR_COUNTS_EMPTY;
	HdhYearCounts b = HDH_YEAR_COUNTS_EMPTY;
	HdhYearCounts sum = HDH_YEAR_COUNTS_EMPTY;
	HdhYearCounts trimmed;
	HdhError	err;
	int			bad = 0;
	int			i;

	for (i = 0; i < 500; i++)
	{
		hdh_year_counts_add(&a, Between(1990, 2010), Between(0, 100), &alloc, &err);
		hdh_year_counts_add(&b, Between(2005, 2030), Between(0, 100), &alloc, &err);
	}
	CHECK(hdh_year_counts_merge(&sum, &a, &alloc, &err) == HDH_OK);
	CHECK(hdh_year_counts_merge(&sum, &b, &alloc, &err) == HDH_OK);
	for (i = 1980; i <= 2040; i++)
		if (Value(&sum, i) != Value(&a, i) + Value(&b, i))
			bad++;
	CHECK(bad == 0);

	/* Merging the empty value changes nothing. */
	{
		HdhYearCounts empty = HDH_YEAR_COUNTS_EMPTY;

		CHECK(hdh_year_counts_merge(&sum, &empty, &alloc, &err) == HDH_OK);
		CHECK(Value(&sum, 2005) == Value(&a, 2005) + Value(&b, 2005));
	}

	/* Trimmed view: first and last non-zero. */
	trimmed = hdh_year_counts_trimmed(&sum);
	CHECK(trimmed.count > 0 && trimmed.totals[0] > 0 && trimmed.totals[trimmed.count - 1] > 0);
	CHECK(hdh_year_counts_check_trimmed(&trimmed, HDH_ERR_DATA, &err) == HDH_OK);
	CHECK(hdh_year_counts_check_trimmed(&sum, HDH_ERR_DATA, &err) != HDH_OK ||
		  (sum.totals[0] > 0 && sum.totals[sum.count - 1] > 0));
	Release(&a);
	Release(&b);
	Release(&sum);

	/* Overflow in any year fails the merge and leaves the target unchanged. */
	hdh_year_counts_add(&a, 2020, 5, &alloc, &err);
	hdh_year_counts_add(&a, 2021, INT64_MAX - 1, &alloc, &err);
	hdh_year_counts_add(&b, 2020, 7, &alloc, &err);
	hdh_year_counts_add(&b, 2021, 2, &alloc, &err);
	CHECK(hdh_year_counts_merge(&a, &b, &alloc, &err) == HDH_ERR_RANGE);
	CHECK(strstr(err.message, "2021") != NULL);
	CHECK(Value(&a, 2020) == 5 && Value(&a, 2021) == INT64_MAX - 1);
	Release(&a);
	Release(&b);

	/* Inconsistent stored values. */
	{
		int64_t		t[3] = {0, 1, 2};
		int64_t		n[3] = {1, -1, 2};
		HdhYearCounts v = {2000, 3, t};

		CHECK(hdh_year_counts_check_trimmed(&v, HDH_ERR_DATA, &err) == HDH_ERR_DATA);
		v.totals = n;
		CHECK(hdh_year_counts_check_trimmed(&v, HDH_ERR_BINARY, &err) == HDH_ERR_BINARY);
		CHECK(strstr(err.message, "-1") != NULL);
		v.totals = t + 1;
		v.count = 2;
		v.first = 9999;
		CHECK(hdh_year_counts_check_trimmed(&v, HDH_ERR_DATA, &err) == HDH_ERR_DATA);
		v.first = 9998;
		CHECK(hdh_year_counts_check_trimmed(&v, HDH_ERR_DATA, &err) == HDH_OK);
		v.count = 0;
		CHECK(hdh_year_counts_check_trimmed(&v, HDH_ERR_DATA, &err) == HDH_ERR_DATA);
		v.first = 0;
		CHECK(hdh_year_counts_check_trimmed(&v, HDH_ERR_DATA, &err) == HDH_OK);
	}
}

static void
TestAccessors(void)
{
	/* 2020: 10, 2021: 0 (absent), 2022: 20, 2023: 40, 2024: 0, 2025: 5 */
	int64_t		t[6] = {10, 0, 20, 40, 0, 5};
	HdhYearCounts yc = {2020, 6, t};
	HdhYearCounts one = {2023, 1, t + 3};
	HdhYearCounts empty = HDH_YEAR_COUNTS_EMPTY;
	HdhError	err;
	int64_t		sum;
	double		x;
	bool		defined;

	CHECK(Value(&yc, 2022) == 20);
	CHECK(Value(&yc, 2021) == 0);
	CHECK(Value(&yc, 1999) == 0);
	CHECK(hdh_year_counts_value(&yc, 0, &sum, &err) == HDH_ERR_RANGE);
	CHECK(hdh_year_counts_value(&yc, 10000, &sum, &err) == HDH_ERR_RANGE);

	/* cumulative: inclusive, over missing years, outside the array, reversed. */
	CHECK(hdh_year_counts_cumulative(&yc, 2020, 2025, &sum, &err) == HDH_OK && sum == 75);
	CHECK(hdh_year_counts_cumulative(&yc, 2022, 2023, &sum, &err) == HDH_OK && sum == 60);
	CHECK(hdh_year_counts_cumulative(&yc, 2021, 2021, &sum, &err) == HDH_OK && sum == 0);
	CHECK(hdh_year_counts_cumulative(&yc, 1, 9999, &sum, &err) == HDH_OK && sum == 75);
	CHECK(hdh_year_counts_cumulative(&yc, 2023, 2040, &sum, &err) == HDH_OK && sum == 45);
	CHECK(hdh_year_counts_cumulative(&yc, 2030, 2040, &sum, &err) == HDH_OK && sum == 0);
	CHECK(hdh_year_counts_cumulative(&yc, 2025, 2020, &sum, &err) == HDH_OK && sum == 0);
	CHECK(hdh_year_counts_cumulative(&empty, 2020, 2025, &sum, &err) == HDH_OK && sum == 0);
	CHECK(hdh_year_counts_cumulative(&yc, 0, 2025, &sum, &err) == HDH_ERR_RANGE);
	{
		int64_t		big[2] = {INT64_MAX, 1};
		HdhYearCounts b = {2000, 2, big};

		CHECK(hdh_year_counts_cumulative(&b, 2000, 2000, &sum, &err) == HDH_OK && sum == INT64_MAX);
		CHECK(hdh_year_counts_cumulative(&b, 2000, 2001, &sum, &err) == HDH_ERR_RANGE);
	}

	/* multiplier: 40 / 20 = 2; 5 / 40 = 0.125; zero base undefined; missing year 0. */
	CHECK(hdh_year_counts_multiplier(&yc, 2022, 2023, &x, &defined, &err) == HDH_OK);
	CHECK(defined && x == 2.0);
	CHECK(hdh_year_counts_multiplier(&yc, 2023, 2025, &x, &defined, &err) == HDH_OK);
	CHECK(defined && x == 0.125);
	CHECK(hdh_year_counts_multiplier(&yc, 2023, 2024, &x, &defined, &err) == HDH_OK);
	CHECK(defined && x == 0.0);
	CHECK(hdh_year_counts_multiplier(&yc, 2021, 2022, &x, &defined, &err) == HDH_OK && !defined);
	CHECK(hdh_year_counts_multiplier(&yc, 2023, 2023, &x, &defined, &err) == HDH_OK);
	CHECK(defined && x == 1.0);
	CHECK(hdh_year_counts_multiplier(&yc, 2023, 10000, &x, &defined, &err) == HDH_ERR_RANGE);

	/* cagr: 2020 -> 2023 is 10 -> 40: 4^(1/3) - 1; 2022 -> 2023: 1.0; to 0: -1. */
	CHECK(hdh_year_counts_cagr(&yc, 2020, 2023, &x, &defined, &err) == HDH_OK && defined);
	CHECK_NEAR(x, 0.5874010519681994, 1e-12);
	CHECK(hdh_year_counts_cagr(&yc, 2022, 2023, &x, &defined, &err) == HDH_OK && defined);
	CHECK_NEAR(x, 1.0, 1e-15);
	CHECK(hdh_year_counts_cagr(&yc, 2023, 2024, &x, &defined, &err) == HDH_OK && defined);
	CHECK_NEAR(x, -1.0, 1e-15);
	/* 2020 -> 2025: 10 -> 5 over 5 years: 0.5^(1/5) - 1. */
	CHECK(hdh_year_counts_cagr(&yc, 2020, 2025, &x, &defined, &err) == HDH_OK && defined);
	CHECK_NEAR(x, -0.12944943670387588, 1e-12);
	CHECK(hdh_year_counts_cagr(&yc, 2021, 2023, &x, &defined, &err) == HDH_OK && !defined);
	CHECK(hdh_year_counts_cagr(&yc, 2023, 2023, &x, &defined, &err) == HDH_OK && !defined);
	CHECK(hdh_year_counts_cagr(&yc, 2023, 2020, &x, &defined, &err) == HDH_OK && !defined);
	CHECK(hdh_year_counts_cagr(&one, 2023, 2023, &x, &defined, &err) == HDH_OK && !defined);
	CHECK(hdh_year_counts_cagr(&yc, -5, 2023, &x, &defined, &err) == HDH_ERR_RANGE);
	CHECK(strstr(err.message, "-5") != NULL);

	CHECK(hdh_year_counts_present(&yc) == 4);
	CHECK(hdh_year_counts_present(&empty) == 0);
}

/*
 * The inverses: random adds and removals against a plain array, spans added
 * then removed in another order leave nothing, unmerge undoes merge, and a
 * removal below zero fails and changes nothing.
 */
static void
TestRemove(void)
{
	HdhYearCounts yc = HDH_YEAR_COUNTS_EMPTY;
	HdhYearCounts part = HDH_YEAR_COUNTS_EMPTY;
	HdhError	err;
	static int64_t plain[HDH_YEAR_MAX + 1];
	int32_t		years[5000];
	int64_t		weights[5000];
	int32_t		firsts[500];
	int32_t		ends[500];
	int32_t		as_ofs[500];
	bool		opens[500];
	int			i;
	int			bad = 0;

	memset(plain, 0, sizeof(plain));
	for (i = 0; i < 5000; i++)
	{
		years[i] = Between(1990, 2030);
		weights[i] = (int64_t) (TestRand(&rng) % 50);
		plain[years[i]] += weights[i];
		if (hdh_year_counts_add(&yc, years[i], weights[i], &alloc, &err) != HDH_OK)
			bad++;
		/* Remove an earlier row now and then, as a sliding frame does. */
		if (i >= 10 && i % 3 == 0)
		{
			int			j = i - 10;

			plain[years[j]] -= weights[j];
			if (hdh_year_counts_subtract(&yc, years[j], weights[j], &err) != HDH_OK)
				bad++;
			weights[j] = 0;
		}
	}
	for (i = 1; i <= HDH_YEAR_MAX; i++)
		if (Value(&yc, i) != plain[i])
			bad++;
	CHECK(bad == 0);

	/* Below zero: an error naming the year, the totals unchanged. */
	CHECK(hdh_year_counts_subtract(&yc, 2040, 1, &err) == HDH_ERR_DATA);
	CHECK(strstr(err.message, "2040") != NULL);
	CHECK(hdh_year_counts_subtract(&yc, 2000, plain[2000] + 1, &err) == HDH_ERR_DATA);
	CHECK(Value(&yc, 2000) == plain[2000]);
	CHECK(hdh_year_counts_subtract(&yc, 2000, -1, &err) == HDH_ERR_DATA);
	CHECK(hdh_year_counts_subtract(&yc, 2000, plain[2000], &err) == HDH_OK);
	CHECK(Value(&yc, 2000) == 0);
	Release(&yc);

	/* Spans: add 500, remove them in reverse order, nothing is left. */
	for (i = 0; i < 500; i++)
	{
		int32_t		through = INT32_MIN;

		firsts[i] = Day(Between(1995, 2025), Between(1, 12), Between(1, 28));
		ends[i] = firsts[i] + Between(-10, 4000);
		opens[i] = i % 5 == 0;
		as_ofs[i] = Day(Between(1994, 2030), 6, 30);
		if (hdh_year_counts_add_span(&yc, firsts[i], ends[i], opens[i], as_ofs[i],
									 &through, &alloc, &err) != HDH_OK)
			bad++;
	}
	CHECK(bad == 0);
	CHECK(hdh_year_counts_present(&yc) > 0);
	for (i = 499; i >= 0; i--)
	{
		int32_t		through = INT32_MIN;

		if (hdh_year_counts_remove_span(&yc, firsts[i], ends[i], opens[i], as_ofs[i],
										&through, &err) != HDH_OK)
			bad++;
	}
	CHECK(bad == 0);
	CHECK(hdh_year_counts_present(&yc) == 0);

	/* A span removed from nothing fails whole. */
	{
		int32_t		through = INT32_MIN;

		CHECK(hdh_year_counts_add(&yc, 2021, 1, &alloc, &err) == HDH_OK);
		CHECK(hdh_year_counts_remove_span(&yc, Day(2020, 5, 1), Day(2022, 5, 1), false,
										  Day(2030, 1, 1), &through, &err) == HDH_ERR_DATA);
		CHECK(strstr(err.message, "2020") != NULL);
		CHECK(Value(&yc, 2021) == 1);
	}
	Release(&yc);

	/* Unmerge undoes merge, and refuses what was not merged. */
	CHECK(hdh_year_counts_add(&yc, 2020, 7, &alloc, &err) == HDH_OK);
	CHECK(hdh_year_counts_add(&part, 2019, 2, &alloc, &err) == HDH_OK);
	CHECK(hdh_year_counts_add(&part, 2021, 3, &alloc, &err) == HDH_OK);
	CHECK(hdh_year_counts_merge(&yc, &part, &alloc, &err) == HDH_OK);
	CHECK(hdh_year_counts_unmerge(&yc, &part, &err) == HDH_OK);
	CHECK(Value(&yc, 2019) == 0 && Value(&yc, 2020) == 7 && Value(&yc, 2021) == 0);
	CHECK(hdh_year_counts_unmerge(&yc, &part, &err) == HDH_ERR_DATA);
	CHECK(Value(&yc, 2020) == 7);
	Release(&yc);
	Release(&part);
}

int
main(void)
{
	TestAdd();
	TestSpans();
	TestMerge();
	TestAccessors();
	TestRemove();
	return unit_done();
}
