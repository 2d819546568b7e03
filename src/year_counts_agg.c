/*
 * src/year_counts_agg.c
 *	  The aggregates that build year_counts: year_counts_agg(date [, bigint]),
 *	  years_active_agg(daterange | datemultirange, date) and
 *	  rollup(year_counts), with combine, serialize and deserialize for
 *	  parallel plans.
 *
 * The state is a dense array of totals over the years seen so far (see
 * src/core/year_counts_totals.h), allocated in the aggregate context and grown
 * geometrically; a row costs an index check and an addition. The final
 * function only reads the state, so the aggregates also serve as window
 * aggregates.
 *
 * Moving-aggregate mode (a sliding window frame): the same state and
 * transitions, and an inverse per form (*_inv) that subtracts what the
 * transition of the same row added, through the same argument checks; the
 * frame's rows leaving it cost what the rows entering it do.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/lsyscache.h"
#include "utils/multirangetypes.h"
#include "utils/rangetypes.h"

#include "core/calendar.h"
#include "hdh_agg.h"
#include "hdh_error.h"
#include "hdh_memory.h"
#include "year_counts.h"

PG_FUNCTION_INFO_V1(year_counts_agg_trans);
PG_FUNCTION_INFO_V1(year_counts_agg_trans_weighted);
PG_FUNCTION_INFO_V1(years_active_agg_trans);
PG_FUNCTION_INFO_V1(years_active_agg_trans_multirange);
PG_FUNCTION_INFO_V1(year_counts_rollup_trans);
PG_FUNCTION_INFO_V1(year_counts_agg_combine);
PG_FUNCTION_INFO_V1(year_counts_agg_serialize);
PG_FUNCTION_INFO_V1(year_counts_agg_deserialize);
PG_FUNCTION_INFO_V1(year_counts_agg_final);
PG_FUNCTION_INFO_V1(year_counts_agg_inv);
PG_FUNCTION_INFO_V1(year_counts_agg_inv_weighted);
PG_FUNCTION_INFO_V1(years_active_agg_inv);
PG_FUNCTION_INFO_V1(years_active_agg_inv_multirange);
PG_FUNCTION_INFO_V1(year_counts_rollup_inv);

typedef struct YearCountsState
{
	HdhYearCounts yc;			/* totals, in the aggregate context */
	HdhAlloc	alloc;			/* allocates in that context */
	/* The last date's year, so that most rows skip the calendar arithmetic. */
	int32		cached_year;
	DateADT		cached_first;	/* first day of cached_year */
	DateADT		cached_end;		/* first day of the next year */
} YearCountsState;

/* A new, empty state in the aggregate context. */
static YearCountsState *
NewState(MemoryContext aggcxt)
{
	YearCountsState *state = MemoryContextAllocZero(aggcxt, sizeof(YearCountsState));

	hdh_context_allocator(aggcxt, &state->alloc);
	return state;
}

/* Text of a date, for error messages. */
static char *
DateText(DateADT d)
{
	return DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d)));
}

/* Text of a range or multirange value, for error messages. */
static char *
ValueText(Oid type, Datum value)
{
	Oid			output;
	bool		varlena;

	getTypeOutputInfo(type, &output, &varlena);
	return OidOutputFunctionCall(output, value);
}

/* Calendar year of a finite date, through the one-year cache. */
static inline int64
YearOfDate(YearCountsState *state, DateADT d)
{
	int32		year;

	if (d >= state->cached_first && d < state->cached_end)
		return state->cached_year;
	if (DATE_NOT_FINITE(d))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("date %s has no calendar year", DateText(d)),
				 errdetail("A year_counts counts finite dates only.")));
	year = hdh_year_of_day(d);
	if (year < HDH_YEAR_MIN || year > HDH_YEAR_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("year %d of date %s is out of range for year_counts", year, DateText(d)),
				 errdetail("A year_counts holds the years 1 to 9999.")));
	state->cached_year = year;
	state->cached_first = (DateADT) hdh_first_day_of_year(year);
	state->cached_end = (DateADT) hdh_first_day_of_year(year + 1);
	return year;
}

/*
 * Add weight to the year of d, or subtract it (remove); year range and
 * overflow errors come from core.
 */
static void
AddDate(YearCountsState *state, DateADT d, int64 weight, bool remove)
{
	int64		year = YearOfDate(state, d);
	HdhError	err;

	if (remove)
		HDH_CHECK_INTERNAL(hdh_year_counts_subtract(&state->yc, year, weight, &err), &err);
	else
		HDH_CHECK(hdh_year_counts_add(&state->yc, year, weight, &state->alloc, &err), &err);
}

/*
 * The state of argument 0, created on first use. Never NULL, even before a
 * row counts: in a window frame with an inverse (moving-aggregate mode),
 * PostgreSQL refuses a NULL state from the transition.
 */
static YearCountsState *
GetState(FunctionCallInfo fcinfo, MemoryContext aggcxt)
{
	if (PG_ARGISNULL(0))
		return NewState(aggcxt);
	return (YearCountsState *) PG_GETARG_POINTER(0);
}

/* year_counts_agg(date): +1 (or -1) in the year of each non-NULL date. */
static Datum
DateStep(FunctionCallInfo fcinfo, bool remove)
{
	MemoryContext aggcxt = hdh_agg_context(fcinfo, "year_counts_agg_trans");
	YearCountsState *state = GetState(fcinfo, aggcxt);

	if (!PG_ARGISNULL(1))
	{
		AddDate(state, PG_GETARG_DATEADT(1), 1, remove);
	}
	PG_RETURN_POINTER(state);
}

Datum
year_counts_agg_trans(PG_FUNCTION_ARGS)
{
	return DateStep(fcinfo, false);
}

Datum
year_counts_agg_inv(PG_FUNCTION_ARGS)
{
	return DateStep(fcinfo, true);
}

/* year_counts_agg(date, bigint): + weight; NULL weight skips the row, like sum. */
static Datum
WeightedStep(FunctionCallInfo fcinfo, bool remove)
{
	MemoryContext aggcxt = hdh_agg_context(fcinfo, "year_counts_agg_trans");
	YearCountsState *state = GetState(fcinfo, aggcxt);
	int64		weight;

	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
	{
		weight = PG_GETARG_INT64(2);
		if (weight < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("weight %lld of date %s is negative",
							(long long) weight, DateText(PG_GETARG_DATEADT(1))),
					 errdetail("Weights are 0 or more.")));
		AddDate(state, PG_GETARG_DATEADT(1), weight, remove);
	}
	PG_RETURN_POINTER(state);
}

Datum
year_counts_agg_trans_weighted(PG_FUNCTION_ARGS)
{
	return WeightedStep(fcinfo, false);
}

Datum
year_counts_agg_inv_weighted(PG_FUNCTION_ARGS)
{
	return WeightedStep(fcinfo, true);
}

/* as_of is required and finite: it caps open spans. */
static DateADT
GetAsOf(FunctionCallInfo fcinfo)
{
	DateADT		as_of;

	if (PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("as_of must not be NULL"),
				 errdetail("The as_of argument is the date the spans are known on; open spans end there.")));
	as_of = PG_GETARG_DATEADT(2);
	if (DATE_NOT_FINITE(as_of))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("as_of %s is not a finite date", DateText(as_of))));
	return as_of;
}

/*
 * Count (or, remove, uncount) the years of one span [lower, upper) capped at
 * as_of. Returns false when the span starts after as_of (so later periods of
 * a multirange do too).
 */
static bool
AddSpan(YearCountsState *state, const RangeBound *lower,
		const RangeBound *upper, DateADT as_of, int32 *counted_through,
		Oid type, Datum value, bool remove)
{
	DateADT		first_day;
	DateADT		end_day = 0;
	bool		end_open;
	HdhError	err;

	if (lower->infinite)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("span \"%s\" has no lower bound", ValueText(type, value)),
				 errdetail("A span needs a start date to know its first year.")));
	first_day = DatumGetDateADT(lower->val);
	if (DATE_NOT_FINITE(first_day))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("span \"%s\" starts at %s", ValueText(type, value),
						DateText(first_day)),
				 errdetail("A span needs a finite start date to know its first year.")));
	if (!lower->inclusive)
		first_day++;			/* not produced by daterange's canonical form */
	if (first_day > as_of)
		return false;
	end_open = upper->infinite || DATE_IS_NOEND(DatumGetDateADT(upper->val));
	if (!end_open)
		end_day = DatumGetDateADT(upper->val) + (upper->inclusive ? 1 : 0);
	if (remove)
	{
		HDH_CHECK_INTERNAL(hdh_year_counts_remove_span(&state->yc, first_day, end_day, end_open,
													   as_of, counted_through, &err), &err);
		return true;
	}
	if (hdh_year_counts_add_span(&state->yc, first_day, end_day, end_open,
								 as_of, counted_through, &state->alloc, &err) != HDH_OK)
	{
		/* Say which span: the core only knows its years. */
		if (err.status == HDH_ERR_RANGE)
			snprintf(err.detail, sizeof(err.detail),
					 "A year_counts holds the years 1 to 9999; the span is %s, as of %s.",
					 ValueText(type, value), DateText(as_of));
		hdh_raise(&err);
	}
	return true;
}

/* years_active_agg(daterange, date): +1 in each year the span overlaps up to as_of. */
static Datum
RangeStep(FunctionCallInfo fcinfo, bool remove)
{
	MemoryContext aggcxt = hdh_agg_context(fcinfo, "years_active_agg_trans");
	YearCountsState *state = GetState(fcinfo, aggcxt);
	DateADT		as_of = GetAsOf(fcinfo);
	RangeType  *span;
	TypeCacheEntry *typcache;
	RangeBound	lower;
	RangeBound	upper;
	bool		empty;
	int32		counted_through = PG_INT32_MIN;

	if (!PG_ARGISNULL(1))
	{
		span = PG_GETARG_RANGE_P(1);
		typcache = range_get_typcache(fcinfo, RangeTypeGetOid(span));
		range_deserialize(typcache, span, &lower, &upper, &empty);
		if (!empty)
			AddSpan(state, &lower, &upper, as_of, &counted_through,
					RangeTypeGetOid(span), PointerGetDatum(span), remove);
	}
	PG_RETURN_POINTER(state);
}

Datum
years_active_agg_trans(PG_FUNCTION_ARGS)
{
	return RangeStep(fcinfo, false);
}

Datum
years_active_agg_inv(PG_FUNCTION_ARGS)
{
	return RangeStep(fcinfo, true);
}

/*
 * years_active_agg(datemultirange, date): the same, each year once per row.
 * The periods are sorted and disjoint, so counting each from the year after
 * the last one counted is enough.
 */
static Datum
MultirangeStep(FunctionCallInfo fcinfo, bool remove)
{
	MemoryContext aggcxt = hdh_agg_context(fcinfo, "years_active_agg_trans");
	YearCountsState *state = GetState(fcinfo, aggcxt);
	DateADT		as_of = GetAsOf(fcinfo);
	MultirangeType *spans;
	TypeCacheEntry *typcache;
	int32		counted_through = PG_INT32_MIN;
	uint32		i;

	if (!PG_ARGISNULL(1))
	{
		spans = PG_GETARG_MULTIRANGE_P(1);
		typcache = multirange_get_typcache(fcinfo, MultirangeTypeGetOid(spans));
		for (i = 0; i < spans->rangeCount; i++)
		{
			RangeBound	lower;
			RangeBound	upper;

			multirange_get_bounds(typcache->rngtype, spans, i, &lower, &upper);
			if (!AddSpan(state, &lower, &upper, as_of, &counted_through,
						 MultirangeTypeGetOid(spans), PointerGetDatum(spans), remove))
				break;
		}
	}
	PG_RETURN_POINTER(state);
}

Datum
years_active_agg_trans_multirange(PG_FUNCTION_ARGS)
{
	return MultirangeStep(fcinfo, false);
}

Datum
years_active_agg_inv_multirange(PG_FUNCTION_ARGS)
{
	return MultirangeStep(fcinfo, true);
}

/* rollup(year_counts): merge (or, remove, subtract) stored values; NULLs are skipped. */
static Datum
RollupStep(FunctionCallInfo fcinfo, bool remove)
{
	MemoryContext aggcxt = hdh_agg_context(fcinfo, "year_counts_rollup_trans");
	YearCountsState *state = GetState(fcinfo, aggcxt);
	HdhYearCounts part;
	HdhError	err;

	if (!PG_ARGISNULL(1))
	{
		part = year_counts_read(PG_GETARG_YEAR_COUNTS_P(1), HDH_ERR_DATA);
		if (remove)
			HDH_CHECK_INTERNAL(hdh_year_counts_unmerge(&state->yc, &part, &err), &err);
		else
			HDH_CHECK(hdh_year_counts_merge(&state->yc, &part, &state->alloc, &err), &err);
	}
	PG_RETURN_POINTER(state);
}

Datum
year_counts_rollup_trans(PG_FUNCTION_ARGS)
{
	return RollupStep(fcinfo, false);
}

Datum
year_counts_rollup_inv(PG_FUNCTION_ARGS)
{
	return RollupStep(fcinfo, true);
}

/* Merge two partial states; either may be NULL. */
Datum
year_counts_agg_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = hdh_agg_context(fcinfo, "year_counts_agg_combine");
	YearCountsState *s1 = PG_ARGISNULL(0) ? NULL : (YearCountsState *) PG_GETARG_POINTER(0);
	YearCountsState *s2 = PG_ARGISNULL(1) ? NULL : (YearCountsState *) PG_GETARG_POINTER(1);
	HdhError	err;

	if (s2 == NULL)
	{
		if (s1 == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(s1);
	}
	if (s1 == NULL)
		s1 = NewState(aggcxt);	/* a copy: s2 may live in another context */
	HDH_CHECK(hdh_year_counts_merge(&s1->yc, &s2->yc, &s1->alloc, &err), &err);
	PG_RETURN_POINTER(s1);
}

/* The serialized state is a stored year_counts inside a bytea. */
Datum
year_counts_agg_serialize(PG_FUNCTION_ARGS)
{
	YearCountsState *state;

	hdh_agg_context(fcinfo, "year_counts_agg_serialize");
	state = (YearCountsState *) PG_GETARG_POINTER(0);
	PG_RETURN_BYTEA_P((bytea *) year_counts_make(&state->yc));
}

/* Every length and invariant is checked again before the bytes are used. */
Datum
year_counts_agg_deserialize(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = hdh_agg_context(fcinfo, "year_counts_agg_deserialize");
	/* A copy, so that the int64 totals are aligned. */
	HdhYearCountsStored *data = (HdhYearCountsStored *) PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(0));
	HdhYearCounts part = year_counts_read(data, HDH_ERR_BINARY);
	YearCountsState *state = NewState(aggcxt);
	HdhError	err;

	HDH_CHECK(hdh_year_counts_merge(&state->yc, &part, &state->alloc, &err), &err);
	pfree(data);
	PG_RETURN_POINTER(state);
}

/* The result; no rows (or only skipped ones) give the empty value {}. */
Datum
year_counts_agg_final(PG_FUNCTION_ARGS)
{
	HdhYearCounts empty = HDH_YEAR_COUNTS_EMPTY;

	hdh_agg_context(fcinfo, "year_counts_agg_final");
	if (PG_ARGISNULL(0))
		PG_RETURN_YEAR_COUNTS_P(year_counts_make(&empty));
	PG_RETURN_YEAR_COUNTS_P(year_counts_make(&((YearCountsState *) PG_GETARG_POINTER(0))->yc));
}
