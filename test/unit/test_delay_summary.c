/*
 * test/unit/test_delay_summary.c
 *	  Building, merging and the statistics of delay summaries, checked against
 *	  naive computations over plain arrays of rows and hand-worked values.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/delay_summary.h"
#include "unit.h"

static void *
TestAlloc(void *ctx, size_t size)
{
	(void) ctx;
	return malloc(size);
}

static void
TestRelease(void *ctx, void *p)
{
	(void) ctx;
	free(p);
}

static const HdhDelayAlloc mem = {TestAlloc, TestRelease, NULL};

/* A small deterministic generator (xorshift64*), so failures reproduce. */
static uint64_t rng_state = 88172645463325252ULL;

static uint64_t
Rand(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

static int64_t
RandBelow(int64_t n)
{
	return (int64_t) (Rand() % (uint64_t) n);
}

/* Rows as plain arrays: the naive reference. */
typedef struct Rows
{
	int32_t    *day;
	bool	   *pending;
	int64_t		n;
} Rows;

static void
MakeRows(Rows *r, int64_t n, int64_t max_day, int pending_percent)
{
	int64_t		i;

	r->n = n;
	r->day = malloc((size_t) (n ? n : 1) * sizeof(int32_t));
	r->pending = malloc((size_t) (n ? n : 1) * sizeof(bool));
	for (i = 0; i < n; i++)
	{
		r->day[i] = (int32_t) RandBelow(max_day + 1);
		r->pending[i] = RandBelow(100) < pending_percent;
	}
}

static void
FreeRows(Rows *r)
{
	free(r->day);
	free(r->pending);
}

/* The summary the rows should give, computed by sorting a copy. */
static int
CompareInt32(const void *a, const void *b)
{
	int32_t		x = *(const int32_t *) a,
				y = *(const int32_t *) b;

	return (x > y) - (x < y);
}

static int
CompareUInt64(const void *a, const void *b)
{
	uint64_t	x = *(const uint64_t *) a,
				y = *(const uint64_t *) b;

	return (x > y) - (x < y);
}

/*
 * True when the summary holds exactly the rows: sort (day, pending) keys of
 * the rows and walk them beside the entries.
 */
static bool
SameAsRows(const HdhDelaySummary *s, const Rows *r)
{
	uint64_t   *k = malloc((size_t) (r->n ? r->n : 1) * sizeof(uint64_t));
	int64_t		i = 0,
				completed = 0,
				pending = 0;
	int32_t		e = 0;
	bool		ok = hdh_delay_check(s, HDH_ERR_DATA, NULL) == HDH_OK;

	for (i = 0; i < r->n; i++)
		k[i] = ((uint64_t) r->day[i] << 1) | (r->pending[i] ? 1 : 0);
	qsort(k, (size_t) r->n, sizeof(uint64_t), CompareUInt64);
	i = 0;
	while (ok && i < r->n)
	{
		int64_t		day = (int64_t) (k[i] >> 1),
					c = 0,
					p = 0;

		for (; i < r->n && (int64_t) (k[i] >> 1) == day; i++)
		{
			if (k[i] & 1)
				p++;
			else
				c++;
		}
		ok = e < s->n && s->entries[e].day == day &&
			s->entries[e].completed == c && s->entries[e].pending == p;
		completed += c;
		pending += p;
		e++;
	}
	free(k);
	return ok && e == s->n && s->completed == completed && s->pending == pending;
}

/* Add every row to a fresh state. */
static bool
BuildState(HdhDelayState *st, const Rows *r)
{
	HdhError	err;
	int64_t		i;

	hdh_delay_state_init(st, &mem);
	for (i = 0; i < r->n; i++)
		if (hdh_delay_add(st, r->day[i], r->pending[i], &err) != HDH_OK)
			return false;
	return true;
}

/* Build, view (read-only), flush: both must equal the rows. */
static void
CheckBuild(int64_t n, int64_t max_day, int pending_percent)
{
	Rows		r;
	HdhDelayState st,
				scratch;
	HdhDelaySummary view,
				flushed;
	HdhError	err;
	int32_t		nkeys_before;
	bool		ok;

	MakeRows(&r, n, max_day, pending_percent);
	ok = BuildState(&st, &r);
	nkeys_before = st.nkeys;
	ok = ok && hdh_delay_state_view(&st, &scratch, &view, &err) == HDH_OK;
	ok = ok && SameAsRows(&view, &r);
	ok = ok && st.nkeys == nkeys_before;	/* the view did not flush st */
	hdh_delay_state_free(&scratch);
	ok = ok && hdh_delay_flush(&st, &err) == HDH_OK;
	hdh_delay_state_summary(&st, &flushed);
	ok = ok && st.nkeys == 0 && SameAsRows(&flushed, &r);
	unit_report(ok, __FILE__, __LINE__, "build/view/flush equals the rows");
	hdh_delay_state_free(&st);
	FreeRows(&r);
}

/* Mean and stddev by the textbook two-pass formula in long double. */
static void
NaiveMoments(const Rows *r, double *mean, double *sd, int64_t *count)
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
SortedCompleted(const Rows *r, int64_t *n)
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
	Rows		r;
	HdhDelayState st;
	HdhDelaySummary s;
	HdhError	err;
	double		mean,
				sd,
				got;
	int64_t		count,
				nc;
	int32_t    *sorted;
	int32_t		gi;
	bool		ok = true;
	size_t		k;

	MakeRows(&r, n, max_day, pending_percent);
	BuildState(&st, &r);
	hdh_delay_flush(&st, &err);
	hdh_delay_state_summary(&st, &s);
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
			int32_t		limit = (int32_t) RandBelow(max_day + 1);
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
	hdh_delay_state_free(&st);
	FreeRows(&r);
}

/* Split rows into parts, summarise each, merge in different ways. */
static void
CheckMerge(int64_t n, int64_t max_day, int parts)
{
	Rows		r;
	HdhDelayState whole,
			   *part = calloc((size_t) parts, sizeof(HdhDelayState)),
				viaSummary,
				viaState;
	HdhDelaySummary s,
				ps;
	HdhError	err;
	int64_t		i;
	int			k;
	bool		ok = true;

	MakeRows(&r, n, max_day, 20);
	BuildState(&whole, &r);
	hdh_delay_flush(&whole, &err);
	for (k = 0; k < parts; k++)
		hdh_delay_state_init(&part[k], &mem);
	for (i = 0; i < r.n; i++)
		ok = ok && hdh_delay_add(&part[RandBelow(parts)], r.day[i], r.pending[i], &err) == HDH_OK;

	/* rollup: flushed parts added as summaries (staging for small ones) */
	hdh_delay_state_init(&viaSummary, &mem);
	hdh_delay_state_init(&viaState, &mem);
	for (k = 0; k < parts; k++)
	{
		/* combine: unflushed parts added as states */
		ok = ok && hdh_delay_add_state(&viaState, &part[k], &err) == HDH_OK;
		ok = ok && hdh_delay_flush(&part[k], &err) == HDH_OK;
		hdh_delay_state_summary(&part[k], &ps);
		ok = ok && hdh_delay_add_summary(&viaSummary, &ps, &err) == HDH_OK;
	}
	ok = ok && hdh_delay_flush(&viaSummary, &err) == HDH_OK;
	hdh_delay_state_summary(&viaSummary, &s);
	ok = ok && SameAsRows(&s, &r);
	ok = ok && hdh_delay_flush(&viaState, &err) == HDH_OK;
	hdh_delay_state_summary(&viaState, &s);
	ok = ok && SameAsRows(&s, &r);
	unit_report(ok, __FILE__, __LINE__, "merging parts equals the whole");
	for (k = 0; k < parts; k++)
		hdh_delay_state_free(&part[k]);
	free(part);
	hdh_delay_state_free(&whole);
	hdh_delay_state_free(&viaSummary);
	hdh_delay_state_free(&viaState);
	FreeRows(&r);
}

int
main(void)
{
	HdhError	err;
	HdhDelayState st;
	HdhDelaySummary s;
	double		d;
	int32_t		gi;

	/* Hand-worked: 3 completed at day 2, 1 at day 5, 1 pending at day 9. */
	{
		hdh_delay_state_init(&st, &mem);
		hdh_delay_add(&st, 5, false, &err);
		hdh_delay_add(&st, 2, false, &err);
		hdh_delay_add(&st, 9, true, &err);
		hdh_delay_add(&st, 2, false, &err);
		hdh_delay_add(&st, 2, false, &err);
		CHECK(hdh_delay_flush(&st, &err) == HDH_OK);
		hdh_delay_state_summary(&st, &s);
		CHECK(s.n == 3 && s.completed == 4 && s.pending == 1);
		CHECK(s.entries[0].day == 2 && s.entries[0].completed == 3 && s.entries[0].pending == 0);
		CHECK(s.entries[1].day == 5 && s.entries[1].completed == 1);
		CHECK(s.entries[2].day == 9 && s.entries[2].completed == 0 && s.entries[2].pending == 1);
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
		hdh_delay_state_free(&st);
	}

	/* One completed delay: stddev undefined; only pending: mean undefined. */
	{
		hdh_delay_state_init(&st, &mem);
		hdh_delay_add(&st, 7, false, &err);
		hdh_delay_flush(&st, &err);
		hdh_delay_state_summary(&st, &s);
		CHECK(hdh_delay_mean(&s, &d) && d == 7.0);
		CHECK(!hdh_delay_stddev(&s, &d));
		CHECK(hdh_delay_percentile_cont(&s, 0.3, &d) && d == 7.0);
		hdh_delay_state_free(&st);
		hdh_delay_state_init(&st, &mem);
		hdh_delay_add(&st, 7, true, &err);
		hdh_delay_flush(&st, &err);
		hdh_delay_state_summary(&st, &s);
		CHECK(!hdh_delay_mean(&s, &d) && !hdh_delay_min(&s, &gi) && !hdh_delay_max(&s, &gi));
		CHECK(!hdh_delay_share_within(&s, 10, &d) && !hdh_delay_percentile_disc(&s, 0.5, &gi));
		hdh_delay_state_free(&st);
	}

	/* Bad inputs. */
	hdh_delay_state_init(&st, &mem);
	CHECK(hdh_delay_add(&st, -1, false, &err) == HDH_ERR_DATA);
	CHECK(strstr(err.message, "-1") != NULL);
	CHECK(hdh_delay_add(&st, (int64_t) INT32_MAX + 1, false, &err) == HDH_ERR_DATA);
	CHECK(hdh_delay_add(&st, INT32_MAX, true, &err) == HDH_OK);
	CHECK(hdh_delay_check_fraction(1.5, &err) == HDH_ERR_RANGE && strstr(err.message, "1.5") != NULL);
	CHECK(hdh_delay_check_fraction(-0.0001, &err) == HDH_ERR_RANGE);
	CHECK(hdh_delay_check_fraction(NAN, &err) == HDH_ERR_RANGE);
	CHECK(hdh_delay_check_fraction(0, &err) == HDH_OK && hdh_delay_check_fraction(1, &err) == HDH_OK);
	hdh_delay_state_free(&st);

	/* Huge counts and days: exact mean, zero deviation, overflow detected. */
	{
		HdhDelayEntry big[2] = {{INT64_MAX / 2, 0, INT32_MAX - 1}, {INT64_MAX / 2, 0, INT32_MAX}};
		HdhDelaySummary b = {big, 2, (INT64_MAX / 2) * 2, 0};

		CHECK(hdh_delay_check(&b, HDH_ERR_DATA, &err) == HDH_OK);
		CHECK(hdh_delay_mean(&b, &d) && d == (double) INT32_MAX - 0.5);
		/* two equal halves at x and x + 1: sd = 0.5 * sqrt(n / (n - 1)) ~ 0.5 */
		CHECK(hdh_delay_stddev(&b, &d) && unit_near(d, 0.5, 1e-15));
		b.n = 1;
		b.completed = INT64_MAX / 2;
		CHECK(hdh_delay_stddev(&b, &d) && d == 0.0);
		CHECK(hdh_delay_mean(&b, &d) && d == (double) (INT32_MAX - 1));
		b.n = 2;
		b.completed = (INT64_MAX / 2) * 2;
		hdh_delay_state_init(&st, &mem);
		CHECK(hdh_delay_add_summary(&st, &b, &err) == HDH_OK);
		CHECK(hdh_delay_add_summary(&st, &b, &err) == HDH_ERR_RANGE);
		CHECK(strstr(err.message, "overflow") != NULL);
		hdh_delay_state_free(&st);
	}

	/* hdh_delay_check rejects every non-canonical list. */
	{
		HdhDelayEntry e[3] = {{1, 0, 3}, {1, 1, 4}, {2, 0, 5}};
		HdhDelaySummary c = {e, 3, 4, 1};

		CHECK(hdh_delay_check(&c, HDH_ERR_BINARY, &err) == HDH_OK);
		e[1].day = 3;
		CHECK(hdh_delay_check(&c, HDH_ERR_BINARY, &err) == HDH_ERR_BINARY && strstr(err.message, "day 3") != NULL);
		e[1].day = 5;
		CHECK(hdh_delay_check(&c, HDH_ERR_BINARY, &err) == HDH_ERR_BINARY);	/* duplicate */
		e[1].day = 4;
		e[0].completed = 0;
		CHECK(hdh_delay_check(&c, HDH_ERR_BINARY, &err) == HDH_ERR_BINARY);	/* empty day */
		e[0].completed = 1;
		c.completed = 5;
		CHECK(hdh_delay_check(&c, HDH_ERR_BINARY, &err) == HDH_ERR_BINARY && strstr(err.message, "totals") != NULL);
		c.completed = 4;
		e[2].pending = -1;
		CHECK(hdh_delay_check(&c, HDH_ERR_BINARY, &err) == HDH_ERR_BINARY);
		e[2].pending = 0;
		e[0].day = -4;
		CHECK(hdh_delay_check(&c, HDH_ERR_BINARY, &err) == HDH_ERR_BINARY);
	}

	/* Random rows: small groups (inline buffer), narrow ranges (counting
	 * sort), wide ranges (radix sort), many rows (buffer growth). */
	CheckBuild(0, 10, 50);
	CheckBuild(1, 10, 50);
	CheckBuild(7, 3, 50);
	CheckBuild(9, 3, 50);
	CheckBuild(100, 5, 30);
	CheckBuild(1000, 400, 10);
	CheckBuild(5000, 2000000000, 10);
	CheckBuild(20000, 100, 0);
	CheckBuild(20000, INT32_MAX, 50);
	CheckBuild(200000, 3650, 5);
	CheckBuild(100000, 70000, 5);

	CheckStats(1, 100, 0);
	CheckStats(2, 100, 0);
	CheckStats(10, 3, 0);		/* heavy ties */
	CheckStats(1000, 0, 0);		/* all equal */
	CheckStats(1000, 1000, 30);
	CheckStats(50000, 3650, 10);
	CheckStats(777, INT32_MAX, 10);
	CheckStats(5, 10, 100);		/* pending only */

	CheckMerge(1000, 50, 3);
	CheckMerge(20000, 3000, 400);	/* many small parts: staging */
	CheckMerge(50000, INT32_MAX, 7);
	CheckMerge(10, 5, 20);			/* empty parts */

	return unit_done();
}
