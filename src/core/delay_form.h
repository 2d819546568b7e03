/*
 * src/core/delay_form.h
 *	  The canonical form of a delay summary, and its check.
 *
 * A summary is a list of entries sorted by day, each day at most once, each
 * with how many delays ended after that many days (completed) and how many
 * were still running at that many days (pending, right-censored). Every entry
 * has completed + pending > 0, so one multiset of delays has exactly one
 * summary: the canonical form that the codecs (delay_codec.h) write and read
 * back, that the state (delay_state.h) produces and that the statistics
 * (delay_stats.h, delay_km.h) read.
 */
#ifndef HDH_CORE_DELAY_FORM_H
#define HDH_CORE_DELAY_FORM_H

#include <stdbool.h>
#include <stdint.h>

#include "core/status.h"

/* The largest day a summary holds (a date difference always fits). */
#define HDH_DELAY_MAX_DAY INT32_MAX

/* One day of a summary. */
typedef struct HdhDelayEntry
{
	int64_t		completed;		/* delays that ended after `day` days */
	int64_t		pending;		/* delays still running after `day` days */
	int32_t		day;			/* >= 0 */
} HdhDelayEntry;

/* A canonical summary: entries sorted by day, unique, non-empty, with totals. */
typedef struct HdhDelaySummary
{
	const HdhDelayEntry *entries;
	int32_t		n;				/* number of entries (distinct days) */
	int64_t		completed;		/* sum of entries[].completed */
	int64_t		pending;		/* sum of entries[].pending */
} HdhDelaySummary;

/*
 * Check that entries form a canonical summary with the given totals; used by
 * every decoder. `status` is the failure class to report (syntax, binary...).
 */
extern HdhStatus hdh_delay_check(const HdhDelaySummary *sum, HdhStatus status,
								 HdhError *err);

/* Ok when day is a delay a summary holds (0 .. HDH_DELAY_MAX_DAY), else HDH_ERR_DATA naming it. */
extern HdhStatus hdh_delay_check_day(int64_t day, HdhError *err);

/* Whether sum is canonical with its totals: for assertions on what the core built. */
extern bool hdh_delay_is_canonical(const HdhDelaySummary *sum);

#endif
