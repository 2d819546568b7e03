/*
 * src/delay_summary.h
 *	  What the SQL glue of delay_summary shares between delay_summary.c (type
 *	  I/O, accessors, operator) and delay_agg.c (aggregate support).
 */
#ifndef HDH_DELAY_SUMMARY_GLUE_H
#define HDH_DELAY_SUMMARY_GLUE_H

#include "postgres.h"

#include "fmgr.h"

#include "core/delay_state.h"

/* Read a stored delay_summary datum (detoasted, fully checked); memory in CurrentMemoryContext. */
extern void delay_summary_read(Datum datum, HdhDelaySummary *out);

/* A new delay_summary value (in CurrentMemoryContext) holding sum. */
extern Datum delay_summary_make(const HdhDelaySummary *sum);

#endif
