/*
 * src/summary_equality.c
 *	  Equality (=, <>) and hashing of the stored summary types delay_summary
 *	  and year_counts, for DISTINCT, GROUP BY, UNION, hash joins, hash
 *	  indexes and hash partitioning (src/sql/70_equality.sql).
 *
 * Both types have exactly one stored byte string per value, so two values
 * are equal exactly when their detoasted bytes are equal, and hashing the
 * bytes is consistent with that equality:
 *
 *	- delay_summary: every stored value is written by delay_summary_make()
 *	  (src/delay_summary.c) through hdh_delay_pack() (src/core/delay_codec.c),
 *	  whatever built it (text or binary input, +, delay_agg, rollup), from a
 *	  summary that hdh_delay_check() accepts: days strictly ascending, each
 *	  listed once with a positive count, header totals equal to the sums. The
 *	  packed form writes every byte (version 1, flags 0, reserved 0, n and
 *	  totals, then shortest-form LEB128 varints; hdh_delay_packed_size() is
 *	  exact), so a summary has one encoding, and hdh_delay_unpack() rejects
 *	  any other (overlong varint, trailing byte, non-zero flags).
 *	- year_counts: every stored value is written by hdh_year_counts_store()
 *	  (src/core/year_counts_codec.c, through year_counts_make() in
 *	  src/year_counts.c) or, for text and binary input, into palloc0'd memory
 *	  after hdh_year_counts_store_header(): trimmed (the first and last
 *	  totals non-zero, an empty value has first year 0), with version 1,
 *	  flags and reserved 0, and the years in between that have nothing hold
 *	  0; the struct has no padding. hdh_year_counts_load() rejects anything
 *	  else.
 *
 * Neither function decodes its arguments: no byte is interpreted, so a
 * corrupted value cannot crash them (it compares unequal; every other reader
 * reports it). The varlena header is not compared: a value may be stored with
 * a short (1-byte) header, compressed or out of line, and in memory with a
 * 4-byte one.
 */
#include "postgres.h"

#include "access/detoast.h"
#include "common/hashfn.h"
#include "fmgr.h"

PG_FUNCTION_INFO_V1(delay_summary_eq);
PG_FUNCTION_INFO_V1(delay_summary_ne);
PG_FUNCTION_INFO_V1(delay_summary_hash);
PG_FUNCTION_INFO_V1(delay_summary_hash_extended);
PG_FUNCTION_INFO_V1(year_counts_eq);
PG_FUNCTION_INFO_V1(year_counts_ne);
PG_FUNCTION_INFO_V1(year_counts_hash);
PG_FUNCTION_INFO_V1(year_counts_hash_extended);

/* Canonical stored forms: equal values have equal bytes (see the header). */
static bool
SameBytes(FunctionCallInfo fcinfo)
{
	Datum		a = PG_GETARG_DATUM(0);
	Datum		b = PG_GETARG_DATUM(1);
	struct varlena *va;
	struct varlena *vb;
	Size		len;
	bool		same;

	/* Different raw sizes: different values, without detoasting either. */
	if (toast_raw_datum_size(a) != toast_raw_datum_size(b))
		return false;
	va = PG_DETOAST_DATUM_PACKED(a);
	vb = PG_DETOAST_DATUM_PACKED(b);
	len = VARSIZE_ANY_EXHDR(va);
	same = len == VARSIZE_ANY_EXHDR(vb) && memcmp(VARDATA_ANY(va), VARDATA_ANY(vb), len) == 0;
	PG_FREE_IF_COPY(va, 0);
	PG_FREE_IF_COPY(vb, 1);
	return same;
}

/* Hash of the bytes SameBytes compares, so equal values hash alike. */
static Datum
BytesHash(FunctionCallInfo fcinfo)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));
	Datum		result = hash_any((const unsigned char *) VARDATA_ANY(v), (int) VARSIZE_ANY_EXHDR(v));

	PG_FREE_IF_COPY(v, 0);
	return result;
}

/* 64-bit seeded hash of the same bytes (hash partitioning); seed 0 agrees with BytesHash. */
static Datum
BytesHashExtended(FunctionCallInfo fcinfo)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));
	Datum		result = hash_any_extended((const unsigned char *) VARDATA_ANY(v),
										   (int) VARSIZE_ANY_EXHDR(v), (uint64) PG_GETARG_INT64(1));

	PG_FREE_IF_COPY(v, 0);
	return result;
}

/* s1 = s2: the same delays, day by day. */
Datum
delay_summary_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(SameBytes(fcinfo));
}

/* s1 <> s2. */
Datum
delay_summary_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!SameBytes(fcinfo));
}

/* Hash support of the hash operator class. */
Datum
delay_summary_hash(PG_FUNCTION_ARGS)
{
	return BytesHash(fcinfo);
}

/* Extended hash support of the hash operator class. */
Datum
delay_summary_hash_extended(PG_FUNCTION_ARGS)
{
	return BytesHashExtended(fcinfo);
}

/* yc1 = yc2: the same total in every year. */
Datum
year_counts_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(SameBytes(fcinfo));
}

/* yc1 <> yc2. */
Datum
year_counts_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!SameBytes(fcinfo));
}

/* Hash support of the hash operator class. */
Datum
year_counts_hash(PG_FUNCTION_ARGS)
{
	return BytesHash(fcinfo);
}

/* Extended hash support of the hash operator class. */
Datum
year_counts_hash_extended(PG_FUNCTION_ARGS)
{
	return BytesHashExtended(fcinfo);
}
