/*
 * src/core/delay_km.h
 *	  Kaplan–Meier estimates from a delay summary.
 *
 * Completed delays are events, pending delays are right-censored. On day t
 * the number at risk is every delay of at least t days, completed or pending
 * (a delay censored on day t is still at risk on day t), and S drops by the
 * factor (at risk - completed) / at risk. S(t) = P(delay > t) is a right-
 * continuous step function that stays flat past the largest observed delay.
 */
#ifndef HDH_CORE_DELAY_KM_H
#define HDH_CORE_DELAY_KM_H

#include <stdbool.h>
#include <stdint.h>

#include "core/delay_form.h"
#include "core/status.h"

/* S(t), the estimated probability that a delay lasts more than t days. */
extern bool hdh_delay_km_survival(const HdhDelaySummary *sum, int64_t t, double *out);

/*
 * The smallest t with S(t) <= 0.5; when S equals 0.5 (up to rounding) from an
 * event time t1, the midpoint of that flat stretch: (t1 + t2) / 2, t2 being the
 * next event time or, when no event follows, the largest observed delay.
 * False when S never reaches 0.5 (or the summary is empty).
 */
extern bool hdh_delay_km_median(const HdhDelaySummary *sum, double *out);

/*
 * Restricted mean survival time: the integral of S over [0, tau]. Fails for
 * tau < 0; *defined is false for an empty summary.
 */
extern HdhStatus hdh_delay_rmst(const HdhDelaySummary *sum, int64_t tau, double *out,
								bool *defined, HdhError *err);

#endif
