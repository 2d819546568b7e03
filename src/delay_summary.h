/*
 * src/delay_summary.h
 *	  What the SQL glue of delay_summary shares between delay_summary.c (type
 *	  I/O, accessors, operator), delay_agg.c (aggregate support) and
 *	  delay_agg_moving.c (the same aggregates over sliding window frames).
 */
#ifndef HDH_DELAY_SUMMARY_GLUE_H
#define HDH_DELAY_SUMMARY_GLUE_H

#include "postgres.h"

#include "fmgr.h"

#include "core/delay_state.h"

/*
 * The checks of one row of delay_agg, shared by the transitions (delay_agg.c)
 * and by the moving-aggregate mode (delay_agg_moving.c): each reads the
 * arguments 1.. of fcinfo, raises the row's errors, and returns false when
 * the row is skipped, else its delay in *days and whether it is pending.
 */
typedef bool (*DelayAggRow) (FunctionCallInfo fcinfo, int64 *days, bool *pending);

extern bool delay_agg_row_dates(FunctionCallInfo fcinfo, int64 *days, bool *pending);	/* (started, finished) */
extern bool delay_agg_row_as_of(FunctionCallInfo fcinfo, int64 *days, bool *pending);	/* (started, finished, as_of) */
extern bool delay_agg_row_days(FunctionCallInfo fcinfo, int64 *days, bool *pending);	/* (days) */
extern bool delay_agg_row_days_pending(FunctionCallInfo fcinfo, int64 *days, bool *pending);	/* (days, pending) */

/* Read a stored delay_summary datum (detoasted, fully checked); memory in CurrentMemoryContext. */
extern void delay_summary_read(Datum datum, HdhDelaySummary *out);

/* A new delay_summary value (in CurrentMemoryContext) holding sum. */
extern Datum delay_summary_make(const HdhDelaySummary *sum);

#endif
