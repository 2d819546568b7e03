/*
 * src/core/progress_assessment.h
 *	  Progress of an indicator towards a dated, quantified target, without
 *	  server headers.
 *
 * The method is Eurostat's SDG "assessment of progress towards quantified
 * targets", as implemented in Open SDG's progress measure: the observed
 * compound annual growth rate (CAGR) from the baseline to the current value,
 * divided by the magnitude of the CAGR the target requires, signed by the
 * desired direction. Where a growth rate is undefined (a value <= 0) the same
 * ratio is taken on linear (absolute) annual changes. doc/progress.md has the
 * formulas and the decisions on every corner case.
 */
#ifndef HDH_CORE_PROGRESS_ASSESSMENT_H
#define HDH_CORE_PROGRESS_ASSESSMENT_H

#include <stdbool.h>

#include "core/status.h"

/* The SQL enum target_kind, in the declaration order of src/sql/15_progress.sql. */
typedef enum HdhTargetKind
{
	HDH_AT_LEAST = 0,			/* current >= target */
	HDH_MORE_THAN,				/* current > target */
	HDH_AT_MOST,				/* current <= target */
	HDH_LESS_THAN,				/* current < target */
	HDH_MULTIPLY_BY				/* current >= factor * baseline */
} HdhTargetKind;

#define HDH_TARGET_KIND_COUNT 5

/* The SQL enum progress_status, in the declaration order of 15_progress.sql (the glue maps by label). */
typedef enum HdhProgressStatus
{
	HDH_ACHIEVED = 0,
	HDH_MISSED,					/* measured at or after the target time, not met */
	HDH_ON_TRACK,				/* R >= 0.95 */
	HDH_MODERATE,				/* 0.60 <= R < 0.95 */
	HDH_INSUFFICIENT,			/* 0 <= R < 0.60 */
	HDH_MOVING_AWAY,			/* R < 0 */
	HDH_NO_DATA
} HdhProgressStatus;

#define HDH_PROGRESS_STATUS_COUNT 7

/* Thresholds on the ratio R (Eurostat / Open SDG). */
#define HDH_ON_TRACK_MIN 0.95
#define HDH_MODERATE_MIN 0.60

/* The SQL label of a kind or a status (NULL for a value out of range). */
extern const char *hdh_target_kind_label(HdhTargetKind kind);
extern const char *hdh_progress_status_label(HdhProgressStatus status);

/*
 * The progress ratio R of a current value against a target. Times are
 * decimal years. On HDH_OK, *has_ratio tells whether R is defined (false when
 * current_year <= baseline_year, target_year <= baseline_year, or target ==
 * baseline) and *ratio holds it. Fails with HDH_ERR_VALUE on a NaN or
 * infinite input and HDH_ERR_RANGE when R overflows double precision.
 */
extern HdhStatus hdh_progress_ratio(double baseline, double baseline_year,
									double current, double current_year,
									double target, double target_year,
									double *ratio, bool *has_ratio,
									HdhError *err);

/* The status class of a defined ratio: on_track, moderate, insufficient or moving_away. */
extern HdhProgressStatus hdh_progress_class(double ratio);

/*
 * The arguments of progress_status. The kind and the target (a value, or the
 * factor for HDH_MULTIPLY_BY) are required; every other input may be missing,
 * which its has_* flag says.
 *
 * final says whether the measurement is the final one, scored as a verdict
 * (achieved or missed) rather than by its progress class. Without has_final
 * it is current_year >= target_year: a target measured at or after its time
 * and not met is missed. A caller sets it when the verdict time is not the
 * ratio's target time (a recurring target is scored on its first year's
 * path until its deadline).
 */
typedef struct HdhProgressInput
{
	HdhTargetKind kind;
	double		target;
	double		baseline;
	double		baseline_year;
	double		current;
	double		current_year;
	double		target_year;
	bool		final;
	bool		has_final;
	bool		has_baseline;
	bool		has_baseline_year;
	bool		has_current;
	bool		has_current_year;
	bool		has_target_year;
} HdhProgressInput;

/*
 * The progress status of an indicator (see doc/progress.md for the order of
 * the tests). Fails with HDH_ERR_VALUE on a NaN or infinite input or an
 * unknown kind, and HDH_ERR_RANGE when the target value or R overflows.
 */
extern HdhStatus hdh_progress_status(const HdhProgressInput *in,
									 HdhProgressStatus *status, HdhError *err);

#endif
