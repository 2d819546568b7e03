/*
 * src/year_counts.c
 *	  The year_counts type: text and binary I/O, the + operator, the
 *	  accessors value_in, multiplier, yoy, cagr, cumulative and years,
 *	  equality and hashing.
 *
 * The arithmetic and the codecs are in src/core/year_counts*.c; this file
 * translates arguments, allocates and raises errors.
 */
#include "postgres.h"

#include "fmgr.h"
/* funcapi.h pulls in server inlines that -Wextra flags for unused parameters. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include "funcapi.h"
#pragma GCC diagnostic pop
#include "libpq/pqformat.h"
#include "utils/tuplestore.h"

#include "core/year_counts_codec.h"
#include "hdh_error.h"
#include "hdh_memory.h"
#include "hdh_varlena.h"
#include "year_counts.h"

PG_FUNCTION_INFO_V1(year_counts_in);
PG_FUNCTION_INFO_V1(year_counts_out);
PG_FUNCTION_INFO_V1(year_counts_recv);
PG_FUNCTION_INFO_V1(year_counts_send);
PG_FUNCTION_INFO_V1(year_counts_add);
PG_FUNCTION_INFO_V1(year_counts_value_in);
PG_FUNCTION_INFO_V1(year_counts_multiplier);
PG_FUNCTION_INFO_V1(year_counts_yoy);
PG_FUNCTION_INFO_V1(year_counts_cagr);
PG_FUNCTION_INFO_V1(year_counts_cumulative);
PG_FUNCTION_INFO_V1(year_counts_years);
PG_FUNCTION_INFO_V1(year_counts_eq);
PG_FUNCTION_INFO_V1(year_counts_ne);
PG_FUNCTION_INFO_V1(year_counts_hash);
PG_FUNCTION_INFO_V1(year_counts_hash_extended);

/* The stored form is written by the core, into memory of exactly its size. */
HdhYearCountsStored *
year_counts_make(const HdhYearCounts *yc)
{
	size_t		size = hdh_year_counts_stored_size(yc);
	HdhYearCountsStored *data = palloc(size);

	hdh_year_counts_store(yc, data);
	SET_VARSIZE(data, size);
	return data;
}

/* Every reader validates: a corrupted stored value is an ERROR, never a crash. */
HdhYearCounts
year_counts_read(const HdhYearCountsStored *data, HdhStatus status)
{
	HdhYearCounts yc;
	HdhError	err;

	HDH_CHECK(hdh_year_counts_load(data, VARSIZE(data), status, &yc, &err), &err);
	return yc;
}

/* A new stored value of count years from first, every total 0. */
static HdhYearCountsStored *
NewStored(int32_t first, int32_t count)
{
	HdhYearCountsStored *data = palloc0(HDH_YEAR_COUNTS_STORED_SIZE(count));

	SET_VARSIZE(data, HDH_YEAR_COUNTS_STORED_SIZE(count));
	hdh_year_counts_store_header(data, first, count);
	return data;
}

/* Core view of argument n. */
static HdhYearCounts
GetArgYearCounts(FunctionCallInfo fcinfo, int n)
{
	return year_counts_read(PG_GETARG_YEAR_COUNTS_P(n), HDH_ERR_DATA);
}

/* Text input: parse once to validate and size, once more to fill. */
Datum
year_counts_in(PG_FUNCTION_ARGS)
{
	char	   *text = PG_GETARG_CSTRING(0);
	HdhError	err;
	int32_t		first;
	int32_t		count;
	HdhYearCountsStored *data;

	HDH_CHECK(hdh_year_counts_parse(text, &first, &count, NULL, &err), &err);
	data = NewStored(first, count);
	HDH_CHECK(hdh_year_counts_parse(text, &first, &count, (int64_t *) data->totals, &err), &err);
	PG_RETURN_YEAR_COUNTS_P(data);
}

Datum
year_counts_out(PG_FUNCTION_ARGS)
{
	HdhYearCounts yc = GetArgYearCounts(fcinfo, 0);
	char	   *buf = palloc(hdh_year_counts_format_size(&yc));

	hdh_year_counts_format(&yc, buf);
	PG_RETURN_CSTRING(buf);
}

/* Binary input: the same checks as text input, on the rest of the message. */
Datum
year_counts_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const unsigned char *bytes = (const unsigned char *) buf->data + buf->cursor;
	size_t		len = (size_t) (buf->len - buf->cursor);
	HdhError	err;
	int32_t		first;
	int32_t		count;
	HdhYearCountsStored *data;

	HDH_CHECK(hdh_year_counts_decode(bytes, len, &first, &count, NULL, &err), &err);
	data = NewStored(first, count);
	HDH_CHECK(hdh_year_counts_decode(bytes, len, &first, &count, (int64_t *) data->totals, &err),
			  &err);
	buf->cursor = buf->len;
	PG_RETURN_YEAR_COUNTS_P(data);
}

Datum
year_counts_send(PG_FUNCTION_ARGS)
{
	HdhYearCounts yc = GetArgYearCounts(fcinfo, 0);
	size_t		len = hdh_year_counts_encoded_size(&yc);
	unsigned char *bytes = palloc(len);
	StringInfoData buf;

	hdh_year_counts_encode(&yc, bytes);
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, (const char *) bytes, (int) len);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* yc1 + yc2: year-by-year sums, an error on bigint overflow. */
Datum
year_counts_add(PG_FUNCTION_ARGS)
{
	HdhYearCounts a = GetArgYearCounts(fcinfo, 0);
	HdhYearCounts b = GetArgYearCounts(fcinfo, 1);
	HdhYearCounts sum = HDH_YEAR_COUNTS_EMPTY;
	HdhAlloc	alloc;
	HdhError	err;

	hdh_context_allocator(CurrentMemoryContext, &alloc);
	HDH_CHECK(hdh_year_counts_merge(&sum, &a, &alloc, &err), &err);
	HDH_CHECK(hdh_year_counts_merge(&sum, &b, &alloc, &err), &err);
	PG_RETURN_YEAR_COUNTS_P(year_counts_make(&sum));
}

Datum
year_counts_value_in(PG_FUNCTION_ARGS)
{
	HdhYearCounts yc = GetArgYearCounts(fcinfo, 0);
	int64_t		value;
	HdhError	err;

	HDH_CHECK(hdh_year_counts_value(&yc, PG_GETARG_INT32(1), &value, &err), &err);
	PG_RETURN_INT64(value);
}

/* multiplier and yoy share this; NULL when the base year has nothing. */
static Datum
Multiplier(FunctionCallInfo fcinfo, int64 base_year, int64 year)
{
	HdhYearCounts yc = GetArgYearCounts(fcinfo, 0);
	double		ratio;
	bool		defined;
	HdhError	err;

	HDH_CHECK(hdh_year_counts_multiplier(&yc, base_year, year, &ratio, &defined, &err), &err);
	if (!defined)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(ratio);
}

Datum
year_counts_multiplier(PG_FUNCTION_ARGS)
{
	return Multiplier(fcinfo, PG_GETARG_INT32(1), PG_GETARG_INT32(2));
}

Datum
year_counts_yoy(PG_FUNCTION_ARGS)
{
	int64		year = PG_GETARG_INT32(1);

	return Multiplier(fcinfo, year - 1, year);
}

Datum
year_counts_cagr(PG_FUNCTION_ARGS)
{
	HdhYearCounts yc = GetArgYearCounts(fcinfo, 0);
	double		rate;
	bool		defined;
	HdhError	err;

	HDH_CHECK(hdh_year_counts_cagr(&yc, PG_GETARG_INT32(1), PG_GETARG_INT32(2),
								   &rate, &defined, &err), &err);
	if (!defined)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(rate);
}

Datum
year_counts_cumulative(PG_FUNCTION_ARGS)
{
	HdhYearCounts yc = GetArgYearCounts(fcinfo, 0);
	int64_t		sum;
	HdhError	err;

	HDH_CHECK(hdh_year_counts_cumulative(&yc, PG_GETARG_INT32(1), PG_GETARG_INT32(2),
										 &sum, &err), &err);
	PG_RETURN_INT64(sum);
}

/* years(yc): one row per year with a total, ascending (a materialized SRF). */
Datum
year_counts_years(PG_FUNCTION_ARGS)
{
	HdhYearCounts yc = GetArgYearCounts(fcinfo, 0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int32		i;

	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	for (i = 0; i < yc.count; i++)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};

		if (yc.totals[i] == 0)
			continue;
		values[0] = Int32GetDatum(yc.first + i);
		values[1] = Int64GetDatum(yc.totals[i]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* ---- equality and hashing (=, <>, year_counts_hash_ops) ----
 *
 * A year_counts has exactly one stored byte string per value (hdh_varlena.h
 * says why that makes byte equality value equality): every stored value is
 * written by hdh_year_counts_store() (src/core/year_counts_codec.c, through
 * year_counts_make()) or, for text and binary input, into palloc0'd memory
 * after hdh_year_counts_store_header(): trimmed (the first and last totals
 * non-zero, an empty value has first year 0), with version 1, flags and
 * reserved 0, and the years in between that have nothing hold 0; the struct
 * has no padding. hdh_year_counts_load() rejects anything else.
 */

/* yc1 = yc2: the same total in every year. */
Datum
year_counts_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(hdh_varlena_equal(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)));
}

/* yc1 <> yc2. */
Datum
year_counts_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!hdh_varlena_equal(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)));
}

/* Hash support of the hash operator class. */
Datum
year_counts_hash(PG_FUNCTION_ARGS)
{
	return hdh_varlena_hash(PG_GETARG_DATUM(0));
}

/* Extended hash support of the hash operator class. */
Datum
year_counts_hash_extended(PG_FUNCTION_ARGS)
{
	return hdh_varlena_hash_extended(PG_GETARG_DATUM(0), (uint64) PG_GETARG_INT64(1));
}
