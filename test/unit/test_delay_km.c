/*
 * test/unit/test_delay_km.c
 *	  Kaplan–Meier survival, median and restricted mean: hand-worked examples
 *	  (the computation is written beside each), then random summaries against
 *	  a naive estimator that works row by row from the definition.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "core/delay_km.h"
#include "core/delay_state.h"
#include "core/delay_stats.h"
#include "core_test.h"
#include "unit.h"

/* Entries are {completed, pending, day}. */
#define SUMMARY(name, ...) \
	static const HdhDelayEntry name##_e[] = {__VA_ARGS__}; \
	HdhDelaySummary name = {name##_e, (int32_t) (sizeof(name##_e) / sizeof(name##_e[0])), 0, 0}; \
	Totals(&name)

static void
Totals(HdhDelaySummary *s)
{
	int32_t		i;

	s->completed = s->pending = 0;
	for (i = 0; i < s->n; i++)
	{
		s->completed += s->entries[i].completed;
		s->pending += s->entries[i].pending;
	}
}

static double
S(const HdhDelaySummary *s, int64_t t)
{
	double		v;

	return hdh_delay_km_survival(s, t, &v) ? v : NAN;
}

static double
Median(const HdhDelaySummary *s)
{
	double		v;

	return hdh_delay_km_median(s, &v) ? v : NAN;
}

static double
Rmst(const HdhDelaySummary *s, int64_t tau)
{
	double		v;
	bool		defined;
	HdhError	err;

	if (hdh_delay_rmst(s, tau, &v, &defined, &err) != HDH_OK || !defined)
		return NAN;
	return v;
}

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;


/*
 * The Kaplan–Meier estimate from rows, straight from the definition: for
 * each event time e <= t, multiply by 1 - d(e) / n(e), with n(e) the rows
 * whose time is >= e and d(e) the completed rows at e.
 */
static double
NaiveS(const int32_t *day, const bool *pending, int n, int64_t t)
{
	double		s = 1.0;
	int64_t		e;

	for (e = 0; e <= t && e <= 1000; e++)
	{
		int			at_risk = 0,
					events = 0,
					i;

		for (i = 0; i < n; i++)
		{
			at_risk += day[i] >= e;
			events += day[i] == e && !pending[i];
		}
		if (events > 0)
			s *= 1.0 - (double) events / at_risk;
	}
	return s;
}

int
main(void)
{
	HdhError	err;
	double		v;
	bool		defined;
	int			round;

	/*
	 * Censoring on the day of events. Completed 1, 2, 2, 3; pending 2, 4.
	 *	 t = 1: at risk 6 (all), 1 event: S = 5/6
	 *	 t = 2: at risk 5 (2, 2, 2 pending, 3, 4 pending), 2 events: S = 5/6 * 3/5 = 1/2
	 *	 t = 3: at risk 2 (3, 4 pending), 1 event: S = 1/2 * 1/2 = 1/4
	 *	 median: S(2) = 0.5 exactly, next event at 3: (2 + 3) / 2 = 2.5
	 *	 RMST(4) = 1*1 + 5/6*1 + 1/2*1 + 1/4*1 = 31/12; RMST(2) = 1 + 5/6 = 11/6
	 */
	{
		SUMMARY(a, {1, 0, 1}, {2, 1, 2}, {1, 0, 3}, {0, 1, 4});

		CHECK(S(&a, -1) == 1.0);
		CHECK(S(&a, 0) == 1.0);
		CHECK_NEAR(S(&a, 1), 5.0 / 6, 1e-15);
		CHECK_NEAR(S(&a, 2), 0.5, 1e-15);
		CHECK_NEAR(S(&a, 3), 0.25, 1e-15);
		CHECK_NEAR(S(&a, 100), 0.25, 1e-15);
		CHECK(Median(&a) == 2.5);
		CHECK_NEAR(Rmst(&a, 4), 31.0 / 12, 1e-15);
		CHECK_NEAR(Rmst(&a, 2), 11.0 / 6, 1e-15);
		CHECK(Rmst(&a, 0) == 0.0);
		/* S stays flat (1/4) past the last observation: RMST(10) = 31/12 + 6/4 */
		CHECK_NEAR(Rmst(&a, 10), 31.0 / 12 + 1.5, 1e-15);
	}

	/*
	 * Never reaches 0.5. Completed 1; pending 2, 3, 4.
	 *	 t = 1: at risk 4, 1 event: S = 3/4, then no event: median undefined
	 *	 RMST(5) = 1 * 1 + 3/4 * 4 = 4
	 */
	{
		SUMMARY(b, {1, 0, 1}, {0, 1, 2}, {0, 1, 3}, {0, 1, 4});

		CHECK(isnan(Median(&b)));
		CHECK_NEAR(S(&b, 4), 0.75, 1e-15);
		CHECK_NEAR(Rmst(&b, 5), 4.0, 1e-15);
	}

	/*
	 * Exactly 0.5 with no event after: completed 1, pending 3.
	 *	 t = 1: at risk 2, 1 event: S = 1/2; no later event, largest observed
	 *	 delay 3: median (1 + 3) / 2 = 2
	 */
	{
		SUMMARY(c, {1, 0, 1}, {0, 1, 3});

		CHECK(Median(&c) == 2.0);
	}

	/*
	 * Exactly 0.5 on the last day: completed 2 and pending 2 (same day).
	 *	 t = 2: at risk 2, 1 event: S = 1/2; the largest observed delay is 2
	 *	 itself: median (2 + 2) / 2 = 2
	 */
	{
		SUMMARY(d, {1, 1, 2});

		CHECK(Median(&d) == 2.0);
	}

	/*
	 * No censoring: the usual median. 1, 2, 3: S(1) = 2/3, S(2) = 1/3 -> 2.
	 * 1, 2, 3, 4: S(2) = 1/2 exactly, next event 3 -> 2.5.
	 */
	{
		SUMMARY(e3, {1, 0, 1}, {1, 0, 2}, {1, 0, 3});
		SUMMARY(e4, {1, 0, 1}, {1, 0, 2}, {1, 0, 3}, {1, 0, 4});

		CHECK(Median(&e3) == 2.0);
		CHECK(Median(&e4) == 2.5);
		/* RMST past the largest delay is the mean: (1 + 2 + 3 + 4) / 4 */
		CHECK_NEAR(Rmst(&e4, 4), 2.5, 1e-15);
		CHECK_NEAR(Rmst(&e4, 1000), 2.5, 1e-15);
	}

	/*
	 * 0.5 reached through inexact factors: completed 1 x1, 2 x4, 5 x5 (10 rows).
	 *	 t = 1: 9/10; t = 2: at risk 9, 4 events: 9/10 * 5/9 = 1/2 (0.9 is not a
	 *	 binary fraction, so only rounding-aware comparison sees 0.5); next
	 *	 event 5: median (2 + 5) / 2 = 3.5
	 * Same with 2/3 * 3/4: completed 1 x2, 2 x1, 3 x1, 4 x2 -> (2 + 3) / 2.
	 */
	{
		SUMMARY(f, {1, 0, 1}, {4, 0, 2}, {5, 0, 5});
		SUMMARY(g, {2, 0, 1}, {1, 0, 2}, {1, 0, 3}, {2, 0, 4});

		CHECK(Median(&f) == 3.5);
		CHECK(Median(&g) == 2.5);
	}

	/* Event on day 0: S drops at once; RMST counts no area before it. */
	{
		SUMMARY(z, {1, 0, 0}, {1, 0, 4});

		CHECK_NEAR(S(&z, 0), 0.5, 1e-15);
		CHECK(Median(&z) == 2.0);	/* (0 + 4) / 2 */
		CHECK_NEAR(Rmst(&z, 10), 2.0, 1e-15);	/* 1/2 * 4 */
	}

	/* Only pending: S = 1 everywhere; empty: everything undefined. */
	{
		SUMMARY(p, {0, 3, 5});
		HdhDelaySummary empty = {NULL, 0, 0, 0};

		CHECK(S(&p, 100) == 1.0 && isnan(Median(&p)) && Rmst(&p, 7) == 7.0);
		CHECK(isnan(S(&empty, 1)) && isnan(Median(&empty)));
		CHECK(hdh_delay_rmst(&empty, 3, &v, &defined, &err) == HDH_OK && !defined);
		CHECK(hdh_delay_rmst(&p, -1, &v, &defined, &err) == HDH_ERR_VALUE);
	}

	/*
	 * Random censored data against the naive estimator: S(t) for t in
	 * -1..60, RMST(tau) = sum of S(t) for t < tau (S is constant on [t, t+1)),
	 * and without censoring S(t) = 1 - share_within(t), RMST(max) = mean.
	 */
	for (round = 0; round < 200; round++)
	{
		int			n = 1 + (int) TestRandBelow(&rng_state, 40);
		int			pending_percent = round % 2 ? 30 : 0;
		int32_t		day[40];
		bool		pending[40];
		HdhDelayEntry e[40];
		HdhDelaySummary s = {e, 0, 0, 0};
		int			i,
					k;
		int64_t		t;
		bool		ok = true;
		double		area = 0;

		for (i = 0; i < n; i++)
		{
			day[i] = (int32_t) TestRandBelow(&rng_state, 50);
			pending[i] = TestRandBelow(&rng_state, 100) < pending_percent;
		}
		/* entries by counting */
		for (k = 0; k < 50; k++)
		{
			int64_t		c = 0,
						p = 0;

			for (i = 0; i < n; i++)
				if (day[i] == k)
				{
					c += !pending[i];
					p += pending[i];
				}
			if (c + p > 0)
			{
				e[s.n].day = k;
				e[s.n].completed = c;
				e[s.n].pending = p;
				s.n++;
			}
		}
		Totals(&s);
		for (t = -1; t <= 60; t++)
		{
			ok = ok && unit_near(S(&s, t), NaiveS(day, pending, n, t), 1e-12);
			if (t >= 0)
			{
				ok = ok && unit_near(Rmst(&s, t), area, 1e-12);
				area += NaiveS(day, pending, n, t);
			}
			if (pending_percent == 0)
			{
				double		share;

				hdh_delay_share_within(&s, t, &share);
				ok = ok && unit_near(S(&s, t), 1.0 - share, 1e-12);
			}
		}
		if (pending_percent == 0)
		{
			double		mean;

			hdh_delay_mean(&s, &mean);
			ok = ok && unit_near(Rmst(&s, 49), mean, 1e-12);
		}
		/* median: the first event time with S <= 1/2 (or the midpoint) */
		{
			double		m = Median(&s);
			double		first = NAN;

			for (t = 0; t < 50 && isnan(first); t++)
				if (NaiveS(day, pending, n, t) <= 0.5 + 1e-12)
					first = (double) t;
			if (isnan(first))
				ok = ok && isnan(m);
			else if (fabs(NaiveS(day, pending, n, (int64_t) first) - 0.5) < 1e-12)
				ok = ok && m >= first && m <= 49;
			else
				ok = ok && m == first;
		}
		unit_report(ok, __FILE__, __LINE__, "random censored data: S, RMST, median");
	}

	return unit_done();
}
