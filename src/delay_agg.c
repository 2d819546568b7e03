/*
 * src/delay_agg.c
 *	  Support functions of the delay_agg and rollup(delay_summary) aggregates:
 *	  transition, final, combine, serialize and deserialize.
 *
 * The state is an HdhDelayState (src/core/delay_summary.h) allocated in the
 * aggregate's memory context. A row costs an append to its key buffer: each
 * transition function first tries a fast path for the common row (a state
 * exists, arguments present and valid, room in the buffer) and otherwise
 * calls its slow path, which makes every check, creates the state and
 * raises the errors. AggCheckCallContext runs where a state is created (the
 * slow path): a non-NULL internal state can only come from an aggregate,
 * since SQL cannot build one (numeric.c's accumulators do the same). The
 * final function only reads the state (FINALFUNC_MODIFY = READ_ONLY), so
 * the aggregates work as window aggregates too.
 *
 * A row's checks and errors live in the delay_agg_row_* functions (declared
 * in src/delay_summary.h), which the slow paths here and the
 * moving-aggregate mode (src/delay_agg_moving.c) share.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/memutils.h"

#include "core/delay_codec.h"
#include "core/delay_state.h"
#include "delay_summary.h"
#include "hdh_agg.h"
#include "hdh_error.h"
#include "hdh_memory.h"

PG_FUNCTION_INFO_V1(delay_agg_trans_dates);
PG_FUNCTION_INFO_V1(delay_agg_trans_as_of);
PG_FUNCTION_INFO_V1(delay_agg_trans_days);
PG_FUNCTION_INFO_V1(delay_agg_trans_days_pending);
PG_FUNCTION_INFO_V1(delay_summary_rollup_trans);
PG_FUNCTION_INFO_V1(delay_agg_final);
PG_FUNCTION_INFO_V1(delay_agg_combine);
PG_FUNCTION_INFO_V1(delay_agg_serialize);
PG_FUNCTION_INFO_V1(delay_agg_deserialize);

/* A new, empty state whose memory lives in cxt. */
static HdhDelayState *
NewState(MemoryContext cxt)
{
	HdhDelayState *state = MemoryContextAlloc(cxt, sizeof(HdhDelayState));
	HdhAlloc mem;

	hdh_context_allocator(cxt, &mem);
	hdh_delay_state_init(state, &mem);
	return state;
}

/* A date as text, for messages. */
static const char *
DateText(DateADT d)
{
	return DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d)));
}

/* Refuse 'infinity' and '-infinity': a delay needs two finite dates. */
static void
CheckFinite(DateADT d, const char *name)
{
	if (DATE_NOT_FINITE(d))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("%s date %s is not finite", name, DateText(d)),
				 errdetail("A delay is measured between two finite dates.")));
}

/* finished - started in days, or an ERROR naming both when it is negative. */
static int64
DaysBetween(DateADT started, DateADT finished)
{
	int64		days = (int64) finished - (int64) started;

	if (days < 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("finished %s is before started %s",
						DateText(finished), DateText(started)),
				 errdetail("A delay ends on or after the day it starts.")));
	return days;
}

/* Add one delay to the state (creating it on the first row). */
static HdhDelayState *
AddDelay(FunctionCallInfo fcinfo, MemoryContext aggcontext, int64 days, bool pending)
{
	HdhDelayState *state = PG_ARGISNULL(0) ? NewState(aggcontext)
		: (HdhDelayState *) PG_GETARG_POINTER(0);
	HdhError	err;

	HDH_CHECK(hdh_delay_add(state, days, pending, &err), &err);
	return state;
}

/* The current state, or NULL: what a skipped row returns. */
#define RETURN_STATE_UNCHANGED() \
	do { \
		if (PG_ARGISNULL(0)) \
			PG_RETURN_NULL(); \
		PG_RETURN_POINTER(PG_GETARG_POINTER(0)); \
	} while (0)

/*
 * The row of delay_agg(started, finished) in arguments 1 and 2: false when
 * skipped (a NULL date), else its delay; errors for bad dates.
 */
bool
delay_agg_row_dates(FunctionCallInfo fcinfo, int64 *days, bool *pending)
{
	DateADT		started,
				finished;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		return false;
	started = PG_GETARG_DATEADT(1);
	finished = PG_GETARG_DATEADT(2);
	CheckFinite(started, "started");
	CheckFinite(finished, "finished");
	*days = DaysBetween(started, finished);
	*pending = false;
	return true;
}

/* Add the row read by row to the state, or return the state unchanged. */
static Datum
AddRow(FunctionCallInfo fcinfo, MemoryContext aggcontext, DelayAggRow row)
{
	int64		days;
	bool		pending;

	if (!row(fcinfo, &days, &pending))
		RETURN_STATE_UNCHANGED();
	PG_RETURN_POINTER(AddDelay(fcinfo, aggcontext, days, pending));
}

/* delay_agg(started, finished), every case: checks, errors, a new state. */
pg_noinline static Datum
DelayAggTransDatesSlow(FunctionCallInfo fcinfo)
{
	MemoryContext aggcontext = hdh_agg_context(fcinfo, "delay_agg_trans_dates");

	return AddRow(fcinfo, aggcontext, delay_agg_row_dates);
}

/*
 * delay_agg(started, finished): completed delays; a NULL date skips the row.
 * Fast path: finite dates (strictly between -infinity and infinity) with
 * finished >= started go straight into the buffer.
 */
Datum
delay_agg_trans_dates(PG_FUNCTION_ARGS)
{
	if (likely(!PG_ARGISNULL(0)))
	{
		HdhDelayState *state = (HdhDelayState *) PG_GETARG_POINTER(0);
		DateADT		started,
					finished;

		HDH_ASSERT_AGG_CALL(fcinfo);
		if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
			PG_RETURN_POINTER(state);	/* skipped */
		started = PG_GETARG_DATEADT(1);
		finished = PG_GETARG_DATEADT(2);
		if (likely(started > DATEVAL_NOBEGIN && finished < DATEVAL_NOEND && finished >= started &&
				   hdh_delay_add_fast(state, (uint64) ((int64) finished - started), false)))
			PG_RETURN_POINTER(state);
	}
	return DelayAggTransDatesSlow(fcinfo);
}

/*
 * The row of delay_agg(started, finished, as_of): the situation known on
 * as_of (hdh_delay_as_of has the rule). Rows with no start, or starting
 * after as_of, are skipped (false); a NULL as_of is an ERROR.
 */
bool
delay_agg_row_as_of(FunctionCallInfo fcinfo, int64 *days, bool *pending)
{
	DateADT		started,
				finished = 0,
				as_of;
	bool		has_finished = !PG_ARGISNULL(2);

	if (PG_ARGISNULL(3))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("as_of must not be NULL (started %s, finished %s)",
						PG_ARGISNULL(1) ? "NULL" : DateText(PG_GETARG_DATEADT(1)),
						PG_ARGISNULL(2) ? "NULL" : DateText(PG_GETARG_DATEADT(2))),
				 errdetail("The as_of argument is the date the situation is observed on, e.g. current_date.")));
	as_of = PG_GETARG_DATEADT(3);
	CheckFinite(as_of, "as_of");
	if (PG_ARGISNULL(1))
		return false;
	started = PG_GETARG_DATEADT(1);
	CheckFinite(started, "started");
	if (has_finished)
	{
		finished = PG_GETARG_DATEADT(2);
		CheckFinite(finished, "finished");
		DaysBetween(started, finished);
	}
	return hdh_delay_as_of(started, has_finished, finished, as_of, days, pending);
}

/* delay_agg(started, finished, as_of), every case. */
pg_noinline static Datum
DelayAggTransAsOfSlow(FunctionCallInfo fcinfo)
{
	MemoryContext aggcontext = hdh_agg_context(fcinfo, "delay_agg_trans_as_of");

	return AddRow(fcinfo, aggcontext, delay_agg_row_as_of);
}

/*
 * delay_agg(started, finished, as_of). Fast path: finite dates and an end
 * on or after the start, observed as hdh_delay_as_of says.
 */
Datum
delay_agg_trans_as_of(PG_FUNCTION_ARGS)
{
	if (likely(!PG_ARGISNULL(0) && !PG_ARGISNULL(1) && !PG_ARGISNULL(3)))
	{
		HdhDelayState *state = (HdhDelayState *) PG_GETARG_POINTER(0);
		DateADT		started = PG_GETARG_DATEADT(1);
		DateADT		as_of = PG_GETARG_DATEADT(3);
		bool		has_finished = !PG_ARGISNULL(2);
		DateADT		finished = has_finished ? PG_GETARG_DATEADT(2) : 0;
		int64		days;
		bool		pending;

		HDH_ASSERT_AGG_CALL(fcinfo);
		if (likely(started > DATEVAL_NOBEGIN && as_of < DATEVAL_NOEND &&
				   (!has_finished || (finished >= started && finished < DATEVAL_NOEND)) &&
				   hdh_delay_as_of(started, has_finished, finished, as_of, &days, &pending) &&
				   hdh_delay_add_fast(state, (uint64) days, pending)))
			PG_RETURN_POINTER(state);
	}
	return DelayAggTransAsOfSlow(fcinfo);
}

/* A negative number of days is an ERROR naming it. */
static void
CheckDays(int32 days)
{
	if (days < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a delay of %d days is negative", days),
				 errdetail("A delay is a number of days, 0 or more.")));
}

/* The row of delay_agg(days): false when days is NULL. */
bool
delay_agg_row_days(FunctionCallInfo fcinfo, int64 *days, bool *pending)
{
	if (PG_ARGISNULL(1))
		return false;
	CheckDays(PG_GETARG_INT32(1));
	*days = PG_GETARG_INT32(1);
	*pending = false;
	return true;
}

/* delay_agg(days), every case. */
pg_noinline static Datum
DelayAggTransDaysSlow(FunctionCallInfo fcinfo)
{
	MemoryContext aggcontext = hdh_agg_context(fcinfo, "delay_agg_trans_days");

	return AddRow(fcinfo, aggcontext, delay_agg_row_days);
}

/* delay_agg(days): completed delays given in days; NULL skips the row. */
Datum
delay_agg_trans_days(PG_FUNCTION_ARGS)
{
	if (likely(!PG_ARGISNULL(0)))
	{
		HdhDelayState *state = (HdhDelayState *) PG_GETARG_POINTER(0);
		int32		days;

		HDH_ASSERT_AGG_CALL(fcinfo);
		if (PG_ARGISNULL(1))
			PG_RETURN_POINTER(state);	/* skipped */
		days = PG_GETARG_INT32(1);
		if (likely(days >= 0 && hdh_delay_add_fast(state, (uint64) days, false)))
			PG_RETURN_POINTER(state);
	}
	return DelayAggTransDaysSlow(fcinfo);
}

/* The row of delay_agg(days, pending): false when days is NULL. */
bool
delay_agg_row_days_pending(FunctionCallInfo fcinfo, int64 *days, bool *pending)
{
	int32		d;

	if (PG_ARGISNULL(1))
		return false;
	d = PG_GETARG_INT32(1);
	CheckDays(d);
	if (PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("pending must not be NULL for a delay of %d days", d),
				 errdetail("Say whether the delay is still running: true (pending) or false (completed).")));
	*days = d;
	*pending = PG_GETARG_BOOL(2);
	return true;
}

/* delay_agg(days, pending), every case. */
pg_noinline static Datum
DelayAggTransDaysPendingSlow(FunctionCallInfo fcinfo)
{
	MemoryContext aggcontext = hdh_agg_context(fcinfo, "delay_agg_trans_days_pending");

	return AddRow(fcinfo, aggcontext, delay_agg_row_days_pending);
}

/*
 * delay_agg(days, pending): pending = true is censored at days. A NULL days
 * skips the row; a NULL pending with a known delay is an ERROR, since whether
 * the delay ended is then unknown and either guess would bias the result.
 */
Datum
delay_agg_trans_days_pending(PG_FUNCTION_ARGS)
{
	if (likely(!PG_ARGISNULL(0) && !PG_ARGISNULL(1) && !PG_ARGISNULL(2)))
	{
		HdhDelayState *state = (HdhDelayState *) PG_GETARG_POINTER(0);
		int32		days = PG_GETARG_INT32(1);

		HDH_ASSERT_AGG_CALL(fcinfo);
		if (likely(days >= 0 && hdh_delay_add_fast(state, (uint64) days, PG_GETARG_BOOL(2))))
			PG_RETURN_POINTER(state);
	}
	return DelayAggTransDaysPendingSlow(fcinfo);
}

/* rollup(delay_summary): merge stored summaries; NULL skips the row. */
Datum
delay_summary_rollup_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = hdh_agg_context(fcinfo, "delay_summary_rollup_trans");
	HdhDelayState *state;
	HdhDelaySummary sum;
	HdhError	err;

	if (PG_ARGISNULL(1))
		RETURN_STATE_UNCHANGED();
	delay_summary_read(PG_GETARG_DATUM(1), &sum);
	state = PG_ARGISNULL(0) ? NewState(aggcontext) : (HdhDelayState *) PG_GETARG_POINTER(0);
	HDH_CHECK(hdh_delay_add_summary(state, &sum, &err), &err);
	PG_RETURN_POINTER(state);
}

/* The summary of a state, read without changing it (window-safe). */
static void
ViewState(const HdhDelayState *state, HdhDelaySummary *sum)
{
	HdhError	err;

	HDH_CHECK(hdh_delay_state_view(state, sum, &err), &err);
}

/* Final function: the delay_summary of the state (strict: no rows gives NULL). */
Datum
delay_agg_final(PG_FUNCTION_ARGS)
{
	HdhDelayState *state;
	HdhDelaySummary sum;
	Datum		result;

	hdh_agg_context(fcinfo, "delay_agg_final");
	state = (HdhDelayState *) PG_GETARG_POINTER(0);
	ViewState(state, &sum);
	result = delay_summary_make(&sum);
	hdh_delay_view_free(state, &sum);
	PG_RETURN_DATUM(result);
}

/* Combine: add the second state to the first (a new one when the first is NULL). */
Datum
delay_agg_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = hdh_agg_context(fcinfo, "delay_agg_combine");
	HdhDelayState *state;
	HdhError	err;

	if (PG_ARGISNULL(1))
		RETURN_STATE_UNCHANGED();
	state = PG_ARGISNULL(0) ? NewState(aggcontext) : (HdhDelayState *) PG_GETARG_POINTER(0);
	HDH_CHECK(hdh_delay_add_state(state, (HdhDelayState *) PG_GETARG_POINTER(1), &err), &err);
	PG_RETURN_POINTER(state);
}

/* Serialize: the packed form of the state (the body of a delay_summary). */
Datum
delay_agg_serialize(PG_FUNCTION_ARGS)
{
	HdhDelayState *state;
	HdhDelaySummary sum;
	Datum		out;

	hdh_agg_context(fcinfo, "delay_agg_serialize");
	state = (HdhDelayState *) PG_GETARG_POINTER(0);
	ViewState(state, &sum);
	/* The serialized state is the stored form of its summary. */
	out = delay_summary_make(&sum);
	hdh_delay_view_free(state, &sum);
	PG_RETURN_DATUM(out);
}

/*
 * Deserialize: a state holding the packed summary, fully checked. It lives
 * in the current (per-call) context: combine copies what it needs.
 */
Datum
delay_agg_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *in;
	HdhDelayState *state;
	HdhDelaySummary sum;
	HdhAlloc mem;
	HdhError	err;

	hdh_agg_context(fcinfo, "delay_agg_deserialize");
	in = PG_GETARG_BYTEA_PP(0);
	hdh_context_allocator(CurrentMemoryContext, &mem);
	HDH_CHECK(hdh_delay_unpack((const uint8_t *) VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in),
							   &mem, HDH_ERR_BINARY, &sum, &err), &err);
	state = NewState(CurrentMemoryContext);
	HDH_CHECK(hdh_delay_add_summary(state, &sum, &err), &err);
	pfree(unconstify(HdhDelayEntry *, sum.entries));
	PG_RETURN_POINTER(state);
}
