/*
 * src/delay_agg_moving.c
 *	  The moving-aggregate mode of delay_agg (every form) and
 *	  rollup(delay_summary): over a sliding window frame, PostgreSQL adds
 *	  the rows entering the frame with a transition here and removes the
 *	  rows leaving it with the inverse, instead of aggregating the frame again.
 *
 * The accumulating state of the plain aggregates (src/delay_agg.c) is
 * append-only; the state here is the removable map of
 * src/core/delay_moving.h, in the aggregate context, with the number of
 * rows counted so that a frame with none gives NULL, as the plain aggregate
 * does. A row's checks and errors are those of the plain transitions
 * (delay_agg_row_* in src/delay_summary.h); removing a row runs the same
 * checks, so it removes exactly the delay its addition added.
 */
#include "postgres.h"

#include "fmgr.h"

#include "core/delay_moving.h"
#include "delay_summary.h"
#include "hdh_agg.h"
#include "hdh_error.h"
#include "hdh_memory.h"

PG_FUNCTION_INFO_V1(delay_agg_moving_trans_dates);
PG_FUNCTION_INFO_V1(delay_agg_moving_inv_dates);
PG_FUNCTION_INFO_V1(delay_agg_moving_trans_as_of);
PG_FUNCTION_INFO_V1(delay_agg_moving_inv_as_of);
PG_FUNCTION_INFO_V1(delay_agg_moving_trans_days);
PG_FUNCTION_INFO_V1(delay_agg_moving_inv_days);
PG_FUNCTION_INFO_V1(delay_agg_moving_trans_days_pending);
PG_FUNCTION_INFO_V1(delay_agg_moving_inv_days_pending);
PG_FUNCTION_INFO_V1(delay_summary_rollup_moving_trans);
PG_FUNCTION_INFO_V1(delay_summary_rollup_moving_inv);
PG_FUNCTION_INFO_V1(delay_agg_moving_final);

typedef struct DelayMovingState
{
	HdhDelayMoving map;			/* the delays in the frame */
	int64		rows;			/* rows counted (a stored summary counts, even empty) */
} DelayMovingState;

/*
 * The state of argument 0, created on first use: never NULL, since
 * PostgreSQL refuses a NULL state from a moving transition.
 */
static DelayMovingState *
GetState(FunctionCallInfo fcinfo)
{
	MemoryContext aggcontext = hdh_agg_context(fcinfo, "delay_agg_moving");
	DelayMovingState *state;
	HdhAlloc	mem;

	if (!PG_ARGISNULL(0))
		return (DelayMovingState *) PG_GETARG_POINTER(0);
	state = MemoryContextAllocZero(aggcontext, sizeof(DelayMovingState));
	hdh_context_allocator(aggcontext, &mem);
	hdh_delay_moving_init(&state->map, &mem);
	return state;
}

/* Add (or remove) the row that row reads, if it is not skipped. */
static Datum
Step(FunctionCallInfo fcinfo, DelayAggRow row, bool remove)
{
	DelayMovingState *state = GetState(fcinfo);
	int64		days;
	bool		pending;
	HdhError	err;

	if (row(fcinfo, &days, &pending))
	{
		if (remove)
		{
			HDH_CHECK_INTERNAL(hdh_delay_moving_remove(&state->map, days, pending, &err), &err);
			state->rows--;
			Assert(state->rows >= 0);
		}
		else
		{
			HDH_CHECK(hdh_delay_moving_add(&state->map, days, pending, &err), &err);
			state->rows++;
		}
	}
	PG_RETURN_POINTER(state);
}

Datum
delay_agg_moving_trans_dates(PG_FUNCTION_ARGS)
{
	return Step(fcinfo, delay_agg_row_dates, false);
}

Datum
delay_agg_moving_inv_dates(PG_FUNCTION_ARGS)
{
	return Step(fcinfo, delay_agg_row_dates, true);
}

Datum
delay_agg_moving_trans_as_of(PG_FUNCTION_ARGS)
{
	return Step(fcinfo, delay_agg_row_as_of, false);
}

Datum
delay_agg_moving_inv_as_of(PG_FUNCTION_ARGS)
{
	return Step(fcinfo, delay_agg_row_as_of, true);
}

Datum
delay_agg_moving_trans_days(PG_FUNCTION_ARGS)
{
	return Step(fcinfo, delay_agg_row_days, false);
}

Datum
delay_agg_moving_inv_days(PG_FUNCTION_ARGS)
{
	return Step(fcinfo, delay_agg_row_days, true);
}

Datum
delay_agg_moving_trans_days_pending(PG_FUNCTION_ARGS)
{
	return Step(fcinfo, delay_agg_row_days_pending, false);
}

Datum
delay_agg_moving_inv_days_pending(PG_FUNCTION_ARGS)
{
	return Step(fcinfo, delay_agg_row_days_pending, true);
}

/* rollup(delay_summary): add (or remove) a stored summary; NULL skips the row. */
static Datum
RollupStep(FunctionCallInfo fcinfo, bool remove)
{
	DelayMovingState *state = GetState(fcinfo);
	HdhDelaySummary sum;
	HdhError	err;

	if (!PG_ARGISNULL(1))
	{
		delay_summary_read(PG_GETARG_DATUM(1), &sum);
		if (remove)
		{
			HDH_CHECK_INTERNAL(hdh_delay_moving_remove_summary(&state->map, &sum, &err), &err);
			state->rows--;
			Assert(state->rows >= 0);
		}
		else
		{
			HDH_CHECK(hdh_delay_moving_add_summary(&state->map, &sum, &err), &err);
			state->rows++;
		}
	}
	PG_RETURN_POINTER(state);
}

Datum
delay_summary_rollup_moving_trans(PG_FUNCTION_ARGS)
{
	return RollupStep(fcinfo, false);
}

Datum
delay_summary_rollup_moving_inv(PG_FUNCTION_ARGS)
{
	return RollupStep(fcinfo, true);
}

/* The delay_summary of the frame, NULL when no row of it counted. */
Datum
delay_agg_moving_final(PG_FUNCTION_ARGS)
{
	DelayMovingState *state;
	HdhDelaySummary sum;
	HdhError	err;

	hdh_agg_context(fcinfo, "delay_agg_moving_final");
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state = (DelayMovingState *) PG_GETARG_POINTER(0);
	if (state->rows == 0)
		PG_RETURN_NULL();
	HDH_CHECK(hdh_delay_moving_view(&state->map, &sum, &err), &err);
	PG_RETURN_DATUM(delay_summary_make(&sum));
}
