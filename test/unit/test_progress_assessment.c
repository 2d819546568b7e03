/*
 * test/unit/test_progress_assessment.c
 *	  Progress ratio and status against hand-worked values, every branch.
 *
 * Notation: baseline x0 in year t0, current xt in year t, target xT in year T.
 * CAGR_o = (xt/x0)^(1/(t-t0)) - 1, CAGR_r = (xT/x0)^(1/(T-t0)) - 1,
 * R = d * CAGR_o / |CAGR_r|, d = sign(xT - x0); linear form when a value <= 0.
 */
#include <float.h>
#include <math.h>
#include <string.h>

#include "core/progress_assessment.h"
#include "unit.h"

#define MISSING NAN				/* in St(): an argument that is SQL NULL */

/* The ratio, or NAN when it is undefined or the call failed. */
static double
Ratio(double x0, double t0, double xt, double t, double xT, double tT)
{
	HdhError	err;
	double		r;
	bool		has;

	if (hdh_progress_ratio(x0, t0, xt, t, xT, tT, &r, &has, &err) != HDH_OK || !has)
		return NAN;
	return r;
}

/* Whether the ratio call succeeded with an undefined (SQL NULL) ratio. */
static int
RatioUndefined(double x0, double t0, double xt, double t, double xT, double tT)
{
	HdhError	err;
	double		r = 123.0;
	bool		has = true;

	return hdh_progress_ratio(x0, t0, xt, t, xT, tT, &r, &has, &err) == HDH_OK &&
		!has && r == 0.0;
}

/* The failure status of a ratio call, its message copied to msg. */
static HdhStatus
RatioFails(double x0, double t0, double xt, double t, double xT, double tT,
		   char *msg, size_t len)
{
	HdhError	err;
	double		r;
	bool		has;
	HdhStatus	st;

	memset(&err, 0, sizeof(err));
	st = hdh_progress_ratio(x0, t0, xt, t, xT, tT, &r, &has, &err);
	snprintf(msg, len, "%s", st == HDH_OK ? "" : err.message);
	return st;
}

/*
 * The status, MISSING (NaN) standing for SQL NULL; -1 when the call failed.
 * final: 1 or 0 sets the eight-argument form's flag, -1 leaves it unset (the
 * seven-argument form: final when t >= T).
 */
static int
StFinal(HdhTargetKind kind, double target, double x0, double t0, double xt,
		double t, double tT, int final)
{
	HdhProgressInput in;
	HdhProgressStatus s;
	HdhError	err;

	memset(&in, 0, sizeof(in));
	in.kind = kind;
	in.target = target;
	in.baseline = x0;
	in.has_baseline = !isnan(x0);
	in.baseline_year = t0;
	in.has_baseline_year = !isnan(t0);
	in.current = xt;
	in.has_current = !isnan(xt);
	in.current_year = t;
	in.has_current_year = !isnan(t);
	in.target_year = tT;
	in.has_target_year = !isnan(tT);
	in.has_final = final >= 0;
	in.final = final > 0;
	if (hdh_progress_status(&in, &s, &err) != HDH_OK)
		return -1;
	return (int) s;
}

/* The seven-argument form. */
static int
St(HdhTargetKind kind, double target, double x0, double t0, double xt,
   double t, double tT)
{
	return StFinal(kind, target, x0, t0, xt, t, tT, -1);
}

int
main(void)
{
	char		msg[HDH_ERROR_TEXT];

	/* ---- labels: the contract with the SQL enums of 15_progress.sql ---- */
	CHECK(strcmp(hdh_target_kind_label(HDH_AT_LEAST), "at_least") == 0);
	CHECK(strcmp(hdh_target_kind_label(HDH_MORE_THAN), "more_than") == 0);
	CHECK(strcmp(hdh_target_kind_label(HDH_AT_MOST), "at_most") == 0);
	CHECK(strcmp(hdh_target_kind_label(HDH_LESS_THAN), "less_than") == 0);
	CHECK(strcmp(hdh_target_kind_label(HDH_MULTIPLY_BY), "multiply_by") == 0);
	CHECK(hdh_target_kind_label((HdhTargetKind) 5) == NULL);
	CHECK(hdh_target_kind_label((HdhTargetKind) -1) == NULL);
	CHECK(strcmp(hdh_progress_status_label(HDH_ACHIEVED), "achieved") == 0);
	CHECK(strcmp(hdh_progress_status_label(HDH_MISSED), "missed") == 0);
	CHECK(strcmp(hdh_progress_status_label(HDH_ON_TRACK), "on_track") == 0);
	CHECK(strcmp(hdh_progress_status_label(HDH_MODERATE), "moderate") == 0);
	CHECK(strcmp(hdh_progress_status_label(HDH_INSUFFICIENT), "insufficient") == 0);
	CHECK(strcmp(hdh_progress_status_label(HDH_MOVING_AWAY), "moving_away") == 0);
	CHECK(strcmp(hdh_progress_status_label(HDH_NO_DATA), "no_data") == 0);
	CHECK(hdh_progress_status_label((HdhProgressStatus) 7) == NULL);

	/* ---- ratio, growth-rate form ---- */

	/*
	 * 100 -> 200 over 2 years, 150 after 1 year: CAGR_r = sqrt(2) - 1 =
	 * 0.41421356, CAGR_o = 0.5, R = 0.5 / (sqrt(2) - 1) = 0.5 (sqrt(2) + 1)
	 * = 1.20710678.
	 */
	CHECK_NEAR(Ratio(100, 2020, 150, 2021, 200, 2022), 0.5 * (sqrt(2.0) + 1), 1e-12);

	/*
	 * A decrease: a delay from 14 months (2022) to 7 months by 2025, 10
	 * months in 2024. CAGR_r = (7/14)^(1/3) - 1 = 0.79370053 - 1 =
	 * -0.20629947; CAGR_o = (10/14)^(1/2) - 1 = 0.84515425 - 1 = -0.15484575;
	 * d = sign(7 - 14) = -1; R = -1 * -0.15484575 / 0.20629947 = 0.75058720.
	 */
	CHECK_NEAR(Ratio(14, 2022, 10, 2024, 7, 2025),
			   -(sqrt(10.0 / 14) - 1) / -(cbrt(0.5) - 1), 1e-12);
	CHECK_NEAR(Ratio(14, 2022, 10, 2024, 7, 2025), 0.7505872034, 1e-9);
	/* The delay went up to 15: CAGR_o = sqrt(15/14) - 1 = 0.03509834, R = -0.03509834 / 0.20629947 = -0.17013295. */
	CHECK_NEAR(Ratio(14, 2022, 15, 2024, 7, 2025), -0.1701329544, 1e-9);

	/* Current exactly on the baseline: R = 0 (or -0 for a decrease). */
	CHECK(Ratio(100, 2020, 100, 2021, 200, 2022) == 0.0);
	CHECK(Ratio(14, 2022, 14, 2024, 7, 2025) == 0.0);

	/* Current exactly on target at the target year: R = 1. */
	CHECK_NEAR(Ratio(12, 2022, 36, 2025, 36, 2025), 1.0, 1e-12);

	/* Fractional years: 100 -> 121 over 2 years (CAGR_r = 0.1), 110 after 0.5 year: CAGR_o = 1.1^2 - 1 = 0.21, R = 2.1. */
	CHECK_NEAR(Ratio(100, 2020.25, 110, 2020.75, 121, 2022.25), 2.1, 1e-12);

	/*
	 * A target very close to the baseline keeps its precision: x0 = 1, xT =
	 * 1 + 2^-52 over 1000 years, xt = xT after 500 years. CAGR_o ~ 2^-52/500,
	 * CAGR_r ~ 2^-52/1000, R = 2. A naive pow() rounds CAGR_r to 0.
	 */
	CHECK_NEAR(Ratio(1, 0, 1 + DBL_EPSILON, 500, 1 + DBL_EPSILON, 1000), 2.0, 1e-9);
	/* Values far apart (quotient 1e600 overflows): logs are subtracted. */
	CHECK_NEAR(Ratio(1e-300, 2000, 1e-300, 2001, 1e300, 2010), 0.0, 1e-12);
	/* (1e100)^(1/5) - 1 = 1e20 - 1 over (1e600)^(1/10) - 1 = 1e60 - 1: R = 1e-40. */
	CHECK(fabs(Ratio(1e-300, 2000, 1e-200, 2005, 1e300, 2010) / 1e-40 - 1) < 1e-9);

	/* ---- ratio, linear form (a value <= 0) ---- */

	/*
	 * Zero baseline: partnerships 0 (2023.0) -> 40 by 2026.0, 18 by mid-2024.
	 * Required 40/3 = 13.333/year, observed 18/1.5 = 12/year, R = 0.9.
	 */
	CHECK_NEAR(Ratio(0, 2023, 18, 2024.5, 40, 2026), 0.9, 1e-12);
	/* Negative baseline: -10 -> 10 over 4 years (5/year), -4 after 1 year (6/year): R = 1.2. */
	CHECK_NEAR(Ratio(-10, 2020, -4, 2021, 10, 2024), 1.2, 1e-12);
	/* A decrease through zero: 5 -> -5 over 4 years (-2.5/year), 0 after 2 (-2.5/year): d = -1, R = 1. */
	CHECK_NEAR(Ratio(5, 2020, 0, 2022, -5, 2024), 1.0, 1e-12);
	/* Current 0 forces the linear form: 10 -> 20 over 2 years (5/year), 0 after 1 (-10/year): R = -2. */
	CHECK_NEAR(Ratio(10, 2020, 0, 2021, 20, 2022), -2.0, 1e-12);
	/* Target 0 forces it too: 10 -> 0 over 2 years (-5/year), 5 after 1 (-5/year): R = 1. */
	CHECK_NEAR(Ratio(10, 2020, 5, 2021, 0, 2022), 1.0, 1e-12);
	/* Differences past DBL_MAX are halved consistently: (2e308/1) / (2.5e308/2) = 1.6. */
	CHECK_NEAR(Ratio(-1e308, 0, 1e308, 1, 1.5e308, 2), 1.6, 1e-12);
	/* Only the observed change overflows: (2e308/1) / (1e308/2) = 4. */
	CHECK_NEAR(Ratio(-1e308, 0, 1e308, 1, 0, 2), 4.0, 1e-12);

	/* ---- ratio undefined (SQL NULL) ---- */
	CHECK(RatioUndefined(100, 2020, 150, 2020, 200, 2022));	/* t == t0 */
	CHECK(RatioUndefined(100, 2020, 150, 2019, 200, 2022));	/* t < t0 */
	CHECK(RatioUndefined(100, 2020, 150, 2021, 200, 2020));	/* T == t0 */
	CHECK(RatioUndefined(100, 2020, 150, 2021, 200, 2019));	/* T < t0 */
	CHECK(RatioUndefined(100, 2020, 150, 2021, 100, 2022));	/* target == baseline */
	CHECK(RatioUndefined(0, 2020, 5, 2021, 0, 2022));	/* the same, linear */
	CHECK(RatioUndefined(0, 2020, 5, 2021, -0.0, 2022));	/* -0 == 0 */

	/* ---- ratio failures ---- */
	CHECK(RatioFails(NAN, 2020, 1, 2021, 2, 2022, msg, sizeof(msg)) == HDH_ERR_VALUE);
	CHECK(strcmp(msg, "baseline must be a finite number, not NaN") == 0);
	CHECK(RatioFails(1, INFINITY, 1, 2021, 2, 2022, msg, sizeof(msg)) == HDH_ERR_VALUE);
	CHECK(strcmp(msg, "baseline_year must be a finite number, not Infinity") == 0);
	CHECK(RatioFails(1, 2020, -INFINITY, 2021, 2, 2022, msg, sizeof(msg)) == HDH_ERR_VALUE);
	CHECK(strcmp(msg, "current must be a finite number, not -Infinity") == 0);
	CHECK(RatioFails(1, 2020, 1, NAN, 2, 2022, msg, sizeof(msg)) == HDH_ERR_VALUE);
	CHECK(strcmp(msg, "current_year must be a finite number, not NaN") == 0);
	CHECK(RatioFails(1, 2020, 1, 2021, NAN, 2022, msg, sizeof(msg)) == HDH_ERR_VALUE);
	CHECK(strcmp(msg, "target must be a finite number, not NaN") == 0);
	CHECK(RatioFails(1, 2020, 1, 2021, 2, NAN, msg, sizeof(msg)) == HDH_ERR_VALUE);
	CHECK(strcmp(msg, "target_year must be a finite number, not NaN") == 0);
	/* NaN is an error even where the ratio would be undefined anyway. */
	CHECK(RatioFails(1, 2020, NAN, 2020, 1, 2022, msg, sizeof(msg)) == HDH_ERR_VALUE);
	/* Overflow: (1e600)^2 for CAGR_o over half a year; R would be infinite. */
	CHECK(RatioFails(1e-300, 2000, 1e300, 2000.5, 2, 2001, msg, sizeof(msg)) == HDH_ERR_RANGE);
	CHECK(strcmp(msg, "progress ratio out of range") == 0);
	/* Both growth rates overflow: inf / inf would be NaN. */
	CHECK(RatioFails(1e-300, 2000, 1e300, 2000.5, 1e300, 2000.5, msg, sizeof(msg)) == HDH_ERR_RANGE);
	/* A span of years past DBL_MAX. */
	CHECK(RatioFails(1, -1e308, 2, 1e308, 3, 1e308, msg, sizeof(msg)) == HDH_ERR_RANGE);
	/* The range failure's detail names every input. */
	{
		HdhError	err;
		double		r;
		bool		has;

		hdh_progress_ratio(1e-300, 2000, 1e300, 2000.5, 2, 2001, &r, &has, &err);
		CHECK(strcmp(err.detail, "Baseline 1e-300 in 2000, current 1e+300 in 2000.5, "
					 "target 2 in 2001.") == 0);
		/* A NULL err is allowed: the status alone comes back. */
		CHECK(hdh_progress_ratio(NAN, 0, 0, 0, 0, 0, &r, &has, NULL) == HDH_ERR_VALUE);
	}

	/* ---- class thresholds ---- */
	CHECK(hdh_progress_class(1.2) == HDH_ON_TRACK);
	CHECK(hdh_progress_class(0.95) == HDH_ON_TRACK);
	CHECK(hdh_progress_class(0.9499999999) == HDH_MODERATE);
	CHECK(hdh_progress_class(0.60) == HDH_MODERATE);
	CHECK(hdh_progress_class(0.5999999999) == HDH_INSUFFICIENT);
	CHECK(hdh_progress_class(0.0) == HDH_INSUFFICIENT);
	CHECK(hdh_progress_class(-0.0) == HDH_INSUFFICIENT);
	CHECK(hdh_progress_class(-1e-12) == HDH_MOVING_AWAY);
	CHECK(hdh_progress_class(-5) == HDH_MOVING_AWAY);

	/* ---- status: achieved, by kind ---- */
	CHECK(St(HDH_AT_LEAST, 200, 120, 2022, 200, 2024, 2024) == HDH_ACHIEVED);	/* 200 >= 200 */
	CHECK(St(HDH_AT_LEAST, 200, 120, 2022, 210, 2024, 2024) == HDH_ACHIEVED);
	CHECK(St(HDH_MORE_THAN, 40, 0, 2023, 41, 2025, 2026) == HDH_ACHIEVED);	/* 41 > 40 */
	CHECK(St(HDH_AT_MOST, 7, 14, 2022, 7, 2025, 2025) == HDH_ACHIEVED);	/* 7 <= 7 */
	CHECK(St(HDH_LESS_THAN, 7, 14, 2022, 6.9, 2025, 2025) == HDH_ACHIEVED);	/* 6.9 < 7 */
	CHECK(St(HDH_MULTIPLY_BY, 3, 12, 2022, 36, 2025, 2025) == HDH_ACHIEVED);	/* 36 >= 3*12 */
	/* Achieved needs no years at all. */
	CHECK(St(HDH_AT_LEAST, 200, 120, MISSING, 250, MISSING, MISSING) == HDH_ACHIEVED);

	/* ---- status: strict kinds at the boundary are not achieved ---- */

	/*
	 * more_than 40 from 20 (2022) by 2025, 40 in 2024: not achieved; R =
	 * CAGR_o / CAGR_r = (2^(1/2) - 1) / (2^(1/3) - 1) = 0.41421356 /
	 * 0.25992105 = 1.59361299: on_track.
	 */
	CHECK(St(HDH_MORE_THAN, 40, 20, 2022, 40, 2024, 2025) == HDH_ON_TRACK);
	CHECK_NEAR(Ratio(20, 2022, 40, 2024, 40, 2025), (sqrt(2.0) - 1) / (cbrt(2.0) - 1), 1e-12);
	/* less_than 7 from 14 (2022) by 2025, 7 in 2025: R = 1, on_track before the verdict; missed at it. */
	CHECK(StFinal(HDH_LESS_THAN, 7, 14, 2022, 7, 2025, 2025, 0) == HDH_ON_TRACK);
	CHECK(St(HDH_LESS_THAN, 7, 14, 2022, 7, 2025, 2025) == HDH_MISSED);

	/* ---- status: the verdict (final) ---- */
	/* At, after or well after the target time: achieved or missed, whatever the ratio. */
	CHECK(St(HDH_AT_MOST, 7, 13, 2023, 8.6, 2026, 2026) == HDH_MISSED);
	CHECK(St(HDH_AT_MOST, 7, 13, 2023, 6.9, 2026, 2026) == HDH_ACHIEVED);
	CHECK(St(HDH_AT_MOST, 7, 13, 2023, 8.6, 2028, 2026) == HDH_MISSED);
	CHECK(St(HDH_MORE_THAN, 40, 0, 2023, 40, 2026, 2026) == HDH_MISSED);
	CHECK(St(HDH_MORE_THAN, 40, 0, 2023, 41, 2026, 2026) == HDH_ACHIEVED);
	CHECK(St(HDH_MULTIPLY_BY, 3, 20, 2023, 59, 2026, 2026) == HDH_MISSED);
	CHECK(St(HDH_MULTIPLY_BY, 3, 20, 2023, 60, 2026, 2026) == HDH_ACHIEVED);
	/* A day before the target time: the progress class ((8.6/13)^(1/2.9973) - 1 over (7/13)^(1/3) - 1: R = 0.6907, moderate). */
	CHECK(St(HDH_AT_MOST, 7, 13, 2023, 8.6, 2025.9973, 2026) == HDH_MODERATE);
	/* Missed even where the class would be moving_away, or the ratio undefined. */
	CHECK(St(HDH_AT_LEAST, 100, 120, 2022, 90, 2025, 2025) == HDH_MISSED);
	CHECK(St(HDH_AT_LEAST, 40, 40, 2022, 39, 2025, 2025) == HDH_MISSED);
	CHECK(St(HDH_AT_LEAST, 200, 120, MISSING, 150, 2025, 2025) == HDH_MISSED);
	/* An explicit flag overrides the times both ways. */
	CHECK(StFinal(HDH_AT_MOST, 7, 13, 2023, 8.6, 2025.5, 2026, 1) == HDH_MISSED);
	CHECK(StFinal(HDH_AT_MOST, 7, 13, 2023, 6.0, 2025.5, 2026, 1) == HDH_ACHIEVED);
	/* final = false past T: the class of R over 4 years against 3: (8.6/13)^(1/4) - 1 = -0.09822,
	 * (7/13)^(1/3) - 1 = -0.18662, R = 0.5263: insufficient. */
	CHECK(StFinal(HDH_AT_MOST, 7, 13, 2023, 8.6, 2027, 2026, 0) == HDH_INSUFFICIENT);
	/* A final verdict still needs a current value and a baseline. */
	CHECK(StFinal(HDH_AT_MOST, 7, 13, 2023, MISSING, 2026, 2026, 1) == HDH_NO_DATA);
	CHECK(StFinal(HDH_AT_MOST, 7, MISSING, 2023, 8.6, 2026, 2026, 1) == HDH_NO_DATA);

	/* ---- status: every ratio class ---- */

	/* at_least 200 from 120 (2022) by 2024: CAGR_r = sqrt(200/120) - 1 = 0.29099445. */
	/* Measured in the target year itself, an unmet target is missed; with final = false the class shows. */
	/* 185 in 2024: CAGR_o = sqrt(185/120) - 1 = 0.24163870, R = 0.83038939: moderate. */
	CHECK(StFinal(HDH_AT_LEAST, 200, 120, 2022, 185, 2024, 2024, 0) == HDH_MODERATE);
	CHECK(St(HDH_AT_LEAST, 200, 120, 2022, 185, 2024, 2024) == HDH_MISSED);
	/* 125 in 2024: CAGR_o = sqrt(125/120) - 1 = 0.02062073, R = 0.07086295: insufficient. */
	CHECK(StFinal(HDH_AT_LEAST, 200, 120, 2022, 125, 2024, 2024, 0) == HDH_INSUFFICIENT);
	CHECK(St(HDH_AT_LEAST, 200, 120, 2022, 125, 2024, 2024) == HDH_MISSED);
	/* 100 in 2024: CAGR_o = sqrt(100/120) - 1 = -0.08712907, R = -0.29941833: moving_away. */
	CHECK(StFinal(HDH_AT_LEAST, 200, 120, 2022, 100, 2024, 2024, 0) == HDH_MOVING_AWAY);
	CHECK(St(HDH_AT_LEAST, 200, 120, 2022, 100, 2024, 2024) == HDH_MISSED);
	/* 185 in 2024 with target year 2025: CAGR_r = (200/120)^(1/3) - 1 = 0.18563135, R = 1.30171453: on_track. */
	CHECK(St(HDH_AT_LEAST, 200, 120, 2022, 185, 2024, 2025) == HDH_ON_TRACK);
	/* 120 unchanged: R = 0, insufficient. */
	CHECK(St(HDH_AT_LEAST, 200, 120, 2022, 120, 2024, 2025) == HDH_INSUFFICIENT);

	/* at_most 7 from 14 (2022) by 2025: 10 in 2024 R = 0.7506 moderate; 9: R = 0.9608 on_track. */
	CHECK(St(HDH_AT_MOST, 7, 14, 2022, 10, 2024, 2025) == HDH_MODERATE);
	CHECK(St(HDH_AT_MOST, 7, 14, 2022, 9, 2024, 2025) == HDH_ON_TRACK);
	/* 13: CAGR_o = sqrt(13/14) - 1 = -0.03637589, R = 0.17632565: insufficient; 15: R = -0.17013295 moving_away. */
	CHECK(St(HDH_AT_MOST, 7, 14, 2022, 13, 2024, 2025) == HDH_INSUFFICIENT);
	CHECK(St(HDH_AT_MOST, 7, 14, 2022, 15, 2024, 2025) == HDH_MOVING_AWAY);
	/* 14 unchanged: R = -0 (d = -1 times 0): insufficient, not moving_away. */
	CHECK(St(HDH_AT_MOST, 7, 14, 2022, 14, 2024, 2025) == HDH_INSUFFICIENT);
	CHECK(St(HDH_LESS_THAN, 7, 14, 2022, 10, 2024, 2025) == HDH_MODERATE);

	/* more_than 40 from 0 (2023.0) by 2026.0, 18 in 2024.5: linear R = 0.9, moderate. */
	CHECK(St(HDH_MORE_THAN, 40, 0, 2023, 18, 2024.5, 2026) == HDH_MODERATE);

	/*
	 * multiply_by 3 from 12 exchanges (2022) by 2025: target value 36,
	 * CAGR_r = 3^(1/3) - 1 = 0.44224957. 24 in 2024: CAGR_o = sqrt(2) - 1 =
	 * 0.41421356, R = 0.93660591: moderate. 30 in 2024: CAGR_o = sqrt(2.5) -
	 * 1 = 0.58113883, R = 1.31405177: on_track. 10: moving_away.
	 */
	CHECK(St(HDH_MULTIPLY_BY, 3, 12, 2022, 24, 2024, 2025) == HDH_MODERATE);
	CHECK(St(HDH_MULTIPLY_BY, 3, 12, 2022, 30, 2024, 2025) == HDH_ON_TRACK);
	CHECK(St(HDH_MULTIPLY_BY, 3, 12, 2022, 10, 2024, 2025) == HDH_MOVING_AWAY);
	CHECK(St(HDH_MULTIPLY_BY, 3, 12, 2022, 35.99, 2024, 2025) == HDH_ON_TRACK);

	/* ---- status: the baseline already met the target ---- */
	/* at_least 100 from 120: 130 achieved, 90 moving_away (no ratio needed, even with no years). */
	CHECK(St(HDH_AT_LEAST, 100, 120, 2022, 130, 2024, 2025) == HDH_ACHIEVED);
	CHECK(St(HDH_AT_LEAST, 100, 120, 2022, 90, 2024, 2025) == HDH_MOVING_AWAY);
	CHECK(St(HDH_AT_LEAST, 100, 120, MISSING, 90, MISSING, MISSING) == HDH_MOVING_AWAY);
	/* at_most 7 from 5: 6 achieved, 8 moving_away. */
	CHECK(St(HDH_AT_MOST, 7, 5, 2022, 6, 2024, 2025) == HDH_ACHIEVED);
	CHECK(St(HDH_AT_MOST, 7, 5, 2022, 8, 2024, 2025) == HDH_MOVING_AWAY);
	/* multiply_by 0.5 from 12: target value 6 below the baseline; 5 is moving_away. */
	CHECK(St(HDH_MULTIPLY_BY, 0.5, 12, 2022, 5, 2024, 2025) == HDH_MOVING_AWAY);
	CHECK(St(HDH_MULTIPLY_BY, 0.5, 12, 2022, 7, 2024, 2025) == HDH_ACHIEVED);

	/* ---- status: target equal to the baseline ---- */
	/* Non-strict: the baseline met it; not meeting it now means moving away. */
	CHECK(St(HDH_AT_LEAST, 40, 40, 2022, 39, 2024, 2025) == HDH_MOVING_AWAY);
	CHECK(St(HDH_AT_LEAST, 40, 40, 2022, 40, 2024, 2025) == HDH_ACHIEVED);
	CHECK(St(HDH_AT_MOST, 7, 7, 2022, 8, 2024, 2025) == HDH_MOVING_AWAY);
	CHECK(St(HDH_MULTIPLY_BY, 1, 12, 2022, 11, 2024, 2025) == HDH_MOVING_AWAY);
	/* multiply_by from a zero baseline: target value 0, met by any current >= 0. */
	CHECK(St(HDH_MULTIPLY_BY, 3, 0, 2022, 0, 2024, 2025) == HDH_ACHIEVED);
	CHECK(St(HDH_MULTIPLY_BY, 3, 0, 2022, -1, 2024, 2025) == HDH_MOVING_AWAY);
	/* Strict: more_than 40 from 40: 30 moved the wrong way; 40 unchanged is no progress; 41 achieved. */
	CHECK(St(HDH_MORE_THAN, 40, 40, 2022, 30, 2024, 2025) == HDH_MOVING_AWAY);
	CHECK(St(HDH_MORE_THAN, 40, 40, 2022, 40, 2024, 2025) == HDH_INSUFFICIENT);
	CHECK(St(HDH_MORE_THAN, 40, 40, 2022, 41, 2024, 2025) == HDH_ACHIEVED);
	CHECK(St(HDH_LESS_THAN, 7, 7, 2022, 8, 2024, 2025) == HDH_MOVING_AWAY);
	CHECK(St(HDH_LESS_THAN, 7, 7, 2022, 7, 2024, 2025) == HDH_INSUFFICIENT);
	/* Unchanged needs no years either. */
	CHECK(St(HDH_MORE_THAN, 40, 40, MISSING, 40, MISSING, MISSING) == HDH_INSUFFICIENT);

	/* ---- status: no_data ---- */
	CHECK(St(HDH_AT_LEAST, 200, 120, 2022, MISSING, 2024, 2025) == HDH_NO_DATA);
	CHECK(St(HDH_AT_LEAST, 200, MISSING, 2022, 250, 2024, 2025) == HDH_NO_DATA);
	CHECK(St(HDH_AT_LEAST, 200, 120, MISSING, 150, 2024, 2025) == HDH_NO_DATA);
	CHECK(St(HDH_AT_LEAST, 200, 120, 2022, 150, MISSING, 2025) == HDH_NO_DATA);
	CHECK(St(HDH_AT_LEAST, 200, 120, 2022, 150, 2024, MISSING) == HDH_NO_DATA);
	/* NULL ratio: t == t0, t < t0, T <= t0. */
	CHECK(St(HDH_AT_LEAST, 200, 120, 2022, 150, 2022, 2025) == HDH_NO_DATA);
	CHECK(St(HDH_AT_LEAST, 200, 120, 2022, 150, 2021, 2025) == HDH_NO_DATA);
	/* ... though a target time already past is a verdict: missed. */
	CHECK(St(HDH_AT_LEAST, 200, 120, 2022, 150, 2024, 2022) == HDH_MISSED);
	CHECK(StFinal(HDH_AT_LEAST, 200, 120, 2022, 150, 2024, 2022, 0) == HDH_NO_DATA);
	/* ... but a met target is achieved even then. */
	CHECK(St(HDH_AT_LEAST, 200, 120, 2022, 250, 2022, 2025) == HDH_ACHIEVED);

	/* ---- status failures ---- */
	{
		HdhProgressInput in;
		HdhProgressStatus s = HDH_ACHIEVED;
		HdhError	err;

		memset(&in, 0, sizeof(in));
		in.kind = HDH_AT_LEAST;
		in.target = NAN;
		CHECK(hdh_progress_status(&in, &s, &err) == HDH_ERR_VALUE);
		CHECK(strcmp(err.message, "target must be a finite number, not NaN") == 0);
		CHECK(strcmp(err.detail, "Progress scoring needs finite values and years.") == 0);

		/* A non-finite value is an error even when the status would not use it. */
		in.target = 200;
		in.current = 250;
		in.has_current = true;
		in.baseline = 120;
		in.has_baseline = true;
		in.target_year = INFINITY;
		in.has_target_year = true;
		CHECK(hdh_progress_status(&in, &s, &err) == HDH_ERR_VALUE);
		CHECK(strcmp(err.message, "target_year must be a finite number, not Infinity") == 0);
		/* ... but a missing one is not looked at. */
		in.has_target_year = false;
		CHECK(hdh_progress_status(&in, &s, &err) == HDH_OK && s == HDH_ACHIEVED);
		in.baseline_year = NAN;
		CHECK(hdh_progress_status(&in, &s, &err) == HDH_OK && s == HDH_ACHIEVED);
		in.has_baseline_year = true;
		CHECK(hdh_progress_status(&in, &s, &err) == HDH_ERR_VALUE);
		CHECK(strcmp(err.message, "baseline_year must be a finite number, not NaN") == 0);
		in.has_baseline_year = false;
		in.has_current = false;
		in.current = NAN;
		CHECK(hdh_progress_status(&in, &s, &err) == HDH_OK && s == HDH_NO_DATA);
		in.has_current = true;
		CHECK(hdh_progress_status(&in, &s, &err) == HDH_ERR_VALUE);
		CHECK(strcmp(err.message, "current must be a finite number, not NaN") == 0);
		in.current = 250;
		in.current_year = -INFINITY;
		in.has_current_year = true;
		CHECK(hdh_progress_status(&in, &s, &err) == HDH_ERR_VALUE);
		CHECK(strcmp(err.message, "current_year must be a finite number, not -Infinity") == 0);
		in.has_current_year = false;
		in.baseline = NAN;
		CHECK(hdh_progress_status(&in, &s, &err) == HDH_ERR_VALUE);
		CHECK(strcmp(err.message, "baseline must be a finite number, not NaN") == 0);

		/* multiply_by: factor times baseline past DBL_MAX. */
		in.kind = HDH_MULTIPLY_BY;
		in.target = 1e300;
		in.baseline = 1e10;
		CHECK(hdh_progress_status(&in, &s, &err) == HDH_ERR_RANGE);
		CHECK(strcmp(err.message, "target value 1e+300 times 10000000000 out of range") == 0);

		/* An overflowing ratio fails the status too. */
		in.kind = HDH_AT_LEAST;
		in.target = 2;
		in.baseline = 1e-300;
		in.baseline_year = 2000;
		in.has_baseline_year = true;
		in.current = 1;
		in.current_year = 2000.001;
		in.has_current_year = true;
		in.target_year = 2001;
		in.has_target_year = true;
		CHECK(hdh_progress_status(&in, &s, &err) == HDH_ERR_RANGE);

		/* An unknown kind. */
		in.kind = (HdhTargetKind) 9;
		CHECK(hdh_progress_status(&in, &s, &err) == HDH_ERR_VALUE);
		CHECK(strcmp(err.message, "unknown target kind 9") == 0);
	}

	return unit_done();
}
