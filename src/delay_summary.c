/*
 * src/delay_summary.c
 *	  The delay_summary type: text and binary I/O, accessors, the +
 *	  operator, equality and hashing. The math and the codecs are in
 *	  src/core/; this file only moves values between SQL and the core and
 *	  raises its failures.
 */
#include "postgres.h"

#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/memutils.h"

#include "core/delay_codec.h"
#include "core/delay_km.h"
#include "core/delay_state.h"
#include "core/delay_stats.h"
#include "delay_summary.h"
#include "hdh_error.h"
#include "hdh_memory.h"
#include "hdh_varlena.h"

/* The average Gregorian month in days: 365.2425 / 12. */
#define DAYS_PER_MONTH 30.436875

PG_FUNCTION_INFO_V1(delay_summary_in);
PG_FUNCTION_INFO_V1(delay_summary_out);
PG_FUNCTION_INFO_V1(delay_summary_recv);
PG_FUNCTION_INFO_V1(delay_summary_send);
PG_FUNCTION_INFO_V1(delay_summary_add);
PG_FUNCTION_INFO_V1(delay_summary_completed);
PG_FUNCTION_INFO_V1(delay_summary_pending);
PG_FUNCTION_INFO_V1(delay_summary_mean_days);
PG_FUNCTION_INFO_V1(delay_summary_mean_months);
PG_FUNCTION_INFO_V1(delay_summary_stddev_days);
PG_FUNCTION_INFO_V1(delay_summary_min_days);
PG_FUNCTION_INFO_V1(delay_summary_max_days);
PG_FUNCTION_INFO_V1(delay_summary_percentile_days);
PG_FUNCTION_INFO_V1(delay_summary_percentile_disc_days);
PG_FUNCTION_INFO_V1(delay_summary_median_days);
PG_FUNCTION_INFO_V1(delay_summary_share_within);
PG_FUNCTION_INFO_V1(delay_summary_km_survival);
PG_FUNCTION_INFO_V1(delay_summary_km_median_days);
PG_FUNCTION_INFO_V1(delay_summary_rmst_days);
PG_FUNCTION_INFO_V1(delay_summary_eq);
PG_FUNCTION_INFO_V1(delay_summary_ne);
PG_FUNCTION_INFO_V1(delay_summary_hash);
PG_FUNCTION_INFO_V1(delay_summary_hash_extended);

/* Every reader validates: a corrupted stored value is an ERROR, never a crash. */
void
delay_summary_read(Datum datum, HdhDelaySummary *out)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(datum);
	HdhAlloc mem;
	HdhError	err;

	hdh_context_allocator(CurrentMemoryContext, &mem);
	HDH_CHECK(hdh_delay_unpack((const uint8_t *) VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v),
							   &mem, HDH_ERR_DATA, out, &err), &err);
}

/* Pack into a varlena, refusing what would pass the 1 GB limit. */
Datum
delay_summary_make(const HdhDelaySummary *sum)
{
	size_t		size = hdh_delay_packed_size(sum);
	struct varlena *v;

	if (size > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("delay_summary of %d distinct days is too large (%zu bytes)", sum->n, size)));
	v = (struct varlena *) palloc(size + VARHDRSZ);
	SET_VARSIZE(v, size + VARHDRSZ);
	hdh_delay_pack(sum, (uint8_t *) VARDATA(v));
	return PointerGetDatum(v);
}

/* Text input: "completed {day:count, ...} pending {day:count, ...}". */
Datum
delay_summary_in(PG_FUNCTION_ARGS)
{
	const char *text = PG_GETARG_CSTRING(0);
	HdhAlloc mem;
	HdhDelaySummary sum;
	HdhError	err;

	hdh_context_allocator(CurrentMemoryContext, &mem);
	HDH_CHECK(hdh_delay_parse(text, &mem, &sum, &err), &err);
	PG_RETURN_DATUM(delay_summary_make(&sum));
}

/* Text output, the canonical form that delay_summary_in reads back. */
Datum
delay_summary_out(PG_FUNCTION_ARGS)
{
	HdhDelaySummary sum;
	size_t		size;
	char	   *out;

	delay_summary_read(PG_GETARG_DATUM(0), &sum);
	size = hdh_delay_text_size(&sum);
	if (size > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("delay_summary of %d distinct days is too large for text output", sum.n)));
	out = palloc(size);
	hdh_delay_format(&sum, out);
	PG_RETURN_CSTRING(out);
}

/* Binary input (fixed width, delay_codec.h), with every check of text input. */
Datum
delay_summary_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	HdhAlloc mem;
	HdhDelaySummary sum;
	HdhError	err;

	hdh_context_allocator(CurrentMemoryContext, &mem);
	HDH_CHECK(hdh_delay_wire_read((const uint8_t *) buf->data + buf->cursor,
								  (size_t) (buf->len - buf->cursor), &mem, &sum, &err), &err);
	buf->cursor = buf->len;
	PG_RETURN_DATUM(delay_summary_make(&sum));
}

/* Binary output. */
Datum
delay_summary_send(PG_FUNCTION_ARGS)
{
	HdhDelaySummary sum;
	StringInfoData buf;
	size_t		size;
	uint8_t    *bytes;

	delay_summary_read(PG_GETARG_DATUM(0), &sum);
	size = hdh_delay_wire_size(&sum);
	if (size > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("delay_summary of %d distinct days is too large for binary output", sum.n)));
	bytes = palloc(size);
	hdh_delay_wire_write(&sum, bytes);
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, (const char *) bytes, (int) size);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* s1 + s2: the summary of both sets of delays. */
Datum
delay_summary_add(PG_FUNCTION_ARGS)
{
	HdhDelaySummary a,
				b,
				sum;
	HdhAlloc mem;
	HdhDelayState state;
	HdhError	err;

	delay_summary_read(PG_GETARG_DATUM(0), &a);
	delay_summary_read(PG_GETARG_DATUM(1), &b);
	hdh_context_allocator(CurrentMemoryContext, &mem);
	hdh_delay_state_init(&state, &mem);
	HDH_CHECK(hdh_delay_add_summary(&state, &a, &err), &err);
	HDH_CHECK(hdh_delay_add_summary(&state, &b, &err), &err);
	HDH_CHECK(hdh_delay_state_view(&state, &sum, &err), &err);
	PG_RETURN_DATUM(delay_summary_make(&sum));
}

/* Argument 0 as a summary. */
static void
ArgSummary(FunctionCallInfo fcinfo, HdhDelaySummary *sum)
{
	delay_summary_read(PG_GETARG_DATUM(0), sum);
}

/* A percentile fraction argument, checked like percentile_cont does. */
static double
ArgFraction(FunctionCallInfo fcinfo, int argno)
{
	double		p = PG_GETARG_FLOAT8(argno);
	HdhError	err;

	HDH_CHECK(hdh_delay_check_fraction(p, &err), &err);
	return p;
}

/* Number of completed delays. */
Datum
delay_summary_completed(PG_FUNCTION_ARGS)
{
	HdhDelaySummary sum;

	ArgSummary(fcinfo, &sum);
	PG_RETURN_INT64(sum.completed);
}

/* Number of pending (censored) delays. */
Datum
delay_summary_pending(PG_FUNCTION_ARGS)
{
	HdhDelaySummary sum;

	ArgSummary(fcinfo, &sum);
	PG_RETURN_INT64(sum.pending);
}

/* Mean of completed delays in days (NULL without any). */
Datum
delay_summary_mean_days(PG_FUNCTION_ARGS)
{
	HdhDelaySummary sum;
	double		v;

	ArgSummary(fcinfo, &sum);
	if (!hdh_delay_mean(&sum, &v))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}

/* Mean of completed delays in average Gregorian months. */
Datum
delay_summary_mean_months(PG_FUNCTION_ARGS)
{
	HdhDelaySummary sum;
	double		v;

	ArgSummary(fcinfo, &sum);
	if (!hdh_delay_mean(&sum, &v))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v / DAYS_PER_MONTH);
}

/* Sample standard deviation of completed delays (NULL below two). */
Datum
delay_summary_stddev_days(PG_FUNCTION_ARGS)
{
	HdhDelaySummary sum;
	double		v;

	ArgSummary(fcinfo, &sum);
	if (!hdh_delay_stddev(&sum, &v))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}

/* Shortest completed delay. */
Datum
delay_summary_min_days(PG_FUNCTION_ARGS)
{
	HdhDelaySummary sum;
	int32_t		v;

	ArgSummary(fcinfo, &sum);
	if (!hdh_delay_min(&sum, &v))
		PG_RETURN_NULL();
	PG_RETURN_INT32(v);
}

/* Longest completed delay. */
Datum
delay_summary_max_days(PG_FUNCTION_ARGS)
{
	HdhDelaySummary sum;
	int32_t		v;

	ArgSummary(fcinfo, &sum);
	if (!hdh_delay_max(&sum, &v))
		PG_RETURN_NULL();
	PG_RETURN_INT32(v);
}

/* percentile_cont(p) of completed delays. */
Datum
delay_summary_percentile_days(PG_FUNCTION_ARGS)
{
	HdhDelaySummary sum;
	double		p = ArgFraction(fcinfo, 1);
	double		v;

	ArgSummary(fcinfo, &sum);
	if (!hdh_delay_percentile_cont(&sum, p, &v))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}

/* percentile_disc(p) of completed delays. */
Datum
delay_summary_percentile_disc_days(PG_FUNCTION_ARGS)
{
	HdhDelaySummary sum;
	double		p = ArgFraction(fcinfo, 1);
	int32_t		v;

	ArgSummary(fcinfo, &sum);
	if (!hdh_delay_percentile_disc(&sum, p, &v))
		PG_RETURN_NULL();
	PG_RETURN_INT32(v);
}

/* percentile_cont(0.5) of completed delays. */
Datum
delay_summary_median_days(PG_FUNCTION_ARGS)
{
	HdhDelaySummary sum;
	double		v;

	ArgSummary(fcinfo, &sum);
	if (!hdh_delay_percentile_cont(&sum, 0.5, &v))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}

/* Fraction of completed delays of at most `days` days. */
Datum
delay_summary_share_within(PG_FUNCTION_ARGS)
{
	HdhDelaySummary sum;
	double		v;

	ArgSummary(fcinfo, &sum);
	if (!hdh_delay_share_within(&sum, PG_GETARG_INT32(1), &v))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}

/* Kaplan–Meier S(days) = P(delay > days). */
Datum
delay_summary_km_survival(PG_FUNCTION_ARGS)
{
	HdhDelaySummary sum;
	double		v;

	ArgSummary(fcinfo, &sum);
	if (!hdh_delay_km_survival(&sum, PG_GETARG_INT32(1), &v))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}

/* Kaplan–Meier median (NULL when S never reaches 0.5). */
Datum
delay_summary_km_median_days(PG_FUNCTION_ARGS)
{
	HdhDelaySummary sum;
	double		v;

	ArgSummary(fcinfo, &sum);
	if (!hdh_delay_km_median(&sum, &v))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}

/* Restricted mean survival time up to tau days. */
Datum
delay_summary_rmst_days(PG_FUNCTION_ARGS)
{
	HdhDelaySummary sum;
	double		v;
	bool		defined;
	HdhError	err;

	ArgSummary(fcinfo, &sum);
	HDH_CHECK(hdh_delay_rmst(&sum, PG_GETARG_INT32(1), &v, &defined, &err), &err);
	if (!defined)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}

/* ---- equality and hashing (=, <>, delay_summary_hash_ops) ----
 *
 * A delay_summary has exactly one stored byte string per value (hdh_varlena.h
 * says why that makes byte equality value equality): every stored value is
 * written by delay_summary_make() through hdh_delay_pack()
 * (src/core/delay_codec.c), whatever built it (text or binary input, +,
 * delay_agg, rollup), from a summary that hdh_delay_check() accepts: days
 * strictly ascending, each listed once with a positive count, header totals
 * equal to the sums. The packed form writes every byte (version 1, flags 0,
 * reserved 0, n and totals, then shortest-form LEB128 varints;
 * hdh_delay_packed_size() is exact), so a summary has one encoding, and
 * hdh_delay_unpack() rejects any other (overlong varint, trailing byte,
 * non-zero flags).
 */

/* s1 = s2: the same delays, day by day. */
Datum
delay_summary_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(hdh_varlena_equal(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)));
}

/* s1 <> s2. */
Datum
delay_summary_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!hdh_varlena_equal(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)));
}

/* Hash support of the hash operator class. */
Datum
delay_summary_hash(PG_FUNCTION_ARGS)
{
	return hdh_varlena_hash(PG_GETARG_DATUM(0));
}

/* Extended hash support of the hash operator class. */
Datum
delay_summary_hash_extended(PG_FUNCTION_ARGS)
{
	return hdh_varlena_hash_extended(PG_GETARG_DATUM(0), (uint64) PG_GETARG_INT64(1));
}
