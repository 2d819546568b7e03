/*
 * src/core/delay_stats.h
 *	  Statistics of the completed delays of a summary: mean, standard
 *	  deviation, extremes, percentiles and shares. Each returns false when the
 *	  statistic is undefined (no completed delay, or fewer than two for the
 *	  standard deviation). Pending delays are ignored here; the Kaplan-Meier
 *	  estimates that count them are in delay_km.h.
 */
#ifndef HDH_CORE_DELAY_STATS_H
#define HDH_CORE_DELAY_STATS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/delay_form.h"
#include "core/status.h"

/* Mean of completed delays, exact sums, one rounding at the end. */
extern bool hdh_delay_mean(const HdhDelaySummary *sum, double *out);

/* Sample standard deviation of completed delays (needs two). */
extern bool hdh_delay_stddev(const HdhDelaySummary *sum, double *out);

/* Smallest and largest completed delay. */
extern bool hdh_delay_min(const HdhDelaySummary *sum, int32_t *out);
extern bool hdh_delay_max(const HdhDelaySummary *sum, int32_t *out);

/* Check a percentile fraction: a number in [0, 1]. */
extern HdhStatus hdh_delay_check_fraction(double p, HdhError *err);

/* percentile_cont(p) of completed delays, as PostgreSQL computes it. */
extern bool hdh_delay_percentile_cont(const HdhDelaySummary *sum, double p, double *out);

/* percentile_disc(p) of completed delays, as PostgreSQL computes it. */
extern bool hdh_delay_percentile_disc(const HdhDelaySummary *sum, double p, int32_t *out);

/* Fraction of completed delays of at most `days` days. */
extern bool hdh_delay_share_within(const HdhDelaySummary *sum, int64_t days, double *out);

#endif
