/*
 * src/year_counts.h
 *	  What the SQL glue of year_counts shares between year_counts.c (type
 *	  I/O, accessors, operators) and year_counts_agg.c (aggregate support).
 *	  The stored form and its checks are in the core
 *	  (src/core/year_counts_codec.h).
 */
#ifndef HDH_YEAR_COUNTS_H
#define HDH_YEAR_COUNTS_H

#include "postgres.h"

#include "fmgr.h"

#include "core/year_counts_codec.h"
#include "core/year_counts_totals.h"

#define DatumGetYearCountsP(X)		((HdhYearCountsStored *) PG_DETOAST_DATUM(X))
#define PG_GETARG_YEAR_COUNTS_P(n)	DatumGetYearCountsP(PG_GETARG_DATUM(n))
#define PG_RETURN_YEAR_COUNTS_P(x)	PG_RETURN_POINTER(x)

/* A new stored value (trimmed copy of yc), palloc'd in the current context. */
extern HdhYearCountsStored *year_counts_make(const HdhYearCounts *yc);

/*
 * A core view of a stored value or of serialized state (4-byte varlena
 * header, aligned), fully checked; status is the failure to report (binary
 * for deserialized state, data for a stored value).
 */
extern HdhYearCounts year_counts_read(const HdhYearCountsStored *data, HdhStatus status);

#endif
