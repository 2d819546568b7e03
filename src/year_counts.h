/*
 * src/year_counts.h
 *	  The stored form of the year_counts type, shared by its I/O, accessors
 *	  and aggregates.
 *
 * A varlena: a version byte, a flags byte and a reserved int16 (both 0), the
 * first year, the number of years, then one int64 total per year from the
 * first to the last (a 0 in between means the year is absent). The first and
 * last totals are non-zero; an empty value has 0 years and first year 0.
 * The aggregates' serialized state uses the same layout inside a bytea.
 */
#ifndef HDH_YEAR_COUNTS_H
#define HDH_YEAR_COUNTS_H

#include "postgres.h"

#include "fmgr.h"

#include "core/year_counts_totals.h"

#define YEAR_COUNTS_VERSION 1

typedef struct YearCountsData
{
	int32		vl_len_;		/* varlena header (do not touch directly) */
	uint8		version;		/* YEAR_COUNTS_VERSION */
	uint8		flags;			/* reserved, 0 */
	int16		reserved;		/* reserved, 0 */
	int32		first_year;		/* year of totals[0]; 0 when nyears is 0 */
	int32		nyears;			/* totals that follow */
	int64		totals[FLEXIBLE_ARRAY_MEMBER];
} YearCountsData;

#define YEAR_COUNTS_SIZE(n) (offsetof(YearCountsData, totals) + sizeof(int64) * (n))

#define DatumGetYearCountsP(X)		((YearCountsData *) PG_DETOAST_DATUM(X))
#define PG_GETARG_YEAR_COUNTS_P(n)	DatumGetYearCountsP(PG_GETARG_DATUM(n))
#define PG_RETURN_YEAR_COUNTS_P(x)	PG_RETURN_POINTER(x)

/* Core allocations in a memory context (palloc, pfree). */
extern void YearCountsAllocIn(HdhYearCountsAlloc *alloc, MemoryContext cxt);

/* A new stored value (trimmed copy of yc), palloc'd in the current context. */
extern YearCountsData *YearCountsFromCore(const HdhYearCounts *yc);

/*
 * A core view of a stored value or of serialized state, after checking its
 * header, length and invariants; status is the failure to report (binary
 * for deserialized state, data for a stored value).
 */
extern HdhYearCounts YearCountsToCore(const YearCountsData *data, HdhStatus status);

#endif
