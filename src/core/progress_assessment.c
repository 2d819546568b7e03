/*
 * src/core/progress_assessment.c
 *	  Progress ratio and progress status of an indicator against a target
 *	  (Eurostat SDG method, as in Open SDG's progress measure).
 *
 * All arithmetic is in double precision. Growth rates are computed through
 * log1p/expm1 so that a target close to the baseline still gets an exact,
 * non-zero required rate; every result is checked to be finite, so no NaN or
 * infinity ever leaves this file.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>

#include "core/progress_assessment.h"

static const char *const TargetKindLabels[HDH_TARGET_KIND_COUNT] = {
	"at_least", "more_than", "at_most", "less_than", "multiply_by"
};

static const char *const ProgressStatusLabels[HDH_PROGRESS_STATUS_COUNT] = {
	"achieved", "missed", "on_track", "moderate", "insufficient", "moving_away", "no_data"
};

/* Labels are the contract with the SQL enums, which the glue maps by label. */
const char *
hdh_target_kind_label(HdhTargetKind kind)
{
	if ((int) kind < 0 || (int) kind >= HDH_TARGET_KIND_COUNT)
		return NULL;
	return TargetKindLabels[kind];
}

/* See hdh_target_kind_label. */
const char *
hdh_progress_status_label(HdhProgressStatus status)
{
	if ((int) status < 0 || (int) status >= HDH_PROGRESS_STATUS_COUNT)
		return NULL;
	return ProgressStatusLabels[status];
}

/* Print a double for a message the way PostgreSQL spells the special values. */
static const char *
FormatNumber(double x, char *buf, size_t len)
{
	if (isnan(x))
		return "NaN";
	if (isinf(x))
		return x > 0 ? "Infinity" : "-Infinity";
	snprintf(buf, len, "%.15g", x);
	return buf;
}

/* Reject NaN and infinities, naming the argument and its value. */
static HdhStatus
CheckFinite(const char *name, double x, HdhError *err)
{
	char		buf[40];

	if (isfinite(x))
		return HDH_OK;
	return hdh_fail(err, HDH_ERR_VALUE,
					gettext_noop("Progress scoring needs finite values and years."),
					"%s must be a finite number, not %s",
					name, FormatNumber(x, buf, sizeof(buf)));
}

/* The overflow failure of the ratio, with every input in the detail. */
static HdhStatus
RangeFailure(double x0, double t0, double xt, double t, double xT, double tT,
			 HdhError *err)
{
	char		detail[HDH_ERROR_TEXT];

	snprintf(detail, sizeof(detail), hdh_gettext(
			 "Baseline %.15g in %.15g, current %.15g in %.15g, target %.15g in %.15g."),
			 x0, t0, xt, t, xT, tT);
	return hdh_fail(err, HDH_ERR_RANGE, detail, "progress ratio out of range");
}

/*
 * log(a / b) for positive finite a and b, accurately: when a and b are within
 * a factor of two a - b is exact (Sterbenz), so log1p keeps every digit of a
 * small change; far apart, the quotient may overflow, so logs are subtracted.
 */
static double
LogRatio(double a, double b)
{
	double		q;

	if (a >= b / 2 && a <= b * 2)
		return log1p((a - b) / b);
	q = a / b;
	if (q >= DBL_MIN && q <= DBL_MAX)
		return log(q);
	return log(a) - log(b);
}

/* a - b, halved when the plain difference overflows; *halved says which. */
static double
Difference(double a, double b, bool *halved)
{
	double		d = a - b;

	*halved = !isfinite(d);
	return *halved ? a / 2 - b / 2 : d;
}

/*
 * R = d * CAGR_o / |CAGR_r|, or its linear form when a value is <= 0. The
 * caller has checked that the inputs are finite and that the ratio is
 * defined; the spans dt and dT are positive and finite.
 */
static double
Ratio(double x0, double xt, double xT, double dt, double dT)
{
	double		d = xT > x0 ? 1.0 : -1.0;

	if (x0 > 0 && xt > 0 && xT > 0)
	{
		double		observed = expm1(LogRatio(xt, x0) / dt);
		double		required = expm1(LogRatio(xT, x0) / dT);

		return d * observed / fabs(required);
	}
	else
	{
		bool		halved_o;
		bool		halved_r;
		double		change_o = Difference(xt, x0, &halved_o);
		double		change_r = Difference(xT, x0, &halved_r);

		/* Put both changes on the same scale before dividing them. */
		if (halved_o && !halved_r)
			change_r /= 2;
		else if (halved_r && !halved_o)
			change_o /= 2;
		return d * (change_o / fabs(change_r)) * (dT / dt);
	}
}

HdhStatus
hdh_progress_ratio(double baseline, double baseline_year,
				   double current, double current_year,
				   double target, double target_year,
				   double *ratio, bool *has_ratio, HdhError *err)
{
	HdhStatus	st;
	double		dt;
	double		dT;
	double		r;

	*has_ratio = false;
	*ratio = 0.0;
	if ((st = CheckFinite("baseline", baseline, err)) != HDH_OK ||
		(st = CheckFinite("baseline_year", baseline_year, err)) != HDH_OK ||
		(st = CheckFinite("current", current, err)) != HDH_OK ||
		(st = CheckFinite("current_year", current_year, err)) != HDH_OK ||
		(st = CheckFinite("target", target, err)) != HDH_OK ||
		(st = CheckFinite("target_year", target_year, err)) != HDH_OK)
		return st;

	/* No time elapsed, no time given, or nothing to do: R is undefined. */
	if (current_year <= baseline_year || target_year <= baseline_year ||
		target == baseline)
		return HDH_OK;

	dt = current_year - baseline_year;
	dT = target_year - baseline_year;
	if (!isfinite(dt) || !isfinite(dT))
		return RangeFailure(baseline, baseline_year, current, current_year,
							target, target_year, err);

	r = Ratio(baseline, current, target, dt, dT);
	if (!isfinite(r))
		return RangeFailure(baseline, baseline_year, current, current_year,
							target, target_year, err);
	*ratio = r;
	*has_ratio = true;
	return HDH_OK;
}

HdhProgressStatus
hdh_progress_class(double ratio)
{
	if (ratio >= HDH_ON_TRACK_MIN)
		return HDH_ON_TRACK;
	if (ratio >= HDH_MODERATE_MIN)
		return HDH_MODERATE;
	if (ratio >= 0.0)			/* -0.0 too: no change at all */
		return HDH_INSUFFICIENT;
	return HDH_MOVING_AWAY;
}

/* Whether current meets the target value tv, by kind. */
static bool
Achieved(HdhTargetKind kind, double current, double tv)
{
	switch (kind)
	{
		case HDH_AT_LEAST:
		case HDH_MULTIPLY_BY:
			return current >= tv;
		case HDH_MORE_THAN:
			return current > tv;
		case HDH_AT_MOST:
			return current <= tv;
		case HDH_LESS_THAN:
			return current < tv;
	}
	return false;
}

HdhStatus
hdh_progress_status(const HdhProgressInput *in, HdhProgressStatus *status,
					HdhError *err)
{
	HdhStatus	st;
	double		tv;
	int			direction;
	int			gap;
	double		r;
	bool		has_ratio;
	bool		final;

	*status = HDH_NO_DATA;
	if (hdh_target_kind_label(in->kind) == NULL)
		return hdh_fail(err, HDH_ERR_VALUE, NULL, "unknown target kind %d",
						(int) in->kind);

	/* Every value given must be finite, even one the status will not need. */
	if ((st = CheckFinite("target", in->target, err)) != HDH_OK ||
		(in->has_baseline &&
		 (st = CheckFinite("baseline", in->baseline, err)) != HDH_OK) ||
		(in->has_baseline_year &&
		 (st = CheckFinite("baseline_year", in->baseline_year, err)) != HDH_OK) ||
		(in->has_current &&
		 (st = CheckFinite("current", in->current, err)) != HDH_OK) ||
		(in->has_current_year &&
		 (st = CheckFinite("current_year", in->current_year, err)) != HDH_OK) ||
		(in->has_target_year &&
		 (st = CheckFinite("target_year", in->target_year, err)) != HDH_OK))
		return st;

	if (!in->has_current || !in->has_baseline)
		return HDH_OK;			/* no_data */

	tv = in->kind == HDH_MULTIPLY_BY ? in->target * in->baseline : in->target;
	if (!isfinite(tv))
	{
		char		b1[40];
		char		b2[40];

		return hdh_fail(err, HDH_ERR_RANGE, NULL,
						"target value %s times %s out of range",
						FormatNumber(in->target, b1, sizeof(b1)),
						FormatNumber(in->baseline, b2, sizeof(b2)));
	}

	if (Achieved(in->kind, in->current, tv))
	{
		*status = HDH_ACHIEVED;
		return HDH_OK;
	}

	/* A final measurement that does not meet the target is a verdict. */
	final = in->has_final ? in->final :
		(in->has_current_year && in->has_target_year &&
		 in->current_year >= in->target_year);
	if (final)
	{
		*status = HDH_MISSED;
		return HDH_OK;
	}

	direction = (in->kind == HDH_AT_MOST || in->kind == HDH_LESS_THAN) ? -1 : 1;
	gap = tv > in->baseline ? 1 : (tv < in->baseline ? -1 : 0);

	if (gap == -direction)
	{
		/* The baseline was past the target and the current value is not. */
		*status = HDH_MOVING_AWAY;
		return HDH_OK;
	}
	if (gap == 0)
	{
		/*
		 * Target equals baseline and is not met now. For at_least, at_most
		 * and multiply_by the baseline met it, so the current value is on
		 * the wrong side of where it started: moving_away. For more_than
		 * and less_than the baseline sits on the boundary without meeting
		 * it: no change at all is no progress (insufficient, as R = 0 would
		 * say), any change is the wrong way (moving_away).
		 */
		*status = in->current == in->baseline ? HDH_INSUFFICIENT : HDH_MOVING_AWAY;
		return HDH_OK;
	}

	if (!in->has_baseline_year || !in->has_current_year || !in->has_target_year)
		return HDH_OK;			/* no_data */
	if ((st = hdh_progress_ratio(in->baseline, in->baseline_year,
								 in->current, in->current_year,
								 tv, in->target_year, &r, &has_ratio, err)) != HDH_OK)
		return st;
	if (has_ratio)
		*status = hdh_progress_class(r);
	return HDH_OK;
}
