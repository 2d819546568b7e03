/*
 * src/core/delay_km.c
 *	  Kaplan–Meier survival, median and restricted mean from a delay summary.
 *
 * One ascending pass over the distinct days. S is accumulated in long double,
 * each step as (at risk - events) / at risk, so after k steps it is within a
 * few k units in the last place of the exact product; km_median uses that
 * bound to recognise S == 0.5.
 */
#include <float.h>
#include <math.h>

#include "core/delay_km.h"

/* Everyone observed: the number at risk on the first day. */
static int64_t
Total(const HdhDelaySummary *sum)
{
	return sum->completed + sum->pending;
}

/* The factor by which S drops on a day with `events` of `at_risk`. */
static long double
Step(int64_t at_risk, int64_t events)
{
	return (long double) (at_risk - events) / (long double) at_risk;
}

/* The product of the drops on event days up to t. */
bool
hdh_delay_km_survival(const HdhDelaySummary *sum, int64_t t, double *out)
{
	int64_t		at_risk = Total(sum);
	long double s = 1.0L;
	int32_t		i;

	if (at_risk <= 0)
		return false;
	for (i = 0; i < sum->n && sum->entries[i].day <= t; i++)
	{
		const HdhDelayEntry *e = &sum->entries[i];

		if (e->completed > 0)
			s *= Step(at_risk, e->completed);
		at_risk -= e->completed + e->pending;
	}
	*out = (double) s;
	return true;
}

/* The first event day where S falls to 0.5 or below (flat-stretch rule). */
bool
hdh_delay_km_median(const HdhDelaySummary *sum, double *out)
{
	int64_t		at_risk = Total(sum);
	long double s = 1.0L;
	int			steps = 0;
	int32_t		i;

	if (at_risk <= 0)
		return false;
	for (i = 0; i < sum->n; i++)
	{
		const HdhDelayEntry *e = &sum->entries[i];

		if (e->completed > 0)
		{
			long double tol;

			s *= Step(at_risk, e->completed);
			steps++;
			tol = 4.0L * LDBL_EPSILON * (long double) (steps + 1);
			if (fabsl(s - 0.5L) <= tol)
			{
				/* Flat at 0.5 until the next event, or the last observation. */
				int32_t		t2 = sum->entries[sum->n - 1].day;
				int32_t		j;

				for (j = i + 1; j < sum->n; j++)
					if (sum->entries[j].completed > 0)
					{
						t2 = sum->entries[j].day;
						break;
					}
				*out = ((double) e->day + (double) t2) / 2.0;
				return true;
			}
			if (s < 0.5L)
			{
				*out = (double) e->day;
				return true;
			}
		}
		at_risk -= e->completed + e->pending;
	}
	return false;
}

/* Exact area under the step function S, one rectangle per stretch. */
HdhStatus
hdh_delay_rmst(const HdhDelaySummary *sum, int64_t tau, double *out, bool *defined,
			   HdhError *err)
{
	int64_t		at_risk = Total(sum);
	long double s = 1.0L;
	long double area = 0.0L;
	int64_t		prev = 0;
	int32_t		i;

	*defined = false;
	if (tau < 0)
		return hdh_fail(err, HDH_ERR_VALUE, gettext_noop("The horizon tau is a number of days, 0 or more."),
						"restricted mean horizon tau = %lld is negative", (long long) tau);
	if (at_risk <= 0)
		return HDH_OK;
	/* Area under S, one rectangle per stretch between event days. */
	for (i = 0; i < sum->n && sum->entries[i].day < tau; i++)
	{
		const HdhDelayEntry *e = &sum->entries[i];

		if (e->completed > 0)
		{
			area += s * (long double) (e->day - prev);
			prev = e->day;
			s *= Step(at_risk, e->completed);
		}
		at_risk -= e->completed + e->pending;
	}
	area += s * (long double) (tau - prev);
	*out = (double) area;
	*defined = true;
	return HDH_OK;
}
